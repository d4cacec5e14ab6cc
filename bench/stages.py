"""CPU seconds per stage of a whole ``dateline run``, in one process, without a profiler.

The stages a ``dateline run --workers 1`` goes through, each timed with ``time.process_time`` (CPU, so other
people's work on a shared machine moves the figures less than it moves wall time): importing dateline beyond
what bare spaCy needs, reading the files, loading the model, spaCy's own pipes (as ``dateline run`` runs them,
and as shipped, which is what the bare side of ``end_to_end.py`` runs), dateline's entity-fixing
component (run apart here, over the parsed Docs, so its cost shows), each registered extractor, the SQLite
writes, and corpus linking (of the analyses just written, held in memory, as ``dateline run`` links them). A profiler inflates Python-heavy stages far more than spaCy's compiled ones;
these figures are what the stages cost.

    python bench/stages.py ../shared/corpus/allsides-article-bias/jsons --limit 100
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

CLOCK = time.process_time


def measure(folder: Path, limit: int) -> dict[str, float]:
    out: dict[str, float] = {}
    start = CLOCK()
    from dateline.ingest import iter_documents
    from dateline.model import Analysis, Article
    from dateline.nlp import load_nlp
    from dateline.nlp.components import COMPONENT, fix_entities

    out["import (what bare spaCy imports too)"] = CLOCK() - start
    start = CLOCK()
    from dateline.link import Fresh, link_pending
    from dateline.pipeline import Pipeline
    from dateline.store import Store

    pipeline = Pipeline()
    out["import (dateline beyond that)"] = CLOCK() - start
    files = sorted(p for p in folder.iterdir() if p.is_file())[:limit]
    start = CLOCK()
    articles = [d for d in iter_documents([str(f) for f in files]) if isinstance(d, Article)]
    out["read files"] = CLOCK() - start
    start = CLOCK()
    nlp = load_nlp()
    out["load model"] = CLOCK() - start
    start = CLOCK()
    with nlp.select_pipes(disable=[COMPONENT]):
        docs = list(nlp.pipe([a.text for a in articles], batch_size=64))
    out["spaCy pipes"] = CLOCK() - start
    # The bare side's spaCy (its rule pipes as shipped: spaCy's attribute ruler, the lemmatizer's index as
    # lists), over the same texts, so the two rule-pipe replacements of ``load_nlp`` show (nlp/attributes.py).
    shipped = load_nlp(as_shipped=True)
    start = CLOCK()
    with shipped.select_pipes(disable=[COMPONENT]):
        for _doc in shipped.pipe([a.text for a in articles], batch_size=64):
            pass
    out["spaCy pipes as shipped (the bare side)"] = CLOCK() - start
    start = CLOCK()
    docs = [fix_entities(doc) for doc in docs]
    out["entity fixer (component)"] = CLOCK() - start
    # Each extractor alone (its records stamped as the pipeline stamps them), then the pipeline's own
    # ``analyze`` over the same Docs: the figure of record for all extractors together.
    per = dict.fromkeys((spec.qualified for spec in pipeline.specs), 0.0)
    for article, doc in zip(articles, docs, strict=True):
        records: list = []
        for spec in pipeline.specs:
            start = CLOCK()
            made = list(spec(article, doc, prior=Analysis(article, tuple(records))))
            ids = {r.id: r.id_as(spec.qualified) for r in made}
            records.extend(r.stamped(spec.qualified, ids) for r in made)
            per[spec.qualified] += CLOCK() - start
    out.update(per)
    start = CLOCK()
    analyses = [pipeline.analyze(article, doc) for article, doc in zip(articles, docs, strict=True)]
    out["all extractors (Pipeline.analyze)"] = CLOCK() - start
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "stages.db"))
        start = CLOCK()
        for analysis in analyses:
            if isinstance(analysis, Analysis):
                store.write(analysis)
        out["SQLite writes"] = CLOCK() - start
        start = CLOCK()
        fresh = Fresh(limit=sys.maxsize)
        for analysis in analyses:
            if isinstance(analysis, Analysis):
                fresh.keep(analysis)
        link_pending(store, fresh)
        out["linking"] = CLOCK() - start
        store.close()
    out["articles"] = len(articles)
    return {k: round(v, 2) for k, v in out.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder")
    parser.add_argument("--limit", type=int, default=100)
    args = parser.parse_args()
    print(json.dumps(measure(Path(args.folder), args.limit), indent=2))


if __name__ == "__main__":
    main()
