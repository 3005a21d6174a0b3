"""The real-news scorer (``bench/real_news*.py``): matching, scoring and linking rules checked on
made-up events, then a smoke run on two dev articles of ``../shared/eval/real_news`` when
that set is present. The made-up texts below are invented for these tests."""

from __future__ import annotations

import pytest
from bench import real_news
from bench.real_news_link import score_group, shared_key
from bench.real_news_match import (
    Expected,
    best_expected,
    date_ok,
    expected_events,
    fits,
    locate,
    place_ok,
    score_article,
    set_code,
    triple_ok,
)

from dyad.ingest import make_document
from dyad.records import ActorRef, DateInfo, Event, Mention, Place

TEXT = (
    "ZENDA — Guards of Ruritania detained the mayor on Friday, a day after he tried to\n"
    "disband  the town council.\n\n"
    "The opposition called the move a “coup against the people”."
)
FIRST = TEXT.index("Guards")
FIRST_END = TEXT.index("council.") + len("council.")
SECOND = TEXT.index("The opposition")


def ref(code: str) -> ActorRef:
    country, sector = code[:3], code[3:] or None
    return ActorRef(code, code, None, country, sector, None, code, "state", 1.0)


def event(
    type_: str,
    trigger: str,
    *,
    sentence: tuple[int, int] = (FIRST, FIRST_END),
    actors: tuple[str, ...] = (),
    recipients: tuple[str, ...] = (),
    date: str | None = "2024-05-10",
    place: Place | None = None,
    doc: str = "doc_a",
    text: str = TEXT,
) -> Event:
    at = text.index(trigger, sentence[0])
    mention = Mention(
        doc,
        text[sentence[0] : sentence[1]],
        sentence[0],
        sentence[1],
        trigger,
        at,
        at + len(trigger),
    )
    return Event(
        id=f"ev_{doc}_{type_}_{at}",
        type=type_,
        mode=None,
        contexts=[],
        topics=[],
        cameo="",
        quad_class=0,
        goldstein=0.0,
        status="occurred",
        actors=[ref(c) for c in actors],
        recipients=[ref(c) for c in recipients],
        date=DateInfo(date, date, "day", None, None),
        place=place,
        mentions=[mention],
    )


def annotation(**kw: object) -> dict[str, object]:
    base: dict[str, object] = {
        "actor": "RUR COP",
        "type": "COERCE",
        "mode": "arrest",
        "recipient": "RUR GOV",
        "status": "occurred",
        "date": "2024-05-10",
        "place": "",
        "cue": "detained",
        "evidence": "Guards of Ruritania detained the mayor on Friday",
        "optional": False,
    }
    base.update(kw)
    return base


def expected(*events: dict[str, object], text: str = TEXT, article: str = "a") -> list[Expected]:
    return expected_events(article, text, list(events))


# -- locating evidence ---------------------------------------------------------------------


def test_evidence_is_found_across_quotes_and_whitespace() -> None:
    # The annotation has straight quotes and single spaces; the text curly ones and a line break.
    span, cues = locate(TEXT, 'called the move a "coup against the people"', "coup")
    assert span is not None and TEXT[span[0] : span[1]].startswith("called the move")
    assert [TEXT[c : c + 4] for c in cues] == ["coup"]
    span, _ = locate(TEXT, "tried to disband the town council.", "disband")
    assert span == (TEXT.index("tried"), FIRST_END)


def test_evidence_missing_from_the_text_has_no_span() -> None:
    assert locate(TEXT, "Guards of Graustark detained", "detained") == (None, ())


# -- matching ------------------------------------------------------------------------------


def test_match_needs_the_type_the_overlap_and_the_cue() -> None:
    [x] = expected(annotation())
    assert fits(event("COERCE", "detained"), x)
    assert not fits(event("ASSAULT", "detained"), x)  # another type
    other = event("COERCE", "called", sentence=(SECOND, len(TEXT)))
    assert not fits(other, x)  # another sentence


def test_cue_outside_the_overlap_does_not_match() -> None:
    # The evidence is the second sentence; Dyad's mention covers only the first, which holds
    # the same cue word: overlapping sentences are not enough, the cue must be in the overlap.
    text = "Guards detained the mayor. Guards detained the judge."
    second = text.index("Guards detained the judge")
    [x] = expected(annotation(evidence="Guards detained the judge."), text=text)
    # Dyad's sentence runs into the evidence's first word, not to its cue.
    into = event("COERCE", "detained", sentence=(0, second + len("Guards")), text=text)
    assert not fits(into, x)
    both = event("COERCE", "detained", sentence=(0, len(text)), text=text)
    assert fits(both, x)  # a merged sentence that holds the evidence's cue still matches


def test_two_events_of_one_type_in_one_sentence_are_told_apart_by_trigger() -> None:
    arrest, dissolve = expected(
        annotation(),
        annotation(
            actor="RUR GOV",
            mode=None,
            recipient="RUR LEG",
            cue="disband",
            evidence="Guards of Ruritania detained the mayor on Friday, a day after he tried to "
            "disband the town council.",
        ),
    )
    assert best_expected(event("COERCE", "disband"), [arrest, dissolve]) is dissolve
    assert best_expected(event("COERCE", "detained"), [arrest, dissolve]) is arrest


def test_triples_compare_code_sets_in_any_order() -> None:
    [x] = expected(annotation(actor="RUR MIL; RUR COP"))
    assert triple_ok(
        event("COERCE", "detained", actors=("RURCOP", "RURMIL"), recipients=("RURGOV",)), x
    )
    assert not triple_ok(event("COERCE", "detained", actors=("RURCOP",), recipients=("RURGOV",)), x)
    # A country without a sector is not the sector the annotation names.
    assert not triple_ok(
        event("COERCE", "detained", actors=("RURCOP", "RURMIL"), recipients=("RUR",)), x
    )


def test_a_bare_country_counts_as_its_government_only_when_asked() -> None:
    [x] = expected(annotation())
    bare = event("COERCE", "detained", actors=("RURCOP",), recipients=("RUR",))
    assert not triple_ok(bare, x)
    assert triple_ok(bare, x, bare_is_gov=True)
    other_sector = event("COERCE", "detained", actors=("RURCOP",), recipients=("RURMIL",))
    assert not triple_ok(other_sector, x, bare_is_gov=True)


def test_dates_compare_at_the_expected_precision() -> None:
    [day] = expected(annotation())
    [month] = expected(annotation(date="2024-05"))
    assert date_ok(event("COERCE", "detained", date="2024-05-10"), day)
    assert not date_ok(event("COERCE", "detained", date="2024-05-09"), day)
    assert date_ok(event("COERCE", "detained", date="2024-05-09"), month)
    assert not date_ok(event("COERCE", "detained", date=None), month)


def test_places_match_by_name_or_by_country() -> None:
    [x] = expected(annotation(place="Zenda township"))
    zenda = Place("Zenda", "RUR", None, None, None)
    elsewhere = Place("Strelsau", "RUR", None, None, None)
    abroad = Place("Strelsau", "GRA", None, None, None)
    assert place_ok(event("COERCE", "detained", place=zenda), x)
    assert not place_ok(event("COERCE", "detained", place=elsewhere), x)
    assert place_ok(event("COERCE", "detained", place=elsewhere), x, lambda _name: {"RUR"})
    assert not place_ok(event("COERCE", "detained", place=abroad), x, lambda _name: {"RUR"})
    assert not place_ok(event("COERCE", "detained", place=None), x, lambda _name: {"RUR"})


# -- scoring an article --------------------------------------------------------------------


def test_duplicates_optional_events_and_verdicts() -> None:
    key, optional = expected(
        annotation(),
        annotation(
            type="ACCUSE",
            mode="disapprove",
            actor="RUR OPP",
            cue="called",
            evidence="The opposition called the move",
            optional=True,
        ),
    )
    second = (SECOND, len(TEXT))
    events = [
        event("COERCE", "detained", actors=("RURCOP",), recipients=("RURGOV",)),
        event("COERCE", "detained"),  # the same arrest again, with no participants
        event("ACCUSE", "called", sentence=second),  # the optional event: right, not a key
        event("REQUEST", "called", sentence=second),  # codes nothing
    ]
    s = score_article("a", events, [key, optional], {})
    assert s.right == [True, True, True, False]
    assert s.duplicates() == 2 and s.extra_duplicates() == 1
    assert s.found(key) and s.best[key.index] is events[0]  # the one with the right triple
    assert [k.index for k in s.keys] == [key.index]
    judged = score_article(
        "a", events, [key, optional], {("a", SECOND, "REQUEST", None, None): "right"}
    )
    assert judged.right == [True, True, True, True]
    overruled = score_article(
        "a", events, [key, optional], {("a", FIRST, "COERCE", None, None): "wrong"}
    )
    assert overruled.right[:2] == [False, False]


def test_a_verdict_on_any_mention_judges_the_merged_event() -> None:
    second = (SECOND, len(TEXT))
    merged = event("REQUEST", "detained")
    merged.mentions.append(event("REQUEST", "called", sentence=second).mentions[0])
    verdicts = {("a", SECOND, "REQUEST", None, None): "right"}
    assert score_article("a", [merged], [], verdicts).right == [True]
    assert score_article("a", [merged], [], {}).right == [False]


def test_a_verdict_naming_sides_holds_only_while_the_event_keeps_them() -> None:
    arrest = event("COERCE", "detained", actors=("RURCOP",), recipients=("RURGOV",))
    kept = {("a", FIRST, "COERCE", "RURCOP", "RURGOV"): "right"}
    assert score_article("a", [arrest], [], kept).right == [True]
    moved = {("a", FIRST, "COERCE", "RURCOP", "-"): "right"}
    assert score_article("a", [arrest], [], moved).right == [False]


# -- linking -------------------------------------------------------------------------------

OTHER = "STRELSAU — Ruritanian guards detained the mayor of Zenda on Friday, officials said."


def _pair(b_actors: tuple[str, ...], b_annotation: dict[str, object]):  # type: ignore[no-untyped-def]
    docs = [
        make_document(TEXT, origin="a", source="Outlet A", published="2024-05-11"),
        make_document(OTHER, origin="b", source="Outlet B", published="2024-05-11"),
    ]
    ev_a = event("COERCE", "detained", actors=("RURCOP",), recipients=("RURGOV",), doc=docs[0].id)
    ev_b = event(
        "COERCE",
        "detained",
        sentence=(OTHER.index("Ruritanian"), len(OTHER)),
        actors=b_actors,
        recipients=("RURGOV",),
        doc=docs[1].id,
        text=OTHER,
    )
    scores = [
        score_article("a", [ev_a], expected(annotation(), article="a"), {}),
        score_article("b", [ev_b], expected(b_annotation, text=OTHER, article="b"), {}),
    ]
    return docs, scores


def test_group_linked_when_the_store_joins_the_shared_event() -> None:
    b_key = annotation(evidence="Ruritanian guards detained the mayor of Zenda")
    docs, scores = _pair(("RURCOP",), b_key)
    assert [x.index for x in shared_key(scores) or []] == [0, 0]
    got = score_group("arrest of the mayor", docs, scores)
    assert got.linked and got.wrong_joins == 0 and got.found_in == 2


def test_group_not_linked_when_participants_differ() -> None:
    b_key = annotation(evidence="Ruritanian guards detained the mayor of Zenda")
    docs, scores = _pair(("RURMIL",), b_key)
    got = score_group("arrest of the mayor", docs, scores)
    assert not got.linked and got.found_in == 2 and got.wrong_joins == 0


def test_joining_events_that_code_different_events_is_a_wrong_join() -> None:
    # Outlet B's sentence is annotated as another event (another recipient): the store still
    # joins the two Dyad events, which are coded alike.
    b_other = annotation(recipient="RUR LEG", evidence="Ruritanian guards detained the mayor")
    docs, scores = _pair(("RURCOP",), b_other)
    assert shared_key(scores) is None
    got = score_group("arrest of the mayor", docs, scores)
    assert got.wrong_joins == 1 and not got.linked


# -- smoke run on real articles ------------------------------------------------------------

PAIR = ["pe-rolex-raid-dawn", "pe-rolex-raid-aljazeera"]  # one links.json group, split dev


@pytest.mark.skipif(
    not (real_news.DATA / "articles.jsonl").exists(),
    reason=f"real-news set not found at {real_news.DATA} (it is read from ../shared, never copied)",
)
def test_bench_runs_on_two_dev_articles(capsys: pytest.CaptureFixture[str]) -> None:
    real_news.main(["--split", "dev", "--articles", *PAIR])
    out = capsys.readouterr().out
    assert "split: dev (2 articles)" in out
    summary = next(line for line in out.splitlines() if line.startswith("split dev:"))
    for part in ("precision", "recall", "triples", "dates", "places", "duplicates", "linking"):
        assert part in summary
    assert "linking" in summary and "/1 groups" in summary
    assert "link COERCE/seize" in out


@pytest.mark.parametrize(
    ("actor_id", "role", "code", "expected"),
    [
        ("united-nations", None, "IGOIGO", "UNOIGO"),
        ("unhcr", None, "IGOIGO", "UNOIGO"),
        ("international-court-of-justice", None, "IGOIGO", "UNOJUD"),
        ("european-commission", None, "IGOIGO", "EURIGO"),
        ("josep-borrell", "High Representative of the Union", "IGOIGO", "EURIGO"),
        ("mark-rutte", "Secretary General of NATO", "IGOIGO", "NATIGO"),
        ("amnesty-international", None, "NGONGO", "INTNGO"),
        ("opec", None, "IGOIGO", "IGOIGO"),
        (None, None, "PERGOV", "PERGOV"),
    ],
)
def test_international_bodies_take_the_sets_codes(actor_id, role, code, expected):
    ref = ActorRef("x", "x", actor_id, code[:3], code[3:], role, code, "kb", 1.0)
    assert set_code(ref) == expected
