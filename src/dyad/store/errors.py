"""Errors the store raises; the CLI turns each into a one-line message."""

from __future__ import annotations

from dyad.errors import DyadError


class StoreError(DyadError):
    """The database cannot be opened, migrated or written."""


class NoStoreError(StoreError):
    """A read command was pointed at a SQLite file that does not exist."""


class FilterError(DyadError):
    """A query filter (``--dyad``, ``--since`` ...) is malformed."""


class EventNotFound(DyadError):
    """No stored event has the given id (or the id prefix matches several)."""
