"""Storage: SQLite by default, PostgreSQL by URL, one schema, Alembic migrations, exports.

``Store``, ``DEFAULT_DB`` and ``normalize_url`` are imported from ``store.db`` on first use, not with the
package: the gazetteer's read-only index (``store.places``) is imported by every worker process, which never
opens the article database, and ``store.db`` brings SQLAlchemy and Alembic with it (about 0.3 CPU s per worker
start; bench/RESULTS.md, session 12).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dateline.store.db import DEFAULT_DB, Store, normalize_url

__all__ = ["DEFAULT_DB", "Store", "normalize_url"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from dateline.store import db

        return getattr(db, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
