"""Accuracy of Dyad on gold codings: the PLOVER dev sentences and the project's own news set.

Run from the project root: ``python bench/accuracy.py [GOLD.jsonl ...]``. Without arguments it
scores ``../shared/eval/plover_dev.jsonl`` (the set the rules are tuned on) and
``bench/data/news_gold.jsonl`` (written independently and never tuned on: the check that the
rules generalise). Each file is scored three times: triggers from the lexicon alone
(``rules``), from the learned detector alone (``model``) and from both (``combined``, Dyad's
default). Prints the scores of each, a table of the three side by side, and ends with
``type F1: X.XX, triple F1: X.XX, actor country F1: X.XX`` for the first file as Dyad codes
it by default.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from dyad.coder import Coder
from dyad.evaluate import evaluate
from dyad.events.candidates import DEFAULT_DETECTION, DETECTIONS

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [
    ROOT.parent / "shared" / "eval" / "plover_dev.jsonl",
    ROOT / "bench" / "data" / "news_gold.jsonl",
]


def summary(scores: dict[str, Any]) -> str:
    return (
        f"type F1: {scores['type']['f1']:.2f}, triple F1: {scores['triple']['f1']:.2f}, "
        f"actor country F1: {scores['actor_country']['f1']:.2f}"
    )


def report(gold: Path, coder: Coder) -> dict[str, Any]:
    t0 = time.perf_counter()
    scores, _ = evaluate(gold, coder)
    elapsed = time.perf_counter() - t0
    print(
        f"gold: {gold.name}, {coder.detection} ({scores['sentences']} sentences, "
        f"{scores['gold_events']} gold events, {scores['predicted_events']} predicted) "
        f"in {elapsed:.1f}s"
    )
    for note in scores["uncoded"]:
        print(f"  not coded: {note}")
    for key in (
        "type", "actor_country", "recipient_country", "triple", "mode", "status", "sentence"
    ):  # fmt: skip
        s = scores[key]
        print(f"{key:18} P {s['precision']:.2f}  R {s['recall']:.2f}  F1 {s['f1']:.2f}")
    print(f"{'type':12} {'P':>5} {'R':>5} {'F1':>5} {'n':>4}")
    for t, s in scores["by_type"].items():
        print(f"{t:12} {s['precision']:5.2f} {s['recall']:5.2f} {s['f1']:5.2f} {s['support']:4d}")
    print(f"{gold.name}: {summary(scores)}")
    print()
    return scores


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="*", type=Path, help="gold JSONL files (default: both sets)")
    ap.add_argument(
        "--detection", choices=DETECTIONS, action="append", help="only these (repeatable)"
    )
    args = ap.parse_args(argv)
    golds = args.gold or DEFAULT
    chosen = args.detection or list(DETECTIONS)
    if DEFAULT_DETECTION not in chosen:
        chosen.append(DEFAULT_DETECTION)  # the closing summary line is Dyad's default
    coders = {d: Coder.create(use_config_dir=False, detection=d) for d in chosen}
    results = {(g, d): report(g, c) for g in golds for d, c in coders.items()}
    print(
        f"{'gold':22} {'detection':9} {'type F1':>8} {'triple F1':>9} {'sentence P':>10} "
        f"{'sentence R':>10}"
    )
    for (g, d), s in results.items():
        print(
            f"{g.name:22} {d:9} {s['type']['f1']:8.2f} {s['triple']['f1']:9.2f} "
            f"{s['sentence']['precision']:10.2f} {s['sentence']['recall']:10.2f}"
        )
    print(summary(results[(golds[0], DEFAULT_DETECTION)]))


if __name__ == "__main__":
    main()
