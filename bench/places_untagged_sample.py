"""Would a toponym the model gives no place span be found by the parse and the index? A seeded listing to read.

GeoWebNews' tune half misses toponyms that no GPE/LOC/FAC span covers (issue 18): small towns after a preposition
("a Market at Wana", "switching to Middlestown", "installed in Echmiadzin") that the places extractor's untagged and
mistagged readings gate out (a town of UNTAGGED_MIN_POPULATION or more under its own name, after a locative
preposition). Before widening a gate, this lists every proper-noun run after a preposition of place or motion that
no place mention covers and that the gazetteer index knows as a town, division or country of any size: with the
model's label over it, the likeliest sense, and whether that sense lies in a country the article names. Read each
line against the annotation guide: a gate is worth widening only where such runs are mostly places.

    python bench/places_untagged_sample.py ../shared/corpus --seed 158000 --reports 200 --gold ../shared/gold \\
        --out /tmp/untagged-158000.txt

Session 34, this script's seed 158000 (140 AllSides outside the gold sets, 30 BBC, 30 Reuters-21578 over 600
characters): 105 runs, 4 of them places ("in Wanchese, North Carolina" tagged NORP; "to Ise-Jingu", the shrine's
town, ORG; "went to Murray Hill" in Manhattan, PERSON, the index's sense in New Jersey; "at Twickenham" the stadium,
ORG, read as another sense). The rest: 32 under a DATE label ("in March"), 35 PERSON ("close to Romney"), 33 ORG
("Congress" 22, "at Yale" 3, "went to Occidental"), a LANGUAGE and a LAW. In a country the article names and under
no PERSON or DATE label: 31 runs, 2 places (Wanchese, Ise).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from claims_sample import gold_ids, sample_parser, show_listing
from datelines_sample import BBC_SHARE, REUTERS_SHARE, _allsides, _bbc, _reuters

from dateline.extract.places import _SETTLEMENT_FEATURES, _proper_run, candidates, context_countries, mentions, words
from dateline.extract.support.tokens import columns
from dateline.model import Analysis, Article
from dateline.nlp import load_nlp
from dateline.nlp.model import PIPE_BATCH_SIZE

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Prepositions of place and of motion: the places extractor's locative and site words ("in", "at", "to", "from"),
# less "on", which session 34's draw (seed 158000, in the docstring) left out.
PREPOSITIONS = (words().locative | words().site_prepositions) - {"on"}
# Reuters-21578 stories shorter than this are mostly tables and one-line notices.
REUTERS_MIN_CHARS = 600
# Characters of context printed either side of a run.
CONTEXT = 70


def _reports(folder: Path, seed: int, reports: int, skip: set[str]) -> list[Article]:
    rng = random.Random(seed)
    bbc, reuters = int(reports * BBC_SHARE), int(reports * REUTERS_SHARE)
    long_reuters = (a for a in _reuters(folder, rng) if len(a.text) > REUTERS_MIN_CHARS)
    return [
        *islice(_allsides(folder, rng, skip), reports - bbc - reuters),
        *islice(_bbc(folder, rng), bbc),
        *islice(long_reuters, reuters),
    ]


def _runs(article: Article, doc: Doc) -> Iterator[str]:
    """One line per uncovered run after a preposition that the index knows as a settled place."""
    found = mentions(article, doc, Analysis(article))
    context = context_countries(article, (m.text for m in found))
    cols = columns(doc)
    for i in range(len(cols.lowers) - 1):
        if cols.lowers[i] not in PREPOSITIONS or cols.deps[i] != "prep":
            continue
        run = _proper_run(doc, i + 1, cols)
        if not run:
            continue
        start, end = run[0].idx, run[-1].idx + len(run[-1].text)
        senses = [c for c in candidates(article.text[start:end]) if c.feature in _SETTLEMENT_FEATURES]
        if not senses or any(m.start < end and start < m.end for m in found):
            continue
        labels = sorted({e.label_ for e in doc.ents if e.start_char < end and start < e.end_char})
        best = max(senses, key=lambda c: (c.country in context, c.population))
        text = article.text[max(0, start - CONTEXT) : end + CONTEXT].replace("\n", " ")
        yield (
            f"{article.source_path}\t{cols.lowers[i]}\t{article.text[start:end]}\t{','.join(labels) or '-'}\t"
            f"{best.name},{best.country},{best.feature},{best.population},named={best.country in context}\t{text}"
        )


def main() -> None:
    args = sample_parser().parse_args()
    articles = _reports(args.folder, args.seed, args.reports, gold_ids(args.gold))
    docs = load_nlp().pipe((a.text for a in articles), batch_size=PIPE_BATCH_SIZE)
    lines = [line for article, doc in zip(articles, docs, strict=True) for line in _runs(article, doc)]
    shown = show_listing(lines, args.out, args.against)
    print(f"# {len(articles)} reports, {len(lines)} runs, {len(shown)} shown")


if __name__ == "__main__":
    main()
