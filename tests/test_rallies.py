"""A crowd out for its government, or celebrating, is no protest (``dyad.events.rallies``)."""

from __future__ import annotations

import pytest


def _protests(events):
    return [e for e in events if e.type == "PROTEST"]


@pytest.mark.parametrize(
    "text",
    [
        "Supporters of President Luis Arce flooded into the plaza outside the palace on "
        "Wednesday, waving flags.",
        "The crowds that poured into the streets of Libreville on Wednesday celebrated the "
        "news of the coup.",
    ],
)
def test_backers_of_the_government_and_celebrations_are_no_protest(code, text):
    assert _protests(code(text, published="2024-06-27")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Supporters of Imran Khan rallied in Lahore on Sunday against his arrest.",
        "Bolsonaro supporters rioted in Brasilia on Sunday.",
        "Thousands of protesters poured into the streets of Lima on Monday.",
    ],
)
def test_supporters_of_someone_out_of_power_still_protest(code, text):
    assert len(_protests(code(text, published="2024-06-27"))) == 1
