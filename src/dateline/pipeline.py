"""The per-article pipeline: Article -> spaCy Doc -> registered extractors -> Analysis.

Extractors run in the order their requirements impose (``registry.resolve``). Every record they yield is
stamped with the extractor's registered name (``name.vN``) and checked against the article text; an extractor that fails, or yields a record whose span does not match,
turns the article into a Failure with the reason, and the run goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dateline import registry
from dateline.errors import DatelineError, Errors
from dateline.model import Analysis, Article, Failure, Record, sorted_records
from dateline.nlp import load_nlp
from dateline.nlp.model import MODEL_PACKAGE, PIPE_BATCH_SIZE, parse

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class Pipeline:
    """Extractors resolved once; ``run`` streams articles through spaCy and them."""

    extractors: Sequence[str] | None = None
    model: str = MODEL_PACKAGE
    batch_size: int = PIPE_BATCH_SIZE
    specs: list[registry.ExtractorSpec] = field(init=False)

    def __post_init__(self) -> None:
        self.specs = registry.resolve(self.extractors)

    @property
    def names(self) -> list[str]:
        return [s.qualified for s in self.specs]

    def analyze(self, article: Article, doc: Doc) -> Analysis | Failure:
        """Run every extractor over one parsed article."""
        records: list[Record] = []
        for spec in self.specs:
            prior = Analysis(article, tuple(records))
            try:
                made = [(record, record.id_as(spec.qualified)) for record in spec(article, doc, prior=prior)]
                ids = {record.id: new_id for record, new_id in made}
                for record, new_id in made:
                    stamped = record.stamped(spec.qualified, ids, new_id)
                    stamped.check_spans(article.text)
                    records.append(stamped)
            except DatelineError as exc:
                return Failure(article.source_path, exc.code, f"extractor {spec.qualified}: {exc.message}")
            except Exception as exc:  # an extractor bug must not stop the corpus; it is recorded instead
                reason = Errors.E110.format(extractor=spec.qualified, error_type=type(exc).__name__, error=exc)
                return Failure(article.source_path, Errors.E110.code, reason)
        return Analysis(article, sorted_records(_dedupe(records)))

    def run(self, items: Iterable[Article | Failure]) -> Iterator[Analysis | Failure]:
        """Parse articles with ``nlp.pipe`` (failures pass straight through, in order) and analyse them."""
        pending: list[Article | Failure] = []
        for item in items:
            pending.append(item)
            if len(pending) >= self.batch_size:
                yield from self._flush(pending)
                pending = []
        if pending:
            yield from self._flush(pending)

    def _flush(self, batch: list[Article | Failure]) -> Iterator[Analysis | Failure]:
        articles = [a for a in batch if isinstance(a, Article)]
        nlp = load_nlp(self.model)
        try:
            # The batch is at most ``batch_size`` long, so listing it holds no more Docs than pipe does.
            docs: list[Doc | Failure] = list(parse(nlp, [a.text for a in articles], self.batch_size))
        except Exception:
            # One article spaCy cannot take must not cost the others: parse each alone, to find which.
            docs = [self._parse_one(a) for a in articles]
        parsed = iter(docs)
        for item in batch:
            if isinstance(item, Failure):
                yield item
            else:
                doc = next(parsed)
                yield doc if isinstance(doc, Failure) else self.analyze(item, doc)

    def _parse_one(self, article: Article) -> Doc | Failure:
        try:
            return next(parse(load_nlp(self.model), [article.text], 1))
        except Exception as exc:
            reason = Errors.E111.format(error_type=type(exc).__name__, error=exc)
            return Failure(article.source_path, Errors.E111.code, reason)


def _dedupe(records: list[Record]) -> list[Record]:
    seen: set[str] = set()
    out = []
    for record in records:
        if record.id not in seen:
            seen.add(record.id)
            out.append(record)
    return out


def analyze_text(text: str, *, published: str | None = None, source_path: str = "<text>") -> Analysis | Failure:
    """Analyse one plain-text report (a convenience for the Python API and tests)."""
    from dateline.ingest import article_from_text

    article = article_from_text(text, source_path=source_path, published=published)
    pipeline = Pipeline()
    return next(pipeline.run([article]))
