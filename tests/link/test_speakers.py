"""Speakers resolved to the article's canonical entities: a record linking leaves as it was is kept as it is."""

from __future__ import annotations

from dataclasses import replace

from dateline.link import resolve_speakers
from dateline.model import Claim, Entity, Span, Speaker, Statement

TEXT = "Maria Lopez said the bridge would open in May. The council counted 40 percent more traffic."


def _span(phrase: str) -> tuple[Span, ...]:
    start = TEXT.index(phrase)
    return (Span.of(TEXT, start, start + len(phrase)),)


def test_unchanged_records_are_kept_and_resolved_ones_copied() -> None:
    lopez = replace(
        Entity(article_id="a1", spans=_span("Maria Lopez"), extractor="test.v1", name="Maria Lopez", type="PERSON"),
        entity_id="c-lopez",
    )
    said = Statement(
        article_id="a1",
        spans=_span("Maria Lopez said the bridge would open in May."),
        extractor="test.v1",
        cue="said",
        content="the bridge would open in May",
        speaker=Speaker("Maria Lopez", entity="Maria Lopez"),
    )
    counted = Claim(
        article_id="a1",
        spans=_span("40 percent"),
        extractor="test.v1",
        value=40.0,
        unit="percent",
        predicate="percent",
        claimant=Speaker("The council"),
    )
    statement, claim = resolve_speakers([said, counted], [lopez])
    assert isinstance(statement, Statement) and statement.speaker.entity_id == "c-lopez"
    # The council is none of the article's entities: nothing to change, the very record comes back.
    assert claim is counted
    # Resolving again what is resolved changes nothing either.
    assert resolve_speakers([statement], [lopez])[0] is statement
