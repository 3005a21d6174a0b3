"""Writing events with cross-document linking (``dyad.link``) inside an ingest transaction.

Each new event is compared with stored events of the same type whose dates are near its
own; when ``dyad.link.same_event`` says they are one event, the new report joins the stored
event instead of a new row being written. Linking is incremental: only candidates from the
index on (type, date) are read, never the whole store.

Every report's own event is kept (``event_sources``), and a stored event is always the fold
of its reports in publication order (earliest first; then document id): the earliest report
founds it and gives it its id, each later one joins with the reason why (status moves
forward, the better date wins). So an event's id and fields depend on which reports tell it,
not on the order they were ingested in: two ingests racing, or one corpus ingested in
another order, store the same events. (Which reports join is still decided as each one
arrives; reports that only a third one bridges could in principle group differently.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import sqlalchemy as sa

from dyad.link import first_match, interval, merge, participants, same_event
from dyad.records import Document, Event
from dyad.store import rows
from dyad.store.schema import actor_refs, documents, event_sources, events, mentions

WINDOW_DAYS = 45  # how far around a new event's dates stored candidates are looked for
JOINED = "same event as an earlier report"  # a join the fold's order no longer explains


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


def _write(conn: sa.Connection, reports: list[tuple[str, Event]]) -> Event:
    """Store the event its reports (document id, the report's own event) fold into."""
    published: dict[str, dt.date | None] = {}
    if len(reports) > 1:  # a lone report needs no order (most events have one)
        found = conn.execute(
            sa.select(documents.c.id, documents.c.published).where(
                documents.c.id.in_(sorted({d for d, _ in reports}))
            )
        ).all()
        published = {doc_id: day for doc_id, day in found}

    def order(report: tuple[str, Event]) -> tuple[bool, dt.date, str, str]:
        day = published.get(report[0])
        return day is None, day or dt.date.min, report[0], report[1].id

    ordered = sorted(reports, key=order)
    event = ordered[0][1]
    for _doc, report in ordered[1:]:
        event = merge(event, report, same_event(event, report) or JOINED)
    founder = ordered[0][0]
    row, mention_rows, ref_rows = rows.event_rows(event, founder)
    row.update(_counts(conn, event))
    source_of = {
        (doc, m.start, m.trigger_start): report.id
        for doc, report in reports
        for m in report.mentions
    }
    for m in mention_rows:
        key = (m["document_id"], m["sentence_start"], m["trigger_start"])
        m["source_id"] = source_of.get(key, event.id)
    # Plain inserts: a row already there means another writer got here first, and the
    # transaction is retried from the decision of what is stored (``dyad.store.ingest``).
    conn.execute(events.insert(), [row])
    for table, data in ((mentions, mention_rows), (actor_refs, ref_rows)):
        if data:
            conn.execute(table.insert(), data)
    conn.execute(
        event_sources.insert(),
        [
            # A lone report is the event itself: its JSON is the row's (encoding an event
            # is a fair part of writing it).
            {
                "id": r.id,
                "event_id": event.id,
                "document_id": d,
                "record": row["record"] if r is event else rows.event_json(r),
            }
            for d, r in reports
        ],
    )
    return event


def _remove(conn: sa.Connection, event_id: str) -> list[tuple[str, Event]]:
    """Delete a stored event and return its reports (document id, own event)."""
    found = conn.execute(
        sa.select(event_sources.c.document_id, event_sources.c.record)
        .where(event_sources.c.event_id == event_id)
        .order_by(event_sources.c.id)
    ).all()
    for table in (event_sources, actor_refs, mentions):
        conn.execute(table.delete().where(table.c.event_id == event_id))
    conn.execute(events.delete().where(events.c.id == event_id))
    return [(doc, rows.event_from_json(record)) for doc, record in found]


def write_linked(
    conn: sa.Connection, coded: Iterable[tuple[Document, list[Event]]]
) -> dict[str, int]:
    """Write each document's events, linking them to stored events told elsewhere.

    Returns, by document id, how many of its events were new rows (the others joined an
    event already stored)."""
    new: dict[str, int] = {}
    for doc, evs in coded:
        new.setdefault(doc.id, 0)
        seen: set[str] = set()
        for ev in evs:
            if ev.id in seen:  # a coder's repeat of one event: stored once
                continue
            seen.add(ev.id)
            target, _why = first_match(_candidates(conn, ev), ev)
            if target is None:
                _write(conn, [(doc.id, ev)])
                new[doc.id] += 1
            else:
                _write(conn, [*_remove(conn, target.id), (doc.id, ev)])
    return new


def unlink_documents(conn: sa.Connection, doc_ids: list[str]) -> None:
    """Remove these documents' reports from every event (before they are re-coded).

    Events left without reports are deleted; the others are folded again from the reports
    that remain, so they are what those reports alone would have stored.
    """
    ids = set(doc_ids)
    touched = conn.execute(
        sa.select(event_sources.c.event_id)
        .where(event_sources.c.document_id.in_(doc_ids))
        .distinct()
        .order_by(event_sources.c.event_id)
    ).scalars()
    for event_id in list(touched):
        kept = [(d, r) for d, r in _remove(conn, event_id) if d not in ids]
        if kept:
            _write(conn, kept)
