"""Bounded write load on ``dyad serve``: clients posting articles (and reading) at once.

    python bench/write_load.py                        # 30 clients, 45 s, the real coder
    python bench/write_load.py --clients 10 --seconds 20
    python bench/write_load.py --compare              # the load before the write queue, then now

The server is the API (as ``dyad serve --create`` builds it) over a new SQLite store in a
child process on 127.0.0.1; each client thread (httpx2) loops for the given time, posting
one distinct short news article per request and, every third request, reading
``/api/events``. Reported: the requests, the 5xx answers (must be 0), read and write latency
(p50, p95, max), and whether every write acknowledged as ``stored`` is in the store
afterwards. Exit status 1 on a 5xx or a lost write.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx2
import sqlalchemy as sa

TOKEN = "write-load-token"
LEADERS = [
    ("Chinese President", "Xi Jinping", "Beijing"),
    ("Peruvian President", "Dina Boluarte", "Lima"),
    ("French President", "Emmanuel Macron", "Paris"),
    ("Indian Prime Minister", "Narendra Modi", "New Delhi"),
    ("German Chancellor", "Olaf Scholz", "Berlin"),
    ("Japanese Prime Minister", "Fumio Kishida", "Tokyo"),
]


def article(n: int) -> dict[str, str]:
    """The n-th distinct article: a meeting of two leaders on one day of 2024."""
    (role_a, a, city), (role_b, b, _) = [LEADERS[n % 6], LEADERS[(n // 6 + 1 + n) % 6]]
    if a == b:
        role_b, b = "U.S. Secretary of State", "Antony Blinken"
    day = f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}"
    text = (
        f"{role_a} {a} meets {b}.\n\n{role_a} {a} met {role_b} {b} in {city} on {day} "
        f"to discuss trade and security. Report {n}."
    )
    return {"text": text, "published": day, "source": f"Wire {n % 7}"}


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


# The server: ``dyad serve --create`` as the CLI builds it, with the API settings given.
SERVER = """
import json, sys
import uvicorn
from dyad.api import Settings, create_app
from dyad.store import Store
db, port, options = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
with Store.open(db, create=True) as store:
    app = create_app(store, Settings(token=sys.argv[4], **options))
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")
"""

# How writes were served before the write queue: each request coded alone, in the server's
# process (``--compare`` measures it beside today's defaults).
BEFORE = {"write_batch": 1, "writer_process": False}


@dataclass
class Result:
    writes: list[float] = field(default_factory=list)
    reads: list[float] = field(default_factory=list)
    errors: list[int] = field(default_factory=list)
    acknowledged: set[str] = field(default_factory=set)
    lost: set[str] = field(default_factory=set)
    log: str = ""


def run(clients: int, seconds: float, options: dict[str, object]) -> Result:
    """One bounded load on a new server and store with the API ``options``."""
    result = Result()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.db"
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = int(s.getsockname()[1])
        base = f"http://127.0.0.1:{port}"
        env = {**os.environ, "DYAD_CONFIG": str(Path(tmp) / "config")}
        cmd = [sys.executable, "-c", SERVER, str(db), str(port), json.dumps(options), TOKEN]
        # The server's log goes to a file (a pipe nobody reads would fill and stall it), and
        # its end is shown when the server fails.
        log = (Path(tmp) / "server.log").open("w+")
        server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log, env=env)
        auth = {"Authorization": f"Bearer {TOKEN}"}
        counter = itertools.count()
        lock = threading.Lock()

        def stored_by(r: httpx2.Response) -> list[str]:
            return [x["document_id"] for x in r.json()["results"] if x["outcome"] == "stored"]

        try:
            with httpx2.Client(base_url=base, timeout=120) as client:
                deadline = time.monotonic() + 120
                while True:
                    try:
                        # The first write loads the coder: before the clock starts.
                        r = client.post(
                            "/api/documents", json=[article(next(counter))], headers=auth
                        )
                        if r.status_code == 200:
                            result.acknowledged.update(stored_by(r))
                            break
                    except httpx2.TransportError:
                        pass
                    if time.monotonic() > deadline or server.poll() is not None:
                        log.seek(0)
                        raise SystemExit(f"the server did not start:\n{log.read()[-3000:]}")
                    time.sleep(0.5)

            stop = time.monotonic() + seconds

            def client_loop() -> None:
                with httpx2.Client(base_url=base, timeout=120) as c:
                    i = 0
                    while time.monotonic() < stop:
                        i += 1
                        started = time.perf_counter()
                        if i % 3 == 0:
                            r = c.get("/api/events", params={"limit": 20})
                            took, kind = time.perf_counter() - started, result.reads
                        else:
                            with lock:
                                n = next(counter)
                            r = c.post("/api/documents", json=[article(n)], headers=auth)
                            took, kind = time.perf_counter() - started, result.writes
                            if r.status_code == 200:
                                stored = stored_by(r)
                                with lock:
                                    result.acknowledged.update(stored)
                        with lock:
                            kind.append(took)
                            if r.status_code >= 500:
                                result.errors.append(r.status_code)

            threads = [threading.Thread(target=client_loop) for _ in range(clients)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        finally:
            server.terminate()
            server.wait(timeout=60)
            log.seek(0)
            result.log = log.read()
            log.close()
        engine = sa.create_engine(f"sqlite:///{db}")
        with engine.connect() as conn:
            stored = set(conn.execute(sa.text("SELECT id FROM documents")).scalars())
        engine.dispose()
    result.lost = result.acknowledged - stored
    return result


def report(name: str, result: Result) -> None:
    print(name)
    for kind, values in (("write", result.writes), ("read", result.reads)):
        print(
            f"  {kind:5}  {len(values):5} requests  p50 {statistics.median(values or [0]):6.2f} s"
            f"  p95 {percentile(values, 0.95):6.2f} s  max {max(values or [0]):6.2f} s"
        )
    print(
        f"  5xx: {len(result.errors)}; acknowledged writes {len(result.acknowledged)},"
        f" lost {len(result.lost)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=45.0)
    parser.add_argument(
        "--compare",
        action="store_true",
        help="first the same load with each request coded alone in the server's process",
    )
    args = parser.parse_args()
    print(f"{args.clients} clients, {args.seconds:.0f} s, real coder, SQLite, loopback")
    runs = [("before: one request a turn, coder in the server", BEFORE)] if args.compare else []
    runs.append(("batched turns, coded and stored by a worker process (the defaults)", {}))
    failed = False
    for name, options in runs:
        result = run(args.clients, args.seconds, options)
        report(name, result)
        if result.errors or result.lost:
            failed = True
            print(f"  the server's log ends:\n{result.log[-3000:]}")
    if failed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
