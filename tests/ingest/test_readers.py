"""Readers: formats, encodings, size limits, folders and globs, on real documents from ../shared."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from dateline.config import IngestConfig, JsonlFields
from dateline.ingest import iter_documents
from dateline.ingest.decode import decode
from dateline.model import Article, Failure
from tests.conftest import CORPUS, SAMPLES
from tests.ingest.inputs import AEB_HTML, BBC, aeb_pages, allsides_objects, write_warc


def _articles(items: list[Article | Failure]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def test_html_pages_give_body_title_date_and_site() -> None:
    truth = json.loads((AEB_HTML.parent / "ground-truth.json").read_text(encoding="utf-8"))
    pages = sorted(AEB_HTML.glob("*.html.gz"))[:5]
    articles = _articles(list(iter_documents([str(p) for p in pages])))
    assert len(articles) == len(pages)
    precisions = []
    for page, article in zip(pages, articles, strict=True):
        gold_words = set(truth[page.name.removesuffix(".html.gz")]["articleBody"].split())
        words = article.text.split()
        precisions.append(sum(w in gold_words for w in words) / len(words))
        assert article.title and article.title != article.text.split("\n\n")[0]
        assert article.published is not None and len(article.published) == 10
        assert article.outlet
    # Token precision of the body against the benchmark's gold (the full benchmark: `dateline eval --format aeb`).
    assert sum(precisions) / len(precisions) > 0.8


def test_jsonl_maps_fields_and_isolates_a_bad_line(tmp_path: Path) -> None:
    objects = allsides_objects(3)
    lines = [json.dumps({"body": o["content_original"], "headline": o["title"], "when": o["date"]}) for o in objects]
    lines.insert(1, "{not json")
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = IngestConfig(jsonl=JsonlFields(text="body", title="headline", date="when"))
    items = list(iter_documents([str(path)], config=config))
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Article", "Article"]
    bad = items[1]
    assert isinstance(bad, Failure) and bad.code == "E207" and bad.source_path == f"{path}#L2"
    first = items[0]
    assert isinstance(first, Article)
    assert first.title == objects[0]["title"] and first.published == objects[0]["date"]
    assert first.source_path == f"{path}#L1"


def test_allsides_json_and_reuters_sgml() -> None:
    (article,) = _articles(
        list(iter_documents([str(sorted((CORPUS / "allsides-article-bias" / "jsons").glob("*.json"))[0])]))
    )
    assert article.outlet and article.title and article.url
    stories = _articles(list(iter_documents([str(CORPUS / "reuters21578" / "reut2-001.sgm")])))
    assert len(stories) == 1000 and len({s.source_path for s in stories}) == 1000
    assert all("&#" not in s.text and not s.text.endswith("Reuter") for s in stories)


def test_warc_records_and_truncation(tmp_path: Path) -> None:
    pages = aeb_pages(3)
    whole = tmp_path / "crawl.warc.gz"
    ends = write_warc(whole, pages)
    items = list(iter_documents([str(whole)]))
    assert [type(i).__name__ for i in items] == ["Article"] * 3
    assert [i.url for i in _articles(items)] == [f"https://example.org/{n}" for n in range(3)]
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole.read_bytes()[: ends[1] + (ends[2] - ends[1]) // 2])
    items = list(iter_documents([str(cut)]))
    assert [type(i).__name__ for i in items] == ["Article", "Article", "Failure"]
    assert isinstance(items[2], Failure) and items[2].code == "E208"


def test_encodings() -> None:
    raw = (BBC / "sport" / "199.txt").read_bytes()  # one latin-1 byte: a pound sign
    text = decode(raw, "x")
    assert isinstance(text, str) and "£" in text
    sample = sorted(SAMPLES.glob("*.txt"))[0].read_text(encoding="utf-8")
    assert decode(sample.encode("utf-16"), "x") == sample
    assert decode(b"\xef\xbb\xbf" + sample.encode("utf-8"), "x") == sample


def test_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
    small = tmp_path / "small.html.gz"
    small.write_bytes(gzip.compress(aeb_pages(1)[0]))
    (failure,) = iter_documents([str(big)])
    assert isinstance(failure, Failure) and failure.code == "E205"
    (failure,) = iter_documents([str(small)], config=IngestConfig(max_bytes=1000))
    assert isinstance(failure, Failure) and failure.code == "E205"


def test_folders_globs_and_missing_paths(tmp_path: Path) -> None:
    for path in sorted((BBC / "tech").glob("*.txt"))[:4]:
        (tmp_path / "a" / "b").mkdir(parents=True, exist_ok=True)
        (tmp_path / ("a/b" if path.stem < "003" else "a") / path.name).write_bytes(path.read_bytes())
    (tmp_path / "a" / "README.txt").write_text("not an article", encoding="utf-8")
    (tmp_path / "a" / ".hidden.txt").write_text("not an article", encoding="utf-8")
    by_folder = [i.source_path for i in iter_documents([str(tmp_path / "a")])]
    assert by_folder == sorted(by_folder) and len(by_folder) == 4
    by_glob = [i.source_path for i in iter_documents([str(tmp_path / "a" / "**" / "*.txt")])]
    assert len(by_glob) == 5  # an explicit glob reads what it names, README included
    (missing,) = iter_documents([str(tmp_path / "nope.txt")])
    assert isinstance(missing, Failure) and missing.code == "E209"
    (nothing,) = iter_documents([str(tmp_path / "*.none")])
    assert isinstance(nothing, Failure) and nothing.code == "E209"


def test_author_from_json_fields_and_html_meta(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "The union met on Monday.", "author": "Jane Doe"}),
        json.dumps({"text": "The union met on Monday.", "authors": "Niki Kitsantonis, James Kanter"}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert [a.author for a in _articles(list(iter_documents([str(path)])))] == [
        "Jane Doe",
        "Niki Kitsantonis, James Kanter",
    ]
    body = "<p>" + "The union met on Monday and agreed on a new budget for the coming year. " * 3 + "</p>"
    page = tmp_path / "page.html"
    page.write_text(
        f'<html><head><title>Budget</title><meta name="author" content="Jane Doe"></head>'
        f"<body><article><h1>Budget</h1>{body}</article></body></html>",
        encoding="utf-8",
    )
    (article,) = _articles(list(iter_documents([str(page)])))
    assert article.author == "Jane Doe"


def test_invalid_utf8_is_replaced_and_noted_on_the_article(tmp_path: Path) -> None:
    # A real report with two invalid bytes (a cut multi-byte character, a stray Latin-1 byte) and a valid
    # U+FFFD of its own, as a text file and a JSONL line: each article is read with a note counting the two
    # replaced sequences; the same report as valid UTF-8 has no note.
    sample = sorted(SAMPLES.glob("*.txt"))[0].read_text(encoding="utf-8")
    bad = sample.encode() + " \ufffd caf\u00e9 ".encode() + b"\xc3 and \xe9."
    (tmp_path / "bad.txt").write_bytes(bad)
    (tmp_path / "good.txt").write_bytes(sample.encode())
    line_bytes = json.dumps({"text": sample}, ensure_ascii=False).encode()[:-2] + b' \xff\xfe"}\n'
    (tmp_path / "feed.jsonl").write_bytes(line_bytes)
    items = list(iter_documents([str(tmp_path / "bad.txt"), str(tmp_path / "good.txt"), str(tmp_path / "feed.jsonl")]))
    bad_article, good_article, line = _articles(items)
    assert bad_article.notes == ("[E213] not valid UTF-8: 2 invalid byte sequence(s) replaced with U+FFFD",)
    assert bad_article.text.count("\ufffd") == 3 and "caf\u00e9" in bad_article.text
    assert good_article.notes == () and "notes" not in good_article.to_dict()
    assert line.notes == bad_article.notes
    # Too few valid UTF-8 characters to call it UTF-8 (BBC sport/199.txt, one Latin-1 pound sign): the
    # encoding is guessed, and the note says so.
    (guessed,) = iter_documents([str(BBC / "sport" / "199.txt")])
    assert isinstance(guessed, Article) and guessed.notes == (
        "[E213] not valid UTF-8: decoded as cp1252, a guess that may misread some characters",
    )
