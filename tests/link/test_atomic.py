"""Linking a batch is one transaction: the articles' "linked" marks, the link tables and the records' link
fields (``entity_id``, speakers' canonical entities) commit together, so a run stopped at any statement of it
leaves either all of them or none, and the next run links the batch as if nothing had happened."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dateline.link import link_pending
from dateline.model import Analysis
from dateline.store import Store, corpus
from dateline.store.corpus import unlinked_article_ids


class Stopped(Exception):
    """Stands for a kill at the moment it is raised."""


def _stored(db: Path, analyses: list[Analysis]) -> Store:
    store = Store(str(db))
    for analysis in analyses:
        store.write(analysis)
    return store


@pytest.mark.parametrize("where", ["update_records", "flush"])
def test_linking_stopped_midway_leaves_nothing_half_done(
    tmp_path: Path, gold_analyses: list[Analysis], monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    reference = _stored(tmp_path / "reference.db", gold_analyses)
    link_pending(reference)

    store = _stored(tmp_path / "stopped.db", gold_analyses)
    unlinked = store.fingerprint()

    def stop(*_args: Any, **_kwargs: Any) -> None:
        raise Stopped

    # The records' link fields are the last write of the batch; the link tables are flushed before them.
    target = corpus.LinkSession
    monkeypatch.setattr(target, where, stop)
    with pytest.raises(Stopped):
        link_pending(store)
    monkeypatch.undo()
    assert store.fingerprint() == unlinked
    assert len(list(unlinked_article_ids(store))) == len(gold_analyses)

    link_pending(store)
    assert store.fingerprint() == reference.fingerprint()
