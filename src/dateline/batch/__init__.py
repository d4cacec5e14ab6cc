"""Running the pipeline over a corpus: in this process, over local worker processes, or on a Dask cluster.

Whatever runs the per-article work, results are written once, by a single writer (this process).

``run_corpus`` and ``RunSummary`` are imported from ``batch.run`` on first use, not with the package: a worker
process imports ``dateline.batch.worker`` (its task function lives there), and importing the client's side
with it would load the store (SQLAlchemy, Alembic) and the readers into every worker for nothing -- about
0.35 CPU s per worker start (``python -X importtime``; bench/RESULTS.md, session 12).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dateline.batch.run import RunSummary, run_corpus

__all__ = ["RunSummary", "run_corpus"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from dateline.batch import run

        return getattr(run, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
