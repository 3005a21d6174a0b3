"""Acts two sides do to each other are two directed events; a joint act stays one."""

from __future__ import annotations


def _dyads(events, etype):
    return sorted(
        (",".join(sorted(a.code for a in e.actors)), ",".join(r.code for r in e.recipients))
        for e in events
        if e.type == etype
    )


def test_each_other_gives_both_directions(code):
    events = code("Thailand and Cambodia accused each other of starting the clash.")
    assert _dyads(events, "ACCUSE") == [("KHMGOV", "THAGOV"), ("THAGOV", "KHMGOV")]


def test_each_others_diplomats_are_expelled_both_ways(code):
    events = code("Russia and Germany expelled each other's diplomats.")
    assert _dyads(events, "SANCTION") == [("DEUGOV", "RUSGOV"), ("RUSGOV", "DEUGOV")]


def test_one_another_too(code):
    events = code("India and Pakistan blamed one another for the violence.")
    assert _dyads(events, "ACCUSE") == [("INDGOV", "PAKGOV"), ("PAKGOV", "INDGOV")]


def test_a_joint_act_stays_one_event(code):
    events = code("Thailand and Cambodia agreed to a ceasefire.")
    assert _dyads(events, "CONCEDE") == [("KHMGOV,THAGOV", "")]


def test_clashes_that_break_out_between_two_sides_are_fought_by_both(code):
    events = code("Fresh clashes have erupted between Tajik and Kyrgyz border guards.")
    assert _dyads(events, "ASSAULT") == [("KGZMIL,TJKMIL", "")]
    events = code("Heavy fighting broke out between the Sudanese army and the RSF on Saturday.")
    assert _dyads(events, "ASSAULT") == [("SDNMIL,SDNPRM", "")]
    assert not code("The minister warned of clashes.")
