"""`flashpoint serve` as a function: check the page's files, finish any grouping a killed
ingest left undone, then run the server until Ctrl-C.
"""
from __future__ import annotations

import ipaddress
import os
import sys
from typing import Optional

from flashpoint.api.ingest import TOKEN_ENV
from flashpoint.errors import ConfigError
from flashpoint.store import open_store
from flashpoint.web import check_assets

MIN_TOKEN = 16


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str) -> Optional[list[str]]:
    """Host names a loopback server answers to (None: any, when bound to a network)."""
    if not is_loopback(host):
        return None
    shown = f"[{host.strip('[]')}]" if ":" in host else host
    return sorted({"127.0.0.1", "localhost", "[::1]", shown})


def token_from_env() -> Optional[str]:
    token = os.environ.get(TOKEN_ENV) or None
    if token is not None and len(token) < MIN_TOKEN:
        raise ConfigError(f"{TOKEN_ENV} is {len(token)} characters; use at least {MIN_TOKEN} "
                          "random ones, e.g. from `python3 -c 'import secrets; "
                          "print(secrets.token_urlsafe())'`")
    return token


def address(host: str, port: int) -> str:
    shown = f"[{host.strip('[]')}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def serve(db: Optional[str] = None, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the API and the page over the store at ``db`` until interrupted."""
    import uvicorn

    from flashpoint.api.app import create_app

    check_assets()
    token = token_from_env()
    store = open_store(db)
    try:
        if store.needs_regroup():
            store.regroup()
        where = store.describe()
    finally:
        store.close()
    app = create_app(db, token, allowed_hosts=allowed_hosts(host))
    print(f"flashpoint: serving {where}\nflashpoint: open {address(host, port)} "
          f"(POST ingest {'on' if token else 'off'}; Ctrl-C stops)", file=sys.stderr, flush=True)
    uvicorn.run(app, host=host.strip("[]"), port=port, log_level="warning", access_log=False)


def free_port(host: str = "127.0.0.1") -> int:
    import socket

    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


class Running:
    """An app served by uvicorn on a thread of this process, for tests and benchmarks:

        with Running(create_app(db)) as url: ...   # url = 'http://127.0.0.1:PORT/'
    """

    def __init__(self, app, host: str = "127.0.0.1", port: Optional[int] = None):
        import uvicorn

        self.host, self.port = host, port or free_port(host)
        config = uvicorn.Config(app, host=host, port=self.port, log_level="warning",
                                access_log=False, lifespan="off")
        self.server = uvicorn.Server(config)

    def __enter__(self) -> str:
        import threading
        import time

        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError(f"the test server on port {self.port} did not start")
            time.sleep(0.02)
        return address(self.host, self.port)

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)
