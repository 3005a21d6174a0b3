"""Ingest benchmark: documents per second and peak memory for 1,000 and 10,000 documents.

    python bench/ingest.py                    # coded 1,000; stored-only 1,000 and 10,000
    python bench/ingest.py --coded 500 --stored 1000 20000

Documents are short news-like texts generated from templates below, into a SQLite store in a
temporary folder. Two kinds of run:

- coded + stored: the full `dyad ingest` path, spaCy included (the model is loaded before
  the clock starts);
- stored only: spaCy bypassed, each document's events built directly from the template values
  that wrote it (the same shape as the coder's: actors, recipients, place, mentions), to
  measure the store alone at a size where coding would take minutes.

Each run happens twice in a fresh child process: once timed (documents/s and peak RSS from
getrusage), once under tracemalloc (peak Python allocation during ingest; tracing slows the
run, so it is not timed). Ingest streams, so the traced peak must not grow with the count.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterable, Iterator

from dyad.ingest import make_document
from dyad.records import ActorRef, DateInfo, Document, Event, Mention, Place, stable_id

LEADERS = (
    ("Chilean", "CHL", "President", "Gabriel Boric", "Santiago", -33.45694, -70.64827),
    ("Peruvian", "PER", "President", "Dina Boluarte", "Lima", -12.04318, -77.02824),
    ("Argentine", "ARG", "President", "Javier Milei", "Buenos Aires", -34.61315, -58.37723),
    (
        "Brazilian",
        "BRA",
        "President",
        "Luiz Inacio Lula da Silva",
        "Brasilia",
        -15.77972,
        -47.92972,
    ),
    ("Mexican", "MEX", "President", "Claudia Sheinbaum", "Mexico City", 19.42847, -99.12766),
    ("Chinese", "CHN", "President", "Xi Jinping", "Beijing", 39.9075, 116.39723),
    ("Japanese", "JPN", "Prime Minister", "Shigeru Ishiba", "Tokyo", 35.6895, 139.69171),
    ("Indian", "IND", "Prime Minister", "Narendra Modi", "New Delhi", 28.63576, 77.22445),
)
TOPICS = ("trade", "investment", "infrastructure", "energy", "tourism", "education", "mining")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
FIRST_DAY = dt.date(2000, 1, 3)


def _params(i: int) -> tuple[tuple, tuple, str, str, str]:  # type: ignore[type-arg]
    guest = LEADERS[i % len(LEADERS)]
    host = LEADERS[(i * 5 + 3) % len(LEADERS)]
    if host == guest:
        host = LEADERS[(i + 1) % len(LEADERS)]
    topic, other = TOPICS[i % len(TOPICS)], TOPICS[(i // 7 + 1 + i) % len(TOPICS)]
    if other == topic:
        other = TOPICS[(i + 1) % len(TOPICS)]
    return guest, host, topic, other, DAYS[i % 5]


def article(i: int) -> str:
    guest, host, topic, topic2, _ = _params(i)
    day = meeting_day(i).strftime("%A")
    return (
        f"{guest[0]} {guest[2]} {guest[3]} meets {host[0]} leader in {host[4]}\n\n"
        f"{host[4].upper()} - {guest[0]} {guest[2]} {guest[3]} met {host[0]} {host[2]} "
        f"{host[3]} in {host[4]} on {day} to discuss {topic} and {topic2}. "
        f"The two leaders agreed to expand cooperation on {topic}, officials said. "
        f"It was meeting number {i + 1} between the two governments, according to a statement "
        f"that also mentioned plans for a further visit next year."
    )


def meeting_day(i: int) -> dt.date:
    """Document ``i``'s meeting day: one a day from 2000 on, so that the reports tell
    distinct meetings (all on one day, a few leader pairs would make every report another
    mention of a dozen events, each link rewriting an ever longer record)."""
    return FIRST_DAY + dt.timedelta(days=i)


def documents(n: int) -> Iterator[Document]:
    """``n`` generated documents, one at a time (never a list: memory must stay flat)."""
    for i in range(n):
        published = (meeting_day(i) + dt.timedelta(days=3)).isoformat()
        yield make_document(article(i), origin=f"bench:{i}", published=published)


def _ref(who: tuple, text: str) -> ActorRef:  # type: ignore[type-arg]
    _nationality, country, role, name = who[:4]
    return ActorRef(
        text=text,
        name=name,
        actor_id=name.lower().replace(" ", "-"),
        country=country,
        sector="GOV",
        role=role,
        code=f"{country}GOV",
        resolved_by="kb",
        confidence=0.95,
    )


def _mention(d: Document, start: int, end: int, trigger: str, pattern: str) -> Mention:
    at = d.text.index(trigger, start)
    return Mention(d.id, d.text[start:end], start, end, trigger, at, at + len(trigger), pattern)


class PrebuiltCoder:
    """Stands in for the coder in stored-only runs: events from the template values."""

    def __init__(self, version: str) -> None:
        self.version = version

    def code(
        self, docs: Iterable[Document], on_reject: object = None
    ) -> Iterator[tuple[Document, list[Event]]]:
        for d in docs:
            i = int(d.origin.split(":")[1])
            guest, host, topic, _topic2, _day = _params(i)
            first = d.text.index("\n\n") + 2
            second = d.text.index(". ", first) + 2
            end = d.text.index(". ", second) + 1
            place = Place(host[4], host[1], host[5], host[6], f"geonames:{1000 + i % 97}", "city")
            day = meeting_day(i).isoformat()
            published = (meeting_day(i) + dt.timedelta(days=3)).isoformat()
            date = DateInfo(day, day, "day", meeting_day(i).strftime("%A"), published)
            common = {"date": date, "place": place, "coder_version": self.version}
            consult = Event(
                id=stable_id("ev_", [d.id, "consult"]),
                type="CONSULT",
                mode="visit",
                contexts=["diplomatic"],
                topics=[topic],
                cameo="042",
                quad_class=1,
                goldstein=1.9,
                status="occurred",
                actors=[_ref(guest, guest[3])],
                recipients=[_ref(host, host[3])],
                mentions=[_mention(d, first, second - 1, "met", "consult.meet")],
                confidence=0.8,
                **common,  # type: ignore[arg-type]
            )
            agree = Event(
                id=stable_id("ev_", [d.id, "agree"]),
                type="AGREE",
                mode=None,
                contexts=["economic"],
                topics=[topic],
                cameo="030",
                quad_class=1,
                goldstein=4.0,
                status="occurred",
                actors=[_ref(guest, "The two leaders"), _ref(host, "The two leaders")],
                recipients=[],
                mentions=[_mention(d, second, end, "agreed", "agree.agree")],
                confidence=0.6,
                **common,  # type: ignore[arg-type]
            )
            yield d, [consult, agree]


def child(mode: str, n: int, traced: bool) -> dict[str, float]:
    from dyad.coder import Coder, coder_version
    from dyad.store import Store

    version = coder_version()
    coder: object
    if mode == "coded":
        from dyad import nlp

        coder = Coder.create(use_config_dir=False)
        nlp.load()  # model loading is start-up, not ingest
    else:
        coder = PrebuiltCoder(version)
    with tempfile.TemporaryDirectory() as tmp, Store.open(f"{tmp}/bench.db") as store:
        if traced:
            tracemalloc.start()
        start = time.perf_counter()
        n_docs = n_events = 0
        for outcome in store.ingest(documents(n), coder, version=version):  # type: ignore[arg-type]
            n_docs += outcome.kind == "stored"
            n_events += outcome.events
        seconds = time.perf_counter() - start
        traced_peak = tracemalloc.get_traced_memory()[1] if traced else 0
        tracemalloc.stop()
    return {
        "documents": n_docs,
        "events": n_events,
        "seconds": seconds,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "traced_peak_mib": traced_peak / 2**20,
    }


def measure(mode: str, n: int) -> dict[str, float]:
    """Run ``mode`` on ``n`` documents in two fresh processes: timed, then traced."""
    results = []
    for traced in (False, True):
        cmd = [sys.executable, __file__, "--child", mode, str(n), "1" if traced else "0"]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
    timed, traced_run = results
    return {**timed, "traced_peak_mib": traced_run["traced_peak_mib"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--coded", type=int, nargs="*", default=[1000])
    parser.add_argument("--stored", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, n, traced = args.child
        print(json.dumps(child(mode, int(n), traced == "1")))
        return

    import sqlalchemy

    from dyad.store import BATCH_SIZE

    print(
        f"Dyad ingest benchmark: SQLite store in a temp folder, {BATCH_SIZE} documents per "
        f"transaction, SQLAlchemy {sqlalchemy.__version__}, Python {sys.version.split()[0]}"
    )
    header = (
        f"{'run':<26}{'documents':>10}{'events':>9}{'seconds':>9}{'docs/s':>9}"
        f"{'peak RSS MiB':>14}{'traced peak MiB':>17}"
    )
    print(header)
    print("-" * len(header))
    stored_peaks: list[tuple[int, float]] = []
    runs = [("coded", n) for n in args.coded] + [("stored", n) for n in args.stored]
    for mode, n in runs:
        r = measure(mode, n)
        label = "coded + stored (spaCy)" if mode == "coded" else "stored only (pre-built)*"
        print(
            f"{label:<26}{int(r['documents']):>10,}{int(r['events']):>9,}{r['seconds']:>9.1f}"
            f"{r['documents'] / r['seconds']:>9,.0f}{r['peak_rss_mib']:>14.1f}"
            f"{r['traced_peak_mib']:>17.2f}",
            flush=True,
        )
        if mode == "stored":
            stored_peaks.append((n, r["traced_peak_mib"]))
    print(
        "* stored only: spaCy bypassed; events are built from the template values that wrote "
        "each document (2 events, 4 actor references and 2 mentions a document)."
    )
    print("peak RSS includes the interpreter and, for coded runs, the spaCy model.")
    if len(stored_peaks) >= 2:
        (n0, p0), (n1, p1) = stored_peaks[0], stored_peaks[-1]
        print(
            f"traced peak, stored only: {p0:.2f} MiB at {n0:,} documents, {p1:.2f} MiB at "
            f"{n1:,} ({p1 / p0 if p0 else 0:.2f}x for {n1 / n0:.0f}x the documents)"
        )


if __name__ == "__main__":
    main()
