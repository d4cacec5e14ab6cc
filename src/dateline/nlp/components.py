"""dateline's spaCy components, added after the model's ``ner``.

``dateline_entity_fixer`` corrects the small English model's known errors on titles and names, so that
every extractor sees better ``doc.ents``. Run over the samples and BBC 2004-05 texts, en_core_web_sm tags
"Pakistan Khazar Farhadov" as ORG (a title's complement glued to a name), "Azerbaijan's Milli Majlis" as
PERSON (a possessive country glued to an organisation), "Farhadov" and "Aliyeva" as ORG (surnames seen
without their first name), "Armenia" as ORG or PERSON, and splits "News.Az" into three tokens. The fixes are
general rules over a lexicon (``data/entities_lexicon.yaml``): office titles parsed into structured roles,
organisation names grown around their head noun ("... Institute of Science and Technology"), possessive
countries split off, countries and demonyms retyped, and person names propagated within the article.

Office parsing and the lexicon live in ``nlp/offices.py``; this module is the component. Besides
``doc.ents`` it assigns two Doc extensions, declared below: ``doc._.offices``, the offices it parsed (rows of
``offices.Office``), and ``doc._.nested_places``, the places named inside organisation names ("Islamabad" in
"Embassy of Azerbaijan in Islamabad"), which ``doc.ents`` cannot hold because entities there never overlap.
Both are plain tuples, so they survive ``Doc.to_bytes``. A third, ``doc._.model_ents``, keeps the model's own
entities as the fixer received them (``(start, end, label)`` rows): the attribution tagger's entity feature reads
them, so that no entity or office rule changes what the tagger was trained on (``attribution.features``).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dateline.nlp import paragraphs
from dateline.nlp.doctext import doc_text
from dateline.nlp.offices import (
    NICKNAME_QUOTES,
    POSSESSIVE,
    Lexicon,
    Office,
    _country_at,
    _hyphen_joins,
    _name_run,
    _skip_det,
    after_kind_noun,
    country_given_name,
    find_offices,
    group_org_end,
    hyphened_given_name,
    is_name_suffix,
    is_name_word,
    lexicon,
    nickname_close,
    org_extent,
    particle_end,
    stance_prefix,
)

COMPONENT = "dateline_entity_fixer"
# The Doc extensions the component assigns (``doc._.offices``, ``doc._.nested_places``).
OFFICES_ATTR = "offices"
NESTED_ATTR = "nested_places"
MODEL_ENTS_ATTR = "model_ents"
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})


def _declare_extensions() -> None:
    """Register the Doc extensions the component assigns; empty on a Doc the component has not run over."""
    for attr in (OFFICES_ATTR, NESTED_ATTR):
        if not Doc.has_extension(attr):
            Doc.set_extension(attr, default=())
    # None (not ``()``) on a Doc the fixer has not run over: its ``doc.ents`` are then the model's own.
    if not Doc.has_extension(MODEL_ENTS_ATTR):
        Doc.set_extension(MODEL_ENTS_ATTR, default=None)


_declare_extensions()

# The token-index fields of an office row (``offices.Office``): shifted when Docs are joined.
_OFFICE_TOKEN_FIELDS = ("start", "end", "of_start", "of_end", "to_start", "to_end", "person_start", "person_end")


def join_extensions(joined: Doc, parts: list[Doc]) -> None:
    """Set ``joined``'s extensions from those of ``parts``, the Docs it was joined from (``Doc.from_docs``
    drops Doc-level extensions): their token offsets moved by the tokens before each part."""
    fields = [Office._fields.index(name) for name in _OFFICE_TOKEN_FIELDS]
    offices: list[tuple[object, ...]] = []
    nested: list[tuple[int, int]] = []
    model_ents: list[tuple[int, int, str]] | None = (
        [] if all(p._.get(MODEL_ENTS_ATTR) is not None for p in parts) else None
    )
    shift = 0
    for part in parts:
        for row in part._.get(OFFICES_ATTR):
            moved = list(row)
            for i in fields:
                # -1 stands for "none" (an office that names no ``of``/``to``).
                moved[i] = row[i] + shift if row[i] >= 0 else row[i]
            offices.append(tuple(moved))
        nested.extend((start + shift, end + shift) for start, end in part._.get(NESTED_ATTR))
        if model_ents is not None:
            model_ents.extend((start + shift, end + shift, label) for start, end, label in part._.get(MODEL_ENTS_ATTR))
        shift += len(part)
    joined._.set(OFFICES_ATTR, offices)
    joined._.set(NESTED_ATTR, nested)
    joined._.set(MODEL_ENTS_ATTR, model_ents)


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
        dot = doc[i + 1]
        # The glued full stop first: few tokens are one, and each ``doc[k]`` builds a Token.
        if not (dot.text == "." and not dot.whitespace_):
            i += 1
            continue
        a, tld = doc[i], doc[i + 2]
        if not a.whitespace_ and a.text[:1].isupper() and a.is_alpha and tld.lower_ in lex.domains and tld.is_alpha:
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


def _datelines(doc: Doc, lex: Lexicon, words: list[str]) -> Iterable[tuple[int, int]]:
    """ "BAKU, Azerbaijan, February 23.": the capitalised place opening a line, before a comma and a country.
    ``words``: each token's text, read once by the caller; spaCy's ``is_alpha`` and ``is_upper`` are the text's
    ``str.isalpha`` and ``str.isupper``, so the words are tested without building a Token each."""
    for i, word in enumerate(words):
        # The token's own tests first: few tokens are capitalised words, and line_start reads the one before.
        if not (word.isalpha() and word.isupper() and len(word) >= 3 and line_start(doc, i)):
            continue
        end = i + 1
        while end < len(words) and words[end].isalpha() and words[end].isupper():
            end += 1
        if end + 1 < len(words) and words[end] == "," and _country_at(doc, end + 1, lex) > end + 1:
            yield i, end


def _agencies(doc: Doc, lex: Lexicon, lowers: list[str]) -> Iterable[tuple[int, int]]:
    """ "Trend reports referring to ...", "..., the Embassy told Malta Wire.": news outlets credited for a
    report. After "told", only a name that ends the sentence and that the model did not call a PERSON. ``lowers``:
    each token's ``lower_``, read once by the caller (both scans below test every word; ``doc[i]`` builds a Token,
    three a word before)."""
    for i in range(len(doc) - 2):
        if lowers[i] == "told" and is_name_word(doc[i + 1]) and doc[i + 1].ent_type_ != "PERSON":
            run = _name_run(doc, i + 1, allow_and=False)
            if run < len(doc) and doc[run].text == ".":
                yield i + 1, run
    for i in range(1, len(doc) - 1):
        if (lowers[i], lowers[i + 1]) in lex.agency_cues and is_name_word(doc[i - 1]):
            start = i - 1
            while start > 0 and is_name_word(doc[start - 1]) and not doc[start].is_sent_start:
                start -= 1
            yield start, i


# Honorifics written without a full stop that the model keeps in a name (session 20's counted class: "Mr/Ms/Mrs
# Name" in 170 AllSides reports; "Mx" is of the same kind). Not the whole lexicon list: "Dr Pepper", "Lord & Taylor",
# "Lady Gaga" are names that open with an honorific, so "Dr", "Lord", "Lady", "Sir", "Dame" and "Miss" stay in them.
_BARE_HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Mx"})
# Labels the model gives a person's name written with an honorific ("Mr Farage", "Ms Greening" were tagged ORG): the
# honorific makes them a person. A work or product named so ("Mrs Brown's Boys") keeps its label and its honorific.
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _normalise(doc: Doc, start: int, end: int, label: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """A model entity trimmed ("the", possessive), split at a leading country, and retyped by the lexicon."""
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    if start + 2 < end and stance_prefix(doc, start + 2):
        # "pro-Kremlin", "anti-Taliban": the stance is no part of the name it is for or against (a 300-report
        # sample of the AllSides corpus outside gold/dev: 5 names cut, 4 right, 1 doubtful, "anti-Trump America"
        # left as the organisation "Trump America"; a capitalised prefix in a model ORG stays, offices.stance_prefix)
        start += 2
    if 0 < start < end - 1 and f"{doc[start - 1].lower_} {doc[start].lower_}" in lex.relative_nouns:
        # "First Lady Melania Trump" tagged "Lady Melania Trump": a name starting inside a relative's noun
        # (`relative_nouns`) is the words after it.
        start += 1
    if start < end and doc[start].text in _BARE_HONORIFICS and label in _NAME_LABELS:
        # "Mr Franks", "Ms Kelly": the model keeps an honorific written without a full stop (British style) in the
        # name, so the person named "Trent Franks" before was a second one, "Mr Franks"; honorifics are no part of
        # a name (with the stop, "Mr. Obama", the model leaves it out), and one marks a person ("Mrs" alone, cut
        # from "Mrs May", names none).
        if end - start == 1:
            return []
        start, label = start + 1, "PERSON"
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
    # A leading country is split off ("Azerbaijan's Milli Majlis"), but not a given name that is a country ("Chad
    # Wolf", "Jordan Peterson": offices.country_given_name; 20 persons named whole in the reports counted for it).
    if start < country_end < end and not (label == "PERSON" and country_given_name(doc, start, end, lex)):
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


# The words that join two names ("Equity and Excellence Commission") or two bodies ("the World Health Organization
# and National Institutes of Health") inside an organisation the model tags.
_ORG_AND = frozenset({"and", "&"})
# Words that join an organisation's name words ("Equity and Excellence Commission", "National Congress on American
# Indians", "Office of Police Accountability").
_ORG_JOINERS = _ORG_AND | {"of", "on", "for", "in", "the"}


def _model_orgs(doc: Doc, model_ents: Iterable[Span]) -> list[tuple[int, int]]:
    """The model's organisations as names: without a leading article or a possessor ("Seattle's Office of ...")
    and without a closing possessive or punctuation."""
    spans = []
    for ent in model_ents:
        if ent.label_ != "ORG":
            continue
        start, end = ent.start, ent.end
        while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
            end -= 1
        start = max([start, *(i + 1 for i in range(start, end) if doc[i].text in POSSESSIVE)])
        while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
            start += 1
        if end - start > 1:
            spans.append((start, end))
    return spans


def _head_of(left: Span, lex: Lexicon) -> bool:
    """Whether the words before a name inside an organisation's are its head and a joiner ("Office of" of "Office of
    Police Accountability"): a person's name before "of" is no organisation's ("said Ryden of Hope College")."""
    return (
        len(left) > 1
        and left[0].lower_ in lex.org_heads
        and left[-1].lower_ in _ORG_JOINERS
        and all(is_name_word(t) or t.lower_ in _ORG_JOINERS for t in left)
    )


def _two_bodies(span: Span, lex: Lexicon) -> bool:
    """Whether the model's organisation is two joined by "and" or "&", a head noun on each side ("the World Health
    Organization and National Institutes of Health"), not one name with "and" inside ("Securities and Exchange
    Commission", "House Energy and Commerce Committee")."""
    sides: list[list[Token]] = [[]]
    for t in span:
        if t.lower_ in _ORG_AND:
            sides.append([])
        else:
            sides[-1].append(t)
    headed = [any(_org_head(t.lower_, lex) for t in side) for side in sides]
    return sum(headed) > 1


def _org_head(word: str, lex: Lexicon) -> bool:
    """An organisation's head noun, or its plural ("Institutes")."""
    return word in lex.org_heads or (word.endswith("s") and word[:-1] in lex.org_heads)


def _model_org_around(
    doc: Doc, start: int, end: int, model_orgs: list[tuple[int, int]], lex: Lexicon
) -> tuple[int, int]:
    """The model's organisation holding the one a rule grew around its head noun (``org_extent``), where the model
    reads the name further over name words and their joiners: the rule stops at "and" on the left ("Excellence
    Commission" of "the Equity and Excellence Commission", "Government Reform Committee" of "the House Oversight and
    Government Reform Committee"), at "on" on the right, or inside the name at a second head ("National Congress" of
    "the National Congress on American Indians"; "Police" of "Office of Police Accountability"). Else
    ``(start, end)``."""
    for m_start, m_end in model_orgs:
        if not (m_start <= start and end <= m_end and (m_start, m_end) != (start, end)):
            continue
        if _two_bodies(doc[m_start:m_end], lex):
            continue
        left, right = doc[m_start:start], doc[end:m_end]
        if not all(is_name_word(t) or t.lower_ in _ORG_AND for t in left) and not _head_of(left, lex):
            continue
        # Past the head a joiner goes on with the name, unless the head is itself inside it, after a joiner.
        inside = len(left) > 0 and left[-1].lower_ in _ORG_JOINERS
        if len(right) and ((right[0].lower_ not in _ORG_JOINERS and not inside) or not is_name_word(right[-1])):
            continue
        if all(is_name_word(t) or t.lower_ in _ORG_JOINERS for t in right):
            return m_start, m_end
    return start, end


def _is_stray_person(doc: Doc, start: int, end: int, surnames: set[str]) -> bool:
    """A one-word PERSON that only modifies a common noun ("the Karabakh conflict") is not a person."""
    if end - start != 1 or doc[start].text in surnames:
        return False
    tok = doc[start]
    return tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.is_lower


# The model's labels on the name words either side of a nickname when it misreads the name: a person, none, an
# organisation ("Darrell" of Darrell "Bubba" Wallace Jr.) or a work it takes the nickname and the surname for
# (Siobhan “Sam” Bennett: "Sam” Bennett"); never a place or a group, which a quoted phrase after a place name would be
# ("Arkansas 'Religious Freedom' Laws"). At least one side must be the model's person.
_NICKNAME_SIDE_LABELS = frozenset({"", "PERSON", "ORG", "WORK_OF_ART"})


def _nicknamed_people(doc: Doc, model_ents: Iterable[Span], lex: Lexicon) -> list[tuple[int, int]]:
    """Person names with a quoted nickname inside that the model split (Joseph "Keith" Kellogg: "Joseph" and
    "Kellogg"): one person from the start of the model's person before the marks, or the first name there, to the end
    of its person after them, or the surname there (past a hyphened second part, a generational suffix, a name
    particle). The words either side are name words and one of them the model's person, so a quoted phrase in a
    headline ("Paul Manafort 'Brazenly' Broke The Law") or a quotation after a name is left alone
    (docs/history/entities.md, session 29)."""
    found: list[tuple[int, int]] = []
    text = doc_text(doc)
    if not any(mark in text for mark in NICKNAME_QUOTES):
        # No quotation mark or apostrophe, no nickname. A cheap test that rarely spares the scan: 11 of 500 random
        # AllSides reports (seed 117000) have none, as the apostrophe is one of the marks.
        return found
    person_at: dict[int, tuple[int, int]] = {}
    for ent in model_ents:
        if ent.label_ == "PERSON":
            for i in range(ent.start, ent.end):
                person_at[i] = (ent.start, ent.end)
    for i in range(1, len(doc) - 1):
        if (close := nickname_close(doc, i)) < 0 or close + 1 >= len(doc):
            continue
        first, last = doc[i - 1], doc[close + 1]
        if i - 1 not in person_at and close + 1 not in person_at:
            continue
        if not all(is_name_word(tok) and tok.ent_type_ in _NICKNAME_SIDE_LABELS for tok in (first, last)):
            continue
        start = person_at[i - 1][0] if i - 1 in person_at else i - 1
        end = person_at[close + 1][1] if close + 1 in person_at else _surname_end(doc, close + 1)
        found.append((start, particle_end(doc, end, lex)))
    return found


def _surname_end(doc: Doc, j: int) -> int:
    """The end of a surname at ``j`` the model left out of its person: past a second part joined by a hyphen
    ("Abdul-Qaadir") and a generational suffix ("Sullenberger III")."""
    end = j + 1
    while end + 1 < len(doc) and _hyphen_joins(doc, end):
        end += 2
    return end + 1 if end < len(doc) and is_name_suffix(doc[end].text) else end


def _holder_in(office: Office, nicknamed: list[tuple[int, int]]) -> Office:
    """The office with its holder grown to the whole nicknamed name that holds its parsed holder ("Lt. Gen. Joseph
    "Keith" Kellogg": the title parse stops at the mark after "Joseph")."""
    for start, end in nicknamed:
        if start <= office.person_start < end:
            return office._replace(person_start=start, person_end=end)
    return office


def fix_entities(doc: Doc) -> Doc:
    """Rewrite ``doc.ents`` with the rules above; set ``doc._.offices``, ``doc._.nested_places`` and
    ``doc._.model_ents``."""
    lex = lexicon()
    _merge_domains(doc, lex)
    # The model's entities, read once: nothing below changes them before the last line sets the fixed ones, and
    # each read of ``doc.ents`` builds a Span per entity of the document.
    model_ents = doc.ents
    doc._.set(MODEL_ENTS_ATTR, tuple((ent.start, ent.end, ent.label_) for ent in model_ents))
    original = {i: ent.label_ for ent in model_ents for i in range(ent.start, ent.end)}
    claims = _Claims(len(doc))
    nicknamed = _nicknamed_people(doc, model_ents, lex)
    for start, end in nicknamed:
        claims.claim(start, end, "PERSON")
    offices = [(_holder_in(office, nicknamed), title_tokens) for office, title_tokens in find_offices(doc, lex)]
    for office, title_tokens in offices:
        claims.claim(office.person_start, office.person_end, "PERSON")
        for i in title_tokens:
            claims.claim(i, i + 1, None)
        if office.to_start >= 0:
            claims.claim(office.to_start, office.to_end, "GPE")
        if office.of_start >= 0 and not office.of_ref:
            of_text = doc[office.of_start : office.of_end].text
            model_label = doc[office.of_start].ent_type_
            # A name after a noun of its kind is an organisation, whatever the model tags it ("the research group
            # Palm Center", tagged a person: offices._kind_named).
            kind_named = after_kind_noun(doc, office.of_start, lex)
            of_label = (
                "ORG"
                if group_org_end(doc, office.of_start) >= office.of_end
                else "GPE"
                if lex.country(of_text) or lex.us_states.get(of_text.casefold()) == of_text
                else "NORP"
                if lex.demonym(of_text)
                else model_label
                if model_label in NAME_LABELS and not kind_named
                else "ORG"
            )
            claims.claim(office.of_start, office.of_end, of_label)
    for ent in model_ents:
        # "Bashar al-Assad": the model's person ends before a name particle; the name runs on past it, and on past
        # a hyphened given name's second syllable ("Kim Jong-un").
        end = particle_end(doc, ent.end, lex) if ent.label_ == "PERSON" else ent.end
        if ent.label_ == "PERSON" and end == ent.end and len(ent) >= 2 and hyphened_given_name(doc, end):
            end += 2
        if end > ent.end:
            claims.claim(ent.start, end, "PERSON")
    # The words read once for the scans of every token below: ``doc[i]`` builds a Token, and ``org_extent`` and
    # ``group_org_end`` return at once at a word that is not capitalised (most words), so they are asked only at
    # capitalised ones (``org_extent``'s own first test, a head noun's, read from the lists too).
    words: list[str] = []
    lowers: list[str] = []
    for tok in doc:
        words.append(tok.text)
        lowers.append(tok.lower_)
    capitalised = [i for i, word in enumerate(words) if word[:1].isupper()]
    extents = [
        extent
        for i in reversed(capitalised)
        if lowers[i] in lex.org_heads and (extent := org_extent(doc, i, lex)) is not None
    ]
    # A body named through "on" first: a head inside its subject is no organisation of its own ("Committee on
    # Government Reform" was "Government", the committee lost).
    through_on = [e for e in extents if any(t.lower_ == "on" for t in doc[e[0] : e[1]])]
    model_orgs = _model_orgs(doc, model_ents)
    for extent in [*through_on, *(e for e in extents if e not in through_on)]:
        grown = _model_org_around(doc, *extent, model_orgs, lex)
        if grown == extent or not claims.claim(*grown, "ORG"):
            claims.claim(*extent, "ORG")
    for i in capitalised:
        # "Americans for Prosperity": the model tags "Americans" a group and the rest apart (offices.group_org_end)
        end = group_org_end(doc, i)
        if end > i:
            claims.claim(i, end, "ORG")
    for start, end in _datelines(doc, lex, words):
        claims.claim(start, end, "GPE")
    for start, end in _agencies(doc, lex, lowers):
        claims.claim(start, end, "ORG")
    for i, word in enumerate(words):
        if "." in word[1:] and doc[i].pos_ == "PROPN" and word.rsplit(".", 1)[1].lower() in lex.domains:
            claims.claim(i, i + 1, "ORG")
    model: list[tuple[int, int, str]] = []
    for ent in model_ents:
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
    for i, word in enumerate(words):
        if word in surnames and doc[i].pos_ == "PROPN":
            claims.claim(i, i + 1, "PERSON")
    spans = sorted(claims.spans)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in spans]
    doc._.set(OFFICES_ATTR, [tuple(office) for office, _ in offices])
    doc._.set(NESTED_ATTR, _nested_places(doc, spans, original, lex))
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


@Language.component(
    COMPONENT, assigns=["doc.ents", f"doc._.{OFFICES_ATTR}", f"doc._.{NESTED_ATTR}", f"doc._.{MODEL_ENTS_ATTR}"]
)
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
