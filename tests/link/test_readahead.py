"""A batch's entity look-ups read ahead (``entities.prefetch``): the links are the ones each article's own reads
give, and the blocking keys' postings are read in a few queries per batch, not one or more per article.

The read-ahead holds rows the batch's own writes then change, so every way a batch's caches can move under it is
linked with it off and on and the link tables compared row for row: several batches, a second pass meeting the
entities a merge pass folded and renamed, a run stopped mid-batch and resumed, caches trimmed by mid-batch
flushes, and PostgreSQL."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

import dateline.link as linking
from dateline.batch.run import run_corpus
from dateline.link import LinkSummary, entities, link_articles, link_batch, link_pending
from dateline.model import Analysis
from dateline.store import Store, corpus
from dateline.store.corpus import LinkCache, unlinked_article_ids
from dateline.store.schema import LINK_TABLES, records
from tests.conftest import CORPUS, require_shared
from tests.link.test_shortcuts import _articles, _records
from tests.store.conftest import pg_schema, pg_session_db  # noqa: F401  (fixture)

# Real AllSides reports, linked in two batches (the second meets the first's entities).
REPORTS = 30
BATCH = 15
# Politics reports of one season through the real pipeline: they name the same people by short and full forms,
# so the merge pass folds and renames entities.
POLITICS = CORPUS / "bbc-news-greene2006" / "bbc" / "politics"
N_POLITICS = 60
# Small batches, so a pass takes several (each read ahead on its own).
SMALL_BATCH = 4

Tables = dict[str, list[tuple[Any, ...]]]


def _tables(store: Store) -> Tables:
    """Every link table and the records, row for row."""
    with store.engine.connect() as conn:
        return {t.name: sorted(tuple(r) for r in conn.execute(sa.select(t))) for t in (*LINK_TABLES, records)}


def _analyses() -> list[Analysis]:
    return [Analysis(a, tuple(_records(a))) for a in _articles(REPORTS)]


def _link(store: Store, monkeypatch: pytest.MonkeyPatch, *, read_ahead: bool) -> tuple[Tables, list[str]]:
    """Every link table and the records after linking, and the tables each read asked."""
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
    tables = _tables(store)
    store.close()
    return tables, asked


def test_read_ahead_links_as_each_article_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ahead, asked = _link(Store(str(tmp_path / "ahead.db")), monkeypatch, read_ahead=True)
    plain, asked_plain = _link(Store(str(tmp_path / "plain.db")), monkeypatch, read_ahead=False)
    assert ahead == plain
    assert len(ahead["link_members"]) > 300
    # The entity keys' postings and the rows of the ids new entities would take: a few queries per batch (one per
    # ``IN_BATCH`` keys or ids), where each article sent one of each (30 and 30 on these reports; 7 and 3 ahead).
    assert asked_plain.count("link_keys:entity") >= REPORTS and asked_plain.count("link_groups:entity") >= REPORTS
    assert asked.count("link_keys:entity") <= REPORTS // 3 and asked.count("link_groups:entity") <= REPORTS // 3


def _cold_batch_reads(store: Store, monkeypatch: pytest.MonkeyPatch, *, read_ahead: bool) -> int:
    """The entity rows a second batch's records read while they are resolved, with a cache that holds none of
    the first batch's (a new process linking onto a stored corpus): the number of queries sent."""
    analyses = _analyses()
    for analysis in analyses:
        store.write(analysis)
    link_batch(store, analyses[:BATCH], LinkSummary(), LinkCache())
    asked = 0
    resolving = False
    rows_in, resolve = corpus._rows_in, entities.resolve

    def counted(conn, table, columns, kind, column, ids):  # type: ignore[no-untyped-def]
        nonlocal asked
        asked += resolving and table.name == "link_groups" and kind == entities.KIND
        return rows_in(conn, table, columns, kind, column, ids)

    def flagged(*args: Any, **kwargs: Any) -> str:
        nonlocal resolving
        resolving = True
        try:
            return resolve(*args, **kwargs)
        finally:
            resolving = False

    with monkeypatch.context() as patched:
        patched.setattr(corpus, "_rows_in", counted)
        patched.setattr(entities, "resolve", flagged)
        if not read_ahead:
            patched.setattr(entities, "prefetch", lambda session, batch: None)
        link_batch(store, analyses[BATCH:], LinkSummary(), LinkCache())
    store.close()
    return asked


def test_read_ahead_holds_the_entities_records_meet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The read-ahead reads every entity the records' candidates can be drawn from (the items of their keys'
    # postings), so resolving a record asks nothing more; without it each record's candidates were a query.
    assert _cold_batch_reads(Store(str(tmp_path / "ahead.db")), monkeypatch, read_ahead=True) == 0
    assert _cold_batch_reads(Store(str(tmp_path / "plain.db")), monkeypatch, read_ahead=False) >= BATCH


@pytest.mark.postgres
def test_read_ahead_links_as_each_article_reads_on_postgresql(
    pg_session_db: str,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The read-ahead's IN lists of up to ``IN_BATCH`` keys through psycopg's placeholders.
    with pg_schema(pg_session_db) as url:
        ahead, asked = _link(Store(url), monkeypatch, read_ahead=True)
    with pg_schema(pg_session_db) as url:
        plain, _ = _link(Store(url), monkeypatch, read_ahead=False)
    assert ahead == plain
    assert len(ahead["link_members"]) > 300
    assert asked.count("link_keys:entity") <= REPORTS // 3


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database of the politics reports analysed by the pipeline and stored, not linked yet."""
    files = sorted(require_shared(POLITICS, at_least=N_POLITICS, pattern="*.txt").glob("*.txt"))[:N_POLITICS]
    db = tmp_path_factory.mktemp("readahead") / "analysed.db"
    store = Store(str(db))
    run_corpus([str(p) for p in files], store, link=False)
    # Closing the last connection writes the write-ahead log back into the file that the tests copy.
    store.engine.dispose()
    return db


class Stopped(Exception):
    """Stands for a kill at the moment it is raised (the open transaction is rolled back, as after a kill)."""


def _stopped_and_resumed(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run killed in the middle of its third batch (two committed, the third's writes rolled back while its
    read-ahead and its first articles' writes are in the cache), then the next run."""
    link = linking.link_analysis
    calls = 0

    def stopping(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 2 * SMALL_BATCH + SMALL_BATCH // 2 + 1:
            raise Stopped
        return link(*args, **kwargs)

    with monkeypatch.context() as patched:
        patched.setattr(linking, "link_analysis", stopping)
        with pytest.raises(Stopped):
            link_pending(store)
    assert 0 < len(list(unlinked_article_ids(store))) < N_POLITICS
    link_pending(store)


def _two_passes(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Half the reports linked (and their merge pass run), then the other half, whose batches read ahead the
    entities the first merge pass folded and renamed."""
    ids = list(unlinked_article_ids(store))
    merged: list[dict[str, str]] = []
    merge = linking.merge_entities
    with monkeypatch.context() as patched:
        patched.setattr(linking, "merge_entities", lambda *a, **k: merged.append(merge(*a, **k)) or merged[-1])
        link_articles(store, ids[: len(ids) // 2])
    assert merged[0], "the first pass's merge pass should fold or rename entities"
    link_articles(store, ids[len(ids) // 2 :])


def _trimmed(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Caches far smaller than a batch's read-ahead, flushed and trimmed between most articles: read-ahead
    rows are dropped mid-batch and read again, after the batch's own writes are sent."""
    flushes = 0
    flush = corpus.LinkSession.flush

    def counted(session: corpus.LinkSession) -> None:
        nonlocal flushes
        flushes += 1
        flush(session)

    with monkeypatch.context() as patched:
        patched.setattr(corpus, "CACHED_KEYS", 200)
        patched.setattr(corpus, "CACHED_ROWS", 200)
        patched.setattr(corpus, "FLUSH_ROWS", 100)
        patched.setattr(corpus.LinkSession, "flush", counted)
        link_pending(store)
    assert flushes > 2 * N_POLITICS // SMALL_BATCH


WAYS: dict[str, Callable[[Store, pytest.MonkeyPatch], None]] = {
    "batches": lambda store, monkeypatch: link_pending(store),
    "second-pass-after-a-merge": _two_passes,
    "stopped-mid-batch-and-resumed": _stopped_and_resumed,
    "caches-trimmed-mid-batch": _trimmed,
}


@pytest.mark.parametrize("way", list(WAYS))
def test_read_ahead_off_and_on_leave_the_same_tables(
    tmp_path: Path, analysed: Path, monkeypatch: pytest.MonkeyPatch, way: str
) -> None:
    monkeypatch.setattr(linking, "BATCH", SMALL_BATCH)

    def linked(name: str, *, read_ahead: bool, how: Callable[[Store, pytest.MonkeyPatch], None]) -> Tables:
        shutil.copy(analysed, tmp_path / name)
        store = Store(str(tmp_path / name))
        with monkeypatch.context() as patched:
            if not read_ahead:
                patched.setattr(entities, "prefetch", lambda session, batch: None)
            how(store, monkeypatch)
        tables = _tables(store)
        store.close()
        return tables

    # A stopped and resumed run ends as an uninterrupted one; the others are compared with themselves.
    reference = WAYS["batches"] if way == "stopped-mid-batch-and-resumed" else WAYS[way]
    plain = linked("plain.db", read_ahead=False, how=reference)
    assert len(plain["link_members"]) > 300
    assert linked("ahead.db", read_ahead=True, how=WAYS[way]) == plain
