"""Offices as {title, of, to} from general constructions, not listed phrases."""

from __future__ import annotations

import pytest

from dateline.nlp import load_nlp
from dateline.nlp.offices import Office, lexicon


def _offices(text: str) -> list[tuple[str, str | None, str | None, str]]:
    doc = load_nlp()(text)
    return [
        (o.title, o.of, o.to, doc[o.person_start : o.person_end].text) for o in map(lambda r: Office(*r), doc._.offices)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian President Vladimir Putin spoke.", ("President", "Russia", None, "Vladimir Putin")),
        ("Kremlin spokesman Dmitry Peskov said so.", ("spokesman", "Kremlin", None, "Dmitry Peskov")),
        (
            "The new Greek finance minister, Euclid Tsakalotos, submitted it.",
            ("finance minister", "Greece", None, "Euclid Tsakalotos"),
        ),
        ("Sen. Richard Burr, R-N.C., said it.", ("Sen.", "North Carolina", None, "Richard Burr")),
        # Party-state tags with postal codes or no dot; "a STATE Republican" after the name.
        ("Sen. John Cornyn (R-TX) said it.", ("Sen.", "Texas", None, "John Cornyn")),
        ("Sen. Marco Rubio (R-Fla) said it.", ("Sen.", "Florida", None, "Marco Rubio")),
        ("said Sen. Chuck Grassley, an Iowa Republican.", ("Sen.", "Iowa", None, "Chuck Grassley")),
        ("Arizona Gov. Jan Brewer denied it.", ("Gov.", "Arizona", None, "Jan Brewer")),
        (
            "Federal Reserve Vice Chairman Richard Clarida predicted it.",
            ("Vice Chairman", "Federal Reserve", None, "Richard Clarida"),
        ),
        (
            "Ian Shepherdson, chief economist at Pantheon Macroeconomics, wrote.",
            ("chief economist", "Pantheon Macroeconomics", None, "Ian Shepherdson"),
        ),
        (
            "said Jennifer Chang Newell, an ACLU staff attorney.",
            ("staff attorney", "ACLU", None, "Jennifer Chang Newell"),
        ),
        # A status before the holder stays in the title.
        (
            "It helps presumptive Republican nominee Mitt Romney.",
            ("presumptive nominee", "Republican Party", None, "Mitt Romney"),
        ),
        ("It was former Russian President Dmitry Medvedev.", ("former President", "Russia", None, "Dmitry Medvedev")),
        # A cabinet portfolio belongs to the title, not its holder.
        ("Treasury Secretary Steven Mnuchin said it.", ("Treasury Secretary", None, None, "Steven Mnuchin")),
        (
            "Health and Human Services Secretary Alex Azar said it.",
            ("Health and Human Services Secretary", None, None, "Alex Azar"),
        ),
        ("It was then-FBI Director James Comey.", ("then-Director", "FBI", None, "James Comey")),
        ("White House chief of staff John Kelly said it.", ("chief of staff", "White House", None, "John Kelly")),
        # An envoy's organisation closed by an acronym the model ran into the name.
        ("U.S. Ambassador to the U.N. Nikki Haley said it.", ("Ambassador", "United States", "U.N.", "Nikki Haley")),
        # An organisation written after an apposition's title owns it over a party word before it.
        (
            "Tomas Regalado, the Republican mayor of Miami, said in his statement.",
            ("mayor", "Miami", None, "Tomas Regalado"),
        ),
        # Lower-case words compounded onto a name, led by a holder the model names.
        ("Fox News host Megyn Kelly asked him.", ("host", "Fox News", None, "Megyn Kelly")),
        (
            "Democratic presidential candidate Martin O'Malley is shifting staff.",
            ("presidential candidate", "Democratic Party", None, "Martin O'Malley"),
        ),
    ],
)
def test_office_constructions(text: str, expected: tuple[str, str | None, str | None, str]) -> None:
    assert expected in _offices(text)


def test_lowercase_title_after_of_needs_a_comma() -> None:
    found = _offices("Burr, the Republican chairman of the Senate Intelligence panel, said it.")
    assert all(person != "Intelligence" for *_, person in found)


def test_national_titles_and_holders() -> None:
    lex = lexicon()
    assert lex.is_national("President") and lex.is_national("Defense Secretary") and lex.is_national("former President")
    assert lex.is_national("Homeland Security Secretary") and lex.is_national("Acting Attorney General")
    assert lex.is_national("Deputy Secretary of State") and not lex.is_national("Deputy")
    assert not lex.is_national("spokesman")
    assert (
        lex.holder("U.S.") == "United States"
        and lex.holder("Ariz.") == "Arizona"
        and lex.holder("Kremlin") == "Kremlin"
        and lex.holder("GOP") == "Republican Party"
    )


def test_joint_titles_before_one_name_share_the_holder() -> None:
    found = _offices("Exxon CEO and executive vice president John Smith said it.")
    assert ("CEO", "Exxon", None, "John Smith") in found
    assert ("executive vice president", "Exxon", None, "John Smith") in found


def test_parsed_apposition_with_an_organisation_is_an_office() -> None:
    assert ("senior fellow", "Brookings Institution", None, "Jane Smith") in _offices(
        "The plan will fail, said Jane Smith, a senior fellow at the Brookings Institution."
    )
    assert _offices("Jane Smith, a mother of three from Ohio, said it.") == []


def test_common_noun_before_a_name_needs_a_holder() -> None:
    assert _offices("They also attacked billionaire Donald Trump on Monday.") == []


def test_lower_case_organisation_noun_holding_a_title_refers_back() -> None:
    doc = load_nlp()("The State Department was silent. A department spokeswoman, Heather Nauert, said so.")
    (office,) = [Office(*row) for row in doc._.offices]
    assert (office.title, office.of, office.of_ref) == ("spokeswoman", "department", True)


def test_a_second_apposition_joined_by_and_is_a_second_office() -> None:
    found = _offices(
        "The suit was filed by Jane Smith, partner at Smith Partners LLP and counsel for the NRA, on Monday."
    )
    assert ("counsel", "NRA", None, "Jane Smith") in found
