"""The pipeline as a stream: order kept, one bad article recorded, never stopping the run."""
from flashpoint.errors import BadArticleLine
from flashpoint.pipeline import Pipeline, Summary
from flashpoint.record import Article

ATTACK = "Gunmen shot dead two police officers at a checkpoint in Kirkuk on Monday."


class ExplodingPlaces:
    """A place resolver that fails on one article, as a bug in a stage would."""

    def __init__(self, real):
        self.real = real
        self.gazetteer = real.gazetteer

    def survey(self, article, doc):
        if article.id == "bad":
            raise ValueError("boom")
        return self.real.survey(article, doc)

    def location_for(self, *args, **kwargs):
        return self.real.location_for(*args, **kwargs)


def test_a_failing_article_is_recorded_and_the_run_goes_on():
    from flashpoint.resolve.places.places import PlaceResolver

    pipeline = Pipeline(places=ExplodingPlaces(PlaceResolver()))
    items = [Article(id="a", text=ATTACK), Article(id="bad", text=ATTACK),
             BadArticleLine("x.jsonl, line 3: not JSON"), Article(id="c", text=ATTACK)]
    results = list(pipeline.run(items))
    assert [r.article.id if r.article else None for r in results] == ["a", "bad", None, "c"]
    assert "ValueError: boom" in str(results[1].error) and results[1].error.code == "FP900"
    assert results[0].events and results[3].events
    summary = Summary()
    for r in results:
        summary.add(r)
    assert (summary.articles, summary.errors) == (2, 2)


def test_non_english_articles_are_skipped_with_a_message():
    text = ("Des hommes armés ont tué deux policiers à un poste de contrôle à Kirkouk lundi, "
            "selon les autorités de la province qui ont ouvert une enquête sur cette attaque.")
    [result] = list(Pipeline().run([Article(id="fr", text=text)]))
    assert result.skipped is not None and "English" in str(result.skipped)
    assert result.events == []


def test_event_ids_are_stable_across_runs_and_batch_sizes():
    articles = [Article(id=f"a{i}", text=ATTACK) for i in range(3)]
    first = [e.id for r in Pipeline(batch_size=1).run(articles) for e in r.events]
    second = [e.id for r in Pipeline(batch_size=8).run(articles) for e in r.events]
    assert first == second and len(set(first)) == len(first)


def test_an_article_too_long_to_parse_is_refused_whole_not_cut():
    pipeline = Pipeline()
    pipeline.nlp.max_length, saved = 60, pipeline.nlp.max_length
    try:
        results = list(pipeline.run([Article(id="long", text=ATTACK + " " + ATTACK),
                                     Article(id="ok", text="Gunmen shot two men.")]))
    finally:
        pipeline.nlp.max_length = saved
    assert results[0].error.code == "FP901" and "split it" in str(results[0].error)
    assert results[1].error is None


def test_a_parse_failure_costs_one_article(monkeypatch):
    pipeline = Pipeline()
    real = pipeline.nlp.__class__.__call__

    def fragile(nlp, text, *args, **kwargs):
        if "poison" in text:
            raise RuntimeError("parser crashed")
        return real(nlp, text, *args, **kwargs)

    monkeypatch.setattr(pipeline.nlp.__class__, "__call__", fragile)
    monkeypatch.setattr(pipeline.nlp.__class__, "pipe",
                        lambda nlp, texts, **kw: (fragile(nlp, t) for t in texts))
    results = list(pipeline.run([Article(id="a", text=ATTACK), Article(id="p", text="poison " + ATTACK)]))
    assert results[0].events and "parser crashed" in str(results[1].error)


# -- the one pipeline definition -----------------------------------------------------------------
def test_every_stage_needs_only_what_an_earlier_stage_adds():
    from flashpoint.pipeline import STAGES, check_stages

    check_stages(STAGES)
    assert [s.name for s in STAGES] == ["clean", "language", "parse", "places", "dates",
                                        "extract", "resolve", "code", "events"]


def test_a_stage_placed_before_what_it_needs_is_refused():
    import pytest

    from flashpoint.errors import ConfigError
    from flashpoint.pipeline import STAGES

    by_name = {s.name: s for s in STAGES}
    early = [by_name[n] for n in ("clean", "language", "parse", "extract", "places", "dates")]
    with pytest.raises(ConfigError) as refused:
        Pipeline(stages=early)
    assert str(refused.value) == (
        "[FP500] pipeline stage 'extract' needs dates, places, which no stage before it adds; "
        "move it after the stage that adds them")


def test_a_stage_that_adds_what_the_analysis_does_not_hold_is_refused():
    import pytest

    from flashpoint.errors import ConfigError
    from flashpoint.pipeline import STAGES, check_stages, stage

    with pytest.raises(ConfigError, match="adds mood, which the Analysis does not hold"):
        check_stages([*STAGES, stage("mood", lambda pipeline, a: None, "events", "mood")])


def test_coding_comes_after_resolving_and_reads_what_it_resolved():
    from flashpoint.pipeline import STAGES

    names = [s.name for s in STAGES]
    code = STAGES[names.index("code")]
    assert names.index("resolve") < names.index("code") < names.index("events")
    assert "resolved" in code.needs and code.adds == {"codes"}


# -- failures: the cause chained, the traceback kept ---------------------------------------------
def test_a_failing_stage_chains_its_cause_and_keeps_the_traceback():
    from flashpoint.resolve.places.places import PlaceResolver

    pipeline = Pipeline(places=ExplodingPlaces(PlaceResolver()))
    [result] = list(pipeline.run([Article(id="bad", text=ATTACK)]))
    assert isinstance(result.error.__cause__, ValueError)
    assert "failed in the pipeline's places stage: ValueError: boom" in str(result.error)
    assert "Traceback" in result.error.trace and "in survey" in result.error.trace
    assert result.places == [] and result.events == []


def test_the_traceback_survives_the_trip_from_a_worker_process():
    import pickle

    from flashpoint.analysis import failed

    error = pickle.loads(pickle.dumps(failed("article 'x' failed", ValueError("boom"))))
    assert error.code == "FP900" and "ValueError: boom" in error.trace


# -- what a run counts, returned with its results ------------------------------------------------
def test_unmatched_actor_names_come_back_with_their_article():
    text = "The Zorgon Liberation Front attacked a police station in Kirkuk, killing two officers."
    results = list(Pipeline().run([Article(id="z", text=text), Article(id="a", text=ATTACK)]))
    assert results[0].unmatched == {"Zorgon Liberation Front": 1}
    assert results[1].unmatched == {}
