"""The one text normaliser: typographic quotes, dashes and spacing folded the same way everywhere.

Linkers compare names and words across articles, the evaluator compares gold text with extracted text, and
the gazetteer keys place names: all three must agree on what "the same text" is, so they share this table.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection, Iterable

# NFKC leaves typographic quotes and dashes alone; articles mostly use curly quotes and en/em dashes, gold and
# lexicons are typed with straight ones.
FOLDS: dict[str, str] = {
    "‘": "'",
    "’": "'",
    "‚": "'",
    "‛": "'",
    "′": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "‟": '"',
    "″": '"',
    "‐": "-",
    "‑": "-",
    "–": "-",
    "—": "-",
}
_TABLE = str.maketrans(FOLDS)
_SPACE = re.compile(r"\s+")


def straighten(text: str) -> str:
    """``text`` with typographic quotes and dashes replaced by their ASCII forms (same length)."""
    return text.translate(_TABLE)


def fold(text: str) -> str:
    """The comparison form of a text: NFKC, straight quotes and dashes, case-folded, white space collapsed."""
    folded = straighten(unicodedata.normalize("NFKC", text)).casefold()
    return _SPACE.sub(" ", folded).strip()


def name_key(text: str) -> str:
    """The lookup key of a name: like ``fold``, with accents stripped as well ("Côte" = "Cote")."""
    if text.isascii():
        # Nothing to straighten, decompose or strip (every ``FOLDS`` character lies outside ASCII): the same
        # key without a pass over each character. Most names are ASCII, and linking and the gazetteer ask
        # for 44,000 keys per 100 AllSides reports.
        return _SPACE.sub(" ", text.casefold()).strip()
    decomposed = unicodedata.normalize("NFKD", straighten(text))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACE.sub(" ", stripped.casefold()).strip()


def char_class(char: str) -> str:
    """A regular-expression class matching ``char`` in any of the forms ``fold`` makes equal ("'" -> ['’...])."""
    forms = [k for k, v in FOLDS.items() if v == char]
    return f"[{re.escape(char)}{''.join(forms)}]" if forms else re.escape(char)


# Words left out of a name's initials by speakers and entity linking ("Federal Bureau of Investigation" -> FBI).
INITIAL_STOP = frozenset({"of", "and", "for", "the", "in", "on", "at", "to", "de", "la", "&"})


def initials(words: Iterable[str], *, stop: Collection[str]) -> str:
    """The first letters of a multi-word name's words, its ``stop`` words (compared lower-cased) left out, or
    "" when fewer than two words remain ("Federal Bureau of Investigation" -> "FBI"). Entities, speakers,
    linking and places each pass their own words and stop words, and each reads the letters its own way."""
    kept = [w for w in words if w.lower() not in stop]
    return "".join(w[0] for w in kept) if len(kept) >= 2 else ""


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude English stem, enough to match "recognized"/"recognised"/"recognize" and "states"/"state"."""
    word = re.sub(r"is(e|ed|es|ing|ation)$", r"iz\1", word)
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("e", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: len(word) - len(suffix)] + repl
    return word
