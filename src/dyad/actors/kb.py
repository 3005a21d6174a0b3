"""The actor knowledge base: YAML entries with dated roles, indexed for name lookup.

Names are compared by ``name_key`` (letters and digits, no accents, case or spacing). Each
person is also indexed by the surnames news uses alone ("Boluarte", "López Obrador",
"von der Leyen", "Xi"); ``surname_keys`` derives them from the name and aliases, and an entry
may list them itself (``surnames:``) where no rule can tell.

Which of several roles held on one day applies is decided by ``KnowledgeBase.role_on``:
the role whose title matches the title word of the mention ("Premier Li"), then the one in
the country the mention names, then the most senior (``data/actors/offices.csv``: head of
state, head of government, deputy head, minister, party post, anything else), then the
latest to start, then the one listed last in the file.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import os
import re
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
# Lower-case words that belong to the surname that follows them ("von der Leyen",
# "de la Fuente", "bin Salman", "al-Jubeir"): never a surname on their own.
PARTICLES = {
    "al",
    "bin",
    "bint",
    "da",
    "das",
    "de",
    "del",
    "der",
    "di",
    "do",
    "dos",
    "du",
    "el",
    "ibn",
    "la",
    "las",
    "le",
    "los",
    "van",
    "von",
    "y",
}
# Arabic articles: "Adel al-Jubeir" is also "Jubeir" in news; "bin Salman" is never "Salman"
# (that is his father).
ARTICLES = {"al", "el"}
# Generational suffixes and regnal numbers end a name without being a surname.
# Case matters: "II" is a number, "Xi" a surname.
SUFFIX = re.compile(r"^(?:[IVX]+|Jr\.?|Sr\.?|Junior|Senior)$")
# A romanised East Asian given name: "Jae-in", "Ki-moon", "Jin-ping" (second syllable in lower
# case). Western double surnames capitalise both halves ("Meza-Cuadra").
EAST_ASIAN_GIVEN = re.compile(r"^[A-Z][a-z]+-[a-z]+$")
FUZZY_CUTOFF = 90.0
SURNAME_FUZZY_CUTOFF = 88.0
ResolvedHow = Literal["kb", "alias", "fuzzy"]


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
    # Surnames used alone in news; derived from the name and aliases when not given.
    surnames: list[str] | None = None
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
    """What an entry was on a given day: its country, sector and title, or ELI after office.
    ``started`` is False before the first recorded role: the ELI then only says the entry
    held no office yet, which a title in the text tells better ("Military commander
    Bainimarama" in 2006, prime minister from 2007)."""

    country: str
    sector: str
    title: str | None
    current: bool
    started: bool = True


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Compare names by letters and digits only: accents, case, hyphens and spaces do not
    matter ("G20" and "G-20" are one key, "G7" another)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed.lower() if c.isalnum())


def _words(title: str) -> list[str]:
    return re.findall(r"[a-z0-9'’-]+", title.lower().replace("’", "'"))


# -- offices: seniority and title matching ------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Office:
    office: str
    rank: int


@functools.cache
def _offices() -> dict[tuple[str, ...], _Office]:
    text = files("dyad").joinpath("data", "actors", "offices.csv").read_text(encoding="utf-8")
    out: dict[tuple[str, ...], _Office] = {}
    for n, row in enumerate(csv.DictReader(text.splitlines()), start=2):
        try:
            out[tuple(_words(row["phrase"]))] = _Office(row["office"], int(row["rank"]))
        except (KeyError, ValueError) as exc:
            raise DataFileError(f"dyad/data/actors/offices.csv: line {n}: {exc}") from exc
    return out


LOWEST_RANK = 6


@functools.cache
def offices_of(title: str) -> tuple[frozenset[str], int]:
    """The offices a role title names and its rank (1 head of state ... 6 unranked).

    Every office phrase found in the title counts unless it lies inside a longer one:
    "Vice President" is a deputy, not a president; "Minister of Finance and Vice
    Chancellor" is both a minister and a deputy head.
    """
    words = _words(title)
    table = _offices()
    spans: list[tuple[int, int, _Office]] = []
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            o = table.get(tuple(words[i:j]))
            if o is not None:
                spans.append((i, j, o))
                break
    kept = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
    if not kept:
        return frozenset(), LOWEST_RANK
    return frozenset(o.office for _, _, o in kept), min(o.rank for _, _, o in kept)


def title_score(mention: str | None, role_title: str | None) -> int:
    """How well a mention's title word fits a role title: 3 the same words, 2 the same
    office ("foreign minister" ~ "Minister of Foreign Affairs"), 1 the words inside the
    title ("president" in "Acting President"), 0 no fit."""
    if not mention or not role_title:
        return 0
    m, r = _words(mention), _words(role_title)
    if not m:
        return 0
    if m == r:
        return 3
    if offices_of(mention)[0] & offices_of(role_title)[0]:
        return 2
    n = len(m)
    return 1 if any(r[i : i + n] == m for i in range(len(r) - n + 1)) else 0


# -- surnames -----------------------------------------------------------------------------


def _units(name: str) -> list[str]:
    """Name parts with particles glued to the part they introduce ("von der Leyen")."""
    parts = name.split()
    while parts and SUFFIX.match(parts[-1]) and len(parts) > 1:
        parts.pop()
    units: list[str] = []
    pending: list[str] = []
    for p in parts:
        if p.lower() in PARTICLES:
            pending.append(p)
        else:
            units.append(" ".join([*pending, p]))
            pending = []
    if pending and units:
        units[-1] = " ".join([units[-1], *pending])
    return units


def _family_first(entry: Entry, units: list[str]) -> bool:
    countries = {r.country for r in entry.roles}
    if countries & FAMILY_NAME_FIRST:
        return True
    # An IGO official with a Korean-style name ("Ban Ki-moon") is still Mr Ban.
    return len(units) == 2 and bool(EAST_ASIAN_GIVEN.match(units[1]))


def _with_article_dropped(unit: str) -> set[str]:
    """A surname with an Arabic article is also used without it ("al-Jubeir", "Jubeir")."""
    out = {unit}
    for sep in (" ", "-"):
        head, _, rest = unit.partition(sep)
        if rest and head.lower() in ARTICLES:
            out.add(rest)
    return out


def surname_keys(entry: Entry) -> set[str]:
    """The name keys by which news refers to ``entry`` with the surname alone."""
    if entry.surnames is not None:
        return {name_key(s) for s in entry.surnames if name_key(s)}
    countries = {r.country for r in entry.roles}
    forms = [entry.name, *entry.aliases]
    # Last units of every form: a paternal surname shown as the last part of some form
    # ("Dina Boluarte") may be taken from a longer one ("Dina Boluarte Zegarra").
    all_units = [_units(f) for f in forms]
    lasts = {name_key(u[-1]) for u in all_units if len(u) >= 2}
    keys: set[str] = set()
    for units in all_units:
        if len(units) < 2:
            continue  # a single name ("Lula", "Sugiono") is matched as a full name
        if _family_first(entry, units):
            keys.add(units[0])
            continue
        pair = " ".join(units[-2:])
        if len(units) >= 3 and name_key(pair) in lasts:
            keys.add(pair)  # "Gustavo Meza Cuadra" is "Meza-Cuadra" written apart
            continue
        if (
            countries & TWO_SURNAMES
            and len(units) >= 3
            and (len(units) >= 4 or name_key(units[-2]) in lasts)
        ):
            # Given + paternal + maternal needs four parts to be sure ("José Antonio Kast"
            # is two given names and one surname), unless another form ends in the paternal
            # one. The maternal surname alone never names the person.
            keys.update(_with_article_dropped(units[-2]))
            keys.add(pair)
            continue
        keys.update(_with_article_dropped(units[-1]))
    return {k for k in (name_key(k) for k in keys) if len(k) > 1}


class KnowledgeBase:
    """Entries indexed by full name, alias and surname, with fuzzy lookup by rapidfuzz."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: dict[str, Entry] = {}
        for e in entries:
            self.entries[e.id] = e  # later files override earlier ones with the same id
        self.by_name: dict[str, list[str]] = {}
        self.by_surname: dict[str, list[str]] = {}
        self.by_given: dict[str, list[str]] = {}
        for e in self.entries.values():
            for n in [e.name, *e.aliases]:
                key = name_key(n)
                if key:
                    self.by_name.setdefault(key, []).append(e.id)
            if e.kind == "person":
                for s in surname_keys(e):
                    self.by_surname.setdefault(s, []).append(e.id)
                given = name_key(e.name.split()[0])
                if given:
                    self.by_given.setdefault(given, []).append(e.id)
        self._fuzzy_keys = sorted(self.by_name)
        self._fuzzy_surnames = sorted(self.by_surname)
        self._national: dict[tuple[str, str], list[str]] | None = None

    def __len__(self) -> int:
        return len(self.entries)

    def _get(self, ids: list[str]) -> list[Entry]:
        return [self.entries[i] for i in dict.fromkeys(ids)]

    def exact(self, name: str) -> list[Entry]:
        return self._get(self.by_name.get(name_key(name), []))

    def surname(self, name: str) -> list[Entry]:
        return self._get(self.by_surname.get(name_key(name), []))

    def national(self, country: str, words: list[str]) -> list[Entry]:
        """Organisations of ``country`` named by ``words`` once the country words are gone:
        "Chile's foreign ministry" is the "Chilean Foreign Ministry"."""
        if self._national is None:
            from dyad.actors.lexicon import lexicon

            lex = lexicon()
            self._national = {}
            for e in self.entries.values():
                if e.kind != "organisation":
                    continue
                home = e.roles[0].country
                for n in [e.name, *e.aliases]:
                    rest = [w for w in n.replace("'s", "").split() if not lex.country_of_word(w)]
                    if len(rest) < len(n.split()):
                        self._national.setdefault((home, name_key(" ".join(rest))), []).append(e.id)
        return self._get(self._national.get((country, name_key(" ".join(words))), []))

    def given(self, name: str) -> list[Entry]:
        """Persons whose name starts with ``name`` ("Charles" -> Charles III, Charles
        Michel); only meaningful with a title that settles it."""
        return self._get(self.by_given.get(name_key(name), []))

    def fuzzy(self, name: str) -> tuple[list[Entry], float]:
        """The closest full name or alias (rapidfuzz ratio >= 90 on keys of 6+ letters)."""
        key = name_key(name)
        if len(key) < 6:
            return [], 0.0
        hit = process.extractOne(
            key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
        )
        if hit is None:
            return [], 0.0
        return self._get(self.by_name[hit[0]]), float(hit[1])

    def fuzzy_surname(self, name: str) -> tuple[list[Entry], float]:
        """The closest surname ("Baerbok"); long names only, as short ones collide."""
        key = name_key(name)
        if len(key) < 7:
            return [], 0.0
        hit = process.extractOne(
            key, self._fuzzy_surnames, scorer=fuzz.ratio, score_cutoff=SURNAME_FUZZY_CUTOFF
        )
        if hit is None:
            return [], 0.0
        return self._get(self.by_surname[hit[0]]), float(hit[1])

    @staticmethod
    def roles_on(entry: Entry, day: dt.date | None) -> list[Role]:
        """Roles held on ``day``; with no day, the roles without an end."""
        if day is None:
            return [r for r in entry.roles if r.end is None]
        return [r for r in entry.roles if r.holds_on(day)]

    def role_on(
        self,
        entry: Entry,
        day: dt.date | None,
        *,
        title: str | None = None,
        country: str | None = None,
    ) -> RoleOn:
        """The role held on ``day``; after every term, ELI with the last role's country.

        ``title`` and ``country`` are what the mention says ("Premier", "Peru's"); they
        choose among roles held together. With no date, an open-ended role is taken, else
        the most recent one (never the machine's clock).
        """
        indexed = list(enumerate(entry.roles))

        def fit(item: tuple[int, Role]) -> tuple[int, bool, int, dt.date, int]:
            i, r = item
            return (
                title_score(title, r.title),
                country is not None and r.country == country,
                -offices_of(r.title or "")[1],
                r.start or dt.date.min,
                i,
            )

        if day is None:
            open_roles = [(i, r) for i, r in indexed if r.end is None]
            if open_roles:
                r = max(open_roles, key=fit)[1]
                return RoleOn(r.country, r.sector, r.title, True)
            r = max(indexed, key=lambda ir: (ir[1].start or dt.date.min, *fit(ir)))[1]
            return RoleOn(r.country, r.sector, r.title, False)
        holding = [(i, r) for i, r in indexed if r.holds_on(day)]
        if holding:
            r = max(holding, key=fit)[1]
            return RoleOn(r.country, r.sector, r.title, True)
        before = [(i, r) for i, r in indexed if r.start is None or r.start <= day]
        pool = before or indexed[:1]
        r = max(pool, key=lambda ir: (ir[1].end or ir[1].start or dt.date.min, *fit(ir)))[1]
        title = f"former {r.title}" if r.title else None
        return RoleOn(r.country, "ELI", title, False, started=bool(before))

    def best_title_score(self, entry: Entry, title: str | None, day: dt.date | None) -> int:
        """How well ``title`` fits a role ``entry`` holds on ``day`` (0 when none does)."""
        return max((title_score(title, r.title) for r in self.roles_on(entry, day)), default=0)

    def holders(self, day: dt.date, *, country: str, title: str) -> list[Entry]:
        """Persons holding on ``day`` an office in ``country`` that ``title`` names
        ("the French president" -> the President of France that day)."""
        want = offices_of(title)[0]
        if not want:
            return []
        out = []
        for e in self.entries.values():
            if e.kind != "person":
                continue
            for r in e.roles:
                if r.country == country and r.holds_on(day) and want & offices_of(r.title or "")[0]:
                    out.append(e)
                    break
        return out


def _parse_file(text: str, origin: str) -> list[Entry]:
    try:
        raw = yaml.safe_load(text) or []
    except yaml.YAMLError as exc:
        raise DataFileError(f"{origin}: not valid YAML ({exc})") from exc
    if not isinstance(raw, list):
        raise DataFileError(f"{origin}: expected a list of actor entries")
    return [validate_entry(item, f"{origin}: entry {n}") for n, item in enumerate(raw, start=1)]


def validate_entry(raw: object, origin: str) -> Entry:
    """``raw`` as an ``Entry``, or a ``DataFileError`` naming ``origin`` and the first bad
    field."""
    try:
        return Entry.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise DataFileError(f"{origin}: {where}: {first['msg']}") from exc


@functools.cache
def _builtin_entries() -> tuple[Entry, ...]:
    folder = files("dyad").joinpath("data", "actors")
    entries: list[Entry] = []
    for f in sorted(folder.iterdir(), key=lambda p: p.name):
        if f.name.endswith((".yaml", ".yml")):
            entries.extend(_parse_file(f.read_text(encoding="utf-8"), f"dyad/data/actors/{f.name}"))
    # Imported here: the converted office holders are built from this module's Entry.
    from dyad.actors.leaders import builtin_leaders, without_known

    entries.extend(without_known(builtin_leaders(), entries))
    return tuple(entries)


def config_dir() -> Path:
    """Where users keep their own actor files: ``$DYAD_CONFIG/actors`` or
    ~/.config/dyad/actors."""
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
