"""Entities: one record per distinct person, organisation or place in an article, with offices as roles.

Mentions come from ``doc.ents`` as corrected by ``dateline_entity_fixer`` (nlp/components.py), plus the
places nested in organisation names and definite descriptions ("the ambassador", "the embassy") that refer
back to a named entity. Mentions are grouped within the article by rules that never merge different people
who share a surname (a surname alone goes to the nearest preceding full name that ends with exactly it) nor a
person with an organisation named after them (organisation and person mentions never share a group).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from dateline.countries import country_name, demonym_name, display_name, home_seat
from dateline.extract.places import outlet_country
from dateline.extract.support.common import ROOT_DEP
from dateline.extract.support.speakers import FINITE_TAGS, HONORIFIC_WINDOW, SUBJECT_DEPS, honorific, load_cues
from dateline.extract.support.tokens import columns, doc_ents, held_ents
from dateline.model import Dateline, Entity, Role, Span
from dateline.nlp.components import NAME_LABELS
from dateline.nlp.doctext import doc_text
from dateline.nlp.offices import (
    PERSON_POSSESSIVES,
    POSSESSIVE,
    REGNAL_NUMERALS,
    SHADOW_CABINETS,
    Lexicon,
    Office,
    entity_start,
    is_ambassador,
    is_name_suffix,
    lexicon,
    nickname_in,
    posted_country,
    seat_state_after,
)
from dateline.normalize import initials
from dateline.outlets import is_news_organisation, outlet_led
from dateline.registry import extractor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from dateline.model import Analysis, Article

NAME = "entities.rules"
VERSION = 47
# Mention types kept for grouping and roles but not output as entities: the annotation guide
# (gold/ANNOTATION-GUIDE.md, "Entities") lists NORP and EVENT names only as optional, so such a record can never
# be a hit, only a false positive ("Republicans", "Muslims", "anti-Islamic"). A demonym of a country is not
# dropped: it names the country (a GPE group, see ``_place``).
UNLISTED_TYPES = frozenset({"NORP", "EVENT"})
# Tagged spans that are page furniture, not names (``_furniture``): a span running over a line break (a photo
# credit on its own line, a caption or heading joined to the next paragraph), an e-mail address, handle or link
# ("Dan.Molinski@wsj.com", "@ARRESTPODESTA", "https://t.co/..."), and a credit joining a photographer to a news
# agency with a slash ("Susan Walsh/AP", "Reuters/Shannon Stapleton"). 6 in 50 random bulk AllSides articles
# (seed 9), 11 in 40 others (seed 10), none a name. A slash alone is no sign: "CBC/Radio Canada".
PARAGRAPH_BREAK = "\n"
LINK_MARKS = ("@", "://")
PROPER_NOUN_TAGS = frozenset({"NNP", "NNPS"})


@dataclass
class _Group:
    """One entity being assembled: its mentions' surface forms and spans, and its roles."""

    type: str
    forms: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    # The spans already recorded, for a constant-time test (an entity can have thousands of mentions).
    seen: set[Span] = field(default_factory=set, repr=False, compare=False)
    roles: list[Role] = field(default_factory=list)
    # The titles its mentions are written with ("President" of "President Trump"), case-folded.
    titles: set[str] = field(default_factory=set)
    head: str = ""
    country: str | None = None
    canonical: str | None = None

    def add(self, form: str, span: Span, *, nameable: bool = True) -> None:
        """Record a mention; ``nameable`` forms may become the entity's name (not "the ambassador")."""
        if form not in self.forms:
            self.forms.append(form)
        if nameable and form not in self.names:
            self.names.append(form)
        if span not in self.seen:
            self.seen.add(span)
            self.spans.append(span)


class _Groups:
    """Entities of one article, found by key; keys are case-folded names, countries or acronyms."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, ...], _Group] = {}
        self.order: list[_Group] = []
        self.members: set[int] = set()
        # Each group's mention starts, sorted, so "the last one before" is a bisection, not a scan.
        self.seen_at: dict[int, list[int]] = {}

    def get(self, key: tuple[str, ...]) -> _Group | None:
        return self.by_key.get(key)

    def put(self, key: tuple[str, ...], group: _Group) -> _Group:
        self.by_key.setdefault(key, group)
        if id(group) not in self.members:
            self.members.add(id(group))
            self.order.append(group)
        return group

    def seen(self, group: _Group, at: int) -> None:
        bisect.insort(self.seen_at.setdefault(id(group), []), at)

    def latest(self, predicate: Callable[[_Group], bool], before: int) -> _Group | None:
        """The group mentioned last before char ``before`` for which ``predicate`` holds."""
        best: tuple[int, _Group] | None = None
        for group in self.order:
            starts = self.seen_at.get(id(group), [])
            i = bisect.bisect_left(starts, before)
            at = starts[i - 1] if i else -1
            if at >= 0 and (best is None or at > best[0]) and predicate(group):
                best = (at, group)
        return best[1] if best else None


def _strip_det(span: SpacySpan) -> SpacySpan:
    while len(span) > 1 and span[0].lower_ == "the":
        span = span[1:]
    return span


def _span(text: str, ent: SpacySpan) -> Span:
    return Span.of(text, ent.start_char, ent.end_char)


def _country_of_org(doc: Doc, ent: SpacySpan) -> tuple[str | None, list[str]]:
    """The country an organisation belongs to, and its name without it ("Azerbaijani Embassy in Pakistan"
    -> Azerbaijan, [embassy]); from a demonym inside, "of <country>", or a possessive country before it."""
    words = [t.lower_ for t in ent]
    country = None
    if words and demonym_name(ent[0].text):
        country, words = demonym_name(ent[0].text), words[1:]
    if "in" in words:
        words = words[: words.index("in")]
    if "of" in words:
        at = words.index("of")
        tail = ent[at + 1 + (1 if len(ent) > at + 1 and ent[at + 1].lower_ == "the" else 0) :]
        named = country_name(tail.text.split(" in ")[0]) if len(tail) else None
        if named:
            country, words = named, words[:at]
    if country is None and ent.start >= 2 and doc[ent.start - 1].text in POSSESSIVE:
        for s in range(ent.start - 2, max(ent.start - 5, -1), -1):
            named = country_name(doc[s : ent.start - 1].text)
            if named:
                country = named
                break
    return country, words


def _possessor_start(doc: Doc, ent: SpacySpan) -> int | None:
    """Where a possessive place before ``ent`` starts ("Pakistan's National Library"), or None."""
    if ent.start >= 2 and doc[ent.start - 1].text in POSSESSIVE and doc[ent.start - 2].ent_type_ == "GPE":
        return entity_start(doc, ent.start - 2)
    return None


def _org(doc: Doc, text: str, ent: SpacySpan, groups: _Groups, lex: Lexicon) -> _Group:
    ent = _strip_det(ent)
    country, core = _country_of_org(doc, ent)
    head = core[-1] if core else ent[-1].lower_
    generic = bool(core) and all(w in lex.generic_org_words for w in core)
    span = _span(text, ent)
    possessor = _possessor_start(doc, ent)
    first = ent[0].text
    group = groups.get(("acronym", first)) if first.isupper() and len(first) > 1 else None
    if group is None and generic and country:
        group = groups.get(("org", " ".join(core), country))
    if group is None:
        group = groups.get(("org", ent.text.casefold()))
    if group is None and len(core) == 1 and country is None:
        # A bare head word ("the Foundation", "Senate") refers back to the last organisation with that head.
        group = groups.latest(lambda g: g.type == "ORG" and g.head == head, span.start)
    if group is None:
        group = _Group("ORG", head=head, country=country)
        if generic and country and possessor is not None:
            group.canonical = f"{' '.join(w.capitalize() if w != 'of' else w for w in core)} of {country}"
    groups.put(("org", ent.text.casefold()), group)
    if generic and country:
        groups.put(("org", " ".join(core), country), group)
    group.add(ent.text, span)
    if possessor is not None:
        full = Span.of(text, doc[possessor].idx, ent.end_char)
        group.add(full.text, full, nameable=False)
    groups.seen(group, span.start)
    _parenthetical(doc, text, ent, group, groups)
    return group


def _parenthetical(doc: Doc, text: str, ent: SpacySpan, group: _Group, groups: _Groups) -> None:
    """ "Institute of Science and Technology (SZABIST)", "Milli Majlis (Parliament)": the same organisation."""
    end = ent.end
    if end + 2 < len(doc) and doc[end].text == "(":
        close = next((k for k in range(end + 1, min(end + 6, len(doc))) if doc[k].text == ")"), None)
        if close is None or close == end + 1:
            return
        inner = doc[end + 1 : close]
        if not all(t.text[:1].isupper() for t in inner):
            return
        group.add(inner.text, _span(text, inner))
        groups.put(("org", inner.text.casefold()), group)
        if len(inner) == 1 and inner.text.isupper():
            groups.put(("acronym", inner.text), group)


@dataclass(frozen=True)
class _Written:
    """What the article writes around person names: each titled name's first token -> its title (case-folded),
    and each surname -> the first names written with it."""

    titles: dict[int, str]
    first_names: dict[str, frozenset[str]]
    # full names written after a relative's noun ("first lady Melania Trump"), case-folded
    relatives: frozenset[str]

    @classmethod
    def of(cls, doc: Doc, lex: Lexicon) -> _Written:
        firsts: dict[str, set[str]] = {}
        relatives: set[str] = set()
        for ent in doc_ents(doc):
            words = ent.text.split()
            if ent.label_ == "PERSON" and len(words) > 1:
                firsts.setdefault(words[-1], set()).add(words[0])
                if _after_relative_noun(doc, ent.start, lex):
                    relatives.add(ent.text.casefold())
        titles = {office.person_start: office.title.casefold() for office in map(lambda r: Office(*r), doc._.offices)}
        return cls(titles, {k: frozenset(v) for k, v in firsts.items()}, frozenset(relatives))


def _after_relative_noun(doc: Doc, start: int, lex: Lexicon) -> bool:
    """Whether the name at ``start`` follows a relative's noun ("first lady", "son"), in any case."""
    before = doc[max(0, start - 2) : start].text.casefold()
    return any(before == noun or before.endswith(f" {noun}") for noun in lex.relative_nouns)


def _surname_first(words: list[str], groups: _Groups, written: _Written, title: str | None) -> _Group | None:
    """The group of a surname written alone before the full name ("President Trump ... Donald Trump"): the full
    name joins it when it is the article's only person with that surname and no other title was written with
    it ("President Obama ... First Lady Michelle Obama" stay two)."""
    group = groups.get(("person", words[-1].casefold()))
    if group is None or any(" " in f for f in group.forms) or len(written.first_names.get(words[-1], ())) != 1:
        return None
    if group.titles and " ".join(words).casefold() in written.relatives:
        return None  # "President Obama ... first lady Michelle Obama": the office holder's relative
    return None if title and group.titles and title not in group.titles else group


def _person(text: str, ent: SpacySpan, groups: _Groups, written: _Written) -> _Group:
    span = _span(text, ent)
    # A name written with a quoted nickname inside (Joseph "Keith" Kellogg) is known by the name without it, its
    # first and last names; the form as written stays an alias, and the nickname with the surname ("Keith Kellogg")
    # finds the same person when the report writes that form too.
    plain, nickname = nickname_in(ent) or (ent.text, "")
    words = plain.split()
    # The nickname's key takes the surname, not a suffix after it ("Darrell "Bubba" Wallace Jr." -> "bubba wallace").
    surname = next((w for w in reversed(words) if not is_name_suffix(w)), words[-1]) if words else ""
    title = written.titles.get(ent.start)
    group = groups.get(("person", plain.casefold()))
    if group is None and nickname:
        group = groups.get(("person", f"{nickname} {surname}".casefold()))
    if group is None and len(words) == 2 and is_name_suffix(words[1]):
        group = _suffixed_surname(words, groups, span.start)
    elif group is None and len(words) > 1:
        group = _surname_first(words, groups, written, title)
    if group is None and len(words) == 1:
        # A surname alone: the latest full name ending in exactly that word (never "Aliyev" for "Aliyeva").
        group = groups.latest(
            lambda g: g.type == "PERSON" and any(f.split()[-1] == words[0] and len(f.split()) > 1 for f in g.forms),
            span.start,
        )
        if group is None:
            group = groups.get(("surname", words[0]))
        if group is not None and title and any(f.casefold() in written.relatives for f in group.forms):
            group = (
                None  # a titled surname ("President Trump") is no relative named in full ("first lady Melania Trump")
            )
        if group is None:
            group = _by_first_name(words[0], groups, span.start)
    if group is None:
        group = _Group("PERSON")
    groups.put(("person", plain.casefold()), group)
    if nickname:
        groups.put(("person", f"{nickname} {surname}".casefold()), group)
    if len(words) > 1 and not is_name_suffix(words[-1]):
        groups.put(("surname", words[-1]), group)
    if title:
        group.titles.add(title)
    group.add(plain, span)
    if nickname:
        group.add(ent.text, span, nameable=False)
    groups.seen(group, span.start)
    return group


def _suffixed_surname(words: list[str], groups: _Groups, before: int) -> _Group | None:
    """ "Trump Jr.": a surname with a generational suffix is the latest person named in full with both ("Donald
    Trump Jr."), never one named without the suffix, nor a person whose first name the surname is (it was read as
    first name "Trump" and surname "Jr.", so "President Trump" joined it by the first-name rule)."""
    ending = [w.casefold() for w in words]
    return groups.latest(
        lambda g: g.type == "PERSON" and any(len(f.split()) > 2 and _last_two(f) == ending for f in g.forms),
        before,
    )


def _last_two(form: str) -> list[str]:
    return [w.casefold() for w in form.split()[-2:]]


def _by_first_name(word: str, groups: _Groups, before: int) -> _Group | None:
    """A first name alone ("Diane told ABC News", "Hillary"): the one person named before in full with that
    first name, or None when none or several are."""
    named = [g for g in groups.order if g.type == "PERSON" and any(_first_of_full(f) == word for f in g.forms)]
    return named[0] if len(named) == 1 and groups.latest(lambda g: g is named[0], before) else None


def _first_of_full(form: str) -> str | None:
    words = form.split()
    if len(words) == 2 and words[1].casefold() in REGNAL_NUMERALS:
        # A numeral after one name numbers a monarch or a pope ("King Charles III ... Charles"): the name is a given
        # name; "Jr."/"Sr." after one word close a surname instead ("Trump Jr.").
        return words[0]
    words = [w for w in words if not is_name_suffix(w)]  # "Trump Jr." has no first name
    return words[0] if len(words) > 1 else None


def _place(
    text: str, ent: SpacySpan, label: str, groups: _Groups, lex: Lexicon, dateline: Dateline | None = None
) -> _Group:
    ent = _strip_det(ent)
    span = _span(text, ent)
    part = _dateline_part(text, span, dateline) if ent.text.isupper() else None
    country = country_name(ent.text) or (demonym_name(ent.text) if label == "NORP" else None)
    # A US state written as AP abbreviates it ("Kenosha, Wis.") is the state named in full elsewhere; a dateline's
    # region in capitals may lose its dot to the tagger or be a postal code ("SOUTHFIELD, MICH., March 24 -",
    # "KULPSVILLE, PA, April 1 -").
    lookup = lex.tag_state if part == "region" else lex.us_state
    state = lookup(ent.text) if label == "GPE" and not country else None
    # "BAKU -": the capitals are the dateline's style, the name is "Baku"; a country after it is the country ("OSAKA,
    # JAPAN, April 27 -" is Japan), a state named by ``state`` above, neither by the dateline's place.
    form = ent.text
    if part == "place" and dateline:
        form = dateline.place
    elif part == "region" and country:
        form = country
    key = ("place", country.casefold()) if country else (label.lower(), (state or ent.text).casefold())
    group = groups.get(key)
    if group is None:
        group = _Group("GPE" if country else label)
        # A country known only by its demonym ("Armenian forces") is named by the country.
        group.canonical = country if label == "NORP" else state if state != ent.text else None
    groups.put(key, group)
    if country and label != "NORP":
        group.canonical = None
    group.add(form, span, nameable=label != "NORP" or not country)
    groups.seen(group, span.start)
    return group


# What ends a dateline's own place: its region's comma, a second city's slash, an agency's parenthesis.
_DATELINE_PLACE_END = re.compile(r"[,/(]")


def _dateline_part(text: str, span: Span, dateline: Dateline | None) -> str | None:
    """Where in the dateline a mention written in capitals starts: "place", the dateline's own place, all of it or
    a piece the tagger split off ("ST" and "LOUIS" of "ST. LOUIS, MO., March 3 -"); "region", what follows it, a
    region or a second city ("LAS VEGAS, NEVADA --", "WASHINGTON/NEW YORK (Reuters) -", "Rovaniemi, FINLAND --");
    None outside the dateline. Session 31: the region had taken the dateline's place as its name ("MANCHESTER,
    N.H. -" gave New Hampshire the alias Manchester, "OSAKA, JAPAN -" an entity Osaka): 24 entity records changed on
    the 36 such datelines of the AllSides corpus outside gold/dev (23 right), 38 on 40 Reuters-21578 stories (seed
    101000, 37 right); telling the place by its name instead of by position made "ST. LOUIS" two entities "ST" and
    "LOUIS" (2 of the 40 stories)."""
    if dateline is None or dateline.span is None or not dateline.span.start <= span.start < dateline.span.end:
        return None
    end = _DATELINE_PLACE_END.search(text, dateline.span.start, dateline.span.end)
    return "place" if end is None or span.start < end.start() else "region"


def _furniture(text: str) -> bool:
    """Whether a tagged span is page furniture (see ``PARAGRAPH_BREAK``), not a name."""
    if PARAGRAPH_BREAK in text or any(mark in text for mark in LINK_MARKS):
        return True
    parts = text.split("/")
    return len(parts) > 1 and any(is_news_organisation(part.strip()) for part in parts)


def _capitals_line(text: str, start: int, end: int) -> bool:
    """Whether the line holding ``text[start:end]`` has no lower-case letter. A line written wholly in capitals is
    a heading, subhead or byline ("CONGRESS BOUND, MINNESOTA'S ILHAN OMAR ...", "WHITE HOUSE FENCE ..."), where the
    tagger cuts names out of the words around them; names in it also stand in the body in ordinary case. Spans in
    such lines are skipped."""
    line = text[text.rfind("\n", 0, start) + 1 : (text.find("\n", end) + 1 or len(text) + 1) - 1]
    return not any(c.islower() for c in line)


def _common_opener(ent: SpacySpan) -> bool:
    """A one-word span that opens a sentence and that the tagger reads as a common word, not a proper noun
    ("Granted, ...", "Turnout there ...", "Schools receive ..."): capitalised only by its place. An entity
    mentioned only so is dropped; one also named elsewhere ("Trump will sign ...") keeps the mention. 4 such
    records in 50 random bulk AllSides articles (seed 9), 5 in 40 others (seed 10), none a name."""
    return (
        len(ent) == 1
        and bool(ent[0].is_sent_start)
        and ent[0].tag_ not in PROPER_NOUN_TAGS
        # a country's name or demonym names it wherever it stands, whatever the tagger says ("Chinese officials")
        and country_name(ent.text) is None
        and demonym_name(ent.text) is None
    )


def _joined(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a hyphen written inside a word ("Mar-a-Lago"), not a dash between words."""
    return 0 < i < len(doc) - 1 and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def _whole_words(doc: Doc, ent: SpacySpan) -> SpacySpan:
    """A tagged name cut at a hyphen inside a word, grown to the whole word: "Mar" of "Mar-a-Lago" (tagged
    alone), "Import Bank" of "Export-Import Bank". Only across untagged words, so two names joined by a hyphen
    ("Trump-Russia", "U.S.-China") stay apart, and only to a capitalised end ("GOP-controlled" stays "GOP").
    2 such names in 50 random bulk AllSides articles."""
    start, end = ent.start, ent.end
    if _joined(doc, start - 1) and not doc[start - 2].ent_type_:
        word = doc[start - 2]
        # A capitalised word before it (not one capitalised by opening the sentence) would make it the end of a
        # longer untagged name ("Wall Street Journal-NBC").
        before = doc[start - 3] if start > 2 else None
        longer = before is not None and before.text[0].isupper() and not before.is_sent_start
        if word.is_alpha and len(word) > 1 and word.text[0].isupper() and not longer:
            start -= 2
    if end - ent.start == 1:
        last = end
        while _joined(doc, last) and not doc[last + 1].ent_type_ and doc[last + 1].is_alpha:
            last += 2
        if last > end and doc[last - 1].text[0].isupper():
            end = last
    return doc[start:end]


def _without_clitic(ent: SpacySpan) -> SpacySpan:
    """A tagged name without a clitic the model ran into its start ("it’s Joe Biden" -> "’s Joe Biden"): no
    name opens with "'s", and the name so cut is the person named elsewhere."""
    start = ent.start
    while start < ent.end - 1 and ent.doc[start].text in POSSESSIVE:
        start += 1
    return ent.doc[start : ent.end]


# Labels of a name that can lead a lower-case organisation noun ("Obama administration", "Los Angeles city
# council", "Senate Intelligence panel"); a group's ("Republican campaign") cannot.
NAME_LED_LABELS = frozenset({"PERSON", "ORG", "GPE"})


def _name_led_org(doc: Doc, ent: SpacySpan, label: str, lex: Lexicon) -> list[tuple[SpacySpan, str]]:
    """A name followed by a lower-case organisation noun (``name_led_org_nouns``: "the Obama administration",
    "the Los Angeles city council", a place suffix between) names an organisation; the person or place inside
    stays a mention of its own (as places nested in organisation names do), an organisation inside does not
    ("Senate Intelligence" of "the Senate Intelligence panel"). Not when the noun runs on into a compound ("the
    Trump campaign manager" stays the person's mention and the title's holder)."""
    if label not in NAME_LED_LABELS:
        return [(ent, label)]
    end = ent.end
    if end < len(doc) - 1 and doc[end].lower_ in lex.place_suffixes and doc[end].is_lower:
        end += 1
    if end >= len(doc) or not doc[end].is_lower or doc[end].lower_ not in lex.name_led_org_nouns:
        return [(ent, label)]
    if label != "PERSON" and doc[end].lower_ in lex.person_led_org_nouns:
        return [(ent, label)]
    # A one-word institution before the noun describes a part of it ("a Senate panel", "a CNN panel"), which
    # the guide names by the institution: 4 such on PolNeAR train before this check.
    if label == "ORG" and len(ent) == 1:
        return [(ent, label)]
    if _runs_on(doc, end):
        return [(ent, label)]
    org = (doc[ent.start : end + 1], "ORG")
    return [org] if label == "ORG" else [org, (ent, label)]


def _outlet_possessive(doc: Doc, ent: SpacySpan, label: str) -> list[tuple[SpacySpan, str]]:
    """A news organisation's possessive the model runs into the name after it ("The New York Times' Nate
    Silver", "Vox's Aaron Rupar", "CBS News' Luntz", tagged as one organisation) is two names: the outlet and
    its journalist or pollster. Only after a news organisation (``is_news_organisation``): "St. John's Church",
    "Hudson's Bay", "White House Correspondents' Dinner" are names of their own. In 90 random bulk AllSides
    reports outside gold/dev (seeds 21, 22), 4 such spans, all an outlet and a person; 8 on PolNeAR train."""
    if label != "ORG":
        return [(ent, label)]
    at = next((i for i in range(ent.start + 1, ent.end - 1) if doc[i].text in POSSESSIVE), None)
    if at is None or not is_news_organisation(doc[ent.start : at].text):
        return [(ent, label)]
    after = doc[at + 1 : ent.end]
    # A name written in title case ("ABC NEWS' SPECIAL COVERAGE" is a heading), not a title of a work ("Fox News
    # Channel's The Kelly File").
    if after[0].lower_ == "the" or not all(t.text[:1].isupper() and not t.text.isupper() for t in after):
        return [(ent, label)]
    # One word is a surname or the outlet's own thing ("Fox News' Hannity", "Associated Press' Twitter"): it
    # stays an organisation mention, which joins the person written with it in full (``_merge_surnames_tagged_org``).
    return [(doc[ent.start : at], "ORG"), (after, "PERSON" if len(after) > 1 else "ORG")]


def _untagged_name_led_orgs(doc: Doc, lex: Lexicon) -> Iterator[tuple[SpacySpan, str]]:
    """The organisations of ``_name_led_org`` whose name the model left untagged: proper nouns compounded
    onto the noun ("the Obama administration", where the model tags no name)."""
    # The lower-case forms from the Doc's columns first (few words are such nouns): ``doc[i]`` builds a Token.
    for i, lower in enumerate(columns(doc).lowers):
        if lower not in lex.name_led_org_nouns:
            continue
        tok = doc[i]
        if not tok.is_lower:
            continue
        start = tok.i
        while (
            start > 0
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].dep_ == "compound"
            and doc[start - 1].text[:1].isupper()
            and not doc[start - 1].ent_type_
        ):
            start -= 1
        if start < tok.i and not _runs_on(doc, tok.i):
            yield doc[start : tok.i + 1], "ORG"


def _runs_on(doc: Doc, i: int) -> bool:
    """Whether the noun at ``i`` runs on into a compound or a hyphenated word ("campaign manager", "council-
    approved"): then it is no organisation's last word."""
    after = doc[i + 1] if i + 1 < len(doc) else None
    return after is not None and (after.text == "-" or (after.pos_ in ("NOUN", "PROPN") and after.dep_ == "compound"))


def _mentions(doc: Doc) -> Iterator[tuple[SpacySpan, str]]:
    """Named mentions in text order: corrected ``doc.ents`` plus places nested in organisation names."""
    lex = lexicon()
    items: list[tuple[SpacySpan, str]] = [
        item
        for e in doc_ents(doc)
        if e.label_ in NAME_LABELS
        for part, label in _outlet_possessive(doc, _whole_words(doc, _without_clitic(e)), e.label_)
        for item in _name_led_org(doc, part, label, lex)
    ]
    items.extend(_untagged_name_led_orgs(doc, lex))
    for start, end in doc._.nested_places:
        items.append((doc[start:end], "GPE"))
    yield from sorted(items, key=lambda item: (item[0].start, item[0].end))


def _roles(article: Article, doc: Doc, groups: _Groups, by_token: dict[int, _Group], lex: Lexicon) -> None:
    """Attach each parsed office to its holder, and "Ambassador Farhadov" as an alias."""
    spoken_from = _home_countries(article, doc, lex)
    named = _named_most(doc, lex)
    homes = list(dict.fromkeys([*spoken_from, *([named] if named else [])]))
    # A shadow office is a parliament's opposition's: a home the report speaks from (its outlet, dateline or
    # institutions) holds it, and the country it names most only where that country's opposition names a shadow
    # cabinet ("shadow foreign secretary" in a BBC report on Iraq is Britain's; docs/extractors.md has the counts).
    shadow_homes = list(dict.fromkeys([*spoken_from, *(c for c in homes if c in SHADOW_CABINETS)]))
    state = _home_state(doc, lex) or _dateline_state(article, doc, lex)
    offices = [Office(*row) for row in doc._.offices]
    # Who holds a national office of a named country somewhere in the article ("Turkish President Erdogan"):
    # the same title written bare elsewhere ("President Erdogan") is that office, not the report's country's.
    written = {
        (id(holder), office.title.casefold())
        for office in offices
        if office.of is not None and lex.country(office.of) and (holder := by_token.get(office.person_start))
    }
    # A person the report ties to a country, by another office of it ("Russian leader Vladimir Putin") or by
    # its possessive ("Russia's Vladimir Putin"): a bare national office of theirs is that country's.
    nationals = _person_countries(doc, offices, by_token, lex)
    # One person holds a country's office at a time: with "Russian President Vladimir Putin" written, a
    # Moscow-datelined "President Donald Trump" is not Russia's president but his own paper's country's.
    held = {
        (office.title.casefold(), office.of): id(holder)
        for office in offices
        if office.of is not None and (holder := by_token.get(office.person_start)) is not None
    }
    under_person: list[tuple[_Group, Role, _Group]] = []
    for office in map(partial(_outlet_led_title, doc, lex), offices):
        holder = by_token.get(office.person_start)
        if holder is None or holder.type != "PERSON":
            continue
        # ``of`` as written ("SZABIST Islamabad campus"); a back-reference is resolved to what it names.
        of = _resolve_reference(doc, office, groups, state, lex) if office.of_ref else office.of
        after = _holder_after(doc, office, by_token, lex) if of is None and office.end > office.person_start else None
        # An ambassador posted somewhere ("U.N. Ambassador NAME", "Ambassador to Russia NAME") is sent by a country:
        # with none written, it is read as a national office is, but never as the country it is posted to (an
        # "ambassador to the United States" in a US report is a foreign one). Only an ambassador: an adviser,
        # consultant or special envoy "to" somewhere may be anyone's ("a consultant to the World Bank"). Nor one
        # written after a possessive pronoun: "the Soviet Union ... its ambassador to Kuwait" is sent by whom the
        # pronoun names (`_its_owner`, `_pronoun_owner` below), not by the report's country.
        pronoun_owned = office.start > 0 and doc[office.start - 1].tag_ == "PRP$"
        posted_to = office.to if is_ambassador(office.title) and not pronoun_owned else None
        host = posted_country(posted_to, lex) if posted_to is not None else None
        if after is not None:
            of = after or None
        elif of is None and (lex.is_national(office.title) or posted_to is not None) and not office.stance:
            if (id(holder), office.title.casefold()) in written:
                continue
            own = nationals.get(id(holder))
            # A listed holder of the office ("President Obama" in a report from Nairobi) holds it whoever else the
            # report gives it; a person the report ties to a country goes before the list.
            known = None if own else lex.known_holder(office.title, _surname(holder))
            free = [
                c
                for c in ([own] if own else shadow_homes if lex.is_shadow(office.title) else homes)
                if held.get((office.title.casefold(), c), id(holder)) == id(holder)
                and lex.may_be_held_by(c, office.title, _surname(holder))
                and c != host
            ]
            # A possessive names the holder, not the report's country.
            of = None if _possessed(doc, office) else known or next(iter(free), None)
            if of is not None and known is None and not lex.may_hold(of, office.title):
                # An office the home country never carries ("Foreign Minister NAME" in a US report, "President
                # NAME" in a British one) goes to the report's next home that may carry it: a BBC report naming
                # the White House or the United States most. In 285 AllSides reports outside gold/dev, read by
                # hand, 8 of 11 such offices got the right country this way, 3 a wrong one (a bare "Prime
                # Minister" of a leader whose country the report never names with him).
                of = next((c for c in free if lex.may_hold(c, office.title)), None)
        if of is None and lex.is_state_office(office.title):
            of = _state_of(doc, office, state, lex)
        if lex.holds_seat(office.title) and (of is None or of in lex.parties.values()):
            of = _seat_from(doc, office, lex) or of
        if of is None:
            of = _pronoun_owner(doc, office, by_token) or _its_owner(doc, office, by_token)
        if of is None and lex.speaks_for(office.title):
            of = _spoken_for(doc, office, by_token)
        role = Role(office.title, of, office.to, _title_span(article, doc, office))
        _add_role(holder, role)
        possessor = _possessor(doc, office, groups, by_token, lex) if of is not None and office.of_start >= 0 else None
        if possessor is not None and possessor is not holder and possessor.type == "PERSON":
            under_person.append((holder, role, possessor))
        if office.person_end - office.person_start == 1 and office.end == office.person_start:
            start = doc[office.start].idx
            end = doc[office.person_start].idx + len(doc[office.person_start])
            holder.add(article.text[start:end], Span.of(article.text, start, end), nameable=False)
    _national_under_person(under_person, lex)
    _seats_described(article, doc, by_token, lex)
    _seats_tagged_later(doc, by_token, lex)
    for group in groups.order:
        if group.type == "PERSON":
            _one_sense(group, lex)


def _possessor(doc: Doc, office: Office, groups: _Groups, by_token: dict[int, _Group], lex: Lexicon) -> _Group | None:
    """Whose office an "of" written before the title names: the entity at its tokens, or, where the model tagged a
    person's possessive as an organisation ("Trump's transportation secretary": "Trump's" is often ORG), the one
    person the report writes in full with it as surname, as `_merge_surnames_tagged_org` reads that word later
    (none when two people share it, nor for an institution's or outlet's word: "Google's chief executive" stays
    Google's). Only a possessive: an organisation written as a name ("Ford president NAME") stays the
    organisation's."""
    found = by_token.get(office.of_start)
    if (found is not None and found.type == "PERSON") or office.of_end >= len(doc):
        return found
    if doc[office.of_end].text not in POSSESSIVE or office.of_end != office.start - 1:
        return found
    return _surname_tagged_org(doc[office.of_start : office.of_end].text, groups, lex) or found


# The fewest words a title with a rank or ordinal word before a national office has: the rank word and an office
# of two words at least ("former attorney general", "first secretary of state"), so a lone two-word office is never
# cut to one word.
_RANKED_OFFICE_WORDS = 3
# The last word of a law officer's title ("attorney general"), a cabinet office with no department to head.
_LAW_OFFICER_LAST_WORD = "general"


def _national_under_person(under_person: list[tuple[_Group, Role, _Group]], lex: Lexicon) -> None:
    """A cabinet office under a person who holds their country's national office is the country's: "Hillary
    Rodham Clinton, Mr. Obama's first secretary of state" and "Eric Holder, President Barack Obama's former
    attorney general" are of the United States (the annotation guide's ``of`` for a cabinet office), not of the
    president who named them. Staff of the person ("Mr. Clinton's press secretary", "President Trump's former
    personal attorney") are no national office and stay the person's. Read after every role is set, as the
    possessor's own office ("President Obama", of the report's country) may come later in the report."""
    for holder, role, possessor in under_person:
        words = role.title.split()
        # An ordinal or rank word before the office ("first secretary of state", "former attorney general")
        national = lex.is_national(role.title) or (
            len(words) >= _RANKED_OFFICE_WORDS and lex.is_national(" ".join(words[1:]))
        )
        # A cabinet office: a department's secretary or minister, or a law officer ("attorney general"). A
        # national office of the president's own staff stays the president's: gold/dev's "Obama's national
        # security adviser" is of Barack Obama.
        cabinet = (
            any(w.casefold() in lex.national_title_heads for w in words)
            or words[-1].casefold() == _LAW_OFFICER_LAST_WORD
        )
        country = next((r.of for r in possessor.roles if r.of and lex.country(r.of) and lex.is_national(r.title)), None)
        if not (national and cabinet) or country is None or role not in holder.roles:
            continue
        holder.roles[holder.roles.index(role)] = Role(role.title, country, role.to, role.span)


def _seat_from(doc: Doc, office: Office, lex: Lexicon) -> str | None:
    """ "Steve King, the Republican congressman from northwest Iowa", "Jim Talent, a former GOP senator from
    Missouri": a seat's state written after "from" (lower-case words between) is the seat's `of`, as a party-state
    tag's is, where the party before the title was read as its holder; a city after "from" gives none. In all 31
    AllSides reports outside gold/dev with "NAME, a/the ... senator/congressman/lawmaker/representative from PLACE"
    (34 written) 18 roles changed, each read and right: 15 from the party to the state, 3 from none."""
    k = office.end
    if k >= len(doc) or doc[k].lower_ != "from":
        return None
    k += 1
    first = k
    while k < len(doc) and doc[k].is_lower and k - first < _SEAT_FROM_WORDS:
        k += 1  # "northwest", "upstate", "neighboring" (the model tags some of them proper nouns)
    if k >= len(doc) or doc[k].ent_iob_ != "B" or doc[k].ent_type_ != "GPE":
        return None
    end = next((t for t in range(k + 1, len(doc)) if doc[t].ent_iob_ != "I"), len(doc))
    return lex.us_state(doc[k:end].text)


# Lower-case words "from" and a seat's state may stand apart by ("from neighboring Minnesota").
_SEAT_FROM_WORDS = 2


def _outlet_led_title(doc: Doc, lex: Lexicon, office: Office) -> Office:
    """ "CNN Chief National Correspondent John King", "NPR Justice Department correspondent Ryan Lucas": the model
    tags the outlet and the beat or rank after it as one organisation, so the office was a bare "Correspondent" of
    "CNN Chief National"; the words after the outlet belong to the title (outlets.outlet_led). In the 50 AllSides
    reports outside gold/dev with "OUTLET Words TITLE NAME" for a newsroom title (57 written; 31 of them CNN's) 41
    roles changed, each read and right ("Chief National Correspondent" of CNN, "Justice Department correspondent"
    of NPR, "White House correspondent" of the Associated Press); "NBC Nightly News anchor" and "Fox News Channel
    host" stay as they were."""
    if office.of is None or office.of_ref or office.of_end != office.start or _opens_with_status(office.title, lex):
        return office
    n = outlet_led([t.text for t in doc[office.of_start : office.of_end]])
    if n == 0:
        return office
    rest = doc[office.of_start + n : office.of_end]
    return office._replace(
        title=f"{rest.text} {office.title}",
        start=rest.start,
        of=lex.holder(doc[office.of_start : rest.start].text),
        of_end=rest.start,
    )


def _opens_with_status(title: str, lex: Lexicon) -> bool:
    """ "Then-Correspondent", "former editor": a status the title opens with would stand inside the beat moved before
    it, so such a title is left as written."""
    words = title.casefold().replace("-", " ").split()
    return bool(words) and words[0] in lex.status_modifiers


def _title_span(article: Article, doc: Doc, office: Office) -> Span:
    return Span.of(article.text, doc[office.start].idx, doc[office.end - 1].idx + len(doc[office.end - 1]))


# Words between a title in apposition and the "of" that names its holder: a second title joined by "and"
# ("president and CEO of Consumer Reports"), at most this many words long.
_JOINED_TITLE_WORDS = 3
# Words between "of" and the holder's name: an article and lower-case modifiers ("of the pro-life Susan B.
# Anthony List"), at most this many.
_HOLDER_LEAD_WORDS = 4
HOLDER_PREPOSITIONS = frozenset({"of", "at", "for"})


def _holder_after(doc: Doc, office: Office, by_token: dict[int, _Group], lex: Lexicon) -> str | None:
    """The holder an apposition's title names after it when the office parse left it out ("NAME, president
    and CEO of Consumer Reports", "NAME, president of the pro-life Susan B. Anthony List"): the organisation
    or place the model names there, "" when the title is followed by "of/at/for" but nothing named, None when
    it is not. Either way the title is not a bare national office: before, such an apposition took the report's
    country ("president of United States"): 2 in 60 random bulk AllSides reports outside gold/dev (seed 22);
    ", (the) president and CEO/chief executive of" 22 times and ", (the) president of the <lower-case word>
    <Name>" 14 times in the AllSides corpus outside gold/dev."""
    i = office.end
    if i < len(doc) and doc[i].lower_ == "and":
        i = next(
            (
                k
                for k in range(i + 1, min(i + 2 + _JOINED_TITLE_WORDS, len(doc)))
                if doc[k].lower_ in HOLDER_PREPOSITIONS
            ),
            len(doc),
        )
    if i >= len(doc) or doc[i].lower_ not in HOLDER_PREPOSITIONS:
        return None
    # A portfolio is no holder: "NAME, a secretary of labor", "assistant secretary of state for population" stay
    # national offices (2 wrongly taken out of them on PolNeAR train before this check).
    if _portfolio_at(doc, i + 1, lex) or "of" in office.title.split():
        return None
    for k in range(i + 1, min(i + 2 + _HOLDER_LEAD_WORDS, len(doc))):
        group = by_token.get(k)
        if group is not None and group.type in ("ORG", "GPE", "FAC"):
            return _name(group)
        if doc[k].is_punct or doc[k].text[:1].isupper():
            break
    return ""


def _portfolio_at(doc: Doc, i: int, lex: Lexicon) -> bool:
    """Whether a portfolio starts at token ``i`` (after "the"): "labor", "the Treasury", "Homeland Security";
    not the first word of an organisation's name ("the Energy Policy Institute")."""
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    if i >= len(doc) or doc[i].lower_ not in lex.portfolio_words:
        return False
    after = doc[i + 1] if i + 1 < len(doc) else None
    return after is None or not after.text[:1].isupper() or after.lower_ in lex.portfolio_words


def _one_sense(group: _Group, lex: Lexicon) -> None:
    """One person's office is one sense through the report: a title written with no holder takes the holder
    written with the same title elsewhere ("Former Director Comey", "then-Deputy Director Andrew McCabe" after
    "former FBI Director", "FBI Deputy Director"), status words aside; not when two holders are written."""
    for role in list(group.roles):
        if role.of is not None:
            continue
        base = _base_title(role.title, lex)
        holders = {(r.of, r.to) for r in group.roles if r.of is not None and _base_title(r.title, lex) == base}
        if len(holders) == 1:
            of, to = holders.pop()
            group.roles.remove(role)
            _add_role(group, Role(role.title, of, role.to or to, role.span))


def _base_title(title: str, lex: Lexicon) -> str:
    """A title without its status words, case-folded ("then-Deputy Director" -> "deputy director")."""
    return " ".join(lex.without_status(title.casefold().replace("-", " ").split()))


def _person_countries(doc: Doc, offices: list[Office], by_token: dict[int, _Group], lex: Lexicon) -> dict[int, str]:
    """Each person the report ties to one country (by group id): the country of an office written with it
    ("Russian leader Vladimir Putin", "Putin, Russia's president") or a possessive country right before the name
    ("Russia's Vladimir Putin"). A person tied to two countries is tied to none."""
    ties: dict[int, set[str]] = {}
    for office in offices:
        country = lex.country(office.of) if office.of is not None else None
        holder = by_token.get(office.person_start)
        if country and holder is not None and holder.type == "PERSON":
            ties.setdefault(id(holder), set()).add(country)
    for ent in doc_ents(doc):
        holder = by_token.get(ent.start)
        if ent.label_ != "PERSON" or holder is None or ent.start < 2 or doc[ent.start - 1].text not in POSSESSIVE:
            continue
        start = entity_start(doc, ent.start - 2)
        country = lex.country(doc[start : ent.start - 1].text)
        if country:
            ties.setdefault(id(holder), set()).add(country)
    return {holder: next(iter(countries)) for holder, countries in ties.items() if len(countries) == 1}


def _spoken_for(doc: Doc, office: Office, by_token: dict[int, _Group]) -> str | None:
    """The organisation a spokesperson with none written speaks for: the subject of the sentence before, when
    the model names it an organisation ("The Department of Justice issued a statement ..." / "..., spokesman
    NAME said"); a news organisation there reports, it is not spoken for ("The Associated Press reported ...").
    A quotation the parser made a sentence of its own is passed over for the one before it."""
    sent = doc[office.start].sent
    for _ in range(2):
        if sent.start == 0:
            return None
        sent = doc[sent.start - 1].sent
        subject = next((t for t in sent.root.children if t.dep_ in SUBJECT_DEPS), None)
        if subject is None or subject.pos_ == "PRON":
            continue
        group = by_token.get(subject.i)
        if group is None or group.type != "ORG" or is_news_organisation(_name(group)):
            return None
        return _name(group)
    return None


def _home_countries(article: Article, doc: Doc, lex: Lexicon) -> list[str]:
    """The countries a report speaks from, whose national offices need no country written ("President Trump"),
    best first: its outlet's (a US paper's report on Russia), its dateline's country and the country whose
    institutions it names most ("the White House"); ``_roles`` adds the country it names most (``_named_most``)
    after them. The first is the home of an unqualified office; the next ones hold it where the
    article gives the first's office to someone else. The outlet goes before the institutions: a report names
    the Kremlin or Downing Street as an actor it reports on, and its bare "President NAME" is still its own
    country's (in AllSides reports outside the gold sets, 91 name a foreign seat most; 35 of them write a bare
    US president, 12 a bare foreign leader)."""
    found: list[str | None] = []
    # A national outlet's correspondent abroad still writes from home: CNN's "Havana (CNN)" report's bare
    # "Secretary of State John Kerry" is the United States', as are "Secretary of State Mike Pompeo" and
    # "national security adviser John Bolton" from Helsinki; the host country's leader is written with his
    # country ("Cuban Foreign Minister"), or with an office the outlet's country never carries (titles_not_held).
    # Wire agencies have no listed country (data/outlets.yaml): their reports speak from the dateline.
    outlet = outlet_country(article.outlet)
    if outlet is not None:
        found.append(display_name(outlet))
    if article.dateline is not None and article.dateline.country:
        found.append(display_name(article.dateline.country) or lex.country(article.dateline.country))
    found.append(_sole_most(Counter(seat for ent in doc_ents(doc) if (seat := home_seat(_strip_det(ent).text)))))
    return list(dict.fromkeys(c for c in found if c))


def _sole_most(counts: Counter[str]) -> str | None:
    """The name counted most, when no other is counted as often; None when none is counted or two tie."""
    top = counts.most_common(2)
    return top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None


def _named_most(doc: Doc, lex: Lexicon) -> str | None:
    """The country a report names most (by name or demonym), when no other is named as often."""
    named = Counter(
        country
        for ent in doc_ents(doc)
        if ent.label_ in ("GPE", "NORP")
        if (country := lex.country(ent.text) or lex.demonym(ent.text) or _state_country(ent.text, lex))
    )
    return _sole_most(named)


def _home_state(doc: Doc, lex: Lexicon) -> str | None:
    """The one US state a report names (written out, as a place), or None when it names none or several: the state
    whose governor a bare "Gov. NAME" is ("... off the California coast ... Gov. Gavin Newsom said"). "Washington"
    counts only when no other state is named: in US news it is the capital far more often than the state ("the
    outsider Washington will never control ... Former Gov. Ed Rendell" in a report on Pennsylvania)."""
    named = {state for ent in doc_ents(doc) if ent.label_ == "GPE" if (state := _state_name(ent.text, lex))}
    if len(named) == 2 and _CAPITAL_NAMED_AS_STATE in named:
        named.discard(_CAPITAL_NAMED_AS_STATE)
    return next(iter(named)) if len(named) == 1 else None


def _dateline_state(article: Article, doc: Doc, lex: Lexicon) -> str | None:
    """The US state a report's dateline writes ("ORLANDO, Fla. —"), when the report names it more than any other
    state: the report's state when it names several ("Gov. Ron DeSantis (R)" in a Florida report comparing Florida
    with New York and California). Not when another is named as often: a campaign report datelined in Iowa names the
    candidates' own states ("Gov. Bush", "Gov. Pence" of Florida and Indiana), nor when the report names more than
    one governor."""
    dateline = article.dateline
    if dateline is None or dateline.span is None or "," not in dateline.span.text:
        return None
    written = dateline.span.text.split(",", 1)[1].strip(" \t—–-(")
    state = lex.tag_state(written.split("(")[0].strip())
    if state is None:
        return None
    # One governor in the report: a state's report names its own; several are a campaign's or a comparison's.
    governors = {
        doc[office.person_end - 1].text
        for office in (Office(*row) for row in doc._.offices)
        if office.title.split()[-1].casefold() in lex.state_offices
    }
    if len(governors) > 1:
        return None
    named = Counter(name for ent in doc_ents(doc) if ent.label_ == "GPE" if (name := _state_name(ent.text, lex)))
    return state if _sole_most(named) == state else None


# The US state whose name is also the capital's, read as the state only when the report names no other.
_CAPITAL_NAMED_AS_STATE = "Washington"


def _seats_described(article: Article, doc: Doc, by_token: dict[int, _Group], lex: Lexicon) -> None:
    """ "Sen. Ted Cruz said Saturday ... the Texas Republican told Larry Kudlow": a description of a lawmaker by state
    and party ("the STATE Republican/Democrat/lawmaker", `seat_describers`) gives its state to the seat of the person
    named last before it, when that seat has none written (414 such descriptions in 346 AllSides reports outside
    gold/dev, not counting appositions, which the office parser reads). A person named between, in the sentence or
    the one before, holding no seat, is passed over ("Rep. Tim Murphy said the hysteria President Obama is trying to
    calm ... the Pennsylvania lawmaker told Fox News"). When no one named there holds a seat and the description
    names an office (``_names_office``), it is the office of the person named last ("Kamala Harris ... the
    California senator said"): 362 "the STATE senator/governor/congressman/congresswoman" in the AllSides corpus."""

    def seated(group: _Group) -> bool:
        return any(lex.holds_seat(r.title) or lex.is_state_office(r.title) for r in group.roles)

    for ent in doc_ents(doc):
        k = ent.start - 1
        if ent.label_ != "GPE" or k < 0 or doc[k].lower_ != "the" or ent.end >= len(doc):
            continue
        noun = doc[ent.end]
        office = _names_office(noun, lex)
        described = (noun.lower_ in lex.seat_describers or office) and not (
            ent.end + 1 < len(doc) and doc[ent.end + 1].lower_ == "party"  # "the Texas Republican Party"
        )
        state = _state_name(ent.text, lex) if described else None
        person = next(
            (g for j in range(k - 1, -1, -1) if (g := by_token.get(j)) is not None and g.type == "PERSON"), None
        )
        if state is None or person is None:
            continue
        # An office described is a seat of its kind: "the New Jersey governor" is no senator's.
        fits = partial(_seat_like, lex, _seat_kind(lex, noun.lower_)) if office else lex.holds_seat
        floor = _sentence_before(doc, k)
        near = [g for j in range(k - 1, floor - 1, -1) if (g := by_token.get(j)) is not None and g.type == "PERSON"]
        lawmaker = person if seated(person) else next((g for g in near if seated(g)), None)
        if lawmaker is not None:
            _give_state(lawmaker, state, fits)
        elif office and near and near[0] is person and _describes_last(doc, noun, person, by_token, lex):
            span = Span.of(article.text, doc[ent.start].idx, noun.idx + len(noun))
            _add_role(person, Role(noun.text, state, None, span))


def _describes_last(doc: Doc, noun: Token, person: _Group, by_token: dict[int, _Group], lex: Lexicon) -> bool:
    """Whether "the STATE senator/governor" (``noun`` its title word) may stand for ``person``, named last in its
    sentence or the one before: not when a name follows it in apposition ("The New Jersey governor, Chris
    Christie,"), when the person is the subject of a clause the description sits in ("Obama hammered away at the
    notion that the New York senator was ...": someone else), nor when the person holds a country's office ("President
    Trump ... the California senator said"). In 600 bulk reports (seed 40000) the description without these guards
    gave 8 offices, 3 wrong."""
    if any((g := by_token.get(j)) is not None and g.type == "PERSON" for j in range(noun.i + 1, noun.i + 3)):
        return False
    for head in noun.ancestors:
        if any(c.dep_ in SUBJECT_DEPS and c.i != noun.i and by_token.get(c.i) is person for c in head.children):
            return False
    return not any(r.of is not None and lex.country(r.of) for r in person.roles)


def _seat_kind(lex: Lexicon, title: str) -> tuple[bool, bool]:
    """A seat's kind: a seat's title, a state's office (a governor's is both, a senator's only a seat's)."""
    return lex.holds_seat(title), lex.is_state_office(title)


def _seat_like(lex: Lexicon, kind: tuple[bool, bool], title: str) -> bool:
    """Whether ``title`` is a seat of ``kind``."""
    return lex.holds_seat(title) and _seat_kind(lex, title) == kind


def _sentence_before(doc: Doc, i: int) -> int:
    """Where the sentence before token ``i``'s starts (its own at the first)."""
    start = doc[i].sent.start
    return doc[start - 1].sent.start if start > 0 else start


def _names_office(noun: Token, lex: Lexicon) -> bool:
    """Whether a state's description of a person ("the Texas senator", "the Indiana governor") names an office, as a
    seat's or state's title, and stands for the person as a clause's subject or a possessor ("the Vermont senator's
    campaign"): as an object it may be someone other than the person named last ("Clinton beat the Vermont
    senator")."""
    if not (lex.holds_seat(noun.lower_) or lex.is_state_office(noun.lower_)) or noun.lower_ not in lex.title_words:
        return False
    # A possessor only of a subject ("the Vermont senator's campaign said"): "tried to reach the Illinois governor's
    # office" is about someone else than the person named last.
    possessed = noun.i + 1 < len(noun.doc) and noun.doc[noun.i + 1].text in POSSESSIVE
    return noun.dep_ in SUBJECT_DEPS or (possessed and noun.head.dep_ in SUBJECT_DEPS)


def _seats_tagged_later(doc: Doc, by_token: dict[int, _Group], lex: Lexicon) -> None:
    """ "Sen. Ted Cruz said ... Cruz, a Texas Republican, has long opposed it", "Sens. Lindsey Graham and Richard
    Blumenthal ... Graham, R-S.C., and Blumenthal, D-Conn.": a party-state tag or a "STATE Republican" apposition after
    a later mention of a lawmaker (or governor) gives its state to the seat written with none, as the same tag after the
    titled mention does; not when two mentions give two states. Not after a surname alone that two people of the
    report who hold a seat share ("Sen. Rand Paul ... his father, former Rep. Ron Paul ... Paul, R-Ky.,"): grouping
    gives it to the latest full name, a guess the seat's state is not taken on ("Cokie Roberts", holding none,
    leaves "Sen. Pat Roberts ... Roberts, R-Kansas," his)."""

    def seated(title: str) -> bool:
        return lex.holds_seat(title) or lex.is_state_office(title)

    people = {
        id(g): g for g in by_token.values() if g.type == "PERSON" and any(seated(r.title) for r in g.roles)
    }.values()
    shared = {s for s, n in Counter(_surname(g).casefold() for g in people).items() if n > 1}
    # The states tagged after each person's mentions, keyed by the person's id (a group is mutable, no key).
    states: dict[int, tuple[_Group, set[str]]] = {}
    for i, group in by_token.items():
        if group.type == "PERSON" and by_token.get(i + 1) is not group:
            if by_token.get(i - 1) is not group and doc[i].lower_ in shared:
                continue
            state = seat_state_after(doc, i + 1, lex)
            if state is not None:
                states.setdefault(id(group), (group, set()))[1].add(state)
    for group, found in states.values():
        if len(found) == 1:  # two mentions giving two states give none
            _give_state(group, next(iter(found)), seated)


def _give_state(person: _Group, state: str, seated: Callable[[str], bool]) -> None:
    """Give ``state`` to each of ``person``'s roles whose title is ``seated`` (a seat's, or a state's office) and
    whose ``of`` is not written."""
    for role in [r for r in person.roles if r.of is None and seated(r.title)]:
        person.roles.remove(role)
        _add_role(person, Role(role.title, state, role.to, role.span))


# How far up the parse from a title to look for the verb of its clause ("fired his campaign manager, NAME").
_CLAUSE_STEPS = 8


def _pronoun_owner(doc: Doc, office: Office, by_token: dict[int, _Group]) -> str | None:
    """ "Trump fired his campaign manager, Corey Lewandowski": an office written after "his/her" is held for the
    person its clause is about, the clause's subject, as "Trump's campaign manager" is; None when that subject is no
    person the report names (another pronoun, a thing). In 30 random reports with "his/her TITLE, NAME" outside
    gold/dev (seed 4900) 6 offices got a holder, all right; the nearest person before, tried first, was wrong 6
    times in 16 ("Trump speaks with President Vladimir Putin ... with his chief of staff"). A subject that is the
    pronoun's own "he" or "she", or the holder or title itself in an office that opens its sentence ("His lawyer,
    NAME, said"), is read as the last person subject before (_last_person_subject; counts in docs/extractors.md,
    entities v36)."""
    at = _owning_pronoun(doc, office.start)
    if at is None:
        return None
    gender = load_cues()["pronouns"]["gender"]
    pronoun = gender[doc[at].lower_]
    holder = by_token.get(office.person_start)
    tok = doc[office.start]
    for _ in range(_CLAUSE_STEPS):
        if tok.pos_ in ("VERB", "AUX"):
            subject = next((t for t in tok.children if t.dep_ in SUBJECT_DEPS), None)
            group = by_token.get(subject.i) if subject is not None else None
            if group is not None and group.type == "PERSON" and group is not holder:
                return _name(group)
            if subject is None:
                return None
            # "He fired his lawyer, NAME": the subject is the pronoun's own ("he" for "his"), resolved as a
            # speaker pronoun is, to the last person subject before it.
            if subject.lower_ == pronoun:
                return _last_person_subject(doc, subject.i, by_token, holder, pronoun)
            # "His lawyer, NAME, said", "But his spokesman, NAME, warned": the office opens its sentence as its
            # subject, so the pronoun names whom the sentence before was about, its last person subject. Not
            # inside a sentence ("Trump's agenda stalled, and his press secretary, NAME, ..."), where the last
            # person subject was someone else's in 3 of 4 in the first count (docs/extractors.md).
            lead = [t for t in doc[tok.sent.start : at + 1] if not t.is_punct]
            # A sentence the parser split at a semicolon inside a list ("...; and NAME, his staff secretary")
            # opens lower-case: the list's people stand before.
            opens = not lead[0].is_lower and all(
                t.pos_ in ("CCONJ", "ADV") or by_token.get(t.i) is holder for t in lead[:-1]
            )
            if opens and (group is holder or office.start <= subject.i < max(office.end, office.start + 1)):
                return _last_person_subject(doc, tok.sent.start, by_token, holder, pronoun)
            return None
        if tok.head is tok or tok.dep_ == "conj":
            # A list's later name hangs on the first ("Gary Cohn ...; and NAME, his staff secretary, argued"):
            # the verb's subject is then a name beside the holder, no owner of the pronoun.
            return None
        tok = tok.head
    return None


# How many sentences before a title's own one may hold the person a possessive pronoun before it names: the
# reach the hand count of entities v36 was read at (docs/extractors.md, "the two sentences before").
_OWNER_SENTENCES_BACK = 2


def _owning_pronoun(doc: Doc, start: int) -> int | None:
    """Where "his" or "her" stands before a title at ``start``, past the describing words between ("his fired
    chief strategist", "her longtime spokesman"); else None."""
    j = start - 1
    while j >= 0 and (doc[j].pos_ in ("ADJ", "ADV") or doc[j].tag_ == "VBN") and doc[j].is_lower:
        j -= 1
    return j if j >= 0 and doc[j].lower_ in PERSON_POSSESSIVES else None


def _last_person_subject(
    doc: Doc, before: int, by_token: dict[int, _Group], holder: _Group | None, pronoun: str
) -> str | None:
    """The person named as the subject of a clause last before token ``before``, in its sentence or the
    ``_OWNER_SENTENCES_BACK`` before it; a subject pronoun is passed over (it refers to someone named earlier).
    None when the text writes that person with an honorific of the other pronoun ("Ms. Clinton said ... His
    lawyer"): the pronoun then names someone else, and an earlier subject would be a guess."""
    floor = doc[before].sent.start
    for _ in range(_OWNER_SENTENCES_BACK):
        if floor > 0:
            floor = doc[floor - 1].sent.start
    for i in range(before - 1, floor - 1, -1):
        tok = doc[i]
        group = by_token.get(i)
        if tok.dep_ in SUBJECT_DEPS and group is not None and group.type == "PERSON" and group is not holder:
            return _name(group) if _honorific_pronouns(doc, group, by_token) <= {pronoun} else None
    return None


def _honorific_pronouns(doc: Doc, group: _Group, by_token: dict[int, _Group]) -> set[str]:
    """The pronouns ("he", "she") the honorifics a person's mentions are written with call for ("Mr. Hopkins",
    "Ms. Clinton"), by the statements' own honorific pattern and ``cues.yaml``'s pronoun genders."""
    gender = load_cues()["pronouns"]["gender"]
    found: set[str] = set()
    for i, owner in by_token.items():
        if owner is group:
            start = doc[i].idx
            match = honorific().search(doc.text[max(0, start - HONORIFIC_WINDOW) : start])
            if match is not None:
                found.add(gender[match.group(1).lower()])
    return found


def _its_owner(doc: Doc, office: Office, by_token: dict[int, _Group]) -> str | None:
    """ "Trump has close ties with the WWE and its CEO, Vince McMahon": an office written after "its" is held for
    the organisation or country named last before it in its sentence ("Russia and its president, Vladimir Putin");
    None when its sentence names none before it ("The carmaker ... wrote its chief executive"). In all 30 AllSides
    reports outside gold/dev with "its TITLE NAME" 19 offices got a holder, each read and right (7 of them one CNN
    caption, "the WWE and its CEO"); the other 11 were left as they were."""
    if office.start < 1 or doc[office.start - 1].lower_ != "its":
        return None
    sent = doc[office.start].sent
    for j in range(office.start - 2, sent.start - 1, -1):
        group = by_token.get(j)
        if group is not None and group.type in _ITS_OWNER_TYPES:
            return _name(group)
    return None


# What "its" refers back to when an office follows it: an organisation or a country, never a person.
_ITS_OWNER_TYPES = frozenset({"ORG", "GPE"})


def _possessed(doc: Doc, office: Office) -> bool:
    """A possessive before the title names its holder, though not by a name we resolve ("the group's president")."""
    return office.start > 0 and doc[office.start - 1].text in POSSESSIVE


def _state_name(text: str, lex: Lexicon) -> str | None:
    """The US state ``text`` writes out in full ("Ohio"), or None (abbreviations are words of their own too)."""
    return text if lex.us_states.get(text.casefold()) == text else None


def _state_of(doc: Doc, office: Office, home: str | None, lex: Lexicon) -> str | None:
    """A state office's holder with none written: the one state named before it in its sentence ("In Georgia, Gov.
    Brian Kemp", "the state's governor") or paragraph, else the one named after its holder in its sentence, else the
    report's one state; a possessive of anything but "the state's" ("the union's governor") names none."""
    if _possessed(doc, office) and (office.start < 2 or doc[office.start - 2].lower_ != "state"):
        return None
    if office.start > 0 and doc[office.start - 1].lower_ in _POSSESSIVE_PRONOUNS:
        return None  # "his state director Julia Barnes" works for a campaign, not for the state
    if before := _states_before(doc, office.start, lex):
        return next(iter(before)) if len(before) == 1 else None
    return _state_later_in_sentence(doc, office, lex) or home


def _states_in(doc: Doc, start: int, end: int, lex: Lexicon, skip: Sequence[tuple[int, int]] = ()) -> set[str]:
    """The US states written out in full as places between tokens ``start`` and ``end``, but for those inside a
    token range of ``skip``."""
    return {
        state
        for ent in doc_ents(doc)
        if ent.label_ == "GPE" and start <= ent.start and ent.end <= end
        if not any(a <= ent.start < b for a, b in skip)
        if (state := _state_name(ent.text, lex))
    }


def _state_later_in_sentence(doc: Doc, office: Office, lex: Lexicon) -> str | None:
    """The one US state named after a bare state office's holder in its sentence, when none is named before it in
    its paragraph: "How else to explain Gov. Janet Mills' decision to bar Maine hotels ..." (session 29's private
    role gold, seed 62000), "Governor Charlie Baker on Sunday night ordered all ... schools across Massachusetts".
    Two states there give none. Hand check (session 31, seeds 105001-105004: 300 random AllSides, 50 BBC, 50
    Reuters and 150 AllSides reports with a bare governor): 10 distinct roles changed, 9 right, 1 wrong; review
    (seeds 111000-111004, 400 random and 217 reports with a governor, those the author read left out): 18 changed,
    16 right, 1 wrong, 1 unsure, the wrong one and Jeb Bush's mended by the two exceptions below."""
    # A former holder's sentence tells what he does now, not where he held office: "Governors Chris Christie, John
    # Kasich and former Governor Jeb Bush all delivered ... debate performances ... in New Hampshire" (seed
    # 105004; base's "Gov. Romney" in `_state_before` is the same kind). Of 28 distinct roles changed in both
    # checks, this was the one former holder's; 'then-' keeps its state ("then-state Sen. Barack Obama supported
    # one in Illinois").
    words = office.title.replace("-", " ").split()
    if words and words[0].casefold() in _NO_LONGER:
        return None
    # A state written as another holder's state office is that office's, a state having one governor: "Both
    # Governor Christie and New York Gov. Andrew Cuomo have backtracked" (seed 111001). Another kind of office
    # keeps its state ("State Sen. Laura Kelly, ... and former Kansas Secretary of Agriculture Josh Svaty": Kansas).
    others = [
        (other.of_start, other.of_end)
        for other in map(lambda row: Office(*row), doc._.offices)
        if other.of_start >= 0 and other.person_start != office.person_start and lex.is_state_office(other.title)
    ]
    later = _states_in(doc, office.person_end, doc[office.start].sent.end, lex, skip=others)
    return next(iter(later)) if len(later) == 1 else None


_NO_LONGER = frozenset({"former", "ex"})


_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their"})


def _state_before(doc: Doc, i: int, home: str | None, lex: Lexicon) -> str | None:
    """The one US state named before token ``i`` in its sentence, else in the sentences of its paragraph before it
    ("In Massachusetts, guidance to schools has come out more gradually. On March 15, Governor Charlie Baker
    ordered ..."), else the report's one state (``home``); several states where one is looked for give None. The
    paragraph and the capital (``_home_state``) gave 13 bare governors their state in 157 reports with a state
    office (seeds 4610-4630) and 90 random ones (seeds 4500, 4650), all right but 2: "Gov. Romney", a former
    governor running for president, in paragraphs naming another state."""
    if before := _states_before(doc, i, lex):
        return next(iter(before)) if len(before) == 1 else None
    return home


def _states_before(doc: Doc, i: int, lex: Lexicon) -> set[str]:
    """The US states named before token ``i`` in its sentence, else in the sentences of its paragraph before it;
    empty when neither names one (``_state_before``)."""
    sent = doc[i].sent
    named = _states_in(doc, _paragraph_start(doc, sent.start), i, lex)  # the sentence's among them
    return (_states_in(doc, sent.start, i, lex) or named) if named else named


def _paragraph_start(doc: Doc, i: int) -> int:
    """The first token of the paragraph holding token ``i`` (a blank line ends a paragraph, nlp/paragraphs.py)."""
    cut = doc_text(doc).rfind("\n\n", 0, doc[i].idx)
    while i > 0 and doc[i - 1].idx > cut:
        i -= 1
    return i


def _state_country(text: str, lex: Lexicon) -> str | None:
    """A US state written out in full ("Ohio", "North Carolina") places the report in the United States as a
    country name does; abbreviations ("Miss.", "Wash.") are left out, being words of their own too."""
    return display_name("US") if _state_name(text, lex) else None


def _add_role(holder: _Group, role: Role) -> None:
    """Keep one role per office: "Ambassador" (as in "Ambassador Farhadov") is subsumed by "Ambassador of
    Azerbaijan to Pakistan" with the same title, and replaced by it when it comes later."""

    def subsumes(a: Role, b: Role) -> bool:
        # One person's office is one sense through the report: "Former Director Comey" is the "former FBI
        # Director" written before (titles compared case-folded).
        return (
            a.title.casefold() == b.title.casefold()
            and (b.of is None or a.of == b.of)
            and (b.to is None or a.to == b.to)
        )

    if any(subsumes(r, role) for r in holder.roles):
        return
    holder.roles[:] = [r for r in holder.roles if not subsumes(role, r)]
    holder.roles.append(role)


def _surname(group: _Group) -> str:
    """The last word of a person's fullest name, a generational suffix aside ("Donald J. Trump" -> "Trump",
    "George Bush Jr." -> "Bush"); "" for none."""
    words = [w for w in _short_name(group).split() if not is_name_suffix(w)]
    return words[-1] if words else ""


def _short_name(group: _Group) -> str:
    return group.canonical or max(group.forms, key=lambda f: (len(f.split()), f))


def _resolve_reference(doc: Doc, office: Office, groups: _Groups, state: str | None, lex: Lexicon) -> str | None:
    """ "this university's", "department spokeswoman": the latest organisation of that kind (any place of
    learning for a university), else one named later when it is the article's only one; named by its acronym
    when the article gives one; "the state's" is the state named before it, else the report's one ``state``."""
    noun = doc[office.of_end - 1].lower_
    at = doc[office.of_start].idx
    if noun == "state":
        return _state_before(doc, office.of_start, state, lex)
    wanted = lex.education_heads if noun in lex.education_heads else lex.kind_heads.get(noun, frozenset({noun}))

    def of_kind(g: _Group) -> bool:
        return g.type == "ORG" and (g.head in wanted or any(w in wanted for f in g.forms for w in f.lower().split()))

    group = groups.latest(of_kind, at)
    if group is None and noun in lex.press_kind_nouns:
        group = _press_near(doc, office.of_start, groups)
    elif group is None and noun in lex.kind_nouns:
        group = _subject_org_before(doc, office.of_start, groups)
    if group is None:
        later = [g for g in groups.order if of_kind(g)]
        group = later[0] if len(later) == 1 else None
    if group is None:
        return None
    acronyms = [f for f in group.forms if f.isupper() and " " not in f]
    return acronyms[0] if acronyms else _short_name(group)


def _press_near(doc: Doc, i: int, groups: _Groups) -> _Group | None:
    """ "The newspaper's editor, Richard Green": a paper is the one news organisation written in the sentence
    before or its own, before the noun. For "the group's/company's/firm's" it
    was no better than the organisation written last: in 40 of the 90 reports with "the NOUN's TITLE" outside
    gold/dev (seed 5100) the last was right 12 times in 28, the one near 4 in 8 ("the group's president, Troy
    Newman" after a clinic named); ``_subject_org_before`` reads those."""
    sent = doc[i].sent
    first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    lo, hi = doc[first].idx, doc[i].idx
    near = [
        g
        for g in groups.order
        if g.type == "ORG"
        and is_news_organisation(_short_name(g))
        and any(lo <= at < hi for at in groups.seen_at.get(id(g), []))
    ]
    return near[0] if len(near) == 1 else None


# Sentences before a noun of kind ("the group's") in which the organisation it names is looked for: the report
# names the group, says what it does, then quotes its officer ("Operation Rescue is heavily invested ... the group
# wants ... The group's president, Troy Newman").
_KIND_SENTENCES = 3


def _subject_org_before(doc: Doc, i: int, groups: _Groups) -> _Group | None:
    """ "Amnesty International USA had weighed in ... the group's executive director, Margaret Huang": a noun of kind
    alone names the organisation that was last the subject of a clause (or its possessor: "EMILY's List organizers")
    in its sentence or the ``_KIND_SENTENCES`` - 1 before, or that was written beside the same noun ("the research
    firm Audit Analytics"); no news organisation. The organisation written last, tried first, was wrong 16 times in
    28 (seed 5100): "the group wants to see Southwestern Women's Options clinic ... shuttered"."""
    noun = doc[i].lower_
    sent = doc[i].sent
    for _ in range(_KIND_SENTENCES - 1):
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
    lo, hi = doc[sent.start].idx, doc[i].idx
    at_token = {doc[e.start].idx: e for e in doc_ents(doc) if e.label_ == "ORG" and lo <= doc[e.start].idx < hi}
    best: tuple[int, _Group] | None = None
    for group in groups.order:
        if group.type != "ORG" or is_news_organisation(_short_name(group)):
            continue
        for at in groups.seen_at.get(id(group), []):
            ent = at_token.get(at)
            if ent is None or (best is not None and at < best[0]):
                continue
            subject = any(_finite_subject(t) or (t.dep_ == "poss" and _finite_subject(t.head)) for t in ent)
            if subject or (ent.start > 0 and doc[ent.start - 1].lower_ == noun):
                best = (at, group)
    return best[1] if best else None


# Tags of a finite verb, a modal included ("will see"): the subject of one is what a clause is about; a small
# clause's is not ("the group wants to see Southwestern Women's Options clinic ... shuttered": 1 wrong of 8 in seed
# 5100 before this test).
_FINITE_TAGS = FINITE_TAGS | {"MD"}


def _finite_subject(tok: Token) -> bool:
    head = tok.head
    # A sentence's main verb is finite whatever its tag ("The National Organization for Marriage condemned" is
    # tagged a participle).
    return tok.dep_ in SUBJECT_DEPS and (
        head.dep_ == ROOT_DEP
        or head.tag_ in _FINITE_TAGS
        or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in head.children)
    )


def _holds_title(word: str, lex: Lexicon) -> Callable[[_Group], bool]:
    """Whether a person holds an office "the WORD" refers back to: one whose title's head, status words aside, is
    the word with no lesser rank before it ("the president" is neither "Vice President" nor "State Sen."'s "the
    state"). Before, any title holding the word was taken: in 90 random bulk AllSides reports outside gold/dev
    (seeds 21, 22), 4 of 39 such back-references went to a vice president, a deputy or a state senator."""

    def holds(g: _Group) -> bool:
        if g.type != "PERSON":
            return False
        for role in g.roles:
            words = _base_title(role.title, lex).split()
            # The head stands before a complement: "Secretary of State", "Minister for States and Frontier Regions".
            cut = next((i for i, w in enumerate(words) if w in HOLDER_PREPOSITIONS or w == "to"), len(words))
            if cut and words[cut - 1] == word and not lex.lesser_ranks & set(words[:cut]):
                return True
        return False

    return holds


def _org_headed(word: str) -> Callable[[_Group], bool]:
    return lambda g: g.type == "ORG" and g.head == word


def _descriptions(article: Article, doc: Doc, groups: _Groups, taken: set[int], lex: Lexicon) -> None:
    """ "the ambassador", "the minister", "the embassy": a definite description naming an entity already seen."""
    lowers = columns(doc).lowers  # read once: ``doc[i]`` builds a Token, and every word is tested
    for i in range(len(doc) - 1):
        if lowers[i] != "the" or i + 1 in taken:
            continue
        noun = doc[i + 1]
        if i + 2 < len(doc) and (doc[i + 2].pos_ in ("NOUN", "PROPN") or doc[i + 2].lower_ == "of"):
            continue  # "the embassy staff", "the minister of ...": not a bare description
        span = Span.of(article.text, doc[i].idx, noun.idx + len(noun))
        word = noun.lower_
        group: _Group | None = None
        if word in lex.title_words and noun.is_lower:
            group = groups.latest(_holds_title(word, lex), span.start)
        elif word in lex.org_heads:
            group = groups.latest(_org_headed(word), span.start)
        if group is not None:
            group.add(span.text, span, nameable=False)
            groups.seen(group, span.start)


# Words an acronym leaves out of an organisation's name ("Internal Revenue Service" -> IRS, "Bank of England" -> BOE).
# Narrower than normalize.INITIAL_STOP on purpose: an entity acronym skips only these joining words.
_ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "&"})


def _initials(name: str) -> str:
    """The acronym a name spells when every word but the skips is a capitalised word of letters, or ""."""
    words = name.split()
    spells = all(w.lower() in _ACRONYM_SKIPS or (w[:1].isupper() and w.isalpha()) for w in words)
    return initials(words, stop=_ACRONYM_SKIPS).upper() if spells else ""


def _merge_acronyms(groups: _Groups) -> None:
    """An acronym used without its parenthesis ("the IRS" after "the Internal Revenue Service", "the NRA") is
    the organisation whose name it spells, when exactly one does: its mentions and forms join that entity."""
    spelt: dict[str, list[_Group]] = {}
    for group in groups.order:
        if group.type == "ORG":
            for key in {_initials(f) for f in group.names} - {""}:
                spelt.setdefault(key, []).append(group)
    for group in list(groups.order):
        letters = {f.replace(".", "") for f in group.forms}
        if len(letters) != 1 or not (key := letters.pop()).isupper() or not 2 <= len(key) <= 6:
            continue
        owners = [g for g in spelt.get(key, []) if g is not group]
        if len(owners) != 1:
            continue
        owner = owners[0]
        if is_news_organisation(key) and not any(map(is_news_organisation, owner.names)):
            # "AP" in a photo credit is the agency, not "Americans for Prosperity" (named whole since v22)
            continue
        for form in group.forms:
            owner.add(form, group.spans[0], nameable=False)
        for span in group.spans[1:]:
            owner.add(group.forms[0], span, nameable=False)
        owner.roles.extend(r for r in group.roles if r not in owner.roles)
        groups.order.remove(group)


def _merge_surnames_tagged_org(groups: _Groups, lex: Lexicon) -> None:
    """A person's surname the model tags as an organisation ("Biden's communications director", "Trump's
    tweet", "help Trump") is that person, when exactly one person of the report is written with it and the
    organisation is written with nothing but that one word (an organisation named after a person is longer:
    "Trump University", "Clinton Foundation"), and the person is written with more than it somewhere ("Joe
    Biden", "President Trump"; a one-word person can be the model's other guess at a place or site: "Yongbyon").
    In random bulk AllSides reports outside gold/dev, 8 such records in 30 (seed 21) and 6 in 60 others (seed
    22), all the person; 41 on PolNeAR train."""
    for group in list(groups.order):
        if group.type != "ORG" or group.roles or len(group.forms) != 1:
            continue
        word = group.forms[0]
        person = _surname_tagged_org(word, groups, lex)
        if person is None:
            continue
        for span in group.spans:
            person.add(word, span)
        groups.order.remove(group)


def _surname_tagged_org(word: str, groups: _Groups, lex: Lexicon) -> _Group | None:
    """The one person of the report written in full with ``word`` as surname, where the model tagged ``word``
    alone an organisation ("Biden" of "Joe Biden"; "Trump's" of "Trump's transportation secretary"); None for
    several words, or for none or two such people."""
    # An institution's or an outlet's one word ("House", "Senate", "Press", "CNN") or a hyphenated name
    # ("Glass-Steagall") is no surname, whatever the model made of a longer name ending in it ("Obama White
    # House" tagged as a person): 10 of 51 such records on PolNeAR train before this check.
    if " " in word or word.casefold() in lex.org_heads | lex.chambers or "-" in word or is_news_organisation(word):
        return None
    people = [
        g
        for g in groups.order
        if g.type == "PERSON" and any(len(f.split()) > 1 and f.split()[-1] == word for f in g.forms)
    ]
    return people[0] if len(people) == 1 else None


def _merge_first_names_before(groups: _Groups) -> None:
    """A first name alone written before the full name ("No gold medal for Mitt from Brits" above "Mitt
    Romney"; "Advantage, Hillary" before "Hillary Clinton") is that person, as one written after it is
    (``_by_first_name``): when exactly one person of the report is named in full with it and none has it as a
    surname. In random bulk AllSides reports outside gold/dev, 2 such records in 30 (seed 21) and 1 in 60 others
    (seed 22), all right; 51 on PolNeAR train."""
    for group in list(groups.order):
        if group.type != "PERSON" or group.roles or any(" " in f for f in group.forms):
            continue
        words = set(group.forms)
        if len(words) != 1:
            continue
        word = words.pop()
        full = [g for g in groups.order if g is not group and g.type == "PERSON"]
        if any(len(f.split()) > 1 and f.split()[-1] == word for g in full for f in g.forms):
            continue
        owners = [g for g in full if any(_first_of_full(f) == word for f in g.names)]
        if len(owners) != 1:
            continue
        for span in group.spans:
            owners[0].add(word, span)
        groups.order.remove(group)


def _described_only(group: _Group, lex: Lexicon) -> bool:
    """An organisation written only as a bare head noun ("the Committee", "Department") that no named one took
    as a back-reference: a description, not a name."""
    return group.type == "ORG" and all(f.casefold() in lex.description_heads for f in group.forms)


def _name(group: _Group) -> str:
    if group.canonical:
        return group.canonical
    return max(group.names or group.forms, key=lambda f: (len(f.split()), len(f), f))


def _entities(article: Article, doc: Doc) -> Iterator[Entity]:
    lex = lexicon()
    groups = _Groups()
    by_token: dict[int, _Group] = {}
    taken: set[int] = set()
    written = _Written.of(doc, lex)
    openers: set[int] = set()
    for ent, label in _mentions(doc):
        if _furniture(ent.text) or _capitals_line(article.text, ent.start_char, ent.end_char):
            continue
        if label == "PERSON":
            group = _person(article.text, ent, groups, written)
        elif label == "ORG" or (label == "FAC" and ent[-1].lower_ in lex.org_heads):
            group = _org(doc, article.text, ent, groups, lex)
        else:
            group = _place(article.text, ent, label, groups, lex, article.dateline)
        if _common_opener(ent):
            openers.add(ent.start_char)
        for i in range(ent.start, ent.end):
            by_token.setdefault(i, group)
            taken.add(i)
    _roles(article, doc, groups, by_token, lex)
    _descriptions(article, doc, groups, taken, lex)
    _merge_acronyms(groups)
    _merge_surnames_tagged_org(groups, lex)
    _merge_first_names_before(groups)
    for group in groups.order:
        if group.type in UNLISTED_TYPES or _described_only(group, lex):
            continue
        if all(span.start in openers for span in group.spans):
            continue
        name = _name(group)
        aliases = tuple(f for f in group.forms if f != name)
        yield Entity(
            article_id=article.id,
            spans=tuple(sorted(group.spans, key=lambda s: (s.start, s.end))),
            name=name,
            type=group.type,
            aliases=aliases,
            roles=tuple(group.roles),
        )


@extractor(NAME, version=VERSION, assigns=("entity",))
def extract_entities(article: Article, doc: Doc, *, prior: Analysis) -> Iterable[Record]:
    """One Entity per distinct person, organisation, place, group, facility or event named in the article."""
    with held_ents(doc):
        return list(_entities(article, doc))


if TYPE_CHECKING:
    from dateline.model import Record
