from __future__ import annotations

import datetime as dt

import pytest

from dyad.when import resolve_expression, weekday_date

THU = dt.date(2024, 6, 27)  # a Thursday


@pytest.mark.parametrize(
    ("expr", "tense", "start", "end", "precision"),
    [
        ("Thursday", "past", "2024-06-27", "2024-06-27", "day"),  # same weekday = anchor
        ("on Tuesday", "past", "2024-06-25", "2024-06-25", "day"),
        ("Friday", "past", "2024-06-21", "2024-06-21", "day"),
        ("Friday", "future", "2024-06-28", "2024-06-28", "day"),
        ("Saturday", "future", "2024-06-29", "2024-06-29", "day"),
        ("Thursday", "future", "2024-07-04", "2024-07-04", "day"),
        ("yesterday", "past", "2024-06-26", "2024-06-26", "day"),
        ("two days ago", "past", "2024-06-25", "2024-06-25", "day"),
        ("last week", "past", "2024-06-17", "2024-06-23", "week"),
        ("next month", "future", "2024-07-01", "2024-07-31", "month"),
        ("earlier this year", "past", "2024-01-01", "2024-12-31", "year"),
        ("June 25", "past", "2024-06-25", "2024-06-25", "day"),
        ("from June 25 to 29", "past", "2024-06-25", "2024-06-29", "range"),
        ("June 25-29", "past", "2024-06-25", "2024-06-29", "range"),
        ("between Monday and Wednesday", "future", "2024-07-01", "2024-07-03", "range"),
        ("March 2023", "past", "2023-03-01", "2023-03-31", "month"),
        ("2019", "past", "2019-01-01", "2019-12-31", "year"),
        ("December 30", "past", "2023-12-30", "2023-12-30", "day"),
        ("Tuesday morning", "past", "2024-06-25", "2024-06-25", "day"),
    ],
)
def test_when_resolves_expressions_against_publication(expr, tense, start, end, precision):
    got = resolve_expression(expr, THU, tense)
    assert got is not None
    assert (got.start, got.end, got.precision) == (start, end, precision)
    assert got.anchor == "2024-06-27"


@pytest.mark.parametrize(
    "expr", ["eight years", "nearly a decade", "a five-day visit", "two weeks"]
)
def test_when_durations_are_not_dates(expr):
    assert resolve_expression(expr, THU, "past") is None


def test_when_without_anchor_never_invents_a_date():
    got = resolve_expression("Thursday", None, "past")
    assert got is not None and got.start is None and got.precision == "unknown"
    assert got.text == "Thursday"
    absolute = resolve_expression("June 2, 2021", None, "past")
    assert absolute is not None and absolute.start == "2021-06-02"


def test_when_weekday_rule_for_every_weekday():
    for offset in range(7):
        past = weekday_date(
            ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][offset],
            THU,
            "past",
        )
        future = weekday_date(past.strftime("%A"), THU, "future")
        assert 0 <= (THU - past).days <= 6
        assert 1 <= (future - THU).days <= 7


def test_a_day_an_act_is_called_for_is_the_next_such_day(code):
    events = code(
        "Argentina's unions are angry. Argentine workers called a general strike for January "
        "24 against the reforms.",
        published="2023-12-28",
    )
    [strike] = [e for e in events if e.type == "PROTEST"]
    assert strike.date.start == "2024-01-24"
