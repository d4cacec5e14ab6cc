"""Propose event nouns from WordNet 3.0 derivation links to the trigger lexicon's typed verbs (events.rules v42).

A noun names its verb's act ("Russia's criticism of the strike", "Mueller's indictment of Stone", "the abduction
of two aid workers by gunmen") where WordNet links the noun's most frequent sense, an act or a communication
(lexicographer files noun.act and noun.communication, so no agent noun: "attacker", "prosecutor"), by a
derivation pointer ("+") to the most frequent sense of a verb that ``verbs`` in data/plover.yaml types by
hand (the WordNet synset verbs are not followed: a derived verb's noun is two guesses from the lexicon). The
noun takes the verb's type; a noun linked so to verbs of two types is left out, and so is a noun of a type
``stative_noun_types`` names (SUPPORT, CONSULT, ...: ``events.nominal_trigger`` reads no noun of those, so an
"endorsement" or "discussion" here would be an entry nothing reads). Nouns the lexicon reads already
are skipped: a key or listed word of plover.yaml, a noun spelt as its verb (``events._nominal``) and an "-ing"
noun (``events._gerund_stem``); so are nouns of more than one word, which the matcher never reads.

The output is the ``derived_nouns`` block of plover.yaml; counts and hand check: docs/extractors.md (events v42).

Usage: python bench/wordnet_nouns.py [WORDNET_DIR]  (default /usr/share/wordnet, Debian's wordnet-base).
WordNet 3.0 (c) 2006 Princeton University, under the WordNet 3.0 licence; only the proposed words are kept.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

PLOVER = Path(__file__).resolve().parents[1] / "src" / "dateline" / "data" / "plover.yaml"
DEFAULT_WORDNET = Path("/usr/share/wordnet")
# WordNet's lexicographer file numbers of noun.act and noun.communication (lexnames, WordNet 3.0).
NOUN_FILES = frozenset({4, 10})


def _index(wordnet: Path, pos: str) -> dict[str, list[str]]:
    """Word -> its synset offsets, most frequent sense first (index.POS)."""
    senses = {}
    for line in (wordnet / f"index.{pos}").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        senses[fields[0].replace("_", " ")] = fields[-int(fields[2]) :]
    return senses


Synset = tuple[int, list[str], list[tuple[str, str, str, str]]]


def _data(wordnet: Path, pos: str) -> dict[str, Synset]:
    """Synset offset -> (lexicographer file, member words, pointers (symbol, offset, pos, source/target))."""
    out: dict[str, Synset] = {}
    for line in (wordnet / f"data.{pos}").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split(" | ")[0].split()
        count = int(fields[3], 16)
        words = [fields[4 + 2 * i].lower().replace("_", " ") for i in range(count)]
        at = 4 + 2 * count
        raw = fields[at + 1 : at + 1 + 4 * int(fields[at])]
        pointers = [(raw[i], raw[i + 1], raw[i + 2], raw[i + 3]) for i in range(0, len(raw), 4)]
        out[fields[0]] = (int(fields[1]), words, pointers)
    return out


def _listed(lexicon: dict[str, Any]) -> set[str]:
    """Every key and listed word of plover.yaml (as bench/wordnet_synsets.py reads them)."""
    words: set[str] = set()
    for value in lexicon.values():
        if isinstance(value, dict):
            words |= {str(k) for k in value}
        elif isinstance(value, list):
            words |= {str(v) for v in value}
    return words


def propose(wordnet: Path, lexicon: dict[str, Any]) -> dict[str, str]:
    """New noun -> type, from the derivation links of its dominant sense to a typed verb's dominant sense."""
    verbs = {str(k): str(v) for k, v in lexicon["verbs"].items() if v}
    stative = {str(t) for t in lexicon["stative_noun_types"]}
    verb_senses, noun_senses = _index(wordnet, "verb"), _index(wordnet, "noun")
    verb_data, noun_data = _data(wordnet, "verb"), _data(wordnet, "noun")
    dominant: dict[str, dict[str, str]] = {}
    for verb, kind in verbs.items():
        if verb_senses.get(verb):
            dominant.setdefault(verb_senses[verb][0], {})[verb] = kind
    listed = _listed(lexicon)
    proposed: dict[str, str] = {}
    for noun, offsets in noun_senses.items():
        if " " in noun or "-" in noun or noun in listed or noun in verbs or noun.endswith("ing"):
            continue
        lexfile, words, pointers = noun_data[offsets[0]]
        if lexfile not in NOUN_FILES or noun not in words:
            continue
        number = words.index(noun) + 1
        kinds: set[str] = set()
        for symbol, offset, pos, ends in pointers:
            source, target = int(ends[:2], 16), int(ends[2:], 16)
            if symbol != "+" or pos != "v" or source not in (0, number):
                continue
            typed = dominant.get(offset, {})
            target_word = verb_data[offset][1][target - 1] if target else None
            kinds |= {kind for verb, kind in typed.items() if target_word in (None, verb)}
        types = {k.split("/")[0] for k in kinds}
        if len(types) == 1 and not types & stative:
            proposed[noun] = sorted(kinds)[0]
    return dict(sorted(proposed.items()))


def main() -> None:
    wordnet = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_WORDNET
    lexicon = yaml.safe_load(PLOVER.read_text(encoding="utf-8"))
    lexicon.pop("synset_verbs", None)
    lexicon.pop("derived_nouns", None)
    print("derived_nouns:")
    for word, kind in propose(wordnet, lexicon).items():
        print(f"  {word}: {kind}")


if __name__ == "__main__":
    main()
