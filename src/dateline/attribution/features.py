"""Token features for the attribution tagger: one ``{name: value}`` map per token of a sentence.

The tagger labels each token ``B-``/``I-`` of ``SRC`` (source), ``CUE`` or ``CON`` (content), or ``O``.
Features are what the parse and the lexicon say about a token and its neighbours: lower-case word and lemma
(only frequent words carry weight in a trained model: rare ones never reach it, see ``train.attribution``),
shape, part of speech, dependency, its head, whether it stands inside quotation marks, whether its lemma is
a listed cue, and the label the rules gave it (so the model learns where to trust them).

Each token's own features are built once per document, then windows copy them with an offset prefix, so
the cost is linear in the tokens.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, LOWER, POS, SENT_START, SHAPE, TAG

from dateline.extract.statements import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dateline.model import Statement

OUTSIDE = "O"
ROLES = ("SRC", "CUE", "CON")
# Neighbours whose features a token sees, and which of their features: the parse, the lexicon, the rules.
WINDOW = (-2, -1, 1, 2)
WINDOW_KEYS = ("p", "d", "w", "cue", "r", "q")
OFFSET_NAMES = {offset: str(offset) for offset in WINDOW}
# What a token at a sentence edge sees in place of a missing neighbour.
EDGE = {"edge": 1.0}
# How far up the tree a token looks for a governing cue ("said that [the plan ... failed]").
MAX_ANCESTORS = 4


def cue_kind(lemma: str, lex: Lexicon) -> str:
    """Which kind of cue the lexicon lists ``lemma`` as: a verb, a noun, a source preposition, or none."""
    if lemma in lex.cue_lemmas:
        return "v"
    if lemma in lex.nouns:
        return "n"
    if lemma in lex.prepositions:
        return "p"
    return ""


def token_offsets(doc: Doc) -> list[int]:
    """Each token's character offset."""
    offsets: list[int] = doc.to_array(IDX).tolist() if len(doc) else []
    return offsets


def rule_labels(doc: Doc, statements: Sequence[Statement], starts: Sequence[int]) -> list[str]:
    """The BIO role the rules' statements give each token (speaker, cue, content); ``O`` elsewhere."""
    labels = [OUTSIDE] * len(doc)
    for statement in statements:
        spans = (
            ("CON", statement.content_span),
            ("SRC", statement.speaker.span),
            ("CUE", statement.cue_span),
        )
        for role, span in spans:
            if span is None:
                continue
            first = bisect.bisect_right(starts, span.start) - 1
            last = bisect.bisect_left(starts, span.end)
            for i in range(max(first, 0), last):
                labels[i] = ("B-" if i == max(first, 0) or labels[i - 1][2:] != role else "I-") + role
    return labels


def in_quotes(offsets: Sequence[int], regions: Sequence[tuple[int, int]]) -> list[bool]:
    """Whether each token (by its offset) lies inside a quotation (``statements.quote_regions``)."""
    out = []
    starts = [r[0] for r in regions]
    for offset in offsets:
        i = bisect.bisect_right(starts, offset) - 1
        out.append(i >= 0 and regions[i][0] <= offset < regions[i][1])
    return out


Item = dict[str, object]


def _governing_cue(i: int, heads: Sequence[int], deps: Sequence[str], cue_kinds: Sequence[str]) -> str:
    """The relation through which the nearest cue above token ``i`` governs it ("ccomp", "nsubj", ...)."""
    child, node = i, heads[i]
    for _ in range(MAX_ANCESTORS):
        if node == child:
            return ""
        if cue_kinds[node]:
            return deps[child]
        child, node = node, heads[node]
    return ""


def token_features(
    doc: Doc,
    quoted: Sequence[bool],
    rules: Sequence[str],
    bounds: Sequence[tuple[int, int]],
    vocab: frozenset[str] | None = None,
) -> tuple[list[Item], list[Item]]:
    """The own features of each token in the sentences ``bounds`` and the subset its neighbours see, as
    ``{key: value}`` maps (crfsuite names a feature ``key:value``); other tokens get an empty map. Read
    column-wise from the Doc's arrays: no Token objects."""
    lex = Lexicon.load()
    strings = doc.vocab.strings
    names: dict[int, str] = {}

    def column(values: list[int]) -> list[str]:
        # Each distinct string is looked up once; the column is then a C-level map over the token values.
        for value in set(values).difference(names):
            names[value] = strings[value] if value else ""
        return list(map(names.__getitem__, values))

    if not len(doc):
        return [], []
    array = doc.to_array([LOWER, LEMMA, SHAPE, POS, TAG, DEP, ENT_TYPE]).T.tolist()
    lowers, lemmas, shapes, pos, tags, deps, ents = (column(c) for c in array)
    offsets, sent_starts = doc.to_array([HEAD, SENT_START]).astype("int64").T.tolist()
    heads = [i + offset for i, offset in enumerate(offsets)]
    starts = ["1" if start == 1 else "" for start in sent_starts]
    lemmas = [lemma.lower() for lemma in lemmas]
    kinds = {lemma: cue_kind(lemma, lex) for lemma in set(lemmas)}
    cue_kinds = list(map(kinds.__getitem__, lemmas))
    if vocab is not None:
        lowers = [w if w in vocab else "" for w in lowers]
        lemmas = [w if w in vocab else "" for w in lemmas]
    own: list[Item] = [{}] * len(doc)
    seen: list[Item] = [{}] * len(doc)
    for i in (i for start, end in bounds for i in range(start, end)):
        h = heads[i]
        values = {
            "w": lowers[i],
            "l": lemmas[i],
            "s": shapes[i][:4],
            "p": pos[i],
            "t": tags[i],
            "d": deps[i],
            "hl": lemmas[h],
            "hp": pos[h],
            "hd": deps[h],
            "e": ents[i],
            "q": "1" if quoted[i] else "0",
            "cue": cue_kinds[i],
            "hcue": cue_kinds[h],
            "gov": _governing_cue(i, heads, deps, cue_kinds),
            "r": rules[i],
            "ss": starts[i],
        }
        own[i] = {k: v for k, v in values.items() if v}
        seen[i] = {k: values[k] for k in WINDOW_KEYS if values[k]}
    return own, seen


def sentence_features(own: Sequence[Item], seen: Sequence[Item], start: int, end: int) -> list[Item]:
    """The items of tokens ``start..end`` (a sentence): own features, neighbours' under their offset."""
    out = []
    for i in range(start, end):
        item: Item = {"bias": 1.0, **own[i]}
        for offset in WINDOW:
            j = i + offset
            item[OFFSET_NAMES[offset]] = seen[j] if start <= j < end else EDGE
        item["rr"] = f"{own[i].get('r', OUTSIDE)}|{own[i - 1].get('r', OUTSIDE) if i > start else ''}"
        out.append(item)
    return out


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges ``[start, end)`` of the Doc's sentences: the tagger's sequences."""
    return [(sent.start, sent.end) for sent in doc.sents]


def doc_sequences(
    doc: Doc,
    regions: Sequence[tuple[int, int]],
    statements: Sequence[Statement],
    vocab: frozenset[str] | None = None,
    *,
    unruled: bool = False,
) -> tuple[list[tuple[int, int]], list[list[Item]]]:
    """The Doc's sentences and, for each, its tokens' features. ``vocab`` (training only) blanks the words
    and lemmas outside it, so that rare words never become features. ``unruled`` keeps only the sentences
    where the rules found nothing (all that ``statements.combined`` can add to)."""
    offsets = token_offsets(doc)
    rules = rule_labels(doc, statements, offsets)
    bounds = sentence_bounds(doc)
    if unruled:
        bounds = [(start, end) for start, end in bounds if all(r == OUTSIDE for r in rules[start:end])]
    own, seen = token_features(doc, in_quotes(offsets, regions), rules, bounds, vocab)
    return bounds, [sentence_features(own, seen, start, end) for start, end in bounds]
