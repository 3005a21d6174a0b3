"""The write path of ``POST /api/documents``: requests waiting to be coded are coded and stored
together, by one writer thread.

Why a queue: the spaCy pipeline is not safe to share between threads, so one batch is coded
at a time, and under load a request waits for every request ahead of it. Its latency is then
the queue's length times the time one turn takes; coding each request alone pays, per
request, a spaCy ``pipe`` call, a look-up of what is stored and a transaction with its
commit. Here each turn takes every request waiting (up to ``max_documents`` documents),
codes their documents in one call (spaCy parses them as one batch) and stores them in one
transaction, then answers each request with its own outcomes, in its own order. A turn that
fails is tried again request by request, so one request's failure is never another's.

Requests wait on a future, not on a thread of the server's pool: under a write load the
pool stays free for reads.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field

from dyad.records import Document, Reject
from dyad.store import BATCH_SIZE, DocumentCoder, Outcome, Store

Items = list[Document | Reject]


@dataclass(slots=True)
class _Job:
    items: Items
    future: Future[list[Outcome]] = field(default_factory=Future)


class WriteQueue:
    """Code and store submitted documents, batching the requests that wait together."""

    def __init__(
        self,
        store: Store,
        coder: Callable[[], DocumentCoder],
        *,
        max_documents: int = BATCH_SIZE,
    ) -> None:
        self.store = store
        self.coder = coder  # called in the writer thread: the first call may load the model
        self.max_documents = max_documents
        self._pending: deque[_Job] = deque()
        self._ready = threading.Condition()
        self._closed = False
        self._thread: threading.Thread | None = None
        self.turns = 0  # how many batches were coded: for tests and benchmarks

    def submit(self, items: Items) -> Future[list[Outcome]]:
        """A future of one ``Outcome`` per item, in order, once they are committed."""
        job = _Job(list(items))
        with self._ready:
            self._pending.append(job)
            self._start()
            self._ready.notify()
        return job.future

    def _start(self) -> None:
        # Called holding ``_ready``.
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run, name="dyad-writer", daemon=True)
            self._thread.start()

    def close(self) -> None:
        """Finish the requests already submitted, then stop the writer (a later ``submit``
        starts another: an app's lifespan may be entered again, as tests do)."""
        with self._ready:
            self._closed = True
            self._ready.notify()
            thread = self._thread
        if thread is not None:
            thread.join()
        with self._ready:
            self._closed = False
            self._thread = None
            if self._pending:  # submitted while the writer was stopping
                self._start()

    def _take(self) -> list[_Job]:
        """The requests of the next turn: the oldest, and those behind it while they fit."""
        with self._ready:
            while not self._pending and not self._closed:
                self._ready.wait()
            if not self._pending:
                return []
            taken = [self._pending.popleft()]
            size = len(taken[0].items)
            while self._pending and size + len(self._pending[0].items) <= self.max_documents:
                size += len(self._pending[0].items)
                taken.append(self._pending.popleft())
            return taken

    def _run(self) -> None:
        while jobs := self._take():
            live = [j for j in jobs if j.future.set_running_or_notify_cancel()]
            if live:
                self._serve(live)

    def _serve(self, jobs: list[_Job]) -> None:
        try:
            outcomes = self._ingest([it for j in jobs for it in j.items])
        except BaseException as exc:
            if len(jobs) == 1:
                jobs[0].future.set_exception(exc)
                return
            for job in jobs:
                self._serve([job])
            return
        start = 0
        for job in jobs:
            job.future.set_result(outcomes[start : start + len(job.items)])
            start += len(job.items)

    def _ingest(self, items: Items) -> list[Outcome]:
        self.turns += 1
        # One batch for the whole turn: one coding call and one transaction.
        return list(self.store.ingest(items, self.coder(), batch_size=max(1, len(items))))
