"""Throughput and memory of Dyad against spaCy alone, on one machine and on Dask.

Run from the project root: ``python bench/throughput.py [--docs 2000]``. Each measurement
runs in a fresh child process on the same generated corpus (bench/corpus.py), so peak
memory figures do not leak between runs. Prints documents/s and words/s for spaCy alone
(the same pipeline and components Dyad uses), Dyad with 1 and 2 workers, and Dyad on a
2-worker Dask LocalCluster; peak memory (RSS) of the 1-worker run after 1,000 and after
2,000 documents; and ends with ``time ratio dyad/spacy: R, 2-worker speedup: S,
memory ratio: M``.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import articles  # noqa: E402


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(mode: str, n: int) -> dict[str, float]:
    from dyad import nlp
    from dyad.coder import Coder

    words = 0
    checkpoints: dict[str, float] = {}
    nlp.load()
    if mode == "spacy":
        pipeline = nlp.load()
        t0 = time.perf_counter()
        for i, doc in enumerate(pipeline.pipe((d.text for d in articles(n)), batch_size=16), 1):
            words += len(doc.text.split())
            if i in (1000, 2000):
                checkpoints[f"rss_{i}"] = _rss_mb()
        elapsed = time.perf_counter() - t0
    elif mode == "startup":
        from dyad.detector.model import Detector

        t0 = time.perf_counter()
        Detector.load()
        return {"seconds": time.perf_counter() - t0, "docs": 0, "words": 0}
    elif mode in {"dyad1", "dyad2", "rules1"}:
        detection = "rules" if mode == "rules1" else None
        coder = Coder.create(use_config_dir=False, detection=detection)  # type: ignore[arg-type]
        workers = 2 if mode == "dyad2" else 1
        t0 = time.perf_counter()
        for i, (doc, _events) in enumerate(
            coder.code(articles(n), batch_size=16, workers=workers), 1
        ):
            words += len(doc.text.split())
            if i in (1000, 2000):
                checkpoints[f"rss_{i}"] = _rss_mb()
        elapsed = time.perf_counter() - t0
        checkpoints["rss_peak"] = _rss_mb()
    elif mode == "dask":
        from dyad.scale import code_on_dask

        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            code_on_dask(articles(n), Path(tmp), workers=2, batch_size=32, use_config_dir=False)
            elapsed = time.perf_counter() - t0
        words = sum(len(d.text.split()) for d in articles(n))
    else:
        raise SystemExit(f"unknown mode {mode}")
    return {"seconds": elapsed, "docs": n, "words": words, **checkpoints}


def run(mode: str, n: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, "--docs", str(n)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--child")
    ap.add_argument(
        "--quick", action="store_true", help="spaCy, Dyad and Dyad's rules alone, 1 worker only"
    )
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.docs)))
        return
    n = args.docs
    startup = run("startup", 0)["seconds"]
    print(f"detector start-up: {startup:.2f}s")
    results = {}
    modes = (
        ("spacy", "dyad1", "rules1")
        if args.quick
        else ("spacy", "dyad1", "rules1", "dyad2", "dask")
    )
    for mode in modes:
        results[mode] = r = run(mode, n)
        print(
            f"{mode:6} {r['docs']:6.0f} docs in {r['seconds']:7.1f}s  "
            f"{r['docs'] / r['seconds']:6.2f} docs/s  {r['words'] / r['seconds']:8.0f} words/s",
            flush=True,
        )
    d1 = results["dyad1"]
    spacy_s = results["spacy"]["seconds"]
    print(
        f"time ratio dyad/spacy: {d1['seconds'] / spacy_s:.2f} "
        f"(rules alone: {results['rules1']['seconds'] / spacy_s:.2f})"
    )
    print(f"peak memory (dyad, 1 worker): {d1['rss_peak']:.0f} MB")
    if args.quick:
        return
    print(
        f"peak memory (dyad, 1 worker): {d1.get('rss_1000', 0):.0f} MB at 1,000 documents, "
        f"{d1.get('rss_2000', 0):.0f} MB at 2,000 documents"
    )
    ratio = d1["seconds"] / results["spacy"]["seconds"]
    speedup = d1["seconds"] / results["dyad2"]["seconds"]
    dask_speedup = d1["seconds"] / results["dask"]["seconds"]
    mem = d1.get("rss_2000", 0) / d1["rss_1000"] if d1.get("rss_1000") else float("nan")
    print(f"dask 2-worker speedup over 1 worker: {dask_speedup:.2f}")
    print(
        f"time ratio dyad/spacy: {ratio:.2f}, 2-worker speedup: {speedup:.2f}, "
        f"memory ratio: {mem:.2f}"
    )


if __name__ == "__main__":
    main()
