"""Office parsing: "Azerbaijan's Ambassador to Pakistan Khazar Farhadov" as a title, whose office (of, to) and
its holder, over the word lists of ``data/entities_lexicon.yaml``.

The lexicon, the token tests and the organisation extents live here too: offices are parsed with them, and
``dateline_entity_fixer`` (nlp/components.py) and the entities extractor read them from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from dateline.data import load_yaml

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# A person's name after a title is at most this many tokens ("Muhammad Talha Mahmud", "Khusro Pervaiz Khan");
# longer capitalised runs are organisation names or headlines, not names.
MAX_NAME_TOKENS = 4
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "X", "VERB"})


@dataclass(frozen=True)
class Lexicon:
    """The word lists of ``entities_lexicon.yaml``, lower-cased, with countries from ISO 3166 (pycountry)."""

    titles: dict[str, tuple[tuple[str, ...], ...]]
    lowercase_titles: frozenset[str]
    title_modifiers: frozenset[str]
    title_words: frozenset[str]
    honorifics: frozenset[str]
    portfolios: frozenset[str]
    org_heads: frozenset[str]
    generic_org_words: frozenset[str]
    located_org_heads: frozenset[str]
    education_heads: frozenset[str]
    sub_units: frozenset[str]
    place_suffixes: frozenset[str]
    domains: frozenset[str]
    agency_cues: frozenset[tuple[str, str]]
    countries: dict[str, str]
    demonyms: dict[str, str]

    def country(self, text: str) -> str | None:
        """The country ``text`` names ("Azerbaijan", "USSR"), or None."""
        return self.countries.get(text.casefold())

    def demonym(self, text: str) -> str | None:
        """The country a demonym refers to ("Azerbaijani", "Azerbaijanis" -> Azerbaijan), or None."""
        return self.demonyms.get(text.casefold())


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(text.lower().replace("-", " - ").split())


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The entity lexicon, loaded once per process."""
    import pycountry

    raw: dict[str, Any] = load_yaml("entities_lexicon.yaml")
    titles: dict[str, list[tuple[str, ...]]] = {}
    for title in raw["titles"]:
        words = _phrase(title)
        titles.setdefault(words[0], []).append(words)
    countries: dict[str, str] = {}
    for record in pycountry.countries:
        display = getattr(record, "common_name", None) or record.name
        for form in (record.name, display):
            countries[form.casefold()] = display
    for alias, name in raw["country_aliases"].items():
        countries[str(alias).casefold()] = str(name)
    demonyms: dict[str, str] = {}
    for word, country in raw["demonyms"].items():
        demonyms[word.casefold()] = country
        # Plural demonyms name the people ("Azerbaijanis"); forms ending in -sh/-ch/-ese have none.
        if word.endswith(("i", "an", "ot", "ino")):
            demonyms[word.casefold() + "s"] = country
    low = lambda key: frozenset(str(w).lower() for w in raw[key])  # noqa: E731
    return Lexicon(
        titles={k: tuple(sorted(v, key=len, reverse=True)) for k, v in titles.items()},
        lowercase_titles=low("lowercase_titles"),
        title_modifiers=low("title_modifiers"),
        title_words=frozenset(w for t in raw["titles"] for w in _phrase(t) if w != "-"),
        honorifics=low("honorifics"),
        portfolios=low("portfolios"),
        org_heads=low("org_heads"),
        generic_org_words=low("generic_org_words"),
        located_org_heads=low("located_org_heads"),
        education_heads=low("education_heads"),
        sub_units=low("sub_units"),
        place_suffixes=low("place_suffixes"),
        domains=low("domains"),
        agency_cues=frozenset((a, b) for a, b in raw["agency_cues"]),
        countries=countries,
        demonyms=demonyms,
    )


class Office(NamedTuple):
    """An office held by a named person, as token offsets into the Doc.

    ``of_ref`` marks an ``of`` that is a back-reference ("this university's Faculty ...") for the entities
    extractor to resolve; ``of_start == -1`` means the office names no ``of`` (likewise ``to_start``).
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


def _name_run(doc: Doc, i: int, *, allow_and: bool) -> int:
    """The end of a run of name words from ``i``, optionally joined by "and"/"&" ("Science and Technology")."""
    j = i
    while j < len(doc):
        joins = allow_and and doc[j].lower_ in ("and", "&") and j > i and j + 1 < len(doc) and is_name_word(doc[j + 1])
        if not (is_name_word(doc[j]) or joins):
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
        if doc[start - 1].lower_ in lex.title_words and doc[start - 1].lower_ not in lex.generic_org_words:
            break
        start -= 1
    end = head + 1
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        after = _name_run(doc, _skip_det(doc, end + 1), allow_and=True)
        if after > _skip_det(doc, end + 1):
            end = after
    if tok.lower_ in lex.located_org_heads and end + 1 < len(doc) and doc[end].lower_ == "in":
        after = _name_run(doc, end + 1, allow_and=False)
        if after > end + 1:
            end = after
    if start == head and end == head + 1 and tok.is_sent_start:
        return None
    return start, end


# --------------------------------------------------------------------------------------------- offices


def _title_at(doc: Doc, i: int, lex: Lexicon) -> int:
    """The end of the longest lexicon title starting at token ``i``, or i."""
    for words in lex.titles.get(doc[i].lower_, ()):
        end = i + len(words)
        if end <= len(doc) and tuple(t.lower_ for t in doc[i:end]) == words:
            return end
    return i


def _person_run(doc: Doc, i: int, lex: Lexicon) -> int:
    """The end of a person's name starting at ``i`` (after honorifics are skipped by the caller), or i."""
    j = i
    while j < len(doc) and j - i < MAX_NAME_TOKENS and is_name_word(doc[j]) and doc[j].pos_ == "PROPN":
        low = doc[j].lower_
        if low in lex.org_heads or low in lex.title_words or lex.country(doc[j].text) or lex.demonym(doc[j].text):
            break
        j += 1
    if j < len(doc) and doc[j].lower_ in lex.org_heads and doc[j].text[:1].isupper():
        return i  # "Heydar Aliyev Foundation": the name belongs to an organisation
    return j


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
    country_end = _country_at(doc, k, lex)
    if country_end > k and (country_end >= len(doc) or doc[country_end].text not in POSSESSIVE):
        return title, k, country_end, country_end, False, []
    run = _name_run(doc, k, allow_and=False)
    if run == k:
        return None
    split = _split_run(doc, k, run, lex)
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
    return None


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
    """Every "TITLE [of X] [to Y][,] NAME" construction, with the tokens that belong to the title."""
    lex = lex or lexicon()
    found: list[tuple[Office, list[int]]] = []
    i = 0
    while i < len(doc):
        end = _title_at(doc, i, lex)
        if end == i:
            i += 1
            continue
        parsed = _parse_office(doc, i, end, lex)
        if parsed is None:
            i = end
            continue
        found.append(parsed)
        i = parsed[0].person_end
    return found


def _parse_office(doc: Doc, start: int, end: int, lex: Lexicon) -> tuple[Office, list[int]] | None:
    first = doc[start]
    lowercase = not first.text[:1].isupper()
    if lowercase and first.lower_ not in lex.lowercase_titles:
        return None
    while start > 0 and doc[start - 1].lower_ in lex.title_modifiers and doc[start - 1].text[:1].isupper():
        start -= 1
    title_tokens = list(range(start, end))
    of: str | None = None
    of_span = (-1, -1)
    of_ref = False
    # Who the office belongs to, before the title: "Azerbaijan's Ambassador", "Azerbaijani President".
    if start >= 2 and doc[start - 1].text in POSSESSIVE:
        for s in range(start - 2, max(start - 5, -1), -1):
            if _country_at(doc, s, lex) == start - 1:
                of, of_span = lex.country(doc[s : start - 1].text), (s, start - 1)
                break
    elif start >= 1 and lex.demonym(doc[start - 1].text) and doc[start - 1].text[:1].isupper():
        of, of_span = lex.demonym(doc[start - 1].text), (start - 1, start)
    j = end
    title = doc[start:end].text
    if j < len(doc) and doc[j].lower_ == "for":
        run = _name_run(doc, j + 1, allow_and=True)
        split = _split_run(doc, j + 1, run, lex)
        run = split if split is not None else run
        if run > j + 1:
            title_tokens.extend(range(j, run))
            title, j = doc[start:run].text, run
    if j + 1 < len(doc) and doc[j].lower_ == "of":
        parsed = _office_of(doc, j, title, lex)
        if parsed is None:
            return None
        title, of_start, of_end, j, of_ref, extra = parsed
        title_tokens.extend(extra)
        if of_start >= 0:
            of_text = doc[of_start:of_end].text
            of, of_span = (lex.country(of_text) or of_text), (of_start, of_end)
    elif lowercase:
        return None
    to: str | None = None
    to_span = (-1, -1)
    if j + 1 < len(doc) and doc[j].lower_ == "to":
        to_end = _country_at(doc, j + 1, lex)
        if to_end == j + 1:
            return None
        to, to_span, j = lex.country(doc[j + 1 : to_end].text), (j + 1, to_end), to_end
    if j < len(doc) and doc[j].text == ",":
        j += 1
    while j < len(doc) and doc[j].lower_ in lex.honorifics:
        j += 1
    person_end = _person_run(doc, j, lex)
    if person_end == j:
        return None
    office = Office(title, start, end, of, *of_span, of_ref, to, *to_span, j, person_end)
    return office, title_tokens
