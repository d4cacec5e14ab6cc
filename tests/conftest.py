"""Shared fixtures: where ../shared is, the sample reports, a fresh database, PolNeAR train articles.

Tests that read ../shared skip when it is absent, saying where to get it, unless ``DATELINE_REQUIRE_SHARED=1``
(CI sets it), when they fail instead. A test needs ../shared when its body, its fixtures or the test helpers
they call name a path under it; `pytest_collection_modifyitems` finds them, so no test has to be marked by
hand, and every absent-data check goes through `require_shared`.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from types import CodeType, FunctionType, ModuleType
from typing import Any, NoReturn

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

# The names under which tests reach ../shared (see `_reads_shared`).
SHARED_NAMES = frozenset({"SHARED", "SAMPLES", "GOLD", "EVAL_DATA", "CORPUS", "POLNEAR", "polnear_article"})
REQUIRE_SHARED = os.environ.get("DATELINE_REQUIRE_SHARED") == "1"
WHERE_TO_GET_IT = (
    "set DATELINE_SHARED to the shared data folder (samples/, gold/, eval-data/, corpus/) "
    "or place this checkout beside it as ../shared"
)


def missing_shared(what: Path | str) -> NoReturn:
    """Skip the calling test (fail it under DATELINE_REQUIRE_SHARED=1): ../shared data it needs is absent."""
    message = f"../shared data is missing ({what}); {WHERE_TO_GET_IT}"
    if REQUIRE_SHARED:
        pytest.fail(message)
    pytest.skip(message)


def require_shared(path: Path, *, at_least: int = 0, pattern: str = "*") -> Path:
    """``path`` under ../shared, when it exists (and holds ``at_least`` entries matching ``pattern``)."""
    if not path.exists() or (at_least and len(list(path.glob(pattern))) < at_least):
        missing_shared(path)
    return path


# WordNet 3.0 as Debian's wordnet-base installs it: the source of the generated word lists in src/dateline/data.
WORDNET = Path("/usr/share/wordnet")


def wordnet_script(name: str, *, needs: str = "data.noun") -> ModuleType:
    """``bench/NAME.py``, a script that writes one of the WordNet-derived lists, loaded by path (bench/ is no
    package) for the tests that check the shipped list is what it writes; skips where WordNet's ``needs`` file
    is not installed."""
    if not (WORDNET / needs).is_file():
        pytest.skip("WordNet 3.0 (Debian wordnet-base) is not installed")
    # A script may import a sibling script (as ``python bench/NAME.py`` can, bench/ being its sys.path[0]).
    if str(REPO / "bench") not in sys.path:
        sys.path.append(str(REPO / "bench"))  # last: a bench name shadows no installed module
    spec = importlib.util.spec_from_file_location(name, REPO / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _is_shared_value(value: Any) -> bool:
    if isinstance(value, Path):
        return value.is_relative_to(SHARED)
    if isinstance(value, list | tuple):
        return any(isinstance(v, Path) and v.is_relative_to(SHARED) for v in value)
    return False


def _names(code: CodeType) -> Iterable[str]:
    yield from code.co_names
    for const in code.co_consts:
        if isinstance(const, CodeType):
            yield from _names(const)


def _reads_shared(func: Any, seen: set[int] | None = None) -> bool:
    """Whether ``func`` (a test, fixture or test helper) names a ../shared path, directly or via helpers."""
    func = getattr(func, "__wrapped__", func)
    if not isinstance(func, FunctionType) or not func.__module__.startswith("tests"):
        return False
    seen = set() if seen is None else seen
    if id(func) in seen:
        return False
    seen.add(id(func))
    for name in _names(func.__code__):
        if name in SHARED_NAMES:  # also when imported inside the function, where it is not a global
            return True
        value = func.__globals__.get(name)
        if _is_shared_value(value) or _reads_shared(value, seen):
            return True
    return False


def _needs_shared(item: pytest.Item) -> bool:
    if not isinstance(item, pytest.Function):
        return False
    if _reads_shared(item.function):
        return True
    callspec = getattr(item, "callspec", None)
    if callspec is not None and any(_is_shared_value(v) for v in callspec.params.values()):
        return True
    for name in item.fixturenames:
        for fixturedef in item._fixtureinfo.name2fixturedefs.get(name, ()):
            if _reads_shared(fixturedef.func):
                return True
    return False


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "needs_shared: reads ../shared (skipped when absent, see conftest)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    present = SHARED.is_dir()
    for item in items:
        if not _needs_shared(item):
            continue
        item.add_marker(pytest.mark.needs_shared)
        if not present and not REQUIRE_SHARED:
            item.add_marker(pytest.mark.skip(reason=f"../shared is missing ({SHARED}); {WHERE_TO_GET_IT}"))


@lru_cache(maxsize=1)
def _polnear_train() -> tuple[polnear.PolnearDoc, ...]:
    return tuple(polnear.load_split(require_shared(POLNEAR), "train"))


def polnear_article(prefix: str) -> Analysis:
    """The PolNeAR train article whose name starts with ``prefix``, analysed as `dateline eval --format
    polnear` reads it: the whole file, headline line included."""
    (doc,) = [d for d in _polnear_train() if d.name.startswith(prefix)]
    result = next(Pipeline(list(polnear.EXTRACTORS)).run([polnear.as_article(doc)]))
    assert isinstance(result, Analysis), result
    return result


@pytest.fixture(scope="session")
def shared() -> Path:
    return require_shared(SHARED)


@pytest.fixture(scope="session")
def samples(shared: Path) -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return str(tmp_path / "test.db")
