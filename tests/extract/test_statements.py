"""statements.rules on the sample reports (scored against their gold) and on sentences written for the tests."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from dateline.evaluate import polnear
from dateline.evaluate.polnear import _content_fragments
from dateline.extract.statements import Quotes, content_parts, quote_regions, resumed_parts
from dateline.extract.support.common import innermost_statement
from dateline.ingest import article_from_text
from dateline.model import Analysis, Failure, Statement
from dateline.nlp import load_nlp
from dateline.pipeline import Pipeline
from tests.conftest import CORPUS, GOLD, SAMPLES, WORDNET, _polnear_train, polnear_article, wordnet_script

EXTRACTORS = ["entities.rules", "statements.rules"]


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(text.replace("“", '"').replace("”", '"').replace("’", "'").split())


def _token_f1(a: str, b: str) -> float:
    ta, tb = re.findall(r"\w+", _norm(a)), re.findall(r"\w+", _norm(b))
    common = sum((Counter(ta) & Counter(tb)).values())
    if not common:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


def _names(statement: Statement) -> list[str]:
    return sorted(_norm(s.name) for s in (statement.speakers or (statement.speaker,)))


def analyse(text: str, path: str = "<test>") -> Analysis:
    article = article_from_text(text, source_path=path)
    result = next(Pipeline(EXTRACTORS).run([article]))
    assert isinstance(result, Analysis), result
    return result


@lru_cache(maxsize=4)
def sample(name: str) -> tuple[Analysis, dict[str, Any]]:
    path = SAMPLES / f"{name}.txt"
    gold = yaml.safe_load((GOLD / f"{name}.gold.yaml").read_text(encoding="utf-8"))
    return analyse(path.read_text(encoding="utf-8"), str(path)), gold


SAMPLE_NAMES = sorted(p.stem for p in SAMPLES.glob("*.txt"))


def _score(pred: tuple[Statement, ...], gold: list[dict[str, Any]]) -> tuple[int, int, int, int]:
    """GOLD-FORMAT.md's rule: speaker match and content token-F1 >= 0.5, greedy by best content F1.
    Returns (true positives, false positives, false negatives, content-matched pairs with the wrong speaker)."""
    used: set[int] = set()
    tp = fn = wrong = 0
    for item in gold:
        speakers = item["speaker"] if isinstance(item["speaker"], list) else [item["speaker"]]
        want = sorted(_norm(s) for s in speakers)
        best = max(
            ((_token_f1(p.content, item["content"]), i) for i, p in enumerate(pred) if i not in used),
            default=(0.0, -1),
        )
        if best[0] >= 0.5:
            used.add(best[1])
            if _names(pred[best[1]]) != want:
                wrong += 1
            elif not item.get("optional"):
                tp += 1
            continue
        if not item.get("optional"):
            fn += 1
    fp = sum(1 for i in range(len(pred)) if i not in used) + wrong
    return tp, fp, fn + wrong, wrong


def test_samples_meet_the_gold() -> None:
    tp = fp = fn = wrong = 0
    for name in SAMPLE_NAMES:
        analysis, gold = sample(name)
        a, b, c, d = _score(analysis.statements, gold["statements"])
        tp, fp, fn, wrong = tp + a, fp + b, fn + c, wrong + d
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert 2 * precision * recall / (precision + recall) >= 0.95
    assert wrong == 0, "every content-matched statement must have the right speaker"


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_every_statement_is_evidenced(name: str) -> None:
    analysis, _ = sample(name)
    assert analysis.statements
    for statement in analysis.statements:
        statement.check_spans(analysis.article.text)
        assert statement.cue_span is not None and statement.cue_span.text == statement.cue
        assert statement.content_span is not None and statement.content_span.text == statement.content
        assert statement.speaker.span is not None
        assert statement.statement_kind in {"direct", "indirect", "mixed"}
        assert statement.extractor == "statements.rules.v42"


def test_relay_chain_follows_the_gold() -> None:
    """The gold names the relaying outlet (a statement with ``via``); the statement it relays carries the
    chain outermost first: the outlet, then the outlet's source."""
    for name in SAMPLE_NAMES:
        analysis, gold = sample(name)
        for relay in (g for g in gold["statements"] if g.get("via")):
            outlet = [s for s in analysis.statements if _norm(s.speaker.name) == _norm(relay["speaker"])]
            assert outlet and outlet[0].via[-1] == relay["via"]
            inner = [s for s in analysis.statements if s.via and s is not outlet[0]]
            assert inner and inner[0].via == (relay["speaker"], relay["via"])
            assert _token_f1(inner[0].content, relay["content"]) >= 0.5


def test_same_input_same_records() -> None:
    text = (SAMPLES / f"{SAMPLE_NAMES[0]}.txt").read_text(encoding="utf-8")
    first, second = analyse(text), analyse(text)
    assert [s.to_dict() for s in first.statements] == [s.to_dict() for s in second.statements]


# ----------------------------------------------------------------------------- written for the tests


def test_direct_quotation_with_inverted_cue() -> None:
    analysis = analyse("“We will not back down on the budget,” the senator said on Tuesday.\n")
    (statement,) = analysis.statements
    assert statement.statement_kind == "direct"
    assert statement.speaker.text == "the senator" and statement.speaker.description == "the senator"
    assert "back down" in statement.content


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        (
            "Police said the suspect fled the scene and later told officers that he was innocent.\n",
            "told",
            "the suspect",
        ),
        ("Sanders said the company would cut jobs and tell workers that they had no choice.\n", "tell", "the company"),
    ],
)
def test_a_cue_conjoined_to_a_content_verb_is_that_subject_s(text: str, cue: str, speaker: str) -> None:
    # A second cue of one speaker split off a content (tried in session 20, dropped): nothing in the parse
    # separates "the plan would fail and warned" (the reporter's source) from these (docs/extractors.md).
    found = {s.cue: s for s in analyse(text).statements}
    assert found[cue].speaker.text == speaker


def test_according_to_names_an_unnamed_source() -> None:
    analysis = analyse("According to local officials, the bridge over the river will reopen next week.\n")
    (statement,) = analysis.statements
    assert statement.cue == "According to"
    assert statement.speaker.description == "local officials"
    assert statement.content.startswith("the bridge")


def test_multi_sentence_quotation_is_taken_whole() -> None:
    text = "Mayor Ellen Ward said: “The plan is ready. Work starts in June.” The council will vote later.\n"
    analysis = analyse(text)
    (statement,) = analysis.statements
    assert statement.content == "“The plan is ready. Work starts in June.”"
    assert statement.statement_kind == "direct"


def test_mixed_quotation_and_titles() -> None:
    text = "The governor said the deal was “a disgrace to the state” and would be reviewed.\n"
    (statement,) = analyse(text).statements
    assert statement.statement_kind == "mixed"
    text = "The governor said the state will mark “Founders Day” every year.\n"
    (statement,) = analyse(text).statements
    assert statement.statement_kind == "indirect"


def test_quote_regions_pair_curly_and_close_unfinished_paragraphs() -> None:
    text = "He said “yes” and “no.\n\nThen “more”"
    regions = quote_regions(text)
    assert [text[s:e] for s, e in regions] == ["“yes”", "“no.", "“more”"]
    quotes = Quotes(text, regions)
    assert quotes.kind(0, 2) == "indirect"
    assert quotes.kind(8, 13) == "direct"


def test_a_straight_mark_closes_a_curly_quotation_no_curly_mark_closes() -> None:
    # An odd straight mark after a curly opening, with no curly closing mark in the paragraph, closes it; a
    # pair of straight marks inside is a quotation within the quotation, which runs on as before.
    text = 'She said it “may last." Then 8 more.\n\n“A "big" win, and more.\n\n“Yes,” he said "so".'
    assert [text[s:e] for s, e in quote_regions(text)] == [
        '“may last."',
        '“A "big" win, and more.',
        "“Yes,”",
        '"so"',
    ]


def test_a_curly_closing_mark_closes_a_straight_quotation() -> None:
    # Copy that mixes the marks opens with a straight one and closes with a curly one: the curly mark ends the
    # quotation, which no longer runs on over its cue to the paragraph's end; a curly opening mark met first
    # still ends it where it opens. The tagger's features keep the reading the shipped model was trained on.
    text = '"We cannot wait,” he continued. “It is late."\n\n"A “b” c.'
    assert [text[s:e] for s, e in quote_regions(text)] == ['"We cannot wait,”', '“It is late."', '"A ', "“b”"]
    assert quote_regions(text, mixed=False)[0] == (0, text.index("“It"))
    statements = analyse("Talks went on.\n\n" + text.split("\n\n")[0] + "\n").statements
    assert [(s.speaker.text, s.cue, [p.text for p in content_parts(s)]) for s in statements] == [
        ("he", "continued", ['"We cannot wait,”', '“It is late."'])
    ]


def test_quotation_resumed_after_the_cue_is_one_statement() -> None:
    text = "“The vote is a mistake,” Senator Ruth Alden said. “We will fight it in court.” Others disagreed.\n"
    (statement,) = analyse(text).statements
    # One content over both parts, the speaker and cue inside it; the parts say what of it was said.
    assert statement.content_span is not None and statement.cue_span is not None
    assert statement.content == statement.content_span.text == text.split(" Others")[0]
    assert [s.text for s in content_parts(statement)] == ["“The vote is a mistake,”", "“We will fight it in court.”"]
    assert [s.text for s in resumed_parts(statement)] == ["“We will fight it in court.”"]
    assert content_parts(statement)[0].end < statement.cue_span.start < resumed_parts(statement)[0].start
    assert statement.statement_kind == "direct"
    # What lies between the parts is the report's words (the cue's sentence), not the speaker's.
    held = (statement,)
    assert innermost_statement(held, text.index("fight"), text.index("fight") + 5) == statement
    assert innermost_statement(held, text.index("Alden"), text.index("Alden") + 5) is None
    # A third quotation runs the same content on; the PolNeAR scorer compares the parts, not the cue.
    (statement,) = analyse(text.replace(" Others disagreed.", " “It is not over.”")).statements
    assert statement.content.endswith("“It is not over.”") and len(content_parts(statement)) == 3
    assert [text[s:e] for s, e in _content_fragments(statement, statement.content_span)][:2] == [
        p.text for p in content_parts(statement)[:2]
    ]


def test_quotation_resumed_after_the_rest_of_the_cue_sentence_continues_it() -> None:
    text = "“The vote is a mistake,” Senator Ruth Alden told reporters in Dover. “We will fight it.”\n"
    (statement,) = analyse(text).statements
    assert statement.content == text.strip()
    assert [s.text for s in resumed_parts(statement)] == ["“We will fight it.”"]
    # A quotation opening the next paragraph is not taken as the same speaker's.
    (statement,) = analyse(text.replace(" “We", "\n\n“We")).statements
    assert resumed_parts(statement) == () and statement.content == "“The vote is a mistake,”"
    # The same in a real report: the quotation after "told CNBC Saturday." is Calderon's.
    calderon = [s for s in polnear_article("breitbart_2016-02-08_former-mexico-leader").statements if s.cue == "told"]
    assert any("completely useless" in part.text for s in calderon for part in resumed_parts(s))


def test_quotation_resumed_after_a_participle_continues_the_quoted_statement() -> None:
    # "“A,” X noted, referring to Y. “B.”": B resumes the quotation, not the participle's unquoted content.
    text = (
        "“There was a backlash against the memoir,” Ms. Ferriss noted, referring to a book about the Upper East"
        " Side. “That suggests to me that this might not have many followers.”\n"
    )
    statements = analyse(text).statements
    (noted,) = [s for s in statements if s.cue == "noted"]
    assert [p.text for p in resumed_parts(noted)] == ["“That suggests to me that this might not have many followers.”"]
    assert not any("followers" in s.content for s in statements if s is not noted)
    # The real report (PolNeAR train) the sentence comes from: the gold joins the two quotations.
    ferriss = [s for s in polnear_article("nyt_2016-02-01_with-wall-st").statements if s.cue == "noted"]
    assert any("might not have many followers" in part.text for s in ferriss for part in resumed_parts(s))


def test_quotation_running_on_past_a_parenthetical_cue_sentence_is_one_content() -> None:
    # '"A," Obama said, "B. C."': the second part is a quotation that runs over two sentences; kept to the
    # sentence, it was lost, and the cue inside it ("say") made a statement of its own.
    text = (
        '"Somebody who has never fought on behalf of workers," Obama said, "they don\'t suddenly become a'
        " populist because they say something controversial to win votes. That's not the measure of"
        ' populism."\n'
    )
    (statement,) = analyse(text).statements
    # One content over both sides of the cue ("X, he said, Y"); the scorer reads it less the cue and speaker.
    assert statement.cue == "said" and statement.content == text.strip()
    fragments = _content_fragments(statement, statement.content_span)
    assert [text[s:e] for s, e in fragments][-1].endswith("That's not the measure of populism.\"")
    # The real report (PolNeAR train): the gold's two fragments are the two sides.
    obama = [s for s in polnear_article("usa-today_2016-06-30_three-amigos").statements if s.cue == "said"]
    assert any(s.content.startswith('"Now somebody else') and s.content.endswith('just cynicism."') for s in obama)


def test_quotation_after_another_speakers_turn_stays_with_that_turn() -> None:
    # Two speakers alternate: the quotation after "but Jones said X" / "while Jones said X" is not
    # given back to Smith's quoted statement over Jones's turn (the statement before it keeps it).
    for text in (
        "“We will win this fight,” Senator Smith said on Monday, but Governor Jones said the plan would fail."
        " “It cannot work in this state.”\n",
        "Senator Smith said the plan was “sound,” while Governor Jones said it would fail. “It cannot work.”\n",
        # A gerund that is the cue of Jones's coordinated turn is no aside of Smith's sentence (session 30).
        "“We will win this fight,” Senator Smith said on Monday, but Governor Jones disagreed, noting that the"
        " plan had failed before. “It cannot work in this state.”\n",
    ):
        statements = analyse(text).statements
        (jones,) = [s for s in statements if s.speaker.name.endswith("Jones")]
        assert "It cannot work" in jones.content
        assert not any("It cannot work" in s.content for s in statements if s is not jones)
    # A time clause sets Smith's words whoever its subject: the quotation goes on Smith's.
    text = (
        "“We will win this fight,” Senator Smith said on Monday, after Governor Jones claimed that the plan"
        " would fail. “That is simply wrong.”\n"
    )
    statements = analyse(text).statements
    (smith,) = [s for s in statements if s.speaker.name.endswith("Smith")]
    assert [p.text for p in resumed_parts(smith)] == ["“That is simply wrong.”"]


def test_quotation_in_doubled_apostrophes_runs_on_past_a_parenthetical_cue_sentence() -> None:
    # Wire copy's ''...'' closes a quotation as a straight mark does (``lexicon.quote_mark``), so the part after
    # the cue that runs past its sentence and closes before more of the paragraph is the other part too.
    text = (
        "''Somebody who has never fought on behalf of workers,'' Obama said, ''they don't suddenly become a"
        " populist because they say something controversial to win votes. That's not the measure of"
        " populism.'' He spoke in Ottawa.\n"
    )
    (statement,) = analyse(text).statements
    assert statement.cue == "said" and statement.content == text[: text.index(" He spoke")]
    # The one such quotation in PolNeAR train and dev (Mr. Garin's): one content over both sides of the cue.
    garin = [s for s in polnear_article("nyt_2016-03-23_why-sanders").statements if s.cue == "said"]
    assert any(s.content.startswith("''The major source") and s.content.endswith("assets and income.''") for s in garin)


def test_quotation_closed_on_an_opening_mark_is_kept_to_the_cue_sentence() -> None:
    # A closing mark missing: the scan's quotation after the cue runs on to the mark that opens Jones's
    # quotation and holds his cue; kept to the sentence, Smith's content does not swallow it.
    for text in (
        '"We will win," Smith said, "and they know it. Jones then replied, "They will lose."\n',
        "''We will win,'' Smith said, ''and they know it. Jones then replied, ''They will lose.'' The vote is"
        " on Monday.\n",
        "“The count is done,” said Smith, a party official, “and we won. Jones says he won, but “he is wrong.”\n",
    ):
        statements = analyse(text).statements
        assert not any("Jones" in s.content for s in statements if s.speaker.name.endswith("Smith")), text


def test_quotation_resumed_after_its_cue_is_scored_as_one_polnear_content() -> None:
    # A real PolNeAR train report: "“A,” Calderon told CNBC Saturday. “B.”" is one attribution in the gold
    # (two content fragments); the joined record covers both and says the same words, cue aside.
    name = "breitbart_2016-02-08_former-mexico-leader"
    (doc,) = [d for d in _polnear_train() if d.name.startswith(name)]
    (statement,) = [s for s in polnear_article(name).statements if "completely useless" in s.content]
    first, second = content_parts(statement)
    assert statement.content.startswith(first.text) and statement.content.endswith(second.text)
    assert statement.cue_span is not None and first.end < statement.cue_span.start < second.start
    tally = polnear.Tally()
    gold = [g for g in doc.gold if g.extent[0] <= first.start < g.extent[1]]
    tally.add(doc.text, gold, [polnear.Predicted(_content_fragments(statement, statement.content_span), None)])
    assert (tally.gold, tally.overlap, tally.strict) == (1, 1, 1)


def test_cue_set_in_parenthesis_reports_both_sides() -> None:
    # "A, she said, B": one content over both parts; the speaker and cue stand inside it, marking the hole.
    (statement,) = analyse("The plan, Senator Ruth Alden said, will fail next year.\n").statements
    assert statement.content == "The plan, Senator Ruth Alden said, will fail next year"
    assert statement.speaker.span is not None and statement.cue_span is not None
    assert statement.content_span is not None and statement.content_span.start < statement.speaker.span.start
    # A quotation resumed after the cue's clause in the same sentence is the same speaker's, however the
    # parse hung it (here as an adverbial clause of "said").
    text = "“The vote is a mistake,” Senator Ruth Alden said, “because nobody read the bill.”\n"
    (statement,) = analyse(text).statements
    assert statement.content == text.strip() and statement.statement_kind == "direct"
    # The cue's own adjunct before a comma is not what was said.
    (statement,) = analyse("In a statement, Senator Ruth Alden said the plan will fail.\n").statements
    assert statement.content == "the plan will fail"
    # The same in a real report (plain-text wire copy, doubled apostrophes).
    bush = [s for s in polnear_article("nyt_2016-02-22_the-party-of-bush").statements if "includes all" in s.content]
    assert any(s.content.endswith("''because our country deserves a president for everyone.''") for s in bush)


def test_doubled_apostrophes_are_quotation_marks() -> None:
    text = "''The vote is a mistake,'' Senator Ruth Alden said. ''We will fight it.'' It's ''fine''.\n"
    assert [text[s:e] for s, e in quote_regions(text)] == [
        "''The vote is a mistake,''",
        "''We will fight it.''",
        "''fine''",
    ]
    statement = analyse(text).statements[0]
    assert statement.content == "''The vote is a mistake,'' Senator Ruth Alden said. ''We will fight it.''"
    assert statement.statement_kind == "direct"
    assert [s.text for s in resumed_parts(statement)] == ["''We will fight it.''"]
    # Plain-text wire copy in PolNeAR writes every quotation so; the resumed part is found there too.
    clinton = polnear_article("nyt_2016-04-08_tensions-flare-after-sanders-cal").statements
    assert any(
        s.content.startswith("''Well, it's kind of a silly thing")
        and [p.text[:9] for p in resumed_parts(s)] == ["''But I'm"]
        for s in clinton
    )


def test_headline_verb_tagged_as_a_name_is_still_a_cue() -> None:
    # The small model reads "Praises" and "Slams" in these title-case lines as nouns or names.
    text = "Mayor Tom Reyes Praises Highway Plan After Vote.\n\nRuth Alden Slams Highway Plan.\n"
    statements = analyse(text).statements
    assert [(s.cue, s.content) for s in statements] == [
        ("Praises", "Highway Plan After Vote"),
        ("Slams", "Highway Plan"),
    ]
    assert "Reyes" in statements[0].speaker.name and "Alden" in statements[1].speaker.name


def test_cue_verb_tagged_as_a_plural_noun_is_still_a_cue() -> None:
    # The small model reads "states" and "reports" after a noun as a compound's plural head, yet hangs the
    # reported clause on it: the noun before it is the speaker.
    text = (
        "“The fee is unlawful and must end,” the complaint states.\n\n"
        "Three ferries were cancelled on Friday, the regional news agency reports.\n"
    )
    statements = analyse(text).statements
    assert [(s.speaker.text, s.cue, s.content) for s in statements] == [
        ("the complaint", "states", "“The fee is unlawful and must end,”"),
        ("the regional news agency", "reports", "Three ferries were cancelled on Friday"),
    ]


def test_a_mistagged_cue_hides_no_statement_inside_it() -> None:
    # "report" is tagged a noun here ("Local/amod media/compound report/NN"): the media's report is added, and
    # the mayor's own statement inside it, found before, stays.
    text = "Talks went on.\n\nLocal media report that in a meeting on Tuesday the mayor said he did not have enough votes.\n"
    statements = analyse(text).statements
    assert [(s.speaker.text, s.cue) for s in statements] == [("Local media", "report"), ("the mayor", "said")]


def test_a_noun_with_a_subject_of_its_own_is_no_mistagged_cue() -> None:
    # The parse of a report's "Critics of the/det Saudis/compound claim/NN that ...": with a subject of its
    # own the noun is no mistagged verb, whose speaker would be the words before it ("the Saudis").
    from spacy.tokens import Doc

    from dateline.extract.statements.cues import mistagged_verb
    from dateline.extract.statements.lexicon import Lexicon

    words = ["Critics", "of", "the", "Saudis", "claim", "Riyadh", "erred", "."]
    heads = [4, 0, 4, 4, 4, 6, 4, 4]
    deps = ["nsubj", "prep", "det", "compound", "ROOT", "nsubj", "ccomp", "punct"]
    pos = ["NOUN", "ADP", "DET", "PROPN", "NOUN", "PROPN", "VERB", "PUNCT"]
    tags = ["NNS", "IN", "DT", "NNPS", "NN", "NNP", "VBD", "."]
    lemmas = ["critic", "of", "the", "Saudis", "claim", "Riyadh", "err", "."]
    doc = Doc(load_nlp().vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    lex = Lexicon.load()
    assert not mistagged_verb(doc[4], lex)
    without_subject = Doc(
        load_nlp().vocab,
        words=words[2:],
        heads=[h - 2 for h in heads[2:]],
        deps=deps[2:],
        pos=pos[2:],
        tags=tags[2:],
        lemmas=lemmas[2:],
    )
    assert mistagged_verb(without_subject[2], lex)


def test_noun_cue_with_a_possessor() -> None:
    text = "Senator Ruth Alden spoke on Monday. Alden's warning that the bridge would fail went unheeded.\n"
    statements = [s for s in analyse(text).statements if s.cue == "warning"]
    assert [s.content for s in statements] == ["the bridge would fail"]
    assert "Alden" in statements[0].speaker.name
    # Without a possessor nobody is named as having warned: no statement.
    assert not [
        s for s in analyse("A warning that the bridge would fail went unheeded.\n").statements if s.cue == "warning"
    ]


def test_object_cues_learned_from_polnear_train() -> None:
    text = "Governor Tom Reyes endorsed the new highway plan on Monday.\n"
    (statement,) = analyse(text).statements
    assert statement.cue == "endorsed" and statement.content == "the new highway plan on Monday"
    assert statement.speaker.name == "Tom Reyes" or "Reyes" in statement.speaker.name


def test_colon_label_names_the_speaker_but_not_a_tally() -> None:
    text = "Senator Ruth Alden: The budget is a disgrace to the state.\n\nRuth Alden: 1,769.\n"
    statements = analyse(text).statements
    assert [s.content for s in statements] == ["The budget is a disgrace to the state."]
    assert "Alden" in statements[0].speaker.name and statements[0].cue == ":"


def test_a_credit_inside_brackets_is_no_label() -> None:
    # A caption whose photo credit holds the colon: the name before the bracket is no speaker.
    text = "Who can judge the senator?\n\nRuth Alden (Photo: Dan Fisk, AP)\n\nAlden said the judge was biased.\n"
    statements = analyse(text).statements
    assert [(s.cue, s.content) for s in statements] == [("said", "the judge was biased")]


def test_a_time_after_a_cue_noun_is_no_content() -> None:
    # When the remark was made is not what was said; its topic still is the noun's content.
    assert not analyse("The senator resigned.\n\nRuth Alden's statement on Thursday surprised her staff.\n").statements
    (topic,) = analyse("The senator resigned.\n\nRuth Alden's comments on the budget surprised her staff.\n").statements
    assert topic.cue == "comments" and topic.content == "on the budget"


def test_a_participle_describing_a_cue_noun_is_no_content() -> None:
    text = "The senator resigned.\n\nRuth Alden's statement, issued at noon after the vote, began warmly.\n"
    assert not analyse(text).statements
    # With its auxiliaries the participle is a verb phrase: what was claimed.
    text = "The lab closed.\n\nNobody could verify Ruth Alden's claims to have worked at the lab.\n"
    (claims,) = analyse(text).statements
    assert claims.cue == "claims" and claims.content == "to have worked at the lab"


def test_statement_reported_inside_another_is_part_of_it() -> None:
    # The council's support is the mayor's claim, inside her content: one statement, hers.
    (statement,) = analyse("Mayor Ellen Ward said that the council supports the highway plan.\n").statements
    assert statement.cue == "said" and "Ward" in statement.speaker.name
    assert statement.content == "the council supports the highway plan"


def test_coordinated_cue_inside_a_content_stays_a_statement() -> None:
    text = "Mayor Ellen Ward said he found the plan “very sound” and called the budget “a mistake.”\n"
    statements = analyse(text).statements
    assert [s.cue for s in statements] == ["said", "called"]
    assert statements[1].content == "the budget “a mistake.”"
    assert all("Ward" in s.speaker.name for s in statements)


def test_opening_participle_without_a_complement_is_not_a_cue() -> None:
    assert not analyse("Referring to the new bridge, Mayor Ellen Ward spoke about the budget.\n").statements
    # With a complement clause or a predicate the participle says what was said.
    (stressing,) = analyse("Stressing that the bridge is safe, Mayor Ellen Ward opened it on Monday.\n").statements
    assert stressing.content == "the bridge is safe" and "Ward" in stressing.speaker.name
    (calling,) = analyse("Calling the plan a disgrace, Senator Ruth Alden left the meeting.\n").statements
    assert calling.content == "the plan a disgrace" and "Alden" in calling.speaker.name


def test_a_reuters_style_dateline_is_not_the_speaker() -> None:
    # The parser gives "said" two subjects here, the dateline's city and the minister; the speaker is the minister.
    from dateline.pipeline import analyze_text

    analysis = analyze_text(
        "OSLO, May 4 (Reuters) - Trade Minister Eva Lind said on Monday that the port would reopen in June.",
        published="2024-05-06",
    )
    assert not isinstance(analysis, Failure)
    (statement,) = analysis.statements
    assert statement.speaker.entity == "Eva Lind"
    assert statement.content == "the port would reopen in June"


def test_content_starting_in_the_dateline_excludes_it() -> None:
    from dateline.pipeline import analyze_text

    analysis = analyze_text(
        "OSLO, May 4 - The port of Bergen will reopen in June, the Norwegian news agency NTB said.",
        published="2024-05-06",
    )
    assert not isinstance(analysis, Failure)
    assert analysis.article.dateline is not None
    (statement,) = analysis.statements
    assert statement.content.startswith("The port of Bergen")
    assert statement.content_span is not None and statement.content_span.start >= analysis.article.dateline.span.end


# ----------------------------------------------------------------------------- constructions added in session 2


def test_quotation_after_the_cue_beats_a_fronted_question() -> None:
    # The parse takes the fronted "Asked if ..." for the complement of "said"; the quotation is what was said.
    text = "Asked if the storm had changed his plans, Mayor Tom Reyes said, “Not at all. We go ahead.”\n"
    (statement,) = analyse(text).statements
    assert statement.content == "“Not at all. We go ahead.”"
    assert "Reyes" in statement.speaker.name


def test_clause_verb_object_is_its_content_but_not_an_addressee() -> None:
    (statement,) = analyse("Senator Ruth Alden tweeted her thanks to the volunteers.\n").statements
    assert statement.content.startswith("her thanks")
    # "told reporters" names whom it was said to: nothing said, no statement.
    assert not analyse("Senator Ruth Alden told reporters.\n").statements


def test_perception_verb_object_is_not_something_said() -> None:
    assert not analyse("The mourners observed a minute of silence at noon.\n").statements


def test_subject_control_through_an_open_complement() -> None:
    text = "Senator Ruth Alden took to the radio to say the bridge would reopen.\n"
    statements = analyse(text).statements
    assert [s.content for s in statements] == ["the bridge would reopen"]
    assert "Alden" in statements[0].speaker.name
    # "urged them to condemn": the object, not the subject, would condemn; the urging is the statement.
    text = "Mayor Tom Reyes urged the council to condemn the attack.\n"
    assert [s.cue for s in analyse(text).statements] == ["urged"]


def test_participle_after_a_plural_noun_takes_it_as_speaker() -> None:
    text = "Dozens of farmers gathered outside, some of the farmers saying the new tax would ruin them.\n"
    statements = [s for s in analyse(text).statements if s.cue == "saying"]
    assert [s.content for s in statements] == ["the new tax would ruin them"]
    assert "farmers" in statements[0].speaker.text
    assert not analyse("Officials screened a video highlighting the damage.\n").statements


def test_participial_cue_inside_a_content_is_a_statement_of_its_own() -> None:
    text = "Senator Ruth Alden pointed to the budget surplus, noting that taxes had fallen for a third year.\n"
    statements = analyse(text).statements
    assert [(s.cue, s.content) for s in statements] == [
        ("pointed to", "the budget surplus"),
        ("noting", "taxes had fallen for a third year"),
    ]


def test_capitalised_label_opening_a_line_is_a_speaker() -> None:
    text = "Bridge Closed\n\nReyes: ‘We Will Rebuild The Bridge By Spring.’\n\nUpdate: the road is closed.\n"
    statements = analyse(text).statements
    assert [s.cue for s in statements] == [":"]
    assert statements[0].speaker.text == "Reyes"
    assert "Rebuild" in statements[0].content


def test_quotation_before_the_speaker_is_the_content_however_it_is_parsed() -> None:
    # The parse hangs the quotation on "Reyes" and takes "when asked ..." for the rest; news style puts
    # what was said first.
    text = (
        "“That is a fair worry, because the farmers are very angry and very organised,” Reyes, 58, told the "
        "Herald on Monday when asked about the protests.\n"
    )
    told = [s for s in analyse(text).statements if s.cue == "told"]
    assert [(s.speaker.text, s.content) for s in told] == [
        ("Reyes, 58", "“That is a fair worry, because the farmers are very angry and very organised,”")
    ]
    # No subject in the parse (it takes "engineer" inside the quotation): the name after the quotation.
    text = (
        "“Very good engineer, very good engineer this woman,” Reyes, the mayor of the valley town and the "
        "favourite in the county race by a wide margin after winning the primary, said when Alden asked him.\n"
    )
    said = [s for s in analyse(text).statements if s.cue == "said"]
    assert [s.content for s in said] == ["“Very good engineer, very good engineer this woman,”"]
    assert said[0].speaker.text.startswith("Reyes, the mayor")


def test_that_clause_hung_on_a_noun_after_the_cue() -> None:
    (statement,) = analyse("Senator Ruth Alden says in a statement that the bridge will reopen in May.\n").statements
    assert statement.content == "the bridge will reopen in May"
    text = "Mayor Tom Reyes said following a vote in 2019 that he had “serious doubts about the dam.”\n"
    (statement,) = analyse(text).statements
    assert statement.content == "he had “serious doubts about the dam.”"
    # A noun with that-clauses of its own keeps them: the complaints are not anyone's statement here.
    assert not analyse("Farmers gathered on the square amid complaints that the new tax was unfair.\n").statements


def test_light_verb_cues() -> None:
    cases = {
        "Senator Ruth Alden made the case for a new bridge over the river.\n": (
            "made the case for",
            "a new bridge over the river",
        ),
        "Mayor Tom Reyes made clear on Monday that the council would not back down.\n": (
            "made clear",
            "the council would not back down",
        ),
        "Senator Ruth Alden raised concerns about the cost of the dam.\n": (
            "raised concerns about",
            "the cost of the dam",
        ),
    }
    for text, expected in cases.items():
        assert [(s.cue, s.content) for s in analyse(text).statements] == [expected], text
    assert not analyse("Mayor Tom Reyes made a cake for the fair.\n").statements
    # A relative clause of the noun is not what was said; nor is whom it was said to.
    assert not analyse("The council issued a statement that drew criticism from farmers.\n").statements
    assert not analyse("Senator Ruth Alden made an appeal to voters in the valley.\n").statements


def test_number_before_a_subjectless_cue_and_answer_words() -> None:
    (statement,) = analyse("About 4 in 10 say they want the bridge rebuilt.\n").statements
    assert (statement.speaker.text, statement.content) == ("About 4 in 10", "they want the bridge rebuilt")
    statements = analyse("Asked if the storm had changed his plans, the mayor said no.\n").statements
    assert [(s.speaker.text, s.content) for s in statements] == [("the mayor", "no")]


def test_a_quotation_that_ended_the_sentence_before_is_not_the_cues() -> None:
    text = (
        "Alden sent the letter on Monday. It read: “We will not give up.” The letter goes on to say: “The "
        "bridge must be rebuilt before winter.”\n"
    )
    goes_on = [s for s in analyse(text).statements if s.cue == "goes on to say"]
    assert [s.content for s in goes_on] == ["“The bridge must be rebuilt before winter.”"]


def test_participle_after_a_preposition_takes_the_main_subject() -> None:
    (statement,) = analyse("When he returned, the mayor began by saying, “We will rebuild the bridge.”\n").statements
    assert (statement.speaker.text, statement.content) == ("the mayor", "“We will rebuild the bridge.”")
    text = "The mayor distanced himself from the council by saying he would not vote for the tax.\n"
    saying = [s for s in analyse(text).statements if s.cue == "saying"]
    assert [(s.speaker.text, s.content) for s in saying] == [("The mayor", "he would not vote for the tax")]


def test_quotation_after_an_addressee_the_parse_split_in_two() -> None:
    # PolNeAR train: "... John Bolton told Breitbart News Daily SiriusXM host Matt Boyle, “Hillary’s campaign
    # slogan ...”": the parse makes "Daily" and "Boyle" two objects; the quotation follows the last one.
    result = polnear_article("breitbart_2016-08-24_john-bolton-hillary-s-campaign")
    told = [s for s in result.statements if s.cue == "told"]
    assert any(s.content.startswith("“Hillary’s campaign slogan might as well be") for s in told)
    assert all("Bolton" in s.speaker.text for s in told)


def test_a_question_or_a_colon_makes_a_title_like_quotation_speech() -> None:
    text = "The judge turned to me. “Mr. Reyes?” They held banners proclaiming: “Save Our Valley – Stop The Dam!”"
    quoted = [text[s:e] for s, e in Quotes(text, quote_regions(text)).regions]
    assert quoted == ["“Mr. Reyes?”", "“Save Our Valley – Stop The Dam!”"]
    # A capitalised name stays a title, an exclamation mark or not ("Justice For Khojaly!" in the samples).
    text = "He spoke of the campaign “Justice For The Valley!” and of “Valley Day”."
    assert Quotes(text, quote_regions(text)).regions == []


def test_passive_cue_with_its_speaker_in_a_by_phrase() -> None:
    (statement,) = analyse("The council’s decision was first reported by the Valley Herald.\n").statements
    assert (statement.speaker.text, statement.content) == ("the Valley Herald", "The council’s decision")
    # What was found or decided is no statement, passive or not.
    assert not analyse("The bodies were found by hikers near the river.\n").statements


def test_quotation_after_a_colon_that_closes_the_cues_words() -> None:
    # With the quotation a paragraph (a sentence) of its own, the parse takes the fronted "In a press
    # release" for the complement; the quotation the colon introduces is what was said.
    text = (
        "In a press release, the council said about its plans for the dam:\n\n"
        "“The dam will be built before the floods come back.”\n"
    )
    (statement,) = analyse(text).statements
    assert (statement.speaker.text, statement.content) == (
        "the council",
        "“The dam will be built before the floods come back.”",
    )


def test_bare_as_clause_reports_its_host_clause() -> None:
    (statement,) = analyse("As the Valley Herald reported, the council has delayed the vote on the dam.\n").statements
    assert (statement.speaker.text, statement.content) == (
        "the Valley Herald",
        "the council has delayed the vote on the dam",
    )
    # "As X spoke ..." is when, not what: a cue with words of its own is not bare.
    assert not analyse("As Mayor Tom Reyes spoke about the dam, farmers gathered outside.\n").statements


def test_as_clause_with_a_setting_reports_its_host_clause() -> None:
    # The setting of the act (where, when, to whom) or a phrasal cue's particle leaves nothing to report
    # but the clause the as-clause hangs on.
    cases = [
        (
            "As the Valley Herald reported in its Sunday edition, the council has delayed the vote on the dam.\n",
            "the Valley Herald",
            "the council has delayed the vote on the dam",
        ),
        (
            "As a city audit pointed out last year, the bridge repairs cost twice the first estimate.\n",
            "a city audit",
            "the bridge repairs cost twice the first estimate",
        ),
        (
            "As Senator Ruth Alden told reporters on Monday, the dam will be finished before the floods come back.\n",
            "Senator Ruth Alden",
            "the dam will be finished before the floods come back",
        ),
    ]
    for text, speaker, content in cases:
        (statement,) = analyse(text).statements
        assert (statement.speaker.text, statement.content) == (speaker, content)
    # A topic, a prepositional particle or an object that is no addressee tells when or how, not what.
    assert not analyse("As Mayor Tom Reyes spoke about the dam on Monday, farmers gathered outside.\n").statements
    assert not analyse("Mayor Tom Reyes is playing by the rules as he found them.\n").statements
    (pushed,) = analyse(
        "Even as angry farmers pushed for answers, the council delayed the vote on the dam again.\n"
    ).statements
    assert pushed.content == "answers"


def test_an_as_clause_of_going_on_reports_nothing() -> None:
    # A verb of continuing tells when: the clause the as-clause hangs on is the author's.
    assert not analyse("As the crisis continued over the weekend, farmers gathered outside the town hall.\n").statements
    assert not analyse("Farmers are angry as protests continue over the closure of the valley dam.\n").statements
    assert not analyse("As the flood warnings continued into the spring, the council delayed the vote.\n").statements


def test_an_as_clause_between_subject_and_verb_reports_the_whole_clause() -> None:
    # "X, as Y points out, is Z": the subject before the as-clause is part of what is reported.
    (statement,) = analyse(
        "The dam, as my colleague Tom Reyes points out, is a weak defence against floods.\n"
    ).statements
    assert statement.speaker.text == "my colleague Tom Reyes"
    assert statement.content == "The dam, as my colleague Tom Reyes points out, is a weak defence against floods"


def test_a_relative_clause_after_a_comma_is_no_postposed_attribution() -> None:
    # "X, whom Y called Z": the relative clause modifies X; the quotation before is the first cue's.
    text = "“That is a fine plan,” Alden said of the proposal by Mayor Tom Reyes, whom Alden called “a careful builder” last year.\n"
    speakers = sorted((s.speaker.text, s.cue, s.content) for s in analyse(text).statements)
    assert speakers == [("Alden", "called", "“a careful builder”"), ("Alden", "said", "“That is a fine plan,”")]


def test_a_description_beside_a_name_before_a_subjectless_cue_stands_for_the_name() -> None:
    # The parse hangs "Grant, the Howard University professor," on the quoted clause and gives "says" no
    # subject: the name, not the description after it, speaks, and the quotation is the content.
    text = (
        "“The county has been careless with the dam money, and the farmers know it,” Alden, the Valley College"
        " professor, says.\n"
    )
    (statement,) = analyse(text).statements
    assert statement.speaker.text.startswith("Alden")
    assert statement.content == "“The county has been careless with the dam money, and the farmers know it,”"


def test_collective_noun_and_cue_prefix_pass_on_their_speaker() -> None:
    (statement,) = analyse("Donors gave $2 million to a group backing Mayor Tom Reyes.\n").statements
    assert (statement.speaker.text, statement.content) == ("a group", "Mayor Tom Reyes")
    (statement,) = analyse("Senator Ruth Alden has continued to push for a new bridge over the river.\n").statements
    assert (statement.speaker.text, statement.cue) == ("Senator Ruth Alden", "push for")


def test_cue_with_its_own_subject_inside_a_content_is_a_statement_of_its_own() -> None:
    text = "The mayor criticised the council after the minister said that the dam was too costly.\n"
    statements = analyse(text).statements
    assert [(s.speaker.text, s.content) for s in statements] == [
        ("The mayor", "the council"),
        ("the minister", "the dam was too costly"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "A federal judge denied a request by the city to dismiss the suit.\n",
        "Arizona state agencies are denying public benefits to illegal immigrants.\n",
        "A video on the website showed the attack on the convoy.\n",
        "A coalition of advocates is seeking to overturn an order by the governor.\n",
        "The White House refused to discuss conversations with the family.\n",
        "Trump spent the day touting his domestic plan.\n",
        "The U.S. economy added 292,000 jobs in December.\n",
    ],
)
def test_clause_only_verbs_with_an_object_are_no_statement(text: str) -> None:
    assert analyse(text).statements == ()


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The spokeswoman denied that the family had been threatened.\n", "denied"),
        ("The survey showed that most voters wanted a change.\n", "showed"),
        ("The mayor rejected claims that the budget was short.\n", "rejected"),
        ("The mayor added that the budget was short.\n", "added"),
    ],
)
def test_clause_only_verbs_with_a_clause_are_statements(text: str, cue: str) -> None:
    (statement,) = analyse(text).statements
    assert statement.cue == cue


def test_span_index_finds_exactly_the_overlapping_items_in_order() -> None:
    import random

    from dateline.extract.support.common import SpanIndex

    rng = random.Random(7)
    items = [(s, s + rng.randint(0, 40), n) for n, s in enumerate(rng.randint(0, 500) for _ in range(200))]
    index = SpanIndex(items)
    for _ in range(300):
        start = rng.randint(0, 560)
        end = start + rng.randint(1, 60)
        expected = [n for s, e, n in items if s < end and start < max(e, s + 1)]
        assert index.overlapping(start, end) == expected


def test_quoted_as_saying_is_the_objects_statement_relayed_by_the_subject() -> None:
    # PolNeAR train: "CNN quoted an American witness as saying he saw one person in the large white truck ...".
    result = polnear_article("wash-post_2016-07-15_truck-attack-in-france-kills-at-")
    (saying,) = [s for s in result.statements if s.cue == "saying" and s.content.startswith("he saw one person")]
    assert saying.speaker.text == "an American witness" and saying.via == ("CNN",)
    text = "The Valley Herald quoted a spokeswoman for the council as saying that the bridge would close.\n"
    (statement,) = analyse(text).statements
    assert statement.speaker.text == "a spokeswoman for the council"
    assert statement.via == ("Valley Herald",) and statement.content == "the bridge would close"
    # Passive, the subject is the one quoted and nobody relays.
    (passive,) = analyse("Reyes is quoted as saying that the bridge would close.\n").statements
    assert passive.speaker.text == "Reyes" and passive.via == ()


def test_object_cue_in_a_relative_clause_says_the_noun_it_modifies() -> None:
    text = "The order stops short of the six-month freeze that Mayor Ellen Ward called for during the campaign.\n"
    (statement,) = analyse(text).statements
    assert statement.cue == "called for" and "freeze" in statement.content
    assert "campaign" not in statement.content
    # With the relative pronoun as its subject, the noun is the speaker and the object what was said.
    (statement,) = analyse("Residents who called for calm were ignored.\n").statements
    assert (statement.speaker.text, statement.content) == ("Residents", "calm")


def test_a_particle_can_make_a_cue_verb_another_verb() -> None:
    assert not analyse("The NRA sued, and the city council is backing down before the suit reached court.\n").statements
    (statement,) = analyse("The city council is backing the new highway plan.\n").statements
    assert statement.cue == "backing"


def test_participle_hung_on_a_cues_complement_takes_the_cues_speaker() -> None:
    text = "But Mayor Ellen Ward said a deal could not come at any price, noting that the city had been a laboratory.\n"
    noting = [s for s in analyse(text).statements if s.cue == "noting"]
    assert [(s.speaker.text, s.content) for s in noting] == [("Mayor Ellen Ward", "the city had been a laboratory")]


def test_that_clause_of_someone_elses_noun_is_not_the_cues() -> None:
    text = (
        "Valdoria moved Sunday to expel the Ruritanian ambassador from the capital and declared a freeze on all new"
        " trade deals between the two countries, following Ruritania’s demand that the Valdorians free the rights"
        " activists and others arrested in the kingdom.\n"
    )
    said = {s.cue: s.content for s in analyse(text).statements}
    assert said["declared"] == "a freeze on all new trade deals between the two countries"
    assert said["demand"].startswith("the Valdorians free the rights activists")
    # The speaker's own noun ("in her remarks that X") keeps the clause with the cue.
    (statement,) = analyse("Mayor Ellen Ward said in her remarks that the bridge would close.\n").statements
    assert statement.content == "the bridge would close"


def test_a_content_without_a_word_is_no_statement() -> None:
    text = 'The report is online.\n\nRelated stories:\n\n-- "5 Takeaways From Valley Report." (Herald)\n'
    assert all(any(c.isalnum() for c in s.content) for s in analyse(text).statements)


def test_a_cue_participle_after_without_says_nothing() -> None:
    text = "Mayor Ellen Ward said, without offering any details, that the bridge would close.\n"
    assert [s.cue for s in analyse(text).statements] == ["said"]


@pytest.mark.parametrize(
    "text",
    [
        # An attitude with a noun-phrase object names a state, not what was expressed.
        "Democrats on the committee fear the new chairman.\n",
        "The two senators know each other from law school.\n",
        # The reader, addressed outside a quotation, is nobody reported.
        "By signing up, you agree to receive our morning newsletter.\n",
        # A past participle opening the sentence: the subject was asked, the asker is not named.
        "Asked about the budget on Monday, Governor Ellen Marsh left the room.\n",
    ],
)
def test_attitudes_without_a_clause_the_reader_and_the_one_asked_say_nothing(text: str) -> None:
    assert analyse(text).statements == ()


@pytest.mark.parametrize(
    ("text", "cue", "cue_class"),
    [
        ("Governor Ellen Marsh said that the budget was short.\n", "said", "speech"),
        ("Governor Ellen Marsh believes that the budget is short.\n", "believes", "attitude"),
        ("Governor Ellen Marsh fears the budget will fall short.\n", "fears", "attitude"),
        ("Governor Ellen Marsh expects the deficit to reach $2 billion.\n", "expects", "attitude"),
        ("The budget is short, according to Governor Ellen Marsh.\n", "according to", "speech"),
    ],
)
def test_each_statement_carries_the_class_of_its_cue(text: str, cue: str, cue_class: str) -> None:
    (statement,) = analyse(text).statements
    assert (statement.cue, statement.cue_class) == (cue, cue_class)


def test_a_quoted_you_still_speaks_through_its_speaker() -> None:
    text = '"You agree with me that the budget is short," Governor Ellen Marsh told the mayor.\n'
    (statement,) = analyse(text).statements
    assert "Marsh" in statement.speaker.name


@pytest.mark.parametrize(
    "text",
    [
        "The council met on Monday.\n\nSEE ALSO: Council weighs a new budget for the harbour\n",
        "The council met on Monday.\n\nContributing: The Harbour Gazette\n",
        "The council met on Monday.\n\nMore: Why the harbour budget matters to everyone\n",
        "The council met on Monday.\n\nOpinion: The harbour budget deserves a second look\n",
    ],
)
def test_a_link_or_credit_label_is_no_speaker(text: str) -> None:
    assert [s for s in analyse(text).statements if s.cue == ":"] == []


def _allsides(name: str) -> Analysis:
    """One AllSides report (not a gold/dev one) through entities and statements.rules."""
    from dateline.ingest import iter_documents
    from tests.conftest import CORPUS

    path = CORPUS / "allsides-article-bias" / "jsons" / f"{name}.json"
    result = next(Pipeline(EXTRACTORS).run(iter_documents([str(path)])))
    assert isinstance(result, Analysis), result
    return result


def test_interview_turn_labels_are_no_speakers() -> None:
    # "Q: ..." and "A: ..." lines of an interview with Joe Biden: PolNeAR annotates no turn as a source.
    statements = polnear_article("politico_2016-02-19_q-a-with-vice-president").statements
    assert any(s.speaker.text == "I" for s in statements)  # statements inside the answers stay
    assert not [s for s in statements if s.speaker.text in {"Q", "A"}]


def test_capitals_labels_of_a_transcript_speak_and_page_labels_do_not() -> None:
    # "KATE BOULDUAN: ...", "BOULDUAN: ...": speakers taking turns, named in capitals only.
    names = {s.speaker.text for s in polnear_article("west-journal_2016-03-29_hillary-camp-declining").statements}
    assert {"BOULDUAN", "BENENSON"} <= names
    # "VIDEO OF THE DAY: PRO-CLINTON SUPER PAC ...", "RECOMMENDED: Sequester 101: ...": page furniture.
    for name, label in (("4yHYzrakquUuli0Z", "VIDEO OF THE DAY"), ("lOvRKzcYVSnf6c4u", "RECOMMENDED")):
        speakers = {s.speaker.text for s in _allsides(name).statements}
        assert speakers and label not in speakers


def test_a_page_label_run_into_its_first_line_is_no_speaker() -> None:
    # "Story highlights Conservatives oppose any plan with path to citizenship ...": CNN's heading.
    statements = _allsides("4MkeMxtQcQRAAnJ4").statements
    assert statements and not [s for s in statements if s.speaker.text == "Story"]


def test_all_told_opens_a_sentence_and_names_no_speaker() -> None:
    # "All told, up to 5 million undocumented people could be eligible ...": a sum, not "All" telling.
    statements = polnear_article("wash-post_2016-01-13_democratic-tensions-escalate").statements
    assert statements and not [s for s in statements if s.speaker.text == "All"]


def test_a_place_the_tagger_split_from_an_organisation_stays_in_its_name() -> None:
    # "..., China Daily reported." is tagged "China" (a place) and "Daily" (an organisation).
    (statement,) = [s for s in _allsides("mAd0wtAlTB1npv87").statements if s.content.startswith("Another 593")]
    assert statement.speaker.name == "China Daily"


def test_according_to_over_a_named_speakers_cue_is_a_relay() -> None:
    # "X told them ..., according to Y": X's statement passed on by Y (via), not a second statement by Y.
    text = "Senator Ruth Alden told reporters that the vote had been rushed, according to the Associated Press.\n"
    (statement,) = analyse(text).statements
    assert statement.speaker.entity == "Ruth Alden" and statement.cue == "told"
    assert [v for v in statement.via if "Associated Press" in v], statement.via
    # A speaker named by no entity, or an act rather than speech, leaves the source's statement in place.
    text = "A majority of voters backed the proposal, according to the survey.\n"
    assert any(s.cue == "according to" for s in analyse(text).statements)


def test_according_to_relays_a_named_speaker_in_a_real_report() -> None:
    # An AllSides report (outside gold/dev): "“...?” Mr. Geng asked, according to an Associated Press report."
    from dateline.ingest import iter_documents
    from tests.conftest import CORPUS, require_shared

    path = require_shared(CORPUS / "allsides-article-bias" / "jsons" / "bs9WSgZrehXqMOx5.json")
    result = next(Pipeline(EXTRACTORS).run(iter_documents([str(path)])))
    assert isinstance(result, Analysis), result
    asked = [s for s in result.statements if s.cue == "asked" and "Geng" in s.speaker.name]
    assert asked and all(any("Associated Press" in v for v in s.via) for s in asked), asked
    assert not [s for s in result.statements if s.cue == "according to" and "Associated Press" in s.speaker.name]


@pytest.mark.parametrize(
    "text",
    [
        # An object cue's prepositional phrase that the lexicon does not pair with the verb is an adjunct of
        # the act (where, when, to whom), no content ("called into Fox & Friends", "mentioned during ...").
        "Gordon Sondland testified on Wednesday. The next day he called into Fox & Friends.\n",
        "Attorney General Jeff Sessions mentioned during the hearing his own role.\n",
        # A cue noun's preposition other than one naming a content ("comments to ABC": the addressee).
        "President Trump spoke on Tuesday. His comments to ABC drew criticism from both parties.\n",
        # A listed phrasal cue whose particle names only the topic of a remark.
        "President Trump responded to North Korea's nuclear test on Sunday.\n",
    ],
)
def test_an_adjunct_or_a_topic_is_no_content(text: str) -> None:
    assert analyse(text).statements == ()


def test_a_content_preposition_or_clause_stays_what_was_said() -> None:
    said = {s.cue: s.content for s in analyse("Senator Ruth Alden called on Congress to pass the bill.\n").statements}
    assert said == {"called on": "Congress to pass the bill"}
    said = {
        s.cue: s.content for s in analyse("Senator Ruth Alden spoke. Her criticism of the deal was sharp.\n").statements
    }
    assert said == {"criticism": "of the deal"}
    text = "Conspiracy theorists claimed without evidence that it was a false flag operation.\n"
    (claimed,) = analyse(text).statements
    assert claimed.content.endswith("that it was a false flag operation")
    # The topic of a question ("asked about X") stays: the quotation after it is the question it continues.
    text = "Bret Baier asked about cyber warfare. “Why did the U.S. have to go on the offense?”\n"
    (asked,) = analyse(text).statements
    assert asked.cue == "asked" and "Why did the U.S." in asked.content


def test_a_topic_cue_beside_a_cue_of_speech_leaves_the_speech() -> None:
    text = "Mr. Obama spoke. Referring to the Founding Fathers, Mr. Obama said their push for independence was brave.\n"
    assert [(s.cue, s.content) for s in analyse(text).statements] == [("said", "their push for independence was brave")]


def test_a_line_in_capitals_is_a_linked_headline_not_a_statement() -> None:
    text = (
        "The hearing ended on Monday.\n\nSCHIFF SAYS WHISTLEBLOWER WILL TESTIFY SOON\n\n"
        "The committee met again on Tuesday, and Schiff said the witness would appear.\n"
    )
    assert [s.cue for s in analyse(text).statements] == ["said"]
    # A real report with such lines between its paragraphs ("SCHIFF SAYS WE 'WILL NOT ...'", "WHISTLEBLOWER
    # WRITES WH OFFICIAL DESCRIBED TRUMP CALL AS 'FRIGHTENING'"); its other statements stay.
    statements = _allsides("sGYwuGlvqi1ZTrj3").statements
    assert len(statements) > 20
    assert not [s for s in statements if not any(c.islower() for c in s.cue + s.content)]


def test_a_letter_is_its_issuers_once_no_remark_names_someone_else() -> None:
    # "The White House outlined in a defiant eight-page letter ..."; "Trump's call with Ukraine's leader" is
    # no statement (its "with" phrase is no content), so "the letter" stays the White House's.
    statements = _allsides("sGYwuGlvqi1ZTrj3").statements
    letter = [s for s in statements if s.speaker.text.lower() == "the letter"]
    assert letter and {s.speaker.name for s in letter} == {"White House"}


def test_a_short_line_without_closing_punctuation_is_a_headline_not_a_statement() -> None:
    # A deck or a linked story's headline set between paragraphs; the paragraph after it keeps its statement.
    text = (
        "President says he is willing to talk with the special counsel\n\n"
        "Donald Trump said on Wednesday that he would be willing to speak under oath.\n"
    )
    assert [s.cue for s in analyse(text).statements] == ["said"]
    text = "The talks ended.\nReport: Trump warns of a major conflict with North Korea\nThe senator said they failed.\n"
    assert [s.cue for s in analyse(text).statements] == ["said"]
    # An embedded tweet ends with its writer's signature, not a full stop: it is someone's post.
    text = "Boehner says immigration reform must be grounded in border security — Mark Knoller (@markknoller) June 27, 2013\n"
    assert [s.cue for s in analyse(text).statements] == ["says"]


@pytest.mark.parametrize(
    "text",
    [
        "The council met on Monday.\n\nCorrection: A photo caption misidentified the harbour as the river.\n",
        "The council met on Monday.\n\nDisclosure: The Harbour Gazette is owned by the council.\n",
        "The council met on Monday.\n\nFacts: The harbour budget fell by a tenth last year.\n",
    ],
)
def test_a_label_of_common_nouns_is_no_speaker(text: str) -> None:
    assert [s for s in analyse(text).statements if s.cue == ":"] == []


def test_a_name_label_still_speaks() -> None:
    text = "The council met on Monday.\n\nKasich: We will balance the harbour budget.\n"
    assert [s.speaker.text for s in analyse(text).statements if s.cue == ":"] == ["Kasich"]


def test_a_correction_or_disclosure_note_is_no_statement_in_real_reports() -> None:
    # "Correction: A photo caption previously misidentified ..." closes a report whose transcript turns
    # ("TRUMP: ...") still speak; "Disclosure: Comcast owns NBCUniversal, ..." closes a CNBC report.
    speakers = {s.speaker.text for s in _allsides("KIHNjNc046gsLJXb").statements}
    assert "TRUMP" in speakers and "Correction" not in speakers
    speakers = {s.speaker.text for s in _allsides("MLwGSdMjfC4fUA5o").statements}
    assert speakers and "Disclosure" not in speakers


def _said(text: str) -> list[tuple[str, str, str]]:
    return [(s.speaker.text, s.cue, s.content) for s in analyse(text).statements]


def test_a_documents_participle_speaks_for_whoever_issued_the_document() -> None:
    # The participle on a document an issuing verb takes as object is the cue; the cue's record runs from
    # the issuing verb, as the guide writes it.
    said = _said("The union issued a statement saying that the strike would continue until Friday.")
    assert ("The union", "issued a statement saying", "the strike would continue until Friday") in said


def test_a_participle_on_a_document_after_in_speaks_for_the_clauses_subject() -> None:
    said = _said("In a letter saying the new rules were unlawful, the governors asked the court to intervene.")
    assert ("the governors", "saying", "the new rules were unlawful") in said


def test_a_participle_on_a_document_from_someone_speaks_for_them() -> None:
    said = _said("The council released a statement from the mayor saying the park would close next month.")
    assert [s[0] for s in said if s[2] == "the park would close next month"] == ["the mayor"]


def test_a_cited_document_or_a_topic_participle_is_not_the_subjects_statement() -> None:
    # "cited a memo saying X": the senator did not issue the memo; "a tweet explaining her vote" names a topic.
    assert not [s for s in _said("The senator cited a memo saying the plan would fail.") if s[1] == "saying"]
    said = _said("Rep. Ana Ortiz posted a tweet explaining her vote against the bill.")
    assert not [s for s in said if s[1].endswith("explaining")]


BLOCK_HEADLINE = "Harbour plan goes ahead\n\n"


@pytest.mark.parametrize(
    "text",
    [
        "In a long radio interview, Mayor Ann Dole also said:\n\nThe bridge must close before winter.",
        "Governor Tom Reyes said:\n\nThe harbour will be rebuilt within two years.",
        # A relay tail closed by a colon ("..., Name wrote:"): the setting before the comma is no content.
        "In a letter to the board, Senator Maria Lopez wrote:\n\n“The budget leaves 300 teachers without pay.”",
        # The same relay tail over an unmarked block (statements.records._block_after_relay, _said_block).
        "In a letter to the board, Senator Maria Lopez wrote:\n\nThe budget leaves 300 teachers without pay.",
    ],
)
def test_a_cue_opening_a_colon_block_takes_the_block_as_its_content(text: str) -> None:
    # The block is the one paragraph after the colon's (support.blocks), not the setting before the cue nor the
    # outlet's paragraph after the block.
    result = analyse(BLOCK_HEADLINE + text + "\n\nThe council meets on Monday.")
    block = text.split("\n\n")[1]
    (statement,) = [s for s in result.statements if s.cue in {"said", "wrote"}]
    assert statement.content.strip("“”") == block.strip("“”")
    assert statement.statement_kind == ("direct" if block.startswith("“") else "indirect")


@pytest.mark.parametrize(
    "text",
    [
        # The cue sits in a relative clause of a verbless line: the block is the writer's, not the prediction.
        "Our columnist Ann Dole, on the outcome she had long predicted:\n\nThe bridge must close before winter.",
        # The colon closes a complement clause of another cue: the paragraph after it is no expectation.
        "Both aides said they expect a vote on the harbour plan today:\n\nThe bridge must close before winter.",
    ],
)
def test_a_colon_that_closes_no_main_clause_of_the_cue_opens_no_block(text: str) -> None:
    result = analyse(BLOCK_HEADLINE + text)
    assert not [s for s in result.statements if "bridge" in s.content]


def test_a_paragraph_ending_in_a_colon_is_no_block_of_the_cue_before() -> None:
    # td1y54p4szmj7jrl: "The president wrote:" over "In response to this, I tweeted:" over the tweet. The second
    # paragraph introduces the third; the first cue's post was an embed the page dropped.
    text = "The president wrote:\n\nIn response to this, Governor Tom Reyes wrote:\n\nThe harbour will be rebuilt."
    said = _said(BLOCK_HEADLINE + text)
    assert not [s for s in said if s[2].endswith("wrote:")]
    assert ("Governor Tom Reyes", "wrote", "The harbour will be rebuilt.") in said


@pytest.mark.parametrize(
    "block",
    [
        "Hello --",  # a letter's salutation (oB7rDbh4IaQZEsvy: "David Plouffe wrote:" over "Hello --")
        "Photo: Getty Images",
        "10:30 a.m.",
    ],
)
def test_a_block_without_a_verb_is_no_content(block: str) -> None:
    text = f"In an email to supporters, Governor Tom Reyes wrote:\n\n{block}\n\nThe harbour is safe."
    said = _said(BLOCK_HEADLINE + text)
    assert not [s for s in said if s[2] == block]


def test_a_post_introduced_without_the_post_after_it_takes_no_block() -> None:
    # 0Rc7Y6g7DoP6cs7v: the page dropped the embedded tweet; the paragraph after the colon is the outlet's, and
    # its own statement stays.
    text = (
        "Governor Tom Reyes said Monday morning on Twitter:\n\n"
        "Mayor Ann Dole, though, said Monday that the council will review the matter."
    )
    said = _said(BLOCK_HEADLINE + text)
    assert not [s for s in said if s[0] == "Governor Tom Reyes"]
    assert ("Mayor Ann Dole", "said", "the council will review the matter") in said


def test_a_post_that_shows_itself_is_the_block() -> None:
    # An embedded tweet the page kept: its signature's handle or link shows the post; the content is what was
    # posted, without the signature.
    post = "The harbour will be rebuilt within two years. — Tom Reyes (@tomreyes) May 2, 2019"
    said = _said(BLOCK_HEADLINE + f"Governor Tom Reyes tweeted:\n\n{post}\n\nThe council meets on Monday.")
    assert ("Governor Tom Reyes", "tweeted", "The harbour will be rebuilt within two years.") in said


@pytest.mark.parametrize(
    "post",
    [
        "Tom Reyes (@tomreyes) The harbour will be rebuilt within two years. pic.twitter.com/abc123",
        "The harbour will be rebuilt within two years. pic.twitter.com/abc123 -- Tom Reyes (@tomreyes) May 2, 2019",
    ],
)
def test_an_embedded_posts_header_or_signature_is_no_part_of_what_was_posted(post: str) -> None:
    text = f"Governor Tom Reyes said on Twitter:\n\n{post}\n\nThe council meets on Monday."
    said = _said(BLOCK_HEADLINE + text)
    posted = "The harbour will be rebuilt within two years. pic.twitter.com/abc123"
    assert ("Governor Tom Reyes", "said", posted) in said


@pytest.mark.parametrize(
    ("introduction", "cue"),
    [
        ("Governor Tom Reyes tweeted this:", "tweeted"),
        ("On Monday, Mayor Ann Dole said the following:", "said"),
        ("Mayor Ann Dole wrote this in her letter:", "wrote"),
    ],
)
def test_a_pointer_object_of_a_cue_opening_a_block_stands_for_the_block(introduction: str, cue: str) -> None:
    # "this", "the following": the object points to the block after the colon, which is what was said.
    block = "The harbour will be rebuilt within two years, and the bridge must close. #harbour"
    said = _said(BLOCK_HEADLINE + f"{introduction}\n\n{block}\n\nThe council meets on Monday.")
    assert [s for s in said if s[1] == cue and s[2] == block]
    assert not [s for s in said if s[2] in {"this", "the following"}]


@pytest.mark.parametrize(
    ("text", "block"),
    [
        # S0ObqqRfm6hOxqjy: the parse hangs the colon on "ask", the last word of the cue, not on "went".
        ("More specifically, he went on to ask:", "Do we have the confidence in our values to defend them?"),
        ("Additionally, Governor Tom Reyes called for:", "Hiring 40 new inspectors for the harbour."),
    ],
)
def test_a_colon_on_the_last_word_of_a_cue_of_several_opens_its_block(text: str, block: str) -> None:
    said = _said(BLOCK_HEADLINE + f"Governor Tom Reyes spoke on Monday. {text}\n\n{block}\n\nThe council meets.")
    assert [s for s in said if s[2] == block]


def test_a_signed_post_after_an_introduction_naming_no_post_is_someone_elses() -> None:
    # xbCvQFlHt48nuok4: "As one of those two PWC accountants explains:" over a tweet signed by Ev Williams.
    post = "I guess the envelopes were swapped https://t.co/abc — Ann Dole (@anndole) February 27, 2017"
    said = _said(BLOCK_HEADLINE + f"As one of the two accountants explains:\n\n{post}\n\nThe council meets on Monday.")
    assert not [s for s in said if s[2] == post]
    # Named as posts, the signed block is the speaker's.
    said = _said(BLOCK_HEADLINE + f"Governor Tom Reyes responded with these posts:\n\n{post}\n\nThe council meets.")
    assert [s for s in said if s[2] == post.split(" — ")[0]]


def test_a_quotation_inside_an_unmarked_block_is_its_own_speakers() -> None:
    # DuTbGJdgHEWqZrc9: "Nichols writes:" over a paragraph of his that quotes Schumer; the block is Nichols's,
    # the quotation stays Schumer's statement.
    block = (
        "Sanders could chair a powerful committee next year. “He will chair a significant committee if we win the"
        " majority,” Senator Tom Reyes says."
    )
    said = _said(BLOCK_HEADLINE + f"Columnist Ann Dole writes:\n\n{block}\n\nThe council meets on Monday.")
    assert ("Columnist Ann Dole", "writes", block) in said
    assert [s for s in said if s[0] == "Senator Tom Reyes" and s[2].startswith("“He will chair")]


def test_relative_clause_set_off_at_the_end_of_a_content_is_the_authors_aside() -> None:
    # The comma-set relative clause describes the noun for the reader; the mayor's statement ends before it.
    text = "Mayor Ellen Ward said the city would repave Harbor Road, which floods every spring.\n"
    statements = analyse(text).statements
    assert [(s.cue, s.content) for s in statements] == [("said", "the city would repave Harbor Road")]


def test_a_cue_inside_a_trailing_relative_clause_stays_nested_in_the_content() -> None:
    # Freed, such cues made more wrong statements than right ("which analysts say" for a speaker): the
    # clause stays in the content and its cue inside it, as it was before the aside cut.
    text = "Mayor Ellen Ward said the city would hire Tom Price, who said the bridge would open in May.\n"
    statements = analyse(text).statements
    assert [(s.speaker.text, s.cue, s.content) for s in statements] == [
        ("Mayor Ellen Ward", "said", "the city would hire Tom Price, who said the bridge would open in May")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # A modal carries the speaker's argument on: the clause stays.
        "Mayor Ellen Ward said the council approved a new levy, which could pay for two schools.\n",
        # A quotation mark in it makes the clause the speaker's words.
        "Mayor Ellen Ward said the council approved a new levy, which she called “long overdue.”\n",
        # A clause without a comma restricts its noun: it is part of what was said.
        "Mayor Ellen Ward said the council approved the levy that voters rejected in May.\n",
        # The speaker's own account goes on: a narrative "then", a first person, "in her view".
        "Mayor Ellen Ward said she was fired by the clerk, who then hired his nephew in May.\n",
        "Mayor Ellen Ward said the council approved a new levy, which I endorse for the schools.\n",
        "Mayor Ellen Ward said the council approved a new levy, which in her view was overdue.\n",
        # A single curly quotation mark makes the clause the speaker's words too.
        "Mayor Ellen Ward said the council approved a new levy, which she called ‘overdue’.\n",
        # A clause inside one kept for its comma ends the content with it: it stays too.
        "Mayor Ellen Ward said the council hired Tom Price, who, as a builder, fixed the dam, which leaks in May.\n",
    ],
)
def test_relative_clause_the_speaker_says_stays_in_the_content(text: str) -> None:
    said = [s for s in analyse(text).statements if s.cue == "said"]
    assert len(said) == 1 and said[0].content.rstrip('.”"’').endswith(("schools", "overdue", "May"))


def test_a_describing_noun_phrase_set_off_at_the_end_of_a_content_is_the_authors() -> None:
    # The apposition after the comma tells the reader who Tom Price is; the mayor's statement ends before it.
    text = "Mayor Ellen Ward said the city would hire Tom Price, a lawyer who grew up in Salem.\n"
    statements = analyse(text).statements
    assert [(s.cue, s.content) for s in statements] == [("said", "the city would hire Tom Price")]


def test_polnear_apposition_on_a_name_ends_the_content_where_polnear_does() -> None:
    # A real PolNeAR train report: "Cruz said he is just as much of a natural-born citizen as Sen. John McCain,
    # a former nominee who was born in Panama." PolNeAR's content stops at "McCain", as the guide's does.
    said = polnear_article("usa-today_2016-01-15_republicans-pile-on-obama-clinto").statements
    assert any(s.content == "he is just as much of a natural-born citizen as Sen. John McCain" for s in said)
    assert not any("former nominee" in s.content for s in said)


@pytest.mark.parametrize(
    "text",
    [
        # A quotation mark in it makes the phrase the speaker's words.
        "Mayor Ellen Ward said the city would hire Tom Price, “the best builder in the county.”\n",
        # A figure's summary goes with the figure the speaker gave (a person noun heads it, so only the
        # figure keeps it).
        "Mayor Ellen Ward said the plant employs 300 workers, the biggest employer in the county.\n",
    ],
)
def test_apposition_the_speaker_says_stays_in_the_content(text: str) -> None:
    said = [s for s in analyse(text).statements if s.cue == "said"]
    assert len(said) == 1 and said[0].content.rstrip('.”"’').endswith("county")


@pytest.mark.parametrize(
    ("report", "cue", "end"),
    [
        # "Obama attempted to portray himself as the anti-George W. Bush, a president who isn’t looking for
        # military conflict ...": the object of a verb's "as" is the predicate given, and the phrase goes on
        # giving it.
        ("q5f14my8kIHPK5sT", "portray", "moral imperatives"),
        # "he has tapped Elisse Walter, a commissioner at the SEC to replace Schapiro": the infinitive is the
        # tapping's purpose, which the parse hangs inside the phrase.
        ("sSKyFzXRdn8zaJQz", "announced", "to replace Schapiro"),
    ],
)
def test_apposition_that_carries_what_was_said_stays_on_real_reports(report: str, cue: str, end: str) -> None:
    said = [s for s in _allsides(report).statements if s.cue == cue]
    assert said and any(s.content.rstrip(".").endswith(end) for s in said)


def test_an_apposition_inside_a_nested_statements_content_is_not_cut() -> None:
    # "backed" is a cue whose own content ends with the phrase: cut from the mayor's content, the city's
    # statement ran past it and came out as a statement of its own.
    text = "Mayor Ellen Ward said the city backed Tom Price, her longtime friend and ally.\n"
    assert [(s.cue, s.content) for s in analyse(text).statements] == [
        ("said", "the city backed Tom Price, her longtime friend and ally")
    ]


def test_a_content_cut_after_a_parenthesis_keeps_its_closing_bracket() -> None:
    text = "Mayor Ellen Ward said the state will fund two counties (Pima and Maricopa), where most voters live.\n"
    said = [s.content for s in analyse(text).statements if s.cue == "said"]
    assert said == ["the state will fund two counties (Pima and Maricopa)"]


@pytest.mark.parametrize(
    "text",
    [
        # Every WordNet sense of the subject's head is an event, a state, a feeling ...: nobody who can speak.
        "The harbour crisis showed that the council had never planned for a flood.\n",
        "Mayor Ellen Ward's victory shows that voters wanted a new harbour plan.\n",
    ],
)
def test_a_noun_that_cannot_speak_is_no_speaker(text: str) -> None:
    assert analyse(text).statements == ()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # Documents (WordNet's acts and possessions) speak for their authors; the guide allows them.
        ("The audit found that the council had never planned for a flood.\n", "The audit"),
        ("The lawsuit alleges that the council ignored the flood warnings.\n", "The lawsuit"),
        # A place stands for its government; a share counts people.
        ("The county said that the harbour would close on Monday.\n", "The county"),
        ("Sixty percent said that the harbour should close.\n", "Sixty percent"),
        # A document noun WordNet 3.0 knows only in another sense, set beside the person who wrote it.
        ("After the mayor's latest tweet, Tom Baker, posted that the harbour would close.\n", "Tom Baker"),
    ],
)
def test_documents_places_shares_and_people_beside_a_noun_still_speak(text: str, speaker: str) -> None:
    assert [s.speaker.text for s in analyse(text).statements] == [speaker]


def test_the_mute_nouns_are_wordnet_classes_that_name_no_speaker() -> None:
    from dateline.extract.statements.cues import mute_nouns

    nouns = mute_nouns()
    assert {"crisis", "victory", "hurricane", "uproar"} <= nouns
    # Persons, groups, communication, acts, artifacts, places and quantities can all stand for a speaker.
    assert not {"official", "committee", "report", "lawsuit", "brewery", "county", "percent"} & nouns


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "who" after an appositive stands for the name the appositive describes, not the one it is of.
        (
            "Ellen Baker, the wife of Governor Tom Baker, who told reporters that the bridge was unsafe, left.\n",
            "Baker",
        ),
        (
            "The plan was opposed by Ellen Baker, the daughter of Mayor Tom Baker, who said it would cost too much.\n",
            "Baker",
        ),
    ],
)
def test_who_after_an_appositive_is_the_name_it_describes(text: str, speaker: str) -> None:
    (statement,) = analyse(text).statements
    assert statement.speaker.name == f"Ellen {speaker}"
    assert statement.speaker.text.startswith("Ellen Baker, the ")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A "who" clause with no comma before it restricts the person it follows: the boy said it.
        ("Ellen Baker, the mother of the boy who said he was beaten, spoke to reporters.\n", "the boy"),
        # No person right before it: the appositive's head is still the one described.
        (
            "Ellen Baker, a darling of the left who says the harbour must close, spoke on Monday.\n",
            "Ellen Baker, a darling of the left",
        ),
    ],
)
def test_a_restrictive_who_after_a_person_in_an_appositive_is_that_person(text: str, speaker: str) -> None:
    assert [s.speaker.text for s in analyse(text).statements] == [speaker]


def test_a_cue_coordinated_after_who_ends_the_speaker_before_the_clause() -> None:
    text = "Ellen Baker, the wife of Governor Tom Baker, who lives in Ohio and says the bridge is unsafe, spoke.\n"
    assert [(s.speaker.text, s.cue) for s in analyse(text).statements] == [
        ("Ellen Baker, the wife of Governor Tom Baker", "says")
    ]


def test_who_after_a_possessed_appositive_was_the_name_already() -> None:
    text = "Ellen Baker, Tom Baker's wife, who told reporters that the bridge was unsafe, stayed home.\n"
    (statement,) = analyse(text).statements
    assert statement.speaker.name == "Ellen Baker"


def test_which_after_an_appositive_is_the_thing_named_inside_it() -> None:
    text = "Ellen Baker, senior counsel at the Harbour Trust, which supports the bridge plan, spoke on Monday.\n"
    assert [(s.speaker.text, s.cue) for s in analyse(text).statements] == [("the Harbour Trust", "supports")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # A second that-clause is still what was said, though the parse hangs it on the cue.
        (
            "Officials said they were closing the harbor bridge to stop traffic piling up downtown, but that this"
            " could cause delays across the city.\n",
            "they were closing the harbor bridge to stop traffic piling up downtown, but that this could cause"
            " delays across the city",
        ),
        (
            "Council staff said the budget was balanced for the next year, but that the pension fund would run"
            " short by 2030.\n",
            "the budget was balanced for the next year, but that the pension fund would run short by 2030",
        ),
    ],
)
def test_a_second_that_clause_coordinated_on_the_cue_is_still_said(text: str, content: str) -> None:
    said = [s.content for s in analyse(text).statements if s.cue == "said"]
    assert said == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # What the speaker went on to do is no part of what was said.
        (
            "Mayor Ellen Ward said the bridge would close in June, and asked the council for more money.\n",
            "the bridge would close in June",
        ),
        # A clause without "that" is as often the author's narrative: left out, with a subject or without.
        (
            "Mayor Ellen Ward said the bridge would close in June, but the council has already voted to keep it open.\n",
            "the bridge would close in June",
        ),
        (
            "Mayor Ellen Ward said the bridge was safe, but has since ordered a new inspection.\n",
            "the bridge was safe",
        ),
    ],
)
def test_an_act_or_a_clause_without_that_after_the_content_is_not_said(text: str, content: str) -> None:
    said = [s.content for s in analyse(text).statements if s.cue == "said"]
    assert said == [content]


def test_a_content_does_not_end_with_a_coordinator_the_parse_left_dangling() -> None:
    # The parse hangs ", and" on the first content while the clause it joins is the second speaker's.
    text = (
        "One in three residents said the council doesn’t care very much about the harbor district, and one in"
        " four said the council was hostile to it.\n"
    )
    said = [s.content for s in analyse(text).statements if s.cue == "said"]
    assert said == ["the council doesn’t care very much about the harbor district", "the council was hostile to it"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A quantity noun's plural "of" object speaks: the respondents, not the bulk.
        ("The bulk of the harbour workers said that the pier would close.\n", "The bulk of the harbour workers"),
        ("A plethora of local economists say that the harbour plan will fail.\n", "A plethora of local economists"),
    ],
)
def test_a_mute_quantity_of_people_speaks_for_them(text: str, speaker: str) -> None:
    assert [s.speaker.text for s in analyse(text).statements] == [speaker]


def test_what_a_mute_noun_reports_is_no_ones_statement() -> None:
    # The evidence suggests how the workers would vote; that is part of what is suggested, not their statement.
    text = "The bulk of the evidence suggests that harbour workers would vote for the mayor.\n"
    assert analyse(text).statements == ()


def test_a_time_word_the_parse_made_the_subject_leaves_the_speaker_before_it() -> None:
    # The parse makes "today" the subject of "urged", hung on "saying" as its complement.
    text = "Mayor Ellen Ward, saying that the harbour cannot wait, today urged the council to close the pier.\n"
    assert [(s.speaker.text, s.cue) for s in analyse(text).statements] == [
        ("Mayor Ellen Ward", "saying"),
        ("Mayor Ellen Ward", "urged"),
    ]


def test_a_name_the_ner_reads_as_a_date_is_still_the_speaker() -> None:
    # "May" (the Prime Minister) is tagged DATE; only a mute time noun ("today") gives way to the subject before it.
    text = "This year two harbour fires have been set in Dover, and May said four more have been stopped.\n"
    assert [(s.speaker.text, s.cue) for s in analyse(text).statements] == [("May", "said")]


def test_a_cue_coordinated_inside_a_complement_with_a_mute_subject_takes_the_reporting_subject() -> None:
    text = (
        "The harbour spokesman said the lack of repair work at the north pier could eventually affect "
        "shipping at other docks but added he was unable to say when this might happen.\n"
    )
    # in text order: records with equal offsets otherwise come in the order of their ids, which the version sets
    found = sorted(analyse(text).statements, key=lambda s: s.cue_span.start if s.cue_span else -1)
    assert [(s.speaker.text, s.cue) for s in found] == [
        ("The harbour spokesman", "said"),
        ("The harbour spokesman", "added"),
    ]


def test_the_mute_and_person_nouns_files_are_what_the_wordnet_script_writes() -> None:
    # The list is generated, not edited by hand: bench/wordnet_speakers.py reproduces it from WordNet 3.0
    # (Debian's wordnet-base), header included.
    wordnet = WORDNET
    module = wordnet_script("wordnet_speakers")
    written = (Path(__file__).parents[2] / "src/dateline/data/mute_nouns.txt").read_text(encoding="utf-8")
    assert written == module.HEADER + "\n".join(module.mute_nouns(wordnet)) + "\n"
    assert "WORDNET-LICENSE.txt" in module.HEADER
    persons = (Path(__file__).parents[2] / "src/dateline/data/person_nouns.txt").read_text(encoding="utf-8")
    assert persons == module.PERSONS_HEADER + "\n".join(module.person_nouns(wordnet)) + "\n"
    assert "WORDNET-LICENSE.txt" in module.PERSONS_HEADER
    occasions = (Path(__file__).parents[2] / "src/dateline/data/occasion_person_nouns.txt").read_text(encoding="utf-8")
    assert occasions == module.OCCASIONS_HEADER + "\n".join(module.occasion_person_nouns(wordnet)) + "\n"
    assert "WORDNET-LICENSE.txt" in module.OCCASIONS_HEADER
    assert "fundraiser" in occasions.split() and "voter" not in occasions.split()
    kin = (Path(__file__).parents[2] / "src/dateline/data/kin_nouns.txt").read_text(encoding="utf-8")
    assert kin == module.KIN_HEADER + "\n".join(module.kin_nouns(wordnet)) + "\n"
    assert {"son", "fiancee", "girlfriend"} <= set(kin.split()) and "voter" not in kin.split()
    abstract = (Path(__file__).parents[2] / "src/dateline/data/abstract_nouns.txt").read_text(encoding="utf-8")
    assert abstract == module.ABSTRACT_HEADER + "\n".join(module.abstract_nouns(wordnet)) + "\n"
    # "law" has a sense of the police (noun.group), "town" is a place: neither is abstract in every sense.
    assert {"legislation", "credibility"} <= set(abstract.split()) and not {"law", "town"} & set(abstract.split())
    # Fighting itself and occasions people gather at are left out (FIGHT_ROOTS, GATHERING_ROOTS).
    assert not {"battle", "revolution", "coup", "concert", "funeral", "protest", "festival"} & set(abstract.split())


def test_an_opinion_survey_after_in_reports_the_clause_it_closes_or_opens() -> None:
    # "in" with a poll or survey as its object names the source of its host clause, as "according to" does.
    text = (
        "Just 18 percent of registered voters have a favorable view of the mayor in a new Gazette poll.\n\n"
        "In the poll, the governor's support has steadily risen over the past two weeks.\n"
    )
    assert [(s.speaker.text, s.cue, s.content) for s in analyse(text).statements] == [
        ("a new Gazette poll", "in", "Just 18 percent of registered voters have a favorable view of the mayor"),
        ("the poll", "In", "the governor's support has steadily risen over the past two weeks"),
    ]
    # A real PolNeAR train report: the attribution the rules had missed is matched.
    (statement,) = [s for s in polnear_article("wash-post_2016-09-04_clin").statements if s.cue == "in"]
    assert statement.speaker.text == "a new Washington Post-ABC News poll"
    assert statement.cue_class == "speech"


def test_a_survey_phrase_that_reports_no_clause_of_its_own_is_no_cue() -> None:
    for text in (
        "Only 1,000 people were asked in the survey.\n",  # passive: done to the respondents
        "There are two data points in the new poll.\n",  # no subject of its own
        "Despite his low standing in the polls, the governor had ordnance ready for him.\n",  # an adjunct's
        "The governor has big leads both in polls and in fundraising.\n",  # coordinated with what it does not report
        "The governor has remained steady in the polls during the long and difficult winter.\n",  # mid-sentence
        "In their weekly poll, The Gazette and Pollworks found a clear partisan divide.\n",  # a named speaker's cue
    ):
        assert [s.cue for s in analyse(text).statements if s.cue.lower() == "in"] == [], text


def test_a_survey_shows_what_its_noun_phrase_object_says() -> None:
    # "show" reports only a clause ("a video showed", "showed his support"), but a poll's finding is its object.
    text = "Many other polls show the governor with a narrow but consistent lead over the mayor.\n"
    (statement,) = analyse(text).statements
    assert (statement.speaker.text, statement.cue) == ("Many other polls", "show")
    assert statement.content == "the governor with a narrow but consistent lead over the mayor"
    assert analyse("The video shows the governor with the mayor.\n").statements == ()
    assert analyse("The poll sought the views of 1,000 adults.\n").statements == ()
    shown = [s for s in polnear_article("nyt_2016-07-15_latest-pol").statements if s.cue == "show"]
    assert [s.content for s in shown] == ["Mrs. Clinton with a narrow but consistent lead over Mr. Trump"]


def test_a_percent_sign_closing_a_content_is_part_of_its_figure() -> None:
    # spaCy calls "%" punctuation; the parse reads it as the noun of its figure, so the content keeps it (v28).
    text = (
        "A new Gazette poll showed the governor on top at 27%, followed by the mayor at 17%.\n\n"
        "The chief said the crime rate has dropped by about 50%.\n"
    )
    assert [s.content for s in analyse(text).statements] == [
        "the governor on top at 27%, followed by the mayor at 17%",
        "the crime rate has dropped by about 50%",
    ]
    # A speaker's edge too ("70% said"); a hyphen the parse tags a noun stays trimmed ("co-chairman").
    text = "Among the over-65s, 70% said they would vote.\n\nThe party co-chairman said the mayor was worried.\n"
    assert [s.speaker.text for s in analyse(text).statements] == ["70%", "chairman"]


def test_content_starts_after_an_editors_label() -> None:
    # "EXCLUSIVE - Special counsel Robert Mueller ..., a source close to the investigation told ...": the
    # label is the page's, not what the source said.
    statements = [s for s in _allsides("t08zdWUhQ90iT9Rb").statements if s.speaker.text.startswith("a source")]
    assert statements
    assert all(s.content_span is not None and not s.content.startswith("EXCLUSIVE") for s in statements)


def test_a_clause_before_a_colon_names_its_speaker_and_cue() -> None:
    # A kicker introducing a quotation is a clause, not a "Name:" label: its subject speaks and its verb is
    # the cue when the verb is a listed cue; "Strzok texted Page" is no one's name, and "texted" no listed cue.
    preamble = "The messages were released on Thursday by the committee, which has been investigating for months.\n\n"
    text = preamble + "Mukasey added outside court: “This is a huge victory.”\n\nMarc Mukasey is her lawyer."
    said = [(s.speaker.text, s.cue) for s in analyse(text).statements if "victory" in s.content]
    assert said == [("Mukasey", "added")]
    text = preamble + "Strzok texted Page: “God Hillary should win.”\n\nPeter Strzok and Lisa Page exchanged messages."
    assert not [s for s in analyse(text).statements if s.speaker.text == "Strzok texted Page"]


def test_the_dateline_is_never_part_of_a_speaker() -> None:
    # Reuters-21578 stories (seed 107000's draw, no gold): the parse runs the first sentence's subject over the
    # dateline, so v37 read the dateline's place as the speaker ("GREENWICH, Conn., Oct 20 - Berkey Inc said" ->
    # Connecticut) or kept it in the speaker's text ("HOUSTON, March 25 - Pennzoil Co"), and a later "It said"
    # took the dateline's city ("MANILA"). v38 reads the subject past the dateline, whose mentions are no
    # candidates.
    from dateline.ingest.formats import read_reuters_sgml
    from tests.conftest import CORPUS, require_shared

    expected = {
        ("reut2-020.sgm", 20765): ["Berkey Inc"],
        ("reut2-009.sgm", 9650): ["Pennzoil Co", "Pennzoil Co"],
        ("reut2-013.sgm", 13452): ["Asian Development Bank", "Asian Development Bank"],
        # Reuters' angle brackets around the name past the dateline are no part of it (seed 110000's draw).
        ("reut2-001.sgm", 1748): ["Lacana Mining Corp"],
    }
    # "DETROIT" and "Edmonton" are typed organisations in their datelines: still rivals for "The company" and
    # "the department", which stay unresolved rather than taken for the one other organisation named nearby.
    never = {
        ("reut2-003.sgm", 3936): ("Fermi 2", "The company"),
        ("reut2-007.sgm", 7448): ("Gulf Canada Corp", "the department"),
    }
    nlp, pipe = load_nlp(), Pipeline(["entities.rules", "statements.combined"])
    for (file, newid), speakers in {**expected, **{key: [] for key in never}}.items():
        path = require_shared(CORPUS / "reuters21578" / file)
        stories = read_reuters_sgml(path.read_text(encoding="latin-1"), source_path=str(path))
        article = next(s for s in stories if s.source_path.endswith(f"#NEWID={newid}"))
        assert article.dateline is not None
        result = pipe.analyze(article, nlp(article.text))
        assert isinstance(result, Analysis), result
        opening = article.dateline.span.end
        first = sorted((s for s in result.statements if s.cue_span is not None), key=lambda s: s.cue_span.start)
        assert [s.speaker.name for s in first[: len(speakers)]] == speakers
        assert all(s.speaker.span is None or s.speaker.span.start >= opening for s in result.statements)
        if (file, newid) in never:
            wrong, written = never[file, newid]
            assert wrong not in {s.speaker.name for s in result.statements}
            assert written in {s.speaker.text for s in result.statements}


def test_the_unspoken_cue_verbs_file_is_what_the_wordnet_script_writes() -> None:
    # Generated, not edited by hand: bench/wordnet_cue_verbs.py reproduces it from WordNet 3.0's verb classes.
    module = wordnet_script("wordnet_cue_verbs", needs="data.verb")
    written = (Path(__file__).parents[2] / "src/dateline/data/unspoken_cue_verbs.txt").read_text(encoding="utf-8")
    assert written == module.HEADER + "\n".join(module.unspoken_cue_verbs(WORDNET)) + "\n"
    verbs = set(written.split())
    # Acts first ("offer" possession, "decline" change, "back" social) are listed; communication acts first
    # ("propose", "threaten" has most senses communication) and mental ones ("confirm", "estimate") are not.
    assert {"offer", "decline", "back", "support"} <= verbs
    assert not {"propose", "threaten", "confirm", "estimate", "say", "continue"} & verbs
    # The same script writes the giving verbs and the speech nouns (session 33's mend of v40).
    data = Path(__file__).parents[2] / "src/dateline/data"
    giving = (data / "giving_cue_verbs.txt").read_text(encoding="utf-8")
    assert giving == module.GIVING_HEADER + "\n".join(module.giving_cue_verbs(WORDNET)) + "\n"
    nouns = (data / "speech_nouns.txt").read_text(encoding="utf-8")
    assert nouns == module.SPEECH_NOUNS_HEADER + "\n".join(module.speech_nouns(WORDNET)) + "\n"
    # "offer" hands its object over, "back" acts on it; a remark or advice is said, a bill or a suite is not.
    assert "offer" in giving.split() and "back" not in giving.split()
    assert {"remark", "advice", "condolence", "rebuttal"} <= set(nouns.split())
    assert not {"bill", "suite", "legislation", "deal"} & set(nouns.split())


def test_a_cue_verb_that_names_an_act_is_classed_another_act_without_a_clause() -> None:
    # statements.rules v40 (seed 140000): "declined to comment", "offering bulk deals", "backed tax breaks" name
    # what was done, not what was said: kept (PolNeAR annotates them) but classed "other"; a clause or a
    # quotation beside them is still speech.
    made = analyse("The firm is offering bulk deals to buyers. Jones backed the bill, saying it was fair.\n")
    assert {(s.cue, s.content, s.cue_class) for s in made.statements} == {
        ("offering", "bulk deals to buyers", "other"),
        ("backed", "the bill", "other"),
        ("saying", "it was fair", "speech"),
    }
    # The same verbs reporting a clause or a quotation are speech.
    said = analyse('Jones wrote that the plan would fail. "It is fair," Smith wrote.\n').statements
    assert [s.cue_class for s in said] == ["speech", "speech"]
    # The report it was measured on, where the corpus is present (the lines above run without it).
    path = CORPUS / "bbc-news-greene2006" / "bbc" / "business" / "417.txt"
    if not path.is_file():
        pytest.skip("BBC corpus not present")
    statements = analyse(path.read_text(encoding="latin-1"), "bbc/business/417.txt").statements
    classes = {s.cue_span.text: s.cue_class for s in statements if s.cue_span is not None}
    assert classes.get("declined") == "other" and classes.get("saying") == "speech"


@pytest.mark.parametrize(
    "text",
    [
        # The clause the parse did not hang on "wrote" is still what was written (``cues.subject_clause``;
        # session 33's review, seed 146000: "As conservative health policy analyst Chris Jacobs wrote recently, ...").
        "As conservative analyst Chris Jacobs wrote recently, any Medicaid rollback essentially requires a "
        "Republican president.\n",
        # A particle makes another verb, a speech act here (BBC sport/489: "Safin has ruled out any chance ...").
        "Marat Safin has ruled out any chance of winning Wimbledon in the future.\n",
    ],
)
def test_an_act_verb_with_a_clause_or_a_particle_stays_speech(text: str) -> None:
    statements = analyse(text).statements
    assert [s.cue_class for s in statements] == ["speech"], [(s.cue, s.content) for s in statements]


def test_an_act_verb_that_hands_over_a_speech_noun_stays_speech() -> None:
    # Session 33's mend of v40 (``cues.gives_speech``): "offer" hands its object over (WordNet's verb.possession
    # first), so a speech noun as its object (first sense noun.communication) makes the offer a speech act. The
    # combined check (seed 152000) had these classed "other": AllSides reports outside gold/dev.
    from tests.conftest import CORPUS, require_shared

    for name, cue, said in [
        ("rtZpcX4q3hG3n3Xn", "offered", "her condolences"),
        ("MZ2riSp2CgiC7QER", "offered", "a rebuttal"),
        ("dtJOMDCBUNvI8qQQ", "offering", "brief farewell remarks"),
    ]:
        require_shared(CORPUS / "allsides-article-bias" / "jsons" / f"{name}.json")
        classes = {s.cue_class for s in _allsides(name).statements if s.cue == cue and s.content.startswith(said)}
        assert classes == {"speech"}, (name, cue, said)
    # What was offered that is no communication, and a communication acted on rather than handed over, stay
    # another act.
    made = analyse("The firm is offering bulk deals to buyers. Jones backed the bill on Monday.\n").statements
    assert [(s.cue, s.cue_class) for s in made] == [("offering", "other"), ("backed", "other")]
    # Nothing given ("no apologies") and a giver that cannot speak (a court case) hand over no speech.
    for line in [
        "Trump offered no apologies for his role in the movement.\n",
        "A recent court case in Ohio offers a hint of how the law would work.\n",
    ]:
        assert [s.cue_class for s in analyse(line).statements] == ["other"], line


def test_a_cue_under_a_coordination_inside_a_content_is_part_of_that_content() -> None:
    # Session 34 (``records._coordinated_cue``): only a coordinated cue, not a coordination higher up inside
    # another's content, makes a statement of its own there. Unseen AllSides reports outside gold/dev, of the
    # measuring draw (seed 161000) and the review's (seed 166002); the first four fail on v40.
    from tests.conftest import CORPUS, require_shared

    for name, outer, inner in [
        # "Conservatives say Republicans ... should stand for something, and ... use the ability ... to
        # introduce measures that would both show they can govern"
        ("OmISlhZbV7qPoTh3", ("say", "Conservatives"), [("show", "measures")]),
        # "Kaiser says he knows of 20 people who support either Mr. Rubio or Mr. Cruz but who plan to vote for"
        ("ldWdTRvRko11jf0K", ("says", "Austin Kaiser"), [("vote for", "20 people")]),
        # "a divided Supreme Court ruled that interest groups could raise and spend money freely to run ads
        # defending their positions in elections"
        ("9fzh9uF5kaJYMeAX", ("ruled", "Supreme Court"), [("defending", "ads")]),
        # The review's fresh draw (seed 166002): "Smith ... said he had “serious concerns ...” and that he plans
        # to call Defense Secretary Mark T. Esper and ... Milley to explain Mr. Trump’s policy" (a summons and
        # its purpose, not Smith's statements).
        ("H087NzqT14MVCeTS", ("said", "Adam Smith"), [("call", "Adam Smith"), ("explain", "Adam Smith")]),
    ]:
        require_shared(CORPUS / "allsides-article-bias" / "jsons" / f"{name}.json")
        found = [(s.cue, s.speaker.name) for s in _allsides(name).statements]
        # The statement whose content holds the inner cue is still found: the test cannot pass by the
        # sentence's losing its reading altogether.
        assert outer in found, (name, found)
        assert not [pair for pair in inner if pair in found], (name, found)
    # A participle on a coordinated speaker is that speaker's own turn: "with Republicans saying X, and
    # Democrats arguing that the process was being rushed through" keeps the Democrats' statement.
    require_shared(CORPUS / "allsides-article-bias" / "jsons" / "hM0rQCoQb1l6oBzz.json")
    kept = [s for s in _allsides("hM0rQCoQb1l6oBzz").statements if s.cue == "arguing"]
    assert [(s.speaker.name, s.content) for s in kept] == [("Democrats", "the process was being rushed through")]
    # A verb coordinated with the one a parenthetical cue hangs on is the speaker's own act, and a cue under it
    # a statement of its own: "We must “root out” ISIS, she said, and implicitly criticized Obama when she said
    # it “cannot be contained, it must be defeated.”" (seed 161002).
    require_shared(CORPUS / "allsides-article-bias" / "jsons" / "R0qXaNEfpxFWcblR.json")
    contents = [s.content for s in _allsides("R0qXaNEfpxFWcblR").statements]
    assert "it “cannot be contained, it must be defeated.”" in contents, contents
