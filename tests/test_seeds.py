"""Acceptance on the two seed articles (issue #2). They live in ../shared/seeds/."""

from __future__ import annotations

import pytest

from dyad.coder import Coder
from dyad.ingest import read
from dyad.records import Document, Event

from .conftest import SEEDS


def _code(coder: Coder, name: str, published: str | None) -> list[Event]:
    [doc] = list(read([SEEDS / name], published=published))
    assert isinstance(doc, Document)
    return next(iter(coder.code([doc])))[1]


@pytest.fixture(scope="module")
def meeting(coder: Coder) -> list[Event]:
    return _code(coder, "li-qiang-meets-boluarte.txt", "2024-06-28")


@pytest.fixture(scope="module")
def arrival(coder: Coder) -> list[Event]:
    return _code(coder, "boluarte-arrives-in-beijing.txt", "2024-06-27")


def names(refs) -> set[str]:  # type: ignore[no-untyped-def]
    return {r.name for r in refs}


def codes(refs) -> set[str]:  # type: ignore[no-untyped-def]
    return {r.code for r in refs}


def find(events: list[Event], type_: str, **kw) -> list[Event]:  # type: ignore[no-untyped-def]
    out = [e for e in events if e.type == type_]
    for key, value in kw.items():
        out = [e for e in out if getattr(e, key) == value]
    return out


def test_seed_meeting_is_one_occurred_consult_in_beijing(meeting: list[Event]) -> None:
    consults = [
        e
        for e in find(meeting, "CONSULT", status="occurred")
        if "Li Qiang" in names(e.actors + e.recipients)
    ]
    assert len(consults) == 1
    ev = consults[0]
    assert names(ev.actors) == {"Dina Boluarte"} and codes(ev.actors) == {"PERGOV"}
    assert names(ev.recipients) == {"Li Qiang"} and codes(ev.recipients) == {"CHNGOV"}
    assert ev.place is not None and ev.place.name == "Beijing" and ev.place.country == "CHN"
    assert (ev.date.start, ev.date.precision) == ("2024-06-28", "day")
    assert {"economic", "diplomatic"} <= set(ev.contexts)
    assert {"trade", "investment", "culture"} <= set(ev.topics)
    assert len(ev.mentions) >= 2  # headline, "met", "held a meeting" are one meeting
    for m in ev.mentions:
        assert m.sentence in SEEDS.joinpath("li-qiang-meets-boluarte.txt").read_text()


def test_seed_meeting_agreements_support_and_request(meeting: list[Event]) -> None:
    trade = [
        e for e in find(meeting, "AGREE") if names(e.actors) == {"Li Qiang"} and "trade" in e.topics
    ]
    assert trade, "Li Qiang proposes initiatives to expand trade"
    support = [e for e in find(meeting, "SUPPORT") if names(e.actors) == {"Dina Boluarte"}]
    assert support and codes(support[0].recipients) == {"CHNGOV"}
    request = [e for e in find(meeting, "REQUEST") if names(e.actors) == {"Dina Boluarte"}]
    assert request and codes(request[0].recipients) == {"CHNBUS"}
    both = [e for e in find(meeting, "AGREE") if "multilateralism" in e.topics]
    assert both and names(both[0].actors) == {"Li Qiang", "Dina Boluarte"}
    assert all(e.coder_version for e in meeting)


def test_seed_arrival_visit_invitation_and_planned_meetings(arrival: list[Event]) -> None:
    visits = [
        e
        for e in find(arrival, "CONSULT", mode="visit", status="occurred")
        if e.place and e.place.name == "Beijing"
    ]
    assert len(visits) == 1
    v = visits[0]
    assert names(v.actors) == {"Dina Boluarte"} and codes(v.actors) == {"PERGOV"}
    assert codes(v.recipients) == {"CHNGOV"}
    assert (v.date.start, v.date.end, v.date.precision) == ("2024-06-27", "2024-06-27", "day")

    invite = [e for e in find(arrival, "AGREE") if names(e.actors) == {"Xi Jinping"}]
    assert invite and names(invite[0].recipients) == {"Dina Boluarte"}
    assert codes(invite[0].actors) == {"CHNGOV"}

    planned = find(arrival, "CONSULT", status="planned")
    partners = {}
    for e in planned:
        people = names(e.actors + e.recipients)
        assert "Dina Boluarte" in people
        for other in people - {"Dina Boluarte"}:
            partners[other] = e
    assert {"Xi Jinping", "Li Qiang", "Zhao Leji"} <= set(partners)
    assert codes(partners["Zhao Leji"].actors + partners["Zhao Leji"].recipients) >= {"CHNLEG"}
    assert partners["Li Qiang"] is not partners["Zhao Leji"]  # "separate meetings"


def test_seed_arrival_state_visit_range_and_huawei(arrival: list[Event]) -> None:
    ranged = [e for e in find(arrival, "CONSULT", mode="visit") if e.date.precision == "range"]
    assert ranged and (ranged[0].date.start, ranged[0].date.end) == ("2024-06-25", "2024-06-29")
    huawei = [e for e in find(arrival, "CONSULT", mode="visit") if "Huawei" in names(e.recipients)]
    assert len(huawei) == 1
    assert codes(huawei[0].recipients) == {"CHNBUS"}
    assert huawei[0].place is not None and huawei[0].place.name == "Shenzhen"


def test_seed_arrival_no_credit_names_and_no_standing_facts(arrival: list[Event]) -> None:
    everyone = {r.text for e in arrival for r in e.actors + e.recipients}
    assert not any(n in t for t in everyone for n in ("You Yang", "Cai Jingxuan", "CGTN"))
    for e in arrival:
        assert "largest trading partners" not in e.mentions[0].sentence


def test_seed_without_published_date_invents_no_date(coder: Coder) -> None:
    events = _code(coder, "boluarte-arrives-in-beijing.txt", None)
    assert events
    for e in events:
        assert e.date.start is None and e.date.precision == "unknown"


def test_seed_places_within_25_km_of_true_coordinates(arrival: list[Event]) -> None:
    from .test_where import km

    truth = {"Beijing": (39.9042, 116.4074), "Shenzhen": (22.5431, 114.0579)}
    seen = {e.place.name: e.place for e in arrival if e.place is not None}
    assert set(truth) <= set(seen)
    for name, (lat, lon) in truth.items():
        place = seen[name]
        assert place.country == "CHN" and place.lat is not None and place.lon is not None
        assert km(place.lat, place.lon, lat, lon) < 25
