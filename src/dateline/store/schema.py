"""The database schema, one for SQLite and PostgreSQL (SQLAlchemy Core). Changes go through migrations/.

Every table is on the one ``metadata`` here, which the Alembic environment compares with the migrations
(tests/store/test_migrations.py checks that autogenerate finds nothing to add or drop).

Records of every kind share one table: the columns that queries filter on (kind, article, label, offsets)
are real, indexed columns; the record itself is its export JSON in ``data``, so a new field in a record
needs no migration.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Boolean, Column, Index, Integer, MetaData, String, Table, Text, text

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
    Column("author", Text),
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
    # The canonical entity a statement's speaker, a claim's claimant or an entity resolves to (filled by
    # linking): counts and lists by entity read this index, not the JSON.
    Column("entity_id", String(40)),
    Index("ix_records_article", "article_id"),
    Index("ix_records_kind_label", "kind", "label"),
    # ``article_id`` last (migration 0011): a count of statements by entity corrected through ``link_moved``
    # (``db.speaker_moves``, one (article, stored id) pair per row) is answered from the index alone, without
    # reading each statement's row.
    Index("ix_records_kind_entity", "kind", "entity_id", "article_id"),
)

# Every (kind, label) some record has: a substring filter on labels ("statements by a speaker named like
# 'minister'") is matched against these distinct values (62k statement labels for 214k statements on the
# 30k-article corpus) and the records are then read through ``ix_records_kind_label``, instead of testing the
# label of every record of the kind. Written with the records (``Store.write``, ``update_records``), never
# emptied: it may hold a label no record has any more, which matches no record.
record_labels = Table(
    "record_labels",
    metadata,
    Column("kind", String(32), primary_key=True),
    Column("label", Text, primary_key=True),
)

failures = Table(
    "failures",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("source_path", Text, nullable=False),
    Column("code", String(8), nullable=False),
    Column("reason", Text, nullable=False),
)

# ---------------------------------------------------------------------------------- corpus-level links
# Every corpus-level record kind shares these four tables (see store/corpus.py), so a new kind of link
# needs no migration.

link_groups = Table(
    "link_groups",
    metadata,
    Column("kind", String(16), primary_key=True),
    Column("id", String(40), primary_key=True),
    Column("label", Text),
    Column("data", Text, nullable=False),
    # Lists of groups in label order, and text filters on labels, read the labels here instead of every group's
    # row (the 71k canonical entities of the 30k-article database: a filter by name 177 -> 4 ms).
    Index("ix_link_groups_label", "kind", "label"),
)

# The ``link_members`` kind of canonical entities: one row per entity record (``member_id`` the record's id),
# ``group_id`` the canonical entity it belongs to now. The merge pass moves these rows (``corpus.move_groups``);
# a reader maps the ids stored in records through them (``db.moved_ids``).
CANONICAL_MEMBERS = "entity"

link_members = Table(
    "link_members",
    metadata,
    Column("kind", String(16), primary_key=True),
    Column("member_id", String(40), primary_key=True),
    Column("group_id", String(40), nullable=False),
    Column("article_id", String(32), nullable=False),
    Column("data", Text, nullable=False),
    Index("ix_link_members_group", "kind", "group_id"),
    Index("ix_link_members_article", "kind", "article_id"),
)

# The canonical entity ids that records hold and that a merge pass has since folded or renamed, by article: one
# row per (article, id its records hold) whose entity now goes by ``group_id``. Written by the merge pass in the
# transaction that moves the entities' ``link_members`` rows, for the articles whose records it leaves as they
# are (``link.merge_entities``: at 2,000 articles 1,079 of the 1,088 it marked, session 30), and deleted with an
# article's rows when they are rewritten; readers map a record's ids through it (``db.moved_ids``) and filter or
# count by entity with it (``db.naming_entity``, ``db.speaker_moves``). Empty where every row holds its ids as they
# are now (every database before migration 0011, and any run onto an empty one). In an article whose records
# are not rewritten, each of its entities holds one id (an article where two become one is rewritten), so the
# pair (article, stored id) names one entity.
link_moved = Table(
    "link_moved",
    metadata,
    Column("article_id", String(32), primary_key=True),
    Column("stored_id", String(40), primary_key=True),
    Column("group_id", String(40), nullable=False),
    Index("ix_link_moved_group", "group_id"),
    Index("ix_link_moved_stored", "stored_id"),
)

# The one kind of blocking keys ever read by item: a canonical entity's, which the merge pass moves to the
# entity it folds it into (``corpus.move_groups``). Stories, near-duplicates, repeated statements and claim
# groups are only ever looked up by key.
KEYS_BY_ITEM = "entity"

# The index of ``KEYS_BY_ITEM``'s keys by item (migrations 0009 and 0010) and its columns on each database,
# owned here for the schema and migration 0010 alike. The move's reads (``corpus.move_groups``) name the kind and
# the item, and take the key: the index holds the key so that it alone answers them. SQLite's planner uses it only
# with the kind as its first column (with two equalities, as the primary key's one), and otherwise scanned the
# kind's keys in the primary key. PostgreSQL drops the kind condition, which the index's WHERE implies, so with
# the kind first the item is no longer a leading column and the whole index is read: 3.99 ms for one move's
# insert against 0.086 ms with ``(item_id, key)`` (bench/RESULTS-linking.md, session 21).
ENTITY_KEYS_INDEX = "ix_link_keys_entity_item"
ENTITY_KEYS_COLUMNS: dict[str, tuple[str, ...]] = {
    "sqlite": ("kind", "item_id", "key"),
    "postgresql": ("item_id", "key"),
}
ENTITY_KEYS_WHERE = text(f"kind = '{KEYS_BY_ITEM}'")
# The ``Index.info`` entry naming the one database an index of the metadata is for.
DIALECT_INFO = "dialect"


def _entity_keys_index(dialect: str, columns: tuple[str, ...]) -> Index:
    """``ENTITY_KEYS_INDEX`` as ``dialect`` has it: made (``ddl_if``) and compared (``include_object``) there alone."""
    where: dict[str, Any] = {f"{dialect}_where": ENTITY_KEYS_WHERE}
    return Index(ENTITY_KEYS_INDEX, *columns, info={DIALECT_INFO: dialect}, **where).ddl_if(dialect=dialect)


link_keys = Table(
    "link_keys",
    metadata,
    Column("kind", String(16), primary_key=True),
    Column("key", String(120), primary_key=True),
    Column("item_id", String(40), primary_key=True),
    # An entity's own keys (moving a merged entity's keys to the entity it is folded into), and only an
    # entity's: a partial index that the keys every other kind adds (about two thirds of a batch's) leave alone.
    # Its columns differ by database (``ENTITY_KEYS_COLUMNS``); the index of the other database is left out of
    # its DDL and of the comparison with the migrations (``include_object``).
    *(_entity_keys_index(dialect, columns) for dialect, columns in ENTITY_KEYS_COLUMNS.items()),
)

link_features = Table(
    "link_features",
    metadata,
    Column("kind", String(16), primary_key=True),
    Column("item_id", String(40), primary_key=True),
    Column("article_id", String(32), nullable=False),
    Column("data", Text, nullable=False),
    Index("ix_link_features_article", "kind", "article_id"),
)

LINK_TABLES = (link_groups, link_members, link_keys, link_features, link_moved)

# ---------------------------------------------------------------------------------- reader corrections

corrections = Table(
    "corrections",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("record_id", String(32), nullable=False),
    Column("article_id", String(32), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("action", String(16), nullable=False),
    Column("value", Text),
    Column("note", Text),
    Column("created", String(40), nullable=False),
    Index("ix_corrections_record", "record_id"),
    Index("ix_corrections_article", "article_id"),
)


def include_object(dialect: str) -> Callable[[Any, str | None, str, bool, Any], bool]:
    """Alembic autogenerate's filter on ``dialect``: leave out the metadata's indexes made for another database
    (``DIALECT_INFO``); an index found in the database is always compared."""

    def include(obj: Any, _name: str | None, type_: str, reflected: bool, _compare_to: Any) -> bool:
        if reflected or type_ != "index":
            return True
        return obj.info.get(DIALECT_INFO, dialect) == dialect

    return include
