"""What linking works out from one article alone, computed where the article is analysed.

Linking is the serial step of a run (one writer), the pipeline the parallel one. Everything linking derives
from a single article's text and records -- its words, its MinHash signature and LSH band keys, its story
keywords and figures (and the capitalised names that stand in for entities when it has none), each statement's
content words -- depends on nothing stored, so it is computed with the analysis (in the worker processes, in
parallel with spaCy; in the writing loop for one process) and handed to linking with the records
(``Prepared``, ``Fresh.keep``). Linking then does only the look-ups, the judgements and the writes. An article
linked without them (``dateline link``, a killed run's articles, one past ``Fresh``'s bound) has them computed
on the spot by ``prepare``: the same values either way, so the same links.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import numpy as np

from dateline.link import duplicates, stories
from dateline.link.text import content_words, top_content_words, words
from dateline.model import Analysis, Article, Entity, Failure, Statement


@dataclass(frozen=True)
class ArticleFeatures:
    """The per-article inputs of linking (see the module docstring). Small: about 3.6 KB an article in memory
    (2.4 KB pickled; 150 AllSides reports), so a run can hold those of tens of thousands of articles
    (``batch.run.FRESH_FEATURES``)."""

    # The MinHash signature as little-endian uint32 bytes (512 bytes, not 128 Python ints: ~5 KB), or None
    # for a text too short to call a copy (``duplicates.MIN_WORDS``).
    signature: bytes | None
    # The story keywords (``stories.N_KEYWORDS``), and the report's figures.
    keywords: tuple[str, ...]
    figures: tuple[str, ...]
    # Capitalised words standing in for entities, only for an article with no entity records (else empty).
    text_names: tuple[str, ...]
    # Each statement's sorted distinct content words, by record id (``statements.link``).
    statement_words: Mapping[str, tuple[str, ...]]

    def minhash(self) -> list[int] | None:
        """The signature's values, as ``duplicates.signature`` gives them."""
        if self.signature is None:
            return None
        return [int(v) for v in np.frombuffer(self.signature, dtype="<u4")]


def prepare(analysis: Analysis) -> ArticleFeatures:
    """``analysis``'s ``ArticleFeatures`` (its text tokenized once, for the shingles and the keywords)."""
    article = analysis.article
    tokens = words(article.text)
    values = duplicates.signature(tokens)
    has_entities = any(isinstance(r, Entity) for r in analysis.records)
    return ArticleFeatures(
        signature=None if values is None else np.asarray(values, dtype="<u4").tobytes(),
        keywords=tuple(top_content_words(tokens, stories.N_KEYWORDS)),
        figures=tuple(stories.text_figures(article.text)),
        text_names=() if has_entities else tuple(stories.text_names(article.text)),
        statement_words={
            r.id: tuple(sorted(set(content_words(r.content)))) for r in analysis.records if isinstance(r, Statement)
        },
    )


@dataclass(frozen=True)
class Prepared:
    """An analysis with its ``ArticleFeatures``, as a worker hands it to the client (``batch.worker``)."""

    analysis: Analysis
    features: ArticleFeatures


def prepared(results: Iterable[Analysis | Failure]) -> Iterator[Prepared | Failure]:
    """Each analysis of ``results`` with its features; failures as they are."""
    for result in results:
        yield result if isinstance(result, Failure) else Prepared(result, prepare(result))


def unwrapped(result: Prepared | Analysis | Failure | Article) -> Analysis | Failure | Article:
    """The analysis a ``Prepared`` holds; anything else as it is."""
    return result.analysis if isinstance(result, Prepared) else result
