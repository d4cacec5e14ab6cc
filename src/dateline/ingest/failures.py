"""Ingest failure codes: bad input is recorded as a Failure with a code and a reason, never raised.

What each code means is in the error catalogue (`dateline.errors.Errors`, E2xx); the names below say which
one a reader gives.
"""

from __future__ import annotations

from dateline.errors import Errors
from dateline.model import Failure

CANNOT_READ = Errors.E201.code
EMPTY = Errors.E202.code
BINARY = Errors.E203.code
UNDECODABLE = Errors.E204.code
TOO_LARGE = Errors.E205.code
NO_HTML_BODY = Errors.E206.code
BAD_JSON = Errors.E207.code
BROKEN_WARC = Errors.E208.code
NOT_FOUND = Errors.E209.code
BAD_SGML = Errors.E210.code
READER_FAILED = Errors.E211.code
NOT_REGULAR = Errors.E212.code


def failure(source_path: str, code: str, reason: str) -> Failure:
    """A Failure for ``source_path`` (one place to build them, so codes stay the constants above)."""
    return Failure(source_path=source_path, code=code, reason=reason)
