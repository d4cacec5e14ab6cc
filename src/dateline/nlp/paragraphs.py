"""``dateline_paragraphs``: a blank line ends a sentence, set before the parser runs.

News text puts headlines, bylines, datelines and paragraphs on lines of their own, often without a closing
full stop ("Lynch: No outside influence on FBI probe" over "WASHINGTON (AP) — Attorney General ..."). The
small model's parser, left to itself, runs such a line into the next paragraph's first sentence, so a
headline becomes the subject of the report's first verb. The parser keeps sentence starts that are set
before it runs, so marking the token after every blank line is enough.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

if TYPE_CHECKING:
    from spacy.tokens import Doc

COMPONENT = "dateline_paragraphs"
# A paragraph break: two line breaks with only white space between. A single line break is not one, since
# wire copy (Reuters-21578) wraps its lines inside sentences.
PARAGRAPH_BREAK_NEWLINES = 2


@Language.component(COMPONENT)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first token after each blank line."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= PARAGRAPH_BREAK_NEWLINES:
            doc[token.i + 1].is_sent_start = True
    return doc
