"""The HTTP API and the pages of ``dyad serve`` (``dyad.api``), through FastAPI's TestClient.

Most tests serve the stub corpus of tests/test_store.py (six known events coded without
spaCy), on SQLite and on PostgreSQL; one codes a seed article with the real coder.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from dyad.api import SETTINGS, Settings, create_app, queries
from dyad.cli import app as cli
from dyad.records import ActorRef, Event
from dyad.store import Filters, Store
from tests.conftest import SEEDS
from tests.test_store import (  # noqa: F401  (db_url is the SQLite/PostgreSQL fixture)
    AGGREGATE_FILTERS,
    BOTH_ACTORS,
    CHN_CHN,
    CHN_PER,
    PER_CHN,
    USA_CHN,
    StubCoder,
    VariedCoder,
    corpus,
    db_url,
    doc,
    generated_corpus,
    ingest,
)

TOKEN = "test-token-123"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LOCAL = "http://localhost"  # the server answers loopback names only (--allow-host for others)


@pytest.fixture(autouse=True)
def no_user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The server reads $DYAD_CONFIG (actors, token) and $DYAD_TOKEN: keep the user's out.
    monkeypatch.setenv("DYAD_CONFIG", str(tmp_path / "config"))
    monkeypatch.delenv("DYAD_TOKEN", raising=False)
    monkeypatch.delenv("DYAD_DB", raising=False)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:  # noqa: F811
    with Store.open(db_url) as s:
        ingest(s, corpus())
        yield s


def serve(store: Store, **settings: object) -> TestClient:
    options = {"token": TOKEN, **settings}
    return TestClient(
        create_app(store, Settings(**options), coder=StubCoder()),  # type: ignore[arg-type]
        base_url=LOCAL,
    )


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with serve(store) as c:
        yield c


def ids(events: list[dict]) -> list[str]:  # type: ignore[type-arg]
    return [e["id"] for e in events]


def expected(store: Store, **filters: str) -> list[str]:
    return [s.event.id for s in store.events(Filters.parse(**filters))]  # type: ignore[arg-type]


# Events -----------------------------------------------------------------------------


def test_api_events_lists_every_event_by_date_undated_last(
    client: TestClient, store: Store
) -> None:
    r = client.get("/api/events", params={"count": "true"})
    assert r.status_code == 200
    body = r.json()
    assert body["count"] == 6 and body["next"] is None
    assert ids(body["events"]) == expected(store)
    dates = [e["date"]["start"] for e in body["events"]]
    assert dates == ["2023-12-31", "2024-01-10", "2024-03-02", "2024-06-27", "2024-11-15", None]
    # The records are the JSON of `dyad code`, with every field.
    assert body["events"][0]["actors"][0]["code"] == "USAGOV"
    assert body["events"][0]["mentions"][0]["sentence"] == USA_CHN


@pytest.mark.parametrize(
    ("query", "filters", "n"),
    [
        ("dyad=CHN-PER", {"dyad": "CHN-PER"}, 3),
        ("dyad=per-chn", {"dyad": "PER-CHN"}, 3),
        ("country=USA", {"country": "USA"}, 2),
        ("actor=boluarte", {"actor": "boluarte"}, 4),
        ("actor=xi-jinping", {"actor": "xi-jinping"}, 5),
        ("type=consult", {"type": "CONSULT"}, 2),
        ("status=planned", {"status": "planned"}, 1),
        ("since=2024-03&until=2024-06-30", {"since": "2024-03", "until": "2024-06-30"}, 2),
        ("dyad=CHN-PER&type=CONSULT&status=occurred", {"dyad": "CHN-PER", "type": "CONSULT"}, 1),
    ],
)
def test_api_events_filters_match_the_command_line(
    client: TestClient, store: Store, query: str, filters: dict[str, str], n: int
) -> None:
    body = client.get(f"/api/events?{query}&count=true").json()
    assert ids(body["events"]) == expected(store, **filters)
    assert body["count"] == len(body["events"]) == n


def test_api_events_blank_filters_are_ignored(client: TestClient) -> None:
    body = client.get("/api/events?dyad=&actor=&country=&type=&status=&since=&until=").json()
    assert len(body["events"]) == 6
    # Counting every match is a full scan on a large store: only on request.
    assert body["count"] is None


def test_api_events_cursor_pages_show_every_event_once(client: TestClient, store: Store) -> None:
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 4, **({"cursor": cursor} if cursor else {})}
        body = client.get("/api/events", params=params).json()
        seen += ids(body["events"])
        pages += 1
        cursor = body["next"]
        if cursor is None:
            break
    assert pages == 2
    assert seen == expected(store)


def test_api_events_cursor_is_stable_under_inserts(client: TestClient, store: Store) -> None:
    first = client.get("/api/events", params={"limit": 2}).json()
    before = expected(store)
    # New events land before the cursor (2020) and after it (2025) while a client pages.
    # (Participants no stored event has, so the store links neither to an existing one.)
    ingest(
        store,
        [
            doc("AID occurred 2020-01-01 USA/Joe Biden -> MEX/Claudia Sheinbaum", origin="x"),
            doc("AID occurred 2025-01-01 USA/Joe Biden -> MEX/Claudia Sheinbaum", origin="y"),
        ],
    )
    rest = client.get("/api/events", params={"limit": 50, "cursor": first["next"]}).json()
    seen = ids(first["events"]) + ids(rest["events"])
    assert len(seen) == len(set(seen))  # nothing twice
    assert set(before) <= set(seen)  # nothing that was there is skipped
    dates = [e["date"]["start"] for e in rest["events"]]
    assert "2025-01-01" in dates and "2020-01-01" not in dates


def test_api_event_detail_has_evidence_with_trigger_and_actor_offsets(
    client: TestClient, store: Store
) -> None:
    event_id = expected(store, dyad="CHN-PER", type="CONSULT")[0]
    r = client.get(f"/api/events/{event_id[:10]}")  # a prefix only it has
    assert r.status_code == 200
    body = r.json()
    assert body["event"]["id"] == event_id
    [evidence] = body["evidence"]
    sentence = evidence["sentence"]
    assert sentence == CHN_PER
    marked = {(s["kind"], sentence[s["start"] : s["end"]]) for s in evidence["spans"]}
    assert marked == {
        ("trigger", "CONSULT"),
        ("actor", "Xi Jinping"),
        ("recipient", "Dina Boluarte"),
    }
    assert [p["side"] for p in body["participants"]] == ["actor", "recipient"]
    # Roles on the event's date come from the knowledge base.
    xi = body["participants"][0]
    assert xi["kind"] == "person"
    assert xi["role_on_date"]["country"] == "CHN" and xi["role_on_date"]["current"]
    assert body["documents"][0]["published"] == "2024-06-27"


def test_api_event_told_by_two_documents_has_evidence_from_each(store: Store) -> None:
    # The same meeting in a second article is linked to the stored event by the store.
    second = doc("Report of the day.", CHN_PER, origin="second.txt")
    ingest(store, [second])
    [event_id] = expected(store, dyad="CHN-PER", type="CONSULT")
    with serve(store) as client:
        body = client.get(f"/api/events/{event_id}").json()
        docs = [e["document_id"] for e in body["evidence"]]
        assert len(set(docs)) == 2 and second.id in docs
        assert {d["id"] for d in body["documents"]} == set(docs)
        page = client.get(f"/api/documents/{second.id}").json()
    assert [m["event_id"] for m in page["mentions"]] == [event_id]


def test_api_document_locates_its_event_mentions_in_its_text(
    client: TestClient, store: Store
) -> None:
    first = corpus()[0]
    r = client.get(f"/api/documents/{first.id}")
    assert r.status_code == 200
    body = r.json()
    text = body["text"]
    assert text == first.text
    found = [
        (text[m["sentence_start"] : m["sentence_end"]], text[m["trigger_start"] : m["trigger_end"]])
        for m in body["mentions"]
    ]
    assert found == [(CHN_PER, "CONSULT"), (PER_CHN, "ACCUSE")]


# Actors, statistics, network, stories -------------------------------------------------


def test_api_actors_search_finds_knowledge_base_and_store_actors(client: TestClient) -> None:
    body = client.get("/api/actors", params={"q": "Boluarte"}).json()
    first = body["actors"][0]
    assert first["actor_id"] == "dina-boluarte" and first["in_kb"]
    assert first["events"] == 4 and first["countries"] == ["PER"]
    # "Premier Li" is resolved as the coder would resolve it.
    li = client.get("/api/actors", params={"q": "Premier Li Qiang"}).json()["actors"][0]
    assert li["actor_id"] == "li-qiang" and li["events"] == 1


def test_api_actor_has_dated_roles_and_event_counts(client: TestClient) -> None:
    body = client.get("/api/actors/dina-boluarte").json()
    assert body["name"] == "Dina Boluarte" and body["in_kb"]
    president = [r for r in body["roles"] if r["title"] == "President"]
    assert president and president[0]["start"] == "2022-12-07"
    counts = body["counts"]
    assert counts["events"] == 4
    assert (counts["as_actor"], counts["as_recipient"]) == (2, 2)
    assert counts["by_type"] == {"ACCUSE": 1, "AGREE": 1, "AID": 1, "CONSULT": 1}
    assert counts["by_year"] == {"2024": 3, "undated": 1}
    assert (counts["first"], counts["last"]) == ("2024-03-02", "2024-11-15")


def test_api_stats_counts_a_dyad_by_period(client: TestClient) -> None:
    body = client.get("/api/stats", params={"dyad": "CHN-PER", "by": "month"}).json()
    assert [p["period"] for p in body["periods"]] == ["2024-03", "2024-06", "2024-11"]
    june = body["periods"][1]
    assert june["by_type"] == {"CONSULT": 1} and june["by_quad"] == {"1": 1}
    assert june["goldstein_mean"] == 1.0
    total = body["total"]
    assert total["events"] == 3 and total["by_quad"] == {"1": 2, "3": 1}
    assert total["goldstein_mean"] == pytest.approx((1.0 + 4.0 - 2.0) / 3, abs=1e-3)


def test_api_network_weights_edges_by_events_and_colours_by_goldstein(
    client: TestClient,
) -> None:
    body = client.get("/api/network").json()
    edges = {(e["source"], e["target"]): e for e in body["edges"]}
    assert set(edges) == {("CHN", "PER"), ("CHN", "USA"), ("PER", "USA")}
    assert edges["CHN", "PER"]["events"] == 3
    assert edges["CHN", "PER"]["goldstein_mean"] == pytest.approx(1.0, abs=1e-3)
    assert edges["CHN", "USA"]["goldstein_mean"] == -10.0
    actors = client.get("/api/network", params={"by": "actor", "country": "CHN"}).json()
    labels = {n["id"]: n["label"] for n in actors["nodes"]}
    assert labels["li-qiang"] == "Li Qiang"


def test_api_stories_group_the_documents_of_matching_events(client: TestClient) -> None:
    body = client.get("/api/stories", params={"dyad": "CHN-PER"}).json()
    stories = body["stories"]
    assert stories
    told = {d for s in stories for d in s["documents"]}
    assert told == {corpus()[0].id, corpus()[1].id}
    events = [e["id"] for s in stories for e in s["events"]]
    assert len(events) == 3


# The aggregates grouped in SQL, against a count event by event on generated events
# (tests/test_store.py: dates on period edges, varied quad classes and Goldstein scores,
# participants without a KB id, the same participant twice in one event).


@pytest.fixture
def generated(db_url: str) -> Iterator[Store]:  # noqa: F811
    with Store.open(db_url) as s:
        ingest(s, generated_corpus(), VariedCoder())
        yield s


@pytest.mark.parametrize("by", ["country", "actor"])
def test_api_network_matches_a_count_event_by_event(generated: Store, by: str) -> None:
    for options in AGGREGATE_FILTERS:
        filters = Filters.parse(**options)
        pairs: dict[tuple[str, str], list[float]] = {}
        for s in generated.events(filters):
            refs = [*s.event.actors, *s.event.recipients]
            nodes = {r.country if by == "country" else (r.actor_id or r.name) for r in refs}
            ordered = sorted(n for n in nodes if n is not None)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 :]:
                    pairs.setdefault((a, b), []).append(s.event.goldstein)
        expected = sorted(
            ((a, b, len(g), sum(g) / len(g)) for (a, b), g in pairs.items()),
            key=lambda e: (-e[2], e[0], e[1]),
        )
        found = queries.network(generated.engine, filters, by=by, limit=1000)
        assert [(e.source, e.target, e.events) for e in found] == [x[:3] for x in expected]
        assert [e.goldstein_mean for e in found] == pytest.approx([x[3] for x in expected])
        top = queries.network(generated.engine, filters, by=by, limit=2)
        assert [(e.source, e.target) for e in top] == [x[:2] for x in expected[:2]]


def _refs(e: Event) -> list[ActorRef]:
    return [*e.actors, *e.recipients]


def _actor_key(r: ActorRef) -> str:
    """An actor is its KB id, or its name when it has none (as the store search keys it)."""
    return r.actor_id or f"name:{r.name}"


@pytest.mark.parametrize("actor_id", ["xi-jinping", "dina-boluarte", "team_50%-aid", "nobody"])
def test_api_actor_counts_match_a_count_event_by_event(generated: Store, actor_id: str) -> None:
    mine = [
        s.event for s in generated.events() if any(r.actor_id == actor_id for r in _refs(s.event))
    ]
    days = sorted(dt.date.fromisoformat(e.date.start) for e in mine if e.date.start)
    found = queries.actor_counts(generated.engine, actor_id)
    assert found.events == len(mine)
    assert found.as_actor == sum(any(r.actor_id == actor_id for r in e.actors) for e in mine)
    assert found.as_recipient == sum(
        any(r.actor_id == actor_id for r in e.recipients) for e in mine
    )
    assert found.by_type == Counter(e.type for e in mine)
    by_year = Counter(e.date.start[:4] if e.date.start else "undated" for e in mine)
    assert list(found.by_year.items()) == sorted(by_year.items())
    assert (found.first, found.last) == ((days[0], days[-1]) if days else (None, None))
    names = {r.name for e in mine for r in _refs(e) if r.actor_id == actor_id}
    assert found.names == sorted(names)


@pytest.mark.parametrize("q", ["li", "BOLUARTE", "_50%", "envoy", "xi-jinping", "zzz"])
def test_api_store_actor_search_matches_a_count_event_by_event(generated: Store, q: str) -> None:
    events = [s.event for s in generated.events()]
    key = _actor_key
    hits = [r for e in events for r in _refs(e) if q.lower() in r.name.lower() or r.actor_id == q]
    expected = sorted(
        (
            (
                k,
                next(r.name for r in hits if key(r) == k),
                sorted({r.country for r in hits if key(r) == k and r.country}),
                sum(any(key(r) == k for r in _refs(e)) for e in events),
            )
            for k in {key(r) for r in hits}
        ),
        key=lambda a: (-a[3], a[1]),
    )
    found = queries.search_store_actors(generated.engine, q, limit=50)
    assert [(a.actor_id or f"name:{a.name}", a.name, a.countries, a.events) for a in found] == (
        expected
    )


# Writing ----------------------------------------------------------------------------


ARTICLE = {"text": "AID occurred 2024-05-05 USA/Joe Biden -> PER/Dina Boluarte", "title": "Aid"}


def test_api_post_documents_is_refused_without_the_token(client: TestClient) -> None:
    missing = client.post("/api/documents", json=[ARTICLE])
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"] == "Bearer"
    assert missing.json() == {
        "ok": False,
        "error": "writing needs a token: send 'Authorization: Bearer TOKEN'",
        "status": 401,
    }
    wrong = client.post("/api/documents", json=[ARTICLE], headers={"Authorization": "Bearer x"})
    assert wrong.status_code == 403
    assert len(client.get("/api/events").json()["events"]) == 6  # nothing was stored


def test_api_post_documents_is_off_when_the_server_has_no_token(store: Store) -> None:
    with serve(store, token=None) as client:
        r = client.post("/api/documents", json=[ARTICLE], headers=AUTH)
    assert r.status_code == 403
    assert "dyad token create" in r.json()["error"]


def test_api_post_documents_codes_and_stores_them(client: TestClient) -> None:
    batch = [
        ARTICLE,
        {"text": "   "},
        {
            "text": "CONSULT occurred 2024-05-06 PER/Dina Boluarte -> CHN/Xi Jinping",
            "published": "May",
        },
    ]
    r = client.post("/api/documents", json=batch, headers=AUTH)
    assert r.status_code == 200
    body = r.json()
    assert (body["stored"], body["rejected"], body["events"]) == (1, 2, 1)
    outcomes = [(x["outcome"], x["reason"]) for x in body["results"]]
    assert outcomes == [("stored", None), ("rejected", "empty"), ("rejected", "bad-date")]
    found = client.get("/api/events", params={"since": "2024-05-05", "until": "2024-05-05"})
    assert found.json()["events"][0]["type"] == "AID"
    again = client.post("/api/documents", json=[ARTICLE], headers=AUTH).json()
    assert again["results"][0]["outcome"] == "already stored"


def test_api_post_documents_codes_a_seed_article_with_the_real_coder(
    tmp_path: Path, coder: object
) -> None:
    text = (SEEDS / "li-qiang-meets-boluarte.txt").read_text(encoding="utf-8")
    with (
        Store.open(f"sqlite:///{tmp_path / 'real.db'}") as store,
        TestClient(
            create_app(store, Settings(token=TOKEN), coder=coder),  # type: ignore[arg-type]
            base_url=LOCAL,
        ) as client,
    ):
        posted = client.post(
            "/api/documents", json=[{"text": text, "published": "2024-06-28"}], headers=AUTH
        ).json()
        assert posted["stored"] == 1 and posted["events"] > 0
        meetings = client.get("/api/events", params={"dyad": "CHN-PER", "type": "CONSULT"})
    [meeting] = meetings.json()["events"]
    assert meeting["date"]["start"] == "2024-06-28"
    names = {r["name"] for r in meeting["actors"] + meeting["recipients"]}
    assert names == {"Li Qiang", "Dina Boluarte"}


def test_api_post_documents_refuses_a_body_over_the_size_limit(store: Store) -> None:
    with serve(store, max_body_bytes=2_000) as client:
        big = [{"text": "x" * 3_000}]
        declared = client.post("/api/documents", json=big, headers=AUTH)
        # Without Content-Length (chunked), the body is counted as it arrives.
        chunks = iter([b'[{"text": "', b"y" * 3_000, b'"}]'])
        streamed = client.post(
            "/api/documents",
            content=chunks,
            headers={**AUTH, "content-type": "application/json"},
        )
        assert len(client.get("/api/events").json()["events"]) == 6
    for r in (declared, streamed):
        assert r.status_code == 413
        assert r.json()["error"].startswith("the request body is over the 2,000-byte limit")


def test_api_post_documents_refuses_a_batch_over_the_limit(store: Store) -> None:
    with serve(store, max_batch=2) as client:
        r = client.post("/api/documents", json=[ARTICLE] * 3, headers=AUTH)
    assert r.status_code == 413
    assert r.json()["error"] == "3 documents in one request; at most 2 are accepted"


def test_api_private_server_needs_the_token_for_reads(store: Store) -> None:
    with serve(store, private=True) as client:
        assert client.get("/api/events").status_code == 401
        assert len(client.get("/api/events", headers=AUTH).json()["events"]) == 6
        page = client.get("/", headers={"accept": "text/html"})
        assert page.status_code == 401 and 'id="token-form"' in page.text
        # The token itself in a cookie opens nothing: browsers read with a session cookie.
        client.cookies.set("dyad_token", TOKEN)
        assert client.get("/").status_code == 401
        client.cookies.clear()
        opened = client.post(
            "/session", data={"token": TOKEN, "next": "/?type=CONSULT"}, follow_redirects=False
        )
        assert opened.status_code == 303 and opened.headers["location"] == "/?type=CONSULT"
        assert client.get("/").status_code == 200
        assert client.get("/api/events").status_code == 200


# Errors -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "status", "says"),
    [
        ("GET", "/api/events?dyad=CHN", 400, "dyad: 'CHN' is not two country codes"),
        ("GET", "/api/events?since=2024-13", 400, "since: '2024-13' is not a date"),
        ("GET", "/api/events?type=MEET", 400, "type: 'MEET' is not a PLOVER type"),
        ("GET", "/api/events?status=maybe", 400, "status: 'maybe' is not one of"),
        ("GET", "/api/events?type=meeting", 400, "type: 'MEETING' is not a PLOVER type"),
        ("GET", "/api/events?country=ZZZ", 400, "country: unknown country code 'ZZZ'"),
        ("GET", "/api/stats?dyad=CHN-qqq", 400, "dyad: unknown country code 'QQQ'"),
        (
            "GET",
            "/api/events?contry=PER",
            400,
            "unknown query parameter 'contry' (did you mean 'country'?); /api/events takes: ",
        ),
        ("GET", "/api/events/ev_nope?full=1", 400, "unknown query parameter 'full'"),
        ("GET", "/api/events?limit=0", 400, "limit: Input should be greater than or equal to 1"),
        ("GET", "/api/events?limit=many", 400, "limit: Input should be a valid integer"),
        ("GET", "/api/events?cursor=bm9wZQ", 400, "cursor: not a cursor this server issued"),
        ("GET", "/api/events/ev_nope", 404, "no event 'ev_nope' in the store"),
        ("GET", "/api/documents/doc_nope", 404, "no document 'doc_nope' in the store"),
        ("GET", "/api/actors/nobody-at-all", 404, "no actor 'nobody-at-all'"),
        ("GET", "/api/actors", 400, "q: Field required"),
        ("GET", "/api/stats?by=fortnight", 400, "by: Input should be 'day', 'week'"),
        ("GET", "/api/network?by=city", 400, "by: Input should be 'country' or 'actor'"),
        ("GET", "/api/nothing-here", 404, "no such page or API endpoint"),
        ("DELETE", "/api/events", 405, "Method Not Allowed"),
        ("POST", "/api/documents", 400, "request body: not valid JSON"),
    ],
)
def test_api_every_failure_has_one_error_shape(
    client: TestClient, method: str, path: str, status: int, says: str
) -> None:
    headers = {**AUTH, "content-type": "application/json"}
    r = client.request(method, path, content=b"{nope", headers=headers)
    assert r.status_code == status
    body = r.json()
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False and body["status"] == status
    assert body["error"].startswith(says), body["error"]


def test_api_every_documented_query_parameter_is_taken_and_no_other(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path, operations in schema["paths"].items():
        url = path.replace("{", "").replace("}", "")  # /api/events/event_id: a 404, not a 400
        for method, op in operations.items():
            names = sorted(p["name"] for p in op.get("parameters", []) if p["in"] == "query")
            extra = client.request(method, url, params={"colour": "x"}, headers=AUTH, json=[])
            assert extra.status_code == 400, (method, path)
            assert extra.json()["error"].endswith(f"takes: {', '.join(names) or 'none'}")
            for name in names:
                r = client.request(method, url, params={name: "x"}, headers=AUTH, json=[])
                assert "unknown query parameter" not in r.text, (method, path, name)


def test_api_country_filter_takes_a_code_only_the_store_has(store: Store) -> None:
    # Another coder (or the user's actor files) may have given a code Dyad does not know.
    ingest(store, [doc("CONSULT occurred 2024-01-02 QQX/Ann Example -> PER/Dina Boluarte")])
    with serve(store) as c:
        r = c.get("/api/events?country=qqx")
    assert r.status_code == 200 and len(r.json()["events"]) == 1


def test_api_openapi_schema_documents_the_endpoints_and_error_shape(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {
        "/api/events",
        "/api/events/{event_id}",
        "/api/documents",
        "/api/documents/{document_id}",
        "/api/actors",
        "/api/actors/{actor_id}",
        "/api/stats",
        "/api/network",
        "/api/stories",
    } <= set(schema["paths"])
    assert set(schema["components"]["schemas"]["ErrorBody"]["properties"]) == {
        "ok",
        "error",
        "status",
    }
    assert "HTTPBearer" in json.dumps(schema["paths"]["/api/documents"]["post"]["security"])
    docs = client.get("/docs").text
    assert "/docs-assets/swagger-ui-bundle.js" in docs and "cdn." not in docs
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200


def test_api_settings_table_names_every_setting_with_help() -> None:
    names = [name for name, _default, _help in SETTINGS]
    assert names == [
        "token",
        "private",
        "max_body_bytes",
        "max_batch",
        "page_size",
        "timeline_max",
        "network_max",
        "allowed_hosts",
        "write_batch",
        "writer_process",
    ]
    assert all(help_ for _name, _default, help_ in SETTINGS)


# Pages ------------------------------------------------------------------------------


def test_ui_index_shows_the_filtered_events_with_the_filters_in_the_form(
    client: TestClient, store: Store
) -> None:
    r = client.get("/?dyad=CHN-PER&type=CONSULT")
    assert r.status_code == 200
    assert 'name="dyad" value="CHN-PER"' in r.text
    assert "<option selected>CONSULT</option>" in r.text
    assert "1 event matches" in r.text
    [event_id] = expected(store, dyad="CHN-PER", type="CONSULT")
    assert f'href="/events/{event_id}"' in r.text
    drawn = r.text.split('id="timeline-data">')[1].split("</script>")[0]
    assert [e["id"] for e in json.loads(drawn)] == [event_id]


def test_ui_index_reports_a_bad_filter_and_keeps_the_form(client: TestClient) -> None:
    r = client.get("/?dyad=CHINA-PERU&actor=Xi")
    assert r.status_code == 400
    assert "dyad: &#39;CHINA&#39; is not a three-letter country code" in r.text
    assert 'name="actor" value="Xi"' in r.text


def test_ui_event_page_marks_the_trigger_and_participants(client: TestClient, store: Store) -> None:
    [event_id] = expected(store, dyad="CHN-PER", type="CONSULT")
    page = client.get(f"/events/{event_id}").text
    assert '<mark class="trigger">CONSULT</mark>' in page
    assert '<mark class="actor" title="Xi Jinping">Xi Jinping</mark>' in page
    assert '<mark class="recipient" title="Dina Boluarte">Dina Boluarte</mark>' in page
    assert f'href="/documents/{corpus()[0].id}#c0"' in page
    assert "(-12.0432, -77.0282)" in page  # the place's coordinates


def test_ui_document_page_links_triggers_to_their_events(client: TestClient, store: Store) -> None:
    first = corpus()[0]
    page = client.get(f"/documents/{first.id}").text
    for event_id in expected(store, actor="boluarte", since="2024-03", until="2024-06-30"):
        assert f'href="/events/{event_id}"' in page
    assert '<mark class="trigger">ACCUSE</mark>' in page


def test_ui_unknown_page_is_an_html_error_page(client: TestClient) -> None:
    r = client.get("/events/ev_nope", headers={"accept": "text/html"})
    assert r.status_code == 404
    assert "<h1>Error 404</h1>" in r.text and "no event &#39;ev_nope&#39;" in r.text


# The command line -------------------------------------------------------------------


def test_cli_serve_get_answers_one_request_in_process(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Store.open(str(db)) as s:
        ingest(s, corpus())
    ok = CliRunner().invoke(cli, ["serve", "--db", str(db), "--get", "/api/events?dyad=CHN-PER"])
    assert ok.exit_code == 0, ok.output
    assert len(json.loads(ok.stdout)["events"]) == 3
    bad = CliRunner().invoke(cli, ["serve", "--db", str(db), "--get", "/api/events?dyad=x"])
    assert bad.exit_code == 1
    assert json.loads(bad.stdout)["status"] == 400
    missing = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "no.db"), "--get", "/"])
    assert missing.exit_code == 2 and "no store at" in missing.stderr
    private = CliRunner().invoke(cli, ["serve", "--db", str(db), "--private", "--get", "/"])
    assert private.exit_code == 2
    assert "--private needs a token: set DYAD_TOKEN or run `dyad token create`" in private.stderr


def test_cli_token_create_writes_a_private_token_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dyad.api.auth import load_token

    made = CliRunner().invoke(cli, ["token", "create"])
    assert made.exit_code == 0, made.output
    token = made.stdout.strip()
    path = tmp_path / "config" / "token"
    assert path.read_text().strip() == token and len(token) >= 40
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert load_token() == token
    again = CliRunner().invoke(cli, ["token", "create"])
    assert again.exit_code == 2 and "already holds a token; pass --replace" in again.stderr
    replaced = CliRunner().invoke(cli, ["token", "create", "--replace"])
    assert replaced.exit_code == 0 and replaced.stdout.strip() != token
    monkeypatch.setenv("DYAD_TOKEN", "from-env")
    assert load_token() == "from-env"
