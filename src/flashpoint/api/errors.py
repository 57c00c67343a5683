"""One JSON shape for every error the server answers, built by one function.

    {"error": {"status": 404, "code": "not_found", "message": "...", "details": [...]}}

``code`` is stable and searchable; ``message`` says what was wrong and what to do;
``details`` (optional) lists the parameters that failed validation. Handlers below turn
FastAPI's validation errors, Starlette's HTTP errors (unknown route, wrong method), the
project's own errors and anything unexpected into this shape; an unexpected error answers
500 without its traceback (that goes to the server's log).
"""
from __future__ import annotations

import logging
from typing import Any, Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from flashpoint.errors import ConfigError, FlashpointError

log = logging.getLogger("flashpoint.api")

HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
              405: "method_not_allowed", 413: "too_large", 414: "uri_too_long",
              415: "unsupported_media_type", 422: "invalid_parameter", 500: "internal_error"}


class ApiError(Exception):
    """Raised by a route to answer ``status`` with ``code`` and ``message``."""

    def __init__(self, status: int, code: str, message: str, headers: Optional[dict] = None):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


def error_body(status: int, code: str, message: str,
               details: Optional[list[dict[str, Any]]] = None) -> dict[str, Any]:
    """The one error shape (see the module docstring)."""
    error: dict[str, Any] = {"status": status, "code": code, "message": message}
    if details:
        error["details"] = details
    return {"error": error}


def error_response(status: int, code: str, message: str,
                   details: Optional[list[dict[str, Any]]] = None,
                   headers: Optional[dict] = None) -> JSONResponse:
    return JSONResponse(error_body(status, code, message, details), status_code=status,
                        headers=headers)


def install_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(ConfigError, _config)
    app.add_exception_handler(FlashpointError, _flashpoint)
    app.add_exception_handler(Exception, _unexpected)


async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
    return error_response(exc.status, exc.code, exc.message, headers=exc.headers)


async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
    details = [{"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
               for e in exc.errors()]
    first = details[0] if details else {"where": "request", "problem": "invalid"}
    return error_response(422, "invalid_parameter",
                          f"{first['where']}: {first['problem']}; see /openapi.json for "
                          "what each parameter accepts", details)


async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = HTTP_CODES.get(exc.status_code, "http_error")
    message = str(exc.detail)
    if exc.status_code == 404:
        message = f"no route {request.url.path!r}; the routes are listed in /openapi.json"
    return error_response(exc.status_code, code, message,
                          headers=getattr(exc, "headers", None))


async def _config(request: Request, exc: ConfigError) -> JSONResponse:
    return error_response(400, "invalid_filter", exc.message)


async def _flashpoint(request: Request, exc: FlashpointError) -> JSONResponse:
    return error_response(500, "store_error", exc.message)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, "internal_error", "the server failed on this request; its log "
                          "has the details")
