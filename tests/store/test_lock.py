"""The writer lock: a second writer on the same database waits, told why, until the first is done."""

from __future__ import annotations

import threading
import time

from dateline.store import Store


def test_second_writer_waits_for_the_first(store_url: str) -> None:
    first, second = Store(store_url), Store(store_url)
    events: list[str] = []

    def write() -> None:
        with second.writer_lock(events.append):
            events.append("acquired")

    with first.writer_lock():
        thread = threading.Thread(target=write)
        thread.start()
        deadline = time.monotonic() + 30
        while not events and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.2)
        assert len(events) == 1 and "another dateline process is writing" in events[0], events
    thread.join(timeout=30)
    assert events[-1] == "acquired"
    first.close()
    second.close()
