"""``run --workers N``: local worker processes store exactly what one process stores, resume, survive a kill."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import psutil
import pytest
from typer.testing import CliRunner

from dateline.batch import backends, run_corpus
from dateline.batch.backends import chunk_failures
from dateline.batch.run import chunked
from dateline.cli import app
from dateline.errors import ConfigError
from dateline.ingest import article_from_text, iter_documents
from dateline.model import Article, Failure
from dateline.store import Store
from tests.batch import is_pool_worker, killer
from tests.batch.nasty import good
from tests.conftest import CORPUS, missing_shared

BBC = CORPUS / "bbc-news-greene2006" / "bbc"
# Enough articles for several chunks of CHUNK below on each of two workers.
N_ARTICLES = 8
CHUNK = 1


@pytest.fixture(scope="module")
def paths() -> list[str]:
    files = sorted((BBC / "politics").glob("*.txt"))[:N_ARTICLES]
    if len(files) < N_ARTICLES:
        missing_shared(BBC)
    return [str(f) for f in files]


@pytest.fixture(scope="module")
def reference(paths: list[str], tmp_path_factory: pytest.TempPathFactory) -> str:
    """The fingerprint of an in-process (one worker) run over the same articles."""
    store = Store(str(tmp_path_factory.mktemp("ref") / "one.db"))
    summary = run_corpus(paths, store)
    assert summary.stored == N_ARTICLES and not summary.failures
    return store.fingerprint()


def _pool_processes() -> list[psutil.Process]:
    """This process's pool workers (not the fork server they are forked from, nor the resource tracker)."""
    return [p for p in psutil.Process().children(recursive=True) if is_pool_worker(p)]


def test_cli_two_workers_store_what_one_worker_stores(paths: list[str], reference: str, tmp_path: Path) -> None:
    db = str(tmp_path / "two.db")
    result = CliRunner().invoke(app, ["run", *paths, "--db", db, "--workers", "2", "--json", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["stored"] == N_ARTICLES
    assert Store(db).fingerprint() == reference


def test_resume_skips_stored_articles_before_dispatch(paths: list[str], tmp_path: Path) -> None:
    # Linking included: canonical entity ids come from names, not from which articles were linked together.
    one = Store(str(tmp_path / "one.db"))
    run_corpus(paths, one)
    store = Store(str(tmp_path / "resume.db"))
    half = N_ARTICLES // 2
    run_corpus(paths[:half], store)
    summary = run_corpus(paths, store, workers=2, chunk_size=CHUNK)
    assert (summary.already_stored, summary.stored) == (half, N_ARTICLES - half)
    assert store.fingerprint() == one.fingerprint()


def test_killed_worker_chunk_is_retried_and_nothing_is_stored_twice(
    paths: list[str], reference: str, tmp_path: Path
) -> None:
    store = Store(str(tmp_path / "killed.db"))
    killed: list[int] = []

    def kill_one_worker(_item: object) -> None:
        if not killed:
            victim = _pool_processes()[0]
            killed.append(victim.pid)
            os.kill(victim.pid, signal.SIGKILL)

    summary = run_corpus(paths, store, workers=2, chunk_size=CHUNK, progress=kill_one_worker)
    assert killed
    assert not psutil.pid_exists(killed[0]) or psutil.Process(killed[0]).status() == psutil.STATUS_ZOMBIE
    assert not summary.failures
    assert summary.stored == N_ARTICLES
    assert store.counts()["articles"] == N_ARTICLES
    assert store.fingerprint() == reference


def test_workers_must_be_positive(paths: list[str], tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        run_corpus(paths, Store(str(tmp_path / "bad.db")), workers=0)


def test_chunks_are_lazy_and_cover_everything(paths: list[str]) -> None:
    chunks = list(chunked(iter_documents(paths), 3))
    assert [len(c) for c in chunks] == [3, 3, 2]
    assert [a.source_path for c in chunks for a in c if isinstance(a, Article)] == paths


def test_a_lost_chunk_becomes_failures_with_reasons(paths: list[str]) -> None:
    items: list[Article | Failure] = [*iter_documents(paths[:2]), Failure("x.bin", "E201", "cannot read")]
    failures = chunk_failures(items, "E601", "worker died")
    assert [(f.source_path, f.code) for f in failures if isinstance(f, Failure)] == [
        (paths[0], "E601"),
        (paths[1], "E601"),
        ("x.bin", "E201"),
    ]


def test_only_the_article_that_kills_its_worker_is_lost(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Three chunks of three: the middle one holds an article on which every worker dies. After the chunk's
    # last attempt its articles are tried alone: the killer is E601, its chunk-mates (and the chunks in
    # flight beside it, whose pool broke with it) are stored.
    monkeypatch.setattr(backends, "analyze_chunk", killer.analyze_or_die)
    texts = [good(n) for n in range(9)]
    texts[4] = texts[4] + " " + killer.MARK
    articles = [article_from_text(t, source_path=f"doc{n}.txt") for n, t in enumerate(texts)]
    store = Store(str(tmp_path / "killer.db"))
    summary = run_corpus([], store, documents=articles, workers=2, chunk_size=3, link=False)
    assert [(f.source_path, f.code) for f in summary.failures] == [("doc4.txt", "E601")]
    assert summary.stored == 8 and store.counts()["articles"] == 8
    assert not _pool_processes()
