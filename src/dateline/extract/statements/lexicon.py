"""The cue lexicon (``data/cues.yaml`` as sets), the cue and relay shapes, and the part-of-speech and
dependency sets the statement rules share."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dateline.data import read_words
from dateline.extract.support.speakers import NOUN_POS as NOUN_POS  # one owner: speakers; re-exported for statements
from dateline.extract.support.speakers import load_cues
from dateline.nlp import load_nlp

# Cue verbs that name an act, not a speech act, by WordNet 3.0's verb classes (written by
# bench/wordnet_cue_verbs.py): with a noun-phrase object or an infinitive they name what was done ("offering bulk
# deals", "declined to comment"), and the statement's cue class says so (``cues.statement_class``,
# statements.rules v40).
UNSPOKEN_VERBS_FILE = "unspoken_cue_verbs.txt"
# Of those, the verbs that hand their object over (WordNet's verb.possession first: "offer"), and the nouns whose
# first sense is a communication (noun.communication: "remark", "condolence", "advice"), both written by the same
# script: such a verb with such an object names a speech act ("offered her condolences"; session 33's mend).
GIVING_VERBS_FILE = "giving_cue_verbs.txt"
SPEECH_NOUNS_FILE = "speech_nouns.txt"

# Quotation marks: curly ones pair up; straight ones open and close alike.
OPEN_QUOTES = "“«"
CLOSE_QUOTES = "”»"
STRAIGHT_QUOTE = '"'
# Plain-text wire copy writes a straight quotation mark as two apostrophes (''...,'' he said): one mark.
DOUBLED_APOSTROPHE = "''"
# What a quotation's closing mark can be made of, read from the end of its text.
CLOSING_CHARS = CLOSE_QUOTES + STRAIGHT_QUOTE + "'"


def quote_mark(text: str) -> bool:
    """Whether a token's text is a closing or straight quotation mark (a doubled apostrophe included)."""
    return bool(text) and (text in CLOSE_QUOTES + STRAIGHT_QUOTE or text == DOUBLED_APOSTROPHE)


# What every text ``quote_mark`` accepts holds: a stretch of text without it has no token that is a mark.
QUOTE_MARK_TEXT = re.compile("[" + re.escape(CLOSE_QUOTES + STRAIGHT_QUOTE) + "]|" + re.escape(DOUBLED_APOSTROPHE))


# Parts of speech of a speaker the parse did not make a subject ("“...,” Trump, the frontrunner, said").
SPEAKER_POS = frozenset({"PROPN", "NOUN", "PRON"})

# Objects of a verb that, when present, do what its open complement says ("urged them to condemn").
CONTROLLING_OBJECTS = frozenset({"dobj", "dative"})

# Parts of speech that make a stretch of words a clause rather than a noun phrase.
CLAUSE_POS = frozenset({"VERB", "AUX"})

# How the parse hangs a cue's that-clause on a noun after it ("says in a statement that X").
STRAY_CLAUSE_DEPS = frozenset({"acl", "relcl", "ccomp"})

# Prepositions whose object is what a speaker urged or opposed ("Merkel warned against the forces of hate",
# "called for talks", "argued for a delay"), the content the guide counts, whatever verb they follow; the
# object of any other preposition a cue verb is not listed with ("reported on", "tweeted about") is a topic
# (``attribution.decode.StatementMaker.topic_only``) or an adjunct (``content.said_by_preposition``).
STANCE_PREPOSITIONS = frozenset({"for", "against"})

# Cues headed by a verb whose subject is the speaker.
VERB_KINDS = frozenset({"clause", "object", "phrasal", "light"})


@dataclass(frozen=True)
class Cue:
    """A reporting cue: its token range, the verb (or preposition) that governs it, and its kind."""

    first: int
    last: int
    head: int
    # "clause" | "object" | "phrasal" | "light" | "according" (also a survey preposition, "in the poll") | "noun" |
    # "colon" | "headline" | "relay"
    kind: str


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
    # Nouns naming an opinion survey (``survey_nouns``): the object of a survey preposition ("in the poll").
    surveys: frozenset[str]
    relay_verbs: frozenset[str]
    relay_links: tuple[tuple[str, ...], ...]
    headline_irregular: dict[str, str]
    nouns: frozenset[str]
    # Clause verbs whose object is not what was said: ``addressee_verbs`` and ``perception_verbs``.
    unsaid_objects: frozenset[str]
    # Clause verbs whose direct object is whom it was said to (``addressee_verbs``: "told reporters").
    addressed: frozenset[str]
    # Perception, knowledge and decision verbs (``perception_verbs``): a cue only when they report something.
    perception: frozenset[str]
    # Verbs that are a cue only when what they report is a clause or a quotation (``clause_only_verbs`` and
    # ``attitude_verbs``).
    clause_only: frozenset[str]
    # Cue verbs naming an act, not a speech act, by WordNet (``UNSPOKEN_VERBS_FILE``): their statements without a
    # clause or a quotation are classed another act (``cues.statement_class``).
    acts: frozenset[str]
    # Act verbs that hand their object over (``GIVING_VERBS_FILE``) and the speech nouns (``SPEECH_NOUNS_FILE``):
    # with such an object they name a speech act (``cues.gives_speech``).
    giving: frozenset[str]
    speech_nouns: frozenset[str]
    # Cue verbs naming an attitude, not a speech act (``attitude_verbs``).
    attitudes: frozenset[str]
    section_labels: frozenset[str]
    # The length of the longest label: case folding never shortens a text, so a longer one is no label.
    longest_label: int
    clause_nouns: frozenset[str]
    collective_nouns: frozenset[str]
    light: dict[str, frozenset[str]]
    light_prepositions: frozenset[str]
    # Every verb lemma that can head a cue alone: clause, object and phrasal verbs (a light verb needs its noun).
    cue_lemmas: frozenset[str]
    # Cue verbs that are a statement of their own when they govern another cue ("called on X to condemn"):
    # all but the prefixes, which pass their subject on ("continued to push for").
    governing_cues: frozenset[str]
    # Every verb lemma ``cues.cue_at`` may make a cue of: phrasal, light, clause and object verbs.
    cue_verbs: frozenset[str]
    # Every lemma ``cues.listed_cue`` needs one of: a cue verb, a cue noun, a source preposition, a light verb.
    listed_lemmas: frozenset[str]

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
            surveys=frozenset(data["survey_nouns"]),
            relay_verbs=frozenset(data["relay_verbs"]),
            relay_links=tuple(tuple(link) for link in data["relay_links"]),
            headline_irregular=dict(data["headline_irregular"]),
            nouns=frozenset(data["nouns"]),
            unsaid_objects=frozenset(data["addressee_verbs"]) | frozenset(data["perception_verbs"]),
            addressed=frozenset(data["addressee_verbs"]),
            perception=frozenset(data["perception_verbs"]),
            clause_only=frozenset(data["clause_only_verbs"]) | frozenset(data["attitude_verbs"]),
            acts=read_words(UNSPOKEN_VERBS_FILE),
            giving=read_words(GIVING_VERBS_FILE),
            speech_nouns=read_words(SPEECH_NOUNS_FILE),
            attitudes=frozenset(data["attitude_verbs"]),
            section_labels=frozenset(data["section_labels"]),
            longest_label=max(map(len, data["section_labels"]), default=0),
            clause_nouns=frozenset(data["clause_nouns"]),
            collective_nouns=frozenset(data["collective_nouns"]),
            light={verb: frozenset(nouns) for verb, nouns in data["light_verbs"].items()},
            light_prepositions=frozenset(data["light_prepositions"]),
            cue_lemmas=cue_lemmas,
            governing_cues=cue_lemmas - frozenset(data["cue_prefix_verbs"]),
            cue_verbs=cue_lemmas | frozenset(data["light_verbs"]),
            listed_lemmas=cue_lemmas
            | frozenset(data["nouns"])
            | frozenset(data["source_prepositions"])
            | frozenset(data["light_verbs"]),
        )


@lru_cache(maxsize=1)
def known_nouns() -> frozenset[str]:
    """The English common nouns the parser's rule lemmatizer knows (its ``lemma_index``, 57,528 nouns drawn
    from WordNet): a word a page label is made of ("Facts", "Correction", "Disclosure"), which a surname the
    entity tagger missed ("Kasich", "Rubio") is not. Empty when the pipeline has no such index."""
    nlp = load_nlp()
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(lookups.get_table("lemma_index").get("noun", ()))
