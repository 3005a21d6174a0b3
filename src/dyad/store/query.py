"""Reading the store: filtered events, one event, and counts by period for ``dyad stats``."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from dyad.ontology import PLOVER_TYPES
from dyad.records import Event
from dyad.store import rows
from dyad.store.errors import EventNotFound, FilterError
from dyad.store.schema import actor_refs, documents, events, rejects

STATUSES = ("occurred", "planned", "negated", "hypothetical")
PERIODS = ("day", "week", "month", "year")
UNDATED = "undated"
_CODE = re.compile(r"^[A-Za-z]{3}$")
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True, slots=True)
class Filters:
    """Which events a query returns; every field is optional and they combine with AND.

    Build it with ``Filters.parse`` to validate user input. ``actor`` matches an actor id
    exactly or a name case-insensitively in part; ``country`` any actor or recipient from
    that country; ``dyad`` events with one participant from each of the two countries (in
    either role, either direction); ``since``/``until`` events whose dates overlap the range.
    """

    actor: str | None = None
    country: str | None = None
    dyad: tuple[str, str] | None = None
    type: str | None = None
    status: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    limit: int | None = None

    @classmethod
    def parse(
        cls,
        *,
        actor: str | None = None,
        country: str | None = None,
        dyad: str | None = None,
        type: str | None = None,
        status: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
    ) -> Filters:
        """Validate option values as users type them; raises ``FilterError`` saying why."""
        if country is not None:
            country = _country(country, "--country")
        pair = None
        if dyad is not None:
            parts = dyad.split("-")
            if len(parts) != 2:
                raise FilterError(f"--dyad: {dyad!r} is not two country codes like CHN-PER")
            pair = (_country(parts[0], "--dyad"), _country(parts[1], "--dyad"))
        if type is not None:
            type = type.upper()
            if type not in PLOVER_TYPES:
                raise FilterError(
                    f"--type: {type!r} is not a PLOVER type; use one of {', '.join(PLOVER_TYPES)}"
                )
        if status is not None:
            status = status.lower()
            if status not in STATUSES:
                raise FilterError(f"--status: {status!r} is not one of {', '.join(STATUSES)}")
        if limit is not None and limit < 0:
            raise FilterError(f"--limit: {limit} is negative")
        return cls(
            actor=actor or None,
            country=country,
            dyad=pair,
            type=type,
            status=status,
            since=_day(since, "--since", last=False),
            until=_day(until, "--until", last=True),
            limit=limit,
        )


def _country(value: str, option: str) -> str:
    if not _CODE.match(value):
        raise FilterError(f"{option}: {value!r} is not a three-letter country code (e.g. CHN)")
    return value.upper()


def _day(value: str | None, option: str, *, last: bool) -> dt.date | None:
    """YYYY, YYYY-MM or YYYY-MM-DD; a partial date is its first (or, for --until, last) day."""
    if value is None:
        return None
    m = _PARTIAL_DATE.match(value)
    try:
        if not m:
            raise ValueError
        year, month, day = int(m[1]), int(m[2] or (12 if last else 1)), m[3]
        if day is None:
            day_n = calendar.monthrange(year, month)[1] if last else 1
        else:
            day_n = int(day)
        return dt.date(year, month, day_n)
    except ValueError:
        raise FilterError(
            f"{option}: {value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"
        ) from None


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event as stored, with the document it was coded from."""

    event: Event
    document_id: str
    title: str | None
    url: str | None
    source: str | None
    published: dt.date | None
    origin: str


def _conditions(filters: Filters) -> list[sa.ColumnElement[bool]]:
    where: list[sa.ColumnElement[bool]] = []

    def ref_exists(*conds: sa.ColumnElement[bool]) -> sa.ColumnElement[bool]:
        return sa.exists().where(actor_refs.c.event_id == events.c.id, *conds)

    if filters.actor:
        where.append(
            ref_exists(
                sa.or_(
                    actor_refs.c.actor_id == filters.actor,
                    sa.func.lower(actor_refs.c.name).contains(
                        filters.actor.lower(), autoescape=True
                    ),
                )
            )
        )
    if filters.country:
        where.append(ref_exists(actor_refs.c.country == filters.country))
    if filters.dyad:
        a, b = filters.dyad
        one, other = actor_refs.alias("one"), actor_refs.alias("other")
        # Two different references on the event, one from each country: for CHN-CHN that means
        # two Chinese participants, not one counted twice.
        where.append(
            sa.exists().where(
                one.c.event_id == events.c.id,
                other.c.event_id == events.c.id,
                one.c.country == a,
                other.c.country == b,
                sa.or_(one.c.role != other.c.role, one.c.position != other.c.position),
            )
        )
    if filters.type:
        where.append(events.c.type == filters.type)
    if filters.status:
        where.append(events.c.status == filters.status)
    if filters.since:
        where.append(sa.func.coalesce(events.c.date_end, events.c.date_start) >= filters.since)
    if filters.until:
        where.append(events.c.date_start <= filters.until)
    return where


def _select(filters: Filters) -> sa.Select:  # type: ignore[type-arg]
    query = (
        sa.select(
            events.c.record,
            events.c.document_id,
            documents.c.title,
            documents.c.url,
            documents.c.source,
            documents.c.published,
            documents.c.origin,
        )
        .join_from(events, documents, events.c.document_id == documents.c.id)
        .where(*_conditions(filters))
        # NULLS LAST explicitly: SQLite and PostgreSQL disagree on the default.
        .order_by(events.c.date_start.asc().nulls_last(), events.c.id)
    )
    if filters.limit is not None:
        query = query.limit(filters.limit)
    return query


def _stored(row: sa.Row) -> StoredEvent:  # type: ignore[type-arg]
    return StoredEvent(
        event=rows.event_from_json(row.record),
        document_id=row.document_id,
        title=row.title,
        url=row.url,
        source=row.source,
        published=row.published,
        origin=row.origin,
    )


def iter_events(engine: Engine, filters: Filters) -> Iterator[StoredEvent]:
    """Matching events by date (undated last) then id, streamed in chunks of 1,000 rows."""
    with engine.connect() as conn:
        # On PostgreSQL yield_per means a server-side cursor; close it before the connection
        # even when the caller stops early, or psycopg complains when it is collected.
        result = conn.execution_options(yield_per=1000).execute(_select(filters))
        try:
            for row in result:
                yield _stored(row)
        finally:
            result.close()


def count_events(engine: Engine, filters: Filters) -> int:
    query = sa.select(sa.func.count()).select_from(events).where(*_conditions(filters))
    with engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


def get_event(engine: Engine, event_id: str) -> StoredEvent:
    """The event with this id, or the only one whose id starts with it."""
    with engine.connect() as conn:
        exact = conn.execute(_select(Filters()).where(events.c.id == event_id)).first()
        if exact is not None:
            return _stored(exact)
        prefixed = _select(Filters(limit=2)).where(
            events.c.id.startswith(event_id, autoescape=True)
        )
        found = conn.execute(prefixed).all()
    if len(found) == 1:
        return _stored(found[0])
    if found:
        raise EventNotFound(f"{event_id!r} is the start of several event ids; give more of it")
    raise EventNotFound(f"no event {event_id!r} in the store")


@dataclass(slots=True)
class PeriodStats:
    """Counts for one period (or for all of them, as ``Stats.total``)."""

    period: str
    events: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    by_quad: dict[int, int] = field(default_factory=dict)
    goldstein_sum: float = 0.0

    @property
    def goldstein_mean(self) -> float | None:
        return self.goldstein_sum / self.events if self.events else None

    def add(self, event_type: str, quad: int, count: int, goldstein_sum: float) -> None:
        self.events += count
        self.by_type[event_type] = self.by_type.get(event_type, 0) + count
        self.by_quad[quad] = self.by_quad.get(quad, 0) + count
        self.goldstein_sum += goldstein_sum


@dataclass(slots=True)
class Stats:
    by: str
    periods: list[PeriodStats]  # in time order; events without a date last, as "undated"
    total: PeriodStats


def period_of(day: dt.date | None, by: str) -> str:
    """The label of the period holding ``day``: 2024-06-27, 2024-W26, 2024-06 or 2024."""
    if day is None:
        return UNDATED
    if by == "day":
        return day.isoformat()
    if by == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if by == "month":
        return f"{day.year}-{day.month:02d}"
    return str(day.year)


def stats(engine: Engine, filters: Filters, *, by: str = "month") -> Stats:
    """Events per period by PLOVER type and quad class, with the mean Goldstein score.

    The database groups by day (portable SQL on SQLite and PostgreSQL alike); days are folded
    into weeks, months or years here, which stays cheap because there are few distinct days.
    """
    if by not in PERIODS:
        raise FilterError(f"--by: {by!r} is not one of {', '.join(PERIODS)}")
    query = (
        sa.select(
            events.c.date_start,
            events.c.type,
            events.c.quad_class,
            sa.func.count(),
            sa.func.sum(events.c.goldstein),
        )
        .where(*_conditions(filters))
        .group_by(events.c.date_start, events.c.type, events.c.quad_class)
    )
    periods: dict[str, PeriodStats] = {}
    total = PeriodStats("total")
    with engine.connect() as conn:
        for day, etype, quad, count, gsum in conn.execute(query):
            label = period_of(day, by)
            periods.setdefault(label, PeriodStats(label)).add(etype, quad, count, gsum or 0.0)
            total.add(etype, quad, count, gsum or 0.0)
    ordered = sorted(periods.values(), key=lambda p: (p.period == UNDATED, p.period))
    return Stats(by=by, periods=ordered, total=total)


@dataclass(frozen=True, slots=True)
class Totals:
    documents: int
    events: int
    rejects: dict[str, int]  # reason code -> inputs


def totals(engine: Engine) -> Totals:
    with engine.connect() as conn:
        n_docs = conn.execute(sa.select(sa.func.count()).select_from(documents)).scalar_one()
        n_events = conn.execute(sa.select(sa.func.count()).select_from(events)).scalar_one()
        reasons = conn.execute(
            sa.select(rejects.c.reason, sa.func.count()).group_by(rejects.c.reason)
        ).all()
    return Totals(int(n_docs), int(n_events), {r: int(n) for r, n in sorted(reasons)})
