"""Measure coding accuracy against gold codings (the library twin of ``dyad eval``).

Two gold formats are read, told apart line by line:
- PLOVER gold-standard records (``../shared/eval/``): one sentence a line with ``text``,
  ``date`` and ``events[]`` holding ``plover`` (0.5b1) / ``plover_2021`` types and
  ``source[]``/``target[]`` actors with ISO codes, and a ``reciprocal`` flag;
- Dyad's own event JSON (``dyad code`` output, perhaps hand-corrected): one event a line;
  events are grouped by their first mention's document and sentence, and the sentence is
  coded again.

Scores are micro-averaged precision/recall/F1 over sentences, comparing sets as the PLOVER
manual intends: a reciprocal event (both sides acting, no recipient) is a set of participants.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyad.errors import DyadError, InputError
from dyad.ontology import PLOVER_TYPES, plover_rendering
from dyad.records import Event

NO_RECIPIENT = "-"
RECIPROCAL = "~"


class GoldError(DyadError):
    """A gold file line that cannot be used; the message names the line."""


@dataclass(frozen=True, slots=True)
class GoldEvent:
    type: str
    mode: str | None
    status: str
    actors: frozenset[str]  # country codes
    recipients: frozenset[str]
    reciprocal: bool


@dataclass(slots=True)
class GoldRecord:
    id: str
    text: str
    date: str | None
    events: list[GoldEvent]
    line: int
    fmt: str = "plover"  # "plover" (gold-standard records) or "dyad" (Dyad's event JSON)


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set[Any], pred: set[Any]) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def scores(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


@dataclass(slots=True)
class Comparison:
    """One gold record beside what Dyad coded for it."""

    record: GoldRecord
    predicted: list[Event]
    gold_types: set[str] = field(default_factory=set)
    pred_types: set[str] = field(default_factory=set)

    @property
    def correct(self) -> bool:
        return self.gold_types == self.pred_types and triples(
            self.record.events
        ) == triples_of_events(self.predicted)


def _codes(actors: Iterable[dict[str, Any]]) -> frozenset[str]:
    return frozenset(str(a["code"]) for a in actors if a.get("code"))


def _gold_from_plover(rec: dict[str, Any], line: int) -> GoldRecord:
    events = []
    for n, ev in enumerate(rec.get("events") or [], start=1):
        etype = ev.get("plover_2021") or ev.get("plover")
        if etype not in PLOVER_TYPES:
            raise GoldError(f"line {line}: event {n} has type {etype!r}, not a PLOVER 2.0 type")
        actors = _codes(ev.get("source") or [])
        recipients = _codes(ev.get("target") or [])
        events.append(
            GoldEvent(
                type=etype,
                mode=ev.get("mode") or None,
                status=ev.get("status") or "occurred",
                actors=actors,
                recipients=recipients,
                reciprocal=bool(ev.get("reciprocal")),
            )
        )
    return GoldRecord(
        str(rec.get("id") or f"line-{line}"), rec["text"], rec.get("date"), events, line
    )


def _event_codes(refs: Iterable[dict[str, Any]]) -> frozenset[str]:
    return frozenset(str(r["country"]) for r in refs if r.get("country"))


def read_gold(path: Path) -> list[GoldRecord]:
    """Read a gold file in either format; raise ``GoldError`` naming the first bad line."""
    records: dict[tuple[str, str], GoldRecord] = {}
    plain: list[GoldRecord] = []
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise GoldError(f"{path}: cannot read ({exc.strerror})") from exc
    with handle:
        for line_no, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise GoldError(f"{path}: line {line_no}: invalid JSON ({exc.msg})") from exc
            if not isinstance(rec, dict):
                raise GoldError(f"{path}: line {line_no}: expected a JSON object")
            if "text" in rec and "events" in rec:
                if not isinstance(rec["text"], str) or not isinstance(rec["events"], list):
                    raise GoldError(
                        f"{path}: line {line_no}: 'text' must be a string and 'events' a list"
                    )
                try:
                    plain.append(_gold_from_plover(rec, line_no))
                except (KeyError, TypeError, AttributeError) as exc:
                    raise GoldError(f"{path}: line {line_no}: malformed event ({exc})") from exc
            elif "type" in rec and "mentions" in rec:
                try:
                    m = rec["mentions"][0]
                    key = (m["document_id"], m["sentence"])
                    gold = records.setdefault(
                        key,
                        GoldRecord(
                            f"{m['document_id']}:{m['start']}",
                            m["sentence"],
                            (rec.get("date") or {}).get("anchor"),
                            [],
                            line_no,
                            "dyad",
                        ),
                    )
                    if rec["type"] not in PLOVER_TYPES:
                        raise GoldError(f"{path}: line {line_no}: unknown type {rec['type']!r}")
                    gold.events.append(
                        GoldEvent(
                            type=rec["type"],
                            mode=rec.get("mode"),
                            status=rec.get("status", "occurred"),
                            actors=_event_codes(rec.get("actors") or []),
                            recipients=_event_codes(rec.get("recipients") or []),
                            reciprocal=not rec.get("recipients")
                            and len(rec.get("actors") or []) > 1,
                        )
                    )
                except (KeyError, IndexError, TypeError, AttributeError) as exc:
                    raise GoldError(
                        f"{path}: line {line_no}: malformed Dyad event ({exc})"
                    ) from exc
            else:
                raise GoldError(
                    f"{path}: line {line_no}: neither a gold record (text, events) "
                    "nor a Dyad event (type, mentions)"
                )
    return plain + list(records.values())


def _triples(
    etype: str, actors: frozenset[str], recipients: frozenset[str], recip: bool
) -> set[tuple[str, str, str]]:
    if recip or not recipients:
        if recip or len(actors) > 1:
            return {(a, etype, RECIPROCAL) for a in actors | recipients}
        return {(a, etype, NO_RECIPIENT) for a in actors}
    return {(a, etype, r) for a in actors or {NO_RECIPIENT} for r in recipients}


def triples(events: Iterable[GoldEvent]) -> set[tuple[str, str, str]]:
    out: set[tuple[str, str, str]] = set()
    for e in events:
        out |= _triples(e.type, e.actors, e.recipients, e.reciprocal)
    return out


def _country_set(refs: Iterable[Any]) -> frozenset[str]:
    return frozenset(r.country for r in refs if r.country)


def triples_of_events(events: Iterable[Event]) -> set[tuple[str, str, str]]:
    out: set[tuple[str, str, str]] = set()
    for e in events:
        out |= _triples(e.type, _country_set(e.actors), _country_set(e.recipients), False)
    return out


def _sides(gold: Iterable[GoldEvent]) -> tuple[set[str], set[str]]:
    actors: set[str] = set()
    recipients: set[str] = set()
    for e in gold:
        if e.reciprocal:
            actors |= e.actors | e.recipients
        else:
            actors |= e.actors
            recipients |= e.recipients
    return actors, recipients


def _pred_sides(events: Iterable[Event]) -> tuple[set[str], set[str]]:
    actors: set[str] = set()
    recipients: set[str] = set()
    for e in events:
        actors |= _country_set(e.actors)
        recipients |= _country_set(e.recipients)
    return actors, recipients


def compare(records: list[GoldRecord], predictions: list[list[Event]]) -> dict[str, Any]:
    """Scores for coded ``predictions`` (one list per gold record, same order)."""
    metrics = {
        k: Counts()
        for k in (
            "type", "actor_country", "recipient_country", "triple", "mode", "status", "sentence"
        )
    }  # fmt: skip
    by_type: dict[str, Counts] = defaultdict(Counts)
    empty_gold = empty_right = 0
    for rec, pred in zip(records, predictions, strict=True):
        gold_types = {e.type for e in rec.events}
        pred_types = {e.type for e in pred}
        metrics["type"].add(gold_types, pred_types)
        # Whether a sentence reports any event at all: detection, type aside.
        metrics["sentence"].add({"event"} if gold_types else set(), {"event"} if pred else set())
        for t in gold_types | pred_types:
            by_type[t].add({t} & gold_types, {t} & pred_types)
        ga, gr = _sides(rec.events)
        pa, pr = _pred_sides(pred)
        metrics["actor_country"].add(ga, pa)
        metrics["recipient_country"].add(gr, pr)
        metrics["triple"].add(triples(rec.events), triples_of_events(pred))
        metrics["mode"].add(
            {(e.type, e.mode) for e in rec.events if e.mode},
            {
                (e.type, e.mode)
                for e in pred
                if e.mode and e.type in {g.type for g in rec.events if g.mode}
            },
        )
        metrics["status"].add(
            {(e.type, e.status) for e in rec.events}, {(e.type, e.status) for e in pred}
        )
        if not rec.events:
            empty_gold += 1
            empty_right += not pred
    return {
        "sentences": len(records),
        "gold_events": sum(len(r.events) for r in records),
        "predicted_events": sum(len(p) for p in predictions),
        **{k: v.scores() for k, v in metrics.items()},
        "no_event_sentences": empty_gold,
        "no_event_correct_rate": round(empty_right / empty_gold, 4) if empty_gold else None,
        "by_type": {
            t: by_type[t].scores() | {"support": by_type[t].tp + by_type[t].fn}
            for t in sorted(by_type)
        },
    }


def code_records(
    records: list[GoldRecord], coder: Any, *, plover: bool, uncoded: list[str] | None = None
) -> Iterator[list[Event]]:
    """Code each gold sentence with its date; yields events in record order.

    With ``plover``, planned acts are typed as the PLOVER manual codes them (see
    ``dyad.ontology.plover_rendering``), as PLOVER gold records are. A sentence the reader
    refuses (empty, not English) counts as coded with no events, and why is appended to
    ``uncoded``: the score must still cover every gold record.
    """
    from dataclasses import replace

    from dyad.ingest import make_document

    docs = []
    refused: set[int] = set()
    for i, r in enumerate(records):
        try:
            docs.append(make_document(r.text, origin=f"gold:{r.line}", published=r.date))
        except InputError as exc:
            refused.add(i)
            if uncoded is not None:
                uncoded.append(f"{r.id} (line {r.line}): {exc}")
    coded = iter(coder.code(docs))
    for i in range(len(records)):
        if i in refused:
            yield []
            continue
        _doc, events = next(coded)
        if plover:
            events = [replace(e, type=plover_rendering(e.type, e.status)) for e in events]
        yield events


def evaluate(path: Path, coder: Any) -> tuple[dict[str, Any], list[Comparison]]:
    """Code every gold sentence in ``path`` and score it. Returns the scores and the
    per-sentence comparisons (for ``--explain``)."""
    records = read_gold(path)
    uncoded: list[str] = []
    # A file mixing both formats is scored each record by its own convention.
    predictions = [
        p
        for fmt in ("plover", "dyad")
        for p in code_records(
            [r for r in records if r.fmt == fmt], coder, plover=fmt == "plover", uncoded=uncoded
        )
    ]
    records = [r for fmt in ("plover", "dyad") for r in records if r.fmt == fmt]
    comps = [
        Comparison(r, p, {e.type for e in r.events}, {e.type for e in p})
        for r, p in zip(records, predictions, strict=True)
    ]
    return compare(records, predictions) | {"uncoded": uncoded}, comps
