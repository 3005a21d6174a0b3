"""Joint acts told with no side: the report's two sides did them.

A report of talks, a truce or a deal names its two sides in the lede and then tells the
joint acts with no side at all: "a deal was signed late on Friday", "a ceasefire was agreed
at dawn", "will meet again next month". An analyst codes those to the two sides, as the
report means them; with no participant, Dyad would drop them. Only new acts both sides do
together are given sides so: a raid or a clash told with no doer, or "after the talks"
(talks already told), is not."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dyad.actors.sides import as_place, sides
from dyad.events.candidates import sure
from dyad.events.clauses import subject_of
from dyad.events.identity import implied
from dyad.events.triggers import Found
from dyad.events.voice import agents
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
# Verbs by which talks told before go on as a new session ("the talks will resume").
RESUMING = frozenset({"resume", "continue", "reopen", "reconvene"})
# Plural act nouns that name one act, not a kind or a series ("regular visits").
ONE_ACT_PLURALS = frozenset({"talk", "negotiation", "consultation", "discussion"})
# Verbs by which a pact's noun tells an act: made, or begun. "A ceasefire was violated" or
# "is in place" tells a pact that stands, not an act of the sides.
PACT_ACTS = frozenset({"take", "begin", "start", "come", "enter"})
# Subjects that stand for a thing or an act, never for the sides.
THING_PRONOUNS = frozenset({"it", "this", "that", "which"})
# Unresolved subjects that do stand for the sides ("the envoys will meet again"); any other
# ("shareholders", "ministers" of a union of many states) names who met, and they are not
# the report's two sides.
SIDE_WORDS = frozenset({
    "side", "party", "envoy", "delegation", "delegate", "negotiator", "representative",
    "official", "country", "nation", "government", "neighbour", "neighbor", "they", "both",
})  # fmt: skip
# Prepositions naming who took part in talks ("held with fishermen's groups", "between
# team officials").
PARTNERED = frozenset({"with", "between", "among"})
# Opening words of a sentence that turns to other news.
ASIDES = frozenset({"separately", "meanwhile", "elsewhere"})
# Organs that can be a side of a pact or talks; a club, a firm or a court is not, and a
# person or a word coded with no sector ("Brazil forward ...") is a label, not a side.
SIDE_SECTORS = frozenset({"GOV", "MIL", "REB", "PRM", "UAF", "COP", "SPY"})
# A state named as the one who brokers, mediates or hosts is no side.
MEDIATING = frozenset({"mediator", "broker", "mediate", "host", "facilitator", "sponsor"})


def joint_sides(
    f: Found, role: str, status: str, doc: Doc, by_token: dict[int, list[ActorRef]]
) -> list[ActorRef]:
    """The actors of ``f``, an act told with no side, when it is a joint act of the
    report's two sides (``report_sides``); none for any other act."""
    if role == "background" or status not in JOINT_STATUSES or not sure(f):
        return []
    subject = subject_of(f.predicate)
    if _aside(f.trigger.sent) or not joint_act(f, subject):
        return []
    # "Shareholders will meet", "was negotiated by intelligence services", "a meeting was
    # held with fishermen's groups": who took part is said, and they are not the sides.
    said = [subject] if subject is not None and subject.dep_ == "nsubj" else []
    said = [t for t in said if t.i != f.trigger.i]  # "the talks will resume": the act itself
    said += agents(f.predicate) + _with(f.predicate)
    if any(not by_token.get(t.i) and not _side_word(t) for t in said):
        return []
    return report_sides(doc, by_token, f.trigger.sent)


def joint_act(f: Found, subject: Token | None) -> bool:
    """Whether ``f`` is a new act two sides do together: a meeting or talks (the lexicon's
    and the detector's reciprocal patterns), a ceasefire, or the making of a pact.
    ``subject`` is the subject of ``f``'s predicate."""
    if f.pattern.type not in JOINT_TYPES or f.pattern.mode in DIRECTED_MODES:
        return False
    trig = f.trigger
    if trig.dep_ in {"acl", "relcl", "compound", "amod"}:
        return False  # "a ceasefire agreed in November has held": a description
    noun = trig.pos_ in {"NOUN", "PROPN"}
    if noun and (_told_before(trig, f.predicate) or _kind(trig) or _qualified(trig)):
        return False
    if subject is not None and subject.lower_ in THING_PRONOUNS:
        return False  # "This was agreed on Tuesday": a thing told, not the sides
    pact = trig.lemma_.lower() in PACTS or f.pattern.mode in JOINT_MODES
    if noun and pact:
        made = f.predicate.lemma_.lower()
        return f.predicate.i != trig.i and (made in PACT_VERBS or made in PACT_ACTS)
    if f.pattern.reciprocal or pact:
        return True
    if trig.lemma_.lower() not in PACT_VERBS:
        return False
    objs = [*([f.obj] if f.obj is not None else []), *trig.children]
    objs += [g for c in trig.children if c.dep_ == "prep" for g in c.children]
    return any(w.lemma_.lower() in PACTS for w in objs)


def _aside(sent: Span) -> bool:
    first = next((t for t in sent if not t.is_punct), None)
    opens_aside = first is not None and first.lower_ in ASIDES
    return opens_aside or sent.text.lower().startswith("in other news")


def _with(tok: Token) -> list[Token]:
    return [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in PARTNERED
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _side_word(tok: Token) -> bool:
    return tok.lemma_.lower() in SIDE_WORDS or tok.lower_ in SIDE_WORDS


def _told_before(noun: Token, predicate: Token) -> bool:
    if noun.dep_ == "attr":
        return True  # "it was their third meeting this year": a meeting told, described
    if predicate.lemma_.lower() in RESUMING:
        return False  # "the talks will resume next week": a new session
    return any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in TOLD_BEFORE) for c in noun.children
    )


def _kind(noun: Token) -> bool:
    return noun.tag_ in {"NNS", "NNPS"} and noun.lemma_.lower() not in ONE_ACT_PLURALS


def _qualified(noun: Token) -> bool:
    """ "a meeting of Caribbean leaders", "talks between team officials", "a cabinet
    meeting": the noun's own words say who met."""
    return any(
        (c.dep_ == "prep" and c.lower_ in PARTNERED | {"of"})
        or (c.dep_ == "compound" and c.pos_ == "NOUN")
        for c in noun.children
    )


def report_sides(doc: Doc, by_token: dict[int, list[ActorRef]], sent: Span) -> list[ActorRef]:
    """The two sides the report has named up to the end of ``sent``, as states' organs
    ("Petro" and "the ELN" are COL GOV and COL REB), or none when two sides are not clear:
    a report of one state, of many named about as often, or of sides no pact is made by."""
    seen = [
        r
        for i in sorted(by_token)
        if i < sent.end and not as_place(doc[i]) and not _mediating(doc[i])
        for r in by_token[i]
    ]
    found = sides(seen, 2, clear=True)
    if any(r.sector not in SIDE_SECTORS and r.resolved_by != "state" for r in found):
        # Parties and legislators are the most named of a report on a state's politics
        # ("the two parties agreed on a budget"), clubs and firms of a transfer or a merger.
        return []
    return [implied(r.country, r.sector or "GOV") for r in found if r.country]


def _mediating(tok: Token) -> bool:
    """ "Egyptian and Qatari mediators", "talks brokered by China", "Qatar hosted the talks"."""
    head = tok.head
    if tok.lemma_.lower() in MEDIATING or head.lemma_.lower() in MEDIATING:
        return True
    return head.dep_ == "agent" and head.head.lemma_.lower() in MEDIATING
