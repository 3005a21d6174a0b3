"""A definite organ noun with no country of its own is the organ named before it
(``dyad.actors.anaphora``)."""

from __future__ import annotations

import pytest


def _actor_codes(events, etype: str) -> list[str]:
    return [r.code for e in events if e.type == etype for r in e.actors]


@pytest.mark.parametrize(
    ("text", "etype", "code_"),
    [
        (
            "The Russian Foreign Ministry on Monday summoned the Canadian ambassador over an "
            "incident at its embassy.\n\nThe ministry also demanded that Canada take immediate "
            "measures.",
            "REQUEST",
            "RUSGOV",
        ),
        (
            "Poland's foreign ministry summoned the Belarusian charge d'affaires on Friday.\n\n"
            "The ministry demanded an explanation from Minsk.",
            "REQUEST",
            "POLGOV",
        ),
    ],
)
def test_the_ministry_is_the_ministry_named_before(code, text, etype, code_):
    assert _actor_codes(code(text), etype) == [code_]


def test_a_noun_with_its_own_nationality_is_not_the_earlier_organ(code):
    text = (
        "The Russian Foreign Ministry summoned the Canadian ambassador on Monday.\n\n"
        "The Canadian ministry demanded an apology from Moscow."
    )
    assert _actor_codes(code(text), "REQUEST") == ["CANGOV"]


def test_the_country_is_the_reports_state(code):
    text = (
        "BEIJING (AP) — China's foreign ministry said on Monday that the country will impose "
        "sanctions on two US defence firms."
    )
    [sanction] = [e for e in code(text, "2020-07-14") if e.type == "SANCTION"]
    assert [a.code for a in sanction.actors] == ["CHNGOV"]
