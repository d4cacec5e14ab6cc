"""A parsed Doc's text, worked out once per Doc.

spaCy's ``Doc.text`` is not stored: every read joins the text of every token, building a Token object for
each. Rules that match a regular expression at a token's offset read it once per candidate (a party-state
tag after each person's name, a pronoun's phrase), so a long article paid for its whole text hundreds of
times: profiled over 100 AllSides reports, 1,096 reads in the entity fixer and 531 in events.rules, 4.5 s
and 1.5 s under cProfile. The text of a Doc never changes once it is made (the retokenizer keeps every
character), so the last Doc's text is kept, with the Doc itself: held, the Doc cannot be freed and its id
reused, and the pair is replaced at once, so threads never see one without the other. The Docs a run parses
in one piece (``nlp.model.parse``: every text up to its window; a longer one is joined from windows and keeps
nothing) carry the text they were made from (``remember_text``), so even their first read joins nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_last: tuple[Doc, str] | None = None

# Where ``remember_text`` keeps a Doc's text in its ``user_data``.
TEXT_KEY = "dateline.text"


def remember_text(doc: Doc, text: str) -> None:
    """Keep ``text``, the text ``doc`` was parsed from, with the Doc (``nlp.model.parse`` does, for every Doc it
    parses in one piece): then ``doc_text`` returns it. Kept only where it spans the Doc's tokens, its last token
    ending where the text ends (a Doc's text is its input's, character for character)."""
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if end == len(text):
        doc.user_data[TEXT_KEY] = text


def doc_text(doc: Doc) -> str:
    """``doc.text``: the text it was parsed from where ``remember_text`` kept it, else joined once while the
    same Doc is asked about."""
    global _last
    kept: str | None = doc.user_data.get(TEXT_KEY)
    if kept is not None:
        return kept
    last = _last
    if last is not None and last[0] is doc:
        return last[1]
    text = doc.text
    _last = (doc, text)
    return text
