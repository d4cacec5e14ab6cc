"""The migrations and the schema agree: on a freshly migrated database, Alembic's autogenerate proposes
nothing (no table, column or index that one has and the other lacks), on each backend. The full-text tables
and indexes, which the metadata cannot describe, are left out as the Alembic environment leaves them out."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from dateline.store import Store
from dateline.store.fulltext import include_name
from dateline.store.schema import metadata


def test_autogenerate_finds_nothing_after_migrating(store_url: str) -> None:
    with Store(store_url) as store, store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"include_name": include_name}), metadata)
    assert diff == []


def test_every_table_is_on_the_one_metadata() -> None:
    assert set(metadata.tables) == {
        "articles",
        "records",
        "failures",
        "link_groups",
        "link_members",
        "link_keys",
        "link_features",
        "corrections",
    }
