"""The lemmatizer's word index held as sets: the same lemmas, found without scanning a list.

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

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

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
