"""The block after a colon: one owner for statements (a cue that opens a block takes it as its content) and
claims (a block's figures hang on the statement whose cue introduces it).

A block is the one paragraph right after a paragraph that a colon ends ("Azar said:" and the paragraph
after it, quoted or not). Only that paragraph: claims.rules.v19 measured the block so (PolNeAR train, 8
figures given their speaker, none lost), and a second paragraph may be the outlet's again.
"""

from __future__ import annotations


def colon_closing(text: str, end: int) -> int | None:
    """The colon that is the last character before ``end`` other than white space, if it is one."""
    colon = _trimmed_end(text, end) - 1
    return colon if colon >= 0 and text[colon] == ":" else None


def _trimmed_end(text: str, end: int) -> int:
    """``len(text[:end].rstrip())`` without copying the text before ``end`` (asked per statement)."""
    _, stop, _ = slice(None, end).indices(len(text))
    while stop > 0 and text[stop - 1].isspace():
        stop -= 1
    return stop


def block_after(text: str, colon: int) -> tuple[int, int] | None:
    """The paragraph after ``colon`` when the colon ends its paragraph (only white space, a line break
    among it, follows it), as character bounds without the surrounding white space; None otherwise, and
    None when that paragraph ends in a colon too: it introduces the one after it ("The president wrote:"
    over "In response to this, I tweeted:", a list's heading), which is no block of the first colon's."""
    if colon < 0 or colon >= len(text) or text[colon] != ":":
        return None
    start = colon + 1
    while start < len(text) and text[start].isspace():
        start += 1
    if start >= len(text) or "\n" not in text[colon + 1 : start]:
        return None
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    end = _trimmed_end(text, end)
    return (start, end) if end > start and colon_closing(text, end) is None else None
