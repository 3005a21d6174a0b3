"""A meeting agreed to is the planned meeting; "the two parties" are the report's sides."""

from __future__ import annotations

from dyad.events.nested import charged_with
from dyad.nlp import parse_text


def test_a_meeting_agreed_to_is_a_planned_meeting(code):
    events = code(
        "Colombian President Gustavo Petro met ELN commander Antonio Garcia in Havana. "
        "Both sides also agreed to meet again in Venezuela in August.",
        published="2023-06-10",
    )
    planned = [e for e in events if e.type == "CONSULT" and e.status == "planned"]
    assert len(planned) == 1 and not [e for e in events if e.type == "AGREE"]
    assert sorted(a.code for a in planned[0].actors) == ["COLGOV", "COLREB"]
    assert planned[0].date.start == "2023-08-01"  # the August to come


def test_talks_agreed_to_next_month_are_planned(code):
    events = code("Biden and Xi agreed to hold talks next month.", published="2023-06-10")
    assert [(e.type, e.status) for e in events] == [("CONSULT", "planned")]


def test_a_meeting_refused_stays_negated_and_a_resumed_dialogue_is_a_promise(code):
    assert [(e.type, e.status) for e in code("Biden and Xi did not agree to meet.")] == [
        ("CONSULT", "negated")
    ]
    assert [e.type for e in code("Biden and Xi agreed to cooperate on climate.")] == ["AGREE"]


def test_the_two_parties_are_the_conflicts_sides(code):
    events = code(
        "Ethiopia's government and the TPLF signed a deal in Pretoria on Wednesday. "
        "The two parties have formally agreed to a cessation of hostilities.",
        published="2022-11-04",
    )
    [concede] = [e for e in events if e.type == "CONCEDE"]
    assert sorted(a.code for a in concede.actors) == ["ETHGOV", "ETHREB"]


def test_two_political_parties_are_no_sides(code):
    events = code(
        "The Labour Party and the Conservative Party traded barbs in parliament. "
        "Both parties agreed to a ceasefire in the debate."
    )
    assert not [e for e in events if e.type == "CONCEDE" and len(e.actors) == 2]


def test_what_someone_is_charged_with_is_no_event_of_its_own(code):
    events = code(
        "Iran executed a man who was convicted of stabbing a security official and "
        "frightening people by blocking a street.",
        published="2022-12-08",
    )
    assert [e.type for e in events] == ["ASSAULT"]
    events = code(
        "Authorities hung Mohsen Shekari after a Revolutionary Court found him guilty of "
        "enmity against God for blocking a main road in Tehran.",
        published="2022-12-08",
    )
    assert [e.type for e in events] == ["ASSAULT"]
    # What the accuser says the other did is the accusation's content, reported as the
    # accusation; protesters' own blockade is an event.
    assert [e.type for e in code("Kenyan protesters blocked roads in Nairobi.")] == ["PROTEST"]


def test_releasing_footage_or_a_statement_frees_no_one(code):
    assert not code("China's coast guard released aerial footage of the incident on Tuesday.")
    assert not code("The Philippine military released a statement on Tuesday.")
    events = code("Hamas released 24 hostages on Friday.")
    assert [(e.type, e.mode) for e in events] == [("RETREAT", "release")]


def test_in_charge_of_is_no_charge_and_a_blame_keeps_the_act(code):
    events = code("The Sudanese general in charge of the offensive attacked RSF positions.")
    assert "ASSAULT" in {e.type for e in events}
    events = code("Kenyan protesters were shot by police in Nairobi.")
    assert "ASSAULT" in {e.type for e in events}


def test_a_charge_hung_on_the_one_accused_is_still_the_charge():
    # "of" hangs on the object here, not on the verb; what follows is still the charge.
    doc = parse_text("Uganda's envoy accused the Kenyan delegation of starting the quarrel.")
    [starting] = [t for t in doc if t.lower_ == "starting"]
    assert starting.head.head.lower_ == "delegation"
    assert charged_with(starting)
    doc = parse_text("The Kenyan side of the border saw shelling.")
    assert not any(charged_with(t) for t in doc)
    # An arrest's object is who was arrested; its "of" phrase says who they are.
    doc = parse_text("Police arrested the organisers of the march in Nairobi on Friday.")
    assert not any(charged_with(t) for t in doc)
