"""Storage: SQLite by default, PostgreSQL by URL, one schema, Alembic migrations, exports."""

from dateline.store.db import DEFAULT_DB, Store, normalize_url

__all__ = ["DEFAULT_DB", "Store", "normalize_url"]
