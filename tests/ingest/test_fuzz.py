"""Ingest never raises: any bytes under any file name become Articles and Failures (reasons bounded)."""

from __future__ import annotations

import gzip

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.config import IngestConfig
from dateline.ingest.readers import read_bytes
from dateline.model import MAX_REASON, Article, Failure

KINDS = ("x.txt", "x.html", "x.json", "x.jsonl", "x.warc", "x.warc.gz", "x.sgm", "")
CONFIG = IngestConfig(max_bytes=64 * 1024)
# Fragments that steer random bytes into the readers' deeper paths.
SEEDS = (
    b"",
    b"WARC/1.0\r\n",
    b"\x1f\x8b\x08",
    b"{",
    b"[",
    b'{"text": "',
    b"<html><body><p>",
    b"<REUTERS>",
    b"\xff\xfe",
)


def _documents(data: bytes, kind: str, config: IngestConfig = CONFIG) -> list[Article | Failure]:
    return list(read_bytes(data, source_path="fuzz", config=config, kind=kind))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.sampled_from(SEEDS), body=st.binary(max_size=2048), kind=st.sampled_from(KINDS), zipped=st.booleans())
def test_any_bytes_become_articles_or_failures(seed: bytes, body: bytes, kind: str, zipped: bool) -> None:
    data = seed + body
    if zipped:
        data = gzip.compress(data)[: max(10, len(data))]
    for item in _documents(data, kind):
        assert isinstance(item, Article | Failure)
        if isinstance(item, Failure):
            assert item.code.startswith("E2") and len(item.reason) <= MAX_REASON


@settings(max_examples=40, deadline=None)
@given(depth=st.integers(min_value=1, max_value=200_000), opener=st.sampled_from("[{"))
def test_deep_json_is_a_failure_not_a_crash(depth: int, opener: str) -> None:
    # Lists of lists, or objects in objects: neither holds a text field at the top, so each is one E207 (the
    # empty list, one E202).
    nested = "[" * depth + "]" * depth if opener == "[" else '{"a": ' * depth + "1" + "}" * depth
    for kind in ("x.json", "x.jsonl"):
        (item,) = _documents(nested.encode(), kind, IngestConfig())
        assert isinstance(item, Failure) and item.code in ("E202", "E207"), item
