"""Executions, and the unknown persons a state's organs act on (``dyad.events.persons``)."""

from __future__ import annotations


def _of(events, etype):
    return [e for e in events if e.type == etype]


def test_an_execution_by_the_state_of_one_of_its_people(code):
    events = code(
        "Protests went on across Iran this week. On Thursday Iran hanged a protester "
        "convicted of blocking a road."
    )
    [ev] = _of(events, "ASSAULT")
    assert (ev.mode, [a.code for a in ev.actors]) == ("execute", ["IRNGOV"])
    assert [r.code for r in ev.recipients] == ["IRNCVL"]


def test_an_unnamed_agent_of_an_execution_is_the_state_and_the_unknown_person_its_civilian(
    code,
):
    events = code(
        "Protests went on across Iran this week. Reza Tabrizi was hanged on Thursday "
        "morning, the judiciary said."
    )
    [ev] = _of(events, "ASSAULT")
    assert [(a.code, a.resolved_by) for a in ev.actors] == [("IRNGOV", "implied")]
    assert [(r.code, r.resolved_by) for r in ev.recipients] == [("IRNCVL", "context")]


def test_executing_a_plan_is_no_execution(code):
    assert not _of(
        code("Peru's government executed its plan to cut fuel costs on Monday."), "ASSAULT"
    )


def test_a_person_with_a_title_keeps_it(code):
    events = code(
        "Protests went on across Turkey this week. Police arrested opposition leader "
        "Kemal Aydin in Ankara on Wednesday."
    )
    [ev] = _of(events, "COERCE")
    assert "TURCVL" not in {r.code for r in ev.recipients}
