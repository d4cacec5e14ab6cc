"""A run moves its start-up objects out of the cyclic garbage collector's reach once the first article is back
(``batch.run._frozen_start_up``), and gives them back when it ends unless its process ends with it."""

from __future__ import annotations

import gc
import itertools
from pathlib import Path

from dateline.batch import run_corpus
from dateline.demo import demo_corpus_path
from dateline.store import Store


def test_a_run_freezes_its_start_up_and_gives_it_back(tmp_path: Path) -> None:
    gc.unfreeze()
    seen: list[int] = []
    summary = run_corpus(
        [str(demo_corpus_path())], Store(str(tmp_path / "a.db")), progress=lambda _: seen.append(gc.get_freeze_count())
    )
    assert summary.stored == 6
    # Frozen from the first article on (the first progress call comes after its write); the count only falls
    # after that, as frozen objects are freed (a second freeze would take in every object made since).
    assert seen[0] > 0
    assert all(later <= earlier for earlier, later in itertools.pairwise(seen))
    assert gc.get_freeze_count() == 0


def test_the_command_line_keeps_them_frozen(tmp_path: Path) -> None:
    gc.unfreeze()
    try:
        run_corpus([str(demo_corpus_path())], Store(str(tmp_path / "b.db")), keep_frozen=True)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
