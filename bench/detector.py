"""Trigger detection on the training data's held-out batches: rules, model and both.

Run from the project root: ``python bench/detector.py [--test]``. Scores the triggers Dyad's
candidates stage finds (``dyad.events.candidates``) in the dev batch (b06) against its labels,
once with the lexicon alone, once with the detector alone and once with both; ``--test`` also
scores the test batch (b07), which is for the closing figures only, never for tuning.
Triggers are right when word and type match; sentence figures compare the sets of types.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dyad import nlp
from dyad.detector import data as tdata
from dyad.detector.model import shipped
from dyad.detector.score import score
from dyad.detector.train import DEV_BATCHES, TEST_BATCHES
from dyad.events.candidates import DETECTIONS, candidates
from dyad.events.status import status_of

ROOT = Path(__file__).resolve().parents[1]


def predictions(sentences: list[tdata.Sentence], detection: str) -> list[list[tuple]]:
    out = []
    docs = nlp.load().pipe([s.text for s in sentences], batch_size=64)
    for doc in docs:
        sents = list(doc.sents)
        words = shipped().score([s.text for s in sents]) if detection != "rules" else None
        found = []
        for n, sent in enumerate(sents):
            for f in candidates(sent, words[n] if words else None, detection):  # type: ignore[arg-type]
                status = f.status or status_of(f.trigger, f.predicate)
                found.append((f.trigger.idx, f.pattern.type, f.pattern.mode, status))
        out.append(found)
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--test", action="store_true", help="also score the test batch")
    p.add_argument("--errors", type=int, default=0, help="show this many wrong dev sentences")
    p.add_argument(
        "--held-out",
        action="store_true",
        help="also score the batches kept out of training (data/training/held_out/)",
    )
    args = p.parse_args()
    folder = ROOT / "data" / "training" / "events"
    files = [folder / f"{b}.jsonl" for b in DEV_BATCHES]
    files += [folder / f"{b}.jsonl" for b in TEST_BATCHES] if args.test else []
    if args.held_out:
        files += sorted((ROOT / "data" / "training" / "held_out").glob("*.jsonl"))
    for path in files:
        batch = path.stem
        sentences = tdata.load([path])
        print(f"{batch}: {len(sentences)} sentences")
        for detection in DETECTIONS:
            got = predictions(sentences, detection)
            s = score(sentences, got)
            f = s.figures()
            print(
                f"  {detection:9} trigger F1 {f['trigger_f1']:.3f} (P {f['trigger_p']:.3f} "
                f"R {f['trigger_r']:.3f})  type F1 {f['type_f1']:.3f}  sentence P "
                f"{f['sentence_p']:.3f} R {f['sentence_r']:.3f}  mode {f['mode_acc']:.3f} "
                f"status {f['status_acc']:.3f}"
            )
            if args.errors and detection == "combined" and batch in DEV_BATCHES:
                _show_errors(sentences, got, args.errors)


def _show_errors(sentences: list[tdata.Sentence], got: list[list[tuple]], n: int) -> None:
    shown = 0
    for s, pred in zip(sentences, got, strict=True):
        gold = sorted((s.text[t.start : t.end], t.type) for t in s.triggers)
        mine = sorted((s.text[p[0] :].split()[0], p[1]) for p in pred)
        if gold != mine and shown < n:
            shown += 1
            print(f"    {s.id} [{s.kind}] {s.text}\n      gold {gold}\n      got  {mine}")


if __name__ == "__main__":
    main()
