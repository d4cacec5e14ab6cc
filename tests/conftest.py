"""Shared fixtures: where ../shared is, the sample reports, a fresh database, PolNeAR train articles."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import pytest

from dateline.evaluate import polnear
from dateline.model import Analysis
from dateline.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED", REPO.parent / "shared"))
SAMPLES = SHARED / "samples"
GOLD = SHARED / "gold"
EVAL_DATA = SHARED / "eval-data"
CORPUS = SHARED / "corpus"
POLNEAR = EVAL_DATA / "quotes" / "polnear"


@lru_cache(maxsize=1)
def _polnear_train() -> tuple[polnear.PolnearDoc, ...]:
    if not POLNEAR.is_dir():
        pytest.fail(f"PolNeAR is missing ({POLNEAR}); set DATELINE_SHARED")
    return tuple(polnear.load_split(POLNEAR, "train"))


def polnear_article(prefix: str) -> Analysis:
    """The PolNeAR train article whose name starts with ``prefix``, analysed as `dateline eval --format
    polnear` reads it: the whole file, headline line included."""
    (doc,) = [d for d in _polnear_train() if d.name.startswith(prefix)]
    result = next(Pipeline(list(polnear.EXTRACTORS)).run([polnear.as_article(doc)]))
    assert isinstance(result, Analysis), result
    return result


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
