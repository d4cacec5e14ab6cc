"""Claimant agreement of claims.rules on a PolNeAR split, with parses and statements cached between runs.

``dateline eval --format polnear`` reports the same figure (its ``claims`` block) but parses the split each
time; this script parses once (to ``--cache``), then re-runs only ``claims.rules`` over the cached statements,
so changes to claimant attribution can be measured in seconds. ``--show VERDICT`` prints the claims with that
verdict (sentence, our claimant, gold source).

    python bench/polnear_claims.py ../shared/eval-data/quotes/polnear --split train --show wrong_speaker
"""

from __future__ import annotations

import argparse
import dataclasses
import pickle
from collections import Counter
from pathlib import Path

from dateline.evaluate import polnear
from dateline.extract.claims import extract_claims
from dateline.model import Analysis


def _cached(root: Path, split: str, cache: Path) -> list[tuple[polnear.PolnearDoc, object, Analysis]]:
    if cache.exists():
        with cache.open("rb") as handle:
            loaded: list[tuple[polnear.PolnearDoc, object, Analysis]] = pickle.load(handle)
            return loaded
    docs = polnear.load_split(root, split)
    rows = [(item, doc, analysis) for item, doc, analysis in polnear._analyses(docs) if analysis is not None]
    with cache.open("wb") as handle:
        pickle.dump(rows, handle)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("root", type=Path)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--show", action="append", default=[])
    args = parser.parse_args()
    cache = args.cache or Path(f"/tmp/polnear-claims-{args.split}.pkl")
    counts: Counter[str] = Counter()
    for item, doc, analysis in _cached(args.root, args.split, cache):
        others = tuple(r for r in analysis.records if r.kind != "claim")
        claims = tuple(extract_claims(analysis.article, doc, prior=dataclasses.replace(analysis, records=others)))
        fresh = dataclasses.replace(analysis, records=others + claims)
        for claim in fresh.claims:
            verdict = polnear.claimant_verdict(fresh, item.gold, claim)
            counts[verdict] += 1
            if verdict in args.show:
                gold = polnear.gold_claimant(item.gold, claim.spans[0].start)
                source = polnear.fragments_text(item.text, gold.source) if gold else "OUTLET"
                text = item.text
                s = text.rfind("\n", 0, claim.spans[0].start) + 1
                e = text.find("\n", claim.spans[0].end)
                print(
                    f"--- {verdict} {item.name} @{claim.spans[0].start} [{claim.spans[0].text}] ours={claim.claimant.text!r} gold={source!r}"
                )
                print(
                    "   ",
                    text[
                        max(s, claim.spans[0].start - 300) : min(e if e > 0 else len(text), claim.spans[0].end + 200)
                    ].replace("\n", " "),
                )
    scored = sum(n for v, n in counts.items() if v != "unsourced")
    print(dict(counts), f"claimant accuracy {counts['right'] / scored:.4f} over {scored}")


if __name__ == "__main__":
    main()
