"""A worker task that dies like an out-of-memory kill on one marked article: spawned workers import it by
name, so the crash exists only where a test puts it (``backends.analyze_chunk`` monkeypatched)."""

from __future__ import annotations

import os

from dateline.batch.worker import Job, analyze_chunk
from dateline.model import Analysis, Article, Failure

MARK = "This sentence kills the worker."


def analyze_or_die(job: Job, chunk: list[Article | Failure]) -> list[Analysis | Failure]:
    if any(isinstance(item, Article) and MARK in item.text for item in chunk):
        os._exit(137)
    return analyze_chunk(job, chunk)
