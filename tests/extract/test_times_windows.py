"""times.rules' windowed scans (``Rule.window``): the same matches as the plain ``pattern.finditer``.

A windowed rule is tried only at the word starts near before its anchor (a unit word, "ago"); these tests
hold it to the plain scan on text generated from each rule's own pattern and the words around its matches, and
on real reports.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.extract.times import Rule, patterns
from tests.conftest import CORPUS, require_shared

WINDOWED = [rule for rule in patterns().rules if rule.window is not None]

# Words and joins around the windowed rules' matches: numbers in figures and words, count phrases, units,
# directions, deictic and modifier words, and what breaks a match (commas, hyphens, digits, line breaks).
WORDS = [
    "the",
    "a",
    "an",
    "couple",
    "of",
    "two",
    "twenty-five",
    "hundred",
    "thousand",
    "3",
    "1.5",
    "10,000",
    "1/2",
    "and",
    "half",
    "or",
    "so",
    "year",
    "years",
    "days",
    "day",
    "week",
    "weekend",
    "month",
    "quarter",
    "decade",
    "centurys",
    "hours",
    "ago",
    "earlier",
    "later",
    "before",
    "after",
    "this",
    "last",
    "next",
    "past",
    "coming",
    "recent",
    "several",
    "few",
    "many",
    "some",
    "for",
    "in",
    "within",
    "over",
    "every",
    "each",
    "more",
    "extra",
    "early",
    "mid",
    "mid-",
    "end",
    "first",
    "summer",
    "fall",
    "Year",
    "AGO",
    "\u212aelvin",
    "\u017fome",
    "s",
    "May",
    "Sept",
    "Sept.",
    "June",
    "Jun",
    "March",
    "Marches",
    "5",
    "5th",
    "30",
    "1990",
    "2015",
    "12015",
    "1990s",
    "mid-1990",
    "$2015",
    "Monday",
    "FRIDAY",
    "sundays",
    "night",
    "morning",
    "this past",
    "coming",
    "%",
    "th",
]
JOINS = [" ", "  ", "-", "\n", "\t", ", ", ",", ".", "", " - ", "'", "\u00a0"]


def _plain(rule: Rule, text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in rule.pattern.finditer(text)]


def _windowed(rule: Rule, text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in rule.matches(text)]


def test_rules_with_windows() -> None:
    expected = {"ago", "duration", "vague_duration", "bare_units", "every", "deictic", "mdy", "my", "year", "weekday"}
    assert {rule.name for rule in WINDOWED} >= expected


@st.composite
def _neighbourhood(draw: st.DrawFn, rule: Rule) -> str:
    """Words, joins and the rule's own matches (from its pattern), strung together."""
    piece = st.one_of(st.sampled_from(WORDS), st.from_regex(rule.pattern, fullmatch=True))
    parts = draw(st.lists(st.tuples(piece, st.sampled_from(JOINS)), max_size=14))
    return "".join(word + join for word, join in parts)


@pytest.mark.parametrize("rule", WINDOWED, ids=lambda r: r.name)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_windowed_scan_is_the_plain_scan(rule: Rule, data: st.DataObject) -> None:
    text = data.draw(_neighbourhood(rule))
    assert _windowed(rule, text) == _plain(rule, text)


@pytest.mark.parametrize(
    "text",
    [
        "a couple of years ago, two hundred years earlier and 1.5 days later",
        "three years or so ago; the next two and a half weeks; in the past several months",
        "for years, every two weeks, each month, in mid-this year",
        "the end of next week, early last summer, the first half of this quarter",
        "10,000 years ago but 5 years\n\nago",
        "on the night of Monday, May 5, 2015, in mid-1990 and the year 1990; the end of June 2015",
        "last Friday morning, every Sunday, the late March 3 of that year, 12015 and 2015-16",
        # "[\s-]+" takes runs of white space between hyphens: the duration's window counts hyphens as gaps
        "for five - - - - - - - - - - - - - years and twenty-five-day spans",
        "the\x85this past\x85a\x85couple\x85of\x85and\x85a\x85half\x85-\x85more\x85century ",
    ],
)
def test_windowed_scan_on_sentences(text: str) -> None:
    for rule in WINDOWED:
        assert _windowed(rule, text) == _plain(rule, text), rule.name
    assert any(_windowed(rule, text) for rule in WINDOWED)


def test_windowed_scan_on_reports() -> None:
    folder = require_shared(CORPUS / "allsides-article-bias" / "jsons", at_least=1, pattern="*.json")
    for path in sorted(folder.glob("*.json"))[:150]:
        report = json.loads(path.read_text(encoding="utf-8"))
        text = "\n\n".join(str(report.get(key) or "") for key in ("title", "text", "content"))
        for rule in WINDOWED:
            assert _windowed(rule, text) == _plain(rule, text), (path.name, rule.name)


def _anchor_places(rule: Rule, text: str) -> tuple[list[int], list[int]]:
    """The places ``rule``'s anchor finds, and every place it could mark (a zero-width scan)."""
    assert rule.window is not None
    anchor = rule.window.anchor
    every = [m.start("at") for m in re.finditer(rf"(?=(?:{anchor.pattern}))", text, anchor.flags)]
    return [m.start("at") for m in anchor.finditer(text)], every


def test_anchor_hits_do_not_hide_one_another() -> None:
    """Every place an anchor could mark is found by its plain scan: its hits never overlap another's place."""
    text = "years-years  days ago ago\nlater-week weekend weekends, the fall -quarter MayJune SeptSep FridayMonday"
    for rule in WINDOWED:
        if rule.name != "year":
            found, every = _anchor_places(rule, text)
            assert found == every, rule.name


def test_year_anchor_finds_every_run_of_digits() -> None:
    """The year's anchor finds each run of digits that opens with 1 or 2 (a year follows no digit); it may find
    more ("312015": the "1"), which costs a try and changes nothing."""
    text = "312015 2015-16 1990s 99 21 $1990 mid-1990 x12"
    (year,) = [rule for rule in WINDOWED if rule.name == "year"]
    found, every = _anchor_places(year, text)
    opening = [p for p in every if p == 0 or not text[p - 1].isdigit()]
    assert opening == [7, 12, 15, 24, 28, 37, 43]
    assert set(opening) <= set(found)
