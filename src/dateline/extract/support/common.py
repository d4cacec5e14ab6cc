"""Lexicon and parse helpers shared by more than one extractor (claims, times and events)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from dateline.data import load_yaml

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dateline.model import Statement


@lru_cache(maxsize=1)
def numbers_lexicon() -> dict[str, Any]:
    """``data/claims.yaml``, read once per process (shared with times.rules for number words)."""
    return dict(load_yaml("claims.yaml"))


def alternation(words: Iterable[str]) -> str:
    """A regex alternation, longest first so "September" is tried before "Sep" (shared with times.rules)."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def token_at(doc: Doc | None, char: int) -> Any:
    """The token at character ``char`` (shared with times.rules), or None without a parse."""
    if doc is None:
        return None
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def innermost_statement(statements: Iterable[Statement], start: int, end: int) -> Statement | None:
    """The statement with the shortest content holding ``[start, end)`` (ties: lower id), or None."""
    holding = [
        s
        for s in statements
        if s.content_span is not None and s.content_span.start <= start and end <= s.content_span.end
    ]
    return min(
        holding, key=lambda s: (s.content_span.end - s.content_span.start if s.content_span else 0, s.id), default=None
    )
