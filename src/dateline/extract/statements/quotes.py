"""Quotation marks in the article text: where quotations are, and whether a content span is quoted."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.extract.statements.lexicon import (
    CLOSE_QUOTES,
    CLOSING_CHARS,
    DOUBLED_APOSTROPHE,
    OPEN_QUOTES,
    STRAIGHT_QUOTE,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

# A content at least this share of which lies inside quotation marks is a direct quotation; the rest of it
# is the quote marks' own punctuation ("“...,” he said" leaves a comma outside).
DIRECT_SHARE = 0.9

# A quoted fragment is a name or title ("Justice For Khojaly", "Khojaly Genocide Day"), not speech, when it
# is short and most of its words are capitalised (news style capitalises titles, not quoted speech).
TITLE_MAX_WORDS = 10
TITLE_CAPITALISED_SHARE = 0.6

# A question mark ends quoted speech, not a title ("“Mr. D’Souza?”"); an exclamation mark can end either
# ("“What a Super Tuesday!”", the campaign "“Justice For Khojaly!”" of the samples).
SPEECH_ENDS = "?"

# Punctuation that may stand between a cue and its quotation ("said: “", "“...,” he said").
QUOTE_JOINERS = ":,"

# Marks that close a quotation's words when the attribution follows in the same sentence ("“...,” he said",
# "“...?” asked Cruz"); a quotation closed by a full stop ends its sentence instead.
LEADING_QUOTE_ENDS = ",?!"


# The curly mark that closes a quotation opened with a straight one ('"What we are seeing ...,” he continued.'):
# copy edited by hand mixes the two. A curly opening mark met first ends the quotation as before.
CURLY_CLOSE = "”"

# Whether the tagger's features read a curly closing mark as closing a straight quotation: not in the scan the
# shipped model was trained on (a model trained on that reading lost a match and a claimant on the untouched
# half of gold/dev; docs/extractors.md), so the features keep the older reading until a retrain that gains.
TAGGER_MIXED = False

# The characters the scan acts on: every other character leaves it as it is, so it skips them.
_MARK_CHARS = re.compile("[" + re.escape(OPEN_QUOTES + CLOSE_QUOTES + STRAIGHT_QUOTE) + "\n]")


def quote_regions(text: str, *, mixed: bool = True) -> list[tuple[int, int]]:
    """Quotations as ``[start, end)`` including their marks, in one scan. Curly quotes pair up; straight
    ones toggle, and so does a doubled apostrophe (read as one straight mark, the region ending after both
    apostrophes); with ``mixed`` a curly closing mark also closes a straight one (``CURLY_CLOSE``); an
    unclosed quotation ends with its paragraph (news style reopens it in the next one). The tagger's
    features read the scan without ``mixed``, the one the shipped model was trained on (``TAGGER_MIXED``).
    The scans of the last text asked about are kept: the rules and the tagger each ask about the article."""
    return list(_quote_regions(text, mixed))


def tagger_regions(text: str) -> list[tuple[int, int]]:
    """The scan the tagger's features read (``TAGGER_MIXED``): ``attribution.features.doc_sequences`` reads it
    for run time, training and the benches, and the model's manifest records it (``attribution.model``)."""
    return quote_regions(text, mixed=TAGGER_MIXED)


@lru_cache(maxsize=2)
def _quote_regions(text: str, mixed: bool) -> tuple[tuple[int, int], ...]:
    doubled = DOUBLED_APOSTROPHE in text
    # Same length as the text, so offsets stay the text's own: the doubled apostrophe's first character
    # is the mark, its second one nothing.
    marks = text.replace(DOUBLED_APOSTROPHE, STRAIGHT_QUOTE + "\0") if doubled else text
    regions: list[tuple[int, int]] = []
    opened: int | None = None
    closer = ""
    # Mixed copy closes a straight-opened quotation with a curly mark too.
    straight_closer = STRAIGHT_QUOTE + CURLY_CLOSE if mixed else STRAIGHT_QUOTE
    for mark in _MARK_CHARS.finditer(marks):
        i, char = mark.start(), mark.group()
        if opened is None:
            if char in OPEN_QUOTES:
                opened, closer = i, CLOSE_QUOTES + (STRAIGHT_QUOTE if _straight_closes(marks, i) else "")
            elif char == STRAIGHT_QUOTE:
                opened, closer = i, straight_closer
        elif char in closer:
            regions.append((opened, i + (2 if doubled and text[i : i + 2] == DOUBLED_APOSTROPHE else 1)))
            opened = None
        elif (char == "\n" and text[i + 1 : i + 2] in ("\n", "")) or char in OPEN_QUOTES:
            regions.append((opened, i))
            opened = i if char in OPEN_QUOTES else None
    if opened is not None:
        regions.append((opened, len(text)))
    return tuple(regions)


def _straight_closes(marks: str, opened: int) -> bool:
    """Whether a straight mark closes the curly quotation opened at ``opened``: no curly mark closes it in its
    paragraph and an odd number of straight marks follow there, a pair being a quotation inside it ('The New
    York Times said Mike “may be remembered as one of the greatest mayors in New York history." Bloomberg
    brought a city of 8 million people ...': the quotation ends at "history."). 146 paragraphs in 3,000
    random AllSides reports (seed 77, raw text) open a curly quotation no curly mark closes and hold a straight
    mark."""
    end = marks.find("\n\n", opened)
    paragraph = marks[opened + 1 : len(marks) if end < 0 else end]
    if any(mark in paragraph for mark in CLOSE_QUOTES):
        return False
    return paragraph.count(STRAIGHT_QUOTE) % 2 == 1


@dataclass
class Quotes:
    """The article's quotations, for overlap look-ups by position."""

    text: str
    regions: list[tuple[int, int]]

    def __post_init__(self) -> None:
        self.regions = [r for r in self.regions if not self._title(*r)]
        self.starts = [r[0] for r in self.regions]

    def _title(self, start: int, end: int) -> bool:
        """A quoted name or title, unless a question mark closes it or a colon introduces it: "hold banners
        proclaiming: “Yes we can – Stop TTIP!”", "The judge then turned to me. “Mr. D’Souza?”"."""
        quoted = self.text[start:end]
        before = start
        while before > 0 and self.text[before - 1].isspace():
            before -= 1
        if quoted.rstrip(CLOSING_CHARS).endswith(SPEECH_ENDS) or self.text[before - 1 : before] == ":":
            return False
        words = [w for w in quoted.strip(OPEN_QUOTES + CLOSING_CHARS + " ").split() if w[:1].isalpha()]
        if not words or len(words) > TITLE_MAX_WORDS:
            return False
        capitalised = sum(1 for w in words if w[0].isupper())
        return capitalised / len(words) >= TITLE_CAPITALISED_SHARE

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        i = bisect.bisect_left(self.starts, end)
        out = []
        while i > 0 and self.regions[i - 1][1] > start:
            out.append(self.regions[i - 1])
            i -= 1
        return out[::-1]

    def inside(self, token: Token) -> bool:
        """Whether the token lies inside a quotation."""
        return bool(self.overlapping(token.idx, token.idx + len(token)))

    def near(self, start: int, end: int, *, floor: int = 0) -> tuple[int, int] | None:
        """A quotation just before ``start`` ("“...,” he said") or just after ``end`` ("he said: “...”"),
        with only white space and introducing punctuation between. One closed by a full stop before
        ``floor`` (the sentence's start) ended the sentence before: "“... disgust.” The email goes on to
        say: “...”"."""
        before = start
        while before > 0 and (self.text[before - 1].isspace() or self.text[before - 1] in QUOTE_JOINERS):
            before -= 1
        i = bisect.bisect_left(self.starts, start)
        if i > 0 and self.regions[i - 1][1] == before:
            words = self.text[self.regions[i - 1][0] : before].rstrip(CLOSING_CHARS)
            ended = before <= floor and words.endswith(".")
            if not ended:
                return self.regions[i - 1]
        return self.following(end)

    def following(self, end: int) -> tuple[int, int] | None:
        """A quotation opening just after ``end``, with only white space and introducing punctuation between."""
        after = end
        while after < len(self.text) and (self.text[after].isspace() or self.text[after] in QUOTE_JOINERS):
            after += 1
        j = bisect.bisect_left(self.starts, end)
        if j < len(self.regions) and end <= self.regions[j][0] <= after:
            return self.regions[j]
        return None

    def leading(self, start: int) -> tuple[int, int] | None:
        """The quotation closing right before ``start`` (white space between) whose words end with a comma,
        question or exclamation mark: "“...,” Sarandon told MSNBC", "“...?” asked Cruz"."""
        i = bisect.bisect_right(self.starts, start)
        if i == 0:
            return None
        q_start, q_end = self.regions[i - 1]
        words = self.text[q_start:q_end].rstrip(CLOSING_CHARS)
        closed = self.text[q_end - 1] in CLOSING_CHARS and q_end - q_start > 2
        if not closed or q_end > start or words[-1:] not in tuple(LEADING_QUOTE_ENDS) or self.text[q_end:start].strip():
            return None
        return q_start, q_end

    def opening_at(self, start: int, floor: int) -> tuple[int, int] | None:
        """The quotation that opens at ``start``, or just before it after ``floor`` with only its mark
        between: the parser can leave an opening doubled apostrophe at the end of the sentence before."""
        i = bisect.bisect_right(self.starts, start) - 1
        if i < 0 or not floor <= self.starts[i] <= start < self.regions[i][1]:
            return None
        return self.regions[i] if not any(c.isalnum() for c in self.text[self.starts[i] : start]) else None

    def kind(self, start: int, end: int, hole: tuple[int, int] | None = None) -> str:
        """Direct, mixed or indirect, by the quoted share of ``[start, end)`` outside ``hole`` (an
        interposed "he said" inside a resumed quotation)."""
        parts = [(start, end)] if hole is None else [(start, hole[0]), (hole[1], end)]
        quoted = sum(min(b, e) - max(a, s) for a, b in parts for s, e in self.overlapping(a, b))
        if quoted <= 0:
            return "indirect"
        return "direct" if quoted >= DIRECT_SHARE * sum(b - a for a, b in parts) else "mixed"
