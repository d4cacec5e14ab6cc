"""The fork server's preload: the job travels as text, and a job that cannot be built never breaks the server."""

from __future__ import annotations

from dateline.batch import preload
from dateline.batch.worker import Job, worker_pipeline
from dateline.pipeline import Pipeline


def test_a_job_survives_the_environment() -> None:
    job = Job.of(Pipeline())
    assert preload.decode(preload.encode(job)) == job
    # A linking run's job too: its workers find the preloaded pipeline under the same job.
    linking = Job.of(Pipeline(), prepare=True)
    assert preload.decode(preload.encode(linking)) == linking


def test_preload_fills_the_worker_cache() -> None:
    job = Job.of(Pipeline())
    preload.preload(preload.encode(job))
    assert worker_pipeline.cache_info().currsize >= 1
    hits = worker_pipeline.cache_info().hits
    worker_pipeline(job)
    assert worker_pipeline.cache_info().hits == hits + 1


def test_a_job_that_cannot_be_built_is_left_to_the_workers() -> None:
    preload.preload(None)
    preload.preload("not json")
    preload.preload(preload.encode(Job(("no.such.extractor.v1",), "no_such_model", 8)))


def test_the_warm_up_analyses_the_shipped_article_whole() -> None:
    """The fork server's warm-up (``preload.warm``) runs every extractor and the link features over the demo
    article: a Failure would mean it stopped part way, leaving what the later extractors load on first use
    to each worker again."""
    from dateline.link.prepare import Prepared

    results = preload.warm(Pipeline(), prepare=True)
    assert len(results) == 1
    assert isinstance(results[0], Prepared)
    kinds = set(results[0].analysis.counts())
    assert {"entity", "statement", "time", "place"} <= kinds
