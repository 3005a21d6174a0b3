"""Posted documents coded and stored in a worker process, so they do not share the server's
interpreter.

In the server's process a write turn holds the GIL for most of its length: spaCy's layers
run in long C calls that keep it, and linking a turn to the stored events is Python. Reads
then wait for it (each row a read fetches gives the GIL up and waits to get it back), and
the server uses one core however many it has. Here the write queue hands each turn to one
worker process, which loads the pipeline and knowledge base once and opens the store
itself (the store's write lock orders it with any other writer); the server's process
meanwhile parses requests and answers reads.

The worker is started with ``spawn`` (the server has threads, which ``fork`` must not copy),
ends with the server (``dyad.lifetime``), and is started again if it dies.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from dyad.records import Document, Reject
from dyad.store import Outcome, Store

_store: Store | None = None  # the worker's own store, opened once by ``_start``


def _start(url: str, parent: int) -> None:
    global _store
    from dyad import nlp
    from dyad.coder import worker_coder
    from dyad.lifetime import end_with_parent

    end_with_parent(parent)
    worker_coder((), True)
    nlp.load()
    _store = Store.open(url, create=False)


def _ingest(items: list[Document | Reject]) -> list[Outcome]:
    from dyad.coder import worker_coder

    assert _store is not None, "the worker starts by opening the store"
    coder = worker_coder((), True)
    return list(_store.ingest(items, coder, batch_size=max(1, len(items))))


class WriterProcess:
    """``store.ingest`` with ``Coder.create()``'s coder, one turn at a time, in a worker."""

    def __init__(self, store: Store) -> None:
        # The URL with its password: the worker connects with it (it is never shown).
        self.url = store.engine.url.render_as_string(hide_password=False)
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    1,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start,
                    initargs=(self.url, os.getpid()),
                )
            return self._pool

    def __call__(self, items: list[Document | Reject]) -> list[Outcome]:
        """One ``Outcome`` per item, in order, once committed by the worker."""
        try:
            return self._executor().submit(_ingest, items).result()
        except BrokenProcessPool:
            # The worker died (killed, out of memory): a new one does this turn again.
            # Whatever the dead one committed is found stored, never stored twice.
            self.close()
            return self._executor().submit(_ingest, items).result()

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(cancel_futures=True)
