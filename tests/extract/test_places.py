"""places.gazetteer.v1 on the sample reports, scored against their gold places."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from tests.conftest import GOLD, SAMPLES

from dateline.extract.places import extract_places, resolve
from dateline.gazetteer import demonym_country, load_gazetteer
from dateline.ingest import article_from_text
from dateline.model import Analysis, Article, Dateline, Place
from dateline.nlp import load_nlp


def _places(path: Path, dateline: Dateline | None = None) -> list[Place]:
    article = article_from_text(path.read_text("utf-8"), source_path=str(path))
    if dateline is not None:
        article = Article(**{**article.__dict__, "dateline": dateline})
    return list(extract_places(article, load_nlp()(article.text), prior=Analysis(article)))


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.txt")))
def test_gold_places_are_found_with_country_and_geonames(name: str) -> None:
    gold = yaml.safe_load((GOLD / name.replace(".txt", ".gold.yaml")).read_text("utf-8"))["places"]
    predicted = {p.text.casefold(): p for p in _places(SAMPLES / name)}
    for item in gold:
        if item.get("optional"):
            continue
        place = predicted.get(item["text"].casefold())
        assert place is not None, f"{item['text']} not found in {name}"
        assert place.country == item["country"]
        if "geonames" in item:
            assert place.geonames_id == item["geonames"]


def test_every_mention_of_a_place_is_one_record_with_valid_spans() -> None:
    path = sorted(SAMPLES.glob("*.txt"))[0]
    article = article_from_text(path.read_text("utf-8"), source_path=str(path))
    places = list(extract_places(article, load_nlp()(article.text), prior=Analysis(article)))
    assert len({p.text for p in places}) == len(places)
    for place in places:
        place.check_spans(article.text)
        assert all(not s.text.endswith(("'s", "’s")) for s in place.spans)


def test_context_prefers_a_country_the_article_names() -> None:
    # "Armenia" the country beats Armenia, Colombia; with Colombia in context a town there wins over none.
    assert resolve("Armenia", frozenset()).country == "AM"
    moscow_us = resolve("Moscow", frozenset({"US"}))
    assert moscow_us is not None and moscow_us.country == "US"
    assert resolve("Moscow", frozenset()).country == "RU"


def test_gazetteer_index_is_compact_and_finds_small_towns() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.path.stat().st_size < 64 * 1024 * 1024
    assert [c.geonameid for c in gazetteer.lookup("Khojaly")] == [147774]
    assert gazetteer.lookup("Nowhere-upon-Nothing") == []


@pytest.mark.parametrize(("word", "iso"), [("Azerbaijani", "AZ"), ("Armenian", "AM"), ("Pakistani", "PK"), ("Hungarian", "HU")])
def test_regular_demonyms_resolve_to_countries(word: str, iso: str) -> None:
    assert demonym_country(word) == iso
