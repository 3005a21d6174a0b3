"""PLOVER's domestic readings: implied own-state targets and compatriot office holders."""

from __future__ import annotations


def _one(events, etype):
    found = [e for e in events if e.type == etype]
    assert len(found) == 1, [(e.type, e.mentions[0].text) for e in events]
    return found[0]


def test_domestic_act_with_no_target_is_aimed_at_own_state(code):
    ev = _one(code("Egyptian demonstrators rioted on Sunday."), "PROTEST")
    [target] = ev.recipients
    assert (target.country, target.resolved_by, target.text) == ("EGY", "implied", "")


def test_no_target_is_implied_where_the_report_names_another_state(code):
    text = (
        "Chinese Premier Li Qiang met Peruvian President Dina Boluarte in Beijing on Friday. "
        "Li proposed new initiatives to expand trade volumes."
    )
    ev = _one(code(text, "2024-06-28"), "AGREE")
    assert not any(r.resolved_by == "implied" for r in ev.recipients)


def test_withdrawals_are_not_aimed_at_own_state(code):
    events = code("Burmese troops withdrew from the town on Sunday.")
    assert events and all(r.resolved_by != "implied" for e in events for r in e.recipients)


def test_office_holder_without_nationality_is_the_reports_own(code):
    ev = _one(
        code("An Argentine judge has charged former president Carlos Menem with fraud.", None),
        "ACCUSE",
    )
    [menem] = ev.recipients
    assert (menem.country, menem.resolved_by) == ("ARG", "context")
    assert menem.code == "ARGELI"


def test_office_holder_is_not_made_a_compatriot_of_a_foreign_actor(code):
    text = (
        "An Argentine judge has charged former president Carlos Menem with fraud. "
        "The Chilean foreign minister met Argentine officials on Monday."
    )
    events = code(text, None)
    menems = [r for e in events for r in e.recipients if "Menem" in r.text]
    assert menems and all(r.country is None for r in menems)


def test_known_office_holder_blocks_the_compatriot_reading(code):
    # China's president on that day is known, so an unknown "President" is someone else.
    ev = _one(
        code("Chinese police detained President Zhang Wei on Monday.", "2024-06-27"), "COERCE"
    )
    assert all(r.country is None for r in ev.recipients if "Zhang" in r.text)


def test_a_person_read_as_compatriot_replaces_the_place_standing_for_the_target(code):
    ev = _one(
        code("Opposition groups in Kenya demanded that President Omondi step down.", None),
        "REQUEST",
    )
    assert [(r.text, r.country, r.resolved_by) for r in ev.recipients] == [
        ("President Omondi", "KEN", "context")
    ]


def test_a_state_acting_as_a_whole_gets_no_implied_target(code):
    ev = _one(code("The United States imposed sanctions on Monday, the Treasury said."), "SANCTION")
    assert ev.recipients == []


def test_a_dateline_abroad_makes_the_report_international(code):
    ev = _one(
        code("TOKYO (Reuters) - China's foreign ministry on Monday demanded an apology."),
        "REQUEST",
    )
    assert ev.recipients == []
