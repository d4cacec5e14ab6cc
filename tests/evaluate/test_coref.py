"""Cross-document entity coreference scoring on ECB+: metrics, gold mentions, and the adapter end to end."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from dateline.evaluate import evaluate
from dateline.evaluate.coref import Mention, _gold_mentions, head_index, match, pairwise, score
from dateline.evaluate.corpus import EcbToken, ecb_document

ECB_XML = """<Document doc_name="1_1ecb.xml">
<token t_id="1" sentence="0" number="0">Reid</token>
<token t_id="2" sentence="0" number="1">checks</token>
<token t_id="3" sentence="0" number="2">in</token>
<token t_id="4" sentence="1" number="0">Actress</token>
<token t_id="5" sentence="1" number="1">Tara</token>
<token t_id="6" sentence="1" number="2">Reid</token>
<token t_id="7" sentence="1" number="3">said</token>
<token t_id="8" sentence="1" number="4">she</token>
<token t_id="9" sentence="1" number="5">left</token>
<token t_id="10" sentence="1" number="6">Malibu</token>
<Markables>
<HUMAN_PART_PER m_id="1"><token_anchor t_id="1"/></HUMAN_PART_PER>
<HUMAN_PART_PER m_id="2"><token_anchor t_id="5"/><token_anchor t_id="6"/></HUMAN_PART_PER>
<HUMAN_PART_PER m_id="3"><token_anchor t_id="8"/></HUMAN_PART_PER>
<LOC_GEO m_id="4"><token_anchor t_id="10"/></LOC_GEO>
<ACTION_OCCURRENCE m_id="5"><token_anchor t_id="9"/></ACTION_OCCURRENCE>
<HUMAN_PART_PER m_id="10" instance_id="HUM1" TAG_DESCRIPTOR="tara_reid"/>
<LOC_GEO m_id="11" instance_id="LOC1" TAG_DESCRIPTOR="malibu"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1"><source m_id="1"/><source m_id="2"/><source m_id="3"/><target m_id="10"/></CROSS_DOC_COREF>
<CROSS_DOC_COREF r_id="2"><source m_id="4"/><target m_id="11"/></CROSS_DOC_COREF>
</Relations>
</Document>"""


def test_gold_mentions_are_named_participants_in_listed_sentences(tmp_path: Path) -> None:
    file = tmp_path / "1_1ecb.xml"
    file.write_text(ECB_XML, encoding="utf-8")
    text, tokens, root = ecb_document(file)
    assert text == "Reid checks in\nActress Tara Reid said she left Malibu"
    assert tokens["5"] == EcbToken("5", 1, 23, 27)
    mentions = _gold_mentions("1/1_1ecb", text, root, tokens, {0, 1})
    # "she" is not named; the action is not a participant; "Reid" opening a sentence is still a name.
    assert [(text[m.start : m.end], m.cluster) for m in mentions] == [
        ("Reid", "HUM1"),
        ("Tara Reid", "HUM1"),
        ("Malibu", "LOC1"),
    ]
    assert [text[m.start : m.end] for m in _gold_mentions("1/1_1ecb", text, root, tokens, {1})] == [
        "Tara Reid",
        "Malibu",
    ]
    assert isinstance(root, ET.Element)


def test_scores_within_and_across_documents() -> None:
    gold = [Mention("a", 0, 4, "X"), Mention("a", 10, 14, "X"), Mention("b", 0, 4, "X"), Mention("b", 20, 25, "Y")]
    # Document a's two mentions are split apart; b's are right; one predicted mention matches nothing.
    pred = [Mention("a", 0, 4, "p"), Mention("a", 10, 14, "q"), Mention("b", 1, 4, "p"), Mention("b", 20, 25, "r")]
    pred.append(Mention("b", 30, 35, "s"))
    pairs = match(gold, pred)
    assert len(pairs) == 4
    report = score(gold, pred)
    assert report["mentions"]["precision"] == pytest.approx(4 / 5) and report["mentions"]["recall"] == 1.0
    assert report["within_doc_b3"]["precision"] == 1.0
    assert report["within_doc_b3"]["recall"] == pytest.approx((0.5 + 0.5 + 1 + 1) / 4)
    # Across documents: X = {a0, a10, b0}, predicted p = {a0, b0}, q = {a10}.
    assert report["cross_doc_pairwise"]["precision"] == 1.0
    assert report["cross_doc_pairwise"]["recall"] == pytest.approx(1 / 3)
    assert pairwise({"1": "x", "2": "x"}, {"1": "p", "2": "q"})["recall"] == 0.0


def test_a_gold_mention_matches_the_name_it_shares_most_with() -> None:
    # "Mafia boss Gaetano Lo Presti": the modifier comes first but the name overlaps more.
    gold = [Mention("a", 0, 28, "X")]
    modifier, name = Mention("a", 0, 5, "p"), Mention("a", 11, 28, "q")
    assert match(gold, [modifier, name]) == [(gold[0], name)]


def test_a_mention_is_named_by_its_head() -> None:
    def head(text: str) -> str:
        words = text.split()
        return words[head_index(words)]

    assert head("at the Betty Ford Center") == "Center"
    assert head("in Newport Beach , Calif") == "Beach"
    assert head("Qeshm island off Iran 's southern coast") == "island"
    # Nominal mentions: the name only modifies the head, or sits in a post-modifier.
    assert head("a Newport Beach rehabilitation facility") == "facility"
    assert head("rehab in Newport Beach") == "rehab"
    assert head("Tara Reid 's") == "Reid"


def test_a_name_that_only_modifies_the_head_matches_nothing() -> None:
    # "Brooklyn mother": the place name does not name the mother.
    gold = [Mention("a", 0, 15, "X", head=(9, 15))]
    assert match(gold, [Mention("a", 0, 8, "p")]) == []
    assert match(gold, [Mention("a", 0, 15, "q")]) == [(gold[0], Mention("a", 0, 15, "q"))]


def test_ecbplus_entities_adapter_runs_the_pipeline_and_linking(shared: Path) -> None:
    report = evaluate(shared / "eval-data" / "coref" / "ecbplus", fmt="ecbplus-entities", split="dev", limit=2)
    assert report["documents"]["count"] == 16
    assert report["mentions"]["recall"] > 0.7
    assert report["within_doc_b3"]["f1"] > 0.85
    assert report["cross_doc_b3"]["f1"] > 0.8
