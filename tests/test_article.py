"""Article structure: datelines, layout roles, quotes, and what the event stage makes of them.

Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from dyad import nlp
from dyad.article import find_dateline, quote_spans, sentence_roles
from dyad.article.structure import layout_role, paragraphs, stamp_prefix

# -- the dateline ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "city", "qualifier", "body"),
    [
        ("SEOUL, South Korea (AP) — Officials met on Monday.", "SEOUL", "South Korea", "Officials"),
        ("LIMA, Dec 8 (Reuters) - Ministers resigned.", "LIMA", None, "Ministers"),
        ("NEW DELHI: The army began a drill.", "NEW DELHI", None, "The"),
        ("PARIS, Texas — A mayor spoke.", "PARIS", "Texas", "A"),
        ("Belgrade (EFE).- Serbian police used tear gas.", "Belgrade", None, "Serbian"),
        ("Quito, March 3 (EFE)-- Workers marched.", "Quito", None, "Workers"),
        ("Pune (Maharashtra): Farmers gathered.", "Pune", "Maharashtra", "Farmers"),
    ],
)
def test_datelines_are_found_with_their_place(text, city, qualifier, body):
    d = find_dateline(text)
    assert d is not None
    assert (d.city, d.qualifier) == (city, qualifier)
    assert text[d.end :].startswith(body)


def test_a_date_and_agency_alone_is_a_dateline_without_a_place():
    text = "Mar. 4 (UPI) — The senate passed the bill."
    d = find_dateline(text)
    assert d is not None and d.city is None and text[d.end :].startswith("The senate")


@pytest.mark.parametrize(
    "text",
    [
        "Peru, which borders Chile, held elections on Sunday.",
        "US-led forces withdrew from the base.",
        "NATO said on Friday it would meet.",
    ],
)
def test_ordinary_openings_are_not_datelines(text):
    assert find_dateline(text) is None


def test_a_dateline_may_follow_a_standfirst():
    text = "A short summary of the story told in one line\n\nROME (AP) — The talks ended."
    d = find_dateline(text)
    assert d is not None and d.city == "ROME"


# -- layout ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("Talks collapse as envoys leave the capital", "headline"),
        ("By Jane Roe and John Doe", "byline"),
        ("Reporting by Ana Silva; editing by Tom Lee", "byline"),
        ("Photo: a crowd outside the court", "credit"),
        ("Read more: what the ruling means", "read-more"),
        ("14:05 GMT", "stamp"),
        ("The minister said the talks had ended without a deal.", None),
    ],
)
def test_layout_roles(line, role):
    [para] = paragraphs(line)
    assert layout_role(para, first=False) == role


def test_a_live_blog_stamp_opening_an_entry_is_measured():
    text = "09:30 BST — The mayor resigned."
    assert text[stamp_prefix(text) :] == "The mayor resigned."
    assert stamp_prefix("9 soldiers were hurt.") == 0


# -- quotes ----------------------------------------------------------------------------------


def _quoted(text: str) -> list[str]:
    return [text[s:e] for s, e in quote_spans(text).spans]


def test_speech_in_every_kind_of_quotation_mark():
    text = (
        "“We will not sign this,” the envoy said.\n\n"
        'The mayor said "the bridge will reopen next week" after the vote.\n\n'
        "The general said ''I order you to stand down'' before leaving."
    )
    assert _quoted(text) == [
        "“We will not sign this,”",
        '"the bridge will reopen next week"',
        "''I order you to stand down''",
    ]


def test_quoted_terms_are_not_speech_and_apostrophes_are_not_quotes():
    text = "The party's leader slammed the “coup” and called the arrests ‘unlawful’."
    assert _quoted(text) == []


def test_a_quote_runs_on_only_into_a_paragraph_that_opens_quoted():
    text = (
        "She said: “We have waited for years. We will not wait more.\n\n"
        "“Our patience is over,” she added.\n\n"
        "He said there was “no plan at all for the families.\n\n"
        "The court adjourned."
    )
    quoted = _quoted(text)
    assert quoted[0].startswith("“We have waited") and quoted[0].endswith("wait more.")
    assert "“no plan at all for the families." in quoted
    assert not any("adjourned" in q for q in quoted)


def test_block_quotes_follow_a_paragraph_ending_in_said():
    text = (
        "Asked about the plan, the spokeswoman said:\n\n"
        "We are ready to start the training of pilots this summer.\n\n"
        "The ministry later said the plan would cost more."
    )
    spans = quote_spans(text)
    assert [text[s:e] for s, e in spans.blocks] == [
        "We are ready to start the training of pilots this summer."
    ]


# -- sentence roles --------------------------------------------------------------------------


def test_sentence_roles_of_a_small_article():
    import datetime as dt

    text = (
        "Rebels quit the northern town\n\n"
        "ACCRA (Reuters) — Rebels withdrew from the town on Monday, the army said.\n\n"
        "“We will free every prisoner,” a commander said.\n\n"
        "The group had seized the town in 2019.\n\n"
        "By Kofi Mensah"
    )
    doc = nlp.load()(text)
    roles = sentence_roles(doc, dt.date(2024, 5, 7))
    got = {s.text.strip()[:12]: roles.of(s) for s in doc.sents}
    assert got["Rebels quit "] == "headline"
    assert got["Rebels withd"] == "body"
    assert got["“We will fre"] in {"body", "quote"}  # the attribution is outside the quote
    assert got["The group ha"] == "background"
    assert got["By Kofi Mens"] == "byline"
    free = next(t for t in doc if t.text == "free")
    assert roles.of_trigger(free) == "quote"


# -- what the event stage makes of them ------------------------------------------------------


def _codes(refs):
    return {r.code for r in refs}


def test_a_dateline_is_never_a_participant(code):
    events = code("HANOI, Vietnam (AP) — Vietnamese students marched on the parliament on Monday.")
    assert events
    for e in events:
        assert not any(r.text.upper() == "HANOI" for r in e.actors + e.recipients)
        assert e.place is not None and e.place.name == "Hanoi"


def test_a_dateline_gives_a_place_only_to_events_without_one(code):
    events = code("TOKYO (AP) — Indian Prime Minister Narendra Modi visited Jakarta on Friday.")
    [visit] = [e for e in events if e.type == "CONSULT"]
    assert visit.place is not None and visit.place.name == "Jakarta"


def test_a_dateline_abroad_gives_no_target(code):
    events = code("SEOUL, South Korea (AP) — North Korea fired a ballistic missile on Sunday.")
    assert events
    for e in events:
        assert "KOR" not in {r.country for r in e.actors + e.recipients}


def test_acts_described_inside_a_quote_are_not_events(code):
    text = (
        "“They bombed our villages and arrested our sons,” a farmer told reporters in Kabul "
        "on Monday."
    )
    assert [e for e in code(text) if e.type in {"ASSAULT", "COERCE"}] == []


def test_a_chant_is_not_an_event(code):
    text = "Thousands of students marched in Dhaka chanting “Free all detainees now”."
    assert not [e for e in code(text) if e.type == "RETREAT"]


def test_the_speakers_own_act_in_a_quote_is_coded_as_his(code):
    text = (
        "“We strongly condemn the expulsion of our diplomats,” the Russian Foreign Ministry "
        "said on Saturday."
    )
    [accuse] = [e for e in code(text, "2023-04-22") if e.type == "ACCUSE"]
    assert _codes(accuse.actors) == {"RUSGOV"}
    assert accuse.mentions[0].role == "quote"


def test_a_quote_in_a_saying_clause_is_the_subjects(code):
    # The participle has no subject of its own: the speaker is the one its clause tells of.
    text = (
        "Chilean President Gabriel Boric confronted the police chief on Monday, saying, "
        "“I order you to withdraw your officers.”"
    )
    [ask] = [e for e in code(text, "2024-06-26") if e.type == "REQUEST"]
    assert _codes(ask.actors) == {"CHLGOV"}
    assert ask.mentions[0].role == "quote"


def test_headline_events_are_left_to_the_body(code):
    text = (
        "Chile and Peru sign fishing accord\n\n"
        "Chile and Peru signed a fishing accord in Lima on Tuesday, officials said."
    )
    events = [e for e in code(text) if e.type == "SUPPORT"]
    assert events and all(e.mentions[0].role == "body" for e in events)


def test_background_events_are_kept_at_lower_confidence(code):
    now = code("Kenyan police arrested 40 protesters in Nairobi on Monday.", "2024-06-27")
    then = code("Kenyan police had arrested 40 protesters in Nairobi in 2019.", "2024-06-27")
    [a] = [e for e in now if e.type == "COERCE"]
    [b] = [e for e in then if e.type == "COERCE"]
    assert b.mentions[0].role == "background" and a.mentions[0].role == "body"
    assert b.confidence < a.confidence


def test_a_live_blog_stamp_is_cut_from_its_entry(code):
    doc = nlp.load()("11:20 GMT — Ukrainian President Volodymyr Zelenskiy visited Rome.")
    assert [s.text.strip() for s in doc.sents][-1].startswith("Ukrainian President")
    [visit] = [e for e in code(doc.text, "2023-05-15") if e.type == "CONSULT"]
    assert visit.date.start == "2023-05-15"


def test_an_explanatory_aside_is_not_coded(code):
    text = (
        "Kenyan police detained Raila Odinga, who had accused President William Ruto of fraud, "
        "in Nairobi on Tuesday."
    )
    types = {e.type for e in code(text)}
    assert "COERCE" in types and "ACCUSE" not in types
    plain = "Raila Odinga accused President William Ruto of fraud in Nairobi on Tuesday."
    assert "ACCUSE" in {e.type for e in code(plain)}


def test_a_clause_on_the_place_goes_on_with_the_news(code):
    # "where" and "when" clauses narrate; "who" and "which" clauses say who someone is.
    text = "Protests erupted in Tunis on Monday, where Tunisian police arrested 20 students."
    [arrest] = [e for e in code(text) if e.type == "COERCE"]
    assert [a.code for a in arrest.actors] == ["TUNCOP"]


def test_a_clause_on_the_place_telling_its_past_is_an_aside(code):
    text = (
        "The Ukrainian president met the Polish prime minister in Kyiv on Monday, where "
        "Russian missiles killed 20 people in 2022."
    )
    assert "ASSAULT" not in {e.type for e in code(text, "2024-06-01")}


def test_a_reporters_question_is_not_a_request(code):
    framed = (
        "Asked about the new tariffs, Canadian Prime Minister Mark Carney said Ottawa would wait."
    )
    assert "REQUEST" not in {e.type for e in code(framed, "2025-04-02")}
    asked = "Haiti was asked by Kenya to host the next round of talks."
    assert "REQUEST" in {e.type for e in code(asked, "2025-04-02")}
