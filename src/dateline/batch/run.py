"""The corpus run: ingest -> skip what is stored -> pipeline -> store, with a summary of what happened.

The per-article work runs in this process (the default), over ``workers`` local processes, or on the Dask
cluster at ``cluster``; in every case this process is the single writer. Articles already stored (ids come
from content) are skipped before they are dispatched, so a run killed at any moment -- client or worker --
resumes where it stopped, and nothing is written twice.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING

from dateline.batch.backends import Backend, DaskBackend, LocalBackend
from dateline.batch.worker import Job
from dateline.errors import ConfigError, Errors
from dateline.ingest import iter_documents
from dateline.model import Analysis, Article, Failure
from dateline.nlp.model import MODEL_PACKAGE, PIPE_BATCH_SIZE
from dateline.pipeline import Pipeline
from dateline.store import Store

if TYPE_CHECKING:
    from dateline.link import Fresh
    from dateline.link.prepare import Prepared

ProgressFn = Callable[[Analysis | Failure | Article], None]

# Articles per task sent to a worker. Big enough that shipping a chunk (pickled articles out, records back)
# is small next to parsing it -- about half a second of spaCy at BBC article lengths -- and small enough
# that a lost worker costs little work and the chunks in flight stay small (bench/RESULTS.md).
CHUNK_SIZE = 32
# Chunks in flight per worker: one being parsed and one queued, so a worker never waits on the client.
IN_FLIGHT_PER_WORKER = 2
# Records of this run's stored analyses kept in memory for linking, which would otherwise read back, decode and
# rebuild every record the run has just written. Bounded, so a run of any size holds at most this many
# (~1.8 KB each with their articles' texts, ~45 MB; 300-400 long news reports); the articles past the bound
# are read back from the store.
FRESH_RECORDS = 25_000
# Articles whose link features (``link.prepare.ArticleFeatures``: MinHash signature, story keywords and figures,
# statements' content words), worked out with the analysis -- in the workers, in parallel -- are kept for
# linking: about 3.6 KB each in memory on long AllSides reports (2.4 KB pickled; 150 reports), so 30,000 hold
# about 110 MB; linking works out those of the articles past the bound itself (the same values).
FRESH_FEATURES = 30_000


@dataclass
class RunSummary:
    """What a run did: documents seen, stored, skipped as already stored, failed; records by kind."""

    documents: int = 0
    stored: int = 0
    already_stored: int = 0
    failures: list[Failure] = field(default_factory=list)
    records: dict[str, int] = field(default_factory=dict)

    def add(self, analysis: Analysis) -> None:
        for kind, n in analysis.counts().items():
            self.records[kind] = self.records.get(kind, 0) + n

    def to_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "stored": self.stored,
            "already_stored": self.already_stored,
            "failed": len(self.failures),
            "records": dict(sorted(self.records.items())),
            "failures": [f.to_dict() for f in self.failures],
        }


def _unstored(
    items: Iterable[Article | Failure], store: Store, summary: RunSummary, progress: ProgressFn | None
) -> Iterator[Article | Failure]:
    for item in items:
        summary.documents += 1
        if isinstance(item, Article) and store.has_article(item.id):
            summary.already_stored += 1
            if progress:
                progress(item)
            continue
        yield item


def chunked(items: Iterable[Article | Failure], size: int) -> Iterator[list[Article | Failure]]:
    """Consecutive lists of ``size`` items (the last may be shorter), read lazily."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _backend(pipeline: Pipeline | None, workers: int, cluster: str | None, link: bool) -> Backend | None:
    """None means: run in this process. When the run links, the workers also work out each article's link
    features (``Job.prepare``). With local workers and no pipeline given, this process builds none: the
    workers' fork server resolves the default extractors (``Job.extractors`` None) and loads them, and this
    process, which only ingests, stores and links, never imports them nor spaCy (~0.5 CPU s, bench/RESULTS.md,
    session 27). A Dask cluster's workers may run other code, so their job names the versions resolved here."""
    if workers < 1:
        raise ConfigError(Errors.E030, workers=workers)
    if cluster:
        return DaskBackend(Job.of(pipeline or Pipeline(), prepare=link), cluster, IN_FLIGHT_PER_WORKER)
    if workers > 1:
        job = Job.of(pipeline, prepare=link) if pipeline else Job(None, MODEL_PACKAGE, PIPE_BATCH_SIZE, link)
        return LocalBackend(job, workers, workers * IN_FLIGHT_PER_WORKER)
    return None


def _write(found: Analysis | Failure | Prepared, store: Store, summary: RunSummary, fresh: Fresh) -> None:
    from dateline.link.prepare import Prepared

    features = found.features if isinstance(found, Prepared) else None
    result = found.analysis if isinstance(found, Prepared) else found
    if isinstance(result, Failure):
        store.write_failure(result)
        summary.failures.append(result)
    elif store.write(result):
        summary.stored += 1
        summary.add(result)
        fresh.keep(result, features)
    else:
        summary.already_stored += 1


@contextmanager
def _frozen_start_up(keep: bool) -> Iterator[Callable[[], None]]:
    """A call that moves every object alive at that moment out of the cyclic garbage collector's reach
    (``gc.freeze``); the run makes it once its first article is back, when the imported modules, the pipeline,
    the spaCy model and what the extractors load on first use (in this process, when it runs the pipeline) are
    all there. They live as long as the run, yet each full collection walked them all again: over 200 long
    reports the full collections took 0.67 CPU s, 0.50 once frozen (bench/RESULTS.md, session 26). Frozen
    objects are still freed by reference counting, but cycles among them are not collected while frozen, so the
    run gives them back to the collector when it ends (``gc.unfreeze``) -- unless ``keep``: the command line's
    process ends with the run, and its collection at exit then skips them too (0.19 -> 0.02 CPU s)."""
    froze = False

    def freeze() -> None:
        nonlocal froze
        if not froze:
            gc.freeze()
            froze = True

    try:
        yield freeze
    finally:
        if froze and not keep:
            gc.unfreeze()


def run_corpus(
    paths: Sequence[str],
    store: Store,
    *,
    pipeline: Pipeline | None = None,
    progress: ProgressFn | None = None,
    documents: Iterable[Article | Failure] | None = None,
    workers: int = 1,
    cluster: str | None = None,
    chunk_size: int = CHUNK_SIZE,
    link: bool = True,
    on_wait: Callable[[str], None] | None = None,
    keep_frozen: bool = False,
) -> RunSummary:
    """Analyse every document under ``paths`` (or the given ``documents``) into ``store``.

    ``workers`` > 1 runs the pipeline in that many local processes; ``cluster`` (a Dask scheduler address)
    runs it on a Dask cluster. Results are the same whichever runs them (``Store.fingerprint``).
    ``link=False`` leaves corpus-level linking of the new articles for later (benchmarks time it apart).
    The run holds the database's writer lock throughout (``on_wait`` hears when another process holds it):
    a second run on the same database waits, then skips what the first stored.
    ``keep_frozen``: leave what was alive at the first result out of the cyclic collector's reach after the
    run (``_frozen_start_up``), for a process that ends with the run (the command line).
    """
    with store.writer_lock(on_wait), _frozen_start_up(keep_frozen) as freeze:
        return _run_locked(paths, store, pipeline, progress, documents, workers, cluster, chunk_size, link, freeze)


def _run_locked(
    paths: Sequence[str],
    store: Store,
    pipeline: Pipeline | None,
    progress: ProgressFn | None,
    documents: Iterable[Article | Failure] | None,
    workers: int,
    cluster: str | None,
    chunk_size: int,
    link: bool,
    freeze: Callable[[], None],
) -> RunSummary:
    summary = RunSummary()
    items = documents if documents is not None else iter_documents(paths)
    pending = _unstored(items, store, summary, progress)
    backend = _backend(pipeline, workers, cluster, link)
    if backend is None:
        pipeline = pipeline or Pipeline()
    # Imported here, not with the module: a worker process imports this package but never links.
    from dateline.link import Fresh, link_pending
    from dateline.link.prepare import prepared, unwrapped

    fresh = Fresh(limit=FRESH_RECORDS if link else 0, features_limit=FRESH_FEATURES if link else 0)
    try:
        results: Iterable[Analysis | Failure | Prepared]
        if backend is None:
            assert pipeline is not None
            # One process: the link features are worked out as each article is analysed (workers do it in
            # parallel, ``Job.prepare``), so that linking at the end only looks up, judges and writes.
            results = prepared(pipeline.run(pending)) if link else pipeline.run(pending)
        else:
            results = backend.results(chunked(pending, chunk_size))
        for result in results:
            _write(result, store, summary, fresh)
            freeze()
            if progress:
                progress(unwrapped(result))
    finally:
        if backend is not None:
            backend.close()
    # Corpus-level linking is incremental: the articles not linked yet (this run's, and any a killed run
    # stored without linking) are compared with the stored ones by blocking keys, never all pairs.
    if link:
        link_pending(store, fresh)
    return summary
