"""The pipeline's stages: one function each, reading and extending one ``Analysis``.

``flashpoint.pipeline.STAGES`` lists them in order with what each needs and adds; this module
holds what they do. A stage takes the pipeline (for its loaded resources: the spaCy model, the
place and actor resolvers) and the article's Analysis; ``parse`` takes the whole batch, since
spaCy parses many texts faster than one by one. Heavy modules load inside the functions, when a
run starts, so importing flashpoint loads no model.

Codes: the ``code`` stage settles each draft's ACLED codes once, after its actors and targets
are resolved (``extract.targets.settle``), and the events carry those. Extraction still gives
each draft the codes its words tell (``_set_codes``/``_retype``, copied by ``merge._fill`` when
two drafts merge, recoded by ``mark_interventions`` and ``disorder``), because its own later
rules decide by them (which protest a dispersal belongs to, what counts as aftermath); moving
those rules to facts the code stage reads is issue 9's work on ACLED coding, in those modules.
``link.reconcile`` votes among the codes of an event's mentions across articles: that chooses
between settled codes, it derives none.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from flashpoint.analysis import ArticleTooLong, Resolved, failed
from flashpoint.record import Evidence, Event, content_id

if TYPE_CHECKING:
    from flashpoint.analysis import Analysis
    from flashpoint.extract.draft import Draft
    from flashpoint.pipeline import Pipeline

# Bump when the records the pipeline writes change for the same input: it is part of every id.
PIPELINE_VERSION = "flashpoint-extract-1"


def clean(pipeline: Pipeline, a: Analysis) -> None:
    """Boilerplate marked on the article; an article spaCy cannot parse whole is refused."""
    from flashpoint.ingest.clean import clean as mark_boilerplate

    max_length = pipeline.nlp.max_length
    if len(a.article.text) > max_length:
        raise ArticleTooLong(
            f"article {a.article.id!r} has {len(a.article.text):,} characters, more than the "
            f"{max_length:,} the spaCy pipeline parses at once; split it into parts "
            "(each its own article) and run again. Nothing was cut.")
    a.article = mark_boilerplate(a.article)
    a.text = a.article.masked_text()


def language(pipeline: Pipeline, a: Analysis) -> None:
    """Articles that are not English are set aside (skipped, not failed)."""
    from flashpoint.ingest.language import detect_problem

    a.skipped = detect_problem(a.article)


def parse(pipeline: Pipeline, batch: list[Analysis]) -> None:
    """spaCy docs for the batch; if the batch fails, parse one by one to find the culprit."""
    texts = [pipeline.with_case(a.text) for a in batch]
    try:
        docs = list(pipeline.nlp.pipe(texts, batch_size=pipeline.batch_size))
    except Exception:  # isolate the failing article; the others still get parsed
        docs = [_parse_one(pipeline, a, text) for a, text in zip(batch, texts)]
    for a, doc in zip(batch, docs):
        if doc is None:
            continue
        a.doc = doc
        a.sentences = [(s.start_char, s.end_char) for s in doc.sents]


def _parse_one(pipeline: Pipeline, a: Analysis, text: str):
    try:
        return pipeline.nlp(text)
    except Exception as exc:  # recorded on this article's analysis
        a.error = failed(f"article {a.article.id!r} could not be parsed by spaCy: "
                         f"{exc.__class__.__name__}: {exc}", exc)
        return None


def places(pipeline: Pipeline, a: Analysis) -> None:
    """Every place mention, resolved with the article's context, with its role."""
    a.places, a.place_roles = pipeline.places.survey(a.article, a.doc)


def dates(pipeline: Pipeline, a: Analysis) -> None:
    """Every date expression, resolved; and the incident date in force in each sentence."""
    from flashpoint.resolve.time.time import dates_in_force, find_dates

    a.dates = find_dates(a.article, a.doc)
    a.in_force = dates_in_force(a.dates, a.doc)


def extract(pipeline: Pipeline, a: Analysis) -> None:
    """Events found in the parse, as Drafts with raw spans."""
    from flashpoint.extract import extract as find_drafts

    a.drafts = find_drafts(a.article, a.doc, a.places, a.dates, gazetteer=pipeline.places.gazetteer)


def resolve(pipeline: Pipeline, a: Analysis) -> None:
    """Each draft's date, location and actors, resolved in its sentence."""
    a.resolved = [_resolved(pipeline, a, d) for d in a.drafts]


def _resolved(pipeline: Pipeline, a: Analysis, draft: Draft) -> Resolved:
    from flashpoint.resolve.actors.actor_roles import agent_role, countries_for, names_a_place

    sentence = a.sentences[draft.sentence] if draft.sentence < len(a.sentences) else draft.evidence
    when = _when(a, draft, sentence)
    location = pipeline.places.location_for(a.places, draft.places, sentence, draft.trigger,
                                            avoid=draft.actors + draft.recipients,
                                            roles=a.place_roles)
    context = a.article.text[sentence[0]:sentence[1]]
    countries = countries_for(location, a.places, sentence)
    role = agent_role(draft.event_type, draft.acled_event_type)

    def actor(span: tuple[int, int], role: Optional[str] = None):
        found = pipeline.actors.resolve(a.article.text[span[0]:span[1]], context, on=when.start,
                                        unmatched=a.unmatched)
        return pipeline.actors.in_event(found, countries, role, on=when.start)

    actors = [found for found, span in zip([actor(s, role) for s in draft.actors], draft.actors)
              if not names_a_place(found, span, a.places)]
    return Resolved(when, location, actors, [actor(s) for s in draft.recipients])


def _when(a: Analysis, draft: Draft, sentence: tuple[int, int]):
    from flashpoint.resolve.time.time import date_for, inherited_date
    from flashpoint.resolve.time.timeline import aside

    inherited = inherited_date(a.in_force, a.doc, draft.sentence, draft.trigger, draft.event_type)
    return date_for(a.dates, draft.dates, sentence, draft.trigger, a.article.published,
                    reported=draft.reported_by, inherited=inherited,
                    aside=aside(a.dates, a.doc, draft.trigger))


def code(pipeline: Pipeline, a: Analysis) -> None:
    """Each draft's ACLED codes, settled once its actors and targets are resolved."""
    from flashpoint.extract.targets import settle

    a.codes = [settle(d, [x.sector for x in r.recipients], [x.sector for x in r.actors])
               for d, r in zip(a.drafts, a.resolved)]


def events(pipeline: Pipeline, a: Analysis) -> None:
    """The contract Events, in text order."""
    found = [_event(a, d, r, c) for d, r, c in zip(a.drafts, a.resolved, a.codes)]
    a.events = sorted(found, key=lambda e: (e.evidence.start, e.evidence.end))


def _event(a: Analysis, draft: Draft, resolved: Resolved, codes) -> Event:
    from flashpoint.resolve.time.background import is_background

    article, (start, end) = a.article, draft.evidence
    return Event(
        id=content_id(article.id, draft.evidence, draft.trigger, draft.event_type,
                      draft.mode, draft.places, PIPELINE_VERSION),
        article_id=article.id,
        event_type=draft.event_type, mode=draft.mode,
        acled_event_type=codes[0], acled_sub_event_type=codes[1], cameo=draft.cameo,
        actors=resolved.actors, recipients=resolved.recipients,
        location=resolved.location, date=resolved.when,
        fatalities=draft.fatalities, injuries=draft.injuries,
        evidence=Evidence(quote=article.text[start:end], start=start, end=end,
                          sentence=draft.sentence),
        confidence=round(draft.confidence, 3),
        background=draft.background or is_background(resolved.when, article.published),
    )
