"""A group named by its members: "partners including the United States and France",
"countries such as Germany and Japan" act (or are acted on) as those members, where the
group noun alone is no actor."""

from __future__ import annotations

from spacy.tokens import Token

# Groups of actors whose members news names after them; "platforms including Facebook"
# are things, and a ban on them falls on their users.
MEMBER_GROUPS = frozenset({
    "country", "nation", "state", "partner", "ally", "government", "neighbour", "neighbor",
    "power", "member", "leader", "organisation", "organization", "group", "body", "donor",
    "democracy", "capital", "official", "minister", "party",
})  # fmt: skip


def listing(prep: Token) -> bool:
    """ "partners including the United States and France", "countries such as Germany":
    members named for a group that is no actor by itself."""
    if prep.head.lemma_.lower() not in MEMBER_GROUPS:
        return False
    return prep.lower_ in {"including", "like"} or (
        prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)
    )
