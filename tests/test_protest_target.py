"""A protest with no target told is against the protesters' own state
(``dyad.events.protest_target``)."""

from __future__ import annotations


def _protests(events):
    return [e for e in events if e.type == "PROTEST"]


def test_a_protest_at_home_is_against_its_government_in_a_report_naming_two_states(code):
    # Mexico is named, so the one-country domestic reading does not hold; the protest
    # in Lima is still against Peru's government.
    events = code(
        "LIMA, Peru — Peru expelled Mexico's ambassador on Tuesday. Thousands of Peruvian "
        "protesters marched again on Wednesday."
    )
    [ev] = _protests(events)
    assert [a.code for a in ev.actors] == ["PERCVL"]
    assert [(r.code, r.resolved_by) for r in ev.recipients] == [("PERGOV", "implied")]


def test_a_protest_abroad_gets_no_implied_target(code):
    events = code(
        "PARIS — Iranian exiles marched in Paris on Sunday, a week after Iran hanged a "
        "young protester."
    )
    for ev in _protests(events):
        assert "IRNGOV" not in {r.code for r in ev.recipients}


def test_a_named_target_is_kept(code):
    events = code(
        "Pakistani students protested against France in Karachi on Friday, the police said."
    )
    [ev] = _protests(events)
    assert [r.country for r in ev.recipients] == ["FRA"]
