"""``dyad actors``: look names up in the actor knowledge base, list its entries, and list
the country codes the filters take.

Thin wrappers over ``dyad.actors.lookup`` and ``dyad.actors.list_actors``. The knowledge
base (and spaCy with it) is imported by the commands, not here, so ``--help`` stays fast.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from dyad.cli import Group, app, err
from dyad.countries import COUNTRIES_COMMAND, CountryCodeError, check_country, country_codes

if TYPE_CHECKING:
    from dyad.actors import KnowledgeBase, Lookup
    from dyad.actors.kb import Entry

actors_app = typer.Typer(
    cls=Group,
    help="Look names up in the actor knowledge base, list its entries or the country codes.",
    no_args_is_help=True,
)
app.add_typer(actors_app, name="actors")

ActorFiles = Annotated[
    list[Path] | None,
    typer.Option("--actors", help="Extra actor knowledge-base YAML file (repeatable)."),
]
Format = Annotated[str, typer.Option("--format", help="Output format: table or jsonl.")]


def _fail(message: object, code: int = 2) -> typer.Exit:
    err.print(f"error: {message}")
    return typer.Exit(code)


def _kb(files: list[Path] | None) -> KnowledgeBase:
    from dyad.actors import load_kb
    from dyad.errors import DyadError

    try:
        return load_kb(files or [])
    except DyadError as exc:
        raise _fail(str(exc)) from exc


def _check_format(fmt: str) -> None:
    if fmt not in {"table", "jsonl"}:
        raise _fail(f"--format must be table or jsonl, not {fmt!r}")


def _roles(entry: Entry) -> str:
    parts = []
    for r in entry.roles:
        span = ""
        if r.start or r.end:
            span = f" {r.start or '?'}..{r.end or ''}"
        parts.append(f"{r.country} {r.sector} {r.title or ''}{span}".strip())
    return "; ".join(parts)


def _as_json(found: Lookup) -> dict[str, Any]:
    role = found.role
    return {
        "query": found.query,
        "on": found.on.isoformat() if found.on else None,
        "name": found.name,
        "title": found.title,
        "country": found.country,
        "actor_id": found.entry.id if found.entry else None,
        "actor_name": found.entry.name if found.entry else None,
        "kind": found.entry.kind if found.entry else None,
        "resolved_by": found.how,
        "confidence": found.confidence,
        "role": None
        if role is None
        else {
            "country": role.country,
            "sector": role.sector,
            "title": role.title,
            "current": role.current,
            "code": role.country + role.sector,
        },
        "candidates": [c.id for c in found.candidates],
    }


@actors_app.command("lookup")
def lookup_cmd(
    name: Annotated[str, typer.Argument(help='A name as news gives it: "Premier Li", "Lula".')],
    on: Annotated[
        str | None,
        typer.Option("--on", help="Date (YYYY-MM-DD) whose role to report; default: latest."),
    ] = None,
    fmt: Format = "table",
    actors: ActorFiles = None,
) -> None:
    """Who NAME is, the role held on --on, and how the name was matched."""
    from rich.console import Console
    from rich.table import Table

    from dyad.actors import lookup

    _check_format(fmt)
    day = None
    if on is not None:
        try:
            day = dt.date.fromisoformat(on)
        except ValueError:
            raise _fail(f"--on must be a date (YYYY-MM-DD), not {on!r}") from None
    found = lookup(_kb(actors), name, on=day)
    if fmt == "jsonl":
        sys.stdout.write(json.dumps(_as_json(found), ensure_ascii=False) + "\n")
    elif found.entry is not None and found.role is not None:
        role = found.role
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column()
        grid.add_row("query", name)
        grid.add_row("actor", f"{found.entry.name} ({found.entry.id}, {found.entry.kind})")
        grid.add_row("matched", f"{found.how}, confidence {found.confidence:.2f}")
        when = day.isoformat() if day else "latest"
        state = ""
        if found.entry.kind == "person":
            state = " (in office)" if role.current else " (not in office)"
        grid.add_row(f"role on {when}", f"{role.country + role.sector}: {role.title or '-'}{state}")
        Console(width=120, highlight=False).print(grid)
    if found.entry is None:
        if found.candidates:
            names = ", ".join(f"{c.name} ({c.id})" for c in found.candidates)
            raise _fail(f"{name!r} fits several actors: {names}; add a title or --on", 1)
        raise _fail(f"no actor matches {name!r}; add one with --actors FILE.yaml", 1)


@actors_app.command("list")
def list_cmd(
    country: Annotated[
        str | None, typer.Option("--country", help="Only actors with a role in ISO3.")
    ] = None,
    fmt: Format = "table",
    actors: ActorFiles = None,
) -> None:
    """The entries of the knowledge base, with their dated roles."""
    from rich.console import Console
    from rich.table import Table

    from dyad.actors import list_actors

    _check_format(fmt)
    if country is not None:
        try:
            country = check_country(country, "--country")
        except CountryCodeError as exc:
            raise _fail(exc) from exc
    entries = list_actors(_kb(actors), country=country)
    if fmt == "jsonl":
        for e in entries:
            sys.stdout.write(json.dumps(e.model_dump(mode="json"), ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{len(entries)} actors")
    for col in ("id", "kind", "name", "roles"):
        table.add_column(col, overflow="fold")
    for e in entries:
        table.add_row(e.id, e.kind, e.name, _roles(e))
    Console(width=160, highlight=False).print(table)


@actors_app.command(COUNTRIES_COMMAND)
def countries_cmd(fmt: Format = "table") -> None:
    """The country codes --country and --dyad take: ISO 3166-1 alpha-3, and the codes
    actors that are no state carry (IGO, NGO, ...)."""
    from rich.console import Console
    from rich.table import Table

    _check_format(fmt)
    codes = country_codes()
    if fmt == "jsonl":
        for c in codes:
            sys.stdout.write(json.dumps({"code": c.code, "name": c.name, "kind": c.kind}) + "\n")
        return
    table = Table(title=f"{len(codes)} country codes")
    for col in ("code", "name", "kind"):
        table.add_column(col)
    for c in codes:
        table.add_row(c.code, c.name, c.kind)
    Console(width=100, highlight=False).print(table)
