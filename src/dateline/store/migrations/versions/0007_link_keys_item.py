"""An index of blocking keys by item, so moving a merged entity's keys reads that entity's keys alone instead of
every key of its kind.

Revision ID: 0007
Revises: 0006
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_link_keys_item", "link_keys", ["kind", "item_id"])


def downgrade() -> None:
    op.drop_index("ix_link_keys_item", "link_keys")
