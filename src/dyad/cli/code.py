"""``dyad code``: code articles into events, as JSON Lines or a table."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from dyad.cli import DetectionOption, app, check_detection, err, progress_bar
from dyad.cli.inputs import PathsArgument, StdinFormatOption, inputs_of

if TYPE_CHECKING:
    from dyad.records import Event, Reject


def _names(refs: list) -> str:  # type: ignore[type-arg]
    return "; ".join(f"{r.name} ({r.code or '?'})" for r in refs)


def render_table(events: list[Event], out: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, title=f"{len(events)} events")
    for col in ("date", "type", "status", "actors", "recipients", "place", "cameo", "evidence"):
        table.add_column(col, overflow="fold")
    for e in events:
        when = e.date.start or "?"
        if e.date.end and e.date.end != e.date.start:
            when = f"{when}..{e.date.end}"
        table.add_row(
            when,
            e.type + (f"/{e.mode}" if e.mode else ""),
            e.status,
            _names(e.actors),
            _names(e.recipients),
            e.place.name if e.place else "",
            e.cameo,
            e.mentions[0].text if e.mentions else "",
        )
    Console(file=out, width=160 if not out.isatty() else None).print(table)


@app.command()
def code(
    paths: PathsArgument,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD) for inputs that carry none."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="Output format: jsonl or table.")] = "jsonl",
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Write events here (- for stdout, the default)."),
    ] = None,
    actors: Annotated[
        list[Path] | None,
        typer.Option("--actors", help="Extra actor knowledge-base YAML file (repeatable)."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
    workers: Annotated[
        int | None,
        typer.Option(help="Processes coding in parallel (default: the number of CPUs)."),
    ] = None,
    detection: DetectionOption = None,
    stdin_format: StdinFormatOption = "auto",
) -> None:
    """Code news articles into events (JSON Lines by default).

    `dyad code -` reads standard input: one article, or JSON Lines (one {"text": ...}
    record a line), e.g. `curl -s URL | dyad code - --stdin-format html`.
    """
    from dyad.coder import Coder
    from dyad.errors import DyadError
    from dyad.lifetime import Terminated, interrupt_exit_code, sigterm_as_interrupt
    from dyad.records import Document

    if fmt not in {"jsonl", "table"}:
        err.print(f"error: --format must be jsonl or table, not {fmt!r}")
        raise typer.Exit(2)
    check_detection(detection)
    given = inputs_of(paths, stdin_format)
    try:
        coder = Coder.create(actors or [], detection=detection)  # type: ignore[arg-type]
    except DyadError as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(2) from exc
    rejects: list[Reject] = []

    def note(item: Reject) -> None:
        rejects.append(item)
        if not quiet or not item.skipped:
            level = "skipped" if item.skipped else "rejected"
            err.print(f"{level}: {item.detail} [{item.reason}]")

    def documents():  # type: ignore[no-untyped-def]
        for item in given.read(published):
            if isinstance(item, Document):
                yield item
            else:
                note(item)

    total = given.count()
    batch = 16
    n_workers = workers or os.cpu_count() or 1
    if total is not None:  # no more processes than batches
        n_workers = max(1, min(n_workers, -(-total // batch)))
    if output is not None and str(output) == "-":
        output = None  # -o - is standard output, as for every command that writes
    out: TextIO = output.open("w", encoding="utf-8") if output else sys.stdout
    n_docs = n_events = 0
    table_rows: list[Event] = []
    progress = progress_bar("coding", total, quiet=quiet or not err.is_terminal)
    task = progress.task_ids[0]
    stopped: KeyboardInterrupt | None = None
    coded = None
    try:
        with progress, sigterm_as_interrupt():
            coded = coder.code(
                documents(),
                batch_size=batch,
                workers=n_workers,
                on_reject=lambda _doc, reject: note(reject),
            )
            for _record, events in coded:
                progress.update(task, completed=n_docs + 1 + len(rejects))
                n_docs += 1
                n_events += len(events)
                if fmt == "jsonl":
                    for e in events:
                        out.write(json.dumps(asdict(e), ensure_ascii=False) + "\n")
                else:
                    table_rows.extend(events)
        if fmt == "table":
            render_table(table_rows, out)
    except DyadError as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(2) from exc
    except KeyboardInterrupt as exc:
        stopped = exc  # SIGTERM or Ctrl-C: the events written so far stay; summed up below
    finally:
        if coded is not None:
            coded.close()  # stops the pool's workers now, not when the generator is collected
        if output:
            out.close()
    failed = [r for r in rejects if not r.skipped]
    if stopped is not None:
        by = "SIGTERM" if isinstance(stopped, Terminated) else "interrupt"
        of = "" if total is None else f" of {total}"
        err.print(f"stopped by {by} after {n_docs + len(rejects)}{of} inputs")
    if not quiet or stopped is not None:
        counts = Counter(r.reason for r in failed)
        detail = f" ({', '.join(f'{k}: {v}' for k, v in sorted(counts.items()))})" if counts else ""
        skipped = len(rejects) - len(failed)
        tail = f", {skipped} skipped" if skipped else ""
        err.print(
            f"coded {n_docs} documents, {n_events} events, {len(failed)} rejected{detail}{tail}"
        )
    if stopped is not None:
        raise typer.Exit(interrupt_exit_code(stopped))
    if failed:
        raise typer.Exit(1)
