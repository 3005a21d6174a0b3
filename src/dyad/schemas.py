"""JSON Schemas of the event record and of every export, from one definition each.

The event record's schema is generated from its dataclasses (``dyad.records``), the PLOVER
JSON export's from the typed dicts below (which ``plover_record`` is declared to return), and
each table's (gdelt, polecat, cameo-tsv, csv) from its column list with types, the same list
its writer writes from: a column added to a writer is in its schema. ``FORMAT_VERSION``
changes when a field is renamed or removed (never, for the event record) and its minor part
when fields are added. ``dyad export --schema`` prints them.
"""

from __future__ import annotations

from typing import Any, Literal

from typing_extensions import TypedDict  # pydantic needs it before Python 3.12

FORMAT_VERSION = "1.1"
SCHEMA_FORMATS = ("event", "plover-json", "gdelt", "polecat", "cameo-tsv", "csv")
_DRAFT = "https://json-schema.org/draft/2020-12/schema"


class PloverActor(TypedDict):
    code: str | None
    sector: str | None
    actor_text: str
    identifier_id: str | None
    identifier_text: str
    office: str | None
    cameo_code: str


class PloverLocation(TypedDict):
    geonameid: int | str | None
    name: str
    latitude: float | None
    longitude: float | None
    cc3: str | None
    country_code: str | None
    feature: str | None


class PloverTextInfo(TypedDict):
    start: int
    end: int


class PloverCite(TypedDict):
    url: str | None
    title: str | None
    publication: str | None
    citation: str
    language: str
    publication_date: str | None


class PloverRecord(TypedDict):
    """One line of ``dyad export --format plover-json`` (``dyad.store.export.plover_record``)."""

    id: str
    date: str | None
    enddate: str | None
    source: list[PloverActor]
    actor: list[PloverActor]
    recipient: list[PloverActor]
    event: list[str]
    mode: list[str]
    context: list[str]
    event_loc: PloverLocation | None
    event_text: list[str]
    quad_code: Literal[1, 2, 3, 4]
    text_info: PloverTextInfo | None
    cite_info: PloverCite
    coder: str
    comment: str | None
    source_id: str | None
    cameo: str
    event_scale: float
    goldstein: float
    status: Literal["occurred", "planned", "negated", "hypothetical"]
    date_precision: str
    confidence: float
    mention_count: int
    document_count: int
    source_count: int


_JSON_TYPES = {"int": "integer", "float": "number", "str": "string"}


def _table(columns: tuple[tuple[str, str], ...], title: str) -> dict[str, Any]:
    """A row of a table as an object of its cells; empty cells are null."""
    return {
        "title": title,
        "type": "object",
        "properties": {n: {"type": [_JSON_TYPES[t], "null"]} for n, t in columns},
        "required": [n for n, _ in columns],
        "additionalProperties": False,
        "x-columns": [n for n, _ in columns],  # the order in the file
    }


def schema(fmt: str) -> dict[str, Any]:
    """The JSON Schema of ``fmt`` (one of ``SCHEMA_FORMATS``), with the format version."""
    from pydantic import TypeAdapter

    from dyad.records import Event
    from dyad.store import export, gdelt, polecat

    if fmt == "event":
        body = TypeAdapter(Event).json_schema()
    elif fmt == "plover-json":
        body = TypeAdapter(PloverRecord).json_schema()
    elif fmt == "gdelt":
        body = _table(gdelt.GDELT_FIELDS, "GDELT 2.0 event row")
    elif fmt == "polecat":
        body = _table(polecat.POLECAT_FIELDS + polecat.DYAD_FIELDS, "POLECAT event row")
    elif fmt == "cameo-tsv":
        body = _table(export.CAMEO_FIELDS, "CAMEO TSV row")
    elif fmt == "csv":
        body = _table(export.CSV_FIELDS, "CSV row")
    else:
        raise ValueError(f"no schema for {fmt!r}; one of {', '.join(SCHEMA_FORMATS)}")
    return {
        "$schema": _DRAFT,
        "$id": f"https://dyad.invalid/schemas/{fmt}/{FORMAT_VERSION}",
        "x-format-version": FORMAT_VERSION,
        **body,
    }
