"""``dateline eval --format geowebnews``: toponym recall and geocoding accuracy on GeoWebNews (GWN.xml).

GeoWebNews (Gritta, Pilehvar & Collier 2019) marks every toponym of 200 news articles with character offsets
and, for literal ones, coordinates. We run places.gazetteer (toponyms from the model's GPE/LOC/FAC entities)
and score, over gold toponyms of type Literal that have coordinates:
- ``recall``: share found (a predicted place mention overlaps the gold offsets);
- ``accuracy_161km``: share of the found whose predicted coordinates lie within 161 km (100 miles) of gold,
  the standard geocoding threshold (Leidner 2008; Gritta et al. 2019). A found toponym without coordinates
  counts as wrong.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from dateline.evaluate import adapter
from dateline.extract.places import mentions, places_from_mentions
from dateline.model import Analysis, Article
from dateline.nlp import load_nlp
from dateline.nlp.model import PIPE_BATCH_SIZE

DEFAULT_FILE = "GWN.xml"
ACCURACY_KM = 161.0
EARTH_RADIUS_KM = 6371.0
GOLD_TYPES = frozenset({"Literal"})


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def load_articles(path: Path) -> list[tuple[str, list[dict[str, str]]]]:
    """(text, gold toponyms) per article."""
    file = path / DEFAULT_FILE if path.is_dir() else path
    out = []
    for node in ET.parse(file).getroot().iter("article"):
        toponyms = [{c.tag: c.text or "" for c in t} for t in node.iter("toponym")]
        out.append((node.findtext("text") or "", toponyms))
    return out


@adapter("geowebnews")
def evaluate_geowebnews(
    path: Path, *, inputs: Path | None = None, split: str = "dev", limit: int | None = None
) -> dict[str, Any]:
    data = load_articles(path)[:limit] if limit else load_articles(path)
    # Offsets are into the raw text, so it is parsed as is (no cleaning that could shift them).
    articles = [
        Article(id=Article.make_id(text), text=text, source_path=f"GWN:{i}", content_hash="")
        for i, (text, _) in enumerate(data)
    ]
    gold = found = close = predicted = 0
    for (_text, toponyms), article, doc in zip(
        data, articles, load_nlp().pipe((a.text for a in articles), batch_size=PIPE_BATCH_SIZE), strict=True
    ):
        places = list(places_from_mentions(article, mentions(article, doc, Analysis(article))))
        predicted += sum(len(p.spans) for p in places)
        for toponym in toponyms:
            if toponym.get("type") not in GOLD_TYPES or not toponym.get("latitude"):
                continue
            gold += 1
            start, end = int(toponym["start"]), int(toponym["end"])
            hit = next((p for p in places for s in p.spans if s.start < end and start < s.end), None)
            if hit is None:
                continue
            found += 1
            if hit.lat is not None and hit.lon is not None:
                km = haversine_km(hit.lat, hit.lon, float(toponym["latitude"]), float(toponym["longitude"]))
                close += km <= ACCURACY_KM
    recall = found / gold if gold else 0.0
    return {
        "places": {
            "recall": recall,
            "gold": gold,
            "predicted": predicted,
            "matched": found,
            "precision": None,
            "f1": None,
            "accuracy_161km": close / found if found else 0.0,
            "articles": len(data),
        }
    }
