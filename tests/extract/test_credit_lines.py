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
