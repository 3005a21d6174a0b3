"""API benchmark: p50/p95 latency of the main read endpoints over a store of 100,000 events.

    python bench/api.py                          # 100,000 events, 200 requests per endpoint
    python bench/api.py --events 20000 --requests 100 --threads 4

The store is built in a temporary folder from generated ``Event`` records written straight
through the store's row functions (``dyad.store.rows``), one transaction per chunk: no spaCy,
and no cross-document linking (the generated events are distinct by construction), so
building 100,000 events takes well under two minutes. Leaders of 21 countries meet, agree,
accuse and so on across 2015-2025, each event with one mention, a place and 2-3 participants.

The server is ``dyad serve`` in a child process on 127.0.0.1 and a free port; a few client
threads (httpx2) send a bounded number of requests per endpoint, one endpoint at a time,
after a warm-up. Latency is per request, wall clock, as the client sees it.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx2

from dyad.records import ActorRef, DateInfo, Document, Event, Mention, Place, stable_id

# (country, nationality, capital, lat, lon, leader, role)
COUNTRIES = (
    ("CHN", "Chinese", "Beijing", 39.9075, 116.39723, "Xi Jinping", "President"),
    ("PER", "Peruvian", "Lima", -12.04318, -77.02824, "Dina Boluarte", "President"),
    ("USA", "American", "Washington", 38.89511, -77.03637, "Joe Biden", "President"),
    ("BRA", "Brazilian", "Brasilia", -15.77972, -47.92972, "Lula da Silva", "President"),
    ("RUS", "Russian", "Moscow", 55.75222, 37.61556, "Vladimir Putin", "President"),
    ("IND", "Indian", "New Delhi", 28.63576, 77.22445, "Narendra Modi", "Prime Minister"),
    ("FRA", "French", "Paris", 48.85341, 2.3488, "Emmanuel Macron", "President"),
    ("DEU", "German", "Berlin", 52.52437, 13.41053, "Olaf Scholz", "Chancellor"),
    ("CHL", "Chilean", "Santiago", -33.45694, -70.64827, "Gabriel Boric", "President"),
    ("ARG", "Argentine", "Buenos Aires", -34.61315, -58.37723, "Javier Milei", "President"),
    ("MEX", "Mexican", "Mexico City", 19.42847, -99.12766, "Claudia Sheinbaum", "President"),
    ("JPN", "Japanese", "Tokyo", 35.6895, 139.69171, "Fumio Kishida", "Prime Minister"),
    ("KOR", "South Korean", "Seoul", 37.566, 126.9784, "Yoon Suk Yeol", "President"),
    ("ZAF", "South African", "Pretoria", -25.74486, 28.18783, "Cyril Ramaphosa", "President"),
    ("TUR", "Turkish", "Ankara", 39.91987, 32.85427, "Recep Tayyip Erdogan", "President"),
    ("COL", "Colombian", "Bogota", 4.60971, -74.08175, "Gustavo Petro", "President"),
    ("AUS", "Australian", "Canberra", -35.28346, 149.12807, "Anthony Albanese", "Prime Minister"),
    ("IDN", "Indonesian", "Jakarta", -6.21462, 106.84513, "Joko Widodo", "President"),
    ("SAU", "Saudi", "Riyadh", 24.68773, 46.72185, "Mohammed bin Salman", "Crown Prince"),
    ("CAN", "Canadian", "Ottawa", 45.41117, -75.69812, "Justin Trudeau", "Prime Minister"),
    ("GBR", "British", "London", 51.50853, -0.12574, "Keir Starmer", "Prime Minister"),
)
# (type, mode, cameo, quad, goldstein, trigger, weight)
KINDS = (
    ("CONSULT", "visit", "042", 1, 1.9, "visited", 6),
    ("CONSULT", None, "040", 1, 1.0, "met", 8),
    ("AGREE", None, "030", 1, 4.0, "agreed", 5),
    ("SUPPORT", None, "051", 1, 3.4, "praised", 3),
    ("COOPERATE", None, "061", 2, 6.4, "signed a trade pact with", 3),
    ("AID", None, "070", 2, 7.0, "sent aid to", 2),
    ("REQUEST", "assist", "0211", 3, 3.4, "asked", 2),
    ("ACCUSE", None, "112", 3, -2.0, "accused", 3),
    ("REJECT", None, "120", 3, -4.0, "rejected", 2),
    ("THREATEN", None, "130", 3, -4.4, "threatened", 1),
    ("PROTEST", None, "140", 4, -6.5, "protested against", 1),
    ("SANCTION", None, "163", 4, -8.0, "imposed sanctions on", 1),
)
STATUSES = ("occurred",) * 7 + ("planned", "planned", "negated", "hypothetical")
KB_IDS = {c[5]: c[5].lower().replace(" ", "-") for c in COUNTRIES} | {
    "Lula da Silva": "lula-da-silva",
    "Recep Tayyip Erdogan": "recep-tayyip-erdogan",
}
EVENTS_PER_DOCUMENT = 5
START = 16436  # 2015-01-01 as days since 1970-01-01
DAYS = 11 * 365


def _ref(c: tuple, text: str) -> ActorRef:  # type: ignore[type-arg]
    return ActorRef(
        text=text,
        name=c[5],
        actor_id=KB_IDS[c[5]],
        country=c[0],
        sector="GOV",
        role=c[6],
        code=f"{c[0]}GOV",
        resolved_by="kb",
        confidence=0.95,
    )


def generated(n_events: int, seed: int = 7) -> Iterator[tuple[Document, list[Event]]]:
    """Documents of five events each, one sentence per event, from a seeded generator."""
    import datetime as dt

    rng = random.Random(seed)
    weights = [k[-1] for k in KINDS]
    for d in range((n_events + EVENTS_PER_DOCUMENT - 1) // EVENTS_PER_DOCUMENT):
        day = dt.date.fromordinal(dt.date(1970, 1, 1).toordinal() + START + rng.randrange(DAYS))
        picks = []
        for _ in range(min(EVENTS_PER_DOCUMENT, n_events - d * EVENTS_PER_DOCUMENT)):
            a, b = rng.sample(COUNTRIES, 2)
            kind = rng.choices(KINDS, weights)[0]
            picks.append((a, b, kind, rng.choice(STATUSES), rng.random() < 0.2))
        sentences = [
            f"{a[1]} {a[6]} {a[5]} {kind[5]} {b[1]} {b[6]} {b[5]} in {b[2]}."
            for a, b, kind, _status, _third in picks
        ]
        text = "\n".join(sentences)
        doc_id = stable_id("doc_", [seed, d])
        doc = Document(
            id=doc_id,
            text=text,
            title=sentences[0],
            source=f"outlet-{d % 40}",
            published=day.isoformat(),
            origin=f"bench:{d}",
        )
        events, at = [], 0
        for (a, b, kind, status, third), sentence in zip(picks, sentences, strict=True):
            etype, mode, cameo, quad, goldstein, trigger, _w = kind
            t0 = at + sentence.index(trigger)
            actors = [_ref(a, f"{a[1]} {a[6]} {a[5]}")]
            if third:  # some events have a second actor from a third country
                c = COUNTRIES[(COUNTRIES.index(a) + 7) % len(COUNTRIES)]
                if c is not b:
                    actors.append(_ref(c, c[5]))
            events.append(
                Event(
                    id=stable_id("ev_", [doc_id, at]),
                    type=etype,
                    mode=mode,
                    contexts=["diplomatic"],
                    topics=[],
                    cameo=cameo,
                    quad_class=quad,
                    goldstein=goldstein,
                    status=status,  # type: ignore[arg-type]
                    actors=actors,
                    recipients=[_ref(b, f"{b[1]} {b[6]} {b[5]}")],
                    date=DateInfo(day.isoformat(), day.isoformat(), "publication", None, None),
                    place=Place(b[2], b[0], b[3], b[4], f"bench:{b[0]}", "city"),
                    mentions=[
                        Mention(
                            doc_id,
                            sentence,
                            at,
                            at + len(sentence),
                            trigger,
                            t0,
                            t0 + len(trigger),
                            f"bench.{etype.lower()}",
                        )
                    ],
                    confidence=0.8,
                    coder_version="bench",
                )
            )
            at += len(sentence) + 1
        yield doc, events


def build_store(path: Path, n_events: int) -> tuple[int, float]:
    """Write ``n_events`` generated events into a new store at ``path``."""
    from dyad.store import Store
    from dyad.store import rows as r
    from dyad.store.schema import actor_refs, documents, event_sources, events, mentions

    started = time.perf_counter()
    written = 0
    with Store.open(str(path)) as store:
        batch: list[tuple[Document, list[Event]]] = []

        def flush() -> None:
            stamp = r.now()
            doc_rows, ev_rows, m_rows, ref_rows, src_rows = [], [], [], [], []
            for doc, evs in batch:
                doc_rows.append(
                    r.document_row(doc, version="bench", event_count=len(evs), stored_at=stamp)
                )
                for e in evs:
                    row, ms, refs = r.event_rows(e, doc.id)
                    ev_rows.append(row)
                    m_rows.extend(ms)
                    ref_rows.extend(refs)
                    # Each generated event is its own single report.
                    src = {"id": e.id, "event_id": e.id, "document_id": doc.id}
                    src_rows.append({**src, "record": row["record"]})
            with store.engine.begin() as conn:
                for table, data in (
                    (documents, doc_rows),
                    (events, ev_rows),
                    (mentions, m_rows),
                    (actor_refs, ref_rows),
                    (event_sources, src_rows),
                ):
                    conn.execute(r.insert_ignoring_duplicates(conn, table), data)
            batch.clear()

        for item in generated(n_events):
            batch.append(item)
            written += len(item[1])
            if len(batch) >= 2_000:
                flush()
        if batch:
            flush()
    return written, time.perf_counter() - started


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _some(client: httpx2.Client, path: str, key: str) -> str:
    return client.get(path).json()["events"][0][key]


def endpoints(client: httpx2.Client) -> list[tuple[str, str]]:
    """(label, path) of the endpoints measured; ids and a deep cursor found on the server."""
    event_id = _some(client, "/api/events?dyad=CHN-PER&limit=1", "id")
    doc_id = client.get(f"/api/events/{event_id}").json()["documents"][0]["id"]
    deep = client.get("/api/events", params={"limit": 500, "since": "2020-01-01"}).json()["next"]
    return [
        ("events, first page", "/api/events"),
        ("events, a cursor deep in", f"/api/events?cursor={deep}"),
        ("events, dyad CHN-PER", "/api/events?dyad=CHN-PER"),
        ("events, country + year", "/api/events?country=PER&since=2020&until=2020"),
        ("events, type + status", "/api/events?type=CONSULT&status=planned"),
        ("events, actor id", "/api/events?actor=xi-jinping"),
        ("events, actor name part", "/api/events?actor=bolua"),
        ("one event with evidence", f"/api/events/{event_id}"),
        ("one document", f"/api/documents/{doc_id}"),
        ("stats, dyad by month", "/api/stats?dyad=CHN-PER&by=month"),
        ("stats, whole store by year", "/api/stats?by=year"),
        ("network, countries", "/api/network?since=2024"),
        ("network, one country's actors", "/api/network?by=actor&country=PER"),
        ("actors, search", "/api/actors?q=Boluarte"),
        ("one actor with counts", "/api/actors/xi-jinping"),
        ("stories, dyad in one month", "/api/stories?dyad=CHN-PER&since=2024-06&until=2024-06"),
    ]


def measure(base: str, path: str, requests: int, threads: int) -> list[float]:
    """Latency in ms of ``requests`` GETs of ``path`` spread over ``threads`` clients."""
    times: list[float] = []
    lock = threading.Lock()
    share = [requests // threads + (i < requests % threads) for i in range(threads)]

    def worker(n: int) -> None:
        with httpx2.Client(base_url=base, timeout=30) as client:
            for _ in range(n):
                t0 = time.perf_counter()
                r = client.get(path)
                elapsed = (time.perf_counter() - t0) * 1000
                if r.status_code != 200:
                    raise SystemExit(f"{path}: HTTP {r.status_code}: {r.text[:200]}")
                with lock:
                    times.append(elapsed)

    pool = [threading.Thread(target=worker, args=(n,)) for n in share]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="per endpoint")
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        n, seconds = build_store(db, args.events)
        print(f"store: {n:,} events built in {seconds:.1f} s ({db.stat().st_size / 2**20:.0f} MiB)")
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        cmd = [
            sys.executable,
            "-c",
            "import sys; from dyad.cli import app; sys.argv[0] = 'dyad'; app()",
            "serve",
            "--db",
            str(db),
            "--port",
            str(port),
        ]
        server = subprocess.Popen(
            cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=tmp
        )
        try:
            deadline = time.monotonic() + 60
            with httpx2.Client(base_url=base, timeout=30) as client:
                while True:
                    try:
                        if client.get("/api/events?limit=1").status_code == 200:
                            break
                    except httpx2.TransportError:
                        pass
                    if server.poll() is not None or time.monotonic() > deadline:
                        raise SystemExit(f"dyad serve did not start: {server.stderr.read()}")
                    time.sleep(0.2)
                measured = endpoints(client)
                for _label, path in measured:  # warm-up: caches, the knowledge base
                    for _ in range(3):
                        client.get(path)
            print(
                f"{args.requests} requests per endpoint from {args.threads} threads, "
                "loopback, one uvicorn worker"
            )
            print(f"{'endpoint':34} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
            worst = 0.0
            for label, path in measured:
                times = sorted(measure(base, path, args.requests, args.threads))
                p50 = statistics.median(times)
                p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
                worst = max(worst, p95)
                print(f"{label:34} {p50:8.1f} {p95:8.1f} {times[-1]:8.1f}")
            verdict = "met" if worst < 100 else "NOT met"
            print(f"worst p95 {worst:.1f} ms: target p95 < 100 ms {verdict}")
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


if __name__ == "__main__":
    main()
