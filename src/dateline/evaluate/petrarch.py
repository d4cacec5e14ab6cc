"""``dateline eval --format petrarch``: event actor and target countries on the PETRARCH2 unit-test records.

The records (../shared/eval-data/events/petrarch2_unittest/PETR.UnitTest.records.xml) are sentences coded with
CAMEO events: a source and a target actor code each (``USAGOV``: the United States' government) and an event
code. Most of their states are made up (Arnor, Gondor, Mordor): a code is scored only where the suite's own
actor dictionary (PETR.Validate.actors.txt beside it) gives its three-letter country code to a real country's
name ("DENMARK [DNK]", "KUWAIT [KUW]" -> KWT), or it is ``IGO``. Each coding is scored on the sentence's event of
its type (CAMEO mapped to PLOVER 2021 as train/events.py maps it), else on its main event (evaluate/plover.py):
``source_country_accuracy`` / ``target_country_accuracy`` are the shares of real source (target) codes that
one of that event's actors (targets) carries; ``type_accuracy`` is the share of codings with a PLOVER type whose
type an event of the sentence has. The folds interleave the records, whose near-identical template sentences (one
sentence varied a word at a time) fall on both sides: a fold is not held out from the other in a useful sense. A
second, independent set of labelled actors beside PLOVER's.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.countries import alpha3, country_code
from dateline.evaluate import adapter
from dateline.evaluate.plover import folds_of, main_event, sentence_events
from dateline.model import Event
from dateline.nlp import load_nlp
from dateline.train.events import CAMEO_FILE, PETRARCH_FILE, cameo_to_plover, plover_of

RECORDS_FILE = PETRARCH_FILE.name
ACTORS_FILE = "PETR.Validate.actors.txt"
IGO = "IGO"
# A dictionary line: a name (words joined by "_" or spaces) and its code in brackets ("NORTH_KOREA  [PRK]").
_ACTOR_LINE = re.compile(r"^([A-Z][A-Z_ .'-]*?)\s*\[([A-Z]{3})\]")


@dataclass(frozen=True)
class Coding:
    """One coded event of a sentence: its PLOVER type and its real source and target codes (or None)."""

    type: str | None
    source: str | None
    target: str | None


def real_codes(actors_text: str) -> dict[str, str]:
    """Three-letter dictionary code -> ISO alpha-3, for codes the dictionary gives to a real country's name."""
    out: dict[str, str] = {}
    for line in actors_text.splitlines():
        match = _ACTOR_LINE.match(line)
        if match:
            iso = alpha3(country_code(match.group(1).replace("_", " ").strip()))
            if iso:
                out.setdefault(match.group(2), iso)
    return out


def _country(code: str | None, real: dict[str, str]) -> str | None:
    if not code:
        return None
    return IGO if code.startswith(IGO) else real.get(code[:3])


def load_sentences(folder: Path) -> list[tuple[str, list[Coding]]]:
    """(text, codings) of each sentence with a coding whose source or target is a real state or an IGO."""
    real = real_codes((folder / ACTORS_FILE).read_text("utf-8"))
    table = cameo_to_plover((folder.parent / CAMEO_FILE).read_text("utf-8"))
    out = []
    for sentence in ET.fromstring((folder / RECORDS_FILE).read_text("utf-8")).iter("Sentence"):
        text = sentence.find("Text")
        if text is None or not text.text:
            continue
        codings = [
            Coding(
                plover_of(c.get("eventcode", ""), table),
                _country(c.get("sourcecode"), real),
                _country(c.get("targetcode"), real),
            )
            for c in sentence.iter("EventCoding")
        ]
        codings = [c for c in codings if c.source or c.target]
        if codings:
            out.append((" ".join(text.text.split()), codings))
    return out


def _event_for(coding: Coding, events: list[Event], depth: dict[int, int]) -> Event | None:
    typed = [e for e in events if coding.type and e.type == coding.type]
    return main_event(typed or events, depth)


def tally(
    codings: list[Coding], events: list[Event], depth: dict[int, int], coded: Counter[str], right: Counter[str]
) -> None:
    """Count one sentence's codings: its type where the CAMEO code maps to a PLOVER type (one that maps to none,
    as a few of the suite's codes do, is no type to find), and each real source and target country."""
    for coding in codings:
        coded["coding"] += 1
        if coding.type is not None:
            coded["type"] += 1
            right["type"] += any(e.type == coding.type for e in events)
        event = _event_for(coding, events, depth)
        for role, code in (("source", coding.source), ("target", coding.target)):
            if code is None:
                continue
            coded[role] += 1
            actors = (event.actors if role == "source" else event.targets) if event else ()
            right[role] += code in {a.country for a in actors}


def score(sentences: list[tuple[str, list[Coding]]]) -> dict[str, Any]:
    """The actor-country report of the pipeline on ``sentences``."""
    coded: Counter[str] = Counter()
    right: Counter[str] = Counter()
    texts = [(str(i), text) for i, (text, _) in enumerate(sentences)]
    for (_text, codings), (events, depth) in zip(sentences, sentence_events(texts, load_nlp()), strict=True):
        tally(codings, events, depth, coded, right)
    return {
        "gold": len(sentences),
        "codings": coded["coding"],
        "typed_codings": coded["type"],
        "sources": coded["source"],
        "targets": coded["target"],
        "type_accuracy": right["type"] / coded["type"] if coded["type"] else 0.0,
        "source_country_accuracy": right["source"] / coded["source"] if coded["source"] else 0.0,
        "target_country_accuracy": right["target"] / coded["target"] if coded["target"] else 0.0,
    }


@adapter("petrarch")
def evaluate_petrarch(
    path: Path, *, inputs: Path | None = None, split: str = "dev", limit: int | None = None, folds: int | None = None
) -> dict[str, Any]:
    """The actor-country report on every scored sentence; with ``folds``, one more per interleaved fold."""
    folder = path.parent if path.is_file() else path
    sentences = load_sentences(folder)
    sentences = sentences[:limit] if limit else sentences
    report = {"events": score(sentences)}
    for k, part in enumerate(folds_of(sentences, folds) if folds and folds > 1 else [], start=1):
        report[f"events_fold{k}"] = score(part)
    return report
