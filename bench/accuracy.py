"""Accuracy of Dyad on the PLOVER gold sentences in ../shared/eval/plover_dev.jsonl.

Run from the project root: ``python bench/accuracy.py [GOLD.jsonl]``. Prints the scores and
ends with ``type F1: X.XX, triple F1: X.XX, actor country F1: X.XX``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from dyad.coder import Coder
from dyad.evaluate import evaluate

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "eval" / "plover_dev.jsonl"


def main() -> None:
    gold = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    t0 = time.perf_counter()
    scores, _ = evaluate(gold, Coder.create(use_config_dir=False))
    elapsed = time.perf_counter() - t0
    print(
        f"gold: {gold} ({scores['sentences']} sentences, {scores['gold_events']} gold events, "
        f"{scores['predicted_events']} predicted) in {elapsed:.1f}s"
    )
    for key in ("type", "actor_country", "recipient_country", "triple", "mode", "status"):
        s = scores[key]
        print(f"{key:18} P {s['precision']:.2f}  R {s['recall']:.2f}  F1 {s['f1']:.2f}")
    print(f"{'type':12} {'P':>5} {'R':>5} {'F1':>5} {'n':>4}")
    for t, s in scores["by_type"].items():
        print(f"{t:12} {s['precision']:5.2f} {s['recall']:5.2f} {s['f1']:5.2f} {s['support']:4d}")
    print(
        f"type F1: {scores['type']['f1']:.2f}, triple F1: {scores['triple']['f1']:.2f}, "
        f"actor country F1: {scores['actor_country']['f1']:.2f}"
    )


if __name__ == "__main__":
    main()
