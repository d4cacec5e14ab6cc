"""The WikiEvents trigger adapter: text rebuilt with the gold's spans, halves, type table, and a scored slice."""

from __future__ import annotations

from dateline.evaluate import evaluate
from dateline.evaluate.wikievents import (
    KAIROS_TO_PLOVER,
    Document,
    Trigger,
    _shift,
    load_documents,
    plover_of,
    rebuild,
    score,
)
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
    # A formal charge is CAMEO 173 "charge with legal action", COERCE in CAMEO2PLOVER-2021 (1121 is an allegation).
    assert plover_of("Justice.ChargeIndict.Unspecified") == "COERCE"
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
    # Every gold trigger's span is exactly its own words in the rebuilt text.
    assert [d.text[t.start : t.end] for d in every for t in d.triggers] == [t.text for d in every for t in d.triggers]


def test_adapter_scores_trigger_recall_on_a_slice() -> None:
    report = evaluate(WIKIEVENTS, fmt="wikievents", split="half1", limit=1)["events"]
    # Half 1's first document: 13 gold triggers, 2 found by events.rules.v29 (a lexicon change may move this
    # figure: update it with the row in docs/evaluation.md), every span placed.
    assert report["documents"] == 1 and report["unreadable"] == 0
    assert (report["gold"], report["matched"]) == (13, 2)
    assert 0 < report["matched_predictions"] <= report["predicted"]
    assert report["verb_gold"] <= report["gold"] and report["mapped_gold"] <= report["gold"]
    assert sum(report["missed_by_type"].values()) == report["gold"] - report["matched"]


def test_a_document_whose_cleaning_changes_its_words_is_counted_unreadable() -> None:
    # A control character the cleaner drops leaves no way to place the gold spans: the document is counted and
    # named, its trigger missed, instead of passing silently as a miss.
    clean = "Police arrested two men in Dayton on Monday."
    broken = "Rebels\x07 attacked the town on Monday."
    documents = [
        Document("clean", clean, (Trigger(7, 15, "arrested", "Justice.ArrestJailDetain.Unspecified", clean),)),
        Document("broken", broken, (Trigger(8, 16, "attacked", "Conflict.Attack.Unspecified", broken),)),
    ]
    report = score(documents)
    assert report["unreadable"] == 1 and report["unreadable_documents"] == ["broken"]
    assert report["gold"] == 2 and report["matched"] == 1
