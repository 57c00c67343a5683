"""The local engine's worker processes: the whole per-article pipeline on every core.

``Pipeline(workers=N)`` with N > 1 hands its stream to a ``WorkerPool``. Each worker process
loads the spaCy pipeline and the place and actor resolvers once, then runs ``Pipeline.run``
(clean, language, parse, places, dates, extract, resolve) on chunks of ``batch_size``
articles. The parent only reads input and writes output, so the work that used to stay in
the parent (everything after parsing) now runs on every core too.

Guarantees:
- results come back in input order, one per input item, the same records as with one worker;
- an article that fails is recorded on its own Result, as in one process;
- a worker that dies (killed, out of memory) costs only its chunk: the chunk is tried once more
  in a fresh pool, and if it kills that one too, its articles are reported as failed.
At most ``2 * workers`` chunks are in flight, so memory stays bounded on a long stream.
"""
from __future__ import annotations

import itertools
import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterable, Iterator

from flashpoint.analysis import ArticleFailed, Result
from flashpoint.errors import FlashpointError

_WORKER = None  # the Pipeline of this worker process, made once by _start_worker


def _start_worker(make_pipeline: Callable) -> None:
    """Load everything heavy once per worker, before its first chunk."""
    global _WORKER
    _WORKER = make_pipeline()
    _WORKER.nlp, _WORKER.places, _WORKER.actors  # noqa: B018  (load now, not mid-chunk)


def _run_chunk(chunk: list) -> list:
    return list(_WORKER.run(chunk))


class WorkerPool:
    """Runs the pipeline over a stream in ``workers`` processes; yields results in order.

    ``make_pipeline`` makes each worker's one-process Pipeline; it is pickled to the workers, so
    it is a class or a ``functools.partial`` of one (the pipeline hands its own, so this module
    never imports it)."""

    def __init__(self, make_pipeline: Callable, workers: int, batch_size: int):
        self.make_pipeline = make_pipeline
        self.workers = workers
        self.batch_size = batch_size

    def _executor(self) -> ProcessPoolExecutor:
        # spawn: a fresh interpreter per worker, safe whatever threads the parent runs.
        return ProcessPoolExecutor(self.workers, multiprocessing.get_context("spawn"),
                                   initializer=_start_worker,
                                   initargs=(self.make_pipeline,))

    def run(self, items: Iterable) -> Iterator:
        stream = iter(items)
        chunks = iter(lambda: list(itertools.islice(stream, self.batch_size)), [])
        pending: deque[tuple[list, Future]] = deque()
        pool = self._executor()
        try:
            while True:
                while len(pending) < 2 * self.workers and (chunk := next(chunks, None)):
                    pending.append((chunk, pool.submit(_run_chunk, chunk)))
                if not pending:
                    return
                chunk, future = pending.popleft()
                try:
                    results = future.result()
                except BrokenProcessPool:
                    pool.shutdown(cancel_futures=True)
                    results = self._retry_alone(chunk)
                    pool = self._executor()
                    pending = deque((c, pool.submit(_run_chunk, c)) for c, _ in pending)
                yield from results
        finally:
            pool.shutdown(cancel_futures=True)

    def _retry_alone(self, chunk: list) -> list:
        """A chunk whose pool broke, once more in a pool of its own; failed if it breaks it too."""
        with self._executor() as pool:
            try:
                return pool.submit(_run_chunk, chunk).result()
            except BrokenProcessPool:
                return [_worker_died(item) for item in chunk]


def _worker_died(item):
    if isinstance(item, FlashpointError):
        return Result(article=None, error=item)
    return Result(article=item, error=ArticleFailed(
        f"article {item.id!r} was in a chunk whose worker process died twice (killed, or out "
        "of memory); the run went on without it. Run it alone with --workers 1 to see why."))
