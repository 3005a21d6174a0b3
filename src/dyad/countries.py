"""The country codes the filters take (CLI `--country`/`--dyad`, API `country`/`dyad`), so a
mistyped one is an error and not an empty result.

A participant's country is an ISO 3166-1 alpha-3 code, or one of CAMEO's codes for actors
that belong to no state (``NON_STATES``). The ISO codes and names are those of
``data/exports/iso3_fips.csv`` (GeoNames, which also gives Kosovo XKX).
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib.resources import files

COUNTRIES_COMMAND = "countries"  # `dyad actors countries`, named in every error below
EXAMPLE = "PER"

# The same codes as dyad.actors.match.NON_STATES (a test keeps them equal); written out here
# with their meaning, and not imported, because importing dyad.actors loads spaCy.
NON_STATES = {
    "IGO": "intergovernmental organisation",
    "NGO": "non-governmental organisation",
    "MNC": "multinational corporation",
    "UNO": "United Nations",
    "EUR": "Europe (regional)",
    "IMG": "international militarised group",
}


class CountryCodeError(ValueError):
    """A code that names no country Dyad knows; the message says what to type instead."""


@dataclass(frozen=True, slots=True)
class CountryCode:
    code: str
    name: str
    kind: str  # "country" or "non-state"


@functools.cache
def _iso() -> dict[str, tuple[str, str]]:
    """alpha-3 -> (alpha-2, name)."""
    text = files("dyad").joinpath("data/exports/iso3_fips.csv").read_text(encoding="utf-8")
    return {r["iso3"]: (r["iso2"], r["name"]) for r in csv.DictReader(text.splitlines())}


def country_codes() -> list[CountryCode]:
    """Every code the filters accept: countries by code, then the non-state codes."""
    return [CountryCode(code, name, "country") for code, (_, name) in sorted(_iso().items())] + [
        CountryCode(code, name, "non-state") for code, name in NON_STATES.items()
    ]


def _suggestion(value: str) -> str | None:
    """The code a user most likely meant: from an alpha-2 code (PE) or a country's name
    (peru, "united kingdom"), or None."""
    want = value.strip().casefold()
    for code, (alpha2, name) in _iso().items():
        if want in {alpha2.casefold(), name.casefold()}:
            return f"{code} ({name})"
    return None


def check_country(value: str, option: str) -> str:
    """``value`` as a known code in upper case, or ``CountryCodeError`` naming the fix."""
    code = value.strip().upper()
    if code in _iso() or code in NON_STATES:
        return code
    listing = f"`dyad actors {COUNTRIES_COMMAND}` lists them"
    guess = _suggestion(value)
    if guess is not None:
        raise CountryCodeError(
            f"{option}: unknown country code {value!r}: did you mean {guess}? {listing}"
        )
    raise CountryCodeError(
        f"{option}: unknown country code {value!r}: use an ISO 3166-1 alpha-3 code such as "
        f"{EXAMPLE}; {listing}"
    )


def check_dyad(value: str) -> str:
    """``--dyad A-B`` with both codes known (upper-cased); a value that is not two codes is
    left for ``Filters.parse`` to refuse in its own words."""
    parts = value.split("-")
    if len(parts) != 2:
        return value
    return "-".join(check_country(p, "--dyad") for p in parts)
