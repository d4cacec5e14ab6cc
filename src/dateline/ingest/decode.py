"""Bytes -> text: size limits, binary detection and encoding detection (UTF-8 first, then charset-normalizer)."""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Protocol

import charset_normalizer

from dateline.errors import Entry, Errors
from dateline.ingest import failures as F
from dateline.model import Article, Failure

Result = Article | Failure

# git and grep call a file binary when its first 8,000 bytes hold a NUL; text encodings dateline reads
# (UTF-8, single-byte legacy encodings) never contain one. UTF-16/32 are recognised by their BOM first.
BINARY_SNIFF_BYTES = 8000
_UTF_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Mostly-ASCII text with a few high bytes (a "£" in BBC sport/199.txt, an "ü" in Reuters reut2-017.sgm) is
# Western single-byte text; charset-normalizer has too little evidence there and guessed cp932 for the BBC
# file. Up to 10% high bytes covers accented Western languages; Cyrillic or Greek legacy encodings are >50%.
WESTERN_MAX_HIGH_BYTE_SHARE = 0.10
# UTF-16 without a BOM: at least this share of the sniffed high (LE) or low (BE) bytes are NUL, and at least
# this share of the decoded characters are printable. Latin-script text has NUL in nearly every such byte.
UTF16_MIN_NUL_SHARE = 0.7
UTF16_MIN_PRINTABLE_SHARE = 0.95
_HIGH_BYTES = bytes(range(0x80, 0x100))


# Slack over the per-record limit for a container record's headers (WARC and HTTP headers are a few kB).
HEADER_ALLOWANCE = 1024 * 1024


class Readable(Protocol):
    """A binary stream (a file, a GzipFile, BytesIO)."""

    def read(self, size: int = -1, /) -> bytes: ...


class OverLimit(Exception):
    """A stream decompressed to more than its limit (raised by `Bounded`, turned into an E205 Failure)."""


class Bounded(io.RawIOBase):
    """A read-only view of a (decompressing) stream that raises `OverLimit` once more than ``per_part`` bytes
    were read since the last `new_part` (one container record) or more than ``total`` in all, and that keeps
    a cut gzip stream's EOFError in ``truncated`` (it reads as the end of the stream). Readers that
    buffer a line until its end (warcio's header parser) then hold at most ``per_part`` bytes, whatever a
    gzip bomb decompresses to."""

    def __init__(self, stream: Readable, *, per_part: int, total: int) -> None:
        super().__init__()
        self.stream = stream
        self.per_part = per_part
        self.total = total
        self.part_read = 0
        self.total_read = 0
        self.truncated: EOFError | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            # read1: one decompression step, so what came before a cut is returned before the error is.
            read = getattr(self.stream, "read1", self.stream.read)
            data = read(len(buffer))
        except EOFError as exc:
            # A cut gzip stream. Readers such as warcio take EOFError for a clean end and drop what they
            # had buffered: they see a clean end here, and the caller asks `truncated` afterwards.
            self.truncated = exc
            return 0
        n = len(data)
        buffer[:n] = data
        self.part_read += n
        self.total_read += n
        if self.total_read > self.total:
            raise OverLimit(f"the file decompresses to more than {self.total:,} bytes")
        if self.part_read > self.per_part:
            raise OverLimit(f"a record decompresses to more than {self.per_part:,} bytes")
        return n

    def new_part(self) -> None:
        self.part_read = 0


def read_limited(path: Path, max_bytes: int) -> bytes | Failure:
    """The bytes of ``path`` (gunzipped for ``*.gz``), or a Failure when unreadable or over ``max_bytes``.

    The size is checked before anything is read, and decompression stops one byte past the limit, so a
    huge file or a gzip bomb never enters memory.
    """
    name = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return F.failure(name, F.TOO_LARGE, f"{size:,} bytes is over the {max_bytes:,}-byte limit")
        if path.suffix == ".gz":
            with gzip.open(path, "rb") as handle:
                data = handle.read(max_bytes + 1)
            if len(data) > max_bytes:
                return F.failure(name, F.TOO_LARGE, f"decompressed size is over the {max_bytes:,}-byte limit")
            return data
        return path.read_bytes()
    except (OSError, EOFError, zlib.error) as exc:
        return F.failure(name, F.CANNOT_READ, f"cannot read: {exc}")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text written without a byte-order mark (Windows tools do), or None. Text in Latin scripts has a
    NUL in every other byte; binary data has NULs, but not in such a regular pattern, and does not decode to
    printable text."""
    sample = data[:BINARY_SNIFF_BYTES]
    for zeros, encoding in ((sample[1::2], "utf-16-le"), (sample[0::2], "utf-16-be")):
        if not zeros or zeros.count(0) / len(zeros) < UTF16_MIN_NUL_SHARE:
            continue
        try:
            text = data[: len(data) - len(data) % 2].decode(encoding)
        except UnicodeDecodeError:
            return None
        head = text[:BINARY_SNIFF_BYTES]
        printable = sum(c.isprintable() or c.isspace() for c in head)
        return text if "\x00" not in text and printable / max(1, len(head)) >= UTF16_MIN_PRINTABLE_SHARE else None
    return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few invalid bytes (a cut multi-byte character, a stray Latin-1 byte), decoded with U+FFFD
    in their place, or None. Decoding such text as cp1252 would turn every valid "é" into "Ã©"; it is UTF-8
    when its valid multi-byte characters outnumber its invalid bytes."""
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = sum(1 for c in text if ord(c) > 0x7F and c != "\ufffd")
    if valid <= invalid:
        return None
    return text


def noted(results: Iterable[Result], note: str | None) -> Iterator[Result]:
    """``results`` with ``note`` (how their bytes were decoded, ``decode_noted``) added to each article."""
    for result in results:
        yield replace(result, notes=(*result.notes, note)) if note and isinstance(result, Article) else result


def _note(entry: Entry, **fields: object) -> str:
    return f"[{entry.code}] {entry.format(**fields)}"


def decode(data: bytes, source_path: str) -> str | Failure:
    """Text of ``data`` (``decode_noted`` without the note)."""
    decoded = decode_noted(data, source_path)
    return decoded if isinstance(decoded, Failure) else decoded[0]


def decode_noted(data: bytes, source_path: str) -> tuple[str, str | None] | Failure:
    """Text of ``data``: UTF-8 (with or without BOM), UTF-16/32 by BOM, else the detected encoding; and a note
    for the article when the bytes were not valid UTF-8 (invalid sequences replaced, or an encoding guessed),
    so that whoever reads the stored text knows it may differ from what the file meant."""
    if not data.strip():
        return F.failure(source_path, F.EMPTY, "the document is empty")
    for bom, encoding in _UTF_BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), None
            except UnicodeDecodeError as exc:
                return F.failure(source_path, F.UNDECODABLE, f"invalid {encoding} after its byte-order mark: {exc}")
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        text = _utf16_without_bom(data)
        if text is None:
            return F.failure(source_path, F.BINARY, "binary data (NUL bytes), not a text document")
        return text, None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        replaced = mostly.count("\ufffd") - data.count("\ufffd".encode())
        return mostly, _note(Errors.E213, count=replaced)
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    if high / len(data) <= WESTERN_MAX_HIGH_BYTE_SHARE:
        try:
            return data.decode("cp1252"), _note(Errors.E213_ENCODING, encoding="cp1252")
        except UnicodeDecodeError:
            pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return F.failure(source_path, F.UNDECODABLE, "not UTF-8, and no text encoding decodes it sensibly")
    return str(best), _note(Errors.E213_ENCODING, encoding=best.encoding)
