"""Readers for each input format: text -> Article or Failure.

Each reader is registered with `input_format` (`dateline.ingest.registry`) under the file-name suffixes it
reads. HTML goes through trafilatura (body, title, site name; the date from htmldate inside it). JSONL and JSON
objects map their fields through ``IngestConfig.jsonl``. WARC archives stream through warcio. Reuters-21578
SGML files hold many stories each. Every reader yields Failures for what it cannot read, and goes on.
"""

from __future__ import annotations

import gzip
import html as htmllib
import json
import re
import zlib
from collections.abc import Iterator
from typing import IO, Any

from dateline.config import IngestConfig
from dateline.ingest import failures as F
from dateline.ingest.debris import MONTH_NUMBER, iso_date
from dateline.ingest.decode import HEADER_ALLOWANCE, Bounded, OverLimit, Readable, decode_noted, noted
from dateline.ingest.metadata import people_and_outlet
from dateline.ingest.registry import input_format
from dateline.ingest.text import article_from_text
from dateline.model import Article, Failure

Result = Article | Failure
GZIP_MAGIC = b"\x1f\x8b"

# Keys that hold the body in common news datasets, tried when the configured text field is absent:
# AllSides/newspaper3k (content_original), schema.org and the AEB benchmark (articleBody), news-please
# (maintext), generic crawlers (body, content). "content" comes last: in AllSides it is tokenised.
TEXT_FALLBACKS = ("content_original", "articleBody", "maintext", "body", "content")
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)


def looks_like_html(data: bytes | str) -> bool:
    """True when a document starts like an HTML page."""
    head = data[:2048] if isinstance(data, bytes) else data[:2048].encode("utf-8", "replace")
    return bool(_HTML_START.match(head))


# --------------------------------------------------------------------------------------------- HTML


def article_from_html(html: str, *, source_path: str, config: IngestConfig, url: str | None = None) -> Result:
    """An Article from one HTML page via trafilatura, or E206 when it has no extractable body."""
    from trafilatura import bare_extraction

    try:
        doc = bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    except Exception as exc:  # trafilatura/lxml raise assorted errors on malformed markup
        return F.failure(source_path, F.NO_HTML_BODY, f"HTML could not be parsed: {type(exc).__name__}: {exc}")
    meta: dict[str, Any] = {} if doc is None else doc if isinstance(doc, dict) else doc.as_dict()
    text = str(meta.get("text") or "")
    if len(text.strip()) < config.min_html_chars:
        return F.failure(
            source_path,
            F.NO_HTML_BODY,
            f"no article body in the HTML ({len(text.strip())} characters extracted, at least {config.min_html_chars} needed)",
        )
    # trafilatura puts one block (paragraph, heading, list item) per line; paragraphs are blank-line separated here.
    body = "\n\n".join(line for line in text.split("\n") if line.strip())
    # trafilatura reads the author from the page's meta tags (author, article:author, schema.org) and
    # byline elements (class "byline", rel="author"), the byline's outlet with it ("Jane Doe; Reuters").
    author, byline_outlet = people_and_outlet(meta.get("author"))
    return _article(
        body,
        source_path=source_path,
        url=url or meta.get("url"),
        title=meta.get("title"),
        published=meta.get("date"),
        outlet=meta.get("sitename") or meta.get("hostname"),
        author=author,
        author_outlet=byline_outlet,
        detect_headline=False,
    )


def _article(text: str, *, source_path: str, detect_headline: bool = True, **meta: Any) -> Result:
    article = article_from_text(text, source_path=source_path, detect_headline=detect_headline, **meta)
    if not article.text:
        return F.failure(source_path, F.EMPTY, "no text left after removing page debris")
    return article


def article_from_string(text: str, *, source_path: str, config: IngestConfig) -> Result:
    """A document already decoded: HTML when it looks like a page, else plain text."""
    if looks_like_html(text):
        return article_from_html(text, source_path=source_path, config=config)
    return _article(text, source_path=source_path)


@input_format("text", suffixes=(".txt", ".text"))
def read_text(text: str, *, source_path: str, config: IngestConfig) -> Iterator[Result]:
    """Plain text, and the fallback for names no format claims (an HTML page is still read as HTML)."""
    yield article_from_string(text, source_path=source_path, config=config)


@input_format("html", suffixes=(".html", ".htm", ".xhtml"))
def read_html(text: str, *, source_path: str, config: IngestConfig) -> Iterator[Result]:
    yield article_from_html(text, source_path=source_path, config=config)


# --------------------------------------------------------------------------------------------- JSON


def _field(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    return value.strip() or None if isinstance(value, str) else None


def _iso_or_as_written(value: str | None) -> str | None:
    """A written date in ISO (``iso_date``), else the value as written (a date-time, no date, or None)."""
    return (iso_date(value) or value) if value else value


def article_from_object(obj: Any, *, source_path: str, config: IngestConfig) -> Result:
    """An Article from one JSON object, its fields named by ``config.jsonl``."""
    fields = config.jsonl
    if not isinstance(obj, dict):
        return F.failure(source_path, F.BAD_JSON, f"expected a JSON object, found {type(obj).__name__}")
    key = next((k for k in (fields.text, *TEXT_FALLBACKS) if _field(obj, k)), None)
    if key is None:
        return F.failure(
            source_path, F.BAD_JSON, f"no text in field {fields.text!r} (nor in {', '.join(TEXT_FALLBACKS)})"
        )
    text = str(obj[key])
    meta = {
        "title": _field(obj, fields.title),
        # A date the record writes another way than ISO ("7/23/17") in ISO, as the guide writes `published`
        # and as datelines and times are anchored on it; a date-time or what is no date stays as written.
        "published": _iso_or_as_written(_field(obj, fields.date)),
        "url": _field(obj, fields.url),
        "outlet": _field(obj, fields.outlet),
        # newspaper3k and the AllSides corpus name the field "authors" (a comma-separated string).
        "author": _field(obj, fields.author) or _field(obj, "authors"),
    }
    if looks_like_html(text):
        return article_from_html(text, source_path=source_path, config=config, url=meta["url"])
    return _article(text, source_path=source_path, detect_headline=False, **meta)


def _loads(text: str, source_path: str) -> Any:
    """The parsed JSON value, or an E207 Failure. The parser's nesting limit is the interpreter's recursion
    limit: deeper input (``[[[[...`` 100,000 levels) is refused as invalid, not allowed to end the run."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        return F.failure(source_path, F.BAD_JSON, f"invalid JSON: {exc}")
    except RecursionError:
        return F.failure(source_path, F.BAD_JSON, "invalid JSON: nested too deeply")


@input_format("json", suffixes=(".json",))
def read_json(data: str, *, source_path: str, config: IngestConfig) -> Iterator[Result]:
    """One JSON document: an object, or a list of objects (``file.json#3`` for the third)."""
    obj = _loads(data, source_path)
    if isinstance(obj, Failure):
        yield obj
        return
    if obj == []:
        yield F.failure(source_path, F.EMPTY, "the JSON document is an empty list")
    elif isinstance(obj, list):
        for i, item in enumerate(obj, 1):
            yield article_from_object(item, source_path=f"{source_path}#{i}", config=config)
    else:
        yield article_from_object(obj, source_path=source_path, config=config)


@input_format("jsonl", suffixes=(".jsonl", ".ndjson"), stream=True)
def read_jsonl(
    stream: IO[bytes], *, source_path: str, config: IngestConfig, size: int | None = None
) -> Iterator[Result]:
    """One article per line (``file.jsonl#L12``); a bad line is one Failure, the other lines still count.
    ``size`` is not needed: the size limit is checked per line."""
    number = 0
    while True:
        line = stream.readline(config.max_bytes + 1)
        if not line:
            return
        number += 1
        where = f"{source_path}#L{number}"
        if len(line) > config.max_bytes and not line.endswith(b"\n"):
            while (more := stream.readline(config.max_bytes)) and not more.endswith(b"\n"):
                pass
            yield F.failure(where, F.TOO_LARGE, f"line is over the {config.max_bytes:,}-byte limit")
            continue
        if not line.strip():
            continue
        decoded = decode_noted(line, where)
        if isinstance(decoded, Failure):
            yield decoded
            continue
        obj = _loads(decoded[0], where)
        if isinstance(obj, Failure):
            yield obj
        else:
            yield from noted([article_from_object(obj, source_path=where, config=config)], decoded[1])


# --------------------------------------------------------------------------------------------- WARC


def _gzipped(stream: IO[bytes]) -> bool:
    if not stream.seekable():
        return False
    start = stream.tell()
    magic = stream.read(2)
    stream.seek(start)
    return magic == GZIP_MAGIC


def _is_warc(data: bytes) -> bool:
    return data.startswith((b"WARC/", GZIP_MAGIC))


@input_format("warc", suffixes=(".warc", ".warc.gz", ".arc.gz"), stream=True, sniff=_is_warc)
def read_warc(
    stream: IO[bytes], *, source_path: str, config: IngestConfig, size: int | None = None
) -> Iterator[Result]:
    """HTML responses of a WARC (``file.warc.gz#3`` for the third record).

    warcio stops quietly at a truncated gzip member and returns a short payload for a cut record, so
    truncation is checked here: a cut gzip stream, a payload shorter than its Content-Length, or fewer bytes
    parsed than ``size``, is one E208 Failure; the records before it are kept.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    source: Readable = stream
    if _gzipped(stream):
        # Unzipped here, not by warcio: it ends quietly at a truncated gzip member, where GzipFile raises
        # EOFError (E208 below); and the decompressed bytes go through the limits of `Bounded`.
        source = gzip.GzipFile(fileobj=stream, mode="rb")
        size = None
    bounded = Bounded(source, per_part=config.max_bytes + HEADER_ALLOWANCE, total=config.max_file_bytes)
    number = found = 0
    records = ArchiveIterator(bounded)
    try:
        for record in records:
            bounded.new_part()
            number += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            if "html" not in (record.http_headers.get_header("Content-Type") or "").lower():
                continue
            found += 1
            where = f"{source_path}#{number}"
            body = record.content_stream().read(config.max_bytes + 1)
            if len(body) > config.max_bytes:
                yield F.failure(where, F.TOO_LARGE, f"response is over the {config.max_bytes:,}-byte limit")
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:
                yield F.failure(
                    where, F.BROKEN_WARC, f"WARC record {number} is truncated (payload shorter than its Content-Length)"
                )
                return
            decoded = decode_noted(body, where)
            url = record.rec_headers.get_header("WARC-Target-URI")
            if isinstance(decoded, Failure):
                yield decoded
            else:
                text, note = decoded
                yield from noted([article_from_html(text, source_path=where, config=config, url=url)], note)
    except OverLimit as exc:
        yield F.failure(f"{source_path}#{number + 1}", F.TOO_LARGE, f"WARC not read from record {number + 1} on: {exc}")
        return
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error) as exc:
        yield F.failure(
            f"{source_path}#{number + 1}", F.BROKEN_WARC, f"WARC unreadable from record {number + 1} on: {exc}"
        )
        return
    if bounded.truncated is not None:
        yield F.failure(
            f"{source_path}#{number + 1}",
            F.BROKEN_WARC,
            f"WARC unreadable after record {number}: the gzip stream is cut ({bounded.truncated})",
        )
    elif size is not None and records.offset < size:
        yield F.failure(
            f"{source_path}#{number + 1}",
            F.BROKEN_WARC,
            f"WARC unreadable after record {number}: {size - records.offset:,} trailing bytes are not a complete record",
        )
    elif not found:
        yield F.failure(source_path, F.EMPTY, "the WARC holds no HTML response records")


# --------------------------------------------------------------------------------------------- Reuters SGML

_STORY = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.DOTALL)
_TAG = {name: re.compile(rf"<{name}>(.*?)</{name}>", re.DOTALL) for name in ("DATE", "TITLE", "DATELINE", "BODY")}
_UNPROC = re.compile(r"<TEXT[^>]*>(.*?)</TEXT>", re.DOTALL)
_NEWID = re.compile(r'NEWID="(\d+)"')
_SGML_DATE = re.compile(r"(\d{1,2})-([A-Z]{3})-(\d{4})\s+(\d{2}):(\d{2})")
# Control characters the corpus encodes as &#2; &#3; &#5; ... (teletype framing); not text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _sgml_text(raw: str) -> str:
    return _CONTROL.sub("", htmllib.unescape(raw))


def _reflow(body: str) -> str:
    """Reuters bodies are hard-wrapped at ~70 columns, a paragraph starting with indentation; rejoin lines,
    and drop the "Reuter" sign-off that ends every story."""
    paragraphs = re.split(r"\n\s{2,}", body.strip())
    text = "\n\n".join(" ".join(p.split()) for p in paragraphs)
    return re.sub(r"\s*\bReuter\s*$", "", text)


def read_reuters_sgml(data: str, *, source_path: str) -> Iterator[Result]:
    """Every story of a Reuters-21578 ``reut2-NNN.sgm`` file (``file.sgm#NEWID=12``)."""
    stories = _STORY.findall(data)
    if not stories:
        yield F.failure(source_path, F.BAD_SGML, "no <REUTERS> story in the SGML file")
        return
    for attributes, story in stories:
        newid = _NEWID.search(attributes)
        where = f"{source_path}#NEWID={newid[1] if newid else '?'}"
        parts = {name: _sgml_text(m[1]) if (m := tag.search(story)) else "" for name, tag in _TAG.items()}
        body = parts["BODY"] or (_sgml_text(m[1]) if not parts["TITLE"] and (m := _UNPROC.search(story)) else "")
        text = f"{parts['DATELINE'].strip()} {_reflow(body)}".strip() if body else parts["TITLE"].strip()
        date = _SGML_DATE.search(parts["DATE"])
        published = (
            f"{date[3]}-{MONTH_NUMBER.get(date[2].lower(), 1):02d}-{int(date[1]):02d}T{date[4]}:{date[5]}"
            if date
            else None
        )
        yield _article(
            text,
            source_path=where,
            title=" ".join(parts["TITLE"].split()) or None if body else None,
            published=published,
            outlet="Reuters",
            detect_headline=False,
        )


@input_format("sgml", suffixes=(".sgm", ".sgml"))
def read_sgml(text: str, *, source_path: str, config: IngestConfig) -> Iterator[Result]:
    yield from read_reuters_sgml(text, source_path=source_path)
