"""Why matched PolNeAR contents differ in extent: every gold attribution that ``statements.combined`` matches
by overlap but not strictly (``content_strict`` of ``dateline eval --format polnear``), classed by how the
two word sequences differ, on the train tuning slice (``train.attribution.tuning_split``; never dev).

Classes (words as ``content_strict`` compares them, ``polnear.gold_readings``: lower case, punctuation, quote
marks, a leading "that" and a gold's first fragment that is a lone relative word ignored, an aside cut out of
a gold content's middle taken back):

- ``early:<next>``: ours is a prefix of PolNeAR's; ``<next>`` is what PolNeAR continues with: ``and-but``
  (a coordinated clause), ``next-sentence`` (a second sentence, the same quotation going on), ``relative``
  (who/which/where/whose), ``fragment`` (a discontinuous gold whose later part we leave out), ``other``;
- ``late:<extra>``: PolNeAR's is a prefix of ours; ``said`` (a trailing attribution, "he said"),
  ``next-sentence``, ``and-but``, ``adjunct`` (anything else after the end);
- ``starts-later``: ours is a suffix of PolNeAR's (it keeps words at the start we leave out);
- ``starts-earlier``: PolNeAR's is a suffix of ours (a fronted adverbial, an addressee, the cue's noun);
- ``inside``: ours lies inside PolNeAR's, short at both ends; ``around``: PolNeAR's inside ours;
- ``crossed``: the two overlap with different words at both ends.

    python bench/attribution_extents.py --out extents.json [--cache /tmp/tune.spacy] [--show CLASS] [--seed N]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dateline.evaluate import polnear
from dateline.extract.statements.content import ASIDE_OPENERS
from dateline.model import Analysis
from dateline.pipeline import Pipeline
from dateline.train import attribution

_COORDINATORS = frozenset({"and", "but", "or", "while", "as", "because", "so", "although", "though"})
# The relative words of statements' aside cut, and "when", which opens a relative clause on a time.
_RELATIVES = ASIDE_OPENERS | {"when"}
_SAID = frozenset({"said", "says", "say", "told", "added", "according", "asked", "wrote", "explained", "noted"})
_SENTENCE_END = re.compile(r"[.!?][\"”’']*\s")


def words(text: str) -> tuple[str, ...]:
    """The words ``content_strict`` compares."""
    return polnear.strict_words(text)


def is_sub(inner: Sequence[str], outer: Sequence[str]) -> bool:
    n = len(inner)
    return any(tuple(outer[i : i + n]) == tuple(inner) for i in range(len(outer) - n + 1))


def classify(text: str, gold: polnear.Attribution, pred: polnear.Predicted) -> str:
    g, p = words(polnear.fragments_text(text, gold.content)), words(polnear.fragments_text(text, pred.content))
    g_end, p_end = gold.content[-1][1], pred.content[-1][1]
    if len(p) < len(g) and g[: len(p)] == p:
        rest = g[len(p)]
        if len(gold.content) > 1 and p_end <= gold.content[-2][1]:
            return "early:fragment"
        if _SENTENCE_END.search(text[p_end - 1 : g_end]):
            return "early:next-sentence"
        if rest in _COORDINATORS:
            return "early:and-but"
        if rest in _RELATIVES:
            return "early:relative"
        return "early:other"
    if len(g) < len(p) and p[: len(g)] == g:
        extra = p[len(g) :]
        if _SAID & set(extra[:4]):
            return "late:said"
        if _SENTENCE_END.search(text[g_end - 1 : p_end]):
            return "late:next-sentence"
        if extra[0] in _COORDINATORS:
            return "late:and-but"
        return "late:adjunct"
    if len(p) < len(g) and g[len(g) - len(p) :] == p:
        return "starts-later"
    if len(g) < len(p) and p[len(p) - len(g) :] == g:
        return "starts-earlier"
    if is_sub(p, g):
        return "inside"
    if is_sub(g, p):
        return "around"
    return "crossed"


def parsed(docs: Sequence[polnear.PolnearDoc], cache: Path | None) -> list[Any]:
    """The tuning slice's parses, from ``cache`` (a spaCy DocBin) when it is there."""
    from spacy.tokens import DocBin

    from dateline.nlp import load_nlp

    nlp = load_nlp()
    if cache is not None and cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    out = [p.doc for p in attribution.parse(docs)]
    if cache is not None:
        DocBin(docs=out, store_user_data=True).to_disk(cache)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=attribution.DEFAULT_POLNEAR)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--cache", type=Path, default=None, help="a DocBin of the slice's parses")
    parser.add_argument("--show", default=None, help="print the pairs of this class (prefix)")
    parser.add_argument(
        "--seed", type=int, default=attribution.SEED, help="the seed that draws the slice (another seed: a fresh one)"
    )
    args = parser.parse_args()
    tune = attribution.tuning_split(polnear.load_split(args.polnear, "train"), args.seed)[1]
    pipeline = Pipeline(list(polnear.EXTRACTORS))
    rows: list[dict[str, str]] = []
    tally = polnear.Tally()
    for item, doc in zip(tune, parsed(tune, args.cache), strict=True):
        result = pipeline.analyze(polnear.as_article(item), doc)
        preds = polnear.dateline_predictions(result) if isinstance(result, Analysis) else []
        tally.add(item.text, item.gold, preds, polnear.gold_cue_classes(doc, item.gold))
        for gi, pi in polnear.overlap_matches(item.gold, preds):
            g, p = item.gold[gi], preds[pi]
            gold_text, pred_text = (
                polnear.fragments_text(item.text, g.content),
                polnear.fragments_text(item.text, p.content),
            )
            if words(pred_text) in polnear.gold_readings(item.text, g):
                continue  # the same words as ``content_strict`` compares them
            rows.append(
                {
                    "article": item.name,
                    "class": classify(item.text, g, p),
                    "cue": " | ".join(item.text[a:b] for a, b in g.cue),
                    "gold": gold_text,
                    "pred": pred_text,
                }
            )
    args.out.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    report = tally.report()
    print(
        f"{len(tune)} articles: matched {report['matched']} / predicted {report['predicted']} / gold "
        f"{report['gold']}; overlap F1 {report['f1']:.4f} (R {report['recall']:.4f}), strict F1 "
        f"{report['content_strict_f1']:.4f}, source {report['source_accuracy']}"
    )
    for cls, row in tally.class_report().items():
        print(f"  {cls}: {row}")
    print(f"{len(rows)} matched but not strict")
    for cls, n in Counter(r["class"] for r in rows).most_common():
        print(f"  {cls}: {n}")
    if args.show:
        for r in rows:
            if r["class"].startswith(args.show):
                print(f"\n[{r['class']}] cue {r['cue']!r}\n  GOLD {r['gold']!r}\n  PRED {r['pred']!r}")


if __name__ == "__main__":
    main()
