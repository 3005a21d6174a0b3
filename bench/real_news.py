"""Dyad on whole real news articles: ``../shared/eval/real_news/`` (its README has the format).

Run from the project root: ``python bench/real_news.py [--split dev|test|all] [--explain ID]
[--data DIR]``; ``--data`` scores another set in the same format (``articles.jsonl`` with a
``split`` on every article, ``expected.jsonl``, ``links.json``), such as an unseen check set
kept outside the repository.

Each article is coded with the library (``Coder``, ``make_document`` with the article's
publication date) and its events are matched to the annotated ones (``real_news_match``:
same type, a mention overlapping the evidence with the cue word in the overlap). Per split:

- precision: Dyad events that code a key or optional event, or that the hand-kept verdict
  file ``bench/data/real_news_verdicts.jsonl`` calls right, over all Dyad events;
- recall: key events some Dyad event codes; triples: key events coded with equal type, actor
  codes and recipient codes (as sets; in brackets, with a bare country code such as "JPN"
  counted as "JPN GOV", the set's convention for a state named as such); dates: found key
  events with a date whose Dyad start equals it at its precision; places: found key events
  with a place that Dyad names (or whose country Dyad gives);
- duplicates: Dyad events coding the same key event as another of the article's events
  (``extra``: those beyond the first);
- linking: ``links.json`` groups whose shared key event the store joins into one event
  (``real_news_link``), and wrong joins (one stored event for events coding different ones).

The texts are read from ``../shared`` at run time and never copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.real_news_link import GroupResult, score_group  # noqa: E402
from bench.real_news_match import (  # noqa: E402
    ArticleScore,
    Verdicts,
    date_ok,
    expected_events,
    place_ok,
    score_article,
    sides_text,
    triple_ok,
)

from dyad.coder import Coder  # noqa: E402
from dyad.events.candidates import DETECTIONS  # noqa: E402
from dyad.ingest import make_document  # noqa: E402
from dyad.records import Document  # noqa: E402

DATA = ROOT.parent / "shared" / "eval" / "real_news"
VERDICTS = ROOT / "bench" / "data" / "real_news_verdicts.jsonl"


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    split: str
    published: str
    source: str
    title: str
    text: str
    events: list[dict[str, Any]]

    def document(self) -> Document:
        return make_document(
            self.text,
            origin=f"real_news:{self.id}",
            title=self.title,
            source=self.source,
            published=self.published,
        )


def load(data: Path = DATA) -> tuple[list[Article], list[dict[str, Any]]]:
    """The articles with their expected events, and the link groups."""
    with (data / "expected.jsonl").open(encoding="utf-8") as fh:
        expected = {r["article_id"]: r["events"] for r in map(json.loads, fh)}
    articles = []
    with (data / "articles.jsonl").open(encoding="utf-8") as fh:
        for r in map(json.loads, fh):
            articles.append(
                Article(
                    r["id"],
                    r["split"],
                    r["published"],
                    r["source"],
                    r["title"],
                    r["text"],
                    expected.get(r["id"], []),
                )
            )
    links = json.loads((data / "links.json").read_text(encoding="utf-8"))
    return articles, links


def load_verdicts(path: Path = VERDICTS) -> Verdicts:
    """(article id, sentence start, type, actors, recipients) -> "right" or "wrong"; sides
    are None in a verdict that names none. See bench/data/README.md."""
    out: dict[tuple[str, int, str, str | None, str | None], str] = {}
    if not path.exists():
        return out
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        r = json.loads(line)
        if r.get("verdict") not in {"right", "wrong"}:
            raise ValueError(f"{path}:{n}: verdict must be right or wrong")
        out[(r["article"], int(r["start"]), r["type"], r.get("actors"), r.get("recipients"))] = r[
            "verdict"
        ]
    return out


def code_articles(coder: Coder, articles: list[Article], workers: int) -> dict[str, list]:  # type: ignore[type-arg]
    docs = [a.document() for a in articles]
    coded = coder.code(docs, batch_size=4, workers=workers)
    return {a.id: events for a, (_doc, events) in zip(articles, coded, strict=True)}


def score(
    articles: list[Article], coded: dict[str, list], verdicts: Verdicts
) -> list[ArticleScore]:  # type: ignore[type-arg]
    return [
        score_article(a.id, coded[a.id], expected_events(a.id, a.text, a.events), verdicts)
        for a in articles
    ]


def _countries_of() -> Any:
    from dyad.where import gazetteer

    g = gazetteer()
    return lambda name: {e.country for _q, e in g.candidates(name)}


def _ratio(n: int, d: int) -> str:
    return f"{n / d:.2f}" if d else "  - "


@dataclass
class Totals:
    events: int = 0
    right: int = 0
    keys: int = 0
    found: int = 0
    triples: int = 0
    state_triples: int = 0  # counting a bare country code as the country's GOV
    dated: int = 0
    dates: int = 0
    placed: int = 0
    places: int = 0
    duplicates: int = 0
    extra: int = 0


def tally(scores: Iterable[ArticleScore], only_type: str | None = None) -> Totals:
    t = Totals()
    countries_of = _countries_of()
    for s in scores:
        for e, ok in zip(s.events, s.right, strict=True):
            if only_type is None or e.type == only_type:
                t.events += 1
                t.right += ok
        for x in s.keys:
            if only_type is not None and x.type != only_type:
                continue
            t.keys += 1
            e = s.best.get(x.index)
            if e is None:
                continue
            t.found += 1
            t.triples += triple_ok(e, x)
            t.state_triples += triple_ok(e, x, bare_is_gov=True)
            if x.date:
                t.dated += 1
                t.dates += date_ok(e, x)
            if x.place:
                t.placed += 1
                t.places += place_ok(e, x, countries_of)
        if only_type is None:
            t.duplicates += s.duplicates()
            t.extra += s.extra_duplicates()
    return t


def print_split(name: str, scores: list[ArticleScore], groups: list[GroupResult]) -> None:
    types = sorted(
        {x.type for s in scores for x in s.keys} | {e.type for s in scores for e in s.events}
    )
    print(f"split: {name} ({len(scores)} articles)")
    print(f"{'type':10} {'key':>4} {'recall':>6} {'triple':>6} {'dyad':>5} {'prec':>5}")
    for t in types:
        x = tally(scores, t)
        print(
            f"{t:10} {x.keys:4d} {_ratio(x.found, x.keys):>6} {_ratio(x.triples, x.keys):>6} "
            f"{x.events:5d} {_ratio(x.right, x.events):>5}"
        )
    a = tally(scores)
    linked = sum(g.linked for g in groups)
    wrong = sum(g.wrong_joins for g in groups)
    print(
        f"{'all':10} {a.keys:4d} {_ratio(a.found, a.keys):>6} {_ratio(a.triples, a.keys):>6} "
        f"{a.events:5d} {_ratio(a.right, a.events):>5}"
    )
    for g in groups:
        mark = "linked" if g.linked else f"not linked (coded in {g.found_in}/{len(g.articles)})"
        shared = g.shared.label() if g.shared else "no shared key event"
        print(f"  link {shared}: {mark}, {g.wrong_joins} wrong joins")
    print(
        f"split {name}: precision {_ratio(a.right, a.events)} ({a.right}/{a.events}), "
        f"recall {_ratio(a.found, a.keys)} ({a.found}/{a.keys}), "
        f"triples {_ratio(a.triples, a.keys)} (bare country as GOV "
        f"{_ratio(a.state_triples, a.keys)}), "
        f"dates {_ratio(a.dates, a.dated)} ({a.dates}/{a.dated}), "
        f"places {_ratio(a.places, a.placed)} ({a.places}/{a.placed}), "
        f"duplicates {_ratio(a.duplicates, a.events)} (extra {_ratio(a.extra, a.events)}), "
        f"linking {linked}/{len(groups)} groups, {wrong} wrong joins"
    )
    print()


def explain(s: ArticleScore) -> None:
    """One article: each expected event with what Dyad made of it, then Dyad's events."""
    countries_of = _countries_of()
    print(f"article {s.article}: {len(s.expected)} expected, {len(s.events)} coded")
    for x in s.expected:
        e = s.best.get(x.index)
        kind = "optional" if x.optional else "key"
        where = "" if x.span else " [evidence not found in text]"
        print(f"  expected #{x.index} {kind} {x.label()} cue={x.cue!r} date={x.date!r}{where}")
        if e is None:
            print("      -> not coded")
            continue
        marks = [
            "triple ok" if triple_ok(e, x) else "triple differs",
            f"date {_mark(bool(x.date), x.date and date_ok(e, x))}",
            f"place {_mark(bool(x.place), x.place and place_ok(e, x, countries_of))}",
        ]
        print(f"      -> {_describe(e)}; {', '.join(marks)}")
    print("  coded:")
    for e, a, ok in zip(s.events, s.assigned, s.right, strict=True):
        tag = f"#{a.index}" if a is not None else ("right (verdict)" if ok else "unmatched")
        start = e.mentions[0].start if e.mentions else -1
        role = e.mentions[0].role if e.mentions else "-"
        print(f"    [{tag}] start={start} role={role} {_describe(e)}")


def _mark(judged: bool, ok: object) -> str:
    return ("ok" if ok else "differs") if judged else "n/a"


def _describe(e: Any) -> str:
    actors, recips = sides_text(e.actors), sides_text(e.recipients)
    trig = e.mentions[0].text if e.mentions else ""
    place = e.place.name if e.place else "-"
    return (
        f"{e.type}{'/' + e.mode if e.mode else ''} {actors} -> {recips} "
        f"({e.status}, {e.date.start or '?'} {e.date.precision}, {place}) trigger={trig!r}"
    )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    ap.add_argument("--explain", metavar="ID", help="show one article's expected and coded events")
    ap.add_argument("--workers", type=int, default=1, help="coding processes (default 1)")
    ap.add_argument(
        "--detection",
        choices=DETECTIONS,
        help="who finds triggers (default: Dyad's default, combined)",
    )
    ap.add_argument(
        "--data",
        type=Path,
        default=DATA,
        help="another set in the same format (an unseen check set kept outside the repository)",
    )
    ap.add_argument("--articles", nargs="*", help=argparse.SUPPRESS)  # a subset, for the tests
    args = ap.parse_args(argv)
    if not (args.data / "articles.jsonl").exists():
        sys.exit(f"error: no real-news set at {args.data}")
    articles, links = load(args.data)
    # The hand verdicts are about the real-news set's articles, not another set's.
    verdicts = load_verdicts() if args.data == DATA else {}
    coder = Coder.create(use_config_dir=False, detection=args.detection)
    if args.explain:
        chosen = [a for a in articles if a.id == args.explain]
        if not chosen:
            sys.exit(f"error: no article {args.explain!r}")
        coded = code_articles(coder, chosen, 1)
        explain(score(chosen, coded, verdicts)[0])
        return
    splits = ["dev", "test"] if args.split == "all" else [args.split]
    for split in splits:
        chosen = [a for a in articles if a.split == split]
        if args.articles:
            chosen = [a for a in chosen if a.id in args.articles]
        t0 = time.perf_counter()
        coded = code_articles(coder, chosen, args.workers)
        scores = score(chosen, coded, verdicts)
        by_id = {s.article: s for s in scores}
        docs = {a.id: a.document() for a in chosen}
        groups = [
            score_group(
                g["event"], [docs[i] for i in g["articles"]], [by_id[i] for i in g["articles"]]
            )
            for g in links
            if all(i in by_id for i in g["articles"])
        ]
        print(f"coded {len(chosen)} articles in {time.perf_counter() - t0:.0f}s")
        print_split(split, scores, groups)


if __name__ == "__main__":
    main()
