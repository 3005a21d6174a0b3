"""``dyad export --format polecat``: POLECAT's published event table, tab separated.

POLECAT (PLOVER-coded, NGEC pipeline) publishes weekly tab-separated files with a header row
of the 40 columns below, in this order; multi-valued cells join their values with ``; ``,
as POLECAT's do. One row per event: POLECAT, like PLOVER, keeps compound actors in one
record. Dyad's link counts follow the 40 columns, so readers that select POLECAT's columns
by name are not disturbed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from dyad.ontology import plover_rendering
from dyad.records import ActorRef
from dyad.store.query import StoredEvent

# POLECAT's columns, each with its type: int, float or str.
POLECAT_FIELDS: tuple[tuple[str, str], ...] = (
    ("Event ID", "str"),
    ("Event Date", "str"),
    ("Event Type", "str"),
    ("Event Mode", "str"),
    ("Intensity", "float"),
    ("Quad Code", "int"),
    ("Contexts", "str"),
    ("Actor Name", "str"),
    ("Actor Country", "str"),
    ("Actor COW", "str"),
    ("Primary Actor Sector", "str"),
    ("Actor Sectors", "str"),
    ("Actor Title", "str"),
    ("Actor Name Raw", "str"),
    ("Wikipedia Actor ID", "str"),
    ("Recipient Name", "str"),
    ("Recipient Country", "str"),
    ("Recipient COW", "str"),
    ("Primary Recipient Sector", "str"),
    ("Recipient Sectors", "str"),
    ("Recipient Title", "str"),
    ("Recipient Name Raw", "str"),
    ("Wikipedia Recipient ID", "str"),
    ("Placename", "str"),
    ("City", "str"),
    ("District", "str"),
    ("Province", "str"),
    ("Country", "str"),
    ("Latitude", "float"),
    ("Longitude", "float"),
    ("GeoNames ID", "str"),
    ("Raw Placename", "str"),
    ("Feature Type", "str"),
    ("Source", "str"),
    ("Publication Date", "str"),
    ("Story People", "str"),
    ("Story Organizations", "str"),
    ("Story Locations", "str"),
    ("Language", "str"),
    ("Version", "str"),
)
# Dyad's additions, named as POLECAT names its columns.
DYAD_FIELDS: tuple[tuple[str, str], ...] = (
    ("Mention Count", "int"),
    ("Document Count", "int"),
    ("Source Count", "int"),
    ("Date Precision", "str"),
    ("Status", "str"),
    ("URL", "str"),
)
POLECAT_COLUMNS = tuple(n for n, _ in POLECAT_FIELDS) + tuple(n for n, _ in DYAD_FIELDS)


def _join(refs: list[ActorRef], attr: str) -> str:
    return "; ".join(getattr(r, attr) or "" for r in refs)


def row(stored: StoredEvent) -> list[object]:
    """One event as a POLECAT row (``POLECAT_COLUMNS``)."""
    from dyad.store.export import PLOVER_QUAD

    e = stored.event
    rendered = plover_rendering(e.type, e.status)
    place = e.place
    city = place.name if place and place.feature == "city" else None
    province = place.name if place and place.feature == "region" else None
    return [
        e.id,
        e.date.start,
        rendered,
        e.mode if rendered == e.type else None,
        e.goldstein,
        PLOVER_QUAD.get(rendered, e.quad_class),
        "; ".join(e.contexts),
        _join(e.actors, "name"),
        _join(e.actors, "country"),
        None,  # Correlates of War codes: Dyad keeps ISO alpha-3 only
        e.actors[0].sector if e.actors else None,
        _join(e.actors, "sector"),
        _join(e.actors, "role"),
        _join(e.actors, "text"),
        None,  # Dyad's actor ids are its knowledge base's, not Wikipedia's
        _join(e.recipients, "name"),
        _join(e.recipients, "country"),
        None,
        e.recipients[0].sector if e.recipients else None,
        _join(e.recipients, "sector"),
        _join(e.recipients, "role"),
        _join(e.recipients, "text"),
        None,
        place.name if place else None,
        city,
        None,  # district: Dyad resolves countries, US states and cities only
        province,
        place.country if place else None,
        place.lat if place else None,
        place.lon if place else None,
        (place.gazetteer_id or "").removeprefix("geonames:") or None if place else None,
        place.name if place else None,
        place.feature if place else None,
        stored.source,
        stored.published.isoformat() if stored.published else None,
        None,  # story-level entity lists are not kept by Dyad
        None,
        None,
        "en",
        e.coder_version,
        stored.mention_count,
        stored.document_count,
        stored.source_count,
        e.date.precision,
        e.status,
        stored.url,
    ]


def write(events: Iterable[StoredEvent], fh: IO[str]) -> int:
    from dyad.store.gdelt import cell

    fh.write("\t".join(POLECAT_COLUMNS) + "\n")
    n = 0
    for stored in events:
        fh.write("\t".join(cell(v) for v in row(stored)) + "\n")
        n += 1
    return n
