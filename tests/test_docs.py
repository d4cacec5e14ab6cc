"""The docs hold together: every relative link in README.md, docs/*.md and docs/history/*.md resolves, and every
section a comment or page cites by name ('docs/extractors.md, "The trained tagger"') is a heading of that page;
the reference's extractor table is the registry's, and the examples it quotes from `dateline demo` are the
demo's output.

Code, tests and bench scripts point readers at the counts behind a rule by a section's name; when a page is
reorganised (the extractor reference was split from its version-by-version history in session 28) a removed
or renamed heading would leave those pointers dangling without any link to break, so they are checked here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import REPO

DOCS = REPO / "docs"
HISTORY = DOCS / "history"
LINKED_PAGES = [REPO / "README.md", *sorted(DOCS.glob("*.md")), *sorted(HISTORY.glob("*.md"))]
# Where a section may be cited from: the package, the tests, the bench scripts and notes, and the pages.
CITING = [
    *sorted((REPO / "src").rglob("*.py")),
    *sorted((REPO / "src").rglob("*.yaml")),
    *sorted((REPO / "tests").rglob("*.py")),
    *sorted((REPO / "bench").glob("*.py")),
    *sorted((REPO / "bench").glob("*.md")),
    *LINKED_PAGES,
]
CITING = [path for path in CITING if path != Path(__file__).resolve()]  # this file's own examples cite "X"
CITED_PAGES = ("extractors.md", "evaluation.md")
# 'docs/extractors.md, "X"', '(docs/extractors.md, "X", has the counts)', 'docs/extractors.md ("X")' and the
# README's '[docs/extractors.md](docs/extractors.md), "X"'; a comment's line break may fall after the comma.
_CITATION = re.compile(
    r"(extractors|evaluation)\.md(?:\]\([^)]*\))?(?:,\s*(?:#\s*)?|\s+\()\"([^\"\n]+)\"",
)


def _headings(text: str) -> list[str]:
    """The text of every markdown heading outside fenced code, lower-cased."""
    headings: list[str] = []
    fenced = False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and re.match(r"#{1,6} ", line):
            headings.append(line.lstrip("#").strip().lower())
    return headings


def _names_a_heading(name: str, headings: list[str]) -> bool:
    # A citation may give a heading's opening words: "The trained tagger" for "The trained tagger: ...".
    cited = name.strip().lower()
    return any(heading == cited or heading.startswith(cited) for heading in headings)


def _citations(paths: list[Path]) -> list[tuple[Path, str, str]]:
    found: list[tuple[Path, str, str]] = []
    for path in paths:
        for page, name in _CITATION.findall(path.read_text(encoding="utf-8", errors="replace")):
            found.append((path, f"{page}.md", name))
    return found


def _missing(citations: list[tuple[Path, str, str]], headings: dict[str, list[str]]) -> list[str]:
    return [
        f"{path.relative_to(REPO)} cites docs/{page}, {name!r}, which is no heading there"
        for path, page, name in citations
        if not _names_a_heading(name, headings[page])
    ]


def _page_headings() -> dict[str, list[str]]:
    return {page: _headings((DOCS / page).read_text(encoding="utf-8")) for page in CITED_PAGES}


def test_the_history_pages_exist_and_say_what_they_are() -> None:
    pages = [page for page in sorted(HISTORY.glob("*.md")) if page.name != "README.md"]
    assert {page.name for page in pages} >= {
        "entities.md",
        "statements.md",
        "claims-and-times.md",
        "events-and-places.md",
        "evaluation.md",
    }
    for page in pages:
        head = page.read_text(encoding="utf-8")[:600]
        assert "moved verbatim" in head and "(../" in head, f"{page.name} lacks its header line"


@pytest.mark.parametrize("page", LINKED_PAGES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_relative_link_resolves(page: Path) -> None:
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):
            continue
        assert (page.parent / target).exists(), f"{page.relative_to(REPO)} links to a missing {target}"


def test_every_history_page_is_linked_from_the_reference() -> None:
    linking = (DOCS / "extractors.md").read_text(encoding="utf-8") + (DOCS / "evaluation.md").read_text(
        encoding="utf-8"
    )
    for page in sorted(HISTORY.glob("*.md")):
        assert f"history/{page.name}" in linking, f"neither reference page links history/{page.name}"


def test_every_cited_section_is_a_heading() -> None:
    citations = _citations(CITING)
    # The citations known at session 28 must still be found, so a change to the pattern cannot pass vacuously.
    names = {name for _, _, name in citations}
    assert {"The trained tagger", "Writing an extractor", "Offices", "What is measured"} <= names
    assert not _missing(citations, _page_headings())


def test_removing_a_cited_heading_fails_the_check() -> None:
    headings = _page_headings()
    citations = _citations(CITING)
    for cited in ("the trained tagger", "offices", "credit lines under a quotation"):
        pruned = {page: [h for h in hs if not h.startswith(cited)] for page, hs in headings.items()}
        assert _missing(citations, pruned), f"removing the {cited!r} heading went unnoticed"


def test_every_docs_path_named_in_the_code_exists() -> None:
    # A comment's "see docs/readme/events-places.md" outlived the page it named until session 28.
    for path in CITING:
        for named in re.findall(r"\bdocs/[\w./-]+\.(?:md|png)", path.read_text(encoding="utf-8", errors="replace")):
            assert (REPO / named).exists(), f"{path.relative_to(REPO)} names a missing {named}"


def _table_rows(text: str, heading: str) -> list[list[str]]:
    """The cells of the first markdown table after ``heading``'s line (header and rule rows left out)."""
    after = text.split(heading, 1)[1]
    rows: list[list[str]] = []
    for line in after.splitlines()[1:]:
        if line.startswith("|"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        elif rows:
            break
    return rows[2:]


def test_the_extractor_table_holds_the_registered_versions() -> None:
    # The reference's table is where a user reads the current versions; a bump that leaves it behind makes
    # every "current figures" table below it look stale, so the table must be `dateline extractors`'s.
    from dateline.registry import registered as registry

    text = (DOCS / "extractors.md").read_text(encoding="utf-8")
    rows = _table_rows(text, "The registered extractors at main")
    documented = {row[0].strip("`"): (row[1], row[2], row[3].startswith("yes")) for row in rows}
    # The built-in extractors only: other tests register plug-ins of their own (test_registry.py's
    # `example.capitals`, `test.badspan`) in the same process, and those are no part of the reference.
    registered = {
        spec.qualified: (", ".join(spec.requires), ", ".join(spec.assigns), spec.default)
        for spec in registry().values()
        if spec.fn.__module__.startswith("dateline.")
    }
    assert documented == registered


def test_the_demo_examples_are_the_demo_output() -> None:
    # The example columns of the field tables quote `dateline demo`'s output; each quoted value is checked against
    # a fresh run, so an example cannot outlive the behaviour it shows (the claims table once quoted a hedge
    # inside `text` and a breakdown the parse does not link).
    from dateline.demo import demo_corpus_path
    from dateline.model import Analysis
    from dateline.pipeline import analyze_text

    def run(name: str) -> Analysis:
        analysis = analyze_text((demo_corpus_path() / name).read_text(encoding="utf-8"), source_path=name)
        assert isinstance(analysis, Analysis)
        return analysis

    text = (DOCS / "extractors.md").read_text(encoding="utf-8")
    relay = run("03_minister_statement_relay.txt")
    lepik = next(e for e in relay.entities if e.name == "Kadri Lepik")
    assert set(lepik.aliases) == {"Lepik", "the minister"}
    assert [(r.title, r.of) for r in lepik.roles] == [("Minister of the Interior", "Estonia")]
    assert '`["Lepik", "the minister"]`' in text and '{title: "Minister of the Interior", of: "Estonia"}' in text
    tallinn = next(p for p in relay.places if p.text == "TALLINN")
    assert (tallinn.name, tallinn.geonames_id, tallinn.country, tallinn.feature) == ("Tallinn", 588409, "EE", "PPL")
    assert "`TALLINN`, `Tallinn`" in text and "`588409`, `EE`" in text
    # The relay tail with a described agency is a known limit: it stays in the speaker's text.
    first = min(relay.statements, key=lambda s: s.cue_span.start if s.cue_span else 0)
    assert first.via == () and "ERR news agency" in first.speaker.text
    assert "the ERR news agency reports referring to the ministry" in text
    speakers = {(s.speaker.text, s.speaker.entity, s.speaker.description, s.cue) for s in relay.statements}
    assert ("the minister", "Kadri Lepik", None, "said") in speakers
    assert ("the ministry", None, "the ministry", "According to") in speakers
    assert (
        '`{text: "the minister", entity: "Kadri Lepik"}`; `{text: "the ministry", description: "the ministry"}`' in text
    )
    thanked = next(e for e in relay.events if e.trigger == "thanked")
    assert (thanked.lemma, thanked.type, thanked.attributed_speaker) == ("thank", "SUPPORT", "the agency")
    assert [(a.country, a.sector) for a in thanked.actors] == [("GEO", "GOV")]
    assert [(a.text, a.country) for a in thanked.targets] == [("Estonia", "EST")]
    assert "`thanked`, `thank`" in text and "`SUPPORT`" in text and "country: GEO, sector: GOV" in text
    assert ("May 14", "XXXX-05-14") in {(time.text, time.value) for time in relay.times}

    casualties = run("04_casualty_report.txt")
    claims = {c.text: c for c in casualties.claims}
    injured = claims["35 people were injured"]
    assert (injured.value, injured.hedge, injured.approx, injured.unit) == (35, "at least", True, "people")
    assert (injured.predicate, injured.predicate_text) == ("injured", "injure")
    assert claims["Three of the injured"].part_of == injured.id
    assert claims["12 children"].part_of is None and claims["12 children"].predicate == "other"
    table = dict((row[0], row[2]) for row in _table_rows(text, "### Claims\n") if len(row) == 3)
    assert table["`text`"].strip("`") == "35 people were injured"
    assert '"Three of the injured" -> the claim "35 people were injured"' in table["`part_of`"]
