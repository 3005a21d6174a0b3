"""The country a group is said to be in or from: "demonstrators in Baghdad", "officials from
Tehran and Riyadh", "inhabitants of the Syrian Golan Heights"."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from dyad.actors import phrases
from dyad.actors.lexicon import Lexicon

LOCATING_PREPS = frozenset({"in", "from", "of"})


def place_country(lex: Lexicon, tok: Token, name: str) -> str | None:
    """The country a place name at ``tok`` (whose entity text is ``name``) stands for: a
    country's name or word, else the gazetteer's reading of a place entity ("Baghdad",
    "Hong Kong")."""
    from dyad.where import gazetteer

    iso = lex.country_of_word(name) or lex.country_of_word(tok.text)
    # The recogniser misses many towns ("officials in Kharkiv"): a proper noun said as a
    # place is looked up too.
    if iso is None and (
        tok.ent_type_ in {"GPE", "LOC"} or (tok.pos_ == "PROPN" and phrases.placed(tok))
    ):
        place = gazetteer().lookup(name)
        iso = place.country if place else None
    return iso


def located(lex: Lexicon, tok: Token, ent_text: Callable[[Token], str]) -> list[str]:
    """The countries of the places ``tok`` is said to be in or from. A plural group may be
    from several ("delegations from Russia and Ukraine met": each state's delegation is a
    party to the meeting); one person or body is from the first place named."""
    plural = tok.tag_ in {"NNS", "NNPS"}
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in LOCATING_PREPS:
            continue
        for p in c.children:
            if p.dep_ != "pobj":
                continue
            found: list[str] = []
            for place in [p, *p.conjuncts] if plural else [p]:
                iso = _country(lex, phrases.named_place(place), ent_text)
                if iso and iso not in found:
                    found.append(iso)
            if found:
                return found
    return []


def _country(lex: Lexicon, p: Token, ent_text: Callable[[Token], str]) -> str | None:
    iso = place_country(lex, p, ent_text(p))
    if iso is None:
        # "inhabitants of the Syrian Golan Heights": the place's own nationality.
        iso = next(
            (
                c
                for m in p.children
                if m.dep_ in {"compound", "amod"}
                for c in [lex.country_of_word(m.text)]
                if c
            ),
            None,
        )
    return iso
