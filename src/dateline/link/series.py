"""Series: recurring occurrences (ordinal anniversaries) with base date, period and members.

An ordinal anniversary ("the 32nd anniversary of the Khojaly genocide", a TimeExpr with ``anniversary_of``)
names its base year and, in the words after it, its subject. Articles marking anniversaries of the same base
year and subject, and sharing an organiser, speaker or place (a canonical entity), are one series; each
member keeps its ordinal and date. The base date gains a month and day when a member names the recurring day
("February 26 was proclaimed ...": a time value ``XXXX-MM-DD``) and the base year's own dates agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from dateline.link.text import content_words, overlap
from dateline.model import Article, TimeExpr, content_id
from dateline.store.corpus import GROUP_KINDS, LinkSession

KIND = GROUP_KINDS["series"]
# Annual commemorations: an ordinal anniversary recurs once a year (TIMEX3 duration notation).
PERIOD = "P1Y"
# Subject words compared between anniversaries: "the Khojaly genocide" / "the Khojaly tragedy" share half.
SUBJECT_OVERLAP = 0.5
SUBJECT_WORDS = 6
BLOCK_CAP = 200
# Series compared per anniversary, most shared subject words first.
CANDIDATES = 40
_ORDINAL = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\b", re.IGNORECASE)
_SUBJECT = re.compile(r"\s+of\s+(?:the\s+)?([^,.;:()\"“”]+)")


@dataclass(frozen=True)
class Anniversary:
    base_year: str
    year: str | None
    ordinal: int | None
    subject: tuple[str, ...]
    # The subject as written ("Khojaly genocide"): for the label a reader sees.
    subject_text: str = field(default="", compare=False)


def anniversary(article: Article, time: TimeExpr) -> Anniversary | None:
    if not time.anniversary_of or not time.anniversary_of[:4].isdigit():
        return None
    base = time.anniversary_of[:4]
    year = time.value[:4] if time.value[:4].isdigit() else None
    ordinal = int(year) - int(base) if year else None
    match = _ORDINAL.search(time.text)
    if match:
        ordinal = int(match.group(1))
    after = _SUBJECT.match(article.text, time.end)
    subject = tuple(content_words(after.group(1))[:SUBJECT_WORDS]) if after else ()
    written = " ".join(after.group(1).split()[:SUBJECT_WORDS]) if after else ""
    return Anniversary(base, year, ordinal, subject, written)


def recurring_day(times: list[TimeExpr], base_year: str) -> str | None:
    """The month-day of a recurring day named in the article ("XXXX-02-26"), or of a date in the base year."""
    for time in sorted(times, key=lambda t: t.start):
        if re.fullmatch(r"XXXX-\d\d-\d\d", time.value):
            return time.value[4:]
    for time in sorted(times, key=lambda t: t.start):
        found = re.search(rf"{base_year}-\d\d-\d\d$", time.value)
        if found:
            return found.group(0)[4:]
    return None


def link(
    session: LinkSession, article: Article, times: list[TimeExpr], entity_ids: list[str], date: str | None
) -> list[str]:
    """Add ``article`` to the series of each anniversary it marks; returns the series ids."""
    out = []
    for ann in sorted({a for t in times if (a := anniversary(article, t))}, key=lambda a: (a.base_year, a.subject)):
        keys = [f"{ann.base_year}:{w}" for w in ann.subject] or [f"{ann.base_year}:"]
        found = session.candidates(KIND, keys, cap=BLOCK_CAP, limit=CANDIDATES)
        groups = session.get_groups(KIND, found)
        chosen = next((g for _, g in sorted(groups.items()) if _same_series(g, ann, entity_ids)), None)
        day = recurring_day(times, ann.base_year)
        series_id = chosen["id"] if chosen else content_id("series", ann.base_year, ann.subject, article.id)
        group = chosen or {
            "id": series_id,
            "label": _label(ann),
            "base_date": ann.base_year,
            "period": PERIOD,
            "subject": list(ann.subject),
            "entities": sorted(set(entity_ids)),
            "members": [],
        }
        if day and len(group["base_date"]) == 4:
            group["base_date"] = f"{group['base_date']}{day}"
        member = {"article_id": article.id, "ordinal": ann.ordinal, "date": ann.year or (date[:4] if date else None)}
        group["members"] = sorted(
            [*(m for m in group["members"] if m["article_id"] != article.id), member],
            key=lambda m: (m["ordinal"] or 0, m["article_id"]),
        )
        if chosen:
            group["entities"] = sorted(set(group["entities"]) & set(entity_ids)) or group["entities"]
        session.put_group(KIND, series_id, group, label=group["label"])
        session.add_keys(KIND, keys, series_id, cap=BLOCK_CAP)
        session.add_member(KIND, series_id, f"{series_id}:{article.id}", article.id, member)
        out.append(series_id)
    return out


def _same_series(group: dict[str, Any], ann: Anniversary, entity_ids: list[str]) -> bool:
    """Same base year and subject, and (when both sides name any) a shared organiser, speaker or place."""
    if group["base_date"][:4] != ann.base_year:
        return False
    if group["subject"] and ann.subject and overlap(group["subject"], ann.subject) < SUBJECT_OVERLAP:
        return False
    return not (group["entities"] and entity_ids) or bool(set(group["entities"]) & set(entity_ids))


def _label(ann: Anniversary) -> str:
    """ "Khojaly genocide anniversary": the subject as written (the recurrence and ordinals are shown beside)."""
    return f"{ann.subject_text} anniversary" if ann.subject_text else f"anniversary of {ann.base_year}"
