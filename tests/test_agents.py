"""Acts with no named agent are the organ that does them (``dyad.events.agents``)."""

from __future__ import annotations

import pytest


def _arrests(events):
    return [e for e in events if e.type == "COERCE" and e.mode == "arrest"]


def test_an_unnamed_arrest_agent_is_the_states_police(code):
    [ev] = _arrests(code("A Chilean opposition leader was arrested on Monday."))
    assert [(a.code, a.resolved_by) for a in ev.actors] == [("CHLCOP", "implied")]


def test_a_named_arrest_agent_is_kept(code):
    [ev] = _arrests(code("Chilean soldiers detained a Bolivian journalist on Monday."))
    assert [a.code for a in ev.actors] == ["CHLMIL"]


def test_an_arrest_abroad_is_the_host_states_police(code):
    events = code(
        "Chile and Bolivia signed a treaty on Monday. "
        "A Bolivian opposition leader was arrested in Santiago on Tuesday."
    )
    [ev] = _arrests(events)
    assert [a.code for a in ev.actors] == ["CHLCOP"]


def test_an_unnamed_charge_is_the_states_prosecutors(code):
    events = code("A former Chilean interior minister was charged with bribery on Monday.")
    [ev] = [e for e in events if e.type == "ACCUSE"]
    assert [(a.code, a.resolved_by) for a in ev.actors] == [("CHLJUD", "implied")]


def test_an_unnamed_expulsion_is_the_host_government_never_the_envoys(code):
    events = code(
        "Chile's foreign ministry said on Tuesday that the Bolivian ambassador was expelled. "
        "The Chilean government gave no reason."
    )
    [ev] = [e for e in events if e.type == "SANCTION"]
    assert [a.code for a in ev.actors] == ["CHLGOV"]
    assert [r.code for r in ev.recipients] == ["BOLGOV"]


def test_authorities_are_the_organ_their_act_is_done_by(code):
    events = code(
        "Protests went on across Peru this week. Peruvian authorities raided the "
        "president's home on Saturday. Authorities launched an investigation into her "
        "this month."
    )
    [raid] = [e for e in events if e.type == "COERCE"]
    assert [a.code for a in raid.actors] == ["PERCOP"]
    [probe] = [e for e in events if e.type == "ACCUSE"]
    assert [a.code for a in probe.actors] == ["PERJUD"]


def test_facing_charges_is_an_accusation_by_the_states_prosecutors(code):
    events = code(
        "Gabon's army seized power on Wednesday. Bongo's son faces charges of treason, "
        "prosecutors said.",
        published="2023-08-31",
    )
    [ev] = [e for e in events if e.type == "ACCUSE"]
    assert ev.mode == "allege"
    assert [a.code for a in ev.actors] == ["GABJUD"]
    assert [r.country for r in ev.recipients] == ["GAB"]


def test_a_passive_split_by_a_date_keeps_who_underwent_it(code):
    # With words between "was" and the participle the parser makes "was" the main verb.
    text = "Chile's opposition leader Ana Quiroz was on June 3 sentenced in absentia to a year."
    [ev] = [e for e in code(text) if e.type == "SANCTION"]
    assert [r.code for r in ev.recipients] == ["CHLOPP"]
    assert [a.code for a in ev.actors] == ["CHLJUD"]  # a sentence is a court's


def test_the_owner_of_an_arrest_is_the_one_arrested(code):
    [ev] = _arrests(code("Chile's opposition leader Ana Quiroz's arrest set off protests."))
    assert [r.code for r in ev.recipients] == ["CHLOPP"]
    assert [a.code for a in ev.actors] == ["CHLCOP"]


def test_a_day_between_an_act_and_its_of_phrase(code):
    text = "Protests spread after the arrest Sunday of Chilean opposition leader Ana Quiroz."
    [ev] = _arrests(code(text))
    assert [r.code for r in ev.recipients] == ["CHLOPP"]


def test_an_organ_modifying_the_act_noun_is_its_agent(code):
    events = code(
        "LUSAKA, Zambia (Wire) — Unrest broke out after the police killing of a student in "
        "Kitwe. Hundreds fled after an army crackdown on protesters in the north."
    )
    [killing] = [e for e in events if e.type == "ASSAULT"]
    assert [(a.code, a.resolved_by) for a in killing.actors] == [("ZMBCOP", "context")]
    [crackdown] = [e for e in events if e.type == "COERCE"]
    assert [a.code for a in crackdown.actors] == ["ZMBMIL"]


def test_an_organ_modifier_takes_the_nationality_beside_it(code):
    events = code("The Zambian police shooting of two protesters drew condemnation.")
    [ev] = [e for e in events if e.type == "ASSAULT"]
    assert [a.code for a in ev.actors] == ["ZMBCOP"]


def test_an_organ_modifier_takes_the_country_the_act_is_in(code):
    events = code(
        "WASHINGTON (Wire) — Officials condemned the army crackdown on protesters in Myanmar."
    )
    [ev] = [e for e in events if e.type == "COERCE"]
    assert [a.code for a in ev.actors] == ["MMRMIL"]
    assert not any(r.code == "USAMIL" for e in events for r in (*e.actors, *e.recipients))


@pytest.mark.parametrize(
    "text",
    [
        "NAIROBI, Kenya (Wire) — Army veterans protested outside parliament.",
        "NAIROBI, Kenya (Wire) — Activists demanded police reform after the killing.",
        "NAIROBI, Kenya (Wire) — Lawmakers rejected the army budget on Tuesday.",
    ],
)
def test_an_organ_modifying_a_person_or_a_thing_is_no_doer(code, text):
    sides = [r.sector for e in code(text) for r in (*e.actors, *e.recipients)]
    assert "MIL" not in sides and "COP" not in sides


@pytest.mark.parametrize(
    ("text", "code_"),
    [
        ("YANGON (Wire) — An Arakan Army attack on a town killed four soldiers.", "MMRREB"),
        ("BOGOTA (Wire) — A National Liberation Army attack killed two soldiers.", "COLREB"),
    ],
)
def test_an_armed_group_named_army_is_not_the_states_army(code, text, code_):
    [ev] = [e for e in code(text) if e.type == "ASSAULT" and e.actors]
    assert [a.code for a in ev.actors] == [code_]


def test_a_place_inside_a_clause_of_the_act_is_not_the_acts_country(code):
    events = code(
        "KAMPALA, Uganda (Wire) — The police killing of a student who had studied in Kenya "
        "drew protests."
    )
    [ev] = [e for e in events if e.type == "ASSAULT"]
    assert [a.code for a in ev.actors] == ["UGACOP"]


def test_an_arrest_told_with_no_side_is_the_states_polices(code):
    # Nobody named on either side: the act one organ does is still the news.
    events = code(
        "Protests spread across Georgia on Friday. Forty-three have been arrested, "
        "the interior ministry said."
    )
    [ev] = [e for e in events if e.type == "COERCE"]
    assert [(a.code, a.resolved_by) for a in ev.actors] == [("GEOCOP", "implied")]


def test_an_act_of_no_single_organ_told_with_no_side_is_no_event(code):
    events = code("Protests spread across Georgia on Friday. Two buildings were burned down.")
    assert [e.type for e in events] == ["PROTEST"]


def test_a_participle_saying_who_someone_is_gives_no_lone_act(code):
    events = code("The Cuban president pardoned 12 people convicted of sedition.")
    assert "SANCTION" not in {e.type for e in events}


def test_an_organ_beside_a_noun_of_conduct_is_whose_conduct_was_judged(code):
    events = code("BELGRADE, Serbia — The opposition condemned police brutality on Monday.")
    [ev] = [e for e in events if e.type == "ACCUSE"]
    assert [r.code for r in ev.recipients] == ["SRBCOP"]


def test_a_visit_in_a_phrase_of_time_names_no_target(code):
    # "during a visit to Spain" says when the praise was given, not to whom.
    events = code(
        "BELGRADE, Serbia — Vucic praised police action in a statement during a visit to Spain."
    )
    [ev] = [e for e in events if e.type == "SUPPORT"]
    assert [r.code for r in ev.recipients] == ["SRBCOP"]
    events = code("BELGRADE, Serbia — Vucic praised the decision during a visit to Spain.")
    [ev] = [e for e in events if e.type == "SUPPORT"]
    assert "ESPGOV" not in {r.code for r in ev.recipients}


def test_a_curfew_imposed_with_no_agent_is_the_governments(code):
    text = (
        "SRINAGAR, India — Curfew was on Wednesday clamped in four districts of Kashmir "
        "Valley to foil a march by the separatists."
    )
    [curfew] = [e for e in code(text, "2008-10-27") if e.type == "COERCE"]
    assert [a.code for a in curfew.actors] == ["INDGOV"]


def test_security_force_personnel_are_the_police(code):
    text = (
        "SRINAGAR, India — A large number of security force personnel have been deployed "
        "across the city to prevent any rally."
    )
    [deployment] = [e for e in code(text, "2008-10-27") if e.type == "MOBILIZE"]
    assert [a.code for a in deployment.actors] == ["INDCOP"]
