"""Actor resolution accuracy: the issue-3 case table and the PLOVER dev set.

Run from the project root: ``python bench/actors.py [GOLD.jsonl] [-v]``. Prints
- accuracy on the cases of ``tests/test_actors_cases.py`` (imported by path), by kind;
- on ``../shared/eval/plover_dev.jsonl``: the share of gold actor countries found among the
  resolved mentions of each sentence (resolution alone), and the actor and recipient country
  match of the coded events (``dyad.evaluate.evaluate``: resolution and event extraction);
and ends with ``cases: X/Y (Z%), actor country F1: A, recipient country F1: B``.
``-v`` lists the failing cases.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
import time
from collections import Counter
from pathlib import Path
from types import ModuleType

from dyad.actors import load_kb, resolve_document
from dyad.coder import Coder
from dyad.evaluate import evaluate
from dyad.nlp import load, parse_text

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "test_actors_cases.py"
DEFAULT = ROOT.parent / "shared" / "eval" / "plover_dev.jsonl"


def _case_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("actor_cases", CASES)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {CASES}")
    module = importlib.util.module_from_spec(spec)
    sys.modules["actor_cases"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def _mention_recall(gold: Path) -> tuple[int, int]:
    """Gold actor countries (sources and targets) found among the sentence's resolved
    mentions, whatever the events stage makes of them."""
    kb = load_kb(use_config_dir=False)
    nlp = load()
    found = total = 0
    for line in gold.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        want = {
            a["code"]
            for e in rec.get("events") or []
            for a in (e.get("source") or []) + (e.get("target") or [])
            if a.get("code")
        }
        day = dt.date.fromisoformat(rec["date"]) if rec.get("date") else None
        refs = resolve_document(parse_text(rec["text"], nlp), kb, day=day)
        got = {r.country for rs in refs.by_token.values() for r in rs if r.country}
        total += len(want)
        found += len(want & got)
    return found, total


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "-v"]
    verbose = "-v" in sys.argv[1:]
    gold = Path(args[0]) if args else DEFAULT
    cases = _case_module()
    kb = load_kb(use_config_dir=False)
    t0 = time.perf_counter()
    right: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    failures = []
    for case in cases.CASES:
        ok, refs = cases.check(case, kb)
        seen[case.kind] += 1
        right[case.kind] += ok
        if not ok:
            failures.append((case, refs))
    n, k = len(cases.CASES), sum(right.values())
    print(f"cases: {CASES.relative_to(ROOT)} in {time.perf_counter() - t0:.1f}s")
    for kind in seen:
        print(f"  {kind:10} {right[kind]:3d}/{seen[kind]:3d}  {right[kind] / seen[kind]:6.1%}")
    print(f"  {'all':10} {k:3d}/{n:3d}  {k / n:6.1%}")
    if verbose:
        for case, refs in failures:
            got = [(r.actor_id, r.code, r.resolved_by, r.role) for r in refs]
            print(f"  FAIL {case.key}: {case.mention!r} got {got}")

    found, total = _mention_recall(gold)
    print(f"gold: {gold}")
    print(f"  gold actor countries among resolved mentions: {found}/{total} = {found / total:.2f}")
    scores, _ = evaluate(gold, Coder.create(use_config_dir=False))
    for key in ("actor_country", "recipient_country"):
        s = scores[key]
        print(f"  {key:18} P {s['precision']:.2f}  R {s['recall']:.2f}  F1 {s['f1']:.2f}")
    print(
        f"cases: {k}/{n} ({k / n:.1%}), "
        f"actor country F1: {scores['actor_country']['f1']:.2f}, "
        f"recipient country F1: {scores['recipient_country']['f1']:.2f}"
    )


if __name__ == "__main__":
    main()
