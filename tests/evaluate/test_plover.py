"""The PLOVER gold-standard adapter on a slice of the dev records."""

from __future__ import annotations

from dateline.evaluate import evaluate
from dateline.evaluate.plover import gold_type
from tests.conftest import EVAL_DATA

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
