"""A proxy sample for office (entity role) review: random bulk reports, each person's offices printed with the
words around the title, and each person with none printed with the words around the first mention.

The untouched half of gold/dev may not be read, so office error classes are listed on a random sample of the
bulk corpus instead (fixed seed; gold and gold/dev ids skipped; ``--grep`` keeps only the reports a
construction is written in, to count one rule's changes). ``--against`` prints only the lines that differ
from an earlier run's listing (``--out``), for reading what a change moved.

    python bench/roles_sample.py ../shared/corpus/allsides-article-bias/jsons --seed 24100 --reports 60 \\
        --gold ../shared/gold --out /tmp/roles-24100.txt
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from claims_sample import gold_ids, sample_parser, show_listing

from dateline.config import IngestConfig
from dateline.ingest import article_from_text
from dateline.ingest.formats import read_json
from dateline.model import Analysis, Article, Entity
from dateline.nlp import load_nlp
from dateline.pipeline import Pipeline

# Characters of context printed before and after a title or a mention, within its paragraph.
BEFORE, AFTER = 90, 90


def _articles(folder: Path, seed: int, reports: int, skip: set[str], pattern: str | None) -> list[Article]:
    files = sorted([*folder.glob("*.json"), *folder.glob("*/*.txt"), *folder.glob("*.txt")])
    random.Random(seed).shuffle(files)
    out: list[Article] = []
    for path in files:
        if path.stem in skip:
            continue
        if path.suffix == ".json":
            read = read_json(path.read_text(), source_path=str(path), config=IngestConfig())
            article = next((a for a in read if isinstance(a, Article)), None)
        else:
            article = article_from_text(path.read_text(errors="replace"), source_path=str(path))
        if article is not None and (pattern is None or re.search(pattern, article.text)):
            out.append(article)
        if len(out) >= reports:
            break
    return out


def _context(text: str, start: int, end: int) -> str:
    first = max(text.rfind("\n", 0, start) + 1, start - BEFORE)
    last = text.find("\n", end)
    last = min(len(text) if last < 0 else last, end + AFTER)
    return f"{text[first:start]}<<{text[start:end]}>>{text[end:last]}".replace("\n", " | ")


def _lines(article: Article, analysis: Analysis) -> list[str]:
    out: list[str] = []
    name = Path(article.source_path).stem
    for entity in analysis.records:
        if not isinstance(entity, Entity) or entity.type != "PERSON":
            continue
        for role in entity.roles:
            span = role.span or entity.spans[0]
            out.append(
                f"{name}\tROLE\t{entity.name}\t{role.title}\tof={role.of}\tto={role.to}"
                f"\t{_context(article.text, span.start, span.end)}"
            )
        if not entity.roles:
            span = entity.spans[0]
            out.append(f"{name}\tNONE\t{entity.name}\t\t\t\t{_context(article.text, span.start, span.end)}")
    return out


def main() -> None:
    parser = sample_parser()
    parser.add_argument("--grep", default=None, help="only reports whose text matches this regular expression")
    args = parser.parse_args()
    articles = _articles(args.folder, args.seed, args.reports, gold_ids(args.gold), args.grep)
    pipe, nlp = Pipeline(["entities.rules"]), load_nlp()
    lines: list[str] = []
    for article in articles:
        analysis = pipe.analyze(article, nlp(article.text))
        if isinstance(analysis, Analysis):
            lines.extend(_lines(article, analysis))
    shown = show_listing(lines, args.out, args.against)
    print(f"# {len(articles)} reports, {len(lines)} lines, {len(shown)} shown")


if __name__ == "__main__":
    main()
