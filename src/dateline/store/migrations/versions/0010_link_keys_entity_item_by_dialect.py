"""The index of entity keys by item with its columns by database (``schema.ENTITY_KEYS_COLUMNS``): on PostgreSQL
``(item_id, key)``, as 0009's ``(kind, item_id, key)`` made PostgreSQL drop the kind condition (implied by the
index's WHERE) and read the whole index for each move (one move's insert 0.095 ms at 0008, 3.99 ms at 0009,
0.086 ms with ``(item_id, key)``). SQLite's planner needs the kind first: its index is left as 0009 made it.
bench/RESULTS-linking.md, session 21.

Revision ID: 0010
Revises: 0009
"""

from alembic import op

from dateline.store import schema

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# 0009's columns on every database, written out: a downgrade gives them back as 0009 made them.
_AT_0009 = ("kind", "item_id", "key")


def _remake(columns: tuple[str, ...]) -> None:
    """Make the index again with ``columns`` where the database's index has other columns."""
    dialect = op.get_bind().dialect.name
    if schema.ENTITY_KEYS_COLUMNS.get(dialect, _AT_0009) == _AT_0009:
        return
    where = {f"{dialect}_where": schema.ENTITY_KEYS_WHERE}
    op.drop_index(schema.ENTITY_KEYS_INDEX, "link_keys")
    op.create_index(schema.ENTITY_KEYS_INDEX, "link_keys", list(columns), **where)


def upgrade() -> None:
    _remake(schema.ENTITY_KEYS_COLUMNS.get(op.get_bind().dialect.name, _AT_0009))


def downgrade() -> None:
    _remake(_AT_0009)
