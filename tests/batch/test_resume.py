"""Resume: ``dateline run`` killed with SIGKILL at several moments, then re-run, stores every article exactly
once and ends in the same database as an uninterrupted run; a further re-run changes nothing."""

from __future__ import annotations

import os
import random
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
# 20 kill points drawn from a seeded generator: while starting up, at random counts of stored articles, and
# while linking -- a random delay after the last article is stored, and in runs that have only linking left
# (a random delay past the time a run that has nothing to do takes).
SEED = 20261203
STARTUP_KILLS = 3
STORING_KILLS = 12
LINK_ONLY_KILLS = 4
STARTUP_SECONDS = (0.2, 3.0)
RUN_TIMEOUT_SECONDS = 600
# Runs that SIGKILL themselves inside the merge pass that follows linking: as it starts (every link batch
# committed, every article marked linked) and once its entity folds have committed, before the records that
# named the folded entities are rewritten.
MERGE_KILLS = ("merges", "_renamed")
_KILLED_AT = """
import os, signal, sys
import dateline.link as linking
from dateline.cli import main

def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

point = sys.argv[1]
setattr(linking.entities if point == "merges" else linking, point, die)
sys.argv = ["dateline", *sys.argv[2:]]
main()
"""


def _command(folder: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "dateline.cli", "run", str(folder), "--db", str(db), "--no-progress", "--json"]


def _killed_in_merge(point: str, folder: Path, db: Path) -> bool:
    """Run until the merge pass reaches ``point`` (see ``MERGE_KILLS``), where the run kills itself."""
    command = [sys.executable, "-c", _KILLED_AT, point, *_command(folder, db)[3:]]
    done = subprocess.run(command, capture_output=True, timeout=RUN_TIMEOUT_SECONDS, check=False)
    return done.returncode == -signal.SIGKILL


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


def _run_and_kill(
    folder: Path, db: Path, *, seconds: float | None = None, articles: int | None = None, then: float = 0.0
) -> bool:
    """Start a run and SIGKILL it after ``seconds``, or ``then`` seconds after ``articles`` are stored (or let
    it finish). Returns whether it was killed."""
    process = subprocess.Popen(_command(folder, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    start = time.monotonic()
    reached: float | None = None
    try:
        while process.poll() is None and time.monotonic() - start < RUN_TIMEOUT_SECONDS:
            now = time.monotonic()
            if reached is None and articles is not None and _stored(db) >= articles:
                reached = now
            if (seconds is not None and now - start >= seconds) or (reached is not None and now - reached >= then):
                os.kill(process.pid, signal.SIGKILL)
                return True
            time.sleep(0.02)
    finally:
        process.wait(timeout=RUN_TIMEOUT_SECONDS)
    return False


def _run(folder: Path, db: Path) -> int:
    return subprocess.run(
        _command(folder, db), capture_output=True, timeout=RUN_TIMEOUT_SECONDS, check=False
    ).returncode


def _linking_seconds(folder: Path, db: Path) -> float:
    """How long an uninterrupted run spends after its last article is stored (linking, mostly)."""
    process = subprocess.Popen(_command(folder, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored_at = None
    while process.poll() is None:
        if stored_at is None and _stored(db) >= N_ARTICLES:
            stored_at = time.monotonic()
        time.sleep(0.02)
    assert process.returncode == 0
    return time.monotonic() - (stored_at or time.monotonic())


@pytest.mark.slow
def test_killed_runs_resume_without_loss_or_duplicates(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    files = sorted((BBC / "business").glob("*.txt"))[:N_ARTICLES]
    for path in files:
        shutil.copy(path, folder / path.name)

    reference = tmp_path / "reference.db"
    linking = _linking_seconds(folder, reference)
    expected_counts = Store(str(reference)).counts()
    expected_fingerprint = Store(str(reference)).fingerprint()
    assert expected_counts["articles"] == N_ARTICLES
    start = time.monotonic()
    assert _run(folder, reference) == 0  # a run with nothing to do: how long starting and skipping take
    idle = time.monotonic() - start
    assert Store(str(reference)).fingerprint() == expected_fingerprint

    rng = random.Random(SEED)
    db = tmp_path / "resumed.db"
    kills = 0
    for _ in range(STARTUP_KILLS):
        kills += _run_and_kill(folder, db, seconds=rng.uniform(*STARTUP_SECONDS))
    for target in sorted(rng.sample(range(1, N_ARTICLES), STORING_KILLS)):
        kills += _run_and_kill(folder, db, articles=target)
    assert _stored(db) < N_ARTICLES, "the kills came too late to interrupt anything"
    kills += _run_and_kill(folder, db, articles=N_ARTICLES, then=rng.uniform(0.0, linking))
    # Linking is one transaction per batch (all 40 here): a kill leaves every article linked or none.
    assert _linked(db) in (0, N_ARTICLES)
    for _ in range(LINK_ONLY_KILLS):
        kills += _run_and_kill(folder, db, seconds=idle + rng.uniform(0.0, linking))
        assert _linked(db) in (0, N_ARTICLES)
    assert kills >= STORING_KILLS
    assert _run(folder, db) == 0

    store = Store(str(db))
    paths = [a.source_path for a in store.articles()]
    assert sorted(paths) == sorted(str(folder / p.name) for p in files)  # every article exactly once
    assert store.counts() == expected_counts
    assert store.fingerprint() == expected_fingerprint
    assert _run(folder, db) == 0
    assert Store(str(db)).fingerprint() == expected_fingerprint

    # Killed inside the merge pass, at each of its commits: the next run finishes the merge.
    merged = tmp_path / "merged.db"
    for point in MERGE_KILLS:
        assert _killed_in_merge(point, folder, merged), f"the run never reached {point}"
        assert _linked(merged) == N_ARTICLES
    assert _run(folder, merged) == 0
    assert Store(str(merged)).fingerprint() == expected_fingerprint
