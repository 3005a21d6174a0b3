"""Office holders converted from open data (``data/actors/leaders.csv``), as KB entries.

The CSV is written by ``scripts/build_leaders.py``: one row per role (id, name, aliases
separated by ``|``, country, sector, title, start, end, Wikidata item). Rows of one id form
one person. The hand-written YAML files win: a converted person is left out when its id,
or any of its names, is already a person's name in them, since one person entered twice
would make every mention of them ambiguous. A converted person's surname that is also
someone's given name ("Tete António", "José Antonio Kast") does not name them alone.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from importlib.resources import files

from dyad.actors.kb import (
    Entry,
    _family_first,
    _units,
    name_key,
    surname_keys,
    validate_entry,
)
from dyad.errors import DataFileError

FILE = "leaders.csv"
ORIGIN = f"dyad/data/actors/{FILE}"
# Monarchs are named by regnal name and title, never by a surname alone.
MONARCH_TITLE = re.compile(
    r"\b(king|queen|monarch|emperor|emir|sultan|co-prince|grand duke|yang di-pertuan agong)\b",
    re.IGNORECASE,
)
COLUMNS = ("id", "name", "aliases", "country", "sector", "title", "start", "end", "wikidata")


def parse_leaders(text: str, origin: str = ORIGIN) -> list[Entry]:
    """The persons of a leaders CSV, each with all its rows as roles, in file order."""
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise DataFileError(f"{origin}: missing columns {', '.join(missing)}")
    people: dict[str, dict] = {}
    lines: dict[str, int] = {}
    for n, row in enumerate(reader, start=2):
        pid = row["id"]
        person = people.get(pid)
        if person is None:
            aliases = [a for a in (row["aliases"] or "").split("|") if a]
            person = people[pid] = {
                "id": pid,
                "kind": "person",
                "name": row["name"],
                "aliases": aliases,
                "roles": [],
            }
            lines[pid] = n
        elif row["name"] != person["name"]:
            raise DataFileError(f"{origin}: line {n}: id {pid!r} has two names")
        person["roles"].append(
            {
                "country": row["country"],
                "sector": row["sector"],
                "title": row["title"] or None,
                "start": row["start"] or None,
                "end": row["end"] or None,
            }
        )
    out = []
    for pid, raw in people.items():
        if all(MONARCH_TITLE.search(r["title"] or "") for r in raw["roles"]):
            raw["surnames"] = []  # "Abdullah II of Jordan" is never "Jordan"
        out.append(validate_entry(raw, f"{origin}: line {lines[pid]}"))
    return out


def builtin_leaders() -> list[Entry]:
    path = files("dyad").joinpath("data", "actors", FILE)
    if not path.is_file():
        return []
    return parse_leaders(path.read_text(encoding="utf-8"))


def without_known(converted: Iterable[Entry], hand: Iterable[Entry]) -> list[Entry]:
    """``converted`` less the persons ``hand`` already has: the same id, one of the same
    names, or, in a country both served, every word of one's name inside the other's
    ("Prince Faisal bin Farhan Al Saud" is the hand-written "Faisal bin Farhan Al Saud")."""
    hand = list(hand)
    ids = {e.id for e in hand}
    names = {name_key(n) for e in hand if e.kind == "person" for n in [e.name, *e.aliases]}
    words: dict[str, list[frozenset[str]]] = {}
    for e in hand:
        if e.kind == "person":
            for c in {r.country for r in e.roles}:
                words.setdefault(c, []).extend(_words_of(e))

    def known(e: Entry) -> bool:
        if e.id in ids or any(name_key(n) in names for n in [e.name, *e.aliases]):
            return True
        mine = _words_of(e)
        return any(
            w <= m or m <= w
            for c in {r.country for r in e.roles}
            for w in words.get(c, [])
            for m in mine
        )

    kept = [e for e in converted if not known(e)]
    given = _given_names([*hand, *kept])
    return [
        e
        if e.surnames is not None
        else e.model_copy(update={"surnames": sorted(surname_keys(e) - given)})
        for e in kept
    ]


def _words_of(e: Entry) -> list[frozenset[str]]:
    """The words of each name form of two words or more."""
    out = []
    for n in [e.name, *e.aliases]:
        ws = frozenset(k for k in (name_key(w) for w in re.split(r"[\s-]+", n)) if k)
        if len(ws) >= 2:
            out.append(ws)
    return out


def _given_names(entries: Iterable[Entry]) -> set[str]:
    """Keys of the name parts that are not a surname in some person's name or alias."""
    out: set[str] = set()
    for e in entries:
        if e.kind != "person":
            continue
        # A paternal surname is not last in the long form ("Juan Orlando Hernández
        # Alvarado"): the person's own surnames are never their given names.
        own = surname_keys(e)
        for n in [e.name, *e.aliases]:
            units = _units(n)
            given = units[1:] if _family_first(e, units) else units[:-1]
            out.update(k for k in (name_key(u) for u in given) if k not in own)
    return out
