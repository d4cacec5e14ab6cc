"""Datelines and source credits read from the text, on the Reuters-21578 stories and general forms."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dateline.config import IngestConfig
from dateline.ingest import article_from_text, iter_documents
from dateline.ingest.debris import iso_date
from dateline.ingest.formats import article_from_object
from dateline.ingest.metadata import (
    country_code,
    drop_glued_photo_credits,
    find_byline,
    find_credit,
    find_credit_lines,
    find_dateline,
    find_opening_dateline,
    find_update_note,
    past_space,
)
from dateline.model import Article, from_dict
from tests.conftest import CORPUS, WORDNET, wordnet_script

REUTERS = CORPUS / "reuters21578" / "reut2-000.sgm"


@pytest.mark.parametrize(
    ("text", "published", "place", "country", "date", "outlet"),
    [
        ("LONDON (Reuters) - The bank said", "2019-05-01", "London", "GB", None, "Reuters"),
        ("WASHINGTON, March 3 (Reuters) - The", "2020-03-04", "Washington", "US", "2020-03-03", "Reuters"),
        (
            "RIO DE JANEIRO, Brazil, Jan. 5 (AP) — The",
            "2021-01-05",
            "Rio de Janeiro",
            "BR",
            "2021-01-05",
            "Associated Press",
        ),
        # A late-December dateline in a report published in January belongs to the previous year.
        ("MOSCOW, Russia, December 31. The", "2022-01-02", "Moscow", "RU", "2021-12-31", None),
        ("Tbilisi, Georgia, Feb. 9 - The", None, "Tbilisi", "GE", "XXXX-02-09", None),
        ("AMSTERDAM, 2 March - The", "1987-03-02", "Amsterdam", "NL", "1987-03-02", None),
        ("NEW YORK, FEb 26 - Shares", "1987-02-26", "New York", "US", "1987-02-26", None),
        # A wire story filed from two cities, the first with its region: the first city is the dateline's.
        ("ABILENE, Texas/HOUSTON (Reuters) - Crews", "2019-05-01", "Abilene", "US", None, "Reuters"),
        ("TRENTON, N.J.,/WASHINGTON (Reuters) - The", "2019-05-01", "Trenton", "US", None, "Reuters"),
    ],
)
def test_dateline_forms(
    text: str, published: str | None, place: str, country: str | None, date: str | None, outlet: str | None
) -> None:
    dateline, agency = find_dateline(text, published)
    assert dateline is not None and dateline.span is not None
    assert (dateline.place, dateline.country, dateline.date) == (place, country, date)
    assert text.startswith(dateline.span.text)
    assert agency.outlet == outlet


@pytest.mark.parametrize(
    "text", ["NATO said on Monday it would", "The Embassy said. Then", "UN chief visits Kyiv", "BAKU, Azerbaijan. The"]
)
def test_no_dateline_in_ordinary_openings(text: str) -> None:
    assert find_dateline(text, "2020-01-01")[0] is None


def test_credit_forms() -> None:
    told = find_credit("A seminar was held in Islamabad, the Ministry of Culture told Xinhua.")
    assert (told.source, told.outlet) == ("Ministry of Culture", "Xinhua")
    cites = find_credit("Oil prices rose, Interfax reported, citing the Energy Ministry.")
    assert (cites.source, cites.outlet) == ("Energy Ministry", "Interfax")
    assert find_credit("The talks ended, he told reporters.").source is None


def test_country_codes() -> None:
    assert country_code("Azerbaijan") == "AZ"
    assert country_code("Britain") == "GB"
    assert country_code("Calif.") is None


def test_reuters_datelines_anchor_on_the_story_date() -> None:
    articles = [a for a in iter_documents([str(REUTERS)]) if isinstance(a, Article)]
    assert len(articles) == 1000
    with_body = [a for a in articles if a.title is not None]  # briefs (title only) have no dateline
    found = [a for a in with_body if a.dateline is not None]
    # Wire datelines ("SALVADOR, Feb 26 - ") open nearly every story with a body.
    assert len(found) >= 0.95 * len(with_body) > 500
    for article in found:
        assert article.dateline is not None and article.published is not None
        assert article.dateline.date is not None
        # The dateline is the local date: up to a day or two ahead of the wire time (Wellington, Tokyo).
        lag = dt.date.fromisoformat(article.published[:10]) - dt.date.fromisoformat(article.dateline.date)
        assert -2 <= lag.days <= 60
        assert article.dateline.place == article.dateline.place.strip()
        assert article.outlet == "Reuters"


@pytest.mark.parametrize(
    ("text", "author", "outlet"),
    [
        ("Gregory Korte\n\nUSA TODAY\n\nWASHINGTON — President Trump will sign it.", "Gregory Korte", "USA TODAY"),
        ("By Jane Doe, Associated Press\n\nBAKU, Azerbaijan, Feb. 23 — It rained.", "Jane Doe", "Associated Press"),
        ("John Smith / Reuters\n\nMOSCOW (Reuters) - It snowed.", "John Smith", "Reuters"),
    ],
)
def test_byline_then_dateline(text: str, author: str, outlet: str) -> None:
    byline = find_byline(text)
    assert (byline.author, byline.outlet) == (author, outlet)
    dateline, _ = find_dateline(text, "2017-04-17", start=byline.end)
    assert dateline is not None and dateline.span is not None and dateline.span.start == byline.end


def test_no_byline_in_ordinary_openings() -> None:
    assert find_byline("The president said on Monday.\n\nMore text.").end == 0


def test_byline_author_and_extent() -> None:
    text = "By Jane Doe, Associated Press\n\nBAKU, Azerbaijan, Feb. 23 — It rained."
    byline = find_byline(text)
    assert byline.author_span is not None and byline.author_span.text == "Jane Doe"
    assert byline.span is not None and byline.span.text == "By Jane Doe, Associated Press"


@pytest.mark.parametrize(
    ("line", "source", "author"),
    [
        ("The Associated Press contributed to this report.", "Associated Press", None),
        ("Associated Press writer Jim Heintz in Moscow contributed to this report.", "Associated Press", None),
        # Where the contributor reported from, no "to", and the Christian Science Monitor's "material from" lines.
        ("Associated Press writer Jim Heintz contributed to this report from Salem, Oregon.", "Associated Press", None),
        ("The Associated Press contributed this report.", "Associated Press", None),
        ("This report contains material from Reuters and the Associated Press.", "Reuters", None),
        ("Material from the Associated Press was used in this report.", "Associated Press", None),
        (
            "Doe reported from Phoenix. Associated Press writer Jim Heintz in Yarnell, Arizona, and Associated Press "
            "reporter Ann Lee in Washington, D.C., also contributed to this story.",
            "Associated Press",
            None,
        ),
        ("Reuters contributed reporting.", "Reuters", None),
        ("Kevin Crowley contributed to this report.", None, None),
        ("(Reporting by John Smith in London; Editing by Ann Lee)", None, "John Smith"),
        ("Reporting by John Smith and Ann Lee; Writing by Bob Roe", None, "John Smith and Ann Lee"),
        ("Photographer: Al Drago/Getty Images Photographer: Al Drago/Getty Images", None, None),
        ("Photo: Jane Doe/AFP", None, None),
        ("Credit: Reuters", None, None),
        # The agency named after the staff, and two more credit formulas.
        ("Fox News' Jane Doe contributed to this report, along with The Associated Press.", "Associated Press", None),
        ("Fox News' Jane Doe contributed to this report, as well as Reuters.", "Reuters", None),
        ("Information from The Associated Press was used in this report.", "Associated Press", None),
        ("This story is based on reporting by The Associated Press.", "Associated Press", None),
    ],
)
def test_credit_lines(line: str, source: str | None, author: str | None) -> None:
    text = f"MOSCOW — The minister said it rained.\n\n{line}\n\nMore text."
    found = find_credit_lines(text)
    assert [s.text for s in found.spans] == [line]
    assert (found.source, found.author) == (source, author)


@pytest.mark.parametrize(
    "line",
    [
        "The minister said the company contributed to the fall.",
        "He was reporting by phone from London, he said.",
        "The photo: a man in a hat.",
        "Information from the state shows cases rose.",
        "Based on reporting by the Times, the senator resigned.",
    ],
)
def test_sentences_are_not_credit_lines(line: str) -> None:
    assert find_credit_lines(f"{line}\n\nMore text.").spans == ()


@pytest.mark.parametrize(
    ("text", "outlet", "source"),
    [
        # The agency credited after the dateline of another outlet's copy is the report's source ...
        ("BRUSSELS (AP) — The union met on Monday.", "Newsmax", "Associated Press"),
        # ... but is no other source than the outlet itself on its own copy.
        ("LONDON (Reuters) - The bank said it would.", "Reuters", None),
        ("The union met.\n\nThe Associated Press contributed to this report.", "Newsmax", "Associated Press"),
        ("By Jane Doe, Associated Press\n\nBAKU, Azerbaijan, Feb. 23 — It rained.", "Newsmax", "Associated Press"),
        # CNN's title-case dateline with no dash, on another outlet's page and on CNN's own.
        ("Washington (CNN) The biggest takeaway is this.", "Guest Writer - Left", "CNN"),
        ("Washington (CNN) The biggest takeaway is this.", "CNN (Web News)", None),
        # A brand of the outlet glued onto its name is the outlet itself too.
        ("NEW YORK (CNNMoney) -- Retail sales rose in July.", "CNN (Web News)", None),
        # An agency's name alone in the byline's place above the dateline; a bare "AP" elsewhere is a photo's.
        ("Associated Press\n\nTACOMA, Wash. – A man was found dead.", "USA TODAY", "Associated Press"),
        ("The talks went on.\n\nAP\n\nAfter 11 days, the president spoke.", "ABC News", None),
        # A photographer and agency joined by a tight slash credit a picture, not the report.
        ("Dennis Brack/Bloomberg News\n\nThe senators met on Monday.", "ABC News", None),
        # "X told OUTLET" with the sentence going on is an interview with the outlet, not a credit.
        ("The spokeswoman Jane Doe told CNBC, when asked, that it was false.", "CNBC", None),
        # The lead's formula credits a source only when it names the report's own outlet ...
        ("A seminar was held in Islamabad, the Ministry of Culture told Xinhua.", "Xinhua", "Ministry of Culture"),
        # ... however the page writes that outlet's name ...
        ("Oil prices rose, Trend reports referring to the Energy Ministry.", "Trend News Agency", "Energy Ministry"),
        # ... on another outlet's copy it relays that outlet's interview or report.
        ("Iran will go on, Prime Minister Mir-Hossein Mousavi told Tehran Radio.", "Reuters", None),
        # A byline's organisation whose name says it is a news agency, beside another outlet, is the source.
        ("Jane Doe\n\nReligion News Service\n\nWASHINGTON — The survey was released.", "USA TODAY", "Religion News Service"),
        ("By Jane Doe, Kyodo News Agency\n\nTOKYO — The talks ended.", "Newsmax", "Kyodo News Agency"),
        # A byline's newspaper is no agency: a column it ran first, or a sister paper's, credits no source.
        ("Todd Spangler\n\nDetroit Free Press\n\nWASHINGTON — The bill passed.", "USA TODAY", None),
    ],
)
def test_agency_credits_are_the_source(text: str, outlet: str, source: str | None) -> None:
    article = article_from_text(text, source_path="a.txt", outlet=outlet, detect_headline=False)
    assert (article.outlet, article.source) == (outlet, source)


def test_article_author_and_credit_spans() -> None:
    text = (
        "By Jane Doe, Associated Press\n\nBAKU, Azerbaijan, Feb. 23 — It rained, officials said.\n\n"
        "Photographer: Al Drago/Getty Images\n\nThe Associated Press contributed to this report."
    )
    article = article_from_text(text, source_path="a.txt", detect_headline=False)
    assert (article.author, article.outlet, article.source) == ("Jane Doe", "Associated Press", None)
    assert article.author_span is not None and article.author_span.text == "Jane Doe"
    assert [s.text for s in article.credit_spans] == [
        "By Jane Doe, Associated Press",
        "Photographer: Al Drago/Getty Images",
        "The Associated Press contributed to this report.",
    ]
    assert article.in_credits(article.credit_spans[1].start) and not article.in_credits(text.index("It rained"))
    # Metadata from the caller wins; the text's span is kept only where it names the same author.
    given = article_from_text(text, source_path="a.txt", author="Someone Else", detect_headline=False)
    assert (given.author, given.author_span) == ("Someone Else", None)
    assert from_dict(Article, article.to_dict()) == article


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # The outlet's name kept above the body as its own paragraph.
        ("USA TODAY\n\nWASHINGTON – The president said on Friday that", "Washington"),
        # A dek and headline run together on one line above the body.
        ("The fight has only begun. Billionaire rattles his party\n\nBOSTON — A donor is giving", "Boston"),
    ],
)
def test_dateline_after_header_paragraphs(text: str, place: str) -> None:
    dateline, _ = find_opening_dateline(text, "2019-04-26")
    assert dateline is not None and dateline.place == place


@pytest.mark.parametrize(
    "text",
    [
        "Header line\n\nCOVID-19 cases rose again in the state on Monday.",
        "Header line\n\nFILE - In this April 27, 2020, file photo, a man walks.",
        # Past the opening paragraphs (2,500 characters), a city's dash opens a section, not the body.
        "The report " + "goes on and on " * 200 + "\n\nWASHINGTON — The president said",
        # A label in capitals before a dash is no city, past the header as at the top.
        "The report " + "goes on and on " * 20 + "\n\nUPDATE - The senator has since replied.",
    ],
)
def test_no_dateline_after_the_header(text: str) -> None:
    assert find_opening_dateline(text, "2020-01-01")[0] is None


def test_allsides_dateline_below_the_outlet_name() -> None:
    path = CORPUS / "allsides-article-bias" / "jsons" / "dTAHBmzqjlKub0aJ.json"
    [article] = [a for a in iter_documents([str(path)]) if isinstance(a, Article)]
    assert article.dateline is not None and (article.dateline.place, article.dateline.country) == ("Washington", "US")


@pytest.mark.parametrize(
    ("text", "after"),
    [
        ("Troops left the town. | AP Photo Minister urges calm", "Troops left the town.\n\nMinister urges calm"),
        (
            "Troops left the town. | Jane Doe/AP Photo Minister urges calm",
            "Troops left the town.\n\nMinister urges calm",
        ),
        # A credit that closes its line, or one in parentheses, is left to the credit-line reader.
        ("Troops left the town. | AP Photo", "Troops left the town. | AP Photo"),
        ("Troops left the town. (AP Photo/Jane Doe)", "Troops left the town. (AP Photo/Jane Doe)"),
    ],
)
def test_glued_wire_photo_credit_is_dropped(text: str, after: str) -> None:
    assert drop_glued_photo_credits(text) == after


def test_allsides_photo_credit_never_joins_a_speaker() -> None:
    path = CORPUS / "allsides-article-bias" / "jsons" / "3kAY33hX44BgeOLe.json"
    [article] = [a for a in iter_documents([str(path)]) if isinstance(a, Article)]
    assert "AP Photo" not in article.text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Washington (CNN) The biggest takeaway is this.", "Washington"),
        ("Helsinki, Finland (CNN) US leaders met.", "Helsinki"),
    ],
)
def test_title_case_dateline_with_an_agency_and_no_dash(text: str, place: str) -> None:
    dateline, credit = find_opening_dateline(text, "2019-04-26")
    assert dateline is not None and (dateline.place, dateline.date, credit.outlet) == (place, None, "CNN")


@pytest.mark.parametrize(
    "text",
    [
        # A caption's names before a credit, and a lawmaker's heading with a party tag, are no datelines.
        "Megyn Kelly, Howard Kurtz (Fox News) Megyn Kelly and Howard Kurtz defend it.",
        "Joe Manchin (D-W.Va.)\n\nManchin could easily be paired with others.",
    ],
)
def test_title_case_names_before_a_parenthesis_are_no_dateline(text: str) -> None:
    assert find_opening_dateline(text, "2019-04-26")[0] is None


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        ("Washington — House Speaker Nancy Pelosi unveiled the plan.", "Washington", "US"),
        ("Kuala Lumpur, Malaysia - Leaders from some of the countries met.", "Kuala Lumpur", "MY"),
        ("Rovaniemi, FINLAND -- Speaking to reporters, he said so.", "Rovaniemi", "FI"),
        ("Srinagar, Indian-administered Kashmir - On a tense afternoon, he left.", "Srinagar", "IN"),
    ],
)
def test_title_case_dateline_before_a_dash(text: str, place: str, country: str) -> None:
    dateline, credit = find_opening_dateline(text, "2020-03-01")
    assert dateline is not None and (dateline.place, dateline.country, dateline.date) == (place, country, None)
    assert credit.outlet is None


@pytest.mark.parametrize(
    "text",
    [
        # A subject set off by dashes, a person's name, and a small town's name that is a person's: no datelines.
        "Wisconsin -- long a stronghold for Democrats -- went unvisited.",
        "Marco Rubio — In a campaign first — blasted the article.",
        "Obama — The president spoke on Friday.",
        "Washington-based groups said so.",
        # Two names set off by a dash, the first a town's somewhere: the second names no region of its country.
        "Warren, Sanders — The two senators sparred.",
        "Jordan, Israel — The talks resumed.",
    ],
)
def test_title_case_words_before_a_dash_are_no_dateline(text: str) -> None:
    assert find_opening_dateline(text, "2020-03-01")[0] is None


@pytest.mark.parametrize(
    ("name", "place", "country"),
    [
        # Al Jazeera's and CBS News' title-case datelines, and one below a short note on a Townhall page.
        ("JyB2dsT6jkTh1t9S", "Kuala Lumpur", "MY"),
        ("UyEO4KhIm1kqHVnC", "Washington", "US"),
        ("eBHJkZUeFpHdHqlT", "Rovaniemi", "FI"),
    ],
)
def test_allsides_title_case_dateline_before_a_dash(name: str, place: str, country: str) -> None:
    path = CORPUS / "allsides-article-bias" / "jsons" / f"{name}.json"
    [article] = [a for a in iter_documents([str(path)]) if isinstance(a, Article)]
    assert article.dateline is not None and (article.dateline.place, article.dateline.country) == (place, country)


@pytest.mark.parametrize(
    ("name", "place"),
    [
        # USA Today's "CLOSE ..." video blurb and a photo caption above "WASHINGTON —".
        ("72WWQOGDCeYeEQnE", "Washington"),
        # Politico's photo caption and dek above "FARGO, N.D. —".
        ("60Cgm2sxqqUMZhGx", "Fargo"),
    ],
)
def test_allsides_dateline_past_caption_paragraphs(name: str, place: str) -> None:
    path = CORPUS / "allsides-article-bias" / "jsons" / f"{name}.json"
    [article] = [a for a in iter_documents([str(path)]) if isinstance(a, Article)]
    assert article.dateline is not None and (article.dateline.place, article.dateline.country) == (place, "US")


def test_dateline_past_a_long_caption() -> None:
    caption = "A man walks past the Capitol on Monday, the day the bill was signed. " * 4
    dateline, credit = find_opening_dateline(f"{caption}\n\nSAN FRANCISCO — The city said", "2020-01-01")
    assert dateline is not None and (dateline.place, dateline.country, credit.outlet) == ("San Francisco", "US", None)


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        # The region names the city's country where the most populous city so named is another's.
        ("MANCHESTER, N.H. — Voters lined up", "Manchester", "US"),
        ("BURLINGTON, Iowa — The candidate said", "Burlington", "US"),
        ("SANTA ROSA, Calif. (AP) — Fires spread", "Santa Rosa", "US"),
        ("SANTA FE, Texas (Reuters) - A student", "Santa Fe", "US"),
        ("SUTHERLAND SPRINGS, Texas — The church", "Sutherland Springs", "US"),
        # A region name several countries' divisions share is read where a city of the name is: the gazetteer
        # holds most divisions' population as 0, so the most populous alone gave MX and PK.
        ("MELBOURNE, Victoria — The state government", "Melbourne", "AU"),
        ("AMRITSAR, Punjab — Police said", "Amritsar", "IN"),
        # A region that names a country but where no city of the name is: the division of that name, where one is.
        ("ATLANTA, Georgia — The governor said", "Atlanta", "US"),
        # A country as the region still wins over a US state of the same name.
        ("TBILISI, Georgia — The government", "Tbilisi", "GE"),
        ("TAORMINA, Sicily — Leaders of the G7", "Taormina", "IT"),
    ],
)
def test_dateline_region_gives_the_country(text: str, place: str, country: str) -> None:
    dateline, _ = find_dateline(text, "2019-05-01")
    assert dateline is not None and (dateline.place, dateline.country) == (place, country)


@pytest.mark.parametrize(
    ("text", "author", "outlet"),
    [
        ("Kevin Johnson and Brad Heath\n\nUSA TODAY\n\nWASHINGTON – The", "Kevin Johnson and Brad Heath", "USA TODAY"),
        (
            "Susan Davis, David Jackson and Gregory Korte\n\nUSA TODAY\n\nThe",
            "Susan Davis, David Jackson and Gregory Korte",
            "USA TODAY",
        ),
        # A contributor's line: "Special for USA TODAY".
        ("Portia Walker\n\nSpecial for USA TODAY\n\nKRASNOARMEISK, Ukraine — The", "Portia Walker", "USA TODAY"),
    ],
)
def test_byline_of_several_names_above_the_outlet(text: str, author: str, outlet: str) -> None:
    byline = find_byline(text)
    assert (byline.author, byline.outlet) == (author, outlet)
    assert byline.span is not None and byline.span.text.endswith(outlet)


def test_allsides_byline_of_two_names_is_metadata() -> None:
    path = CORPUS / "allsides-article-bias" / "jsons" / "yhXjvaSVd2pGhysg.json"
    [article] = [a for a in iter_documents([str(path)]) if isinstance(a, Article)]
    assert article.in_credits(article.text.index("Kevin Johnson and Brad Heath"))


@pytest.mark.parametrize(
    ("written", "iso"),
    [("7/23/17", "2017-07-23"), ("12/22/2016", "2016-12-22"), ("12/22/96", "1996-12-22"), ("13/1/2017", None)],
)
def test_iso_date_of_a_us_numeric_date(written: str, iso: str | None) -> None:
    # One owner for a written date's ISO form: the JSON reader and the page-debris reader share it.
    assert iso_date(written) == iso


def test_json_date_time_stays_as_written() -> None:
    obj = {"text": "A body of report that is long enough to read.", "date": "2017-07-23T10:00:00"}
    article = article_from_object(obj, source_path="a.json", config=IngestConfig())
    assert isinstance(article, Article) and article.published == "2017-07-23T10:00:00"


def test_allsides_us_numeric_date_is_iso() -> None:
    path = CORPUS / "allsides-article-bias" / "jsons" / "0U4wzBeAOvW9TYcy.json"
    [article] = [a for a in iter_documents([str(path)]) if isinstance(a, Article)]
    assert article.published == "2017-07-23"


@pytest.mark.parametrize(
    ("name", "label"),
    [
        # An editor's label in capitals before a dash opens the body: no place, though it is written as one.
        ("fTw8dVnMVwprlJWw", "EXCLUSIVE --"),
        ("t08zdWUhQ90iT9Rb", "EXCLUSIVE -"),
        # A section kicker with its dash on the next paragraph.
        ("BjanY1qMf6ctpN7U", "NOTABLES"),
    ],
)
def test_allsides_label_before_a_dash_is_no_dateline(name: str, label: str) -> None:
    path = CORPUS / "allsides-article-bias" / "jsons" / f"{name}.json"
    [article] = [a for a in iter_documents([str(path)]) if isinstance(a, Article)]
    assert article.text.startswith(label) and article.dateline is None


@pytest.mark.parametrize(
    "text",
    [
        # Labels the gazetteer knows as a town (Poll in Germany, Lead in South Dakota, More for Mora) that
        # WordNet knows only as common words; and one it does not know at all.
        "POLL — Most voters say the economy comes first.",
        "LEAD - VIRGIN 34.00/34.50",
        "MORE — The senator added that",
        "UPDATE - The vote was delayed.",
        "CORRECTION - In WASHINGTON story, please read",
        # A kicker or headline of several words with a function word among them.
        "GEORGE W. BUSH ON BOSTON BOMBINGS - The former president said",
        "BANK OF FRANCE RETURN - APR 9 Week end Apr 2",
        # The first part of a hyphenated word in a headline in capitals.
        "ALLIS-CHALMERS PROPOSES RESTRUCTURING",
        "FED SETS TWO-DAY SYSTEM REPURCHASES",
    ],
)
def test_label_or_hyphenated_word_is_no_dateline(text: str) -> None:
    assert find_dateline(text, "1987-03-02")[0] is None


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        # Cities written alone that WordNet also lists as common words: WordNet files them as places.
        ("PHOENIX — The governor said", "Phoenix", "US"),
        ("READING — The council said", "Reading", "GB"),
        # A common word with its region is a town: the region is what a label never has.
        ("ORANGE, Texas/HOUSTON (Reuters) - Rescuers", "Orange", "US"),
        ("LEAD, S.D. — The mine", "Lead", "US"),
        # Tight dashes of a dateline: doubled, or after the region.
        ("FLORENCE, S.C.--Jeb Bush said", "Florence", "US"),
        ("HANAHAN, S.C.-Twenty-six years before", "Hanahan", "US"),
        ("UNITED NATIONS—Israeli Prime Minister", "United Nations", None),
        ("KING OF PRUSSIA — The mall", "King of Prussia", "US"),
        ("MOBILE — The port", "Mobile", "US"),
        ("BATH — The council", "Bath", "GB"),
        ("NICE — The mayor", "Nice", "FR"),
        ("SPLIT — The ferry", "Split", "HR"),
        ("HOPE, Ark. — The town", "Hope", "US"),
    ],
)
def test_places_like_labels_stay_datelines(text: str, place: str, country: str | None) -> None:
    dateline, _ = find_dateline(text, "2019-05-01")
    assert dateline is not None and (dateline.place, dateline.country) == (place, country)


def test_region_across_a_border_keeps_the_city_country() -> None:
    # The gazetteer's Kurdistan is Iran's province; Erbil, near it, is in Iraq. "DELHI, N.Y." (a village the
    # gazetteer lacks) stays in New York, New Delhi lying far from it.
    erbil, _ = find_dateline("ERBIL, Kurdistan (Reuters) - Iraqi Kurds", "2017-09-25")
    delhi, _ = find_dateline("DELHI, N.Y. — The village board", "2017-09-25")
    assert erbil is not None and erbil.country == "IQ"
    assert delhi is not None and delhi.country == "US"


def test_reuters_dateline_after_the_wire_priority_flag() -> None:
    path = CORPUS / "reuters21578" / "reut2-009.sgm"
    [article] = [
        a for a in iter_documents([str(path)]) if isinstance(a, Article) and a.source_path.endswith("#NEWID=9919")
    ]
    assert article.text.startswith("****SAO PAULO")
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.country, article.dateline.date) == (
        "Sao Paulo",
        "BR",
        "1987-03-26",
    )


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        # Large towns whose names WordNet knows only as common words (they are in label_words.txt): a town of
        # 100,000 people or more is written alone as a dateline, a label word's town is small.
        ("DERBY — Police in Derbyshire said", "Derby", "GB"),
        ("AURORA — The theater gunman", "Aurora", "US"),
        ("SURPRISE — The city council voted", "Surprise", "US"),
        ("ORANGE — The county supervisors", "Orange", "US"),
        ("SAMARA — The regional governor", "Samara", "RU"),
        ("TRIER — Prosecutors said", "Trier", "DE"),
    ],
)
def test_large_towns_named_by_common_words_stay_datelines(text: str, place: str, country: str) -> None:
    dateline, _ = find_dateline(text, "2019-05-01")
    assert dateline is not None and (dateline.place, dateline.country) == (place, country)


@pytest.mark.parametrize(
    "text",
    [
        # A label word that only begins a large town's name (Gold Coast) is still a label.
        "GOLD - Prices firmed in thin trade",
        "GOLD — The metal rose",
    ],
)
def test_a_word_beginning_a_large_town_name_is_still_a_label(text: str) -> None:
    assert find_dateline(text, "1987-04-07")[0] is None


@pytest.mark.parametrize(
    ("sgm", "newid", "place", "country"),
    [
        # A wire flash written tight, "CITY-" before a story that opens on a country: a dateline, not a compound.
        ("reut2-020.sgm", "20097", "London", "GB"),
        ("reut2-009.sgm", "9119", "Miami", "US"),
    ],
)
def test_reuters_flash_city_before_a_country_is_a_dateline(sgm: str, newid: str, place: str, country: str) -> None:
    path = CORPUS / "reuters21578" / sgm
    [article] = [
        a for a in iter_documents([str(path)]) if isinstance(a, Article) and a.source_path.endswith(f"#NEWID={newid}")
    ]
    assert article.dateline is not None and (article.dateline.place, article.dateline.country) == (place, country)


def test_a_compound_of_countries_is_no_flash_dateline() -> None:
    # "US-German": two countries joined, no city before the hyphen.
    assert find_dateline("US-German carmaker DaimlerChrysler has sold", "2005-01-05")[0] is None


def test_the_label_words_file_is_what_the_wordnet_script_writes() -> None:
    # Generated, not edited by hand: bench/wordnet_label_words.py reproduces it from WordNet 3.0 (Debian's
    # wordnet-base) and the gazetteer, header included.
    wordnet = WORDNET
    root = Path(__file__).parents[2]
    module = wordnet_script("wordnet_label_words")
    written = (root / "src/dateline/data/label_words.txt").read_text(encoding="utf-8")
    assert written == module.HEADER + "\n".join(module.label_words(wordnet)) + "\n"
    assert "WORDNET-LICENSE.txt" in module.HEADER
    places = (root / "src/dateline/data/wordnet_places.txt").read_text(encoding="utf-8")
    assert places == module.PLACES_HEADER + "\n".join(module.wordnet_places(wordnet)) + "\n"
    assert "WORDNET-LICENSE.txt" in module.PLACES_HEADER


def _reuters(sgm: str, newid: str) -> Article:
    path = CORPUS / "reuters21578" / sgm
    [article] = [
        a for a in iter_documents([str(path)]) if isinstance(a, Article) and a.source_path.endswith(f"#NEWID={newid}")
    ]
    return article


@pytest.mark.parametrize(
    ("sgm", "newid"),
    [
        # "..., Mousavi told Tehran Radio." and "..., the New China News Agency reported from Pyongyang." on Reuters'
        # copy: the lead relays another outlet, so neither the speaker nor the place is the report's source.
        ("reut2-015.sgm", "15142"),
        ("reut2-006.sgm", "6979"),
    ],
)
def test_reuters_lead_relaying_another_outlet_credits_no_source(sgm: str, newid: str) -> None:
    article = _reuters(sgm, newid)
    assert article.outlet == "Reuters" and article.source is None


def test_reuters_lead_told_reuters_credits_the_teller() -> None:
    article = _reuters("reut2-000.sgm", "903")
    assert article.source == "Economic Planning Secretary Solita Monsod"


@pytest.mark.parametrize(
    ("sgm", "newid", "label"),
    [
        # A wire's table slug of several words the gazetteer does not know as one place, with no function word.
        ("reut2-000.sgm", "993", "U.S. DIVIDEND MEETINGS -"),
        ("reut2-013.sgm", "13941", "LONDON INTERBANK STERLING CLOSING -"),
    ],
)
def test_reuters_slug_of_several_words_is_a_label(sgm: str, newid: str, label: str) -> None:
    article = _reuters(sgm, newid)
    assert article.dateline is None
    assert article.label_span is not None and article.label_span.text == label and article.opening_end == len(label)


@pytest.mark.parametrize(
    ("sgm", "newid"),
    [
        # Several words the gazetteer does not know, then a note in parentheses: a headline, not a dateline whose
        # call sign credits the report ("(MMI)" was its source).
        ("reut2-020.sgm", "20162"),
        ("reut2-013.sgm", "13574"),
    ],
)
def test_reuters_headline_with_a_parenthesis_credits_no_source(sgm: str, newid: str) -> None:
    article = _reuters(sgm, newid)
    assert article.dateline is None and article.source is None


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("FINAL UPDATE - The votes are in.", "FINAL UPDATE -"),
        ("MARKET TALK - Traders said copper would rise.", "MARKET TALK -"),
        ("ZINC HIGH GRADE - 2650 tonnes", "ZINC HIGH GRADE -"),
        ("EXCLUSIVE -- The company will cut jobs.", "EXCLUSIVE --"),
        # A table slug's dash written tight before its date, not a hyphenated word.
        ("N.Y. FOREIGN EXCH CLOSING-APR 7 Stg 1.6175/85", "N.Y. FOREIGN EXCH CLOSING-"),
    ],
)
def test_a_label_opening_the_body_is_kept_as_a_span(text: str, label: str) -> None:
    article = article_from_text(text, source_path="x", detect_headline=False)
    assert article.dateline is None and article.label_span is not None and article.label_span.text == label
    assert article.in_label(0) and not article.in_label(len(label) + 1)


@pytest.mark.parametrize(
    ("sgm", "newid"),
    [
        # A headline in capitals whose first hyphen is a word's ("COCA-COLA ENTERPRISES ...", "PETRO-CANADA CUT
        # ...", "... IN MID-APRIL"): no label ends inside a word.
        ("reut2-006.sgm", "6643"),
        ("reut2-000.sgm", "511"),
        ("reut2-002.sgm", "2726"),
    ],
)
def test_a_headlines_hyphenated_word_is_no_label(sgm: str, newid: str) -> None:
    article = _reuters(sgm, newid)
    assert article.dateline is None and article.label_span is None


@pytest.mark.parametrize(
    ("sgm", "newid", "label"),
    [
        # A wire's table slug, then the table's rows: a place alone before a dash opens a row, not the report.
        ("reut2-013.sgm", "13555", "EXTENDED WEATHER OUTLOOK -"),
        ("reut2-014.sgm", "14144", "ILLINOIS CASH SOYBEAN PRODUCT BASIS -"),
    ],
)
def test_a_row_under_a_table_slug_is_no_dateline(sgm: str, newid: str, label: str) -> None:
    article = _reuters(sgm, newid)
    assert article.dateline is None and article.label_span is not None and article.label_span.text == label


def test_a_dateline_with_its_agency_under_a_label_stays() -> None:
    # "FILE - In this ... file photo ..." (a photo's caption), then the report's own dateline.
    text = "FILE - In this April 27, 2020, file photo, pedestrians pass a shop.\n\nNEW YORK (AP) — Stores reopened."
    article = article_from_text(text, source_path="x", detect_headline=False)
    assert article.dateline is not None and article.dateline.place == "New York"


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("WASHINGTON (AP) — It rained.", "WASHINGTON (AP) —"),
        ("EXCLUSIVE - It rained.", "EXCLUSIVE -"),
        # A page's header line above the dateline is no part of it.
        ("Rain again\n\nWASHINGTON (Reuters) - It rained.", "WASHINGTON (Reuters) -"),
        # A label over a photo's caption, the dateline paragraphs below: the caption's names are the report's.
        ("FILE - In this photo, John Kasich speaks.\n\nNEW YORK (AP) — Stores reopened.", "NEW YORK (AP) —"),
        ("It rained in Paris.", ""),
    ],
)
def test_the_opening_is_the_dateline_or_label_and_no_caption_between(text: str, opening: str) -> None:
    article = article_from_text(text, source_path="x", detect_headline=False)
    start, end = article.opening
    assert text[start:end] == opening and article.opening_end == end
    assert (start, end) != (0, 0) or not opening


def test_a_stored_article_without_a_label_reads_back_the_same() -> None:
    article = article_from_text("WASHINGTON (AP) — It rained.", source_path="x", detect_headline=False)
    assert article.label_span is None and "label_span" not in article.to_dict()
    labelled = article_from_text("EXCLUSIVE - It rained.", source_path="x", detect_headline=False)
    assert from_dict(Article, labelled.to_dict()) == labelled


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # Several words the gazetteer does not know, but an international organisation's seat wires date from.
        ("UNITED NATIONS— Israeli Prime Minister Benjamin Netanyahu said", "United Nations"),
        # Several words the gazetteer knows as one place.
        ("SAN FRANCISCO - The city said", "San Francisco"),
        ("WASHINGTON/NEW YORK - The Treasury said", "Washington"),
        # Several words the gazetteer does not know as a town, but WordNet files as a location.
        ("WEST BANK — Israeli troops said", "West Bank"),
        ("GAZA STRIP - The ministry said", "Gaza Strip"),
        ("CAMP DAVID, Md. — The president said", "Camp David"),
    ],
)
def test_places_of_several_words_stay_datelines(text: str, place: str) -> None:
    dateline = find_dateline(text, "2018-09-27")[0]
    assert dateline is not None and dateline.place == place


def test_a_dash_a_paragraph_below_makes_no_label() -> None:
    path = CORPUS / "allsides-article-bias" / "jsons" / "BjanY1qMf6ctpN7U.json"
    [article] = [a for a in iter_documents([str(path)]) if isinstance(a, Article)]
    assert article.label_span is None


def test_a_label_is_looked_for_past_the_byline_and_its_white_space() -> None:
    # ``past_space`` skips every white space Python knows (a no-break space too), and stops at the text's end.
    assert past_space("\n\u00a0 X", 0) == 3
    assert past_space("ab  ", 2) == 4
    article = article_from_text("By Jane Doe\n\nMARKET TALK - Traders said copper would rise.", source_path="a.txt")
    assert article.author == "Jane Doe" and article.dateline is None
    assert article.label_span is not None and article.label_span.text == "MARKET TALK -"


@pytest.mark.parametrize(
    ("name", "note"),
    [
        # The Hill's end note, Washington Times' editor's note, a Townhall post's opening "UPDATE:" paragraph.
        ("2qQczPHqEWiZHWnG", "This report was updated"),
        ("Zq8R6ZuTTZGYqEgB", "Editor’s note: This article has been updated"),
        ("JKis2DjMDWa4pjIy", "UPDATE:"),
        # Townhall's "UPDATE - More from ..." paragraphs: the label with a spaced dash.
        ("U79RpoiI7PwkvQnG", "UPDATE"),
        # A correction note: the page changed after first publication too.
        ("4y1w5cQhwl4L20oI", "CORRECTION:"),
    ],
)
def test_allsides_update_note_marks_the_report_updated(name: str, note: str) -> None:
    path = CORPUS / "allsides-article-bias" / "jsons" / f"{name}.json"
    [article] = [a for a in iter_documents([str(path)]) if isinstance(a, Article)]
    found = find_update_note(article.text)
    assert article.updated and found is not None and found.text.strip(" -–—") == note


@pytest.mark.parametrize(
    "text",
    [
        "The report was revised last year, the committee said.",
        'He said: "This story has been corrected, and the reporter fired." The outlet declined to comment.',
        "Officials updated their systems on Monday.",
        "The Update feature lets users edit posts.",
        "Updated-looking graphics - a new style - were shown.",
    ],
)
def test_no_update_note_in_prose(text: str) -> None:
    assert find_update_note(text) is None
    assert not article_from_text(text, source_path="x.txt").updated


def test_reuters_correction_item_is_no_update() -> None:
    # "CORRECTION - CONTINENTAL ILL <CIL>": a new wire item correcting another, not this story changed.
    [article] = [a for a in iter_documents([str(REUTERS)]) if isinstance(a, Article) and a.source_path.endswith("=673")]
    assert article.text.startswith("CORRECTION - ") and not article.updated
