"""The notebook API: ``dyad.code(...)`` and ``dyad.Store(url).events(...)``.

Both return ``Events``, a list of ``dyad.records.Event`` with ``to_arrow()`` and
``to_pandas()``. Reached through ``dyad.code`` / ``dyad.Store`` (``dyad.__getattr__``), so
``import dyad`` loads none of this, nor spaCy, until it is used.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from dyad.optional import require
from dyad.records import Event

if TYPE_CHECKING:
    import pandas
    import pyarrow

    from dyad.coder import Coder


class Events(list[Event]):
    """Events as a list, with column-oriented views for analysis."""

    def to_dicts(self) -> list[dict[str, Any]]:
        return [e.to_dict() for e in self]

    def to_arrow(self) -> pyarrow.Table:
        """A pyarrow table, one row an event; nested fields (actors, date, place) as structs."""
        pa = require("pyarrow", extra="parquet", feature="Events.to_arrow()")
        return pa.Table.from_pylist(self.to_dicts())

    def to_pandas(self) -> pandas.DataFrame:
        """A pandas DataFrame, one row an event, nested fields flattened with dots
        (``date.start``, ``place.country``). Needs the ``pandas`` extra."""
        pd = require("pandas", extra="pandas", feature="Events.to_pandas()")
        return pd.json_normalize(self.to_dicts(), max_level=1)


@functools.cache
def _coder() -> Coder:
    from dyad.coder import Coder

    return Coder.create()


def code(
    text_or_texts: str | Iterable[str],
    *,
    published: str | None = None,
    ids: str | Iterable[str | None] | None = None,
) -> Events:
    """Code one text or several; returns their events, in input order.

    ``published`` (YYYY-MM-DD) anchors relative dates ("on Monday"). ``ids`` names each text
    (one id for one text); every event carries its text's id as ``source_id``, so events
    can be joined back to the articles. The coder is loaded on first use and kept."""
    from dyad.ingest import make_document, parse_published

    texts = [text_or_texts] if isinstance(text_or_texts, str) else list(text_or_texts)
    if ids is None:
        names: list[str | None] = [None] * len(texts)
    elif isinstance(ids, str):
        if len(texts) != 1:
            raise ValueError("one id for several texts: pass a list of ids, one per text")
        names = [ids]
    else:
        names = list(ids)
        if len(names) != len(texts):
            raise ValueError(f"{len(names)} ids for {len(texts)} texts: give one per text")
    day = parse_published(published, origin="published") if published else None
    docs = [
        make_document(t, origin=f"<text {i}>", published=day, source_id=n)
        for i, (t, n) in enumerate(zip(texts, names, strict=True))
    ]
    found = Events()
    for _doc, events in _coder().code(docs):
        found.extend(events)
    return found


class Store:
    """A Dyad store (SQLite path or URL, as ``--db``), read from a notebook."""

    def __init__(self, url: str | None = None) -> None:
        from dyad.store import Store as _Store

        self._store = _Store.open(url, create=False)

    def events(self, **filters: Any) -> Events:
        """Stored events matching the filters of ``dyad events`` (``actor``, ``country``,
        ``dyad``, ``type``, ``status``, ``since``, ``until``, ``limit``)."""
        from dyad.store import Filters

        return Events(s.event for s in self._store.events(Filters.parse(**filters)))

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
