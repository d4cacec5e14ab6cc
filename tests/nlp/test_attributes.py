"""dateline_attributes: the model's attribute rules applied by look-up, token for token what spaCy's ruler
assigns, on real reports."""

from __future__ import annotations

import numpy as np
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler

from dateline.nlp import load_nlp
from dateline.nlp.attributes import COMPONENT, SHIPPED, FastAttributes
from dateline.nlp.lemmas import INDEX_TABLE, LEMMATIZER
from tests.conftest import CORPUS, SAMPLES, require_shared

ASSIGNED = [POS, TAG, MORPH, LEMMA, DEP]


def _reports() -> list[str]:
    samples = sorted(require_shared(SAMPLES, at_least=1, pattern="*.txt").glob("*.txt"))
    bbc = sorted(require_shared(CORPUS / "bbc-news-greene2006" / "bbc" / "politics", at_least=20).glob("*.txt"))
    return [p.read_text(encoding="utf-8", errors="replace") for p in [*samples, *bbc[:20]]]


def test_the_shipped_ruler_is_replaced_in_place() -> None:
    fast, shipped = load_nlp().pipe_names, load_nlp(as_shipped=True).pipe_names
    assert SHIPPED not in fast and COMPONENT not in shipped
    assert fast.index(COMPONENT) == shipped.index(SHIPPED)


def test_every_token_gets_what_the_shipped_ruler_gives() -> None:
    texts = _reports()
    fast = list(load_nlp().pipe(texts))
    shipped = list(load_nlp(as_shipped=True).pipe(texts))
    for mine, theirs in zip(fast, shipped, strict=True):
        assert np.array_equal(mine.to_array(ASSIGNED), theirs.to_array(ASSIGNED))
        assert [str(t.morph) for t in mine] == [str(t.morph) for t in theirs]


def test_later_patterns_override_and_two_token_patterns_match() -> None:
    nlp = load_nlp(as_shipped=True)
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "go"})
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, index=1)
    ruler.add([[{"LOWER": {"IN": ["gon", "fine"]}}]], {"LEMMA": "first"})
    ruler.add([[{"LOWER": "fine"}]], {"LEMMA": "second"})
    fast = FastAttributes.from_ruler(ruler)
    assert fast is not None
    doc = fast(nlp.make_doc("We are gon na be fine"))
    assert [t.lemma_ for t in doc][2:] == ["first", "to", "", "second"]
    assert [t.lemma_ for t in doc] == [t.lemma_ for t in ruler(nlp.make_doc("We are gon na be fine"))]


def test_a_pattern_it_cannot_replicate_keeps_spacys_ruler() -> None:
    ruler = AttributeRuler(load_nlp().vocab)
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"LEMMA": "very"})
    assert FastAttributes.from_ruler(ruler) is None


def test_the_lemmatizer_index_is_held_as_sets_only_where_asked() -> None:
    def index(nlp: Language) -> list[object]:
        return list(nlp.get_pipe(LEMMATIZER).lookups.get_table(INDEX_TABLE).values())

    assert all(isinstance(words, frozenset) for words in index(load_nlp()))
    assert all(isinstance(words, list) for words in index(load_nlp(as_shipped=True)))
