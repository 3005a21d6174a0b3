"""A crowd out for its government, or celebrating, is not protesting.

PLOVER's PROTEST is collective action *against* its recipient. News uses the same verbs for
crowds on the other side: "supporters of Arce flooded into the plaza" (the president's own
backers, on the day of a coup attempt), "the crowds that poured into the streets celebrated
the news". Both read as protests by trigger word alone. Supporters of someone out of power
("Bolsonaro supporters rioted", "supporters of Imran Khan rallied") do protest, so the
supported person decides: a holder of government office that day makes the crowd his.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Token

from dyad.records import ActorRef

SUPPORTERS = frozenset({"supporter", "loyalist", "backer"})
# Verbs a crowd in the same clause does instead of protesting.
CELEBRATING = frozenset({"celebrate", "cheer", "rejoice", "hail"})


def in_favour(
    pred: Token, subject: Token | None, refs: Callable[[Iterable[Token]], list[ActorRef]]
) -> bool:
    """Whether a protest verb's crowd (``subject``) backs the government or celebrates.
    ``refs`` resolves tokens to the document's actors."""
    if subject is None:
        return False
    if _celebrates(pred, subject):
        return True
    if subject.lemma_.lower() not in SUPPORTERS:
        return False
    backed = [c for c in subject.children if c.dep_ in {"poss", "compound"}] + [
        g for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
    ]
    return any(r.sector == "GOV" for r in refs(backed))


def _celebrates(pred: Token, subject: Token) -> bool:
    """The crowd's clause says it celebrated: the protest verb's conjuncts, or the verb of
    which the crowd (described by the protest verb) is the subject."""
    verbs = [pred, *(c for c in pred.children if c.dep_ in {"conj", "advcl", "xcomp"})]
    if pred.dep_ == "relcl" and pred.head.i == subject.i:
        verbs.append(subject.head)
    return any(v.lemma_.lower() in CELEBRATING for v in verbs)
