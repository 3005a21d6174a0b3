"""Stories: documents about one affair (a state visit, a negotiation, a crisis), grouped.

Two documents belong to one story when their texts are similar (TF-IDF cosine, scikit-learn)
and they are close in time, and they share participants; stories are the connected
components of that relation. TF-IDF was chosen over sentence embeddings by measurement
(``bench/linking.py``): on Dyad's story sets it clusters as well, needs no PyTorch, and
runs in milliseconds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from dyad.records import Document, Event, stable_id

TEXT_SIMILARITY = 0.25  # TF-IDF cosine above which two articles may tell one affair
STRONG_SIMILARITY = 0.5  # so similar that shared participants are not needed
MAX_GAP_DAYS = 14


@dataclass(slots=True)
class Story:
    id: str
    title: str
    documents: list[str]
    events: list[Event] = field(default_factory=list)
    span: tuple[str | None, str | None] = (None, None)


def _day(doc: Document, events: Sequence[Event]) -> dt.date | None:
    if doc.published:
        return dt.date.fromisoformat(doc.published)
    days = sorted(e.date.start for e in events if e.date.start)
    return dt.date.fromisoformat(days[0]) if days else None


def _countries(events: Sequence[Event]) -> set[str]:
    return {r.country for e in events for r in e.actors + e.recipients if r.country}


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def tfidf_similarity(texts: Sequence[str]) -> Any:
    """Pairwise cosine similarity of TF-IDF vectors (English stop words removed)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    return cosine_similarity(vectors)


def cluster(
    coded: Sequence[tuple[Document, Sequence[Event]]],
    *,
    similarity: Callable[[Sequence[str]], Any] = tfidf_similarity,
    text_threshold: float = TEXT_SIMILARITY,
    strong_threshold: float = STRONG_SIMILARITY,
) -> list[Story]:
    """Group coded documents into stories; deterministic for the same input order.

    ``similarity`` maps texts to a square matrix of pairwise similarities (the benchmark
    passes sentence embeddings here to compare).
    """
    if not coded:
        return []
    sim = similarity([d.text for d, _ in coded])
    days = [_day(d, evs) for d, evs in coded]
    countries = [_countries(evs) for _, evs in coded]
    uf = _UnionFind(len(coded))
    for i in range(len(coded)):
        for j in range(i + 1, len(coded)):
            if days[i] and days[j] and abs((days[i] - days[j]).days) > MAX_GAP_DAYS:
                continue
            shared = len(countries[i] & countries[j]) >= min(
                2, len(countries[i]), len(countries[j])
            )
            if sim[i, j] >= strong_threshold or (sim[i, j] >= text_threshold and shared):
                uf.union(i, j)
    groups: dict[int, list[int]] = {}
    for i in range(len(coded)):
        groups.setdefault(uf.find(i), []).append(i)
    stories = []
    for members in groups.values():
        docs = [coded[i][0] for i in members]
        events = sorted(
            (e for i in members for e in coded[i][1]),
            key=lambda e: (e.date.start or "9999", e.id),
        )
        starts = [e.date.start for e in events if e.date.start]
        ends = [e.date.end or e.date.start for e in events if e.date.start]
        first = min(docs, key=lambda d: (d.published or "9999", d.id))
        stories.append(
            Story(
                id=stable_id("story_", sorted(d.id for d in docs)),
                title=first.title or first.text.strip().split("\n", 1)[0][:120],
                documents=[d.id for d in docs],
                events=events,
                span=(min(starts) if starts else None, max(ends) if ends else None),  # type: ignore[type-var]
            )
        )
    return sorted(stories, key=lambda s: (s.span[0] or "9999", s.id))
