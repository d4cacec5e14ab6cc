"""Byline and credit lines are metadata: no statement or claim is read from them."""

from __future__ import annotations

from dateline.ingest import article_from_text
from dateline.model import Analysis
from dateline.pipeline import Pipeline

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
