"""Extraction: events (PLOVER type + mode, ACLED and CAMEO codes) and their arguments from a
parsed article. ``extract(article, doc, places, dates) -> list[Draft]`` is the entry point."""
from flashpoint.extract.draft import Draft
from flashpoint.extract.extractor import extract

__all__ = ["Draft", "extract"]
