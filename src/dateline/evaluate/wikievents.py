"""``dateline eval --format wikievents``: event trigger recall on WikiEvents (KAIROS triggers in news).

WikiEvents (Li, Ji & Han, NAACL 2021; ../shared/eval-data/events/wikievents/dev.jsonl, 20 news documents,
345 event mentions) marks every event trigger of the KAIROS ontology with its token span. We run the pipeline's
events extractor on each document (its sentences one per line) and score by token overlap:
- ``recall``: share of gold triggers that some predicted event mention overlaps;
- ``precision``: share of predicted event mentions that overlap a gold trigger. It is partial: KAIROS does not
  annotate every act PLOVER codes (statements, support, cooperation, consultation by phone...), so a
  prediction outside the gold is not always wrong. Report it, do not tune to it.
- ``verb_recall``: recall over the gold triggers our parse reads as a verb (``verb_gold``): the lexicon's
  reach, apart from event nouns ("the bombing") and doerless passives ("was killed"), which dateline leaves
  out by design (docs/extractors.md, Events); ``mapped_recall``: over triggers of a type PLOVER also codes;
- ``type_accuracy``: over matched gold triggers whose KAIROS type maps to one PLOVER type (``KAIROS_TO_PLOVER``),
  the share whose predicted event carries that type.
``missed_by_type`` counts missed triggers by KAIROS type (first two levels), ``missed`` lists a few (trigger and
sentence), for reading on the half one tunes on. ``unreadable`` counts the documents whose text cleaning changed more
than white space, so that no gold span can be placed (``unreadable_documents`` names them): their triggers count
as gold and missed, so a nonzero count is a scorer defect to mend, not a recall figure.

``--split half1`` / ``half2`` scores alternate documents of the list sorted by ``doc_id`` (even / odd
positions), so that rules can be tuned on one half and checked on the other; any other split scores all.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.evaluate import adapter
from dateline.evaluate.plover import event_prior, prior_pipeline
from dateline.evaluate.text import f1_score
from dateline.extract.events import events_in
from dateline.ingest import article_from_text
from dateline.model import Event
from dateline.nlp import load_nlp
from dateline.nlp.model import PIPE_BATCH_SIZE

DEFAULT_FILE = "dev.jsonl"
HALVES = {"half1": 0, "half2": 1}
# Missed triggers listed per report: enough to read a pattern, small enough for a JSON report.
MISSED_EXAMPLES = 60
# KAIROS event types (prefix of the dotted type) that name one PLOVER 2021 type, through the CAMEO codes whose
# descriptions are the KAIROS definition, as CAMEO2PLOVER-2021.txt (../shared/eval-data/events/plover_gsr) maps them:
# Conflict.Attack = CAMEO 180-186 "use unconventional violence" (183 bombings: Attack.DetonateExplode) and 190,
# 193-195 "use conventional military force", "fight with ..." -> ASSAULT (the table's 191 blockade and 192
# occupation, COERCE there, are no KAIROS attack); Conflict.Demonstrate = 141 "demonstrate or rally" -> PROTEST;
# Justice.ArrestJailDetain = 173 "arrest, detain, or charge with legal action" -> COERCE; Justice.ChargeIndict, a
# formal charge or indictment, is the same 173 "charge with legal action" -> COERCE (1121 "accuse of crime",
# ACCUSE, is anyone's allegation); Contact.ThreatenCoerce = 13 "threaten" -> THREATEN; Contact.Contact.Meet = 04
# "consult" (043, 044 meetings) -> CONSULT; Justice.InvestigateCrime = 091 "investigate crime, corruption" ->
# ACCUSE (PLOVER 2021 folds INVESTIGATE into ACCUSE); Justice.ReleaseParole = 0841 "return, release person(s)" ->
# RETREAT. Longest prefix wins. Left unmapped (no clear CAMEO code): Life.Die and Life.Injure (a death by disease
# or accident is no act of anyone's), Contact.RequestCommand (a request or an order), Contact.Contact.Broadcast
# (mostly speech, never an event here), Movement, Transaction, Justice trials, convictions and sentences,
# Personnel, Disaster, Medical, ArtifactExistence, Cognitive.
KAIROS_TO_PLOVER = {
    "Conflict.Attack": "ASSAULT",
    "Conflict.Demonstrate": "PROTEST",
    "Justice.ArrestJailDetain": "COERCE",
    "Contact.ThreatenCoerce": "THREATEN",
    "Contact.Contact.Meet": "CONSULT",
    "Justice.InvestigateCrime": "ACCUSE",
    "Justice.ChargeIndict": "COERCE",
    "Justice.ReleaseParole": "RETREAT",
}


@dataclass(frozen=True)
class Trigger:
    """A gold trigger: character offsets in the rebuilt text, its words, KAIROS type and sentence."""

    start: int
    end: int
    text: str
    kairos: str
    sentence: str


@dataclass(frozen=True)
class Document:
    doc_id: str
    text: str
    triggers: tuple[Trigger, ...]


def plover_of(kairos: str) -> str | None:
    """The PLOVER type a KAIROS type names (longest listed prefix), or None."""
    parts = kairos.split(".")
    for n in range(len(parts), 0, -1):
        found = KAIROS_TO_PLOVER.get(".".join(parts[:n]))
        if found:
            return found
    return None


def rebuild(record: dict[str, Any]) -> Document:
    """The document's text as dateline reads a report (one sentence a line, one space between words that the
    source separates: its text runs a headline into the body, "in SyriaThe desert"), with each gold trigger's
    character span in it."""
    offsets: list[tuple[int, int]] = []
    lines: list[str] = []
    position = 0
    for sentence, _text in record["sentences"]:
        line = ""
        previous_end: int | None = None
        for word, start, end in sentence:
            word = unicodedata.normalize("NFC", word)
            if previous_end is not None and start > previous_end and line:
                line += " "
            offsets.append((position + len(line), position + len(line) + len(word)))
            line += word
            previous_end = end
        lines.append(line)
        position += len(line) + 1
    text = "\n".join(lines)
    sentence_of = [i for i, (sentence, _t) in enumerate(record["sentences"]) for _w in sentence]
    triggers = tuple(
        Trigger(
            start=offsets[m["trigger"]["start"]][0],
            end=offsets[m["trigger"]["end"] - 1][1],
            text=m["trigger"]["text"],
            kairos=m["event_type"],
            sentence=lines[sentence_of[m["trigger"]["start"]]],
        )
        for m in record["event_mentions"]
    )
    return Document(record["doc_id"], text, triggers)


def load_documents(path: Path, split: str = "dev") -> list[Document]:
    """The documents sorted by ``doc_id``; alternate ones for ``half1`` / ``half2``."""
    file = path / DEFAULT_FILE if path.is_dir() else path
    records = [json.loads(line) for line in file.read_text("utf-8").splitlines() if line.strip()]
    documents = sorted((rebuild(r) for r in records), key=lambda d: d.doc_id)
    if split in HALVES:
        return [d for i, d in enumerate(documents) if i % 2 == HALVES[split]]
    return documents


def _shift(article_text: str, text: str) -> list[int] | None:
    """Offsets of ``text``'s characters in the article's cleaned text, or None when cleaning changed more than
    white space (then the document is counted ``unreadable`` and its triggers missed)."""
    if article_text == text:
        return list(range(len(text) + 1))
    mapping: list[int] = []
    j = 0
    for char in text:
        if char.isspace():
            mapping.append(j)
            continue
        while j < len(article_text) and article_text[j].isspace():
            j += 1
        if j >= len(article_text) or article_text[j] != char:
            return None
        mapping.append(j)
        j += 1
    mapping.append(j)
    return mapping


def score(documents: list[Document]) -> dict[str, Any]:
    """The trigger report (recall, partial precision, type accuracy on mapped types) on ``documents``."""
    nlp = load_nlp()
    pipeline = prior_pipeline()
    articles = [article_from_text(d.text, source_path=d.doc_id, detect_headline=False) for d in documents]
    gold = found = predicted = matched_predictions = typed = typed_right = 0
    # Gold triggers our parse reads as a verb, and those of a mapped type, with how many of each were found.
    verbs = verbs_found = mapped = mapped_found = 0
    missed_by_type: Counter[str] = Counter()
    confusion: Counter[str] = Counter()
    missed: list[dict[str, str]] = []
    unreadable: list[str] = []
    for document, article, doc in zip(
        documents, articles, nlp.pipe((a.text for a in articles), batch_size=PIPE_BATCH_SIZE), strict=True
    ):
        events: list[Event] = list(events_in(article, list(doc), event_prior(pipeline, article, doc)))
        mapping = _shift(article.text, document.text)
        if mapping is None:
            unreadable.append(document.doc_id)
        spans = [(s.start, s.end, e) for e in events for s in e.spans]
        predicted += len(spans)
        hit_spans: set[int] = set()
        for trigger in document.triggers:
            gold += 1
            start, end = (mapping[trigger.start], mapping[trigger.end]) if mapping else (-1, -1)
            hits = [i for i, (s, e, _ev) in enumerate(spans) if s < end and start < e]
            hit_spans.update(hits)
            is_verb = any(t.pos_ == "VERB" for t in doc if start <= t.idx < end)
            verbs += is_verb
            verbs_found += is_verb and bool(hits)
            expected = plover_of(trigger.kairos)
            mapped += expected is not None
            mapped_found += expected is not None and bool(hits)
            if not hits:
                missed_by_type[".".join(trigger.kairos.split(".")[:2])] += 1
                if len(missed) < MISSED_EXAMPLES:
                    missed.append({"trigger": trigger.text, "type": trigger.kairos, "sentence": trigger.sentence})
                continue
            found += 1
            if expected is None:
                continue
            types = {spans[i][2].type for i in hits}
            typed += 1
            typed_right += expected in types
            if expected not in types:
                confusion[f"{expected}->{'/'.join(sorted(str(t) for t in types))}"] += 1
        matched_predictions += len(hit_spans)
    precision = matched_predictions / predicted if predicted else 0.0
    recall = found / gold if gold else 0.0
    f1 = f1_score(precision, recall)
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "gold": gold,
        "predicted": predicted,
        "matched": found,
        "matched_predictions": matched_predictions,
        "documents": len(documents),
        "unreadable": len(unreadable),
        "unreadable_documents": unreadable,
        "verb_recall": verbs_found / verbs if verbs else 0.0,
        "verb_gold": verbs,
        "mapped_recall": mapped_found / mapped if mapped else 0.0,
        "mapped_gold": mapped,
        "type_accuracy": typed_right / typed if typed else 0.0,
        "typed_gold_matched": typed,
        "missed_by_type": dict(missed_by_type.most_common()),
        "type_errors": dict(sorted(confusion.items())),
        "missed": missed,
    }


@adapter("wikievents")
def evaluate_wikievents(
    path: Path, *, inputs: Path | None = None, split: str = "dev", limit: int | None = None
) -> dict[str, Any]:
    """The events trigger report on the documents of ``split`` (``half1``, ``half2``, or all)."""
    documents = load_documents(path, split)
    return {"events": score(documents[:limit] if limit else documents)}
