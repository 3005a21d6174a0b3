"""Which country codes an API filter may name: a code no event can carry is a 400 saying so,
not an empty answer that looks like "no events" (``/api/events?country=ZZZ``).

The codes are the CLI's (``dyad.countries``), plus any country of a knowledge-base role or of
a stored event (a store coded by another version or with the user's own actor files).
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from dyad.actors import KnowledgeBase
from dyad.api.errors import BadRequest
from dyad.countries import CountryCodeError, check_country
from dyad.store import Filters
from dyad.store.schema import actor_refs


def _kb_codes(kb: KnowledgeBase) -> frozenset[str]:
    # Cached on the knowledge base's identity: a server holds one for its lifetime.
    cached = _KB_CODES.get(id(kb))
    if cached is None or cached[0] is not kb:
        codes = frozenset(r.country for e in kb.entries.values() for r in e.roles if r.country)
        cached = _KB_CODES[id(kb)] = (kb, codes)
    return cached[1]


_KB_CODES: dict[int, tuple[KnowledgeBase, frozenset[str]]] = {}


def _stored(engine: Engine, code: str) -> bool:
    query = sa.select(actor_refs.c.country).where(actor_refs.c.country == code).limit(1)
    with engine.connect() as conn:
        return conn.execute(query).first() is not None


def check_countries(where: Filters, kb: KnowledgeBase, engine: Engine) -> None:
    """Raise ``BadRequest`` naming the fix when ``where`` names a country no event can have."""
    named = [("country", where.country)] if where.country else []
    named += [("dyad", c) for c in where.dyad or ()]
    for option, code in named:
        try:
            check_country(code, option)
        except CountryCodeError as e:
            # Codes of the user's own actor files, or of a store coded with them, stay valid.
            if code in _kb_codes(kb) or _stored(engine, code):
                continue
            raise BadRequest(str(e)) from None
