"""The extraction pipeline: a stream of articles in, a stream of results out.

Stages, in order, each small and owned by its own module:

    clean      ingest.clean       marks boilerplate (captions, related headlines...) on the Article
    language   ingest.language    sets aside articles that are not English
    nlp        nlp                spaCy parses the masked text (same length, so offsets hold)
    places     resolve.places     every place mention, resolved with the article's context
    dates      resolve.time       every date expression, resolved against publication and narrative
    extract    extract            events found in the parse, as Drafts with raw spans
    resolve    pipeline           Drafts become contract Events: actors, location, date

One bad article is recorded on its Result and counted; it never stops the run.
"""
from __future__ import annotations

import functools
import itertools
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Iterator, Optional, Sequence, Union

from flashpoint.analysis import ArticleFailed, ArticleTooLong, Result
from flashpoint.errors import ConfigError, DuplicateArticle, FlashpointError
from flashpoint.record import Article, DateMention, Evidence, Event, content_id

if TYPE_CHECKING:  # the extract package imports spaCy: load it only when a run starts
    from flashpoint.extract.draft import Draft

# Bump when the records the pipeline writes change for the same input: it is part of every id.
PIPELINE_VERSION = "flashpoint-extract-1"


@dataclass
class Summary:
    """Counts for the run summary printed on standard error."""

    articles: int = 0
    events: int = 0
    skipped: int = 0
    errors: int = 0
    repeated_ids: int = 0   # of the errors: articles refused because their id was read before
    by_type: Counter = field(default_factory=Counter)

    def add(self, result: Result) -> None:
        if result.error is not None:
            self.errors += 1
            self.repeated_ids += isinstance(result.error, DuplicateArticle)
        elif result.skipped is not None:
            self.skipped += 1
        else:
            self.articles += 1
            self.events += len(result.events)
            self.by_type.update(e.event_type for e in result.events)

    def line(self) -> str:
        types = ", ".join(f"{t} {n}" for t, n in self.by_type.most_common())
        return (f"{self.articles} articles read, {self.events} events found"
                f"{' (' + types + ')' if types else ''}; "
                f"{self.skipped} skipped, {self.errors} errors"
                f"{f' ({self.repeated_ids} repeated ids)' if self.repeated_ids else ''}")


class Pipeline:
    """Runs the stages over a stream; heavy resources load on first use."""

    def __init__(self, model: str | None = None, workers: int = 1, batch_size: int = 32,
                 places=None, actors=None):
        """``workers``: processes that run the pipeline (1: this process, nothing spawned)."""
        self.model = model
        self.workers = max(1, workers)
        self.batch_size = max(1, batch_size)
        self._places = places
        self._actors = actors
        self._casing = None

    @property
    def nlp(self):
        from flashpoint.nlp import load_pipeline

        return load_pipeline(self.model)

    @property
    def places(self):
        if self._places is None:
            from flashpoint.resolve.places.places import PlaceResolver

            self._places = PlaceResolver()
        return self._places

    @property
    def actors(self):
        if self._actors is None:
            from flashpoint.resolve.actors.actors import ActorResolver

            self._actors = ActorResolver()
        return self._actors

    def run(self, items: Iterable[Union[Article, FlashpointError]]) -> Iterator[Result]:
        """Yield one Result per input item, in input order.

        With ``workers`` > 1 the whole per-article pipeline runs in that many worker processes
        (``flashpoint.scale.local``), each loading the model and resolvers once.
        """
        stream = iter(items)
        first = list(itertools.islice(stream, self.batch_size + 1))
        stream = itertools.chain(first, stream)
        if self.workers > 1 and len(first) > self.batch_size:  # one chunk: not worth a pool
            yield from self._worker_pool().run(stream)
            return
        while chunk := list(itertools.islice(stream, self.batch_size)):
            yield from self._run_chunk(chunk)

    def _worker_pool(self):
        from flashpoint.scale.local import WorkerPool

        if self._places is not None or self._actors is not None:
            raise ConfigError("resolvers handed to Pipeline live in this process, and worker "
                              "processes cannot use them; pass workers=1 with them")
        make = functools.partial(Pipeline, model=self.model, workers=1, batch_size=self.batch_size)
        return WorkerPool(make, self.workers, self.batch_size)

    def _run_chunk(self, chunk: list) -> Iterator[Result]:
        prepared = [_prepare(item, self.nlp.max_length) for item in chunk]
        ready = [r for r in prepared if r.article is not None and not r.error and not r.skipped]
        docs = dict(zip(map(id, ready), self._parse([r.article for r in ready])))
        for result in prepared:
            doc = docs.get(id(result))
            if doc is None:
                yield result
            elif isinstance(doc, FlashpointError):
                result.error = doc
                yield result
            else:
                yield self._analyse(result.article, doc)

    def _parse(self, articles: list[Article]) -> list:
        """spaCy docs in article order; if a batch fails, parse one by one to find the culprit."""
        texts = [self._with_case(a.masked_text()) for a in articles]
        try:
            return list(self.nlp.pipe(texts, batch_size=self.batch_size))
        except Exception:  # isolate the failing article; the others still get parsed
            return [self._parse_one(a, t) for a, t in zip(articles, texts)]

    def _with_case(self, text: str) -> str:
        """Text written all in lower case is parsed as a same-length copy with its capitals
        restored (flashpoint.ingest.noisy), so that names are found; offsets stay true."""
        from flashpoint.ingest.noisy import lacks_case

        if not lacks_case(text):
            return text
        if self._casing is None:
            from flashpoint.ingest.noisy import case_restorer

            self._casing = case_restorer(self.places.gazetteer, self.nlp)
        return self._casing.restore(text)

    def _parse_one(self, article: Article, text: str):
        try:
            return self.nlp(text)
        except Exception as exc:  # recorded on this article's result
            return ArticleFailed(f"article {article.id!r} could not be parsed by spaCy: "
                                 f"{exc.__class__.__name__}: {exc}")

    def _analyse(self, article: Article, doc) -> Result:
        try:
            return self.analyse(article, doc)
        except FlashpointError as exc:
            return Result(article=article, error=exc)
        except Exception as exc:  # one article's failure is recorded, never stops the run
            return Result(article=article, error=ArticleFailed(
                f"article {article.id!r} failed in the pipeline: {exc.__class__.__name__}: {exc}. "
                "The run went on without it; please report this with the article."))

    def analyse(self, article: Article, doc) -> Result:
        """All stages after nlp, for one parsed article."""
        from flashpoint.extract import extract
        from flashpoint.resolve.time.time import dates_in_force, find_dates, inherited_date
        from flashpoint.resolve.time.timeline import aside

        places, roles = self.places.survey(article, doc)
        dates = find_dates(article, doc)
        drafts = extract(article, doc, places, dates)
        sentences = [(s.start_char, s.end_char) for s in doc.sents]
        in_force = dates_in_force(dates, doc)
        events = [self._event(article, d, places, roles, dates, sentences,
                              inherited=inherited_date(in_force, doc, d.sentence, d.trigger,
                                                       d.event_type),
                              aside=aside(dates, doc, d.trigger))
                  for d in drafts]
        events.sort(key=lambda e: (e.evidence.start, e.evidence.end))
        return Result(article=article, events=events, places=places, dates=dates)

    def _event(self, article: Article, draft: Draft, places, roles, dates, sentences,
               inherited: Optional[DateMention] = None, aside: Sequence[int] = ()) -> Event:
        from flashpoint.extract.targets import settle
        from flashpoint.resolve.actors.actor_roles import agent_role, countries_for, names_a_place
        from flashpoint.resolve.time.time import date_for, is_background

        sentence = sentences[draft.sentence] if draft.sentence < len(sentences) else draft.evidence
        when = date_for(dates, draft.dates, sentence, draft.trigger, article.published,
                        reported=draft.reported_by, inherited=inherited, aside=aside)
        location = self.places.location_for(places, draft.places, sentence, draft.trigger,
                                            avoid=draft.actors + draft.recipients, roles=roles)
        context = article.text[sentence[0]:sentence[1]]
        countries = countries_for(location, places, sentence)
        role = agent_role(draft.event_type, draft.acled_event_type)
        start, end = draft.evidence
        actors = [a for a, span in zip(
            [self._actor(article.text[s:e], context, when, countries, role) for s, e in draft.actors],
            draft.actors) if not names_a_place(a, span, places)]
        recipients = [self._actor(article.text[s:e], context, when, countries)
                      for s, e in draft.recipients]
        # ACLED codes are settled once, after actors and targets are resolved.
        acled_type, acled_sub = settle(draft, [r.sector for r in recipients], [a.sector for a in actors])
        return Event(
            id=content_id(article.id, draft.evidence, draft.trigger, draft.event_type,
                          draft.mode, draft.places, PIPELINE_VERSION),
            article_id=article.id,
            event_type=draft.event_type, mode=draft.mode,
            acled_event_type=acled_type, acled_sub_event_type=acled_sub, cameo=draft.cameo,
            actors=actors, recipients=recipients,
            location=location, date=when,
            fatalities=draft.fatalities, injuries=draft.injuries,
            evidence=Evidence(quote=article.text[start:end], start=start, end=end,
                              sentence=draft.sentence),
            confidence=round(draft.confidence, 3),
            background=draft.background or is_background(when, article.published),
        )


    def _actor(self, text: str, context: str, when, countries, role=None):
        """One actor span resolved in its sentence, then placed in the event (its country, and
        the part it plays: protesters, rioters...)."""
        actor = self.actors.resolve(text, context, on=when.start)
        return self.actors.in_event(actor, countries, role, on=when.start)


def _prepare(item: Union[Article, FlashpointError], max_length: int) -> Result:
    """Clean an article and set aside what the pipeline cannot read."""
    from flashpoint.ingest.clean import clean
    from flashpoint.ingest.language import detect_problem

    if isinstance(item, FlashpointError):
        return Result(article=None, error=item)
    if len(item.text) > max_length:
        return Result(article=item, error=ArticleTooLong(
            f"article {item.id!r} has {len(item.text):,} characters, more than the "
            f"{max_length:,} the spaCy pipeline parses at once; split it into parts "
            "(each its own article) and run again. Nothing was cut."))
    try:
        article = clean(item)
        return Result(article=article, skipped=detect_problem(article))
    except Exception as exc:  # a cleaning failure costs this article only
        return Result(article=item, error=ArticleFailed(
            f"article {item.id!r} could not be cleaned: {exc.__class__.__name__}: {exc}. "
            "The run went on without it; please report this with the article."))
