"""Export formats for stored events: PLOVER JSON, GDELT 2.0, CAMEO TSV, CSV and Parquet.

Every writer streams: events are read from the store a chunk at a time and written as they
come, so exporting a million events needs no more memory than exporting a thousand. A file
is written under a temporary name and renamed when complete, so a failed export never leaves
a truncated file behind under the name the user asked for; ``-`` writes to standard output.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from dyad.ontology import PLOVER_TYPES, plover_rendering
from dyad.optional import require
from dyad.records import ActorRef, Event
from dyad.schemas import FORMAT_VERSION, PloverActor, PloverRecord
from dyad.store import gdelt, polecat
from dyad.store.errors import StoreError
from dyad.store.query import StoredEvent

FORMATS = ("plover-json", "gdelt", "polecat", "cameo-tsv", "csv", "parquet")
STDOUT = "-"  # the path that means standard output, as Unix tools read it

# PLOVER's quad of each type. PLOVER_TYPES lists them by quad: the first four are verbal
# cooperation, the next three material cooperation, then four verbal and five material conflict.
_QUAD_ENDS = (4, 7, 11, 16)
PLOVER_QUAD = {
    t: next(q for q, end in enumerate(_QUAD_ENDS, 1) if i < end) for i, t in enumerate(PLOVER_TYPES)
}

# The manual's special contexts for an event's status (a negated event can then be dropped).
STATUS_CONTEXT = {"planned": "future", "hypothetical": "hypothetical", "negated": "negation"}


# PLOVER JSON --------------------------------------------------------------------------


def _plover_actor(ref: ActorRef) -> PloverActor:
    return {
        "code": ref.country or ref.code[:3],  # the manual's 3-character top-level code
        "sector": ref.sector,
        "actor_text": ref.text,
        "identifier_id": ref.actor_id,
        "identifier_text": ref.name,
        "office": ref.role,
        "cameo_code": ref.code,
    }


def _geonameid(gazetteer_id: str | None) -> int | str | None:
    if gazetteer_id and gazetteer_id.startswith("geonames:"):
        tail = gazetteer_id.split(":", 1)[1]
        return int(tail) if tail.isdigit() else tail
    return gazetteer_id


def plover_record(stored: StoredEvent) -> PloverRecord:
    """One event with the PLOVER manual's JSON field names.

    The manual's conventions apply: ``event``, ``mode`` and ``context`` are lists; a planned
    meeting is AGREE (``plover_rendering``) with the ``future`` context; Dyad's own fields
    (CAMEO code, Goldstein, status, confidence) follow the manual's, as it allows.
    """
    e = stored.event
    rendered = plover_rendering(e.type, e.status)
    context = list(e.contexts)
    if (special := STATUS_CONTEXT.get(e.status)) and special not in context:
        context.append(special)
    first = e.mentions[0] if e.mentions else None
    comment = None
    if rendered != e.type:
        comment = f"coded by Dyad as {e.type} ({e.status}); rendered {rendered} per the manual"
    place = e.place
    actors = [_plover_actor(a) for a in e.actors]
    return {
        "id": e.id,
        "date": e.date.start,
        "enddate": e.date.end if e.date.end != e.date.start else None,
        # The manual names the acting side "source"; "actor", Dyad's first name for it, stays
        # for the readers written against it.
        "source": actors,
        "actor": actors,
        "recipient": [_plover_actor(a) for a in e.recipients],
        "event": [rendered],
        "mode": [e.mode] if e.mode and rendered == e.type else [],
        "context": context,
        "event_loc": None
        if place is None
        else {
            "geonameid": _geonameid(place.gazetteer_id),
            "name": place.name,
            "latitude": place.lat,
            "longitude": place.lon,
            "cc3": place.country,
            "country_code": iso2(place.country),  # GeoNames' "country code": ISO alpha-2
            "feature": place.feature,
        },
        "event_text": [m.text for m in e.mentions],
        "quad_code": PLOVER_QUAD.get(rendered, e.quad_class),
        "text_info": None if first is None else {"start": first.start, "end": first.end},
        "cite_info": {
            "url": stored.url,
            "title": stored.title,
            "publication": stored.source,
            "citation": stored.document_id,
            "language": "en",
            # Not among the manual's citation fields, which it lets providers extend.
            "publication_date": stored.published.isoformat() if stored.published else None,
        },
        "coder": f"dyad {e.coder_version}",
        "comment": comment,
        "source_id": e.source_id,  # the input's own id (a JSON Lines record's "id")
        "cameo": e.cameo,
        "event_scale": e.goldstein,  # the manual's name for a scale value
        "goldstein": e.goldstein,
        "status": e.status,
        "date_precision": e.date.precision,
        "confidence": e.confidence,
        **counts(stored),
    }


def counts(stored: StoredEvent) -> dict[str, int]:
    """The link counts every export carries, under one set of names."""
    return {
        "mention_count": stored.mention_count,
        "document_count": stored.document_count,
        "source_count": stored.source_count,
    }


def iso2(iso3: str | None) -> str | None:
    from dyad.store.gdelt import iso2 as lookup

    return lookup(iso3)


def _write_plover(events: Iterable[StoredEvent], fh: IO[str]) -> int:
    # One record a line (JSON Lines), as the manual suggests for interchange.
    n = 0
    for stored in events:
        fh.write(json.dumps(plover_record(stored), ensure_ascii=False) + "\n")
        n += 1
    return n


# CAMEO TSV ----------------------------------------------------------------------------

CAMEO_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1Type1Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2Type1Code",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "SOURCEURL",
    # Dyad's own columns, after GDELT's so positional readers are not disturbed.
    "PloverType",
    "PloverMode",
    "Status",
    "Confidence",
)
_CAMEO_TYPES = {"QuadClass": "int", "NumMentions": "int", "NumSources": "int"}
_CAMEO_TYPES |= {"NumArticles": "int", "GoldsteinScale": "float", "Confidence": "float"}
_CAMEO_TYPES |= {"ActionGeo_Lat": "float", "ActionGeo_Long": "float"}
CAMEO_FIELDS = tuple((c, _CAMEO_TYPES.get(c, "str")) for c in CAMEO_COLUMNS)


def _cell(value: object) -> str:
    if value is None:
        return ""
    # A tab or line break inside a value would shift every later column.
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def cameo_row(stored: StoredEvent) -> list[str]:
    """One event as a GDELT-like row (``CAMEO_COLUMNS``).

    GDELT has one source and one target: Actor1 is the first actor; Actor2 the first
    recipient, or the second actor when the participants are all actors (a meeting whose
    sides cannot be told apart). Country codes are ISO alpha-3, as in CAMEO actor codes.
    """
    e = stored.event
    one = e.actors[0] if e.actors else None
    two = e.recipients[0] if e.recipients else (e.actors[1] if len(e.actors) > 1 else None)
    place = e.place
    values: list[object] = [
        e.id,
        e.date.start.replace("-", "") if e.date.start else None,
        one.code if one else None,
        one.name if one else None,
        one.country if one else None,
        one.sector if one else None,
        two.code if two else None,
        two.name if two else None,
        two.country if two else None,
        two.sector if two else None,
        e.cameo,
        e.cameo[:3],
        e.cameo[:2],
        e.quad_class,
        e.goldstein,
        len(e.mentions),
        1,
        len({m.document_id for m in e.mentions}) or 1,
        place.name if place else None,
        place.country if place else None,
        place.lat if place else None,
        place.lon if place else None,
        place.gazetteer_id if place else None,
        stored.url,
        e.type,
        e.mode,
        e.status,
        e.confidence,
    ]
    return [_cell(v) for v in values]


def _write_cameo(events: Iterable[StoredEvent], fh: IO[str]) -> int:
    fh.write("\t".join(CAMEO_COLUMNS) + "\n")
    n = 0
    for stored in events:
        fh.write("\t".join(cameo_row(stored)) + "\n")
        n += 1
    return n


# CSV ----------------------------------------------------------------------------------

CSV_COLUMNS = (
    "id",
    "date_start",
    "date_end",
    "date_precision",
    "type",
    "mode",
    "status",
    "cameo",
    "quad_class",
    "goldstein",
    "actors",
    "actor_codes",
    "actor_countries",
    "recipients",
    "recipient_codes",
    "recipient_countries",
    "place_name",
    "place_country",
    "place_lat",
    "place_lon",
    "contexts",
    "topics",
    "confidence",
    "trigger",
    "evidence",
    "mention_count",
    "document_count",
    "source_count",
    "document_id",
    "url",
    "title",
    "coder_version",
    "source_id",
)
_CSV_TYPES = {"quad_class": "int", "goldstein": "float", "confidence": "float"}
_CSV_TYPES |= {"place_lat": "float", "place_lon": "float", "mention_count": "int"}
_CSV_TYPES |= {"document_count": "int", "source_count": "int"}
CSV_FIELDS = tuple((c, _CSV_TYPES.get(c, "str")) for c in CSV_COLUMNS)


def _joined(refs: list[ActorRef], attr: str) -> str:
    return "; ".join(getattr(r, attr) or "" for r in refs)


def flat_row(stored: StoredEvent) -> dict[str, object]:
    """One event as a flat row of ``CSV_COLUMNS``; list fields are joined with '; '."""
    e: Event = stored.event
    first = e.mentions[0] if e.mentions else None
    place = e.place
    return {
        "id": e.id,
        "date_start": e.date.start,
        "date_end": e.date.end,
        "date_precision": e.date.precision,
        "type": e.type,
        "mode": e.mode,
        "status": e.status,
        "cameo": e.cameo,
        "quad_class": e.quad_class,
        "goldstein": e.goldstein,
        "actors": _joined(e.actors, "name"),
        "actor_codes": _joined(e.actors, "code"),
        "actor_countries": _joined(e.actors, "country"),
        "recipients": _joined(e.recipients, "name"),
        "recipient_codes": _joined(e.recipients, "code"),
        "recipient_countries": _joined(e.recipients, "country"),
        "place_name": place.name if place else None,
        "place_country": place.country if place else None,
        "place_lat": place.lat if place else None,
        "place_lon": place.lon if place else None,
        "contexts": "; ".join(e.contexts),
        "topics": "; ".join(e.topics),
        "confidence": e.confidence,
        "trigger": first.text if first else None,
        "evidence": first.sentence if first else None,
        **counts(stored),
        "document_id": stored.document_id,
        "url": stored.url,
        "title": stored.title,
        "coder_version": e.coder_version,
        "source_id": e.source_id,
    }


def write_csv(events: Iterable[StoredEvent], fh: IO[str]) -> int:
    writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for stored in events:
        writer.writerow(flat_row(stored))
        n += 1
    return n


# Parquet ------------------------------------------------------------------------------

PARQUET_ROW_GROUP = 10_000


def parquet_schema() -> Any:
    """The Parquet schema; documented column by column in the README's store section."""
    import pyarrow as pa

    actor = pa.struct(
        [
            ("text", pa.string()),
            ("name", pa.string()),
            ("actor_id", pa.string()),
            ("country", pa.string()),
            ("sector", pa.string()),
            ("role", pa.string()),
            ("code", pa.string()),
            ("resolved_by", pa.string()),
            ("confidence", pa.float64()),
        ]
    )
    mention = pa.struct(
        [
            ("document_id", pa.string()),
            ("sentence", pa.string()),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("text", pa.string()),
            ("trigger_start", pa.int32()),
            ("trigger_end", pa.int32()),
            ("pattern", pa.string()),
        ]
    )
    return pa.schema(
        [
            pa.field("id", pa.string(), nullable=False),
            ("date_start", pa.date32()),
            ("date_end", pa.date32()),
            ("date_precision", pa.string()),
            ("date_text", pa.string()),
            ("type", pa.string()),
            ("mode", pa.string()),
            ("status", pa.string()),
            ("cameo", pa.string()),
            ("quad_class", pa.int8()),
            ("goldstein", pa.float64()),
            ("confidence", pa.float64()),
            ("contexts", pa.list_(pa.string())),
            ("topics", pa.list_(pa.string())),
            ("actors", pa.list_(actor)),
            ("recipients", pa.list_(actor)),
            ("place_name", pa.string()),
            ("place_country", pa.string()),
            ("place_lat", pa.float64()),
            ("place_lon", pa.float64()),
            ("place_gazetteer_id", pa.string()),
            ("mentions", pa.list_(mention)),
            ("mention_count", pa.int32()),
            ("document_count", pa.int32()),
            ("source_count", pa.int32()),
            ("document_id", pa.string()),
            ("url", pa.string()),
            ("title", pa.string()),
            ("source", pa.string()),
            ("published", pa.date32()),
            ("coder_version", pa.string()),
            ("source_id", pa.string()),
            ("record", pa.string()),  # the full event JSON, as `dyad events --format jsonl`
        ],
        metadata={"dyad_format_version": FORMAT_VERSION},
    )


def parquet_row(stored: StoredEvent) -> dict[str, Any]:
    from dataclasses import asdict

    from dyad.store.rows import event_json, to_date

    e = stored.event
    place = e.place
    return {
        "id": e.id,
        "date_start": to_date(e.date.start),
        "date_end": to_date(e.date.end),
        "date_precision": e.date.precision,
        "date_text": e.date.text,
        "type": e.type,
        "mode": e.mode,
        "status": e.status,
        "cameo": e.cameo,
        "quad_class": e.quad_class,
        "goldstein": e.goldstein,
        "confidence": e.confidence,
        "contexts": e.contexts,
        "topics": e.topics,
        "actors": [asdict(a) for a in e.actors],
        "recipients": [asdict(a) for a in e.recipients],
        "place_name": place.name if place else None,
        "place_country": place.country if place else None,
        "place_lat": place.lat if place else None,
        "place_lon": place.lon if place else None,
        "place_gazetteer_id": place.gazetteer_id if place else None,
        "mentions": [asdict(m) for m in e.mentions],
        **counts(stored),
        "document_id": stored.document_id,
        "url": stored.url,
        "title": stored.title,
        "source": stored.source,
        "published": stored.published,
        "coder_version": e.coder_version,
        "source_id": e.source_id,
        "record": event_json(e),
    }


def _write_parquet(events: Iterable[StoredEvent], path: Path | IO[bytes]) -> int:
    pa = require("pyarrow", extra="parquet", feature="export --format parquet")
    import pyarrow.parquet as pq

    schema = parquet_schema()
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        for chunk in _chunks((parquet_row(s) for s in events), PARQUET_ROW_GROUP):
            writer.write_batch(pa.RecordBatch.from_pylist(chunk, schema=schema))
            n += len(chunk)
        if n == 0:
            writer.write_table(schema.empty_table())
    return n


def _chunks(items: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# Entry point --------------------------------------------------------------------------

_TEXT_WRITERS: dict[str, Callable[[Iterable[StoredEvent], IO[str]], int]] = {
    "plover-json": _write_plover,
    "cameo-tsv": _write_cameo,
    "csv": write_csv,
    "polecat": polecat.write,
}


def export(
    events: Iterable[StoredEvent],
    fmt: str,
    path: Path | str,
    *,
    header: bool = False,
    dyad_columns: bool = False,
    lead_ends: gdelt.LeadEnds | None = None,
) -> int:
    """Write ``events`` to ``path`` in format ``fmt`` (one of ``FORMATS``); returns the count.

    ``path`` ``-`` is standard output. ``header`` and ``dyad_columns`` shape the GDELT table
    (``dyad.store.gdelt.write``); the other formats always have their header."""
    if fmt not in FORMATS:
        raise StoreError(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
    writers = dict(_TEXT_WRITERS)
    writers["gdelt"] = functools.partial(
        gdelt.write, header=header, dyad_columns=dyad_columns, lead_ends=lead_ends
    )
    if str(path) == STDOUT:
        if fmt == "parquet":
            return _write_parquet(events, sys.stdout.buffer)
        n = writers[fmt](events, sys.stdout)
        sys.stdout.flush()
        return n
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        if fmt == "parquet":
            n = _write_parquet(events, tmp)
        else:
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                n = writers[fmt](events, fh)
        os.replace(tmp, path)
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return n
