"""What news says and the knowledge base and lexicon must know: regional bodies, the Congo
of the news, the RSF, the Taliban in power, talks broken off, envoys withdrawn, clashes."""

from __future__ import annotations


def _codes(refs):
    return sorted(r.code for r in refs)


def test_ecowas_and_caricom_are_intergovernmental(code):
    events = code("ECOWAS threatened military intervention in Niger on Sunday.")
    assert [(e.type, e.actors[0].actor_id) for e in events] == [("THREATEN", "ecowas")]
    events = code("CARICOM condemned the attack on Monday.")
    assert [(e.type, e.actors[0].actor_id) for e in events] == [("ACCUSE", "caricom")]


def test_congo_in_the_news_is_the_democratic_republic(code):
    events = code("Rwandan troops attacked the town of Bunagana in eastern Congo.")
    assert events[0].place is None or events[0].place.country == "COD"
    events = code("The Democratic Republic of Congo expelled Rwanda's ambassador.")
    assert _codes(events[0].actors) == ["CODGOV"]
    events = code("The Republic of Congo expelled Rwanda's ambassador.")
    assert _codes(events[0].actors) == ["COGGOV"]


def test_talks_ended_are_talks_halted(code):
    events = code("The Sudanese army has terminated talks with the RSF on Wednesday.")
    assert [(e.type, e.mode) for e in events] == [("SANCTION", "withdraw")]
    assert _codes(events[0].actors) == ["SDNMIL"] and _codes(events[0].recipients) == ["SDNPRM"]
    assert [e.type for e in code("The army ended the war.")] != ["SANCTION"]


def test_in_a_clash_with_police_the_crowd_protests(code):
    events = code(
        "NAIROBI, Kenya — Thousands of Kenyans protested against a tax bill on Tuesday. "
        "Police and protesters clashed in the streets of the capital."
    )
    riot = [e for e in events if e.mode == "riot"]
    assert [(_codes(e.actors), _codes(e.recipients)) for e in riot] == [(["KENCVL"], ["KENGOV"])]


def test_the_taliban_govern_since_the_fall_of_kabul_and_fought_before(code):
    [e] = code("The Taliban released two U.S. citizens on Tuesday.", published="2025-01-21")
    assert _codes(e.actors) == ["AFGGOV"]
    [e] = code("The Taliban attacked a police post in Helmand on Tuesday.", published="2015-01-21")
    assert _codes(e.actors) == ["AFGREB"]


def test_an_envoy_withdrawn_is_a_sanction_and_troops_withdrawn_a_retreat(code):
    events = code("India decided to withdraw its High Commissioner from Canada on Monday.")
    assert [(e.type, e.mode) for e in events] == [("SANCTION", "withdraw")]
    assert _codes(events[0].recipients) == ["CANGOV"]
    events = code("Russia withdrew its troops from the village on Monday.")
    assert [(e.type, e.mode) for e in events] == [("RETREAT", "withdraw")]


def test_mercenaries_are_unaligned_armed_forces_and_prigozhin_led_them(code):
    [e] = code("Yevgeny Prigozhin hailed the coup as good news.", published="2023-07-30")
    assert [(a.actor_id, a.code) for a in e.actors] == [("yevgeny-prigozhin", "RUSUAF")]
    [e] = code("The Wagner Group seized the town on Monday.", published="2023-05-20")
    assert _codes(e.actors) == ["RUSUAF"]


def test_a_subject_shared_by_two_verbs_is_who_said_it_would(code):
    events = code(
        "Thailand recalled its ambassador to Cambodia on Wednesday and said it would expel "
        "Cambodia's envoy in Bangkok."
    )
    assert sorted((e.mode, _codes(e.actors)[0]) for e in events) == [
        ("expel", "THAGOV"),
        ("withdraw", "THAGOV"),
    ]


def test_an_indictment_with_no_agent_is_the_prosecutors(code):
    events = code(
        "Bolivian police arrested General Zuniga on Wednesday. "
        "Zuniga was indicted for terrorism on Thursday."
    )
    [charge] = [e for e in events if e.type == "ACCUSE"]
    assert _codes(charge.actors) == ["BOLJUD"]


def test_a_congo_dateline_is_told_by_its_city(code):
    [e] = code("BRAZZAVILLE, Congo — Police arrested 12 protesters in the capital on Monday.")
    assert _codes(e.actors) == ["COGCOP"] and e.place.country == "COG"
    [e] = code("KINSHASA, Congo — Police arrested 12 protesters in the capital on Monday.")
    assert _codes(e.actors) == ["CODCOP"] and e.place.country == "COD"
