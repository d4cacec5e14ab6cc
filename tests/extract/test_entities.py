"""The entities extractor on the two real sample reports (read from ../shared, never copied here)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from dateline.ingest import article_from_text
from dateline.model import Analysis, Article, Entity
from dateline.pipeline import Pipeline
from tests.conftest import SAMPLES

SAMPLE_2024 = SAMPLES / "000_203792c8ef24aec9.txt"
SAMPLE_2023 = SAMPLES / "001_a0646dd05a271d27.txt"


def _analyse(path: Path) -> Analysis:
    article = article_from_text(path.read_text(encoding="utf-8"), source_path=str(path))
    result = next(Pipeline(["entities.rules"]).run([article]))
    assert isinstance(result, Analysis), result
    return result


@pytest.fixture(scope="module")
def e2024() -> Analysis:
    return _analyse(SAMPLE_2024)


@pytest.fixture(scope="module")
def e2023() -> Analysis:
    return _analyse(SAMPLE_2023)


def _find(analysis: Analysis, name: str) -> Entity:
    found = [e for e in analysis.entities if name == e.name or name in e.aliases]
    assert len(found) == 1, (name, [(e.name, e.aliases) for e in analysis.entities])
    return found[0]


def test_possessive_title_and_to_become_a_structured_role(e2024: Analysis) -> None:
    person = _find(e2024, "Khazar Farhadov")
    assert person.type == "PERSON"
    assert [(r.title, r.of, r.to) for r in person.roles] == [("Ambassador", "Azerbaijan", "Pakistan")]
    assert {"Farhadov", "Ambassador Farhadov"} <= set(person.aliases)


def test_demonym_title_maps_to_the_country(e2023: Analysis) -> None:
    person = _find(e2023, "Khazar Farhadov")
    assert ("Ambassador", "Azerbaijan", "Pakistan") in [(r.title, r.of, r.to) for r in person.roles]
    assert "the ambassador" in person.aliases
    president = _find(_analyse(SAMPLE_2024), "Ilham Aliyev")
    assert [(r.title, r.of) for r in president.roles] == [("President", "Azerbaijan")]


def test_long_appositive_title_of_a_country(e2023: Analysis) -> None:
    minister = _find(e2023, "Muhammad Talha Mahmud")
    assert [(r.title, r.of) for r in minister.roles] == [
        ("Federal Minister for States and Frontier Regions", "Pakistan")
    ]
    assert "the minister" in minister.aliases
    assert len(minister.spans) >= 3


def test_title_of_an_organisation_and_head_of(e2023: Analysis) -> None:
    assert [(r.title, r.of) for r in _find(e2023, "Leyla Aliyeva").roles] == [
        ("Vice-President", "Heydar Aliyev Foundation")
    ]
    khan = _find(e2023, "Khusro Pervaiz Khan")
    assert [(r.title, r.of) for r in khan.roles] == [("head of campus", "SZABIST Islamabad campus")]
    waheed = _find(e2023, "Taraq Waheed")
    assert waheed.roles[0].title == "head of the Faculty of Social Sciences and Diplomatic Studies"
    assert waheed.roles[0].of == "SZABIST"


def test_model_errors_are_corrected(e2024: Analysis) -> None:
    # en_core_web_sm tags these as PERSON or ORG, or glues a country to a name.
    assert _find(e2024, "Milli Majlis").type == "ORG"
    assert _find(e2024, "Armenia").type == "GPE"
    assert _find(e2024, "News.Az").type == "ORG"
    names = {e.name for e in e2024.entities}
    assert not any(n.startswith(("Pakistan Khazar", "Azerbaijan’s")) for n in names)


def test_people_sharing_a_surname_and_namesake_organisations_stay_apart(e2024: Analysis) -> None:
    heydar, ilham, leyla = (_find(e2024, n) for n in ("Heydar Aliyev", "Ilham Aliyev", "Leyla Aliyeva"))
    foundation = _find(e2024, "Heydar Aliyev Foundation")
    assert len({heydar.id, ilham.id, leyla.id, foundation.id}) == 4
    assert foundation.type == "ORG"


def test_organisation_aliases_within_an_article(e2024: Analysis, e2023: Analysis) -> None:
    embassy = _find(e2024, "Embassy of Azerbaijan in Islamabad")
    assert "Azerbaijan’s Embassy" in embassy.aliases
    assert _find(e2024, "National Library of Pakistan").aliases
    szabist = _find(e2023, "Shaheed Zulfikar Ali Bhutto Institute of Science and Technology")
    assert {"SZABIST", "SZABIST Islamabad campus"} <= set(szabist.aliases)
    assert "Parliament" in _find(e2023, "Milli Majlis").aliases
    assert "Foundation" in _find(e2023, "Heydar Aliyev Foundation").aliases


def test_no_junk_entities(e2024: Analysis, e2023: Analysis) -> None:
    for analysis in (e2024, e2023):
        for entity in analysis.entities:
            assert entity.type in {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}
            assert any(c.isalpha() for c in entity.name)
            entity.check_spans(analysis.article.text)
    assert "Islamabad" not in {e.name for e in e2023.entities}  # only inside the SZABIST campus name there
    assert "Zulfikar Ali Bhutto" not in {e.name for e in e2023.entities}


def test_deterministic() -> None:
    first = [e.to_dict() for e in _analyse(SAMPLE_2023).entities]
    assert first == [e.to_dict() for e in _analyse(SAMPLE_2023).entities]


def test_us_states_place_a_report_at_home_for_national_offices() -> None:
    text = "Secretary of State John Smith spoke in Ohio on Friday.\n\nHe toured Pennsylvania and Michigan on Saturday."
    article = article_from_text(text, source_path="states.txt", detect_headline=False)
    result = next(Pipeline(["entities.rules"]).run([article]))
    assert isinstance(result, Analysis)
    smith = _find(result, "John Smith")
    assert [(r.title, r.of) for r in smith.roles] == [("Secretary of State", "United States")]


@pytest.mark.parametrize(
    ("text", "name", "not_alias"),
    [
        ("WASHINGTON/NEW YORK (Reuters) - Lawmakers met on Friday.", "New York", "Washington"),
        ("LAS VEGAS, NEVADA -- Voters lined up on Friday.", "Nevada", "Las Vegas"),
    ],
)
def test_a_datelines_second_place_keeps_its_own_name(text: str, name: str, not_alias: str) -> None:
    # Only the dateline's own place takes the dateline's name ("BAKU -" is "Baku"), not a region or second city.
    article = article_from_text(text, source_path="dateline.txt", detect_headline=False)
    result = next(Pipeline(["entities.rules"]).run([article]))
    assert isinstance(result, Analysis)
    found = [e for e in result.entities if name.casefold() in {n.casefold() for n in (e.name, *e.aliases)}]
    assert found and all(not_alias != e.name and not_alias not in e.aliases for e in found)


def _entities_of(text: str) -> tuple[Entity, ...]:
    article = article_from_text(text, source_path="dateline.txt", detect_headline=False)
    result = next(Pipeline(["entities.rules"]).run([article]))
    assert isinstance(result, Analysis) and article.dateline is not None
    return result.entities


@pytest.mark.parametrize(
    ("text", "name", "written"),
    [
        # A dateline's region in capitals is named by its country or state, not left in capitals nor named by the
        # dateline's place (Osaka, Mattawan before): Reuters-21578 stories.
        ("OSAKA, JAPAN, April 27 - New York Federal Reserve Bank President Gerald Corrigan spoke.", "Japan", "JAPAN"),
        ("MATTAWAN, MICH., April 13 - Shr six cts vs three cts", "Michigan", "MICH"),
    ],
)
def test_a_datelines_region_in_capitals_is_named_in_full(text: str, name: str, written: str) -> None:
    [region] = [e for e in _entities_of(text) if written in (s.text for s in e.spans)]
    assert region.name == name


def test_a_datelines_place_split_by_the_tagger_keeps_the_datelines_name() -> None:
    # The tagger splits "ST. LOUIS" into "ST" and "LOUIS"; both pieces are the dateline's place, St. Louis (told
    # by the name alone, they became entities named "ST" and "LOUIS").
    found = _entities_of("ST. LOUIS, MO., March 3 - Shr six cts vs five cts\n\nNet 199,037 vs 135,587")
    pieces = [e for e in found if any(s.text in ("ST", "LOUIS") for s in e.spans)]
    assert pieces and all(e.name == "St. Louis" for e in pieces)
    assert "Missouri" in {e.name for e in found}


def test_no_one_outside_a_complete_list_of_holders_holds_the_office() -> None:
    # Every US president is listed (known_office_holders): a bare "President NAME" of anyone else in a US report
    # is another country's, the one the report names most, not the outlet's.
    text = "President Enrique Pena Nieto met Donald Trump in Mexico.\n\nPresident Barack Obama said no."
    article = article_from_text(text, source_path="a.txt", outlet="Politico", detect_headline=False)
    result = next(Pipeline(["entities.rules"]).run([article]))
    assert isinstance(result, Analysis)
    assert [(r.title, r.of) for r in _find(result, "Enrique Pena Nieto").roles] == [("President", "Mexico")]
    assert [(r.title, r.of) for r in _find(result, "Barack Obama").roles] == [("President", "United States")]


def test_an_office_to_be_is_held_by_the_offices_listed_holders() -> None:
    # "-elect" closes the office to be: a British paper's "President-elect Trump" is the United States' (the list of
    # its presidents), not Britain's, which has no president; anyone off the complete list is not the US's.
    text = (
        "President-elect Donald Trump met Theresa May in London.\n\nPresident-elect Jair Bolsonaro spoke in Brazil. "
        "Britain and Brazil agreed."
    )
    roles = _roles_of(text, outlet="BBC News")
    assert roles["Donald Trump"] == [("President-elect", "United States")]
    assert roles["Jair Bolsonaro"] == [("President-elect", "Brazil")]


def test_a_capitalised_state_before_a_seat_is_a_state_office() -> None:
    text = (
        "In Ohio, the bill passed. Republican State Senator Jane Roe sponsored it, and State Rep. John Poe agreed.\n\n"
        "State Department spokesman Tim Doe declined to comment."
    )
    roles = _roles_of(text, outlet="Washington Times")
    assert roles["Jane Roe"] == [("State Senator", "Ohio")]
    assert roles["John Poe"] == [("State Rep.", "Ohio")]
    assert roles["Tim Doe"] == [("spokesman", "State Department")]  # a federal department's, not a state office


def _postings(entities: Iterable[Entity]) -> dict[str, list[tuple[str, str | None, str | None]]]:
    """Roles (title, of, to) by holder."""
    return {e.name: [(r.title, r.of, r.to) for r in e.roles] for e in entities if e.roles}


def _allsides_postings(name: str) -> dict[str, list[tuple[str, str | None, str | None]]]:
    """Roles (title, of, to) by holder in one AllSides report, through the whole pipeline."""
    return _postings(_allsides_entities(name))


def _allsides_roles(name: str) -> dict[str, list[tuple[str, str | None]]]:
    """Roles (title, of) by holder in one AllSides report (gold/dev tune half or outside gold/dev)."""
    return {holder: [(title, of) for title, of, _ in roles] for holder, roles in _allsides_postings(name).items()}


def test_an_organisation_noun_holding_a_title_names_the_articles_organisation() -> None:
    # "department spokeswoman Heather Nauert" in a report naming the State Department (later on).
    assert ("spokeswoman", "State Department") in _allsides_roles("220cuwtBHh5NsEuE")["Heather Nauert"]


def test_a_national_office_with_no_country_takes_the_outlets() -> None:
    # A TheBlaze report on Russia, without a dateline, names Russia more often than the United States.
    assert _allsides_roles("EzF2adBNSjoqjah0")["James Mattis"] == [("Defense Secretary", "United States")]


def test_a_listed_holder_of_a_national_office_is_his_countrys_abroad() -> None:
    # "NEW DELHI (AP) — President Donald Trump ...": a wire report from India; Trump is a listed US president.
    assert ("President", "United States") in _allsides_roles("Sqz3mHKUe6FrOO5w")["Donald Trump"]
    article = article_from_text(
        "NAIROBI, Kenya (AP) — President Obama arrived on Friday. Prime Minister Raila Odinga met him.",
        source_path="a.txt",
        detect_headline=False,
    )
    result = next(Pipeline(["entities.rules"]).run([article]))
    assert isinstance(result, Analysis)
    assert [(r.title, r.of) for r in _find(result, "Obama").roles] == [("President", "United States")]


def test_a_national_outlets_report_from_abroad_keeps_its_countrys_offices() -> None:
    # "Havana (CNN) Secretary of State John Kerry came to Cuba ...": CNN's correspondent writes from home.
    assert _allsides_roles("WdUkEjK6cpNVVAsU")["John Kerry"] == [("Secretary of State", "United States")]


def test_an_acronym_without_parenthesis_joins_the_organisation_it_spells() -> None:
    from dateline.ingest import iter_documents
    from tests.conftest import CORPUS

    path = CORPUS / "allsides-article-bias" / "jsons" / "2sSVUwpfdTm5nj4N.json"
    result = next(Pipeline(["entities.rules"]).run(iter_documents([str(path)])))
    assert isinstance(result, Analysis), result
    irs = [e for e in result.entities if "IRS" in (e.name, *e.aliases)]
    assert [e.name for e in irs] == ["Internal Revenue Service"]


def test_a_state_abbreviation_joins_the_state_named_in_full() -> None:
    from dateline.ingest import iter_documents
    from tests.conftest import CORPUS

    path = CORPUS / "allsides-article-bias" / "jsons" / "2zCuC4ro0yodO541.json"
    result = next(Pipeline(["entities.rules"]).run(iter_documents([str(path)])))
    assert isinstance(result, Analysis), result
    # "Snap-On Tools in Kenosha, Wis." and "Wisconsin" elsewhere: one entity, named in full.
    found = [e for e in result.entities if "Wis." in (e.name, *e.aliases) or e.name == "Wisconsin"]
    assert [(e.name, "Wis." in e.aliases) for e in found] == [("Wisconsin", True)]


def test_a_first_name_alone_joins_the_one_person_named_in_full_before() -> None:
    from dateline.ingest import article_from_text

    text = (
        "Hillary Clinton spoke in Ohio on Monday. Bill Gates listened.\n\n"
        "Later, Hillary said the plan would work, and Bill agreed."
    )
    article = article_from_text(text, source_path="first-names.txt", detect_headline=False)
    result = next(Pipeline(["entities.rules"]).run([article]))
    assert isinstance(result, Analysis), result
    people = {e.name: set(e.aliases) for e in result.entities if e.type == "PERSON"}
    assert "Hillary" in people["Hillary Clinton"] and "Bill" in people["Bill Gates"]
    assert "Hillary" not in people and "Bill" not in people


def test_a_full_name_joins_its_surname_written_first() -> None:
    # "President Trump ..." in the lead, "Donald Trump" later (AllSides, outside gold/dev): one person.
    roles = _allsides_roles("5anVSQESJpmi2BDp")
    assert roles["Donald Trump"] == [("President", "United States")]
    assert "Trump" not in roles


def test_president_elect_is_a_national_office() -> None:
    assert ("President-elect", "United States") in _allsides_roles("0qj5mztGgRJS8so8")["Donald Trump"]


def test_a_national_title_with_a_junk_holder_still_takes_the_reports_country() -> None:
    # "CLOSE President Trump" (a video caption the model reads as an organisation) does not stop the bare
    # "President Donald Trump" from being the United States' president.
    assert ("President", "United States") in _allsides_roles("JlVbYlA8ZDo7Ip2B")["Donald Trump"]


def test_a_bare_ministers_title_in_a_us_report_takes_the_next_home_country() -> None:
    # "Foreign Minister Mohamed Kamel Amr" in an NPR report on Egypt: the United States has no foreign minister;
    # the country the report names most has.
    assert _allsides_roles("Lif8Pk5FJ0GBaaqF")["Mohamed Kamel Amr"] == [("Foreign Minister", "Egypt")]


def test_a_bare_governor_takes_the_one_state_named_later_in_the_sentence() -> None:
    # A New York Post column naming New York, Maine and Michigan (AllSides, outside gold/dev): "How else to explain
    # Gov. Janet Mills' decision to bar Maine hotels ..." names no state before the governor in its paragraph.
    assert _allsides_roles("Go7nce4gwGK7GJsH")["Janet Mills"] == [("Gov.", "Maine")]
    text = "Ohio and Texas sued.\n\nLater, Gov. Jane Doe ordered Maine hotels closed.\n\nGov. John Roe spoke."
    roles = _roles_of(text, outlet="New York Post")
    assert roles["Jane Doe"] == [("Gov.", "Maine")]
    # No state in his sentence and several in the report: none.
    assert roles["John Roe"] == [("Gov.", None)]
    # Two states later in the sentence: no guess between them; a state named before in the paragraph goes first.
    two = _roles_of("Ohio and Texas sued.\n\nGov. Jane Doe ordered Maine and Vermont hotels closed.")
    assert two["Jane Doe"] == [("Gov.", None)]
    before = _roles_of("Ohio and Texas sued.\n\nIn Ohio, Gov. Jane Doe ordered Maine hotels closed.")
    assert before["Jane Doe"] == [("Gov.", "Ohio")]


def test_a_later_state_is_not_taken_from_another_governor_nor_by_a_former_one() -> None:
    # AllSides reports outside gold/dev (seeds 111001, 105004, 111004). "Both Governor Christie and New York Gov.
    # Andrew Cuomo have backtracked": New York is Cuomo's; "former Governor Jeb Bush ... debate performances ... in
    # New Hampshire": where he spoke; "State Sen. Laura Kelly, ... former Kansas Secretary of Agriculture Josh
    # Svaty": a state written with an office of another kind is still the sentence's state.
    assert ("Governor", "New York") not in _allsides_roles("9K67eFmT0dwbGxNq")["Chris Christie"]
    assert _allsides_roles("jsAWRsYXZDCpX5Xc")["Jeb Bush"] == [("former Governor", None)]
    assert _allsides_roles("PH2elbB0bfsuXPRW")["Laura Kelly"] == [("State Sen.", "Kansas")]
    other = _roles_of("Ohio and Texas sued.\n\nBoth Gov. Jane Doe and New York Gov. Bob Roe backtracked on the order.")
    assert other["Jane Doe"] == [("Gov.", None)]
    assert other["Bob Roe"] == [("Gov.", "New York")]
    former = _roles_of("Ohio and Texas sued.\n\nFormer Gov. Jane Doe spoke on Saturday in New Hampshire.")
    assert former["Jane Doe"] == [("Former Gov.", None)]
    kind = _roles_of(
        "Ohio and Texas sued.\n\nState Sen. Jane Doe and former Kansas Secretary of Agriculture Bob Roe met."
    )
    assert kind["Jane Doe"] == [("State Sen.", "Kansas")]


def test_a_bare_spokesperson_speaks_for_the_organisation_of_the_sentence_before() -> None:
    # "The White House refused to discuss ... but said ..." then "..., spokesman NAME said" (tune half).
    assert _allsides_roles("T8aPagHFR9LmevWW")["Josh Earnest"] == [("spokesman", "White House")]


def test_the_outlets_country_goes_before_a_foreign_seat_it_names() -> None:
    # A BBC report on Russia names the Kremlin more than any other seat (AllSides, outside gold/dev): its bare
    # "Prime Minister NAME" is the United Kingdom's.
    assert _allsides_roles("ArBiRL7s2tysp0PF")["Theresa May"] == [("Prime Minister", "United Kingdom")]


def test_a_senators_tag_after_a_dropped_hover_card_gives_the_state() -> None:
    # The Hill report whose hover cards stood between "Sen. NAME" and "(D-Calif.)" (AllSides, outside gold/dev).
    assert _allsides_roles("ifeFQHqb6EiRFZxk")["Kamala Harris"] == [("Sen.", "California")]


def _roles_of(text: str, outlet: str | None = None) -> dict[str, list[tuple[str, str | None]]]:
    article = article_from_text(text, source_path="roles.txt", detect_headline=False)
    if outlet is not None:
        from dataclasses import replace

        article = replace(article, outlet=outlet)
    result = next(Pipeline(["entities.rules"]).run([article]))
    assert isinstance(result, Analysis), result
    return {e.name: [(r.title, r.of) for r in e.roles] for e in result.entities if e.roles}


def test_a_home_country_whose_offices_never_carry_the_title_is_passed_over() -> None:
    # A British paper's bare "Vice President NAME" with the White House named: the United States', not Britain's.
    # (A bare "President NAME" is the United States' only for a listed US president: known_office_holders.)
    text = (
        "Vice President John Smith defended his nominee on Friday.\n\n"
        "The White House said the vote would come next week. The White House expects to win it."
    )
    assert _roles_of(text, outlet="BBC News")["John Smith"] == [("Vice President", "United States")]


def test_a_bare_national_office_of_a_person_tied_to_a_country_is_that_countrys() -> None:
    # "Russia's NAME" ties the person to Russia: the bare "President NAME" in a US paper is Russia's.
    text = (
        "Russia's Ivan Petrov met officials in Moscow on Monday.\n\n"
        "President Ivan Petrov said the talks went well, the White House said."
    )
    assert _roles_of(text, outlet="Washington Times")["Ivan Petrov"] == [("President", "Russia")]


def test_a_title_without_its_holder_takes_the_holder_written_with_it_elsewhere() -> None:
    # One sense per report: "Former Director NAME" is the "former FBI Director" written before.
    text = (
        "Former FBI Director John Doe wrote the memos.\n\n"
        "Former Director Doe was willing to overlook it, and Director Doe kept notes."
    )
    roles = _roles_of(text, outlet="Washington Times")["John Doe"]
    assert ("Former Director", "FBI") in roles and ("Director", "FBI") in roles
    assert all(of is not None for _, of in roles)


def _entities_of(text: str) -> list[Entity]:
    article = article_from_text(text, source_path="self-written.txt", detect_headline=False)
    result = next(Pipeline(["entities.rules"]).run([article]))
    assert isinstance(result, Analysis), result
    return list(result.entities)


def test_groups_and_events_are_not_entities_but_demonyms_name_their_country() -> None:
    # The annotation guide lists NORP and EVENT names only as optional: they can never be hits.
    found = _entities_of(
        "Republicans and Democrats in Congress argued on Tuesday. Chinese officials said nothing, "
        "and Muslims across the city marked the end of Ramadan."
    )
    assert not [e for e in found if e.type in {"NORP", "EVENT"}]
    assert "China" in {e.name for e in found}


def test_page_furniture_is_not_an_entity() -> None:
    found = _entities_of(
        "MAYOR VOWS TO FIGHT CITY HALL OVER BUDGET CUTS\n\n"
        "Mayor Jane Porter said on Monday that the Harbor Authority would appeal.\n\n"
        "Tom Wills/AP\n\n"
        "Write to the reporter at tom.wills@example.com or follow @PorterPress online."
    )
    names = {n for e in found for n in (e.name, *e.aliases)}
    assert "Jane Porter" in names
    assert not [n for n in names if "/" in n or "@" in n or n.isupper()]


def test_a_bare_head_noun_is_a_description_not_a_name() -> None:
    found = _entities_of("The Committee met behind closed doors on Tuesday, and the Department declined to comment.")
    assert not {"Committee", "Department"} & {e.name for e in found}


def test_a_name_cut_at_a_hyphen_inside_a_word_is_the_whole_word() -> None:
    found = _entities_of(
        "The president flew to Mar-a-Lago on Friday with aides.\n\n"
        "The Export-Import Bank was revived, a Wall Street Journal-NBC News poll said.\n\n"
        "The GOP-controlled House met."
    )
    names = {n for e in found for n in (e.name, *e.aliases)}
    assert {"Mar-a-Lago", "Export-Import Bank"} <= names
    assert not {"Mar", "Import Bank", "Journal-NBC News", "GOP-controlled"} & names


def _allsides_entities(name: str) -> list[Entity]:
    """Entities of one AllSides report, through the whole pipeline."""
    from dateline.ingest import iter_documents
    from tests.conftest import CORPUS

    path = CORPUS / "allsides-article-bias" / "jsons" / f"{name}.json"
    result = next(Pipeline(["entities.rules"]).run(iter_documents([str(path)])))
    assert isinstance(result, Analysis), result
    return list(result.entities)


def test_a_capitalised_press_secretary_is_the_title_its_seat_the_holder() -> None:
    # "White House Press Secretary Sarah Sanders" (BBC): not Secretary of "White House Press".
    assert _allsides_roles("W82yzJ3eyY9WFy65")["Sarah Sanders"] == [("Press Secretary", "White House")]


def test_an_appositions_title_with_a_holder_after_it_is_not_the_reports_countrys() -> None:
    # "Marta Tellado, president and CEO of Consumer Reports" (USA Today); "Marjorie Dannenfelser, president of
    # the pro-life Susan B. Anthony List" (CNN), a holder the model does not name: no country either way.
    assert _allsides_roles("R1zi6wqCv1yzWv2P")["Marta Tellado"] == [
        ("president", "Consumer Reports"),
        ("CEO", "Consumer Reports"),
    ]
    assert _allsides_roles("j7YIYOwTlqOz5Les")["Marjorie Dannenfelser"] == [("president", None)]


def test_a_surname_tagged_as_an_organisation_and_a_clitic_run_into_a_name_are_the_person() -> None:
    # New York Post: "Biden's communications director", "Trump's tweet" (tagged ORG) and "it's Joe Biden"
    # (tagged "'s Joe Biden") are the people named in full.
    found = _allsides_entities("f5tgA3inZmZNVs5s")
    assert not [e for e in found if e.type == "ORG" and e.name in {"Biden", "Trump"}]
    assert not [e for e in found if e.name.startswith(("’", "'"))]
    biden = [e for e in found if e.name == "Joe Biden"]
    assert len(biden) == 1 and "Biden" in biden[0].aliases


def test_a_first_name_alone_before_the_full_name_joins_it() -> None:
    # Politico: "No gold medal for Mitt from Brits" opens the report, "Mitt Romney" follows.
    people = {e.name: e.aliases for e in _allsides_entities("HFkKwUN14BujQbGA") if e.type == "PERSON"}
    assert "Mitt" not in people and "Mitt" in people["Mitt Romney"]


def test_a_name_led_by_a_lower_case_organisation_noun_names_the_organisation() -> None:
    # UN report (outside gold/dev): "the Obama administration" (a name the model does not tag); "a U.N. panel"
    # describes a part of the one-word institution, which keeps the mention. CNN: "Johnson campaign
    # spokesperson Joe Hunter" (the noun runs on into a title: no organisation) but "the Johnson campaign"
    # elsewhere is one.
    names = {e.name: e.type for e in _allsides_entities("UqaHyDiAMH3mgzxX")}
    assert names.get("Obama administration") == "ORG" and "U.N. panel" not in names
    assert _allsides_roles("HqkicWdX2PpilGhr")["Joe Hunter"] == [("campaign spokesperson", "Johnson")]
    assert "Johnson campaign" in {e.name for e in _allsides_entities("HqkicWdX2PpilGhr") if e.type == "ORG"}
    # A campaign led by a place or a chamber is a race, no organisation ("the Senate campaign").
    for name in ("7Q4tfts6HI09GHgz", "kxCWHkAkQThR6qbq"):
        assert not [e for e in _allsides_entities(name) if e.name.endswith(" campaign") and e.type == "ORG"]


def test_the_president_refers_back_to_a_president_not_a_vice_president() -> None:
    # New York Post: "former Vice President Joe Biden" is named after "President Trump"; "the president" is
    # Trump's. Politico: "Florida State Sen. Alan Hays" is not "the state".
    people = {e.name: e.aliases for e in _allsides_entities("f5tgA3inZmZNVs5s") if e.type == "PERSON"}
    assert "the president" in people["Trump"] and "the president" not in people["Joe Biden"]
    hays = [e for e in _allsides_entities("ACAUWtfenQFxk8k0") if e.name == "Alan Hays"]
    assert hays and "the state" not in hays[0].aliases


def test_a_news_organisations_possessive_run_into_a_name_is_two_names() -> None:
    # NPR: "The New York Times' Nate Silver"; the model tags it as one organisation.
    found = {(e.name, e.type) for e in _allsides_entities("t8H4ZxbDibhKQy2x")}
    assert ("Nate Silver", "PERSON") in found and ("New York Times", "ORG") in found
    assert not [name for name, _ in found if "Silver" in name and "Times" in name]
    # ABC News: a heading in capitals after the possessive ("ABC NEWS' SPECIAL COVERAGE") is no person.
    assert not [e for e in _allsides_entities("4yHYzrakquUuli0Z") if e.name == "SPECIAL COVERAGE"]


def test_a_bare_governor_holds_the_state_named_before_it_or_the_reports_one_state() -> None:
    text = (
        "In Georgia, Gov. Brian Roe signed the bill. In Ohio, the state's governor, Jane Doe, vetoed hers.\n\n"
        "Gov. John Poe said nothing."
    )
    roles = _roles_of(text, outlet="Washington Times")
    assert roles["Brian Roe"] == [("Gov.", "Georgia")]
    assert roles["Jane Doe"] == [("governor", "Ohio")]
    # two states named and none before the title in its sentence: no state
    assert roles["John Poe"] == [("Gov.", None)]


def test_a_bare_governor_in_corpus_reports() -> None:
    # outside gold/dev: "Under Georgia law, Gov. Brian Kemp ..."; "the state's governor, Greg Abbott"
    assert ("Gov.", "Georgia") in _allsides_roles("2TZfkCkEf6ruET6J")["Brian Kemp"]
    assert ("governor", "Texas") in _allsides_roles("UPGgKmltLf3yjPh9")["Greg Abbott"]


def test_an_office_after_his_is_held_for_the_subject_of_its_clause() -> None:
    text = "On Monday, John Doe fired his campaign manager, Jane Roe, over the polls."
    assert _roles_of(text, outlet="Washington Times")["Jane Roe"] == [("campaign manager", "John Doe")]


def test_a_lawmaker_described_by_state_later_holds_that_states_seat() -> None:
    text = 'The reform could fail, Sen. John Roe said Saturday. "It matters," the Texas Republican told a radio host.'
    assert _roles_of(text, outlet="Washington Times")["John Roe"] == [("Sen.", "Texas")]
    # outside gold/dev: "Sen. Ted Cruz's stock is rising ... clamoring for the Texas Republican to mount a challenge"
    assert ("Sen.", "Texas") in _allsides_roles("23QJoU7He8AcD2O9")["Ted Cruz"]


def test_a_noun_of_kind_with_a_possessive_refers_back_to_what_the_report_names() -> None:
    text = (
        "The Sierra Club sued the agency on Monday. Jane Roe, the group's executive director, said it was wrong. "
        "Kentucky joined the suit. The state's attorney general, John Poe, agreed."
    )
    roles = _roles_of(text, outlet="Washington Times")
    assert roles["Jane Roe"] == [("executive director", "Sierra Club")]
    assert roles["John Poe"] == [("attorney general", "Kentucky")]
    # outside gold/dev: "Amnesty International USA had weighed in ... the group's executive director, Margaret
    # Huang"; "before the House Judiciary Committee. The panel's chairman Bob Goodlatte"
    assert ("executive director", "Amnesty International USA") in _allsides_roles("8s1pvXElpKxRqe82")["Margaret Huang"]
    assert ("chairman", "House Judiciary Committee") in _allsides_roles("bJZx8UmzIqhH6CzM")["Bob Goodlatte"]


def test_a_group_is_the_organisation_a_clause_was_last_about() -> None:
    # Not the clinic the group wants shut, written after it in a small clause (outside gold/dev).
    assert _allsides_roles("dSPys7dqkNbpdLxo")["Troy Newman"] == [("president", "Operation Rescue")]


def test_a_contributor_note_goes_on_in_its_second_sentence() -> None:
    text = (
        "Jane Roe is a senior fellow at the Heritage Foundation. She was previously a professor of law at "
        "Georgetown University.\n\nJohn Poe said so. He is also the author of a book."
    )
    roles = _roles_of(text, outlet="Washington Times")
    assert roles["Jane Roe"] == [
        ("senior fellow", "Heritage Foundation"),
        ("professor of law", "Georgetown University"),
    ]
    assert "John Poe" not in roles
    # outside gold/dev: "Tyler Cowen is a Bloomberg Opinion columnist. He is a professor of economics at ..."
    assert ("professor of economics", "George Mason University") in _allsides_roles("qpt9p43hRsyJ6uzR")["Tyler Cowen"]


def test_a_hyphened_korean_given_name_is_read_whole() -> None:
    text = "North Korean leader Kim Jong-un met U.N. Secretary-General Ban Ki-moon. A Cruz-led panel met Sen. Ted Cruz."
    roles = _roles_of(text, outlet="Washington Times")
    assert roles["Kim Jong-un"] == [("leader", "North Korea")]
    assert "Ban Ki-moon" in roles
    assert "Ted Cruz" in roles
    # outside gold/dev: "South Korean President Moon Jae-in" (the model cut him to "Moon Jae")
    assert ("President", "South Korea") in _allsides_roles("FTYS3Uac5Ag12IUW")["Moon Jae-in"]


def test_a_titled_surname_is_not_a_relative_named_in_full() -> None:
    text = "First lady Jane Roe spoke on Monday. President Roe said it was strong. His son Tim Poe came. Gov. Poe left."
    roles = _roles_of(text, outlet="Washington Times")
    assert roles["Roe"] == [("President", None)]
    assert "Jane Roe" not in roles and "Tim Poe" not in roles
    assert roles["Poe"] == [("Gov.", None)]
    # outside gold/dev: "first lady Melania Trump said ..." and "President Trump" in a report never naming him in full
    entities = {e.name: e for e in _allsides_entities("739zJIX2D6RHPHMs")}
    assert not entities["Melania Trump"].roles
    assert ("President", "United States") in [(r.title, r.of) for r in entities["Trump"].roles]


def test_political_trades_are_titles_and_a_cut_organisation_name_is_grown() -> None:
    text = (
        '"It is over," said Jane Roe, a longtime Republican pollster. John Poe is a lobbyist for the Sierra Club. '
        '"No," said Tim Doe, a prominent historian.'
    )
    roles = _roles_of(text, outlet="Washington Times")
    assert roles["Jane Roe"] == [("pollster", "Republican Party")]
    assert roles["John Poe"] == [("lobbyist", "Sierra Club")]
    assert roles["Tim Doe"] == [("historian", None)]
    # outside gold/dev: "Rep. Mark Meadows (R-N.C.), the head of the conservative House Freedom Caucus" (the model
    # tagged "House" alone)
    assert ("head", "House Freedom Caucus") in _allsides_roles("vHgjuzCYlhJcyt6c")["Mark Meadows"]


def test_a_state_office_takes_the_state_from_its_paragraph_or_the_one_state_besides_washington() -> None:
    text = (
        "In Ohio, schools stay shut. On Monday, Governor Jane Roe extended the order, said state Rep. John Poe.\n\n"
        "Critics in Washington disagreed.\n\nFormer Gov. Tim Doe agreed.\n\n"
        "His state director Ann Moe said the campaign was calm. A state President Donald Trump won spoke."
    )
    roles = _roles_of(text, outlet="Washington Times")
    assert roles["Jane Roe"] == [("Governor", "Ohio")]  # the state named earlier in its paragraph
    assert roles["John Poe"] == [("state Rep.", "Ohio")]  # "state" before a title makes it a state's office
    assert roles["Tim Doe"] == [("Former Gov.", "Ohio")]  # "Washington" is the capital beside one other state
    # "his": a campaign's, not the state's; the sentence opens with it, so it names the sentence before's subject
    assert roles["Ann Moe"] == [("state director", "Tim Doe")]
    assert roles["Donald Trump"] == [("state President", None)]  # the parser's run-on title: no state has a president


def test_state_offices_in_corpus_reports() -> None:
    # outside gold/dev: "In Massachusetts, guidance ... . On March 15, Governor Charlie Baker ordered ..."; "said state
    # Education Commissioner Jeffrey Riley"; "In Iowa, ... Republican state Sen. Joni Ernst"
    roles = _allsides_roles("KaDaPi757xc90l5G")
    assert roles["Charlie Baker"] == [("Governor", "Massachusetts")]
    # "Riley, the education commissioner," later (the model tags "Riley" an organisation there) is an office of its own
    assert roles["Jeffrey Riley"] == [
        ("state Education Commissioner", "Massachusetts"),
        ("education commissioner", None),
    ]
    assert ("state Sen.", "Iowa") in _allsides_roles("oqcomF07BxGXe29e")["Joni Ernst"]


def test_an_office_after_its_is_held_for_the_organisation_named_before_it() -> None:
    text = (
        "Roe has close ties with the Sierra Club and its president, Jane Doe. The carmaker thanked its chief Tim Poe."
    )
    roles = _roles_of(text, outlet="Washington Times")
    assert roles["Jane Doe"] == [("president", "Sierra Club")]
    assert roles["Tim Poe"] == [("chief", None)]


def test_an_outlets_beat_joins_the_title_and_a_seat_from_a_state_is_the_states() -> None:
    text = (
        '"It is close," CNN Chief National Correspondent Jane Roe said. NBC Nightly News anchor Tim Doe agreed. '
        '"No," said John Poe, a former Republican senator from Nebraska. GOP vice presidential nominee Ann Moe spoke.'
    )
    roles = _roles_of(text, outlet="Washington Times")
    assert roles["Jane Roe"] == [("Chief National Correspondent", "CNN")]
    assert roles["Tim Doe"] == [("anchor", "NBC Nightly News")]
    assert roles["John Poe"] == [("former senator", "Nebraska")]
    assert roles["Ann Moe"] == [("vice presidential nominee", "Republican Party")]
    # outside gold/dev: "NPR Senior Washington Editor Ron Elving"; "Jim Talent, a former GOP senator from Missouri"
    assert ("Senior Washington Editor", "NPR") in _allsides_roles("hsXZd47TlLxkQdj3")["Ron Elving"]
    assert ("former senator", "Missouri") in _allsides_roles("y7q49fCoP4QWkbq8")["Jim Talent"]


def test_an_office_of_a_body_named_by_its_subject_after_on() -> None:
    # Organisations named "HEAD on Subject" were cut at "on", and the office's holder with them.
    entities = _entities_of(
        "Dana Whitfield, president of the Commission on Rural Broadband Access, said the plan would fail. "
        "The Commission on Friday rejected it."
    )
    person = next(e for e in entities if e.name == "Dana Whitfield")
    assert [(r.title, r.of) for r in person.roles] == [("president", "Commission on Rural Broadband Access")]


def test_an_under_secretary_is_a_national_office() -> None:
    # "under" ranks a national office as "deputy" does, written apart or fused with its head; "undersecretary of
    # State" is one title, not an office of the model's "State".
    text = (
        "Under Secretary of Defense Mara Quill visited Ohio on Friday.\n\n"
        "Undersecretary of Commerce Tom Brevik joined her.\n\n"
        "Lena Ostrow, the undersecretary of State for public diplomacy, said the plan would work."
    )
    roles = _roles_of(text, outlet="Washington Times")
    assert roles["Mara Quill"] == [("Under Secretary of Defense", "United States")]
    assert roles["Tom Brevik"] == [("Undersecretary of Commerce", "United States")]
    assert roles["Lena Ostrow"] == [("undersecretary of State", "United States")]


@pytest.mark.parametrize(
    ("text", "holder", "expected"),
    [
        (
            "Adm. Ray Calder, chairman of the Joint Chiefs of Staff, said the strikes would go on.",
            "Ray Calder",
            ("chairman", "Joint Chiefs of Staff"),
        ),
        (
            "Centers for Disease Control Director Rhea Tamsin said the virus was spreading.",
            "Rhea Tamsin",
            ("Director", "Centers for Disease Control"),
        ),
        (
            "Nora Blake, a senior fellow at the Foundation for Research on Equal Opportunity, said the law failed.",
            "Nora Blake",
            ("senior fellow", "Foundation for Research on Equal Opportunity"),
        ),
    ],
)
def test_the_models_organisation_is_taken_whole_past_its_lower_case_words(
    text: str, holder: str, expected: tuple[str, str]
) -> None:
    # The name words stop at "of/for/on"; the organisation the model names runs on through them.
    assert expected in _roles_of(text + "\n\nIt passed in Ohio.", outlet="Washington Times")[holder]


@pytest.mark.parametrize(
    ("text", "holder", "expected"),
    [
        (
            "Lisa Marwick, vice president of the watchdog group Public Citizen, said the rule was weak.",
            "Lisa Marwick",
            ("vice president", "Public Citizen"),
        ),
        (
            "Ann Cole, the founder of the blood-testing company Theranos, said it worked.",
            "Ann Cole",
            ("founder", "Theranos"),
        ),
    ],
)
def test_a_name_after_a_noun_of_its_kind_is_an_organisation(text: str, holder: str, expected: tuple[str, str]) -> None:
    roles = _roles_of(text + "\n\nIt passed in Ohio.", outlet="Washington Times")
    assert roles[holder] == [expected]


@pytest.mark.parametrize(
    ("text", "holder", "expected"),
    [
        (
            "Dana Whitlock, a policy analyst at the nonpartisan New America think tank, said the loans were costly.",
            "Dana Whitlock",
            ("policy analyst", "New America"),
        ),
        (
            "Owen Riggs, a fellow at the New America think tank, said the loans were costly.",
            "Owen Riggs",
            ("fellow", "New America"),
        ),
    ],
)
def test_a_name_before_a_noun_of_its_kind_is_an_organisation(text: str, holder: str, expected: tuple[str, str]) -> None:
    # The model reads "New America" as a place; the kind noun after it says it is an organisation.
    roles = _roles_of(text + "\n\nIt passed in Ohio.", outlet="Washington Times")
    assert roles[holder] == [expected]


def test_a_place_before_a_noun_of_its_kind_names_no_organisation() -> None:
    # "the Washington think tank" says where the organisation is, not what it is called.
    roles = _roles_of(
        "Ada Kemp, a fellow at the Washington think tank, said the loans were costly.\n\nIt passed in Ohio.",
        outlet="Washington Times",
    )
    assert ("fellow", "Washington") not in roles.get("Ada Kemp", [])


def test_a_citys_office_takes_the_place_written_after_the_name() -> None:
    # "Mayor NAME of CITY": a seat's state or a country was read there before, a city's office was left with none.
    roles = _roles_of(
        "Mayor Rita Holloway of Sacramento said the budget was fair.\n\nIt passed in Ohio.", outlet="Washington Times"
    )
    assert roles["Rita Holloway"] == [("Mayor", "Sacramento")]


def test_a_seats_state_written_with_in_after_the_name() -> None:
    # "Rep. NAME in STATE" closing the phrase names the seat's state; "in STATE to ..." says where the holder was.
    roles = _roles_of(
        "Strong incumbents hold on, such as Rep. Tom Hale in Colorado and Rep. Ann Ruiz in Florida.\n\n"
        "On Monday she joins Sen. Ellen Ward in Vermont to campaign for the measure.",
        outlet="Washington Times",
    )
    assert roles["Tom Hale"] == [("Rep.", "Colorado")]
    assert roles["Ann Ruiz"] == [("Rep.", "Florida")]
    assert ("Sen.", "Vermont") not in roles["Ellen Ward"]


def test_a_surname_with_a_generational_suffix_joins_the_name_written_with_it() -> None:
    # "Tom Hale Jr." ... "Hale Jr.": the son, never the father's "President Hale" (read as first name "Hale").
    article = article_from_text(
        "Tom Hale Jr. tweeted on Friday. Hale Jr. later mocked the paper.\n\n"
        "President Hale said nothing about it. Hale left for Ohio.",
        source_path="suffix.txt",
        detect_headline=False,
    )
    result = next(Pipeline(["entities.rules"]).run([article]))
    assert isinstance(result, Analysis), result
    son = _find(result, "Tom Hale Jr.")
    assert "Hale Jr." in son.aliases and "President Hale" not in son.aliases
    assert not son.roles


def test_a_given_name_after_a_regnal_numeral_is_the_monarch() -> None:
    # "Charles III" numbers a king: a later "Charles" is him, not a second person ("III" is no surname suffix here).
    for text, full, given in (
        (
            "King Charles III visited Kenya on Tuesday.\n\nCharles met President William Ruto in Nairobi.",
            "Charles III",
            "Charles",
        ),
        ("Queen Elizabeth II died on Thursday.\n\nElizabeth reigned for 70 years.", "Elizabeth II", "Elizabeth"),
    ):
        article = article_from_text(text, source_path="regnal.txt", detect_headline=False)
        result = next(Pipeline(["entities.rules"]).run([article]))
        assert isinstance(result, Analysis), result
        persons = [e for e in result.entities if e.type == "PERSON"]
        assert [e.name for e in persons if given in e.name] == [full], persons
        assert given in _find(result, full).aliases


def test_a_surname_after_an_honorific_without_a_stop_joins_the_full_name() -> None:
    article = article_from_text(
        "Trent Walsh has resigned.\n\nThe committee opened an inquiry into allegations against Mr Walsh. Mr Walsh said no.",
        source_path="honorific.txt",
        detect_headline=False,
    )
    result = next(Pipeline(["entities.rules"]).run([article]))
    assert isinstance(result, Analysis), result
    assert [e.name for e in result.entities if e.type == "PERSON"] == ["Trent Walsh"]


def test_a_news_agency_acronym_joins_no_other_organisation() -> None:
    # "Americans for Prosperity" spells "AP" (joining words aside); the photo credit's "AP" is the agency.
    text = (
        "Americans for Prosperity spent heavily on the race this year.\n\n"
        "Tom Hale speaks in Orlando, Fla. (Photo: Ann Fryer, AP)\n\n"
        "The group said it would keep spending."
    )
    group = next(e for e in _entities_of(text) if e.name == "Americans for Prosperity")
    assert "AP" not in group.aliases


def test_a_stance_before_a_title_names_no_holder_and_no_home_country() -> None:
    # "pro-Kremlin president": the stance is no holder and the report's country is no better guess; the words after
    # a stance hold the office ("anti-Trump FBI agent" is an agent of the FBI).
    text = (
        "WASHINGTON (AP) — The senator said on Monday that the protests ousted pro-Kremlin president Tom Halvorsen "
        "in 2014.\n\nThe senator said anti-Trump FBI agent Peter Holcomb had sent the messages."
    )
    roles = {e.name: [(r.title, r.of) for r in e.roles] for e in _entities_of(text) if e.type == "PERSON"}
    assert roles["Tom Halvorsen"] == [("president", None)]
    assert roles["Peter Holcomb"] == [("agent", "FBI")]


def test_a_country_given_name_is_one_person_with_the_office() -> None:
    # The model reads "Chad Wolf" whole; the fixer used to split the country off, leaving "Wolf" with no office.
    text = (
        "WASHINGTON (AP) — Acting Homeland Security Secretary Chad Wolf said on Tuesday that the agency would act. "
        "Wolf spoke to reporters at the White House."
    )
    wolf = next(e for e in _entities_of(text) if e.name == "Chad Wolf")
    assert wolf.type == "PERSON" and "Wolf" in wolf.aliases
    assert [(r.title, r.of) for r in wolf.roles] == [("Acting Homeland Security Secretary", "United States")]
    assert "Chad" not in [e.name for e in _entities_of(text)]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # A shadow office is the nation's, as a former one is: the report's country holds it.
        (
            "LONDON (Reuters) - The plan failed, said shadow chancellor Jane Roe on Monday. Britain's budget was cut.",
            "Jane Roe",
            ("shadow chancellor", "United Kingdom"),
        ),
        (
            "LONDON (Reuters) - Shadow Foreign Secretary John Roe said there was a need for talks with Britain's allies.",
            "John Roe",
            ("Shadow Foreign Secretary", "United Kingdom"),
        ),
        # With no home written, the country the report names most holds it only if its opposition has a shadow
        # cabinet; a party before the office still holds it.
        (
            "The plan failed, said shadow foreign secretary Jane Roe. Britain's leaders met on Monday. Britain voted, "
            "and British officials said so.",
            "Jane Roe",
            ("shadow foreign secretary", "United Kingdom"),
        ),
        (
            "The plan failed, said shadow foreign secretary Jane Roe. Iraq's leaders met on Monday. Iraq voted, "
            "and Iraqi officials said so.",
            "Jane Roe",
            ("shadow foreign secretary", None),
        ),
        (
            "The plan failed, said Tory shadow chancellor Jane Roe on Monday. Britain's budget was cut.",
            "Jane Roe",
            ("shadow chancellor", "Conservative Party"),
        ),
        # Before a title no nation holds, a capitalised "Shadow" is a company's name, the title's holder.
        (
            "NEW YORK (AP) - Shadow CEO Gerald Nimmo said the app had worked. Shadow Inc. built the app for the caucus.",
            "Gerald Nimmo",
            ("CEO", "Shadow"),
        ),
    ],
)
def test_a_shadow_national_office_keeps_its_country(text: str, name: str, role: tuple[str, str | None]) -> None:
    assert _roles_of(text)[name] == [role]


def test_a_possessive_party_holds_a_national_title() -> None:
    # "the Liberal Democrats' President NAME" is the party's president: the party is the holder, not dropped as
    # "Republican President NAME"'s adjective is.
    text = (
        "LONDON (Reuters) - The Liberal Democrats' President Simon Hughes said the party would fight on. "
        "The Liberal Democrats lost seats in Britain."
    )
    found = _entities_of(text)
    assert [(r.title, r.of) for r in _find_name(found, "Simon Hughes").roles] == [("President", "Liberal Democrats")]
    assert ("Liberal Democrats", "ORG") in [(e.name, e.type) for e in found]


def _find_name(found: list[Entity], name: str) -> Entity:
    return next(e for e in found if e.name == name)


def test_a_country_inside_a_title_held_at_an_organisation_stays_an_entity_and_a_place() -> None:
    # The country is the title's field: the title leaves it out and it keeps its own entity and place record.
    text = (
        "Prices rose again in March. "
        '"Costs will keep climbing," said Karen Hollis, chief UK economist at Danbury Capital, on Tuesday.'
    )
    article = article_from_text(text, source_path="unit")
    result = next(Pipeline(["entities.rules", "places.gazetteer"]).run([article]))
    assert isinstance(result, Analysis), result
    assert [(r.title, r.of) for r in _find(result, "Karen Hollis").roles] == [("chief economist", "Danbury Capital")]
    assert _find(result, "UK").type == "GPE"
    assert "United Kingdom" in [p.name for p in result.records if p.kind == "place"]


# A national office under a person who holds their country's national office is the country's (the annotation
# guide's `of` for a cabinet office); the person's own staff stay theirs. AllSides reports outside gold/dev.
@pytest.mark.parametrize(
    ("article", "holder", "role"),
    [
        ("WVeRv2xi2G6VAbHr", "Hillary Rodham Clinton", ("secretary of state", "United States")),  # Mr. Obama's first
        ("Trjj0hqZyeYHgokm", "Eric Holder", ("former attorney general", "United States")),  # President Obama's
        ("Oe2Wg83hGSsv9ztn", "Angel Urena", ("press secretary", "Clinton")),  # Mr. Clinton's: staff, no cabinet
    ],
)
def test_a_national_office_under_a_head_of_state_is_the_states(
    article: str, holder: str, role: tuple[str, str]
) -> None:
    assert role in _allsides_roles(article)[holder]


# entities.rules.v30: a seat's owner before the title is a place, party or chamber (page and headline debris run into
# the sentence is none); an untagged demonym adjective names its country; a party-state tag or "a STATE Republican"
# after a later mention gives a seat written with no state its state. AllSides reports outside gold/dev
# (docs/extractors.md, "Seats and demonyms the tagger left unread", has the counts).
@pytest.mark.parametrize(
    ("article", "holder", "role"),
    [
        # "... relationship with Trump Sen. Kelly Loeffler (R-Ga.)": the headline's last word was the seat's owner.
        ("JiSiGHzUNJktF6pZ", "Kelly Loeffler", ("Sen.", "Georgia")),
        # "Ukrainian Interior Minister Arsen Avakov", "Ukrainian" tagged a plain adjective: was of Russia.
        ("pYeIvJgUJ8fHDLAn", "Arsen Avakov", ("Interior Minister", "Ukraine")),
        # "Sen. Pat Roberts' cellphone ... Roberts, R-Kansas, said": the tag after the later mention.
        ("BjanY1qMf6ctpN7U", "Pat Roberts", ("Sen.", "Kansas")),
        # "undecided Sens. Manchin and Susan Collins, R-Maine, ... Manchin, D-W.Va.,"
        ("rGVcOaCbmj0qvHQV", "Joe Manchin", ("Sens.", "West Virginia")),
        # "Sen. Susan M. Collins' office ... Collins, Maine Republican,"
        ("LTuybp3ZvAUfH3hl", "Susan M. Collins", ("Sen.", "Maine")),
    ],
)
def test_seats_and_demonyms_the_tagger_left_unread(article: str, holder: str, role: tuple[str, str]) -> None:
    assert role in _allsides_roles(article)[holder]


def test_a_page_label_before_a_seat_is_no_owner() -> None:
    # "JUST WATCHED See Sen. Ted Cruz take on hecklers": "See" (tagged an organisation) held the seat.
    roles = _allsides_roles("v2NriBbocLUKNkHU")["Ted Cruz"]
    assert ("Sen.", "Texas") in roles
    assert not any(of == "See" for _, of in roles)


def test_a_later_mention_in_a_place_gives_no_seat() -> None:
    # "Paul in Iowa, ..." and "Paul, in Iowa," say where he was: only a tag or an apposition after a comma or a
    # parenthesis names the seat's state (with no comma, "in Iowa," would read as the seat's "Sen. NAME in Iowa,").
    text = (
        "WASHINGTON — Sen. Rand Paul left for Iowa. Paul in Iowa, a state he visits often, spoke. Paul, in Iowa, "
        "spoke. Sen. Ted Cruz spoke too. Cruz, R-Texas, left."
    )
    roles = _roles_of(text)
    assert roles["Rand Paul"] == [("Sen.", None)]
    assert roles["Ted Cruz"] == [("Sen.", "Texas")]


def test_a_tag_after_a_surname_two_people_share_gives_no_seat() -> None:
    # "Paul, R-Ky.," after "former Rep. Ron Paul": grouping gives the bare surname to the latest full name, which
    # here is the father, not the senator the tag describes; a guess no seat takes its state from.
    text = (
        "WASHINGTON — Sen. Rand Paul spoke on Monday. His father, former Rep. Ron Paul, agreed with him. "
        "Paul, R-Ky., said the bill was dead. Sen. Ted Cruz spoke too. Cruz, R-Texas, left."
    )
    roles = _roles_of(text)
    assert roles["Ron Paul"] == [("former Rep.", None)]
    assert roles["Ted Cruz"] == [("Sen.", "Texas")]


# entities.rules.v30: an ambassador posted to an organisation or a country with no sender written is the report's
# country's, read as a national office is. AllSides reports outside gold/dev.
@pytest.mark.parametrize(
    ("article", "holder", "role"),
    [
        # "United Nations Ambassador Susan Rice": was "of United Nations".
        ("amqMx63zpkUWuKfh", "Susan Rice", ("Ambassador", "United States", "United Nations")),
        # "former Ambassador to Ukraine Marie Yovanovitch": was of none.
        ("IIYkIW9TLwVWtoQG", "Marie Yovanovitch", ("former Ambassador", "United States", "Ukraine")),
    ],
)
def test_an_ambassador_posted_with_no_sender_is_the_reports_countrys(
    article: str, holder: str, role: tuple[str, str, str]
) -> None:
    assert role in _allsides_postings(article)[holder]


def test_an_aide_to_somewhere_is_no_national_office() -> None:
    # "Seth Scott, an aide to Phoenix's mayor": only an ambassador is sent by a country; an aide, adviser or
    # consultant "to" a place or an organisation was read as the report's country's (of United States).
    assert ("aide", None, "Phoenix") in _allsides_postings("pxIY7hE2P0kH6eGj")["Seth Scott"]


def test_an_ambassador_posted_to_the_reports_country_is_not_its() -> None:
    # A country sends no ambassador to itself: in a US report, the ambassador to the United States or to
    # Washington (its seat of government) is a foreign one, and no country is written.
    roles = _roles_of(
        "WASHINGTON — President Donald Trump spoke at the White House. Ambassador to the United States Sergey "
        "Kislyak attended. Geronimo Gutierrez, the ambassador to Washington, left early."
    )
    assert roles["Sergey Kislyak"] == [("Ambassador", None)]
    assert roles["Geronimo Gutierrez"] == [("ambassador", None)]


def test_an_ambassador_after_a_possessive_pronoun_is_the_pronouns() -> None:
    # Reuters-21578: "The Soviet Union said ... its ambassador to Kuwait, Ernest Zverev, told ... KUNA": "its" names
    # the sender (`_its_owner`); the national reading of a posted ambassador took the report's country (Bahrain).
    from dateline.ingest import iter_documents
    from tests.conftest import CORPUS

    path = CORPUS / "reuters21578" / "reut2-008.sgm"
    [article] = [
        a for a in iter_documents([str(path)]) if isinstance(a, Article) and a.source_path.endswith("#NEWID=8856")
    ]
    result = next(Pipeline(["entities.rules"]).run([article]))
    assert isinstance(result, Analysis), result
    assert _postings(result.entities)["Ernest Zverev"] == [("ambassador", "Soviet Union", "Kuwait")]


# entities.rules.v33 (session 26), each on a report of the AllSides corpus outside gold/dev (bulk seed 32001).
def test_the_models_longer_organisation_name_is_kept() -> None:
    # The rule's name grown around its head stopped at "and" or "on"; the model read the whole name.
    names = {e.name for e in _allsides_entities("ruaTYWoIHaToDbw3")}
    assert "House Energy and Commerce Committee" in names and "Commerce Committee" not in names
    roles = _allsides_roles("ruaTYWoIHaToDbw3")["Anthony Fauci"]
    assert ("director", "National Institute of Allergy and Infectious Diseases") in roles
    roles = _allsides_roles("fSp4Iw3hrRGzjmnL")["Tom Hogue"]
    assert roles == [("spokesman", "Alcohol and Tobacco Tax and Trade Bureau")]
    # "said Ryden of Hope College": a person's name before "of" is no organisation's.
    names = {e.name for e in _allsides_entities("sgRWhXhzba2OONg9")}
    assert "Hope College" in names and "Ryden of Hope College" not in names


def test_a_name_the_model_tags_an_organisation_holds_an_office_in_apposition() -> None:
    # "Alexandra Chalupa, a Democratic National Committee consultant": the model tagged the name ORG.
    assert _allsides_roles("QOirqnqqpvqRb7my")["Alexandra Chalupa"] == [("consultant", "Democratic National Committee")]


def test_an_age_before_the_office_in_apposition() -> None:
    # "Moon, a 65-year-old former human rights lawyer"
    assert ("former human rights lawyer", None) in _allsides_roles("FTYS3Uac5Ag12IUW")["Moon Jae-in"]


def test_a_states_description_of_the_person_named_last() -> None:
    # "Cruz's decision ... the Texas senator is mathematically unable": the office written only there.
    assert _allsides_roles("v9Y8yZYp8b3LJite")["Ted Cruz"] == [("senator", "Texas")]
    # "Rep. Tim Murphy ... that President Obama is trying to calm ... the Pennsylvania lawmaker told Fox News": the
    # lawmaker named in the sentence before, past the president named between.
    roles = _allsides_roles("x0RIhYc5SnOJOl0N")
    assert roles["Tim Murphy"] == [("Rep.", "Pennsylvania")]
    assert roles["Obama"] == [("President", "United States")]
    # "the New Jersey governor tripped up Rubio": a governor's description is no senator's seat.
    assert _allsides_roles("iSzI8fJLCuANbVSh")["Marco Rubio"] == [("Sen.", "Florida")]
    # "Rep. Jason Crow, a freshman Colorado Democrat": a describing word before the state.
    assert _allsides_roles("gsQXfJWt0TvTSBCj")["Jason Crow"] == [("Rep.", "Colorado")]


def test_a_governor_in_a_report_datelined_in_a_state() -> None:
    # "TOPEKA, Kan. (AP) — ... Republican Gov. Sam Brownback": the report names Kansas most.
    assert _allsides_roles("pRi3h5aDbhr6PUQD")["Sam Brownback"] == [("Gov.", "Kansas")]
    # A campaign report datelined in Iowa names several governors: theirs are not Iowa's.
    assert _allsides_roles("jG1iURJpRBammKzj")["Jeb Bush"] == [("Gov.", None)]


# entities.rules.v34 (session 26, review of v33), on reports of the AllSides corpus outside gold/dev.
def test_a_national_seat_from_a_state_is_the_states() -> None:
    # "Sanders, a U.S. senator from Vermont" (the model tags "Sanders" an organisation there), "Tim Kaine, a U.S.
    # senator from Virginia": the country before the title is the chamber's, the state after "from" the seat's.
    assert ("senator", "Vermont") in _allsides_roles("CZMmVXcyoEA2XgNJ")["Bernie Sanders"]
    assert ("senator", "Virginia") in _allsides_roles("19nuMJCefDQ5LjSA")["Tim Kaine"]


def test_the_models_name_joining_two_organisations_is_not_kept() -> None:
    # "the World Health Organization and National Institutes of Health halted": two bodies, a head on each side.
    names = {e.name for e in _allsides_entities("OS9ih0j3LiowwFCo")}
    assert "World Health Organization" in names
    assert not any(" and National Institutes" in name for name in names)


def test_an_organisation_the_model_tags_as_a_prepositions_object_is_no_person() -> None:
    # "including Heritage Action, the political arm of the conservative Heritage Foundation"
    heritage = [e for e in _allsides_entities("cCVp30PiRHtdF3bI") if e.name == "Heritage Action"]
    assert [e.type for e in heritage] == ["ORG"]
    # "In a statement to Media Matters, the co-director of ..., Professor Todd Shepard, said"
    assert "Media Matters" not in _allsides_roles("TPBWtu6zlX8L69w1")


def test_a_states_description_that_stands_for_someone_else() -> None:
    # "Obama hammered away at the notion that the New York senator was ...": Obama is the clause's subject, the
    # senator someone else; "if the Vermont senator was too much a one-issue candidate" is Sanders's.
    roles = _allsides_roles("lpHlW0FHvwC0xnYp")
    assert roles.get("Barack Obama", []) == []
    assert roles["Bernie Sanders"] == [("senator", "Vermont")]
    # "he tried to reach ... the Illinois governor's office": a possessor of an object, no description of Jack Cable.
    assert _allsides_roles("axueRDNTl24LKKZp").get("Jack Cable", []) == []
    # "The New Jersey governor, Chris Christie, and Senator Jeff Sessions": the name in apposition is the governor.
    holders = [h for h, roles in _allsides_roles("mCPdlTbu10mXoqgS").items() if ("governor", "New Jersey") in roles]
    assert holders in ([], ["Chris Christie"])


# entities.rules.v36 (session 27), on reports of the AllSides corpus outside gold/dev.
def test_two_titles_joined_in_apposition_are_two_offices_of_the_organisation_after_them() -> None:
    # "Michael Powell, president and CEO of the National Cable and Telecommunications Association"
    roles = _allsides_roles("QdHFEZ2fZugA909R")["Michael Powell"]
    assert ("president", "National Cable and Telecommunications Association") in roles
    assert ("CEO", "National Cable and Telecommunications Association") in roles
    # "Julie Burkhart, founder and CEO of Trust Women"
    assert ("CEO", "Trust Women") in _allsides_roles("pRi3h5aDbhr6PUQD")["Julie Burkhart"]


def test_a_second_title_joined_to_a_description_or_a_field_is_no_office_of_its_own() -> None:
    # "John D. Negroponte, a former diplomat and director of national intelligence": no organisation is named
    # after the second title, which may carry the first's status; left as before.
    assert _allsides_roles("9EzrRXjiKMVC5DAy")["John D. Negroponte"] == [("former diplomat", None)]


def test_an_office_after_a_possessive_pronoun_is_held_for_whom_it_names() -> None:
    # "Weinstein has consistently denied ... His lawyer, Benjamin Brafman, said": the sentence before's subject.
    assert _allsides_roles("RTpowbfE9f2I89z1")["Benjamin Brafman"] == [("lawyer", "Harvey Weinstein")]
    # "Jiménez ... didn't respond ... Salvador Capdevila, his lawyer in Andorra, declined to comment."
    assert ("lawyer", "Francisco Jiménez") in _allsides_roles("V0pzBv6YLkuI3htd")["Salvador Capdevila"]
    # "Trump shrugged off ... as the work of his fired chief strategist Steve Bannon": a describing word between.
    assert ("chief strategist", "Donald Trump") in _allsides_roles("A0SFvUT7qrXBBIgl")["Steve Bannon"]


def test_a_possessive_pronoun_inside_a_sentence_or_a_list_names_no_owner_by_the_subject_before() -> None:
    # "...; Hope Hicks, the president's director of strategic communications; and Rob Porter, his staff
    # secretary, argued": a list's later name, not the subject Gary Cohn's.
    roles = _allsides_roles("PzUrwvcn1nE0Hmrj")
    assert [title for title, _ in roles["Rob Porter"]] == ["staff secretary"]  # read, and held of no one named
    assert all(of != "Gary Cohn" for _, of in roles["Rob Porter"])
    # "..., and his press secretary, Sean Spicer, sparked": inside its sentence, not the last subject's (Obama).
    spicer = _allsides_roles("6EfdO8W0oRWDHBci")["Sean Spicer"]
    assert [title for title, _ in spicer] == ["press secretary"]
    assert all(of != "Barack Obama" for _, of in spicer)


def test_a_possessive_pronouns_owner_is_never_a_person_written_with_the_other_pronouns_honorific() -> None:
    # "his" after "Ms. Roe", the last subject: someone else's lawyer; an earlier subject would be a guess.
    text = (
        "Harvey Weinstein denied the charges on Monday. Ms. Roe called it a lie. "
        "His lawyer, Benjamin Brafman, said he would appeal."
    )
    assert _roles_of(text, outlet="Washington Times")["Benjamin Brafman"] == [("lawyer", None)]
    # The same honorific as the pronoun's, or none, still names the owner.
    text = "Mr. Weinstein denied the charges on Monday. His lawyer, Benjamin Brafman, said he would appeal."
    assert _roles_of(text, outlet="Washington Times")["Benjamin Brafman"] == [("lawyer", "Weinstein")]


def test_a_joined_title_before_a_possessed_organisation_is_no_office_of_the_possessor() -> None:
    # "a historian and columnist for Britain's Daily Telegraph", "political science professor and co-director of
    # University of Massachusetts-Lowell's Center for Public Opinion": the second title is the possessed name's.
    assert _allsides_roles("TV6aJGeeA6KWuKrq")["Timothy Stanley"] == [("historian", "Britain")]
    dyck = _allsides_roles("4uh8im48bJCFlDaa")["Joshua Dyck"]
    assert dyck == [("political science professor", "University of Massachusetts-Lowell")]
    # A plural's apostrophe inside the name is no possessor: "president and executive director of the Lawyers'
    # Committee for Civil Rights Under Law" keeps both titles.
    assert _allsides_roles("bhfwWoZuZW9IWh93")["Kristen Clarke"] == [("president", None), ("executive director", None)]


def test_a_plural_title_before_names_is_each_names_office() -> None:
    # "joined by Justices Anthony Kennedy, Clarence Thomas, Samuel Alito, and Neil Gorsuch" (AllSides, outside
    # gold/dev): each holds the one office, written in the singular; none held it before entities.rules v38.
    roles = _allsides_roles("j23mSRGCVJ0Ytz6k")
    for name in ("Anthony Kennedy", "Clarence Thomas", "Samuel Alito", "Neil Gorsuch"):
        assert ("Justice", None) in roles[name], (name, roles.get(name))
    # "the residences of former Presidents Barack Obama and Bill Clinton": the nation's office, its status kept.
    roles = _allsides_roles("IPacbewxsMcgjQ1D")
    assert ("former President", "United States") in roles["Bill Clinton"]


def test_a_cabinet_office_under_a_possessive_the_model_tags_an_organisation() -> None:
    # "even though Trump's transportation secretary, Elaine Chao, told Congress" (AllSides, outside gold/dev): the
    # model tags "Trump's" an organisation; the possessor is the report's President Trump, so the cabinet office is
    # the United States' (the guide's `of`), not Trump's.
    assert ("transportation secretary", "United States") in _allsides_roles("veb5zFjkfkWJVEIU")["Elaine Chao"]


def test_a_plural_title_names_no_holder_without_names_and_keeps_the_party_off_the_office() -> None:
    # The party before a state's office is the holders' (as before "Republican Gov. NAME"); a plural with no
    # names after it ("the governors") holds nothing.
    article = article_from_text(
        "Republican Govs. Jeb Bush and Chris Christie spoke on Monday. The governors met later.",
        source_path="a.txt",
        detect_headline=False,
    )
    result = next(Pipeline(["entities.rules"]).run([article]))
    assert isinstance(result, Analysis)
    assert [(r.title, r.of) for r in _find(result, "Jeb Bush").roles] == [("Gov.", None)]
    assert [(r.title, r.of) for r in _find(result, "Chris Christie").roles] == [("Gov.", None)]
    assert len([e for e in result.entities if e.roles]) == 2


def test_a_plural_title_before_one_name_of_a_clause_names_no_holder() -> None:
    # The "and" after the first name joins two clauses, not a list of names: a plural read from the parse is a
    # title only before a list (entities.rules v38 gave the first name the office from any "and NAME" nearby).
    article = article_from_text(
        "Presidents Donald Trump spoke on Monday, and Joe Biden answered on Tuesday.",
        source_path="a.txt",
        detect_headline=False,
    )
    result = next(Pipeline(["entities.rules"]).run([article]))
    assert isinstance(result, Analysis)
    assert [e.name for e in result.entities if e.roles] == []
    # the same plural before a list still gives each name the office
    article = article_from_text(
        "Governors Andrew Cuomo and Phil Murphy spoke on Monday.", source_path="a.txt", detect_headline=False
    )
    result = next(Pipeline(["entities.rules"]).run([article]))
    assert isinstance(result, Analysis)
    assert [(r.title, r.of) for r in _find(result, "Phil Murphy").roles] == [("Governor", None)]


def test_a_plural_title_of_several_words_is_each_names_office_in_the_singular() -> None:
    # "counting former Secretaries of State Henry Kissinger and George Shultz as board members" (AllSides, outside
    # gold/dev): the plural opens a title of three words, and the parser leaves "Secretaries" as written; before,
    # neither name held an office.
    roles = _allsides_roles("2PUyHA9dzdMvCFhS")
    for name in ("Henry Kissinger", "George Shultz"):
        assert ("former Secretary of State", "United States") in roles[name], (name, roles.get(name))
    # "President Obama and Secretaries of State Hillary Clinton and John Kerry": Kerry went without the office
    assert ("Secretary of State", "United States") in _allsides_roles("tSYOLrAq0lZCxpBx")["John Kerry"]


def test_a_cabinet_office_under_a_surname_the_model_tags_an_organisation_is_the_persons_nations() -> None:
    # The model tags "Trump's" an organisation; the report writes only "Donald Trump" in full, never "Trump" alone
    # as a person, so the possessor is the one person with that surname (as the surname merge reads it), and the
    # cabinet office is the nation's; before, it stayed "Trump"'s.
    article = article_from_text(
        "President Donald Trump spoke. Trump's secretary of state, Rex Tillerson, agreed.",
        source_path="a.txt",
        detect_headline=False,
    )
    result = next(Pipeline(["entities.rules"]).run([article]))
    assert isinstance(result, Analysis)
    assert [(r.title, r.of) for r in _find(result, "Rex Tillerson").roles] == [("secretary of state", "United States")]


# entities.rules.v41 (session 29), on reports of the AllSides corpus outside gold/dev (the nickname sweep).
def test_a_name_with_a_quoted_nickname_is_one_person_known_by_first_and_last_name() -> None:
    # "retired Army Lt. Gen. Joseph "Keith" Kellogg, who served as chief operating officer": the model read "Joseph"
    # and "Kellogg" as two people, and the offices went to "Joseph" alone.
    entities = _allsides_entities("zyyP6l9sB0XoKswD")
    kellogg = _find_in(entities, "Joseph Kellogg")
    assert 'Joseph "Keith" Kellogg' in kellogg.aliases
    assert "retired Lt. Gen." in [r.title for r in kellogg.roles]
    assert not [e for e in entities if e.name in ("Joseph", "Keith")]
    # "North Brunswick Mayor Francis “Mac” Womack told NJ.com": the mayor is the whole name.
    roles = _allsides_roles("1lMF25bEs9n4BQ9g")
    assert [title for title, _ in roles["Francis Womack"]] == ["Mayor"]
    assert "Francis" not in roles


def test_a_quoted_word_between_names_that_are_no_one_persons_is_left_alone() -> None:
    # A headline's quoted word ("Paul Manafort 'Brazenly' Broke The Law") and a quotation after a name ("calling
    # Hurricane Matthew “Hurricane Donald.” There's") join no names.
    assert "Paul Manafort" in [e.name for e in _allsides_entities("Fw8sQKJhdALBNpFT")]
    assert not [e for e in _allsides_entities("45wjPJsknnsSCCwW") if "“" in e.name or any("“" in a for a in e.aliases)]


def _find_in(entities: list[Entity], name: str) -> Entity:
    found = [e for e in entities if name == e.name]
    assert len(found) == 1, (name, [(e.name, e.aliases) for e in entities])
    return found[0]
