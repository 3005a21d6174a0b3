"""Which country codes a filter may name: a code no event can carry is a 400 saying so,
not an empty answer that looks like "no events" (``/api/events?country=ZZZ``).

A code is known when the coder can give it to a participant (an ISO 3166-1 alpha-3 code of
the gazetteer or of a nationality word, the non-state codes such as IGO, a country of a
knowledge-base role) or when a stored event has it (a store coded by another version or
with other actor files).
"""

from __future__ import annotations

import functools

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from dyad.actors import KnowledgeBase
from dyad.api.errors import BadRequest
from dyad.store import Filters
from dyad.store.schema import actor_refs


@functools.cache
def _coded_codes() -> frozenset[str]:
    from dyad.actors.lexicon import EXTRA_NATIONALITY, lexicon
    from dyad.actors.match import NON_STATES

    lex = lexicon()
    # Some nationality words name a region with its country first (GEOPRE): the country.
    words = [*lex.nationality.values(), *lex.capitals.values(), *EXTRA_NATIONALITY.values()]
    return frozenset({*lex.country_names, *(c[:3] for c in words), *NON_STATES})


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
        if code in _coded_codes() or code in _kb_codes(kb) or _stored(engine, code):
            continue
        raise BadRequest(
            f"{option}: {code!r} is not a country code Dyad knows; use an ISO 3166-1 alpha-3 "
            "code such as PER or CHN (IGO, NGO, MNC for non-state actors)"
        )
