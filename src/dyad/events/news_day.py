"""An act the text gives no date is dated by the article's news day, not its timestamp.

A report is written about one day's news: its lead tells what happened and when ("on
Tuesday"), and the acts told after it without a date of their own are, unless the text says
otherwise, of that day. The publication timestamp is often the day after (an overnight
edition, a time zone ahead, a wire story taken up later), and the real-news analysts date
such acts by the news day: the latest stated day of an act told as news in the week before
publication (the story's newest development; acts dated earlier are its backstory, and one
of a day further back is history). Only acts told as news and occurred take it (a plan is
dated from the report, background keeps its own vagueness); precision ``news_day`` says the
day was inferred, not stated.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from dyad.records import Event

NEWS_ROLES = frozenset({"body", "headline", "standfirst"})
NEWS_DAY_WINDOW = dt.timedelta(days=7)


def on_news_day(events: list[Event]) -> list[Event]:
    """``events`` of one document, the undated acts told as news dated by its news day."""
    day = news_day(events)
    if day is None:
        return events
    return [
        replace(e, date=replace(e.date, start=day, end=day, precision="news_day"))
        if _undated_news(e) and e.date.anchor != day
        else e
        for e in events
    ]


def news_day(events: list[Event]) -> str | None:
    """The latest stated day of the document's acts told as news that occurred in the week
    before publication, or None when there is none."""
    days = []
    for e in events:
        if e.status != "occurred" or not _told_as_news(e) or e.date.precision != "day":
            continue
        if not e.date.start or not e.date.anchor:
            continue
        day = dt.date.fromisoformat(e.date.start[:10])
        if dt.timedelta(0) <= dt.date.fromisoformat(e.date.anchor[:10]) - day <= NEWS_DAY_WINDOW:
            days.append(day)
    return max(days).isoformat() if days else None


def _told_as_news(e: Event) -> bool:
    return bool(e.mentions) and e.mentions[0].role in NEWS_ROLES


def _undated_news(e: Event) -> bool:
    return e.status == "occurred" and e.date.precision == "publication" and _told_as_news(e)
