"""Reader corrections: stored beside machine output, exported as gold that ``dateline eval`` scores."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dateline.errors import StoreError
from dateline.evaluate.gold import check_gold, load_gold, score_article
from dateline.model import Analysis, Statement
from dateline.store import Store, review


@pytest.fixture
def reviewed(fresh_store: Store) -> Store:
    return fresh_store


def _a_statement(store: Store) -> Statement:
    found = [r for r in store.records(kind="statement", limit=50) if isinstance(r, Statement)]
    assert found, "the sample reports have statements"
    return found[0]


def test_corrections_stand_beside_the_machine_record(reviewed: Store) -> None:
    statement = _a_statement(reviewed)
    before = statement.to_dict()
    first = review.add(reviewed, statement.id, "speaker", value="  Someone Else ")
    again = review.add(reviewed, statement.id, "speaker", value="Someone Else")
    assert first.id == again.id and first.value == "Someone Else"
    assert [c.id for c in review.listed(reviewed, record_id=statement.id)] == [first.id]
    assert review.record(reviewed, statement.id).to_dict() == before  # type: ignore[union-attr]
    assert review.remove(reviewed, first.id) and not review.remove(reviewed, first.id)
    assert review.listed(reviewed, record_id=statement.id) == []


def test_bad_corrections_are_refused(reviewed: Store) -> None:
    entity = reviewed.records(kind="entity", limit=1)[0]
    with pytest.raises(StoreError, match="only statements and claims"):
        review.add(reviewed, entity.id, "speaker", value="X")
    with pytest.raises(StoreError, match="needs the right speaker"):
        review.add(reviewed, _a_statement(reviewed).id, "speaker", value="   ")
    with pytest.raises(StoreError, match="unknown correction"):
        review.add(reviewed, entity.id, "delete")
    with pytest.raises(StoreError, match="no record"):
        review.add(reviewed, "0" * 16, "wrong")
    with pytest.raises(StoreError, match="longer than"):
        review.add(reviewed, entity.id, "wrong", note="x" * (review.MAX_NOTE + 1))


def _unmatched(gold: dict[str, Any], analysis: Analysis, kind: str) -> tuple[int, int]:
    """(gold items, predictions left unmatched) when ``analysis`` is scored against ``gold``."""
    report = score_article(gold, analysis).report()[kind]
    return report["gold"], report["predicted"] - report["matched"]


def test_reviewed_gold_feeds_the_scorer(reviewed: Store, tmp_path: Path) -> None:
    statement = _a_statement(reviewed)
    analysis = reviewed.analysis(statement.article_id)
    assert analysis is not None
    machine = review.gold_of(analysis, [])
    review.add(reviewed, statement.id, "wrong", note="not a statement")
    written = review.export_gold(reviewed, tmp_path / "gold")
    assert [p.name for p in written] == [Path(analysis.article.source_path).stem + ".gold.yaml"]
    gold = load_gold(written[0])
    check_gold(gold, written[0])
    assert gold["article"] == Path(analysis.article.source_path).name
    assert len(gold["statements"]) == len(machine["statements"]) - 1
    assert gold["entities"] == machine["entities"] and gold["claims"] == machine["claims"]
    # Scored by `dateline eval`'s scorer against the output it came from, the reviewed gold has one statement
    # fewer, and the record the reader rejected is now an unmatched prediction.
    gold_before, unmatched_before = _unmatched(machine, analysis, "statements")
    gold_after, unmatched_after = _unmatched(gold, analysis, "statements")
    assert gold_after == gold_before - 1 and unmatched_after == unmatched_before + 1
    others = [s for s in analysis.statements if s.id != statement.id]
    if others:
        review.add(reviewed, others[0].id, "speaker", value="A Corrected Speaker")
        text = review.gold_yaml(reviewed, statement.article_id) or ""
        assert "speaker: A Corrected Speaker" in text
