"""One event per real act in a document (``dyad.events.repeats``)."""

from __future__ import annotations


def test_an_act_told_twice_is_one_event_with_both_mentions(code):
    events = code(
        "Chile expelled the Bolivian ambassador on Monday. "
        "The Chilean government also said on Monday that it expelled the Bolivian ambassador."
    )
    expels = [e for e in events if e.type == "SANCTION"]
    assert len(expels) == 1
    assert len(expels[0].mentions) == 2


def test_the_same_act_on_two_days_stays_two_events(code):
    events = code(
        "Chilean police arrested a Bolivian journalist on Monday. "
        "Chilean police arrested a Bolivian journalist again on 3 June."
    )
    assert len([e for e in events if e.type == "COERCE"]) == 2


def test_one_word_found_twice_is_one_mention(code):
    # "sends" is found by the detector and inside the lexicon's "sends aid": one act, one
    # mention (the store keeps a document's mention of a trigger once).
    events = code("Japan sends aid to the Philippines.")
    for e in events:
        told = [(m.start, m.trigger_start) for m in e.mentions]
        assert len(told) == len(set(told))
    starts = [(m.start, m.trigger_start) for e in events for m in e.mentions]
    assert len(starts) == len(set(starts))


def test_one_act_told_by_two_words_of_a_sentence_is_one_event(code):
    events = code(
        "Protests spread across Chile on Monday. "
        "At least six people were killed in Santiago as Chilean police fired rubber bullets "
        "to disperse the crowds."
    )
    assaults = [e for e in events if e.type == "ASSAULT"]
    assert len(assaults) == 1
    [ev] = assaults
    assert [a.code for a in ev.actors] == ["CHLCOP"]
    assert len(ev.mentions) == 2


def test_two_acts_of_one_kind_in_a_sentence_by_different_sides_stay_apart(code):
    events = code(
        "Israeli jets struck targets in southern Lebanon while Hezbollah fired rockets at "
        "northern Israel on Monday."
    )
    assert len([e for e in events if e.type == "ASSAULT"]) == 2


def test_a_side_nobody_could_identify_does_not_split_one_act(code):
    # "criticized the execution, calling his trial a sham": the participle's object, a thing
    # with no country and no known actor, is no second recipient.
    from dataclasses import replace

    from dyad.events.repeats import merge_repeats
    from dyad.records import ActorRef

    [said] = code("Amnesty International criticized Iran over the execution of the protester.")
    m = said.mentions[0]
    trial = ActorRef("his trial", "his trial", None, None, None, None, "", "composed", 0.3)
    calling = replace(
        said,
        recipients=[trial],
        mentions=[replace(m, text="calling", trigger_start=m.trigger_end + 40)],
    )
    [one] = merge_repeats([said, calling])
    assert [r.country for r in one.recipients] == ["IRN"]
    assert len(one.mentions) == 2
    # A side that is identified still tells two acts apart.
    chile = replace(trial, text="Chile", name="Chile", country="CHL", code="CHL")
    assert len(merge_repeats([said, replace(calling, recipients=[chile])])) == 2


def test_a_toll_told_apart_is_the_attacks_not_a_second_act(code):
    events = code(
        "Fighting went on in Myanmar on Tuesday. Myanmar's army carried out an air strike on "
        "a village in Sagaing. Up to 100 civilians were killed, residents said."
    )
    [ev] = [e for e in events if e.type == "ASSAULT"]
    assert [a.code for a in ev.actors] == ["MMRMIL"]
    assert len(ev.mentions) == 2


def test_an_act_told_again_with_one_side_untold_is_one_event(code):
    events = code(
        "China's military began three days of exercises around Taiwan on Saturday. Beijing's "
        "military announced the drills in a statement on state television.",
        published="2023-04-08",
    )
    assert [e.type for e in events].count("MOBILIZE") == 1
    [drills] = [e for e in events if e.type == "MOBILIZE"]
    assert [r.country for r in drills.recipients] == ["TWN"]  # the fuller telling's sides
    assert len(drills.mentions) == 2


def test_two_acts_with_different_places_are_not_merged_for_an_untold_side(code):
    events = code(
        "Thousands of protesters marched in Kathmandu on Monday against the ban. Protests "
        "also broke out in Pokhara on Monday.",
        published="2025-09-08",
    )
    assert [e.type for e in events].count("PROTEST") == 2
