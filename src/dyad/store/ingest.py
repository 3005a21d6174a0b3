"""Writing to the store: ingest (code and store new documents) and recode.

Both work in batches, one transaction per batch: a document is written together with all its
events, mentions and actor references, or not at all. A run killed at any moment leaves only
whole batches behind; running it again skips the documents already stored (their id is the
hash of their normalised text) and codes the rest, so nothing is lost or duplicated.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal, Protocol

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from dyad.records import Document, Event, Reject
from dyad.store import rows
from dyad.store.linking import unlink_documents, write_linked
from dyad.store.schema import documents, rejects, store_info

BATCH_SIZE = 50  # documents per transaction: small enough that a crash loses little work

OutcomeKind = Literal["stored", "already stored", "rejected", "skipped"]


class DocumentCoder(Protocol):
    """What ingest needs from a coder: ``dyad.coder.Coder`` or a stand-in for tests and
    benchmarks. It must yield each document it is given, with that document's events."""

    def code(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]: ...


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one input; yielded only after its batch is committed."""

    kind: OutcomeKind
    origin: str
    document_id: str | None = None
    events: int = 0
    reason: str | None = None  # for rejected and skipped inputs: the reason code
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class Recoded:
    document_id: str
    origin: str
    old_version: str
    events_before: int
    events_after: int


def _current_version(version: str | None) -> str:
    if version is not None:
        return version
    from dyad.coder import coder_version

    return coder_version()


def ingest(
    engine: Engine,
    items: Iterable[Document | Reject],
    coder: DocumentCoder,
    *,
    version: str | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Outcome]:
    """Code and store ``items`` (as ``dyad.ingest.read`` yields them), one batch at a time.

    Yields an ``Outcome`` for every item, in input order, once its batch is committed.
    A document already in the store (by id) is not coded again: ``already stored``. Rejected
    inputs are stored with their reason (an input that is later read successfully loses its
    reject row); skipped ones (files of other types in a folder) are only reported.
    ``version`` is the coder version recorded for documents, by default ``coder_version()``.
    """
    version = _current_version(version)
    stream = iter(items)
    while batch := list(itertools.islice(stream, batch_size)):
        yield from _ingest_batch(engine, batch, coder, version)


def _ingest_batch(
    engine: Engine, batch: list[Document | Reject], coder: DocumentCoder, version: str
) -> list[Outcome]:
    docs = [it for it in batch if isinstance(it, Document)]
    with engine.connect() as conn:
        stored = existing_ids(conn, [d.id for d in docs])
    fresh: dict[str, Document] = {}
    for d in docs:
        if d.id not in stored:
            fresh.setdefault(d.id, d)
    coded: dict[str, list[Event]] = {}
    if fresh:
        coded = {doc.id: evs for doc, evs in coder.code(fresh.values())}
    stamp = rows.now()
    with engine.begin() as conn:
        if fresh:
            _write_documents(
                conn, [(d, coded.get(d.id, [])) for d in fresh.values()], version, stamp
            )
            conn.execute(
                rejects.delete().where(rejects.c.origin.in_([d.origin for d in fresh.values()]))
            )
            _set_info(conn, "coder_version", version)
        # One row per origin (the same path given twice is one input): PostgreSQL refuses an
        # upsert that would update the same row twice in one statement.
        failed = {
            r.origin: {"origin": r.origin, "reason": r.reason, "detail": r.detail, "seen_at": stamp}
            for r in batch
            if isinstance(r, Reject) and not r.skipped
        }
        if failed:
            conn.execute(
                rows.upsert(conn, rejects, "origin", ["reason", "detail", "seen_at"]),
                list(failed.values()),
            )

    outcomes: list[Outcome] = []
    first_seen: set[str] = set()
    for it in batch:
        if isinstance(it, Reject):
            kind: OutcomeKind = "skipped" if it.skipped else "rejected"
            outcomes.append(Outcome(kind, it.origin, reason=it.reason, detail=it.detail))
        elif it.id in fresh and it.id not in first_seen:
            first_seen.add(it.id)
            outcomes.append(Outcome("stored", it.origin, it.id, len(coded.get(it.id, []))))
        else:
            outcomes.append(Outcome("already stored", it.origin, it.id))
    return outcomes


def existing_ids(conn: sa.Connection, ids: list[str]) -> set[str]:
    """Which of the document ``ids`` are stored already."""
    if not ids:
        return set()
    query = sa.select(documents.c.id).where(documents.c.id.in_(ids))
    return set(conn.execute(query).scalars())


def _write_documents(
    conn: sa.Connection,
    coded: list[tuple[Document, list[Event]]],
    version: str,
    stamp: dt.datetime,
) -> None:
    doc_rows = [
        rows.document_row(d, version=version, event_count=len(evs), stored_at=stamp)
        for d, evs in coded
    ]
    conn.execute(rows.insert_ignoring_duplicates(conn, documents), doc_rows)
    _write_events(conn, coded)


def _write_events(conn: sa.Connection, coded: list[tuple[Document, list[Event]]]) -> None:
    # Linking reads what earlier batches (and earlier documents of this one) stored.
    write_linked(conn, coded)


def _set_info(conn: sa.Connection, key: str, value: str) -> None:
    conn.execute(rows.upsert(conn, store_info, "key", ["value"]), [{"key": key, "value": value}])


def count_outdated(engine: Engine, *, version: str | None = None) -> int:
    """How many stored documents were coded by a coder version other than ``version``."""
    version = _current_version(version)
    query = sa.select(sa.func.count()).where(documents.c.coder_version != version)
    with engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


def recode(
    engine: Engine,
    coder: DocumentCoder,
    *,
    version: str | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Recoded]:
    """Re-code every document coded by another coder version, replacing its events.

    Each batch is one transaction: a document's old events, mentions and actor references
    are deleted and its new ones written together, so a reader (or a crash) sees either the
    old events or the new ones, never a mixture. Yields one ``Recoded`` per document.
    """
    version = _current_version(version)
    after = ""  # keyset pagination: each document is visited once even if coding fails
    while True:
        query = (
            sa.select(documents)
            .where(documents.c.coder_version != version, documents.c.id > after)
            .order_by(documents.c.id)
            .limit(batch_size)
        )
        with engine.connect() as conn:
            found = conn.execute(query).all()
        if not found:
            return
        after = found[-1].id
        docs = [rows.document_from_row(r) for r in found]
        coded = {doc.id: evs for doc, evs in coder.code(docs)}
        with engine.begin() as conn:
            unlink_documents(conn, [d.id for d in docs])
            _write_events(conn, [(d, coded.get(d.id, [])) for d in docs])
            conn.execute(
                documents.update()
                .where(documents.c.id == sa.bindparam("doc_id"))
                .values(coder_version=version, event_count=sa.bindparam("n")),
                [{"doc_id": d.id, "n": len(coded.get(d.id, []))} for d in docs],
            )
            _set_info(conn, "coder_version", version)
        for r in found:
            yield Recoded(r.id, r.origin, r.coder_version, r.event_count, len(coded.get(r.id, [])))
