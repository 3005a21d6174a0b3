"""A definite organ noun that names no country refers back to the organ named before it:
"The Russian Foreign Ministry summoned the envoy ... The ministry demanded ...", "Ukraine's
army said ... The army said it had repelled ...". Wire copy names an organ in full once and
then by its head noun alone; the report's country (the fallback for a bare role noun) is
wrong whenever the report is about two states."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from spacy.tokens import Token

from dyad.records import ActorRef

DEFINITE = frozenset({"the", "this", "that"})
# "the country", "the nation": the state the report is about, as wire copy's second reference.
STATE_NOUNS = frozenset({"country", "nation"})


class Seen(Protocol):
    """An earlier mention: its resolved actor, whether it is a person, its head token."""

    ref: ActorRef
    is_person: bool
    head: int


def definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children)


def earlier_organ(tok: Token, history: Iterable[Seen]) -> ActorRef | None:
    """The nearest earlier mention, of a known country, of a body whose head noun is
    ``tok``'s ("ministry" for "the Russian Foreign Ministry"), when ``tok`` is a definite
    noun with no modifier of its own ("the ministry", not "the Canadian ministry")."""
    if not definite(tok) or any(c.dep_ in {"amod", "compound", "poss"} for c in tok.children):
        return None
    doc, lemma = tok.doc, tok.lemma_.lower()
    for seen in reversed(list(history)):
        if seen.head >= tok.i or seen.is_person or seen.ref.country is None:
            continue
        if doc[seen.head].lemma_.lower() == lemma:
            return seen.ref
    return None


def the_country(tok: Token) -> bool:
    """``tok`` is "the country" or "the nation" alone, a second reference to a state."""
    if tok.lemma_.lower() not in STATE_NOUNS or tok.tag_ != "NN" or not definite(tok):
        return False
    return all(c.dep_ in {"det", "punct"} for c in tok.children)
