"""The PLOVER gold-standard adapter on a slice of the dev records."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dateline.errors import EvalError
from dateline.evaluate import evaluate
from dateline.evaluate.plover import _codes, folds_of, gold_type
from dateline.nlp import load_nlp
from dateline.train.event_model import TypeModel, features
from dateline.train.events import (
    CHOSEN,
    STRATEGIES,
    cameo_to_plover,
    cross_validate,
    load_samples,
    petrarch_sentences,
    plover_of,
)
from tests.conftest import EVAL_DATA, GOLD, SHARED

PLOVER = EVAL_DATA / "events" / "plover_gsr" / "PLOVER_GSR_CAMEO.dev.json"


def test_legacy_gold_country_codes_read_as_iso_and_non_state_codes_kept() -> None:
    # The gold's own actors: "Italy" coded ITL, an IGO, and an armed group coded IMG.
    assert _codes([{"actorText": "Italy", "code": "ITL"}, {"code": "IGO"}]) == {"ITA", "IGO"}
    assert _codes([{"code": "IMG"}, {"code": ""}, "x"]) == {"IMG"}
    assert _codes(None) == set()


def test_old_labels_map_to_plover_2021() -> None:
    assert gold_type({"event": "DEMAND"}) == "REQUEST"
    assert gold_type({"event": "FIGHT"}) == "ASSAULT"
    assert gold_type({"event": "AGREE"}) == "AGREE"


def test_adapter_scores_type_and_country_on_a_slice() -> None:
    report = evaluate(PLOVER, fmt="plover", limit=40)["events"]
    assert report["gold"] == 40
    assert 0 <= report["matched"] <= report["predicted"] <= 40
    # The whole dev set scores 0.82 (docs/evaluation.md, the PLOVER row); a slice stays well above chance (1/16).
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


def test_cameo_codes_map_to_plover_through_their_longest_listed_prefix() -> None:
    table = cameo_to_plover("03: AGREE\n0311: AGREE,  ,   economic # Express intent\n17: COERCE\n173: COERCE, arrest\n")
    assert plover_of("0311", table) == "AGREE"
    assert plover_of("1731", table) == "COERCE"  # unlisted: its parent 173
    assert plover_of("99", table) is None


def test_petrarch_sentences_keep_text_and_first_mapped_code() -> None:
    xml = (
        '<Validation><Sentences><Sentence id="A"><EventCoding sourcecode="X" targetcode="Y" eventcode="173"/>'
        "<Text>\nArnor arrested\n  two Gondorians.\n</Text></Sentence>"
        '<Sentence id="B"><EventCoding eventcode="999"/><Text>Unmapped.</Text></Sentence>'
        "<!-- <Sentence id='C'><EventCoding eventcode='173'/><Text>Commented out.</Text></Sentence> -->"
        "</Sentences></Validation>"
    )
    assert petrarch_sentences(xml, {"17": "COERCE"}) == [("Arnor arrested two Gondorians.", "COERCE")]


def test_the_type_model_defers_to_the_lexicon_and_gives_no_default_type() -> None:
    weights = {"lemma=arrest": (2.0, -2.0), "lemma=meet": (-2.0, 2.0)}
    model = TypeModel(("COERCE", "CONSULT"), weights, (0.0, 0.0), threshold=0.9, defer_to_lexicon=False)
    assert model.type_of(["lemma=arrest"], None) == "COERCE"
    assert model.type_of(["lemma=unknown"], None) is None  # unsure (p = 0.5): no type
    assert model.type_of(["lemma=unknown"], "AID") == "AID"
    deferring = replace(model, defer_to_lexicon=True)
    assert deferring.type_of(["lemma=arrest"], "AID") == "AID"


def test_cross_validation_scores_every_strategy_on_both_folds() -> None:
    petrarch, plover = load_samples(SHARED, load_nlp())
    scores = cross_validate(petrarch, plover)
    assert set(scores) == set(STRATEGIES)
    assert CHOSEN in scores
    assert all(len(folds) == 2 and all(0.0 <= s <= 1.0 for s in folds) for folds in scores.values())
    # The lexicon's folds are the same figures the adapter reports per fold (same main-event rule).
    assert scores["lexicon"][0] >= 0.75


def test_actor_countries_hold_on_the_fold_their_mechanisms_were_not_chosen_on() -> None:
    # Fold 2 is held out for the actor-country mechanisms (sentence demonyms, organisations named inside a
    # phrase, purpose-clause targets): they were chosen on fold 1.
    fold = evaluate(PLOVER, fmt="plover", folds=2)["events_fold2"]
    assert fold["source_country_accuracy"] >= 0.70
    assert fold["target_country_accuracy"] >= 0.62


def test_trigger_features_read_the_parse_by_position() -> None:
    # spaCy makes a new Token object on each access: identity tests never hold, positions do.
    doc = load_nlp()("The army attacked the town.")
    verb = doc[2]
    names = features(verb, verb, "ASSAULT")
    assert "path=ROOT" in names
    assert not any(n.startswith("last=") for n in names)
    assert not any(n.startswith("gov=") for n in names)
