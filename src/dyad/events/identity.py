"""Who a participant is, and an event's id, for comparing events within a document."""

from __future__ import annotations

from collections.abc import Iterable

from dyad.records import ActorRef, Mention, stable_id


def identity(ref: ActorRef) -> str:
    """One key per participant: the knowledge-base id, else the code with the name."""
    return ref.actor_id or f"{ref.code}:{ref.name}"


def event_id(
    etype: str, mention: Mention, actors: Iterable[ActorRef], recipients: Iterable[ActorRef]
) -> str:
    """Stable over runs: the first mention's place in its document, the type, and who took
    part ("separate meetings" give one event per participant from the same trigger)."""
    return stable_id(
        "ev_",
        [
            mention.document_id,
            mention.start,
            mention.trigger_start,
            etype,
            sorted(identity(a) for a in actors),
            sorted(identity(r) for r in recipients),
        ],
    )
