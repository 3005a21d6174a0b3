"""The network of who engaged whom: countries or actors as nodes, shared events as edges.

An edge's weight is the number of matching events both ends take part in; its colour in the
UI is their mean Goldstein score (-10 conflict ... +10 cooperation).
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from dyad.actors import KnowledgeBase
from dyad.api import queries
from dyad.api.models import EdgeOut, NetworkOut, Node
from dyad.api.params import FiltersParam, KbParam, StoreParam
from dyad.store import Filters, Store

router = APIRouter()


def network_of(
    store: Store, kb: KnowledgeBase, where: Filters, *, by: str, limit: int
) -> NetworkOut:
    edges = queries.network(store.engine, where, by=by, limit=limit)
    weight: dict[str, int] = {}
    for e in edges:
        for end in (e.source, e.target):
            weight[end] = weight.get(end, 0) + e.events

    def label(node: str) -> str:
        entry = kb.entries.get(node) if by == "actor" else None
        return entry.name if entry is not None else node

    return NetworkOut(
        by=by,  # type: ignore[arg-type]
        nodes=[Node(id=n, label=label(n), events=w) for n, w in sorted(weight.items())],
        edges=[
            EdgeOut(
                source=e.source,
                target=e.target,
                events=e.events,
                goldstein_mean=round(e.goldstein_mean, 3),
            )
            for e in edges
        ],
    )


@router.get("/api/network", response_model=NetworkOut, tags=["statistics"])
def get_network(
    store: StoreParam,
    kb: KbParam,
    where: FiltersParam,
    by: Annotated[
        Literal["country", "actor"], Query(description="Nodes are countries or actors.")
    ] = "country",
    limit: Annotated[int, Query(ge=1, le=1000, description="The heaviest edges kept.")] = 100,
) -> NetworkOut:
    """Pairs of participants in the same matching events, heaviest first. A node's
    ``events`` is the sum of its edges' weights."""
    return network_of(store, kb, where, by=by, limit=limit)
