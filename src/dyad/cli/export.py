"""``dyad export``: write stored events as PLOVER JSON, CAMEO TSV, CSV or Parquet."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dyad.cli import app, err
from dyad.cli.events import (
    ActorOption,
    CountryOption,
    DbOption,
    DyadOption,
    LimitOption,
    SinceOption,
    StatusOption,
    TypeOption,
    UntilOption,
    fail,
    opened,
    parse_filters,
)
from dyad.errors import DyadError
from dyad.store import FORMATS


@app.command()
def export(
    fmt: Annotated[
        str,
        typer.Option(
            "--format", help="plover-json (JSON Lines), cameo-tsv (GDELT-like), csv or parquet."
        ),
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="The file to write.")],
    db: DbOption = None,
    actor: ActorOption = None,
    country: CountryOption = None,
    dyad: DyadOption = None,
    event_type: TypeOption = None,
    status: StatusOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = None,
) -> None:
    """Export stored events that match the filters to a file."""
    if fmt not in FORMATS:
        raise fail(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    filters = parse_filters(
        actor=actor,
        country=country,
        dyad=dyad,
        type=event_type,
        status=status,
        since=since,
        until=until,
        limit=limit,
    )
    with opened(db) as store:
        try:
            n = store.export(fmt, output, filters)
        except DyadError as exc:
            raise fail(exc) from exc
    err.print(f"exported {n} events to {output} ({fmt})")
