"""Where PolNeAR's recall goes: every gold attribution that ``statements.combined`` misses on a PolNeAR train
slice, classed by what the rules and the tagger did in its sentence (session 16, issue #14).

- ``e``: a prediction overlaps its content, but the scorer's one-to-one matching gave it to another gold;
- ``d``: its content spans sentences, or its source stands in another sentence than its cue;
- ``a1``-``a4``: its cue's sentence holds a rule statement, so the tagger is not asked there; what the tagger
  says of that sentence when asked: ``a1`` a statement kept to listed cues that shares no content with the
  rules' (``a1b``: one that does), ``a2`` a statement only without the cue-class filter, ``a3`` a tagged
  content but no statement, ``a4`` nothing of it;
- ``b1``: the tagger made a statement of it that the cue-class filter (``listed_only``) drops;
- ``b2:<why>``: the tagger tagged its content, but the decoder made no statement: ``no-cue``, ``no-source``
  (and the parse's subject is no name or pronoun), ``unsaid`` (passive, negated, clause-only cue without a
  clause), ``topic``, ``no-speaker``, or ``nearest-content-other`` (the cue took another content);
- ``c``: the tagger tagged nothing of its content.

Each class is split by the gold cue's class (``statements/<class>`` of ``dateline eval --format polnear``).
Run on the tuning slice with a model fit on the rest of train (``python -m dateline.train.attribution
--fit-slice --out DIR``), never on dev:

    python bench/attribution_misses.py DIR --out misses.json
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dateline.attribution import decode
from dateline.attribution.decode import Segment, StatementMaker, segments
from dateline.attribution.features import OUTSIDE, doc_sequences, rule_labels, token_offsets
from dateline.attribution.model import load_tagger
from dateline.evaluate import polnear
from dateline.extract import statements_combined
from dateline.extract.statements import Quotes, quote_regions
from dateline.extract.support.speakers import SpeakerResolver
from dateline.model import Analysis, Statement
from dateline.pipeline import Pipeline
from dateline.train import attribution


def matched_gold(gold: Sequence[polnear.Attribution], preds: Sequence[polnear.Predicted]) -> set[int]:
    """The gold attributions the scorer matches (``polnear.overlap_matches``, as ``polnear.Tally.add`` counts)."""
    return {gi for gi, _ in polnear.overlap_matches(gold, preds)}


def decoder_verdict(maker: StatementMaker, found: Sequence[Segment], hit: Sequence[Segment]) -> str:
    """Why the decoder made no statement of a tagged content ``hit``: the first test each cue fails."""
    cues = [s for s in found if s.role == "CUE"]
    if not cues:
        return "no-cue"
    contents = [s for s in found if s.role == "CON"]
    sources = [s for s in found if s.role == "SRC"]
    reasons = set()
    for cue in cues:
        content, source = decode._nearest(cue, contents), decode._nearest(cue, sources)
        if content not in hit:
            reasons.add("nearest-content-other")
            continue
        source = source or maker.parsed_source(cue)
        if source is None:
            reasons.add("no-source")
        elif maker.no_speaker(maker.antecedent(source)):
            reasons.add("no-speaker")
        elif content is not None and maker.unsaid(cue, content):
            reasons.add("unsaid")
        elif content is not None and maker.topic_only(cue, content):
            reasons.add("topic")
        else:
            reasons.add("other")
    return ",".join(sorted(reasons))


def said(maker: StatementMaker, labels: Sequence[str], start: int, gold: polnear.Attribution) -> list[Statement]:
    """The decoder's statements of a tagged sentence whose content overlaps the gold attribution's."""
    made = maker.sentence(labels, None, start)
    return [
        s for s in made if s.content_span and polnear._overlap((s.content_span.start, s.content_span.end), gold.content)
    ]


def classify(p: attribution.Parsed, pipeline: Pipeline, tagger: Any) -> tuple[list[dict[str, str]], list[Any]]:
    """The article's missed gold attributions, each with its class; and its predictions."""
    item, doc = p.item, p.doc
    article = polnear.as_article(item)
    result = pipeline.analyze(article, doc)
    analysis = result if isinstance(result, Analysis) else None
    preds = polnear.dateline_predictions(analysis) if analysis else []
    if analysis is None:
        return [], preds
    cue_classes = polnear.gold_cue_classes(doc, item.gold)
    matched = matched_gold(item.gold, preds)
    rules = statements_combined.rule_statements(article, doc, analysis)
    rule_contents = [(r.content_span.start, r.content_span.end) for r in rules if r.content_span]
    ruled_tokens = rule_labels(doc, rules, token_offsets(doc))
    bounds, sequences = doc_sequences(doc, rules)  # with the scan the tagger's features read
    labels = {b: tagger.labels(s) for b, s in zip(bounds, sequences, strict=True)}
    sents = list(doc.sents)

    def sentence_at(char: int) -> Any:
        return next((s for s in sents if s.start_char <= char < s.end_char), sents[-1])

    def makers(listed: bool) -> StatementMaker:
        return StatementMaker(
            article,
            doc,
            Quotes(item.text, quote_regions(item.text)),
            SpeakerResolver(item.text, analysis.entities),
            listed,
        )

    every, listed = makers(False), makers(True)
    out = []
    for gi, g in enumerate(item.gold):
        if gi in matched:
            continue
        sent = sentence_at(g.cue[0][0] if g.cue else g.content[0][0])
        content_sents = {sentence_at(a).start for a, _ in g.content} | {sentence_at(b - 1).start for _, b in g.content}
        source_sents = {sentence_at(a).start for a, _ in g.source}
        found = segments(labels[(sent.start, sent.end)], sent.start)
        hit = [
            s
            for s in found
            if s.role == "CON" and polnear._overlap((doc[s.first].idx, doc[s.last].idx + len(doc[s.last])), g.content)
        ]

        sentence_labels = labels[(sent.start, sent.end)]
        with_listed, with_every = (said(m, sentence_labels, sent.start, g) for m in (listed, every))
        if any(polnear._fragments_overlap(pr.content, g.content) > 0 for pr in preds):
            kind = "e"
        elif len(content_sents) > 1 or (g.source and sent.start not in source_sents):
            kind = "d"
        elif any(r != OUTSIDE for r in ruled_tokens[sent.start : sent.end]):
            new = [
                s
                for s in with_listed
                if s.content_span
                and not any(s.content_span.start < e and a < s.content_span.end for a, e in rule_contents)
            ]
            kind = "a1" if new else "a1b" if with_listed else "a2" if with_every else "a3" if hit else "a4"
        elif with_every:
            kind = "b1"
        elif hit:
            kind = "b2:" + decoder_verdict(every, found, hit)
        else:
            kind = "c"
        out.append(
            {
                "article": item.name,
                "class": kind,
                "cue_class": cue_classes[gi],
                "cue": " | ".join(item.text[a:b] for a, b in g.cue),
                "content": " | ".join(item.text[a:b] for a, b in g.content)[:200],
            }
        )
    return out, preds


def tuning_slice(description: str) -> tuple[argparse.Namespace, Any, list[Any], Pipeline]:
    """What the PolNeAR tuning-slice scripts share: their command line (a model fit without the slice, --polnear,
    --out, --seed), that model loaded and put in the combined extractor's place, the slice and the pipeline."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("model", type=Path, help="a model fit without the tuning slice (--fit-slice)")
    parser.add_argument("--polnear", type=Path, default=attribution.DEFAULT_POLNEAR)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=attribution.SEED, help="the model's --fit-slice seed")
    args = parser.parse_args()
    tagger = load_tagger(args.model)
    statements_combined.load_tagger = lambda directory=None: tagger
    tune = attribution.tuning_split(polnear.load_split(args.polnear, "train"), args.seed)[1]
    return args, tagger, tune, Pipeline(list(polnear.EXTRACTORS))


def main() -> None:
    args, tagger, tune, pipeline = tuning_slice(__doc__.splitlines()[0])
    rows: list[dict[str, str]] = []
    for p in attribution.parse(tune):
        missed, _ = classify(p, pipeline, tagger)
        rows.extend(missed)
    args.out.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    by_class = Counter(r["class"].split(":")[0] for r in rows)
    by_cue = Counter((r["class"].split(":")[0], r["cue_class"]) for r in rows)
    by_reason = Counter((r["class"], r["cue_class"]) for r in rows if r["class"].startswith("b2"))
    print(f"{len(rows)} missed")
    for kind, n in sorted(by_class.items()):
        print(kind, n, {c: m for (k, c), m in sorted(by_cue.items()) if k == kind})
    for (kind, cue_class), n in sorted(by_reason.items()):
        print(" ", kind, cue_class, n)


if __name__ == "__main__":
    main()
