"""The input's own id on each document.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02

A JSON Lines record's ``id`` (or one given to ``dyad.code``) is carried to every event as
``source_id``, so users can join events back to their articles. It is kept on the document
too, so ``dyad recode`` gives re-coded events the same id.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: both backends add a nullable column in place, where a batch
    # (copy-and-rename) migration on SQLite would trip the events' foreign keys.
    op.add_column("documents", sa.Column("source_id", sa.String(), nullable=True))


def downgrade() -> None:
    op.drop_column("documents", "source_id")  # SQLite 3.35+ drops a column in place
