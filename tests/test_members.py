"""A group named by its members ("partners including the United States and France") acts
as those members."""

from __future__ import annotations


def _codes(refs):
    return sorted(r.code for r in refs)


def test_the_members_of_a_group_are_its_actors(code):
    [e] = code("Western countries, including the United States and France, condemned the coup.")
    assert _codes(e.actors) == ["FRAGOV", "USAGOV"]


def test_the_members_after_a_passive_agent_too(code):
    [e] = code(
        "The coup in Niger has been condemned by partners including the United States, "
        "the United Nations and France."
    )
    assert _codes(e.actors) == ["FRAGOV", "IGOIGO", "USAGOV"]


def test_such_as_names_members_and_a_group_without_any_stays_unknown(code):
    [e] = code("Several countries, such as Germany and Japan, sent aid to Turkey.")
    assert _codes(e.actors) == ["DEUGOV", "JPNGOV"]
    assert all(not e.actors for e in code("Several countries sent aid to Turkey."))


def test_a_group_of_officers_is_what_the_officers_are(code):
    [e] = code("A group of Gabon military officers placed President Bongo under house arrest.")
    assert _codes(e.actors) == ["GABMIL"]
    [e] = code("Members of the Sudanese army attacked the village.")
    assert _codes(e.actors) == ["SDNMIL"]
