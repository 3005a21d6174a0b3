"""Force or a penalty held over another side's conduct is a threat (``dyad.events.threats``)."""

from __future__ import annotations


def _threats(events):
    return [e for e in events if e.type == "THREATEN"]


def test_a_forceful_response_to_any_violation_is_a_threat_at_the_violator(code):
    [ev] = _threats(
        code(
            "Israeli Prime Minister Benjamin Netanyahu said he would respond forcefully "
            "to any violation by Hezbollah."
        )
    )
    assert ev.status == "occurred"  # the warning was made; its content is to come
    assert [a.code for a in ev.actors] == ["ISRGOV"]
    assert [r.code for r in ev.recipients] == ["LBNREB"]


def test_readiness_under_a_condition_is_aimed_at_the_side_the_condition_names(code):
    [ev] = _threats(
        code("The Thai government is prepared to intensify its measures if Cambodia persists.")
    )
    assert [a.code for a in ev.actors] == ["THAGOV"]
    assert [r.code for r in ev.recipients] == ["KHMGOV"]


def test_a_vow_of_measures_in_response_is_a_threat_not_a_promise(code):
    events = code(
        "Russia vowed to take additional measures in response to Britain's expulsion of "
        "its attache."
    )
    [ev] = _threats(events)
    assert [r.code for r in ev.recipients] == ["GBRGOV"]
    assert not [e for e in events if e.type == "AGREE"]


def test_a_crime_that_will_not_go_unpunished_is_a_threat(code):
    [ev] = _threats(code("This crime will not go unpunished, the Mexican president said."))
    assert ev.status == "occurred"
    assert [a.code for a in ev.actors] == ["MEXGOV"]


def test_a_denied_warning_is_negated(code):
    [ev] = _threats(code("Iran denied that it would retaliate against Israel."))
    assert ev.status == "negated"


def test_acts_announced_without_a_condition_keep_their_own_type(code):
    events = code("The Peruvian government said it would expel the Mexican envoy.")
    assert not _threats(events)
    assert [e.type for e in events] == ["SANCTION"]


def test_ordinary_responses_and_measures_are_no_threats(code):
    for text in (
        "The Kenyan minister said the government would respond to the union's demands next week.",
        "The Kenyan government will take additional measures to boost growth.",
        "Pakistan said it would not retaliate.",
    ):
        assert not _threats(code(text)), text
