"""``dateline eval --format plover``: event type and actor countries on the PLOVER gold standard records.

The records (../shared/eval-data/events/plover_gsr/PLOVER_GSR_CAMEO.dev.json) are single sentences from the
CAMEO manual, each coded with one PLOVER event, its source and target actors (ISO alpha-3 or IGO codes).
We run the pipeline's places and events extractors on each sentence, take its main event (typed events first,
then the one nearest the root of the parse, then the first), and score:
- ``type_accuracy``: main event type equals the gold type, over all coded sentences (no event = wrong);
- ``source_country_accuracy`` / ``target_country_accuracy``: the main event's actor (target) countries
  intersect the gold source (target) codes, over sentences whose gold has such codes.
The gold uses PLOVER 0.5 names for four types; SOURCE.md maps them to PLOVER 2021 (see ``OLD_TYPES``).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from dateline import registry
from dateline.evaluate import adapter
from dateline.evaluate.text import rates, record_key
from dateline.extract.events import events_in
from dateline.ingest import article_from_text
from dateline.model import Analysis, Article, Event
from dateline.nlp import load_nlp
from dateline.nlp.model import PIPE_BATCH_SIZE
from dateline.pipeline import Pipeline

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.language import Language
    from spacy.tokens import Doc

T = TypeVar("T")

DEFAULT_FILE = "PLOVER_GSR_CAMEO.dev.json"
# PLOVER 0.5 labels in the gold -> PLOVER 2021 (../shared/eval-data/events/SOURCE.md and the brief).
OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
# Four gold actor codes (of 324) are not ISO alpha-3 but older coders' spellings; each record's actorText
# names the country ("Italy", "Japanese Prime Minister ...", "Vietnamese-led forces"), so they are read as
# its ISO code. Non-state codes (IMG, NGO) stay as they are: no country can match them.
LEGACY_CODES = {"ITL": "ITA", "JAP": "JPN", "VTN": "VNM"}


def gold_type(record: dict[str, Any]) -> str:
    return OLD_TYPES.get(record["event"], record["event"])


def _codes(value: Any) -> set[str]:
    if not isinstance(value, list):
        return set()
    return {str(LEGACY_CODES.get(a["code"], a["code"])) for a in value if isinstance(a, dict) and a.get("code")}


def main_event(events: list[Event], depth: dict[int, int]) -> Event | None:
    """The sentence's main event: typed before untyped, then shallowest in the parse, then first; two events
    at one place go by what they say (``record_key``), not by their order in the list, which follows ids."""
    if not events:
        return None
    # An event start that is no token start has no depth: it ranks below every parsed one.
    return min(events, key=lambda e: (e.type is None, depth.get(e.start, 99), e.start, record_key(e)))


def load_records(path: Path) -> list[dict[str, Any]]:
    file = path / DEFAULT_FILE if path.is_dir() else path
    records = json.loads(file.read_text("utf-8"))
    return [r for r in records if r.get("event") and r["event"] != "DOCUMENT" and r.get("text")]


def folds_of(records: list[T], folds: int) -> list[list[T]]:
    """``folds`` interleaved parts of the records (record i goes to fold i mod folds): the dev file is itself
    every other record of the gold standard, so interleaving keeps each fold's type mix close to the whole."""
    return [records[k::folds] for k in range(folds)]


def prior_pipeline() -> Pipeline:
    """The default extractors whose records events.rules reads (entities, statements, places, times): not
    events.rules itself, which the scorers run on their own, nor what nothing here reads (claims)."""
    events = next(s for s in registry.resolve() if "event" in s.assigns)
    return Pipeline([s.name for s in registry.resolve() if set(s.assigns) & set(events.requires)])


def event_prior(pipeline: Pipeline, article: Article, doc: Doc) -> Analysis:
    """What events.rules reads on a coded sentence: the records of ``prior_pipeline()``, as on an article, so
    that a pronoun is named by its antecedent or its statement's speaker."""
    analysis = pipeline.analyze(article, doc)
    return analysis if isinstance(analysis, Analysis) else Analysis(article)


def sentence_events(texts: list[tuple[str, str]], nlp: Language) -> Iterator[tuple[list[Event], dict[int, int]]]:
    """The events of each (id, text) sentence run as a one-sentence report, with each token's depth in the parse
    (``main_event``'s key), in order: the loop PLOVER's and PETRARCH's scorers share."""
    articles = [article_from_text(text, source_path=rid, detect_headline=False) for rid, text in texts]
    pipeline = prior_pipeline()
    for article, doc in zip(articles, nlp.pipe((a.text for a in articles), batch_size=PIPE_BATCH_SIZE), strict=True):
        events = list(events_in(article, list(doc), event_prior(pipeline, article, doc)))
        yield events, {t.idx: len(list(t.ancestors)) for t in doc}


def score(records: list[dict[str, Any]], nlp: Language) -> dict[str, Any]:
    """The events report (type accuracy, actor countries, confusions) of the pipeline on ``records``."""
    correct = typed = 0
    confusion: Counter[str] = Counter()
    # Per actor role ("source", "target"): sentences whose gold codes that role, and those we got right.
    coded: Counter[str] = Counter()
    right: Counter[str] = Counter()
    texts = [(r["id"], r["text"]) for r in records]
    for record, (events, depth) in zip(records, sentence_events(texts, nlp), strict=True):
        event = main_event(events, depth)
        predicted = event.type if event else None
        expected = gold_type(record)
        typed += predicted is not None
        correct += predicted == expected
        confusion[f"{expected}->{predicted}"] += predicted != expected
        for role, actors in (("source", event.actors if event else ()), ("target", event.targets if event else ())):
            gold_codes = _codes(record.get(role))
            if not gold_codes:
                continue
            coded[role] += 1
            right[role] += bool(gold_codes & {a.country for a in actors if a.country})
    total = len(records)
    precision, recall, f1 = rates(correct, typed, total)
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "gold": total,
        "predicted": typed,
        "matched": correct,
        "type_accuracy": recall,
        "source_country_accuracy": right["source"] / coded["source"] if coded["source"] else 0.0,
        "target_country_accuracy": right["target"] / coded["target"] if coded["target"] else 0.0,
        "errors": dict(sorted((k, v) for k, v in confusion.items() if v)),
    }


@adapter("plover")
def evaluate_plover(
    path: Path, *, inputs: Path | None = None, split: str = "dev", limit: int | None = None, folds: int | None = None
) -> dict[str, Any]:
    """The events report on all records; with ``folds``, one more report per fold (``events_fold1``, ...).
    Nothing here is trained, so each fold is scored as is; a fold is a held-out score only for mechanisms that
    were chosen on the other fold (data/plover.yaml was written against all dev records, so it is not). The
    honest held-out figure of a trained typing model is ``python -m dateline.train.events --cv``."""
    records = load_records(path)[:limit] if limit else load_records(path)
    nlp = load_nlp()
    report = {"events": score(records, nlp)}
    for k, part in enumerate(folds_of(records, folds or 1) if folds and folds > 1 else [], start=1):
        report[f"events_fold{k}"] = score(part, nlp)
    return report
