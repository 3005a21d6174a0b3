"""The store commands: ingest, events, stats, show, export and recode, on both backends."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from dyad.cli import app
from dyad.store import Store
from tests.test_store import (  # noqa: F401  (db_url is the SQLite/PostgreSQL fixture)
    CHN_PER,
    PER_CHN,
    StubCoder,
    corpus,
    db_url,
    doc,
    ingest,
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args))


@pytest.fixture(autouse=True)
def no_user_actors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # Commands read $DYAD_CONFIG/actors/ and $DYAD_DB: keep the user's own out of the tests.
    monkeypatch.setenv("DYAD_CONFIG", str(tmp_path / "config"))
    monkeypatch.delenv("DYAD_DB", raising=False)
    yield


@pytest.fixture
def filled(db_url: str) -> str:  # noqa: F811
    """A store holding the stub corpus of tests/test_store.py (six known events)."""
    with Store.open(db_url) as store:
        ingest(store, corpus())
    return db_url


def test_cli_ingest_stores_the_examples_and_a_rerun_stores_nothing(
    db_url: str,  # noqa: F811
) -> None:
    first = run("ingest", str(EXAMPLES), "--db", db_url)
    assert first.exit_code == 0, first.output
    assert "docs/s" in first.stderr  # the progress bar
    assert "skipped: " in first.stderr and "README.md" in first.stderr
    summary = first.stderr.strip().splitlines()[-1]
    assert summary.startswith("stored 7 documents, ")
    assert "; 0 already stored, 0 rejected, 1 skipped;" in summary

    again = run("ingest", str(EXAMPLES), "--db", db_url)
    assert again.exit_code == 0, again.output
    assert f"already stored: {EXAMPLES / 'apec-lima-2024.txt'} (doc_" in again.stderr
    assert "stored 0 documents, 0 events; 7 already stored, 0 rejected, 1 skipped" in again.stderr

    # What the store gives back is what `dyad code` prints for the same inputs, but for the
    # events linked across reports: each of those is a mention of a stored event, with why.
    coded = [json.loads(line) for line in run("code", str(EXAMPLES)).stdout.splitlines()]
    stored_run = run("events", "--db", db_url, "--format", "jsonl")
    assert stored_run.exit_code == 0, stored_run.output
    stored = [json.loads(line) for line in stored_run.stdout.splitlines()]
    by_id = {e["id"]: e for e in stored}
    for ev in coded:
        if by_id.get(ev["id"]) == ev:
            continue
        # A linked report: the founder of a stored event, or a mention joined to one.
        (m,) = ev["mentions"]
        key = (m["document_id"], m["trigger_start"])
        homes = [
            (e, s)
            for e in stored
            for s in e["mentions"]
            if (s["document_id"], s["trigger_start"]) == key
        ]
        assert homes, ev
        assert all(s["joined"] or e["id"] == ev["id"] for e, s in homes), ev
    assert len(stored) <= len(coded)
    assert summary.startswith(f"stored 7 documents, {len(stored)} events")


def test_cli_ingest_reports_rejects_stores_them_and_exits_1(
    db_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(
        "Chilean President Gabriel Boric met Argentine President Javier Milei in Santiago."
    )
    (tmp_path / "in" / "bin.txt").write_bytes(b"\x00\x01binary")
    res = run("ingest", str(tmp_path / "in"), "--db", db_url, "--quiet")
    assert res.exit_code == 1
    assert f"rejected: {tmp_path / 'in' / 'bin.txt'}: contains NUL bytes" in res.stderr
    assert "stored " not in res.stderr  # --quiet: no summary
    with Store.open(db_url) as store:
        assert store.totals().rejects == {"binary": 1}
        assert store.totals().documents == 1


def test_cli_ingest_uses_dyad_db_and_defaults_to_dyad_db_in_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Chilean President Gabriel Boric met Argentine President Javier Milei.")
    monkeypatch.chdir(tmp_path)
    assert run("ingest", str(article), "-q").exit_code == 0
    assert (tmp_path / "dyad.db").exists()
    monkeypatch.setenv("DYAD_DB", str(tmp_path / "other.db"))
    assert run("ingest", str(article), "-q").exit_code == 0
    assert (tmp_path / "other.db").exists()


def test_cli_read_commands_do_not_create_a_store(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    for args in (["events"], ["stats"], ["show", "ev_1"], ["export", "--format", "csv", "-o", "x"]):
        res = run(*args, "--db", str(missing))
        assert res.exit_code == 2, args
        assert f"error: no store at {missing}: run `dyad ingest PATH...` first" in res.stderr
    assert not missing.exists()


def test_cli_events_filters_and_formats(filled: str) -> None:
    table = run("events", "--db", filled, "--dyad", "CHN-PER")
    assert table.exit_code == 0, table.output
    assert "3 events" in table.stdout and "Xi Jinping (CHNGOV)" in table.stdout

    jsonl = run("events", "--db", filled, "--country", "USA", "--format", "jsonl")
    records = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert [r["type"] for r in records] == ["ASSAULT", "AID"]
    assert records[0]["actors"][0]["actor_id"] == "joe-biden"

    rows = list(
        csv.DictReader(io.StringIO(run("events", "--db", filled, "--format", "csv").stdout))
    )
    assert len(rows) == 6 and rows[0]["date_start"] == "2023-12-31"

    limited = run("events", "--db", filled, "--since", "2024", "--limit", "1", "--format", "jsonl")
    assert [json.loads(x)["date"]["start"] for x in limited.stdout.splitlines()] == ["2024-01-10"]

    bad = run("events", "--db", filled, "--dyad", "China-Peru")
    assert bad.exit_code == 2
    assert "error: --dyad: unknown country code 'China': did you mean CHN (China)?" in bad.stderr


def test_cli_events_table_shows_the_first_hundred_and_says_so(
    db_url: str,  # noqa: F811
) -> None:
    lines = [
        f"CONSULT occurred 2024-06-{1 + i % 28:02d} CHN/Xi Jinping -> PER/P{i}" for i in range(101)
    ]
    with Store.open(db_url) as store:
        ingest(store, [doc(*lines)])
    res = run("events", "--db", db_url)
    assert "100 events" in res.stdout
    assert "showing the first 100 of 101 events: use --limit N" in res.stderr


def test_cli_stats_prints_table_chart_and_sparkline(filled: str) -> None:
    res = run("stats", "--db", filled, "--by", "year")
    assert res.exit_code == 0, res.output
    out = res.stdout
    assert "5 documents, 6 events and 0 rejected inputs in the store; 6 events match" in out
    assert "Events by quad class per year" in out and "Events by PLOVER type per year" in out
    assert "mean Goldstein" in out and "█" in out
    assert "events per year, 2023 .. 2024: |" in out

    dyad = run("stats", "--db", filled, "--dyad", "CHN-PER", "--by", "month", "--format", "jsonl")
    periods = [json.loads(line) for line in dyad.stdout.splitlines()]
    assert [(p["period"], p["events"]) for p in periods] == [
        ("2024-03", 1),
        ("2024-06", 1),
        ("2024-11", 1),
        ("total", 3),
    ]
    assert periods[-1]["by_type"] == {"ACCUSE": 1, "CONSULT": 1, "AGREE": 1}
    assert periods[-1]["by_quad"] == {"1": 2, "3": 1}
    assert periods[-1]["goldstein_mean"] == pytest.approx(1.0)

    bad = run("stats", "--db", filled, "--by", "fortnight")
    assert bad.exit_code == 2 and "error: --by: 'fortnight' is not one of day, week" in bad.stderr


def test_cli_show_prints_the_record_and_highlighted_evidence(filled: str) -> None:
    from dyad.cli.show import render_event

    with Store.open(filled) as store:
        stored = next(iter(store.events(store_filters(dyad="CHN-PER", type="CONSULT"))))
    event_id = stored.event.id
    res = run("show", event_id[:10], "--db", filled)
    assert res.exit_code == 0, res.output
    assert f"CONSULT/visit  occurred  {event_id}" in res.stdout
    assert "Xi Jinping (CHNGOV, President; kb 0.90)" in res.stdout
    assert CHN_PER in res.stdout  # the evidence sentence
    assert "trigger 'CONSULT' (stub.consult)" in res.stdout

    as_json = run("show", event_id, "--db", filled, "--format", "json")
    assert json.loads(as_json.stdout)["id"] == event_id

    # On a terminal the trigger and the actors are styled in the sentence.
    buffer = io.StringIO()
    render_event(stored, Console(file=buffer, force_terminal=True, width=200))
    styled = buffer.getvalue()
    assert "\x1b[1;30;43mCONSULT\x1b[0m" in styled  # trigger: bold black on yellow
    assert "\x1b[1;36mXi Jinping\x1b[0m" in styled  # actor: bold cyan
    assert "\x1b[1;35mDina Boluarte\x1b[0m" in styled  # recipient: bold magenta

    missing = run("show", "ev_nope", "--db", filled)
    assert missing.exit_code == 1 and "error: no event 'ev_nope' in the store" in missing.stderr


def store_filters(**options: str):  # type: ignore[no-untyped-def]
    from dyad.store import Filters

    return Filters.parse(**options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fmt", "first_line"),
    [
        ("plover-json", '{"id": "ev_'),
        ("cameo-tsv", "GLOBALEVENTID\tSQLDATE\tActor1Code"),
        ("gdelt", None),
        ("polecat", "Event ID\tEvent Date\tEvent Type"),
        ("csv", "id,date_start,date_end"),
        ("parquet", None),
    ],
)
def test_cli_export_writes_each_format(
    filled: str, tmp_path: Path, fmt: str, first_line: str | None
) -> None:
    out = tmp_path / f"events.{fmt}"
    res = run("export", "--format", fmt, "-o", str(out), "--db", filled, "--dyad", "CHN-PER")
    assert res.exit_code == 0, res.output
    assert f"exported 3 events to {out} ({fmt})" in res.stderr
    if fmt == "gdelt":  # no header; rows of 61 columns
        assert {line.count("\t") for line in out.read_text().splitlines()} == {60}
    elif first_line is None:
        import pyarrow.parquet as pq

        assert pq.read_table(out).num_rows == 3
    else:
        assert out.read_text().startswith(first_line)


def test_cli_export_rejects_an_unknown_format(filled: str, tmp_path: Path) -> None:
    res = run("export", "--format", "xml", "-o", str(tmp_path / "x"), "--db", filled)
    assert res.exit_code == 2
    formats = "plover-json, gdelt, polecat, cameo-tsv, csv, parquet"
    assert f"error: --format must be one of {formats}" in res.stderr


def test_cli_recode_recodes_documents_of_an_older_coder_once(
    db_url: str,  # noqa: F811
) -> None:
    from dyad.coder import coder_version

    article = (
        "Chilean President Gabriel Boric met Argentine President Javier Milei in Santiago "
        "on Monday."
    )
    with Store.open(db_url) as store:
        ingest(store, [doc(CHN_PER, PER_CHN), doc(article)], StubCoder("0.0.1+old"))
    res = run("recode", "--db", db_url)
    assert res.exit_code == 0, res.output
    assert f"recoded 2 documents with coder {coder_version()}: 2 events replaced by " in res.stderr
    with Store.open(db_url) as store:
        assert {s.event.coder_version for s in store.events()} == {coder_version()}
        assert store.outdated() == 0
    again = run("recode", "--db", db_url)
    assert f"nothing to recode: all 2 stored documents are coded by {coder_version()}" in (
        again.stderr
    )


def test_cli_export_prints_a_formats_json_schema(tmp_path: Path) -> None:
    import json

    res = run("export", "--format", "polecat", "--schema", "-o", "-")
    assert res.exit_code == 0, res.output
    spec = json.loads(res.stdout)
    assert spec["x-columns"][0] == "Event ID" and "x-format-version" in spec
