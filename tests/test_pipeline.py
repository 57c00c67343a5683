"""The pipeline as a stream: order kept, one bad article recorded, never stopping the run."""
from flashpoint.errors import BadArticleLine
from flashpoint.pipeline import Pipeline, Summary
from flashpoint.record import Article

ATTACK = "Gunmen shot dead two police officers at a checkpoint in Kirkuk on Monday."


class ExplodingPlaces:
    """A place resolver that fails on one article, as a bug in a stage would."""

    def __init__(self, real):
        self.real = real

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
