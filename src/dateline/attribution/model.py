"""The shipped attribution tagger: a linear-chain CRF (python-crfsuite) over ``attribution.features``.

The model file (``dateline/data/models/attribution.crfsuite``) holds feature weights and feature names,
no text; its sha256 is recorded in ``attribution.json`` beside it and checked before the file is opened,
so a tampered or half-written model fails loudly instead of tagging quietly wrong. The manifest also records
the quotation scan the model's features read (``SCAN_FIELD``), checked at load against the scan the code's
features read. ``python -m dateline.train.attribution`` (``make train``) rebuilds both files from PolNeAR train.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from dateline.attribution.features import Item
from dateline.errors import ConfigError, Errors
from dateline.extract.statements import quotes

MODEL_NAME = "attribution.crfsuite"
MANIFEST_NAME = "attribution.json"
# The manifest's record of whether the model's features read a curly mark as closing a straight quotation
# (``quotes.TAGGER_MIXED``). The manifest's probe of the features (``train.attribution.feature_inputs``) cannot
# see that setting flip (the two scans first differ past the probe's articles; docs/extractors.md counts them),
# so the setting is recorded as such, and a model trained on the other is refused.
SCAN_FIELD = "quotes_mixed"


def models_dir() -> Path:
    """Where the shipped model files live (inside the installed package)."""
    return Path(str(resources.files("dateline.data").joinpath("models")))


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def scan_setting() -> bool:
    """The quotation scan the code's features read (``doc_sequences``), as a manifest records it."""
    return quotes.TAGGER_MIXED


@dataclass(frozen=True)
class Tagger:
    """A loaded, verified tagger: sentences of feature lists in, BIO labels out."""

    path: Path
    manifest: dict[str, Any]
    crf: Any

    def labels(self, sequence: Sequence[Item]) -> list[str]:
        """The best labels (Viterbi) alone: without the marginals, which cost a forward-backward pass."""
        labels: list[str] = self.crf.tag(sequence)
        return labels

    def tag(self, sequence: Sequence[Item]) -> tuple[list[str], list[float]]:
        """The best labels and, for each token, the probability of its label (the CRF's marginal)."""
        labels = self.labels(sequence)
        return labels, [self.crf.marginal(label, i) for i, label in enumerate(labels)]


def load_tagger(directory: Path | None = None) -> Tagger:
    """The tagger in ``directory`` (the shipped one by default), after checking its sha256."""
    return _load(directory or models_dir())


@lru_cache(maxsize=4)
def _load(directory: Path) -> Tagger:
    import pycrfsuite

    path, manifest_path = directory / MODEL_NAME, directory / MANIFEST_NAME
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        actual = file_sha256(path)
    except (OSError, ValueError) as exc:
        raise ConfigError(Errors.E014, model="attribution", directory=directory, error=exc) from exc
    if actual != manifest.get("sha256"):
        raise ConfigError(Errors.E015, model="attribution", path=path, actual=actual, expected=manifest.get("sha256"))
    if manifest.get(SCAN_FIELD) != scan_setting():
        raise ConfigError(
            Errors.E016,
            model="attribution",
            path=path,
            field=SCAN_FIELD,
            trained=manifest.get(SCAN_FIELD),
            now=scan_setting(),
        )
    crf = pycrfsuite.Tagger()
    crf.open(str(path))
    return Tagger(path, manifest, crf)
