"""Write the nouns that name no one who can speak (statements.rules v24), from WordNet 3.0's noun classes.

A cue's subject must be someone who can speak: a person, a group, or what people write or say (a document, a
poll, a study: the gold guide allows those as optional speakers). WordNet files every noun sense under one
lexicographer class (``noun.person``, ``noun.group``, ``noun.communication``, ...). A noun all of whose senses
lie in the classes below (``MUTE_CLASSES``: events, states, feelings, attributes, motives, times, processes,
natural phenomena and objects, shapes, body parts, plants, animals, foods, substances) cannot be read as a
speaker in any sense: "the crisis highlighted", "Trump's victory shows", "the potential ... may explain".
Left out on purpose: ``noun.act``, ``noun.artifact`` and ``noun.possession``, which hold documents and
organisations ("the lawsuit alleges", "the audit found", "a local brewery announced", "the campaign said");
``noun.location``, whose nouns stand for their governments ("the county said"); ``noun.quantity`` and
``noun.relation``, which count people ("55 percent say", "a majority of voters believe"); and ``noun.Tops``.
The counts and the hand check behind the choice are in docs/extractors.md (statements.rules v24).
It also writes the nouns whose most frequent sense is a person (``person_nouns.txt``) and, of those, the ones with
another sense that is an occasion (``occasion_person_nouns.txt``: "fundraiser"), and the nouns of kin and partners
(``kin_nouns.txt``: "son", "fiancee"; both events.rules v54), and the nouns of nothing a blow can land on
(``abstract_nouns.txt``: "legislation", "credibility"; events.rules v65).

Usage: python bench/wordnet_speakers.py [WORDNET_DIR]  (default /usr/share/wordnet, Debian's wordnet-base).
WordNet 3.0 (c) 2006 Princeton University, under the WordNet 3.0 licence; only the listed words are kept.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "data" / "mute_nouns.txt"
PERSONS_OUT = OUT.with_name("person_nouns.txt")
OCCASIONS_OUT = OUT.with_name("occasion_person_nouns.txt")
KIN_OUT = OUT.with_name("kin_nouns.txt")
ABSTRACT_OUT = OUT.with_name("abstract_nouns.txt")
# WordNet 3.0 synsets whose hyponyms are someone's own people: relative.n.01 ("relative, relation": kin by blood
# or marriage) and lover.n.01 ("a person who loves someone or is loved by someone": fiancee, girlfriend).
KIN_ROOTS = frozenset({"10235549", "09622302"})
# WordNet 3.0's lexicographer file number of ``noun.person``.
PERSON_CLASS = 18
DEFAULT_WORDNET = Path("/usr/share/wordnet")
# WordNet 3.0's lexicographer file number of ``noun.event``.
EVENT_CLASS = 11
# WordNet 3.0's lexicographer file numbers of the noun classes that name no one who can speak (lexnames(5WN)).
MUTE_CLASSES = {
    7: "noun.attribute",
    8: "noun.body",
    11: "noun.event",
    12: "noun.feeling",
    13: "noun.food",
    5: "noun.animal",
    16: "noun.motive",
    17: "noun.object",
    19: "noun.phenomenon",
    20: "noun.plant",
    22: "noun.process",
    25: "noun.shape",
    26: "noun.state",
    27: "noun.substance",
    28: "noun.time",
}
# WordNet 3.0's lexicographer file numbers of the noun classes of nothing a blow can land on: acts, attributes,
# ideas, messages, events, feelings, motives, phenomena, possessions, processes, relations, states, times
# (lexnames(5WN); not people, groups, places, artifacts, natural objects, bodies, animals, plants, foods,
# substances or shapes, nor quantities, which head a partitive: "attacking a handful of oil tankers", seed 143001).
ABSTRACT_CLASSES = {
    4: "noun.act",
    7: "noun.attribute",
    9: "noun.cognition",
    10: "noun.communication",
    11: "noun.event",
    12: "noun.feeling",
    16: "noun.motive",
    19: "noun.phenomenon",
    21: "noun.possession",
    22: "noun.process",
    24: "noun.relation",
    26: "noun.state",
    28: "noun.time",
}
# WordNet 3.0 synsets of fighting itself: military_action.n.01 (battle, combat, war), conflict.n.01 ("conflict,
# struggle, battle": fight, price war, rebellion), and the overthrows beside rebellion: revolution.n.02 ("the
# overthrow of a government by those who are governed") and coup_d'etat.n.01 (coup, putsch). Their nouns are the
# fight, not what it lands on ("rival groups fought pitched battles", behaviour set; "The Castros ... fought their
# revolution in the 1950s", review of session 33, seed 151001), so they stay out of the abstract nouns.
FIGHT_ROOTS = frozenset({"00952963", "00958896", "00962722", "01145015"})
# WordNet 3.0 synsets of occasions people gather at: affair.n.03 (social occasions: funeral, ceremony, inauguration),
# performance.n.02 (concert, recital), celebration.n.02 (festival, carnival), protest.n.01 (protest, demonstration,
# sit-in, strike) and procession.n.01. An attack on one lands on the people there ("A gunman attacked a concert in
# Paris", "Two men attacked the protest with clubs": ACCUSE at first, review of session 33), so they stay out.
GATHERING_ROOTS = frozenset({"07447261", "06891493", "00428000", "01177033", "00296585"})
HEADER = """\
# Nouns every WordNet 3.0 sense of which lies in a class that names no one who can speak (events, states,
# feelings, attributes, motives, times, processes, phenomena, objects, shapes, body parts, plants, animals,
# foods, substances): a cue subject headed by one is no speaker (statements.rules v24). Generated by
# bench/wordnet_speakers.py; do not edit by hand. WordNet 3.0 (c) 2006 Princeton University, WordNet 3.0 licence:
# see WORDNET-LICENSE.txt beside this file (its notice and disclaimer apply to this list).
"""


def _classes(wordnet: Path) -> dict[str, int]:
    """Each noun synset's offset -> its lexicographer file number."""
    out: dict[str, int] = {}
    with (wordnet / "data.noun").open(encoding="latin-1") as handle:
        for line in handle:
            if not line.startswith(" "):
                offset, lexfile, _ = line.split(" ", 2)
                out[offset] = int(lexfile)
    return out


def _noun_offsets(wordnet: Path) -> Iterator[tuple[str, list[str]]]:
    """Each one-word noun (letters and hyphens; a multi-word entry ("_") or one with digits or stops is never
    one token's lemma) with its senses' synset offsets, the most frequent first."""
    with (wordnet / "index.noun").open(encoding="latin-1") as handle:
        for line in handle:
            if line.startswith(" "):
                continue
            fields = line.split()
            lemma, pointers = fields[0], int(fields[3])
            if lemma.replace("-", "").isalpha():
                yield lemma, fields[4 + pointers + 2 :]


def _senses(wordnet: Path) -> Iterator[tuple[str, list[int]]]:
    """Each one-word noun (``_noun_offsets``) with the lexicographer file numbers of its senses."""
    classes = _classes(wordnet)
    for lemma, offsets in _noun_offsets(wordnet):
        yield lemma, [classes[o] for o in offsets]


def mute_nouns(wordnet: Path) -> list[str]:
    """One-word nouns (letters and hyphens) all of whose senses lie in ``MUTE_CLASSES``."""
    return sorted(lemma for lemma, senses in _senses(wordnet) if all(c in MUTE_CLASSES for c in senses))


def abstract_nouns(wordnet: Path) -> list[str]:
    """One-word nouns (letters and hyphens) all of whose senses lie in ``ABSTRACT_CLASSES``, less those with a
    sense of fighting itself (under ``FIGHT_ROOTS``), the cognate object of a verb of fighting, or of an occasion
    people gather at (under ``GATHERING_ROOTS``), where a blow lands on the people."""
    classes, hypernyms, left_out = _classes(wordnet), _hypernyms(wordnet), FIGHT_ROOTS | GATHERING_ROOTS
    return sorted(
        lemma
        for lemma, offsets in _noun_offsets(wordnet)
        if all(classes[o] in ABSTRACT_CLASSES for o in offsets)
        and not any(_under(o, left_out, hypernyms) for o in offsets)
    )


ABSTRACT_HEADER = """\
# Nouns every WordNet 3.0 sense of which lies in a class of nothing a blow can land on (acts, attributes, ideas,
# messages, events, feelings, motives, phenomena, possessions, processes, relations, states, times), less the
# nouns of fighting itself ("battle", "struggle") and of occasions people gather at ("concert", "funeral",
# "protest"): an ASSAULT verb whose patients are all such nouns is used in a figurative sense ("killed the
# legislation", "attacked the credibility of journalists", "beat the odds"; events.rules v65,
# events._abstract_patient).
# Generated by bench/wordnet_speakers.py; do not edit by hand. WordNet 3.0 (c) 2006 Princeton University,
# WordNet 3.0 licence: see WORDNET-LICENSE.txt beside this file.
"""


PERSONS_HEADER = """\
# Nouns whose most frequent WordNet 3.0 sense is a person (noun.person: "boy", "mother", "economist"): the
# object of an appositive's "of" that a restrictive "who" clause then describes (statements.rules v26,
# speakers.apposition_head). Generated by bench/wordnet_speakers.py; do not edit by hand. WordNet 3.0 (c) 2006
# Princeton University, WordNet 3.0 licence: see WORDNET-LICENSE.txt beside this file.
"""


def person_nouns(wordnet: Path) -> list[str]:
    """One-word nouns (letters and hyphens) whose first sense, the most frequent, lies in ``noun.person``."""
    return sorted(lemma for lemma, senses in _senses(wordnet) if senses[0] == PERSON_CLASS)


OCCASIONS_HEADER = """\
# Person nouns (person_nouns.txt) with another sense that is an occasion (noun.event: "fundraiser" is also "a
# social function held for the purpose of raising money"): hosted, met or visited, such a noun may be the
# occasion, not the people (events.rules v54, events._people_met). Generated by bench/wordnet_speakers.py; do not
# edit by hand. WordNet 3.0 (c) 2006 Princeton University, WordNet 3.0 licence: see WORDNET-LICENSE.txt beside
# this file.
"""


def occasion_person_nouns(wordnet: Path) -> list[str]:
    """``person_nouns`` of which another sense lies in ``noun.event``."""
    return sorted(
        lemma for lemma, senses in _senses(wordnet) if senses[0] == PERSON_CLASS and EVENT_CLASS in senses[1:]
    )


KIN_HEADER = """\
# Nouns with a WordNet 3.0 sense under relative.n.01 or lover.n.01 (kin by blood or marriage, partners and
# sweethearts: "son", "parent", "fiancee", "girlfriend"): met or visited, such a person is a private call, not a
# side (events.rules v54, events._people_met). Generated by bench/wordnet_speakers.py; do not edit by hand.
# WordNet 3.0 (c) 2006 Princeton University, WordNet 3.0 licence: see WORDNET-LICENSE.txt beside this file.
"""


def _hypernyms(wordnet: Path) -> dict[str, list[str]]:
    """Each noun synset's offset -> the offsets of its hypernyms (instance hypernyms included)."""
    out: dict[str, list[str]] = {}
    with (wordnet / "data.noun").open(encoding="latin-1") as handle:
        for line in handle:
            if line.startswith(" "):
                continue
            fields = line.split("|", 1)[0].split()
            words = int(fields[3], 16)
            at = 4 + 2 * words
            pointers = fields[at + 1 : at + 1 + 4 * int(fields[at])]
            out[fields[0]] = [pointers[i + 1] for i in range(0, len(pointers), 4) if pointers[i] in ("@", "@i")]
    return out


def _under(offset: str, roots: frozenset[str], hypernyms: dict[str, list[str]]) -> bool:
    """Whether a synset is one of ``roots`` or lies below one, through its hypernyms."""
    stack, seen = [offset], set()
    while stack:
        node = stack.pop()
        if node in roots:
            return True
        if node not in seen:
            seen.add(node)
            stack += hypernyms.get(node, [])
    return False


def kin_nouns(wordnet: Path) -> list[str]:
    """One-word nouns (letters and hyphens) with a sense under ``KIN_ROOTS``."""
    hypernyms = _hypernyms(wordnet)
    return sorted(
        lemma for lemma, offsets in _noun_offsets(wordnet) if any(_under(o, KIN_ROOTS, hypernyms) for o in offsets)
    )


def main() -> None:
    wordnet = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_WORDNET
    for generate, out, header in (
        (mute_nouns, OUT, HEADER),
        (person_nouns, PERSONS_OUT, PERSONS_HEADER),
        (occasion_person_nouns, OCCASIONS_OUT, OCCASIONS_HEADER),
        (kin_nouns, KIN_OUT, KIN_HEADER),
        (abstract_nouns, ABSTRACT_OUT, ABSTRACT_HEADER),
    ):
        nouns = generate(wordnet)
        out.write_text(header + "\n".join(nouns) + "\n", encoding="utf-8")
        print(f"{len(nouns)} nouns -> {out}")


if __name__ == "__main__":
    main()
