"""Joint acts told with no side are the report's two sides' (``dyad.events.joint``)."""

from __future__ import annotations

import pytest

TALKS = "Colombia's government and the ELN rebels held talks in Havana on Friday. "


def _of(events, etype):
    return [e for e in events if e.type == etype]


def test_a_pact_signed_with_no_side_is_the_two_sides_act(code):
    [ev] = _of(code(TALKS + "A deal was signed late in the evening."), "SUPPORT")
    assert sorted(a.code for a in ev.actors) == ["COLGOV", "COLREB"]
    assert ev.recipients == []


def test_a_ceasefire_agreed_with_no_side_is_the_two_sides_concession(code):
    text = "Thailand and Cambodia traded fire along the border on Monday. "
    [ev] = _of(code(text + "A ceasefire was agreed late on Tuesday."), "CONCEDE")
    assert sorted(a.code for a in ev.actors) == ["KHMGOV", "THAGOV"]


def test_a_meeting_to_come_with_no_side_is_the_two_sides_meeting(code):
    text = "Armenia and Azerbaijan held talks in Geneva on Friday. "
    events = _of(code(text + "Their envoys will meet again in Vienna next month."), "CONSULT")
    planned = [e for e in events if e.status == "planned"]
    assert [sorted(a.code for a in e.actors) for e in planned] == [["ARMGOV", "AZEGOV"]]


def _given_sides(events, text):
    """Events after the first sentence whose two actors no word of theirs names."""
    return [
        e
        for e in events
        if e.mentions[0].start > text.index(".")
        and len(e.actors) == 2
        and all(a.resolved_by == "implied" for a in e.actors)
    ]


@pytest.mark.parametrize(
    "text",
    [
        TALKS + "Petro spoke to reporters after the talks.",  # the talks told before
        TALKS + "The deal was hailed as a step forward.",  # praise of a pact is no joint act
        TALKS + "A deal was not signed.",  # denied
        TALKS + "It was meeting number three this year.",  # the talks told, described
        "Kenya and Uganda held talks on Monday. Regular visits between leaders are rare.",
        "Armenia and Azerbaijan held talks in Geneva on Friday. A gunfight broke out overnight.",
        # A pact that stands or was made before is no new act; who met is said; other news.
        "Israel and Hamas accused each other of breaking the truce. A ceasefire was violated "
        "overnight in Rafah, witnesses said.",
        "Thailand and Cambodia traded fire on Monday. A ceasefire agreed in July has largely "
        "held, officials said.",
        "Israel and Hamas held talks in Cairo on Monday. A cabinet meeting was held on Tuesday.",
        "Israel and Hamas held talks in Cairo on Monday. This was agreed on Tuesday.",
        "Israel and Hamas held talks in Cairo on Monday. The truce, which was agreed in July, "
        "has largely held.",
        "Armenia and Azerbaijan clashed on Friday. Shareholders of the state railway will meet.",
        "Russian missiles hit Ukraine overnight. Russia said it hit military sites. Separately, "
        "a deal was signed in Brussels on Friday to build a gas pipeline.",
    ],
)
def test_acts_told_before_praised_denied_of_a_kind_or_not_joint_get_no_sides(code, text):
    assert _given_sides(code(text), text) == []


def test_a_mediator_is_not_a_side(code):
    text = (
        "Egyptian and Qatari mediators said on Monday that Israel and Hamas were close to a "
        "deal. A ceasefire was agreed late on Tuesday, officials said."
    )
    [ev] = _of(code(text), "CONCEDE")
    assert sorted(a.code for a in ev.actors) == ["ISRGOV", "PSEREB"]


def test_talks_told_before_that_resume_are_a_new_session_of_the_two_sides(code):
    text = (
        "Armenia and Azerbaijan held talks in Washington on Monday. The talks will resume "
        "on Tuesday, officials said."
    )
    planned = [e for e in _of(code(text), "CONSULT") if e.status == "planned"]
    assert [sorted(a.code for a in e.actors) for e in planned] == [["ARMGOV", "AZEGOV"]]
