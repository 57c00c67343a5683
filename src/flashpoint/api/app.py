"""The server's application: the API under /api, the page at /, its files under /static
and /vendor, the OpenAPI schema at /openapi.json. FastAPI's own documentation pages are
off: they load their scripts from a CDN, and nothing here may leave the machine.
"""
from __future__ import annotations

import threading
from typing import Callable, Optional

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from flashpoint.api import ingest, routes
from flashpoint.api.errors import install_handlers
from flashpoint.api.guard import Guard
from flashpoint.store import open_store
from flashpoint.web import STATIC, vendor_dir

MAX_BODY = 4 * 1024 * 1024


class StoreHolder:
    """A store connection per serving thread (SQLite's connections stay in their thread).

    Under uvicorn that is one connection, on the event loop's thread; a test client that
    runs each request on a thread of its own gets one per request, released with it.
    """

    def __init__(self, db: Optional[str]):
        self.db, self._local = db, threading.local()

    def get(self):
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = open_store(self.db)
        return store


def create_app(db: Optional[str] = None, token: Optional[str] = None, *,
               allowed_hosts: Optional[list[str]] = None, max_body: int = MAX_BODY,
               make_pipeline: Optional[Callable] = None) -> FastAPI:
    """The application over the store at ``db``; POST ingest is on only when ``token`` is set."""
    app = FastAPI(title="flashpoint", version="1", docs_url=None, redoc_url=None,
                  description="Conflict events extracted from news reports, with the evidence "
                              "for every field. Errors answer {\"error\": {status, code, "
                              "message, details?}}.")
    app.state.stores = StoreHolder(db)
    app.state.token = token
    app.state.ingester = ingest.Ingester(db, make_pipeline)
    install_handlers(app)
    app.include_router(routes.router)
    app.include_router(ingest.router)
    _mount_page(app)
    app.add_middleware(Guard, max_body=max_body, allowed_hosts=allowed_hosts)
    return app


def _mount_page(app: FastAPI) -> None:
    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    async def page():
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.mount("/vendor", StaticFiles(directory=vendor_dir(), check_dir=False), name="vendor")
