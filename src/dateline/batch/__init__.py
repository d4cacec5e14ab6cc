"""Running the pipeline over a corpus: in this process, over local worker processes, or on a Dask cluster.

Whatever runs the per-article work, results are written once, by a single writer (this process).
"""

from dateline.batch.run import RunSummary, run_corpus

__all__ = ["RunSummary", "run_corpus"]
