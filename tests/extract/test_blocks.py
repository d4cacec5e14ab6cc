"""support.blocks: the one paragraph after a paragraph that a colon ends."""

from __future__ import annotations

from dateline.extract.support.blocks import block_after, colon_closing

TEXT = "The mayor said:\n\nThe bridge must close.\n\nThe council meets on Monday."


def test_the_block_is_the_one_paragraph_after_the_colon() -> None:
    colon = TEXT.index(":")
    start, end = block_after(TEXT, colon) or (0, 0)
    assert TEXT[start:end] == "The bridge must close."
    assert colon_closing(TEXT, start) == colon


def test_a_colon_inside_its_paragraph_opens_no_block() -> None:
    text = "The mayor said: the bridge must close.\n\nThe council meets on Monday."
    assert block_after(text, text.index(":")) is None
    assert colon_closing(text, text.index("The council")) is None


def test_a_colon_at_the_end_of_the_text_opens_no_block() -> None:
    text = "The mayor said:\n\n"
    assert block_after(text, text.index(":")) is None


def test_a_paragraph_that_ends_in_a_colon_is_no_block_of_the_colon_before() -> None:
    # It introduces the paragraph after it ("The president wrote:" over "In response to this, I tweeted:").
    text = "The president wrote:\n\nIn response to this, I tweeted:\n\nThe bridge must close."
    assert block_after(text, text.index(":")) is None
    second = text.index(":", text.index("tweeted"))
    start, end = block_after(text, second) or (0, 0)
    assert text[start:end] == "The bridge must close."
