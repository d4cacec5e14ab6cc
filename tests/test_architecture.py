"""Where things live: all SQL in store/, one MetaData, serve/ reads through store/ and never imports link/; every
module imports on its own."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "dateline"
SQL_MODULES = ("sqlite3", "sqlalchemy", "psycopg", "alembic")
SQL_TEXT = re.compile(r"\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|CREATE TABLE)\b")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _modules(*, outside: str) -> list[Path]:
    return [p for p in sorted(SRC.rglob("*.py")) if outside not in p.relative_to(SRC).parts]


def test_no_sql_outside_store() -> None:
    offenders = []
    for path in _modules(outside="store"):
        if any(name.split(".")[0] in SQL_MODULES for name in _imports(path)) or SQL_TEXT.search(path.read_text()):
            offenders.append(str(path.relative_to(SRC)))
    assert not offenders, f"SQL outside src/dateline/store/: {offenders}"


def test_one_metadata() -> None:
    found = [p for p in SRC.rglob("*.py") if "MetaData(" in p.read_text(encoding="utf-8")]
    assert [p.relative_to(SRC).as_posix() for p in found] == ["store/schema.py"]


def test_serve_does_not_import_link() -> None:
    for path in (SRC / "serve").rglob("*.py"):
        assert not any(name.startswith("dateline.link") for name in _imports(path)), path


# Imports each module of the package as the first dateline module a program loads (dateline.* unloaded before
# each), in one child process: an import cycle that works only when some other module happens to be loaded first
# fails here. The Alembic migrations are left out: they import only inside Alembic's own run.
_IMPORT_EACH_FIRST = """
import importlib, pkgutil, sys
import dateline
names = sorted(m.name for m in pkgutil.walk_packages(dateline.__path__, "dateline.")
               if ".migrations" not in m.name and not m.name.endswith("__main__"))
failed = []
for name in names:
    for loaded in [k for k in sys.modules if k == "dateline" or k.startswith("dateline.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception as error:
        failed.append(f"{name}: {error!r}")
print(len(names))
print("\\n".join(failed))
"""


def test_every_module_imports_first_on_its_own() -> None:
    done = subprocess.run([sys.executable, "-c", _IMPORT_EACH_FIRST], capture_output=True, text=True, check=True)
    count, *failed = done.stdout.splitlines()
    assert int(count) > 90
    assert [line for line in failed if line] == []
