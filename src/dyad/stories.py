"""Stories: documents about one affair (a state visit, a negotiation, a crisis), grouped.

Two documents belong to one story when their texts are similar (TF-IDF cosine)
and they are close in time, and they share participants; stories are the connected
components of that relation. TF-IDF was chosen over sentence embeddings by measurement
(``bench/linking.py``): on Dyad's story sets it clusters as well, needs no PyTorch, and
runs in milliseconds.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections import Counter
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
    """Pairwise cosine similarity of TF-IDF vectors, as a square NumPy array.

    The weighting is scikit-learn's ``TfidfVectorizer(sublinear_tf=True)``: words of two
    letters or more, lowercased, spaCy's English stop words removed; weight
    ``(1 + ln tf) * (1 + ln((1 + n) / (1 + df)))``; each vector of unit length. Written here
    so stories do not need scikit-learn and SciPy (about 150 MB) for one product of sparse
    vectors. Only words shared by two texts or more add to a similarity, so the product
    runs over those words' postings, never over a dense documents-by-words matrix.
    """
    import numpy as np

    counts = [Counter(w for w in _WORD.findall(t.lower()) if w not in _stop_words()) for t in texts]
    n = len(texts)
    df = Counter(w for c in counts for w in c)
    postings: dict[str, tuple[list[int], list[float]]] = {}
    norms = np.zeros(n)
    for i, c in enumerate(counts):
        for w, tf in c.items():
            weight = (1 + math.log(tf)) * (1 + math.log((1 + n) / (1 + df[w])))
            norms[i] += weight * weight
            if df[w] > 1:
                docs, weights = postings.setdefault(w, ([], []))
                docs.append(i)
                weights.append(weight)
    norms = np.sqrt(norms)
    norms[norms == 0] = 1.0
    sim = np.zeros((n, n))
    for docs, weights in postings.values():
        idx = np.asarray(docs)
        v = np.asarray(weights) / norms[idx]
        sim[np.ix_(idx, idx)] += np.outer(v, v)
    # A text with words has similarity 1 with itself, as scikit-learn's cosine gives.
    diagonal = np.array([1.0 if c else 0.0 for c in counts])
    np.fill_diagonal(sim, diagonal)
    return sim


_WORD = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern


@functools.cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


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
