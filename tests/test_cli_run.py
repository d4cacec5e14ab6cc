"""``dateline run`` over good and bad input: every bad document is a Failure with its stable code, every good
one is stored, and the exit status is 3 when some documents failed."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, app
from dateline.store import Store
from tests.conftest import SAMPLES
from tests.ingest.inputs import BBC, aeb_pages, allsides_objects, write_warc


def _run(args: list[str], stdin: str | None = None) -> tuple[int, dict[str, object]]:
    result = CliRunner().invoke(app, ["run", "--no-progress", "--json", *args], input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, json.loads(result.stdout) if result.stdout.strip().startswith("{") else {}


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], int]:
    """A folder of good and bad documents: (folder, {file name: expected code}, number of good articles)."""
    folder = tmp_path_factory.mktemp("inputs")
    for sample in sorted(SAMPLES.glob("*.txt")):
        (folder / sample.name).write_bytes(sample.read_bytes())
    (folder / "bbc.txt").write_bytes((BBC / "politics" / "001.txt").read_bytes())
    page = aeb_pages(1)[0]
    (folder / "page.html").write_bytes(page)
    objects = allsides_objects(2)
    (folder / "feed.jsonl").write_text(
        json.dumps({"text": objects[0]["content_original"]})
        + "\n{broken\n"
        + json.dumps({"text": objects[1]["content_original"]})
        + "\n",
        encoding="utf-8",
    )
    ends = write_warc(folder / "crawl.warc.gz", aeb_pages(3)[1:])
    (folder / "cut.warc.gz").write_bytes((folder / "crawl.warc.gz").read_bytes()[: ends[0] + 200])
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(Path(sys.executable).resolve().read_bytes()[:65536])
    rng = random.Random(2)
    (folder / "garbage.txt").write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(4000)))
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    (folder / "truncated.html").write_bytes(page[:1500])
    expected = {
        "feed.jsonl#L2": "E207",
        "cut.warc.gz#2": "E208",
        "empty.txt": "E202",
        "binary.txt": "E203",
        "garbage.txt": "E204",
        "huge.txt": "E205",
        "truncated.html": "E206",
    }
    # 2 samples + BBC + page.html + 2 JSONL lines + the WARC's 2 pages; the cut WARC's first record is the
    # same page at the same URL as the whole WARC's first, so it is the same article (stored once).
    return folder, expected, 8


def test_bad_input_becomes_failures_and_good_input_is_stored(
    bad_inputs: tuple[Path, dict[str, str], int], tmp_path: Path
) -> None:
    folder, expected, n_good = bad_inputs
    db = str(tmp_path / "run.db")
    code, summary = _run([str(folder), "--db", db])
    assert code == EXIT_PARTIAL
    failures = summary["failures"]
    assert isinstance(failures, list)
    got = {Path(f["source_path"]).name: f["code"] for f in failures}
    assert got == expected
    assert all(f["reason"] for f in failures)
    counts = Store(db).counts()
    assert counts["articles"] == n_good == summary["stored"]
    assert summary["already_stored"] == 1
    assert counts["failures"] == len(expected)
    # A re-run stores nothing new and records no failure twice.
    fingerprint = Store(db).fingerprint()
    code, summary = _run([str(folder), "--db", db])
    assert code == EXIT_PARTIAL and summary["stored"] == 0
    assert Store(db).fingerprint() == fingerprint


def test_good_input_exits_zero_and_stdin_works(tmp_path: Path) -> None:
    db = str(tmp_path / "ok.db")
    sample = sorted(SAMPLES.glob("*.txt"))[0]
    code, summary = _run(["-", "--db", db], stdin=sample.read_text(encoding="utf-8"))
    assert code == EXIT_OK and summary["stored"] == 1
    (article,) = Store(db).articles()
    assert article.source_path == "<stdin>" and article.published is not None


def test_ingest_options(tmp_path: Path) -> None:
    objects = allsides_objects(1)
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"story": objects[0]["content_original"]}) + "\n", encoding="utf-8")
    code, summary = _run([str(feed), "--db", str(tmp_path / "a.db")])
    assert code == EXIT_PARTIAL and summary["failed"] == 1
    code, summary = _run([str(feed), "--db", str(tmp_path / "b.db"), "--jsonl-text-field", "story"])
    assert code == EXIT_OK and summary["stored"] == 1
    config = tmp_path / "dateline.yaml"
    config.write_text("ingest:\n  max_bytes: 100\n", encoding="utf-8")
    code, summary = _run([str(SAMPLES), "--db", str(tmp_path / "c.db"), "--config", str(config)])
    failures = summary["failures"]
    assert code == EXIT_PARTIAL and isinstance(failures, list) and {f["code"] for f in failures} == {"E205"}
    config.write_text("ingest:\n  max_bytes: -1\n", encoding="utf-8")
    code, _ = _run([str(SAMPLES), "--db", str(tmp_path / "d.db"), "--config", str(config)])
    assert code == EXIT_USAGE
