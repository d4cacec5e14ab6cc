"""claims.rules: numeric claims — how many of whom, what happened to them, and who says so.

A claim is a figure (digits, number words, or a vague quantity such as "hundreds of thousands of") followed
by the noun it counts ("613 people", "70 elderly citizens"). A figure with no counted noun is not a claim,
which keeps ordinals ("32nd"), years, durations ("44-day"), regiment numbers and "a minute" out by
construction. Within a sentence, "613 people, including 63 children, 106 women" makes the listed figures
parts of the first, and "... out of 1275 people" makes the first a part of the last. The predicate is the
first lexicon phrase after the figure (or its breakdown) and before the next figure, from
``data/claims.yaml``. The claimant is the speaker of the statement whose content holds the figure, else the
outlet, speaking in its own voice (DESIGN.md, "Attribution over assertion").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.extract.support.common import alternation, innermost_statement, numbers_lexicon, token_at
from dateline.model import Claim, Span, Speaker
from dateline.registry import extractor

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dateline.model import Analysis, Article, Statement

NAME = "claims.rules"
VERSION = 1
# How many words may sit between a figure and its counted noun ("70 elderly citizens": one modifier).
MAX_MODIFIERS = 2
# How many words before a figure are searched for a hedge ("at least", "more than") or "the fate of".
HEDGE_WINDOW_WORDS = 3
FATE_WINDOW_WORDS = 3
# Four-digit figures after these words are years, not counts ("in 1994 people ...").
YEAR_LEADS = frozenset({"in", "since", "by", "until", "till", "during", "before", "after"})
# The speaker used when the outlet is unknown: the figure still needs a claimant, and this one says so.
UNKNOWN_OUTLET = "unknown outlet"

_WORD = re.compile(r"[A-Za-z][\w'-]*")


@lru_cache(maxsize=1)
def _unit_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Lower-cased (units, unit modifiers, words that block a count) of the lexicon."""
    lex = numbers_lexicon()
    return (
        frozenset(u.lower() for u in lex["units"]),
        frozenset(m.lower() for m in lex["unit_modifiers"]),
        frozenset(w.lower() for w in lex["not_count_after"]),
    )


@lru_cache(maxsize=1)
def _figure_pattern() -> re.Pattern[str]:
    """Figures: vague quantities, digits with an optional scale word, or number words."""
    lex = numbers_lexicon()
    scale = alternation(lex["scales"])
    word = alternation(lex["number_words"])
    vague = alternation(lex["vague"])
    return re.compile(
        rf"(?<![\w$£€.,-])(?:"
        rf"(?P<vague>{vague})\s+of"
        rf"|(?P<digits>\d{{1,3}}(?:,\d{{3}})+|\d+)(?P<decimal>\.\d+)?(?:\s+(?P<dscale>{scale}))?"
        rf"|(?P<words>(?:{word})(?:[\s-]+(?:and\s+)?(?:{word}))*)"
        rf")(?![\w%-])",
        re.IGNORECASE,
    )


@dataclass
class Figure:
    """A figure and the noun it counts, before it becomes a Claim."""

    start: int
    end: int
    value: float
    value_max: float | None
    approx: bool
    unit: str
    unit_predicate: str | None = None
    parent: int | None = None
    predicate: str | None = None
    predicate_span: tuple[int, int] | None = None
    members: list[int] = field(default_factory=list)


def _word_value(text: str) -> float | None:
    """ "eight" -> 8, "twenty-five" -> 25, "two hundred" -> 200, "three thousand five hundred" -> 3500."""
    words = numbers_lexicon()["number_words"]
    total, current = 0, 0
    for part in re.split(r"[\s-]+", text.lower()):
        if part == "and":
            continue
        value = int(words[part])
        if value >= 1000:
            total += max(current, 1) * value
            current = 0
        elif value == 100:
            current = max(current, 1) * value
        else:
            current += value
    result = total + current
    return float(result) if result else None


def _value(match: re.Match[str]) -> tuple[float, float | None, bool] | None:
    """(value, value_max, approx) of a figure match."""
    lex = numbers_lexicon()
    if match["vague"]:
        low, high = lex["vague"][match["vague"].lower()]
        return float(low), float(high), True
    if match["digits"]:
        value = float(match["digits"].replace(",", "") + (match["decimal"] or ""))
        if match["dscale"]:
            value *= int(lex["scales"][match["dscale"].lower()])
        return value, None, False
    return (v, None, False) if (v := _word_value(match["words"])) is not None else None


def _unit_after(text: str, end: int, doc: Doc | None) -> tuple[int, str] | None:
    """The counted noun right after a figure: (end offset, unit as written), or None."""
    units, modifiers, blocked = _unit_words()
    position = end
    first: int | None = None
    for _ in range(MAX_MODIFIERS + 1):
        word = _WORD.match(text, position + 1) if text[position : position + 1] == " " else None
        if word is None:
            return None
        lower = word.group(0).lower()
        if lower in blocked:
            return None
        first = word.start() if first is None else first
        if (lower in units or _is_plural_noun(doc, word.start())) and not (
            lower in modifiers and _unit_after(text, word.end(), doc) is not None
        ):
            return word.end(), text[first : word.end()]
        if lower not in modifiers and not _is_adjective(doc, word.start()):
            return None
        position = word.end()
    return None


def _is_plural_noun(doc: Doc | None, char: int) -> bool:
    token = token_at(doc, char)
    return token is not None and token.tag_ in {"NNS", "NNPS"}


def _is_adjective(doc: Doc | None, char: int) -> bool:
    token = token_at(doc, char)
    return token is not None and token.pos_ == "ADJ"


@lru_cache(maxsize=1)
def _hedge_pattern() -> re.Pattern[str]:
    """A hedge ending the words before a figure ("about", "more than")."""
    return re.compile(rf"(?:^|\s)(?:{alternation(numbers_lexicon()['hedges'])})$")


def _hedged(text: str, start: int) -> bool:
    before = " ".join(w.lower() for w in _WORD.findall(text[max(0, start - 60) : start])[-HEDGE_WINDOW_WORDS:])
    return _hedge_pattern().search(before) is not None


def find_figures(text: str, doc: Doc | None = None) -> list[Figure]:
    """Every counted figure in ``text``, in text order (no breakdowns or predicates yet)."""
    figures: list[Figure] = []
    predicates = numbers_lexicon()["predicates"]
    for match in _figure_pattern().finditer(text):
        parsed = _value(match)
        if parsed is None:
            continue
        if (
            match["digits"]
            and len(match["digits"]) == 4
            and not match["dscale"]
            and _after_year_lead(text, match.start())
        ):
            continue
        unit = _unit_after(text, match.end(), doc)
        if unit is None:
            continue
        value, value_max, approx = parsed
        unit_end, unit_text = unit
        head = unit_text.split()[-1].lower()
        # "30 hostages" counts hostages; "20 dead", "30 wounded" count people, and the word is the predicate.
        unit_predicate = predicates.get(head)
        adjectival = head in _unit_words()[1]
        figures.append(
            Figure(
                match.start(),
                unit_end,
                value,
                value_max,
                approx or _hedged(text, match.start()),
                "people" if adjectival else unit_text,
                unit_predicate,
            )
        )
    return figures


def _after_year_lead(text: str, start: int) -> bool:
    before = _WORD.findall(text[max(0, start - 20) : start])
    return bool(before) and before[-1].lower() in YEAR_LEADS


def _sentence_bounds(text: str, doc: Doc | None) -> list[tuple[int, int]]:
    if doc is not None:
        return [(s.start_char, s.end_char) for s in doc.sents]
    bounds, start = [], 0
    for match in re.finditer(r"[.!?](?:\s+|$)|\n\s*\n", text):
        bounds.append((start, match.end()))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


@lru_cache(maxsize=1)
def _breakdown_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """What stands between a whole and its first part, between parts, and before a whole ("out of")."""
    lex = numbers_lexicon()
    return (
        re.compile(rf"\s*,?\s*(?:{alternation(lex['breakdown_cues'])})\s*$", re.IGNORECASE),
        re.compile(r"\s*(?:,|and|,\s*and|as well as)\s*$", re.IGNORECASE),
        re.compile(rf"\s*,?\s*(?:{alternation(lex['whole_cues'])})\s*$", re.IGNORECASE),
    )


@lru_cache(maxsize=1)
def _predicate_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(numbers_lexicon()['predicates'])})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _fate() -> tuple[str, re.Pattern[str]]:
    """The fate word before a figure, and a pattern for the one after it ("fate ... unknown")."""
    before, after = (w.lower() for w in numbers_lexicon()["fate_words"])
    return before, re.compile(rf"\b{re.escape(after)}\b", re.IGNORECASE)


def _link(text: str, figures: list[Figure]) -> None:
    """Breakdowns within a sentence: "613 people, including 63 children, 106 women" and "... out of 1275"."""
    opens, continues, whole = _breakdown_patterns()
    head: int | None = None
    for index in range(1, len(figures)):
        between = text[figures[index - 1].end : figures[index].start]
        if opens.match(between):
            head = index - 1
            figures[index].parent = head
            figures[head].members.append(index)
        elif head is not None and figures[index - 1].parent == head and continues.match(between):
            figures[index].parent = head
            figures[head].members.append(index)
        elif head is not None and figures[index - 1].parent == head and whole.match(between):
            figures[head].parent = index
            figures[index].members.append(head)
            head = None
        else:
            head = None


def _predicates(text: str, figures: list[Figure], limit: int) -> None:
    """The predicate of each top-level figure: "fate ... unknown", else the first lexicon phrase after it."""
    lex = numbers_lexicon()
    phrases = _predicate_pattern()
    fate_before, fate_after = _fate()
    for index, figure in enumerate(figures):
        if figure.unit_predicate:
            figure.predicate = figure.unit_predicate
            continue
        last = _last_member_end(figures, index)
        following = [f.start for f in figures[index + 1 :] if f.start >= last and f.parent != index]
        stop = min(following, default=limit)
        before = [w.lower() for w in _WORD.findall(text[max(0, figure.start - 40) : figure.start])][-FATE_WINDOW_WORDS:]
        after_words = fate_after.search(text[last:limit])
        if fate_before in before and after_words:
            figure.predicate = str(lex["fate_predicate"])
            figure.predicate_span = (last + after_words.start(), last + after_words.end())
            continue
        found = phrases.search(text, last, stop)
        if found:
            figure.predicate = str(lex["predicates"][found.group(0).lower()])
            figure.predicate_span = (found.start(), found.end())


def _last_member_end(figures: list[Figure], index: int) -> int:
    members = [m for m in figures[index].members if figures[m].parent == index and m > index]
    return max((figures[m].end for m in members), default=figures[index].end)


def _inherit(figures: list[Figure]) -> None:
    """Parts share their whole's predicate unless they have their own ("63 children" of "613 ... murdered")."""
    for index, figure in enumerate(figures):
        if figure.parent is not None and figures[figure.parent].parent != index:
            parent = figures[figure.parent]
            if figure.predicate is None or figure.predicate_span == parent.predicate_span:
                figure.predicate = parent.predicate
                figure.predicate_span = parent.predicate_span


def claimant_of(article: Article, statements: Iterable[Statement], start: int, end: int) -> tuple[Speaker, str | None]:
    """The speaker of the innermost statement whose content holds ``[start, end)``, else the outlet."""
    inner = innermost_statement(statements, start, end)
    if inner is not None:
        return inner.speaker, inner.id
    outlet = article.outlet or UNKNOWN_OUTLET
    return Speaker(text=outlet, entity=article.outlet, span=article.outlet_span), None


def _order(figures: list[Figure]) -> list[int]:
    """Indices with every whole before its parts, so a part can name its whole's claim id."""
    done: list[int] = []

    def visit(index: int, depth: int) -> None:
        parent = figures[index].parent
        if parent is not None and parent not in done and depth < len(figures):
            visit(parent, depth + 1)
        if index not in done:
            done.append(index)

    for index in range(len(figures)):
        visit(index, 0)
    return done


def _claims(article: Article, doc: Doc | None, statements: Iterable[Statement]) -> Iterator[Claim]:
    text = article.text
    statements = tuple(statements)
    every = find_figures(text, doc)
    for start, end in _sentence_bounds(text, doc):
        # A byline or credit line is metadata, not a figure the report states.
        figures = [f for f in every if start <= f.start < end and not article.in_credits(f.start)]
        if not figures:
            continue
        _link(text, figures)
        _predicates(text, figures, end)
        _inherit(figures)
        ids: dict[int, str] = {}
        for index in _order(figures):
            figure = figures[index]
            speaker, statement_id = claimant_of(article, statements, figure.start, figure.end)
            spans = [Span.of(text, figure.start, figure.end)]
            if figure.predicate_span and figure.predicate_span[0] >= figure.end:
                spans.append(Span.of(text, *figure.predicate_span))
            claim = Claim(
                article_id=article.id,
                spans=tuple(spans),
                value=figure.value,
                value_max=figure.value_max,
                approx=figure.approx,
                unit=figure.unit,
                predicate=figure.predicate or "other",
                part_of=ids.get(figure.parent) if figure.parent is not None else None,
                claimant=speaker,
                statement_id=statement_id,
                text=text[figure.start : max(s.end for s in spans)],
            )
            ids[index] = claim.id
            yield claim


@extractor(NAME, version=VERSION, requires=("statement", "entity"), assigns=("claim",))
def extract_claims(article: Article, doc: Doc, *, prior: Analysis) -> Iterable[Claim]:
    """Numeric claims of ``article``, attributed to the speaker whose statement holds them, else the outlet."""
    return list(_claims(article, doc, prior.statements))
