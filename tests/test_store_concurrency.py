"""What makes concurrent ingest safe, piece by piece: event ids and records that do not
depend on ingest order, the retry on a conflict, the locked migration, and migration 0007
splitting events stored before it into their reports. (``test_concurrent_ingest.py`` runs
real concurrent ``dyad ingest`` processes.)"""

from __future__ import annotations

import itertools
import json
import threading

import pytest
import sqlalchemy as sa

from dyad.store import Store, locking
from dyad.store.schema import event_sources, events, mentions
from tests.test_store import StubCoder, db_url, doc  # noqa: F401  (db_url: both backends)

# One meeting told by three reports (announced, held, held again), another by two.
REPORTS = [
    doc("CONSULT planned 2024-06-28 PER/Dina Boluarte -> CHN/Xi Jinping", published="2024-06-20"),
    doc("CONSULT occurred 2024-06-28 PER/Dina Boluarte -> CHN/Xi Jinping", published="2024-06-28"),
    doc(
        "CONSULT occurred 2024-06-28 PER/Dina Boluarte -> CHN/Xi Jinping",
        "AID occurred 2024-06-29 CHN/Xi Jinping -> PER/Dina Boluarte",
        published="2024-06-29",
    ),
    doc("AID occurred 2024-06-29 CHN/Xi Jinping -> PER/Dina Boluarte", published="2024-07-01"),
    doc("ACCUSE occurred 2024-03-02 USA/Joe Biden -> CHN/Xi Jinping", published="2024-03-02"),
]


def _stored(store: Store) -> dict[str, list[tuple[object, ...]]]:
    with store.engine.connect() as conn:
        return {
            t.name: sorted(tuple(r) for r in conn.execute(sa.select(t)).all())
            for t in (events, mentions, event_sources)
        }


def test_linked_events_are_the_same_whatever_order_the_reports_come_in(
    db_url: str,  # noqa: F811
    tmp_path: object,
) -> None:
    results = []
    for order in itertools.permutations(range(4)):
        with Store.open(db_url) as store:
            with store.engine.begin() as conn:
                for name in ("actor_refs", "event_sources", "mentions", "events", "documents"):
                    conn.execute(sa.text(f"DELETE FROM {name}"))
            batch = [REPORTS[i] for i in order] + [REPORTS[4]]
            list(store.ingest(batch, StubCoder(), batch_size=1))
            results.append(_stored(store))
    first = results[0]
    assert len(first["events"]) == 3 and len(first["event_sources"]) == 6
    assert all(r == first for r in results[1:])
    # The earliest report founds the meeting and gives it its id; the later ones moved it on.
    with Store.open(db_url) as store:
        [meeting] = [se.event for se in store.events() if se.event.type == "CONSULT"]
    assert meeting.id == next(e.id for e in _own_events(REPORTS[0]) if e.type == "CONSULT")
    assert meeting.status == "occurred"
    assert [m.document_id for m in meeting.mentions] == [d.id for d in REPORTS[:3]]


def _own_events(d: object) -> list:  # type: ignore[type-arg]
    from tests.test_store import stub_events

    return stub_events(d, "stub-1")  # type: ignore[arg-type]


def test_recoding_a_report_refolds_the_event_from_the_reports_left(tmp_path: object) -> None:
    with Store.open(f"sqlite:///{tmp_path}/r.db") as store:  # type: ignore[str-bytes-safe]
        list(store.ingest(REPORTS[:2], StubCoder()))
        from dyad.store.linking import unlink_documents

        with store.engine.begin() as conn:
            unlink_documents(conn, [REPORTS[0].id])
        [meeting] = [se.event for se in store.events()]
    # Without the announcement the held meeting founds the event alone.
    assert meeting.id == _own_events(REPORTS[1])[0].id
    assert [m.document_id for m in meeting.mentions] == [REPORTS[1].id]
    assert meeting.mentions[0].joined is None


def test_write_retries_a_conflict_and_raises_the_last_one(tmp_path: object) -> None:
    with Store.open(f"sqlite:///{tmp_path}/w.db") as store:  # type: ignore[str-bytes-safe]
        calls = []

        def flaky(conn: sa.Connection) -> str:
            calls.append(1)
            conn.execute(sa.text("INSERT INTO store_info VALUES ('k', 'v')"))
            if len(calls) < 3:
                # A row another writer stored first: this transaction is rolled back.
                conn.execute(sa.text("INSERT INTO store_info VALUES ('k', 'again')"))
            return "done"

        assert locking.write(store.engine, flaky) == "done" and len(calls) == 3
        assert store.info()["k"] == "v"

        def always(conn: sa.Connection) -> None:
            conn.execute(sa.text("INSERT INTO store_info VALUES ('k', 'v')"))

        with pytest.raises(sa.exc.IntegrityError):
            locking.write(store.engine, always, attempts=2)


def test_concurrent_opens_of_a_new_database_migrate_it_once(db_url: str) -> None:  # noqa: F811
    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            with Store.open(db_url) as store:
                store.totals()
        except BaseException as exc:  # noqa: BLE001  (reported below)
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Store.open(db_url) as store:
        with store.engine.connect() as conn:
            versions = conn.execute(sa.text("SELECT version_num FROM alembic_version")).all()
    assert len(versions) == 1


def test_migration_0007_splits_events_stored_before_it_into_their_reports(
    tmp_path: object,
) -> None:
    from alembic import command
    from alembic.config import Config

    from dyad.store.database import MIGRATIONS, create_engine

    url = f"sqlite:///{tmp_path}/old.db"  # type: ignore[str-bytes-safe]
    engine = create_engine(url)
    cfg = Config()
    cfg.set_main_option("script_location", MIGRATIONS)
    cfg.set_main_option("path_separator", "os")
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005")
    # A linked event as revision 0005 stored it: two documents' mentions in one record.
    with Store.open(f"sqlite:///{tmp_path}/new.db") as new:  # type: ignore[str-bytes-safe]
        list(new.ingest(REPORTS[:2], StubCoder()))
        with new.engine.connect() as conn:
            docs = conn.execute(sa.text("SELECT * FROM documents")).mappings().all()
            evs = conn.execute(sa.text("SELECT * FROM events")).mappings().all()
            ments = conn.execute(sa.text("SELECT * FROM mentions")).mappings().all()
    with engine.begin() as conn:
        for table, found in (("documents", docs), ("events", evs), ("mentions", ments)):
            for row in found:
                values = {k: v for k, v in row.items() if k != "source_id"}
                cols = ", ".join(values)
                marks = ", ".join(f":{k}" for k in values)
                conn.execute(sa.text(f"INSERT INTO {table} ({cols}) VALUES ({marks})"), values)
    engine.dispose()
    with Store.open(url) as store:
        with store.engine.connect() as conn:
            sources = conn.execute(sa.select(event_sources)).all()
            source_ids = conn.execute(sa.select(mentions.c.document_id, mentions.c.source_id)).all()
        [event] = [se.event for se in store.events()]
    assert {s.document_id for s in sources} == {REPORTS[0].id, REPORTS[1].id}
    assert {s.event_id for s in sources} == {event.id}
    founder = next(s for s in sources if s.document_id == REPORTS[0].id)
    assert founder.id == event.id
    assert json.loads(founder.record)["mentions"][0]["document_id"] == REPORTS[0].id
    assert dict(source_ids)[REPORTS[1].id] != event.id
