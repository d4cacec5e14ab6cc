"""Relay tails ("..., Trend reports referring to the Embassy."): the outlet and source that pass
statements on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.extract.statements.content import _trimmed
from dateline.extract.statements.lexicon import Lexicon, Relay

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan


def _relay_tail(sent: SpacySpan, lex: Lexicon) -> Relay | None:
    """ ", <Outlet> reports [referring to <source>]." closing the sentence."""
    doc = sent.doc
    end = _trimmed(doc, sent.start, sent.end - 1)
    if end is None:
        return None
    last = end[1]
    for token in sent:
        if token.lemma_.lower() not in lex.relay_verbs or token.i == sent.start:
            continue
        j = token.i - 1
        while j > sent.start and doc[j].pos_ == "PROPN":
            j -= 1
        if j == token.i - 1 or doc[j].text != ",":
            continue
        after = token.i + 1
        if after > last:
            return Relay(j, (j + 1, token.i - 1), token.i, None)
        for link in lex.relay_links:
            words = [t.lower_ for t in doc[after : after + len(link)]]
            if tuple(words) == link and after + len(link) <= last:
                return Relay(j, (j + 1, token.i - 1), token.i, (after + len(link), last))
    return None


def _relay_end(relay: Relay) -> int:
    """The first token after the relay's verb and link words."""
    return relay.source[0] if relay.source is not None else relay.cue + 1
