"""dateline_entity_fixer: corrected doc.ents and parsed offices on the real samples."""

from __future__ import annotations

from dateline.nlp import load_nlp
from dateline.nlp.components import COMPONENT
from dateline.nlp.offices import Office, lexicon
from tests.conftest import SAMPLES


def test_component_runs_after_ner() -> None:
    names = load_nlp().pipe_names
    assert names.index(COMPONENT) > names.index("ner")


def test_component_declares_what_it_assigns() -> None:
    assigns = load_nlp().get_pipe_meta(COMPONENT).assigns
    assert {"doc.ents", "doc._.offices", "doc._.nested_places", "doc._.model_ents"} <= set(assigns)


def test_sample_ents_and_offices() -> None:
    text = (SAMPLES / "000_203792c8ef24aec9.txt").read_text(encoding="utf-8").strip()
    doc = load_nlp()(text)
    ents = {(e.text, e.label_) for e in doc.ents}
    assert {
        ("Khazar Farhadov", "PERSON"),
        ("Milli Majlis", "ORG"),
        ("News.Az", "ORG"),
        ("Leyla Aliyeva", "PERSON"),
    } <= ents
    assert ("Farhadov", "PERSON") in ents and ("Farhadov", "ORG") not in ents
    offices = [Office(*row) for row in doc._.offices]
    assert ("Ambassador", "Azerbaijan", "Pakistan") in [(o.title, o.of, o.to) for o in offices]
    nested = [doc[s:e].text for s, e in doc._.nested_places]
    assert "Islamabad" in nested


def test_lexicon_countries_and_demonyms() -> None:
    lex = lexicon()
    assert lex.country("Azerbaijan") == "Azerbaijan"
    assert lex.demonym("Azerbaijanis") == "Azerbaijan"
    assert lex.country("Farhadov") is None


def test_a_title_word_that_opens_a_company_name_stays_in_it() -> None:
    doc = load_nlp()("The Pentagon awarded a contract to General Dynamics Corp on Monday.")
    assert ("General Dynamics Corp", "ORG") in {(e.text, e.label_) for e in doc.ents}


def test_a_body_named_by_its_subject_runs_on_through_on() -> None:
    doc = load_nlp()(
        "Maria Lopez, a fellow at the Council on Global Water Policy, testified on Monday. "
        "The Committee on Tuesday approved the measure, and the Select Committee on Housing and Transport "
        "Reform met in Denver."
    )
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Council on Global Water Policy", "ORG") in ents
    assert ("Select Committee on Housing and Transport Reform", "ORG") in ents
    # A day after "on" is when the body acted, not its subject.
    assert not any(text.startswith("Committee on Tuesday") for text, _ in ents)


def test_an_honorific_without_a_full_stop_is_no_part_of_the_name() -> None:
    # British style writes "Mr Hale" with no stop; the model kept "Mr" in the name, so it was a second person.
    nlp = load_nlp()
    for text, surname in (
        (
            "Trent Walsh has resigned. The committee opened an inquiry into allegations against Mr Walsh. Mr Walsh said no.",
            "Walsh",
        ),
        ("Ann Fryer spoke. Ms Fryer said the plan was sound.", "Fryer"),
    ):
        ents = [(e.text, e.label_) for e in nlp(text).ents]
        assert not any(name.startswith(("Mr", "Ms")) for name, _ in ents), ents
        assert (surname, "PERSON") in ents, ents


def test_a_name_that_opens_with_another_honorific_keeps_it() -> None:
    # Only "Mr", "Mrs", "Ms", "Mx" were counted: "Dr Pepper" is a company, "Lady Gaga" a stage name. ("Lord & Taylor"
    # is no case: the model tags "Taylor" alone, with or without the rule.)
    nlp = load_nlp()
    for text in (
        "Dr Pepper said on Tuesday it would raise prices.",
        "Lady Gaga performed at the inauguration.",
    ):
        ents = [(e.text, e.label_) for e in nlp(text).ents]
        assert not any(name in {"Pepper", "Gaga"} for name, _ in ents), ents


def test_a_name_starting_inside_a_relatives_noun_is_the_words_after_it() -> None:
    ents = [(e.text, e.label_) for e in load_nlp()("First Lady Melania Trump visited the hospital on Monday.").ents]
    assert ("Melania Trump", "PERSON") in ents, ents


def test_an_entity_of_only_an_article_at_the_end_is_dropped() -> None:
    from dateline.nlp.components import _normalise
    from dateline.nlp.offices import lexicon

    assert _normalise(load_nlp()("He said the"), 2, 3, "ORG", lexicon()) == []
