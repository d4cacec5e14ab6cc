"""Full-text search: FTS5 tables of article titles and texts and of record labels, kept by triggers, on
SQLite (when it has FTS5); GIN indexes of the same as ``tsvector`` on PostgreSQL (see store/fulltext.py).

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# External-content FTS5 tables (the text stays in ``articles`` and ``records`` alone), keyed by the tables'
# rowids and kept by triggers, as SQLite's FTS5 documentation describes.
_ARTICLE_ROW = "(rowid, title, text) VALUES (new.rowid, new.title, new.text)"
_ARTICLE_GONE = "(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text)"
_RECORD_ROW = "(rowid, label) VALUES (new.rowid, new.label)"
_RECORD_GONE = "(records_fts, rowid, label) VALUES ('delete', old.rowid, old.label)"
SQLITE_UP = [
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content = 'articles', content_rowid = 'rowid', "
    "tokenize = 'unicode61 remove_diacritics 2')",
    "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')",
    f"CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN INSERT INTO articles_fts {_ARTICLE_ROW}; END",
    f"CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN INSERT INTO articles_fts {_ARTICLE_GONE}; END",
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN "
    f"INSERT INTO articles_fts {_ARTICLE_GONE}; INSERT INTO articles_fts {_ARTICLE_ROW}; END",
    "CREATE VIRTUAL TABLE records_fts USING fts5(label, content = 'records', content_rowid = 'rowid', "
    "tokenize = 'unicode61 remove_diacritics 2')",
    "INSERT INTO records_fts (records_fts) VALUES ('rebuild')",
    f"CREATE TRIGGER records_fts_insert AFTER INSERT ON records BEGIN INSERT INTO records_fts {_RECORD_ROW}; END",
    f"CREATE TRIGGER records_fts_delete AFTER DELETE ON records BEGIN INSERT INTO records_fts {_RECORD_GONE}; END",
    # Linking rewrites records (to fill entity ids) without changing their labels: only a new label re-indexes.
    "CREATE TRIGGER records_fts_update AFTER UPDATE OF label ON records WHEN old.label IS NOT new.label BEGIN "
    f"INSERT INTO records_fts {_RECORD_GONE}; INSERT INTO records_fts {_RECORD_ROW}; END",
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
