"""statements.rules.v1: who said what, with the cue, the content and the relay chain, from the parse.

One pass over the Doc's sentences. In each, a token is a cue when the lexicon (``data/cues.yaml``) lists its
lemma (a reporting verb), it heads a phrasal cue ("pointed out", "called on") or a light-verb cue ("made the
case for", "raised concerns about"), or it opens a source preposition ("according to"). For a verb cue:

- the content is its complement clause (the ``ccomp``: "said that X", and the inverted "X, said Y"; also a
  that-clause the parse hung on a noun after the cue, "says in a statement that X"), else an adjacent
  quotation, else for object-taking cues the words after the cue up to the end of its phrase ("underscored
  the need to ..."); a quotation opening the sentence and closed by a comma, question or exclamation mark
  ("“...,” Reyes, 58, told the Herald") is the content however the parse hung it;
- the speaker is its subject, or the agent of a passive ("was first reported by Politico"), inherited from
  the governing verb for participles and coordinated verbs ("Stressing that X, Farhadov expressed ...",
  "... and called on ...", "began by saying ..."), resolved inside the article by
  ``speakers.SpeakerResolver``;
- a quotation the content touches is taken whole, across sentences, and decides the kind: direct (all
  quoted), mixed (partly quoted), indirect. Quoted titles ("Khojaly Genocide Day") are names, not quotes.

A quotation resumed after its cue ("“A,” he said. “B.”") continues that statement. A sentence opening
with a person's or organisation's name and a colon ("Kerry: ...") is its statement, to the end of the
paragraph; a title-case headline verb the parser took for a name ("X Praises Y") is a cue; so is a cue noun
with a possessor ("his warning that ...").

A statement reported inside another's content ("A said that B supports X") is part of that one, not a
statement of its own; a participle opening a sentence with no complement ("Referring to X, Y spoke ...")
is an adjunct, not a cue.

A relay tail ("..., Trend reports referring to the Embassy.") adds the outlet, then its source, to the
``via`` chain of the statements before it, and is itself a statement by the outlet.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from dateline.extract.speakers import SUBJECT_DEPS, SpeakerResolver, load_cues
from dateline.model import Analysis, Article, Span, Speaker, Statement
from dateline.nlp.components import line_start
from dateline.registry import extractor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

EXTRACTOR = "statements.rules.v1"
OPEN_QUOTES = "“«"
CLOSE_QUOTES = "”»"
STRAIGHT_QUOTE = '"'
# A content at least this share of which lies inside quotation marks is a direct quotation; the rest of it
# is the quote marks' own punctuation ("“...,” he said" leaves a comma outside).
DIRECT_SHARE = 0.9
# A quoted fragment is a name or title ("Justice For Khojaly", "Khojaly Genocide Day"), not speech, when it
# is short and most of its words are capitalised (news style capitalises titles, not quoted speech).
TITLE_MAX_WORDS = 10
TITLE_CAPITALISED_SHARE = 0.6
# A question mark ends quoted speech, not a title ("“Mr. D’Souza?”"); an exclamation mark can end either
# ("“What a Super Tuesday!”", the campaign "“Justice For Khojaly!”" of the samples).
SPEECH_ENDS = "?"
# Punctuation that may stand between a cue and its quotation ("said: “", "“...,” he said").
QUOTE_JOINERS = ":,"
# Marks that close a quotation's words when the attribution follows in the same sentence ("“...,” he said",
# "“...?” asked Cruz"); a quotation closed by a full stop ends its sentence instead.
LEADING_QUOTE_ENDS = ",?!"
# Words that may stand between a speaker and its cue besides the speaker's own phrase ("Trump also said",
# "Kiedis had told", "Cruz did not say").
SPEAKER_CUE_FILLERS = frozenset({"ADV", "AUX", "PART", "PUNCT", "SPACE"})
# Words that stand for a whole answer right after a cue ("said yes", "said so").
ANSWER_WORDS = frozenset({"yes", "no", "so"})
# Relations of a name or number standing right before a subjectless cue that the parse mistook for the
# cue's modifier ("About 4 in 10/nummod say", "Bozell/compound answers").
ADJACENT_SUBJECT_DEPS = frozenset({"compound", "nummod", "npadvmod", "dep", "advmod"})
# Parts of speech of a noun or a name.
NOUN_POS = frozenset({"NOUN", "PROPN"})
# Parts of speech of a name or number the parse made a cue's modifier rather than its subject.
ADJACENT_SUBJECT_POS = NOUN_POS | {"NUM"}
# Parts of speech of a speaker the parse did not make a subject ("“...,” Trump, the frontrunner, said").
SPEAKER_POS = frozenset({"PROPN", "NOUN", "PRON"})
# Subjects that are not speakers: expletive and demonstrative "it"/"this" ("it was reported that").
NON_SPEAKERS = frozenset({"it", "this", "that", "there", "what", "which"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# Dependency relations through which a subjectless cue takes its governor's subject, and how many hops.
INHERITS_SUBJECT = frozenset({"conj", "advcl"})
MAX_INHERIT = 3
# Tags of a noun a participle may take as its speaker ("voters saying ...", "Democrats backing ..."): a name
# or a plural, the people it names; not a singular common noun ("a video highlighting ...").
GROUP_TAGS = frozenset({"NNP", "NNPS", "NNS"})
# Tags of a finite verb: one that must have a subject of its own.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# Objects of a verb that, when present, do what its open complement says ("urged them to condemn").
CONTROLLING_OBJECTS = frozenset({"dobj", "dative"})
# Parts of speech that make a stretch of words a clause rather than a noun phrase.
CLAUSE_POS = frozenset({"VERB", "AUX"})
# Dependents of a cue noun that hold what was said: a that-clause or infinitive ("his warning that ...",
# "refusal to disavow ..."), or a prepositional object ("criticism of the deal", "endorsement for Clinton").
NOUN_CONTENT_DEPS = frozenset({"acl", "ccomp", "prep"})
# How the parse hangs a cue's that-clause on a noun after it ("says in a statement that X").
STRAY_CLAUSE_DEPS = frozenset({"acl", "relcl", "ccomp"})
# Dependents of a cue that says nothing of its own ("As the Times previously reported, X").
BARE_CUE_DEPS = frozenset({"nsubj", "mark", "advmod", "aux", "npadvmod", "punct"})
# Dependents that end a cue's phrase: a coordinated verb or clause is a statement of its own.
PHRASE_BREAKS = frozenset({"conj", "cc"})
# A participial cue, or one with a subject of its own, heading one of these inside a content starts a
# statement of its own, where the content ends: "pointed to X, noting that Y", "charged X after prosecutors
# determined that Y" (PolNeAR annotates each as its own attribution). On PolNeAR train 150 the participles
# took overlap F1 0.740 -> 0.745, the cues with a subject 0.7706 -> 0.7722; cutting also at relative
# clauses ("..., which I said was ...") and finite coordinated cues added more false statements than it
# found.
NESTED_STATEMENT_DEPS = frozenset({"advcl"})
# "Name: words" (interview transcripts, headlines, "Kerry: ..."): a colon after at most this many tokens
# that name a person opens what that person said, to the end of the paragraph. Names in PolNeAR train run
# to three tokens ("Sen. Bernie Sanders"); one more leaves room for a title.
COLON_LABEL_MAX_TOKENS = 4
# Entity types that a "Label:" opening a line names when it is a dateline or a heading, not a speaker.
NOT_SPEAKER_LABELS = frozenset({"GPE", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL", "EVENT", "FAC"})
# Who a "Label: words" line is attributed to: people and organisations ("NY Daily News: ...", "UN: ...",
# headline style in PolNeAR train); not places, which open datelines ("Washington: ...").
COLON_LABEL_TYPES = frozenset({"PERSON", "ORG"})
# A headline is a sentence of at least this many words, this share of them capitalised (news title case;
# a capitalised sentence opening alone is one word of many).
HEADLINE_MIN_WORDS = 4
HEADLINE_CAPITALISED_SHARE = 0.8
# Suffix rules for _base_form, longest first: "denies" -> "deny", "praises" -> "praise", "slams" -> "slam"
# (headlines use the present tense; "-es" is not a rule of its own, since "praises" must keep its "e").
HEADLINE_SUFFIXES = (("ies", "y"), ("s", ""))
# Prepositions that, capitalised after a headline verb, are part of its cue ("Responds To ...").
HEADLINE_PARTICLES = frozenset({"to", "on", "for", "about", "against"})
# Dependents of a subject that are not part of naming the speaker ("X, who ..., said").
SPEAKER_TRIM = frozenset({"relcl", "acl"})
# Complements that say what was said: a clause ("stressing that X"), an infinitive ("urging voters to
# reject X") or a predicate ("calling the plan a disgrace").
SAYING_COMPLEMENTS = frozenset({"ccomp", "xcomp", "oprd"})
# Cues headed by a verb whose subject is the speaker.
VERB_KINDS = frozenset({"clause", "object", "phrasal", "light"})
# Cues whose content can hold a statement reported by their speaker ("A said that B supports X"). Not a
# relay or an "according to" source, which pass a statement on (its ``via``) rather than report a claim.
NESTING_KINDS = VERB_KINDS | {"noun", "colon", "headline"}
# Dependencies of a light-verb cue's noun or "clear" ("made the case", "made it clear", "made clear").
LIGHT_NOUN_DEPS = frozenset({"dobj", "oprd", "acomp", "ccomp", "advmod", "attr"})


@dataclass(frozen=True)
class Cue:
    """A reporting cue: its token range, the verb (or preposition) that governs it, and its kind."""

    first: int
    last: int
    head: int
    kind: str  # "clause" | "object" | "phrasal" | "light" | "according" | "noun" | "colon" | "headline" | "relay"


@dataclass(frozen=True)
class Relay:
    """ "..., Trend reports referring to the Azerbaijani Embassy in Pakistan.": who relays, from whom."""

    comma: int
    outlet: tuple[int, int]
    cue: int
    source: tuple[int, int] | None


@dataclass(frozen=True)
class Lexicon:
    """The parts of ``cues.yaml`` the extractor looks up, as sets."""

    clause: frozenset[str]
    objects: frozenset[str]
    phrasal: dict[str, frozenset[str]]
    prefixes: frozenset[str]
    prepositions: dict[str, str]
    relay_verbs: frozenset[str]
    relay_links: tuple[tuple[str, ...], ...]
    headline_irregular: dict[str, str]
    nouns: frozenset[str]
    # Clause verbs whose object is not what was said: ``addressee_verbs`` and ``perception_verbs``.
    unsaid_objects: frozenset[str]
    section_labels: frozenset[str]
    clause_nouns: frozenset[str]
    collective_nouns: frozenset[str]
    light: dict[str, frozenset[str]]
    light_prepositions: frozenset[str]
    # Every verb lemma that can head a cue alone: clause, object and phrasal verbs (a light verb needs its noun).
    cue_lemmas: frozenset[str]
    # Cue verbs that are a statement of their own when they govern another cue ("called on X to condemn"):
    # all but the prefixes, which pass their subject on ("continued to push for").
    governing_cues: frozenset[str]

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> Lexicon:
        """The lexicon, built once per process."""
        data: dict[str, Any] = load_cues()
        cue_lemmas = frozenset(data["clause_verbs"]) | frozenset(data["object_verbs"]) | frozenset(data["phrasal"])
        return cls(
            clause=frozenset(data["clause_verbs"]),
            objects=frozenset(data["object_verbs"]),
            phrasal={verb: frozenset(parts) for verb, parts in data["phrasal"].items()},
            prefixes=frozenset(data["cue_prefix_verbs"]),
            prepositions=dict(data["source_prepositions"]),
            relay_verbs=frozenset(data["relay_verbs"]),
            relay_links=tuple(tuple(link) for link in data["relay_links"]),
            headline_irregular=dict(data["headline_irregular"]),
            nouns=frozenset(data["nouns"]),
            unsaid_objects=frozenset(data["addressee_verbs"]) | frozenset(data["perception_verbs"]),
            section_labels=frozenset(data["section_labels"]),
            clause_nouns=frozenset(data["clause_nouns"]),
            collective_nouns=frozenset(data["collective_nouns"]),
            light={verb: frozenset(nouns) for verb, nouns in data["light_verbs"].items()},
            light_prepositions=frozenset(data["light_prepositions"]),
            cue_lemmas=cue_lemmas,
            governing_cues=cue_lemmas - frozenset(data["cue_prefix_verbs"]),
        )


# --------------------------------------------------------------------------------------------- quotes


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Quotations as ``[start, end)`` including their marks, in one scan. Curly quotes pair up; straight
    ones toggle; an unclosed quotation ends with its paragraph (news style reopens it in the next one)."""
    regions: list[tuple[int, int]] = []
    opened: int | None = None
    closer = ""
    for i, char in enumerate(text):
        if opened is None:
            if char in OPEN_QUOTES or char == STRAIGHT_QUOTE:
                opened, closer = i, CLOSE_QUOTES if char in OPEN_QUOTES else STRAIGHT_QUOTE
        elif char in closer:
            regions.append((opened, i + 1))
            opened = None
        elif (char == "\n" and text[i + 1 : i + 2] in ("\n", "")) or char in OPEN_QUOTES:
            regions.append((opened, i))
            opened = i if char in OPEN_QUOTES else None
    if opened is not None:
        regions.append((opened, len(text)))
    return regions


@dataclass
class Quotes:
    """The article's quotations, for overlap look-ups by position."""

    text: str
    regions: list[tuple[int, int]]

    def __post_init__(self) -> None:
        self.regions = [r for r in self.regions if not self._title(*r)]
        self.starts = [r[0] for r in self.regions]

    def _title(self, start: int, end: int) -> bool:
        """A quoted name or title, unless a question mark closes it or a colon introduces it: "hold banners
        proclaiming: “Yes we can – Stop TTIP!”", "The judge then turned to me. “Mr. D’Souza?”"."""
        quoted = self.text[start:end]
        before = start
        while before > 0 and self.text[before - 1].isspace():
            before -= 1
        if quoted.rstrip(CLOSE_QUOTES + STRAIGHT_QUOTE).endswith(SPEECH_ENDS) or self.text[before - 1 : before] == ":":
            return False
        words = [w for w in quoted.strip(OPEN_QUOTES + CLOSE_QUOTES + STRAIGHT_QUOTE + " ").split() if w[:1].isalpha()]
        if not words or len(words) > TITLE_MAX_WORDS:
            return False
        capitalised = sum(1 for w in words if w[0].isupper())
        return capitalised / len(words) >= TITLE_CAPITALISED_SHARE

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        i = bisect.bisect_left(self.starts, end)
        out = []
        while i > 0 and self.regions[i - 1][1] > start:
            out.append(self.regions[i - 1])
            i -= 1
        return out[::-1]

    def near(self, start: int, end: int, *, floor: int = 0) -> tuple[int, int] | None:
        """A quotation just before ``start`` ("“...,” he said") or just after ``end`` ("he said: “...”"),
        with only white space and introducing punctuation between. One closed by a full stop before
        ``floor`` (the sentence's start) ended the sentence before: "“... disgust.” The email goes on to
        say: “...”"."""
        before = start
        while before > 0 and (self.text[before - 1].isspace() or self.text[before - 1] in QUOTE_JOINERS):
            before -= 1
        i = bisect.bisect_left(self.starts, start)
        if i > 0 and self.regions[i - 1][1] == before:
            words = self.text[self.regions[i - 1][0] : before].rstrip(CLOSE_QUOTES + STRAIGHT_QUOTE)
            ended = before <= floor and words.endswith(".")
            if not ended:
                return self.regions[i - 1]
        return self.following(end)

    def following(self, end: int) -> tuple[int, int] | None:
        """A quotation opening just after ``end``, with only white space and introducing punctuation between."""
        after = end
        while after < len(self.text) and (self.text[after].isspace() or self.text[after] in QUOTE_JOINERS):
            after += 1
        j = bisect.bisect_left(self.starts, end)
        if j < len(self.regions) and end <= self.regions[j][0] <= after:
            return self.regions[j]
        return None

    def leading(self, start: int) -> tuple[int, int] | None:
        """The quotation closing right before ``start`` (white space between) whose words end with a comma,
        question or exclamation mark: "“...,” Sarandon told MSNBC", "“...?” asked Cruz"."""
        i = bisect.bisect_right(self.starts, start)
        if i == 0:
            return None
        q_start, q_end = self.regions[i - 1]
        closed = self.text[q_end - 1] in CLOSE_QUOTES + STRAIGHT_QUOTE and q_end - q_start > 2
        if (
            not closed
            or q_end > start
            or self.text[q_end - 2] not in LEADING_QUOTE_ENDS
            or self.text[q_end:start].strip()
        ):
            return None
        return q_start, q_end

    def starting_at(self, start: int) -> tuple[int, int] | None:
        """The quotation that opens exactly at ``start``, if any."""
        i = bisect.bisect_left(self.starts, start)
        return self.regions[i] if i < len(self.regions) and self.regions[i][0] == start else None

    def kind(self, start: int, end: int, hole: tuple[int, int] | None = None) -> str:
        """Direct, mixed or indirect, by the quoted share of ``[start, end)`` outside ``hole`` (an
        interposed "he said" inside a resumed quotation)."""
        parts = [(start, end)] if hole is None else [(start, hole[0]), (hole[1], end)]
        quoted = sum(min(b, e) - max(a, s) for a, b in parts for s, e in self.overlapping(a, b))
        if quoted <= 0:
            return "indirect"
        return "direct" if quoted >= DIRECT_SHARE * sum(b - a for a, b in parts) else "mixed"


# --------------------------------------------------------------------------------------------- cues


def _cue_at(token: Token, lex: Lexicon) -> Cue | None:
    lower = token.lower_
    if lower in lex.prepositions:
        to = next((c for c in token.children if c.lower_ == lex.prepositions[lower]), None)
        return Cue(token.i, to.i, token.i, "according") if to is not None else None
    if token.pos_ == "NOUN":
        # "his warning that ...", "Cruz's refusal to disavow ...": a cue noun with a possessor, who said it.
        owned = token.lemma_.lower() in lex.nouns and any(c.dep_ == "poss" for c in token.children)
        return Cue(token.i, token.i, token.i, "noun") if owned else None
    if token.pos_ != "VERB":
        return None
    lemma = token.lemma_.lower()
    particles = lex.phrasal.get(lemma)
    if particles:
        part = next((c for c in token.children if c.dep_ in {"prt", "prep"} and c.lower_ in particles), None)
        if part is not None and part.i > token.i:
            return Cue(token.i, part.i, token.i, "phrasal")
        # "is calling for the US to step up ...": the parse hangs "for" on the infinitive as its marker, yet
        # the particle right after the verb still makes the phrasal cue.
        after = token.nbor() if token.i + 1 < len(token.doc) else None
        if after is not None and after.lower_ in particles and after.dep_ == "mark":
            return Cue(token.i, after.i, token.i, "phrasal")
    light = _light_cue(token, lex) if lemma in lex.light else None
    if light is not None:
        return light
    if lemma not in lex.clause and lemma not in lex.objects:
        return None
    first = token.i
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in lex.prefixes and token.head.i < token.i:
        first = token.head.i  # "went on to say"
    return Cue(first, token.i, token.i, "clause" if lemma in lex.clause else "object")


def _light_cue(verb: Token, lex: Lexicon) -> Cue | None:
    """ "made the case for", "made clear", "raised concerns about": the verb, its listed noun and the
    preposition that introduces the content, if one does."""
    noun = next(
        (
            c
            for c in verb.children
            if c.dep_ in LIGHT_NOUN_DEPS and c.i > verb.i and c.lemma_.lower() in lex.light[verb.lemma_.lower()]
        ),
        None,
    )
    if noun is None:
        return None
    if _light_clause(verb, noun) is not None:
        return Cue(verb.i, noun.i, verb.i, "light")
    # The parse hangs the preposition on the noun ("concerns about X") or on the verb ("made the case for X").
    preps = [c for c in noun.children if c.i > noun.i] + [c for c in verb.children if c.i == noun.right_edge.i + 1]
    prep = next((c for c in preps if c.dep_ == "prep" and c.lower_ in lex.light_prepositions), None)
    return Cue(verb.i, prep.i if prep is not None else noun.i, verb.i, "light")


def _light_clause(verb: Token, noun: Token) -> Token | None:
    """The clause a light-verb cue reports: its noun's ("the point that X", "made it clear that X") or the
    verb's ("made clear on Monday that X")."""
    clauses = [c for c in (*noun.children, *verb.children) if c.i > noun.i and _that_clause(c)]
    return min(clauses, key=lambda c: c.i) if clauses else None


def _that_clause(token: Token) -> bool:
    """A complement clause, or one the parse hung on a noun that "that" marks rather than stands in as
    subject or object ("the point that X", not "a statement that drew criticism")."""
    return token.dep_ == "ccomp" or (token.dep_ in STRAY_CLAUSE_DEPS and _marked_by_that(token))


def _marked_by_that(clause: Token) -> bool:
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)


def _light_content(cue: Cue, doc: Doc, sent: SpacySpan) -> tuple[int, int] | None:
    """What a light-verb cue reports: a clause, else the object of its preposition ("the case for X")."""
    last = doc[cue.last]
    if last.dep_ == "prep":
        return _trimmed(doc, *_within_paragraph(sent, cue, cue.last + 1, last.right_edge.i))
    clause = _light_clause(doc[cue.head], last)
    if clause is None:
        return None
    return _trimmed(doc, *_within_paragraph(sent, cue, clause.left_edge.i, clause.right_edge.i))


def _subject(verb: Token, lex: Lexicon, depth: int = 0, *, prefixed: bool = False) -> Token | None:
    """The verb's subject, or that of the verb governing a subjectless participle or conjunct ("Stressing
    that ..., X expressed"; "X noted ... and called on ..."); through an open complement only for a cue
    prefix ("went on to say"), since "urged them to condemn" is not the subject condemning."""
    if prefixed and verb.dep_ == "xcomp":
        return _subject(verb.head, lex, depth + 1)
    agent = _agent(verb)
    if agent is not None:
        return agent  # "The meeting was first reported by Politico": who reported, not what was reported
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        # Two subjects is a misparse, typically of a dateline ("LONDON, March 3 (Reuters) - X said"): the one
        # nearest before the verb is the speaker.
        before = [c for c in subjects if c.i < verb.i]
        child = before[-1] if before else subjects[0]
        if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return verb.head
        return child
    if depth < MAX_INHERIT and verb.head.i != verb.i:
        if verb.dep_ in INHERITS_SUBJECT:
            return _subject(verb.head, lex, depth + 1)
        # A participle after a preposition: "began by saying ...", "left after warning that ...".
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in CLAUSE_POS:
            return _subject(verb.head.head, lex, depth + 1)
        # A participle after a noun: "voters saying they want X", "Democrats backing Clinton", "a group
        # backing Rubio".
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < verb.i and _group(verb.head, lex):
            return verb.head
        # Subject control: "X tended to support", "X took to Twitter to say", "X is trying to show". With an
        # object the object is the one who acts ("urged them to condemn"), and a governing cue is itself the
        # statement ("called on X to condemn"), so none is inherited.
        controlled = any(c.dep_ in CONTROLLING_OBJECTS for c in verb.head.children)
        if verb.dep_ == "xcomp" and not controlled and verb.head.lemma_.lower() not in lex.governing_cues:
            return _subject(verb.head, lex, depth + 1)
    return None


def _group(noun: Token, lex: Lexicon) -> bool:
    """A noun naming people who can speak: a name, a plural, or a collective ("group", "campaign")."""
    return noun.tag_ in GROUP_TAGS or noun.lemma_.lower() in lex.collective_nouns


def _agent(verb: Token) -> Token | None:
    """The "by" phrase's object of a passive verb ("was reported by Politico")."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def _stranded_subject(verb: Token) -> Token | None:
    """A subjectless cue's speaker that the parse hung elsewhere: an apposition right before a finite cue
    ("her senior policy adviser, Jake Sullivan, said: ..."; commas aside), or a name or number right before
    the cue that the parse made its modifier ("About 4 in 10 say")."""
    if verb.tag_ not in FINITE_TAGS:
        return None
    before = verb.i - 1
    while before >= 0 and (verb.doc[before].is_punct or verb.doc[before].is_space):
        before -= 1
    name = verb.doc[before] if before >= 0 and before < verb.i - 1 else None
    if name is not None and name.dep_ == "appos" and name.pos_ in NOUN_POS:
        return name
    adjacent = verb.doc[verb.i - 1] if verb.i > 0 else None
    if adjacent is not None and adjacent.head.i == verb.i and adjacent.dep_ in ADJACENT_SUBJECT_DEPS:
        return adjacent if adjacent.pos_ in ADJACENT_SUBJECT_POS else None
    return None


def _trimmed(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    """Token range ``[first, last]`` without edge punctuation (quote marks kept) or a leading "that"."""
    while first <= last and (_edge_punct(doc[first]) or doc[first].is_space):
        first += 1
    if first <= last and doc[first].lower_ == "that" and doc[first].dep_ == "mark":
        first += 1
    while last >= first and (_edge_punct(doc[last]) or doc[last].is_space):
        last -= 1
    return (first, last) if first <= last else None


def _edge_punct(token: Token) -> bool:
    return token.is_punct and token.text not in OPEN_QUOTES + CLOSE_QUOTES + STRAIGHT_QUOTE


def _phrase_end(head: Token, start: int) -> int:
    """The last token of ``head``'s phrase from ``start`` on, stopping before coordinated verbs or cues."""
    end = head.right_edge.i
    for child in head.children:
        if child.i > start and child.dep_ in PHRASE_BREAKS:
            end = min(end, child.left_edge.i - 1)
    return end


def _content(cue: Cue, doc: Doc, sent: SpacySpan, lex: Lexicon) -> tuple[int, int] | None:
    """The content's token range (see the module docstring), ending before a statement of its own that
    runs on inside it."""
    bounds = _content_bounds(cue, doc, sent, lex)
    if bounds is None or bounds[1] < cue.first:
        return bounds
    nested = [
        t.left_edge.i
        for t in doc[bounds[0] : bounds[1] + 1]
        if t.dep_ in NESTED_STATEMENT_DEPS
        and (t.tag_ == "VBG" or any(c.dep_ in SUBJECT_DEPS for c in t.children))
        and t.left_edge.i > bounds[0]
        and _cue_at(t, lex)
    ]
    return _trimmed(doc, bounds[0], min(nested) - 1) if nested else bounds


def _content_bounds(cue: Cue, doc: Doc, sent: SpacySpan, lex: Lexicon) -> tuple[int, int] | None:
    verb = doc[cue.head]
    if cue.kind == "according":
        return _host_clause(doc[cue.first], sent)
    if cue.kind == "light":
        return _light_content(cue, doc, sent)
    if cue.kind == "noun":
        arg = next((c for c in verb.children if c.dep_ in NOUN_CONTENT_DEPS and c.i > cue.last), None)
        return None if arg is None else _trimmed(doc, *_within_paragraph(sent, cue, arg.left_edge.i, arg.right_edge.i))
    comp = _complement(verb, cue) or _stray_that_clause(verb, cue, lex)
    if comp is not None:
        return _trimmed(doc, *_within_paragraph(sent, cue, comp.left_edge.i, comp.right_edge.i))
    # "As the Times reported, X": a bare as-clause cue reports the clause it hangs on.
    if (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        and all(c.dep_ in BARE_CUE_DEPS for c in verb.children)
    ):
        return _host_clause(verb, sent)
    if cue.kind == "phrasal" or verb.lemma_.lower() in lex.objects:
        has_object = any(c.dep_ in {"dobj", "prt", "prep", "xcomp"} and c.i > cue.last for c in verb.children)
        if cue.kind == "phrasal" or has_object:
            return _trimmed(doc, cue.last + 1, _phrase_end(verb, cue.last))
    # A clause verb without a clause says its object or infinitive: "said the same", "tweeted her thanks",
    # "expects to win" -- unless the object is whom it was said to ("told reporters").
    said = next((c for c in verb.children if c.dep_ in ("dobj", "xcomp") and c.i > cue.last), None)
    if said is not None and verb.lemma_.lower() not in lex.unsaid_objects:
        return _trimmed(doc, said.left_edge.i, said.right_edge.i)
    # A passive cue with its speaker in a "by" phrase reports its subject ("The meeting was first reported by
    # Politico"); not one whose object is no statement ("The bodies were found by hikers").
    reported = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if reported is not None and _agent(verb) is not None and verb.lemma_.lower() not in lex.unsaid_objects:
        return _trimmed(doc, reported.left_edge.i, reported.right_edge.i)
    # "72 percent said yes", "half said so": an answer word stands for what was said.
    answer = next((c for c in verb.children if c.lower_ in ANSWER_WORDS and c.i == cue.last + 1), None)
    return (answer.i, answer.i) if answer is not None else None


def _complement(verb: Token, cue: Cue) -> Token | None:
    """The cue's complement clause. With one on each side the one after it: a clause before the cue that
    is not the inverted "X, said Y" is a misparsed adjunct ("In a statement released after ..., Cruz said he
    is certain ..."; two complements of one verb are always a misparse)."""
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    after = [c for c in comps if c.i > cue.last]
    return after[0] if after else (comps[0] if comps else None)


def _stray_that_clause(verb: Token, cue: Cue, lex: Lexicon) -> Token | None:
    """ "says in a statement that X", "said following a vote in 2001 that X": a that-clause the parse hung
    on the noun of a phrase after the cue (as a relative clause, though "that" marks it rather than standing
    in it as subject or object) is the cue's complement, unless the noun has clauses of its own ("amid
    complaints that X"). On PolNeAR train 150: 4 more matches for 1 more prediction."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i > cue.last):
        for token in prep.subtree:
            if (
                token.dep_ in STRAY_CLAUSE_DEPS
                and token.head.pos_ in NOUN_POS
                and token.head.lemma_.lower() not in lex.clause_nouns
                and _marked_by_that(token)
            ):
                return token
    return None


def _within_paragraph(sent: SpacySpan, cue: Cue, first: int, last: int) -> tuple[int, int]:
    """``[first, last]`` clipped to the cue's sentence and paragraph: a parse can run a clause across a
    line break (page debris before a first paragraph), but a content never does."""
    first, last = max(first, sent.start), min(last, sent.end - 1)
    doc = sent.doc
    for i in range(first, last + 1):
        if doc[i].is_space and "\n" in doc[i].text:
            if i < cue.first:
                first = i + 1
            elif i > cue.last:
                return first, i - 1
    return first, last


def _first_word(sent: SpacySpan) -> Token | None:
    """The sentence's first token that is neither white space nor punctuation."""
    return next((t for t in sent if not (t.is_space or t.is_punct)), None)


def _participial_adjunct(cue: Cue, sent: SpacySpan, quotes: Quotes) -> bool:
    """ "Referring to the campaign, the ambassador spoke about ...": a participle opening the sentence as an
    adjunct of its main verb, with no complement clause or quotation, frames the sentence rather than
    reports speech; the main verb says what was said. "Stressing that X, Farhadov expressed ..." and
    "Calling the plan a disgrace, X left" keep their complement, and so their statement."""
    verb = sent.doc[cue.head]
    opening = _first_word(sent)
    if opening is None or opening.i != cue.first or verb.tag_ != "VBG" or verb.dep_ != "advcl":
        return False
    phrase = sent.doc[verb.left_edge.i : verb.right_edge.i + 1]
    quoted = quotes.overlapping(phrase.start_char, phrase.end_char) or quotes.near(phrase.start_char, phrase.end_char)
    return not any(c.dep_ in SAYING_COMPLEMENTS for c in verb.children) and not quoted


def _postposed(cue: Cue, sent: SpacySpan, stop: int) -> tuple[Token, tuple[int, int]] | None:
    """ "X, the Embassy told News.Az." read as the attribution it is when the parse missed it: a verbless
    noun phrase between the last comma and the cue is the speaker, the clause before the comma the content,
    and nothing after the cue but its objects."""
    doc = sent.doc
    comma = next((i for i in range(cue.first - 1, sent.start, -1) if doc[i].text == ","), None)
    if comma is None or comma + 1 >= cue.first:
        return None
    phrase = doc[comma + 1 : cue.first]
    if any(t.pos_ in CLAUSE_POS for t in phrase) or not any(t.pos_ in SPEAKER_POS for t in phrase):
        return None
    tail = doc[cue.last + 1 : stop]
    left = _trimmed(doc, *_within_paragraph(sent, cue, sent.start, comma - 1))
    if any(t.pos_ in CLAUSE_POS for t in tail):
        if tail[0].text != ",":
            return None
        # Parenthetical "A, he says, B": the content runs on both sides; the longer side stands for it.
        right = _trimmed(doc, *_within_paragraph(sent, cue, cue.last + 2, stop - 1))
        sides = [b for b in (left, right) if b is not None]
        left = max(sides, key=lambda b: b[1] - b[0]) if sides else None
    return (phrase.root, left) if left is not None else None


def _host_clause(anchor: Token, sent: SpacySpan) -> tuple[int, int] | None:
    """ "According to X, Y" / "Y, according to X" / "As X reported, Y": the longer part of the sentence
    outside the phrase ``anchor`` heads."""
    doc = sent.doc
    left = _trimmed(doc, sent.start, anchor.left_edge.i - 1) if anchor.left_edge.i > sent.start else None
    right = _trimmed(doc, anchor.right_edge.i + 1, sent.end - 1) if anchor.right_edge.i < sent.end - 1 else None
    sides = [s for s in (left, right) if s is not None]
    return max(sides, key=lambda s: s[1] - s[0]) if sides else None


def _speaker_phrase(head: Token, stop: int) -> tuple[int, int] | None:
    """The subject's noun phrase, without relative clauses and not reaching ``stop`` (a relay tail)."""
    first, last = head.left_edge.i, min(head.right_edge.i, stop - 1)
    # A quotation the parse hung on the speaker ("“...,” Reyes, 58, told") is not part of the name.
    closing = [t.i for t in head.doc[first : head.i] if t.text in CLOSE_QUOTES + STRAIGHT_QUOTE]
    first = closing[-1] + 1 if closing else first
    for child in head.children:
        if child.dep_ in SPEAKER_TRIM and child.i > head.i:
            last = min(last, child.left_edge.i - 1)
    return _trimmed(head.doc, first, last)


# --------------------------------------------------------------------------------------------- relays


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


# --------------------------------------------------------------------------------------------- records


@dataclass
class _Builder:
    """Turns cues of one article into Statement records."""

    article: Article
    doc: Doc
    quotes: Quotes
    resolver: SpeakerResolver

    def span(self, first: int, last: int) -> Span:
        return Span.of(self.article.text, self.doc[first].idx, self.doc[last].idx + len(self.doc[last].text))

    def content_span(self, first: int, last: int) -> Span:
        """The content, widened to whole quotations it touches (multi-sentence quotes)."""
        span = self.span(first, last)
        return self.content_span_chars(span.start, span.end)

    def via_name(self, first: int, last: int) -> str:
        span = self.doc[first : last + 1]
        entity = self.resolver.entity_at(span.root)
        if entity is not None:
            return entity.name
        words = span[1:] if span[0].pos_ == "DET" else span
        return words.text

    def statement(
        self,
        cue: Cue,
        speaker: Speaker,
        speakers: tuple[Speaker, ...],
        content: Span,
        via: tuple[str, ...],
        resumed: tuple[Span, ...] = (),
    ) -> Statement:
        """A statement record. ``resumed`` are further parts of the same quotation after an interposed cue
        ("“A,” he said. “B.”"): ``content`` and ``content_span`` are the first part, the later parts are
        evidence spans of the record, and the kind counts all parts."""
        content = self._past_dateline(content)
        cue_span = self.span(cue.first, cue.last)
        spans = {cue_span, content, *resumed}
        if speaker.span is not None:
            spans.add(speaker.span)
        others = [s for s in spans if s != content and s not in resumed]
        kinds = {self.quotes.kind(content.start, content.end, _hole(content, others))}
        kinds.update(self.quotes.kind(part.start, part.end) for part in resumed)
        return Statement(
            article_id=self.article.id,
            spans=tuple(sorted(spans, key=lambda s: (s.start, s.end))),
            extractor=EXTRACTOR,
            speaker=speaker,
            speakers=speakers,
            cue=cue_span.text,
            content=content.text,
            statement_kind=kinds.pop() if len(kinds) == 1 else "mixed",
            via=via,
            cue_span=cue_span,
            content_span=content,
        )

    def _past_dateline(self, content: Span) -> Span:
        """Content that begins inside the report's dateline ("PEKING, March 9 - The company has ...", said
        the agency) starts after it: the dateline is the outlet's, not what was said."""
        text, end = self.article.text, _dateline_end(self.article)
        if not content.start < end < content.end:
            return content
        while end < content.end and text[end].isspace():
            end += 1
        return Span.of(text, end, content.end)

    def from_cue(self, cue: Cue, sent: SpacySpan, relay: Relay | None, lex: Lexicon) -> Statement | None:
        doc = self.doc
        verb = doc[cue.head]
        stop = relay.comma if relay is not None and cue.last < relay.comma else sent.end
        if cue.kind == "according":
            to = doc[cue.last]
            head = next((c for c in to.children if c.dep_ == "pobj"), None)
        elif cue.kind == "noun":
            head = next((c for c in verb.children if c.dep_ == "poss"), None)
        else:
            head = _subject(verb, lex, prefixed=cue.first < cue.head)
        if _participial_adjunct(cue, sent, self.quotes):
            return None
        bounds = _content(cue, doc, sent, lex)
        if (head is None or bounds is None) and cue.kind not in {"according", "noun"}:
            postposed = _postposed(cue, sent, stop)
            if postposed is not None:
                head, bounds = postposed
        if head is None and cue.kind in VERB_KINDS:
            head = _stranded_subject(verb)
        leading = self._leading_quote(cue, head, sent) if cue.kind in VERB_KINDS else None
        if leading is not None:
            head = leading[0]
        if head is None or head.lower_ in NON_SPEAKERS or head.i >= stop:
            return None
        if bounds is not None and bounds[1] < cue.first:
            bounds = self._quoted_instead(bounds, cue, sent)
        if leading is not None and (bounds is None or not self.span(*bounds).overlaps(leading[1])):
            content = leading[1]
        elif bounds is None:
            near = self.quotes.near(
                doc[min(cue.first, head.left_edge.i)].idx, doc[cue.last].idx + len(doc[cue.last]), floor=sent.start_char
            )
            if near is None:
                near = self._quote_after_addressee(verb, cue) or self._quote_after_colon(cue, sent)
            if near is None or cue.kind in {"according", "noun"}:
                return None
            content = Span.of(self.article.text, *near)
        else:
            content = self.content_span(*bounds)
        phrase = _speaker_phrase(head, stop)
        if phrase is None or self.span(*phrase).overlaps(content):
            return None
        speaker, speakers = self.resolver.resolve(head, doc[phrase[0] : phrase[1] + 1])
        via = self.relay_chain(relay) if relay is not None and cue.last < relay.comma else ()
        return self.statement(cue, speaker, speakers, content, via)

    def _leading_quote(self, cue: Cue, head: Token | None, sent: SpacySpan) -> tuple[Token, Span] | None:
        """ "“...,” Sarandon, 69, told MSNBC", "“...,” Trump, the GOP frontrunner ..., said", "“...?” asked
        Cruz": a quotation opening the sentence and closed by a comma, question or exclamation mark, with
        only the speaker's phrase between it and the cue, is what the cue reports (news style), however the
        parse hung it (on the subject, or a later participle taken for the complement). Returns the
        speaker and the quotation."""
        doc = self.doc
        close = next(
            (t.i for t in reversed(doc[sent.start : cue.first]) if t.text in CLOSE_QUOTES + STRAIGHT_QUOTE), None
        )
        if close is None:
            return None
        after = close + 1
        quote = self.quotes.leading(doc[after].idx)
        opening = _first_word(sent)
        if quote is None or opening is None or quote[0] > opening.idx:
            return None
        content = Span.of(self.article.text, *quote)
        stretch = doc[after : cue.first]
        if head is not None and head.i < after:
            head = None  # a subject inside the quotation or before it is a misparse of this very form
        if head is not None and head.i > cue.last:
            return (head, content) if not len(stretch) else None
        if head is None:
            # No subject in the parse: the one phrase standing between quotation and cue names the speaker.
            roots = [t for t in stretch if not after <= t.head.i < cue.first and t.pos_ not in SPEAKER_CUE_FILLERS]
            if len(roots) != 1 or roots[0].pos_ not in SPEAKER_POS:
                return None
            head = roots[0]
        own = {t.i for t in head.subtree}
        if not after <= head.i < cue.first or any(
            t.i not in own and t.pos_ not in SPEAKER_CUE_FILLERS for t in stretch
        ):
            return None
        return head, content

    def _quote_after_addressee(self, verb: Token, cue: Cue) -> tuple[int, int] | None:
        """ "telling reporters, “...”", "He tells the crowd: “...”": the quotation after whom it was said to."""
        # The last object: the parse splits a long addressee ("Breitbart News Daily SiriusXM host Matt Boyle").
        objects = [c for c in verb.children if c.dep_ in CONTROLLING_OBJECTS and c.i > cue.last]
        if not objects:
            return None
        # The parse may hang the quotation's opening mark on the addressee: end before it.
        edge = objects[-1].right_edge
        while edge.is_punct and edge.i > objects[-1].i:
            edge = edge.nbor(-1)
        return self.quotes.following(edge.idx + len(edge))

    def _quote_after_colon(self, cue: Cue, sent: SpacySpan) -> tuple[int, int] | None:
        """ "Kelly responded pointedly, with a smile: “...”", "the committee said about its platform:" over a
        quoted paragraph: a quotation after a colon that closes the cue's own words, with no other verb
        between."""
        doc = self.doc
        for token in doc[cue.last + 1 : sent.end]:
            if token.text == ":":
                return self.quotes.following(token.idx + 1)
            if token.pos_ in CLAUSE_POS:
                return None
        return None

    def _quoted_instead(self, bounds: tuple[int, int], cue: Cue, sent: SpacySpan) -> tuple[int, int] | None:
        """A quotation opening right after the cue ("Asked if ..., Ryan said, “Sure. ...”") or after a colon
        closing its words ("In a press release, the council said about its plans:" over a quoted paragraph)
        is what was said, rather than an unquoted clause before it (the parse takes the fronted question or
        phrase for the complement); None leaves the content to the quotation."""
        last = self.doc[cue.last]
        start, end = self.doc[bounds[0]].idx, self.doc[bounds[1]].idx + len(self.doc[bounds[1]])
        if self.quotes.overlapping(start, end):
            return bounds
        quoted = self.quotes.following(last.idx + len(last)) or self._quote_after_colon(cue, sent)
        return bounds if quoted is None else None

    def continued(self, last: tuple[Cue, Statement], sent: SpacySpan) -> Statement | None:
        """The statement before, its content run on through this sentence when the sentence is a quotation
        that follows it directly in the same paragraph ("Kerry said that X. “That adds up to ...”"), also
        after an interposed cue ("“A,” he said. “B.”": news style resumes the same quotation)."""
        cue, statement = last
        content = statement.content_span
        first = next((t for t in sent if not t.is_space), None)
        if content is None or first is None:
            return None
        text = self.article.text
        quote = self.quotes.starting_at(first.idx)
        said_end = max(s.end for s in statement.spans)
        between = text[said_end : first.idx]
        if quote is None or "\n" in between or any(c.isalnum() for c in between):
            return None
        resumed = resumed_parts(statement)
        gap = text[(resumed[-1] if resumed else content).end : quote[0]]
        if not resumed and not any(c.isalnum() for c in gap):
            # The quotation runs straight on from the content: one span holds both.
            return self.statement(
                cue, statement.speaker, statement.speakers, Span.of(text, content.start, quote[1]), statement.via
            )
        parts = (*resumed, Span.of(text, *quote))
        return self.statement(cue, statement.speaker, statement.speakers, content, statement.via, parts)

    def from_headline(self, sent: SpacySpan, lex: Lexicon) -> tuple[Cue, Statement] | None:
        """ "Ben Carson Defends Himself Against Claims ...", "Zoe Saldana Responds To ...": in a title-case
        headline the small model tags the verb a proper noun, so no verb cue fires. A capitalised word whose
        base form is a listed cue splits the line into speaker (before) and content (after)."""
        words = [t for t in sent if t.is_alpha]
        if len(words) < HEADLINE_MIN_WORDS or sum(
            t.text[0].isupper() for t in words
        ) < HEADLINE_CAPITALISED_SHARE * len(words):
            return None
        for token in words[1:]:
            if (
                token.pos_ == "VERB"
                or not token.text[0].isupper()
                or _base_form(token.lower_, lex.headline_irregular) not in lex.cue_lemmas
            ):
                continue
            subject = _trimmed(self.doc, sent.start, token.i - 1)
            first = token.i + 1
            if first < sent.end and self.doc[first].lower_ in HEADLINE_PARTICLES:
                first += 1  # "Responds To ...": the particle belongs to the cue
            content = _trimmed(self.doc, first, sent.end - 1)
            if (
                subject is None
                or content is None
                or not any(self.doc[i].pos_ == "PROPN" for i in range(subject[0], subject[1] + 1))
            ):
                return None
            phrase = self.doc[subject[0] : subject[1] + 1]
            cue = Cue(token.i, first - 1, token.i, "headline")
            speaker, speakers = self.resolver.resolve(phrase[-1], phrase)
            return cue, self.statement(cue, speaker, speakers, self.content_span(*content), ())
        return None

    def from_colon(self, sent: SpacySpan, lex: Lexicon) -> tuple[Cue, Statement] | None:
        """ "Kerry: “By law, ...”": a sentence opening with a person's name and a colon; the content runs
        to the end of the paragraph. Only a person or organisation (an entity record, or "he"/"she") is taken
        as the label, so that "Update:" or a place dateline is not."""
        doc = self.doc
        opening = _first_word(sent)
        words = list(sent[opening.i - sent.start :][: COLON_LABEL_MAX_TOKENS + 1]) if opening is not None else []
        colon = next((i for i, t in enumerate(words) if t.text == ":"), None)
        if not colon:
            return None
        label = doc[words[0].i : words[colon].i]
        pronoun = label.root.lower_ in load_cues()["pronouns"]["singular"]
        entity = self.resolver.entity_at(label.root)
        named = entity is not None and entity.type in COLON_LABEL_TYPES
        if not (pronoun or named or (line_start(doc, label.start) and _name_label(label, lex))):
            return None
        start = words[colon].idx + 1
        end = self.article.text.find("\n", start)
        content = _stripped(self.article.text, start, len(self.article.text) if end < 0 else end)
        # A tally ("Clinton: 1,769.") is a figure, not something said.
        if content is None or not any(c.isalpha() for c in self.article.text[content[0] : content[1]]):
            return None
        cue = Cue(words[colon].i, words[colon].i, words[colon].i, "colon")
        speaker, speakers = self.resolver.resolve(label.root, label)
        return cue, self.statement(cue, speaker, speakers, self.content_span_chars(*content), ())

    def content_span_chars(self, start: int, end: int) -> Span:
        """A content given in characters, widened to whole quotations it touches."""
        for q_start, q_end in self.quotes.overlapping(start, end):
            start, end = min(start, q_start), max(end, q_end)
        return Span.of(self.article.text, start, end)

    def relay_chain(self, relay: Relay) -> tuple[str, ...]:
        chain = [self.via_name(*relay.outlet)]
        if relay.source is not None:
            chain.append(self.via_name(*relay.source))
        return tuple(chain)

    def from_relay(self, relay: Relay, sent: SpacySpan) -> Statement | None:
        bounds = _trimmed(self.doc, sent.start, relay.comma - 1)
        if bounds is None:
            return None
        outlet = self.doc[relay.outlet[0] : relay.outlet[1] + 1]
        speaker, _ = self.resolver.resolve(outlet.root, outlet)
        via = (self.via_name(*relay.source),) if relay.source is not None else ()
        cue = Cue(relay.cue, relay.cue, relay.cue, "relay")
        return self.statement(cue, speaker, (), self.content_span(*bounds), via)


def _name_label(label: SpacySpan, lex: Lexicon) -> bool:
    """A capitalised label naming no place or date ("Kasich:", "TAPPER:", "Poll:") opening a line: in a
    title-case headline or a transcript the small model often tags a name NOUN or ADJ and misses the entity."""
    if any(not t.text[:1].isupper() for t in label) or any(t.ent_type_ in NOT_SPEAKER_LABELS for t in label):
        return False
    return label.text.casefold() not in lex.section_labels


def _dateline_end(article: Article) -> int:
    """Where the report's dateline ("LONDON, March 3 (Reuters) -") ends; 0 when it has none."""
    return article.dateline.span.end if article.dateline and article.dateline.span else 0


@extractor("statements.rules", version=1, requires=("entity",), assigns=("statement",), default=False)
def extract_statements(article: Article, doc: Doc, *, prior: Analysis) -> Iterator[Statement]:
    """Attributed statements of one article (see the module docstring)."""
    lex = Lexicon.load()
    builder = _Builder(
        article,
        doc,
        Quotes(article.text, quote_regions(article.text)),
        SpeakerResolver(article.text, prior.entities),
    )
    last: tuple[Cue, Statement] | None = None
    done: list[tuple[Cue, Statement]] = []
    for sent in doc.sents:
        builder.resolver.start_sentence()
        relay = _relay_tail(sent, lex)
        found: list[tuple[Cue, Statement]] = []
        for token in sent:
            if relay is not None and relay.cue <= token.i < _relay_end(relay):
                continue  # the relay's own words ("reports referring to") are not a cue of their own
            cue = _cue_at(token, lex)
            statement = builder.from_cue(cue, sent, relay, lex) if cue is not None else None
            if cue is not None and statement is not None:
                found.append((cue, statement))
                builder.resolver.observe_speakers(statement.speakers or (statement.speaker,))
        if not found:
            labelled = builder.from_colon(sent, lex) or builder.from_headline(sent, lex)
            if labelled is not None:
                found.append(labelled)
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
        done.extend(distinct[:-1])
        last = distinct[-1] if distinct else None
        # People inside reported speech are not what a later "he" points back to; the speakers are.
        contents = [s.content_span for _, s in found if s.content_span is not None]
        for token in sent:
            if token.dep_ in SUBJECT_DEPS and not any(c.start <= token.idx < c.end for c in contents):
                builder.resolver.observe_subject(token)
    if last is not None:
        done.append(last)
    yield from _outermost(done, doc)


def _outermost(found: Sequence[tuple[Cue, Statement]], doc: Doc) -> Iterator[Statement]:
    """The statements less those reported inside another's content: in "A said that B supports X" the
    support is A's claim about B, not B's statement, and PolNeAR annotates it as part of A's (on train 150,
    dropping the inner statements whose cue, content and speaker lie in another's content removes 150
    predictions of which 28 matched a gold item: overlap F1 0.705 -> 0.716). Kept: a coordinated cue
    ("... and called ...", a statement of its own that the parse hung inside the first one's clause) and
    one whose speaker stands outside the content (a participle taking the outer subject, "X criticised Y,
    saying Z")."""
    outers = [(cue, s.content_span) for cue, s in found if cue.kind in NESTING_KINDS and s.content_span]
    for cue, statement in found:
        if not any(_reported_inside(cue, statement, outer_cue, content, doc) for outer_cue, content in outers):
            yield statement


def _reported_inside(cue: Cue, statement: Statement, outer_cue: Cue, content: Span, doc: Doc) -> bool:
    """Whether ``statement`` (cue, content and speaker) lies within ``content``, not coordinated with the
    cue that reports it."""
    own = statement.content_span
    speaker = statement.speaker.span
    said = statement.cue_span
    if own is None or speaker is None or said is None or outer_cue == cue or own == content:
        return False
    if not all(content.start <= s.start and s.end <= content.end for s in (own, speaker, said)):
        return False
    # Walk up from the inner cue to the reporting cue (or the root, when the parse hangs it elsewhere).
    token = doc[cue.head]
    while token.i != outer_cue.head and token.head.i != token.i:
        if token.dep_ == "conj":
            return False
        token = token.head
    return True


def resumed_parts(statement: Statement) -> tuple[Span, ...]:
    """The later parts of a quotation resumed after its cue: the record's spans after its content, its cue
    and its speaker (see ``_Builder.statement``)."""
    content = statement.content_span
    if content is None:
        return ()
    own = {content, statement.cue_span, statement.speaker.span}
    return tuple(s for s in statement.spans if s not in own and s.start >= content.end)


def _hole(content: Span, others: Sequence[Span]) -> tuple[int, int] | None:
    """The stretch of ``content`` taken by the speaker and cue when they stand inside it."""
    inner = [s for s in others if content.start < s.start and s.end < content.end]
    return (min(s.start for s in inner), max(s.end for s in inner)) if inner else None


def _base_form(word: str, irregular: dict[str, str]) -> str:
    """The base form of a third-person verb form, by English suffix rules ("defends", "praises", "denies");
    irregular forms ("said", "told") from the lexicon. Stands in for the lemmatiser,
    which takes a title-case verb for a name and leaves it as written."""
    if word in irregular:
        return irregular[word]
    for suffix, base in HEADLINE_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)] + base
    return word


def _stripped(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``[start, end)`` without edge white space; None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _relay_end(relay: Relay) -> int:
    """The first token after the relay's verb and link words."""
    return relay.source[0] if relay.source is not None else relay.cue + 1


def _distinct(found: Sequence[tuple[Cue, Statement]]) -> list[tuple[Cue, Statement]]:
    """One statement per content span and speaker: a cue listed twice ("stress") must not double it."""
    seen: set[tuple[int, int, str]] = set()
    out = []
    for cue, statement in found:
        content = statement.content_span
        key = (content.start if content else -1, content.end if content else -1, statement.speaker.name)
        if key not in seen:
            seen.add(key)
            out.append((cue, statement))
    return out
