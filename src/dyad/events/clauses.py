"""Participants told inside a clause the trigger governs, not as its own argument.

"Mali's junta asked for the UN mission to leave", "the White House called for Congress to
pass the bill": the one asked is the subject of a for-to clause. The parser reads it two
ways, as the object of "for" with an infinitive hanging on it, or as the subject of an
adverbial clause that "for" marks; both are found here.
"""

from __future__ import annotations

from spacy.tokens import Token

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
