"""The built-in demo corpus: short wire-style reports written for dateline (no third-party text)."""

from __future__ import annotations

from pathlib import Path


def demo_corpus_path() -> Path:
    """The folder of demo reports shipped inside the package."""
    return Path(__file__).parent / "demo_corpus"
