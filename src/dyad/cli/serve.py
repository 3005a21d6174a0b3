"""``dyad serve``: the HTTP API and web UI over a store (``dyad.api.create_app``)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from dyad.cli import app, err
from dyad.cli.events import DbOption, fail, opened
from dyad.errors import DyadError


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")
    ] = 8000,
    get: Annotated[
        str | None,
        typer.Option(
            "--get",
            metavar="PATH",
            help="Answer one GET request for PATH in-process, print the body and exit "
            "(1 when the status is 400 or more); for smoke tests.",
        ),
    ] = None,
    private: Annotated[
        bool, typer.Option("--private", help="Reads need the bearer token too.")
    ] = False,
    create: Annotated[
        bool, typer.Option("--create", help="Create an empty store when there is none.")
    ] = False,
    max_body_bytes: Annotated[
        int, typer.Option("--max-body-bytes", min=1, help="Largest request body accepted.")
    ] = 5_000_000,
    max_batch: Annotated[
        int, typer.Option("--max-batch", min=1, help="Most documents in one POST.")
    ] = 100,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            metavar="NAME",
            help="Also answer requests for this Host name (repeatable; * for any). "
            "Loopback names, and the --host address, are always answered.",
        ),
    ] = None,
) -> None:
    """Serve the API (/api/..., schema at /docs) and the web UI (/) over the store.

    Reads are open unless --private; writes (POST /api/documents) need the bearer token
    from $DYAD_TOKEN or `dyad token create`.
    """
    try:
        from dyad.api import Settings, create_app
    except DyadError as exc:  # no ``api`` extra
        raise fail(exc) from exc
    from dyad.api.auth import ENV_VAR, load_token

    if get is not None and not get.startswith("/"):
        raise fail(f"--get takes a path starting with '/', not {get!r}")
    try:
        token = load_token()
    except DyadError as exc:
        raise fail(exc) from exc
    if private and token is None:
        raise fail(f"--private needs a token: set {ENV_VAR} or run `dyad token create`")
    # The address served on is a name clients may use; a wildcard address is not a name.
    hosts = [*(allow_host or []), *([] if host in {"0.0.0.0", "::", ""} else [host])]
    settings = Settings(
        token=token,
        private=private,
        max_body_bytes=max_body_bytes,
        max_batch=max_batch,
        allowed_hosts=tuple(hosts),
    )
    with opened(db, create=create) as store:
        api = create_app(store, settings)
        if get is not None:
            from fastapi.testclient import TestClient

            headers = {"Authorization": f"Bearer {token}"} if private and token else {}
            with TestClient(api, base_url="http://localhost") as client:
                response = client.get(get, headers=headers)
            sys.stdout.write(response.text)
            if not response.text.endswith("\n"):
                sys.stdout.write("\n")
            if response.status_code >= 400:
                raise typer.Exit(1)
            return
        import uvicorn

        writes = "writes need the token" if token else "writes are off (no token)"
        reads = "reads need the token" if private else "reads are open"
        err.print(f"serving {store.url} at http://{host}:{port}/ ; {reads}, {writes}")
        uvicorn.run(api, host=host, port=port, log_level="info")
