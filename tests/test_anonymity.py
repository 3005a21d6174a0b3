"""A source's request not to be named is no event (``dyad.events.anonymity``)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "A Syrian activist asked that his name not be used for fear of reprisals.",
        "A Syrian diplomat requested anonymity.",
        "The Syrian official asked that he not be identified.",
    ],
)
def test_a_request_for_anonymity_is_no_request(code, text):
    assert [e for e in code(text) if e.type == "REQUEST"] == []


def test_a_request_that_others_be_named_is_still_a_request(code):
    text = "The Syrian minister asked the court to release the prisoners."
    assert [e.type for e in code(text)] == ["REQUEST"]
