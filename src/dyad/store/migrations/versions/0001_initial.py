"""The first store schema: documents, rejects, events, mentions, actor_refs, store_info.

Revision ID: 0001
Revises:
Create Date: 2025-01-01

Written out in full rather than imported from ``schema.py``: a migration describes one step
and must not change when the current schema does.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "store_info",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_store_info"),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("title", sa.String()),
        sa.Column("url", sa.String()),
        sa.Column("source", sa.String()),
        sa.Column("published", sa.Date()),
        sa.Column("language", sa.String(), nullable=False),
        sa.Column("origin", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("coder_version", sa.String(), nullable=False),
        sa.Column("event_count", sa.Integer(), nullable=False),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
    )
    op.create_index("ix_documents_coder_version", "documents", ["coder_version"])
    op.create_table(
        "rejects",
        sa.Column("origin", sa.String(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("origin", name="pk_rejects"),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("document_id", sa.String(), nullable=False),
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
        sa.Column("contexts", sa.String(), nullable=False),
        sa.Column("topics", sa.String(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("coder_version", sa.String(), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_events_document_id_documents"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
    )
    op.create_index("ix_events_document_id", "events", ["document_id"])
    op.create_index("ix_events_type", "events", ["type"])
    op.create_index("ix_events_date_start", "events", ["date_start"])
    op.create_table(
        "mentions",
        sa.Column("event_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("sentence_start", sa.Integer(), nullable=False),
        sa.Column("sentence_end", sa.Integer(), nullable=False),
        sa.Column("trigger_start", sa.Integer(), nullable=False),
        sa.Column("trigger_end", sa.Integer(), nullable=False),
        sa.Column("trigger", sa.String(), nullable=False),
        sa.Column("pattern", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name="fk_mentions_event_id_events"),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_mentions_document_id_documents"
        ),
        sa.PrimaryKeyConstraint("event_id", "position", name="pk_mentions"),
    )
    op.create_index("ix_mentions_document_id", "mentions", ["document_id"])
    op.create_table(
        "actor_refs",
        sa.Column("event_id", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("country", sa.String()),
        sa.Column("sector", sa.String()),
        sa.Column("actor_id", sa.String()),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("resolved_by", sa.String(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name="fk_actor_refs_event_id_events"),
        sa.PrimaryKeyConstraint("event_id", "role", "position", name="pk_actor_refs"),
    )
    op.create_index("ix_actor_refs_country", "actor_refs", ["country"])
    op.create_index("ix_actor_refs_actor_id", "actor_refs", ["actor_id"])


def downgrade() -> None:
    for table in ("actor_refs", "mentions", "events", "rejects", "documents", "store_info"):
        op.drop_table(table)
