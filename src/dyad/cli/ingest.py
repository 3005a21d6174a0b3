"""``dyad ingest``: code articles and store them, with their events, in the store."""

from __future__ import annotations

import os
import tempfile
import time
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dyad.cli import app, err, progress_bar
from dyad.cli.events import DbOption, fail, opened
from dyad.cli.inputs import PathsArgument, StdinFormatOption, inputs_of

if TYPE_CHECKING:
    from dyad.coder import Coder, OnReject, Result
    from dyad.records import Document, Event, Reject
    from dyad.store import Store

# dyad.store.BATCH_SIZE (a test keeps them equal), not imported: that loads SQLAlchemy,
# and the default is needed to build --help.
BATCH_SIZE = 50
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


class _Pooled:
    """The coder as ``Store.ingest`` calls it, coding each batch with a pool of processes."""

    def __init__(self, coder: Coder, workers: int) -> None:
        self.coder = coder
        self.workers = workers

    def code(
        self, documents: Iterable[Document], *, on_reject: OnReject
    ) -> Iterator[tuple[Document, list[Event]]]:
        return self.coder.code(documents, workers=self.workers, on_reject=on_reject)


class _Precoded:
    """Results coded on Dask, handed to ``Store.ingest`` in step with the documents it reads.

    Holds at most a few batches: entries of documents the store already had are dropped
    once they are old."""

    def __init__(self, limit: int) -> None:
        self.pending: OrderedDict[str, list[Event] | Reject] = OrderedDict()
        self.limit = limit

    def feed(self, results: Iterable[Result]) -> Iterator[Document]:
        for doc, result in results:
            self.pending[doc.id] = result
            while len(self.pending) > self.limit:
                self.pending.popitem(last=False)
            yield doc

    def code(
        self, documents: Iterable[Document], *, on_reject: OnReject
    ) -> Iterator[tuple[Document, list[Event]]]:
        from dyad.records import Reject

        for doc in documents:
            result = self.pending.pop(doc.id, [])
            if isinstance(result, Reject):
                on_reject(doc, result)
            else:
                yield doc, result


@app.command()
def ingest(
    paths: PathsArgument,
    db: DbOption = None,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD) for inputs that carry none."),
    ] = None,
    actors: ActorsOption = None,
    batch_size: BatchOption = BATCH_SIZE,
    quiet: QuietOption = False,
    workers: Annotated[
        int | None,
        typer.Option(help="Processes coding in parallel (default: the number of CPUs)."),
    ] = None,
    dask: Annotated[
        bool, typer.Option("--dask", help="Code on Dask (a LocalCluster unless --scheduler).")
    ] = False,
    scheduler: Annotated[
        str | None,
        typer.Option(help="Address of an existing Dask scheduler, e.g. tcp://10.0.0.5:8786."),
    ] = None,
    partitions: Annotated[
        Path | None,
        typer.Option(help="With --dask: folder for the Parquet partitions (default: temporary)."),
    ] = None,
    stdin_format: StdinFormatOption = "auto",
) -> None:
    """Code articles and store documents, events and rejected inputs.

    Safe to re-run: an article already in the store (same normalised text) is reported as
    'already stored' and not coded again; a run killed midway loses at most the batch it
    was writing, and the next run picks up the rest.

    `dyad ingest -` reads standard input: one article, or JSON Lines (one {"text": ...}
    record a line).
    """
    from dyad.coder import Coder, coder_version
    from dyad.errors import DyadError
    from dyad.ingest import parse_published
    from dyad.lifetime import Terminated, interrupt_exit_code, sigterm_as_interrupt

    try:
        parse_published(published, origin="--published")  # before any store is created
        coder = Coder.create(actors or [])
    except DyadError as exc:
        raise fail(exc) from exc
    if scheduler and not dask:
        raise fail("--scheduler needs --dask")
    given = inputs_of(paths, stdin_format)
    total = given.count()
    n_workers = workers or os.cpu_count() or 1
    if total is not None:  # no more processes than batches of 16
        n_workers = max(1, min(n_workers, -(-total // 16)))
    items = given.read(published)
    counts: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    n_events = n_new = 0  # events coded; of them, events stored as their own rows
    started = time.perf_counter()
    stopped: KeyboardInterrupt | None = None
    with opened(db, create=True) as store, sigterm_as_interrupt():
        progress = progress_bar("ingest", total, quiet=quiet)
        workdir = tempfile.TemporaryDirectory(prefix="dyad-dask-") if dask else None
        try:
            if dask:
                source, backend, known = _dask_stream(
                    store, items, coder, partitions or Path(workdir.name), scheduler, n_workers
                )  # type: ignore[union-attr]
            else:
                source, backend, known = items, _Pooled(coder, n_workers), set()
            with progress:
                for outcome in store.ingest(source, backend, batch_size=batch_size):
                    counts[outcome.kind] += 1
                    n_events += outcome.events
                    n_new += outcome.new_events
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
            # With --dask, stored documents are not sent to the cluster again.
            counts["already stored"] += len(known)
            progress.advance(progress.task_ids[0], len(known))
        except DyadError as exc:
            raise fail(exc) from exc
        except KeyboardInterrupt as exc:
            # SIGTERM or Ctrl-C: the batch being written is rolled back, the workers are
            # stopped; what was committed is summed up below, and a re-run picks up the rest.
            stopped = exc
        finally:
            if workdir is not None:
                workdir.cleanup()
        outdated = 0 if stopped else store.outdated(coder_version())
        where = store.url
    if stopped is not None:
        by = "SIGTERM" if isinstance(stopped, Terminated) else "interrupt"
        err.print(f"stopped by {by}; the next run picks up the inputs not yet stored")
    if not quiet or stopped is not None:
        seconds = time.perf_counter() - started
        done = sum(counts.values())
        detail = (
            f" ({', '.join(f'{k}: {v}' for k, v in sorted(reasons.items()))})" if reasons else ""
        )
        skipped = f", {counts['skipped']} skipped" if counts["skipped"] else ""
        # Linking folds events told by several reports into one: say so when it did.
        joined = n_events - n_new
        linked = f" (of {n_events} coded, {joined} joined stored events)" if joined else ""
        err.print(
            f"stored {counts['stored']} documents, {n_new} events{linked}; "
            f"{counts['already stored']} already stored, {counts['rejected']} rejected{detail}"
            f"{skipped}; {done / seconds if seconds else 0:,.1f} inputs/s into {where}"
        )
        if outdated:
            err.print(
                f"note: {outdated} stored documents were coded by an older coder; "
                "run `dyad recode` to re-code them"
            )
    if stopped is not None:
        raise typer.Exit(interrupt_exit_code(stopped))
    if counts["rejected"]:
        raise typer.Exit(1)


def _dask_stream(
    store: Store,
    items: Iterable[Document | Reject],
    coder: Coder,
    out_dir: Path,
    scheduler: str | None,
    workers: int,
) -> tuple[Iterator[Document | Reject], _Precoded, set[str]]:
    """Code the new documents on Dask into Parquet partitions, then replay them (with the
    rejects) for ``Store.ingest``, which stores them as a plain ingest would."""
    from dyad.records import Reject
    from dyad.scale import code_on_dask, read_partitions

    rejects: list[Reject] = []
    known: set[str] = set()

    def new_documents() -> Iterator[Document]:
        chunk: list[Document] = []
        for it in items:
            if isinstance(it, Reject):
                rejects.append(it)
                continue
            chunk.append(it)
            if len(chunk) >= 256:
                yield from _unstored(chunk)
                chunk = []
        yield from _unstored(chunk)

    def _unstored(chunk: list[Document]) -> Iterator[Document]:
        stored = store.known_documents([d.id for d in chunk])
        known.update(stored)
        yield from (d for d in chunk if d.id not in stored)

    code_on_dask(
        new_documents(),
        out_dir,
        scheduler=scheduler,
        workers=workers,
        actor_files=coder.actor_files,
        use_config_dir=coder.use_config_dir,
    )
    precoded = _Precoded(limit=4 * BATCH_SIZE)

    def replay() -> Iterator[Document | Reject]:
        yield from rejects
        yield from precoded.feed(read_partitions(out_dir))

    return replay(), precoded, known
