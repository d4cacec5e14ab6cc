"""A database for the serve tests: the two sample reports plus a slice of BBC politics articles, run through
the whole pipeline (ingest, extract, link) once per session.

``DATELINE_SERVE_SLICE`` sets how many BBC articles (default 20). ``DATELINE_SERVE_DB`` names a database
already built the same way (``dateline run <samples> <slice> --db PATH``), to skip the build while iterating;
each test module works on its own copy, so corrections written by one test never leak into another.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.conftest import CORPUS, SAMPLES

from dateline.serve.app import create_app
from dateline.store import Store

BBC_POLITICS = CORPUS / "bbc-news-greene2006" / "bbc" / "politics"
SLICE = int(os.environ.get("DATELINE_SERVE_SLICE", "20"))
TOKEN = "test-token-0123456789"


def slice_paths() -> list[str]:
    return [str(p) for p in sorted(SAMPLES.glob("*.txt"))] + [str(p) for p in sorted(BBC_POLITICS.glob("*.txt"))[:SLICE]]


@pytest.fixture(scope="session")
def built_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    prebuilt = os.environ.get("DATELINE_SERVE_DB")
    if prebuilt:
        return Path(prebuilt)
    if not SAMPLES.is_dir() or not BBC_POLITICS.is_dir():
        pytest.fail(f"../shared is missing ({SAMPLES}, {BBC_POLITICS}); set DATELINE_SHARED")
    from dateline.batch import run_corpus

    path = tmp_path_factory.mktemp("serve") / "slice.db"
    with Store(str(path)) as store:
        summary = run_corpus(slice_paths(), store)
        assert summary.stored >= 2, summary.to_dict()
    return path


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
