"""A bounded load test on loopback: a fixed number of requests to a real server (uvicorn on
127.0.0.1), then it stops and prints what it saw. Figures are printed, not asserted;
what is asserted is that every request was answered, and none with a server error."""
from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import httpx

from flashpoint.api import create_app
from flashpoint.api.server import Running

REQUESTS = 400
CLIENTS = 4
PATHS = ["api/events?limit=100", "api/events?type=ASSAULT&country=IRQ", "api/counts",
         "api/events.geojson", "api/actors", "api/events?cursor=bogus", "api/events/feedface"]


def _hit(client: httpx.Client, path: str) -> tuple[int, float]:
    start = time.perf_counter()
    status = client.get(path).status_code
    return status, time.perf_counter() - start


def test_a_bounded_burst_is_answered_without_server_errors(db):
    with Running(create_app(db)) as url, httpx.Client(base_url=url, timeout=30) as client:
        started = time.perf_counter()
        with ThreadPoolExecutor(CLIENTS) as pool:
            results = list(pool.map(lambda i: _hit(client, PATHS[i % len(PATHS)]), range(REQUESTS)))
        wall = time.perf_counter() - started
    statuses = [s for s, _ in results]
    latencies = sorted(t for _, t in results)
    p95 = latencies[int(0.95 * len(latencies)) - 1] * 1000
    print(f"\nload test: {len(results)} requests, {CLIENTS} clients, {len(results) / wall:.0f} "
          f"requests/s, p95 {p95:.1f} ms, statuses {sorted(set(statuses))}")
    assert len(results) == REQUESTS
    assert all(s < 500 for s in statuses)
    expected = [200 if i % len(PATHS) < 5 else (400 if i % len(PATHS) == 5 else 404)
                for i in range(REQUESTS)]
    assert statuses == expected
