"""``dyad export``: write stored events as PLOVER JSON, GDELT 2.0, CAMEO TSV, CSV or Parquet."""

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

STDOUT = "-"  # as dyad.store.export.STDOUT, which the store takes for standard output


@app.command()
def export(
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            help="plover-json (JSON Lines), gdelt (GDELT 2.0's 61 columns), polecat "
            "(POLECAT's columns), cameo-tsv, csv or parquet.",
        ),
    ],
    output: Annotated[
        str, typer.Option("-o", "--output", help="The file to write; - for standard output.")
    ],
    db: DbOption = None,
    actor: ActorOption = None,
    country: CountryOption = None,
    dyad: DyadOption = None,
    event_type: TypeOption = None,
    status: StatusOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = None,
    header: Annotated[
        bool, typer.Option("--header", help="gdelt: a first row of column names (GDELT has none).")
    ] = False,
    dyad_columns: Annotated[
        bool,
        typer.Option(
            "--dyad-columns",
            help="gdelt: append DyadEventId, DatePrecision, PloverType, PloverMode, Status, "
            "Confidence after GDELT's 61 columns.",
        ),
    ] = False,
    schema: Annotated[
        bool,
        typer.Option("--schema", help="Write the format's JSON Schema instead of events."),
    ] = False,
) -> None:
    """Export stored events that match the filters to a file (-o - for standard output)."""
    from dyad.errors import DyadError
    from dyad.store import FORMATS

    if fmt not in FORMATS:
        raise fail(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if schema:
        _write_schema(fmt, output)
        return
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
            n = store.export(fmt, output, filters, header=header, dyad_columns=dyad_columns)
        except DyadError as exc:
            raise fail(exc) from exc
    shown = "standard output" if output == STDOUT else output
    err.print(f"exported {n} events to {shown} ({fmt})")


def _write_schema(fmt: str, output: str) -> None:
    import json
    import sys

    from dyad.schemas import SCHEMA_FORMATS
    from dyad.schemas import schema as schema_of

    if fmt not in SCHEMA_FORMATS:
        raise fail(f"--schema: {fmt} describes itself (Parquet files carry their schema)")
    text = json.dumps(schema_of(fmt), indent=2, ensure_ascii=False) + "\n"
    if output == STDOUT:
        sys.stdout.write(text)
    else:
        Path(output).write_text(text, encoding="utf-8")
