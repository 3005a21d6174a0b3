from __future__ import annotations

from pathlib import Path

import pytest

from dyad.coder import Coder
from dyad.ingest import make_document
from dyad.records import Event

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


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
