"""Read-only queries the API needs beyond ``dyad.store``'s own: pages of events by cursor,
documents with their event mentions, actors in the store, and the participants network.

They read the store's tables through its engine and reuse its filter conditions, so a
filter means the same here as on the command line. Nothing here writes.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from dyad.api.errors import BadRequest
from dyad.api.models import MentionOut
from dyad.store import Filters, StoredEvent

# The store's own SELECT, filters, row mapping and aggregate pieces: one definition of
# what a filter matches and of the listing order, shared with `dyad events` and `dyad stats`.
from dyad.store.query import (
    MICRO,
    goldstein_micro_sum,
    join_events,
    matching,
    names_containing,
    period_start,
    select_events,
    stored_event,
)
from dyad.store.rows import to_date
from dyad.store.schema import actor_refs, documents, events, mentions

# Cursor pagination ---------------------------------------------------------------------
#
# Keyset on the listing order (date_start ascending, undated last, then id): the cursor is
# the last (date_start, id) a page showed. Rows inserted later fall before or after that key,
# so following the cursors never shows an event twice nor skips one that was there already.


def encode_cursor(date_start: str | None, event_id: str) -> str:
    raw = json.dumps([date_start, event_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[dt.date | None, str]:
    """The key a cursor stands for; ``BadRequest`` for anything this server did not issue."""
    bad = BadRequest("cursor: not a cursor this server issued; start again without one")
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        day, event_id = json.loads(raw)
        if not isinstance(event_id, str) or not (day is None or isinstance(day, str)):
            raise bad
        return (dt.date.fromisoformat(day) if day is not None else None), event_id
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError):
        raise bad from None


def _after(day: dt.date | None, event_id: str) -> sa.ColumnElement[bool]:
    if day is None:
        return sa.and_(events.c.date_start.is_(None), events.c.id > event_id)
    return sa.or_(
        events.c.date_start > day,
        sa.and_(events.c.date_start == day, events.c.id > event_id),
        events.c.date_start.is_(None),
    )


def page_events(
    engine: Engine, filters: Filters, *, limit: int, cursor: str | None = None
) -> tuple[list[StoredEvent], str | None]:
    """One page of matching events in listing order, and the cursor of the next page."""
    query = select_events(dataclasses.replace(filters, limit=None))
    if cursor:
        query = query.where(_after(*decode_cursor(cursor)))
    with engine.connect() as conn:
        found = [stored_event(r) for r in conn.execute(query.limit(limit + 1))]
    if len(found) <= limit:
        return found, None
    last = found[limit - 1].event
    return found[:limit], encode_cursor(_date_key(last.date.start), last.id)


def _date_key(value: str | None) -> str | None:
    # The cursor holds the date column's value, which the store derives from date.start.
    day = to_date(value)
    return day.isoformat() if day else None


# Documents ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoredDocument:
    id: str
    title: str | None
    url: str | None
    source: str | None
    published: dt.date | None
    text: str
    event_count: int


def _document_columns(text: sa.ColumnElement[str]) -> list[sa.ColumnElement[object]]:
    """``StoredDocument``'s columns, in its order, with ``text`` for the text."""
    return [
        documents.c.id,
        documents.c.title,
        documents.c.url,
        documents.c.source,
        documents.c.published,
        text,
        documents.c.event_count,
    ]


def get_document(engine: Engine, document_id: str) -> StoredDocument | None:
    query = sa.select(*_document_columns(documents.c.text)).where(documents.c.id == document_id)
    with engine.connect() as conn:
        row = conn.execute(query).first()
    return StoredDocument(*row) if row is not None else None


def document_mentions(engine: Engine, document_id: str) -> list[MentionOut]:
    """Every event mention in the document, in text order; an event linked from several
    documents appears here with the mentions this document holds."""
    query = (
        sa.select(
            events.c.id.label("event_id"),
            events.c.type,
            events.c.status,
            events.c.quad_class,
            mentions.c.sentence_start,
            mentions.c.sentence_end,
            mentions.c.trigger_start,
            mentions.c.trigger_end,
            mentions.c.trigger,
        )
        .join_from(mentions, events, mentions.c.event_id == events.c.id)
        .where(mentions.c.document_id == document_id)
        .order_by(mentions.c.trigger_start, events.c.id)
    )
    with engine.connect() as conn:
        return [MentionOut(**r._mapping) for r in conn.execute(query)]


def document_summaries(engine: Engine, ids: list[str]) -> dict[str, StoredDocument]:
    """The documents with these ids (their text left out), by id."""
    if not ids:
        return {}
    query = sa.select(*_document_columns(sa.literal(""))).where(documents.c.id.in_(ids))
    with engine.connect() as conn:
        return {r.id: StoredDocument(*r) for r in conn.execute(query)}


# Actors ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoredActor:
    actor_id: str | None
    name: str
    countries: list[str]
    events: int


def search_store_actors(engine: Engine, q: str, *, limit: int) -> list[StoredActor]:
    """Participants whose name contains ``q`` (or whose KB id is ``q``), grouped by KB id,
    or by name when they have none; most events first.

    The matching names are found among the distinct names (``names_containing``), then
    their references are read from the name index and grouped by name, id and country in
    SQL; the groups of one actor are merged here.
    """
    query = (
        sa.select(
            actor_refs.c.actor_id,
            actor_refs.c.name,
            actor_refs.c.country,
            sa.func.count(sa.distinct(actor_refs.c.event_id)),
        )
        .where(actor_refs.c.name.in_(names_containing(q)))
        # In the name index's order, so SQLite groups as it reads instead of sorting.
        .group_by(actor_refs.c.name, actor_refs.c.actor_id, actor_refs.c.country)
    )
    by_id = (
        sa.select(
            actor_refs.c.actor_id,
            sa.func.min(actor_refs.c.name),
            actor_refs.c.country,
            sa.func.count(sa.distinct(actor_refs.c.event_id)),
        )
        .where(actor_refs.c.actor_id == q)
        .group_by(actor_refs.c.actor_id, actor_refs.c.country)
    )
    found: dict[str, tuple[str | None, str, set[str], int]] = {}
    with engine.connect() as conn:
        for actor_id, name, country, n in [*conn.execute(by_id), *conn.execute(query)]:
            key = actor_id or f"name:{name}"
            _id, first, countries, total = found.get(key, (actor_id, name, set(), 0))
            if country:
                countries.add(country)
            # A name's groups (one per country) hold different events; an id's groups by
            # name may share events, so an id's count is taken again from its index below.
            found[key] = (actor_id, first, countries, total + int(n))
        ids = [k for k, v in found.items() if v[0] is not None]
        exact = events_per_actor(engine, ids) if ids else {}
    out = [
        StoredActor(actor_id, name, sorted(countries), exact.get(key, total))
        for key, (actor_id, name, countries, total) in found.items()
    ]
    out.sort(key=lambda a: (-a.events, a.name))
    return out[:limit]


def events_per_actor(engine: Engine, actor_ids: list[str]) -> dict[str, int]:
    """How many stored events each of these KB actors takes part in."""
    if not actor_ids:
        return {}
    query = (
        sa.select(actor_refs.c.actor_id, sa.func.count(sa.distinct(actor_refs.c.event_id)))
        .where(actor_refs.c.actor_id.in_(actor_ids))
        .group_by(actor_refs.c.actor_id)
    )
    with engine.connect() as conn:
        return {a: int(n) for a, n in conn.execute(query)}


@dataclass(slots=True)
class ActorCounts:
    events: int = 0
    as_actor: int = 0
    as_recipient: int = 0
    by_type: dict[str, int] = dataclasses.field(default_factory=dict)
    by_year: dict[str, int] = dataclasses.field(default_factory=dict)
    first: dt.date | None = None
    last: dt.date | None = None
    names: list[str] = dataclasses.field(default_factory=list)


def actor_counts(engine: Engine, actor_id: str) -> ActorCounts:
    """How often a KB actor takes part in stored events: in all, by role, type and year.

    Counted in SQL by role, and by type and year (with the first and last date); the
    references come from the actor-id index, which holds role and name too.
    """
    mine = actor_refs.c.actor_id == actor_id
    year = period_start(events.c.date_start, "year", engine.dialect.name)
    counts = ActorCounts()
    with engine.connect() as conn:
        roles = conn.execute(
            sa.select(actor_refs.c.role, sa.func.count(sa.distinct(actor_refs.c.event_id)))
            .where(mine)
            .group_by(actor_refs.c.role)
        ).all()
        per = conn.execute(
            sa.select(
                events.c.type,
                year,
                sa.func.count(),
                sa.func.min(events.c.date_start),
                sa.func.max(events.c.date_start),
            )
            .select_from(
                join_events(
                    sa.select(actor_refs.c.event_id).where(mine).distinct(), engine.dialect.name
                )
            )
            .group_by(events.c.type, year)
        ).all()
        counts.names = sorted(
            conn.execute(sa.select(actor_refs.c.name).where(mine).distinct()).scalars()
        )
    for role, n in roles:
        if role == "actor":
            counts.as_actor = int(n)
        else:
            counts.as_recipient = int(n)
    by_year: dict[str, int] = {}
    for etype, start, n, first, last in per:
        counts.events += n
        counts.by_type[etype] = counts.by_type.get(etype, 0) + n
        label = str(start.year) if start else "undated"
        by_year[label] = by_year.get(label, 0) + n
        if first:
            counts.first = min(counts.first or first, first)
            counts.last = max(counts.last or last, last)
    counts.by_year = dict(sorted(by_year.items()))
    return counts


# Network --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    events: int
    goldstein_mean: float


def network(engine: Engine, filters: Filters, *, by: str, limit: int) -> list[Edge]:
    """Pairs of participants (countries, or actors by KB id or name) taking part in the same
    events, with how many events and their mean Goldstein score; the ``limit`` heaviest.

    An edge is undirected (A-B and B-A are one pair), as the network is drawn undirected; a
    pair is counted once per event however many references of each side it has. The
    database counts the matching events per set of participants (each event holds its set,
    ``events.participant_countries`` or ``participant_actors``), with their Goldstein sum;
    the few sets that come back are split into pairs here.
    """
    nodes = events.c.participant_countries if by == "country" else events.c.participant_actors
    found = matching(filters, engine.dialect.name)
    query = (
        sa.select(nodes, sa.func.count(), goldstein_micro_sum())
        .select_from(found.source)
        .where(*found.where)
        .group_by(nodes)
    )
    totals: dict[tuple[str, str], list[int]] = {}
    with engine.connect() as conn:
        for names, n, micro in conn.execute(query):
            ordered: list[str] = json.loads(names)  # distinct and sorted already
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 :]:
                    acc = totals.setdefault((a, b), [0, 0])
                    acc[0] += n
                    acc[1] += int(micro)
    edges = [Edge(a, b, n, g / MICRO / n) for (a, b), (n, g) in totals.items()]
    edges.sort(key=lambda e: (-e.events, e.source, e.target))
    return edges[:limit]


def jsonable(value: Any) -> Any:
    """Dates as ISO strings, for data embedded in pages."""
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(type(value).__name__)
