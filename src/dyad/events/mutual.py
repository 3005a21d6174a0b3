"""Acts two sides do to each other: one event for each direction.

"Thailand and Cambodia accused each other of starting the clash", "Russia and Germany
expelled each other's diplomats": each side did the act to the other, so PLOVER's dyadic
coding (and the analysts' sets) has two directed events, A → B and B → A, where a compound
subject alone ("Thailand and Cambodia agreed") is one joint act with no recipient.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dyad.events.identity import with_participants
from dyad.events.lexicon import TriggerPattern
from dyad.records import ActorRef, Event

ARGUMENTS = frozenset({"dobj", "pobj", "poss", "nsubjpass"})
# Joint acts whose partner, told with "with", is a party as much as the subject ("Oman
# reached a truce with Yemen", "signed a deal with Egypt"): PLOVER codes both as actors and
# no recipient, as for "Oman and Yemen reached a truce". Meetings keep their direction (the
# visitor and the host), and so does a state that establishes ties with another (the one
# that moved).
JOINT_TYPES = frozenset({"AGREE", "CONCEDE", "COOPERATE"})
SIGNING = frozenset({"sign", "ink"})


def reciprocal(tok: Token) -> bool:
    """ "each other", "one another"."""
    return (tok.lower_ == "other" and any(c.lower_ == "each" for c in tok.children)) or (
        tok.lower_ == "one" and any(c.lower_ == "another" for c in tok.children)
    )


def _both_blame_the_other(predicate: Token, tok: Token) -> bool:
    """ "Both sides blamed the other", "each side accused the other"."""
    if tok.lower_ != "other" or not any(c.lower_ == "the" for c in tok.children):
        return False
    return any(
        s.dep_ == "nsubj" and any(m.lower_ in {"both", "each"} for m in s.children)
        for s in predicate.children
    )


def said_of_each_other(predicate: Token) -> bool:
    """Whether an argument of ``predicate`` is "each other" (or owned by it: "each other's
    diplomats"), directly or through a preposition ("clashed with one another"), or "the
    other" of "both sides"."""
    if any(c.dep_ == "dobj" and _both_blame_the_other(predicate, c) for c in predicate.children):
        return True
    for c in predicate.children:
        # The argument, what owns it ("each other's diplomats"), or a preposition's object;
        # not inside a complement ("agreed to help each other" is one joint promise).
        near = [c, *(g for g in c.children if g.dep_ == "poss")] if c.dep_ in ARGUMENTS else []
        if c.dep_ == "prep":
            near = [g for p in c.children for g in (p, *p.children)]
        if any(t.dep_ in ARGUMENTS and reciprocal(t) for t in near):
            return True
    return False


def each_way(events: list[Event], predicate: Token) -> list[Event]:
    """``events`` of one trigger, each act of two actors on each other split into its two
    directions."""
    if not said_of_each_other(predicate):
        return events
    out = []
    for e in events:
        if len(e.actors) != 2 or e.recipients:
            out.append(e)
            continue
        a, b = e.actors
        out.append(with_participants(e, [a], [b]))
        # Each direction its own mentions: a merge into one must not add to the other.
        back = with_participants(e, [b], [a])
        out.append(replace(back, mentions=[replace(m) for m in back.mentions]))
    return out


def joint_with(
    pattern: TriggerPattern, slot: str, actors: list[ActorRef], recipients: list[ActorRef]
) -> tuple[list[ActorRef], list[ActorRef]]:
    """The sides of a joint act told as "A ... with B": A and B both actors."""
    joint = pattern.type in JOINT_TYPES or (pattern.type == "SUPPORT" and pattern.lemma in SIGNING)
    if pattern.reciprocal and slot == "with" and joint and actors:
        return [*actors, *recipients], []
    return actors, recipients
