"""The merge pass after linking (entity folds, renames, record rewrites) survives a kill: whatever moment a run
stops at after its last link batch commits, the next run finishes the merge, and the database ends as an
uninterrupted run leaves it."""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

import dateline.link as linking
from dateline.batch.run import run_corpus
from dateline.link import entities, link_articles, link_pending
from dateline.store import Store, corpus
from dateline.store.corpus import MERGE_PENDING, MERGED, REWRITE, unlinked_article_ids
from dateline.store.db import stored_moves
from dateline.store.schema import LINK_TABLES, link_features, link_moved
from tests.conftest import CORPUS
from tests.store.conftest import pg_schema, pg_session_db  # noqa: F401  (fixture)

# Politics reports of one season name the same people by short and full forms, so the merge pass folds
# entities and rewrites the records of several articles.
POLITICS = CORPUS / "bbc-news-greene2006" / "bbc" / "politics"
N_ARTICLES = 60
# Small batches, so linking and the record rewrites each take several transactions.
BATCH = 3


class Stopped(Exception):
    """Stands for a kill at the moment it is raised (the open transaction is rolled back, as after a kill)."""


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database of the articles analysed and stored, not linked yet."""
    files = sorted(POLITICS.glob("*.txt"))[:N_ARTICLES]
    db = tmp_path_factory.mktemp("merge") / "analysed.db"
    store = Store(str(db))
    run_corpus([str(p) for p in files], store, link=False)
    # Closing the last connection writes the write-ahead log back into the file that the tests copy.
    store.engine.dispose()
    return db


def _copy(analysed: Path, to: Path) -> Store:
    shutil.copy(analysed, to)
    return Store(str(to))


def _bookkeeping(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {kind: len(corpus.features_of(conn, kind)) for kind in (MERGE_PENDING, MERGED, REWRITE)}


def _stop_at_call(n: int, function: Any) -> Any:
    """``function``, raising ``Stopped`` at its ``n``-th call instead of running."""
    calls = 0

    def stopping(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == n:
            raise Stopped
        return function(*args, **kwargs)

    return stopping


@pytest.mark.parametrize(
    ("target", "name", "call"),
    [
        # Every link batch committed, the merge pass not begun.
        (entities, "merges", 1),
        # The folds applied but not committed.
        (corpus.LinkSession, "move_groups", 2),
        # The folds and the first batch of record rewrites committed, the second batch not.
        (linking, "_renamed", 2),
    ],
    ids=["before-merge", "while-folding", "between-rewrites"],
)
def test_a_merge_pass_stopped_midway_is_finished_by_the_next_run(
    tmp_path: Path, analysed: Path, monkeypatch: pytest.MonkeyPatch, target: Any, name: str, call: int
) -> None:
    monkeypatch.setattr(linking, "BATCH", BATCH)
    reference = _copy(analysed, tmp_path / "reference.db")
    rewrites: list[int] = []
    renamed = linking._renamed
    monkeypatch.setattr(linking, "_renamed", lambda a, m: rewrites.append(len(a)) or renamed(a, m))
    link_pending(reference)
    monkeypatch.setattr(linking, "_renamed", renamed)
    assert len(rewrites) >= 2, "the merge pass should rewrite records in several transactions"
    assert _bookkeeping(reference) == {MERGE_PENDING: 0, MERGED: 0, REWRITE: 0}

    store = _copy(analysed, tmp_path / "stopped.db")
    original = getattr(target, name)
    monkeypatch.setattr(target, name, _stop_at_call(call, original))
    with pytest.raises(Stopped):
        link_pending(store)
    monkeypatch.setattr(target, name, original)
    # Every article is marked linked, so only what the stopped run left behind says the merge is owed.
    assert list(unlinked_article_ids(store)) == []
    assert store.fingerprint() != reference.fingerprint()

    link_pending(store)
    assert store.fingerprint() == reference.fingerprint()
    assert _bookkeeping(store) == {MERGE_PENDING: 0, MERGED: 0, REWRITE: 0}


@pytest.mark.parametrize("legacy", [False, True], ids=["mapped-marks", "marks-of-an-earlier-version"])
def test_rewrite_marks_left_by_a_kill_are_finished_whatever_they_say(
    tmp_path: Path, analysed: Path, monkeypatch: pytest.MonkeyPatch, legacy: bool
) -> None:
    """Stopped between two batches of record rewrites, the marks left say which articles only need their ids
    mapped (``MAPPED``); the next run, which holds none of them in memory, maps those and rewrites the others
    whole, and so does it when the marks are an earlier version's (no ``MAPPED``: every article whole)."""
    monkeypatch.setattr(linking, "BATCH", BATCH)
    reference = _copy(analysed, tmp_path / "reference.db")
    link_pending(reference)
    store = _copy(analysed, tmp_path / "stopped.db")
    renamed = linking._renamed
    monkeypatch.setattr(linking, "_renamed", _stop_at_call(2, renamed))
    with pytest.raises(Stopped):
        link_pending(store)
    monkeypatch.setattr(linking, "_renamed", renamed)
    with store.engine.begin() as conn:
        marks = corpus.features_of(conn, REWRITE)
        assert any(data.get(linking.MAPPED) for data in marks.values())
        if legacy:
            conn.execute(sa.update(link_features).where(link_features.c.kind == REWRITE).values(data="{}"))
    link_pending(store)
    assert store.fingerprint() == reference.fingerprint()
    assert _bookkeeping(store) == {MERGE_PENDING: 0, MERGED: 0, REWRITE: 0}


# The articles of the two-pass test below: its first pass links these, its second the rest of the sample.
FIRST_PASS = 20
TWO_PASS_ARTICLES = 40


def _link_tables(store: Store) -> list[list[tuple[Any, ...]]]:
    """Every row of the link tables, sorted (``Store.fingerprint`` covers the articles and records)."""
    with store.engine.connect() as conn:
        return [sorted(tuple(row) for row in conn.execute(sa.select(table))) for table in LINK_TABLES]


def _noted(conn: Any) -> set[tuple[str, str, str]]:
    """``link_moved``'s rows."""
    return {(str(a), str(s), str(g)) for a, s, g in conn.execute(sa.select(link_moved))}


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_a_kill_between_mapped_rewrites_of_earlier_articles_resumes_to_the_same_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest, backend: str
) -> None:
    """A second pass (its articles read from the store, not held in memory) has its merge pass rewrite its own
    articles, most marked ``MAPPED``: their stored rows are read and written back with the ids mapped
    (``_mapped``, session 29; the first pass's articles are left for readers to map). Stopped between two batches
    of those rewrites and resumed by the next run, the database ends as an uninterrupted second pass leaves
    it, records and link tables, on SQLite and on PostgreSQL."""
    files = [str(p) for p in sorted(POLITICS.glob("*.txt"))[:TWO_PASS_ARTICLES]]
    monkeypatch.setattr(linking, "BATCH", BATCH)
    with contextlib.ExitStack() as stack:
        urls = [str(tmp_path / f"{name}.db") for name in ("reference", "stopped")]
        if backend == "postgresql":
            session_db = request.getfixturevalue("pg_session_db")
            urls = [stack.enter_context(pg_schema(session_db)) for _ in urls]
        reference, store = (Store(url) for url in urls)
        ends = []
        for db in (reference, store):
            run_corpus(files, db, link=False)
            ids = list(unlinked_article_ids(db))
            link_articles(db, ids[:FIRST_PASS])
            ends.append(ids[FIRST_PASS:])
        mapped: list[int] = []
        original = linking._mapped
        monkeypatch.setattr(linking, "_mapped", lambda a, m: mapped.append(len(a)) or original(a, m))
        link_articles(reference, ends[0])
        assert len([n for n in mapped if n]) >= 2, "the second pass should map earlier articles' rows in batches"

        monkeypatch.setattr(linking, "_mapped", _stop_at_call(2, original))
        with pytest.raises(Stopped):
            link_articles(store, ends[1])
        monkeypatch.setattr(linking, "_mapped", original)
        with store.engine.connect() as conn:
            assert any(data.get(linking.MAPPED) for data in corpus.features_of(conn, REWRITE).values())
            # Stopped midway, ``link_moved`` holds what the records and members show (moved in one
            # transaction), so readers map every row the stopped rewrite has not reached yet.
            assert _noted(conn) == stored_moves(conn) != set()
        assert store.fingerprint() != reference.fingerprint()

        link_pending(store)
        assert store.fingerprint() == reference.fingerprint()
        assert _link_tables(store) == _link_tables(reference)
        with store.engine.connect() as conn:
            assert _noted(conn) == stored_moves(conn)
        assert _bookkeeping(store) == {MERGE_PENDING: 0, MERGED: 0, REWRITE: 0}
        for db in (reference, store):
            db.engine.dispose()
