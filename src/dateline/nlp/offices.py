"""Office parsing: "Azerbaijan's Ambassador to Pakistan Khazar Farhadov" as a title, whose office (of, to) and
its holder, over the word lists of ``data/entities_lexicon.yaml``.

The lexicon, the token tests and the organisation extents live here too: offices are parsed with them, and
``dateline_entity_fixer`` (nlp/components.py) and the entities extractor read them from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from dateline.countries import capital_name_code, country_name, demonym_name, display_name, home_seat, seat_code
from dateline.data import load_yaml, read_words
from dateline.nlp.doctext import doc_text

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from spacy.tokens import Doc, Span, Token

# A person's name after a title is at most this many tokens ("Muhammad Talha Mahmud", "Khusro Pervaiz Khan");
# longer capitalised runs are organisation names or headlines, not names.
MAX_NAME_TOKENS = 4
# How many "of/for NAME" links an organisation's name runs on through: "University of Maryland School of Public
# Health" has two; three is room for one more without running on through a sentence's list of names.
MAX_OF_LINKS = 3
# The word closing an office to be ("President-elect", "Sen.-elect").
_ELECT = "elect"
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# The articles a title or a holder's name may open with ("a former spokesman", "of the Defense Department").
_ARTICLES = frozenset({"a", "an", "the"})
# The determiner that says an apposition's holder is one more of a kind named before ("Eric Herschmann, another
# Trump defense lawyer"; 117 ", another ..." after a name in the AllSides corpus, most of them no office): read past
# as an article is since session 33, and its office kept only with a holder that is no party
# (``_another_of_a_kind``).
_ANOTHER = "another"
# The determiners an apposition after a name opens with, past which its title is read.
_APPOSITION_DETERMINERS = _ARTICLES | {_ANOTHER}
# The possessive pronouns that name a person, as the owner of an office written after them ("his lawyer").
PERSON_POSSESSIVES = frozenset({"his", "her"})
ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "X", "VERB"})
# An acronym as news writes it: "U.N.", "NATO", "EU".
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{2,}")
# A surname glued to its particle by an apostrophe: "O’Malley", "D'Amato", "O’Rourke".
_APOSTROPHE_SURNAME = re.compile(r"[OD][’'][A-Z][a-z]+")
# A US state as a lawmaker's tag writes it, one or two capitalised words: "N.C.", "Calif.", "AZ", "New York".
_TAG_STATE = r"([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)"
# A US lawmaker's party and state after the name: "R-N.C.", "D-Calif.", "I-Vt.", "R–AZ" (the state as abbreviated), and
# the Wall Street Journal's "(R., S.C.)" (120 on the AllSides corpus outside gold/dev, none on PolNeAR train).
_PARTY_TAG = re.compile(r"\s*([RDI])(?:\s*[-–]\s*|\.,\s*)" + _TAG_STATE)
# A state alone in parentheses after a lawmaker's name: "Sen. Dianne Feinstein (Calif.)".
_STATE_TAG = re.compile(r"\s*" + _TAG_STATE + r"\s*\)")


@dataclass(frozen=True)
class Lexicon:
    """The word lists of ``entities_lexicon.yaml``, lower-cased; countries and demonyms are asked of
    ``dateline.countries``, their one owner."""

    titles: dict[str, tuple[tuple[str, ...], ...]]
    lowercase_titles: frozenset[str]
    lowercase_modifiers: frozenset[str]
    status_modifiers: frozenset[str]
    national_titles: frozenset[str]
    national_title_heads: frozenset[str]
    national_title_ranks: frozenset[str]
    lesser_ranks: frozenset[str]
    us_states: dict[str, str]
    state_codes: dict[str, str]
    parties: dict[str, str]
    # Party name -> ISO alpha-2 of its nation (entities_lexicon.yaml ``party_countries``).
    party_countries: dict[str, str]
    chambers: frozenset[str]
    speaking_titles: tuple[str, ...]
    title_modifiers: frozenset[str]
    staff_modifiers: frozenset[str]
    staff_heads: frozenset[str]
    title_words: frozenset[str]
    honorifics: frozenset[str]
    name_particles: frozenset[str]
    plural_titles: frozenset[str]
    seat_titles: frozenset[str]
    city_titles: frozenset[str]
    state_offices: frozenset[str]
    state_title_words: frozenset[str]
    not_state_titles: frozenset[str]
    seat_describers: frozenset[str]
    furniture_nouns: frozenset[str]
    opening_describers: frozenset[str]
    standing_nouns: frozenset[str]
    relative_nouns: frozenset[str]
    titles_not_held: dict[str, frozenset[str]]
    known_holders: dict[tuple[str, str], str]
    complete_holders: frozenset[tuple[str, str]]
    portfolios: frozenset[str]
    portfolio_words: frozenset[str]
    org_heads: frozenset[str]
    kind_nouns: frozenset[str]
    # A kind noun's other heads ("the panel's" is a committee's) and the kind nouns that name a news organisation.
    kind_heads: dict[str, frozenset[str]]
    press_kind_nouns: frozenset[str]
    naming_kinds: frozenset[str]
    generic_org_words: frozenset[str]
    description_heads: frozenset[str]
    located_org_heads: frozenset[str]
    subject_org_heads: frozenset[str]
    education_heads: frozenset[str]
    sub_units: frozenset[str]
    place_suffixes: frozenset[str]
    name_led_org_nouns: frozenset[str]
    person_led_org_nouns: frozenset[str]
    domains: frozenset[str]
    agency_cues: frozenset[tuple[str, str]]

    def country(self, text: str) -> str | None:
        """The country ``text`` names ("Azerbaijan", "USSR"), by its display name, or None."""
        return country_name(text)

    def demonym(self, text: str) -> str | None:
        """The country a demonym refers to ("Azerbaijani", "Azerbaijanis" -> Azerbaijan), or None."""
        return demonym_name(text)

    def party_of(self, text: str) -> str | None:
        """The party of a nation ``party_countries`` lists that ``text`` names, lower case: by its name ("the
        Democratic Party"), its adjective ("Republican", "GOP") or a member's plural ("Republicans", "Tories",
        "Lib Dems"), or None."""
        word = text.casefold().removeprefix("the ")
        singular = word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")
        party = (self.parties.get(word) or self.parties.get(singular) or word).casefold()
        return party if party in self.party_countries else None

    def party_country(self, text: str) -> str | None:
        """ISO alpha-2 of the nation whose party ``text`` names (``party_of``), or None."""
        party = self.party_of(text)
        return self.party_countries[party] if party else None

    def holder(self, text: str) -> str:
        """Who an office named by ``text`` belongs to: a country by its common name ("U.S.", "Russian"), a US
        state by its name ("Ariz."), a party by its name ("GOP"), else the organisation as written ("Kremlin",
        "Federal Reserve")."""
        return (
            self.country(text) or self.demonym(text) or self.us_state(text) or self.parties.get(text.casefold()) or text
        )

    def us_state(self, text: str) -> str | None:
        """The US state ``text`` names, by its name or AP abbreviation ("North Carolina", "N.C."), or None."""
        return self.us_states.get(text.casefold())

    def tag_state(self, text: str) -> str | None:
        """The US state a party-state tag writes ("N.C.", "Texas", "TX", "Calif"), or None: AP abbreviations
        (with or without their dot), names and postal codes (from pycountry)."""
        key = text.casefold()
        return self.us_states.get(key) or self.us_states.get(f"{key}.") or self.state_codes.get(text)

    def seat_place(self, text: str) -> str | None:
        """The US state or the country ``text`` names, the places a seat's "of" may write ("of North Carolina")."""
        return self.us_state(text) or self.country(text)

    def may_hold(self, country: str, title: str) -> bool:
        """Whether ``country``'s own national offices carry ``title`` ("Foreign Minister" is no US office)."""
        head = _title_head(title)
        return not head or head not in self.titles_not_held.get(country, frozenset())

    def known_holder(self, title: str, surname: str) -> str | None:
        """The country whose ``title`` (status words aside: "former President") a person of ``surname`` held
        ("President", "Obama" -> United States), from ``known_office_holders``; None when none is listed."""
        return self.known_holders.get((self._base(title), surname.casefold()))

    def may_be_held_by(self, country: str, title: str, surname: str) -> bool:
        """Whether a person of ``surname`` may hold ``country``'s ``title``: not when the country's list of its
        holders is complete and leaves the surname out ("President Elbegdorj" is no US president)."""
        base = self._base(title)
        return (country, base) not in self.complete_holders or self.known_holders.get(
            (base, surname.casefold())
        ) == country

    def _base(self, title: str) -> str:
        return " ".join(self.without_status(_without_elect(title.casefold().replace("-", " ").split())))

    def speaks_for(self, title: str) -> bool:
        """A title of one who speaks for an organisation ("spokeswoman", "White House press secretary")."""
        return title.casefold().endswith(self.speaking_titles)

    def holds_seat(self, title: str) -> bool:
        """An office of a US state's seat ("Sen.", "former Rep.", "Lt. Gov.")."""
        return _title_head(title) in self.seat_titles

    def is_state_office(self, title: str) -> bool:
        """An office of a US state: its executive, one per state ("Gov.", "former Governor", "Lt. Gov."), or any
        title written after the lower-case word "state" ("state Rep.", "former state Education Commissioner")."""
        words = _without_elect(title.replace("-", " ").split())
        while len(words) > 1 and words[0].casefold() in self.status_modifiers:
            words = words[1:]
        # Case kept: the lower-case adjective, not "State" opening "State Department spokesman"; and not before an
        # office no state has, where "state" ends a noun phrase the parser ran on ("a state President Trump won").
        # Capitalised, "State" is a state's only before a seat's title alone ("Republican State Senator NAME",
        # "State Rep. NAME"), which no federal office writes.
        return _title_head(title) in self.state_offices or (
            len(words) > 1
            and (
                words[0] in self.state_title_words
                or (len(words) == 2 and words[0].casefold() in self.state_title_words and self.holds_seat(words[1]))
            )
            and " ".join(self.without_status([w.casefold() for w in words[1:]])) not in self.not_state_titles
        )

    def without_status(self, words: list[str]) -> list[str]:
        """A title's words without the status words that lead it ("former", "then"), its last word kept."""
        while len(words) > 1 and words[0] in self.status_modifiers:
            words = words[1:]
        return words

    def _unfused(self, words: list[str]) -> list[str]:
        """A rank written as one word with the national head it ranks ("undersecretary" -> "secretary"): the
        office is the head's nation's, as "Under Secretary of State" is."""
        if len(words) < 2:
            return words
        for rank in self.national_title_ranks:
            if words[0].startswith(rank) and words[0][len(rank) :] in self.national_title_heads:
                return [words[0][len(rank) :], *words[1:]]
        return words

    def is_shadow(self, title: str) -> bool:
        """A parliamentary opposition's counterpart of an office ("shadow chancellor", "Shadow Foreign Secretary")."""
        return bool(OPPOSITION_MODIFIERS.intersection(title.casefold().replace("-", " ").split()))

    def is_national(self, title: str) -> bool:
        """An office of a nation ("President", "Secretary of State", "Defense Secretary"); a shadow office is its
        nation's as a former one is ("shadow chancellor": the opposition's office in the nation's parliament)."""
        words = self.without_status(_without_elect(title.lower().replace("-", " ").split()))
        while len(words) > 1 and words[0] in OPPOSITION_MODIFIERS:
            words = self.without_status(words[1:])
        while len(words) > 1 and words[0] in self.national_title_ranks:
            # "former President", "Acting Attorney General", "Deputy Secretary of State"
            words = self.without_status(words[1:])
        words = self._unfused(words)
        if len(words) >= 3 and words[1] == "of" and words[0] in self.national_title_heads:
            words = [*words[2:], words[0]]  # "secretary of labor" is the "labor secretary"
        return " ".join(words) in self.national_titles or (
            len(words) >= 2
            and words[-1] in self.national_title_heads
            and all(w in self.portfolios for w in words[1:-1])
            # "International Trade Secretary": a relational adjective opens the portfolio (`_portfolio_adjective`)
            and (words[0] in self.portfolios or (len(words) >= 3 and words[0].endswith(_RELATIONAL_SUFFIXES)))
        )


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(text.lower().replace("-", " - ").split())


def _title_head(title: str) -> str:
    """The last word of a title, which names the office ("former Rep." -> "rep."); "" for no words. An office
    to be is the office's ("President-elect" -> "president")."""
    words = _without_elect(title.casefold().replace("-", " ").split())
    return words[-1] if words else ""


def _without_elect(words: list[str]) -> list[str]:
    """A title's words without an "elect" that closes them: the office to be ("President-elect") is held in the
    office's country, by the office's listed holders."""
    return words[:-1] if len(words) > 1 and words[-1] == _ELECT else words


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The entity lexicon, loaded once per process."""
    raw: dict[str, Any] = load_yaml("entities_lexicon.yaml")
    titles: dict[str, list[tuple[str, ...]]] = {}
    for title in raw["titles"]:
        words = _phrase(title)
        titles.setdefault(words[0], []).append(words)
    low = lambda key: frozenset(str(w).lower() for w in raw[key])  # noqa: E731
    # US states by name or AP abbreviation, from the gazetteer's table (data/places.yaml).
    abbreviations: dict[str, str] = load_yaml("places.yaml")["us_state_abbreviations"]
    states = {str(n).casefold(): str(n) for n in [*abbreviations.values(), *raw["unabbreviated_states"]]}
    states.update((str(a).casefold(), str(n)) for a, n in abbreviations.items())
    return Lexicon(
        titles={k: tuple(sorted(v, key=len, reverse=True)) for k, v in titles.items()},
        lowercase_titles=low("lowercase_titles"),
        lowercase_modifiers=low("lowercase_modifiers"),
        status_modifiers=low("status_modifiers"),
        national_titles=frozenset(w.replace("-", " ") for w in low("national_titles")),  # as is_national reads
        national_title_heads=low("national_title_heads"),
        national_title_ranks=low("national_title_ranks"),
        lesser_ranks=low("lesser_ranks"),
        us_states=states,
        state_codes=_state_codes(),
        parties={str(k).casefold(): str(v) for k, v in raw["party_adjectives"].items()},
        party_countries={str(k).casefold(): str(v) for k, v in raw["party_countries"].items()},
        chambers=low("chambers"),
        speaking_titles=tuple(low("speaking_titles")),
        title_modifiers=low("title_modifiers"),
        staff_modifiers=low("staff_modifiers"),
        staff_heads=low("staff_heads"),
        title_words=frozenset(w for t in raw["titles"] for w in _phrase(t) if w != "-"),
        honorifics=low("honorifics"),
        name_particles=frozenset(str(w) for w in raw["name_particles"]),
        plural_titles=low("plural_titles"),
        seat_titles=low("seat_titles"),
        city_titles=low("city_titles"),
        state_offices=low("state_offices"),
        state_title_words=low("state_title_words"),
        not_state_titles=low("not_state_titles"),
        seat_describers=low("seat_describers"),
        furniture_nouns=low("furniture_nouns"),
        opening_describers=low("opening_describers"),
        standing_nouns=low("standing_nouns"),
        relative_nouns=low("relative_nouns"),
        titles_not_held={str(c): frozenset(str(w).lower() for w in ws) for c, ws in raw["titles_not_held"].items()},
        known_holders={
            (str(title).casefold(), str(surname).casefold()): str(country)
            for country, offices in raw["known_office_holders"].items()
            for title, surnames in offices.items()
            for surname in surnames
        },
        complete_holders=frozenset(
            (str(country), str(title).casefold())
            for country, titles in raw["complete_office_holders"].items()
            for title in titles
        ),
        portfolios=low("portfolios"),
        portfolio_words=low("portfolios") - {"and", "the"},
        org_heads=low("org_heads") | low("description_heads"),
        kind_nouns=low("kind_nouns"),
        kind_heads={str(k).lower(): frozenset(str(w).lower() for w in v) for k, v in raw["kind_heads"].items()},
        press_kind_nouns=low("press_kind_nouns"),
        naming_kinds=low("naming_kinds"),
        generic_org_words=low("generic_org_words"),
        description_heads=low("description_heads") | low("description_only_heads"),
        located_org_heads=low("located_org_heads"),
        subject_org_heads=low("subject_org_heads"),
        education_heads=low("education_heads"),
        sub_units=low("sub_units"),
        place_suffixes=low("place_suffixes"),
        name_led_org_nouns=low("name_led_org_nouns"),
        person_led_org_nouns=low("person_led_org_nouns"),
        domains=low("domains"),
        agency_cues=frozenset((a, b) for a, b in raw["agency_cues"]),
    )


def _state_codes() -> dict[str, str]:
    """US postal codes ("TX") -> state names, from pycountry's ISO 3166-2 subdivisions; only party-state tags
    read them (as words, "IN", "OK" and "ME" are not states)."""
    import pycountry

    return {
        sub.code.removeprefix("US-"): sub.name
        for sub in pycountry.subdivisions.get(country_code="US") or ()
        if sub.type in ("State", "District")
    }


class Office(NamedTuple):
    """An office held by a named person, as token offsets into the Doc.

    ``of_ref`` marks an ``of`` that is a back-reference ("this university's Faculty ...") for the entities
    extractor to resolve; ``of_start == -1`` means the office names no ``of`` (likewise ``to_start``). ``stance``
    marks a title whose only word before it was a stance ("pro-Kremlin president NAME"): it names no holder, and
    the report's home country is no better a guess than the stance's name was.
    """

    title: str
    start: int
    end: int
    of: str | None
    of_start: int
    of_end: int
    of_ref: bool
    to: str | None
    to_start: int
    to_end: int
    person_start: int
    person_end: int
    stance: bool = False


# --------------------------------------------------------------------------------------------- token tests


def is_name_word(tok: Token) -> bool:
    """A capitalised word that can be part of a proper name ("MUSLIM", "Heydar", "366th")."""
    text = tok.text
    if text[:1].isdigit():
        return text.lower().endswith(ORDINAL_SUFFIXES) and text[:-2].isdigit()
    return text[:1].isupper() and any(c.isalpha() for c in text) and tok.pos_ in NAME_POS


def _country_at(doc: Doc, i: int, lex: Lexicon) -> int:
    """The end of a country name starting at token ``i`` (up to three tokens: "United Arab Emirates"), or i."""
    for length in (3, 2, 1):
        if i + length <= len(doc) and doc[i].text[:1].isupper() and lex.country(doc[i : i + length].text):
            return i + length
    return i


def _skip_det(doc: Doc, i: int) -> int:
    return i + 1 if i < len(doc) and doc[i].lower_ == "the" else i


def group_org_end(doc: Doc, i: int) -> int:
    """The end of an organisation named for the people it gathers and what it is for, from token ``i``: a plural
    proper noun or group word, "(United) for" and a name ("Americans for Prosperity", "Americans for Tax Reform",
    "Americans United for Life", "Citizens for Responsibility and Ethics"); else ``i``. The model tags the first word
    a group (NORP) and the rest apart, so "president of Americans for Prosperity" was of United States (the demonym
    read as the country) and "Americans for Prosperity President NAME" of "Prosperity". 150 "Americans/Citizens/
    Democrats/... for Name" in the AllSides corpus outside gold/dev, 20 of them after a title's "of/at/for/with"."""
    first = group_for_end(doc, i)
    if first == i:  # no group's opening words: most tokens (fix_entities tries each), so before the name run
        return i
    run = _name_run(doc, first, allow_and=True)
    if run == first or doc[first].ent_type_ in _NO_GROUP_AIM or _holiday_at(doc, first):
        return i  # "Americans for decades", "Americans for Trump", "Democrats for Halloween": no organisation named
    for _ in range(MAX_OF_LINKS):  # "Students for Life of America", as `org_extent` links its names
        if run + 1 >= len(doc) or doc[run].lower_ != "of":
            break
        after = _name_run(doc, _skip_det(doc, run + 1), allow_and=True)
        if after <= _skip_det(doc, run + 1):
            break
        run = after
    return run


# What a group is "for" when no organisation is named: a person ("Americans for Trump"), a time, or an occasion
# the model tags an event ("Democrats for Halloween", review of v22: a costume caption joined into one ORG).
_NO_GROUP_AIM = frozenset({"PERSON", "DATE", "TIME", "EVENT"})


@lru_cache(maxsize=1)
def _holidays() -> tuple[tuple[str, ...], ...]:
    """The holidays the times lexicon lists, as words, longest first (read as `_calendar_words` reads it, not
    parsed again)."""
    from dateline.extract.times import lexicon as times_lexicon

    names = [tuple(name.split()) for name in times_lexicon()["holidays"]]
    return tuple(sorted(names, key=len, reverse=True))


def _holiday_at(doc: Doc, i: int) -> bool:
    """A holiday the times lexicon lists opens at token ``i`` ("Halloween", "Labor Day"), written capitalised."""
    return any(
        tuple(t.text for t in doc[i : i + len(words)]) == words for words in _holidays() if i + len(words) <= len(doc)
    )


def group_for_end(doc: Doc, i: int, *, before_title: bool = False) -> int:
    """Past a group organisation's opening words at ``i`` ("Americans for", "Americans United for the"); else
    ``i``: a plural proper noun, or a plural the model tags a group (NORP), then "(United) for". ``before_title``:
    the name holds a title written after it, so a sentence's first plural the model reads as a common noun opens it
    too, as does one after a punctuation mark ("Students for Life of America President NAME" opening a sentence
    or after a dateline's dash was of "Life of America")."""
    tok = doc[i] if 0 <= i < len(doc) else None
    if tok is None or not tok.is_alpha or not tok.text[:1].isupper() or tok.is_upper:
        return i
    common_opener = before_title and (tok.is_sent_start or doc[i - 1].is_punct) and tok.tag_ == "NNS"
    if not (tok.tag_ == "NNPS" or common_opener or (tok.ent_type_ == "NORP" and tok.lower_.endswith("s"))):
        return i
    if i > 0 and not tok.is_sent_start and is_name_word(doc[i - 1]):
        return i  # "Korea Centers for Disease Control": a longer name opened before it
    k = i + 1
    if k < len(doc) and doc[k].text == "United":
        k += 1
    if k + 1 >= len(doc) or doc[k].lower_ != "for":
        return i
    return _skip_det(doc, k + 1)


def _glued_hyphen(doc: Doc, i: int) -> bool:
    """A hyphen at ``i`` written without spaces between two name words: one name ("Hewlett-Packard",
    "Trump-Pence Transition"). Before, the holder stopped at it ("Former Hewlett-Packard CEO" -> of Packard): 2 in
    80 random bulk AllSides reports outside gold/dev (seeds 1601, 1603)."""
    return (
        0 < i < len(doc) - 1
        and doc[i].text in ("-", "–")
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and is_name_word(doc[i - 1])
        and is_name_word(doc[i + 1])
    )


def _name_run(doc: Doc, i: int, *, allow_and: bool) -> int:
    """The end of a run of name words from ``i``, optionally joined by "and"/"&" ("Science and Technology")."""
    j = i
    while j < len(doc):
        joins = allow_and and doc[j].lower_ in ("and", "&") and j > i and j + 1 < len(doc) and is_name_word(doc[j + 1])
        if not (is_name_word(doc[j]) or joins or (j > i and _glued_hyphen(doc, j))):
            break
        j += 1
    return j


# --------------------------------------------------------------------------------------------- organisations


def org_extent(doc: Doc, head: int, lex: Lexicon) -> tuple[int, int] | None:
    """The organisation name around the head noun at ``head``, or None when it is not a name.

    Grows left over name words ("Heydar Aliyev Foundation", "Azerbaijani Embassy"), right over "of" + name
    words ("Institute of Science and Technology"), and for diplomatic missions over "in" + a place
    ("Embassy of Azerbaijan in Islamabad"). A bare head word is a name only mid-sentence ("the Foundation").
    """
    tok = doc[head]
    if not tok.text[:1].isupper() or tok.lower_ not in lex.org_heads:
        return None
    start = head
    while start > 0 and is_name_word(doc[start - 1]) and not doc[start].is_sent_start:
        if (
            doc[start - 1].lower_ in lex.title_words
            and doc[start - 1].lower_ not in lex.generic_org_words
            and doc[start - 1].lower_ not in lex.portfolios  # "Justice Department": a portfolio names the body
            and not _opens_model_org(doc, start - 1, head)
        ):
            break
        start -= 1
    end = head + 1
    for _ in range(MAX_OF_LINKS):
        # "Institute of Science and Technology", "Committee for a Responsible Federal Budget"; linked again inside
        # the name ("University of Maryland School of Public Health", "Institute for the Study of War": each was cut
        # at its second "of", 2 of the 30 random AllSides reports of seed 4900)
        if end + 1 >= len(doc) or doc[end].lower_ not in ("of", "for"):
            break
        first = end + 2 if doc[end + 1].lower_ == "a" and doc[end].lower_ == "for" else _skip_det(doc, end + 1)
        after = _name_run(doc, first, allow_and=True)
        if after <= first:
            break
        end = after
    if tok.lower_ in lex.subject_org_heads and end == head + 1 and end + 1 < len(doc) and doc[end].lower_ == "on":
        end = _subject_end(doc, end)
    if tok.lower_ in lex.located_org_heads and end + 1 < len(doc) and doc[end].lower_ == "in":
        after = _name_run(doc, end + 1, allow_and=False)
        if after > end + 1:
            end = after
    if start == head and end == head + 1 and tok.is_sent_start:
        return None
    return start, end


# Entity types a name after "HEAD on" may not be: the body acting on a day, at a place, or on a person ("the
# Committee on Tuesday", "the Council on Capitol Hill", "the Commission on Trump"), not its subject.
_NOT_SUBJECT_TYPES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "PERSON"})


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    """Month names and abbreviations, weekday names and their three-letter forms, lower-cased, from the times
    lexicon (their one owner; imported here at first use, the extractors importing this module)."""
    from dateline.extract.times import lexicon as times_lexicon

    lex = times_lexicon()
    weekdays = [day.lower() for day in lex["weekdays"]]
    return frozenset([*(month.lower() for month in lex["months"]), *weekdays, *(day[:3] for day in weekdays)])


def _subject_word(tok: Token) -> bool:
    return (
        is_name_word(tok)
        and tok.ent_type_ not in _NOT_SUBJECT_TYPES
        and tok.lower_.rstrip(".") not in _calendar_words()
    )


def _subject_end(doc: Doc, on: int) -> int:
    """The end of a body's name run on through "on" and its subject at ``on`` ("Council on Foreign Relations",
    "House Permanent Select Committee on Intelligence"), or ``on`` when no subject follows: a date, a place or a
    person after "on" is when, where or whom the body acts ("the Committee on Tuesday")."""
    first = _skip_det(doc, on + 1)
    j = first
    while j < len(doc) and (
        _subject_word(doc[j])
        or (j > first and doc[j].lower_ in ("and", "&") and j + 1 < len(doc) and _subject_word(doc[j + 1]))
        or (j > first and _glued_hyphen(doc, j))
    ):
        j += 1
    if j == first or (j < len(doc) and doc[j].ent_iob_ == "I"):
        return on  # nothing named, or a name the model runs on past it ("on Capitol Hill")
    return j


def _opens_model_org(doc: Doc, i: int, head: int) -> bool:
    """The model read a title word as the first word of the organisation's own name ("General Dynamics Corp",
    "General Motors"): one ORG from ``i`` through ``head``."""
    return (
        doc[i].ent_iob_ == "B" and doc[i].ent_type_ == "ORG" and all(t.ent_iob_ == "I" for t in doc[i + 1 : head + 1])
    )


# --------------------------------------------------------------------------------------------- offices


def _title_at(doc: Doc, i: int, lex: Lexicon) -> int:
    """The end of the longest lexicon title starting at token ``i``, or i. An abbreviated title word's full stop
    may be a token of its own ("Lt" "." "Gov."): it is read as part of the word."""
    if i >= len(doc) or not _may_lead_title(doc, i, lex):
        return i
    words: list[str] = []
    ends: list[int] = []
    j = i
    while j < len(doc) and len(words) < 6:
        word, j = doc[j].lower_, j + 1
        glued = j < len(doc) and doc[j].text == "." and not doc[j - 1].whitespace_
        if glued and f"{word}." in lex.title_words:
            word, j = f"{word}.", j + 1
        words.append(word)
        ends.append(j)
    for title in lex.titles.get(words[0], ()) if words else ():
        if tuple(words[: len(title)]) == title:
            return _in_chief_end(doc, ends[len(title) - 1])
    return i


# "in chief" after a title belongs to it, hyphened or not ("editor-in-chief", "editor in chief", "commander in
# chief"): "NAME, editor-in-chief of The Washington Monthly" was a bare "editor" of none, the organisation lost
# after the hyphen (9 "NAME, (the) editor-in-chief/editor in chief" in the AllSides corpus outside gold/dev, 7 of
# them read as a bare "editor"). Read here, not listed per title in the lexicon.
_IN_CHIEF = (("in", "chief"), ("-", "in", "-", "chief"))


def _in_chief_end(doc: Doc, end: int) -> int:
    """The end of a title that ends at ``end``, past an "in chief" written after it."""
    for words in _IN_CHIEF:
        if tuple(t.lower_ for t in doc[end : end + len(words)]) == words:
            return end + len(words)
    return end


def _may_lead_title(doc: Doc, i: int, lex: Lexicon) -> bool:
    """Whether token ``i`` (with its glued full stop, as ``_title_at`` reads it) is the first word of any
    lexicon title. ``_title_at`` is asked at nearly every token (101,841 times over 100 AllSides reports) and
    few start a title: reading the six words after each one first was a tenth of the entity fixer's time."""
    word = doc[i].lower_
    # Every way below to True ends in a title keyed by the word or the word with its full stop: a word that keys
    # neither (nearly every token) is no title's first word, so the token and its neighbours are not read.
    if not (lex.titles.get(word) or lex.titles.get(f"{word}.")):
        return False
    if doc[i].tag_ == "IN" and doc[i].is_lower:
        return (
            False  # "officials working under Secretary of State Hillary Clinton": a preposition, not "Under Secretary"
        )
    if i + 1 < len(doc) and doc[i + 1].text == "." and not doc[i].whitespace_ and f"{word}." in lex.title_words:
        word = f"{word}."
    if i + 1 < len(doc) and is_name_suffix(doc[i + 1].text) and doc[i].text[:1].isupper():
        return False  # "Martin Luther King Jr.": a surname before a generational suffix, no title without a name
    if given_name_title(doc, i, lex):
        return False
    return bool(lex.titles.get(word))


def given_name_title(doc: Doc, i: int, lex: Lexicon) -> bool:
    """Token ``i`` is a title word written as a given name: after an abbreviated title, opening a two-word person
    the model names ("Sen. Dean Heller", "Rep. Dean Phillips": "Dean" was read as a second title stacked on "Sen.",
    so the person was "Heller" holding "Dean"; 21 "Sen./Rep./Gov. Dean NAME" in the AllSides corpus outside
    gold/dev). A stacked title leaves a full name after it ("Judiciary Committee Chairman Rep. Jerry Nadler"),
    and an abbreviated one keeps its full stop."""
    if not (0 < i < len(doc) - 1) or not doc[i].is_title or not doc[i].is_alpha:
        return False
    before = doc[i - 1]
    return (
        before.text.endswith(".")
        and before.lower_ in lex.title_words
        and doc[i].lower_ in lex.title_words
        and doc[i].ent_iob_ == "B"
        and doc[i].ent_type_ == "PERSON"
        and doc[i + 1].ent_iob_ == "I"
        and doc[i + 1].is_alpha
        and (i + 2 >= len(doc) or doc[i + 2].ent_iob_ != "I")
    )


def _common_name_word(tok: Token, lex: Lexicon) -> bool:
    """Whether a capitalised word is an organisation's head, a title word, a country or a demonym: a word of
    an office or an organisation, not of a person's name."""
    return bool(
        tok.lower_ in lex.org_heads or tok.lower_ in lex.title_words or lex.country(tok.text) or lex.demonym(tok.text)
    )


def _person_run(doc: Doc, i: int, lex: Lexicon) -> int:
    """The end of a person's name starting at ``i`` (after honorifics are skipped by the caller), or i."""
    j = i
    while j < len(doc) and j - i < MAX_NAME_TOKENS and is_name_word(doc[j]) and doc[j].pos_ == "PROPN":
        if (
            _common_name_word(doc[j], lex)
            and not (j > i and _ends_model_person(doc, j))
            and not given_name_title(doc, j, lex)  # "Sen. Dean Heller": the title word is the given name
            and not (j == i and _opens_model_person(doc, j) and country_given_name(doc, j, j + 2, lex))
        ):
            break
        j += 1
        if _hyphen_joins(doc, j):
            j += 2  # a double-barrelled surname is one name: "Ocasio-Cortez"
        j = particle_end(doc, j, lex)
    if j < len(doc) and doc[j].lower_ in lex.org_heads and doc[j].text[:1].isupper():
        return i  # "Heydar Aliyev Foundation": the name belongs to an organisation
    return j


def _opens_model_person(doc: Doc, j: int) -> bool:
    """Token ``j`` opens a two-word person the model names ("Chad Wolf")."""
    return (
        doc[j].ent_iob_ == "B"
        and doc[j].ent_type_ == "PERSON"
        and j + 1 < len(doc)
        and doc[j + 1].ent_iob_ == "I"
        and (j + 2 >= len(doc) or doc[j + 2].ent_iob_ != "I")
    )


# Words that make an office the parliamentary opposition's counterpart of a national office ("shadow chancellor",
# "Shadow Foreign Secretary"): the office stays the nation's, and the word leads a title only before a national one.
OPPOSITION_MODIFIERS = frozenset({"shadow"})
# The Westminster parliaments whose official opposition names a shadow cabinet ("shadow chancellor", "shadow
# attorney general"): a shadow office with no country written is one of theirs.
SHADOW_CABINETS = frozenset({"United Kingdom", "Canada", "Australia", "New Zealand"})


# Country names that are given names in the 1990 US Census first-name tables (public domain; as shipped in the
# PyPI package "names" 0.3.0, dist.male.first and dist.female.first), with the percent of people given each (the
# larger of the two tables). Every country name the lexicon knows that either table lists is here.
CENSUS_COUNTRY_GIVEN_NAMES: dict[str, float] = {
    "chad": 0.165,
    "georgia": 0.091,
    "jordan": 0.056,
    "israel": 0.028,
    "kenya": 0.011,
    "india": 0.006,
    "america": 0.003,
    "france": 0.002,
    "argentina": 0.001,
    "burma": 0.001,
    "china": 0.001,
    "dominica": 0.001,
}
# A common given name: one person in 2,000 or more bears it (Chad, Georgia, Jordan). Below it a country before a
# capitalised word was an organisation's or a title's more often than a person's ("France Info", "America
# Rising", "China Jushi", "Israel Hayom" in the review of the rule; docs/extractors.md has the counts).
COMMON_GIVEN_NAME_PERCENT = 0.05


def common_given_name(word: str) -> bool:
    """Whether the country name ``word`` is a common given name (``CENSUS_COUNTRY_GIVEN_NAMES``)."""
    return CENSUS_COUNTRY_GIVEN_NAMES.get(word.casefold(), 0.0) >= COMMON_GIVEN_NAME_PERCENT


def country_given_name(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """A two-word name whose first word is a country that is also a common given name (``common_given_name``) is
    a given name and a surname ("Acting Homeland Security Secretary Chad Wolf", "co-chair Chad Brown", "Jordan
    Peterson"): the model reads the name whole, and the country was split off it, so "Wolf" took the office or none
    was found. The parse must compound the country onto the surname, and the surname must not be compounded onto a
    noun after it ("Chad Info radio" names a station); the surname is no other person's the model names in full
    ("Georgia Kemp" in a headline list beside "Brian Kemp"); the word before the pair is no preposition ("in
    Georgia Kemp won") and no noun of a kind of organisation ("the group Jordan Rising": ``after_kind_noun``); and
    neither the surname nor the word before is a country (a list of countries the model reads as names: "Chad
    Chile China", "Spain, Jordan Morocco and Poland")."""
    if end - start != 2 or end > len(doc):
        return False
    first, last = doc[start], doc[start + 1]
    return (
        first.is_title
        and last.is_title
        and last.is_alpha
        and first.whitespace_ == " "
        and first.dep_ == "compound"
        and first.head.i == last.i
        and not (last.dep_ == "compound" and last.head.i > last.i)
        and (start == 0 or doc[start - 1].pos_ != "ADP")
        and not after_kind_noun(doc, start, lex)
        and common_given_name(first.text)
        and lex.country(first.text) is not None
        and lex.country(last.text) is None
        and (start == 0 or lex.country(doc[start - 1].text) is None)
        and not any(
            ent.label_ == "PERSON" and len(ent) >= 2 and ent.start != start and ent[-1].text == last.text
            for ent in doc.ents
        )
    )


def _ends_model_person(doc: Doc, j: int) -> bool:
    """Token ``j`` is the surname that closes a person's name the model read whole, though the lexicon lists
    the word as a title or a country ("Angus King", "Jim Jordan", "Peter King": the name was cut to "Angus"); a
    generational suffix may close the name after it ("Martin Luther King Jr.", "Sen. Angus S. King Jr.": the name
    was cut to "Martin Luther", and "Jr." held the title "King")."""
    after = j + 2 if j + 1 < len(doc) and doc[j + 1].ent_iob_ == "I" and is_name_suffix(doc[j + 1].text) else j + 1
    closes = after >= len(doc) or doc[after].ent_iob_ != "I"
    return doc[j].ent_iob_ == "I" and doc[j].ent_type_ == "PERSON" and closes and "." not in doc[j].text


# Generational suffixes written after a surname ("John Altenburg Jr.", "William A. Brewer III").
# Roman numerals after a name: a generation after a full name ("Thurston Howell III"), a monarch's or pope's number
# after a one-word name ("Charles III", "Elizabeth II").
REGNAL_NUMERALS = frozenset({"ii", "iii", "iv"})
NAME_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr"}) | REGNAL_NUMERALS


def is_name_suffix(word: str) -> bool:
    """Whether ``word`` is a generational suffix of a name ("Jr.", "III"), in any case."""
    return word.casefold() in NAME_SUFFIXES


def particle_end(doc: Doc, j: int, lex: Lexicon) -> int:
    """Past a name particle and the name after it at ``j`` ("al-Assad", "bin Salman", "de Blasio"), or j; past a
    surname written with its particle and a curly apostrophe ("O’Malley", "D’Agostino"), which the model reads
    as a common noun and leaves out of the name (236 "NAME O’/D’NAME" in the AllSides corpus outside gold/dev:
    "Martin O’Malley" was "Martin")."""
    if j < len(doc) and _APOSTROPHE_SURNAME.fullmatch(doc[j].text):
        return j + 1
    if j + 1 >= len(doc) or doc[j].text not in lex.name_particles:
        return j
    if doc[j + 1].text == "-" and not doc[j].whitespace_:
        return j + 3 if _hyphen_joins(doc, j + 1) else j
    return j + 2 if is_name_word(doc[j + 1]) and doc[j + 1].pos_ == "PROPN" else j


# A nickname written in quotation marks inside a person's name (Joseph "Keith" Kellogg, James "Whitey" Bulger,
# Lewis “Scooter” Libby): each opening mark and the mark that closes it. Of the 69 such names the sweep in
# docs/history/entities.md (session 29) found in the unseen corpora, the model held 23 as one person; the others it
# split into two or three (the nickname a third), so offices and quotes went to the first name alone.
NICKNAME_QUOTES = {'"': '"', "“": "”", "'": "'", "‘": "’"}
# The words a nickname may run to inside its marks: one mostly, two in 9 of the 69 ("Willie Horton", "Ratings
# Viagra", "The Situation", "Lone Star"; the sweep's pattern read at most two); three leaves room and still stops a
# quotation.
NICKNAME_WORDS = 3


def nickname_close(doc: Doc, i: int) -> int:
    """The index of the mark that closes a nickname opened at ``i``, or -1: the mark opens one to three words of
    capitalised letters, written against them (``"Keith"``), with a space on each side of the pair and nothing in
    between that ends a sentence ("calling Hurricane Matthew “Hurricane Donald.” There", "Mr. Kerry “Mr.
    Secretary.”")."""
    close = NICKNAME_QUOTES.get(doc[i].text)
    if close is None or doc[i].whitespace_ or i == 0 or not doc[i - 1].whitespace_:
        return -1
    for j in range(i + 2, min(i + 2 + NICKNAME_WORDS, len(doc))):
        if doc[j].text == close:
            inner = doc[i + 1 : j]
            shaped = all(t.text[:1].isupper() and t.text.replace("-", "").isalpha() for t in inner)
            return j if shaped and not doc[j - 1].whitespace_ and (j + 1 == len(doc) or doc[j].whitespace_) else -1
    return -1


def nickname_in(name: Span) -> tuple[str, str] | None:
    """A person's name written with a quoted nickname inside, read apart: ("Joseph Kellogg", "Keith") for
    'Joseph "Keith" Kellogg'; None for a name with none, or where a word outside the marks is no name word (a
    headline the model tagged a person whole: "Boehner Pulls 'Plan B' Amid")."""
    doc = name.doc
    for i in range(name.start + 1, name.end - 2):
        close = nickname_close(doc, i)
        if close < 0 or close >= name.end - 1:
            continue
        before, after = doc[name.start : i], doc[close + 1 : name.end]
        if not all(is_name_word(tok) or not tok.is_alpha for tok in (*before, *after)):
            return None
        return f"{before.text} {after.text}", doc[i + 1 : close].text
    return None


# One syllable of a romanised Korean given name ("Jong", "un", "Geun", "hye", "Kyung", "moon"): an onset, a vowel,
# an optional final. English words glued to a name by a hyphen ("Cruz-led", "Obama-era", "Ohio-based", "Chick-fil")
# are not shaped so: of the 613 "Name Name-xxx" in the AllSides corpus outside gold/dev, the shape keeps 152 (in 93
# reports), every one an East Asian name ("Kim Jong-un" 48, "Moon Jae-in" 35, "Ban Ki-moon" 18, "Tsai Ing-wen").
_GIVEN_SYLLABLE = re.compile(
    r"(?:[bcdghjkmnprstwy]|ch|kk|tt|pp|ss|jj)?(?:ae|eo|eu|ui|oe|oo|wa|wo|wi|we|yeo|ya|yo|yu|ye|[aeiou])(?:ng|[nlkpmt])?",
    re.IGNORECASE,
)


def hyphened_given_name(doc: Doc, end: int) -> bool:
    """Whether a person's name of two words or more that ends at ``end`` stops inside a given name written with a
    hyphen and a lower-case second syllable, as Korean names are romanised ("Kim Jong" of "Kim Jong-un", "Ban Ki"
    of "Ban Ki-moon"; the model often reads the whole name, and the office parse stops at the hyphen)."""
    if end + 1 >= len(doc) or doc[end].text != "-" or doc[end - 1].whitespace_ or doc[end].whitespace_:
        return False
    first, second = doc[end - 1], doc[end + 1]
    return (
        second.ent_type_ in ("", "PERSON")
        and first.text[:1].isupper()
        and second.is_lower
        and _GIVEN_SYLLABLE.fullmatch(first.text) is not None
        and _GIVEN_SYLLABLE.fullmatch(second.text) is not None
    )


def _hyphen_joins(doc: Doc, j: int) -> bool:
    """A hyphen at ``j`` written without spaces between two capitalised name words ("Ocasio-Cortez")."""
    return (
        j + 1 < len(doc)
        and doc[j].text == "-"
        and not doc[j - 1].whitespace_
        and not doc[j].whitespace_
        and is_name_word(doc[j + 1])
    )


def _office_of(doc: Doc, j: int, title: str, lex: Lexicon) -> tuple[str, int, int, int, bool, list[int]] | None:
    """Parse "of ..." after a title at ``j`` (pointing at "of").

    Returns (title, of_start, of_end, next token, of is a back-reference, tokens that belong to the title).
    """
    k = _skip_det(doc, j + 1)
    if k + 2 < len(doc) and doc[k].lower_ in ("this", "that", "the") and doc[k + 2].text in POSSESSIVE:
        # "head of this university's Faculty of ...": the unit joins the title; "of" refers back.
        unit_start = k + 3
        unit_end = _name_run(doc, unit_start, allow_and=False)
        for h in range(unit_start, unit_end):
            extent = org_extent(doc, h, lex)
            if extent is not None:
                unit_end = max(unit_end, extent[1])
        if unit_end == unit_start:
            return None
        return (
            f"{title} of the {doc[unit_start:unit_end].text}",
            k,
            k + 2,
            unit_end,
            True,
            list(range(unit_start, unit_end)),
        )
    grouped = group_org_end(doc, k)
    if grouped > k:  # "head of Americans for Tax Reform": no country
        return title, k, grouped, grouped, False, []
    country_end = _country_at(doc, k, lex)
    if country_end > k and (country_end >= len(doc) or doc[country_end].text not in POSSESSIVE):
        return title, k, country_end, country_end, False, []
    run = _name_run(doc, k, allow_and=False)
    if run == k:
        complement = _complement_end(doc, j)  # "the secretary of education, Betsy DeVos"
        if complement == j:
            return None
        return f"{title} {doc[j:complement].text}", -1, -1, complement, False, list(range(j, complement))
    split = _split_run(doc, k, run, lex)
    if split is not None and _place_ends_at(doc, k, split):
        # "Mayor of London Boris Johnson", "Governor of Texas Greg Abbott": a place the model names before the
        # holder's name holds the office; a portfolio joins the title ("Minister of the Interior Kadri Lepik").
        # Before, the title was "Mayor of London" of none (4 "Mayor/Governor of PLACE NAME" in the AllSides
        # corpus outside gold/dev).
        return title, k, split, split, False, []
    if split is not None:
        return f"{title} of {doc[j + 1 : split].text}", -1, -1, split, False, list(range(j, split))
    for h in range(k, run):
        extent = org_extent(doc, h, lex)
        if extent is not None and extent[0] <= k:
            return title, k, extent[1], extent[1], False, []
    if run < len(doc) and doc[run].lower_ in lex.sub_units:
        return f"{title} of {doc[run].text}", k, run + 1, run + 1, False, []
    if run < len(doc) and doc[run].text == ",":
        return title, k, run, run, False, []
    named = _model_name_end(doc, k, run)
    if named < len(doc) and doc[named].text == ",":
        return title, k, named, named, False, []
    return None


def _model_name_end(doc: Doc, start: int, run: int) -> int:
    """The end of the organisation or place the model names from ``start`` when it runs past the name words ending
    at ``run`` at a joining word ("the director of the National Institutes of Health, NAME", "the chairman of the
    Joint Chiefs of Staff, Gen. NAME", "the founder of the Republic of Turkey, NAME"): a lower-case title's "of"
    holder ends at the comma before its name, and the name words stop at the inner "of"/"for", so the office was
    dropped whole where the head noun is none `org_extent` grows ("Institutes", "Chiefs", "Republic"); ``run``
    when the model names nothing there."""
    if start >= len(doc) or doc[start].ent_type_ not in ("ORG", "GPE"):
        return run
    opens = doc[start].ent_iob_ == "B" or (
        start > 0 and doc[start - 1].ent_iob_ == "B" and doc[start - 1].lower_ == "the"
    )
    if not opens:
        return run
    end = next((t for t in range(start + 1, len(doc)) if doc[t].ent_iob_ != "I"), len(doc))
    return end if end > run and all(_inner_org_word(t) for t in doc[run:end]) else run


def _place_ends_at(doc: Doc, start: int, end: int) -> bool:
    """Tokens ``start:end`` are one place the model names (GPE), whole."""
    return (
        doc[start].ent_iob_ == "B"
        and doc[start].ent_type_ == "GPE"
        and all(doc[i].ent_iob_ == "I" for i in range(start + 1, end))
        and (end >= len(doc) or doc[end].ent_iob_ != "I")
    )


def _split_run(doc: Doc, start: int, run: int, lex: Lexicon) -> int | None:
    """Where the holder's name starts inside a capitalised run that glued a portfolio to it: "Minister for
    Home Affairs Joseph Camilleri", "Minister of the Interior Kadri Lepik". None when the run ends at
    "of"/"to" (the name comes later) or no split is found."""
    if run >= len(doc) or doc[run].lower_ in ("of", "to"):
        return None
    for k in range(start + 1, run):
        if doc[k].ent_iob_ == "B" and doc[k].ent_type_ == "PERSON":
            return k
    k = start
    while k < run and doc[k].lower_ in lex.portfolios:
        k += 1
    return k if start < k < run else None


def find_offices(doc: Doc, lex: Lexicon | None = None) -> list[tuple[Office, list[int]]]:
    """Every "TITLE [of X] [to Y][,] NAME" construction, and every "NAME, [the] TITLE [at ORG]" appositive,
    with the tokens that belong to the title."""
    lex = lex or lexicon()
    found: list[tuple[Office, list[int]]] = []
    i = 0
    while i < len(doc):
        end = _title_at(doc, i, lex)
        plural = None
        if end == i:
            found_plural = _plural_title(doc, i, lex)
            if found_plural is None:
                i += 1
                continue
            plural, end = found_plural
        else:
            end = _noun_head_end(doc, end - 1, end, lex)  # "AMI's chief content officer, Dylan Howard"
        parsed = _parse_office(doc, i, end, lex, singular=plural)
        if parsed is None:
            joint = _joint_titles(doc, i, end, lex)
            found.extend(joint)
            i = joint[-1][0].person_end if joint else end
            continue
        office = parsed[0]
        others = _coordinated_holders(doc, office, lex, plural=plural is not None)
        if plural is not None and not others:
            # A plural the parse reads is a title only before two names or more in one list: "Presidents NAME
            # spoke, and NAME answered" is no list (the "and" `_plural_title` saw joins clauses), and a list's
            # first name alone holds nothing a plural says.
            i += 1
            continue
        found.append(parsed)
        found.extend(others)
        # A second title stacked before the name is parsed next ("Committee Chairman Rep. Jerry Nadler").
        i = next((k for k in range(office.end, office.person_start) if _title_at(doc, k, lex) > k), office.person_end)
    # An apposition can name a second office of a person titled before the name ("Senator Richard Burr of
    # North Carolina, the Republican chairman of ..."); the same title twice is one office.
    titled = {(office.person_start, office.title.casefold()) for office, _ in found}
    titled_before = {office.person_start for office, _ in found}
    # A title written before a name is that name's, not an apposition of the name before it: in a list ("CIA chief
    # Gina Haspel, Director of National Intelligence Dan Coats, and ...") the apposition read "Director of National
    # Intelligence Dan Coats" as Haspel's office.
    before = {k for office, tokens in found for k in tokens}
    # The names followed by an apposition, found once for the four readers that start there.
    starts = list(_apposition_starts(doc, lex))
    found.extend(
        a
        for a in _appositives(doc, lex, starts)
        if (a[0].person_start, a[0].title.casefold()) not in titled and not before.intersection(a[1])
    )
    held = {office.person_start for office, _ in found}
    found.extend(a for a in _parsed_appositives(doc, lex, starts) if a[0].person_start not in held)
    held = {office.person_start for office, _ in found}
    found.extend(a for a in _preposed_appositives(doc, lex) if a[0].person_start not in held)
    # A compound office stands before the name, as a lexicon title does, and only such a title bars it: an
    # apposition after the name is another office ("GOP consultant Ron Bonjean, who served as a top strategist";
    # since v7 read "who was/served as" clauses took it away).
    found.extend(a for a in _compound_offices(doc, lex) if a[0].person_start not in titled_before)
    held = {office.person_start for office, _ in found}
    found.extend(a for a in _plural_compound_offices(doc, lex) if a[0].person_start not in held)
    held = {office.person_start for office, _ in found}
    found.extend(a for a in _relative_offices(doc, lex, starts) if a[0].person_start not in held)
    # A relative clause names an office of its own beside a title ("Sen. Jim Inhofe, the Oklahoma Republican who
    # chairs the Armed Services Committee"); the same title twice is one office.
    titled = {(office.person_start, office.title.casefold()) for office, _ in found}
    used = {k for _, tokens in found for k in tokens}
    found.extend(
        a
        for a in _relative_clause_offices(doc, lex)
        if (a[0].person_start, a[0].title.casefold()) not in titled and not used.intersection(a[1])
    )
    # A note's second office, after its apposition and "is/was", read last: every reader above may read the
    # apposition's own office first; the same title twice is one office. Only with the organisation it is held
    # at: without one the title was cut before a complement that the organisation follows ("is vice chairwoman for
    # civic engagement and voter participation at the Democratic National Committee", "is a senior fellow and
    # chairman of the study of Islamic radicalism at the Potomac Institute"): of 15 such offices on seed 123004, 7
    # had none, 5 of them wrong.
    titled = {(office.person_start, office.title.casefold()) for office, _ in found}
    found.extend(
        a
        for a in _appositives(doc, lex, list(_note_copula_starts(doc, lex, starts)))
        if (a[0].person_start, a[0].title.casefold()) not in titled and a[0].of is not None
    )
    found = [a for a in found if not _another_of_a_kind(doc, a[0], lex)]
    found = _titled_holders(doc, found, lex)
    found.extend(_joined_titles(doc, found, lex))
    return [(_whole_given_name(doc, office), tokens) for office, tokens in found]


def _another_of_a_kind(doc: Doc, office: Office, lex: Lexicon) -> bool:
    """Whether an office read in an apposition opened by "another" has no holder, or only a party: "another" says
    the person is one more of a kind, which with a party describes a standing ("Charlie Baker, another GOP leader",
    "Mary Landrieu of Louisiana, another top GOP target", "Ben Carson, another outstanding conservative leader"),
    where with an organisation or a person served it names an office ("another attorney for Trump", "another DHS
    cybersecurity official"). Session 33, seeds 136100 and 136300 (all 115 AllSides reports with ", another"
    after a name outside gold/dev): 13 offices read, 9 right, 3 wrong, 1 unsure; with this test 8, 7 right, 1
    unsure (two right ones with no holder are lost: "another former senator", "another campaign aide")."""
    first = min(office.start, office.of_start) if office.of_start >= 0 else office.start
    # An office written before its holder's name has an empty span here.
    if not any(t.lower_ == _ANOTHER for t in doc[office.person_end : first]):
        return False
    return office.of is None or lex.party_of(office.of) is not None


# The prepositions between the second of two joined titles and the organisation both are held of.
_JOINED_TITLE_LINKS = frozenset({"of", "at", "for"})
# The model's labels of what two joined titles may be held of.
_JOINED_TITLE_HOLDERS = frozenset({"ORG", "GPE", "FAC"})


def _second_title_end(doc: Doc, k: int, lex: Lexicon) -> int:
    """The end of a title at token ``k`` that may be joined to another by "and": a lexicon title, or a lower-case
    noun for a position (``job_titles``, from WordNet); else ``k``."""
    end = _title_at(doc, k, lex)
    if end > k:
        return _noun_head_end(doc, end - 1, end, lex)
    tok = doc[k] if k < len(doc) else None
    if tok is not None and tok.is_lower and tok.pos_ == "NOUN" and tok.lemma_ in job_titles():
        return k + 1
    return k


def _joined_titles(doc: Doc, found: list[tuple[Office, list[int]]], lex: Lexicon) -> list[tuple[Office, list[int]]]:
    """Two titles joined by "and" in an apposition are two offices of one holder, both held of the organisation
    after the second ("NAME, president and CEO of ORG", "NAME, the owner and founder of ORG"): the office found is
    the first, held of that organisation; the second is the person's too. Only a title the lexicon or WordNet's
    position nouns names after the "and", and only with the organisation right after it: "a former diplomat and
    director of national intelligence", "a former senator and secretary of state" join an office to a description
    or carry the first's status, and "chief operating officer and director of policy impact at ORG" a title with a
    field of its own, all read wrong in the first count (docs/extractors.md)."""
    out: list[tuple[Office, list[int]]] = []
    held = {(office.person_start, office.title.casefold()) for office, _ in found}
    for office, _tokens in found:
        k = office.end + 1
        # Only a title after its holder's name, in apposition ("NAME, president and CEO of ORG").
        if office.start < office.person_end or k >= len(doc) or doc[office.end].lower_ != "and":
            continue
        end = _second_title_end(doc, k, lex)
        if end == k or end >= len(doc) or doc[end].lower_ not in _JOINED_TITLE_LINKS:
            continue
        org = _skip_det(doc, end + 1)
        # The model's organisation may open at "the" ("the National Cable and Telecommunications Association").
        named = org < len(doc) and doc[org].ent_type_ in _JOINED_TITLE_HOLDERS and doc[end + 1].ent_iob_ == "B"
        if office.of_ref or not (office.of_start == org or (office.of_start < 0 and named)):
            continue
        # "founder of MIT's Media Lab", "columnist for Britain's Daily Telegraph": a possessed name after the
        # organisation is what the second title is held of, which the first's reading cut short; 4 of the 5 such
        # joined titles in session 27's review read wrong (docs/extractors.md).
        if _possessed_after(doc, office, org):
            continue
        second = office._replace(title=doc[k:end].text, start=k, end=end)
        if (office.person_start, second.title.casefold()) not in held:
            out.append((second, list(range(k, end))))
            held.add((office.person_start, second.title.casefold()))
    return out


def _possessed_after(doc: Doc, office: Office, org: int) -> bool:
    """Whether the organisation two joined titles are read of, from token ``org``, is followed by a possessive
    "'s" ("MIT's Media Lab", "Britain's Daily Telegraph"): the name the office's own reading took, else the model's
    name up to its first possessive, which the model may run on past ("University of Massachusetts-Lowell's Center
    for Public Opinion"; so "Lee's POW! Entertainment", a name with its own "'s", is passed over too). A plural's
    bare apostrophe is often the name's own ("the Lawyers' Committee")."""
    if office.of_start == org:
        j = office.of_end
    else:
        j = org + 1
        while j < len(doc) and doc[j].ent_iob_ == "I" and doc[j].text not in POSSESSIVE:
            j += 1
    return j < len(doc) and doc[j].text in POSSESSIVE and doc[j].lower_.endswith("s")


# The prepositions a preposed apposition's title names its holder after ("the head of ORG, NAME", "a spokesman
# for Mr. NAME, NAME").
_PREPOSED_LINKS = frozenset({"of", "for"})
# The fewest tokens a preposed apposition has before the name: an article, the title's noun, "of/for" and the
# comma ("a spokesman for Mr. Obama, Ben LaBolt" has more: the holder stands between "for" and the comma).
_PREPOSED_MIN_TOKENS = 4


def _preposed_appositives(doc: Doc, lex: Lexicon) -> list[tuple[Office, list[int]]]:
    """ "A spokesman for Mr. Obama, Ben LaBolt, accused ...", "the head of conservative watchdog Judicial Watch,
    Tom Fitton, on ...": a lower-case title with its "of/for" holder written before the name, the name in
    apposition to it (the parse's ``appos``) and closed by a comma. The holder is a name the model tags
    ending at the comma (an organisation, a place, or a person after an honorific or title); a common noun there
    ("a spokesman for the show's creator, Mark Burnett") is whom the name describes, so no office is read."""
    found = []
    for ent in doc.ents:
        start, end = ent.start, ent.end
        if (
            ent.label_ != "PERSON"
            or start < _PREPOSED_MIN_TOKENS
            or end >= len(doc)
            or doc[start - 1].text != ","
            or doc[end].text != ","
        ):
            continue
        head = ent.root.head
        if ent.root.dep_ != "appos" or head.i >= start - 1:
            continue
        # The parse hangs the name on the nearest noun, the holder's name after "of/for" as often as the title.
        if head.dep_ == "pobj" and head.head.lower_ in _PREPOSED_LINKS:
            head = head.head.head
        if not head.is_lower or head.pos_ != "NOUN":
            continue
        link = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in _PREPOSED_LINKS), None)
        if link is None or link.i != head.i + 1:
            continue
        # The title: the noun and the lower-case words before it, past the article ("a former spokesman").
        first = head.left_edge.i
        if doc[first].lower_ not in _ARTICLES or not all(
            t.is_lower and not t.is_punct for t in doc[first + 1 : head.i]
        ):
            continue
        if _title_at(doc, head.i, lex) != head.i + 1:
            continue
        served = _person_served(doc, link.i, lex) if link.lower_ == "for" else None
        if served is not None and served[2] == start - 1:
            of, of_start, of_end = served
        else:
            owner = next((e for e in doc.ents if e.end == start - 1 and e.start > link.i), None)
            if (
                owner is None
                or owner.label_ not in ("ORG", "GPE")
                or owner.root.dep_ != "pobj"
                or owner.root.head != link
            ):
                continue
            of_start = owner.start + (doc[owner.start].lower_ == "the")
            # "the head of China's National Health Commission, Ma Xiaowei": the model's organisation opens with
            # its country's possessive; the organisation is named after it (the country is no part of its name).
            mark = next((k for k in range(of_start + 1, owner.end - 1) if doc[k].text in POSSESSIVE), None)
            if mark is not None and lex.country(doc[of_start:mark].text) is not None:
                of_start = mark + 1
            of, of_end = lex.holder(doc[of_start : owner.end].text), owner.end
        title_start = first + 1
        while title_start < head.i and doc[title_start].lower_ in lex.status_modifiers:
            title_start += 1
        title = _with_status(doc, first + 1, title_start, doc[title_start : head.i + 1].text)
        office = Office(title, title_start, head.i + 1, of, of_start, of_end, False, None, -1, -1, start, end)
        found.append((office, list(range(first + 1, head.i + 1))))
    return found


def _titled_holders(doc: Doc, found: list[tuple[Office, list[int]]], lex: Lexicon) -> list[tuple[Office, list[int]]]:
    """An ``of`` that is a person written with a title of their own ("President Donald Trump's lawyer", "a nominee
    of Republican President George W. Bush", "Vice President Dick Cheney's top aide") is that person, named
    without the title: the title is the holder's own office, found beside this one, and "President Donald
    Trump" is no name an entity or the gold lists for the person (18 such possessives in the AllSides corpus)."""
    # The model's own person: "Justice Democrats spokesman NAME" holds no office "Justice" of a person "Democrats".
    people = {(o.person_start, o.person_end) for o, _ in found if doc[o.person_start].ent_type_ == "PERSON"}
    fixed = []
    for office, tokens in found:
        start, end = office.of_start, office.of_end
        named = next((p for p in people if start < p[0] and p[1] == end), None) if start >= 0 else None
        # The last "and" before the possessor: an organisation's own "and" ("Health and Human Services") is
        # earlier, the one joining the two appositions stands just before the possessor's title.
        joined = max((k for k in range(start, named[0]) if doc[k].lower_ == "and"), default=None) if named else None
        if named is not None and joined is not None and joined > start and not office.of_ref:
            # "NAME, the former director of the Defense Intelligence Agency and President Donald Trump's former
            # national security adviser": the organisation ran on through "and" into a second apposition's
            # possessor; the office is the organisation's, ended before the "and".
            office = office._replace(of=lex.holder(doc[start:joined].text), of_end=joined)
        elif named is not None and not office.of_ref:
            office = office._replace(of=doc[named[0] : named[1]].text, of_start=named[0])
        fixed.append((office, tokens))
    return fixed


def _whole_given_name(doc: Doc, office: Office) -> Office:
    """The office with its holder's name grown past a hyphened given name the model cut ("leader Kim Jong-un"),
    whichever construction found it."""
    end = office.person_end
    if end - office.person_start >= 2 and hyphened_given_name(doc, end):
        return office._replace(person_end=end + 2)
    return office


def _plural_title(doc: Doc, i: int, lex: Lexicon) -> tuple[str, int] | None:
    """A lexicon title whose first word token ``i`` writes in the plural, before two or more names joined by "and"
    ("Former Presidents Barack Obama and George W. Bush", "Republican Govs. Jeb Bush and Chris Christie",
    "former Secretaries of State Henry Kissinger and George Shultz"): the title in the singular as the text writes it
    ("Govs." -> "Gov.", "Presidents" -> "President", "Secretaries of State" -> "Secretary of State") and where it
    ends; None for any other token. The plural is the parser's (a plural noun whose lemma is the title's first
    word) or an abbreviation's ("Govs."); the hand-listed ``plural_titles`` ("Sens.") are read as before. Only
    before names: a plural alone ("the governors met") names no holder."""
    tok = doc[i]
    word = tok.lower_
    if word in lex.plural_titles or not tok.text[:1].isupper():
        return None
    glued = _glued_stop(doc, i)
    if word.endswith("s") and glued:
        singular, written = f"{word[:-1]}.", f"{tok.text[:-1]}."
    elif word.endswith("s.") and len(word) > 2:
        singular, written = f"{word[:-2]}.", f"{tok.text[:-2]}."
    elif tok.tag_ in ("NNS", "NNPS"):
        # The parser's lemma, else the regular plural's stem (it leaves some capitalised plurals as written:
        # "Secretaries" of "former Secretaries of State Henry Kissinger and George Shultz").
        stems = [
            tok.lemma_.lower(),
            f"{word[:-3]}y" if word.endswith("ies") else word[:-1] if word.endswith("s") else word,
        ]
        singular = next((w for w in stems if w != word and (w,) in lex.titles.get(w, ())), word)
        written = tok.text[: len(singular)] if word.startswith(singular) else singular.capitalize()
    else:
        return None
    if singular == word:
        return None
    # The longest lexicon title the singular opens, its other words as the text goes on ("Secretaries of State":
    # with the one-word titles alone, no name of such a list held an office)
    start = i + 1 + glued
    rest = next(
        (
            t[1:]
            for t in lex.titles.get(singular, ())
            if tuple(x.lower_ for x in doc[start : start + len(t) - 1]) == t[1:]
        ),
        None,
    )
    if rest is None:
        return None
    if rest:
        written = f"{written} {doc[start : start + len(rest)].text}"
        start += len(rest)
    if start >= len(doc) or doc[start].ent_iob_ != "B" or doc[start].ent_type_ != "PERSON":
        return None
    ent_end = next((k for k in range(start + 1, len(doc)) if doc[k].ent_iob_ != "I"), len(doc))
    k = ent_end
    while k < len(doc) and doc[k].text == ",":
        k += 1
    # A first sieve: an "and" before another name within a short span. What lies between is not checked here;
    # `find_offices` keeps the plural only where `_coordinated_holders` reads the names after the first as a list.
    stop = min(len(doc), ent_end + 4 * MAX_NAME_TOKENS)
    while k < stop and doc[k].lower_ != "and" and doc[k].text != ".":
        k += 1
    if k + 1 >= len(doc) or doc[k].lower_ != "and" or doc[k + 1].ent_type_ != "PERSON":
        return None
    return written, start


def _glued_stop(doc: Doc, i: int) -> int:
    """1 when token ``i``'s full stop is a token of its own glued to it ("Govs" "."), else 0."""
    return int(i + 1 < len(doc) and doc[i + 1].text == "." and not doc[i].whitespace_)


def _coordinated_holders(
    doc: Doc, office: Office, lex: Lexicon, *, plural: bool = False
) -> list[tuple[Office, list[int]]]:
    """The other names a plural title stands before ("Sens. Roy Blunt, R-Mo., and Amy Klobuchar, D-Minn."):
    each holds the office, with its own seat when a tag or "of STATE" follows it, else the holder written before
    the title, which all of them share ("Texas Reps. Mike Conaway and Bill Flores": Flores went without Texas)."""
    # The plural is the title's head word, after its modifiers ("state Reps. Tim Sanders and Matt Dean")
    if not plural and doc[office.start : office.end].text.split()[-1].casefold() not in lex.plural_titles:
        return []
    shared = (office.of, office.of_start, office.of_end) if 0 <= office.of_start < office.start else None
    if (
        shared is not None
        and lex.holds_seat(office.title)
        and not lex.seat_place(doc[office.of_start : office.of_end].text)
    ):
        shared = None  # "Southern Sens. Saxby Chambliss and Lindsey Graham": a region names no seat to share
    found: list[tuple[Office, list[int]]] = []
    end = office.person_end
    while len(found) < MAX_NAME_TOKENS:
        j = _past_seat(doc, end, lex)
        while j < len(doc) and doc[j].text in (",", "and"):
            j += 1
        if j >= len(doc) or j == end or doc[j].ent_iob_ != "B" or doc[j].ent_type_ != "PERSON":
            break
        end = _person_run(doc, j, lex)
        if end == j:
            break
        after = _holder_after(doc, end, lex, seat=lex.holds_seat(office.title))
        of, of_start, of_end = after or shared or (None, -1, -1)
        found.append((office._replace(of=of, of_start=of_start, of_end=of_end, person_start=j, person_end=end), []))
    return found


# Verbs whose subject holds the office the same word names as a noun: "NAME, who heads Rosneft" is its head.
_OFFICE_VERBS = frozenset({"head", "chair"})


def _relative_offices(doc: Doc, lex: Lexicon, starts: Sequence[tuple[Span, int]]) -> list[tuple[Office, list[int]]]:
    """ "Igor Sechin, who heads Rosneft": a relative clause after a person's name whose verb names an office,
    with the organisation it governs as the object (a name the model tags, grown to its head noun), read at the
    apposition ``starts`` (``_apposition_starts``)."""
    found = []
    for ent, k in starts:
        if k + 2 >= len(doc) or doc[k].lower_ != "who" or doc[k + 1].lemma_ not in _OFFICE_VERBS:
            continue
        verb = doc[k + 1]
        org = _org_after(doc, k + 2, lex)
        if org is None or doc[org[0]].ent_type_ not in ("ORG", "GPE", "NORP"):
            continue
        title = verb.lemma_
        office = Office(
            title, k + 1, k + 2, lex.holder(doc[org[0] : org[1]].text), *org, False, None, -1, -1, ent.start, ent.end
        )
        found.append((office, [k + 1]))
    return found


# Verbs in the present tense whose subject holds an office, and the office's noun: "who leads the House
# Intelligence Committee" is its leader, "who directs the Brennan Center" its director. Present tense only: "who led
# the charge" and "who ran for Senate" name no office held now. The verbs that are their office's noun are
# ``_OFFICE_VERBS``'s ("who chairs ..." is its chair).
_PRESENT_OFFICE_VERBS = {**{verb: verb for verb in _OFFICE_VERBS}, "lead": "leader", "direct": "director"}


def _relative_clause_offices(doc: Doc, lex: Lexicon) -> list[tuple[Office, list[int]]]:
    """ "Rep. Adam Schiff, D-Calif., who leads the House Intelligence Committee", "Sen. Jim Inhofe, the Oklahoma
    Republican who chairs the Armed Services Committee": a present-tense relative clause on a person's name, or on
    the apposition that describes the name, whose verb names an office and whose object is an organisation the
    model tags. The parse says whom the clause describes, so "NAME, the father of a girl who heads ..." gives NAME
    nothing. ``_relative_offices`` reads only the clause right after the comma, for a person with no office yet."""
    found = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        name = _title_at(doc, ent.start, lex)
        if ent.start < name < ent.end:
            ent = doc[name : ent.end]
        for verb in doc[ent.end : ent.sent.end]:
            if verb.dep_ != "relcl" or verb.tag_ != "VBZ" or verb.lemma_ not in _PRESENT_OFFICE_VERBS:
                continue
            described = verb.head
            if described.dep_ == "appos" and ent.start <= described.head.i < ent.end:
                described = described.head
            if not ent.start <= described.i < ent.end:
                continue
            if not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children):
                continue
            org = _org_after(doc, verb.i + 1, lex)
            if org is None or not _governed_org(doc, verb, org):
                continue
            office = Office(
                title=_PRESENT_OFFICE_VERBS[verb.lemma_],
                start=verb.i,
                end=verb.i + 1,
                of=lex.holder(doc[org[0] : org[1]].text),
                of_start=org[0],
                of_end=org[1],
                of_ref=False,
                to=None,
                to_start=-1,
                to_end=-1,
                person_start=ent.start,
                person_end=ent.end,
            )
            found.append((office, [verb.i]))
    return found


def _governed_org(doc: Doc, verb: Token, org: tuple[int, int]) -> bool:
    """Whether the organisation ``org`` after an office verb is what the verb governs: a name the model tags as an
    organisation or a place, holding the verb's object, with no person in it. A common noun after the name is
    the object ("who chairs the FDA committee of specialists", "the House Appropriations subcommittee": a body
    inside the one named), and "who leads Democrat Bruce Braley" (in the polls) or "leads Republicans' only
    center of power" govern no organisation."""
    if doc[org[0]].ent_type_ not in ("ORG", "GPE"):
        return False
    if any(t.ent_type_ == "PERSON" for t in doc[org[0] : org[1]]):
        return False
    return any(c.dep_ == "dobj" and org[0] <= c.i < org[1] for c in verb.children)


# Entity types a holder written before a common-noun title must carry: the model names it.
_HOLDER_TYPES = frozenset({"ORG", "NORP", "GPE", "PERSON"})


def _compound_offices(doc: Doc, lex: Lexicon) -> list[tuple[Office, list[int]]]:
    """ "Fox News host Megyn Kelly", "Sanders campaign manager Jeff Weaver", "Democratic presidential
    candidate Martin O'Malley": lower-case words the parser compounds onto a person's name, led by a holder the
    model names, are an office whatever the noun; with no holder ("billionaire Donald Trump", "his son Beau")
    they are not."""
    found = []
    for ent in doc.ents:
        noun = ent.start - 1
        if ent.label_ != "PERSON" or noun < 1 or not _common_word(doc[noun]) or doc[noun].pos_ != "NOUN":
            continue
        if doc[noun].dep_ != "compound" or not ent.start <= doc[noun].head.i < ent.end:
            continue
        led = _led_compound(doc, noun, lex)
        if led is None:
            continue
        start, holder, lead = led
        title = _with_status(doc, lead, holder[1], doc[start : noun + 1].text)
        office = Office(
            title, start, noun + 1, holder[0], holder[1], holder[2], False, None, -1, -1, ent.start, ent.end
        )
        found.append((office, [*range(lead, holder[1]), *range(start, noun + 1)]))
    return found


def _led_compound(doc: Doc, noun: int, lex: Lexicon) -> tuple[int, tuple[str, int, int], int] | None:
    """The lower-case words of an occupation ending at ``noun`` before a name (``_compound_offices``,
    ``_plural_compound_offices``): their first token, the holder the model names before them (``_holder_before``)
    and where the status words before the holder start (``_status_before``); None without such a holder, or in a
    photo's caption ("Getty Images Image caption Roger Stone ...": no office)."""
    start = noun
    while start > 0 and _common_word(doc[start - 1]):
        start -= 1
    if any(t.lower_ in lex.furniture_nouns for t in doc[start : noun + 1]):
        return None
    holder = _holder_before(doc, start, lex)
    if holder is None or not any(t.ent_type_ in _HOLDER_TYPES for t in doc[holder[1] : holder[2]]):
        return None
    return start, holder, _status_before(doc, holder[1], lex)


# Plurals that say what a list of names stands as, not a position held of their holder ("GOP incumbents",
# "Florida small business owners"): in the session 33 hand check and its review (seeds 136000-136200 and 149000)
# 10 offices were read from them, all wrong, the whole of the plural reader's wrong offices in the author's draws.
_STANDING_PLURALS = frozenset({"incumbent", "owner"})


def _plural_compound_offices(doc: Doc, lex: Lexicon) -> list[tuple[Office, list[int]]]:
    """ "FBI officials Peter Strzok and Lisa Page", "Fox News anchors Bret Baier and Martha MacCallum", "White House
    aides Rob Nabors and Gene Sperling": a lower-case plural noun for a person's position (a lexicon title word or
    a WordNet job noun, ``_person_noun`` of its lemma) before a list of names, led by a holder the model names,
    gives each listed name the office in the singular ("official", of the FBI), as ``_compound_offices`` gives
    one name its compound. The parser hangs the list on the plural in several ways (compound, apposition, a
    subject beside it), so the list is read on the surface. Without a holder the plural is left ("economists
    Stephen Moore and Arthur Laffer" may say what they are, not an office). Session 33: 97 such plurals before a
    list of names in the AllSides corpus, where at most the first name had an office; in the hand check (seeds
    136000-136200) 52 offices changed, 45 right, 6 wrong ("GOP incumbents", "Florida small business owners": the
    one-name compound reads them alike), 1 unsure; those six plurals are left since the review
    (``_STANDING_PLURALS``): 46 changed, 45 right. In the review's fresh draw (seed 149000) 47 changed, 40 right,
    5 wrong, 2 unsure."""
    found: list[tuple[Office, list[int]]] = []
    for ent in doc.ents:
        noun = ent.start - 1
        if ent.label_ != "PERSON" or noun < 1 or doc[noun].tag_ != "NNS" or not _common_word(doc[noun]):
            continue
        singular = doc[noun].lemma_.lower()
        if singular == doc[noun].lower_ or not (singular in lex.title_words or singular in job_titles()):
            continue
        if singular in _STANDING_PLURALS:
            continue  # "GOP incumbents NAME and NAME", "Florida small business owners NAME and NAME"
        names = _listed_names(doc, ent)
        if len(names) < 2:
            continue  # a plural before one name is no list: "the officials Peter Strzok texted"
        led = _led_compound(doc, noun, lex)
        if led is None:
            continue
        start, holder, lead = led
        title = _with_status(doc, lead, holder[1], " ".join([*(t.text for t in doc[start:noun]), singular]))
        tokens = [*range(lead, holder[1]), *range(start, noun + 1)]
        for first, (name_start, name_end) in enumerate(names):
            office = Office(
                title, start, noun + 1, holder[0], holder[1], holder[2], False, None, -1, -1, name_start, name_end
            )
            found.append((office, tokens if first == 0 else []))
    return found


def _listed_names(doc: Doc, ent: Span) -> list[tuple[int, int]]:
    """The person names of a list that opens with ``ent`` and closes with "and": "NAME and NAME", "NAME, NAME(,)
    and NAME"; empty when something other than a name follows a joint ("NAME and his wife", "NAME, who ...")."""
    names = [(ent.start, ent.end)]
    j = ent.end
    while True:
        k = j
        while k < len(doc) and doc[k].text == ",":
            k += 1
        closing = k < len(doc) and doc[k].lower_ == "and"
        k += closing
        if k == j or k >= len(doc) or doc[k].ent_iob_ != "B" or doc[k].ent_type_ != "PERSON":
            return []
        j = next((t for t in range(k + 1, len(doc)) if doc[t].ent_iob_ != "I"), len(doc))
        names.append((k, j))
        if closing:
            return names


def _common_word(tok: Token) -> bool:
    """A lower-case adjective or noun that can be a word of an occupation ("presidential", "campaign")."""
    return tok.is_lower and tok.is_alpha and tok.pos_ in ("ADJ", "NOUN")


def _joint_titles(doc: Doc, start: int, end: int, lex: Lexicon) -> list[tuple[Office, list[int]]]:
    """Two offices joined before one name: "NRA CEO and executive vice president Wayne LaPierre". The holder
    written before the first title holds both; empty when the title at ``start`` is not so joined."""
    if end + 1 >= len(doc) or doc[end].lower_ not in ("and", "&"):
        return []
    second = next(
        (
            parsed
            for k in range(end + 1, min(end + 4, len(doc)))
            if _title_at(doc, k, lex) > k
            if (parsed := _parse_office(doc, k, _title_at(doc, k, lex), lex)) is not None
        ),
        None,
    )
    if second is None or second[0].start != end + 1:
        return []
    first_start = _modifiers_before(doc, start, lex)
    holder = _holder_before(doc, first_start, lex)
    of, of_start, of_end = holder or (None, -1, -1)
    office, tokens = second
    first = office._replace(
        title=doc[first_start:end].text, start=first_start, end=end, to=None, to_start=-1, to_end=-1
    )
    first = first._replace(of=of, of_start=of_start, of_end=of_end, of_ref=False)
    if office.of is None:
        office = office._replace(of=of, of_start=of_start, of_end=of_end)
    return [(first, list(range(first_start, end))), (office, tokens)]


def _modifiers_before(doc: Doc, start: int, lex: Lexicon, *, floor: int = 0) -> int:
    """Grow a title left over the words that belong to it: "Deputy Foreign Minister", "chief economist"."""
    head = doc[start]
    while start > floor:
        prev = doc[start - 1]
        if (
            prev.text == "-"
            and start - 2 >= floor
            and doc[start - 2].lower_ in lex.status_modifiers
            and not prev.whitespace_
        ):
            # "Tennessee's then-Gov. Bill Haslam": a hyphened status is read as "former" is, so the holder before it
            # is found (6 "STATE's then-TITLE" in the AllSides corpus outside gold/dev had no state)
            start -= 2
            continue
        capital = prev.text[:1].isupper()
        if capital and prev.lower_ in OPPOSITION_MODIFIERS and not _national_from(doc, start, head.i, lex):
            break  # "Shadow CEO NAME": the company Shadow's CEO; "Shadow Foreign Secretary NAME": the opposition's
        if not (
            (capital and prev.lower_ in lex.title_modifiers)
            or (prev.is_lower and prev.lower_ in lex.lowercase_modifiers)
            or (capital and _staff_modifier(doc, start - 1, head, lex))
        ):
            break
        start -= 1
    return start


def _national_from(doc: Doc, start: int, head: int, lex: Lexicon) -> bool:
    """Whether a national title starts at ``start`` and runs through ``head`` or a few words past it (the head
    ``_modifiers_before`` grows from may be a portfolio word: "Foreign" of "Foreign Secretary"), or a national head
    closes them ("Treasury chief secretary")."""
    return any(
        lex.is_national(doc[start:end].text) or doc[end - 1].lower_ in lex.national_title_heads
        for end in range(head + 1, min(len(doc), head + 3) + 1)
    )


def _staff_modifier(doc: Doc, i: int, head: Token, lex: Lexicon) -> bool:
    """Whether capitalised token ``i`` names the function of the staff office ``head`` heads ("Communications" of
    "RNC Communications Director"), not a word of the name before it (``_named_before``)."""
    return doc[i].lower_ in lex.staff_modifiers and head.lower_ in lex.staff_heads and not _named_before(doc, i, lex)


def _named_before(doc: Doc, i: int, lex: Lexicon) -> bool:
    """Whether the staff words ending at ``i`` go on a name written before them: after a word joining a name
    ("Office of Management and Budget Director", ``_INNER_ORG_WORDS`` after a name word), or after a capitalised
    word that is no title word and that the model tagged as no entity of its own, so the words are one name that
    the model did not tag ("Public Policy Polling Director NAME": "Public" alone names nothing). After an entity
    of the model's ("RNC", "White House", "NBC News") or a title word ("Senior Policy Adviser"), or with no word
    before, they are the office's function."""
    k = i - 1
    while k >= 0 and doc[k].lower_ in lex.staff_modifiers and doc[k].text[:1].isupper():
        k -= 1
    if k < 0:
        return False
    prev = doc[k]
    if prev.lower_ in _INNER_ORG_WORDS and not prev.text[:1].isupper():
        return k > 0 and is_name_word(doc[k - 1])
    return (
        prev.text[:1].isupper()
        and is_name_word(prev)
        and not prev.ent_type_
        and prev.lower_ not in lex.title_modifiers
        and prev.lower_ not in lex.lowercase_modifiers
    )


def _compounds_before(doc: Doc, start: int, end: int, lex: Lexicon) -> int:
    """Grow a title left over the lower-case nouns the parser compounds onto it ("communications director",
    "campaign manager"); an organisation noun stays out ("department spokeswoman" refers to a department)."""
    return _lower_words_before(doc, start, end, pos="NOUN", dep="compound", floor=0, stop=lex.org_heads)


def _adjectives_before(doc: Doc, start: int, end: int, *, floor: int) -> int:
    """Grow an apposition's title left over the lower-case adjectives the parser hangs on it ("Trump's personal
    lawyer", "Goldman's global head"), down to ``floor``."""
    return _lower_words_before(doc, start, end, pos="ADJ", dep="amod", floor=floor, stop=frozenset())


def _office_start(doc: Doc, start: int, end: int, lex: Lexicon) -> int:
    """Where the office's own words begin in a title grown from ``start``: past the adjectives that say how the
    writer sees its holder, not which office ("Brazil's new populist president", "hyped sensationalist anchor
    David Muir", "a legendary legislator": 9 such titles in 100 random bulk AllSides reports outside gold/dev,
    seeds 2101 and 2201, where the office is the noun); "personal lawyer", "political director" stay."""
    while start < end - 1 and _evaluates(doc, start, lex):
        start += 1
    return start


def _evaluates(doc: Doc, i: int, lex: Lexicon) -> bool:
    """Token ``i`` is a lower-case adjective that does not classify an office ("legendary", "respected")."""
    return (
        i < len(doc)
        and doc[i].is_lower
        and doc[i].pos_ == "ADJ"
        and not _classifies(doc[i], lex)
        and _title_at(doc, i, lex) == i
    )


def _classifies(tok: Token, lex: Lexicon) -> bool:
    """A relational adjective, one that names a kind of office ("personal", "economic", "presidential"): derived
    from a noun by a relational suffix, or a modifier the lexicon lists ("senior", "chief", "deputy")."""
    word = tok.lower_
    return word not in _EVALUATIVE_LOOKALIKES and (
        word in lex.lowercase_modifiers
        or word in lex.status_modifiers
        or word.endswith(_RELATIONAL_SUFFIXES)
        or word.startswith(_RELATIONAL_PREFIXES)
    )


# Suffixes of relational adjectives ("politic-al", "civ-il rights leader", "econom-ic", "Republic-an",
# "legislat-ive", "milit-ary", "advis-ory", "independ-ent counsel", "perman-ent under-secretary"); evaluative ones
# ("new", "weak", "respected", "moderate") have none of them. On 150 random bulk reports (seed 2301) the rule
# changed 4 titles, all right ("the moderate former governor of Massachusetts" -> "former governor"), once "-ent"
# was added (it had cut "independent counsel" and "permanent under-secretary").
_RELATIONAL_SUFFIXES = ("al", "il", "ic", "an", "ese", "ish", "ive", "ary", "ory", "ent")
# Evaluative adjectives shaped like relational ones, which judge the holder and name no kind of office ("a
# prominent lobbyist", "an influential donor"; not "eminent": "an eminent domain lawyer"). In 40 of the 54 reports of
# the AllSides corpus outside gold/dev with one before a title (seed 4300) 7 roles changed: 5 right ("a prominent law
# professor", "a prominent Republican lawyer", "prominent lobbyist" -> "lobbyist"), 2 with a place before the title
# now its holder ("a prominent California lawyer" of California).
_EVALUATIVE_LOOKALIKES = frozenset({"prominent", "influential", "preeminent", "renowned"})
# Prefixes that make adjectives of nouns ("antitrust chief": seed 2101 had it cut to "chief").
_RELATIONAL_PREFIXES = ("anti", "non", "pro", "counter", "inter", "multi", "trans", "post", "pre")


def _lower_words_before(doc: Doc, start: int, end: int, *, pos: str, dep: str, floor: int, stop: frozenset[str]) -> int:
    """Move ``start`` left over lower-case words of part of speech ``pos`` attached by ``dep`` to a token of
    ``start:end``, down to ``floor``, stopping at a word of ``stop``."""
    while start > floor:
        prev = doc[start - 1]
        if not (prev.is_lower and prev.is_alpha and prev.pos_ == pos and prev.dep_ == dep):
            break
        if not start <= prev.head.i < end or prev.lower_ in stop:
            break
        start -= 1
    return start


def _portfolio_before(doc: Doc, start: int, end: int, lex: Lexicon) -> int:
    """A cabinet office's portfolio written before its head belongs to the title, not its holder: "Treasury
    Secretary", "Agriculture Minister" (capitalised portfolio words before "secretary"/"minister")."""
    if doc[end - 1].lower_ not in lex.national_title_heads:
        return start
    while start > 0 and (
        (doc[start - 1].text[:1].isupper() and doc[start - 1].lower_ in lex.portfolio_words)
        or (doc[start - 1].lower_ == "and" and start > 1 and doc[start - 2].lower_ in lex.portfolio_words)
        or (doc[start].lower_ in lex.portfolio_words and _portfolio_adjective(doc[start - 1], lex))
    ):
        start -= 1
    return start


def _portfolio_adjective(tok: Token, lex: Lexicon) -> bool:
    """A capitalised relational adjective before a portfolio word names the portfolio with it ("International
    Trade Secretary Liam Fox", "Constitutional Affairs Minister", "Strategic Affairs Minister"): it was read as the
    holder (the model tags "International" an organisation), so the office was "Trade Secretary" of
    "International". Not a country, demonym, state or party ("Russian Foreign Minister", "Republican Trade
    Secretary"), nor a status word ("Former Trade Secretary"). 6 "Adjective Affairs/Trade/Development
    Secretary/Minister NAME" in the AllSides corpus outside gold/dev, more in British reports."""
    word = tok.lower_
    return (
        tok.is_alpha
        and tok.text[:1].isupper()
        and tok.ent_type_ not in ("NORP", "GPE", "PERSON")
        and word.endswith(_RELATIONAL_SUFFIXES)
        and word not in lex.status_modifiers
        and word not in _EVALUATIVE_LOOKALIKES
        and lex.holder(tok.text) == tok.text
    )


def _status_before(doc: Doc, start: int, lex: Lexicon) -> int:
    """Grow left over the status words written before a title's holder ("former", "presumptive")."""
    while start > 0:
        if doc[start - 1].lower_ in lex.status_modifiers:
            start -= 1
        elif start > 1 and doc[start - 1].text == "-" and doc[start - 2].lower_ in lex.status_modifiers:
            start -= 2  # "then-FBI Director"
        else:
            break
    return start


def _with_status(doc: Doc, lead: int, holder_start: int, title: str) -> str:
    """``title`` led by the status words at ``lead`` (up to the holder): "former President", "then-Director"."""
    if lead == holder_start:
        return title
    status = doc[lead:holder_start].text
    return f"{status}{title}" if status.endswith("-") else f"{status} {title}"


def _holder_before(doc: Doc, start: int, lex: Lexicon, *, floor: int = 0) -> tuple[str, int, int] | None:
    """Who the title at ``start`` belongs to, written before it: "Azerbaijan's Ambassador", "Obama's national
    security adviser" (a possessive name), "Russian President", "Kremlin spokesman", "Ariz. Gov." (a name)."""
    end = start
    if end - 1 > floor and doc[end - 1].text in POSSESSIVE:
        end -= 1
    first = end
    while first > floor and end - first < MAX_NAME_TOKENS + 1:
        if (
            _joins_names(doc, first - 1, floor) or (first - 2 > floor and _glued_hyphen(doc, first - 1))
        ) and first < end:
            first -= 2  # "House Energy and Commerce Chairman", "Joint Chiefs of Staff Chairman", "Hewlett-Packard CEO"
            continue
        if not (_holder_word(doc[first - 1], lex) or _untagged_demonym(doc[first - 1], lex)):
            break
        if doc[first].is_sent_start and first < end:
            break
        opener = doc[first - 1]
        party = first < end and f"{opener.lower_} {doc[first].lower_}" in lex.parties  # "Liberal Democrat leader"
        if (
            opener.is_sent_start
            and not opener.ent_type_
            and not (opener.pos_ == "PROPN" and opener.is_title)
            and not party
            and not _untagged_demonym(opener, lex)
        ):
            break  # a sentence opener the model names nothing and is no name: "Speaking Fox News anchor", "CLOSE"
        if opener.is_sent_start and opener.lower_ in lex.opening_describers:
            break  # "Incumbent Rep. Devin Nunes": the model tagged "Incumbent" an organisation
        first -= 1
    while first < end and doc[first].lower_ in lex.honorifics:
        first += 1  # "Mr. Putin's spokesman": the holder is Putin
    for opens in range(first - 2, max(floor, first - 4) - 1, -1):
        if (
            group_for_end(doc, opens, before_title=True) == first
        ):  # "Americans for Prosperity President NAME": the group opens the name
            first = opens
            break
    stanced = first < end and stance_prefix(doc, first)
    if stanced:
        # "anti-Trump FBI agent": the stance's name is what the holder is for or against, the words after it hold
        # the office (an agent of the FBI, read "of Trump FBI" before v22 and with no role in v22).
        first += 1
    if first == end or _describes_holder(doc, first, end, lex):
        return None
    first = _model_org_start(doc, first, end, first if stanced else floor, lex=lex)
    return lex.holder(doc[first:end].text), first, end


def _describes_holder(doc: Doc, first: int, end: int, lex: Lexicon) -> bool:
    """Words before a title that say what the holder is or stands for, not whose office it is: a faith, movement or
    group the model tags NORP and that names no country, state or party ("Evangelical pastor Eugene Cho",
    "Christian blogger Rod Dreher", "Catholic writer NAME"); a stance's name ("pro-Kremlin president Viktor
    Yanukovych", "anti-Islam populist lawmaker Geert Wilders") `_holder_before` steps over. They were the
    office's `of` ("pastor" of "Evangelical", "president" of "Kremlin"): of 32 sentences of the AllSides corpus
    outside gold/dev with a faith, movement or stance word before a title and a name, read by hand, 16 had that word
    as the holder, none right; 9 of them are read so now."""
    span = doc[first:end]
    return (
        len(span) == 1
        and span[0].ent_type_ == "NORP"
        and span[0].ent_iob_ == "B"
        and (end >= len(doc) or doc[end].ent_iob_ != "I")
        and lex.holder(span.text) == span.text
        and not _person_word(doc, span.text)
    )


def _person_word(doc: Doc, text: str) -> bool:
    """``text`` is a word of a person the model names in the text: a surname the model tags a group once
    ("Portman campaign manager NAME", the senator named "Rob Portman" elsewhere, was of none in v22)."""
    return any(ent.label_ == "PERSON" and len(ent) > 1 and text in (t.text for t in ent) for ent in doc.ents)


# The parses of a word that only modifies a noun ("the Kohl's store", "the Karabakh conflict"): a one-word name the
# model tags a person there alone is as likely a business or a place (`components._is_stray_person` drops such a
# compound PERSON for the same reason).
_MODIFIER_DEPS = frozenset({"poss", "compound"})


def _possessor_person(doc: Doc, text: str) -> bool:
    """``text`` is a person the model names in the text: a word of a full name (``_person_word``) or a one-word
    name the model tags a person where it stands alone, not only as a noun's modifier ("Trump and Mulvaney deserve
    credit", in a report that never writes the president's full name; not "the Kohl's store", the one place
    "Kohl" is tagged a person in a report on "Kohl's Corp.": seed 175000 and the session 34 draws, 659 reports)."""
    return _person_word(doc, text) or any(
        ent.label_ == "PERSON" and len(ent) == 1 and ent.text == text and ent.root.dep_ not in _MODIFIER_DEPS
        for ent in doc.ents
    )


# Prefixes that make a stance of a name ("pro-Kremlin", "anti-Taliban"): the name is what the holder is for or
# against, never whose office it is. A lower-case "pro-/anti-NAME" before a title and a name: 8 AllSides reports
# outside gold/dev, 3 roles changed by v23's reading, all right; the review of v22 read 5 cuts of the model's names
# in 300 reports, 4 right, 1 doubtful ("anti-Trump America").
_STANCE_PREFIXES = frozenset({"pro", "anti"})


def stance_prefix(doc: Doc, i: int) -> bool:
    """The name at token ``i`` is written after a stance prefix and its hyphen ("pro-Kremlin", "anti-Islam"). A
    capitalised prefix inside an organisation the model names opens that name ("Anti-Defamation League CEO NAME"
    was CEO of none in v22, the prefix read as a stance)."""
    if i < 2 or doc[i - 1].text != "-" or doc[i - 2].whitespace_ or doc[i - 1].whitespace_:
        return False
    prefix = doc[i - 2]
    return prefix.lower_ in _STANCE_PREFIXES and (prefix.is_lower or prefix.ent_type_ != "ORG")


def _model_org_start(doc: Doc, first: int, end: int, floor: int, *, lex: Lexicon) -> int:
    """The start of the organisation the model names across the holder's first word, when it opens earlier
    ("[Centers for] Disease Control Director NAME": the name words stop at "for", the model's name does not); a
    name that ends before the title is not the holder's, nor one holding a possessive other than one glued inside
    the name (``_inner_possessive``: "[Moody's] Analytics economists NAME and NAME")."""
    if doc[first].ent_iob_ != "I" or doc[first].ent_type_ != "ORG" or doc[end - 1].ent_iob_ == "O":
        return first
    if end < len(doc) and doc[end].ent_iob_ == "I":
        return first
    start = first
    while start > floor and doc[start].ent_iob_ == "I":
        start -= 1
    start = _skip_det(doc, start)
    if start >= first or not all(
        (_inner_org_word(t) or _inner_possessive(doc, t.i, doc[first:end].text, lex)) and not t.is_sent_start
        for t in doc[start + 1 : first]
    ):
        return first
    return start if is_name_word(doc[start]) else first


def _inner_possessive(doc: Doc, k: int, holder: str, lex: Lexicon) -> bool:
    """A possessive between two name words of one organisation the model names ("Moody's Analytics", "Dick's
    Sporting Goods"): part of the name, so the holder read from the name words after it is the whole name, not
    its tail. Session 33's plural reader cut "Moody's Analytics economists Mark Zandi and Sophia Koropeckyj" to
    "Analytics" and left "Moody" a place of its own (session 34). Not when the words after it are a holder in
    their own right (a country, state or party: ``lex.holder``) or the word before it is a person the model names
    anywhere in the text, a one-word name too (``_possessor_person``). "Trump's Republican rival John Kasich", which
    the model names one organisation, is the Republican Party's rival (the session 34 hand check, seed 155200,
    before these tests: that one change wrong); "Trump's America First Action president NAME" beside "Donald Trump"
    is of "America First Action"; "Trump's Office of Management and Budget director, Mick Mulvaney", in a report
    that names the president "Trump" alone and never in full, is of the "Office of Management and Budget" (full
    names only, as ``_describes_holder`` reads them, kept "Trump's" in the holder: 3 records wrong in 400 fresh
    reports). The review's draw (seed 165000, 354 reports): 3 roles changed, 3 right ("Macy's Inc.", "Kohl's
    Corp.", "Patrolmen's Benevolent Association"). Token ``k`` and the one after it lie inside that name
    (``_model_org_start``, the one caller)."""
    return (
        doc[k].text in POSSESSIVE
        and lex.holder(holder) == holder
        and not _possessor_person(doc, doc[k - 1].text)
        and is_name_word(doc[k - 1])
        and is_name_word(doc[k + 1])
    )


def _holder_word(tok: Token, lex: Lexicon) -> bool:
    """A word of a name that holds an office: no dates ("Tuesday"), no quotation-ending words, no status word
    written capitalised ("Former New York City Mayor": "Former" qualifies the title, not the city)."""
    return (
        (is_name_word(tok) or tok.text in ("&", "U.S.", "U.N."))
        and tok.ent_type_ not in ("DATE", "TIME", "CARDINAL")
        and tok.lower_ not in lex.status_modifiers
        and not _capitals_verb(tok)
    )


def _untagged_demonym(tok: Token, lex: Lexicon) -> bool:
    """ "Ukrainian Interior Minister Arsen Avakov": a country's demonym the tagger reads as a plain adjective (no
    name word, no NORP) still names the country whose office follows; before, the title was read bare and took the
    country the report names most (Russia). Capitalised and alone: "Ukrainian" but not a lower-case "ukrainian"."""
    return tok.is_title and tok.pos_ == "ADJ" and not tok.ent_type_ and lex.demonym(tok.text) is not None


def _capitals_verb(tok: Token) -> bool:
    """A verb written in capitals: a page's video label ("JUST WATCHED Rep. Price: ...", "MUST WATCH Speaker John
    Boehner"; 84 before a title in the AllSides corpus outside gold/dev), which the model tags an organisation but
    names no holder ("Rep." of "WATCHED": 3 in 80 random bulk reports, seeds 1601 and 1603)."""
    return tok.is_upper and len(tok.text) > 1 and tok.tag_.startswith(("VB", "MD"))


def _joins_names(doc: Doc, i: int, floor: int) -> bool:
    """ "and" or "of" at ``i`` joins two capitalised words of one name ("House Energy and Commerce", "Joint Chiefs
    of Staff"): the word before it is no person, group or place the model names, nor, for "and", the word after
    it ("Trump and Pence", "Democrats and Kentucky" are two names; "Office of Management and Budget" is one)."""
    word = doc[i].lower_
    if word not in ("and", "of") or not (i - 1 > floor and is_name_word(doc[i - 1]) and is_name_word(doc[i + 1])):
        return False
    named = ("PERSON", "NORP", "GPE")
    # Nor, for "and", when the model starts a name of its own after it ("Trump and Senate Majority Leader", "Clapper
    # and NSA chief": the holder was "Trump and Senate", "Clapper and NSA"; 2 in 120 random bulk AllSides reports,
    # seeds 1601, 1603, 1605), which it does not inside one ("House Energy and Commerce", tagged as one).
    return doc[i - 1].ent_type_ not in named and (
        word == "of" or (doc[i + 1].ent_type_ not in named and doc[i + 1].ent_iob_ != "B")
    )


def _chamber_party(
    doc: Doc, holder: tuple[str, int, int] | None, start: int, lex: Lexicon
) -> tuple[tuple[str, int, int] | None, int]:
    """A party word beside a legislative chamber before a title: after the chamber it is the title's ("Senate
    Democratic Leader" -> Democratic Leader of the Senate), before it the holder's own party ("Republican Senate
    Majority Leader" -> Majority Leader of the Senate). Returns the holder and where the title starts."""
    if holder is None or holder[2] - holder[1] != 2:
        return holder, start
    first, second = doc[holder[1]], doc[holder[1] + 1]
    if first.lower_ in lex.parties and second.lower_ in lex.chambers:
        return (second.text, second.i, holder[2]), start
    if first.lower_ in lex.chambers and second.lower_ in lex.parties and holder[2] == start:
        return (first.text, first.i, second.i), second.i
    return holder, start


def _holder_after(doc: Doc, person_end: int, lex: Lexicon, *, seat: bool) -> tuple[str, int, int] | None:
    """Who holds the office, written after the name: an organisation the model tags after "of" ("reporter Dave
    Weigel of The Washington Post"), and for an office with a ``seat`` its state: a party-state tag ("Richard
    Burr, R-N.C.", "(D-Calif.)"), "of North Carolina", ", a Tennessee Republican"."""
    j = person_end
    if j < len(doc) and doc[j].text in (",", "("):
        j += 1
    if seat and j + 1 < len(doc) and doc[j].lower_ == "from" and j == person_end:
        # "Senator Josh Hawley from Missouri": 6 "TITLE NAME from STATE" in the AllSides corpus outside gold/dev
        return next(_states_at(doc, j + 1, lex), None)
    if seat and j == person_end and j + 1 < len(doc) and doc[j].lower_ == "in":
        return _seat_state_in(doc, j + 1, lex)
    # A seat's state may follow a comma too ("Sen. Harry Reid, of Nevada": 12 such in the AllSides corpus outside
    # gold/dev, the state left unread before).
    if j < len(doc) and doc[j].lower_ == "of" and (j == person_end or seat):
        run = _name_run(doc, j + 1, allow_and=False)
        state = lex.seat_place(doc[j + 1 : run].text)
        if run > j + 1 and state:
            # "President Hassan Rouhani of Iran" names a country's office; a state names a seat's only
            return (state, j + 1, run) if seat or lex.country(state) else None
        if j != person_end:
            return None
        # "reporter Dave Weigel of The Washington Post": an organisation the model tags after the name
        org = _org_after(doc, j + 1, lex)
        if org is None or org[0] != _skip_det(doc, j + 1) or doc[org[0]].ent_type_ != "ORG":
            return None
        return lex.holder(doc[org[0] : org[1]].text), *org
    if j >= len(doc) or not seat:
        return None
    if doc[j - 1].text == ",":
        # "Bob Corker, a Tennessee Republican"; "Rand Paul, Kentucky Republican"; "Mark Warner, a Democrat from
        # Virginia"
        # "Sen. Marco Rubio, the Florida Republican who ...": "the" too (31 "TITLE NAME, the STATE Democrat/Republican"
        # in the AllSides corpus outside gold/dev, against 349 with "a")
        k = j + 1 if doc[j].lower_ in _ARTICLES else j
        # "Sen. Susan Collins, a moderate Maine Republican": a word describing the lawmaker (`opening_describers`)
        # before the state names no state
        while k + 1 < len(doc) and doc[k].is_lower and doc[k].lower_ in lex.opening_describers:
            k += 1
        party = _state_party(doc, k, lex)
        if party is None:
            party = _party_from_state(doc, k, lex)
        if party is not None or doc[j].lower_ in ("a", "an"):
            return party
    tag = _PARTY_TAG.match(doc_text(doc), doc[j].idx)
    if tag is None and doc[j - 1].text == "(":
        tag = _STATE_TAG.match(doc_text(doc), doc[j].idx)
        state = lex.tag_state(tag.group(1)) if tag is not None else None
        return None if state is None else (state, -1, -1)
    if tag is None:
        return None
    state = next(filter(None, map(lex.tag_state, _tag_states(tag.group(2)))), None)
    return None if state is None else (state, -1, -1)


def seat_state_after(doc: Doc, end: int, lex: Lexicon) -> str | None:
    """The US state a party-state tag or an apposition written after a person's mention ending at ``end`` gives a
    seat ("Graham, R-S.C., said", "Cruz, a Texas Republican, has", "Pelosi, of California,"); None for none. Only
    after a comma or a parenthesis: a bare "Cruz in Iowa" says where he was."""
    if end >= len(doc) or doc[end].text not in (",", "("):
        return None
    after = _holder_after(doc, end, lex, seat=True)
    return lex.us_state(after[0]) if after is not None else None


# A state named as the federal capital is: "Sen. NAME in Washington" is where Congress sits, not the seat's state
# (PolNeAR train: "to replace Sen. Marco Rubio in Washington next year").
_CAPITAL_STATES = frozenset({"Washington"})


def _seat_state_in(doc: Doc, k: int, lex: Lexicon) -> tuple[str, int, int] | None:
    """ "Sen. Mark Udall in Colorado", "Rep. Will Hurd in Texas, ...": a seat's state written with "in" right after
    the name, when the state closes the phrase (punctuation, "and", a possessive: "in Oklahoma's 1st District");
    "joins Sen. NAME in New Hampshire to ..." says where the holder was, not the seat."""
    state = next(_states_at(doc, k, lex), None)
    if state is None or doc[k : state[2]].text in _CAPITAL_STATES:
        return None
    end = state[2]
    closes = end >= len(doc) or doc[end].is_punct or doc[end].lower_ == "and" or doc[end].text in POSSESSIVE
    return state if closes else None


def _tag_states(written: str) -> tuple[str, ...]:
    """How a party-state tag's state may be read: as written ("N.C.", "New York"), its first word ("Calif" of
    "Calif. Republican"), and without the sentence's full stop ("R-Iowa." at a sentence end: 28 tags in the
    AllSides corpus outside gold/dev left their seat without a state before)."""
    return (written, written.split()[0], written.rstrip("."))


# The words of a lawmaker's party after a state: "Bob Corker, a Tennessee Republican".
_PARTY_WORDS = frozenset({"republican", "democrat", "independent"})


def _party_from_state(doc: Doc, k: int, lex: Lexicon) -> tuple[str, int, int] | None:
    """The state of "a Republican/Democrat from STATE" or "Democrat of STATE" (the New York Times' style: 30 in
    the AllSides corpus outside gold/dev, whose seats were left without a state) from ``k`` (the party word), or
    None."""
    if k + 2 >= len(doc) or doc[k].lower_ not in _PARTY_WORDS or doc[k + 1].lower_ not in ("from", "of"):
        return None
    return next(_states_at(doc, k + 2, lex), None)


def _state_party(doc: Doc, k: int, lex: Lexicon) -> tuple[str, int, int] | None:
    """The state of "a STATE Republican/Democrat" from ``k`` (the word after "a"), or None."""
    for state, start, end in _states_at(doc, k, lex):
        if end < len(doc) and doc[end].lower_ in _PARTY_WORDS:
            return state, start, end
    return None


# The most tokens a US state takes, by name or AP abbreviation ("North Carolina"; "Ala." where the tokenizer splits
# the dot off): a state written after a lawmaker's name is read that many tokens first, then fewer.
_STATE_TOKENS = 2


def _states_at(doc: Doc, k: int, lex: Lexicon) -> Iterator[tuple[str, int, int]]:
    """The US states written from ``k`` ("North Carolina", "N.C."), longest first, with their token extents."""
    for end in range(k + _STATE_TOKENS, k, -1):
        state = lex.us_state(doc[k:end].text) if end <= len(doc) else None
        if state is not None:
            yield state, k, end


def _apposition_starts(doc: Doc, lex: Lexicon) -> Iterator[tuple[Span, int]]:
    """Each person's name followed by a comma, with where the apposition after it starts (past "a/an/the",
    and past the lawmaker's state written first: "Richard Burr of North Carolina, the ...", "Mark Warner,
    D-Va., the ...")."""
    surnames = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
    for ent in doc.ents:
        if ent.label_ != "PERSON" and not _org_tagged_person(ent, surnames, lex):
            continue
        # A title the model read into the name ("Rabbi Jack Moline, president of Interfaith Alliance") is an office
        # of its own: the apposition's holder is the name after it, as the title's is.
        opens = _bio_opens(ent, lex)
        name = _title_at(doc, ent.start, lex)
        if ent.start < name < ent.end:
            ent = doc[name : ent.end]
        comma = _past_seat(doc, ent.end, lex)
        k = comma + 1
        note = comma < len(doc) and doc[comma].text == "is"
        # A name after an honorific, or after a title the model read into it (cut off above), opens a note only in
        # full (``_names_in_full``): "Dr. Roe is ...", "Senator Warren is ..." speak of someone named before.
        opens = opens and (ent.start == _opening_past_marks(ent) or _names_in_full(ent))
        if k >= len(doc) or (doc[comma].text != "," and not note) or (note and not opens):
            continue
        k = _past_adverbs(doc, _past_copula(doc, _past_age(doc, k)))
        k = k + 1 if k < len(doc) and doc[k].lower_ in _APPOSITION_DETERMINERS else k
        # "NAME, his lawyer": a person's possessive pronoun opens the apposition as an article does; whom it
        # names is the office's holder, resolved by the entities extractor as "his lawyer, NAME" is.
        k = k + 1 if k < len(doc) and doc[comma].text == "," and doc[k].lower_ in PERSON_POSSESSIVES else k
        yield ent, _past_party(doc, k, lex)
        if opens and note:
            after = _bio_goes_on(doc, ent)
            if after is not None:
                yield ent, _past_party(doc, after, lex)


def _note_copula_starts(doc: Doc, lex: Lexicon, starts: Sequence[tuple[Span, int]]) -> Iterator[tuple[Span, int]]:
    """Of the apposition ``starts`` (``_apposition_starts``), each note-opening name set off by an apposition and
    then "is/was" (``_note_copula_after``), with where the office after the copula starts; read after every other
    reader, so the apposition's own office (which ``_parsed_appositives`` or ``_compound_affiliation`` may read:
    "Frida Ghitis, a former CNN producer and correspondent, is a world affairs columnist") is not barred by it."""
    for ent, k in starts:
        comma = _past_seat(doc, ent.end, lex)
        if comma < len(doc) and doc[comma].text == "," and _bio_opens(ent, lex) and _names_in_full(ent):
            after = _note_copula_after(doc, k)
            if after is not None:
                yield ent, _past_party(doc, after, lex)


def _note_copula_after(doc: Doc, k: int) -> int | None:
    """Where the office starts after "is/was" that closes an apposition set off by commas at a note's opening
    ("Betsy McCaughey, a former lieutenant governor of New York, is chairwoman of the Committee to Reduce Infection
    Deaths"): the apposition holds no verb, so its closing comma is the first one; None when no copula follows it."""
    end = doc[k].sent.end if k < len(doc) else k
    comma = next((j for j in range(k, end) if doc[j].text == "," or doc[j].pos_ in ("VERB", "AUX")), None)
    if comma is None or doc[comma].text != "," or comma + 1 >= end or doc[comma + 1].lower_ not in _BIO_COPULAS:
        return None
    after = _past_adverbs(doc, comma + 2)
    return after + 1 if after < len(doc) and doc[after].lower_ in _ARTICLES else after


def _org_tagged_person(ent: Span, surnames: set[str], lex: Lexicon) -> bool:
    """A name the model tags an organisation that may be a person's, read as one when an office follows it in
    apposition ("according to Jacqueline Pata, the executive director of ...", "Reince Priebus, the current RNC
    chairman", "said Mhazel, a lawyer at ..."): the surname of a person the article names in full, or a name
    ``_person_tagged_org`` reads as a person's after a title. The office then makes it a person (the fixer's
    claims), and the office is the person's."""
    if ent.label_ != "ORG":
        return False
    if len(ent) == 1:
        return ent[0].text in surnames
    # Several words the model tags an organisation, as a preposition's object, are an organisation's ("including
    # Heritage Action, the political arm of ...", "a statement to Media Matters, the co-director of ..., Professor
    # NAME"): 2 wrong of 5 such names read as persons in 600 bulk reports (seed 40000), none of them a person's;
    # "according to" names a source, as a subject does ("according to Jacqueline Pata, the executive director").
    root = ent.root
    if root.dep_ == "pobj" and not (root.head.lower_ == "to" and root.head.head.lower_ == "according"):
        return False
    return _person_tagged_org(ent.doc, ent.start, lex)


# Words a contributor's note goes on with about the person it opened with ("He is also president of ...").
_BIO_PRONOUNS = frozenset({"he", "she"})
_BIO_COPULAS = frozenset({"is", "was"})


def _bio_goes_on(doc: Doc, ent: Span) -> int | None:
    """Where the office starts in the sentence after a contributor's note's first ("NAME is a senior fellow at X.
    He was previously a ..."; "She is also ..."): a sentence opening with "He/She is/was" goes on about the person
    the note opened with; None when the next sentence does not."""
    end = ent.sent.end
    if end + 2 >= len(doc) or doc[end].lower_ not in _BIO_PRONOUNS or doc[end + 1].lower_ not in _BIO_COPULAS:
        return None
    k = end + 2
    while k < len(doc) and doc[k].pos_ == "ADV":
        k += 1  # "also", "previously": the apposition reader passes over adverbs but not before an article
    return k + 1 if k < len(doc) and doc[k].lower_ in _ARTICLES else k


def _past_party(doc: Doc, k: int, lex: Lexicon) -> int:
    """Past "Democrat and" at ``k``: the party comes first and the office after it ("Tom Daschle, a Democrat and
    former Senate majority leader"; 6 "NAME, a Democrat/Republican and ..." in the AllSides corpus outside
    gold/dev)."""
    if k + 2 < len(doc) and doc[k].lower_ in lex.parties and doc[k + 1].lower_ == "and":
        return k + 3 if doc[k + 2].lower_ in _ARTICLES else k + 2
    return k


def _past_age(doc: Doc, k: int) -> int:
    """Past an age set off by commas at ``k`` ("Paula Gregory, 37, a clerical manager for a construction firm": 12
    "NAME, AGE, a/an/the TITLE" in the AllSides corpus outside gold/dev)."""
    if k + 1 < len(doc) and doc[k].like_num and doc[k].text.isdigit() and doc[k + 1].text == ",":
        return k + 2
    return k


def _past_copula(doc: Doc, k: int) -> int:
    """Past "who is" / "who serves as" at ``k``: a relative clause that states the office as an apposition does
    ("Julie Fedorchak, who serves as the chairman of the commission"; 77 "NAME, who is/serves as ... TITLE" in
    the AllSides corpus outside gold/dev), and past ones: "who was/served as" (73; "John Mitchell, who served as
    attorney general under President Richard Nixon"), the title as written (a past office is "former" only when
    the text says so)."""
    if k + 2 < len(doc) and doc[k].lower_ == "who" and doc[k + 1].lower_ in ("is", "serves", "was", "served"):
        return k + 3 if doc[k + 2].lower_ == "as" else k + 2
    return k


def _past_adverbs(doc: Doc, k: int) -> int:
    """Past the adverbs of time at ``k`` that stand before an apposition's article ("Jeffrey Zients, now a White
    House economics adviser", "William Galston, who is now a senior fellow at the Brookings Institution", "Heather
    Nauert, previously the State Department's spokesperson"): the article was looked for first, so the apposition
    opened at "a" and named no office. 90 "NAME, (who is) now/currently/also/previously/... a/an/the" in the
    AllSides corpus outside gold/dev. Only when the office was held (`_TIME_ADVERBS`): a hedge judges the holder
    ("Mitch McConnell, arguably the most powerful legislator in Congress" is no office)."""
    while k < len(doc) and doc[k].lower_ in _TIME_ADVERBS:
        k += 1
    return k


# Adverbs that say when (or that also) an office in apposition is held.
_TIME_ADVERBS = frozenset({"now", "currently", "formerly", "previously", "once", "still", "later", "also"})


# Marks that set a contributor's note off from the report's body.
_NOTE_MARKS = frozenset({"•", "·", "—", "–", "-", "*"})


def _bio_opens(ent: Span, lex: Lexicon) -> bool:
    """A sentence that opens with a person's name and "is": how a contributor's note states the office ("Matthew
    Gertz is a senior fellow at Media Matters for America"; 159 such sentences in the AllSides corpus outside
    gold/dev); the apposition after "is" is read as after a comma. A bullet or dash that sets the note off from
    the body ("• Peter Morici is an economist ...", "— Oren Cass is a senior fellow at ..."; 32 reports of that
    corpus, the Washington Times' and National Review's notes) is no part of the sentence's opening, nor is an
    honorific the model leaves out of the name ("Dr. David Samadi is a contributor for Newsmax", session 32). A
    sentence opening "NAME was" is no note: tried in session 32, it read the body's judgements ("Bin Laden was a
    meticulous editor", "Ronald Reagan was a transformative president"): 5 right of 11 on seeds 123002-123004."""
    doc = ent.doc
    return all(doc[i].text in _NOTE_MARKS or doc[i].lower_ in lex.honorifics for i in range(ent.sent.start, ent.start))


def _opening_past_marks(ent: Span) -> int:
    """Where ``ent``'s sentence opens past the marks that set a note off (``_NOTE_MARKS``)."""
    i = ent.sent.start
    while i < ent.start and ent.doc[i].text in _NOTE_MARKS:
        i += 1
    return i


def _names_in_full(ent: Span) -> bool:
    """Whether a note's name is a full name (two words or more): a note introduces its person in full ("Betsy
    McCaughey, a former lieutenant governor of New York, is ..."); a surname alone is the body speaking of someone
    named before ("Soleimani was a supremely powerful leader of a state apparatus", "Miller was a State Department
    Middle East analyst/negotiator": the 2 wrong of 9 changed on seeds 123001 and 123004 before the check)."""
    return len(ent) > 1


# A party-state tag in parentheses is at most this many tokens, the parentheses included: "( R - N.C. )".
_TAG_TOKENS = 8


def _past_seat(doc: Doc, end: int, lex: Lexicon) -> int:
    """Where a name's text goes on past its "of STATE" or ", R-STATE" seat (``end`` when it has none)."""
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        run = _name_run(doc, end + 1, allow_and=False)
        return run if run > end + 1 and lex.seat_place(doc[end + 1 : run].text) else end
    if end + 1 < len(doc) and doc[end].text == ",":
        tag = _PARTY_TAG.match(doc_text(doc), doc[end + 1].idx)
        if tag is not None and any(map(lex.tag_state, _tag_states(tag.group(2)))):
            k = end + 1
            while k < len(doc) and doc[k].idx < tag.end():
                k += 1
            while k < len(doc) and doc[k].text == ".":
                k += 1
            return k
    if end + 1 < len(doc) and doc[end].text == "(":
        # "Sens. Mitt Romney (R-Utah) and Chris Murphy (D-Conn.)": the tag in parentheses, as The Hill and
        # Politico write it (54 such lists of two or more lawmakers in the AllSides corpus outside gold/dev,
        # against 19 with ", R-Utah,"); before, the names after the first went without the title
        tag = _PARTY_TAG.match(doc_text(doc), doc[end + 1].idx)
        states = _tag_states(tag.group(2)) if tag is not None else ()
        if tag is None and (tag := _STATE_TAG.match(doc_text(doc), doc[end + 1].idx)) is not None:
            states = (tag.group(1),)
        close = next((k for k in range(end + 1, min(end + _TAG_TOKENS, len(doc))) if doc[k].text == ")"), None)
        if tag is not None and close is not None and any(map(lex.tag_state, states)):
            return close + 1
    return end


def _of_reaches_its_head(doc: Doc, start: int, end: int) -> bool:
    """Whether the ``of`` words ``start``-``end`` hold the name the parse makes them part of. Cut short: "a leader
    of Ansar al-Sharia" reads "Ansar", a compound on the name word "Sharia"; "commander-in-chief of Umkhonto we
    Sizwe" reads "Umkhonto", the lower-case word after it a modifier of a name the model tags as it tags the ``of``
    (it split the name in two). Each was made an entity of its own (session 30's review of entities.rules v42,
    seed 87000)."""
    tok = doc[start]
    # Only through name words: a compound on a common noun is a name of its own ("the Mozilla foundation") or a
    # modifier of a noun phrase ("deputy editor of UK magazine Mac Format" is no "UK" cut short; read so, it cost
    # the one office changed on 300 random unseen reports, seed 93002)
    while tok.dep_ == "compound" and tok.head.i > tok.i and is_name_word(tok.head):
        tok = tok.head
    if tok.i >= end:
        return False
    if end >= len(doc) or not doc[end].is_lower or doc[end].dep_ not in _NAME_MODIFIERS:
        return True
    named = doc[end].head
    return not (named.i > end and is_name_word(named) and named.ent_type_ and named.ent_type_ == doc[end - 1].ent_type_)


# The dependencies of a word on a name it is written inside: a compound's, a nominal modifier's.
_NAME_MODIFIERS = ("compound", "nmod")


# The words that may follow an apposition's title: a complement's preposition, "and" joining a second, or a
# relative pronoun opening a clause about the holder ("who"; "whose" since session 33: "NAME, the sheriff whose
# deputies ...", 67 ", a/the ... whose" after a name in the AllSides corpus; offices changed by it in the hand
# check 3, 3 right, seeds 136000-136300; in the review's draw 3, 2 right, 1 wrong, seed 149000).
_AFTER_APPOSITION_TITLE = frozenset({"at", "of", "for", "on", "and", "who", "whose", "to", "in", "from"})


def _appositives(doc: Doc, lex: Lexicon, starts: Sequence[tuple[Span, int]]) -> list[tuple[Office, list[int]]]:
    """ "Ian Shepherdson, chief economist at Pantheon Macroeconomics", "Jennifer Chang Newell, an ACLU staff
    attorney", "Dmitry Peskov, the Kremlin's spokesman": a title in apposition after a person's name, read at
    ``starts`` (``_apposition_starts``, or another place an apposition's reading applies: ``_note_copula_starts``)."""
    found = []
    for ent, lead in starts:
        while lead < len(doc) and doc[lead].pos_ == "ADV" and doc[lead].lower_ not in lex.status_modifiers:
            lead += 1  # "NAME, currently NRA's executive vice president": the adverb is no part of the office
        k = lead
        while k < len(doc) and doc[k].lower_ in lex.status_modifiers:
            k += 1  # "a former U.N. ambassador": the status qualifies the title, the holder follows it
        status_end = k
        k = _past_judgement(doc, k, lex)
        for t in range(k, min(k + MAX_NAME_TOKENS + 3, len(doc))):
            end = max(_title_at(doc, t, lex), job_title_at(doc, t, lex))
            if end > t and not _titles_possessor(doc, end):
                break
            if doc[t].is_punct and doc[t].text not in POSSESSIVE:
                end = t
                break
        else:
            continue
        if end == t:
            continue
        while end < len(doc) and _title_at(doc, end, lex) > end:  # "chief economist": the last title is the head
            t, end = end, _title_at(doc, end, lex)
        headed = _noun_head_end(doc, t, end, lex, places=True)
        placed = any(_scope_place(tok, lex) for tok in doc[end:headed])  # "chief U.S. economist"
        end = headed
        if end + 1 < len(doc) and doc[end].text == "(" and _PARTY_TAG.match(doc_text(doc), doc[end + 1].idx):
            continue  # "Heidi Heitkamp (D-ND), Angus King (I-ME)": a party tag follows a lawmaker's name, no title
        start = _modifiers_before(doc, t, lex, floor=k)
        if doc[t].is_lower:  # "a University of Richmond law professor", "Trump's personal lawyer"
            start = _adjectives_before(doc, max(k, _compounds_before(doc, start, end, lex)), end, floor=k)
        # The title ends the apposition, or a complement, place adjunct ("a Democratic strategist in Sacramento") or
        # participle ("the special counsel investigating ...") follows it.
        if end < len(doc) and not (
            doc[end].is_punct or doc[end].lower_ in _AFTER_APPOSITION_TITLE or doc[end].tag_ in ("VBG", "VBN")
        ):
            continue
        envoy = _envoy_to(doc, end, lex) if end + 1 < len(doc) and doc[end].lower_ == "to" else None
        # "NAME, a senior adviser to President Trump": a person after "to" is whom the office serves
        served = _person_served(doc, end, lex) if envoy is None else None
        if end < len(doc) and doc[end].lower_ == "to" and envoy is None and served is None:
            continue
        title_end = _complement_end(doc, end)
        at = _field_end(doc, title_end)
        # The organisation after "at/of/for/on", read once: it may hold a title with a place as its field
        # (``_scope_org``), else it is weighed below
        affiliated = served is None and at + 1 < len(doc) and doc[at].lower_ in _AFFILIATIONS
        org = _org_after(doc, at + 1, lex) if affiliated else None
        scope_org = _scope_org(doc, at, org) if envoy is None else None
        scoped = _scope_start(doc, k, start, end, lex) if scope_org is not None else start
        if scope_org is None and placed:
            continue  # "NAME, chief U.S. trade negotiator": the place inside may be the holder, left as before
        if scoped == start and not placed:
            scope_org = None  # no place in the title: the organisation after it is read below, as before
        owned, inner_status = _owner_past_party(doc, k, scoped, lex)
        if scoped < start:
            start, owned = scoped, k  # the place is the title's field: no holder before it
        # The place stays the entity (and place) the model names; the title is written without it, as the
        # annotation guide has it ("chief economist", of the organisation)
        fields = _field_places(doc, start, end, lex) if scope_org is not None else set()
        holder = _holder_before(doc, owned, lex, floor=k - 1) if owned > k else None
        # "NAME, the association's president": an organisation noun refers back to one the article names
        reference = owned == k + 2 and _refers_back(doc[k], lex) and doc[k + 1].text in POSSESSIVE
        if reference:
            holder = doc[k].text, k, k + 1
        # "NAME, Mr. Ryan's spokesman": the holder's honorific opens the apposition (`_holder_before` steps over it)
        opens = k
        while opens < start and doc[opens].lower_ in lex.honorifics:
            opens += 1
        if start > k and (holder is None or holder[1] not in (k, opens)):
            continue  # words between the name and the title that name no holder: not an apposition
        holder, start = _chamber_party(doc, holder, start, lex)
        of, of_start, of_end = holder or (None, -1, -1)
        # An organisation written after the title owns it, over a party or place word before it ("NAME, the
        # Republican mayor of Miami"); a country or a seat of government before it stays ("a White House
        # press secretary for George W. Bush").
        # An organisation the model tags after "of/at" owns it over a country too ("David Martosko, U.S.
        # political editor of The Daily Mail").
        weak = holder is None or not (lex.country(holder[0]) or home_seat(holder[0]))
        # "on" names the body a member sits on ("the ranking Democrat on the House Judiciary Committee")
        if scope_org is not None:
            of, of_start, of_end = lex.holder(doc[scope_org[0] : scope_org[1]].text), *scope_org
        elif affiliated:
            named = org is not None and doc[org[0]].ent_type_ == "ORG" and doc[at].lower_ != "for"
            if org is not None and (weak or named):
                of, of_start, of_end = lex.holder(doc[org[0] : org[1]].text), *org
        elif served is not None and of is None:
            of, of_start, of_end = _served_organisation(doc, served, lex)
        elif title_end + 1 < len(doc) and doc[title_end].lower_ == "from" and of is None:
            of, of_start, of_end = _origin(doc, title_end + 1, lex, seat=lex.holds_seat(doc[start:end].text)) or (
                None,
                -1,
                -1,
            )
        elif title_end + 1 < len(doc) and doc[title_end].lower_ == "from" and lex.holds_seat(doc[start:end].text):
            # "Sanders, a U.S. senator from Vermont": the country before a seat's title is the chamber's, the
            # state after "from" the seat's, as a bare "the senator from Georgia" is
            state = _origin(doc, title_end + 1, lex, seat=True)
            if state is not None and lex.us_state(state[0]) is not None:
                of, of_start, of_end = state
        if of is not None and of_start >= end and not _of_reaches_its_head(doc, of_start, of_end):
            # a name after the title cut short is no holder (an entity of its own, wrong); a holder before the
            # title is a compound on it ("the FBI director"), not cut short
            of, of_start, of_end = None, -1, -1
        end = title_end
        while start in fields:
            start += 1  # "a Russia adviser": the title's own words begin after the place
        to, to_start, to_end = envoy or (None, -1, -1)
        title = _with_status(
            doc, lead, status_end, _text_without(doc, _office_start(doc, start, end, lex), end, fields)
        )
        if inner_status:
            title = f"{doc[inner_status[0] : inner_status[-1] + 1].text} {title}"
        ref = reference and (of_start, of_end) == (k, k + 1)
        office = Office(title, start, end, of, of_start, of_end, ref, to, to_start, to_end, ent.start, ent.end)
        words = [i for i in range(start, end) if i not in fields]
        found.append((office, [*range(lead, status_end), *inner_status, *words]))
        found.extend(_coordinated_office(doc, office, lex))
    return found


# The nouns whose most frequent WordNet sense is a person below a position or an occupation (written by
# bench/wordnet_titles.py): "treasurer", "owner", "lecturer", "pediatrician", "archbishop".
JOB_TITLES_FILE = "title_nouns.txt"
# The word after a job noun that names where it is held: "NAME, a lecturer at ORG". "of" does so after "the" only:
# "the owner of ORG", "the archbishop of Washington" name the one holder of a post, where "a frequent critic of the
# Kremlin" and "a Republican candidate for Congress" relate the person to what follows (both read wrong in the
# first count, seed 44000, with "a ... of/for"; "for" is left out).
_JOB_AT = "at"
_JOB_OF = "of"
# How many words (an article, describers) may stand between the affiliation and the organisation the model tags.
_JOB_ORG_GAP = 3


@lru_cache(maxsize=1)
def job_titles() -> frozenset[str]:
    """The nouns of ``JOB_TITLES_FILE`` (comment lines skipped)."""
    return read_words(JOB_TITLES_FILE)


def job_title_at(doc: Doc, i: int, lex: Lexicon) -> int:
    """The end of a job an apposition names at token ``i`` when the lexicon lists no such title: a lower-case
    noun for a position or occupation (``job_titles``, from WordNet) held at an organisation the model tags
    after "at", or after "of" with "the" before the noun ("NAME, a criminologist at Northeastern University",
    "NAME, the archbishop of Washington", "NAME, the owner of ORG"). The lexicon lists the titles that may
    stand before a name; jobs are too many to list by hand. The parse's apposition (``_parsed_appositives``)
    reads most of them, but not one whose field is a place the model names before it ("NAME, an Africa expert
    at Chatham House", "a Latin America specialist at ORG"): read here, the place is the title's field as for a
    lexicon title (``_scope_org``). Without an organisation the noun may describe the person ("NAME, a veteran
    of the Iraq war"), so it is read only with one; else ``i``."""
    tok = doc[i]
    if not tok.is_lower or tok.pos_ != "NOUN" or tok.lower_ in lex.title_words or tok.lemma_ not in job_titles():
        return i
    if i + 2 >= len(doc) or doc[i + 1].lower_ not in (_JOB_AT, _JOB_OF):
        return i
    if doc[i + 1].lower_ == _JOB_OF and not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return i
    for j in range(i + 2, min(i + 2 + _JOB_ORG_GAP, len(doc))):
        # a place the model tags holds the job after "of" only ("the archbishop of Washington")
        held = doc[j].ent_type_ == "ORG" or (doc[j].ent_type_ == "GPE" and doc[i + 1].lower_ == "of")
        if held and doc[j].ent_iob_ == "B":
            return i + 1
        if doc[j].is_punct or doc[j].ent_type_:
            return i
    return i


def _titles_possessor(doc: Doc, end: int) -> bool:
    """A title ending at ``end`` is the possessor's own, the apposition's office written after it: "NAME, President
    Barack Obama's chief campaign strategist", "NAME, President Trump's former personal attorney". The apposition
    was dropped whole, its first title read as the office and the name after it as no office's ending."""
    if end >= len(doc) or doc[end].ent_iob_ != "B" or doc[end].ent_type_ != "PERSON":
        return False
    after = next((t for t in range(end + 1, len(doc)) if doc[t].ent_iob_ != "I"), len(doc))
    return after < len(doc) and doc[after].text in POSSESSIVE


# How many lower-case words a title word may modify across to reach its noun ("chief technology officer",
# "chief marketing officer": one; "chief information security officer": two).
_MAX_WORDS_TO_HEAD = 2


def _noun_head_end(doc: Doc, t: int, end: int, lex: Lexicon, *, places: bool = False) -> int:
    """The end of a title whose last lexicon word only modifies a lower-case noun after it: "NAME, Veracode's chief
    technology officer", "NAME, chief investment officer at ORG" were read as "chief" or nothing (the apposition
    ended at "technology"). The parse hangs "chief" and every word after it on "officer"; the title then ends
    there. With ``places``, a place the model names may stand among those words ("chief U.S. economist",
    ``_scope_place``). Else ``end``."""
    head = doc[t].head
    if not end <= head.i <= end + _MAX_WORDS_TO_HEAD or head.tag_ not in ("NN", "NNS") or not head.is_lower:
        return end
    if doc[t].dep_ not in ("amod", "compound"):
        return end
    if any(
        not (tok.is_lower or (places and _scope_place(tok, lex)))
        or tok.head.i != head.i
        or tok.dep_ not in ("amod", "compound")
        for tok in doc[end : head.i]
    ):
        return end
    return head.i + 1


# A place written inside a title as its field, not its holder: "chief U.S. economist", "a Middle East analyst", "a
# Russia adviser": a country (a GPE the country list names) or a region (LOC). A city or state is left out ("a New
# York lawyer at Jones Day" is a lawyer from there), and so is a people's adjective (NORP): "a British economist at
# Europe Economics" says where the holder is from (1 of 13 changed in the pattern count).
_SCOPE_REGION = "LOC"
# The prepositions of an affiliation after an apposition's title: "at"/"of"/"for" an organisation, "on" the body a
# member sits on ("the ranking Democrat on the House Judiciary Committee").
_AFFILIATIONS = frozenset({"at", "of", "for", "on"})
# Of those, the one whose organisation holds a title with a place as its field ("at JPMorgan Chase"); "of"/"for"
# are left out: "the U.S. attorney for Connecticut", "U.S. special envoy for North Korea" are the country's offices.
_SCOPE_AFFILIATIONS = frozenset({"at"})


def _scope_org(doc: Doc, at: int, org: tuple[int, int] | None) -> tuple[int, int] | None:
    """The organisation ``org`` (``_org_after`` token ``at``, past the title's complement and field) when it
    follows "at" and holds an apposition's title, or None. It is one the model tags an organisation, or a seat of
    government ("the White House"); a facility or a common noun is where the holder works, not whose office it is
    ("the top U.S. commander at Bagram Air Base", "a U.S. official at the embassy")."""
    if org is None or doc[at].lower_ not in _SCOPE_AFFILIATIONS:
        return None
    if not (doc[org[0]].ent_type_ == "ORG" or home_seat(doc[org[0] : org[1]].text)):
        return None
    return org


def entity_start(doc: Doc, i: int) -> int:
    """Where the tagged span holding token ``i`` starts (``i`` itself when it is outside one)."""
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    return i


def _scope_place(tok: Token, lex: Lexicon) -> bool:
    """Whether ``tok`` is a word of a country or region the model names (``_SCOPE_REGION``)."""
    if tok.ent_type_ == _SCOPE_REGION:
        return True
    if tok.ent_type_ != "GPE":
        return False
    doc = tok.doc
    first = entity_start(doc, tok.i)
    last = tok.i + 1
    while last < len(doc) and doc[last].ent_iob_ == "I":
        last += 1
    return lex.country(doc[first:last].text) is not None


def _field_places(doc: Doc, start: int, end: int, lex: Lexicon) -> set[int]:
    """The tokens of the places written inside the title ``start``-``end`` as its field (``_scope_place``)."""
    return {i for i in range(start, end) if _scope_place(doc[i], lex)}


def _text_without(doc: Doc, start: int, end: int, skip: set[int]) -> str:
    """The text of tokens ``start``-``end`` without those in ``skip`` ("chief U.S. economist" -> "chief
    economist")."""
    return "".join(doc[i].text_with_ws for i in range(start, end) if i not in skip).strip()


def _scope_start(doc: Doc, k: int, start: int, end: int, lex: Lexicon) -> int:
    """Where an apposition's title starts when a place the model names is written inside it, before its head, and
    an organisation after "at" holds it: "NAME, chief U.S. economist at JPMorgan Chase", "NAME, a senior U.S.
    economist at Societe Generale", "NAME, a Russia adviser at the White House" (the place is the field the
    holder covers, not the holder; ``_field_places`` leaves it out of the title). Past the place, lower-case title words
    ("chief", "senior") down to ``k`` belong to the title too. Else ``start``."""
    first = start
    while first > k and _scope_place(doc[first - 1], lex) and doc[first - 1].head.i >= first:
        first -= 1
    if first == start or lex.is_national(doc[start:end].text):
        return start
    while first > k and doc[first - 1].is_lower and doc[first - 1].dep_ in ("amod", "compound"):
        first -= 1
    return first if first == k else start


def _owner_past_party(doc: Doc, k: int, start: int, lex: Lexicon) -> tuple[int, list[int]]:
    """Where the words that own an apposition's title end, past the holder's party written between the owner's
    possessive and the title ("NAME, the state's former Republican attorney general", "NAME, Nevada's Democratic
    senator": the apposition was dropped, the party read as a holder that does not open it), with the status words
    between them ("former", kept in the title). Else ``start`` and none."""
    party = start - 1
    if party <= k or doc[party].lower_ not in lex.parties:
        return start, []
    owned = party
    while owned - 1 > k and doc[owned - 1].lower_ in lex.status_modifiers:
        owned -= 1
    if doc[owned - 1].text not in POSSESSIVE:
        return start, []
    return owned, list(range(owned, party))


def _past_judgement(doc: Doc, k: int, lex: Lexicon) -> int:
    """Past the words at an apposition's start that judge or place its holder, not the office: "the Trump-appointed
    director of national intelligence", "a longtime Democratic strategist" (a name and a participle joined by a
    hyphen; lower-case adjectives that classify no office). Before, they hid the holder written after them (in 100
    random bulk AllSides reports outside gold/dev, seed 2501, 3 such appositions had no role)."""
    if k + 2 < len(doc) and doc[k].text[:1].isupper() and doc[k + 1].tag_ == "HYPH" and doc[k + 2].tag_ == "VBN":
        k += 3
    k = _past_hyphened_age(doc, k)
    while k < len(doc) and _evaluates(doc, k, lex) and doc[k].lower_ not in lex.status_modifiers:
        k += 1
    return k


# An age written as one hyphened adjective ("the 82-year-old chairwoman"), as the parser splits it.
_HYPHENED_AGE = ("-", "year", "-", "old")


def _past_hyphened_age(doc: Doc, k: int) -> int:
    """Past an age written before the office ("Nita Lowey, the 82-year-old Democratic chairwoman of ...", "Pete
    Buttigieg, the 35-year-old mayor of ..."): it describes the holder, as an age set off by commas does
    (``_past_age``). 80 "NAME, a/the N-year-old ..." in the AllSides corpus outside gold/dev."""
    end = k + 1 + len(_HYPHENED_AGE)
    if end <= len(doc) and doc[k].text.isdigit() and tuple(t.lower_ for t in doc[k + 1 : end]) == _HYPHENED_AGE:
        return end
    return k


def _person_served(doc: Doc, j: int, lex: Lexicon) -> tuple[str, int, int] | None:
    """The person after "to" or "for" at ``j`` whom an aide serves ("adviser to President Trump", "an aide to Sen.
    Rand Paul", "a personal attorney for President Trump"): a name the model tags PERSON, past a title and
    honorifics, else past the words of its noun phrase (``_governed_person``, v40); None otherwise."""
    if j + 1 >= len(doc) or doc[j].lower_ not in ("to", "for"):
        return None
    k = j + 1
    if doc[k].text[:1].isupper():
        k = _title_at(doc, k, lex)
    while k < len(doc) and doc[k].lower_ in lex.honorifics:
        k += 1
    if k >= len(doc) or doc[k].ent_iob_ != "B" or doc[k].ent_type_ != "PERSON":
        k = _governed_person(doc, j, lex)
    if k < 0:
        return None
    end = next((t for t in range(k + 1, len(doc)) if doc[t].ent_iob_ != "I"), len(doc))
    while end > k + 1 and doc[end - 1].text in POSSESSIVE:
        end -= 1  # "an adviser to Donald Trump's campaign": the model's name ran over the possessive
    return doc[k:end].text, k, end


# How many words may stand between "to/for" and the name of the person served: "to Democratic presidential
# nominee Hillary Clinton" has three, "to ex-President George W. Bush" three ("ex", "-", "President").
_SERVED_GAP_TOKENS = 5
# Parts of speech that open a clause or another phrase: no word of the served person's noun phrase.
_CLAUSE_POS = frozenset({"VERB", "AUX", "ADP", "CCONJ", "PRON"})


def _governed_person(doc: Doc, j: int, lex: Lexicon) -> int:
    """The first token of the person's name that "to/for" at ``j`` governs past the words that describe that
    person, or -1: "a top adviser to Democratic presidential nominee Hillary Clinton", "a former policy adviser to
    ex-President George W. Bush". The quick path of ``_person_served`` steps over one lexicon title and honorifics
    only, so a party, status or lower-case title before the name left the aide with no office at all (2 of the 20
    offices missed in the private gold of seed 62000). The parse decides: the name is the preposition's object (the
    parser hangs the describing words on it, or on "to" itself when it splits "ex-President"), and every word
    between is a word of that one noun phrase, never a clause's verb or a punctuation mark other than a hyphen
    ("an aide to the family of NAME" names no person served: the name hangs on "of"). A capitalised word between
    is a party's or a title's ("Democratic", "Speaker"); any other opens a name the person's is part of ("campaign
    director for the National Draft Ben Carson for President Committee", seed 62001)."""
    limit = min(j + 2 + _SERVED_GAP_TOKENS + MAX_NAME_TOKENS, len(doc))
    for k in range(j + 1, min(j + 2 + _SERVED_GAP_TOKENS, len(doc))):
        if doc[k].ent_iob_ == "B" and doc[k].ent_type_ == "PERSON":
            end = next((t for t in range(k + 1, len(doc)) if doc[t].ent_iob_ != "I"), len(doc))
            governed = any(doc[t].head.i == j and doc[t].dep_ == "pobj" for t in range(k, end))
            return k if governed else -1
        tok = doc[k]
        if (tok.is_punct and tok.text != "-") or tok.pos_ in _CLAUSE_POS or tok.ent_type_ not in ("", "NORP"):
            return -1
        if tok.head.i != j and not j < tok.head.i < limit:
            return -1  # the word hangs outside the phrase "to/for" opens
        if _opens_other_name(doc, k, lex):
            return -1
    return -1


def _opens_other_name(doc: Doc, k: int, lex: Lexicon) -> bool:
    """A capitalised word before a served person's name that is no party's ("Democratic"), title's ("Speaker", the
    "President" of "ex-President") or honorific: it opens a name the person's is part of ("the National Draft Ben
    Carson for President Committee")."""
    tok = doc[k]
    if not tok.text[:1].isupper() or tok.ent_type_ == "NORP" or _title_at(doc, k, lex) > k:
        return False
    return tok.lower_ not in lex.honorifics and doc[k - 1].text != "-"


def _served_organisation(doc: Doc, served: tuple[str, int, int], lex: Lexicon) -> tuple[str, int, int]:
    """ "NAME, a deputy press secretary for Mr. Obama's campaign": the person after "for" owns the organisation the
    office is held at, a noun only a person's name leads (`person_led_org_nouns`, lower-case modifiers between:
    "Sen. Marco Rubio's presidential campaign"), so the office is the organisation's, named as the report names such
    organisations, by the person's surname ("the Romney campaign" -> "Romney campaign"; "Sen. Marco Rubio's
    campaign" -> "Rubio campaign", as the annotation guide's gold names one); else the person is whom the office
    serves."""
    k = served[2]
    if k >= len(doc) or doc[k].text not in POSSESSIVE:
        return served
    k += 1
    first = k
    while (
        k < len(doc)
        and (doc[k].is_lower or doc[k].text == "-")
        and doc[k].lower_ not in lex.person_led_org_nouns
        and k - first < _SERVED_MODIFIER_TOKENS
    ):
        k += 1  # "presidential", "re-election"
    if k >= len(doc) or doc[k].lower_ not in lex.person_led_org_nouns or not doc[k].is_lower:
        return served
    # The span stays the person's: the organisation is no name the report writes, and no entity of its own.
    surname = next(
        (doc[t].text for t in range(served[2] - 1, served[1], -1) if not is_name_suffix(doc[t].text)),
        doc[served[1]].text,
    )
    return f"{surname} {doc[k].text}", served[1], served[2]


# Tokens of the modifiers between a possessive and the organisation's noun ("re", "-", "election").
_SERVED_MODIFIER_TOKENS = 4


def _origin(doc: Doc, k: int, lex: Lexicon, *, seat: bool) -> tuple[str, int, int] | None:
    """Where an apposition's office is from, after "from" at ``k``: a seat's US state ("the senator from
    Georgia", "a delegate from Texas"), or an organisation the model names ("a spokesman from the ACLU")."""
    run = _name_run(doc, k, allow_and=False)
    if seat and run > k and (state := lex.us_state(doc[k:run].text)) is not None:
        return state, k, run
    org = _org_after(doc, k, lex)
    if org is None or doc[org[0]].ent_type_ != "ORG":
        return None
    return lex.holder(doc[org[0] : org[1]].text), *org


def _complement_end(doc: Doc, end: int) -> int:
    """The end of a title's lower-case "of" complement ("chief of strategy for ...", "former secretary of
    labor"): lower-case nouns after "of", ending the phrase or before "at/for"; else ``end``. Nouns joined by "and"
    and a demonym are words of it too ("an assistant professor of gender and Islamic bioethics at Dartmouth
    College" lost its college)."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return end
    k = _field_run(doc, end + 1)
    if k == end + 1 or not (doc[k - 1].pos_ == "NOUN" or _capital_field(doc[k - 1])):
        return end
    closes = k >= len(doc) or doc[k].is_punct or doc[k].lower_ in ("at", "for")
    return k if closes else end


def _field_end(doc: Doc, end: int) -> int:
    """Past a field written with "in" after a title, when the organisation's "at" follows it ("a senior fellow in
    governance at ..."): the field is no part of the office; "a strategist in rural areas" is a place."""
    if end + 1 >= len(doc) or doc[end].lower_ != "in":
        return end
    k = _field_run(doc, end + 1)
    return k if k > end + 1 and doc[k - 1].pos_ == "NOUN" and k < len(doc) and doc[k].lower_ == "at" else end


def _field_run(doc: Doc, k: int) -> int:
    """The end of the field words from ``k``, nouns joined by "and" included."""
    while k < len(doc) and (
        _field_word(doc[k]) or (doc[k].lower_ == "and" and k + 1 < len(doc) and _field_word(doc[k + 1]))
    ):
        k += 1
    return k


def _field_word(tok: Token) -> bool:
    """A word of a title's field ("governance", "Islamic bioethics"): a noun or adjective, lower-case but for a
    demonym's capital, or a field of study written with a capital (``_capital_field``)."""
    lower = tok.is_alpha and tok.pos_ in ("NOUN", "ADJ") and (tok.is_lower or tok.ent_type_ == "NORP")
    return lower or _capital_field(tok)


# The nouns one of whose WordNet senses is a field of study (written by bench/wordnet_titles.py): "law",
# "economics", "history", "sociology".
FIELD_NOUNS_FILE = "field_nouns.txt"


@lru_cache(maxsize=1)
def field_nouns() -> frozenset[str]:
    """The nouns of ``FIELD_NOUNS_FILE`` (comment lines skipped)."""
    return read_words(FIELD_NOUNS_FILE)


def _capital_field(tok: Token) -> bool:
    """A field of study written with a capital after a title's "of" ("Sterling Professor of Law at Yale
    University", "Professor of Economics"): a bare common noun, no organisation, whatever the model tags it (it
    read "Law" as an organisation, the office's ``of``, and made it an entity; session 30's review of
    entities.rules v42, seed 87000). Not a sentence's first word nor one written all in capitals (an acronym)."""
    return (
        tok.is_alpha
        and tok.is_title
        and not tok.is_sent_start
        and tok.pos_ in ("NOUN", "PROPN")
        and tok.lower_ in field_nouns()
    )


def _org_after(doc: Doc, start: int, lex: Lexicon) -> tuple[int, int] | None:
    """The organisation after an apposition's "at/of/for" from ``start``: a run of name words grown to the
    organisation it heads ("the Committee for a Responsible Federal Budget"), or the name the model tags past a
    few lower-case words ("the industry-backed American Energy Alliance"). It ends with the sentence: "an analyst at
    JPMorgan Chase & Co. Analysts expect ..." ran on into the next one's first word."""
    org = _org_run_after(doc, start, lex)
    if org is None:
        return None
    sent_end = doc[org[0]].sent.end
    return org if org[1] <= sent_end else (org[0], sent_end)


def _org_run_after(doc: Doc, start: int, lex: Lexicon) -> tuple[int, int] | None:
    """``_org_after`` before its end is held to the sentence."""
    after = _skip_det(doc, start)
    grouped = group_org_end(doc, after)
    if grouped > after:
        return after, grouped
    run = _name_run(doc, after, allow_and=True)
    if run > after:
        run = _model_org_end(doc, after, _grown_by_head(doc, after, run, lex))
        based = _based_end(doc, run)
        if based is not None:
            # "president of the Washington-based Institute for Science ...": the place says where the
            # organisation is; the organisation after it holds the office (none when a common noun follows:
            # "a lawyer for the Austin, Texas-based company")
            return _org_after(doc, based, lex)
        return _past_owner(doc, after, run, lex)
    k = _describers_end(doc, after)
    if k == after or k >= len(doc):
        return None
    if after_kind_noun(doc, k, lex) and is_name_word(doc[k]):
        return _kind_named(doc, k, lex)
    named = _named_before_kind(doc, k, lex)
    if named is not None:
        return named
    if doc[k].ent_iob_ != "B" or doc[k].ent_type_ not in ("ORG", "GPE"):
        return None
    ent_end = next((t for t in range(k + 1, len(doc)) if doc[t].ent_iob_ != "I"), len(doc))
    # "Committee [for a Responsible Federal Budget]": the model tags its head
    return k, _grown_by_head(doc, k, _untagged_name_end(doc, ent_end), lex)


def after_kind_noun(doc: Doc, k: int, lex: Lexicon) -> bool:
    """Whether token ``k`` follows a noun of a kind of organisation (``naming_kinds``: "the watchdog group [Public
    Citizen]"): a name there is an organisation's (``_kind_named``; the entity fixer labels it so)."""
    return k > 0 and doc[k - 1].lower_ in lex.naming_kinds


def _grown_by_head(doc: Doc, first: int, end: int, lex: Lexicon) -> int:
    """The end of the name ``first``-``end`` grown to the organisation one of its words heads, where that
    organisation starts no later than ``first``."""
    for h in range(first, end):
        extent = org_extent(doc, h, lex)
        if extent is not None and extent[0] <= first:
            end = max(end, extent[1])
    return end


# Lower-case words inside an organisation's name ("Joint Chiefs of Staff", "Americans for Tax Reform"). "At" is not
# one of them (a name grown by these words stops at it), but a name a kind noun opens runs through it
# (``_KIND_NAME_JOINS``: "the group Vote at Home Institute"), so "the research group Center for Women and Politics at
# Rutgers University" is one organisation.
_INNER_ORG_WORDS = frozenset({"of", "for", "and", "the", "on", "to", "&"})


def _inner_org_word(tok: Token) -> bool:
    """A word an organisation's name may hold: a name word or one of ``_INNER_ORG_WORDS``."""
    return is_name_word(tok) or tok.lower_ in _INNER_ORG_WORDS


# Words joining the name words of a name a kind noun opens: the inner words and "at" ("Vote at Home Institute").
_KIND_NAME_JOINS = _INNER_ORG_WORDS | {"at"}


def _kind_named(doc: Doc, k: int, lex: Lexicon) -> tuple[int, int] | None:
    """The organisation named at ``k`` after a noun of its kind ("the advocacy group Public Citizen", "the think
    tank New America"): the kind says the name is an organisation, whatever the model tags it (a person, a place
    or nothing: 10 of 24 "TITLE of the ... KIND NAME" in the AllSides corpus outside gold/dev were of none or of
    a country). A verb after the name makes it a clause's subject, not the kind's name ("the company Trump
    founded"). Words that join name words belong to the name it opens ("Democrats for Life", "Vote at Home
    Institute")."""
    run = k
    while run < len(doc) and (
        is_name_word(doc[run])
        or (run > k and doc[run].lower_ in _KIND_NAME_JOINS and run + 1 < len(doc) and is_name_word(doc[run + 1]))
    ):
        run += 1
    run = _model_org_end(doc, k, _grown_by_head(doc, k, run, lex))
    if run < len(doc) and doc[run].pos_ in ("VERB", "AUX") and doc[run].text not in POSSESSIVE:
        return None
    return _past_owner(doc, k, run, lex)


def _kind_noun_at(doc: Doc, i: int, lex: Lexicon) -> bool:
    """Token ``i`` opens a lower-case noun of an organisation's kind ("group", "think tank")."""
    if i >= len(doc) or not doc[i].is_lower:
        return False
    return doc[i].lower_ in lex.naming_kinds or (
        doc[i].lower_ == "think" and i + 1 < len(doc) and doc[i + 1].lower_ == "tank"
    )


def _place_or_people(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """The name ``start``-``end`` is a country, a US state or a demonym the model tags: before a kind noun it says
    where the organisation is or whose it is ("the Washington think tank", "an Israeli think tank"), not its name."""
    text = doc[start:end].text
    if lex.country(text) is not None or lex.us_state(text) is not None:
        return True
    return all(t.ent_type_ in ("GPE", "NORP") for t in doc[start:end])


def _named_before_kind(doc: Doc, k: int, lex: Lexicon) -> tuple[int, int] | None:
    """The organisation named at ``k`` by name words written before a noun of its kind ("the nonpartisan New
    America think tank", "the Patriot Prayer group"): the kind says the name is an organisation, whatever the model
    tags it (it read "New America" as a place); a place or a people before the kind noun is none."""
    run = _name_run(doc, k, allow_and=False)
    if run == k or not _kind_noun_at(doc, run, lex) or _place_or_people(doc, k, run, lex):
        return None
    return k, run


def _model_org_end(doc: Doc, start: int, run: int) -> int:
    """The end of the organisation the model names from ``start`` (its "the" aside), when it runs past the name
    words ending at ``run`` ("the Joint Chiefs [of Staff]": the name words stop at "of", the model's name does
    not); a name holding a possessive is left to ``_past_owner``."""
    opens = doc[start].ent_iob_ == "B" or (start > 0 and _skip_det(doc, start - 1) == start)  # "the" opens it
    if doc[start].ent_type_ != "ORG" or not opens:
        return run
    end = next((t for t in range(start + 1, len(doc)) if doc[t].ent_iob_ != "I"), len(doc))
    k = run
    while k < end and _inner_org_word(doc[k]):
        k += 1
    while k > run and not is_name_word(doc[k - 1]):
        k -= 1  # "the American Defenders of Bataan and [Corregidor ...": not past a word that joins
    return k


# Lower-case words that may describe an organisation between "the" and its name ("the industry-backed American
# Energy Alliance", "the bipartisan anti-debt nonprofit Committee for ..."); a hyphened compound is one word.
_MAX_DESCRIBERS = 4


def _describers_end(doc: Doc, start: int) -> int:
    """The end of the untagged lower-case words from ``start``, at most ``_MAX_DESCRIBERS`` words, the parts of a
    hyphened compound ("anti-debt", "blood-testing") counted as one. Counted in tokens before, the three tokens of
    a compound left the organisation after two describers unread ("president of the bipartisan anti-debt
    nonprofit Committee for ...": of none)."""
    k, words = start, 0
    while k < len(doc) and (doc[k].is_lower or doc[k].text == "-") and not doc[k].ent_type_:
        joined = k > start and (doc[k].text == "-" or doc[k - 1].text == "-") and not doc[k - 1].whitespace_
        if not joined:
            if words == _MAX_DESCRIBERS:
                break
            words += 1
        k += 1
    return k


def _untagged_name_end(doc: Doc, end: int) -> int:
    """Past the capitalised words the model left untagged right after a name it cut short ("the conservative
    [House] Freedom Caucus": 1 of 29 "TITLE of the ADJECTIVE ORG" in the AllSides corpus outside gold/dev, found in
    the seed-4300 proxy set); a word the model tags otherwise ("Tuesday") ends the name."""
    j = end
    while j < len(doc) and not doc[j].ent_type_ and is_name_word(doc[j]) and not doc[j].is_sent_start:
        j += 1
    return j


def _based_end(doc: Doc, run: int) -> int | None:
    """Past a place's "-based" written at ``run`` after its name ("Chicago-based", "Austin, Texas-based"): the
    token after "based"; None when the name run is no such place."""
    if run + 1 < len(doc) and doc[run].text == "," and is_name_word(doc[run + 1]):
        run = _name_run(doc, run + 1, allow_and=False)  # "Austin, Texas-based": the state the city is in
    hyphen = run < len(doc) - 2 and doc[run].text in ("-", "–") and not doc[run - 1].whitespace_
    return run + 2 if hyphen and not doc[run].whitespace_ and doc[run + 1].lower_ == "based" else None


def _past_owner(doc: Doc, start: int, run: int, lex: Lexicon) -> tuple[int, int]:
    """An organisation written with its owner's possessive ("director of Trump's National Economic Council",
    "a fellow at Tel Aviv University's Institute for National Security"): the unit after the possessive holds
    the office, not its owner. It is named with its owner when the model reads one name across the possessive
    ("the CDC's Center for Global Health", "Patrolmen's Benevolent Association"), when the owner is a place
    ("Missouri's Republican Party") or when the unit is a bare head word ("the U.S. Attorney's Office"). A unit
    that does not end the phrase was not read whole ("the ACLU's LGBT efforts", "the Fraternal Order of Police"):
    the owner stays, as before."""
    if run + 1 >= len(doc) or doc[run].text not in POSSESSIVE or not is_name_word(doc[run + 1]):
        return start, run
    inner = _org_after(doc, run + 1, lex)
    if inner is None or inner[0] != run + 1 or not _ends_phrase(doc, inner[1]):
        return start, run
    one_name = (
        (doc[run - 1].ent_iob_ != "O" and doc[run].ent_iob_ == "I" and doc[run + 1].ent_iob_ == "I")
        or (inner[1] - inner[0] == 1 and doc[inner[0]].lower_ in lex.org_heads)
        or lex.seat_place(doc[start:run].text) is not None
    )
    return (start, inner[1]) if one_name else inner


def _ends_phrase(doc: Doc, i: int) -> bool:
    """Token ``i`` closes the noun phrase before it: punctuation, a verb, a conjunction or a preposition that
    starts no part of a name ("of", "for", "to", "in" may: "Center for Politics", "Committee to Protect ...")."""
    if i >= len(doc) or doc[i].is_punct or doc[i].lower_ in ("who", "which", "that"):
        return True
    return doc[i].pos_ in ("VERB", "AUX", "CCONJ", "ADP") and doc[i].lower_ not in _NAME_PREPOSITIONS


# Prepositions inside organisations' names.
_NAME_PREPOSITIONS = frozenset({"of", "for", "to", "in"})


_AFFILIATION_PREPOSITIONS = frozenset({"at", "of", "for", "with"})


def _parsed_appositives(doc: Doc, lex: Lexicon, starts: Sequence[tuple[Span, int]]) -> list[tuple[Office, list[int]]]:
    """ "William Brewer, partner at Brewer, Attorneys & Counselors": a common noun the parser attaches to a
    person's name as an apposition, with an organisation the model names after "at/of/for/with", is an office
    whatever the noun; without such an organisation ("a mother of three") it is not. Read at the apposition
    ``starts`` (``_apposition_starts``)."""
    found = []
    for ent, k in starts:
        head = next((t for t in doc[k : min(k + _COMPOUND_APPOSITION_TOKENS, len(doc))] if t.dep_ == "appos"), None)
        if head is not None and head.lower_ == "one" and ent.start <= head.head.i < ent.end:
            found.extend(_conjoined_office(doc, ent, head.i, lex))
            continue
        if head is None or head.pos_ != "NOUN" or not head.is_lower or not ent.start <= head.head.i < ent.end:
            continue
        if any(not (t.is_lower and t.pos_ in ("ADJ", "NOUN")) for t in doc[k : head.i]):
            compound = _compound_affiliation(doc, ent, k, head.i, lex)
            if compound is not None:
                found.append(compound)
            continue
        holder = _affiliation(doc, head, lex)
        if holder is None:
            continue
        office = Office(doc[k : head.i + 1].text, k, head.i + 1, *holder, False, None, -1, -1, ent.start, ent.end)
        found.append((office, list(range(k, head.i + 1))))
        found.extend(_coordinated_office(doc, office, lex))
    return found


# How far after "one" of "NAME, one of the authors of the study and a professor at ORG" the "and" may stand.
_MEMBERSHIP_TOKENS = 10


def _conjoined_office(doc: Doc, ent: Span, one: int, lex: Lexicon) -> list[tuple[Office, list[int]]]:
    """ "NAME, one of the authors of the report and a professor at the MIT Sloan School of Management": an
    apposition that makes its holder one of a group holds no office, and the noun joined to it by "and" does,
    with an organisation the model names after "at/of/for/with" (the parser hangs the noun on "one" or on the
    group's noun, so the surface is read up to the apposition's end)."""
    for j in range(one + 1, min(one + _MEMBERSHIP_TOKENS, len(doc) - 1)):
        if doc[j].is_punct or doc[j].is_sent_start:
            return []
        if doc[j].lower_ != "and":
            continue
        start = j + 2 if doc[j + 1].lower_ in _ARTICLES else j + 1
        noun = start
        while noun < min(start + 3, len(doc)) and doc[noun].is_lower and doc[noun].pos_ == "ADJ":
            noun += 1
        if noun >= len(doc) or not doc[noun].is_lower or doc[noun].pos_ != "NOUN":
            return []
        holder = _affiliation(doc, doc[noun], lex)
        if holder is None:
            return []
        office = Office(doc[start : noun + 1].text, start, noun + 1, *holder, False, None, -1, -1, ent.start, ent.end)
        return [(office, list(range(start, noun + 1)))]
    return []


# How far after an apposition's start its head noun may stand: "a former National Security Council official".
_COMPOUND_APPOSITION_TOKENS = 8


def _compound_affiliation(doc: Doc, ent: Span, k: int, head: int, lex: Lexicon) -> tuple[Office, list[int]] | None:
    """ "NAME, a former Justice Department spokesman", "NAME, the former Fox News contributor": an apposition whose
    head noun follows an organisation the model names, compounded onto it, holds an office of that organisation
    whatever the noun, as "NAME, partner at FIRM" does (the organisation written before the noun instead of after
    "at"). A noun that names a person's standing rather than an office is none ("a Navy veteran", "a Trump
    friend": `standing_nouns` in the lexicon). Status words ("former") join the title; lower-case adjectives before the organisation join it when the lexicon lists
    them as a title's modifiers ("a senior White House adviser") and are dropped otherwise: they judge the holder
    ("the hard-right White House adviser", "an influential Weekly Standard columnist", "a veteran GOP strategist")."""
    if doc[head].lower_ in lex.standing_nouns:
        return None
    i = k
    status: list[int] = []
    kept: list[int] = []
    while i < head and (doc[i].is_lower or doc[i].text == "-") and doc[i].pos_ in ("ADJ", "PUNCT"):
        if doc[i].lower_ in lex.status_modifiers:
            status.append(i)
        elif doc[i].lower_ in lex.lowercase_modifiers:
            kept.append(i)
        i += 1
    if doc[i].ent_iob_ != "B" or doc[i].ent_type_ != "ORG":
        return None
    org_end = i + 1
    while org_end < head and doc[org_end].ent_iob_ == "I":
        org_end += 1
    if any(doc[t].text in POSSESSIVE for t in range(i, org_end)):
        return None  # "Christie's Democratic opponent": the organisation is the model's misreading of an owner
    if doc[org_end].ent_iob_ == "I" or any(not (t.is_lower and t.pos_ in ("ADJ", "NOUN")) for t in doc[org_end:head]):
        return None
    title_tokens = [*status, *kept, *range(org_end, head + 1)]
    title = " ".join(doc[t].text for t in title_tokens)
    org_start = _skip_det(doc, i)
    holder = lex.holder(doc[org_start:org_end].text)
    office = Office(title, org_end, head + 1, holder, org_start, org_end, False, None, -1, -1, ent.start, ent.end)
    return office, title_tokens


def _coordinated_office(doc: Doc, first: Office, lex: Lexicon, *, depth: int = 0) -> list[tuple[Office, list[int]]]:
    """A second apposition joined to the first by "and": "NAME, partner at FIRM and counsel for the NRA" -- a
    lower-case noun phrase with an organisation the model names after "at/of/for/with" (empty when there is
    none). The parser tends to hang the second noun on the first organisation, so this reads the surface.

    Since entities.rules.v40 the second office may also follow a comma ("NAME, an MBA candidate at Wharton, an
    economics contributor for Forbes and the co-founder of ORG"), open with an article, and carry a participle or
    a hyphenated word ("and contributing editor at National Review", "the co-founder of"); each such office is one
    more, read on from the one before (``_STACKED_OFFICES`` at most). Those readings name an office only with a
    head noun the lexicon lists as a title or WordNet as a person's job (``job_titles``), since a comma after an
    organisation also opens the organisation's own apposition ("at Alphabet, a unit of ...", "at ORG, a think
    tank in ...")."""
    j = first.of_end
    if depth >= _STACKED_OFFICES or first.of_start < first.end or j + 2 >= len(doc):
        return []
    comma = doc[j].text == ","
    if comma and doc[j + 1].lower_ == "and":
        j += 1
    if doc[j].lower_ != "and" and not comma:
        return []
    start = j + 1
    article = doc[start].lower_ in _ARTICLES
    start += article
    k, new_words = start, False
    while k < min(start + _COORDINATED_WORDS, len(doc)) and _coordinated_word(doc, k):
        new_words = new_words or doc[k].pos_ not in ("ADJ", "NOUN")
        k += 1
    if k == start or doc[k - 1].pos_ != "NOUN" or k >= len(doc) or doc[k].lower_ not in _AFFILIATION_PREPOSITIONS:
        return []
    if (comma or article or new_words) and not _person_noun(doc[k - 1], lex):
        return []
    org = _skip_det(doc, k + 1)
    if org >= len(doc) or doc[org].ent_iob_ != "B" or doc[org].ent_type_ not in ("ORG", "GPE"):
        return []
    org_end = next((t for t in range(org + 1, len(doc)) if doc[t].ent_iob_ != "I"), len(doc))
    if _next_person_at(doc, org_end):
        return []
    holder = lex.holder(doc[org:org_end].text)
    office = first._replace(title=doc[start:k].text, start=start, end=k, of=holder, of_start=org, of_end=org_end)
    return [(office, list(range(start, k))), *_coordinated_office(doc, office, lex, depth=depth + 1)]


# How many offices may stand stacked after a person's first: "an MBA candidate at ORG, an economics contributor for
# ORG and the co-founder of ORG" has two after the first.
_STACKED_OFFICES = 3
# How many words a coordinated office may have ("contributing editor", "senior vice president": up to three before
# v40's hyphenated words, "co - founder", "vice - chair").
_COORDINATED_WORDS = 4


def _next_person_at(doc: Doc, i: int) -> bool:
    """A person's name right after a coordinated office's organisation, bare or after a comma: the office is that
    person's own, written before the name ("NAME, a spokesman for the State Department, and a spokesman for the
    Pentagon, NAME2"; "NAME, executive at ORG, and managing director at ORG2 NAME2"), not one more of the first
    person's. Both read wrong at v40 before the review (session 29); none of the 21 offices the review's sample
    moved (seed 69300) has a name there."""
    i += i < len(doc) and doc[i].text == ","
    return i < len(doc) and doc[i].ent_iob_ == "B" and doc[i].ent_type_ == "PERSON"


def _coordinated_word(doc: Doc, k: int) -> bool:
    """A word of a coordinated office: a lower-case adjective or noun, a lower-case participle that modifies the
    noun after it ("contributing editor", "managing director"), or a hyphen inside a word ("co-founder")."""
    tok = doc[k]
    if tok.text == "-":
        return 0 < k < len(doc) - 1 and doc[k - 1].is_lower and doc[k + 1].is_lower and not tok.whitespace_
    if not tok.is_lower:
        return False
    if tok.tag_ in ("VBG", "VBN"):
        return k + 1 < len(doc) and doc[k + 1].is_lower and doc[k + 1].pos_ in ("NOUN", "ADJ")
    return tok.pos_ in ("ADJ", "NOUN")


def _person_noun(tok: Token, lex: Lexicon) -> bool:
    """A noun the lexicon lists as a title word or WordNet names a person's job or position by (``job_titles``)."""
    return tok.lower_ in lex.title_words or tok.lemma_ in job_titles()


def _kind_object_name(doc: Doc, obj: Token, lex: Lexicon) -> tuple[int, int] | None:
    """The name written before the kind noun ``obj`` ("at the New America think tank": the parser makes "tank" the
    object), found from the first word of the noun phrase it heads."""
    kind = obj.i - 1 if obj.lower_ == "tank" and obj.i > 0 and doc[obj.i - 1].lower_ == "think" else obj.i
    if not _kind_noun_at(doc, kind, lex):
        return None
    start = kind
    while start > obj.left_edge.i and is_name_word(doc[start - 1]):
        start -= 1
    if start == kind:
        return None
    return _named_before_kind(doc, start, lex)


def _affiliation(doc: Doc, noun: Token, lex: Lexicon) -> tuple[str, int, int] | None:
    """The organisation the model names as the object of "at/of/for/with" after ``noun``."""
    for prep in noun.rights:
        if prep.dep_ != "prep" or prep.lower_ not in _AFFILIATION_PREPOSITIONS:
            continue
        for obj in prep.children:
            named = _kind_object_name(doc, obj, lex) if obj.dep_ == "pobj" else None
            if named is not None:
                return lex.holder(doc[named[0] : named[1]].text), *named
            if obj.dep_ == "pobj" and obj.ent_type_ in ("ORG", "GPE"):
                ent = next(e for e in doc.ents if e.start <= obj.i < e.end)
                start = _skip_det(doc, ent.start)
                return lex.holder(doc[start : ent.end].text), start, ent.end
    return None


def _parse_office(
    doc: Doc, start: int, end: int, lex: Lexicon, singular: str | None = None
) -> tuple[Office, list[int]] | None:
    """The office a title at ``start:end`` names and the tokens it spans; ``singular`` is that title in the
    singular where the text writes it in the plural before a list of names (``_plural_title``), so each name holds
    the one office and every rule below reads it as it reads the singular."""
    plural_at = start
    first = doc[start]
    lowercase = not first.text[:1].isupper()
    start = _modifiers_before(doc, _portfolio_before(doc, start, end, lex), lex)
    if lowercase:  # "communications director", "personal lawyer"; not "candidate Sen.", "liberal Rep."
        start = _adjectives_before(doc, _compounds_before(doc, start, end, lex), end, floor=0)
    of: str | None = None
    of_span = (-1, -1)
    of_ref = False
    named_in_apposition = False
    # Who the office belongs to, before the title: "Azerbaijan's Ambassador", "Azerbaijani President"; a
    # title right before it is an office of its own ("Judiciary Committee Chairman Rep. Jerry Nadler").
    holder = (
        None
        if _title_ends_at(doc, start, lex)
        else _holder_before(doc, start, lex) or _city_before(doc, start, end, lex)
    )
    holder, start = _chamber_party(doc, holder, start, lex)
    holder = _party_beside_place(doc, holder, lex)
    title, title_tokens = doc[_office_start(doc, start, end, lex) : end].text, list(range(start, end))
    if singular is not None:  # "Former Govs. Jeb Bush and Chris Christie" -> "Former Gov." each
        title = " ".join(x for x in (doc[_office_start(doc, start, end, lex) : plural_at].text, singular) if x)
    # The office's last word names it, and a status written before it later ("then-Sen.") leaves that as it is.
    seat = lex.holds_seat(title)
    if seat:
        holder = _seat_holder(doc, _state_of_party(doc, holder, lex), lex)
    party_start = start
    if (
        holder is not None
        and holder[0] in lex.parties.values()
        and (lex.is_national(title) or seat)
        # "Tory Shadow Chancellor NAME": the party's frontbench office, the party holds it (a shadow office alone is
        # its nation's: ``Lexicon.is_national``)
        and not lex.is_shadow(title)
        # "the Liberal Democrats' President NAME": a possessive party holds the office (the party's president)
        and not (holder[2] < len(doc) and doc[holder[2]].text in POSSESSIVE)
    ):
        # "Republican President Donald Trump", "Republican Sen. Susan Collins": the party is the holder's, the
        # office the nation's or a state's seat; a status before the party is the title's ("former Republican Sen.
        # Scott Brown" is a former senator: 25 "former PARTY Sen./Rep./Gov." in the AllSides corpus outside
        # gold/dev, the "former" lost before)
        party_start, holder = holder[1], None
    if holder is not None:
        of, of_span = holder[0], (holder[1], holder[2])
        # A status written before the holder still qualifies the title: "former Russian President",
        # "presumptive Republican nominee" -> "former President", "presumptive nominee".
        # "Former Democratic Maryland Governor": the status stands before the holder's party word.
        status_end = holder[1] - 1 if holder[1] > 0 and doc[holder[1] - 1].lower_ in lex.parties else holder[1]
        lead = _status_before(doc, status_end, lex)
        if lead < status_end:
            title = _with_status(doc, lead, status_end, title)
            title_tokens[:0] = range(lead, status_end)
    posting = _posting(doc, holder, title, end, lex) if holder is not None else None
    if posting is not None:
        of, of_span = posting.of, posting.of_span
    if holder is None:
        reference = _org_reference_before(doc, start, lex)
        if reference is not None:
            of, of_span, of_ref = doc[reference].text, (reference, reference + 1), True
        lead = _status_before(doc, party_start, lex)
        if lead < party_start:  # "then-Secretary of State", "ex-Sen."
            title = _with_status(doc, lead, party_start, title)
            title_tokens[:0] = range(lead, party_start)
    j = end
    if j < len(doc) and doc[j].lower_ == "for":
        run = _name_run(doc, j + 1, allow_and=True)
        split = _split_run(doc, j + 1, run, lex)
        run = split if split is not None else run
        # "a spokesman for Mr. Durham": an honorific opens the name of whom the office serves, as a title does
        # below; before, "spokesman for Mr." was read as a title held by Durham.
        # (a text may end on "for": a headline or a cut paragraph, "White House spokesman for")
        if (j + 1 < len(doc) and doc[j + 1].lower_ in lex.honorifics) or any(
            _title_at(doc, k, lex) > k for k in range(j + 1, run)
        ):
            # "a spokesman for Gov. Roy Cooper", "a personal attorney for President Trump": the name after "for"
            # is whom the office serves, holding the title written before it, not the spokesman's office (22
            # "spokesman/aide/adviser/lawyer/attorney for TITLE NAME" in the AllSides corpus outside gold/dev)
            return None
        if run > j + 1:
            title_tokens.extend(range(j, run))
            title, j = f"{title} {doc[end:run].text}", run
    if j + 1 < len(doc) and doc[j].lower_ == "of":
        if lowercase and first.lower_ not in lex.lowercase_titles:
            return None
        parsed = _office_of(doc, j, title, lex)
        if parsed is None:
            return None
        title, of_start, of_end, j, of_ref, extra = parsed
        if lowercase and (j >= len(doc) or doc[j].text != ","):
            return None  # "the chairman of the Senate Intelligence panel": a lower-case title names its holder after a comma
        title_tokens.extend(extra)
        if of_start >= 0:
            of_text = doc[of_start:of_end].text
            of, of_span = (lex.country(of_text) or of_text), (of_start, of_end)
        # The name after the comma closes an apposition ("The mayor of Milwaukee, Tom Barrett, is ..."); a name
        # a verb follows is the sentence's subject ("assessing the next president of the United States,
        # Petraeus emphasized ...").
        named_in_apposition = lowercase
        lowercase = False  # the comma checked above stands before the name
    to: str | None = posting.to if posting is not None else None
    to_span = posting.to_span if posting is not None else (-1, -1)
    if j + 1 < len(doc) and doc[j].lower_ == "to":
        envoy = _envoy_to(doc, j, lex)
        if envoy is None:
            return None
        to, to_span, j = envoy[0], (envoy[1], envoy[2]), envoy[2]
    if lowercase and not _person_follows(doc, _past_titles(doc, j, lex), lex):
        return None  # "Russia's ambassador to the US, Anatoly Antonov": a lower-case title before a tagged name
    if j < len(doc) and doc[j].text == ",":
        j += 1
    while j < len(doc) and doc[j].lower_ in lex.honorifics:
        j += 1
    while j < len(doc) and doc[j].text[:1].isupper() and _title_at(doc, j, lex) > j:
        j = _title_at(doc, j, lex)  # a second title stacked before the name holds its own office
    person_end = _person_run(doc, j, lex)
    if person_end == j:
        return None
    if named_in_apposition and person_end < len(doc) and not doc[person_end].is_punct:
        return None
    if named_in_apposition and lex.seat_place(doc[j:person_end].text):
        # "NAME, the mayor of Miami Beach, Fla., ...": the state after the comma places the city, it holds no office
        return None
    if of is None or of in lex.parties.values() or (seat and lex.country(of)):
        # A lawmaker's state (party-state tag, "of STATE") names the seat; the party or the country before the
        # title does not ("U.S. Representative Michael McCaul of Texas").
        after = _holder_after(doc, person_end, lex, seat=seat)
        if after is not None:
            of, of_span = after[0], (after[1], after[2])
    if of is None and _title_head(title) in lex.city_titles:
        city = _city_after(doc, person_end, lex)
        if city is not None:
            of, of_span = city[0], (city[1], city[2])
    if of is None:
        where = _place_where(doc, _status_before(doc, start, lex), title, lex)
        if where is not None:
            of, of_span = where[0], (where[1], where[2])
    # "pro-Kremlin president NAME": a stance right before the title is no holder (`_holder_before`), and the title
    # is no office of the report's home country either (he was Ukraine's president, read "of Russia" in v22).
    stance = of is None and start > 0 and stance_prefix(doc, start - 1)
    office = Office(title, start, end, of, *of_span, of_ref, to, *to_span, j, person_end, stance)
    return office, title_tokens


def _city_after(doc: Doc, person_end: int, lex: Lexicon) -> tuple[str, int, int] | None:
    """ "Mayor Pete Buttigieg of South Bend, Indiana", "Mayor Bill de Blasio of New York": a city's office
    (`city_titles`) written with "of" and a place the model names right after the holder's name is that place's;
    a country there is none (a city's office is no country's). Seats and countries were read after the name before,
    a city's office was left with no holder (8 "Mayor NAME of PLACE" in the AllSides corpus outside gold/dev)."""
    if person_end + 1 >= len(doc) or doc[person_end].lower_ != "of":
        return None
    ent = next((e for e in doc.ents if e.start == person_end + 1 and e.label_ in ("GPE", "LOC")), None)
    if ent is None or lex.country(ent.text) is not None:
        return None
    return ent.text, ent.start, ent.end


def _place_where(doc: Doc, start: int, title: str, lex: Lexicon) -> tuple[str, int, int] | None:
    """ "in Missouri, where Gov. Jay Nixon declared ...", "in Mexico, where President-elect Andres Manuel Lopez
    Obrador ...": a title with no holder written, opening a "where" clause on a place, is that place's office when
    the place may have it: a country's own offices, a US state's seats, a city's (`city_titles`). Before, the
    governor had no state and the Mexican president-elect was the report's home country's (7 "in PLACE, where
    TITLE NAME" in the AllSides corpus outside gold/dev)."""
    k = start - 1
    if k < 3 or doc[k].lower_ != "where":
        return None
    k -= 1 if doc[k - 1].text == "," else 0
    ent = next((e for e in doc.ents if e.end == k and e.label_ == "GPE"), None)
    if ent is None or ent.start == 0 or doc[ent.start - 1].lower_ != "in":
        return None
    place = ent.text
    country = lex.country(place)
    if country is not None:
        return (country, ent.start, ent.end) if lex.may_hold(country, title) and not lex.holds_seat(title) else None
    state = lex.us_state(place)
    if state is not None:
        return (state, ent.start, ent.end) if lex.holds_seat(title) else None
    return (place, ent.start, ent.end) if _title_head(title) in lex.city_titles else None


def _envoy_to(doc: Doc, j: int, lex: Lexicon) -> tuple[str, int, int] | None:
    """Where an envoy is sent, after "to" at ``j``: a country ("to Pakistan") or an organisation written with
    "the" ("to the U.N."); None when neither follows."""
    to_start = _skip_det(doc, j + 1)
    to_end = _country_at(doc, to_start, lex)
    if to_end == to_start:
        to_end = _name_run(doc, to_start, allow_and=False)
        if to_end == to_start or (to_start == j + 1 and doc[to_start].ent_type_ != "GPE"):
            # an envoy to an organisation is written with "the" ("to the U.N."); to a place by its name ("to
            # Washington": the capital stands for its government)
            return None
        # The organisation ends where the model starts another name, or after an acronym that closes it
        # and that the model ran into the envoy's name ("to the U.N. Nikki Haley").
        to_end = next(
            (k for k in range(to_start + 1, to_end) if doc[k].ent_iob_ == "B" or _ACRONYM.fullmatch(doc[k - 1].text)),
            to_end,
        )
    return lex.holder(doc[to_start:to_end].text), to_start, to_end


def _title_ends_at(doc: Doc, start: int, lex: Lexicon) -> bool:
    """A capitalised lexicon title ends right before ``start``: two titles stacked before one name."""
    return any(doc[k].text[:1].isupper() and _title_at(doc, k, lex) == start for k in range(max(0, start - 3), start))


class _Posting(NamedTuple):
    """An ambassador's posting read before the title (``_posting``): the sender and where it is posted."""

    of: str | None
    # (-1, -1) where no sender is written.
    of_span: tuple[int, int]
    to: str
    to_span: tuple[int, int]


def _posting(doc: Doc, holder: tuple[str, int, int], title: str, title_end: int, lex: Lexicon) -> _Posting | None:
    """ "U.N. Ambassador Nikki Haley", "Russian U.N. Ambassador Vassily Nebenzia": an organisation the model names
    before an ambassador's title is where the ambassador is posted (the guide's `to`: "U.S. Ambassador to the U.N."),
    a state's representative there, not the organisation's own; a country written before it sends the ambassador
    (`of`), else `of` is left for the national reading. None where the words before the title name no organisation
    after an optional country, or the title (ending at ``title_end``) is followed by "to": the posting is written
    there, and the organisation before is the sender ("African Union Ambassador to the United States", "Arab League
    Ambassador to the United Nations")."""
    if not is_ambassador(title) or (title_end < len(doc) and doc[title_end].lower_ == "to"):
        return None
    first, end = holder[1], holder[2]
    k = _country_at(doc, first, lex)
    if k == first and lex.demonym(doc[first].text) is not None:
        k = first + 1
    if k >= end or doc[k].ent_type_ != "ORG" or lex.country(doc[k:end].text) is not None:
        return None
    of, of_span = (lex.holder(doc[first:k].text), (first, k)) if k > first else (None, (-1, -1))
    return _Posting(of, of_span, lex.holder(doc[k:end].text), (k, end))


# The head word of an ambassador's title (``_title_head``: "former U.N. ambassador" -> "ambassador").
_AMBASSADOR = "ambassador"


def is_ambassador(title: str) -> bool:
    """An ambassador's office ("Ambassador", "former U.N. ambassador"): the one posting a state sends a
    representative to, so its sender is a country even where none is written. Not an envoy, adviser or
    consultant "to" a country or an organisation, whom a state, the U.N. or a company may send or hire."""
    return _title_head(title) == _AMBASSADOR


def posted_country(to: str, lex: Lexicon) -> str | None:
    """The country an envoy's posting names ("Russia", "the U.S."; a capital standing for its government,
    "Washington" -> United States, "Kiev" -> Ukraine), by its display name; None for an organisation ("U.N.")."""
    code = seat_code(to) or capital_name_code(to)
    return lex.country(to) or (display_name(code) if code is not None else None)


def _state_of_party(doc: Doc, holder: tuple[str, int, int] | None, lex: Lexicon) -> tuple[str, int, int] | None:
    """ "Minnesota Democratic Senator": a state before a party word holds a seat's office, not the two words
    together ("Iowa GOP Chairman" is the state party's)."""
    if holder is None or holder[2] - holder[1] < 2 or doc[holder[2] - 1].lower_ not in lex.parties:
        return holder
    named = lex.seat_place(doc[holder[1] : holder[2] - 1].text)
    return holder if named is None else (named, holder[1], holder[2] - 1)


def _seat_holder(doc: Doc, holder: tuple[str, int, int] | None, lex: Lexicon) -> tuple[str, int, int] | None:
    """A seat's office belongs to a place (its state, "Texas Sen.", "U.S. Rep.", "Brooklyn Rep."), a party or a
    chamber written before it; any other name there is page or headline debris run into the title's sentence
    ("JUST WATCHED See Sen. Ted Cruz", "... relationship with Trump Sen. Kelly Loeffler (R-Ga.)", "THAT TIME SEN.
    PAT ROBERTS'"), which was the seat's `of` and kept a party-state tag after the name unread."""
    if holder is None or lex.seat_place(holder[0]) or holder[0] in lex.parties.values():
        return holder
    span = doc[holder[1] : holder[2]]
    if any(t.lower_ in lex.chambers or t.ent_type_ in _SEAT_PLACE_TYPES for t in span):
        return holder
    return None


# What the model names a seat's place as: a US state, a city, a region ("Brooklyn Rep.", "Hawaii senator").
_SEAT_PLACE_TYPES = frozenset({"GPE", "LOC", "NORP"})


def _city_before(doc: Doc, start: int, end: int, lex: Lexicon) -> tuple[str, int, int] | None:
    """A city written with its state before a city's office (`city_titles`), the AP way: "South Bend, Ind., Mayor",
    "Maricopa County, Arizona, Sheriff" (the city holds the office; before, none was found). 41 times "CITY, STATE,
    Mayor NAME" in the AllSides corpus outside gold/dev, in 6 cities. Other titles are not the place's: the place
    is where it happened ("In Newtown, Conn., President Obama ...", "Fort Greely, Alaska, Defense Secretary"; 10
    of 43 such offices changed, all wrong, before titles were kept to a city's)."""
    comma = start - 1
    if comma < 3 or doc[comma].text != "," or _title_head(doc[start:end].text) not in lex.city_titles:
        return None
    for k in range(max(0, comma - _STATE_TOKENS), comma):
        if lex.us_state(doc[k:comma].text) is not None and k > 1 and doc[k - 1].text == ",":
            city = _holder_before(doc, k - 1, lex)
            return city if city is not None and lex.us_state(city[0]) is None else None
    return None


def _party_beside_place(doc: Doc, holder: tuple[str, int, int] | None, lex: Lexicon) -> tuple[str, int, int] | None:
    """A party word beside a place before a title is the holder's party; the office is the place's: "Democratic
    Texas Rep.", "Republican Utah Gov.", "Democratic Newark Mayor" (the holder was "Democratic Texas"), and
    "Chicago's Democratic Mayor" (the holder was the Democratic Party). In the AllSides corpus outside gold/dev,
    "Democratic|Republican PLACE Rep.|Sen.|Gov.|Governor|Senator|Mayor NAME" is written 37 times and "PLACE's
    Democratic|Republican TITLE NAME" 9 times."""
    if holder is None or doc[holder[1]].lower_ not in lex.parties:
        return holder
    first, end = holder[1], holder[2]
    if end - first == 1:
        # "Chicago's Democratic Mayor": the possessive place before the party word holds the office
        if first < 2 or doc[first - 1].text not in POSSESSIVE:
            return holder
        before = _holder_before(doc, first, lex)
        if before is None or not _is_place(doc[before[1] : before[2]], lex):
            return holder
        return before
    rest = doc[first + 1 : end]
    return (lex.holder(rest.text), first + 1, end) if _is_place(rest, lex) else holder


def _is_place(span: Span, lex: Lexicon) -> bool:
    """A US state or country the lexicon lists, or a run of words the model tags a place ("Newark")."""
    return lex.seat_place(span.text) is not None or all(t.ent_type_ == "GPE" for t in span)


def _org_reference_before(doc: Doc, start: int, lex: Lexicon) -> int | None:
    """A lower-case organisation noun that holds the title, naming an organisation of the article: "department
    spokeswoman", "the agency's spokesman" (the token of the noun), for the entities extractor to resolve."""
    i = start - 1
    if i > 0 and doc[i].text in POSSESSIVE:
        i -= 1
    if i < 0 or not doc[i].is_lower or not _refers_back(doc[i], lex):
        return None
    if doc[i].lower_ not in lex.org_heads and i == start - 1:
        return None  # "group" names no organisation without its possessive ("a group spokesman" is of no group)
    if i > 0 and is_name_word(doc[i - 1]):
        return None  # "Justice department spokesman": the name is written; not a reference
    return i


def _refers_back(tok: Token, lex: Lexicon) -> bool:
    """An organisation noun ("the agency's") or a noun of kind alone ("the group's", "the state's") that refers back
    to what the report names."""
    return tok.lower_ in lex.org_heads or tok.lower_ in lex.kind_nouns


def _past_titles(doc: Doc, j: int, lex: Lexicon) -> int:
    """Past the capitalised titles stacked from ``j`` ("spokesman Rear Adm. John Kirby": the name is Kirby's)."""
    while j < len(doc) and doc[j].text[:1].isupper() and _title_at(doc, j, lex) > j:
        j = _title_at(doc, j, lex)
    return j


def _person_follows(doc: Doc, j: int, lex: Lexicon) -> bool:
    """A lower-case title stands before a name the model tagged ("department spokeswoman Heather Nauert"), or
    before a person's name it mistook for an organisation (``_person_tagged_org``)."""
    if j < len(doc) and doc[j].text == ",":
        j += 1
    if j >= len(doc) or doc[j].ent_iob_ != "B":
        return False
    return doc[j].ent_type_ == "PERSON" or _person_tagged_org(doc, j, lex)


# Words in a name the model tagged ORG after a lower-case title that still make it a person's: a given name and
# a surname, or with a middle name or initial.
_PERSON_ORG_TOKENS = (2, 3)


def _person_tagged_org(doc: Doc, j: int, lex: Lexicon) -> bool:
    """The ORG the model tags at ``j``, right after a lower-case title, is a person's name ("UN ambassador Nikki
    Haley", "Hawaii representative Tulsi Gabbard", "Houston trial lawyer Amber Mostyn"): two or three capitalised
    proper nouns, none an organisation's head, a title word, a country or a demonym, that end the noun phrase
    (not "a major United Nations conference"). In 200 random bulk AllSides reports outside gold/dev (seed 9310)
    the model so tagged 3 persons after a title, each without an office before."""
    if doc[j].ent_type_ != "ORG":
        return False
    end = next((k for k in range(j + 1, len(doc)) if doc[k].ent_iob_ != "I"), len(doc))
    if end - j not in _PERSON_ORG_TOKENS:
        return False
    words = doc[j:end]
    if not all(t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and t.text[1:].islower() for t in words):
        return False
    if any(_common_name_word(t, lex) for t in words):
        return False
    return not (end < len(doc) and doc[end].is_lower and doc[end].pos_ in ("NOUN", "PROPN", "ADJ"))
