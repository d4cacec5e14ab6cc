"""Records: span invariants, provenance, content ids and JSON round-trips."""

from __future__ import annotations

import dataclasses
import enum

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.demo import demo_corpus_path
from dateline.errors import ExtractError
from dateline.ingest import iter_documents
from dateline.model import (
    Analysis,
    Claim,
    Entity,
    Role,
    Span,
    Speaker,
    Statement,
    record_from_dict,
    to_dict,
)
from dateline.pipeline import Pipeline


@given(st.text(min_size=1, max_size=200), st.data())
def test_span_of_points_at_its_text(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    span = Span.of(text, start, end)
    span.check(text)
    assert span.text == text[start:end]


def test_span_rejects_bad_offsets_and_mismatched_text() -> None:
    with pytest.raises(ExtractError):
        Span(5, 2, "")
    with pytest.raises(ExtractError):
        Span(0, 3, "ab")
    with pytest.raises(ExtractError):
        Span(0, 2, "xy").check("ab")


def test_record_needs_a_span_and_a_versioned_extractor() -> None:
    with pytest.raises(ExtractError):
        Entity(article_id="a", spans=(), extractor="entities.rules.v1", name="X", type="ORG")
    with pytest.raises(ExtractError):
        Entity(article_id="a", spans=(Span(0, 1, "X"),), extractor="entities", name="X", type="ORG")


@given(st.text(min_size=1, max_size=50), st.text(max_size=20))
def test_entity_round_trips_through_json(name: str, title: str) -> None:
    span = Span(0, len(name), name)
    entity = Entity(
        article_id="a1",
        spans=(span,),
        extractor="entities.rules.v1",
        name=name,
        type="PERSON",
        aliases=("x",),
        roles=(Role(title=title or "t", of="Y", span=span),),
    )
    again = record_from_dict(to_dict(entity))
    assert again == entity
    assert again.id == entity.id


def test_ids_are_stable_and_follow_content() -> None:
    text = "Ann said it rains."

    def make(content: str) -> Statement:
        return Statement(
            article_id="a",
            spans=(Span.of(text, 0, len(text)),),
            extractor="statements.rules.v1",
            speaker=Speaker(text="Ann", entity="Ann"),
            cue="said",
            content=content,
        )

    assert make("it rains").id == make("it rains").id
    assert make("it rains").id != make("it snows").id


def test_stamping_renames_the_id_and_relinks_parts_of_the_same_run() -> None:
    text = "300 people, including 20 children"
    speaker = Speaker(text="outlet")

    def claim(start: int, end: int, value: float, unit: str, part_of: str | None = None) -> Claim:
        return Claim(
            article_id="a",
            spans=(Span.of(text, start, end),),
            value=value,
            unit=unit,
            predicate="other",
            claimant=speaker,
            part_of=part_of,
        )

    whole = claim(0, 10, 300, "people")
    part = claim(22, 33, 20, "children", part_of=whole.id)
    ids = {r.id: r.id_as("claims.rules.v1") for r in (whole, part)}
    stamped_whole, stamped_part = (r.stamped("claims.rules.v1", ids) for r in (whole, part))
    assert stamped_whole.extractor == "claims.rules.v1" and stamped_whole.id == ids[whole.id] != whole.id
    assert stamped_part.part_of == stamped_whole.id
    assert stamped_whole.stamped("claims.rules.v1", ids) is stamped_whole
    # The id the pipeline already worked out is taken as it is: the same record as without it.
    given = [r.stamped("claims.rules.v1", ids, ids[r.id]) for r in (whole, part)]
    assert given == [stamped_whole, stamped_part]
    assert [r.id for r in given] == [r.id_as("claims.rules.v1") for r in given]


@given(
    st.lists(
        st.one_of(
            st.text(),
            st.integers(),
            st.none(),
            st.lists(st.tuples(st.integers(), st.integers())),
            st.dictionaries(st.text(), st.text()),
        )
    )
)
def test_content_id_is_the_hash_of_the_parts_canonical_json(parts: list[object]) -> None:
    # Ids are stored and linked on: the shared encoder must give ``json.dumps``'s bytes with the same options,
    # non-ASCII text and unsorted mappings included, and anything else through ``str``.
    import hashlib
    import json

    from dateline.model import _CANONICAL, content_id

    payload = json.dumps(tuple(parts), sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))
    assert content_id(*parts) == hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]
    assert _CANONICAL.encode((Span.of("Zoë", 0, 3),)) == json.dumps(
        (Span.of("Zoë", 0, 3),), sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":")
    )


def _plain_general(value: object) -> object:
    """``model._plain`` without its exact-type shortcut for strings, numbers and None: the export shape it gave
    before the shortcut, to compare with."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain_general(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain_general(v) for v in value]
    return value


class _Kind(enum.StrEnum):
    ORG = "ORG"


def test_export_shape_is_the_general_one_for_every_record_of_the_demo_corpus() -> None:
    analyses = [a for a in Pipeline().run(iter_documents([str(demo_corpus_path())])) if isinstance(a, Analysis)]
    records = [r for a in analyses for r in a.records]
    assert len({r.kind for r in records}) >= 5
    text = "Acme opened a plant."
    # A str subclass (an enum) and a bool are not shortcut by their exact type: they go the general way.
    odd = Entity(article_id="a", spans=(Span.of(text, 0, 4),), extractor="x.v1", name="Acme", type=_Kind.ORG)
    for record in [*records, odd]:
        expected = _plain_general(record)
        assert isinstance(expected, dict)
        assert to_dict(record) == {**expected, "kind": type(record).kind}
    assert type(to_dict(odd)["type"]) is _Kind
