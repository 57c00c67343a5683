"""End to end: the shipped sample articles in, the expected events out.

The expected file changes only on purpose. When a change to the pipeline is meant to change
the events, regenerate it with

    FLASHPOINT_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/golden

and review `git diff tests/golden/` before committing: every changed line is a changed event.
"""
import json
import os
from pathlib import Path

from flashpoint.ingest.readers import read_inputs
from flashpoint.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = Path(__file__).with_name("samples.expected.jsonl")


def extracted_lines() -> list[str]:
    results = Pipeline().run(read_inputs([str(ROOT / "samples")]))
    lines = []
    for result in results:
        assert result.error is None, f"sample article failed: {result.error}"
        lines += [json.dumps(json.loads(e.model_dump_json()), sort_keys=True) for e in result.events]
    return lines


def test_samples_give_the_expected_events():
    got = extracted_lines()
    if os.environ.get("FLASHPOINT_UPDATE_GOLDEN"):
        EXPECTED.write_text("\n".join(got) + "\n")
    expected = EXPECTED.read_text().splitlines()
    missing = sorted(set(expected) - set(got))
    unexpected = sorted(set(got) - set(expected))
    assert not missing and not unexpected, (
        f"{len(missing)} expected events changed or vanished, {len(unexpected)} new:\n"
        + "\n".join(["- " + line[:300] for line in missing[:5]] + ["+ " + line[:300] for line in unexpected[:5]])
        + "\nIf intended, regenerate with FLASHPOINT_UPDATE_GOLDEN=1 and review the diff.")
    assert got == expected, "same events, different order: article order must be kept"


def test_every_quote_is_the_slice_it_points_at():
    articles = {a.id: a for a in read_inputs([str(ROOT / "samples")])}
    for line in EXPECTED.read_text().splitlines():
        event = json.loads(line)
        text = articles[event["article_id"]].text
        ev = event["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["quote"]
