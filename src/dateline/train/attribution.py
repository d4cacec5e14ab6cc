"""Rebuild the shipped attribution tagger from PolNeAR train: ``python -m dateline.train.attribution``.

Every article of PolNeAR train (``eval-data/quotes/polnear``) is parsed, run through ``entities.rules`` and
``statements.rules`` (whose labels are features), featurised (``attribution.features``) and labelled from
its gold attributions: each token ``B-``/``I-`` of SRC, CUE or CON, or O. A cue or source inside a content
takes the cue's or source's label (nested attributions share their outer content). Words seen fewer than
``MIN_WORD_COUNT`` times in the training articles are never features, so the model holds no text.

The same inputs give the same bytes: articles in name order, the tuning slice drawn with ``SEED``,
L-BFGS (deterministic) with fixed parameters, and a manifest written with sorted keys.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.attribution.features import OUTSIDE, Item, doc_sequences
from dateline.attribution.model import MANIFEST_NAME, MODEL_NAME, file_sha256, models_dir
from dateline.evaluate import polnear
from dateline.extract.statements import quote_regions
from dateline.extract.statements_combined import rule_statements
from dateline.model import Analysis, Entity, Statement

SEED = 20_261_203
# Articles of train held out for tuning (drawn with SEED); the shipped model trains on all of train.
TUNE_SHARE = 0.15
MIN_WORD_COUNT = 20
# L-BFGS with elastic-net regularisation: c1 (L1) prunes features that do not help, c2 (L2) smooths.
PARAMS: dict[str, Any] = {
    "c1": 0.05,
    "c2": 0.01,
    "max_iterations": 60,
    "feature.possible_transitions": True,
}
DEFAULT_POLNEAR = Path("../shared/eval-data/quotes/polnear")


@dataclass(frozen=True)
class Parsed:
    """One PolNeAR article, parsed and run through the rules (what featurising needs)."""

    item: polnear.PolnearDoc
    doc: Any
    analysis: Analysis


def parse(docs: Sequence[polnear.PolnearDoc]) -> Iterator[Parsed]:
    """Each article parsed, with its entities and rule statements (as ``dateline eval`` reads it)."""
    from dateline.nlp import load_nlp
    from dateline.pipeline import Pipeline

    pipeline = Pipeline(["entities.rules", "statements.rules"])
    parsed = load_nlp().pipe((d.text for d in docs), batch_size=pipeline.batch_size)
    for item, doc in zip(docs, parsed, strict=True):
        result = pipeline.analyze(polnear.as_article(item), doc)
        if isinstance(result, Analysis):
            yield Parsed(item, doc, result)


def rules_of(parsed: Parsed) -> list[Statement]:
    """The rules' statements (rerun from the entities, so a cached parse gives today's rules)."""
    entities = tuple(r for r in parsed.analysis.records if isinstance(r, Entity))
    return rule_statements(parsed.analysis.article, parsed.doc, Analysis(parsed.analysis.article, entities))


def gold_labels(doc: Any, gold: Sequence[polnear.Attribution]) -> list[str]:
    """BIO labels from the gold attributions: contents first, then sources and cues over them."""
    roles = [""] * len(doc)
    opens = [False] * len(doc)
    for role, attr in (("CON", "content"), ("SRC", "source"), ("CUE", "cue")):
        for attribution in gold:
            for start, end in getattr(attribution, attr):
                first = True
                for token in doc.char_span(start, end, alignment_mode="expand") or ():
                    if token.idx >= end or token.idx + len(token) <= start:
                        continue
                    roles[token.i] = role
                    opens[token.i] = first
                    first = False
    labels = []
    for i, role in enumerate(roles):
        if not role:
            labels.append(OUTSIDE)
        else:
            begin = opens[i] or i == 0 or roles[i - 1] != role
            labels.append(("B-" if begin else "I-") + role)
    return labels


def vocabulary(parsed: Sequence[Parsed]) -> frozenset[str]:
    """Words and lemmas frequent enough in the training articles to be features."""
    counts: Counter[str] = Counter()
    for p in parsed:
        for token in p.doc:
            counts[token.lower_] += 1
            if token.lemma_.lower() != token.lower_:
                counts[token.lemma_.lower()] += 1
    return frozenset(w for w, n in counts.items() if n >= MIN_WORD_COUNT)


def examples(parsed: Sequence[Parsed], vocab: frozenset[str]) -> Iterator[tuple[list[Item], list[str]]]:
    """(features, labels) per sentence, in article order."""
    for p in parsed:
        labels = gold_labels(p.doc, p.item.gold)
        bounds, sequences = doc_sequences(p.doc, quote_regions(p.item.text), rules_of(p), vocab)
        for (start, end), sequence in zip(bounds, sequences, strict=True):
            yield sequence, labels[start:end]


def train(parsed: Sequence[Parsed], out: Path, params: dict[str, Any] | None = None) -> str:
    """Train on ``parsed``, write the model and its manifest into ``out``; returns the model's sha256."""
    import pycrfsuite

    out.mkdir(parents=True, exist_ok=True)
    vocab = vocabulary(parsed)
    trainer = pycrfsuite.Trainer(verbose=False)
    for sequence, labels in examples(parsed, vocab):
        trainer.append(sequence, labels)
    trainer.set_params(params or PARAMS)
    model = out / MODEL_NAME
    trainer.train(str(model))
    sha = file_sha256(model)
    manifest = {
        "sha256": sha,
        "trained_on": "PolNeAR v1.0 train",
        "articles": len(parsed),
        "articles_sha256": hashlib.sha256("\n".join(p.item.name for p in parsed).encode()).hexdigest(),
        "params": params or PARAMS,
        "min_word_count": MIN_WORD_COUNT,
    }
    (out / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return sha


def tuning_split(docs: Sequence[polnear.PolnearDoc]) -> tuple[list[polnear.PolnearDoc], list[polnear.PolnearDoc]]:
    """(fit, tune): the tuning slice is ``TUNE_SHARE`` of train, drawn with ``SEED``."""
    names = sorted(d.name for d in docs)
    tune = set(random.Random(SEED).sample(names, round(len(names) * TUNE_SHARE)))
    return [d for d in docs if d.name not in tune], [d for d in docs if d.name in tune]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR, help="PolNeAR v1.0 root")
    parser.add_argument("--out", type=Path, default=None, help="output folder (default: the shipped models)")
    parser.add_argument("--limit", type=int, default=None, help="first N train articles only")
    parser.add_argument("--fit-slice", action="store_true", help="leave the tuning slice out (for tuning)")
    args = parser.parse_args(argv)
    docs = polnear.load_split(args.polnear, "train", args.limit)
    if args.fit_slice:
        docs = tuning_split(docs)[0]
    sha = train(list(parse(docs)), args.out or models_dir())
    print(f"{MODEL_NAME} sha256 {sha} ({len(docs)} articles)")


if __name__ == "__main__":
    main()
