"""The gold-format scorer: hand-made predictions against a small hand-written gold, then the adapter end to end.

The article below is invented for these tests (no sample text is copied into the repository).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from dateline.errors import EvalError
from dateline.evaluate import evaluate
from dateline.evaluate.gold import KINDS, META_FIELDS, score_article
from dateline.evaluate.text import find_spans, greedy_match, iso, normalize, token_f1
from dateline.model import (
    Actor,
    Analysis,
    Article,
    Claim,
    Dateline,
    Entity,
    Event,
    Place,
    Record,
    Role,
    Span,
    Speaker,
    Statement,
    TimeExpr,
)

TEXT = (
    "MARLOW, Freedonia, March 3. Mayor Ada Quill of Freedonia said the old bridge would reopen on 12 April 2025. "
    "Quill’s office told the Harbour Gazette that about 40 workers, including 12 engineers, were injured. "
    "The council rejected the plan."
)

GOLD_YAML = """
article: marlow.txt
meta:
  published: 2025-03-03
  outlet: Harbour Gazette
  dateline: {place: Marlow, country: FD, date: 2025-03-03}
  source: Quill's office
  title: null
entities:
  - name: Ada Quill
    type: PERSON
    aliases: [Quill, Mayor Quill]
    roles: [{title: Mayor, of: Freedonia}, {title: Engineer, optional: true}]
  - {name: Freedonia, type: GPE}
  - {name: Harbour Gazette, type: ORG}
  - {name: Quill’s office, type: ANY, optional: true}
statements:
  - speaker: Ada Quill
    cue: said
    kind: indirect
    content: the old bridge would reopen on 12 April 2025
events:
  - trigger: rejected
    type: [REJECT, null]
    actors: [the council]
  - {trigger: reopen, type: null, actors: [], optional: true}
claims:
  - {value: 40, unit: workers, predicate: injured, approx: true, claimant: Quill's office}
  - {value: 12, unit: engineers, predicate: injured, part_of: 40, claimant: Quill's office}
times:
  - {text: 12 April 2025, value: 2025-04-12}
  - {text: March 3, value: 2025-03-03, optional: true}
places:
  - {text: Freedonia, name: Freedonia, country: FD, geonames: 42}
"""

EXTRACTOR = "test.v1"


def _gold() -> dict[str, Any]:
    return dict(iso(yaml.safe_load(GOLD_YAML)))


def _span(text: str) -> Span:
    start = TEXT.index(text)
    return Span.of(TEXT, start, start + len(text))


def _article(**meta: Any) -> Article:
    fields: dict[str, Any] = {
        "published": "2025-03-03T09:15",
        "outlet": "harbour gazette",
        "dateline": Dateline("MARLOW", "FD", "2025-03-03"),
        "source": "Quill’s office",
    }
    fields.update(meta)
    return Article(id="a1", text=TEXT, source_path="marlow.txt", content_hash="h", **fields)


def _entity(name: str, type_: str, *aliases: str, roles: tuple[Role, ...] = (), at: str = "") -> Entity:
    return Entity(
        article_id="a1",
        spans=(_span(at or name),),
        extractor=EXTRACTOR,
        name=name,
        type=type_,
        aliases=aliases,
        roles=roles,
    )


def _people() -> list[Record]:
    return [
        _entity("Ada Quill", "PERSON", "Quill", roles=(Role("Mayor", "Freedonia"),)),
        _entity("Freedonia", "GPE"),
        _entity("Harbour Gazette", "ORG"),
    ]


def _statement(speaker: Speaker, content: str) -> Statement:
    return Statement(
        article_id="a1", spans=(_span(content),), extractor=EXTRACTOR, speaker=speaker, cue="said", content=content
    )


def _claim(value: float, unit: str, text: str, *, part_of: str | None = None, approx: bool = False) -> Claim:
    return Claim(
        article_id="a1",
        spans=(_span(text),),
        extractor=EXTRACTOR,
        value=value,
        unit=unit,
        predicate="injured",
        part_of=part_of,
        approx=approx,
        claimant=Speaker("Quill's office", entity="Quill’s office"),
    )


def _perfect() -> list[Record]:
    whole = _claim(40, "workers", "40 workers", approx=True)
    return [
        *_people(),
        _statement(Speaker("Ada Quill", entity="Ada Quill"), "the old bridge would reopen on 12 April 2025"),
        Event(
            article_id="a1",
            spans=(_span("rejected"),),
            extractor=EXTRACTOR,
            trigger="rejected",
            lemma="reject",
            type="REJECT",
            actors=(Actor("The council"),),
        ),
        whole,
        _claim(12, "engineer", "12 engineers", part_of=whole.id),
        TimeExpr(
            article_id="a1",
            spans=(_span("12 April 2025"),),
            extractor=EXTRACTOR,
            text="12 April 2025",
            value="2025-04-12",
        ),
        Place(
            article_id="a1",
            spans=(_span("Freedonia"),),
            extractor=EXTRACTOR,
            text="Freedonia",
            name="Freedonia",
            country="FD",
            geonames_id=42,
        ),
    ]


def _report(records: list[Record], gold: dict[str, Any] | None = None, **meta: Any) -> dict[str, Any]:
    return score_article(gold or _gold(), Analysis(_article(**meta), tuple(records))).report()


def test_perfect_predictions_score_one_everywhere() -> None:
    report = _report(_perfect())
    for kind in KINDS:
        scores = report[kind.key]
        assert (scores["precision"], scores["recall"], scores["f1"]) == (1.0, 1.0, 1.0), kind.key
        assert all(scores[name] in (1.0, None) for name in kind.figure_names), (kind.key, scores)
    assert report["entities"]["role_accuracy"] == 1.0
    assert report["claims"]["part_of_accuracy"] == 1.0
    assert report["meta"] == {"accuracy": 1.0, "fields": dict.fromkeys(META_FIELDS, 1.0)}


def test_a_missed_item_lowers_recall_only() -> None:
    records = [r for r in _perfect() if not (isinstance(r, Entity) and r.name == "Harbour Gazette")]
    entities = _report(records)["entities"]
    assert entities["gold"] == 3 and entities["matched"] == 2 and entities["predicted"] == 2
    assert entities["precision"] == 1.0
    assert entities["recall"] == pytest.approx(2 / 3, abs=1e-4)


def test_an_extra_item_lowers_precision_only() -> None:
    extra = _entity("Marlow", "GPE", at="MARLOW")
    entities = _report([*_perfect(), extra])["entities"]
    assert entities["recall"] == 1.0
    assert entities["precision"] == pytest.approx(3 / 4)


def test_optional_items_never_count() -> None:
    # Found: not a true positive, and not a false positive either.
    office = _entity("Quill’s office", "ORG")
    with_office = _report([*_perfect(), office])["entities"]
    assert with_office["precision"] == 1.0 and with_office["gold"] == 3
    # Missed: not a false negative. The optional time and event are missing from the perfect set already.
    report = _report(_perfect())
    assert report["times"]["gold"] == 1 and report["times"]["recall"] == 1.0
    assert report["events"]["gold"] == 1


def test_curly_quotes_case_and_white_space_are_normalised() -> None:
    assert normalize("  QUILL’S\n  Office ") == normalize("quill's office")
    assert find_spans("quill's   office", TEXT) == [
        (TEXT.index("Quill’s"), TEXT.index("Quill’s") + len("Quill’s office"))
    ]
    shouting = _entity("ADA QUILL", "PERSON", "quill", roles=(Role("MAYOR", "FREEDONIA"),), at="Ada Quill")
    entities = _report([shouting, *_people()[1:]])["entities"]
    assert entities["f1"] == 1.0 and entities["role_accuracy"] == 1.0


def test_greedy_matching_is_one_to_one_and_best_first() -> None:
    scores = {(0, 0): 0.6, (0, 1): 0.9, (1, 1): 0.8}
    assert greedy_match(2, 2, lambda g, p: scores.get((g, p))) == [(0, 1, 0.9)]
    # Two gold claims with the same figure, one prediction: only one is matched.
    gold = _gold()
    gold["claims"].append({"value": 40, "unit": "workers", "predicate": "killed", "claimant": "Quill's office"})
    claims = _report(_perfect(), gold)["claims"]
    assert claims["gold"] == 3 and claims["matched"] == 2
    assert claims["predicate_accuracy"] == 1.0  # the pairing that agrees on the predicate wins


def test_speaker_is_matched_by_the_entity_rule() -> None:
    content = "the old bridge would reopen on 12 April 2025"
    alias = [*_people(), _statement(Speaker("Quill"), content)]
    assert _report(alias)["statements"]["f1"] == 1.0
    wrong = [*_people(), _statement(Speaker("the council"), content)]
    statements = _report(wrong)["statements"]
    assert statements["matched"] == 0 and statements["speaker_accuracy"] == 0.0
    assert statements["precision"] == 0.0


def test_statement_content_needs_half_its_words() -> None:
    speaker = Speaker("Quill", entity="Ada Quill")
    assert token_f1("the old bridge would reopen", "the old bridge") >= 0.5
    partial = _report([_statement(speaker, "the old bridge would reopen")])["statements"]
    assert partial["matched"] == 1
    too_little = _report([_statement(speaker, "April 2025")])["statements"]
    assert too_little["matched"] == 0


def test_duplicate_predictions_count_once() -> None:
    again = TimeExpr(
        article_id="a1", spans=(_span("12 April 2025"),), extractor="other.v1", text="12 April 2025", value="2025-04-12"
    )
    times = _report([*_perfect(), again])["times"]
    assert times["predicted"] == 1 and times["precision"] == 1.0


def test_event_figures_and_a_missing_kind() -> None:
    records = [r for r in _perfect() if not isinstance(r, Place)]
    report = _report(records)
    assert report["events"]["type_accuracy"] == 1.0 and report["events"]["negated_accuracy"] == 1.0
    assert report["places"] == {
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
        "gold": 1,
        "predicted": 0,
        "matched": 0,
        "name_accuracy": None,
        "country_accuracy": None,
        "geonames_accuracy": None,
    }


def test_meta_fields_are_compared_at_the_gold_precision() -> None:
    fields = _report(_perfect(), published="2025-03-04", outlet=None, title="Bridge news")["meta"]["fields"]
    assert fields["published"] == 0.0 and fields["outlet"] == 0.0 and fields["title"] == 0.0
    assert fields["dateline"] == 1.0 and fields["source"] == 1.0 and fields["updated"] == 1.0


def test_adapter_errors_are_clear(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "corpus.gold.yaml").write_text("articles: [x.txt]\n", encoding="utf-8")
    with pytest.raises(EvalError, match="E405"):
        evaluate(tmp_path / "gold")
    (tmp_path / "gold" / "x.gold.yaml").write_text("article: x.txt\n", encoding="utf-8")
    with pytest.raises(EvalError, match="E404"):
        evaluate(tmp_path / "gold")


def test_adapter_scores_the_shared_gold_end_to_end(shared: Path) -> None:
    gold_dir = shared / "gold"
    report = evaluate(gold_dir)
    kinds = [kind.key for kind in KINDS]
    assert set(report) >= {"meta", "articles", *kinds}
    golds = sorted(p.name.removesuffix(".gold.yaml") for p in gold_dir.glob("0*.gold.yaml"))
    assert sorted(name.removesuffix(".txt") for name in report["articles"]) == golds
    for scores in [report, *report["articles"].values()]:
        assert set(META_FIELDS) == set(scores["meta"]["fields"])
        assert 0.0 <= scores["meta"]["accuracy"] <= 1.0
        for kind in KINDS:
            figures = scores[kind.key]
            assert {"precision", "recall", "f1", "gold", "predicted", "matched", *kind.figure_names} <= set(figures)
            assert all(0.0 <= figures[k] <= 1.0 for k in ("precision", "recall", "f1"))
            assert 0 <= figures["matched"] <= figures["gold"]
    # The shared gold annotates every kind; its required items are counted, optional ones are not.
    assert report["entities"]["gold"] == sum(a["entities"]["gold"] for a in report["articles"].values()) > 0
    assert report["events"]["gold"] < sum(
        len(yaml.safe_load(p.read_text())["events"]) for p in gold_dir.glob("0*.gold.yaml")
    )


def test_joint_speakers_must_equal_the_gold_set() -> None:
    gold = _gold()
    gold["statements"][0]["speaker"] = ["Ada Quill", "Harbour Gazette"]
    gold["statements"][0]["via"] = "Harbour Gazette"
    content = "the old bridge would reopen on 12 April 2025"
    both = (Speaker("Quill", entity="Ada Quill"), Speaker("the Gazette", entity="Harbour Gazette"))
    joint = Statement(
        article_id="a1",
        spans=(_span(content),),
        extractor=EXTRACTOR,
        speaker=both[0],
        speakers=both,
        cue="said",
        content=content,
        via=("harbour gazette",),
    )
    statements = _report([joint], gold)["statements"]
    assert statements["matched"] == 1 and statements["via_accuracy"] == 1.0
    alone = _report([_statement(both[0], content)], gold)["statements"]
    assert alone["matched"] == 0 and alone["speaker_accuracy"] == 0.0


def test_a_gold_item_without_its_match_fields_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "x.gold.yaml").write_text("article: x.txt\nclaims:\n  - {value: 3}\n", encoding="utf-8")
    with pytest.raises(EvalError, match="claims item 1 lacks unit"):
        evaluate(tmp_path / "gold")


def test_a_failed_article_scores_as_empty_output() -> None:
    report = score_article(_gold(), None).report()
    assert report["meta"]["accuracy"] == 0.0
    assert report["entities"]["recall"] == 0.0 and report["entities"]["gold"] == 3


def test_title_abbreviations_compare_equal() -> None:
    from dateline.evaluate.gold import title_key

    assert title_key("Sen.") == title_key("Senator")
    assert title_key("Attorney Gen.") == title_key("attorney general")
    assert title_key("Lt. Gov.") == title_key("Lieutenant Governor")
    assert title_key("Rep.") != title_key("Senator")
    # a plural title before several names, abbreviated or spelt out: each holds the singular office
    assert title_key("Sens.") == title_key("Senators") == title_key("Senator")
    # a plural abbreviation written once before several names is each one's office
    assert title_key("Sens.") == title_key("Senator")
    assert title_key("Reps.") == title_key("Rep.")


def test_a_country_holding_an_office_compares_by_its_common_name() -> None:
    from dateline.evaluate.gold import Context, Names, _role_ok

    ctx = Context("", Names.of([]), {})
    gold = {"title": "Ambassador", "of": "United States", "to": "Russia"}
    assert _role_ok(gold, Role("Ambassador", "U.S.", "Russian Federation"), ctx)
    assert not _role_ok(gold, Role("Ambassador", "Canada", "Russia"), ctx)
    assert not _role_ok(gold, Role("Ambassador", None, "Russia"), ctx)


def test_a_leading_article_does_not_change_a_participant() -> None:
    from dateline.evaluate.gold import Names

    names = Names.of([{"name": "National Rifle Association", "aliases": ["the NRA"]}])
    assert names.matches("a federal judge", ["federal judge"])
    assert names.matches("international community", ["the international community"])
    assert names.matches("National Rifle Association", ["NRA"])
    assert not names.matches("a federal judge", ["judge"])
