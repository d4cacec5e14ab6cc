"""Shared fixtures: where ../shared is, the sample reports, a fresh database."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED", REPO.parent / "shared"))
SAMPLES = SHARED / "samples"
GOLD = SHARED / "gold"
EVAL_DATA = SHARED / "eval-data"
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"../shared is missing ({SHARED}); set DATELINE_SHARED")
    return SHARED


@pytest.fixture(scope="session")
def samples(shared: Path) -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return str(tmp_path / "test.db")
