"""Two cuts in spaCy's rule lemmatizer, the same lemmas either way: its word index held as sets, found without
scanning a list, and its answers remembered per word form (``dateline_lemmas``, below).

spaCy's rule lemmatizer (``Lemmatizer.rule_lemmatize``, en_core_web_sm's ``lemmatizer``) keeps the known
words of each part of speech (``lemma_index``) as lists -- 57,528 nouns, 20,993 adjectives, 8,700 verbs,
3,775 adverbs -- and asks ``form in index`` of every form its suffix rules make for a word it has not seen
with that part of speech and morphology before: a scan of up to 57,528 strings each time. Over 100 AllSides
reports that is about 4,200 new words, and 1.0 of the lemmatizer's 1.3 CPU seconds (``bench/RESULTS.md``,
session 12). The index is only ever asked for membership (and whether it is empty), so a frozenset of the
same words gives every token the same lemma; ``tests/nlp/test_attributes.py`` compares the lemmas of real
reports with spaCy's as shipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language

if TYPE_CHECKING:
    from spacy.tokens import Doc

LEMMATIZER = "lemmatizer"
INDEX_TABLE = "lemma_index"


def index_as_sets(nlp: Language) -> None:
    """Hold the rule lemmatizer's word index per part of speech as frozensets (a no-op for another mode)."""
    if LEMMATIZER not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe(LEMMATIZER)
    lookups = getattr(lemmatizer, "lookups", None)
    if getattr(lemmatizer, "mode", None) != "rule" or lookups is None or not lookups.has_table(INDEX_TABLE):
        return
    table = lookups.get_table(INDEX_TABLE)
    for key, words in list(table.items()):
        if isinstance(words, list):
            table[key] = frozenset(words)


# ``dateline_lemmas``: the rule lemmatizer's own answers, remembered per distinct word form.
#
# spaCy's lemmatizer walks every token in Python and, for each one without a lemma, asks ``rule_lemmatize``,
# which keeps its answers only for the words its suffix rules ran on: for a proper noun, a punctuation mark, a
# determiner, a number or a word already in its base form it reads the token's text, part of speech and
# morphology and tests them again on every occurrence (0.785 CPU s over 200 AllSides reports, 0.376 with this
# component; ``bench/RESULTS.md``, session 24). What it returns depends on the word's form, part
# of speech and morphology alone (its own cache is keyed by them), so this component, just before the
# lemmatizer, reads the three for every token in one array, looks the lemma up by them -- asking the
# lemmatizer itself once per distinct key -- and writes the lemmas back in one array; the lemmatizer then finds
# every lemma set and assigns nothing. Tokens without a part of speech are left to the lemmatizer (it warns
# about them). ``tests/nlp/test_attributes.py`` compares the lemmas of real reports with spaCy's as shipped.
COMPONENT = "dateline_lemmas"
# Distinct (form, part of speech, morphology) keys remembered before the memo is emptied (about 25,000 over
# 200 AllSides reports; a few MB).
MEMO_KEYS = 200_000


class FastLemmas:
    """The rule lemmatizer's lemma for every token that has none, by a memo of its answers."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = cast("list[list[int]]", doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist())
        memo = self.memo
        lemmas = [row[3] for row in rows]
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma or not pos:
                continue
            key = (orth, pos, morph)
            found = memo.get(key)
            if found is None:
                if len(memo) >= MEMO_KEYS:
                    memo.clear()
                found = memo[key] = doc.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = found
            changed = True
        if changed:
            doc.from_array([LEMMA], cast("Any", numpy.asarray(lemmas, dtype="uint64").reshape(-1, 1)))
        return doc


@Language.factory(COMPONENT, assigns=["token.lemma"])
def make_lemmas(nlp: Language, name: str) -> FastLemmas:
    """The component, asking the pipeline's own ``lemmatizer`` (added before it)."""
    return FastLemmas(nlp.get_pipe(LEMMATIZER))


def remember_lemmas(nlp: Language) -> None:
    """Add ``dateline_lemmas`` before the rule lemmatizer where it fills only missing lemmas (its default);
    otherwise (another mode, ``overwrite``) leave the lemmatizer alone."""
    if LEMMATIZER not in nlp.pipe_names or COMPONENT in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe(LEMMATIZER)
    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
        return
    nlp.add_pipe(COMPONENT, before=LEMMATIZER)
