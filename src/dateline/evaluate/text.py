"""Text normalisation and matching helpers shared by the evaluation adapters.

The comparison rules are those of the gold format (docs/evaluation.md): text is compared after
Unicode NFKC, case folding, curly-to-straight quotes and collapsed white space; YAML dates compare in their
ISO 8601 form; items are paired one-to-one, greedily, best overlap first.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import product
from typing import Any

from dateline.normalize import char_class, fold, straighten

_WORD = re.compile(r"\w+")


def normalize(text: object) -> str:
    """The comparison form of a text (gold is typed with straight quotes, articles mostly use curly ones)."""
    return fold(str(text))


def tokens(text: str) -> list[str]:
    """Word tokens of the normalised text (punctuation dropped)."""
    return _WORD.findall(normalize(text))


def token_f1(a: str, b: str) -> float:
    """Bag-of-words F1 between two texts (the SQuAD answer-overlap measure)."""
    left, right = Counter(tokens(a)), Counter(tokens(b))
    common = sum((left & right).values())
    if common == 0:
        return 0.0
    return f1_score(common / sum(right.values()), common / sum(left.values()))


def iso(value: Any) -> Any:
    """YAML values with dates turned into ISO 8601 strings (recursively), so they compare as text."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: iso(v) for k, v in value.items()}
    if isinstance(value, list):
        return [iso(v) for v in value]
    return value


def find_spans(needle: str, haystack: str) -> list[tuple[int, int]]:
    """Where ``needle`` occurs in ``haystack``, case-insensitively, with any white space and either quote style.

    Gold annotates text, not offsets; this locates it in the article so it can be compared with a record's spans.
    """
    parts = [
        "".join(char_class(ch) for ch in word) for word in straighten(unicodedata.normalize("NFKC", needle)).split()
    ]
    if not parts:
        return []
    # \b only where the needle itself starts/ends with a word character, so "20" does not hit "2020".
    head = r"\b" if needle.strip()[:1].isalnum() else ""
    tail = r"\b" if needle.strip()[-1:].isalnum() else ""
    pattern = re.compile(head + r"\s+".join(parts) + tail, re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(haystack)]


def overlap(a: Iterable[tuple[int, int]], b: Iterable[tuple[int, int]]) -> float:
    """The best Jaccard overlap (shared characters / covered characters) between any span of ``a`` and of ``b``."""
    best = 0.0
    right = list(b)
    for start, end in a:
        for other_start, other_end in right:
            shared = min(end, other_end) - max(start, other_start)
            if shared > 0:
                best = max(best, shared / (max(end, other_end) - min(start, other_start)))
    return best


@lru_cache(maxsize=4096)
def lemma(text: str) -> str:
    """The normalised lemmas of a short text ("elderly citizens" -> "elderly citizen"), by the pinned spaCy model."""
    from dateline.nlp import load_nlp

    return " ".join(
        normalize(token.lemma_ or token.text) for token in load_nlp()(normalize(text)) if not token.is_punct
    )


def greedy_match(n_gold: int, n_pred: int, score: Callable[[int, int], float | None]) -> list[tuple[int, int, float]]:
    """A one-to-one pairing, best-scoring pairs first (ties by position, so it is deterministic).

    ``score(g, p)`` is ``None`` when gold item ``g`` and prediction ``p`` do not match at all.
    Returns ``(gold index, predicted index, score)`` triples.
    """
    candidates = sorted(
        ((s, g, p) for g, p in product(range(n_gold), range(n_pred)) if (s := score(g, p)) is not None),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for s, g, p in candidates:
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append((g, p, s))
    return pairs


def prf(tp_gold: int, gold: int, tp_pred: int, predicted: int) -> tuple[float, float, float]:
    """Precision, recall and F1. Empty gold and no predictions is perfect; no gold gives recall 1, no predictions
    precision 0."""
    if gold == 0 and predicted == 0:
        return 1.0, 1.0, 1.0
    precision = tp_pred / predicted if predicted else 0.0
    recall = tp_gold / gold if gold else 1.0
    return precision, recall, f1_score(precision, recall)


def f1_score(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall, 0 when both are 0."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def rates(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``hits`` true positives; a zero denominator gives 0 (unlike ``prf``)."""
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    return precision, recall, f1_score(precision, recall)
