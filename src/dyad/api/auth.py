"""Bearer tokens: where the server's token comes from, and the checks on requests.

Writes always need the token; reads need it only when the server runs with ``--private``.
The token is ``$DYAD_TOKEN`` when set, else the contents of the token file that
``dyad token create`` writes (``$DYAD_CONFIG/token``, by default ``~/.config/dyad/token``).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from dyad.api.errors import Forbidden, Unauthorized
from dyad.errors import DyadError

ENV_VAR = "DYAD_TOKEN"
TOKEN_BYTES = 32

# Declares the scheme in the OpenAPI schema; the checks below are our own, so a refusal
# has the same error shape as every other failure.
bearer = HTTPBearer(auto_error=False, description="The token from `dyad token create`.")


class TokenError(DyadError):
    """The token file cannot be read or written."""


def config_home() -> Path:
    """Dyad's configuration folder: ``$DYAD_CONFIG``, else ``~/.config/dyad``."""
    return Path(os.environ.get("DYAD_CONFIG") or Path.home() / ".config" / "dyad")


def token_path() -> Path:
    return config_home() / "token"


def create_token(path: Path | None = None, *, replace: bool = False) -> tuple[str, Path]:
    """Write a new random token to ``path`` (default ``token_path()``), readable by the
    owner only; returns it and the path. An existing token is kept unless ``replace``."""
    path = path or token_path()
    if path.exists() and not replace:
        raise TokenError(f"{path} already holds a token; pass --replace to make a new one")
    token = secrets.token_urlsafe(TOKEN_BYTES)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Created with mode 0600 before anything is written, so the token is never
        # readable by others, not even for a moment.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(token + "\n")
        path.chmod(0o600)
    except OSError as exc:
        raise TokenError(f"cannot write the token to {path}: {exc.strerror}") from exc
    return token, path


def load_token() -> str | None:
    """The server's token: ``$DYAD_TOKEN``, else the token file, else None (no writes)."""
    value = os.environ.get(ENV_VAR, "").strip()
    if value:
        return value
    path = token_path()
    if not path.exists():
        return None
    try:
        value = path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise TokenError(f"cannot read the token file {path}: {exc.strerror}") from exc
    if not value:
        raise TokenError(f"the token file {path} is empty; run `dyad token create --replace`")
    return value


COOKIE = "dyad_token"  # how a browser sends the token to the pages of a private server


def _check(given: str | None, token: str | None, doing: str) -> None:
    if token is None:
        raise Forbidden(
            f"{doing} is disabled: this server has no token; "
            f"set {ENV_VAR} or run `dyad token create`, then restart it"
        )
    if not given:
        raise Unauthorized(f"{doing} needs a token: send 'Authorization: Bearer TOKEN'")
    if not secrets.compare_digest(given.encode(), token.encode()):
        raise Forbidden("the bearer token is not this server's token")


Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def require_write(request: Request, credentials: Credentials) -> None:
    """Dependency of every write endpoint: the bearer token, always."""
    given = credentials.credentials.strip() if credentials else None
    _check(given, request.app.state.settings.token, "writing")


def require_read(request: Request, credentials: Credentials) -> None:
    """Dependency of every read endpoint and page of a private server. Pages opened in a
    browser cannot send a header, so there a cookie holding the token counts too."""
    given = credentials.credentials.strip() if credentials else request.cookies.get(COOKIE)
    _check(given, request.app.state.settings.token, "reading")
