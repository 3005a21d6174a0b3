"""A person's country told by the region they represent (``dyad.actors.regions``)."""

from __future__ import annotations

import pytest


def _actor(events, etype):  # type: ignore[no-untyped-def]
    [ev] = [e for e in events if e.type == etype]
    return [a.code for a in ev.actors]


@pytest.mark.parametrize(
    "text",
    [
        "Sen. Rand Paul, a Kentucky Republican, blocked the bill on Tuesday.",
        "Republican Sen. Josh Hawley of Missouri blocked the bill on Tuesday.",
    ],
)
def test_a_legislator_is_of_the_state_they_sit_for(code, text):
    assert _actor(code(text, "2023-03-31"), "REJECT") == ["USALEG"]


def test_a_city_named_like_a_surname_gives_no_country(code):
    # Only regions count: "Paul" and "Buck" are cities somewhere too.
    events = code("Paul Buck criticized the plan on Tuesday.", "2023-03-31")
    assert all(not a.country for e in events for a in e.actors)
