"""Who "both sides" and "the two parties" are (``dyad.actors.sides``)."""

from __future__ import annotations


def _actors(events, etype):
    [ev] = [e for e in events if e.type == etype]
    return [a.code for a in ev.actors]


def test_both_sides_of_one_country_are_told_apart_by_sector(code):
    events = code(
        "Colombia's government and the ELN guerrilla group met in Havana, with Cuba and "
        "Norway as guarantors. The ELN commander and the government's negotiator spoke for an "
        "hour. Both sides agreed to a six-month ceasefire on Friday.",
        published="2023-06-10",
    )
    # Cuba, named twice (once as its capital, where they met), is no side.
    assert _actors(events, "CONCEDE") == ["COLGOV", "COLREB"]


def test_delegates_from_both_sides_are_the_sides(code):
    events = code(
        "Ethiopia's government and the Tigray People's Liberation Front began peace talks in "
        "Pretoria on Tuesday, mediated by the African Union. The TPLF said it wanted a lasting "
        "peace, and the Ethiopian government said it was ready. On Wednesday delegates from "
        "both sides signed an agreement to end the war.",
        published="2022-11-03",
    )
    assert _actors(events, "SUPPORT") == ["ETHGOV", "ETHREB"]


def test_political_parties_are_not_the_sides_of_a_dispute(code):
    events = code(
        "Democrats and Republicans in the US Senate traded blame on Monday. The White House "
        "urged lawmakers to act. The two parties agreed on a budget deal late on Tuesday.",
        published="2024-03-20",
    )
    assert not [e for e in events if e.type == "AGREE" and "USAGOV" in _actors(events, "AGREE")]


def test_a_target_fired_at_is_a_side(code):
    events = code(
        "Hamas fired rockets at Israel on Monday. Hamas fired more rockets at Israel on "
        "Tuesday. Both sides agreed to a truce on Wednesday.",
        published="2023-05-15",
    )
    [truce] = [e for e in events if e.type == "CONCEDE"]
    assert {a.country for a in truce.actors} == {"ISR", "PSE"}


def test_the_countries_are_the_two_sides_only_when_two_lead(code):
    events = code(
        "Japanese Prime Minister Fumio Kishida hosted South Korean President Yoon Suk Yeol in "
        "Tokyo on Thursday. Yoon is the first South Korean leader to visit Japan in 12 years. "
        "Kishida said the countries had agreed to resume defence talks.",
        published="2023-03-17",
    )
    assert sorted(_actors(events, "AGREE")) == ["JPNGOV", "KORGOV"]
    events = code(
        "Leaders of the Group of Seven met in Hiroshima on Saturday. Japan, the United States, "
        "Germany, France, Italy, Britain and Canada discussed Ukraine. The countries agreed to "
        "tighten sanctions on Russia.",
        published="2023-05-20",
    )
    assert len(_actors(events, "AGREE")) != 2  # seven states: no two of them are "the countries"


def test_a_states_army_and_officials_are_one_side_against_the_other_state(code):
    events = code(
        "Kyrgyzstan's border guards said Tajikistan's border guards fired on them. "
        "Kyrgyzstan's border guards returned fire. "
        "Kyrgyzstan's government accused Tajikistan of starting the shooting, and "
        "Kyrgyzstan's government summoned an envoy. "
        "Both sides agreed to a ceasefire on Friday.",
        published="2022-09-16",
    )
    [concede] = [e for e in events if e.type == "CONCEDE"]
    assert {a.country for a in concede.actors} == {"KGZ", "TJK"}


def test_the_neighbours_are_the_two_states(code):
    events = code(
        "Tajikistan and Kyrgyzstan exchanged fire on their border on Wednesday. "
        "The neighbours agreed on Thursday to pull back their troops.",
        published="2022-01-28",
    )
    assert sorted(_actors(events, "AGREE")) == ["KGZGOV", "TJKGOV"]
