"""events.rules: who did what to whom, where and when, typed in PLOVER 2021.

Triggers are verbs (and light verb + noun pairs: "expressed gratitude", "adopted resolutions condemning")
found in data/plover.yaml; verbs that only report speech are left to statements.rules. Actors are the
trigger's subject (or passive agent), targets its object or prepositional objects, each resolved to a country
and sector (extract/support/actors.py). A place or time record inside the trigger's clause becomes the event's place
and date (not a state in a person's party tag, "Sen. Jane Roe (R-Kan.)": it describes her); a statement whose
content contains the trigger becomes ``attributed_to`` (DESIGN.md, principle 2: an event reported inside
someone's statement is theirs, not the outlet's).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Hashable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.attrs import TAG

from dateline.countries import alpha3, country_code
from dateline.data import load_yaml, read_words
from dateline.extract.places import PLACE_TYPES
from dateline.extract.statements.lexicon import Lexicon as CueLexicon
from dateline.extract.statements.quotes import quote_regions
from dateline.extract.support.actors import (
    country_of_text,
    entity_at,
    entity_country,
    ents_within,
    head_sector,
    make_actor,
    name_fragment,
    phrase_of,
    stated_country,
)
from dateline.extract.support.common import (
    AUX_DEPS,
    MODAL_TAG,
    ROOT_DEP,
    LastIndex,
    LastResult,
    antecedent,
    innermost_statement,
    span_root,
    subtree_range,
)
from dateline.extract.support.event_classes import (
    AGENT_ENTS,
    AGENT_NOUNS,
    AGENT_PRONOUNS,
    OWNED_PRONOUNS,
    agent_noun,
    is_agent,
    is_party,
    party_nouns,
    title_heads,
)
from dateline.extract.support.speakers import (
    DEFINITE,
    DEMONSTRATIVES,
    DOCUMENT_NOUNS,
    PLURAL_NOUN_TAGS,
    SUBJECT_DEPS,
    person_nouns,
)
from dateline.extract.support.subordinators import CONDITION_MARKS, QUESTION_MARKS
from dateline.extract.support.tokens import columns, texts
from dateline.model import Actor, Analysis, Article, Entity, Event, Place, Span, Statement, TimeExpr
from dateline.nlp.doctext import doc_text
from dateline.nlp.offices import lexicon as offices_lexicon
from dateline.registry import extractor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as Sentence

NAME = "events.rules"
VERSION = 68

_SUBJ = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJ = frozenset({"nsubjpass", "csubjpass"})
_OBJ = frozenset({"dobj", "dative", "attr", "oprd"})
# A verb's direct and indirect objects, no predicate ("gave [Portugal] [aid]", "directed [the states] to file").
_DIRECT_OBJ = frozenset({"dobj", "dative"})
# A past or perfect verb's tags: told as done ("the consent happened", "directed the states to file").
_PAST_TAGS = frozenset({"VBD", "VBN"})
# Prepositions whose objects are participants ("condemned X for", "agreed with Y", "called on Z"), as opposed
# to circumstance (in, at, during: places and times).
_TARGET_PREPS = frozenset({"on", "upon", "against", "with", "to", "from", "into", "toward", "towards"})
# A noun's participants: its targets' prepositions, and "between" ("a mediation between Ghana and Togo").
_PARTICIPANT_PREPS = _TARGET_PREPS | {"between"}
# A content clause's participle takes no origin or result as its target ("welcoming refugees from Syria",
# "turning the city into a fortress"): the parse hangs such phrases on the participle as often as on its object.
# A request's "from" names whom it is asked of ("letters seeking information from the coalition"), and stays.
_CLAUSE_TARGET_PREPS = _TARGET_PREPS - {"from", "into"}
_REQUEST_TARGET_PREPS = _TARGET_PREPS - {"into"}
# Entity types that are never a participant ("visited ... on October 15, 2023").
_NOT_PARTICIPANTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
# Entity types that say when, never who.
_WHEN_ENTS = frozenset({"DATE", "TIME"})
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
# How the parse attaches a phrasal verb's particle: "pushing back against" has "back" as an adverb.
_PARTICLE_DEPS = frozenset({"prt", "prep", "advmod"})
# The PLOVER types the rules test by name: violence (whose verbs read with a particle of any label are another
# verb, ``_particle_word``; a passive one's deed acts, ``_deed_of``) and a request.
_ATTACK_TYPE = "ASSAULT"
_REQUEST_TYPE = "REQUEST"
# Particles that make a phrasal verb of another sense than the plain verb's ("end up", "beat out", "shoot up",
# "hold back", "hold on"); on AllSides seeds 101 and 202, 9 of 9 such triggers were no event of the verb's type.
_MEANING_PARTICLES = frozenset({"up", "out", "back", "on"})
# Dependencies by which a verb complements another ("urged X to release", "a request ... to dismiss").
_COMPLEMENT_DEPS = frozenset({"xcomp", "acl", "advcl"})
# The entity types a third-person pronoun can stand for.
_PRONOUN_LABELS: dict[str, frozenset[str]] = {
    "he": frozenset({"PERSON"}),
    "she": frozenset({"PERSON"}),
    "it": frozenset({"ORG", "GPE", "NORP"}),
    "they": frozenset({"ORG", "GPE", "NORP", "PERSON"}),
    "him": frozenset({"PERSON"}),
    "her": frozenset({"PERSON"}),
}
# Target pronouns named from the text before them: only persons'. An object "it" or "them" is most often a
# thing (the deal, the report, the guns) that no entity names.
_TARGET_PRONOUNS = frozenset({"he", "she", "him", "her"})
# Pronouns that name someone done to ("released him", "freed them"); "it" is most often a thing.
_PERSONAL_PATIENTS = frozenset({"him", "her", "them", "us", "me", "he", "she", "they", "who", "whom"})
# Entity types whose words name a work, a law, an organisation or a thing: a verb inside one is part of a title
# ("Meet the Press", "the Right to Try Act"), not an action the report narrates.
_TITLE_ENTS = frozenset({"WORK_OF_ART", "LAW", "ORG", "PRODUCT", "EVENT", "FAC"})
# How far back (characters) a pronoun's antecedent is looked for: about a paragraph of news copy.
_ANTECEDENT_WINDOW = 600
# Types whose verb names an exchange with a counterpart: without one the verb is no such event.
_NEEDS_COUNTERPART = frozenset({"REQUEST", "AGREE"})
# Pronouns that stand for things, not for someone a request can be addressed to ("called for that").
_NOT_ADDRESSEES = frozenset({"it", "that", "this", "which", "what"})
# How far up the tree an argument-less verb looks for its subject (xcomp, conj, acl chains); three levels
# cover "called on X to condemn Y" and "adopted resolutions condemning Z" without crossing sentences.
_MAX_SUBJECT_HOPS = 3
# Prepositions whose gerund is done by its governing verb's subject, an act before a reported act ("after
# meeting with Abbas, he flew home"); "by" (the means: "retaliated by canceling") is left out on its hand
# check (counts in docs/extractors.md, events v20).
_DOER_PREPS = frozenset({"after"})
# Longest light verb-to-noun distance (tokens) still shown as one trigger ("staged mass demonstrations");
# farther nouns leave the trigger as the verb alone, so the span stays a phrase and not a clause.
_MAX_LIGHT_NOUN_GAP = 3
# Prepositions whose object is what an action is done to or for ("fought for the cause", "fought with the
# police", "delivered food to the refugees"); not "on"/"at", which also give manner or place ("shot on sight").
_PATIENT_PREPS = frozenset({"for", "against", "over", "to", "with"})
# The speech acts the annotation guide counts as events themselves ("X accused Y of ..."): a report narrates
# them around their own quoted words ("denounced the reports as “completely false”").
_SPEECH_ACT_TYPES = frozenset({"ACCUSE", "THREATEN", "REQUEST", "REJECT", "AGREE"})
# Types whose verbs are often themselves words of saying or of a stand taken aloud ("praised", "defended",
# "apologized") or untyped occurrences ("voted"): as a statement's cue they may still be the event (_speech_cue).
# The type is the event's own after decide_type, not the lexicon's: "the assessment released Friday observed" is a
# RETREAT verb with no one freed, an untyped release.
_SAID_TYPES = frozenset({"SUPPORT", None})


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[str | None, str | None]]
    # The ``verbs`` keys that come only from the WordNet synsets (no hand-written entry).
    synset_verbs: frozenset[str]
    nouns: dict[str, tuple[str | None, str | None]]
    # Nouns of acts WordNet derives from a hand-typed verb's dominant sense (bench/wordnet_nouns.py), that verb's type.
    derived_nouns: dict[str, tuple[str | None, str | None]]
    light_verbs: frozenset[str]
    governors: dict[str, str | None]
    reporting: frozenset[str]
    # Speech acts whose refusal is declining comment, no REJECT (_refused_speech).
    declined_comment: frozenset[str]
    negation_to_reject: frozenset[str]
    intent_markers: frozenset[str]
    cooperative: frozenset[str]
    hostile: frozenset[str]
    obligation: frozenset[str]
    obligation_verbs: frozenset[str]
    opinion_verbs: frozenset[str]
    needs_actor_target: frozenset[str]
    intransitive_only: frozenset[str]
    protest_sites: frozenset[str]
    aimed: frozenset[str]
    possibility: frozenset[str]
    possibility_adjectives: frozenset[str]
    possibility_adverbs: frozenset[str]
    consent_verbs: frozenset[str]
    causative_verbs: frozenset[str]
    terms_modals: frozenset[str]
    transitive_only: frozenset[str]
    failure: frozenset[str]
    typed_by_object: dict[str, frozenset[str]]
    typed_by_someone: frozenset[str]
    everyday_sense: frozenset[str]
    patient_required: frozenset[str]
    owning: frozenset[str]
    side_nouns: frozenset[str]
    directive_verbs: frozenset[str]
    aim_nouns: frozenset[str]
    aim_verbs: frozenset[str]
    weighing_verbs: frozenset[str]
    doerless: frozenset[str]
    stative_nouns: frozenset[str]
    possessed: dict[str, tuple[str | None, str | None]]
    someone_senses: dict[str, tuple[str | None, str | None]]
    # Verbs typed only with an object and a "to" infinitive ("directed the states to file").
    command_verbs: dict[str, tuple[str | None, str | None]]
    # ASSAULT words with a speech sense, and the settings and modifiers that choose it (_verbal_attack).
    verbal_senses: frozenset[str]
    speech_settings: frozenset[str]
    verbal_modifiers: frozenset[str]
    # What a news source asks for itself as the condition of speaking ("requested anonymity", _source_condition).
    source_conditions: frozenset[str] = frozenset()


def _type_mode(value: str | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    kind, _, mode = str(value).partition("/")
    return kind, mode or None


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = load_yaml("plover.yaml")
    return Lexicon(
        # The WordNet synset verbs (bench/wordnet_synsets.py) come first: a hand-written entry overrides one.
        verbs={k: _type_mode(v) for k, v in {**data["synset_verbs"], **data["verbs"]}.items()},
        synset_verbs=frozenset(data["synset_verbs"]) - frozenset(data["verbs"]),
        nouns={k: _type_mode(v) for k, v in data["nouns"].items()},
        derived_nouns={k: _type_mode(v) for k, v in data["derived_nouns"].items()},
        light_verbs=frozenset(data["light_verbs"]),
        governors=dict(data["governors"]),
        reporting=frozenset(data["reporting"]) | frozenset(data["opinion_verbs"]),
        declined_comment=frozenset(data["declined_comment_verbs"]),
        negation_to_reject=frozenset(data["negation_to_reject"]),
        intent_markers=frozenset(data["intent_markers"]),
        cooperative=frozenset(data["cooperative_types"]),
        hostile=frozenset(data["hostile_types"]),
        obligation=frozenset(data["obligation_markers"]),
        obligation_verbs=frozenset(data["obligation_verbs"]),
        opinion_verbs=frozenset(data["opinion_verbs"]) | CueLexicon.load().attitudes,
        needs_actor_target=frozenset(data["needs_actor_target"]),
        intransitive_only=frozenset(data["intransitive_only"]),
        protest_sites=frozenset(data["protest_site_preps"]),
        aimed=frozenset(data["aimed_verbs"]),
        possibility=frozenset(data["possibility_markers"]),
        possibility_adjectives=frozenset(data["possibility_adjectives"]),
        possibility_adverbs=frozenset(data["possibility_adverbs"]),
        consent_verbs=frozenset(data["consent_verbs"]),
        causative_verbs=frozenset(data["causative_verbs"]),
        terms_modals=frozenset(data["terms_modals"]),
        transitive_only=frozenset(data["transitive_only"]),
        failure=frozenset(data["failure"]),
        typed_by_object={k: frozenset(v) for k, v in data["typed_by_object"].items()},
        typed_by_someone=frozenset(data["typed_by_someone"]),
        everyday_sense=frozenset(data["everyday_sense_types"]),
        patient_required=frozenset(data["patient_required_types"]),
        owning=frozenset(data["owning_verbs"]),
        side_nouns=frozenset(data["side_nouns"]),
        # The verbs of commanding direct too: their infinitive is ordered, not done (one list owns each verb).
        directive_verbs=frozenset(data["directive_verbs"]) | frozenset(data["command_verbs"]),
        aim_nouns=frozenset(data["aim_nouns"]),
        aim_verbs=frozenset(data["aim_verbs"]),
        weighing_verbs=frozenset(data["weighing_verbs"]),
        doerless=frozenset(data["done_to_types"]),
        stative_nouns=frozenset(data["stative_noun_types"]),
        possessed={k: _type_mode(v) for k, v in data["possessed_nouns"].items()},
        someone_senses={k: _type_mode(v) for k, v in data["someone_senses"].items()},
        command_verbs={k: _type_mode(v) for k, v in data["command_verbs"].items()},
        verbal_senses=frozenset(data["verbal_senses"]),
        # The documents statements take to speak for their issuer are nouns of writing too (one owner, cues.yaml).
        speech_settings=frozenset(data["speech_settings"]) | DOCUMENT_NOUNS,
        verbal_modifiers=frozenset(data["verbal_modifiers"]),
        source_conditions=frozenset(data.get("source_conditions") or ()),
    )


@dataclass(frozen=True)
class Trigger:
    """A matched trigger: its tokens (verb, and the particle or noun that completes it), type and mode."""

    verb: Token
    last: Token
    lemma: str
    type: str | None
    mode: str | None
    # A light verb's event noun ("issued a statement"), or a tweeted act's ("tweeted criticism"): set by
    # _light_verb_trigger and _spoken_act_trigger, whose nouns _complement_targets' content-clause rule reads alike.
    obj: Token | None = None
    first: Token | None = None
    # A reported obligation ("Russia said Sudan must return ..."): the sayer requests, the obliged is asked.
    obliged: bool = False


# ------------------------------------------------------------------------------------------------ triggers


def _is_verb(token: Token) -> bool:
    return token.pos_ == "VERB" or (token.tag_.startswith("VB") and token.pos_ != "AUX")


def _lemma(token: Token) -> str:
    """The token's lemma; for a past form whose lemma the lexicon does not know, the form minus "-d"/"-ed"
    when the lexicon knows that ("staged" is lemmatised "stag" by the small model)."""
    lemma = token.lemma_.lower()
    if token.tag_ in _PAST_TAGS and token.lower_.endswith("ed") and not _known(lemma):
        for stem in (token.lower_[:-1], token.lower_[:-2]):
            if _known(stem):
                return stem
    return lemma


def _known(lemma: str) -> bool:
    lex = lexicon()
    return lemma in lex.verbs or lemma in lex.light_verbs or lemma in lex.reporting or lemma in lex.aim_verbs


def _objects(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in _OBJ]


def find_trigger(token: Token) -> Trigger | None:
    """The trigger ``token`` starts, if any."""
    if not _is_verb(token):
        return None
    lex = lexicon()
    lemma = _lemma(token)
    if _consumed_by_light_verb(token):
        return None
    if lemma in lex.reporting:
        # "announced a suspension of air links": a reporting verb whose object is an event noun reports that
        # event by doing it; otherwise reporting verbs are left to statements.rules.
        return _light_verb_trigger(token) if lemma in lex.light_verbs else None
    obligation = _obligation_trigger(token)
    if obligation is not None:
        return obligation
    prefixed = _prefixed(token)
    if prefixed is not None:
        return prefixed
    for child in token.children:
        phrase = f"{lemma} {child.lower_}"
        if child.dep_ in _PARTICLE_DEPS and child.i == token.i + 1 and phrase in lex.verbs:
            if phrase in lex.synset_verbs and not _true_particle(child):
                continue
            return Trigger(token, child, phrase, *lex.verbs[phrase])
    if lemma in lex.light_verbs:
        light = _light_verb_trigger(token)
        if light is not None:
            return light
    if lemma in lex.verbs and _other_phrasal(token, attack=lex.verbs[lemma][0] == _ATTACK_TYPE):
        return None
    if lemma in lex.verbs:
        if (
            lemma in lex.intransitive_only
            and (_objects(token) or any(c.dep_ in _PASSIVE_SUBJ for c in token.children))
            and not _aimed_at(token)
        ):
            return _someone_sense(token, lemma)
        if lemma in lex.transitive_only and not any(c.dep_ in (*_OBJ, "xcomp") for c in token.children):
            return None
        if lemma in lex.failure and not _fails_to_cooperate(token):
            return None
        return Trigger(token, token, lemma, *lex.verbs[lemma])
    if lemma in lex.command_verbs and _commands(token):
        return Trigger(token, token, lemma, *lex.command_verbs[lemma])
    if lemma in _act_cues():
        return _spoken_act_trigger(token)
    return None


# The types of an act done by saying its noun ("tweeted support for the protests", "tweeted a threat"): the guide's
# speech-act event types and the typed one of _SAID_TYPES (SUPPORT, a stand taken aloud).
_SPOKEN_ACT_TYPES = _SPEECH_ACT_TYPES | (_SAID_TYPES - {None})
# Determiners of a noun already known to the reader ("tweeted the threats", "tweeted these demands"): the act is one
# told before, passed on, not done by the verb's subject: the speakers' definite and demonstrative determiners.
_GIVEN_DETS = DEFINITE | DEMONSTRATIVES


@lru_cache(maxsize=1)
def _act_cues() -> frozenset[str]:
    """v59: the statements' cue verbs of issuing a message ("tweet"): cues.yaml's clause verbs, which report
    speech by themselves ("tweeted that ..."), whose lemma is one of its document nouns; their object is the message
    itself, so a noun of an act there is that act done. Measured wider first (every cue verb the event lexicon
    does not own, less attitude, perception, addressee and clause-only verbs): on 500 unseen reports (seed 95000)
    6 events added, 2 right; "cite", "present", "highlight" and "propose" report, pose or offer rather than do
    what their object names. Not the object-only cues ("post"), a cue only through a document object and
    otherwise putting up or recording ("posted signs at the facilities", "posted a decline in 1986 net profit"):
    at 2 right of 7 on seed 103000 against "tweet"'s 5 of 5 (docs/history/events-and-places.md, session 31)."""
    cues, lex = CueLexicon.load(), lexicon()
    owned = lex.reporting | frozenset(lex.verbs) | lex.light_verbs | lex.aim_verbs | frozenset(lex.command_verbs)
    return (cues.clause & DOCUMENT_NOUNS) - owned


_OPENING_QUOTE_TAG = "``"


def _quoted_phrase(obj: Token) -> bool:
    """Whether an object phrase opens with a quotation mark ("tweeted “debt ceiling threat?”"): quoted words are
    what was said, whose nouns name no act of the sayer (seed 95001, 1 of 24)."""
    edge = obj.left_edge
    before = edge.nbor(-1) if edge.i > 0 else None
    return edge.tag_ == _OPENING_QUOTE_TAG or (before is not None and before.tag_ == _OPENING_QUOTE_TAG)


def _spoken_act_trigger(token: Token) -> Trigger | None:
    """v59: a message verb (``_act_cues``) whose direct object is a new noun of a speech act or of support ("the
    president has tweeted support for protests", "tweeted criticism of China", "tweeted a warning to Russia") does
    that act, as "expressed support" does: the guide's events include a speech act when the act is the type. A noun
    that is given (a definite or demonstrative determiner, or a possessor that is no pronoun: "tweeted the threats
    he had received", "tweeted Trump's criticism") is another's act passed on. The noun is typed as a light verb's
    is, and also by ``derived_nouns`` ("criticism", "opposition": 5 of the 21 right on seed 95001)."""
    for obj in (c for c in token.children if c.dep_ in _DIRECT_OBJ and c.pos_ == "NOUN"):
        if any(c.dep_ == "det" and c.lower_ in _GIVEN_DETS for c in obj.children):
            continue
        if any(c.dep_ == "poss" and c.pos_ != "PRON" for c in obj.children) or _quoted_phrase(obj):
            continue
        typed = _act_noun_type(_lemma(obj), derived=True)
        if typed is not None and typed[0] in _SPOKEN_ACT_TYPES:
            return _act_noun_trigger(token, obj, typed, obj)
    return None


def _commands(verb: Token) -> bool:
    """Whether a verb is an order given: the frame of one, someone to act and a "to" infinitive
    saying what ("directed the states to file", "instructed him not to appear"), told as done, a past or perfect
    form or a participle whose governing verb has the doer ("Trump signed an order directing agencies to",
    "officers directing protesters to leave fired"), given by someone (``_commander``) and asserted
    (``_unasserted_command``). The present tenses of these verbs are guidance or standing practice ("he's
    directing Americans to enroll", "which campaigns it is directing donors to support"; docs/extractors.md,
    events v36 and v38)."""
    return (
        (verb.tag_ in _PAST_TAGS or verb.dep_ == "acl")
        and any(c.dep_ in _DIRECT_OBJ for c in verb.children)
        and any(c.dep_ == "xcomp" and _to_infinitive(c) for c in verb.children)
        and _commander(verb)
        and not _unasserted_command(verb)
    )


# Pronouns that stand for a person giving an order. "it" and "they" are left out: in the reports they stand as
# often for the orders, memos and rulings that direct people ("It instructed the military to intercept" after
# "Bush's executive order"); docs/extractors.md, events v38, has the counts.
_COMMANDER_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "who"})


def _commander(verb: Token) -> bool:
    """Whether the doer the parse gives an order verb can give one: a named person, organisation or state, a
    listed agent, title or standing noun, a sector or party noun, a plural agent noun, a name, or a person's
    pronoun (``_clause_someone``'s test, where a singular "-er" noun is a thing: "the executive order directed",
    "a letter instructed"). A finite verb coordinated onto an infinitive ("hired a firm to rig polls and
    instructed the company to") is the parse's error: its subject search ends on the infinitive's object, so
    no doer is read. A subject that carries a coordinated list as its modifier ("loans to Trump and Kushner
    and bank executives directed") is the same error."""
    if verb.dep_ == "conj" and verb.tag_ == "VBD" and _to_infinitive(verb.head):
        return False
    heads, passive = subjects(verb)
    if passive or not heads:
        return False
    for head in heads:
        if any(c.dep_ == "nmod" and c.conjuncts for c in head.children):
            return False
        if head.pos_ == "PRON" and head.lower_ not in _COMMANDER_PRONOUNS:
            return False
        if head.pos_ not in ("PRON", "PROPN") and not _clause_someone(head):
            return False
    return True


def _ordered(verb: Token, objs: list[Token]) -> list[Token]:
    """Who an order verb orders: its objects before the infinitive ("instructed Steele to brief reporters from
    outlets including ... Yahoo! News": a name the parse made a second object after it is the list's end)."""
    infinitives = [c.i for c in verb.children if c.dep_ == "xcomp"]
    return [o for o in objs if not infinitives or o.i < min(infinitives)]


def _to_infinitive(verb: Token) -> bool:
    """A verb with its "to" ("to rig")."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


# Determiners of a relative clause's antecedent that assert no one did it: "no witnesses ... have identified any
# official who directed employees to", "no one who instructed".
_NONSPECIFIC_DETS = frozenset({"any", "no"})


def _unasserted_command(verb: Token) -> bool:
    """Whether an order is told as conjecture or as nobody's: an adverb of possibility on it or on the verb it
    is coordinated with ("Maybe Republicans instructed Mitchell to"; plover.yaml ``possibility_adverbs``),
    or a relative clause on an antecedent that names no one in particular ("any official who directed")."""
    lex = lexicon()
    chain = [verb, *([verb.head] if verb.dep_ == "conj" else [])]
    if any(c.dep_ == "advmod" and c.lower_ in lex.possibility_adverbs for v in chain for c in v.children):
        return True
    return verb.dep_ == "relcl" and any(c.dep_ == "det" and c.lower_ in _NONSPECIFIC_DETS for c in verb.head.children)


def _true_particle(child: Token) -> bool:
    """Whether a verb's next word is its particle ("turned down the offer"), not a preposition ("turned down a
    side street", "called down the stairs": a "down" the parse may call a particle though it has an object)."""
    return child.dep_ == "prt" and not any(c.dep_ == "pobj" for c in child.children)


def _someone_sense(verb: Token, lemma: str) -> Trigger | None:
    """The sense a verb read only without an object has when what it is done to is someone (plover.yaml
    ``someone_senses``): "Trump fired Comey", "Comey was fired" is a dismissal, the guide's untyped occurrence
    (as "appoint" and "resign" are), not the shooting of "fired on protesters"; "fired shots" stays no event,
    a particle makes another verb ("fired off a letter to Comey", "fired up his supporters"), and a stranded
    preposition is the shooting's ("soldiers were fired upon by insurgents", "were fired at by gunmen")."""
    sense = lexicon().someone_senses.get(lemma)
    done_to = _objects(verb) + [c for c in verb.children if c.dep_ in _PASSIVE_SUBJ]
    if (
        sense is None
        or any(c.dep_ == "prt" or (c.dep_ == "prep" and not any(c.children)) for c in verb.children)
        or not any(_a_person(o) for o in done_to)
    ):
        return None
    return Trigger(verb, verb, lemma, *sense)


def _a_person(head: Token) -> bool:
    """Whether a patient is a person: a named person, a noun of someone's role or agency ("its chief
    executive", "the coach"), or a pronoun of one (`_TARGET_PRONOUNS`: "he was fired"; "them" and "it" are as
    often things, "firing them into Israel" of rockets)."""
    if head.pos_ == "PRON":
        return head.lower_ in _TARGET_PRONOUNS
    return head.ent_type_ == "PERSON" or agent_noun(head) or head.lemma_.lower() in title_heads()


def _aimed_at(verb: Token) -> list[Token]:
    """Whom a weapon is aimed at ("fired four shells at targets in Jericho", "shot at the police"; plover.yaml
    ``aimed_verbs``): the "at" object of a verb of shooting, its target. "Fired" with an object and no "at" is a
    dismissal, no violence."""
    if _lemma(verb) not in lexicon().aimed:
        return []
    return _prep_objects(verb, ("at",))


def _prep_objects(head: Token, preps: Collection[str]) -> list[Token]:
    """The objects of ``head``'s prepositions among ``preps`` ("fired at [the police]"), in the parse's order."""
    return [g for c in head.children if c.dep_ == "prep" and c.lower_ in preps for g in c.children if g.dep_ == "pobj"]


def _other_phrasal(verb: Token, *, attack: bool = False) -> bool:
    """ "ended up winning the state", "beat out the 2016 Cubs", "has also shot up", "doesn't hold back": a
    particle right after the verb makes a phrasal verb with a meaning of its own (a result, a competition
    won, a rise, restraint), and the phrasal verbs that are events are lexicon keys of their own ("cut off",
    "beat up", "blow up", "hand over", matched before this). ``_MEANING_PARTICLES`` are the particles that
    change the verb's sense; "shot down", "held off" keep an event's sense too often to be read so. A
    "particle" followed by "to" is the parse's misreading of a figure's hedge ("kidnapped up to 16 Russian
    advisers", PLOVER) or a preposition's first half ("signed on to the Helsinki Final Act"): not read so.
    An ``attack`` verb's particle counts whatever label the parse gives it (``_particle_word``, v57); another
    verb's only as "prt": "retreated back into the building" is still a retreat."""
    doc = verb.doc
    return (
        any(
            c.i == verb.i + 1
            and (_particle_word(c) if attack else c.dep_ == "prt")
            and c.lower_ in _MEANING_PARTICLES
            and not (c.i + 1 < len(doc) and doc[c.i + 1].lower_ == "to")
            for c in verb.children
        )
        and _lemma(verb) not in lexicon().light_verbs
    )


def _particle_word(child: Token) -> bool:
    """Whether a verb's child is an adverbial particle, whatever label the parse gives it: "prt", an "advmod"
    ("shot back at Pompeo", "fired back at critics"), or a "prep" with no object of its own that heads another
    ("stormed out of the room": "out" heads "of"). The parse labels the same word all three ways (the lexicon's own phrasal keys
    are matched through ``_PARTICLE_DEPS`` alike); a preposition with an object ("fired on protesters") is no
    particle. v57, issue 17: an attack verb so followed is a retort or a departure, not violence; unseen checks
    (seeds 79001-79005): 16 changed, 13 right, 3 wrong, all real force ("congregants who fired back", "police
    fought back with tear gas"); "fired back"/"shot back" 11 of 12 right, "fight back" 1 of 3. Every verb read so
    would also have dropped "retreated back into the building" (seed 79004), so attack verbs only. Review seed
    84000 (520 reports and 370 drawn by these words): 21 changed, 18 right, 3 wrong ("fired on and detained", mended
    below; "able to fire back at the suspects", "people who decided to fight back" against police)."""
    if _passive(child.head):
        # A retort or a departure is done, not suffered: a passive attack verb's "back" or "out" says when or
        # why ("was killed back in 2018", "was killed out of revenge", "was shot out of the sky"; final read of
        # session 30), and the violence stands.
        return False
    if child.dep_ in ("prt", "advmod"):
        return not _time_follows(child)
    # Only a preposition that heads another ("out of"): one with no children at all is a preposition whose object
    # a coordinated verb shares ("Russian forces fired on and detained three Ukrainian naval vessels", review
    # seed 84000), still violence.
    children = [g.dep_ for g in child.children]
    return child.dep_ == "prep" and "pobj" not in children and "prep" in children


def _passive(verb: Token) -> bool:
    """Whether a verb is in the passive voice: a passive subject or a passive auxiliary among its children."""
    return any(c.dep_ in _PASSIVE_SUBJ or c.dep_ == "auxpass" for c in verb.children)


def _time_follows(word: Token) -> bool:
    """Whether an adverb is "back" in time, not in answer: a time right after it ("attacked back in February",
    "back then", "back when"), as a date entity or the time adverbs themselves."""
    if word.i + 1 >= len(word.doc):
        return False
    after = word.doc[word.i + 1]
    if after.lower_ in ("then", _WHEN):
        return True
    return after.dep_ == "prep" and any(g.ent_type_ in _WHEN_ENTS for g in after.children if g.dep_ == "pobj")


def nominal_trigger(token: Token) -> Trigger | None:
    """ "Canada's demand that ...", "Russia's invasion of Ukraine", "the beheading of James Foley by an Islamic
    State militant": an event noun of the lexicon whose possessor or "by" phrase names who acted (a person,
    organisation or state, `_named_doers`) reports the act as its verb would ("Canada demanded").
    A noun a light verb governs is that verb's event already ("imposed its sanctions"), and a possessed noun
    without a named possessor ("its demand", "the demand") names no doer the parse can give."""
    if token.pos_ != "NOUN" or token.dep_ == "compound":
        return None
    lex = lexicon()
    lemma = token.lemma_.lower()
    if not _typable_noun(lex, lemma):
        return None
    preps = [c for c in token.children if c.dep_ == "prep"]
    derived = False
    # The noun with its preposition as the lexicon types the verb phrase: "Obama's call for higher rates" is
    # "call for" (REQUEST); otherwise a possessed noun's own sense ("Trump's call with Zelenskiy": CONSULT).
    phrased = next(
        (ph for p in preps if (ph := f"{lemma} {p.lower_}") in lex.verbs and ph not in lex.synset_verbs), None
    )
    if phrased is not None:
        typed: tuple[str | None, str | None] | None = lex.verbs[phrased]
    else:
        typed = lex.possessed.get(lemma)
        if typed is None:
            stem = None if lemma in lex.nouns else _gerund_stem(lemma)
            typed = _active(lex.nouns.get(lemma) if stem is None else _nominal(stem))
            # A noun WordNet derives from a typed verb (`derived_nouns`, bench/wordnet_nouns.py) names its act
            # with the verb's type, read only as a deed done to someone (below).
            derived = typed is None and stem is None and lemma in lex.derived_nouns
            if derived:
                typed = _active(lex.derived_nouns[lemma])
            # A verb the lexicon reads only without an object keeps that reading: "Trump's firing of Comey" is
            # a dismissal, not the shooting "fire" means ("fired on protesters").
            if stem in lex.intransitive_only and _prep_objects(token, ("of",)):
                return None
    sides = _sides(token)
    if typed is None and sides:
        # A typed verb used as a noun of a mutual act ("clashes between protesters and police").
        typed = _active(_nominal(lemma))
    if typed is None or typed[0] is None:
        return None
    if token.dep_ in _OBJ and _lemma(token.head) in lex.light_verbs:
        return None
    doers = _noun_doers(token, sides)
    if not doers or _no_counterpart(token, typed[0], sides):
        return None
    # "Luther's arrest", "Foley's murder": the possessor of a deed done to someone is as often its patient as its
    # doer; only a participant complement ("Russia's invasion of Ukraine", "attacks on lawmakers") or a "by"
    # phrase ("the arrest of Luther by police") shows it is the doer.
    # A derived noun (`derived_nouns`) is typed by WordNet, not by a hand check of its possessed uses, so it is
    # held to the same proof whatever its type: "Trump's prosecution" is done to Trump, "Mueller's indictment of
    # Stone" is Mueller's.
    # A derived deed done to someone comes from a transitive verb ("repatriate", "abduct"), so its "from" or "into"
    # is where the patient was moved, not whom the possessor acted on: "ordered Khashoggi's repatriation from
    # Turkey" is done to Khashoggi (as `_CLAUSE_TARGET_PREPS`). A written noun keeps them: "Russia's withdrawal
    # from the treaty" is Russia's own act.
    aimed = _CLAUSE_TARGET_PREPS if derived and typed[0] in lex.doerless else _TARGET_PREPS
    by_doer = any(d.dep_ == "pobj" for d in doers)
    if (
        (typed[0] in lex.doerless or derived)
        and not by_doer
        and not any(p.lower_ == "of" or p.lower_ in aimed for p in preps)
    ):
        return None
    return Trigger(token, token, phrased or lemma, *typed)


# The lexicon the noun test below was made for, and the lemmas it can type (besides "-ing" nouns).
_typable: tuple[Lexicon, frozenset[str]] | None = None


def _typable_noun(lex: Lexicon, lemma: str) -> bool:
    """Whether ``nominal_trigger`` can type a noun of ``lemma`` at all, whatever its sentence: a noun is typed
    only by a verb phrase it opens with its preposition, its possessed sense, its own or derived entry, the
    verb it is the "-ing" form of, or the verb it is (with sides); a lemma none of them knows gives no trigger,
    so the many nouns no entry knows (about 4 in 5 of a report's candidate nouns) are passed over without
    their children and sides being read.
    The lemmas the lexicon can type are gathered once per lexicon, a set as large as the lexicon; an "-ing"
    noun is checked by its stem each time. Answers are not kept by lemma: such a memo grows with every new
    word a worker meets (one entry per distinct noun lemma, the whole run long)."""
    global _typable
    held = _typable
    if held is None or held[0] is not lex:
        typable = {key[:i] for key in lex.verbs for i, c in enumerate(key) if c == " "}
        typable.update(lex.possessed, lex.nouns, lex.derived_nouns)
        typable.update(verb for verb in lex.verbs if _active(_nominal(verb)) is not None)
        held = _typable = (lex, frozenset(typable))
    return lemma in held[1] or _gerund_stem(lemma) is not None


def _active(typed: tuple[str | None, str | None] | None) -> tuple[str | None, str | None] | None:
    """A noun's typing, unless its type names a state rather than an act (`stative_nouns`)."""
    return None if typed is None or typed[0] in lexicon().stative_nouns else typed


def _no_counterpart(noun: Token, kind: str | None, sides: list[Token]) -> bool:
    """A consultation is mutual (PLOVER CONSULT: an actor meets or talks with another): a noun of one names the
    other side, by a participant preposition that names someone ("Trump's call with Zelensky", "a call to the
    Taiwanese president", "his call with the crown prince": a title or role noun, `_person_noun`) or as sides ("a
    phone call last week between Liu and Mnuchin"). Without one, "call" is an appeal ("Franklin Roosevelt's call in his first inaugural address for power", "Trump's call to action"), a
    decision ("not entirely the State Department's call") or a routine ("Ms. French's sales calls")."""
    if kind != "CONSULT" or sides:
        return False
    # The other side may be a modifier ("Trump's Ukraine call") or sit in a phrase the parse hangs lower ("Trump's
    # phone call on July 25 with Zelenskiy": "with" on the date), and may be named by whom it belongs to ("a
    # call to the widow of Sgt La David Johnson").
    if any(c.dep_ == "compound" and c.ent_type_ in AGENT_ENTS for c in noun.children):
        return False
    # A person written by title or role is a side too ("his Ukrainian counterpart", "the Saudi crown prince").
    side = lambda g: _someone(g) or _person_noun(g) or g.lemma_.lower() in lexicon().side_nouns  # noqa: E731
    return not any(side(g) or any(_someone(o) for o in _prep_objects(g, ("of",))) for g in _phrase_objects(noun))


def _phrase_objects(noun: Token) -> list[Token]:
    """The objects of the participant prepositions in a noun's own phrase, however deep the parse hangs them
    (through other prepositional phrases, never through a clause)."""
    found: list[Token] = []
    stack = [noun]
    while stack:
        head = stack.pop()
        for prep in (c for c in head.children if c.dep_ == "prep"):
            objects = [g for g in prep.children if g.dep_ == "pobj"]
            if prep.lower_ in _PARTICIPANT_PREPS:
                found += objects
            stack += objects
    return found


# The shortest "-ing" noun read as a verb's act: "bring", "ring", "thing" and "king" are no gerunds.
_MIN_GERUND = 6


def _gerund_stem(noun: str) -> str | None:
    """The typed trigger verb whose "-ing" noun ``noun`` is ("the beheading of James Foley by ...", "the U.S.'s
    killing of Qassem Soleimani", "the shooting of a teenager by police"): the noun names the verb's act, as a
    zero-derived one does (`_nominal`). The stem is the form less "-ing", with its "e" restored ("seizing") or a
    doubled consonant undone ("shipping")."""
    if not noun.endswith("ing") or len(noun) < _MIN_GERUND:
        return None
    stem = noun[: -len("ing")]
    stems = [stem, stem + "e"]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        stems.append(stem[:-1])
    return next((s for s in stems if _nominal(s) is not None), None)


def _fails_to_cooperate(token: Token) -> bool:
    """Whether what ``token`` (a verb of failing) fails at is cooperation: a complement that is a trigger, or
    that has an event object ("failed to reach agreement"), of a type whose negation is a refusal."""
    lex = lexicon()
    for clause in token.children:
        if clause.dep_ != "xcomp":
            continue
        trigger = find_trigger(clause)
        kinds = [trigger.type] if trigger is not None else []
        kinds += [(lex.nouns.get(_lemma(o)) or (None, None))[0] for o in _objects(clause)]
        if any(kind in lex.negation_to_reject for kind in kinds):
            return True
    return False


def _prefixed(token: Token) -> Trigger | None:
    """ "co-organized": the model splits the prefix off ("co", "-", "organized"); the lexicon has the whole verb."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != "-":
        return None
    prefix = doc[token.i - 2]
    key = f"{prefix.lower_}-{_lemma(token)}"
    lex = lexicon()
    if key not in lex.verbs:
        return None
    return Trigger(token, token, key, *lex.verbs[key], first=prefix)


def _split_prefix(token: Token) -> bool:
    """A piece of a hyphenated verb the model split and made a complement of its own ("agreed to re-open its
    borders to UN peacekeepers": "re" and "-" beside "open", all three xcomps of "agreed"): the verb is the
    word after the hyphen, and what it is done to hangs from that word."""
    doc = token.doc
    return token.text == "-" or (token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_)


def _consumed_by_light_verb(token: Token) -> bool:
    """ "condemning" in "adopted resolutions condemning ...": the light verb's event already carries it."""
    if token.dep_ not in ("acl", "relcl"):
        return False
    noun = token.head
    governor = noun.head
    return noun.dep_ in _OBJ and _lemma(governor) in lexicon().light_verbs and governor != noun


def _light_verb_trigger(token: Token) -> Trigger | None:
    """ "expressed gratitude" (SUPPORT); "adopted resolutions condemning ..." (the clause's ACCUSE)."""
    lex = lexicon()
    objects = _objects(token)
    # "the support provided to Azerbaijan by the government": a noun a participle describes refers to a standing
    # relation as often as a possessed one does (`nominal_trigger`), so the stative types are left out there.
    described = [] if objects else _participle_of(token)
    for obj in objects + described:
        # The noun's own typed clause ("adopted resolutions condemning"), not the participle that describes it.
        for clause in obj.children:
            if (
                clause.dep_ in ("acl", "relcl")
                and clause != token
                and _lemma(clause) in lex.verbs
                and lex.verbs[_lemma(clause)][0]
            ):
                return Trigger(token, token, _lemma(token), *lex.verbs[_lemma(clause)], obj=obj)
        for word in _event_nouns(obj):
            noun = _lemma(word)
            # A verb used as a noun names the act only as the head of the phrase ("launched an attack"); as a
            # modifier it names a kind of thing ("gave a press conference", "ran an attack ad").
            modifier = word.dep_ == "compound" and word.head == obj
            typed = _act_noun_type(noun, verbal=not modifier)
            if typed is not None and not (obj in described and typed[0] in lex.stative_nouns):
                return _act_noun_trigger(token, word, typed, obj)
    return None


def _act_noun_trigger(token: Token, word: Token, typed: tuple[str | None, str | None], obj: Token) -> Trigger:
    """The trigger of a verb whose object ``obj`` names its act by the noun ``word``: the verb through the noun
    when the noun is near (``_MAX_LIGHT_NOUN_GAP``), else the verb alone. One for the light verbs
    (``_light_verb_trigger``) and the message verbs (``_spoken_act_trigger``)."""
    if word.i - token.i <= _MAX_LIGHT_NOUN_GAP:
        return Trigger(token, word, f"{_lemma(token)} {_lemma(word)}", *typed, obj=obj)
    return Trigger(token, token, _lemma(token), *typed, obj=obj)


def _participle_of(token: Token) -> list[Token]:
    """The noun a light verb's past participle with a "by" doer modifies, which is its object in the passive
    ("the ban issued by the governor", "an investigation launched by the FBI", "a suit filed by Judicial Watch")."""
    by_doer = any(c.dep_ == "agent" for c in token.children)
    if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ == "NOUN" and token.head.i < token.i and by_doer:
        return [token.head]
    return []


def _act_noun_type(noun: str, *, verbal: bool = True, derived: bool = False) -> tuple[str | None, str | None] | None:
    """The type of a verb's object noun that names an act: a hand-typed noun (``nouns``); else, with ``verbal``, a
    typed verb used as a noun (``_nominal``); else, with ``derived``, a noun WordNet derives from a typed verb
    (``derived_nouns``; the two never disagree, so their order is moot). One lookup for the light verbs
    (``_light_verb_trigger``) and the message verbs (``_spoken_act_trigger``)."""
    lex = lexicon()
    return (
        lex.nouns.get(noun)
        or (_nominal(noun) if verbal else None)
        or (lex.derived_nouns.get(noun) if derived else None)
    )


def _nominal(noun: str) -> tuple[str | None, str | None] | None:
    """The type of a noun that is a typed trigger verb used as a noun: "declared a freeze" is the freeze,
    "imposed a ban" the ban, "launched an attack" the attack (English zero-derivation: the noun names the
    verb's action). Only a hand-written verb: the WordNet synset verbs are verbs ("gave a lecture" is teaching)."""
    lex = lexicon()
    typed = None if noun in lex.synset_verbs else lex.verbs.get(noun)
    return typed if typed is not None and typed[0] is not None else None


def _event_nouns(obj: Token) -> list[Token]:
    """Where a light verb's event noun can sit: the object itself ("imposed sanctions"), a noun modifying it
    ("launched a mediation effort"), or the head of its "of" complement ("gave $5 million of aid", "tons of
    food aid"), or of an amount's "in" complement, which says what the figure counts ("provided $10 million in
    aid", "$5 billion in loans"; "in" after anything else places it: "held talks in Geneva")."""
    compounds = [c for c in obj.children if c.dep_ == "compound" and c.i < obj.i]
    counted = ("of", "in") if _amount(obj) else ("of",)
    return [obj, *compounds, *_prep_objects(obj, counted)]


def _amount(noun: Token) -> bool:
    """Whether a noun is a figure ("$10 million", "20 tons", "billions"): a money, quantity or number entity."""
    return noun.ent_type_ in _AMOUNT_ENTS or noun.like_num


# Entity types of a figure.
_AMOUNT_ENTS = frozenset({"MONEY", "QUANTITY", "CARDINAL"})


def _obligation_trigger(token: Token) -> Trigger | None:
    """ "Russia said Sudan must return the helicopter": a reported obligation is a REQUEST (PLOVER manual),
    whatever the obliged verb would be on its own (the return has not happened; it is asked for)."""
    lex = lexicon()
    if not _reported(token):
        return None
    if any(c.dep_ == "aux" and c.lower_ in lex.obligation for c in token.children):
        return Trigger(token, token, _lemma(token), _REQUEST_TYPE, None, obliged=True)
    return None


def _reported(verb: Token) -> bool:
    """Whether the verb heads the content clause of a reporting verb ("Russia said Sudan must return ..."), as
    a request made of someone, not a view (_held_view)."""
    return verb.dep_ == "ccomp" and _lemma(verb.head) in lexicon().reporting and not _held_view(verb)


def _held_view(clause: Token) -> bool:
    """ "doesn't think Democrats should worry", "believed the CIA should have access", "declining to say what
    they should do": an obligation someone thinks, or one asked about, is an opinion or a question, not a
    request put to the obliged (session 29)."""
    # The complementizer "that" is sometimes tagged WDT ("said at the time that the voters should have"), and a
    # word in capitals may be an acronym ("MCSALLY SAYS WHO BOSS SHOULD RESIGN", seed 71002): no question.
    first = min(clause.subtree, key=lambda t: t.i)
    # A condition or time clause put before the content ("said if Iran attacks, the United States must respond",
    # "said when the talks resume, Sudan must return ...") opens with "if"/"when" but asks nothing: the first
    # word is the fronted clause's, not the content's (final read of session 29).
    fronted = any(c.dep_ == "advcl" and c.left_edge.i == first.i for c in clause.children)
    asked = first.lower_ != "that" and not first.is_upper and not fronted and _interrogative(clause)
    return _lemma(clause.head) in lexicon().opinion_verbs or asked


# ------------------------------------------------------------------------------------------------ arguments


def _with_conjuncts(token: Token) -> list[Token]:
    """The participant heads ``token`` and its conjuncts give ("the US and Britain": two), less the pieces
    of a name the parse made heads of their own ("al", "-" of "al-Assad")."""
    return [t for t in (token, *token.conjuncts) if not name_fragment(t)]


def subjects(verb: Token) -> tuple[list[Token], bool]:
    """Subject heads of ``verb`` (climbing xcomp/conj/acl chains when it has none), and whether it is passive."""
    if verb.pos_ == "NOUN":
        # A nominal trigger (nominal_trigger): its possessor acted, the sides of a mutual act, or a nationality.
        return _noun_doers(verb, _sides(verb)), False
    if _complement_conjunct(verb):
        # "the blast left two dead and seven others wounded": those wounded are what was done to, and the doer
        # is the governing verb's own subject ("the blast"), as in "the blast wounded seven others"; with none
        # (the parse made "after a shooting ... left" a preposition's object) no doer is climbed to. A governor
        # that is itself a bare participle ("with 35 people reported injured and a woman killed") has a patient
        # for subject, no doer (review seed 84000: "35 people" had become the woman's killer).
        left = verb.head
        if _bare_participle(left):
            return [], True
        # The governor's doer as its own subjects give it, climbing as any verb's do: a gerund ("A bomb
        # exploded, leaving two dead and seven others wounded") has its doer above it, and a relative clause on
        # a description beside a name ("Omar Mateen, a gunman who left ...") the name (final read of session 30).
        doers, _ = subjects(left)
        return doers, True
    current = verb
    # Whether the trigger reaches a doer-sharing gerund at all: asked once, not at every hop.
    through_gerund = _subjectless_governor(verb) is not None
    # Whether every verb climbed so far is a base form, so shares a noun's infinitive's unrealised reading.
    unrealised = True
    for _ in range(_MAX_SUBJECT_HOPS + 1):
        passive = _passive(current)
        agents = [g for c in current.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        subj = [c for c in current.children if c.dep_ in _SUBJ]
        # A "by" phrase beside an active subject is a measure or means ("shortened by one hour"), not an agent.
        if agents and not subj:
            return [t for a in agents for t in _with_conjuncts(a)], True
        if subj:
            return [t for s in subj for t in _subject_heads(s)], passive
        if passive:
            return [], True
        if swallowed := _swallowed_subject(current):
            return _with_conjuncts(swallowed), False
        if unrealised and _noun_infinitive(current):
            # "the decision to reject", "pressure to pass", "the authority to kill": the act a noun names is
            # not done by whoever governs the noun (docs/extractors.md, events v22). Only the trigger and base
            # forms conjoined with or completing it share that reading; a finite conjunct the parse hangs there
            # ("signed an order to ban travel ... and imposed tariffs") happened, and climbs on.
            return [], False
        unrealised = unrealised and current.tag_ == "VB" and current.dep_ in ("conj", "xcomp")
        if current.dep_ == "xcomp":
            # "called on X to condemn Y": X (the governor's object) is who is asked to act.
            governed = _objects(current.head) + [
                g for p in current.head.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"
            ]
            if governed:
                return _with_conjuncts(governed[0]), False
        governor = _gerund_governor(current) if through_gerund else None
        if governor is not None:
            current = governor
            continue
        if current.dep_ not in ("xcomp", "conj", "acl", "advcl", "relcl", "acomp") or current.head == current:
            break
        current = current.head if current.dep_ != "acl" else _governing_verb(current)
    return [], False


# The verbs whose object complement is the state an act left its victims in ("left two dead and seven others
# wounded", "leaving one killed"): the construction ``_complement_conjunct`` reads. Another verb with an object
# complement ("The army kept the road closed and militants attacked at dawn") conjoins a clause of its own, whose
# subject acted (final read of session 30: the rule first read any such governor), unless it is itself a bare
# participle (``_bare_participle``), whose conjuncts' subjects are patients too. The complement rule's counts:
# 3 changed, 3 right (seeds 79001-79005); review (seed 84000) 3 changed, 2 right before its mend, 3 right after.
_RESULT_VERBS = frozenset({"leave"})


def _complement_conjunct(verb: Token) -> bool:
    """Whether a participle is a second object complement, conjoined with its governor's first ("left two dead
    and seven others wounded", "leaving one killed and 12 injured"): the parse makes the participle a conjunct of
    the governor with the wounded as its subject, though they are a small clause's patients, as "two dead" are
    (v57; issue 17's victims-as-doers class). "Dead" may be parsed as the object itself (``_object_complement``)."""
    return (
        verb.dep_ == "conj"
        and (verb.head.lemma_ in _RESULT_VERBS or _bare_participle(verb.head))
        and verb.tag_ in _PAST_TAGS
        and any(c.dep_ in _SUBJ for c in verb.children)
        and not _objects(verb)
        and not any(c.dep_ in AUX_DEPS for c in verb.children)
        and any(_object_complement(c) for c in verb.head.children)
    )


def _bare_participle(verb: Token) -> bool:
    """A past participle with no auxiliary ("with 35 people reported injured and a woman killed"): an absolute
    clause whose subjects are patients, so a complement conjoined under it has no doer either."""
    return verb.tag_ == "VBN" and not any(c.dep_ in AUX_DEPS for c in verb.children)


def _object_complement(child: Token) -> bool:
    """An object complement that is a state ("left three people [dead]", "left dozens [injured]"), or such an
    adjective the parse made the object ("leaving [12 dead]": the dead, not a thing left). A noun complement
    ("called the coup [a stain]") is no state the conjunct could share (seed 79003: "called the attempted coup a
    black stain ... that left 161 people dead and 1,440 wounded", whose "wounded" the parse hung on "called")."""
    state = child.pos_ == "ADJ" or child.tag_ == "VBN"
    return state and (child.dep_ == "oprd" or child.dep_ in _DIRECT_OBJ)


def _subject_heads(subject: Token) -> list[Token]:
    """The participant heads a subject gives: its own and its conjuncts' (``_with_conjuncts``), a relative
    pronoun's through the noun it stands for (``antecedent``). v58: when that noun is an apposition to a name
    ("Bill Oesterle, a longtime Republican activist, who threatened"; "John Morganelli, an immigration hard-liner
    and anti-abortion Democrat who offered"), the name alone (``_relative_name``): the description and its
    conjoined descriptions are that one named participant, and the name's own conjuncts are other people the
    clause does not describe. v60: a passive subject's too, for the target (``targets``)."""
    name = _relative_name(subject)
    return [name] if name is not None else _with_conjuncts(antecedent(subject))


def _relative_name(subject: Token) -> Token | None:
    """The name a relative pronoun subject stands for when its antecedent is a description in apposition to
    that name (``_describes_name``), or None. The one test of who such a clause is about, for the doer of an
    active clause (v58, ``_subject_heads``) and for the patient of a passive one (v60: "Alexei Navalny, the
    campaigner who was arrested": Navalny, not "campaigner"; ``targets``, ``_patients``). v60 on unseen reports
    (seeds 94000-94004, 103 of them drawn for the construction): 9 targets changed, 9 right; an object relative
    ("the man whom researchers had identified") would have fired 7 times, 3 right, and is not read so."""
    noun = antecedent(subject)
    return noun.head if noun.i != subject.i and _describes_name(noun) else None


# The tags of a description that can be one named doer: a singular noun, or an adjective used as one ("an
# 18-year-old who voted"); not a plural, "one" (CD) or "those" (DT) (_describes_name).
_ONE_DESCRIPTION_TAGS = frozenset({"NN", "NNP", "JJ"})
# The entity types (or none) of a name a description of a doer stands beside: a person or an organisation.
_DOER_NAME_ENTS = frozenset({"PERSON", "ORG", ""})


def _describes_name(noun: Token) -> bool:
    """Whether ``noun`` is an apposition that describes the name it hangs on: a proper noun head, with nothing
    but punctuation and more of the name between them ("Yates, Sally, the former acting attorney general"). A
    description the parse hangs on a name across other words describes something else there ("Andy Surabian,
    the senior advisor to the Great America Alliance, a pro-Trump superPAC that backed": the Alliance; seed 83001,
    600 reports: 23 trigger verbs named, 19 right, 4 wrong, 3 of the wrong of this form).

    The two must be able to be one doer (review of session 30, seed 91000, 1,000 unseen reports: 18 events
    changed, 13 right, 5 wrong, each wrong one failing one of these): one description, not a plural or a pronoun
    standing for something else ("Ryan and Murray, the budget leaders who"; "Trump Jr., one that yielded a
    meeting": the offer); a description, not a second person's name ("Cruz, former Sen. John E. Sununu, who
    was": Sununu); a name of a person or organisation, not of a place, a date, a law or a people ("R-Miss., a
    former Marine who vowed"; "San Diego, a 19-year-old who had protested"; "Roe v. Wade, the landmark ruling
    that established"), which the parse hangs a nearby description on as readily; and a common noun
    description that names a doer, not a deed or a thing ("the Senate -- a move that injects"; "Honor Flight,
    a program that enables": the name does not make a thing act)."""
    name = noun.head
    if noun.dep_ != "appos" or name.pos_ != "PROPN" or name_fragment(name) or name.i > noun.i:
        return False
    if noun.tag_ not in _ONE_DESCRIPTION_TAGS or noun.ent_type_ == "PERSON" or name.ent_type_ not in _DOER_NAME_ENTS:
        return False
    if noun.pos_ == "NOUN" and not (_someone(noun) or _person_word(noun) or _person_noun(noun)):
        return False
    return all(t.is_punct or t.pos_ == "PROPN" for t in noun.doc[name.i + 1 : noun.left_edge.i])


def _swallowed_subject(verb: Token) -> Token | None:
    """v58: the subject the parse hung as the object of an opening subordinate clause ("While Shinseki remains
    in his post, the department's undersecretary, Robert Petzel, resigned": "undersecretary" made the
    complement of "remains"): a finite verb with no subject of its own, whose earlier ``mark``-ed adverbial clause
    has an object or complement (``_OBJ``) set off from that clause by a comma and ending, less punctuation, right
    before the verb. A clause's own object is seldom cut from it by a comma, and an English finite verb's subject
    stands just before it. A parse repair, rare: on 1,600 unseen reports (seeds 83000-83002, 91000) it fired twice,
    each a right reading, and changed one event (the sentence above); kept as a repair, not counted as a gain."""
    if verb.tag_ not in _FINITE_TAGS:
        return None
    for clause in verb.children:
        if clause.dep_ != "advcl" or clause.i > verb.i or not any(c.dep_ == "mark" for c in clause.children):
            continue
        for obj in clause.children:
            if obj.dep_ not in _OBJ or not clause.i < obj.i < verb.i:
                continue
            comma = any(t.lower_ == "," and clause.i < t.i < obj.left_edge.i for t in clause.children)
            gap = verb.doc[obj.right_edge.i + 1 : verb.i]
            if comma and all(t.is_punct for t in gap):
                return obj
    return None


def _noun_infinitive(verb: Token) -> bool:
    """A "to" infinitive completing a noun ("the decision to reject", "a record to defend", "the power to pardon")."""
    return verb.dep_ == "acl" and verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _gerund_governor(clause: Token) -> Token | None:
    """The verb whose ``_DOER_PREPS`` gerund ``clause`` is ("flew home after meeting"): the gerund has no subject
    of its own, and its doer is the governing verb's."""
    prep = clause.head
    if clause.dep_ != "pcomp" or clause.tag_ != "VBG" or prep.dep_ != "prep" or prep.lower_ not in _DOER_PREPS:
        return None
    return prep.head if prep.head.pos_ in ("VERB", "AUX") and prep.head.i != prep.i else None


def _subjectless_governor(verb: Token) -> Token | None:
    """The governing verb a subjectless trigger takes its doer from through a ``_DOER_PREPS`` gerund, itself or
    the gerund it is a conjunct or complement of ("after condemning the riot and praising the police", "after
    moving to block": the governor), or None. An infinitive of purpose or a noun's ("after enlisting a government
    to investigate", "prodding a power to help") has another doer and is not climbed."""
    current = verb
    for _ in range(_MAX_SUBJECT_HOPS + 1):
        if _has_subject(current):
            return None
        governor = _gerund_governor(current)
        if governor is not None:
            return governor
        if current.dep_ not in ("xcomp", "conj") or current.head == current:
            return None
        current = current.head
    return None


def _governing_verb(token: Token) -> Token:
    """The verb above an acl's noun ("adopted resolutions condemning": adopted)."""
    noun = token.head
    return noun.head if noun.head != noun else noun


def targets(trigger: Trigger, passive: bool) -> list[Token]:
    """Object heads: passive subjects, direct objects, participant prepositions; through "the X committed
    by Y" to Y (condemning a deed is accusing its doer)."""
    verb = trigger.verb
    found: list[Token] = []
    # A passive subject's heads as an active subject's (``_subject_heads``): "three children, who were killed" the
    # children; v60, a description beside a name the name alone, without the name's conjuncts, as v58 gives it
    # for the doer, so they are kept apart from the conjunct expansion below.
    passive_heads = [t for c in verb.children if c.dep_ in _PASSIVE_SUBJ for t in _subject_heads(c)] if passive else []
    if passive and _complement_conjunct(verb):
        found += [c for c in verb.children if c.dep_ in _SUBJ]
    objs = _objects(verb) if trigger.obj is None else _participants_of_noun(trigger.obj, verb, trigger.type)
    if trigger.lemma in lexicon().command_verbs:
        objs = _ordered(verb, objs)
    # v61: an act noun's speech act made "on" a platform hangs the medium on the light verb as often.
    medium = trigger.obj is not None
    for obj in objs:
        doer = [
            g
            for c in obj.children
            if c.dep_ == "acl"
            for a in c.children
            if a.dep_ == "agent"
            for g in a.children
            if g.dep_ == "pobj"
        ]
        found += ([] if _held_person(obj) else doer) or [_owner(antecedent(obj))]
        if trigger.obj is None and _amount(obj):
            # A figure is no participant; whom what it counts goes to is ("pledged $5 billion in loans to Egypt").
            found += _noun_participants(obj)
            if obj.ent_type_ != "MONEY":
                # A count's "of" names those counted, who are what the action is done to ("killed dozens of
                # protesters", "accused one of their companies", "hand over two of its nationals").
                found += [_owner(g) for g in _prep_objects(obj, ("of",))]
    for child in verb.children:
        circumstance = passive and child.lower_ == "with"  # "occupied ... with the assistance of": a means
        if (
            child.dep_ in ("prep", "prt")
            and child.lower_ in _TARGET_PREPS
            and child.i != trigger.last.i
            and not circumstance
        ) or (child.dep_ in ("prep", "prt") and child.i == trigger.last.i):
            found += [
                _owner(g) for g in child.children if g.dep_ == "pobj" and not (medium and _spoken_on(g, trigger.type))
            ]
    if verb.pos_ == "NOUN" and trigger.obj is None:
        # A nominal trigger's doer is its possessor or "by" phrase, so its "of" object, when someone, is whom
        # it was done to ("Russia's invasion of Ukraine", "the U.S.'s killing of Qassem Soleimani"), as a verb's
        # object is; "a warning of the dangers", "the withdrawal of the nomination" name what, not whom.
        found += [_owner(g) for g in _prep_objects(verb, ("of",)) if _someone(g)]
    found += _aimed_at(verb)
    if trigger.type == "PROTEST":
        found += [_owner(g) for g in _prep_objects(verb, lexicon().protest_sites)]
    found += _in_aim_of(verb) + (_in_aim_of(trigger.obj) if trigger.obj is not None else [])
    return [
        t
        for t in passive_heads + [t for f in found for t in _with_conjuncts(f)]
        if t.pos_ in ("PROPN", "NOUN", "PRON") and t.ent_type_ not in _NOT_PARTICIPANTS
    ]


# Prepositions by which an event noun in an "in" phrase names whom the action is aimed at ("in protest of the
# government's refusal", "in protest against the war", "in solidarity with the strikers", "in protest over").
_AIM_PREPS = _TARGET_PREPS | {"of", "over", "at"}


def _held_person(obj: Token) -> bool:
    """Whether an object whose participle names a doer ("the hostages held by Boko Haram") is itself a person or a
    body, so that the action is done to it ("freed the hostages held by", "met soldiers wounded by"), not to the
    participle's doer, as it is for a deed or a thing ("condemned the attack carried out by Hamas", "the law
    passed by Congress"). By meaning (``_person_word``), not by an agent ending: "the orders signed by" is a thing."""
    return _names_someone(antecedent(obj), _person_word)


def _person_word(head: Token) -> bool:
    """A common noun that names a person or a body by its meaning, not its ending: WordNet's person nouns
    (``person_nouns``: "hostage", "blogger", "officer") and the listed agent nouns ("police", "government"). The
    agent suffix alone reads "orders" and "borders" as doers."""
    lemma = head.lemma_.lower()
    return head.pos_ == "NOUN" and (lemma in person_nouns() or lemma in AGENT_NOUNS)


def _in_aim_of(head: Token) -> list[Token]:
    """Whom an action is done "in" the name of an event noun of the lexicon against or for ("continuing a hunger
    strike in protest of the Russian government's refusal": the Russian government; "marched in support of the
    president", "in solidarity with"): the noun's participant complement, through its owner as for an object.
    Only a bare noun of the light verbs' event nouns (``nouns`` of data/plover.yaml) makes such a phrase of aim
    or manner; one with a determiner or possessor is a circumstance the action happened in ("in a closed-door
    meeting with evangelical leaders", "killed in the attack on the Pentagon", "in the latest signs of concern")."""
    lex = lexicon()
    return [
        _owner(g)
        for c in head.children
        if c.dep_ == "prep" and c.lower_ == "in"
        for n in c.children
        if n.dep_ == "pobj" and n.pos_ == "NOUN" and _lemma(n) in lex.nouns and not _determined(n)
        for p in n.children
        if p.dep_ == "prep" and p.lower_ in _AIM_PREPS
        for g in p.children
        if g.dep_ == "pobj"
    ]


def _determined(noun: Token) -> bool:
    """Whether a noun has a determiner or a possessor ("a meeting", "its protest"), not bare ("in protest")."""
    return any(d.dep_ in ("det", "poss") for d in noun.children)


def _owner(obj: Token) -> Token:
    """Whom an action on a thing is done to: its named owner ("rejected Mr. Obama's claim": Obama,
    "criticised Russia's decision": Russia, "protested against Russia's decision": Russia). A thing cannot be a participant; a person, organisation or state
    that owns it can (PLOVER codes actors, never their claims or decisions). Agents owned ("Canada's
    ambassador", "the group's leader") stay themselves."""
    if obj.pos_ != "NOUN" or obj.ent_type_ or agent_noun(obj) or head_sector(obj):
        return obj
    owners = _named_doers(obj)
    return owners[0] if owners else obj


def _named_doers(noun: Token) -> list[Token]:
    """Who a noun names as its doer or author: a named possessor ("Canada's demand") and the object of its
    "by" phrase when that is a person, organisation, state, agent noun or sector ("a request by the city", "an
    order by Gov. Brewer", "the beheading of James Foley by an Islamic State militant"), as "'s" does."""
    owners = [c for c in noun.children if c.dep_ == "poss" and c.ent_type_ in AGENT_ENTS]
    return owners + [
        g for g in _prep_objects(noun, ("by",)) if g.ent_type_ in AGENT_ENTS or agent_noun(g) or head_sector(g)
    ]


def _noun_doers(noun: Token, sides: list[Token]) -> list[Token]:
    """Who did an event noun's deed, in order of trust: its possessor ("Russia's invasion"), the sides of a mutual
    act ("fighting between the army and rebels", ``sides`` from _sides), a nationality adjective ("the Russian
    invasion of Ukraine"). The one owner of that order for nominal_trigger and subjects."""
    return _named_doers(noun) or sides or _national_doers(noun)


def _national_doers(noun: Token) -> list[Token]:
    """The nationality adjective that names an event noun's doer when the noun names whom it was aimed at ("the
    Russian invasion of Ukraine", "an Israeli attack on Gaza City", "a Syrian government offensive ... on the
    northern city of Aleppo"): the adjective stands for its state or people as a possessor does ("Russia's
    invasion"). Without a participant complement (a date is none: "on August 26") the adjective is as often the
    patient's ("Iraqi deaths", "Palestinian arrests") or a market's ("Chinese demand"), so it names no doer."""
    if not any(
        p.lower_ in _TARGET_PREPS or (p.lower_ == "of" and any(_someone(g) for g in p.children))
        for p in (c for c in noun.children if c.dep_ == "prep")
        if any(g.dep_ == "pobj" and g.ent_type_ not in _NOT_PARTICIPANTS for g in p.children)
    ):
        return []
    return [
        c
        for c in noun.children
        if c.dep_ == "amod" and c.ent_type_ == "NORP" and c.pos_ == "ADJ" and country_of_text(c.text)
    ][:1]


# The fewest named sides that make a noun's "between" phrase name its doers ("fighting between the army and rebels").
_MIN_SIDES = 2


def _sides(noun: Token) -> list[Token]:
    """The sides a noun names by "between" ("clashes between protesters and police", "fighting between Syrian
    forces and the rebels"): each acted, as a possessor did; two named sides at least."""
    sides = [t for g in _prep_objects(noun, ("between",)) for t in _with_conjuncts(g)]
    named = [t for t in sides if t.ent_type_ in AGENT_ENTS or agent_noun(t) or head_sector(t) is not None]
    return named if len(named) >= _MIN_SIDES else []


# ------------------------------------------------------------------------------------------------ type rules


def _participants_of_noun(noun: Token, verb: Token, kind: str | None) -> list[Token]:
    """Who a light verb's event noun is done to or with: the verb's indirect object ("gave Portugal new
    aid") and the noun's participant prepositions ("held a meeting with the president", "launched a
    mediation between Ghana and Togo"); the noun itself is the event, not its target. v61: a speech act's
    "on" is where it was made, not whom it is aimed at (``_spoken_on``), and the noun's own complement of its
    ``kind`` names whom it is for or against (``_typed_complement``)."""
    datives = [c for c in verb.children if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN", "PRON")]
    own = [g for g in _noun_participants(noun) if not _spoken_on(g, kind)]
    return datives + own + _typed_complement(noun, kind)


# v61: the prepositions beside the participant ones by which an act noun of a PLOVER type names whom the act is
# for or against: "voiced support for the president" (SUPPORT), "aid for Ukraine" (AID), "tweeted criticism of
# China", "launched an investigation of Clinton", "took a swipe at Trump" (ACCUSE). The objective "of" of an act
# noun is its verb's object, as for a nominal trigger (``targets``). Not ACCUSE's "for", which names the grievance
# (``_GRIEVANCE_PREPS``: "criticism for his remarks"), nor SUPPORT's "of", whose object is as often the supporter
# ("won the support of Republicans").
_NOUN_AIM_PREPS: dict[str, frozenset[str]] = {
    "SUPPORT": frozenset({"for"}),
    "AID": frozenset({"for"}),
    "ACCUSE": frozenset({"of", "at"}),
    "THREATEN": frozenset({"of"}),
    "SANCTION": frozenset({"of"}),
    "COERCE": frozenset({"of"}),
    "ASSAULT": frozenset({"of"}),
}
# The prepositions by which an act noun names a cause as often as a party ("support for same-sex unions",
# "funding for a number of agencies"): only a name or a person noun is read as the party there (``_named_person``).
_CAUSE_PREPS = frozenset({"for"})
# The subordinator of an infinitive clause with its own subject ("a call for Sessions to resign").
_INFINITIVE_SUBJECT_MARK = "for"


def _typed_complement(noun: Token, kind: str | None) -> list[Token]:
    """v61: whom an act noun's own complement names by the prepositions of its type (``_NOUN_AIM_PREPS``),
    and for a request the subject of an infinitive clause on the noun ("tweeted a call for Sessions to
    resign": Sessions is asked; the parse makes "for" the clause's mark): a person or body by meaning
    (``_person_word``, as ``_held_person`` tests: the agent ending alone reads "murder" and "number" as doers, 2
    of 12 changed on seed 108001), after a cause preposition a name or person noun only; else the thing's named
    owner ("support for Mr. Bush's campaign": Bush, ``_named_doers``); else no one ("voiced support for the bill",
    "a call for calm" name what, not whom)."""
    if kind is None:
        return []
    preps = _NOUN_AIM_PREPS.get(kind, frozenset())
    heads = [
        (g, p.lower_ in _CAUSE_PREPS)
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ in preps
        for g in p.children
        if g.dep_ == "pobj"
    ]
    if kind == _REQUEST_TYPE:
        # "for X to V" on the noun: the parse makes X the clause's subject with "for" its mark, or the object of
        # "for" with the infinitive hung on the noun beside it ("a call for President Maduro to step down").
        clauses = [c for c in noun.children if c.dep_ in _COMPLEMENT_DEPS]
        heads += [
            (s, False)
            for clause in clauses
            if any(m.dep_ == "mark" and m.lower_ == _INFINITIVE_SUBJECT_MARK for m in clause.children)
            for s in clause.children
            if s.dep_ in _SUBJ
        ]
        if any(_noun_infinitive(c) for c in clauses):
            heads += [(g, False) for g in _prep_objects(noun, (_INFINITIVE_SUBJECT_MARK,))]
    found: list[Token] = []
    for head, cause in heads:
        if _named_person(head) if cause else _names_someone(head, _person_word):
            found.append(head)
        else:
            found += _named_doers(head)[:1]
    return found


def _named_person(head: Token) -> bool:
    """A named person, organisation or state, a personal pronoun, or a WordNet person noun ("the president"):
    someone by name or meaning, not by a sector or an agent-noun list, which read "unions" and "campaign" as bodies."""
    if head.pos_ == "PRON":
        return head.lower_ in _PERSONAL_PATIENTS
    return head.ent_type_ in AGENT_ENTS or (head.pos_ == "NOUN" and head.lemma_.lower() in person_nouns())


# The preposition of where a speech act was made ("issued the following demand on Twitter", "voiced support on
# Facebook"): the medium, whatever the model labels it (it tags "Twitter" a person as often as an organisation).
_MEDIUM_PREP = "on"
# A request's "on" names whom it is made of as often ("made new demands on the company", "his call on Congress"),
# so there only a platform is the medium (review of v61: the rule dropped "the company"). The sites the model
# tags a person or an organisation; a common noun ("on the issue") is no one and stays the topic. One word each: the
# test reads the object's own word. A guard from constructed sentences, not a counted class: on the review's draw
# (seed 114000, 380 reports; the "on" rule 6 changed, 5 right) it moved no record.
_PLATFORMS = frozenset({"twitter", "facebook", "instagram", "youtube", "tiktok", "x"})


def _spoken_on(pobj: Token, kind: str | None) -> bool:
    """v61: whether an object is a speech act's "on" (``_MEDIUM_PREP``), the platform or page it was made on,
    not its target: a speech act is aimed by "to", "against", "with" or its own complement. A request's "on"
    someone is whom it asks (``_PLATFORMS``)."""
    if not (kind in _SPOKEN_ACT_TYPES and pobj.head.dep_ == "prep" and pobj.head.lower_ == _MEDIUM_PREP):
        return False
    if kind == _REQUEST_TYPE and _names_someone(pobj, _person_word):
        return pobj.text.lower() in _PLATFORMS
    return True


def _noun_participants(noun: Token) -> list[Token]:
    """The objects of a noun's participant prepositions, and of those of the noun a figure counts ("provided
    $700 million in aid to the Syrian people", "pledged $5 billion in loans to Egypt": the parse hangs "to" on
    what is counted)."""
    counted = [g for g in _event_nouns(noun) if g.head.dep_ == "prep" and g.head.head == noun]
    return [g for word in (noun, *counted) for g in _prep_objects(word, _PARTICIPANT_PREPS)]


def _negated(verb: Token) -> bool:
    """ "did not attend", "never signed", and "failed to attend": an action failed at did not happen."""
    if verb.dep_ == "xcomp" and verb.head != verb and _lemma(verb.head) in lexicon().failure:
        return True
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in _NEGATIONS) for c in verb.children)


def _trigger_negated(trigger: Trigger) -> bool:
    """A negated verb, or an event noun under "no", a light verb's ("reached no agreement", "held no talks") or
    a noun standing alone (`nominal_trigger`: "there was no criticism of Iran by Washington"): the determiner
    negates the act as "not" does ("did not reach an agreement", "Washington did not criticize Iran")."""
    noun = trigger.obj if trigger.obj is not None else trigger.verb if trigger.verb.pos_ == "NOUN" else None
    return _negated(trigger.verb) or (
        noun is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
    )


def _intent(verb: Token) -> bool:
    """ "will release", "would boycott", "is willing to withdraw": a stated intention."""
    lex = lexicon()
    if any(c.dep_ == "aux" and c.lower_ in lex.intent_markers for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lower_ in lex.intent_markers


def decide_type(
    trigger: Trigger, actor_country: str | None, target_tokens: list[Token]
) -> tuple[str | None, str | None]:
    """The PLOVER type and mode after negation, intention and target rules."""
    lex = lexicon()
    kind, mode = trigger.type, trigger.mode
    verb = trigger.verb
    if (
        kind
        and trigger.lemma in lex.needs_actor_target
        and not _actor_target(target_tokens, actor_country)
        and not _people_met(target_tokens)
    ):
        kind, mode = None, None
    if kind and trigger.lemma in lex.typed_by_object and not _object_of_type(verb, lex.typed_by_object[trigger.lemma]):
        kind, mode = None, None
    if kind and trigger.lemma in lex.typed_by_someone and not any(_someone(p) for p in _patients(verb)):
        kind, mode = None, None
    governed = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
    governor = lex.governors.get(_lemma(verb))
    if governed and governor:
        kind, mode = governor, None
    if kind == _ATTACK_TYPE and _abstract_patient(trigger):
        # "killed the legislation", "beat the odds": no blow lands; "attacked the credibility of journalists" is
        # criticism (the speech sense of ``verbal_senses``, PLOVER's ACCUSE), the others no PLOVER act.
        kind, mode = ("ACCUSE" if _lemma(verb) in lex.verbal_senses else None), None
    if kind == _ATTACK_TYPE and _verbal_attack(trigger):
        kind, mode = "ACCUSE", None
    if kind and _trigger_negated(trigger) and kind in lex.negation_to_reject:
        return "REJECT", None
    if kind and _intent(verb) and kind not in _SPEECH_ACT_TYPES:
        if kind in lex.cooperative:
            return "AGREE", None
        if kind in lex.hostile:
            return "THREATEN", None
    return kind, mode


@lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    """The verbs statements.rules takes as speech cues, less those naming an attitude ("believing")."""
    cues = CueLexicon.load()
    return cues.cue_lemmas - cues.attitudes


# Prepositions by which a verbal attack names its grievance ("attacked Iran for its support", "over his handling").
_GRIEVANCE_PREPS = frozenset({"for", "over"})
# How a speech verb hangs beside the attack: an adverbial, conjoined or open participle ("attack Cruz,
# questioning his ability").
_BESIDE_DEPS = frozenset({"advcl", "conj", "xcomp"})
# Sectors (sectors.yaml, CAMEO's agent codes) of those who attack with arms: military, police, rebels.
_ARMED_SECTORS = frozenset({"MIL", "COP", "REB"})


def _armed_doer(trigger: Trigger) -> bool:
    """Whether the attack's doer is armed: a subject, a "by" agent or a possessor whose head is in a military,
    police or rebel sector ("Militants attacked the convoy for carrying ...", "the army's attack over ...")."""
    heads: list[Token] = []
    for word in (trigger.verb, trigger.obj):
        if word is None:
            continue
        for child in word.children:
            if child.dep_ in _SUBJ or child.dep_ == "poss":
                heads.append(child)
            elif child.dep_ == "agent":
                heads.extend(g for g in child.children if g.dep_ == "pobj")
    return any(head_sector(h) in _ARMED_SECTORS for head in heads for h in (head, *head.conjuncts))


def _verbal_attack(trigger: Trigger) -> bool:
    """Whether an ASSAULT word with a speech sense (``verbal_senses``) is used in it: criticism is PLOVER's ACCUSE.
    The medium shows it: a subject or an "in" setting among the nouns of speech and writing ("in a speech", "an ad
    attacking", "The ad attacks"; ``speech_settings`` and statements' ``document_nouns``) or an adjective among
    ``verbal_modifiers`` ("verbal attacks"). So do, where the doer is not armed (``_armed_doer``: soldiers, police
    and militants attack for a reason and announce it too), a grievance ("attacked Iran for its support",
    "attacked the governor over his handling": a "for" or "over" phrase naming someone's conduct, a possessed noun
    or a gerund), a speech verb beside it ("attack Cruz, questioning his ability") and a speech "during" which it
    happened ("attacked the administration's response during speeches")."""
    lex = lexicon()
    if _lemma(trigger.verb) not in lex.verbal_senses and (
        trigger.obj is None or _lemma(trigger.obj) not in lex.verbal_senses
    ):
        return False
    armed = _armed_doer(trigger)
    words = [trigger.verb] if trigger.obj is None else [trigger.verb, trigger.obj]
    for word in words:
        for child in word.children:
            lemma = _lemma(child)
            objects = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else []
            # A preposition whose object is a noun of speech or writing ("in a speech", "during speeches").
            spoken_setting = any(_lemma(g) in lex.speech_settings for g in objects)
            if child.dep_ == "amod" and lemma in lex.verbal_modifiers:
                return True
            if child.dep_ in _SUBJ and lemma in lex.speech_settings:
                return True
            if child.lower_ == "in" and spoken_setting:
                return True
            if armed:
                continue
            if child.dep_ in _BESIDE_DEPS and child.tag_ == "VBG" and lemma in _speech_verbs():
                return True
            if child.lower_ == "during" and spoken_setting:
                return True
            # Someone's conduct: a gerund or a possessed noun ("for no reason", "over the border" are none).
            if child.dep_ == "prep" and child.lower_ in _GRIEVANCE_PREPS:
                for g in child.children:
                    if (g.dep_ == "pcomp" and g.tag_ == "VBG") or (
                        g.dep_ == "pobj" and any(d.dep_ == "poss" for d in g.children)
                    ):
                        return True
    # "a series of Tweets attacking Romney", "an ad attacking": a participle completing a noun of speech.
    return trigger.verb.dep_ == "acl" and _lemma(trigger.verb.head) in lex.speech_settings


# What an attack is aimed at beside its object: a verb's "against" ("fight against any further U.S. actions"; a
# verb's "on" is as often its day, "on Tuesday"), a noun's "against" or "on" ("The Bulwark's attack on the
# prosecution").
_VERB_PATIENT_PREPS = ("against",)
_NOUN_PATIENT_PREPS = ("against", "on")


def _abstract_patient(trigger: Trigger) -> bool:
    """Whether every argument an ASSAULT verb or noun lands on is abstract (``abstract_nouns.txt``: every WordNet
    3.0 sense an act, idea, message, attribute, state, time ...): "Congress killed the gun control legislation",
    "he'd beaten the odds", "executed a ... fundraising blitz", "used Twitter to attack the credibility of
    journalists". Violence needs a person, group, place or thing to land on, or an occasion people gather at
    ("attacked a concert": left out of the list). Only a light verb's own typed noun is left alone ("launched a
    counter-attack", "staged two airstrikes": the noun is the attack), and so is a patient that is itself an attack
    noun of the lexicon ("fighting a war"), a name (an entity or proper noun, "attacked Iran") or a word in
    capitals, and an armed doer's attack. Counts: docs/history/events-and-places.md, session 33."""
    # An armed doer (`_armed_doer`) attacks with arms whatever the parse gives it to land on: the tagger's lemma of
    # "bases" is "basis" ("The army attacked rebel bases").
    if trigger.obj is not None or _armed_doer(trigger):
        return False
    word = trigger.verb
    if word.pos_ == "NOUN":
        heads = _prep_objects(word, _NOUN_PATIENT_PREPS)
    else:
        heads = _objects(word) + [c for c in word.children if c.dep_ == "nsubjpass"]
        heads += _prep_objects(word, _VERB_PATIENT_PREPS)
    if not heads:
        return False
    abstract = _wordnet_words("abstract_nouns.txt")
    return all(
        h.pos_ == "NOUN" and not h.ent_type_ and h.text.islower() and _lemma(h) in abstract and not _attack_noun(h)
        for h in heads
    )


def _object_of_type(verb: Token, kinds: frozenset[str]) -> bool:
    """Whether the verb's object is an event noun of one of ``kinds`` ("signed agreements": SUPPORT)."""
    nouns = lexicon().nouns
    return any((nouns.get(_lemma(o)) or (None, None))[0] in kinds for o in _objects(verb))


def _actor_target(tokens: list[Token], actor_country: str | None) -> bool:
    """A target that is a participant: a person, an organisation, or a country other than the actor's own."""
    for token in tokens:
        if token.ent_type_ in ("PERSON", "ORG", "NORP"):
            return True
        if token.ent_type_ in ("GPE", "LOC"):
            country = alpha3(country_of_text(token.text))
            if country and country != actor_country:
                return True
    return False


def _source_condition(trigger: Trigger) -> bool:
    """ "a senior official, who requested anonymity to discuss the probe, said ...", "who asked for anonymity":
    a source's request for its own cover (plover.yaml ``source_conditions``) is the report's sourcing, the
    condition on which it spoke, not an occurrence the report tells (the guide's events are who did what to whom)."""
    if trigger.type != _REQUEST_TYPE:
        return False
    verb = trigger.verb
    asked = [c for c in verb.children if c.dep_ in _DIRECT_OBJ] + _prep_objects(verb, ("for",))
    if trigger.obj is not None:
        asked.append(trigger.obj)
    return any(t.lemma_.lower() in lexicon().source_conditions for t in asked)


def _people_met(tokens: list[Token]) -> bool:
    """A meeting's, visit's or host's other side named by a common noun of people: "met with immigrant activists
    and labor leaders", "met eight abuse victims", "met with Interior officials": a noun whose most frequent
    WordNet sense is a person (``person_nouns``). The verbs' `needs_actor_target` test keeps out their senses
    with a thing ("met the deadline", "visited the site", "hosted 13 state dinners"); a group of people is a
    side as a named one is. Not a relative ("to visit her family", "visiting his father in prison": a private
    call, `relative_nouns`), nor the agent suffix ("dinners"), a sector ("their presidential library") or a body
    ("visited that office"): on the seeded samples those were the wrong ones (docs/extractors.md, v52). v54: nor a
    noun that also names an occasion ("hosted a fundraiser for Kelly": ``occasion_person_nouns``); and a side with
    the person's own kin or partner in it ("to visit his fiancee and son", "met his current girlfriend": WordNet's
    relatives and lovers, ``kin_nouns``, under a possessive pronoun) is a private call however the rest is named;
    kin of no one named ("will host parents, teachers and students") are people as any others."""
    relatives = offices_lexicon().relative_nouns
    kin = _wordnet_words("kin_nouns.txt")
    occasions = _wordnet_words("occasion_person_nouns.txt")
    nouns = [t for t in tokens if t.pos_ == "NOUN"]
    if any(t.lemma_.lower() in kin and _owned(t) for t in nouns):
        return False
    return any(
        (lemma := t.lemma_.lower()) in person_nouns() and lemma not in relatives and lemma not in occasions
        for t in nouns
    )


def _owned(noun: Token) -> bool:
    """Whether a noun, or the first of the conjuncts it is listed with, has a possessive pronoun ("his fiancee
    and son": the son is his too)."""
    while noun.dep_ == "conj" and noun.head is not noun:
        noun = noun.head
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)


@lru_cache(maxsize=4)
def _wordnet_words(name: str) -> frozenset[str]:
    """A word list bench/wordnet_speakers.py generates from WordNet 3.0 (``occasion_person_nouns.txt``: person
    nouns with an occasion sense, "fundraiser"; ``kin_nouns.txt``: relatives and partners, "fiancee";
    ``abstract_nouns.txt``: nouns of nothing a blow can land on, "legislation")."""
    return read_words(name)


# ------------------------------------------------------------------------------------------------ context


def _place_in(scene: tuple[Place, ...], start: int, end: int) -> Place | None:
    found = [p for s, p in _SCENE_SPANS.of(scene).overlapping(start, end) if start <= s.start and s.end <= end]
    return found[0] if found else None


# What stands between a person's name and the state of a party-state tag: "Pat Roberts (R-Kan.)", "Jane
# Roe, D-N.Y.,", "Bernie Sanders (I., Vt.)": an opening bracket or a comma, then a party's initial and a
# hyphen or comma; it ends where the place begins.
_PARTY_GAP = re.compile(r"\s*[(,]\s*[DRI]\.?\s*[-\u2013,]\s*$")
# How far before a place its party gap is looked for: the longest ("  ( D . - ") is well under this.
_PARTY_GAP_CHARS = 12


@dataclass(frozen=True)
class PartyTag:
    """A place named in a person's party-state tag: it says whom the person represents, not where anything
    happened."""

    person: str
    place: Span
    country: str | None


def party_tags(text: str, places: tuple[Place, ...], entities: tuple[Entity, ...]) -> tuple[PartyTag, ...]:
    """The place spans of the party-state tags attached to a PERSON mention ("Sen. Pat Roberts (R-Kan.)
    said"). A state abbreviation there became a place record in places.gazetteer v11; read as the scene of
    the clause's action, it placed 5 of 5 events wrong on 100 fresh AllSides reports, and 9 of 9 on 300 more
    (seed 17930), each now placed nowhere."""
    person_ends = {span.end: e.name for e in entities if e.type == "PERSON" for span in e.spans}
    out: list[PartyTag] = []
    for place in places:
        for span in place.spans:
            gap = _PARTY_GAP.search(text, max(0, span.start - _PARTY_GAP_CHARS), span.start)
            if gap is not None and gap.start() in person_ends:
                out.append(PartyTag(person_ends[gap.start()], span, alpha3(place.country) if place.country else None))
    return tuple(out)


def _untagged(places: tuple[Place, ...], tags: tuple[PartyTag, ...]) -> tuple[Place, ...]:
    """The places less their party-tag mentions: what may be an event's scene or give a thing a country."""
    if not tags:
        return places
    tagged = {t.place for t in tags}
    kept = [(p, tuple(s for s in p.spans if s not in tagged)) for p in places]
    return tuple(p if len(spans) == len(p.spans) else replace(p, spans=spans) for p, spans in kept if spans)


def _tagged_country(actors: tuple[Actor, ...], tags: tuple[PartyTag, ...]) -> tuple[Actor, ...]:
    """An actor with no country of its own who is a tagged person (by any mention: "he" resolved to her too)
    takes the tag's country: the tag describes that person alone."""
    countries = {t.person: t.country for t in tags if t.country}
    return tuple(
        replace(a, country=countries[a.entity]) if not a.country and a.entity in countries else a for a in actors
    )


def _place_rows(places: tuple[Place, ...]) -> list[tuple[int, int, tuple[Span, Place]]]:
    return [(s.start, s.end, (s, p)) for p in places for s in p.spans]


# The article's places and times by their spans: each trigger asks about its own clause and sentence. The
# scene (the places less party-state tags, ``_untagged``) has an index of its own: a trigger asks about both,
# and one shared one-entry index was rebuilt twice per trigger in an article with a tag.
_PLACE_SPANS: LastIndex[tuple[Span, Place]] = LastIndex(_place_rows)
_SCENE_SPANS: LastIndex[tuple[Span, Place]] = LastIndex(_place_rows)
_TIME_SPANS: LastIndex[tuple[Span, TimeExpr]] = LastIndex(
    lambda times: [(s.start, s.end, (s, t)) for t in times for s in t.spans]
)


def _by_speaker_span(statements: tuple[Statement, ...]) -> dict[Span, list[Statement]]:
    out: dict[Span, list[Statement]] = {}
    for statement in statements:
        if statement.speaker.span is not None:
            out.setdefault(statement.speaker.span, []).append(statement)
    return out


_ENTITY_MENTIONS: LastIndex[tuple[Span, Entity]] = LastIndex(
    lambda entities: [(s.start, s.end, (s, e)) for e in entities for s in e.spans]
)
_SPEAKER_SPANS: LastResult[dict[Span, list[Statement]]] = LastResult(_by_speaker_span)


def _resolve_pronouns(
    actors: tuple[tuple[Actor, Token], ...], statements: tuple[Statement, ...], entities: tuple[Entity, ...]
) -> tuple[Actor, ...]:
    """A pronoun actor ("They called on ...") takes the speakers statements.rules resolved for the same
    words: the statement whose speaker span is that pronoun names who "They" are."""
    out: list[Actor] = []
    by_span = _SPEAKER_SPANS.of(statements)
    for actor, head in actors:
        said = by_span.get(actor.span, []) if actor.span is not None else []
        if not said:
            # A speaker's span keeps the prepositional phrases an actor's text leaves out ("lawmakers on
            # Capitol Hill"): the whole phrase the head heads is the same words.
            whole = phrase_of(head, described=False)
            said = by_span.get(Span.of(doc_text(head.doc), whole.start_char, whole.end_char), [])
        if actor.entity is not None or not said:
            out.append(actor)
            continue
        speakers = said[0].speakers or (said[0].speaker,)
        # The actor's own words keep their country and sector ("Norway", named as a speaker too).
        out += [
            replace(
                actor,
                entity=sp.entity or sp.name,
                entity_id=sp.entity_id,
                country=actor.country or _named_country(sp.entity, entities),
            )
            for sp in speakers
        ]
    return tuple(out)


def _named_country(name: str | None, entities: tuple[Entity, ...]) -> str | None:
    """The country of the article's entity called ``name`` (its offices: entities.rules' roles), for a
    pronoun that a statement's speaker or an antecedent names: "he" is the Turkish president wherever the
    article wrote "Turkish President Erdogan", not the first country of the pronoun's sentence."""
    entity = next((e for e in entities if name is not None and e.name == name), None)
    return entity_country(entity) if entity is not None else None


def _unresolved(actor: Actor) -> bool:
    """A pronoun that no statement resolved ("He is not recognizing ...", "It is also seeking ..."): the event
    would record an action by nobody the reader can name."""
    # "US" written in capitals is the country, not the pronoun; "I" is always the pronoun.
    return (
        actor.entity is None
        and actor.text.lower() in AGENT_PRONOUNS
        and not (len(actor.text) > 1 and actor.text.isupper())
    )


def _quoted(statements: tuple[Statement, ...], verb: Token) -> bool:
    """Whether the verb is inside a direct quotation: the speaker's own words, argument and rhetoric ("The NRA
    will always fight to protect our members", "Three times he intimidated us"), whose pronouns belong to the
    speaker's discourse. Event coders code what the report narrates; a quoted speech act is a statement
    (statements.rules), and what the report retells in indirect speech stays an event, attributed."""
    statement = innermost_statement(statements, verb.idx, verb.idx + 1)
    return statement is not None and statement.statement_kind != "indirect"


def _speech_cue(trigger: Trigger, kind: str | None, statements: tuple[Statement, ...]) -> bool:
    """Whether the trigger is the cue of a statement and its decided type ``kind`` none the guide counts a speech act
    as, nor one whose verbs are often words of saying or untyped (_SAID_TYPES) ("It was a
    'war room,' one official recalled", "some Republicans conceded they hadn't done a good enough job", "Taylor
    shot back that ..."): the guide makes a speech act a statement, not an event, unless the act is itself ACCUSE,
    THREATEN, REQUEST, REJECT or AGREE; the verb that introduces what was said reports the saying, not the verb's
    other sense (recalling an envoy, a concession, a shooting). Counts: docs/extractors.md, events v39 and v41."""
    if kind in _SPEECH_ACT_TYPES or kind in _SAID_TYPES:
        return False
    # An object keeps the act the cue also names: "declared a freeze on new trade", "will release its estimate".
    if trigger.obj is not None or _objects(trigger.verb):
        return False
    at = trigger.verb.idx
    return any(s.cue_span is not None and s.cue_span.start <= at < s.cue_span.end for s in statements)


def _narrated_speech_act(trigger: Trigger, text: str) -> bool:
    """Whether the trigger is a speech act of the guide's event types that the report tells in its own words,
    outside the quotation marks, around a quotation of its own complement ("accused the DUP of “working
    against the interests of the people”", "denounced the reports as “completely false”"): the quoted words
    are what was said, the act of saying them is narrated. The statement holding it is "mixed" for those
    words, which ``_quoted`` alone would read as the speaker's own discourse. The verb must be the act itself,
    not a light verb typed by its object or the object's clause ("carried out the attack, which May condemned as
    “cowardly”" is no condemnation by the attackers)."""
    if trigger.type not in _SPEECH_ACT_TYPES or trigger.obj is not None:
        return False
    verb = trigger.verb
    # A conjunct with no subject of its own on a content clause ("said that Flynn violated that law, and asked the
    # secretary to “make a final determination”") is the parse hanging the sayer's second act inside what was
    # said: the content's subject it climbs to did not act.
    if verb.dep_ == "conj" and not _has_subject(verb) and verb.head.dep_ == "ccomp":
        return False
    regions = quote_regions(text)
    if any(start <= verb.idx < end for start, end in regions):
        return False
    start, end = subtree_range(verb)
    return any(verb.idx < q_start and q_end <= end + 1 for q_start, q_end in regions if q_start >= start)


def _antecedent_actor(
    actor: Actor,
    entities: tuple[Entity, ...],
    others: frozenset[str] = frozenset(),
    *,
    article: Article | None = None,
    doc: Doc | None = None,
) -> Actor:
    """A pronoun actor no statement resolved takes the nearest named entity before it that it can stand for
    ("he"/"she"/"him"/"her": a person; "it": an organisation or state; "they": either), within the
    paragraph-sized window English keeps a pronoun's antecedent in. A target pronoun is not its own clause's
    actor (``others``): "Trump attacked him" is someone else (a reflexive would say "himself"). v66, given the
    parse (``article``, ``doc``): "they" is read by ``_plural_antecedent``."""
    if not _unresolved(actor) or actor.span is None:
        return actor
    labels = _PRONOUN_LABELS.get(actor.text.lower())
    if labels is None:
        return actor
    start = actor.span.start
    window = max(0, start - _ANTECEDENT_WINDOW)
    mentions = [
        (span, entity)
        for span, entity in _ENTITY_MENTIONS.of(entities).overlapping(window, start)
        if entity.name not in others and entity.type in labels and span.end <= start
    ]
    best = max(mentions, key=lambda m: m[0].end, default=None)
    if article is not None and doc is not None and actor.text.lower() in _PLURAL_PRONOUNS:
        agreeing = [m for m in mentions if _plural_mention(m[1], m[0], doc)]
        since = max((m[0].end for m in agreeing), default=window)
        plural = _plural_antecedent(actor.span, since, article, doc, entities)
        if plural is not None:
            return plural
    if best is None:
        return actor
    entity = best[1]
    return replace(
        actor, entity=entity.name, entity_id=entity.entity_id, country=actor.country or entity_country(entity)
    )


# v66: the pronoun that names a group; it agrees with a plural antecedent, never with one person named alone.
_PLURAL_PRONOUNS = frozenset({"they"})
# A subject pronoun's antecedent is most often a subject: on seed 156000, with any argument read, 10 of the 13
# right plural descriptions were subjects and at least 9 of the 17 wrong ones objects or a preposition's objects
# ("police are using force to punish protestors. ... they have a siege mentality" is the police).
_ANTECEDENT_DEPS = SUBJECT_DEPS


def _plural_antecedent(
    pronoun_span: Span,
    since: int,
    article: Article,
    doc: Doc,
    entities: tuple[Entity, ...],
) -> Actor | None:
    """v66: the actor "they" stands for when a plural description of people who can act (``_plural_members``; a
    person noun, a sector noun or a name, that ``is_agent`` reads as a doer) is the subject of a clause of the
    pronoun's sentence between the nearest name it agrees with (character ``since``) and the pronoun ("When
    American voters re-elected President Obama, they also returned ...": the voters, not Obama; "Democrats have
    dismissed the offer, saying they would not negotiate": not Trump). A description whose own clause holds the
    pronoun ("Iraqi forces, which they were helping") is not what it stands for; words of an entity's mention are
    the name path's. None: the name path decides."""
    pronoun = span_root(doc, pronoun_span.start, pronoun_span.end)
    if pronoun is None:
        return None
    # Only the pronoun's own sentence: a description in a sentence before was what "they" stood for about half the
    # time (seed 156002: 3 right, 4 wrong: "Fozia reported the incident to the police. They arrested ..." read as
    # "The Muslims" of two sentences before), one in its own sentence most often (5 right, 2 wrong there).
    since = max(since, pronoun.sent.start_char)
    for token in reversed(doc[: pronoun.i]):
        if token.idx < since:
            return None
        members = _plural_members(token)
        if members is None or token.dep_ not in _ANTECEDENT_DEPS:
            continue
        if token.left_edge.i <= pronoun.i <= token.right_edge.i:
            continue
        if entity_at(entities, token.idx, token.idx + len(token.text)) is not None:
            continue
        # A person or a body by its meaning (``_person_word``, a sector noun) or a name ("SEALs", "Tories"), and a
        # doer (``is_agent``): an agent suffix alone, or a country in the phrase, makes "closed doors" and
        # "American politics" doers; a person noun alone takes in "Friends" and "former employees" (seeds
        # 156000-156001: 2 right, 2 wrong more). The nearest plural subject is the one "they" takes up: when it
        # is no such doer the scan stops there, not at a subject of a clause before it (review, seed 156004: "Many
        # supporters of the tax overhaul say ..., but deficit hawks such as Sen. Bob Corker ... have said they"
        # read as the supporters past "deficit hawks", a noun ``person_nouns`` does not list; the one record that
        # moved on seeds 156002-156004 and 171000).
        if members.pos_ != "PROPN" and not _person_word(members) and head_sector(members) is None:
            return None
        candidate = make_actor(token, article, entities)
        return candidate if is_agent(candidate, token, None) else None
    return None


def _plural_members(noun: Token) -> Token | None:
    """v66: the word that makes a noun phrase plural, whose meaning says who the phrase's people are: the noun itself
    when plural by its tag ("prosecutors") or coordinated with another ("The husband and wife"), or the plural object
    of its "of" ("A group of Yoruba leaders announced yesterday that they are willing ...", PLOVER GSR fold 1: a
    collective or partitive noun with plural members takes "they"). None for a singular phrase, and for a noun that
    WordNet's person nouns (``person_nouns``) list, one person whatever its "of" ("A member of the unions said they
    ...": one member; review: no record of seeds 156002-156004 or 171000 moved, it keeps the number agreement the
    rule stands on). A body's noun ("group", an agent noun ``_person_word`` also reads) stays a collective."""
    if noun.tag_ in PLURAL_NOUN_TAGS or (noun.pos_ == "NOUN" and any(c.dep_ == "conj" for c in noun.children)):
        return noun
    if noun.pos_ != "NOUN" or noun.lemma_.lower() in person_nouns():
        return None
    of = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return next((g for g in of if g.tag_ in PLURAL_NOUN_TAGS), None)


def _plural_mention(entity: Entity, span: Span, doc: Doc) -> bool:
    """v66: whether a named mention can be what "they" stands for: an organisation or nationality (a group), a
    country (its government, its team), a name conjoined with another ("Morell and Clapper"), or persons written as
    more than one (a plural name, "the McCloskeys": a person's name takes no article). One person named alone is
    "he" or "she", a town or a state "it": on 200 unseen reports (seed 156000) of 30 "they" read as one person 21
    were wrong ("Since they returned, Miller has been promoted" read as Breisch), 7 one of a pair, 2 right; read as
    a town or state 3 of 3 wrong (Iowa, San Diego, St. Paul). ``_plural_antecedent`` looks past such a name for a
    plural description; with none, the nearest name stays the pronoun's, as before v66 (dropping the event there was
    right 34 times in 46 on seeds 156000-156004 and 3 in 7 on the last, so it is not done)."""
    if entity.type not in _ONE_OF_THEM:
        return True
    root = span_root(doc, span.start, span.end)
    if root is None or root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children):
        return True
    if entity.type == _PLACE_LABEL:
        return country_code(entity.name) is not None
    return root.tag_ == "NNPS" or any(c.dep_ == "det" and c.lower_ in DEFINITE for c in root.children)


# Entity types whose one mention names one of something: a person, or a place that is a country only by name.
_PLACE_LABEL = "GPE"
_ONE_OF_THEM = frozenset({"PERSON", _PLACE_LABEL})


def _time_near(times: tuple[TimeExpr, ...], clause: Token, at: int) -> TimeExpr | None:
    """The time in the trigger's clause nearest the trigger; a duration, or a time a preposition makes a bound
    ("through 2019", "since 2009", "by December"), is no date of it (v57), nor one that dates a predicate of its
    own below the trigger (v60, ``_deeper_predicate``)."""
    found = [t for s, t in _clause_times(times, clause) if _dates_clause(clause, s)]
    return min(found, key=lambda t: (abs(t.start - at), t.start)) if found else None


def _clause_times(times: tuple[TimeExpr, ...], clause: Token) -> list[tuple[Span, TimeExpr]]:
    """The times wholly inside ``clause``'s subtree that are no duration (``_duration``), with their spans, in
    order: what ``_time_near`` may date it by and ``_scheduled`` may schedule it by."""
    start, end = subtree_range(clause)
    return [
        (s, t)
        for s, t in _TIME_SPANS.of(times).overlapping(start, end)
        if start <= s.start and s.end <= end and not _duration(t)
    ]


def _dates_clause(clause: Token, span: Span) -> bool:
    """Whether a time inside ``clause`` may date it: not the object of a ``_BOUNDING_PREPS`` preposition (v57,
    ``_bounding_object``) nor below a predicate of its own (v60, ``_deeper_predicate``). The time's words are found
    once for both (``span_root``)."""
    root = span_root(clause.doc, span.start, span.end)
    return root is None or not (_bounding_object(root) or _deeper_predicate(clause, root) is not None)


# v60: the links by which a clause with a time of its own hangs below a trigger: a content clause ("ordered the
# deadline to be extended to April 13") and a relative clause ("appointing Clancy, who retired in 2011"), and an
# adverbial clause a subordinator sets apart ("after Acosta resigned in July", "if they go into effect next year";
# ``_own_time_clause``). A time that reaches the trigger only through one dates that clause's verb. Not among them,
# each under the bar on unseen reports, the parse often hanging a time that closes the sentence on the nearest
# verb: open complements ("promised to name his nominee on Monday", but "refused to print the op-ed in 2008";
# seed 94000: 15 right of 23 changed), participles on a noun ("a rally scheduled for Sept. 11", but "accused ...
# in an opinion article published Monday"; seeds 94000 and 94002: 19 right of 29) and a preposition's gerund
# ("for killing Justine Damond in 2017", but "refused to be penitent about being rich last night"; seeds
# 94000-94003: 24 right of 31).
_OWN_TIME_CLAUSE_DEPS = frozenset({"ccomp", "relcl", "csubj"})
# Subordinators of a clause that happens while its governor does ("While campaigning ..., Trump vowed"): its time
# is the governor's too. A reading, not a measured class: exempting "while" or not moved no event on 840 unseen
# reports (seeds 94000, 94002) nor on the review's (104000).
_SIMULTANEOUS_MARKS = frozenset({"while"})


def _own_time_clause(link: Token) -> bool:
    """Whether ``link`` heads a clause whose time is its own, not its governor's (``_OWN_TIME_CLAUSE_DEPS``; an
    adverbial clause only with a subordinator other than ``_SIMULTANEOUS_MARKS``, or a bare past participle
    adjunct, ``_bare_participle``). An adverbial participle or infinitive happens with its governor ("De Blasio, speaking
    at a police event Monday afternoon, urged"; "met with Trump to discuss Paris on Tuesday"), as a "when" clause
    does, which the parse marks with an adverb ("released guidelines when they reopened in May") and may hang on
    a noun as a relative clause ("would question Barr about the matter when he testifies on March 31", seed
    94003)."""
    if link.dep_ == "advcl":
        simultaneous = all(c.lower_ in _SIMULTANEOUS_MARKS for c in link.children if c.dep_ == "mark")
        return (_subordinated(link) and not simultaneous) or _bare_participle(link)
    if link.dep_ == "relcl" and any(c.lower_ == _WHEN for c in link.children):
        return False
    return link.dep_ in _OWN_TIME_CLAUSE_DEPS


def _deeper_predicate(clause: Token, root: Token) -> Token | None:
    """The first predicate with a time of its own (``_own_time_clause``) on the parse path from a time's words (their
    ``root``) up to the trigger ``clause``, which that time dates rather than the trigger, or None when the path reaches
    the trigger through none. Session 30's review (seed 84000) found 7 of its 8 wrong dates a deeper clause's time taken
    as nearest. Unseen (seeds 94000-94004, 1,543 reports): 197 dates changed, 173 right, 13 wrong, 11 unsure; the last
    draw, made after every narrowing, 36 changed, 31 right, 3 wrong, 2 unsure. First link reached on the path: a
    relative clause 94 times, a content clause 58, a subordinated adverbial clause 44, a bare participle 2, a clausal
    subject 1."""
    word = root
    while word != clause and word.head != word:
        word = word.head
        if word != clause and _own_time_clause(word):
            return word
    return None


# v55 (session 29): clause links across which a clause happens when its governor does: an adverbial infinitive or
# participle ("moved Sunday to expel the ambassador", "sought ... Tuesday, calling on both sides"), a conjunct
# ("moved Sunday to expel ... and declared a freeze") and an open complement ("to avoid inflaming a row ...
# Tuesday"). A trigger takes its governor's date across them when its own clause names none, except across an
# open complement or a past participle adjunct (``_not_yet``); an adverbial clause with a subordinator ("after
# the government implemented ...") has a time of its own.
_TIME_SHARING_DEPS = frozenset({"xcomp", "conj", "advcl"})
# How a time says when a verb's action was: an adverbial ("moved Sunday", "called this year"), or the object of a
# preposition on the verb ("on Thursday", "in March"). A time that is an object ("noting the 60th anniversary"),
# modifies a noun ("Wednesday's bill", "2018 plans") or sits in a relative clause ("the war that ended in 1975")
# dates something else.
# (The parser's labels: "tmod" and "obl" are not among them.) A preposition that bounds the action rather than
# dating it ("have not increased since 1990", "by Nov. 5 Congress must raise", "before the vote") is no date of it:
# on review seed 69100, 2 of 13 wrong inherited dates came through "since" and "by". v57: "through" too ("agreed to
# pledges to cut emissions through 2020", "provided funding through the fiscal year"), and in the trigger's own
# clause as in a governor's: seeds 79001-79002 had 8 own-clause dates under these words, all 8 wrong (5
# "through", 2 "since", 1 "by"); "until" and "after" dated none there, so they stay out.
_ADVERBIAL_TIME_DEPS = frozenset({"npadvmod", "advmod"})
_BOUNDING_PREPS = frozenset({"since", "by", "before", "through"})
# The kinds the times extractor gives a span of time rather than a point (``TimeExpr.time_kind``): "for three
# months" (P3M) and "each month" (P1M, TimeML's set) say how long or how often, never when.
_SPAN_KINDS = frozenset({"duration", "set"})
# How many clause links the walk climbs (the tune half's deepest: calling -> sought, one; Tuesday's inflaming ->
# avoid -> sought, two).
_MAX_TIME_HOPS = 3
# Present-tense tags (a verb's or its auxiliary's) and the adverbs by which a conjunct names a time of its own.
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
_OWN_TIME_ADVERBS = frozenset(
    {"later", "since", "now", "still", "subsequently", "afterwards", "afterward", "eventually"}
)
# The relative adverb by which a clause says when a time noun's time was ("last month when the board passed").
_WHEN = "when"


def _subordinated(clause: Token) -> bool:
    """Whether an adverbial clause opens with a subordinator ("after", "because", "if"): its time is its own."""
    return any(c.dep_ == "mark" for c in clause.children)


def _shares_time(clause: Token) -> bool:
    """Whether ``clause`` happens when its governor does (``_TIME_SHARING_DEPS``, no subordinator)."""
    return clause.dep_ in _TIME_SHARING_DEPS and not (clause.dep_ == "advcl" and _subordinated(clause))


def _bounding_object(root: Token) -> bool:
    """Whether a time's root word is the object of a ``_BOUNDING_PREPS`` preposition."""
    return root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.lower_ in _BOUNDING_PREPS


def _dated_verb(doc: Doc, span: Span) -> Token | None:
    """The verb a time's words date as an adverbial (``_ADVERBIAL_TIME_DEPS``), or None."""
    root = span_root(doc, span.start, span.end)
    if root is None:
        return None
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        if _bounding_object(root):
            return None
        root = root.head
    elif root.dep_ not in _ADVERBIAL_TIME_DEPS:
        return None
    return root.head if root.head.pos_ in ("VERB", "AUX") else None


def _dates_clause_of(verb: Token, head: Token) -> bool:
    """Whether ``verb`` is ``head`` or a clause under it sharing its time, up to ``_MAX_TIME_HOPS`` links below.
    Not through a conjunct: a sibling's time is its own ("pushing through a constitution, passing an edict, and
    appointing governors last week"; "ended up winning ..., and Stevens conceded two weeks after Election Day")."""
    for _ in range(_MAX_TIME_HOPS + 1):
        if verb == head:
            return True
        if not _shares_time(verb) or verb.dep_ == "conj" or verb.head == verb:
            return False
        verb = verb.head
    return False


def _present(verb: Token) -> bool:
    """Whether a verb or one of its auxiliaries is in the present tense ("is refusing", "has made", "runs")."""
    return any(t.tag_ in _PRESENT_TAGS for t in (verb, *(c for c in verb.children if c.dep_ in AUX_DEPS)))


def _not_yet(clause: Token) -> bool:
    """Whether a clause the walk would climb from happens at another time than its governor: an open complement
    ("plan to hold talks", "qualified to nominate", "won't release ... or allow") is wanted, planned or possible
    after it, and a past participle adjunct ("Accused by more than 80 women, Weinstein surrendered Friday")
    tells what was done before it. A conjunct in the present under a governor that is not ("lost a no-confidence
    vote Tuesday, but is refusing to resign", "hosted a fundraiser at the end of June, and McConnell has made
    the maximum donation"), or with an adverb of its own time ("and later sued", "has since occupied"), is
    another time too (review seed 69100: 3 of the 13 wrong dates; none of the 74 right)."""
    if clause.dep_ == "conj" and (
        (_present(clause) and not _present(clause.head))
        or any(c.dep_ == "advmod" and c.lower_ in _OWN_TIME_ADVERBS for c in clause.children)
    ):
        return True
    return clause.dep_ == "xcomp" or (clause.dep_ == "advcl" and clause.tag_ == "VBN")


def _date_value(time: TimeExpr) -> bool:
    """Whether a time names a calendar point ("2018-10-21", "2013-FA", "197"), not a duration ("P3M") or a set."""
    return time.value[:1].isdigit()


def _duration(time: TimeExpr) -> bool:
    """Whether a time is a duration ("P13Y" of "a 13-year path", "PXY" of "for years", "PT2H") or a set ("every
    day", P1D), which says how long or how often, never when: v57, audit seed 79000, 3 of 78 events dated so, all
    wrong (the guide's event dates are calendar values). The times extractor owns the kind (``_SPAN_KINDS``);
    reading it off the value would take "PAST_REF" for one. Review seed 84000 (520 reports): 105 own-clause dates
    changed by this and ``_bounding_object``, 95 right, 7 wrong, 3 unsure; 6 of the wrong ones a second time in the
    clause (a deeper clause's, "the step he did on Friday") taking the duration's place."""
    return time.time_kind in _SPAN_KINDS


def _governor_time(times: tuple[TimeExpr, ...], head: Token, came_from: Token, at: int) -> TimeExpr | None:
    """The date of ``head``'s own clause: a time in its subtree, outside the clause the walk came up from, that
    dates ``head`` or a clause sharing its time as an adverbial (``_dated_verb``, ``_dates_clause_of``: "sought
    ... to avoid inflaming a row ... Tuesday"); the nearest to the trigger."""
    start, end = subtree_range(head)
    skip_start, skip_end = subtree_range(came_from)
    found = []
    for s, t in _TIME_SPANS.of(times).overlapping(start, end):
        if not (start <= s.start and s.end <= end) or skip_start <= s.start < skip_end or not _date_value(t):
            continue
        verb = _dated_verb(head.doc, s)
        if verb is not None and _dates_clause_of(verb, head):
            found.append(t)
    return min(found, key=lambda t: (abs(t.start - at), t.start)) if found else None


def _when_time(times: tuple[TimeExpr, ...], clause: Token) -> TimeExpr | None:
    """The time a "when" relative clause hangs on ("last month when the board passed a resolution")."""
    if clause.dep_ != "relcl" or not any(c.lower_ == _WHEN for c in clause.children):
        return None
    noun = clause.head
    found = [t for _s, t in _TIME_SPANS.of(times).overlapping(noun.idx, noun.idx + len(noun.text)) if _date_value(t)]
    return found[0] if found else None


def _premodifier_time(times: tuple[TimeExpr, ...], trigger: Trigger) -> TimeExpr | None:
    """A date written before a trigger's event noun ("an Aug. 15 executive order issued by the governor"), when
    the noun stands outside the verb's clause (a participle's noun, a light verb's object)."""
    for word in (trigger.first, trigger.obj):
        if word is None or word == trigger.verb or word.pos_ not in ("NOUN", "PROPN"):
            continue
        start, end = word.left_edge.idx, word.idx
        found = [
            t
            for s, t in _TIME_SPANS.of(times).overlapping(start, end)
            if start <= s.start and s.end <= end and _date_value(t)
        ]
        if found:
            return found[-1]
    return None


def _inherited_time(times: tuple[TimeExpr, ...], trigger: Trigger, at: int) -> TimeExpr | None:
    """v55: the date of a trigger whose own clause names none: one written before its event noun, else up
    through the clauses that share their governor's time (``_TIME_SHARING_DEPS``) to the first that names one,
    else the time noun a "when" clause holding the trigger hangs on. On the tune half 5 of the 7 wrong dates were
    such a governor's (None before); unseen check: docs/history/events-and-places.md, session 29."""
    if (time := _premodifier_time(times, trigger)) is not None:
        return time
    clause = trigger.verb
    for _ in range(_MAX_TIME_HOPS):
        head = clause.head
        if head == clause or not _shares_time(clause) or _not_yet(clause):
            break
        if (time := _governor_time(times, head, clause, at)) is not None:
            return time
        clause = head
    # A "when" clause dates all it holds, however deep ("last month when the board passed a resolution declaring
    # ... and ordered city employees").
    return next((t for a in [trigger.verb, *trigger.verb.ancestors] if (t := _when_time(times, a)) is not None), None)


# ------------------------------------------------------------------------------------------------ records


def events_in(article: Article, doc_tokens: list[Token], prior: Analysis) -> Iterator[Event]:
    """Events for the given tokens (a whole document, or one sentence); an occurrence the text reports again
    ("Trump will sign the order ...", later "Trump will sign the order in Wisconsin") is one event whose
    spans are every mention, as a reader counts it once."""
    merged: dict[Hashable, list[tuple[frozenset[str], Event]]] = {}
    order: list[tuple[Hashable, int]] = []
    for trigger, event in lexicon_events(article, doc_tokens, prior):
        key, objects = _occurrence(trigger, event)
        seen = merged.setdefault(key, [])
        same = next((i for i, (o, _e) in enumerate(seen) if not (o and objects) or o & objects), None)
        if same is None:
            seen.append((objects, event))
            order.append((key, len(seen) - 1))
        else:
            first_objects, first = seen[same]
            seen[same] = (first_objects | objects, _mentioned_again(first, event))
    for key, index in order:
        yield merged[key][index][1]


def _alias_person(actor: Actor, head: Token, entities: tuple[Entity, ...]) -> Entity | None:
    """v50: a surname the tagger read as a common word ("Trump won the state", "Page has denied serving", "Sessions
    stepped down": "trump", "page" and "sessions" are nouns) is no mention the entities hold, so the actor names
    no one and is dropped as a thing. A bare capitalised head, with no entity of the model over it and no word of
    its own phrase before it, that spells an alias of one person the article names in full ("Donald Trump"), and of
    no other, is that person (the article's own names: no word list). A person named in full only: a one-word
    name the model missed is as often a programme, a product or a company ("Race to the Top ... has helped
    states", read as a person "Race"; "Theranos offered lower prices"). v51: the actor is then made as one the
    entity covers (``make_actor``'s ``named``), so that its sector comes from the person's office as well; and
    the head is the name's last word, the surname the rule serves, not any alias: a first word matched "Replay"
    to a "person" "Replay More Videos" the model made of a video player's caption."""
    if actor.entity is not None or head.pos_ == "PROPN" or head.ent_type_ or not head.text[:1].isupper():
        return None
    if any(c.i < head.i for c in head.children):
        return None
    named = {
        e.name: e
        for e in entities
        if e.type == "PERSON" and " " in e.name and _surname(e.name) == head.text and head.text in e.aliases
    }
    return next(iter(named.values())) if len(named) == 1 else None


def _surname(name: str) -> str:
    """The last word of a person's full name (``_alias_person``)."""
    return name.rsplit(" ", 1)[-1]


def _subject_actor(head: Token, article: Article, entities: tuple[Entity, ...]) -> Actor:
    """The actor a subject head names, a surname read as a common word included (``_alias_person``)."""
    actor = make_actor(head, article, entities)
    person = _alias_person(actor, head, entities)
    return actor if person is None else make_actor(head, article, entities, named=person)


def _occurrence(trigger: Trigger, event: Event) -> tuple[Hashable, frozenset[str]]:
    """What makes two mentions one occurrence: the same action (lemma, type, negation) by the same actors,
    and the heads of its objects, of which two mentions of one occurrence share one (or one names none).
    A pronoun actor names no one by itself, so an event of "he" or "they" stays its own."""
    heads = frozenset(_lemma(t) for t in targets(trigger, subjects(trigger.verb)[1]))
    objects = frozenset({_lemma(trigger.obj)}) if trigger.obj is not None else heads
    if any(_unresolved(a) for a in event.actors):
        return event.start, objects
    actors = frozenset((a.entity or a.text).lower() for a in event.actors)
    return (event.lemma, event.type, event.negated, actors), objects


def _mentioned_again(first: Event, again: Event) -> Event:
    """The first mention's event with a later mention's span, and its place and date where the first had none."""
    return replace(
        first,
        spans=(*first.spans, *again.spans),
        place=first.place or again.place,
        place_id=first.place_id if first.place else again.place_id,
        date=first.date or again.date,
    )


def lexicon_events(article: Article, doc_tokens: list[Token], prior: Analysis) -> Iterator[tuple[Trigger, Event]]:
    """Events typed by the lexicon, each with its trigger (whose parse the typing experiments read,
    dateline.train.events)."""
    entities = prior.entities
    tags = party_tags(article.text, prior.places, entities)
    scene = _untagged(prior.places, tags)
    home = _report_country(prior.places)
    stated: dict[str, str | None] = {}
    for token in doc_tokens:
        trigger = find_trigger(token) or nominal_trigger(token)
        if (
            trigger is None
            or _hypothetical(trigger.verb)
            or _habitual(trigger.verb)
            or _folded(trigger.verb)
            or _asked(trigger.verb)
        ):
            continue
        if _quoted(prior.statements, trigger.verb) and not _narrated_speech_act(trigger, article.text):
            continue
        if article.in_credits(trigger.verb.idx) or article.in_label(trigger.verb.idx) or _as_phrase(trigger.verb):
            continue
        if trigger.verb.ent_type_ in _TITLE_ENTS:
            continue
        if (
            _conditional(trigger.verb, prior.statements)
            or _forecast(trigger.verb, prior.statements, prior.times, prior.entities)
            or _everyday_sense(trigger)
            or _effort(trigger)
            or _source_condition(trigger)
        ):
            continue
        caused = _caused_participle(trigger.verb)
        if _shared_view(trigger) or (caused and _unrealised_cause(trigger.verb.head, prior.statements)):
            continue
        if _refused_speech(trigger) or _unrealised_governor(trigger.verb, prior.statements):
            continue
        if _unreal_infinitive(trigger.verb, prior.statements, prior.times, prior.entities):
            continue
        caused_targets: list[Token] = []
        if caused:
            (subject_heads, caused_targets), passive = _causative_roles(trigger.verb), True
        else:
            subject_heads, passive = subjects(trigger.verb)
        if passive and not subject_heads and trigger.type == _ATTACK_TYPE:
            subject_heads = _deed_of(trigger.verb)
        subject_heads = _past_opening(subject_heads, article)
        # A reported obligation is the sayer's request of the obliged (PLOVER GSR: "(SRC: Russia) said that
        # (TAR: Sudan) must return"): the reporting verb's subject acts, the obligation's subject is asked, and
        # with no one obliged who can act ("jobs must be created") nobody is asked: no request.
        obliged = [h for h in subject_heads if is_agent(make_actor(h, article, entities), h, trigger.type)]
        if trigger.obliged:
            if not obliged:
                continue
            subject_heads, passive = subjects(trigger.verb.head)
        # A date or a time is never who acted ("House Democrats on Friday voted ..., rejecting": the parse may make
        # "Friday" a subject); a figure may be ("hundreds of them stormed").
        made = [
            (_subject_actor(h, article, entities), h)
            for h in subject_heads
            if h.ent_type_ not in _WHEN_ENTS or _spilled_date(h, article)
        ]
        # No one who can act, no event: "were killed" alone is left to claims, "the policy allows" is no action.
        actors = _resolve_pronouns(
            tuple((a, h) for a, h in made if is_agent(a, h, trigger.type)), prior.statements, entities
        )
        actors = tuple(_antecedent_actor(a, entities, article=article, doc=trigger.verb.doc) for a in actors)
        if not actors or all(_unresolved(a) for a in actors):
            continue
        target_heads = obliged if trigger.obliged else caused_targets or targets(trigger, passive)
        if _prediction(trigger, subject_heads, target_heads):
            continue
        if not _addressed(trigger, target_heads) or _question(trigger):
            continue
        patient_heads = target_heads or _complement_targets(trigger, subject_heads)
        target_actors = tuple(make_actor(h, article, entities) for h in patient_heads)
        countries = _sentence_countries(prior.places, trigger.verb)
        actors = _tagged_country(_reporter_country(actors, trigger.verb, article, entities), tags)
        actors = _stated(actors, trigger.verb.doc, entities, stated)
        actors = _owner_country(actors, trigger.verb.doc, article, entities, stated)
        fallback = _actor_fallback(prior.places, trigger.verb, patient_heads, countries)
        actors = _visitors(actors, entities, prior.places, trigger.verb, fallback)
        actors = _with_country(actors, fallback, home, trigger.verb.doc)
        own = {a.country for a in actors if a.country}
        acting = frozenset(a.entity for a in actors if a.entity)
        target_actors = tuple(
            _antecedent_actor(t, entities, acting) if t.text.lower() in _TARGET_PRONOUNS else t for t in target_actors
        )
        things = _sentence_countries(scene, trigger.verb, index=_SCENE_SPANS) if tags else countries
        target_actors = _stated(_tagged_country(target_actors, tags), trigger.verb.doc, entities, stated)
        target_actors = _owner_country(target_actors, trigger.verb.doc, article, entities, stated)
        target_actors = _target_countries(target_actors, patient_heads, own, countries, things, home)
        target_actors = _actors_own(target_actors, trigger.verb.doc, actors)
        kind, mode = decide_type(trigger, actors[0].country, target_heads)
        # Asked of the decided type ``kind``: a lexicon type that decide_type takes away leaves an untyped event.
        if _speech_cue(trigger, kind, prior.statements):
            continue
        yield trigger, _event(article, prior, trigger, kind, mode, actors, target_actors, scene)


# What a consent verb consents to when it is an act: an object, an infinitive, "to" or "on" terms.
_CONSENT_TERMS = frozenset({"to", "on"})


def _shared_view(trigger: Trigger) -> bool:
    """ "agreed that there needs to be better vetting", "seemed to agree that it hit home", "accepted that the
    plan had failed": a verb of consent whose only complement is a finite clause with no intention in it shares
    a view, a statement; PLOVER's AGREE and CONCEDE consent to act or to terms ("agreed to buy", "agreed to a
    settlement", "accepted the offer", "agreed that Iran would halt enrichment": an intention, kept)."""
    verb = trigger.verb
    if trigger.lemma not in lexicon().consent_verbs or trigger.last is not verb:
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses or any(
        c.dep_ in (*_OBJ, "xcomp") or (c.dep_ == "prep" and c.lower_ in _CONSENT_TERMS) for c in verb.children
    ):
        return False
    # An elided clause leaves its modal as head ("agreed that they would"): the intention all the same.
    intended = any(_intent(c) or c.lower_ in lexicon().intent_markers for c in clauses)
    return not intended and not _agreed_terms(verb, clauses)


def _agreed_terms(verb: Token, clauses: list[Token]) -> bool:
    """ "Russia has agreed that Syria must give up its weapons", "the team agreed that Trump could answer in
    writing": a past or perfect consent to a clause under a modal of obligation or permission settles terms, an
    event; the present "we agree that we should proceed" shares a view, and so does a copular clause, which
    judges what is ("agreed that the policies could be fertile ground")."""
    return verb.tag_ in _PAST_TAGS and any(
        _lemma(clause) != "be" and any(c.dep_ == "aux" and c.lower_ in lexicon().terms_modals for c in clause.children)
        for clause in clauses
    )


def _caused_participle(verb: Token) -> bool:
    """ "had the journalist jailed", "get it signed into law", "have the ban lifted": a causative verb's past
    participle complement is done to the noun before it (the parse makes that noun the participle's subject);
    the noun is no doer (its roles: _causative_roles)."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "ccomp"
        and _lemma(verb.head) in lexicon().causative_verbs
        and any(c.dep_ in _SUBJ and c.i < verb.i for c in verb.children)
        and not any(c.dep_ in AUX_DEPS or c.dep_ in _OBJ for c in verb.children)
    )


# The tags of a finite verb, past or present: "had the journalist jailed", "gets the bill passed".
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _unrealised_cause(causer: Token, statements: tuple[Statement, ...]) -> bool:
    """ "could have the ban lifted", "if he gets the bill signed": the causative verb's own mood decides whether
    the caused deed happened, as the participle has none of its own. A conjunct with no subject of its own
    shares its first conjunct's ("have yet to approve one bill and get it signed")."""
    if causer.dep_ == "conj" and not any(c.dep_ in _SUBJ for c in causer.children):
        return _unrealised_cause(causer.head, statements)
    # Only a finite, affirmed causative reports the deed done: an infinitive or a gerund is a purpose, a request
    # or a wish ("to have Mueller fired", "pushing to have that passed", "getting himself elected").
    finite = causer.tag_ in _FINITE_TAGS or (causer.tag_ == "VBN" and any(c.dep_ == "aux" for c in causer.children))
    return (
        not finite
        or any(c.dep_ == "neg" for c in causer.children)
        or _hypothetical(causer)
        or _habitual(causer)
        or _conditional(causer, statements)
        or _unrealised_governor(causer, statements)
    )


def _causative_roles(participle: Token) -> tuple[list[Token], list[Token]]:
    """Who did a caused deed and to whom: "the king had the journalist jailed" (the causer acts on the noun
    before the participle), "had their coverage cancelled by the law" (a "by" phrase names the doer). "Have"
    with the subject's own thing ("had their coverage cancelled", "having their bonds downgraded") is suffered,
    not caused: with no "by" phrase the clause names no doer."""
    patients = [c for c in participle.children if c.dep_ in _SUBJ and c.i < participle.i]
    doers = [g for c in participle.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if doers:
        return doers, patients
    if any(c.dep_ == "poss" for p in patients for c in p.children):
        return [], patients
    # "got himself killed": the subject undergoes the deed, nobody named does it.
    if any(p.lower_.endswith(("self", "selves")) for p in patients):
        return [], patients
    return subjects(participle.head)[0], patients


def _deed_of(verb: Token) -> list[Token]:
    """The violent deed a passive act of violence happened in ("three civilians have been killed in a suicide
    car bombing"): the deed is its actor, as "a suicide car bombing killed three civilians" makes it (violence is
    coded with the deed as actor, event_classes.is_agent)."""
    return [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "in"
        for g in c.children
        if g.dep_ == "pobj" and _attack_noun(g)
    ]


def _attack_noun(noun: Token) -> bool:
    """Whether a noun names an act of violence (``_act_noun_type`` ASSAULT: "bombing", "war")."""
    return (_act_noun_type(_lemma(noun)) or (None, None))[0] == _ATTACK_TYPE


def _someone(head: Token) -> bool:
    """Whether a patient names someone: a named person, organisation or state, a people or agent noun
    ("hostages", "prisoners", "protesters"), a sector noun ("troops") or a personal pronoun."""
    return _names_someone(head, agent_noun)


def _names_someone(head: Token, agent: Callable[[Token], bool]) -> bool:
    """The test ``_someone`` and ``_clause_someone`` share; ``agent`` says which common nouns are doers."""
    if head.pos_ == "PRON":
        return head.lower_ in _PERSONAL_PATIENTS
    lemma = head.lemma_.lower()
    return (
        head.ent_type_ in AGENT_ENTS
        or agent(head)
        or head_sector(head) is not None
        or lemma in party_nouns()
        or head.lower_ in party_nouns()
    )


def _clause_someone(head: Token) -> bool:
    """Whether a content clause's patient names someone: a named person, organisation, state or people, a
    listed agent noun ("committee", "regime"), a title or standing noun ("judge", "critic": ``_person_noun``), a
    sector noun ("troops", "government"), a party noun, a personal pronoun, or a plural with an agent suffix
    ("bloggers", "immigrants"). A singular "-er"/"-or" noun is mostly a thing here ("challenging the executive
    order", "cutting the number of", "condemning the murder of"), and a singular person is named by a title;
    docs/extractors.md (events.rules v35) has the counts."""
    return _names_someone(head, _clause_agent)


def _clause_agent(head: Token) -> bool:
    """A content clause's doer noun: a listed agent noun, a title or standing noun, or a plural with an agent
    suffix (see ``_clause_someone``)."""
    return (
        (head.pos_ == "NOUN" and head.lemma_.lower() in AGENT_NOUNS)
        or (agent_noun(head) and "Plur" in head.morph.get("Number", []))
        or _person_noun(head)
    )


def _patients(verb: Token) -> list[Token]:
    """What the verb is done to, or for whom: its direct and indirect objects, its passive subject or the noun a
    participle modifies ("a survey released Wednesday"), and the objects of its participant prepositions
    ("fought for the cause", "fought with the police", "delivered food to the refugees")."""
    found = [c for c in verb.children if c.dep_ in _DIRECT_OBJ]
    found += [_relative_name(c) or antecedent(c) for c in verb.children if c.dep_ in _PASSIVE_SUBJ]
    if not found and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head != verb:
        found.append(verb.head)
    return found + [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in _PATIENT_PREPS
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _everyday_sense(trigger: Trigger) -> bool:
    """A verb of a type in plover.yaml's everyday_sense_types used in its everyday sense: everything it is done to
    or for is a thing, no party ("delivered a speech", "contributed to the report", "held the view";
    event_classes.is_party). A thing given to a party stays an event ("delivered food to the refugees")."""
    if trigger.obj is not None or trigger.lemma not in lexicon().verbs:
        return False
    key = f"{trigger.type}/{trigger.mode}" if trigger.mode else trigger.type
    everyday = lexicon().everyday_sense
    if trigger.type not in everyday and key not in everyday:
        return False
    patients = _patients(trigger.verb)
    required = trigger.type in lexicon().patient_required or key in lexicon().patient_required
    if not patients:
        # "Bandemer held that courts were open": a detention verb with a content clause and no one detained
        # states a ruling or a view (plover.yaml ``patient_required_types``). Without the clause, a patient
        # the parse missed may be there ("kidnapped up to 16 advisers": "up" parsed as a particle).
        return required and any(c.dep_ == "ccomp" for c in trigger.verb.children)
    if required:
        holders = subjects(trigger.verb)[0]
        owning = trigger.lemma in lexicon().owning
        return not any(_detainee(p, holders, owning) for p in patients)
    nouns = lexicon().nouns.keys()
    return not any(is_party(p, nouns) for p in patients)


def _detainee(patient: Token, holders: list[Token], owning: bool = True) -> bool:
    """Whether a detention verb's patient is someone detained: someone (``_someone``: "held the villagers", "held
    them", "held two Americans"), or someone's people ("the rebels held his two sons"). A place, an amount, an
    event or a thing is held in the everyday sense ("held senior U.S. intelligence positions", "held a 45% to 42%
    lead"), and so, for a verb that also means owning (``owning``: plover.yaml ``owning_verbs``, "hold"), is what
    the holders hold of their own ("Democrats held their conventions", "it will hold its convention", "the GOP held
    theirs"): the owner that makes "suspended Egypt's membership" a sanction of Egypt is no detainee. A possessive
    pronoun is read as the holders' when its number is theirs (the parse has no coreference); a noun for a person
    (`_person_noun`: "held its opponents") is detained whoever owns it. "Detain", "kidnap" and "abduct" have no
    owning sense: what they take is someone's ("detained their relatives")."""
    if patient.pos_ == "PRON" and patient.lower_ in OWNED_PRONOUNS:
        return False
    if _someone(patient) or (patient.pos_ == "PROPN" and not patient.ent_type_):
        # A proper noun no entity covers is most often a name the model missed ("kidnapped Abdi Farah").
        return True
    if patient.pos_ == "NUM" or patient.ent_type_ == "CARDINAL":
        # A bare count is of people ("killing one person and arresting 12"), unless its "of" says of what
        # ("held 300 of the ballots").
        counted = _prep_objects(patient, ("of",))
        return not counted or any(_detainee(c, holders, owning) for c in counted)
    owners = [c for c in patient.children if c.dep_ == "poss" and (c.pos_ == "PRON" or _someone(c))]
    if owners and (not owning or _person_noun(patient)):
        return True
    number = _number(holders)
    return any(not (c.pos_ == "PRON" and number is not None and number in _numbers(c)) for c in owners)


def _person_noun(head: Token) -> bool:
    """Whether a common noun names a person by a title or by how they stand to someone: the last words of the
    offices' titles (`title_heads`: "its envoy"), and the entity lexicon's ``standing_nouns`` ("critic",
    "opponent", "ally", "supporter") and ``relative_nouns`` ("son", "wife"; data/entities_lexicon.yaml)."""
    lemma = head.lemma_.lower()
    lex = offices_lexicon()
    return head.pos_ == "NOUN" and (
        lemma in title_heads() or lemma in lex.standing_nouns or lemma in lex.relative_nouns
    )


def _numbers(token: Token) -> list[str]:
    return [str(n) for n in token.morph.get("Number", [])]


def _number(heads: list[Token]) -> str | None:
    """The grammatical number of a subject: plural when coordinated ("Republicans and Democrats"), else its head's."""
    if len(heads) > 1:
        return "Plur"
    return next(iter(_numbers(heads[0])), None) if heads else None


def _refused_speech(trigger: Trigger) -> bool:
    """Whether a refusal refuses only to speak ("declined to comment", "refused to say whether ...", "declined to
    answer questions"): declining comment is a statement (CAMEO 011, which PLOVER leaves out), not PLOVER's
    REJECT of a request, proposal or demand (``declined_comment_verbs`` in data/plover.yaml; "refused to agree",
    "refused to discuss" -- negotiation -- and "refusing to answer requests" stay REJECT)."""
    lex = lexicon()
    if trigger.type != "REJECT" or lex.governors.get(trigger.lemma) != "REJECT":
        return False
    refused = [c for c in trigger.verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    return bool(refused) and all(
        _lemma(c) in lex.declined_comment and not _known_conjunct(c) and not _answers_an_act(c) for c in refused
    )


def _answers_an_act(verb: Token) -> bool:
    """Whether a speech verb answers a request ("refusing to answer requests from Congress": the requests are
    refused, a REJECT), not a question ("declined to answer questions"): its object is a noun the lexicon types
    REQUEST (request, demand, call, appeal)."""
    nouns = lexicon().nouns
    return any((nouns.get(_lemma(o)) or (None, None))[0] == _REQUEST_TYPE for o in _objects(verb))


def _known_conjunct(verb: Token) -> bool:
    """Whether a refused speech verb is coordinated with an act ("declined to confirm or approve"): then the
    refusal is of the act too."""
    return any(_lemma(c) in lexicon().verbs for c in verb.conjuncts)


def _effort(trigger: Trigger) -> bool:
    """ "fought to keep the plane flying", "are fighting to prevent Mr Bolton being called": a verb of violence
    with a "to" infinitive names the effort toward an aim (the infinitive says what is striven for), not
    violence against someone, which takes an object or "against"/"with" ("fought the rebels", "fought with
    the police")."""
    if trigger.type != _ATTACK_TYPE or _objects(trigger.verb) or trigger.last is not trigger.verb:
        # "opened fire to disperse the demonstrators": violence done, with its purpose.
        return False
    return any((c.dep_ == "xcomp" and _to_infinitive(c)) or _purpose(c) for c in trigger.verb.children)


def _prediction(trigger: Trigger, subject_heads: list[Token], target_heads: list[Token]) -> bool:
    """ "He warned that the virus is spreading": a warning addressed to no one, whose content is what someone
    else will do or what will happen, is a prediction (a statement), not a THREATEN event. PLOVER's THREATEN is a
    threat of the actor's own action ("warned they won't support the bill") or one made to someone ("warned
    the governor")."""
    if trigger.type != "THREATEN" or trigger.obj is not None or target_heads:
        return False
    contents = [c for c in trigger.verb.children if c.dep_ == "ccomp"]
    if not contents:
        return False
    own = {t.lower_ for t in subject_heads}
    return all(
        not any(s.dep_ in _SUBJ and (s.pos_ == "PRON" or s.lower_ in own) for s in clause.children)
        for clause in contents
    )


def _reporter_country(
    actors: tuple[Actor, ...], verb: Token, article: Article, entities: tuple[Entity, ...]
) -> tuple[Actor, ...]:
    """A pronoun actor inside what someone said takes the sayer's country ("Chilean miners said they
    had accused ...": they are the Chilean miners), the reading English gives a subject pronoun of a
    reported clause when no other antecedent comes between."""
    if all(a.country or a.text.lower() not in AGENT_PRONOUNS for a in actors):
        return actors
    clause = verb
    while clause.dep_ in ("ccomp", "conj", "xcomp") and clause.head != clause:
        clause = clause.head
    sayers = (
        [c for c in clause.children if c.dep_ in _SUBJ and c.pos_ in ("PROPN", "NOUN")] if clause is not verb else []
    )
    country = make_actor(sayers[0], article, entities).country if sayers else None
    if country is None:
        return actors
    return tuple(
        replace(a, country=country) if not a.country and a.text.lower() in AGENT_PRONOUNS else a for a in actors
    )


def _complement_targets(trigger: Trigger, subject_heads: list[Token]) -> list[Token]:
    """Targets a trigger's complement names when the trigger has none of its own: the subject of what is
    demanded ("demanded that the US cancel", "its demand that Norway end") and the object or participant
    preposition of what is threatened, promised or refused ("threatened to cut relations with Portugal",
    "offered to sell to Japan"): the actor acts on them through the complement."""
    heads = [trigger.verb] + ([trigger.obj] if trigger.obj is not None else [])
    found: list[Token] = []
    for head in heads:
        for child in head.children:
            if child.dep_ in ("ccomp", "acl") and not any(
                m.dep_ == "mark" and m.lower_ in QUESTION_MARKS for m in child.children
            ):
                found += [c for c in child.children if c.dep_ in _SUBJ]
    if not found and trigger.obj is not None:
        # Someone only, conjunct by conjunct: a thing the content names ("resolutions condemning the massacre",
        # "condemning Russia and the invasion") is no participant. Trigger.obj is set by _light_verb_trigger
        # and _spoken_act_trigger, so the noun is a light verb's or a tweeted act's event noun.
        content = [
            t
            for clause in _content_participles(trigger.obj)
            for g in _clause_patients(clause)
            for t in _someone_conjuncts(_with_conjuncts(g))
        ]
        if content:
            return _participants(content, subject_heads)
    verb = trigger.verb
    for _ in range(_MAX_SUBJECT_HOPS):
        if found:
            break
        verb = next((c for c in verb.children if (c.dep_ == "xcomp" or _purpose(c)) and not _split_prefix(c)), verb)
        if verb is trigger.verb:
            break
        found += _objects(verb) + [
            g
            for c in verb.children
            if c.dep_ in ("prep", "dative") and c.lower_ in _TARGET_PREPS
            for g in c.children
            if g.dep_ == "pobj"
        ]
    return _participants([t for f in found for t in _with_conjuncts(f)], subject_heads)


def _someone_conjuncts(heads: list[Token]) -> list[Token]:
    """The conjuncts of a content clause's patient that name someone: each by ``_clause_someone``, and a proper
    name listed beside someone ("asking BangBros, Porn Hub and other sites": a site's name the model tags no
    organisation), never a common noun that names none ("condemning Russia and the invasion")."""
    named = [_clause_someone(t) for t in heads]
    anyone = any(named)
    return [t for t, someone in zip(heads, named, strict=True) if someone or (anyone and t.pos_ == "PROPN")]


def _participants(heads: list[Token], subject_heads: list[Token]) -> list[Token]:
    """The heads that may be targets: nouns and names, none of them the actor's own, no date or amount."""
    own = {t.i for t in subject_heads}
    return [t for t in heads if t.i not in own and t.pos_ in ("PROPN", "NOUN") and t.ent_type_ not in _NOT_PARTICIPANTS]


def _content_participles(noun: Token) -> list[Token]:
    """The present participles that say what a light verb's event noun does ("issued a statement condemning
    Russia", "passed a resolution declaring the group a terrorist organization", "filed a suit challenging the
    law"): the participle clause is the noun's content, as a that-clause is a demand's. ``noun`` is a
    ``Trigger.obj``, which only ``_light_verb_trigger`` sets; a caller with any other noun reads any noun's
    participle as its content, which this rule was not measured on."""
    return [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBG"]


def _clause_patients(clause: Token) -> list[Token]:
    """Whom a content clause acts on: its objects and participant prepositions ("condemning [Russia]",
    "calling on [the city]"; no origin or result, ``_CLAUSE_TARGET_PREPS``), the subject of any clausal complement,
    a small clause ("declaring [the group] a terrorist organization") or a finite one ("arguing that [the
    president] had violated"),
    and failing those, the same of the infinitives it governs ("seeking to overturn [the order]"). With two
    objects, the recipient only: "declaring Portugal a threat" may parse as "gave Portugal aid" does, and the
    second object is what, not whom; an "attr" or "oprd" is a predicate, never a patient."""
    verb = clause
    for _ in range(_MAX_SUBJECT_HOPS):
        datives = [c for c in verb.children if c.dep_ == "dative"]
        found = (
            (datives or [c for c in verb.children if c.dep_ == "dobj"])
            + _prep_objects(verb, _clause_preps(verb))
            + [s for c in verb.children if c.dep_ == "ccomp" for s in c.children if s.dep_ in _SUBJ]
        )
        following = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if found or following is None:
            return found
        verb = following
    return []


def _clause_preps(verb: Token) -> frozenset[str]:
    """The prepositions whose objects a content clause's ``verb`` acts on: a request's include "from"."""
    typed = lexicon().verbs.get(_lemma(verb))
    return _REQUEST_TARGET_PREPS if typed is not None and typed[0] == _REQUEST_TYPE else _CLAUSE_TARGET_PREPS


def _purpose(clause: Token) -> bool:
    """An infinitive of purpose ("opened fire to disperse the demonstrators", "staged demonstrations to demand
    reforms"): whom the action is meant to act on is the action's target."""
    return clause.dep_ == "advcl" and _to_infinitive(clause)


def _addressed(trigger: Trigger, target_heads: list[Token]) -> bool:
    """A request is made *to* someone: "asked DOL for", "urged the Saudi authorities to", "called on both
    sides". A request verb with no addressee who can act is an attempt ("sought to avoid", "a lawsuit seeking
    to overturn") or an interviewer's question ("Baier asked about"), not a REQUEST event (PLOVER manual,
    REQUEST: an actor asks another actor). The addressee is any participant the parse finds (object or
    "on"/"to"/... object) or what is asked for, as long as it is not a pronoun for a thing. Light-verb requests
    ("submitted a request to") and reported obligations name their addressee elsewhere and are kept, and so is a request whose complement says who
    must act ("demanded that the US cancel"). An agreement likewise is with someone, on something or to do
    something: "Evans agreed, telling reporters" agrees with an opinion."""
    if trigger.type not in _NEEDS_COUNTERPART or trigger.obj is not None or trigger.lemma not in lexicon().verbs:
        return True
    if any(_proposal(c, trigger.type) for c in trigger.verb.children):
        return True
    return any(h.lower_ not in _NOT_ADDRESSEES for h in target_heads + _requested(trigger.verb))


def _question(trigger: Trigger) -> bool:
    """ "When I asked Berenson whether weed was ...", "Asked why he gerrymandered ...": a request verb whose
    content is an embedded question (a clause opened by "whether"/"if" or a wh-word) asks for an answer, a
    speech act statements.rules records, not a REQUEST event (PLOVER REQUEST: asking another actor to act or
    to give something). A request for something ("asked DOL for $36 billion") stays one."""
    if trigger.type != _REQUEST_TYPE or trigger.obj is not None or _requested(trigger.verb):
        return False
    return any(c.dep_ == "ccomp" and _interrogative(c) for c in trigger.verb.children)


def _asked(verb: Token) -> bool:
    """ "Will future presidents take the threat of impeachment seriously?", "or will they accept that ...?", "will
    the state seek more nullification measures?": an action the report itself asks a yes/no question about (its
    auxiliary before its subject, its sentence ending in a question mark) is asked about, not reported as done.
    A clause inside the question stays reported ("Remember last month when the board passed a resolution ...?"),
    and so does a wh-question's action, which it takes as done ("How did the company defend itself?"); a
    question someone is quoted asking is that speaker's words already (_quoted)."""
    if not _ends_in_question_mark(verb.sent):
        return False
    for clause in _governors(verb, lambda t: t.dep_ in ("xcomp", "conj")):
        subject = next((c for c in clause.children if c.dep_ in _SUBJ or c.dep_ in _PASSIVE_SUBJ), None)
        if subject is not None:
            first = clause.sent[0]
            return first.tag_ not in _WH_TAGS and any(c.dep_ in AUX_DEPS and c.i < subject.i for c in clause.children)
    return False


_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


def _ends_in_question_mark(sentence: Sentence) -> bool:
    """Whether the sentence's last mark, closing quotes and brackets aside, is a question mark."""
    for token in reversed(sentence):
        if token.text == "?":
            return True
        if not (token.is_space or token.is_punct):
            return False
    return False


def _interrogative(clause: Token) -> bool:
    """Whether a content clause is an embedded question: its first word is "whether"/"if" or a wh-word."""
    first = min(clause.subtree, key=lambda t: t.i)
    return first.lower_ in QUESTION_MARKS or first.tag_ in _WH_TAGS


def _requested(verb: Token) -> list[Token]:
    """What a request is for ("asked for a bailout", "pressed for new talks"): a request for something is one
    even when no addressee is named; a "for" phrase of time ("sought for a second day") is not."""
    return [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "for"
        for g in c.children
        if g.dep_ == "pobj" and g.ent_type_ not in _NOT_PARTICIPANTS
    ]


def _proposal(child: Token, kind: str | None) -> bool:
    """A complement that says what is asked or agreed: "agreed to share", "demanded that the US cancel".
    "asked if ..." / "asked whether ..." is a question, not a demand; a request's infinitive with no one
    asked is the actor's own attempt ("sought to avoid")."""
    if child.dep_ == "xcomp":
        return kind == "AGREE"
    # A noun's content clause ("Canada's demand that the Saudis free ...") is parsed as a clause modifying it.
    content = child.dep_ == "ccomp" or (
        child.dep_ == "acl" and child.head.pos_ == "NOUN" and any(m.dep_ == "mark" for m in child.children)
    )
    return content and not any(m.dep_ == "mark" and m.lower_ in QUESTION_MARKS for m in child.children)


def _folded(verb: Token) -> bool:
    """One event per predicate: a complement of another trigger is part of that trigger's event ("urged X to
    release" is the REQUEST, "refused to discuss" the REJECT, "denied a request ... to dismiss" the REJECT), as
    the governors' typing already says. Complements of verbs that are no event ("moved to expel", "attempted
    to interfere") stay events, and so do complements of a request with no addressee ("seeks to block")."""
    head = verb.head
    if head != verb and verb.dep_ == "ccomp" and _lemma(head) in lexicon().governors:
        # "demanded that the company return the land": the return is what is demanded.
        governor = find_trigger(head)
        return governor is not None and _addressed(governor, targets(governor, subjects(head)[1]))
    if head == verb or verb.dep_ not in _COMPLEMENT_DEPS:
        return False
    if verb.dep_ != "xcomp" and not _to_infinitive(verb):
        return False
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ in (*_OBJ, "pobj"):
        head = head.head.head if head.dep_ == "pobj" else head.head
    governor = find_trigger(head)
    if governor is None:
        return False
    passive = subjects(head)[1]
    return _addressed(governor, targets(governor, passive))


def _habitual(verb: Token) -> bool:
    """ "a program which allows workers in", "the policy violates the clause": a verb in the simple present
    with no auxiliary states a standing rule or habit, not an occurrence (news reports occurrences in the
    past, the perfect, the progressive or the future). An infinitive complement or purpose of such a verb is
    part of the habit ("voters who tend to agree", "states require providers to warn")."""
    return _present_passive(verb) or any(
        current.tag_ in ("VBZ", "VBP") and not any(c.dep_ in AUX_DEPS for c in current.children)
        for current in _governors(verb, lambda t: t.dep_ == "xcomp" or _purpose(t))
    )


def _present_passive(verb: Token) -> bool:
    """ "some of which are opposed by interest groups", "groups which are funded by donors", "the idea is backed
    by conservative groups": the simple present passive ("is"/"are" and a participle, no other auxiliary)
    describes a standing state, as the simple present active does ("interest groups oppose it"); "was
    opposed", "has been opposed", "is being opposed" and "will be opposed" report occurrences."""
    if verb.tag_ != "VBN" or any(c.dep_ == "aux" for c in verb.children):
        return False
    return any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _governors(verb: Token, shares: Callable[[Token], bool]) -> Iterator[Token]:
    """``verb``, then each verb above it while the one below ``shares`` its governor's mood ("tend to agree":
    agree, tend), at most _MAX_SUBJECT_HOPS levels up."""
    current = verb
    for _ in range(_MAX_SUBJECT_HOPS + 1):
        yield current
        if not shares(current) or current.head.i == current.i:
            return
        current = current.head


def _conditional(verb: Token, statements: tuple[Statement, ...]) -> bool:
    """ "It would impose a tax", "a bill that would overhaul the code": "would" in the report's own voice is
    the conditional of what a proposal or a supposition entails; only inside what someone said ("they said
    they would release") is it a stated intention, which decide_type reads as AGREE or THREATEN. The "would" of
    the verb an infinitive complements is the infinitive's too ("would have to agree", "would like to meet")."""
    chain = _governors(verb, lambda t: t.dep_ == "xcomp")
    would = next((v for v in chain if any(c.dep_ == "aux" and c.lower_ == "would" for c in v.children)), None)
    if would is None:
        return False
    return would.dep_ != "ccomp" and innermost_statement(statements, verb.idx, verb.idx + 1) is None


# The future modals, by lemma: spaCy lemmatises "'ll" and the "wo" of "won't" as "will".
_FUTURE_MODALS = frozenset({"will", "shall"})


def _forecast(
    verb: Token, statements: tuple[Statement, ...], times: tuple[TimeExpr, ...], entities: tuple[Entity, ...]
) -> bool:
    """ "the order will call on cabinet secretaries", "It is unlikely the Senate will convict", "Democrats weren't
    going to win this fight": a future act in the report's own voice is a forecast, not an occurrence, as its
    "would" is (_conditional). Inside what someone said it is their stated intention ("said he will meet",
    AGREE or THREATEN by decide_type), and a future act whose clause names a time is a scheduled one the report
    announces (_scheduled: "President Trump will sign an executive order Tuesday", gold/dev). A conjunct with no
    subject of its own and an infinitive share the modal of the verb they hang on ("won't get an agreement on,
    and pass"). Session 32: the one class of false events the private gold (5 of 29), the tune half (1 of 5) and
    150 unseen reports share; unseen checks (seeds 122001 and 122003, 740 reports): 56 changed, 46 right, 4
    wrong, 6 unsure."""
    chain = _governors(verb, lambda t: t.dep_ == "xcomp" or (t.dep_ == "conj" and not _has_subject(t)))
    future = next((v for v in chain if _future(v)), None)
    if future is None or innermost_statement(statements, verb.idx, verb.idx + 1) is not None:
        return False
    # A clause below a reporting verb is said, whether or not the statements extractor took it, the parse
    # often hanging it as the reporting verb's conjunct ("says she has beef with the DCCC and she'll withhold").
    # So is one below a noun of saying ("The quickly unveiled announcement that the Pentagon will lift the ban",
    # review seed 129001); not below a noun of attitude ("cause for hope that these new players will help").
    if any(_lemma(a) in lexicon().reporting or _saying_noun(a) for a in future.ancestors):
        return False
    # A named person's future act is an announced plan ("Foreign Minister Shah Mehmood Qureshi will attend
    # instead", "Kerry, who will meet with European partners in London"), not the report's guess. A person the
    # entities extractor found counts whatever the tagger made of the word ("Trump will meet with Prime
    # Minister Theresa May", review seed 129001, where the tagger's entity type was not PERSON).
    if any(_person_name(s, entities) for s in subjects(future)[0]):
        return False
    return not _scheduled(times, future)


def _saying_noun(token: Token) -> bool:
    """A noun the statements' cue lexicon lists as one of saying ("announcement", "pledge"), not of attitude
    ("hope", "fear": the lexicon's attitudes)."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in _saying_nouns()


@lru_cache(maxsize=1)
def _saying_nouns() -> frozenset[str]:
    """The statements' cue nouns less their attitudes (``_saying_noun``), as ``_speech_verbs`` is of the verbs."""
    cues = CueLexicon.load()
    return cues.nouns - cues.attitudes


def _person_name(token: Token, entities: tuple[Entity, ...]) -> bool:
    """A person's name: the tagger's, or a capitalised word a PERSON mention of the entities extractor covers
    (the tagger read "Trump" a common noun and an organisation in "Trump will meet with Prime Minister Theresa
    May", review seed 129001); no description ("the president") and no pronoun."""
    if token.pos_ == "PROPN" and token.ent_type_ == "PERSON":
        return True
    if token.pos_ == "PRON" or not token.text[:1].isupper():
        return False
    entity = entity_at(entities, token.idx, token.idx + len(token.text))
    return entity is not None and entity.type == "PERSON"


def _scheduled(times: tuple[TimeExpr, ...], clause: Token) -> bool:
    """Whether a future ``clause`` names when it happens: a time in it that is neither a duration nor a bound
    (``_bounding_object``: "By Election Day, he likely will have held more than 30 rallies" forecasts a count), or
    a weekday name. Looser than the event's own date (``_time_near``), as it asks whether the act is scheduled,
    not which time dates it: a time the parse hangs on a deeper clause counts ("BA will now suspend the Saudi
    flights - which it says will remain under review - from 27 March", BBC, the date parsed under "remain"), and
    so does an undated report's weekday, which gets no time record ("Fiat will meet car giant General Motors (GM)
    on Tuesday", BBC). Review of v63 (seed 129000, 260 unseen reports): the flights were the one wrong removal of
    13; the bound's rallies, on the behaviour set."""
    for span, _ in _clause_times(times, clause):
        root = span_root(clause.doc, span.start, span.end)
        if root is None or not _bounding_object(root):
            return True
    return any(t.ent_type_ == "DATE" and t.lower_ in _weekdays() for t in clause.subtree)


@lru_cache(maxsize=1)
def _weekdays() -> frozenset[str]:
    """Weekday names, lower-cased, from the times lexicon (their one owner)."""
    from dateline.extract.times import lexicon as times_lexicon

    return frozenset(day.lower() for day in times_lexicon()["weekdays"])


def _future(verb: Token) -> bool:
    """ "will convict", "won't pass", "'ll meet", or "going to win" (the "going" whose "to" infinitive it is)."""
    if any(c.dep_ == "aux" and c.tag_ == MODAL_TAG and c.lemma_.lower() in _FUTURE_MODALS for c in verb.children):
        return True
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lower_ == "going"
        and _to_infinitive(verb)
        and any(c.dep_ == "aux" and c.lemma_ == "be" for c in head.children)
    )


def _as_phrase(verb: Token) -> bool:
    """ "as opposed to", "as compared with", "as expected": a participle after "as" with no subject of its own
    is a fixed connective ("unlike", "than"), not a clause that reports an action."""
    return (
        verb.tag_ in ("VBN", "VBG")
        and any(c.dep_ in ("mark", "advmod") and c.lower_ == "as" for c in verb.children)
        and not _has_subject(verb)
    )


def _hypothetical(verb: Token) -> bool:
    """ "officials who could discuss", "X might retaliate", "can't afford to extend an offer": an action under
    a modal of possibility, its own or that of the verb it complements, is conjecture, not a reported
    occurrence (event coders code what happened, was threatened or promised); so is an action in a condition
    ("if he is elected", "unless she backed")."""
    lex = lexicon()
    # "Lawmakers must renew the funding", "he should not have accepted": an obligation is not an occurrence;
    # reported, it is the speaker's REQUEST (_obligation_trigger).
    if any(c.dep_ == "aux" and c.lower_ in lex.obligation for c in verb.children) and not _reported(verb):
        return True
    if (_obliged(verb) and not _reported(verb.head)) or _directed(verb) or _aimed(verb):
        return True
    # A conjunct shares its first conjunct's modal or condition ("could discuss and sign") unless it is a
    # clause of its own, with its own subject ("the rebels might retreat, and the army attacked"); an
    # adjective's infinitive shares its verb's ("Even if Congress were able to pass", "if they aren't willing to
    # endorse": 2 of 1,309 events on 200 AllSides reports, seed 7002, both conditions).
    chain = _governors(verb, lambda t: t.dep_ in ("xcomp", "acomp") or (t.dep_ == "conj" and not _has_subject(t)))
    return any(
        any(c.dep_ == "aux" and c.lower_ in lex.possibility for c in current.children)
        or _possibility_adjective(current)
        or _modal_head(current)
        or _for_to_clause(current)
        or (current.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in current.children))
        or _asked_about(current)
        for current in chain
    )


def _modal_head(word: Token) -> bool:
    """ "The party ought to endorse Smith", "senators ought not to oppose nominees": the one modal that takes a
    "to" infinitive is parsed as the head the infinitive completes (tag MD), not as its auxiliary, so the
    obligation ``lexicon().obligation`` reads on auxiliaries is missed; advice is no occurrence (session 29).
    Inverted in a question ("Ought the party to endorse ...?") the parse tags "ought" VB, so the word is read too."""
    return word.tag_ == MODAL_TAG or word.lower_ == "ought"


def _for_to_clause(clause: Token) -> bool:
    """ "It is time for Congress to push back", "the need for Iran to comply": a "for" subject with a "to"
    infinitive is an irrealis clause (what should, could or is meant to happen), not an act reported as done
    (session 29). Two forms report a past act (_for_to_done)."""
    return (
        _to_infinitive(clause)
        and any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children)
        and not _for_to_done(clause)
    )


def _for_to_done(clause: Token) -> bool:
    """ "It took three weeks for Obama to pledge", "it didn't take long for supporters to organize" (a past "take"
    of time with no modal asserts the act), "no valid reason for the FBI to have interrogated Flynn" (a perfect
    infinitive looks back on an act). Review, seed 69400, 375 AllSides sentences with "take ... for X to", "called
    for X to" or "for X to have": the rule alone removed 35 events, 6 of them acts that had happened, all of these
    two forms (4 under a past "took", 2 perfect); the exception restores those 6 and 1 counterfactual ("would have
    been irresponsible for Rice to have backed"). "what it would take for X to" keeps its modal: irrealis."""
    head = clause.head
    past_take = (
        clause.dep_ == "advcl"
        and _lemma(head) == "take"
        and (head.tag_ in ("VBD", "VBN") or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in head.children))
        and not any(c.dep_ == "aux" and c.tag_ == MODAL_TAG for c in head.children)
    )
    perfect = any(c.dep_ == "aux" and c.lower_ == "have" for c in clause.children)
    return past_take or perfect


def _possibility_adjective(word: Token) -> bool:
    """ "the bill is unlikely to pass", "Iran is likely to retaliate": an adjective of likelihood whose "to"
    infinitive the chain climbed through states a forecast, as a modal of possibility does ("may retaliate")."""
    return word.pos_ == "ADJ" and word.lower_ in lexicon().possibility_adjectives


def _asked_about(clause: Token) -> bool:
    """ "an investigation into whether the campaign conspired to interfere", "questioned whether Russia was
    behind it": the content of an embedded yes/no question is what is asked about, not reported as done (a
    clause opened by "whether", or by "if" as a complement rather than a condition)."""
    if clause.dep_ not in ("ccomp", "pcomp", "acl", "xcomp", "pobj"):
        return False
    return any(c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in clause.children)


def _obliged(verb: Token) -> bool:
    """ "Parliament will have to approve", "he has to resign": the infinitive of a verb of obligation is an
    action required, not reported as done; "had to", "has had to" (past, perfect) report it done."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.i != verb.i
        and _lemma(head) in lexicon().obligation_verbs
        and head.tag_ not in _PAST_TAGS
        and _to_infinitive(verb)
    )


def _directed(verb: Token) -> bool:
    """ "the order will require agency heads to sign off", "the law directs agencies to consider": what someone
    is required, directed, authorised or expected to do is not reported as done (a verb of directing with an
    object and a "to" infinitive, plover.yaml ``directive_verbs``). Verbs of directing that are triggers
    themselves ("ordered", "urged", "allowed") carry the complement in their own event (_folded)."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.i != verb.i
        and _lemma(head) in lexicon().directive_verbs
        and any(c.dep_ in _DIRECT_OBJ for c in head.children)
        and _to_infinitive(verb)
    )


def _aimed(verb: Token) -> bool:
    """ "drop plans to launch military strikes", "Republican efforts to capture a Senate seat and hold onto one",
    "their intention to cut off talks": the "to" infinitive of a noun of aim or attempt (plover.yaml
    ``aim_nouns``) names what is planned, sought or tried, not an action reported as done; a conjunct without a
    subject of its own shares it ("capture ... and hold"). Other nouns' infinitives stay ("the first congressman
    to endorse")."""
    lex = lexicon()
    for clause in _governors(verb, lambda t: t.dep_ == "conj" and not _has_subject(t)):
        infinitive = _to_infinitive(clause)
        if (
            infinitive
            and clause.dep_ == "acl"
            and clause.head.pos_ == "NOUN"
            and clause.head.lemma_.lower() in lex.aim_nouns
        ):
            return True
        # The verbs of the same aims ("hoped to reach an agreement", "wanted to meet", "intended to fire"): what
        # is hoped for; a verb of weighing (plover.yaml ``weighing_verbs``) takes it as a gerund too ("has
        # considered firing Mnuchin").
        if clause.dep_ == "xcomp" and (
            (infinitive and _lemma(clause.head) in lex.aim_verbs)
            or (clause.tag_ == "VBG" and _lemma(clause.head) in lex.weighing_verbs)
        ):
            return True
    return False


def _unrealised_governor(verb: Token, statements: tuple[Statement, ...]) -> bool:
    """A ``_DOER_PREPS`` gerund shares its governing verb's mood ("would resign after meeting", "Trump speaks
    after accepting the award", a present caption): the filters that leave the governor unreported leave the
    gerund too."""
    governor = _subjectless_governor(verb)
    if governor is None:
        return False
    # A governor that is a conjunct or complement without a subject of its own shares the mood of the verb it
    # belongs to ("need to allow debate and shape bills after hearing": shape, allow, need; "force Congress to
    # act after hearing": act, force).
    chain = _governors(governor, lambda t: t.dep_ in ("conj", "xcomp") and not _has_subject(t))
    return any(
        _hypothetical(g) or _habitual(g) or _asked(g) or _conditional(g, statements) or _imperative(g) for g in chain
    ) or _unrealised_governor(governor, statements)


# The links by which a "to" infinitive hangs on the verb whose act it completes or serves: an open complement
# ("seemed to unite"), a complement with its own subject ("allows the president to seize", which the parse makes a
# content clause), and a purpose ("used the courts to impose").
_INFINITIVE_LINKS = frozenset({"xcomp", "ccomp", "advcl"})


def _unreal_infinitive(
    verb: Token, statements: tuple[Statement, ...], times: tuple[TimeExpr, ...], entities: tuple[Entity, ...]
) -> bool:
    """ "The law allows the president to seize property", "the UK may allow it to supply components", "Republicans
    can't seem to unite to help him", "it will enable our staff to continue to offer articles": a "to" infinitive
    is done only if the verb it hangs on is; under a governor the mood gates leave unreported (a modal of
    possibility, an aim, a condition, a forecast, a standing rule, an imperative) it is what that governor would,
    may or is meant to bring about, not an act reported. Each gate's own chain reads open complements (and
    _habitual's purposes) only; this climbs the complement with its own subject and the purpose too, at most
    _MAX_SUBJECT_HOPS levels. A conjunct with no subject of its own shares its first conjunct's "to" and link
    ("can't seem to unite to help the president and defend him"), as in the gates' own chains. Session 34:
    unasserted infinitives the largest class of false events on 200 unseen reports (seed 157000); unseen check
    (seeds 157001-157002, 660 reports): 28 events removed, 27 right, 1 unsure; review (seeds 167000-167001, 600
    reports): 23 removed, 23 right, and the conjuncts 4 more, 4 right."""
    current = verb
    for _ in range(_MAX_SUBJECT_HOPS):
        current = _first_conjunct(current)
        head = current.head
        if head.i == current.i or current.dep_ not in _INFINITIVE_LINKS or not _to_infinitive(current):
            return False
        if (
            _hypothetical(head)
            or _habitual(head)
            or _conditional(head, statements)
            or _forecast(head, statements, times, entities)
            or _imperative(head)
        ):
            return True
        current = head
    return False


def _first_conjunct(verb: Token) -> Token:
    """The first of the conjuncts ``verb`` belongs to, over those without a subject of their own ("to help the
    president and defend him": help); ``verb`` itself when it is no such conjunct."""
    while verb.dep_ == "conj" and verb.head.i != verb.i and not _has_subject(verb):
        verb = verb.head
    return verb


def _imperative(verb: Token) -> bool:
    """ "force Congress to act after hearing the voters": a bare main verb with no subject or auxiliary is
    advice to the reader, its gerund not an act reported."""
    return (
        verb.dep_ == ROOT_DEP
        and verb.tag_ == "VB"
        and not _has_subject(verb)
        and not any(c.dep_ in AUX_DEPS for c in verb.children)
    )


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in _SUBJ or c.dep_ in _PASSIVE_SUBJ for c in verb.children)


def _sentence_countries(
    places: tuple[Place, ...],
    verb: Token,
    within: list[tuple[int, int]] | None = None,
    *,
    inside: bool = True,
    index: LastIndex[tuple[Span, Place]] = _PLACE_SPANS,
) -> list[str]:
    """ISO alpha-3 codes of the places and nationalities named in the trigger's sentence, in text order: a
    demonym names the country the report is about as a place name does ("according to the Pakistani Federal
    Secretary", "the resignation of Algerian President ..."). With ``within``, only those named inside (or, with
    ``inside`` false, outside) those character ranges. ``index`` is the span index kept for ``places``
    (``_SCENE_SPANS`` for the scene)."""
    sent = verb.sent
    start, end = sent.start_char, sent.end_char
    # A word that is both a nationality and a place ("Somali": Somalia's people, and Ethiopia's Somali Region)
    # names the nationality first (rank 0 before a place's 1 at the same position): the place reading of a
    # demonym is the weaker one.
    found = sorted(
        [
            (s.start, 1, p.country)
            for s, p in index.of(places).overlapping(start, end)
            if p.country and start <= s.start and s.end <= end
        ]
        # ``ents_within``, not ``sent.ents``: spaCy's walks every entity of the document, about 9 times a report.
        + [(e.start_char, 0, iso) for e in ents_within(sent) if e.label_ == "NORP" and (iso := country_of_text(e.text))]
    )
    if within is not None:
        found = [(at, rank, iso) for at, rank, iso in found if any(a <= at < b for a, b in within) == inside]
    out: list[str] = []
    for _at, _rank, iso in found:
        code = alpha3(iso)
        if code and code not in out:
            out.append(code)
    return out


# Prepositions that place a patient ("the hotel in Bamako", "troops at the border"): a country named there is
# where the action happened, the report's country, not the patient's own.
_LOCATIVE_PREPS = frozenset({"in", "at"})


def _patient_words(patients: list[Token], verb: Token) -> list[tuple[int, int]]:
    """Character ranges of the words that name what the action is done to: each patient's phrase less the
    locative phrases that place it, and less any patient whose phrase holds the verb (a relative clause's
    antecedent)."""
    words: list[tuple[int, int]] = []
    for patient in patients:
        if patient.left_edge.i <= verb.i <= patient.right_edge.i:
            continue
        placed = {t.i for p in patient.subtree if p.dep_ == "prep" and p.lower_ in _LOCATIVE_PREPS for t in p.subtree}
        words += [(t.idx, t.idx + len(t.text)) for t in patient.subtree if t.i not in placed]
    return words


def _actor_fallback(places: tuple[Place, ...], verb: Token, patients: list[Token], countries: list[str]) -> list[str]:
    """The country an actor whose own words name none takes: the sentence's first, unless that country is named
    only in the words of what the action is done to while another one is named outside them ("the FBI has
    launched an investigation into apparent leaks ... against Iran, a U.S. official said": the United States, not
    Iran). With no other country named ("police arrested three Egyptians") the patient's own country stays the
    actor's, as event coders code a domestic action; where the patient is placed ("gunmen who had attacked the
    hotel in Bamako, the capital of Mali") is where the action happened and stays the actor's too."""
    words = _patient_words(patients, verb)
    if not words or not countries:
        return countries[:1]
    inside = set(_sentence_countries(places, verb, words))
    outside = set(_sentence_countries(places, verb, words, inside=False))
    chosen = [c for c in countries if c in outside or c not in inside][:1]
    if chosen:
        return chosen
    # Every country the sentence names is the patient's: in a report about another country ("He eventually
    # supported the president's Iran deal", in a report whose places are American) the actor is the report's
    # own, not the patient's; where the report's country is the patient's (and in a one-sentence report), the
    # patient's stays, a domestic action. On 140 AllSides reports: 4 changed, 2 right, 2 doubtful.
    home = _report_country(places)
    return [home] if home else countries[:1]


def _report_country(places: tuple[Place, ...]) -> str | None:
    """The country a report is about: the one whose places it names most often (every mention counts), when one
    leads; none on a tie."""
    counts = Counter(p.country for p in places for _span in p.spans if p.country).most_common(2)
    if not counts or (len(counts) > 1 and counts[0][1] == counts[1][1]):
        return None
    return alpha3(counts[0][0])


def _past_opening(heads: list[Token], article: Article) -> list[Token]:
    """v53: subject heads less any inside the report's dateline ("WASHINGTON, June 2 - The Commodity Credit
    Corporation has accepted ...": the parse may make the dateline's city the subject, and hang the body's first
    phrase on it or on its date as an apposition or a conjunct). The dateline says where the report was filed,
    never who acted; the nominals past it that the parse hung inside it (with their conjuncts: "Greece and the
    Soviet Union") are the subject the parse missed."""
    end = article.opening_end
    if not end or all(h.idx >= end for h in heads):
        return heads
    out: list[Token] = []
    for head in heads:
        if head.idx >= end:
            found = [head]
        else:
            hung = [t for t in head.subtree if t.idx >= end and t.head.idx < end and t.pos_ in _BODY_HEADS]
            found = [c for t in hung for c in _with_conjuncts(t)]
        out += [t for t in found if t not in out]
    return out


def _spilled_date(head: Token, article: Article) -> bool:
    """v53: whether ``head``'s date entity starts inside the report's dateline and runs past it into the body
    ("ATHENS, April 7 - Greece and the Soviet Union have reached agreement": the model's date is "April 7 -
    Greece"): the body's word is no date, but the participant the dateline's date ran into."""
    end = article.opening_end
    if not end or head.idx < end:
        return False
    start = head.i
    while start > 0 and head.doc[start].ent_iob_ == "I":
        start -= 1
    return head.doc[start].idx < end


# Parts of speech of a subject the parse hung on the dateline (``_past_opening``).
_BODY_HEADS = frozenset({"PROPN", "NOUN", "PRON"})


# Prepositions whose phrase says where someone goes, on a verb only ("travelled to Uganda"; "his reaction to the
# testimony" is none); where someone is, the locative ones (``_LOCATIVE_PREPS``: "at a ceremony in Rome"). Such a
# phrase must name a place (``PLACE_TYPES``): "in Rome", not "dressed in Statue of Liberty garb".
_WHITHER_PREPS = frozenset({"to", "into"})


def _visitors(
    actors: tuple[Actor, ...], entities: tuple[Entity, ...], places: tuple[Place, ...], verb: Token, fallback: list[str]
) -> tuple[Actor, ...]:
    """v53: a person named in full with no country of their own (no nationality, office, tag or other mention giving
    one), in a sentence whose country is named only where the person is or goes to ("Mr Blair signed the
    constitution at a ceremony in Rome", "He will visit an orphanage in Tanzania"), takes the report's country
    (``_report_country``), not that place's: a visitor is not of the country visited. Where the report's country
    is the place's (a one-sentence report, a local report) nothing changes."""
    if not fallback or all(a.country or a.entity is None for a in actors):
        return actors
    # A person named in full, as ``_alias_person`` asks: the model also types "G8" a person.
    people = {e.name for e in entities if e.type == "PERSON" and " " in e.name}
    if not any(not a.country and a.entity in people for a in actors):
        return actors
    home = _report_country(places)
    if home is None or home == fallback[0]:
        return actors
    # A phrase that places someone else ("warrants for company officers in China") says where they are from; one
    # outside the person's own clause places something else ("Last year when Justin Trudeau was hosting, the event
    # was held at ... a resort in Quebec": the host is at home): only the trigger's clause is read.
    clause = _own_clause(verb)
    where = [
        (t.idx, t.doc[t.right_edge.i].idx + len(t.doc[t.right_edge.i].text))
        for t in clause.subtree
        if t.dep_ == "prep"
        and (t.lower_ in _LOCATIVE_PREPS or (t.lower_ in _WHITHER_PREPS and t.head.pos_ == "VERB"))
        and not _someone(t.head)
        and any(c.dep_ == "pobj" and _place_named(c) for c in t.children)
    ]
    if not where:
        return actors
    inside = _sentence_countries(places, verb, where)
    outside = _sentence_countries(places, verb, where, inside=False)
    if fallback[0] not in inside or fallback[0] in outside:
        return actors
    return tuple(replace(a, country=home) if not a.country and a.entity in people else a for a in actors)


# Clauses that share their governor's subject ("In Tokyo, he is due to meet bankers"; "arrived in Rome and met"):
# the person's clause runs up through them.
_SHARED_SUBJECT_DEPS = frozenset({"xcomp", "conj"})


def _own_clause(verb: Token) -> Token:
    """v54: the head of the clause whose subject acts ``verb``: up through an infinitive or a conjunct sharing
    its governor's subject, not into a clause the verb's own is subordinate to."""
    while verb.dep_ in _SHARED_SUBJECT_DEPS and verb.head is not verb:
        verb = verb.head
    return verb


def _place_named(head: Token) -> bool:
    """Whether a phrase's head names a place, itself or by its apposition ("in the Kenyan capital Nairobi")."""
    return head.ent_type_ in PLACE_TYPES or any(c.dep_ == "appos" and c.ent_type_ in PLACE_TYPES for c in head.children)


def _stated(
    actors: tuple[Actor, ...], doc: Doc, entities: tuple[Entity, ...], memo: dict[str, str | None]
) -> tuple[Actor, ...]:
    """v53: an actor with no country of its own words, its office or a party tag takes the one the article's
    other mentions of its entity give (``stated_country``: "UK Foreign Secretary Jack Straw" named earlier, "Mr
    Straw, visiting Beijing" here), before the sentence's country is guessed for it. ``memo`` keeps each entity's
    answer for the article."""
    out: list[Actor] = []
    for actor in actors:
        # "it" and "they" are named by an antecedent too often wrong ("It also didn't help that ..." read as the
        # newspaper): only a name, a description or a person's pronoun carries its entity's country.
        lower = actor.text.lower()
        if (
            actor.country is None
            and actor.entity is not None
            and (lower not in AGENT_PRONOUNS or lower in _TARGET_PRONOUNS)
        ):
            if actor.entity not in memo:
                entity = next((e for e in entities if e.name == actor.entity), None)
                memo[actor.entity] = stated_country(entity, doc) if entity is not None else None
            if memo[actor.entity]:
                actor = replace(actor, country=memo[actor.entity])
        out.append(actor)
    return tuple(out)


def _target_countries(
    targets: tuple[Actor, ...],
    heads: list[Token],
    own: set[str],
    countries: list[str],
    things: list[str],
    home: str | None,
) -> tuple[Actor, ...]:
    """Targets with no country of their own take the sentence's first country other than the actors' (or its
    first): ``countries`` for a target that can act, ``things`` (the countries less party-state tags) for a
    thing. A lawmaker's tag ("Sen. Jane Roe (R-Kan.) called for his resignation") says the sentence is about
    that state's country, so the people and groups around her take it ("Democrats", "congressional leaders"),
    but no thing does: "his resignation" has no country. ``home``: see ``_with_country`` (v64)."""
    out: list[Actor] = []
    for target, head in zip(targets, heads, strict=True):
        pool = countries if is_agent(target, head, None) else things
        fallback = [c for c in pool if c not in own][:1] or pool[:1]
        out += _with_country((target,), fallback, home, head.doc)
    return tuple(out)


def _with_country(actors: tuple[Actor, ...], fallback: list[str], home: str | None, doc: Doc) -> tuple[Actor, ...]:
    """Actors whose own words name no country take the sentence's ("the president ... in Uganda"): event
    coders code an unmarked actor by the country the report is about, as the PLOVER gold standard does. The
    first country named stands for the source, the first other one for the target. v64: an actor described
    as foreign (``_abroad``) never takes the report's own country ``home`` (``_report_country``): "Trump's phone
    calls with foreign leaders" is no call with Americans. Without a report country (a tie, or none named) nothing
    is known to be foreign to."""
    if not fallback:
        return actors
    country = fallback[0]
    return tuple(
        a if a.country or (country == home and _abroad(_actor_root(a, doc))) else replace(a, country=country)
        for a in actors
    )


# Adjectives saying that their noun is of another country than the report's own ("foreign leaders", "a foreign
# journalist"): such a participant is not of the country the report is about. Session 33: 3 moved, 3 right on seed
# 135000 ("about 40 foreign governments", "private foreign banks", "foreign investors"); none on 135002 or 144000.
_ABROAD_WORDS = frozenset({"foreign"})


def _actors_own(targets: tuple[Actor, ...], doc: Doc, actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """v64: a target that neither its own words nor the sentence give a country, owned by a possessive pronoun
    ("Democrats ... recognized their own electoral need", "Trump defended his decision"), takes the first acting
    country: a possessive pronoun in the predicate most often points back to the clause's subject, and where it
    points to another participant ("Trump questioned his capabilities", Carson's) that one is usually of the same
    country. The pronoun is read by its tag (PRP$), not by a word list. Run after ``_target_countries``, so that a
    country the sentence names for the target is kept: on fresh draws (seeds 135002, 144000, 144001) overriding
    it was right 9 times in 17 (6 wrong: "its ally Saudi Arabia" IRN -> USA, "McMaster had assured its chief
    national security officer" KOR -> USA, Assad's "his own people" SYR -> RUS), filling a target with none 36
    times in 38 (review, session 33). A foreign target (``_abroad``) is not filled: ``_with_country`` withheld
    the report's own country from it, and the acting country is most often that one."""
    country = next((a.country for a in actors if a.country), None)
    if country is None:
        return targets
    out: list[Actor] = []
    for target in targets:
        root = None if target.country else _actor_root(target, doc)
        if root is not None and not _abroad(root) and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in root.children):
            target = replace(target, country=country)
        out.append(target)
    return tuple(out)


def _abroad(root: Token | None) -> bool:
    """v64: whether a foreign-words adjective (``_ABROAD_WORDS``) modifies an actor's head ``root``
    (``_actor_root``): ``_with_country`` gives such an actor no fallback that is the report's own country."""
    return root is not None and any(c.dep_ == "amod" and c.lower_ in _ABROAD_WORDS for c in root.children)


def _actor_root(actor: Actor, doc: Doc) -> Token | None:
    """The head token of an actor's phrase, found again from its span (an actor keeps no token)."""
    return span_root(doc, actor.span.start, actor.span.end) if actor.span is not None else None


def _owner_country(
    actors: tuple[Actor, ...], doc: Doc, article: Article, entities: tuple[Entity, ...], memo: dict[str, str | None]
) -> tuple[Actor, ...]:
    """v64: an actor with no country of its own whose phrase has a named owner ("President Donald Trump's
    administration", "the Brotherhood's official Twitter feed") takes the owner's country (its words, its
    entity's offices, or its other mentions: ``make_actor`` then ``_stated``), before the sentence's country is
    guessed for it: what a country's actor owns is that country's (session 33: seed 135000 14 moved, 14 right;
    135001 10 of 11; 135002 13 of 13; review seed 144000 8 of 8). A pronoun owner ("their stories") is read by
    ``_actors_own``."""
    out: list[Actor] = []
    for actor in actors:
        root = None if actor.country else _actor_root(actor, doc)
        owners = [c for c in root.children if c.dep_ == "poss" and c.pos_ != "PRON"] if root is not None else []
        if owners:
            owner = _stated((make_actor(owners[0], article, entities),), doc, entities, memo)[0]
            if owner.country:
                actor = replace(actor, country=owner.country)
        out.append(actor)
    return tuple(out)


def _event(
    article: Article,
    prior: Analysis,
    trigger: Trigger,
    kind: str | None,
    mode: str | None,
    actors: tuple[Actor, ...],
    target_actors: tuple[Actor, ...],
    scene: tuple[Place, ...],
) -> Event:
    # The trigger's words in text order: a light-verb noun can stand before its verb ("the aid they pledged").
    words = [t for t in (trigger.first, trigger.verb, trigger.last) if t is not None]
    start = min(t.idx for t in words)
    end = max(t.idx + len(t.text) for t in words)
    clause_start, clause_end = subtree_range(trigger.verb)
    place = _place_in(scene, clause_start, clause_end)
    time = _time_near(prior.times, trigger.verb, start) or _inherited_time(prior.times, trigger, start)
    statement = innermost_statement(prior.statements, start, start + 1)
    what = None
    if trigger.obj is not None:
        obj = trigger.obj
        what = article.text[slice(*subtree_range(obj))]
    return Event(
        article_id=article.id,
        spans=(Span.of(article.text, start, end),),
        trigger=article.text[start:end],
        lemma=trigger.lemma,
        type=kind,
        mode=mode,
        actors=actors,
        targets=target_actors,
        what=what,
        place=place.name if place else None,
        place_id=place.id if place else None,
        date=time.value if time else None,
        negated=_trigger_negated(trigger),
        attributed_to=statement.id if statement else None,
        attributed_speaker=statement.speaker.name if statement else None,
    )


@extractor(NAME, version=VERSION, requires=("entity", "statement", "place", "time"), assigns=("event",))
def extract_events(article: Article, doc: Doc, *, prior: Analysis) -> Iterator[Event]:
    """Events of the article, in text order."""
    yield from events_in(article, _trigger_candidates(doc), prior)


def _trigger_candidates(doc: Doc) -> list[Token]:
    """The tokens ``find_trigger`` or ``nominal_trigger`` can fire on (a verb by ``_is_verb``; a noun that is no
    compound), in order, picked from the Doc's columns: the others give no trigger, and making a Token of each
    word of a long article only to ask costs more than the tests themselves."""
    if not len(doc):
        return []
    cols = columns(doc)
    strings = texts(doc.vocab.strings)
    tags = map(strings.__getitem__, doc.to_array(TAG).tolist())
    return [
        doc[i]
        for i, (pos, dep, tag) in enumerate(zip(cols.pos, cols.deps, tags, strict=True))
        if pos == "VERB" or (tag.startswith("VB") and pos != "AUX") or (pos == "NOUN" and dep != "compound")
    ]
