"""places.gazetteer.v1: toponyms (GPE, LOC and FAC mentions) resolved against the gazetteer.

Each distinct toponym of an article becomes one Place record whose spans are all its mentions. Ambiguous
names are resolved with the article's own context, as a reader would: a candidate in a country the article
names (or its dateline's country) beats one elsewhere, a country beats a town of the same name ("Armenia",
the country, over Armenia in Colombia), the place's own name beats an alternate name, and otherwise the more
populous place wins (the "population" baseline of geocoding studies, e.g. Gritta et al. 2018, "What's missing
in geographical parsing?", which beats most resolvers on news).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

from dateline.gazetteer import FEATURE_ADMIN1, FEATURE_CONTINENT, FEATURE_COUNTRY, Candidate, load_gazetteer, name_key
from dateline.model import Analysis, Article, Place, Span
from dateline.registry import extractor

if TYPE_CHECKING:
    from spacy.tokens import Doc

NAME = "places.gazetteer"
VERSION = 1
EXTRACTOR = f"{NAME}.v{VERSION}"
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# Towns at least this large count as well known: they beat a first-level division or continent of the
# same name only when the article gives no other clue. 100,000 is the UN's "large city" threshold
# (UN DESA, World Urbanization Prospects).
LARGE_CITY_POPULATION = 100_000
_LEADING_ARTICLE = re.compile(r"^(?:the)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    """A toponym occurrence: where it is and what it says."""

    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def country_aliases() -> dict[str, str]:
    """Country short forms not in pycountry ("Britain", "U.S."), from data/sectors.yaml."""
    data = yaml.safe_load(resources.files("dateline.data").joinpath("sectors.yaml").read_text("utf-8"))
    return {name_key(k): v for k, v in (data.get("countries") or {}).items()}


def mentions(article: Article, doc: Doc, prior: Analysis) -> list[Mention]:
    """Toponym mentions: GPE/LOC/FAC entity spans (doc.ents when no entity extractor ran), and the dateline."""
    typed: list[tuple[str, Mention]] = []
    if prior.entities:
        typed += [(e.type, Mention(s.start, s.end, s.text)) for e in prior.entities for s in e.spans]
    else:
        typed += [(e.label_, Mention(e.start_char, e.end_char, e.text)) for e in doc.ents]
    found = [m for label, m in typed if label in PLACE_TYPES or (label != "NORP" and _is_country_name(m.text))]
    found += _embedded(doc, [m for label, m in typed if label == "ORG"])
    found += _dateline_mention(article)
    trimmed = [_trim_possessive(m) for m in found]
    return sorted({(m.start, m.end): m for m in trimmed}.values(), key=lambda m: (m.start, m.end))


def _trim_possessive(mention: Mention) -> Mention:
    """"Armenia's" -> "Armenia": the possessive ending is not part of the name."""
    for ending in ("'s", "’s"):
        if mention.text.endswith(ending):
            return Mention(mention.start, mention.end - len(ending), mention.text[: -len(ending)])
    return mention


def _is_country_name(text: str) -> bool:
    """A mention that is exactly a country's name. The small English model often tags a bare country
    name as ORG or PERSON ("Armenia's armed forces"); a country's own name is a toponym whatever the tag."""
    return any(c.feature == FEATURE_COUNTRY and c.is_primary for c in candidates(text))


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
        c.is_primary and (c.feature == FEATURE_COUNTRY or c.population >= LARGE_CITY_POPULATION) for c in candidates(text)
    )


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
    """Gazetteer entries for a toponym, trying its alias in data/sectors.yaml ("Britain") when needed."""
    gazetteer = load_gazetteer()
    found = gazetteer.lookup(_clean(text))
    if found:
        return found
    iso = country_aliases().get(name_key(_clean(text)))
    country = gazetteer.country(iso) if iso else None
    return [country] if country else []


def rank(candidate: Candidate, context: frozenset[str]) -> tuple[bool, bool, bool, bool, int, int]:
    """Sort key (higher is better) of a candidate given the countries the article is about."""
    well_known = candidate.feature in (FEATURE_ADMIN1, FEATURE_CONTINENT) or candidate.population >= LARGE_CITY_POPULATION
    return (
        candidate.feature == FEATURE_COUNTRY,
        candidate.country in context,
        candidate.is_primary,
        well_known,
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
    for group in groups.values():
        best = resolve(group[0].text, context)
        if best is None:
            continue
        yield Place(
            article_id=article.id,
            spans=tuple(Span.of(article.text, m.start, m.end) for m in group),
            extractor=EXTRACTOR,
            text=group[0].text,
            name=best.name,
            geonames_id=best.geonameid if best.geonameid > 0 else None,
            country=best.country,
            lat=best.lat,
            lon=best.lon,
            feature=best.feature,
        )


@extractor(NAME, version=VERSION, requires=("entity",), assigns=("place",))
def extract_places(article: Article, doc: Doc, *, prior: Analysis) -> Iterator[Place]:
    """Places for the article's GPE/LOC/FAC mentions."""
    yield from places_from_mentions(article, mentions(article, doc, prior))
