"""The PETRARCH2 unit-test adapter: real states' actor codes only, scored on the sentence's events."""

from __future__ import annotations

from dateline.evaluate import evaluate
from dateline.evaluate.petrarch import IGO, load_sentences, real_codes
from tests.conftest import EVAL_DATA

PETRARCH = EVAL_DATA / "events" / "petrarch2_unittest"


def test_real_codes_are_the_dictionarys_codes_of_real_country_names() -> None:
    # Our own lines in the dictionary's format: a made-up state sharing an ISO code's letters is no country.
    text = "NORWAY  [NOR]\nKUWAIT  [KUW] # an older coder's code\nMIDDLE_EARTH  [MID]\nERIADOR  [ERI]\n"
    assert real_codes(text) == {"NOR": "NOR", "KUW": "KWT"}


def test_sentences_keep_only_codings_with_a_real_state_or_an_igo() -> None:
    sentences = load_sentences(PETRARCH)
    codes = {c for _, codings in sentences for coding in codings for c in (coding.source, coding.target) if c}
    # The suite's Tolkien states (Arnor ARN, Gondor GON, Eriador ERI) never appear; real ones and IGO do.
    assert {"USA", "PHL", "FRA", "KWT", IGO} <= codes
    assert not codes & {"ARN", "GON", "ERI", "MOR"}
    assert all(len(code) == 3 for code in codes)


def test_adapter_scores_actor_countries_per_fold() -> None:
    report = evaluate(PETRARCH, fmt="petrarch", folds=2)
    whole = report["events"]
    assert whole["gold"] == report["events_fold1"]["gold"] + report["events_fold2"]["gold"]
    assert whole["sources"] >= whole["targets"] > 0
    # Most of the suite's real-state sentences are light-verb phrasings the lexicon leaves out ("is about to
    # restore full diplomatic ties with"): low, but above zero ("Russian police arrested students": RUS).
    assert 0.0 < whole["source_country_accuracy"] < 1.0
