"""The migrations and the schema agree: on a freshly migrated database, Alembic's autogenerate proposes
nothing (no table, column or index that one has and the other lacks), on each backend. The full-text tables
and indexes, which the metadata cannot describe, are left out as the Alembic environment leaves them out."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext

from dateline.model import Analysis, Article, Entity, Span, Speaker, Statement
from dateline.store import Store, schema
from dateline.store.db import MIGRATIONS
from dateline.store.fulltext import include_name
from dateline.store.schema import metadata


def test_autogenerate_finds_nothing_after_migrating(store_url: str) -> None:
    with Store(store_url) as store, store.engine.connect() as conn:
        opts = {"include_name": include_name, "include_object": schema.include_object(store.dialect)}
        diff = compare_metadata(MigrationContext.configure(conn, opts=opts), metadata)
    assert diff == []


def test_every_table_is_on_the_one_metadata() -> None:
    assert set(metadata.tables) == {
        "articles",
        "records",
        "record_labels",
        "failures",
        "link_groups",
        "link_members",
        "link_keys",
        "link_features",
        "link_moved",
        "corrections",
    }


def test_records_entity_column_is_backfilled(store_url: str) -> None:
    """A database made before records named their canonical entity gets the column filled on open: a
    statement by its speaker's entity, an entity by its own, a statement by an unresolved speaker by none."""
    text = "Kadri Lepik said the port would reopen. He said it twice."
    article = Article(
        id="a1", text=text, source_path="a1.txt", content_hash="a1", outlet="Test Wire", published="2024-01-02"
    )
    lepik = Speaker(text="Kadri Lepik", entity="Kadri Lepik", entity_id="e-lepik")
    records = (
        Entity(
            article_id="a1",
            spans=(Span.of(text, 0, 11),),
            extractor="t.v1",
            name="Kadri Lepik",
            type="PERSON",
            entity_id="e-lepik",
        ),
        Statement(
            article_id="a1", spans=(Span.of(text, 0, 39),), extractor="t.v1", speaker=lepik, cue="said", content="x"
        ),
        Statement(
            article_id="a1",
            spans=(Span.of(text, 40, len(text)),),
            extractor="t.v1",
            speaker=Speaker(text="He"),
            cue="said",
            content="it twice",
        ),
    )
    with Store(store_url) as store:
        assert store.write(Analysis(article, records))
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with store.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0004")
    with Store(store_url) as store, store.engine.connect() as conn:
        r = schema.records
        found = dict(conn.execute(sa.select(r.c.id, r.c.entity_id)).all())
    assert sorted(found[rec.id] or "" for rec in records) == ["", "e-lepik", "e-lepik"]


def test_keys_by_item_index_becomes_the_entity_keys_index(store_url: str) -> None:
    """A database from before 0009 (every kind's blocking keys indexed by item) gets the partial index of entity
    keys on open, its keys as they were; downgrading gives the index of every kind back."""
    from dateline.store.corpus import LinkSession

    def indexes(store: Store) -> set[str]:
        with store.engine.connect() as conn:
            return {str(ix["name"]) for ix in sa.inspect(conn).get_indexes("link_keys")}

    def keys(store: Store) -> list[tuple[str, str, str]]:
        k = schema.link_keys
        with store.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(sa.select(k.c.kind, k.c.key, k.c.item_id).order_by(*k.c))]

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with Store(store_url) as store:
        with store.engine.begin() as conn:
            session = LinkSession(conn)
            session.add_keys(schema.KEYS_BY_ITEM, ["lepik", "kadri lepik"], "e1", cap=10)
            session.add_keys("story", ["port", "reopen"], "a1", cap=10)
            session.flush()
        written = keys(store)
        with store.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0008")
        assert indexes(store) >= {"ix_link_keys_item"}
        assert "ix_link_keys_entity_item" not in indexes(store)
    with Store(store_url) as store:
        assert "ix_link_keys_entity_item" in indexes(store)
        assert "ix_link_keys_item" not in indexes(store)
        assert (
            keys(store)
            == written
            == sorted(
                [
                    ("entity", "kadri lepik", "e1"),
                    ("entity", "lepik", "e1"),
                    ("story", "port", "a1"),
                    ("story", "reopen", "a1"),
                ]
            )
        )


def _entity_keys_index(conn: sa.Connection) -> tuple[list[str], str | None]:
    """The columns of the database's index of entity keys by item, and its WHERE clause as the database keeps it
    (None for a full index)."""
    name = schema.ENTITY_KEYS_INDEX
    (found,) = [ix for ix in sa.inspect(conn).get_indexes("link_keys") if ix["name"] == name]
    if conn.dialect.name == "sqlite":
        sql = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", (name,))
        made = str(sql.scalar_one())
        where = made[made.upper().index(" WHERE ") + len(" WHERE ") :] if " WHERE " in made.upper() else None
    else:
        query = "SELECT pg_get_expr(indpred, indrelid) FROM pg_index WHERE indexrelid = %(name)s::regclass"
        where = conn.exec_driver_sql(query, {"name": name}).scalar_one()
    return [str(c) for c in found["column_names"]], where


def _names_entity_keys(where: str | None) -> bool:
    """Whether a WHERE clause keeps entity keys alone: the kind compared with the one kind read by item."""
    return where is not None and "kind" in where and f"'{schema.KEYS_BY_ITEM}'" in where and "=" in where


def test_entity_keys_index_has_its_database_columns_and_is_partial(store_url: str) -> None:
    """The index the move reads on each database: partial on entity keys, its columns those of its database
    (kind first on SQLite, ``(item_id, key)`` on PostgreSQL). A full index of the same name and columns fails the
    check, as does the other database's column order."""
    with Store(store_url) as store, store.engine.begin() as conn:
        columns, where = _entity_keys_index(conn)
        assert columns == list(schema.ENTITY_KEYS_COLUMNS[store.dialect])
        assert _names_entity_keys(where), where
        conn.exec_driver_sql(f"DROP INDEX {schema.ENTITY_KEYS_INDEX}")
        conn.exec_driver_sql(f"CREATE INDEX {schema.ENTITY_KEYS_INDEX} ON link_keys ({', '.join(columns)})")
        assert not _names_entity_keys(_entity_keys_index(conn)[1])
    assert schema.ENTITY_KEYS_COLUMNS["postgresql"][0] == "item_id"
    assert schema.ENTITY_KEYS_COLUMNS["sqlite"][0] == "kind"


def test_a_database_at_0009_gets_its_database_columns(store_url: str) -> None:
    """A database at 0009 (the index kind first on every database) gets its own database's columns on open, the
    partial WHERE kept; downgrading gives 0009's columns back."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with Store(store_url) as store:
        with store.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0009")
        with store.engine.connect() as conn:
            columns, where = _entity_keys_index(conn)
        assert columns == ["kind", "item_id", "key"]
        assert _names_entity_keys(where), where
    with Store(store_url) as store, store.engine.connect() as conn:
        columns, where = _entity_keys_index(conn)
        assert columns == list(schema.ENTITY_KEYS_COLUMNS[store.dialect])
        assert _names_entity_keys(where), where
