"""Participant sets on events, and covering indexes, for the API's aggregates at scale.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23

Measured with ``bench/api.py`` on SQLite (100,000 events, 220,000 actor references; issue
#9), where reading an event's row means reading its JSON record too. The network counted
pairs of participants by joining every matching event's references (a lookup per event:
35 ms for the 18,000 events since 2024); ``events.participant_countries`` and
``participant_actors`` hold each event's set of participants as a JSON array (distinct,
sorted), so the events are grouped by set in one pass (19 ms). They are filled here from
``actor_refs`` as ``dyad.store.rows.participant_sets`` writes them.

``events (id, date_start, date_end, type, status, quad_class, goldstein, participant_...)``
lets aggregates that reach events by id, or scan them, read no rows. Actor search walks
the distinct names through ``actor_refs (name, actor_id, country, event_id)`` and counts
from it (4 ms, against 60 ms for LIKE over every reference). The actor-id and country
indexes gain what one actor's counts (role, name) and a dyad (role, position) read. Each
replaced index is a prefix of its replacement, so nothing that used the old one loses it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

COLUMNS = ("participant_countries", "participant_actors")

# (table, new index, columns)
NEW = (
    (
        # Named by hand: the convention's name would pass PostgreSQL's 63 characters.
        "events",
        "ix_events_id_covering",
        [
            "id",
            "date_start",
            "date_end",
            "type",
            "status",
            "quad_class",
            "goldstein",
            "participant_countries",
            "participant_actors",
        ],
    ),
    (
        "actor_refs",
        "ix_actor_refs_name_actor_id_country_event_id",
        ["name", "actor_id", "country", "event_id"],
    ),
)

# (table, old index, old columns, new index, new columns)
CHANGES = (
    (
        "actor_refs",
        "ix_actor_refs_actor_id_event_id",
        ["actor_id", "event_id"],
        "ix_actor_refs_actor_id_event_id_role_name",
        ["actor_id", "event_id", "role", "name"],
    ),
    (
        "actor_refs",
        "ix_actor_refs_country_event_id",
        ["country", "event_id"],
        "ix_actor_refs_country_event_id_role_position",
        ["country", "event_id", "role", "position"],
    ),
)

BATCH = 5_000  # events updated per statement


def _json_set(values: Iterable[str]) -> str:
    # As dyad.store.rows writes it at this revision; kept here so the migration does not
    # change if that code does.
    return json.dumps(sorted(set(values)), ensure_ascii=False, separators=(",", ":"))


def _fill_participants(conn: sa.Connection) -> None:
    refs = sa.table(
        "actor_refs",
        sa.column("event_id"),
        sa.column("role"),
        sa.column("position"),
        sa.column("country"),
        sa.column("actor_id"),
        sa.column("name"),
    )
    events = sa.table("events", *(sa.column(c) for c in ("id", *COLUMNS)))
    update = (
        events.update()
        .where(events.c.id == sa.bindparam("event_id"))
        .values(
            participant_countries=sa.bindparam("countries"),
            participant_actors=sa.bindparam("actors"),
        )
    )
    batch: list[dict[str, str]] = []

    def add(event_id: str, countries: list[str], actors: list[str]) -> None:
        batch.append(
            {"event_id": event_id, "countries": _json_set(countries), "actors": _json_set(actors)}
        )
        if len(batch) >= BATCH:
            conn.execute(update, batch)
            batch.clear()

    # In event order (the primary key's), one event's references at a time, so memory does
    # not grow with the store; events without references keep the default, [].
    query = (
        sa.select(refs.c.event_id, refs.c.country, refs.c.actor_id, refs.c.name)
        .order_by(refs.c.event_id, refs.c.role, refs.c.position)
        .execution_options(yield_per=10_000)
    )
    current: str | None = None
    countries: list[str] = []
    actors: list[str] = []
    for event_id, country, actor_id, name in conn.execute(query):
        if event_id != current:
            if current is not None:
                add(current, countries, actors)
            current, countries, actors = event_id, [], []
        if country is not None:
            countries.append(country)
        actors.append(actor_id if actor_id is not None else name)
    if current is not None:
        add(current, countries, actors)
    if batch:
        conn.execute(update, batch)


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        for name in COLUMNS:
            batch.add_column(sa.Column(name, sa.Text(), nullable=False, server_default="[]"))
    _fill_participants(op.get_bind())
    for table, name, columns in NEW:
        op.create_index(name, table, columns)
    for table, old, _old_columns, new, columns in CHANGES:
        op.create_index(new, table, columns)
        op.drop_index(old, table_name=table)


def downgrade() -> None:
    for table, old, old_columns, new, _columns in CHANGES:
        op.create_index(old, table, old_columns)
        op.drop_index(new, table_name=table)
    for table, name, _columns in NEW:
        op.drop_index(name, table_name=table)
    # ALTER TABLE, which SQLite has since 3.35: a batch would copy the table, and dropping
    # the old copy fails on the foreign keys of mentions and references.
    for name in COLUMNS:
        op.drop_column("events", name)
