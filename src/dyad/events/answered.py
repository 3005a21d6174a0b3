"""Requests and offers named only as what a response answers.

"Yemen rejected a U.S. request to interrogate detainees", "refused to respond to a demand
from the president", "accepted the offer": the sentence reports the response; the request
or offer it answers was made earlier and is told here only to say what was answered. PLOVER
codes the response alone (the CAMEO manual's examples do), and an analyst coding a whole
article does too. The lexicon's request nouns need a light verb ("made a request"), so this
guards the detector, which reads the noun as a request wherever it stands.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.events.triggers import trigger_types

# Types whose noun names something a response can answer.
ANSWERABLE = frozenset({"REQUEST", "AGREE"})
# Types of the response itself.
RESPONSES = frozenset({"REJECT", "CONCEDE"})
# Verbs that answer their object, whatever type the lexicon gives them ("ignored the
# calls", "heeded the appeal", "responded to the demand").
ANSWERING = frozenset({
    "respond", "reply", "answer", "heed", "ignore", "accept", "reject", "refuse", "decline",
    "rebuff", "spurn", "dismiss", "deny", "grant", "meet", "honour", "honor",
})  # fmt: skip
OBJECTS = frozenset({"dobj", "nsubjpass", "pobj"})


def answered(tok: Token, etype: str) -> bool:
    """Whether ``tok``, read as an event of ``etype``, only names what a response answers."""
    if etype not in ANSWERABLE or tok.pos_ not in {"NOUN", "PROPN"} or tok.dep_ not in OBJECTS:
        return False
    verb = tok.head
    if tok.dep_ == "pobj":
        if verb.lower_ != "to":
            return False
        verb = verb.head  # "responded to a demand"
    return _answers(verb) or (verb.dep_ == "xcomp" and _answers(verb.head))


def _answers(verb: Token) -> bool:
    """ "rejected", "refused (to respond)", "ignored": a verb of answering."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    return verb.lemma_.lower() in ANSWERING or bool(trigger_types(verb) & RESPONSES)
