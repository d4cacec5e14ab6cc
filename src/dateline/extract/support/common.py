"""Lexicon and parse helpers shared by more than one extractor (claims, times and events)."""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from dateline.data import load_yaml

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dateline.model import Span, Statement


@lru_cache(maxsize=1)
def numbers_lexicon() -> dict[str, Any]:
    """``data/claims.yaml``, read once per process (shared with times.rules for number words)."""
    return dict(load_yaml("claims.yaml"))


@lru_cache(maxsize=1)
def unit_nouns() -> frozenset[str]:
    """The lexicon's counted nouns (``units``: "people", "hostages", "homes"), lower-cased: claims.rules counts
    figures by them, events.rules takes them for parties an event is done to."""
    return frozenset(u.lower() for u in numbers_lexicon()["units"])


def alternation(words: Iterable[str]) -> str:
    """A regex alternation, longest first so "September" is tried before "Sep" (shared with times.rules)."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def token_at(doc: Doc | None, char: int) -> Any:
    """The token at character ``char`` (shared with times.rules), or None without a parse."""
    if doc is None:
        return None
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def span_root(doc: Doc | None, start: int, end: int) -> Any:
    """The syntactic root of the tokens covering characters ``[start, end)``, or None without a parse."""
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    return span.root if span is not None and len(span) else None


def subtree_range(token: Any) -> tuple[int, int]:
    """Character range of a token's whole subtree (a subject's phrase, a clause)."""
    return token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)


# The parse's label of a sentence's head word (spaCy's "ROOT"; one owner for every extractor).
ROOT_DEP = "ROOT"
# Tags of a relative pronoun ("who", "which", "that") that can be a clause's subject.
RELATIVE_TAGS = frozenset({"WDT", "WP"})
# Closing brackets and their openers (one owner): a content cut right after a parenthesis keeps its closing
# bracket; a speaker phrase trimmed at its edge keeps one too ("Rep. NAME (D-Md.)").
BRACKETS = {")": "(", "]": "["}
# What joins the parts of one written word ("pro-lifers", "al-Assad").
HYPHENS = frozenset({"-", "‐", "‑", "–"})
# The tag of a modal ("could", "would", "must"): a verb that takes one forecasts, reasons or hedges.
MODAL_TAG = "MD"
# Relations of an auxiliary to the verb it serves ("may have confirmed": both hang on "confirmed").
AUX_DEPS = frozenset({"aux", "auxpass"})


def antecedent(subject: Any) -> Any:
    """The noun a relative pronoun subject stands for ("officials who warned": officials; "a poll that showed":
    the poll), else the subject."""
    verb = subject.head
    if subject.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl" and verb.head != verb:
        return verb.head
    return subject


def climb(node: Any, hops: int) -> Iterator[tuple[Any, Any]]:
    """Up the parse from ``node``: (child, head) pairs, at most ``hops`` of them, stopping at the sentence root."""
    for _ in range(hops):
        head = node.head
        if head.i == node.i:
            return
        yield node, head
        node = head


def content_parts(statement: Statement) -> tuple[Span, ...]:
    """The parts of a content joined across its cue ("“A,” he said. “B.”"), in order: the record's spans
    inside its content span other than the cue and speaker (see ``statements.records.Builder.statement``);
    () for a content said in one piece or interrupted only by its cue clause ("X, he said, Y")."""
    content = statement.content_span
    if content is None:
        return ()
    own = {content, statement.cue_span, statement.speaker.span}
    return tuple(s for s in statement.spans if s not in own and content.start <= s.start and s.end <= content.end)


def _says(statement: Statement, start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies in what the statement says: its content, or one part of a content joined
    across its cue (the cue's own sentence between the parts is the report's)."""
    parts = content_parts(statement) or ((statement.content_span,) if statement.content_span else ())
    return any(p.start <= start and end <= p.end for p in parts)


def innermost_statement(statements: Iterable[Statement], start: int, end: int) -> Statement | None:
    """The statement with the shortest content saying ``[start, end)`` (ties: ``tie_rank``), or None."""
    candidates = _CONTENTS.of(statements).overlapping(start, end) if isinstance(statements, tuple) else statements
    holding = [s for s in candidates if _says(s, start, end)]
    return max(holding, key=lambda s: (-_length(s), tie_rank(s)), default=None)


def _length(statement: Statement) -> int:
    content = statement.content_span
    return content.end - content.start if content is not None else 0


def tie_rank(statement: Statement) -> tuple[int, int, int, int]:
    """How much a statement is preferred over another reading of the same words (the higher the better), by
    text position alone: an id hashes the extractor's version, and a version bump flipped claimants ("The
    website states “... 80 percent ...”" and the next sentence's "BMC Public Health reported" both read the
    quotation). The cue nearest before the content first, then the earliest cue after it, then the content
    that starts later (the nearer reading) and the earlier speaker."""
    content, cue = statement.content_span, statement.cue_span
    start = content.start if content is not None else 0
    speaker = statement.speaker.span.start if statement.speaker.span is not None else -1
    if cue is None:
        return (0, 0, start, -speaker)
    if cue.end <= start:
        return (2, cue.start, start, -speaker)
    return (1, -cue.start, start, -speaker)


T = TypeVar("T")
# A ``SpanIndex`` row's place among the items as given.
_ORIGINAL_ORDER = operator.itemgetter(2)


class SpanIndex(Generic[T]):
    """Items by character interval, for "which of them overlap [start, end)?" without scanning them all:
    extractors compare every statement with every other, which made long articles quadratic. Answers keep
    the items' original order."""

    def __init__(self, items: Sequence[tuple[int, int, T]]) -> None:
        ordered = sorted(((start, end, n, item) for n, (start, end, item) in enumerate(items)), key=lambda x: x[:3])
        self._starts = [start for start, _, _, _ in ordered]
        self._rows = ordered
        self._longest = max((end - start for start, end, _, _ in ordered), default=0)

    def overlapping(self, start: int, end: int) -> list[T]:
        """The items whose interval overlaps ``[start, end)`` (an empty interval counts at its position)."""
        stop = max(end, start + 1)
        lo = bisect.bisect_left(self._starts, start - self._longest - 1)
        hi = bisect.bisect_right(self._starts, stop)
        hits = [row for row in self._rows[lo:hi] if row[0] < stop and start < max(row[1], row[0] + 1)]
        if len(hits) > 1:
            hits.sort(key=_ORIGINAL_ORDER)
        return [row[3] for row in hits]


class LastResult(Generic[T]):
    """What ``compute`` made of the last sequence asked about, kept while callers ask again about the same
    one (an extractor asks once per figure, trigger or sentence about the article's one sequence of
    statements, entities or quotations, and computing it each time made long articles quadratic). The
    sequence and its result are stored as one pair, so threads never see one without the other."""

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self._compute = compute
        self._last: tuple[Any, T] | None = None

    def of(self, items: Sequence[Any]) -> T:
        last = self._last
        if last is not None and last[0] is items:
            return last[1]
        result = self._compute(items)
        self._last = (items, result)
        return result


class LastIndex(LastResult[SpanIndex[T]]):
    """The ``SpanIndex`` of the last sequence asked about (see ``LastResult``)."""

    def __init__(self, rows: Callable[[Any], Sequence[tuple[int, int, T]]]) -> None:
        super().__init__(lambda items: SpanIndex(rows(items)))


_CONTENTS: LastIndex[Statement] = LastIndex(
    lambda statements: [(s.content_span.start, s.content_span.end, s) for s in statements if s.content_span]
)
