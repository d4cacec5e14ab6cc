"""Bytes -> text: size limits, binary detection and encoding detection (UTF-8 first, then charset-normalizer)."""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

import charset_normalizer

from dateline.ingest import failures as F
from dateline.model import Failure

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
_HIGH_BYTES = bytes(range(0x80, 0x100))


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


def decode(data: bytes, source_path: str) -> str | Failure:
    """Text of ``data``: UTF-8 (with or without BOM), UTF-16/32 by BOM, else the detected encoding."""
    if not data.strip():
        return F.failure(source_path, F.EMPTY, "the document is empty")
    for bom, encoding in _UTF_BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                return F.failure(source_path, F.UNDECODABLE, f"invalid {encoding} after its byte-order mark: {exc}")
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        return F.failure(source_path, F.BINARY, "binary data (NUL bytes), not a text document")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    if high / len(data) <= WESTERN_MAX_HIGH_BYTE_SHARE:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return F.failure(source_path, F.UNDECODABLE, "not UTF-8, and no text encoding decodes it sensibly")
    return str(best)
