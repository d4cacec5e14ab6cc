"""A third-party extractor, as a plug-in package would ship it (found through the entry-point group)."""

from __future__ import annotations

from collections.abc import Iterable

from dateline.model import Analysis, Article, Entity, Record, Span
from dateline.registry import extractor


@extractor("example.capitals", version=1, assigns=("entity",), default=False)
def capitals(article: Article, doc: object, *, prior: Analysis) -> Iterable[Record]:
    """Every all-capitals word of three or more letters, as an ORG mention (a toy rule)."""
    offset = 0
    for word in article.text.split():
        start = article.text.index(word, offset)
        offset = start + len(word)
        if len(word) >= 3 and word.isalpha() and word.isupper():
            span = Span.of(article.text, start, offset)
            yield Entity(article_id=article.id, spans=(span,), extractor="example.capitals.v1", name=word, type="ORG")
