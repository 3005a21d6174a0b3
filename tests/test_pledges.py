"""Aid announced for later is the promise of it; aid given or said not to come stays AID."""

from __future__ import annotations


def test_aid_announced_for_later_is_a_pledge(code):
    text = "Kenya will send 50 tonnes of food aid to Somalia next week, the government said."
    [ev] = code(text, published="2024-06-27")
    assert (ev.type, ev.status, ev.cameo) == ("AGREE", "occurred", "033")
    assert [r.code for r in ev.recipients] == ["SOMGOV"]


def test_aid_given_or_ruled_out_stays_aid(code):
    [ev] = code("Kenya sent 50 tonnes of food aid to Somalia on Monday.", published="2024-06-27")
    assert (ev.type, ev.status) == ("AID", "occurred")
    [ev] = code("Kenya has no plans to send troops to Somalia.", published="2024-06-27")
    assert (ev.type, ev.status) == ("AID", "negated")
