"""Writing events with cross-document linking (``dyad.link``) inside an ingest transaction.

Each new event is compared with stored events of the same type whose dates are near its
own; when ``dyad.link.same_event`` says they are one event, the stored event absorbs the
new mention (status moves forward, the better date wins, the mention records why it
joined) instead of a new row being written. Linking is incremental: only candidates
from the index on (type, date) are read, never the whole store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import sqlalchemy as sa

from dyad.link import first_match, interval, merge, participants
from dyad.records import Document, Event
from dyad.store import rows
from dyad.store.schema import actor_refs, documents, events, mentions

WINDOW_DAYS = 45  # how far around a new event's dates stored candidates are looked for


def _candidates(conn: sa.Connection, event: Event) -> list[Event]:
    span = interval(event)
    # Same participants (``dyad.link.identity``: the KB id, else country and sector) have
    # the same countries, as coded: the test in SQL spares decoding the record of every
    # same-type event in the window. (A known person coded with another country, their role
    # having changed within the window, is not found: rare, and a missed link, not a wrong one.)
    query = sa.select(events.c.record).where(
        events.c.type == event.type,
        events.c.participant_countries == rows.participant_sets(event)["participant_countries"],
    )
    if span is not None:
        lo = span[0] - dt.timedelta(days=WINDOW_DAYS)
        hi = span[1] + dt.timedelta(days=WINDOW_DAYS)
        query = query.where(
            sa.or_(events.c.date_start.is_(None), events.c.date_start.between(lo, hi))
        )
    # The same candidate order as ``dyad.link.Linker``, so both link alike.
    query = query.order_by(events.c.date_start.nulls_first(), events.c.id)
    wanted = participants(event)
    found = (rows.event_from_json(r) for r in conn.execute(query).scalars())
    return [e for e in found if participants(e) == wanted]


def _counts(conn: sa.Connection, event: Event) -> dict[str, int]:
    doc_ids = sorted({m.document_id for m in event.mentions})
    if len(doc_ids) == 1:  # a new event: one report, one source; no query needed
        return {"mention_count": len(event.mentions), "document_count": 1, "source_count": 1}
    sources = conn.execute(
        sa.select(documents.c.source, documents.c.id).where(documents.c.id.in_(doc_ids))
    ).all()
    # An article without a named outlet counts as its own source.
    outlets = {src or f"doc:{doc_id}" for src, doc_id in sources}
    return {
        "mention_count": len(event.mentions),
        "document_count": len(doc_ids),
        "source_count": max(1, len(outlets)),
    }


def _insert(conn: sa.Connection, event: Event, document_id: str) -> None:
    row, mention_rows, ref_rows = rows.event_rows(event, document_id)
    row.update(_counts(conn, event))
    conn.execute(rows.insert_ignoring_duplicates(conn, events), [row])
    for table, data in ((mentions, mention_rows), (actor_refs, ref_rows)):
        if data:
            conn.execute(rows.insert_ignoring_duplicates(conn, table), data)


_UPDATE = events.update().where(events.c.id == sa.bindparam("_event_id"))


def _rewrite(conn: sa.Connection, event: Event, founder: str) -> None:
    """Replace a stored event's row and mention rows with ``event`` (same id, same actors)."""
    row, mention_rows, _refs = rows.event_rows(event, founder)
    row.update(_counts(conn, event))
    # One statement for every rewrite, its values bound: SQLAlchemy compiles it once
    # (``.values(**row)`` built and compiled a new statement per linked mention).
    conn.execute(_UPDATE, [{**row, "_event_id": event.id}])
    conn.execute(mentions.delete().where(mentions.c.event_id == event.id))
    if mention_rows:
        conn.execute(mentions.insert(), mention_rows)


def write_linked(
    conn: sa.Connection, coded: Iterable[tuple[Document, list[Event]]]
) -> dict[str, int]:
    """Write each document's events, linking them to stored events told elsewhere.

    Returns, by document id, how many of its events were new rows (the others joined an
    event already stored)."""
    new: dict[str, int] = {}
    for doc, evs in coded:
        new.setdefault(doc.id, 0)
        for ev in evs:
            target, why = first_match(_candidates(conn, ev), ev)
            if target is None:
                _insert(conn, ev, doc.id)
                new[doc.id] += 1
            else:
                founder = target.mentions[0].document_id
                _rewrite(conn, merge(target, ev, why or ""), founder)
    return new


def unlink_documents(conn: sa.Connection, doc_ids: list[str]) -> None:
    """Remove these documents' mentions from every event (before they are re-coded).

    Events left without mentions are deleted; events still told by other documents keep
    their merged status and date and are founded by their first remaining mention.
    """
    ids = set(doc_ids)
    touched = sa.select(mentions.c.event_id).where(mentions.c.document_id.in_(doc_ids))
    for record in conn.execute(
        sa.select(events.c.record).where(events.c.id.in_(touched)).order_by(events.c.id)
    ).scalars():
        event = rows.event_from_json(record)
        kept = [m for m in event.mentions if m.document_id not in ids]
        if not kept:
            conn.execute(actor_refs.delete().where(actor_refs.c.event_id == event.id))
            conn.execute(mentions.delete().where(mentions.c.event_id == event.id))
            conn.execute(events.delete().where(events.c.id == event.id))
            continue
        from dataclasses import replace

        first = replace(kept[0], joined=None)
        _rewrite(conn, replace(event, mentions=[first, *kept[1:]]), first.document_id)
