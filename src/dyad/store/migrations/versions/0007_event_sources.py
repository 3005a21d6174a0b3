"""Each document's own events (``event_sources``), and one row per mention of a document.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

Two ingests of the same articles at once left duplicate events (issue #17): each decided
"not stored yet" before the other committed. Ingest now decides and writes under one lock
in one transaction, and the store refuses a document's mention twice: ``mentions`` gains
``source_id`` (the event's id in its own document) and a unique constraint on (document,
source, sentence, trigger).

A linked event was the merge of its reports in ingest order, so its id and fields depended on
which report came first. ``event_sources`` keeps every document's event as the coder gave
it; the stored event is their fold in publication order. Events stored before this
revision are split here by document: the founding document's part keeps the event's id,
each other document's part gets an id of its own, and each part keeps the event's fields
(the reports' own fields were not kept), with its document's mentions.
"""

from __future__ import annotations

import hashlib
import json
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op
from alembic.operations import BatchOperations

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _source_id(event_id: str, document_id: str) -> str:
    payload = json.dumps([event_id, document_id], sort_keys=True, separators=(",", ":"))
    return "ev_" + hashlib.sha256(payload.encode()).hexdigest()[:16]


@contextmanager
def _altering_mentions() -> Iterator[BatchOperations]:
    # On SQLite the batch copies ``mentions`` into a new table, reflecting the tables it
    # refers to; the period indexes on ``events`` (0005) are expressions, which SQLAlchemy
    # does not reflect and warns about. They are not copied nor touched: ``events`` stays.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression")
        with op.batch_alter_table("mentions") as batch:
            yield batch


def upgrade() -> None:
    op.create_table(
        "event_sources",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("event_id", sa.String(), nullable=False),
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name="fk_event_sources_event_id_events"
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_event_sources_document_id_documents"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_event_sources"),
    )
    op.create_index("ix_event_sources_event_id", "event_sources", ["event_id"])
    op.create_index("ix_event_sources_document_id", "event_sources", ["document_id"])
    with _altering_mentions() as batch:
        batch.add_column(sa.Column("source_id", sa.String(), nullable=True))

    conn = op.get_bind()
    events = sa.table("events", sa.column("id"), sa.column("record"))
    mentions = sa.table(
        "mentions", sa.column("event_id"), sa.column("document_id"), sa.column("source_id")
    )
    sources = sa.table(
        "event_sources",
        sa.column("id"),
        sa.column("event_id"),
        sa.column("document_id"),
        sa.column("record"),
    )
    set_source = (
        mentions.update()
        .where(
            mentions.c.event_id == sa.bindparam("e_id"),
            mentions.c.document_id == sa.bindparam("d_id"),
        )
        .values(source_id=sa.bindparam("s_id"))
    )
    for event_id, record in conn.execute(sa.select(events.c.id, events.c.record)).all():
        event = json.loads(record)
        by_doc: dict[str, list[dict[str, object]]] = {}
        for m in event.get("mentions") or []:
            by_doc.setdefault(str(m["document_id"]), []).append({**m, "joined": None})
        founder = next(iter(by_doc), None)
        for doc_id, own in by_doc.items():
            sid = event_id if doc_id == founder else _source_id(event_id, doc_id)
            part = {**event, "id": sid, "mentions": own}
            conn.execute(
                sources.insert().values(
                    id=sid, event_id=event_id, document_id=doc_id, record=json.dumps(part)
                )
            )
            conn.execute(set_source, {"e_id": event_id, "d_id": doc_id, "s_id": sid})
    # A mention whose document is not in its event's record (none is written so) keeps the
    # event's own id, so the column can be required.
    conn.execute(
        mentions.update()
        .where(mentions.c.source_id.is_(None))
        .values(source_id=mentions.c.event_id)
    )
    with _altering_mentions() as batch:
        batch.alter_column("source_id", existing_type=sa.String(), nullable=False)
        batch.create_unique_constraint(
            "uq_mentions_document_mention",
            ["document_id", "source_id", "sentence_start", "trigger_start"],
        )


def downgrade() -> None:
    with _altering_mentions() as batch:
        batch.drop_constraint("uq_mentions_document_mention", type_="unique")
        batch.drop_column("source_id")
    op.drop_table("event_sources")
