"""One writer at a time, and a retry when a write still meets another's.

Ingest decides which documents are new and writes their events in one transaction, and
linking reads the events stored so far to decide what a new report joins: two writers
interleaving would each miss the other's rows. So every write transaction first takes the
store's write lock: on PostgreSQL a transaction-level advisory lock, on SQLite ``BEGIN
IMMEDIATE`` (the write lock at the start, where a deferred transaction that read first
would fail with "database is locked" when it came to write). Readers are never blocked.

Migrations take a lock of their own the same way (PostgreSQL advisory lock; SQLite ``BEGIN
EXCLUSIVE``), and read the revision again once they hold it, so two commands opening one
new database at once migrate it once.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Engine

T = TypeVar("T")

# PostgreSQL advisory lock keys ("dyad" in ASCII, then 1 and 2): any 64-bit numbers unlikely
# to be used by other applications sharing the database.
WRITE_LOCK = 0x64796164_00000001
MIGRATE_LOCK = 0x64796164_00000002
SQLITE_BEGIN = "dyad_sqlite_begin"  # execution option read by the store's "begin" listener
ATTEMPTS = 6
# PostgreSQL: serialization failure, deadlock detected, lock not available.
RETRY_SQLSTATES = {"40001", "40P01", "55P03"}


@contextmanager
def locked(
    engine: Engine, *, key: int = WRITE_LOCK, sqlite: str = "IMMEDIATE"
) -> Iterator[sa.Connection]:
    """A transaction holding the store's write lock (or, with ``MIGRATE_LOCK`` and
    ``EXCLUSIVE``, the migration lock); committed when the block ends without error."""
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn.execution_options(**{SQLITE_BEGIN: sqlite})
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
            yield conn


def retryable(exc: sa.exc.DBAPIError) -> bool:
    """A conflict with another writer, which doing the work again resolves."""
    if isinstance(exc, sa.exc.IntegrityError):
        return True  # a row another writer stored first: the retry sees it stored
    if isinstance(exc, sa.exc.OperationalError):
        if getattr(exc.orig, "sqlstate", None) in RETRY_SQLSTATES:
            return True
        return "database is locked" in str(exc.orig)
    return False


def write(engine: Engine, work: Callable[[sa.Connection], T], *, attempts: int = ATTEMPTS) -> T:
    """``work`` in a locked transaction, done again (after a short random wait) when it
    conflicts with another writer; the last conflict is raised."""
    for attempt in range(attempts):
        try:
            with locked(engine) as conn:
                return work(conn)
        except sa.exc.DBAPIError as exc:
            if attempt == attempts - 1 or not retryable(exc):
                raise
            time.sleep(random.uniform(0.05, 0.2) * 2**attempt)
    raise AssertionError("unreachable")  # the loop returns or raises
