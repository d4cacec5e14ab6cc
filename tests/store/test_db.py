"""The SQLite store: migrations, one-transaction writes, idempotence, reads."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.ingest import article_from_text
from dateline.model import Analysis, Entity, Failure, Span
from dateline.store import Store


def _analysis(text: str) -> Analysis:
    article = article_from_text(text, source_path="mem.txt")
    word = article.text.split()[0]
    start = article.text.index(word)
    entity = Entity(article_id=article.id, spans=(Span.of(article.text, start, start + len(word)),),
                    extractor="entities.rules.v1", name=word, type="ORG")
    return Analysis(article, (entity,))


def test_write_is_idempotent(db_url: str) -> None:
    store = Store(db_url)
    analysis = _analysis("Acme opened a plant in Baku.")
    assert store.write(analysis) is True
    before = store.fingerprint()
    assert store.write(analysis) is False
    assert store.fingerprint() == before
    assert store.counts() == {"articles": 1, "failures": 0, "entity": 1}


def test_reopen_keeps_schema_and_data(db_url: str) -> None:
    Store(db_url).write(_analysis("Acme opened a plant in Baku."))
    again = Store(db_url)
    assert again.counts()["articles"] == 1


def test_failures_are_recorded_once(db_url: str) -> None:
    store = Store(db_url)
    failure = Failure("bad.html", "E203", "truncated HTML")
    assert store.write_failure(failure)
    assert not store.write_failure(failure)
    assert [f.reason for f in store.failures()] == ["truncated HTML"]


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300).filter(lambda s: s.split()))
def test_analysis_round_trips_through_the_store(db_url: str, text: str) -> None:
    store = Store(db_url)
    analysis = _analysis(text)
    store.write(analysis)
    back = store.analysis(analysis.article.id)
    assert back == analysis
