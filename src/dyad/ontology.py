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
