"""Every export against its JSON Schema, POLECAT's layout, and one naming across exports."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import jsonschema_rs  # installed with schemathesis (dev extra)
import pyarrow.parquet as pq
import pytest

from dyad.schemas import FORMAT_VERSION, SCHEMA_FORMATS, schema
from dyad.store import Store

# POLECAT's published header, typed out (not taken from dyad.store.polecat).
POLECAT_HEADER = (
    "Event ID\tEvent Date\tEvent Type\tEvent Mode\tIntensity\tQuad Code\tContexts\tActor Name\t"
    "Actor Country\tActor COW\tPrimary Actor Sector\tActor Sectors\tActor Title\tActor Name Raw\t"
    "Wikipedia Actor ID\tRecipient Name\tRecipient Country\tRecipient COW\t"
    "Primary Recipient Sector\tRecipient Sectors\tRecipient Title\tRecipient Name Raw\t"
    "Wikipedia Recipient ID\tPlacename\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude\t"
    "GeoNames ID\tRaw Placename\tFeature Type\tSource\tPublication Date\tStory People\t"
    "Story Organizations\tStory Locations\tLanguage\tVersion"
).split("\t")


def validator(fmt: str) -> jsonschema_rs.Validator:
    return jsonschema_rs.validator_for(schema(fmt))


def typed_rows(path: Path, fmt: str, *, delimiter: str, header: bool = True) -> list[dict]:
    """Rows of a table as objects, cells converted by the schema's column types."""
    spec = schema(fmt)
    names = spec["x-columns"]
    kinds = {n: spec["properties"][n]["type"][0] for n in names}
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL)
        lines = list(reader)
    if header:
        assert lines[0] == names
        lines = lines[1:]
    convert: dict[str, Any] = {"integer": int, "number": float, "string": str}
    return [
        {n: None if v == "" else convert[kinds[n]](v) for n, v in zip(names, line, strict=True)}
        for line in lines
    ]


def test_every_schema_carries_the_format_version() -> None:
    for fmt in SCHEMA_FORMATS:
        spec = schema(fmt)
        assert spec["x-format-version"] == FORMAT_VERSION
        assert jsonschema_rs.validator_for(spec)  # a well-formed schema compiles
    with pytest.raises(ValueError, match="no schema for 'xml'"):
        schema("xml")


def test_event_records_match_the_event_schema(examples_store: Store) -> None:
    check = validator("event")
    stored = list(examples_store.events())
    assert stored
    for s in stored:
        check.validate(json.loads(json.dumps(s.event.to_dict())))
    # The schema is strict enough to fail: an unknown status is not an event.
    bad = stored[0].event.to_dict() | {"status": "perhaps"}
    assert not check.is_valid(bad)


def test_plover_json_export_matches_its_schema_and_the_manual(
    examples_store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "e.jsonl"
    examples_store.export("plover-json", out)
    check = validator("plover-json")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for r in records:
        check.validate(r)
        assert r["source"] == r["actor"]  # the manual's name and Dyad's first one
    located = [r for r in records if r["event_loc"]]
    assert {r["event_loc"]["country_code"] for r in located} >= {"CN"}  # ISO alpha-2
    assert all(r["cite_info"]["publication_date"] for r in records)
    # reports.jsonl's own ids come back on their events.
    assert {r["source_id"] for r in records} >= {"milei-georgieva-davos-2024"}
    assert not check.is_valid(records[0] | {"quad_code": 7})


@pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("polecat", "\t")])
def test_table_exports_match_their_schemas(
    examples_store: Store, tmp_path: Path, fmt: str, delimiter: str
) -> None:
    out = tmp_path / f"e.{fmt}"
    n = examples_store.export(fmt, out)
    rows = typed_rows(out, fmt, delimiter=delimiter)
    assert len(rows) == n
    check = validator(fmt)
    for row in rows:
        check.validate(row)


def test_gdelt_export_matches_its_schema(examples_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "e.tsv"
    examples_store.export("gdelt", out, header=True)
    check = validator("gdelt")
    for row in typed_rows(out, "gdelt", delimiter="\t"):
        check.validate(row)


def test_polecat_export_has_polecats_columns_first(examples_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "e.tsv"
    examples_store.export("polecat", out)
    header = out.read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert header[:40] == POLECAT_HEADER
    assert header[40:43] == ["Mention Count", "Document Count", "Source Count"]


def test_one_naming_and_counts_in_every_export(examples_store: Store, tmp_path: Path) -> None:
    counts = ("mention_count", "document_count", "source_count")
    examples_store.export("csv", tmp_path / "e.csv")
    with (tmp_path / "e.csv").open(encoding="utf-8") as fh:
        csv_header = next(csv.reader(fh))
    examples_store.export("parquet", tmp_path / "e.parquet")
    parquet = pq.read_schema(tmp_path / "e.parquet")
    for name in (*counts, "place_name", "place_lat", "place_lon", "source_id"):
        assert name in csv_header and name in parquet.names, name
    assert "mentions" not in csv_header  # a list in Parquet; never a count under that name
    assert parquet.metadata[b"dyad_format_version"] == FORMAT_VERSION.encode()
    plover = schema("plover-json")["properties"]
    assert all(c in plover for c in counts)
