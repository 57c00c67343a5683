"""The spaCy pipeline as flashpoint loads it."""
import pytest

from flashpoint.errors import ModelError
from flashpoint.nlp import load_pipeline


def test_a_line_break_ends_a_sentence(nlp):
    doc = nlp("Rocket attack on coalition base\nGunmen fired rockets at the base on Friday.")
    assert [s.text.strip() for s in doc.sents] == [
        "Rocket attack on coalition base", "Gunmen fired rockets at the base on Friday."]


def test_an_unknown_model_names_the_fix():
    with pytest.raises(ModelError, match="cannot load the spaCy pipeline 'no_such_model'.*--model"):
        load_pipeline("no_such_model")
