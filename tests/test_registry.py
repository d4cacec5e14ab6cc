"""The extractor registry and the pipeline: ordering by requirements, clear errors, bad records as failures."""

from __future__ import annotations

import importlib.metadata
from collections.abc import Iterable

import pytest

from dateline import registry
from dateline.errors import PipelineError
from dateline.ingest import article_from_text
from dateline.model import Analysis, Article, Entity, Failure, Record, Span
from dateline.pipeline import Pipeline


def test_default_pipeline_runs_each_extractor_after_what_it_requires() -> None:
    specs = registry.resolve()
    position = {kind: i for i, spec in enumerate(specs) for kind in spec.assigns}
    for i, spec in enumerate(specs):
        for kind in spec.requires:
            assert position[kind] < i, f"{spec.qualified} runs before the provider of {kind}"


def test_unknown_extractor_and_unmet_requirement_are_pipeline_errors() -> None:
    with pytest.raises(PipelineError) as unknown:
        registry.resolve(["no.such.extractor"])
    assert unknown.value.code == "E503"
    with pytest.raises(PipelineError) as unmet:
        registry.resolve(["statements.rules"])
    assert unmet.value.code == "E504"


def test_bare_name_selects_newest_version() -> None:
    # The module's own version constant, so a version bump does not need this test edited (session 32's times
    # bump broke CI here).
    from dateline.extract import times

    (spec,) = registry.resolve(["times.rules"])
    assert spec.qualified == f"times.rules.v{times.VERSION}"


def _bad_span(article: Article, doc: object, *, prior: Analysis) -> Iterable[Record]:
    # A span whose text does not match the article: the pipeline must refuse it.
    yield Entity(article_id=article.id, spans=(Span(0, 3, "xyz"),), extractor="test.badspan.v1", name="x", type="ORG")


def test_a_record_with_a_wrong_span_turns_the_article_into_a_failure() -> None:
    registry.extractor("test.badspan", version=1, assigns=("entity",), default=False)(_bad_span)
    pipeline = Pipeline(["test.badspan"])
    article = article_from_text("Acme opened a plant in Baku.", source_path="mem.txt")
    (result,) = list(pipeline.run([article]))
    assert isinstance(result, Failure)
    assert result.code == "E103"
    assert "test.badspan.v1" in result.reason


def test_plugins_are_loaded_from_the_entry_point_group(monkeypatch: pytest.MonkeyPatch) -> None:
    point = importlib.metadata.EntryPoint(
        name="example", value="tests.plugin_example", group=registry.ENTRY_POINT_GROUP
    )
    monkeypatch.setattr(registry, "_LOADED", False)
    monkeypatch.setattr(
        importlib.metadata, "entry_points", lambda group=None: [point] if group == registry.ENTRY_POINT_GROUP else []
    )
    assert "example.capitals.v1" in registry.registered()
    pipeline = Pipeline(["example.capitals"])
    article = article_from_text("The NATO summit opened in Riga.", source_path="mem.txt")
    (result,) = list(pipeline.run([article]))
    assert isinstance(result, Analysis)
    assert [e.name for e in result.entities] == ["NATO"]


def _unnamed(article: Article, doc: object, *, prior: Analysis) -> Iterable[Record]:
    # Records made without an extractor name: the pipeline stamps the registered one.
    yield Entity(article_id=article.id, spans=(Span.of(article.text, 0, 4),), name="Acme", type="ORG")


def test_the_pipeline_stamps_each_record_with_its_registered_extractor() -> None:
    registry.extractor("test.unnamed", version=3, assigns=("entity",), default=False)(_unnamed)
    article = article_from_text("Acme opened a plant in Baku.", source_path="mem.txt")
    (result,) = list(Pipeline(["test.unnamed"]).run([article]))
    assert isinstance(result, Analysis)
    (entity,) = result.entities
    assert entity.extractor == "test.unnamed.v3"
    assert entity.id == entity.id_as("test.unnamed.v3")


def test_helper_modules_are_not_loaded_as_extractors() -> None:
    modules = {spec.fn.__module__ for spec in registry.registered().values()}
    assert not any(".support" in m or m.rsplit(".", 1)[-1].startswith("_") for m in modules)
    assert "dateline.extract.statements" in modules
