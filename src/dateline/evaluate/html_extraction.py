"""HTML extraction benchmarks: article body (Zyte/ScrapingHub AEB) and publication date (htmldate set).

Each adapter scores dateline's own HTML ingest (``dateline.ingest``: trafilatura with metadata, then debris
cleaning and title removal) side by side with the library called directly with default settings, so a
regression in our wrapping shows up against the baseline. Data: ../shared/eval-data/article-extraction
(see its SOURCE.md).
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from dateline.config import IngestConfig
from dateline.errors import Errors, EvalError
from dateline.evaluate import adapter
from dateline.evaluate.text import rates
from dateline.ingest.formats import article_from_html
from dateline.model import Article

# A page counts as extracted (near-)exactly when its body F1 reaches this; the AEB README reports
# "accuracy" as the share of such pages.
EXACT_F1 = 0.9
_TOKEN = re.compile(r"\w+", re.UNICODE)


def _tokens(text: str) -> Counter[str]:
    return Counter(t.casefold() for t in _TOKEN.findall(text))


def token_prf(predicted: str, gold: str) -> tuple[float, float, float]:
    """Bag-of-words precision, recall and F1 of ``predicted`` against ``gold`` (the AEB benchmark's measure)."""
    pred, true = _tokens(predicted), _tokens(gold)
    return rates(sum((pred & true).values()), pred.total(), true.total())


def _read(path: Path) -> str:
    return gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")


def _ours(html: str, name: str) -> Article | None:
    result = article_from_html(html, source_path=name, config=IngestConfig())
    return result if isinstance(result, Article) else None


def _body_scores(outputs: list[tuple[str | None, str]]) -> dict[str, Any]:
    """Document-averaged P/R/F1 (as the AEB benchmark averages), plus near-exact accuracy."""
    scored = [token_prf(pred or "", gold) for pred, gold in outputs]
    n = len(scored) or 1
    return {
        "precision": sum(s[0] for s in scored) / n,
        "recall": sum(s[1] for s in scored) / n,
        "f1": sum(s[2] for s in scored) / n,
        "gold": len(outputs),
        "predicted": sum(1 for pred, _ in outputs if pred),
        "matched": sum(1 for s in scored if s[2] >= EXACT_F1),
        "accuracy": sum(1 for s in scored if s[2] >= EXACT_F1) / n,
    }


@adapter("aeb")
def aeb(path: Path, *, inputs: Path | None = None, split: str = "dev", limit: int | None = None) -> dict[str, Any]:
    """Body extraction on scrapinghub_aeb: dateline's ingest vs ``trafilatura.extract`` with defaults."""
    import trafilatura

    truth_file = path / "ground-truth.json"
    if not truth_file.is_file():
        raise EvalError(Errors.E410, path=path)
    truth: dict[str, dict[str, str]] = json.loads(truth_file.read_text(encoding="utf-8"))
    keys = sorted(k for k in truth if (path / "html" / f"{k}.html.gz").is_file())[:limit]
    ours: list[tuple[str | None, str]] = []
    baseline: list[tuple[str | None, str]] = []
    for key in keys:
        html = _read(path / "html" / f"{key}.html.gz")
        gold = truth[key]["articleBody"]
        article = _ours(html, key)
        ours.append((article.text if article else None, gold))
        baseline.append((trafilatura.extract(html), gold))
    return {"body": _body_scores(ours), "body_trafilatura": _body_scores(baseline), "articles": len(keys)}


def _date_scores(outputs: list[tuple[str | None, str]]) -> dict[str, Any]:
    """Exact-day accuracy over all pages, coverage (pages with an answer), precision over answered pages."""
    n = len(outputs) or 1
    answered = [(pred, gold) for pred, gold in outputs if pred]
    correct = sum(1 for pred, gold in answered if pred[:10] == gold)
    precision, recall, f1 = rates(correct, len(answered), n)
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "gold": len(outputs),
        "predicted": len(answered),
        "matched": correct,
        "accuracy": recall,
        "coverage": len(answered) / n,
    }


@adapter("htmldate")
def htmldate_eval(
    path: Path, *, inputs: Path | None = None, split: str = "dev", limit: int | None = None
) -> dict[str, Any]:
    """Publication dates on htmldate_mediacloud2020: dateline's ingest vs ``htmldate.find_date`` with defaults."""
    from htmldate import find_date

    gold_file = path / "eval_mediacloud_2020.json"
    if not gold_file.is_file():
        raise EvalError(Errors.E411, path=path)
    gold: dict[str, dict[str, str]] = json.loads(gold_file.read_text(encoding="utf-8"))
    items = sorted(gold.items())[:limit]
    ours: list[tuple[str | None, str]] = []
    baseline: list[tuple[str | None, str]] = []
    for url, entry in items:
        page = path / "html" / f"{entry['file']}.gz"
        if not page.is_file():
            raise EvalError(Errors.E412, page=page, url=url)
        html = _read(page)
        article = _ours(html, url)
        ours.append((article.published if article else None, entry["date"]))
        baseline.append((find_date(html), entry["date"]))
    return {"date": _date_scores(ours), "date_htmldate": _date_scores(baseline), "articles": len(items)}
