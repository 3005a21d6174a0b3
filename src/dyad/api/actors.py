"""Actors: search by name in the knowledge base and the store; one actor with its dated
roles and how often it takes part in stored events."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from dyad.actors import lookup
from dyad.actors.kb import Entry, name_key
from dyad.api import queries
from dyad.api.errors import NotFound
from dyad.api.models import (
    ActorCountsOut,
    ActorDetail,
    ActorMatch,
    ActorSearch,
    KbRole,
)
from dyad.api.params import KbParam, StoreParam

router = APIRouter()
MAX_RESULTS = 50


def _countries(entry: Entry) -> list[str]:
    return sorted({r.country for r in entry.roles})


@router.get("/api/actors", response_model=ActorSearch, tags=["actors"])
def search_actors(
    store: StoreParam,
    kb: KbParam,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=200,
            description='A name as news gives it: "Premier Li", "Boluarte", "China".',
        ),
    ],
    limit: Annotated[int, Query(ge=1, le=MAX_RESULTS)] = 20,
) -> ActorSearch:
    """Knowledge-base actors the name fits (as the coder resolves names, then any whose
    name or alias contains it), then participants of stored events whose name contains it;
    each with the number of stored events it takes part in."""
    found: dict[str, ActorMatch] = {}
    hit = lookup(kb, q)
    kb_hits: list[tuple[Entry, str]] = []
    if hit.entry is not None:
        kb_hits.append((hit.entry, hit.how or "kb"))
    kb_hits += [(c, "candidate") for c in hit.candidates]
    key = name_key(q)
    if len(key) >= 2:
        kb_hits += [
            (e, "name")
            for e in kb.entries.values()
            if any(key in name_key(n) for n in [e.name, *e.aliases])
        ]
    for entry, how in kb_hits:
        if entry.id not in found and len(found) < limit:
            found[entry.id] = ActorMatch(
                actor_id=entry.id,
                name=entry.name,
                kind=entry.kind,
                countries=_countries(entry),
                in_kb=True,
                events=0,
                matched_by=how,
            )
    for actor_id, n in queries.events_per_actor(store.engine, list(found)).items():
        found[actor_id].events = n
    for s in queries.search_store_actors(store.engine, q, limit=limit):
        known = s.actor_id in found if s.actor_id else False
        if known or len(found) >= limit:
            continue
        entry = kb.entries.get(s.actor_id) if s.actor_id else None
        found[s.actor_id or f"name:{s.name}"] = ActorMatch(
            actor_id=s.actor_id,
            name=entry.name if entry else s.name,
            kind=entry.kind if entry else None,
            countries=s.countries,
            in_kb=entry is not None,
            events=s.events,
            matched_by="store",
        )
    return ActorSearch(query=q, actors=list(found.values()))


@router.get("/api/actors/{actor_id}", response_model=ActorDetail, tags=["actors"])
def get_actor(store: StoreParam, kb: KbParam, actor_id: str) -> ActorDetail:
    """A knowledge-base actor (or an actor id found in the store) with its dated roles and
    event counts: in all, as actor and as recipient, by PLOVER type and by year."""
    entry = kb.entries.get(actor_id)
    counts = queries.actor_counts(store.engine, actor_id)
    if entry is None and not counts.events:
        raise NotFound(
            f"no actor {actor_id!r} in the knowledge base or the store; "
            "search with /api/actors?q=NAME"
        )
    return ActorDetail(
        actor_id=actor_id,
        name=entry.name if entry else (counts.names[0] if counts.names else actor_id),
        kind=entry.kind if entry else None,
        aliases=list(entry.aliases) if entry else [],
        in_kb=entry is not None,
        roles=[
            KbRole(country=r.country, sector=r.sector, title=r.title, start=r.start, end=r.end)
            for r in (entry.roles if entry else [])
        ],
        names_in_store=counts.names,
        counts=ActorCountsOut(
            events=counts.events,
            as_actor=counts.as_actor,
            as_recipient=counts.as_recipient,
            by_type=counts.by_type,
            by_year=counts.by_year,
            first=counts.first,
            last=counts.last,
        ),
    )
