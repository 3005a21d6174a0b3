"""Judgements told as speech are accusations.

"The tariffs are illogical, the minister said", "a source said it was shocking that she ...",
"the UN rights chief said he was horrified by the air strike", "the ministry said the
remarks constitute unacceptable interference": officials disapprove of others' acts as
often by judging them as with a verb of disapproval, and analysts code both as ACCUSE
(disapprove) by the speaker against whoever the judgement is about. No speech verb carries
the event, and the judging word is an adjective or a noun the lexicon's verbs and event
nouns cannot hold, so this is a trigger finder of its own: a judging word (``JUDGEMENTS``)
in a clause reported by a speech verb, or a naming verb's complement ("called the move
unacceptable"); a word of dismay (``FEELINGS``) also stands alone ("was appalled by").
The speaker is the actor; the recipient is who the judged thing belongs to (slot
``judged``, read by ``judged``).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dyad.events.lexicon import TriggerPattern
from dyad.events.triggers import Found

# Words that condemn what they are said of. Kept to words whose only news sense is
# condemnation: "serious", "concerning" or "wrong" are as often about a situation.
JUDGEMENTS = frozenset({
    "unacceptable", "illogical", "shocking", "outrageous", "deplorable", "regrettable",
    "reprehensible", "irresponsible", "absurd", "disgraceful", "shameful", "appalling",
    "unjustified", "unjustifiable", "unjust", "illegitimate", "inadmissible", "intolerable",
    "scandalous", "despicable", "cowardly", "heinous", "abhorrent", "barbaric",
    "interference", "incompetence", "provocation", "meddling",
})  # fmt: skip
# Dismay at an act, the speaker's own: "said he was horrified by", "appalled at".
FEELINGS = frozenset({
    "horrified", "appalled", "dismayed", "outraged", "disgusted", "incensed", "sickened",
    "shocked", "angered",
})  # fmt: skip
SPEECH = frozenset({"say", "state", "tell", "add", "declare", "write", "insist", "stress", "note"})
# Verbs whose complement names their object ("called the tariffs illogical").
NAMING = frozenset({"call", "describe", "term", "label", "brand", "dub", "consider", "deem"})
# Dependencies through which a word belongs to the clause it judges in.
INSIDE = frozenset({"acomp", "attr", "amod", "dobj", "pobj", "prep", "nmod", "conj", "oprd"})
# Prepositions that introduce what dismay is about ("horrified by", "appalled at").
CAUSES = frozenset({"by", "at", "over", "with", "about"})
EXPLETIVES = frozenset({"it", "there", "this"})

PATTERN = TriggerPattern(
    id="accuse.judgement",
    lemma="",
    pos="VERB",
    type="ACCUSE",
    cameo="111",
    mode="disapprove",
    actor=("subject",),
    recipient=("judged",),
)


def judgements(sent: Span) -> list[Found]:
    """The judgements of ``sent``, one per speech (the first judging word it reports)."""
    out: list[Found] = []
    for tok in sent:
        word = tok.lower_
        if word not in JUDGEMENTS and word not in FEELINGS:
            continue
        clause = _clause(tok)
        if clause is None or any(c.dep_ == "neg" for c in clause.children):
            continue
        speech = _speech(clause)
        if speech is None and word in FEELINGS:
            speech = clause  # "the minister was appalled by": the feeling is the report
        if speech is None or any(f.predicate.i == speech.i for f in out):
            continue
        out.append(Found(tok, speech, PATTERN.model_copy(update={"lemma": word}), None))
    return out


def judged(trigger: Token, predicate: Token) -> list[Token]:
    """The words naming what the judgement is about, whose participants are its targets."""
    if trigger.lower_ in FEELINGS:
        return [
            g
            for c in trigger.children
            if c.dep_ in {"agent", "prep"} and c.lower_ in CAUSES
            for g in c.children
            if g.dep_ == "pobj"
        ]
    if predicate.lemma_.lower() in NAMING:
        return [c for c in predicate.children if c.dep_ in {"dobj", "nsubjpass"}]
    clause = _clause(trigger)
    if clause is None:
        return []
    subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}]
    if subjects and subjects[0].lower_ not in EXPLETIVES:
        return _whose(subjects[0])
    # "it is shocking that she thought ...": the extraposed clause says whose act; "there
    # was incompetence on the part of police": the judged noun's own phrase says it.
    that = [
        s
        for c in [*clause.children, *trigger.children]
        if c.dep_ == "ccomp"
        for s in c.children
        if s.dep_ in {"nsubj", "nsubjpass"}
    ]
    return that[:1] or _whose(trigger.head if trigger.dep_ in {"nmod", "amod"} else trigger)


def _whose(noun: Token) -> list[Token]:
    """``noun`` and the words saying whose it is beyond its own modifiers: the agent of a
    participle on it ("the tariffs announced by Trump"), "on the part of police"."""
    out = [noun]
    out += [g for a in noun.subtree if a.dep_ == "agent" for g in a.children]
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "on":
            out += [
                x
                for part in c.children
                if part.lemma_.lower() == "part"
                for o in part.children
                if o.lower_ == "of"
                for x in o.children
            ]
    return out


def _clause(tok: Token) -> Token | None:
    """The verb of the clause ``tok`` judges in ("are" in "the tariffs are illogical")."""
    cur = tok
    for _ in range(6):
        if cur.pos_ in {"VERB", "AUX"}:
            return cur
        if cur.dep_ not in INSIDE or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _speech(clause: Token) -> Token | None:
    """The verb reporting ``clause``: a speech verb it is the complement of, or a naming
    verb whose object it judges."""
    if clause.lemma_.lower() in NAMING:
        return clause
    head = clause.head
    if clause.dep_ in {"ccomp", "parataxis"} and head.lemma_.lower() in SPEECH:
        return head
    if clause.dep_ in {"oprd", "xcomp", "ccomp"} and head.lemma_.lower() in NAMING:
        return head
    return None
