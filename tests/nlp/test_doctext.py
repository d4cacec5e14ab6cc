"""``doc_text``: a Doc's text joined once, the same as spaCy's ``Doc.text``."""

from __future__ import annotations

from dateline.nlp import load_nlp
from dateline.nlp.doctext import doc_text
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
