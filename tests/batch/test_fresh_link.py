"""A run links the articles it has just stored from memory, up to a bound, and reads back only the rest: the
database is the one a run without linking followed by ``link_pending`` makes, every table row for row."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.batch import run as batch_run
from dateline.batch import run_corpus
from dateline.batch.worker import Job, analyze_chunk
from dateline.ingest import iter_documents
from dateline.link import Fresh, link_pending
from dateline.link.prepare import ArticleFeatures, Prepared, prepare, unwrapped
from dateline.model import Analysis, Article
from dateline.pipeline import Pipeline
from dateline.store import Store
from tests.conftest import CORPUS, require_shared
from tests.link.test_fresh import all_tables

EXTRACTORS = ["entities.rules", "statements.combined", "claims.rules", "times.rules"]


def test_run_links_from_memory_up_to_the_bound(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = require_shared(CORPUS / "allsides-article-bias" / "jsons", at_least=6)
    files = sorted(str(p) for p in Path(folder).iterdir())[:6]
    articles = [d for d in iter_documents(files) if isinstance(d, Article)]
    pipeline = Pipeline(EXTRACTORS)

    reference = Store(str(tmp_path / "reference.db"))
    run_corpus([], reference, documents=articles, pipeline=pipeline, link=False)
    link_pending(reference)
    reference.close()

    # A bound a few articles' records reach: the first ones are kept, the later ones read back.
    kept: list[str] = []
    keep = Fresh.keep

    prepared: list[str] = []

    def spy(self: Fresh, analysis: Analysis, features: ArticleFeatures | None = None) -> None:
        keep(self, analysis, features)
        kept[:] = list(self.analyses)
        prepared.extend(self.features)

    monkeypatch.setattr(Fresh, "keep", spy)
    monkeypatch.setattr(batch_run, "FRESH_RECORDS", 150)
    read: list[str] = []
    analyses = Store.analyses

    def reading(self: Store, ids: list[str], **kwargs: object) -> list[Analysis]:
        read.extend(ids)
        return analyses(self, ids, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "analyses", reading)
    store = Store(str(tmp_path / "run.db"))
    summary = run_corpus([], store, documents=articles, pipeline=pipeline)
    monkeypatch.undo()
    store.close()

    assert summary.stored == len(articles)
    assert 0 < len(kept) < len(articles)
    # Every article's link features came with its analysis (worked out as it was analysed), kept past the
    # records' bound.
    assert set(prepared) == {a.id for a in articles}
    assert sorted(read) == sorted({a.id for a in articles} - set(kept))
    assert all_tables(tmp_path / "run.db") == all_tables(tmp_path / "reference.db")


def test_a_worker_of_a_linking_run_hands_back_the_link_features() -> None:
    folder = require_shared(CORPUS / "allsides-article-bias" / "jsons", at_least=2)
    files = sorted(str(p) for p in Path(folder).iterdir())[:2]
    articles = [d for d in iter_documents(files) if isinstance(d, Article)]
    pipeline = Pipeline(EXTRACTORS)
    plain = analyze_chunk(Job.of(pipeline), list(articles))
    assert all(isinstance(r, Analysis) for r in plain)
    found = analyze_chunk(Job.of(pipeline, prepare=True), list(articles))
    assert all(isinstance(r, Prepared) for r in found)
    # The same analyses, each with the features linking would work out from it.
    assert [unwrapped(r) for r in found] == plain
    assert [r.features for r in found if isinstance(r, Prepared)] == [
        prepare(a) for a in plain if isinstance(a, Analysis)
    ]
