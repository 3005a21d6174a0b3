"""``dyad recode``: re-code stored documents whose events came from another coder version."""

from __future__ import annotations

from dyad.cli import app, err, progress_bar
from dyad.cli.events import DbOption, fail, opened
from dyad.cli.ingest import BATCH_SIZE, ActorsOption, BatchOption, QuietOption


@app.command()
def recode(
    db: DbOption = None,
    actors: ActorsOption = None,
    batch_size: BatchOption = BATCH_SIZE,
    quiet: QuietOption = False,
) -> None:
    """Re-code stored documents coded by an older coder, replacing their events.

    Each batch of documents gets its new events in one transaction: a reader sees either
    the old events or the new ones, and an interrupted run can simply be started again.
    """
    from dyad.coder import Coder, coder_version
    from dyad.errors import DyadError

    version = coder_version()
    try:
        coder = Coder.create(actors or [])
    except DyadError as exc:
        raise fail(exc) from exc
    n_docs = before = after = 0
    with opened(db) as store:
        todo = store.outdated(version)
        if todo:
            progress = progress_bar("recode", todo, quiet=quiet)
            try:
                with progress:
                    for done in store.recode(coder, version=version, batch_size=batch_size):
                        n_docs += 1
                        before += done.events_before
                        after += done.events_after
                        progress.advance(progress.task_ids[0])
            except DyadError as exc:
                raise fail(exc) from exc
        total = store.totals().documents
    if quiet:
        return
    if n_docs:
        err.print(
            f"recoded {n_docs} documents with coder {version}: {before} events replaced by {after}"
        )
    else:
        err.print(f"nothing to recode: all {total} stored documents are coded by {version}")
