"""Throughput, memory and scaling of the dateline pipeline, against bare spaCy on the same texts.

For each corpus size (``--limit``, repeatable) and process count (``--workers``, repeatable) it measures,
over the first N articles of the corpus (BBC, then AllSides, then Reuters, as ``dateline run`` reads them):
- bare spaCy: ``nlp.pipe(texts, n_process=W)`` -- the floor the pipeline is compared with;
- the pipeline: ``run_corpus`` into a fresh SQLite store (ingest, spaCy, every extractor, store), W workers;
- articles/s, words/s, their ratio, and the peak RSS of every process involved (sampled with psutil).
It also times each registered extractor per article (``--profile-articles``) and, with ``--dask``, a local
Dask cluster of 1 and of 2 workers. Numbers go to stdout as Markdown and to ``--out`` as JSON.

    python bench/throughput.py --limit 1000 --workers 1 --workers 2 --dask
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

import psutil

from dateline.batch import run_corpus
from dateline.ingest import iter_documents
from dateline.link import link_articles
from dateline.model import Analysis, Article
from dateline.nlp import load_nlp
from dateline.nlp.model import PIPE_BATCH_SIZE
from dateline.pipeline import Pipeline
from dateline.store import Store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPORA = ("bbc-news-greene2006/bbc", "allsides-article-bias/jsons", "reuters21578")
# psutil sampling period: short enough to catch a worker's peak while it parses one chunk (~0.5 s).
SAMPLE_SECONDS = 0.1


def articles(corpus: list[Path], limit: int) -> Iterator[Article]:
    """The first ``limit`` readable articles, streamed (never the whole corpus in memory)."""
    items = (d for d in iter_documents([str(p) for p in corpus]) if isinstance(d, Article))
    return islice(items, limit)


class PeakRss:
    """Peak resident memory of this process and each of its descendants, sampled in a thread."""

    def __init__(self) -> None:
        self.peaks: dict[int, int] = {}
        self.me = psutil.Process()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            for proc in [self.me, *self.me.children(recursive=True)]:
                try:
                    rss = proc.memory_info().rss
                except psutil.Error:
                    continue
                self.peaks[proc.pid] = max(self.peaks.get(proc.pid, 0), rss)
            self._stop.wait(SAMPLE_SECONDS)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def worker_peak_mb(self) -> float:
        """The largest peak among the processes doing the work (the children when there are any)."""
        children = {pid: rss for pid, rss in self.peaks.items() if pid != self.me.pid}
        return round(max((children or self.peaks).values()) / 2**20, 1)

    def client_peak_mb(self) -> float:
        return round(self.peaks.get(self.me.pid, 0) / 2**20, 1)


@dataclass
class Measure:
    what: str
    articles: int
    workers: int
    seconds: float
    words: int
    worker_peak_mb: float
    client_peak_mb: float
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def articles_per_s(self) -> float:
        return round(self.articles / self.seconds, 2)

    @property
    def words_per_s(self) -> float:
        return round(self.words / self.seconds)


def _cpu_seconds() -> float:
    """CPU time of this process and its reaped children: less sensitive than wall time to a busy machine."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def timed(what: str, n: int, workers: int, words: int, fn: Callable[[], Any]) -> Measure:
    """Run ``fn``; its times exclude the linking it reports (linking is corpus-level, not per-article work)."""
    with PeakRss() as rss:
        start, cpu = time.perf_counter(), _cpu_seconds()
        extra = fn() or {}
        seconds = time.perf_counter() - start - extra.get("link_seconds", 0.0)
        extra["cpu_seconds"] = round(_cpu_seconds() - cpu - extra.get("link_cpu_seconds", 0.0), 2)
    return Measure(what, n, workers, round(seconds, 2), words, rss.worker_peak_mb(), rss.client_peak_mb(), extra)


def bare_spacy(corpus: list[Path], limit: int, workers: int) -> dict[str, Any]:
    nlp = load_nlp(as_shipped=True)  # spaCy's pipes as shipped (see bench/end_to_end.py)
    texts = (a.text for a in articles(corpus, limit))
    count = sum(1 for _doc in nlp.pipe(texts, batch_size=PIPE_BATCH_SIZE, n_process=workers))
    return {"parsed": count}


def pipeline_run(corpus: list[Path], limit: int, workers: int, cluster: str | None = None) -> dict[str, Any]:
    """The per-article run (what is compared with spaCy); corpus linking is timed apart, after it."""
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "bench.db"))
        docs = articles(corpus, limit)
        summary = run_corpus([], store, documents=docs, workers=workers, cluster=cluster, link=False)
        start, cpu = time.perf_counter(), _cpu_seconds()
        link_articles(store, (a.id for a in store.iter_articles()))
        link_seconds, link_cpu = time.perf_counter() - start, _cpu_seconds() - cpu
        store.close()
    return {
        "stored": summary.stored,
        "already_stored": summary.already_stored,
        "failed": len(summary.failures),
        "link_seconds": round(link_seconds, 2),
        "link_cpu_seconds": round(link_cpu, 2),
    }


def extractor_costs(corpus: list[Path], limit: int) -> dict[str, float]:
    """CPU milliseconds per article: spaCy's parse, then each extractor (pipeline order), in this process.

    CPU time, not wall time: on a shared machine it is what our code costs, whatever else runs.
    """
    pipeline = Pipeline()
    nlp = load_nlp()
    docs = list(articles(corpus, limit))
    costs: dict[str, float] = {"spacy": 0.0} | {s.qualified: 0.0 for s in pipeline.specs}
    start = time.process_time()
    parsed = list(nlp.pipe((a.text for a in docs), batch_size=PIPE_BATCH_SIZE))
    costs["spacy"] = time.process_time() - start
    if docs:  # warm: extractors load their lexicons on first use, a one-off cost per process
        pipeline.analyze(docs[0], parsed[0])
    for article, doc in zip(docs, parsed, strict=True):
        records: list[Any] = []
        for spec in pipeline.specs:
            start = time.process_time()
            # The pipeline records an extractor's exception as a failure; here only the time matters.
            with contextlib.suppress(Exception):
                records.extend(spec(article, doc, prior=Analysis(article, tuple(records))))
            costs[spec.qualified] += time.process_time() - start
    return {name: round(1000 * seconds / max(1, len(docs)), 2) for name, seconds in costs.items()}


def dask_run(corpus: list[Path], limit: int, n_workers: int) -> dict[str, Any]:
    from distributed import LocalCluster

    with LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        return pipeline_run(corpus, limit, 1, cluster=cluster.scheduler_address)


def run(args: argparse.Namespace) -> dict[str, Any]:
    corpus = [Path(p) for p in args.corpus] if args.corpus else [SHARED / "corpus" / c for c in CORPORA]
    report: dict[str, Any] = {
        "machine": {
            "cpus": psutil.cpu_count(),
            "load_before": [round(x, 2) for x in psutil.getloadavg()],
            "python": platform.python_version(),
        },
        "extractors": Pipeline().names,
        "runs": [],
    }
    load_nlp()  # warm: the in-process runs should not time the model loading
    load_nlp(as_shipped=True)
    for limit in args.limit:
        words = 0
        n = 0
        for article in articles(corpus, limit):
            n += 1
            words += len(article.text.split())
        for workers in args.workers:
            bare = timed("spacy", n, workers, words, lambda: bare_spacy(corpus, limit, workers))  # noqa: B023
            full = timed("pipeline", n, workers, words, lambda: pipeline_run(corpus, limit, workers))  # noqa: B023
            full.extra["ratio_to_spacy"] = round(bare.seconds / full.seconds, 3)
            # On a shared machine wall time swings with others' load; CPU time much less.
            full.extra["cpu_ratio_to_spacy"] = round(bare.extra["cpu_seconds"] / full.extra["cpu_seconds"], 3)
            report["runs"] += [bare, full]
            print(_row(bare), _row(full), sep="\n", file=sys.stderr)
        if args.dask:
            for n_workers in (1, 2):
                measure = timed("dask", n, n_workers, words, lambda: dask_run(corpus, limit, n_workers))  # noqa: B023
                report["runs"].append(measure)
                print(_row(measure), file=sys.stderr)
    if args.profile_articles:
        report["ms_per_article"] = extractor_costs(corpus, args.profile_articles)
    report["machine"]["load_after"] = [round(x, 2) for x in psutil.getloadavg()]
    report["runs"] = [
        asdict(m) | {"articles_per_s": m.articles_per_s, "words_per_s": m.words_per_s} for m in report["runs"]
    ]
    return report


def _row(m: Measure) -> str:
    return (
        f"| {m.what} | {m.articles} | {m.workers} | {m.seconds} | {m.articles_per_s} | {m.words_per_s} "
        f"| {m.worker_peak_mb} | {m.client_peak_mb} | {json.dumps(m.extra, sort_keys=True)} |"
    )


def markdown(report: dict[str, Any]) -> str:
    lines = [
        f"machine: {report['machine']}",
        "",
        "| run | articles | workers | seconds | articles/s | words/s | peak RSS per worker (MB) | client peak RSS (MB) | notes |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    lines += [
        _row(Measure(**{k: v for k, v in r.items() if k in Measure.__dataclass_fields__})) for r in report["runs"]
    ]
    if "ms_per_article" in report:
        lines += ["", "| stage | ms per article |", "|---|---|"]
        lines += [f"| {name} | {ms} |" for name, ms in report["ms_per_article"].items()]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, action="append", help="corpus size (repeatable; default 1000)")
    parser.add_argument("--workers", type=int, action="append", help="process count (repeatable; default 1 and 2)")
    parser.add_argument("--corpus", action="append", help="corpus folder (repeatable; default BBC, AllSides, Reuters)")
    parser.add_argument("--dask", action="store_true", help="also run on a local Dask cluster of 1 and 2 workers")
    parser.add_argument("--profile-articles", type=int, default=300, help="articles for per-extractor timing (0: skip)")
    parser.add_argument("--out", type=Path, help="write the report as JSON here")
    args = parser.parse_args()
    args.limit = args.limit or [1000]
    args.workers = args.workers or [1, 2]
    report = run(args)
    if args.out:
        args.out.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n")
    print(markdown(report))


if __name__ == "__main__":
    main()
