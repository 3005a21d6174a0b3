"""``dyad stories``: documents about one affair, with their events in time order."""

from __future__ import annotations

from dyad.cli import app
from dyad.cli.events import (
    ActorOption,
    CountryOption,
    DbOption,
    DyadOption,
    SinceOption,
    TypeOption,
    UntilOption,
    opened,
    parse_filters,
)


@app.command()
def stories(
    db: DbOption = None,
    dyad: DyadOption = None,
    actor: ActorOption = None,
    country: CountryOption = None,
    type_: TypeOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
) -> None:
    """Stories: documents about one affair, each with its title, span and events."""
    from rich.console import Console
    from rich.table import Table

    filters = parse_filters(
        dyad=dyad, actor=actor, country=country, type=type_, since=since, until=until
    )
    with opened(db) as store:
        found = store.stories(filters)
    out = Console()
    if not found:
        out.print("no stories match")
        return
    for story in found:
        start, end = story.span
        span = f"{start or '?'} .. {end or '?'}"
        table = Table(
            title=f"{story.title}  [{span}]  {len(story.documents)} documents  {story.id}",
            title_justify="left",
        )
        for col in ("date", "type", "status", "actors", "recipients", "evidence"):
            table.add_column(col, overflow="fold")
        for e in story.events:
            table.add_row(
                e.date.start or "?",
                e.type + (f"/{e.mode}" if e.mode else ""),
                e.status,
                "; ".join(r.name for r in e.actors),
                "; ".join(r.name for r in e.recipients),
                e.mentions[0].text if e.mentions else "",
            )
        out.print(table)
