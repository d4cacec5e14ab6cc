"""Imported by the fork server that local worker processes are forked from (``LocalBackend``): it builds the
client's pipeline and loads its spaCy model once, so that every worker forked from the server starts with them
in memory instead of importing spaCy and dateline and loading the model itself (~1.4 CPU s per worker start,
bench/RESULTS.md, session 12) -- as bare spaCy's own forked ``n_process`` children inherit a loaded model.

The server learns which pipeline from ``JOB_VARIABLE`` in its environment, set by the client only while it
starts the server. Nothing here may raise: a fork server that fails to start breaks the whole pool, whereas a
worker that finds nothing preloaded builds its pipeline itself (``worker_pipeline``) and reports any error on
its chunk, as before.
"""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from dateline.batch.worker import Job, worker_pipeline

if TYPE_CHECKING:
    from dateline.link.prepare import Prepared
    from dateline.model import Analysis, Failure
    from dateline.pipeline import Pipeline

JOB_VARIABLE = "DATELINE_WORKER_JOB"
# The demo article ``warm`` analyses: short (738 characters), with a dateline, quotes, reported speech, an
# office, figures, dates and places, so it reaches what each extractor loads on first use.
WARM_ARTICLE = "03_minister_statement_relay.txt"


def encode(job: Job) -> str:
    """The job as the fork server reads it from its environment."""
    names = None if job.extractors is None else list(job.extractors)
    return json.dumps([names, job.model, job.batch_size, job.prepare])


def decode(text: str) -> Job:
    # The whole job, ``prepare`` included: ``worker_pipeline`` is cached by job, so a job read back without it
    # would not be the workers' and each would build its pipeline again.
    extractors, model, batch_size, prepare = json.loads(text)
    names = None if extractors is None else tuple(extractors)
    return Job(names, str(model), int(batch_size), bool(prepare))


def preload(text: str | None) -> None:
    """Build the job's pipeline and load its model into this process's caches (``worker_pipeline``,
    ``load_nlp``), run it once over a shipped article (``warm``) and freeze what is then alive (``gc.freeze``);
    do nothing when there is no job or it cannot be built."""
    if not text:
        return
    try:
        from dateline.nlp import load_nlp

        job = decode(text)
        pipeline = worker_pipeline(job)
        load_nlp(job.model)
        if job.prepare:
            # What the workers of a linking run import to work out link features (the link package and the
            # store's link layer it pulls in: ~0.3 CPU s), imported once here instead of once per worker.
            import dateline.link.prepare  # noqa: F401
        warm(pipeline, prepare=job.prepare)
        # All of the above lives as long as the server and its workers: out of the cyclic collector's reach
        # (``gc.freeze``, as Python's documentation advises before forking), each worker's full collections
        # no longer walk it, nor write to its pages (which copy-on-write would then copy into the worker).
        gc.freeze()
    except Exception:  # the workers build it themselves and report the error (see above)
        return


def warm(pipeline: Pipeline, *, prepare: bool) -> Sequence[Analysis | Failure | Prepared]:
    """Analyse one short shipped article (the demo corpus's), so that what the extractors load on first use
    -- lexicons, gazetteer look-ups, compiled patterns, the tagger's model -- is loaded here, once, and every
    worker forked from this process starts with it, instead of each loading it on its first chunk (~0.15-0.3
    CPU s a worker, bench/RESULTS.md, session 26). The results are returned for tests to check that every
    extractor ran; ``preload`` keeps nothing of them: the caches so filled hold what any article would put
    there, and a worker's output never depends on what it analysed before (its chunks arrive in any order
    already)."""
    from dateline.demo import demo_corpus_path
    from dateline.ingest import iter_documents

    documents = iter_documents([str(demo_corpus_path() / WARM_ARTICLE)])
    analyses = list(pipeline.run(documents))
    if not prepare:
        return analyses
    from dateline.link.prepare import prepared

    return list(prepared(analyses))


preload(os.environ.get(JOB_VARIABLE))
