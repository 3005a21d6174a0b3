"""PLOVER's conventions for reports about one country's own affairs.

Coders of PLOVER (and CAMEO before it) code a domestic act against the actor's own state
when the text names no other target ("Egyptian demonstrators rioted" is EGY PROTEST EGY),
and read an office holder named without nationality as the report's own country's
("the Argentine judge ordered former president Carlos Menem to appear": Menem is ARG).
Both readings hold only when the report is about one country: in a report on a state
visit, "China is committed to expanding trade" is aimed at the partner, and "President X"
may be the guest. So they apply only when every participant of a known state, across the
document's events, and every country the document names (its dateline too) is one and the
same state (international organisations aside). A state acting as a whole ("the United
States imposed sanctions") gets no implied target: it acts abroad as often as at home.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from dyad.actors import KnowledgeBase
from dyad.actors.context import in_context
from dyad.actors.match import NON_STATES, of_the_story
from dyad.events.identity import implied, with_participants
from dyad.ontology import UNTARGETED
from dyad.records import ActorRef, Event

# Offices of a state or of its contenders; an archbishop or an activist may come from anywhere.
NATIONAL_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "ELI", "PTY", "OPP", "REB"})
CONTEXT_DISCOUNT = 0.8
# A threat is aimed abroad as often as at home ("Iran would retaliate", told in a report on
# Iran): its target is the side the warning names, or none.
ABROAD = frozenset({"THREATEN"})


def code_domestic(events: list[Event], kb: KnowledgeBase, mentioned: Iterable[str]) -> list[Event]:
    """``events`` of one document, with the domestic readings applied where they hold.

    ``mentioned``: the countries the document names anywhere (its actors' mentions and its
    dateline), which must be the participants' one state too.
    """
    # Organisations' codes: a UN convoy in a report on Bosnia does not make it
    # international, nor does the Islamic State (IMG) in a report on Iraq.
    countries = {r.country for e in events for r in e.actors + e.recipients if of_the_story(r)} | {
        c for c in mentioned if c not in NON_STATES
    }
    if len(countries) != 1:
        return events
    (iso,) = countries
    return [_domestic(e, iso, kb) for e in events]


def _domestic(event: Event, iso: str, kb: KnowledgeBase) -> Event:
    day = _day(event)
    actors = [_compatriot(a, iso, day, kb) for a in event.actors]
    recipients = [_compatriot(r, iso, day, kb) for r in event.recipients]
    if any(r.resolved_by == "context" for r in recipients):
        # The state a place stood in for ("demanded in Harare that President Mugabe
        # resign") is now told by the person.
        recipients = [r for r in recipients if r.resolved_by != "state" or r.country != iso]
    named = {a.country for a in actors if a.country}
    # A state acting as a whole ("the United States imposed sanctions") acts abroad as often
    # as at home; the domestic reading is for its agencies, forces and people.
    whole_state = any(a.resolved_by == "state" for a in actors)
    # Several actors with no target act together or with each other (PLOVER's reciprocal
    # coding), not on their own state.
    if (
        event.type not in UNTARGETED | ABROAD
        and not whole_state
        and len(actors) == 1
        and named == {iso}
        and not any(r.country for r in recipients)
    ):
        recipients = [*recipients, implied(iso)]  # the actor's own state
    return with_participants(event, actors, recipients)


def _compatriot(ref: ActorRef, iso: str, day: dt.date | None, kb: KnowledgeBase) -> ActorRef:
    """A titled person of untold nationality as one of ``iso``\'s, unless the knowledge base
    knows who held that office on the day (this person, being unresolved, is not them)."""
    if ref.country or ref.actor_id or not ref.role or ref.sector not in NATIONAL_SECTORS:
        return ref
    if day is not None and kb.holders(day, country=iso, title=ref.role):
        return ref
    return in_context(ref, iso, discount=CONTEXT_DISCOUNT)


def _day(event: Event) -> dt.date | None:
    if event.date.precision in {"unknown", "publication"} or not event.date.start:
        return dt.date.fromisoformat(event.date.anchor) if event.date.anchor else None
    return dt.date.fromisoformat(event.date.start)
