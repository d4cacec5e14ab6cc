"""Offices as {title, of, to} from general constructions, not listed phrases."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from dateline.nlp import load_nlp
from dateline.nlp.components import fix_entities
from dateline.nlp.offices import Office, group_org_end, job_title_at, lexicon
from tests.conftest import REPO, WORDNET, wordnet_script


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
        # A state written in full at a sentence's end, "Democrat of STATE", "from STATE" after the name.
        ("It is not responsible, argued Rep. Kathy Castor, D-Florida.", ("Rep.", "Florida", None, "Kathy Castor")),
        (
            "Sen. Sheldon Whitehouse, Democrat of Rhode Island, said it.",
            ("Sen.", "Rhode Island", None, "Sheldon Whitehouse"),
        ),
        ("Senator Kay Hagan, a Democrat of North Carolina, said it.", ("Senator", "North Carolina", None, "Kay Hagan")),
        ("Senator Josh Hawley from Missouri has proposed it.", ("Senator", "Missouri", None, "Josh Hawley")),
        # A holder's name joined by a hyphen.
        ("Former Hewlett-Packard CEO Carly Fiorina ran.", ("Former CEO", "Hewlett-Packard", None, "Carly Fiorina")),
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
        # A party word beside a chamber: after it the title's, before it the holder's own party.
        ("Senate Democratic Leader Chuck Schumer objected.", ("Democratic Leader", "Senate", None, "Chuck Schumer")),
        (
            "Republican Senate Majority Leader Mitch McConnell has said no.",
            ("Majority Leader", "Senate", None, "Mitch McConnell"),
        ),
        (
            "said Representative Nancy Pelosi of California, the House Democratic leader.",
            ("Democratic leader", "House", None, "Nancy Pelosi"),
        ),
        # "of" inside an organisation's name before the title.
        (
            "He advised former Joint Chiefs of Staff Chairman Michael Mullen for years.",
            ("former Chairman", "Joint Chiefs of Staff", None, "Michael Mullen"),
        ),
        # An envoy to a place by its name; a status word opening an apposition.
        (
            "The talks went well, said Hamdullah Mohib, Afghanistan's ambassador to Washington.",
            ("ambassador", "Afghanistan", "Washington", "Hamdullah Mohib"),
        ),
        (
            "It was a slight opening, said Bill Richardson, a former U.N. ambassador.",
            ("former ambassador", "U.N.", None, "Bill Richardson"),
        ),
        # An apposition past an adverb, with a place adjunct or a participle after its title, with the nouns
        # compounded before it, or led by an organisation noun's possessive (a back-reference, resolved later).
        (
            "He told the radio that Wayne LaPierre, currently NRA's executive vice president, was there.",
            ("executive vice president", "NRA", None, "Wayne LaPierre"),
        ),
        (
            "The field is open, said Brian Brokaw, a Democratic strategist in Sacramento.",
            ("strategist", "Democratic Party", None, "Brian Brokaw"),
        ),
        (
            "Trump tried to fire Robert S. Mueller III, the special counsel investigating Russia.",
            ("special counsel", None, None, "Robert S. Mueller III"),
        ),
        (
            "The court has moved, said Kevin Walsh, a University of Richmond law professor.",
            ("law professor", "University of Richmond", None, "Kevin Walsh"),
        ),
        (
            "Things are going well, Merrie Najimy, the association's president, said.",
            ("president", "association", None, "Merrie Najimy"),
        ),
        # Party-state tags as the Wall Street Journal writes them, with an en dash, or a state alone.
        ("It went well, said Rep. Tom Baker (R., Ga.) on Monday.", ("Rep.", "Georgia", None, "Tom Baker")),
        ("He called Sen. Jane Miller (R–AZ) a coward.", ("Sen.", "Arizona", None, "Jane Miller")),
        ("It was a shame, Sen. Laura Hill (Calif.) said.", ("Sen.", "California", None, "Laura Hill")),
        # A seat's state after "a Democrat from", "the senator from".
        (
            "He talked with Sen. Mark Warner, a Democrat from Virginia, on Friday.",
            ("Sen.", "Virginia", None, "Mark Warner"),
        ),
        (
            "We spoke to Johnny Isakson, the senator from Georgia, about it.",
            ("senator", "Georgia", None, "Johnny Isakson"),
        ),
        # Whom an aide serves, written after "to".
        (
            "The plan was drafted by Stephen Miller, a senior adviser to President Donald Trump.",
            ("senior adviser", "Donald Trump", None, "Stephen Miller"),
        ),
        # A committee's ranking member, of the committee written after "on".
        (
            "Rep. Adam Schiff, the ranking Democrat on the House Intelligence Committee, objected.",
            ("ranking Democrat", "House Intelligence Committee", None, "Adam Schiff"),
        ),
        # A national office whose first words are not its holder.
        (
            "It was former National Security Adviser John Bolton who wrote it.",
            ("former National Security Adviser", None, None, "John Bolton"),
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


def _corpus_offices(article: str, needle: str) -> list[tuple[str, str | None, str | None, str]]:
    """The offices parsed in the paragraph of an AllSides report (not in gold/dev) that contains ``needle``."""
    import json

    from tests.conftest import CORPUS, require_shared

    path = require_shared(CORPUS / "allsides-article-bias" / "jsons") / f"{article}.json"
    text = json.loads(path.read_text(encoding="utf-8"))["content_original"]
    return _offices(next(p for p in text.split("\n") if needle in p))


# entities.rules.v40, each construction on an AllSides report outside gold/dev and the private gold's seed (read
# in the hand check of docs/history/entities.md, "Session 29").
@pytest.mark.parametrize(
    ("article", "needle", "expected"),
    [
        # The person an aide serves, past a status and a title before the name.
        (
            "fq6dk3c6QHIGQ9mq",
            "adviser to former President",
            ("former adviser", "George W. Bush", None, "Nicolle Wallace"),
        ),
        (
            "LKvDC0glaZlqIURb",
            "political director for former President",
            ("political director", "George W. Bush", None, "Sara Fagen"),
        ),
        # A second office joined by "and" with a hyphenated title.
        (
            "XSHnX2X8TI1UgJxA",
            "co-chairman of Law Enforcement Leaders",
            ("co-chairman", "Law Enforcement Leaders", None, "Ronal Serpas"),
        ),
        # The review's sample (seed 69300): a party-less status ("liberal billionaire activist"), a participle
        # ("ousted Attorney General"), an article before the stacked office, a comma between stacked offices,
        # a participle in the stacked title.
        (
            "2gDNmD2gflXaQHnl",
            "top political adviser to liberal",
            ("top political adviser", "Tom Steyer", None, "Chris Lehane"),
        ),
        (
            "1sHSkHmflhazVyib",
            "chief of staff for ousted",
            ("former chief of staff", "Jeff Sessions", None, "Jody Hunt"),
        ),
        (
            "8Qf0essvZjdjKaYs",
            "former corrections commissioner",
            ("former corrections commissioner", "New York City", None, "Martin Horn"),
        ),
        (
            "NEuIsfZV4DutjkDB",
            "economics contributor for Forbes",
            ("economics contributor", "Forbes", None, "Jon Hartley"),
        ),
        (
            "s1dOXHwqggFRD5CY",
            "contributing editor at National Review",
            ("contributing editor", "National Review", None, "Reihan Salam"),
        ),
    ],
)
def test_persons_served_past_their_titles_and_stacked_offices(
    article: str, needle: str, expected: tuple[str, str | None, str | None, str]
) -> None:
    found = _corpus_offices(article, needle)
    assert expected in found
    # the aide's office is never given to the person served (nor to the organisation's name)
    assert not any(title == expected[0] and holder == expected[1] for title, _, _, holder in found)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # A stacked office written before another person's name is that person's, not the first one's.
        (
            "said Tom Brown, a spokesman for the State Department, and a spokesman for the Pentagon, Mary Jones.",
            ("spokesman", "Pentagon", None, "Tom Brown"),
        ),
        (
            "John Doe, executive at Google, and managing director at Citigroup Mary Roe met.",
            ("managing director", "Citigroup", None, "John Doe"),
        ),
    ],
)
def test_a_stacked_office_before_another_name_is_not_the_first_persons(
    text: str, wrong: tuple[str, str | None, str | None, str]
) -> None:
    found = _offices(text)
    assert found[0][3] == wrong[3]  # the first office is read, so the stacked one could have been
    assert wrong not in found


def test_an_organisations_own_apposition_is_no_stacked_office() -> None:
    found = _offices("said Ruth Porat, chief financial officer at Alphabet, a unit of Google.")
    assert found == [("chief financial officer", "Alphabet", None, "Ruth Porat")]


def test_a_name_inside_an_organisation_is_no_person_served() -> None:
    """ "campaign director for the National Draft Ben Carson for President Committee": the capitalised words before
    the name open the committee's name, so the office is not held for Ben Carson (the whole report is parsed, as
    there the model tags "Ben Carson" a person)."""
    import json

    from tests.conftest import CORPUS, require_shared

    path = require_shared(CORPUS / "allsides-article-bias" / "jsons") / "y6Rjp7DEVOB1tQ7z.json"
    found = _offices(json.loads(path.read_text(encoding="utf-8"))["content_original"])
    held_of = [of for _, of, _, holder in found if holder == "Vernon Robinson"]
    assert held_of and "Ben Carson" not in held_of


# Each construction on a report of the AllSides corpus outside gold/dev (docs/extractors.md, "Offices",
# counts the construction over the corpus).
@pytest.mark.parametrize(
    ("article", "needle", "expected"),
    [
        # A title stacked before another holds its own office: "... Chairman Rep. Adam Schiff".
        (
            "70XWHuG3VJ4fQl10",
            "Chairman Rep. Adam Schiff",
            ("Chairman", "House Intelligence Committee", None, "Adam Schiff"),
        ),
        ("70XWHuG3VJ4fQl10", "Chairman Rep. Adam Schiff", ("Rep.", "California", None, "Adam Schiff")),
        # A state before a party word holds a seat: "Maine Republican Sen. Susan Collins".
        ("00eP4XD3VdMmHITE", "Maine Republican Sen.", ("Sen.", "Maine", None, "Susan Collins")),
        # The state after the name holds a seat over the party before the title.
        ("2iHM4dg0VC0xPMfy", "Sen. Mark Udall of Colorado", ("Sen.", "Colorado", None, "Mark Udall")),
        # ... and over a country before it.
        ("YVxs7nb4N8Gnubly", "Michael McCaul of Texas", ("Representative", "Texas", None, "Michael McCaul")),
        # "NAME, STATE Republican" without an article.
        ("1Aba6eI3cx10RYjX", "John McCain, Arizona Republican", ("Sen.", "Arizona", None, "John McCain")),
        # A capitalised status word is the title's, not the holder's.
        (
            "1IhUtaAhqemOEwQx",
            "Former New York City Mayor",
            ("Former Mayor", "New York City", None, "Michael Bloomberg"),
        ),
        # "and" inside a committee's name.
        (
            "J8R3Sf5VhuyjOm63",
            "Energy and Commerce Chairman",
            ("Chairman", "House Energy and Commerce", None, "Fred Upton"),
        ),
        # An apposition's organisation past lower-case words, and an organisation named "X for Y".
        ("J8R3Sf5VhuyjOm63", "Tom Pyle", ("president", "American Energy Alliance", None, "Tom Pyle")),
        ("Thmhk9p2Vqhbtsx6", "Andy Green", ("managing director", "Center for American Progress", None, "Andy Green")),
        # A title's lower-case "of" complement.
        ("3Jv6Lr9p4JqtvtSb", "Artem Abramov", ("head of shale research", "Rystad Energy", None, "Artem Abramov")),
        # An envoy in apposition, before the name.
        ("ImWEuzpBPGc8956D", "ambassador to Russia, Riad Haddad", ("ambassador", "Syria", "Russia", "Riad Haddad")),
        # "NAME, who heads ORG".
        (
            "3jGAZgffsxWtsBZs",
            "Trita Parsi, who heads",
            ("head", "National Iranian American Council", None, "Trita Parsi"),
        ),
        # A second office in apposition after the name and its title.
        (
            "A0SFvUT7qrXBBIgl",
            "Bob Corker, the Republican chairman",
            ("chairman", "Foreign Relations Committee", None, "Bob Corker"),
        ),
        # "then-" with no holder between.
        ("1LZaUPpWmynaJiC6", "then-Gov.", ("then-Gov.", None, None, "Mitt Romney")),
        # A double-barrelled surname, then its seat.
        ("0weGPoXNf52T6ELS", "Rep. Alexandria Ocasio-Cortez", ("Rep.", "New York", None, "Alexandria Ocasio-Cortez")),
        # Lower-case nouns compounded onto a title.
        ("1UlzIGGXFJZ5OkwZ", "campaign manager", ("campaign manager", "Trump", None, "Kellyanne Conway")),
        # "Lt" "." "Gov." read as one title.
        ("1UlzIGGXFJZ5OkwZ", "Lt. Gov. Dan Patrick", ("Lt. Gov.", "Texas", None, "Dan Patrick")),
        # An organisation after the name.
        ("5Pv98LdcdVX77nTH", "economist Daniel Silver", ("economist", "JPMorgan Chase", None, "Daniel Silver")),
        # An organisation after "of" over a country before the title.
        ("PYh6SBCJcpsnSNjE", "David Martosko", ("political editor", "Daily Mail", None, "David Martosko")),
        # A country after the name holds any national office ("President NAME of Iran").
        ("JyB2dsT6jkTh1t9S", "Hassan Rouhani of Iran", ("President", "Iran", None, "Hassan Rouhani")),
        # A plural title before several names, each with its seat.
        ("CJgwgB0DQVFnLrBP", "Sens. Marco Rubio", ("Sens.", "Florida", None, "Marco Rubio")),
        ("CJgwgB0DQVFnLrBP", "Sens. Marco Rubio", ("Sens.", "Idaho", None, "Jim Risch")),
        # A party word before a place is the holder's party; the place holds the office.
        ("RrH92mWY7XpQcKkO", "Democratic Texas Rep.", ("Rep.", "Texas", None, "Veronica Escobar")),
        ("XZHFlPhRI3MyainT", "Democratic Louisville Mayor", ("Mayor", "Louisville", None, "Greg Fischer")),
        # ... and a status before the party word is still the title's.
        ("aeq74tqjk88Vl7je", "Republican Utah Gov.", ("Former Gov.", "Utah", None, "Mike Leavitt")),
        # A possessive place before a party word holds the office.
        ("OGpM3pdzP8XZxXh3", "Democratic Mayor Rahm", ("Mayor", "Chicago", None, "Rahm Emanuel")),
        ("uvDejLdv13cnfoJL", "Democratic Gov. Steve", ("Gov.", "Nevada", None, "Steve Sisolak")),
        # A city written with its state before a city's office holds it; not before a national office.
        ("ep99DOk299KRT8Cd", "Dayton, Ohio, Mayor", ("Mayor", "Dayton", None, "Nan Whaley")),
        ("e3XgQ3eyPlWSp0PY", "Arizona, Sheriff", ("Sheriff", "Maricopa County", None, "Joe Arpaio")),
        ("lO7Nj8lKFImgAsPk", "Newtown, Conn., President", ("President", None, None, "Obama")),
    ],
)
def test_office_constructions_in_corpus_reports(
    article: str, needle: str, expected: tuple[str, str | None, str | None, str]
) -> None:
    assert expected in _corpus_offices(article, needle)


def test_a_photo_caption_is_no_office() -> None:
    # "Image copyright Getty Images Image caption Roger Stone has ...": "caption" is no title of Stone's.
    assert not [o for o in _corpus_offices("Gcr4e6rzpnKab1bK", "Image caption Roger Stone") if o[0] == "caption"]


def test_party_before_a_national_office_and_tags_after_other_titles_name_no_holder() -> None:
    # "Republican President Donald Trump": the party is not the presidency's holder (the report's country is).
    assert ("President", None, None, "Donald Trump") in _corpus_offices("1EQfZztUq0yzIYn7", "Republican President")
    # "Republican Sen. Thad Cochran": a seat is a state's, never the party's.
    assert ("Sen.", None, None, "Thad Cochran") in _corpus_offices("0JIaFvNBZsa981wX", "Republican Sen. Thad Cochran")
    # "Chairman Patrick Leahy, D-Vt.": the tag is the senator's seat, not the chairmanship's.
    found = _corpus_offices("0AkPZY7iiTaWxxuJ", "Chairman Patrick Leahy")
    assert ("Chairman", "Senate Judiciary Committee", None, "Patrick Leahy") in found
    assert all(of != "Vermont" for title, of, _, _ in found if title == "Chairman")


def test_a_name_particle_stays_in_the_name() -> None:
    import json

    from dateline.nlp import load_nlp
    from tests.conftest import CORPUS, require_shared

    path = require_shared(CORPUS / "allsides-article-bias" / "jsons") / "03jp4oTCccvv8kDH.json"
    text = json.loads(path.read_text(encoding="utf-8"))["content_original"]
    doc = load_nlp()(next(p for p in text.split("\n") if "al-Baghdadi" in p))
    assert "Abu Bakr al-Baghdadi" in {e.text for e in doc.ents if e.label_ == "PERSON"}


def test_lexicon_state_status_and_description_helpers() -> None:
    lex = lexicon()
    assert lex.us_state("north carolina") == lex.us_state("N.C.") == "North Carolina"
    assert lex.us_state("Nowhere") is None
    assert lex.without_status(["former", "deputy", "director"]) == ["deputy", "director"]
    assert lex.without_status(["former"]) == ["former"]  # the last word is the office, kept
    assert lex.is_national("former Acting Attorney General")
    # The description heads are organisation heads too, all but "administration" (a description only).
    assert lex.description_heads - lex.org_heads == {"administration"}
    assert {"committee", "department", "party"} <= lex.description_heads & lex.org_heads


def test_a_title_before_a_name_is_no_apposition_of_the_name_before() -> None:
    found = _offices("It included CIA chief Gina Haspel, Director of National Intelligence Dan Coats, and others.")
    assert ("chief", "CIA", None, "Gina Haspel") in found
    assert [o for o in found if o[3] == "Gina Haspel"] == [("chief", "CIA", None, "Gina Haspel")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Ranks as AP abbreviates them; "retired" is a status, no holder.
        (
            "said Maj. Charles Guess of the New York State Police.",
            ("Maj.", "New York State Police", None, "Charles Guess"),
        ),
        ("Retired Maj. Gen. John Altenburg Jr. said so.", ("Retired Maj. Gen.", None, None, "John Altenburg Jr.")),
        ("Pentagon spokesman Rear Adm. John Kirby said no.", ("spokesman", "Pentagon", None, "John Kirby")),
        # A lower-case head before "of X, NAME," in apposition.
        ("The mayor of Milwaukee, Tom Barrett, is the candidate.", ("mayor", "Milwaukee", None, "Tom Barrett")),
        # "and" before a name the model starts: two names, the second the holder.
        (
            "Trump and Senate Majority Leader Mitch McConnell agreed.",
            ("Majority Leader", "Senate", None, "Mitch McConnell"),
        ),
        (
            "House Energy and Commerce Chairman Fred Upton spoke.",
            ("Chairman", "House Energy and Commerce", None, "Fred Upton"),
        ),
        # An apposition's "for" + a titled person: whom the office serves.
        (
            "Jay Sekulow, a personal attorney for President Trump, said no.",
            ("personal attorney", "Trump", None, "Jay Sekulow"),
        ),
    ],
)
def test_ranks_lower_case_heads_and_persons_served(
    text: str, expected: tuple[str, str | None, str | None, str]
) -> None:
    assert expected in _offices(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # The name after "for TITLE" holds that title, not the spokesman's office.
        ("A spokesman for Gov. Roy Cooper said it would wait.", "Roy Cooper"),
        # A name a verb follows is the sentence's subject, not an apposition.
        ("He assessed the next president of the United States, Petraeus said on Monday.", "Petraeus"),
    ],
)
def test_titles_that_are_not_the_next_names_office(text: str, name: str) -> None:
    assert all(
        not (holder == name and ("spokesman" in title or "president" in title))
        for title, _, _, holder in _offices(text)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The organisation after a place's "-based" holds the office, not the place.
        (
            "said Fred Eychaner, president of the Chicago-based Newsweb Corp., on Monday.",
            ("president", "Newsweb Corp.", None, "Fred Eychaner"),
        ),
        # The unit after an owner's possessive holds it; one name across the possessive stays whole.
        (
            "said Barbara Slavin, director of the Atlantic Council’s Future Iran Initiative, on Friday.",
            ("director", "Future Iran Initiative", None, "Barbara Slavin"),
        ),
        (
            "said Larry Kudlow, director of Trump's National Economic Council, on Friday.",
            ("director", "Trump's National Economic Council", None, "Larry Kudlow"),
        ),
        # A unit that does not end the phrase was not read whole: the owner stays.
        ("said Jane Roe, director of the ACLU's LGBT efforts, on Friday.", ("director", "ACLU", None, "Jane Roe")),
        # Country adjectives of the countries' owner.
        ("Guatemalan President Jimmy Morales said so.", ("President", "Guatemala", None, "Jimmy Morales")),
        # A sentence opening with a describing word names no holder.
        ("Incumbent Rep. Devin Nunes has made a name for himself.", ("Rep.", None, None, "Devin Nunes")),
        # A contributor's note and a relative clause state the office as an apposition does.
        (
            "Al Cardenas is chairman of the American Conservative Union.",
            ("chairman", "American Conservative Union", None, "Al Cardenas"),
        ),
        (
            "The bill passed, said Erica Farber, who is CEO of the Radio Association of Broadcasters.",
            ("CEO", "Radio Association of Broadcasters", None, "Erica Farber"),
        ),
    ],
)
def test_owners_places_and_copulas(text: str, expected: tuple[str, str | None, str | None, str]) -> None:
    assert expected in _offices(text)


def test_lawmakers_listed_with_tags_in_parentheses_share_the_title() -> None:
    found = _offices("The bill was written by Sens. Mitt Romney (R-Utah) and Chris Murphy (D-Conn.) last year.")
    assert ("Sens.", "Utah", None, "Mitt Romney") in found
    assert ("Sens.", "Connecticut", None, "Chris Murphy") in found


def test_surnames_the_lexicon_lists_as_words_stay_in_the_name() -> None:
    names = {name for *_, name in _offices("Former Maryland Gov. Martin O’Malley met Rep. Jim Jordan (R-Ohio).")}
    assert names == {"Martin O’Malley", "Jim Jordan"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the STATE Democrat" after a lawmaker's name gives the seat its state, as "a STATE Democrat" does.
        (
            "said Rep. Jerrold Nadler, the New York Democrat who chairs the panel.",
            ("Rep.", "New York", None, "Jerrold Nadler"),
        ),
        # The writer's view of the holder is no part of the office; a relational adjective is.
        (
            "It has picked up under Brazil’s new populist president Jair Bolsonaro, a trend.",
            ("president", "Brazil", None, "Jair Bolsonaro"),
        ),
        ("said Jay Sekulow, Trump's personal lawyer, on Monday.", ("personal lawyer", "Trump", None, "Jay Sekulow")),
        # A past office in a relative clause, as written; the name served ends before its possessive.
        (
            "said Oren Cass, who served as domestic policy adviser to Romney in 2012.",
            ("domestic policy adviser", "Romney", None, "Oren Cass"),
        ),
        # An age or a party before the office in an apposition.
        ("said Derek Karpel, 34, an attorney from Manhattan.", ("attorney", None, None, "Derek Karpel")),
        (
            "Tom Daschle, a Democrat and former Senate majority leader, was blunt.",
            ("former majority leader", "Senate", None, "Tom Daschle"),
        ),
        # State and city legislators' titles.
        ("said state Assemblyman Tyler Diep on Monday.", ("state Assemblyman", None, None, "Tyler Diep")),
    ],
)
def test_seats_and_plain_offices(text: str, expected: tuple[str, str | None, str | None, str]) -> None:
    assert expected in _offices(text)


# entities.rules.v8: each construction on a report of the AllSides corpus outside gold/dev.
@pytest.mark.parametrize(
    ("article", "needle", "expected"),
    [
        # "NAME, a [former] ORG NOUN": the organisation written before the apposition's noun holds the office.
        ("50UWepbNGu5GlGUL", "Matthew Miller", ("former spokesman", "Justice Department", None, "Matthew Miller")),
        ("7G7yQ6GTuDZkr1vZ", "David Holmes", ("official", "State Department", None, "David Holmes")),
        # A judging adjective before the organisation is dropped.
        ("DOmzs7yQ4uVqRiYE", "Stephen Miller", ("adviser", "White House", None, "Stephen Miller")),
        # A rank spelled out is one title.
        ("5z3Zml6BBHWZGvpS", "Brigadier General", ("Brigadier General", "Peshmerga", None, "Hajar Osman Ismael")),
        # "in PLACE, where TITLE NAME".
        (
            "kTQflZdrxdejwCiK",
            "where President-elect",
            ("President-elect", "Mexico", None, "Andres Manuel Lopez Obrador"),
        ),
        ("cH18KdSW5A7SK8M2", "where Gov. Jay Nixon", ("Gov.", "Missouri", None, "Jay Nixon")),
        # A place before the holder's name; a hyphened status after the holder's possessive.
        ("KFeszPubAewwWWHm", "Mayor of London", ("former Mayor", "London", None, "Boris Johnson")),
        ("a6pDahUTHOXmqLsC", "then-Gov. Bill Haslam", ("then-Gov.", "Tennessee", None, "Bill Haslam")),
        # Words that judge the holder at an apposition's start hide no holder.
        ("w0Xld04CikAahfYU", "Obama-appointed chairman", ("chairman", "FCC", None, "Tom Wheeler")),
        ("90etAXThc5m2TGS9", "Tad Devine", ("strategist", "Democratic Party", None, "Tad Devine")),
        # A shared office written with "co-" is one title.
        ("ADPROLdcv0KL9zRT", "PayPal co-founder", ("co-founder", "PayPal", None, "Peter Thiel")),
        ("mfSr0UmpeNupFaVB", "Tom Reed", ("co-chair", "Problem Solvers Caucus", None, "Tom Reed")),
        # A plural title's names share the state written before it.
        ("z0hQ3QWRmoE8cBm6", "Texas Reps.", ("Reps.", "Texas", None, "Bill Flores")),
    ],
)
def test_v8_constructions_in_corpus_reports(
    article: str, needle: str, expected: tuple[str, str | None, str | None, str]
) -> None:
    assert expected in _corpus_offices(article, needle)


def test_a_hyphened_describer_is_one_word_before_an_organisation() -> None:
    # Three describers, one of them hyphened: counted in tokens they were five (over the four allowed), and the
    # council was lost.
    found = _offices("said Mary Jennings, director of the nonpartisan pro-growth nonprofit Council for a Sound Future.")
    assert ("director", "Council for a Sound Future", None, "Mary Jennings") in found
    # Five words are a clause, not describers of a name.
    found = _offices("said Mary Jennings, director of the new and very small nonprofit Council for a Sound Future.")
    assert all(of != "Council for a Sound Future" for _, of, _, _ in found)


def test_under_secretary_is_a_title_and_a_preposition_opens_none() -> None:
    found = _offices("Under Secretary of State Jane Roe met officials working under Secretary of State John Doe.")
    assert ("Under Secretary of State", None, None, "Jane Roe") in found
    assert any(title == "Secretary of State" and holder == "John Doe" for title, _, _, holder in found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A noun of standing, not an office; a place names no seat to share.
        ("Mikie Sherrill, a Navy veteran, won the primary.", "Mikie Sherrill"),
        ("Add Southern Sens. Saxby Chambliss and Lindsey Graham to the list.", "Lindsey Graham"),
    ],
)
def test_v8_no_office_or_no_holder(text: str, name: str) -> None:
    assert not any(of for _, of, _, holder in _offices(text) if holder == name)


# entities.rules.v9: each construction on a report of the AllSides corpus outside gold/dev.
@pytest.mark.parametrize(
    ("article", "needle", "expected"),
    [
        # A seat's state after a comma; a status before the holder's party is the title's.
        ("CyElEHzT6jSekZG8", "Sen. Tammy Baldwin, of Wisconsin", ("Sen.", "Wisconsin", None, "Tammy Baldwin")),
        ("qRylfu3KJJtBULGz", "former Democratic Sen. Evan Bayh", ("former Sen.", None, None, "Evan Bayh")),
        # A title the model read into the name leaves the apposition after it to the name.
        ("6jtCNm1EK9woPzfD", "Rabbi Jack Moline", ("president", "Interfaith Alliance", None, "Jack Moline")),
        # Media offices before a name.
        ("RpmcdeYy5JBCIadh", "MSNBC Host Ed Schultz", ("Host", "MSNBC", None, "Ed Schultz")),
    ],
)
def test_v9_constructions_in_corpus_reports(
    article: str, needle: str, expected: tuple[str, str | None, str | None, str]
) -> None:
    assert expected in _corpus_offices(article, needle)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Denmark's Crown Princess Mary visited Paris.", ("Crown Princess", "Denmark", None, "Mary")),
        (
            "John Roe is a senior fellow at the Heritage Foundation.",
            ("senior fellow", "Heritage Foundation", None, "John Roe"),
        ),
        # A field written with "in" before the organisation's "at" is no part of the office.
        (
            "said Jane Roe, a senior fellow in governance studies at the Brookings Institution.",
            ("senior fellow", "Brookings Institution", None, "Jane Roe"),
        ),
        ("Former GOP Rep. John Roe, of Ohio, said so.", ("Former Rep.", "Ohio", None, "John Roe")),
        # A plural title spelt out is shared as "Sens." is, each name with its own seat.
        (
            "Republican Senators Jane Roe of Maine and Ann Doe of Alaska voted no.",
            ("Senators", "Alaska", None, "Ann Doe"),
        ),
    ],
)
def test_v9_titles_and_seats(text: str, expected: tuple[str, str | None, str | None, str]) -> None:
    assert expected in _offices(text)


def test_v9_fellow_before_a_name_is_no_title() -> None:
    assert not any(holder == "Mitt Romney" for _, _, _, holder in _offices("Fellow Republican Mitt Romney said no."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A lexicon title word that only modifies the noun after it: the title ends at the noun.
        (
            "Jane Roe, the firm's chief technology officer, said so.",
            ("chief technology officer", "firm", None, "Jane Roe"),
        ),
        (
            "said John Roe, chief investment officer at Acme Capital Management.",
            ("chief investment officer", "Acme Capital Management", None, "John Roe"),
        ),
        ("At the clinic, chief medical officer Ann Doe spoke.", ("chief medical officer", None, None, "Ann Doe")),
        # "in chief" belongs to the title; the organisation after it holds it.
        ("John Roe, editor-in-chief of the Yemen Post, said so.", ("editor-in-chief", "Yemen Post", None, "John Roe")),
        # A party between the owner's possessive and the title is the holder's, not the office's.
        (
            "Ads backed John Roe, the state's former Republican attorney general, in the race.",
            ("former attorney general", "state", None, "John Roe"),
        ),
        ("Ads backed John Roe, Nevada's Democratic governor, in the race.", ("governor", "Nevada", None, "John Roe")),
        # "one of ..." holds no office; the noun joined to it by "and" does.
        (
            "said Jane Roe, one of the authors of the study and a political scientist at Dartmouth College.",
            ("political scientist", "Dartmouth College", None, "Jane Roe"),
        ),
    ],
)
def test_v13_cut_titles_and_appositions(text: str, expected: tuple[str, str | None, str | None, str]) -> None:
    assert expected in _offices(text)


def test_v13_a_title_before_the_next_name_is_that_names() -> None:
    found = _offices("According to Roe, Acme's chief content officer, John Doe, sent the email.")
    assert ("chief content officer", "Acme", None, "John Doe") in found
    assert not any(holder == "Roe" for _, _, _, holder in found)


def test_v13_one_of_a_group_alone_is_no_office() -> None:
    assert not any(holder == "Jane Roe" for *_, holder in _offices("Jane Roe, one of the founders of the group, said."))


@pytest.mark.parametrize(
    ("article", "needle", "expected"),
    [
        ("AD5X03leXVl8VxYm", "Chris Wysopal", ("chief technology officer", "Veracode", None, "Chris Wysopal")),
        ("EsttiT3iosp4N8Rp", "Paul Glastris", ("editor-in-chief", "Washington Monthly", None, "Paul Glastris")),
        ("e7qrFz3pv1ZqspcO", "Brian Kemp, Georgia", ("governor", "Georgia", None, "Brian Kemp")),
        ("KZVbG1GNoyThRl4W", "David Rand", ("professor", "MIT Sloan School of Management", None, "David Rand")),
    ],
)
def test_v13_constructions_in_corpus_reports(
    article: str, needle: str, expected: tuple[str, str | None, str | None, str]
) -> None:
    assert expected in _corpus_offices(article, needle)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An organisation's name runs on through a second "of/for NAME" link.
        (
            "Jane Roe, dean of the University of Maryland School of Public Health, said so.",
            ("dean", "University of Maryland School of Public Health", None, "Jane Roe"),
        ),
        # A plural title after its modifier stands before every name of the list.
        ("It named state Reps. Tim Doe and Matt Roe on Monday.", ("state Reps.", None, None, "Matt Roe")),
        # The state after a lower-case title's city places the city; the name before holds the office.
        ("John Smith, the mayor of Austin, Texas, spoke on Monday.", ("mayor", "Austin", None, "John Smith")),
    ],
)
def test_v14_names_and_lists(text: str, expected: tuple[str, str | None, str | None, str]) -> None:
    assert expected in _offices(text)


def test_v14_a_name_before_a_noun_is_no_person() -> None:
    assert _offices("They went to a major United Nations environmental conference in Madrid.") == []


def test_v14_a_state_after_a_city_holds_no_office() -> None:
    found = _offices("John Smith, the mayor of Austin, Texas, spoke on Monday.")
    assert not any(holder == "Texas" for *_, holder in found)


@pytest.mark.parametrize(
    ("article", "needle", "expected"),
    [
        ("c2kV57AqrvTlUgrk", "Carl Tobias", ("professor", "University of Richmond School of Law", None, "Carl Tobias")),
        (
            "rcMRRY3DTHA3OPJf",
            "Jane Kirtley",
            ("director", "Silha Center for the Study of Media Ethics and Law", None, "Jane Kirtley"),
        ),
        ("sozXwUds7BBQvNIU", "Russ Diamond", ("state Reps.", None, None, "Russ Diamond")),
        # A person's name the model tags as an organisation after a lower-case title.
        ("HZyos1NmesMuBSk8", "Tulsi Gabbard", ("representative", "Hawaii", None, "Tulsi Gabbard")),
        ("T9h1UicwwThtBaT5", "Amber Mostyn", ("trial lawyer", "Houston", None, "Amber Mostyn")),
        ("pELog8eFTIozFGkl", "James Brainard", ("mayor", "Carmel", None, "James Brainard")),
    ],
)
def test_v14_constructions_in_corpus_reports(
    article: str, needle: str, expected: tuple[str, str | None, str | None, str]
) -> None:
    assert expected in _corpus_offices(article, needle)


def test_an_office_to_be_is_read_as_the_office() -> None:
    # "-elect" closes the office to be, whichever test reads the title.
    lex = lexicon()
    assert lex.is_state_office("State Senator-elect") and lex.is_state_office("State Senator")
    assert lex.is_national("President-elect") and lex.is_national("Defense Secretary-elect")
    assert not lex.is_state_office("State Department spokesman-elect")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A staff office's capitalised function belongs to the title, not to the holder's name.
        ("RNC Communications Director Jane Roe said the ad would run.", ("Communications Director", "RNC")),
        ("White House Senior Policy Adviser Tom Hale said no.", ("Senior Policy Adviser", "White House")),
        # A word that joins a name keeps the function word in the organisation's name.
        ("Office of Management and Budget Director Tom Hale said no.", ("Director", "Office of Management and Budget")),
        # Not before a head that is no staff office: a company named by the word keeps it.
        ("Verizon Communications CEO Tom Hale said no.", ("CEO", "Verizon Communications")),
        # After a capitalised word the model tags as no entity, the staff words are that name's, not the title's
        # ("Public" alone names nothing), at a sentence's start too.
        ("Public Policy Polling Director Tom Hale said the race was tied.", ("Director", "Public Policy Polling")),
        ("The poll was cited by Public Policy Polling Director Tom Hale.", ("Director", "Public Policy Polling")),
        # After the model's own organisation they are the function ("CNN Polling" names no organisation).
        ("CNN Polling Director Tom Hale said so.", ("Polling Director", "CNN")),
    ],
)
def test_a_staff_offices_function_is_part_of_the_title(text: str, expected: tuple[str, str]) -> None:
    assert [(title, of) for title, of, _, holder in _offices(text) if holder in ("Jane Roe", "Tom Hale")] == [expected]


def test_a_surname_before_a_generational_suffix_is_no_title() -> None:
    # "King Jr." closes a person's name: "King" held no office of "Ada Lovell" with "Jr." as its holder.
    doc = load_nlp()("The march was led by Ada Lovell King Jr. on Monday, and Sen. Tom S. King Jr. joined it.")
    people = [ent.text for ent in doc.ents if ent.label_ == "PERSON"]
    assert "Ada Lovell King Jr." in people and "Tom S. King Jr." in people
    assert ("Sen.", None, None, "Tom S. King Jr.") in _offices(
        "The march was led by Ada Lovell King Jr. on Monday, and Sen. Tom S. King Jr. joined it."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A holder written with a title of its own is the person, named without the title.
        ("Governor Tom Hale's chief of staff Ann Fryer said no.", ("chief of staff", "Tom Hale", None, "Ann Fryer")),
        ("Judge Ann Fryer, a nominee of President Tom Hale, wrote it.", ("nominee", "Tom Hale", None, "Ann Fryer")),
    ],
)
def test_a_titled_holder_is_the_person_named_without_the_title(
    text: str, expected: tuple[str, str | None, str | None, str]
) -> None:
    assert expected in _offices(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An adverb of time between the comma (or "who is") and the apposition's article.
        (
            '"It will pass," said Ann Fryer, who is now a senior fellow at the Brookings Institution.',
            ("senior fellow", "Brookings Institution", None, "Ann Fryer"),
        ),
        (
            "Tom Hale, currently the chief economist at Pantheon Macroeconomics, said so.",
            ("chief economist", "Pantheon Macroeconomics", None, "Tom Hale"),
        ),
        # A lower-case title's organisation the model names past an inner "of" ends at the comma before the name.
        (
            "Earlier, the director of the National Institutes of Health, Ann Fryer, agreed.",
            ("director", "National Institutes of Health", None, "Ann Fryer"),
        ),
        (
            "He flew to Iraq with the chairman of the Joint Chiefs of Staff, Gen. Tom Hale, on Monday.",
            ("chairman", "Joint Chiefs of Staff", None, "Tom Hale"),
        ),
        # A relational adjective opens the portfolio: "International" is no holder.
        (
            "International Trade Secretary Ann Fryer met the delegation.",
            ("International Trade Secretary", None, None, "Ann Fryer"),
        ),
        # A stance before the title names no holder; a country's demonym and a group's name still do.
        ("The protest ousted pro-Kremlin president Tom Hale in February.", ("president", None, None, "Tom Hale")),
        ("Israeli Prime Minister Tom Hale called for calm.", ("Prime Minister", "Israel", None, "Tom Hale")),
        ("Taliban leader Tom Hale called for calm.", ("leader", "Taliban", None, "Tom Hale")),
        # The words after a stance hold the office.
        ("The senator said anti-Trump FBI agent Tom Hale had sent the messages.", ("agent", "FBI", None, "Tom Hale")),
        # A title word opening a two-word name after an abbreviated title is the given name.
        ("Nevada Sen. Dean Holloway voted against the bill.", ("Sen.", "Nevada", None, "Dean Holloway")),
    ],
)
def test_v22_constructions(text: str, expected: tuple[str, str | None, str | None, str]) -> None:
    assert expected in _offices(text)


def test_a_hedge_or_a_faith_before_a_title_is_no_office_of_it() -> None:
    # "arguably the most powerful legislator" judges the holder; "Evangelical" names no holder of "pastor".
    assert not [o for o in _offices("The bill was opposed by Tom Hale, arguably the most powerful legislator here.")]
    assert not [o for o in _offices("Evangelical pastor Tom Hale called for calm.") if o[1] == "Evangelical"]
    # "Dean" is no second title stacked on "Sen.".
    assert [o[0] for o in _offices("The race pitted Sen. Dean Holloway against a newcomer.")] == ["Sen."]


def test_a_capitalised_anti_inside_an_organisation_is_no_stance() -> None:
    # "Anti-" opens the organisation the model names: the office keeps a holder (v22 read a stance and dropped it).
    # At a text's first token the hyphen does not join the holder, so the name is cut to "Defamation League" there.
    for text in (
        "Anti-Defamation League CEO Tom Hale said the report was alarming.",
        "The report was alarming, said Anti-Defamation League CEO Tom Hale on Monday.",
    ):
        [(title, of, _, person)] = _offices(text)
        assert (title, person) == ("CEO", "Tom Hale")
        assert of is not None and of.endswith("Defamation League"), of
    assert ("lawyer", None, None, "Tom Hale") in _offices("The group hired anti-Trump lawyer Tom Hale on Monday.")


def test_a_surname_the_model_tags_a_group_is_no_faith_word() -> None:
    # The model tags the second "Portman" a group (NORP): a word of a person named in the text is no faith or
    # movement word, so it holds the office (v22 dropped it); a faith word still holds none.
    text = 'Sen. Rob Portman is running again. "We are proud," Portman campaign manager Jill Baker said on Monday.'
    assert ("campaign manager", "Portman", None, "Jill Baker") in _offices(text)
    assert not [o for o in _offices("Evangelical pastor Tom Hale called for calm.") if o[1] == "Evangelical"]


def test_a_portfolio_opened_by_an_adjective_is_a_national_office() -> None:
    lex = lexicon()
    assert lex.is_national("International Trade Secretary")
    assert lex.is_national("Constitutional Affairs Minister")
    assert not lex.is_national("International Secretary")


def test_a_stance_prefix_is_cut_off_the_models_name() -> None:
    # The model seldom takes a lower-case "pro-"/"anti-" into a name (none in 200 sentences written to try; 5 in a
    # 300-report sample of the corpus), so the span it would tag is set by hand on the model's own parse: the fixer
    # keeps the name the stance is for, not the stance.
    doc = load_nlp(as_shipped=True)("A pro-Kremlin newspaper printed the story.")
    doc.ents = [Span(doc, 1, 4, label="NORP")]  # "pro-Kremlin"
    assert [(ent.text, ent.label_) for ent in fix_entities(doc).ents] == [("Kremlin", "NORP")]
    # A capitalised prefix inside an organisation the model tags is part of its name, no stance.
    doc = load_nlp()("Pro-Kremlin Republicans met on Monday.")
    assert ("Pro-Kremlin", "ORG") in [(ent.text, ent.label_) for ent in doc.ents]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An organisation named for the people it gathers: no country, no cut name.
        (
            "Tom Hale, president of Americans for Prosperity, said the group would spend heavily.",
            ("president", "Americans for Prosperity", None, "Tom Hale"),
        ),
        ("Americans for Prosperity President Tom Hale said so.", ("President", "Americans for Prosperity")),
        (
            "Ann Fryer, president of Students for Life of America, said so.",
            ("president", "Students for Life of America", None, "Ann Fryer"),
        ),
        # The title after the name: the sentence's first plural, a common noun to the model, opens the name.
        (
            "Students for Life of America President Tom Hale said the vote was a win.",
            ("President", "Students for Life of America", None, "Tom Hale"),
        ),
    ],
)
def test_an_organisation_named_for_its_members_holds_the_office(text: str, expected: tuple[str | None, ...]) -> None:
    assert expected in [o[: len(expected)] for o in _offices(text)]


def test_an_organisation_named_for_its_members_is_one_name() -> None:
    nlp = load_nlp()
    doc = nlp("The Koch-backed Americans for Tax Reform spent millions on the race.")
    assert ("Americans for Tax Reform", "ORG") in [(ent.text, ent.label_) for ent in doc.ents]
    # Not a plural before "for" and no name: "Americans for decades".
    assert "ORG" not in [ent.label_ for ent in nlp("Americans for decades have paid their taxes.").ents]


def test_a_group_for_a_holiday_is_no_organisation() -> None:
    # "Democrats for Halloween": a costume, not a group; the model's own ORG there was joined by the rule in v22.
    doc = load_nlp()("The governor and his family dress as 2020 Democrats for Halloween DC's party.")
    assert [i for i in range(len(doc)) if group_org_end(doc, i) > i] == []
    assert "Democrats for Halloween DC" not in [ent.text for ent in doc.ents]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A bullet or dash sets a contributor's note off from the body: the note still opens its sentence.
        (
            "The vote failed.\n\n• Jane Roe is a senior fellow at the Heritage Foundation.",
            ("senior fellow", "Heritage Foundation", None, "Jane Roe"),
        ),
        (
            "The vote failed.\n\n— John Doe is the director of policy studies at the Cato Institute.",
            ("director of policy studies", "Cato Institute", None, "John Doe"),
        ),
        # An honorific the model leaves out of the name is no part of the sentence either (session 32).
        (
            "The vote failed.\n\nDr. Jane Roe is a senior fellow at the Heritage Foundation.",
            ("senior fellow", "Heritage Foundation", None, "Jane Roe"),
        ),
    ],
)
def test_a_marked_off_contributor_note_states_the_office(
    text: str, expected: tuple[str, str | None, str | None, str]
) -> None:
    assert expected in _offices(text)


def test_a_note_goes_on_past_its_apposition_to_the_office_after_the_copula() -> None:
    # "NAME, APPOSITION, is TITLE of ORG" at a note's opening: both offices, the apposition's not barred by the
    # copula's (a reader that runs after the apposition reader read "a former CNN producer").
    found = _offices(
        "The vote failed.\n\nJane Roe, a former CNN producer and correspondent, is chairwoman of the Committee"
        " to Reduce Infection Deaths."
    )
    assert ("chairwoman", "Committee to Reduce Infection Deaths", None, "Jane Roe") in found
    assert ("former producer", "CNN", None, "Jane Roe") in found
    # An adjective after the copula is no office: only the apposition's.
    found = _offices("The vote failed.\n\nJohn Doe, an immigration law professor at Cornell University, is skeptical.")
    assert [o for o in found if o[3] == "John Doe"] == [
        ("immigration law professor", "Cornell University", None, "John Doe")
    ]


def test_the_office_after_an_appositions_copula_needs_its_organisation_and_a_full_name() -> None:
    # Without the organisation the shared reader may have cut the title before its complement (5 wrong of 7 such
    # offices on seed 123004); a surname alone is the body speaking of someone named before. Each sentence states
    # the apposition's office, so a reader that lost the sentence altogether would fail the first assertion.
    found = _offices("The vote failed.\n\nJane Roe, a former CNN producer, is a columnist.")
    assert [o for o in found if o[3] == "Jane Roe"] == [("former producer", "CNN", None, "Jane Roe")]
    found = _offices(
        "Mary Smith spoke.\n\nSmith, a former CNN producer, is chairwoman of the Committee to Reduce Infection Deaths."
    )
    assert ("former producer", "CNN", None, "Smith") in found
    assert not any(o[0] == "chairwoman" for o in found)
    found = _offices(
        "The vote failed.\n\nJane Roe, a former CNN producer, is chairwoman of the Committee to Reduce Infection Deaths."
    )
    assert ("chairwoman", "Committee to Reduce Infection Deaths", None, "Jane Roe") in found


def test_an_opening_was_is_the_body_not_a_note() -> None:
    # "NAME was a meticulous editor": tried as a note in session 32, it read the body's judgements (5 right of 11).
    text = "The vote failed.\n\nRonald Reagan was a transformative president of the United States."
    assert [o for o in _offices(text) if o[3] == "Ronald Reagan"] == []


def test_a_surname_alone_after_an_honorific_opens_no_note() -> None:
    # A note introduces its person in full; "Dr. Samadi is ..." speaks of someone named before.
    assert ("senior fellow", "Heritage Foundation", None, "John Roe") in _offices(
        "The vote failed.\n\nDr. John Roe is a senior fellow at the Heritage Foundation."
    )
    assert [
        o
        for o in _offices("John Roe spoke.\n\nDr. Roe is a senior fellow at the Heritage Foundation.")
        if o[0] == "senior fellow"
    ] == []


def test_a_past_copula_in_the_body_with_no_title_states_no_office() -> None:
    # After an apposition "was" closes it as "is" does: the words after it must still be an office.
    assert [
        o
        for o in _offices(
            "The vote failed.\n\nJohn Doe, a Harvard graduate, was a communist who spied for the Soviet Union."
        )
        if o[3] == "John Doe"
    ] == []


def test_a_note_in_mid_sentence_is_no_contributor_note() -> None:
    # Only marks before the name: a name after other words is no note's opening.
    assert not any(h == "Jane Roe" for *_, h in _offices("Yesterday, - Jane Roe is a senior fellow at Cato."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A country read as a given name stays in the name: "Chad Griffin", not the country and "Griffin".
        (
            "Human Rights Campaign executive director Chad Griffin outlined the group's plans on Wednesday.",
            ("executive director", "Human Rights Campaign", None, "Chad Griffin"),
        ),
        (
            "Acting Homeland Security Secretary Chad Wolf said on Tuesday that the agency would act.",
            ("Acting Homeland Security Secretary", None, None, "Chad Wolf"),
        ),
    ],
)
def test_a_country_given_name_stays_in_the_name(text: str, expected: tuple[str, str | None, str | None, str]) -> None:
    assert expected in _offices(text)
    assert ("Chad", "GPE") not in [(ent.text, ent.label_) for ent in load_nlp()(text).ents]


def test_a_country_before_another_persons_surname_is_no_given_name() -> None:
    # "Georgia Kemp" in a headline list beside "Brian Kemp": the country stays a place (the model tags the pair one
    # person: without the surname check the fixer keeps it).
    doc = load_nlp()("Georgia Kemp vows revenge. Brian Kemp said so on Monday.")
    assert "Georgia Kemp" not in [ent.text for ent in doc.ents]
    assert ("Georgia", "GPE") in [(ent.text, ent.label_) for ent in doc.ents]


def test_a_country_after_a_preposition_is_no_given_name() -> None:
    # The model tags "Georgia Kemp" one person; "in" says the country is where it happened.
    doc = load_nlp()("In Georgia Kemp won the race on Monday.")
    assert "Georgia Kemp" not in [ent.text for ent in doc.ents]


def test_a_list_of_countries_is_no_given_name() -> None:
    # A list the model reads as names: a country after a given-name country ("Jordan Morocco") opens no person.
    doc = load_nlp()("Visitors came from Spain, Jordan Morocco and Poland.")
    assert not [ent.text for ent in doc.ents if ent.label_ == "PERSON"]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # An organisation's name after its kind noun: "the group Jordan Rising" is no person.
        ("The research group Jordan Rising filed the complaint on Monday.", "Jordan"),
        # The second word is compounded onto a noun after it: a station, not a person.
        ("Rivera told Chad Info radio on Monday that the talks had failed.", "Chad"),
        # A country that is a rare given name (under one in 2,000 in the census tables) is a place before a name.
        ("Cohen told Israel Hayom on Monday that the vote would go ahead.", "Israel"),
    ],
)
def test_a_country_before_a_word_that_is_no_surname_stays_a_place(text: str, country: str) -> None:
    ents = [(ent.text, ent.label_) for ent in load_nlp()(text).ents]
    assert (country, "GPE") in ents
    assert not [name for name, label in ents if label == "PERSON" and name.startswith(country)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An opposition frontbencher's office: "Shadow" opening the sentence is the title's, no holder.
        (
            "The talks failed. Shadow foreign secretary John Roe said there was a need.",
            ("Shadow foreign secretary", None, None, "John Roe"),
        ),
        # The interior portfolio's lower-case "home" belongs to the title as "foreign" does.
        (
            "The bill was rushed. Shadow home secretary Tom Ashby said it would not pass.",
            ("Shadow home secretary", None, None, "Tom Ashby"),
        ),
        (
            "The plan failed, said shadow chancellor Jane Roe on Monday.",
            ("shadow chancellor", None, None, "Jane Roe"),
        ),
    ],
)
def test_a_shadow_office_is_the_titles(text: str, expected: tuple[str, str | None, str | None, str]) -> None:
    assert expected in _offices(text)


@pytest.mark.parametrize(
    "text",
    [
        "The plan failed. Liberal Democrat leader John Roe said it was wrong.",
        "The plan failed, said Lib Dem home affairs spokesman John Roe.",
    ],
)
def test_britains_liberal_democrats_hold_their_offices(text: str) -> None:
    # "Democrat" alone was read as the US Democratic Party, or the party kept as written ("Lib Dem").
    assert [o[1] for o in _offices(text) if o[3] == "John Roe"] == ["Liberal Democrats"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A place inside an apposition's title is the field its holder covers; the organisation after "at" holds it,
        # and the title is written without the place (the annotation guide: "without the country or organisation").
        (
            "Rates will rise, said Maria Lopez, chief U.S. economist at Barclays Plc in New York.",
            ("chief economist", "Barclays Plc", None, "Maria Lopez"),
        ),
        (
            "Omar Hassan, a senior U.S. economist at Societe Generale, said the note was late.",
            ("senior economist", "Societe Generale", None, "Omar Hassan"),
        ),
        (
            "He spoke with Tom Baker, a Russia adviser at the White House, on Monday.",
            ("adviser", "White House", None, "Tom Baker"),
        ),
        (
            "said Karen Wills, a Middle East analyst at the Center for a New American Security.",
            ("analyst", "Center for a New American Security", None, "Karen Wills"),
        ),
        (
            '"Prices will rise," said Karen Hollis, chief UK economist at Danbury Capital.',
            ("chief economist", "Danbury Capital", None, "Karen Hollis"),
        ),
        # A city or state before the title is read as before v26 ("lawyer" of the firm).
        ('"It is late," said Pat Cole, a New York lawyer at Jones Day.', ("lawyer", "Jones Day", None, "Pat Cole")),
        # A title after "for" names whom the office serves: the organisation before it holds it.
        ("said Jane Roe, director of the FBI for President Obama.", ("director", "FBI", None, "Jane Roe")),
        # With "for" or with no organisation after it, a country before the title is still its holder.
        (
            "said John Doe, the U.S. attorney for Connecticut, on Friday.",
            ("attorney", "United States", None, "John Doe"),
        ),
    ],
)
def test_a_place_inside_a_title_held_at_an_organisation(
    text: str, expected: tuple[str, str | None, str | None, str]
) -> None:
    assert expected in _offices(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ('"Prices will rise," said Karen Hollis, chief UK economist at Danbury Capital.', "UK"),
        ("Dan Wolf, a Middle East analyst at the Harwick Institute, said it was late.", "Middle East"),
        ("He spoke with Tom Baker, a Russia adviser at the White House, on Monday.", "Russia"),
    ],
)
def test_the_place_inside_a_title_stays_an_entity(text: str, place: str) -> None:
    # The title's words are claimed from the model's entities; the place among them is not one of them.
    doc = load_nlp()(text)
    assert place in [ent.text for ent in doc.ents]


@pytest.mark.parametrize(
    "text",
    [
        # A facility or a common noun after "at" is where the holder works: no office of it.
        '"It is late," said John Smith, the top U.S. commander at Bagram Air Base.',
        '"It is late," said Jane Doe, a U.S. official at the embassy in Kabul.',
    ],
)
def test_a_place_inside_a_title_at_no_organisation_is_no_field(text: str) -> None:
    assert all(o[1] not in ("Bagram Air Base", "embassy") for o in _offices(text))


def test_a_city_inside_a_title_is_no_field() -> None:
    # Only a country or region was counted as a title's field (every changed role in the samples): a city inside a
    # title is left as before v26, where the apposition reader stops at it.
    text = '"It is late," said Sam Lee, chief Chicago economist at Harris Bank.'
    assert [o for o in _offices(text) if o[3] == "Sam Lee"] == []


def test_the_organisation_after_a_title_ends_with_its_sentence() -> None:
    text = '"Rates will fall," said Meg Ross, an analyst at JPMorgan Chase & Co. Analysts expect more cuts.'
    assert ("analyst", "JPMorgan Chase & Co.", None, "Meg Ross") in _offices(text)


# entities.rules.v28: honorifics beside the holder and preposed appositions, each on a report of the AllSides corpus
# outside gold/dev (docs/extractors.md, "Honorifics beside the holder, preposed appositions", has the counts).
@pytest.mark.parametrize(
    ("article", "needle", "expected"),
    [
        # "a spokesman for Mr. Durham": the name after the honorific is whom the office serves.
        ("3hfz4awGDcWKpiYC", "a spokesman for Mr. Durham", ("spokesman", "Durham", None, "Thomas Carson")),
        ("DIRx9B4sKjihKMqw", "a defense attorney for Mr.", ("defense attorney", "Manafort", None, "Kevin Downing")),
        # "NAME, Mr. Ryan's spokesman": the honorific opens the apposition.
        ("jQTcdXyS265ttXmm", "Mr. Ryan’s spokesman", ("spokesman", "Ryan", None, "Conor Sweeney")),
        # "NAME, President Barack Obama's former attorney general": the possessor's own title comes first.
        (
            "Trjj0hqZyeYHgokm",
            "President Barack Obama's former attorney general",
            ("former attorney general", "Barack Obama", None, "Eric Holder"),
        ),
        (
            "M8hgS3mObSa5TrlX",
            "President Trump’s former personal attorney",
            ("former personal attorney", "Trump", None, "Michael Cohen"),
        ),
        # "the head of ORG, NAME,": the title and its holder written before the name.
        ("qCoUbwALRWZTt5cS", "watchdog Judicial Watch, Tom Fitton", ("head", "Judicial Watch", None, "Tom Fitton")),
        ("Q6OBWCoFg6fW8EBG", "Arab League, Nabil Elaraby", ("head", "Arab League", None, "Nabil Elaraby")),
    ],
)
def test_honorifics_and_preposed_appositions(article: str, needle: str, expected: tuple[str, str, None, str]) -> None:
    assert expected in _corpus_offices(article, needle)


def test_an_honorific_after_for_is_no_title_word() -> None:
    found = _corpus_offices("3hfz4awGDcWKpiYC", "a spokesman for Mr. Durham")
    assert not any(title.endswith("Mr.") for title, *_ in found)


def test_a_name_after_a_common_noun_holder_takes_no_preposed_office() -> None:
    # "a spokesman for the show's creator, Mark Burnett": the name is the creator's, not the spokesman's.
    found = _corpus_offices("rmdqV84MhpUptrlw", "creator, Mark Burnett")
    assert not any(holder == "Mark Burnett" for *_, holder in found)


def test_an_organisation_cut_at_the_and_before_a_second_possessor_keeps_its_own_and() -> None:
    # The "and" that joins a second apposition stands just before the possessor's title; an earlier one is the
    # organisation's own (the cut took the first "and" and left "Health").
    text = (
        "Tom Price, the former secretary of Health and Human Services and President Donald Trump's former budget "
        "adviser, said it."
    )
    assert ("former secretary", "Health and Human Services", None, "Tom Price") in _offices(text)


def test_a_text_ending_on_a_titles_for_is_read() -> None:
    # A headline or a cut paragraph may end on "for": the honorific check after it looked one token past the end
    # (an IndexError). Read, the text names no holder, so it holds no office.
    assert _offices("White House spokesman for") == []


def test_a_preposed_titles_organisation_drops_its_countrys_possessive() -> None:
    # "the head of China's National Health Commission, Ma Xiaowei": the organisation is named after the country.
    found = _corpus_offices("skIFmondPQsreWCU", "National Health Commission, Ma Xiaowei")
    assert ("head", "National Health Commission", None, "Ma Xiaowei") in found


# entities.rules.v30: a title "for" a person's possessed campaign is the campaign's (the annotation guide's `of`, as
# "A Romney campaign spokeswoman" is of the Romney campaign); a person alone after "for" stays whom it serves.
@pytest.mark.parametrize(
    ("article", "needle", "expected"),
    [
        (
            "Sw7rz2dBDNIDQ5AQ",
            "deputy press secretary for Mr. Obama",
            ("deputy press secretary", "Obama campaign", None, "Adam Fetcher"),
        ),
        ("K7wsgN9YCr2PHmGI", "the manager for Mr. Bush", ("manager", "Bush campaign", None, "Danny Diaz")),
        # Named by the candidate's surname, as "the Rubio campaign" is (was "Marco Rubio campaign").
        (
            "EeKElmyvvpKCiLkH",
            "campaign manager for Sen. Marco Rubio",
            ("campaign manager", "Rubio campaign", None, "Terry Sullivan"),
        ),
    ],
)
def test_a_title_for_a_possessed_campaign_is_the_campaigns(
    article: str, needle: str, expected: tuple[str, str, None, str]
) -> None:
    assert expected in _corpus_offices(article, needle)


def test_a_title_for_a_person_or_a_possessed_non_organisation_serves_the_person() -> None:
    found = _offices(
        "Chip Englander, campaign manager for Rand Paul, agreed. Jay Carney, a spokesman for Mr. Obama's "
        "re-election campaign, agreed. Ann Lee, an adviser for Mr. Obama's family, left."
    )
    assert ("campaign manager", "Rand Paul", None, "Chip Englander") in found
    assert ("spokesman", "Obama campaign", None, "Jay Carney") in found
    assert ("adviser", "Obama", None, "Ann Lee") in found


def test_an_organisation_before_an_ambassadors_title_is_the_posting() -> None:
    # entities.rules.v30: "U.N. Ambassador NAME" is a state's ambassador to the U.N. (the guide's "U.S. Ambassador to
    # the U.N."); a country written before the organisation sends the ambassador.
    found = _offices(
        "Russian U.N. Ambassador Vassily Nebenzia disagreed. U.N. Ambassador Nikki Haley said so. "
        "Turkish President Recep Tayyip Erdogan spoke."
    )
    assert ("Ambassador", "Russia", "U.N.", "Vassily Nebenzia") in found
    assert ("Ambassador", None, "U.N.", "Nikki Haley") in found
    assert ("President", "Turkey", None, "Recep Tayyip Erdogan") in found


def test_an_organisation_before_an_ambassadors_title_with_a_posting_after_it_is_the_sender() -> None:
    # "to" after the title writes the posting, so the organisation before it sends the ambassador (the posting rule
    # had read it as the posting, then "to" replaced it and the sender was lost).
    found = _offices(
        "African Union Ambassador to the United States Arikana Chihombori-Quao spoke. "
        "Arab League Ambassador to Britain Fatima Khan spoke."
    )
    assert ("Ambassador", "African Union", "United States", "Arikana Chihombori-Quao") in found
    assert ("Ambassador", "Arab League", "United Kingdom", "Fatima Khan") in found


# entities.rules.v32: a present-tense relative clause on a person's name, or on the apposition describing the name,
# whose verb names an office ("who heads/chairs/leads/directs ORG") is an office beside any title of the person.
@pytest.mark.parametrize(
    ("article", "needle", "expected"),
    [
        (
            "eko0lzijcuKhQ3KT",
            "the Oklahoma Republican who chairs",
            ("chair", "Armed Services Committee", None, "Jim Inhofe"),
        ),
        ("VAkRvABuKiyH1CXh", "who leads the House", ("leader", "House Intelligence Committee", None, "Adam Schiff")),
        (
            "v8w9Q71e5zIQmamK",
            "who directs the White House",
            ("director", "White House Office of Science and Technology Policy", None, "John Holdren"),
        ),
    ],
)
def test_a_relative_clause_naming_an_office_is_an_office(
    article: str, needle: str, expected: tuple[str, str, None, str]
) -> None:
    assert expected in _corpus_offices(article, needle)


@pytest.mark.parametrize(
    ("article", "needle", "name"),
    [
        # A race's leader in the polls governs no organisation.
        ("tCIttN33rnWi88ZI", "who leads Democrat Bruce Braley", "Joni Ernst"),
        # The object is a body inside the one named ("the FDA committee of specialists").
        ("xuAdArdSmLvoeH2b", "who chairs the FDA committee", "Raeford Brown"),
    ],
)
def test_a_relative_clause_governing_no_organisation_is_no_office(article: str, needle: str, name: str) -> None:
    assert not [o for o in _corpus_offices(article, needle) if o[3] == name and o[0] in ("leader", "chair")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A job WordNet files under an occupation, held at an organisation the model tags, with the place that is
        # its field before it (entities.rules v35): the parse's apposition rule read none.
        (
            "Jane Doe, an Africa expert at Chatham House, said the vote was close.",
            ("expert", "Chatham House", None, "Jane Doe"),
        ),
        (
            "John Smith, a Latin America specialist at the University of New Orleans, wrote on CNN.",
            ("specialist", "University of New Orleans", None, "John Smith"),
        ),
    ],
)
def test_a_job_wordnet_files_under_an_occupation_held_at_an_organisation_is_an_office(
    text: str, expected: tuple[str, str | None, str | None, str]
) -> None:
    assert expected in _offices(text)


@pytest.mark.parametrize(
    "text",
    [
        # No organisation after it: the noun may describe the person, not an office.
        "Bob Roe, a veteran of the Iraq war, spoke.",
        # "for" names what is sought, not where a job is held.
        "Bob Roe, a Republican candidate for Congress from Connecticut, spoke.",
    ],
)
def test_a_job_noun_with_no_organisation_or_no_job_noun_is_no_office(text: str) -> None:
    assert [o for o in _offices(text) if o[3] == "Bob Roe"] == []


@pytest.mark.parametrize(
    ("text", "noun", "read"),
    [
        ("Jane Doe, a criminologist at Northeastern University, said the vote was close.", "criminologist", True),
        # "of" names where the job is held after "the" only, and a place the model tags holds it there.
        ("Jane Doe, the owner of Acme Corp., said the vote was close.", "owner", True),
        ("Jane Doe, the archbishop of Washington, said the vote was close.", "archbishop", True),
        ("Jane Doe, an owner of Acme Corp., said the vote was close.", "owner", False),
        # No organisation after "at", a place after "at", or a word other than "at"/"of".
        ("Jane Doe, a criminologist at home, said the vote was close.", "criminologist", False),
        ("Jane Doe, a criminologist at Boston, said the vote was close.", "criminologist", False),
        ("Jane Doe, a criminologist in Boston, said the vote was close.", "criminologist", False),
        # A relation to someone, no job: WordNet files "friend" outside the occupations.
        ("Jane Doe, a friend of Acme Corp., said the vote was close.", "friend", False),
    ],
)
def test_job_title_at_reads_a_job_noun_only_before_where_it_is_held(text: str, noun: str, read: bool) -> None:
    # job_title_at alone, the other apposition rules aside: each guard of it is one case here.
    doc = load_nlp()(text)
    i = next(t.i for t in doc if t.text == noun)
    assert job_title_at(doc, i, lexicon()) == (i + 1 if read else i)


def test_the_title_nouns_file_is_what_the_wordnet_script_writes() -> None:
    # The list is generated, not edited by hand: bench/wordnet_titles.py reproduces it from WordNet 3.0 (Debian's
    # wordnet-base), header included.
    wordnet = WORDNET
    module = wordnet_script("wordnet_titles")
    written = (REPO / "src/dateline/data/title_nouns.txt").read_text(encoding="utf-8")
    listed = module.title_nouns(wordnet)
    assert written == module.HEADER + "\n".join(listed) + "\n"
    nouns = set(listed)
    assert {"treasurer", "owner", "criminologist", "lecturer"} <= nouns
    assert not {"friend", "wife", "fan", "voter"} & nouns


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # entities.rules.v42 (session 30's mends, landed in session 31): a capitalised field of study after a
        # title's "of" is the title's (`_capital_field`), as a lower-case one is ("professor of law"); the
        # organisation after "at" holds the office. Before, "Law" was the office's `of` and an entity of its own.
        (
            "Anthony Kronman, Sterling Professor of Law at Yale University, said so.",
            ("Professor of Law", "Yale University", None, "Anthony Kronman"),
        ),
        (
            "Jane Roe, a professor of Economics and History at Harvard University, said so.",
            ("professor of Economics and History", "Harvard University", None, "Jane Roe"),
        ),
        # A name cut short (`_of_reaches_its_head`) is no holder: the office stays, without its "of".
        (
            "Nelson Mandela, commander-in-chief of Umkhonto we Sizwe, was arrested.",
            ("commander-in-chief", None, None, "Nelson Mandela"),
        ),
        (
            "Ahmed Abu Khattala, a leader of Ansar al-Sharia, was arrested in Benghazi.",
            ("leader", None, None, "Ahmed Abu Khattala"),
        ),
        # A company whose name is a common noun, no field of study, still holds the office; a name that is a
        # compound on a common noun is no name cut short.
        ("Jane Roe, the chief executive of Apple, said so.", ("chief executive", "Apple", None, "Jane Roe")),
        (
            "Mitchell Kapor, chairman of the Mozilla foundation, warned.",
            ("chairman", "Mozilla", None, "Mitchell Kapor"),
        ),
    ],
)
def test_an_appositions_of_is_a_whole_name_not_a_field(
    text: str, expected: tuple[str, str | None, str | None, str]
) -> None:
    assert expected in _offices(text)
    assert not [o for o in _offices(text) if o[1] in ("Law", "Economics", "Umkhonto", "Ansar")]


def test_an_of_compounded_on_a_common_noun_is_no_name_cut_short() -> None:
    # A BBC report (seed 93002's hand check): "UK" is a compound on "magazine", a common noun, not on the name
    # "Mac Format" through it; walked through to the name, `_of_reaches_its_head` dropped the office's `of`.
    # The guide's `of` is the magazine; "United Kingdom" is the reader's as at entities.rules.v41.
    offices = _offices("Ian Harris, deputy editor of UK magazine Mac Format, said the machine would sell.")
    assert [o[1] for o in offices if o[0] == "deputy editor"] in (["United Kingdom"], ["Mac Format"])


def test_the_field_nouns_file_is_what_the_wordnet_script_writes() -> None:
    # Generated beside title_nouns.txt by bench/wordnet_titles.py from WordNet 3.0, header included.
    module = wordnet_script("wordnet_titles")
    written = (REPO / "src/dateline/data/field_nouns.txt").read_text(encoding="utf-8")
    listed = module.field_nouns(WORDNET)
    assert written == module.FIELDS_HEADER + "\n".join(listed) + "\n"
    nouns = set(listed)
    assert {"law", "economics", "history", "sociology"} <= nouns
    assert not {"apple", "state", "defense", "justice", "treasury"} & nouns


# entities.rules.v46 (session 33), on AllSides reports outside gold/dev (the hand check's draws, seeds 136100 and
# 136200, in docs/history/entities.md).
@pytest.mark.parametrize(
    ("article", "needle", "expected"),
    [
        # "another" opens an apposition as an article does.
        ("IiL7nzil6oL5gZWH", "Eric Herschmann, another", ("defense lawyer", "Trump", None, "Eric Herschmann")),
        ("B7s6fg2jRYbpbYLS", "another attorney for Trump", ("attorney", "Trump", None, "Jay Sekulow")),
        # A relative clause opened by "whose" after the apposition's title.
        ("eQuk9tgLouPdVBxb", "the radio host whose", ("radio host", None, None, "Garrison Keillor")),
    ],
)
def test_an_apposition_after_another_or_before_whose_states_the_office(
    article: str, needle: str, expected: tuple[str, str | None, str | None, str]
) -> None:
    assert expected in _corpus_offices(article, needle)


def test_another_with_a_party_or_no_holder_describes_a_standing() -> None:
    # "Massachusetts Gov. Charlie Baker, another GOP leader who does not automatically follow Trump's lead": one
    # more of a kind in a party, no office (`_another_of_a_kind`); the governor's own title stays.
    offices = _corpus_offices("ILfOiBcYLM8jkmCf", "another GOP leader")
    assert ("Gov.", "Massachusetts", None, "Charlie Baker") in offices
    assert not [o for o in offices if o[0] == "leader"]


def test_a_plural_position_before_a_list_of_names_is_each_names_office() -> None:
    offices = _offices("The texts between FBI officials Peter Strzok and Lisa Page were released.")
    assert ("official", "FBI", None, "Peter Strzok") in offices
    assert ("official", "FBI", None, "Lisa Page") in offices
    # Without a holder the plural may say what they are, not an office; before one name it is no list.
    assert _offices("The plan came from economists Stephen Moore and Arthur Laffer.") == []
    assert not [o for o in _offices("The FBI officials Peter Strzok texted were fired.") if o[0] == "official"]
    # A list that goes on to something other than a name is none.
    assert not [o for o in _offices("White House aides Rob Nabors and his deputy met them.") if o[0] == "aide"]


def test_a_plural_that_says_a_standing_is_no_office() -> None:
    # "GOP incumbents", "small business owners": what the listed stand as, not a position held of the holder
    # (`_STANDING_PLURALS`; every office read from them in the session 33 hand check and review was wrong).
    # The same construction with a position keeps it, so the test cannot pass with the plural reader gone.
    standing = _offices("It ends in a runoff between GOP incumbents Charles Boustany and Jeff Landry next month.")
    assert not [o for o in standing if o[0] == "incumbent"]
    position = _offices("It ends in a runoff between GOP leaders Charles Boustany and Jeff Landry next month.")
    assert ("leader", "Republican Party", None, "Jeff Landry") in position


def test_a_possessive_inside_an_organisations_name_stays_in_the_holder() -> None:
    # entities.rules.v47 (session 34): "Moody's Analytics economists Mark Zandi and Sophia Koropeckyj" (an
    # AllSides report outside gold/dev). The model names "Moody's Analytics" one organisation; the plural reader
    # cut it to "Analytics" and left "Moody" an entity of its own (a place, and a claim's claimant "Analytics").
    offices = _corpus_offices("lXMXw8UDEp2K2r0O", "Moody’s Analytics economists")
    assert ("economist", "Moody’s Analytics", None, "Mark Zandi") in offices
    assert ("economist", "Moody’s Analytics", None, "Sophia Koropeckyj") in offices
    # A possessive the model leaves outside the organisation is its possessor, not part of its name.
    assert ("official", "FBI", None, "Lisa Page") in _offices(
        "Trump's FBI officials Peter Strzok and Lisa Page were fired."
    )


def test_a_possessor_before_a_party_is_no_part_of_the_holder() -> None:
    # "the former chief strategist for Trump's Republican rival John Kasich" (an AllSides report outside gold/dev,
    # seed 155200 of the session 34 hand check): the model names "Trump's Republican" one organisation, but a
    # person's possessive before a party is its possessor; the office is the party's, as before v47. (Only the
    # party test holds this one: "Donald Trump" is not in the paragraph.)
    offices = _corpus_offices("uiMxZower8pwr3ID", "Trump’s Republican rival")
    assert ("rival", "Republican Party", None, "John Kasich") in offices


def test_a_possessor_the_model_names_a_person_is_no_part_of_the_holder() -> None:
    # The other narrowing of v47's inner possessive (session 34 review): the model names "Trump's America First
    # Action" one organisation; "Trump" is a word of the person "Donald Trump", so the possessive is its
    # possessor, not part of the name ("Trump's America First Action" without the person test).
    offices = _offices("Donald Trump spoke on Monday. Trump's America First Action president Brian Walsh said so.")
    assert ("president", "America First Action", None, "Brian Walsh") in offices


def test_a_possessor_the_model_names_a_person_by_a_surname_alone_is_no_part_of_the_holder() -> None:
    # The person test counts a surname the model tags a person on its own (session 34, seed 175000): in an
    # AllSides report outside gold/dev the model names "Trump's Office of Management and Budget" one organisation
    # and "Trump" a person only alone ("Trump and Mulvaney deserve credit"), never in a full name; v47 without
    # that kept the possessor, "director" of "Trump's Office of Management and Budget". The whole report is parsed:
    # the person is tagged in another paragraph.
    import json

    from tests.conftest import CORPUS, require_shared

    jsons = require_shared(CORPUS / "allsides-article-bias" / "jsons")
    offices = _offices(json.loads((jsons / "veb5zFjkfkWJVEIU.json").read_text(encoding="utf-8"))["content_original"])
    assert ("director", "Office of Management and Budget", None, "Mick Mulvaney") in offices
    assert not [o for o in offices if o[1] and "Trump’s" in o[1]]
    # A one-word person only where it modifies a noun is no person: the review's report (seed 165000) on "Kohl’s
    # Corp. CEO Kevin Mansell" tags "Kohl" a person once, in "the Kohl’s store"; the store's name stays whole.
    offices = _offices(json.loads((jsons / "B8PC6pgFm9kazzPP.json").read_text(encoding="utf-8"))["content_original"])
    assert ("CEO", "Kohl’s Corp.", None, "Kevin Mansell") in offices


def test_a_possessive_inside_a_one_name_organisation_stays_in_the_holder() -> None:
    # The one-name compound reader (not the plural one): an AllSides report outside gold/dev drawn by the session 34
    # review (seed 165000) was "President" of "Benevolent Association", leaving that cut name an entity.
    offices = _corpus_offices("RS8LLnX8YjQagVMF", "Patrolmen's Benevolent Association President")
    assert ("President", "Patrolmen's Benevolent Association", None, "Patrick Lynch") in offices
