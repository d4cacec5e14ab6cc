"""statements.combined / statements.crf: the shipped attribution tagger, its sha256 check, what it adds to
the rules, and that training is deterministic."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from dateline import registry
from dateline.attribution.model import MANIFEST_NAME, MODEL_NAME, SCAN_FIELD, file_sha256, load_tagger, models_dir
from dateline.errors import ConfigError
from dateline.extract.statements import quotes
from dateline.ingest import article_from_text
from dateline.model import Analysis
from dateline.pipeline import Pipeline
from tests.conftest import POLNEAR, polnear_article


def _statements(text: str, extractor: str) -> list[tuple[str, str, str]]:
    result = next(Pipeline(["entities.rules", extractor]).run([article_from_text(text, source_path="t.txt")]))
    assert isinstance(result, Analysis), result
    return [(s.speaker.text, s.cue, s.content) for s in result.statements]


def test_the_shipped_model_loads_and_matches_its_manifest() -> None:
    tagger = load_tagger()
    assert tagger.manifest["sha256"] == file_sha256(models_dir() / MODEL_NAME)
    assert tagger.manifest["articles"] > 500
    # Weights and feature names, never text: a word feature exists only for frequent words.
    assert (models_dir() / MODEL_NAME).stat().st_size < 25 * 2**20


def test_a_tampered_model_fails_its_sha256_check(tmp_path: Path) -> None:
    shutil.copy(models_dir() / MANIFEST_NAME, tmp_path / MANIFEST_NAME)
    data = bytearray((models_dir() / MODEL_NAME).read_bytes())
    data[len(data) // 2] ^= 0xFF
    (tmp_path / MODEL_NAME).write_bytes(bytes(data))
    with pytest.raises(ConfigError, match="E015"):
        load_tagger(tmp_path)


def test_a_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="E014"):
        load_tagger(tmp_path)


def _copy_with_scan(tmp_path: Path, **scan: Any) -> Path:
    """The shipped model in ``tmp_path`` with its manifest's scan record set to ``scan`` (or dropped)."""
    shutil.copy(models_dir() / MODEL_NAME, tmp_path / MODEL_NAME)
    manifest = json.loads((models_dir() / MANIFEST_NAME).read_text(encoding="utf-8"))
    manifest.pop(SCAN_FIELD)
    (tmp_path / MANIFEST_NAME).write_text(json.dumps({**manifest, **scan}), encoding="utf-8")
    return tmp_path


def test_the_shipped_manifest_records_the_scan_the_features_read() -> None:
    assert load_tagger().manifest[SCAN_FIELD] is quotes.TAGGER_MIXED


def test_a_model_trained_on_another_quotation_scan_is_refused(tmp_path: Path) -> None:
    other = _copy_with_scan(tmp_path, **{SCAN_FIELD: not quotes.TAGGER_MIXED})
    with pytest.raises(ConfigError, match=f"E016.*{SCAN_FIELD}={not quotes.TAGGER_MIXED}"):
        load_tagger(other)


def test_a_model_whose_manifest_does_not_record_its_scan_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=f"E016.*{SCAN_FIELD}=None"):
        load_tagger(_copy_with_scan(tmp_path))


def test_a_model_loads_when_the_code_reads_the_scan_it_was_trained_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = _copy_with_scan(tmp_path, **{SCAN_FIELD: not quotes.TAGGER_MIXED})
    monkeypatch.setattr(quotes, "TAGGER_MIXED", not quotes.TAGGER_MIXED)
    assert load_tagger(other).manifest[SCAN_FIELD] is quotes.TAGGER_MIXED


def test_the_combined_extractor_is_the_default_and_the_rules_stay_available() -> None:
    names = [s.qualified for s in registry.resolve()]
    assert "statements.combined.v46" in names
    assert "statements.rules.v42" not in names
    assert registry.resolve(["entities.rules", "statements.rules"])[-1].qualified == "statements.rules.v42"


def test_the_tagger_adds_a_statement_the_rules_miss() -> None:
    text = SENTENCE_THE_RULES_MISS
    assert _statements(text, "statements.rules") == []
    found = _statements(text, "statements.combined")
    assert found, "the tagger should find the attribution"
    speaker, _cue, content = found[0]
    assert "Warren" in speaker
    assert "tax" in content


def test_the_combined_extractor_adds_no_tagged_cue_that_is_no_listed_speech_act() -> None:
    # The tagger learnt PolNeAR's attitudes and acts; the gold guide counts speech and communication acts.
    text = "Elizabeth Warren is confident the tax plan will fail."
    assert _statements(text, "statements.crf"), "the tagger alone tags the attitude"
    assert _statements(text, "statements.combined") == []


@pytest.mark.parametrize(
    "text",
    [
        # A passive cue without a "by" phrase: its subject is not who spoke.
        "The senator is expected to vote on the tax plan this week.",
        "Several former aides have been charged as a result of the probe.",
        # A negated cue: what was not said.
        "A spokesman for Elizabeth Warren did not respond to questions about the tax plan.",
        "Elizabeth Warren didn't say the tax plan would fail.",
    ],
)
def test_passive_and_negated_cues_make_no_statement(text: str) -> None:
    assert _statements(text, "statements.rules") == []
    assert _statements(text, "statements.combined") == []


@pytest.mark.parametrize(
    ("text", "setting"),
    [
        (
            "In a separate appearance before the committee on Tuesday, Senator Mary Clarke issued a similar warning.",
            "In a",
        ),
        ("Shortly after the vote, Governor Tom Reyes tweeted about it.", "Shortly"),
        # An addressee with what it was told about says more: "At the hearing" is no content.
        ("At the hearing, Senator Mary Clarke warned colleagues about the deficit.", "At the hearing"),
        # A phrase after the cue that names no time or place says what: "in the good sense" is what is believed.
        ("Like President Obama, I believe in the good sense of the American people.", "Like President"),
    ],
)
def test_an_adverbial_before_the_cue_is_no_content(text: str, setting: str) -> None:
    # The rules take the fronted adverbial for the content; the combined extractor drops the statement.
    assert any(content.startswith(setting) for _s, _c, content in _statements(text, "statements.rules"))
    assert not any(content.startswith(setting) for _s, _c, content in _statements(text, "statements.combined"))


def test_a_clause_only_verb_with_an_object_reads_no_clause_before_it() -> None:
    # statements.rules v40 (``cues.acts_on_object``): "realized this" acts on its object, so the fronted adverbial
    # is no inverted cue's content; before v40 the rules read "Obviously" and only the combined dropped it.
    text = "Obviously, someone at the campaign realized this quickly."
    assert _statements(text, "statements.rules") == []
    assert _statements(text, "statements.combined") == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('"The bridge must close," Mayor Ann Dole said.', '"The bridge must close,"'),
        # The short part of a split quotation, which the rules mark indirect and the parse reads as a phrase.
        ('"In Ohio," said Mayor Ann Dole, "the bridge is closed."', '"In Ohio,"'),
        # A postposed cue after a clause the parse takes for a noun phrase modifying the cue ("lost" as an
        # adjective): the cue governs nothing after it, so this is no fronted adverbial.
        (
            "Nearly 30 percent of young drivers living in a town earning $30,000 or less lost cars, compared with"
            " 10 percent of the others, state data showed.",
            "Nearly 30 percent of young drivers",
        ),
        # A short answer before a cue that goes on only with a time, a place or an addressee: what was said.
        ("Not at all, aides said Thursday.", "Not at all"),
        ("Certainly, Mayor Ann Dole said on Friday.", "Certainly"),
        ("Within days, the press secretary told reporters at the Capitol.", "Within days"),
    ],
)
def test_a_content_before_its_cue_that_is_no_adverbial_stays(text: str, content: str) -> None:
    assert any(said.startswith(content) for _s, _c, said in _statements(text, "statements.combined"))


def test_a_cue_opening_a_colon_block_keeps_its_statement_with_the_block() -> None:
    # The fronted setting is no content; the block after the colon is (statements.records, support.blocks).
    text = "Harbour plan\n\nIn a long radio interview, Mayor Ann Dole also said:\n\nThe bridge must close before winter."
    assert ("Mayor Ann Dole", "said", "The bridge must close before winter.") in _statements(text, "statements.combined")


def test_a_passive_governor_passes_its_subject_to_the_cue() -> None:
    (statement,) = _statements("Reyes was quoted as saying that the bridge would close.", "statements.combined")
    assert statement[0] == "Reyes" and statement[2] == "the bridge would close"


def test_the_combined_extractor_keeps_the_rules_statements() -> None:
    text = "Senator Elizabeth Warren said on Monday that the tax plan would hurt families."
    rules = _statements(text, "statements.rules")
    assert rules
    assert set(rules) <= set(_statements(text, "statements.combined"))


@pytest.mark.slow
def test_training_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    from dateline.evaluate import polnear
    from dateline.train import attribution

    parsed = list(attribution.parse(polnear.load_split(POLNEAR, "train", limit=6)))
    params = {**attribution.PARAMS, "max_iterations": 20}
    first = attribution.train(parsed, tmp_path / "a", params)
    second = attribution.train(parsed, tmp_path / "b", params)
    assert first == second
    assert (tmp_path / "a" / MODEL_NAME).read_bytes() == (tmp_path / "b" / MODEL_NAME).read_bytes()
    assert (tmp_path / "a" / MANIFEST_NAME).read_bytes() == (tmp_path / "b" / MANIFEST_NAME).read_bytes()
    # The manifest records the scan the features read, which loading checks.
    assert load_tagger(tmp_path / "a").manifest[SCAN_FIELD] is quotes.TAGGER_MIXED


# A belief stated with an adjective: no reporting verb the lexicon lists, so no rule fires.
SENTENCE_THE_RULES_MISS = "Senator Elizabeth Warren made it perfectly clear to everyone that the tax plan will fail."


def test_the_tagger_adds_no_statement_for_a_clause_only_verb_without_a_clause() -> None:
    text = "A federal judge on Tuesday denied a request by the city to dismiss the lawsuit."
    assert [s for s in _statements(text, "statements.combined") if s[1].startswith("denied")] == []


def test_a_tagged_cue_without_a_tagged_source_takes_its_parsed_subject() -> None:
    # PolNeAR train reports where the tagger marks a cue and its content but not the source: the parse's
    # subject of the cue verb (a name) is the speaker.
    comey = polnear_article("usa-today_2016-07-07_with-clinton-fbi-s-bad-rep-grows").statements
    assert any(s.speaker.text == "Comey" and "an error on our part" in s.content for s in comey)
    merkel = polnear_article("wash-post_2016-01-07_germany-targets-a-surge-of-vitri").statements
    assert any("Merkel" in s.speaker.text and "forces of hate" in s.content for s in merkel)


def test_tagging_without_a_floor_skips_the_marginals_and_finds_the_same_statements() -> None:
    from dateline.extract.statements_combined import tagged_statements
    from dateline.nlp import load_nlp

    text = SENTENCE_THE_RULES_MISS
    article = article_from_text(text, source_path="t.txt")
    doc = load_nlp()(text)
    prior = next(Pipeline(["entities.rules"]).run([article]))
    assert isinstance(prior, Analysis)
    # A floor of zero needs no probabilities (every one clears it); a tiny positive floor computes them.
    without = list(tagged_statements(article, doc, [], prior, floor=0.0))
    with_marginals = list(tagged_statements(article, doc, [], prior, floor=1e-9))
    assert without and without == with_marginals


def test_every_combined_statement_has_a_cue_class() -> None:
    text = "Elizabeth Warren said the tax plan will fail. Her aides believe that it cannot pass.\n"
    result = next(Pipeline().run([article_from_text(text, source_path="t.txt")]))
    assert isinstance(result, Analysis), result
    assert {s.cue_class for s in result.statements} <= {"speech", "attitude", "other"}
    assert any(s.cue_class == "speech" for s in result.statements)


def _allsides_combined(name: str) -> list[tuple[str, str]]:
    """The (cue, sentence-opening) pairs of statements.combined on one AllSides report (not a gold/dev one)."""
    from dateline.ingest import iter_documents
    from tests.conftest import CORPUS

    path = CORPUS / "allsides-article-bias" / "jsons" / f"{name}.json"
    result = next(Pipeline(["entities.rules", "statements.combined"]).run(iter_documents([str(path)])))
    assert isinstance(result, Analysis), result
    return [(s.cue, s.speaker.text) for s in result.statements]


@pytest.mark.parametrize(
    ("name", "cue_word"),
    [
        # A phrasal cue verb without its particle: "voted to paint over a mural", "voted against a bill".
        ("SMxkwDzMnDqmiMF3", "vot"),
        ("mXYPqZeh7IL5S3O2", "vot"),
        # A page label the text runs into its first line: "Story highlights ...".
        ("fPgtAxabDDKFBsc2", "highlights"),
        # A decision verb with an infinitive: "How Boehner decides to proceed ...", "... will decide whether to
        # resume ...", "House Democrats continue to block a vote".
        ("4MkeMxtQcQRAAnJ4", "decide"),
        ("VrdnkoPLvZ0TLD1K", "decide"),
        ("96jOIB6D5KmIqP7S", "continue"),
    ],
)
def test_the_combined_extractor_adds_no_tagged_act_that_says_nothing(name: str, cue_word: str) -> None:
    cues = [cue for cue, _speaker in _allsides_combined(name)]
    assert cues, "the report has other statements"
    assert not [cue for cue in cues if cue_word in cue.lower()]


@pytest.mark.parametrize("name", ["fIL1CdQueHrxtLqN", "w2OhpNGpx8Wz1AEL"])
def test_an_absolute_phrase_opening_a_sentence_is_no_tagged_speaker(name: str) -> None:
    # "All told, Ryan's plan would slash $4.6 trillion ...", "All told, 23,589 people were caught ...": a sum,
    # not "All" telling (the rules' ``records.opening_absolute``, now the tagger's too).
    speakers = [speaker for _cue, speaker in _allsides_combined(name)]
    assert speakers, "the report has other statements"
    assert "All" not in speakers


def test_the_tagger_alone_still_tags_those_acts() -> None:
    # What the combined extractor leaves out the tagger finds (PolNeAR counts votes as attributions).
    from dateline.ingest import iter_documents
    from tests.conftest import CORPUS

    path = CORPUS / "allsides-article-bias" / "jsons" / "SMxkwDzMnDqmiMF3.json"
    result = next(Pipeline(["entities.rules", "statements.crf"]).run(iter_documents([str(path)])))
    assert isinstance(result, Analysis), result
    assert any("voted" in s.cue for s in result.statements)


@pytest.mark.parametrize(
    ("name", "cue"),
    [
        # The object of a preposition the lexicon does not pair with the cue verb names a topic, not what was
        # said: "TheBlaze has reported on a bevy of ... tactics", "The Associated Press reported on an array
        # of Schock's business dealings", "Trump tweeted about the Russian leader", "Trump pushed back on a
        # Washington Post story" (``decode.topic_only``).
        ("BovfobtG5gaUtX1X", "has reported on"),
        ("4y1w5cQhwl4L20oI", "reported on an array of"),
        ("MFS4eR1G0N8JVt7n", "tweeted about"),
        ("1uiFolfQdSJkh5bE", "pushed back on"),
    ],
)
def test_the_combined_extractor_adds_no_tagged_topic_of_a_remark(name: str, cue: str) -> None:
    cues = [found for found, _speaker in _allsides_combined(name)]
    assert cues, "the report has other statements"
    assert cue not in cues


def _decoded(text: str, cue: str, content: str) -> list[tuple[str, str]]:
    """The (cue, content) of the statements the decoder makes of ``text``'s one sentence tagged by hand: its
    first token the source, the words ``cue`` the cue and ``content`` the content (listed cues only)."""
    from dateline.attribution.decode import StatementMaker
    from dateline.extract.statements import Quotes, quote_regions
    from dateline.extract.support.speakers import SpeakerResolver
    from dateline.nlp import load_nlp

    article = article_from_text(text, source_path="t.txt", detect_headline=False)
    doc = load_nlp()(article.text)
    quoted = Quotes(article.text, quote_regions(article.text))
    maker = StatementMaker(article, doc, quoted, SpeakerResolver(article.text, ()), True)
    words = [t.text for t in doc]
    labels = ["B-SRC"] + ["O"] * (len(doc) - 1)
    for phrase, role in ((cue.split(), "CUE"), (content.split(), "CON")):
        first = next(i for i in range(len(doc)) if words[i : i + len(phrase)] == phrase)
        for k in range(len(phrase)):
            labels[first + k] = ("B-" if k == 0 else "I-") + role
    return [(s.cue, s.content) for s in maker.sentence(labels, None, 0)]


def test_a_that_clause_after_a_preposition_stays_what_was_said() -> None:
    # "Dayton said Thursday following Franken's resignation that he has not decided on a replacement" (an AllSides
    # report): the tagged content holds the that-clause, so it is no topic; without it, it is one. Tagged by hand:
    # whether the shipped tagger tags that sentence moves with each retraining.
    cue = "said Monday following"
    said = "Walz said Monday following the senator's resignation that he has not chosen a successor."
    content = "the senator 's resignation that he has not chosen a successor"
    assert _decoded(said, cue, content) == [(cue, "the senator's resignation that he has not chosen a successor")]
    assert _decoded("Walz said Monday following the senator's resignation.", cue, "the senator 's resignation") == []


@pytest.mark.parametrize(
    "text",
    [
        # A listed phrasal cue whose particle names only a topic, its noun phrase tagged as the content or the
        # whole prepositional phrase (``content.names_topic``, as for the rules).
        "Chris Gacek of the Family Research Council spoke on Monday, referring to the landmark 1973 decision.\n",
        "Twitter users quickly reacted to Bush's comment.\n",
        "Trump was apparently reacting to old rumors of voting-machine irregularities.\n",
    ],
)
def test_the_tagger_makes_no_statement_of_a_listed_cues_topic(text: str) -> None:
    assert _statements(text, "statements.combined") == []


def test_no_statement_comes_from_a_line_in_capitals() -> None:
    # A linked story's headline between paragraphs ("SCHIFF SAYS WE 'WILL NOT ...'"): neither the rules nor
    # the tagger make it a statement; the report's other statements stay.
    text = "The hearing ended on Monday.\n\nSCHIFF SAYS WHISTLEBLOWER WILL TESTIFY SOON\n\nThe committee met again.\n"
    assert _statements(text, "statements.combined") == []
    found = _allsides_combined("sGYwuGlvqi1ZTrj3")
    assert len(found) > 20
    assert not [cue for cue, speaker in found if not any(c.islower() for c in cue + speaker)]


def test_no_statement_comes_from_a_headline_line_without_closing_punctuation() -> None:
    text = "The talks ended.\nReport: Trump warns of a major conflict with North Korea\nThe senator said they failed.\n"
    assert [cue for _speaker, cue, _content in _statements(text, "statements.combined")] == ["said"]


def test_the_tagger_adds_a_second_statement_beside_the_rules_when_its_content_is_a_clause() -> None:
    # The rules find the "called" statement and miss the coordinated "said", whose content is a clause the
    # cue governs; the tagger, asked in a sentence the rules already spoke for, adds it.
    text = (
        "The shadow finance minister called the budget “timid, it’s too small, it doesn’t help anyone”, and "
        "said the chancellor “ignores the country” in a very risky way."
    )
    assert [cue for _speaker, cue, _content in _statements(text, "statements.rules")] == ["called"]
    added = [s for s in _statements(text, "statements.combined") if s[1] == "said"]
    assert added == [
        ("The shadow finance minister", "said", "the chancellor “ignores the country” in a very risky way")
    ]


@pytest.mark.parametrize(
    ("text", "act"),
    [
        # Beside a rule statement the tagger also marks acts and their objects, which say nothing
        # (``decode.StatementMaker.complement_or_quotation``).
        (
            "Mayor Tom Baker declared, “There are a lot of people up there making a lot of money,” when a county "
            "judge ruled against the city on all counts.",
            "ruled against",
        ),
        (
            "Tom Baker, a spokesman for the union, strongly pushed back against Smith’s comments on Monday, saying "
            "he doesn’t represent the union.",
            "strongly pushed back against",
        ),
        # The parse hangs the topic's clause on the cue: the tagged content has two heads, no one clause.
        (
            "Jones also pushed back against Brown's frequent complaint that his team doesn't train enough in "
            'winter, saying: "The team works hard every day."',
            "also pushed back against",
        ),
        # "self-described" is a modifier, not Baker describing: a cue that modifies a noun reports nothing (the
        # tagger trained on features v3 takes "A self-" as its source, before the cue, so source order alone
        # does not refuse it).
        (
            "A self-described “proud, pro-union Democrat,” Tom Baker said he spent much of the summer answering "
            "questions from voters.",
            "described",
        ),
    ],
)
def test_beside_the_rules_the_tagger_adds_no_act_whose_content_is_no_clause(text: str, act: str) -> None:
    assert act in [cue for _speaker, cue, _content in _statements(text, "statements.crf")], "the tagger marks it"
    combined = _statements(text, "statements.combined")
    assert combined, "the rules' statement stays"
    assert act not in [cue for _speaker, cue, _content in combined]


@pytest.mark.parametrize(
    "text",
    [
        "The harbour crisis showed that the council had never planned for a flood.",
        "Mayor Ellen Ward's victory shows that voters wanted a new harbour plan.",
    ],
)
def test_the_tagger_takes_no_noun_that_cannot_speak_as_a_source(text: str) -> None:
    # decode.no_speaker reads cues.unspeaking, whose mute nouns (WordNet's events, states, feelings ...) name
    # nobody; the rules refuse the same subject, so neither adds the statement.
    assert _statements(text, "statements.crf") == []
    assert _statements(text, "statements.combined") == []


def test_the_combined_speaker_of_who_after_an_appositive_is_the_name_it_describes() -> None:
    text = "Meghan Ward, the daughter of Senator Tom Ward, who said on Monday that the harbour would close, left."
    speakers = [speaker for speaker, _cue, _content in _statements(text, "statements.combined")]
    assert speakers == ["Meghan Ward, the daughter of Senator Tom Ward"]


def test_a_tagged_statement_across_a_cue_with_a_mute_subject_is_none() -> None:
    # The setback raised the doubts: no statement of the rules, and "investors" + "doubts about" none either.
    text = (
        "Harbour bonds fell after the fresh setback to the repair bill raised investors’ doubts about "
        "the mayor’s ability to fund the new pier.\n"
    )
    assert _statements(text, "statements.combined") == []


def test_a_tagged_cue_never_opens_with_a_possessive_mark() -> None:
    text = (
        "For instance, Ward's point about how it's unwise to exaggerate the dangers of flooding or to imply "
        "that she is secretly working for the developers? Baker did just that.\n"
    )
    assert [(speaker, cue) for speaker, cue, _ in _statements(text, "statements.combined")] == [
        ("Ward", "point about")
    ]


@pytest.mark.parametrize("extractor", ["statements.rules", "statements.combined"])
def test_what_someone_might_say_is_no_statement_and_what_they_say_is(extractor: str) -> None:
    # A cue under a modal has not been said (``cues.hypothetical_cue``); the same cue without one has.
    said = _statements("Critics argue that the plan is a giveaway to the rich.", extractor)
    assert [cue for _speaker, cue, _content in said] == ["argue"]
    assert _statements("Some might argue that the plan is a giveaway to the rich.", extractor) == []
    assert _statements("Critics will claim that the plan is a giveaway to the rich.", extractor) == []


@pytest.mark.parametrize("extractor", ["statements.rules", "statements.combined"])
def test_a_statement_reported_inside_what_someone_might_say_is_none_either(extractor: str) -> None:
    # The rules mute what a hypothetical statement's content reports; the tagger's copy of the inner statement
    # must not come back through the combined extractor (final read of session 29: it did).
    text = "Some critics might argue that Senator Smith said the plan was a failure from the start."
    assert _statements(text, extractor) == []
    text = "Trump will likely conclude that Democrats claimed the election was stolen from them."
    assert _statements(text, extractor) == []
    # Said, not might be: both statements stand.
    said = _statements("Critics argue that Senator Smith said the plan was a failure from the start.", extractor)
    assert "argue" in [cue for _speaker, cue, _content in said]


@pytest.mark.parametrize("extractor", ["statements.rules", "statements.combined"])
def test_the_modal_must_stand_on_the_cue_not_in_the_content(extractor: str) -> None:
    # "He said he will resign" is a statement made about the future; "may have said" was perhaps never said.
    for text in ("Smith said he will resign from the board next month.", "Smith said that voters could decide it."):
        assert [cue for _speaker, cue, _content in _statements(text, extractor)] == ["said"], text
    assert _statements("Jones may have said that the deal was dead.", extractor) == []


@pytest.mark.parametrize(
    ("text", "cue", "hypothetical"),
    [
        # The tagger's cue may begin at an auxiliary: the modal hangs on the verb it serves, not on "have".
        ("Jones may have confirmed that the deal was dead.", "have confirmed", True),
        ("Jones may have confirmed that the deal was dead.", "confirmed", True),
        ("Jones has confirmed that the deal was dead.", "has confirmed", False),
        # "Would" narrates what happened, in the cue or on its verb.
        ("Jones would later confirm that the deal was dead.", "would later confirm", False),
        ("Jones must press for a vote on the deal.", "must press for", True),
    ],
)
def test_a_tagged_cue_stands_under_a_modal_whatever_word_it_begins_at(text: str, cue: str, hypothetical: bool) -> None:
    from dateline.extract.statements.cues import hypothetical_words
    from dateline.nlp import load_nlp

    doc = load_nlp()(text)
    start = text.index(cue)
    words = doc.char_span(start, start + len(cue))
    assert words is not None
    assert hypothetical_words(words) is hypothetical


def test_a_verb_of_another_form_does_not_share_its_neighbours_modal() -> None:
    # The parse hangs "suggested" on "declare", under "would"; a modal governs only a base form, so the
    # suggestion was made (PolNeAR dev's text).
    text = (
        "British Prime Minister Theresa May said this week that the country would formally declare its intention "
        "to break with the E.U. by the end of March and suggested that it would withdraw from the single market."
    )
    cues = [cue for _speaker, cue, _content in _statements(text, "statements.combined")]
    assert "suggested" in cues


@pytest.mark.parametrize(
    ("name", "cue", "speaker"),
    [
        # "Some might argue that it doesn't matter ...", "Then each delegate can vote for whomever they want.",
        # "He will claim that he has honored his predictions ...", "the party's base might press for a debate".
        ("dCOoxfMAg7bpDU0h", "argue", "Some"),
        ("mvn1lqvkZeACBqpp", "vote for", "each delegate"),
        ("kOacPQOKma6dsClu", "claim", "He"),
        ("2pzFQnzguECD3geJ", "press for", "the party's base"),
    ],
)
def test_a_cue_under_a_modal_in_a_report_is_no_statement(name: str, cue: str, speaker: str) -> None:
    said = _allsides_combined(name)
    assert said, "the report has other statements"
    assert (cue, speaker) not in said


@pytest.mark.parametrize(
    ("name", "cue"),
    [
        # A quotation is words said, whatever the modal: '"Why are you friends with her?" he would demand'.
        ("FnDLqd8BsPXepzQm", "demand"),
        # "Would" also narrates what happened: "At Patel's trial, the doctor would estimate the fetus was ...".
        ("QYF6oiTv8oZhLdr9", "estimate"),
    ],
)
def test_a_quotation_or_a_narrating_would_keeps_its_statement(name: str, cue: str) -> None:
    assert cue in [c for c, _speaker in _allsides_combined(name)]


def test_the_header_line_is_the_title_with_a_deck_or_caption_and_never_a_run_on_lede() -> None:
    from dateline.extract.statements.cues import header_end

    title = "Cheney: 'I'd do it again in a minute'"
    text = f"{title} He says the CIA's actions did not amount to torture.\n\nFormer Vice President Dick Cheney said ..."
    assert header_end(text, title) == text.index("\n")
    captioned = f"Cheney spoke on Sunday, his aides said. | AP Photo {title}\n\nBody."
    assert header_end(captioned, title) == captioned.index("\n")
    # A title the lede runs on from is the lede's words; a title on a later line, or none, marks no header.
    lede = "The news cycle has grown more powerful off of audiences, experts said.\n\nMore."
    assert header_end(lede, "The news cycle has grown more powerful") == 0
    assert header_end(f"Body, he said.\n\n{title} He says so.", title) == 0
    assert header_end(text, None) == 0
    # A text of one line has no body under a header: the title and the lede share it, and nothing is cut.
    assert header_end(f"{title} He says the CIA's actions did not amount to torture.", title) == 0
    assert header_end(text, "Cheney speaks") == 0


@pytest.mark.parametrize(
    ("name", "content"),
    [
        # Title, then deck: "Cheney: 'I'd do it again in a minute' He says the CIA’s actions did not amount to ...".
        ("gXTD46ceJFmRZprw", "the CIA’s actions did not amount to torture"),
        # A teaser, the photo credit, then the title: "The move could come as soon as Friday, sources said. | AP,
        # Reuters Photos Hill gets Obamacare fix".
        ("oYSCZqSjCvpqZomD", "The move could come as soon as Friday"),
    ],
)
def test_no_statement_comes_from_the_header_line_around_the_title(name: str, content: str) -> None:
    from dateline.ingest import iter_documents
    from tests.conftest import CORPUS

    path = CORPUS / "allsides-article-bias" / "jsons" / f"{name}.json"
    result = next(Pipeline(["entities.rules", "statements.combined"]).run(iter_documents([str(path)])))
    assert isinstance(result, Analysis), result
    assert result.statements, "the report has other statements"
    assert content in result.article.text
    assert not [s for s in result.statements if content in s.content]
