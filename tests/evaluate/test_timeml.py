"""The TimeML adapter: reading TBAQ-cleaned and scoring times.rules on it."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from dateline.evaluate import adapters
from dateline.evaluate.timeml import load, read_tml
from tests.conftest import EVAL_DATA, missing_shared

TBAQ = EVAL_DATA / "temporal" / "tbaq_cleaned"
# A slice large enough to exercise every rule family, small enough to parse in seconds.
SLICE = 12


@pytest.fixture(scope="module")
def files() -> list[Path]:
    found = sorted(TBAQ.rglob("*.tml"))
    if not found:
        missing_shared(TBAQ)
    return found


def test_read_tml_offsets_point_at_the_gold_text(files: list[Path]) -> None:
    for path in files[:SLICE]:
        doc = read_tml(path, TBAQ)
        raw = path.read_text(encoding="utf-8")
        body = raw[raw.index("<TEXT>") : raw.index("</TEXT>")]
        written = [html.unescape(t) for t in re.findall(r"<TIMEX3[^>]*>([^<]*)</TIMEX3>", body)]
        assert [doc.text[t.start : t.end] for t in doc.timexes] == written
        assert doc.dct and re.match(r"\d{4}-\d\d-\d\d", doc.dct)
        assert doc.part in {"AQUAINT", "TimeBank"}


def test_adapter_scores_a_slice() -> None:
    report = adapters()["timeml"](TBAQ, inputs=None, split="dev", limit=SLICE)
    times = report["times"]
    assert times["gold"] > 0 and times["predicted"] > 0
    assert 0 <= times["strict_f1"] <= times["f1"] <= 1
    assert times["value_f1"] >= 0.5
    assert any(key.startswith("times:") for key in report)


@pytest.mark.slow
def test_value_f1_on_tbaq_cleaned() -> None:
    """The target from the issue: value F1 >= 0.75 over TBAQ-cleaned (TimeBank + AQUAINT)."""
    report = adapters()["timeml"](TBAQ, inputs=None, split="dev", limit=None)
    assert report["times"]["value_f1"] >= 0.75


def test_load_respects_limit(files: list[Path]) -> None:
    assert len(load(TBAQ, limit=3)) == 3


def test_halves_split_the_documents_alternately(files: list[Path]) -> None:
    first, second = load(TBAQ, split="half1"), load(TBAQ, split="half2")
    assert len(first) + len(second) == len(files)
    assert first[0].name == files[0].stem and second[0].name == files[1].stem
    assert not {d.name for d in first} & {d.name for d in second}


def _write_tml(folder: Path, body: str) -> None:
    """One TimeML document dated 1989-10-27 (its DCT) with ``body`` as its text."""
    doc = (
        '<?xml version="1.0" ?>\n<TimeML>\n<DCT><TIMEX3 tid="t0" type="DATE" value="1989-10-27" '
        'functionInDocument="CREATION_TIME">1989-10-27</TIMEX3></DCT>\n<TEXT>' + body + "</TEXT>\n</TimeML>\n"
    )
    (folder / "one.tml").write_text(doc, encoding="utf-8")


def test_value_classes_on_a_written_document(tmp_path: Path) -> None:
    """Each value class TimeML writes, scored through the adapter on one small document."""
    body = (
        'In <TIMEX3 tid="t1" type="DURATION" value="P2Q">the past two quarters</TIMEX3> sales fell; '
        '<TIMEX3 tid="t2" type="DATE" value="1988-Q3">the 1988 third quarter</TIMEX3> was better. '
        'Talks end at <TIMEX3 tid="t3" type="TIME" value="1989-10-31T09:00">9 a.m. Tuesday</TIMEX3>, '
        'a year after <TIMEX3 tid="t4" type="DURATION" value="P90D">90 days</TIMEX3> of talks, '
        'and the firm is <TIMEX3 tid="t5" type="DATE" value="PRESENT_REF">now</TIMEX3> for sale.'
    )
    _write_tml(tmp_path, body)
    report = adapters()["timeml"](tmp_path, inputs=None, split="dev", limit=None)["times"]
    assert report["gold"] == 5
    assert report["value_accuracy"] == 1.0


def test_errors_sort_every_miss_and_an_anniversary_is_no_timex(tmp_path: Path) -> None:
    body = (
        'Talks resumed <TIMEX3 tid="t1" type="DATE" value="1989-10-16">Monday</TIMEX3> and end '
        '<TIMEX3 tid="t2" type="DATE" value="1989-11">soon</TIMEX3>, on the 39th anniversary of the pact; '
        "they met Friday."
    )
    _write_tml(tmp_path, body)
    report = adapters()["timeml"](tmp_path, inputs=None, split="dev", limit=None)
    times = report["times"]
    # "Monday" matches with another value (the gold's is a week earlier), "soon" is missed, "Friday" is
    # spurious; the anniversary is not scored.
    assert (times["gold"], times["predicted"], times["matched"]) == (2, 2, 1)
    assert report["times:errors"] == {"missed": 1, "spurious": 1, "wrong_value": 1}
    examples = times["error_examples"]
    assert examples["missed"] == ["one: 'soon' = 1989-11"]
    assert examples["spurious"] == ["one: 'Friday' = 1989-10-27"]
    assert examples["wrong_value"] == ["one: 'Monday' = 1989-10-16 -> 1989-10-23"]
