"""Force or a penalty held over another side's conduct is a threat.

"Would respond forcefully to any violation", "is prepared to intensify its measures if the
neighbour persists", "vowed to take further measures in response to the expulsion", "such
attacks will have serious consequences", "the crime will not go unpunished": nothing has been
done yet, and what the report tells is the warning. PLOVER codes it THREATEN, occurred (the
threat was made); the act named is its content, not a planned act of its own. Told without a
condition or a response ("said it would expel the envoy", "will deploy troops on Thursday")
the act is one announced for later and keeps its own type.

No verb of threat carries these sentences, and the words that do ("respond", "measures",
"steps") are the commonest words of news in their other senses, so the lexicon and the
learned detector miss them (on the real-news sets most key THREATEN events were found by
neither). This is a trigger finder of its own: a word of force or penalty, in a clause told
as future or readiness, with the marks of a warning (a condition, "any" violation, a
response, a force adverb, or a word that is a warning by itself). The actor is the one who
warns (the speaker of a reported warning); the recipient is the side whose conduct the
condition names (slot ``threatened``, read by ``threatened``).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dyad.events.lexicon import TriggerPattern
from dyad.events.status import NEGATING_VERBS, status_of
from dyad.events.triggers import Found

# Verbs of force or penalty a warning holds out; generic ones ("respond", "act") only with
# the marks of a warning.
FORCE_VERBS = frozenset({
    "respond", "react", "act", "retaliate", "strike", "hit", "punish", "avenge", "intensify",
    "escalate", "defend", "destroy", "crush", "annihilate", "sanction",
})  # fmt: skip
# Nouns of the same, the object or subject of a future verb ("will take measures", "further
# steps would be announced", "will have consequences", "will pay a heavy price").
FORCE_NOUNS = frozenset({
    "measure", "step", "action", "consequence", "repercussion", "retaliation", "reprisal",
    "countermeasure", "response", "price", "punishment",
})  # fmt: skip
# Words that are a warning by themselves, with no condition told.
WARNING_WORDS = frozenset({
    "retaliate", "avenge", "punish", "retaliation", "reprisal", "countermeasure",
    "consequence", "repercussion", "punishment", "unpunished",
})  # fmt: skip
# The marks of a warning on a generic word.
FORCE_ADVERBS = frozenset({
    "forcefully", "firmly", "decisively", "militarily", "harshly", "strongly", "resolutely",
    "severely", "swiftly", "robustly", "appropriately", "accordingly", "back",
})  # fmt: skip
FORCE_ADJECTIVES = frozenset({
    "retaliatory", "reciprocal", "punitive", "serious", "severe", "grave", "dire", "harsh",
    "decisive", "strong", "firm", "heavy", "tough",
})  # fmt: skip
HOSTILE_ACTS = frozenset({
    "attack", "aggression", "violation", "provocation", "incursion", "escalation", "attempt",
    "interference", "move", "act",
})  # fmt: skip
CONDITIONS = frozenset({"if", "unless", "should"})
FUTURE = frozenset({"will", "would", "shall", "'ll", "wo"})
# Frames of readiness: "is ready to", "vowed to", "pledged to".
READY = frozenset({"ready", "prepared", "willing", "determined", "poised"})
VOWING = frozenset({"vow", "pledge", "promise", "swear"})
WARNING_VERBS = VOWING | {"warn", "threaten"}
# Dependencies by which a clause reports up to the verb that tells it.
UPWARD = frozenset({"ccomp", "xcomp", "conj", "acomp", "advcl", "parataxis"})

# A warning's Found carries its word of force as ``obj``, the word the pattern requires.
PATTERN = TriggerPattern(
    id="threaten.warning",
    lemma="",
    pos="VERB",
    type="THREATEN",
    cameo="130",
    mode=None,
    actor=("subject",),
    recipient=("threatened",),
)
VIOLENCE = frozenset({"strike", "hit", "destroy", "crush", "annihilate", "defend"})
# Force verbs that are no ordinary response: readiness to do them is a warning.
PENALTIES = FORCE_VERBS - {"respond", "react", "act", "defend", "intensify", "escalate"}


def threats(sent: Span) -> list[Found]:
    """The warnings of ``sent``, one per clause that tells one."""
    out: list[Found] = []
    for tok in sent:
        verb = _verb_of(tok)
        if verb is None or not _future(verb) or not _warning(tok, verb):
            continue
        negated = any(c.dep_ == "neg" for c in verb.children)
        if negated and tok.lower_ != "unpunished":
            continue  # "would not retaliate" is no threat; "will not go unpunished" is one
        predicate = _teller(verb)
        mode = "violence" if tok.lemma_.lower() in VIOLENCE else None
        # "vowed to retaliate", "warned it would respond": the vow or the warning is the
        # threat's word, as analysts and the training data mark it; under a plain speech verb
        # ("said it would respond forcefully") the word of force is.
        trigger = predicate if predicate.lemma_.lower() in WARNING_VERBS else tok
        if any(f.trigger.i == trigger.i or _verb_of(f.obj) == verb for f in out if f.obj):
            continue
        pattern = PATTERN.model_copy(update={"lemma": trigger.lemma_.lower(), "mode": mode})
        out.append(Found(trigger, predicate, pattern, tok))
    return out


def warning_status(found: Found) -> str:
    """A warning was made (occurred) unless the verb that tells it says otherwise ("denied
    that it would retaliate"); its own future is the threat's content, not its status."""
    teller = found.predicate
    content = _content_verb(found)
    if teller.i == content.i:
        return "occurred"
    if teller.lemma_.lower() in NEGATING_VERBS - {"call"}:
        return "negated"  # "denied that it would retaliate"
    return status_of(teller, teller, said=True)


def path(found: Found) -> list[Token]:
    """The words from a warning's word of force up to the verb that tells it: a vow or a
    plan read on them ("vowed to take further measures") is the warning itself."""
    t = found.obj or found.trigger
    out = [t]
    while t.i != found.predicate.i and t.head.i != t.i:
        t = t.head
        out.append(t)
    return out


def threatened(found: Found) -> list[Token]:
    """The side whose conduct the warning is about: the subject of its condition ("if the
    neighbour persists"), the agent or owner of the act it answers ("any violation by the
    militia", "in response to London's expulsion"), or who is to be punished."""
    verb = _content_verb(found)
    trigger = found.obj or found.trigger
    for c in verb.subtree:
        if c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in CONDITIONS for m in c.children
        ):
            subjects = [s for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}]
            if subjects:
                return subjects
    for c in verb.subtree:
        if c.dep_ == "pobj" and (c.lemma_.lower() in HOSTILE_ACTS or _answered(c)):
            owners = [g for g in c.children if g.dep_ == "poss"]
            owners += [
                x
                for g in c.children
                if g.dep_ == "prep" and g.lower_ == "by"
                for x in g.children
                if x.dep_ == "pobj"
            ]
            if owners:
                return owners
    if trigger.lemma_.lower() in {"punish", "destroy", "crush", "sanction", "strike", "hit"}:
        return [c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}]
    return []


def _content_verb(found: Found) -> Token:
    word = found.obj or found.trigger
    return _verb_of(word) or word


def _verb_of(tok: Token) -> Token | None:
    """The verb whose future the word's act is told in: itself, or the verb a force noun is
    the object or subject of."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and lemma in FORCE_VERBS:
        return tok
    if tok.pos_ == "NOUN" and lemma in FORCE_NOUNS and tok.dep_ in {"dobj", "nsubj", "nsubjpass"}:
        return tok.head if tok.head.pos_ in {"VERB", "AUX"} else None
    if tok.lower_ == "unpunished" and tok.dep_ == "acomp":
        return tok.head
    return None


def _future(verb: Token) -> bool:
    """Whether ``verb`` is told as to come: a future or conditional auxiliary, or the
    complement of readiness or of a vow ("is prepared to", "vowed to")."""
    if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in FUTURE for c in verb.children):
        return True
    head = verb.head
    if verb.dep_ != "xcomp" or head.i == verb.i:
        return False
    return head.lower_ in READY or head.lemma_.lower() in VOWING


def _warning(tok: Token, verb: Token) -> bool:
    """Whether the word carries the marks of a warning, not of a plan ("respond to the
    letter next week", "take measures to boost growth")."""
    if tok.lemma_.lower() in WARNING_WORDS or tok.lower_ == "unpunished":
        return True
    words = {tok.i, verb.i}
    marks = [c for w in (tok, verb) for c in w.children]
    if any(c.dep_ == "advmod" and c.lower_ in FORCE_ADVERBS for c in marks):
        return True
    if tok.pos_ == "NOUN" and any(
        c.dep_ in {"amod", "compound"} and c.lower_ in FORCE_ADJECTIVES for c in tok.children
    ):
        return True  # "serious consequences", "retaliatory steps"
    if verb.dep_ == "xcomp" and verb.head.lower_ in READY and tok.lemma_.lower() in PENALTIES:
        return True  # "is ready to sanction", "prepared to strike": readiness is the warning
    for c in verb.subtree:
        if c.i in words:
            continue
        if c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in CONDITIONS for m in c.children
        ):
            return True
        if c.dep_ == "det" and c.lower_ == "any" and c.head.lemma_.lower() in HOSTILE_ACTS:
            return True
        if _answered(c):
            return True
    return False


def _answered(noun: Token) -> bool:
    """ "in response to", "in retaliation for": the noun the warning answers."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    frame = prep.head
    return frame.lemma_.lower() in {"response", "retaliation", "reply"} and frame.dep_ == "pobj"


def _teller(verb: Token) -> Token:
    """The verb that tells the warning: the speech verb it is reported by, the vow or the
    readiness it completes, or the verb itself."""
    t = verb
    while t.dep_ in UPWARD and t.head.i != t.i:
        t = t.head
    return t
