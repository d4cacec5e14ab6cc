"""Worker side: analyse one chunk of articles, with the pipeline (and its spaCy model) cached per process.

A worker process -- a local pool process or a Dask worker -- builds its Pipeline on the first chunk it gets
and keeps it: the spaCy model is loaded once per worker, not once per chunk.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.errors import Errors
from dateline.model import Analysis, Article, Failure
from dateline.pipeline import Pipeline

if TYPE_CHECKING:
    from dateline.link.prepare import Prepared


@dataclass(frozen=True)
class Job:
    """What every worker needs to rebuild the client's pipeline: picklable, hashable, small."""

    # Qualified names, or None: the default extractors, resolved by the process that builds the pipeline. A local
    # run's workers all fork from one fork server with this process's code, so they resolve the same versions;
    # the client then need not import the extractors (and spaCy with them) only to learn their names
    # (``batch.run._backend``: ~0.5 CPU s per run with 2 processes, bench/RESULTS.md, session 27).
    extractors: tuple[str, ...] | None
    model: str
    batch_size: int
    # Also work out each analysis's link features (``link.prepare``), handed back as ``Prepared``: the client
    # links the articles at the end of the run, serially, and these depend on one article alone.
    prepare: bool = False

    @classmethod
    def of(cls, pipeline: Pipeline, *, prepare: bool = False) -> Job:
        # Qualified names (``statements.rules.v1``) pin the exact versions the client resolved.
        return cls(tuple(pipeline.names), pipeline.model, pipeline.batch_size, prepare)


@lru_cache(maxsize=4)
def worker_pipeline(job: Job) -> Pipeline:
    """The worker-side cache: one Pipeline per job per process (``load_nlp`` caches the model itself)."""
    names = None if job.extractors is None else list(job.extractors)
    return Pipeline(names, model=job.model, batch_size=job.batch_size)


def build(job: Job) -> None:
    """A first task for a job whose extractors the client did not resolve (``Job.extractors`` None): builds the
    job's pipeline, so that the error building it raises, of its own class, in the client that reads this task's
    result (``LocalBackend._checked``), as it would have raised building the pipeline itself."""
    worker_pipeline(job)


def analyze_chunk(job: Job, chunk: list[Article | Failure]) -> list[Analysis | Failure | Prepared]:
    """Analyse a chunk, in order; ingest failures pass through unchanged. A chunk never fails for one of its
    articles: should the pipeline raise on the chunk, each article is analysed alone and only the one that
    raises becomes a Failure. With ``job.prepare``, each analysis comes back with its link features."""
    pipeline = worker_pipeline(job)
    try:
        results = list(pipeline.run(chunk))
    except Exception:
        results = [_analyze_one(pipeline, item) for item in chunk]
    if not job.prepare:
        return list(results)
    # Imported only by a worker of a run that links (the package pulls in the store's link layer).
    from dateline.link.prepare import prepared

    return list(prepared(results))


def _analyze_one(pipeline: Pipeline, item: Article | Failure) -> Analysis | Failure:
    try:
        return next(pipeline.run([item]))
    except Exception as exc:
        reason = Errors.E602.format(error_type=type(exc).__name__, error=exc)
        return Failure(item.source_path, Errors.E602.code, reason)


# prctl(2) option: the signal the kernel sends this process when its parent dies.
PR_SET_PDEATHSIG = 1
# How often the fallback watchdog looks for a new parent (seconds).
WATCHDOG_SECONDS = 2.0


def die_with_parent(client: int) -> None:
    """Worker initializer: end this process when the client (the process that started the pool) dies. A killed
    client must not leave its workers (hundreds of MB each, a spaCy model apiece) running re-parented for ever.
    A local worker's own parent is the client's fork server (``LocalBackend``), which exits as soon as the
    client is gone: it reads end-of-file on a pipe only the client holds open. On Linux the kernel sends this
    process SIGKILL at its parent's death; elsewhere, and as a second line, a daemon thread exits when the
    client is gone or this process has been re-parented. ``client`` is the client's pid, given by the client:
    the worker cannot read it from its own parent."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if not _alive(client):  # the client died before the signal was armed (while this process started)
        os._exit(1)
    args = (client, os.getppid())
    threading.Thread(target=_watch_parent, args=args, name="dateline-parent-watchdog", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, owned by someone else
        pass
    return True


def _watch_parent(client: int, parent: int) -> None:
    while os.getppid() == parent and _alive(client):
        time.sleep(WATCHDOG_SECONDS)
    os._exit(1)
