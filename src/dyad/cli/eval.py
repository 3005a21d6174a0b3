"""``dyad eval``: precision, recall and F1 of Dyad's coding against gold codings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dyad.cli import DetectionOption, app, check_detection, err

if TYPE_CHECKING:
    from rich.console import Console

METRICS = ("type", "actor_country", "recipient_country", "triple", "mode", "status")


def _explain(comparisons, wanted: str, out: Console) -> bool:  # type: ignore[no-untyped-def]
    from dyad.evaluate import triples, triples_of_events

    for c in comparisons:
        if c.record.id != wanted:
            continue
        out.print(f"[bold]{c.record.id}[/bold] (line {c.record.line})")
        out.print(c.record.text)
        out.print(f"gold      : {sorted(triples(c.record.events))}")
        out.print(f"predicted : {sorted(triples_of_events(c.predicted))}")
        if not c.predicted:
            _explain_empty(c.record, out)
        for e in c.predicted:
            m = e.mentions[0]
            out.print(
                f"- {e.type} ({e.status}) trigger [bold]{m.text!r}[/bold] pattern {m.pattern} "
                f"CAMEO {e.cameo}"
            )
            for side, refs in (("actor", e.actors), ("recipient", e.recipients)):
                for r in refs:
                    out.print(
                        f"    {side}: {r.text!r} -> {r.name} {r.code or '?'} "
                        f"({r.resolved_by}, {r.confidence:.2f})"
                    )
        return True
    return False


def _explain_empty(record, out: Console) -> None:  # type: ignore[no-untyped-def]
    """Why a sentence got no event: the lexicon's triggers in it, the words the detector
    half-believes in, and the actors found."""
    import datetime as dt

    from dyad import nlp
    from dyad.actors import load_kb, resolve_document
    from dyad.detector.model import shipped
    from dyad.events.triggers import lexicon_matches

    doc = nlp.parse_text(record.text)
    day = dt.date.fromisoformat(record.date) if record.date else None
    actors = resolve_document(doc, load_kb(), day=day)
    triggers = [m for sent in doc.sents for m in lexicon_matches(sent)]
    if not triggers:
        out.print("no event: no trigger of the lexicon in this sentence")
    for words, pattern in triggers:
        out.print(
            f"- trigger [bold]{words!r}[/bold] pattern {pattern}: no event of its own "
            "(no participant resolved, or the content of another trigger)"
        )
    sents = list(doc.sents)
    for sent, words in zip(sents, shipped().score([s.text for s in sents]), strict=True):
        for w in words:
            if w.p_event >= 0.1:  # the words the detector thinks may report an event
                out.print(
                    f"- detector: {sent.text[w.start : w.end]!r} {w.event_type} "
                    f"{w.p(w.event_type):.2f} (an event: {w.p_event:.2f})"
                )
    seen = {(r.text, r.code) for refs in actors.by_token.values() for r in refs}
    for text, code in sorted(seen):
        out.print(f"    actor found: {text!r} -> {code or '?'}")
    if not seen:
        out.print("    no actor found in this sentence")


@app.command("eval")
def eval_cmd(
    gold: Annotated[Path, typer.Argument(help="Gold codings (PLOVER gold records or Dyad JSON).")],
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable summary.")] = False,
    by: Annotated[str | None, typer.Option("--by", help="Per-type table: --by type.")] = None,
    explain: Annotated[
        str | None, typer.Option("--explain", help="Show why one gold record was coded so.")
    ] = None,
    detection: DetectionOption = None,
) -> None:
    """Code each gold sentence and report precision, recall and F1."""
    from rich.console import Console
    from rich.table import Table

    from dyad.coder import Coder
    from dyad.errors import DyadError
    from dyad.evaluate import evaluate

    if by not in (None, "type"):
        err.print(f"error: --by takes 'type', not {by!r}")
        raise typer.Exit(2)
    check_detection(detection)
    try:
        scores, comparisons = evaluate(gold, Coder.create(detection=detection))  # type: ignore[arg-type]
    except DyadError as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(2) from exc
    out = Console()
    for note in scores["uncoded"]:
        err.print(f"warning: not coded, counted as no events: {note}")
    if explain is not None:
        if not _explain(comparisons, explain, out):
            err.print(f"error: no gold record with id {explain!r} in {gold}")
            raise typer.Exit(2)
        return
    if as_json:
        typer.echo(json.dumps(scores, indent=2, sort_keys=True))
        return
    table = Table(
        title=f"{gold}: {scores['sentences']} sentences, {scores['gold_events']} gold events"
    )
    for col in ("measure", "precision", "recall", "F1"):
        table.add_column(col, justify="left" if col == "measure" else "right")
    for key in METRICS:
        s = scores[key]
        table.add_row(key, f"{s['precision']:.2f}", f"{s['recall']:.2f}", f"{s['f1']:.2f}")
    out.print(table)
    rate = scores["no_event_correct_rate"]
    out.print(
        f"sentences without events correctly left empty: "
        f"{'n/a (none in gold)' if rate is None else f'{rate:.2f}'}"
    )
    if by == "type":
        per = Table(title="by event type")
        for col in ("type", "precision", "recall", "F1", "gold"):
            per.add_column(col, justify="left" if col == "type" else "right")
        for t, s in scores["by_type"].items():
            per.add_row(
                t,
                f"{s['precision']:.2f}",
                f"{s['recall']:.2f}",
                f"{s['f1']:.2f}",
                str(s["support"]),
            )
        out.print(per)
