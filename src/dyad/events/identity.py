"""Who a participant is, and an event's id, for comparing events within a document."""

from __future__ import annotations

from collections.abc import Iterable

from dyad.records import ActorRef, Mention, stable_id


def participant_key(ref: ActorRef) -> str:
    """Who a participant is within one document: the knowledge-base id, else the code with
    the name (two unnamed groups of one country are two participants here; across reports,
    ``dyad.link.identity`` compares them by country and sector only)."""
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
            sorted(participant_key(a) for a in actors),
            sorted(participant_key(r) for r in recipients),
        ],
    )
