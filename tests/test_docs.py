"""The docs hold together: every relative link in README.md, docs/*.md and docs/history/*.md resolves, and every
section a comment or page cites by name ('docs/extractors.md, "The trained tagger"') is a heading of that page.

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
