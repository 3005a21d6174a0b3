"""Force or restriction at home with no named target falls on the people
(``dyad.events.populace``)."""

from __future__ import annotations


def _of(events, etype):
    return [e for e in events if e.type == etype]


def test_a_curfew_at_home_is_imposed_on_the_civilians(code):
    [ev] = _of(
        code("KATHMANDU, Nepal — The government imposed a curfew in Kathmandu on Tuesday."),
        "COERCE",
    )
    assert ev.mode == "curfew"  # the detector's reading of the noun, not the light verb's guess
    assert [a.code for a in ev.actors] == ["NPLGOV"]
    assert [(r.code, r.resolved_by) for r in ev.recipients] == [("NPLCVL", "implied")]


def test_air_strikes_abroad_keep_the_place_as_target(code):
    [ev] = _of(code("Israeli forces carried out air strikes in Gaza on Monday."), "ASSAULT")
    assert "ISRCVL" not in {r.code for r in ev.recipients}


def test_a_named_target_is_kept(code):
    [ev] = _of(
        code("LIMA, Peru — The government banned two opposition parties on Monday."), "COERCE"
    )
    assert "PERCVL" not in {r.code for r in ev.recipients}


def test_two_sides_fighting_get_no_civilian_target(code):
    events = code(
        "KHARTOUM, Sudan — Sudan's army and the Rapid Support Forces shelled each other's "
        "positions with heavy artillery in Khartoum on Sunday."
    )
    for ev in _of(events, "ASSAULT"):
        assert "SDNCVL" not in {r.code for r in ev.recipients}


def test_a_protest_no_word_gives_a_side_is_the_peoples_against_their_state(code):
    # "sparked protests": the protest is reported, the arrest's subject is none of its
    # sides; the people of the place protest against their own state.
    events = code(
        "The arrest of the former Peruvian president sparked violent protests in Lima on Monday."
    )
    [protest] = [e for e in events if e.type == "PROTEST"]
    assert [a.code for a in protest.actors] == ["PERCVL"]
    assert [r.country for r in protest.recipients] == ["PER"]


def test_a_crowd_with_no_place_is_of_the_country_the_report_is_about(code):
    events = code(
        "Nepal banned social media platforms last week. On Monday, thousands converged "
        "outside Parliament, chanting anti-government slogans."
    )
    [protest] = [e for e in events if e.type == "PROTEST"]
    assert [a.code for a in protest.actors] == ["NPLCVL"]


def test_officers_blocking_traffic_are_no_protest_of_the_people(code):
    # The subject is no crowd: the people are not made its side because it was not resolved.
    events = code(
        "Peruvian prosecutors opened an inquiry into the president last week. On Saturday, "
        "agents searched her house while officers blocked traffic."
    )
    assert not [e for e in events if e.type == "PROTEST"]


def test_an_event_noun_that_happens_takes_the_verbs_tense(code):
    [talks] = [
        e
        for e in code("Talks between Armenia and Azerbaijan will resume in Geneva next week.")
        if e.type == "CONSULT"
    ]
    assert talks.status == "planned"
    assert {a.country for a in talks.actors + talks.recipients} == {"ARM", "AZE"}


def test_a_place_that_witnessed_unrest_is_not_its_side(code):
    # "Kathmandu witnessed unrest": the city is where it happened; a capital as the subject
    # would otherwise be read as its government.
    events = code(
        "Nepal banned social media platforms last week. On Monday, the capital Kathmandu "
        "witnessed massive unrest as young protesters took to the streets."
    )
    [unrest] = [e for e in events if any(m.text.endswith("unrest") for m in e.mentions)]
    assert [a.code for a in unrest.actors] == ["NPLCVL"]


def test_troops_deployed_amid_protests_face_the_people(code):
    events = code(
        "DHAKA, Bangladesh — Students blocked highways across the country on Friday to "
        "demand an end to job quotas. The army was deployed in Dhaka on Saturday."
    )
    [ev] = _of(events, "MOBILIZE")
    assert [a.code for a in ev.actors] == ["BGDMIL"]
    assert [r.code for r in ev.recipients] == ["BGDCVL"]


def test_troops_in_a_coup_are_not_aimed_at_the_crowds(code):
    # Crowds cheer while the army takes power: its forces move against the government.
    events = code(
        "LIBREVILLE, Gabon — Army officers seized power in Gabon on Wednesday. Crowds "
        "poured into the streets to celebrate. Soldiers were deployed across Libreville."
    )
    for ev in _of(events, "MOBILIZE"):
        assert "GABCVL" not in {r.code for r in ev.recipients}


def test_a_state_of_emergency_at_home_falls_on_the_civilians(code):
    [ev] = _of(
        code("QUITO, Ecuador — The government declared a state of emergency in Quito on Monday."),
        "COERCE",
    )
    assert [a.code for a in ev.actors] == ["ECUGOV"]
    assert [(r.code, r.resolved_by) for r in ev.recipients] == [("ECUCVL", "implied")]


def test_police_force_of_no_stated_kind_at_home_falls_on_the_civilians(code):
    events = code("PARIS — Police attacked the crowd in Paris on Saturday.")
    [ev] = _of(events, "ASSAULT")
    assert [a.code for a in ev.actors] == ["FRACOP"]
    assert [r.code for r in ev.recipients] == ["FRACVL"]


def test_an_army_attack_of_no_stated_kind_gets_no_civilian_target(code):
    events = code("BAMAKO, Mali — The Malian army attacked in the north on Saturday.")
    [ev] = _of(events, "ASSAULT")
    assert "MLICVL" not in {r.code for r in ev.recipients}


def test_police_force_on_a_target_named_gets_no_civilian_target(code):
    [ev] = _of(
        code("NAIROBI, Kenya — Police attacked a gang hideout in Nairobi on Tuesday."), "ASSAULT"
    )
    assert [r.code for r in ev.recipients] == ["KEN"]  # the place; the hideout is no crowd


def test_a_state_told_as_a_whole_declares_its_emergency_at_home(code):
    [ev] = _of(
        code("NAIROBI, Kenya — Kenya declared a state of emergency in three counties on Sunday."),
        "COERCE",
    )
    assert [a.code for a in ev.actors] == ["KENGOV"]
    assert [(r.code, r.resolved_by) for r in ev.recipients] == [("KENCVL", "implied")]


def test_a_ban_by_a_state_told_as_a_whole_gets_no_civilian_target(code):
    events = code("MOSCOW — Russia banned imports of Moldovan wine on Tuesday.")
    for ev in _of(events, "COERCE"):
        assert "RUSCVL" not in {r.code for r in ev.recipients}


def test_troops_deployed_after_protests_told_with_no_side_face_the_people(code):
    events = code(
        "COLOMBO, Sri Lanka — Demonstrations spread to five cities on Monday. "
        "The army was deployed in Colombo on Tuesday."
    )
    [ev] = _of(events, "MOBILIZE")
    assert [a.code for a in ev.actors] == ["LKAMIL"]
    assert [r.code for r in ev.recipients] == ["LKACVL"]


def test_police_deployed_after_riots_face_the_people(code):
    events = code(
        "PARIS — French rioters attacked town halls in Lyon overnight. The government "
        "will deploy 30,000 police officers on Friday."
    )
    [ev] = _of(events, "MOBILIZE")
    assert [r.code for r in ev.recipients] == ["FRACVL"]


def test_the_people_a_states_police_arrest_are_its_own(code):
    text = (
        "AP, BELGRADE\n\nSerbia on Tuesday put its troops on full alert after heavily armed "
        "Kosovar police entered northern Kosovo, arresting about two dozen people.\n\n"
        "Serbian President Aleksandar Vucic said Serbia would protect Serbians."
    )
    [arrest] = [e for e in code(text, "2023-05-30") if e.type == "COERCE"]
    assert [r.code for r in arrest.recipients] == ["XKXCVL"]
