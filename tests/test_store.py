"""The store (``dyad.store``) on SQLite and on a real PostgreSQL server.

Every test taking ``db_url`` runs once per backend. The PostgreSQL runs need a server:
``bash .ci/postgres.sh start && source .ci/pg.env`` exports ``DYAD_TEST_PG``; without it they
skip locally and fail under CI, so a green CI run always includes them.

Most tests code documents with ``StubCoder``, which turns a tiny line format into events
without spaCy, so filters and counts can be checked against events known in advance.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import re
import uuid
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from dyad.ingest import document_id
from dyad.records import ActorRef, DateInfo, Document, Event, Mention, Place, Reject, stable_id
from dyad.store import (
    EventNotFound,
    FilterError,
    Filters,
    NoStoreError,
    Store,
    StoredEvent,
    StoreError,
)
from dyad.store.database import resolve_url
from dyad.store.export import CAMEO_COLUMNS, CSV_COLUMNS
from dyad.store.query import PERIODS

PG_URL = os.environ.get("DYAD_TEST_PG")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _postgres_database() -> Iterator[str]:
    if not PG_URL:
        if IN_CI:
            pytest.fail(
                "CI is set but DYAD_TEST_PG is not: start PostgreSQL first "
                "(bash .ci/postgres.sh start && source .ci/pg.env)"
            )
        pytest.skip("PostgreSQL not configured: bash .ci/postgres.sh start && source .ci/pg.env")
    name = f"dyad_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        yield sa.make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'dyad.db'}"
    else:
        yield from _postgres_database()


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as s:
        yield s


# A stand-in coder -------------------------------------------------------------------

_CAMEO = {
    "CONSULT": ("040", 1, 1.0),
    "AGREE": ("030", 1, 4.0),
    "ACCUSE": ("112", 3, -2.0),
    "ASSAULT": ("190", 4, -10.0),
    "AID": ("070", 2, 7.0),
}
# TYPE STATUS DATE PARTICIPANTS [-> RECIPIENTS]; a participant is CCC/Name; DATE may be "-".
_LINE = re.compile(r"^(?P<type>[A-Z]+) (?P<status>\w+) (?P<date>\S+) (?P<who>.+)$")


def _ref(spec: str) -> ActorRef:
    country, name = spec.strip().split("/", 1)
    return ActorRef(
        text=name,
        name=name,
        actor_id=name.lower().replace(" ", "-"),
        country=country,
        sector="GOV",
        role="President",
        code=f"{country}GOV",
        resolved_by="kb",
        confidence=0.9,
    )


def stub_events(doc: Document, version: str) -> list[Event]:
    """Events for each line of the document that reads like ``_LINE``."""
    found: list[Event] = []
    offset = 0
    for line in doc.text.split("\n"):
        m = _LINE.match(line)
        start, offset = offset, offset + len(line) + 1
        if not m:
            continue
        who, _, whom = m["who"].partition("->")
        day = None if m["date"] == "-" else m["date"]
        cameo, quad, goldstein = _CAMEO[m["type"]]
        actors = [_ref(s) for s in who.split(",") if s.strip()]
        recipients = [_ref(s) for s in whom.split(",") if s.strip()]
        mention = Mention(
            document_id=doc.id,
            sentence=line,
            start=start,
            end=start + len(line),
            text=m["type"],
            trigger_start=start,
            trigger_end=start + len(m["type"]),
            pattern=f"stub.{m['type'].lower()}",
        )
        found.append(
            Event(
                id=stable_id("ev_", [doc.id, start, line, version]),
                type=m["type"],
                mode="visit" if m["type"] == "CONSULT" else None,
                contexts=["diplomatic"],
                topics=["trade"],
                cameo=cameo,
                quad_class=quad,
                goldstein=goldstein,
                status=m["status"],  # type: ignore[arg-type]
                actors=actors,
                recipients=recipients,
                date=DateInfo(day, day, "day" if day else "unknown", None),
                place=Place("Lima", "PER", -12.04318, -77.02824, "geonames:3936456", "city"),
                mentions=[mention],
                confidence=0.8,
                coder_version=version,
            )
        )
    return found


class StubCoder:
    """Codes ``_LINE`` lines into events; ``fail_on`` raises when that text comes up."""

    def __init__(self, version: str = "stub-1", fail_on: str | None = None) -> None:
        self.version = version
        self.fail_on = fail_on
        self.coded: list[str] = []

    def code(
        self, documents: Iterable[Document], on_reject: object = None
    ) -> Iterator[tuple[Document, list[Event]]]:
        for d in documents:
            if self.fail_on and self.fail_on in d.text:
                raise RuntimeError(f"coder crashed on {d.origin}")
            self.coded.append(d.id)
            yield d, stub_events(d, self.version)


def doc(*lines: str, origin: str = "<test>", published: str | None = "2024-06-27") -> Document:
    text = "\n".join(lines)
    return Document(id=document_id(text), text=text, origin=origin, published=published)


CHN_PER = "CONSULT occurred 2024-06-27 CHN/Xi Jinping -> PER/Dina Boluarte"
PER_CHN = "ACCUSE occurred 2024-03-02 PER/Dina Boluarte -> CHN/Xi Jinping"
BOTH_ACTORS = "AGREE planned 2024-11-15 CHN/Xi Jinping, PER/Dina Boluarte"
USA_CHN = "ASSAULT negated 2023-12-31 USA/Joe Biden -> CHN/Xi Jinping"
UNDATED = "AID hypothetical - USA/Joe Biden -> PER/Dina Boluarte"
CHN_CHN = "CONSULT occurred 2024-01-10 CHN/Xi Jinping, CHN/Li Qiang"


def corpus() -> list[Document]:
    return [
        doc(CHN_PER, PER_CHN, origin="a.txt"),
        doc(BOTH_ACTORS, origin="b.txt"),
        doc(USA_CHN, UNDATED, origin="c.txt"),
        doc(CHN_CHN, origin="d.txt"),
        doc("Nothing happened here today.", origin="e.txt"),
    ]


def ingest(store: Store, items: Iterable[Document | Reject], coder: StubCoder | None = None):  # type: ignore[no-untyped-def]
    coder = coder or StubCoder()
    return list(store.ingest(items, coder, version=coder.version, batch_size=2))


def table_counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {
            t: conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one()
            for t in ("documents", "events", "mentions", "actor_refs", "rejects")
        }


# Schema and opening -----------------------------------------------------------------


def test_store_open_migrates_a_new_database_to_the_current_schema(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from dyad.store.schema import SCHEMA_REVISION, metadata

    with Store.open(db_url) as store:
        assert store.info()["schema_revision"] == SCHEMA_REVISION
        with warnings.catch_warnings():
            # SQLite's period indexes (migration 0005) are on expressions, which SQLAlchemy
            # does not reflect: they are left out of the comparison, and out of schema.py.
            warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression")
            with store.engine.connect() as conn:
                # The migrations build exactly the schema that schema.py describes.
                diff = compare_metadata(MigrationContext.configure(conn), metadata)
        assert diff == []
    with Store.open(db_url) as again:  # opening an up-to-date store changes nothing
        assert again.totals().documents == 0


@pytest.mark.parametrize("by", ["week", "month", "year"])
def test_store_stats_over_the_whole_store_read_periods_in_index_order(
    tmp_path: Path, by: str
) -> None:
    from dyad.store.query import period_start
    from dyad.store.schema import events

    with Store.open(f"sqlite:///{tmp_path / 'p.db'}") as store:
        period = period_start(events.c.date_start, by, "sqlite")
        query = sa.select(period, events.c.type, events.c.quad_class, sa.func.count()).group_by(
            period, events.c.type, events.c.quad_class
        )
        sql = str(query.compile(store.engine, compile_kwargs={"literal_binds": True}))
        with store.engine.connect() as conn:
            plan = " | ".join(r[3] for r in conn.execute(sa.text("EXPLAIN QUERY PLAN " + sql)))
    # Migration 0005's index, whose expression must be the query's own, and no sort.
    assert f"ix_events_period_{by}" in plan and "TEMP B-TREE" not in plan, plan


def test_store_migration_0004_fills_participant_sets_as_ingest_writes_them(
    db_url: str,
) -> None:
    from alembic import command
    from alembic.config import Config

    from dyad.store.database import MIGRATIONS, migrate
    from dyad.store.schema import events

    columns = (events.c.id, events.c.participant_countries, events.c.participant_actors)
    with Store.open(db_url) as store:
        ingest(store, generated_corpus(), VariedCoder())
        with store.engine.connect() as conn:
            written = sorted(conn.execute(sa.select(*columns)).all())
        cfg = Config()
        cfg.set_main_option("script_location", MIGRATIONS)
        cfg.set_main_option("path_separator", "os")
        with store.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0003")
            assert "participant_actors" not in {
                c["name"] for c in sa.inspect(conn).get_columns("events")
            }
        migrate(store.engine)  # upgrades the events stored at 0003
        with store.engine.connect() as conn:
            assert sorted(conn.execute(sa.select(*columns)).all()) == written
    assert any(json.loads(countries) == ["CHN", "PER"] for _id, countries, _a in written)


def test_store_open_refuses_a_store_from_a_newer_dyad(db_url: str) -> None:
    with Store.open(db_url) as store, store.engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError, match="schema revision 9999.*upgrade Dyad"):
        Store.open(db_url)


def test_store_open_for_reading_does_not_create_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.db"
    with pytest.raises(NoStoreError, match="no store at .*nope.db.*dyad ingest"):
        Store.open(str(missing), create=False)
    assert not missing.exists()


def test_store_url_from_option_then_environment_then_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("DYAD_DB", raising=False)
    assert resolve_url(None) == "sqlite:///dyad.db"
    assert resolve_url("events.db") == "sqlite:///events.db"
    assert resolve_url("/data/x.db") == "sqlite:////data/x.db"
    monkeypatch.setenv("DYAD_DB", "postgresql://dyad@db.example/dyad")
    assert resolve_url(None) == "postgresql+psycopg://dyad@db.example/dyad"
    assert resolve_url("sqlite:///y.db") == "sqlite:///y.db"


def test_store_open_reports_an_unsupported_database() -> None:
    with pytest.raises(StoreError, match="SQLite or PostgreSQL, not 'mysql'"):
        Store.open("mysql://localhost/dyad")


# Ingest -----------------------------------------------------------------------------


def test_store_ingest_stores_documents_events_mentions_and_actor_refs(store: Store) -> None:
    docs = corpus()
    outcomes = ingest(store, docs)
    assert [o.kind for o in outcomes] == ["stored"] * 5
    assert [o.events for o in outcomes] == [2, 1, 2, 1, 0]
    assert table_counts(store) == {
        "documents": 5,
        "events": 6,
        "mentions": 6,
        "actor_refs": 12,
        "rejects": 0,
    }
    # Round trip: the events read back equal the events coded, field for field.
    coded = {e.id: e for d in docs for e in stub_events(d, "stub-1")}
    stored = {s.event.id: s.event for s in store.events()}
    assert stored == coded
    assert store.info()["coder_version"] == "stub-1"


def test_store_ingest_same_article_again_changes_nothing(store: Store) -> None:
    ingest(store, corpus())
    with store.engine.connect() as conn:
        before = conn.execute(sa.text("SELECT id, stored_at FROM documents ORDER BY id")).all()
    coder = StubCoder()
    # The same text under another name and with other spacing is the same article.
    respaced = doc(CHN_PER.replace(" ", "  "), PER_CHN, origin="copy-of-a.txt")
    outcomes = ingest(store, [*corpus(), respaced], coder)
    assert [o.kind for o in outcomes] == ["already stored"] * 6
    assert coder.coded == []  # nothing is coded twice
    with store.engine.connect() as conn:
        after = conn.execute(sa.text("SELECT id, stored_at FROM documents ORDER BY id")).all()
    assert after == before
    assert table_counts(store)["events"] == 6


def test_store_ingest_duplicate_within_one_run_is_stored_once(store: Store) -> None:
    outcomes = ingest(store, [doc(CHN_PER, origin="x.txt"), doc(CHN_PER, origin="y.txt")])
    assert [(o.kind, o.origin) for o in outcomes] == [
        ("stored", "x.txt"),
        ("already stored", "y.txt"),
    ]
    assert table_counts(store)["documents"] == 1


def test_store_ingest_keeps_rejected_inputs_with_their_reason(store: Store) -> None:
    items: list[Document | Reject] = [
        Reject("bad.txt", "binary", "bad.txt: contains NUL bytes; is it a binary file?"),
        Reject("notes.md", "unsupported", "notes.md: not .txt/.html/.jsonl", skipped=True),
        doc(CHN_PER, origin="good.txt"),
    ]
    outcomes = ingest(store, items)
    assert [o.kind for o in outcomes] == ["rejected", "skipped", "stored"]
    assert store.totals().rejects == {"binary": 1}
    with store.engine.connect() as conn:
        row = conn.execute(sa.text("SELECT origin, reason, detail FROM rejects")).one()
    assert tuple(row) == ("bad.txt", "binary", "bad.txt: contains NUL bytes; is it a binary file?")
    # Rejected again, even twice in one batch: still one row. Fixed and read: the row goes.
    ingest(store, [items[0], items[0]])
    assert store.totals().rejects == {"binary": 1}
    ingest(store, [doc(PER_CHN, origin="bad.txt")])
    assert store.totals().rejects == {}


def test_store_ingest_commits_whole_batches_and_a_rerun_finishes_the_job(store: Store) -> None:
    docs = corpus()
    crashing = StubCoder(fail_on="USA/Joe Biden")  # the third document, in the second batch
    with pytest.raises(RuntimeError, match="coder crashed"):
        ingest(store, docs, crashing)
    assert table_counts(store)["documents"] == 2  # the first batch of two, nothing after
    outcomes = ingest(store, docs)
    assert [o.kind for o in outcomes] == ["already stored"] * 2 + ["stored"] * 3
    assert table_counts(store)["events"] == 6


def test_store_ingest_rolls_back_a_batch_that_fails_while_writing(store: Store) -> None:
    class BadRows(StubCoder):
        def code(self, documents, on_reject=None):  # type: ignore[no-untyped-def]
            for d, evs in super().code(documents):
                if "USA/Joe Biden" in d.text:
                    evs[0].type = None  # type: ignore[assignment]  # violates NOT NULL
                yield d, evs

    with pytest.raises(sa.exc.IntegrityError):
        ingest(store, corpus(), BadRows())
    # The failing batch wrote its documents before its events failed: all rolled back.
    assert table_counts(store)["documents"] == 2
    ingest(store, corpus())
    assert table_counts(store) == {
        "documents": 5,
        "events": 6,
        "mentions": 6,
        "actor_refs": 12,
        "rejects": 0,
    }


# Recode -----------------------------------------------------------------------------


def test_store_recode_replaces_events_from_an_older_coder(store: Store) -> None:
    ingest(store, corpus(), StubCoder("stub-1"))
    old_ids = {s.event.id for s in store.events()}
    assert store.outdated("stub-2") == 5
    done = list(store.recode(StubCoder("stub-2"), version="stub-2", batch_size=2))
    assert sorted(r.origin for r in done) == ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"]
    assert {r.old_version for r in done} == {"stub-1"}
    assert sum(r.events_before for r in done) == sum(r.events_after for r in done) == 6
    events = list(store.events())
    assert {s.event.coder_version for s in events} == {"stub-2"}
    assert not old_ids & {s.event.id for s in events}
    assert table_counts(store) == {
        "documents": 5,
        "events": 6,
        "mentions": 6,
        "actor_refs": 12,
        "rejects": 0,
    }
    assert store.outdated("stub-2") == 0
    assert list(store.recode(StubCoder("stub-2"), version="stub-2")) == []


def test_store_recode_that_fails_keeps_the_old_events(store: Store) -> None:
    ingest(store, corpus(), StubCoder("stub-1"))
    with pytest.raises(RuntimeError):
        list(store.recode(StubCoder("stub-2", fail_on="Li Qiang"), version="stub-2"))
    versions = {s.event.coder_version for s in store.events()}
    assert versions == {"stub-1"}  # one batch of all five: nothing replaced
    assert table_counts(store)["events"] == 6


# Queries ----------------------------------------------------------------------------


@pytest.fixture
def filled(store: Store) -> Store:
    ingest(store, corpus())
    return store


def _types(store: Store, **options: str | int) -> list[str]:
    return [s.event.type for s in store.events(Filters.parse(**options))]  # type: ignore[arg-type]


def test_store_events_come_by_date_with_undated_last(filled: Store) -> None:
    events = [s.event for s in filled.events()]
    assert [e.date.start for e in events] == [
        "2023-12-31",
        "2024-01-10",
        "2024-03-02",
        "2024-06-27",
        "2024-11-15",
        None,
    ]


def test_store_filter_dyad_matches_either_direction_and_joint_actors(filled: Store) -> None:
    assert _types(filled, dyad="CHN-PER") == ["ACCUSE", "CONSULT", "AGREE"]
    assert _types(filled, dyad="per-chn") == ["ACCUSE", "CONSULT", "AGREE"]
    assert _types(filled, dyad="CHN-CHN") == ["CONSULT"]  # two Chinese participants
    assert _types(filled, dyad="USA-PER") == ["AID"]


def test_store_filter_by_actor_country_type_status_and_dates(filled: Store) -> None:
    assert _types(filled, actor="li-qiang") == ["CONSULT"]
    assert _types(filled, actor="BIDEN") == ["ASSAULT", "AID"]  # part of a name, any case
    assert _types(filled, actor="%") == []  # LIKE wildcards are taken literally
    assert _types(filled, country="usa") == ["ASSAULT", "AID"]
    assert _types(filled, type="consult") == ["CONSULT", "CONSULT"]
    assert _types(filled, status="planned") == ["AGREE"]
    assert _types(filled, since="2024-03", until="2024-06-30") == ["ACCUSE", "CONSULT"]
    assert _types(filled, since="2024") == ["CONSULT", "ACCUSE", "CONSULT", "AGREE"]
    assert _types(filled, until="2023") == ["ASSAULT"]
    assert _types(filled, dyad="CHN-PER", limit=1) == ["ACCUSE"]
    assert filled.count(Filters.parse(dyad="CHN-PER", limit=1)) == 3


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"dyad": "CHN"}, "--dyad: 'CHN' is not two country codes like CHN-PER"),
        ({"dyad": "CHINA-PER"}, "--dyad: 'CHINA' is not a three-letter country code"),
        ({"country": "CN"}, "--country: 'CN' is not a three-letter country code"),
        ({"type": "MEET"}, "--type: 'MEET' is not a PLOVER type; use one of AGREE, CONSULT"),
        ({"status": "done"}, "--status: 'done' is not one of occurred, planned"),
        ({"since": "27/06/2024"}, "--since: '27/06/2024' is not a date (YYYY-MM-DD"),
        ({"until": "2024-02-30"}, "--until: '2024-02-30' is not a date"),
    ],
)
def test_store_filters_explain_bad_values(options: dict[str, str], message: str) -> None:
    with pytest.raises(FilterError) as info:
        Filters.parse(**options)  # type: ignore[arg-type]
    assert str(info.value).startswith(message)


def test_store_event_by_id_or_unique_prefix(filled: Store) -> None:
    first = next(iter(filled.events()))
    assert filled.event(first.event.id).event == first.event
    assert filled.event(first.event.id[:12]).event == first.event
    assert first.origin == "c.txt" and first.published == dt.date(2024, 6, 27)
    with pytest.raises(EventNotFound, match="no event 'ev_nope'"):
        filled.event("ev_nope")
    with pytest.raises(EventNotFound, match="start of several event ids"):
        filled.event("ev_")


def test_store_stats_count_types_and_quads_per_period(filled: Store) -> None:
    by_month = filled.stats(by="month")
    assert [(p.period, p.events) for p in by_month.periods] == [
        ("2023-12", 1),
        ("2024-01", 1),
        ("2024-03", 1),
        ("2024-06", 1),
        ("2024-11", 1),
        ("undated", 1),
    ]
    by_year = filled.stats(by="year")
    y2024 = by_year.periods[1]
    assert y2024.period == "2024"
    assert y2024.by_type == {"CONSULT": 2, "ACCUSE": 1, "AGREE": 1}
    assert y2024.by_quad == {1: 3, 3: 1}
    assert y2024.goldstein_mean == pytest.approx((1.0 + 1.0 - 2.0 + 4.0) / 4)
    assert by_year.total.events == 6
    assert by_year.total.by_quad == {1: 3, 2: 1, 3: 1, 4: 1}
    week = filled.stats(Filters.parse(dyad="CHN-PER"), by="week")
    assert [p.period for p in week.periods] == ["2024-W09", "2024-W26", "2024-W46"]
    day = filled.stats(Filters.parse(type="ACCUSE"), by="day")
    assert [p.period for p in day.periods] == ["2024-03-02"]
    with pytest.raises(FilterError, match="--by: 'decade'"):
        filled.stats(by="decade")


# Aggregates against a plain count -----------------------------------------------------
#
# Statistics and counts are grouped in SQL (as are the API's network and actor counts, in
# tests/test_api.py): these tests compare them with the same figures counted here, event by
# event, on a store of generated events dated on the edges of weeks, months and years.

EDGE_DAYS = (
    "2019-12-29",  # a Sunday, in ISO week 2019-W52
    "2019-12-30",  # a Monday of 2019 that starts 2020-W01
    "2020-02-29",
    "2020-12-31",  # 2020-W53
    "2021-01-03",  # a Sunday of 2021, still in 2020-W53
    "2021-01-04",  # 2021-W01
    "2024-06-30",
    "2024-07-01",
    "2024-12-30",  # 2025-W01
    "2025-01-01",
    "-",  # undated
)
PEOPLE = (
    "CHN/Xi Jinping",
    "CHN/Li Qiang",
    "PER/Dina Boluarte",
    "USA/Joe Biden",
    "USA/an American envoy",
    "IGO/Team_50% Aid",
)
UNRESOLVED = {"an American envoy"}  # stored without a KB id, so a node by its name


class VariedCoder(StubCoder):
    """The stub coder with quad class and Goldstein score varying by event rather than
    fixed by type, and ``UNRESOLVED`` participants left without a KB id."""

    def code(
        self, documents: Iterable[Document], on_reject: object = None
    ) -> Iterator[tuple[Document, list[Event]]]:
        for d, found in super().code(documents):
            for e in found:
                h = int(hashlib.sha256(e.id.encode()).hexdigest()[:8], 16)
                e.quad_class = 1 + h % 4
                e.goldstein = round((h // 4 % 201) / 10 - 10, 1)
                for ref in [*e.actors, *e.recipients]:
                    if ref.name in UNRESOLVED:
                        ref.actor_id = None
            yield d, found


def generated_corpus(n: int = 40, seed: int = 9) -> list[Document]:
    """``n`` documents of one to four random events each, in the stub coder's line format."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        lines = [f"Report {i}."]
        for _ in range(rng.randint(1, 4)):
            etype = rng.choice(sorted(_CAMEO))
            status = rng.choice(("occurred", "planned", "negated", "hypothetical"))
            who = rng.sample(PEOPLE, rng.randint(1, 3))
            if rng.random() < 0.1:
                who.append(who[0])  # the same participant twice, on both sides
            cut = rng.randint(1, len(who))
            line = f"{etype} {status} {rng.choice(EDGE_DAYS)} {', '.join(who[:cut])}"
            lines.append(line + (f" -> {', '.join(who[cut:])}" if who[cut:] else ""))
        docs.append(doc(*lines, origin=f"generated-{i}.txt"))
    return docs


@pytest.fixture
def generated(store: Store) -> Store:
    ingest(store, generated_corpus(), VariedCoder())
    return store


AGGREGATE_FILTERS = (
    {},
    {"dyad": "CHN-PER"},
    {"dyad": "CHN-CHN"},
    {"country": "USA"},
    {"actor": "xi-jinping"},
    {"actor": "BOLU"},
    {"actor": "_50%"},
    {"type": "ACCUSE", "status": "planned"},
    {"since": "2020-12", "until": "2021"},
    {"dyad": "CHN-PER", "country": "USA"},  # several participant filters: all must hold
    {"actor": "li", "country": "CHN", "since": "2021"},
)


def _label(day: str | None, by: str) -> str:
    if day is None:
        return "undated"
    d = dt.date.fromisoformat(day)
    iso = d.isocalendar()
    return {
        "day": day,
        "week": f"{iso.year}-W{iso.week:02d}",
        "month": day[:7],
        "year": day[:4],
    }[by]


@pytest.mark.parametrize("by", PERIODS)
def test_store_stats_match_a_count_event_by_event(generated: Store, by: str) -> None:
    for options in AGGREGATE_FILTERS:
        filters = Filters.parse(**options)
        matching = [s.event for s in generated.events(filters)]
        assert matching or options.get("type"), options  # the filters do match events
        per: dict[str, list[Event]] = {}
        for e in matching:
            per.setdefault(_label(e.date.start, by), []).append(e)
        found = generated.stats(filters, by=by)
        labels = sorted(per, key=lambda p: (p == "undated", p))
        assert [p.period for p in found.periods] == labels, options
        for p in found.periods:
            evs = per[p.period]
            assert p.events == len(evs)
            assert p.by_type == Counter(e.type for e in evs)
            assert p.by_quad == Counter(e.quad_class for e in evs)
            assert p.goldstein_mean == pytest.approx(sum(e.goldstein for e in evs) / len(evs))
        assert found.total.events == len(matching)
        assert found.total.by_quad == Counter(e.quad_class for e in matching)


class ScoredCoder(StubCoder):
    """The stub coder with each event's Goldstein score taken from ``scores``, in order."""

    def __init__(self, scores: list[float]) -> None:
        super().__init__()
        self.scores = iter(scores)

    def code(
        self, documents: Iterable[Document], on_reject: object = None
    ) -> Iterator[tuple[Document, list[Event]]]:
        for d, found in super().code(documents):
            for e in found:
                e.goldstein = next(self.scores)
            yield d, found


def test_store_stats_mean_goldstein_is_exact_whatever_the_grouping(store: Store) -> None:
    # Summed as floats, 1.9 + 1.9 + 1.9 + 1.0 is 6.699999999999999: a mean of 1.67499...,
    # shown as 1.67; and the last bits of a float sum move with how the terms are grouped.
    days = ("2024-01-01", "2024-01-02", "2024-02-01", "2024-03-01")
    lines = [f"CONSULT occurred {day} CHN/Xi Jinping -> PER/Dina Boluarte" for day in days]
    ingest(store, [doc(*lines)], ScoredCoder([1.9, 1.9, 1.9, 1.0]))
    assert store.count() == 4
    for by in PERIODS:
        assert store.stats(by=by).total.goldstein_mean == 1.675
    assert store.stats(by="year").periods[0].goldstein_mean == 1.675


def test_store_count_matches_the_listing(generated: Store) -> None:
    for options in AGGREGATE_FILTERS:
        filters = Filters.parse(**options)
        assert generated.count(filters) == len(list(generated.events(filters))), options


# Export -----------------------------------------------------------------------------


def test_store_export_plover_json_uses_the_manual_field_names(
    filled: Store, tmp_path: Path
) -> None:
    out = tmp_path / "events.jsonl"
    assert filled.export("plover-json", out, Filters.parse(dyad="CHN-PER")) == 3
    records = [json.loads(line) for line in out.read_text().splitlines()]
    accuse, consult, agree = records
    for key in ("id", "date", "actor", "recipient", "event", "mode", "context", "event_loc"):
        assert key in consult
    assert consult["event"] == ["CONSULT"] and consult["mode"] == ["visit"]
    assert consult["actor"][0] == {
        "code": "CHN",
        "sector": "GOV",
        "actor_text": "Xi Jinping",
        "identifier_id": "xi-jinping",
        "identifier_text": "Xi Jinping",
        "office": "President",
        "cameo_code": "CHNGOV",
    }
    assert consult["recipient"][0]["code"] == "PER"
    assert consult["event_loc"]["geonameid"] == 3936456
    assert consult["event_loc"]["latitude"] == -12.04318
    # The manual's conventions: a planned act is an intention, marked with `future`.
    assert agree["event"] == ["AGREE"] and "future" in agree["context"]
    assert accuse["quad_code"] == 3 and accuse["cite_info"]["citation"].startswith("doc_")


def test_store_export_cameo_tsv_has_gdelt_like_columns(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    assert filled.export("cameo-tsv", out, Filters.parse(type="CONSULT")) == 2
    header, *lines = out.read_text().splitlines()
    assert tuple(header.split("\t")) == CAMEO_COLUMNS
    rows = [dict(zip(CAMEO_COLUMNS, line.split("\t"), strict=True)) for line in lines]
    joint, hosted = rows  # 2024-01-10 (two actors), 2024-06-27 (actor -> recipient)
    assert hosted["SQLDATE"] == "20240627"
    assert (hosted["Actor1Code"], hosted["Actor1Name"]) == ("CHNGOV", "Xi Jinping")
    assert (hosted["Actor2Code"], hosted["Actor2CountryCode"]) == ("PERGOV", "PER")
    assert (hosted["EventCode"], hosted["EventRootCode"], hosted["QuadClass"]) == ("040", "04", "1")
    assert hosted["GoldsteinScale"] == "1.0" and hosted["NumMentions"] == "1"
    assert (hosted["ActionGeo_Lat"], hosted["ActionGeo_Long"]) == ("-12.04318", "-77.02824")
    assert joint["Actor2Name"] == "Li Qiang"  # no recipient: the second participant


def test_store_export_csv_and_parquet_hold_every_event(filled: Store, tmp_path: Path) -> None:
    import csv

    import pyarrow.parquet as pq

    assert filled.export("csv", tmp_path / "e.csv") == 6
    with (tmp_path / "e.csv").open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r["type"] for r in rows] == ["ASSAULT", "CONSULT", "ACCUSE", "CONSULT", "AGREE", "AID"]

    assert filled.export("parquet", tmp_path / "e.parquet") == 6
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.num_rows == 6
    assert str(table.schema.field("date_start").type) == "date32[day]"
    assert table.column("actors")[1].as_py()[0]["code"] == "CHNGOV"
    # The record column reads back into exactly the stored events.
    from dyad.store.rows import event_from_json

    assert [event_from_json(r) for r in table.column("record").to_pylist()] == [
        s.event for s in filled.events()
    ]


def test_store_export_of_nothing_writes_an_empty_file(store: Store, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    assert store.export("parquet", tmp_path / "none.parquet") == 0
    assert pq.read_table(tmp_path / "none.parquet").num_rows == 0
    assert store.export("cameo-tsv", tmp_path / "none.tsv") == 0
    assert (tmp_path / "none.tsv").read_text().count("\n") == 1  # the header


def test_store_export_failure_leaves_the_old_file_alone(filled: Store, tmp_path: Path) -> None:
    from dyad.store.export import export

    def broken() -> Iterator[StoredEvent]:
        yield next(iter(filled.events()))
        raise RuntimeError("connection lost")

    target = tmp_path / "e.csv"
    target.write_text("yesterday's export\n")
    with pytest.raises(RuntimeError):
        export(broken(), "csv", target)
    assert target.read_text() == "yesterday's export\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    with pytest.raises(StoreError, match="cannot write .*missing-folder"):
        filled.export("csv", tmp_path / "missing-folder" / "e.csv")
