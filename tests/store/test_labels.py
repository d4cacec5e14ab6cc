"""Text filters on record labels go through the distinct labels of ``record_labels`` (``labels_containing``),
and the whole-kind total is the store's count of the kind: the same pages and totals as testing every record's
label and counting the query, on both backends."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from dateline.ingest import article_from_text
from dateline.model import Analysis, Entity, Span, Speaker, Statement
from dateline.store import Store, queries, schema
from dateline.store.db import MIGRATIONS, RECORD_ORDER, select_records

# Speakers and names that differ in case, hold LIKE's wildcards and non-ASCII letters, or repeat across articles.
NAMES = (
    "Prime Minister Kallas",
    "the minister",
    "MINISTER Ots",
    "100% Acme",
    "Acme_Ltd",
    "Õnne Tamm",
    "õnne",
    "Kallas",
)


def _analysis(n: int) -> Analysis:
    """An article naming two of ``NAMES`` (an entity each) with a statement by the first."""
    first, second = NAMES[n % len(NAMES)], NAMES[(3 * n + 1) % len(NAMES)]
    text = f"{first} met {second} on day {n}. {first} said talks would go on."
    published = None if n % 5 == 0 else f"2021-0{n % 9 + 1}-1{n % 3}"
    article = article_from_text(text, source_path=f"l{n}.txt", published=published)
    body = article.text

    def span(part: str, after: int = 0) -> Span:
        at = body.index(part, after)
        return Span.of(body, at, at + len(part))

    said = body.index(". ") + 2
    entities = tuple(
        Entity(article_id=article.id, spans=(span(name, at),), extractor="t.v1", name=name, type="PERSON")
        for name, at in ((first, 0), (second, len(first)))
    )
    statement = Statement(
        article_id=article.id,
        spans=(span(body[said:]),),
        extractor="t.v1",
        speaker=Speaker(text=first),
        cue="said",
        content="talks would go on",
    )
    return Analysis(article, (*entities, statement))


def _scanned(store: Store, kind: str | None, text: str, **dates: Any) -> tuple[int, list[dict[str, Any]]]:
    """The total and every record of the filter as it read before: each record's own label tested."""
    r = schema.records
    query = select_records(kind=kind, **dates).where(r.c.label.icontains(text, autoescape=True))
    with store.engine.connect() as conn:
        rows = [json.loads(row[0]) for row in conn.execute(query.order_by(*RECORD_ORDER))]
    return len(rows), rows


@pytest.fixture
def labelled(store_url: str) -> Store:
    store = Store(store_url)
    for n in reversed(range(24)):
        assert store.write(_analysis(n))
    return store


@pytest.mark.parametrize("text", ["minister", "MINISTER", "kallas", "%", "_", "0% a", "õnne", "Õ", "e", "nobody"])
@pytest.mark.parametrize("step", [queries.WALK_ARTICLES, 2])
def test_a_label_filter_finds_the_records_whose_label_contains_the_text(
    labelled: Store, text: str, step: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sorted, or walked by article when most records match ("e"), in steps of two articles too (the walk
    then gives up for the sort at deeper offsets): the same page."""
    monkeypatch.setattr(queries, "WALK_ARTICLES", step)
    for kind in ("entity", "statement", None):
        for dates in ({}, {"since": "2021-03-01", "until": "2021-07-10"}):
            total, every = _scanned(labelled, kind, text, **dates)
            for limit, offset in ((5, 0), (5, 3), (3, 11), (50, 0), (4, total - 2 if total > 2 else 0)):
                page = queries.records(labelled, kind=kind, label_contains=text, limit=limit, offset=offset, **dates)
                assert (page.total, page.items) == (total, every[offset : offset + limit]), (kind, dates, offset)


def test_the_distinct_labels_follow_writes_and_rewrites(labelled: Store) -> None:
    """Every record's (kind, label) is in ``record_labels`` after writing, after a second write of the same
    article (which adds nothing), and after linking gives a statement's speaker a new name."""

    def pairs(table: sa.Table) -> set[tuple[str, str]]:
        with labelled.engine.connect() as conn:
            return {(str(k), str(v)) for k, v in conn.execute(sa.select(table.c.kind, table.c.label))}

    assert pairs(schema.record_labels) == pairs(schema.records) != set()
    assert not labelled.write(_analysis(3))
    assert pairs(schema.record_labels) == pairs(schema.records)
    said = next(r for r in _analysis(3).records if isinstance(r, Statement))
    renamed = dataclasses.replace(said, speaker=Speaker(text=said.speaker.text, entity="Kaja Kallas", entity_id="e1"))
    assert renamed.id == said.id
    labelled.update_records([renamed])
    # The old name stays (a label no record may have any more matches no record).
    assert pairs(schema.record_labels) == pairs(schema.records) | {("statement", said.label())}
    assert ("statement", "Kaja Kallas") in pairs(schema.records)
    found = queries.records(labelled, kind="statement", label_contains="kaja", limit=10, offset=0)
    assert [item["id"] for item in found.items] == [said.id] and found.total == 1


def test_a_whole_kind_total_is_the_count_of_the_query(labelled: Store) -> None:
    for kind in ("entity", "statement", "claim"):
        total, _ = _scanned(labelled, kind, "")
        assert queries.records(labelled, kind=kind, limit=3, offset=0).total == total == labelled.counts().get(kind, 0)


def test_the_distinct_labels_of_a_database_made_before_them_are_filled_on_open(labelled: Store) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with labelled.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0007")
    with Store(labelled.url) as store, store.engine.connect() as conn:
        labels = set(conn.execute(sa.select(schema.record_labels.c.kind, schema.record_labels.c.label)).all())
        expected = set(conn.execute(sa.select(schema.records.c.kind, schema.records.c.label).distinct()).all())
    assert labels == expected and len(labels) > len(NAMES)


def test_a_walk_past_its_bound_is_given_up(labelled: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A dense filter's walk stops once it has read ``most_articles`` (the sort then answers): a page that
    needs more articles than that is None, one within them the sorted page."""
    from dateline.store.db import labels_containing

    monkeypatch.setattr(queries, "WALK_ARTICLES", 2)
    walk = {"kind": "entity", "since": None, "until": None, "where": labels_containing("e", "entity")}
    _, every = _scanned(labelled, "entity", "e")
    assert queries._records_in_article_order(labelled, limit=5, offset=20, most_articles=4, **walk) is None
    assert queries._records_in_article_order(labelled, limit=5, offset=0, most_articles=24, **walk) == every[:5]
