"""Who issued a document that speaks: "the report said ..." is the claim of whoever issued the report.

A statement's speaker may be a document ("the report found", "according to a Pew Research Center poll",
"the letter says"). The statement keeps the document as its speaker (it is what the article cites); a figure
the document holds is claimed by its issuer, found in this order:

- a name inside the document's phrase: an organisation or person mention ("a Congressional Budget Office
  analysis", "a 2016 report by the Institute on Taxation and Economic Policy", "Trump's tweet"), else a
  proper noun the entity records missed ("the KFF study", "a recent Gallup poll");
- the speaker of the statement that holds the phrase ("ADP reported that its own survey indicated ...");
- for a definite description ("the statement said", "the report said"), where the document was mentioned
  before: the name in that mention, the speaker who spoke "in a statement", the subject who released or
  tweeted it.

With none of these the document's description stays the claimant: no issuer is ever guessed.

A quotation may also quote someone else ("“As Gov. Romney said today, ‘... above 8 percent ...’”"): a figure
inside the inner quotation is the claim of the subject of the speech verb that introduces it inside the
outer one (``quoted_within``), when that subject names a person or organisation.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.extract.statements.lexicon import Lexicon
from dateline.extract.support.common import (
    ROOT_DEP,
    SpanIndex,
    antecedent,
    climb,
    innermost_statement,
    numbers_lexicon,
    span_root,
    subtree_range,
)
from dateline.extract.support.event_classes import agent_noun, title_heads
from dateline.extract.support.speakers import DEFINITE, SpeakerResolver
from dateline.extract.support.tokens import columns
from dateline.model import Span, Speaker

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from dateline.model import Entity, Statement

# Entity types that issue documents: organisations and people (a country's report names its agency).
ISSUING_TYPES = frozenset({"ORG", "PERSON"})
# Entity types of places, which cover what a document is about rather than issue it: countries, states and
# cities. Not LOC, a label spaCy also gives names ("a Third Way poll from December", the think tank: seed 3800).
COVERED_PLACE_TYPES = frozenset({"GPE"})
# Prepositions after a document noun whose object is its issuer ("a report by X", "figures from X").
ISSUER_PREPOSITIONS = frozenset({"by", "from"})
# Named-entity labels of proper nouns that never issue a document ("the September report", "a GOP poll").
NOT_ISSUERS = frozenset({"DATE", "TIME", "EVENT", "NORP", "CARDINAL", "ORDINAL", "LAW", "WORK_OF_ART"})
# How far back (in tokens) an earlier mention of the same document is looked for: a few paragraphs.
ANTECEDENT_WINDOW = 400
# A document's issuer may itself be a document's ("the report" -> "the HHS report"): followed this far.
MAX_DEPTH = 3
# How far back (in characters) the openings of a nested quotation are looked for: a long paragraph's worth,
# so that a paragraph-less text stays linear.
QUOTATION_WINDOW = 3000
# Issuing verbs that are speech itself ("X said"): not the act of issuing a document named later.
SPEAKING_VERBS = frozenset({"say", "state"})
# How many steps up the parse tree from a figure a framing phrase ("In a CNN poll, ...") is looked for.
MAX_FRAME_HOPS = 6
# A document noun after "in" may be written as part of the poll's name and tagged a proper noun ("In a CNN/ORC
# International Poll the same month, 38 percent of voters said ...", "In a national USA TODAY/Suffolk
# University Poll"): v11, 3 PolNeAR train claims now right, 1 more read right where PolNeAR marks no source
# ("in this past week's final pre-primary Field Poll, Clinton led ... by just four points"); no claim changed
# in 320 AllSides reports (seeds 3100-3107) or on PolNeAR dev.
DOCUMENT_POS = frozenset({"NOUN", "PROPN"})
# What makes a document noun after "in" a particular document ("in a CNN poll", "in the report"), unlike the
# idiom "in return" or "in record numbers".
DETERMINING_DEPS = frozenset({"det", "poss", "compound", "amod"})
# How a figure's phrase hangs on a verb of reckoning when it is what the verb states: its clause or object
# ("found that ...", "show Trump leading"), or a phrase on it ("put his support at 5 percent", "with 40
# percent supporting him"); not an adverbial clause, a subject or a coordinated clause.
RECKONED_DEPS = frozenset({"ccomp", "dobj", "xcomp", "oprd", "prep", "attr", "acomp", "dative", "npadvmod"})
# v25: how far up from a figure a verb of citing is looked for: a figure deep in what is cited ("pointed to
# figures from 2010, when the Department of Justice brought just 44 prosecutions" is six steps below "pointed").
MAX_CITED_HOPS = 8
# v25: a speech participle on what is cited says the figure in its own name ("cited a Guatemalan official
# saying 44 people were infected"): the noun it hangs on, a person or organisation named or described. v26: only
# a present participle ("saying", "claiming"): a past one is done to the noun ("the legislation, written by four
# Republicans and four Democrats" names no speaker), and only a noun for someone (``names_someone``).
CITED_SPEAKER_DEP = "acl"
CITED_SPEAKER_TAG = "VBG"
# v25: phrases after a verb of citing's object that the parse hangs on the verb but that belong to what is cited
# ("pointed to figures from 2010"), or what it is cited as ("cited ... specialty drugs as major contributors to
# its proposed 26% hike"). v26: only these prepositions with a noun object; "in upholding ...", "at a rally of
# 5,000 people" are the circumstances of the citing, not what is cited.
CITED_TAIL_PREPOSITIONS = frozenset({"from", "of", "about", "as"})
CITED_TAIL_OBJECT_DEP = "pobj"
# v25: clauses on what is cited that describe it in the outlet's words ("his support for the 2010 Fair
# Sentencing Law, which reduced crack cocaine sentences to a mere 18 times ...", "tribute to the four Americans
# killed last month"): a figure inside one is not cited. A clause a relative adverb opens ("figures from 2010,
# when the Department of Justice brought just 44 prosecutions", "district, where 49 percent of residents use
# the SALT deduction") gives the circumstances pointed to, and is cited with them.
CITED_ASIDE_DEPS = frozenset({"relcl", "acl", "advcl", "appos", "parataxis"})
RELATIVE_ADVERB_TAG = "WRB"
# v25: a participle of citing with no subject of its own takes the subject of the clause it hangs on ("Smith
# defended the plan, citing a 40 percent rise"). v26: only one that can speak (a statement's speaker, a person
# or organisation, a pronoun claims resolves), never a common noun ("Shares fell sharply, citing ..."), and not
# the subject of a reported clause, which the parse often gives a participle of the reporting one: that one's
# subject is taken instead, up through open clauses without their own ("DeCrane declined to say whether Texaco
# and Pennzoil had held talks, citing ..." -> DeCrane; "The agency said it was expediting supplies, citing ...").
CITING_CLAUSE_DEPS = frozenset({"advcl", "xcomp", "conj"})
REPORTED_CLAUSE_DEPS = frozenset({"ccomp"})
OPEN_CLAUSE_DEP = "xcomp"
MAX_CLAUSE_HOPS = 3
# v26: nouns for people whose count, when they are what is cited, is the outlet's account of its sourcing
# ("The Washington Post, citing three people familiar with ...", "cited four unnamed sources"): citing sources
# is a relay, and the count is no claim of the citer's.
RELAY_NOUNS = frozenset({"source", "people", "person", "official", "aide", "insider", "adviser", "advisor"})
# v25: the tag of a personal pronoun subject ("He was referring to ..."), which claims reads as what it stands for.
PERSONAL_PRONOUN_TAGS = frozenset({"PRP"})
# v16: a plural common noun subject of a verb of judging names people by their role ("economists").
PLURAL_NOUN_TAGS = frozenset({"NNS"})
# v15: the preposition by which a placing verb's person or organisation subject states a figure ("the New York
# Fed now puts the probability of a recession by July 2020 at 31.5%"): see ``placing_verbs``.
PLACING_PREPOSITION = "at"
# Relative and adverbial clauses on the way up are the outlet's asides, not what the verb states.
RECKONING_ASIDE_DEPS = frozenset({"relcl", "advcl", "appos", "parataxis"})
# claims v28: a participle clause after a verb of reckoning, with no marker or subject of its own, runs on what the
# verb states (``_runs_on``); a clause with a marker ("Though his plan would cost ...") stays an aside.
RUN_ON_DEP = "advcl"
RUN_ON_TAGS = frozenset({"VBG", "VBN"})
RUN_ON_BLOCKING_DEPS = frozenset({"mark", "nsubj", "nsubjpass"})
# v12: "per" before a source frames a figure as "according to" does ("Per the Department of Veterans
# Affairs, four million Americans fought in World War One"); 5 such openings in 3,000 random AllSides reports
# (seed 77, raw text); a rate ("24 murders per 100,000 citizens") names no person, organisation or document.
SOURCE_PREPOSITION = "per"
# What a non-personal pronoun speaker can stand for, by the antecedent's tag: "it" a singular thing (a
# company, a country, a document), "they" a plural one ("Democrats ... They say").
PRONOUN_TAGS = {"it": frozenset({"NN", "NNP"}), "they": frozenset({"NNS", "NNPS"})}
# What may stand between a verb of reckoning's clause and results listed on after it: punctuation and space.
_LIST_GAP = re.compile(r"[\s,;:—–-]*")
# The word after a mention ("Monmouth poll" -> "poll").
_NEXT_WORD = re.compile(r"\s+(\w+)")
# A preposition of place right before a mention ("in Nevada", "across the U.S."), looked for this far back.
_PLACE_LEAD = re.compile(r"\b(?:in|at|from|across|throughout|into|near|to)\s+(?:the\s+)?$", re.IGNORECASE)
PLACE_LEAD_CHARS = 20
# Clauses on a document noun, left out of its description.
DOCUMENT_CLAUSE_DEPS = frozenset({"relcl", "acl"})
# Links from a document noun up to the clause that produced it ("said in a statement", "released a report").
_UP_DEPS = frozenset({"pobj", "dobj", "prep", "nsubjpass", "attr", "npadvmod"})


@lru_cache(maxsize=1)
def document_nouns() -> frozenset[str]:
    return frozenset(numbers_lexicon()["document_nouns"])


@lru_cache(maxsize=1)
def reckoning_documents() -> frozenset[str]:
    """Document nouns and aggregates of documents ("average") that may be the subject of a verb of reckoning."""
    return document_nouns() | frozenset(numbers_lexicon()["reckoning_documents"])


@lru_cache(maxsize=1)
def issuing_verbs() -> frozenset[str]:
    return frozenset(numbers_lexicon()["issuing_verbs"])


@lru_cache(maxsize=1)
def acquiring_verbs() -> frozenset[str]:
    """Verbs whose agent came by a document or read it, no issuer of it (``acquiring_verbs`` of the claims
    lexicon: "a tax return obtained by The New York Times", "documents reviewed by the AP")."""
    return frozenset(numbers_lexicon()["acquiring_verbs"])


@lru_cache(maxsize=1)
def citing_verbs() -> dict[str, str | None]:
    """Verbs of citing by lemma, with the preposition that introduces what is cited (None: the direct object):
    ``citing_verbs`` of the claims lexicon ("pointed to figures ...", "citing a study ...")."""
    return dict(numbers_lexicon()["citing_verbs"])


@lru_cache(maxsize=1)
def reckoning_verbs() -> tuple[frozenset[str], frozenset[str]]:
    """Verbs of reckoning whose subject is a document, and those whose subject is an issuer (``both`` are
    either's)."""
    verbs = numbers_lexicon()["reckoning_verbs"]
    both = frozenset(verbs["both"])
    return frozenset(verbs["document"]) | both, frozenset(verbs["issuer"]) | both


@lru_cache(maxsize=1)
def judging_verbs() -> frozenset[str]:
    """Verbs of reckoning whose plural common noun subject names people by their role (v16: "economists
    forecast ..."), not a thing that accrues the figure ("stores tallied 20% higher sales")."""
    return frozenset(numbers_lexicon()["reckoning_verbs"]["judging"])


@lru_cache(maxsize=1)
def placing_verbs() -> frozenset[str]:
    """Verbs of reckoning that place a figure on a scale ("puts the probability ... at 31.5%"): their person or
    organisation subject states only the figure their ``PLACING_PREPOSITION`` governs."""
    return frozenset(numbers_lexicon()["reckoning_verbs"]["placing"])


@dataclass
class Issuers:
    """Resolves the issuer of document speakers in one parsed article."""

    text: str
    doc: Doc
    statements: tuple[Statement, ...]
    resolver: SpeakerResolver
    # Speakers that issue nothing whatever the parse says: a share of those polled ("43 percent of Romney's
    # voters said ... in the 2012 exit polls") answers a poll, it does not issue it (claims passes its test).
    answers: Callable[[Speaker], bool] = field(default=lambda _: False)
    # Statements by the span of their speaker phrase, and each statement's claimant once resolved: many
    # figures share a statement, and a long article must stay linear.
    speakers: SpanIndex[Statement] = field(init=False)
    contents: SpanIndex[Statement] = field(init=False)
    cues: SpanIndex[Statement] = field(init=False)
    resolved: dict[str, Speaker] = field(init=False, default_factory=dict)
    issued: dict[tuple[int, int, int], Speaker | None] = field(init=False, default_factory=dict)
    # Token indices by lower-cased lemma, for earlier mentions of a document noun.
    lemmas: dict[str, list[int]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.speakers = SpanIndex(
            [(s.speaker.span.start, s.speaker.span.end, s) for s in self.statements if s.speaker.span]
        )
        self.contents = SpanIndex(
            [(s.content_span.start, s.content_span.end, s) for s in self.statements if s.content_span]
        )
        self.cues = SpanIndex([(s.cue_span.start, s.cue_span.end, s) for s in self.statements if s.cue_span])
        # From the Doc's columns (read once per Doc for the statement rules too), not a Token per word.
        for i, lemma in enumerate(columns(self.doc).lemmas):
            self.lemmas.setdefault(lemma, []).append(i)

    @classmethod
    def of(
        cls,
        text: str,
        doc: Doc,
        statements: Sequence[Statement],
        entities: Sequence[Entity],
        answers: Callable[[Speaker], bool] | None = None,
    ) -> Issuers:
        resolver = SpeakerResolver(text, entities)
        if answers is None:
            return cls(text, doc, tuple(statements), resolver)
        return cls(text, doc, tuple(statements), resolver, answers)

    def claimant(self, statement: Statement) -> Speaker:
        """The statement's speaker, or the document's issuer when the speaker is a document with one."""
        if statement.id not in self.resolved:
            self.resolved[statement.id] = self._issuer(statement.speaker, 0) or statement.speaker
        return self.resolved[statement.id]

    def document_phrase(self, start: int, end: int) -> Speaker:
        """A document's phrase ("campaign finance records") as a speaker: its issuer where the text names
        one, else the phrase, as a document statement's speaker is read."""
        span = Span.of(self.text, start, end)
        described = Speaker(text=span.text, span=span)
        return self._issuer(described, 0) or described

    def quoted_within(self, start: int) -> Speaker | None:
        """The speaker an inner quotation holding ``start`` is attributed to inside its outer quotation."""
        bounds = _inner_quotation(self.text, start)
        if bounds is None:
            return None
        outer, inner = bounds
        clause_verbs = Lexicon.load().clause
        for token in self.doc.char_span(outer, inner, alignment_mode="contract") or ():
            if token.pos_ == "VERB" and token.lemma_.lower() in clause_verbs:
                found = self._subject_of(token)
                if found is not None:
                    return found
        return None

    def frame(self, start: int, end: int) -> tuple[Statement | None, Speaker] | None:
        """The source a phrase on the figure's clause names: a statement whose cue is such a phrase ("59
        percent view her unfavorably, according to a poll" when the statement's content is the wrong side),
        else a document after "in" ("In an early-October CBS News poll, she led 56 percent to 32 percent"),
        claimed by its issuer. A figure inside the phrase itself ("in a letter to 50 senators") is not framed.
        claims v30: a figure whose noun heads its sentence has its own phrases read as a verb's would be."""
        root = span_root(self.doc, start, end)
        if root is None:
            return None
        if root.dep_ == ROOT_DEP:
            # The figure's phrase heads its sentence (a clause the parse reads without a verb: "In the most recent
            # YouGov/Economist survey, 71 percent of Sanders supporters approved of Obama"): its own phrases
            # outside the figure frame it as a verb's would.
            found = self._first_framed(c for c in root.children if not start <= c.idx < end)
            if found is not None:
                return found
        for node, head in climb(root, MAX_FRAME_HOPS):
            found = self._first_framed(c for c in head.children if c.i != node.i)
            if found is not None:
                return found
        return None

    def _first_framed(self, children: Iterator[Token]) -> tuple[Statement | None, Speaker] | None:
        """What the first prepositional phrase among a head's ``children`` that names a source frames
        (``_framed``), in the parse's order."""
        for prep in children:
            if prep.dep_ == "prep" and (found := self._framed(prep)) is not None:
                return found
        return None

    def reckoned(self, start: int, end: int) -> Speaker | None:
        """Who states a figure that a verb of reckoning governs, outside every statement: the issuer of a
        document subject, else the document ("A Field Poll put his support at 5 percent"), or a person or
        organisation subject of a verb of calculating ("The Labor Department calculates that 4.2 million
        workers ..."). The nearest such verb above the figure decides; a figure in the subject is not its."""
        root = span_root(self.doc, start, end)
        documents, issuers = reckoning_verbs()
        for node, head in climb(root, MAX_FRAME_HOPS) if root is not None else ():
            lemma = head.lemma_.lower()
            placed = node.dep_ == "prep" and node.lower_ == PLACING_PREPOSITION and lemma in placing_verbs()
            reckoning = head.pos_ == "VERB" and (lemma in documents | issuers or placed)
            if node.dep_ in RECKONING_ASIDE_DEPS and not (reckoning and _runs_on(node, head)):
                return None  # "Polls show a close contest in the state, where 18 electoral votes are up"
            if not reckoning:
                continue
            if node.dep_ not in RECKONED_DEPS and not _runs_on(node, head):
                return None  # "Though his plan would cost $4 trillion, one study found ...": not what it found
            return self._reckoner(head, placed)
        return None

    def cited(self, start: int, end: int) -> Speaker | None:
        """Who cites what holds the figure, outside every statement: the subject of a verb of citing whose
        object (``citing_verbs``) holds it ("Mr. Cruz pointed to figures from 2010, when the Department of
        Justice brought just 44 prosecutions" -> Mr. Cruz), a participle's taken from the clause it hangs on
        ("..., citing a 40 percent rise"). Only a subject that speaks: a statement's speaker, a person or an
        organisation, a pronoun (claims reads what it stands for) or, as the verb's own subject, people named by
        their role ("critics"); never a count of the people cited (``_relays``).
        A clause a relative adverb opens is cited with its object; one describing it in the outlet's words is
        not (``_describes``); one cited as saying the figure claims it (``_cited_speaker``)."""
        root = span_root(self.doc, start, end)
        verbs, speech = citing_verbs(), Lexicon.load().clause
        quoted: Token | None = None
        for node, head in climb(root, MAX_CITED_HOPS) if root is not None else ():
            lemma = head.lemma_.lower()
            if quoted is None and head.dep_ == CITED_SPEAKER_DEP and head.tag_ == CITED_SPEAKER_TAG and lemma in speech:
                quoted = head.head  # "cited a Guatemalan official saying 44 people ... were infected"
            elif quoted is None and _describes(node):
                return None
            if head.pos_ != "VERB" or lemma not in verbs:
                continue
            if not _cites(head, node, verbs[lemma]):
                return None
            if quoted is not None:
                return self._cited_speaker(quoted)
            return None if _relays(node) else self._citer(head)
        return None

    def _cited_speaker(self, noun: Token) -> Speaker | None:
        """A person or organisation cited as saying the figure ("The Associated Press later cited a Guatemalan
        official saying 44 people ... were infected"): the phrase up to the participle, their entity if any."""
        span = Span.of(self.text, noun.left_edge.idx, noun.idx + len(noun.text))
        entity = self.resolver.entity_at(noun)
        if entity is not None:
            return self._issuing(span, entity)
        return Speaker(text=span.text, span=span) if names_someone(noun) else None

    def _citer(self, verb: Token) -> Speaker | None:
        """The speaker a verb of citing's subject names (see ``cited``)."""
        subject = _active_subject(verb)
        borrowed = subject is None and verb.dep_ in CITING_CLAUSE_DEPS
        if borrowed:
            subject = _clause_subject(verb.head)
        if subject is None:
            return None
        subject, span = self._subject_phrase(subject)  # "Mr. Cruz, who pointed to ...": Mr. Cruz
        speaking = self.speaker_at(subject.idx)
        if speaking is not None:
            return self.claimant(speaking)
        issuing = self._issuing(span, self.resolver.entity_at(subject))
        if issuing is not None:
            return issuing
        if subject.tag_ in PERSONAL_PRONOUN_TAGS or (
            not borrowed and subject.pos_ == "NOUN" and subject.tag_ in PLURAL_NOUN_TAGS
        ):
            return Speaker(text=span.text, span=span)
        return None

    def reckoned_tail(self, start: int, end: int) -> Speaker | None:
        """Who states a figure listed on after a verb of reckoning's clause in its sentence, outside it: a
        document's results run on past what the parse hangs on the verb (v14: "a Bloomberg Politics poll that
        showed him leading Mrs. Clinton by 2 points in Florida, 45 percent to 43 percent"), as statements'
        results do (``claims._document_tail``). Only a document subject, only punctuation between the
        clause's end and the figure's phrase, and no statement's cue in between."""
        root = span_root(self.doc, start, end)
        if root is None:
            return None
        documents = reckoning_verbs()[0]
        verbs = [t for t in root.sent if t.i < root.i and t.pos_ == "VERB" and t.lemma_.lower() in documents]
        for verb in reversed(verbs):
            last = verb.right_edge
            clause_end = last.idx + len(last.text)
            if clause_end > start or self.cues.overlapping(clause_end, start):
                continue
            phrases = [root, *(head for _, head in climb(root, MAX_FRAME_HOPS))]
            edges = [p.left_edge.idx for p in phrases if p.left_edge.idx >= clause_end]
            if any(_LIST_GAP.fullmatch(self.text, clause_end, edge) for edge in edges):
                return self._reckoner(verb) if self._documented(verb) else None
        return None

    def _documented(self, verb: Token) -> bool:
        """Whether a verb of reckoning's subject is a document (a relative pronoun standing for one)."""
        subject = _active_subject(verb)
        subject = antecedent(subject) if subject is not None else None
        return subject is not None and (
            (subject.pos_ == "NOUN" and subject.lemma_.lower() in reckoning_documents()) or _named_document(subject)
        )

    def _reckoner(self, head: Token, placed: bool = False) -> Speaker | None:
        """The speaker a verb of reckoning's subject names (see ``reckoned``); ``placed``: the figure hangs on
        the verb's ``PLACING_PREPOSITION``."""
        lemma = head.lemma_.lower()
        documents, issuers = reckoning_verbs()
        if placed:
            # v15: a person or organisation places the figure too ("Forbes Magazine pegged her net worth at $1.85
            # billion"); 6 AllSides claims changed, all right, and 3 PolNeAR train claims now right.
            documents, issuers = documents | {lemma}, issuers | {lemma}
        subject = _active_subject(head)
        if subject is None:
            return None
        subject, span = self._subject_phrase(subject)  # "a poll that showed ...": the poll
        if lemma in documents and subject.pos_ == "NOUN" and subject.lemma_.lower() in reckoning_documents():
            described = Speaker(text=span.text, span=span)
            return self._issuer(described, 0) or described
        if lemma in documents and _named_document(subject):
            # v12: a document noun written as part of the poll's name ("The latest Gallup Poll showed 55%
            # support for gay marriage and 42% opposed"), as after "in" (DOCUMENT_POS): its issuer.
            phrase = self.doc[subject.left_edge.i : subject.right_edge.i + 1]
            return self._named_in(phrase, subject) or Speaker(text=span.text, span=span)
        if lemma in issuers and (issuing := self._issuing(span, self.resolver.entity_at(subject))) is not None:
            return issuing
        if lemma in judging_verbs() and subject.pos_ == "NOUN" and subject.tag_ in PLURAL_NOUN_TAGS:
            # v16: people named by their role reckon as a person does ("Economists surveyed by Refinitiv had
            # forecast ... the unemployment rate to rise to 3.8 percent", "officials estimated casualties of at
            # least 29 people"): the description, as a statement's unnamed speaker is. Proxy seeds 9100 / 9200:
            # 2 / 1 claims, right; 34 AllSides reports holding such a verb (seed 9103): 6 changed with
            # ``claims._nested_reckoning``, all right.
            return Speaker(text=span.text, span=span)
        if lemma in issuers and subject.lower_ in PRONOUN_TAGS:
            # v13: "It last week estimated that working hours ... were 14% lower" after "..., according to
            # the International Labour Organization": the pronoun, for claims to read as what it stands for.
            # 4 claims changed in the 41 AllSides reports holding such a pronoun (seed 3602), all right.
            return Speaker(text=span.text, span=span)
        return None

    def _subject_phrase(self, subject: Token) -> tuple[Token, Span]:
        """A verb's subject and its phrase: the noun a relative pronoun stands for, its phrase up to the clause
        ("a poll that showed ...": "a poll"), else the subject's whole phrase."""
        if (noun := antecedent(subject)).i != subject.i:
            return noun, Span.of(self.text, noun.left_edge.idx, noun.idx + len(noun.text))
        return subject, Span.of(self.text, *subtree_range(subject))

    def _framed(self, prep: Token) -> tuple[Statement | None, Speaker] | None:
        # A cue that opens with the preposition ("according to"), not one that ends with it ("voted for").
        cued = next(
            (
                s
                for s in self.cues.overlapping(prep.idx, prep.idx + 1)
                if s.cue_span is not None and s.cue_span.start == prep.idx
            ),
            None,
        )
        if cued is not None:
            return cued, self.claimant(cued)
        if prep.lower_ == SOURCE_PREPOSITION:
            return self._per(prep)
        if prep.lower_ != "in":
            return None
        return self._in_document(prep)

    def named_source(self, prep: Token) -> Speaker | None:
        """The source a "per" phrase or a listed source preposition ("according to", ``Lexicon.prepositions``)
        names when no statement reads it as a cue (claims v32: one inside another speaker's quotation, which the
        statement rules do not read): a person or an organisation, or a document claimed by its issuer, as
        ``_per`` reads them; None for any other word."""
        to: Token | None = prep
        if prep.lower_ != SOURCE_PREPOSITION:
            second = Lexicon.load().prepositions.get(prep.lower_)
            to = next((c for c in prep.children if c.dep_ == "prep" and c.lower_ == second), None) if second else None
        found = self._per(to) if to is not None else None
        return found[1] if found is not None else None

    def _in_document(self, prep: Token) -> tuple[Statement | None, Speaker] | None:
        """ "in" + a determined document ("In an early-October CBS News poll"): its issuer, else the document."""
        document = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if (
            document is None
            or document.pos_ not in DOCUMENT_POS
            or document.lemma_.lower() not in document_nouns()
            or not any(c.dep_ in DETERMINING_DEPS for c in document.children)
        ):
            return None
        phrase = self.doc[document.left_edge.i : document.right_edge.i + 1]
        named = self._named_in(phrase, document)
        if named is not None:
            return None, named
        # v14: the description stops before a clause on the noun ("a new Nevada poll that shows Romney's running
        # mate ..." -> "a new Nevada poll"): the clause says what the document holds, not what it is.
        clause = next((c for c in document.rights if c.dep_ in DOCUMENT_CLAUSE_DEPS), None)
        last = self.doc[clause.left_edge.i - 1] if clause is not None else phrase[-1]
        described = Span.of(self.text, phrase.start_char, last.idx + len(last.text))
        return None, Speaker(text=described.text, span=described)

    def _per(self, prep: Token) -> tuple[Statement | None, Speaker] | None:
        """The source "per" names, as "according to" does ("Per the Department of Veterans
        Affairs, four million Americans fought in World War One"): a person or an organisation, or a
        document claimed by its issuer ("Per Census Bureau data"), wherever the parse hangs it ("(Both currently
        trail by 5 to 6 points, per RealClearPolitics.)", "Another interesting detail, per the AP, is that
        more than 95 percent ..."). Not a rate ("24 murders per 100,000 citizens"), which names no one."""
        source = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if source is None:
            return None
        start, end = subtree_range(source)
        # The parse may hang the comma that ends the phrase on its noun ("Per the Census Bureau, ...").
        span = Span.of(self.text, start, start + len(self.text[start:end].rstrip(",;: ")))
        # spaCy lemmatises "data" as "datum": the word as written is the lexicon's too.
        if source.pos_ in DOCUMENT_POS and {source.lemma_.lower(), source.lower_} & document_nouns():
            described = Speaker(text=span.text, span=span)
            return None, self._issuer(described, 0) or described
        issuing = self._issuing(span, self.resolver.entity_at(source))
        return (None, issuing) if issuing is not None else None

    def _issuer(self, speaker: Speaker, depth: int) -> Speaker | None:
        if speaker.span is None or depth >= MAX_DEPTH:
            return None
        key = (speaker.span.start, speaker.span.end, depth)
        if key not in self.issued:
            found = self._find_issuer(speaker, depth)
            self.issued[key] = None if found is not None and self.answers(found) else found
        return self.issued[key]

    def _find_issuer(self, speaker: Speaker, depth: int) -> Speaker | None:
        phrase = self._phrase(speaker)
        if phrase is None:
            return None
        head = phrase.root
        # A proper noun is a name, not a document ("the Washington Post", "the Mercatus Study"), unless it is a
        # document noun written as part of a name the entity records did not take as one ("according to a
        # Suffolk University/Boston Globe Poll", "In a CNN/ORC International Poll the same month, 38 percent
        # said ..."): the same document the frame after "in" and a verb of reckoning give to its issuer.
        document = head.pos_ == "NOUN" and head.lemma_.lower() in document_nouns()
        if not document and not (speaker.entity is None and _named_document(head)):
            return None
        named = self._named_in(phrase, head)
        if named is not None:
            return named
        outer = innermost_statement(
            self.contents.overlapping(phrase.start_char, phrase.end_char), phrase.start_char, phrase.end_char
        )
        if outer is not None:
            return self._issuer(outer.speaker, depth + 1) or outer.speaker
        if phrase[0].lower_ in DEFINITE and not any(_is_name(t) for t in phrase if t.i < head.i):
            # v14: a document with a name of its own ("The Monmouth poll found", the name a place's, so no
            # issuer above) is no anaphor of an earlier one ("a CNN poll"): it stays described.
            return self._antecedent(head, depth)
        return None

    def _phrase(self, speaker: Speaker) -> SpacySpan | None:
        if speaker.span is None:
            return None
        phrase = self.doc.char_span(speaker.span.start, speaker.span.end, alignment_mode="expand")
        return phrase if phrase is not None and len(phrase) else None

    def _named_in(self, phrase: SpacySpan, head: Token) -> Speaker | None:
        """An issuing entity named before the document noun ("a Pew Research Center poll", "Trump's tweet")
        or after "by"/"from" ("a report by the Institute ..."), else a proper noun there the entity records
        missed ("the KFF study"). Not a name elsewhere in the phrase ("a poll of Iowa voters")."""
        places = [(phrase.start_char, head.idx)]
        for prep in _issuer_phrases(head):
            end = prep.right_edge.idx + len(prep.right_edge.text)
            if prep.dep_ == "agent":  # may lie past a speaker phrase the statement rules cut at the noun
                places.append((prep.idx, end))
            elif prep.i < phrase.end:
                places.append((prep.idx, min(phrase.end_char, end)))
        for start, end in places:
            for mention in self.resolver.overlapping(start, end):
                if start <= mention.start and mention.end <= end and mention.entity.type in ISSUING_TYPES:
                    return Speaker(
                        text=self.text[mention.start : mention.end],
                        entity=self.resolver.fullest(mention.entity),
                        span=Span.of(self.text, mention.start, mention.end),
                    )
        names = [t for t in phrase if any(s <= t.idx < e for s, e in places) and _is_name(t)]
        for first in names:
            if first.i > phrase.start and _is_name(self.doc[first.i - 1]) and self.doc[first.i - 1] in names:
                continue  # inside a run already read
            last = first
            while last.i + 1 < phrase.end and last.i + 1 != head.i and _is_name(self.doc[last.i + 1]):
                last = self.doc[last.i + 1]
            span = Span.of(self.text, first.idx, last.idx + len(last.text))
            if not all(self._place(t) for t in self.doc[first.i : last.i + 1]):
                return Speaker(text=span.text, span=span)
            # v14: a place's name is no issuer ("a new Nevada poll"; see ``_place``), unless it opens the name
            # of an organisation the article names ("The Monmouth poll" beside "Monmouth University").
            named = self._organisation_opened_by(span.text)
            if named is not None:
                return Speaker(text=span.text, entity=named.name, span=span)
        return None

    def _organisation_opened_by(self, words: str) -> Entity | None:
        """The organisation of the article whose name opens with ``words`` ("Monmouth" -> Monmouth University),
        where the article never writes the place as a place: after a preposition of place ("in Nevada", "in
        the U.S."), not as the start of a name or a document ("In the Monmouth poll"). A place written so stays
        one, whatever organisations its name opens ("U.S. lobbying records" beside "U.S. Senate")."""
        lead = words + " "
        found = next((e for e in self.resolver.entities if e.type == "ORG" and e.name.startswith(lead)), None)
        if found is None:
            return None
        for mention in self.resolver.mentions:
            if mention.entity.type not in COVERED_PLACE_TYPES or self.text[mention.start : mention.end] != words:
                continue
            after = _NEXT_WORD.match(self.text, mention.end)
            word = after.group(1) if after is not None else ""
            named = word[:1].isupper() or word.lower().rstrip("s") in document_nouns()
            if not named and _PLACE_LEAD.search(self.text, max(0, mention.start - PLACE_LEAD_CHARS), mention.start):
                return None
        return found

    def _place(self, token: Token) -> bool:
        """Whether the entity records hold ``token`` as a place (GPE), not an issuer (v14): before a document
        noun a place names what the document covers ("a new Nevada poll"), in a possessive the body that
        issued it ("official results by Ireland's referendum commission"), whose own noun is no name. The bare
        proper noun had been read as the issuer where the entity mention, a place, was not (ISSUING_TYPES).
        Pollsters the parse tags as places ("A recent Bloomberg poll", "a Quinnipiac poll") stay the poll's
        phrase unless ``_organisation_opened_by`` finds their organisation. Proxy seed 3500: 7 claims changed,
        all wrong before and right after; PolNeAR train 7 changed, all right before and after ("Bergen County
        land records", not the county)."""
        mentions = self.resolver.overlapping(token.idx, token.idx + len(token.text))
        return any(m.entity.type in COVERED_PLACE_TYPES for m in mentions) and not any(
            m.entity.type in ISSUING_TYPES for m in mentions
        )

    def _antecedent(self, head: Token, depth: int) -> Speaker | None:
        """The issuer given where the document was mentioned before ("X said in a statement ...")."""
        mentions = self.lemmas.get(head.lemma_.lower(), [])
        for i in reversed(
            mentions[bisect.bisect_left(mentions, head.i - ANTECEDENT_WINDOW) : bisect.bisect_left(mentions, head.i)]
        ):
            found = self._issued_by(self.doc[i], depth)
            if found is not None:
                return found
        return self._just_issued(head)

    def _just_issued(self, head: Token) -> Speaker | None:
        """ "Trump posted a message on Twitter. The tweet said ...": a document first named right after
        someone's act of issuing one (an issuing verb other than speech, in this sentence or the one before)
        is that act's document."""
        sentence = head.sent
        start = self.doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
        for i in range(head.i - 1, start - 1, -1):
            verb = self.doc[i]
            if verb.pos_ == "VERB" and verb.lemma_.lower() in issuing_verbs() - SPEAKING_VERBS:
                found = self._subject_of(verb)
                if found is not None:
                    return found
        return None

    def _issued_by(self, token: Token, depth: int) -> Speaker | None:
        speaking = self.speaker_at(token.idx)
        if speaking is not None:
            return self._issuer(speaking.speaker, depth + 1) if self._phrase(speaking.speaker) else None
        if token.pos_ == "NOUN":
            subtree = self.doc[token.left_edge.i : token.right_edge.i + 1]
            named = self._named_in(subtree, token)
            if named is not None:
                return named
        clause = token
        while clause.pos_ not in {"VERB", "AUX"} and clause.dep_ in _UP_DEPS and clause.head.i != clause.i:
            clause = clause.head
        if clause.pos_ not in {"VERB", "AUX"} or clause.lemma_.lower() not in issuing_verbs():
            # "Obama pointed to the report": the subject cites the document, it did not issue it.
            return None
        return self._subject_of(clause)

    def _subject_of(self, clause: Token) -> Speaker | None:
        """The issuer a verb's subject names: the speaker resolved for it, or its organisation or person."""
        subject = _active_subject(clause)
        if subject is None:
            return None
        speaking = self.speaker_at(subject.idx)
        if speaking is not None:
            return speaking.speaker
        return self._issuing(Span.of(self.text, *subtree_range(subject)), self.resolver.entity_at(subject))

    def _issuing(self, span: Span, entity: Entity | None) -> Speaker | None:
        """The speaker an issuing entity's phrase ``span`` names (``ISSUING_TYPES``), by the entity's fullest
        name; None for no entity or one of another type."""
        if entity is None or entity.type not in ISSUING_TYPES:
            return None
        return Speaker(text=span.text, entity=self.resolver.fullest(entity), span=span)

    def heads_speaker(self, token: Token) -> bool:
        """Whether ``token`` heads a statement's speaker phrase ("according to the International Labour
        Organization"): a source a later pronoun may stand for, as a subject may."""
        statement = self.speaker_at(token.idx)
        span = statement.speaker.span if statement is not None else None
        root = span_root(self.doc, span.start, span.end) if span is not None else None
        return root is not None and root.i == token.i

    def speaker_at(self, char: int) -> Statement | None:
        """The statement whose speaker phrase covers ``char``."""
        return next(iter(self.speakers.overlapping(char, char + 1)), None)


def _runs_on(node: Token, verb: Token) -> bool:
    """Whether ``node`` is a participle clause after ``verb`` that runs on what the verb states: no marker,
    no subject of its own ("A Monmouth poll showed Clinton with a healthy lead, earning 51 percent ...", "a
    WBUR poll showed Rubio at 11 percent, followed by Kasich at 10 percent")."""
    return (
        node.dep_ == RUN_ON_DEP
        and node.tag_ in RUN_ON_TAGS
        and node.i > verb.i
        and not any(c.dep_ in RUN_ON_BLOCKING_DEPS for c in node.children)
    )


def _describes(node: Token) -> bool:
    """Whether ``node`` heads a clause describing what it hangs on in the outlet's words (``CITED_ASIDE_DEPS``),
    not one a relative adverb opens."""
    if node.dep_ not in CITED_ASIDE_DEPS:
        return False
    return not (node.dep_ == "relcl" and any(c.tag_ == RELATIVE_ADVERB_TAG for c in node.children))


def _cites(verb: Token, node: Token, word: str | None) -> bool:
    """Whether ``node`` under a verb of citing is what it cites: the object (the direct one, or the one
    ``word`` introduces), or a phrase after that object the parse hangs on the verb ("pointed to figures from
    2010, when ...": "from 2010" on "pointed")."""
    cited = _cited_object(verb, word)
    return cited is not None and (node.i == cited.i or (node.i > cited.i and _cited_tail(node)))


def _clause_subject(clause: Token) -> Token | None:
    """The subject a participle of citing borrows from the clause it hangs on (v26): a reported clause's
    reporter's, found up through open clauses without a subject of their own (``REPORTED_CLAUSE_DEPS``)."""
    if clause.dep_ in REPORTED_CLAUSE_DEPS:
        clause = clause.head
        for _ in range(MAX_CLAUSE_HOPS):
            if clause.dep_ != OPEN_CLAUSE_DEP or _active_subject(clause) is not None:
                break
            clause = clause.head
    return _active_subject(clause)


def _active_subject(head: Token) -> Token | None:
    """The first active subject (``nsubj``) ``head`` governs, if any."""
    return next((c for c in head.children if c.dep_ == "nsubj"), None)


def _cited_object(verb: Token, word: str | None) -> Token | None:
    """A verb of citing's object: the direct one, or the one ``word`` introduces."""
    return next(
        (c for c in verb.children if (c.dep_ == "dobj" if word is None else c.dep_ == "prep" and c.lower_ == word)),
        None,
    )


def _cited_tail(node: Token) -> bool:
    """Whether a phrase the parse hangs on a verb of citing after its object continues what is cited (v26):
    a ``CITED_TAIL_PREPOSITIONS`` phrase with a noun object ("figures from 2010"), not one of a verb."""
    return (
        node.dep_ == "prep"
        and node.lower_ in CITED_TAIL_PREPOSITIONS
        and any(c.dep_ == CITED_TAIL_OBJECT_DEP for c in node.children)
    )


def names_someone(noun: Token) -> bool:
    """Whether a common noun names someone (v26): a title's last word ("spokesman", "analyst"), an agent noun
    ("researchers", "the committee") or a person of ``RELAY_NOUNS`` ("a Guatemalan official")."""
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and (lemma in title_heads() or lemma in RELAY_NOUNS or agent_noun(noun))


def _relays(node: Token) -> bool:
    """Whether a verb of citing relays its subject's sources rather than putting a figure forward (v26): what
    it cites is people (``RELAY_NOUNS``: "The Washington Post, citing three people familiar with the matter,
    reported ...")."""
    cited = node if node.dep_ != "prep" else next((c for c in node.children if c.dep_ == "pobj"), node)
    return cited.lemma_.lower() in RELAY_NOUNS


def _issuer_phrases(head: Token) -> Iterator[Token]:
    """The phrases after a document noun that name its issuer: "by"/"from" on the noun ("a report by X"), and
    the agent of a participle on it ("An Iowa poll conducted by The Des Moines Register", "a study published
    by X"), which names the issuer where a name before the noun is only the document's place or subject. The
    agent changed 8 claims on 280 AllSides reports (seeds 11-15), all right; PolNeAR train +1, dev 0."""
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ISSUER_PREPOSITIONS:
            yield child
        elif child.dep_ == "acl" and child.pos_ == "VERB" and child.lemma_.lower() not in acquiring_verbs():
            yield from (c for c in child.children if c.dep_ == "agent")


def _named_document(token: Token) -> bool:
    """Whether a proper noun is a document noun written as part of a name ("a CNN/ORC International Poll",
    "The latest Gallup Poll", "A Field Poll"): a document's lemma after a name of its own. "The Post found"
    names a newspaper, no document (PolNeAR train: the only such subject, the outlet's own voice)."""
    return (
        token.pos_ == "PROPN"
        and token.lemma_.lower() in document_nouns()
        and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)
    )


def _is_name(token: Token) -> bool:
    """A capitalised proper noun that may name an issuer (not a date, an event or a group adjective)."""
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.ent_type_ not in NOT_ISSUERS


def _inner_quotation(text: str, start: int) -> tuple[int, int] | None:
    """(outer opening, inner opening) when ``start`` lies inside a single-marked quotation (‘...’) that lies
    inside a double-marked one (“...”) opened in the same paragraph; an apostrophe ("Obama’s") closes none."""
    paragraph = text.rfind("\n", max(0, start - QUOTATION_WINDOW), start) + 1 or max(0, start - QUOTATION_WINDOW)
    inner = text.rfind("\u2018", paragraph, start)
    if inner < 0 or _closes(text, inner, start, "\u2019"):
        return None
    outer = text.rfind("\u201c", paragraph, inner)
    if outer < 0 or "\u201d" in text[outer:inner]:
        return None
    return outer, inner


def _closes(text: str, start: int, end: int, mark: str) -> bool:
    """Whether a closing ``mark`` not followed by a letter (an apostrophe is) lies in ``text[start:end]``."""
    at = text.find(mark, start, end)
    while at >= 0:
        if at + 1 >= len(text) or not text[at + 1].isalpha():
            return True
        at = text.find(mark, at + 1, end)
    return False
