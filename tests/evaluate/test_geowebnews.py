"""The GeoWebNews adapter on a few articles."""

from __future__ import annotations

import pytest

from dateline.evaluate import evaluate
from dateline.evaluate.geowebnews import haversine_km
from tests.conftest import EVAL_DATA

GWN = EVAL_DATA / "geocoding" / "GWN.xml"


def test_haversine_matches_a_known_distance() -> None:
    # London to Paris is about 344 km.
    assert haversine_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(344, abs=5)


def test_adapter_reports_recall_and_accuracy_on_a_slice() -> None:
    report = evaluate(GWN, fmt="geowebnews", limit=8)["places"]
    assert report["articles"] == 8 and report["gold"] > 0
    assert 0 < report["matched"] <= report["gold"]
    assert report["recall"] >= 0.3  # this slice is street-level New Orleans news: harder than the whole set
    assert report["accuracy_161km"] >= 0.4
