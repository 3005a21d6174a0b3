"""Query parameters shared by the endpoints that filter events: the CLI's filters, by name.

A blank value counts as absent, so the web UI's filter form can submit empty fields.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request

from dyad.actors import KnowledgeBase
from dyad.api.countries import check_countries
from dyad.api.errors import BadRequest
from dyad.store import FilterError, Filters, Store


def _blank(value: str | None) -> str | None:
    return value if value and value.strip() else None


def filters(
    actor: Annotated[
        str | None, Query(description="Actor id (xi-jinping) or part of a name.")
    ] = None,
    country: Annotated[
        str | None, Query(description="ISO alpha-3 code of any participant, e.g. PER.")
    ] = None,
    dyad: Annotated[
        str | None,
        Query(description="Two countries, e.g. CHN-PER: what each did to the other."),
    ] = None,
    event_type: Annotated[
        str | None, Query(alias="type", description="PLOVER type, e.g. CONSULT.")
    ] = None,
    status: Annotated[
        str | None, Query(description="occurred, planned, negated or hypothetical.")
    ] = None,
    since: Annotated[
        str | None, Query(description="From this date: YYYY-MM-DD, YYYY-MM or YYYY.")
    ] = None,
    until: Annotated[
        str | None, Query(description="Up to this date, inclusive: YYYY-MM-DD, YYYY-MM or YYYY.")
    ] = None,
) -> Filters:
    """The filters as ``dyad.store.Filters``; a bad value is a 400 saying why."""
    try:
        return Filters.parse(
            actor=_blank(actor),
            country=_blank(country),
            dyad=_blank(dyad),
            type=_blank(event_type),
            status=_blank(status),
            since=_blank(since),
            until=_blank(until),
        )
    except FilterError as exc:
        # The store names the command-line option (--type); here it is a query parameter.
        raise BadRequest(str(exc).removeprefix("--")) from exc


def store(request: Request) -> Store:
    return request.app.state.resources.store


def kb(request: Request) -> KnowledgeBase:
    return request.app.state.resources.kb()


StoreParam = Annotated[Store, Depends(store)]
KbParam = Annotated[KnowledgeBase, Depends(kb)]


def known_filters(
    where: Annotated[Filters, Depends(filters)], store: StoreParam, kb: KbParam
) -> Filters:
    """``filters``, with their country codes checked against those an event can have."""
    check_countries(where, kb, store.engine)
    return where


FiltersParam = Annotated[Filters, Depends(known_filters)]
