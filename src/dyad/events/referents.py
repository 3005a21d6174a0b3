"""Reactions to an act are aimed at whoever did it.

"The prime minister slammed the raid", "Taiwan denounced the exercises", "Amnesty criticised
the execution": the object of a condemnation, a rejection or a word of praise is often not a
participant but another act, told elsewhere in the report ("Police and prosecutors raided the
president's home"). Analysts code the reaction against that act's agents (``PER GOV`` →
``PER COP; PER JUD``). This pass finds the act the object names, by its agent ("a coup by
troops") or by an event of the document whose trigger is the same word or a form of it
("raided" for "the raid", "executed" for "the execution"), and takes that act's actors as
the reaction's recipients. A reaction whose text names a target keeps it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from dyad.actors.match import NON_STATES
from dyad.events.identity import implied, trigger_span, with_participants, with_sector
from dyad.events.judgements import FEELINGS, NAMING
from dyad.events.lexicon import STATE_ACTS, patterns
from dyad.events.reactions import RECEIVED_TYPES, RECEIVING
from dyad.events.states import bare_state
from dyad.records import ActorRef, Event

# Reactions whose object may be an act rather than a party. Praise is left out: its object
# is as often a deal the actor is party to ("signed the agreement") as an act of others.
REACTIONS = frozenset({"ACCUSE", "REJECT"})
# Prepositions that introduce the act reacted to when the verb takes none ("protested
# against the arrest", "outrage over the raid").
OBJECT_PREPS = frozenset({"against", "over", "at"})
# Two words name one act when one's lemma begins with this much of the other's ("executed" and
# "execution", "removed" and "removal"); shorter shared stems ("protest", "protection") do not.
STEM = 5
CONFIDENCE_REFERRED = 0.5
# Nouns that name whatever act the report has just told ("condemned the move", "called the
# development an outrage"); the act they stand for is the nearest forceful one told before.
GENERIC_ACTS = frozenset({
    "development", "move", "action", "step", "decision", "incident", "takeover", "act",
})  # fmt: skip
FORCEFUL = frozenset({"COERCE", "ASSAULT", "MOBILIZE", "SANCTION", "THREATEN"})


def aim_at_acts(
    events: list[Event], doc: Doc, by_token: Mapping[int, Sequence[ActorRef]]
) -> list[Event]:
    """``events`` with each reaction to an act aimed at that act's agents."""
    triggers = {id(e): trigger_span(e, doc) for e in events}
    out = []
    for e in events:
        span = triggers[id(e)]
        act = _drawn_by(span, e, events, triggers) if span is not None else None
        if act is not None:
            # "carried out an air strike, drawing condemnation from the UN": the reaction
            # the act drew is aimed at the act's agents.
            recipients = [
                _referred(a) for a in _as_states(act.actors) if a.code not in _codes(e.actors)
            ]
            if recipients:
                out.append(with_participants(e, e.actors, recipients))
                continue
        noun = _object(span.root) if e.type in REACTIONS and span is not None else None
        if noun is None:
            out.append(e)
            continue
        # A target named inside the act's own phrase is the act's patient ("the arrest of
        # the opposition leader", "Shekari's execution"): the reaction is aimed at the agent.
        phrase = doc[noun.left_edge.i : noun.right_edge.i + 1].text
        if any(not bare_state(r) and r.text not in phrase for r in e.recipients):
            out.append(e)
            continue
        agents = _agents_of(noun, e, events, triggers, by_token)
        agents = [_referred(a) for a in _as_states(agents)]
        if not agents and noun.lemma_.lower() in STATE_ACTS:
            # "criticized the removal of Castillo", told with no agent: the state that
            # removed him, the state of the person acted on.
            agents = _states_of(r for r in e.recipients if r.text and r.text in phrase)
        if not agents:
            out.append(e)
            continue
        recipients = [a for a in agents if a.code not in _codes(e.actors)]
        out.append(with_participants(e, e.actors, recipients) if recipients else e)
    return out


def _drawn_by(
    span: Span, reaction: Event, events: list[Event], triggers: Mapping[int, Span | None]
) -> Event | None:
    """The act whose clause a reaction was drawn in ("..., drawing condemnation", "...,
    sparking outrage"): the nearest other act told in the clause the participle hangs on."""
    noun = next((t for t in span if t.pos_ == "NOUN"), None)
    if noun is None or reaction.type not in RECEIVED_TYPES or noun.dep_ != "dobj":
        return None
    verb = noun.head
    if verb.lemma_.lower() not in RECEIVING or verb.dep_ not in {"advcl", "conj"}:
        return None
    clause = verb.head
    # The act of the clause the participle hangs on, not one told inside the participle's
    # own phrase ("drawing condemnation over the arrests"); the clause's own verb first.
    return _nearest_act(
        reaction,
        events,
        triggers,
        lambda e, t: (
            e.type not in RECEIVED_TYPES
            and t.sent == span.sent
            and all(a.i != verb.i and verb not in a.ancestors for a in t)
            and any(a.i == clause.i or clause in a.ancestors for a in t)
        ),
        first=lambda t: any(a.i == clause.i for a in t),
    )


def _nearest_act(
    reaction: Event,
    events: list[Event],
    triggers: Mapping[int, Span | None],
    fits: Callable[[Event, Span], bool],
    first: Callable[[Span], bool] = lambda t: False,
) -> Event | None:
    """The other act with actors, fitting ``fits``, told nearest the reaction (those
    ``first`` picks before the rest): a report recalls the act it has just described."""
    here = reaction.mentions[0].trigger_start
    acts = [
        (not first(t), abs(t.start_char - here), i, e)
        for i, e in enumerate(events)
        if e is not reaction and e.actors and (t := triggers[id(e)]) is not None and fits(e, t)
    ]
    return min(acts)[3] if acts else None


def _codes(refs: Sequence[ActorRef]) -> set[str]:
    return {r.code for r in refs}


def _object(t: Token) -> Token | None:
    """The noun the reaction is about: its object ("slammed the raid"), its passive subject
    ("the drills were denounced"), a preposition's object ("anger over the raid"), or what
    the reactor names it ("decried what he called a coup")."""
    for c in t.children:
        if c.dep_ in {"dobj", "nsubjpass"} and c.pos_ == "NOUN":
            return c
    for c in t.children:
        if c.dep_ in {"agent", "prep"} and c.lower_ == "by" and t.lower_ in FEELINGS:
            # "horrified by the air strike": what dismays is the act reacted to.
            for g in c.children:
                if g.dep_ == "pobj" and g.pos_ == "NOUN":
                    return g
        if c.dep_ == "prep" and c.lower_ in OBJECT_PREPS:
            for g in c.children:
                if g.dep_ == "pobj" and g.pos_ == "NOUN":
                    return g
        if c.dep_ == "ccomp" and c.lemma_ in NAMING:
            # "decried what he called an attempted coup": the object is the naming's.
            for g in c.children:
                if g.dep_ in {"oprd", "attr", "dobj"} and g.pos_ == "NOUN":
                    return g
    return None


def _agents_of(
    noun: Token,
    reaction: Event,
    events: list[Event],
    triggers: Mapping[int, Span | None],
    by_token: Mapping[int, Sequence[ActorRef]],
) -> list[ActorRef]:
    for c in noun.subtree:  # "an attempted coup by troops", "the execution of X by Y"
        if c.dep_ in {"agent", "prep"} and c.lower_ == "by":
            for g in c.children:
                refs = [r for r in by_token.get(g.i, ()) if r.code]
                if refs:
                    return list(refs)
    act = _nearest_act(
        reaction,
        events,
        triggers,
        lambda e, t: any(_same_act(w, noun) for w in t if w.pos_ in {"NOUN", "VERB"}),
    )
    if act is None and noun.lemma_.lower() in GENERIC_ACTS:
        # "New Zealand called the development an outrage": the forceful act told before.
        # Not one told in the reaction's own sentence: that is another reaction to it
        # ("Britain reacted by suspending aid, and New Zealand called the development ...").
        told = noun.sent.start_char
        act = _nearest_act(
            reaction,
            events,
            triggers,
            lambda e, t: e.type in FORCEFUL and t.start_char < told,
        )
    return list(act.actors) if act is not None else []


def _same_act(trigger: Token, noun: Token) -> bool:
    if trigger.i == noun.i:
        return False
    a, b = trigger.lemma_.lower(), noun.lemma_.lower()
    if a == b:
        return True
    n = min(len(a), len(b))
    if n >= STEM and a[:STEM] == b[:STEM]:
        return True
    # Reports vary the word for one act ("began drills", "denounced the exercises"): two
    # words the lexicon files under one type and mode name the same kind of act.
    return bool(_kinds(trigger.pos_, a) & _kinds("NOUN", b))


@functools.cache
def _kinds(pos: str, lemma: str) -> frozenset[tuple[str, str | None]]:
    """The (type, mode) the lexicon gives ``lemma`` with no condition attached: "hunger
    strike" or "express gratitude" say nothing of the bare word."""
    return frozenset(
        (p.type, p.mode) for p in patterns().get((pos, lemma), ()) if not p.specificity
    )


def _states_of(patients: Iterable[ActorRef]) -> list[ActorRef]:
    states = dict.fromkeys(
        r.country
        for r in patients
        if r.country and r.country not in NON_STATES and not bare_state(r)
    )
    return [implied(iso, "GOV", "government") for iso in states if iso]


def _as_states(agents: list[ActorRef]) -> list[ActorRef]:
    """Agents named as a state ("Utopia test-fired a missile", read as its forces for the
    launch) as that state's government: a reaction to what a state did ("condemned the
    launch") is aimed at the state, as analysts code it, while one to an act of its forces
    named as such ("condemned the army's air strikes") keeps the forces."""
    seen = {a.code for a in agents if not _named_state(a)}
    out: list[ActorRef] = []
    for a in agents:
        if _named_state(a):
            a = with_sector(a, "GOV")
            if a.code in seen:
                continue  # the state and its government named both: one side
            seen.add(a.code)
        out.append(a)
    return out


def _named_state(ref: ActorRef) -> bool:
    return ref.resolved_by == "state" and bool(ref.country) and ref.country not in NON_STATES


def _referred(ref: ActorRef) -> ActorRef:
    return replace(
        ref, resolved_by="coref", confidence=round(min(ref.confidence, CONFIDENCE_REFERRED), 3)
    )
