"""Reactions to an act are aimed at the act's agents (``dyad.events.referents``)."""

from __future__ import annotations


def _accuse(events):
    return [e for e in events if e.type == "ACCUSE"]


def test_a_condemned_act_told_earlier_gives_the_target(code):
    events = code(
        "Chilean police raided the offices of an opposition newspaper on Saturday. "
        "The Argentine foreign minister condemned the raid on Sunday."
    )
    [ev] = _accuse(events)
    assert [(r.code, r.resolved_by) for r in ev.recipients] == [("CHLCOP", "coref")]


def test_the_agent_of_the_act_replaces_its_patient(code):
    [ev] = _accuse(
        code(
            "Amnesty International condemned the execution of the protester by Iranian authorities."
        )
    )
    assert [r.code for r in ev.recipients] == ["IRNGOV"]


def test_a_target_named_outside_the_act_is_kept(code):
    events = code(
        "Chilean police raided the offices of an opposition newspaper on Saturday. "
        "The Argentine foreign minister condemned Chile's government over the raid on Sunday."
    )
    [ev] = _accuse(events)
    assert [r.code for r in ev.recipients] == ["CHLGOV"]


def test_an_object_that_names_no_act_is_left_alone(code):
    events = code(
        "Chilean police raided the offices of an opposition newspaper on Saturday. "
        "The Argentine foreign minister condemned the weather on Sunday."
    )
    for ev in _accuse(events):
        assert "CHLCOP" not in {r.code for r in ev.recipients}


def test_an_act_named_by_another_word_of_its_kind_gives_the_target(code):
    # "drills" and "exercises" are one kind of act in the lexicon; the trigger of the act
    # is a phrase ("began naval drills") whose head is the light verb.
    events = code(
        "The Chinese navy began naval drills near the Philippine coast on Monday. "
        "The exercises were denounced by the Philippine foreign ministry on Tuesday."
    )
    [ev] = _accuse(events)
    assert [r.code for r in ev.recipients] == ["CHNMIL"]


def test_an_act_the_reactor_names_in_its_own_words_is_the_object(code):
    events = code(
        "Chilean police raided the offices of an opposition newspaper on Saturday. "
        "The Argentine foreign minister condemned what he called an unjustified raid."
    )
    [ev] = _accuse(events)
    assert [r.code for r in ev.recipients] == ["CHLCOP"]


def test_a_reaction_the_subject_drew_comes_from_the_other_side(code):
    events = code(
        "Protests went on in France. The French decision drew sharp criticism from "
        "Germany on Monday."
    )
    [ev] = [e for e in events if e.type == "ACCUSE"]
    assert [a.code for a in ev.actors] == ["DEUGOV"]
    assert [r.code for r in ev.recipients] == ["FRAGOV"]


def test_a_reaction_an_act_drew_is_aimed_at_the_acts_agents(code):
    events = code(
        "Myanmar's ruling junta confirmed on Wednesday that it carried out an air strike on a "
        "village in Sagaing, drawing condemnation from the United Nations. Dozens were killed.",
        published="2023-04-12",
    )
    [ev] = [e for e in events if e.type == "ACCUSE"]
    assert [r.code for r in ev.recipients] == ["MMRMIL"]  # the strike's agent, not "the junta"


def test_a_reaction_to_a_states_act_told_without_its_agent_is_aimed_at_that_state(code):
    # Only a state removes a president: criticising the removal is aimed at Peru's
    # government, not at the man removed.
    events = code(
        "Mexican President Andres Manuel Lopez Obrador criticized the removal of Pedro "
        "Castillo as undemocratic.",
        published="2022-12-21",
    )
    [ev] = [e for e in events if e.type == "ACCUSE"]
    assert [r.code for r in ev.recipients] == ["PERGOV"]


def test_a_reaction_to_what_a_state_did_is_aimed_at_its_government(code):
    # The state named as such is read as its forces for the launch (PRK MIL), but the
    # reaction is aimed at the state.
    events = code(
        "North Korea launched a ballistic missile on Saturday. "
        "The Canadian foreign minister condemned the launch on Sunday."
    )
    [ev] = _accuse(events)
    assert [r.code for r in ev.recipients] == ["PRKGOV"]


def test_a_reaction_to_forces_named_as_such_keeps_the_forces(code):
    events = code(
        "The North Korean army launched a ballistic missile on Saturday. "
        "The Canadian foreign minister condemned the launch on Sunday."
    )
    [ev] = _accuse(events)
    assert [r.code for r in ev.recipients] == ["PRKMIL"]


def test_the_development_is_the_forceful_act_told_before(code):
    text = (
        "Military commander Frank Bainimarama seized control of Fiji on Tuesday.\n\n"
        "Britain reacted by suspending military aid, and New Zealand called the development "
        'an "outrage".'
    )
    [accusation] = [e for e in code(text, "2006-12-05") if e.type == "ACCUSE"]
    assert [r.code for r in accusation.recipients] == ["FJIMIL"]
