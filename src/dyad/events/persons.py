"""A private person a state's organs act on is one of its people.

"Police arrested Mohsen Shekari", "a court convicted him", "Shekari was hanged": the person
is named, but nobody in the knowledge base and with no title, so no country or sector comes
with the name. Analysts code such a person, arrested, charged, convicted or executed by a
state at home, as that state's civilian (``IRN JUD`` → ``IRN CVL``). A person with a title
keeps it ("opposition leader"), one the knowledge base knows keeps its entry, and a
deportation is not read so: deportees are as often foreigners.
"""

from __future__ import annotations

from dyad.actors.context import in_context
from dyad.events.domestic import CONTEXT_DISCOUNT
from dyad.events.identity import with_participants
from dyad.events.states import stands_for
from dyad.records import ActorRef, Event

ON_PERSONS = frozenset({
    ("COERCE", "arrest"), ("SANCTION", "convict"), ("ASSAULT", "execute"), ("ACCUSE", "allege"),
})  # fmt: skip
ORGANS = frozenset({"GOV", "COP", "JUD", "MIL"})


def as_its_people(events: list[Event]) -> list[Event]:
    """``events`` with the unknown persons a state's organs act on coded as its civilians."""
    return [_event(e) for e in events]


def _event(event: Event) -> Event:
    if (event.type, event.mode) not in ON_PERSONS or not event.actors:
        return event
    states = {a.country for a in event.actors if a.sector in ORGANS}
    if len(states) != 1 or None in states or any(a.sector not in ORGANS for a in event.actors):
        return event
    (iso,) = states
    persons = [_civilian(r, iso) if _unknown(r) else r for r in event.recipients]
    if persons == event.recipients:
        return event
    # The state the domestic reading implied, or a place in it stood for ("arrested in
    # Tehran"), is now told by the person; the state reading may have made it a government.
    recipients = [r for r in persons if not stands_for(r, iso)]
    return with_participants(event, event.actors, recipients)


def _unknown(ref: ActorRef) -> bool:
    return bool(ref.text) and not (ref.country or ref.sector or ref.actor_id or ref.role)


def _civilian(ref: ActorRef, iso: str) -> ActorRef:
    return in_context(ref, iso, sector="CVL", discount=CONTEXT_DISCOUNT)
