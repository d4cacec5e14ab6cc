"""Near-duplicates: syndicated and lightly edited copies, found with MinHash LSH (datasketch).

Each article's word 5-shingles are MinHashed; the signature's LSH bands are stored as blocking keys, so a new
article meets only the stored articles that share a band (never all pairs). A candidate is a copy when the
estimated Jaccard similarity of the shingle sets reaches ``THRESHOLD``; copies join the group of the first
article seen.
"""

from __future__ import annotations

import functools

from datasketch import MinHash, MinHashLSH
from sqlalchemy.engine import Connection

from dateline.link.text import NUM_PERM, band_keys, minhash, shingles, words
from dateline.model import Article
from dateline.store import corpus

KIND = "duplicate"
# Jaccard similarity of 5-shingle sets at which two reports count as copies: syndicated copies with a changed
# headline, dateline or closing line stay above 0.8 (Broder 1997 used 0.9 for near-identical web pages; news
# copies are edited more, so we accept a little less).
THRESHOLD = 0.8
# Word shingle length: 5 words make accidental overlap between independent reports rare.
SHINGLE = 5
# Reports with fewer words than this are too short to call copies (boilerplate notices look alike).
MIN_WORDS = 40
# A band shared by more stored articles than this is boilerplate, not evidence of copying.
BLOCK_CAP = 500


@functools.cache
def bands_rows() -> tuple[int, int]:
    """LSH (bands, rows) that datasketch chooses for THRESHOLD and NUM_PERM (minimising FP+FN weight)."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def estimated_jaccard(a: list[int], b: list[int]) -> float:
    """The MinHash estimate of Jaccard similarity: the share of equal hash values (as ``MinHash.jaccard``)."""
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def signature(text: str) -> MinHash | None:
    tokens = words(text)
    if len(tokens) < MIN_WORDS:
        return None
    return minhash(shingles(tokens, SHINGLE))


def link(conn: Connection, article: Article) -> str | None:
    """Record ``article``'s signature; if it copies a stored article, join that article's group. Returns the
    original's article id, or None."""
    sig = signature(article.text)
    if sig is None:
        return None
    values = [int(v) for v in sig.hashvalues]
    keys = band_keys(values, *bands_rows())
    found = corpus.candidates(conn, KIND, keys, cap=BLOCK_CAP)
    found.pop(article.id, None)
    feats = corpus.get_features(conn, KIND, found)
    best: tuple[float, str] | None = None
    for cand, data in sorted(feats.items()):
        sim = estimated_jaccard(values, data["sig"])
        if sim >= THRESHOLD and (best is None or sim > best[0]):
            best = (sim, cand)
    corpus.put_features(conn, KIND, article.id, article.id, {"sig": values})
    corpus.add_keys(conn, KIND, keys, article.id)
    if best is None:
        return None
    original = corpus.group_of(conn, KIND, best[1]) or best[1]
    if corpus.get_group(conn, KIND, original) is None:
        corpus.put_group(conn, KIND, original, {"id": original, "original": original, "copies": []}, label=original)
        corpus.add_member(conn, KIND, original, original, original, {"similarity": 1.0})
    group = corpus.get_group(conn, KIND, original) or {}
    group["copies"] = sorted({*group.get("copies", []), article.id})
    corpus.put_group(conn, KIND, original, group, label=original)
    corpus.add_member(conn, KIND, original, article.id, article.id, {"similarity": round(best[0], 4)})
    return original
