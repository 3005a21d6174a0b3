"""A nation's people, its state's forces and a naming verb, told apart in the participants."""

from __future__ import annotations

from dyad.actors.lexicon import lexicon


def _codes(events, kind: str) -> list[str]:
    return [r.code for e in events for r in getattr(e, kind)]


def test_plural_nationality_nouns_name_people_and_country_names_do_not():
    lex = lexicon()
    assert lex.people_of("Georgians") == "GEO"
    assert lex.people_of("Iranians") == "IRN"
    assert lex.people_of("Philippines") is None
    assert lex.people_of("Georgian") is None


def test_thousands_of_a_nation_are_its_civilians(code):
    events = code("Thousands of Georgians rallied near the parliament building on Tuesday.")
    assert [e.type for e in events] == ["PROTEST"]
    assert _codes(events, "actors") == ["GEOCVL"]


def test_the_nation_named_with_the_article_is_its_side(code):
    events = code("The Russians rejected the proposal on Monday.")
    assert _codes(events, "actors") == ["RUSGOV"]


def test_a_verb_with_an_object_predicate_names_and_calls_no_one(code):
    assert not [e for e in code("He called Putin a war criminal.") if e.type == "CONSULT"]
    events = code("China launched drills around Taiwan, calling them a warning to separatists.")
    assert [e.type for e in events] == ["MOBILIZE"]
    assert [e.type for e in code("Biden called Xi on Monday.")] == ["CONSULT"]


def test_its_forces_are_the_speakers_own(code):
    events = code("Israel's army said its forces killed a Hezbollah commander in a drone strike.")
    assert [e.type for e in events] == ["ASSAULT"]
    assert _codes(events, "actors") == ["ISRMIL"]


def test_a_wire_dateline_closed_with_a_stop_is_no_participant(code):
    events = code("Belgrade (EFE).- Serbian police used tear gas to break up a protest.")
    assert _codes(events, "actors") == ["SRBCOP"]


def test_opposition_politicians_are_the_opposition(code):
    for text in [
        "Kenya's opposition leader Amina Wanjiru denounced the new tax on Monday.",
        "Kenyan opposition party leader Amina Wanjiru denounced the new tax on Monday.",
        # What a former office-holder is now, told beside the name, is what she is coded.
        "Former Kenyan minister Amina Wanjiru, today the opposition's candidate for "
        "governor, denounced the new tax on Monday.",
    ]:
        [ev] = [e for e in code(text) if e.type == "ACCUSE"]
        assert _codes([ev], "actors") == ["KENOPP"], text


def test_a_topic_word_before_the_role_noun_keeps_the_role(code):
    events = code("Somali gunmen shot dead a Kenyan election official in Mandera on Monday.")
    [ev] = [e for e in events if e.type == "ASSAULT"]
    assert _codes([ev], "recipients") == ["KENGOV"]
