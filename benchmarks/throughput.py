"""Throughput of the extraction pipeline against bare spaCy parsing of the same articles.

    .venv/bin/python benchmarks/throughput.py [--articles 300] [--rounds 3] [--batch-size 32]
                                              [--workers 1] [--model NAME]

The corpus is the sample articles (samples/) plus the seed articles (../shared/seeds, when
present), repeated to ``--articles`` articles. Each measurement runs in its own subprocess so
that each gets its own peak memory (ru_maxrss) and its own warm caches: it loads the model,
warms up on a few articles, then times one pass over the corpus. Rounds alternate which mode
runs first, to spread machine noise over both. Prints articles/s and words/s per mode (median
over rounds), peak memory, and the ratio extract/bare against the targets.
"""
from __future__ import annotations

import argparse
import itertools
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / ".." / "shared" / "seeds"
SEED_DATES = {"000": "2020-03-15", "003": "2019-12-30"}  # publication dates given in the brief
WARM_UP = 16
TARGET_RATIO = 0.75
TARGET_PEAK_GIB = 1.5


# ---- the corpus

def corpus(size: int) -> list:
    """The sample and seed articles, repeated (with distinct ids) to ``size`` articles."""
    import datetime as dt

    from flashpoint.ingest.readers import read_inputs
    from flashpoint.record import Article

    inputs = [str(REPO / "samples" / "articles.jsonl"), str(REPO / "samples" / "article.html")]
    base = [a for a in read_inputs(inputs) if isinstance(a, Article)]
    for path in sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []:
        published = dt.date.fromisoformat(SEED_DATES.get(path.name[:3], "2020-01-01"))
        base += [a for a in read_inputs([str(path)], published=published) if isinstance(a, Article)]
    if not base:
        sys.exit("throughput: no sample articles found under samples/; nothing to measure")
    cycle = itertools.cycle(base)
    return [_copy(next(cycle), n) for n in range(size)]


def _copy(article, n: int):
    return article.model_copy(update={"id": f"{article.id}#{n}"})


def words(articles) -> int:
    return sum(len(a.text.split()) for a in articles)


# ---- one measurement (child process)

def measure(mode: str, size: int, batch_size: int, workers: int, model: str | None) -> dict:
    articles = corpus(size)
    run = _extract_runner(model, batch_size, workers) if mode == "extract" else \
        _bare_runner(model, batch_size, workers)
    run(articles[:WARM_UP])
    start = time.perf_counter()
    failed = run(articles)
    seconds = time.perf_counter() - start
    return {"mode": mode, "articles": len(articles), "words": words(articles),
            "seconds": seconds, "failed": failed, "peak_kib": _peak_kib()}


def _extract_runner(model, batch_size, workers):
    from flashpoint.pipeline import Pipeline

    pipeline = Pipeline(model=model, workers=workers, batch_size=batch_size)

    def run(articles) -> int:
        return sum(r.error is not None for r in pipeline.run(iter(articles)))
    return run


def _bare_runner(model, batch_size, workers):
    from flashpoint.nlp import load_pipeline

    nlp = load_pipeline(model)

    def run(articles) -> int:
        for _ in nlp.pipe((a.text for a in articles), batch_size=batch_size, n_process=workers):
            pass
        return 0
    return run


def _peak_kib() -> int:
    # Linux reports ru_maxrss in KiB; worker processes (--workers > 1) count as children.
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return own + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


# ---- the driver (parent process)

def run_child(mode: str, args) -> dict:
    command = [sys.executable, __file__, "--child", mode, "--articles", str(args.articles),
               "--batch-size", str(args.batch_size), "--workers", str(args.workers)]
    if args.model:
        command += ["--model", args.model]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"throughput: the {mode} measurement failed:\n{done.stderr.strip()}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def rounds(args) -> dict[str, list[dict]]:
    results: dict[str, list[dict]] = {"bare": [], "extract": []}
    for n in range(args.rounds):
        order = ("bare", "extract") if n % 2 == 0 else ("extract", "bare")
        for mode in order:
            result = run_child(mode, args)
            results[mode].append(result)
            print(f"  round {n + 1} {mode:7s}: {result['articles'] / result['seconds']:7.1f} "
                  f"articles/s, peak {result['peak_kib'] / 2**20:.2f} GiB", file=sys.stderr)
    return results


def report(results: dict[str, list[dict]], args) -> None:
    speed = {mode: statistics.median(r["articles"] / r["seconds"] for r in rs)
             for mode, rs in results.items()}
    sample = results["bare"][0]
    print(f"corpus: {sample['articles']} articles, {sample['words']} words; batch size "
          f"{args.batch_size}, workers {args.workers}, {args.rounds} rounds (median)")
    for mode, rs in results.items():
        peak = max(r["peak_kib"] for r in rs) / 2**20
        per_word = speed[mode] * sample["words"] / sample["articles"]
        print(f"{mode:8s} {speed[mode]:8.1f} articles/s {per_word:10.0f} words/s   "
              f"peak {peak:.2f} GiB")
    ratio = speed["extract"] / speed["bare"]
    peak = max(r["peak_kib"] for r in results["extract"]) / 2**20
    print(f"ratio extract/bare: {ratio:.2f} (target >= {TARGET_RATIO}: "
          f"{'met' if ratio >= TARGET_RATIO else 'NOT met'}); extract peak {peak:.2f} GiB "
          f"(target <= {TARGET_PEAK_GIB}: {'met' if peak <= TARGET_PEAK_GIB else 'NOT met'})")
    failed = max(r["failed"] for r in results["extract"])
    if failed:
        print(f"warning: {failed} of {sample['articles']} articles failed in the pipeline, so "
              "the extract figures are not meaningful; run `flashpoint extract samples/` to see why")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300, help="corpus size (default 300)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per mode (default 3)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: flashpoint's)")
    parser.add_argument("--child", choices=("bare", "extract"), help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.child, args.articles, args.batch_size, args.workers,
                                 args.model)))
        return 0
    report(rounds(args), args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
