"""The shipped attribution tagger is what ``make train`` builds from the current tree.

The manifest records what the model's features were made from (``train.attribution.feature_inputs``); a
model trained on other features than the tree now gives it tags quietly worse, so a fast test compares the
record with today's values. The full rebuild's bytes are checked by a slow test (a few minutes).
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dateline.attribution.model import MANIFEST_NAME, MODEL_NAME, load_tagger, models_dir
from dateline.evaluate import polnear
from dateline.train import attribution
from tests.conftest import POLNEAR

RETRAIN = "retrain it with `make train` (python -m dateline.train.attribution) and commit both files"


def _changed(recorded: dict[str, Any], current: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    return {key: (recorded.get(key), value) for key, value in current.items() if recorded.get(key) != value}


def test_the_shipped_model_was_trained_on_the_features_the_tree_gives_it() -> None:
    manifest = load_tagger().manifest
    changed = _changed(manifest.get("inputs", {}), attribution.feature_inputs(POLNEAR))
    assert not changed, f"the attribution model's inputs changed since it was trained (was, now): {changed}; {RETRAIN}"


def test_the_shipped_model_was_trained_with_the_trainers_settings_and_articles() -> None:
    manifest = load_tagger().manifest
    names = [d.name for d in polnear.load_split(POLNEAR, "train")]
    current = {
        "params": attribution.PARAMS,
        "min_word_count": attribution.MIN_WORD_COUNT,
        "articles": len(names),
        "articles_sha256": hashlib.sha256("\n".join(names).encode()).hexdigest(),
    }
    changed = _changed(manifest, current)
    assert not changed, f"the trainer's settings or articles changed (was, now): {changed}; {RETRAIN}"


@pytest.mark.slow
@pytest.mark.timeout(3600)
def test_make_train_rebuilds_the_shipped_model_byte_for_byte(tmp_path: Path) -> None:
    # A process of its own, as `make train` runs it: inside a pytest process that has already run the whole
    # suite, the collector's passes over its large heap made the same rebuild take over half an hour.
    command = [sys.executable, "-m", "dateline.train.attribution", "--polnear", str(POLNEAR), "--out", str(tmp_path)]
    subprocess.run(command, check=True, capture_output=True)
    shipped = models_dir()
    assert (tmp_path / MODEL_NAME).read_bytes() == (shipped / MODEL_NAME).read_bytes(), RETRAIN
    assert (tmp_path / MANIFEST_NAME).read_text() == (shipped / MANIFEST_NAME).read_text(), RETRAIN


def test_the_vocabulary_keeps_the_words_seen_at_least_the_cutoff_times() -> None:
    import spacy

    nlp = spacy.blank("en")
    text = "She said no. She said yes. He said so."
    doc = nlp(text)
    for token in doc:
        token.lemma_ = token.lower_  # a blank pipeline has no lemmatiser
    parsed = [attribution.Parsed(polnear.PolnearDoc("made-up", text, ()), doc)]
    assert attribution.vocabulary(parsed, 3) == frozenset({"said", "."})
    assert attribution.vocabulary(parsed, 2) == frozenset({"said", ".", "she"})
    # The trainer's own cutoff (20) keeps none of these words: rare words never become features.
    assert attribution.vocabulary(parsed) == frozenset()


def test_the_tuning_slice_is_drawn_with_the_seed_given() -> None:
    docs = [polnear.PolnearDoc(f"article-{i:03d}", "", ()) for i in range(200)]
    fit, tune = attribution.tuning_split(docs)
    assert len(tune) == round(200 * attribution.TUNE_SHARE) and len(fit) + len(tune) == 200
    assert {d.name for d in fit}.isdisjoint(d.name for d in tune)
    # The default is SEED's slice (the shipped settings' own); another seed holds out other articles, as many.
    assert attribution.tuning_split(docs, attribution.SEED) == (fit, tune)
    other_tune = attribution.tuning_split(docs, 10_700)[1]
    assert len(other_tune) == len(tune) and {d.name for d in other_tune} != {d.name for d in tune}
    # The slice does not depend on the articles' order (each part keeps the order it was given).
    assert attribution.tuning_split(docs[::-1], 10_700)[1] == other_tune[::-1]
