"""Plain-text reports: cleaning scraped-page debris, then metadata from the text itself.

Cleaning is line based and conservative: line endings normalised, Unicode NFC, page-debris lines removed
(``debris.py``), runs of blank lines collapsed to one paragraph break, each line stripped. Metadata found in
the debris (published date and time, "details added" -> updated), the headline, the dateline and the
report's credited source are then read from the cleaned text, so every span points into ``Article.text``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from dateline.ingest.debris import DebrisMeta, drop_hover_cards, read_debris_line
from dateline.ingest.metadata import (
    Credit,
    agency_name,
    drop_glued_photo_credits,
    find_byline,
    find_credit,
    find_credit_lines,
    find_label,
    find_opening_byline,
    find_opening_dateline,
    find_update_note,
    is_agency,
    past_space,
)
from dateline.model import Article, Span
from dateline.outlets import is_credited_agency, names_outlet, same_organisation

# A first line counts as a headline (plain text such as the BBC corpus: "line 1 is the headline") when it is
# short, stands alone as a paragraph and does not end like a sentence. 20 words is above the longest BBC
# headline (9 words) and below a typical lead sentence (25-35 words).
MAX_HEADLINE_WORDS = 20
_SENTENCE_END = (".", ",", ";", ":", "…")


@dataclass(frozen=True)
class Cleaned:
    """Cleaned text and the metadata its debris lines carried."""

    text: str
    meta: DebrisMeta


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(raw: str) -> Cleaned:
    """``raw`` without page debris, with normalised white space; the debris' metadata kept."""
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n")).lstrip("\ufeff")
    # Control characters other than newline and tab carry no text, and PostgreSQL refuses NUL in a text column.
    text = drop_hover_cards(drop_glued_photo_credits(_CONTROL.sub("", text)))
    kept: list[str] = []
    meta = DebrisMeta()
    for line in text.split("\n"):
        found = read_debris_line(line)
        if found is None:
            kept.append(" ".join(line.split()))
            continue
        meta = DebrisMeta(
            date=meta.date or found.date,
            time=meta.time or (found.time if found.date else None),
            first_time=meta.first_time or found.first_time,
            updated=meta.updated or found.updated,
        )
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return Cleaned(body, meta)


def split_headline(text: str) -> tuple[str | None, str]:
    """(headline, body) when the first paragraph is a headline, else (None, text). A headline may also stand
    on its own line right above a byline line ("Headline\nBy NAME, OUTLET\n...")."""
    line, newline, after = text.partition("\n")
    if newline and not after.startswith("\n") and find_byline(after).span is not None and _headline_like(line):
        return line, after
    first, sep, rest = text.partition("\n\n")
    if not sep or not rest.strip() or "\n" in first:
        return None, text
    if not _headline_like(first):
        return None, text
    return first, rest


def _headline_like(line: str) -> bool:
    return len(line.split()) <= MAX_HEADLINE_WORDS and not line.endswith(_SENTENCE_END)


def _drop_title(text: str, title: str) -> str:
    """Extracted HTML text often repeats the title as its first line; the body starts after it."""
    first, sep, rest = text.partition("\n")
    same = " ".join(first.split()).casefold() == " ".join(title.split()).casefold()
    return rest.lstrip("\n") if sep and same and rest.strip() else text


def article_from_text(
    raw: str,
    *,
    source_path: str,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    author: str | None = None,
    author_outlet: str | None = None,
    updated: bool = False,
    detect_headline: bool = True,
) -> Article:
    """A cleaned Article from the raw text of one report.

    Metadata given by the caller (from HTML, JSONL fields, SGML tags) wins over what the text says; the text
    fills what is missing. ``author_outlet``: a news organisation the caller's author metadata named beside
    the people ("Jane Doe; Reuters"): an agency credit, or the outlet when no other is known. ``detect_headline`` takes a headline-like first paragraph as the title (plain text).
    """
    cleaned = clean_text(raw)
    text = cleaned.text
    # Metadata comes from fields of the input (JSON, HTML) as they are: the same control characters go.
    title, url, outlet, published = (_CONTROL.sub("", v) if v else v for v in (title, url, outlet, published))
    if title:
        text = _drop_title(text, title)
    elif detect_headline and find_byline(text).span is None:
        title, text = split_headline(text)
    published = published or cleaned.meta.published
    byline = find_opening_byline(text)
    dateline, agency = find_opening_dateline(text, published, start=byline.end)
    # A label opening the body in a dateline's place ("EXCLUSIVE - ...") is kept as the page's words.
    body = past_space(text, byline.end)
    opens = dateline is not None and dateline.span is not None and dateline.span.start <= body
    label = None if opens else find_label(text, start=body)
    credit = find_credit(text, start=dateline.span.end if dateline and dateline.span else byline.end)
    lines = find_credit_lines(text)
    by = Credit(outlet=byline.outlet, outlet_span=byline.outlet_span)
    # A byline's own outlet ("NAME | Prairie Daily News") publishes the report; an agency in its dateline
    # ("(AP)") is then its source.
    bylines = (by, Credit(outlet=author_outlet))
    # The byline written in the text may name an agency by its name's ending ("Religion News Service"); a page's
    # author metadata only by the listed agencies (its "Metric Media News Service" names the site's own network:
    # 2 pages of the htmldate benchmark).
    by_agency, meta_agency = is_credited_agency(by.outlet or ""), is_agency(author_outlet or "")
    own = [c for c, is_wire in zip(bylines, (by_agency, meta_agency), strict=True) if c.outlet and not is_wire]
    outlet, outlet_span = _outlet(outlet, credit, *own, agency, *bylines)
    # An agency credited beside the outlet ("BRUSSELS (AP) —" on a Newsmax page, "The Associated Press
    # contributed to this report") is the report's source, unless the lead names a source of its own.
    agencies = (
        agency,
        Credit(outlet=lines.source, outlet_span=lines.source_span),
        by if by_agency else Credit(),
        Credit(outlet=author_outlet) if meta_agency else Credit(),
    )
    source, source_span = (
        (credit.source, credit.source_span) if _own_credit(credit, outlet) else _agency(outlet, *agencies)
    )
    author, author_span = _author(author, (byline.author, byline.author_span), (lines.author, lines.author_span))
    credit_spans = sorted({s for s in (byline.span, *lines.spans) if s is not None}, key=lambda s: s.start)
    return Article(
        id=Article.make_id(text, url),
        text=text,
        source_path=source_path,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        url=url,
        outlet=outlet,
        title=title,
        published=published,
        # The page's own words may say it changed after publication (an editor's update or correction note).
        updated=updated or cleaned.meta.updated or find_update_note(text) is not None,
        dateline=dateline,
        source=source,
        source_span=source_span,
        outlet_span=outlet_span,
        author=author,
        author_span=author_span,
        credit_spans=tuple(credit_spans),
        label_span=label,
    )


def _outlet(given: str | None, *credits: Credit) -> tuple[str | None, Span | None]:
    """The publisher: the caller's metadata first, else the outlet the text credits ("told News.Az",
    "(Reuters)", a byline's "NAME / OUTLET"), in that order.

    A span is kept only when it names the outlet chosen (a syndicated copy may credit another agency).
    """
    for found in credits:
        if found.outlet and (given is None or found.outlet.casefold() == given.casefold()):
            return given or found.outlet, found.outlet_span
    return given, None


def _own_credit(credit: Credit, outlet: str | None) -> bool:
    """Whether the lead's formula credits the report's own source: it names the report's outlet ("..., the Embassy
    told News.Az." on News.Az, "Trend reports referring to ..." on Trend). Naming another outlet ("..., Mousavi
    told Tehran Radio.", "..., the New China News Agency reported from Pyongyang." on Reuters' copy) relays that
    outlet's interview or report: a statement's source inside the story, not the report's credit (session 29: the
    2 such leads of the Reuters-21578, BBC and AllSides corpora outside gold/dev, both Reuters stories)."""
    if not credit.source or not credit.outlet:
        return False
    return outlet is None or names_outlet(credit.outlet, outlet)


def _agency(outlet: str | None, *credits: Credit) -> tuple[str | None, Span | None]:
    """The first agency credited that is not the outlet itself ("(Reuters)" on a Reuters report, "(CNN)" on a
    "CNN (Web News)" page credit no one else: 72 such CNN pages of the AllSides corpus outside gold/dev; nor
    does a brand of the outlet, "(CNNMoney)" on a CNN page)."""
    for found in credits:
        if found.outlet and not (outlet and same_organisation(found.outlet, outlet)):
            return agency_name(found.outlet), found.outlet_span
    return None, None


def _author(given: str | None, *found: tuple[str | None, Span | None]) -> tuple[str | None, Span | None]:
    """The author: the caller's metadata first, else the byline's, else the end credit's "Reporting by NAME".
    A span is kept only when it names the author chosen."""
    for name, span in found:
        if name and (given is None or name.casefold() == given.casefold()):
            return given or name, span
    return given, None
