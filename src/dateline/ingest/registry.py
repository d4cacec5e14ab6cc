"""The input formats: each reader registered once, with the file-name suffixes it reads.

A format reads either a binary stream (containers such as WARC and JSONL: their size limit is per record, so
the file is streamed) or decoded text (everything else: the whole document is read, size-checked and
decoded first). A file is matched on its name, without a trailing ``.gz`` unless a suffix names it
(``page.html.gz`` is HTML, ``crawl.warc.gz`` is WARC); a name no suffix matches is read by the fallback,
plain text (which recognises HTML pages by their content). Bytes with no name (stdin) are matched by the
formats' ``sniff`` tests, in registration order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from dateline.model import Article, Failure

Result = Article | Failure
# Stream readers: (binary stream, *, source_path, config, size) -> results; text readers: (str, *,
# source_path, config) -> results.
Reader = Callable[..., Iterator[Result]]
FALLBACK = "text"


@dataclass(frozen=True)
class InputFormat:
    """One input format: its name, the file-name suffixes it reads and its reader."""

    name: str
    suffixes: tuple[str, ...]
    read: Reader
    stream: bool = False
    sniff: Callable[[bytes], bool] | None = None


_FORMATS: dict[str, InputFormat] = {}


def input_format(
    name: str, *, suffixes: tuple[str, ...], stream: bool = False, sniff: Callable[[bytes], bool] | None = None
) -> Callable[[Reader], Reader]:
    """Register the decorated reader for files whose lower-case name ends with one of ``suffixes``."""

    def register(read: Reader) -> Reader:
        _FORMATS[name] = InputFormat(name, tuple(s.lower() for s in suffixes), read, stream, sniff)
        return read

    return register


def input_formats() -> tuple[InputFormat, ...]:
    """Every registered format, in registration order."""
    return tuple(_FORMATS.values())


def suffixes() -> tuple[str, ...]:
    """Every registered suffix: what a folder expansion reads."""
    return tuple(s for fmt in _FORMATS.values() for s in fmt.suffixes)


def format_for(name: str) -> InputFormat:
    """The format of a (lower-case, ``.gz``-stripped) file name; the plain-text fallback when none matches."""
    return next((f for f in _FORMATS.values() if name.endswith(f.suffixes)), _FORMATS[FALLBACK])


def sniffed(data: bytes) -> InputFormat:
    """The format of nameless bytes: the first whose ``sniff`` recognises them, else plain text."""
    return next((f for f in _FORMATS.values() if f.sniff is not None and f.sniff(data)), _FORMATS[FALLBACK])
