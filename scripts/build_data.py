"""Derive Dyad's data tables from the public PLOVER/CAMEO reference files.

Run from the project root: ``python scripts/build_data.py [--shared ../shared]``.
The outputs are committed (they are small text tables) so that an install never needs
``../shared``; re-run this script when the reference files change.

Outputs under ``src/dyad/data/``:
- ``ontology/cameo.csv``: CAMEO code -> PLOVER type, mode, contexts, quad class, Goldstein.
- ``agents.csv``: agent noun phrase (lower case, space separated) -> PLOVER sector.
- ``nationalities.csv``: country names and nationality words -> ISO 3166 alpha-3.
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "dyad" / "data"

# Goldstein (1992) conflict-cooperation weights for CAMEO codes, as tabulated for GDELT.
# Values are given per code where they differ from their root; every other code takes the
# value of its nearest listed ancestor.
GOLDSTEIN = {
    "02": 3.0,
    "021": 3.4,
    "022": 3.2,
    "023": 3.4,
    "024": -0.3,
    "025": -0.3,
    "026": 4.0,
    "027": 4.0,
    "028": 4.0,
    "03": 4.0,
    "031": 5.2,
    "032": 4.5,
    "033": 5.2,
    "034": 7.0,
    "035": 5.0,
    "036": 4.0,
    "037": 5.0,
    "038": 7.0,
    "039": 5.0,
    "04": 1.0,
    "042": 1.9,
    "043": 2.8,
    "044": 2.5,
    "045": 5.0,
    "046": 7.0,
    "05": 3.5,
    "051": 3.4,
    "053": 3.8,
    "054": 6.0,
    "055": 7.0,
    "056": 7.0,
    "057": 8.0,
    "06": 6.0,
    "061": 6.4,
    "062": 7.4,
    "063": 7.4,
    "064": 7.0,
    "07": 7.0,
    "071": 7.4,
    "072": 8.3,
    "073": 7.4,
    "074": 8.5,
    "08": 5.0,
    "084": 7.0,
    "085": 7.0,
    "086": 9.0,
    "087": 9.0,
    "09": -2.0,
    "10": -5.0,
    "11": -2.0,
    "12": -4.0,
    "125": -5.0,
    "126": -5.0,
    "127": -5.0,
    "128": -5.0,
    "129": -5.0,
    "13": -6.0,
    "130": -4.4,
    "131": -5.8,
    "132": -5.8,
    "133": -5.8,
    "134": -5.8,
    "135": -5.8,
    "136": -7.0,
    "137": -7.0,
    "138": -7.0,
    "139": -7.0,
    "14": -6.5,
    "144": -7.5,
    "145": -7.5,
    "15": -7.2,
    "16": -4.0,
    "162": -5.6,
    "163": -8.0,
    "164": -7.0,
    "165": -7.0,
    "166": -7.0,
    "17": -7.0,
    "171": -9.2,
    "172": -5.0,
    "173": -5.0,
    "174": -5.0,
    "175": -9.0,
    "18": -9.0,
    "182": -9.5,
    "183": -10.0,
    "184": -8.0,
    "185": -8.0,
    "186": -10.0,
    "19": -10.0,
    "191": -9.5,
    "192": -9.5,
    "196": -9.5,
    "20": -10.0,
}

# CAMEO root 02 (appeals) has no row in the 2021 crosswalk; PLOVER folds appeals into
# REQUEST, so they are added here with the modes of the matching demand codes (10x).
APPEALS = {
    "020": ("REQUEST", "", "", "Make an appeal or request"),
    "021": ("REQUEST", "assist", "", "Appeal for material cooperation"),
    "0211": ("REQUEST", "assist", "economic", "Appeal for economic cooperation"),
    "022": ("REQUEST", "assist", "diplomatic", "Appeal for diplomatic cooperation"),
    "023": ("REQUEST", "assist", "", "Appeal for aid"),
    "026": ("REQUEST", "meet", "diplomatic", "Appeal to others to meet or negotiate"),
    "027": ("REQUEST", "meet", "diplomatic", "Appeal to others to settle dispute"),
}

PLOVER_QUAD = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "PROTEST": 4,
    "SANCTION": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}


def goldstein(code: str) -> float:
    for n in range(len(code), 1, -1):
        if code[:n] in GOLDSTEIN:
            return GOLDSTEIN[code[:n]]
    raise KeyError(code)


def build_cameo(shared: Path) -> None:
    rows: dict[str, tuple[str, str, str, str]] = dict(APPEALS)
    line_re = re.compile(r"^(\d{3,4}):\s*([A-Z]+)\s*,\s*([^,]*),\s*([^#]*)#\s*(.*)$")
    for line in (shared / "ontology" / "CAMEO2PLOVER-2021.txt").read_text().splitlines():
        m = line_re.match(line.strip())
        if not m:
            continue
        code, ptype, mode, context, label = (g.strip() for g in m.groups())
        contexts = ";".join(c.strip() for c in context.split(";") if c.strip())
        rows.setdefault(code, (ptype, mode.strip(), contexts, label))
    out = DATA / "ontology" / "cameo.csv"
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["cameo", "label", "plover", "mode", "contexts", "quad_class", "goldstein"])
        for code in sorted(rows):
            ptype, mode, contexts, label = rows[code]
            w.writerow([code, label, ptype, mode, contexts, PLOVER_QUAD[ptype], goldstein(code)])
    print(f"{out.relative_to(ROOT)}: {len(rows)} codes")


def build_agents(shared: Path) -> None:
    subs: dict[str, list[str]] = {}
    agents: dict[str, str] = {}
    entry_re = re.compile(r"^(.+?)\s*\[~([A-Z]+)\]")
    for raw in (shared / "ontology" / "PLOVER_agents.txt").read_text(errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("!") and "=" in line:
            name, values = line.split("=", 1)
            subs[name.strip()] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        m = entry_re.match(line)
        if not m:
            continue
        phrase, code = m.group(1), m.group(2)
        sector = code[:3]
        variants = [phrase]
        for name, values in subs.items():
            if name in phrase:
                variants = [v.replace(name, val) for v in variants for val in values]
        for v in variants:
            words = re.sub(r"[_\s]+", " ", v).strip().lower()
            if not words or not re.fullmatch(r"[a-z' .&-]+", words):
                continue
            agents.setdefault(words, sector)
    out = DATA / "agents.csv"
    with out.open("w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["phrase", "sector"])
        for phrase in sorted(agents):
            w.writerow([phrase, agents[phrase]])
    print(f"{out.relative_to(ROOT)}: {len(agents)} phrases")


def build_nationalities(shared: Path) -> None:
    words: dict[str, str] = {}
    with (shared / "ontology" / "countries.csv").open(newline="") as fh:
        for row in csv.DictReader(fh):
            iso3 = row["CCA3"].strip()
            for w in [row["Name"], *row["Nationality"].split(",")]:
                w = w.strip()
                if w and w.lower() not in words:
                    words[w.lower()] = iso3
    out = DATA / "nationalities.csv"
    with out.open("w", newline="") as fh:
        wr = csv.writer(fh, lineterminator="\n")
        wr.writerow(["word", "iso3"])
        for w in sorted(words):
            wr.writerow([w, words[w]])
    print(f"{out.relative_to(ROOT)}: {len(words)} words")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    build_cameo(args.shared)
    build_agents(args.shared)
    build_nationalities(args.shared)


if __name__ == "__main__":
    main()
