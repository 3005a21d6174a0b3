"""``dyad show``: one stored event with its evidence sentences, trigger and actors highlighted."""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from dyad.cli import app
from dyad.cli.events import DbOption, fail, opened

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from dyad.records import ActorRef, Event, Mention
    from dyad.store import StoredEvent

TRIGGER_STYLE = "bold black on yellow"
ACTOR_STYLE = "bold cyan"
RECIPIENT_STYLE = "bold magenta"
QUADS = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def _refs(refs: list[ActorRef]) -> str:
    if not refs:
        return "-"
    return "; ".join(
        f"{r.name} ({r.code}{', ' + r.role if r.role else ''}; {r.resolved_by} {r.confidence:.2f})"
        for r in refs
    )


def highlight(mention: Mention, event: Event) -> Text:
    """The mention's sentence with the trigger and the actors' words styled.

    The trigger is placed by its offsets; actors carry only their words, so every whole-word
    occurrence of them in the sentence is marked (actors cyan, recipients magenta).
    """
    from rich.text import Text

    text = Text(mention.sentence)
    for refs, style in ((event.actors, ACTOR_STYLE), (event.recipients, RECIPIENT_STYLE)):
        for ref in refs:
            if not ref.text.strip():
                continue
            for m in re.finditer(rf"(?<!\w){re.escape(ref.text)}(?!\w)", mention.sentence):
                text.stylize(style, m.start(), m.end())
    start = mention.trigger_start - mention.start
    end = mention.trigger_end - mention.start
    if 0 <= start < end <= len(mention.sentence):
        text.stylize(TRIGGER_STYLE, start, end)
    return text


def render_event(stored: StoredEvent, console: Console) -> None:
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    e = stored.event
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim", no_wrap=True)
    facts.add_column()
    when = e.date.start or "unknown"
    if e.date.end and e.date.end != e.date.start:
        when = f"{when} .. {e.date.end}"
    when += f" ({e.date.precision}{': ' + repr(e.date.text) if e.date.text else ''})"
    facts.add_row("date", when)
    if e.place:
        p = e.place
        where = f"{p.name}, {p.country or '?'}"
        if p.lat is not None and p.lon is not None:
            where += f" ({p.lat:.4f}, {p.lon:.4f})"
        facts.add_row("place", where + (f" {p.gazetteer_id}" if p.gazetteer_id else ""))
    facts.add_row("actors", Text(_refs(e.actors), style=ACTOR_STYLE))
    facts.add_row("recipients", Text(_refs(e.recipients), style=RECIPIENT_STYLE))
    facts.add_row(
        "CAMEO",
        f"{e.cameo}, quad {e.quad_class} ({QUADS.get(e.quad_class, '?')}), "
        f"Goldstein {e.goldstein:+.1f}",
    )
    facts.add_row("contexts", ", ".join(e.contexts) or "-")
    facts.add_row("topics", ", ".join(e.topics) or "-")
    facts.add_row("confidence", f"{e.confidence:.2f}")
    facts.add_row("coder", e.coder_version)
    doc = stored.title or stored.origin
    facts.add_row("document", f"{doc} ({stored.document_id})")
    if stored.url:
        facts.add_row("url", stored.url)
    if stored.published:
        facts.add_row("published", stored.published.isoformat())

    evidence: list[Text] = []
    for i, m in enumerate(e.mentions, 1):
        evidence.append(Text(f"{i}. ", style="bold") + highlight(m, e))
        evidence.append(
            Text(
                f"   document {m.document_id}, trigger {m.text!r} ({m.pattern}), "
                f"characters {m.start}-{m.end}",
                style="dim",
            )
        )
        why = m.joined or ("first report" if i == 1 else "told again in the same document")
        evidence.append(Text(f"   linked: {why}", style="dim"))
    legend = Text.assemble(
        ("trigger", TRIGGER_STYLE),
        "  ",
        ("actor", ACTOR_STYLE),
        "  ",
        ("recipient", RECIPIENT_STYLE),
    )
    title = Text.assemble(
        (e.type + (f"/{e.mode}" if e.mode else ""), "bold"), f"  {e.status}  ", (e.id, "dim")
    )
    body = Group(facts, Text(""), Text("evidence  ", style="bold") + legend, *evidence)
    console.print(Panel(body, title=title, title_align="left"))


@app.command()
def show(
    event_id: Annotated[str, typer.Argument(help="An event id, or the start of one.")],
    db: DbOption = None,
    fmt: Annotated[
        str, typer.Option("--format", help="text (highlighted) or json (the full record).")
    ] = "text",
) -> None:
    """Show one event: its record and the sentences that say so."""
    from rich.console import Console

    from dyad.errors import DyadError

    if fmt not in {"text", "json"}:
        raise fail(f"--format must be text or json, not {fmt!r}")
    with opened(db) as store:
        try:
            stored = store.event(event_id)
        except DyadError as exc:
            raise fail(exc, 1) from exc
    if fmt == "json":
        sys.stdout.write(json.dumps(dataclasses.asdict(stored.event), ensure_ascii=False) + "\n")
        return
    out = sys.stdout
    render_event(stored, Console(file=out, width=None if out.isatty() else 120, highlight=False))
