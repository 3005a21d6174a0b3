"""The store's tables, in SQLAlchemy Core.

This module describes the schema at the newest migration; the migrations under
``migrations/versions`` create it step by step, and a test checks the two agree. Change both
together: add a migration, never edit an applied one.

Every event row keeps its full JSON record (``events.record``) beside the columns that queries
filter on, so reading an event back gives exactly the ``Event`` that was stored, including
fields that have no column of their own.
"""

from __future__ import annotations

import sqlalchemy as sa

# The Alembic revision this module describes; ``Store`` refuses a database that is newer.
# Not described here: SQLite's indexes on period expressions (migration 0005), which are
# SQLite's own date functions and exist only there.
SCHEMA_REVISION = "0007"

# Deterministic constraint names, so migrations can refer to them on every backend.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=NAMING)

# Facts about the store itself: the Dyad and coder versions that created and last wrote it.
store_info = sa.Table(
    "store_info",
    metadata,
    sa.Column("key", sa.String(), primary_key=True),
    sa.Column("value", sa.String(), nullable=False),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.String(), primary_key=True),  # hash of the normalised text
    sa.Column("title", sa.String()),
    sa.Column("url", sa.String()),
    sa.Column("source", sa.String()),
    sa.Column("published", sa.Date()),
    sa.Column("language", sa.String(), nullable=False),
    sa.Column("origin", sa.String(), nullable=False),  # where it was first read from
    sa.Column("text", sa.Text(), nullable=False),
    # The coder that produced the document's current events; kept here too because a
    # document with no events must still be found by `dyad recode`.
    sa.Column("coder_version", sa.String(), nullable=False, index=True),
    sa.Column("event_count", sa.Integer(), nullable=False),
    sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
    # The input's own id, e.g. a JSON Lines record's "id" (migration 0006).
    sa.Column("source_id", sa.String()),
)

# Inputs that could not be coded, one row per origin (the latest reason wins).
rejects = sa.Table(
    "rejects",
    metadata,
    sa.Column("origin", sa.String(), primary_key=True),
    sa.Column("reason", sa.String(), nullable=False),
    sa.Column("detail", sa.Text(), nullable=False),
    sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.String(), primary_key=True),
    sa.Column(
        "document_id", sa.String(), sa.ForeignKey("documents.id"), nullable=False, index=True
    ),
    sa.Column("type", sa.String(), nullable=False),
    sa.Column("mode", sa.String()),
    sa.Column("cameo", sa.String(), nullable=False),
    sa.Column("quad_class", sa.SmallInteger(), nullable=False),
    sa.Column("goldstein", sa.Float(), nullable=False),
    sa.Column("status", sa.String(), nullable=False),
    sa.Column("date_start", sa.Date()),
    sa.Column("date_end", sa.Date()),
    sa.Column("date_precision", sa.String(), nullable=False),
    sa.Column("place_name", sa.String()),
    sa.Column("place_country", sa.String()),
    sa.Column("place_lat", sa.Float()),
    sa.Column("place_lon", sa.Float()),
    sa.Column("place_gazetteer_id", sa.String()),
    sa.Column("contexts", sa.String(), nullable=False),  # comma-separated, for LIKE in SQL
    sa.Column("topics", sa.String(), nullable=False),
    sa.Column("confidence", sa.Float(), nullable=False),
    sa.Column("coder_version", sa.String(), nullable=False),
    sa.Column("record", sa.Text(), nullable=False),  # the full Event as JSON
    # Linking across documents (migration 0002): how many mentions, articles and outlets.
    sa.Column("mention_count", sa.Integer(), nullable=False, server_default="1"),
    sa.Column("document_count", sa.Integer(), nullable=False, server_default="1"),
    sa.Column("source_count", sa.Integer(), nullable=False, server_default="1"),
    # The participants' countries and actors (KB id, else name), distinct and sorted, as JSON
    # arrays (migration 0004): the network counts events per set of participants from these,
    # where joining every event's references cost SQLite a lookup per event.
    sa.Column("participant_countries", sa.Text(), nullable=False, server_default="[]"),
    sa.Column("participant_actors", sa.Text(), nullable=False, server_default="[]"),
    # Listing order and keyset pagination; date_end rides along so a `since` filter is
    # checked in the index without reading rows (migration 0003).
    sa.Index("ix_events_date_start_id_date_end", "date_start", "id", "date_end"),
    # A type (and status) in date order, the linker's candidates by type and date, and
    # `dyad stats` read from the index alone (quad class and Goldstein ride along).
    sa.Index(
        "ix_events_type_date_start_id_status_quad_class_goldstein",
        "type",
        "date_start",
        "id",
        "status",
        "quad_class",
        "goldstein",
    ),
    # Aggregates (statistics, network, actor counts) scan events or reach them by id, and
    # read these columns here rather than from the wide rows with their JSON (migration
    # 0004); named by hand, as the convention's name would pass PostgreSQL's 63 characters.
    sa.Index(
        "ix_events_id_covering",
        "id",
        "date_start",
        "date_end",
        "type",
        "status",
        "quad_class",
        "goldstein",
        "participant_countries",
        "participant_actors",
    ),
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("event_id", sa.String(), sa.ForeignKey("events.id"), primary_key=True),
    sa.Column("position", sa.Integer(), primary_key=True),
    sa.Column(
        "document_id", sa.String(), sa.ForeignKey("documents.id"), nullable=False, index=True
    ),
    # Character offsets into the document text.
    sa.Column("sentence_start", sa.Integer(), nullable=False),
    sa.Column("sentence_end", sa.Integer(), nullable=False),
    sa.Column("trigger_start", sa.Integer(), nullable=False),
    sa.Column("trigger_end", sa.Integer(), nullable=False),
    sa.Column("trigger", sa.String(), nullable=False),
    sa.Column("pattern", sa.String(), nullable=False),
    # The id the event had in its own document, before linking (migration 0007). A
    # document's mention is stored once: two ingests racing on one document conflict here
    # instead of leaving it twice.
    sa.Column("source_id", sa.String(), nullable=False),
    sa.UniqueConstraint(
        "document_id",
        "source_id",
        "sentence_start",
        "trigger_start",
        name="uq_mentions_document_mention",
    ),
)

# Each document's own events as the coder gave them, before linking (migration 0007). A
# stored event is these folded in publication order (``dyad.store.linking``), so its id,
# status, date and mentions are the same whatever order its reports were ingested in, and
# re-coding one report re-folds the others exactly.
event_sources = sa.Table(
    "event_sources",
    metadata,
    sa.Column("id", sa.String(), primary_key=True),  # the event's id in its own document
    sa.Column("event_id", sa.String(), sa.ForeignKey("events.id"), nullable=False, index=True),
    sa.Column(
        "document_id", sa.String(), sa.ForeignKey("documents.id"), nullable=False, index=True
    ),
    sa.Column("record", sa.Text(), nullable=False),  # the unlinked Event as JSON
)

actor_refs = sa.Table(
    "actor_refs",
    metadata,
    sa.Column("event_id", sa.String(), sa.ForeignKey("events.id"), primary_key=True),
    sa.Column("role", sa.String(), primary_key=True),  # 'actor' or 'recipient'
    sa.Column("position", sa.Integer(), primary_key=True),
    sa.Column("code", sa.String(), nullable=False),
    sa.Column("country", sa.String()),
    sa.Column("sector", sa.String()),
    sa.Column("actor_id", sa.String()),
    sa.Column("name", sa.String(), nullable=False),
    sa.Column("text", sa.String(), nullable=False),
    sa.Column("resolved_by", sa.String(), nullable=False),
    sa.Column("confidence", sa.Float(), nullable=False),
    # "Events with a participant from X / actor Y": the event ids straight from the index
    # (migration 0003; a country index alone made SQLite scan every reference of X per event).
    # Role and position for a dyad's two different references, role and name for one
    # actor's counts, read from the index too (migration 0004).
    sa.Index(
        "ix_actor_refs_country_event_id_role_position", "country", "event_id", "role", "position"
    ),
    sa.Index("ix_actor_refs_actor_id_event_id_role_name", "actor_id", "event_id", "role", "name"),
    # The distinct names for actor search, and their counts, without reading rows (0004).
    sa.Index(
        "ix_actor_refs_name_actor_id_country_event_id", "name", "actor_id", "country", "event_id"
    ),
)
