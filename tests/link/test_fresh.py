"""Linking analyses a run has just stored from memory (``fresh``) writes what linking them read back from the
store writes: every table, link tables included, row for row; and the fresh articles are not read back."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

import dateline.link
from dateline.link import Fresh, link_pending, linkable
from dateline.model import Analysis
from dateline.store import Store


def all_tables(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: sorted(conn.execute(f'SELECT * FROM "{n}"'), key=repr) for n in names if "fts" not in n}


def _stored(db: Path, analyses: list[Analysis]) -> Store:
    store = Store(str(db))
    for analysis in analyses:
        store.write(analysis)
    return store


def test_fresh_analyses_link_as_stored_ones(
    tmp_path: Path, gold_analyses: list[Analysis], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small batches, so several batches, their caches and the merge pass's rewrite all take part.
    monkeypatch.setattr(dateline.link, "BATCH", 3)
    reference = _stored(tmp_path / "reference.db", gold_analyses)
    link_pending(reference)
    reference.close()

    store = _stored(tmp_path / "fresh.db", gold_analyses)
    # Every other article from memory (kept as a run keeps them), the rest read back.
    fresh = Fresh(limit=sys.maxsize)
    for analysis in gold_analyses[::2]:
        fresh.keep(analysis)
    read: list[str] = []
    for name in ("analyses", "article_records"):
        original = getattr(Store, name)

        def spy(self: Store, ids: list[str], *, kinds: object, _original: object = original) -> object:
            read.extend(ids)
            return _original(self, ids, kinds=kinds)  # type: ignore[operator]

        monkeypatch.setattr(Store, name, spy)
    summary = link_pending(store, fresh)
    monkeypatch.undo()
    store.close()

    assert summary.articles == len(gold_analyses)
    assert not set(read) & set(fresh.analyses)
    assert set(read) == {a.article.id for a in gold_analyses} - set(fresh.analyses)
    assert all_tables(tmp_path / "fresh.db") == all_tables(tmp_path / "reference.db")


def test_linkable_is_what_linking_reads_back(tmp_path: Path, gold_analyses: list[Analysis]) -> None:
    store = _stored(tmp_path / "read.db", gold_analyses)
    ids = [a.article.id for a in gold_analyses]
    read = {a.article.id: a for a in store.analyses(ids, kinds=dateline.link.KINDS)}
    assert read == {a.article.id: linkable(a) for a in gold_analyses}
