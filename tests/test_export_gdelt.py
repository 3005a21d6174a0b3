"""``dyad export --format gdelt``: GDELT 2.0's event table, read back as GDELT's readers do."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv

from dyad.records import ActorRef, DateInfo, Event, Place
from dyad.store import Store
from dyad.store.gdelt import GDELT_COLUMNS, global_event_id, pairs, quad_class, rows
from dyad.store.query import StoredEvent

# The GDELT 2.0 Event Database codebook's columns and types, typed out here rather than taken
# from dyad.store.gdelt, so a wrong name, order or type there fails this test.
_ACTOR = [
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
]  # fmt: skip
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
CODEBOOK = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO), "DATEADDED", "SOURCEURL",
]  # fmt: skip
INTS = {
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass",
    "NumMentions", "NumSources", "NumArticles", "Actor1Geo_Type", "Actor2Geo_Type",
    "ActionGeo_Type", "DATEADDED",
}  # fmt: skip
FLOATS = {
    "FractionDate", "GoldsteinScale", "AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long",
    "Actor2Geo_Lat", "Actor2Geo_Long", "ActionGeo_Lat", "ActionGeo_Long",
}  # fmt: skip


def codebook_types() -> dict[str, pa.DataType]:
    # Codes stay strings: EventCode "040" must keep its leading zero.
    return {
        c: pa.int64() if c in INTS else pa.float64() if c in FLOATS else pa.string()
        for c in CODEBOOK
    }


def load(path: Path, *, header: bool = False) -> pa.Table:
    """Read a GDELT file the way GDELT's users do: by position, with the codebook's names."""
    return pacsv.read_csv(
        path,
        read_options=pacsv.ReadOptions(column_names=CODEBOOK, skip_rows=1 if header else 0),
        parse_options=pacsv.ParseOptions(delimiter="\t", quote_char=False),
        convert_options=pacsv.ConvertOptions(
            column_types=codebook_types(), strings_can_be_null=True
        ),
    )


def test_codebook_has_61_columns_and_the_module_matches_it() -> None:
    assert len(CODEBOOK) == 61
    assert list(GDELT_COLUMNS) == CODEBOOK


def test_gdelt_export_loads_with_the_codebook_names_and_types(
    examples_store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "events.tsv"
    n = examples_store.export("gdelt", out)
    assert n == examples_store.count()
    lines = out.read_text(encoding="utf-8").splitlines()
    assert all(line.count("\t") == 60 for line in lines)
    assert not lines[0].startswith("GLOBALEVENTID")  # GDELT's files have no header
    table = load(out)
    assert table.num_rows == len(lines) >= n
    for column, kind in codebook_types().items():
        assert table.schema.field(column).type == kind, column
    data = table.to_pylist()
    ids = [r["GLOBALEVENTID"] for r in data]
    assert len(set(ids)) == len(ids) and all(0 < i < 2**63 for i in ids)
    for r in data:
        day = dt.datetime.strptime(str(r["SQLDATE"]), "%Y%m%d").date()
        assert r["MonthYear"] == day.year * 100 + day.month and r["Year"] == day.year
        assert int(r["FractionDate"]) == day.year
        assert r["EventRootCode"] == r["EventCode"][:2] == r["EventBaseCode"][:2]
        assert r["QuadClass"] == quad_class(r["EventCode"])
        assert r["NumMentions"] >= 1 and r["NumArticles"] >= 1 and r["NumSources"] >= 1
        assert r["IsRootEvent"] in (0, 1)
        assert len(str(r["DATEADDED"])) == 14
        assert r["SOURCEURL"]
    # Beijing, as GDELT writes it: FIPS country CH, ADM1 CH22, a world city (type 4).
    beijing = [r for r in data if r["ActionGeo_FullName"] == "Beijing, China"]
    assert beijing
    assert {
        (r["ActionGeo_CountryCode"], r["ActionGeo_ADM1Code"], r["ActionGeo_Type"]) for r in beijing
    } == {("CH", "CH22", 4)}
    lima = [r for r in data if (r["ActionGeo_FullName"] or "").startswith("Lima")]
    assert lima and {r["ActionGeo_CountryCode"] for r in lima} == {"PE"}
    # Actor country codes stay CAMEO's (ISO alpha-3); only the geo fields are FIPS.
    assert {"CHN", "BRA"} <= {r["Actor1CountryCode"] for r in data}
    # The lead paragraph's events are root events, and not all events are.
    assert {r["IsRootEvent"] for r in data} == {0, 1}


def test_gdelt_export_header_and_dyad_columns(examples_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    examples_store.export("gdelt", out, header=True, dyad_columns=True)
    first, *rest = out.read_text(encoding="utf-8").splitlines()
    assert first.split("\t")[:61] == CODEBOOK
    assert first.split("\t")[61:] == [
        "DyadEventId", "DatePrecision", "PloverType", "PloverMode", "Status", "Confidence",
    ]  # fmt: skip
    ids = {e.event.id for e in examples_store.events()}
    assert {line.split("\t")[61] for line in rest} == ids


def _ref(name: str, country: str, code: str | None = None, actor_id: str | None = None):
    return ActorRef(
        text=name,
        name=name,
        actor_id=actor_id,
        country=country,
        sector="GOV",
        role=None,
        code=code or f"{country}GOV",
        resolved_by="kb",
        confidence=1.0,
    )


def _stored(event: Event, published: dt.date | None = dt.date(2024, 5, 1)) -> StoredEvent:
    return StoredEvent(
        event=event,
        document_id="doc_1",
        title=None,
        url=None,
        source="Example Wire",
        published=published,
        origin="a.txt",
        mention_count=3,
        document_count=2,
        source_count=2,
        stored_at=dt.datetime(2024, 5, 2, 10, 30, 0),
    )


def _event(actors, recipients, cameo="021", start: str | None = "2024-04-30") -> Event:  # type: ignore[no-untyped-def]
    return Event(
        id="ev_1",
        type="REQUEST",
        mode=None,
        contexts=[],
        topics=[],
        cameo=cameo,
        quad_class=3,  # PLOVER's quad for a request: GDELT's export must not use it
        goldstein=3.4,
        status="occurred",
        actors=actors,
        recipients=recipients,
        date=DateInfo(start, start, "day" if start else "unknown", None),
        place=Place("Peru", "PER", -9.2, -75.0, "geonames:3932488", "country"),
    )


def test_gdelt_quad_class_comes_from_the_cameo_root() -> None:
    assert [quad_class(c) for c in ("010", "021", "057", "061", "087", "090", "145")] == [
        1, 1, 1, 2, 2, 3, 3,
    ]  # fmt: skip
    assert [quad_class(c) for c in ("150", "190", "204")] == [4, 4, 4]
    # An appeal coded by PLOVER as verbal conflict is verbal cooperation in GDELT.
    (row,) = rows(_stored(_event([_ref("A", "PER")], [_ref("B", "CHN")])))
    assert row[GDELT_COLUMNS.index("QuadClass")] == "1"
    assert row[GDELT_COLUMNS.index("NumMentions")] == "3"
    assert row[GDELT_COLUMNS.index("NumArticles")] == "2"
    assert row[GDELT_COLUMNS.index("ActionGeo_CountryCode")] == "PE"
    assert row[GDELT_COLUMNS.index("ActionGeo_Type")] == "1"
    assert row[GDELT_COLUMNS.index("DATEADDED")] == "20240502103000"
    assert row[GDELT_COLUMNS.index("SOURCEURL")] == "Example Wire"  # no URL: the outlet


def test_gdelt_one_row_per_actor_recipient_pair_with_stable_ids() -> None:
    three = _event([_ref("A", "PER"), _ref("B", "CHN")], [_ref("C", "USA")])
    assert [(a.name, r.name) for a, r, _ in pairs(three)] == [("A", "C"), ("B", "C")]  # type: ignore[union-attr]
    meeting = _event([_ref("A", "PER"), _ref("B", "CHN"), _ref("C", "USA")], [])
    assert len(pairs(meeting)) == 3  # each two sides once; the third is never dropped
    first = [r[0] for r in rows(_stored(three))]
    assert first == [r[0] for r in rows(_stored(three))]  # the same on every export
    assert len(set(first)) == 2 and first[0] == str(global_event_id("ev_1", "a0-r0"))


def test_gdelt_known_groups_and_publication_fallback() -> None:
    imf = _ref("International Monetary Fund", "IGO", "IGOIGO", "imf")
    eu = _ref("European Union", "IGO", "IGOIGO", "european-union")
    (row,) = rows(_stored(_event([imf], [eu], start=None)), dyad_columns=True)
    col = {name: row[i] for i, name in enumerate(GDELT_COLUMNS)}
    assert (col["Actor1Code"], col["Actor1KnownGroupCode"], col["Actor1Type1Code"]) == (
        "IGOIMF", "IMF", "IGO",
    )  # fmt: skip
    assert (col["Actor2Code"], col["Actor2CountryCode"]) == ("IGOEEC", "")
    # No date in the text: the publication date, marked in the appended DatePrecision.
    assert col["SQLDATE"] == "20240501"
    assert row[62] == "publication"
