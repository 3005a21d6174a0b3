"""Stage 7, link: mentions of the same real event across documents become one event.

Two mentions are the same event when their type is the same, their participants are the
same identities (KB ids, or country+sector for actors without one), their dates are
compatible (a day inside a range, a date of lower precision containing the other, an
announcement followed by a report within its window) and their places do not contradict.
Status only moves forward: planned -> occurred when the event is reported as held, and
-> negated when a later report says it was cancelled; every mention is kept.

Linking is incremental and deterministic: ``Linker.add`` takes one document's events,
compares them with the events seen so far through an index on (type, participants), and
says for each why it joined or stood alone. The canonical record keeps the id of the first
mention that founded it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from dyad.records import ActorRef, Event

PLANNED_WINDOW_DAYS = 21  # an announced meeting with no date happens within three weeks
REPORT_WINDOW_DAYS = 7  # an undated report of a past event: the week before publication
SAME_PLACE_KM = 50.0
PRECISION_RANK = {"day": 0, "range": 1, "week": 2, "month": 3, "year": 4}


def identity(ref: ActorRef) -> str:
    """Who a participant is: the KB id, else country and sector (a group has no name)."""
    return ref.actor_id or f"{ref.country or '?'}/{ref.sector or ''}"


def participants(e: Event) -> frozenset[str]:
    return frozenset(identity(r) for r in e.actors + e.recipients)


def interval(e: Event) -> tuple[dt.date, dt.date] | None:
    """The days the event may have happened on, from its date and status."""
    d = e.date
    if d.precision in {"unknown"} or d.start is None:
        return None
    start, end = dt.date.fromisoformat(d.start), dt.date.fromisoformat(d.end or d.start)
    if d.precision in {"publication", "news_day"}:
        if e.status == "planned":
            return start, start + dt.timedelta(days=PLANNED_WINDOW_DAYS)
        if e.status == "negated":  # "was called off": a plan from before or after the report
            return start - dt.timedelta(days=REPORT_WINDOW_DAYS), start + dt.timedelta(
                days=PLANNED_WINDOW_DAYS
            )
        return start - dt.timedelta(days=REPORT_WINDOW_DAYS), start
    return start, end


def _km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    p = math.pi / 180
    h = (
        0.5
        - math.cos((b_lat - a_lat) * p) / 2
        + math.cos(a_lat * p) * math.cos(b_lat * p) * (1 - math.cos((b_lon - a_lon) * p)) / 2
    )
    return 12742 * math.asin(math.sqrt(h))


def _dates_compatible(a: Event, b: Event) -> str | None:
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return "one date unknown"
    exact = {"day", "range", "week", "month", "year"}
    if a.date.precision == "day" and b.date.precision == "day":
        return "same day" if ia[0] == ib[0] else None
    if ia[0] <= ib[1] and ib[0] <= ia[1]:
        if a.date.precision in exact and b.date.precision in exact:
            return f"{a.date.precision} {a.date.start} overlaps {b.date.precision} {b.date.start}"
        return f"{a.status} {a.date.start} fits {b.status} {b.date.start}"
    return None


def _places_compatible(a: Event, b: Event) -> bool:
    pa, pb = a.place, b.place
    if pa is None or pb is None:
        return True
    if pa.country and pb.country and pa.country != pb.country:
        return False
    if None in (pa.lat, pa.lon, pb.lat, pb.lon):
        return True
    if pa.feature == "city" and pb.feature == "city":
        return _km(pa.lat, pa.lon, pb.lat, pb.lon) <= SAME_PLACE_KM  # type: ignore[arg-type]
    return True


def same_event(a: Event, b: Event) -> str | None:
    """Why ``a`` and ``b`` are mentions of one event, or None when they are not."""
    if a.type != b.type or participants(a) != participants(b) or not participants(a):
        return None
    if a.mode != b.mode and a.mode and b.mode:
        return None
    if not _places_compatible(a, b):
        return None
    why = _dates_compatible(a, b)
    if why is None:
        return None
    names = ", ".join(sorted({r.name for r in a.actors + a.recipients}))
    return f"same type {a.type}, same participants ({names}), {why}"


def _better_date(a: Event, b: Event) -> Event:
    rank_a = PRECISION_RANK.get(a.date.precision, 9)
    rank_b = PRECISION_RANK.get(b.date.precision, 9)
    return b if rank_b < rank_a else a


def merge(event: Event, other: Event, why: str) -> Event:
    """``event`` with ``other``'s mentions added (each marked with why it joined), the more
    precise date, and the status moved forward: planned -> occurred or -> negated."""
    status = event.status
    if other.status == "occurred" and status == "planned":
        status = "occurred"
    elif other.status == "negated" and status == "planned":
        status = "negated"  # a reported cancellation
    return replace(
        event,
        status=status,
        date=_better_date(event, other).date,
        place=event.place or other.place,
        mentions=event.mentions + [replace(m, joined=why) for m in other.mentions],
        topics=sorted(set(event.topics) | set(other.topics)),
        contexts=sorted(set(event.contexts) | set(other.contexts)),
        confidence=max(event.confidence, other.confidence),
    )


def first_match(candidates: Iterable[Event], event: Event) -> tuple[Event | None, str | None]:
    """The first candidate ``event`` is another report of, and why; candidates that already
    hold a mention from ``event``'s document are passed over (the coder merged those)."""
    doc_id = event.mentions[0].document_id if event.mentions else None
    for cand in candidates:
        if cand.id == event.id or doc_id in {m.document_id for m in cand.mentions}:
            continue
        why = same_event(cand, event)
        if why:
            return cand, why
    return None, None


@dataclass(slots=True)
class LinkedEvent:
    """One real event: the canonical record and why each mention joined it."""

    event: Event
    sources: set[str] = field(default_factory=set)
    reasons: list[str] = field(default_factory=list)

    @property
    def documents(self) -> set[str]:
        return {m.document_id for m in self.event.mentions}

    def absorb(self, other: Event, why: str, source: str | None) -> None:
        self.event = merge(self.event, other, why)
        if source:
            self.sources.add(source)
        self.reasons.append(why)


class Linker:
    """Incremental cross-document linking over an index on (type, participants)."""

    def __init__(self, existing: Iterable[LinkedEvent] = ()) -> None:
        self.events: list[LinkedEvent] = []
        self._index: dict[tuple[str, frozenset[str]], list[LinkedEvent]] = {}
        for le in existing:
            self._remember(le)

    def _remember(self, le: LinkedEvent) -> None:
        self.events.append(le)
        self._index.setdefault((le.event.type, participants(le.event)), []).append(le)

    def add(self, events: Iterable[Event], *, source: str | None = None) -> list[tuple[str, str]]:
        """Link one document's events; returns (canonical event id, decision) for each."""
        decisions = []
        for ev in events:
            key = (ev.type, participants(ev))
            # Oldest date first (undated first), then id: the order the store uses too.
            cands = sorted(
                self._index.get(key, []),
                key=lambda le: (
                    le.event.date.start is not None,
                    le.event.date.start or "",
                    le.event.id,
                ),
            )
            found, why = first_match([c.event for c in cands], ev)
            target = next((c for c in cands if c.event is found), None)
            if target is None:
                le = LinkedEvent(ev, {source} if source else set(), ["first report"])
                self._remember(le)
                decisions.append((ev.id, "new"))
            else:
                target.absorb(ev, why or "", source)
                decisions.append((target.event.id, f"joined: {why}"))
        return decisions
