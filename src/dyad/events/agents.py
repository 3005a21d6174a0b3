"""The agent an act implies when the text names none: "X was arrested" is the police's act.

Arrests and detentions are done by a state's police; analysts (and the real-news set's
conventions) code an arrest whose agent is not named as ``XXX COP``, the police of the
state where the arrest was made: the place's country when the text names one, else the
arrested person's own country, else the country the report is about. An agent the text
names always wins.
"""

from __future__ import annotations

from dyad.actors.match import NON_STATES
from dyad.events.identity import implied, with_participants
from dyad.records import Event

# Trigger entries (``triggers.jsonl`` ids) of acts only a police force does. Jailing and
# sentencing are a court's, imprisonment a prison service's: not here.
POLICE_ACTS = frozenset({"coerce.arrest", "coerce.detain"})


def police_agents(events: list[Event], report: str | None) -> list[Event]:
    """``events`` with the state's police as the actor of each arrest with none.

    ``report``: the country the document is about, for arrests of people no country is
    given for (None: such arrests stay without an actor)."""
    return [_event(e, report) for e in events]


def _event(event: Event, report: str | None) -> Event:
    if event.actors or not event.mentions or event.mentions[0].pattern not in POLICE_ACTS:
        return event
    held = {r.country for r in event.recipients if r.country and r.country not in NON_STATES}
    if event.place is not None and event.place.country:
        iso: str | None = event.place.country  # where the arrest was made
    elif held:
        iso = next(iter(held)) if len(held) == 1 else None
    else:
        iso = report
    if iso is None:
        return event
    return with_participants(event, [implied(iso, "COP", "police")])
