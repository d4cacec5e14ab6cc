"""The PolNeAR adapter: brat parsing, the split reader, and a short scored run."""

from __future__ import annotations

import builtins
from pathlib import Path
from typing import Any

import pytest

from dateline.evaluate import polnear
from tests.conftest import EVAL_DATA

POLNEAR = EVAL_DATA / "quotes" / "polnear"

ANN = (
    "T1\tSource 0 5\tAlice\n"
    "T2\tCue 6 10\tsaid\n"
    "T3\tContent 11 20;25 30\tit rained today\n"
    "T4\tAttribution 6 10\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tContent 40 50\tno source\n"
    "E2\tContent:T5\n"
    "E3\tCue:T2\n"
)


def test_parse_ann_ties_spans_by_event() -> None:
    first, second = polnear.parse_ann(ANN)
    assert first.content == ((11, 20), (25, 30)) and first.source == ((0, 5),)
    assert first.extent == (11, 30)
    assert second.source == ()


def test_split_offsets_point_at_the_annotated_text() -> None:
    docs = polnear.load_split(POLNEAR, "dev", limit=3)
    assert len(docs) == 3
    for doc in docs:
        assert doc.gold
        for item in doc.gold:
            assert all(0 <= s < e <= len(doc.text) for s, e in item.content)


def test_tally_matches_one_to_one_by_overlap() -> None:
    text = "x" * 60
    gold = polnear.parse_ann(ANN)
    tally = polnear.Tally()
    tally.add(text, gold, [polnear.Predicted(((12, 28),), (0, 3)), polnear.Predicted(((13, 14),), None)])
    report = tally.report()
    assert (report["gold"], report["predicted"], report["matched"]) == (2, 2, 1)
    assert report["source_accuracy"] == 1.0


def test_short_run_scores_ours_and_the_baseline() -> None:
    report = polnear.evaluate_polnear(POLNEAR, split="dev", limit=2)
    ours = report["statements"]
    assert ours["articles"] == 2 and ours["failures"] == 0
    assert ours["gold"] > 0 and 0.0 <= ours["content_overlap_f1"] <= 1.0
    assert "textacy_direct_quotations" in report
    by_class = {k: v for k, v in report.items() if k.startswith("statements/")}
    assert sum(v["gold"] for v in by_class.values()) == ours["gold"]
    assert sum(v["matched"] for v in by_class.values()) == ours["matched"]
    claims = report["claims"]
    assert claims["claims"] == claims["scored"] + claims["unsourced"]
    assert claims["scored"] == 0 or 0.0 <= claims["claimant_accuracy"] <= 1.0


def test_gold_claimant_is_the_innermost_content_by_fragments() -> None:
    outer = polnear.Attribution(content=((10, 50),), source=((0, 5),))
    inner = polnear.Attribution(content=((20, 30), (35, 40)), source=((12, 15),))
    gold = (outer, inner)
    assert polnear.gold_claimant(gold, 22) is inner
    assert polnear.gold_claimant(gold, 32) is outer  # between the inner content's fragments: its cue
    assert polnear.gold_claimant(gold, 60) is None  # outside every content: the outlet


def test_baseline_is_optional(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_textacy(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("textacy"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_textacy)
    monkeypatch.setattr(polnear.importlib, "import_module", lambda name: no_textacy(name))
    assert polnear.textacy_baseline() is None


def test_missing_split_reads_nothing(tmp_path: Path) -> None:
    assert polnear.load_split(tmp_path, "dev") == []


def test_strict_compares_words_and_resumed_quotations() -> None:
    text = "“We will win,” she said. “Nobody stops us.” Then: that taxes rise, she said."
    first, second = text.index("“We"), text.index("“Nobody")
    gold = (polnear.Attribution(((first, text.index(" she")), (second, text.index(" Then")))),)
    tally = polnear.Tally()
    # The prediction holds the cue inside its span; its content is the span less "she said".
    tally.add(
        text, gold, [polnear.Predicted(((first + 1, text.index(" she")), (text.index(". “N"), second + 20)), None)]
    )
    assert tally.report()["content_strict_f1"] == 0.0  # a word short of the gold
    tally = polnear.Tally()
    tally.add(
        text, gold, [polnear.Predicted(((first, text.index("she")), (text.index(". “N"), text.index(" Then"))), None)]
    )
    assert tally.report()["content_strict_f1"] == 1.0
    assert polnear.strict_words("that taxes rise,") == polnear.strict_words("“Taxes rise.”")


def test_a_lone_relative_word_fragment_is_mapped_in_strict_only() -> None:
    # PolNeAR: "the vote, [which] she has repeatedly said [was a mistake]"; the guide's content is the one
    # substring after the cue. content_strict maps the scheme difference, content_strict_literal does not.
    text = "The vote, which she has repeatedly said was a mistake, passed."
    which, rest = text.index("which"), text.index("was a")
    gold = (polnear.Attribution(((which, which + 5), (rest, text.index(", passed")))),)
    tally = polnear.Tally()
    tally.add(text, gold, [polnear.Predicted(((rest, text.index(", passed")),), None)])
    report = tally.report()
    assert report["content_strict_f1"] == 1.0 and report["content_strict_literal_f1"] == 0.0
    # A content word in the first fragment is no scheme difference: it stays.
    gold = (polnear.Attribution(((0, 8), (rest, text.index(", passed")))),)
    tally = polnear.Tally()
    tally.add(text, gold, [polnear.Predicted(((rest, text.index(", passed")),), None)])
    assert tally.report()["content_strict_f1"] == 0.0


def test_an_aside_cut_from_a_gold_content_is_mapped_in_strict_only() -> None:
    # PolNeAR cuts the author's aside out of a content's middle; the guide's content is one substring holding it.
    text = "Jones said the committee, which backed Smith, spent $3 million."
    first, aside, end = text.index("the committee"), text.index(", which"), text.index(" spent")
    content = ((first, aside), (end + 1, len(text) - 1))
    source, cue = (text.index("Jones"), text.index("Jones") + 5), (text.index("said"), text.index("said") + 4)
    whole = [polnear.Predicted(((first, len(text) - 1),), None)]
    tally = polnear.Tally()
    tally.add(text, (polnear.Attribution(content, (source,), (cue,)),), whole)
    report = tally.report()
    assert report["content_strict_f1"] == 1.0 and report["content_strict_literal_f1"] == 0.0
    # Where the gap holds the attribution's own cue ("A, he said, B"), the stretch is no reading of it.
    tally = polnear.Tally()
    tally.add(text, (polnear.Attribution(content, (source,), ((aside + 2, aside + 7),)),), whole)
    assert tally.report()["content_strict_f1"] == 0.0


def test_gold_cues_are_classed_by_the_lexicon() -> None:
    from dateline.nlp import load_nlp

    text = "Smith said the plan failed. Jones wants the bill. Lee believes it will pass."
    doc = load_nlp()(text)

    def at(word: str) -> polnear.Fragments:
        start = text.index(word)
        return ((start, start + len(word)),)

    gold = [
        polnear.Attribution(at("the plan failed"), at("Smith"), at("said")),
        polnear.Attribution(at("the bill"), at("Jones"), at("wants")),
        polnear.Attribution(at("it will pass"), at("Lee"), at("believes")),
        polnear.Attribution(at("it will pass"), (), at("believes")),
        polnear.Attribution(at("the plan failed")),
    ]
    assert polnear.gold_cue_classes(doc, gold) == [
        "speech",
        "other",
        "attitude",
        "attitude, no source",
        "none, no source",
    ]


def test_recall_by_cue_class_counts_each_gold_once() -> None:
    text = "x" * 60
    gold = polnear.parse_ann(ANN)
    tally = polnear.Tally()
    tally.add(text, gold, [polnear.Predicted(((12, 28),), (0, 3))], ["speech", "none, no source"])
    assert tally.class_report() == {
        "statements/speech": {"gold": 1, "matched": 1, "recall": 1.0},
        "statements/none, no source": {"gold": 1, "matched": 0, "recall": 0.0},
    }
