"""Statistics by period: events per PLOVER type and quad class, with the mean Goldstein
score; the HTTP twin of ``dyad stats`` (give ``dyad=CHN-PER`` for one relationship)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from dyad.api.models import PeriodOut, StatsOut
from dyad.api.params import FiltersParam, StoreParam
from dyad.store import PeriodStats

router = APIRouter()


def _period(p: PeriodStats) -> PeriodOut:
    return PeriodOut(
        period=p.period,
        events=p.events,
        by_type=dict(sorted(p.by_type.items())),
        by_quad={str(q): n for q, n in sorted(p.by_quad.items())},
        goldstein_mean=round(p.goldstein_mean, 3) if p.goldstein_mean is not None else None,
    )


@router.get("/api/stats", response_model=StatsOut, tags=["statistics"])
def get_stats(
    store: StoreParam,
    where: FiltersParam,
    by: Annotated[
        Literal["day", "week", "month", "year"], Query(description="The period to count by.")
    ] = "month",
) -> StatsOut:
    """Matching events per period (undated ones last, as "undated") and in total."""
    result = store.stats(where, by=by)
    return StatsOut(
        by=result.by, periods=[_period(p) for p in result.periods], total=_period(result.total)
    )
