"""Helpers for ingest tests: input files built in tmp from the real articles in ../shared (no article text lives in the repository)."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from tests.conftest import CORPUS, EVAL_DATA

AEB_HTML = EVAL_DATA / "article-extraction" / "scrapinghub_aeb" / "html"
ALLSIDES = CORPUS / "allsides-article-bias" / "jsons"
BBC = CORPUS / "bbc-news-greene2006" / "bbc"


def aeb_pages(n: int) -> list[bytes]:
    """The first ``n`` raw HTML pages of the article-extraction benchmark."""
    return [gzip.decompress(p.read_bytes()) for p in sorted(AEB_HTML.glob("*.html.gz"))[:n]]


def write_warc(path: Path, pages: list[bytes], *, compress: bool = True) -> list[int]:
    """A WARC of one HTML response per page; returns the byte offset after each record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    ends = []
    for i, page in enumerate(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://example.org/{i}", "response", payload=io.BytesIO(page), http_headers=headers
        )
        writer.write_record(record)
        ends.append(buffer.tell())
    path.write_bytes(buffer.getvalue())
    return ends


def allsides_objects(n: int) -> list[dict[str, object]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(ALLSIDES.glob("*.json"))[:n]]
