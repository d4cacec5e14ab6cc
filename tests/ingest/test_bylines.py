"""Bylines and agency credits in plain text: the author is the person, the outlet a news organisation, an
agency credited beside another outlet the source; a byline line is metadata, never a statement or a claim.
Reports here are invented; real reports are read from ../shared."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.ingest import article_from_text, iter_documents
from dateline.ingest.metadata import agency_name, people_and_outlet
from dateline.model import Article
from dateline.outlets import is_credited_agency, is_news_organisation, names_outlet
from dateline.store import Store
from tests.conftest import EVAL_DATA, require_shared
from tests.ingest.inputs import ALLSIDES

BODY = "DENVER — The county counted 12 new wells this year, the mayor said on Monday."

# (report, author, outlet, source)
FORMS = [
    (f"Wells on the plains\n\nBy Jane Miller, Associated Press\n\n{BODY}", "Jane Miller", "Associated Press", None),
    # Lines separated by single line breaks, the byline under its headline.
    (f"Wells on the plains\nBy Jane Miller, The Prairie Herald\n{BODY}", "Jane Miller", "The Prairie Herald", None),
    # A byline that opens the text is not its headline.
    (
        f"By Jane Miller and Tom Okafor, Prairie Daily News\n\n{BODY}",
        "Jane Miller and Tom Okafor",
        "Prairie Daily News",
        None,
    ),
    (f"By Ann Lee, Tom Okafor and Jane Miller\n\n{BODY}", "Ann Lee, Tom Okafor and Jane Miller", None, None),
    (f"Jane Miller / Reuters\n\n{BODY}", "Jane Miller", "Reuters", None),
    (f"Jane Miller | Prairie Daily News\n\n{BODY}", "Jane Miller", "Prairie Daily News", None),
    ("Wells on the plains\n\nDENVER (AP) — The county counted 12 new wells.", None, "Associated Press", None),
    ("Wells on the plains\n\nDenver (CNN) - The county counted 12 new wells.", None, "CNN", None),
    ("(Reuters) - The county counted 12 new wells this year.", None, "Reuters", None),
    (f"{BODY}\n\nThe Associated Press contributed to this report.", None, None, "Associated Press"),
    # A reporter's job in the outlet's place is no outlet.
    (f"By Jane Miller, Staff writer\n\n{BODY}", "Jane Miller", None, None),
    # The agency's dateline below a photo caption longer than a header.
    (
        "The county's new wells on the plains, seen from the road on a dry afternoon in early spring, with the "
        "old farm in the background and the hills behind it. (AP Photo/Jane Miller)\n\n"
        "DENVER (AP) — The county counted 12 new wells this year.",
        None,
        "Associated Press",
        None,
    ),
]


@pytest.mark.parametrize(("text", "author", "outlet", "source"), FORMS)
def test_byline_and_credit_forms(text: str, author: str | None, outlet: str | None, source: str | None) -> None:
    article = article_from_text(text, source_path="a.txt")
    assert (article.author, article.outlet, article.source) == (author, outlet, source)


@pytest.mark.parametrize(
    "text",
    [
        # Capitalised words under a name, not an outlet: no byline.
        "Jane Miller\n\nIt is on.\n\nThe county counted 12 new wells.",
        "Jane Miller / Yes Or No\n\nThe county counted 12 new wells.",
        # A party tag after a politician's name is no agency credit, nor an abbreviation's expansion.
        "Sen. Jane Miller (D-Colo.) — the top Democrat on the panel — said so.",
        "The county said so.\n\nIP (Internet Protocol) addresses let the county find them.",
        # Whoever is told something is the outlet only when it is a news organisation.
        "Travel less, the mayor told Jane Miller on Monday.",
    ],
)
def test_no_outlet_from_ordinary_text(text: str) -> None:
    article = article_from_text(text, source_path="a.txt", detect_headline=False)
    assert (article.outlet, article.author) == (None, None)


@pytest.mark.parametrize(
    ("name", "known"),
    [
        ("The Prairie Herald", True),
        ("AP", True),
        ("News.Az", True),
        ("Washington Times", True),
        ("Staff writer", False),
        ("It is on.", False),
        ("Internet Protocol", False),
        ("D-Colo.", False),
    ],
)
def test_news_organisations(name: str, known: bool) -> None:
    assert is_news_organisation(name) is known


@pytest.mark.parametrize(
    ("name", "agency"),
    [
        ("The Associated Press", True),
        ("Religion News Service", True),
        ("Kyodo News Agency", True),
        ("Detroit Free Press", False),
        ("USA TODAY Network", False),
        ("FactCheck.org", False),
        # An agency's ending after words that are no organisation's name is nothing.
        ("our news service", False),
    ],
)
def test_credited_agencies(name: str, agency: bool) -> None:
    assert is_credited_agency(name) is agency


@pytest.mark.parametrize(
    ("credit", "outlet", "same"),
    [
        ("News.Az", "news.az", True),
        ("Trend", "Trend News Agency", True),
        ("Trend", "Trend.Az", True),
        ("Fox News", "Fox Online News", True),
        ("CNN", "CNN (Web News)", True),
        ("Tehran Radio", "Reuters", False),
        ("New China News Agency", "New York Times - News", False),
        ("Washington Post", "Washington Times", False),
    ],
)
def test_a_lead_credit_names_the_page_outlet(credit: str, outlet: str, same: bool) -> None:
    assert names_outlet(credit, outlet) is same


def test_dateline_run_reads_bylines_end_to_end(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for i, (text, *_) in enumerate(FORMS):
        (folder / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "run.db")
    result = CliRunner().invoke(app, ["run", "--no-progress", "--json", str(folder), "--db", db])
    assert result.exit_code == 0, result.output
    store = Store(db)
    by_file = {Path(a.source_path).name: a for a in store.articles()}
    for i, (_, author, outlet, source) in enumerate(FORMS):
        article = by_file[f"{i:02d}.txt"]
        assert (article.author, article.outlet, article.source) == (author, outlet, source)
    for analysis in store.analyses(a.id for a in by_file.values()):
        article = analysis.article
        # No statement or claim from a byline line, and the outlet's figures are the outlet's, not "unknown".
        assert not any(article.in_credits(r.start) for r in (*analysis.statements, *analysis.of_kind("claim")))
        for claim in analysis.of_kind("claim"):
            if claim.statement_id is None and article.outlet:  # type: ignore[attr-defined]
                assert claim.claimant.text == article.outlet  # type: ignore[attr-defined]


# PolNeAR's metadata names the wire agency of its wire copy; the texts carry it only as a dateline credit.
POLNEAR = EVAL_DATA / "quotes" / "polnear"
WIRES = {"ap": "AP", "afp": "AFP", "upi": "UPI", "reuters": "Reuters"}


def test_polnear_wire_copy_names_its_agency() -> None:
    require_shared(POLNEAR / "metadata.tsv")
    rows = list(csv.DictReader((POLNEAR / "metadata.tsv").open(encoding="utf-8"), delimiter="\t"))
    wired = {r["filename"]: WIRES[r["wire"].lower()] for r in rows if r["wire"].lower() in WIRES}
    named = 0
    for path in sorted(POLNEAR.glob("*/text/*.txt")):
        if path.stem not in wired:
            continue
        article = article_from_text(path.read_text(encoding="utf-8"), source_path=str(path))
        named += agency_name(wired[path.stem]) in (article.outlet, article.source)
    # 67 of the 78 wire reports; the rest carry no credit in their text.
    assert len(wired) >= 70 and named >= 60


@pytest.mark.parametrize(
    ("name", "outlet", "author"),
    [
        # "Updated ..." above a body that opens with "(CNN) -".
        ("FmbFauHPkn6oXNRS.json", "CNN", None),
        # Two photo captions above "WASHINGTON (AP) —".
        ("3FC0g10Lz5jGCgMv.json", "Associated Press", None),
        # "By NAME and NAME" above "WASHINGTON (Reuters) -".
        ("sVf3BihQHFsFvQKq.json", "Reuters", "Sarah N. Lynch and Andy Sullivan"),
    ],
)
def test_allsides_report_as_plain_text(tmp_path: Path, name: str, outlet: str, author: str | None) -> None:
    path = ALLSIDES / name
    require_shared(path)
    report = tmp_path / "report.txt"
    report.write_text(json.loads(path.read_text(encoding="utf-8"))["content_original"], encoding="utf-8")
    [article] = [a for a in iter_documents([str(report)]) if isinstance(a, Article)]
    assert (article.outlet, article.author) == (outlet, author)


PAGE_BODY = (
    "<p>DENVER (AP) — The county counted 12 new wells this year, the mayor said on Monday. "
    + "The wells were dug over the winter by crews from three towns in the valley. " * 3
    + "</p><p>The county plans more wells next spring, officials said.</p>"
)


@pytest.mark.parametrize(
    ("byline", "author", "outlet", "source"),
    [
        ("<p>By Jane Miller, Associated Press</p>", "Jane Miller", "Associated Press", None),
        # The byline's own outlet publishes the report; the agency of its dateline is the source.
        ("<p>Jane Miller | Prairie Daily News</p>", "Jane Miller", "Prairie Daily News", "Associated Press"),
        (
            '<p class="byline">Jane Miller / Prairie Daily News</p>',
            "Jane Miller",
            "Prairie Daily News",
            "Associated Press",
        ),
    ],
)
def test_html_bylines(byline: str, author: str, outlet: str, source: str | None) -> None:
    from dateline.config import IngestConfig
    from dateline.ingest.formats import article_from_html

    html = f"<html><head><title>Wells</title></head><body><article><h1>Wells</h1>{byline}{PAGE_BODY}</article></body></html>"
    article = article_from_html(html, source_path="a.html", config=IngestConfig())
    assert isinstance(article, Article)
    assert (article.author, article.outlet, article.source) == (author, outlet, source)


@pytest.mark.parametrize(
    ("author", "people", "outlet"),
    [
        ("Jane Miller; The Associated Press", "Jane Miller", "Associated Press"),
        ("Jane Miller; TOM OKAFOR Associated Press", "Jane Miller; TOM OKAFOR", "Associated Press"),
        ("Reuters", None, "Reuters"),
        ("Jane Miller; Tom Okafor", "Jane Miller; Tom Okafor", None),
    ],
)
def test_page_author_metadata_splits_people_from_outlet(author: str, people: str | None, outlet: str | None) -> None:
    assert people_and_outlet(author) == (people, outlet)


@pytest.mark.parametrize(
    ("name", "outlet", "source"),
    [
        # "(CNN) President ..." with no dash, on another outlet's page: CNN is the report's source.
        ("yUhoM7hXOQleZgwB.json", "Guest Writer - Left", "CNN"),
        # The same credit on CNN's own pages ("CNN (Web News)"), with and without a dash: the outlet itself.
        ("HM4kumZJDTEVpt9G.json", "CNN (Web News)", None),
        ("MdjS6qewSesVhcnx.json", "CNN (Web News)", None),
        # "NEW YORK (CNNMoney) --" on a CNN page: the outlet's own brand, no other source.
        ("cs4dZU4hBhxG8gsy.json", "CNN (Web News)", None),
        # "Contributing: NAME; The Associated Press" closing a USA Today report.
        ("E3pOVKaT7PVVYVyt.json", "USA TODAY", "Associated Press"),
        # "• Associated Press writers NAME in CITY, ... contributed."
        ("23JQ4hyrHr35ZcJt.json", "Washington Times", "Associated Press"),
        # "The Associated Press contributed to this report.;"
        ("3fBMJQsKNZY2GwjW.json", "Fox Online News", "Associated Press"),
        # "© Copyright 2019 The Associated Press. All rights reserved. ..." closing a Newsmax report.
        ("KGdMpPGh5F8L8Af2.json", "Newsmax", "Associated Press"),
        # "NAME\n\nReligion News Service\n\nWASHINGTON —" on a USA Today page: an agency by its name's ending.
        ("Z9UHClVxTA9f8sTG.json", "USA TODAY", "Religion News Service"),
        # "NAME\n\nDetroit Free Press" on a USA Today page: a newspaper of its network, no agency.
        ("gCgl9I1xgjCycz7l.json", "USA TODAY", None),
    ],
)
def test_allsides_agency_credits(name: str, outlet: str, source: str | None) -> None:
    path = ALLSIDES / name
    require_shared(path)
    [article] = [a for a in iter_documents([str(path)]) if isinstance(a, Article)]
    assert (article.outlet, article.source) == (outlet, source)
    if source is not None:  # the span is the credit as written ("The Associated Press", "CNN")
        assert article.source_span is not None and agency_name(article.source_span.text) == source
