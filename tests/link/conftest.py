"""Sample articles with records built from their gold annotation (an oracle per-article extraction), so the
corpus-level linkers are tested on real text independently of the per-article extractors."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from dateline.ingest import iter_documents
from dateline.model import Analysis, Article, Claim, Entity, Record, Role, Span, Speaker, Statement, TimeExpr

EXTRACTOR = "gold.v1"


def _iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)


def _find(text: str, needle: str) -> Span | None:
    at = text.find(needle)
    if at < 0:
        at = text.find(needle.replace("'", "’"))
    return Span.of(text, at, at + len(needle)) if at >= 0 else None


def _entities(text: str, article_id: str, gold: list[dict[str, Any]]) -> list[Record]:
    out: list[Record] = []
    for item in gold:
        names = [item["name"], *item.get("aliases", [])]
        spans = tuple(s for n in names if (s := _find(text, n)) is not None)
        if not spans:
            continue
        found = [n for n in item.get("aliases", []) if _find(text, n)]
        roles = tuple(Role(r["title"], r.get("of"), r.get("to")) for r in item.get("roles", []))
        out.append(
            Entity(
                article_id=article_id,
                spans=spans[:1],
                extractor=EXTRACTOR,
                name=item["name"],
                type=item["type"],
                aliases=tuple(found),
                roles=roles,
            )
        )
    return out


def _statements(text: str, article_id: str, gold: list[dict[str, Any]]) -> list[Record]:
    out: list[Record] = []
    for item in gold:
        span = _find(text, item["content"])
        if span is None or not isinstance(item["speaker"], str):
            continue
        out.append(
            Statement(
                article_id=article_id,
                spans=(span,),
                extractor=EXTRACTOR,
                cue=item["cue"],
                content=item["content"],
                speaker=Speaker(item["speaker"], entity=item["speaker"]),
            )
        )
    return out


def _times(text: str, article_id: str, gold: list[dict[str, Any]]) -> list[Record]:
    out: list[Record] = []
    for item in gold:
        span = _find(text, str(item["text"]))
        if span is None:
            continue
        anniversary = item.get("anniversary_of")
        out.append(
            TimeExpr(
                article_id=article_id,
                spans=(span,),
                extractor=EXTRACTOR,
                text=span.text,
                value=_iso(item["value"]),
                anniversary_of=str(anniversary) if anniversary else None,
            )
        )
    return out


def _claims(text: str, article_id: str, gold: list[dict[str, Any]]) -> list[Record]:
    out: list[Record] = []
    for item in gold:
        span = _find(text, str(item.get("text", item["value"])).split(" ...")[0]) or _find(text, str(item["value"]))
        if span is None:
            continue
        out.append(
            Claim(
                article_id=article_id,
                spans=(span,),
                extractor=EXTRACTOR,
                value=float(item["value"]),
                unit=item["unit"],
                predicate=item["predicate"],
                claimant=Speaker(item["claimant"]),
            )
        )
    return out


def gold_analysis(path: Path, gold_dir: Path) -> Analysis:
    """The sample article (ingested as dateline does) with records made from its gold file."""
    (article,) = [a for a in iter_documents([str(path)]) if isinstance(a, Article)]
    gold = yaml.safe_load((gold_dir / f"{path.stem}.gold.yaml").read_text(encoding="utf-8"))
    article = dataclasses.replace(article, published=_iso(gold["meta"]["published"]), outlet=gold["meta"]["outlet"])
    text, ident = article.text, article.id
    records = (
        _entities(text, ident, gold.get("entities", []))
        + _statements(text, ident, gold.get("statements", []))
        + _times(text, ident, gold.get("times", []))
        + _claims(text, ident, gold.get("claims", []))
    )
    return Analysis(article, tuple(records))


@pytest.fixture(scope="session")
def gold_analyses(shared: Path) -> list[Analysis]:
    return [gold_analysis(p, shared / "gold") for p in sorted((shared / "samples").glob("*.txt"))]
