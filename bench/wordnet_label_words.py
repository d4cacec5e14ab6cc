"""Write the words that are a town's name in the gazetteer but a common English word in WordNet (ingest, session 25).

A wire dateline is a place in capitals before a dash ("LONDON —"); a section kicker or an editor's label is
written the same way ("POLL —", "UPDATE —", "LEAD - VIRGIN 34.00", "CORRECTION - ..."). A label the gazetteer
does not know is no place; this file holds the ones it does know as a town (Poll in Germany, Lead in South Dakota,
More as an alternate name of Mora), so that ingest can tell them apart without a list of labels: a word WordNet
knows only as a common word (a lower-case lemma of any part of speech) and never as a place (no capitalised
lemma in ``noun.location``). "Phoenix", "Reading", "Mobile", "Buffalo" and "Nice" are places in WordNet and stay
datelines; "More" (Thomas More, a person) and "Poll" are not.

Usage: python bench/wordnet_label_words.py [WORDNET_DIR]  (default /usr/share/wordnet, Debian's wordnet-base).
WordNet 3.0 (c) 2006 Princeton University, under the WordNet 3.0 licence; only the listed words are kept.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from dateline.gazetteer import FEATURE_COUNTRY, load_gazetteer

OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "data" / "label_words.txt"
DEFAULT_WORDNET = Path("/usr/share/wordnet")
# WordNet 3.0's lexicographer file number of ``noun.location`` (lexnames(5WN)).
LOCATION_CLASS = 15
PARTS_OF_SPEECH = ("noun", "verb", "adj", "adv")


def _lemmas(wordnet: Path) -> tuple[set[str], set[str]]:
    """WordNet's one-word lemmas written in lower case, and those written capitalised in a place's sense."""
    common: set[str] = set()
    places: set[str] = set()
    for pos in PARTS_OF_SPEECH:
        for line in (wordnet / f"data.{pos}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue  # the licence header
            fields = line.split()
            lexfile, count = int(fields[1]), int(fields[3], 16)
            for i in range(count):
                word = re.sub(r"\(.*\)$", "", fields[4 + 2 * i])  # "(a)", "(p)": an adjective's position
                if not word.isalpha():
                    continue
                if word.islower():
                    common.add(word)
                elif pos == "noun" and lexfile == LOCATION_CLASS:
                    places.add(word.lower())
    return common, places


def main() -> None:
    wordnet = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_WORDNET
    common, places = _lemmas(wordnet)
    gazetteer = load_gazetteer()
    towns = [
        word
        for word in sorted(common - places)
        if any(c.feature.startswith("P") or c.feature == FEATURE_COUNTRY for c in gazetteer.lookup(word.title()))
    ]
    OUT.write_text("\n".join(towns) + "\n", encoding="utf-8")
    print(f"{len(towns)} words -> {OUT}")


if __name__ == "__main__":
    main()
