"""A proxy sample for claimant review: random AllSides reports with claims, each claim printed for reading.

The untouched half of gold/dev may not be read, so claimant error classes are listed on a random sample of
the bulk corpus instead (fixed seed; gold and gold/dev ids skipped). The parses and the statements are
cached (``--cache``), so a change to ``claims.rules`` is re-read in seconds; ``--against`` prints only the
claims whose claimant differs from an earlier run's listing (``--out``).

    python bench/claims_sample.py ../shared/corpus/allsides-article-bias/jsons --seed 3300 --reports 40 \\
        --gold ../shared/gold --out /tmp/claims-3300.txt
"""

from __future__ import annotations

import argparse
import dataclasses
import pickle
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dateline.config import IngestConfig
from dateline.extract.claims import extract_claims
from dateline.ingest.formats import read_json
from dateline.model import Analysis, Article
from dateline.nlp import load_nlp
from dateline.pipeline import Pipeline

EXTRACTORS = ("entities.rules", "statements.combined", "claims.rules")
# Characters of context printed before and after a figure, within its paragraph.
BEFORE, AFTER = 300, 150


def gold_ids(gold: Path | None) -> set[str]:
    return {p.name.split(".")[0] for p in gold.rglob("*.yaml")} if gold is not None else set()


def show_listing(lines: list[str], out: Path | None, against: Path | None) -> list[str]:
    """Write ``lines`` to ``out`` and print those not in the earlier listing ``against`` (all without one)."""
    if out is not None:
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    shown = lines
    if against is not None:
        earlier = set(against.read_text(encoding="utf-8").splitlines())
        shown = [line for line in lines if line not in earlier]
    print("\n".join(shown))
    return shown


def _sample(folder: Path, seed: int, reports: int, skip: set[str]) -> list[tuple[Article, Any, Analysis]]:
    files = sorted(folder.glob("*.json"))
    random.Random(seed).shuffle(files)
    pipe, nlp = Pipeline(list(EXTRACTORS)), load_nlp()
    rows: list[tuple[Article, Any, Analysis]] = []
    for path in files:
        if path.stem in skip:
            continue
        read = read_json(path.read_text(), source_path=str(path), config=IngestConfig())
        article = next((a for a in read if isinstance(a, Article)), None)
        if article is None:
            continue
        doc = nlp(article.text)
        analysis = pipe.analyze(article, doc)
        if isinstance(analysis, Analysis) and analysis.claims:
            rows.append((article, doc, analysis))
            if len(rows) >= reports:
                break
    return rows


def _lines(rows: list[tuple[Article, Any, Analysis]]) -> list[str]:
    out: list[str] = []
    for article, doc, analysis in rows:
        others = tuple(r for r in analysis.records if r.kind != "claim")
        prior = dataclasses.replace(analysis, records=others)
        text = article.text
        for claim in extract_claims(article, doc, prior=prior):
            span = claim.spans[0]
            first = max(text.rfind("\n", 0, span.start) + 1, span.start - BEFORE)
            last = text.find("\n", span.end)
            last = min(len(text) if last < 0 else last, span.end + AFTER)
            context = f"{text[first : span.start]}<<{span.text}>>{text[span.end : last]}".replace("\n", " | ")
            name = Path(article.source_path).stem
            predicate = f"{claim.predicate}/{claim.predicate_text}"
            out.append(f"{name}@{span.start}\t[{span.text}]\t{predicate}\t{claim.claimant.name}\t{context}")
    return out


def sample_parser() -> argparse.ArgumentParser:
    """The options every seeded-sample listing takes: the folder, the seed and size, the gold to skip, the
    listing to write (``--out``) and an earlier one to show only what changed against (``--against``)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--reports", type=int, default=40)
    parser.add_argument("--gold", type=Path, default=None, help="gold folder whose article ids are skipped")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--against", type=Path, default=None)
    return parser


def cached_sample(args: argparse.Namespace, kind: str, sample: Callable[[Path, int, int, set[str]], Any]) -> Any:
    """``sample(folder, seed, reports, gold ids)``'s rows, pickled in ``--cache`` (default a /tmp file named by
    ``kind``, seed and count) so a second listing after a code change reads the same parses."""
    cache = args.cache or Path(f"/tmp/{kind}-sample-{args.seed}-{args.reports}.pkl")
    if cache.exists():
        with cache.open("rb") as handle:
            return pickle.load(handle)
    rows = sample(args.folder, args.seed, args.reports, gold_ids(args.gold))
    with cache.open("wb") as handle:
        pickle.dump(rows, handle)
    return rows


def main() -> None:
    parser = sample_parser()
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args()
    rows = cached_sample(args, "claims", _sample)
    lines = _lines(rows)
    shown = show_listing(lines, args.out, args.against)
    print(f"# {len(rows)} reports, {len(lines)} claims, {len(shown)} shown")


if __name__ == "__main__":
    main()
