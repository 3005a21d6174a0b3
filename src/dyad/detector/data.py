"""The detector's training data (``data/training/events/*.jsonl``): load, validate, count.

One sentence a line; the format is documented in ``data/training/README.md``. Each file is
one writing batch, and batches, not sentences, are what the train/dev/test split divides.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from dyad.detector.labels import MODES, STATUSES

KINDS = ("positive", "confusion", "negative")
EVENT_FIELDS = {"trigger", "occurrence", "type", "mode", "status"}
_WORD = re.compile(r"[^\W_][\w'’\-]*", re.UNICODE)


class TrainingDataError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int
    end: int
    type: str
    mode: str | None
    status: str


@dataclass(frozen=True, slots=True)
class Sentence:
    id: str
    batch: str
    text: str
    kind: str
    triggers: tuple[Trigger, ...]
    tags: tuple[str, ...]


def _locate(text: str, word: str, occurrence: int) -> tuple[int, int]:
    """Character span of the ``occurrence``-th whole-word use of ``word`` in ``text``."""
    spans = [m.span() for m in _WORD.finditer(text) if m.group() == word]
    if not spans:
        raise TrainingDataError(f"trigger {word!r} is not a word of the text")
    if not 1 <= occurrence <= len(spans):
        raise TrainingDataError(f"trigger {word!r} occurs {len(spans)} times, not {occurrence}")
    return spans[occurrence - 1]


def parse_line(line: str, batch: str) -> Sentence:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise TrainingDataError(f"not JSON: {exc}") from None
    if not isinstance(obj, dict):
        raise TrainingDataError("not a JSON object")
    extra = set(obj) - {"id", "text", "kind", "events", "tags"}
    if extra:
        raise TrainingDataError(f"unknown fields {sorted(extra)}")
    text, kind, events = obj.get("text"), obj.get("kind"), obj.get("events")
    if not isinstance(obj.get("id"), str) or not isinstance(text, str) or not text.strip():
        raise TrainingDataError("needs a string id and a non-empty text")
    if kind not in KINDS:
        raise TrainingDataError(f"kind must be one of {KINDS}, not {kind!r}")
    if not isinstance(events, list):
        raise TrainingDataError("events must be a list")
    if kind == "negative" and events:
        raise TrainingDataError("a negative has no events")
    if kind == "positive" and not events:
        raise TrainingDataError("a positive needs events")
    triggers = []
    for ev in events:
        if not isinstance(ev, dict) or set(ev) - EVENT_FIELDS:
            raise TrainingDataError(f"bad event {ev!r}")
        etype, mode, status = ev.get("type"), ev.get("mode"), ev.get("status", "occurred")
        if etype not in MODES:
            raise TrainingDataError(f"unknown type {etype!r}")
        if mode is not None and mode not in MODES[etype]:
            raise TrainingDataError(f"{etype} has no mode {mode!r} (modes: {MODES[etype]})")
        if status not in STATUSES:
            raise TrainingDataError(f"status must be one of {STATUSES}, not {status!r}")
        word = ev.get("trigger")
        if not isinstance(word, str) or not word or " " in word:
            raise TrainingDataError(f"trigger must be one word, not {word!r}")
        occurrence = ev.get("occurrence", 1)
        if not isinstance(occurrence, int):
            raise TrainingDataError("occurrence must be an integer")
        start, end = _locate(text, word, occurrence)
        triggers.append(Trigger(start, end, etype, mode, status))
    spans = [(t.start, t.end) for t in triggers]
    if len(set(spans)) != len(spans):
        raise TrainingDataError("two events on one trigger word")
    tags = obj.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise TrainingDataError("tags must be a list of strings")
    return Sentence(
        obj["id"], batch, text, kind, tuple(sorted(triggers, key=lambda t: t.start)), tuple(tags)
    )


def load(paths: Iterable[Path]) -> list[Sentence]:
    """Every sentence of the given batch files; the first error names file and line."""
    out: list[Sentence] = []
    seen: dict[str, str] = {}
    for path in sorted(paths):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                s = parse_line(line, path.stem)
            except TrainingDataError as exc:
                raise TrainingDataError(f"{path}:{n}: {exc}") from None
            key = " ".join(s.text.lower().split())
            if key in seen:
                raise TrainingDataError(f"{path}:{n}: same text as {seen[key]}")
            seen[key] = f"{path.name} {s.id}"
            out.append(s)
    return out


def digest(paths: Iterable[Path]) -> str:
    """The data version a model was trained on: a hash of the batch files' bytes."""
    h = hashlib.sha256()
    for path in sorted(paths):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def summary(sentences: list[Sentence]) -> str:
    kinds = collections.Counter(s.kind for s in sentences)
    types = collections.Counter(t.type for s in sentences for t in s.triggers)
    modes = collections.Counter(
        f"{t.type}/{t.mode}" for s in sentences for t in s.triggers if t.mode
    )
    status = collections.Counter(t.status for s in sentences for t in s.triggers)
    hard = kinds["negative"] + kinds["confusion"]
    lines = [
        f"{len(sentences)} sentences, {sum(types.values())} events; "
        f"negatives and confusions {hard} ({hard / max(len(sentences), 1):.0%})",
        "kinds: " + ", ".join(f"{k} {kinds[k]}" for k in KINDS),
        "status: " + ", ".join(f"{k} {status[k]}" for k in STATUSES),
        "types: " + ", ".join(f"{k} {types[k]}" for k in MODES),
        "modes: "
        + ", ".join(f"{t}/{m} {modes[f'{t}/{m}']}" for t, ms in MODES.items() for m in ms),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Validate and count detector training data")
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    try:
        sentences = load(args.files)
    except (TrainingDataError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(summary(sentences))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
