"""Full-text search: FTS5 tables of article titles and texts and of record labels, kept by triggers, on
SQLite (when it has FTS5); GIN indexes of the same as ``tsvector`` on PostgreSQL (see store/fulltext.py).

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# The FTS tables keep their own copy of the text and are kept by triggers: a row is found again by
# (rowid, id), so a VACUUM that renumbers the tables' rowids can leave a stale row but never delete a wrong one.
SQLITE_UP = [
    "CREATE VIRTUAL TABLE articles_fts USING fts5(id UNINDEXED, title, text, "
    "tokenize = 'unicode61 remove_diacritics 2')",
    "INSERT INTO articles_fts (rowid, id, title, text) SELECT rowid, id, coalesce(title, ''), text FROM articles",
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts (rowid, id, title, text) VALUES (new.rowid, new.id, coalesce(new.title, ''), new.text); "
    "END",
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
    "DELETE FROM articles_fts WHERE rowid = old.rowid AND id = old.id; END",
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN "
    "DELETE FROM articles_fts WHERE rowid = old.rowid AND id = old.id; "
    "INSERT INTO articles_fts (rowid, id, title, text) VALUES (new.rowid, new.id, coalesce(new.title, ''), new.text); "
    "END",
    "CREATE VIRTUAL TABLE records_fts USING fts5(id UNINDEXED, label, tokenize = 'unicode61 remove_diacritics 2')",
    "INSERT INTO records_fts (rowid, id, label) SELECT rowid, id, label FROM records WHERE label IS NOT NULL",
    "CREATE TRIGGER records_fts_insert AFTER INSERT ON records WHEN new.label IS NOT NULL BEGIN "
    "INSERT INTO records_fts (rowid, id, label) VALUES (new.rowid, new.id, new.label); END",
    "CREATE TRIGGER records_fts_delete AFTER DELETE ON records WHEN old.label IS NOT NULL BEGIN "
    "DELETE FROM records_fts WHERE rowid = old.rowid AND id = old.id; END",
    # Linking rewrites records (to fill entity ids) without changing their labels: only a new label re-indexes.
    "CREATE TRIGGER records_fts_update AFTER UPDATE OF label ON records WHEN old.label IS NOT new.label BEGIN "
    "DELETE FROM records_fts WHERE rowid = old.rowid AND id = old.id; "
    "INSERT INTO records_fts (rowid, id, label) SELECT new.rowid, new.id, new.label WHERE new.label IS NOT NULL; "
    "END",
]
SQLITE_DOWN = [
    *(f"DROP TRIGGER IF EXISTS {t}_fts_{e}" for t in ("articles", "records") for e in ("insert", "delete", "update")),
    "DROP TABLE IF EXISTS articles_fts",
    "DROP TABLE IF EXISTS records_fts",
]
POSTGRES_UP = [
    "CREATE INDEX ix_articles_fulltext ON articles "
    "USING gin (to_tsvector('simple', coalesce(articles.title, '') || ' ' || articles.text))",
    "CREATE INDEX ix_records_fulltext ON records USING gin (to_tsvector('simple', coalesce(records.label, '')))",
]
POSTGRES_DOWN = ["DROP INDEX IF EXISTS ix_articles_fulltext", "DROP INDEX IF EXISTS ix_records_fulltext"]


def _has_fts5() -> bool:
    return bool(op.get_bind().execute(sa.text("SELECT sqlite_compileoption_used('ENABLE_FTS5')")).scalar())


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        statements = POSTGRES_UP
    elif dialect == "sqlite" and _has_fts5():
        statements = SQLITE_UP
    else:
        statements = []
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in POSTGRES_DOWN if dialect == "postgresql" else SQLITE_DOWN if dialect == "sqlite" else []:
        op.execute(statement)
