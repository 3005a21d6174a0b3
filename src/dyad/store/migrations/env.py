"""Alembic environment: runs the migrations on the connection ``dyad.store`` hands over.

Dyad applies migrations itself when a store is opened, so there is no alembic.ini. To run
Alembic by hand (``alembic -x db=URL upgrade head`` with ``script_location =
dyad.store:migrations``), the database URL comes from ``-x db=``, then ``DYAD_DB``.
"""

from __future__ import annotations

from alembic import context

from dyad.store.schema import metadata


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    # render_as_batch lets later migrations alter tables on SQLite, which has no ALTER COLUMN.
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("Dyad's migrations run online only: pass a database, not --sql")

shared = context.config.attributes.get("connection")
if shared is not None:
    _run(shared)
else:
    from dyad.store.database import create_engine, resolve_url

    engine = create_engine(resolve_url(context.get_x_argument(as_dictionary=True).get("db")))
    try:
        with engine.begin() as connection:
            _run(connection)
    finally:
        engine.dispose()
