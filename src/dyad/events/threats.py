"""Force held over another side's conduct is a threat.

"Would respond forcefully to any violation by the militia", "is prepared to intensify its
measures if the neighbour persists", "vowed to take measures in response to London's
expulsion of its attache", "the crime will not go unpunished": nothing has been done yet, and
what the report tells is the warning. Analysts code it THREATEN, occurred (the warning was
made). The words that carry these warnings ("respond", "measures", "steps", "retaliate") name
no act with a type of its own, are among the commonest words of news in their other senses,
and were missed by both the lexicon and the learned detector on most key THREATEN events of
the real-news sets. An act that has a type of its own ("would impose sanctions if", "will
strike if") keeps it, with its planned or conditional status (``dyad.ontology.
plover_rendering`` renders it THREATEN where PLOVER's convention is wanted).

So this is a trigger finder of its own: a word of response or retaliation, in a clause told
as future or readiness, with the marks of a warning aimed at a side: a condition on that
side's conduct ("if Cambodia persists"), a hostile act of it ("any violation", "any attack by
X"), or a response to an act of it ("in response to Britain's expulsion"); retaliation,
reprisals and punishment warn by themselves. Economic and civic futures have no side to warn
("would act decisively if inflation persists", "will respond swiftly to the earthquake").
The actor is the side that warns: the speaker of a reported warning ("the ministry said"),
else the subject of the warning itself; the recipient is the side warned (slot
``threatened``, read by ``threatened``).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dyad.events.lexicon import TriggerPattern
from dyad.events.status import CONDITIONAL_MARKS, FUTURE_AUX, NEGATING_VERBS
from dyad.events.told import REPORTING
from dyad.events.triggers import Found

# Verbs and nouns of a response to the other side; generic ones need a side to be aimed at.
RESPONSE_VERBS = frozenset({
    "respond", "react", "act", "retaliate", "avenge", "punish", "intensify", "escalate",
    "defend",
})  # fmt: skip
RESPONSE_NOUNS = frozenset({
    "measure", "step", "action", "response", "consequence", "repercussion", "retaliation",
    "reprisal", "countermeasure", "punishment", "price",
})  # fmt: skip
# Words that warn by themselves in a future frame ("vowed to retaliate", "will be punished").
WARNING_WORDS = frozenset({
    "retaliate", "avenge", "punish", "retaliation", "reprisal", "countermeasure",
    "punishment", "unpunished",
})  # fmt: skip
# What the other side may do that a warning answers.
HOSTILE_ACTS = frozenset({
    "attack", "aggression", "violation", "provocation", "incursion", "escalation", "attempt",
    "interference", "intrusion", "invasion", "misadventure", "strike", "expulsion",
})  # fmt: skip
# Words for a side, where no entity names one ("if the enemy attacks").
SIDE_NOUNS = frozenset({
    "enemy", "army", "military", "troop", "force", "militant", "rebel", "militia", "regime",
    "government", "aggressor", "adversary", "neighbour", "neighbor", "country", "jet",
    "ship", "vessel", "police", "soldier", "fighter",
})  # fmt: skip
# A state or its people named; a company, a club or a person is no side to warn with force.
STATE_ENTS = frozenset({"GPE", "NORP"})
# Verbs whose subject is the side a warning is for ("Israel will face consequences").
PAYING = frozenset({"pay", "face", "suffer"})
# People who say what others will do: a forecast, not a warning.
COMMENTATORS = frozenset({
    "analyst", "expert", "observer", "commentator", "economist", "scholar", "researcher",
    "pundit", "critic", "poll", "survey", "report", "media",
})  # fmt: skip
FUTURE = FUTURE_AUX | {"would"}
CONDITIONS = CONDITIONAL_MARKS - {"whether"}
VOWING = frozenset({"vow", "pledge", "promise", "swear"})
# Readiness of the side itself (``status.PLAN_VERBS`` also holds "want" and "expect").
READY = frozenset({"ready", "prepared", "poised", "determined", "willing"})
# Verbs of belief or forecast: what others think a side will do.
FORECASTING = frozenset({
    "fear", "believe", "expect", "speculate", "predict", "think", "doubt", "wonder", "ask",
    "estimate", "suspect", "assume", "worry",
})  # fmt: skip
# What a state defends by force: itself and its ground ("defend its industry" is trade).
DEFENDED = frozenset({
    "itself", "themselves", "territory", "border", "borders", "sovereignty", "country",
    "airspace", "waters", "homeland", "island", "islands", "land", "people", "nation",
})  # fmt: skip
# Conditions of play, not of conduct: "would respond if Brazil scored first".
PLAY = frozenset({"score", "win", "lose", "beat", "play"})
# Verbs that tell a warning: said, warned, vowed, or denied it.
TELLING = REPORTING | VOWING | {"threaten", "deny", "insist", "announce"}
# The vow or the warning verb is the threat's word where there is one, as analysts and the
# training data mark it ("vowed to retaliate"); under a plain speech verb the response is.
WARNING_VERBS = VOWING | {"warn", "threaten"}

# A warning's Found carries its word of response as ``obj``, the word the pattern requires.
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


def threats(sent: Span) -> list[Found]:
    """The warnings of ``sent``, one per clause that tells one; each Found's ``status`` is
    the warning's own (``negated`` when denied), never its content's future."""
    out: list[Found] = []
    told: set[int] = set()  # the clauses already read, by their verb
    for tok in sent:
        verb = _verb_of(tok)
        if verb is None or verb.i in told or not _future(verb):
            continue
        teller = _teller(verb)
        words = _path(tok, teller)
        if _negated(tok, verb, words) or not (_warns(tok) or _aimed(tok, verb, teller)):
            continue
        if _asked(verb, teller) or (teller.i != verb.i and _commentator(teller)):
            continue
        predicate = _actor_verb(verb, teller)
        trigger = teller if teller.lemma_.lower() in WARNING_VERBS else tok
        if any(f.trigger.i == trigger.i for f in out):
            continue
        told.add(verb.i)
        pattern = PATTERN.model_copy(update={"lemma": trigger.lemma_.lower()})
        status = "negated" if teller.lemma_.lower() in NEGATING_VERBS else "occurred"
        out.append(Found(trigger, predicate, pattern, tok, status=status))
    return out


def path(found: Found) -> list[Token]:
    """The words of a warning from its word of response up to the verb that tells it: a vow
    or a planned act read on them ("vowed to take measures", "would be punished") is the
    warning itself."""
    word = found.obj if found.obj is not None else found.trigger
    return _path(word, _teller(_verb_of(word) or word))


def threatened(found: Found) -> list[Token]:
    """The side warned: the subject of the condition ("if the neighbour persists"), the
    agent or owner of the act the warning answers ("any violation by the militia", "in
    response to London's expulsion"), who is to pay or be punished."""
    word = found.obj if found.obj is not None else found.trigger
    verb = _verb_of(word) or word
    side = _condition_side(verb)
    if side is not None:
        return [side]
    for act in _hostile_acts(verb):
        owners = _owners(act)
        if owners:
            return owners
    if verb.lemma_.lower() in PAYING or word.lemma_.lower() == "punish":
        return [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}][:1]
    return []


def _verb_of(tok: Token) -> Token | None:
    """The verb whose future the word's response is told in: the word itself, the verb a
    response noun is the object or subject of ("will take measures", "steps would be
    announced"), or "go" in "will not go unpunished"."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and lemma in RESPONSE_VERBS:
        return tok
    if (
        tok.pos_ == "NOUN"
        and lemma in RESPONSE_NOUNS
        and tok.dep_ in {"dobj", "nsubj", "nsubjpass"}
    ):
        return tok.head if tok.head.pos_ in {"VERB", "AUX"} else None
    if tok.lower_ == "unpunished" and tok.dep_ == "acomp":
        return tok.head
    return None


def _future(verb: Token) -> bool:
    """Told as to come: a future or conditional auxiliary, or the complement of readiness
    or of a vow ("is prepared to", "vowed to"); "would have retaliated" is what did not
    happen, and "wanted to" or "is expected to" tell no readiness of the side."""
    aux = [c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(a in FUTURE for a in aux):
        return not ("have" in aux and verb.tag_ == "VBN")
    head = verb.head
    if verb.dep_ != "xcomp" or head.i == verb.i:
        return False
    return head.lower_ in READY or head.lemma_.lower() in VOWING


def _teller(verb: Token) -> Token:
    """The verb that tells the warning: the readiness or vow it completes ("is prepared to",
    "vowed to"), and the one verb of speech above that ("the ministry said"); never a verb
    it is only joined to ("shelled the post and said it would retaliate" is told by "said")."""
    t = verb
    while t.dep_ in {"xcomp", "acomp"} and t.head.i != t.i:
        t = t.head  # "is prepared to intensify": intensify -> prepared -> is
    if t.dep_ == "conj" and t.head.dep_ in {"ccomp", "parataxis"}:
        t = t.head  # "said he was ready to ... and would respond"
    if t.dep_ in {"ccomp", "parataxis"} and t.head.lemma_.lower() in TELLING:
        t = t.head
    return t


def _path(word: Token, teller: Token) -> list[Token]:
    """The words from ``word`` up to ``teller``, leaving out a clause the warning is only
    joined to ("said it shelled the post and would retaliate": not "shelled")."""
    out = [word]
    t = word
    while t.i != teller.i and t.head.i != t.i:
        if t.dep_ == "conj":
            return [*out, teller]
        t = t.head
        out.append(t)
    return out if t.i == teller.i else [word]


def _negated(word: Token, verb: Token, words: list[Token]) -> bool:
    """A warning said not to be one ("would not retaliate", "is not ready to", "will take no
    retaliatory measures"); "will not go unpunished" is a warning. ``verb``: the word's
    (``_verb_of``); ``words``: from the word up to the verb that tells it."""
    if any(c.dep_ == "det" and c.lower_ in {"no", "never"} for c in word.children):
        return True
    for s in verb.children:
        if s.dep_ in {"nsubj", "nsubjpass"} and (
            s.lower_ in {"none", "nobody", "neither"}
            or any(c.dep_ == "det" and c.lower_ in {"no", "neither"} for c in s.children)
        ):
            return True  # "no country will retaliate"
    for w in words:
        if word.lower_ == "unpunished" and w.i == word.head.i:
            continue  # "will not go unpunished"
        if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in w.children):
            return True
    return False


def _warns(word: Token) -> bool:
    return word.lemma_.lower() in WARNING_WORDS or word.lower_ == "unpunished"


def _aimed(word: Token, verb: Token, teller: Token) -> bool:
    """Whether a generic word of response is aimed at a side: its condition names one, it
    answers an act of one, or it is to be paid by one. A force adverb alone is not enough
    ("would respond forcefully to the locust invasion"), nor a response to what is no
    hostile act ("would respond to the proposal if Beijing sent it"), nor a defence of
    what is no ground ("would defend its industry if China floods the market")."""
    answered = [
        p
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "to"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    if answered and not any(a.lemma_.lower() in HOSTILE_ACTS for a in answered):
        return False
    defended = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.lemma_.lower() == "defend" and any(d.lower_ not in DEFENDED for d in defended):
        return False
    if _condition_side(verb) is not None:
        return True
    if any(_owners(a) or _any(a) for a in _hostile_acts(verb)):
        return True
    if verb.lemma_.lower() in PAYING and teller.i != verb.i:
        return any(_side(c) for c in verb.children if c.dep_ == "nsubj")
    return False


def _condition_side(verb: Token) -> Token | None:
    """The side a condition on the warning names: "if Cambodia persists in its attacks";
    a condition of play names none ("if Brazil scored first")."""
    for c in verb.children:
        if c.dep_ != "advcl" or not any(
            m.dep_ == "mark" and m.lower_ in CONDITIONS for m in c.children
        ):
            continue
        if c.lemma_.lower() in PLAY:
            continue
        for s in c.children:
            if s.dep_ in {"nsubj", "nsubjpass"} and _side(s):
                return s
    return None


def _hostile_acts(verb: Token) -> list[Token]:
    """Acts of the other side the warning answers: "respond to any violation", "in response
    to Britain's expulsion of its attache"."""
    out = []
    for c in verb.subtree:
        if c.pos_ != "NOUN" or c.dep_ not in {"pobj", "dobj"}:
            continue
        if c.lemma_.lower() in HOSTILE_ACTS or _in_response(c):
            out.append(c)
    return out


def _in_response(noun: Token) -> bool:
    """ "in response to X", "in retaliation for X"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    frame = prep.head
    return frame.lemma_.lower() in {"response", "retaliation", "reply"} and frame.dep_ == "pobj"


def _any(act: Token) -> bool:
    return act.lemma_.lower() in HOSTILE_ACTS and any(
        c.dep_ == "det" and c.lower_ == "any" for c in act.children
    )


def _owners(act: Token) -> list[Token]:
    """Whose act it is: "Britain's expulsion", "any violation by Hezbollah", "any North
    Korean provocation"."""
    out = [c for c in act.children if c.dep_ == "poss" and _side(c)]
    out += [
        p
        for c in act.children
        if c.dep_ in {"prep", "agent"} and c.lower_ == "by"
        for p in c.children
        if p.dep_ == "pobj" and _side(p)
    ]
    out += [c for c in act.children if c.dep_ in {"amod", "compound"} and c.ent_type_ in STATE_ENTS]
    return out


def _side(tok: Token) -> bool:
    """A state, its forces or an armed group: "Cambodia", "Ethiopian forces", "the rebels"."""
    if tok.ent_type_ in STATE_ENTS or tok.lemma_.lower() in SIDE_NOUNS:
        return True
    return any(c.dep_ in {"amod", "compound"} and c.ent_type_ in STATE_ENTS for c in tok.children)


def _commentator(teller: Token) -> bool:
    """ "Analysts said Iran would retaliate": a forecast by onlookers, no warning."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in COMMENTATORS for c in teller.children)


def _asked(verb: Token, teller: Token) -> bool:
    """ "Refused to say whether Japan would retaliate", "asked if Iran would respond", "Will
    Iran retaliate?", "experts fear Iran will retaliate", "..., according to analysts": a
    question or a forecast about a warning, none made."""
    if verb.sent.text.rstrip().endswith("?"):
        return True
    if any(
        c.dep_ in {"mark", "advmod"} and c.lower_ in {"whether", "if", "how"} for c in verb.children
    ):
        return True
    heads = {teller.lemma_.lower(), verb.lemma_.lower(), verb.head.lemma_.lower()}
    if heads & FORECASTING:
        return True  # "experts fear Iran will retaliate", "..., state media speculated"
    for t in (verb, teller):
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "according":
                if any(g.lemma_.lower() in COMMENTATORS for g in c.subtree):
                    return True
    return teller.dep_ == "xcomp" and teller.head.lemma_.lower() in NEGATING_VERBS


def _actor_verb(verb: Token, teller: Token) -> Token:
    """The verb whose subject is the side that warns: the teller's ("the ministry said"), or
    the warning's own when it names a state the speaker speaks of ("diplomats said Russia
    would respond forcefully": Russia warns)."""
    if verb.lemma_.lower() in PAYING or any(c.dep_ == "auxpass" for c in verb.children):
        return teller  # "Russia will face consequences", "Iran would be punished": the warned
    own = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if own is not None and own.ent_type_ in STATE_ENTS and teller.i != verb.i:
        speaker = next((c for c in teller.children if c.dep_ == "nsubj"), None)
        if speaker is None or speaker.ent_type_ not in STATE_ENTS:
            return verb
    return teller
