"""The shared text helpers: a name's initials, as the four callers that spell acronyms read them."""

from __future__ import annotations

import pytest

from dateline.extract import entities, places
from dateline.extract.support import speakers
from dateline.link.entities import name_form
from dateline.normalize import initials


@pytest.mark.parametrize(
    ("words", "stop", "expected"),
    [
        ("Federal Bureau of Investigation", {"of"}, "FBI"),
        # Stop words are compared lower-cased: a capitalised "Of" is still one.
        ("Bank Of Lisbon", {"of"}, "BL"),
        # Fewer than two words left: no initials.
        ("the Treasury", {"the"}, ""),
        ("Treasury", set(), ""),
        # The letters keep their case: each caller reads them its own way.
        ("harbour pilots guild", set(), "hpg"),
    ],
)
def test_initials_leave_out_the_callers_stop_words(words: str, stop: set[str], expected: str) -> None:
    assert initials(words.split(), stop=stop) == expected


def test_each_caller_passes_its_own_stop_words_and_reading() -> None:
    # Entities: only a name of capitalised words of letters spells an acronym; "in" is no skip of theirs.
    assert entities._initials("Coastal Fisheries Board") == "CFB"
    assert entities._initials("Coastal Fisheries Board 2") == ""
    assert entities._initials("Friends in Need") == ""
    # Speakers: "in" is a stop word, and a hyphen parts words.
    assert speakers._initials("Friends in Need") == "FN"
    assert speakers._initials("Inter-Valley Water Trust") == "IVWT"
    # Linking: the name's case-folded tokens, lower-case letters.
    assert name_form("Coastal Fisheries Board", "ORG").acronym == "cfb"
    # Places: a country name's uncapitalised words are left out.
    assert places._initials_country("BH", frozenset({"BA"})) is not None
    assert places._initials_country("BAH", frozenset({"BA"})) is None
