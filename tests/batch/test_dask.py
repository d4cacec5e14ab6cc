"""``run --cluster``: a Dask LocalCluster (2 worker processes) stores what one process stores, also when a
worker is killed mid-run, into SQLite and PostgreSQL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from distributed import Client, LocalCluster

from dateline.batch import run_corpus
from dateline.store import Store
from tests.conftest import CORPUS, missing_shared
from tests.store.conftest import pg_database

N_ARTICLES = 6
CHUNK = 1


@pytest.fixture(scope="module")
def paths() -> list[str]:
    files = sorted((CORPUS / "bbc-news-greene2006" / "bbc" / "entertainment").glob("*.txt"))[:N_ARTICLES]
    if len(files) < N_ARTICLES:
        missing_shared(CORPUS)
    return [str(f) for f in files]


@pytest.fixture(scope="module")
def reference(paths: list[str], tmp_path_factory: pytest.TempPathFactory) -> str:
    store = Store(str(tmp_path_factory.mktemp("ref") / "one.db"))
    run_corpus(paths, store)
    return store.fingerprint()


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local


def test_cluster_run_into_sqlite_equals_one_process(
    cluster: LocalCluster, paths: list[str], reference: str, tmp_path: Path
) -> None:
    store = Store(str(tmp_path / "dask.db"))
    summary = run_corpus(paths, store, cluster=cluster.scheduler_address, chunk_size=CHUNK)
    assert (summary.stored, summary.failures) == (N_ARTICLES, [])
    assert store.fingerprint() == reference


@pytest.mark.postgres
def test_cluster_run_into_postgresql_equals_one_process(
    cluster: LocalCluster, paths: list[str], reference: str
) -> None:
    with pg_database() as url:
        store = Store(url)
        summary = run_corpus(paths, store, cluster=cluster.scheduler_address, chunk_size=CHUNK)
        assert (summary.stored, summary.failures) == (N_ARTICLES, [])
        assert store.fingerprint() == reference
        store.close()


def test_killed_worker_chunk_is_rescheduled_and_stored_once(
    cluster: LocalCluster, paths: list[str], reference: str, tmp_path: Path
) -> None:
    with Client(cluster) as client:
        pids = sorted(client.run(os.getpid).values())
    assert len(pids) == 2
    killed: list[int] = []

    def kill_one_worker(_item: object) -> None:
        if not killed:
            killed.append(pids[0])
            os.kill(pids[0], signal.SIGKILL)

    store = Store(str(tmp_path / "killed.db"))
    summary = run_corpus(paths, store, cluster=cluster.scheduler_address, chunk_size=CHUNK, progress=kill_one_worker)
    assert killed
    assert (summary.stored, summary.failures) == (N_ARTICLES, [])
    assert store.counts()["articles"] == N_ARTICLES
    assert store.fingerprint() == reference


# A process that starts a LocalCluster of two worker processes, prints their pids and waits to be killed.
_CLUSTER_SCRIPT = """
import os, sys, time
from distributed import Client, LocalCluster
cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
with Client(cluster) as client:
    print(" ".join(str(p) for p in client.run(os.getpid).values()), flush=True)
time.sleep(600)
"""


def test_dask_worker_processes_die_with_the_process_that_started_them() -> None:
    # distributed's worker processes exit when the pipe from their parent closes, which a SIGKILL does:
    # a killed client holding a LocalCluster leaves no worker behind.
    parent = subprocess.Popen([sys.executable, "-c", _CLUSTER_SCRIPT], stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout is not None
        pids = [int(p) for p in parent.stdout.readline().split()]
        assert len(pids) == 2 and all(psutil.pid_exists(p) for p in pids)
    finally:
        parent.kill()
        parent.wait()
    deadline = time.monotonic() + 30
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(p) for p in pids)


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
