"""Stage 4, time: date expressions -> ``DateInfo`` anchored on the publication date.

dateparser reads the expressions ("June 25", "yesterday", "two days ago", "last month").
Written by hand, because no library does them: choosing the expression that belongs to the
event (the one attached to its trigger in the parse), tense-aware weekdays (a weekday in a
past-tense clause is the latest such day on or before publication, in a future one the next
such day after it; dateparser's PREFER_DATES_FROM=past moves "Friday" on a Friday back a
week), and ranges ("from June 25 to 29", "began on Tuesday ... until Saturday").
Never the machine's clock: without an anchor, relative expressions stay unresolved.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from typing import Literal

from spacy.tokens import Span, Token

from dyad.records import DateInfo

Tense = Literal["past", "future"]
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
START_VERBS = {"begin", "start", "open", "kick", "arrive", "launch"}
END_VERBS = {"end", "continue", "last", "conclude", "run", "close", "wrap", "leave", "finish"}
_RANGE = re.compile(
    r"(?:from|between)\s+(?P<a>.+?)\s+(?:to|until|through|till|and)\s+(?P<b>.+)$", re.I
)
_DASH_RANGE = re.compile(
    r"^(?P<m>[A-Za-z]+)\s+(?P<d1>\d{1,2})\s*[-–]\s*(?P<d2>\d{1,2})(?P<y>,?\s*\d{4})?$"
)
_TIME_OF_DAY = re.compile(r"\b(morning|afternoon|evening|night|tonight)\b", re.I)
_SPAN_WORDS = re.compile(
    r"^(?:an?|the|one|two|three|four|five|six|seven|eight|nine|ten|\d+)[- ](?:day|week)\b", re.I
)
# "eight years", "nearly a decade": durations, not dates (unless "ago" follows).
_DURATION = re.compile(
    r"^(?:nearly|about|almost|over|more than|some|the past|the last)?\s*"
    r"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
    r"(?:days?|weeks?|months?|years?|decades?)$",
    re.I,
)


def _iso(d: dt.date) -> str:
    return d.isoformat()


def weekday_date(name: str, anchor: dt.date, tense: Tense) -> dt.date:
    """Past: the latest such weekday on or before ``anchor``; future: the next one after it."""
    target = WEEKDAYS[name.lower()]
    if tense == "past":
        return anchor - dt.timedelta(days=(anchor.weekday() - target) % 7)
    delta = (target - anchor.weekday()) % 7
    return anchor + dt.timedelta(days=delta or 7)


@functools.lru_cache(maxsize=64)
def _parser(tense: Tense, anchor: dt.date | None) -> object:
    """A dateparser parser per (tense, anchor): RELATIVE_BASE is fixed at construction."""
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {
        "PREFER_DATES_FROM": tense,
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(anchor, dt.time(12))
    return DateDataParser(languages=["en"], settings=settings)


def _period_bounds(day: dt.date, period: str) -> tuple[dt.date, dt.date, str]:
    if period == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last), "month"
    if period == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), "year"
    if period == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6), "week"
    return day, day, "day"


def resolve_expression(text: str, anchor: dt.date | None, tense: Tense) -> DateInfo | None:
    """Resolve one date expression; None when it is not a date of a day, week, month or year."""
    raw = " ".join(text.split())
    expr = _TIME_OF_DAY.sub("", raw).strip(" ,")
    expr = re.sub(r"^(?:on|in|during|this|late|early|earlier|later)\s+", "", expr, flags=re.I)
    low = expr.lower()
    anchor_iso = _iso(anchor) if anchor else None
    if not expr or _SPAN_WORDS.match(low) or _DURATION.match(low):
        return None
    if low in WEEKDAYS:
        if anchor is None:
            return DateInfo(None, None, "unknown", raw, None)
        d = weekday_date(low, anchor, tense)
        return DateInfo(_iso(d), _iso(d), "day", raw, anchor_iso)
    if low in {"today", "tonight"} and anchor:
        return DateInfo(anchor_iso, anchor_iso, "day", raw, anchor_iso)
    if low in {"this year", "earlier this year", "later this year"} and anchor:
        return DateInfo(f"{anchor.year}-01-01", f"{anchor.year}-12-31", "year", raw, anchor_iso)
    m = _DASH_RANGE.match(expr)
    if m:
        year = m.group("y")
        a = resolve_expression(f"{m.group('m')} {m.group('d1')}{year or ''}", anchor, tense)
        b = _range_end(f"{m.group('m')} {m.group('d2')}{year or ''}", a)
        if a and b and a.start and b.end:
            return DateInfo(a.start, b.end, "range", raw, anchor_iso)
    m = _RANGE.match(expr)
    if m:
        a = resolve_expression(m.group("a"), anchor, tense)
        btext = m.group("b")
        if a and a.start and re.fullmatch(r"\d{1,2}(?:,?\s*\d{4})?", btext.strip()):
            btext = f"{dt.date.fromisoformat(a.start).strftime('%B')} {btext}"
        b = _range_end(btext, a)
        if a and b and a.start and b.end:
            return DateInfo(a.start, b.end, "range", raw, anchor_iso)
    has_year = bool(re.search(r"\b(1[89]|20)\d{2}\b", expr))
    if anchor is None and not has_year:
        return DateInfo(None, None, "unknown", raw, None)
    try:
        data = _parser(tense, anchor).get_date_data(expr)  # type: ignore[attr-defined]
    except (ValueError, OverflowError):
        return None
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    data_period = data.period or "day"
    if low.startswith(("last week", "next week")) or low.endswith("week ago"):
        data_period = "week"
    elif low.startswith(("last month", "next month")):
        data_period = "month"
    elif low.startswith(("last year", "next year")):
        data_period = "year"
    start, end, precision = _period_bounds(day, data_period or "day")
    return DateInfo(_iso(start), _iso(end), precision, raw, anchor_iso)  # type: ignore[arg-type]


def _range_end(text: str, start: DateInfo | None) -> DateInfo | None:
    """The end of a range is the first such date on or after its start."""
    if start is None or start.start is None:
        return None
    begin = dt.date.fromisoformat(start.start)
    got = resolve_expression(text, begin - dt.timedelta(days=1), "future")
    return got


def _clause_tense(tok: Token) -> Tense:
    """Tense of the clause a date expression hangs on: future with will/shall/'ll/going to."""
    verb = tok
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    for t in [verb, *verb.children]:
        if t.lower_ in {"will", "shall", "'ll", "wo"} and t.dep_ in {"aux", "auxpass"}:
            return "future"
    if verb.lemma_ in {"schedule", "plan", "expect", "set", "due"}:
        return "future"
    if verb.head.lemma_ in {"schedule", "plan", "expect", "set", "due"} and verb.dep_ == "xcomp":
        return "future"
    return "past"


def _attached_to(ent: Span, trigger: Token) -> bool:
    """True when the date's head chain reaches the trigger before another clause head."""
    t = ent.root
    for _ in range(12):
        if t.i == trigger.i:
            return True
        if t.head.i == t.i:
            return False
        if t.pos_ in {"VERB", "AUX"} and t.i != ent.root.i and t.dep_ not in {"xcomp", "aux"}:
            return t.i == trigger.i
        t = t.head
    return False


def event_date(
    sent: Span,
    trigger: Token,
    anchor: dt.date | None,
    status: str,
) -> DateInfo:
    """The date of the event whose trigger is ``trigger``; see the module docstring."""
    dates = [e for e in sent.ents if e.label_ == "DATE"]
    tense: Tense = "future" if status == "planned" else "past"
    attached = [e for e in dates if _attached_to(e, trigger)]
    # Ranges told by two clauses: "which began on Tuesday and will continue until Saturday".
    begin = end = None
    for e in dates:
        verb = e.root.head.head if e.root.head.dep_ == "prep" else e.root.head
        related = verb.i == trigger.i or verb.head.i == trigger.i or verb.head.head.i == trigger.i
        if not related:
            continue
        if verb.lemma_ in START_VERBS and e.root.head.lower_ in {"on", "in", "since"}:
            begin = resolve_expression(e.text, anchor, _clause_tense(verb))
        elif verb.lemma_ in END_VERBS or e.root.head.lower_ in {"until", "till", "through"}:
            end = resolve_expression(e.text, anchor, _clause_tense(verb))
    if begin and end and begin.start and end.end:
        return DateInfo(begin.start, end.end, "range", f"{begin.text} - {end.text}", begin.anchor)
    for group in (attached, dates):
        for e in group:
            got = resolve_expression(
                e.text, anchor, _clause_tense(e.root) if group is dates else tense
            )
            if got is not None:
                return got
    if anchor is not None:
        return DateInfo(_iso(anchor), _iso(anchor), "publication", None, _iso(anchor))
    return DateInfo(None, None, "unknown", None, None)
