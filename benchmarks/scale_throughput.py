"""Articles per second on one machine: bare spaCy, the local engine, and Spark in local mode.

    .venv/bin/python benchmarks/scale_throughput.py [--articles 5000] [--modes bare,local1,...]

On one generated corpus (benchmarks/scale_corpus.py: the sample articles with varied names,
places and dates), each mode runs as the command a user runs, in its own process tree:

    bare     spaCy alone: nlp.pipe over the texts, one process (the floor of the cost)
    local1   flashpoint ingest CORPUS --db NEW.db --workers 1
    local2   flashpoint ingest CORPUS --db NEW.db --workers 2
    spark1   flashpoint ingest --engine spark CORPUS --out NEW/ --workers 1   (local[1])
    spark2   flashpoint ingest --engine spark CORPUS --out NEW/ --workers 2   (local[2])

Articles per second is the corpus size over the command's wall time, start-up included (model
loading, worker and JVM start, grouping, writing). Memory is sampled every 0.2 s from
/proc/PID/status (VmHWM, each process's own peak resident size) over the whole process tree;
it prints the peak of the main process and of the largest worker (a worker: a pipeline
process of the local engine, a Python worker of Spark; Spark's JVM is shown apart).
CPU time (user + system, from /proc/PID/stat) is summed over the tree too, and gives an
idle-machine estimate: articles / max(tree CPU / cores used, busiest process's CPU), the rate
the same work would reach with its cores to itself (this machine is often shared).
Prints the targets, on measured and on estimated rates: local2 >= 1.7x local1; spark2 within
25% of local2.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_corpus import write as write_corpus  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
MODES = ("bare", "local1", "local2", "spark1", "spark2")
BARE = ("import json, sys\nfrom flashpoint.nlp import load_pipeline\nnlp = load_pipeline()\n"
        "texts = [json.loads(l)['text'] for l in open(sys.argv[1], encoding='utf-8')]\n"
        "for _ in nlp.pipe(texts, batch_size=32):\n    pass\n")


def command(mode: str, corpus: Path, scratch: Path) -> list[str]:
    flashpoint = str(BIN / "flashpoint")
    if mode == "bare":
        return [sys.executable, "-c", BARE, str(corpus)]
    workers = mode[-1]
    if mode.startswith("local"):
        return [flashpoint, "ingest", str(corpus), "--db", str(scratch / f"{mode}.db"),
                "--workers", workers, "--quiet"]
    return [flashpoint, "ingest", "--engine", "spark", str(corpus), "--out",
            str(scratch / mode), "--workers", workers, "--quiet"]


class TreeMemory(threading.Thread):
    """Samples the peak resident size (VmHWM) of every process under one root."""

    def __init__(self, root: int):
        super().__init__(daemon=True)
        self.root, self.peaks, self.names, self.done = root, {}, {}, threading.Event()
        self.cpu: dict[int, float] = {}   # seconds of CPU (user + system) each process used

    def run(self) -> None:
        while not self.done.is_set():
            for pid in self._tree():
                kib = _hwm_kib(pid)
                if kib:
                    self.peaks[pid] = max(kib, self.peaks.get(pid, 0))
                    self.names.setdefault(pid, _cmdline(pid))
                    self.cpu[pid] = max(_cpu_seconds(pid), self.cpu.get(pid, 0.0))
            time.sleep(0.2)

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                children.setdefault(_ppid(int(entry)), []).append(int(entry))
        found, todo = [], [self.root]
        while todo:
            pid = todo.pop()
            found.append(pid)
            todo += children.get(pid, [])
        return found


def _read(path: str) -> str:
    try:
        with open(path, "rb") as f:
            return f.read().decode(errors="replace")
    except OSError:
        return ""


def _ppid(pid: int) -> int:
    stat = _read(f"/proc/{pid}/stat")
    return int(stat.rsplit(")", 1)[1].split()[1]) if stat else -1


def _cpu_seconds(pid: int) -> float:
    stat = _read(f"/proc/{pid}/stat")
    if not stat:
        return 0.0
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _hwm_kib(pid: int) -> int:
    for line in _read(f"/proc/{pid}/status").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def _cmdline(pid: int) -> str:
    return _read(f"/proc/{pid}/cmdline").replace("\0", " ")


def measure(mode: str, corpus: Path, scratch: Path) -> dict:
    start = time.perf_counter()
    process = subprocess.Popen(command(mode, corpus, scratch), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    memory = TreeMemory(process.pid)
    memory.start()
    _, errors = process.communicate()
    seconds = time.perf_counter() - start
    memory.done.set()
    memory.join()
    if process.returncode != 0:
        sys.exit(f"scale_throughput: {mode} failed:\n{errors.strip()[-3000:]}")
    return {"mode": mode, "seconds": seconds, **_peaks(memory, process.pid)}


def _peaks(memory: TreeMemory, root: int) -> dict:
    jvm = [k for p, k in memory.peaks.items() if "org.apache.spark" in memory.names[p]]
    workers = [k for p, k in memory.peaks.items() if p != root and _is_worker(memory.names[p])]
    cpu = sum(memory.cpu.values())
    return {"cpu_s": cpu, "busiest_cpu_s": max(memory.cpu.values(), default=0.0),
            "main_mib": memory.peaks.get(root, 0) / 1024,
            "worker_mib": max(workers, default=0) / 1024, "workers_seen": len(workers),
            "jvm_mib": max(jvm, default=0) / 1024}


def _is_worker(cmdline: str) -> bool:
    """A pipeline process: a spawned worker of the local engine, or a Python worker of Spark."""
    return "pyspark.daemon" in cmdline or "multiprocessing.spawn" in cmdline


def report(results: dict[str, dict], size: int) -> None:
    speed = {m: size / r["seconds"] for m, r in results.items()}
    print(f"corpus: {size} generated articles (benchmarks/scale_corpus.py); wall time includes "
          "start-up")
    for mode, r in results.items():
        jvm = f", JVM {r['jvm_mib']:.0f} MiB" if r["jvm_mib"] else ""
        print(f"{mode:7s} {speed[mode]:7.2f} articles/s  {r['seconds']:8.1f} s   main "
              f"{r['main_mib']:.0f} MiB, largest of {r['workers_seen']} worker processes "
              f"{r['worker_mib']:.0f} MiB{jvm}")
    print("idle-machine estimate (from CPU time, for when other load makes wall time noisy): "
          "articles / max(CPU of the tree / cores used, CPU of its busiest process)")
    idle = {}
    for mode, r in results.items():
        cores = 1 if mode == "bare" else int(mode[-1])
        idle[mode] = size / max(r["cpu_s"] / cores, r["busiest_cpu_s"])
        print(f"{mode:7s} {idle[mode]:7.2f} articles/s on {cores} idle core(s)   "
              f"{r['cpu_s'] / size * 1000:6.0f} ms CPU per article")
    for name, figures in (("measured", speed), ("idle estimate", idle)):
        _targets(name, figures)


def _targets(name: str, speed: dict[str, float]) -> None:
    print(f"targets ({name}):")
    if {"local1", "local2"} <= set(speed):
        ratio = speed["local2"] / speed["local1"]
        print(f"local2/local1: {ratio:.2f}x (target >= 1.7: {'met' if ratio >= 1.7 else 'NOT met'})")
    if {"local2", "spark2"} <= set(speed):
        ratio = speed["spark2"] / speed["local2"]
        print(f"spark2/local2: {ratio:.2f} (target >= 0.75: {'met' if ratio >= 0.75 else 'NOT met'})")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--modes", default=",".join(MODES),
                        help=f"comma-separated, from {', '.join(MODES)}")
    args = parser.parse_args(argv)
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    unknown = [m for m in modes if m not in MODES]
    if unknown:
        parser.error(f"unknown modes {unknown}; choose from {', '.join(MODES)}")
    scratch = Path(tempfile.mkdtemp(prefix="flashpoint-scale-"))
    try:
        corpus = write_corpus(args.articles, scratch / "corpus.jsonl")
        results = {}
        for mode in modes:
            results[mode] = measure(mode, corpus, scratch)
            print(f"  {mode}: {results[mode]['seconds']:.1f} s", file=sys.stderr, flush=True)
        report(results, args.articles)
        print(json.dumps({m: round(args.articles / r["seconds"], 3)
                          for m, r in results.items()}), file=sys.stderr)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
