"""A parsed Doc's text, worked out once per Doc.

spaCy's ``Doc.text`` is not stored: every read joins the text of every token, building a Token object for
each. Rules that match a regular expression at a token's offset read it once per candidate (a party-state
tag after each person's name, a pronoun's phrase), so a long article paid for its whole text hundreds of
times: profiled over 100 AllSides reports, 1,096 reads in the entity fixer and 531 in events.rules, 4.5 s
and 1.5 s under cProfile. The text of a Doc never changes once it is made (the retokenizer keeps every
character), so the last Doc's text is kept, with the Doc itself: held, the Doc cannot be freed and its id
reused, and the pair is replaced at once, so threads never see one without the other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_last: tuple[Doc, str] | None = None


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once while the same Doc is asked about."""
    global _last
    last = _last
    if last is not None and last[0] is doc:
        return last[1]
    text = doc.text
    _last = (doc, text)
    return text
