"""Scraped-page debris: lines made only of page furniture (date widgets, font-size controls, share buttons).

The fragments live in ``dateline/data/page_debris.yaml``. A line is debris when every word on it belongs to
a fragment; what the fragments capture (a date, a time, "details added") becomes metadata.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dateline.data import load_yaml

# A debris line is a widget row or a one-line note; real paragraphs are longer. 200 characters is above the
# longest furniture line seen in scraped pages (a date plus a row of share buttons) and below a paragraph.
MAX_DEBRIS_LINE_CHARS = 200

# Month names and abbreviations, lower case, to their number (shared by ingest.metadata and ingest.formats).
MONTH_NUMBER = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTH_NUMBER.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTH_NUMBER["sept"] = 9
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})")
# The US numeric way, month first ("7/23/17", "12/22/2016"): 7 of the 6,996 AllSides records write their JSON
# date so (the others ISO). A two-digit year at or above the pivot is of the 1900s ("12/22/96"): those 7 write
# years 16 to 19, which any pivot above them reads in the 2000s; 70 (the Unix epoch's year; POSIX strptime's
# "%y" turns at 69) leaves the reports of the 1970s to 1990s in their century.
_US_NUMERIC_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})")
_CENTURY_PIVOT = 70
# A politician's hover card run into the text (The Hill's pages): the name as the report writes it, then the
# card's full name, its last word glued to the first of the card's headlines, and the headlines up to "MORE":
# "Sen. Elizabeth Warren Elizabeth Ann WarrenWarren goes local ... MORE (D-Mass.)". 400 characters holds the
# card's three headlines; the card's full name may hold a nickname in brackets; the name written before it stays.
_HOVER_CARD = re.compile(r"\b([A-Z][\w'’-]+) (?:[A-Z()][\w'’().-]* ){0,6}?\1(?=[A-Z0-9])[^\n]{0,400}? MORE\b")
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?:\s*([ap])\.?m\.?)?", re.IGNORECASE)


@dataclass(frozen=True)
class Fragment:
    name: str
    pattern: re.Pattern[str]
    updated: bool = False


@dataclass(frozen=True)
class DebrisMeta:
    """What the debris lines of one document said about it."""

    date: str | None = None
    time: str | None = None
    first_time: str | None = None
    updated: bool = False

    @property
    def published(self) -> str | None:
        """ISO date, with the time of first publication (or the stated time) when the page gives one."""
        if self.date is None:
            return None
        clock = self.first_time or self.time
        return f"{self.date}T{clock}" if clock else self.date


@lru_cache(maxsize=1)
def fragments() -> tuple[Fragment, ...]:
    """The fragment patterns of the data file, with their ``{name}`` macros expanded."""
    data: dict[str, Any] = load_yaml("page_debris.yaml")
    macros = {k: v for k, v in data.items() if isinstance(v, str)}
    out = []
    for item in data["fragments"]:
        source = item["pattern"]
        for key, value in macros.items():
            source = source.replace("{" + key + "}", value)
        out.append(Fragment(item["name"], re.compile(source, re.IGNORECASE), bool(item.get("updated", False))))
    return tuple(out)


def drop_hover_cards(text: str) -> str:
    """``text`` without the hover cards scraped into it after a person's name (``_HOVER_CARD``): their full name
    and headlines split the name from its party-state tag and glue into names of their own."""
    return _HOVER_CARD.sub(r"\1", text)


def iso_date(text: str) -> str | None:
    """``2023-02-23``, ``23 February 2023``, ``Feb. 23, 2023`` or ``2/23/23`` as an ISO date; None when it is
    not a date."""
    if m := _ISO_DATE.fullmatch(text.strip()):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    elif m := _DAY_MONTH_YEAR.fullmatch(text.strip()):
        year, month, day = int(m[3]), MONTH_NUMBER.get(m[2].lower(), 0), int(m[1])
    elif m := _MONTH_DAY_YEAR.fullmatch(text.strip()):
        year, month, day = int(m[3]), MONTH_NUMBER.get(m[1].lower(), 0), int(m[2])
    elif m := _US_NUMERIC_DATE.fullmatch(text.strip()):
        year, month, day = int(m[3]), int(m[1]), int(m[2])
        if len(m[3]) == 2:
            year += 1900 if year >= _CENTURY_PIVOT else 2000
    else:
        return None
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def iso_time(text: str) -> str | None:
    """``12:42`` / ``3:05 pm`` as ``HH:MM`` (24-hour); None when it is not a valid clock time."""
    m = _CLOCK.fullmatch(text.strip())
    if not m:
        return None
    hour, minute = int(m[1]), int(m[2])
    if m[3]:
        hour = hour % 12 + (12 if m[3].lower() == "p" else 0)
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


def read_debris_line(line: str) -> DebrisMeta | None:
    """The metadata of ``line`` when it is page debris, else None (the line is content and stays)."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_DEBRIS_LINE_CHARS:
        return None
    rest = stripped
    found: dict[str, str] = {}
    seen: list[Fragment] = []
    for fragment in fragments():

        def take(m: re.Match[str], fragment: Fragment = fragment) -> str:
            # One pass per fragment: each match is recorded and blanked out of the line at once.
            if m.group(0).strip():
                seen.append(fragment)
                for key, value in m.groupdict().items():
                    if value and key not in found:
                        found[key] = value
            return " "

        rest = fragment.pattern.sub(take, rest)
    if not seen or re.search(r"\w", rest):
        return None
    updated = any(f.updated for f in seen)
    return DebrisMeta(
        date=iso_date(found["date"]) if "date" in found else None,
        time=iso_time(found["time"]) if "time" in found else None,
        first_time=iso_time(found["first_time"]) if "first_time" in found else None,
        updated=updated,
    )
