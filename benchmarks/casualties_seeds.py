"""Print the (fatalities, injuries) counts for every seed sentence that names a casualty word.

Run: .venv/bin/python benchmarks/casualties_seeds.py
Reads ../shared/seeds/*.txt (next to the repository); says so and exits 0 when it is absent.
Each line: seed file, sentence index, fatalities, injuries (low/best/high or -), the sentence.
"""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
CASUALTY_WORDS = re.compile(
    r"\b(kill\w*|dead|died|dies|death\w*|fatalit\w*|slain|lost their lives|toll|wound\w*|"
    r"injur\w*|hurt|casualt\w*)\b", re.IGNORECASE)


def show(count) -> str:
    return "-" if count is None else f"{count.low}/{count.best}/{count.high}"


def main() -> int:
    if not SEEDS.is_dir():
        print(f"skipped: {SEEDS} is absent (the seeds live in the team's shared folder)",
              file=sys.stderr)
        return 0
    from flashpoint.extract.casualties import casualties
    from flashpoint.nlp import load_pipeline

    nlp = load_pipeline()
    started, sentences = time.perf_counter(), 0
    for path in sorted(SEEDS.glob("*.txt")):
        doc = nlp(path.read_text(encoding="utf-8"))
        for index, sent in enumerate(doc.sents):
            sentences += 1
            if CASUALTY_WORDS.search(sent.text):
                killed, injured = casualties(sent)
                text = " ".join(sent.text.split())
                print(f"{path.name}\t{index}\t{show(killed)}\t{show(injured)}\t{text}")
    elapsed = time.perf_counter() - started
    print(f"{sentences} sentences parsed and counted in {elapsed:.2f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
