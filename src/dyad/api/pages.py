"""Server-rendered pages: the Jinja2 templates and what every page needs from them."""

from __future__ import annotations

import functools
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.templating import Jinja2Templates

from dyad import __version__
from dyad.api.security import safe_link
from dyad.ontology import PLOVER_TYPES
from dyad.store.query import STATUSES

QUADS = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
# The colours of `dyad stats` (green, blue, yellow, red), as CSS classes quad-1 ... quad-4.
FILTER_NAMES = ("dyad", "actor", "country", "type", "status", "since", "until")


def with_query(request: Request, **changes: str | None) -> str:
    """The current page's query string with ``changes`` applied (None removes a key)."""
    params = {k: v for k, v in request.query_params.items() if v}
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + urlencode(params) if params else "?"


@functools.cache
def templates() -> Jinja2Templates:
    env = Environment(
        loader=PackageLoader("dyad.api", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # Stored URLs come from feeds: only http(s) ones become links (``safe_link``).
    env.filters["safe_link"] = safe_link
    env.globals.update(
        version=__version__,
        quads=QUADS,
        plover_types=PLOVER_TYPES,
        statuses=STATUSES,
        with_query=with_query,
    )
    return Jinja2Templates(env=env)


def render(request: Request, name: str, context: dict[str, Any]) -> HTMLResponse:
    return templates().TemplateResponse(request, name, context)
