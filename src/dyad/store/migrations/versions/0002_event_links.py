"""Cross-document event linking: mention, document and source counts per event.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

An event may now hold mentions from several documents; the counts GDELT users expect
(mentions, articles, sources) are kept as columns so listings can sort and filter on them.
Why each mention joined lives in the event's JSON record (``mentions[].joined``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

COLUMNS = ("mention_count", "document_count", "source_count")


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        for name in COLUMNS:
            batch.add_column(sa.Column(name, sa.Integer(), nullable=False, server_default="1"))
    # Events stored before linking: their mentions all come from their own document.
    op.execute(
        "UPDATE events SET mention_count = "
        "(SELECT COUNT(*) FROM mentions WHERE mentions.event_id = events.id)"
    )


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        for name in COLUMNS:
            batch.drop_column(name)
