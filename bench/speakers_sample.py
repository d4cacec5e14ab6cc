"""A proxy sample for speaker review: random AllSides reports, every statement's speaker printed with its cue
sentence for reading by hand against the gold guide.

The untouched half of gold/dev may not be read, so speaker error classes are listed on a random sample of the
bulk corpus (fixed seed; gold ids skipped). Parses and entities are cached (``--cache``), so a change to the
statement extractors is re-read in seconds; ``--against`` prints only the lines that differ from an earlier
listing (``--out``).

    python bench/speakers_sample.py ../shared/corpus/allsides-article-bias/jsons --seed 28500 --reports 40 \\
        --gold ../shared/gold --out /tmp/spk-28500.txt

``--pattern`` keeps only reports whose text matches a regular expression, so that a rare class of speaker
("the president said") reaches enough cases to be counted.
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

from claims_sample import cached_sample, sample_parser, show_listing

from dateline.config import IngestConfig
from dateline.ingest.formats import read_json
from dateline.model import Analysis, Article, Statement
from dateline.nlp import load_nlp
from dateline.pipeline import Pipeline

EXTRACTORS = ("entities.rules", "statements.combined")
# At most this many shuffled files are read per report asked for: a bound on the draw (gold reports and files
# holding no article are passed over), not a tuned figure.
FILES_PER_REPORT = 3


def _sample(
    folder: Path, seed: int, reports: int, skip: set[str], pattern: re.Pattern[str] | None = None
) -> list[tuple[Article, Any]]:
    files = sorted(folder.glob("*.json"))
    random.Random(seed).shuffle(files)
    nlp = load_nlp()
    rows: list[tuple[Article, Any]] = []
    # A text filter makes most files pass over, so the bound on the draw does not apply with one.
    for path in files if pattern is not None else files[: reports * FILES_PER_REPORT]:
        if len(rows) >= reports:
            break
        if path.stem in skip:
            continue
        read = read_json(path.read_text(), source_path=str(path), config=IngestConfig())
        article = next((a for a in read if isinstance(a, Article)), None)
        if article is None or (pattern is not None and not pattern.search(article.text)):
            continue
        rows.append((article, nlp(article.text)))
    return rows


def _speaker(statement: Statement) -> str:
    if statement.speakers:
        return " + ".join(s.name for s in statement.speakers)
    return statement.speaker.name


def _lines(rows: list[tuple[Article, Any]]) -> list[str]:
    pipe = Pipeline(list(EXTRACTORS))
    out: list[str] = []
    for article, doc in rows:
        analysis = pipe.analyze(article, doc)
        if not isinstance(analysis, Analysis):
            continue
        text = article.text
        name = Path(article.source_path).stem
        for record in analysis.records:
            if not isinstance(record, Statement):
                continue
            at = record.cue_span or record.speaker.span or record.content_span
            if at is None:
                continue
            first = max(text.rfind("\n", 0, at.start) + 1, at.start - 250)
            last = text.find("\n", at.end)
            last = min(len(text) if last < 0 else last, at.end + 150)
            said = record.speaker.span.text if record.speaker.span else ""
            context = f"{text[first : at.start]}<<{text[at.start : at.end]}>>{text[at.end : last]}"
            out.append(f"{name}@{at.start}\t{_speaker(record)}\t[{said}]\t{context.replace(chr(10), ' | ')}")
    return out


def main() -> None:
    parser = sample_parser()
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument(
        "--pattern", default=None, help="only reports whose text matches this regular expression (case-sensitive)"
    )
    args = parser.parse_args()
    pattern = re.compile(args.pattern) if args.pattern else None

    def sample(folder: Path, seed: int, reports: int, skip: set[str]) -> list[tuple[Article, Any]]:
        return _sample(folder, seed, reports, skip, pattern)

    rows = cached_sample(args, "speakers" if pattern is None else "speakers-pattern", sample)
    lines = _lines(rows)
    shown = show_listing(lines, args.out, args.against)
    print(f"# {len(rows)} reports, {len(lines)} statements, {len(shown)} shown")


if __name__ == "__main__":
    main()
