"""Acts told inside other acts of the same sentence, and which of the two is the event.

"Threatened to impose sanctions", "urged Iran to release", "agreed to cooperate": the inner
act is what was threatened, asked or promised, not an act of its own, so only the outer one
is coded. A protest's purpose ("blocked roads demanding his return") is part of the
protest. One exception: a meeting agreed to ("the two sides agreed to meet again in
August") is, by the convention the analysts' sets follow, the planned meeting itself
(CONSULT, planned), not a promise (AGREE).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dyad.events.triggers import Found, trigger_types
from dyad.ontology import cameo

# Verbs whose infinitive complement, when it is a meeting, is a meeting planned.
ARRANGING = frozenset({"agree", "decide", "arrange", "consent"})
# A meeting's own verbs; "agreed to resume talks" promises a process, and stays AGREE.
MEETING = frozenset({"meet", "visit", "hold", "host", "convene"})


# Words whose "of"/"for"/"with" phrase is what someone is blamed or punished for
# ("convicted of stabbing a guard", "found guilty of blocking a road", "accused of
# plotting attacks", "arrested for organising a protest"): the charge, not a report of it.
CHARGING = frozenset({
    "accuse", "convict", "charge", "guilty", "suspect", "arrest", "jail", "sentence",
    "imprison", "detain", "indict", "prosecute", "execute", "hang",
})  # fmt: skip


# Charging verbs whose object is the one charged, the charge hung on it ("accused the
# delegation of walking out"); an arrest's or a detention's object is a person, whose "of"
# phrase names who they are ("arrested the organisers of the protest").
ACCUSING = frozenset({"accuse", "suspect", "convict", "charge"})


# Nouns for those who do an act, which a detector may read as the act itself.
DOERS = frozenset({
    "protester", "demonstrator", "rioter", "marcher", "striker", "attacker", "gunman",
    "assailant", "militant", "rebel", "insurgent", "fighter", "mediator", "negotiator",
})  # fmt: skip
# The links from a charging word down to the act charged ("convicted of moharebeh, or
# 'fighting with God'").
CHARGE_DEPS = frozenset({"pcomp", "conj", "prep", "pobj", "advcl", "xcomp", "appos"})


def content_of_other(found: Found, triggers: set[int]) -> bool:
    """True when the trigger is the content of another trigger in the sentence:
    "threatened to impose sanctions", "urged Iran to release", "agreed to cooperate", or
    what someone is charged with ("convicted of blocking a street")."""
    t = found.predicate
    if charged_with(t):
        return True
    for _ in range(3):
        if t.dep_ not in {"xcomp", "ccomp", "conj"} or t.head.i == t.i:
            return False
        if t.dep_ != "conj" and t.head.i in triggers:
            return True
        t = t.head
    return False


def charged_with(t: Token) -> bool:
    """Whether ``t`` is inside what a charging word's "of"/"for"/"with" phrase names, also
    down a chain of clauses ("convicted of stabbing a guard and frightening people by
    blocking a street")."""
    for _ in range(6):
        if t.dep_ not in CHARGE_DEPS or t.head.i == t.i:
            return False
        if t.dep_ in {"pcomp", "pobj"} and t.head.lower_ in {"of", "for", "with"}:
            charging = t.head.head
            if charging.dep_ == "pobj" and charging.head.lower_ == "in":
                return False  # "the general in charge of the offensive"
            if charging.dep_ == "dobj" and t.tag_ == "VBG" and charging.head.lemma_ in ACCUSING:
                charging = charging.head  # "accused the other side of starting the fight"
            if charging.lemma_.lower() in CHARGING or any(
                c.lower_ == "guilty"
                for c in charging.children  # "found him guilty ... for"
            ):
                return True
        t = t.head
    return False


def purpose_of_other(found: Found, protests: set[int]) -> bool:
    """The purpose of a protest is what it says, not another act: "went on hunger strike
    to protest", "blocked a road to show their disapproval", "blocked roads demanding his
    return" are one protest."""
    t = found.predicate
    purpose = any(c.lower_ == "to" for c in t.children) or t.tag_ == "VBG"
    # The protest may be told as a noun the sentence does not report ("rioted following a
    # demonstration calling for his removal").
    protest_noun = t.head.pos_ == "NOUN" and "PROTEST" in trigger_types(t.head)
    # Material acts done while protesting ("marched, attacking police stations") are acts
    # of their own.
    said = found.pattern.type == "PROTEST" or cameo(found.pattern.cameo).quad_class in {1, 3}
    return (
        said and t.dep_ in {"advcl", "acl"} and (t.head.i in protests or protest_noun) and purpose
    )


def agreed_meetings(found: list[Found]) -> list[Found]:
    """``found`` with each meeting agreed to kept as a planned meeting in place of the
    agreement: "agreed to meet", "agreed to hold talks" (the light verb's object is the
    meeting noun)."""
    agreed: dict[int, Found] = {}
    for f in found:
        head = f.predicate.head
        if _meeting_arranged(f) and any(
            g.predicate.i == head.i and g.pattern.type == "AGREE" for g in found
        ):
            agreed[head.i] = f
    if not agreed:
        return found
    meetings = {id(f) for f in agreed.values()}
    return [
        replace(f, status="planned") if id(f) in meetings else f
        for f in found
        if not (f.pattern.type == "AGREE" and f.predicate.i in agreed)
    ]


def _meeting_arranged(found: Found) -> bool:
    """A meeting told as what a verb of arranging complements: "agreed to meet"."""
    pred = found.predicate
    return (
        found.pattern.type == "CONSULT"
        and pred.dep_ == "xcomp"
        and pred.lemma_.lower() in MEETING
        and pred.head.lemma_.lower() in ARRANGING
    )


def planned_meeting(found: Found) -> bool:
    """Whether ``found`` is a meeting ``agreed_meetings`` kept, to be coded though it is the
    content of the agreement."""
    return found.status == "planned" and _meeting_arranged(found)


def doer_of_other(found: Found, others: list[Found]) -> bool:
    """A word for the people who act ("protesters", "demonstrators") read as an event while
    it is the subject of another trigger of the sentence ("protesters blocked roads"): the
    act is the verb's, and the noun is its actor. Patients ("protesters were shot") and
    the noun's own verb ("protesters continued") keep it."""
    t = found.trigger
    return (
        t.pos_ == "NOUN"
        and t.lemma_.lower() in DOERS
        and t.dep_ == "nsubj"
        and any(o is not found and t.head.i == o.trigger.i for o in others)
    )
