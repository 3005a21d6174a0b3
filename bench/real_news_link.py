"""Cross-outlet linking on the real-news set: does the store make one event of one story?

Each ``links.json`` group (2-3 articles from different outlets about one real event) is
ingested into a fresh SQLite store, the way ``dyad ingest`` links reports, with the events
already coded (a stand-in coder hands them over, so nothing is coded twice). The group's
shared key event is the first key event, in the first article's order, whose signature
(type, mode, actor and recipient codes) is a key event of every article of the group.

- The group is linked when one stored event holds, from every article, a Dyad event that
  codes that article's shared key event.
- A wrong join is a stored event holding Dyad events from two articles that code expected
  events of different signatures.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.real_news_match import ArticleScore, Expected

from dyad.records import Document, Event, Reject
from dyad.store import Store


@dataclass(frozen=True, slots=True)
class GroupResult:
    event: str  # the group's description in links.json
    articles: tuple[str, ...]
    shared: Expected | None  # the shared key event, in the first article
    linked: bool
    wrong_joins: int
    found_in: int  # articles where Dyad coded the shared key event at all


class _Handover:
    """A ``DocumentCoder`` that returns events coded beforehand."""

    def __init__(self, events: dict[str, list[Event]]) -> None:
        self.events = events

    def code(
        self, documents: Iterable[Document], *, on_reject: Callable[[Document, Reject], None]
    ) -> Iterator[tuple[Document, list[Event]]]:
        for d in documents:
            yield d, self.events[d.id]


def shared_key(scores: list[ArticleScore]) -> list[Expected] | None:
    """The shared key event of each article, or None when the articles share none."""
    for x in scores[0].keys:
        per_article = [
            next((k for k in s.keys if k.signature == x.signature), None) for s in scores
        ]
        if all(k is not None for k in per_article):
            return per_article  # type: ignore[return-value]
    return None


def _mention_key(e: Event) -> tuple[str, int, int]:
    m = e.mentions[0]
    return m.document_id, m.start, m.trigger_start


def stored_ids(docs: list[Document], scores: list[ArticleScore]) -> dict[tuple[str, int, int], str]:
    """Ingest the documents with their events into a temporary store; for the first mention
    of each coded event, the id of the stored event it ended in."""
    handover = _Handover({d.id: s.events for d, s in zip(docs, scores, strict=True)})
    where: dict[tuple[str, int, int], str] = {}
    with tempfile.TemporaryDirectory(prefix="dyad-real-news-") as tmp:
        with Store.open(str(Path(tmp) / "links.db")) as store:
            for outcome in store.ingest(docs, handover, version="bench"):
                if outcome.kind != "stored":
                    raise RuntimeError(f"{outcome.origin}: {outcome.kind} {outcome.reason}")
            for stored in store.events():
                for m in stored.event.mentions:
                    where[(m.document_id, m.start, m.trigger_start)] = stored.event.id
    return where


def score_group(event: str, docs: list[Document], scores: list[ArticleScore]) -> GroupResult:
    where = stored_ids(docs, scores)
    shared = shared_key(scores)
    # stored event id -> per article, the signatures of the expected events its members code
    members: dict[str, dict[str, set[tuple]]] = {}  # type: ignore[type-arg]
    for s in scores:
        for e, a in zip(s.events, s.assigned, strict=True):
            if not e.mentions or a is None:
                continue
            sid = where.get(_mention_key(e))
            if sid is not None:
                members.setdefault(sid, {}).setdefault(s.article, set()).add(a.signature)
    wrong = 0
    for per_article in members.values():
        sigs = list(per_article.values())
        if len(sigs) > 1 and not set.intersection(*sigs):
            wrong += 1
    linked, found_in = False, 0
    if shared is not None:
        holders: list[set[str]] = []
        for s, x in zip(scores, shared, strict=True):
            ids = {
                where[_mention_key(e)]
                for e, a in zip(s.events, s.assigned, strict=True)
                if a is not None and a.index == x.index and e.mentions
            }
            holders.append(ids)
        found_in = sum(1 for h in holders if h)
        linked = bool(set.intersection(*holders))
    return GroupResult(
        event,
        tuple(s.article for s in scores),
        shared[0] if shared else None,
        linked,
        wrong,
        found_in,
    )
