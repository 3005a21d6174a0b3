"""Joint acts told with no side: the report's two sides did them.

A report of talks, a truce or a deal names its two sides in the lede and then tells the
joint acts with no side at all: "a deal was signed late on Friday", "a ceasefire was agreed
at dawn", "will meet again next month". An analyst codes those to the two sides, as the
report means them; with no participant, Dyad would drop them. Only new acts both sides do
together are given sides so: a raid or a clash told with no doer, or "after the talks"
(talks already told), is not."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dyad.actors.sides import as_place, political_sides, sides
from dyad.events.candidates import sure
from dyad.events.clauses import subject_of
from dyad.events.identity import implied
from dyad.events.triggers import Found
from dyad.records import ActorRef

# Acts two sides can do together in peace. Fighting told with no side ("clashes erupted")
# is left alone: on the real-news dev articles the one such act given the report's sides was
# a clash of others, in a protest the report only mentioned.
JOINT_TYPES = frozenset({"CONSULT", "AGREE", "SUPPORT", "CONCEDE", "RETREAT", "COOPERATE"})
# Nouns naming what two sides make or keep together, and the verbs that make one: "signed
# the accord", "a truce was agreed"; praise of a deal ("the deal was hailed") is no joint act.
PACTS = frozenset({
    "deal", "agreement", "accord", "treaty", "pact", "ceasefire", "cease-fire", "truce",
    "armistice", "memorandum", "roadmap",
})  # fmt: skip
PACT_VERBS = frozenset({
    "sign", "ink", "seal", "conclude", "reach", "strike", "agree", "finalise", "finalize",
})  # fmt: skip
JOINT_MODES = frozenset({"ceasefire"})
# Meetings with a direction: a visitor and a host, a caller and the one called.
DIRECTED_MODES = frozenset({"visit", "phone"})
# A joint act done or to be done; one denied, doubted or in the report's background is not
# given sides it never names.
JOINT_STATUSES = frozenset({"occurred", "planned"})
# Determiners of an act noun told before ("after the talks", "their first meeting"): the
# act is one already coded, or a kind of act, not a new one of the sides.
TOLD_BEFORE = frozenset({"the", "this", "that", "these", "those"})
# Subjects that stand for a thing or an act, never for the sides.
THING_PRONOUNS = frozenset({"it", "this", "that", "which"})


def joint_sides(
    f: Found, role: str, status: str, doc: Doc, by_token: dict[int, list[ActorRef]]
) -> list[ActorRef]:
    """The actors of ``f``, an act told with no side, when it is a joint act of the
    report's two sides (``report_sides``); none for any other act."""
    if role == "background" or status not in JOINT_STATUSES or not sure(f):
        return []
    return report_sides(doc, by_token, f.trigger.sent) if joint_act(f) else []


def joint_act(f: Found) -> bool:
    """Whether ``f`` is a new act two sides do together: a meeting or talks (the lexicon's
    and the detector's reciprocal patterns), a ceasefire, or the making of a pact."""
    if f.pattern.type not in JOINT_TYPES or f.pattern.mode in DIRECTED_MODES:
        return False
    trig = f.trigger
    if trig.pos_ in {"NOUN", "PROPN"} and (_told_before(trig) or _kind(trig)):
        return False
    subject = subject_of(f.predicate)
    if subject is not None and subject.lower_ in THING_PRONOUNS:
        return False  # "it was meeting number three": the meeting told, described
    if f.pattern.reciprocal or f.pattern.mode in JOINT_MODES or trig.lemma_.lower() in PACTS:
        return True
    if trig.lemma_.lower() not in PACT_VERBS:
        return False
    made = [*([f.obj] if f.obj is not None else []), *trig.children]
    made += [g for c in trig.children if c.dep_ == "prep" for g in c.children]
    return any(w.lemma_.lower() in PACTS for w in made)


def _told_before(noun: Token) -> bool:
    if noun.dep_ == "attr":
        return True  # "it was their third meeting this year": a meeting told, described
    return any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in TOLD_BEFORE) for c in noun.children
    )


def _kind(noun: Token) -> bool:
    # "regular visits between the leaders": a plural act noun names a kind or a series of
    # acts; "talks" is the one plural that names a single act.
    return noun.tag_ in {"NNS", "NNPS"} and noun.lemma_.lower() != "talk"


def report_sides(doc: Doc, by_token: dict[int, list[ActorRef]], sent: Span) -> list[ActorRef]:
    """The two sides the report has named up to the end of ``sent``, as states' organs
    ("Petro" and "the ELN" are COL GOV and COL REB), or none when two sides are not clear:
    a report of one state, or of many named about as often."""
    seen = [
        r for i in sorted(by_token) if i < sent.end and not as_place(doc[i]) for r in by_token[i]
    ]
    found = sides(seen, 2, clear=True)
    if political_sides(found):
        # Parties and legislators are the most named of a report on a state's politics
        # ("the two parties agreed on a budget"), not the sides of a pact or talks.
        return []
    return [implied(r.country, r.sector or "GOV") for r in found if r.country]
