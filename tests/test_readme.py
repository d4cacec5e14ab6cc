"""The README and docs/*.md are tested against the code: every `dateline ...` line in their shell code blocks
names a real command and only options that command has; every relative link resolves; the README stays short
and opens with the two set-up commands; no page points at files outside the repository or at issue numbers."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import typer

from dateline.cli import app
from tests.conftest import REPO

README = REPO / "README.md"
PAGES = [README, *sorted((REPO / "docs").glob("*.md"))]
CLI = typer.main.get_command(app)
README_MAX_LINES = 150
SHELL = {"", "sh", "bash", "console"}


def _text(page: Path) -> str:
    return page.read_text(encoding="utf-8")


def _code_blocks(text: str) -> list[tuple[str, list[str]]]:
    """(language, lines) of every fenced block, fences matched in order (so prose is never read as code)."""
    blocks: list[tuple[str, list[str]]] = []
    current: tuple[str, list[str]] | None = None
    for line in text.splitlines():
        if line.startswith("```"):
            if current is None:
                current = (line[3:].strip(), [])
            else:
                blocks.append(current)
                current = None
        elif current is not None:
            current[1].append(line)
    return blocks


def _command_lines(text: str) -> list[str]:
    lines: list[str] = []
    for language, block in _code_blocks(text):
        if language not in SHELL:
            continue
        joined = "\n".join(block).replace("\\\n", " ")
        for line in joined.splitlines():
            line = line.split("#", 1)[0].strip()
            if line.startswith("dateline "):
                lines.append(line)
    return lines


def _resolve(words: list[str]) -> tuple[Any, list[str]]:
    # typer ships its own copy of click, so groups are recognised by their sub-commands, not by class.
    command: Any = CLI
    rest = words
    while rest and rest[0] in getattr(command, "commands", {}):
        command, rest = command.commands[rest[0]], rest[1:]
    return command, rest


def test_readme_opens_with_the_two_setup_commands() -> None:
    head = _text(README)[:600]
    assert "make demo" in head and "make test" in head


def test_readme_is_short() -> None:
    assert len(_text(README).splitlines()) <= README_MAX_LINES


def test_readme_documents_the_main_commands() -> None:
    assert len(_command_lines(_text(README))) >= 10


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_documented_command_and_option_exists(page: Path) -> None:
    for line in _command_lines(_text(page)):
        command, rest = _resolve(shlex.split(line)[1:])
        assert not hasattr(command, "commands"), f"{page.name} names no command in: {line}"
        known = {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)}
        for word in rest:
            if word.startswith("-") and word != "-":
                assert word.split("=", 1)[0] in known, f"{page.name}: {line}: {word} is not an option"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_relative_links_resolve(page: Path) -> None:
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", _text(page)):
        if re.match(r"[a-z]+:", target):
            continue
        assert (page.parent / target).exists(), f"{page.name} links to a missing {target}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_no_page_cites_files_outside_the_repository_or_issue_numbers(page: Path) -> None:
    text = _text(page)
    for pattern in (r"DESIGN\.md", r"GOLD-FORMAT\.md", r"/work/", r"\bissue \d", r"(?<![\w&/`])#\d+\b"):
        assert not re.search(pattern, text, flags=re.I), f"{page.name} matches {pattern}"


def test_every_docs_page_is_linked_from_the_readme() -> None:
    readme = _text(README)
    for page in PAGES[1:]:
        assert f"docs/{page.name}" in readme, f"README does not link docs/{page.name}"


@pytest.mark.parametrize("page", [*PAGES, *sorted((REPO / "bench").glob("*.md"))], ids=lambda p: p.name)
def test_no_page_holds_an_unresolved_merge(page: Path) -> None:
    # A merge left a table row between conflict markers once (session 21); the rendered table then breaks.
    for marker in ("<<<<<<< ", "=======\n", ">>>>>>> "):
        assert not any(line.startswith(marker) for line in _text(page).splitlines(keepends=True)), page.name
