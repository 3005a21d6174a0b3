from __future__ import annotations

import math

import pytest

from dyad.coder import Coder
from dyad.ingest import make_document, read
from dyad.stories import cluster, tfidf_similarity

from .conftest import SEEDS
from .link_cases import ALL_SETS


def test_stories_group_documents_by_affair(coder: Coder) -> None:
    reports = [r for rs in ALL_SETS.values() for r in rs]
    docs = [
        make_document(t, origin=f"{s}:{i}", published=p, source=s)
        for i, (s, p, t, _, _) in enumerate(reports)
    ]
    coded = list(coder.code(docs))
    stories = cluster(coded)
    gold = {d.id: r[4] for d, r in zip(docs, reports, strict=True)}
    got = {doc_id: s.id for s in stories for doc_id in s.documents}
    for a in docs:
        for b in docs:
            assert (gold[a.id] == gold[b.id]) == (got[a.id] == got[b.id]), (a.origin, b.origin)


def test_stories_seed_visit_is_one_story_in_time_order(coder: Coder) -> None:
    docs = list(read([SEEDS / "boluarte-arrives-in-beijing.txt"], published="2024-06-27"))
    docs += list(read([SEEDS / "li-qiang-meets-boluarte.txt"], published="2024-06-28"))
    [story] = cluster(list(coder.code(docs)))
    assert len(story.documents) == 2
    assert story.title.startswith("Peruvian President Dina Boluarte Arrives")
    starts = [e.date.start for e in story.events]
    assert starts == sorted(starts)
    assert story.span == ("2024-06-25", "2024-06-29")


def test_tfidf_similarity_weighs_words_as_scikit_learn_does() -> None:
    # Three texts, stop words ("the", "in") dropped: "talks" is in two of them, so its idf
    # is 1 + ln(4/3); "moscow" (twice in the first: sublinear tf 1 + ln 2), "beijing",
    # "rain" and "fell" are in one each, idf 1 + ln 2.
    texts = ["The talks in Moscow, Moscow", "Talks in Beijing", "Rain fell"]
    sim = tfidf_similarity(texts)
    rare, shared = 1 + math.log(2), 1 + math.log(4 / 3)
    first = math.hypot(shared, (1 + math.log(2)) * rare)
    second = math.hypot(shared, rare)
    assert sim[0, 1] == pytest.approx(shared * shared / (first * second))
    assert sim[1, 0] == pytest.approx(sim[0, 1])
    assert sim[0, 2] == sim[1, 2] == 0.0
    assert [sim[i, i] for i in range(3)] == [1.0, 1.0, 1.0]


def test_tfidf_similarity_of_texts_without_words() -> None:
    sim = tfidf_similarity(["the and of", "x y", "Talks held"])
    assert sim.shape == (3, 3)
    assert sim[0, 0] == sim[1, 1] == 0.0  # nothing left to compare after the stop words
    assert sim[2, 2] == 1.0
