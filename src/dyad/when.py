"""Stage 4, time: date expressions -> ``DateInfo`` anchored on the publication date.

dateparser reads the expressions it knows ("June 25", "March 2023", "two days ago",
"tomorrow"). Written by hand, because no library does them or does them right for news:

- choosing the expression that belongs to the event: the one attached to its trigger in the
  parse, else one of the sentence's that no other clause owns, else the publication date;
- tense-aware weekdays: in a past-tense clause the latest such day on or before publication,
  in a planned one the next such day after it (dateparser's PREFER_DATES_FROM=past moves
  "Friday" on a Friday back a week, and it has no notion of the clause's tense);
- ranges: "from June 25 to 29", "June 25-29", "25-29 June", "between Monday and Wednesday",
  "began on Tuesday and will continue until Saturday", and a known start plus "a five-day
  visit" (end = start + 4);
- periods dateparser misreads or drops: "this week", "earlier this month", "mid-April",
  "over the weekend", "the 1990s", "the first half of 2023".

Never the machine's clock: without an anchor, relative expressions stay unresolved with their
text kept, and dateparser is only asked about expressions that name their year.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Iterable
from typing import Literal

from spacy.tokens import Span, Token

from dyad.records import DateInfo
from dyad.when_numbers import number_not_date, span_not_date

Tense = Literal["past", "future"]
Period = Literal["day", "week", "month", "year"]

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS: dict[str, int] = {}
for _i in range(1, 13):
    MONTHS[calendar.month_name[_i].lower()] = _i
    MONTHS[calendar.month_abbr[_i].lower()] = _i
MONTHS["sept"] = 9
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
}
_NUMBER = r"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = re.compile(r"\b(1[89]\d{2}|20\d{2})\b")

# Verbs whose date is the start or the end of the event they describe ("the visit, which began
# on Tuesday and ends on Friday"); "arrive" is not one: an arrival is its own day.
START_VERBS = {"begin", "start", "open", "kick", "launch", "commence"}
END_VERBS = {"end", "conclude", "close", "wrap", "finish"}
# Verbs that carry an event on to a date given by "until" ("will continue until Saturday").
LASTING_VERBS = {"continue", "last", "run", "stay", "remain"}
# "last <weekday>" this many days back or fewer means the one a week earlier.
LAST_MEANS_EARLIER = 2
# Verbs that only say when the event happened ("the meeting took place on Friday", "talks
# began on Monday"): their dates are the event's.
OCCUR_VERBS = {"take", "happen", "occur", "hold"} | START_VERBS | END_VERBS | LASTING_VERBS
END_PREPS = {"until", "till", "through", "thru"}
START_PREPS = {"since"}
# Modal auxiliaries that put a clause after the publication date ("could meet on Friday").
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
FUTURE_MODALS = {"may", "might", "could", "would", "should", "must", "can"}
PLAN_VERBS = {"schedule", "plan", "expect", "set", "due", "slate", "intend", "prepare", "hope"}

_TIME_OF_DAY = re.compile(
    r"\b(?:in the |on )?(?:morning|afternoon|evening|night|tonight|midday|noon|overnight)\b", re.I
)
_LEAD = re.compile(r"^(?:on|in|during|at|over|around|about|by|of|as of)\s+", re.I)
# "a five-day visit", "two weeks", "eight years", "nearly a decade": lengths, not dates.
_SPAN_WORDS = re.compile(rf"^{_NUMBER}[- ](?:day|week|month|year|night)s?(?:[- ]long)?$", re.I)
_DURATION = re.compile(
    r"^(?:nearly|about|almost|over|more than|less than|some|the past|the last|the next|"
    r"the coming|the previous|another|several|many|few|the first|the)?\s*"
    rf"(?:{_NUMBER}|several|many|few|a few|a couple of)?\s*"
    r"(?:days?|weeks?|months?|years?|decades?|hours?)$",
    re.I,
)
# Dates told relative to another date of the text, not to publication ("the next day",
# "three days later", "the day before"): Dyad does not chain dates across sentences.
_TEXT_RELATIVE = re.compile(
    r"\b(?:later|earlier|before|after|afterwards|prior)$|"
    r"^the (?:next|following|previous|preceding|same)\b|^(?:the )?day (?:before|after)\b",
    re.I,
)
# "two days ago"; vague counts ("several days ago") are left unresolved rather than guessed.
_AGO = re.compile(rf"^({_NUMBER})\s+(day|week|month|year)s?\s+ago$", re.I)
_PERIOD = re.compile(
    r"^(?P<q>this|last|next|coming|earlier this|later this|early this|late this)\s+"
    r"(?P<p>week|month|year)$",
    re.I,
)
_WEEKDAY = re.compile(
    r"^(?:(?P<q>last|past|next|this|coming)\s+)?(?P<d>"
    + "|".join(WEEKDAYS)
    + r")(?:'s)?(?:\s*,?\s+(?P<rest>.+))?$",
    re.I,
)
_WEEKEND = re.compile(r"^(?:(?P<q>the|this|last|past|next|coming)\s+)?weekend$", re.I)
_PART_OF_MONTH = re.compile(
    r"^(?:early|mid|late|(?:the )?(?:end|beginning|start|middle|first half|second half) of)"
    r"[- ]\s*(?P<rest>.+)$",
    re.I,
)
_DECADE = re.compile(r"^(?:the\s+)?(?:early|mid|late)?[- ]?(?P<y>1[89]\d0|20\d0)'?s$", re.I)
_PART_OF_YEAR = re.compile(
    r"^(?:(?:the )?(?P<n>first|second|third|fourth|last) (?P<p>half|quarter) of|"
    r"(?P<h>[HQ])(?P<k>[1-4]))\s+(?P<y>\d{4})$",
    re.I,
)
_RANGE = re.compile(
    r"^(?:(?P<from>from|between)\s+)?(?P<a>.+?)\s*"
    r"(?:\s(?:to|until|till|through|thru|and)\s|[-–—]|\s(?:to|until)\s)\s*(?P<b>.+)$",
    re.I,
)
_DAY_EVIDENCE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\b|\b(?:ago|today|tonight|now|yesterday|tomorrow|days?|"
    + "|".join(WEEKDAYS)
    + r")\b",
    re.I,
)
_DAY_ONLY = re.compile(r"^(?P<d>\d{1,2})(?:st|nd|rd|th)?(?P<y>,?\s*\d{4})?$")
_DURATION_MODIFIER = re.compile(
    rf"\b(?P<n>{_NUMBER})[- ]?(?P<u>day|week|night)s?\b|\b(?P<long>day|week)[- ]?long\b", re.I
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


def _shift_month(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _period_bounds(day: dt.date, period: str) -> tuple[dt.date, dt.date, Period]:
    if period == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last), "month"
    if period == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), "year"
    if period == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6), "week"
    return day, day, "day"


def _info(
    start: dt.date, end: dt.date, precision: str, raw: str, anchor: dt.date | None
) -> DateInfo:
    return DateInfo(_iso(start), _iso(end), precision, raw, _iso(anchor) if anchor else None)  # type: ignore[arg-type]


@functools.lru_cache(maxsize=64)
def _parser(tense: Tense, base: dt.date) -> object:
    """A dateparser parser per (tense, base date): RELATIVE_BASE is fixed at construction, so
    dateparser never falls back on the machine's clock."""
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {
        "PREFER_DATES_FROM": tense,
        "RETURN_AS_TIMEZONE_AWARE": False,
        "RELATIVE_BASE": dt.datetime.combine(base, dt.time(12)),
    }
    return DateDataParser(languages=["en"], settings=settings)


def _dateparser(expr: str, base: dt.date, tense: Tense) -> tuple[dt.date, str] | None:
    try:
        data = _parser(tense, base).get_date_data(expr)  # type: ignore[attr-defined]
    except (ValueError, OverflowError, TypeError):
        return None
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    period = data.period or "day"
    # dateparser answers some phrases it cannot read ("the 1990s") with its base date, and
    # fills a day the text never gave from it ("Q3 2023" -> the base's day of September).
    if day == base and not re.search(r"\b(?:today|now|tonight)\b", expr, re.I):
        return None
    if period == "day" and not _DAY_EVIDENCE.search(expr):
        return None
    return day, period


def _clean(text: str) -> str:
    """The expression without time of day and leading prepositions ("on Tuesday morning")."""
    expr = _TIME_OF_DAY.sub("", " ".join(text.split())).strip(" ,.;:")
    while True:
        stripped = _LEAD.sub("", expr)
        if stripped == expr:
            return expr
        expr = stripped


def _not_a_date(low: str) -> bool:
    """A length ("the past year", "a five-day") or a date relative to another date of the
    text ("the next day", "three days later")."""
    return bool(_SPAN_WORDS.match(low) or _DURATION.match(low) or _TEXT_RELATIVE.search(low))


def resolve_expression(text: str, anchor: dt.date | None, tense: Tense) -> DateInfo | None:
    """Resolve one date expression against ``anchor`` (the publication date).

    Args:
        text: the expression as written ("on Tuesday", "June 25-29", "last week").
        anchor: the publication date, or None when unknown.
        tense: "past" or "future", the tense of the clause the expression belongs to.

    Returns:
        A ``DateInfo`` (precision day, week, month, year or range); one with precision
        "unknown" and the text kept when the expression is relative and there is no anchor;
        None when the text is not a date (a duration, a date relative to another date, an
        age, a score, a count or an amount: ``dyad.when_numbers``).
    """
    raw = " ".join(text.split())
    expr = _clean(raw)
    if not expr or _not_a_date(expr.lower()) or number_not_date(expr):
        return None
    expr = re.sub(r"^the\s+", "", expr, flags=re.I)  # "the weekend", "the first half of 2023"
    if not expr or _not_a_date(expr.lower()):
        return None
    got = _range(expr, raw, anchor, tense)
    if got is not None:
        return got
    return _single(expr, raw, anchor, tense)


def _unknown(raw: str) -> DateInfo:
    return DateInfo(None, None, "unknown", raw, None)


def _single(expr: str, raw: str, anchor: dt.date | None, tense: Tense) -> DateInfo | None:
    """One date (not a range): the hand-written forms first, then dateparser."""
    low = expr.lower()
    m = _WEEKDAY.match(expr)
    if m:
        if m.group("rest"):  # "Monday, June 24": the calendar date says more
            got = _single(m.group("rest"), raw, anchor, tense)
            if got is not None and got.precision != "unknown":
                return got
        if anchor is None:
            return _unknown(raw)
        q = (m.group("q") or "").lower()
        name = m.group("d").lower()
        if q in {"last", "past"}:
            # "last Friday": strictly before publication, and not the day or two before it,
            # which a report calls "on Friday"; "last Monday" in Tuesday's paper is the
            # Monday of the week before.
            back = (anchor.weekday() - WEEKDAYS[name] - 1) % 7 + 1
            day = anchor - dt.timedelta(days=back + 7 if back <= LAST_MEANS_EARLIER else back)
        else:
            day = weekday_date(name, anchor, "future" if q in {"next", "coming"} else tense)
        return _info(day, day, "day", raw, anchor)
    m = _WEEKEND.match(expr)
    if m:
        if anchor is None:
            return _unknown(raw)
        q = (m.group("q") or "").lower()
        future = q in {"next", "coming"} or (q in {"this", "the", ""} and tense == "future")
        if anchor.weekday() >= 5 and q in {"this", "the", ""}:
            saturday = anchor - dt.timedelta(days=anchor.weekday() - 5)
        elif future:
            saturday = weekday_date("saturday", anchor, "future")
        else:
            saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7 or 7)
        return _info(saturday, saturday + dt.timedelta(days=1), "range", raw, anchor)
    if low in {"today", "tonight", "now"}:
        return _info(anchor, anchor, "day", raw, anchor) if anchor else _unknown(raw)
    if low in {"yesterday", "tomorrow"}:
        if anchor is None:
            return _unknown(raw)
        day = anchor + dt.timedelta(days=-1 if low == "yesterday" else 1)
        return _info(day, day, "day", raw, anchor)
    m = _PERIOD.match(expr)
    if m:
        if anchor is None:
            return _unknown(raw)
        q, period = m.group("q").lower(), m.group("p").lower()
        step = -1 if q == "last" else 1 if q in {"next", "coming"} else 0
        if period == "week":
            day = anchor + dt.timedelta(weeks=step)
        elif period == "month":
            day = _shift_month(anchor, step)
        else:
            day = dt.date(anchor.year + step, 1, 1)
        start, end, precision = _period_bounds(day, period)
        return _info(start, end, precision, raw, anchor)
    m = _AGO.match(expr)
    if m:
        if anchor is None:
            return _unknown(raw)
        word, unit = m.group(1).lower(), m.group(2).lower()
        n = NUMBER_WORDS[word] if word in NUMBER_WORDS else int(word)
        if unit == "day":
            day = anchor - dt.timedelta(days=n)
        elif unit == "week":
            day = anchor - dt.timedelta(weeks=n)
        elif unit == "month":
            day = _shift_month(anchor, -n)
        else:
            day = dt.date(anchor.year - n, 1, 1)
        start, end, precision = _period_bounds(day, unit)
        return _info(start, end, precision, raw, anchor)
    m = _DECADE.match(expr)
    if m:
        first = int(m.group("y"))
        return _info(dt.date(first, 1, 1), dt.date(first + 9, 12, 31), "range", raw, anchor)
    m = _PART_OF_YEAR.match(expr)
    if m:
        year = int(m.group("y"))
        if m.group("h"):  # "Q3 2023", "H1 2024"
            half, order = m.group("h").lower() == "h", int(m.group("k")) - 1
        else:
            half = m.group("p").lower() == "half"
            order = {"first": 0, "second": 1, "third": 2, "fourth": 3, "last": -1}[
                m.group("n").lower()
            ]
        months = 6 if half else 3
        count = 12 // months
        index = order % count
        start = dt.date(year, index * months + 1, 1)
        end = _period_bounds(dt.date(year, index * months + months, 1), "month")[1]
        return _info(start, end, "range", raw, anchor)
    m = _PART_OF_MONTH.match(expr)
    if m:  # "mid-April", "late 2023", "the end of May": the month or year it falls in
        got = _single(m.group("rest"), raw, anchor, tense)
        if got is not None and got.precision in {"month", "year", "unknown"}:
            return got
        return None
    return _by_dateparser(expr, raw, anchor, tense)


def _by_dateparser(expr: str, raw: str, anchor: dt.date | None, tense: Tense) -> DateInfo | None:
    years = _YEAR.findall(expr)
    if anchor is None:
        if not years:
            return _unknown(raw) if _looks_like_date(expr) else None
        # Resolve against the first day of the year the text names; the answer must keep it.
        base = dt.date(int(years[0]), 1, 1)
    else:
        base = anchor
    parsed = _dateparser(expr, base, tense)
    if parsed is not None:
        day, period = parsed
        if anchor is None and str(day.year) not in years:
            return _unknown(raw)
        start, end, precision = _period_bounds(day, period)
        return _info(start, end, precision, raw, anchor)
    if years and len(set(years)) == 1:  # "the summer of 2022", "fiscal 2023"
        year = int(years[0])
        return _info(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", raw, anchor)
    return None


def _looks_like_date(expr: str) -> bool:
    low = expr.lower()
    return bool(
        any(w in MONTHS or w in WEEKDAYS for w in re.findall(r"[a-z]+", low))
        or re.search(r"\b(?:ago|week|month|year|day)\b", low)
    )


def _range(expr: str, raw: str, anchor: dt.date | None, tense: Tense) -> DateInfo | None:
    """ "from June 25 to 29", "June 25-29", "25-29 June", "Monday to Wednesday"."""
    m = _RANGE.match(expr)
    if not m or re.fullmatch(r"\d{4}-\d{2}-\d{2}", expr):  # an ISO date is one day
        return None
    a, b = m.group("a").strip(" ,"), m.group("b").strip(" ,")
    joiner = expr[m.end("a") : m.start("b")].strip().lower()
    if joiner == "and" and not m.group("from"):
        return None  # "Monday and Tuesday" without "between" is a list, not a range
    if not a or not b:
        return None
    day_a, day_b = _DAY_ONLY.match(a), _DAY_ONLY.match(b)
    month_a = re.search(rf"\b{_MONTH}", a, re.I)
    month_b = re.search(rf"\b{_MONTH}", b, re.I)
    if day_b and month_a and not day_a:  # "June 25-29": the month of the start
        b = f"{month_a.group(0)} {b}"
    if day_a and month_b:  # "25-29 June": the start borrows the end's month and year
        a = f"{a} {b[month_b.start() :]}"
    elif not day_a and not day_b and not month_a and not re.fullmatch(r"\d{4}", a):
        if a.lower() not in WEEKDAYS and not _WEEKDAY.match(a):
            return None  # "mid-April" and the like are not ranges
    year_b = _YEAR.search(b)
    if year_b and not _YEAR.search(a) and (month_a or day_a):
        a = f"{a} {year_b.group(0)}"  # "June 25 to 29, 2021"
    start = _single(_clean(a), a, anchor, tense)
    if start is None:
        return None
    if start.start is None:
        return _unknown(raw)
    end = _range_end(_clean(b), start)
    if end is None or end.end is None or end.end < start.start:
        return None
    return DateInfo(start.start, end.end, "range", raw, start.anchor)


def _range_end(text: str, start: DateInfo | None) -> DateInfo | None:
    """The end of a range is the first such date on or after its start."""
    if start is None or start.start is None:
        return None
    begin = dt.date.fromisoformat(start.start)
    if _YEAR.search(text):
        return _single(text, text, begin, "future")
    return _single(text, text, begin - dt.timedelta(days=1), "future")


# -- choosing the date of an event ----------------------------------------------------------


def _is_verb(tok: Token) -> bool:
    return tok.pos_ in {"VERB", "AUX"}


def _clause_tense(tok: Token) -> Tense:
    """Tense of the clause ``tok`` belongs to: future with will/shall/'ll, going to, a modal
    before a bare verb ("could meet"), or a verb of planning ("is scheduled to meet")."""
    verb = tok
    for _ in range(8):
        if _is_verb(verb) or verb.head.i == verb.i:
            break
        verb = verb.head
    chain = [verb]
    cur = verb
    while cur.dep_ in {"xcomp", "conj"} and cur.head.i != cur.i and _is_verb(cur.head):
        cur = cur.head
        chain.append(cur)
    for v in chain:
        aux = [c for c in v.children if c.dep_ in {"aux", "auxpass"}]
        if any(c.lower_ in FUTURE_AUX for c in aux):
            return "future"
        if any(c.lower_ in FUTURE_MODALS for c in aux) and not any(c.lower_ == "have" for c in aux):
            return "future"
        if v.lemma_ in PLAN_VERBS and v is not verb:
            return "future"
        if v.lemma_ == "go" and any(c.dep_ == "xcomp" for c in v.children) and v.tag_ == "VBG":
            return "future"
        if v.lemma_ in PLAN_VERBS and v.tag_ == "VBN":
            return "future"
    return "past"


def _event_heads(trigger: Token, predicate: Token | None) -> set[int]:
    """Tokens whose date modifiers date the event itself.

    The trigger and its predicate (the light verb of "held talks"); verbs that govern them
    through xcomp ("is expected to visit on Monday" hangs the date on "expected" at times);
    and verbs that only say when the event happened: its relative clause ("the visit, which
    began on Tuesday"), the clause it is the subject of ("talks began on Monday"), and their
    conjuncts ("... and will continue until Saturday").
    """
    heads = {trigger.i}
    if predicate is not None:
        heads.add(predicate.i)
    for tok in [trigger] + ([predicate] if predicate is not None else []):
        cur = tok
        while cur.dep_ == "xcomp" and cur.head.i != cur.i:
            cur = cur.head
            heads.add(cur.i)
    aspect: list[Token] = [
        c for c in trigger.children if c.dep_ in {"relcl", "acl"} and c.lemma_ in OCCUR_VERBS
    ]
    if trigger.dep_ in {"nsubj", "nsubjpass"}:
        verb = trigger.head
        if verb.lemma_ in OCCUR_VERBS:
            aspect.append(verb)
        elif verb.lemma_ in PLAN_VERBS:  # "talks are set to begin on Monday"
            heads.add(verb.i)
            aspect.extend(c for c in verb.children if c.dep_ == "xcomp" and c.lemma_ in OCCUR_VERBS)
    for verb in aspect:
        heads.add(verb.i)
        heads.update(c.i for c in verb.children if c.dep_ == "conj" and _is_verb(c))
    return heads


def _governor(span: Span) -> Token | None:
    """The verb (or event noun's head) a date expression hangs on: the first verb above it."""
    t = span.root
    for _ in range(12):
        if t.head.i == t.i:
            return t if _is_verb(t) else None
        t = t.head
        if _is_verb(t) and t.dep_ not in {"aux", "auxpass"}:
            return t
    return None


def _attached(span: Span, heads: set[int]) -> bool:
    """True when the date's head chain reaches an event head before any other verb."""
    t = span.root
    for _ in range(12):
        if t.i in heads:
            return True
        if t.head.i == t.i:
            return False
        if _is_verb(t) and t.i != span.root.i and t.dep_ not in {"aux", "auxpass"}:
            return False
        t = t.head
    return False


def _owned_elsewhere(span: Span, trigger: Token, *, done: bool = False) -> bool:
    """A date inside a clause that does not contain the trigger ("Boluarte, who took office in
    December 2022, ...") belongs to that clause's event, not this one. With ``done`` (an act
    that happened), a date that closes the act's own infinitive complement (only punctuation
    after it) is the act's: wire
    copy puts the day last ("ordered him to leave the country on Tuesday", "agreed to resume
    visits during a summit on Thursday"), and what was ordered or agreed comes later."""
    t = span.root
    for _ in range(12):
        if t.head.i == t.i:
            return False
        if _is_verb(t) and t.dep_ in {"relcl", "acl", "advcl", "ccomp", "conj", "xcomp"}:
            if done and _complement_of(t, trigger) and _closes(span):
                return False
            return not (t.left_edge.i <= trigger.i <= t.right_edge.i)
        t = t.head
    return False


def _complement_of(verb: Token, trigger: Token) -> bool:
    """``verb`` heads an infinitive complement of ``trigger``, directly or through other
    complements, their conjuncts and purposes ("agreed to resume visits and take steps to
    resolve a dispute")."""
    cur = verb
    for _ in range(6):
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
        if cur.head.i == cur.i or not (
            cur.dep_ in {"xcomp", "conj"} or (cur.dep_ == "advcl" and infinitive)
        ):
            return False
        cur = cur.head
        if cur.i == trigger.i:
            return verb.dep_ == "xcomp" or any(
                a.dep_ == "xcomp" for a in verb.ancestors if a.i != trigger.i
            )
    return False


def _closes(span: Span) -> bool:
    """Nothing but punctuation follows the date in its stretch of the sentence."""
    return span.end >= span.sent.end or span.doc[span.end].is_punct


def _dates_tagged(sent: Span) -> list[Span]:
    """DATE entities of the sentence, read from the IOB tags (``Span.ents`` walks all of the
    document's entities on every call, which long articles cannot afford)."""
    out: list[Span] = []
    start: int | None = None
    for tok in sent:
        inside = tok.ent_type_ == "DATE" and tok.ent_iob_ == "I" and start is not None
        if inside:
            continue
        if start is not None:
            out.append(Span(sent.doc, start, tok.i, label="DATE"))
            start = None
        if tok.ent_type_ == "DATE":
            start = tok.i
    if start is not None:
        out.append(Span(sent.doc, start, sent.end, label="DATE"))
    return out


def _date_spans(sent: Span) -> list[Span]:
    """DATE entities plus weekday and day words the entity recogniser left out; not the
    ages, counts and amounts it tags DATE ("Abdallah, 37,", "killed 2000 protesters")."""
    spans = [s for s in _dates_tagged(sent) if span_not_date(s) is None]
    covered = {t.i for e in spans for t in e}
    for tok in sent:
        if tok.i in covered:
            continue
        if tok.lower_ in WEEKDAYS or tok.lower_ in {"yesterday", "today", "tomorrow"}:
            spans.append(sent.doc[tok.i : tok.i + 1])
    return sorted(spans, key=lambda s: s.start)


def _expression(span: Span) -> str:
    """The span's text, with a range opener the recogniser left outside ("from June 25 to 29")."""
    before = span.doc[span.start - 1] if span.start > span.sent.start else None
    if before is not None and before.lower_ in {"from", "between"}:
        return f"{before.text} {span.text}"
    return span.text


def _preposition(span: Span) -> str | None:
    return span.root.head.lower_ if span.root.dep_ == "pobj" else None


def _role(span: Span) -> str | None:
    """ "start" or "end" when the date marks a bound of the event, else None."""
    prep = _preposition(span)
    if prep in END_PREPS:
        return "end"
    if prep in START_PREPS:
        return "start"
    verb = _governor(span)
    if verb is None:
        return None
    if verb.lemma_ in START_VERBS:
        return "start"
    if verb.lemma_ in END_VERBS:
        return "end"
    return None


def _duration_days(tokens: Iterable[Token]) -> int | None:
    """Length in days named inside the event's noun phrase: "a five-day visit", "a two-week
    tour", "a week-long trip"."""
    for tok in tokens:
        if tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        left = tok.doc[tok.left_edge.i : tok.i].text
        m = _DURATION_MODIFIER.search(left)
        if not m:
            continue
        if m.group("long"):
            return 7 if m.group("long").lower() == "week" else 1
        word = m.group("n").lower()
        n = NUMBER_WORDS.get(word) or int(word)
        return n * 7 if m.group("u").lower() == "week" else n
    return None


def _event_tense(trigger: Token, predicate: Token | None, status: str) -> Tense:
    if status == "planned":
        return "future"
    if status == "occurred":
        return "past"
    return _clause_tense(predicate if predicate is not None else trigger)


def event_date(
    sent: Span,
    trigger: Token,
    anchor: dt.date | None,
    status: str,
    *,
    predicate: Token | None = None,
) -> DateInfo:
    """The date of the event whose trigger is ``trigger``.

    Args:
        sent: the trigger's sentence.
        trigger: the event word ("met", "visit").
        anchor: the publication date, or None.
        status: the event's status (occurred, planned, negated, hypothetical); it gives the
            tense that weekdays and month names are resolved in.
        predicate: the verb that makes a noun trigger a report ("held" in "held talks").

    Returns:
        The attached date; else the sentence's date that no other clause owns; else the
        publication date (precision "publication"); without a publication date, precision
        "unknown" with the expression's text when there was one.
    """
    if predicate is not None and predicate.i == trigger.i:
        predicate = None
    tense = _event_tense(trigger, predicate, status)
    heads = _event_heads(trigger, predicate)
    spans = _date_spans(sent)
    attached = [s for s in spans if _attached(s, heads)]
    days = _duration_days([trigger] + ([predicate] if predicate is not None else []))
    if predicate is not None:
        days = days or _duration_days(c for c in predicate.children if c.dep_ == "dobj")

    bounds: dict[str, DateInfo] = {}
    plain: list[DateInfo] = []
    ongoing = False  # "has been visiting Peru since Monday": from then to publication
    for span in attached:
        verb = _governor(span)
        own_tense = _clause_tense(verb) if verb is not None and verb.i not in {trigger.i} else tense
        if verb is not None and predicate is not None and verb.i == predicate.i:
            own_tense = tense
        if _preposition(span) == "for":
            own_tense = "future"  # "called a strike for January 24": the day it is set for
        got = resolve_expression(_expression(span), anchor, own_tense)
        if got is None:
            continue
        role = _role(span)
        if role is not None and role not in bounds:
            bounds[role] = got
            ongoing = ongoing or (role == "start" and _preposition(span) in START_PREPS)
        else:
            plain.append(got)
    if "start" in bounds and "end" in bounds:
        return _join(bounds["start"], bounds["end"]) or bounds["start"]
    if "start" in bounds and days:
        return _stretch(bounds["start"], days, forward=True)
    if "start" in bounds and ongoing and anchor is not None and status == "occurred":
        start = bounds["start"]
        if start.start is not None and start.start < _iso(anchor):
            text = f"{start.text} - publication"
            return DateInfo(start.start, _iso(anchor), "range", text, start.anchor)
    if "end" in bounds and days and not plain:
        return _stretch(bounds["end"], days, forward=False)
    if plain:
        return _stretch(plain[0], days, forward=True) if days else plain[0]
    if "start" in bounds:
        return bounds["start"]

    done = status == "occurred" and tense == "past"
    for span in spans:
        if span in attached or _owned_elsewhere(span, trigger, done=done) or _role(span) == "end":
            continue
        got = resolve_expression(_expression(span), anchor, _clause_tense(span.root))
        if got is not None:
            return got
    if anchor is not None:
        return DateInfo(_iso(anchor), _iso(anchor), "publication", None, _iso(anchor))
    return DateInfo(None, None, "unknown", None, None)


def _join(start: DateInfo, end: DateInfo) -> DateInfo | None:
    """A range from two dated clauses; the end is re-read as the first such day after the start
    ("began on Monday and ends on Friday")."""
    if start.start is None:
        return None
    again = _range_end(_clean(end.text or ""), start) if end.text else None
    end_day = again.end if again is not None and again.end else end.end
    if end_day is None or end_day < start.start:
        return None
    return DateInfo(start.start, end_day, "range", f"{start.text} - {end.text}", start.anchor)


def _stretch(date: DateInfo, days: int, *, forward: bool) -> DateInfo:
    """A day plus a length ("a five-day visit" from Tuesday) is a range."""
    if date.precision != "day" or date.start is None or days <= 1:
        return date
    day = dt.date.fromisoformat(date.start)
    if forward:
        start, end = day, day + dt.timedelta(days=days - 1)
    else:
        start, end = day - dt.timedelta(days=days - 1), day
    return DateInfo(_iso(start), _iso(end), "range", date.text, date.anchor)
