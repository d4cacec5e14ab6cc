"""A proxy sample for dateline and credit review: seeded bulk reports, each with what ingestion read.

The untouched half of gold/dev may not be read, so dateline and source error classes are listed on a seeded
sample of the bulk corpora instead (AllSides JSON reports, BBC text files, Reuters-21578 SGML; gold and gold/dev
ids skipped). One line a report: its dateline (place, country, date), source and outlet, then the text's first
and last lines, to read against the annotation guide. Ingestion only, so a run takes seconds; ``--against``
prints only the lines that differ from an earlier run's listing (``--out``).

    python bench/datelines_sample.py ../shared/corpus --seed 27700 --reports 300 --gold ../shared/gold \\
        --out /tmp/datelines-27700.txt
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from claims_sample import gold_ids, sample_parser, show_listing

from dateline.config import IngestConfig
from dateline.ingest.formats import read_json, read_sgml, read_text
from dateline.model import Article

# Characters of the text's first and last lines printed.
FIRST, LAST = 160, 90
# Shares of the sample drawn from each corpus: the AllSides reports are the bulk of what dateline meets.
BBC_SHARE, REUTERS_SHARE = 0.15, 0.15


def _allsides(folder: Path, rng: random.Random, skip: set[str]) -> Iterator[Article]:
    files = sorted((folder / "allsides-article-bias" / "jsons").glob("*.json"))
    rng.shuffle(files)
    for path in files:
        if path.stem not in skip:
            yield from _articles(read_json(path.read_text(), source_path=path.name, config=IngestConfig()))


def _bbc(folder: Path, rng: random.Random) -> Iterator[Article]:
    files = sorted((folder / "bbc-news-greene2006" / "bbc").glob("*/*.txt"))
    rng.shuffle(files)
    for path in files:
        name = f"bbc/{path.parent.name}/{path.name}"
        text = path.read_text(encoding="latin-1")
        yield from _articles(read_text(text, source_path=name, config=IngestConfig()))


def _reuters(folder: Path, rng: random.Random) -> Iterator[Article]:
    articles: list[Article] = []
    for path in sorted((folder / "reuters21578").glob("*.sgm")):
        text = path.read_text(encoding="latin-1")
        articles.extend(_articles(read_sgml(text, source_path=path.name, config=IngestConfig())))
    rng.shuffle(articles)
    yield from articles


def _articles(results: Iterator[object]) -> Iterator[Article]:
    return (r for r in results if isinstance(r, Article) and r.text.strip())


def _line(article: Article) -> str:
    d = article.dateline
    dateline = f"{d.place}|{d.country}|{d.date}" if d else "-"
    lines = [line for line in article.text.splitlines() if line.strip()]
    first = lines[0][:FIRST] if lines else ""
    last = lines[-1][-LAST:] if len(lines) > 1 else ""
    return f"{article.source_path}\tDL={dateline}\tSRC={article.source}\tOUT={article.outlet}\t{first}\t...{last}"


def main() -> None:
    parser = sample_parser()
    args = parser.parse_args()
    rng = random.Random(args.seed)
    shares = {"bbc": int(args.reports * BBC_SHARE), "reuters": int(args.reports * REUTERS_SHARE)}
    shares["allsides"] = args.reports - shares["bbc"] - shares["reuters"]
    sources = {
        "allsides": _allsides(args.folder, rng, gold_ids(args.gold)),
        "bbc": _bbc(args.folder, rng),
        "reuters": _reuters(args.folder, rng),
    }
    lines = [_line(a) for name, it in sources.items() for a in islice(it, shares[name])]
    shown = show_listing(lines, args.out, args.against)
    print(f"# {len(lines)} reports, {len(shown)} shown")


if __name__ == "__main__":
    main()
