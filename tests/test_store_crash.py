"""Crash safety: an ingest killed with SIGKILL mid-run and run again loses and duplicates nothing.

A child process ingests a generated corpus of 60 short articles in batches of 10 with the real
coder; the parent kills it (SIGKILL, no clean-up of any kind) as soon as the first batch is
committed, while it is coding the next. ``dyad ingest`` is then run on the same corpus and the
store must hold exactly the documents and events that coding the corpus once gives. With
``poison``, the batch being coded at the kill also holds two poison inputs (a record that
cannot be read, a text that cannot be parsed): the re-run rejects them and stores the rest.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from dyad.cli import app
from dyad.coder import Coder
from dyad.ingest import read
from dyad.records import Document
from tests.test_store import db_url  # noqa: F401  (the SQLite/PostgreSQL fixture)

N_DOCUMENTS = 60
BATCH = 10
NATIONS = ("Chilean", "Peruvian", "Argentine", "Brazilian", "Mexican", "Colombian", "Chinese")
CITIES = ("Lima", "Santiago", "Buenos Aires", "Brasilia", "Mexico City", "Bogota", "Beijing")

# The child: the library's ingest with the real coder, slowed down a little per document so
# that the parent reliably catches it between its first commit and its last.
CHILD = """
import sys, time
from dyad.coder import Coder
from dyad.ingest import read
from dyad.store import Store

class Slow:
    def __init__(self, inner):
        self.inner = inner

    def code(self, documents, on_reject):
        for pair in self.inner.code(documents, on_reject=on_reject):
            time.sleep(0.05)
            yield pair

with Store.open(sys.argv[1]) as store:
    coder = Slow(Coder.create(use_config_dir=False))
    for _ in store.ingest(read([sys.argv[2]]), coder, batch_size=int(sys.argv[3])):
        pass
"""


# Lines of the second batch, before the article of that index: a 5,000-digit integer (not
# readable) and a text with no whitespace to cut it at (not parseable).
POISON = {
    12: '{"text": "Talks went on.", "n": ' + "9" * 5000 + "}",
    15: json.dumps({"text": "The envoy said the word was " + "x" * 1_000_001}),
}


def write_corpus(path: Path, n: int = N_DOCUMENTS, *, poison: bool = False) -> Path:
    """``n`` short, distinct news-like articles as JSON Lines (and the ``POISON`` lines)."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            if poison and i in POISON:
                fh.write(POISON[i] + "\n")
            a = NATIONS[i % len(NATIONS)]
            b = NATIONS[(i * 3 + 1) % len(NATIONS)]
            if a == b:
                b = NATIONS[(i + 1) % len(NATIONS)]
            text = (
                f"The {a} foreign minister met his {b} counterpart in "
                f"{CITIES[(i * 5) % len(CITIES)]} on Monday to discuss trade. "
                f"It was meeting number {i + 1} this year, officials said."
            )
            record = {"id": f"art-{i}", "published": "2024-06-27", "text": text}
            fh.write(json.dumps(record) + "\n")
    return path


def _count(engine: sa.Engine, table: str) -> int:
    try:
        with engine.connect() as conn:
            return int(conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one())
    except sa.exc.DBAPIError:  # the child has not created the tables yet
        return 0


@pytest.fixture
def no_user_actors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # `dyad ingest` reads $DYAD_CONFIG/actors/; keep the user's own files out of the test.
    monkeypatch.setenv("DYAD_CONFIG", str(tmp_path / "config"))
    yield


@pytest.mark.parametrize("poison", [False, True], ids=["clean", "poison"])
def test_store_ingest_killed_mid_run_and_rerun_holds_exactly_the_corpus(
    db_url: str,  # noqa: F811
    tmp_path: Path,
    coder: Coder,
    no_user_actors: None,
    poison: bool,
) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", poison=poison)
    items = list(read([corpus]))
    bad = {it.origin for it in items if isinstance(it, Document) and "x" * 1000 in it.text}
    docs = [d for d in items if isinstance(d, Document) and d.origin not in bad]
    coded = list(coder.code(docs))
    expected = _linked(coded)
    assert len(docs) == N_DOCUMENTS and expected
    assert len(bad) == poison
    # The documents stored once each whole batch of items is committed.
    whole = [
        sum(isinstance(it, Document) and it.origin not in bad for it in items[:end])
        for end in range(BATCH, len(items) + BATCH, BATCH)
    ]

    log = (tmp_path / "child.log").open("w")
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, db_url, str(corpus), str(BATCH)], stderr=log, stdout=log
    )
    engine = sa.create_engine(db_url)
    try:
        deadline = time.monotonic() + 120
        while _count(engine, "documents") < BATCH:
            assert child.poll() is None, (tmp_path / "child.log").read_text()
            assert time.monotonic() < deadline, "the child committed nothing in 2 minutes"
            time.sleep(0.005)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        log.close()
        committed = _count(engine, "documents")
        assert child.returncode == -signal.SIGKILL
        assert BATCH <= committed < N_DOCUMENTS, "the kill came too late to test anything"
        assert committed in whole, "a batch was half written"
        # Linking across documents means the committed prefix is linked on its own.
        assert _count(engine, "events") == len(_linked(coded[:committed]))
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        engine.dispose()

    res = CliRunner().invoke(
        app, ["ingest", str(corpus), "--db", db_url, "--batch-size", str(BATCH)]
    )
    assert res.exit_code == (1 if poison else 0), res.output
    left = N_DOCUMENTS - committed
    assert f"stored {left} documents" in res.stderr
    n_rejected = len(POISON) if poison else 0
    assert f"{committed} already stored, {n_rejected} rejected" in res.stderr
    if poison:
        assert "(bad-json: 1, too-long-for-parser: 1)" in res.stderr

    engine = sa.create_engine(db_url)
    try:
        assert _stored_ids(engine) == {d.id for d in docs}
        assert _count(engine, "rejects") == n_rejected
        with engine.connect() as conn:
            event_ids = list(conn.execute(sa.text("SELECT id FROM events")).scalars())
        assert sorted(event_ids) == sorted(expected)  # every event once, none extra
        assert _count(engine, "mentions") == sum(len(e.mentions) for e in expected.values())
        assert _count(engine, "actor_refs") == sum(
            len(e.actors) + len(e.recipients) for e in expected.values()
        )
    finally:
        engine.dispose()


def _linked(coded: list) -> dict:  # type: ignore[type-arg]
    """The events a store holds after ingesting ``coded``, linked across documents: the
    store folds reports in publication order (undated last, then by document id), whatever
    the order they came in."""
    from dyad.link import Linker

    linker = Linker()
    order = sorted(coded, key=lambda c: (c[0].published is None, c[0].published or "", c[0].id))
    for doc, evs in order:
        linker.add(evs, source=doc.source)
    return {le.event.id: le.event for le in linker.events}


def _stored_ids(engine: sa.Engine) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(sa.text("SELECT id FROM documents")).scalars())
