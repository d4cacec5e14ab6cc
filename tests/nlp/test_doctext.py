"""``doc_text``: a Doc's text joined once, the same as spaCy's ``Doc.text``."""

from __future__ import annotations

from dateline.nlp import load_nlp
from dateline.nlp.doctext import TEXT_KEY, doc_text, remember_text
from dateline.nlp.model import parse
from dateline.nlp.offices import _may_lead_title, _title_at, lexicon


def test_doc_text_is_the_docs_text_and_follows_the_doc_asked_about() -> None:
    nlp = load_nlp()
    first = nlp("Sen. Richard Burr, R-N.C., said so.  Twice.")
    second = nlp("Another report, another text.")
    assert doc_text(first) == first.text
    assert doc_text(first) is doc_text(first)  # joined once while the same Doc is asked about
    assert doc_text(second) == second.text
    assert doc_text(first) == first.text


def test_title_at_reads_on_only_where_a_title_may_start() -> None:
    doc = load_nlp()("The Lt. Gov. met Foreign Minister Ana Pastor and the committee.")
    lex = lexicon()
    starts = [t.i for t in doc if _may_lead_title(doc, t.i, lex)]
    # Every token where a title was found is one the quick check lets through; the others are returned as is.
    assert all(_title_at(doc, t.i, lex) == t.i for t in doc if t.i not in starts)
    assert [t.i for t in doc if _title_at(doc, t.i, lex) > t.i] == [i for i in starts if _title_at(doc, i, lex) > i]
    assert any(_title_at(doc, i, lex) > i for i in starts)


def test_a_parsed_doc_carries_the_text_it_was_made_from() -> None:
    nlp = load_nlp()
    texts = ["Sen. Richard Burr, R-N.C., said so.  Twice.\n\nA second paragraph. ", "", "Another report."]
    docs = list(parse(nlp, texts, 2))
    for text, doc in zip(texts, docs, strict=True):
        assert doc.user_data[TEXT_KEY] is text  # kept, not joined again from the tokens
        assert doc_text(doc) is text and text == doc.text
    # A text that is not the Doc's is not kept: the Doc's own is joined.
    other = nlp("Three words here.")
    remember_text(other, "Three words")
    assert TEXT_KEY not in other.user_data
    assert doc_text(other) == "Three words here."
