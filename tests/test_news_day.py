"""An undated act told as news takes the article's news day, not its publication stamp."""

from __future__ import annotations

# Published on a Wednesday: "on Tuesday" is 2024-06-25.
LEAD = "Peru expelled the Mexican ambassador on Tuesday. "
FOLLOW = "Mexico's foreign minister criticised the Peruvian government."


def _by_type(events):  # type: ignore[no-untyped-def]
    return {e.type: e for e in events}


def test_an_undated_act_takes_the_day_of_the_news(code):
    events = _by_type(code(LEAD + FOLLOW, "2024-06-26"))
    assert events["SANCTION"].date.start == "2024-06-25"
    assert events["SANCTION"].date.precision == "day"
    accuse = events["ACCUSE"].date
    assert (accuse.start, accuse.precision) == ("2024-06-25", "news_day")


def test_without_a_dated_act_the_publication_date_stays(code):
    accuse = _by_type(code(FOLLOW, "2024-06-26"))["ACCUSE"].date
    assert (accuse.start, accuse.precision) == ("2024-06-26", "publication")


def test_a_day_further_back_than_a_week_is_history_not_news(code):
    text = "Peru expelled the Mexican ambassador on June 3. " + FOLLOW
    accuse = _by_type(code(text, "2024-06-26"))["ACCUSE"].date
    assert (accuse.start, accuse.precision) == ("2024-06-26", "publication")


def test_a_planned_act_keeps_the_publication_date(code):
    text = LEAD + "Mexico's foreign minister will visit the Peruvian capital."
    consult = _by_type(code(text, "2024-06-26"))["CONSULT"]
    assert consult.status == "planned"
    assert consult.date.precision == "publication"
