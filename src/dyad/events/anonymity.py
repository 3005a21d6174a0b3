"""A source's request not to be named ("asked that his name not be used", "requested
anonymity", "asked not to be identified") is how wire copy explains an unnamed source, never
a demand made of anyone: the request verb's content is its own speaker's name."""

from __future__ import annotations

from spacy.tokens import Token

ANONYMITY = frozenset({"anonymity", "anonymous"})
NAMING = frozenset({"name", "identify", "quote", "use", "publish", "cite"})
CONTENT_DEPS = frozenset({"ccomp", "xcomp"})


def about_anonymity(trigger: Token) -> bool:
    """``trigger`` asks for its speaker's anonymity: its object is anonymity, or its
    content clause is a naming verb, negated and passive ("not be named")."""
    for c in trigger.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in ANONYMITY:
            return True
        if c.dep_ in CONTENT_DEPS and c.lemma_.lower() in NAMING:
            deps = {g.dep_ for g in c.children}
            if "neg" in deps and ("auxpass" in deps or "nsubjpass" in deps):
                return True
    return False
