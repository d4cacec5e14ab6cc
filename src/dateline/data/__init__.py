"""Lexicons and reference data shipped with dateline (YAML and TSV), read through these functions."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

# libyaml's loader where PyYAML was built with it: the same safe constructor and resolver as
# ``yaml.safe_load``, so the same data, parsed in C (the lexicons are read at every start-up).
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_text(name: str) -> str:
    """The text of data file ``name`` (UTF-8)."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def load_yaml(name: str) -> Any:
    """Data file ``name`` parsed as YAML."""
    return yaml.load(read_text(name), Loader=SafeLoader)


def read_words(name: str) -> frozenset[str]:
    """The words of data file ``name``, one a line (blank and ``#`` comment lines skipped)."""
    lines = read_text(name).splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))
