"""Arrests with no named agent are the police's (``dyad.events.agents``)."""

from __future__ import annotations


def _arrests(events):
    return [e for e in events if e.type == "COERCE" and e.mode == "arrest"]


def test_an_unnamed_arrest_agent_is_the_states_police(code):
    [ev] = _arrests(code("A Chilean opposition leader was arrested on Monday."))
    assert [(a.code, a.resolved_by) for a in ev.actors] == [("CHLCOP", "implied")]


def test_a_named_arrest_agent_is_kept(code):
    [ev] = _arrests(code("Chilean soldiers detained a Bolivian journalist on Monday."))
    assert [a.code for a in ev.actors] == ["CHLMIL"]


def test_an_arrest_abroad_is_the_host_states_police(code):
    events = code(
        "Chile and Bolivia signed a treaty on Monday. "
        "A Bolivian opposition leader was arrested in Santiago on Tuesday."
    )
    [ev] = _arrests(events)
    assert [a.code for a in ev.actors] == ["CHLCOP"]
