"""Plain-text reports: cleaning scraped-page debris, then metadata from the text itself."""

from __future__ import annotations

import hashlib

from dateline.model import Article


def article_from_text(
    raw: str,
    *,
    source_path: str,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
) -> Article:
    """A cleaned Article from the raw text of one report."""
    text = raw.strip()
    return Article(
        id=Article.make_id(text, url),
        text=text,
        source_path=source_path,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        url=url,
        outlet=outlet,
        title=title,
        published=published,
    )
