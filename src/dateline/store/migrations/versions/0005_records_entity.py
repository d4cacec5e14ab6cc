"""Records name their canonical entity in a column (a statement's speaker, a claim's claimant, an entity's
own), so counts and lists by entity read an index instead of every record's JSON.

Revision ID: 0005
Revises: 0004
"""

import json

import sqlalchemy as sa
from alembic import op

from dateline.store.db import canonical_entity_of

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Rows filled per statement while backfilling a database built before the column existed.
BATCH = 1000


def upgrade() -> None:
    with op.batch_alter_table("records") as batch:
        batch.add_column(sa.Column("entity_id", sa.String(40)))
    op.create_index("ix_records_kind_entity", "records", ["kind", "entity_id"])
    records = sa.table("records", sa.column("id"), sa.column("kind"), sa.column("data"), sa.column("entity_id"))
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(records.c.id, records.c.data).where(records.c.kind.in_(["statement", "claim", "entity"]))
    )
    update = records.update().where(records.c.id == sa.bindparam("b_id")).values(entity_id=sa.bindparam("b_entity"))
    filled = [{"b_id": i, "b_entity": e} for i, data in rows if (e := canonical_entity_of(json.loads(data)))]
    for at in range(0, len(filled), BATCH):
        conn.execute(update, filled[at : at + BATCH])


def downgrade() -> None:
    op.drop_index("ix_records_kind_entity", "records")
    with op.batch_alter_table("records") as batch:
        batch.drop_column("entity_id")
