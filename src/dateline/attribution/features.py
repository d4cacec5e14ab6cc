"""Token features for the attribution tagger: one list of attribute names per token of a sentence.

The tagger labels each token ``B-``/``I-`` of ``SRC`` (source), ``CUE`` or ``CON`` (content), or ``O``.
Features are what the parse and the lexicon say about a token and its neighbours: lower-case word and lemma
(only frequent words carry weight in a trained model: rare ones never reach it, see ``train.attribution``),
shape, part of speech, dependency, its head, whether it stands inside quotation marks, and whether its lemma
is a listed cue. The entity type is the model's own (``doc._.model_ents``, as en_core_web_sm's ``ner`` tags it,
``COARSE_TYPES`` merged), not dateline's corrected ``doc.ents`` (it was until ``FEATURES_VERSION`` 3): an entity
or office rule then never changes the features the tagger was trained on, so it needs no retrain (PolNeAR dev
and the choice of the coarse types in docs/extractors.md, "The trained tagger").
The rules' own labels are no feature (they were until ``FEATURES_VERSION`` 2): a model that reads them must be retrained
whenever the rules change, and ``statements.combined`` tags only the sentences where the rules found nothing, where
every such label is ``O``. Without them, on PolNeAR's tuning slice (c2 0.01), overlap F1 0.745 -> 0.744 (5 fewer matches
of 2,118 statements), strict 0.546 -> 0.547, source 0.908 -> 0.909 (docs/extractors.md, "The trained tagger").

Each feature is named once per distinct value in a document (``w:said``; ``-1:w:said`` as a neighbour's),
then each token's list is assembled from the names, so the cost is linear in the tokens.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import numpy
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, LOWER, POS, SENT_START, SHAPE, TAG

from dateline.extract.statements import Lexicon
from dateline.extract.statements.cues import listable_positions
from dateline.extract.statements.quotes import tagger_regions
from dateline.extract.support.tokens import columns, texts, within
from dateline.nlp.components import MODEL_ENTS_ATTR
from dateline.nlp.doctext import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dateline.model import Statement

# The features' own version, recorded in the model's manifest (``train.attribution.feature_inputs``): bump
# it with any change to what a token's features are, so that the shipped model's guard asks for a retrain.
FEATURES_VERSION = 3
OUTSIDE = "O"
ROLES = ("SRC", "CUE", "CON")
# Neighbours whose features a token sees, and which of their features: the parse, the lexicon, the quotes.
WINDOW = (-2, -1, 1, 2)
WINDOW_KEYS = ("p", "d", "w", "cue", "q")
# What a token at a sentence edge sees in place of a missing neighbour.
EDGE = "edge"
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


def _free_listable(doc: Doc, statements: Sequence[Statement], starts: Sequence[int]) -> list[int]:
    """The tokens a listed cue needs (``cues.listable_positions``) that lie in no statement's cue or content."""
    taken = [False] * len(doc)
    for statement in statements:
        for span in (statement.cue_span, statement.content_span):
            if span is not None:
                first = bisect.bisect_right(starts, span.start) - 1
                for i in range(max(first, 0), bisect.bisect_left(starts, span.end)):
                    taken[i] = True
    return [i for i in listable_positions(doc, Lexicon.load()) if not taken[i]]


def in_quotes(offsets: Sequence[int], regions: Sequence[tuple[int, int]]) -> list[bool]:
    """Whether each token (by its offset) lies inside a quotation (``statements.quote_regions``, in text
    order): inside the last one opening at or before it, before that one closes."""
    if not regions:
        return [False] * len(offsets)
    starts, ends = numpy.array(regions, dtype="int64").T
    at = numpy.asarray(offsets, dtype="int64")
    last = numpy.searchsorted(starts, at, side="right") - 1
    inside: list[bool] = ((last >= 0) & (at < ends[last])).tolist()
    return inside


# One token's attributes for crfsuite, each of weight 1: ``bias``, ``key:value`` for its own features ("w:said"),
# ``offset:key:value`` for a neighbour's ("-1:p:PROPN"), ``offset:edge`` for a missing neighbour. crfsuite reads a
# nested ``{key: value}`` map as exactly these names, in its keys' order (models before ``FEATURES_VERSION`` 2 were
# trained on such maps; training now appends these tuples), but pycrfsuite's walk of the maps cost twice what the
# tagging does (150 AllSides reports: 3.0 of 4.4 ms/article); a tuple of names costs half, and names already in UTF-8,
# which pycrfsuite passes on as they are, a third less again. The order is the maps' order, so a token's state weights
# sum in the same order, to the same bits.
Item = tuple[bytes, ...]

# The own features of a token, in the order of its attributes: word, lemma, shape, part of speech, tag,
# dependency; its head's lemma, part of speech and dependency; entity type, in quotes, listed cue kind, the
# head's cue kind, the relation through which a cue governs it, and sentence start.
OWN_KEYS = ("w", "l", "s", "p", "t", "d", "hl", "hp", "hd", "e", "q", "cue", "hcue", "gov", "ss")
BIAS = b"bias"
# Entries a memo keeps before it starts again: a long run meets ever more rare words, each a new name.
MAX_MEMO = 100_000


class _Memo(dict[Any, Any]):
    """A pure function of a hashable value, remembered across documents (the same words, tags and windows
    come back article after article); emptied when it outgrows ``MAX_MEMO``."""

    def __init__(self, make: Callable[[Any], Any]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, value: Any) -> Any:
        if len(self) >= MAX_MEMO:
            self.clear()
        made = self[value] = self.make(value)
        return made


def _namer(key: str) -> Callable[[Any], bytes]:
    """``key:value``, or b"" for no value (crfsuite then has no attribute for the key)."""
    if key == "s":
        return lambda shape: f"s:{shape[:4]}".encode() if shape[:4] else b""
    if key == "ss":
        return lambda start: b"ss:1" if start == 1 else b""
    if key == "q":
        return lambda quoted: b"q:1" if quoted else b"q:0"
    return lambda value: f"{key}:{value}".encode() if value else b""


def _seer(offset: int) -> Callable[[tuple[bytes, ...]], Item]:
    """What a neighbour ``offset`` away sees of a token, from the token's own names of ``WINDOW_KEYS``."""
    prefix = f"{offset}:".encode()
    return lambda names: tuple(prefix + name for name in names if name)


_NAMES = {key: _Memo(_namer(key)) for key in OWN_KEYS}
_SEEN = {offset: _Memo(_seer(offset)) for offset in WINDOW}
_EDGES = {offset: (f"{offset}:{EDGE}".encode(),) for offset in WINDOW}
_CUE_KINDS = _Memo(lambda lemma: cue_kind(lemma, Lexicon.load()))


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


# The model's entity types the tagger tells apart, merged where the small model confuses them (a place as GPE, LOC
# or FAC) and where the kind of a number or of a titled work says nothing of who said what.
COARSE_TYPES = {
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "CARDINAL": "NUM",
    "ORDINAL": "NUM",
    "MONEY": "NUM",
    "PERCENT": "NUM",
    "QUANTITY": "NUM",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
    "PRODUCT": "MISC",
}


def model_entity_types(doc: Doc) -> list[str]:
    """Each token's entity type as the model's ``ner`` tagged it (``doc._.model_ents``), "" outside one; the
    Doc's own types where dateline's entity fixer did not run (they are then the model's)."""
    rows = doc._.get(MODEL_ENTS_ATTR)
    if rows is None:
        strings = doc.vocab.strings
        return [COARSE_TYPES.get(strings[i], strings[i]) if i else "" for i in doc.to_array([ENT_TYPE]).tolist()]
    types = [""] * len(doc)
    for start, end, label in rows:
        types[start:end] = [COARSE_TYPES.get(label, label)] * (end - start)
    return types


def token_features(
    doc: Doc,
    quoted: Sequence[bool],
    bounds: Sequence[tuple[int, int]],
    vocab: frozenset[str] | None = None,
) -> tuple[list[Item], list[Item]]:
    """For each token of the sentences ``bounds``, in order: the names of its own attributes, and its names
    of ``WINDOW_KEYS`` (b"" where it has no value), which its neighbours see under their offset. Read
    column-wise from the Doc's arrays (no Token objects), each distinct string looked up once per run."""
    if not len(doc) or not bounds:
        return [], []
    ids = doc.to_array([LOWER, LEMMA, SHAPE, POS, TAG, DEP])
    relative, sent_starts = doc.to_array([HEAD, SENT_START]).astype("int64").T
    heads = numpy.arange(len(doc)) + relative
    inside = numpy.concatenate([numpy.arange(start, end) for start, end in bounds])
    strings = texts(doc.vocab.strings)

    def column(rows: Any, attr: int) -> list[str]:
        return list(map(strings.__getitem__, ids[rows, attr].tolist()))

    # The whole Doc's lower-cased lemmas and dependencies are the statement rules' columns, read once per Doc
    # (``support.tokens.columns``; the rules ran over this Doc just before): not looked up again here.
    cols = columns(doc)
    lemmas, deps = cols.lemmas, cols.deps
    cue_kinds = list(map(_CUE_KINDS.__getitem__, lemmas))
    ent_types = model_entity_types(doc)
    head_list = heads.tolist()
    at, over = inside.tolist(), heads[inside]
    values: dict[str, Sequence[Any]] = {
        "w": column(inside, 0),
        "l": [lemmas[i] for i in at],
        "s": column(inside, 2),
        "p": column(inside, 3),
        "t": column(inside, 4),
        "d": [deps[i] for i in at],
        "hl": [lemmas[h] for h in over.tolist()],
        "hp": column(over, 3),
        "hd": column(over, 5),
        "e": [ent_types[i] for i in at],
        "q": [quoted[i] for i in at],
        "cue": [cue_kinds[i] for i in at],
        "hcue": [cue_kinds[h] for h in over.tolist()],
        "gov": [_governing_cue(i, head_list, deps, cue_kinds) for i in at],
        "ss": sent_starts[inside].tolist(),
    }
    if vocab is not None:
        for key in ("w", "l", "hl"):
            values[key] = [word if word in vocab else "" for word in values[key]]
    names = {key: list(map(_NAMES[key].__getitem__, values[key])) for key in OWN_KEYS}
    own = [tuple(filter(None, row)) for row in zip(*names.values(), strict=True)]
    return own, list(zip(*(names[key] for key in WINDOW_KEYS), strict=True))


def sentence_features(own: Sequence[Item], seen: Sequence[Item]) -> list[Item]:
    """The items of one sentence's tokens from their ``token_features``: ``bias``, own
    attributes, and each neighbour's under its offset (``offset:edge`` past the sentence's edge)."""
    n = len(own)
    windows = []
    for offset in WINDOW:
        names = list(map(_SEEN[offset].__getitem__, seen))
        pad = [_EDGES[offset]] * min(abs(offset), n)
        windows.append(pad + names[: n + offset] if offset < 0 else names[offset:] + pad)
    return [(BIAS, *o, *a, *b, *c, *d) for o, a, b, c, d in zip(own, *windows, strict=True)]


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges ``[start, end)`` of the Doc's sentences: the tagger's sequences."""
    return [(sent.start, sent.end) for sent in doc.sents]


def doc_sequences(
    doc: Doc,
    statements: Sequence[Statement],
    vocab: frozenset[str] | None = None,
    *,
    unruled: bool = False,
    listed_only: bool = False,
    beside: bool = False,
) -> tuple[list[tuple[int, int]], list[list[Item]]]:
    """The Doc's sentences and, for each, its tokens' features. ``vocab`` (training only) blanks the words
    and lemmas outside it, so that rare words never become features. ``unruled`` keeps only the sentences
    where the rules' ``statements`` found nothing (all that ``statements.combined`` can add to; the statements
    matter to nothing else); ``listed_only`` only those
    with a word a listed cue needs (``cues.listable_positions``): a sentence's labels depend on its own
    tokens alone, and a statement kept to listed cues comes from no other sentence. The quotation marks are
    read here, with the scan the tagger is trained and run on (``quotes.tagger_regions``), for every caller.
    ``beside`` (with ``unruled``) also keeps a sentence with a rule statement when a word a listed cue needs
    stands outside the rules' cues and contents there: only such a word can head a statement that shares
    neither with theirs (``statements_combined._beside_rules``)."""
    offsets = token_offsets(doc)
    bounds = sentence_bounds(doc)
    if unruled:
        rules = rule_labels(doc, statements, offsets)
        free = _free_listable(doc, statements, offsets) if beside else []
        bounds = [
            (start, end)
            for start, end in bounds
            if all(r == OUTSIDE for r in rules[start:end]) or within(free, start, end)
        ]
    if listed_only:
        listable = listable_positions(doc, Lexicon.load())
        bounds = [(start, end) for start, end in bounds if within(listable, start, end)]
    own, seen = token_features(doc, in_quotes(offsets, tagger_regions(doc_text(doc))), bounds, vocab)
    sequences, at = [], 0
    for start, end in bounds:
        sequences.append(sentence_features(own[at : at + end - start], seen[at : at + end - start]))
        at += end - start
    return bounds, sequences
