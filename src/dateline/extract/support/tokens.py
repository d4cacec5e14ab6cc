"""A Doc's token attributes as plain columns, read once per Doc, and the positions of the tokens a rule can
fire on.

The statement rules and the speaker resolver used to walk every token of every sentence as a spaCy
``Token`` to find the few that can be a cue, a relay verb, a clause subject or a document noun: each walk
makes a Python object per token, and an article's tokens were made about eight times over (300 AllSides
reports: 4.0 of 5.9 million ``Doc.__getitem__`` calls of the statements stage). Reading the attributes
column-wise from the Doc's arrays once, and keeping each rule's positions, leaves the rules to look only at
the tokens they can fire on; what they do with those tokens is unchanged.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from spacy.attrs import DEP, IS_ALPHA, LEMMA, LOWER, ORTH, POS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


class Texts(dict[int, str]):
    """The strings of one ``StringStore`` by id, each looked up once: a run's Docs share their vocabulary,
    and looking a string up in the store costs more than the rest of what is done with it."""

    def __init__(self, strings: Any) -> None:
        super().__init__()
        self.strings = strings

    def __missing__(self, value: int) -> str:
        text = self[value] = str(self.strings[value]) if value else ""
        return text


@lru_cache(maxsize=1)
def texts(strings: Any) -> Texts:
    """The string memo of a run's ``StringStore`` (the last one asked about)."""
    return Texts(strings)


@dataclass(frozen=True)
class Columns:
    """Each token's lower-cased lemma (``token.lemma_.lower()``), dependency, part of speech, lower-case
    form, text and ``is_alpha``, by token index; ``positions`` keeps the tokens each rule asked for."""

    lemmas: list[str]
    deps: list[str]
    pos: list[str]
    lowers: list[str]
    orths: list[str]
    alpha: list[bool]
    found: dict[str, list[int]] = field(default_factory=dict, compare=False)

    def positions(self, name: str, select: Callable[[Columns], list[int]]) -> list[int]:
        """The token indices ``select`` picks, in order, worked out once per Doc under ``name`` (one name
        per rule's selection)."""
        found = self.found.get(name)
        if found is None:
            found = self.found[name] = select(self)
        return found


@lru_cache(maxsize=1)
def columns(doc: Doc) -> Columns:
    """The Doc's columns, read once while it is the Doc being asked about (the rules, the tagger and the
    speaker resolver ask in turn about one article's Doc)."""
    if not len(doc):
        return Columns([], [], [], [], [], [])
    strings = texts(doc.vocab.strings)
    *array, alpha = doc.to_array([LOWER, LEMMA, DEP, POS, ORTH, IS_ALPHA]).T.tolist()
    lowers, lemmas, deps, pos, orths = (list(map(strings.__getitem__, column)) for column in array)
    return Columns(list(map(str.lower, lemmas)), deps, pos, lowers, orths, list(map(bool, alpha)))


def within(positions: Sequence[int], start: int, end: int) -> Sequence[int]:
    """The positions in ``[start, end)`` (a sentence's tokens), in order."""
    return positions[bisect.bisect_left(positions, start) : bisect.bisect_left(positions, end)]


# The Doc whose ``doc.ents`` an extractor holds while it runs (``held_ents``), with them.
_HELD: ContextVar[tuple[Doc, Sequence[Span]] | None] = ContextVar("held_ents", default=None)


@contextmanager
def held_ents(doc: Doc) -> Iterator[None]:
    """Hold ``doc.ents`` while an extractor reads them (``doc_ents``). spaCy builds the tuple anew, a Span per
    entity, on every read, and the entity rules read it about eight times per article (each figure, each
    state, each home country); nothing an extractor does changes them (only the entity fixer, inside the
    parse, sets them), and outside the ``with`` every read is the Doc's own again."""
    token = _HELD.set((doc, doc.ents))
    try:
        yield
    finally:
        _HELD.reset(token)


def doc_ents(doc: Doc) -> Sequence[Span]:
    """``doc.ents``: the ones held for this Doc (``held_ents``), else read from it."""
    held = _HELD.get()
    if held is not None and held[0] is doc:
        return held[1]
    ents: Sequence[Span] = doc.ents
    return ents
