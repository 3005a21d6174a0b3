"""What keeps stored data and other sites from acting through a reader's browser.

Stored documents come from feeds anyone can write, so nothing in them may become script:
templates autoescape, only ``http``/``https`` URLs become links (``safe_link``), and the
Content-Security-Policy allows script only from this server's own files, so even markup that
slipped through could not run. Every response carries the headers (``SecurityHeaders``).

A server on loopback is still reachable from a web page through DNS rebinding (a name the
attacker controls is made to resolve to 127.0.0.1), and the browser then sends that name as
the Host header: ``HostCheck`` answers only requests addressed to a name on its allow-list.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

LINK_SCHEMES = frozenset({"http", "https"})
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")

# The UI's and the API docs' script and styles are files under /static and /docs-assets;
# Swagger UI draws its icons from data: URLs. Nothing may frame the pages (clickjacking).
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    ]
)
HEADERS: tuple[tuple[str, str], ...] = (
    ("content-security-policy", CONTENT_SECURITY_POLICY),
    ("x-frame-options", "DENY"),
    ("x-content-type-options", "nosniff"),
    # Links to an article's original site must not tell that site which events were read.
    ("referrer-policy", "no-referrer"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
)
_RAW_HEADERS = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in HEADERS]


def safe_link(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL with a host, else None (no link is made).

    Browsers drop ASCII whitespace and control characters from a URL before reading its
    scheme (``java\\tscript:`` runs), so a URL holding any of them is refused outright rather
    than cleaned into something the browser would read differently.
    """
    if not url or any(ord(ch) <= 0x20 or ord(ch) == 0x7F for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.hostname:
        return None
    return url


def _host_name(value: str) -> str:
    """The name in a Host header, without its port, lower case (``[::1]:8000`` -> ``::1``)."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def allowed_hosts(extra: Iterable[str] = ()) -> frozenset[str]:
    """The loopback names, and ``extra`` (``--allow-host``; ``*`` allows every name)."""
    return frozenset([*LOOPBACK_HOSTS, *(_host_name(h) for h in extra if h.strip())])


class SecurityHeaders:
    """Adds ``HEADERS`` to every HTTP response, errors and refusals included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in _RAW_HEADERS if k not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)


class RequestCheck:
    """Refuses (400, in the API's error shape), before any route runs, a request whose Host is
    not on the allow-list, or whose path or query holds a NUL character, which PostgreSQL
    refuses in any string: it would otherwise be a server error in whichever query met it."""

    def __init__(self, app: ASGIApp, *, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        message = self._refusal(scope)
        if message is None:
            await self.app(scope, receive, send)
            return
        body = json.dumps({"ok": False, "error": message, "status": 400}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 400,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    def _refusal(self, scope: Scope) -> str | None:
        given = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"host"), "")
        if "*" not in self.hosts and _host_name(given) not in self.hosts:
            shown = given[:100] or "(none)"
            return (
                f"this server does not answer for the host {shown!r}; "
                "start `dyad serve` with --allow-host NAME to serve it under that name"
            )
        query = scope.get("query_string", b"").lower()
        if "\x00" in scope.get("path", "") or b"%00" in query or b"\x00" in query:
            return "a NUL character (%00) is not accepted in a URL"
        return None
