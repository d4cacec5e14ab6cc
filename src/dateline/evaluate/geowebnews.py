"""``dateline eval --format geowebnews``: toponym recall and geocoding accuracy on GeoWebNews (GWN.xml).

GeoWebNews (Gritta, Pilehvar & Collier 2019) marks every toponym of 200 news articles with character offsets
and, for literal ones, coordinates. We run places.gazetteer (toponyms from the model's GPE/LOC/FAC entities)
and score, over gold toponyms of type Literal that have coordinates:
- ``recall``: share found (a predicted place mention overlaps the gold offsets);
- ``accuracy_161km``: share of the found whose predicted coordinates lie within 161 km (100 miles) of gold,
  the standard geocoding threshold (Leidner 2008; Gritta et al. 2019). A found toponym without coordinates
  counts as wrong.

``errors`` sorts what went wrong, so that a change can be judged by the class it moves: ``missed`` (no
prediction overlaps the gold toponym), ``wrong_country`` and ``wrong_same_name`` (found and placed beyond
161 km although the gazetteer holds a sense of the name within 161 km of gold: in another country than the
one chosen, or in the same one), ``unknown_sense`` (found, wrong, and no sense of the name is near gold: a
gazetteer gap), and ``non_place`` (a predicted mention overlapping no gold toponym of any type, or one gold
marks Non_Toponym). ``places:errors`` counts them; ``places.error_examples`` keeps the first few of each.

``--split half1`` / ``half2`` scores alternate articles (even / odd positions in the file), so that rules
can be tuned on one half and checked on the other; any other split scores every article.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from dateline.evaluate import adapter
from dateline.evaluate.text import record_key
from dateline.extract.places import (
    ALL_SIGNALS,
    SIGNALS,
    Mention,
    candidates,
    mentions,
    places_from_mentions,
    variants,
)
from dateline.gazetteer import distance_km
from dateline.model import Analysis, Article, Place
from dateline.nlp import load_nlp
from dateline.nlp.model import PIPE_BATCH_SIZE

DEFAULT_FILE = "GWN.xml"
ACCURACY_KM = 161.0
GOLD_TYPES = frozenset({"Literal"})
# Gold types that say the span is not a toponym: a prediction there is a non-place.
NON_TOPONYM_TYPES = frozenset({"Non_Toponym"})
HALVES = {"half1": 0, "half2": 1}
# Examples kept per error class: enough to read a pattern, small enough for a JSON report.
ERROR_EXAMPLES = 8
ERROR_CLASSES = ("missed", "wrong_country", "wrong_same_name", "unknown_sense", "non_place")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km, by the gazetteer's own formula (``gazetteer.distance_km``)."""
    return distance_km((lat1, lon1), (lat2, lon2))


def load_articles(path: Path, split: str = "dev") -> list[tuple[str, list[dict[str, str]]]]:
    """(text, gold toponyms) per article; alternate articles for ``half1`` / ``half2``."""
    file = path / DEFAULT_FILE if path.is_dir() else path
    out = []
    for node in ET.parse(file).getroot().iter("article"):
        toponyms = [{c.tag: c.text or "" for c in t} for t in node.iter("toponym")]
        out.append((node.findtext("text") or "", toponyms))
    if split in HALVES:
        return [a for i, a in enumerate(out) if i % 2 == HALVES[split]]
    return out


def _shared_chars(place: Place, start: int, end: int) -> int:
    """How many characters of ``[start, end)`` the place's spans cover (0: they do not overlap it)."""
    return sum(max(0, min(s.end, end) - max(s.start, start)) for s in place.spans)


def _hit(places: list[Place], start: int, end: int) -> Place | None:
    """The place that answers a gold toponym: of those overlapping it, the one sharing most characters, then
    the first by what it says (``record_key``); not the first in the list, whose order follows record ids."""
    overlapping = [p for p in places if _shared_chars(p, start, end) > 0]
    return min(overlapping, key=lambda p: (-_shared_chars(p, start, end), record_key(p)), default=None)


def _error_class(place: Place, lat: float, lon: float) -> str:
    """Why a found toponym was placed beyond 161 km (see the module's ``errors``)."""
    senses = [c for v in variants(place.text) for c in candidates(v) if c.lat is not None and c.lon is not None]
    near = [c for c in senses if haversine_km(c.lat or 0.0, c.lon or 0.0, lat, lon) <= ACCURACY_KM]
    if not near:
        return "unknown_sense"
    return "wrong_same_name" if any(c.country == place.country for c in near) else "wrong_country"


Parsed = list[tuple[list[dict[str, str]], Article, list[Mention]]]


def parse(path: Path, split: str = "dev", limit: int | None = None) -> Parsed:
    """(gold toponyms, article, toponym mentions) per article: the model's part, done once."""
    data = load_articles(path, split)[:limit] if limit else load_articles(path, split)
    # Offsets are into the raw text, so it is parsed as is (no cleaning that could shift them).
    articles = [
        Article(id=Article.make_id(text), text=text, source_path=f"GWN:{i}", content_hash="")
        for i, (text, _) in enumerate(data)
    ]
    docs = load_nlp().pipe((a.text for a in articles), batch_size=PIPE_BATCH_SIZE)
    return [
        (toponyms, article, mentions(article, doc, Analysis(article)))
        for (_text, toponyms), article, doc in zip(data, articles, docs, strict=True)
    ]


def score(parsed: Parsed, signals: frozenset[str] = ALL_SIGNALS) -> dict[str, Any]:
    """Recall, accuracy within 161 km and the error classes of places.gazetteer with ``signals``."""
    gold = found = close = predicted = 0
    errors: dict[str, list[str]] = {k: [] for k in ERROR_CLASSES}
    for toponyms, article, found_mentions in parsed:
        text = article.text
        places = list(places_from_mentions(article, found_mentions, signals))
        predicted += sum(len(p.spans) for p in places)
        toponymic = [(int(t["start"]), int(t["end"])) for t in toponyms if t.get("type") not in NON_TOPONYM_TYPES]
        errors["non_place"] += [
            s.text for p in places for s in p.spans if not any(s.start < e and b < s.end for b, e in toponymic)
        ]
        for toponym in toponyms:
            if toponym.get("type") not in GOLD_TYPES or not toponym.get("latitude"):
                continue
            gold += 1
            start, end = int(toponym["start"]), int(toponym["end"])
            lat, lon = float(toponym["latitude"]), float(toponym["longitude"])
            hit = _hit(places, start, end)
            if hit is None:
                errors["missed"].append(text[start:end])
                continue
            found += 1
            if hit.lat is not None and hit.lon is not None and haversine_km(hit.lat, hit.lon, lat, lon) <= ACCURACY_KM:
                close += 1
            else:
                errors[_error_class(hit, lat, lon)].append(f"{text[start:end]} -> {hit.name} ({hit.country})")
    return {
        "places": {
            "recall": found / gold if gold else 0.0,
            "gold": gold,
            "predicted": predicted,
            "matched": found,
            "precision": None,
            "f1": None,
            "accuracy_161km": close / found if found else 0.0,
            "articles": len(parsed),
            "error_examples": {k: v[:ERROR_EXAMPLES] for k, v in errors.items()},
        },
        "places:errors": {k: len(v) for k, v in errors.items()},
    }


def ablation(parsed: Parsed) -> dict[str, dict[str, float]]:
    """Each disambiguation signal measured alone: recall and accuracy with every signal, with all but one,
    and with none."""
    configs = {"all": ALL_SIGNALS, **{f"-{s}": ALL_SIGNALS - {s} for s in SIGNALS}, "none": frozenset[str]()}
    out = {}
    for name, signals in configs.items():
        places = score(parsed, signals)["places"]
        out[name] = {"recall": places["recall"], "accuracy_161km": places["accuracy_161km"]}
    return out


@adapter("geowebnews")
def evaluate_geowebnews(
    path: Path, *, inputs: Path | None = None, split: str = "dev", limit: int | None = None
) -> dict[str, Any]:
    return score(parse(path, split, limit))
