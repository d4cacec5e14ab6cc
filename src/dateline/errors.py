"""dateline's errors: a small hierarchy with stable codes. Only the CLI turns them into exit codes.

Codes are stable across versions (users grep logs and failure tables for them):
E0xx configuration, E1xx extraction and records, E2xx ingest (bad input: failure records, never raised),
E3xx store, E4xx evaluation, E5xx pipeline/registry, E6xx batch, E7xx serve.
"""

from __future__ import annotations


class DatelineError(Exception):
    """Base class: every error dateline raises on purpose has a stable ``code`` and a readable message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message


class ConfigError(DatelineError):
    """Bad configuration or command-line options."""


class ExtractError(DatelineError):
    """An extractor produced an invalid record (a span that does not match the text, no span, ...)."""


class StoreError(DatelineError):
    """The database could not be opened, migrated, read or written."""


class EvalError(DatelineError):
    """A gold file or evaluation corpus could not be read."""


class PipelineError(DatelineError):
    """The extractor pipeline is mis-configured (unknown extractor, unmet requirement, cycle)."""


class BatchError(DatelineError):
    """A worker pool or cluster could not run the job."""
