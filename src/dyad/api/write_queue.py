"""The write path of ``POST /api/documents``: requests waiting to be coded are coded and stored
together, one turn at a time.

Why a queue: the spaCy pipeline is not safe to share between threads, so one batch is coded
at a time, and under load a request waits for every request ahead of it. Its latency is then
the queue's length times the time one turn takes; coding each request alone pays, per
request, a spaCy ``pipe`` call, a look-up of what is stored and a transaction with its
commit. Here each turn takes every request waiting (up to ``max_documents`` documents),
codes their documents in one call (spaCy parses them as one batch) and stores them in one
transaction, then answers each request with its own outcomes, in its own order. A turn that
fails is tried again request by request, so one request's failure is never another's.

Turns go to a worker process that codes and stores them (``WriterProcess``), or are done in
the server's process by two threads: while one turn is written (linking it to the stored
events takes a tenth of the turn or more), the next is coded; the coder is used by the
coding thread only.

Requests wait on a future, not on a thread of the server's pool: under a write load the
pool stays free for reads.
"""

from __future__ import annotations

import queue
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field

from dyad.records import Document, Event, Reject
from dyad.store import BATCH_SIZE, DocumentCoder, Outcome, Store
from dyad.store.ingest import existing_ids

Items = list[Document | Reject]
Coded = dict[str, list[Event] | Reject]
Turn = tuple[list["_Job"], Coded | BaseException]


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
        writer: Callable[[Items], list[Outcome]] | None = None,
    ) -> None:
        self.store = store
        self.coder = coder  # called in the coding thread: the first call may load the model
        self.writer = writer  # codes and stores a whole turn, instead of the two threads
        self.max_documents = max_documents
        self._pending: deque[_Job] = deque()
        self._ready = threading.Condition()
        self._closed = False
        self._thread: threading.Thread | None = None

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

    def _turns(self) -> Iterator[list[_Job]]:
        while jobs := self._take():
            live = [j for j in jobs if j.future.set_running_or_notify_cancel()]
            if live:
                yield live

    def _run(self) -> None:
        if self.writer is not None:
            for jobs in self._turns():
                self._answer(jobs, self.writer)
            return
        # The coding stage; the storing stage is a thread of its own, one turn behind (at
        # most one coded turn waits for it, so a slow store holds coding back).
        coded: queue.Queue[Turn | None] = queue.Queue(1)
        storer = threading.Thread(target=self._store_turns, args=(coded,), name="dyad-store")
        storer.start()
        try:
            for jobs in self._turns():
                found = self._code([it for j in jobs for it in j.items])
                if isinstance(found, BaseException) and len(jobs) > 1:
                    for job in jobs:  # as a failed store: request by request
                        coded.put(([job], self._code(job.items)))
                else:
                    coded.put((jobs, found))
        finally:
            coded.put(None)
            storer.join()

    def _code(self, items: Items) -> Coded | BaseException:
        """The events (or reject) of each document not yet stored, by id."""
        try:
            docs = list({it.id: it for it in items if isinstance(it, Document)}.values())
            with self.store.engine.connect() as conn:
                stored = existing_ids(conn, [d.id for d in docs])
            fresh = [d for d in docs if d.id not in stored]
            found: Coded = {}
            if fresh:
                results = self.coder().code(fresh, on_reject=lambda d, r: found.update({d.id: r}))
                found.update((d.id, events) for d, events in results)
            return found
        except BaseException as exc:  # answered to the turn's requests, never lost
            return exc

    def _store_turns(self, coded: queue.Queue[Turn | None]) -> None:
        while (turn := coded.get()) is not None:
            jobs, found = turn
            self._store(jobs, found)

    def _store(self, jobs: list[_Job], found: Coded | BaseException) -> None:
        if isinstance(found, BaseException):
            for job in jobs:
                job.future.set_exception(found)
            return
        coder = _Coded(found)
        # One batch for the whole turn: one transaction.
        self._answer(
            jobs, lambda items: list(self.store.ingest(items, coder, batch_size=len(items) or 1))
        )

    def _answer(self, jobs: list[_Job], ingest: Callable[[Items], list[Outcome]]) -> None:
        """Each request its own outcomes; a failed turn is done again request by request."""
        try:
            outcomes = ingest([it for j in jobs for it in j.items])
        except BaseException as exc:
            if len(jobs) == 1:
                jobs[0].future.set_exception(exc)
                return
            for job in jobs:
                self._answer([job], ingest)
            return
        start = 0
        for job in jobs:
            job.future.set_result(outcomes[start : start + len(job.items)])
            start += len(job.items)


class _Coded:
    """A ``DocumentCoder`` answering from a turn coded already."""

    def __init__(self, found: Coded) -> None:
        self.found = found

    def code(
        self, documents: Iterable[Document], *, on_reject: Callable[[Document, Reject], None]
    ) -> Iterator[tuple[Document, list[Event]]]:
        for d in documents:
            # Every document not stored when the turn was coded was coded: one missing here
            # is a bug, reported for that document alone.
            result = (
                self.found[d.id]
                if d.id in self.found
                else Reject(d.origin, "internal-error", "the document was not coded in its turn")
            )
            if isinstance(result, Reject):
                on_reject(d, result)
            else:
                yield d, result
