"""A folder of hostile input, generated (nothing big is committed): each file with the code it must get, or
none when it is a good document that must be stored."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

# The size limit the nasty folder is read with: small, so the bombs and the over-long line stay cheap.
MAX_BYTES = 2 * 1024 * 1024

REPORT = (
    "LONDON (Reuters) - The finance minister said on Tuesday that the government would cut taxes next year.\n\n"
    '"We will act," said Jane Smith, the minister, speaking in London.\n\n'
    "Shares in Acme Corp rose 3 percent after the announcement."
)


def good(n: int) -> str:
    return f"Report {n}\n\n" + REPORT.replace("Tuesday", ["Monday", "Tuesday", "Friday"][n % 3]) + f" Item {n}."


def _warc(pages: list[str]) -> bytes:
    """A gzipped WARC of HTML responses, one gzip member per record (as crawlers write them)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for i, page in enumerate(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
        record = writer.create_warc_record(
            f"https://example.com/{i}", "response", payload=io.BytesIO(page.encode()), http_headers=headers
        )
        writer.write_record(record)
    return out.getvalue()


def _html(n: int) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in good(n).split("\n\n")[1:])
    return f"<html><head><title>Report {n}</title></head><body><article>{paragraphs}</article></body></html>"


def long_article(chars: int) -> str:
    """A plain-text article of about ``chars`` characters (over spaCy's default 1,000,000)."""
    paragraphs = [good(i).split("\n\n", 1)[1] for i in range(chars // 300 + 1)]
    return "A long report\n\n" + "\n\n".join(paragraphs)[:chars]


def make_nasty(folder: Path, *, long_chars: int = 1_100_000) -> tuple[int, dict[str, str]]:
    """Write the nasty folder. Returns how many good documents it holds and the code each bad one must get
    (by source path, as stored)."""
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[str, str] = {}
    goods = 0
    for n in range(3):
        (folder / f"good{n}.txt").write_text(good(n), encoding="utf-8")
        goods += 1
    # A good JSONL line, a line nested 100,000 deep, another good line.
    deep = "[" * 100_000 + "]" * 100_000
    # The last line's title holds a NUL, which PostgreSQL refuses in a text column: it is cleaned away.
    lines = [
        json.dumps({"text": good(10)}),
        '{"text": ' + deep + "}",
        json.dumps({"text": good(11), "title": "A\u0000title", "url": "https://example.com/\u0000"}),
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    goods += 2
    expected[f"{folder / 'feed.jsonl'}#L2"] = "E207"
    (folder / "deep.json").write_text('{"a": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    expected[str(folder / "deep.json")] = "E207"
    # Over spaCy's default max_length, under the size limit: processed, not refused.
    if long_chars:
        (folder / "long.txt").write_text(long_article(long_chars), encoding="utf-8")
        goods += 1
    os.mkfifo(folder / "pipe.txt")
    expected[str(folder / "pipe.txt")] = "E212"
    # Truncated .warc.gz: the first record is kept, the cut one is E208.
    warc = _warc([_html(20), _html(21)])
    first_record_end = len(_warc([_html(20)]))
    (folder / "cut.warc.gz").write_bytes(warc[: first_record_end + (len(warc) - first_record_end) // 2])
    goods += 1
    expected[f"{folder / 'cut.warc.gz'}#2"] = "E208"
    # A gzip bomb inside a WARC: one header line that never ends, far past the record limit.
    bomb = gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nX-Pad: " + b"A" * (8 * MAX_BYTES), compresslevel=9)
    (folder / "bomb.warc.gz").write_bytes(bomb)
    expected[f"{folder / 'bomb.warc.gz'}#1"] = "E205"
    # A gzipped JSONL bomb of short lines, bounded by the per-file limit only if it were huge: here each
    # line is an empty object (no text), so each is E207; one is enough to check it is read, not refused.
    (folder / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8)
    expected[str(folder / "binary.txt")] = "E203"
    (folder / "utf16.txt").write_bytes(good(30).encode("utf-16-le"))
    goods += 1
    (folder / "bad-utf8.txt").write_bytes(good(31).replace("Report", "Café report").encode() + b" \xff\xfe end.")
    goods += 1
    (folder / "big.txt").write_bytes(b"x" * (MAX_BYTES + 1))
    expected[str(folder / "big.txt")] = "E205"
    (folder / "empty.txt").write_bytes(b"")
    expected[str(folder / "empty.txt")] = "E202"
    return goods, expected
