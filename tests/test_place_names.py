"""Country and nationality words the recogniser took for people are places again."""

from __future__ import annotations

from dyad.nlp import parse_text


def _labels(text: str) -> dict[str, str]:
    return {e.text: e.label_ for e in parse_text(text).ents}


def test_a_nationality_taken_for_a_person_is_a_nationality():
    labels = _labels("Japarov and Tajik President Emomali Rahmon spoke on Friday.")
    assert labels.get("Tajik") == "NORP"
    assert labels.get("Emomali Rahmon") == "PERSON"


def test_bodies_and_namesakes_of_capitals_keep_their_label():
    assert _labels("The UN and the EU condemned the coup.").get("UN") == "ORG"
    labels = _labels("Hamilton said on Sunday that Georgetown would host the talks.")
    assert labels.get("Hamilton") != "GPE"


def test_the_second_of_two_titled_leaders_keeps_his_country(code):
    events = code(
        "On Thursday in Dushanbe, Kyrgyz President Sadyr Japarov and Tajik President "
        "Emomali Rahmon signed an accord on sharing water.",
        published="2025-03-13",
    )
    [ev] = [e for e in events if e.type == "SUPPORT"]
    assert sorted(a.code for a in ev.actors) == ["KGZGOV", "TJKGOV"]


def test_capitals_taken_for_people_or_bodies_are_places(code):
    events = code("Dushanbe blamed Bishkek on Sunday for the shelling of two villages.")
    [ev] = [e for e in events if e.type == "ACCUSE"]
    assert ([a.code for a in ev.actors], [r.code for r in ev.recipients]) == (
        ["TJKGOV"],
        ["KGZGOV"],
    )
