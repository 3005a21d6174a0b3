"""The write queue behind ``POST /api/documents`` (``dyad.api.write_queue``): requests that
wait are coded and stored together, each answered with its own outcomes; one request's
failure is its own; the default server codes and stores in a worker process, which opens
the store itself (SQLite and PostgreSQL)."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dyad.api import Settings, create_app
from dyad.api.write_queue import WriteQueue
from dyad.records import Document, Event
from dyad.store import Outcome, Store
from tests.conftest import SEEDS
from tests.test_store import (  # noqa: F401  (db_url is the SQLite/PostgreSQL fixture)
    CHN_CHN,
    CHN_PER,
    PER_CHN,
    USA_CHN,
    StubCoder,
    db_url,
    doc,
)

TOKEN = "write-queue-token"


class GatedCoder(StubCoder):
    """A stub coder whose first call waits for ``gate``: requests pile up behind it."""

    def __init__(self, fail_on: str | None = None) -> None:
        super().__init__(fail_on=fail_on)
        self.gate = threading.Event()
        self.entered = threading.Event()
        self.calls: list[int] = []

    def code(
        self, documents: Iterable[Document], on_reject: object = None
    ) -> Iterator[tuple[Document, list[Event]]]:
        batch = list(documents)
        if not self.calls:
            self.entered.set()
            self.gate.wait(timeout=30)
        self.calls.append(len(batch))
        return super().code(batch, on_reject)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(str(tmp_path / "writes.db")) as s:
        yield s


def _ids(outcomes: list[Outcome]) -> list[str | None]:
    return [o.document_id for o in outcomes]


def _submit_behind_a_busy_turn(
    queue: WriteQueue, coder: GatedCoder, requests: list[list[Document]]
) -> list[Future[list[Outcome]]]:
    first = queue.submit([doc(CHN_CHN, origin="first.txt")])
    assert coder.entered.wait(timeout=30)  # the first turn is being coded
    futures = [queue.submit(list(r)) for r in requests]
    coder.gate.set()
    return [first, *futures]


def test_waiting_requests_are_coded_in_one_turn_and_each_gets_its_own_outcomes(
    store: Store,
) -> None:
    coder = GatedCoder()
    queue = WriteQueue(store, lambda: coder)
    requests = [
        [doc(CHN_PER, origin="a.txt"), doc(PER_CHN, origin="b.txt")],
        [doc(USA_CHN, origin="c.txt")],
        [doc(CHN_PER, origin="again.txt"), doc("Nothing here.", origin="d.txt")],
    ]
    futures = _submit_behind_a_busy_turn(queue, coder, requests)
    answers = [f.result(timeout=30) for f in futures]
    queue.close()
    # The first request alone, then the three that waited behind it together.
    assert coder.calls == [1, 4]
    for request, outcomes in zip(requests, answers[1:], strict=True):
        assert _ids(outcomes) == [d.id for d in request]
    # The same article in two requests of one turn is stored once.
    assert [o.kind for o in answers[3]] == ["already stored", "stored"]
    assert store.count() == sum(o.events for a in answers for o in a)


def test_a_request_whose_coding_fails_fails_alone(store: Store) -> None:
    coder = GatedCoder(fail_on="POISON")
    queue = WriteQueue(store, lambda: coder)
    requests = [[doc(CHN_PER, origin="good.txt")], [doc("POISON", origin="bad.txt")]]
    first, good, bad = _submit_behind_a_busy_turn(queue, coder, requests)
    assert good.result(timeout=30)[0].kind == "stored"
    with pytest.raises(RuntimeError, match="coder crashed on bad.txt"):
        bad.result(timeout=30)
    queue.close()
    assert first.result()[0].kind == "stored"


def test_the_default_server_codes_and_stores_posted_articles_in_a_worker_process(
    db_url: str,  # noqa: F811
) -> None:
    text = (SEEDS / "li-qiang-meets-boluarte.txt").read_text(encoding="utf-8")
    with Store.open(db_url) as store:
        app = create_app(store, Settings(token=TOKEN))
        resources = app.state.resources
        with TestClient(app, base_url="http://localhost") as client:
            posted = client.post(
                "/api/documents",
                json=[{"text": text, "published": "2024-06-28"}, {"text": ""}],
                headers={"Authorization": f"Bearer {TOKEN}"},
            )
            pool = resources._writer._pool
            assert pool is not None  # the worker coded it, not this process
            workers = list(pool._processes.values())
        body = posted.json()
        assert [r["outcome"] for r in body["results"]] == ["stored", "rejected"]
        assert body["events"] > 0 and store.count() == body["events"]
        # Leaving the app's lifespan stops the worker.
        assert all(not w.is_alive() for w in workers)
