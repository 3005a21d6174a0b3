"""Who a participant is, and an event's id, for comparing events within a document."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Span

from dyad.actors.lexicon import lexicon
from dyad.records import ActorRef, Event, Mention, stable_id

# Participants no word of the text names (an arrest's police, a curfew's civilians): kept
# low, so users can tell them from participants the text gives.
CONFIDENCE_IMPLIED = 0.3


def with_sector(ref: ActorRef, sector: str) -> ActorRef:
    """``ref`` read as its country's organ or people of ``sector``."""
    return replace(ref, sector=sector, code=(ref.country or "") + sector)


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


def with_participants(
    event: Event, actors: list[ActorRef], recipients: list[ActorRef] | None = None
) -> Event:
    """``event`` with new participants and the id they give it (``event`` itself when they
    are unchanged), for the passes that settle participants after extraction."""
    recipients = event.recipients if recipients is None else recipients
    if actors == event.actors and recipients == event.recipients:
        return event
    return replace(
        event,
        id=event_id(event.type, event.mentions[0], actors, recipients),
        actors=actors,
        recipients=recipients,
    )


def implied(iso: str, sector: str | None = None, noun: str | None = None) -> ActorRef:
    """A participant of state ``iso`` that no word names (hence no text): the state itself, or
    its organ or people of ``sector``, named "<country> <noun>"."""
    country = lexicon().country_names.get(iso, iso)
    name = f"{country} {noun}" if noun else country
    code = iso + (sector or "")
    return ActorRef("", name, None, iso, sector, None, code, "implied", CONFIDENCE_IMPLIED)


def trigger_span(event: Event, doc: Doc) -> Span | None:
    """The words of ``event``'s first trigger in ``doc``, the parse it was coded from."""
    if not event.mentions:
        return None
    m = event.mentions[0]
    span = doc.char_span(m.trigger_start, m.trigger_end, alignment_mode="expand")
    return span if span is not None and len(span) else None
