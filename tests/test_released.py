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
    actors, recipients = _release(code(text))
    assert recipients == ["KENGOV"]


def test_a_release_with_no_agent_abroad_is_that_states(code):
    text = "A jailed Kenyan opposition activist was released in Uganda after two months."
    assert _release(code(text)) == (["UGAGOV"], ["KENGOV"])


def test_a_state_freeing_its_own_people_keeps_them(code):
    events = code("Kenya freed 40 Kenyan protesters on Friday.")
    actors, recipients = _release(events)
    assert actors == ["KENGOV"]
    assert "KENGOV" not in recipients
