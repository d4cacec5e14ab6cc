"""The cue-class filter (``Statement.cue_class``) on real reports, through the data API, the CLI, the REST API and
the statements page, on SQLite and PostgreSQL: a statement whose cue names another act ("Trump highlighted
California as an example ...", statements.rules v40's class "other") is left out by ``speech`` and listed without
a filter."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from dateline.cli import EXIT_OK, EXIT_USAGE, app
from dateline.errors import ConfigError
from dateline.model import CUE_OTHER, CUE_SPEECH
from dateline.serve.app import create_app
from dateline.store import Store, queries, schema
from dateline.store.db import cue_classes_of
from tests.conftest import CORPUS, SAMPLES, require_shared
from tests.store.conftest import pg_schema

# A sample report (speech cues) and an AllSides report with an act cue ("highlighted California as an example").
REPORTS = (
    SAMPLES / "001_a0646dd05a271d27.txt",
    CORPUS / "allsides-article-bias" / "jsons" / "LUAWOoHioRv1YCO2.json",
)
runner = CliRunner()


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The two reports run through the whole pipeline into a database of each backend."""
    for path in REPORTS:
        require_shared(path)
    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("cue") / "cue.db")
        _run(url)
        yield url
        return
    with pg_schema(request.getfixturevalue("pg_session_db")) as url:
        _run(url)
        yield url


def _run(url: str) -> None:
    result = runner.invoke(app, ["run", *map(str, REPORTS), "--db", url, "--no-progress"])
    assert result.exit_code == EXIT_OK, result.output


def _cli(db: str, *options: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["query", "statements", "--db", db, "--json", "--limit", "1000", *options])
    assert result.exit_code == EXIT_OK, result.output
    rows = json.loads(result.output)
    assert isinstance(rows, list)
    return rows


def _act(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    return [r for r in rows if r["cue"] == "highlighted" and r["cue_class"] == CUE_OTHER]


def test_cli_speech_leaves_the_act_out(db: str) -> None:
    every = _cli(db)
    assert _act(every), "the AllSides report's 'highlighted' statement is classed other"
    speech = _cli(db, "--cue-class", "speech")
    assert speech and {r["cue_class"] for r in speech} == {CUE_SPEECH}
    assert not _act(speech)
    assert len(speech) == sum(r["cue_class"] == CUE_SPEECH for r in every)
    # Repeated or comma separated: the same classes.
    assert _cli(db, "--cue-class", "speech,other") == _cli(db, "--cue-class", "other", "--cue-class", "speech")
    both = _cli(db, "--cue-class", "speech,other")
    assert _act(both) and len(both) == sum(r["cue_class"] in (CUE_SPEECH, CUE_OTHER) for r in every)


def test_cli_shows_the_class_and_refuses_another_word(db: str) -> None:
    table = runner.invoke(app, ["query", "statements", "--db", db, "--cue-class", "other"])
    assert table.exit_code == EXIT_OK, table.output
    assert "class" in table.output and "highlighted" in table.output and "other" in table.output
    bad = runner.invoke(app, ["query", "statements", "--db", db, "--cue-class", "spoken"])
    assert bad.exit_code == EXIT_USAGE
    assert "E031" in bad.output and "spoken" in bad.output


def test_pages_of_a_class_follow_the_full_order(db: str) -> None:
    # Every page of the data API (the dense walk or the sort, whichever it takes) is the slice of the whole
    # ordered list of the class, and the total counts it.
    with Store(db) as store:
        whole = [r.id for r in store.records(kind="statement", cue_classes=(CUE_SPEECH,))]
        assert len(whole) > 6
        for offset in (0, 3, len(whole) - 2):
            page = queries.records(store, kind="statement", cue_classes=(CUE_SPEECH,), limit=3, offset=offset)
            assert page.total == len(whole)
            assert [item["id"] for item in page.items] == whole[offset : offset + 3]
        labelled = queries.records(
            store, kind="statement", label_contains="trump", cue_classes=(CUE_OTHER,), limit=50, offset=0
        )
        assert labelled.items and all(i["cue_class"] == CUE_OTHER for i in labelled.items)


def test_api_and_page_filter_by_class(db: str) -> None:
    with Store(db) as store:
        client = TestClient(create_app(store))
        every = client.get("/api/statements", params={"limit": 500}).json()
        speech = client.get("/api/statements", params={"cue_class": "speech", "limit": 500}).json()
        other = client.get("/api/statements", params=[("cue_class", "other"), ("cue_class", "attitude")]).json()
        assert _act(every["items"]) and not _act(speech["items"]) and _act(other["items"])
        assert speech["total"] + other["total"] == every["total"]
        bad = client.get("/api/statements", params={"cue_class": "spoken"})
        assert bad.status_code == 422 and "E031" in bad.text
        page = client.get("/statements", params={"cue_class": "other"})
        assert page.status_code == 200
        assert "highlighted" in page.text and '<option value="other" selected>' in page.text
        assert "highlighted" not in client.get("/statements", params={"cue_class": "speech"}).text
        assert client.get("/statements", params={"cue_class": "spoken"}).status_code == 422


def test_a_statement_stored_without_a_class_reads_as_speech(tmp_path: Path) -> None:
    # A statement stored before the field existed reads back as the field's default, and is filtered as it reads.
    require_shared(REPORTS[0])
    url = str(tmp_path / "old.db")
    result = runner.invoke(app, ["run", str(REPORTS[0]), "--db", url, "--no-progress"])
    assert result.exit_code == EXIT_OK, result.output
    r = schema.records
    with Store(url) as store, store.engine.begin() as conn:
        ident, text = conn.execute(sa.select(r.c.id, r.c.data).where(r.c.kind == "statement").limit(1)).one()
        data = json.loads(text)
        del data["cue_class"]
        conn.execute(sa.update(r).where(r.c.id == ident).values(data=json.dumps(data)))
    speech = _cli(url, "--cue-class", "speech")
    assert ident in {row["id"] for row in speech}
    assert ident not in {row["id"] for row in _cli(url, "--cue-class", "other,attitude")}


def test_cue_classes_of_reads_what_a_user_types() -> None:
    assert cue_classes_of(["Other, speech", "speech"]) == (CUE_SPEECH, CUE_OTHER)
    assert cue_classes_of([]) == ()
    with pytest.raises(ConfigError, match="E031"):
        cue_classes_of(["speech,said"])
