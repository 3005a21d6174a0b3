"""The detector's label space: PLOVER 2.0 types and the modes the manual gives each type."""

from __future__ import annotations

from dyad.ontology import PLOVER_TYPES

# The PLOVER 2.0 manual's modes (its structured codebook), one tuple per type; a type
# without modes has none.
MODES: dict[str, tuple[str, ...]] = {
    "AGREE": (),
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "SUPPORT": (),
    "CONCEDE": (),
    "COOPERATE": (),
    "AID": (),
    "RETREAT": ("withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": (
        "restrict", "ban", "arrest", "relations", "rights", "expel", "territory", "violence",
    ),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": (
        "seize", "restrict", "ban", "censor", "curfew", "arrest", "deport", "withhold",
        "misinformation", "cyber",
    ),
    "ASSAULT": (
        "abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy", "primitive",
        "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
        "crowd-control", "cleansing", "massacre", "unconventional",
    ),
}  # fmt: skip
assert tuple(MODES) == PLOVER_TYPES

STATUSES = ("occurred", "planned", "negated", "hypothetical")
# Every (type, mode) pair as one flat label list; index 0 of each head means "none".
TYPE_LABELS: tuple[str, ...] = ("O", *PLOVER_TYPES)
MODE_LABELS: tuple[str, ...] = ("-", *sorted({m for ms in MODES.values() for m in ms}))
