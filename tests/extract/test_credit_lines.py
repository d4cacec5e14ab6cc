"""Byline and credit lines are metadata: no statement or claim is read from them."""

from __future__ import annotations

import re

import pytest

from dateline.ingest import article_from_text, iter_documents
from dateline.model import Analysis, Article
from dateline.pipeline import Pipeline
from tests.conftest import require_shared
from tests.ingest.inputs import ALLSIDES

TEXT = (
    "By Jane Doe, Associated Press\n\n"
    "MOSCOW — The minister said 12 people were killed in the blast.\n\n"
    "Photographer: Al Drago/Getty Images says 40 photos\n\n"
    "Credit: Reuters said 3 people were hurt\n\n"
    "The Associated Press contributed to this report."
)


def _analysis(text: str) -> Analysis:
    article = article_from_text(text, source_path="credits.txt", outlet="Daily Example", detect_headline=False)
    result = next(Pipeline().run([article]))
    assert isinstance(result, Analysis)
    return result


def test_no_statement_or_claim_inside_credit_lines() -> None:
    analysis = _analysis(TEXT)
    article = analysis.article
    assert len(article.credit_spans) == 4
    assert analysis.statements and all(not article.in_credits(s.start) for s in analysis.statements)
    claims = analysis.of_kind("claim")
    assert [c.value for c in claims] == [12]  # type: ignore[attr-defined]


def test_the_same_lines_as_report_text_do_give_statements() -> None:
    # Without the "Credit:" label the line is a sentence of the report, and its claim is read.
    analysis = _analysis(TEXT.replace("Credit: Reuters said", "Reuters said"))
    assert 3 in [c.value for c in analysis.of_kind("claim")]  # type: ignore[attr-defined]


# AllSides reports with caption lines: "Cover : The Facebook logo ... Photo by : NAME/AGENCY" and the wire
# style "FILE - In this April 27, 2020, file photo, ...".
CAPTIONED = ("KZVbG1GNoyThRl4W.json", "p0AYlWPHz2rfrjEM.json", "1K5DF1qT9wbJt0c3.json", "3FC0g10Lz5jGCgMv.json")


@pytest.mark.parametrize("name", CAPTIONED)
def test_caption_lines_give_no_statement(name: str) -> None:
    path = ALLSIDES / name
    require_shared(path)
    article = next(iter_documents([str(path)]))
    assert isinstance(article, Article)
    captions = [m.start() for m in re.finditer(r"^(?:Cover ?:|Pictured ?:|FILE - |File - )", article.text, re.M)]
    assert captions and all(article.in_credits(at) for at in captions)
    result = next(Pipeline().run([article]))
    assert isinstance(result, Analysis)
    assert all(not article.in_credits(s.start) for s in result.statements)
    assert not [s for s in result.statements if "photo" in s.speaker.name.casefold()]


def _speakers(text: str) -> list[tuple[str, str]]:
    return sorted((s.speaker.text, s.cue) for s in _analysis(text).statements)


def test_a_photo_credit_under_a_caption_is_no_speaker() -> None:
    # A caption quoting a banner over "NAME, AGENCY" names the photographer, not whose words the banner holds.
    text = (
        "The mayor closed the bridge on Monday.\n\n"
        "Farmers carry a banner reading “Save the valley dam before the spring floods come.”\n\n"
        "Maria Olsen, Associated Press\n\n"
        "The council meets again next week.\n"
    )
    assert not any(speaker == "Maria Olsen" for speaker, _ in _speakers(text))


def test_a_quotation_after_a_roundups_last_credit_keeps_its_credits() -> None:
    # The roundup's credit lines stand under their quotations; the article goes on with a quotation under the
    # last one. The first credit line decides whether the lines head what follows them: it has a quoted
    # block above it, so each credits its block.
    text = (
        "From the Left\n\n"
        "Some note that “the dam was built for half the money it needed, and its gates are rusted shut.”\n\n"
        "Ruth Alden, Valley Herald\n\n"
        "“Nobody on the county council has read the engineers' report about the dam.”\n\n"
        "Tom Reyes, River Times\n\n"
        "“We will rebuild the gates this summer,” the county engineer told reporters.\n"
    )
    speakers = _speakers(text)
    assert [speaker for speaker, _ in speakers if speaker in {"Ruth Alden", "Tom Reyes"}] == ["Ruth Alden", "Tom Reyes"]
    assert ("the county engineer", "told") in speakers
