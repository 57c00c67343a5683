"""Limits and headers every request passes through, before any route sees it.

- The URL (path and query) is at most MAX_URL characters (414 otherwise).
- A request body is at most ``max_body`` bytes, whether it declares its length or streams
  it (413 otherwise); the body is read here and handed on whole.
- The Host header must name this server when it listens on a loopback address, so a web
  page elsewhere cannot reach it through a DNS name that points at 127.0.0.1.
- Every answer carries a Content-Security-Policy that lets the page load only from this
  server (no script, style, font, image or request may leave the machine) and forbids
  inline script, plus nosniff, no-referrer and no framing.
"""
from __future__ import annotations

from typing import Optional

from flashpoint.api.errors import error_response

MAX_URL = 4096
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]


class Guard:
    """ASGI middleware applying the limits above."""

    def __init__(self, app, max_body: int, allowed_hosts: Optional[list[str]] = None):
        self.app, self.max_body = app, max_body
        self.allowed_hosts = {h.lower() for h in allowed_hosts} if allowed_hosts else None

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        send = _with_headers(send)
        refusal = self._refusal(scope)
        if refusal is None:
            body, refusal = await self._read_body(scope, receive)
        if refusal is not None:
            return await refusal(scope, receive, send)
        await self.app(scope, _replay(body, receive), send)

    def _refusal(self, scope):
        size = len(scope.get("raw_path") or scope["path"].encode()) + len(scope["query_string"])
        if size > MAX_URL:
            return error_response(414, "uri_too_long", f"the URL has {size} characters, more "
                                  f"than {MAX_URL}; narrow the filter")
        host = _header(scope, b"host")
        if self.allowed_hosts is not None and _hostname(host) not in self.allowed_hosts:
            return error_response(400, "bad_host", f"this server answers to "
                                  f"{', '.join(sorted(self.allowed_hosts))}, not {host!r}")
        declared = _header(scope, b"content-length")
        if declared and (not declared.isdigit() or int(declared) > self.max_body):
            return _too_large(declared, self.max_body)
        return None

    async def _read_body(self, scope, receive):
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return b"", None
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_body:
                return b"", _too_large(f"over {size}", self.max_body)
            if not message.get("more_body", False):
                return b"".join(chunks), None


def _too_large(size: str, limit: int):
    return error_response(413, "too_large", f"the request body ({size} bytes) is larger than "
                          f"{limit} bytes; send fewer or shorter articles per request")


def _replay(body: bytes, receive):
    sent = False

    async def replay():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()
    return replay


def _with_headers(send):
    async def sending(message):
        if message["type"] == "http.response.start":
            message["headers"] = list(message.get("headers", [])) + HEADERS
        await send(message)
    return sending


def _header(scope, name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value.decode("latin-1")
    return ""


def _hostname(host: str) -> str:
    """'127.0.0.1:8000' -> '127.0.0.1'; '[::1]:8000' -> '[::1]'."""
    if host.startswith("["):
        return host.split("]")[0].lower() + "]"
    return host.rsplit(":", 1)[0].lower() if host.count(":") == 1 else host.lower()
