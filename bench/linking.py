"""Scaling benchmark for corpus-level linking (not the NLP pipeline: too slow for 30k articles on 2 cores).

Articles come from ../shared/corpus (real texts, via dateline's readers); their per-article records are a
light synthetic pass: every capitalised two-word sequence becomes an entity record (PERSON if its first word
is a common title-less given name shape, else ORG). Linking then runs for real (entities, duplicates, stories,
series, ledger, repeats) and the time to link each further batch of articles is reported at the checkpoints,
with peak memory. Usage: python bench/linking.py --n 1000,10000,30000 [--db /tmp/bench.db]
"""

from __future__ import annotations

import argparse
import re
import resource
import time
from pathlib import Path

from dateline.ingest import iter_documents
from dateline.link import LinkSummary, link_analysis
from dateline.model import Analysis, Article, Entity, Span
from dateline.store import Store

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
_NAME = re.compile(r"\b[A-Z][a-z]{2,} [A-Z][a-z]{2,}\b")
# Articles timed after each checkpoint: enough for a stable per-article mean.
PROBE = 200


def light_analysis(article: Article) -> Analysis:
    seen: dict[str, Entity] = {}
    for m in _NAME.finditer(article.text):
        if m.group(0) not in seen and len(seen) < 30:
            span = Span.of(article.text, m.start(), m.end())
            seen[m.group(0)] = Entity(article_id=article.id, spans=(span,), extractor="bench.v1", name=m.group(0),
                                      type="PERSON")
    return Analysis(article, tuple(seen.values()))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", default="1000,10000,30000")
    parser.add_argument("--db", default="/tmp/dateline-bench-linking.db")
    args = parser.parse_args()
    checkpoints = [int(x) for x in args.n.split(",")]
    for suffix in ("", "-wal", "-shm"):
        Path(args.db + suffix).unlink(missing_ok=True)
    store = Store(args.db)
    summary = LinkSummary()
    docs = (d for d in iter_documents([str(CORPUS)]) if isinstance(d, Article))
    done, started, timing = 0, time.perf_counter(), None
    for article in docs:
        analysis = light_analysis(article)
        if not store.write(analysis):
            continue
        t0 = time.perf_counter()
        link_analysis(store, analysis, summary)
        elapsed = time.perf_counter() - t0
        done += 1
        if done in checkpoints:
            timing = (done, 0, 0.0)
        elif timing and done - timing[0] <= PROBE:
            timing = (timing[0], timing[1] + 1, timing[2] + elapsed)
            if done - timing[0] == PROBE:
                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                print(f"after {timing[0]:>6} articles: {1000 * timing[2] / timing[1]:.1f} ms to link one more "
                      f"(mean of {PROBE}); peak RSS {peak:.0f} MiB; elapsed {time.perf_counter() - started:.0f} s",
                      flush=True)
        if done >= checkpoints[-1] + PROBE:
            break


if __name__ == "__main__":
    main()
