"""Relay tails ("..., Trend reports referring to the Embassy."): the outlet and source that pass
statements on."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from dateline.extract.statements.content import _trimmed
from dateline.extract.statements.lexicon import Cue, Lexicon, Relay
from dateline.extract.support.tokens import columns, within
from dateline.model import CUE_SPEECH, Statement

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

# Cue kinds of a statement that another's "according to" may relay: a speech verb reporting a clause or a
# quotation ("X said", "X told them", "X asked"), not an object or phrasal verb ("X backed the proposal",
# "the office focuses on"), whose statement, if any, is the source's account of an act.
RELAYED_KINDS = frozenset({"clause"})


def relay_verb_positions(doc: Doc, lex: Lexicon) -> list[int]:
    """The Doc's relay verbs (``relay_verbs``, by lemma), by token index: the tokens a relay tail turns on."""
    return columns(doc).positions("relay verbs", lambda c: [i for i, n in enumerate(c.lemmas) if n in lex.relay_verbs])


def _relay_tail(sent: SpacySpan, lex: Lexicon) -> Relay | None:
    """ ", <Outlet> reports [referring to <source>]." closing the sentence."""
    doc = sent.doc
    verbs = within(relay_verb_positions(doc, lex), sent.start + 1, sent.end)
    end = _trimmed(doc, sent.start, sent.end - 1) if verbs else None
    if end is None:
        return None
    last = end[1]
    for token in (doc[i] for i in verbs):
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


def relayed_by_source(found: Sequence[tuple[Cue, Statement]], kept: Sequence[Statement]) -> list[Statement]:
    """ "“...,” Mr. Geng asked, according to an Associated Press report", "Kim, according to North Korean state
    media, told the force that ...": an "according to" whose host clause holds a named speaker's own speech
    cue passes that statement on (the gold guide's ``via``: "TASS quoted the company as saying" is via TASS),
    so it is no second statement of the same words. The relayed statement takes the source as its ``via``
    and the "according to" statement is dropped. A speaker named by no entity ("that source said") or an
    attitude ("he believes", which the source reports about him) is left as it is. On 180 random AllSides
    reports (seeds 11, 13 and 14, gold/dev excluded) 17 such pairs: 16 relays, 1 source whose content ran
    on into another's statement; gold/dev tune half: 1 false positive less, nothing lost; PolNeAR train
    (first 200 articles): 4 predictions fewer, matches unchanged (overlap F1 0.747 -> 0.748)."""
    cues = {id(statement): cue for cue, statement in found}
    relayed: dict[int, Statement] = {}
    for outer in kept:
        cue, content = cues.get(id(outer)), outer.content_span
        if cue is None or cue.kind != "according" or content is None:
            continue
        for inner in kept:
            inner_cue, said = cues.get(id(inner)), inner.cue_span
            if inner is outer or inner_cue is None or said is None or inner_cue.kind not in RELAYED_KINDS:
                continue
            if (
                inner.speaker.entity is not None
                and inner.cue_class == CUE_SPEECH
                and content.start <= said.start < content.end
            ):
                relayed[id(inner)] = outer
    dropped = {id(outer) for outer in relayed.values()}
    out = []
    for statement in kept:
        if id(statement) in dropped:
            continue
        source = relayed.get(id(statement))
        if source is not None:
            statement = dataclasses.replace(statement, via=(*statement.via, source.speaker.name), id="")
        out.append(statement)
    return out
