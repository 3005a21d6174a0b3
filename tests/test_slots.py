"""Argument slots of particular acts: who releases whom, who extradites to whom, and who
speaks through a remark."""

from __future__ import annotations

# Aid planned is coded as the promise of it (``test_pledges``).
PLANNED_AID = {"AID", "AGREE"}


def _of(events, etype):
    [ev] = [e for e in events if e.type == etype]
    return [a.code for a in ev.actors], [r.code for r in ev.recipients]


def test_the_released_are_the_recipients(code):
    events = code(
        "Hamas fighters attacked a kibbutz. "
        "Israel released 30 Palestinian prisoners on Friday. The releases were part of the deal.",
        published="2023-11-25",
    )
    # Prisoners of a side that is an armed group, not a state, are its civilians
    # (``test_released`` has foreigners released to their state).
    assert _of(events, "RETREAT") == (["ISRGOV"], ["PSECVL"])


def test_released_from_a_states_jails_that_state_released_them(code):
    events = code(
        "Hamas fighters attacked a kibbutz. "
        "Thirty Palestinian detainees were released from Israeli jails on Friday. The "
        "releases were part of the deal.",
        published="2023-11-25",
    )
    assert _of(events, "RETREAT") == (["ISRGOV"], ["PSECVL"])


def test_an_extradition_is_aimed_at_the_receiving_state(code):
    events = code(
        "A Colombian drug lord was extradited from Spain to the United States on Monday. He "
        "faces trial in Miami.",
        published="2024-05-06",
    )
    [ev] = [e for e in events if e.type == "COOPERATE"]
    assert ev.cameo == "063"
    assert _of(events, "COOPERATE") == (["ESPGOV"], ["USAGOV"])


def test_remarks_criticizing_are_their_speakers_criticism(code):
    events = code(
        "The Ethiopian president drew anger in Nairobi this week after she made remarks "
        "criticizing Kenya's election. The talks were suspended.",
        published="2024-05-06",
    )
    assert _of(events, "ACCUSE") == (["ETHGOV"], ["KENGOV"])


def test_a_causative_subject_is_the_agent_and_its_object_the_patient(code):
    events = code(
        "Protests grew in Peru. Peru's Supreme Court had the president's chief of staff arrested "
        "on Tuesday.",
        published="2022-12-21",
    )
    actors, recipients = _of(events, "COERCE")
    assert actors == ["PERJUD"]
    assert recipients and recipients != actors


def test_no_plans_to_send_arms_is_negated_aid_by_the_plans_holder(code):
    events = code(
        "Britain backed Ukraine on Monday. Britain has no plans to send fighter jets to "
        "Ukraine, a spokesperson said.",
        published="2023-05-15",
    )
    [aid] = [e for e in events if e.type == "AID"]
    assert aid.status == "negated" and aid.cameo == "072"
    assert _of(events, "AID") == (["GBRGOV"], ["UKRGOV"])
    events = code(
        "Germany backed Ukraine on Monday. Germany announced plans to send more tanks to Ukraine.",
        published="2023-05-15",
    )
    # The plan announced is a promise of military aid (``test_pledges``).
    [aid] = [e for e in events if e.type == "AGREE"]
    assert (aid.status, aid.cameo) == ("occurred", "0332")


def test_agreeing_to_pause_a_measure_is_a_concession_to_its_target(code):
    events = code(
        "Mexico braced for tariffs. President Trump agreed on Monday to pause planned "
        "tariffs on all Mexican exports to the United States.",
        published="2025-02-11",
    )
    [ev] = [e for e in events if e.type == "CONCEDE"]
    assert ev.cameo == "081"
    assert _of(events, "CONCEDE") == (["USAGOV"], ["MEXGOV"])


def test_a_participle_with_its_agent_is_passive(code):
    events = code(
        "Peru and Chile ended the dispute. Signed on Friday by President Dina Boluarte and "
        "President Gabriel Boric, the accord takes effect in March.",
        published="2024-03-02",
    )
    [signing] = [e for e in events if e.type == "SUPPORT"]
    assert sorted(a.code for a in signing.actors) == ["CHLGOV", "PERGOV"]


def test_forces_sent_to_a_border_are_not_aid(code):
    events = code(
        "Tensions rose on Monday. Russia sent tanks and troops to the border with Ukraine on "
        "Monday.",
        published="2022-02-21",
    )
    assert "AID" not in {e.type for e in events}
    events = code(
        "Germany backed Ukraine on Monday. Germany sent more tanks to Ukraine on Monday.",
        published="2023-05-15",
    )
    assert "AID" in {e.type for e in events}


def test_a_plan_belongs_to_its_owner_not_to_who_condemns_it(code):
    events = code(
        "Tensions rose on Monday. NATO condemned Russia's plans to send troops to Belarus.",
        published="2023-05-15",
    )
    [aid] = [e for e in events if e.type in PLANNED_AID]
    assert [a.code for a in aid.actors] == ["RUSGOV"]
    events = code(
        "Tensions rose on Monday. NATO condemned plans to send troops to Belarus.",
        published="2023-05-15",
    )
    [aid] = [e for e in events if e.type in PLANNED_AID]
    assert "IGOIGO" not in [a.code for a in aid.actors]  # whose plans is not said


def test_an_act_undergone_with_its_agent_named_is_the_agents(code):
    events = code(
        "The case drew attention in Russia. The opposition leader had his appeal rejected by a "
        "Moscow court on Monday.",
        published="2023-05-15",
    )
    [ev] = [e for e in events if e.type == "REJECT"]
    assert [a.code for a in ev.actors] == ["RUSJUD"]


def test_a_passive_that_keeps_its_object_was_made_of_the_indirect_one(code):
    # "Ukraine was given aid by Germany": the subject received, and the parser's "by" on
    # the object still names the giver.
    events = code("Ukraine was given military aid by Germany on Monday.", published="2024-06-27")
    assert _of(events, "AID") == (["DEUGOV"], ["UKRGOV"])


def test_a_ratification_or_a_concession_is_made_to_the_owner_of_its_object(code):
    events = code("Kenya's parliament ratified the accession of Finland on Tuesday.")
    assert _of(events, "SUPPORT") == (["KENLEG"], ["FINGOV"])
    events = code("The Kenyan army accepted Al-Shabaab's terms for a prisoner exchange.")
    assert _of(events, "CONCEDE") == (["KENMIL"], ["SOMREB"])
