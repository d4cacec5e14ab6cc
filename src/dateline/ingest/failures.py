"""Stable failure codes for bad input (E2xx). Users grep logs and the failures table for them; never reuse one.

| code | meaning |
|------|---------|
| E201 | the file could not be opened or read (permissions, I/O error) |
| E202 | the document is empty (nothing left after cleaning, or a container with no documents) |
| E203 | the file is binary (NUL bytes), not text, HTML, JSON or WARC |
| E204 | the bytes are not UTF-8 and no text encoding decodes them sensibly |
| E205 | the document is larger than the size limit (checked before reading it) |
| E206 | HTML from which no article body could be extracted (truncated page, navigation only) |
| E207 | a JSONL line or JSON document that is not valid JSON, not an object, or has no text field |
| E208 | a WARC archive that is broken or truncated from some record on (earlier records are kept) |
| E209 | no such file or folder, or a glob that matches nothing |
| E210 | an SGML (Reuters-21578) file with no story in it |
"""

from __future__ import annotations

from dateline.model import Failure

CANNOT_READ = "E201"
EMPTY = "E202"
BINARY = "E203"
UNDECODABLE = "E204"
TOO_LARGE = "E205"
NO_HTML_BODY = "E206"
BAD_JSON = "E207"
BROKEN_WARC = "E208"
NOT_FOUND = "E209"
BAD_SGML = "E210"


def failure(source_path: str, code: str, reason: str) -> Failure:
    """A Failure for ``source_path`` (one place to build them, so codes stay the constants above)."""
    return Failure(source_path=source_path, code=code, reason=reason)
