"""Link features worked out with the analysis (``link.prepare``) are what linking works out itself, on real
reports: the same MinHash signature, story features and statements' content words, so the same links whether
they come from a worker or are worked out by linking."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

from dateline.ingest import iter_documents
from dateline.link import duplicates, stories
from dateline.link.prepare import Prepared, prepare, prepared, unwrapped
from dateline.link.text import content_words, words
from dateline.model import Analysis, Article, Entity, Failure, Span, Speaker, Statement
from tests.conftest import CORPUS, require_shared


def _articles(n: int) -> list[Article]:
    folder = require_shared(CORPUS / "allsides-article-bias" / "jsons", at_least=n)
    files = sorted(str(p) for p in Path(folder).iterdir())[:n]
    return [d for d in iter_documents(files) if isinstance(d, Article)]


def test_features_are_what_linking_works_out() -> None:
    articles = _articles(30)
    assert len(articles) == 30
    for article in articles:
        analysis = Analysis(article)
        own = prepare(analysis)
        tokens = words(article.text)
        assert own.minhash() == duplicates.signature(tokens), article.id
        # No entity records: the capitalised names stand in, as ``stories.features`` has them.
        made = stories.assembled(article, [], [], own.keywords, own.figures, own.text_names)
        assert made == stories.features(article, [], [], tokens), article.id
        assert own.text_names


def test_an_article_with_entities_needs_no_stand_in_names() -> None:
    article = _articles(1)[0]
    span = (Span.of(article.text, 0, 5),)
    entity = Entity(article_id=article.id, spans=span, extractor="t.v1", name=article.text[:5], type="ORG")
    said = Statement(
        article_id=article.id,
        spans=span,
        extractor="t.v1",
        cue="said",
        content="the committee will publish its findings on the budget next week",
        speaker=Speaker("Jane Doe"),
    )
    own = prepare(Analysis(article, (entity, said)))
    assert own.text_names == ()
    assert own.statement_words == {said.id: tuple(sorted(set(content_words(said.content))))}


def test_short_text_has_no_signature() -> None:
    article = _articles(1)[0]
    short = dataclasses.replace(article, text="Too short to be called a copy of anything.")
    assert prepare(Analysis(short)).minhash() is None
    assert prepare(Analysis(article)).signature is not None


def test_prepared_pass_failures_and_pickle() -> None:
    article = _articles(1)[0]
    failure = Failure("<t>", "E602", "boom")
    out = list(prepared([Analysis(article), failure]))
    assert out[1] is failure and isinstance(out[0], Prepared)
    assert unwrapped(out[0]) == Analysis(article) and unwrapped(failure) is failure
    # What a worker sends back: a few KB, and it reads back equal.
    sent = pickle.dumps(out[0])
    assert pickle.loads(sent) == out[0]
    assert len(pickle.dumps(out[0].features)) < 8_000
