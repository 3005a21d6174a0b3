"""Cross-document linking in the store (issue #8): the seeds' meeting is told by both."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from typer.testing import CliRunner

from dyad.cli import app

from .conftest import SEEDS

ARRIVAL = SEEDS / "boluarte-arrives-in-beijing.txt"
MEETING = SEEDS / "li-qiang-meets-boluarte.txt"


def _ingest(db: str, path: Path, published: str) -> None:
    res = CliRunner().invoke(app, ["ingest", str(path), "--db", db, "--published", published])
    assert res.exit_code == 0, res.output


def _consults(db: str) -> list[sa.Row]:  # type: ignore[type-arg]
    engine = sa.create_engine(db)
    try:
        with engine.connect() as conn:
            return list(
                conn.execute(
                    sa.text(
                        "SELECT e.id, e.status, e.mention_count, e.document_count, e.source_count,"
                        " group_concat(r.name, '|') AS names FROM events e"
                        " JOIN actor_refs r ON r.event_id = e.id"
                        " WHERE e.type = 'CONSULT' GROUP BY e.id"
                    )
                )
            )
    finally:
        engine.dispose()


def _with(rows: list, *names: str) -> list:  # type: ignore[type-arg]
    return [r for r in rows if set(names) <= set(r.names.split("|"))]


def test_store_links_planned_meeting_to_its_report(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'dyad.db'}"
    _ingest(db, ARRIVAL, "2024-06-27")
    before = _consults(db)
    [planned] = _with(before, "Li Qiang", "Dina Boluarte")
    assert planned.status == "planned"

    _ingest(db, MEETING, "2024-06-28")
    after = _consults(db)
    [meeting] = _with(after, "Li Qiang", "Dina Boluarte")
    assert meeting.id == planned.id  # the event keeps the id of its first report
    assert meeting.status == "occurred"
    assert meeting.document_count == 2 and meeting.mention_count >= 3
    assert [r.status for r in _with(after, "Xi Jinping", "Dina Boluarte")] == ["planned"]
    assert [r.status for r in _with(after, "Zhao Leji", "Dina Boluarte")] == ["planned"]

    shown = CliRunner().invoke(app, ["show", meeting.id, "--db", db])
    assert shown.exit_code == 0
    assert "first report" in shown.stdout
    assert "linked: same type CONSULT, same participants" in shown.stdout


def test_store_recode_keeps_links_consistent(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'dyad.db'}"
    _ingest(db, ARRIVAL, "2024-06-27")
    _ingest(db, MEETING, "2024-06-28")
    engine = sa.create_engine(db)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("UPDATE documents SET coder_version = 'old'"))
    finally:
        engine.dispose()
    res = CliRunner().invoke(app, ["recode", "--db", db])
    assert res.exit_code == 0, res.output
    [meeting] = _with(_consults(db), "Li Qiang", "Dina Boluarte")
    assert meeting.document_count == 2 and meeting.status == "occurred"
    engine = sa.create_engine(db)
    try:
        with engine.connect() as conn:
            orphans = conn.execute(
                sa.text(
                    "SELECT count(*) FROM mentions m LEFT JOIN events e ON e.id = m.event_id"
                    " WHERE e.id IS NULL"
                )
            ).scalar_one()
    finally:
        engine.dispose()
    assert orphans == 0


def test_store_links_reports_naming_the_same_sides_in_other_words(tmp_path: Path) -> None:
    # Participants without a knowledge-base entry are the same by country and sector, not
    # by the words used: "officials" and "diplomats" of the same two governments.
    db = f"sqlite:///{tmp_path / 'w.db'}"
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Chinese officials met Japanese officials in Tokyo on Monday.")
    b.write_text("Chinese diplomats held talks with Japanese diplomats in Tokyo on Monday.")
    _ingest(db, a, "2024-06-25")
    _ingest(db, b, "2024-06-25")
    [row] = _consults(db)
    assert (row.mention_count, row.document_count) == (2, 2)
