"""Opening a store: the database URL, the engine, and migrations applied on open.

SQLite is the embedded default (a ``dyad.db`` file in the working directory); PostgreSQL serves
a team. Both go through the same SQLAlchemy Core statements; the only dialect-specific code is
the ``ON CONFLICT`` insert in ``rows.py``, the connection settings here, the few query
pieces that take the dialect's name (a date's period and the join of events by id:
``query.period_start``, ``query.same_id``), and SQLite's period indexes (migration 0005).
"""

from __future__ import annotations

import functools
import math
import os
import sqlite3
import time
import urllib.parse
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine, make_url

from dyad import __version__
from dyad.optional import require
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
# Seconds to wait for the database: to connect (PostgreSQL), for one statement (PostgreSQL's
# statement_timeout), for another writer's lock (SQLite's busy timeout). A server that
# accepts the connection but never answers is then an error naming it, not a silent hang.
TIMEOUT_ENV = "DYAD_DB_TIMEOUT"
DEFAULT_TIMEOUT = 10.0
MIGRATIONS = "dyad.store:migrations"


def resolve_url(db: str | None = None) -> str:
    """The database URL: ``db`` if given, else ``$DYAD_DB``, else ``sqlite:///dyad.db``.

    A value without ``://`` is a SQLite file path. ``postgresql://`` URLs get the psycopg 3
    driver, the one the ``postgres`` extra installs (SQLAlchemy would otherwise look for
    psycopg2).
    """
    value = db or os.environ.get(ENV_VAR) or DEFAULT_URL
    if "://" not in value:
        path = str(Path(value).expanduser())
        return URL.create("sqlite", database=path).render_as_string(hide_password=False)
    scheme, rest = value.split("://", 1)
    if scheme in {"postgresql", "postgres"}:
        return f"postgresql+psycopg://{rest}"
    return value


def db_timeout() -> float:
    """The database timeout in seconds: ``$DYAD_DB_TIMEOUT``, else 10."""
    value = os.environ.get(TIMEOUT_ENV, "").strip()
    if not value:
        return DEFAULT_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 < seconds < 86_400:
        raise StoreError(f"{TIMEOUT_ENV}={value!r} is not a number of seconds (e.g. 10)")
    return seconds


def create_engine(url: str, *, timeout: float | None = None, readonly: bool = False) -> Engine:
    """An engine for a SQLite or PostgreSQL URL, with the settings the store relies on.

    ``timeout`` (default ``db_timeout()``) bounds connecting and each statement;
    ``readonly`` opens a SQLite file read-only (a file this user may not write).
    """
    try:
        parsed = make_url(url)
    except sa.exc.ArgumentError as exc:
        raise StoreError(f"{url!r} is not a database URL or a file path") from exc
    timeout = db_timeout() if timeout is None else timeout
    backend = parsed.get_backend_name()
    kwargs: dict[str, Any] = {}
    if backend == "sqlite":
        # A writer waits for another instead of failing at once with "database is locked".
        kwargs["connect_args"] = {"timeout": timeout}
        if parsed.database in (None, "", ":memory:"):
            kwargs["poolclass"] = sa.pool.StaticPool  # one connection, or each sees a new DB
        elif readonly:
            kwargs["creator"] = _read_only_connector(parsed.database, timeout)
    elif backend == "postgresql":
        require("psycopg", extra="postgres", feature="a PostgreSQL store")
        kwargs["pool_pre_ping"] = True
        kwargs["connect_args"] = {
            "connect_timeout": max(1, math.ceil(timeout)),
            "options": f"-c statement_timeout={int(timeout * 1000)}",
        }
    else:
        raise StoreError(f"Dyad stores events in SQLite or PostgreSQL, not {backend!r} ({url})")
    try:
        engine = sa.create_engine(parsed, **kwargs)
    except (sa.exc.NoSuchModuleError, ImportError) as exc:
        raise StoreError(f"no database driver for {url!r}: {exc}") from exc
    if backend == "sqlite":
        settings = functools.partial(_sqlite_settings, timeout=timeout, readonly=readonly)
        sa.event.listen(engine, "connect", settings)
        sa.event.listen(engine, "begin", _sqlite_begin)
    return engine


def _read_only_connector(path: str, timeout: float) -> Any:
    uri = "file:" + urllib.parse.quote(str(Path(path).resolve())) + "?mode=ro"

    def connect() -> sqlite3.Connection:
        try:
            return sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False)
        except sqlite3.OperationalError:
            # A WAL store needs its shared-memory file; where this user cannot create it,
            # the file is read as immutable (nobody may be writing it, then).
            return sqlite3.connect(
                uri + "&immutable=1", uri=True, timeout=timeout, check_same_thread=False
            )

    return connect


def _sqlite_begin(conn: sa.Connection) -> None:
    # SQLAlchemy's recipe for SQLite transactions it controls: the driver begins none of its
    # own (isolation_level None, below), and each transaction opens with the BEGIN the
    # connection asks for: IMMEDIATE for writes, EXCLUSIVE for migrations (``locking``).
    mode = conn.get_execution_options().get(SQLITE_BEGIN, "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def _sqlite_settings(
    dbapi_connection: Any, _record: Any, *, timeout: float, readonly: bool
) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    # WAL lets `dyad events` read while an ingest writes; with synchronous=NORMAL a commit
    # survives the process being killed (only a power cut can lose the last commits). The
    # journal mode is kept in the file: a read-only connection reads in whatever mode it is.
    if not readonly:
        _wal(cursor, timeout)
    cursor.execute("PRAGMA synchronous = NORMAL")
    # A 16 MiB page cache (the default is 2 MiB), so that statistics over 100,000 events
    # sort in memory instead of spilling to a temporary file (45 ms instead of 57); an
    # upper bound per connection, filled only as a large store is read.
    cursor.execute(f"PRAGMA cache_size = -{16 * 1024}")
    cursor.close()


def _wal(cursor: Any, timeout: float) -> None:
    # Switching a new database to WAL needs it to itself for a moment, and SQLite answers
    # "database is locked" at once, without the busy timeout, when several commands open it
    # together (four concurrent ingests into a new file hit this): try again for a while.
    deadline = time.monotonic() + timeout
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
        resolved = resolve_url(url)
        path = _sqlite_path(resolved)
        if path is not None and not create and not path.exists():
            raise NoStoreError(
                f"no store at {path}: run `dyad ingest PATH...` first, "
                f"or point --db (or {ENV_VAR}) at an existing store"
            )
        readonly = path is not None and path.exists() and not _writable(path)
        if readonly and create:
            raise StoreError(
                f"the store at {path} is read-only for this user; "
                "commands that write need write access to the file and its folder"
            )
        engine = create_engine(resolved, readonly=readonly)
        try:
            if path is not None and path.exists():
                _check_sqlite_file(path)
            if readonly:
                _check_revision(engine)
            else:
                migrate(engine)
        except sa.exc.DBAPIError as exc:
            engine.dispose()
            raise StoreError(f"cannot open the store at {_shown(engine)}: {one_line(exc)}") from exc
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

    def export(
        self,
        fmt: str,
        path: Path | str,
        filters: _query.Filters | None = None,
        *,
        header: bool = False,
        dyad_columns: bool = False,
    ) -> int:
        """Write matching events to ``path`` (``-``: standard output) as ``fmt``; returns how
        many were written. ``header`` and ``dyad_columns`` apply to ``gdelt``."""
        return _export.export(
            self.events(filters),
            fmt,
            path,
            header=header,
            dyad_columns=dyad_columns,
            lead_ends=self._lead_ends,
        )

    def _lead_ends(self, ids: set[str]) -> dict[str, int]:
        from dyad.store.gdelt import lead_end

        heads = _query.document_heads(self.engine, ids)
        return {doc: lead_end(head, title) for doc, (title, head) in heads.items()}


def _shown(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def one_line(exc: sa.exc.DBAPIError) -> str:
    """The driver's message, first line only (psycopg adds detail lines), with the
    timeout named when it is what ran out."""
    text = str(exc.orig).strip().splitlines()
    message = text[0] if text else type(exc.orig).__name__
    if "timeout" in message.lower() or "canceling statement" in message.lower():
        message += f" (the timeout is {db_timeout():g} s; set {TIMEOUT_ENV} to change it)"
    return message


def _sqlite_path(url: str) -> Path | None:
    parsed = make_url(url) if "://" in url else None
    if parsed is None or parsed.get_backend_name() != "sqlite":
        return None
    if parsed.database in (None, "", ":memory:") or parsed.database.startswith("file:"):
        return None
    return Path(parsed.database)


def _writable(path: Path) -> bool:
    # SQLite writes the file and, beside it, its -wal and -shm files.
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


SQLITE_HEADER = b"SQLite format 3\x00"


def _check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not a SQLite database before SQLite is asked to open it."""
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"cannot read the store at {path}: {exc.strerror}") from exc
    if head and head != SQLITE_HEADER:
        raise StoreError(
            f"{path} is not a Dyad store: it is not a SQLite database "
            "(point --db at a store `dyad ingest` made, or at a new file)"
        )


def _check_revision(engine: Engine) -> None:
    """A read-only store cannot be migrated: it must be at this Dyad's revision already."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    if current != SCHEMA_REVISION:
        raise StoreError(
            f"the read-only store at {_shown(engine)} has schema revision {current}, not "
            f"{SCHEMA_REVISION}; a user who may write it must open it once to migrate it"
        )
