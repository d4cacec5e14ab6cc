"""The PLOVER gold-standard adapter on a slice of the dev records."""

from __future__ import annotations

import pytest

from dateline.errors import EvalError
from dateline.evaluate import evaluate
from dateline.evaluate.plover import folds_of, gold_type
from tests.conftest import EVAL_DATA, GOLD

PLOVER = EVAL_DATA / "events" / "plover_gsr" / "PLOVER_GSR_CAMEO.dev.json"


def test_old_labels_map_to_plover_2021() -> None:
    assert gold_type({"event": "DEMAND"}) == "REQUEST"
    assert gold_type({"event": "FIGHT"}) == "ASSAULT"
    assert gold_type({"event": "AGREE"}) == "AGREE"


def test_adapter_scores_type_and_country_on_a_slice() -> None:
    report = evaluate(PLOVER, fmt="plover", limit=40)["events"]
    assert report["gold"] == 40
    assert 0 <= report["matched"] <= report["predicted"] <= 40
    # The whole dev set scores 0.81 (docs/readme/events-places.md); a slice stays well above chance (1/16).
    assert report["type_accuracy"] >= 0.5
    assert 0.0 <= report["source_country_accuracy"] <= 1.0


def test_folds_interleave_the_records() -> None:
    records = [{"id": str(i)} for i in range(5)]
    assert [[r["id"] for r in fold] for fold in folds_of(records, 2)] == [["0", "2", "4"], ["1", "3"]]


def test_folds_report_each_part_beside_the_whole() -> None:
    report = evaluate(PLOVER, fmt="plover", limit=10, folds=2)
    assert report["events"]["gold"] == 10
    assert [report[f"events_fold{k}"]["gold"] for k in (1, 2)] == [5, 5]
    matched = report["events_fold1"]["matched"] + report["events_fold2"]["matched"]
    assert matched == report["events"]["matched"]


def test_folds_are_refused_by_adapters_without_them() -> None:
    with pytest.raises(EvalError):
        evaluate(GOLD, fmt="gold", folds=2)
