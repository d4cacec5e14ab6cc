"""One folder of hostile input runs to the end, in process and with two workers: every good document is
stored, every bad one is recorded with its code, and nothing prints a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.nlp import load_nlp, model
from dateline.nlp.model import MODEL_PACKAGE
from dateline.nlp.offices import Office
from dateline.store import Store
from tests.batch.nasty import MAX_BYTES, make_nasty
from tests.store.conftest import pg_schema, pg_session_db  # noqa: F401  (fixture)

# `dateline run` exits 3 when some documents failed (and the run went on).
EXIT_FAILURES = 3


def _run(folder: Path, db: Path | str, *extra: str) -> dict[str, object]:
    args = ["run", str(folder), str(folder / "pipe.txt"), "--db", str(db), "--json", "--no-progress"]
    result = CliRunner().invoke(app, [*args, "--max-bytes", str(MAX_BYTES), *extra])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == EXIT_FAILURES, result.output
    return dict(json.loads(result.stdout))


def _check(folder: Path, db: Path | str, goods: int, expected: dict[str, str]) -> None:
    store = Store(str(db))
    failures = {f.source_path: f for f in store.failures()}
    for path, code in expected.items():
        assert path in failures, (path, sorted(failures))
        assert failures[path].code == code, failures[path]
    assert all(len(f.reason) <= 2000 for f in failures.values())
    assert set(failures) == set(expected), sorted(set(failures) - set(expected))
    assert store.counts()["articles"] == goods
    # Invalid UTF-8 is stored as decoded, with a note saying how; valid text has none.
    noted = {Path(a.source_path).name: a.notes for a in store.articles() if a.notes}
    assert list(noted) == ["bad-utf8.txt"] and noted["bad-utf8.txt"][0].startswith("[E213] not valid UTF-8")


@pytest.mark.parametrize("workers", ["1", "2"])
def test_nasty_folder_runs_to_the_end(tmp_path: Path, workers: str) -> None:
    folder = tmp_path / "nasty"
    goods, expected = make_nasty(folder, long_chars=0)
    summary = _run(folder, tmp_path / "nasty.db", "--workers", workers)
    assert summary["stored"] == goods
    _check(folder, tmp_path / "nasty.db", goods, expected)


@pytest.mark.postgres
def test_nasty_folder_on_postgresql(tmp_path: Path, pg_session_db: str) -> None:  # noqa: F811
    # PostgreSQL refuses NUL in text columns, where SQLite stores it: the folder must still run to the end.
    folder = tmp_path / "nasty"
    goods, expected = make_nasty(folder, long_chars=0)
    with pg_schema(pg_session_db) as url:
        _run(folder, url)
        _check(folder, url, goods, expected)


def test_long_texts_are_parsed_in_windows_joined_into_one_doc(monkeypatch: pytest.MonkeyPatch) -> None:
    # Windows of 600 characters over a text of offices and names: the joined Doc is the whole text, and
    # every window's offices and nested places point at the same characters in it.
    monkeypatch.setattr(model, "WINDOW_CHARS", 600)
    paragraph = (
        "Khazar Farhadov, Azerbaijan's Ambassador to Pakistan, spoke at the Embassy of Azerbaijan in Islamabad. "
        "Prime Minister Jane Smith of Britain said the talks would go on."
    )
    text = "\n\n".join(f"{paragraph} Day {i}." for i in range(12))
    nlp = load_nlp(MODEL_PACKAGE)
    pieces = model.windows(text, 600)
    assert "".join(pieces) == text and len(pieces) > 3 and all(len(p) <= 600 for p in pieces)
    (doc,) = model.parse(nlp, [text], 8)
    assert doc.text == text
    parts = [nlp(p) for p in pieces]
    expected_offices, expected_nested = [], []
    offset = 0
    for part, piece in zip(parts, pieces, strict=True):
        expected_offices += [(part[row[1]].idx + offset, row[0]) for row in part._.offices]
        expected_nested += [part[s].idx + offset for s, _ in part._.nested_places]
        offset += len(piece)
    assert expected_offices and expected_nested
    assert [(doc[row[1]].idx, row[0]) for row in doc._.offices] == expected_offices
    assert [doc[s].idx for s, _ in doc._.nested_places] == expected_nested
    holders = {doc[Office(*row).person_start].text for row in doc._.offices}
    assert "Jane" in holders


@pytest.mark.slow
@pytest.mark.parametrize("workers", ["1", "2"])
def test_nasty_folder_with_an_article_over_a_million_characters(tmp_path: Path, workers: str) -> None:
    folder = tmp_path / "nasty"
    goods, expected = make_nasty(folder)
    _run(folder, tmp_path / "nasty.db", "--workers", workers)
    _check(folder, tmp_path / "nasty.db", goods, expected)
