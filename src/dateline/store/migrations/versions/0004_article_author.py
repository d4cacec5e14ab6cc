"""Articles name their author (from the page's metadata, the byline or the end credits).

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("author", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("author")
