"""Corpus-level linking: canonical entities, near-duplicates, stories, series, claim ledger, repeated statements.

``link_articles(store, ids)`` links new articles incrementally: each article is compared only with the stored
items that share a blocking key (name keys, LSH bands, keywords, figure keys), so the cost of adding one
article does not grow with the corpus. ``link_corpus(store)`` forgets every link and re-links all articles.
One article's links are written in one transaction; an article already linked is skipped (idempotent).
"""

from __future__ import annotations

import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from dateline.link import claims, duplicates, entities, series, statements, stories
from dateline.model import Analysis, Claim, Entity, Record, Statement, TimeExpr
from dateline.store import Store, corpus

LINKED = "linked"
# Articles linked per read of the store: bounds memory when a run hands over many new ids at once.
CHUNK = 500


@dataclass
class LinkSummary:
    """What a linking pass did."""

    articles: int = 0
    skipped: int = 0
    groups: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, n: int = 1) -> None:
        self.groups[kind] = self.groups.get(kind, 0) + n

    def to_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "skipped": self.skipped, "links": dict(sorted(self.groups.items()))}


def _of(records: Iterable[Record], cls: type[Record]) -> list[Any]:
    return [r for r in records if isinstance(r, cls)]


def link_analysis(store: Store, analysis: Analysis, summary: LinkSummary) -> None:
    """Link one stored article (all its corpus-level records in one transaction)."""
    article = analysis.article
    with store.engine.begin() as conn:
        if corpus.has_features(conn, LINKED, article.id):
            summary.skipped += 1
            return
        linked = entities.link(conn, article, typing.cast(list[Entity], _of(analysis.records, Entity)))
        times = typing.cast(list[TimeExpr], _of(analysis.records, TimeExpr))
        copy_of = duplicates.link(conn, article)
        feats = stories.features(article, linked, times)
        story = stories.link(conn, article, feats, copy_of=copy_of)
        entity_ids = sorted({e.entity_id for e in linked if e.entity_id})
        series_ids = series.link(conn, article, times, entity_ids, feats.date)
        ledger = claims.link(conn, article, typing.cast(list[Claim], _of(analysis.records, Claim)),
                             [story, *series_ids], feats.date)
        repeated = statements.link(conn, typing.cast(list[Statement], _of(analysis.records, Statement)), linked)
        corpus.put_features(conn, LINKED, article.id, article.id, {})
    if linked:
        store.update_records(linked)
    summary.articles += 1
    summary.add("entity", len(linked))
    summary.add("duplicate", int(copy_of is not None))
    summary.add("series", len(series_ids))
    summary.add("claim_group", len(ledger))
    summary.add("repeated", len(repeated))


def _chunks(ids: Iterable[str]) -> Iterator[list[str]]:
    chunk: list[str] = []
    for ident in ids:
        chunk.append(ident)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def link_articles(store: Store, article_ids: Iterable[str]) -> LinkSummary:
    """Link the given stored articles (oldest first within each chunk, so "first seen" follows the dates)."""
    summary = LinkSummary()
    for chunk in _chunks(article_ids):
        found = [a for a in (store.analysis(i) for i in sorted(set(chunk))) if a is not None]
        for analysis in sorted(found, key=lambda a: (a.article.published or "", a.article.id)):
            link_analysis(store, analysis, summary)
    return summary


def link_corpus(store: Store) -> LinkSummary:
    """Forget every link and link every stored article again."""
    corpus.clear(store)
    return link_articles(store, (a.id for a in store.iter_articles()))


GROUP_KINDS = {"canonical": entities.KIND, "duplicates": duplicates.KIND, "stories": stories.KIND,
               "series": series.KIND, "ledger": claims.KIND, "repeated": statements.KIND}


def groups(store: Store, what: str, *, label_contains: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Corpus-level records: ``what`` is canonical, duplicates, stories, series, ledger or repeated."""
    return list(corpus.iter_groups(store, GROUP_KINDS[what], label_contains=label_contains, limit=limit))


__all__ = ["GROUP_KINDS", "LinkSummary", "groups", "link_analysis", "link_articles", "link_corpus"]
