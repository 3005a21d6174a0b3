"""``dyad stats``: events per period by PLOVER type and quad class, with a terminal chart."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from dyad.cli import app
from dyad.cli.events import (
    ActorOption,
    CountryOption,
    DbOption,
    DyadOption,
    OutputOption,
    SinceOption,
    StatusOption,
    TypeOption,
    UntilOption,
    fail,
    opened,
    output_to,
    parse_filters,
)

if TYPE_CHECKING:
    from rich.text import Text

    from dyad.store import PeriodStats, Stats, Totals

QUADS = {1: "verbal coop", 2: "material coop", 3: "verbal conflict", 4: "material conflict"}
QUAD_STYLE = {1: "green", 2: "blue", 3: "yellow", 4: "red"}
BAR_WIDTH = 30
SPARKS = "▁▂▃▄▅▆▇█"
MAX_SPARK = 120  # periods; a longer history shows its most recent part


def _bar(p: PeriodStats, most: int) -> Text:
    """A bar as long as the period's count, split into quad-class colours."""
    from rich.text import Text

    bar = Text()
    for q in sorted(QUADS):
        width = round(p.by_quad.get(q, 0) / most * BAR_WIDTH) if most else 0
        bar.append("█" * width, style=QUAD_STYLE[q])
    return bar


def _mean(value: float | None) -> str:
    return "" if value is None else f"{value:+.2f}"


def _period_start(label: str, by: str) -> dt.date:
    if by == "day":
        return dt.date.fromisoformat(label)
    if by == "week":
        year, week = label.split("-W")
        return dt.date.fromisocalendar(int(year), int(week), 1)
    if by == "month":
        return dt.date(int(label[:4]), int(label[5:7]), 1)
    return dt.date(int(label), 1, 1)


def _next(day: dt.date, by: str) -> dt.date:
    if by == "day":
        return day + dt.timedelta(days=1)
    if by == "week":
        return day + dt.timedelta(weeks=1)
    if by == "month":
        return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return dt.date(day.year + 1, 1, 1)


def sparkline(stats: Stats) -> str:
    """Events per period over the whole dated span, empty periods included."""
    from dyad.store.query import UNDATED, period_of

    counts = {p.period: p.events for p in stats.periods if p.period != UNDATED}
    if not counts:
        return ""
    labels = sorted(counts)
    day, last = _period_start(labels[0], stats.by), _period_start(labels[-1], stats.by)
    series: list[int] = []
    while day <= last:
        series.append(counts.get(period_of(day, stats.by), 0))
        day = _next(day, stats.by)
    shown = series[-MAX_SPARK:]
    most = max(shown) or 1
    line = "".join(SPARKS[round(n / most * (len(SPARKS) - 1))] if n else " " for n in shown)
    first = labels[0] if len(series) <= MAX_SPARK else f"last {MAX_SPARK} {stats.by}s to"
    return f"events per {stats.by}, {first} .. {labels[-1]}: |{line}|"


def render_stats(stats: Stats, totals: Totals, out: TextIO) -> None:
    from rich.console import Console, Group
    from rich.table import Table
    from rich.text import Text

    from dyad.ontology import PLOVER_TYPES

    by = stats.by
    rejected = sum(totals.rejects.values())
    most = max((p.events for p in stats.periods), default=0)
    legend = Text("  ").join(Text(f"█ {label}", style=QUAD_STYLE[q]) for q, label in QUADS.items())

    quads = Table(title=f"Events by quad class per {by}", caption=legend)
    quads.add_column(by)
    quads.add_column("events", justify="right")
    for label in QUADS.values():
        quads.add_column(label, justify="right")
    quads.add_column("mean Goldstein", justify="right")
    quads.add_column("chart", no_wrap=True)
    for p in stats.periods:
        quads.add_row(
            p.period,
            str(p.events),
            *(str(p.by_quad.get(q, "")) for q in QUADS),
            _mean(p.goldstein_mean),
            _bar(p, most),
        )
    t = stats.total
    quads.add_section()
    quads.add_row(
        "total",
        str(t.events),
        *(str(t.by_quad.get(q, "")) for q in QUADS),
        _mean(t.goldstein_mean),
        "",
    )

    present = [x for x in PLOVER_TYPES if x in t.by_type]
    types = Table(title=f"Events by PLOVER type per {by}")
    types.add_column(by)
    for name in present:
        types.add_column(name, justify="right")
    for p in [*stats.periods, t]:
        if p is t:
            types.add_section()
        types.add_row(p.period, *(str(p.by_type.get(x, "")) for x in present))

    console = Console(file=out, width=None if out.isatty() else 160, highlight=False)
    console.print(
        Group(
            Text(
                f"{totals.documents} documents, {totals.events} events and {rejected} rejected "
                f"inputs in the store; {t.events} events match"
            ),
            quads,
            types,
            Text(sparkline(stats)),
        )
    )


def _jsonl(p: PeriodStats) -> str:
    row = dataclasses.asdict(p)
    del row["goldstein_sum"]
    row["by_quad"] = {str(k): v for k, v in sorted(p.by_quad.items())}
    row["goldstein_mean"] = p.goldstein_mean
    return json.dumps(row)


@app.command()
def stats(
    db: DbOption = None,
    dyad: DyadOption = None,
    by: Annotated[str, typer.Option("--by", help="Period: day, week, month or year.")] = "month",
    actor: ActorOption = None,
    country: CountryOption = None,
    event_type: TypeOption = None,
    status: StatusOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: Annotated[
        str, typer.Option("--format", help="table (with a chart) or jsonl (one period a line).")
    ] = "table",
    output: OutputOption = None,
) -> None:
    """Count stored events per period by PLOVER type and quad class, with mean Goldstein."""
    from dyad.errors import DyadError
    from dyad.store.query import PERIODS

    if fmt not in {"table", "jsonl"}:
        raise fail(f"--format must be table or jsonl, not {fmt!r}")
    if by.lower() not in PERIODS:  # checked before the store opens, which could fail first
        raise fail(f"--by: {by!r} is not one of {', '.join(PERIODS)}")
    by = by.lower()
    filters = parse_filters(
        actor=actor,
        country=country,
        dyad=dyad,
        type=event_type,
        status=status,
        since=since,
        until=until,
    )
    with opened(db) as store:
        try:
            result = store.stats(filters, by=by)
        except DyadError as exc:
            raise fail(exc) from exc
        totals = store.totals()
    with output_to(output) as out:
        if fmt == "jsonl":
            for p in [*result.periods, result.total]:
                out.write(_jsonl(p) + "\n")
        else:
            render_stats(result, totals, out)
