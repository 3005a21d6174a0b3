"""Plural common nouns that open a sentence keep their noun lemma (``dyad.opening_plurals``)."""

from __future__ import annotations

from dyad.nlp import parse_text


def test_a_capitalised_plural_after_a_dateline_gets_its_noun_lemma() -> None:
    doc = parse_text("KHARTOUM, Sudan — Warplanes bombed a market in Khartoum on Monday.")
    [tok] = [t for t in doc if t.text == "Warplanes"]
    assert tok.lemma_ == "warplane"


def test_names_and_words_inside_entities_keep_theirs() -> None:
    doc = parse_text("MANILA — The Philippines protested on Monday. Democrats said so.")
    assert {t.lemma_ for t in doc if t.text in {"Philippines", "Democrats"}} <= {
        "Philippines",
        "Democrats",
    }


def test_an_opening_role_noun_is_coded_from_the_reports_country(code) -> None:
    events = code("PARIS — Rioters attacked police stations across France overnight.")
    [ev] = [e for e in events if e.type == "ASSAULT"]
    assert [a.code for a in ev.actors] == ["FRACVL"]


def test_an_attack_by_war_machines_stands_against_the_detectors_doubt(code) -> None:
    # The detector gives "bombed" under a 3% chance of an event here; warplanes that bomb
    # are an attack whatever it reads.
    events = code("KHARTOUM, Sudan — Warplanes bombed a market in Khartoum on Monday.")
    [ev] = [e for e in events if e.type == "ASSAULT"]
    assert [a.code for a in ev.actors] == ["SDNMIL"]
