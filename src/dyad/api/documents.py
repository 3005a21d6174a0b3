"""Documents: one stored article with its event mentions located in its text, and the write
endpoint that codes and stores submitted articles.

JSON at ``/api/documents/{id}`` and ``POST /api/documents``; the page at ``/documents/{id}``.
"""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from dyad.api import queries
from dyad.api.auth import require_write
from dyad.api.errors import NotFound, PayloadTooLarge
from dyad.api.models import (
    DocumentDetail,
    DocumentIn,
    DocumentResult,
    DocumentSummary,
    IngestResult,
    MentionOut,
)
from dyad.api.pages import render
from dyad.api.params import StoreParam
from dyad.errors import InputError
from dyad.ingest import DEFAULT_MAX_BYTES, document_id, make_document, parse_published
from dyad.records import Document, Reject
from dyad.store import Store

router = APIRouter()


def _detail(store: Store, doc_id: str) -> DocumentDetail:
    doc = queries.get_document(store.engine, doc_id)
    if doc is None:
        raise NotFound(f"no document {doc_id!r} in the store")
    found = queries.document_mentions(store.engine, doc_id)
    return DocumentDetail(
        document=DocumentSummary(
            id=doc.id, title=doc.title, url=doc.url, source=doc.source, published=doc.published
        ),
        text=doc.text,
        mentions=found,
    )


@router.get("/api/documents/{document_id}", response_model=DocumentDetail, tags=["documents"])
def get_document(store: StoreParam, document_id: str) -> DocumentDetail:
    """A stored document's text, with every event mention in it located by character
    offsets (sentence and trigger)."""
    return _detail(store, document_id)


def _read(item: DocumentIn, index: int) -> Document | Reject:
    """One submitted record as ``dyad.ingest`` reads a JSON Lines line: a ``Document``, or a
    ``Reject`` with a reason code. Its origin is its URL, else a hash of its text."""
    origin = item.url or f"api:{document_id(item.text)}"
    try:
        size = len(item.text.encode("utf-8"))
        if size > DEFAULT_MAX_BYTES:
            raise InputError(
                "too-large", f"document {index}: {size:,} bytes is over the article limit"
            )
        return make_document(
            item.text,
            origin=origin,
            title=item.title or None,
            url=item.url or None,
            source=item.source or None,
            published=parse_published(item.published, origin=f"document {index}"),
        )
    except InputError as err:
        return Reject(origin=origin, reason=err.reason, detail=err.detail)


@router.post(
    "/api/documents",
    response_model=IngestResult,
    dependencies=[Depends(require_write)],
    tags=["documents"],
)
async def post_documents(request: Request, items: list[DocumentIn]) -> IngestResult:
    """Code and store articles (needs the bearer token). Each is read as a JSON Lines record
    is by `dyad ingest`: `text` required; `title`, `url`, `source`, `published` optional.

    A rejected article (empty, not English, bad date ...) does not stop the others; each
    gets its outcome, in order. An article already stored (same normalised text) is not
    coded again.
    """
    resources = request.app.state.resources
    limit = resources.settings.max_batch
    if len(items) > limit:
        raise PayloadTooLarge(
            f"{len(items)} documents in one request; at most {limit} are accepted"
        )
    # Reading normalises and hashes up to 5 MB a document: off the event loop, as is coding
    # and storing, which wait in the write queue without holding a thread.
    read = await run_in_threadpool(lambda: [_read(item, i) for i, item in enumerate(items)])
    outcomes = await asyncio.wrap_future(resources.writes.submit(read))
    results = [
        DocumentResult(
            index=i,
            outcome=o.kind,  # type: ignore[arg-type]
            document_id=o.document_id,
            events=o.events,
            reason=o.reason,
            detail=o.detail,
        )
        for i, o in enumerate(outcomes)
    ]
    return IngestResult(
        stored=sum(r.outcome == "stored" for r in results),
        already_stored=sum(r.outcome == "already stored" for r in results),
        rejected=sum(r.outcome == "rejected" for r in results),
        events=sum(r.events for r in results),
        results=results,
    )


# Page -----------------------------------------------------------------------------------


def _segments(text: str, found: list[MentionOut]) -> list[dict[str, Any]]:
    """The text cut at sentence and trigger boundaries of the mentions, for marking up:
    each piece with the events whose sentence holds it and whether it is a trigger."""
    cuts = {0, len(text)}
    for m in found:
        cuts.update(
            x
            for x in (m.sentence_start, m.sentence_end, m.trigger_start, m.trigger_end)
            if 0 <= x <= len(text)
        )
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:], strict=False):
        inside = [m for m in found if m.sentence_start <= a and b <= m.sentence_end]
        trigger = [m for m in inside if m.trigger_start <= a and b <= m.trigger_end]
        out.append(
            {
                "text": text[a:b],
                "start": a,
                "events": inside,
                "trigger": trigger[0] if trigger else None,
                "first": [m for m in inside if m.sentence_start == a],
            }
        )
    return out


@router.get("/documents/{document_id}", response_class=HTMLResponse, include_in_schema=False)
def document_page(request: Request, store: StoreParam, document_id: str) -> HTMLResponse:
    detail = _detail(store, document_id)
    return render(
        request,
        "document.html",
        {"d": detail, "segments": _segments(detail.text, detail.mentions)},
    )
