"""Aid told from the receiving end: "Indonesia received tsunami aid from the United States",
"Vietnam will get yen loans from Japan". The giver is the "from" party and the receiver the
subject; the detector and the lexicon read the verb with the subject as the actor (and
"receive" as hosting a visit when its object is no visitor)."""

from __future__ import annotations

from dyad.events.lexicon import generic_pattern
from dyad.events.triggers import Found

RECEIPT_VERBS = frozenset({"receive", "get", "obtain", "accept", "secure"})
# What is given: aid, money, arms, supplies.
GIFTS = frozenset({
    "aid", "assistance", "loan", "grant", "fund", "funding", "donation", "shipment", "supply",
    "relief", "weapon", "arm", "ammunition", "vaccine", "package", "credit", "help",
})  # fmt: skip


def gift(f: Found) -> Found:
    """``f`` as AID from its "from" party to its subject when its verb receives a gift."""
    verb = f.trigger
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in RECEIPT_VERBS:
        return f
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    given = next((o for o in objects if o.lemma_.lower() in GIFTS), None)
    if given is None and f.pattern.type != "AID":
        return f
    # "from" may hang on the gift ("received aid from the United States").
    f.obj = f.obj or given or next(iter(objects), None)
    pattern = (
        f.pattern
        if f.pattern.type == "AID"
        else generic_pattern("AID", "VERB", verb.lemma_.lower(), None)
    )
    update = {"actor": ("from",), "recipient": ("subject",), "reciprocal": False, "inverse": False}
    f.pattern = pattern.model_copy(update=update)
    return f
