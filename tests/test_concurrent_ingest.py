"""Concurrent ``dyad ingest`` runs into one store: the store must equal one serial ingest.

Two and four processes ingest overlapping corpora of short news reports at once (every
article in at least two of them, some reports telling the same meeting), on SQLite and, when
``DYAD_TEST_PG`` is set, on a fresh PostgreSQL database each, which the racing processes
also migrate. Afterwards the store holds exactly what a single ingest of all the articles
holds: the same documents, events (ids, records, counts), mentions, actor references and
reports, with no duplicate.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from dyad.store.schema import metadata
from tests.test_store import _postgres_database

ARTICLES = [
    {
        "published": "2024-06-26",
        "source": "Andina",
        "text": "Peruvian President Dina Boluarte will visit Beijing next week.\n\n"
        "Peruvian President Dina Boluarte will meet Chinese President Xi Jinping in Beijing "
        "on June 28, the foreign ministry said on Wednesday.",
    },
    {
        "published": "2024-06-28",
        "source": "Xinhua",
        "text": "Xi Jinping meets Dina Boluarte in Beijing.\n\n"
        "Chinese President Xi Jinping met Peruvian President Dina Boluarte in Beijing on "
        "Friday. The two leaders signed agreements on trade and the Chancay port.",
    },
    {
        "published": "2024-06-29",
        "source": "Reuters",
        "text": "China and Peru sign trade deals.\n\n"
        "Chinese President Xi Jinping met Peruvian President Dina Boluarte in Beijing on "
        "Friday, June 28, and the two governments signed a dozen cooperation agreements.",
    },
    {
        "published": "2024-03-02",
        "source": "AP",
        "text": "Blinken visits Manila.\n\n"
        "U.S. Secretary of State Antony Blinken met Philippine President Ferdinand Marcos Jr. "
        "in Manila on Tuesday and pledged support in the South China Sea.",
    },
    {
        "published": "2024-04-10",
        "source": "BBC",
        "text": "Russia accuses Ukraine.\n\n"
        "Russia accused Ukraine on Wednesday of shelling the Zaporizhzhia nuclear plant, "
        "a charge Kyiv denied.",
    },
    {
        "published": "2024-05-14",
        "source": "AFP",
        "text": "Macron receives Modi.\n\n"
        "French President Emmanuel Macron met Indian Prime Minister Narendra Modi in Paris on "
        "Tuesday to discuss defence cooperation.",
    },
    {
        "published": "2024-05-15",
        "source": "The Hindu",
        "text": "Modi and Macron hold talks in Paris.\n\n"
        "Indian Prime Minister Narendra Modi held talks with French President Emmanuel Macron "
        "in Paris on May 14 on defence and space cooperation.",
    },
    {
        "published": "2024-07-03",
        "source": "Kyodo",
        "text": "Japan sends aid to the Philippines.\n\n"
        "Japan pledged humanitarian aid to the Philippines on Wednesday after a typhoon struck "
        "the northern island of Luzon.",
    },
    {
        "published": "2024-08-20",
        "source": "Al Jazeera",
        "text": "Egypt hosts ceasefire talks.\n\n"
        "Egyptian President Abdel Fattah el-Sisi met U.S. Secretary of State Antony Blinken in "
        "El Alamein on Tuesday to discuss a ceasefire in Gaza.",
    },
    {
        "published": "2024-09-11",
        "source": "DW",
        "text": "Scholz visits Kazakhstan.\n\n"
        "German Chancellor Olaf Scholz met Kazakh President Kassym-Jomart Tokayev in Astana on "
        "Monday and discussed energy supplies.",
    },
]
# Each run's corpus: seven of the ten articles, starting at a different one, so every article
# is in several corpora and the runs meet on every shared one.
PER_RUN = 7
DYAD = Path(sys.executable).with_name("dyad")


def _corpora(folder: Path, runs: int) -> list[Path]:
    paths = []
    for i in range(runs):
        k = (i * 3) % len(ARTICLES)
        chosen = (ARTICLES[k:] + ARTICLES[:k])[:PER_RUN]
        path = folder / f"corpus-{i}.jsonl"
        path.write_text("".join(json.dumps(a) + "\n" for a in chosen), encoding="utf-8")
        paths.append(path)
    return paths


def _ingest(db_url: str, corpora: list[Path], config: Path) -> None:
    """One ``dyad ingest`` process per corpus, all started at once; each must exit 0."""
    env = {**os.environ, "DYAD_CONFIG": str(config)}
    env.pop("DYAD_DB", None)
    runs = [
        subprocess.Popen(
            [DYAD, "ingest", str(path), "--db", db_url, "--workers", "1", "--batch-size", "1"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in corpora
    ]
    for run in runs:
        out, err = run.communicate(timeout=600)
        assert run.returncode == 0, err[-3000:]


# Columns that record where and when a row was written, not what it holds: the origin is the
# file an article was first read from, which differs between the runs' corpora.
NOT_COMPARED = {"documents": {"origin", "stored_at"}}
TABLES = ("documents", "events", "event_sources", "mentions", "actor_refs")


def _snapshot(db_url: str) -> dict[str, list[tuple[object, ...]]]:
    engine = sa.create_engine(db_url)
    try:
        out = {}
        with engine.connect() as conn:
            for name in TABLES:
                table = metadata.tables[name]
                cols = [c for c in table.c if c.name not in NOT_COMPARED.get(name, set())]
                found = conn.execute(sa.select(*cols)).all()
                out[name] = sorted((tuple(r) for r in found), key=repr)
        return out
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def serial(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[object, ...]]]:
    """The store one ingest of every article makes: what concurrent runs must equal."""
    folder = tmp_path_factory.mktemp("serial")
    path = folder / "all.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    url = f"sqlite:///{folder / 'serial.db'}"
    _ingest(url, [path], folder / "config")
    snapshot = _snapshot(url)
    assert len(snapshot["documents"]) == len(ARTICLES)
    # Some reports tell one meeting: linking is part of what must come out the same.
    assert len(snapshot["event_sources"]) > len(snapshot["events"])
    return snapshot


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'dyad.db'}"
    else:
        yield from _postgres_database()


@pytest.mark.parametrize("runs", [2, 4])
def test_concurrent_ingests_of_overlapping_corpora_store_what_one_serial_ingest_stores(
    empty_db: str,
    tmp_path: Path,
    serial: dict[str, list[tuple[object, ...]]],
    runs: int,
) -> None:
    corpora = _corpora(tmp_path, runs)
    assert {line for p in corpora for line in p.read_text().splitlines()} == {
        json.dumps(a) for a in ARTICLES
    }
    _ingest(empty_db, corpora, tmp_path / "config")
    got = _snapshot(empty_db)
    for name in TABLES:
        assert got[name] == serial[name], name
    engine = sa.create_engine(empty_db)
    try:
        with engine.connect() as conn:
            duplicates = conn.execute(
                sa.text(
                    "SELECT COUNT(*) FROM (SELECT document_id, sentence_start, trigger_start,"
                    " source_id FROM mentions GROUP BY 1, 2, 3, 4 HAVING COUNT(*) > 1) d"
                )
            ).scalar_one()
            events = conn.execute(sa.text("SELECT COUNT(*) FROM events")).scalar_one()
    finally:
        engine.dispose()
    assert duplicates == 0
    assert events == len(serial["events"])
