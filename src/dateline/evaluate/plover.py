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
from typing import Any

from dateline.evaluate import adapter
from dateline.extract.events import events_in
from dateline.extract.places import mentions, places_from_mentions
from dateline.ingest import article_from_text
from dateline.model import Analysis, Event
from dateline.nlp import load_nlp
from dateline.nlp.model import PIPE_BATCH_SIZE

DEFAULT_FILE = "PLOVER_GSR_CAMEO.dev.json"
# PLOVER 0.5 labels in the gold -> PLOVER 2021 (../shared/eval-data/events/SOURCE.md and the brief).
OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}


def gold_type(record: dict[str, Any]) -> str:
    return OLD_TYPES.get(record["event"], record["event"])


def _codes(value: Any) -> set[str]:
    return {a["code"] for a in value if isinstance(a, dict) and a.get("code")} if isinstance(value, list) else set()


def _depth(event: Event, doc_root_distance: dict[int, int]) -> int:
    return doc_root_distance.get(event.start, 99)


def main_event(events: list[Event], depth: dict[int, int]) -> Event | None:
    """The sentence's main event: typed before untyped, then shallowest in the parse, then first."""
    if not events:
        return None
    return min(events, key=lambda e: (e.type is None, _depth(e, depth), e.start))


def load_records(path: Path) -> list[dict[str, Any]]:
    file = path / DEFAULT_FILE if path.is_dir() else path
    records = json.loads(file.read_text("utf-8"))
    return [r for r in records if r.get("event") and r["event"] != "DOCUMENT" and r.get("text")]


@adapter("plover")
def evaluate_plover(
    path: Path, *, inputs: Path | None = None, split: str = "dev", limit: int | None = None
) -> dict[str, Any]:
    records = load_records(path)[:limit] if limit else load_records(path)
    nlp = load_nlp()
    articles = [article_from_text(r["text"], source_path=r["id"], detect_headline=False) for r in records]
    correct = typed = src_ok = src_n = tgt_ok = tgt_n = 0
    confusion: Counter[str] = Counter()
    for record, article, doc in zip(
        records, articles, nlp.pipe((a.text for a in articles), batch_size=PIPE_BATCH_SIZE), strict=True
    ):
        places = tuple(places_from_mentions(article, mentions(article, doc, Analysis(article))))
        events = list(events_in(article, list(doc), Analysis(article, places)))
        depth = {t.idx: len(list(t.ancestors)) for t in doc}
        event = main_event(events, depth)
        predicted = event.type if event else None
        expected = gold_type(record)
        typed += predicted is not None
        correct += predicted == expected
        confusion[f"{expected}->{predicted}"] += predicted != expected
        for gold_codes, actors, counters in (
            (_codes(record.get("source")), event.actors if event else (), "source"),
            (_codes(record.get("target")), event.targets if event else (), "target"),
        ):
            if not gold_codes:
                continue
            hit = bool(gold_codes & {a.country for a in actors if a.country})
            if counters == "source":
                src_n += 1
                src_ok += hit
            else:
                tgt_n += 1
                tgt_ok += hit
    total = len(records)
    precision = correct / typed if typed else 0.0
    recall = correct / total if total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "events": {
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "gold": total,
            "predicted": typed,
            "matched": correct,
            "type_accuracy": recall,
            "source_country_accuracy": src_ok / src_n if src_n else 0.0,
            "target_country_accuracy": tgt_ok / tgt_n if tgt_n else 0.0,
            "errors": dict(sorted((k, v) for k, v in confusion.items() if v)),
        }
    }
