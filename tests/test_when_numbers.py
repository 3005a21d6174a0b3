"""Issue 16, item 5: numbers that are ages, scores, counts or money never become dates.

The sentences are written for these tests. The end-to-end cases parse a sentence with the
real pipeline and ask ``event_date`` for the date of a named trigger word, so they do not
depend on which events the extraction rules find. Publication: Friday 10 May 2024.

Some sentence cases ("won 3-1", "1,200 people", "a $2,024 fine", "aged 19") pass whatever
``when_numbers`` says today, because the entity recogniser does not tag those numbers DATE;
they guard against a recogniser update that does, which the expression tests already cover.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dyad import nlp
from dyad.records import DateInfo
from dyad.when import event_date, resolve_expression
from dyad.when_numbers import number_not_date, span_not_date

FRI = dt.date(2024, 5, 10)


def date_at(sentence: str, trigger: str, status: str = "occurred") -> DateInfo:
    doc = nlp.load()(sentence)
    tok = next(t for t in doc if t.text == trigger)
    return event_date(tok.sent, tok, FRI, status)


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Abdallah, 37, was arrested by the border police.", "arrested"),
        ("The governor, 71, met the visiting envoy.", "met"),
        ("Police detained a student aged 19 near the campus.", "detained"),
        ("The protester, 19 years old, was detained outside the court.", "detained"),
        ("A 25-year-old was detained after the rally.", "detained"),
        ("Fans rioted after the home side won 3-1.", "rioted"),
        ("Troops killed 1,200 people in the valley, the monitors said.", "killed"),
        ("Soldiers killed 2000 protesters in the square, witnesses said.", "killed"),
        ("The court imposed a $2,024 fine on the editor.", "imposed"),
        ("She was 62 when the guards arrested her.", "arrested"),
    ],
)
def test_numbers_in_the_sentence_are_not_its_date(sentence: str, trigger: str) -> None:
    got = date_at(sentence, trigger)
    assert (got.start, got.precision) == (FRI.isoformat(), "publication"), got


@pytest.mark.parametrize(
    ("sentence", "trigger", "start", "precision"),
    [
        # An age beside a real date: the weekday is the date, not 1937.
        ("Abdallah, 37, was arrested on Tuesday.", "arrested", "2024-05-07", "day"),
        ("Police detained 1,200 people in March 2023.", "detained", "2023-03-01", "month"),
        ("The team won 3-1 and fans rioted on Sunday.", "rioted", "2024-05-05", "day"),
        # Years and day ranges are still dates.
        ("The opposition boycotted the 2020 elections.", "boycotted", "2020-01-01", "year"),
        ("Rebels attacked the town in 2019.", "attacked", "2019-01-01", "year"),
        ("The ministers met from June 25-29 in Geneva.", "met", "2023-06-25", "range"),
    ],
)
def test_real_dates_beside_numbers_are_kept(
    sentence: str, trigger: str, start: str, precision: str
) -> None:
    got = date_at(sentence, trigger)
    assert (got.start, got.precision) == (start, precision), got


@pytest.mark.parametrize("expr", ["37", "71", "3", "12", "3-1", "2–0", "1,200", "$2,024", "€500"])
def test_number_expressions_do_not_resolve(expr: str) -> None:
    assert resolve_expression(expr, FRI, "past") is None


@pytest.mark.parametrize(
    ("expr", "reason"),
    [("37", "number"), ("3-1", "score"), ("1,200", "count"), ("$2,024", "money")],
)
def test_reason_for_a_number(expr: str, reason: str) -> None:
    assert number_not_date(expr) == reason


@pytest.mark.parametrize("expr", ["2019", "May 3", "the 5th", "June 25-29", "2023-24", "1990s"])
def test_dates_are_not_taken_for_numbers(expr: str) -> None:
    assert number_not_date(expr) is None


def test_span_reasons_from_context() -> None:
    doc = nlp.load()("Soldiers killed 2000 protesters; the 2020 elections were held in 2020.")
    by_text = {(s.text, s.start): s for s in doc.ents if s.label_ == "DATE"}
    reasons = {text: span_not_date(s) for (text, _start), s in sorted(by_text.items())}
    assert reasons.get("2000") == "count"
    assert "2020" in reasons and reasons["2020"] is None
