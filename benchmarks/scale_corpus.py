"""A generated corpus for the scale benchmark: the sample articles, varied.

    .venv/bin/python benchmarks/scale_corpus.py --articles 5000 --out /tmp/corpus.jsonl

Each generated article is one of the ten sample articles (samples/articles.jsonl) with its
people, towns and bases swapped for others of the same kind and country, and its publication
date moved by up to two years (so "on Tuesday" resolves to another day). The texts, ids and
extracted events therefore differ from copy to copy, as a real stream's would, while the
language stays that of the samples. The same --seed gives the same corpus.

The replacement names are ordinary place names (GeoNames spellings) and invented people.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples" / "articles.jsonl"

# Each group: the spellings in the samples, then what a copy may put in their place.
PLACES = [
    (["Ain al-Asad", "Ayn al-Asad", "Ain Al Asad"],
     ["Balad", "Al Taqaddum", "Camp Taji", "Al Asad", "Ain al-Asad"]),
    (["Al Qaim", "Al-Qaim"], ["Rutba", "Haditha", "Rawa", "Anah", "Hit", "Al Qaim"]),
    (["Al Baghdadi"], ["Baghdadi", "Haditha", "Hit", "Kubaisa"]),
    (["Basrah", "Basra"], ["Nasiriyah", "Amarah", "Kut", "Samawah", "Diwaniyah", "Basra"]),
    (["Ramadi"], ["Fallujah", "Ramadi", "Habbaniyah"]),
    (["Katari"], ["Jere", "Rijana", "Kakau", "Birnin Gwari", "Katari"]),
]
FIRST = ["Omar", "Ali", "Hassan", "Layla", "Samir", "Nadia", "Yusuf", "Amina", "Karim", "Huda",
         "Daniel", "Sarah", "Peter", "Grace", "Musa", "Halima", "Bello", "Aisha", "Tariq", "Mona"]
LAST = ["Khalil", "Haddad", "Saleh", "Rashid", "Nasser", "Farouk", "Aziz", "Hamid", "Bakr",
        "Whitford", "Corrigan", "Ellery", "Ames", "Danjuma", "Yakubu", "Okafor", "Bala", "Sule"]
PEOPLE = ["Omar Khalil", "Daniel Whitford", "Hannah Corrigan", "Mark Ellery", "Ruth Ames",
          "Rania Aziz", "Zainab Hamid", "Ibrahim Danjuma", "Sani Yakubu"]
MAX_SHIFT_DAYS = 730


def base_articles() -> list[dict]:
    return [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def vary(article: dict, n: int, rng: random.Random) -> dict:
    """Copy ``n`` of an article: new names, places and date; a fresh id."""
    swaps = {old: rng.choice(new) for olds, new in PLACES for old in olds}
    swaps.update({p: f"{rng.choice(FIRST)} {rng.choice(LAST)}" for p in PEOPLE})
    for person in PEOPLE:  # a surname alone ("Danjuma said") follows its full name
        swaps[person.split()[-1]] = swaps[person].split()[-1]
    pattern = re.compile("|".join(re.escape(k) for k in sorted(swaps, key=len, reverse=True)))
    text = pattern.sub(lambda m: swaps[m.group()], article["text"])
    title = pattern.sub(lambda m: swaps[m.group()], article.get("title") or "")
    published = dt.date.fromisoformat(article["published"]) - dt.timedelta(
        days=rng.randrange(MAX_SHIFT_DAYS))
    return {**article, "id": f"{article['id']}-g{n}", "title": title, "text": text,
            "published": published.isoformat()}


def generate(size: int, seed: int = 12) -> list[dict]:
    rng = random.Random(seed)
    bases = base_articles()
    return [vary(bases[n % len(bases)], n, rng) for n in range(size)]


def write(size: int, out: Path, seed: int = 12) -> Path:
    with out.open("w", encoding="utf-8") as f:
        for article in generate(size, seed):
            f.write(json.dumps(article, ensure_ascii=False) + "\n")
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    write(args.articles, args.out, args.seed)
    print(f"wrote {args.articles} articles to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
