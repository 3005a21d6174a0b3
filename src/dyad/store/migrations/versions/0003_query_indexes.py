"""Indexes for the API's listings and filters at scale (100,000+ events).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

Measured with ``bench/api.py`` on SQLite: the single-column indexes on ``actor_refs.country``
and ``actor_refs.actor_id`` led SQLite to read every reference of a country for each event
(two minutes for one page of ``--dyad CHN-PER``); ``(country, event_id)`` and
``(actor_id, event_id)`` answer the same EXISTS with one lookup. ``events`` gets its listing
order ``(date_start, id)`` with ``date_end`` alongside, so ``--since`` is checked in the
index, and ``(type, date_start, id, status, quad_class, goldstein)`` for a type in date order
and for ``dyad stats`` from the index alone (a scan of the wide rows, each with its JSON
record, took 300 ms). Each new index starts with the column of the one it replaces, so
nothing that used the old one loses it.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# (table, old index, old columns, new index, new columns)
CHANGES = (
    (
        "events",
        "ix_events_date_start",
        ["date_start"],
        "ix_events_date_start_id_date_end",
        ["date_start", "id", "date_end"],
    ),
    (
        "events",
        "ix_events_type",
        ["type"],
        "ix_events_type_date_start_id_status_quad_class_goldstein",
        ["type", "date_start", "id", "status", "quad_class", "goldstein"],
    ),
    (
        "actor_refs",
        "ix_actor_refs_country",
        ["country"],
        "ix_actor_refs_country_event_id",
        ["country", "event_id"],
    ),
    (
        "actor_refs",
        "ix_actor_refs_actor_id",
        ["actor_id"],
        "ix_actor_refs_actor_id_event_id",
        ["actor_id", "event_id"],
    ),
)


def upgrade() -> None:
    for table, old, _old_columns, new, columns in CHANGES:
        op.create_index(new, table, columns)
        op.drop_index(old, table_name=table)


def downgrade() -> None:
    for table, old, old_columns, new, _columns in CHANGES:
        op.create_index(old, table, old_columns)
        op.drop_index(new, table_name=table)
