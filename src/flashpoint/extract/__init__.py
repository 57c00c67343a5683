"""Extraction: events (PLOVER type + mode, ACLED and CAMEO codes) and their arguments from a
parsed article. ``extract(article, doc, places, dates) -> list[Draft]`` is the entry point."""
from flashpoint.extract.draft import Draft
from flashpoint.extract.extractor import extract
from flashpoint.record import Article, DateMention, PlaceMention, When

__all__ = ["Draft", "entity_mentions", "extract"]


def entity_mentions(article: Article, doc, reason: str = "unresolved: spaCy DATE entity"
                    ) -> tuple[list[PlaceMention], list[DateMention]]:
    """Place and date mentions straight from spaCy's entities, unresolved.

    For running extraction on its own (benchmarks, tests) without the place and time resolvers.
    """
    places = [PlaceMention(article_id=article.id, text=e.text, start=e.start_char, end=e.end_char)
              for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")]
    dates = [DateMention(article_id=article.id, text=e.text, start=e.start_char, end=e.end_char,
                         when=When(reason=reason))
             for e in doc.ents if e.label_ == "DATE"]
    return places, dates
