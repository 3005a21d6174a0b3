"""Groups placed by where they are from (``dyad.actors.located``) and armed forces named by
their nationality."""

from __future__ import annotations

import pytest


def _codes(refs) -> list[str]:
    return sorted(r.code for r in refs)


def test_a_plural_group_from_two_places_is_both_states(code):
    [event] = [
        e
        for e in code("Envoys from Cairo and Doha sat down together in Geneva on Tuesday.")
        if e.type == "CONSULT"
    ]
    assert _codes(event.actors) == ["EGYGOV", "QATGOV"]


def test_one_person_from_two_places_is_the_first(code):
    [event] = [
        e
        for e in code("An envoy from Cairo and Doha sat down with rebels in Geneva on Tuesday.")
        if e.type == "CONSULT"
    ]
    assert [r.country for r in event.actors] == ["EGY"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Uzbekistan accused Afghan forces of firing across the border.", "Afghan forces"),
        ("Lebanon condemned Israeli forces after the incursion.", "Israeli forces"),
        ("The ministry said Turkish forces had shelled two villages.", "Turkish forces"),
    ],
)
def test_forces_named_by_a_nationality_are_its_military(code, text, words):
    refs = [r for e in code(text) for r in (*e.actors, *e.recipients) if words in r.text]
    assert refs and all(r.sector == "MIL" for r in refs), refs
