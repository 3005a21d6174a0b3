"""A release of foreigners is made to their state; a state freeing its own keeps them."""

from __future__ import annotations


def _release(events):
    [ev] = [e for e in events if (e.type, e.mode) == ("RETREAT", "release")]
    return [a.code for a in ev.actors], [r.code for r in ev.recipients]


def test_foreigners_freed_are_released_to_their_state(code):
    text = "Venezuela released three American citizens on Saturday."
    assert _release(code(text)) == (["VENGOV"], ["USAGOV"])


def test_the_freed_named_in_a_list_after_the_object(code):
    text = (
        "Al-Shabaab fighters freed 12 captives near the border on Monday, including Kenyan "
        "teachers and Ugandan traders."
    )
    _, recipients = _release(code(text))
    assert recipients == ["KENGOV"]


def test_a_release_with_no_agent_abroad_is_that_states(code):
    text = "A jailed Kenyan opposition activist was released in Uganda after two months."
    assert _release(code(text)) == (["UGAGOV"], ["KENGOV"])


def test_a_state_freeing_its_own_people_keeps_them(code):
    events = code("Kenya freed 40 Kenyan protesters on Friday.")
    actors, recipients = _release(events)
    assert actors == ["KENGOV"]
    assert "KENGOV" not in recipients


def test_freed_named_by_a_state_organ_or_with_an_agent_stay_so_released(code):
    # The freed's own phrase is kept apart from the state released to.
    events = code("Russia released two jailed Ukrainian soldiers on Friday.")
    assert _release(events) == (["RUSGOV"], ["UKRGOV"])
    # An active release with no known agent is not given to the state it happened in.
    actors, _ = _release(code("Gunmen freed two American missionaries in Haiti on Friday."))
    assert "HTIGOV" not in actors
    # Prisoners of a state named with no armed side of theirs in the report.
    assert _release(code("Israel released 30 Palestinian prisoners on Friday.")) == (
        ["ISRGOV"],
        ["PSEGOV"],
    )
