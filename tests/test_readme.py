"""The README is tested against the code: every `dateline ...` line in its code blocks names a real command
and only options that command has; the two set-up commands open it."""

from __future__ import annotations

import re
import shlex
from typing import Any

import typer

from dateline.cli import app
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
CLI = typer.main.get_command(app)


def _command_lines() -> list[str]:
    blocks = re.findall(r"```(?:sh|bash)?\n(.*?)```", README, flags=re.S)
    lines = [line.split("#", 1)[0].strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if line.startswith("dateline ")]


def _resolve(words: list[str]) -> tuple[Any, list[str]]:
    # typer ships its own copy of click, so groups are recognised by their sub-commands, not by class.
    command: Any = CLI
    rest = words
    while rest and rest[0] in getattr(command, "commands", {}):
        command, rest = command.commands[rest[0]], rest[1:]
    return command, rest


def test_readme_opens_with_the_two_setup_commands() -> None:
    head = README[:600]
    assert "make demo" in head and "make test" in head


def test_every_documented_command_and_option_exists() -> None:
    lines = _command_lines()
    assert len(lines) >= 10
    for line in lines:
        command, rest = _resolve(shlex.split(line)[1:])
        assert not hasattr(command, "commands"), f"README names no command in: {line}"
        known = {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)}
        for word in rest:
            if word.startswith("-") and word != "-":
                assert word.split("=", 1)[0] in known, f"{line}: {word} is not an option of this command"
