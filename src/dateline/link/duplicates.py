"""Near-duplicates: syndicated and lightly edited copies, found with MinHash LSH.

Each article's word 5-shingles are MinHashed; the signature's LSH bands are stored as blocking keys, so a new
article meets only the stored articles that share a band (never all pairs). A candidate is a copy when the
estimated Jaccard similarity of the shingle sets reaches ``THRESHOLD``; copies join the group of the first
article seen.
"""

from __future__ import annotations

from dateline.link.text import band_keys, minhash, shingles
from dateline.model import Article
from dateline.store.corpus import GROUP_KINDS, LinkSession, capped

KIND = GROUP_KINDS["duplicates"]
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
# Candidates verified per article, most shared bands first: a true copy shares most of the 9 bands, so it
# ranks at the top of any block.
CANDIDATES = 50


# LSH bands and rows per band of the ``NUM_PERM`` signature values: the split datasketch's ``MinHashLSH``
# chooses for ``THRESHOLD`` (the least weighted false positive and negative probability; a test holds them
# equal). Fixed here, so linking neither imports SciPy nor integrates at start-up.
BANDS, ROWS = 9, 13


def estimated_jaccard(a: list[int], b: list[int]) -> float:
    """The MinHash estimate of Jaccard similarity: the share of equal hash values (as ``MinHash.jaccard``)."""
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def signature(tokens: list[str]) -> list[int] | None:
    """The MinHash of an article's word shingles (``tokens``: ``words`` of its text); None when too short."""
    if len(tokens) < MIN_WORDS:
        return None
    return minhash(shingles(tokens, SHINGLE))


def link(session: LinkSession, article: Article, values: list[int] | None) -> str | None:
    """Record ``article``'s signature (``values``: ``signature`` of its words, worked out with the analysis,
    ``link.prepare``; None for a short text); if it copies a stored article, join that article's group. Returns
    the original's article id, or None."""
    if values is None:
        return None
    keys = band_keys(values, BANDS, ROWS)
    found = session.candidates(KIND, keys, cap=BLOCK_CAP, limit=CANDIDATES)
    found.pop(article.id, None)
    feats = session.peek_features(KIND, found)
    best: tuple[float, str] | None = None
    for cand, data in sorted(feats.items()):
        sim = estimated_jaccard(values, data["sig"])
        if sim >= THRESHOLD and (best is None or sim > best[0]):
            best = (sim, cand)
    session.put_features(KIND, article.id, article.id, {"sig": values})
    session.add_keys(KIND, keys, article.id, cap=BLOCK_CAP)
    if best is None:
        return None
    original = session.group_of(KIND, best[1]) or best[1]
    group = session.get_group(KIND, original)
    if group is None:
        group = {"id": original, "original": original, "copies": []}
        session.add_member(KIND, original, original, original, {"similarity": 1.0})
    group["copies"] = capped([*group["copies"], article.id])
    session.put_group(KIND, original, group, label=original)
    session.add_member(KIND, original, article.id, article.id, {"similarity": round(best[0], 4)})
    return original
