"""``dyad token create``: make the bearer token that ``dyad serve`` requires for writes."""

from __future__ import annotations

from typing import Annotated

import typer

from dyad.cli import Group, app, err
from dyad.cli.events import fail
from dyad.errors import DyadError

token_app = typer.Typer(
    cls=Group,
    help="The bearer token for writes to `dyad serve` (and reads with --private).",
    no_args_is_help=True,
)
app.add_typer(token_app, name="token")


@token_app.command("create")
def create(
    replace: Annotated[bool, typer.Option("--replace", help="Replace an existing token.")] = False,
) -> None:
    """Write a new random token to $DYAD_CONFIG/token (default ~/.config/dyad/token),
    readable by you only, and print it. $DYAD_TOKEN, when set, takes precedence."""
    try:
        from dyad.api.auth import ENV_VAR, create_token

        token, path = create_token(replace=replace)
    except DyadError as exc:
        raise fail(exc) from exc
    typer.echo(token)
    err.print(f"token written to {path}; `dyad serve` reads it at start-up")
    import os

    if os.environ.get(ENV_VAR):
        err.print(f"note: {ENV_VAR} is set and takes precedence over the file")


@token_app.command("path")
def path() -> None:
    """Print where the token file is (or would be)."""
    try:
        from dyad.api.auth import token_path
    except DyadError as exc:  # no ``api`` extra
        raise fail(exc) from exc
    typer.echo(str(token_path()))
