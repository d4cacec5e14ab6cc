"""Propose event verbs from WordNet 3.0 synsets that the trigger lexicon already types (events.rules v21).

A WordNet verb synset holding three or more verbs (MIN_TYPED) that ``verbs`` in data/plover.yaml gives one PLOVER type (spelling
variants such as "criticize"/"criticise" count once) is that type's sense; its other members are proposed with the
type ("imprison" and "jail" are COERCE/arrest, so "incarcerate" is too), when the synset is among a proposed
verb's two most frequent WordNet senses (so "know" is not proposed from the "recognize" synset it shares) and the
verb is no key or listed word of plover.yaml already. The matcher reads a verb and one particle (events.py: a
synset verb's must be a true particle, dep ``prt``), so a verb of more than two words is left out, and so is a
two-word one whose second word is no particle, which WordNet lists as no adverb: an object ("have words") or a
preposition ("plump for") could never match. The output is the ``synset_verbs`` block of plover.yaml; it was chosen by the counts and
hand check in docs/extractors.md (events v21), which also names what was left out.

Since events.rules v28 a second rule proposes manner verbs of judging aloud (``troponyms``): a verb whose most
frequent sense is in WordNet's verb.communication file and whose direct hypernym there is the most frequent sense
of a typed lexicon verb of criticism, praise or dismissal (ACCUSE other than its investigate mode, SUPPORT,
REJECT) takes that verb's type: "chastise", "upbraid" under "rebuke"; "laud", "extol" under "praise"; "disavow"
under "deny"; "rail", "inveigh" under "complain". Both words in their dominant sense, so the lexicon's type is
read where the lexicon means it; other files and types were tried and dropped (docs/extractors.md, events v28:
"cut" SANCTION gave "dice", "beat" ASSAULT gave "outperform", "insist" REQUEST gave "assert").

Usage: python bench/wordnet_synsets.py [WORDNET_DIR]  (default /usr/share/wordnet, Debian's wordnet-base).
WordNet 3.0 (c) 2006 Princeton University, under the WordNet 3.0 licence; only the proposed words are kept.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

PLOVER = Path(__file__).resolve().parents[1] / "src" / "dateline" / "data" / "plover.yaml"
DEFAULT_WORDNET = Path("/usr/share/wordnet")
# A synset must hold this many distinct typed lexicon verbs of one type to stand for that type's sense.
MIN_TYPED = 3
# ... and be among this many most frequent senses of the verb it proposes.
MAX_SENSE_RANK = 2
MAX_WORDS = 2
# Proposed verbs the hand check left out (docs/extractors.md, events v21): "necessitate" is the synset's "require as
# useful" sense, said of things ("the shutdown necessitated ..."), no one's request; "relinquish" gave no right event
# of two ("never relinquish it", a prediction; funding relinquished typed RETREAT); "chew up" is consumed or worn out
# in all 3 AllSides uses ("chewing up clock", "chew up floor time", "officers are being chewed up"), no rebuke.
# Manner verbs (troponyms, events v28) whose news sense is not the verb.communication sense WordNet ranks first, read
# on bulk AllSides (seed 13000, 6,000 reports less gold/dev; docs/extractors.md, events v29): "mitigate" reduces a
# risk (6 of 6 read; WordNet's first sense, "extenuate a crime", rests on 3 SemCor tags), "scald" burns (1 of 1),
# "chasten" humbles ("chastened by a failed deal", 6 of 6), "exalt" ranks high ("exalted leader", 6 of 6), "nag" is
# a lingering feeling or cough (4 of 6), "rationalize" justifies to oneself or makes efficient (4 of 6, no support).
MANNER_NOT_NEWS_SENSE = frozenset({"mitigate", "scald", "chasten", "exalt", "nag", "rationalize"})
LEFT_OUT = frozenset({"necessitate", "relinquish", "chew up"}) | MANNER_NOT_NEWS_SENSE
# WordNet's lexicographer file number of verb.communication (lexnames, WordNet 3.0).
COMMUNICATION = 32
# The types of judging aloud whose manner verbs (troponyms) keep the type; ACCUSE's investigate mode is an
# inquiry, not a judgement ("research", "re-examine" under "investigate").
JUDGING_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT"})
NOT_JUDGING_MODES = frozenset({"investigate"})


def _spelling(word: str) -> str:
    """One key for spelling variants ("criticise"/"criticize", "lambaste"/"lambast")."""
    word = word[:-3] + "ize" if word.endswith("ise") else word
    return word.removesuffix("e")


def _senses(wordnet: Path) -> dict[str, list[str]]:
    """Verb -> its synset offsets, most frequent sense first (index.verb)."""
    senses = {}
    for line in (wordnet / "index.verb").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        count = int(fields[2])
        senses[fields[0].replace("_", " ")] = fields[-count:]
    return senses


def _synsets(wordnet: Path) -> dict[str, list[str]]:
    """Synset offset -> its member verbs (data.verb)."""
    synsets = {}
    for line in (wordnet / "data.verb").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split(" | ")[0].split()
        count = int(fields[3], 16)
        synsets[fields[0]] = [fields[4 + 2 * i].lower().replace("_", " ") for i in range(count)]
    return synsets


def _verb_graph(wordnet: Path) -> tuple[dict[str, int], dict[str, list[str]]]:
    """Synset offset -> its lexicographer file number, and -> its direct hypernyms (pointer "@"), from data.verb."""
    files: dict[str, int] = {}
    hypernyms: dict[str, list[str]] = {}
    for line in (wordnet / "data.verb").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split(" | ")[0].split()
        count = int(fields[3], 16)
        files[fields[0]] = int(fields[1])
        at = 4 + 2 * count
        pointers = fields[at + 1 : at + 1 + 4 * int(fields[at])]
        hypernyms[fields[0]] = [pointers[i + 1] for i in range(0, len(pointers), 4) if pointers[i] == "@"]
    return files, hypernyms


def troponyms(wordnet: Path, lexicon: dict[str, Any]) -> dict[str, str]:
    """New verb -> type, for manner verbs of judging aloud (see the module's second rule)."""
    verbs = {str(k): str(v) for k, v in lexicon["verbs"].items() if v}
    senses = _senses(wordnet)
    listed = _listed(lexicon)
    particles = _particles(wordnet)
    files, hypernyms = _verb_graph(wordnet)
    dominant: dict[str, set[str]] = {}
    for verb, kind in verbs.items():
        if senses.get(verb):
            dominant.setdefault(senses[verb][0], set()).add(kind)
    proposed: dict[str, str] = {}
    for verb, offsets in senses.items():
        first = offsets[0]
        if verb in listed or verb in LEFT_OUT or not _readable(verb, particles) or files[first] != COMMUNICATION:
            continue
        anchors = [h for h in hypernyms[first] if h in dominant]
        kinds = set().union(*(dominant[h] for h in anchors)) if anchors else set()
        if len({k.split("/")[0] for k in kinds}) != 1 or not any(files[h] == COMMUNICATION for h in anchors):
            continue
        kind = sorted(kinds)[0]
        root, _, mode = kind.partition("/")
        if root in JUDGING_TYPES and mode not in NOT_JUDGING_MODES:
            proposed[verb] = kind
    return dict(sorted(proposed.items()))


def _particles(wordnet: Path) -> set[str]:
    """The words WordNet lists as adverbs (index.adv): what can be a phrasal verb's particle ("down", "out")."""
    lines = (wordnet / "index.adv").read_text(encoding="utf-8").splitlines()
    return {line.split()[0] for line in lines if not line.startswith(" ")}


def _readable(verb: str, particles: set[str]) -> bool:
    """Whether the matcher can read ``verb``: one word, or a verb and one particle."""
    words = verb.split()
    return len(words) == 1 or (len(words) == MAX_WORDS and words[1] in particles)


def _listed(lexicon: dict[str, Any]) -> set[str]:
    """Every key and listed word of plover.yaml: a proposed verb must be new to all of them."""
    words: set[str] = set()
    for value in lexicon.values():
        if isinstance(value, dict):
            words |= {str(k) for k in value}
        elif isinstance(value, list):
            words |= {str(v) for v in value}
    return words


def propose(wordnet: Path, lexicon: dict[str, Any]) -> dict[str, str]:
    """New verb -> type, from the synsets the lexicon's typed verbs share."""
    verbs = {str(k): str(v) for k, v in lexicon["verbs"].items() if v}
    senses = _senses(wordnet)
    listed = _listed(lexicon)
    particles = _particles(wordnet)
    proposed: dict[str, str] = {}
    conflicts: set[str] = set()
    for offset, members in _synsets(wordnet).items():
        typed = {_spelling(m): verbs[m] for m in members if m in verbs}
        roots = Counter(t.split("/")[0] for t in typed.values())
        for root, count in roots.items():
            if count < MIN_TYPED:
                continue
            kind = Counter(t for t in typed.values() if t.split("/")[0] == root).most_common(1)[0][0]
            for member in members:
                if member in listed or not _readable(member, particles):
                    continue
                if offset not in senses.get(member, [])[:MAX_SENSE_RANK]:
                    continue
                if proposed.get(member, kind) != kind:
                    conflicts.add(member)
                proposed[member] = kind
    return {w: t for w, t in sorted(proposed.items()) if w not in conflicts and w not in LEFT_OUT}


def main() -> None:
    wordnet = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_WORDNET
    lexicon = yaml.safe_load(PLOVER.read_text(encoding="utf-8"))
    lexicon.pop("synset_verbs", None)
    # The nouns derived from the written verbs (bench/wordnet_nouns.py) are no part of what this block reads.
    lexicon.pop("derived_nouns", None)
    print("synset_verbs:")
    found = {**troponyms(wordnet, lexicon), **propose(wordnet, lexicon)}
    for word, kind in sorted(found.items()):
        print(f"  {word}: {kind}")


if __name__ == "__main__":
    main()
