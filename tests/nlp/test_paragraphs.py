"""dateline_paragraphs: a blank line ends a sentence before the parser runs."""

from __future__ import annotations

from dateline.nlp import load_nlp
from dateline.nlp.paragraphs import COMPONENT
from tests.conftest import polnear_article

HEADLINE_OVER_PARAGRAPH = (
    "Reyes: No delay for the bridge\n\n"
    "VALLEYTOWN (Herald) — Mayor Tom Reyes is insisting that the bridge will open in May.\n"
)


def test_component_runs_before_the_parser() -> None:
    names = load_nlp().pipe_names
    assert names.index(COMPONENT) < names.index("parser")


def test_a_headline_without_a_full_stop_is_a_sentence_of_its_own() -> None:
    doc = load_nlp()(HEADLINE_OVER_PARAGRAPH)
    starts = [s.start_char for s in doc.sents]
    assert HEADLINE_OVER_PARAGRAPH.index("VALLEYTOWN") in starts
    # A line wrapped inside a sentence (single line break, as in wire copy) is not a boundary.
    doc = load_nlp()("The mayor said the bridge\nwould open in May.\n")
    assert len(list(doc.sents)) == 1


def test_a_headline_label_over_a_real_report_is_a_statement() -> None:
    # PolNeAR train: "Lynch: No outside influence on FBI probe into Clinton emails." over "WASHINGTON (AP) —
    # Attorney General Loretta Lynch is reaffirming ...". Run into that sentence, the headline was the
    # subject of "is reaffirming" and no "Label:" statement came of it.
    result = polnear_article("breitbart_2016-02-08_lynch-no-outside-influence")
    labelled = [(s.speaker.text, s.content) for s in result.statements if s.cue == ":"]
    assert ("Lynch", "No outside influence on FBI probe into Clinton emails.") in labelled
