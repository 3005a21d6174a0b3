"""Force held over another side's conduct is a threat (``dyad.events.threats``)."""

from __future__ import annotations

import pytest


def _threats(events):
    return [e for e in events if e.type == "THREATEN"]


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        (
            "Israeli Prime Minister Benjamin Netanyahu said he would respond forcefully "
            "to any violation by Hezbollah.",
            "ISRGOV",
            "LBNREB",
        ),
        ("The Thai government is prepared to intensify its measures if Cambodia persists.",
         "THAGOV", "KHMGOV"),
        ("Taiwan said it is prepared to defend itself if China attacks.", "TWNGOV", "CHNGOV"),
        (
            "The Chinese embassy said China would take resolute countermeasures if Lithuania "
            "did not reverse its decision.",
            "CHNGOV",
            "LTUGOV",
        ),
        ("Iran will respond to any Israeli attack, the Iranian foreign minister said.",
         "IRNGOV", "ISRGOV"),
    ],
)  # fmt: skip
def test_a_response_held_over_a_sides_conduct_is_a_threat_at_that_side(
    code, text, actor, recipient
):
    [ev] = _threats(code(text))
    assert ev.status == "occurred"  # the warning was made; its content is to come
    assert [a.code for a in ev.actors] == [actor]
    assert [r.code for r in ev.recipients] == [recipient]
    assert ev.cameo == "130"


def test_a_vow_of_measures_in_response_is_a_threat_not_a_promise(code):
    events = code(
        "Russia vowed to take additional measures in response to Britain's expulsion of "
        "its attache."
    )
    [ev] = _threats(events)
    assert ev.mentions[0].text == "vowed"  # the vow is the threat's word
    assert [r.code for r in ev.recipients] == ["GBRGOV"]
    assert not [e for e in events if e.type == "AGREE"]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("This crime will not go unpunished, the Mexican president said.", "MEXGOV"),
        ("The Nigerian president said those responsible would be punished.", "NGAGOV"),
        ("The Iranian foreign minister said Iran would retaliate.", "IRNGOV"),
    ],
)
def test_retaliation_and_punishment_warn_by_themselves(code, text, actor):
    [ev] = _threats(code(text))
    assert ev.status == "occurred"
    assert [a.code for a in ev.actors] == [actor]


@pytest.mark.parametrize(
    "text",
    [
        "The Iranian president said Israel will face serious consequences for the attack.",
        "The Iranian president said Israel would be punished for the attack.",
    ],
)
def test_the_side_to_pay_is_warned_not_warning(code, text):
    [ev] = _threats(code(text))
    assert [a.code for a in ev.actors] == ["IRNGOV"]
    assert [r.code for r in ev.recipients] == ["ISRGOV"]


def test_a_lexicon_warning_is_aimed_at_the_side_the_warning_names(code):
    [ev] = _threats(
        code("Azerbaijan warned it would respond decisively to any Armenian provocation.")
    )
    assert ev.mentions[0].text == "warned"
    assert [r.code for r in ev.recipients] == ["ARMGOV"]


def test_a_threat_with_no_side_named_is_not_aimed_at_its_own_state(code):
    [ev] = _threats(code("The Mexican president said the killing will not go unpunished."))
    assert not [r for r in ev.recipients if r.country == "MEX"]


def test_a_denied_warning_is_negated(code):
    [ev] = _threats(code("Iran denied that it would retaliate against Israel."))
    assert ev.status == "negated"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Indian troops shelled the border post and said they would retaliate if Pakistan "
         "fired again.", "ASSAULT"),
        ("Russia expelled two British diplomats and said it would take further measures if "
         "London did not stop its hostile actions.", "SANCTION"),
        ("The Indian army said it shelled the post and would retaliate if Pakistan fired "
         "again.", "ASSAULT"),
    ],
)  # fmt: skip
def test_an_act_joined_to_a_warning_is_kept(code, text, kept):
    events = code(text)
    assert [e.type for e in events] == [kept, "THREATEN"]
    assert events[1].status == "occurred"


@pytest.mark.parametrize(
    "text",
    [
        # announced acts keep their own type
        "The Peruvian government said it would expel the Mexican envoy.",
        # economic, civic, sporting futures with no side to warn
        "The Kenyan government will take additional measures to boost growth.",
        "The Indian finance minister said the government would take strong measures to curb "
        "inflation.",
        "The Canadian central bank governor said the bank would act forcefully if inflation "
        "persists.",
        "The Chilean president said the government would respond swiftly to the earthquake.",
        "The Spanish prime minister said the new tax will have severe consequences for small "
        "firms.",
        "The Kenyan minister said the government would respond to the union's demands next week.",
        "Kenya's coach said his team would strike back after the defeat.",
        # forecasts, questions and refusals are no warnings
        "Analysts said Iran would retaliate if Israel struck its nuclear sites.",
        "The Japanese foreign minister refused to say whether Japan would retaliate against China.",
        "Pakistan said it would not retaliate.",
        "Japan said it would take no retaliatory measures against China.",
        "The Japanese foreign minister said Japan is not ready to retaliate against China.",
        "No country will retaliate against Qatar, the Saudi minister said.",
        "Will Iran retaliate against Israel?",
        "Some experts fear Iran will retaliate against Israel.",
        "China would retaliate if the US imposed tariffs, state media speculated.",
        "If Israel had struck, Iran would have retaliated.",
        "Messi said Argentina would respond if Brazil scored first.",
        "The Indian government said it would respond to the Chinese proposal if Beijing sent it.",
        "The German chancellor said Germany would defend its industry if China floods the market.",
        "Pakistan said it would respond forcefully to the locust invasion.",
    ],
)
def test_no_threat(code, text):
    assert not _threats(code(text)), text


def test_a_labour_strike_announced_stays_a_protest(code):
    events = code("Kenyan doctors will strike if the government does not pay their salaries.")
    assert not _threats(events)
    assert [e.type for e in events] == ["PROTEST"]
