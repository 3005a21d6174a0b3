"""Writing to the store: ingest (code and store new documents) and recode.

Both work in batches, one transaction per batch: a document is written together with all its
events, mentions and actor references, or not at all. A run killed at any moment leaves only
whole batches behind; running it again skips the documents already stored (their id is the
hash of their normalised text) and codes the rest, so nothing is lost or duplicated.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Literal, Protocol

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from dyad.ingest import check_storable
from dyad.records import Document, Event, Reject
from dyad.store import locking, rows
from dyad.store.linking import unlink_documents, write_linked
from dyad.store.schema import documents, rejects, store_info

BATCH_SIZE = 50  # documents per transaction: small enough that a crash loses little work

OutcomeKind = Literal["stored", "already stored", "rejected", "skipped"]


class DocumentCoder(Protocol):
    """What ingest needs from a coder: ``dyad.coder.Coder`` or a stand-in for tests and
    benchmarks. It must yield each document it is given with that document's events, or
    hand the document to ``on_reject`` with a ``Reject`` saying why it could not be coded."""

    def code(
        self, documents: Iterable[Document], *, on_reject: Callable[[Document, Reject], None]
    ) -> Iterator[tuple[Document, list[Event]]]: ...


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one input; yielded only after its batch is committed."""

    kind: OutcomeKind
    origin: str
    document_id: str | None = None
    events: int = 0  # events coded in the document
    # Of those, how many were stored as events of their own; the others were linked to an
    # event already stored (told by an earlier report, or earlier in this one's batch).
    new_events: int = 0
    reason: str | None = None  # for rejected and skipped inputs: the reason code
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class Recoded:
    document_id: str
    origin: str
    old_version: str
    events_before: int
    events_after: int
    reject: Reject | None = None  # set when re-coding failed: the old events are kept


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
    # A first look, so that documents stored long ago are not coded again; the decision that
    # counts is taken again under the write lock, below.
    with engine.connect() as conn:
        stored = existing_ids(conn, [d.id for d in docs])
    fresh: dict[str, Document] = {}
    failed: dict[str, Reject] = {}
    for d in docs:
        if d.id not in stored and d.id not in fresh:
            unfit = unstorable(d)
            if unfit is None:
                fresh[d.id] = d
            else:
                failed[d.id] = unfit
    coded, coder_failed = _code(coder, list(fresh.values()))
    failed.update(coder_failed)
    stamp = rows.now()

    def write(conn: sa.Connection) -> tuple[set[str], dict[str, int]]:
        # Decided in the transaction that writes, under the store's write lock: a document
        # another ingest stored meanwhile is "already stored" here, never stored twice.
        raced = existing_ids(conn, list(fresh))
        written = [d for d in fresh.values() if d.id not in failed and d.id not in raced]
        new_events: dict[str, int] = {}
        if written:
            new_events = _write_documents(
                conn, [(d, coded.get(d.id, [])) for d in written], version, stamp
            )
            conn.execute(rejects.delete().where(rejects.c.origin.in_([d.origin for d in written])))
            _set_info(conn, "coder_version", version)
        # One row per origin (the same path given twice is one input): PostgreSQL refuses an
        # upsert that would update the same row twice in one statement.
        reject_rows = {
            _storable(r.origin): {
                "origin": _storable(r.origin),
                "reason": r.reason,
                "detail": _storable(r.detail),
                "seen_at": stamp,
            }
            for r in [*batch, *failed.values()]
            if isinstance(r, Reject) and not r.skipped
        }
        if reject_rows:
            conn.execute(
                rows.upsert(conn, rejects, "origin", ["reason", "detail", "seen_at"]),
                list(reject_rows.values()),
            )
        return raced, new_events

    raced, new_events = locking.write(engine, write)
    for doc_id in raced:
        fresh.pop(doc_id, None)

    outcomes: list[Outcome] = []
    first_seen: set[str] = set()
    for it in batch:
        if isinstance(it, Reject):
            kind: OutcomeKind = "skipped" if it.skipped else "rejected"
            outcomes.append(Outcome(kind, it.origin, reason=it.reason, detail=it.detail))
        elif it.id in failed:
            why = failed[it.id]
            outcomes.append(
                Outcome("rejected", it.origin, it.id, reason=why.reason, detail=why.detail)
            )
        elif it.id in fresh and it.id not in first_seen:
            first_seen.add(it.id)
            n = len(coded.get(it.id, []))
            outcomes.append(Outcome("stored", it.origin, it.id, n, new_events.get(it.id, 0)))
        else:
            outcomes.append(Outcome("already stored", it.origin, it.id))
    return outcomes


def _code(
    coder: DocumentCoder, docs: list[Document]
) -> tuple[dict[str, list[Event]], dict[str, Reject]]:
    """Each document's events, and the reject of each one that could not be coded, by id."""
    failed: dict[str, Reject] = {}
    if not docs:
        return {}, failed
    found = coder.code(docs, on_reject=lambda d, r: failed.setdefault(d.id, r))
    return {d.id: evs for d, evs in found}, failed


def _storable(value: str) -> str:
    # A reject's origin may be a file name that is not UTF-8 (Python spells its bytes as
    # lone surrogates) or hold a NUL: written escaped, or its own row would fail the batch.
    escaped = value.encode("utf-8", "backslashreplace").decode("utf-8")
    return escaped.replace("\x00", "\\x00")


def unstorable(doc: Document) -> Reject | None:
    """Why a document handed to ``ingest`` as a ``Document`` (not read by ``dyad.ingest``)
    cannot be stored, if it cannot: a NUL character or a lone surrogate in any of its
    strings, which PostgreSQL refuses, failing the whole batch's transaction with it."""
    from dyad.errors import InputError

    try:
        for name in ("text", "title", "url", "source", "origin"):
            check_storable(getattr(doc, name), origin=doc.origin, field=name)
    except InputError as err:
        return Reject(origin=doc.origin, reason=err.reason, detail=err.detail)
    return None


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
) -> dict[str, int]:
    doc_rows = [
        rows.document_row(d, version=version, event_count=len(evs), stored_at=stamp)
        for d, evs in coded
    ]
    # A plain insert: a document already there is a conflict with another writer, and the
    # transaction is retried (``locking.write``), deciding again what is stored.
    conn.execute(documents.insert(), doc_rows)
    return _write_events(conn, coded)


def _write_events(conn: sa.Connection, coded: list[tuple[Document, list[Event]]]) -> dict[str, int]:
    # Linking reads what earlier batches (and earlier documents of this one) stored.
    return write_linked(conn, coded)


def _set_info(conn: sa.Connection, key: str, value: str) -> None:
    conn.execute(rows.upsert(conn, store_info, "key", ["value"]), [{"key": key, "value": value}])


def _replace_events(
    conn: sa.Connection, recoded: list[tuple[Document, list[Event]]], version: str
) -> None:
    unlink_documents(conn, [d.id for d, _ in recoded])
    _write_events(conn, recoded)
    if recoded:
        conn.execute(
            documents.update()
            .where(documents.c.id == sa.bindparam("doc_id"))
            .values(coder_version=version, event_count=sa.bindparam("n")),
            [{"doc_id": d.id, "n": len(evs)} for d, evs in recoded],
        )
    _set_info(conn, "coder_version", version)


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
        coded, failed = _code(coder, docs)
        # A document the coder now fails on keeps its old events and version.
        done = [d for d in docs if d.id not in failed]
        recoded = [(d, coded.get(d.id, [])) for d in done]
        locking.write(engine, lambda conn, r=recoded: _replace_events(conn, r, version))
        for r in found:
            if r.id in failed:
                yield Recoded(
                    r.id, r.origin, r.coder_version, r.event_count, r.event_count, failed[r.id]
                )
            else:
                after_n = len(coded.get(r.id, []))
                yield Recoded(r.id, r.origin, r.coder_version, r.event_count, after_n)
