"""Bearer tokens: where the server's token comes from, and the checks on requests.

Writes always need the token; reads need it only when the server runs with ``--private``.
The token is ``$DYAD_TOKEN`` when set, else the contents of the token file that
``dyad token create`` writes (``$DYAD_CONFIG/token``, by default ``~/.config/dyad/token``).
"""

from __future__ import annotations

import errno
import hashlib
import hmac
import os
import secrets
import stat
import time
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
    owner only; returns it and the path. An existing token is kept unless ``replace``.

    The file is created new (``O_EXCL``, ``O_NOFOLLOW``) with mode 0600, so the token is never
    readable by others, not even for a moment, and a symlink planted at the path is never
    followed: ``--replace`` writes a fresh file beside it and renames it over the link, which
    replaces the link itself, not the file it points to.
    """
    path = path or token_path()
    if os.path.lexists(path) and not replace:
        raise TokenError(f"{path} already holds a token; pass --replace to make a new one")
    token = secrets.token_urlsafe(TOKEN_BYTES)
    fresh = path.with_name(f".{path.name}.{secrets.token_hex(8)}")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(fresh, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(token + "\n")
            os.replace(fresh, path)
        except BaseException:
            fresh.unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise TokenError(f"cannot write the token to {path}: {exc.strerror}") from exc
    return token, path


def load_token() -> str | None:
    """The server's token: ``$DYAD_TOKEN``, else the token file, else None (no writes).

    The file is refused when it is a symlink, is not a regular file, belongs to another user
    or can be read or written by group or others: a token others can read is no secret.
    """
    value = os.environ.get(ENV_VAR, "").strip()
    if value:
        return value
    path = token_path()
    if not os.path.lexists(path):
        return None
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise TokenError(f"the token file {path} is a symlink; refusing to follow it") from exc
        raise TokenError(f"cannot read the token file {path}: {exc.strerror}") from exc
    with os.fdopen(fd, encoding="utf-8") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise TokenError(f"the token file {path} is not a regular file")
        if info.st_mode & 0o077:
            raise TokenError(
                f"the token file {path} can be read by others "
                f"(mode {stat.S_IMODE(info.st_mode):04o}); run `chmod 600 {path}`, "
                "or `dyad token create --replace` for a new token"
            )
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            raise TokenError(f"the token file {path} belongs to another user")
        try:
            value = fh.read().strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise TokenError(f"cannot read the token file {path}: {exc}") from exc
    if not value:
        raise TokenError(f"the token file {path} is empty; run `dyad token create --replace`")
    return value


# A browser on a private server reads with a session cookie, never the token itself: the
# cookie is HttpOnly (no script can read it) and SameSite=Strict (no other site can send it),
# and it only reads. Its value is an expiry time signed with the token, so the server keeps no
# session table and a new token ends every session.
SESSION_COOKIE = "dyad_session"
SESSION_SECONDS = 12 * 3600


def session_value(token: str, *, now: float | None = None) -> str:
    """A read-only session for browsers: an expiry time and its HMAC under ``token``."""
    expires = int((time.time() if now is None else now) + SESSION_SECONDS)
    return f"{expires}.{_sign(token, expires)}"


def valid_session(token: str, value: str | None, *, now: float | None = None) -> bool:
    expires, _, signature = (value or "").partition(".")
    if not expires.isdigit() or not signature:
        return False
    if int(expires) < (time.time() if now is None else now):
        return False
    return hmac.compare_digest(signature, _sign(token, int(expires)))


def _sign(token: str, expires: int) -> str:
    message = f"dyad read session {expires}".encode()
    return hmac.new(token.encode(), message, hashlib.sha256).hexdigest()


def check_token(given: str | None, token: str | None, doing: str) -> None:
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
    """Dependency of every write endpoint: the bearer token, always (a session never writes)."""
    given = credentials.credentials.strip() if credentials else None
    check_token(given, request.app.state.settings.token, "writing")


def require_read(request: Request, credentials: Credentials) -> None:
    """Dependency of every read endpoint and page of a private server: the bearer token, or
    the session cookie a browser got from ``POST /session``."""
    token = request.app.state.settings.token
    if credentials is None and token is not None:
        if valid_session(token, request.cookies.get(SESSION_COOKIE)):
            return
    given = credentials.credentials.strip() if credentials else None
    check_token(given, token, "reading")
