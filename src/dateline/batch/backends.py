"""Where the per-article work runs: local worker processes or a Dask distributed cluster.

Both backends take a stream of chunks and give back results in input order, keeping at most
``in_flight`` chunks submitted at once (back-pressure: the corpus is never all in memory, only the chunks
in flight and their results). A chunk whose worker died is submitted again, up to ``MAX_ATTEMPTS`` times;
after that its articles are tried one at a time, each alone on a worker (``isolated``), so that only the
article that kills its worker is recorded (E601) and the others are stored. A chunk whose task itself
raised makes each of its articles a recorded Failure, and the run goes on. Nothing is written here: the
client, the single writer, stores what comes back.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import forkserver
from typing import TYPE_CHECKING, Any, Protocol, Union

from dateline.batch import preload
from dateline.batch.worker import Job, analyze_chunk, build, die_with_parent
from dateline.errors import BatchError, DatelineError, Errors
from dateline.model import Analysis, Article, Failure

if TYPE_CHECKING:
    from dateline.link.prepare import Prepared

Chunk = list[Article | Failure]
# An analysis comes back with its link features (``Prepared``, a forward reference: not imported at run time)
# from a run that links (``Job.prepare``).
Result = Union[Analysis, Failure, "Prepared"]

# A chunk is tried this many times in all: a worker killed once (OOM killer, a lost node) should not cost
# its articles, but a chunk that kills every worker it lands on must not loop for ever. Dask's own default
# for the same decision (distributed.scheduler.allowed-failures) is 3.
MAX_ATTEMPTS = 3
# Local pool processes are replaced after this many chunks. spaCy's StringStore only grows as new words
# are seen, so a long-lived worker's memory creeps up with corpus size; recycling keeps it flat, and
# reloading the model (about a second) every few thousand articles costs well under 1% of the run.
CHUNKS_PER_CHILD = 100
# How local worker processes start (``LocalBackend``).
START_METHOD = "forkserver"


class Backend(Protocol):
    def results(self, chunks: Iterable[Chunk]) -> Iterator[Result]: ...

    def close(self) -> None: ...


@dataclass
class _Task:
    chunk: Chunk
    future: Any
    generation: int  # which incarnation of the worker pool the future belongs to
    attempts: int = 1


def _succeeded(future: Any) -> bool:
    return bool(future.done() and not future.cancelled() and future.exception() is None)


def chunk_failures(chunk: Chunk, code: str, reason: str) -> list[Result]:
    """Every article of a chunk that could not be analysed, as Failures (ingest failures stay as they were)."""
    return [item if isinstance(item, Failure) else Failure(item.source_path, code, reason) for item in chunk]


class _Windowed:
    """Ordered, bounded submission shared by both backends; subclasses say how to submit and what is lost."""

    def __init__(self, job: Job, in_flight: int) -> None:
        self.job = job
        self.in_flight = max(1, in_flight)
        self.generation = 0

    def submit(self, chunk: Chunk) -> Any:
        raise NotImplementedError

    def lost_worker(self, exc: BaseException) -> bool:
        """True when ``exc`` means the worker died (the chunk may be retried), not that the chunk failed."""
        raise NotImplementedError

    def failure_code(self, exc: BaseException) -> str:
        """E601 when workers kept dying on a chunk, E602 when the chunk's task itself raised."""
        return Errors.E602.code

    def recover(self, window: deque[_Task], lost: _Task) -> None:
        """After ``lost``'s worker died: make the backend usable again and resubmit what was lost."""

    def run_alone(self, chunk: Chunk) -> list[Result]:
        """Analyse ``chunk`` with nothing else on its worker, so that a death is the chunk's own doing."""
        raise NotImplementedError

    def isolated(self, chunk: Chunk, attempts: int) -> Iterator[Result]:
        """The articles of a chunk whose workers kept dying, each tried alone: a worker that dies with one
        article on it was killed by that article (E601), and every other article is analysed and stored.
        A chunk in flight beside the killer also loses its worker each time, so it may end up here too."""
        for item in chunk:
            if isinstance(item, Failure):
                yield item
                continue
            try:
                yield from self.run_alone([item])
            except Exception as exc:
                if self.lost_worker(exc) or self.failure_code(exc) == Errors.E601.code:
                    reason = Errors.E601.format(attempts=attempts + 1, error=exc)
                    yield Failure(item.source_path, Errors.E601.code, reason)
                else:
                    reason = Errors.E602.format(error_type=type(exc).__name__, error=exc)
                    yield Failure(item.source_path, Errors.E602.code, reason)

    def close(self) -> None:
        raise NotImplementedError

    def results(self, chunks: Iterable[Chunk]) -> Iterator[Result]:
        window: deque[_Task] = deque()
        for chunk in chunks:
            future = self.submit(chunk)
            window.append(_Task(chunk, future, self.generation))
            if len(window) >= self.in_flight:
                yield from self._collect(window)
        while window:
            yield from self._collect(window)

    def _collect(self, window: deque[_Task]) -> Iterator[Result]:
        """Wait for the oldest chunk (results stay in input order) and yield its results."""
        while True:
            task = window[0]
            try:
                results: list[Result] = task.future.result()
            except Exception as exc:
                lost = self.lost_worker(exc)
                if lost and task.attempts < MAX_ATTEMPTS:
                    self.recover(window, task)
                    continue
                window.popleft()
                if lost or self.failure_code(exc) == Errors.E601.code:
                    yield from self.isolated(task.chunk, task.attempts)
                    return
                reason = Errors.E602.format(error_type=type(exc).__name__, error=exc)
                yield from chunk_failures(task.chunk, Errors.E602.code, reason)
                return
            window.popleft()
            yield from results
            return


class LocalBackend(_Windowed):
    """``--workers N``: N processes forked from a fork server that has loaded the pipeline once.

    Not ``fork`` from the client: the client holds a database engine and, once the pool runs, the executor's
    own threads (and ``fork`` cannot replace recycled workers). Not ``spawn``: each spawned worker imported
    spaCy and dateline and loaded the model itself, ~1.4 CPU s per worker start (bench/RESULTS.md, session 12).
    The fork server is started (fork + exec, like spawn) from the client with only ``batch.preload`` to import,
    which builds this job's pipeline; workers are forked from that single-threaded process, so each starts with
    the model in memory, as bare spaCy's forked ``n_process`` children do. ``close`` stops the server and waits
    for it: its workers' CPU time, which it reaps, then counts among the client's children
    (``RUSAGE_CHILDREN``, ``/usr/bin/time``) like a spawned worker's did, and no process outlives the run.
    """

    def __init__(self, job: Job, workers: int, in_flight: int) -> None:
        super().__init__(job, in_flight)
        self.workers = workers
        _start_fork_server(job)
        self.pool = self._start(workers)
        # A job whose extractors this process left unresolved (``Job.extractors`` None) is built by a worker
        # first, so that a pipeline that cannot be built stops the run with its own error, as it would have
        # here, instead of failing every chunk; read when the first results are, or at the end of a run that
        # had none (nothing new to analyse), which must stop all the same (``results``).
        self.check: Future[None] | None = None
        if job.extractors is None:
            self.check = self.pool.submit(build, job)
        # One process for articles tried alone (``isolated``), started when first needed: apart from the
        # pool, so that an article that kills it breaks nothing else in flight.
        self.alone: ProcessPoolExecutor | None = None

    @staticmethod
    def _start(workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context(START_METHOD),
            max_tasks_per_child=CHUNKS_PER_CHILD,
            initializer=die_with_parent,
            initargs=(os.getpid(),),
        )

    def results(self, chunks: Iterable[Chunk]) -> Iterator[Result]:
        for result in super().results(chunks):
            self._checked()
            yield result
        self._checked()

    def _checked(self) -> None:
        """Raise the job's build error (``self.check``), once; a worker that died building it raises nothing
        here: the chunks' own retries and failures say what happened."""
        check, self.check = self.check, None
        if check is None:
            return
        try:
            check.result()
        except BrokenProcessPool:
            return
        except DatelineError as exc:
            raise exc from None

    def submit(self, chunk: Chunk) -> Future[list[Result]]:
        try:
            return self.pool.submit(analyze_chunk, self.job, chunk)
        except BrokenProcessPool:
            # A process died while every submitted chunk was already done: nothing to resubmit but this.
            self._restart()
            return self.pool.submit(analyze_chunk, self.job, chunk)

    def _restart(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._start(self.workers)
        self.generation += 1

    def run_alone(self, chunk: Chunk) -> list[Result]:
        if self.alone is None:
            self.alone = self._start(1)
        try:
            return self.alone.submit(analyze_chunk, self.job, chunk).result()
        except BrokenProcessPool:
            self.alone.shutdown(wait=False, cancel_futures=True)
            self.alone = None
            raise

    def lost_worker(self, exc: BaseException) -> bool:
        return isinstance(exc, BrokenProcessPool)

    def recover(self, window: deque[_Task], lost: _Task) -> None:
        # A dead process breaks the whole pool: every unfinished future of that pool fails. Start a new
        # pool (unless one was started already) and resubmit the chunks the old pools did not finish;
        # those that did finish keep their results.
        if lost.generation == self.generation:
            self._restart()
        for task in window:
            if task.generation != self.generation and not _succeeded(task.future):
                task.attempts += 1
                task.future = self.submit(task.chunk)
                task.generation = self.generation

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        if self.alone is not None:
            self.alone.shutdown(wait=True, cancel_futures=True)
        _stop_fork_server()


def _start_fork_server(job: Job) -> None:
    """Start this process's fork server with ``job``'s pipeline preloaded (``batch.preload``). The job travels
    in the server's environment, set only while it starts; a server already running is stopped first, as it
    may hold another job's pipeline."""
    _stop_fork_server()
    multiprocessing.get_context(START_METHOD).set_forkserver_preload([preload.__name__])
    before = os.environ.get(preload.JOB_VARIABLE)
    os.environ[preload.JOB_VARIABLE] = preload.encode(job)
    try:
        forkserver.ensure_running()
    finally:
        if before is None:
            del os.environ[preload.JOB_VARIABLE]
        else:
            os.environ[preload.JOB_VARIABLE] = before


def _stop_fork_server() -> None:
    """Stop this process's fork server, if one runs, and wait for it (reaping it). multiprocessing has no
    public call for this (its own tests use ``_stop``); where it is missing the server exits with the client,
    as it always does, and only its CPU time goes unreported."""
    stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)
    if callable(stop):
        stop()


class DaskBackend(_Windowed):
    """``--cluster ADDRESS``: chunks run on a Dask distributed cluster.

    The scheduler itself reschedules a task whose worker died (up to ``allowed-failures`` times, then it
    raises KilledWorker); ``retries`` also re-runs a task that raised, for transient errors such as a
    worker running out of memory mid-task.
    """

    def __init__(self, job: Job, address: str, in_flight_per_worker: int) -> None:
        from distributed import Client

        try:
            self.client = Client(address, timeout="30s", set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise BatchError(Errors.E603, address=address, error=exc) from exc
        workers = max(1, len(self.client.scheduler_info(n_workers=-1).get("workers", {})))
        super().__init__(job, workers * in_flight_per_worker)

    def submit(self, chunk: Chunk) -> Any:
        # pure=False: two equal chunks (a re-run) are distinct tasks; hashing articles to find out is waste.
        return self.client.submit(analyze_chunk, self.job, chunk, pure=False, retries=MAX_ATTEMPTS - 1)

    def run_alone(self, chunk: Chunk) -> list[Result]:
        # The scheduler blames a worker's death on the tasks it was running: one article per task is enough.
        result: list[Result] = self.client.submit(analyze_chunk, self.job, chunk, pure=False).result()
        return result

    def lost_worker(self, exc: BaseException) -> bool:
        # The scheduler has already retried a killed worker's task as often as it allows.
        return False

    def failure_code(self, exc: BaseException) -> str:
        from distributed import KilledWorker

        return (Errors.E601 if isinstance(exc, KilledWorker) else Errors.E602).code

    def close(self) -> None:
        self.client.close()
