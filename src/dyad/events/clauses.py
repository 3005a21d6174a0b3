"""Participants found through the clauses around a trigger, not as its own arguments.

A predicate's subject is often told once for several clauses: inherited through xcomp,
conjunction and relative clauses, or held by whoever holds a plan ("Britain has no plans to
send troops").

"Mali's junta asked for the UN mission to leave", "the White House called for Congress to
pass the bill": the one asked is the subject of a for-to clause. The parser reads it two
ways, as the object of "for" with an infinitive hanging on it, or as the subject of an
adverbial clause that "for" marks; both are found here.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.actors import phrases
from dyad.article.roles import REPORTING_LEMMAS
from dyad.events.status import PLAN_NOUNS
from dyad.events.triggers import trigger_types

SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def for_to_subjects(pred: Token) -> list[Token]:
    """The subjects of for-to clauses under ``pred``."""
    out = []
    for c in pred.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children):
            out.extend(s for s in c.children if s.dep_ in SUBJECTS)
        elif c.dep_ == "prep" and c.lower_ == "for":
            out.extend(p for p in c.children if p.dep_ == "pobj" and _has_infinitive(p))
    return out


def _has_infinitive(noun: Token) -> bool:
    return any(
        v.dep_ in {"relcl", "acl"} and any(a.dep_ == "aux" and a.lower_ == "to" for a in v.children)
        for v in noun.children
    )


# The speech acts a speaker goes on to do after what was said.
GOES_ON_TO = frozenset({"ACCUSE", "REQUEST", "THREATEN", "REJECT", "SUPPORT"})


def _reporter_goes_on(verb: Token) -> bool:
    """Whether ``verb`` is a speech act the reporter goes on to do. "The envoy said two posts
    came under fire, and blamed the rebels for it": the parser hangs the second verb on the
    nearest one, inside what was said; a speech act after ", and" (an adverb may come
    between) with no subject of its own is the reporter's. Without the comma ("said police
    beat him and accused him of theft") the nearer reading stands."""
    first = verb.head
    if first.dep_ != "ccomp" or first.head.lemma_.lower() not in REPORTING_LEMMAS:
        return False
    k = verb.i - 1
    while k > 0 and verb.doc[k].dep_ == "advmod":  # ", and then accused"
        k -= 1
    if k < 1 or verb.doc[k].lower_ != "and" or verb.doc[k - 1].text != ",":
        return False
    return bool(trigger_types(verb) & GOES_ON_TO)


def _reported_before(clause: Token) -> Token | None:
    """The clause said just before ``clause`` to the same verb, when the parser made a list
    of acts reported together two clauses of the reporting verb, the second with no
    subject of its own ("the rebels said they took the airport, closed the roads")."""
    before = [
        c for c in clause.head.children
        if c.dep_ == "ccomp" and c.i < clause.i and any(s.dep_ in SUBJECTS for s in c.children)
    ]  # fmt: skip
    return before[-1] if before else None


# Acts whose subject judges a plan rather than holds it ("NATO condemned plans to send
# troops", "welcomed plans to"); any other verb's subject is taken to hold the plan it takes
# as object ("has plans to", "announced plans to", "are discussing plans to").
JUDGING = frozenset({"ACCUSE", "REJECT", "SUPPORT", "PROTEST", "REQUEST", "THREATEN"})


def subject_of(pred: Token) -> Token | None:
    """The subject of ``pred``, inherited through xcomp, conj and relative clauses."""
    cur = pred
    for _ in range(5):
        subj = [c for c in cur.children if c.dep_ in SUBJECTS]
        if subj and cur.i != pred.i and pred.dep_ == "advcl" and subj[0].dep_ == "nsubjpass":
            # "was attacked by militiamen, killing 156": the killers are the attackers.
            agents = [
                p for a in cur.children if a.dep_ == "agent"
                for p in a.children if p.dep_ == "pobj"
            ]  # fmt: skip
            if agents:
                return agents[0]
        if subj:
            if subj[0].lower_ in {"which", "that", "who"} and cur.dep_ == "relcl":
                return cur.head
            return subj[0]
        if cur.dep_ == "ccomp" and (pron := phrases.stranded_subject(cur)) is not None:
            return pron
        if cur.dep_ == "ccomp" and (sibling := _reported_before(cur)) is not None:
            cur = sibling  # "said they took the airport, closed the roads"
            continue
        if cur.dep_ == "conj" and _reporter_goes_on(cur):
            cur = cur.head.head  # the reporting verb, whose subject is the speaker
            continue
        if cur.dep_ == "xcomp" and (controller := _object_control(cur)) is not None:
            return controller  # "the price rise drove crowds to march on parliament"
        if cur.dep_ in {"xcomp", "conj", "advcl", "acomp"} and cur.head.i != cur.i:
            cur = cur.head
            continue
        if cur.dep_ == "pcomp" and cur.head.lower_ in ADJUNCT_PREPS and cur.head.head.i != cur.i:
            cur = cur.head.head  # "Britain reacted by suspending aid": Britain suspended it
            continue
        if cur.dep_ == "acl" and cur.head.lemma_.lower() in PLAN_NOUNS:
            plan = cur.head
            owners = [c for c in plan.children if c.dep_ == "poss"]
            if owners:
                return owners[0]  # "condemned Russia's plans to send troops": Russia's act
            if plan.dep_ == "dobj" and not trigger_types(plan.head) & JUDGING:
                cur = plan.head  # "Britain has no plans to send": the plan's holder
                continue
            return None  # "NATO condemned plans to send troops": whose plans is not said
        if cur.dep_ in {"relcl", "acl"}:
            return cur.head
        return None
    return None


# Prepositions of a gerund whose doer is the clause's subject ("responded by expelling",
# "after meeting", "without consulting"); not "of" or "for", whose gerund is often the
# object's act ("accused Russia of shelling", "condemned Israel for bombing").
ADJUNCT_PREPS = frozenset({"by", "after", "before", "while", "without", "upon", "since"})
# Verbs whose object does what their infinitive says ("prompted thousands to take to the
# streets", "forced the president to resign"); others keep their subject as its doer ("used
# drones to attack", "spent millions to support", "promised Kyiv to send").
OBJECT_CONTROL = frozenset({
    "force", "prompt", "lead", "cause", "push", "compel", "drive", "spur", "urge", "order",
    "ask", "tell", "encourage", "persuade", "pressure", "oblige", "invite", "allow", "permit",
})  # fmt: skip


def _object_control(clause: Token) -> Token | None:
    """The object of a verb of causing or asking, who is the one to do its infinitive."""
    head = clause.head
    if head.lemma_.lower() not in OBJECT_CONTROL:
        return None
    objs = [c for c in head.children if c.dep_ == "dobj" and c.i < clause.i]
    return objs[0] if objs else None


def blamed_on(act: Token) -> Token | None:
    """Who an act is blamed on, when it is the object of "blame": "blamed the assassination
    on organized crime" says the crime did it; the parser hangs "on" on the act or the verb."""
    if act.dep_ != "dobj" or act.head.lemma_.lower() != "blame":
        return None
    return next(
        (
            p
            for h in (act.head, act)
            for c in h.children
            if c.dep_ == "prep" and c.lower_ == "on"
            for p in c.children
            if p.dep_ == "pobj"
        ),
        None,
    )
