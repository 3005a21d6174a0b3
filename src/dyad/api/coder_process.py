"""The server's coder in a process of its own, so coding does not share the API's interpreter.

In the server's process coding holds the GIL for most of each batch (spaCy's layers run in
long C calls that keep it), so every read waits behind it and the whole server uses one
core however many it has. Here the write queue hands each turn's documents to one worker
process, which loads the pipeline and knowledge base once; the server's process meanwhile
parses requests, answers reads and writes the previous turn to the store.

The worker is started with ``spawn`` (the server has threads, which ``fork`` must not
copy), ends with the server (``dyad.lifetime``), and is started again if it dies.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from dyad.records import Document, Event, Reject

Config = tuple[tuple[Path, ...], bool]
Result = tuple[Document, list[Event] | Reject]


def _start_worker(actor_files: tuple[Path, ...], use_config_dir: bool, parent: int) -> None:
    from dyad import nlp
    from dyad.coder import worker_coder
    from dyad.lifetime import end_with_parent

    end_with_parent(parent)
    worker_coder(actor_files, use_config_dir)
    nlp.load()


def _code(
    documents: list[Document], actor_files: tuple[Path, ...], use_config: bool
) -> list[Result]:
    from dyad.coder import worker_coder

    coder = worker_coder(actor_files, use_config)
    return list(coder.results(documents, batch_size=max(1, len(documents))))


class CoderProcess:
    """A ``DocumentCoder`` that codes in one worker process (``Coder.create()``'s coder)."""

    def __init__(self, actor_files: Iterable[Path] = (), *, use_config_dir: bool = True) -> None:
        self.config: Config = (tuple(Path(p) for p in actor_files), use_config_dir)
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    1,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start_worker,
                    initargs=(*self.config, os.getpid()),
                )
            return self._pool

    def start(self) -> None:
        """Load the worker now rather than on the first write."""
        self._executor().submit(int).result()

    def code(
        self, documents: Iterable[Document], *, on_reject: Callable[[Document, Reject], None]
    ) -> Iterator[tuple[Document, list[Event]]]:
        batch = list(documents)
        try:
            results = self._executor().submit(_code, batch, *self.config).result()
        except BrokenProcessPool:
            # The worker died (killed, out of memory): a new one codes this batch once more.
            self.close()
            results = self._executor().submit(_code, batch, *self.config).result()
        for document, found in results:
            if isinstance(found, Reject):
                on_reject(document, found)
            else:
                yield document, found

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(cancel_futures=True)
