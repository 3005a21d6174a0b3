"""Database failures as one-line errors: timeouts naming the URL (never its password), files
that are not stores, damaged stores, read-only stores, and characters PostgreSQL refuses."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from dyad.cli import app as cli
from dyad.records import Document
from dyad.store import Store, StoreError, database
from tests.test_store import PG_URL, StubCoder, db_url, doc  # noqa: F401

LINE = "AID occurred 2024-05-05 USA/Joe Biden -> PER/Dina Boluarte"


@pytest.fixture(autouse=True)
def no_user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYAD_CONFIG", str(tmp_path / "config"))
    monkeypatch.delenv("DYAD_DB", raising=False)
    monkeypatch.delenv("DYAD_DB_TIMEOUT", raising=False)


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A TCP port that accepts connections and never answers (a hung database server)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1]
    finally:
        stop.set()
        thread.join()
        for s in held:
            s.close()
        server.close()


def test_a_server_that_never_answers_is_an_error_naming_the_url_within_the_timeout(
    silent_server: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DYAD_DB_TIMEOUT", "1")
    url = f"postgresql://dyad:s3cret@127.0.0.1:{silent_server}/events"
    started = time.monotonic()
    with pytest.raises(StoreError) as caught:
        Store.open(url)
    took = time.monotonic() - started
    message = str(caught.value)
    assert took < 8, took
    assert f"127.0.0.1:{silent_server}/events" in message and "s3cret" not in message
    assert "\n" not in message
    result = CliRunner().invoke(cli, ["events", "--db", url])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: cannot open the store at postgresql")
    assert "s3cret" not in result.output and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("value", ["soon", "0", "-3"])
def test_a_bad_timeout_setting_is_refused(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("DYAD_DB_TIMEOUT", value)
    with pytest.raises(StoreError, match="DYAD_DB_TIMEOUT"):
        database.db_timeout()


@pytest.mark.skipif(not PG_URL, reason="PostgreSQL not configured")
def test_postgresql_statements_stop_at_the_timeout_with_a_hint(
    db_url: str,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL only")
    monkeypatch.setenv("DYAD_DB_TIMEOUT", "1")
    with Store.open(db_url) as store:
        with pytest.raises(sa.exc.OperationalError) as caught, store.engine.connect() as conn:
            conn.execute(sa.text("SELECT pg_sleep(3)"))
    message = database.one_line(caught.value)
    assert "statement timeout" in message and "DYAD_DB_TIMEOUT" in message


def test_a_text_file_as_db_is_refused_with_exit_2(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n")
    for command in (["events"], ["stats"], ["ingest", str(notes)]):
        result = CliRunner().invoke(cli, [*command, "--db", str(notes)])
        assert result.exit_code == 2, (command, result.output)
        assert "is not a Dyad store: it is not a SQLite database" in result.stderr
    assert notes.read_text() == "not a database\n"


def test_a_damaged_store_is_refused_with_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "dyad.db"
    with Store.open(str(path)) as store:
        list(store.ingest([doc(LINE)], StubCoder()))
    data = bytearray(path.read_bytes())
    data[4096:] = os.urandom(len(data) - 4096)  # every page after the first, overwritten
    path.write_bytes(bytes(data))
    for command in (["events"], ["ingest", str(tmp_path / "missing.txt")]):
        result = CliRunner().invoke(cli, [*command, "--db", str(path)])
        assert result.exit_code == 2, (command, result.output)
        assert "database disk image is malformed" in result.stderr


def test_a_read_only_store_is_opened_read_only_for_queries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "dyad.db"
    with Store.open(str(path)) as store:
        list(store.ingest([doc(LINE)], StubCoder()))
    before = path.read_bytes()
    # Tests run as any user, root included, who may write any file: say this one may not.
    monkeypatch.setattr(database, "_writable", lambda _path: False)
    with Store.open(str(path), create=False) as store:
        assert store.count() == 1 and store.totals().documents == 1
        with pytest.raises(sa.exc.OperationalError, match="readonly"):
            list(store.ingest([doc("AID occurred 2024-05-06 USA/A -> PER/B")], StubCoder()))
    assert path.read_bytes() == before
    with pytest.raises(StoreError, match="read-only"):
        Store.open(str(path), create=True)
    result = CliRunner().invoke(cli, ["events", "--db", str(path), "--format", "jsonl"])
    assert result.exit_code == 0 and result.output.count("\n") == 1


def test_nul_and_lone_surrogates_reject_one_document_not_the_batch(
    db_url: str,  # noqa: F811
) -> None:
    good = [doc(LINE), doc("AID occurred 2024-05-06 USA/Joe Biden -> PER/Dina Boluarte")]
    bad = [
        Document(id="doc_nul", text=LINE + " again", title="a\x00b", origin="nul.jsonl:1"),
        Document(id="doc_sur", text=LINE + " more", source="x\ud800", origin="sur.jsonl:1"),
        Document(id="doc_txt", text=LINE + "\x00", origin="txt\x00\udcff.jsonl:1"),
    ]
    with Store.open(db_url) as store:
        outcomes = list(store.ingest([bad[0], good[0], bad[1], bad[2], good[1]], StubCoder()))
        kinds = [(o.kind, o.reason) for o in outcomes]
        assert kinds == [
            ("rejected", "binary"),
            ("stored", None),
            ("rejected", "undecodable"),
            ("rejected", "binary"),
            ("stored", None),
        ]
        assert store.totals().documents == 2 and store.count() == 2
        # The reject of an origin PostgreSQL would refuse is stored, escaped.
        assert store.totals().rejects == {"binary": 2, "undecodable": 1}


def test_a_read_only_store_refuses_api_writes_with_403(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fastapi.testclient import TestClient

    from dyad.api import Settings, create_app

    path = tmp_path / "dyad.db"
    with Store.open(str(path)) as store:
        list(store.ingest([doc(LINE)], StubCoder()))
    monkeypatch.setattr(database, "_writable", lambda _path: False)
    with Store.open(str(path), create=False) as store:
        app = create_app(store, Settings(token="t"), coder=StubCoder())  # type: ignore[arg-type]
        with TestClient(app, base_url="http://localhost") as client:
            assert client.get("/api/events").status_code == 200
            r = client.post(
                "/api/documents",
                json=[{"text": "AID occurred 2024-05-07 USA/A -> PER/B"}],
                headers={"Authorization": "Bearer t"},
            )
    assert r.status_code == 403 and r.json()["error"].endswith("read-only for this server")
