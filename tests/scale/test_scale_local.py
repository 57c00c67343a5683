"""The local engine's worker processes: the same results, in input order, errors kept apart."""
import functools
from pathlib import Path

import pytest

from flashpoint.errors import BadArticleLine, ConfigError
from flashpoint.ingest.readers import read_inputs
from flashpoint.pipeline import Pipeline
from flashpoint.record import Article
from flashpoint.scale.local import WorkerPool, _worker_died

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
FRENCH = ("Des hommes armés ont tué deux policiers à un poste de contrôle à Kirkouk lundi, "
          "selon les autorités de la province qui ont ouvert une enquête sur cette attaque.")


def _items():
    items = list(read_inputs([str(SAMPLES / "articles.jsonl")]))
    items.insert(3, BadArticleLine("x.jsonl, line 4: not valid JSON; write one JSON object per line"))
    items.insert(6, Article(id="fr", text=FRENCH))
    return items


def _view(results):
    return [(r.article.id if r.article else None, str(r.error) if r.error else None,
             str(r.skipped) if r.skipped else None, [e.model_dump_json() for e in r.events])
            for r in results]


def test_two_workers_give_the_one_process_results_in_input_order():
    items = _items()
    alone = _view(Pipeline(workers=1, batch_size=2).run(items))
    pooled = _view(Pipeline(workers=2, batch_size=2).run(items))  # 12 items: 6 chunks
    assert pooled == alone
    assert pooled[3][1].startswith("[FP102] x.jsonl, line 4") and pooled[6][2] is not None
    assert sum(len(r[3]) for r in pooled) > 20


def test_resolvers_handed_in_cannot_go_to_worker_processes():
    from flashpoint.resolve.places.places import PlaceResolver

    pipeline = Pipeline(workers=2, batch_size=1, places=PlaceResolver())
    with pytest.raises(ConfigError, match="workers=1"):
        list(pipeline.run([Article(id="a", text="x"), Article(id="b", text="y")]))


def test_a_chunk_that_kills_its_worker_twice_is_reported_article_by_article():
    died = [_worker_died(Article(id="a", text="x")), _worker_died(BadArticleLine("bad line"))]
    assert died[0].article.id == "a" and "died twice" in str(died[0].error)
    assert died[0].error.code == "FP900"
    assert died[1].article is None and "bad line" in str(died[1].error)


def test_a_killed_worker_costs_only_its_chunk(monkeypatch):
    import flashpoint.scale.local as local

    pool = WorkerPool(functools.partial(Pipeline, workers=1, batch_size=1), workers=2, batch_size=1)
    calls = []

    def fake_retry(chunk):
        calls.append([a.id for a in chunk])
        return [_worker_died(a) for a in chunk]
    monkeypatch.setattr(pool, "_retry_alone", fake_retry)
    monkeypatch.setattr(local, "_run_chunk", _die_on_b)
    results = list(pool.run([Article(id=i, text="Gunmen shot two men.") for i in "abc"]))
    assert [r.article.id for r in results] == ["a", "b", "c"]
    assert calls == [["b"]] and results[1].error is not None
    assert results[0].error is None and results[2].error is None


def _die_on_b(chunk):
    import os

    if chunk[0].id == "b":
        os._exit(1)
    from flashpoint.pipeline import Result

    return [Result(article=a) for a in chunk]
