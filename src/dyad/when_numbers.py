"""Numbers that are not dates: ages, scores, counts and money (used by ``dyad.when``).

The entity recogniser tags many bare numbers DATE ("Abdallah, 37, was arrested", "killed 2000
protesters"), and dateparser reads a bare number as a year or a month ("37" -> 1937, "3" ->
March), so without these checks an age or a count becomes the event's date. Two layers:

- ``number_not_date(expr)``: the expression alone says it is no date: money, a number with
  a thousands separator, a score ("3-1"), or a bare number of one to three digits (news
  never writes a year or a day that way; a day comes with its month or an ordinal suffix).
- ``span_not_date(span)``: the words around a DATE entity say so: an age ("aged 19", "19
  years old", "a 25-year-old"), money ("$2,024"), or a year-like number counting a plural
  noun ("killed 2000 protesters", not "the 2020 elections").
"""

from __future__ import annotations

import re
from typing import Literal

from spacy.tokens import Span

Reason = Literal["age", "score", "count", "money", "number"]

_CURRENCY = re.compile(
    r"[$€£¥₹]|\b(?:dollars?|euros?|pounds?|yen|yuan|rupees?|pesos?|rubles?|roubles?|"
    r"francs?|shillings?|naira|rand|usd|eur|gbp)\b",
    re.I,
)
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_SCORE = re.compile(r"^\d{1,2}\s*[-–—:]\s*\d{1,2}$")
_SHORT = re.compile(r"^\d{1,3}$")
_AGE_WORDS = {"aged", "age", "ages"}
# Plural nouns a year names rather than counts: "the 2020 elections", "the 2014 Games".
_OCCASIONS = {
    "election",
    "poll",
    "game",
    "olympics",
    "census",
    "protest",
    "riot",
    "talk",
    "summit",
    "negotiation",
    "accord",
    "agreement",
    "sanction",
    "attack",
    "bombing",
    "war",
    "hostility",
    "clash",
    "event",
    "budget",
    "earning",
    "result",
    "final",
    "primary",
    "midterm",
}


def number_not_date(expr: str) -> Reason | None:
    """Why the expression ``expr`` (a DATE entity's text) is a number and not a date."""
    text = " ".join(expr.split()).strip(" ,.;:")
    if _CURRENCY.search(text):
        return "money"
    if _THOUSANDS.match(text):
        return "count"
    if _SCORE.match(text):
        return "score"
    if _SHORT.match(text):
        return "number"  # an age ("Abdallah, 37,") or a count, whichever: not a date
    return None


def span_not_date(span: Span) -> Reason | None:
    """Why the DATE entity ``span`` is, in its sentence, an age, money or a count."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    low = span.text.lower()
    if before is not None and before.lower_ in _AGE_WORDS:
        return "age"
    if re.search(r"\byears?[- ]old\b", low) or (
        after is not None and after.lower_ in {"years", "year"} and _next_is(span, "old")
    ):
        return "age"
    if before is not None and (_CURRENCY.search(before.text) or before.ent_type_ == "MONEY"):
        return "money"
    if after is not None and _CURRENCY.fullmatch(after.text):
        return "money"
    if len(span) == 1 and span[0].like_num:
        tok = span[0]
        head = tok.head
        counted = (
            tok.dep_ == "nummod"
            and head.tag_ == "NNS"
            and head.lemma_.lower() not in _OCCASIONS
            and not any(c.dep_ in {"det", "poss"} for c in head.children if c.i < tok.i)
        )
        if counted:
            return "count"
    return number_not_date(span.text)


def _next_is(span: Span, word: str) -> bool:
    i = span.end + 1
    return i < len(span.doc) and span.doc[i].lower_ == word
