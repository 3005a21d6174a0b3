"""Stories: the documents telling the matching events, grouped by affair
(``Store.stories``, which clusters them with ``dyad.stories.cluster``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from dyad.api.errors import BadRequest
from dyad.api.models import StoriesOut, StoryOut
from dyad.api.params import FiltersParam, StoreParam

router = APIRouter()

# Clustering compares every pair of documents: bounded so one request cannot take the
# server's memory and minutes. Filters (dyad, since/until) bring a query under it.
MAX_STORY_EVENTS = 5000


@router.get("/api/stories", response_model=StoriesOut, tags=["stories"])
def list_stories(
    store: StoreParam,
    where: FiltersParam,
    limit: Annotated[int, Query(ge=1, le=500, description="Most stories returned.")] = 50,
) -> StoriesOut:
    """Stories (documents about one affair, with their events and date span) for the
    events matching the filters, earliest first."""
    n = store.count(where)
    if n > MAX_STORY_EVENTS:
        raise BadRequest(
            f"{n:,} events match; stories are grouped for at most {MAX_STORY_EVENTS:,}: "
            "narrow the filters (dyad, country, since, until)"
        )
    return StoriesOut(
        stories=[
            StoryOut(id=s.id, title=s.title, documents=s.documents, events=s.events, span=s.span)
            for s in store.stories(where)[:limit]
        ]
    )
