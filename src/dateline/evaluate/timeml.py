"""``dateline eval --format timeml``: TIMEX3 detection and normalisation against TimeML files.

Reads every ``.tml`` under the path (TBAQ-cleaned: TimeBank + AQUAINT; TempEval-3 platinum when present),
takes the document creation time (DCT) as the publication date, runs spaCy and ``times.rules`` over the
document text, and scores as TempEval-3 does (UzZaman et al. 2013, section 4): span P/R/F1 strict (exact
offsets) and relaxed (any overlap, one-to-one, largest overlap first), value accuracy over relaxed matches,
and value P/R/F1 (a relaxed match with the gold value). Figures are given overall and per folder ("part").

``--split half1`` / ``half2`` scores alternate documents in sorted path order, so that rules can be tuned on
one half and checked on the other; any other split scores every document.

``times:errors`` counts what went wrong, so that a change can be judged by the class it moves: ``missed`` (a
gold TIMEX3 no found time overlaps), ``spurious`` (a found time that overlaps no gold one) and
``wrong_value`` (a relaxed match with another value); ``times.error_examples`` lists the first
``ERROR_EXAMPLES`` of each as "document: text = value" ("gold -> found" for a wrong value). They only read the
matching the figures already make, and change none of them. Read them on the tune half only.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.evaluate import adapter
from dateline.evaluate.text import rates
from dateline.extract.times import Found, find_times, parse_date
from dateline.nlp import load_nlp

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DCT = re.compile(r"<DCT>\s*<TIMEX3[^>]*\bvalue=\"([^\"]+)\"", re.DOTALL)
_BODY = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)
HALVES = {"half1": 0, "half2": 1}
# Error examples kept per class in the report: enough to read every error of a half (about 100 of the largest
# class on TBAQ half 1) while the JSON stays small.
ERROR_EXAMPLES = 200
ERROR_CLASSES = ("missed", "spurious", "wrong_value")
# Kinds of dateline time records that are no TIMEX3, so not scored here: an ordinal anniversary ("the 39th
# anniversary of the Bay of Pigs") is an event noun to TimeML, which marks no temporal expression in it (TBAQ
# half 1: 0 of 3); the record exists for its ``anniversary_of`` year, and its value, the report's year, would
# be scored as a TIMEX3 nobody wrote.
NOT_TIMEX = frozenset({"anniversary"})


@dataclass(frozen=True)
class Timex:
    """A gold TIMEX3 in the plain document text."""

    start: int
    end: int
    value: str
    type: str


@dataclass(frozen=True)
class TimeMLDoc:
    """One TimeML document: its plain text, creation date and gold time expressions."""

    name: str
    part: str
    text: str
    dct: str | None
    timexes: tuple[Timex, ...]


def read_tml(path: Path, root: Path) -> TimeMLDoc:
    """The plain text of ``<TEXT>`` with the gold TIMEX3 offsets into it, and the DCT value."""
    raw = path.read_text(encoding="utf-8")
    dct = _DCT.search(raw)
    body = _BODY.search(raw)
    content = body.group(1) if body else ""
    pieces: list[str] = []
    length = 0
    opened: list[tuple[int, dict[str, str]]] = []
    timexes: list[Timex] = []
    position = 0
    for tag in _TAG.finditer(content):
        chunk = html.unescape(content[position : tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if tag.group(1):
            start, attrs = opened.pop()
            timexes.append(Timex(start, length, attrs.get("value", ""), attrs.get("type", "")))
        elif not tag.group(3).rstrip().endswith("/"):
            opened.append((length, dict(_ATTR.findall(tag.group(3)))))
    pieces.append(html.unescape(content[position:]))
    relative = path.parent.relative_to(root) if path.parent != root else Path(path.parent.name)
    return TimeMLDoc(path.stem, str(relative), "".join(pieces), dct.group(1) if dct else None, tuple(timexes))


@dataclass
class Tally:
    """Counts for one part (or all) of the corpus."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value_right: int = 0
    errors: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in ERROR_CLASSES})

    def add(self, doc: TimeMLDoc, found: list[Found]) -> None:
        self.gold += len(doc.timexes)
        self.predicted += len(found)
        exact = {(t.start, t.end) for t in doc.timexes}
        self.strict += sum(1 for f in found if (f.start, f.end) in exact)
        pairs = _relaxed_pairs(doc.timexes, found)
        for gold, pred in pairs:
            self.relaxed += 1
            if gold.value == pred.value:
                self.value_right += 1
            else:
                text = doc.text[gold.start : gold.end]
                self.errors["wrong_value"].append(f"{doc.name}: {text!r} = {gold.value} -> {pred.value}")
        matched_gold = {(g.start, g.end) for g, _ in pairs}
        matched_found = {(f.start, f.end) for _, f in pairs}
        self.errors["missed"] += [
            f"{doc.name}: {doc.text[g.start : g.end]!r} = {g.value}"
            for g in doc.timexes
            if (g.start, g.end) not in matched_gold
        ]
        self.errors["spurious"] += [
            f"{doc.name}: {doc.text[f.start : f.end]!r} = {f.value}"
            for f in found
            if (f.start, f.end) not in matched_found
        ]

    def report(self) -> dict[str, Any]:
        p, r, f1 = rates(self.relaxed, self.predicted, self.gold)
        sp, sr, sf1 = rates(self.strict, self.predicted, self.gold)
        vp, vr, vf1 = rates(self.value_right, self.predicted, self.gold)
        return {
            "precision": p,
            "recall": r,
            "f1": f1,
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.relaxed,
            "strict_precision": sp,
            "strict_recall": sr,
            "strict_f1": sf1,
            "value_accuracy": self.value_right / self.relaxed if self.relaxed else 0.0,
            "value_precision": vp,
            "value_recall": vr,
            "value_f1": vf1,
        }


def _relaxed_pairs(gold: tuple[Timex, ...], found: list[Found]) -> list[tuple[Timex, Found]]:
    """One-to-one overlap matching, largest overlap first (ties: text order, then what the expression says,
    never its place in the list)."""
    options = sorted(
        (
            (-(min(g.end, f.end) - max(g.start, f.start)), g.start, g.end, f.start, f.end, f.value, f.kind, gi, fi)
            for gi, g in enumerate(gold)
            for fi, f in enumerate(found)
            if g.start < f.end and f.start < g.end
        )
    )
    used_gold: set[int] = set()
    used_found: set[int] = set()
    pairs = []
    for *_, gi, fi in options:
        if gi not in used_gold and fi not in used_found:
            used_gold.add(gi)
            used_found.add(fi)
            pairs.append((gold[gi], found[fi]))
    return pairs


def score(docs: list[TimeMLDoc]) -> dict[str, Any]:
    """The TempEval-3-style report over ``docs``: key ``times`` overall and ``times:<part>`` per folder."""
    nlp = load_nlp()
    overall = Tally()
    parts: dict[str, Tally] = {}
    for doc, parsed in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        found = [f for f in find_times(doc.text, parse_date(doc.dct), parsed) if f.kind not in NOT_TIMEX]
        overall.add(doc, found)
        parts.setdefault(doc.part, Tally()).add(doc, found)
    report: dict[str, Any] = {"times": overall.report()}
    report["times"]["error_examples"] = {k: v[:ERROR_EXAMPLES] for k, v in overall.errors.items()}
    report["times:errors"] = {k: len(v) for k, v in overall.errors.items()}
    for name in sorted(parts):
        report[f"times:{name}"] = parts[name].report()
    return report


def load(path: Path, limit: int | None = None, split: str = "dev") -> list[TimeMLDoc]:
    files = [path] if path.is_file() else sorted(path.rglob("*.tml"))
    if split in HALVES:
        files = [f for i, f in enumerate(files) if i % 2 == HALVES[split]]
    root = path.parent if path.is_file() else path
    docs = [read_tml(f, root) for f in files]
    return docs[:limit] if limit is not None else docs


@adapter("timeml")
def evaluate_timeml(
    path: Path, *, inputs: Path | None = None, split: str = "dev", limit: int | None = None
) -> dict[str, Any]:
    """Score times.rules on the TimeML files at ``path`` (a .tml file or a folder of them)."""
    return score(load(path, limit, split))
