"""Protesters' demands are what their protest says, not requests of their own.

"Protesters marched on Congress ... They were demanding the president's resignation": PLOVER
and the analysts of the real-news set code the demands of a crowd that protests as part of
its PROTEST, never as a REQUEST beside it. A request whose every actor is a crowd (civilians,
workers) that protests in the same report is merged into that protest as one more mention.
"""

from __future__ import annotations

from dyad.events.repeats import absorb, same_when_where
from dyad.link import identity
from dyad.records import Event

CROWDS = frozenset({"CVL", "LAB"})


def into_protests(events: list[Event]) -> list[Event]:
    """``events`` with each crowd's request merged into that crowd's protest."""
    protests = [e for e in events if e.type == "PROTEST" and e.actors]
    out: list[Event] = []
    for ev in events:
        protest = next((p for p in protests if _demand_of(ev, p)), None)
        if protest is None:
            out.append(ev)
            continue
        absorb(protest, ev)
    return out


def _demand_of(request: Event, protest: Event) -> bool:
    if request.type != "REQUEST" or not request.actors or request.status != protest.status:
        return False
    if any(a.sector not in CROWDS for a in request.actors):
        return False
    if not same_when_where(request, protest):
        return False  # "marched on Friday ... will demand his resignation in Lima on Monday"
    return {identity(a) for a in request.actors} <= {identity(a) for a in protest.actors}
