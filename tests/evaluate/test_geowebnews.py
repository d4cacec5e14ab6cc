"""The GeoWebNews adapter on a few articles."""

from __future__ import annotations

import pytest

from dateline.evaluate import evaluate
from dateline.evaluate.geowebnews import (
    ERROR_CLASSES,
    ERROR_EXAMPLES,
    ablation,
    haversine_km,
    load_articles,
    parse,
)
from dateline.extract.places import SIGNALS
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


def test_halves_split_the_articles_alternately() -> None:
    every = load_articles(GWN)
    first, second = load_articles(GWN, "half1"), load_articles(GWN, "half2")
    assert len(first) + len(second) == len(every)
    assert first[1] == every[2] and second[1] == every[3]


def test_errors_are_counted_by_class() -> None:
    report = evaluate(GWN, fmt="geowebnews", split="half2", limit=6)
    places, errors = report["places"], report["places:errors"]
    assert places["articles"] == 6
    assert set(errors) == set(ERROR_CLASSES)
    # Every gold toponym is found or missed; every found one is right or in one of the wrong classes.
    assert places["gold"] - places["matched"] == errors["missed"]
    wrong = errors["wrong_country"] + errors["wrong_same_name"] + errors["unknown_sense"]
    assert round(places["accuracy_161km"] * places["matched"]) == places["matched"] - wrong
    assert all(len(v) <= ERROR_EXAMPLES for v in places["error_examples"].values())


def test_ablation_reports_each_signal_switched_off() -> None:
    table = ablation(parse(GWN, "half1", limit=4))
    assert {"all", "none"} | {f"-{s}" for s in SIGNALS} == set(table)
    assert table["none"]["accuracy_161km"] <= table["all"]["accuracy_161km"]
