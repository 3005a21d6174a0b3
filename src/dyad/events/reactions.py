"""Reactions an act receives: "the strike drew condemnation from the UN", "faced criticism
from Germany". The reaction is the one it comes from (the "from" party), aimed at whoever
received it; ``dyad.events.referents`` aims one drawn by an act at that act's agents."""

from __future__ import annotations

from dyad.events.triggers import Found

# Verbs of receiving a reaction ("drew condemnation", "faced criticism from"), and the
# reactions one receives.
RECEIVING = frozenset({
    "draw", "attract", "spark", "prompt", "provoke", "trigger", "earn", "receive", "face",
    "invite", "win",
})  # fmt: skip
RECEIVED_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT", "THREATEN"})


def received(f: Found) -> Found:
    """``f`` with its sides turned when its event noun is what the subject received ("the
    strike drew condemnation from the UN", "faced criticism from Germany"): the reaction is
    the one it comes from, aimed at the subject."""
    if (
        f.pattern.pos != "NOUN"
        or f.predicate.i == f.trigger.i
        or f.pattern.type not in RECEIVED_TYPES
        or f.predicate.lemma_.lower() not in RECEIVING
    ):
        return f
    update = {"actor": ("from",), "recipient": ("governor_subject",), "reciprocal": False}
    f.pattern = f.pattern.model_copy(update=update)
    return f
