"""Metadata read from a report's own text: the dateline that opens it, and who it credits as its source.

- Dateline: "BAKU, Azerbaijan, February 23." / "LONDON (Reuters) -" / "WASHINGTON, March 3 (Reuters) -" /
  Reuters-21578's "SALVADOR, Feb 26 -": place, country (ISO 3166-1 alpha-2 via pycountry), and the date
  anchored on the publication year.
- Credit: "..., the Embassy of Azerbaijan in Islamabad told News.Az." -> source + outlet;
  "Trend reports referring to the Azerbaijani Embassy in Pakistan" -> outlet + source; "(Reuters)" -> the
  agency credited (the outlet when no other is known), also with no place ("(CNN) -").
- Byline: "By NAME, OUTLET", "By NAME and NAME, OUTLET", "NAME / OUTLET", "NAME | OUTLET" -> author + outlet,
  where the outlet is a news organisation (dateline.outlets).
- Credit lines: "The Associated Press contributed to this report." (agency -> source), "Reporting by NAME;
  Editing by NAME" (author), "Photographer: NAME/AGENCY": metadata lines, never the report's statements.
Every value found here carries a span into the cleaned text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from dateline import countries
from dateline.data import read_words
from dateline.ingest.debris import MONTH_NUMBER
from dateline.model import Dateline, Span
from dateline.normalize import name_key
from dateline.outlets import agency_forms, credit_lexicon, is_news_organisation

if TYPE_CHECKING:
    from dateline.gazetteer import Candidate

# An ALL-CAPS place ("BAKU", "RIO DE JANEIRO", "ST. PETERSBURG") or, only when a date follows, a title-case
# one ("Baku, Feb. 23 -"). Four words is the longest dateline place in Reuters-21578 ("NEW YORK CITY" style).
_CAPS_PLACE = r"[A-Z][A-Z.'’]+(?:[ -](?:[A-Z][A-Z.'’]+|de|da|del|la|le))*"
_TITLE_PLACE = r"[A-Z][a-z.'’]+(?:[ -][A-Z][a-z.'’]+){0,3}"
# A region may open on a compound with a lower-case second part, as Al Jazeera names a disputed one ("Srinagar,
# Indian-administered Kashmir -": 4 reports of the AllSides corpus outside gold/dev).
_REGION = r"[A-Z][A-Za-z.'’]+(?:-[a-z]+)?(?:\s+[A-Z][A-Za-z.'’]+){0,3}"
# Wire copy writes the month in any case ("FEB 26", "FEb 26", "march 2") and sometimes day first ("2 March").
_MONTH = rf"(?i:{'|'.join(sorted(MONTH_NUMBER, key=len, reverse=True))})"
_MONTH_DAY = rf"(?:(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH})\.?)"
_MONTH_DAY_AHEAD = rf"(?:,\s*{_REGION})?,?\s+(?:{_MONTH}\.?\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})"
_AGENCY = r"\((?P<agency>[A-Z][\w.&’' -]{0,38}[\w.])\)"
# The dateline ends with a dash (wire style), or with a full stop or colon right after the date
# (Trend/APA style "BAKU, Azerbaijan, February 23."); a bare "PLACE." would match any all-caps acronym.
_DASHES = "-–—"  # hyphen, en and em dash: the marks a dateline ends with
_DASH = rf"\s*[{_DASHES}]+\s*"
# A title-case place is a dateline's also when an agency credit follows it ("Washington (CNN) -"), with no dash
# as CNN has written it since 2017 ("Washington (CNN) The ...": 118 reports of the AllSides corpus outside
# gold/dev open so, 2 of them on other outlets' pages, whose source CNN went missing); a wire story filed from two
# cities names both ("WASHINGTON/NEW YORK (Reuters) -").
_AGENCY_AHEAD = rf"(?=(?:,\s*{_REGION})?\s*\([A-Z][\w.&’' -]{{0,38}}[\w.]\)(?:{_DASH}| +[A-Z\"“]))"
# A title-case place is a dateline's also before a dash alone (its region between), when a capital opens the lead
# sentence after it: CBS News' and Al Jazeera's house style ("Washington — House Speaker Nancy Pelosi ...", "New
# Delhi, India - A tweet ..."). The place must be a country or a large town, or a town of its region's country
# (``_unknown_title_place``), and the capital keeps out a subject set off by a dash ("Wisconsin -- long a stronghold
# ... --", "Ryan — the House Budget ..."). Session 31: 18 AllSides reports outside gold/dev and 5 Reuters-21578
# flashes ("London - Floating rate ...") gained one, all right.
_DASH_AHEAD = rf"(?=(?:,\s*{_REGION})?{_DASH}[A-Z\"“])"
_DATELINE = re.compile(
    rf"(?P<place>{_CAPS_PLACE}(?:/{_CAPS_PLACE})*|{_TITLE_PLACE}(?={_MONTH_DAY_AHEAD}|{_AGENCY_AHEAD}|{_DASH_AHEAD}))"
    rf"(?:,\s*(?P<region>{_REGION}))??"
    # A second city after the first's region ("ORANGE, Texas/HOUSTON (Reuters) -", "SOMERSET, N.J.,/WASHINGTON"):
    # the first place is the dateline's, as with "WASHINGTON/NEW YORK".
    rf"(?:,?/{_CAPS_PLACE}(?:,\s*{_REGION})?)*"
    rf"(?:,?\s+{_MONTH_DAY})?"
    rf"(?:\s*{_AGENCY})?"
    rf"(?P<end>{_DASH}|(?<=\d|[a-z])\s*[.:]\s+|(?<=\))\s+)"
)
# An agency credit opening the body with no place before it ("(CNN) - ...", "(Reuters) - ..."), also with no
# dash, as CNN has written it since 2017 ("(CNN) President Donald Trump ..."; 270 reports of the AllSides corpus
# outside gold/dev open so, 15 of them on other outlets' pages, where CNN is the report's source), and after a
# date with no place ("Aug 27 (Reuters) - ...": 2 PolNeAR reports, 1 of them in train).
_AGENCY_OPENER = re.compile(rf"(?:{_MONTH_DAY}\s*)?{_AGENCY}(?:{_DASH}|\s+(?=[A-Z\"“]))")
# A date right after a table slug's tight hyphen ("N.Y. FOREIGN EXCH CLOSING-APR 7", "PRICES-april 7").
_SLUG_DATE = re.compile(rf"{_MONTH}\.?\s+\d{{1,2}}\b")
# Asterisks a wire story's body may open with before its dateline, the wire's priority flag ("****SAO PAULO,
# March 26 - ...": 12 Reuters-21578 stories).
_WIRE_FLAGS = re.compile(r"\*+[ \t]*")
# "RIO DE JANEIRO" -> "Rio de Janeiro": these particles stay lower case.
_PLACE_PARTICLES = frozenset({"de", "da", "del", "la", "le", "of", "on", "upon"})
# Days a dateline may lie after the publication date and still belong to that year (time zones, pages
# dated on first save): beyond this, "December 31" in a report published on January 2 is last year's.
_DATELINE_FUTURE_DAYS = 2
# Longest outlet name taken from a credit ("Azerbaijan State News Agency"): words, capitalised.
_OUTLET = (
    r"(?:[Tt]he\s+)?(?P<outlet>[A-Z][\w&'’-]*(?:\.[A-Za-z][\w-]*)*(?:\s+[A-Z][\w&'’-]*(?:\.[A-Za-z][\w-]*)*){0,4})"
)
_SOURCE = r"(?:[Tt]he\s+)?(?P<source>[A-Z][^,;:.!?\"“”]{1,120}?)"


@dataclass(frozen=True)
class Credit:
    """The report's own source and outlet as the text names them, with spans."""

    source: str | None = None
    source_span: Span | None = None
    outlet: str | None = None
    outlet_span: Span | None = None


def _credit_lexicon() -> dict[str, Any]:
    return credit_lexicon()


@lru_cache(maxsize=1)
def _not_sources() -> frozenset[str]:
    """Pronouns and generic nouns that are never a credited source on their own (data/source_credits.yaml)."""
    return frozenset(w.lower() for w in _credit_lexicon()["not_sources"])


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _credit_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = _credit_lexicon()
    # "X told OUTLET" credits X when it closes its sentence, as agencies' house style writes it ("..., the Ministry
    # of Culture told Xinhua."); a sentence going on after the outlet ("Stephanie Grisham told CNBC, when asked if
    # ...") reports an interview: the one lead in the AllSides corpus outside gold/dev that the formula matched.
    told = re.compile(
        rf"(?:^|[,;]\s+|\.\s+)(?<!\w){_SOURCE}\s+(?:{_alternation(lex['told_verbs'])})\s+{_OUTLET}\s*(?:\.|$)"
    )
    reports = re.compile(
        rf"(?<![\w.]){_OUTLET}\s+(?:{_alternation(lex['report_verbs'])}),?\s+"
        rf"(?:{_alternation(lex['report_connectors'])})\s+{_SOURCE}\s*(?=[.,;:]|$)"
    )
    return told, reports


def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-2 of a country name as datelines write it ("Azerbaijan" -> AZ); None if not a country."""
    return countries.country_code(name, nations=True, codes=True)


def _city_country(place: str) -> str | None:
    """The country of the most populous city a dateline's place names ("WASHINGTON" -> US): a dateline
    names its country only when the city alone would be ambiguous."""
    cities = _cities(place)
    return max(cities, key=lambda c: c.population).country if cities else None


def _cities(place: str) -> list[Candidate]:
    """The gazetteer's cities (with a country) of the name a dateline writes."""
    from dateline.gazetteer import load_gazetteer

    return [c for c in load_gazetteer().lookup(place) if c.feature.startswith("P") and c.country]


def _region_country(region: str, homes: set[str | None]) -> str | None:
    """The country of the division or region a dateline names after its city (``_region_area``)."""
    area = _region_area(region, homes)
    return area.country if area else None


def _region_area(region: str, homes: set[str | None]) -> Candidate | None:
    """The division or region a dateline names after its city ("Iowa", "N.H.", "Ky.", "Gaza Strip": in US, US,
    US, PS): its country says which of the cities so named is meant, where the most populous
    would be another country's ("MANCHESTER, N.H." is not Manchester, GB; "BURLINGTON, Iowa" not Burlington,
    CA). A region that is also a town's name ("Texas", a village in Mexico) is read as the division. A region
    name several countries' divisions share ("Victoria": a Mexican municipality and an Australian state;
    "Punjab": Pakistan's and India's) is read in a country that has a city of the dateline's name
    ("MELBOURNE, Victoria" is AU, "AMRITSAR, Punjab" IN): the gazetteer's division populations are mostly 0,
    so the most populous alone is the first the gazetteer lists. ``homes``: the countries of the cities so
    named (``_cities``)."""
    from dateline.gazetteer import load_gazetteer

    areas = [a for a in load_gazetteer().lookup(region) if not a.feature.startswith("P") and a.country]
    return max(areas, key=lambda a: (a.country in homes, a.population)) if areas else None


def _border_city_country(place: str, region: str) -> str | None:
    """The country of a city named before a region that spans a border ("ERBIL, Kurdistan": the gazetteer's
    Kurdistan is Iran's province, Erbil is in Iraq's Kurdistan Region): where the region's country has no city
    of the place's name and a city so named lies near the region, the city's own country. Near is the
    ``CONTAINED_KM`` of the gazetteer, the reach of a division around its stand-in point; "DELHI, N.Y." (a village
    the gazetteer lacks) stays in the US, New Delhi lying half a world away."""
    from dateline.gazetteer import CONTAINED_KM, distance_km

    cities = _cities(place)
    area = _region_area(region, {c.country for c in cities})
    if area is None or area.lat is None or area.lon is None or any(c.country == area.country for c in cities):
        return None
    near = [
        c
        for c in cities
        if c.lat is not None and c.lon is not None and distance_km((c.lat, c.lon), (area.lat, area.lon)) <= CONTAINED_KM
    ]
    return max(near, key=lambda c: c.population).country if near else None


def _dateline_country(place: str, region: str | None) -> str | None:
    """The country of a dateline's place: its region's (a country named, "TBILISI, Georgia", else the
    division's, "MANCHESTER, N.H."), else the place's own (a country, or the most populous city so named). A
    region that names a country where no city of the place's name is, while a division of that name has one
    ("ATLANTA, Georgia": Georgia the US state, not the country), is the division."""
    if region:
        homes = {c.country for c in _cities(place)}
        named = country_code(region)
        division = _region_country(region, homes)
        if named and division and named != division:
            return division if division in homes and named not in homes else named
        if not named and (border := _border_city_country(place, region)):
            return border
        if found := named or division:
            return found
    return country_code(place) or _city_country(place)


def _first_place(written: str) -> str:
    """The name of the place a dateline is filed from, the first of two cities ("WASHINGTON/NEW YORK" ->
    "Washington")."""
    return _place_name(written.split("/")[0].rstrip(".,"))


def _place_name(raw: str) -> str:
    if not raw.isupper():
        return raw
    words = re.split(r"([ -])", raw.lower())
    return "".join(w if i > 0 and w in _PLACE_PARTICLES else w.capitalize() for i, w in enumerate(words))


def _anchored_date(month: int, day: int, published: str | None) -> str | None:
    """``month``/``day`` in the publication year (the year before when that would lie in the future)."""
    if published is None or not re.match(r"\d{4}-\d{2}-\d{2}", published):
        return f"XXXX-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None
    pub = dt.date.fromisoformat(published[:10])
    for year in (pub.year, pub.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if (candidate - pub).days <= _DATELINE_FUTURE_DAYS:
            return candidate.isoformat()
    return None


# A byline line: "By NAME", "By NAME (@handle)", "By NAME and NAME, OUTLET", "NAME / OUTLET", "NAME | OUTLET", or a name alone
# (2-4 capitalised words) whose next line, the outlet, is as short ("Gregory Korte\n\nUSA TODAY\n\nWASHINGTON -
# ..."). An outlet in the last three forms must be a news organisation (outlets.py), or the line is no byline.
# The slash has a space either side: written tight ("Dennis Brack/Bloomberg News", "J. Scott Applewhite/AP") it is a
# photo credit, as all 9 such lines in the first 1,500 characters of the AllSides corpus outside gold/dev are (2 of
# them gave the report the photographer's agency as its source).
_BYLINE_NAME = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}"
# Several reporters: "NAME and NAME", "NAME, NAME and NAME" (a comma alone separates the outlet); also above
# the outlet's line ("Kevin Johnson and Brad Heath\n\nUSA TODAY"), and a contributor's "Special for USA TODAY".
_BYLINE_NAMES = rf"{_BYLINE_NAME}(?:(?:\s*,\s*{_BYLINE_NAME})*,?\s+and\s+{_BYLINE_NAME})?"
# Names alone on their line, above the outlet's: no name runs on into the next line ("Gregory Korte\n\nUSA TODAY").
_LINE_NAMES = _BYLINE_NAMES.replace(r"\s", r"[ \t]")
_BYLINE_OUTLET = r"[A-Z][\w.&'’ -]{1,40}?"
_BYLINE = re.compile(
    rf"(?:By\s+(?P<by>{_BYLINE_NAMES})(?:\s*\(\s*@\w+\s*\))?(?:,\s*(?:and\s+)?(?P<by_outlet>{_BYLINE_OUTLET}))?"
    rf"|(?P<name>{_BYLINE_NAME})(?:\s+/\s+|\s*\|\s*)(?P<slash_outlet>{_BYLINE_OUTLET})"
    rf"|(?P<alone>{_LINE_NAMES})\n\n?(?:Special\s+(?:for|to)\s+)?(?P<next_outlet>[A-Z][\w.&'’ -]{{1,30}}?))"
    r"[ \t]*(?:\n\n?|$)"
)


@dataclass(frozen=True)
class Byline:
    """The byline opening a report: its author, the outlet it names, the byline's own extent (``span``) and
    where the body starts after it (``end``)."""

    author: str | None = None
    author_span: Span | None = None
    outlet: str | None = None
    outlet_span: Span | None = None
    span: Span | None = None
    end: int = 0


def find_byline(text: str, start: int = 0) -> Byline:
    """The byline lines opening ``text`` at ``start`` ("By NAME, OUTLET", "NAME / OUTLET"), if there are any:
    they are metadata, not the report's first words (its dateline follows them)."""
    m = _BYLINE.match(text, start)
    if m is None:
        return Byline()
    group = next((g for g in ("by_outlet", "slash_outlet", "next_outlet") if m[g]), None)
    outlet = m[group].strip() if group else None
    if outlet is not None and not is_news_organisation(outlet):
        if not m["by"]:
            return Byline()
        # "By NAME, Staff writer": a byline whose second part is the reporter's job, not an outlet.
        group = outlet = None
    name = next(g for g in ("by", "name", "alone") if m[g])
    author, author_span = m[name], Span.of(text, m.start(name), m.end(name))
    extent = Span.of(text, m.start(), m.start() + len(m[0].rstrip()))
    if group is None or outlet is None:
        return Byline(author, author_span, span=extent, end=m.end())
    outlet_span = Span.of(text, m.start(group), m.start(group) + len(outlet))
    return Byline(author, author_span, agency_name(outlet), outlet_span, extent, m.end())


# A byline may stand below a few short paragraphs a page keeps above it: a dek, a photo caption, a notice.
_BYLINE_PARAGRAPHS = 4
_BYLINE_CHARS = 800


def find_opening_byline(text: str) -> Byline:
    """The byline opening ``text`` or one of its first few paragraphs (``find_byline``, ``_agency_byline``)."""
    for at in _paragraph_starts(text, 0, _BYLINE_PARAGRAPHS):
        if at > _BYLINE_CHARS:
            break
        if (byline := find_byline(text, at)).span is not None or (byline := _agency_byline(text, at)).span:
            return byline
    return Byline()


def _agency_byline(text: str, at: int) -> Byline:
    """An agency's name alone in the byline's place, right above the dateline ("Associated Press\n\nTACOMA, Wash.
    – ..."): USA Today's wire copy, 2 reports of the AllSides corpus outside gold/dev (one found before by its
    "(AP)"). A bare "AP" paragraph elsewhere is a photo credit, so the dateline must follow."""
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    line = text[at:end].strip()
    if not line or not is_agency(line):
        return Byline()
    after = _paragraph_starts(text, at, 2)
    if len(after) < 2 or find_dateline(text, None, start=after[1])[0] is None:
        return Byline()
    span = Span.of(text, at, at + len(line))
    return Byline(outlet=agency_name(line), outlet_span=span, span=span, end=after[1])


def people_and_outlet(author: str | None) -> tuple[str | None, str | None]:
    """A page's author metadata split into the people ("Jane Doe; Reuters" -> "Jane Doe") and the news
    organisation it names beside them ("Reuters"): pages put the byline's outlet into the author field."""
    if not author:
        return author, None
    people: list[str] = []
    outlets: list[str] = []
    for part in (p.strip() for p in author.split(";") if p.strip()):
        # "ERIC TUCKER Associated Press": a person with the agency written after the name.
        m = _agency_after_name().fullmatch(part)
        if m is not None:
            people.append(m["person"])
            outlets.append(m["agency"])
        else:
            (outlets if is_news_organisation(part) else people).append(part)
    return "; ".join(people) or None, agency_name(outlets[0]) if outlets else None


@lru_cache(maxsize=1)
def _agency_after_name() -> re.Pattern[str]:
    forms = [form for written in _credit_lexicon()["agencies"].values() for form in written]
    return re.compile(rf"(?P<person>{_BYLINE_NAME})\s+(?P<agency>(?i:{_alternation(forms)}))")


def is_agency(written: str) -> bool:
    """Whether ``written`` names a news agency of data/source_credits.yaml ("AP", "The Associated Press")."""
    return " ".join(written.split()).casefold() in agency_forms()


def agency_name(written: str) -> str:
    """The stored name of an agency as a credit writes it ("AP" -> "Associated Press"); unknown ones as written."""
    return agency_forms().get(" ".join(written.split()).casefold(), written)


@lru_cache(maxsize=1)
def _glued_photo_credit() -> re.Pattern[str]:
    forms = [form for written in _credit_lexicon()["agencies"].values() for form in written]
    # A caption's credit after a bar ("... in Syria. | J. Scott Applewhite/AP Photo", "| AP Photo") with the
    # next item's words run on after it on the same line, as scraped pages join caption and teaser.
    return re.compile(rf"[ \t]*\|\s*(?:[^|\n]{{0,40}}/)?(?:{_alternation(forms)})\s+Photos?[ \t]+(?=[A-Z])")


def drop_glued_photo_credits(text: str) -> str:
    """Drop a wire photo credit glued to the text that follows it ("| AP Photo Tillerson urges Russia ...")
    and end the paragraph there: the credit is a picture's metadata, and its words never join a name."""
    return _glued_photo_credit().sub("\n\n", text)


@lru_cache(maxsize=1)
def _credit_line_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = _credit_lexicon()
    forms = [form for written in lex["agencies"].values() for form in written]
    agency = re.compile(rf"(?<![\w-])(?:{_alternation(forms)})(?![\w-])")
    # "The Associated Press contributed to this report." / "Reuters contributed reporting." / "(Reporting by
    # NAME in CITY; Editing by NAME)" / "With assistance by NAME": whole lines, so a sentence that merely
    # mentions reporting is not taken.
    # A bullet may open the line ("• Associated Press writer NAME contributed"), and USA Today lists its
    # contributors after a label ("Contributing: NAME, USA TODAY; The Associated Press"); in the AllSides corpus
    # outside gold/dev, 40 labelled lines, 2 ending at a bare "contributed" after "... writer(s) NAME" and 1
    # ending in ".;" credit an agency that was missed before; so do 2 Fox lines naming the agency after the staff
    # ("... contributed to this report, along with / as well as The Associated Press."), 1 "Information from The
    # Associated Press was used in this report." and 1 "This story is based on reporting by The Associated Press.";
    # so do 3 lines that write where the contributor reported from or leave out "to" ("... contributed to this report from Salem, New Hampshire.", "The Associated
    # Press contributed this report."), and the Christian Science Monitor's 5 "This report contains material from
    # Reuters and the Associated Press." / "Material from Reuters was used in this report." and 1 "... writer NAME
    # ... also contributed to this story."; so does 1 line of a wire copyright ("© Copyright 2019
    # The Associated Press. All rights reserved. ...", 3 others found before by their dateline).
    staff = re.compile(
        r"(?:[•·*]\s*)?\(?(?:(?P<who>[A-Z][^\n]{0,150}?)\s+contributed\s+(?:(?:to\s+)?(?:this\s+)?(?:report|story)"
        r"(?:\s+from\s+[A-Z][^\n]{0,80}?)?|reporting"
        r"(?:\s+(?:to|for)\s+this\s+(?:report|story))?|additional\s+reporting)"
        r"(?:,?\s+(?:along\s+with|as\s+well\s+as)\s+(?P<also>[A-Z][^\n]{0,80}?))?"
        r"|(?:Additional\s+|Writing\s+and\s+)?[Rr]eporting\s+by\s+(?P<reporters>[A-Z][^;\n()]{0,120}?)"
        r"(?:\s+in\s+[A-Z][^;\n()]*)?(?:[;,]\s*[A-Z][^\n]{0,200}?)?"
        r"|(?:With\s+assistance\s+(?:by|from)|Editing\s+by|Writing\s+by)\s+[A-Z][^\n]{0,200}?"
        r"|Contributing:\s+(?P<contributors>[A-Z][^\n]{0,300}?)"
        r"|(?P<writers>[A-Z][^\n]{0,60}?\b(?:writers?|reporters?|correspondents?)\s+[A-Z][^\n]{0,200}?)"
        r"\s+(?:also\s+)?contributed(?:\s+to\s+this\s+(?:report|story))?"
        r"|(?:This\s+report\s+(?:contains|includes)\s+)?[Mm]aterial\s+from\s+(?P<material>[^\n]{1,120}?)"
        r"(?:\s+(?:was|were)\s+used\s+in\s+this\s+(?:report|story))?"
        r"|Information\s+from\s+(?P<information>[^\n]{1,120}?)\s+(?:was|were)\s+used\s+in\s+this\s+(?:report|story)"
        r"|This\s+(?:story|report|article)\s+is\s+based\s+(?:in\s+part\s+)?on\s+(?:reporting|reports)\s+(?:by|from)\s+"
        r"(?P<based>[^\n]{1,120}?)"
        r"|(?:©\s*)?Copyright\s+(?:©\s*)?\d{4}\s+(?P<owner>[A-Z][^\n]{0,300}))[.);]*"
    )
    photo = re.compile(
        rf"\(?(?:{_alternation(lex['photo_credit_labels'])})\s*:\s*\S[^\n]{{0,300}}"
        rf"|(?:{_alternation(lex['caption_openers'])})\s+[-–—]\s+\S[^\n]{{0,400}}"
    )
    return agency, staff, photo


@dataclass(frozen=True)
class CreditLines:
    """Credit lines of a report: their extents, the agency the report is credited to and the reporter named."""

    spans: tuple[Span, ...] = ()
    source: str | None = None
    source_span: Span | None = None
    author: str | None = None
    author_span: Span | None = None


def _lines(text: str) -> list[tuple[int, int]]:
    found, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            found.append((start, start + len(line)))
        start += len(line) + 1
    return found


def find_credit_lines(text: str) -> CreditLines:
    """Every whole line of ``text`` that is a staff or photo credit, and what the first such credits name."""
    agency, staff, photo = _credit_line_patterns()
    spans: list[Span] = []
    source: Span | None = None
    author: Span | None = None
    for start, end in _lines(text):
        m = staff.fullmatch(text, start, end)
        if m is None and photo.fullmatch(text, start, end) is None:
            continue
        spans.append(Span.of(text, start, end))
        if m is None:
            continue
        # The agency may stand in any part the line names ("Fox News' NAME contributed to this report, along
        # with The Associated Press"): the first it is named in.
        for who in ("who", "also", "contributors", "writers", "material", "information", "based", "owner"):
            if m[who] and source is None and (a := agency.search(text, m.start(who), m.end(who))):
                source = Span.of(text, a.start(), a.end())
        if m["reporters"] and author is None:
            author = Span.of(text, m.start("reporters"), m.end("reporters"))
    return CreditLines(
        spans=tuple(spans),
        source=agency_name(source.text) if source else None,
        source_span=source,
        author=author.text if author else None,
        author_span=author,
    )


def find_dateline(text: str, published: str | None, *, start: int = 0) -> tuple[Dateline | None, Credit]:
    """The dateline opening ``text`` at ``start`` (and the agency it credits, "(Reuters)"), if there is one;
    an agency credit alone ("(CNN) -") is a credit with no dateline."""
    flags = _WIRE_FLAGS.match(text, start)
    start = flags.end() if flags else start
    m = _DATELINE.match(text, start)
    if m and m["agency"] and not _credits_agency(m["agency"], after_caps=_credited_place(m["place"])):
        m = None
    if m and _unknown_title_place(m):
        m = None  # "Megyn Kelly, Howard Kurtz (Fox News) Megyn Kelly and ...": a caption's names, not a place
    if m and (_label(m) or _hyphenated_word(text, m)):
        m = None
    if not m or (m["end"].strip() in (".", ":") and not (m["month"] or m["month2"])):
        alone = _AGENCY_OPENER.match(text, start)
        known = alone is not None and is_news_organisation(alone["agency"])
        return None, _agency_credit(text, alone) if alone and known else Credit()
    place = _first_place(m["place"])
    country = _dateline_country(place, m["region"])
    month, day = (m["month"], m["day"]) if m["month"] else (m["month2"], m["day2"])
    date = _anchored_date(MONTH_NUMBER[month.lower()], int(day), published) if month else None
    dateline = Dateline(place=place, country=country, date=date, span=Span.of(text, start, _dash_end(m)))
    return dateline, _agency_credit(text, m) if m["agency"] else Credit()


def _unknown_title_place(m: re.Match[str]) -> bool:
    """Whether a title-case "dateline" that only its agency with no dash ("Washington (CNN) The ...") or its dash
    alone ("Washington — House ...") marks as one names no place the gazetteer knows: a caption's names ("Megyn
    Kelly, Howard Kurtz (Fox News) Megyn ..."), a subject set off by a dash ("Marco Rubio — In ..."). A date or
    an agency with its dash marks a dateline well enough ("Baku, Feb. 23 -"). Before a dash alone, a place with no
    region must be a country or a large town ("Beijing —"): a person's name is many a small town's ("Obama —",
    Obama in Japan, 30,000 people)."""
    if m["place"].isupper() or (m["agency"] and m["end"].strip()):
        return False
    if m["agency"]:
        return not _known_place(m["place"])
    if m["month"] or m["month2"]:
        return False
    if not m["region"]:
        return country_code(m["place"]) is None and not _large_town(m["place"])
    return not _in_region(m["place"], m["region"])


def _in_region(written: str, region: str) -> bool:
    """Whether a title-case place before a region and a dash alone is a town of that region's country: the region a
    country, a division the gazetteer knows, or a country's demonym before a hyphen ("New Delhi, India -",
    "Portland, Oregon —", "Srinagar, Indian-administered Kashmir -"). Any town would take two names set off by a
    dash ("Warren, Sanders — The two senators ...": Warren, Ohio; "Jordan, Israel — The talks ...")."""
    place = _first_place(written)
    homes = {c.country for c in _cities(place)} | {country_code(place)}
    hyphened = countries.demonym_code(region.split("-")[0]) if "-" in region.split()[0] else None
    return bool({country_code(region), _region_country(region, homes), hyphened} & (homes - {None}))


# Words that are a town's name in the gazetteer but only a common word in WordNet ("POLL", "LEAD", "MORE"):
# generated by bench/wordnet_label_words.py (its header says so; a test checks the file is what it writes).
LABEL_WORDS_FILE = "label_words.txt"


@lru_cache(maxsize=1)
def _label_words() -> frozenset[str]:
    return read_words(LABEL_WORDS_FILE)


def _bare(m: re.Match[str]) -> bool:
    """Whether a dateline match has nothing a dateline adds to its place: no region, date or agency."""
    return not (m["region"] or m["month"] or m["month2"] or m["agency"])


def _label(m: re.Match[str]) -> bool:
    """Whether a dash "dateline" is an editor's label or a section kicker ("EXCLUSIVE --", "UPDATE -",
    "CORRECTION - ...", "POLL —"), not a place: a place in capitals with nothing a dateline adds to it (a
    region, a date, an agency) that is one word the gazetteer does not know as a city or country, or one that
    WordNet knows only as a common word and that names no large town; or several words the gazetteer does
    not know as one place: a headline, a column's kicker or a wire's table slug ("GEORGE W. BUSH ON BOSTON
    BOMBINGS -", "FINAL UPDATE -", "ZINC HIGH GRADE -", "LONDON COCOA CLOSING -"; "KING OF PRUSSIA" and "RIO
    DE JANEIRO" are known), unless WordNet files them as a location ("WEST BANK —", "GAZA STRIP —") or they are
    an international organisation's seat ("UNITED NATIONS—"). In the bulk corpora (AllSides, Reuters-21578),
    256 such bare places: 255 labels and slugs, and "UNITED NATIONS".
    A place written alone is a city every reader knows ("LONDON —"): WordNet files many such words as places
    ("PHOENIX", "READING", "MOBILE"), and the others are large towns ("DERBY", "AURORA", "ORANGE", all common
    words to WordNet and no label)."""
    place = m["place"]
    if not (_bare(m) and m["end"].strip() and place.isupper()):
        return False
    if re.fullmatch(r"[A-Z]+", place):
        return not _known_place(place) or (place.lower() in _label_words() and not _large_town(place))
    return not _place_of_words(place)


def past_space(text: str, at: int) -> int:
    """The first character at or after ``at`` that is not white space (``len(text)`` when none is): where a
    paragraph or the body past a byline begins, where a label is looked for."""
    while at < len(text) and text[at].isspace():
        at += 1
    return at


def _dash_end(m: re.Match[str]) -> int:
    """Where a dateline's (or a label's) closing mark ends, the white space ``_DASH`` takes after it left out of
    the span."""
    return m.end("end") - (len(m["end"]) - len(m["end"].rstrip()))


def find_label(text: str, *, start: int = 0) -> Span | None:
    """The editor's label or kicker opening ``text`` at ``start`` ("EXCLUSIVE -", "MARKET TALK -", "ZINC HIGH
    GRADE -"), through its dash: what ``_label`` keeps from being read as a dateline. It is the page's, not
    the report's text, so no statement, place or event starts inside it."""
    flags = _WIRE_FLAGS.match(text, start)
    m = _DATELINE.match(text, flags.end() if flags else start)
    if m is None or not _label(m) or "\n" in m.group():
        return None  # a dash a paragraph below is no label's ("NOTABLES\n\n--")
    if _hyphenated_word(text, m) and not _SLUG_DATE.match(text, m.end()):
        # A headline's hyphenated word ("COCA-COLA ENTERPRISES ...", "... TO MEET IN MOSCOW IN MID-APRIL"): no
        # label ends inside a word (84 Reuters-21578 headlines held such a label, which kept "MOSCOW" from
        # places). A hyphen before a date is a table slug's dash written tight ("ESTIMATED VOLUME-APRIL 7").
        return None
    return Span.of(text, m.start(), _dash_end(m))


@lru_cache(maxsize=1)
def _igos() -> frozenset[str]:
    from dateline.data import load_yaml

    return frozenset(name_key(str(k)) for k in load_yaml("sectors.yaml")["igos"])


def _seat_of_organisation(place: str) -> bool:
    """Whether a dateline's "place" of several words is an international organisation a wire dates reports
    from (its seat: "UNITED NATIONS—", data/sectors.yaml's ``igos``), which the gazetteer holds no town for."""
    return name_key(_place_name(place)) in _igos()


# Places of several words WordNet files as locations ("WEST BANK", "GAZA STRIP", "CAMP DAVID"): generated by
# bench/wordnet_label_words.py (a test checks the file is what it writes).
WORDNET_PLACES_FILE = "wordnet_places.txt"


@lru_cache(maxsize=1)
def _wordnet_places() -> frozenset[str]:
    return read_words(WORDNET_PLACES_FILE)


def _wordnet_place(place: str) -> bool:
    """Whether a "place" of several words in capitals is one WordNet knows as a location the gazetteer holds no
    town for ("WEST BANK —", "GAZA STRIP —", "CAMP DAVID —"): a dateline, not a label."""
    return " ".join(place.split("/")[0].lower().split()) in _wordnet_places()


def _place_of_words(place: str) -> bool:
    """Whether several words in capitals name one place: one the gazetteer knows ("RIO DE JANEIRO"), one WordNet
    files as a location ("WEST BANK"), or an international organisation's seat ("UNITED NATIONS")."""
    return _known_place(place) or _wordnet_place(place) or _seat_of_organisation(place)


def _credited_place(place: str) -> bool:
    """Whether a place in capitals may take a one-word agency in parentheses ("NEW YORK (WABC) -"): one word,
    or several that name one place (``_place_of_words``). Other words are a headline with an abbreviation or a
    note in parentheses, not a dateline and a call sign ("CBT MAJOR MARKET INDEX (MMI) STOCK ...", "LONDON
    COCOA OPEN POSITION (REVISED) -": 5 Reuters-21578 stories, all such)."""
    first = place.split("/")[0]
    return place.isupper() and (" " not in first.strip() or _place_of_words(first))


def _large_town(place: str) -> bool:
    """Whether the gazetteer holds a town of this name, under its own whole name, of the gazetteer's
    ``LARGE_CITY_POPULATION`` or more: a town known well enough to be written alone ("DERBY —", 270,000
    people, "SAMARA", "TRIER"); the label words' towns are small (Lead, South Dakota, 3,000; Poll, Germany,
    11,000). Not a town whose name the word only begins ("GOLD" for Gold Coast, 640,000)."""
    from dateline.gazetteer import LARGE_CITY_POPULATION

    key = name_key(place)
    return any(
        c.is_primary and c.population >= LARGE_CITY_POPULATION and name_key(c.name) == key for c in _cities(place)
    )


# The word a hyphen runs into ("U.S.", "Brazil", "CHALMERS").
_WORD_AFTER_HYPHEN = re.compile(r"[A-Za-z.]+")


def _hyphenated_word(text: str, m: re.Match[str]) -> bool:
    """Whether a "dateline" with nothing after its place is the first part of a hyphenated word or compound in a
    headline in capitals ("ALLIS-CHALMERS PROPOSES ...", "FED SETS TWO-DAY ...", "PETRO-CANADA CUT ..."): one
    hyphen with a letter or digit right after it. A dateline's dash stands apart, or is doubled or a long dash
    when written tight ("FLORENCE, S.C.--Jeb", "WASHINGTON—President"); a wire's flash puts a single hyphen
    between a city and a story that opens on a country ("LONDON-U.S. TREASURY 30-YEAR BOND ...", "MIAMI-Brazil
    and bank ..."; 3 Reuters-21578 stories), which no compound of the three bulk corpora does (a compound of
    countries, BBC's "US-German", has no city before it)."""
    if not (_bare(m) and m["end"] == "-" and m.end() < len(text) and text[m.end()].isalnum()):
        return False
    place = _place_name(m["place"])
    after = _WORD_AFTER_HYPHEN.match(text, m.end())
    # The word after the hyphen is read as a country's name or alias only, not as an ISO code, which headline
    # words spell ("ARE", "CAN", "AND": AE, CA, AD).
    flash = (
        after is not None
        and countries.country_code(after.group()) is not None
        and country_code(place) is None
        and _city_country(place) is not None
    )
    return not flash


def _known_place(written: str) -> bool:
    """A country or a city the gazetteer knows ("Washington", "London"): what a title-case dateline with no dash
    after its credit must name."""
    place = _first_place(written)
    return country_code(place) is not None or _city_country(place) is not None


def _credits_agency(written: str, *, after_caps: bool) -> bool:
    """Whether the parenthesis of a dateline credits a news agency: a news organisation, or, after an all-caps
    place, one word (a call sign or an agency's own short name: "(WABC)", "(ANSA)"). Not "Sen. Patty Murray
    (D-Wash.) —" (a title-case name before a party tag) nor "IP (Internet Protocol) addresses"."""
    return is_news_organisation(written) or (after_caps and len(written.split()) == 1)


def _agency_credit(text: str, m: re.Match[str]) -> Credit:
    """The agency a dateline credits, under its stored name ("(AP)" -> Associated Press)."""
    return Credit(outlet=agency_name(m["agency"]), outlet_span=Span.of(text, m.start("agency"), m.end("agency")))


# A dateline may open the body after header paragraphs a page kept above it: the outlet's name ("USA
# TODAY"), a dek and headline on one line. Those are short; a paragraph longer than this is the report.
_HEADER_MAX_CHARS = 200
_HEADER_PARAGRAPHS = 2
# A dateline that credits an agency ("WASHINGTON (AP) —") is unmistakable, so it is looked for past longer
# paragraphs too: photo captions, "Updated ..." notes and editor's notes that pages keep above the body.
_AGENCY_DATELINE_PARAGRAPHS = 6
_AGENCY_DATELINE_CHARS = 2500


def find_opening_dateline(text: str, published: str | None, *, start: int = 0) -> tuple[Dateline | None, Credit]:
    """The dateline opening the body at ``start``, or opening one of the next paragraphs when only short
    header paragraphs stand before it ("USA TODAY\n\nWASHINGTON – ..."), or an agency's dateline opening one
    of the first paragraphs."""
    labelled = False
    for i, at in enumerate(_paragraph_starts(text, start, _AGENCY_DATELINE_PARAGRAPHS + 1)):
        found = find_dateline(text, published, start=at)
        if i == 0:
            labelled = find_label(text, start=past_space(text, at)) is not None
        elif labelled and found[0] is not None and found[0].date is None and not found[1].outlet:
            # Under a wire's table slug ("EXTENDED WEATHER OUTLOOK -", "ILLINOIS CASH SOYBEAN PRODUCT BASIS -"),
            # a place alone before a dash opens a table's row ("MISSOURI - Fair", "DECATUR - 6.00 OVER MAY");
            # a later dateline counts with its date or agency ("FILE - ... photo\n\nNEW YORK (AP) —").
            continue
        header = i <= _HEADER_PARAGRAPHS and (i == 0 or _short_headers(text, start, at))
        opens = found[0] is not None and found[0].place not in _caption_openers()
        if found[0] is not None and header and (opens if i == 0 else _clear_dateline(text, found[0])):
            return found
        # Past longer paragraphs (a video's or photo's caption, a dek), a dateline with no agency is still the
        # body's when it is unmistakable: a city the gazetteer knows, in capitals, then a dash ("WASHINGTON —"
        # under USA Today's "CLOSE ..." video caption, "FARGO, N.D. —" under Politico's photo caption).
        if found[0] is not None and at - start <= _AGENCY_DATELINE_CHARS and _dash_dateline(text, found[0]):
            return found
        # Past the headers, only an agency known as a news organisation: "IP (Internet Protocol) addresses".
        if found[1].outlet and (
            header or (at - start <= _AGENCY_DATELINE_CHARS and is_news_organisation(found[1].outlet))
        ):
            return found
    return None, Credit()


def _paragraph_starts(text: str, start: int, most: int) -> list[int]:
    """Where the first ``most`` paragraphs of ``text`` from ``start`` begin."""
    found: list[int] = []
    at = start
    while at < len(text) and len(found) < most:
        found.append(at)
        end = text.find("\n\n", at)
        if end < 0:
            break
        at = end
        while at < len(text) and text[at] in "\n ":
            at += 1
    return found


def _short_headers(text: str, start: int, at: int) -> bool:
    """Whether every paragraph between ``start`` and ``at`` is a short header (an outlet's name, a dek)."""
    return all(len(p) <= _HEADER_MAX_CHARS for p in text[start:at].split("\n\n") if p.strip())


def _clear_dateline(text: str, dateline: Dateline) -> bool:
    """A dateline past the header paragraphs is taken only when it cannot be a word with a hyphen ("COVID-19",
    "US-China") or a wire photo's caption opener ("FILE - In this ...")."""
    span = dateline.span
    if span is None or dateline.place in _caption_openers():
        return False
    glued = span.text.endswith("-") and span.end < len(text) and not text[span.end].isspace()
    return not glued


def _dash_dateline(text: str, dateline: Dateline) -> bool:
    """A dateline that stands on its own anywhere among the opening paragraphs: a known city or country in
    capitals ending at a dash, not a word with a hyphen ("COVID-19") nor a label ("UPDATE -", "FILE -")."""
    span = dateline.span
    if span is None or not span.text.rstrip().endswith(tuple(_DASHES)) or not _clear_dateline(text, dateline):
        return False
    written = re.split(r"[,/]", span.text)[0].strip(" " + _DASHES)
    return written.isupper() and _known_place(written)


@lru_cache(maxsize=1)
def _caption_openers() -> frozenset[str]:
    return frozenset(str(w).title() for w in _credit_lexicon()["caption_openers"])


def find_credit(text: str, *, start: int = 0) -> Credit:
    """The source and outlet the lead paragraph credits ("X told Outlet", "Outlet reports referring to X")."""
    end = text.find("\n\n", start)
    lead_end = len(text) if end < 0 else end
    told, reports = _credit_patterns()
    found = [m for pattern in (told, reports) for m in pattern.finditer(text, start, lead_end)]
    for m in sorted(found, key=lambda m: m.start()):
        source = m["source"].strip()
        if source.lower() in _not_sources():
            continue
        # "X told Eric Holder", "told U.S. officials": whoever is told is the outlet only when it is one
        # ("told News.Az"); "Trend reports referring to X" is an outlet's own formula.
        if m.re is told and not is_news_organisation(m["outlet"]):
            continue
        s_start = m.start("source")
        return Credit(
            source=source,
            source_span=Span.of(text, s_start, s_start + len(source)),
            outlet=m["outlet"],
            outlet_span=Span.of(text, m.start("outlet"), m.end("outlet")),
        )
    return Credit()


# An editor's note saying the page changed after first publication: a sentence opening a paragraph (or following
# a sentence's end) that says this report was updated or corrected ("This story has been updated with additional
# developments Friday.", "--This report was updated at 9:54 a.m.", "Editor's note: This article has been updated
# since its initial posting.", "[Update: This story was updated at 12:01 p.m. ...]"), or a paragraph opened by an
# update or correction label ("UPDATE: The official declaration has been made.", "UPDATE - More from Senator
# Lee.", "Correction: An earlier version of this story misstated ...", "Updated 2:48 p.m."). Only "this" names the
# report: "the report was revised" is as often a government's report, and a quotation mark before the sentence
# makes it someone's words (a quoted "The story has been corrected" about another outlet's story). 169 reports of
# the AllSides corpus outside gold/dev hold one; none was marked `updated` before.
_NOTE_LEAD = r"[ \t]*[-–—•*\[(_]*[ \t]*"
_NOTE_LABEL = r"(?:update[ds]?|correction|clarification)"
_UPDATE_NOTE = re.compile(
    rf"(?:^|(?<=[.!?] )){_NOTE_LEAD}(?:(?:editor'?s?[’']?s?\s+note|{_NOTE_LABEL})\s*:\s*)?"
    r"this\s+(?:story|article|report|post|posting|piece|column)\s+(?:has|had|was|is)\s+(?:been\s+)?"
    r"(?:updated|corrected|revised|amended)\b"
    # A label opening a paragraph, with a colon after it ("Correction 11/19:"), an update label also with a spaced
    # dash ("FINAL UPDATE -", "UPDATE II -"; a wire's "CORRECTION - ITEM" headline is a new item correcting another:
    # 27 Reuters-21578 stories), or a clock time.
    rf"|^{_NOTE_LEAD}{_NOTE_LABEL}\b(?:[ \t]+[\d/.]+)?[ \t]*:"
    rf"|^{_NOTE_LEAD}(?:final[ \t]+)?update[ds]?\b(?:[ \t]+[IVX\d]+\b)?[ \t]*[-–—]+[ \t]"
    rf"|^{_NOTE_LEAD}updated[ \t]+\d{{1,2}}(?::\d\d)?[ \t]*[ap]\.?m\b",
    re.IGNORECASE | re.MULTILINE,
)


def find_update_note(text: str) -> Span | None:
    """The span of an editor's note saying this report was updated or corrected after publication, if any."""
    m = _UPDATE_NOTE.search(text)
    return Span(m.start(), m.end(), m.group(0)) if m else None
