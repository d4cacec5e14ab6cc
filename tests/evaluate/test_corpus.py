"""Clustering metrics and the document-clustering adapters."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.errors import EvalError
from dateline.evaluate import evaluate
from dateline.evaluate.corpus import adjusted_rand, b_cubed


def test_b_cubed_and_ari_on_a_worked_example() -> None:
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    assert b_cubed(gold, gold)["f1"] == 1.0
    assert adjusted_rand(gold, gold) == 1.0
    merged = {k: 0 for k in gold}
    # B³: precision 2/4 per item, recall 1 -> F1 2/3; ARI of one cluster against two is 0.
    assert b_cubed(gold, merged)["precision"] == pytest.approx(0.5)
    assert b_cubed(gold, merged)["f1"] == pytest.approx(2 / 3)
    assert adjusted_rand(gold, merged) == pytest.approx(0.0)
    # Hubert-Arabie on {a,b}{c,d} vs {a}{b,c}{d}: index 0, expected 2*1/6, max 1.5 -> -0.2857...
    assert adjusted_rand(gold, {"a": 1, "b": 2, "c": 2, "d": 3}) == pytest.approx(-2 / 7)


def test_ecbplus_dev_subtopics_reach_the_target(shared: Path) -> None:
    report = evaluate(shared / "eval-data" / "coref" / "ecbplus", fmt="ecbplus", split="dev")
    assert report["subtopics"]["f1"] >= 0.8
    assert report["subtopics"]["matched"] > 150


def test_newsclusters_adapter_scores_every_article(shared: Path) -> None:
    report = evaluate(shared / "eval-data" / "coref" / "giveme5w1h_news_cluster", fmt="newsclusters", limit=60)
    assert report["events"]["matched"] == 60
    assert 0.0 < report["events"]["f1"] <= 1.0


def test_newsclusters_halves_split_the_events_and_reach_the_target(shared: Path) -> None:
    path = shared / "eval-data" / "coref" / "giveme5w1h_news_cluster"
    whole, first, second = (evaluate(path, fmt="newsclusters", split=s)["events"] for s in ("all", "half1", "half2"))
    # Alternate events: every article in exactly one half, no event split between them.
    assert first["matched"] + second["matched"] == whole["matched"] == 383
    assert first["gold"] + second["gold"] == whole["gold"]
    # Tuned on half 1; half 2 is the check, and the whole set holds the target.
    assert second["b3_f1"] >= 0.8 and whole["b3_f1"] >= 0.8


def test_ecbplus_mixed_clusters_the_topics_together(shared: Path) -> None:
    report = evaluate(shared / "eval-data" / "coref" / "ecbplus", fmt="ecbplus", split="dev", mixed=True)
    # Every dev document in one clustering: the same documents as the per-topic figure, harder to get right.
    assert report["mixed"]["matched"] == report["subtopics"]["matched"]
    assert report["mixed"]["b3_f1"] >= 0.85
    assert "mixed" not in evaluate(shared / "eval-data" / "coref" / "ecbplus", fmt="ecbplus", limit=2)


def test_mixed_is_refused_by_adapters_without_it(shared: Path) -> None:
    with pytest.raises(EvalError, match="--mixed"):
        evaluate(shared / "eval-data" / "coref" / "giveme5w1h_news_cluster", fmt="newsclusters", mixed=True)
