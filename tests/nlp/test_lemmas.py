"""The model loaded once per process however it is asked for, and ``dateline_lemmas``: the rule lemmatizer's
own lemmas, looked up once per distinct word form, token for token what spaCy's lemmatizer gives."""

from __future__ import annotations

from spacy.attrs import LEMMA

from dateline.ingest import iter_documents
from dateline.model import Article
from dateline.nlp import MODEL_PACKAGE, load_nlp
from dateline.nlp.lemmas import COMPONENT, LEMMATIZER, FastLemmas
from tests.conftest import CORPUS, require_shared


def _allsides(n: int) -> list[str]:
    folder = require_shared(CORPUS / "allsides-article-bias" / "jsons", at_least=n, pattern="*.json")
    files = [str(p) for p in sorted(folder.glob("*.json"))[:n]]
    return [d.text for d in iter_documents(files) if isinstance(d, Article)]


def test_the_model_is_loaded_once_however_it_is_named() -> None:
    # The pipeline passes the package; the statements' noun lexicon calls load_nlp() bare: one model for both.
    assert load_nlp() is load_nlp(MODEL_PACKAGE)
    assert load_nlp(as_shipped=True) is load_nlp(MODEL_PACKAGE, as_shipped=True)
    assert load_nlp() is not load_nlp(as_shipped=True)


def test_the_component_runs_just_before_the_lemmatizer_only_where_asked() -> None:
    names = load_nlp().pipe_names
    assert names.index(COMPONENT) == names.index(LEMMATIZER) - 1
    assert COMPONENT not in load_nlp(as_shipped=True).pipe_names


def test_allsides_reports_get_the_shipped_lemmas_and_leave_the_lemmatizer_nothing() -> None:
    texts = _allsides(12)
    nlp = load_nlp()
    fast = list(nlp.pipe(texts))
    shipped = list(load_nlp(as_shipped=True).pipe(texts))
    for mine, theirs in zip(fast, shipped, strict=True):
        assert [t.lemma_ for t in mine] == [t.lemma_ for t in theirs]
    # Run up to the component: every token with a part of speech has its lemma before spaCy's lemmatizer runs.
    with nlp.select_pipes(disable=[LEMMATIZER, "ner", "dateline_entity_fixer"]):
        docs = list(nlp.pipe(texts[:3]))
    assert all(t.lemma != 0 for doc in docs for t in doc if t.pos != 0)


def test_a_word_seen_again_is_looked_up_not_lemmatized_again() -> None:
    nlp = load_nlp()
    calls: list[str] = []

    class Counting:
        def lemmatize(self, token: object) -> list[str]:
            calls.append(str(token))
            return list(nlp.get_pipe(LEMMATIZER).lemmatize(token))

    fast = FastLemmas(Counting())
    with nlp.select_pipes(disable=[COMPONENT, LEMMATIZER, "ner", "dateline_entity_fixer"]):
        doc = nlp("Officials said the officials said so, and officials said it again.")
    keys = {(t.orth, t.pos, t.morph.key) for t in doc if t.pos and not t.lemma}
    fast(doc)
    # One question per distinct form, part of speech and morphology, not one per token.
    assert len(calls) == len(keys) < len(doc) - 3
    assert [t.lemma_ for t in doc][:3] == ["official", "say", "the"]
    assert doc.to_array([LEMMA]).all()
