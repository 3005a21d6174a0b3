"""Who does what a gerund after "by", "after" or "without" says (``events.clauses``), and
towns attacked with war reports' other verbs (``where.LOCATION_OBJECT_VERBS``)."""

from __future__ import annotations

import pytest

from tests.conftest import sides_of as _sides


@pytest.mark.parametrize(
    ("text", "etype", "sides"),
    [
        ("Britain reacted by suspending military aid to Fiji.", "SANCTION", ("GBRGOV", "FJIGOV")),
        ("Russia responded by expelling two British diplomats.", "SANCTION", ("RUSGOV", "GBRGOV")),
    ],
)
def test_the_gerund_after_by_is_the_subjects_act(code, text, etype, sides):
    assert _sides(code(text), etype) == [sides]


def test_the_gerund_after_of_is_still_the_objects_act(code):
    events = code("Ukraine accused Russia of shelling Kharkiv.")
    assert _sides(events, "ACCUSE") == [("UKRGOV", "RUSGOV")]


def test_a_town_hit_abroad_is_its_people(code):
    assert _sides(code("Russian missiles hit Kharkiv overnight."), "ASSAULT") == [
        ("RUSMIL", "UKRCVL")
    ]
