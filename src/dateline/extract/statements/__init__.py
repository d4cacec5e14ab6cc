"""statements.rules: who said what, with the cue, the content and the relay chain, from the parse.

One pass over the Doc's sentences. In each, a token is a cue when the lexicon (``data/cues.yaml``) lists its
lemma (a reporting verb), it heads a phrasal cue ("pointed out", "called on") or a light-verb cue ("made the
case for", "raised concerns about"), or it opens a source preposition ("according to"; "in" with an opinion
survey as its object at either end of the sentence, "X, in a new poll", v27). For a verb cue:

- the content is its complement clause (the ``ccomp``: "said that X", and the inverted "X, said Y"; also a
  that-clause the parse hung on a noun after the cue, "says in a statement that X"; with a second
  that-clause the parse coordinated with it on the cue, "said X, but that Y", v25), else an adjacent
  quotation, else for object-taking cues the words after the cue up to the end of its phrase ("underscored
  the need to ..."; a survey's "show", "polls show X with a lead", v27); a quotation opening the sentence and
  closed by a comma, question or exclamation mark ("“...,” Reyes, 58, told the Herald") is the content however
  the parse hung it;
- the speaker is its subject, or the agent of a passive ("was first reported by Politico"), inherited from
  the governing verb for participles and coordinated verbs ("Stressing that X, Farhadov expressed ...",
  "... and called on ...", "began by saying ..."), resolved inside the article by
  ``speakers.SpeakerResolver``; a participle on a document reporting a clause ("X issued a statement saying
  Y", "in a letter saying Y, X asked") speaks for the document's issuer;
- a quotation the content touches is taken whole, across sentences, and decides the kind: direct (all
  quoted), mixed (partly quoted), indirect. Quoted titles ("Khojaly Genocide Day") are names, not quotes.

A quotation resumed after its cue ("“A,” he said. “B.”") continues that statement: its content runs from
the first part to the last, the parts kept as spans of the record (``content_parts``). A sentence opening
with a person's or organisation's name and a colon ("Kerry: ...") is its statement, to the end of the
paragraph; a title-case headline verb the parser took for a name ("X Praises Y") is a cue; so is a cue noun
with a possessor ("his warning that ...").

A statement reported inside another's content ("A said that B supports X") is part of that one, not a
statement of its own; a participle opening a sentence with no complement ("Referring to X, Y spoke ...")
is an adjunct, not a cue.

A relay tail ("..., Trend reports referring to the Embassy.") adds the outlet, then its source, to the
``via`` chain of the statements before it, and is itself a statement by the outlet.

A credit line under a quotation ("NAME, OUTLET" after the closing mark or on a line of its own,
``credits``) names the speaker of the quoted block above it: a quoted statement there that names nobody
("some note that “...”") takes the credited person, and a quotation there that no cue reads becomes a
statement of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from dateline.extract.statements.credits import credited
from dateline.extract.statements.cues import cue_at, cue_candidates, header_end, headline_line, hypothetical_cue
from dateline.extract.statements.lexicon import VERB_KINDS, Cue, Lexicon
from dateline.extract.statements.quotes import Quotes, quote_regions
from dateline.extract.statements.records import (
    INDIRECT_KIND,
    Builder,
    _distinct,
    _outermost,
    muted_inside,
    quoted_before_unquoted,
    resumed_parts,
)
from dateline.extract.statements.relays import _relay_end, _relay_tail, relayed_by_source
from dateline.extract.support.common import content_parts
from dateline.extract.support.speakers import SpeakerResolver
from dateline.extract.support.tokens import within
from dateline.registry import extractor

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dateline.model import Analysis, Article, Statement

__all__ = [
    "Cue",
    "Lexicon",
    "Quotes",
    "content_parts",
    "extract_statements",
    "in_header",
    "quote_regions",
    "resumed_parts",
]


@extractor("statements.rules", version=42, requires=("entity",), assigns=("statement",), default=False)
def extract_statements(article: Article, doc: Doc, *, prior: Analysis) -> Iterator[Statement]:
    """Attributed statements of one article (see the module docstring)."""
    lex = Lexicon.load()
    regions = quote_regions(article.text)
    builder = Builder(
        article,
        doc,
        Quotes(article.text, regions),
        SpeakerResolver(article.text, prior.entities, regions, opening=article.opening),
    )
    last: tuple[Cue, Statement] | None = None
    done: list[tuple[Cue, Statement]] = []
    for sent in doc.sents:
        if article.in_credits(sent.start_char):
            continue  # a byline or credit line is metadata: nobody says it
        builder.resolver.start_sentence()
        relay = _relay_tail(sent, lex)
        found: list[tuple[Cue, Statement]] = []
        for i in within(cue_candidates(doc, lex), sent.start, sent.end):
            if relay is not None and relay.cue <= i < _relay_end(relay):
                continue  # the relay's own words ("reports referring to") are not a cue of their own
            if article.in_label(doc[i].idx):
                continue  # an editor's label ("MARKET TALK -") is the page's words: no one says it
            cue = cue_at(doc[i], lex)
            statement = builder.from_cue(cue, sent, relay, lex) if cue is not None else None
            if cue is not None and statement is not None:
                found.append((cue, statement))
                builder.resolver.observe_statement(statement, builder.quotes.regions)
        if not found:
            labelled = builder.from_colon(sent, lex) or builder.from_headline(sent, lex)
            if labelled is not None:
                found.append(labelled)
        if found and headline_line(sent):
            found = []  # a headline, deck or caption set in the text: nobody's statement
        if relay is not None:
            relayed = builder.from_relay(relay, sent)
            if relayed is not None:
                found.append((Cue(relay.cue, relay.cue, relay.cue, "relay"), relayed))
        if not found and last is not None:
            continued = builder.continued(last, sent)
            if continued is not None:
                last = (last[0], continued)
                continue
        if last is not None:
            done.append(last)
        distinct = _distinct(found)
        resumable = quoted_before_unquoted(distinct, doc)
        done.extend(d for i, d in enumerate(distinct) if i != resumable)
        last = distinct[resumable] if distinct else None
        builder.resolver.observe_subjects(sent, [s for _, s in found], builder.quotes.regions)
    if last is not None:
        done.append(last)
    # What someone may, might or will say is not said (``hypothetical_cue``), nor what its content reports.
    maybe = [(c, s) for c, s in done if _hypothetical(c, s, doc)]
    done = [pair for pair in done if pair not in maybe]
    muted = [*builder.muted, *((c, s.content_span) for c, s in maybe if s.content_span is not None)]
    # A content with no word in it (a stray quotation mark after a headline) says nothing.
    done = muted_inside(done, muted, doc)
    kept = [s for s in _outermost(done, doc) if any(c.isalnum() for c in s.content)]
    # The page's header line (title, deck, photo caption) is nobody's statement (``header_end``).
    header = header_end(article.text, article.title)
    yield from (s for s in credited(builder, relayed_by_source(done, kept)) if not in_header(s, header))


def in_header(statement: Statement, header: int) -> bool:
    """Whether a statement's cue (or, with none, its content) starts before ``header`` (``cues.header_end``)."""
    at = statement.cue_span or statement.content_span
    return at is not None and at.start < header


def _hypothetical(cue: Cue, statement: Statement, doc: Doc) -> bool:
    """Whether a verb cue's reported (not quoted) statement stands under a modal (``cues.hypothetical_cue``)."""
    return cue.kind in VERB_KINDS and statement.statement_kind == INDIRECT_KIND and hypothetical_cue(doc[cue.head])
