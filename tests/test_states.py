"""A country named as a participant is coded as its government (``dyad.events.states``)."""

from __future__ import annotations


def test_a_country_expelling_a_diplomat_is_its_government(code):
    events = code("Chile expelled the Bolivian ambassador on Monday.")
    [ev] = [e for e in events if e.type == "SANCTION"]
    assert [a.code for a in ev.actors] == ["CHLGOV"]


def test_a_country_attacked_keeps_no_sector(code):
    events = code("Chile attacked Bolivia on Monday.")
    [ev] = [e for e in events if e.type == "ASSAULT"]
    assert [r.code for r in ev.recipients] == ["BOL"]


def test_a_government_acting_at_home_is_not_its_own_target(code):
    events = code(
        "The Chilean government banned public gatherings in Santiago on Monday. "
        "The Chilean interior minister defended the ban on Tuesday."
    )
    for ev in events:
        assert not {a.code for a in ev.actors} & {r.code for r in ev.recipients}


def test_a_country_named_again_by_a_pronoun_is_still_its_government(code):
    events = code(
        "Ecuador and Uruguay ended a long trade dispute on Monday. "
        "Their foreign ministers said the two countries would sign a customs accord in May."
    )
    [ev] = [e for e in events if e.type in {"AGREE", "SUPPORT", "COOPERATE"}]
    assert sorted(a.code for a in ev.actors) == ["ECUGOV", "URYGOV"]


def test_an_attack_on_a_town_is_on_its_people(code):
    events = code("Russian forces shelled Kharkiv on Tuesday, Ukrainian officials said.")
    [ev] = [e for e in events if e.type == "ASSAULT"]
    assert [(r.country, r.sector) for r in ev.recipients] == [("UKR", "CVL")]


def test_an_attack_on_a_country_named_as_such_keeps_no_sector(code):
    events = code("Russia launched a wave of missile strikes on Ukraine on Tuesday.")
    [ev] = [e for e in events if e.type == "ASSAULT"]
    assert [(r.country, r.sector) for r in ev.recipients] == [("UKR", None)]
