"""places.gazetteer.v1: toponyms (GPE, LOC and FAC mentions) resolved against the gazetteer.

Each distinct toponym of an article becomes one Place record whose spans are all its mentions. Ambiguous
names are resolved with the article's own context, as a reader would: a candidate in a country the article
names (or its dateline's country) beats one elsewhere, a country beats a town of the same name ("Armenia",
the country, over Armenia in Colombia), the place's own name beats an alternate name, and otherwise the more
populous place wins (the "population" baseline of geocoding studies, e.g. Gritta et al. 2018, "What's missing
in geographical parsing?", which beats most resolvers on news). A city of a million-scale population is
known world-wide, so it counts as "in context" everywhere: "Rome" in an article about the US is still Italy's.

Names the gazetteer lacks are resolved by what they contain: a division's designator is dropped ("Oaxaca
State" -> Oaxaca), a list keeps its first name ("Thruxton, Hampshire"), a street or building is placed at
the town its name carries ("Manila Cathedral") or else at the town the article is most about. Capitalised
names after a locative preposition ("in Cirencester") count as toponyms even when the model tagged them as
something else or nothing, provided the gazetteer knows them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.countries import country_code
from dateline.data import load_yaml
from dateline.extract.support.actors import lexicon as actor_lexicon
from dateline.gazetteer import (
    FEATURE_ADMIN1,
    FEATURE_CITY,
    FEATURE_COUNTRY,
    Candidate,
    load_gazetteer,
    name_key,
)
from dateline.model import Analysis, Article, Place, Span
from dateline.registry import extractor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

NAME = "places.gazetteer"
VERSION = 1
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# Towns at least this large count as well known: they beat a first-level division or continent of the
# same name only when the article gives no other clue. 100,000 is the UN's "large city" threshold
# (UN DESA, World Urbanization Prospects).
LARGE_CITY_POPULATION = 100_000
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
FEATURE_BUILDING = "BLDG"
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


@dataclass(frozen=True)
class Words:
    """Word lists of data/places.yaml that shape toponyms."""

    street: frozenset[str]
    building: frozenset[str]
    designators: tuple[str, ...]
    locative: frozenset[str]


@lru_cache(maxsize=1)
def words() -> Words:
    data = load_yaml("places.yaml")
    # Longest designators first, so that "Local Government Area" is dropped whole.
    designators = tuple(sorted(data["designators"], key=lambda d: (-len(d), d)))
    return Words(
        frozenset(data["street_words"]),
        frozenset(data["building_words"]),
        designators,
        frozenset(data["locative_prepositions"]),
    )


def mentions(article: Article, doc: Doc, prior: Analysis) -> list[Mention]:
    """Toponym mentions: GPE/LOC/FAC entity spans (doc.ents when no entity extractor ran), and the dateline."""
    typed: list[tuple[str, Mention]] = []
    if prior.entities:
        typed += [(e.type, Mention(s.start, s.end, s.text)) for e in prior.entities for s in e.spans]
    else:
        typed += [(e.label_, Mention(e.start_char, e.end_char, e.text)) for e in doc.ents]
    found = [m for label, m in typed if label in PLACE_TYPES or (label != "NORP" and _is_country_name(m.text))]
    found += _embedded(doc, [m for label, m in typed if label == "ORG"])
    found += _mistagged(doc, typed)
    found += _untagged(doc, article.text, [m for label, m in typed if label in PLACE_TYPES or label == "NORP"])
    found += _unlabelled(doc, article.text, [m for _label, m in typed])
    found += _dateline_mention(article)
    trimmed = [_trim_possessive(m) for m in found]
    # A span found both ways keeps its strong (model-tagged) reading: strong mentions come first.
    unique: dict[tuple[int, int], Mention] = {}
    for mention in sorted(trimmed, key=lambda m: m.weak):
        unique.setdefault((mention.start, mention.end), mention)
    return sorted(unique.values(), key=lambda m: (m.start, m.end))


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
    taken = [(m.start, m.end) for m in places]
    out: list[Mention] = []
    locative = words().locative
    for token in doc[:-1]:
        if token.lower_ not in locative or token.dep_ != "prep":
            continue
        run = _proper_run(doc, token.i + 1)
        found = _run_mention(run, text, taken, weak=False) if run else None
        if found is not None:
            out.append(found)
    return out


def _run_mention(run: list[Token], text: str, taken: list[tuple[int, int]], *, weak: bool) -> Mention | None:
    """A run of proper nouns as a mention, when no ``taken`` span overlaps it and the gazetteer knows the whole
    run as a toponym."""
    start, end = run[0].idx, run[-1].idx + len(run[-1].text)
    if any(s < end and start < e for s, e in taken) or not _is_gazetteer_toponym(text[start:end]):
        return None
    return Mention(start, end, text[start:end], weak=weak)


def _is_gazetteer_toponym(text: str) -> bool:
    """The gazetteer's own name of a country, a division or a town of UNTAGGED_MIN_POPULATION or more."""
    return any(
        c.is_primary and (c.feature in (FEATURE_COUNTRY, FEATURE_ADMIN1) or c.population >= UNTAGGED_MIN_POPULATION)
        for c in candidates(text)
    )


def _mistagged(doc: Doc, typed: list[tuple[str, Mention]]) -> list[Mention]:
    """Entities the model typed as an organisation, person, group or product that are toponyms: the small
    model tags many towns ORG or PERSON ("Cirencester", "Harare"), and streets and buildings ORG ("Royal
    Street", "Colchester General Hospital"; GeoWebNews counts both as literal toponyms). A PERSON name that
    also occurs inside a longer person's name in the article is that person's surname, not a town."""
    person_words = {w for label, m in typed if label == "PERSON" and " " in m.text for w in m.text.split()}
    wordlist = words()
    out: list[Mention] = []
    for label, mention in typed:
        if label not in _MISTAGGED_LABELS:
            continue
        text = _clean(mention.text)
        last = text.split()[-1] if text else ""
        facility = " " in text and (last in wordlist.street or (label != "PERSON" and last in wordlist.building))
        surname = label == "PERSON" and text in person_words
        if facility or (not surname and _is_gazetteer_toponym(text)):
            out.append(replace(mention, weak=True))
    return out


def _unlabelled(doc: Doc, text: str, labelled: list[Mention]) -> list[Mention]:
    """Runs of capitalised proper nouns that no entity covers and that are not the sentence's first word,
    when the gazetteer knows the whole run as a toponym ("Lelystad", "Massachusetts"): the model leaves such
    names untagged when their context is unusual."""
    # Spans the model labelled as anything (a DATE such as "March 3" included) are not untagged names.
    taken = [(m.start, m.end) for m in labelled] + [(e.start_char, e.end_char) for e in doc.ents]
    out: list[Mention] = []
    i = 0
    while i < len(doc):
        run = _proper_run(doc, i)
        if not run:
            i += 1
            continue
        i = run[-1].i + 1
        found = None if run[0].is_sent_start else _run_mention(run, text, taken, weak=True)
        if found is not None:
            out.append(found)
    return out


def _proper_run(doc: Doc, i: int) -> list[Token]:
    """The capitalised proper nouns starting at token ``i``."""
    run: list[Token] = []
    while i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
        run.append(doc[i])
        i += 1
    return run


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
    """Gazetteer entries for a toponym, trying it as a country alias ("Britain") or a government's seat
    ("the Kremlin", data/sectors.yaml) when needed."""
    gazetteer = load_gazetteer()
    found = gazetteer.lookup(_clean(text))
    if found:
        return found
    iso = country_code(_clean(text)) or actor_lexicon().metonyms.get(name_key(_clean(text)))
    country = gazetteer.country(iso) if iso else None
    return [country] if country else []


def rank(candidate: Candidate, context: frozenset[str]) -> tuple[bool, bool, bool, bool, bool, bool, int, int]:
    """Sort key (higher is better) of a candidate given the countries the article is about."""
    metropolis = candidate.feature == FEATURE_CITY and candidate.population >= METROPOLIS_POPULATION
    well_known = (
        candidate.feature not in (FEATURE_CITY, FEATURE_COUNTRY) or candidate.population >= LARGE_CITY_POPULATION
    )
    # Continents, oceans and regions belong to no country: they are in every article's context.
    supranational = candidate.country is None
    return (
        candidate.feature == FEATURE_COUNTRY,
        candidate.country in context or metropolis or supranational,
        candidate.is_primary,
        metropolis,
        well_known,
        candidate.lat is not None,
        candidate.population,
        -candidate.geonameid,
    )


def resolve(text: str, context: frozenset[str]) -> Candidate | None:
    found = candidates(text)
    return max(found, key=lambda c: rank(c, context)) if found else None


def context_countries(article: Article, texts: Iterable[str]) -> frozenset[str]:
    """Countries the article names outright, plus its dateline's country."""
    out = {c.country for t in texts for c in candidates(t) if c.feature == FEATURE_COUNTRY and c.country}
    if article.dateline is not None and article.dateline.country:
        out.add(article.dateline.country)
    return frozenset(out)


def places_from_mentions(article: Article, found: Sequence[Mention]) -> Iterator[Place]:
    """One Place per distinct resolved toponym text, carrying every mention's span."""
    groups: dict[str, list[Mention]] = {}
    for mention in found:
        groups.setdefault(name_key(_clean(mention.text)), []).append(mention)
    context = context_countries(article, (g[0].text for g in groups.values()))
    resolved = {key: resolve_name(group[0].text, context) for key, group in groups.items()}
    anchor = _anchor(article, groups, resolved, context)
    # Weak mentions may also be in the country of a town the model itself tagged ("Dewsbury" beside "Leeds").
    located = context | {
        c.country for k, c in resolved.items() if c and c.country and not all(m.weak for m in groups[k])
    }
    for key, group in groups.items():
        weak = all(m.weak for m in group)
        # A weak street or building must carry its town in its name: the anchor town is a guess on a guess.
        best = resolved[key] or _facility(group[0].text, context, None if weak else anchor)
        if best is None or (weak and not _supported(best, located)):
            continue
        yield Place(
            article_id=article.id,
            spans=tuple(Span.of(article.text, m.start, m.end) for m in group),
            text=group[0].text,
            name=best.name,
            geonames_id=best.geonameid if best.geonameid > 0 else None,
            country=best.country,
            lat=best.lat,
            lon=best.lon,
            feature=best.feature,
        )


def _supported(candidate: Candidate, context: frozenset[str]) -> bool:
    """A place a gazetteer-only mention may stand for: a country, a metropolis, or a place in a country the
    article names. "Kent" tagged PERSON in an article about England is not Kent, Washington."""
    return (
        candidate.feature == FEATURE_COUNTRY
        or candidate.population >= METROPOLIS_POPULATION
        or candidate.country in context
    )


def resolve_name(text: str, context: frozenset[str]) -> Candidate | None:
    """The best candidate for a toponym, trying it as written, without a division designator ("Oaxaca
    State"), and the first name of a list ("Thruxton, Hampshire")."""
    for variant in _variants(text):
        best = resolve(variant, context)
        if best is not None:
            return best
    return None


def _variants(text: str) -> list[str]:
    cleaned = _clean(text)
    out = [cleaned]
    for designator in words().designators:
        if cleaned.endswith(" " + designator):
            out.append(cleaned[: -len(designator) - 1].strip())
            break
    if "," in cleaned:
        out.append(cleaned.split(",")[0].strip())
    return [v for v in out if v]


def _anchor(
    article: Article, groups: dict[str, list[Mention]], resolved: dict[str, Candidate | None], context: frozenset[str]
) -> Candidate | None:
    """The town the article is most about: its dateline place, else its most mentioned resolved town."""
    if article.dateline is not None and article.dateline.place:
        dateline = resolve(article.dateline.place, context)
        if dateline is not None and dateline.feature == FEATURE_CITY:
            return dateline
    towns = [
        (len(groups[k]), -min(m.start for m in groups[k]), c)
        for k, c in resolved.items()
        if c and c.feature == FEATURE_CITY
    ]
    return max(towns, key=lambda t: (t[0], t[1]))[2] if towns else None


def _facility(text: str, context: frozenset[str], anchor: Candidate | None) -> Candidate | None:
    """A street or building, placed at the town its name carries or else the article's anchor town.
    The coordinates are the town's: the gazetteer has no streets, and the town is where a reader looks."""
    tokens = _clean(text).split()
    if len(tokens) < 2:
        return None
    wordlist = words()
    last = tokens[-1]
    feature = FEATURE_STREET if last in wordlist.street else FEATURE_BUILDING if last in wordlist.building else None
    if feature is None:
        return None
    town = (
        next(
            (
                c
                for t in tokens[:-1]
                if (c := resolve(t, context)) is not None
                and c.feature == FEATURE_CITY
                and c.population >= LARGE_CITY_POPULATION
            ),
            None,
        )
        or anchor
    )
    if town is None:
        return None
    return Candidate(0, _clean(text), town.country, town.lat, town.lon, 0, feature, True)


@extractor(NAME, version=VERSION, requires=("entity",), assigns=("place",))
def extract_places(article: Article, doc: Doc, *, prior: Analysis) -> Iterator[Place]:
    """Places for the article's GPE/LOC/FAC mentions."""
    yield from places_from_mentions(article, mentions(article, doc, prior))
