"""A person's country told by the region they represent.

American copy names a legislator by the state they sit for, never by a nationality: "Rep.
Ken Buck of Colorado", "Sen. Rand Paul, a Kentucky Republican", "Montana Gov. Greg
Gianforte". The lexicon knows countries and their adjectives only; the gazetteer knows the
first-level regions (its US states), and such a region said of a person is their country.
Cities are left out: a city's name is too often a surname or a word ("Paul", "Buck").
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

MODIFIERS = frozenset({"compound", "amod", "nmod", "npadvmod"})


def region_country(head: Token, appositives: Iterable[Token] = ()) -> str | None:
    """The country of the region a person's phrase names: in an "of" phrase on the name,
    or as a modifier of the name or of a description in apposition."""
    places = [
        p
        for c in head.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    for h in (head, *appositives):
        # "Montana Gov. Greg Gianforte": the region may modify the title, not the name.
        places += [m for m in h.subtree if m.dep_ in MODIFIERS and m.i < h.i]
    for tok in places:
        iso = _region(tok)
        if iso is not None:
            return iso
    return None


def _region(tok: Token) -> str | None:
    from dyad.where import gazetteer  # the gazetteer imports the actor stage

    if tok.pos_ != "PROPN":
        return None
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    text = ent.text if ent is not None and ent.label_ in {"GPE", "LOC"} else tok.text
    hits = [e for _q, e in gazetteer().candidates(text) if e.feature == "region"]
    countries = {e.country for e in hits}
    return countries.pop() if len(countries) == 1 else None
