"""Input formats come from one registry: a decorated reader is all a new format takes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.config import IngestConfig
from dateline.ingest import iter_documents, registry
from dateline.ingest.readers import read_bytes
from dateline.ingest.registry import input_format
from dateline.model import Article, Failure


def test_builtin_formats_and_their_suffixes() -> None:
    names = {fmt.name: fmt for fmt in registry.input_formats()}
    assert set(names) >= {"text", "html", "json", "jsonl", "warc", "sgml"}
    assert registry.format_for("crawl.warc.gz").name == "warc"
    assert registry.format_for("feed.ndjson").name == "jsonl"
    assert registry.format_for("notes.md").name == "text"
    assert registry.sniffed(b"WARC/1.0\r\n").name == "warc"
    assert registry.sniffed(b"Plain words.").name == "text"


@pytest.fixture
def upper_format() -> Iterator[None]:
    @input_format("upper", suffixes=(".upper",))
    def read_upper(text: str, *, source_path: str, config: IngestConfig) -> Iterator[Article | Failure]:
        yield from read_bytes(text.lower().encode(), source_path=source_path, config=config, kind="x.txt")

    yield
    del registry._FORMATS["upper"]


def test_a_registered_format_is_read_by_suffix_also_in_folders(upper_format: None, tmp_path: Path) -> None:
    (tmp_path / "a.upper").write_text("THE MINISTER SAID THE TALKS WOULD RESUME ON MONDAY.\n", encoding="utf-8")
    (tmp_path / "b.unknown").write_text("Not read when the folder is expanded.\n", encoding="utf-8")
    (article,) = list(iter_documents([str(tmp_path)]))
    assert isinstance(article, Article)
    assert article.text.startswith("the minister said")
