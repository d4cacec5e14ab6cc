"""The canonical ids that records hold and a merge pass has since folded or renamed, by article (``link_moved``,
see ``schema.link_moved``): what readers map a record's ids through, instead of reading each article's entity
records and their ``link_members`` rows (bench/RESULTS.md, sessions 31 and 32). Filled from what the records and
members hold: each entity record whose member's group is not the id the record holds (none in a database every
merge pass of which rewrote the records, as every release before this one did). ``ix_records_kind_entity`` gains
``article_id`` (``schema.records``): the top speakers' correction (``db.speaker_moves``) joins ``link_moved`` to
the statements on (kind, entity id, article) and reads that index alone instead of every statement's row.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    moved = op.create_table(
        "link_moved",
        sa.Column("article_id", sa.String(32), primary_key=True),
        sa.Column("stored_id", sa.String(40), primary_key=True),
        sa.Column("group_id", sa.String(40), nullable=False),
    )
    op.create_index("ix_link_moved_group", "link_moved", ["group_id"])
    op.create_index("ix_link_moved_stored", "link_moved", ["stored_id"])
    records = sa.table("records", sa.column("id"), sa.column("kind"), sa.column("article_id"), sa.column("entity_id"))
    members = sa.table("link_members", sa.column("kind"), sa.column("member_id"), sa.column("group_id"))
    # The kinds as this revision knows them (``schema.CANONICAL_MEMBERS``, ``Entity.kind``), written out.
    found = (
        sa.select(records.c.article_id, records.c.entity_id, members.c.group_id)
        .select_from(members.join(records, records.c.id == members.c.member_id))
        .where(members.c.kind == "entity", records.c.kind == "entity", members.c.group_id != records.c.entity_id)
        .distinct()
    )
    op.execute(moved.insert().from_select(["article_id", "stored_id", "group_id"], found))
    # ``article_id`` added to ``ix_records_kind_entity`` (``schema.records``): ``db.speaker_moves`` joins
    # ``link_moved`` to statements on (kind, entity id, article) and reads the index alone.
    op.drop_index("ix_records_kind_entity", "records")
    op.create_index("ix_records_kind_entity", "records", ["kind", "entity_id", "article_id"])


def downgrade() -> None:
    # Records the rows named keep ids a merge pass folded: after a downgrade ``dateline link --full`` maps them.
    op.drop_index("ix_records_kind_entity", "records")
    op.create_index("ix_records_kind_entity", "records", ["kind", "entity_id"])
    op.drop_table("link_moved")
