"""Full-text search through the database's own index (FTS5 on SQLite, tsvector GIN indexes on PostgreSQL), on
real BBC reports: what it finds, and that it follows inserts, re-runs, updates and deletes."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import sqlalchemy as sa

from dateline.ingest import article_from_text
from dateline.model import Analysis, Entity, Span
from dateline.store import Store, fulltext, queries, schema
from tests.conftest import CORPUS, missing_shared

N = 25


def _reports() -> list[Analysis]:
    """The first BBC business reports, each with one entity record: its most frequent capitalised word."""
    files = sorted((CORPUS / "bbc-news-greene2006" / "bbc" / "business").glob("*.txt"))[:N]
    if len(files) < N:
        missing_shared(CORPUS)
    out = []
    for file in files:
        article = article_from_text(file.read_text(encoding="latin-1"), source_path=str(file))
        word, _ = Counter(re.findall(r"\b[A-Z][a-z]{4,}\b", article.text)).most_common(1)[0]
        start = article.text.index(word)
        span = Span.of(article.text, start, start + len(word))
        entity = Entity(article_id=article.id, spans=(span,), extractor="entities.rules.v1", name=word, type="ORG")
        out.append(Analysis(article, (entity,)))
    return out


def _expected(analyses: list[Analysis], pattern: str) -> set[str]:
    """Articles whose title or text has ``pattern`` at the start of a word, case-insensitively."""
    regex = re.compile(rf"(?<![^\W_]){pattern}", re.IGNORECASE)
    return {a.article.id for a in analyses if regex.search(a.article.text) or regex.search(a.article.title or "")}


def _found(store: Store, q: str) -> set[str]:
    result = queries.search(store, q, limit=500, offset=0)
    assert result["articles"]["total"] == len(result["articles"]["items"])
    return {item["id"] for item in result["articles"]["items"]}


@pytest.fixture
def filled(store_url: str) -> tuple[Store, list[Analysis]]:
    store = Store(store_url)
    analyses = _reports()
    for analysis in analyses:
        store.write(analysis)
    return store, analyses


def test_search_goes_through_the_index(filled: tuple[Store, list[Analysis]]) -> None:
    store, _ = filled
    with store.engine.connect() as conn:
        assert fulltext.available(conn)
        assert fulltext.article_match(conn, "oil prices") is not None
        # Nothing to look up in the index: the caller falls back to a substring scan.
        assert fulltext.article_match(conn, "%") is None


def test_words_phrases_and_prefixes_on_real_text(filled: tuple[Store, list[Analysis]]) -> None:
    store, analyses = filled
    text = analyses[3].article.text
    words = re.findall(r"[^\W\d_]{5,}", text)
    word = Counter(w.casefold() for w in words).most_common(1)[0][0]
    assert _found(store, word) == _expected(analyses, word) and _found(store, word)
    # The words of a query are a phrase (in order, any punctuation between them), the last one a prefix.
    first, second = re.search(r"\b([A-Za-z]{4,}) ([A-Za-z]{6,})\b", text).groups()  # type: ignore[union-attr]
    q = f"{first.upper()} {second[:4]}"
    assert analyses[3].article.id in _found(store, q)
    assert _found(store, q) == _expected(analyses, rf"{first}\W+{second[:4]}")
    assert _found(store, "zzyzx quuxly") == set()


def test_record_labels_are_searched(filled: tuple[Store, list[Analysis]]) -> None:
    store, analyses = filled
    label = analyses[0].records[0].label()
    assert label
    found = queries.search(store, label.lower(), limit=500, offset=0)["records"]
    want = {a.records[0].id for a in analyses if a.records[0].label().casefold().startswith(label.casefold())}
    assert {r["id"] for r in found} == want


def test_index_follows_reruns_updates_and_deletes(filled: tuple[Store, list[Analysis]]) -> None:
    store, analyses = filled
    target = analyses[0].article
    word = re.findall(r"[^\W\d_]{6,}", target.text)[0]
    before = _found(store, word)
    assert target.id in before
    # A re-run skips stored articles and so indexes nothing twice.
    assert not any(store.write(a) for a in analyses)
    assert _found(store, word) == before
    with store.engine.begin() as conn:
        conn.execute(sa.update(schema.articles).where(schema.articles.c.id == target.id).values(title="Quokkasaurus"))
    assert _found(store, "quokkasaur") == {target.id}
    with store.engine.begin() as conn:
        conn.execute(sa.delete(schema.records).where(schema.records.c.article_id == target.id))
        conn.execute(sa.delete(schema.articles).where(schema.articles.c.id == target.id))
    assert _found(store, "quokkasaurus") == set()
    assert _found(store, word) == before - {target.id}
    if store.dialect == "sqlite":
        # FTS5 compares its index with the tables' content and raises when they differ.
        with store.engine.begin() as conn:
            for fts in (fulltext.ARTICLES_FTS, fulltext.RECORDS_FTS):
                conn.execute(sa.text(f"INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)"))
    with store.engine.begin() as conn:
        fulltext.rebuild(conn)
    assert _found(store, word) == before - {target.id}


def test_an_older_database_is_indexed_when_migrated(tmp_path: Path) -> None:
    """A database stored before the index existed gets its articles indexed by the migration."""
    from alembic import command
    from alembic.config import Config

    from dateline.store.db import MIGRATIONS

    url = str(tmp_path / "old.db")
    analyses = _reports()[:3]
    store = Store(url)
    # Written first (today's writer keeps tables of later migrations too), then taken back to before the index.
    for analysis in analyses:
        store.write(analysis)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0005")
    store.close()
    reopened = Store(url)
    word = re.findall(r"[^\W\d_]{6,}", analyses[1].article.text)[0]
    assert _found(reopened, word) == _expected(analyses, word)
