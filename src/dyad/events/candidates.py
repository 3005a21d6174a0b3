"""A sentence's trigger candidates: the lexicon's, the learned detector's, or both.

The lexicon is precise on the words it knows and blind to the rest; the detector
(``dyad.detector``) reads words it has never seen in context. Combined, the detector decides
whether and which type, and the lexicon supplies what it knows best: the argument slots and
the mode of its words, and the explanation ``--explain`` shows.
"""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Span, Token

from dyad.detector.model import WordScore
from dyad.events.lexicon import generic_pattern
from dyad.events.triggers import NON_PREDICATE_DEPS, Found, match, matches

Detection = Literal["rules", "model", "combined"]
DETECTIONS: tuple[Detection, ...] = ("rules", "model", "combined")
DEFAULT_DETECTION: Detection = "rules"

# Thresholds on the detector's calibrated probabilities, chosen on the dev batch (b06) of the
# training data and plover_dev; never on news_gold or the test batch.
ADD = 0.5  # a word the lexicon does not know becomes a trigger at this probability
KEEP = 0.05  # a lexicon trigger stands while the detector gives its type this much
DROP = 0.9  # ... and falls when the detector is this sure the word reports no event
RELABEL = 0.8  # ... or takes the detector's type when it is this sure of another one
# Light verbs the detector's nouns hang on ("held talks", "imposed sanctions"): a noun that
# is the object of any verb takes that verb as its predicate.
VERBAL = {"VERB", "AUX"}


def candidates(sent: Span, words: list[WordScore] | None, detection: Detection) -> list[Found]:
    """The triggers of ``sent``; ``words`` are the detector's scores for its words."""
    lexical = matches(sent)
    if detection == "rules" or words is None:
        return lexical
    at = {w.start: w for w in words}
    base = sent.start_char

    def score(tok: Token) -> WordScore | None:
        return at.get(tok.idx - base)

    out: list[Found] = []
    if detection == "combined":
        for f in lexical:
            w = score(f.trigger)
            if w is None or w.p(f.pattern.type) >= KEEP:
                out.append(f)
            elif w.type is not None and w.probability >= RELABEL:
                found = _from_detector(f.trigger, w)
                if found is not None:
                    out.append(found)
            elif w.types[0] < DROP:
                out.append(f)
    covered = {t.i for f in out for t in (f.trigger, f.predicate, f.obj) if t is not None}
    for tok in sent:
        w = score(tok)
        if w is None or w.type is None or w.probability < ADD or tok.i in covered:
            continue
        found = _from_detector(tok, w)
        if found is not None and found.predicate.i not in covered:
            out.append(found)
            covered.add(tok.i)
    return sorted(out, key=lambda f: f.trigger.i)


def _from_detector(tok: Token, w: WordScore) -> Found | None:
    """A trigger the detector found: the lexicon's pattern for the word as that type when it
    has one that fits, else the type's generic slots."""
    assert w.type is not None
    known = match(tok, only=w.type)
    if known is not None:
        if known.pattern.mode is None and w.mode is not None:
            known.pattern = known.pattern.model_copy(update={"mode": w.mode})
        return known
    if tok.pos_ in VERBAL or tok.tag_.startswith("VB"):
        return Found(tok, tok, generic_pattern(w.type, "VERB", tok.lemma_.lower(), w.mode), None)
    if tok.pos_ in {"NOUN", "PROPN", "ADJ"}:
        pattern = generic_pattern(w.type, "NOUN", tok.lemma_.lower(), w.mode)
        return Found(tok, _noun_predicate(tok), pattern, None)
    return None


def _noun_predicate(tok: Token) -> Token:
    """The verb that reports an event noun ("held talks", "sanctions were imposed", "went on
    strike"), or the noun itself ("after his arrest", "the talks between")."""
    head = tok.head
    if tok.dep_ in {"dobj", "nsubjpass"} and head.pos_ in VERBAL:
        return head
    if (
        tok.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.lower_ in {"on", "in", "into", "for"}
        and head.head.pos_ in VERBAL
    ):
        return head.head
    if tok.dep_ in NON_PREDICATE_DEPS and head.pos_ in VERBAL and tok.dep_ != "nsubj":
        return head
    return tok
