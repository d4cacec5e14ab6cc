"""`dateline demo` end to end on the built-in corpus, into a temporary database."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from dateline.cli import app
from dateline.demo import demo_corpus_path
from dateline.store import Store


def test_demo_corpus_is_original_and_wire_shaped() -> None:
    files = sorted(demo_corpus_path().glob("*.txt"))
    assert 5 <= len(files) <= 6
    texts = [f.read_text(encoding="utf-8") for f in files]
    assert any("11th anniversary" in t for t in texts) and any("12th anniversary" in t for t in texts)


def test_demo_runs_and_stores_entities_with_roles(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    result = CliRunner().invoke(app, ["demo", "--db", db])
    assert result.exit_code == 0, result.output
    store = Store(db)
    articles = store.articles(limit=100)
    assert len(articles) == len(list(demo_corpus_path().glob("*.txt")))
    roles = []
    for article in articles:
        analysis = store.analysis(article.id)
        assert analysis is not None
        roles += [(e.name, r.title, r.of, r.to) for e in analysis.entities for r in e.roles]
    assert any(title == "Ambassador" and of and to for _, title, of, to in roles)
