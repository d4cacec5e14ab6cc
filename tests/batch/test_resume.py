"""Resume: ``dateline run`` killed with SIGKILL at several moments, then re-run, stores every article exactly
once and ends in the same database as an uninterrupted run; a further re-run changes nothing."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline.store import Store
from tests.conftest import CORPUS

BBC = CORPUS / "bbc-news-greene2006" / "bbc"
N_ARTICLES = 40
# When each interrupted run is killed: while starting up (model loading), as soon as the first articles are
# stored, and further into the writing; each run resumes from what the previous ones stored.
KILL_AFTER_SECONDS = 1.0
KILL_AT_ARTICLES = (1, 20)
# The last kill comes once every article is stored: while the run links them.
RUN_TIMEOUT_SECONDS = 600


def _command(folder: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "dateline.cli", "run", str(folder), "--db", str(db), "--no-progress", "--json"]


def _stored(db: Path) -> int:
    """Articles stored so far, read without taking part in the writer's transactions."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def _linked(db: Path) -> int:
    """Articles marked linked so far (read like `_stored`)."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            query = "SELECT count(*) FROM link_features WHERE kind = 'linked'"
            return int(conn.execute(query).fetchone()[0])
    except sqlite3.Error:
        return 0


def _run_and_kill(folder: Path, db: Path, *, seconds: float | None = None, articles: int | None = None) -> None:
    """Start a run and SIGKILL it after ``seconds`` or once ``articles`` are stored (or let it finish)."""
    process = subprocess.Popen(_command(folder, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    start = time.monotonic()
    try:
        while process.poll() is None and time.monotonic() - start < RUN_TIMEOUT_SECONDS:
            if (seconds is not None and time.monotonic() - start >= seconds) or (
                articles is not None and _stored(db) >= articles
            ):
                os.kill(process.pid, signal.SIGKILL)
                break
            time.sleep(0.05)
    finally:
        process.wait(timeout=RUN_TIMEOUT_SECONDS)


def _run(folder: Path, db: Path) -> int:
    return subprocess.run(
        _command(folder, db), capture_output=True, timeout=RUN_TIMEOUT_SECONDS, check=False
    ).returncode


@pytest.mark.slow
def test_killed_runs_resume_without_loss_or_duplicates(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    files = sorted((BBC / "business").glob("*.txt"))[:N_ARTICLES]
    for path in files:
        shutil.copy(path, folder / path.name)

    reference = tmp_path / "reference.db"
    assert _run(folder, reference) == 0
    expected_counts = Store(str(reference)).counts()
    expected_fingerprint = Store(str(reference)).fingerprint()
    assert expected_counts["articles"] == N_ARTICLES

    db = tmp_path / "resumed.db"
    _run_and_kill(folder, db, seconds=KILL_AFTER_SECONDS)
    for target in KILL_AT_ARTICLES:
        _run_and_kill(folder, db, articles=target)
    assert _stored(db) < N_ARTICLES, "the kills came too late to interrupt anything"
    _run_and_kill(folder, db, articles=N_ARTICLES)
    # Linking is one transaction per batch (all 40 here): a kill leaves every article linked or none.
    assert _linked(db) in (0, N_ARTICLES)
    assert _run(folder, db) == 0

    store = Store(str(db))
    paths = [a.source_path for a in store.articles()]
    assert sorted(paths) == sorted(str(folder / p.name) for p in files)  # every article exactly once
    assert store.counts() == expected_counts
    assert store.fingerprint() == expected_fingerprint
    assert _run(folder, db) == 0
    assert Store(str(db)).fingerprint() == expected_fingerprint
