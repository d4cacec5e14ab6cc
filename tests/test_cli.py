"""Every CLI command on a database built from the real samples: show, query, export, extractors, eval gate."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from dateline.cli import EXIT_GATE, EXIT_OK, EXIT_USAGE, app
from tests.conftest import GOLD, SAMPLES

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("cli") / "samples.db")
    result = runner.invoke(app, ["run", str(SAMPLES), "--db", path, "--no-progress"])
    assert result.exit_code == EXIT_OK, result.output
    return path


def _json(args: list[str]) -> object:
    result = runner.invoke(app, args)
    assert result.exit_code == EXIT_OK, result.output
    return json.loads(result.output)


def test_show_prints_metadata_and_records(db: str) -> None:
    result = runner.invoke(app, ["show", "001_a0646dd05a271d27.txt", "--db", db])
    assert result.exit_code == EXIT_OK, result.output
    assert "Trend" in result.output
    assert "statements" in result.output
    data = _json(["show", "001_a0646dd05a271d27.txt", "--db", db, "--json"])
    assert isinstance(data, dict)
    assert data["article"]["dateline"]["country"] == "AZ"
    assert {r["kind"] for r in data["records"]} >= {"entity", "statement", "claim", "time", "place", "event"}


def test_show_unknown_article_is_a_usage_error(db: str) -> None:
    result = runner.invoke(app, ["show", "no-such-article", "--db", db])
    assert result.exit_code == EXIT_USAGE


def test_query_statements_by_speaker(db: str) -> None:
    rows = _json(["query", "statements", "--speaker", "farhadov", "--db", db, "--json"])
    assert isinstance(rows, list) and rows
    assert all("Farhadov" in r["speaker"]["entity"] for r in rows)
    assert all(r["spans"] and r["extractor"].startswith("statements.") for r in rows)


@pytest.mark.parametrize(
    ("command", "option", "value", "field"),
    [
        ("entities", "--name", "Aliyev", "name"),
        ("claims", "--predicate", "killed", "predicate"),
        ("times", "--value", "1992", "value"),
        ("places", "--name", "Baku", "name"),
    ],
)
def test_query_filters_each_kind(db: str, command: str, option: str, value: str, field: str) -> None:
    rows = _json(["query", command, option, value, "--db", db, "--json"])
    assert isinstance(rows, list) and rows
    assert all(value.lower() in str(r[field]).lower() for r in rows)


def test_query_events_and_table_output(db: str) -> None:
    rows = _json(["query", "events", "--db", db, "--json"])
    assert isinstance(rows, list) and any(r["type"] for r in rows)
    table = runner.invoke(app, ["query", "claims", "--db", db])
    assert table.exit_code == EXIT_OK and "613" in table.output


def test_export_jsonl_csv_parquet_agree(db: str, tmp_path: Path) -> None:
    jsonl = tmp_path / "all.jsonl"
    assert runner.invoke(app, ["export", "--db", db, "--format", "jsonl", "--out", str(jsonl)]).exit_code == EXIT_OK
    rows = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    claims = [r for r in rows if r["kind"] == "claim"]
    assert claims and all(r["spans"] and r["extractor"] and r["id"] for r in claims)
    assert runner.invoke(app, ["export", "--db", db, "-f", "csv", "-o", str(tmp_path / "csv")]).exit_code == EXIT_OK
    with (tmp_path / "csv" / "claim.csv").open(encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == len(claims)
    assert runner.invoke(app, ["export", "--db", db, "-f", "parquet", "-o", str(tmp_path / "pq")]).exit_code == EXIT_OK
    assert pq.read_table(tmp_path / "pq" / "claim.parquet").num_rows == len(claims)


def test_export_rejects_unknown_format(db: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--db", db, "-f", "xml", "-o", str(tmp_path / "x")])
    assert result.exit_code == EXIT_USAGE


def test_extractors_lists_every_kind() -> None:
    result = runner.invoke(app, ["extractors"])
    assert result.exit_code == EXIT_OK
    for name in (
        "entities.rules.v47",
        "statements.rules.v42",
        "claims.rules.v42",
        "times.rules.v29",
        "events.rules.v68",
        "places.gazetteer.v18",
    ):
        assert name in result.output


def test_eval_gate_exits_5_below_threshold() -> None:
    passing = runner.invoke(app, ["eval", str(GOLD), "--min-f1", "entities=0.5"])
    assert passing.exit_code == EXIT_OK, passing.output
    failing = runner.invoke(app, ["eval", str(GOLD), "--min-f1", "entities=1.01"])
    assert failing.exit_code == EXIT_GATE


def test_eval_unknown_format_is_a_usage_error() -> None:
    result = runner.invoke(app, ["eval", str(GOLD), "--format", "nope"])
    assert result.exit_code == EXIT_USAGE


def test_corpus_queries_print_readable_tables(db: str) -> None:
    series = runner.invoke(app, ["query", "series", "--db", db])
    assert series.exit_code == EXIT_OK, series.output
    flat = " ".join(series.output.split())
    assert "Khojaly genocide" in flat and "yearly since 1992-02-26" in flat and "32nd" in flat
    for what in ("series", "stories", "ledger", "repeated"):
        result = runner.invoke(app, ["query", what, "--db", db])
        assert result.exit_code == EXIT_OK, result.output
        assert "{" not in result.output and '"' not in result.output, what
        rows = _json(["query", what, "--db", db, "--json"])
        assert isinstance(rows, list) and rows and "id" in rows[0]
    ledger = " ".join(runner.invoke(app, ["query", "ledger", "--db", db]).output.split())
    assert "100,000" in ledger and "e+" not in ledger


def test_show_names_the_articles_stories_and_series(db: str) -> None:
    result = runner.invoke(app, ["show", "001_a0646dd05a271d27.txt", "--db", db])
    flat = " ".join(result.output.split())
    assert "Khojaly genocide anniversary (yearly since 1992-02-26)" in flat and "story" in flat
    # The file name without its extension names the article too, as on the web reader.
    bare = runner.invoke(app, ["show", "001_a0646dd05a271d27", "--db", db])
    assert bare.exit_code == EXIT_OK and " ".join(bare.output.split()) == flat


def test_search_finds_articles_through_the_index(db: str) -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in SAMPLES.glob("*.txt")}
    word = "Khojaly"
    found = _json(["search", word.lower()[:5], "--db", db, "--json"])
    assert isinstance(found, dict)
    paths = {Path(item["source_path"]).name for item in found["articles"]["items"]}
    assert paths == {name for name, text in texts.items() if word in text} and paths
    assert all(word.casefold()[:5] in item["snippet"].casefold() for item in found["articles"]["items"])
    assert found["records"] and all(word.casefold()[:5] in json.dumps(r).casefold() for r in found["records"])
    result = runner.invoke(app, ["search", word, "--db", db])
    assert result.exit_code == EXIT_OK and f"{len(paths)} articles" in result.output
