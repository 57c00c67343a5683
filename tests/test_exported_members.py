"""The public API: what `from flashpoint import ...` offers. Changing it is a release note."""
import flashpoint


def test_public_names_are_pinned():
    assert sorted(flashpoint.__all__) == [
        "Actor", "Article", "Count", "DateMention", "Event", "Evidence", "FlashpointError",
        "Link", "Pipeline", "Place", "PlaceMention", "Result", "StoredEvent", "When",
        "read_inputs",
    ]
    for name in flashpoint.__all__:
        assert getattr(flashpoint, name) is not None


def test_importing_the_package_loads_no_model():
    import subprocess
    import sys

    code = "import flashpoint, sys; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
