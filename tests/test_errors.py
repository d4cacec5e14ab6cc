"""The error catalogue: every code raised or recorded anywhere in src is in it, and docs/errors.md lists it."""

from __future__ import annotations

import pickle
import re

import pytest

from dateline.errors import CATALOGUE, ConfigError, DatelineError, Errors, StoreError, entries, http_status
from tests.conftest import REPO

SRC = REPO / "src" / "dateline"
CODE = re.compile(r"""["'](E\d{3})["']|Errors\.(E\d{3})""")


def _codes_in_src() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "errors.py" and path.parent == SRC:
            continue
        for match in CODE.finditer(path.read_text(encoding="utf-8")):
            found.setdefault(match[1] or match[2], str(path.relative_to(REPO)))
    return found


def test_every_code_in_src_is_in_the_catalogue() -> None:
    found = _codes_in_src()
    assert len(found) >= 40
    unknown = {code: where for code, where in found.items() if code not in CATALOGUE}
    assert not unknown, f"codes used but not in dateline.errors.Errors: {unknown}"


def test_every_catalogue_code_is_documented() -> None:
    documented = set(re.findall(r"\|\s*`?(E\d{3})`?\s*\|", (REPO / "docs" / "errors.md").read_text(encoding="utf-8")))
    assert documented == set(CATALOGUE)


def test_entries_are_coded_by_name_and_codes_keep_their_family() -> None:
    assert Errors.E403_NOT_MAPPING.code == "E403"
    assert all(re.fullmatch(r"E\d{3}", e.code) for e in entries())


@pytest.mark.parametrize(
    ("error", "text"),
    [
        (ConfigError(Errors.E011, path="x.yaml", error="boom"), "[E011] cannot read configuration x.yaml: boom"),
        (StoreError(Errors.E314, record_id="ab12"), "[E314] no record 'ab12'"),
        (ConfigError("E099", "a finished message"), "[E099] a finished message"),
    ],
)
def test_messages_render_from_their_template(error: Exception, text: str) -> None:
    assert str(error) == text


def test_http_status_comes_from_the_catalogue() -> None:
    assert StoreError(Errors.E314, record_id="x").http_status == 404
    assert StoreError(Errors.E313_NOTE, limit=5).http_status == 422
    assert http_status("E310") == 422 and http_status("E301") == 500 and http_status("E999") == 500


@pytest.mark.parametrize(
    "error",
    [
        ConfigError(Errors.E011, path="x.toml", error="bad"),
        StoreError("E201", "the database is locked"),
    ],
)
def test_an_error_sent_between_processes_keeps_its_class_code_and_text(error: DatelineError) -> None:
    # A worker's error reaches the run pickled; Exception's own pickling rebuilt it from its whole text, which
    # then printed as a code of its own ("[[E011] ...] ").
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error)
    assert (back.code, back.message, str(back)) == (error.code, error.message, str(error))
