"""The run summaries: one outcome per result, and the printed lines scripts read."""
from collections import Counter
from types import SimpleNamespace

from flashpoint.errors import DuplicateArticle, InputError
from flashpoint.summary import (
    ADDED, ERROR, OK, REPLACED, SKIPPED, UNCHANGED, IngestSummary, SparkSummary, Summary, outcome,
)


def result(error=None, skipped=None, types=()):
    events = [SimpleNamespace(event_type=t) for t in types]
    return SimpleNamespace(error=error, skipped=skipped, events=events, article=object())


def test_each_result_has_one_outcome():
    assert outcome(result()) is OK
    assert outcome(result(skipped=InputError("not English"))) == SKIPPED
    assert outcome(result(error=InputError("bad"), skipped=InputError("x"))) == ERROR


def test_the_pipeline_summary_line():
    s = Summary()
    for r in (result(types=["ASSAULT", "ASSAULT", "PROTEST"]), result(skipped=InputError("x")),
              result(error=DuplicateArticle("again")), result(error=InputError("bad"))):
        s.add(r)
    assert s.by_type == Counter({"ASSAULT": 2, "PROTEST": 1})
    assert s.line() == ("1 articles read, 3 events found (ASSAULT 2, PROTEST 1); 1 skipped, "
                        "2 errors (1 repeated ids)")
    assert Summary().line() == "0 articles read, 0 events found; 0 skipped, 0 errors"


def test_the_ingest_summary_line():
    s = IngestSummary()
    for stored, n in ((ADDED, 3), (REPLACED, 2), (UNCHANGED, 9)):
        s.count(stored, n)
    assert str(s) == ("1 articles added, 1 replaced, 1 unchanged, 0 skipped, 0 failed; "
                      "5 mentions stored; events unchanged")
    s.events = 4
    assert str(s).endswith("; the store now holds 4 events")


def test_the_spark_summary_line():
    s = SparkSummary(articles=2, mentions=5, events=3, failed=1)
    assert str(s) == "2 articles read, 5 mentions, 3 events; 0 skipped, 1 failed"
    s.stored = "1 articles added"
    assert str(s).endswith("; store: 1 articles added")


def test_the_old_homes_still_offer_the_summaries():
    from flashpoint.pipeline import Summary as FromPipeline
    from flashpoint.scale.job import SparkSummary as FromJob
    from flashpoint.store import IngestSummary as FromStore

    assert (FromPipeline, FromStore, FromJob) == (Summary, IngestSummary, SparkSummary)
