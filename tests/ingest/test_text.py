"""Cleaning scraped-page debris and reading metadata from the text, checked against the gold ``meta``."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dateline.ingest import article_from_text
from dateline.ingest.debris import read_debris_line
from dateline.ingest.text import clean_text, split_headline
from tests.conftest import GOLD, SAMPLES
from tests.ingest.inputs import BBC


def _gold_meta(sample: Path) -> dict[str, object]:
    gold = yaml.safe_load((GOLD / f"{sample.stem}.gold.yaml").read_text(encoding="utf-8"))
    return dict(gold["meta"])


def _iso(value: object) -> str | None:
    """YAML loads unquoted dates as date/datetime objects: compare their ISO form (GOLD-FORMAT.md)."""
    if value is None:
        return None
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return text[:16] if "T" in text else text


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_sample_meta_matches_gold(sample: Path) -> None:
    raw = sample.read_text(encoding="utf-8")
    meta = _gold_meta(sample)
    article = article_from_text(raw, source_path=str(sample))

    assert article.published == _iso(meta["published"])
    assert article.updated is bool(meta.get("updated", False))
    assert article.outlet == meta["outlet"]
    assert article.source == meta["source"]
    assert article.title == meta["title"]
    gold_dateline = meta["dateline"]
    if gold_dateline is None:
        assert article.dateline is None
    else:
        assert isinstance(gold_dateline, dict)
        assert article.dateline is not None
        assert article.dateline.place == gold_dateline["place"]
        assert article.dateline.country == gold_dateline["country"]
        assert article.dateline.date == _iso(gold_dateline["date"])
    # Spans point into the cleaned text and name what they support.
    assert article.source_span is not None and article.source_span.text == meta["source"]
    assert article.outlet_span is not None and article.outlet_span.text == meta["outlet"]


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_sample_debris_is_removed(sample: Path) -> None:
    raw = sample.read_text(encoding="utf-8")
    first_line = raw.lstrip("\ufeff").split("\n", 1)[0]
    article = article_from_text(raw, source_path=str(sample))
    assert first_line.strip() not in article.text
    assert "px" not in article.text.split("\n", 1)[0]
    assert not article.text.startswith((" ", "\n"))
    # Everything else survives: every non-debris line of the raw text is in the cleaned text.
    for line in raw.split("\n")[1:]:
        assert " ".join(line.split()) in article.text


@pytest.mark.parametrize(
    ("line", "published", "updated"),
    [
        ("Posted on March 3, 2021 at 3:05 pm | Share | Tweet", "2021-03-03T15:05", False),
        ("Last updated: 4 March 2021", None, True),
        ("A+ A- | Print | Email", None, False),
        ("5 min read · 1,204 views", None, False),
        ("Copyright © 2019 The Daily Example, LLC. Click here for reprint permission.", None, False),
        ("© 2020 Example News Network. All rights reserved.", None, False),
        ("Sign up for Daily Newsletters Manage Newsletters", None, False),
    ],
)
def test_general_debris_lines(line: str, published: str | None, updated: bool) -> None:
    meta = read_debris_line(line)
    assert meta is not None
    assert meta.published == published
    assert meta.updated is updated


def test_sentences_that_mention_debris_words_stay() -> None:
    # Real prose lines from a sample (the last paragraph of each) are never debris, whatever words they use.
    for sample in sorted(SAMPLES.glob("*.txt")):
        paragraphs = [p for p in sample.read_text(encoding="utf-8").split("\n") if len(p.split()) > 3]
        for paragraph in paragraphs[1:]:
            assert read_debris_line(paragraph) is None
    assert read_debris_line("The minister said he would share the updated figures.") is None
    assert read_debris_line("Copyright 2019 lawsuits were filed against the company.") is None
    assert read_debris_line("He signed up for the newsletter in 2019.") is None


def test_bbc_first_line_is_the_headline() -> None:
    files = sorted((BBC / "politics").glob("*.txt"))[:20]
    for path in files:
        raw = path.read_text(encoding="utf-8", errors="replace")
        headline = raw.split("\n", 1)[0].strip()
        article = article_from_text(raw, source_path=str(path))
        assert article.title == headline
        assert not article.text.startswith(headline)


def test_a_lead_sentence_is_not_a_headline() -> None:
    for sample in sorted(SAMPLES.glob("*.txt")):
        cleaned = clean_text(sample.read_text(encoding="utf-8"))
        assert split_headline(cleaned.text)[0] is None


def test_cleaning_is_deterministic_and_idempotent() -> None:
    for sample in sorted(SAMPLES.glob("*.txt")):
        raw = sample.read_text(encoding="utf-8")
        once = clean_text(raw).text
        assert clean_text(raw).text == once
        assert clean_text(once).text == once
        assert article_from_text(raw, source_path="a").id == article_from_text(raw, source_path="b").id


def test_hover_cards_scraped_after_a_name_are_dropped() -> None:
    # A The Hill report on AllSides (outside gold/dev): each senator's hover card (full name glued to its
    # headlines, up to "MORE") stood between the name and the party-state tag.
    import json

    from tests.conftest import CORPUS

    path = CORPUS / "allsides-article-bias" / "jsons" / "ifeFQHqb6EiRFZxk.json"
    text = clean_text(json.loads(path.read_text(encoding="utf-8"))["content"]).text
    assert " MORE" not in text
    assert "Sen. Kamala Harris ( D-Calif. )" in text and "Sen. Bernie Sanders ’ s" in text
