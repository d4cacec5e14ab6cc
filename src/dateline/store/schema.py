"""The database schema, one for SQLite and PostgreSQL (SQLAlchemy Core). Changes go through migrations/.

Records of every kind share one table: the columns that queries filter on (kind, article, label, offsets)
are real, indexed columns; the record itself is its export JSON in ``data``, so a new field in a record
needs no migration.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("source_path", Text, nullable=False),
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("published", String(40)),
    Column("updated", Boolean, nullable=False, default=False),
    Column("source", Text),
    Column("language", String(16)),
    Column("content_hash", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("data", Text, nullable=False),
    Index("ix_articles_published", "published"),
    Index("ix_articles_outlet", "outlet"),
)

records = Table(
    "records",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("article_id", String(32), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("extractor", String(80), nullable=False),
    Column("label", Text),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("data", Text, nullable=False),
    Index("ix_records_article", "article_id"),
    Index("ix_records_kind_label", "kind", "label"),
)

failures = Table(
    "failures",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("source_path", Text, nullable=False),
    Column("code", String(8), nullable=False),
    Column("reason", Text, nullable=False),
)
