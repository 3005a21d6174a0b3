from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dyad.coder import Coder
from dyad.ingest import make_document, read
from dyad.records import Event
from dyad.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
EXAMPLES = ROOT / "examples"


def pytest_sessionstart(session: pytest.Session) -> None:
    # The seed articles, ontology and gold sets are not the repository's to hold; without them
    # a score of tests would fail one by one on a missing file instead of once on the cause.
    if not SEEDS.is_dir():
        pytest.exit(
            f"the tests read the project's shared data (seeds, ontology, gold sets) from {SHARED}:"
            f" clone Dyad beside that shared/ folder, or link it there (ln -s /path/to/shared"
            f" {SHARED})",
            returncode=pytest.ExitCode.USAGE_ERROR,
        )


@pytest.fixture(scope="session")
def coder() -> Coder:
    return Coder.create(use_config_dir=False)


@pytest.fixture(scope="session")
def code(coder: Coder):
    """Code a text and return its events."""

    def run(text: str, published: str | None = "2024-06-27") -> list[Event]:
        doc = make_document(text, origin="<test>", published=published)
        return next(iter(coder.code([doc])))[1]

    return run


@pytest.fixture(scope="session")
def examples_store(tmp_path_factory: pytest.TempPathFactory, coder: Coder) -> Iterator[Store]:
    """The README's examples, coded by the real coder into a fresh store."""
    url = f"sqlite:///{tmp_path_factory.mktemp('gdelt') / 'dyad.db'}"
    dated = [
        ("lula-xi-beijing-2023.txt", "2023-04-15"),
        ("blinken-beijing-2023.txt", "2023-06-19"),
        ("apec-lima-2024.txt", "2024-11-16"),
    ]
    with Store.open(url) as store:
        for name, published in dated:
            list(store.ingest(read([EXAMPLES / name], published=published), coder))
        list(store.ingest(read([EXAMPLES / "reports.jsonl"]), coder))
        yield store


def sides_of(events, etype: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """The (actor codes, recipient codes) of each event of ``etype``, ";"-joined."""
    return [
        (";".join(a.code for a in e.actors), ";".join(r.code for r in e.recipients))
        for e in events
        if e.type == etype
    ]
