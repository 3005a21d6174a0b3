"""Opening a store: the database URL, the engine, and migrations applied on open.

SQLite is the embedded default (a ``dyad.db`` file in the working directory); PostgreSQL serves
a team. Both go through the same SQLAlchemy Core statements; the only dialect-specific code is
the ``ON CONFLICT`` insert in ``rows.py``, the connection settings here, the few query
pieces that take the dialect's name (a date's period and the join of events by id:
``query.period_start``, ``query.same_id``), and SQLite's period indexes (migration 0005).
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine, make_url

from dyad import __version__
from dyad.records import Document, Event, Reject
from dyad.store import export as _export
from dyad.store import ingest as _ingest
from dyad.store import query as _query
from dyad.store import rows as _rows
from dyad.store.errors import NoStoreError, StoreError
from dyad.store.locking import MIGRATE_LOCK, SQLITE_BEGIN, locked
from dyad.store.schema import SCHEMA_REVISION, documents, store_info
from dyad.stories import Story

DEFAULT_URL = "sqlite:///dyad.db"
ENV_VAR = "DYAD_DB"
SQLITE_TIMEOUT = 30.0  # seconds a SQLite writer waits for another before "database is locked"
MIGRATIONS = "dyad.store:migrations"


def resolve_url(db: str | None = None) -> str:
    """The database URL: ``db`` if given, else ``$DYAD_DB``, else ``sqlite:///dyad.db``.

    A value without ``://`` is a SQLite file path. ``postgresql://`` URLs get the psycopg 3
    driver, the one Dyad installs (SQLAlchemy would otherwise look for psycopg2).
    """
    value = db or os.environ.get(ENV_VAR) or DEFAULT_URL
    if "://" not in value:
        path = str(Path(value).expanduser())
        return URL.create("sqlite", database=path).render_as_string(hide_password=False)
    scheme, rest = value.split("://", 1)
    if scheme in {"postgresql", "postgres"}:
        return f"postgresql+psycopg://{rest}"
    return value


def create_engine(url: str) -> Engine:
    """An engine for a SQLite or PostgreSQL URL, with the settings the store relies on."""
    try:
        parsed = make_url(url)
    except sa.exc.ArgumentError as exc:
        raise StoreError(f"{url!r} is not a database URL or a file path") from exc
    backend = parsed.get_backend_name()
    kwargs: dict[str, Any] = {}
    if backend == "sqlite":
        # A writer waits for another instead of failing at once with "database is locked".
        kwargs["connect_args"] = {"timeout": SQLITE_TIMEOUT}
        if parsed.database in (None, "", ":memory:"):
            kwargs["poolclass"] = sa.pool.StaticPool  # one connection, or each sees a new DB
    elif backend == "postgresql":
        kwargs["pool_pre_ping"] = True
    else:
        raise StoreError(f"Dyad stores events in SQLite or PostgreSQL, not {backend!r} ({url})")
    try:
        engine = sa.create_engine(parsed, **kwargs)
    except (sa.exc.NoSuchModuleError, ImportError) as exc:
        raise StoreError(f"no database driver for {url!r}: {exc}") from exc
    if backend == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_settings)
        sa.event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_begin(conn: sa.Connection) -> None:
    # SQLAlchemy's recipe for SQLite transactions it controls: the driver begins none of its
    # own (isolation_level None, below), and each transaction opens with the BEGIN the
    # connection asks for: IMMEDIATE for writes, EXCLUSIVE for migrations (``locking``).
    mode = conn.get_execution_options().get(SQLITE_BEGIN, "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def _sqlite_settings(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    # WAL lets `dyad events` read while an ingest writes; with synchronous=NORMAL a commit
    # survives the process being killed (only a power cut can lose the last commits).
    _wal(cursor)
    cursor.execute("PRAGMA synchronous = NORMAL")
    # A 16 MiB page cache (the default is 2 MiB), so that statistics over 100,000 events
    # sort in memory instead of spilling to a temporary file (45 ms instead of 57); an
    # upper bound per connection, filled only as a large store is read.
    cursor.execute(f"PRAGMA cache_size = -{16 * 1024}")
    cursor.close()


def _wal(cursor: Any) -> None:
    # Switching a new database to WAL needs it to itself for a moment, and SQLite answers
    # "database is locked" at once, without the busy timeout, when several commands open it
    # together (four concurrent ingests into a new file hit this): try again for a while.
    deadline = time.monotonic() + SQLITE_TIMEOUT
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def migrate(engine: Engine) -> None:
    """Bring the schema up to ``SCHEMA_REVISION`` with Alembic; a no-op when it is there."""
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    if current == SCHEMA_REVISION:
        return  # the common case: no lock, no migration scripts loaded
    # Another command may be migrating this database right now: wait for its lock, then
    # read the revision again, which it may have brought up to date meanwhile.
    with locked(engine, key=MIGRATE_LOCK, sqlite="EXCLUSIVE") as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        if current == SCHEMA_REVISION:
            return
        cfg = Config()
        cfg.set_main_option("script_location", MIGRATIONS)
        cfg.set_main_option("path_separator", "os")
        if current is not None:
            try:
                ScriptDirectory.from_config(cfg).get_revision(current)
            except CommandError as exc:
                raise StoreError(
                    f"the store has schema revision {current}, which this Dyad "
                    f"({__version__}) does not know; upgrade Dyad to use it"
                ) from exc
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        _write_info(conn, {"schema_revision": SCHEMA_REVISION}, only_new={"created_by"})


def _write_info(
    conn: sa.Connection, values: dict[str, str], *, only_new: Iterable[str] = ()
) -> None:
    known = {r.key: r.value for r in conn.execute(sa.select(store_info))}
    for key in only_new:
        if key not in known:
            values = {**values, key: f"dyad {__version__}"}
    for key, value in values.items():
        if key in known:
            conn.execute(store_info.update().where(store_info.c.key == key).values(value=value))
        else:
            conn.execute(store_info.insert().values(key=key, value=value))


class Store:
    """A Dyad event store: documents, rejected inputs, events, mentions and actor references.

    ``Store.open()`` connects and migrates; use it as a context manager (or call ``close()``)
    so the connection pool is released. Every CLI command that touches the store is one
    method here.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str | None = None, *, create: bool = True) -> Store:
        """Open (and migrate) the store at ``url`` (see ``resolve_url``).

        With ``create=False`` a missing SQLite file raises ``NoStoreError`` instead of being
        created empty, so a mistyped ``--db`` on a read command is reported, not hidden.
        """
        engine = create_engine(resolve_url(url))
        if not create and engine.url.get_backend_name() == "sqlite":
            path = engine.url.database
            if path not in (None, "", ":memory:") and not Path(path).exists():
                engine.dispose()
                raise NoStoreError(
                    f"no store at {path}: run `dyad ingest PATH...` first, "
                    f"or point --db (or {ENV_VAR}) at an existing store"
                )
        try:
            migrate(engine)
        except sa.exc.OperationalError as exc:
            engine.dispose()
            raise StoreError(f"cannot open the store at {_shown(engine)}: {exc.orig}") from exc
        except BaseException:
            engine.dispose()
            raise
        return cls(engine)

    @property
    def url(self) -> str:
        """The database URL with any password hidden, for messages."""
        return _shown(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def info(self) -> dict[str, str]:
        """Facts about the store: ``schema_revision``, ``created_by``, ``coder_version``."""
        with self.engine.connect() as conn:
            return {r.key: r.value for r in conn.execute(sa.select(store_info))}

    # Writing -------------------------------------------------------------------------

    def ingest(
        self,
        items: Iterable[Document | Reject],
        coder: _ingest.DocumentCoder,
        *,
        version: str | None = None,
        batch_size: int = _ingest.BATCH_SIZE,
    ) -> Iterator[_ingest.Outcome]:
        """Code and store documents; see ``dyad.store.ingest.ingest``."""
        return _ingest.ingest(self.engine, items, coder, version=version, batch_size=batch_size)

    def recode(
        self,
        coder: _ingest.DocumentCoder,
        *,
        version: str | None = None,
        batch_size: int = _ingest.BATCH_SIZE,
    ) -> Iterator[_ingest.Recoded]:
        """Re-code documents coded by another coder version; see ``ingest.recode``."""
        return _ingest.recode(self.engine, coder, version=version, batch_size=batch_size)

    def outdated(self, version: str | None = None) -> int:
        """How many documents were coded by a coder version other than ``version``."""
        return _ingest.count_outdated(self.engine, version=version)

    # Reading -------------------------------------------------------------------------

    def events(self, filters: _query.Filters | None = None) -> Iterator[_query.StoredEvent]:
        """Stored events matching ``filters``, by date then id, streamed."""
        return _query.iter_events(self.engine, filters or _query.Filters())

    def count(self, filters: _query.Filters | None = None) -> int:
        """How many events match ``filters`` (its ``limit`` ignored)."""
        return _query.count_events(self.engine, filters or _query.Filters())

    def event(self, event_id: str) -> _query.StoredEvent:
        """One event by id, or by a prefix of its id that only it has."""
        return _query.get_event(self.engine, event_id)

    def stats(self, filters: _query.Filters | None = None, *, by: str = "month") -> _query.Stats:
        """Counts by period, PLOVER type and quad class, with the mean Goldstein score."""
        return _query.stats(self.engine, filters or _query.Filters(), by=by)

    def totals(self) -> _query.Totals:
        """Documents, events and rejected inputs (by reason) in the whole store."""
        return _query.totals(self.engine)

    def known_documents(self, ids: list[str]) -> set[str]:
        """Which of these document ids are stored already."""
        with self.engine.connect() as conn:
            return _ingest.existing_ids(conn, ids)

    def stories(self, filters: _query.Filters | None = None) -> list[Story]:
        """Documents about one affair grouped into stories (``dyad.stories.cluster``), for
        the documents that tell the events matching ``filters``."""
        from dyad.stories import cluster

        matching = [se.event for se in self.events(filters)]
        by_doc: dict[str, list[Event]] = {}
        for e in matching:
            by_doc.setdefault(e.mentions[0].document_id if e.mentions else "", []).append(e)
        with self.engine.connect() as conn:
            found = conn.execute(
                sa.select(documents)
                .where(documents.c.id.in_(sorted(by_doc)))
                .order_by(documents.c.published, documents.c.id)
            ).all()
        coded = [(d, by_doc.get(d.id, [])) for d in map(_rows.document_from_row, found)]
        return cluster(coded)

    def export(self, fmt: str, path: Path | str, filters: _query.Filters | None = None) -> int:
        """Write matching events to ``path`` as ``fmt``; returns how many were written."""
        return _export.export(self.events(filters), fmt, Path(path))


def _shown(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)
