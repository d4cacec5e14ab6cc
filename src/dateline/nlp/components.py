"""dateline's spaCy components, added after the model's ``ner``.

``dateline_entity_fixer`` corrects the small English model's known errors on titles and names, so that
every extractor sees better ``doc.ents``. Run over the samples and BBC 2004-05 texts, en_core_web_sm tags
"Pakistan Khazar Farhadov" as ORG (a title's complement glued to a name), "Azerbaijan's Milli Majlis" as
PERSON (a possessive country glued to an organisation), "Farhadov" and "Aliyeva" as ORG (surnames seen
without their first name), "Armenia" as ORG or PERSON, and splits "News.Az" into three tokens. The fixes are
general rules over a lexicon (``data/entities_lexicon.yaml``): office titles parsed into structured roles,
organisation names grown around their head noun ("... Institute of Science and Technology"), possessive
countries split off, countries and demonyms retyped, and person names propagated within the article.

The component also records, in ``doc.user_data``, the offices it parsed (``OFFICES_KEY``) and the places
named inside organisation names (``NESTED_KEY``: "Islamabad" in "Embassy of Azerbaijan in Islamabad"),
which ``doc.ents`` cannot hold because entities there never overlap. Both are plain tuples, so they survive
``Doc.to_bytes``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from spacy.language import Language
from spacy.tokens import Span

from dateline.data import load_yaml
from dateline.nlp import paragraphs

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

COMPONENT = "dateline_entity_fixer"
OFFICES_KEY = "dateline.offices"
NESTED_KEY = "dateline.nested"
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})
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


# --------------------------------------------------------------------------------------------- the fixer


class _Claims:
    """Token ranges claimed by rules, first come first served, with their labels."""

    def __init__(self, size: int) -> None:
        self.owner = [False] * size
        self.spans: list[tuple[int, int, str]] = []

    def free(self, start: int, end: int) -> bool:
        return start < end and not any(self.owner[start:end])

    def claim(self, start: int, end: int, label: str | None) -> bool:
        """Claim ``[start, end)``; a None label blocks the tokens (title words) without making an entity."""
        if not self.free(start, end):
            return False
        for i in range(start, end):
            self.owner[i] = True
        if label is not None:
            self.spans.append((start, end, label))
        return True


def _merge_domains(doc: Doc, lex: Lexicon) -> None:
    """Merge "News" "." "Az" into one PROPN token "News.Az" (outlets named by their web domain)."""
    merges = []
    i = 0
    while i + 2 < len(doc):
        a, dot, tld = doc[i], doc[i + 1], doc[i + 2]
        if (
            dot.text == "."
            and not a.whitespace_
            and not dot.whitespace_
            and a.text[:1].isupper()
            and a.is_alpha
            and tld.lower_ in lex.domains
            and tld.is_alpha
        ):
            merges.append(doc[i : i + 3])
            i += 3
        else:
            i += 1
    if merges:
        with doc.retokenize() as retokenizer:
            for span in merges:
                retokenizer.merge(span, attrs={"POS": "PROPN", "TAG": "NNP"})


def line_start(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens a line (shared with statements.rules for "Label:" lines)."""
    return i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_


def _datelines(doc: Doc, lex: Lexicon) -> Iterable[tuple[int, int]]:
    """ "BAKU, Azerbaijan, February 23.": the capitalised place opening a line, before a comma and a country."""
    for i, tok in enumerate(doc):
        if not (line_start(doc, i) and tok.is_alpha and tok.is_upper and len(tok) >= 3):
            continue
        end = i + 1
        while end < len(doc) and doc[end].is_alpha and doc[end].is_upper:
            end += 1
        if end + 1 < len(doc) and doc[end].text == "," and _country_at(doc, end + 1, lex) > end + 1:
            yield i, end


def _agencies(doc: Doc, lex: Lexicon) -> Iterable[tuple[int, int]]:
    """ "Trend reports referring to ...", "..., the Embassy told Malta Wire.": news outlets credited for a
    report. After "told", only a name that ends the sentence and that the model did not call a PERSON."""
    for i in range(len(doc) - 2):
        if doc[i].lower_ == "told" and is_name_word(doc[i + 1]) and doc[i + 1].ent_type_ != "PERSON":
            run = _name_run(doc, i + 1, allow_and=False)
            if run < len(doc) and doc[run].text == ".":
                yield i + 1, run
    for i in range(1, len(doc) - 1):
        if (doc[i].lower_, doc[i + 1].lower_) in lex.agency_cues and is_name_word(doc[i - 1]):
            start = i - 1
            while start > 0 and is_name_word(doc[start - 1]) and not doc[start].is_sent_start:
                start -= 1
            yield start, i


def _normalise(doc: Doc, start: int, end: int, label: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """A model entity trimmed ("the", possessive), split at a leading country, and retyped by the lexicon."""
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    if start >= end or not any(c.isupper() for c in doc[start:end].text):
        return []
    text = doc[start:end].text
    if lex.country(text):
        return [(start, end, "GPE")]
    if lex.demonym(text):
        return [(start, end, "NORP")]
    country_end = _country_at(doc, start, lex)
    if start < country_end < end:
        rest = country_end + 1 if doc[country_end].text in POSSESSIVE else country_end
        rest_label = label
        if rest < end and all(is_name_word(t) for t in doc[rest:end]) and doc[end - 1].lower_ not in lex.org_heads:
            rest_label = "PERSON" if end - rest >= 2 else label
        return [(start, country_end, "GPE"), *_normalise(doc, rest, end, rest_label, lex)]
    if doc[end - 1].lower_ in lex.org_heads and doc[end - 1].text[:1].isupper():
        return [(start, end, "ORG")]
    if (
        label in ("GPE", "LOC")
        and end - start > 1
        and doc[end - 1].lower_ in lex.place_suffixes
        and doc[end - 1].is_lower
    ):
        end -= 1
    return [(start, end, label)]


def _is_stray_person(doc: Doc, start: int, end: int, surnames: set[str]) -> bool:
    """A one-word PERSON that only modifies a common noun ("the Karabakh conflict") is not a person."""
    if end - start != 1 or doc[start].text in surnames:
        return False
    tok = doc[start]
    return tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.is_lower


def fix_entities(doc: Doc) -> Doc:
    """Rewrite ``doc.ents`` with the rules above; record offices and nested places in ``doc.user_data``."""
    lex = lexicon()
    _merge_domains(doc, lex)
    original = {i: ent.label_ for ent in doc.ents for i in range(ent.start, ent.end)}
    claims = _Claims(len(doc))
    offices = find_offices(doc, lex)
    for office, title_tokens in offices:
        claims.claim(office.person_start, office.person_end, "PERSON")
        for i in title_tokens:
            claims.claim(i, i + 1, None)
        if office.to_start >= 0:
            claims.claim(office.to_start, office.to_end, "GPE")
        if office.of_start >= 0 and not office.of_ref:
            of_text = doc[office.of_start : office.of_end].text
            of_label = "GPE" if lex.country(of_text) else "NORP" if lex.demonym(of_text) else "ORG"
            claims.claim(office.of_start, office.of_end, of_label)
    for i in range(len(doc) - 1, -1, -1):
        extent = org_extent(doc, i, lex)
        if extent is not None:
            claims.claim(*extent, "ORG")
    for start, end in _datelines(doc, lex):
        claims.claim(start, end, "GPE")
    for start, end in _agencies(doc, lex):
        claims.claim(start, end, "ORG")
    for i, tok in enumerate(doc):
        if "." in tok.text[1:] and tok.pos_ == "PROPN" and tok.text.rsplit(".", 1)[1].lower() in lex.domains:
            claims.claim(i, i + 1, "ORG")
    model: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if ent.label_ in NAME_LABELS:
            model.extend(_normalise(doc, ent.start, ent.end, ent.label_, lex))
        else:
            model.append((ent.start, ent.end, ent.label_))
    surnames = _surnames(doc, claims.spans, model)
    for start, end, label in model:
        if label in NAME_LABELS and end - start == 1 and doc[start].text in surnames:
            label = "PERSON"
        if label == "PERSON" and _is_stray_person(doc, start, end, surnames):
            continue
        claims.claim(start, end, label)
    for i, tok in enumerate(doc):
        if tok.text in surnames and tok.pos_ == "PROPN":
            claims.claim(i, i + 1, "PERSON")
    spans = sorted(claims.spans)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in spans]
    doc.user_data[OFFICES_KEY] = [tuple(office) for office, _ in offices]
    doc.user_data[NESTED_KEY] = _nested_places(doc, spans, original, lex)
    return doc


def _surnames(doc: Doc, ruled: list[tuple[int, int, str]], model: list[tuple[int, int, str]]) -> set[str]:
    """Last names of the article's full-named people: "Farhadov" once "Khazar Farhadov" is a PERSON."""
    org_tokens = {i for s, e, label in ruled if label == "ORG" for i in range(s, e)}
    names = set()
    for start, end, label in (*ruled, *model):
        if label == "PERSON" and end - start >= 2 and not org_tokens.intersection(range(start, end)):
            last = doc[end - 1]
            if last.text[:1].isupper() and last.is_alpha:
                names.add(last.text)
    return names


def _nested_places(
    doc: Doc, spans: list[tuple[int, int, str]], original: dict[int, str], lex: Lexicon
) -> list[tuple[int, int]]:
    """Places after "of"/"in" inside an organisation's name ("Embassy of Azerbaijan in Islamabad")."""
    nested = []
    for start, end, label in spans:
        if label != "ORG":
            continue
        for i in range(start + 1, end - 1):
            if doc[i].lower_ not in ("of", "in"):
                continue
            j = _skip_det(doc, i + 1)
            k = j
            while k < end and is_name_word(doc[k]) and (original.get(k) in ("GPE", "LOC") or lex.country(doc[k].text)):
                k += 1
            if k > j and (k == end or doc[k].lower_ in ("in", "of")):
                nested.append((j, k))
    return nested


@Language.component(COMPONENT)
def entity_fixer(doc: Doc) -> Doc:
    """spaCy component: see the module docstring."""
    return fix_entities(doc)


def add_components(nlp: Language) -> None:
    """Add dateline's components to ``nlp`` (a no-op for components already present): paragraph breaks
    before the parser, the entity fixer after ``ner``."""
    if paragraphs.COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(paragraphs.COMPONENT, before="parser" if "parser" in nlp.pipe_names else None)
    if COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after="ner" if "ner" in nlp.pipe_names else None)
