"""Scaling benchmark for corpus-level linking (not the NLP pipeline: too slow for 30k articles on 2 cores).

Articles are the real texts of ../shared/corpus (all sub-corpora, read by dateline's readers, in reader
order). Their per-article records come from a light, spaCy-free pass over each text (``light_analysis``):
- entities: each distinct capitalised two- or three-word sequence (at most 30 per article), typed PERSON
  (``entities.coarse_type`` turns names with an organisation word into ORG);
- statements: "<Name> said (that) <clause>." sentences, the name as speaker;
- claims: "<number> <unit word>" figures (percent, million, billion, people, ...), claimed by the outlet;
- times: "<N>th anniversary of ..." phrases, with the base year from the article's date.
Linking then runs for real over those records (entities, duplicates, stories, series, ledger, repeats), in
batches of ``--batch`` articles exactly as ``link_articles`` does (one transaction per batch). At each
checkpoint the batch that ends there is timed: ms per article over the last ``--batch`` articles added, by
wall clock and in CPU time of the process (the steadier figure on a shared machine), with the CPU time per
article of all the batches linked so far (steadier still: a single batch follows its articles' lengths) and
the peak RSS. Storing the articles (``Store.write``) is not timed.

Each article's link features (``dateline.link.prepare``: MinHash signature, story keywords and figures,
statements' content words) are worked out as ``dateline run`` works them out, with the analysis (in the
workers), before linking: that CPU is timed apart ("prep CPU ms/article, all") and is not in the linking
columns; ``--inline`` leaves them to linking (as ``dateline link`` does), so its columns hold both.

Usage: python bench/linking.py --n 1000,10000,30000 [--every 1000] [--db /tmp/bench.db] [--corpus FOLDER]
[--hold-out 300 --seed 1700]
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import time
from collections.abc import Iterator
from pathlib import Path

from dateline.ingest import iter_documents
from dateline.link import LinkSummary, link_batch
from dateline.link.prepare import ArticleFeatures, prepare
from dateline.model import Analysis, Article, Claim, Entity, Record, Span, Speaker, Statement, TimeExpr
from dateline.store import Store
from dateline.store.corpus import LinkCache

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
EXTRACTOR = "bench.light.v1"
_NAME = re.compile(r"\b[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,}){1,2}\b")
_SAID = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)+) said,? (?:that )?([^.!?\n]{20,300})[.!?]")
_FIGURE = re.compile(r"\b(\d+(?:\.\d+)?) (percent|per cent|million|billion|people|dollars|tonnes|points)\b")
_ANNIVERSARY = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th) anniversary\b")
# Entity records per article at most: about what entities.rules.v1 finds in a long news report.
MAX_ENTITIES = 30


def _span(text: str, match: re.Match[str], group: int = 0) -> tuple[Span, ...]:
    return (Span.of(text, match.start(group), match.end(group)),)


def light_analysis(article: Article) -> Analysis:
    """Cheap records from the article's text (see the module docstring)."""
    text, ident = article.text, article.id
    records: list[Record] = []
    seen: set[str] = set()
    for m in _NAME.finditer(text):
        if m.group(0) not in seen and len(seen) < MAX_ENTITIES:
            seen.add(m.group(0))
            records.append(
                Entity(article_id=ident, spans=_span(text, m), extractor=EXTRACTOR, name=m.group(0), type="PERSON")
            )
    for m in _SAID.finditer(text):
        records.append(
            Statement(
                article_id=ident,
                spans=_span(text, m),
                extractor=EXTRACTOR,
                cue="said",
                content=m.group(2),
                speaker=Speaker(m.group(1), entity=m.group(1)),
            )
        )
    for m in _FIGURE.finditer(text):
        records.append(
            Claim(
                article_id=ident,
                spans=_span(text, m),
                extractor=EXTRACTOR,
                value=float(m.group(1)),
                unit=m.group(2),
                predicate=m.group(2),
                claimant=Speaker(article.outlet or "the outlet"),
            )
        )
    year = (article.published or "")[:4]
    for m in _ANNIVERSARY.finditer(text):
        if year.isdigit():
            records.append(
                TimeExpr(
                    article_id=ident,
                    spans=_span(text, m),
                    extractor=EXTRACTOR,
                    text=m.group(0),
                    value=year,
                    anniversary_of=str(int(year) - int(m.group(1))),
                )
            )
    return Analysis(article, tuple(records))


def _articles(corpus: Path) -> Iterator[Article]:
    return (d for d in iter_documents([str(corpus)]) if isinstance(d, Article))


def _held_out(corpus: Path, n: int, seed: int) -> set[str]:
    """The ids of ``n`` AllSides reports left out of the database (so that a database larger than the reports
    still leaves long reports for ``linking_continue.py`` to add)."""
    if not n:
        return set()
    reports = [a.id for a in _articles(corpus / "allsides-article-bias")]
    return set(random.Random(seed).sample(reports, n))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", default="1000,10000,30000", help="checkpoints (articles linked)")
    parser.add_argument("--every", type=int, default=0, help="also report every this many articles")
    parser.add_argument("--batch", type=int, default=100, help="articles per linking batch (the timed unit)")
    parser.add_argument("--db", default="/tmp/dateline-bench-linking.db")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of articles (default ../shared/corpus)")
    parser.add_argument("--inline", action="store_true", help="link features worked out by linking, timed with it")
    parser.add_argument(
        "--hold-out",
        type=int,
        default=0,
        help="AllSides reports left out (a sample, random.Random(--seed)), for bench/linking_continue.py to add",
    )
    parser.add_argument("--seed", type=int, default=1700)
    args = parser.parse_args()
    held = _held_out(args.corpus, args.hold_out, args.seed)
    checkpoints = sorted(int(x) for x in args.n.split(","))
    for suffix in ("", "-wal", "-shm"):
        Path(args.db + suffix).unlink(missing_ok=True)
    store = Store(args.db)
    summary, cache = LinkSummary(), LinkCache()
    done, started, batch = 0, time.perf_counter(), list[Analysis]()
    linking_cpu = prep_cpu = 0.0
    prepared: dict[str, ArticleFeatures] = {}
    print(
        f"{'articles':>8} {'ms/article':>10} {'CPU ms/article':>14} {'CPU ms, all':>11} {'prep CPU ms, all':>16} "
        f"{'peak RSS MiB':>12} {'elapsed s':>9}",
        flush=True,
    )
    for article in _articles(args.corpus):
        if article.id in held:
            continue
        analysis = light_analysis(article)
        if not store.write(analysis):
            continue
        batch.append(analysis)
        if not args.inline:
            p0 = time.process_time()
            prepared[article.id] = prepare(analysis)
            prep_cpu += time.process_time() - p0
        if len(batch) < args.batch:
            continue
        t0, c0 = time.perf_counter(), time.process_time()
        link_batch(store, batch, summary, cache, prepared)
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        done += len(batch)
        linking_cpu += cpu
        batch = []
        prepared.clear()
        if done in checkpoints or (args.every and done % args.every == 0):
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            mark = " *" if done in checkpoints else ""
            print(
                f"{done:>8} {1000 * elapsed / args.batch:>10.1f} {1000 * cpu / args.batch:>14.1f} "
                f"{1000 * linking_cpu / done:>11.1f} {1000 * prep_cpu / done:>16.1f} {peak:>12.0f} "
                f"{time.perf_counter() - started:>9.0f}{mark}",
                flush=True,
            )
        if done >= checkpoints[-1]:
            break
    print(f"linked {summary.articles} articles: {summary.to_dict()['links']}", flush=True)


if __name__ == "__main__":
    main()
