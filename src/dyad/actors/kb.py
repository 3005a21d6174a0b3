"""The actor knowledge base: YAML entries with dated roles, indexed for name lookup."""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from rapidfuzz import fuzz, process

from dyad.errors import DataFileError

# Family name first in English-language news for these countries ("President Xi").
FAMILY_NAME_FIRST = {"CHN", "TWN", "HKG", "KOR", "PRK", "VNM", "KHM", "SGP"}
# Two surnames, paternal first ("Boluarte Zegarra", "López Obrador"): the paternal one is
# used alone in news.
TWO_SURNAMES = {
    "ARG",
    "BOL",
    "CHL",
    "COL",
    "CRI",
    "CUB",
    "DOM",
    "ECU",
    "ESP",
    "GTM",
    "HND",
    "MEX",
    "NIC",
    "PAN",
    "PER",
    "PRY",
    "SLV",
    "URY",
    "VEN",
}
FUZZY_CUTOFF = 90.0


class Role(BaseModel):
    model_config = ConfigDict(extra="forbid")
    country: str = Field(pattern=r"^[A-Z]{3}$")
    sector: str = Field(pattern=r"^[A-Z]{3}$")
    title: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def holds_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    kind: Literal["person", "organisation", "state"]
    name: str
    gender: Literal["female", "male"] | None = None
    aliases: list[str] = []
    roles: list[Role] = Field(min_length=1)

    @field_validator("roles")
    @classmethod
    def _ordered(cls, roles: list[Role]) -> list[Role]:
        for r in roles:
            if r.start and r.end and r.end < r.start:
                raise ValueError(f"role {r.title!r} ends ({r.end}) before it starts ({r.start})")
        return roles


@dataclass(frozen=True, slots=True)
class RoleOn:
    """What an entry was on a given day: its country, sector and title, or ELI after office."""

    country: str
    sector: str
    title: str | None
    current: bool


def name_key(name: str) -> str:
    """Compare names by letters only: accents, case, hyphens and spaces do not matter."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed.lower() if c.isalpha())


def _surnames(entry: Entry) -> set[str]:
    countries = {r.country for r in entry.roles}
    keys: set[str] = set()
    for full in [entry.name, *entry.aliases]:
        parts = full.replace("-", " ").split()
        if len(parts) < 2:
            continue
        if countries & FAMILY_NAME_FIRST:
            keys.add(parts[0])  # "Li Xi" is Mr Li: indexing "Xi" would confuse him with Xi Jinping
        else:
            keys.add(parts[-1])
        if countries & TWO_SURNAMES and len(parts) >= 3:
            keys.add(parts[-2])
            keys.add(" ".join(parts[-2:]))
    return {name_key(k) for k in keys if len(name_key(k)) > 1}


class KnowledgeBase:
    """Entries indexed by full name, alias and surname, with fuzzy lookup by rapidfuzz."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: dict[str, Entry] = {}
        for e in entries:
            self.entries[e.id] = e  # later files override earlier ones with the same id
        self.by_name: dict[str, list[str]] = {}
        self.by_surname: dict[str, list[str]] = {}
        for e in self.entries.values():
            for n in [e.name, *e.aliases]:
                self.by_name.setdefault(name_key(n), []).append(e.id)
            if e.kind == "person":
                for s in _surnames(e):
                    self.by_surname.setdefault(s, []).append(e.id)
        self._fuzzy_keys = sorted(self.by_name)

    def __len__(self) -> int:
        return len(self.entries)

    def exact(self, name: str) -> list[Entry]:
        return [self.entries[i] for i in dict.fromkeys(self.by_name.get(name_key(name), []))]

    def surname(self, name: str) -> list[Entry]:
        return [self.entries[i] for i in dict.fromkeys(self.by_surname.get(name_key(name), []))]

    def fuzzy(self, name: str) -> tuple[list[Entry], float]:
        key = name_key(name)
        if len(key) < 6:
            return [], 0.0
        hit = process.extractOne(
            key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
        )
        if hit is None:
            return [], 0.0
        return [self.entries[i] for i in dict.fromkeys(self.by_name[hit[0]])], float(hit[1])

    def role_on(self, entry: Entry, day: dt.date | None) -> RoleOn:
        """The role held on ``day``; after every term, ELI with the last role's country.

        With no date, the most recent role is taken (never the machine's clock).
        """
        roles = sorted(entry.roles, key=lambda r: r.start or dt.date.min)
        if day is None:
            r = roles[-1]
            return RoleOn(r.country, r.sector, r.title, r.end is None)
        holding = [r for r in roles if r.holds_on(day)]
        if holding:
            r = holding[-1]
            return RoleOn(r.country, r.sector, r.title, True)
        before = [r for r in roles if r.start is None or r.start <= day]
        r = before[-1] if before else roles[0]
        return RoleOn(r.country, "ELI", f"former {r.title}" if r.title else None, False)


def _parse_file(text: str, origin: str) -> list[Entry]:
    try:
        raw = yaml.safe_load(text) or []
    except yaml.YAMLError as exc:
        raise DataFileError(f"{origin}: not valid YAML ({exc})") from exc
    if not isinstance(raw, list):
        raise DataFileError(f"{origin}: expected a list of actor entries")
    out = []
    for n, item in enumerate(raw, start=1):
        try:
            out.append(Entry.model_validate(item))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise DataFileError(f"{origin}: entry {n}: {where}: {first['msg']}") from exc
    return out


@functools.cache
def _builtin_entries() -> tuple[Entry, ...]:
    folder = files("dyad").joinpath("data", "actors")
    entries: list[Entry] = []
    for f in sorted(folder.iterdir(), key=lambda p: p.name):
        if f.name.endswith((".yaml", ".yml")):
            entries.extend(_parse_file(f.read_text(encoding="utf-8"), f"dyad/data/actors/{f.name}"))
    return tuple(entries)


def config_dir() -> Path:
    """Where users keep their own actor files: ``$DYAD_CONFIG`` or ~/.config/dyad."""
    import os

    base = os.environ.get("DYAD_CONFIG") or Path.home() / ".config" / "dyad"
    return Path(base) / "actors"


def load_kb(extra: Iterable[Path] = (), *, use_config_dir: bool = True) -> KnowledgeBase:
    """Built-in entries, then the config directory's files, then ``extra`` files, in order."""
    entries = list(_builtin_entries())
    paths: list[Path] = []
    cfg = config_dir()
    if use_config_dir and cfg.is_dir():
        paths.extend(sorted(p for p in cfg.iterdir() if p.suffix in {".yaml", ".yml"}))
    paths.extend(Path(p) for p in extra)
    for p in paths:
        try:
            text = p.read_text(encoding="utf-8")
        except OSError as exc:
            raise DataFileError(f"{p}: cannot read actor file ({exc.strerror})") from exc
        entries.extend(_parse_file(text, str(p)))
    return KnowledgeBase(entries)
