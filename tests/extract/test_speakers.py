"""Speaker resolution inside an article, on short reports written for the tests."""

from __future__ import annotations

from dateline.ingest import article_from_text
from dateline.model import Analysis, Statement
from dateline.pipeline import Pipeline

EXTRACTORS = ["entities.rules", "statements.rules"]


def statements(text: str) -> tuple[Statement, ...]:
    result = next(Pipeline(EXTRACTORS).run([article_from_text(text, source_path="<test>")]))
    assert isinstance(result, Analysis), result
    return result.statements


def test_pronoun_goes_to_the_last_person_speaking() -> None:
    text = (
        "Canadian Foreign Minister Julia Marsh said that the talks were useful.\n\n"
        "She also noted that a second round would follow in May.\n"
    )
    found = statements(text)
    assert len(found) == 2
    assert found[1].speaker.text == "She"
    assert found[1].speaker.entity == found[0].speaker.entity
    assert found[0].speaker.entity is not None and "Marsh" in found[0].speaker.entity


def test_role_description_goes_to_the_office_holder() -> None:
    text = (
        "Norway's Ambassador to Chile Erik Dahl said that trade had doubled.\n\n"
        "The ambassador stressed that both sides wanted more flights.\n"
    )
    first, second = statements(text)
    assert second.speaker.text == "The ambassador"
    assert second.speaker.entity == first.speaker.entity
    assert first.speaker.entity is not None and "Dahl" in first.speaker.entity


def test_they_after_two_named_people_is_a_joint_statement() -> None:
    text = (
        "Professor Anna Kovacs and Professor Peter Lind emphasized that the archive must stay public.\n\n"
        "They noted that funding had been cut twice.\n"
    )
    first, second = statements(text)
    assert len(first.speakers) == 2
    assert {s.entity for s in second.speakers} == {s.entity for s in first.speakers}


def test_unnamed_sources_stay_descriptions() -> None:
    (statement,) = statements("Several witnesses at the scene said that the fire started in the kitchen.\n")
    assert statement.speaker.entity is None
    assert statement.speaker.description == "Several witnesses at the scene"


def test_unresolvable_pronoun_names_no_one() -> None:
    (statement,) = statements("He said that the vote would be delayed.\n")
    assert statement.speaker.text == "He"
    assert statement.speaker.entity is None
