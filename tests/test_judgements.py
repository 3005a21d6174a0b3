"""Judgements told as speech are accusations (``dyad.events.judgements``)."""

from __future__ import annotations


def _accusations(events):
    return [e for e in events if e.type == "ACCUSE"]


def test_a_judged_act_is_aimed_at_its_agent(code):
    events = code(
        "The new duties on steel announced by President Donald Trump on Monday are "
        "illogical, Canadian Prime Minister Justin Trudeau said Tuesday.",
        published="2025-02-12",
    )
    [ev] = _accusations(events)
    assert (ev.mode, ev.cameo) == ("disapprove", "111")
    assert [a.code for a in ev.actors] == ["CANGOV"]
    assert [r.code for r in ev.recipients] == ["USAGOV"]
    assert ev.mentions[0].text == "illogical"


def test_a_naming_verb_judges_its_object(code):
    [ev] = _accusations(
        code("The Chinese foreign ministry called the Japanese decision reckless and unacceptable.")
    )
    assert [a.code for a in ev.actors] == ["CHNGOV"]
    assert [r.code for r in ev.recipients] == ["JPNGOV"]


def test_dismay_at_an_act_is_aimed_at_whoever_did_it(code):
    events = code(
        "Sudanese paramilitaries shelled a market in El Fasher on Sunday. UN aid chief "
        "Tom Fletcher said he was appalled by the shelling."
    )
    [ev] = [e for e in _accusations(events) if e.mentions[0].text == "appalled"]
    assert [a.code for a in ev.actors] == ["UNOIGO"]  # the UN's official, not a state's
    assert {r.country for r in ev.recipients} == {"SDN"}


def test_a_judgement_nobody_reports_or_a_negated_one_is_no_event(code):
    assert not _accusations(code("Analysts found the results of the Peruvian election shocking."))
    assert not _accusations(
        code("The German chancellor said the French proposal was not unacceptable.")
    )


def test_an_extraposed_clause_says_whose_act_is_judged(code):
    events = code(
        "Pressure grew in Britain. The Chinese embassy said it was shocking that Prime "
        "Minister Keir Starmer accepted the gifts.",
        published="2024-09-17",
    )
    [ev] = _accusations(events)
    assert [r.code for r in ev.recipients] == ["GBRGOV"]
