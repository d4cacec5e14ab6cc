"""Reading paths (files, folders, globs, "-" for stdin) into Articles and Failures."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from dateline.ingest.text import article_from_text
from dateline.model import Article, Failure


def iter_documents(paths: Sequence[str]) -> Iterator[Article | Failure]:
    """Every document under ``paths``, in a stable order."""
    for name in paths:
        if name == "-":
            yield article_from_text(sys.stdin.read(), source_path="<stdin>")
            continue
        path = Path(name)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            try:
                raw = file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                yield Failure(str(file), "E201", f"cannot read: {exc}")
                continue
            yield article_from_text(raw, source_path=str(file))
