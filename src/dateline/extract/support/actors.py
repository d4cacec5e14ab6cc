"""Event participants from the parse: the noun phrase an argument heads, resolved to a country and sector.

"Azerbaijan's Embassy" -> AZE, GOV; "Armenia's armed forces" -> ARM, MIL; "Azerbaijani President Ilham
Aliyev" -> AZE, GOV; "the United Nations" -> IGO. The country is the first country-naming word of the phrase
(a country name, a city's country, or a demonym), since English puts the actor's nationality before or right
after its head ("the Embassy of Azerbaijan in Islamabad": Azerbaijan, not Pakistan). The sector is the head
noun's (or failing that, a modifier's) entry in data/sectors.yaml.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan

from dateline.countries import (
    alpha3,
    capital_name_code,
    country_code,
    demonym_code,
    institution_code,
    seat_code,
    successor_code,
)
from dateline.data import load_yaml
from dateline.extract.support.common import HYPHENS, LastIndex
from dateline.gazetteer import FEATURE_ADMIN1, FEATURE_COUNTRY, load_gazetteer
from dateline.model import Actor, Article, Entity, Role, Span
from dateline.nlp.offices import POSSESSIVE
from dateline.nlp.offices import lexicon as offices_lexicon
from dateline.normalize import name_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

IGO = "IGO"  # PLOVER's gold records code intergovernmental organisations this way
# Dependents that start a new clause or a separate participant: not part of the actor's own phrase.
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "appos", "conj", "cc", "punct", "ccomp", "xcomp"})
# Prepositions whose phrase describes the participant itself, as the gold guide writes a description: what it
# belongs to or is part of ("the Embassy of Azerbaijan", "21 of those states"), where it is ("lawmakers in
# Washington", "speakers at the seminar") or what it stands for ("Minister for Interior"). Any other
# preposition on a participant's noun names another participant or the action's circumstance ("request by the
# city", "deals between the two countries", "ambassador from Riyadh" -- a verb's "from" the parse hangs on the
# noun, "Washington along with its allies"), which the participant's phrase leaves out.
_OWN_PREPS = frozenset({"of", "in", "at", "for"})
# Words whose prepositional phrases _own judges; an adjective's keeps its own ("officials close to Trump").
_NOMINALS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
# Prepositions by which an envoy's phrase names where the envoy is posted ("ambassador to the UN", "envoy at NATO").
_POSTING_PREPS = frozenset({"to", "at"})
_COUNTRY_ENTS = frozenset({"GPE", "NORP", "LOC", "ORG", "PERSON", "FAC"})
# The possessive endings that carry an "s" ("'s", "’s"), which a name read as text is stripped of
# ("al-Qaeda's" -> al-Qaeda); offices.POSSESSIVE owns the endings.
_S_ENDINGS = tuple(sorted(e for e in POSSESSIVE if e.endswith("s")))


@dataclass(frozen=True)
class ActorLexicon:
    sectors: dict[str, str]
    igos: frozenset[str]
    # Named non-state group -> its code (ISO alpha-3, or IMG for a transnational one): data/sectors.yaml groups.
    groups: dict[str, str]


# Distinct words whose country is kept per process (country_of_text).
COUNTRY_CACHE_SIZE = 20_000


@lru_cache(maxsize=1)
def lexicon() -> ActorLexicon:
    data = load_yaml("sectors.yaml")
    return ActorLexicon(
        sectors={name_key(k): v for k, v in data["sectors"].items()},
        igos=frozenset(name_key(k) for k in data["igos"]),
        groups={name_key(k): str(v) for k, v in data["groups"].items()},
    )


def _own(child: Token) -> bool:
    """Whether ``child`` belongs to its head's participant phrase (not a clause, a second participant or an
    action's circumstance), or lies inside the named entity its head is part of."""
    if child.dep_ in _CLAUSE_DEPS:
        return False
    if child.dep_ == "prep" and child.lower_ not in _OWN_PREPS and child.head.pos_ in _NOMINALS:
        # A preposition inside a name ("Cards Against Humanity", "National Right to Life": capitalised, or
        # inside the model's entity) is a word of the name.
        return child.head.pos_ == "PROPN" and (child.is_title or child.ent_iob_ == "I")
    return True


def phrase_of(head: Token, *, described: bool = True) -> SpacySpan:
    """The noun phrase ``head`` heads, without relative clauses, appositions or conjoined participants; as the
    participant is described (``described``), also without prepositional phrases that name another participant
    or a circumstance (``_OWN_PREPS``)."""
    keep = [head]
    belongs = _own if described else lambda c: c.dep_ not in _CLAUSE_DEPS
    stack = [c for c in head.children if belongs(c)]
    while stack:
        token = stack.pop()
        keep.append(token)
        stack.extend(c for c in token.children if belongs(c))
    start = min(t.i for t in keep)
    end = max(t.i for t in keep) + 1
    doc = head.doc
    # A possessor named as a participant ("rejected Mr. Obama's plan": Obama, through events' owner rule) is
    # named without its possessive ending, which marks the case of the phrase it owns, not the participant.
    trim = _owner_ending(head)
    while end - 1 > start and (doc[end - 1].is_punct or (trim and doc[end - 1].text in POSSESSIVE)):
        end -= 1
    # An opening quotation mark whose closing one was cut above goes too ("condemned the “deplorable shooting”"):
    # the phrase is the words; one closed inside the phrase stays ("the “best and brightest” tech experts").
    while start < end - 1 and (
        doc[start].dep_ == "det" or (doc[start].is_quote and not any(t.is_quote for t in doc[start + 1 : end]))
    ):
        start += 1
    return doc[start:end]


def _owner_ending(head: Token) -> bool:
    """Whether a possessive ending closing ``head``'s phrase marks an owner, not a name: a possessor ("Mr.
    Obama's plan") or anything but an organisation the model names. A firm named for its founder keeps the
    ending as its name ("Moody's downgraded", "Standard & Poor's cut", "sued McDonald's": 2 of 46 trims wrong on
    a 200-report sample, both kept by this test and none of the 44 right ones; docs/extractors.md, events v32)."""
    return head.dep_ == "poss" or head.ent_type_ != "ORG"


def name_fragment(token: Token) -> bool:
    """Whether ``token`` is a piece of a name, not a participant's head: a hyphen, a particle glued to one
    ("al-Assad", "el-Sisi": the model splits "al", "-", "Assad" and may make each a subject), or a lower-case
    particle inside a longer name ("Osama bin Laden"). The name's last word heads it."""
    if token.is_punct or token.text in HYPHENS:
        return True
    doc = token.doc
    if token.i + 1 < len(doc) and not token.whitespace_ and doc[token.i + 1].text in HYPHENS:
        return True
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return token.is_lower and token.ent_iob_ == "I" and following is not None and following.ent_iob_ == "I"


@lru_cache(maxsize=COUNTRY_CACHE_SIZE)
def country_of_text(text: str) -> str | None:
    """ISO alpha-2 a name or adjective points to: a country, a city's country, a demonym, or None. Cached:
    it runs for every proper noun or adjective of every actor phrase, and a miss scans every demonym stem."""
    clean = _without_ending(text.strip())
    iso = (
        country_code(clean)
        or seat_code(clean)
        or capital_name_code(clean)
        or institution_code(clean)
        or demonym_code(clean, derived=True)
        or successor_code(clean)
    )
    if iso:
        return iso
    found = load_gazetteer().lookup(clean)
    countries = [c for c in found if c.feature == FEATURE_COUNTRY]
    if countries:
        return countries[0].country
    primary = [c for c in found if c.is_primary and c.population >= _CITY_NATIONALITY_POPULATION]
    return primary[0].country if primary else None


# A city names a country ("Moscow said ...", "Berlin rejected ...") only when it is a major one; 1,000,000
# keeps capital-city metonymy while ignoring the thousands of small towns that share common names.
_CITY_NATIONALITY_POPULATION = 1_000_000


def _without_ending(text: str) -> str:
    """A name read as text without its possessive "'s" ("al-Qaeda's" -> "al-Qaeda")."""
    for ending in _S_ENDINGS:
        text = text.removesuffix(ending)
    return text


def resolve_country(phrase: SpacySpan) -> str | None:
    """ISO alpha-3 (or IGO) of the first country-naming part of the phrase."""
    key = name_key(phrase.text)
    lex = lexicon()
    # A pronoun is no organisation's acronym: "who" is not the WHO; nor is a word of a person's name ("the
    # government of Kim Jong Un" is not the UN's).
    posted = _before_posting(phrase)
    if phrase.root.pos_ != "PRON" and _names_igo(name_key(posted.text) if posted else key, posted or phrase, lex.igos):
        return IGO
    # The whole phrase ("Downing Street", "the White House"), whole entities ("United States"), then single
    # words ("Azerbaijani" inside an ORG mention).
    parts: list[tuple[int, int, str]] = [(phrase.start, -1, phrase.text)]
    ents = [n for e in ents_within(phrase) if e.label_ in _COUNTRY_ENTS for n in _owned_names(e)]
    parts += [(e.start, 0, e.text) for e in ents]
    # v53: two proper nouns in a row are read together before either alone, as a longer name comes first ("the
    # New York Times" names New York, not the Canadian region of York; "the Los Angeles Times" not Angeles City).
    parts += [
        (a.i, 1, phrase.doc[a.i : b.i + 1].text)
        for a, b in itertools.pairwise(phrase)
        if a.pos_ == "PROPN" and b.pos_ == "PROPN" and a.whitespace_
    ]
    parts += [(t.i, 2, t.text) for t in phrase if t.pos_ in ("PROPN", "ADJ") or t.ent_type_]
    # A word of a longer name is no group's name ("Liwa al Fatah" is not Fatah), nor, past that name's first word,
    # a nation's institution's (v54: "African National Congress president Oliver Tambo" is not of the US
    # Congress, whose country `stated_country` had carried to every mention of Tambo; "Senate Intelligence
    # Committee" is the Senate's).
    in_names = {i for e in ents if len(e) > 1 for i in range(e.start, e.end)}
    later = {i for e in ents if len(e) > 1 for i in range(e.start + 1, e.end)}
    for start, rank, text in sorted(parts):
        # An organisation named inside the phrase speaks for its members ("its European Community partners").
        if rank == 0 and name_key(text).removeprefix("the ") in lex.igos:
            return IGO
        inside = rank >= 1 and start in in_names
        group = None if inside else group_code(text)
        if group:
            return group
        if rank >= 1 and start in later and institution_code(_without_ending(text)):
            continue
        iso = country_of_text(text) or (_party_country(phrase.doc[start]) if rank == 2 and not inside else None)
        # A party named in full ("the Democratic Party", "Liberal Democrats"); one word goes by _party_country,
        # which reads the word before it too.
        if rank == 0 and " " in text.strip() and not iso:
            name = next(e for e in ents if e.start == start and e.text == text)
            party = offices_lexicon().party_of(_without_ending(text))
            iso = offices_lexicon().party_countries[party] if party and _capital_tells(name, party) else None
        if iso:
            return alpha3(iso)
    return None


# The entity labels a capitalised party word carries in the parse ("Republicans", "GOP", "Labour"), besides PROPN.
_PARTY_ENTS = frozenset({"NORP", "ORG"})


def _party_country(token: Token) -> str | None:
    """v62: ISO alpha-2 of the nation a party word names (``_party_word``; entities_lexicon.yaml
    ``party_countries``), when its capital is the name's and not only the sentence's (``_capital_tells``)."""
    found = _party_word(token)
    if found is None:
        return None
    party, first = found
    return offices_lexicon().party_countries[party] if _capital_tells(token.doc[first : token.i + 1], party) else None


def _party_word(token: Token) -> tuple[str, int] | None:
    """The party (``Lexicon.party_of``) a party word names ("Republican lawmakers", "Senate Democrats", "Tory
    MPs"), with the index of the name's first word, or None: a capitalised proper noun or named group, read with
    the capitalised word before it first ("Liberal Democrats" is Britain's party, not "Democrats"). Any other
    capitalised word before it, but a legislative chamber, a US state or the sentence's first word, makes a longer
    name that is no party of the list ("Christian Democrats", "Sweden Democrats": the model may tag the two words
    apart; "Senate Democrats", "Florida Republicans" are the party's). A lower-case or plain adjective
    ("conservative groups") names no party, nor does a portfolio before a minister's title ("Labour Minister
    Almir Pazzianotto", "the Labour Ministry said")."""
    if not token.text[:1].isupper() or not (token.pos_ == "PROPN" or token.ent_type_ in _PARTY_ENTS):
        return None
    lex = offices_lexicon()
    word = _without_ending(token.text)
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if (
        after is not None
        and word.casefold() in lex.portfolios
        and after.lower_ in _PORTFOLIO_HEADS | lex.national_title_heads
    ):
        return None
    before = token.doc[token.i - 1] if token.i else None
    if before is not None and before.text[:1].isupper():
        pair = lex.party_of(f"{before.text} {word}")
        if pair:
            return pair, before.i
        if not before.is_sent_start and before.lower_ not in lex.chambers and not lex.us_state(before.text):
            return None
    party = lex.party_of(word)
    return (party, token.i) if party else None


# A portfolio's minister or ministry ("Labour Minister", "Labour Ministry", "Labour Secretary"), never Britain's
# party in the corpora: Reuters' "Labour Minister" is Brazil's, France's, Ecuador's, South Africa's, Nigeria's or
# Cyprus's (14 of 14), its "Labour Ministry" Japan's or Spain's (4 of 4), its "Labour Department" the US's; the
# BBC's one "Economy and Labour Minister Wolfgang Clement" is Germany's, AllSides' "Labour Secretary Alexander
# Acosta" (2) America's. v62 as first built read one as GBR where its phrase names no country before the word
# ("Labour Minister Almir Pazzianotto", Brazil's). Besides a cabinet title's heads
# (``national_title_heads``: "minister", "secretary"), the portfolio's office.
_PORTFOLIO_HEADS = frozenset({"ministry", "department"})


def _capital_tells(name: SpacySpan, party: str) -> bool:
    """Whether the capital of ``name`` (a leading "the" aside), which names ``party``, may be taken for the
    party's: anywhere but at a sentence's start; there, unless the report names another nation's party inside a
    sentence and not this one. A US report's "Liberal Democrats loudly protested", beside "Among Democrats, it was
    193-3", is the Democrats' liberal wing, not Britain's party (v62 as first built read it so: its one wrong
    record in 440 unseen reports); so would be a US report's "Conservatives are excoriating Gov. Bob McDonnell"
    (88 AllSides sentences open with "Conservatives", nearly all American; the BBC's none). A report that names
    no party mid-sentence keeps the capital's reading ("Democrats have criticized Trump")."""
    first = name[1] if len(name) > 1 and name[0].lower_ == "the" else name[0]
    if not first.is_sent_start:
        return True
    named = _mid_sentence_parties(name.doc)
    nations = offices_lexicon().party_countries
    return party in named or all(nations[other] == nations[party] for other in named)


@lru_cache(maxsize=1)
def _mid_sentence_parties(doc: Doc) -> frozenset[str]:
    """The parties (``Lexicon.party_of``) the document names inside a sentence: by a party word
    (``_party_word``) whose name does not open its sentence, or by a longer entity that is the party's name ("the
    Liberal Democrats"); a word of any other longer name is no mention ("the Conservative Political Action
    Conference"). Read once while it is the Doc asked about (an actor's country is resolved many times over one
    document: each mention, each event), as ``tokens.columns`` is."""
    lex = offices_lexicon()
    parties: set[str] = set()
    covered: set[int] = set()
    for ent in doc.ents:
        if len(ent) > 1:
            covered.update(range(ent.start, ent.end))
            party = lex.party_of(_without_ending(ent.text))
            opening = ent[1] if ent[0].lower_ == "the" else ent[0]
            if party and not opening.is_sent_start:
                parties.add(party)
    for token in doc:
        if token.i in covered or token.is_sent_start or not token.text[:1].isupper():
            continue
        found = _party_word(token)
        if found is not None and not doc[found[1]].is_sent_start:
            parties.add(found[0])
    return frozenset(parties)


def _before_posting(phrase: SpacySpan) -> SpacySpan | None:
    """The phrase up to its head's posting ("the Iranian ambassador to the United Nations", "Syria's envoy at
    the UN", "the US representative to NATO": the words before "to"/"at"), or None when it has none. The
    organisation a national envoy is posted to is not whom the envoy speaks for, so the whole phrase's test for
    an organisation's name (``_names_igo``) reads the words before the posting; the organisation itself is still
    read as one of the phrase's parts, after any country named before it ("the ambassador to the UN" stays the
    UN's)."""
    posting = next(
        (c for c in phrase.root.children if c.dep_ == "prep" and c.lower_ in _POSTING_PREPS and c.i > phrase.start),
        None,
    )
    if posting is None or posting.i >= phrase.end:
        return None
    return phrase.doc[phrase.start : posting.i]


def _names_igo(key: str, phrase: SpacySpan, igos: frozenset[str]) -> bool:
    """Whether the phrase's name key is an organisation's of ``igos``, ends with one after a space (unless the
    phrase's last word is a person's) or starts with one before a space (unless its first word is). The words
    at either end of each space are looked up, not every name of the list tried at both ends: an actor phrase
    of every event and speaker asks."""
    if key in igos:
        return True
    cuts = []
    at = key.find(" ")
    while at >= 0:
        cuts.append(at)
        at = key.find(" ", at + 1)
    if any(key[at + 1 :] in igos for at in cuts) and phrase[-1].ent_type_ != "PERSON":
        return True
    return any(key[:at] in igos for at in cuts) and phrase[0].ent_type_ != "PERSON"


def _owned_names(entity: SpacySpan) -> list[SpacySpan]:
    """An entity span cut at its possessives: the model may tag an owner and what it owns as one name
    ("Osama bin Laden's al-Qaeda"), and each is a name of its own."""
    cuts = [t.i for t in entity if t.text in POSSESSIVE]
    bounds = [entity.start, *(i + 1 for i in cuts), entity.end]
    ends = [*cuts, entity.end]
    return [SpacySpan(entity.doc, a, b, label=entity.label) for a, b in zip(bounds[:-1], ends, strict=True) if b > a]


def group_code(text: str) -> str | None:
    """The code of a named non-state group ("Hezbollah" -> LBN, "al-Qaeda's" -> IMG; data/sectors.yaml
    ``groups``): its name carries no country word, and the sentence's first country is most often its
    adversary's."""
    clean = _without_ending(text.strip())
    return lexicon().groups.get(name_key(clean).removeprefix("the "))


def igo_named(entity: Entity) -> bool:
    """Whether an entity is an international organisation by any of its names: "the International Labor Office
    (ILO)" is the ILO, whose acronym the igos list holds, though the phrase an event reads spells it out."""
    igos = lexicon().igos
    return any(name_key(name).removeprefix("the ") in igos for name in (entity.name, *entity.aliases))


def ents_within(phrase: SpacySpan) -> list[SpacySpan]:
    """The named entities wholly inside ``phrase``, as ``Span.ents`` gives them, read from the tokens' IOB tags:
    ``Span.ents`` walks every entity of the document, which made long articles quadratic."""
    doc, out, i = phrase.doc, [], phrase.start
    while i < phrase.end:
        token = doc[i]
        starts = token.ent_iob_ == "B" or (token.ent_iob_ == "I" and (i == 0 or doc[i - 1].ent_iob_ == "O"))
        if not starts:
            i += 1
            continue
        j = i + 1
        while j < len(doc) and doc[j].ent_iob_ == "I" and doc[j].ent_type == token.ent_type:
            j += 1
        if j <= phrase.end:
            out.append(SpacySpan(doc, i, j, label=token.ent_type))
        i = j
    return out


def resolve_sector(phrase: SpacySpan, head: Token) -> str | None:
    """Sector of the head noun, else of the phrase's other words (two-word entries first: "armed forces")."""
    sectors = lexicon().sectors
    words = [t for t in phrase if not t.is_punct]
    for a, b in itertools.pairwise(words):
        if b.i == head.i and f"{a.lower_} {b.lemma_.lower()}" in sectors:
            return sectors[f"{a.lower_} {b.lemma_.lower()}"]
    if head.lemma_.lower() in sectors:
        return sectors[head.lemma_.lower()]
    for a, b in itertools.pairwise(words):
        if f"{a.lower_} {b.lemma_.lower()}" in sectors:
            return sectors[f"{a.lower_} {b.lemma_.lower()}"]
    for token in words:
        if token.lemma_.lower() in sectors:
            return sectors[token.lemma_.lower()]
    return None


def head_sector(head: Token) -> str | None:
    """The sector of the head noun alone ("embassy" -> GOV), whatever its modifiers."""
    return lexicon().sectors.get(head.lemma_.lower())


def entity_at(entities: tuple[Entity, ...], start: int, end: int) -> Entity | None:
    """The prior entity with a mention overlapping ``[start, end)``, preferring the longest mention."""
    best: tuple[int, Entity] | None = None
    for span, entity in _MENTIONS.of(entities).overlapping(start, end):
        if span.start < end and start < span.end and (best is None or span.end - span.start > best[0]):
            best = (span.end - span.start, entity)
    return None if best is None else best[1]


# Every mention of the article's entities, indexed (answers keep the entities' and their spans' order).
_MENTIONS: LastIndex[tuple[Span, Entity]] = LastIndex(
    lambda entities: [(span.start, span.end, (span, entity)) for entity in entities for span in entity.spans]
)


def make_actor(head: Token, article: Article, entities: tuple[Entity, ...], named: Entity | None = None) -> Actor:
    """The Actor for an argument head: its phrase, entity, country and sector. ``named``: the entity the head
    names though no mention of it covers the head (events' ``_alias_person``), read like one that does."""
    # The text is the participant as described; its country and sector may come from any of its prepositional
    # phrases ("militants from the Islamic State", "allies like South Korea", "a delegation from Iran").
    phrase, whole = _after_opening(phrase_of(head), article), _after_opening(phrase_of(head, described=False), article)
    start, end = phrase.start_char, phrase.end_char
    entity = named or entity_at(entities, head.idx, head.idx + len(head.text)) or _apposed_entity(head, entities)
    country = resolve_country(whole)
    if country is None and entity is not None:
        country = entity_country(entity)
    return Actor(
        text=phrase.text,
        entity=entity.name if entity else None,
        country=country,
        sector=resolve_sector(whole, head) or (_sector_from_roles(entity) if entity else None),
        span=Span.of(article.text, start, end),
    )


def _after_opening(phrase: SpacySpan, article: Article) -> SpacySpan:
    """v53: the phrase less the words of the report's dateline it begins with ("June 18 - Members of the Bull
    Moose": the parse may hang the body's first phrase on the dateline's date): where and when the report was
    filed is no word of a participant's description."""
    end = article.opening_end
    if not end or phrase.start_char >= end or phrase.root.idx < end:
        return phrase
    first = next(t.i for t in phrase if t.idx >= end)
    return phrase.doc[first : phrase.end]


def _apposed_entity(head: Token, entities: tuple[Entity, ...]) -> Entity | None:
    """The entity a description's apposition names ("the eurozone bailout fund, the European Stability
    Mechanism"; "the new finance minister, Euclid Tsakalotos"): the same participant, by name."""
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            entity = entity_at(entities, child.idx, child.idx + len(child.text))
            if entity is not None:
                return entity
    return None


def entity_country(entity: Entity) -> str | None:
    """An entity's own code: an international organisation by any of its names, else the country of an office
    it holds (entities.rules' roles: "Turkish President Erdogan" -> TUR)."""
    return IGO if igo_named(entity) else _country_from_roles(entity)


def _country_from_roles(entity: Entity) -> str | None:
    """A person's country from the office entities.rules records: "Ambassador of Azerbaijan" -> AZE; an office
    of a state or province is its country's ("senator of Vermont" -> USA, "premier of Ontario" -> CAN)."""
    for role in entity.roles:
        if role.of:
            iso = country_of_text(role.of) or _division_country(role.of)
            if iso:
                return alpha3(iso)
    return None


def _division_country(name: str) -> str | None:
    """ISO alpha-2 of the country whose first-level division ``name`` is: a US state by the offices lexicon
    (which owns them, abbreviations included: "Ariz."), else a division the gazetteer knows in one country
    only ("Punjab", a province of Pakistan and a state of India, names none)."""
    if offices_lexicon().us_state(name):
        return "US"
    countries = {c.country for c in load_gazetteer().lookup(name) if c.feature == FEATURE_ADMIN1}
    return countries.pop() if len(countries) == 1 else None


def _sector_from_roles(entity: Entity) -> str | None:
    """The sector of the first of a person's offices (entities.rules' roles) that gives one (``_office_sector``)."""
    for role in entity.roles:
        sector = _office_sector(role)
        if sector is not None:
            return sector
    return None


# v68: CAMEO's sectors of the state itself, which an office's body does not give it: its title does ("Majority
# Leader" of the Senate stays GOV, as PLOVER's gold codes "French National Assembly president Laurent Fabius").
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})


def _office_sector(role: Role) -> str | None:
    """The sector of one office: its title's, read from the end (a title's head comes last in English: "deputy
    foreign minister" -> GOV), but for two cases (v68):

    - a government title a campaign modifies gives none (entities_lexicon.yaml ``person_led_org_nouns``: "former
      campaign official" of "former Donald Trump campaign officials Paul Manafort and Rick Gates"; 8 people's
      offices on seeds 168000-168002 and 174001, no event participant on 1,530 reports);
    - an office held now (its title opens with no ``status_modifiers`` word: "Rep." Jamie Raskin, a "former
      constitutional law professor" at American University, is no educator) takes the sector of its body's name
      head, the last word of the name that is an organisation-name head (``org_heads``, less the
      ``description_heads`` that only describe one: "Institute", "Union", "Agency" named a government's body or
      unions of every kind about as often as their sector's) and that data/sectors.yaml lists, when that sector
      is not the state's (``_STATE_SECTORS``). Today that is university and library -> EDU, church -> REL:
      "professor of politics and public administration at Fairfield University" -> EDU, not the title's GOV;
      "pastor of Concordia Lutheran Church" -> REL (155 people's offices on seeds 168000-168002 and
      174000-174001; 15 event participants on 1,530 reports, all none -> EDU, 14 right, 1 unsure). A body that is
      a country, state or international organisation is not tested apart: none of their names ends in such a head
      (a test for them changed none of the 6,460 offices on seeds 168000-168003 and 174000-174001); a town named
      so is read as the body ("mayor of Falls Church": REL, as the title gives none)."""
    sectors, offices = lexicon().sectors, offices_lexicon()
    words = role.title.lower().split()
    head = next((i for i in reversed(range(len(words))) if words[i] in sectors), None)
    title = None if head is None else sectors[words[head]]
    if title == "GOV" and offices.person_led_org_nouns.intersection(words[:head]):
        return None
    if role.of and not (words and words[0] in offices.status_modifiers):
        bodies = _body_head_sectors()
        body = next((bodies[w] for w in reversed(role.of.lower().split()) if w in bodies), None)
        if body is not None and body not in _STATE_SECTORS:
            return body
    return title


@lru_cache(maxsize=1)
def _body_head_sectors() -> dict[str, str]:
    """Organisation-name head -> its sector (``_office_sector``): the offices lexicon's ``org_heads`` less its
    ``description_heads``, those data/sectors.yaml lists."""
    sectors, offices = lexicon().sectors, offices_lexicon()
    return {w: sectors[w] for w in offices.org_heads - offices.description_heads if w in sectors}


# Entities an actor's country can come from the article's other mentions of: people and organisations, whose
# country a mention's own words may give ("UK Foreign Secretary Jack Straw", "Britain's Export Credits Guarantee
# Department"), where another mention ("Mr Straw, visiting Beijing") gives none.
_STATED_TYPES = frozenset({"PERSON", "ORG"})


def stated_country(entity: Entity, doc: Doc) -> str | None:
    """v53: the country the words of the article's mentions of ``entity`` give it, when they give exactly one:
    each mention read with the words before it in the phrase it heads (its modifiers and possessor: "UK Prime
    Minister Tony Blair", "Russian state bank VEB", "British Airways"), not the prepositional phrases after it,
    which place it ("Mr Brown in Nairobi") rather than say whose it is. Two mentions giving two countries give
    none. An event coder codes an actor named once with a nationality by that nationality throughout the report,
    not by the country of the sentence where it is named again ("BA has cut 13,000 jobs since the attacks in the
    United States": British, not American)."""
    if entity.type not in _STATED_TYPES:
        return None
    found: set[str] = set()
    for mention in entity.spans:
        words = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if words is None or not len(words):
            continue
        phrase = phrase_of(words.root)
        # v54: a person's own name states no country, only the words before it ("Saul Israel Holiff" is no
        # Israeli; "UK Foreign Secretary Jack Straw" is British); an organisation's may ("British Airways").
        end = words.start if entity.type == "PERSON" else words.end
        before = doc[min(phrase.start, words.start) : end]
        if not len(before):
            continue
        country = resolve_country(before)
        if country:
            found.add(country)
            if len(found) > 1:
                return None
    return found.pop() if found else None
