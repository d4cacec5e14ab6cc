"""Who can be an event's actor: general mechanisms behind events.rules filtering, each with its source.

- ``is_agent``: an event is a reported action *by someone*; its actor must be able to act. Event coders (CAMEO
  manual, "actors") code persons, organisations and states, never things ("the policy allows", "steps to
  restrict"), so an actor qualifies when it names a person/organisation/state or a country, has a sector
  (data/sectors.yaml), is a personal pronoun, is a noun with an agentive suffix (-er, -or, -ist, -ian, -man:
  "gunman", "homeowner", "activist") or a role or collective noun ("envoy", "board", "crowd").
- ``is_party``: whether a verb's patient is someone or something an event can be done to (a person,
  organisation, state, place, a counted group of people or buildings, or an event such as "sanctions").
  Verbs with an everyday sense beside their event sense take it with a thing for object: "delivered a speech",
  "held the view" are no AID or detention (the types listed as ``everyday_sense_types`` in data/plover.yaml).
- ``antecedent`` (in support/common, shared with the claims' issuers): a relative pronoun subject ("an official who warned") stands for the noun its clause
  modifies, as English relative clauses do.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.extract.support.actors import head_sector
from dateline.extract.support.common import unit_nouns
from dateline.nlp.offices import lexicon as offices_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.model import Actor

# spaCy entity labels of those who can act: persons, organisations, states and their peoples.
AGENT_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Agentive noun suffixes of English (doer nouns: "protester", "governor", "activist", "civilian", "participant", "gunman").
AGENT_SUFFIXES = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ant", "ants", "man", "men")
# Role and collective nouns for people acting together that carry no agentive suffix and no sector of their
# own in data/sectors.yaml ("the envoy launched", "the board ordered", "a crowd gathered").
AGENT_NOUNS = frozenset(
    {
        "envoy",
        "delegation",
        "team",
        "party",
        "family",
        "side",
        "board",
        "council",
        "committee",
        "group",
        "coalition",
        "alliance",
        "campaign",
        "regime",
        "firm",
        "bank",
        "network",
        "movement",
        "organization",
        "organisation",
        "office",
        "department",
        "mission",
        "crowd",
        "mob",
        "staff",
        "chief",
        "suspect",
        "voter",
    }
)
# Personal pronouns that name an actor; "you" in news copy addresses the reader, "it"/"they" stand for
# states and organisations as often as for things, and are kept.
AGENT_PRONOUNS = frozenset({"i", "we", "he", "she", "they", "it", "us", "him", "her", "them"})
# Entity labels of a patient that is a party or a place ("freed Kabul", "returned to the Gaza Strip").
PARTY_ENTS = AGENT_ENTS | {"LOC", "FAC"}
# Amounts are what is given, cut or withheld ("delivered $5 million", "cut 10 percent").
AMOUNT_ENTS = frozenset({"MONEY", "CARDINAL", "PERCENT", "QUANTITY"})
# Possessive pronouns that stand for an owned thing ("the GOP held theirs"), never for its owner.
OWNED_PRONOUNS = frozenset({"mine", "yours", "hers", "ours", "theirs"})


@lru_cache(maxsize=1)
def party_nouns() -> frozenset[str]:
    """Common nouns for people and their buildings with no agentive suffix ("hostages", "children", "troops",
    "homes"): the nouns claims.rules counts victims and participants by (data/claims.yaml ``units``, owned
    there)."""
    return unit_nouns()


def is_agent(actor: Actor, head: Token, kind: str | None) -> bool:
    """Whether the actor can act (see the module docstring). Violence is reported with its instrument or the
    deed itself as subject ("a roadside bombing killed", "attacks have killed"), and coded so: any noun may be
    the actor of an ASSAULT."""
    if actor.entity is not None or actor.sector is not None:
        return True
    if _owned_thing(head, kind):
        return False
    if actor.country is not None:
        return True
    span = actor.span
    phrase = [t for t in head.subtree if span is None or span.start <= t.idx < span.end]
    if any(t.ent_type_ in AGENT_ENTS for t in phrase):
        return True
    word = head.lower_
    if head.pos_ == "PRON":
        return word in AGENT_PRONOUNS
    if head.pos_ == "PROPN" or (head.pos_ == "NOUN" and kind == "ASSAULT"):
        return True
    return agent_noun(head)


# Modifiers of a noun that name whom the thing belongs to or is about, not the thing itself ("Zelensky's claim",
# "an editorial in Christianity Today", "clips of him").
_OWNER_DEPS = frozenset({"prep", "acl", "relcl"})
# Prepositions that list a group's members, who act with it ("several countries, including Pakistan, have
# recognized"), not its owner or topic.
_MEMBER_PREPS = frozenset({"including", "like", "such"})


def _owned_thing(head: Token, kind: str | None) -> bool:
    """Whether an actor is a thing that only its owner or topic ties to someone: a common noun that names no
    one (no agentive suffix, role, sector or people noun) and whose person, organisation, state or country
    words all lie in its possessor or its modifying phrases ("Zelensky's claim of no pressure supported",
    "the recent editorial in Christianity Today supporting", "Cruz's birth in Canada conferred"). The owner
    acted once, if at all; the thing does not act. Violence keeps its deed or instrument as actor (is_agent)."""
    if head.pos_ != "NOUN" or kind == "ASSAULT" or agent_noun(head) or head_sector(head) is not None:
        return False
    if head.ent_type_ in AMOUNT_ENTS:
        return False  # a figure counts its "of" group: "Thousands of Serbs protested"
    if head.lemma_.lower() in party_nouns() or head.lower_ in party_nouns() or head.lemma_.lower() in title_heads():
        return False
    owned = {t.i for c in head.children if c.dep_ in _OWNER_DEPS and c.lower_ not in _MEMBER_PREPS for t in c.subtree}
    named = [t for t in head.subtree if t.ent_type_ in AGENT_ENTS]
    return bool(named) and all(t.i in owned for t in named)


@lru_cache(maxsize=1)
def title_heads() -> frozenset[str]:
    """The last words of the offices' titles ("aide", "counsel", "attorney", "justice": nlp/offices.py owns
    them): nouns for someone whatever their suffix ("Trump's counsel had ordered")."""
    return frozenset(words[-1] for group in offices_lexicon().titles.values() for words in group)


def agent_noun(head: Token) -> bool:
    """Whether a common noun names someone who acts: an agent suffix ("protesters", "negotiator") or a listed
    agent noun ("police", "government")."""
    return head.pos_ == "NOUN" and (head.lower_.endswith(AGENT_SUFFIXES) or head.lemma_.lower() in AGENT_NOUNS)


def is_party(head: Token, event_nouns: Collection[str]) -> bool:
    """Whether a verb's patient ``head`` is someone or something an event is done to: a named person,
    organisation, state or place, an amount, a pronoun, an agent or people noun, a sector noun
    ("troops", "embassy": ``sector``), or an event (``event_nouns``: "lifted the sanctions", "delivered aid").
    A thing someone owns or that names its party is done to that party ("suspended Egypt's membership",
    "helped her escape", "attacked the army base"), as events.rules' targets read it. Anything else is a thing (a poll, a speech, a view), which gives the verb its
    everyday sense."""
    if any(c.dep_ in ("poss", "compound") and is_party(c, event_nouns) for c in head.children):
        return True
    if head.ent_type_ in PARTY_ENTS or head.ent_type_ in AMOUNT_ENTS or head.pos_ in ("PROPN", "NUM"):
        return True
    if head.pos_ == "PRON":
        # "lifted it", "withheld it": what the pronoun stands for is not read here, so it may be an event.
        return True
    lemma = head.lemma_.lower()
    return (
        agent_noun(head)
        or head_sector(head) is not None
        or lemma in party_nouns()
        or head.lower_ in party_nouns()
        or lemma in event_nouns
    )
