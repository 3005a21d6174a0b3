"""A protest with no target told is aimed at the protesters' own state.

"Thousands of protesters blocked roads across the south", "workers staged a general strike":
news names the crowd and the act, rarely whom it is against, because at home that goes
without saying. PLOVER's coders and the real-news analysts code such a protest against the
protesters' own government (``PER CVL`` → ``PER GOV``). ``dyad.events.domestic`` reads it so
only in a report about one country; a protest needs no such guard, since a crowd at home
that protests another state says so ("outside the French embassy", "against Israel") and
that target is found in the text. A protest abroad keeps no implied target: its place
must be in the protesters' country, or the report be about that country when no place is
told. The state's own organs (police, army, courts, government) are not read so: when they
"block" or "march" the act is seldom a protest against themselves, and when they clash
with a crowd the crowd is the one protesting.
"""

from __future__ import annotations

from dyad.actors.match import NON_STATES
from dyad.events.identity import implied, with_participants
from dyad.records import Event

STATE_ORGANS = frozenset({"GOV", "MIL", "COP", "JUD"})


def at_own_state(events: list[Event], report: str | None) -> list[Event]:
    """``events`` with each protest that names no target aimed at its protesters' state.
    ``report``: the country the document is about."""
    return [_event(e, report) for e in events]


def _event(event: Event, report: str | None) -> Event:
    if event.type != "PROTEST" or not event.actors or any(r.country for r in event.recipients):
        return event
    crowd = [a for a in event.actors if a.sector not in STATE_ORGANS]
    if crowd and len(crowd) < len(event.actors):
        # "Police and protesters clashed": the crowd protests, and the police it faces are
        # the state it protests against.
        event = with_participants(event, crowd, event.recipients)
    if any(a.sector in STATE_ORGANS for a in event.actors):
        return event
    states = {a.country for a in event.actors}
    if len(states) != 1 or None in states or states & NON_STATES:
        return event
    (iso,) = states
    where = event.place.country if event.place is not None and event.place.country else report
    if where != iso:
        return event
    return with_participants(event, event.actors, [*event.recipients, implied(iso)])
