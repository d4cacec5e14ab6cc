"""What the attribution tagger finds that ``statements.combined`` drops (session 25): every statement the
tagger's decoder makes over every sentence, with no cue-class filter, whose content overlaps no statement of
the combined extractor, on a PolNeAR train tuning slice (a model fit without it, ``--fit-slice``; never dev).

Each such "CRF-only" statement is written out with the tagger's marginal confidence (the least probability of
its cue's labels, as ``StatementMaker.sentence``'s floor reads it, and of its content's and source's), its cue
lemma and class, whether its source was tagged or taken from the parse, why the combined extractor dropped it
(a rule statement in its sentence, the cue-class filter, the ``beside`` tests), and whether it overlaps a gold
attribution the combined extractor leaves unmatched. The JSON also holds each article's gold and the combined
extractor's predictions, so that admitting a bin can be rescored offline as ``dateline eval --format polnear``
scores (``polnear.Tally``):

    python bench/attribution_crf_only.py MODEL_DIR --out crf_only.json
"""

from __future__ import annotations

import json
from typing import Any

from attribution_misses import tuning_slice

from dateline.attribution import decode
from dateline.attribution.decode import StatementMaker, segments
from dateline.attribution.features import OUTSIDE, doc_sequences, rule_labels, token_offsets
from dateline.evaluate import polnear
from dateline.extract import statements_combined
from dateline.extract.statements import Quotes, quote_regions
from dateline.extract.statements.cues import muted_cues
from dateline.extract.statements.lexicon import Lexicon
from dateline.extract.support.speakers import SpeakerResolver
from dateline.model import Analysis
from dateline.pipeline import Pipeline
from dateline.train import attribution


def crf_only(p: attribution.Parsed, pipeline: Pipeline, tagger: Any) -> dict[str, Any]:
    item, doc = p.item, p.doc
    article = polnear.as_article(item)
    result = pipeline.analyze(article, doc)
    analysis = result if isinstance(result, Analysis) else None
    preds = polnear.dateline_predictions(analysis) if analysis else []
    out: dict[str, Any] = {
        "article": item.name,
        "text": item.text,
        "gold": [{"content": g.content, "source": g.source, "cue": g.cue} for g in item.gold],
        "classes": polnear.gold_cue_classes(doc, item.gold),
        "preds": [{"content": pr.content, "source": pr.source} for pr in preds],
        "candidates": [],
    }
    if analysis is None:
        return out
    matched = {gi for gi, _ in polnear.overlap_matches(item.gold, preds)}
    rules = statements_combined.rule_statements(article, doc, analysis)
    ruled_tokens = rule_labels(doc, rules, token_offsets(doc))
    bounds, sequences = doc_sequences(doc, rules)
    muted = muted_cues(doc, Lexicon.load())
    maker = StatementMaker(
        article, doc, Quotes(item.text, quote_regions(item.text)), SpeakerResolver(item.text, analysis.entities)
    )
    for (start, end), sequence in zip(bounds, sequences, strict=True):
        if article.in_credits(doc[start].idx):
            continue
        maker.resolver.start_sentence()
        labels, conf = tagger.tag(sequence)
        found = segments(labels, start)
        contents = [s for s in found if s.role == "CON"]
        sources = [s for s in found if s.role == "SRC"]
        ruled = any(r != OUTSIDE for r in ruled_tokens[start:end])
        own = [r for r in rules if r.cue_span is not None and doc[start].idx <= r.cue_span.start < doc[end - 1].idx + 1]
        for raw in (s for s in found if s.role == "CUE"):
            cue = maker.without_possessive(raw)
            content, source = decode._nearest(cue, contents), decode._nearest(cue, sources)
            tagged_source = source is not None
            if source is None and content is not None:
                source = maker.parsed_source(cue)
            if content is None or source is None:
                continue
            source = maker.antecedent(source)
            if maker.no_speaker(source):
                continue
            unsaid, topic = maker.unsaid(cue, content), maker.topic_only(cue, content)
            listed, reported = maker.listed(cue), maker.reported(cue, content)
            statement = maker.statement(cue, source, content)
            span = statement.content_span
            assert span is not None
            frags = polnear._content_fragments(statement, span)
            if any(polnear._fragments_overlap(frags, pr.content) > 0 for pr in preds):
                continue
            taken = [x for r in own for x in (r.cue_span, r.content_span) if x is not None]
            cue_span = maker.char_span(cue.first, cue.last)
            complement = maker.complement_or_quotation(cue, content)
            beside_ok = (
                not any(a.overlaps(b) for a in (cue_span, span) for b in taken)
                and complement
                and maker.speech_order(cue, source, content)
            )
            hits = [gi for gi, g in enumerate(item.gold) if polnear._fragments_overlap(frags, g.content) > 0]
            cue_tokens = doc[cue.first : cue.last + 1]
            out["candidates"].append(
                {
                    "cue": cue_span.text,
                    "lemma": cue_tokens.root.lemma_.lower(),
                    "cue_pos": cue_tokens.root.pos_,
                    "cue_class": statement.cue_class,
                    "cue_conf": min(conf[cue.first - start : cue.last - start + 1]),
                    "content_conf": sum(conf[content.first - start : content.last - start + 1])
                    / (content.last - content.first + 1),
                    "source_conf": (
                        min(conf[source.first - start : source.last - start + 1])
                        if tagged_source and start <= source.first < end
                        else None
                    ),
                    "tagged_source": tagged_source,
                    "source": doc[source.first : source.last + 1].text,
                    "speaker": statement.speaker.name,
                    "kind": statement.statement_kind,
                    "ruled_sentence": ruled or bool(own),
                    "listed": listed,
                    "reported": reported,
                    "unsaid": unsaid,
                    "topic": topic,
                    "beside_ok": beside_ok,
                    "muted": any(a < cue_span.end and cue_span.start < b for a, b in muted),
                    "complement": complement,
                    "content": span.text[:300],
                    "frags": frags,
                    "src": (statement.speaker.span.start, statement.speaker.span.end)
                    if statement.speaker.span
                    else None,
                    "hits": hits,
                    "new_hits": [gi for gi in hits if gi not in matched],
                }
            )
    return out


def main() -> None:
    args, tagger, tune, pipeline = tuning_slice(__doc__.splitlines()[0])
    rows = [crf_only(p, pipeline, tagger) for p in attribution.parse(tune)]
    args.out.write_text(json.dumps(rows) + "\n", encoding="utf-8")
    print(len(rows), "articles", sum(len(r["candidates"]) for r in rows), "CRF-only statements")


if __name__ == "__main__":
    main()
