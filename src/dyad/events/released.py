"""Whom a release is made to: the state of the people freed, when they are foreigners.

"The junta freed two American citizens", "the rebels let a dozen captives go, among them
Kenyan teachers", "the ministry released a detained Dutch diplomat": the release is a
concession to the state whose nationals go free, and the analysts' sets code that state's
government as the recipient (``USA GOV``, ``KEN GOV``, ``NLD GOV``), not its civilians. A
state freeing its own people keeps them as they are. The freed are often named only inside
the object or a list after it ("including ..."); the first foreign nationality named there
is the side released to. A release told in the passive with no agent, abroad ("was freed in
Uganda"), is the act of the state it happened in. A side that is an armed group, not a
state, gets its people back as they are (``_armed_sides``); with no such side told, a
state's nationals are released to its government.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Token

from dyad.actors.match import NON_STATES
from dyad.events.identity import trigger_span, with_participants, with_sector
from dyad.events.states import state_ref
from dyad.records import ActorRef, Event

# Where a release's freed people hang on its trigger: "released hostages", "hostages were
# released", "the release of two citizens".
FREED_DEPS = frozenset({"dobj", "nsubjpass"})
ARMED_GROUPS = frozenset({"REB", "PRM", "UAF", "CRM"})


def to_their_states(
    events: list[Event], doc: Doc, by_token: Mapping[int, Sequence[ActorRef]]
) -> list[Event]:
    """``events`` with each release of foreigners made to their state's government."""
    armed = _armed_sides(events)
    return [_event(e, doc, by_token, armed) for e in events]


def _armed_sides(events: list[Event]) -> set[str]:
    """The countries whose side in the report is an armed group: those most often acting
    through a group, not a state organ (the first named on a tie). The people such a side
    gets back are released to no government, and stay as they are."""
    sectors: dict[str, Counter[str]] = {}
    for e in events:
        for a in e.actors:
            if a.country and a.sector:
                sectors.setdefault(a.country, Counter())[a.sector] += 1
    return {c for c, n in sectors.items() if n.most_common(1)[0][0] in ARMED_GROUPS}


def _event(
    event: Event, doc: Doc, by_token: Mapping[int, Sequence[ActorRef]], armed: set[str]
) -> Event:
    if (event.type, event.mode) != ("RETREAT", "release") or not event.mentions:
        return event
    captors = {a.country for a in event.actors if _state_of(a)}
    freed = [r for r in event.recipients if _state_of(r)]
    if not freed:
        freed = _named_in_object(event, doc, by_token, captors)
    foreign = [r for r in freed if r.country not in captors and r.country not in armed]
    if not foreign:
        return event
    actors = event.actors
    where = event.place
    if not captors and where is not None and where.country and _agentless(event, doc):
        if all(r.country != where.country for r in foreign):
            # "was freed in Uganda": no agent named, freed abroad by the state it happened in.
            actors = [with_sector(state_ref(where.country, where.name), "GOV")]
    states: dict[str, ActorRef] = {}
    for r in foreign:
        iso = r.country or ""
        # The state the freed are released to, not the freed themselves renamed.
        states.setdefault(iso, with_sector(state_ref(iso, r.text), "GOV"))
    # The freed of the captor's own country beside foreigners are a misreading (the jails'
    # nationality read as the prisoners'): the release is made to the other side.
    return with_participants(event, actors, list(states.values()))


def _agentless(event: Event, doc: Doc) -> bool:
    """Whether the release is told in the passive with no agent ("was released in ...")."""
    span = trigger_span(event, doc)
    if span is None:
        return False
    verb = span.root
    deps = {c.dep_ for c in verb.children}
    return "nsubjpass" in deps and "agent" not in deps


def _state_of(ref: ActorRef) -> bool:
    return bool(ref.country) and ref.country not in NON_STATES


def _named_in_object(
    event: Event, doc: Doc, by_token: Mapping[int, Sequence[ActorRef]], captors: set[str]
) -> list[ActorRef]:
    span = trigger_span(event, doc)
    if span is None:
        return []
    # "announced the release of two citizens": the freed hang on the event noun.
    for noun in (n for t in span for n in _freed_nouns(t)):
        for t in noun.subtree:
            refs = [r for r in by_token.get(t.i, ()) if _state_of(r) and r.country not in captors]
            if refs:
                return refs[:1]
    return []


def _freed_nouns(trigger: Token) -> list[Token]:
    nouns = [c for c in trigger.children if c.dep_ in FREED_DEPS]
    # "freed a dozen captives ..., including Kenyan teachers": the parser may hang the list
    # of the freed on the verb.
    nouns += [
        g for c in trigger.children if c.dep_ == "prep" and c.lower_ in {"of", "including"}
        for g in c.children if g.dep_ == "pobj"
    ]  # fmt: skip
    return nouns
