"""In-article speaker resolution: who a statement's subject stands for.

dateline has no coreference model that works offline (DESIGN.md, "Dependencies"), so speakers are resolved
with rules over the entity records of the same article (``prior.entities``, from ``entities.rules``):

- a mention that overlaps an entity mention is that entity (names, surnames, "the ambassador" when the
  entities extractor listed it as an alias);
- "he"/"she" is the most recent person who was a subject (a speaker, or any clause subject) before it;
- "they" is the joint speaker group of the previous sentence, or its two or more person subjects;
- a definite description ("the ambassador", "the diplomat", "the minister") is the most recent person whose
  role title matches the noun (``role_nouns`` in ``data/cues.yaml``);
- a document ("the letter said", "the statement added", "the tweet read") is its author: the speaker of the
  last statement whose sentence named such a document or whose cue made one ("In a letter, X wrote ...",
  "X tweeted ..."; ``document_nouns`` in ``data/cues.yaml``); with no author seen it stays a description;
- anything else is kept as written: a proper name with no entity record keeps its text, an unnamed source
  ("other speakers at the seminar", "sources") becomes a description. No name is ever invented.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from dateline.data import load_yaml, read_words
from dateline.extract.support.common import BRACKETS, HYPHENS, ROOT_DEP, LastIndex, span_root
from dateline.extract.support.event_classes import title_heads
from dateline.extract.support.tokens import columns, within
from dateline.model import Entity, Span, Speaker, Statement
from dateline.nlp import offices
from dateline.normalize import INITIAL_STOP, initials
from dateline.outlets import is_news_organisation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

PERSON = "PERSON"
# Entity types that can speak for themselves: people and organisations (an embassy, a ministry, an outlet).
SPEAKING_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})

# The entity type of an organisation, which a later "the company" or "it" may stand for (``_speaking_organisation``).
ORGANISATION = "ORG"
# As a set of kinds, the ones an "it" may stand for (a description's kinds are ``described_kinds``).
ORGANISATION_TYPES = frozenset({ORGANISATION})
# Entity types of a place, whose name may open an organisation's ("China Daily").
PLACE_TYPES = frozenset({"GPE", "LOC"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Tags of a finite verb: one that must have a subject of its own (a modal is finite too, but is never a cue).
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# Dependencies by which a clause hangs on a verb as what it reports or complements ("Trump will lose, he
# said", "he thought Wray would ..."): a subject inside such a clause is reported, not one who acts, and is
# never the antecedent of a later pronoun speaker of the same sentence.
REPORTED_DEPS = frozenset({"ccomp", "parataxis"})
# Characters before a mention searched for its honorific ("Mrs. " and a space or two).
HONORIFIC_WINDOW = 8


@lru_cache(maxsize=1)
def load_cues() -> dict[str, Any]:
    """The reporting-cue lexicon (``dateline/data/cues.yaml``), parsed once per process."""
    data: dict[str, Any] = load_yaml("cues.yaml")
    return data


@lru_cache(maxsize=1)
def honorific() -> re.Pattern[str]:
    """The honorific a person's name is written with ("Mr. Hopkins", "Ms. Anderson"), which says which singular
    pronoun stands for that person: news that writes honorifics writes them on every later mention, so they
    are evidence the pronoun resolver can use before any "he" or "she" was resolved to the person. The
    honorifics of ``entities_lexicon.yaml`` that ``cues.yaml``'s pronoun genders list, capitalised only: the
    verb "miss" ("Voters will miss Walker") and "MS" are none."""
    gender = load_cues()["pronouns"]["gender"]
    words = sorted({h.rstrip(".") for h in offices.lexicon().honorifics} & gender.keys())
    if not words:  # an empty alternation would match any word before a name
        raise ValueError("cues.yaml pronouns.gender lists none of entities_lexicon.yaml's honorifics")
    return re.compile(r"\b(" + "|".join(w.capitalize() for w in words) + r")\.?\s+$")


@dataclass(frozen=True)
class Mention:
    """One entity mention: the character span of the mention and the entity it belongs to."""

    start: int
    end: int
    entity: Entity


def _mentions(entities: Sequence[Entity]) -> list[Mention]:
    found = [Mention(span.start, span.end, entity) for entity in entities for span in entity.spans]
    return sorted(found, key=lambda m: (m.start, m.end, m.entity.name))


@dataclass(frozen=True)
class _Base:
    """What a resolver reads of its article before any sentence and never changes: the entity mentions in text
    order, their starts, the acronyms' expansions and the pronouns the honorifics call for. statements.rules,
    statements.combined and claims (``Issuers``) each resolve speakers over the same article and entities, so
    this is worked out once per article (``_base``), not once per resolver (they are read, never written)."""

    text: str
    entities: tuple[Entity, ...]
    mentions: tuple[Mention, ...]
    starts: tuple[int, ...]
    expansions: Mapping[str, str]
    pronoun_of: Mapping[str, str]


# The fixed part last made (``_base``): one article's, replaced when the next article's resolvers ask.
_last_base: _Base | None = None


def _base(text: str, entities: Sequence[Entity]) -> _Base:
    """The resolver's fixed part for ``text`` and ``entities``: the last one made when it was made for this very
    text and these very entity objects (``Analysis.entities`` hands each extractor the same records), else a
    new one. Held with the objects it was made from, none of them can be freed and its identity reused."""
    global _last_base
    last = _last_base
    if (
        last is not None
        and last.text is text
        and len(last.entities) == len(entities)
        and all(a is b for a, b in zip(last.entities, entities, strict=True))
    ):
        return last
    # Tuples and read-only maps: shared by several resolvers, none can change what another reads.
    mentions = tuple(_mentions(entities))
    made = _Base(
        text,
        tuple(entities),
        mentions,
        tuple(m.start for m in mentions),
        MappingProxyType(_expansions(entities)),
        MappingProxyType(_honorific_pronouns(text, mentions)),
    )
    _last_base = made
    return made


@dataclass
class SpeakerResolver:
    """Resolves speaker mentions of one article, fed its sentences in order (``observe``)."""

    text: str
    entities: Sequence[Entity]
    # The article's quotations (character ranges): a subject inside one is quoted, no antecedent.
    quotations: Sequence[tuple[int, int]] = ()
    # What opens the report's body (``Article.opening``, characters): a wire dateline ("BRAINTREE, Mass., June
    # 19 -") or an editor's label, the outlet's words, never a speaker. Its entity mentions are no candidates
    # and a subject phrase the parse ran over it starts after it (``_past_opening``); (0, 0) for a resolver
    # that reads no article's opening (claims' issuers).
    opening: tuple[int, int] = (0, 0)
    mentions: Sequence[Mention] = field(init=False)
    # The opening's own mentions, left out of ``mentions``: still rivals when a description looks for the only
    # organisation named nearby (``_described``). The entities often type a wire dateline's city as one
    # ("DETROIT, March 11 - Detroit Edison Co said ... its Fermi 2 plant ...", the company itself unrecorded),
    # and without it as a rival "The company said" became "Fermi 2"; session 31's review, 260 fresh reports
    # (seed 110000): 3 descriptions made wrong so, 1 made right ("ILL" beside HealthMate Inc).
    opening_mentions: Sequence[Mention] = field(init=False)
    starts: Sequence[int] = field(init=False)
    expansions: Mapping[str, str] = field(init=False)
    # People seen as subjects so far, most recent last; and the previous sentence's speakers.
    subjects: list[Entity] = field(default_factory=list)
    previous_group: tuple[Speaker, ...] = ()
    previous_subjects: tuple[Entity, ...] = ()
    current_group: tuple[Speaker, ...] = ()
    current_subjects: list[Entity] = field(default_factory=list)
    # The singular pronoun each person was last referred to with ("he" or "she"), by entity name.
    pronoun_of: dict[str, str] = field(default_factory=dict)
    # The pronoun each person's own mentions call for, fixed for the article and worked out at its first pronoun
    # speaker (``_own_pronouns``): the honorific's, else the one the clauses that name that person alone use.
    # Unlike ``pronoun_of`` it never learns from a resolution, so one wrong "she" given to a man does not spread.
    own_pronoun: Mapping[str, str] | None = field(default=None, init=False)
    # The pronouns the honorifics call for (``_Base.pronoun_of``): they seed ``pronoun_of`` and outrank what a
    # person's own clauses say in ``own_pronoun``.
    honorific_pronouns: Mapping[str, str] = field(init=False)
    # Who last issued each kind of document ("letter" -> whoever wrote one), by document noun.
    authors: dict[str, Speaker] = field(default_factory=dict)
    # The last singular subject that is no person ("the letter", "Skadden", "the court"), with the character
    # where it stands: whom a later "it" stands for (``_it``).
    thing: tuple[int, Speaker] | None = None
    # The last plural subject that names a group of people and no one by name ("Republicans", "state
    # officials"), with the character where it stands: whom a later "they" stands for (``_group_for``).
    group: tuple[int, Speaker] | None = None
    # The last organisation that spoke under its own name (a statement's speaker phrase naming an ORG entity),
    # with the character where the phrase starts: whom a later "the company" or "it" stands for past the
    # one-sentence window when nothing else could be meant (``_speaking_organisation``).
    organisation_speaker: tuple[int, Entity] | None = None

    def __post_init__(self) -> None:
        base = _base(self.text, self.entities)
        self.mentions, self.starts, self.expansions = base.mentions, base.starts, base.expansions
        start, end = self.opening
        self.opening_mentions = tuple(m for m in base.mentions if start <= m.start < end)
        if self.opening_mentions:
            self.mentions = tuple(m for m in base.mentions if not start <= m.start < end)
            self.starts = tuple(m.start for m in self.mentions)
        self.pronoun_of.update(base.pronoun_of)
        self.honorific_pronouns = base.pronoun_of

    def fullest(self, entity: Entity) -> str:
        """The entity's name, or the full name the article gives for it when it is an acronym ("IMF" ->
        "International Monetary Fund")."""
        return self.expansions.get(entity.name, entity.name)

    # ------------------------------------------------------------------ lookups

    def overlapping(self, start: int, end: int) -> list[Mention]:
        """Entity mentions overlapping ``[start, end)``. Mentions are short, so a bounded look-back suffices."""
        i = bisect.bisect_left(self.starts, end)
        out = []
        j = i - 1
        while j >= 0 and self.starts[j] >= start - MAX_MENTION_CHARS:
            mention = self.mentions[j]
            if mention.end > start:
                out.append(mention)
            j -= 1
        # Most look-ups find one mention or none: nothing to order then.
        return out if len(out) < 2 else sorted(out, key=lambda m: (m.start, m.end, m.entity.name))

    def entity_at(self, token: Token) -> Entity | None:
        """The speaking entity whose mention covers ``token``, the longest mention first."""
        start = token.idx
        hits = [m for m in self.overlapping(start, start + len(token.text)) if m.entity.type in SPEAKING_TYPES]
        if not hits:
            return None
        return max(hits, key=lambda m: (m.end - m.start, -m.start)).entity

    def people_in(self, start: int, end: int) -> list[Entity]:
        """Distinct person entities mentioned inside ``[start, end)``, in text order."""
        out: list[Entity] = []
        for mention in self.overlapping(start, end):
            inside = mention.start >= start and mention.end <= end
            if inside and mention.entity.type == PERSON and mention.entity not in out:
                out.append(mention.entity)
        return out

    # ------------------------------------------------------------------ sentence bookkeeping

    def start_sentence(self) -> None:
        """Move to the next sentence: this one's speakers become the "previous sentence"."""
        self.previous_group = self.current_group
        self.previous_subjects = tuple(self.current_subjects)
        self.current_group = ()
        self.current_subjects = []

    def observe_subjects(
        self, sent: SpacySpan, statements: Sequence[Statement], quotations: Sequence[tuple[int, int]]
    ) -> None:
        """Record the sentence's person subjects, except those inside what its statements report or inside
        a quotation: people in reported speech are not what a later "he" points back to; the speakers are."""
        quoted = _QUOTATIONS.of(quotations).overlapping(sent.start_char, sent.end_char)
        inside = [(c.start, c.end) for s in statements if (c := s.content_span) is not None] + quoted
        doc = sent.doc
        for token in (doc[i] for i in within(subject_positions(doc), sent.start, sent.end)):
            if not any(start <= token.idx < end for start, end in inside):
                self.observe_subject(token)
        self._observe_documents(sent, statements, inside)

    def _observe_documents(
        self, sent: SpacySpan, statements: Sequence[Statement], inside: Sequence[tuple[int, int]]
    ) -> None:
        """ "In an accompanying letter, Mr. Tsakalotos mentioned ...", "The agency tweeted that ...", "an open
        letter from company president Lee Scott": who issued the documents the sentence names outside what is
        reported -- the one its ``from`` phrase names, else the sentence's last speaker, who also issued the
        one its cue makes ("tweeted"); a later "the letter said" is theirs. A document named with no author
        to be seen makes a later one unknown again: "the letter" is the last letter named."""
        speakers = [s for s in statements if s.cue_span is not None and (s.speaker.entity or s.speaker.description)]
        cues = [(c.start, c.end) for s in speakers if (c := s.cue_span) is not None]
        doc = sent.doc
        for token in (doc[i] for i in within(document_positions(doc), sent.start, sent.end)):
            noun = token.lemma_.lower()
            own = token.pos_ in {"NOUN", "PROPN"} and not any(start <= token.idx < end for start, end in inside)
            issuer = self._issuer(token) if own else None
            if issuer is not None:
                self.authors[noun] = Speaker(text=issuer.name, entity=self.fullest(issuer))
            elif speakers and (own or any(start <= token.idx < end for start, end in cues)):
                self.authors[noun] = speakers[-1].speaker
            elif own:
                self.authors.pop(noun, None)  # "the letter" is the last one named, whose author is unknown

    def _issuer(self, document: Token) -> Entity | None:
        """The person or organisation a document's ``from`` phrase names ("a letter from Lee Scott")."""
        for prep in (c for c in document.children if c.dep_ == "prep" and c.lower_ == "from"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                entity = (
                    self.entity_at(obj)
                    or self._from_appositive(obj)
                    or self._closing_person(obj.doc[obj.left_edge.i : obj.i + 1])
                )
                if entity is not None and entity.type in SPEAKING_TYPES:
                    return entity
        return None

    def observe_subject(self, token: Token) -> None:
        """Record a clause subject that is a person, for later pronouns and descriptions: one it names, one
        named in apposition to it ("President Obama's nominee, John Brennan, has shown ... he expressed"), or,
        when it names no one, its possessor ("Mr. Obama's stance appeared to ... “I don't expect ...,” he
        said"): the person the sentence is about, whom a "he" that follows means. On 80 random AllSides
        reports (seeds 11 and 14, gold/dev excluded) this changed 25 speakers: 14 now right, none made wrong,
        10 wrong before and after (4 of them unresolved before), 1 not checked. A subject the parse headed in
        the report's dateline is read from its own head past it (``_past_opening``)."""
        token = _past_opening(token, token.doc[token.left_edge.i : token.right_edge.i + 1], self.opening)[0]
        entity = self._subject_entity(token)
        if entity is not None and entity.type == PERSON and not _counted_group(token):
            self._saw(entity)
        else:
            thing = self._thing(token)
            if thing is not None:
                self.thing = (token.idx, thing)
            group = None if _inner_clause(token) else self._group(token)
            if group is not None:
                self.group = (token.idx, group)

    def _subject_entity(self, token: Token) -> Entity | None:
        """The entity a clause subject names, one named in apposition to it, or its possessor's."""
        entity = self.entity_at(token)
        if entity is None or entity.type != PERSON:
            entity = self._from_appositive(token) or entity
        if entity is None:
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            entity = self.entity_at(owner) if owner is not None else None
        return entity

    def _thing(self, token: Token) -> Speaker | None:
        """What a singular subject that is no person names, as a speaker "it" can stand for: an organisation
        or country it names ("Skadden", "UNICEF"), the issuer of a document it names ("the letter" after "the
        White House outlined in a letter"), else its noun phrase as a description ("the court", "the
        video"). None for a pronoun, a plural, a person, a name with no entity record, or a phrase inside which
        a person is named."""
        if token.pos_ not in NOUN_POS or token.tag_ not in SINGULAR_NOUN_TAGS:
            return None
        phrase = token.doc[token.left_edge.i : token.i + 1]
        span = Span.of(self.text, phrase.start_char, phrase.end_char)
        entity = self.entity_at(token)
        if entity is not None:
            return Speaker(text=span.text, entity=self.fullest(entity), span=span) if entity.type != PERSON else None
        if token.pos_ != "NOUN":
            return None  # a name with no entity record may be anyone's
        whole = token.doc[token.left_edge.i : token.right_edge.i + 1]
        if self.people_in(whole.start_char, whole.end_char):
            return None  # "Former MLB pitcher and conservative pundit Curt Schilling": a person after all
        author = self._author(token, phrase)
        if author is not None:
            return Speaker(text=span.text, entity=author.entity, description=author.description, span=span)
        described = self._described(token, phrase)
        if described is not None:
            return Speaker(text=span.text, entity=self.fullest(described), span=span)
        return Speaker(text=span.text, description=span.text, span=span)

    def _group(self, token: Token) -> Speaker | None:
        """What a plural subject names as a group of people a later "they" can stand for: an organisation or
        party it names ("Democrats" tagged a group), else its noun phrase as a description when its noun is a
        person's ("state officials", "Some Senate Republicans"; WordNet's ``person_nouns``). None for a
        pronoun, a singular, things ("the coins"), or a phrase that names a person (joint speakers are
        ``_plural``'s previous group)."""
        if token.pos_ not in NOUN_POS or token.tag_ not in PLURAL_NOUN_TAGS:
            return None
        whole = token.doc[token.left_edge.i : token.right_edge.i + 1]
        if self.people_in(whole.start_char, whole.end_char):
            return None
        phrase = token.doc[_phrase_start(token) : token.i + 1]
        if any(w.pos_ == "PRON" and w.lower_ in SPEAKER_SIDE_PRONOUNS for w in phrase):
            # "we actual conservatives", "you guys" (the pronoun, not "US officials"): the writer's or the
            # reader's side, whom "they" is set against.
            return None
        span = Span.of(self.text, phrase.start_char, phrase.end_char)
        entity = self.entity_at(token)
        if entity is not None and entity.type == PERSON:
            return None
        if entity is not None and entity.type not in PLACE_TYPES:
            return Speaker(text=span.text, entity=self.fullest(entity), span=span)
        if entity is not None:
            # "Americans" linked to the United States: the people a demonym names, not their state.
            return Speaker(text=span.text, description=span.text, span=span)
        if token.lemma_.lower() not in person_nouns() and token.lower_ not in person_nouns():
            return None
        return Speaker(text=span.text, description=span.text, span=span)

    def observe_statement(self, statement: Statement, quotations: Sequence[tuple[int, int]]) -> None:
        """Record a statement's speakers, unless its cue lies inside a quotation ("“As Gov. Romney said
        today, ‘...’” Saul said."): the quoting speaker, not the quoted one, is whom a later "she" means."""
        cue = statement.cue_span
        quoted = _QUOTATIONS.of(quotations).overlapping(cue.start, cue.start + 1) if cue is not None else []
        if cue is None or not any(start <= cue.start < end for start, end in quoted):
            self.observe_speakers(statement.speakers or (statement.speaker,))

    def observe_speakers(self, speakers: Sequence[Speaker]) -> None:
        """Record resolved speakers (pronouns included), so that "He ... He ..." chains keep their referent."""
        self.current_group = tuple(speakers)
        for speaker in speakers:
            entity = self.by_name(speaker.entity)
            if entity is not None and entity.type == PERSON:
                self._saw(entity)
            elif entity is not None and entity.type == ORGANISATION and speaker.span is not None:
                # Only an organisation its speaker phrase names ("Quaker State Oil Refining Corp said"), not one
                # a description or pronoun was resolved to: a wrong resolution is not carried further.
                # A name cut from a longer one ends the chain rather than be carried on (``_cut_name``), and so
                # does one the phrase itself shows cut ("Pier 1 Imports Inc said" -> "Imports Inc").
                named = [m for m in self.overlapping(speaker.span.start, speaker.span.end) if m.entity == entity]
                if self._cut_name(entity) or any(self._cut_in_phrase(speaker.span.start, m.start) for m in named):
                    self.organisation_speaker = None
                elif named:
                    self.organisation_speaker = (speaker.span.start, entity)
            elif entity is None and _unnamed_organisation(speaker):
                # "The county health department said" left unresolved: the last organisation to speak is one
                # the report does not name, and a later "it" is no earlier named one.
                self.organisation_speaker = None

    def _saw(self, entity: Entity) -> None:
        self.subjects.append(entity)
        if entity not in self.current_subjects:
            self.current_subjects.append(entity)

    def by_name(self, name: str | None) -> Entity | None:
        return next((e for e in self.entities if e.name == name), None) if name else None

    # ------------------------------------------------------------------ resolution

    def resolve(self, head: Token, phrase: SpacySpan) -> tuple[Speaker, tuple[Speaker, ...]]:
        """The speaker for a subject ``head`` whose noun phrase is ``phrase``; joint speakers when several."""
        head, phrase = _past_opening(head, phrase, self.opening)
        owner = _possessor(head)
        if owner is not None:
            return self.resolve(owner, phrase.doc[owner.left_edge.i : owner.i + 1])
        antecedent = _antecedent_phrase(phrase)
        if antecedent is not None:
            return self.resolve(antecedent.root, antecedent)
        span = Span.of(self.text, phrase.start_char, phrase.end_char)
        lower = head.lower_
        pronouns = load_cues()["pronouns"]
        if lower in pronouns["singular"]:
            return self._pronoun(span, head), ()
        if lower in pronouns["plural"]:
            return self._plural(span, head)
        if lower in NEUTER_PRONOUNS:
            return self._it(head, span), ()
        joint = self._conjuncts(head)
        if len(joint) >= 2:
            group = tuple(Speaker(text=span.text, entity=self.fullest(e), span=span) for e in joint)
            return group[0], group
        people = self._listed_people(phrase)
        if any(t.dep_ == "conj" for t in phrase):
            speaking = [p for p in people if not self._modifying(p, phrase)]
            if len(speaking) >= 2:
                group = tuple(Speaker(text=span.text, entity=p.name, span=span) for p in speaking)
                return group[0], group
        author = self._author(head, phrase)
        if author is not None:
            return Speaker(text=span.text, entity=author.entity, description=author.description, span=span), ()
        entity = self.entity_at(head)
        if entity is None:
            entity = self._apposed_to(head)
        if entity is not None and self._name_fragment(head):
            entity = None  # "China Daily" tagged "China" (a place) + "Daily": the speaker is the whole name
        if entity is None or entity.type != PERSON:
            # "Federal Minister for ... of Pakistan, Muhammad Talha Mahmud": the office may be tagged as an
            # organisation; the person named in apposition is the speaker.
            entity = (
                self._from_appositive(head)
                or (None if _represents(head, phrase) else self._closing_person(phrase))
                or (people[0] if people else None)
                or entity
            )
        entity = entity or self._from_role(head, phrase)
        if entity is None:
            named = self._named_after(head, phrase)
            if named is not None:
                return named, ()
            entity = self._described(head, phrase)
        if entity is not None:
            return Speaker(text=span.text, entity=self.fullest(entity), span=span), ()
        if head.pos_ == "PROPN":
            return Speaker(text=span.text, span=span), ()
        return Speaker(text=span.text, description=span.text, span=span), ()

    def _pronoun(self, span: Span, head: Token) -> Speaker:
        """The most recent person subject not already referred to with the other pronoun ("she" after "he
        said" of the same person is someone else), a person subject earlier in the pronoun's own sentence first
        (``_sentence_subject``); the pronoun is remembered for the person it resolves to. When the person found
        is one whose own clauses call them the other pronoun (``own_pronoun``: Sandy Phillips, "Phillips
        and her husband", for a "He" of her daughter's friend), only a person whose own clauses use
        this pronoun is taken, else it stays unresolved. Its counts on reports it was not tuned on, and the
        classes it still gets wrong (two people sharing a surname), are in docs/extractors.md."""
        gender = load_cues()["pronouns"]["gender"].get(span.text.lower())
        own_pronoun = self._own_pronoun(head.doc)

        def remembered(entity: Entity) -> bool:
            return gender is None or self.pronoun_of.get(entity.name, gender) == gender

        def own(entity: Entity) -> bool:
            return remembered(entity) and own_pronoun.get(entity.name) == gender

        def choose(fits: Callable[[Entity], bool]) -> Entity | None:
            local = self._sentence_subject(head, fits)
            return local or next((e for e in reversed(self.subjects) if fits(e)), None)

        entity = choose(remembered)
        if entity is not None and gender is not None and own_pronoun.get(entity.name, gender) != gender:
            # The nearest person is called the other pronoun by their own clauses: the pronoun is someone
            # else, and only a person whose own clauses use it is taken for it.
            entity = choose(own)
        if entity is not None and gender is not None:
            self.pronoun_of[entity.name] = gender
        return Speaker(text=span.text, entity=entity.name if entity else None, span=span)

    def _sentence_subject(self, head: Token, fits: Callable[[Entity], bool]) -> Entity | None:
        """The last person subject before a speaker pronoun in its own sentence, outside quotations and outside
        any complement clause (``_reported``): "Although Mr. Sanders will compete ..., he said", "Elaine
        Donnelly ... keeps track of X -- and she says", "Trump's interest began when he called for". The
        sentence's subjects are recorded only after its statements (``observe_subjects``), so without this the
        pronoun went to a person of an earlier sentence. On 300 AllSides reports (seed 9931, gold skipped) this
        changed 31 speakers: 27 now right, none made wrong, 4 wrong before and after (docs/extractors.md)."""
        sent = head.sent
        quoted = self._quoted(sent.start_char, head.idx)
        found: Entity | None = None
        for token in (head.doc[i] for i in within(subject_positions(head.doc), sent.start, head.i)):
            if any(start <= token.idx < end for start, end in quoted) or _reported(token):
                continue
            entity = self._subject_entity(token)
            if entity is not None and entity.type == PERSON and fits(entity):
                found = entity
        return found

    def _it(self, head: Token, span: Span) -> Speaker:
        """ "The court didn't rule ..., but it did say", "The letter asserted ... It noted", "Skadden reached a
        settlement ... It agreed": the last singular subject that is no person (``_thing``), earlier in the
        same sentence or in the one before; else "it" stays as written."""
        sent = head.sent
        governing = {t.i for t in head.ancestors}
        for token in reversed(sent[: head.i - sent.start]):
            # Only the subject of a verb governing the "it" ("The court didn't rule on whether the officers'
            # treatment had been justified, but it did say": the court, not the treatment).
            if token.dep_ in SUBJECT_DEPS and token.head.i in governing and token.lower_ not in NEUTER_PRONOUNS:
                thing = self._thing(token)
                if thing is not None:
                    return Speaker(text=span.text, entity=thing.entity, description=thing.description, span=span)
        if self.thing is not None and self.thing[0] >= _window_start(head.doc[head.i : head.i + 1]):
            thing = self.thing[1]
            return Speaker(text=span.text, entity=thing.entity, description=thing.description, span=span)
        speaking = self._speaking_organisation(head.doc, head.idx, ORGANISATION_TYPES)
        if speaking is not None and self._no_later_thing(speaking) and not self._subject_before(head):
            return Speaker(text=span.text, entity=self.fullest(speaking), span=span)
        return Speaker(text=span.text, description=span.text, span=span)

    def _subject_before(self, head: Token) -> bool:
        """Whether the pronoun's own sentence has a subject before it outside quotations ("Ruth's Chris, a
        steakhouse chain, sought the money ..., it said"): what it names may be what "it" means, entity or
        not, so the organisation that spoke before is no safe reading."""
        sent = head.sent
        quoted = self._quoted(sent.start_char, head.idx)
        return any(
            not any(start <= head.doc[i].idx < end for start, end in quoted)
            for i in within(subject_positions(head.doc), sent.start, head.i)
        )

    def _quoted(self, start: int, end: int) -> list[tuple[int, int]]:
        """The resolver's quotation regions that overlap ``[start, end)``."""
        return _OWN_QUOTATIONS.of(self.quotations).overlapping(start, end) if self.quotations else []

    def _no_later_thing(self, speaking: Entity) -> bool:
        """Whether no subject that is no person ("the ruling", another organisation) stands between the
        organisation's last speech and now: the last such subject is the organisation itself, or precedes it."""
        if self.thing is None or self.organisation_speaker is None:
            return True
        at, thing = self.thing
        return thing.entity == self.fullest(speaking) or at < self.organisation_speaker[0]

    def _speaking_organisation(self, doc: Doc, at: int, kinds: frozenset[str]) -> Entity | None:
        """The organisation that last spoke before character ``at`` (``organisation_speaker``), when it is of
        one of ``kinds`` and no other entity of those kinds acts (``_acts``: a subject or possessor) between its
        speaker phrase and ``at`` outside quotations: a report that quotes a company ("Johnson & Johnson said
        ...") goes on with "The company added" or "..., it said" paragraphs later, past the one-sentence window
        of ``_described`` and ``_it``. A rival acting in between makes the description unsure, and it stays as
        written; one only acted on or named after a preposition does not (v41). Counts on unseen reports in
        docs/extractors.md (sessions 32 and 34)."""
        if self.organisation_speaker is None:
            return None
        since, entity = self.organisation_speaker
        if entity.type not in kinds:
            return None
        quoted = self._quoted(since, at)
        for mention in self.overlapping(since, at):
            if since < mention.start and mention.end <= at and mention.entity != entity:
                inside = any(start <= mention.start < end for start, end in quoted)
                if (
                    not inside
                    and (mention.entity.type in kinds or self._unsure_person(doc, mention.entity))
                    and _acts(doc, mention)
                ):
                    return None
        return entity

    def _cut_name(self, entity: Entity) -> bool:
        """Whether the entity's name is cut from a longer one: a mention of it follows "of" or "and" after a
        capitalised word ("Healthcare Services Of America Inc" -> "America Inc", "Gulf and Western Inc" ->
        "Western Inc", "Frank B. Hall and Co Inc" -> "Co Inc"). Such a name is kept where the entities put it
        but not carried to a later "the company"."""
        for span in entity.spans:
            before = self.text[max(0, span.start - CUT_LOOKBACK) : span.start].split()
            if len(before) >= 2 and before[-1].lower() in NAME_JOINERS and before[-2][:1].isupper():
                return True
        return False

    def _cut_in_phrase(self, start: int, at: int) -> bool:
        """Whether the speaker phrase starting at ``start`` has a word of a longer name right before the entity's
        mention at ``at``: a number or a capitalised word that is no determiner or possessor ("Pier 1 Imports Inc
        said", the entities' "Imports Inc"; not "The Wall Street Journal", "Britain's Vodafone", "Norwegian
        computer company Norsk Data"). Review of session 32: on its untuned draw (seed 124005) the rule gave
        "Imports Inc" three later speakers for Pier 1 Imports Inc, 3 of its 5 wrong."""
        words = self.text[start:at].split()
        if not words:
            return False
        word = words[-1]
        if word[:1].isdigit():
            return True
        possessor = word.endswith(("'s", "’s", "'", "’"))
        return word[:1].isupper() and word[-1:].isalnum() and not possessor and word.lower() not in PHRASE_DETERMINERS

    def _unsure_person(self, doc: Doc, entity: Entity) -> bool:
        """Whether an entity typed a person is one the report never calls "he" or "she" (no honorific, no
        pronoun of its own clauses or of a resolved speaker): the entities type organisations persons often
        ("Twitter said", "Ogden said", "Juul Labs"), and such a one may be what "the company" means."""
        if entity.type != PERSON:
            return False
        return entity.name not in self._own_pronoun(doc) and entity.name not in self.pronoun_of

    def _own_pronoun(self, doc: Doc) -> Mapping[str, str]:
        """``own_pronoun``, read from the report once, when a pronoun or a rival first asks for it."""
        if self.own_pronoun is None:
            self.own_pronoun = {**_own_pronouns(doc, self.mentions, self.quotations), **self.honorific_pronouns}
        return self.own_pronoun

    def _plural(self, span: Span, head: Token) -> tuple[Speaker, tuple[Speaker, ...]]:
        named = [s for s in self.previous_group if s.entity]
        if len(named) >= 2:
            group = tuple(Speaker(text=span.text, entity=s.entity, span=span) for s in named)
            return group[0], group
        if len(self.previous_subjects) >= 2:
            group = tuple(Speaker(text=span.text, entity=e.name, span=span) for e in self.previous_subjects)
            return group[0], group
        found = self._group_for(head)
        if found is not None:
            return Speaker(text=span.text, entity=found.entity, description=found.description, span=span), ()
        return Speaker(text=span.text, span=span), ()

    def _group_for(self, head: Token) -> Speaker | None:
        """ "Republicans see an opportunity ... They say", "Gun advocates have a point when they argue": the
        plural subject naming a group of people (``_group``) of a verb governing the "they", earlier in its
        sentence, else the last one of this sentence or the one before; none where a nearer governing plural
        subject names people by name ("When Trump and Clinton debate, they'll ...")."""
        sent = head.sent
        before = [t for t in sent[: head.i - sent.start] if t.dep_ in SUBJECT_DEPS]
        governing = _governing(head)
        for token in reversed(before):
            if token.head.i in governing and token.tag_ in PLURAL_NOUN_TAGS:
                return self._group(token)
            if token.head.i in governing and token.lower_ in OTHER_PERSON_PRONOUNS:
                # "They say that he threatened them and told them he would kill them if they ever told": a
                # clause about another person holds the "they" (the people he threatened, not the speakers).
                return None
        if any(t.pos_ in NOUN_POS for t in before):
            # Someone else is the subject of an earlier clause of the sentence ("Sponsors, they added, must
            # provide": what was said; "a segment of the Democrats will ... the progress they claim"): the
            # group of an earlier sentence is no longer the nearest.
            return None
        if self.group is not None and self.group[0] >= _window_start(head.doc[head.i : head.i + 1]):
            return self.group[1]
        return None

    def _conjuncts(self, head: Token) -> list[Entity]:
        """ "Britain and France said", "the White House and the Pentagon said": one speaking entity per
        coordinated subject, people or not; none unless every conjunct names one."""
        out: list[Entity] = []
        for token in (head, *head.conjuncts):
            entity = self.entity_at(token)
            if entity is None:
                return []
            if entity not in out:
                out.append(entity)
        return out

    def _listed_people(self, phrase: SpacySpan) -> list[Entity]:
        """People named in a coordinated or appositive subject ("X, and Y, emphasized"); none otherwise, so
        that "the wife of X" is never taken for X. A possessor is no speaker either: "Foley's mother and
        brother", "Mueller's team and prosecutors" are people of theirs, not them."""
        if not any(t.dep_ in BESIDE_DEPS for t in phrase):
            return []
        owners = {e for t in phrase if t.dep_ == "poss" and (e := self.entity_at(t)) is not None}
        return [p for p in self.people_in(phrase.start_char, phrase.end_char) if p not in owners]

    def _modifying(self, person: Entity, phrase: SpacySpan) -> bool:
        """Whether every mention of ``person`` in a subject phrase modifies another noun of it rather than
        naming a speaker: a compound or nominal modifier of a common noun ("a Wall Street financier and
        Trump fundraiser", "former Obama White House staffer Michael Wear", "Trump and outspoken critic
        Brown, who ...") or a preposition's object ("former adviser and fundraiser for Obama", "the former
        chief executive of General Electric"). Such a person is no joint speaker of a coordinated subject.
        See docs/extractors.md for the counts."""
        doc = phrase.doc
        inside = [
            m
            for m in self.overlapping(phrase.start_char, phrase.end_char)
            if m.entity == person and m.start >= phrase.start_char and m.end <= phrase.end_char
        ]
        roots = [s.root for m in inside if (s := doc.char_span(m.start, m.end, alignment_mode="expand")) is not None]
        return bool(roots) and all(_modifier(root) for root in roots)

    def _name_fragment(self, head: Token) -> bool:
        """Whether the entity mention at a proper-noun ``head`` holds only part of the name the head ends:
        the place word compounded before it lies outside the mention ("China Daily" tagged "China", a place,
        and "Daily", an organisation; "U.S. Customs and Border Protection"), so the tagger split one name in
        two. A person's mention is never cut so: the words before a person's name are a title."""
        if head.pos_ != "PROPN" or head.i == 0:
            return False
        mentions = [m for m in self.overlapping(head.idx, head.idx + len(head.text)) if m.entity.type in SPEAKING_TYPES]
        if not mentions or any(m.entity.type == PERSON for m in mentions):
            return False
        before = head.doc[head.i - 1]
        if before.head.i != head.i or before.dep_ != "compound":
            return False
        places = self.overlapping(before.idx, before.idx + len(before.text))
        return any(m.entity.type in PLACE_TYPES and m.end <= min(m.start for m in mentions) for m in places)

    def _closing_person(self, phrase: SpacySpan) -> Entity | None:
        """ "Azerbaijan's Ambassador to Pakistan Khazar Farhadov": an office phrase closes with the holder's
        name, whatever the parse made of it (the small model often reads the name as the object of "to")."""
        end = phrase.end_char
        for mention in self.overlapping(phrase.start_char, end):
            if mention.end == end and mention.start >= phrase.start_char and mention.entity.type == PERSON:
                return mention.entity
        return None

    def _from_appositive(self, head: Token) -> Entity | None:
        """ "the head of the campus, Khusro Pervaiz Khan": the person named in apposition to the head noun."""
        for child in head.children:
            if child.dep_ == "appos":
                entity = self.entity_at(child)
                if entity is not None:
                    return entity
        return None

    def _apposed_to(self, head: Token) -> Entity | None:
        """ "Chairman Jason Chaffetz, the Utah Republican who criticized Trump": a subject that is itself an
        appositive, naming no one, describes the person it is set beside; the parse hangs it on the name."""
        if head.dep_ != "appos" or head.tag_ not in SINGULAR_NOUN_TAGS or not _definite(head):
            return None
        entity = self.entity_at(head.head)
        return entity if entity is not None and entity.type == PERSON else None

    def _author(self, head: Token, phrase: SpacySpan) -> Speaker | None:
        """ "the letter", "the statement", "this memo": the author last seen issuing that kind of document."""
        if head.pos_ != "NOUN" or phrase[:1].text.lower() not in DEFINITE:
            return None
        return self.authors.get(head.lemma_.lower())

    def _from_role(self, head: Token, phrase: SpacySpan) -> Entity | None:
        """ "the ambassador", "the diplomat": the most recent person whose role title the noun names."""
        if head.pos_ != "NOUN" or phrase[:1].text.lower() not in DEFINITE:
            return None
        roles = load_cues()["role_nouns"]
        key = _role_key(head, phrase, roles)
        titles = roles.get(key)
        if not titles:
            return None
        for entity in reversed(self.subjects):
            if any(_holds_role(role.title, key, roles) for role in entity.roles):
                return entity
        for entity in reversed([e for e in self.entities if e.type == PERSON]):
            if any(_holds_role(role.title, key, roles) for role in entity.roles):
                return entity
        return None

    def _named_after(self, head: Token, phrase: SpacySpan) -> Speaker | None:
        """ "The private payroll company ADP reported": a description followed by the name it describes,
        which the parse hung elsewhere (as a modifier of the verb); the name is the speaker, an entity of a
        kind the description allows or, with no entity record, the capitalised word as written."""
        kinds = NAMED_KINDS.get(head.lemma_.lower())
        if kinds is None or phrase.end >= len(phrase.doc):
            return None
        after = phrase.doc[phrase.end]
        if after.head.i not in {head.i, head.head.i} or after.dep_ in SUBJECT_DEPS or not after.text[:1].isupper():
            return None
        entity = self.entity_at(after)
        if entity is None:
            name = Span.of(self.text, after.idx, after.idx + len(after.text))
            return Speaker(text=name.text, span=name)
        span = Span.of(self.text, phrase.start_char, after.idx + len(after.text))
        return Speaker(text=span.text, entity=self.fullest(entity), span=span) if entity.type in kinds else None

    def _described(self, head: Token, phrase: SpacySpan) -> Entity | None:
        """ "the news agency", "the ministry", "the company": the named entity of that kind the description
        stands for -- the most recent one whose name holds the noun ("the ministry" -> "the Foreign
        Ministry"), else the only one of its kind named in this sentence and the one before it, else (none or
        several named there) the organisation that last spoke, if no other of those acts there."""
        kinds = NAMED_KINDS.get(head.lemma_.lower())
        if kinds is None or phrase[:1].text.lower() not in {"the", "this", "that"}:
            return None
        before = [m for m in self.overlapping(0, phrase.start_char) if m.end <= phrase.start_char]
        compatible = [m for m in before if m.entity.type in kinds]
        noun = head.lower_
        holding = [m for m in compatible if noun in m.entity.name.lower().split()]
        if holding:
            return max(holding, key=lambda m: m.start).entity
        if _part_of_possessor(head):
            # "the city's police department said": the possessor says whose department it is, and the
            # determiner is the possessor's; the only organisation named nearby is not it (a storm typed an
            # organisation, "Tropical Storm Florence"). A place possessor ("the nation's largest bank") says
            # where it stands, and may well be the one named. See docs/extractors.md for the counts.
            return None
        window = _window_start(phrase)
        if any(m.entity.type in kinds and m.start >= window for m in self.opening_mentions):
            return None  # the opening's organisation, no candidate, still makes the one named nearby unsure
        nearby = [m for m in compatible if m.start >= window]
        near = {m.entity for m in nearby}
        if len(near) != 1 and _bare_description(head, phrase):
            # None named nearby, or several none of which acts there but the one that spoke last (``_acts``,
            # ``_speaking_organisation``): "Liberty Financial Group Inc ... said it has signed an agreement to be
            # acquired by Equimark Corp ... a merger of Liberty with a unit of Equimark, the company said".
            speaking = self._speaking_organisation(head.doc, phrase.start_char, kinds)
            if speaking is None or any(m.entity != speaking and _acts(head.doc, m) for m in nearby):
                return None
            return speaking if _press_fits(head, speaking) else None
        return next(iter(near)) if len(near) == 1 else None


def _acts(doc: Doc, mention: Mention) -> bool:
    """Whether an entity mention stands where a later "the company" or "it" may mean it: as a clause's subject or
    a possessor (through the list, apposition or longer name it is part of), or as a heading's bare name (a
    parse root). An organisation named only as an object or after a preposition ("a tender offer for all shares
    of Harper and Row", "to be acquired by Equimark Corp", "underwriters led by PaineWebber") is what the one
    that spoke acts on or deals with, not a new actor the report goes on about. Session 33's audit (seed
    142000): 8 of its 19 unresolved claimants were "the company" / "It" with such a rival. A compound climbs
    only onto a proper noun (the longer name): one on a common noun names the speaker's own part or a kind
    ("its UtilCo Group subsidiary completed", "the regional Bell telephone companies be allowed"), and letting
    it act like a possessor undid 5 right speakers of the 50 changed on the session's draws, righting none.
    Counts in docs/history/statements.md (session 34)."""
    token = span_root(doc, mention.start, mention.end)
    if token is None:
        return True  # no tokens to read: the rival stays one, as before
    while token.head.i != token.i and (
        token.dep_ in NAME_CHAIN_DEPS or (token.dep_ == "compound" and token.head.pos_ == "PROPN")
    ):
        token = token.head
    return token.dep_ in ACTOR_DEPS or token.head.i == token.i


def _unnamed_organisation(speaker: Speaker) -> bool:
    """Whether a speaker left unresolved is an organisation by its noun ("the county health department",
    ``described_kinds``)."""
    words = speaker.text.split()
    return bool(words) and words[-1].lower() in NAMED_KINDS


def _press_fits(head: Token, speaking: Entity) -> bool:
    """Whether a description's noun and the organisation that last spoke agree on being the press: "the paper"
    is a news organisation, "the agency" or "the company" none. Outlets speak in most AllSides reports about
    others ("The Wall Street Journal ... reported that the FTC voted ... according to the Journal. ... The
    agency had focused on whether Facebook violated ...": the FTC, named before the Journal spoke); review of
    session 32, seed 130000: that one of 23 changes was the rule's only wrong one."""
    return (head.lemma_.lower() in offices.lexicon().press_kind_nouns) == is_news_organisation(speaking.name)


def _bare_description(head: Token, phrase: SpacySpan) -> bool:
    """Whether a description is a determiner, modifiers and its noun and nothing else ("the company", "the
    oil company"): one that carries a name or an apposition of its own ("The country's largest law enforcement
    labor group, the Fraternal Order of Police", the name untagged) says itself whom it means; a plural ("The
    medical groups backing the bill") is not the one organisation that spoke."""
    if head.tag_ in PLURAL_NOUN_TAGS:
        return False
    return not any(t.pos_ == "PROPN" or t.dep_ in NAMING_DEPS or t.is_punct for t in phrase)


# Words that join the parts of an organisation's name ("Bank of America", "Gulf and Western"), and how many
# characters before a mention are read for them and the capitalised word before (``_cut_name``).
NAME_JOINERS = frozenset({"of", "and", "&"})
CUT_LOOKBACK = 40
# Capitalised words that open a speaker phrase before a name without being part of it ("The Wall Street Journal").
PHRASE_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their"})
# Dependencies of a name's token on the larger name or list it is part of ("Liberty and Equimark", "its parent,
# Equimark Corp", "Harper and Row" split flat): the list's own place in the clause decides whether it acts (``_acts``).
NAME_CHAIN_DEPS = frozenset({"conj", "appos", "flat"})
# Where an organisation named near a description or since the last speech acts (``_acts``): a subject
# ("Equimark said", "Equimark was sued"), a possessor ("Equimark's offer").
ACTOR_DEPS = SUBJECT_DEPS | {"poss"}
# Dependencies by which a description carries whom it means: an apposition ("the group, the Fraternal Order of
# Police") or a possessor ("the country's largest group").
NAMING_DEPS = frozenset({"appos", "poss"})


def _past_opening(head: Token, phrase: SpacySpan, opening: tuple[int, int]) -> tuple[Token, SpacySpan]:
    """A subject phrase the parse ran over the report's dateline ("HOUSTON, March 25 - Pennzoil Co said",
    "GREENWICH, Conn., Oct 20 - Berkey Inc said", the dateline's place its head) without it: the phrase from
    its first token past the ``opening``, headed by its own head there when the parse's head lies in the
    dateline. A phrase all inside the opening, or not starting in it, is left as it is. Its head past the
    dateline is sought among words, not Reuters' angle brackets ("TORONTO, March 4 - <Lacana Mining Corp> said":
    the parse makes the brackets nouns, and with one as head the speaker lost its entity, session 31's review)."""
    start, end = opening
    if not start <= phrase.start_char < end < phrase.end_char:
        return head, phrase
    words = [t.i for t in phrase if t.idx >= end and not (t.is_space or t.is_punct or t.text in WIRE_BRACKETS)]
    if not words:
        return head, phrase
    first = next(t.i for t in phrase if t.idx >= end and not t.is_space)
    rest = phrase.doc[first : phrase.end]
    return (head if head.i >= first else phrase.doc[words[0] : words[-1] + 1].root), rest


# Reuters-21578 marks a company name with no ticker in angle brackets ("<Lacana Mining Corp>"); the parse tags
# the brackets as nouns or proper nouns, not punctuation.
WIRE_BRACKETS = frozenset({"<", ">"})


def _represents(head: Token, phrase: SpacySpan) -> bool:
    """ "a lawyer for Bennett said", "an aide to the senator": an indefinite common noun whose phrase ends
    on its preposition's object names someone acting for that person, unnamed; the phrase is the
    speaker's description, not the person it closes with (an office title, "Azerbaijan's Ambassador to
    Pakistan Khazar Farhadov", is capitalised or possessed and keeps its holder)."""
    if head.pos_ != "NOUN" or not head.text.islower() or head.lemma_.lower() not in person_nouns():
        return False  # "a statement from spokeswoman X" is X's: a document speaks for whoever issued it
    if not any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in head.children):
        return False
    last = phrase[-1]
    root = last if last.dep_ == "pobj" else next((t for t in last.ancestors if t.dep_ == "pobj"), None)
    return root is not None and root.head.dep_ == "prep" and root.head.head.i == head.i


def _modifier(token: Token) -> bool:
    """Whether a name's root token modifies a common noun (compound, nominal modifier) or is a preposition's
    object: it names whom the phrase is about, not the phrase's own referent. A possessor marked by its
    "'s" however the parse labels it ("Tarrant's and Crusius' attacks suggest") is left as it was."""
    if any(c.dep_ == "case" for c in token.children):
        return False
    if token.dep_ in MODIFIER_DEPS:
        return token.head.pos_ == "NOUN"
    # A preposition's object coordinated with more names is the list the phrase counts ("Leadership allies
    # including Reps. Dave Camp (R-Mich.), Darrell Issa (R-Calif.) ... and Peter Roskam voted for").
    return token.dep_ == "pobj" and not token.conjuncts


def _counted_group(token: Token) -> bool:
    """ "most Britons hold dear", "many Americans say": a plural subject counted by a quantifier names a
    group (one the entity tagger may type a person), not the person a later "he" or "she" means."""
    return token.tag_ in PLURAL_NOUN_TAGS and any(
        c.dep_ in QUANTIFIER_DEPS and c.lower_ in QUANTIFIERS for c in token.children
    )


def _part_of_possessor(head: Token) -> bool:
    """Whether a description's possessor is a common noun saying whose part it is ("the city's police
    department", "the sheriff's office"), not a place it stands in ("the nation's", "the country's") or a
    superlative's field ("the world's biggest luxury company")."""
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ != "NOUN" or owner.lemma_.lower() in PLACE_POSSESSORS:
        return False
    return not any(c.tag_ in SUPERLATIVE_TAGS for c in head.children)


def _honorific_pronouns(text: str, mentions: Sequence[Mention]) -> dict[str, str]:
    """The pronoun each person's honorific calls for ("Mr. Hopkins" -> "he"), by entity name; a person written
    with honorifics of both kinds (two people the entity tagger merged, "Mr. and Ms. Johnson") gets none."""
    seen: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.entity.type != PERSON:
            continue
        found = honorific().search(text[max(0, mention.start - HONORIFIC_WINDOW) : mention.start] + " ")
        inside = honorific().search(text[mention.start : mention.end].split(" ", 1)[0] + " ")
        match = inside or found
        if match is not None:
            gender = load_cues()["pronouns"]["gender"][match.group(1).lower()]
            seen.setdefault(mention.entity.name, set()).add(gender)
    return {name: next(iter(pronouns)) for name, pronouns in seen.items() if len(pronouns) == 1}


# The subject, possessive and reflexive pronouns of each gender: what a person's own clause calls them ("Clinton
# ... and she added", "Phillips and her husband have been calling", "Healey describes himself"). Object pronouns
# are left out: "Clinton thanked him" is someone else.
OWN_SUBJECT_PRONOUNS = frozenset({"he", "she"})
OWN_POSSESSIVE_PRONOUNS = frozenset({"his", "her"})
OWN_REFLEXIVE_PRONOUNS = {"himself": "he", "herself": "she"}
# A possessive on what the person acts on is often someone else's ("Gillis summarized her story"). Not the
# statements' or claims' ``OBJECT_DEPS``, which serve other tests.
POSSESSED_OBJECT_DEPS = frozenset({"dobj", "dative"})
# How many times as many of a person's sentences must give one pronoun as give the other for it to be that
# person's own (the rule's setting, docs/extractors.md, "A person's own clauses say which pronoun is theirs"):
# a near tie is a person whose clauses disagree (a misparse, two people the tagger merged), and gets none.
OWN_PRONOUN_MARGIN = 2


def _clause_verb(token: Token) -> Token:
    """The verb of the clause ``token`` stands in (itself when it is one; the root when none is above)."""
    while token.pos_ not in {"VERB", "AUX"} and token.i != token.head.i:
        token = token.head
    return token


def _own_pronouns(doc: Doc, mentions: Sequence[Mention], quotations: Sequence[tuple[int, int]]) -> dict[str, str]:
    """The pronoun each person's own clauses use for them, by entity name, fixed for the article: a person named
    as a clause's subject, in a sentence naming no other person (outside quotations), is what a subject "he/she",
    a reflexive or a possessive "his/her" (not on the verb's object, nor in an apposition to the subject) of that
    clause or of one joined to it stands for. What the person says is left out: "Shelby said he refused to
    follow her commands" is about someone else. A person takes the pronoun that at least ``OWN_PRONOUN_MARGIN``
    times as many sentences give them as give the other one (``_outvoting``). The resolver's memory of its own
    answers (``pronoun_of``) learns from its mistakes; this does not."""
    gender = load_cues()["pronouns"]["gender"]
    votes: dict[str, dict[str, int]] = {}
    starts = [m.start for m in mentions]

    def quoted(at: int) -> bool:
        return any(start <= at < end for start, end in quotations)

    for sent in doc.sents:
        lo, hi = bisect.bisect_left(starts, sent.start_char), bisect.bisect_left(starts, sent.end_char)
        people = {m.entity.name: m for m in mentions[lo:hi] if m.entity.type == PERSON and not quoted(m.start)}
        if len(people) != 1:
            continue
        ((name, mention),) = people.items()
        named = [t for t in sent if mention.start <= t.idx < mention.end and t.dep_ in SUBJECT_DEPS]
        if not named:
            continue
        subject = named[0]
        verb = subject.head
        pronouns: set[str] = set()
        for token in sent:
            if not _own_form(token) or token.idx < mention.end or quoted(token.idx):
                continue
            if _in_apposition(token, subject):
                continue  # the subject's description: "Comella, his former aide," is Christie's aide
            clause = _clause_verb(token.head)
            if clause == verb or (clause.dep_ == "conj" and clause.head == verb):
                pronouns.add(OWN_REFLEXIVE_PRONOUNS.get(token.lower_) or gender[token.lower_])
        for pronoun in pronouns:
            tally = votes.setdefault(name, {})
            tally[pronoun] = tally.get(pronoun, 0) + 1
    return {name: best for name, tally in votes.items() if (best := _outvoting(tally)) is not None}


def _own_form(token: Token) -> bool:
    """Whether ``token`` is a pronoun that can stand for its clause's own subject: a subject "he/she", a
    reflexive, or a possessive "his/her" not on the verb's object (``POSSESSED_OBJECT_DEPS``)."""
    lower = token.lower_
    if lower in OWN_SUBJECT_PRONOUNS:
        return token.dep_ in SUBJECT_DEPS
    if lower in OWN_POSSESSIVE_PRONOUNS:
        return token.dep_ == "poss" and token.head.dep_ not in POSSESSED_OBJECT_DEPS
    return lower in OWN_REFLEXIVE_PRONOUNS


def _outvoting(tally: Mapping[str, int]) -> str | None:
    """The pronoun given in at least ``OWN_PRONOUN_MARGIN`` times as many sentences as the other, if any."""
    best = max(tally, key=lambda g: tally[g])
    others = sum(n for g, n in tally.items() if g != best)
    return best if tally[best] >= OWN_PRONOUN_MARGIN * others else None


def _in_apposition(token: Token, subject: Token) -> bool:
    """Whether ``token`` stands inside an apposition to ``subject`` ("Comella, his former aide"), whose possessive
    is someone else's; a relative clause on the subject ("Phillips, who lost her daughter") is the subject's own."""
    while token.i != token.head.i and token.i != subject.i:
        if token.dep_ == "appos" and token.head.i == subject.i:
            return True
        token = token.head
    return False


def subject_positions(doc: Doc) -> list[int]:
    """The Doc's clause subjects (``SUBJECT_DEPS``), by token index: all ``observe_subjects`` looks at."""
    return columns(doc).positions("subjects", lambda c: [i for i, dep in enumerate(c.deps) if dep in SUBJECT_DEPS])


def document_positions(doc: Doc) -> list[int]:
    """The Doc's document nouns (``DOCUMENT_NOUNS``, by lemma), by token index: all ``_observe_documents``
    looks at."""
    return columns(doc).positions("documents", lambda c: [i for i, n in enumerate(c.lemmas) if n in DOCUMENT_NOUNS])


def _governing(token: Token) -> set[int]:
    """The verbs governing ``token`` up to the first complement clause (``REPORTED_DEPS``): "Sponsors, they
    added, must provide" hangs "added" on "provide", whose subject is what was said, not who said it."""
    out: set[int] = set()
    while token.i != token.head.i and token.dep_ not in REPORTED_DEPS:
        token = token.head
        out.add(token.i)
    return out


def _phrase_start(token: Token) -> int:
    """Where the noun phrase a subject ``token`` heads starts: its left edge, but after a bracket or colon inside
    it (a heading the parse joined on, "Obstructing justice x 3 (not guilty) Prosecutors allege") and never
    inside a word ("pro-lifers", not "lifers")."""
    doc = token.doc
    start = token.left_edge.i
    for word in doc[start : token.i]:
        if word.is_bracket or word.text in PHRASE_BREAKS:
            start = word.i + 1
    while start > 0 and not doc[start - 1].whitespace_ and (doc[start - 1].is_alpha or doc[start - 1].text in HYPHENS):
        start -= 1
    return start


def _inner_clause(token: Token) -> bool:
    """Whether ``token`` stands inside a complement or relative clause: what someone said or wondered ("to
    wonder what message young women will learn"), or what describes something else ("seats where
    incumbents are retiring"); its subject is not who the sentence is about."""
    while token.i != token.head.i:
        if token.dep_ in REPORTED_DEPS or token.dep_ == RELATIVE_CLAUSE_DEP:
            return True
        token = token.head
    return False


def _reported(token: Token) -> bool:
    """Whether ``token`` stands inside a complement clause (``REPORTED_DEPS``) of any verb: what someone said,
    thought or was asked ("Asked whether Mr. Trump ...", "he thought Wray would ..."), not who acts."""
    while token.i != token.head.i:
        if token.dep_ in REPORTED_DEPS:
            return True
        token = token.head
    return False


def _possessor(head: Token) -> Token | None:
    """ "Mr Crosby's statement said", "his statement said": a nominal cue (the ``nouns`` of the cue lexicon)
    as the subject speaks for its possessor, as it does in "his warning that ...". A time as possessor
    ("Wednesday's statement") names no one, so the statement keeps the document as its described speaker."""
    if head.lemma_.lower() not in load_cues()["nouns"]:
        return None
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    return None if owner is None or owner.ent_type_ in TIME_ENTITY_TYPES else owner


def _antecedent_phrase(phrase: SpacySpan) -> SpacySpan | None:
    """The noun phrase a speaker phrase opening with "who" stands for ("a judge in Los Angeles, who said
    ...", "one of the jurors, who spoke with CNN and placed the blame ..."): the noun its relative clause
    hangs on, or, where the parse hung the clause on the verb, the noun phrase that ends just before the
    comma. A relative pronoun names no one itself; the tagger's source segment or a parse that hung the cue
    elsewhere left it as the speaker (docs/extractors.md has the counts)."""
    if not len(phrase):
        return None
    first = phrase[0]
    if first.lower_ not in RELATIVE_PRONOUNS or first.tag_ != RELATIVE_TAG or first.dep_ != ACTIVE_SUBJECT:
        return None
    if any(c.dep_ == "auxpass" for c in first.head.children):
        return None  # a passive the parse gave an active subject, "who he says has been called ..."
    if any(t.dep_ in SUBJECT_DEPS for t in phrase[1:]):
        return None  # "someone who polls show is beating X": the polls say it, "who" is what they say of
    doc = phrase.doc
    clause = _own_relative_clause(first)
    if clause is None and first.head.dep_ == ROOT_DEP:
        return None  # "Having called him a despot, who are they to scold anyone?": a question's "who"
    noun = clause.head if clause is not None else _phrase_before(doc, first.i)
    if noun is not None and noun.lower_ in DEMONSTRATIVES:
        noun = _of_object(noun)  # "that of Rep. X, who said": the one "that" is of
    if noun is not None and clause is not None:
        noun = apposition_head(noun)
    if noun is None or noun.pos_ not in ANTECEDENT_POS or noun.i >= first.i or _bare_singular(noun):
        return None
    # "one of the jurors": the quantity the clause's noun is counted out of is the antecedent.
    # Only from a count ("one", "some", "most"), never a demonstrative ("that of Rep. X").
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and _counted_out(noun.head.head):
        noun = noun.head.head
    end = first.i if clause is None else min(clause.left_edge.i, first.i)
    while end > noun.i + 1 and not doc[end - 1].is_alpha and doc[end - 1].text not in BRACKETS:
        end -= 1  # the comma before "who", not the bracket that closes "(D-Md.)"
    return doc[noun.left_edge.i : end]


def apposition_head(noun: Token) -> Token:
    """ "Meghan X, the daughter of Senator John X, who said": a relative clause the parse hung on the object
    of a preposition inside an appositive set off by commas stands for the name the appositive describes,
    the head of the chain, not the one the description is of (the daughter said it, not the senator)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return noun
    apposed = prep.head
    if apposed.dep_ != "appos" or apposed.head.pos_ not in NOUN_POS or apposed.left_edge.i < 1:
        return noun
    if noun.doc[apposed.left_edge.i - 1].text != ",":
        return noun
    if _restrictive_relative(noun) and _plain_person_noun(noun):
        # "Ellen X, the mother of the boy who said he was beaten": a clause with no comma before it picks out
        # the person it follows, and a person can say it; "a darling of the left who says" has no person there.
        return noun
    return apposed.head


# The file of nouns whose most frequent WordNet sense is a person (written by bench/wordnet_speakers.py, beside
# ``mute_nouns.txt``).
PERSON_NOUNS_FILE = "person_nouns.txt"
# The relation of a relative clause to the noun it modifies.
RELATIVE_CLAUSE_DEP = "relcl"
# First and second persons in a plural subject: the writer's or the reader's side, never whom "they" means.
SPEAKER_SIDE_PRONOUNS = frozenset({"we", "us", "our", "you", "your"})
# Subject pronouns of a person other than "they": a clause about someone else.
OTHER_PERSON_PRONOUNS = frozenset({"he", "she", "i", "we", "you"})
# Punctuation that ends a heading the parse joined onto a subject's phrase.
PHRASE_BREAKS = frozenset({":", ";"})


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """The nouns of ``PERSON_NOUNS_FILE`` (comment lines skipped)."""
    return read_words(PERSON_NOUNS_FILE)


def _plain_person_noun(noun: Token) -> bool:
    """A common noun for a person that is no office's title ("the boy", "rural residents"; not "the speaker",
    "the president"): a title, like a name, is one person already, and news sets off what follows it without
    a comma as often as with one ("an ally of the speaker who supports the bill": the ally supports it)."""
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and noun.text.islower() and lemma in person_nouns() and lemma not in title_heads()


def _restrictive_relative(noun: Token) -> bool:
    """Whether a relative clause on ``noun`` follows it with no comma between ("the boy who said"): it
    restricts the noun, which is then the one the clause is about; a comma or dash sets it off."""
    clauses = [c for c in noun.children if c.dep_ == RELATIVE_CLAUSE_DEP and c.i > noun.i]
    return any(c.left_edge.i > 0 and not noun.doc[c.left_edge.i - 1].is_punct for c in clauses)


def _own_relative_clause(pronoun: Token) -> Token | None:
    """The relative clause whose subject ``pronoun`` is: its own verb, or the first of the verbs it is
    coordinated with ("a writer who touts X or who advocates Y"). Not an outer relative clause further up
    ("a nurse who was among the first in a wave of students who came out"): that one hangs on another noun."""
    verb = own_clause_verb(pronoun.head)
    return verb if verb.dep_ == RELATIVE_CLAUSE_DEP else None


def own_clause_verb(verb: Token) -> Token:
    """The first of the verbs ``verb`` is coordinated with ("who lives in Ohio and says": "lives"), whose
    subject the coordinated ones share; ``verb`` itself when it is no conjunct."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _of_object(token: Token) -> Token | None:
    """The object of a demonstrative's "of" ("that of Rep. X" -> "X"), or None."""
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return None if of is None else next((c for c in of.children if c.dep_ == "pobj"), None)


def _counted_out(token: Token) -> bool:
    """Whether a word is a count a noun is taken out of ("one of the jurors", "some of the", "most of")."""
    return token.pos_ == "NUM" or token.lower_ in QUANTIFIERS


def _bare_singular(noun: Token) -> bool:
    """A singular common noun with no determiner, possessor or number names no one ("for example, who
    ..."): an adverbial's noun, not a relative clause's antecedent."""
    return noun.tag_ == "NN" and not any(c.dep_ in {"det", "poss", "nummod"} for c in noun.children)


def _phrase_before(doc: Doc, index: int) -> Token | None:
    """The head noun of the largest noun phrase that ends right before a comma at ``index - 1`` ("a judge in
    Los Angeles, who": "judge", through "in" and "Angeles")."""
    if index < 2 or doc[index - 1].text != ",":
        return None
    token, found = doc[index - 2], None
    while True:
        if token.pos_ in ANTECEDENT_POS:
            found = token
        head = token.head
        if head.i == token.i or head.i > token.i or head.right_edge.i != index - 2:
            return found
        if head.pos_ not in ANTECEDENT_POS and head.pos_ != "ADP":
            return found
        token = head


def _definite(head: Token) -> bool:
    """Whether a noun is made definite by its determiner ("the", "this") or a possessor ("Ireland's")."""
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in head.children)


def _window_start(phrase: SpacySpan, sentences: int = 1) -> int:
    """The first character of the sentence ``sentences`` before the phrase's own."""
    sent = phrase.sent
    for _ in range(sentences):
        if sent.start == 0:
            break
        sent = phrase.doc[sent.start - 1].sent
    return sent.start_char


MAX_ACRONYM = 6


def _acronym(name: str) -> str:
    """The letters of a name written as an acronym ("IMF", "U.N."), or ""."""
    letters = name.replace(".", "")
    return letters if 2 <= len(letters) <= MAX_ACRONYM and letters.isalpha() and letters.isupper() else ""


def _initials(name: str) -> str:
    """A name's initials, its hyphenated words apart ("Al-Aqsa Martyrs Brigades" -> AAMB), or ""."""
    return initials(name.replace("-", " ").split(), stop=INITIAL_STOP).upper()


def _expansions(entities: Sequence[Entity]) -> dict[str, str]:
    """Acronym entity name -> the one entity name of the same type in the article whose initials spell it
    (the entities extractor keeps "IMF" and "International Monetary Fund" apart when no parenthesis ties
    them); none when two names fit."""
    out: dict[str, str] = {}
    # Each name's initials, worked out once (not once per acronym in the article), and only when one is there.
    spelled: list[str] | None = None
    for entity in entities:
        letters = _acronym(entity.name)
        if not letters:
            continue
        if spelled is None:
            spelled = [_initials(f.name) for f in entities]
        full = {
            f.name for f, spells in zip(entities, spelled, strict=True) if f.type == entity.type and spells == letters
        }
        if len(full) == 1:
            out[entity.name] = full.pop()
    return out


# Nouns that describe a named organisation or country ("the news agency", "the company", "the ministry"),
# and the entity types a name they stand for may have.
NAMED_KINDS: dict[str, frozenset[str]] = {
    noun: frozenset(types) for noun, types in load_cues()["described_kinds"].items()
}

# Documents that speak for whoever issued them ("the letter said", "the memo declares").
DOCUMENT_NOUNS = frozenset(load_cues()["document_nouns"])

# A singular common or proper noun: only such a description stands in apposition for one person ("Jason
# Chaffetz, the Utah Republican"); a plural one ("superdelegates, the party leaders") describes a group.
SINGULAR_NOUN_TAGS = frozenset({"NN", "NNP"})

# The pronoun that stands for a thing, an organisation or a document ("It noted that ..."), never a person.
NEUTER_PRONOUNS = frozenset({"it"})

# Parts of speech of a noun or a name.
NOUN_POS = frozenset({"NOUN", "PROPN"})
# The parse's entity types of a time expression ("Wednesday's statement", "on March 3", "today"): a date or
# time names no one (``_possessor``; the statements' ``cues.cue_subject`` and ``content._names_time``).
TIME_ENTITY_TYPES = frozenset({"DATE", "TIME"})

# The relative pronoun of a person ("a judge, who said") as the parse tags it. "which" and "that" are left
# out: the rules' subjects already reach their antecedent (``cues.relative_head``), and a "which" before a
# noun the parse tagged a verb is a determiner ("which aides in both parties predict").
RELATIVE_PRONOUNS = frozenset({"who"})
RELATIVE_TAG = "WP"
# Counts a relative clause's noun is taken out of ("one of the jurors, who"); demonstratives are not.
QUANTIFIERS = frozenset({"one", "some", "many", "each", "none", "all", "several", "most", "few", "both"})
# Tags of a plural noun, and the relations of a quantifier that counts it ("most/amod Britons", "all/det").
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})
# ("nummod" would be "one" alone, which counts no plural.)
QUANTIFIER_DEPS = frozenset({"amod", "det"})
# Relations of a word coordinated with or set beside a subject's head, which may name the speaker ("X, and Y,
# emphasized"; "the storm and the governor"; the rules' ``cues.mute_noun``).
BESIDE_DEPS = frozenset({"conj", "appos"})
# Dependencies of a name that modifies the noun after it ("Trump fundraiser", "Obama White House staffer").
MODIFIER_DEPS = frozenset({"compound", "nmod"})
# Indefinite articles: "a lawyer for X" is one of X's, unnamed (``_represents``).
INDEFINITE = frozenset({"a", "an"})
DEMONSTRATIVES = frozenset({"that", "those", "this", "these"})
# Possessors that say where a described organisation stands, not whose part it is ("the nation's largest bank").
PLACE_POSSESSORS = frozenset({"country", "nation", "world", "region", "continent"})
SUPERLATIVE_TAGS = frozenset({"JJS", "RBS"})
# A passive subject is who was spoken to or of ("Mikovits, who he says has been called ..."), never who spoke.
ACTIVE_SUBJECT = "nsubj"
# What a relative clause's antecedent can be: a noun, a name, "one" of a group, a pronoun.
ANTECEDENT_POS = frozenset({"NOUN", "PROPN", "NUM", "PRON"})

# Determiners of a description that points back to something named before.
DEFINITE = frozenset({"the", "this", "that"})

# Longest entity mention, in characters, that ``overlapping`` looks back for (a long office + name such as
# "Federal Minister for States and Frontier Regions of Pakistan, Muhammad Talha Mahmud" is ~85).
MAX_MENTION_CHARS = 200


def _role_key(head: Token, phrase: SpacySpan, roles: Mapping[str, Sequence[str]]) -> str:
    """The office a role description names: the longest listed role (``role_nouns``) its words end with,
    "the vice president" -> "vice president", "the former prime minister" -> "prime minister", else the
    head noun ("the president")."""
    for first in range(phrase.start, head.i):
        words = phrase.doc[first : head.i + 1].text.lower()
        if words in roles:
            return words
    return head.lower_


def _holds_role(title: str, key: str, roles: Mapping[str, Sequence[str]]) -> bool:
    """Whether a role title is the office ``key`` names, and not a longer listed office ending with it (a
    "Vice President" is not "the president", a "Prime Minister" not "the minister"). On 50 random AllSides
    reports (seed 8400, gold/dev skipped) "the vice president" and "the former vice president" had been
    resolved to Donald Trump, the president, twice; they are Joe Biden."""
    lowered = title.lower()
    if any(other != key and other.endswith(" " + key) and lowered.endswith(other) for other in roles):
        return False
    return _title_matches(title, roles[key])


def _title_matches(title: str, nouns: Sequence[str]) -> bool:
    lowered = title.lower()
    words = lowered.replace("-", " ").split()
    return any(noun == lowered or noun in words or lowered.endswith(" " + noun) for noun in nouns)


# The article's quotations, indexed: the resolver asks about them once per sentence and per statement.
_QUOTATIONS: LastIndex[tuple[int, int]] = LastIndex(
    lambda regions: [(start, end, (start, end)) for start, end in regions]
)
# The resolver's own list (every quotation region, titles included) gets an index of its own: sharing the
# one-list cache above with the ``Quotes.regions`` the statements pass would rebuild both at every pronoun speaker.
_OWN_QUOTATIONS: LastIndex[tuple[int, int]] = LastIndex(
    lambda regions: [(start, end, (start, end)) for start, end in regions]
)
