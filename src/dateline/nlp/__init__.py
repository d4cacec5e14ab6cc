"""The one spaCy pipeline: loaded once per process, run with ``nlp.pipe``."""

from dateline.nlp.model import MODEL_PACKAGE, load_nlp

__all__ = ["MODEL_PACKAGE", "load_nlp"]
