"""``dateline eval --format polnear``: attribution (speaker, cue, content) against PolNeAR brat files.

PolNeAR v1.0 (Newell, Margolin & Ruths, LREC 2018; ``eval-data/quotes/polnear``, see its SOURCE.md) marks
each attribution as a ``Source``, ``Cue`` and ``Content`` span (possibly discontinuous) tied by an ``E`` line.
Each article's raw text is run through ``entities.rules`` and ``statements.combined`` (the default: the rules
with the trained tagger) unchanged (no cleaning, so offsets stay the corpus's own); when an article has
several annotators' files, the first by name is used.

Figures, for dateline and, side by side, for textacy's ``direct_quotations`` on the same parses (a rule
baseline for direct quotes only; optional: reported as unavailable when textacy is not installed):

- ``content_overlap``: P/R/F1 where a predicted content matches a gold content it overlaps (one-to-one: the
  pairing with the most matches, then the most overlapping characters; ties by offsets, never by record ids
  or order, so renaming or reordering the predictions leaves every figure as it is);
- ``content_strict``: P/R/F1 where the two say the same words in the same order: punctuation and quote
  marks are ignored (PolNeAR's spans keep or drop a closing comma or quote mark inconsistently) and so is
  a leading complementiser "that" (the corpus includes it, our records do not), and so is a gold content's
  first fragment when it is a lone relative word standing for the content before its source and cue
  ("[which] she said [was a mistake]", ``RELATIVE_FRAGMENT_WORDS``), and a gold content in fragments that
  its own source and cue do not interrupt also equals its whole stretch (PolNeAR cuts an aside out of a
  content's middle, ``gold_readings``): scheme differences, since the gold guide's content is one substring;
  ``content_strict_literal_f1`` scores without these two mappings. A discontinuous gold
  content (``“A,” he said. “B.”``, fragments joined) equals a prediction whose content is joined across its
  cue the same way: its parts (``statements.content_parts``), or its span less the cue and speaker inside;
- ``source_accuracy``: over overlap-matched pairs whose gold has a source, the share whose predicted speaker
  mention overlaps the gold source span (PolNeAR's source is the local mention, "he" included);
- ``statements/<class>``: overlap recall of the gold attributions by the class of their gold cue
  (``cues.cue_class``: ``speech``, ``attitude``, ``other``; ``none`` without a cue) and whether they have a
  source. PolNeAR annotates every attribution; the gold guide and ``statements.combined`` count speech and
  communication acts with a speaker, so recall outside ``speech`` and ``attitude`` with a source is a
  difference of definition more than a miss (PolNeAR dev: 26% of attributions have an ``other`` cue).

The same run scores ``claims.rules``' claimants (``claims``): PolNeAR marks no figures, but it marks who
speaks where, which is what a claimant is. A figure inside a gold content (the innermost one, by fragments)
is that attribution's source's claim; a figure outside every content is the outlet's. A claim agrees when it
is the outlet's and gold says outlet, or when its claimant mention, or the speaker mention of the statement
it cites, overlaps the gold source. Figures in a content without an annotated source are counted apart
(``unsourced``) and not scored. ``claimant_accuracy`` is the share of scored claims that agree, with the
two kinds of disagreement counted: ``speaker_as_outlet`` (gold has a speaker, we give the outlet),
``outlet_as_speaker`` and ``wrong_speaker``.
"""

from __future__ import annotations

import hashlib
import importlib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.evaluate import adapter
from dateline.evaluate.text import best_assignment, rates
from dateline.extract.statements import Lexicon, content_parts
from dateline.extract.statements.cues import cue_class
from dateline.model import Analysis, Article, Claim, Span, Statement
from dateline.nlp import load_nlp
from dateline.pipeline import Pipeline

EXTRACTORS = ("entities.rules", "statements.combined", "claims.rules")
_T_LINE = re.compile(r"^(T\d+)\t(\w+) ([\d ;]+)\t")
_E_LINE = re.compile(r"^E\d+\t(.*)$")
_WORD = re.compile(r"\w+")
# A leading complementiser, which PolNeAR's contents include and ours leave out.
_THAT = "that"
# A relative word that PolNeAR marks as a content fragment of its own before the source and cue ("the vote,
# [which] she has repeatedly said [was a mistake]", "[what] Mr. Trump has threatened [to do]"): it stands for
# the content, and a content of the gold guide, one substring without the speaker and the cue, cannot hold
# it. A scheme difference, mapped in ``content_strict`` only (``content_strict_literal`` scores without it):
# 6 of the 485 inexact matches on train's slice drawn with seed 63000 (6 more exact).
RELATIVE_FRAGMENT_WORDS = frozenset({"which", "what", "who", "whom"})
RELATIVE_WORDS = frozenset((w,) for w in RELATIVE_FRAGMENT_WORDS)

Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Attribution:
    """One attribution: content fragments and (when annotated) source fragments, as character offsets."""

    content: Fragments
    source: Fragments = ()
    cue: Fragments = ()

    @property
    def extent(self) -> tuple[int, int]:
        return self.content[0][0], self.content[-1][1]


@dataclass(frozen=True)
class PolnearDoc:
    name: str
    text: str
    gold: tuple[Attribution, ...]


def _fragments(offsets: str) -> Fragments:
    pairs = (part.split() for part in offsets.split(";"))
    return tuple(sorted((int(a), int(b)) for a, b in pairs))


def parse_ann(ann: str) -> tuple[Attribution, ...]:
    """The attributions of one brat ``.ann`` file (those without a content are skipped: nothing to score)."""
    spans: dict[str, tuple[str, Fragments]] = {}
    events: list[str] = []
    for line in ann.splitlines():
        t_match = _T_LINE.match(line)
        if t_match:
            spans[t_match.group(1)] = (t_match.group(2), _fragments(t_match.group(3)))
            continue
        e_match = _E_LINE.match(line)
        if e_match:
            events.append(e_match.group(1))
    out = []
    for event in events:
        roles = dict(arg.split(":", 1) for arg in event.split())
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        source = spans.get(roles.get("Source", ""))
        cue = spans.get(roles.get("Cue", ""))
        out.append(Attribution(content[1], source[1] if source else (), cue[1] if cue else ()))
    return tuple(out)


def load_split(root: Path, split: str, limit: int | None = None) -> list[PolnearDoc]:
    """The articles of one split (``root/<split>/{text,attributions}``), sorted by name."""
    base = root / split if (root / split / "text").is_dir() else root
    docs = []
    for text_path in sorted((base / "text").glob("*.txt"))[:limit]:
        anns = sorted((base / "attributions").glob(f"{text_path.stem}_*.ann"))
        if not anns:
            continue
        gold = parse_ann(anns[0].read_text(encoding="utf-8"))
        docs.append(PolnearDoc(text_path.stem, text_path.read_text(encoding="utf-8"), gold))
    return docs


@dataclass(frozen=True)
class Predicted:
    """A system attribution: content range and speaker mention range (None when it has none)."""

    content: Fragments
    source: tuple[int, int] | None


def _overlap(a: tuple[int, int], fragments: Fragments) -> int:
    return sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in fragments)


def _fragments_overlap(a: Fragments, b: Fragments) -> int:
    return sum(_overlap(fragment, b) for fragment in a)


def strict_words(text: str) -> tuple[str, ...]:
    """The words of a content, lower case, without a leading "that" (see the module docstring)."""
    words = tuple(w.lower() for w in _WORD.findall(text))
    return words[1:] if words[:1] == (_THAT,) else words


def gold_readings(text: str, gold: Attribution) -> frozenset[tuple[str, ...]]:
    """The word sequences (``strict_words``) a prediction may say to equal ``gold`` in ``content_strict``: its
    fragments joined, less a first fragment that is a lone relative word (``RELATIVE_FRAGMENT_WORDS``), and,
    for a content in fragments that its own source and cue do not interrupt, the whole stretch from the first
    fragment to the last.

    PolNeAR cuts an aside out of a content's middle ("[Patricia Smith], the mother of Sean Smith, who died in
    the attack[, is “absolutely wrong”]", "[The Greater Wisconsin Committee], which supported Kloppenburg,
    [spent ...]"); the gold guide's content is one substring, so it keeps the aside: a scheme difference,
    mapped in ``content_strict`` only (9 of the 479 inexact matches on train's slice drawn with seed 63000).
    Where the gap holds the attribution's own source or cue ("“A,” he said, “B”") only the fragments count, so
    a cue's adjunct left in a joined prediction ("in a letter to the president") is no match."""
    fragments = gold.content
    if len(fragments) > 1 and strict_words(text[fragments[0][0] : fragments[0][1]]) in RELATIVE_WORDS:
        fragments = fragments[1:]
    readings = {strict_words(fragments_text(text, fragments))}
    start, end = fragments[0][0], fragments[-1][1]
    if len(fragments) > 1 and not any(start < f[1] and f[0] < end for f in (*gold.source, *gold.cue)):
        readings.add(strict_words(text[start:end]))
    return frozenset(readings)


def fragments_text(text: str, fragments: Fragments) -> str:
    """The text of a content's fragments, joined by a space (what ``strict_words`` reads)."""
    return " ".join(text[s:e] for s, e in fragments)


def _gold_key(g: Attribution) -> tuple[Fragments, Fragments, Fragments]:
    """A gold attribution's place in offset order: its content, then its source and cue."""
    return g.content, g.source, g.cue


def _predicted_key(p: Predicted) -> tuple[Fragments, tuple[int, int]]:
    """A prediction's place in offset order: its content, then its source (none sorts first)."""
    return p.content, p.source if p.source is not None else (-1, -1)


def overlap_matches(gold: Sequence[Attribution], pred: Sequence[Predicted]) -> list[tuple[int, int]]:
    """The one-to-one content matches, as (gold index, predicted index): the pairing of overlapping contents
    with the most matches, and among those the most overlapping characters (``text.best_assignment``).
    Both sides are first put in the order of their offsets, so the pairing never follows the predictions'
    order, which follows the records' ids where two statements share a span: a version bump that renames
    every id cannot move a figure. (A greedy largest-overlap-first pairing, used before, matched fewer:
    one prediction over two contents could take the one a second prediction needed.)"""
    gold_order = sorted(range(len(gold)), key=lambda gi: (_gold_key(gold[gi]), gi))
    pred_order = sorted(range(len(pred)), key=lambda pi: (_predicted_key(pred[pi]), pi))
    # One match outweighs any total of overlapping characters (each gold content is paired at most once and
    # shares at most its own length), so the number of matches comes first.
    match_weight = 1 + sum(e - s for g in gold for s, e in g.content)
    weights = [[_pair_weight(gold[gi], pred[pi], match_weight) for pi in pred_order] for gi in gold_order]
    return sorted((gold_order[r], pred_order[c]) for r, c in best_assignment(weights))


def _pair_weight(g: Attribution, p: Predicted, match_weight: int) -> int:
    """A pair's weight for ``overlap_matches``: 0 where the contents do not overlap, else one match's weight plus
    the overlapping characters."""
    size = _fragments_overlap(p.content, g.content)
    return match_weight + size if size > 0 else 0


@dataclass
class Tally:
    """Counts for one system over the whole split."""

    gold: int = 0
    predicted: int = 0
    overlap: int = 0
    strict: int = 0
    strict_literal: int = 0
    with_source: int = 0
    source_right: int = 0
    # Gold attributions and overlap matches by gold cue class (``gold_cue_classes``), when given.
    class_gold: dict[str, int] = field(default_factory=dict)
    class_matched: dict[str, int] = field(default_factory=dict)

    def add(
        self,
        text: str,
        gold: Sequence[Attribution],
        pred: Sequence[Predicted],
        classes: Sequence[str] | None = None,
    ) -> None:
        self.gold += len(gold)
        self.predicted += len(pred)
        for cls in classes or ():
            self.class_gold[cls] = self.class_gold.get(cls, 0) + 1
        for gi, pi in overlap_matches(gold, pred):
            if classes is not None:
                self.class_matched[classes[gi]] = self.class_matched.get(classes[gi], 0) + 1
            g, p = gold[gi], pred[pi]
            self.overlap += 1
            said = strict_words(fragments_text(text, p.content))
            self.strict += int(said in gold_readings(text, g))
            self.strict_literal += int(said == strict_words(fragments_text(text, g.content)))
            if g.source:
                self.with_source += 1
                self.source_right += int(p.source is not None and _overlap(p.source, g.source) > 0)

    def report(self) -> dict[str, Any]:
        content_overlap = _prf(self.overlap, self.predicted, self.gold)
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.overlap,
            **{f"content_overlap_{k}": v for k, v in content_overlap.items()},
            **{f"content_strict_{k}": v for k, v in _prf(self.strict, self.predicted, self.gold).items()},
            "content_strict_literal_f1": _prf(self.strict_literal, self.predicted, self.gold)["f1"],
            "source_accuracy": round(self.source_right / self.with_source, 4) if self.with_source else None,
            **content_overlap,
        }

    def class_report(self) -> dict[str, dict[str, Any]]:
        """Overlap recall by gold cue class (``statements/<class>``), largest class first."""
        out = {}
        for cls, n in sorted(self.class_gold.items(), key=lambda item: (-item[1], item[0])):
            matched = self.class_matched.get(cls, 0)
            out[f"statements/{cls}"] = {"gold": n, "matched": matched, "recall": round(matched / n, 4)}
        return out


def gold_cue_classes(doc: Any, gold: Sequence[Attribution]) -> list[str]:
    """The class of each gold attribution's cue by the lexicon (``cues.cue_class`` over the parsed tokens of
    its cue fragments; ``none`` without a cue), with ``, no source`` when it has no annotated source."""
    lex = Lexicon.load()
    out = []
    for attribution in gold:
        tokens = [
            token
            for start, end in attribution.cue
            for token in doc.char_span(start, end, alignment_mode="expand") or ()
        ]
        cls = cue_class(tokens, lex) if tokens else "none"
        out.append(cls if attribution.source else f"{cls}, no source")
    return out


def gold_claimant(gold: Sequence[Attribution], start: int) -> Attribution | None:
    """The innermost gold attribution whose content fragments hold ``start`` (None: the outlet speaks)."""
    holding = [g for g in gold if any(s <= start < e for s, e in g.content)]
    return min(holding, key=lambda g: sum(e - s for s, e in g.content), default=None)


def claimant_verdict(
    analysis: Analysis, gold: Sequence[Attribution], claim: Claim, *, by_id: dict[str, Statement] | None = None
) -> str:
    """How a claim's claimant compares with PolNeAR's attribution of its figure: "right", "unsourced" (in a
    content with no annotated source), "speaker_as_outlet", "outlet_as_speaker" or "wrong_speaker"."""
    attribution = gold_claimant(gold, claim.spans[0].start)
    article = analysis.article
    ours_outlet = claim.statement_id is None and claim.claimant.span == article.outlet_span
    if attribution is None:
        return "right" if ours_outlet else "outlet_as_speaker"
    if not attribution.source:
        return "unsourced"
    if ours_outlet:
        return "speaker_as_outlet"
    cited = (by_id if by_id is not None else {s.id: s for s in analysis.statements}).get(claim.statement_id or "")
    mentions = [claim.claimant.span, cited.speaker.span if cited is not None else None]
    hit = any(m is not None and _overlap((m.start, m.end), attribution.source) > 0 for m in mentions)
    return "right" if hit else "wrong_speaker"


@dataclass
class ClaimTally:
    """Claimant verdicts of ``claims.rules`` over the whole split."""

    verdicts: dict[str, int] = field(default_factory=dict)

    def add(self, analysis: Analysis, gold: Sequence[Attribution]) -> None:
        by_id = {s.id: s for s in analysis.statements}
        for claim in analysis.claims:
            verdict = claimant_verdict(analysis, gold, claim, by_id=by_id)
            self.verdicts[verdict] = self.verdicts.get(verdict, 0) + 1

    def report(self) -> dict[str, Any]:
        scored = sum(n for v, n in self.verdicts.items() if v != "unsourced")
        right = self.verdicts.get("right", 0)
        return {
            "claims": scored + self.verdicts.get("unsourced", 0),
            "scored": scored,
            "claimant_accuracy": round(right / scored, 4) if scored else None,
            **{v: self.verdicts.get(v, 0) for v in VERDICTS if v != "right"},
        }


VERDICTS = ("right", "unsourced", "speaker_as_outlet", "outlet_as_speaker", "wrong_speaker")


def _prf(hits: int, predicted: int, gold: int) -> dict[str, float]:
    p, r, f = rates(hits, predicted, gold)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _content_fragments(statement: Statement, content: Span) -> Fragments:
    """The statement's content span, less the speaker and cue when they stand inside it; for a quotation
    resumed after its cue ("“A,” he said. “B.”") the quotations, its parts."""
    parts = content_parts(statement)
    if parts:
        return tuple((s.start, s.end) for s in parts)
    start, end = content.start, content.end
    inner = [
        s for s in (statement.cue_span, statement.speaker.span) if s is not None and start < s.start and s.end < end
    ]
    if not inner:
        return ((start, end),)
    hole = (min(s.start for s in inner), max(s.end for s in inner))
    return ((start, hole[0]), (hole[1], end))


def dateline_predictions(analysis: Analysis) -> list[Predicted]:
    out = []
    for statement in analysis.statements:
        if statement.content_span is None:
            continue
        speaker = statement.speaker.span
        out.append(
            Predicted(
                _content_fragments(statement, statement.content_span), (speaker.start, speaker.end) if speaker else None
            )
        )
    return out


def textacy_baseline() -> Callable[[Any], list[Predicted]] | None:
    """textacy's ``direct_quotations`` as a predictor, or None when textacy is not installed."""
    try:
        triples = importlib.import_module("textacy.extract.triples")
    except ImportError:
        return None

    def predict(doc: Any) -> list[Predicted]:
        out = []
        try:
            quotes = list(triples.direct_quotations(doc))
        except ValueError:  # textacy bails out on a document with an unclosed quotation: nothing found
            return []
        for quote in quotes:
            speaker = (quote.speaker[0].idx, quote.speaker[-1].idx + len(quote.speaker[-1])) if quote.speaker else None
            out.append(Predicted(((quote.content.start_char, quote.content.end_char),), speaker))
        return out

    return predict


def as_article(doc: PolnearDoc) -> Article:
    """The document as dateline reads it: the whole file is the text, headline line included."""
    return Article(
        id=Article.make_id(doc.text),
        text=doc.text,
        source_path=doc.name,
        content_hash=hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
    )


def _analyses(docs: Sequence[PolnearDoc]) -> Iterator[tuple[PolnearDoc, Any, Analysis | None]]:
    pipeline = Pipeline(list(EXTRACTORS))
    parsed = load_nlp().pipe((d.text for d in docs), batch_size=pipeline.batch_size)
    for item, spacy_doc in zip(docs, parsed, strict=True):
        result = pipeline.analyze(as_article(item), spacy_doc)
        yield item, spacy_doc, result if isinstance(result, Analysis) else None


@adapter("polnear")
def evaluate_polnear(
    path: Path, *, inputs: Path | None = None, split: str = "dev", limit: int | None = None
) -> dict[str, Any]:
    """Score statements.combined (and the textacy baseline, when installed) on one PolNeAR split."""
    docs = load_split(path, split, limit)
    ours, base, claims = Tally(), Tally(), ClaimTally()
    baseline = textacy_baseline()
    failures = 0
    for item, spacy_doc, analysis in _analyses(docs):
        if analysis is None:
            failures += 1
        predictions = dateline_predictions(analysis) if analysis else []
        ours.add(item.text, item.gold, predictions, gold_cue_classes(spacy_doc, item.gold))
        if analysis is not None:
            claims.add(analysis, item.gold)
        if baseline is not None:
            base.add(item.text, item.gold, baseline(spacy_doc))
    report: dict[str, Any] = {
        "statements": {**ours.report(), "articles": len(docs), "failures": failures},
        **ours.class_report(),
        "claims": claims.report(),
    }
    if baseline is not None:
        report["textacy_direct_quotations"] = base.report()
    else:
        report["textacy_direct_quotations"] = {"note": "textacy is not installed: pip install textacy==0.13.0"}
    return report
