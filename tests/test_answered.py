"""Requests and offers named only as what a response answers (``dyad.events.answered``)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "response"),
    [
        (
            "Turkey on Monday rejected a Greek request to extradite eight soldiers who fled "
            "across the border after the failed coup, a foreign ministry official said.",
            "REJECT",
        ),
        (
            "Lebanon's prime minister refused to respond to a demand from Washington that the "
            "group be disarmed, his office said on Friday.",
            "REJECT",
        ),
        (
            "Kenya accepted an offer from the United States to train its police officers "
            "before the deployment, the interior minister said.",
            "CONCEDE",
        ),
    ],
)
def test_the_answered_request_is_no_event_of_its_own(code, text, response):
    events = code(text, published="2024-05-06")
    assert [e.type for e in events] == [response]


def test_a_request_told_as_made_is_still_one(code):
    events = code(
        "Greece asked Turkey on Monday to extradite eight soldiers who fled across the "
        "border. The request was repeated by the justice minister on Tuesday.",
        published="2024-05-08",
    )
    assert "REQUEST" in {e.type for e in events}
