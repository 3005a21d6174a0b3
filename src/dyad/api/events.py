"""Events: the filtered listing with cursor pagination, and one event with its evidence.

JSON at ``/api/events`` and ``/api/events/{id}``; pages at ``/`` (filter bar, timeline,
network and listing) and ``/events/{id}``.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from dyad.actors import KnowledgeBase
from dyad.api import queries
from dyad.api.countries import check_countries
from dyad.api.errors import BadRequest
from dyad.api.evidence import locate, pieces
from dyad.api.models import (
    DocumentSummary,
    EventDetail,
    EventPage,
    EvidenceOut,
    Participant,
    RoleOnDate,
)
from dyad.api.network import network_of
from dyad.api.pages import FILTER_NAMES, render
from dyad.api.params import FiltersParam, KbParam, StoreParam, filters
from dyad.errors import DyadError
from dyad.records import Event
from dyad.store import Filters, Store

MAX_PAGE_SIZE = 500

router = APIRouter()

Limit = Annotated[
    int | None,
    Query(ge=1, le=MAX_PAGE_SIZE, description="Events per page (default 50)."),
]
Cursor = Annotated[
    str | None,
    Query(max_length=500, description="The `next` value of the previous page."),
]


@router.get("/api/events", response_model=EventPage, tags=["events"])
def list_events(
    request: Request,
    store: StoreParam,
    where: FiltersParam,
    limit: Limit = None,
    cursor: Cursor = None,
    count: Annotated[
        bool,
        Query(description="Also count every matching event (a full scan on a large store)."),
    ] = False,
) -> EventPage:
    """Events matching every filter given, by date (undated last) then id, a page at a time.

    Follow `next` for the following page: the order is stable under inserts, so no event is
    shown twice or skipped while the store grows. (An event whose date moves, when a later
    report with a better date is linked to it, moves in the order too.)
    """
    size = limit or request.app.state.settings.page_size
    found, following = queries.page_events(store.engine, where, limit=size, cursor=cursor)
    return EventPage(
        events=[s.event for s in found],
        count=store.count(where) if count else None,
        limit=size,
        next=following,
    )


def _day(event: Event) -> dt.date | None:
    try:
        return dt.date.fromisoformat(event.date.start) if event.date.start else None
    except ValueError:
        return None


def event_detail(store: Store, kb: KnowledgeBase, event_id: str) -> EventDetail:
    stored = store.event(event_id)
    e = stored.event
    doc_ids = list(dict.fromkeys([m.document_id for m in e.mentions] or [stored.document_id]))
    docs = queries.document_summaries(store.engine, doc_ids)
    day = _day(e)
    participants = []
    for side, refs in (("actor", e.actors), ("recipient", e.recipients)):
        for ref in refs:
            entry = kb.entries.get(ref.actor_id) if ref.actor_id else None
            role = None
            if entry is not None:
                r = kb.role_on(entry, day, title=ref.role, country=ref.country)
                role = RoleOnDate(
                    country=r.country, sector=r.sector, title=r.title, current=r.current
                )
            participants.append(
                Participant(
                    side=side,  # type: ignore[arg-type]
                    ref=ref,
                    kind=entry.kind if entry else None,
                    role_on_date=role,
                )
            )
    evidence = []
    for m in e.mentions:
        ev = locate(m, e, kb)
        doc = docs.get(m.document_id)
        evidence.append(
            EvidenceOut(
                document_id=ev.document_id,
                document_title=doc.title if doc else None,
                sentence=ev.sentence,
                start=ev.start,
                end=ev.end,
                trigger=ev.trigger,
                pattern=ev.pattern,
                spans=ev.spans,
            )
        )
    return EventDetail(
        event=e,
        documents=[
            DocumentSummary(
                id=d.id, title=d.title, url=d.url, source=d.source, published=d.published
            )
            for d in (docs[i] for i in doc_ids if i in docs)
        ],
        participants=participants,
        evidence=evidence,
    )


@router.get("/api/events/{event_id}", response_model=EventDetail, tags=["events"])
def get_event(store: StoreParam, kb: KbParam, event_id: str) -> EventDetail:
    """One event (by id, or a prefix only it has) with its documents, its participants'
    roles on its date, and every mention's sentence with the trigger and participants
    located in it."""
    return event_detail(store, kb, event_id)


# Pages ----------------------------------------------------------------------------------


def _label(e: Event) -> str:
    who = ", ".join(r.name for r in e.actors)
    whom = ", ".join(r.name for r in e.recipients)
    return f"{who} → {whom}" if whom else who


def _timeline(found: list[Any]) -> list[dict[str, Any]]:
    return [
        {
            "id": s.event.id,
            "start": s.event.date.start,
            "end": s.event.date.end,
            "type": s.event.type,
            "mode": s.event.mode,
            "status": s.event.status,
            "quad": s.event.quad_class,
            "label": _label(s.event),
        }
        for s in found
        if _day(s.event) is not None
    ]


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def index(request: Request, store: StoreParam, kb: KbParam) -> HTMLResponse:
    q = request.query_params
    values = {name: q.get(name, "") for name in FILTER_NAMES}
    settings = request.app.state.settings
    context: dict[str, Any] = {"values": values, "error": None, "net": q.get("net", "country")}
    try:
        where: Filters = filters(
            **{("event_type" if k == "type" else k): v for k, v in values.items()}
        )
        check_countries(where, kb, store.engine)
        if context["net"] not in {"country", "actor"}:
            raise BadRequest("net: must be country or actor")
    except (DyadError, BadRequest) as exc:
        context["error"] = str(exc)
        response = render(request, "index.html", context)
        response.status_code = 400
        return response
    cursor = q.get("cursor") or None
    page, following = queries.page_events(
        store.engine, where, limit=settings.page_size, cursor=cursor
    )
    drawn, _ = queries.page_events(store.engine, where, limit=settings.timeline_max)
    net = network_of(store, kb, where, by=context["net"], limit=settings.network_max)
    count = store.count(where)
    context.update(
        count=count,
        page=[s.event for s in page],
        next=following,
        cursor=cursor,
        timeline=json.dumps(_timeline(drawn), ensure_ascii=False).replace("</", "<\\/"),
        timeline_shown=len(drawn),
        network=net.model_dump_json().replace("</", "<\\/"),
        label=_label,
    )
    return render(request, "index.html", context)


@router.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
def event_page(request: Request, store: StoreParam, kb: KbParam, event_id: str) -> HTMLResponse:
    detail = event_detail(store, kb, event_id)
    titles = {d.id: d.title for d in detail.documents}
    evidence = [
        (m, pieces(locate(m, detail.event, kb)), titles.get(m.document_id))
        for m in detail.event.mentions
    ]
    return render(request, "event.html", {"d": detail, "e": detail.event, "evidence": evidence})
