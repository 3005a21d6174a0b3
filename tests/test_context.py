"""Bare role nouns coded from the document's context (``dyad.actors.context``)."""

from __future__ import annotations

import pytest

from dyad.actors.context import headline_country, report_country
from dyad.records import ActorRef


def _ref(iso: str) -> ActorRef:
    return ActorRef(iso, iso, None, iso, None, None, iso, "state", 0.9)


def test_report_country_is_the_dateline_country_first():
    assert report_country({1: [_ref("FRA")], 2: [_ref("FRA")]}, "ARG") == "ARG"


def test_report_country_needs_a_clear_lead():
    assert report_country({1: [_ref("FRA")], 2: [_ref("FRA")], 3: [_ref("DEU")]}) == "FRA"
    assert report_country({1: [_ref("FRA")], 2: [_ref("DEU")]}) is None


def test_report_country_leaves_out_the_nouns_own_sentence():
    assert report_country({5: [_ref("KEN")]}, outside=range(0, 10)) is None


def test_bare_police_and_protesters_are_the_reports_country(code):
    events = code(
        "The Chilean government announced a new pension law on Monday. "
        "Police fired tear gas at protesters in the capital on Tuesday."
    )
    [ev] = [e for e in events if e.type == "ASSAULT"]
    assert [(a.code, a.resolved_by) for a in ev.actors] == [("CHLCOP", "context")]
    assert ("CHLCVL", "context") in [(r.code, r.resolved_by) for r in ev.recipients]


def test_bare_troops_stay_uncoded_when_no_country_leads(code):
    events = code(
        "France and Germany signed a trade accord on Monday. "
        "Troops were deployed to the border on Tuesday."
    )
    assert not [a for e in events for a in e.actors if a.resolved_by == "context"]


def test_a_dateline_gives_way_to_the_country_the_report_names_far_more():
    many = {i: [_ref("PAK")] for i in range(4)}
    assert report_country({**many, 9: [_ref("IND")]}, "IND") == "PAK"
    assert report_country({1: [_ref("PAK")], 2: [_ref("PAK")], 9: [_ref("IND")]}, "IND") == "IND"


def test_a_report_filed_abroad_is_coded_and_placed_by_its_subject(code):
    events = code(
        "NEW DELHI — Pakistan's military on Monday launched a new operation against "
        "militants. Pakistan's army said the operation would continue. Pakistan's government "
        "backed it, and Pakistan's parliament met on the plan. The army chief condemned the "
        "militants on Tuesday.",
        published="2024-09-02",
    )
    [ev] = [e for e in events if e.type == "ACCUSE"]
    assert [a.code for a in ev.actors] == ["PAKMIL"]
    assert ev.place is None or ev.place.country == "PAK"  # not the correspondent's city


def test_a_shared_surname_is_the_one_who_serves_the_reports_country(code):
    # Kamala Harris and Simon Harris both held office in April 2024.
    text = (
        "DUBLIN — The Irish government said on Sunday that Irish ministers would meet. "
        "Irish police said the border was calm.\n\n"
        "Harris urged the cabinet to bring forward proposals next week."
    )
    [ev] = [e for e in code(text, published="2024-04-28") if e.type == "REQUEST"]
    assert [(a.actor_id, a.code, a.resolved_by) for a in ev.actors] == [
        ("simon-harris", "IRLGOV", "context")
    ]
    us = "Harris urged the cabinet to bring forward proposals next week."
    [ev] = [e for e in code(us, published="2024-04-28") if e.type == "REQUEST"]
    assert [a.actor_id for a in ev.actors] == [None]  # no report country: left open


def test_taoiseach_is_a_title(code):
    [ev] = code("Taoiseach Simon Harris met Joe Biden in Washington.", published="2024-04-28")
    assert [(a.actor_id, a.code) for a in ev.actors] == [("simon-harris", "IRLGOV")]


@pytest.mark.parametrize(
    ("title", "iso"),
    [
        ("Chile's senate shelves media law as crowds gather", "CHL"),
        ("South Korea's leader ends emergency rule", "KOR"),
        ("Côte d'Ivoire names new cabinet", "CIV"),
        ("Why the US will tell us nothing", "USA"),  # "us" is no country
        ("Egypt and Qatar trade envoys", None),  # two countries: no one story country
        ("Protests erupt after mayor's detention", None),
        (None, None),
    ],
)
def test_the_country_a_headline_names(title, iso):
    assert headline_country(title) == iso


def test_a_headline_settles_a_report_that_names_another_country_in_passing(coder):
    from dyad.ingest import make_document

    text = (
        "The ruling coalition said on Thursday it would shelve the media law. The law was "
        "modelled on one in Hungary. Critics said Hungary used such laws against the press. "
        "Chilean police had detained 60 people. Thousands of students gathered outside the "
        "senate."
    )
    title = "Chile shelves media law after student protests"
    doc = make_document(text, origin="test", title=title, published="2023-03-09")
    [(_, events)] = list(coder.code([doc]))
    [protest] = [e for e in events if e.type == "PROTEST"]
    assert [a.country for a in protest.actors] == ["CHL"]


def test_the_islamic_republic_is_the_reports_state_not_a_religious_body(code):
    events = code(
        "TEHRAN — Iran hanged a protester on Thursday. The Islamic republic has arrested "
        "thousands of people since September."
    )
    [ev] = [e for e in events if e.type == "COERCE"]
    assert [(a.code, a.resolved_by) for a in ev.actors] == [("IRNGOV", "context")]


def test_a_bare_gang_is_the_reports_countrys(code):
    events = code("NAIROBI, Kenya — On Monday, gangs attacked a police station.")
    [ev] = [e for e in events if e.type == "ASSAULT"]
    assert [(a.code, a.resolved_by) for a in ev.actors] == [("KENCRM", "context")]
