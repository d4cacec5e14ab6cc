"""``python -m dateline.train.events --cv``: choose how events are typed by 2-fold cross-validation.

Training data, both under ``<shared>/eval-data/events`` (``--shared``, default $DATELINE_SHARED or ../shared):
- PLOVER GSR dev (plover_gsr/PLOVER_GSR_CAMEO.dev.json): sentences coded with one PLOVER event;
- the PETRARCH2 unit-test sentences (petrarch2_unittest/PETR.UnitTest.records.xml): their first CAMEO event
  code mapped to PLOVER 2021 by plover_gsr/CAMEO2PLOVER-2021.txt (the longest listed prefix of the code).
Each sentence gives one row: the parse features (train/event_model.py) of its main event's trigger
as the lexicon types it (evaluate/plover.py ``main_event``), labelled with the gold type. Sentences where
events.rules finds no trigger give none.

For fold k in {1, 2} of PLOVER dev (interleaved, ``folds_of``) it trains on PETRARCH2 + the other fold and
prints fold k's type accuracy for each strategy (``STRATEGIES``). The lexicon (data/plover.yaml) was written
against all dev sentences, so strategies that read it are optimistic on either fold; ``model`` alone is the
honest held-out figure. The winner is ``CHOSEN``; while it is the lexicon, no model ships.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.evaluate.plover import event_prior, folds_of, gold_type, load_records, main_event, prior_pipeline
from dateline.extract.events import lexicon_events
from dateline.ingest import article_from_text
from dateline.model import Event
from dateline.nlp import load_nlp
from dateline.nlp.model import PIPE_BATCH_SIZE
from dateline.train.event_model import TypeModel, features

if TYPE_CHECKING:
    from spacy.language import Language

PLOVER_FILE = Path("plover_gsr/PLOVER_GSR_CAMEO.dev.json")
PETRARCH_FILE = Path("petrarch2_unittest/PETR.UnitTest.records.xml")
CAMEO_FILE = Path("plover_gsr/CAMEO2PLOVER-2021.txt")
# L2 strength and solver of scikit-learn's defaults; lbfgs is deterministic, so the weights are reproducible.
REGULARISATION = 1.0
MAX_ITERATIONS = 2000
# Weights are rounded to this many decimals, so a trained model is the same on every platform.
DECIMALS = 4
# "confident": below this probability the model is unsure and the lexicon's type stands.
CONFIDENT = 0.5
LEXICON_FEATURE = "lex="


@dataclass(frozen=True)
class Candidate:
    """One event the lexicon found in a sentence, and its trigger's features."""

    event: Event
    features: tuple[str, ...]


@dataclass(frozen=True)
class Sample:
    """A coded sentence: its gold type, its candidate events and the parse depth of each token start."""

    gold: str
    candidates: tuple[Candidate, ...]
    depth: dict[int, int]

    def main(self, retype: Callable[[Candidate], str | None]) -> Event | None:
        events = [replace(c.event, type=retype(c)) for c in self.candidates]
        return main_event(events, self.depth)

    def row(self) -> tuple[str, ...] | None:
        """The training row: the features of the lexicon's main event."""
        event = self.main(lambda c: c.event.type)
        if event is None:
            return None
        return next(c.features for c in self.candidates if c.event.start == event.start)


def cameo_to_plover(text: str) -> dict[str, str]:
    """CAMEO code -> PLOVER type, from CAMEO2PLOVER-2021.txt lines ``0311: AGREE, ...``."""
    table: dict[str, str] = {}
    for line in text.splitlines():
        match = re.match(r"(\d+):\s*([A-Z]+)", line)
        if match:
            table.setdefault(match.group(1), match.group(2))
    return table


def plover_of(code: str, table: dict[str, str]) -> str | None:
    """The PLOVER type of the longest listed prefix of a CAMEO code ("0874" -> "087" -> ...)."""
    for end in range(len(code), 1, -1):
        if code[:end] in table:
            return table[code[:end]]
    return None


def petrarch_sentences(xml_text: str, table: dict[str, str]) -> list[tuple[str, str]]:
    """(text, PLOVER type) of each unit-test sentence whose first event code maps to PLOVER."""
    out = []
    for sentence in ET.fromstring(xml_text).iter("Sentence"):
        coding, text = sentence.find("EventCoding"), sentence.find("Text")
        if coding is None or text is None or not text.text:
            continue
        kind = plover_of(coding.get("eventcode", ""), table)
        if kind:
            out.append((" ".join(text.text.split()), kind))
    return out


def parse_samples(coded: Sequence[tuple[str, str]], nlp: Language) -> list[Sample]:
    """The lexicon's candidate events of each (text, gold type) sentence."""
    articles = [article_from_text(t, source_path=str(i), detect_headline=False) for i, (t, _) in enumerate(coded)]
    samples = []
    docs = nlp.pipe((a.text for a in articles), batch_size=PIPE_BATCH_SIZE)
    pipeline = prior_pipeline()
    for (_text, gold), article, doc in zip(coded, articles, docs, strict=True):
        candidates = tuple(
            Candidate(event, tuple(features(trigger.verb, trigger.last, event.type)))
            for trigger, event in lexicon_events(article, list(doc), event_prior(pipeline, article, doc))
        )
        samples.append(Sample(gold, candidates, {t.idx: len(list(t.ancestors)) for t in doc}))
    return samples


def fit(samples: Sequence[Sample], *, lexicon_feature: bool, threshold: float, defer: bool) -> TypeModel:
    """A logistic regression on the samples' rows (with or without the lexicon's type as a feature)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows, labels = [], []
    for sample in samples:
        row = sample.row()
        if row is None:
            continue
        rows.append({f: 1 for f in row if lexicon_feature or not f.startswith(LEXICON_FEATURE)})
        labels.append(sample.gold)
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(rows)
    classifier = LogisticRegression(C=REGULARISATION, max_iter=MAX_ITERATIONS).fit(matrix, labels)
    classes = tuple(str(c) for c in classifier.classes_)
    coef = classifier.coef_
    if len(classes) == 2:  # scikit-learn keeps one row for two classes: the second's score against the first's.
        coef = [-coef[0], coef[0]]
    names = vectorizer.get_feature_names_out()
    weights = {
        str(name): tuple(round(float(coef[k][j]), DECIMALS) for k in range(len(classes)))
        for j, name in enumerate(names)
    }
    intercepts = classifier.intercept_ if len(classes) > 2 else [0.0, float(classifier.intercept_[0])]
    return TypeModel(classes, weights, tuple(round(float(b), DECIMALS) for b in intercepts), threshold, defer)


def model_typer(model: TypeModel) -> Callable[[Candidate], str | None]:
    """A candidate's type under ``model`` (and the lexicon's type it may fall back to)."""
    return lambda c: model.type_of(list(c.features), c.event.type)


# Each strategy: (uses the lexicon's type as a feature, model threshold, lexicon first) or None for the lexicon.
STRATEGIES: dict[str, tuple[bool, float, bool] | None] = {
    "lexicon": None,
    "model": (False, 0.0, False),
    "lexicon_then_model": (False, 0.0, True),
    "model_if_confident": (False, CONFIDENT, False),
    "lexicon_then_confident_model": (False, CONFIDENT, True),
    "model_with_lexicon_feature": (True, 0.0, False),
}
# The strategy events.rules uses: the best mean held-out accuracy among those that give no default type
# ("lexicon_then_model" types every trigger the lexicon leaves untyped, which is a default type; the
# confident variants do not beat the lexicon, so no model ships).
CHOSEN = "lexicon"


def accuracy(samples: Sequence[Sample], retype: Callable[[Candidate], str | None]) -> float:
    right = 0
    for sample in samples:
        event = sample.main(retype)
        right += event is not None and event.type == sample.gold
    return right / len(samples) if samples else 0.0


def cross_validate(petrarch: list[Sample], plover: list[Sample]) -> dict[str, list[float]]:
    """Per strategy, the type accuracy on fold 1 and fold 2, each trained on PETRARCH2 + the other fold."""
    parts = folds_of(plover, 2)
    scores: dict[str, list[float]] = {name: [] for name in STRATEGIES}
    for k in (0, 1):
        test, train = parts[k], petrarch + parts[1 - k]
        for name, spec in STRATEGIES.items():
            if spec is None:
                scores[name].append(accuracy(test, lambda c: c.event.type))
                continue
            model = fit(train, lexicon_feature=spec[0], threshold=spec[1], defer=spec[2])
            scores[name].append(accuracy(test, model_typer(model)))
    return scores


def load_samples(shared: Path, nlp: Language) -> tuple[list[Sample], list[Sample]]:
    """PETRARCH2 and PLOVER dev samples, in file order."""
    events = shared / "eval-data" / "events"
    table = cameo_to_plover((events / CAMEO_FILE).read_text("utf-8"))
    petrarch = petrarch_sentences((events / PETRARCH_FILE).read_text("utf-8"), table)
    plover = [(r["text"], gold_type(r)) for r in load_records(events / PLOVER_FILE)]
    return parse_samples(petrarch, nlp), parse_samples(plover, nlp)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dateline.train.events", description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=Path(os.environ.get("DATELINE_SHARED", "../shared")))
    parser.add_argument("--cv", action="store_true", help="print each strategy's accuracy per fold (the only mode)")
    args = parser.parse_args(argv)
    petrarch, plover = load_samples(args.shared, load_nlp())
    print(f"training sentences: PETRARCH2 {len(petrarch)}, PLOVER dev {len(plover)} (2 folds)")
    for name, (first, second) in cross_validate(petrarch, plover).items():
        mark = " (chosen)" if name == CHOSEN else ""
        print(f"{name:28} fold1 {first:.3f}  fold2 {second:.3f}  mean {(first + second) / 2:.3f}{mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
