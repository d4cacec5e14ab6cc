"""Tests of corpus runs over worker processes, and their helpers."""

import psutil


def is_pool_worker(process: psutil.Process) -> bool:
    """A local pool worker: forked from the run's fork server (``LocalBackend``), it shows the server's command
    line, and so does its parent (the server itself does not: its parent is the run)."""
    try:
        parent = process.parent()
        return parent is not None and all("forkserver" in " ".join(p.cmdline()) for p in (process, parent))
    except psutil.Error:
        return False
