"""Aid told from the receiving end (``dyad.events.receipts``)."""

from __future__ import annotations

import pytest

from tests.conftest import sides_of as _sides


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Indonesia received tsunami aid from the United States.", ("USAGOV", "IDNGOV")),
        ("Ukraine received new weapons from Germany on Monday.", ("DEUGOV", "UKRGOV")),
    ],
)
def test_the_giver_is_the_from_party(code, text, sides):
    assert _sides(code(text, "2023-08-01"), "AID") == [sides]


def test_receiving_a_visitor_is_still_hosting(code):
    events = code("Xi Jinping received Lula in Beijing.", "2023-04-14")
    assert _sides(events, "CONSULT") == [("BRAGOV", "CHNGOV")]
