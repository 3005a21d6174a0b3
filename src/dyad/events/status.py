"""Event status from the grammar around the trigger: occurred, planned, negated, hypothetical."""

from __future__ import annotations

from spacy.tokens import Token

FUTURE_AUX = {"will", "shall", "'ll", "wo"}
MODAL_AUX = {"could", "might", "may", "would", "should", "can", "must"}
# Verbs and predicate adjectives whose complement is not yet done: "plans to visit",
# "is willing to release".
PLAN_VERBS = {
    "schedule", "plan", "expect", "set", "due", "intend", "prepare", "hope", "aim", "want",
    "seek", "anticipate", "propose", "arrange", "slate", "go",
    "willing", "prepared", "ready", "determined", "poised",
}  # fmt: skip
# "talks are expected to", "the visit is scheduled for": a noun subject's plan verbs.
PASSIVE_PLAN = {"schedule", "plan", "expect", "set", "due", "slate", "anticipate"}
NEGATING_VERBS = {
    "deny", "refuse", "decline", "fail", "cancel", "postpone", "call", "scrap", "delay", "suspend",
}  # fmt: skip
# Nouns whose infinitive is an act not yet done: "plans to send jets", "its readiness to
# talk". Not "decision to expel" (decided, usually done) nor "effort", "bid", "attempt"
# (tried, maybe done).
PLAN_NOUNS = frozenset({"plan", "intention", "intent", "readiness", "willingness", "commitment"})
PLAN_ADJECTIVES = {"upcoming", "planned", "forthcoming", "scheduled", "proposed", "future", "next"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}


def _clause_chain(tok: Token) -> list[Token]:
    """The trigger and the verbs it is the complement of ("scheduled to hold", "is to visit")."""
    chain = [tok]
    cur = tok
    for _ in range(4):
        noun_arg = cur.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"} and cur.pos_ == "NOUN"
        if (
            noun_arg
            and cur.dep_.startswith("nsubj")
            and cur.head.lemma_ not in PASSIVE_PLAN | NEGATING_VERBS
        ):
            break  # "Boluarte's visit aims to ...": the noun's own clause says nothing of it
        if cur.dep_ in {"xcomp", "ccomp", "conj", "pcomp", "acomp"} or noun_arg:
            head = cur.head
            if head.dep_ == "prep":
                head = head.head
            chain.append(head)
            if cur.dep_ == "ccomp":
                break
            cur = head
        else:
            break
    return chain


def status_of(trigger: Token, predicate: Token, *, said: bool = False) -> str:
    """Classify an event told by ``trigger`` (with ``predicate`` its verb, maybe a light verb).
    ``said``: the event is a said act (a request, an accusation, an offer), which a refusal
    or a denial of it does not undo ("refused the request": the request was made)."""
    tokens = [trigger] if trigger.i == predicate.i else [trigger, predicate]
    chain: list[Token] = []
    for t in tokens:
        chain.extend(c for c in _clause_chain(t) if c not in chain)
    negated = planned = hypothetical = False
    # "refused the request": the refusal, next in the chain, does not undo a said act.
    refused_noun = said and trigger.pos_ == "NOUN" and trigger.dep_ == "dobj"
    for i, t in enumerate(chain):
        kids = list(t.children)
        if any(k.dep_ == "neg" for k in kids):
            negated = True
        if (
            i > 0
            and t.lemma_ in NEGATING_VERBS
            and t.i != trigger.i
            and not (refused_noun and i == 1)
        ):
            # "denied that they met", "refused to meet", "called off the visit"
            if t.lemma_ != "call" or any(k.lower_ == "off" for k in kids):
                negated = True
        for k in kids:
            if k.dep_ in {"aux", "auxpass"} and k.lower_ in FUTURE_AUX:
                planned = True
            if k.dep_ == "aux" and k.lower_ in MODAL_AUX:
                hypothetical = True
            if k.dep_ == "mark" and k.lower_ in CONDITIONAL_MARKS:
                hypothetical = True
            if k.dep_ == "amod" and k.lower_ in PLAN_ADJECTIVES and t.pos_ == "NOUN":
                planned = True
        if i > 0 and t.lemma_ in PLAN_VERBS and t.i != trigger.i:
            planned = True
        if t.dep_ == "acl" and t.head.lemma_.lower() in PLAN_NOUNS:
            # "has no plans to send jets": the plan's negation is the act's
            planned = True
            if any(
                k.dep_ in {"neg", "det"} and k.lower_ in {"no", "not", "never"}
                for k in t.head.children
            ):
                negated = True
        if i > 0 and t.lemma_ == "be" and chain[i - 1].dep_ == "xcomp":
            planned = True  # "is to visit"
    if negated:
        return "negated"
    if planned:
        return "planned"
    if hypothetical:
        return "hypothetical"
    return "occurred"


def with_detector(
    detected: str | None, trigger: Token, predicate: Token, *, said: bool = False
) -> str:
    """The status of an event whose trigger the detector read as ``detected`` (None: no
    reading it is trusted with, see ``dyad.events.candidates.MODEL_STATUSES``).

    The detector reads unverified and conditional acts the grammar misses ("reportedly
    shelled"); what the grammar reads from marked words — a future ("will engage in talks"), a
    negation or a called-off plan ("postponed his visit") — it reads surely, and keeps."""
    grammar = status_of(trigger, predicate, said=said)
    if said and grammar == "occurred" and detected == "negated":
        return grammar  # the detector reads the refusal's negation into the refused request
    return detected if detected is not None and grammar == "occurred" else grammar
