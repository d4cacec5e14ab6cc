"""statements.combined (the default) and statements.crf: the attribution tagger with the rules.

``statements.crf`` tags every sentence with the shipped CRF (``dateline.attribution``), whose features are
the parse's, the lexicons' and the quotation marks' (not the rules' labels, since v7 / v8), and turns each tagged cue with a content and a source into a statement.
``statements.combined`` keeps every statement of ``statements.rules`` (quotations, relays and ``via``, joint
speakers, headlines and "Name:" lines are what the rules do well) and adds the tagger's statements that
say something the rules found nobody saying: a content overlapping no rule statement's content. In a
sentence with a rule statement it adds only a second statement whose content is a clause or a quotation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from dateline.attribution.decode import Segment, StatementMaker
from dateline.attribution.features import Item, doc_sequences
from dateline.attribution.model import Tagger, load_tagger
from dateline.extract.statements import Quotes, extract_statements, in_header, quote_regions
from dateline.extract.statements.cues import header_end, hypothetical_words, muted_cues
from dateline.extract.statements.lexicon import Cue, Lexicon
from dateline.extract.statements.records import INDIRECT_KIND, opens_block
from dateline.extract.support.common import SpanIndex
from dateline.extract.support.speakers import SpeakerResolver
from dateline.model import Analysis, Article, Statement
from dateline.model import Span as TextSpan
from dateline.registry import extractor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# A content standing before its cue whose head is one of these modifiers of the cue is a setting of the
# act (a time, a place, an occasion: "In 1998, X testified ...", "Shortly after the shooting, Y tweeted"),
# never what was said. See ``_leading_adverbial``.
ADVERBIAL_DEPS = frozenset({"prep", "npadvmod", "advmod"})
ADVERBIAL_CLAUSE = "advcl"

# Double quotation marks (a single curly one is also an apostrophe): a content holding one is a quotation
# (or part of a split one), kept whatever its parse.
QUOTE_MARKS = frozenset('"“”')

# How sure the tagger must be of a cue for statements.combined to add its statement. None: on PolNeAR's
# tuning slice every floor lost more right statements than wrong ones.
MIN_CUE_CONFIDENCE = 0.0


def tagged_statements(
    article: Article,
    doc: Doc,
    rules: Sequence[Statement],
    prior: Analysis,
    tagger: Tagger | None = None,
    *,
    unruled: bool = False,
    floor: float = 0.0,
    listed_only: bool = False,
    beside: bool = False,
) -> Iterator[Statement]:
    """The tagger's statements, sentence by sentence, speakers resolved in reading order; ``unruled``
    tags only the sentences where the rules found nothing, ``listed_only`` keeps only listed speech cues
    (and tags only the sentences that can hold one); ``beside`` (with ``unruled``) tags the sentences with
    a rule statement too where a cue word stands outside the rules' cues and contents, and keeps from them
    only what ``_beside_rules`` accepts."""
    regions = quote_regions(article.text)
    bounds, sequences = doc_sequences(doc, rules, unruled=unruled, listed_only=listed_only, beside=beside)
    tagger = tagger or load_tagger()
    maker = StatementMaker(
        article,
        doc,
        Quotes(article.text, regions),
        SpeakerResolver(article.text, prior.entities, regions, opening=article.opening),
        listed_only,
    )
    tagged = dict(zip(bounds, sequences, strict=True))
    ruled = SpanIndex([(s.cue_span.start, s.cue_span.end, s) for s in rules if s.cue_span is not None])
    muted = SpanIndex([(start, end, (start, end)) for start, end in muted_cues(doc, Lexicon.load())])
    for sent in doc.sents:
        maker.resolver.start_sentence()
        # A byline or credit line is metadata, never a statement (as for the rules).
        sequence = None if article.in_credits(sent.start_char) else tagged.get((sent.start, sent.end))
        own = [
            s
            for s in ruled.overlapping(sent.start_char, sent.end_char)
            if s.cue_span is not None and sent.start_char <= s.cue_span.start < sent.end_char
        ]
        keep = _beside_rules(maker, own) if beside and own else None
        found = (
            list(maker.sentence(*_tagged(tagger, sequence, floor), sent.start, floor, keep))
            if sequence is not None
            else []
        )
        found = [s for s in found if not _across_muted(s, muted)]
        said = own + found if keep is not None else found or own
        for statement in said:
            maker.resolver.observe_statement(statement, maker.quotes.regions)
        maker.resolver.observe_subjects(sent, said, maker.quotes.regions)
        yield from found


def _across_muted(statement: Statement, muted: SpanIndex[tuple[int, int]]) -> bool:
    """Whether a tagged statement's cue overlaps a cue whose subject is mute (``cues.muted_cues``)."""
    cue = statement.cue_span
    return cue is not None and bool(muted.overlapping(cue.start, cue.end))


def _beside_rules(maker: StatementMaker, rules: Sequence[Statement]) -> Callable[[Segment, Segment, Segment], bool]:
    """What the tagger may add in a sentence where the rules found ``rules``: a statement sharing neither
    cue nor content with theirs, whose content is a clause its cue governs or a quotation
    (``StatementMaker.complement_or_quotation``). The rules miss such a second statement where the parse
    misleads them ("In addition to lessons X learned ..., Clinton, who called the attack an act of terror,
    suggested the administration might learn another lesson"); what else the tagger marks there is mostly
    the object or topic of an act ("a judge ruled against the city", "pushed back against Moore's comments"),
    an attitude, or a source standing where no reported speech puts it (``StatementMaker.speech_order``). On
    300 AllSides reports (seed 9921) the tagger's statements there were 45 without these tests, 8 right by the
    guide, and 4 with them, all right; on 600 more (seed 9922) 12, 10 right."""
    taken = [span for r in rules for span in (r.cue_span, r.content_span) if span is not None]

    def keep(cue: Segment, source: Segment, content: Segment) -> bool:
        mine = (maker.char_span(cue.first, cue.last), maker.content(content))
        return (
            not any(a.overlaps(b) for a in mine for b in taken)
            and maker.complement_or_quotation(cue, content)
            and maker.speech_order(cue, source, content)
        )

    return keep


def _tagged(tagger: Tagger, sequence: Sequence[Item], floor: float) -> tuple[list[str], list[float] | None]:
    """The tagger's labels, and their probabilities only when a floor above zero needs them: every
    probability clears a floor of zero, and computing them costs as much as tagging."""
    return tagger.tag(sequence) if floor > 0 else (tagger.labels(sequence), None)


def rule_statements(article: Article, doc: Doc, prior: Analysis) -> list[Statement]:
    """What ``statements.rules`` finds."""
    return [s for s in extract_statements(article, doc, prior=prior) if isinstance(s, Statement)]


def _new(statement: Statement, ruled: SpanIndex[Statement]) -> bool:
    """Whether the rules found nobody saying this: no rule content overlaps it."""
    content = statement.content_span
    return content is not None and not any(
        r.content_span is not None and r.content_span.overlaps(content)
        for r in ruled.overlapping(content.start, content.end)
    )


@extractor("statements.crf", version=29, requires=("entity",), assigns=("statement",), default=False)
def extract_tagged(article: Article, doc: Doc, *, prior: Analysis) -> Iterator[Statement]:
    """The tagger's statements alone (for comparison; see the module docstring)."""
    rules = rule_statements(article, doc, prior)
    yield from tagged_statements(article, doc, rules, prior)


@extractor("statements.combined", version=46, requires=("entity",), assigns=("statement",))
def extract_combined(article: Article, doc: Doc, *, prior: Analysis) -> Iterator[Statement]:
    """The rules' statements and the tagger's new ones (see the module docstring)."""
    rules = rule_statements(article, doc, prior)
    yield from (s for s in rules if not _leading_adverbial(s, doc, article.text))
    added = list(
        tagged_statements(
            article, doc, rules, prior, unruled=True, floor=MIN_CUE_CONFIDENCE, listed_only=True, beside=True
        )
    )
    contents = SpanIndex([(s.content_span.start, s.content_span.end, s) for s in rules if s.content_span is not None])
    header = header_end(article.text, article.title)
    # The rules drop a statement under a modal and mute what its content reports; the tagger's copy of such a
    # reported statement ("Some critics might argue that Smith said ...") has no rule content left to meet, so
    # it is dropped when its cue hangs under a hypothetical cue the tagger found (final read of session 29).
    maybe = [s.cue_span for s in added if s.cue_span is not None and _hypothetical(s, doc)]
    yield from (
        s
        for s in added
        if _new(s, contents)
        and not _leading_adverbial(s, doc, article.text)
        and not _hypothetical(s, doc)
        and not _under(s, maybe, doc)
        and not in_header(s, header)
    )


def _under(statement: Statement, cues: Sequence[TextSpan], doc: Doc) -> bool:
    """Whether the statement's cue hangs, in the parse, under one of ``cues`` (a hypothetical statement's)."""
    cue = statement.cue_span
    if cue is None or not cues:
        return False
    words = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    return words is not None and any(
        c.start <= a.idx < c.end for t in words for a in t.ancestors for c in cues if not c.start <= t.idx < c.end
    )


def _hypothetical(statement: Statement, doc: Doc) -> bool:
    """Whether a tagged reported (not quoted) statement's cue stands under a modal, as the rules ask of theirs
    (``cues.hypothetical_words``)."""
    cue = statement.cue_span
    if cue is None or statement.statement_kind != INDIRECT_KIND:
        return False
    words = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    return words is not None and hypothetical_words(words)


def _leading_adverbial(statement: Statement, doc: Doc, text: str) -> bool:
    """Whether the content is an adverbial standing before the cue and modifying it: it ends before the cue,
    its head attaches to the cue's verb as ``ADVERBIAL_DEPS``, every word of it lies inside a modifier of
    the cue (``_modifies``) and the cue goes on after it (``_cue_goes_on``): "In a separate appearance
    before the committee, Alexander issued a similar warning". What was said, if anything, is elsewhere; a
    quotation is kept. On 600 fresh AllSides reports (seeds 10901, 10902) all 24 such contents were wrong
    (see docs/extractors.md)."""
    content, cue = statement.content_span, statement.cue_span
    if content is None or cue is None or content.end > cue.start or statement.statement_kind != "indirect":
        return False
    words = doc.char_span(content.start, content.end, alignment_mode="expand")
    verbs = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if words is None or verbs is None or len(words) == 0 or any(ch in QUOTE_MARKS for ch in words.text):
        return False
    head = words.root
    return (
        head.dep_ in ADVERBIAL_DEPS
        and head.head in verbs
        and all(_modifies(token, verbs) for token in words if not token.is_punct)
        and _cue_goes_on(verbs)
        and not _opens_block(text, verbs)
    )


def _opens_block(text: str, verbs: Span) -> bool:
    """Whether the cue opens a block ("In the text accompanying the post, X wrote:" over a paragraph): the
    block is what was said, and the statement is the record that names its speaker and cue, which the block's
    figures hang on (claims.rules.v19). The rules decide it (``records.opens_block``), one owner for both."""
    return opens_block(text, verbs.doc, Cue(verbs.start, verbs.end - 1, verbs.root.i, "clause"))


def _modifies(token: Token, verbs: Span) -> bool:
    """Whether ``token`` lies inside a modifier of the cue (``ADVERBIAL_DEPS`` or an adverbial clause: "Earlier
    this year, as the paper reported, X told Y"). A content part of which hangs elsewhere is a parse gone
    wrong around a clause ("Overall, a majority ... disapproved of X, the poll showed", "a majority" on the
    comma), not a fronted adverbial."""
    while token.head not in verbs:
        if token.head.i == token.i:  # the root, reached without passing the cue
            return False
        token = token.head
    return token.dep_ in ADVERBIAL_DEPS or token.dep_ == ADVERBIAL_CLAUSE


def _cue_goes_on(verbs: Span) -> bool:
    """Whether the cue governs something after its first word that it says (an object, a complement, a phrase;
    a cue such as "issued a similar warning" holds its own object): a fronted adverbial's cue does ("In one message, X called Y an idiot"), a postposed cue closing a clause the parse
    mistook for a noun phrase does not ("Nearly 40 percent of workers ... lost work, Federal Reserve data
    showed."). A time, a place or an addressee after the cue says nothing (``_says_more``): "Not yet, officials
    said Tuesday", "Within weeks, the spokesman told reporters at the White House" keep the answer."""
    first = verbs[0]
    return any(child.i > first.i and _says_more(child, token) for token in verbs for child in token.children)


# What follows a cue without saying anything: a time or place adverb or noun ("said Tuesday"), and a phrase
# led by one of these prepositions or naming a time, place or organisation ("on Monday", "at the White House",
# "to reporters"); "in" and "on" may lead what is said ("believe in the good sense of ...", "spoke on trade").
_UNSAID_DEPS = frozenset({"punct", "npadvmod", "tmod"})
_UNSAID_ADVERBS = frozenset({"again", "earlier", "later", "now", "publicly", "recently", "then"})
_UNSAID_PREPOSITIONS = frozenset({"at", "during", "after", "before", "since", "to", "via", "near"})
_UNSAID_ENTITIES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "ORG"})


def _says_more(child: Token, cue: Token) -> bool:
    """Whether ``child``, after the cue ``cue``, is something said, not a time, place or addressee."""
    if child.dep_ in _UNSAID_DEPS:
        return False
    if child.dep_ == "advmod":  # "said little" says more; "said today", "said later" do not
        return not (child.ent_type_ in _UNSAID_ENTITIES or child.lower_ in _UNSAID_ADVERBS)
    if child.dep_ in {"dobj", "dative"} and cue.lemma_.lower() in Lexicon.load().addressed:
        # "told reporters": whom it was said to; "warned senators about the deficit" says what about
        return any(_says_more(c, cue) for c in child.children if c.dep_ == "prep")
    if child.dep_ == "prep":
        objects = [c for c in child.children if c.dep_ == "pobj"]
        return not (child.lower_ in _UNSAID_PREPOSITIONS or any(o.ent_type_ in _UNSAID_ENTITIES for o in objects))
    return True
