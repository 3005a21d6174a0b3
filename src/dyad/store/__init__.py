"""Stage 8, store: documents, rejected inputs and events in SQLite or PostgreSQL.

The library twin of ``dyad ingest``, ``dyad events``, ``dyad stats``, ``dyad show``,
``dyad export`` and ``dyad recode``::

    from dyad.coder import Coder
    from dyad.ingest import read
    from dyad.store import Filters, Store

    with Store.open("dyad.db") as store:
        for outcome in store.ingest(read(["articles/"]), Coder.create()):
            ...
        for stored in store.events(Filters.parse(dyad="CHN-PER", since="2024")):
            print(stored.event.type, stored.url)
"""

from __future__ import annotations

from dyad.store.database import DEFAULT_URL, ENV_VAR, Store, resolve_url
from dyad.store.errors import EventNotFound, FilterError, NoStoreError, StoreError
from dyad.store.export import FORMATS
from dyad.store.ingest import BATCH_SIZE, DocumentCoder, Outcome, Recoded
from dyad.store.query import Filters, PeriodStats, Stats, StoredEvent, Totals

__all__ = [
    "BATCH_SIZE",
    "DEFAULT_URL",
    "ENV_VAR",
    "FORMATS",
    "DocumentCoder",
    "EventNotFound",
    "FilterError",
    "Filters",
    "NoStoreError",
    "Outcome",
    "PeriodStats",
    "Recoded",
    "Stats",
    "Store",
    "StoreError",
    "StoredEvent",
    "Totals",
    "resolve_url",
]
