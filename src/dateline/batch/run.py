"""The corpus run: ingest -> skip what is stored -> pipeline -> store, with a summary of what happened."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from dateline.ingest import iter_documents
from dateline.model import Analysis, Article, Failure
from dateline.pipeline import Pipeline
from dateline.store import Store

ProgressFn = Callable[[Analysis | Failure | Article], None]


@dataclass
class RunSummary:
    """What a run did: documents seen, stored, skipped as already stored, failed; records by kind."""

    documents: int = 0
    stored: int = 0
    already_stored: int = 0
    failures: list[Failure] = field(default_factory=list)
    records: dict[str, int] = field(default_factory=dict)

    def add(self, analysis: Analysis) -> None:
        for kind, n in analysis.counts().items():
            self.records[kind] = self.records.get(kind, 0) + n

    def to_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "stored": self.stored,
            "already_stored": self.already_stored,
            "failed": len(self.failures),
            "records": dict(sorted(self.records.items())),
            "failures": [f.to_dict() for f in self.failures],
        }


def _unstored(items: Iterable[Article | Failure], store: Store, summary: RunSummary, progress: ProgressFn | None) -> Iterator[Article | Failure]:
    for item in items:
        summary.documents += 1
        if isinstance(item, Article) and store.has_article(item.id):
            summary.already_stored += 1
            if progress:
                progress(item)
            continue
        yield item


def run_corpus(
    paths: Sequence[str],
    store: Store,
    *,
    pipeline: Pipeline | None = None,
    progress: ProgressFn | None = None,
    documents: Iterable[Article | Failure] | None = None,
) -> RunSummary:
    """Analyse every document under ``paths`` (or the given ``documents``) into ``store``."""
    pipeline = pipeline or Pipeline()
    summary = RunSummary()
    items = documents if documents is not None else iter_documents(paths)
    for result in pipeline.run(_unstored(items, store, summary, progress)):
        if isinstance(result, Failure):
            store.write_failure(result)
            summary.failures.append(result)
        else:
            if store.write(result):
                summary.stored += 1
                summary.add(result)
            else:
                summary.already_stored += 1
        if progress:
            progress(result)
    return summary
