"""Reader corrections, stored beside (never over) machine output (see store/review.py).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "corrections",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("record_id", sa.String(32), nullable=False),
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("value", sa.Text),
        sa.Column("note", sa.Text),
        sa.Column("created", sa.String(40), nullable=False),
    )
    op.create_index("ix_corrections_record", "corrections", ["record_id"])
    op.create_index("ix_corrections_article", "corrections", ["article_id"])


def downgrade() -> None:
    op.drop_table("corrections")
