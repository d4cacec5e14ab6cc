"""Reading paths (files, folders, globs, "-" for stdin) into Articles and Failures.

Formats are chosen by file name, through the suffixes each format registers (`dateline.ingest.registry`:
``.html``/``.htm``, ``.jsonl``/``.ndjson``, ``.json``, ``.warc``/``.warc.gz``, ``.sgm``, each also gzipped as
``*.gz``), and otherwise by content (a document that starts like an HTML page is HTML; everything else is
plain text). Folders are read recursively in a stable (sorted) order.
"""

from __future__ import annotations

import glob
import gzip
import io
import sys
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from dateline.config import IngestConfig
from dateline.errors import Errors
from dateline.ingest import failures as F
from dateline.ingest import formats as _formats  # noqa: F401  (registers the built-in formats)
from dateline.ingest.decode import Bounded, OverLimit, decode_noted, noted, read_limited
from dateline.ingest.registry import InputFormat, Result, format_for, sniffed, suffixes
from dateline.model import Article, Failure

# Documentation files that sit beside articles in dataset folders (BBC's README.TXT, SOURCE.md).
FOLDER_SKIP_STEMS = frozenset({"readme", "license", "licence", "source", "changelog", "copying"})
_GLOB_CHARS = frozenset("*?[")


def _name(path: Path) -> str:
    """The file name without a trailing ``.gz`` (``page.html.gz`` -> ``page.html``) unless a format's suffix
    names it (``crawl.warc.gz``), lower case."""
    name = path.name.lower()
    return name[:-3] if name.endswith(".gz") and not name.endswith(suffixes()) else name


def _wanted_in_folder(path: Path) -> bool:
    # Only registered suffixes are read when a folder is expanded (an explicitly named file is always read):
    # corpus folders also hold DTDs, TSV split lists and licences, which are not articles.
    name = _name(path)
    stem = name.split(".", 1)[0]
    return name.endswith(suffixes()) and stem not in FOLDER_SKIP_STEMS


def expand(paths: Sequence[str]) -> Iterator[Path | Failure | str]:
    """Files to read, in order: folders recursively (sorted, hidden entries skipped), globs sorted; ``-``
    stays ``"-"``; a path that does not exist is an E209 Failure."""
    for name in paths:
        if name == "-":
            yield name
            continue
        path = Path(name)
        if path.is_dir():
            for file in sorted(path.rglob("*")):
                relative = file.relative_to(path).parts
                if file.is_dir() or any(p.startswith(".") for p in relative) or not _wanted_in_folder(file):
                    continue
                yield file if file.is_file() else _not_regular(file)
        elif path.exists():
            yield path if path.is_file() else _not_regular(path)
        elif _GLOB_CHARS & set(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                yield F.failure(name, F.NOT_FOUND, "the pattern matches no file")
            yield from expand(matches)
        else:
            yield F.failure(name, F.NOT_FOUND, "no such file or folder")


def _not_regular(path: Path) -> Failure:
    # Opening a FIFO blocks until a writer comes, and a device can be endless: only regular files are read.
    return F.failure(str(path), F.NOT_REGULAR, "not a regular file (a FIFO, socket or device)")


def guarded(source_path: str, results: Iterator[Result]) -> Iterator[Result]:
    """``results``, with any error a reader raises turned into this document's Failure: one file must never
    end the run (a parser's RecursionError, a library bug); what it yielded before the error is kept."""
    try:
        yield from results
    except Exception as exc:
        reason = Errors.E211.format(error_type=type(exc).__name__, error=exc)
        yield F.failure(source_path, F.READER_FAILED, reason)


def read_file(path: Path, config: IngestConfig) -> Iterator[Result]:
    """Every document in one file."""
    fmt = format_for(_name(path))
    if fmt.stream:
        yield from _streamed(path, fmt, config)
        return
    data = read_limited(path, config.max_bytes)
    if isinstance(data, Failure):
        yield data
        return
    yield from read_bytes(data, source_path=str(path), config=config, kind=_name(path))


def read_bytes(data: bytes, *, source_path: str, config: IngestConfig, kind: str = "") -> Iterator[Result]:
    """Every document in ``data``; ``kind`` is a file name whose extension says the format ("" to sniff)."""
    fmt = format_for(kind) if kind else sniffed(data)
    if fmt.stream:
        yield from fmt.read(io.BytesIO(data), source_path=source_path, config=config, size=len(data))
        return
    decoded = decode_noted(data, source_path)
    if isinstance(decoded, Failure):
        yield decoded
    else:
        text, note = decoded
        yield from noted(fmt.read(text, source_path=source_path, config=config), note)


def _streamed(path: Path, fmt: InputFormat, config: IngestConfig) -> Iterator[Result]:
    """Container formats (WARC, JSONL) are read as streams: their size limit is per record, not per file.
    A ``.gz`` that no suffix names (``feed.jsonl.gz``) is unzipped here; one that does is the reader's."""
    gunzip = _name(path) != path.name.lower()
    try:
        with open(path, "rb") as raw:
            if not gunzip:
                yield from fmt.read(raw, source_path=str(path), config=config, size=_size(path))
                return
            with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
                # The reader limits each record; this bounds the whole file (a gzip bomb of short lines).
                bounded = Bounded(unzipped, per_part=config.max_file_bytes, total=config.max_file_bytes)
                yield from fmt.read(io.BufferedReader(bounded), source_path=str(path), config=config, size=None)
                if bounded.truncated is not None:
                    yield F.failure(str(path), F.CANNOT_READ, f"cannot read to the end: {bounded.truncated}")
    except OverLimit as exc:
        yield F.failure(str(path), F.TOO_LARGE, f"not read to the end: {exc}")
    except (OSError, EOFError, zlib.error) as exc:
        yield F.failure(str(path), F.CANNOT_READ, f"cannot read: {exc}")


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def _stdin(config: IngestConfig) -> Iterator[Result]:
    data = sys.stdin.buffer.read(config.max_bytes + 1)
    if len(data) > config.max_bytes:
        yield F.failure("<stdin>", F.TOO_LARGE, f"standard input is over the {config.max_bytes:,}-byte limit")
        return
    yield from read_bytes(data, source_path="<stdin>", config=config)


def iter_documents(paths: Sequence[str], *, config: IngestConfig | None = None) -> Iterator[Article | Failure]:
    """Every document under ``paths``, in a stable order: an Article, or a Failure saying why not."""
    config = config or IngestConfig()
    for item in expand(paths):
        if isinstance(item, Failure):
            yield item
        elif isinstance(item, str):
            yield from guarded("<stdin>", _stdin(config))
        else:
            yield from guarded(str(item), read_file(item, config))
