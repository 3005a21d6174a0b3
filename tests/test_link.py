"""Cross-document linking (issue #8) on small sets of reports written for these tests."""

from __future__ import annotations

import pytest

from dyad.coder import Coder
from dyad.ingest import make_document
from dyad.link import LinkedEvent, Linker

from .link_cases import A_MONTH_APART, ANNOUNCED_THEN_HELD, CANCELLED, TWO_CITIES_ONE_DAY, XI_PUTIN


def link(coder: Coder, reports, mode: str | None = None):  # type: ignore[no-untyped-def]
    """Link the CONSULT events of the given mode (meetings, or visits) across reports."""
    linker = Linker()
    decisions = []
    for source, published, text, _event, _story in reports:
        doc = make_document(text, origin=source, published=published, source=source)
        [(_, events)] = list(coder.code([doc]))
        wanted = [e for e in events if e.type == "CONSULT" and e.mode == mode]
        decisions.append(linker.add(wanted, source=source))
    return linker, decisions


def consults(linker: Linker) -> list[LinkedEvent]:
    return [le for le in linker.events if le.event.type == "CONSULT"]


def test_link_outlets_reporting_one_meeting_make_one_event(coder: Coder) -> None:
    linker, decisions = link(coder, XI_PUTIN)
    [meeting] = consults(linker)
    assert len(meeting.documents) == 3 and meeting.sources == {"Wire A", "Wire B", "Paper C"}
    assert meeting.event.date.start == "2023-03-21"
    assert meeting.event.place is not None and meeting.event.place.name == "Moscow"
    assert all(d[1].startswith("joined") for d in decisions[1] + decisions[2])
    assert "same participants" in meeting.reasons[1]


def test_link_announcement_then_report_becomes_occurred(coder: Coder) -> None:
    linker, _ = link(coder, ANNOUNCED_THEN_HELD)
    [meeting] = consults(linker)
    assert meeting.event.status == "occurred"
    assert len(meeting.event.mentions) == 2
    assert meeting.event.date.start == "2023-06-22" and meeting.event.date.precision == "day"


def test_link_cancellation_makes_planned_event_negated(coder: Coder) -> None:
    linker, _ = link(coder, CANCELLED, mode="visit")
    [visit] = consults(linker)
    assert visit.event.status == "negated"
    assert len(visit.documents) == 2


@pytest.mark.parametrize("reports", [A_MONTH_APART, TWO_CITIES_ONE_DAY], ids=["month", "cities"])
def test_link_look_alike_events_stay_apart(coder: Coder, reports) -> None:  # type: ignore[no-untyped-def]
    linker, decisions = link(coder, reports)
    assert len(consults(linker)) == 2
    assert all(d[1] == "new" for ds in decisions for d in ds)


def test_link_is_deterministic_and_keeps_first_id(coder: Coder) -> None:
    a, _ = link(coder, XI_PUTIN)
    b, _ = link(coder, XI_PUTIN)
    assert [le.event for le in a.events] == [le.event for le in b.events]
    first_doc = make_document(XI_PUTIN[0][2], origin="x", published=XI_PUTIN[0][1])
    [(_, first_events)] = list(coder.code([first_doc]))
    assert consults(a)[0].event.id == [e for e in first_events if e.type == "CONSULT"][0].id
