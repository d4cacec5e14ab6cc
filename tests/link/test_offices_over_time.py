"""Offices over time: an entity's roles dated by their articles, shown by the entity page and the CLI."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from dateline.cli import app
from dateline.link import link_articles
from dateline.model import Analysis, Article, Entity, Role, Span
from dateline.serve.app import create_app
from dateline.store import Store
from dateline.store.queries import office_over_time, offices_over_time

# (article date, the office named before the name)
REPORTS = [
    ("2016-12-30", "Russian President"),
    ("2017-06-01", "Russian President"),
    ("2018-02-11", "Russian President"),
    ("2017-03-03", "Russian Prime Minister"),
    ("2019-01-01", "former President"),
]
ROLES = {
    "Russian President": Role("President", "Russia"),
    "Russian Prime Minister": Role("Prime Minister", "Russia"),
    "former President": Role("former President", "Russia"),
}


def _analysis(date: str, office: str) -> Analysis:
    text = f"{office} Vladimir Putin spoke on Monday."
    article = Article(id=f"a{date}", text=text, source_path=f"{date}.txt", content_hash=date, published=date)
    start = len(office) + 1
    entity = Entity(
        article_id=article.id,
        spans=(Span.of(text, start, start + len("Vladimir Putin")),),
        name="Vladimir Putin",
        type="PERSON",
        roles=(ROLES[office],),
        extractor="entities.rules.v1",
    )
    return Analysis(article, (entity,))


def _store(path: Path) -> Store:
    store = Store(str(path))
    analyses = [_analysis(date, office) for date, office in REPORTS]
    for analysis in analyses:
        store.write(analysis)
    link_articles(store, [a.article.id for a in analyses])
    return store


EXPECTED = [
    "President of Russia — 2016-12-30 … 2018-02-11 (3 articles)",
    "Prime Minister of Russia — 2017-03-03 (1 article)",
    "former President of Russia — 2019-01-01 (1 article)",
]


def test_offices_keep_titles_apart_and_count_articles(tmp_path: Path) -> None:
    store = _store(tmp_path / "offices.db")
    (entity_id,) = {e.entity_id for e in store.records(kind="entity")}  # type: ignore[attr-defined]
    assert offices_over_time(store, [entity_id]) == {entity_id: ("Vladimir Putin", EXPECTED)}
    page = TestClient(create_app(store)).get(f"/entities/{entity_id}")
    assert page.status_code == 200
    for line in EXPECTED:
        assert f"<li>{line}</li>" in page.text
    shown = CliRunner().invoke(app, ["query", "entities", "--name", "Putin", "--db", str(tmp_path / "offices.db")])
    assert shown.exit_code == 0, shown.output
    assert "Offices over time" in shown.output and "2016-12-30 … 2018-02-11 (3 articles)" in shown.output


def test_an_undated_office() -> None:
    assert office_over_time({"title": "Ambassador", "of": "Azerbaijan", "to": "Pakistan", "articles": ["a"]}) == (
        "Ambassador of Azerbaijan to Pakistan (1 article)"
    )
