"""What the statements stage's shortcuts rest on, checked on a real AllSides report (not in gold/dev): the
tagger reads the flat attribute names as it read the nested feature maps it was trained on, the
positions the rules and the speaker resolver look at hold every token their tests can fire on, and what is
worked out once per article for several extractors (a resolver's fixed part, each token's cue, the Doc's
entities) is what each worked out for itself."""

from __future__ import annotations

from functools import cache
from typing import Any

from dateline.attribution.features import Item, doc_sequences
from dateline.attribution.model import load_tagger
from dateline.extract.statements import Lexicon
from dateline.extract.statements.cues import _cue_at, cue_at, cue_candidates
from dateline.extract.statements.relays import relay_verb_positions
from dateline.extract.statements_combined import rule_statements
from dateline.extract.support import speakers
from dateline.extract.support.speakers import (
    DOCUMENT_NOUNS,
    SUBJECT_DEPS,
    SpeakerResolver,
    document_positions,
    subject_positions,
)
from dateline.extract.support.tokens import columns, doc_ents, held_ents
from dateline.ingest import iter_documents
from dateline.model import Analysis, Article
from dateline.pipeline import Pipeline
from tests.conftest import CORPUS

# A report with quotations, reported speech and a relay verb ("wrote").
REPORT = "01IS9Ot1YQkYe93y"


@cache
def _parsed() -> tuple[Article, Any, Analysis]:
    from dateline.nlp import load_nlp

    (article,) = iter_documents([str(CORPUS / "allsides-article-bias" / "jsons" / f"{REPORT}.json")])
    assert isinstance(article, Article)
    doc = load_nlp()(article.text)
    entities = Pipeline(["entities.rules"]).analyze(article, doc)
    assert isinstance(entities, Analysis), entities
    return article, doc, entities


def _nested(item: Item) -> dict[str, Any]:
    """The nested ``{key: value}`` map crfsuite names ``item``'s attributes after (as the model was trained
    on): ``bias`` and ``offset:edge`` of weight 1, ``key:value``, a neighbour's under its offset."""
    out: dict[str, Any] = {}
    for name in (n.decode() for n in item):
        head, _, rest = name.partition(":")
        if head in {"-2", "-1", "1", "2"}:
            key, _, value = rest.partition(":")
            out.setdefault(head, {})[key] = value or 1.0
        else:
            out[head] = rest or 1.0
    return out


def test_the_tagger_reads_the_flat_names_as_the_nested_maps() -> None:
    import pycrfsuite

    article, doc, entities = _parsed()
    rules = rule_statements(article, doc, entities)
    _, sequences = doc_sequences(doc, rules)
    tagger = load_tagger()
    assert sum(map(len, sequences)) > 500
    for sequence in sequences:
        nested = [_nested(item) for item in sequence]
        assert pycrfsuite.ItemSequence(nested).items() == pycrfsuite.ItemSequence(list(sequence)).items()
        assert tagger.crf.tag(nested) == tagger.labels(sequence)


def test_the_columns_are_the_tokens_attributes() -> None:
    _, doc, _ = _parsed()
    cols = columns(doc)
    assert cols.lemmas == [t.lemma_.lower() for t in doc]
    assert cols.deps == [t.dep_ for t in doc]
    assert cols.pos == [t.pos_ for t in doc]
    assert cols.lowers == [t.lower_ for t in doc]
    assert cols.orths == [t.text for t in doc]
    assert cols.alpha == [t.is_alpha for t in doc]


def test_every_cue_is_a_cue_candidate() -> None:
    _, doc, _ = _parsed()
    lex = Lexicon.load()
    cues = [t.i for t in doc if cue_at(t, lex) is not None]
    candidates = cue_candidates(doc, lex)
    assert len(cues) >= 10
    assert set(cues) <= set(candidates)
    assert len(candidates) < len(doc) / 5  # the point: most tokens are never asked


def test_the_resolver_and_relay_positions_are_the_tokens_their_tests_pick() -> None:
    _, doc, _ = _parsed()
    lex = Lexicon.load()
    assert subject_positions(doc) == [t.i for t in doc if t.dep_ in SUBJECT_DEPS]
    assert document_positions(doc) == [t.i for t in doc if t.lemma_.lower() in DOCUMENT_NOUNS]
    assert relay_verb_positions(doc, lex) == [t.i for t in doc if t.lemma_.lower() in lex.relay_verbs]
    assert subject_positions(doc) and document_positions(doc) and relay_verb_positions(doc, lex)


def test_the_resolvers_of_one_article_share_its_fixed_part() -> None:
    # statements.rules, statements.combined and claims each make a resolver over the same text and entity
    # records: the mentions, expansions and honorific pronouns are made once, each resolver keeping its own
    # pronouns to write to.
    article, _, entities = _parsed()
    first = SpeakerResolver(article.text, entities.entities)
    second = SpeakerResolver(article.text, entities.entities, quotations=[(0, 1)])
    assert first.mentions is second.mentions and first.expansions is second.expansions
    assert first.pronoun_of == second.pronoun_of and first.pronoun_of is not second.pronoun_of
    assert len(first.mentions) > 20
    assert list(first.mentions) == speakers._mentions(entities.entities)
    assert first.expansions == speakers._expansions(entities.entities)
    assert first.pronoun_of == speakers._honorific_pronouns(article.text, first.mentions)
    # Other entities (or another text) are worked out afresh.
    fewer = SpeakerResolver(article.text, entities.entities[:-1])
    assert fewer.mentions is not first.mentions
    assert list(fewer.mentions) == speakers._mentions(entities.entities[:-1])


def test_the_acronyms_expand_as_when_each_pair_was_spelled() -> None:
    _, _, entities = _parsed()
    every = entities.entities
    expected = {}
    for entity in every:
        letters = speakers._acronym(entity.name)
        full = {f.name for f in every if letters and f.type == entity.type and speakers._initials(f.name) == letters}
        if len(full) == 1:
            expected[entity.name] = full.pop()
    assert speakers._expansions(every) == expected


def test_each_tokens_cue_is_worked_out_once_per_doc() -> None:
    _, doc, _ = _parsed()
    lex = Lexicon.load()
    found = 0
    for i in cue_candidates(doc, lex):
        cue = cue_at(doc[i], lex)
        assert cue == _cue_at(doc[i], lex)
        assert cue_at(doc[i], lex) is cue  # answered from the Doc's memo, not made again
        found += cue is not None
    assert found >= 10


def test_the_entities_are_held_only_inside_the_extractor() -> None:
    _, doc, _ = _parsed()
    with held_ents(doc):
        held = doc_ents(doc)
        assert held is doc_ents(doc)
        assert held == doc.ents and len(held) > 20
        other = doc[:10].as_doc()
        assert doc_ents(other) == other.ents  # another Doc reads its own
    assert doc_ents(doc) is not doc_ents(doc)  # outside, read from the Doc each time
    assert doc_ents(doc) == held


def test_a_cue_answer_is_never_read_from_another_docs_memo() -> None:
    # The memo is the last Doc's: a second Doc asked about the same token index gets its own answer, and going
    # back to the first works its answers out again rather than keeping the second's.
    from dateline.nlp import load_nlp

    nlp = load_nlp()
    lex = Lexicon.load()
    said, paid = nlp("He said it was fine."), nlp("The fine was paid.")
    assert said[1].lower_ == "said" and cue_at(said[1], lex) is not None
    assert paid[1].lower_ == "fine" and cue_at(paid[1], lex) is None
    assert cue_at(said[1], lex) == _cue_at(said[1], lex) is not None
