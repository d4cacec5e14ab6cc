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


@pytest.mark.parametrize(
    "line",
    [
        "JUST WATCHED Who is Boris Johnson? Replay More Videos ... MUST WATCH Who is Boris Johnson? 02:30",
        "Enlarge this image toggle caption Alex Brandon/AP Alex Brandon/AP",
        "toggle caption Charles Dharapak/AP",
        # Initials are no sentence's end, and a credit written twice may run past 100 characters (NPR).
        "Enlarge this image toggle caption J. Scott Applewhite/AP J. Scott Applewhite/AP",
        "toggle caption Staff Sgt. Andy M. Kin /U.S. Air Force",
        "Enlarge this image toggle caption Chris Seward/Raleigh News & Observer/TNS via Getty Images"
        " Chris Seward/Raleigh News & Observer/TNS via Getty Images",
        "Media playback is unsupported on your device Media caption Why did Black Alabamians vote for Doug Jones?",
        "Image copyright Getty Images Image caption Roy Moore claims there was voter fraud and has refused to concede",
        "More:Lewinsky: Affair with Clinton was 'consensual'",
        "( Also on POLITICO: Obama picks Rice for NSA)",
        "( PHOTOS: Senators up for election in 2014)",
        "SEE ALSO: 2020 Democrats embrace Trump impeachment",
        "'They call me Mayor Pete': Buttigieg launches 2020 presidential run Read more",
        "READ MORE:",
        "CLICK HERE TO GET THE FOX NEWS APP",
        "Advertisement Continue reading the main story",
        "Story Continued Below",
        "Slideshow (11 Images)",
        "Read or Share this story: https://usat.ly/2D2nksH",
        "LISTEN TO ARTICLE 1:55 SHARE THIS ARTICLE Share Tweet Post Email",
        "Newsletter Sign-up",
        "AD",
    ],
)
def test_outlet_widget_lines_are_debris(line: str) -> None:
    # Session 34: the frames of outlets' video, photo and related-story widgets, each taken from AllSides reports
    # outside gold/dev (data/page_debris.yaml gives the counts by outlet).
    assert read_debris_line(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        # A label that opens a paragraph: the sentence after the headline keeps the line (ABC, AllSides).
        "PHOTO: OBAMAS AT HISTORIC BLACK CHURCH. Without announcing their stop to the press ahead of time, the Obamas",
        "More: Keep DACA and the Dreamers. They'll make America even greater.",
        # A parenthesised editor's note or update is no link (its label is none of the link kinds).
        "(Editor's note: This section was corrected to clarify the court's decision on the individual mandate.)",
        "(Most recent update: 2 p.m. ET)",
        # A video blurb whose second title differs is not the widget's fixed form.
        "JUST WATCHED Obama speaks Replay More Videos ... MUST WATCH Obama speaks on Syria 02:30",
        "Read more about the plan, which the governor announced on Monday.",
        "Ad hoc committees met on Tuesday.",
        # An embedded tweet's last line: its signature says who posted the tweet above it (statements read it).
        "Read more: https://t.co/5xHlNEAzsN pic.twitter.com/MoS58QmGZR — Senate Judiciary (@senjudiciary) August 1,"
        " 2019",
        # A caption's one credit with a sentence after it is no bare credit.
        "toggle caption The president spoke. He left at noon.",
    ],
)
def test_lines_that_only_resemble_widgets_stay(line: str) -> None:
    assert read_debris_line(line) is None


@pytest.mark.parametrize(
    ("name", "furniture"),
    [
        ("79Gh0CXA71VwMtmL.json", "JUST WATCHED"),  # CNN: four video blurbs
        ("Cigl6XeSiJ3St8YB.json", "toggle caption"),  # NPR: three photo widgets
        ("iAG2qNiXKQwl1FqH.json", "Image caption"),  # BBC: image and media captions
        ("4EER3bcXMMMUAihC.json", "Story Continued Below"),  # Politico: link lines and the "continued" note
        ("6yZDBDVcrh7SfV6i.json", "Read or Share this story"),  # USA Today: share link, related stories
    ],
)
def test_allsides_widget_lines_go_and_every_other_line_stays(name: str, furniture: str) -> None:
    import json

    from tests.conftest import CORPUS

    path = CORPUS / "allsides-article-bias" / "jsons" / name
    raw = json.loads(path.read_text(encoding="utf-8"))["content_original"]
    text = clean_text(raw).text
    assert furniture in raw and furniture not in text
    # Nothing else is lost: every line that is not debris is in the cleaned text as it was (white space aside).
    kept = [" ".join(line.split()) for line in raw.split("\n") if line.strip() and read_debris_line(line) is None]
    assert kept and all(line in text for line in kept)
