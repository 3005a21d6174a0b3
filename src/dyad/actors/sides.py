"""Who "both sides" and "the two parties" are: the report's main participants.

A report of a peace deal, a summit or a truce names its two sides many times and then
speaks of "both sides", "the two parties", "delegates from both sides". The sides are often
of one country (a government and its rebels: ``COL GOV`` and ``COL REB``), so they are told
apart by code, not by country; and the ones most named so far, not the last named, are the
sides: the mediator or the host city is named last ("talks in Pretoria mediated by the AU").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Token

from dyad.actors.match import NON_STATES
from dyad.records import ActorRef

# Heads that name the sides of a conflict or a negotiation when counted ("both sides",
# "the two parties to the conflict"); "party" only with what it is a party to, since "the
# two parties agreed on the budget" are political parties.
DISPUTES = frozenset({
    "conflict", "war", "talks", "negotiation", "dispute", "agreement", "deal", "accord",
    "truce", "ceasefire", "cease-fire", "fighting",
})  # fmt: skip


def side_noun(tok: Token) -> bool:
    """ "sides", or "parties" to or in a dispute."""
    lemma = tok.lemma_.lower()
    if lemma == "side":
        return True
    return lemma == "party" and any(
        p.lemma_.lower() in DISPUTES
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in {"to", "in", "of"}
        for p in c.children
        if p.dep_ == "pobj"
    )


# Parties that are political ones, told by a word on them or by the sides found.
POLITICAL_WORDS = frozenset({"political", "main", "major", "ruling", "opposition", "governing"})
POLITICAL_SECTORS = frozenset({"PTY", "OPP", "LEG"})
# A state's executive arms; its legislature or courts may be a side against its government.
EXECUTIVE_ORGANS = frozenset({"GOV", "MIL", "COP", "SPY"})


def counted_parties(tok: Token, size: int) -> bool:
    """ "the two parties", "both parties" with nothing saying what they are parties to:
    the sides, if the report's sides are no political parties (``political_sides``)."""
    return (
        bool(size)
        and tok.lemma_.lower() == "party"
        and tok.tag_ == "NNS"
        and not any(c.lower_ in POLITICAL_WORDS for c in tok.children)
    )


def political_sides(found: Sequence[ActorRef]) -> bool:
    """Whether sides found for "the two parties" are parties, legislators or an opposition:
    "the two parties agreed on the budget" are political parties, not a conflict's sides."""
    return any(r.sector in POLITICAL_SECTORS for r in found)


def as_place(tok: Token) -> bool:
    """ "talks in Havana", "in the South African capital": a state or city named where
    something happened is no side."""
    for _ in range(3):
        if tok.dep_ not in {"amod", "compound", "appos", "poss", "nmod"}:
            break
        tok = tok.head
    # Not "at": "fired rockets at Israel" names a side.
    return tok.dep_ == "pobj" and tok.head.lower_ == "in"


def sides(seen: Sequence[ActorRef], size: int, *, clear: bool = False) -> list[ActorRef]:
    """The ``size`` participants most often named in ``seen``, in the order they were first
    named (the first named breaking ties: a lede names the sides first), or none when fewer
    are known. With ``clear`` ("the countries", no number said), none unless the next one
    is named at most half as often as the last of them: a report of two states' summit
    names both far more than the others."""
    # A mediator or a body of many states (the AU, the UN) is no side.
    refs = [r for r in seen if r.country and r.code and r.country not in NON_STATES]
    # "Colombia" and "Colombia's government" are one side, and so are a state's army and
    # its officials ("Kyrgyz border guards", "Kyrgyz officials"): its rebels are another.
    codes = [r.code if r.sector else f"{r.country}GOV" for r in refs]
    keys = [
        r.country if (r.sector or "GOV") in EXECUTIVE_ORGANS else c
        for r, c in zip(refs, codes, strict=True)
    ]
    counts = Counter(keys)
    first: dict[str, int] = {}
    for i, k in enumerate(keys):
        first.setdefault(k, i)
    ranked = sorted(counts, key=lambda k: (-counts[k], first[k]))
    chosen = ranked[:size]
    if len(chosen) < size:
        return []
    if clear and len(ranked) > size and 2 * counts[ranked[size]] > counts[chosen[-1]]:
        return []
    by_code = Counter(codes)
    # A state's side is told by the organ named most ("border guards" in a border clash).
    return [
        refs[max((i for i, k in enumerate(keys) if k == side), key=lambda i: by_code[codes[i]])]
        for side in sorted(chosen, key=first.__getitem__)
    ]
