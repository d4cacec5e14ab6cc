"""Text normalisation and matching helpers shared by the evaluation adapters.

The comparison rules are those of the gold format (docs/evaluation.md): text is compared after
Unicode NFKC, case folding, curly-to-straight quotes and collapsed white space; YAML dates compare in their
ISO 8601 form; items are paired one-to-one, greedily, best overlap first (``greedy_match``), or for the
largest total weight (``best_assignment``). Ties are broken by what the items say (``record_key``: spans, then
text, then every other field), never by record ids or by the order records come from the pipeline or the store,
so that a figure does not move when only an extractor version (and with it every id) does.
"""

from __future__ import annotations

import datetime as dt
import json
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


# Fields that hold another record's id (or the record's own, or its article's): a content key leaves them out,
# since ids change with every extractor version while the content they point to need not.
_ID_FIELDS = frozenset({"id", "article_id", "entity_id", "place_id", "statement_id", "part_of", "attributed_to"})


def _without_ids(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_ids(v) for k, v in value.items() if k not in _ID_FIELDS}
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value


def record_key(record: Any) -> tuple[tuple[tuple[int, int], ...], str, str]:
    """An order for records that depends only on what they say: their spans, then their text, then every other
    field, with ids left out. Two records with the same key are interchangeable to every scorer here."""
    spans = tuple((s.start, s.end) for s in record.spans)
    body = _without_ids(record.to_dict())
    return (spans, record.spans[0].text, json.dumps(body, sort_keys=True, default=str))


def greedy_match(
    n_gold: int,
    n_pred: int,
    score: Callable[[int, int], float | None],
    pred_key: Callable[[int], Any] | None = None,
) -> list[tuple[int, int, float]]:
    """A one-to-one pairing, best-scoring pairs first. Ties go by gold position (the gold file's own order),
    then by ``pred_key(p)`` when given (``record_key`` of the prediction: what it says, not its id or its place
    in the list, so shuffled or renamed predictions pair the same), then by predicted position.

    ``score(g, p)`` is ``None`` when gold item ``g`` and prediction ``p`` do not match at all.
    Returns ``(gold index, predicted index, score)`` triples.
    """
    # Without a key every prediction's is the same, and ties fall to predicted position alone.
    keys: list[Any] = [pred_key(p) for p in range(n_pred)] if pred_key is not None else [()] * n_pred
    candidates = sorted(
        ((s, g, p) for g, p in product(range(n_gold), range(n_pred)) if (s := score(g, p)) is not None),
        key=lambda c: (-c[0], c[1], keys[c[2]], c[2]),
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


def best_assignment(weights: list[list[int]]) -> list[tuple[int, int]]:
    """The one-to-one pairing of rows with columns that maximises the total weight (the Hungarian method,
    Kuhn 1955, in its O(n^2 m) form); pairs of weight 0 are left out. Weights are integers, so the optimum is
    exact; among equal optima the result follows the row and column order, which callers make depend on
    content only. Written out here rather than taken from scipy, which is no direct dependency."""
    if not weights or not weights[0]:
        return []
    transpose = len(weights) > len(weights[0])
    rows = [list(col) for col in zip(*weights, strict=True)] if transpose else weights
    n, m = len(rows), len(rows[0])
    top = max(max(row) for row in rows)
    cost = [[top - w for w in row] for row in rows]  # minimise cost = maximise weight
    u, v = [0] * (n + 1), [0] * (m + 1)
    owner = [0] * (m + 1)  # owner[j]: the row (1-based) column j is given to, 0 for none
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        least = [float("inf")] * (m + 1)
        used = [False] * (m + 1)
        while owner[j0]:
            used[j0] = True
            i0, delta, j1 = owner[j0], float("inf"), 0
            for j in range(1, m + 1):
                if not used[j]:
                    reduced = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if reduced < least[j]:
                        least[j], way[j] = reduced, j0
                    if least[j] < delta:
                        delta, j1 = least[j], j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += int(delta)
                    v[j] -= int(delta)
                else:
                    least[j] -= delta
            j0 = j1
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    pairs = [(owner[j] - 1, j - 1) for j in range(1, m + 1) if owner[j]]
    pairs = [(c, r) for r, c in pairs] if transpose else pairs
    return sorted((r, c) for r, c in pairs if weights[r][c] > 0)


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
