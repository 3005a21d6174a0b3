from __future__ import annotations

from dyad.coder import Coder
from dyad.ingest import make_document, read
from dyad.stories import cluster

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
