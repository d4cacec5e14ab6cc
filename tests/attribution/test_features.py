"""The tagger's entity feature reads the model's own entities (coarsened), not dateline's corrected ``doc.ents``."""

from __future__ import annotations

import warnings

from spacy.tokens import Doc

from dateline.attribution.features import COARSE_TYPES, doc_sequences, model_entity_types
from dateline.nlp import load_nlp
from dateline.nlp.components import MODEL_ENTS_ATTR, join_extensions

# The fixer retypes the holder of an office written before a name, and the name's lone surname after it.
TEXT = (
    "Moldova's Ambassador to Chile Radu Vornicescu met the press on Monday. "
    "Vornicescu said the embassy would open a consulate in Valparaiso next year."
)


def _entity_features(sequences: list[list[tuple[bytes, ...]]]) -> list[list[bytes]]:
    return [[name for name in item if name.startswith(b"e:")] for sequence in sequences for item in sequence]


def test_the_entity_feature_is_the_models_own_type() -> None:
    doc = load_nlp()(TEXT)
    model = doc._.get(MODEL_ENTS_ATTR)
    assert model is not None
    assert {(doc[s:e].text, label) for s, e, label in model} != {(e.text, e.label_) for e in doc.ents}
    types = model_entity_types(doc)
    labels = [next((label for s, e, label in model if s <= i < e), "") for i in range(len(doc))]
    assert types == [COARSE_TYPES.get(label, label) for label in labels]
    assert "PLACE" in types and "PERSON" in types
    _, sequences = doc_sequences(doc, ())
    features = _entity_features(sequences)
    assert features == [[f"e:{t}".encode()] if t else [] for t in types]


def test_rewriting_doc_ents_changes_no_feature() -> None:
    doc = load_nlp()(TEXT)
    _, before = doc_sequences(doc, ())
    doc.ents = []
    _, after = doc_sequences(doc, ())
    assert after == before


def test_a_doc_the_fixer_did_not_run_over_reads_its_own_entities() -> None:
    nlp = load_nlp()
    doc = nlp.make_doc("Radu Vornicescu spoke in Valparaiso.")
    for name, proc in nlp.pipeline:
        if name != "dateline_entity_fixer":
            doc = proc(doc)
    assert doc._.get(MODEL_ENTS_ATTR) is None
    assert model_entity_types(doc) == [COARSE_TYPES.get(t.ent_type_, t.ent_type_) for t in doc]
    assert any(model_entity_types(doc))


def test_joined_windows_keep_the_model_entities_at_their_tokens() -> None:
    nlp = load_nlp()
    parts = [nlp(TEXT), nlp("Chile's foreign ministry in Santiago did not reply.")]
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"\[W101\]")
        joined = Doc.from_docs(parts, ensure_whitespace=False)
    join_extensions(joined, parts)
    texts = [(joined[s:e].text, label) for s, e, label in joined._.get(MODEL_ENTS_ATTR)]
    expected = [(part[s:e].text, label) for part in parts for s, e, label in part._.get(MODEL_ENTS_ATTR)]
    assert texts == expected and len(expected) > len(parts[0]._.get(MODEL_ENTS_ATTR))
