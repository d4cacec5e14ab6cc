"""Reporting cues in the parse (verbs, phrasal and light-verb cues, source prepositions) and their subjects."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.data import read_words
from dateline.extract.statements.lexicon import (
    CLAUSE_POS,
    CONTROLLING_OBJECTS,
    NOUN_POS,
    OPEN_QUOTES,
    STRAIGHT_QUOTE,
    STRAY_CLAUSE_DEPS,
    VERB_KINDS,
    Cue,
    Lexicon,
)

# The module, not the name: issuers imports the statements' lexicon, whose package imports this module, so a
# name imported from a half-loaded issuers would fail when issuers is the first module a program imports.
from dateline.extract.support import issuers
from dateline.extract.support.common import AUX_DEPS, MODAL_TAG, ROOT_DEP
from dateline.extract.support.speakers import (
    BESIDE_DEPS,
    DOCUMENT_NOUNS,
    FINITE_TAGS,
    PLURAL_NOUN_TAGS,
    RELATIVE_CLAUSE_DEP,
    SUBJECT_DEPS,
    TIME_ENTITY_TYPES,
    apposition_head,
    person_nouns,
)
from dateline.extract.support.speakers import RELATIVE_PRONOUNS as PERSON_RELATIVES
from dateline.extract.support.tokens import columns
from dateline.model import CUE_ATTITUDE, CUE_OTHER, CUE_SPEECH
from dateline.nlp.components import line_start

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

# Relations of a name or number standing right before a subjectless cue that the parse mistook for the
# cue's modifier ("About 4 in 10/nummod say", "Bozell/compound answers").
ADJACENT_SUBJECT_DEPS = frozenset({"compound", "nummod", "npadvmod", "dep", "advmod"})

# Parts of speech of a name or number the parse made a cue's modifier rather than its subject.
ADJACENT_SUBJECT_POS = NOUN_POS | {"NUM"}

RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})

# Dependency relations through which a subjectless cue takes its governor's subject, and how many hops.
INHERITS_SUBJECT = frozenset({"conj", "advcl"})
MAX_INHERIT = 3

# Tags of a noun a participle may take as its speaker ("voters saying ...", "Democrats backing ..."): a name
# or a plural, the people it names; not a singular common noun ("a video highlighting ...").
GROUP_TAGS = frozenset({"NNP", "NNPS", "NNS"})

# Prepositions whose document a participle cue speaks for the verb's subject: "in a letter saying X, the
# attorneys general asked ...", "responded with a statement saying X".
DOCUMENT_PREPOSITIONS = frozenset({"in", "with"})

# The preposition that names a document's issuer after it ("a statement from the White House saying").
ISSUED_BY = "from"

# The preposition of "quoted X as saying": the object of the governing verb is the speaker.
QUOTED_AS = "as"

# Particles that make a cue verb another verb, which says nothing ("backing down", "showed up", "wrote off",
# "adds up"); a particle a verb needs to be a cue is listed in ``phrasal``. On PolNeAR train's tuning slice
# 16 cue verbs take one of these, 2 of them inside an annotated cue.
OTHER_VERB_PARTICLES = frozenset({"up", "down", "off", "away"})

# Prepositions that deny the participle after them: "without offering any details", "without naming him"
# say nothing (8 such participles of cue verbs in PolNeAR train).
NEGATING_PREPOSITIONS = frozenset({"without"})

# The preposition whose object, when it names an opinion survey (``Lexicon.surveys``), is the source of its host
# clause, as "according to"'s is: "Trump leads Cruz by 9 points in the latest Hoosier poll" (``survey_cue``).
SURVEY_PREPOSITION = "in"
# The clause-only verb (``clause_only_verbs``) that names evidence, not an act: with an opinion survey as its
# subject its noun-phrase object is what the survey found ("polls show Clinton with a narrow lead"; "the poll
# sought the views of 1,000 adults" is what the pollsters did).
FINDING_VERBS = frozenset({"show"})
# Penn tags of the wh-words that open a relative or free relative clause ("where", "which", "what").
WH_TAGS = frozenset({"WRB", "WDT", "WP"})
# Relations of a noun to the main verb through which a survey phrase on the noun reports the whole clause.
SURVEYED_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
# Relations that coordinate a survey with something it does not report ("both in polls and fundraising").
SURVEY_COORDINATION_DEPS = frozenset({"conj", "preconj"})

# Dependencies of a light-verb cue's noun or "clear" ("made the case", "made it clear", "made clear").
LIGHT_NOUN_DEPS = frozenset({"dobj", "oprd", "acomp", "ccomp", "advmod", "attr"})

# Parts of speech a speaker's head word never has: a conjunction, preposition or particle the parse made a
# cue's subject is a misparse ("..., and found X", "with opposed", "'s say"). On 60 random AllSides articles
# (seed 9, gold/dev excluded) 10 statements had such a speaker, none of them a statement (2 of 40 more
# articles', seed 10).
FUNCTION_POS = frozenset({"CCONJ", "SCONJ", "ADP", "PART"})

# The reader, addressed: outside a quotation "you" as a cue's subject is nobody reported ("By signing up, you
# agree to receive ...", "you know", "if you believe the polls"); 11 of those 60 articles' statements (6 of
# the 40 more, seed 10).
READER_PRONOUNS = frozenset({"you"})

# Nouns that name no one who can speak in any WordNet sense (``data/mute_nouns.txt``, written by
# bench/wordnet_speakers.py: every sense an event, state, feeling, attribute, time, phenomenon ... ).
MUTE_NOUNS_FILE = "mute_nouns.txt"

# The preposition of a quantity noun's members ("the bulk of the respondents", "a plethora of experts"): a
# mute head with a speaking plural "of" object (``speakers.PLURAL_NOUN_TAGS``) names those who speak
# (``mute_noun``); a singular one is what the head is of ("the lack of overtime work", "the bulk of the evidence").
MEMBERS_OF = "of"

# The dependency of a complement clause on the verb that reports it ("said [the plan would fail]"; also the
# tagger's ``decode``): a cue coordinated inside one ("X said the lack of Y could affect Z but added ...")
# whose inherited subject is mute was coordinated with the reporting verb (``cue_subject``).
COMPLEMENT_DEP = "ccomp"

# Modals that also narrate what did happen: the past habitual and the future in the past ("he would demand",
# "at the trial, the doctor would estimate that X"); a cue under one of them may be a statement made.
NARRATING_MODALS = frozenset({"would", "'d", "’d"})
# Relations through which a cue verb stands under its governor's modal: an open complement ("must continue to
# support") and a verb coordinated under the same subject ("the snowflakes might turn this around and ask").
OPEN_COMPLEMENT_DEP = "xcomp"
COORDINATED_DEP = "conj"
# Relations of a verb's own subject or auxiliary: a coordinated verb with one of these has its own mood ("He
# will be sentenced and has agreed not to appeal").
OWN_MOOD_DEPS = SUBJECT_DEPS | AUX_DEPS
# Parts of speech of a cue's verb (the small model tags a few cue verbs AUX).
CUE_VERB_POS = frozenset({"VERB", "AUX"})
# Penn's tag of a base-form verb, the only form a modal governs: a coordinated verb of another form ("said",
# "suggested") does not share its neighbour's modal, whatever the parse coordinated it with ("May said that the
# country would formally declare X and suggested that Y", "suggested" hung on "declare").
BASE_FORM_TAG = "VB"

# Fewest words of a report's title looked for on its first line (``header_end``): a shorter title ("Opinion", "The
# Note") may be any words of the text.
MIN_TITLE_WORDS = 3
# Marks that may open a page's deck after its title ("Title 'This is a five-alarm fire ...,' reads the letter").
DECK_OPENERS = OPEN_QUOTES + STRAIGHT_QUOTE + "'‘"

# Tags the small model gives a clause verb it read as a noun headed by the noun before it ("the lawsuit
# states", "the news agency reports": ``mistagged_verb``).
MISTAGGED_VERB_TAGS = frozenset({"NN", "NNS"})

# Relations of the words before a mistagged verb that make up its speaker's phrase ("the/det new/amod
# rule/compound states").
MISTAGGED_SUBJECT_DEPS = frozenset({"det", "amod", "compound", "poss", "nummod", "case"})


def cue_candidates(doc: Doc, lex: Lexicon) -> list[int]:
    """The tokens ``cue_at`` can make a cue of, in order: a source preposition's word (also the survey
    preposition, ``SURVEY_PREPOSITION``), a noun the lexicon lists or a noun whose lemma is a clause cue (a verb
    the parse may have mistaken, ``mistagged_verb``), a verb it lists (``Lexicon.cue_verbs``). ``cue_at`` is
    None for any other token, so a sentence's cues are found among these alone."""
    return columns(doc).positions(
        "cue candidates",
        lambda c: [
            i
            for i, (lower, lemma, pos) in enumerate(zip(c.lowers, c.lemmas, c.pos, strict=True))
            if lower in lex.prepositions
            or lower == SURVEY_PREPOSITION
            or (pos == "NOUN" and (lemma in lex.nouns or lemma in lex.clause))
            or (pos == "VERB" and lemma in lex.cue_verbs)
        ],
    )


def listable_positions(doc: Doc, lex: Lexicon) -> list[int]:
    """The tokens whose lemma a listed cue needs (``Lexicon.listed_lemmas``), in order: a sentence with none
    holds no cue ``listed_cue`` accepts, whatever a tagger marks in it."""
    return columns(doc).positions("listable", lambda c: [i for i, n in enumerate(c.lemmas) if n in lex.listed_lemmas])


def survey_cue(token: Token, lex: Lexicon) -> Cue | None:
    """ "In the poll, Clinton's support has risen", "just 18 percent have a favorable view of Trump in a new
    Washington Post-ABC News poll": "in" with an opinion survey as its object reports its host clause as
    "according to" does (kind "according": the object is the source, the rest of the sentence the content)."""
    if token.lower_ != SURVEY_PREPOSITION or token.dep_ != "prep":
        return None
    survey = next((c for c in token.children if c.dep_ == "pobj"), None)
    if survey is None or survey.lemma_.lower() not in lex.surveys:
        return None
    # The survey must report the sentence's own clause: "in" on its main verb or on that verb's subject or
    # object ("Mrs. Clinton's six-point lead over Mr. Trump, in a CBS News poll last month"), not on a word in
    # an adjunct or a nested clause, where it places a standing the sentence goes on from ("Despite his low
    # standing in the polls, Clinton had ordnance ready for him", "a rival who is far behind him in the polls",
    # "if he was able to get 15 percent in the polls").
    host = token.head
    if host.dep_ in SURVEYED_ARGUMENT_DEPS:
        host = host.head
    if host.dep_ != ROOT_DEP or not _at_sentence_edge(token):
        return None
    # What the survey found is a clause with a subject of its own, in the active voice, that reports no speech
    # itself: not what was done to the poll or in it ("was not tested in Quinnipiac's February poll", "there
    # are two data points in the new poll", an imperative "Vote Now in Urgent Poll"), nor the cue of a named
    # speaker that the survey only sets ("In their weekly poll, The Economist and YouGov found ..."; its
    # respondents' answers are its findings: "In this month's poll, only 2 percent say ..."), nor a survey
    # coordinated with something else it does not report ("leads both in polls and fundraising").
    subject = next((c for c in host.children if c.dep_ == "nsubj"), None)
    if subject is None or (host.lemma_.lower() in lex.cue_verbs and subject.pos_ == "PROPN"):
        return None
    if any(c.dep_ in SURVEY_COORDINATION_DEPS for c in (*survey.children, *token.children)):
        return None
    return Cue(token.i, token.i, token.i, "according")


def _at_sentence_edge(phrase: Token) -> bool:
    """Whether a prepositional phrase opens its sentence ("In the poll, ...") or closes it ("... in a new
    poll."), words of punctuation aside: the rest of the sentence is then the clause it reports. In the middle
    the rest falls in two ("Trump has remained steady in the polls during the winter"), and the longer part
    that an "according to" takes is as often an adjunct as the clause."""
    sent = phrase.sent
    words = [t.i for t in sent if not t.is_punct and not t.is_space]
    return bool(words) and (phrase.left_edge.i <= words[0] or phrase.right_edge.i >= words[-1])


# The last Doc and lexicon ``cue_at`` was asked about, with its answers by token index. The Doc is held, so it
# cannot be freed and its identity reused.
_asked: tuple[Doc, Lexicon, dict[int, Cue | None]] | None = None


def cue_at(token: Token, lex: Lexicon) -> Cue | None:
    """The cue ``token`` heads, if any (``_cue_at``), worked out once per token of the Doc: statements.rules
    asks it of every cue candidate, statements.combined again for its mute cues (``muted_cues``), and the
    content rules of the tokens inside each content; the answer reads the parse and the lexicon alone."""
    global _asked
    doc = token.doc
    asked = _asked
    if asked is None or asked[0] is not doc or asked[1] is not lex:
        asked = _asked = (doc, lex, {})
    answers = asked[2]
    i = token.i
    if i in answers:
        return answers[i]
    cue = answers[i] = _cue_at(token, lex)
    return cue


def _cue_at(token: Token, lex: Lexicon) -> Cue | None:
    lower = token.lower_
    if lower == SURVEY_PREPOSITION:
        return survey_cue(token, lex)
    if lower in lex.prepositions:
        to = next((c for c in token.children if c.lower_ == lex.prepositions[lower]), None)
        return Cue(token.i, to.i, token.i, "according") if to is not None else None
    if mistagged_verb(token, lex):
        return Cue(token.i, token.i, token.i, "clause")
    if token.pos_ == "NOUN":
        # "his warning that ...", "Cruz's refusal to disavow ...": a cue noun with a possessor, who said it.
        owned = token.lemma_.lower() in lex.nouns and any(c.dep_ == "poss" for c in token.children)
        return Cue(token.i, token.i, token.i, "noun") if owned else None
    if token.pos_ != "VERB" or (token.dep_ == "pcomp" and token.head.lower_ in NEGATING_PREPOSITIONS):
        return None
    if negated_cue([token]):
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
    if any(c.dep_ == "prt" and c.lower_ in OTHER_VERB_PARTICLES for c in token.children):
        return None
    first = token.i
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in lex.prefixes and token.head.i < token.i:
        first = token.head.i  # "went on to say"
    return Cue(first, token.i, token.i, "clause" if lemma in lex.clause else "object")


def mistagged_verb(token: Token, lex: Lexicon) -> bool:
    """Whether the parse took a clause verb for a noun heading the noun before it: the sentence's root,
    tagged a noun (``MISTAGGED_VERB_TAGS``), whose lemma is a clause cue, with a complement clause of its
    own, no subject and a noun right before it as its compound ("“...,” the lawsuit/compound states/NNS.",
    "“...,” the new rule states.", "..., the Associated Press news agency reports."). A noun heads no
    complement clause, so the parse itself says a verb was meant; the noun before it is then its subject."""
    if token.pos_ != "NOUN" or token.tag_ not in MISTAGGED_VERB_TAGS or token.dep_ != ROOT_DEP:
        return False
    if token.lemma_.lower() not in lex.clause or not any(c.dep_ == COMPLEMENT_DEP for c in token.children):
        return False
    if any(c.dep_ in SUBJECT_DEPS for c in token.children):
        return False  # "Critics of the/det Saudis/compound claim/NN ...": the parse found its subject elsewhere
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is not None and before.head.i == token.i and before.dep_ == "compound" and before.pos_ in NOUN_POS


def mistagged_subject(verb: Token) -> tuple[int, int]:
    """The token range of a mistagged verb's subject (``mistagged_verb``): the modifiers the parse hung on
    it right before it, each running up to the next ("the/det new/amod rule/compound" of "the new rule
    states"; the quotation and comma before them are no part of it)."""
    first = verb.i
    for child in reversed([c for c in verb.children if c.i < verb.i]):
        if child.dep_ not in MISTAGGED_SUBJECT_DEPS or child.right_edge.i != first - 1:
            break
        first = child.left_edge.i
    return first, verb.i - 1


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
    if light_clause(verb, noun) is not None:
        return Cue(verb.i, noun.i, verb.i, "light")
    # The parse hangs the preposition on the noun ("concerns about X") or on the verb ("made the case for X").
    preps = [c for c in noun.children if c.i > noun.i] + [c for c in verb.children if c.i == noun.right_edge.i + 1]
    prep = next((c for c in preps if c.dep_ == "prep" and c.lower_ in lex.light_prepositions), None)
    return Cue(verb.i, prep.i if prep is not None else noun.i, verb.i, "light")


def light_clause(verb: Token, noun: Token) -> Token | None:
    """The clause a light-verb cue reports: its noun's ("the point that X", "made it clear that X") or the
    verb's ("made clear on Monday that X")."""
    clauses = [c for c in (*noun.children, *verb.children) if c.i > noun.i and _that_clause(c)]
    return min(clauses, key=lambda c: c.i) if clauses else None


def _that_clause(token: Token) -> bool:
    """A complement clause, or one the parse hung on a noun that "that" marks rather than stands in as
    subject or object ("the point that X", not "a statement that drew criticism")."""
    return token.dep_ == COMPLEMENT_DEP or (token.dep_ in STRAY_CLAUSE_DEPS and marked_by_that(token))


def unsaid_cue(tokens: Sequence[Token], lex: Lexicon) -> bool:
    """Whether a cue's words are a clause-only verb ("denied", "showed", "sought") with no clause of its
    own: a noun-phrase object or an infinitive is then what was done, not what was said."""
    verbs = [t for t in tokens if t.pos_ == "VERB" and clause_only_verb(t, lex)]
    return bool(verbs) and not any(reports_clause(v) for v in verbs)


def clause_only_verb(verb: Token, lex: Lexicon) -> bool:
    """A clause-only cue verb (``Lexicon.clause_only``) that is no attitude with its infinitive
    (``attitude_infinitive``): without a clause or a quotation it names what was done, not what was said."""
    return verb.lemma_.lower() in lex.clause_only and not attitude_infinitive(verb, lex)


# ``Statement.statement_kind`` of a content that quotes nothing (``Quotes.kind``).
INDIRECT_KIND = "indirect"

# A verb's particle ("ruled out", "backed away"): with it the verb is another lemma (``statement_class``).
PARTICLE_DEP = "prt"
# What an act verb hands over (``gives_speech``: "offered [her condolences]").
DIRECT_OBJECT_DEP = "dobj"
# The determiner that gives nothing: "offered no apologies", "offered no clues" say nothing (``gives_speech``).
NONE_DETERMINER = "no"
# The relation of a participle on the noun that does its act ("the law offering premium tax credits").
PARTICIPLE_ON_NOUN_DEP = "acl"
# A content root's subject that makes it a clause of its own (``subject_clause``).
CLAUSE_SUBJECT_DEPS = SUBJECT_DEPS | {"csubj", "expl"}

# Relations of what a verb acts on after it: its direct object or its infinitive ("endorsed Clinton", "declined to
# comment").
ACTED_ON_DEPS = frozenset({"dobj", "xcomp"})


def acts_on_object(verb: Token, lex: Lexicon) -> bool:
    """A clause-only cue verb (``clause_only_verb``) with an object or infinitive after it: "..., Jones adding
    the conversion", "While many of us turn to the government ..., others seek ..." name what was done to it,
    so no clause before the verb is what it reports, as it is for an inverted "X, the ministry denied"
    (``content._postposed``; on 310 unseen reports, seed 140001, the 3 contents it stops reading were all
    garbage)."""
    return clause_only_verb(verb, lex) and any(c.dep_ in ACTED_ON_DEPS and c.i > verb.i for c in verb.children)


def survey_finding(verb: Token, lex: Lexicon) -> bool:
    """ "Many other polls show Mrs. Clinton with a narrow but consistent lead", "the NBC-Wall Street Journal poll
    shows her with a net positive of 51 points": a clause-only verb of evidence (``FINDING_VERBS``) whose
    subject is an opinion survey (``Lexicon.surveys``) reports, in its noun-phrase object, what the survey
    found, as a clause would; anyone else's "showed" with a noun-phrase object is still an act ("a video
    showed", "showed his support")."""
    if verb.lemma_.lower() not in FINDING_VERBS or not any(c.dep_ == "dobj" for c in verb.children):
        return False
    # In a relative clause the finding is partly its antecedent ("That was about where polls had consistently
    # showed him for weeks"); "No poll has shown X" says that none did.
    if verb.dep_ == "relcl" or any(c.tag_ in WH_TAGS for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children):
        return False
    return subject.lemma_.lower() in lex.surveys


def attitude_infinitive(verb: Token, lex: Lexicon) -> bool:
    """An attitude verb with an infinitive ("expects the deficit to reach X", "hopes to win"): what is
    expected or hoped, which the claims read a figure's source from, not a state named by a noun phrase."""
    return verb.lemma_.lower() in lex.attitudes and any(c.dep_ == "xcomp" for c in verb.children)


def listed_cue(tokens: Sequence[Token], lex: Lexicon) -> bool:
    """Whether a cue's words hold a speech or communication act the lexicon lists: a cue verb, a light verb
    with one of its nouns ("made it clear"), a cue noun ("a statement saying"), or a source preposition.
    Any other verb names an act or a state ("caught", "voted", "is regarded as"), which is no statement."""
    lemmas = {t.lemma_.lower() for t in tokens}
    return any(
        lemma in lex.cue_lemmas
        or lemma in lex.nouns
        or lemma in lex.prepositions
        or lex.light.get(lemma, set()) & lemmas
        for lemma in lemmas
    )


def cue_class(tokens: Sequence[Token], lex: Lexicon) -> str:
    """What a cue's words name: an attitude when every cue word among them is an attitude verb or its noun
    ("believes", "were hoping", "his fear"), a speech act when they hold a listed cue (``listed_cue``), else
    another act."""
    cues = [t.lemma_.lower() for t in tokens if t.lemma_.lower() in lex.cue_lemmas | lex.nouns]
    if cues and all(lemma in lex.attitudes for lemma in cues):
        return CUE_ATTITUDE
    # A source preposition by its word: spaCy lemmatises "according" to "accord".
    return CUE_SPEECH if listed_cue(tokens, lex) or any(t.lower_ in lex.prepositions for t in tokens) else CUE_OTHER


def statement_class(tokens: Sequence[Token], kind: str, lex: Lexicon, content_root: Token | None) -> str:
    """``Statement.cue_class``: the cue's words' class (``cue_class``), but another act where a speech cue is a verb
    that names an act (``Lexicon.acts``: "offering bulk deals", "declined to comment", "backed tax breaks") and
    what it reports is neither a clause nor a quotation (``kind`` indirect, no complement clause, and a content
    that is no clause of its own: ``subject_clause`` of ``content_root``, the content's ``span_root``). PolNeAR
    annotates most of these as attributions (on its train split's first 300 articles 167 of 233 such statements
    overlap one), the gold guide counts speech acts only, so they are kept and classed rather than dropped.

    A verb with a particle is another verb, which the single-word list does not class: "ruled out any chance of
    winning Wimbledon", "ruled out sitting with Likud" are speech acts (2 of the 14 wrong on the two hand-checked
    draws, seeds 140001 and 146000, session 33's review). An act that hands over a communication is a speech act
    (``gives_speech``: "offered her condolences", "offering brief remarks")."""
    found = cue_class(tokens, lex)
    if found != CUE_SPEECH or kind != INDIRECT_KIND:
        return found
    acts = [
        t
        for t in tokens
        if t.pos_ == "VERB" and t.lemma_.lower() in lex.acts and not any(c.dep_ == PARTICLE_DEP for c in t.children)
    ]
    if not acts or any(reports_clause(v) or gives_speech(v, lex) for v in acts):
        return found
    return found if content_root is not None and subject_clause(content_root) else CUE_OTHER


def gives_speech(verb: Token, lex: Lexicon) -> bool:
    """Whether an act verb hands over what was said: a verb that gives its object (``Lexicon.giving``, WordNet's
    verb.possession first: "offer"), a giver who can speak (``_speaking_giver``), and a direct object that is a
    speech noun (``Lexicon.speech_nouns``: first sense noun.communication, a message or a speech act) given
    (not "no apologies"): "offered her condolences over Twitter", "offering brief remarks", "offered a
    rebuttal", "offering political advice" (6 of the 8 wrong of 83 on session 33's combined check, seed
    152000). Verbs that act on or make a communication ("backed the bill", "wrote the 1978 film") are left: there
    the noun is a target or a work. Counts: docs/history/statements.md, session 33."""
    if verb.lemma_.lower() not in lex.giving or not _speaking_giver(verb, lex):
        return False
    return any(
        c.dep_ == DIRECT_OBJECT_DEP
        and c.lemma_.lower() in lex.speech_nouns
        and not any(d.lower_ == NONE_DETERMINER for d in c.children)
        for c in verb.children
    )


def _speaking_giver(verb: Token, lex: Lexicon) -> bool:
    """Whether who gives can speak: no common noun, or one for a person, a group or a document (person_nouns,
    cues.yaml's collective and document nouns). A thing that "offers a hint" or "offers definition" (a court
    case, feuds, "the law offering premium tax credits") hands over no speech (3 of the 7 wrong offers of seed
    153001). A verb with neither subject nor noun (a participle, an infinitive) keeps its statement's speaker."""
    giver = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if giver is None and verb.dep_ == PARTICIPLE_ON_NOUN_DEP:
        giver = verb.head
    if giver is None or giver.pos_ != "NOUN":
        return True
    lemma = giver.lemma_.lower()
    return lemma in person_nouns() or lemma in lex.collective_nouns or lemma in DOCUMENT_NOUNS


def subject_clause(root: Token) -> bool:
    """Whether a content (by its ``root``) is a clause with its own subject, which the parse did not hang on the
    cue as its complement: "As conservative analyst Chris Jacobs wrote recently, any Medicaid rollback ...
    requires ...", "As I have written before, I remember sitting next to Bush", "Oliphant wrote: The long-term
    political view is that ..." (5 of the 14 act-verb statements wrongly classed ``other`` on the two
    hand-checked draws, seeds 140001 and 146000, were "wrote" with such a clause)."""
    return any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in root.children)


def negated_cue(tokens: Sequence[Token]) -> bool:
    """Whether a cue's verb is negated: "did not respond to questions", "I didn't say it was a good joke",
    "I don't know when": what was not said is no statement."""
    return any(t.pos_ in CLAUSE_POS and any(c.dep_ == "neg" for c in t.children) for t in tokens)


def reduced_passive(verb: Token) -> bool:
    """Whether a cue verb is a past participle opening an adjunct with neither subject nor auxiliary ("Asked
    about the issue, Boehner declined ..."): passive, so the subject of the clause it hangs on was asked or
    told, and the one who asked goes unnamed here (the gold guide names the asker)."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(c.dep_ in OWN_MOOD_DEPS for c in verb.children)


def unspeaking(head: Token, inside_quote: bool) -> bool:
    """Whether a cue's subject can name no speaker: a function word (``FUNCTION_POS``), outside a
    quotation the reader (``READER_PRONOUNS``), or a noun that names no one who can speak (``mute_noun``)."""
    return unspeaking_word(head, inside_quote) or mute_noun(head)


def unspeaking_word(head: Token, inside_quote: bool) -> bool:
    """``unspeaking`` less ``mute_noun``, for a caller that has asked that already: a function word
    (``FUNCTION_POS``) or, outside a quotation, the reader (``READER_PRONOUNS``)."""
    return head.pos_ in FUNCTION_POS or (head.lower_ in READER_PRONOUNS and not inside_quote)


@lru_cache(maxsize=1)
def mute_nouns() -> frozenset[str]:
    """The nouns of ``MUTE_NOUNS_FILE`` (comment lines skipped)."""
    return read_words(MUTE_NOUNS_FILE)


def mute_noun(head: Token) -> bool:
    """A common noun that can name no speaker in any sense ("the crisis highlighted", "Trump's victory
    shows", "the potential for a legal battle may explain"): the speaker must be a person, a group, what
    people write or say, or a pronoun for one (the gold guide). Only a lower-case word, as a capitalised
    one may be a name the parse took for a common noun; not one coordinated with another ("the storm and
    the governor") or set beside another ("after Trump's latest tweet, George Conway, posted": the parse's
    apposition), either of which may speak; and not a listed document noun, whose newer sense WordNet 3.0
    lacks ("tweet" is only a bird's call there). Class and counts: docs/extractors.md, statements.rules v24."""
    if head.pos_ != "NOUN" or not head.text.islower() or any(c.dep_ in BESIDE_DEPS for c in head.children):
        return False
    lemma = head.lemma_.lower()
    return lemma in mute_nouns() and lemma not in DOCUMENT_NOUNS and not _speaking_members(head)


def _speaking_members(head: Token) -> bool:
    """Whether a noun's plural "of" object may speak: "the bulk of the respondents", "a plethora of experts"
    name the respondents and experts, whatever the quantity noun itself names (statements.rules v26)."""
    members = (
        c for p in head.children if p.dep_ == "prep" and p.lower_ == MEMBERS_OF for c in p.children if c.dep_ == "pobj"
    )
    return any(m.tag_ in PLURAL_NOUN_TAGS and not mute_noun(m) for m in members)


def muted_cues(doc: Doc, lex: Lexicon) -> list[tuple[int, int]]:
    """The character ranges of the verb cues whose subject names no one who can speak (``mute_noun``): the
    rules make no statement of them ("the fresh setback ... raised investors' doubts about"), and what a
    tagger marks across them ("investors" + "doubts about") is no statement either."""
    spans: list[tuple[int, int]] = []
    for i in cue_candidates(doc, lex):
        cue = cue_at(doc[i], lex)
        if cue is None or cue.kind not in VERB_KINDS:
            continue
        subject = cue_subject(doc[cue.head], lex)
        if subject is not None and mute_noun(subject):
            spans.append((doc[cue.first].idx, doc[cue.last].idx + len(doc[cue.last])))
    return spans


def passive_cue(tokens: Sequence[Token]) -> bool:
    """Whether a cue's verb is passive without a "by" phrase: its subject is then what was said or whom it
    was said to ("He is to be congratulated", "420 appointees are confirmed", "the House is expected to
    recess", "Comey was asked whether"), never who said it, and the sentence names no speaker."""
    return any(
        t.pos_ == "VERB"
        and passive_agent(t) is None
        and (any(c.dep_ == "nsubjpass" for c in t.children) or reduced_passive(t))
        for t in tokens
    )


def reports_clause(verb: Token) -> bool:
    """A complement clause of the verb's own, or of its object noun ("rejected claims that X", "denied
    reports that X")."""
    objects = [c for c in verb.children if c.dep_ in CONTROLLING_OBJECTS]
    return any(_that_clause(c) for c in verb.children) or any(
        marked_by_that(c) for o in objects for c in o.children if c.dep_ in STRAY_CLAUSE_DEPS
    )


def marked_by_that(clause: Token) -> bool:
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)


def cue_subject(verb: Token, lex: Lexicon, depth: int = 0, *, prefixed: bool = False) -> Token | None:
    """The verb's subject, or that of the verb governing a subjectless participle or conjunct ("Stressing
    that ..., X expressed"; "X noted ... and called on ..."); through an open complement only for a cue
    prefix ("went on to say"), since "urged them to condemn" is not the subject condemning."""
    if prefixed and verb.dep_ == "xcomp":
        return cue_subject(verb.head, lex, depth + 1)
    agent = passive_agent(verb)
    if agent is not None:
        return agent  # "The meeting was first reported by Politico": who reported, not what was reported
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        # Two subjects is a misparse, typically of a dateline ("LONDON, March 3 (Reuters) - X said"): the one
        # nearest before the verb is the speaker.
        before = [c for c in subjects if c.i < verb.i]
        child = before[-1] if before else subjects[0]
        if child.dep_ == "nsubjpass" and depth == 0:
            # The cue itself is passive (see ``passive_cue``); a passive governor passes its subject on to
            # the cue participle ("Reyes is quoted as saying").
            return None
        antecedent = relative_head(child)
        if (
            antecedent is None
            and child.ent_type_ in TIME_ENTITY_TYPES
            and mute_noun(child)
            and depth < MAX_INHERIT
            and verb.head.i != verb.i
        ):
            # "X, saying ..., today urged": the time adverb the parse made the subject names no one; the
            # subject before it of the verb the parse hangs the cue on does. Only a mute common noun
            # ("today", "evening"): "May said" is the Prime Minister whatever the NER calls her.
            named = cue_subject(verb.head, lex, depth + 1)
            return named if named is not None and named.i < child.i else child
        return antecedent if antecedent is not None else child
    if depth < MAX_INHERIT and verb.head.i != verb.i:
        if depth == 0 and reduced_passive(verb):
            return None  # "Asked about X, Y said ...": Y was asked (see ``reduced_passive``)
        if verb.dep_ in INHERITS_SUBJECT:
            inherited = cue_subject(_reporting_verb(verb) or verb.head, lex, depth + 1)
            governor = verb.head
            if inherited is not None and mute_noun(inherited) and governor.dep_ == COMPLEMENT_DEP:
                # "X said the lack of Y could affect Z but added ...": a lack adds nothing; the parse hung
                # the coordination inside the complement, and the reporting verb's subject speaks.
                return cue_subject(governor.head, lex, depth + 1)
            return inherited
        quoted = quoted_as(verb)
        if quoted is not None:
            return quoted[0]
        # A participle after a preposition: "began by saying ...", "left after warning that ...".
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in CLAUSE_POS:
            return cue_subject(verb.head.head, lex, depth + 1)
        issuer = _document_issuer(verb, lex, depth)
        if issuer is not None:
            return issuer
        # A participle after a noun: "voters saying they want X", "Democrats backing Clinton", "a group
        # backing Rubio".
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < verb.i and _group(verb.head, lex):
            return verb.head
        # Subject control: "X tended to support", "X took to Twitter to say", "X is trying to show". With an
        # object the object is the one who acts ("urged them to condemn"), and a governing cue is itself the
        # statement ("called on X to condemn"), so none is inherited.
        controlled = any(c.dep_ in CONTROLLING_OBJECTS for c in verb.head.children)
        if verb.dep_ == "xcomp" and not controlled and verb.head.lemma_.lower() not in lex.governing_cues:
            return cue_subject(verb.head, lex, depth + 1)
    return None


def _document_issuer(verb: Token, lex: Lexicon, depth: int) -> Token | None:
    """Who issued the document a participle cue hangs on ("X issued a statement saying Y", "X released a
    statement calling Y", "in a letter saying Y, X asked", "X's tweet saying Y"): the document's possessor
    or its "from" object, else the subject of an issuing verb (``issuing_verbs``, the claims' lexicon) that
    takes it as object, or of the verb it is an adjunct of through "in" / "with". The document
    (``document_nouns``) speaks for whoever issued it; the participle is the cue. Only a participle that
    reports a clause: "a tweet explaining her vote" names a topic, not what was said."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or noun.i > verb.i or noun.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    if not reports_clause(verb):
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    # "statements from the media decrying the spot": the media issued them, not the sentence's subject.
    issued_by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == ISSUED_BY), None)
    if issued_by is not None:
        return next((c for c in issued_by.children if c.dep_ == "pobj"), None)
    issuing = _issuing_verb(verb)
    if issuing is not None and issuing.pos_ in CLAUSE_POS:
        return cue_subject(issuing, lex, depth + 1)  # not "cites a memo saying", "received an email saying"
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in DOCUMENT_PREPOSITIONS and prep.head.pos_ in CLAUSE_POS:
        return cue_subject(prep.head, lex, depth + 1)
    return None


def _issuing_verb(verb: Token) -> Token | None:
    """The issuing verb (``issuing_verbs``) whose object is the document a clause-reporting participle hangs
    on ("issued a statement saying", "released a statement calling"), or None."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.dep_ != "dobj" or not noun.i < verb.i:
        return None
    if noun.lemma_.lower() not in DOCUMENT_NOUNS or noun.head.lemma_.lower() not in issuers.issuing_verbs():
        return None
    return noun.head if reports_clause(verb) else None


def issued_document_start(cue: Cue, doc: Doc) -> int:
    """Where a cue's words begin in its record: for a participle on a document that an issuing verb takes as
    object (``_issuing_verb``) at that verb, as the gold guide and PolNeAR write the cue; else at the cue's
    first word. Only the record's cue span: the content and speaker rules read the cue as the participle."""
    verb = doc[cue.head]
    issuing = _issuing_verb(verb) if cue.first == verb.i else None
    return issuing.i if issuing is not None and issuing.i < verb.head.i else cue.first


def relative_head(token: Token) -> Token | None:
    """The noun a relative pronoun stands for ("the G7 leaders, who warned ..."): the one its relative clause
    modifies; for "who", the name an appositive it hangs inside describes ("Meghan X, the daughter of Senator
    John X, who said": ``speakers.apposition_head``; a "which" there is the thing named inside, "Ames X,
    senior counsel at the Brennan Center, which supports ..."). None for any other token."""
    clause = token.head
    if token.lower_ not in RELATIVE_PRONOUNS or clause.dep_ != RELATIVE_CLAUSE_DEP:
        return None
    return apposition_head(clause.head) if token.lower_ in PERSON_RELATIVES else clause.head


def _reporting_verb(participle: Token) -> Token | None:
    """ "He said a deal could not come at any price, noting that X": a participle cue the parse hung on the
    complement of another cue verb adds to that cue's statement; its speaker is that cue's, not the
    complement's subject. Returns that cue verb, or None."""
    host = participle.head
    if participle.dep_ != "advcl" or participle.tag_ != "VBG" or host.dep_ != COMPLEMENT_DEP or host.i > participle.i:
        return None
    return host.head if host.head.lemma_.lower() in Lexicon.load().cue_lemmas else None


def quoted_as(verb: Token) -> tuple[Token, Token | None] | None:
    """ "TASS quoted the company as saying X", "ABC quoted a spokeswoman as saying X": a participle cue
    after "as" on a verb with a direct object reports what the object said, passed on by the verb's subject.
    Returns (the object, the subject or None)."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ != QUOTED_AS or prep.head.pos_ not in CLAUSE_POS:
        return None
    relayer = prep.head
    said = next((c for c in relayer.children if c.dep_ == "dobj" and c.i < prep.i), None)
    if said is None:
        return None
    return said, next((c for c in relayer.children if c.dep_ in SUBJECT_DEPS), None)


def _group(noun: Token, lex: Lexicon) -> bool:
    """A noun naming people who can speak: a name, a plural, or a collective ("group", "campaign")."""
    return noun.tag_ in GROUP_TAGS or noun.lemma_.lower() in lex.collective_nouns


def passive_agent(verb: Token) -> Token | None:
    """The "by" phrase's object of a passive verb ("was reported by Politico")."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def stranded_subject(verb: Token) -> Token | None:
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
        # "Grant, the Howard University professor, says": a description set beside a name stands for it.
        described = name.head
        if name.pos_ != "PROPN" and described.pos_ == "PROPN" and described.i < name.i:
            return described
        return name
    adjacent = verb.doc[verb.i - 1] if verb.i > 0 else None
    if adjacent is not None and adjacent.head.i == verb.i and adjacent.dep_ in ADJACENT_SUBJECT_DEPS:
        return adjacent if adjacent.pos_ in ADJACENT_SUBJECT_POS else None
    return None


def first_word(sent: SpacySpan) -> Token | None:
    """The sentence's first token that is neither white space nor punctuation."""
    return next((t for t in sent if not (t.is_space or t.is_punct)), None)


def opens_with_label(sent: SpacySpan, last: int, lex: Lexicon) -> bool:
    """Whether the words from the sentence's first word to token ``last`` are a page label
    (``section_labels``): "Story highlights" over a list of points, which the text runs into the first
    point, is no speaker and cue."""
    opening = first_word(sent)
    if opening is None or opening.i > last:
        return False
    end = sent.doc[last]
    if end.idx + len(end.text) - opening.idx > lex.longest_label:
        return False  # longer than every label, even case-folded (and building the words' text costs)
    return sent.doc[opening.i : last + 1].text.casefold() in lex.section_labels


# Fewest words a line in capitals needs to be read as a headline rather than an acronym or a shout.
CAPITALS_MIN_WORDS = 3


def capitals_line(sent: SpacySpan) -> bool:
    """Whether the sentence is set in capitals ("SCHIFF SAYS WE ...", "ALITO BLASTS NYC GUN LAW, AS SUPREME
    COURT PUNTS ..."): the headline of a linked story that the page puts between paragraphs, which nobody
    in the report says (the guide: headlines are not statements). A quotation in capitals with its cue in
    lower case ("“NO COLLUSION!” Trump tweeted") is no such line. On 50 random AllSides reports (seed 8400,
    gold/dev skipped) 6 statements came from such lines, none a statement (4 linked headlines, 2 lines of a
    tweet in capitals with a fragment of it taken for the speaker); on 50 more (seed 8500) 3, all headlines."""
    words = 0
    for token in sent:
        if any(c.islower() for c in token.text):
            return False
        words += token.is_alpha
    return words >= CAPITALS_MIN_WORDS


# Most words of a line without closing punctuation read as a headline, a caption or a label line; a longer
# one is more often a paragraph whose full stop the page lost.
UNPUNCTUATED_MAX_WORDS = 20

# What closes a line of running text or of a quotation.
CLOSING_PUNCTUATION = frozenset(".?!:;)…\"'”’»")

# An embedded tweet's signature ("— Mark Knoller (@markknoller) June 27, 2013"): a post someone wrote.
TWEET_SIGNATURE = re.compile(r"\(\s*@")


def unpunctuated_line(sent: SpacySpan) -> bool:
    """Whether the sentence is a short line of its own that no full stop, question or exclamation mark or
    quotation mark closes: a headline, deck or caption the page sets between paragraphs ("President says he
    is willing to talk with Robert Mueller ...", "Rubio: Ambassador Stevens, others warned of deepening
    security crisis", "Report: Trump warns of ...", "Media caption Roy Moore: How Alabamans are defending
    ..."), which the guide does not annotate; an embedded tweet, which ends with its writer's signature, is
    no such line."""
    doc = sent.doc
    if not (line_start(doc, sent.start) and (sent.end == len(doc) or line_start(doc, sent.end))):
        return False
    text = sent.text.strip()
    if not text or text[-1] in CLOSING_PUNCTUATION or TWEET_SIGNATURE.search(text):
        return False
    return sum(t.is_alpha for t in sent) <= UNPUNCTUATED_MAX_WORDS


def headline_line(sent: SpacySpan) -> bool:
    """Whether the sentence is a headline, deck or caption set in the text (``capitals_line``,
    ``unpunctuated_line``): nobody's statement, for the rules and the tagger alike."""
    return capitals_line(sent) or unpunctuated_line(sent)


def header_end(text: str, title: str | None) -> int:
    """Where the text's first line ends when it is the page's header, else 0: the line holds the report's title
    (the record's ``title``, ``MIN_TITLE_WORDS`` words or more), followed by nothing or by a new sentence, the
    deck ("Cheney: 'I'd do it again in a minute' He says the CIA's actions did not amount to torture."), often
    after a photo caption and its credit ("... said Monday, “...” | Alexei Nikolsky, Sputnik Defense Kremlin:
    Russia will ..."). The title is the record's metadata and the deck and caption around it are the page's, not
    the report's statements (the guide: headlines are not annotated). A title that runs on into a sentence ("The
    coronavirus conspiracy news cycle has grown more powerful off of audiences ...") is the lede's words. On 40
    AllSides reports whose first line holds their title (seed 67002) the line held 23 statements, all the title's,
    a deck's or a caption's (docs/extractors.md, statements.rules v36)."""
    end = text.find("\n")
    # A text of one line has no header above a body: its title and its lede may share the line (a JSONL record's
    # "Title Body ..."), and that line is all its statements.
    if end < 0 or not title or len(title.split()) < MIN_TITLE_WORDS:
        return 0
    at = text.find(title, 0, end)
    if at < 0:
        return 0
    after = text[at + len(title) : end].lstrip()
    return end if not after or after[0].isupper() or after[0] in DECK_OPENERS else 0


def hypothetical_cue(verb: Token) -> bool:
    """Whether a cue verb stands under a modal (``MODAL_TAG``; not ``NARRATING_MODALS``), its own or that of the
    verb it completes or is coordinated with (``_shares_modal``): what someone may, might, can, could, will,
    should or must say has not been said ("Some might argue that X", "The former governor may quietly remind
    supporters that X", "Trump will likely conclude that X", "The Senate will focus on confirming X"), and the
    guide counts statements made. The callers keep quotations, which are words said. On 148 AllSides reports
    (seed 67001; docs/extractors.md, statements.rules v36) 32 such indirect statements, none a statement made:
    26 say nothing by the guide, 6 are attitudes it would mark optional."""
    token = verb
    while True:
        if any(c.dep_ == "aux" and c.tag_ == MODAL_TAG and c.lower_ not in NARRATING_MODALS for c in token.children):
            return True
        if not _shares_modal(token) or token.head.i == token.i:
            return False
        token = token.head


def hypothetical_words(words: SpacySpan) -> bool:
    """Whether a tagged cue's words stand under a modal, as ``hypothetical_cue`` asks of a rule's cue verb: one of
    them is a modal (not ``NARRATING_MODALS``; "must use its influence ... to press for"), or the first of its
    verbs that is no auxiliary stands under one ("might ... ask"). Auxiliaries are skipped because a modal hangs
    on the verb they serve, not on them: the tagger's "have confirmed" in "may have confirmed", "has promised"."""
    if any(t.tag_ == MODAL_TAG and t.lower_ not in NARRATING_MODALS for t in words):
        return True
    verbs = [t for t in words if t.pos_ in CUE_VERB_POS and t.dep_ not in AUX_DEPS]
    return bool(verbs) and hypothetical_cue(verbs[0])


def _shares_modal(verb: Token) -> bool:
    """Whether ``verb`` stands under its governor's modal: an open complement does; a coordinated verb does when
    it is a base form with no subject or auxiliary of its own (``BASE_FORM_TAG``, ``OWN_MOOD_DEPS``)."""
    if verb.dep_ == OPEN_COMPLEMENT_DEP:
        return True
    return (
        verb.dep_ == COORDINATED_DEP
        and verb.tag_ == BASE_FORM_TAG
        and not any(c.dep_ in OWN_MOOD_DEPS for c in verb.children)
    )
