"""Worker side: analyse one chunk of articles, with the pipeline (and its spaCy model) cached per process.

A worker process -- a local pool process or a Dask worker -- builds its Pipeline on the first chunk it gets
and keeps it: the spaCy model is loaded once per worker, not once per chunk.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from dateline.model import Analysis, Article, Failure
from dateline.pipeline import Pipeline


@dataclass(frozen=True)
class Job:
    """What every worker needs to rebuild the client's pipeline: picklable, hashable, small."""

    extractors: tuple[str, ...]
    model: str
    batch_size: int

    @classmethod
    def of(cls, pipeline: Pipeline) -> Job:
        # Qualified names (``statements.rules.v1``) pin the exact versions the client resolved.
        return cls(tuple(pipeline.names), pipeline.model, pipeline.batch_size)


@lru_cache(maxsize=4)
def worker_pipeline(job: Job) -> Pipeline:
    """The worker-side cache: one Pipeline per job per process (``load_nlp`` caches the model itself)."""
    return Pipeline(list(job.extractors), model=job.model, batch_size=job.batch_size)


def analyze_chunk(job: Job, chunk: list[Article | Failure]) -> list[Analysis | Failure]:
    """Analyse a chunk, in order; ingest failures pass through unchanged."""
    return list(worker_pipeline(job).run(chunk))
