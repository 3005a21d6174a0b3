"""PLOVER types and the CAMEO crosswalk, loaded from ``data/ontology/cameo.csv``."""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib.resources import files

from dyad.errors import DataFileError

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
# Acts with no target by nature: a withdrawal, a resignation, a meeting (its host is told by
# the place). Leaving them untargeted is PLOVER's coding too; a place in their clause is where,
# not whom.
UNTARGETED = frozenset({"RETREAT", "CONSULT"})


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    label: str
    plover: str
    mode: str | None
    contexts: tuple[str, ...]
    quad_class: int
    goldstein: float


def data_text(*parts: str) -> str:
    """Read a bundled data file as text, from the installed package, never the cwd."""
    return files("dyad").joinpath("data", *parts).read_text(encoding="utf-8")


@functools.cache
def cameo_codes() -> dict[str, CameoCode]:
    codes: dict[str, CameoCode] = {}
    for row in csv.DictReader(data_text("ontology", "cameo.csv").splitlines()):
        if row["plover"] not in PLOVER_TYPES:
            raise DataFileError(f"cameo.csv: {row['cameo']} maps to unknown type {row['plover']}")
        codes[row["cameo"]] = CameoCode(
            code=row["cameo"],
            label=row["label"],
            plover=row["plover"],
            mode=row["mode"] or None,
            contexts=tuple(c for c in row["contexts"].split(";") if c),
            quad_class=int(row["quad_class"]),
            goldstein=float(row["goldstein"]),
        )
    return codes


def cameo(code: str) -> CameoCode:
    try:
        return cameo_codes()[code]
    except KeyError:
        raise DataFileError(f"unknown CAMEO code {code!r}") from None


# Quad classes whose planned or threatened acts the PLOVER manual codes as intentions.
_PLANNED_AS = {1: "AGREE", 2: "AGREE", 4: "THREATEN"}


def plover_rendering(event_type: str, status: str) -> str:
    """The type as the PLOVER manual codes it: a planned or conditional meeting, visit or
    material cooperation is AGREE (intent to cooperate); a planned act of material conflict
    is THREATEN. Dyad keeps the act's own type with ``status: planned`` in its records, and
    renders this way only where PLOVER's convention is wanted (evaluation, PLOVER export).
    """
    if status == "negated" and event_type in {"AGREE", "CONCEDE"}:
        return "REJECT"  # "would not meet the demands"
    if status == "hypothetical" and _quad(event_type) == 4:
        return "THREATEN"  # "may halt mediation if ...": a conditional sanction is a threat
    if status not in {"planned", "hypothetical"} or event_type in {"AGREE", "THREATEN"}:
        return event_type  # "would meet him if ...": a conditional offer is an offer
    quad = _quad(event_type)
    if event_type in {"CONCEDE", "REQUEST", "ACCUSE", "REJECT"}:
        return event_type  # verbal acts: announcing one is already the act
    return _PLANNED_AS.get(quad, event_type)


def _quad(event_type: str) -> int:
    return next(c.quad_class for c in cameo_codes().values() if c.plover == event_type)


@functools.cache
def cameo_for(event_type: str, mode: str | None) -> CameoCode:
    """The CAMEO code for a PLOVER type and mode: the crosswalk's code with that mode, else
    the type's most general code (the shortest, CAMEO's root for the type)."""
    same = [c for c in cameo_codes().values() if c.plover == event_type]
    if not same:
        raise DataFileError(f"no CAMEO code maps to {event_type!r}")
    with_mode = [c for c in same if mode is not None and c.mode == mode]
    pool = with_mode or [c for c in same if c.mode is None] or same
    return min(pool, key=lambda c: (len(c.code), c.code))
