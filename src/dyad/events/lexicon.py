"""The trigger lexicon (``data/events/triggers.jsonl``), validated with pydantic on load."""

from __future__ import annotations

import csv
import functools
import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from dyad.errors import DataFileError
from dyad.ontology import cameo, cameo_for, data_text

# "dobj", "dative", "governor_subject", "for_subject", "poss", "poss_of" (the owner of a noun
# that has an "of" object), or a preposition ("with", ...)
Slot = str


class TriggerPattern(BaseModel):
    """One way of saying an event: a verb or event noun plus the conditions it needs."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    lemma: str
    pos: Literal["VERB", "NOUN"]
    type: str
    cameo: str
    mode: str | None = None
    # The verb needs a direct object with one of these lemmas ("express gratitude").
    object: tuple[str, ...] | None = None
    # The verb needs a subject with one of these lemmas, or of the people it counts
    # ("*protesters* converged", "*thousands* of students converged", "*troops* gathered").
    subject: tuple[str, ...] | None = None
    # The verb needs an infinitive complement with one of these lemmas ("invite to invest").
    xcomp: tuple[str, ...] | None = None
    # The verb may have no complement of these lemmas ("declined *to comment*").
    xcomp_not: tuple[str, ...] | None = None
    # Direct objects that make the verb no event ("released a statement", "released footage").
    object_not: tuple[str, ...] | None = None
    # The verb needs an infinitive complement of none of these lemmas: "vowed to bring the
    # hostages home" is a promise, "vowed to retaliate" (the same verb's ``xcomp``) a threat.
    xcomp_other: tuple[str, ...] | None = None
    # The verb needs one of these particles/prepositions ("call on").
    prep: tuple[str, ...] | None = None
    # Nouns: the verbs that make them an event ("hold talks", "pay a visit"); "prep:in"
    # means the noun is the object of that preposition on a verb ("in protest against"),
    # "call:for" of that preposition on that verb ("called for a strike").
    light: tuple[str, ...] | None = None
    # Nouns: a required modifier ("*hunger* strike", "*war* games").
    modifier: tuple[str, ...] | None = None
    # Speech verbs: a required modal in the reported clause ("said Sudan *must* return").
    ccomp_aux: tuple[str, ...] | None = None
    # True: the verb needs a direct object ("suggested talks", not "suggested that ..."); False:
    # it must have none ("demonstrated against", not "demonstrated their skills").
    transitive: bool | None = None
    # The verb is never a question here ("asked whether", "asked questions"): only a demand.
    demand: bool = False
    # True: the verb is aimed at nothing, or at the sea or space only ("fired a missile into
    # the sea", "test-fired a missile on Thursday"), not "fired missiles at Kyiv".
    aimless: bool | None = None
    actor: tuple[Slot, ...] = ("subject", "poss", "between")
    recipient: tuple[Slot, ...] = ()
    reciprocal: bool = False  # a compound subject with no recipient: all are actors
    inverse: bool = False  # the subject is the host: visitor = actor, host = recipient
    object_kind: Literal["actor", "person", "claim", "place"] | None = None

    @model_validator(mode="after")
    def _known_code(self) -> TriggerPattern:
        code = cameo(self.cameo)
        if code.plover != self.type:
            raise ValueError(f"CAMEO {self.cameo} is {code.plover}, not {self.type}")
        return self

    @property
    def specificity(self) -> int:
        conditions = (
            self.object, self.xcomp, self.prep, self.modifier, self.ccomp_aux, self.transitive,
            self.subject, self.aimless, self.xcomp_not, self.xcomp_other, self.object_not,
            self.object_kind,
        )  # fmt: skip
        return sum(x is not None for x in conditions)


@functools.cache
def patterns() -> dict[tuple[str, str], tuple[TriggerPattern, ...]]:
    """Patterns by (pos, lemma), most specific first."""
    out: dict[tuple[str, str], list[TriggerPattern]] = {}
    for n, line in enumerate(data_text("events", "triggers.jsonl").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            p = TriggerPattern.model_validate(json.loads(line))
        except (ValidationError, json.JSONDecodeError, DataFileError) as exc:
            raise DataFileError(f"dyad/data/events/triggers.jsonl line {n}: {exc}") from exc
        actor, recipient = state_act_slots(p.pos, p.lemma, p.actor, p.recipient)
        if (actor, recipient) != (p.actor, p.recipient):
            p = p.model_copy(update={"actor": actor, "recipient": recipient})
        out.setdefault((p.pos, p.lemma), []).append(p)
    return {k: tuple(sorted(v, key=lambda p: -p.specificity)) for k, v in out.items()}


@functools.cache
def topics() -> dict[str, tuple[str, str]]:
    """Topic word -> (topic, PLOVER context)."""
    rows = csv.DictReader(data_text("events", "topics.csv").splitlines())
    return {r["word"]: (r["topic"], r["context"]) for r in rows}


class _Generic(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    type: str
    pos: Literal["VERB", "NOUN"]
    # True: the verb needs a direct object ("suggested talks", not "suggested that ..."); False:
    # it must have none ("demonstrated against", not "demonstrated their skills").
    transitive: bool | None = None
    # The verb is never a question here ("asked whether", "asked questions"): only a demand.
    demand: bool = False
    # True: the verb is aimed at nothing, or at the sea or space only ("fired a missile into
    # the sea", "test-fired a missile on Thursday"), not "fired missiles at Kyiv".
    aimless: bool | None = None
    actor: tuple[Slot, ...] = ("subject", "poss", "between")
    recipient: tuple[Slot, ...] = ()
    reciprocal: bool = False


@functools.cache
def generic_patterns() -> dict[tuple[str, str], _Generic]:
    """Argument slots for a trigger the lexicon does not know (``events/generic.jsonl``):
    one entry per (type, part of speech), the slots the lexicon's entries of that type use
    most."""
    out: dict[tuple[str, str], _Generic] = {}
    for n, line in enumerate(data_text("events", "generic.jsonl").splitlines(), start=1):
        try:
            g = _Generic.model_validate(json.loads(line))
        except (ValidationError, json.JSONDecodeError) as exc:
            raise DataFileError(f"dyad/data/events/generic.jsonl line {n}: {exc}") from exc
        out[(g.type, g.pos)] = g
    return out


# Acts only a state does to a person ("the removal of the president", "the mayor's arrest"): the
# owner of such a noun is the one acted on, and a reaction to one whose agent goes untold is
# aimed at the state of the person acted on (``referents``).
STATE_ACTS = frozenset(
    {"removal", "ouster", "impeachment", "dismissal", "arrest", "detention", "jailing",
     "imprisonment", "incarceration", "conviction", "sentencing", "execution", "expulsion",
     "deportation", "extradition", "prosecution", "disqualification"}
)  # fmt: skip


def state_act_slots(
    pos: str, lemma: str, actor: tuple[Slot, ...], recipient: tuple[Slot, ...]
) -> tuple[tuple[Slot, ...], tuple[Slot, ...]]:
    """The slots of a state act's noun: its owner is the one acted on ("the mayor's arrest"),
    unless an "of" object names that one ("Iran's arrest of the envoy": Iran's act)."""
    if pos != "NOUN" or lemma not in STATE_ACTS:
        return actor, recipient
    actor = tuple("poss_of" if s == "poss" else s for s in actor)
    return actor, (*recipient, *(s for s in ("of", "poss") if s not in recipient))


@functools.cache
def generic_pattern(event_type: str, pos: str, lemma: str, mode: str | None) -> TriggerPattern:
    """A pattern for ``lemma`` as a trigger of ``event_type`` that the detector found."""
    g = generic_patterns()[(event_type, pos)]
    actor, recipient = state_act_slots(pos, lemma, g.actor, g.recipient)
    return TriggerPattern(
        id=f"detector.{event_type.lower()}",
        lemma=lemma,
        pos=g.pos,
        type=event_type,
        cameo=cameo_for(event_type, mode).code,
        mode=mode,
        actor=actor,
        recipient=recipient,
        reciprocal=g.reciprocal,
    )
