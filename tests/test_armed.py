"""A state's armed acts are its military's (``dyad.events.armed``)."""

from __future__ import annotations


def _of(events, etype):
    return [e for e in events if e.type == etype]


def test_a_state_named_bare_strikes_with_its_military(code):
    [ev] = _of(code("Israel carried out air strikes on Gaza on Monday."), "ASSAULT")
    assert [a.code for a in ev.actors] == ["ISRMIL"]


def test_a_juntas_air_strike_is_its_militarys_and_so_is_the_condemnation_target(code):
    events = code(
        "Myanmar's ruling junta carried out an air strike on a village in Sagaing on Tuesday. "
        "The UN rights chief said he was horrified by the air strike."
    )
    [strike] = _of(events, "ASSAULT")
    assert [a.code for a in strike.actors] == ["MMRMIL"]
    [reaction] = _of(events, "ACCUSE")
    assert [r.code for r in reaction.recipients] == ["MMRMIL"]


def test_exercise_partners_are_all_actors(code):
    [ev] = _of(
        code("China said on Monday it would hold joint military drills with Russia."), "COOPERATE"
    )
    assert sorted(a.code for a in ev.actors) == ["CHNMIL", "RUSMIL"]
    assert ev.recipients == []


def test_an_execution_and_a_named_leader_keep_their_sector(code):
    [ev] = _of(code("Iran executed a protester on Thursday."), "ASSAULT")
    assert [a.code for a in ev.actors] == ["IRNGOV"]
    events = code("Russian President Vladimir Putin deployed troops to the border on Friday.")
    for ev in _of(events, "MOBILIZE"):
        assert [a.code for a in ev.actors] == ["RUSGOV"]


def test_a_missile_fired_at_nothing_is_a_weapons_test(code):
    # PLOVER codes testing weapons as MOBILIZE (weapons); fired at a place it is an attack.
    for text in (
        "North Korea fired a ballistic missile into the sea off its east coast on Friday.",
        "North Korea test-fired an intercontinental ballistic missile on Thursday.",
    ):
        [ev] = _of(code(text), "MOBILIZE")
        assert (ev.mode, [a.code for a in ev.actors], ev.recipients) == ("weapons", ["PRKMIL"], [])
    events = code("Russia fired missiles at Kyiv overnight on Tuesday.")
    assert _of(events, "ASSAULT") and not _of(events, "MOBILIZE")


def test_exercises_of_one_state_show_force_and_joint_ones_cooperate(code):
    [ev] = _of(
        code(
            "Tensions rose in Asia. China has started four days of military drills around Taiwan."
        ),
        "MOBILIZE",
    )
    assert (ev.mode, [a.code for a in ev.actors]) == ("troops", ["CHNMIL"])
    assert [r.country for r in ev.recipients] == ["TWN"]
    [joint] = _of(
        code(
            "Tensions rose in Asia. The joint military exercise of the Indian and US armies "
            "began in Rajasthan on Monday."
        ),
        "COOPERATE",
    )
    assert sorted(a.code for a in joint.actors) == ["INDMIL", "USAMIL"]
    [measured] = _of(
        code("Tensions rose in Asia. China and Russia started three days of joint naval drills."),
        "COOPERATE",
    )
    assert sorted(a.code for a in measured.actors) == ["CHNMIL", "RUSMIL"]


def test_crowd_control_weapons_are_crowd_control(code):
    for text in (
        "Protests went on in Peru. Police fired tear gas at protesters in Lima on Thursday.",
        "Protests went on in Kenya. Kenyan police used water cannon on demonstrators.",
        "Protests went on in Nepal. Police responded with batons and rubber bullets.",
    ):
        [ev] = _of(code(text), "ASSAULT")
        assert ev.mode == "crowd-control", text


def _bombed_kenya_after(code, earlier: str) -> list[str]:
    """The codes of those Ugandan jets bomb in Kenya, told after ``earlier``."""
    events = code(f"{earlier} Ugandan jets later bombed targets in Kenya.")
    [bombed] = [e for e in events if e.type == "ASSAULT" and "bombed" in e.mentions[0].text]
    return [r.code for r in bombed.recipients]


def test_a_state_attacked_while_its_forces_fight_back_is_its_military(code):
    earlier = "Kenyan soldiers returned fire at a border post on Monday."
    assert _bombed_kenya_after(code, earlier) == ["KENMIL"]
    # A state attacked by forces it does not fight back keeps its bare code.
    events = code("Ugandan jets bombed targets in Kenya on Monday.")
    assert [r.code for e in events for r in e.recipients] == ["KEN"]


def test_a_state_whose_forces_fire_at_someone_else_is_no_fighting_side(code):
    earlier = "Kenyan soldiers shot dead two cattle rustlers in Turkana on Monday."
    assert _bombed_kenya_after(code, earlier) == ["KEN"]
