"""Stories: articles that report the same occurrence, grouped by time, entities, places and text.

An article joins the story of its most similar stored article when the similarity reaches ``THRESHOLD``;
candidates come from shared blocking keys (canonical entities, top keywords), never from all stored articles.
Two reports are never one story when their dates are more than ``WINDOW_DAYS`` apart, or when they report
different occurrences of the same recurring event (the 31st and the 32nd anniversary).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.engine import Connection

from dateline.link.text import jaccard, keywords, words
from dateline.model import Article, Entity, TimeExpr
from dateline.store import corpus

KIND = "story"
# Reports of one occurrence appear within days of it; a week also covers weekly papers and late follow-ups.
WINDOW_DAYS = 7
# Similarity at which two reports are the same story: chosen on ECB+ train topics (B³ F1 0.902 at 0.13;
# 0.10 gives 0.908 but more false merges, 0.20 gives 0.820) and checked on the dev topics (0.900); see
# docs/readme/linking.md. Within the date window few unrelated reports share entities *and* keywords.
THRESHOLD = 0.13
# Weights of the three kinds of evidence: who (entities), what (keywords), where/when (places, years).
W_ENTITIES, W_KEYWORDS, W_PLACES = 0.4, 0.4, 0.2
# Keywords kept per article, and how many of them serve as blocking keys.
N_KEYWORDS, N_KEY_WORDS = 30, 8
BLOCK_CAP = 300
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@dataclass(frozen=True)
class Features:
    """What story similarity looks at, for one article."""

    date: str | None = None
    entities: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    occurrences: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date, "entities": list(self.entities), "places": list(self.places),
                "keywords": list(self.keywords), "occurrences": list(self.occurrences)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Features:
        return cls(data.get("date"), tuple(data["entities"]), tuple(data["places"]), tuple(data["keywords"]),
                   tuple(data["occurrences"]))

    def keys(self) -> list[str]:
        return [f"e:{e}" for e in self.entities] + [f"k:{k}" for k in self.keywords[:N_KEY_WORDS]]


def article_date(article: Article) -> str | None:
    """The report's date (published, else its dateline's date), as YYYY-MM-DD."""
    raw = article.published or (article.dateline.date if article.dateline else None)
    return raw[:10] if raw and re.match(r"\d{4}-\d\d-\d\d", raw) else None


def text_names(text: str) -> list[str]:
    """Capitalised words not opening a sentence: a stand-in for entities when no entity records exist."""
    out = []
    for match in re.finditer(r"(?<![.!?\"\n]\s)(?<!^)\b([A-Z][a-z]+(?:[A-Z][a-z]+)?)\b", text):
        out.extend(words(match.group(1)))
    return sorted(set(out))


def features(article: Article, entities: list[Entity], times: list[TimeExpr]) -> Features:
    people = sorted({e.entity_id for e in entities if e.entity_id and e.type not in ("GPE", "LOC")})
    places = sorted({e.entity_id for e in entities if e.entity_id and e.type in ("GPE", "LOC")})
    if not entities:
        people = text_names(article.text)
    years = sorted(set(_YEAR.findall(article.text)))
    occurrences = sorted({f"{t.anniversary_of}@{t.value[:4]}" for t in times if t.anniversary_of})
    return Features(article_date(article), tuple(people), tuple(places + years),
                    tuple(keywords(article.text, N_KEYWORDS)), tuple(occurrences))


def _days(a: str, b: str) -> int:
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def similarity(a: Features, b: Features) -> float:
    if a.date and b.date and _days(a.date, b.date) > WINDOW_DAYS:
        return 0.0
    if a.occurrences and b.occurrences and not set(a.occurrences) & set(b.occurrences):
        return 0.0
    return (W_ENTITIES * jaccard(a.entities, b.entities) + W_KEYWORDS * jaccard(a.keywords, b.keywords)
            + W_PLACES * jaccard(a.places, b.places))


def link(conn: Connection, article: Article, feats: Features, *, copy_of: str | None = None) -> str:
    """Put ``article`` in a story (a copy goes with its original); returns the story id."""
    found = corpus.candidates(conn, KIND, feats.keys(), cap=BLOCK_CAP)
    found.pop(article.id, None)
    best: tuple[float, str] | None = None
    for cand, data in sorted(corpus.get_features(conn, KIND, found).items()):
        sim = similarity(feats, Features.from_dict(data))
        if sim >= THRESHOLD and (best is None or sim > best[0]):
            best = (sim, cand)
    target = copy_of or (best[1] if best else None)
    story_id = (corpus.group_of(conn, KIND, target) if target else None) or f"s{article.id}"
    corpus.put_features(conn, KIND, article.id, article.id, feats.to_dict())
    corpus.add_keys(conn, KIND, feats.keys(), article.id)
    corpus.add_member(conn, KIND, story_id, article.id, article.id, {"date": feats.date})
    group = corpus.get_group(conn, KIND, story_id) or {"id": story_id, "article_ids": [], "start": None, "end": None,
                                                       "label": article.title or " ".join(feats.keywords[:4])}
    group["article_ids"] = sorted({*group["article_ids"], article.id})
    if feats.date:
        group["start"] = min(filter(None, [group["start"], feats.date]))
        group["end"] = max(filter(None, [group["end"], feats.date]))
    corpus.put_group(conn, KIND, story_id, group, label=group["label"])
    return story_id
