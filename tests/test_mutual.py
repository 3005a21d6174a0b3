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


def test_fire_exchanged_traded_or_returned_is_force(code):
    events = code("Thailand and Cambodia exchanged fire on Thursday.")
    assert _dyads(events, "ASSAULT") == [("KHMMIL,THAMIL", "")]
    events = code("Armenian and Azerbaijani troops traded fire along the border.")
    assert _dyads(events, "ASSAULT") == [("ARMMIL,AZEMIL", "")]
    assert [e.type for e in code("Kyrgyz border guards returned fire on Wednesday.")] == ["ASSAULT"]
    assert "ASSAULT" not in {e.type for e in code("Thailand returned the ambassador's letter.")}


def test_both_sides_blaming_the_other_blame_each_other(code):
    events = code(
        "Kyrgyzstan's border guards said Tajikistan's border guards fired on them. "
        "Kyrgyzstan's border guards returned fire. "
        "Kyrgyzstan's government accused Tajikistan of starting the shooting. "
        "Both sides blamed the other for the violence."
    )
    blamed = [e for e in events if e.mentions[0].text == "blamed"]
    assert len(blamed) == 2
    assert {(e.actors[0].country, e.recipients[0].country) for e in blamed} == {
        ("KGZ", "TJK"),
        ("TJK", "KGZ"),
    }


def test_a_joint_promise_to_help_each_other_stays_one_event(code):
    events = code("Russia and China agreed to help each other.")
    assert _dyads(events, "AGREE") == [("CHNGOV,RUSGOV", "")]


def test_each_direction_has_its_own_mentions_in_the_source_text(coder):
    from dyad.ingest import make_document

    text = "Thailand  and Cambodia   accused each other of starting the clash."
    doc = make_document(text, origin="<test>", published="2025-07-24")
    events = [e for e in next(iter(coder.code([doc])))[1] if e.type == "ACCUSE"]
    assert len(events) == 2
    a, b = (e.mentions[0] for e in events)
    assert a is not b
    for m in (a, b):
        assert text[m.trigger_start : m.trigger_end] == "accused" == m.text
        assert m.sentence == text
