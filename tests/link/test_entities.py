"""Name comparison rules for canonical entities."""

from __future__ import annotations

from dateline.link.entities import block_keys, compatible, name_form


def test_titles_and_transliterations_fold_to_one_person() -> None:
    assert compatible(name_form("President Ivan Aliev", "PERSON"), name_form("Ivan Aliyev", "PERSON"))
    assert compatible(name_form("Ambassador Petrov", "PERSON"), name_form("Oleg Petrov", "PERSON"))


def test_relatives_sharing_a_surname_stay_apart() -> None:
    assert not compatible(name_form("Ivan Petrov", "PERSON"), name_form("Oleg Petrov", "PERSON"))
    assert not compatible(name_form("Anna Petrova", "PERSON"), name_form("Petrov", "PERSON"))


def test_an_organisation_named_after_a_person_is_not_the_person() -> None:
    foundation = name_form("Ivan Petrov Foundation", "PERSON")
    assert foundation.coarse == "ORG"
    assert not compatible(foundation, name_form("Ivan Petrov", "PERSON"))


def test_located_organisations_compare_by_countries() -> None:
    a = name_form("Embassy of France in Nairobi", "ORG")
    b = name_form("French Embassy in Kenya", "ORG")
    assert a.located == b.located == ("embassy", "FR", "KE")
    assert compatible(a, b) and block_keys(a) == block_keys(b)
    assert not compatible(a, name_form("French Embassy in Ghana", "ORG"))
