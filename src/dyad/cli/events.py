"""``dyad events``: list stored events matching filters, as a table, JSON Lines or CSV.

The store options and filters are defined here once; ``stats``, ``export``, ``show``,
``ingest`` and ``recode`` import them so every command spells them the same way.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from dyad.cli import app, err
from dyad.countries import CountryCodeError, check_country, check_dyad

if TYPE_CHECKING:
    from dyad.store import Filters, Store

TABLE_LIMIT = 100  # a table of more rows is unreadable; JSON Lines and CSV have no default

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="DYAD_DB",
        show_envvar=True,
        help="Database URL (sqlite:///FILE, postgresql://...) or SQLite file; default dyad.db.",
    ),
]
ActorOption = Annotated[
    str | None, typer.Option("--actor", help="Actor id (xi-jinping) or part of a name.")
]
CountryOption = Annotated[
    str | None,
    typer.Option(
        "--country",
        help="ISO 3166-1 alpha-3 code of any participant, e.g. PER (any case); "
        "`dyad actors countries` lists them.",
    ),
]
DyadOption = Annotated[
    str | None,
    typer.Option("--dyad", help="Two country codes, e.g. CHN-PER: what each did to the other."),
]
TypeOption = Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. CONSULT.")]
StatusOption = Annotated[
    str | None, typer.Option("--status", help="occurred, planned, negated or hypothetical.")
]
SinceOption = Annotated[
    str | None, typer.Option("--since", help="From this date (YYYY-MM-DD, YYYY-MM or YYYY).")
]
UntilOption = Annotated[
    str | None, typer.Option("--until", help="Up to this date, inclusive (YYYY-MM-DD, ...).")
]
LimitOption = Annotated[int | None, typer.Option("--limit", help="At most N events.")]
OutputOption = Annotated[
    Path | None, typer.Option("-o", "--output", help="Write here (- for stdout, the default).")
]


def fail(problem: object, code: int = 2) -> typer.Exit:
    """Report a problem (a message or a library error) as one line on stderr; the caller
    raises the returned Exit."""
    err.print(f"error: {problem}")
    return typer.Exit(code)


@contextmanager
def opened(db: str | None, *, create: bool = False) -> Iterator[Store]:
    """The store for a command, closed afterwards; a read command never creates one."""
    import sqlalchemy as sa

    from dyad.errors import DyadError
    from dyad.store import Store
    from dyad.store.database import one_line

    try:
        store = Store.open(db, create=create)
    except DyadError as exc:
        raise fail(exc) from exc
    with store:
        try:
            yield store
        except sa.exc.DBAPIError as exc:
            # A database that fails midway (a timeout, a damaged file, a dropped server) is
            # one line naming it, as at open, not a traceback.
            raise fail(f"the store at {store.url} failed: {one_line(exc)}") from exc


def parse_filters(**options: str | int | None) -> Filters:
    """The filters of a command, or exit 2 naming the option at fault and its fix."""
    from dyad.errors import DyadError
    from dyad.store import Filters

    try:
        # The store takes any three letters; a code it holds no event for would be an
        # empty result that looks like an answer, so unknown codes stop here.
        country, dyad = options.get("country"), options.get("dyad")
        if isinstance(country, str):
            options["country"] = check_country(country, "--country")
        if isinstance(dyad, str):
            options["dyad"] = check_dyad(dyad)
        return Filters.parse(**options)  # type: ignore[arg-type]
    except (DyadError, CountryCodeError) as exc:
        raise fail(exc) from exc


@contextmanager
def output_to(path: Path | None) -> Iterator[TextIO]:
    if path is None or str(path) == "-":
        yield sys.stdout
        return
    try:
        fh = path.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise fail(f"cannot write {path}: {exc.strerror}") from exc
    with fh:
        yield fh


@app.command()
def events(
    db: DbOption = None,
    actor: ActorOption = None,
    country: CountryOption = None,
    dyad: DyadOption = None,
    event_type: TypeOption = None,
    status: StatusOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = None,
    fmt: Annotated[
        str, typer.Option("--format", help="table, jsonl (full records) or csv.")
    ] = "table",
    output: OutputOption = None,
) -> None:
    """List stored events, by date, that match every filter given."""
    from dyad.cli.code import render_table
    from dyad.store.export import write_csv

    if fmt not in {"table", "jsonl", "csv"}:
        raise fail(f"--format must be table, jsonl or csv, not {fmt!r}")
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
    with opened(db) as store, output_to(output) as out:
        if fmt == "jsonl":
            for stored in store.events(filters):
                out.write(json.dumps(dataclasses.asdict(stored.event), ensure_ascii=False) + "\n")
        elif fmt == "csv":
            write_csv(store.events(filters), out)
        else:
            shown = (
                filters
                if filters.limit is not None
                else dataclasses.replace(filters, limit=TABLE_LIMIT)
            )
            rows = [s.event for s in store.events(shown)]
            render_table(rows, out)
            total = store.count(filters)
            if filters.limit is None and total > len(rows):
                err.print(
                    f"showing the first {len(rows)} of {total} events: "
                    "use --limit N, or --format jsonl or csv for all"
                )
