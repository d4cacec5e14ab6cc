"""Whether a name is a news organisation, and which country a listed outlet is from: one owner for the
known-outlets table (data/outlets.yaml), the wire agencies (data/source_credits.yaml) and the way news
organisations name themselves.

A byline or credit names its outlet in free text ("By NAME, Denver Herald", "NAME / Reuters"); the same
positions hold job titles ("By NAME, Staff writer") and plain words ("USA TODAY\\n\\nIt's on."), so an outlet
is taken there only when it is recognisably a news organisation: a listed outlet, a wire agency, a web domain
("News.Az"), or capitalised words ending in a word news organisations are named by ("... Times", "... News
Agency").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from dateline.data import load_yaml
from dateline.normalize import fold

_LEADING_ARTICLE = re.compile(r"^(?:the)\s+", re.IGNORECASE)
_DECORATION = re.compile(r"\s*\(.*\)$|\s+-\s+.*$|\.com$")
# A web domain as an outlet's name: "News.Az", "Report.az", "TheBlaze.com".
_DOMAIN = re.compile(r"[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)*\.[A-Za-z]{2,6}")
# Capitalised words, an outlet's name as written ("Denver Herald", "ABC NEWS", "The St. Louis Post-Dispatch").
_CAPITALISED = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w.&'’-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w.&'’-]*){0,5}")


@lru_cache(maxsize=1)
def _listed() -> dict[str, str]:
    """data/outlets.yaml as outlet name (folded) -> ISO 3166-1 alpha-2 code."""
    data = load_yaml("outlets.yaml")["outlets"]
    return {_LEADING_ARTICLE.sub("", fold(str(name))): code for code, names in data.items() for name in names}


def listed_country(outlet: str) -> str | None:
    """The country of the listed outlet ``outlet`` names by its leading words ("Fox Online News" -> Fox -> US)."""
    words = _LEADING_ARTICLE.sub("", fold(_DECORATION.sub("", outlet.strip()))).split()
    listed = _listed()
    return next((code for n in range(len(words), 0, -1) if (code := listed.get(" ".join(words[:n])))), None)


@lru_cache(maxsize=1)
def credit_lexicon() -> dict[str, Any]:
    """``data/source_credits.yaml``, read once per process (also the byline and credit patterns' lexicon)."""
    return dict(load_yaml("source_credits.yaml"))


@lru_cache(maxsize=1)
def agency_forms() -> dict[str, str]:
    """Each way a credit writes a news agency (case folded) -> the name the agency is stored under."""
    agencies = credit_lexicon()["agencies"]
    assert isinstance(agencies, dict)
    return {form.casefold(): name for name, forms in agencies.items() for form in forms}


@lru_cache(maxsize=1)
def _name_words() -> frozenset[str]:
    words = credit_lexicon()["outlet_name_words"]
    assert isinstance(words, list)
    return frozenset(str(w).casefold() for w in words)


def own_name(outlet: str) -> str:
    """The organisation an outlet's name as a page lists it stands for, folded: its section or edition dropped
    ("CNN (Web News)", "CNN - Editorial" -> "cnn") and an agency's forms by its stored name ("AP" and "The
    Associated Press" -> "associated press"), so that a page's own credit ("(CNN)" on a CNN page) is told from
    another organisation's."""
    name = _LEADING_ARTICLE.sub("", _DECORATION.sub("", " ".join(outlet.split())))
    return fold(agency_forms().get(name.casefold(), name))


def same_organisation(credit: str, outlet: str) -> bool:
    """Whether a credit names the outlet itself: its own name ("(CNN)" on a "CNN (Web News)" page), or a brand
    of it written glued onto that name ("(CNNMoney)" on a CNN page: 2 datelines of the AllSides corpus outside
    gold/dev, the only glued credits there)."""
    own, credited = own_name(outlet), own_name(credit)
    return credited == own or (len(own) >= 2 and credited.startswith(own) and credited[len(own)].isalnum())


# A web domain's ending, dropped when a lead's credit is compared with the page's name ("Trend.Az", "News.az").
_DOMAIN_ENDING = re.compile(r"\.[a-z]{2,6}$")


def names_outlet(credit: str, outlet: str) -> bool:
    """Whether a lead's credit ("told News.Az", "Trend reports referring to") names the page's own outlet however
    the page writes it: the same organisation, or one name the other's leading words ("Trend" on a "Trend News
    Agency" or "Trend.Az" page), a web domain's ending dropped, or both begin with one listed outlet's name ("Fox
    News" on a "Fox Online News" page); "Tehran Radio" on a Reuters page is another."""
    named, own = (_DOMAIN_ENDING.sub("", own_name(name)) for name in (credit, outlet))
    if same_organisation(credit, outlet) or named == own or _listed_heads(named) & _listed_heads(own):
        return True
    return own.startswith(named + " ") or named.startswith(own + " ")


def _listed_heads(name: str) -> set[str]:
    """The listed outlets (data/outlets.yaml) a folded name's leading words name: "fox news" -> {"fox news", "fox"}
    and "fox online news" -> {"fox"}, the one organisation ("Fox News" on a "Fox Online News" page)."""
    words = _LEADING_ARTICLE.sub("", name).split()
    listed = _listed()
    return {head for n in range(1, len(words) + 1) if (head := " ".join(words[:n])) in listed}


@lru_cache(maxsize=1)
def _agency_endings() -> tuple[str, ...]:
    endings = credit_lexicon()["agency_name_endings"]
    assert isinstance(endings, list)
    return tuple(" " + str(e).casefold() for e in endings)


def is_credited_agency(name: str) -> bool:
    """Whether a byline's organisation is a news agency: a listed one ("AP", "The Associated Press"), or a news
    organisation whose name says it is one ("Religion News Service", "Kyodo News Agency")."""
    name = " ".join(name.split()).strip(" .,;:")
    if name.casefold() in agency_forms():
        return True
    return is_news_organisation(name) and name.casefold().endswith(_agency_endings())


def is_news_organisation(name: str) -> bool:
    """Whether ``name`` is recognisably a news organisation (see the module's docstring)."""
    name = " ".join(name.split()).strip(" .,;:")
    if not name:
        return False
    if name.casefold() in agency_forms() or listed_country(name) is not None or _DOMAIN.fullmatch(name):
        return True
    if not _CAPITALISED.fullmatch(name):
        return False
    last = re.split(r"[\s-]+", name)[-1].casefold()
    return last in _name_words()


def outlet_led(words: list[str]) -> int:
    """How many leading words of a name the model tagged as one organisation name a news organisation, when the
    words after them describe a newsroom job rather than the organisation ("CNN Chief National" before
    "Correspondent John King" -> 1, "ABC News State Department" -> 2): a listed outlet or a wire agency, then
    capitalised words none of which names an outlet itself ("NBC Nightly News", "Fox News Channel" -> 0); 0 for
    none."""
    listed, agencies, name_words = _listed(), agency_forms(), _name_words()
    for n in range(len(words) - 1, 0, -1):
        name = " ".join(words[:n])
        if _LEADING_ARTICLE.sub("", fold(name)) in listed or name.casefold() in agencies:
            rest = words[n:]
            fits = all(w[:1].isupper() and w.casefold() not in name_words for w in rest)
            return n if fits else 0
    return 0
