"""Protesters' demands are part of their protest (``dyad.events.demands``)."""

from __future__ import annotations


def test_a_protesting_crowds_demand_is_its_protest(code):
    events = code(
        "Thousands of Peruvian protesters marched through Lima on Thursday against the "
        "government. The protesters were demanding the dissolution of Congress and early "
        "elections.",
        published="2023-01-20",
    )
    assert "REQUEST" not in {e.type for e in events}
    [protest] = [e for e in events if e.type == "PROTEST"]
    assert {m.text for m in protest.mentions} >= {"demanding"}  # the demand's words are kept


def test_a_governments_demand_stays_a_request(code):
    events = code(
        "Thousands of Peruvian protesters marched through Lima on Thursday against the "
        "government. Peru's government demanded that Bolivia close its border.",
        published="2023-01-20",
    )
    assert "REQUEST" in {e.type for e in events}


def test_a_demand_on_another_day_is_a_request_of_its_own(code):
    events = code(
        "The government's reform was passed last week. Thousands of French workers marched in "
        "Paris against the reform on Friday. On Tuesday the workers demanded the resignation "
        "of the labour minister.",
        published="2026-01-07",
    )
    assert "REQUEST" in {e.type for e in events}
