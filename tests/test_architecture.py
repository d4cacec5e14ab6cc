"""Where things live: all SQL in store/, one MetaData, serve/ reads through store/ and never imports link/."""

from __future__ import annotations

import ast
import re
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
