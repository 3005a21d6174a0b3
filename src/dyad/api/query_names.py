"""Query parameters an API route does not take are refused with a 400 naming the fix.

FastAPI ignores them, so ``/api/events?contry=PER`` would answer every event, which looks
like an answer to the question asked. The names a route takes are read from the app's own
OpenAPI schema, so what is accepted cannot drift from what is documented.
"""

from __future__ import annotations

from difflib import get_close_matches

from fastapi import FastAPI, Request
from fastapi.routing import APIRoute

from dyad.api.errors import BadRequest


def route_query_names(app: FastAPI, route: APIRoute) -> frozenset[str]:
    """The query parameter names the schema documents for ``route``."""
    operations = app.openapi()["paths"].get(route.path_format, {})
    return frozenset(
        p["name"]
        for op in operations.values()
        for p in op.get("parameters", [])
        if p.get("in") == "query"
    )


def refuse_unknown_query(request: Request) -> None:
    """A dependency for API routes; the web UI's pages (not in the schema) are let be."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not route.include_in_schema:
        return
    known = route_query_names(request.app, route)
    unknown = [name for name in request.query_params if name not in known]
    if not unknown:
        return
    name = unknown[0]
    close = get_close_matches(name, known, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    takes = ", ".join(sorted(known)) or "none"
    raise BadRequest(f"unknown query parameter {name!r}{hint}; {route.path} takes: {takes}")
