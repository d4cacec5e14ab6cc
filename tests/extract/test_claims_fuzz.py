"""Claims over arbitrary text: no exception, every span inside the text, no absurd value."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.extract.claims import extract_claims
from dateline.model import Analysis, Article
from dateline.nlp import load_nlp

# Pieces that reach every branch of the figure pattern, mixed with arbitrary characters.
PIECES = st.sampled_from(
    [
        "$",
        "£",
        "€",
        "Rs ",
        "1",
        "12,345",
        "2.3",
        " billion",
        "m",
        "k",
        "%",
        " percent",
        " people",
        " to ",
        "-",
        "dozens of",
        " twenty",
        "-five",
        " killed",
        "“",
        "”",
        "\n",
        "1e999",
        "１２",
        "¾",
        ",",
        ".",
        " ",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=30).map("".join)


@settings(max_examples=60, deadline=None)
@given(TEXT)
def test_any_text(text: str) -> None:
    article = Article(id="f", text=text, source_path="f.txt", content_hash="h", outlet="X")
    for claim in extract_claims(article, load_nlp()(text), prior=Analysis(article)):
        claim.check_spans(text)
        assert math.isfinite(claim.value) and 0 <= claim.value <= 1e15
