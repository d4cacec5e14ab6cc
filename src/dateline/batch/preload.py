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

import json
import os

from dateline.batch.worker import Job, worker_pipeline

JOB_VARIABLE = "DATELINE_WORKER_JOB"


def encode(job: Job) -> str:
    """The job as the fork server reads it from its environment."""
    return json.dumps([list(job.extractors), job.model, job.batch_size, job.prepare])


def decode(text: str) -> Job:
    # The whole job, ``prepare`` included: ``worker_pipeline`` is cached by job, so a job read back without it
    # would not be the workers' and each would build its pipeline again.
    extractors, model, batch_size, prepare = json.loads(text)
    return Job(tuple(extractors), str(model), int(batch_size), bool(prepare))


def preload(text: str | None) -> None:
    """Build the job's pipeline and load its model into this process's caches (``worker_pipeline``,
    ``load_nlp``); do nothing when there is no job or it cannot be built."""
    if not text:
        return
    try:
        from dateline.nlp import load_nlp

        job = decode(text)
        worker_pipeline(job)
        load_nlp(job.model)
        if job.prepare:
            # What the workers of a linking run import to work out link features (the link package and the
            # store's link layer it pulls in: ~0.3 CPU s), imported once here instead of once per worker.
            import dateline.link.prepare  # noqa: F401
    except Exception:  # the workers build it themselves and report the error (see above)
        return


preload(os.environ.get(JOB_VARIABLE))
