"""A batch's entity look-ups read ahead (``entities.prefetch``): the links are the ones each article's own reads
give, and the blocking keys' postings are read in a few queries per batch, not one or more per article."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from dateline.link import LinkSummary, entities, link_batch
from dateline.model import Analysis
from dateline.store import Store, corpus
from dateline.store.corpus import LinkCache
from dateline.store.schema import LINK_TABLES, records
from tests.link.test_shortcuts import _articles, _records

# Real AllSides reports, linked in two batches (the second meets the first's entities).
REPORTS = 30
BATCH = 15


def _analyses() -> list[Analysis]:
    return [Analysis(a, tuple(_records(a))) for a in _articles(REPORTS)]


def _link(db: Path, monkeypatch: pytest.MonkeyPatch, *, read_ahead: bool) -> tuple[dict[str, list[tuple]], list[str]]:
    """Every link table and the records after linking, and the tables each read asked."""
    store = Store(str(db))
    analyses = _analyses()
    for analysis in analyses:
        store.write(analysis)
    asked: list[str] = []
    rows_in = corpus._rows_in

    def counted(conn, table, columns, kind, column, ids):  # type: ignore[no-untyped-def]
        asked.append(f"{table.name}:{kind}")
        return rows_in(conn, table, columns, kind, column, ids)

    with monkeypatch.context() as patched:
        patched.setattr(corpus, "_rows_in", counted)
        if not read_ahead:
            patched.setattr(entities, "prefetch", lambda session, batch: None)
        summary, cache = LinkSummary(), LinkCache()
        for start in range(0, len(analyses), BATCH):
            link_batch(store, analyses[start : start + BATCH], summary, cache)
    with store.engine.connect() as conn:
        tables = {t.name: sorted(tuple(r) for r in conn.execute(sa.select(t))) for t in (*LINK_TABLES, records)}
    store.close()
    return tables, asked


def test_read_ahead_links_as_each_article_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ahead, asked = _link(tmp_path / "ahead.db", monkeypatch, read_ahead=True)
    plain, asked_plain = _link(tmp_path / "plain.db", monkeypatch, read_ahead=False)
    assert ahead == plain
    assert len(ahead["link_members"]) > 300
    # The entity keys' postings and the rows of the ids new entities would take: a few queries per batch (one per
    # ``IN_BATCH`` keys or ids), where each article sent one of each (30 and 30 on these reports; 7 and 3 ahead).
    assert asked_plain.count("link_keys:entity") >= REPORTS and asked_plain.count("link_groups:entity") >= REPORTS
    assert asked.count("link_keys:entity") <= REPORTS // 3 and asked.count("link_groups:entity") <= REPORTS // 3
