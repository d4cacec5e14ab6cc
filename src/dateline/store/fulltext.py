"""Full-text search over article titles and texts and over record labels, in the database's own index.

SQLite: external-content FTS5 tables (``articles_fts``: title, text; ``records_fts``: label) keyed by the
tables' rowids and kept by triggers on ``articles`` and ``records``, so every write, update and delete --
whoever makes it -- keeps them in step, and a re-run that skips stored articles adds nothing. The text is not
copied: matches are read back by rowid. ``VACUUM`` may renumber the rowids of a table from which rows were
deleted (dateline deletes none); ``rebuild`` then re-indexes. PostgreSQL: GIN
indexes on the same text as ``tsvector`` (``simple`` configuration: no stemming, as FTS5's ``unicode61``).
Another database, or an SQLite built without FTS5, falls back to a ``LIKE`` scan, as does a query without any
word (``%``, ``--``).

A query matches the words of ``q`` in order, as a phrase, the last one as a prefix ("prime minis" finds
"Prime Minister"), case and diacritics folded. The tables are created by the migration ``0006``; Alembic's
autogenerate is told to look past them (``include_name``), since SQLAlchemy's metadata cannot describe them.
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dateline.store import schema

ARTICLES_FTS, RECORDS_FTS = "articles_fts", "records_fts"
# PostgreSQL's GIN indexes; their expressions must be written exactly as the queries write them, or the planner
# does not use them.
ARTICLES_VECTOR = "to_tsvector('simple', coalesce(articles.title, '') || ' ' || articles.text)"
RECORDS_VECTOR = "to_tsvector('simple', coalesce(records.label, ''))"
PG_INDEXES = {"ix_articles_fulltext": ("articles", ARTICLES_VECTOR), "ix_records_fulltext": ("records", RECORDS_VECTOR)}
# What FTS5's unicode61 tokenizer keeps as a token: runs of letters and digits.
_TOKEN = re.compile(r"[^\W_]+")


def is_fulltext_name(name: str | None) -> bool:
    """A table or index of the full-text search (the FTS5 tables and their shadow tables, the GIN indexes)."""
    return bool(name) and (str(name).startswith((ARTICLES_FTS, RECORDS_FTS)) or str(name) in PG_INDEXES)


def include_name(name: str | None, type_: str, _parents: object) -> bool:
    """Alembic autogenerate's filter: leave the full-text objects out of the comparison with the metadata."""
    del type_
    return not is_fulltext_name(name)


def terms(q: str) -> list[str]:
    """The words of a query, as the index holds them (case-folded)."""
    return _TOKEN.findall(q.casefold())


def available(conn: Connection) -> bool:
    """Whether this database has the full-text index (PostgreSQL always has; SQLite when FTS5 was there)."""
    if conn.dialect.name == "postgresql":
        return True
    if conn.dialect.name != "sqlite":
        return False
    query = sa.text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name")
    return conn.execute(query, {"name": ARTICLES_FTS}).first() is not None


def article_match(conn: Connection, q: str) -> sa.ColumnElement[bool] | None:
    """A condition on ``articles`` true for the articles that match ``q``; None when the index cannot answer
    (no index, no word in ``q``): the caller then scans."""
    return _match(conn, q, schema.articles, ARTICLES_FTS, ARTICLES_VECTOR)


def record_match(conn: Connection, q: str) -> sa.ColumnElement[bool] | None:
    """As ``article_match``, for record labels."""
    return _match(conn, q, schema.records, RECORDS_FTS, RECORDS_VECTOR)


def article_count(conn: Connection, q: str) -> int | None:
    """How many articles match ``q``, counted in the SQLite index alone (the triggers keep it equal to the
    table); None where ``article_match`` must be counted instead."""
    words = terms(q)
    if conn.dialect.name != "sqlite" or not words or not available(conn):
        return None
    query = sa.text(f"SELECT count(*) FROM {ARTICLES_FTS} WHERE {ARTICLES_FTS} MATCH :phrase")
    return int(conn.execute(query, {"phrase": _phrase(words)}).scalar_one())


def _phrase(words: list[str]) -> str:
    """An FTS5 phrase ("w1 w2 w3") with a prefix on its last word; the words hold no quote to escape."""
    return '"' + " ".join(words) + '" *'


def rebuild(conn: Connection) -> None:
    """Index again every article and record from the tables (SQLite; PostgreSQL's indexes need nothing)."""
    if conn.dialect.name == "sqlite" and available(conn):
        for fts in (ARTICLES_FTS, RECORDS_FTS):
            conn.execute(sa.text(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')"))


def _match(conn: Connection, q: str, table: sa.Table, fts: str, vector: str) -> sa.ColumnElement[bool] | None:
    words = terms(q)
    if not words or not available(conn):
        return None
    if conn.dialect.name == "postgresql":
        # Each word is letters and digits only, so the tsquery syntax cannot be injected; it is bound anyway.
        tsquery = " <-> ".join(words) + ":*"
        return sa.and_(sa.text(f"{vector} @@ to_tsquery('simple', :tsquery)").bindparams(tsquery=tsquery))
    phrase = _phrase(words)
    # Only the index's rowids are read (never its content), so a common word costs no reading of texts.
    match = sa.text(f"{fts} MATCH :phrase").bindparams(phrase=phrase)
    rowid: sa.ColumnElement[int] = sa.literal_column(f"{table.name}.rowid")
    return rowid.in_(sa.select(sa.literal_column("rowid")).select_from(sa.table(fts)).where(match))
