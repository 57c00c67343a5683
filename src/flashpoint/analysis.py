"""One article as the pipeline's stages see it, and what the pipeline hands back for it.

``Analysis`` is the one object per article that every stage reads and extends (see
``flashpoint.pipeline.STAGES``, which says what each stage needs and adds): the article, its
masked text, the parse and its sentences, the places with their roles, the dates and the dates in
force per sentence, the drafts extraction found, what resolving made of each draft (actors,
location, date), their ACLED codes, and the events. A stage that needs something reads it here,
never from a module global or a second parse.

``Result`` is one input item's outcome: the article, its events, places and dates, the actor names
that matched nothing, or the error that set it aside. The pipeline and its worker processes
(``flashpoint.scale.local``) both build Results; they live here, below both, so that neither has
to import the other.
"""
from __future__ import annotations

import traceback
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional

from flashpoint.errors import FlashpointError
from flashpoint.record import Actor, Article, DateMention, Event, Place, PlaceMention, When

if TYPE_CHECKING:  # extract and resolve import spaCy: load them only when a run starts
    from flashpoint.extract.draft import Draft
    from flashpoint.resolve.places.places import Role

CharSpan = tuple[int, int]


class ArticleFailed(FlashpointError):
    """An article that a stage could not process; the run goes on without it.

    Made ``from`` the exception that stopped the stage (``failed``), so the cause stays chained;
    ``trace`` keeps its traceback as text, which survives the trip back from a worker process
    (``flashpoint --debug`` prints it)."""

    code = "FP900"
    trace: str = ""


def failed(message: str, exc: BaseException) -> ArticleFailed:
    """An ArticleFailed raised from ``exc``: the cause chained, its traceback kept as text."""
    try:
        raise ArticleFailed(message) from exc
    except ArticleFailed as error:
        error.trace = "".join(traceback.format_exception(error))
        return error


class ArticleTooLong(FlashpointError):
    code = "FP901"


@dataclass
class Result:
    """What the pipeline made of one input item."""

    article: Optional[Article]
    events: list[Event] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    error: Optional[FlashpointError] = None
    skipped: Optional[FlashpointError] = None  # set aside on purpose (not English), not failed
    unmatched: Counter = field(default_factory=Counter)  # actor names that matched nothing


@dataclass
class Resolved:
    """What the resolve stage made of one draft: its date, place and actors."""

    when: When
    location: Optional[Place]
    actors: list[Actor]
    recipients: list[Actor]


@dataclass
class Analysis:
    """One article as the stages see it; each field is added by the stage named beside it."""

    article: Article                                        # the input (clean: boilerplate marked)
    text: str = ""                                          # clean: the masked text that is parsed
    doc: Any = None                                         # parse: spaCy's Doc of ``text``
    sentences: list[CharSpan] = field(default_factory=list)  # parse
    places: list[PlaceMention] = field(default_factory=list)  # places: mentions, resolved or not
    place_roles: list[Role] = field(default_factory=list)   # places: aligned with ``places``
    dates: list[DateMention] = field(default_factory=list)  # dates
    in_force: list[Optional[DateMention]] = field(default_factory=list)  # dates: per sentence
    drafts: list[Draft] = field(default_factory=list)        # extract
    resolved: list[Resolved] = field(default_factory=list)   # resolve: aligned with ``drafts``
    unmatched: Counter = field(default_factory=Counter)      # resolve: actor names not known
    codes: list[tuple[Optional[str], Optional[str]]] = field(default_factory=list)  # code: ACLED
    events: list[Event] = field(default_factory=list)        # events
    error: Optional[FlashpointError] = None     # a stage failed: the later ones skip it
    skipped: Optional[FlashpointError] = None   # language: set aside on purpose

    @property
    def live(self) -> bool:
        return self.error is None and self.skipped is None

    def result(self) -> Result:
        if not self.live:   # what came before the failure is not half an answer
            return Result(article=self.article, error=self.error, skipped=self.skipped)
        return Result(article=self.article, events=self.events, places=self.places,
                      dates=self.dates, error=self.error, skipped=self.skipped,
                      unmatched=self.unmatched)
