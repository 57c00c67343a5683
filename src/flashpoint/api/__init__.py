"""The HTTP API and the web page, served by `flashpoint serve`.

    app = create_app("events.db", token=None)   # an ASGI app (FastAPI)
    serve("events.db", host="127.0.0.1", port=8000)

Routes (all documented in /openapi.json): GET /api/store, /api/events (filters and a cursor),
/api/events/{id}, /api/events.geojson, /api/counts, /api/actors, /api/places, /api/chains;
POST /api/ingest (only with a token). The page is at / and needs nothing from outside.
"""
from flashpoint.api.app import create_app
from flashpoint.api.server import serve

__all__ = ["create_app", "serve"]
