"""Blocking keys indexed by item for canonical entities only (a partial index): the merge pass is the one reader
by item, and it moves entities' keys alone. The keys of stories, near-duplicates, repeated statements and claim
groups (two thirds of those stored) no longer write an entry in it at every batch; and the index holds the key,
so the move's reads are answered from it (SQLite's planner scanned the kind's keys in the primary key for them
instead of using ``ix_link_keys_item``). bench/RESULTS-linking.md, session 21.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# The kind whose keys are read by item (``schema.KEYS_BY_ITEM``, written out: a migration stays as it was).
_ENTITY = sa.text("kind = 'entity'")


def upgrade() -> None:
    op.drop_index("ix_link_keys_item", "link_keys")
    op.create_index(
        "ix_link_keys_entity_item",
        "link_keys",
        ["kind", "item_id", "key"],
        sqlite_where=_ENTITY,
        postgresql_where=_ENTITY,
    )


def downgrade() -> None:
    op.drop_index("ix_link_keys_entity_item", "link_keys")
    op.create_index("ix_link_keys_item", "link_keys", ["kind", "item_id"])
