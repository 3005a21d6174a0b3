"""HTTP errors that know their status, and the one handler that renders every failure.

Every failure, whatever raised it (our own ``ApiError``, a library ``DyadError``, FastAPI's
request validation, Starlette's 404 for an unknown path or 405 for a wrong method), leaves
through ``handle``: as ``{"ok": false, "error": "...", "status": N}`` for the API and for
clients that ask for JSON, or as an HTML page with the same message for the web UI.
"""

from __future__ import annotations

import logging
from typing import Any, Literal

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from dyad.errors import DyadError
from dyad.store import EventNotFound, FilterError

log = logging.getLogger("dyad.api")


class ErrorBody(BaseModel):
    """The body of every error response."""

    ok: Literal[False] = False
    error: str
    status: int


class ApiError(Exception):
    """An error with an HTTP status; subclasses set ``status`` as a class attribute."""

    status = 500

    def __init__(self, message: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.headers = headers


class BadRequest(ApiError):
    status = 400


class Unauthorized(ApiError):
    status = 401

    def __init__(self, message: str) -> None:
        super().__init__(message, headers={"WWW-Authenticate": "Bearer"})


class Forbidden(ApiError):
    status = 403


class NotFound(ApiError):
    status = 404


class PayloadTooLarge(ApiError):
    status = 413


# Documented once for every route: FastAPI then leaves out its own 422 schema, whose shape
# is not the one these routes answer with.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    "4XX": {"model": ErrorBody, "description": "Bad request, missing token, not found ..."},
}


def _message(exc: Exception) -> tuple[int, str, dict[str, str] | None]:
    if isinstance(exc, ApiError):
        return exc.status, exc.message, exc.headers
    if isinstance(exc, FilterError):
        return 400, str(exc), None
    if isinstance(exc, EventNotFound):
        return 404, str(exc), None
    if isinstance(exc, RequestValidationError):
        return 400, validation_message(exc), None
    if isinstance(exc, StarletteHTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = "no such page or API endpoint"
        return exc.status_code, detail, dict(exc.headers) if exc.headers else None
    if isinstance(exc, DyadError):
        return 400, str(exc), None
    if _read_only_store(exc):
        return 403, "writing is disabled: the store is read-only for this server", None
    log.exception("unexpected error", exc_info=exc)
    return 500, "internal error; the server log has the details", None


def _read_only_store(exc: Exception) -> bool:
    # A SQLite store this user may not write is opened read-only (``Store.open``): its
    # writes fail in the driver, which is the server's configuration, not a bug.
    import sqlalchemy as sa

    return isinstance(exc, sa.exc.OperationalError) and "readonly" in str(exc.orig)


def validation_message(exc: RequestValidationError) -> str:
    """FastAPI's validation errors as one line a person can act on."""
    parts = []
    for err in exc.errors()[:3]:
        if err.get("type") == "json_invalid":
            parts.append("request body: not valid JSON")
            continue
        loc = [str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body")]
        where = ".".join(loc) or "request body"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def wants_html(request: Request) -> bool:
    """Pages of the web UI get an HTML error page; everything else, JSON."""
    if request.url.path.startswith(("/api/", "/openapi", "/docs", "/static/")):
        return False
    return "text/html" in request.headers.get("accept", "")


async def handle(request: Request, exc: Exception) -> Response:
    status, message, headers = _message(exc)
    if wants_html(request):
        from dyad.api.pages import templates

        return templates().TemplateResponse(
            request,
            "error.html",
            {"status": status, "message": message, "next_path": _here(request)},
            status_code=status,
            headers=_with_security(headers),
        )
    body = ErrorBody(error=message, status=status)
    return JSONResponse(body.model_dump(), status_code=status, headers=_with_security(headers))


def _here(request: Request) -> str:
    query = request.url.query
    return request.url.path + (f"?{query}" if query else "")


def _with_security(headers: dict[str, str] | None) -> dict[str, str]:
    # A 500 is answered by Starlette's outermost middleware, outside ``SecurityHeaders``:
    # the headers are set here too, so no answer leaves without them.
    from dyad.api.security import HEADERS

    return {**dict(HEADERS), **(headers or {})}


def install(app: FastAPI) -> None:
    """Route every kind of failure through ``handle``."""
    import sqlalchemy as sa

    for kind in (
        ApiError,
        DyadError,
        RequestValidationError,
        StarletteHTTPException,
        # Its own entry, so a read-only store's refusal is answered as a 403 rather than
        # passed on as an unhandled error (whose handler always answers 500).
        sa.exc.OperationalError,
        Exception,
    ):
        app.add_exception_handler(kind, handle)
