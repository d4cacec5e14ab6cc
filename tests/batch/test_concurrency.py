"""Processes around a run: two runs on one new database end as the same two runs one after the other (no
migration race, no traceback, nothing left unlinked), and a killed run's workers do not outlive it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from dateline.batch import run_corpus
from dateline.store import Store
from dateline.store.corpus import unlinked_article_ids
from tests.batch import is_pool_worker
from tests.batch.nasty import good

TIMEOUT_SECONDS = 600


def _folder(path: Path, numbers: range) -> Path:
    path.mkdir()
    for n in numbers:
        (path / f"report{n}.txt").write_text(good(n), encoding="utf-8")
    return path


def _command(folder: Path, db: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "dateline.cli", "run", str(folder), "--db", str(db), "--no-progress", *extra]


def test_two_runs_at_once_equal_the_two_in_sequence(tmp_path: Path) -> None:
    first = _folder(tmp_path / "a", range(0, 6))
    second = _folder(tmp_path / "b", range(4, 10))  # overlapping: both runs find reports 4 and 5
    expected = set()
    for order in ((first, second), (second, first)):
        store = Store(str(tmp_path / f"seq-{order[0].name}.db"))
        for folder in order:
            run_corpus([str(folder)], store)
        expected.add(store.fingerprint())

    db = tmp_path / "together.db"
    processes = [
        subprocess.Popen(_command(folder, db), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for folder in (first, second)
    ]
    outputs = [p.communicate(timeout=TIMEOUT_SECONDS) for p in processes]
    for process, (_out, err) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, err
        assert "Traceback" not in err
    store = Store(str(db))
    assert store.counts()["articles"] == 10
    assert not list(unlinked_article_ids(store))
    assert store.fingerprint() in expected


def _workers(parent: psutil.Process) -> list[psutil.Process]:
    return [p for p in parent.children(recursive=True) if is_pool_worker(p)]


def test_workers_die_with_a_killed_run(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "many", range(200))
    command = _command(folder, tmp_path / "killed.db", "--workers", "2")
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parent = psutil.Process(process.pid)
    deadline = time.monotonic() + TIMEOUT_SECONDS
    workers: list[psutil.Process] = []
    while time.monotonic() < deadline and process.poll() is None:
        workers = _workers(parent)
        if len(workers) >= 2:
            break
        time.sleep(0.1)
    if process.poll() is not None:
        pytest.fail("the run ended before its workers were seen")
    # Every process the run started (its workers and multiprocessing's resource tracker) must end with it.
    started = parent.children(recursive=True)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=TIMEOUT_SECONDS)
    _gone, alive = psutil.wait_procs(started, timeout=30)
    assert not alive, [p.pid for p in alive]
