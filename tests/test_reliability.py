"""Reliability: no input stops a batch, and every input is accounted for.

The end-to-end tests run ``dyad code`` and ``dyad ingest`` with ``--workers 2`` as
subprocesses on the garbage corpus of ``bench/garbage.py`` (every kind of bad input, each
followed by a good article); the others isolate one failure in the coder, the pool, the
Dask partition and the store, and parse a long text in pieces.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
import subprocess
from dataclasses import asdict
from pathlib import Path

import pytest
from bench.garbage import DYAD, Corpus, article, build, mentions

import dyad.coder
from dyad import nlp
from dyad.coder import Coder
from dyad.errors import REASONS, CodingError, InputError
from dyad.ingest import document_id, make_document
from dyad.parse_long import parse_long, pieces
from dyad.records import Document, Reject
from dyad.scale import code_partition, read_partitions
from dyad.store import Store
from tests.conftest import SEEDS

LINE = re.compile(r"^(rejected|skipped): (.*?): .* \[([a-z-]+)\]$")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return build(tmp_path_factory.mktemp("garbage") / "in")


def _run(*args: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DYAD_CONFIG": str(tmp / "config")}  # no user actor files
    return subprocess.run(
        [DYAD, *args], capture_output=True, text=True, env=env, timeout=600, check=False
    )


def _reported(stderr: str) -> tuple[dict[str, str], dict[str, str]]:
    """The origin and reason of every rejected and every skipped input on stderr."""
    found: dict[str, dict[str, str]] = {"rejected": {}, "skipped": {}}
    for line in stderr.splitlines():
        if m := LINE.match(line):
            assert m[2] not in found[m[1]], f"{m[2]} reported twice"
            found[m[1]][m[2]] = m[3]
    return found["rejected"], found["skipped"]


def test_reliability_corpus_holds_every_kind_of_bad_input(corpus: Corpus) -> None:
    reasons = set(corpus.rejected.values()) | set(corpus.skipped.values())
    new = {"not-a-file", "symlink-loop", "dangling-symlink", "hidden", "bad-filename"}
    assert new | {"too-long-for-parser", "binary", "empty", "too-large"} <= reasons
    assert {"undecodable", "not-english", "bad-json", "bad-html"} <= reasons
    assert any(len(t) > 1_000_000 for t in corpus.good.values())


def test_reliability_code_accounts_for_every_input_and_loses_nothing_after_a_bad_one(
    corpus: Corpus, tmp_path: Path
) -> None:
    out = tmp_path / "events.jsonl"
    res = _run("code", str(corpus.root), "--workers", "2", "-o", str(out), tmp=tmp_path)
    assert res.returncode == 1, res.stderr  # something was rejected
    assert "Traceback" not in res.stderr
    rejected, skipped = _reported(res.stderr)
    assert rejected == corpus.rejected
    assert skipped == corpus.skipped
    summary = res.stderr.strip().splitlines()[-1]
    m = re.match(r"coded (\d+) documents, (\d+) events, (\d+) rejected .*, (\d+) skipped$", summary)
    assert m, summary
    coded, rejects, skips = int(m[1]), int(m[3]), int(m[4])
    assert (coded, rejects, skips) == (len(corpus.good), len(rejected), len(skipped))
    assert coded + rejects + skips == corpus.inputs

    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == int(m[2])
    found = [mention for line in lines for mention in mentions(line)]
    coded_ids = {mention["document_id"] for mention in found}
    assert coded_ids == {document_id(t) for t in corpus.good.values()}

    # The long article was parsed in pieces: its offsets still point into its whole text.
    [long] = [t for t in corpus.good.values() if len(t) > 1_000_000]
    in_long = [x for x in found if x["document_id"] == document_id(long)]
    assert max(x["start"] for x in in_long) > 900_000
    for x in in_long:
        assert long[x["start"] : x["end"]] == x["sentence"]
        assert x["sentence"].startswith("The ") and x["sentence"].endswith(".")


def test_reliability_ingest_stores_every_good_document_and_every_reject(
    corpus: Corpus, tmp_path: Path
) -> None:
    db = tmp_path / "dyad.db"
    res = _run("ingest", str(corpus.root), "--workers", "2", "--db", str(db), tmp=tmp_path)
    assert res.returncode == 1, res.stderr
    assert "Traceback" not in res.stderr
    rejected, skipped = _reported(res.stderr)
    assert rejected == corpus.rejected
    summary = res.stderr.strip().splitlines()[-1]
    m = re.match(
        r"stored (\d+) documents, (\d+) events( \(of (\d+) coded, (\d+) joined stored events\))?; "
        r"(\d+) already stored, (\d+) rejected .*, (\d+) skipped;",
        summary,
    )
    assert m, summary
    stored, events, already, rejects, skips = (int(m[i]) for i in (1, 2, 6, 7, 8))
    assert (stored, already, rejects, skips) == (len(corpus.good), 0, len(rejected), len(skipped))
    assert stored + already + rejects + skips == corpus.inputs

    with contextlib.closing(sqlite3.connect(db)) as conn:
        ids = {r[0] for r in conn.execute("SELECT id FROM documents")}
        n_events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        stored_rejects = dict(conn.execute("SELECT origin, reason FROM rejects"))
    assert ids == {document_id(t) for t in corpus.good.values()}
    assert n_events == events  # the summary counts events stored, after linking
    assert stored_rejects == corpus.rejected

    again = _run("ingest", str(corpus.root), "--workers", "2", "--db", str(db), tmp=tmp_path)
    assert f"stored 0 documents, 0 events; {len(corpus.good)} already stored, " in again.stderr


def test_reliability_summary_counts_events_after_linking(tmp_path: Path) -> None:
    # Two reports of one visit (tests/test_store_linking.py): some events of the second
    # join events of the first, and the summary counts what the store holds.
    records = [
        {
            "text": (SEEDS / "boluarte-arrives-in-beijing.txt").read_text(),
            "published": "2024-06-27",
        },
        {"text": (SEEDS / "li-qiang-meets-boluarte.txt").read_text(), "published": "2024-06-28"},
    ]
    corpus = tmp_path / "two.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records))
    db = tmp_path / "dyad.db"
    res = _run("ingest", str(corpus), "--db", str(db), "--workers", "1", tmp=tmp_path)
    assert res.returncode == 0, res.stderr
    m = re.search(r"stored 2 documents, (\d+) events \(of (\d+) coded, (\d+) joined", res.stderr)
    assert m, res.stderr
    stored, coded, joined = (int(g) for g in m.groups())
    assert joined >= 1 and stored == coded - joined
    with contextlib.closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == stored


# One failure, isolated ----------------------------------------------------------------


def _docs() -> list[Document]:
    texts = [article(i) for i in range(6)]
    texts[2] = "POISON " + texts[2]
    return [
        make_document(t, origin=f"doc-{i}", published="2024-06-03") for i, t in enumerate(texts)
    ]


@pytest.fixture
def poisoned(monkeypatch: pytest.MonkeyPatch) -> None:
    """Coding raises for a document that says POISON, as a bug in a stage would. Forked pool
    workers inherit the patch."""
    real = dyad.coder.extract_events

    def extract(record, *args, **kwargs):  # type: ignore[no-untyped-def]
        if record.text.startswith("POISON"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(record, *args, **kwargs)

    monkeypatch.setattr(dyad.coder, "extract_events", extract)


@pytest.mark.parametrize("workers", [1, 2])
def test_reliability_a_coding_failure_rejects_one_document_and_the_rest_go_on(
    coder: Coder, poisoned: None, workers: int
) -> None:
    docs = _docs()
    rejects: list[tuple[str, Reject]] = []
    coded = list(
        coder.code(
            docs, batch_size=2, workers=workers, on_reject=lambda d, r: rejects.append((d.id, r))
        )
    )
    assert [d.origin for d, _ in coded] == ["doc-0", "doc-1", "doc-3", "doc-4", "doc-5"]
    assert all(evs for _, evs in coded)
    [(doc_id, reject)] = rejects
    assert doc_id == docs[2].id and reject.origin == "doc-2"
    assert reject.reason == "internal-error" and reject.reason in REASONS
    assert "coding failed with RecursionError" in reject.detail
    with pytest.raises(CodingError, match="RecursionError"):  # nobody takes rejects
        list(coder.code(docs))


def test_reliability_a_failing_parse_loses_only_its_document(
    coder: Coder, monkeypatch: pytest.MonkeyPatch
) -> None:
    pipeline = nlp.load()
    real = type(pipeline).__call__

    def call(self, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        if text.startswith("POISON"):
            raise ValueError("parser broke")
        return real(self, text, *args, **kwargs)

    real_pipe = type(pipeline).pipe

    def pipe(self, texts, *args, **kwargs):  # type: ignore[no-untyped-def]
        texts = list(texts)
        if any(t.startswith("POISON") for t in texts):
            raise ValueError("parser broke")
        return real_pipe(self, texts, *args, **kwargs)

    monkeypatch.setattr(type(pipeline), "__call__", call)
    monkeypatch.setattr(type(pipeline), "pipe", pipe)
    results = list(coder.results(_docs(), batch_size=3))
    assert [type(r).__name__ for _, r in results] == ["list", "list", "Reject"] + ["list"] * 3
    assert "parsing failed with ValueError: parser broke" in results[2][1].detail  # type: ignore[union-attr]


def test_reliability_a_dask_partition_keeps_the_reject(tmp_path: Path, poisoned: None) -> None:
    docs = _docs()
    n, _events = code_partition(docs, str(tmp_path / "part-000000.parquet"), (), False)
    assert n == len(docs)
    back = list(read_partitions(tmp_path))
    assert [d.id for d, _ in back] == [d.id for d in docs]
    kinds = [r.reason if isinstance(r, Reject) else "coded" for _, r in back]
    assert kinds == ["coded", "coded", "internal-error", "coded", "coded", "coded"]


def test_reliability_the_store_records_a_coding_failure_as_a_reject(
    tmp_path: Path, coder: Coder, poisoned: None
) -> None:
    with Store.open(str(tmp_path / "dyad.db")) as store:
        outcomes = list(store.ingest(_docs(), coder, batch_size=4))
        assert [o.kind for o in outcomes] == ["stored", "stored", "rejected"] + ["stored"] * 3
        assert outcomes[2].reason == "internal-error"
        totals = store.totals()
        assert totals.documents == 5 and totals.rejects == {"internal-error": 1}


# Long texts -------------------------------------------------------------------------


def test_reliability_pieces_join_back_and_prefer_paragraph_breaks() -> None:
    text = "One two three.\n\nFour five six. Seven eight.\nNine ten\n\nEleven."
    got = pieces(text, limit=20)
    assert "".join(got) == text and all(len(p) <= 20 for p in got)
    assert got[0] == "One two three.\n\n"
    with pytest.raises(InputError) as err:
        pieces("a" * 50, limit=20)
    assert err.value.reason == "too-long-for-parser"


def test_reliability_a_long_text_codes_as_if_parsed_whole(
    coder: Coder, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Paragraphs of news: cut at the paragraph breaks, the pieces parse exactly as the
    # whole does, so the events (offsets included) are the same.
    text = "\n\n".join(article(i) for i in range(12))
    doc = make_document(text, origin="long", published="2024-06-03")
    whole = [asdict(e) for _, evs in coder.code([doc]) for e in evs]
    pipeline = nlp.load()
    whole_doc = pipeline(text)
    cut_doc = parse_long(pipeline, text, limit=500)
    assert [(t.idx, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in cut_doc] == [
        (t.idx, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in whole_doc
    ]
    monkeypatch.setattr(pipeline, "max_length", 1_000)
    assert len(text) > pipeline.max_length
    cut = [asdict(e) for _, evs in coder.code([doc]) for e in evs]
    assert cut == whole and len(whole) >= 1
