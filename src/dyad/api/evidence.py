"""Evidence: each mention's sentence with the trigger and the participants located in it.

The store keeps the trigger's offsets but only the words of each participant as first
found (``ActorRef.text``, e.g. "Peruvian President Dina Ercilia Boluarte Zegarra"), and a
later sentence may name them otherwise ("President Boluarte", "Premier Li Qiang"). So the
participants are looked for by every name they go by: the words found, the name, the
knowledge base's aliases, and for persons each part of those names (a surname alone is how
news names people after the first mention). Longer names are placed first; spans never overlap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from dyad.actors import KnowledgeBase
from dyad.actors.kb import PARTICLES
from dyad.records import ActorRef, Event, Mention

SpanKind = Literal["trigger", "actor", "recipient"]


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``start``-``end`` of a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    kind: SpanKind
    text: str
    name: str | None = None  # the participant's name, for actor and recipient spans


@dataclass(frozen=True, slots=True)
class Evidence:
    document_id: str
    sentence: str
    start: int  # the sentence's offsets in the document text
    end: int
    trigger: str
    pattern: str
    spans: list[Span]  # in sentence order


def _names(ref: ActorRef, kb: KnowledgeBase | None) -> list[str]:
    full = [ref.text, ref.name]
    entry = kb.entries.get(ref.actor_id) if kb is not None and ref.actor_id else None
    if entry is not None:
        full += [entry.name, *entry.aliases]
    if entry is None or entry.kind != "person":
        # A state, an organisation or a group ("Chinese enterprises"): its words alone
        # ("Chinese") name something else, so only the whole name counts.
        return [n for n in dict.fromkeys(full) if n.strip()]
    # Parts of the names only: the words found may be a description ("the Peruvian
    # leader") whose parts name nobody.
    parts = [
        p
        for n in full[1:]
        for p in re.split(r"[\s,]+", n)
        if len(p) > 1 and p[0].isupper() and p.lower() not in PARTICLES
    ]
    # Words of a title ("President") are no name: keep parts of the names only.
    title_words = set((ref.role or "").split())
    return [n for n in dict.fromkeys([*full, *parts]) if n.strip() and n not in title_words]


def _find(sentence: str, needle: str) -> Iterable[tuple[int, int]]:
    for m in re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", sentence):
        yield m.start(), m.end()


def locate(mention: Mention, event: Event, kb: KnowledgeBase | None = None) -> Evidence:
    """The mention's sentence with its trigger and participants as spans."""
    sentence = mention.sentence
    taken: list[Span] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s.start or s.end <= start for s in taken)

    t0, t1 = mention.trigger_start - mention.start, mention.trigger_end - mention.start
    if 0 <= t0 < t1 <= len(sentence):
        taken.append(Span(t0, t1, "trigger", sentence[t0:t1]))
    wanted: list[tuple[str, SpanKind, str]] = []
    for kind, refs in (("actor", event.actors), ("recipient", event.recipients)):
        for ref in refs:
            wanted += [(n, kind, ref.name) for n in _names(ref, kb)]  # type: ignore[misc]
    wanted.sort(key=lambda w: -len(w[0]))
    for needle, kind, name in wanted:
        for start, end in _find(sentence, needle):
            if free(start, end):
                taken.append(Span(start, end, kind, sentence[start:end], name))
    return Evidence(
        document_id=mention.document_id,
        sentence=sentence,
        start=mention.start,
        end=mention.end,
        trigger=mention.text,
        pattern=mention.pattern,
        spans=sorted(taken, key=lambda s: s.start),
    )


def pieces(evidence: Evidence) -> list[tuple[str, Span | None]]:
    """The sentence cut into plain text and spans, in order, for a template to mark up."""
    out: list[tuple[str, Span | None]] = []
    at = 0
    for span in evidence.spans:
        if span.start > at:
            out.append((evidence.sentence[at : span.start], None))
        out.append((evidence.sentence[span.start : span.end], span))
        at = span.end
    if at < len(evidence.sentence):
        out.append((evidence.sentence[at:], None))
    return out
