"""The WikiEvents trigger adapter: text rebuilt with the gold's spans, halves, type table, and a scored slice."""

from __future__ import annotations

from dateline.evaluate import evaluate
from dateline.evaluate.wikievents import KAIROS_TO_PLOVER, _shift, load_documents, plover_of, rebuild
from tests.conftest import EVAL_DATA

WIKIEVENTS = EVAL_DATA / "events" / "wikievents" / "dev.jsonl"


def _record() -> dict[str, object]:
    # Our own two sentences in the corpus's layout: the source text runs the headline into the body.
    words = [["Rebels", 0, 6], ["attack", 7, 13], ["town", 14, 18]]
    body = [["Police", 18, 24], ["arrested", 25, 33], ["two", 34, 37], [".", 37, 38]]
    return {
        "doc_id": "x",
        "sentences": [[words, "Rebels attack town"], [body, "Police arrested two."]],
        "event_mentions": [
            {"event_type": "Conflict.Attack.Unspecified", "trigger": {"start": 1, "end": 2, "text": "attack"}},
            {
                "event_type": "Justice.ArrestJailDetain.Unspecified",
                "trigger": {"start": 4, "end": 5, "text": "arrested"},
            },
        ],
    }


def test_rebuilt_text_puts_each_sentence_on_its_line_and_keeps_trigger_spans() -> None:
    document = rebuild(_record())
    assert document.text == "Rebels attack town\nPolice arrested two."
    assert [document.text[t.start : t.end] for t in document.triggers] == ["attack", "arrested"]
    assert document.triggers[1].sentence == "Police arrested two."


def test_kairos_types_map_by_longest_prefix_and_unclear_ones_stay_unmapped() -> None:
    assert plover_of("Conflict.Attack.DetonateExplode") == "ASSAULT"
    assert plover_of("Justice.ArrestJailDetain.Unspecified") == "COERCE"
    assert plover_of("Contact.Contact.Meet") == "CONSULT"
    assert plover_of("Contact.Contact.Broadcast") is None
    assert plover_of("Life.Die.Unspecified") is None
    assert set(KAIROS_TO_PLOVER.values()) <= {
        "ASSAULT",
        "PROTEST",
        "COERCE",
        "THREATEN",
        "CONSULT",
        "ACCUSE",
        "RETREAT",
    }


def test_offsets_follow_the_cleaned_text_through_white_space() -> None:
    mapping = _shift("a  b\nc", "a b\nc")
    assert mapping is not None and mapping[2] == 3 and mapping[4] == 5
    assert _shift("a b", "a c") is None


def test_halves_alternate_documents_sorted_by_id() -> None:
    every = load_documents(WIKIEVENTS)
    first, second = load_documents(WIKIEVENTS, "half1"), load_documents(WIKIEVENTS, "half2")
    assert len(every) == 20 and sum(len(d.triggers) for d in every) == 345
    assert [d.doc_id for d in every] == sorted(d.doc_id for d in every)
    assert first[1] == every[2] and second[1] == every[3]
    # Every gold trigger's span covers its own words in the rebuilt text.
    assert all(d.text[t.start : t.end].split()[0] == t.text.split()[0] for d in every for t in d.triggers)


def test_adapter_scores_trigger_recall_on_a_slice() -> None:
    report = evaluate(WIKIEVENTS, fmt="wikievents", split="half1", limit=2)["events"]
    assert report["documents"] == 2 and report["gold"] > 0
    assert 0 < report["matched"] <= report["gold"]
    assert 0 < report["matched_predictions"] <= report["predicted"]
    assert report["verb_gold"] <= report["gold"] and report["mapped_gold"] <= report["gold"]
    assert sum(report["missed_by_type"].values()) == report["gold"] - report["matched"]
