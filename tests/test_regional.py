"""Regional bodies, the Congo of the news, the RSF, talks broken off, clashes with police."""

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
