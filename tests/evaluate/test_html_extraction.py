"""The AEB (body) and htmldate (date) adapters on a few pages of ../shared/eval-data."""

from __future__ import annotations

from dateline.evaluate import evaluate
from dateline.evaluate.html_extraction import token_prf
from tests.conftest import EVAL_DATA

ARTICLE_EXTRACTION = EVAL_DATA / "article-extraction"


def test_token_prf() -> None:
    assert token_prf("a b c", "a b c") == (1.0, 1.0, 1.0)
    p, r, f = token_prf("a b x y", "a b")
    assert (p, r) == (0.5, 1.0) and abs(f - 2 / 3) < 1e-9
    assert token_prf("", "a") == (0.0, 0.0, 0.0)


def test_aeb_adapter_scores_ours_and_trafilatura() -> None:
    report = evaluate(ARTICLE_EXTRACTION / "scrapinghub_aeb", fmt="aeb", limit=5)
    assert report["articles"] == 5
    for kind in ("body", "body_trafilatura"):
        assert report[kind]["gold"] == 5
        assert 0.7 < report[kind]["f1"] <= 1.0


def test_htmldate_adapter_scores_ours_and_htmldate() -> None:
    report = evaluate(ARTICLE_EXTRACTION / "htmldate_mediacloud2020", fmt="htmldate", limit=10)
    for kind in ("date", "date_htmldate"):
        scores = report[kind]
        assert scores["gold"] == 10 and scores["matched"] <= scores["predicted"] <= 10
        assert scores["accuracy"] >= 0.5
