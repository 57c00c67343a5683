"""Shared fixtures: one spaCy pipeline for the whole session."""
import pytest


@pytest.fixture(scope="session")
def nlp():
    from flashpoint.nlp import load_pipeline

    return load_pipeline()
