"""Ingest: files, folders, globs and stdin in plain text, HTML, JSONL or WARC -> cleaned Articles.

Every document becomes an Article or a Failure (with a stable code and a readable reason); nothing is
dropped silently.
"""

from dateline.ingest.readers import iter_documents
from dateline.ingest.text import article_from_text

__all__ = ["article_from_text", "iter_documents"]
