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
