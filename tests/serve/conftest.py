"""Databases for the serve tests, built once per session through the whole pipeline (ingest, extract, link):
``built_db`` from the two sample reports (API and review tests), ``slice_db`` from the samples plus a slice of
BBC politics articles (browser tests; ``DATELINE_SERVE_SLICE`` sets how many, default 20).

``DATELINE_SERVE_DB`` / ``DATELINE_SERVE_SLICE_DB`` name databases already built the same way
(``dateline run <files> --db PATH``), to skip the build while iterating. Each test module works on its own
copy, so corrections written by one test never leak into another.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dateline.serve.app import create_app
from dateline.store import Store
from tests.conftest import CORPUS, SAMPLES, require_shared

BBC_POLITICS = CORPUS / "bbc-news-greene2006" / "bbc" / "politics"
SLICE = int(os.environ.get("DATELINE_SERVE_SLICE", "20"))
TOKEN = "test-token-0123456789"


def slice_paths() -> list[str]:
    """The sample reports first, then the BBC slice."""
    return [str(p) for p in sorted(SAMPLES.glob("*.txt"))] + [
        str(p) for p in sorted(BBC_POLITICS.glob("*.txt"))[:SLICE]
    ]


def _build(paths: list[str], target: Path) -> Path:
    from dateline.batch import run_corpus

    require_shared(SAMPLES)
    with Store(str(target)) as store:
        summary = run_corpus(paths, store)
        assert summary.stored >= 2, summary.to_dict()
    return target


@pytest.fixture(scope="session")
def built_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two sample reports: two years of one commemoration (a series, a shared speaker, a claim ledger)."""
    prebuilt = os.environ.get("DATELINE_SERVE_DB")
    if prebuilt:
        return Path(prebuilt)
    return _build(slice_paths()[:2], tmp_path_factory.mktemp("serve") / "samples.db")


@pytest.fixture(scope="session")
def slice_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    prebuilt = os.environ.get("DATELINE_SERVE_SLICE_DB")
    if prebuilt:
        return Path(prebuilt)
    require_shared(BBC_POLITICS)
    return _build(slice_paths(), tmp_path_factory.mktemp("serve") / "slice.db")


def copy_db(source: Path, target: Path) -> Path:
    """A consistent copy of a SQLite database (WAL included), through SQLite's backup API."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


@pytest.fixture(scope="module")
def store(built_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Store:
    return Store(str(copy_db(built_db, tmp_path_factory.mktemp("copy") / "serve.db")))


@pytest.fixture(scope="module")
def client(store: Store) -> TestClient:
    """A server with a token: reads for everyone, writes with the token."""
    return TestClient(create_app(store, token=TOKEN))


@pytest.fixture(scope="module")
def readonly(store: Store) -> TestClient:
    return TestClient(create_app(store))


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def fresh_store(built_db: Path, tmp_path: Path) -> Store:
    """A copy of the session database for one test alone."""
    return Store(str(copy_db(built_db, tmp_path / "fresh.db")))
