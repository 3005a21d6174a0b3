"""``dyad ingest``: code articles and store them, with their events, in the store."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from dyad.cli import app, err
from dyad.cli.events import DbOption, fail, opened
from dyad.errors import DyadError
from dyad.store import BATCH_SIZE

BatchOption = Annotated[
    int,
    typer.Option(
        "--batch-size", min=1, help="Documents per transaction (a crash loses at most one)."
    ),
]
ActorsOption = Annotated[
    list[Path] | None,
    typer.Option("--actors", help="Extra actor knowledge-base YAML file (repeatable)."),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress bar, no per-input lines.")
]


class RateColumn(ProgressColumn):
    """Documents per second since the start. Rich's own speed estimate is not used: outcomes
    arrive a batch at a time, and a burst over a few milliseconds would read as thousands."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed
        if not elapsed or not task.completed:
            return Text("- docs/s")
        return Text(f"{task.completed / elapsed:,.1f} docs/s")


def progress_bar(description: str, total: int | None, *, quiet: bool) -> Progress:
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=quiet,
    )
    progress.add_task(description, total=total)
    return progress


def count_inputs(paths: Iterable[Path]) -> int:
    """How many items ``dyad.ingest.read`` will yield, for the progress bar's total: one per
    file, one per non-blank line of a JSON Lines file. Cheap next to coding."""
    from dyad.ingest import JSONL_SUFFIXES

    n = 0
    for path in paths:
        files = (
            sorted(c for c in path.rglob("*") if c.is_file() and not c.name.startswith("."))
            if path.is_dir()
            else [path]
        )
        for f in files:
            if f.suffix.lower() in JSONL_SUFFIXES and f.is_file():
                try:
                    with f.open("rb") as fh:
                        n += sum(1 for line in fh if line.strip())
                except OSError:
                    n += 1
            else:
                n += 1
    return n


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders: .txt, .html, .jsonl.")],
    db: DbOption = None,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD) for inputs that carry none."),
    ] = None,
    actors: ActorsOption = None,
    batch_size: BatchOption = BATCH_SIZE,
    quiet: QuietOption = False,
) -> None:
    """Code articles and store documents, events and rejected inputs.

    Safe to re-run: an article already in the store (same normalised text) is reported as
    'already stored' and not coded again; a run killed midway loses at most the batch it
    was writing, and the next run picks up the rest.
    """
    from dyad.coder import Coder, coder_version
    from dyad.ingest import parse_published, read

    try:
        parse_published(published, origin="--published")  # before any store is created
        coder = Coder.create(actors or [])
    except DyadError as exc:
        raise fail(exc) from exc
    items = read(paths, published=published)
    counts: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    n_events = 0
    started = time.perf_counter()
    with opened(db, create=True) as store:
        progress = progress_bar("ingest", count_inputs(paths), quiet=quiet)
        try:
            with progress:
                for outcome in store.ingest(items, coder, batch_size=batch_size):
                    counts[outcome.kind] += 1
                    n_events += outcome.events
                    progress.advance(progress.task_ids[0])
                    if outcome.kind == "rejected":
                        reasons[outcome.reason or "?"] += 1
                        progress.console.print(f"rejected: {outcome.detail} [{outcome.reason}]")
                    elif quiet:
                        continue
                    elif outcome.kind == "skipped":
                        progress.console.print(f"skipped: {outcome.detail} [{outcome.reason}]")
                    elif outcome.kind == "already stored":
                        progress.console.print(
                            f"already stored: {outcome.origin} ({outcome.document_id})"
                        )
        except DyadError as exc:
            raise fail(exc) from exc
        outdated = store.outdated(coder_version())
        where = store.url
    if not quiet:
        seconds = time.perf_counter() - started
        done = sum(counts.values())
        detail = (
            f" ({', '.join(f'{k}: {v}' for k, v in sorted(reasons.items()))})" if reasons else ""
        )
        skipped = f", {counts['skipped']} skipped" if counts["skipped"] else ""
        err.print(
            f"stored {counts['stored']} documents, {n_events} events; "
            f"{counts['already stored']} already stored, {counts['rejected']} rejected{detail}"
            f"{skipped}; {done / seconds if seconds else 0:,.1f} inputs/s into {where}"
        )
        if outdated:
            err.print(
                f"note: {outdated} stored documents were coded by an older coder; "
                "run `dyad recode` to re-code them"
            )
    if counts["rejected"]:
        raise typer.Exit(1)
