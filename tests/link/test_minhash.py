"""dateline's own MinHash and LSH split are datasketch's, value for value, on real reports: stored signatures
and band keys do not change by dropping the import."""

from __future__ import annotations

from pathlib import Path

from datasketch import MinHash, MinHashLSH

from dateline.ingest import iter_documents
from dateline.link.duplicates import BANDS, ROWS, SHINGLE, THRESHOLD
from dateline.link.text import MINHASH_SEED, NUM_PERM, minhash, shingles, words
from dateline.model import Article
from tests.conftest import CORPUS, require_shared


def _datasketch(tokens: list[str]) -> list[int]:
    m = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED)
    m.update_batch([t.encode("utf-8") for t in tokens])
    return [int(v) for v in m.hashvalues]


def test_signatures_are_datasketchs() -> None:
    folder = require_shared(CORPUS / "allsides-article-bias" / "jsons", at_least=20)
    files = sorted(str(p) for p in Path(folder).iterdir())[:20]
    articles = [d for d in iter_documents(files) if isinstance(d, Article)]
    assert len(articles) == 20
    for article in articles:
        tokens = shingles(words(article.text), SHINGLE)
        assert minhash(tokens) == _datasketch(tokens), article.id
    # A set of one, and the empty set (every value at its maximum).
    assert minhash(["one shingle"]) == _datasketch(["one shingle"])
    assert minhash([]) == _datasketch([])


def test_bands_are_datasketchs_choice() -> None:
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    assert (lsh.b, lsh.r) == (BANDS, ROWS)
    assert BANDS * ROWS <= NUM_PERM


def test_shingles_are_every_run_of_k_words() -> None:
    folder = require_shared(CORPUS / "allsides-article-bias" / "jsons", at_least=5)
    files = sorted(str(p) for p in Path(folder).iterdir())[:5]
    for article in (d for d in iter_documents(files) if isinstance(d, Article)):
        tokens = words(article.text)
        # The plain definition: the run starting at each word, while k words remain.
        assert shingles(tokens, SHINGLE) == [" ".join(tokens[i : i + SHINGLE]) for i in range(len(tokens) - 4)]
    # Fewer words than k: the whole text is one shingle; no words, none.
    assert shingles(["a", "short", "text"], SHINGLE) == ["a short text"]
    assert shingles([], SHINGLE) == []


def test_words_are_the_tokens_with_possessives_removed() -> None:
    import re

    from dateline.link.text import normalize

    folder = require_shared(CORPUS / "allsides-article-bias" / "jsons", at_least=50)
    files = sorted(str(p) for p in Path(folder).iterdir())[:50]
    pattern = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
    for article in (d for d in iter_documents(files) if isinstance(d, Article)):
        # The plain definition: each token, "'s" cut off its end, trailing apostrophes stripped, none empty.
        plain = [w[:-2] if w.endswith("'s") else w.rstrip("'") for w in pattern.findall(normalize(article.text))]
        assert words(article.text) == [w for w in plain if w], article.id
    assert words("Azerbaijan’s envoy, the envoys' cars") == ["azerbaijan", "envoy", "the", "envoys", "cars"]
