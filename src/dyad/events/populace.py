"""Force or restriction a state uses at home, with no target named, falls on its people.

"Police fired tear gas to disperse the crowds", "the government banned 26 platforms", "the
district administration imposed a curfew", "declared a state of emergency", "police opened
fire": the text names no target because the target is the population. Analysts code these
against the state's civilians (``NPL COP`` → ``NPL CVL``;
the real-news set's conventions say so for curfews, bans and crowd control), where the
domestic reading (``dyad.events.domestic``) would give a bare country and the state reading a
government acting on itself. Only acts at home are read so: the act's place, or else the
country the report is about, must be the actor's own. Acts on persons (arrests, executions,
abductions) name their targets; with none named no target is guessed, nor for a seizure of
power, whose target is the government it overthrows.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dyad.actors.phrases import CROWD_NOUNS
from dyad.events.identity import implied, trigger_span, with_participants
from dyad.events.states import stands_for
from dyad.events.triggers import counted
from dyad.records import ActorRef, Event, Place

# The state's own organs; a rebel group's or a party's coercion has no such implied target.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})
# COERCE modes that restrict a population as a whole (``dyad.detector.labels``), and the
# lexicon's state of emergency or martial law (``coerce.declare.emergency``).
GENERAL_COERCION = frozenset({"restrict", "ban", "censor", "curfew", "martial-law"})
# ASSAULT modes of force on crowds and places; an assault of no stated kind, or on persons
# (an execution, an abduction), has a target the text would name.
FORCE_ON_CROWDS = frozenset(
    {"crowd-control", "firearms", "aerial", "drone", "heavy-weapons", "explosives", "massacre"}
)
# MOBILIZE modes of forces brought out among the people (``dyad.detector.labels``).
DEPLOYED = frozenset({"troops", "police"})
# COERCE modes no state uses abroad: a curfew or a state of emergency is declared at home,
# so even a state told as a whole ("Uzbekistan declared a state of emergency") imposes it
# on its own people; a ban or a restriction by a state ("Russia banned imports") may be
# aimed at another.
AT_HOME = frozenset({"curfew", "martial-law"})
# Times an act is done at or on, which the tagger does not tag as dates ("at dawn").
TIMES = frozenset({"dawn", "dusk", "night", "midnight", "noon", "arrival", "random", "once"})
# A threat of force ("would use nuclear weapons if attacked") is aimed abroad as often as not.
STATUSES = frozenset({"occurred", "planned"})


# Subjects that are the crowd itself ("thousands converged", "crowds poured in"), and
# activists and youths, who protest as a crowd but are not where every crowd act is placed.
CROWD_WORDS = CROWD_NOUNS | {"activist", "youth"}


def crowd_acts(trigger: Token, subject: Token | None) -> bool:
    """Whether a protest with no side found may be the crowd's: no subject, the event noun
    itself ("protests erupted"), or a crowd word, also as what a part is of ("a section of
    demonstrators"). "Officers blocked traffic" is no protest of the people, whoever the
    officers were."""
    if subject is None or subject.i == trigger.i:
        return True
    return bool(counted(subject) & CROWD_WORDS)


def protesters_of(
    event_type: str, place: Place | None, report: str | None = None
) -> ActorRef | None:
    """The people of the place where a protest no word gives a side to took place ("protests
    erupted across Peru", "the arrest sparked protests in Lima"), else of the country the
    report is about (``report``: "thousands converged outside parliament"): analysts code
    them as the country's civilians, and the domestic reading then aims them at their own
    state."""
    country = place.country if place is not None else report
    if event_type != "PROTEST" or not country:
        return None
    return implied(country, "CVL", "protesters")


def on_own_people(events: list[Event], report: str | None, doc: Doc) -> list[Event]:
    """``events`` with the state's civilians as the target of its force or restriction at
    home where the text names no target. ``report``: the country the document is about;
    ``doc``: the parse the events were coded from."""
    unrest = _unrest(events, report)
    return [_event(e, report, unrest, doc) for e in events]


def _unrest(events: list[Event], report: str | None) -> set[str]:
    """The countries whose people protest in the report while their forces seize no power:
    forces deployed there face the crowds ("the army was deployed as protests spread"); in
    a coup they move against the government, which the crowds may be cheering."""
    protests = {
        a.country
        for e in events
        if e.status == "occurred" and e.type in {"PROTEST", "ASSAULT"}
        for a in e.actors
        if a.country
        and a.sector not in STATE_SECTORS
        # Rioters' violence is unrest too ("rioters attacked town halls"); an armed group's
        # or a party's is not.
        and (e.type == "PROTEST" or a.sector == "CVL")
    }
    # Protests told with no side ("the demonstrations escalated") are the people's of
    # their place, or of the country the report is about.
    protests |= {
        crowd.country
        for e in events
        if e.status == "occurred" and not e.actors
        if (crowd := protesters_of(e.type, e.place, report)) is not None
    }
    # Coercion of a government by its own army (power seized, the president detained).
    coups = {
        a.country
        for e in events
        if e.type == "COERCE"
        for a in e.actors
        if a.sector == "MIL"
        and any(r.country == a.country and r.sector == "GOV" for r in e.recipients)
    }
    return protests - coups


def _event(event: Event, report: str | None, unrest: set[str], doc: Doc) -> Event:
    if event.status not in STATUSES or not event.actors:
        return event
    policed = _policed_crowd(event, doc)
    if policed is not None:
        return policed
    if not _general(event, doc) and not (event.type == "MOBILIZE" and event.mode in DEPLOYED):
        return event
    # Two sides fighting ("the army and the RSF") act on each other, not on the people; a
    # state acting as a whole ("the United States imposed sanctions") acts abroad as often.
    at_home = event.type == "COERCE" and event.mode in AT_HOME
    if not all(
        a.sector in STATE_SECTORS and (at_home or a.resolved_by != "state") for a in event.actors
    ):
        return event
    states = {a.country for a in event.actors}
    if len(states) != 1 or None in states:
        return event
    (iso,) = states
    if event.type == "MOBILIZE" and iso not in unrest:
        return event
    if any(not stands_for(r, iso) for r in event.recipients):
        return event  # a target the text names
    where = event.place.country if event.place is not None and event.place.country else report
    if where != iso:
        return event
    return with_participants(event, event.actors, [implied(iso, "CVL", "civilians")])


def _general(event: Event, doc: Doc) -> bool:
    if event.type == "COERCE":
        return event.mode in GENERAL_COERCION
    if event.type != "ASSAULT":
        return False
    if event.mode in FORCE_ON_CROWDS:
        return True
    # Police force of no stated kind ("police attacked the crowd", "officers opened fire")
    # with no target named falls on the crowd as surely as tear gas does; an army's may be
    # on rebels, and "police killed three suspects" names its target, resolved or not.
    police = all(a.sector == "COP" for a in event.actors)
    span = trigger_span(event, doc)
    return event.mode is None and police and span is not None and not _names_target(span)


def _policed_crowd(event: Event, doc: Doc) -> Event | None:
    """``event`` aimed at its police's own people when the crowd it is aimed at has no
    nationality of its own: "Kosovar police ... arresting about two dozen people" under a
    Belgrade dateline. The crowd is one the act names, or one placed by the report's country
    alone; None when the event is not such an act."""
    police = {a.country for a in event.actors if a.sector == "COP"}
    if len(police) != 1 or None in police or {a.country for a in event.actors} != police:
        return None
    guessed = all(
        r.resolved_by == "context" and r.sector == "CVL" and r.country not in police
        for r in event.recipients
    )
    if not guessed or not (event.recipients or _on_a_crowd(event, doc)):
        return None
    (iso,) = police
    return with_participants(event, event.actors, [implied(iso, "CVL", "people")])


def _on_a_crowd(event: Event, doc: Doc) -> bool:
    """Whether an arrest or an assault's object is a crowd word ("arrested 23 people")."""
    if event.type not in {"COERCE", "ASSAULT"}:
        return False
    span = trigger_span(event, doc)
    objects = _objects(span) if span is not None else []
    return bool(objects) and all(counted(t) & CROWD_WORDS for t in objects)


def _objects(span: Span) -> list[Token]:
    """The direct objects of the act's words, outside the act's own words."""
    return [c for h in span for c in h.children if c.dep_ == "dobj" and c not in span]


def _names_target(span: Span) -> bool:
    """Whether the act's own words name what it was aimed at, other than the crowd: an
    object ("attacked a gang hideout") or one after "at", "on", "against" or "into"; not
    the act's own noun ("launched an attack") nor a time ("on Saturday", "at dawn")."""
    heads = [t for t in span if t.dep_ != "det"]
    targets = _objects(span)
    targets += [
        p
        for h in heads
        for c in h.children
        if c.dep_ == "prep" and c.lower_ in {"at", "on", "against", "into"}
        for p in c.children
        if p.dep_ == "pobj" and p.ent_type_ not in {"DATE", "TIME"} and p.lemma_ not in TIMES
    ]
    return any(not counted(t) & CROWD_WORDS for t in targets)
