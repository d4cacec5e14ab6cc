"""Corpus-level links: groups, members, blocking keys and per-item features (see store/corpus.py).

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "link_groups",
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("label", sa.Text),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_table(
        "link_members",
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("member_id", sa.String(40), primary_key=True),
        sa.Column("group_id", sa.String(40), nullable=False),
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_link_members_group", "link_members", ["kind", "group_id"])
    op.create_index("ix_link_members_article", "link_members", ["kind", "article_id"])
    op.create_table(
        "link_keys",
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("key", sa.String(120), primary_key=True),
        sa.Column("item_id", sa.String(40), primary_key=True),
    )
    op.create_table(
        "link_features",
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("item_id", sa.String(40), primary_key=True),
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_link_features_article", "link_features", ["kind", "article_id"])


def downgrade() -> None:
    op.drop_table("link_features")
    op.drop_table("link_keys")
    op.drop_table("link_members")
    op.drop_table("link_groups")
