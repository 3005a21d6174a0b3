from __future__ import annotations

from dataclasses import asdict

from dyad.coder import Coder
from dyad.ingest import make_document

TEMPLATES = [
    "{a} President met {b} officials in {city} on Monday to discuss trade.",
    "The {a} foreign minister criticized {b} over the border dispute on Tuesday.",
    "{a} and {b} signed an agreement on energy cooperation on Wednesday.",
    "{a} urged {b} to release the detained journalists.",
]
PAIRS = [
    ("Chilean", "Peruvian", "Lima"),
    ("Kenyan", "Ugandan", "Nairobi"),
    ("Polish", "German", "Warsaw"),
]


def test_parallel_workers_give_the_same_events_in_the_same_order(coder: Coder) -> None:
    docs = [
        make_document(
            t.format(a=a, b=b, city=c) + f" Talks round {i}.",
            origin=f"t{i}",
            published="2024-03-01",
        )
        for i, (t, (a, b, c)) in enumerate((t, p) for t in TEMPLATES for p in PAIRS * 3)
    ]
    serial = [(d.id, [asdict(e) for e in evs]) for d, evs in coder.code(docs, batch_size=4)]
    pooled = [
        (d.id, [asdict(e) for e in evs]) for d, evs in coder.code(docs, batch_size=4, workers=2)
    ]
    assert [d for d, _ in serial] == [d.id for d in docs]
    assert serial == pooled
    assert sum(len(e) for _, e in serial) >= len(docs)
