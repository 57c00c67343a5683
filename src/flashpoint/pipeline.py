"""The extraction pipeline: a stream of articles in, a stream of results out.

``STAGES`` is the one definition of the pipeline: stages shaped like spaCy's components, each
with a name, the fields of the article's ``Analysis`` it needs and those it adds. Every stage
reads and extends that one object (``flashpoint.analysis``); what each does is in
``flashpoint.stages``. ``check_stages`` refuses a list in which a stage needs something no
earlier stage adds.

    clean      ingest.clean       marks boilerplate (captions, related headlines...) on the Article
    language   ingest.language    sets aside articles that are not English
    parse      nlp                spaCy parses the masked text (same length, so offsets hold)
    places     resolve.places     every place mention, resolved with the article's context
    dates      resolve.time       every date expression, resolved against publication and narrative
    extract    extract            events found in the parse, as Drafts with raw spans
    resolve    resolve            each Draft's actors, location and date
    code       extract.targets    ACLED codes settled once actors and targets are resolved
    events     record             the contract Events

One bad article is recorded on its Result and counted; it never stops the run. Its error is an
ArticleFailed chained from the exception that stopped the stage (``flashpoint --debug`` prints
the traceback).
"""
from __future__ import annotations

import dataclasses
import functools
import itertools
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Sequence, Union

from flashpoint import stages as st
from flashpoint.analysis import Analysis, ArticleFailed, Result, failed
from flashpoint.errors import ConfigError, FlashpointError
from flashpoint.record import Article
from flashpoint.stages import PIPELINE_VERSION
from flashpoint.summary import Summary  # noqa: F401  (the run summary, imported from here too)

__all__ = ["PIPELINE_VERSION", "STAGES", "ArticleFailed", "Pipeline", "Result", "Stage",
           "Summary", "check_stages"]


@dataclass(frozen=True)
class Stage:
    """One step of the pipeline: ``run(pipeline, analysis)`` reads the Analysis fields in
    ``needs`` and sets those in ``adds``; a ``batch`` stage takes the list of a chunk's analyses."""

    name: str
    run: Callable
    needs: frozenset[str]
    adds: frozenset[str]
    batch: bool = False


def stage(name: str, run: Callable, needs: str, adds: str, batch: bool = False) -> Stage:
    return Stage(name, run, frozenset(needs.split()), frozenset(adds.split()), batch)


STAGES: tuple[Stage, ...] = (
    stage("clean", st.clean, needs="article", adds="article text"),
    stage("language", st.language, needs="article", adds="skipped"),
    stage("parse", st.parse, needs="text", adds="doc sentences", batch=True),
    stage("places", st.places, needs="article doc", adds="places place_roles"),
    stage("dates", st.dates, needs="article doc", adds="dates in_force"),
    stage("extract", st.extract, needs="article doc places dates", adds="drafts"),
    stage("resolve", st.resolve,
          needs="article doc sentences places place_roles dates in_force drafts",
          adds="resolved unmatched"),
    stage("code", st.code, needs="drafts resolved", adds="codes"),
    stage("events", st.events, needs="article drafts resolved codes", adds="events"),
)


def check_stages(stages: Sequence[Stage], given: Iterable[str] = ("article",)) -> None:
    """Refuse a pipeline in which a stage needs what no earlier stage adds, or adds what the
    Analysis does not hold."""
    fields = {f.name for f in dataclasses.fields(Analysis)}
    have = set(given)
    for s in stages:
        missing = sorted(s.needs - have)
        if missing:
            raise ConfigError(f"pipeline stage {s.name!r} needs {', '.join(missing)}, which no "
                              "stage before it adds; move it after the stage that adds them")
        unknown = sorted(s.adds - fields)
        if unknown:
            raise ConfigError(f"pipeline stage {s.name!r} adds {', '.join(unknown)}, which the "
                              "Analysis does not hold; add the field to flashpoint.analysis.Analysis")
        have |= s.adds


class Pipeline:
    """Runs the stages over a stream; heavy resources load on first use."""

    def __init__(self, model: str | None = None, workers: int = 1, batch_size: int = 32,
                 places=None, actors=None, stages: Sequence[Stage] = STAGES):
        """``workers``: processes that run the pipeline (1: this process, nothing spawned)."""
        check_stages(stages)
        self.model = model
        self.workers = max(1, workers)
        self.batch_size = max(1, batch_size)
        self.stages = tuple(stages)
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
        make = functools.partial(Pipeline, model=self.model, workers=1, batch_size=self.batch_size,
                                 stages=self.stages)
        return WorkerPool(make, self.workers, self.batch_size)

    def _run_chunk(self, chunk: list) -> Iterator[Result]:
        work = [Analysis(article=item) for item in chunk if not isinstance(item, FlashpointError)]
        for step in self.stages:
            self._run_stage(step, [a for a in work if a.live])
        analysed = iter(work)
        for item in chunk:
            if isinstance(item, FlashpointError):
                yield Result(article=None, error=item)
            else:
                yield next(analysed).result()

    def _run_stage(self, step: Stage, batch: list[Analysis]) -> None:
        """One stage over a chunk; an article it fails on is recorded, the others go on."""
        if step.batch:
            return step.run(self, batch) if batch else None
        for a in batch:
            try:
                step.run(self, a)
            except FlashpointError as exc:
                a.error = exc
            except Exception as exc:  # one article's failure is recorded, never stops the run
                a.error = failed(
                    f"article {a.article.id!r} failed in the pipeline's {step.name} stage: "
                    f"{exc.__class__.__name__}: {exc}. The run went on without it; please report "
                    "this with the article (flashpoint --debug prints the traceback).", exc)

    def with_case(self, text: str) -> str:
        """Text written all in lower case is parsed as a same-length copy with its capitals
        restored (flashpoint.ingest.noisy), so that names are found; offsets stay true."""
        from flashpoint.ingest.noisy import lacks_case

        if not lacks_case(text):
            return text
        if self._casing is None:
            from flashpoint.ingest.noisy import case_restorer

            self._casing = case_restorer(self.places.gazetteer, self.nlp)
        return self._casing.restore(text)

    def analyse(self, article: Article, doc) -> Result:
        """The stages after parsing, for one parsed article (``doc``: the parse of its masked
        text); a stage's failure is raised, not recorded."""
        a = Analysis(article=article, text=article.masked_text(), doc=doc,
                     sentences=[(s.start_char, s.end_char) for s in doc.sents])
        after = itertools.dropwhile(lambda s: s.name != "parse", self.stages)
        for step in list(after)[1:]:
            step.run(self, a)
        return a.result()
