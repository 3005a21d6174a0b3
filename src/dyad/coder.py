"""Compose the stages: documents in, events out. The library twin of ``dyad code``."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from dyad import __version__, nlp
from dyad.actors import KnowledgeBase, load_kb, resolve_document
from dyad.events import extract_events
from dyad.records import Document, Event, Reject


@functools.cache
def data_digest() -> str:
    """A digest of every bundled data file, so a lexicon change shows in coder_version."""
    h = hashlib.sha256()
    root = files("dyad").joinpath("data")

    def walk(node, prefix: str) -> None:  # type: ignore[no-untyped-def]
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            if child.is_dir():
                walk(child, f"{prefix}{child.name}/")
            elif not child.name.endswith(".md"):
                h.update(f"{prefix}{child.name}".encode())
                h.update(child.read_bytes())

    walk(root, "")
    return h.hexdigest()[:8]


def coder_version() -> str:
    return f"{__version__}+data.{data_digest()}"


@dataclass
class Coder:
    """Holds what is loaded once per process: the knowledge base (the pipeline is cached)."""

    kb: KnowledgeBase

    @classmethod
    def create(cls, actor_files: Iterable[Path] = (), *, use_config_dir: bool = True) -> Coder:
        return cls(load_kb(actor_files, use_config_dir=use_config_dir))

    def code(
        self, documents: Iterable[Document], *, batch_size: int = 16
    ) -> Iterator[tuple[Document, list[Event]]]:
        """Code documents in batches through ``nlp.pipe``; yields each with its events."""
        version = coder_version()
        pipeline = nlp.load()
        stream = ((d.text, d) for d in documents)
        for doc, record in pipeline.pipe(stream, as_tuples=True, batch_size=batch_size):
            day = dt.date.fromisoformat(record.published) if record.published else None
            actors = resolve_document(doc, self.kb, day=day)
            yield record, extract_events(record, doc, actors, self.kb, version=version)

    def code_text(self, text: str, *, published: str | None = None) -> list[Event]:
        from dyad.ingest import make_document

        record = make_document(text, origin="<text>", published=published)
        return next(iter(self.code([record])))[1]


def split(items: Iterable[Document | Reject]) -> tuple[list[Document], list[Reject]]:
    docs: list[Document] = []
    rejects: list[Reject] = []
    for it in items:
        (docs if isinstance(it, Document) else rejects).append(it)  # type: ignore[arg-type]
    return docs, rejects
