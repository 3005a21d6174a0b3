"""Records to rows and back: ``Document`` and ``Event`` as the store's table rows.

An event is written as its filterable columns plus its full JSON (``events.record``); it is
read back from that JSON alone, so a round trip gives an equal ``Event``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.sql.dml import Insert

from dyad.records import Document, Event, event_from_dict
from dyad.store.errors import StoreError


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def to_date(value: str | None) -> dt.date | None:
    """An ISO date (or the date part of a timestamp) as a ``date``; None stays None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None  # a malformed date is kept in the JSON record, not in the date column


def event_json(event: Event) -> str:
    """The event as JSON, with the field names of ``dyad code`` output."""
    return json.dumps(dataclasses.asdict(event), ensure_ascii=False)


def event_from_json(record: str) -> Event:
    return event_from_dict(json.loads(record))


def document_row(
    document: Document, *, version: str, event_count: int, stored_at: dt.datetime
) -> dict[str, Any]:
    return {
        "id": document.id,
        "title": document.title,
        "url": document.url,
        "source": document.source,
        "published": to_date(document.published),
        "language": document.language,
        "origin": document.origin,
        "text": document.text,
        "coder_version": version,
        "event_count": event_count,
        "stored_at": stored_at,
        "source_id": document.source_id,
    }


def document_from_row(row: Any) -> Document:
    return Document(
        id=row.id,
        text=row.text,
        title=row.title,
        url=row.url,
        source=row.source,
        published=row.published.isoformat() if row.published else None,
        language=row.language,
        origin=row.origin,
        source_id=row.source_id,
    )


def event_rows(
    event: Event, document_id: str
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """The event's row, its mention rows and its actor-reference rows."""
    place = event.place
    row = {
        "id": event.id,
        "document_id": document_id,
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "status": event.status,
        "date_start": to_date(event.date.start),
        "date_end": to_date(event.date.end),
        "date_precision": event.date.precision,
        "place_name": place.name if place else None,
        "place_country": place.country if place else None,
        "place_lat": place.lat if place else None,
        "place_lon": place.lon if place else None,
        "place_gazetteer_id": place.gazetteer_id if place else None,
        "contexts": ",".join(event.contexts),
        "topics": ",".join(event.topics),
        "confidence": event.confidence,
        "coder_version": event.coder_version,
        "record": event_json(event),
        **participant_sets(event),
    }
    mentions = [
        {
            "event_id": event.id,
            "position": i,
            "document_id": m.document_id,
            "sentence_start": m.start,
            "sentence_end": m.end,
            "trigger_start": m.trigger_start,
            "trigger_end": m.trigger_end,
            "trigger": m.text,
            "pattern": m.pattern,
            # The report the mention came from: the event's own id until linking says
            # otherwise (``dyad.store.linking``).
            "source_id": event.id,
        }
        for i, m in enumerate(event.mentions)
    ]
    refs = [
        {
            "event_id": event.id,
            "role": role,
            "position": i,
            "code": a.code,
            "country": a.country,
            "sector": a.sector,
            "actor_id": a.actor_id,
            "name": a.name,
            "text": a.text,
            "resolved_by": a.resolved_by,
            "confidence": a.confidence,
        }
        for role, group in (("actor", event.actors), ("recipient", event.recipients))
        for i, a in enumerate(group)
    ]
    return row, mentions, refs


def participant_sets(event: Event) -> dict[str, str]:
    """The event's participant countries and actors (KB id, else name), each distinct and
    sorted, as compact JSON arrays: the same set is always the same text, so the network
    groups events by these columns instead of joining every event's references."""
    refs = [*event.actors, *event.recipients]
    return {
        "participant_countries": _json_set(a.country for a in refs if a.country is not None),
        "participant_actors": _json_set(
            a.actor_id if a.actor_id is not None else a.name for a in refs
        ),
    }


def _json_set(values: Iterable[str]) -> str:
    return json.dumps(sorted(set(values)), ensure_ascii=False, separators=(",", ":"))


def insert_ignoring_duplicates(conn: sa.Connection, table: sa.Table) -> Insert:
    """``INSERT ... ON CONFLICT DO NOTHING`` for the connection's dialect.

    Rows are keyed by content hashes, so a row that is already there is the same row: skipping
    it is what makes a re-run (or two ingests racing on PostgreSQL) harmless.
    """
    return _dialect_insert(conn, table).on_conflict_do_nothing()


def upsert(conn: sa.Connection, table: sa.Table, key: str, columns: list[str]) -> Insert:
    """``INSERT ... ON CONFLICT (key) DO UPDATE`` setting ``columns`` to the new values."""
    stmt = _dialect_insert(conn, table)
    return stmt.on_conflict_do_update(
        index_elements=[key], set_={c: getattr(stmt.excluded, c) for c in columns}
    )


def _dialect_insert(conn: sa.Connection, table: sa.Table) -> Any:
    name = conn.dialect.name
    if name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    elif name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        raise StoreError(f"Dyad stores events in SQLite or PostgreSQL, not {name}")
    return insert(table)
