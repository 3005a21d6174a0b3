"""``POST /session``: the 401 page's token form, answered with a read-only session cookie.

The browser posts the token once; the server checks it and sets ``dyad_session`` (see
``dyad.api.auth``), then sends the browser back to the page it asked for. The token never
reaches a cookie or a script, so stored data rendered in a page cannot steal it.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from dyad.api.auth import SESSION_COOKIE, SESSION_SECONDS, check_token, session_value
from dyad.api.errors import BadRequest

router = APIRouter()


def local_path(value: str | None) -> str:
    """``value`` when it is a path on this server, else ``/``: a form field must not send
    the browser to another site (``//evil.example`` and ``/\\evil.example`` are other sites)."""
    if not value or not value.startswith("/") or value.startswith(("//", "/\\")):
        return "/"
    if any(ord(ch) < 0x20 or ch == "\\" for ch in value):
        return "/"
    return value


@router.post("/session", include_in_schema=False)
async def open_session(request: Request) -> RedirectResponse:
    body = (await request.body()).decode("utf-8", errors="replace")
    try:
        form = parse_qs(body, max_num_fields=4)
    except ValueError as exc:
        raise BadRequest("the form has more fields than token and next") from exc
    given = (form.get("token") or [""])[0].strip()
    if not given:
        raise BadRequest("the form needs the token")
    token = request.app.state.settings.token
    check_token(given, token, "reading")
    assert token is not None  # check_token refuses a server without one
    response = RedirectResponse(local_path((form.get("next") or ["/"])[0]), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        session_value(token),
        max_age=SESSION_SECONDS,
        path="/",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response
