"""Backends for the store's tests: SQLite and a real PostgreSQL server (DATELINE_TEST_PG_URL).

The PostgreSQL tests get a database created for this test session (dropped after) and a fresh schema per
test; without DATELINE_TEST_PG_URL they are skipped, saying why (CI sets it: see .ci/run).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import psycopg
import pytest

PG_URL_VAR = "DATELINE_TEST_PG_URL"


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


@contextmanager
def pg_database() -> Iterator[str]:
    """A uniquely named PostgreSQL database on the DATELINE_TEST_PG_URL server, dropped afterwards."""
    url = os.environ.get(PG_URL_VAR)
    if not url:
        pytest.skip(f"{PG_URL_VAR} is not set: no PostgreSQL server to test against (CI sets it in .ci/run)")
    name = f"dateline_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield _with_database(url, name)
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def pg_schema(database_url: str) -> Iterator[str]:
    """A fresh schema in ``database_url``; the URL returned puts it first on the search path."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        separator = "&" if "?" in database_url else "?"
        yield f"{database_url}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with psycopg.connect(database_url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(scope="session")
def pg_session_db() -> Iterator[str]:
    with pg_database() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database of each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "test.db")
        return
    with pg_schema(request.getfixturevalue("pg_session_db")) as url:
        yield url
