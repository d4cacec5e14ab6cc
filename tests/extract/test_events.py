"""events.rules.v8 on the sample reports against their gold events (GOLD-FORMAT.md matching rule)."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

from dateline.extract.events import extract_events, lexicon
from dateline.extract.places import extract_places
from dateline.ingest import article_from_text
from dateline.model import Analysis, Article, Event, Span, Speaker, Statement
from dateline.nlp import load_nlp
from tests.conftest import GOLD, SAMPLES, WORDNET, wordnet_script


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").casefold()
    return " ".join(text.removeprefix("the ").split())


def _gold(path: Path) -> dict[str, Any]:
    return yaml.safe_load((GOLD / path.name.replace(".txt", ".gold.yaml")).read_text("utf-8"))


def _names(gold: dict[str, Any], name: str) -> set[str]:
    """A gold actor's name and its entity aliases."""
    for entity in gold["entities"]:
        if entity["name"] == name:
            return {_norm(n) for n in [name, *entity.get("aliases", [])]}
    return {_norm(name)}


def _actor_match(gold: dict[str, Any], item: dict[str, Any], event: Event) -> bool:
    if not item["actors"]:
        return True
    predicted = {_norm(a.entity or a.text) for a in event.actors} | {_norm(a.text) for a in event.actors}
    return any(_names(gold, g) & predicted or any(_norm(g) in p for p in predicted) for g in item["actors"])


def _trigger_match(item: dict[str, Any], event: Event, text: str) -> bool:
    trigger = _norm(item["trigger"])
    return trigger in _norm(event.trigger) or _norm(event.trigger) in trigger


def _analyse(path: Path, statements: tuple[Statement, ...] = ()) -> tuple[str, list[Event]]:
    article = article_from_text(path.read_text("utf-8"), source_path=str(path))
    doc = load_nlp()(article.text)
    places = tuple(extract_places(article, doc, prior=Analysis(article)))
    statements = tuple(Statement(**{**s.__dict__, "article_id": article.id, "id": ""}) for s in statements)
    return article.text, list(extract_events(article, doc, prior=Analysis(article, places + statements)))


def _score() -> tuple[float, float]:
    matched = gold_n = predicted_n = typed = typed_ok = 0
    for path in sorted(SAMPLES.glob("*.txt")):
        gold = _gold(path)
        text, events = _analyse(path)
        unused = list(events)
        optional_hits = 0
        for item in gold["events"]:
            hit = next((e for e in unused if _trigger_match(item, e, text) and _actor_match(gold, item, e)), None)
            if hit is not None:
                unused.remove(hit)
            if item.get("optional"):
                optional_hits += hit is not None
                continue
            gold_n += 1
            if hit is not None:
                matched += 1
                accepted = item["type"] if isinstance(item["type"], list) else [item["type"]]
                typed += 1
                typed_ok += hit.type in accepted
        predicted_n += len(events) - optional_hits
    precision, recall = matched / predicted_n, matched / gold_n
    return 2 * precision * recall / (precision + recall), typed_ok / typed


def test_sample_events_reach_f1_and_type_accuracy() -> None:
    f1, type_accuracy = _score()
    assert f1 >= 0.7
    assert type_accuracy >= 0.8


def test_negated_recognition_is_reject_with_countries() -> None:
    path = sorted(SAMPLES.glob("*.txt"))[1]
    _text, events = _analyse(path)
    negated = [e for e in events if e.negated]
    assert negated, "the sample's 'does not recognize' must give a negated event"
    event = negated[0]
    assert event.type == "REJECT" and event.lemma == "recognize"
    assert [a.country for a in event.actors] == ["PAK"] and [t.country for t in event.targets] == ["ARM"]


def test_actors_resolve_to_country_and_sector() -> None:
    path = sorted(SAMPLES.glob("*.txt"))[0]
    _text, events = _analyse(path)
    actors = {(a.country, a.sector) for e in events for a in e.actors}
    assert ("AZE", "GOV") in actors  # "Azerbaijan's Embassy"
    assert ("ARM", "MIL") in actors  # "Armenia's armed forces"
    occupied = next(e for e in events if e.lemma == "occupy")
    assert occupied.type == "COERCE" and occupied.place == "Khojaly"


def test_event_inside_a_statement_is_attributed_to_its_speaker() -> None:
    path = sorted(SAMPLES.glob("*.txt"))[1]
    text = path.read_text("utf-8")
    article = article_from_text(text, source_path=str(path))
    cue = article.text.index("also said that Pakistan")
    content_start = article.text.index("Pakistan does not recognize")
    content_end = article.text.index(" due to its aggressive")
    statement = Statement(
        article_id=article.id,
        spans=(Span.of(article.text, cue, content_end),),
        extractor="statements.test.v1",
        speaker=Speaker(text="He", entity="Muhammad Talha Mahmud"),
        cue="said",
        content=article.text[content_start:content_end],
        content_span=Span.of(article.text, content_start, content_end),
    )
    _text, events = _analyse(path, (statement,))
    recognize = next(e for e in events if e.lemma == "recognize" and e.negated)
    assert recognize.attributed_to == Statement(**{**statement.__dict__, "id": ""}).id
    assert recognize.attributed_speaker == "Muhammad Talha Mahmud"


def test_reporting_verbs_are_not_events() -> None:
    for path in sorted(SAMPLES.glob("*.txt")):
        _text, events = _analyse(path)
        assert not {e.lemma for e in events} & {"say", "note", "stress", "tell", "point"}


def _sentence_events(text: str) -> list[Event]:
    article = Article(id=Article.make_id(text), text=text, source_path="t", content_hash="")
    return list(extract_events(article, load_nlp()(text), prior=Analysis(article)))


def _types(text: str) -> set[str | None]:
    return {e.type for e in _sentence_events(text)}


def test_a_reporting_verb_with_an_event_noun_does_that_event() -> None:
    assert "SANCTION" in _types("The government announced a suspension of flights to the island.")


def test_event_nouns_sit_in_compounds_and_of_complements() -> None:
    assert "AID" in _types("The agency gave the province two million dollars of aid.")
    assert "CONSULT" in _types("The envoy launched a mediation effort between the two parties.")


def test_an_adjectival_intention_finds_its_subject() -> None:
    events = _sentence_events("The rebels are willing to release the hostages.")
    release = next(e for e in events if e.lemma == "release")
    assert release.type == "AGREE" and [a.text for a in release.actors] == ["rebels"]


def test_a_reported_obligation_is_a_request_whatever_the_verb() -> None:
    assert _types("The minister said the company must return the land.") == {"REQUEST"}


def test_a_trigger_noun_before_its_light_verb_gives_a_valid_span() -> None:
    # Real reports where the trigger's noun stands before its verb: once a failure (start after end).
    from dateline.ingest import iter_documents
    from dateline.pipeline import Pipeline
    from tests.conftest import CORPUS

    folder = CORPUS / "allsides-article-bias" / "jsons"
    paths = [str(folder / f"{name}.json") for name in ("1NgNNjJyfeT1pq9o", "TKYBmQeghO9D3CtY")]
    results = list(Pipeline().run(iter_documents(paths)))
    assert len(results) == 2
    for result in results:
        assert isinstance(result, Analysis), result
        assert all(e.spans[0].text == e.trigger for e in result.events)


def test_a_thing_is_no_actor() -> None:
    # "the policy allows": no one acts, no event; the same verb with a person as subject is one.
    assert _sentence_events("The new policy allows foreign workers into the country.") == []
    assert _sentence_events("You agree to our privacy policy.") == []
    assert [e.lemma for e in _sentence_events("The governor allowed foreign workers into the state.")] == ["allow"]


def test_an_agentive_noun_or_a_named_group_can_act() -> None:
    events = _sentence_events("The gunman opened fire on the worshippers.")
    assert [a.text for e in events for a in e.actors] == ["gunman"]
    assert _sentence_events("Thousands of Iraqi Kurds demonstrated in Kirkuk on Sunday.")


def test_a_violent_deed_may_be_its_own_actor() -> None:
    assert "ASSAULT" in _types("A roadside bombing near the town killed one soldier.")


def test_a_relative_pronoun_actor_is_its_antecedent() -> None:
    events = _sentence_events("The protesters met the mayor, who rejected their demands.")
    rejected = next(e for e in events if e.lemma == "reject")
    assert [a.text for a in rejected.actors] == ["mayor"]


def test_a_by_phrase_beside_an_active_subject_is_no_agent() -> None:
    events = _sentence_events("President Bashir on Thursday shortened by one hour the nightly curfew in Sudan.")
    assert [a.text for e in events for a in e.actors] == ["President Bashir"]


def test_ents_within_matches_spacy_span_ents() -> None:
    # Actors read a phrase's entities from the tokens' tags; it must be what Span.ents gives, without
    # walking the whole document's entities each time (long articles were quadratic).
    from dateline.extract.support.actors import ents_within
    from dateline.nlp import load_nlp

    doc = load_nlp()(
        "Azerbaijan's Ambassador to Pakistan Khazar Farhadov met officials of the United Nations in Islamabad, "
        "and President Donald Trump of the United States called Prime Minister Imran Khan on Monday."
    )
    for start in range(len(doc)):
        for end in range(start + 1, min(len(doc), start + 9) + 1):
            span = doc[start:end]
            assert [(e.start, e.end, e.label_) for e in ents_within(span)] == [
                (e.start, e.end, e.label_) for e in span.ents
            ]


def test_a_complement_of_another_trigger_is_part_of_its_event() -> None:
    # One event per predicate: what is urged or refused is not done.
    assert _types("The minister urged the rebels to release the hostages.") == {"REQUEST"}
    assert _types("The ministry refused to discuss the talks.") == {"REJECT"}
    # A complement of a verb that is no event stays an event of its own.
    assert "SANCTION" in _types("The government moved on Sunday to expel the ambassador.")


def test_a_request_needs_someone_asked_or_something_demanded() -> None:
    assert _sentence_events("The anchor asked about the talks.") == []
    assert "REQUEST" not in _types("The department sought for a second day to avoid a quarrel.")
    assert "REQUEST" not in _types("The anchor asked whether relations had worsened.")
    assert _types("The ministry demanded that the company return the land.") == {"REQUEST"}
    assert _types("The governor asked the ministry for funds.") == {"REQUEST"}
    assert _types("The government asked for an emergency loan.") == {"REQUEST"}


def test_an_agreement_is_to_act_or_with_someone() -> None:
    assert "AGREE" not in _types("The banker agreed, telling reporters that the recovery would be slow.")
    assert "AGREE" in _types("The rebels agreed to release the hostages.")


def test_a_possible_action_is_no_event() -> None:
    assert _sentence_events("The officials who could discuss the matter were unavailable.") == []


def test_a_typed_verb_used_as_a_noun_carries_its_type() -> None:
    assert "SANCTION" in _types("The government declared a freeze on new trade deals.")


def test_a_lawsuit_is_an_accusation() -> None:
    assert "ACCUSE" in _types("A coalition of advocates filed a lawsuit against the governor on Thursday.")


def test_an_occurrence_reported_again_is_one_event_with_each_mention() -> None:
    text = "The president signed the order on Tuesday. Later the president signed the order in Ohio."
    signs = [e for e in _sentence_events(text) if e.lemma == "sign"]
    assert len(signs) == 1 and [s.text for s in signs[0].spans] == ["signed", "signed"]
    # The shared object decides: signing the order and signing the bill are two events.
    text = "The president signed the order on Tuesday. The president signed the bill on Friday."
    assert len(_sentence_events(text)) == 2


def _pipeline_events(text: str) -> list[Event]:
    """Events with the pipeline's entities and statements as prior (pronouns need their antecedents)."""
    from dateline.pipeline import Pipeline

    article = Article(id=Article.make_id(text), text=text, source_path="t", content_hash="")
    analysis = Pipeline().analyze(article, load_nlp()(text))
    assert isinstance(analysis, Analysis)
    return list(analysis.events)


def test_a_standing_rule_in_the_simple_present_is_no_event() -> None:
    assert "CONCEDE" not in _types("The governor praised the program, which allows young migrants to work.")
    assert "CONCEDE" in _types("The governor allowed young migrants to work.")


def test_a_pronoun_actor_is_named_by_its_antecedent_or_dropped() -> None:
    text = "Senator Maria Lopez arrived in Denver on Monday. She accused the agency of fraud."
    accuse = next(e for e in _pipeline_events(text) if e.type == "ACCUSE")
    assert [a.entity for a in accuse.actors] == ["Maria Lopez"]
    # No one before it to stand for: an action by nobody the reader can name is no event.
    assert _sentence_events("She accused the agency of fraud.") == []


def test_they_agrees_in_number_with_its_antecedent() -> None:
    # v66: a plural description that is a clause's subject in the pronoun's sentence, after any name "they" can
    # stand for, is what it stands for; one person named alone is no such name ("they" read as Obama before).
    text = "When American voters re-elected President Barack Obama, they also rejected the tax plan."
    assert [a.text for a in _event_of(text, "REJECT").actors] == ["American voters"]
    past_person = "Local prosecutors met Senator Maria Lopez on Monday, and afterwards they arrested two men."
    assert [a.text for a in _event_of(past_person, "COERCE").actors] == ["Local prosecutors"]
    # A collective noun with plural members ("a group of leaders") is plural.
    group = "A group of Yoruba leaders announced that they are willing to forgive President Olusegun Obasanjo."
    assert [a.text for a in _event_of(group, "AGREE").actors] == ["group of Yoruba leaders"]
    # A town is no antecedent of "they" either (a country is: the next test).
    town = "Local prosecutors met officials in Denver on Monday, and afterwards they arrested two men."
    assert [a.text for a in _event_of(town, "COERCE").actors] == ["Local prosecutors"]
    # With no description, the nearest name stays, as before (one of a pair at least).
    pair = "Senator Maria Lopez and Governor John Smith spoke on Monday, and afterwards they arrested two men."
    assert [a.entity for a in _event_of(pair, "COERCE").actors] == ["John Smith"]
    # A description whose own clause holds the pronoun is not what it stands for, nor one of a sentence before.
    held = "Senator Maria Lopez and Governor John Smith spoke on Monday. "
    held += "Police officers, whom they had arrested, resigned."
    assert [a.entity for a in _event_of(held, "COERCE").actors] == ["John Smith"]
    before = "Local prosecutors spoke on Monday. Afterwards Senator Maria Lopez said they arrested two men."
    assert [a.entity for a in _event_of(before, "COERCE").actors] == ["Maria Lopez"]


def test_a_name_they_agrees_with_stops_the_search_for_a_plural_description() -> None:
    # Review of v66: a country, names conjoined and a plural name are each a name "they" can stand for, so the
    # description before them is not read (the nearest name stays, as before v66).
    said = "Local prosecutors met {} on Monday, and afterwards they arrested two men."
    for named, entity in (
        ("officials from France", "France"),
        ("Senator Maria Lopez and Governor John Smith", "John Smith"),
        ("the McCloskeys", "McCloskeys"),
    ):
        assert [a.entity for a in _event_of(said.format(named), "COERCE").actors] == [entity]


def test_they_takes_up_the_nearest_plural_subject_or_none() -> None:
    # Review of v66 (seed 156004): a plural subject that names no doer ("deficit hawks") stops the search; the
    # supporters of the clause before are not what "they" stands for.
    text = "Many supporters of the bill say it helps, but deficit hawks such as Sen. Bob Corker have said they will "
    text += "reject the plan."
    assert [a.text for a in _event_of(text, "REJECT").actors] == ["they"]
    # One person of a group ("a member of") is no plural, as a group of them is.
    member = "A member of the unions told Senator Maria Lopez that they would reject the plan."
    assert [a.entity for a in _event_of(member, "REJECT").actors] == ["Maria Lopez"]
    group = "A group of union leaders told Senator Maria Lopez that they would reject the plan."
    assert [a.text for a in _event_of(group, "REJECT").actors] == ["group of union leaders"]


def test_a_pronoun_inside_a_quotation_is_not_named_from_the_report() -> None:
    text = 'Senator Maria Lopez spoke in Denver on Monday. "He threatened our family," Lopez said.'
    assert "THREATEN" not in {e.type for e in _pipeline_events(text)}


def test_an_action_inside_a_direct_quotation_is_the_speakers_words() -> None:
    quoted = 'Senator Maria Lopez spoke in Denver on Monday. "The army attacked our town," Lopez said.'
    assert "ASSAULT" not in {e.type for e in _pipeline_events(quoted)}
    retold = "Senator Maria Lopez spoke in Denver on Monday. Lopez said the army attacked the town."
    assert "ASSAULT" in {e.type for e in _pipeline_events(retold)}


def test_a_particle_the_parse_calls_an_adverb_still_makes_the_phrasal_verb() -> None:
    assert _types("The government is pushing back against further pension cuts.") == {"REJECT"}
    assert _types("The city council is backing down after the lawsuit.") == {"CONCEDE"}


def _countries(text: str, kind: str) -> tuple[set[str | None], set[str | None]]:
    """Source and target countries of the event of type ``kind`` in ``text``."""
    event = next(e for e in _pipeline_events(text) if e.type == kind)
    return {a.country for a in event.actors}, {a.country for a in event.targets}


def test_a_seat_of_power_or_a_capital_stands_for_its_state() -> None:
    assert _countries("The Kremlin accused the mayor of fraud on Monday.", "ACCUSE")[0] == {"RUS"}
    assert _countries("Downing Street rejected the plan of the mayor on Monday.", "REJECT")[0] == {"GBR"}
    # Capitals come from the gazetteer's country data, not a list of our own.
    assert _countries("Nairobi accused the mayor of fraud on Monday.", "ACCUSE")[0] == {"KEN"}


def test_a_capitals_older_english_name_stands_for_its_state() -> None:
    # Before countries.yaml's capital_names, "Kiev" named no country and the actor took the sentence's other one.
    assert _countries("Kiev accused Moscow of arming the separatists.", "ACCUSE") == ({"UKR"}, {"RUS"})
    assert _countries("Peking criticised Washington over its arms sales.", "ACCUSE") == ({"CHN"}, {"USA"})


def _event_of(text: str, kind: str) -> Event:
    return next(e for e in _pipeline_events(text) if e.type == kind)


def test_a_party_state_tag_places_the_person_not_the_event() -> None:
    # The state in a lawmaker's tag says whom she represents: before events.rules v37 it was the event's place
    # ("Kansas") and every country-less noun of the clause took its country.
    accused = _event_of("Sen. Jane Roe (R-Kan.) accused the agency of hiding the report.", "ACCUSE")
    assert accused.place is None
    assert {a.country for a in accused.actors} == {"USA"}
    criticised = _event_of("Rep. John Doe, D-Calif., criticized the resignation on Tuesday.", "ACCUSE")
    assert criticised.place is None
    assert {a.country for a in criticised.actors} == {"USA"} and {a.country for a in criticised.targets} == {None}
    # v64: a thing a possessive pronoun owns takes the actor's country (``_actors_own``), not the tag's state's.
    owned = _event_of("Rep. John Doe, D-Calif., criticized his resignation on Tuesday.", "ACCUSE")
    assert [(a.text, a.country) for a in owned.targets] == [("his resignation", "USA")]
    # A place named in the clause outside the tag is still the event's.
    in_texas = _event_of("Rep. John Doe, D-Calif., accused the governor of Texas of lying.", "ACCUSE")
    assert in_texas.place == "Texas"


def test_a_counted_object_is_done_to_those_its_of_names() -> None:
    # "dozens" is a figure, no participant; the soldiers it counts are whom the killing is done to.
    assert _countries("Syrian troops killed dozens of Turkish soldiers near the border.", "ASSAULT")[1] == {"TUR"}
    event = next(e for e in _pipeline_events("The ministry denied one of the allegations on Monday.") if e.type)
    assert [t.text for t in event.targets] == ["allegations"]


def test_a_state_under_its_former_name_is_its_successors_actor() -> None:
    assert _countries("Zaire accused Angola of supporting the rebels.", "ACCUSE") == ({"COD"}, {"AGO"})


def test_a_word_of_a_persons_name_is_no_organisations_acronym() -> None:
    # "Un" of Kim Jong Un read as the UN gave the North Korean leader the code IGO.
    text = "The North Korean leader Kim Jong Un accused the mayor of fraud on Monday."
    assert _countries(text, "ACCUSE")[0] == {"PRK"}
    assert _countries("The UN accused the mayor of fraud on Monday.", "ACCUSE")[0] == {"IGO"}


def test_a_sentence_naming_no_country_takes_neither_its_datelines_nor_its_most_named_country() -> None:
    # events.rules v25 gave such a sentence the dateline's country, else the report's most-named one; wire reports
    # are filed from a neighbouring bureau ("LONDON (Reuters)" about Syria) and a US report about Russia names
    # Russia most, so unmarked participants took the wrong country (review of session 20: >= 36 of 200 wrong).
    text = (
        "Syria shelling\n\nLONDON (Reuters) - Syrian government forces shelled the town of Douma on Monday.\n\n"
        "The rebels accused the government of using chlorine gas."
    )
    article = article_from_text(text, source_path="t")
    doc = load_nlp()(article.text)
    events = [e for e in _events_with_prior(article, doc) if e.type == "ACCUSE"]
    assert events
    assert {a.country for a in events[0].actors} == {None}
    assert {a.country for a in events[0].targets} == {None}
    text = (
        "Hearing\n\nRussia and Russia's meddling dominated the hearing, where Russia was named again.\n\n"
        "The senator accused the attorney general of lying."
    )
    article = article_from_text(text, source_path="t")
    doc = load_nlp()(article.text)
    events = [e for e in _events_with_prior(article, doc) if e.type == "ACCUSE"]
    assert events
    assert {a.country for a in events[0].actors} == {None}


def _events_with_prior(article: Article, doc: Any) -> list[Event]:
    from dateline.pipeline import Pipeline

    analysis = Pipeline().analyze(article, doc)
    assert isinstance(analysis, Analysis)
    return list(analysis.events)


def test_a_demanded_complements_subject_is_the_target() -> None:
    assert "NOR" in _countries("The council demanded that Norway cancel the sale of the ship.", "REQUEST")[1]


def test_a_threatened_complements_participant_is_the_target() -> None:
    text = "The ministry threatened to cut relations with Portugal over the sale of the ship."
    assert "PRT" in _countries(text, "THREATEN")[1]


def test_a_pronoun_inside_reported_speech_takes_the_sayers_country() -> None:
    text = "Chilean miners said on Monday they had accused the company of fraud."
    assert _countries(text, "ACCUSE")[0] == {"CHL"}


def test_a_light_verbs_event_noun_is_done_to_its_recipient_or_partner() -> None:
    assert "PRT" in _countries("The Norwegian minister held talks with Portugal on Monday.", "CONSULT")[1]
    assert "PRT" in _countries("The Norwegian government gave Portugal new aid on Monday.", "AID")[1]


def test_coordinated_participants_are_one_actor_each() -> None:
    sources, _ = _countries("Norway and Portugal accused the company of fraud on Monday.", "ACCUSE")
    assert sources == {"NOR", "PRT"}


def test_a_nationality_in_the_sentence_gives_an_unmarked_actor_its_country() -> None:
    text = (
        "The interior minister allowed the opposition to hold a rally, according to the Pakistani interior secretary."
    )
    sources, targets = _countries(text, "CONCEDE")
    assert sources == {"PAK"} and targets == {"PAK"}


def test_an_organisation_named_inside_a_phrase_speaks_for_its_members() -> None:
    text = "Greece demanded that its European Union partners refuse to recognize the new name."
    assert _countries(text, "REQUEST")[1] == {"IGO"}


def test_whom_a_purpose_infinitive_acts_on_is_the_target() -> None:
    text = "Egyptian police opened fire to disperse Algerian demonstrators on Monday."
    assert _countries(text, "ASSAULT") == ({"EGY"}, {"DZA"})


def test_an_action_in_a_condition_or_under_a_modal_of_its_governor_is_no_event() -> None:
    assert "SUPPORT" not in _types("The board will resign unless the governor backed the plan.")
    assert "SUPPORT" in _types("The governor backed the plan.")
    assert "AGREE" not in _types("The president can't afford to extend an offer to the senator.")


def test_an_action_an_adjective_of_likelihood_governs_is_a_forecast() -> None:
    assert "ASSAULT" not in _types("The rebels are likely to attack the northern town next week.")
    assert _sentence_events("The senators are unlikely to pass the spending bill this month.") == []
    assert "ASSAULT" in _types("The rebels attacked the northern town last week.")


def test_consenting_to_a_view_is_no_agreement() -> None:
    assert "AGREE" not in _types("The senator agreed that there needs to be better vetting of gun buyers.")
    assert "CONCEDE" not in _types("The governor accepted that the plan had failed.")
    # Consent to terms or to act stays: an intention in the clause, an infinitive, an object.
    assert "AGREE" in _types("The minister agreed that the army would leave the town next year.")
    assert "AGREE" in _types(
        "Asked whether the cuts would go through the treaty process, the envoy agreed that they would."
    )
    assert "AGREE" in _types("The company agreed to a settlement with the regulators.")
    assert "CONCEDE" in _types("The governor accepted the offer of the unions.")


def test_a_past_consent_to_an_obligation_or_a_permission_is_terms() -> None:
    # Past or perfect consent to what a party must or may do settles terms; the present shares a view.
    assert "AGREE" in _types("The rebels have agreed that the army must leave the northern town.")
    assert "AGREE" in _types("The prosecutors agreed that the mayor could answer their questions in writing.")
    assert "AGREE" not in _types("We all agree that the council should keep the library open.")


def test_a_causatives_participle_is_done_by_the_causer_to_its_noun() -> None:
    # The parse makes "journalist" the subject of "jailed": the king acts, the journalist is acted on.
    [event] = [e for e in _sentence_events("The king had the journalist jailed last year.") if e.lemma == "jail"]
    assert [a.text for a in event.actors] == ["king"]
    assert [t.text for t in event.targets] == ["journalist"]
    # An unrealised causative leaves the deed unrealised.
    text = "The House and Senate have yet to approve one bill and get it signed into law."
    assert "sign" not in {e.lemma for e in _sentence_events(text)}
    assert "jail" not in {e.lemma for e in _sentence_events("The king might have the journalist jailed.")}


def test_an_obligation_or_a_conditional_in_the_reports_own_voice_is_no_event() -> None:
    assert _sentence_events("Lawmakers must renew the funding before it expires.") == []
    assert "THREATEN" not in _types("The bill would impose a new tax on foreign profits.")
    # Inside what someone said, "would" is a stated intention (AGREE, THREATEN) and "must" a REQUEST.
    said = "The senator said on Monday that the party would impose sanctions on the company."
    assert "THREATEN" in {e.type for e in _pipeline_events(said)}


def test_a_future_act_in_the_reports_own_voice_is_a_forecast() -> None:
    # Session 32: "will" and "going to" in the report's own voice forecast, as its "would" does.
    assert _sentence_events("It is unlikely that the Senate will convict the governor.") == []
    assert _sentence_events("Democrats were not going to win the fight over the court.") == []
    assert _sentence_events("The new order will call on cabinet secretaries to cut spending.") == []
    # A scheduled act dated in its own clause, a named person's plan and a stated intention stay.
    assert "sign" in {e.lemma for e in _pipeline_events("The governor will sign the bill on March 3, 2015.")}
    assert "meet" in {e.lemma for e in _sentence_events("John Kerry will meet European ministers in London.")}
    said = "The senator said on Monday that the party will impose sanctions on the company."
    assert "THREATEN" in {e.type for e in _pipeline_events(said)}


def test_an_infinitive_under_an_unreported_governor_is_no_act() -> None:
    # Session 34: a "to" infinitive, as a complement with its own subject or as a purpose, shares its governor's
    # mood (seed 157000): a standing rule, a possibility and a forecast bring nothing about.
    rule = "Declaring a national emergency allows the president to seize property."
    assert "seize" not in {e.lemma for e in _sentence_events(rule)}
    assert "seize" in {e.lemma for e in _sentence_events("The court allowed the president to seize property.")}
    may = "The United Kingdom may allow the firm to supply components for its network."
    assert "supply" not in {e.lemma for e in _sentence_events(may)}
    purpose = "The senators can't seem to unite to help the president."
    assert "help" not in {e.lemma for e in _sentence_events(purpose)}
    assert "help" in {e.lemma for e in _sentence_events("The senators united last week to help the president.")}
    # The forecast's and the conditional's governors too: only the past "allowed" above reports the seizure.
    # (Each of these is a COERCE event without the rule.)
    for unreal in ("The new law will allow the army to", "The bill would allow the president to"):
        assert "seize" not in {e.lemma for e in _sentence_events(f"{unreal} seize property.")}
    # Review of v67 (seed 167000): a conjunct with no subject of its own shares the first conjunct's governor.
    both = "The senators can't seem to unite to help the president and defend him."
    assert not {"help", "defend"} & {e.lemma for e in _sentence_events(both)}
    done = "The senators united last week to help the president and defend him."
    assert {"help", "defend"} <= {e.lemma for e in _sentence_events(done)}


def test_a_future_act_with_a_time_anywhere_in_its_clause_is_scheduled() -> None:
    # Review of v63 (seed 129000): the parse hangs the date on the aside's "remain", yet the suspension is the
    # scheduled act the report announces; undated, the same act is the report's forecast.
    flights = "BA will now suspend the Saudi flights - which it says will remain under review - from 27 March."
    assert "suspend" in {e.lemma for e in _pipeline_events(flights)}
    assert "suspend" not in {e.lemma for e in _pipeline_events("BA will now suspend the Saudi flights.")}
    # A bound is no schedule: "by" a day, the act is a forecast (behaviour set).
    bound = "By Election Day, the party will have held more than 30 rallies in the state."
    assert "hold" not in {e.lemma for e in _pipeline_events(bound)}
    # An undated report's weekday has no time record and still schedules the act.
    assert "meet" in {e.lemma for e in _sentence_events("Fiat will meet the carmaker General Motors on Tuesday.")}
    assert "meet" not in {e.lemma for e in _sentence_events("Fiat will meet the carmaker General Motors.")}


def test_a_future_act_announced_or_planned_by_a_person_the_entities_found_stays() -> None:
    # Review of v63 (seed 129001): the content of a noun of saying is a stated intention, as a reporting verb's.
    said = "The announcement that the Pentagon will lift the ban on women in combat has raised a question."
    assert "lift" in {e.lemma for e in _sentence_events(said)}
    assert _sentence_events("There is hope that these new players will help the president.") == []
    # The tagger reads the second "Trump" a common noun; the entities extractor's PERSON mention still makes the
    # subject a person's name, a plan rather than a forecast (seed 129001).
    text = (
        "President Donald Trump arrived in Brussels on Tuesday. "
        "Trump will meet with Prime Minister Theresa May amid upheaval in her own government."
    )
    assert "meet" in {e.lemma for e in _pipeline_events(text)}


def test_a_first_person_no_statement_names_is_no_actor() -> None:
    assert _sentence_events("I have supported the plan since the day I entered office.") == []


def test_the_complement_of_a_habit_is_part_of_the_habit() -> None:
    assert "AGREE" not in _types("Voters who tend to agree with the senator are worried.")
    assert "THREATEN" not in _types("Eight states require doctors to warn patients about the risks.")
    assert "THREATEN" in _types("The governor warned the patients about the risks.")


def test_failing_is_a_refusal_only_of_cooperation() -> None:
    assert _types("The two sides failed to reach agreement on Sunday.") == {"REJECT"}
    assert "REJECT" not in _types("The hackers tried but failed to alter the records.")
    # What was failed at did not happen.
    freed = [e for e in _sentence_events("The rebels failed to release the hostages.") if e.lemma == "release"]
    assert freed and all(e.negated for e in freed)


def test_decline_alone_is_a_fall_not_a_refusal() -> None:
    assert "REJECT" not in _types("Approval of Democrats declined from 65 percent to 58 percent.")
    assert _types("The ministry declined to discuss the talks.") == {"REJECT"}


def test_fixed_connectives_and_credit_lines_are_no_events() -> None:
    assert "REJECT" not in _types("Costs rose by 31 percent in the United States, as opposed to 7 percent in Canada.")
    text = "MOSCOW — The minister resigned on Monday.\n\nThe Associated Press contributed to this report."
    article = article_from_text(text, source_path="credits.txt", detect_headline=False)
    events = list(extract_events(article, load_nlp()(article.text), prior=Analysis(article)))
    assert [e.lemma for e in events] == ["resign"]


def test_the_guides_untyped_actions_are_events_with_no_type() -> None:
    # Elections won, laws passed, officials appointed: reported actions that fit no PLOVER type.
    events = _sentence_events("The senator won the election on Tuesday, and the House passed the bill.")
    assert {(e.lemma, e.type) for e in events} >= {("win", None), ("pass", None)}


def test_a_conjoined_clause_with_its_own_subject_keeps_its_own_modality() -> None:
    assert "ASSAULT" in _types("The rebels might retreat, and the army attacked the town on Monday.")
    assert "SUPPORT" not in _types("The council could discuss the plan and back it.")


def test_pieces_of_a_name_are_no_actors() -> None:
    # The model splits "al-Assad" into "al", "-", "Assad" and may make each a subject of its own.
    events = _sentence_events("Syrian President Bashar al-Assad and Hezbollah attacked the rebels on Monday.")
    texts = {a.text for e in events for a in e.actors}
    assert texts and not texts & {"al", "-", "bin"}
    assert all(any(c.isalpha() for c in t) and len(t) > 2 for t in texts)


def test_a_relative_pronoun_target_is_its_antecedent() -> None:
    events = _sentence_events("The program is popular with the software industry, which the senator accused of fraud.")
    accused = next(e for e in events if e.type == "ACCUSE")
    assert [t.text for t in accused.targets] == ["software industry"]


def test_an_action_on_a_thing_is_done_to_its_owner() -> None:
    text = "Senator Maria Lopez spoke on Monday. A campaign spokeswoman later rejected Ms. Lopez's claim."
    rejected = next(e for e in _pipeline_events(text) if e.type == "REJECT")
    assert [t.entity for t in rejected.targets] == ["Maria Lopez"]
    # An agent owned stays the participant: the embassy is attacked, not its state.
    events = _sentence_events("Gunmen attacked Canada's embassy in the capital on Monday.")
    assert [t.text for e in events for t in e.targets] == ["Canada's embassy"]


def test_an_apposition_names_a_described_participant() -> None:
    text = "The finance minister, Nikos Pappas, submitted the loan request to the bailout fund, the European Stability Mechanism."
    request = next(e for e in _pipeline_events(text) if e.type == "REQUEST")
    assert [a.entity for a in request.actors] == ["Nikos Pappas"]
    assert [t.entity for t in request.targets] == ["European Stability Mechanism"]


def test_a_reported_obligation_is_the_sayers_request_of_the_obliged() -> None:
    (event,) = _sentence_events("Russia said Sudan must return the helicopter.")
    assert event.type == "REQUEST"
    assert [(a.text, a.country) for a in event.actors] == [("Russia", "RUS")]
    assert [(t.text, t.country) for t in event.targets] == [("Sudan", "SDN")]
    # No one obliged who can act: nobody is asked.
    assert _sentence_events("The mayor said that more houses must be built.") == []


def test_a_required_or_conditional_action_is_no_event() -> None:
    assert _sentence_events("Parliament will have to approve the extension.") == []
    assert _sentence_events("The leaders would have to agree to the extension.") == []
    assert _sentence_events("The senator had to vote against the plan.")


def test_a_pronoun_target_is_named_by_its_antecedent_not_by_its_actor() -> None:
    text = "Senator Maria Lopez arrived in Denver on Monday. Governor John Reed accused her of fraud."
    accuse = next(e for e in _pipeline_events(text) if e.type == "ACCUSE")
    assert [t.entity for t in accuse.targets] == ["Maria Lopez"]
    text = "Senator Maria Lopez arrived in Denver on Monday. Lopez accused him of fraud."
    accuse = next(e for e in _pipeline_events(text) if e.type == "ACCUSE")
    assert [t.entity for t in accuse.targets] != ["Maria Lopez"]


def test_a_verb_whose_patient_is_a_thing_is_used_in_its_everyday_sense() -> None:
    # Aid and detention done to a thing are no events: a speech delivered, a view held, a task helped with.
    assert _sentence_events("The senator delivered a long speech on Monday evening.") == []
    assert _sentence_events("The mayor has held the view that taxes are too high.") == []
    assert _sentence_events("The volunteers helped with the cleanup last year.") == []
    # Done to a party, an amount, an event or someone's thing, they stay events.
    assert "AID" in _types("The agency delivered food to the refugees on Monday.")
    assert "AID" in _types("The government delivered two million dollars in March.")
    assert "AID" in _types("The neighbors helped her escape from the house.")
    assert "COERCE" in _types("The militia held the villagers for three days.")
    # Violence is not read so: an attack on a town or a base is one, whatever the noun.
    assert "ASSAULT" in _types("The rebels attacked the town on Tuesday.")


def test_a_detention_is_done_to_someone() -> None:
    # A possessed thing or a possessive pronoun held detains no owner.
    assert _sentence_events("The party held its annual convention in Denver on Saturday.") == []
    assert (
        _sentence_events("The Democrats held their convention in July, and the Republicans held theirs in August.")
        == []
    )
    assert _sentence_events("The county clerk has held his tax records since March.") == []
    # Someone held, or someone's people, stay detentions.
    assert "COERCE" in _types("The rebels held his two sons for a week.")
    assert "COERCE" in _types("The militia held them in a basement for three days.")
    assert "COERCE" in _types("The police detained 12 after the march on Sunday.")
    # Held in the everyday sense: posts, a lead.
    assert _sentence_events("Senator Reed has held senior posts in two administrations.") == []
    assert _sentence_events("The governor held a 52% to 44% lead in the poll.") == []


def test_a_detention_of_the_holders_own_people_stays_a_detention() -> None:
    # "Detain", "kidnap" and "abduct" have no owning sense: their own people detained are detained.
    assert "COERCE" in _types("Army units detained their neighbors at a roadblock near the river.")
    assert "COERCE" in _types("The regime detained its former allies in the capital.")
    # "Hold" does, but a noun for a person by title or standing is held whoever owns it.
    assert "COERCE" in _types("The regime held its critics in a remote camp.")
    assert "COERCE" in _types("The militia held its envoys for a week.")
    # The holders' own things stay no detention.
    assert _sentence_events("The party held its primaries in March.") == []


def test_a_warning_of_what_others_will_do_is_a_prediction() -> None:
    # Addressed to no one, about someone else's action or what will happen: a statement, not a threat.
    assert _sentence_events("The senator warned that the economy is slowing down.") == []
    # The warner's own action, or a warning made to someone, stays a THREATEN event.
    assert "THREATEN" in _types("The senators warned that they would block the bill.")
    assert "THREATEN" in _types("The minister warned the rebels that the army would respond.")


def test_signing_is_support_only_of_an_agreement() -> None:
    assert _types("The two ministers signed an agreement on Monday.") == {"SUPPORT"}
    # A bill, a petition or an order signed is the guide's untyped occurrence.
    assert _types("The governor signed the bill on Monday.") == {None}
    assert _types("More than 200 lawmakers have signed the petition.") == {None}


def test_an_event_noun_with_a_named_possessor_is_the_possessors_act() -> None:
    # "Canada's demand that ...": the possessor did what the noun names, as its verb would say.
    (demand,) = [e for e in _pipeline_events("Canada's demand that the government free the activists angered Riyadh.")]
    assert (demand.type, [a.entity for a in demand.actors]) == ("REQUEST", ["Canada"])
    assert "ASSAULT" in _types("Russia's invasion of Ukraine began in February.")
    # No named possessor, or a noun of a standing relation ("support", "ties"): no event.
    assert _sentence_events("The demand that the government free the activists angered the city.") == []
    assert _sentence_events("Iran's support of the militia has grown.") == []
    # A light verb's noun is that verb's event, once.
    assert [e.trigger for e in _sentence_events("Canada made its demand on Monday.")] == ["made its demand"]


def test_possessed_event_nouns_in_news_reports() -> None:
    from dateline.ingest import iter_documents
    from dateline.pipeline import Pipeline
    from tests.conftest import CORPUS

    folder = CORPUS / "allsides-article-bias" / "jsons"
    names = ("Xr4Ai77yS9L7lv34", "Zq2Iul4U4gvXeuew")
    results = list(Pipeline().run(iter_documents([str(folder / f"{n}.json") for n in names])))
    found = {(e.trigger, e.type, tuple(a.entity for a in e.actors)) for r in results for e in r.events}
    # "Robert Mueller's sweeping investigation into Russian election interference".
    assert ("investigation", "ACCUSE", ("Robert Mueller",)) in found
    # "Trump's demands that Ukraine investigate ...", and a possessed call is a telephone call (CONSULT).
    assert any(t == "demands" and k == "REQUEST" for t, k, _ in found)
    assert any(t == "call" and k == "CONSULT" for t, k, _ in found)


def test_what_someone_is_directed_to_do_is_not_reported_done() -> None:
    # Required, authorised or expected of someone: not an occurrence.
    assert _sentence_events("The new rule will require agency heads to sign the waivers.") == []
    assert _sentence_events("The council authorized the police to arrest the protesters.") == []
    # Done, it is an event; and a directing verb that is a trigger keeps the request.
    assert _types("The agency heads signed the waivers on Monday.") == {None}
    assert "REQUEST" in _types("The council urged the police to arrest the protesters.")


def test_a_participant_is_its_noun_phrase_without_other_participants() -> None:
    # Real reports (AllSides, outside every gold set): the participant's text leaves out prepositional phrases
    # that name someone else ("requests from Congress"), while its country may come from them ("regional
    # powers, such as China"), and a thing's author by "by" or "'s" is whom the action is done to.
    from dateline.ingest import iter_documents
    from dateline.pipeline import Pipeline
    from tests.conftest import CORPUS

    folder = CORPUS / "allsides-article-bias" / "jsons"
    names = ("WOC4yunq4ZHzblf3", "hp6QEbrxGsV6sm2B", "puUnoUYXcAkXEGLe", "eFF1AbdkywU2MqBi", "GXkGV0vtpy5FJboY")
    paths = [str(folder / f"{n}.json") for n in names]
    results = [r for r in Pipeline().run(iter_documents(paths)) if isinstance(r, Analysis)]
    found = {(e.trigger, a.text, a.country, a.entity) for r in results for e in r.events for a in e.targets}
    actors = {(e.trigger, a.text, a.entity) for r in results for e in r.events for a in e.actors}
    # "implored regional powers, such as China, and allies like South Korea".
    assert ("implored", "regional powers", "CHN", None) in found
    assert ("implored", "allies", "KOR", None) in found
    # "refusing requests from Congress": the requests, not Congress's part of them.
    assert any(t == "refusing" and x == "requests" for t, x, _, _ in found)
    # "pushed back against Ocasio-Cortez's definition of a concentration camp". (The report's "Who ordered the
    # review by Rosenstein?" is a question whose "who" acts for no one named: no event since v6.)
    assert any(t == "pushed back" and e == "Ocasio-Cortez" for t, _, _, e in found)
    assert not any(t == "ordered" for t, _, _, _ in found)
    # "ordered a review by Rosenstein": a thing's author by "by" is whom the action is done to.
    (ordered,) = _pipeline_events("Attorney General Jeff Sessions ordered a review by Rod Rosenstein on Monday.")
    assert [t.entity for t in ordered.targets] == ["Rod Rosenstein"]
    # "lawmakers on Capitol Hill criticized": the shorter text keeps the speaker's name statements.rules gave.
    assert ("criticized", "lawmakers", "lawmakers on Capitol Hill") in actors


def test_a_question_asked_is_no_request() -> None:
    # "asked X whether/why ...": an embedded question asks for an answer (a statement), not for an action.
    assert _sentence_events("The reporter asked the senator whether the bill would pass.") == []
    assert _sentence_events("The reporter asked the senator why the bill failed.") == []
    # Asked to act, or for something, it stays a REQUEST.
    assert "REQUEST" in _types("The governor asked the legislature to approve the budget.")
    assert "REQUEST" in _types("Nine states asked the department for federal loans.")


def test_fighting_to_reach_an_aim_is_no_assault() -> None:
    # A verb of violence with a "to" infinitive names an effort ("fought to keep the base open").
    assert _sentence_events("The senator fought to keep the base open.") == []
    # With someone fought, or violence done with a purpose, it stays ASSAULT.
    assert "ASSAULT" in _types("The rebels fought the army near the border on Monday.")
    assert "ASSAULT" in _types("The soldiers opened fire to disperse the demonstrators.")


def test_holding_that_is_a_ruling_not_a_detention() -> None:
    assert _sentence_events("The court held that the law was unconstitutional.") == []
    assert "COERCE" in _types("The militia held the villagers for three days.")


def test_questions_efforts_rulings_and_asked_about_on_real_reports() -> None:
    from dateline.ingest import iter_documents
    from dateline.pipeline import Pipeline
    from tests.conftest import CORPUS

    folder = CORPUS / "allsides-article-bias" / "jsons"
    paths = [str(folder / f"{n}.json") for n in ("XJIQcslOkjfzR79J", "VJLn7NOz0xvRK0iN")]
    results = [r for r in Pipeline().run(iter_documents(paths)) if isinstance(r, Analysis)]
    events = [e for r in results for e in r.events]
    # "President Trump has fought to prevent John Bolton from testifying", "are now fighting to prevent Mr
    # Bolton being called": efforts, no violence.
    assert not [e for e in events if e.lemma == "fight"]
    # "Asked why he gerrymandered ...": a question. "Bandemer held that courts were open ...": a ruling.
    assert not [e for e in events if e.trigger == "Asked"]
    assert not [e for e in events if e.lemma == "hold" and e.type == "COERCE"]
    # "Lamone, a case about whether Maryland violated the First Amendment rights ...": asked about, not done.
    assert not [e for e in events if e.lemma == "violate" and any(a.entity == "Maryland" for a in e.actors)]
    # The reports' other events stay ("pushing back against the publication", "denied all the allegations").
    assert {"pushing back", "denied"} <= {e.trigger for e in events}


def test_what_a_yes_no_question_asks_about_is_not_reported_done() -> None:
    # "a case about whether Maryland violated ...": the content of "whether" is asked about, not reported.
    assert _sentence_events("The court heard a case about whether the state violated the law.") == []
    assert _sentence_events("The organizer is not sure whether they will march on Saturday.") == []
    # Reported as done, the same verb is an event.
    assert "REJECT" in _types("The court found that the state violated the law.")


def test_a_phrasal_verb_of_another_sense_is_not_the_plain_verb() -> None:
    # "ended up winning", "beat out", "shot up": the particle makes another verb than the lexicon's.
    assert "ASSAULT" not in _types("The Red Sox beat out the Cubs for the top spot.")
    assert {e.lemma for e in _sentence_events("Senator Kerry ended up winning the state.")} == {"win"}
    # Phrasal verbs that are events are lexicon keys of their own; "up to" before a figure is no particle.
    assert "ASSAULT" in _types("The gang beat up the shopkeeper on Monday.")
    assert "COERCE" in _types("Rebels have kidnapped up to 16 foreign advisers from a bazaar.")


def test_releasing_a_document_is_no_retreat() -> None:
    # "released a poll / a statement": publishing, the guide's untyped occurrence; releasing someone is RETREAT.
    assert _types("The agency released a new poll on Tuesday.") == {None}
    assert _types("The group released a statement on Monday.") == {None}
    assert _types("The rebels released the hostages on Monday.") == {"RETREAT"}
    assert _types("The government released him after two years.") == {"RETREAT"}


def test_a_verb_inside_a_title_is_no_action() -> None:
    from dateline.ingest import iter_documents
    from dateline.pipeline import Pipeline
    from tests.conftest import CORPUS

    folder = CORPUS / "allsides-article-bias" / "jsons"
    paths = [str(folder / f"{n}.json") for n in ("eKaHLsRcFxOplogq", "6SIgb6PP2piIvQnB")]
    results = [r for r in Pipeline().run(iter_documents(paths)) if isinstance(r, Analysis)]
    events = [e for r in results for e in r.events]
    # "O'Brien told \"Meet the Press\" that ...", "said on NBC's \"Meet the Press\"": a show's name, no meeting.
    assert not [e for e in events if e.lemma == "meet"]
    # The reports' actions stay ("thanked Russia, Turkey, Syria, Iraq and Syrian Kurds").
    assert "thanked" in {e.trigger for e in events}


def test_a_named_non_state_group_takes_its_own_code_not_the_sentences_first_country() -> None:
    # Before, "Hezbollah" took the sentence's first country (Israel), "al-Qaeda" the United States.
    assert _countries("Hezbollah guerrillas attacked an Israeli patrol on Monday.", "ASSAULT")[0] == {"LBN"}
    assert _countries("The Taliban attacked a police post in Kandahar.", "ASSAULT")[0] == {"AFG"}
    text = "Osama bin Laden's al-Qaeda network threatened to attack the United States."
    assert _countries(text, "THREATEN")[0] == {"IMG"}
    # A word of a longer name is no group's name: "Liwa al Fatah" is not Fatah.
    from dateline.extract.support.actors import group_code

    assert group_code("Hamas's") == "PSE" and group_code("the Taliban") == "AFG"
    assert group_code("Liwa al Fatah") is None


def test_an_organisation_spelled_out_is_an_igo_by_its_acronym() -> None:
    # The igos list holds "ILO"; the actor's phrase spells it out, and the entity's alias names it.
    text = "The International Labor Office (ILO) accused the company of fraud in Israel on Monday."
    assert _countries(text, "ACCUSE")[0] == {"IGO"}


def test_a_weapon_fired_at_someone_is_an_assault_on_them() -> None:
    # "fire" with an object is a dismissal, unless it is aimed "at" someone: then the object is the weapon.
    assert _types("Israeli tanks fired four shells at targets in the town.") == {"ASSAULT"}
    assert "ASSAULT" not in _types("The company fired its chief executive on Monday.")
    targets = next(e for e in _sentence_events("Soldiers fired rubber bullets at the protesters.")).targets
    assert "protesters" in {t.text for t in targets}


def test_houthi_and_al_qaeda_in_a_real_report_are_coded_as_event_coders_code_them() -> None:
    # An AllSides report outside every gold set (bulk sample seed 7002): Yemen's Houthis and al-Qaeda.
    from dateline.ingest import iter_documents
    from dateline.pipeline import Pipeline
    from tests.conftest import CORPUS

    path = CORPUS / "allsides-article-bias" / "jsons" / "cW1i8E7EdfCmkkAN.json"
    (result,) = [r for r in Pipeline().run(iter_documents([str(path)])) if isinstance(r, Analysis)]
    fired = next(e for e in result.events if e.trigger == "fired")
    assert [(a.text, a.country) for a in fired.actors] == [("Houthi gunmen", "YEM")]
    helping = next(e for e in result.events if e.trigger == "helping")
    assert {t.country for t in helping.targets} == {"IMG"}


def test_an_adjectival_complement_shares_its_verbs_condition() -> None:
    # "were able to pass" under "even if": the passing is supposed, not reported; the adjective carries the
    # condition of its verb to the infinitive as an infinitive complement does ("could discuss and sign").
    assert _sentence_events("Even if the council were able to pass the ban, the mayor could veto it.") == []
    assert _sentence_events("If the rebels are willing to release the hostages, talks can begin.") == []
    assert _types("The council was able to pass the ban on Monday.") == {"COERCE"}
    assert _types("The rebels are willing to release the hostages.") == {"AGREE"}


def test_a_passive_act_of_violence_in_a_deed_has_the_deed_for_actor() -> None:
    # "were killed in a suicide car bombing" reports what "a suicide car bombing killed" reports.
    (event,) = _sentence_events("At least three civilians have been killed in a suicide car bombing in the capital.")
    assert event.type == "ASSAULT" and [a.text for a in event.actors] == ["suicide car bombing in the capital"]
    assert [t.text for t in event.targets] == ["At least three civilians"]
    # No violent deed to act: still left to claims ("were killed in the crash").
    assert _sentence_events("Two soldiers were killed in the crash.") == []


def test_a_relative_pronoun_is_no_igo_and_a_passive_ones_target_is_its_antecedent() -> None:
    # "who" is not the WHO: an interrogative "who" acting is no one named.
    assert _sentence_events("It is unclear who was funding the group.") == []
    (event,) = _sentence_events("The judges, who were blocked by the senators, appealed to the court.")[:1]
    assert [t.text for t in event.targets] == ["judges"]
    assert _countries("The WHO accused the ministry of fraud on Monday.", "ACCUSE")[0] == {"IGO"}


def _report(name: str) -> Analysis:
    """One AllSides report outside every gold set, through the whole pipeline."""
    from dateline.ingest import iter_documents
    from dateline.pipeline import Pipeline
    from tests.conftest import CORPUS, require_shared

    path = require_shared(CORPUS / "allsides-article-bias" / "jsons" / f"{name}.json")
    (result,) = Pipeline().run(iter_documents([str(path)]))
    assert isinstance(result, Analysis), result
    return result


def _report_events(name: str) -> list[Event]:
    """The events of one AllSides report outside every gold set (``_report``)."""
    return list(_report(name).events)


def test_a_pronoun_named_by_its_antecedent_takes_the_antecedents_office_country() -> None:
    # "he" is Trump, not Iraq, the first country of its sentence (bulk sample seed 7102).
    withdraw = next(e for e in _report_events("3Nu34agJiX3Wa7KP") if e.trigger == "withdraw")
    assert [(a.text, a.country) for a in withdraw.actors] == [("he", "USA")]
    text = "Turkish President Recep Tayyip Erdogan spoke on Sunday. He accused Greece of provocations."
    accuse = next(e for e in _pipeline_events(text) if e.type == "ACCUSE")
    assert [a.country for a in accuse.actors] == ["TUR"]


def test_a_former_state_is_coded_as_the_state_that_continues_it() -> None:
    assert _countries("The Soviet Union accused Norway of spying on Monday.", "ACCUSE")[0] == {"RUS"}
    assert _countries("Yugoslavia accused Albania of interference on Monday.", "ACCUSE")[0] == {"SRB"}
    # A report outside every gold set (bulk sample seed 7103): "the Soviets invaded Afghanistan".
    invaded = next(e for e in _report_events("SaUX0uugZZcnYFTJ") if e.trigger == "invaded")
    assert [(a.text, a.country) for a in invaded.actors] == [("Soviets", "RUS")]


def test_declining_to_comment_is_a_statement_not_a_rejection() -> None:
    assert _sentence_events("The ministry declined to comment.") == []
    assert _sentence_events("The senator refused to say whether she would run.") == []
    assert _types("Iran refused to discuss the proposal with the European Union.") == {"REJECT"}
    assert _types("The rebels refused to release the hostages.") == {"REJECT"}
    assert _types("The ministry refused to answer requests from the council.") == {"REJECT"}
    # A report outside every gold set (bulk sample seed 7101).
    assert not [e for e in _report_events("pJXyhQfewbUHwKOX") if e.trigger == "declined"]


def test_a_date_is_never_an_actor() -> None:
    # The parse made "Friday" a subject (bulk sample seed 7101): "House Democrats on Friday voted ..., rejecting".
    events = _report_events("olhzjmy7BBzIaPYO")
    assert not [e for e in events if any(a.text == "Friday" for a in e.actors)]


def test_an_unmarked_actor_takes_no_country_named_only_in_its_patients_words() -> None:
    # The FBI names no country; Iran is named only inside what it investigates, the United States outside it
    # (bulk sample seed 7200): the FBI is American, not Iranian.
    launched = next(e for e in _report_events("z0TBDSVYP4nQKsY7") if e.trigger == "launched an investigation")
    assert [(a.text, a.country) for a in launched.actors] == [("FBI", "USA")]
    # With no other country named, a domestic action keeps the patient's country for its doer.
    assert _countries("Police arrested three Egyptians on Monday.", "COERCE")[0] == {"EGY"}


def test_a_hyphenated_verb_split_by_the_parse_still_names_its_complements_target() -> None:
    # The model splits "re-open" into three complements of "agreed": the verb after the hyphen has the object.
    (event,) = _sentence_events("Ethiopia has agreed to re-open its borders to Kenya.")
    assert event.type == "AGREE" and {t.text for t in event.targets} >= {"Kenya"}
    # A report outside every gold set (bulk sample seed 7204): "Democrats agreed to re-open the government".
    agreed = next(e for e in _report_events("F8Gy95f0OK2fe4VK") if e.trigger == "agreed")
    assert [t.text for t in agreed.targets] == ["government"]


def test_an_action_in_protest_of_someone_targets_them() -> None:
    events = _sentence_events("Hundreds of students marched in protest against the government of Indonesia.")
    assert [t.text for e in events for t in e.targets] == ["government of Indonesia"]
    # A deed of violence in an "in" phrase is the deed the action happened in, not an aim.
    (killed,) = _sentence_events("The rebels killed two soldiers in an attack on the base.")
    assert [t.text for t in killed.targets] == ["two soldiers"]
    # A vote "in support of" someone targets them (bulk sample seed 7202 had "she planned to vote in support of ...
    # Kavanaugh", which since events.rules.v13 is a vote planned, not cast).
    (vote,) = _sentence_events("The senator voted in support of Judge Kavanaugh on Friday.")
    assert [t.text for t in vote.targets] == ["Judge Kavanaugh"]
    assert not any(e.trigger == "vote" for e in _report_events("shhinLnlG7FJBvtC"))


def test_what_a_figure_counts_is_the_event_noun_and_names_the_target() -> None:
    # "$10 million in aid": "in" after a figure says what it counts, as "of" does ("$5 million of aid").
    (event,) = _sentence_events("Japan provided $10 million in aid to Bangladesh.")
    assert event.type == "AID" and [t.text for t in event.targets] == ["Bangladesh"]
    # The parse hangs "to Egypt" on what the figure counts; a figure is no participant.
    (pledged,) = _sentence_events("Saudi Arabia pledged $5 billion in loans to Egypt.")
    assert pledged.type == "AGREE" and [t.text for t in pledged.targets] == ["Egypt"]
    # "in" after anything else places the event: no noun is read there.
    assert _types("The envoys held talks in Geneva on Monday.") == {"CONSULT"}
    # A report outside every gold set (bulk sample seed 7207).
    given = next(e for e in _report_events("Ps22NFp1PY2GpWnj") if e.trigger == "given")
    assert given.type == "AID" and [a.country for a in given.actors] == ["USA"]


def test_a_protest_outside_a_building_targets_it() -> None:
    events = _sentence_events("Thousands of Kurds demonstrated outside the Turkish embassy in Berlin.")
    assert [(t.text, t.country) for e in events for t in e.targets] == [("Turkish embassy in Berlin", "TUR")]
    # A report outside every gold set (bulk sample seed 7208).
    rallied = next(e for e in _report_events("tTUYHKveIPHn5OWy") if e.trigger == "rallied")
    assert [t.text for t in rallied.targets] == ["Los Angeles City Hall"]


def test_a_national_institution_gives_its_actor_the_nations_country() -> None:
    assert _countries("The Justice Department accused the company of fraud on Monday.", "ACCUSE")[0] == {"USA"}
    # A report outside every gold set (bulk sample seed 7201): Congress took Mexico, the sentence's first country.
    # There "The White House also wants Congress to change rules to allow ..." is wanted, no act since v67
    # (_unreal_infinitive), so the same sentence is asked with the act done.
    assert not any(e.trigger == "allow" for e in _report_events("SEmvvpyx6miKFe1A"))
    done = (
        "Congress changed the rules last year to allow for the rapid deportation of illegal immigrants from "
        "countries other than Mexico and Canada."
    )
    allow = next(e for e in _pipeline_events(done) if e.trigger == "allow")
    assert [(a.text, a.country) for a in allow.actors] == [("Congress", "USA")]


def test_a_nationality_outranks_the_place_its_word_also_names() -> None:
    # "Somali" is Somalia's people and Ethiopia's Somali Region: at the same position the nationality comes first
    # (the class came from bulk sample seed 7201: "The Somali president ... insisted his country had the capacity
    # to fight terrorism", a capacity since v21 and no event: the report's other events stay).
    from dateline.pipeline import analyze_text

    text = "The Somali president, who met the envoy in Mogadishu, insisted his country had fought terrorism for years."
    result = analyze_text(text)
    assert isinstance(result, Analysis)
    fought = next(e for e in result.events if e.trigger == "fought")
    assert [(a.text, a.country) for a in fought.actors] == [("his country", "SOM")]
    assert "fight" not in {e.trigger for e in _report_events("vtDKVoL9S6S6kk3r")}


def test_the_simple_present_passive_is_a_state() -> None:
    # "some of which are opposed by interest groups" (gold/dev tune half), "groups which are funded by donors":
    # a standing state, as the simple present active; the past and the perfect report an occurrence.
    assert _types("The pension cuts are opposed by regional interest groups.") == set()
    assert _types("The outside groups are funded by wealthy donors.") == set()
    assert _types("The pension cuts were opposed by regional interest groups.") == {"REJECT"}


def test_an_action_the_report_asks_about_is_not_reported_done() -> None:
    assert _types("Will the senators accept the deal?") == set()
    assert _types("The senators accepted the deal.") == {"CONCEDE"}
    # A clause inside the question is reported ("Remember when ...?").
    assert "ACCUSE" in _types("Remember when the board passed a resolution condemning the group?")
    # A report outside every gold set (bulk sample seed 7300): "Will future presidents take the threat of
    # impeachment seriously? ... or will they accept that bargaining with Congress is part of the rules ...?"
    assert not any(e.lemma == "accept" for e in _report_events("RsuUvpnPIycaogCY"))


def test_the_infinitive_of_a_noun_of_aim_is_not_done() -> None:
    assert _sentence_events("Obama dropped plans to launch military strikes against Syria.") == []
    assert _sentence_events("The Palestinians conveyed their intention to cut off talks with Israel.") == []
    # A conjunct shares it; done, the action is an event.
    assert _sentence_events("Republicans led efforts to capture the seat and hold onto another.") == []
    assert _types("Republicans captured the seat.") == {"COERCE"}


def test_an_actor_takes_the_reports_country_over_its_patients() -> None:
    # A report outside every gold set (bulk sample seed 7300), whose places are American: "He eventually supported
    # the president's Iran deal" -- the only country of the sentence is the patient's, so the actor takes the
    # report's own (IRN before).
    supported = next(e for e in _report_events("lKPafPFWhc990HYU") if e.trigger == "supported")
    assert [(a.text, a.country) for a in supported.actors] == [("He", "USA")]


def test_cameo_legal_and_aid_verbs_are_typed() -> None:
    # CAMEO 091 "Investigate crime", 1121 "Accuse of crime", 071 "Provide economic aid", 1712 "Destroy property".
    assert _types("The committee subpoenaed the Justice Department on Tuesday.") == {"ACCUSE"}
    assert _types("The House impeached the president in December.") == {"ACCUSE"}
    assert _types("China lent Venezuela $5 billion last year.") == {"AID"}
    assert _types("Rioters looted the stores on Main Street.") == {"COERCE"}
    # CAMEO 195 "Employ aerial weapons" as a light verb's event noun (bulk sample seed 7404).
    assert _types("The U.S. military carried out an airstrike on a Syrian airbase.") == {"ASSAULT"}
    # Reports outside every gold set (bulk samples seeds 7400 and 7502).
    assert any(e.lemma == "impeach" for e in _report_events("mzXRhBK8iqgytnt8"))
    subpoenaed = next(e for e in _report_events("bPSzCwzVBWw1jNfU") if e.lemma == "subpoena")
    assert [a.text for a in subpoenaed.actors] == ["Department of Justice"]


def test_an_event_nouns_by_phrase_names_its_doer() -> None:
    (invasion,) = _sentence_events("The invasion of Ukraine by Russia shocked Europe.")
    assert invasion.type == "ASSAULT" and [a.text for a in invasion.actors] == ["Russia"]
    # A report outside every gold set (bulk sample seed 7502): "vehement complaints by Republicans in Washington".
    complaints = next(e for e in _report_events("YmZlSMI6zTZ3HrJt") if e.trigger == "complaints")
    assert complaints.type == "ACCUSE" and [a.text for a in complaints.actors] == ["Republicans in Washington"]


def test_the_infinitive_of_a_refusal_is_not_done() -> None:
    assert _sentence_events("The party's refusal to impeach the president angered activists.") == []
    assert _types("The party refused to impeach the president.") == {"REJECT"}


def test_a_thing_tied_to_someone_only_by_its_modifiers_does_not_act() -> None:
    assert _sentence_events("An editorial in a Christian magazine supported the impeachment of Donald Trump.") == []
    assert _types("The editors of a Christian magazine supported the impeachment of Donald Trump.") == {"SUPPORT"}
    # A figure counts its group, and "including" lists its members: both act.
    assert _types("Thousands of Serbs demonstrated in Belgrade on Sunday.") == {"PROTEST"}
    assert _types("Several countries, including Pakistan, have recognized the massacre as genocide.") == {"SUPPORT"}
    # A report outside every gold set (bulk sample seed 7500): "Starr, whose investigation of Clinton helped spur an
    # effort by congressional Republicans ... to impeach the Democratic president".
    events = _report_events("Hz3pC4XJ5PdbH4nD")
    assert not any("investigation of Clinton" in a.text for e in events for a in e.actors)


def test_a_typed_verbs_ing_noun_is_its_act() -> None:
    # "the U.S.'s killing of Qassem Soleimani": the "-ing" noun of a typed verb with a named doer is the verb's act,
    # and its "of" object, when someone, is whom it was done to.
    (killing,) = _sentence_events("Egypt's killing of the rebel commander angered the villagers.")
    assert killing.type == "ASSAULT" and [a.text for a in killing.targets] == ["rebel commander"]
    (shooting,) = _sentence_events("Officials described the shooting of two farmers by Turkish soldiers.")
    assert [a.text for a in shooting.actors] == ["Turkish soldiers"] and [a.text for a in shooting.targets] == [
        "two farmers"
    ]
    # Without a named doer, no event; a verb the lexicon reads only without an object keeps that reading ("fired
    # on protesters" is ASSAULT; "Smith's firing of the police chief" is a dismissal).
    assert _sentence_events("The killing of the rebel commander was reported on Monday.") == []
    assert _sentence_events("Mayor Smith's firing of the police chief surprised the council.") == []
    (invasion,) = _sentence_events("Russia's invasion of Ukraine began in February.")
    assert [a.text for a in invasion.targets] == ["Ukraine"]


def test_an_agreement_reached_is_a_formal_agreement() -> None:
    # CAMEO 057 "Sign formal agreement" as reports word it: an agreement or deal reached, a deal made or announced.
    (reached,) = _sentence_events("The two unions reached an agreement with the company on Monday.")
    assert reached.type == "SUPPORT" and [a.text for a in reached.targets] == ["company"]
    assert _types("Mexico made a deal with the United States last month.") == {"SUPPORT"}
    # "reach" with no event noun is no event: a figure or a place reached.
    assert _sentence_events("The survey reached 600 voters in Ohio.") == []


def test_what_is_hoped_or_planned_is_not_done() -> None:
    # Verbs of aim, as the nouns of aim: "hoped to reach an agreement", "wanted to block" name no occurrence (the
    # past "hoped", which the small model lemmatises "hop", included).
    assert _sentence_events("The senator hoped to reach an agreement with Iran.") == []
    assert _sentence_events("Republicans wanted to block the new requirements.") == []
    # Intending and weighing too, the latter with a gerund: "had intended to arrest", "is considering banning".
    assert _sentence_events("The mayor had intended to arrest the protesters.") == []
    assert _sentence_events("The company is considering banning political ads.") == []
    # An attempt is reported as made.
    assert _types("The governor tried to arrest the protesters.") == {"COERCE"}


def test_a_light_verbs_participle_with_a_doer_makes_its_noun_an_event() -> None:
    # "the ban issued by the governor": the noun a light verb's participle describes is its object in the passive,
    # and the "by" phrase its doer.
    (ban,) = _sentence_events("The travel ban issued by the governor was challenged in court.")
    assert ban.type == "COERCE" and [a.text for a in ban.actors] == ["governor"]
    (probe,) = _sentence_events("An investigation launched by the FBI found nothing.")
    assert probe.type == "ACCUSE" and [a.text for a in probe.actors] == ["FBI"]
    # Without a doer, or for a standing relation ("the support provided by"), no event.
    assert _sentence_events("The travel ban issued last year was challenged in court.") == []
    assert _sentence_events("The support provided by the government helped the farmers.") == []


def test_a_light_verbs_noun_under_no_is_negated() -> None:
    # "reached no agreement" is "did not reach an agreement": negated, and a negated cooperation is a REJECT.
    (reached,) = _sentence_events("The two leaders reached no agreement on Monday.")
    assert reached.negated and reached.type == "REJECT"
    (held,) = _sentence_events("The two leaders held talks with the rebels.")
    assert not held.negated and held.type == "CONSULT"


def test_a_verb_modifying_a_light_verbs_noun_is_no_event() -> None:
    # "gave a press conference": a verb used as a noun names the act only as the head of the light verb's object;
    # as its modifier it names a kind of thing ("press" is no REQUEST).
    assert _sentence_events("The mayor gave a press conference on Monday.") == []
    assert _sentence_events("The senators held a press briefing after the vote.") == []
    # A listed event noun still makes its compound an event ("launched a mediation effort"), and a verb used as a
    # noun still does as the head ("launched an attack").
    assert _types("Norway launched a mediation effort between the rebels and the government.") == {"CONSULT"}
    assert _types("The rebels launched an attack on the army base.") == {"ASSAULT"}


def test_firing_someone_is_a_dismissal() -> None:
    # "fire" with a person for object is a dismissal, an untyped occurrence (as "appoint"), not the shooting of
    # "fired on the crowd"; a thing, a plural pronoun (rockets as often as people) or a particle makes no dismissal.
    (fired,) = _sentence_events("The mayor fired the police chief on Friday.")
    assert fired.type is None and fired.lemma == "fire" and [t.text for t in fired.targets] == ["police chief"]
    (sacked,) = _sentence_events("The police chief was fired by the mayor last week.")
    assert sacked.type is None and [a.text for a in sacked.actors] == ["mayor"]
    assert _types("Soldiers fired on the crowd in the square.") == {"ASSAULT"}
    assert _sentence_events("The militants fired them across the border.") == []
    assert _sentence_events("The senator fired off a letter to the governor.") == []
    # A stranded preposition is the shooting's: no dismissal.
    assert all(e.type is not None for e in _sentence_events("Two police officers were fired upon by gunmen on Sunday."))
    assert all(
        e.type is not None for e in _sentence_events("The two officers were fired at by snipers near the station.")
    )
    # A subject pronoun names the person dismissed as an object one does.
    (sacked,) = _sentence_events("She was fired by the governor in March.")
    assert sacked.type is None and [a.text for a in sacked.actors] == ["governor"]


def test_lashing_out_at_someone_is_an_accusation() -> None:
    # CAMEO 111 "Criticize or denounce" as reports phrase it: "lashed out at" names its target by "at", as the
    # verbs of shooting do; "mowed down" is a killing, as "gunned down" is.
    (lashed,) = _sentence_events("The governor lashed out at the senators on Monday.")
    assert lashed.type == "ACCUSE" and [t.text for t in lashed.targets] == ["senators"]
    assert _types("The gunman mowed down the villagers.") == {"ASSAULT"}


def test_the_sides_of_a_mutual_act_are_its_actors() -> None:
    # "fighting between government forces and the rebels", "a phone call between Trump and Zelensky": the sides
    # "between" names acted, as a possessor did; fewer than two named sides name no doer.
    (war,) = _sentence_events("The war between Russia and Ukraine began in 2022.")
    assert war.type == "ASSAULT" and {a.text for a in war.actors} == {"Russia", "Ukraine"}
    (call,) = _sentence_events("They released a transcript of the phone call between Trump and Zelensky.")
    assert call.type == "CONSULT" and {a.text for a in call.actors} == {"Trump", "Zelensky"}
    assert _sentence_events("The distance between the two buildings grew.") == []


def test_an_after_gerund_is_done_by_its_governors_subject() -> None:
    # "after meeting with the envoy, she flew home": the gerund has no subject of its own, and the governing
    # verb's subject did it; a conjunct of the gerund shares it.
    met = _sentence_events("After meeting with the Iranian envoy, the senator flew home.")
    assert [(e.lemma, [a.text for a in e.actors]) for e in met] == [("meet", ["senator"])]
    both = _sentence_events("The governor spoke to reporters after condemning the rioters and praising the officers.")
    assert {e.lemma for e in both} >= {"condemn", "praise"}
    assert all([a.text for a in e.actors] == ["governor"] for e in both if e.lemma in ("condemn", "praise"))


def test_a_gerund_shares_its_governors_unrealised_mood() -> None:
    # The governor's modal, obligation or imperative is the gerund's: what is advised or supposed is not
    # reported done.
    assert _sentence_events("The senator would resign after condemning the rioters.") == []
    assert _sentence_events("Voters should punish Congress after condemning the incumbents.") == []
    assert _sentence_events("If you want lower taxes, force Congress to act after condemning the lobbyists.") == []


def test_verbs_of_a_synset_the_lexicon_types_share_its_type() -> None:
    # WordNet synsets that three or more lexicon verbs type alike (refuse, reject, decline: REJECT; rebuke,
    # reprimand, lambaste: ACCUSE) lend their type to the synset's other verbs (plover.yaml synset_verbs).
    (turned,) = _sentence_events("The union turned down the company's offer on Friday.")
    assert turned.lemma == "turn down" and turned.type == "REJECT"
    assert [a.text for a in turned.actors] == ["union"]
    (scolded,) = _sentence_events("The judge scolded the prosecutors for the delay.")
    assert scolded.type == "ACCUSE" and [t.text for t in scolded.targets] == ["prosecutors"]
    assert _types("The mayor berated the council members at the hearing.") == {"ACCUSE"}
    # A phrasal one needs a true particle: a "particle" with an object of its own is a preposition ("called down
    # the stairs"), no rebuke.
    assert _types("He called down the stairs to his wife.") == set()
    assert _types("The senator lectured the president on trade.") == {"ACCUSE"}
    assert _types("The offer was turned down by the union.") == {"REJECT"}


def test_synset_verbs_name_no_event_noun() -> None:
    # A synset verb is a verb: "gave a lecture" is a talk, not the light verb's ACCUSE; a written verb's noun
    # still is its event ("imposed a ban").
    assert _types("The teacher gave a lecture on economics.") == set()
    assert _types("The governor imposed a ban on fireworks.") == {"COERCE"}


def test_synset_verbs_are_new_to_the_written_lexicon() -> None:
    # The generated block adds verbs only: none is written under verbs (whose entries the loader lets win), and
    # each is read with the type the block gives it.
    data = yaml.safe_load((Path(__file__).parents[2] / "src/dateline/data/plover.yaml").read_text(encoding="utf-8"))
    assert data["synset_verbs"] and not set(data["synset_verbs"]) & set(data["verbs"])
    lex = lexicon()
    assert all(lex.verbs[verb][0] == str(value).split("/")[0] for verb, value in data["synset_verbs"].items())
    # The matcher reads a verb and one particle: no verb with an object ("have words") or a preposition.
    particles = {"down", "up", "out", "off", "back", "over", "in", "on", "away"}
    assert all(len(v.split()) == 1 or v.split()[1] in particles for v in data["synset_verbs"])


def test_manner_verbs_of_judging_aloud_take_their_hypernyms_type() -> None:
    # events.rules.v28: a verb whose most frequent WordNet sense is a verb.communication troponym of a typed verb
    # of criticism, praise or dismissal in its most frequent sense takes its type ("chastise" under "rebuke").
    (chastised,) = _sentence_events("The senator chastised the agency for its slow response.")
    assert chastised.type == "ACCUSE" and [t.text for t in chastised.targets] == ["agency"]
    assert _types("The minister lauded the ceasefire agreement on Monday.") == {"SUPPORT"}
    assert _types("The party disavowed the candidate after the rally.") == {"REJECT"}
    assert _types("The governor railed against the new tariffs.") == {"ACCUSE"}
    # An inquiry is no judgement: "investigate"'s troponyms are left out ("research").
    assert _types("The students researched the history of the town.") == set()


def test_manner_verbs_whose_news_sense_is_no_speech_act_stay_out() -> None:
    # events.rules.v29: WordNet ranks a communication sense first where news means another one: "mitigate" lowers
    # a risk, "scald" burns, "chastened" is humbled, "exalted" is high, "nagging" lingers (bench/wordnet_synsets.py).
    assert _types("The city will mitigate the risk of floods with a new levee.") == set()
    assert _types("The cook scalded the waiter with boiling soup.") == set()
    assert _types("The party was chastened by its defeat and the leader nagged his aides.") == set()
    # The manner verbs read in their speech sense keep their type.
    assert _types("The mayor scolded the council for the delay.") == {"ACCUSE"}


def test_synset_block_is_what_the_wordnet_script_writes() -> None:
    # The block is generated, not edited by hand: bench/wordnet_synsets.py reproduces it from WordNet 3.0
    # (Debian's wordnet-base) and the written verbs.
    wordnet = WORDNET
    module = wordnet_script("wordnet_synsets", needs="data.verb")
    data = yaml.safe_load((Path(__file__).parents[2] / "src/dateline/data/plover.yaml").read_text(encoding="utf-8"))
    block = data.pop("synset_verbs")
    # The derived nouns are read from the written verbs after this block (bench/wordnet_nouns.py).
    data.pop("derived_nouns")
    found = module.troponyms(wordnet, data)
    assert {**found, **module.propose(wordnet, data)} == block
    assert found["chastise"] == "ACCUSE" and found["laud"] == "SUPPORT" and "research" not in found
    assert not {"mitigate", "scald", "chasten", "exalt", "nag", "rationalize"} & set(block)


def test_nouns_wordnet_derives_from_a_typed_verb_name_its_act() -> None:
    # events.rules.v42: a noun whose dominant WordNet sense (an act or a communication) is derived from the dominant
    # sense of a hand-typed verb names that verb's act (plover.yaml derived_nouns) when a "by" phrase names the
    # doer, or a possessor does and a participant complement follows ("of the NATO exercise").
    (criticism,) = _sentence_events("The Kremlin's criticism of the NATO exercise came on Monday.")
    assert criticism.type == "ACCUSE" and [a.text for a in criticism.actors] == ["Kremlin"]
    assert _types("Egypt's confiscation of the cargo angered the shipping company.") == {"COERCE"}
    # Without the complement the possessor is as often whom it was done to: "Trump's prosecution".
    assert _types("The senator would not rule out Trump's prosecution.") == set()
    assert _types("Heller's criticism came on Friday.") == set()
    # A possessed noun of a standing relation stays out, as the written nouns do ("Germany's endorsement").
    assert _types("Germany's endorsement of the plan was welcome.") == set()
    # A bulk AllSides report outside every gold set (seed 27301): "Obama's rejection of advice in 2012 from Panetta
    # and then-secretary of state Hillary Clinton"; the advisers are whom the advice came from.
    (rejection,) = [e for e in _report_events("Rwx8qAIBtnYiWVDM") if e.trigger == "rejection"]
    assert rejection.type == "REJECT" and [a.entity for a in rejection.actors] == ["Barack Obama"]
    assert [t.entity for t in rejection.targets] == ["Leon Panetta", "Hillary Clinton"]


def test_a_derived_deeds_origin_shows_no_doer() -> None:
    # events.rules.v43: "from" and "into" after a derived noun of a deed done to someone say where the patient was
    # moved, so the possessor is the patient (bulk AllSides, seed 28100: "Asiri ... had ordered Khashoggi's
    # repatriation from Turkey"), while an "of" complement still shows the possessor acted.
    assert not [e for e in _report_events("oPoaanJSNn0L65le") if e.trigger == "repatriation"]
    assert _types("Omar Hassan's repatriation from Turkey was delayed.") == set()
    assert _types("Egypt's repatriation of the migrants from Libya began on Monday.") == {"RETREAT"}
    # A written noun keeps its "from": a withdrawal is its possessor's own move.
    assert _types("Russia's withdrawal from the treaty angered Washington.") == {"RETREAT"}


def test_an_event_noun_under_no_is_negated() -> None:
    # events.rules.v43: "no" negates an event noun standing alone as it negates a light verb's ("held no talks").
    (criticism,) = _sentence_events("There was no criticism of Iran by the United States.")
    assert criticism.type == "ACCUSE" and criticism.negated
    (criticism,) = _sentence_events("There was sharp criticism of Iran by the United States.")
    assert not criticism.negated


def test_derived_noun_block_is_what_the_wordnet_script_writes() -> None:
    # The block is generated, not edited by hand: bench/wordnet_nouns.py reproduces it from WordNet 3.0 (Debian's
    # wordnet-base) and the written verbs; nouns the lexicon reads already (listed, spelt as a verb, "-ing") are out.
    wordnet = WORDNET
    module = wordnet_script("wordnet_nouns")
    data = yaml.safe_load((Path(__file__).parents[2] / "src/dateline/data/plover.yaml").read_text(encoding="utf-8"))
    data.pop("synset_verbs")
    block = data.pop("derived_nouns")
    assert module.propose(wordnet, data) == block
    assert block["indictment"] == "ACCUSE" and not {"condemnation", "attacker", "killing"} & set(block)
    # A noun of a stative type would be an entry nothing reads (nominal_trigger reads no "endorsement" or
    # "discussion"), so the script leaves those types out.
    assert not {kind.split("/")[0] for kind in block.values()} & set(data["stative_noun_types"])
    assert not {"endorsement", "discussion", "signature"} & set(block)


def test_the_infinitive_of_a_noun_is_not_done_by_its_governors_subject() -> None:
    # "the authority to pardon": the noun names the act; whoever holds the noun has not done it.
    assert _sentence_events("The governor had the authority to pardon the prisoners.") == []
    assert _types("The governor pardoned the prisoners.") == {"CONCEDE"}
    assert _sentence_events("The senator lacked the power to veto the budget.") == []
    # A finite verb the parse hangs under the noun's infinitive as its conjunct happened: it keeps its doer.
    finite = _sentence_events("Iran rejected the offer to negotiate and threatened to attack US ships.")
    assert [(e.type, [a.text for a in e.actors]) for e in finite] == [("REJECT", ["Iran"]), ("THREATEN", ["Iran"])]
    assert "COERCE" in _types("Trump signed an order to ban travel from seven countries and imposed tariffs on China.")
    # A base form conjoined with the infinitive shares its unrealised reading.
    assert _sentence_events("The senator had the authority to pardon the prisoners and release them.") == []


def test_a_possessed_call_is_a_consultation_only_with_another_side() -> None:
    # A call with, to or between someone is a consultation, the other side named by a preposition, a modifier,
    # or whom the addressee belongs to.
    assert "CONSULT" in _types("Senator Reed's call with Chancellor Weber lasted an hour on Monday.")
    assert "CONSULT" in _types("Senator Reed's Germany call lasted an hour on Monday.")
    assert "CONSULT" in _types("Governor Hale's call to the widow of Captain Ruiz drew criticism.")
    # Without one, a call is an appeal, a decision or a routine, no consultation.
    assert "CONSULT" not in _types("Senator Reed's call to action drew applause from the crowd.")
    assert "CONSULT" not in _types("The delay was Governor Hale's call, aides said.")
    assert "CONSULT" not in _types("Acme's earnings call disappointed investors on Tuesday.")


def test_a_side_written_by_title_or_role_is_another_side() -> None:
    # The other side may be a person by title or role, with no name: a title, a listed side noun.
    assert "CONSULT" in _types("Senator Reed's call with his Austrian counterpart lasted an hour.")
    assert "CONSULT" in _types("Governor Hale's call with the crown prince was friendly.")
    assert "CONSULT" in _types("Senator Reed's Friday call with the Danish prime minister was brief.")


def test_a_quoted_targets_quotation_marks_are_no_part_of_its_text() -> None:
    # "condemned the “deplorable shooting”": the target is the words, not an opening mark left on them.
    for text in (
        "The United States condemned the “deplorable shooting” on Sunday, the Denver Post reported.",
        'The United States condemned the "deplorable shooting" on Sunday, the Denver Post reported.',
    ):
        accuse = [e for e in _pipeline_events(text) if e.type == "ACCUSE"]
        assert [t.text for e in accuse for t in e.targets] == ["deplorable shooting"]
    # A quotation closed inside the phrase keeps both its marks.
    request = [e for e in _pipeline_events("HHS is calling on the “best and brightest” tech experts to help.")]
    assert [t.text for e in request for t in e.targets] == ["“best and brightest” tech experts"]


def test_a_speech_act_told_around_its_own_quotation_is_an_event() -> None:
    # The guide's speech-act events narrated outside the marks around their own quoted words, inside a statement
    # the quotation makes "mixed", are the report's narration, not the speaker's words.
    told = (
        "Senator Maria Lopez spoke in Denver on Monday. Lopez denounced the agency's report as “a disgrace”, "
        "the Denver Post reported."
    )
    accuse = [e for e in _pipeline_events(told) if e.type == "ACCUSE"]
    assert [a.entity for e in accuse for a in e.actors] == ["Maria Lopez"]
    # Inside the marks the words stay the speaker's own.
    quoted = 'Senator Maria Lopez spoke in Denver on Monday. "The mayor denounced the agency," Lopez said.'
    assert "ACCUSE" not in {e.type for e in _pipeline_events(quoted)}
    # A light verb typed by its object's clause is no speech act of its doer.
    carried = (
        "Senator Maria Lopez spoke in Denver on Monday. The group carried out the raid, which Lopez condemned "
        "as “cowardly”, the Denver Post reported."
    )
    assert "ACCUSE" not in {e.type for e in _pipeline_events(carried)}
    # A conjunct with no subject of its own hung on a content clause: the content's subject did not ask.
    conjunct = (
        "Senator Maria Lopez spoke in Denver on Monday. Lopez said in a statement that the mayor broke the law, "
        "and urged the council to “act now” on the matter."
    )
    # Read as narrated, the parse's subject "the mayor" asked: no event at all, while the same act with a subject
    # of its own is narrated.
    assert [(e.type, [a.text for a in e.actors]) for e in _pipeline_events(conjunct)] == []
    own = conjunct.replace("and urged", "and she urged")
    assert [(e.type, [a.text for a in e.actors]) for e in _pipeline_events(own)] == [("REQUEST", ["she"])]


def _targets(text: str, kind: str) -> list[str]:
    """Target phrases of the event of type ``kind`` in ``text``."""
    return [a.text for a in next(e for e in _pipeline_events(text) if e.type == kind).targets]


def test_coordinated_doers_are_not_their_own_targets() -> None:
    # The reciprocal-target rule of v30 was withdrawn: it stored (A, B) -> (A, B), each doer its own target, and
    # fired where the doers act separately or mediate (docs/extractors.md, events v31).
    for text in (
        "Norway and Portugal held talks in Oslo on Monday.",
        "Norway and Portugal discussed the fishing quotas on Monday.",
    ):
        assert not {"Norway", "Portugal"} & set(_targets(text, "CONSULT"))


def test_a_meeting_with_someone_named_keeps_its_own_target() -> None:
    assert _countries("Norway and Portugal held talks with Chile on Monday.", "CONSULT")[1] == {"CHL"}


def test_a_possessor_participant_is_named_without_its_possessive_ending() -> None:
    # "criticized Mr. Smith's plan" is done to Mr. Smith (the owner rule): the "'s" marks the plan's owner and is
    # no word of the participant's name.
    event = next(
        e for e in _pipeline_events("The senator criticized Mr. Smith's plan on Monday.") if e.type == "ACCUSE"
    )
    assert [t.text for t in event.targets] == ["Mr. Smith"]
    assert event.targets[0].span is not None and event.targets[0].span.text == "Mr. Smith"


def test_a_firm_named_with_a_possessive_keeps_it_as_its_name() -> None:
    # "Moody's", "McDonald's": an organisation the model names that owns nothing here keeps its "'s", which is a
    # word of its name; a possessor ("Google's plan") is still named without it.
    assert _actor_texts("Moody's accused the mayor of fraud on Monday.", "ACCUSE") == (["Moody's"], ["mayor of fraud"])
    assert _actor_texts("The union sued McDonald's on Monday.", "ACCUSE")[1] == ["McDonald's"]
    assert _actor_texts("The senator criticized Google's plan on Monday.", "ACCUSE")[1] == ["Google"]


def _actor_texts(text: str, kind: str) -> tuple[list[str], list[str]]:
    """Actor and target phrases of the event of type ``kind`` in ``text``."""
    event = next(e for e in _pipeline_events(text) if e.type == kind)
    return [a.text for a in event.actors], [a.text for a in event.targets]


def test_a_light_verbs_noun_names_its_target_in_its_participle_clause() -> None:
    # "issued a statement condemning X" accuses X: the participle clause is the statement's content, as a
    # that-clause is a demand's; a small clause's subject ("declaring X a threat") is whom it is done to.
    assert _countries("The Norwegian ministry issued a statement condemning Portugal on Monday.", "ACCUSE") == (
        {"NOR"},
        {"PRT"},
    )
    text = "The Norwegian parliament passed a resolution declaring Portugal a threat to the region."
    event = next(e for e in _pipeline_events(text) if e.trigger.startswith("passed"))
    assert [t.text for t in event.targets] == ["Portugal"]
    # A thing the content names is no participant, nor is its possessor, who may be whom it happened to.
    text = "The Norwegian ministry issued a statement condemning the sinking of the ship on Monday."
    event = next(e for e in _pipeline_events(text) if e.type == "ACCUSE")
    assert not [t.text for t in event.targets if "sinking" in t.text or "ship" in t.text]
    text = "The Norwegian ministry issued a statement condemning Smith's death on Monday."
    event = next(e for e in _pipeline_events(text) if e.type == "ACCUSE")
    assert "Smith" not in {t.text for t in event.targets}
    # A clause of the verb, not of its noun, is a circumstance: no target from it.
    assert _countries("The Norwegian minister held talks in Oslo on Monday, hoping Portugal would agree.", "CONSULT")[
        1
    ] <= {None, "NOR"}


def _light_targets(text: str, trigger: str) -> list[str]:
    """Target phrases of the event whose trigger starts with ``trigger`` in ``text``."""
    event = next(e for e in _pipeline_events(text) if e.trigger.startswith(trigger))
    return [t.text for t in event.targets]


def test_a_content_clauses_thing_with_an_agent_suffix_is_no_target() -> None:
    # "-er"/"-or" things ("order", "murder", "number", "charter") name no one: a content clause's patient is
    # someone by a name or a word for someone, never by its suffix; a listed title ("judge") still is.
    assert _light_targets("The city council filed a lawsuit challenging the executive order on Monday.", "filed") == []
    texts = _light_targets("The Norwegian ministry issued a statement condemning the murder of Anna Berg.", "issued")
    assert not [t for t in texts if "murder" in t]
    texts = _light_targets("The Norwegian parliament passed a bill cutting the number of seasonal workers.", "passed")
    assert not [t for t in texts if "number" in t]
    assert _light_targets("The city council filed a motion asking the judge to step aside.", "filed") == ["judge"]
    # People in the plural keep their suffix: "-ers" and "-ants" plurals are mostly people.
    texts = _light_targets("The Norwegian ministry issued a statement condemning the bloggers.", "issued")
    assert texts == ["bloggers"]


def test_a_content_clauses_conjuncts_are_each_someone_or_left_out() -> None:
    # "condemning Portugal and the invasion of X": each conjunct must name someone; the thing joined to a state
    # by "and" is no target, the state is.
    texts = _light_targets(
        "The Norwegian ministry issued a statement condemning Portugal and the invasion of Spain.", "issued"
    )
    assert "Portugal" in texts
    assert not [t for t in texts if "invasion" in t]


def test_a_content_clauses_origin_is_no_target() -> None:
    # "welcoming refugees from X": an origin the parse hangs on the participle is where they came from, not whom
    # the resolution acts on.
    texts = _light_targets("The Norwegian parliament passed a resolution welcoming refugees from Portugal.", "passed")
    assert "Portugal" not in texts
    # A request's "from" names whom it is asked of.
    texts = _light_targets("The Norwegian ministry issued a statement demanding answers from Portugal.", "issued")
    assert "Portugal" in texts


def test_a_content_clauses_name_listed_beside_someone_stays() -> None:
    # A proper name in a list with a named party is one of them, even where the model tags it no organisation.
    texts = _light_targets(
        "The Norwegian ministry filed a petition asking Portugal, Vidzone and other sites to act.", "filed"
    )
    assert {"Portugal", "Vidzone"} <= set(texts)
    assert "sites" not in texts


def test_a_verb_of_commanding_is_an_order_only_with_someone_and_an_infinitive() -> None:
    # "directed the ministries to publish", "instructed his lawyer not to answer": CAMEO 10 "Demand", as "ordered".
    (directed,) = _sentence_events("The court directed the ministries to publish the contracts.")
    assert (directed.lemma, directed.type) == ("direct", "REQUEST")
    assert [a.text for a in directed.actors] == ["court"] and [t.text for t in directed.targets] == ["ministries"]
    (instructed,) = _sentence_events("The minister instructed his lawyer not to answer the questions.")
    assert instructed.type == "REQUEST" and [a.text for a in instructed.actors] == ["minister"]
    # Without that frame the verbs are other acts: a film or funds directed, a class instructed.
    assert _sentence_events("The actress directed her first film in 2010.") == []
    assert _sentence_events("The committee directed the funds to rural schools.") == []
    # Told in a present tense it is guidance or a standing practice, not an order given.
    assert _sentence_events("The governor is directing residents to register online.") == []
    # The participle of a document carries its signer's order.
    (signed, order) = _sentence_events("The governor signed a decree directing the police to close the border.")
    assert signed.lemma == "sign" and order.type == "REQUEST" and [a.text for a in order.actors] == ["governor"]


def _full_events(text: str, lemma: str) -> list[Event]:
    article = article_from_text(text, source_path="t")
    return [e for e in _events_with_prior(article, load_nlp()(article.text)) if e.lemma == lemma]


def test_a_document_gives_no_order() -> None:
    # A singular "-er" noun is no doer: the order or letter directs, its signer is not named in the clause.
    assert _sentence_events("The new order directed the agencies to cut their budgets.") == []
    assert _sentence_events("A letter instructed the staff to stay home on Friday.") == []
    # "it" after a document stands for the document as often as for an organisation: no order is read.
    text = (
        "Governor Ann Kole of Ohio signed the executive order on Monday. The order was sent to every agency. "
        "It instructed the agencies to cut their budgets."
    )
    assert _full_events(text, "instruct") == []
    # Whoever signs an order directing someone gave that order.
    events = _sentence_events("The mayor signed an order directing the police to close the park.")
    (signed,) = [e for e in events if e.lemma == "direct"]
    assert [a.text for a in signed.actors] == ["mayor"] and [t.text for t in signed.targets] == ["police"]


def test_a_finite_verb_the_parse_hangs_on_an_infinitive_gives_no_order() -> None:
    # "hired a firm to rig polls and instructed the company to": the subject search would end on "firm".
    text = (
        "Paul Dorn hired an IT firm to rig online polls ahead of the election and instructed the company to "
        "create a new account."
    )
    assert _full_events(text, "instruct") == []


def test_an_order_told_as_conjecture_or_as_nobodys_is_no_event() -> None:
    assert _sentence_events("Maybe the senators instructed the lawyer to avoid hard questions.") == []
    text = "No witness has identified any official who directed the clerks to use those terms."
    assert _sentence_events(text) == []
    (asserted,) = _sentence_events("The senators instructed the lawyer to avoid hard questions.")
    assert asserted.type == "REQUEST"


def test_an_orders_target_is_who_is_ordered_not_a_name_after_the_infinitive() -> None:
    text = (
        "As part of the project, Acme Strategies instructed Steele to brief reporters from many outlets, including "
        "The Boston Globe and Yahoo! News."
    )
    (instructed,) = _full_events(text, "instruct")
    assert [t.text for t in instructed.targets] == ["Steele"]


def test_a_statement_cue_of_a_material_type_reports_the_saying() -> None:
    # "recalled" as the cue of what someone remembers aloud is no recall of an envoy (SANCTION); the guide makes
    # a speech act an event only as ACCUSE, THREATEN, REQUEST, REJECT or AGREE.
    said = '"We bought the old factory," Senator Maria Lopez recalled on Monday.'
    assert "SANCTION" not in {e.type for e in _pipeline_events(said)}
    done = "The United States recalled its ambassador to Zambia on Monday."
    assert "SANCTION" in {e.type for e in _pipeline_events(done)}
    # A cue of a type whose verbs are also words of saying stays an event ("apologized to the charity").
    apology = "President Barack Obama has apologized to the charity group for the attack."
    assert "SUPPORT" in {e.type for e in _pipeline_events(apology)}


def test_a_statement_cue_whose_lexicon_type_is_decided_away_stays_an_untyped_event() -> None:
    result = _report("PAH156jUqQmek43H")
    # "as the US Intelligence Community Assessment released Friday observed, ...": the statements rules' cue is
    # "released Friday observed". "released" is a RETREAT verb (freeing someone); with no one freed decide_type
    # leaves the release untyped, and untyped occurrences are left alone as cues (_SAID_TYPES).
    assert any(s.cue == "released Friday observed" for s in result.statements)
    assert [e.type for e in result.events if e.trigger == "released"] == [None]


def test_a_remembered_quotation_in_a_real_report_is_no_recall() -> None:
    result = _report("Hp1PcDh6wIHMhltn")
    # "'I said, Really, you're a little too late, sweetheart,' Breen's daughter recalled": a statement's cue.
    assert not [e for e in result.events if e.lemma == "recall"]
    assert any(s.cue == "recalled" for s in result.statements)


def test_a_nationality_adjective_is_the_doer_of_an_event_noun_aimed_at_someone() -> None:
    # "the Russian invasion of Ukraine" reports Russia's act as "Russia's invasion of Ukraine" does.
    (invasion,) = _sentence_events("The Russian invasion of Ukraine began in February.")
    assert invasion.type == "ASSAULT"
    assert [(a.text, a.country) for a in invasion.actors] == [("Russian", "RUS")]
    assert [(t.text, t.country) for t in invasion.targets] == [("Ukraine", "UKR")]
    events = _sentence_events("A Palestinian was killed in an Israeli attack on Gaza City.")
    (attack,) = [e for e in events if e.trigger == "attack"]
    assert [a.country for a in attack.actors] == ["ISR"] and [t.country for t in attack.targets] == ["PSE"]


def test_a_nationality_adjective_without_a_participant_complement_names_no_doer() -> None:
    # Its patient's ("Iraqi deaths") or a market's ("Chinese demand"); a date is no participant ("on Monday").
    assert _sentence_events("Chinese demand for oil rose.") == []
    # The date must hang on the noun itself to test the rule: "Israeli airstrikes on Monday damaged" hangs it on
    # the verb, and no rule is needed for that.
    assert [e.trigger for e in _sentence_events("The Israeli attack on August 26 killed three people.")] == ["killed"]


def test_trigger_candidates_hold_every_token_a_trigger_starts_at() -> None:
    # The extractor asks only the tokens `_trigger_candidates` picks from the Doc's columns; on real reports
    # every token at which `find_trigger` or `nominal_trigger` fires must be among them, in order.
    from dateline.extract.events import _trigger_candidates, find_trigger, nominal_trigger
    from dateline.ingest import iter_documents
    from tests.conftest import CORPUS

    folder = CORPUS / "allsides-article-bias" / "jsons"
    paths = [str(folder / f"{name}.json") for name in ("1NgNNjJyfeT1pq9o", "TKYBmQeghO9D3CtY")]
    for article in iter_documents(paths):
        assert isinstance(article, Article)
        doc = load_nlp()(article.text)
        firing = [t.i for t in doc if find_trigger(t) or nominal_trigger(t)]
        picked = [t.i for t in _trigger_candidates(doc)]
        assert firing and set(firing) <= set(picked) and picked == sorted(picked)
        assert len(picked) < len(doc)


def test_igo_names_are_looked_up_at_either_end_as_the_list_scan_found_them() -> None:
    # `actors._names_igo` looks up the words at either end of each space; the scan it replaced tried every
    # organisation of the list at both ends. Both must agree on every span of up to four words of a real report
    # (its entities and noun chunks too), and on keys built around each organisation's name.
    from dateline.extract.support.actors import _names_igo
    from dateline.extract.support.actors import lexicon as actors_lexicon
    from dateline.ingest import iter_documents
    from dateline.normalize import name_key
    from tests.conftest import CORPUS

    igos = actors_lexicon().igos

    def scanned(key: str, phrase: Any) -> bool:
        return any(
            key == igo
            or (key.endswith(" " + igo) and phrase[-1].ent_type_ != "PERSON")
            or (key.startswith(igo + " ") and phrase[0].ent_type_ != "PERSON")
            for igo in igos
        )

    folder = CORPUS / "allsides-article-bias" / "jsons"
    (article,) = iter_documents([str(folder / "1NgNNjJyfeT1pq9o.json")])
    assert isinstance(article, Article)
    doc = load_nlp()(article.text)
    spans = [*doc.ents, *doc.noun_chunks, *(doc[i : i + k] for i in range(len(doc)) for k in (1, 2, 3, 4))]
    keys = [(name_key(s.text), s) for s in spans if len(s)]
    keys += [(key, doc[0:2]) for igo in igos for key in (igo, f"the {igo}", f"{igo} members", f"x {igo} y", igo + "x")]
    assert all(_names_igo(key, span, igos) == scanned(key, span) for key, span in keys)
    assert any(scanned(key, span) for key, span in keys)


def test_an_attack_in_speech_is_criticism_not_violence() -> None:
    # Real reports (AllSides, outside every gold set, picked with seed 33000): "attack" in its speech sense, shown
    # by a grievance ("for its support", "for pressing him") or a speech verb beside it ("questioning his
    # ability"), is PLOVER's ACCUSE (criticize or denounce), not ASSAULT.
    from dateline.ingest import iter_documents
    from dateline.pipeline import Pipeline
    from tests.conftest import CORPUS

    folder = CORPUS / "allsides-article-bias" / "jsons"
    names = ("E7G6wJyXgodEdsl9", "XmKbjKyAMqaVk4Qx", "jasdXSmOzAth6CJF")
    results = [r for r in Pipeline().run(iter_documents([str(folder / f"{n}.json") for n in names]))]
    found = {(e.trigger, e.type, tuple(t.text for t in e.targets)) for r in results for e in r.events}
    assert ("attack", "ACCUSE", ("Cruz",)) in found
    assert ("attacked", "ACCUSE", ("reporters",)) in found
    assert ("attacked", "ACCUSE", ("Iran",)) in found
    assert not any(t.startswith("attack") and k == "ASSAULT" for t, k, _ in found)


def test_a_violent_attack_stays_an_assault() -> None:
    # No grievance, speech setting or speech verb: the attack is violence, whatever its target.
    assert _types("Gunmen attacked a police station in Kabul on Monday.") == {"ASSAULT"}
    assert _types("A man with an ax attacked an embassy guard for no reason.") == {"ASSAULT"}
    assert _types("Militants attacked the convoy over the border.") == {"ASSAULT"}
    # How hard an attack was says nothing of its medium.
    assert _types("Militants launched a vicious attack on the convoy.") == {"ASSAULT"}
    assert _types("Militants launched a verbal attack on the convoy.") == {"ACCUSE"}
    assert _types("The senator attacked the governor in a speech on Monday.") == {"ACCUSE"}
    assert _types("The senator attacked the governor over his handling of the floods.") == {"ACCUSE"}


def test_a_noun_whose_lemma_no_entry_types_is_passed_over_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    # Real reports: every noun gets the trigger it got when each was read in full (``_typable_noun`` only skips
    # the nouns whose lemma can type nothing), and most nouns are skipped.
    from dateline.extract import events
    from dateline.ingest import iter_documents
    from tests.conftest import CORPUS

    folder = CORPUS / "allsides-article-bias" / "jsons"
    paths = sorted(folder.glob("*.json"))[100:120]
    nlp = load_nlp()
    nouns = [t for a in iter_documents([str(p) for p in paths]) for t in nlp(a.text) if t.pos_ == "NOUN"]
    gated = [events.nominal_trigger(t) for t in nouns]
    lex = lexicon()
    skipped = sum(not events._typable_noun(lex, t.lemma_.lower()) for t in nouns)
    monkeypatch.setattr(events, "_typable_noun", lambda lex, lemma: True)
    full = [events.nominal_trigger(t) for t in nouns]

    def read(trigger: Any) -> Any:
        return trigger and (trigger.verb.i, trigger.last.i, trigger.lemma, trigger.type, trigger.mode)

    assert list(map(read, gated)) == list(map(read, full))
    assert sum(t is not None for t in full) >= 5
    assert skipped > len(nouns) / 2


def test_an_armed_doer_attacks_with_arms_whatever_its_reason() -> None:
    # Soldiers, police and militants (sectors.yaml's MIL, COP, REB) attack for a reason and announce it too: a
    # grievance, a speech verb beside the attack or a speech it happened during shows no criticism from them.
    assert _types("Militants attacked the convoy for carrying weapons to the army.") == {"ASSAULT"}
    assert _types("The army attacked rebel bases over their refusal to disarm.") == {"ASSAULT"}
    assert _types("Militants attacked the base, saying it was revenge for the killings.") == {"ASSAULT"}
    assert "ASSAULT" in _types("Police attacked the crowd during a speech by the opposition leader.")
    # The medium itself still makes an armed side's attack verbal.
    assert _types("The army attacked the opposition leader in a statement.") == {"ACCUSE"}


def test_the_documents_statements_read_are_settings_of_speech_too() -> None:
    # cues.yaml's document nouns (their one owner) are nouns of writing: "in an email" makes the attack verbal.
    from dateline.data import load_yaml
    from dateline.extract.support.speakers import DOCUMENT_NOUNS

    assert lexicon().speech_settings >= DOCUMENT_NOUNS
    assert not DOCUMENT_NOUNS & set(load_yaml("plover.yaml")["speech_settings"])
    assert _types("The senator attacked the governor in an email to donors.") == {"ACCUSE"}


def test_the_noun_gate_keeps_nothing_per_lemma_it_meets() -> None:
    # A worker meets tens of thousands of distinct noun lemmas over a long run: the gate may hold what the
    # lexicon can type (bounded by the lexicon), never an entry per lemma asked about.
    import tracemalloc

    from dateline.extract import events

    lex = lexicon()
    events._typable_noun(lex, "warming-up")  # the lexicon's part made before the count
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        answers = [events._typable_noun(lex, f"unheard{i}noun") for i in range(20_000)]
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    del answers
    assert grown < 500_000  # the answers list itself; a per-lemma memo adds several MB


def test_the_noun_gate_answers_what_each_way_of_typing_a_noun_says() -> None:
    # The gate's one set stands for the reads ``nominal_trigger`` makes: a "noun preposition" verb phrase, the
    # possessed, own or derived entry, an "-ing" noun's verb and the noun that is a typed verb.
    from dateline.extract import events

    lex = lexicon()
    heads = {key[:i] for key in lex.verbs for i, c in enumerate(key) if c == " "}
    lemmas = {*lex.verbs, *lex.nouns, *lex.possessed, *lex.derived_nouns, *heads}
    lemmas |= {f"{lemma}ing" for lemma in sorted(lemmas)[:2000]} | {"table", "beheading", "shipping", "xyzzy"}

    def typable(lemma: str) -> bool:
        return (
            lemma in heads
            or lemma in lex.possessed
            or lemma in lex.nouns
            or lemma in lex.derived_nouns
            or events._gerund_stem(lemma) is not None
            or events._active(events._nominal(lemma)) is not None
        )

    assert [lemma for lemma in sorted(lemmas) if events._typable_noun(lex, lemma) != typable(lemma)] == []
    assert events._typable_noun(lex, "beheading") and not events._typable_noun(lex, "table")


@pytest.mark.parametrize(
    ("title", "of", "country"),
    [
        ("senator", "Vermont", "USA"),  # a US state, by the offices lexicon
        ("Gov.", "Ariz.", "USA"),  # its AP abbreviation, as a party-state tag writes it
        ("Premier", "Ontario", "CAN"),  # a province the gazetteer knows in one country
        ("Chief Minister", "Punjab", None),  # a province of Pakistan and a state of India: no one country
        ("President", "Georgia", "GEO"),  # a country's name stays the country's
    ],
)
def test_an_office_of_a_first_level_division_gives_that_divisions_country(
    title: str, of: str, country: str | None
) -> None:
    from dateline.extract.support.actors import entity_country
    from dateline.model import Entity, Role

    holder = Entity(article_id="a", spans=(Span(0, 1, "X"),), name="X", type="PERSON", roles=(Role(title, of),))
    assert entity_country(holder) == country


def test_a_senator_of_a_state_is_of_its_country() -> None:
    # "he condemned Sanders" (Grassley to Bernie Sanders, "Sen. Bernie Sanders (I-Vt.)"; bulk sample seed 46000):
    # the senator's office is of Vermont, a US state, so both sides are the USA's.
    condemned = next(e for e in _report_events("HVreukvW3IlEP3cJ") if e.trigger == "condemned")
    assert [(a.text, a.country) for a in condemned.targets] == [("Sanders", "USA")]


def test_a_national_envoy_posted_to_an_organisation_is_the_envoys_state() -> None:
    # "the U.S. ambassador to the European Union" (bulk sentences seed 47202) was coded IGO: the whole phrase
    # ended with an organisation's name. The envoy speaks for the state named before the posting.
    assert _countries("The Iranian ambassador to the United Nations rejected the charges.", "REJECT")[0] == {"IRN"}
    assert _countries("The US envoy to NATO criticized Turkey on Monday.", "ACCUSE")[0] == {"USA"}
    assert _countries("Syria's ambassador to the UN rejected the accusations.", "REJECT")[0] == {"SYR"}
    # No state before the posting: the organisation is still read, as before.
    assert _countries("The ambassador to the UN criticized Turkey on Monday.", "ACCUSE")[0] == {"IGO"}
    assert _countries("The EU's envoy to the UN criticized Turkey on Monday.", "ACCUSE")[0] == {"IGO"}


def test_a_person_object_is_the_target_not_the_doer_its_participle_names() -> None:
    # "expelled a university founded by Mr. Soros" (bulk sentences seed 47204) had the target "Mr.": the rule that
    # makes the doer of "the attack carried out by X" the target of condemning it took the founder for the
    # expelled. Someone the action is done to stays the target; a deed or thing still gives its doer.
    assert _targets("The Nigerian army freed 300 hostages held by Boko Haram.", "RETREAT") == ["300 hostages"]
    assert _countries("Hamas condemned the attack carried out by Israeli settlers.", "ACCUSE")[1] == {"ISR"}
    assert _targets("Hamas condemned the attack carried out by Israeli settlers.", "ACCUSE") == ["Israeli settlers"]


def test_a_surname_the_tagger_reads_as_a_common_word_is_that_person() -> None:
    # "trump", "page" and "sessions" are nouns too: the tagger read each surname as one, the model tagged no
    # entity over it, and the actor was dropped as a thing (bulk samples, seeds 47100 and 47101).
    threatened = next(e for e in _report_events("P9sycv7TXXTZ6io9") if e.trigger == "threatened")
    assert [(a.text, a.entity) for a in threatened.actors] == [("Trump", "Donald Trump")]
    assert threatened.type == "THREATEN"
    denied = next(e for e in _report_events("c2kV57AqrvTlUgrk") if e.trigger == "denied")
    assert [(a.text, a.entity) for a in denied.actors] == [("Page", "Carter Page")]
    stepped = next(e for e in _report_events("KjEi5wxaqdWayhvg") if e.trigger == "stepped down")
    assert [a.entity for a in stepped.actors] == ["Jeff Sessions"]


def test_only_a_surname_read_as_a_common_word_names_a_person() -> None:
    # events v51 (review of v50): "JUST WATCHED Will alleged evidence sink Christie? Replay More Videos" (bulk
    # sample seed 48301): the model made a person "Replay More Videos" of a video player's caption, and its
    # first word, an alias, named the actor of "alleged". The rule serves surnames: only the name's last word.
    # (Since v63 the caption's "Will alleged ..." is a forecast and no event, so the rule is asked directly.
    # Since session 34 ingest drops the video player's lines as page debris, so the report's raw lines are read.)
    import json

    from dateline.extract.events import _alias_person
    from dateline.extract.support.actors import make_actor
    from dateline.pipeline import Pipeline
    from tests.conftest import CORPUS, require_shared

    path = require_shared(CORPUS / "allsides-article-bias" / "jsons" / "iEUP8INC95pGxbVy.json")
    raw = json.loads(path.read_text(encoding="utf-8"))["content"]
    text = "\n".join(line.strip() for line in raw.splitlines() if line.strip())
    article = Article(id=Article.make_id(text), text=text, source_path="t", content_hash="")
    doc = load_nlp()(text)
    analysis = Pipeline().analyze(article, doc)
    assert isinstance(analysis, Analysis)
    replay = next(t for t in doc if t.text == "Replay" and t.pos_ != "PROPN" and not t.ent_type_)
    assert any("Replay" in e.aliases for e in analysis.entities if e.type == "PERSON")
    actor = make_actor(replay, article, analysis.entities)
    assert _alias_person(actor, replay, analysis.entities) is None


def test_a_surname_read_as_a_common_word_takes_the_sector_of_the_persons_office() -> None:
    # events v51 (review of v50): "Trump fired Comey in May 2017" (bulk sample seed 48300), "trump" a noun: the
    # actor named by the alias took the person's name but not the sector of his office ("President"), which a
    # mention the entities cover gets; it is now made as such a mention is.
    fired = next(e for e in _report_events("Q1VGVrFGtdzYu2Fd") if e.trigger == "fired")
    assert [(a.text, a.entity, a.country, a.sector) for a in fired.actors] == [("Trump", "Donald Trump", "USA", "GOV")]


def test_an_office_at_a_body_of_another_sector_takes_the_bodys_sector() -> None:
    # events v68: "Jose Jimenez, a chemist at the University of Colorado who signed the paper" (bulk sample seed
    # 168001): the office's body gives the sector its title does not (EDU); a country's office keeps its title's.
    signed = next(e for e in _report_events("8UlNXRSfv4ncTOV5") if e.trigger == "signed")
    assert [(a.entity, a.sector) for a in signed.actors] == [("Jose Jimenez", "EDU")]
    text = "Ben Sasse is the president of Midland University. Sasse accused the governor of lying."
    assert [a.sector for a in _event_of(text, "ACCUSE").actors] == ["EDU"]
    text = "John Smith, the pastor of Concordia Lutheran Church, accused the governor of lying."
    assert [a.sector for a in _event_of(text, "ACCUSE").actors] == ["REL"]
    # A body of the state's own sectors leaves the office to its title (the Senate's leader: GOV, not LEG).
    text = "Mitch McConnell is the majority leader of the Senate. McConnell accused the president of lying."
    assert [a.sector for a in _event_of(text, "ACCUSE").actors] == ["GOV"]
    # A head that only describes an organisation is not read ("Union" is in sectors.yaml as LAB).
    text = "Eduard Shevardnadze is the Foreign Minister of the Soviet Union. Shevardnadze accused Washington of lying."
    assert [a.sector for a in _event_of(text, "ACCUSE").actors] == ["GOV"]
    # A former office's body is not the holder's now: its title alone is read ("professor": none).
    text = "John Smith, a former professor at Harvard University, accused the governor of lying."
    assert [a.sector for a in _event_of(text, "ACCUSE").actors] == [None]


def test_a_campaign_office_gives_no_government_sector() -> None:
    # events v68: "former Donald Trump campaign officials Paul Manafort and Rick Gates" gave Gates, named apart from
    # the title, GOV from his office "former campaign official"; a government's officials stay GOV.
    text = "Prosecutors charged former Donald Trump campaign officials Paul Manafort and Rick Gates with fraud."
    charged = _event_of(text, "ACCUSE")
    assert [a.sector for a in charged.targets if a.entity == "Rick Gates"] == [None]
    text = "Prosecutors charged former Trump administration officials Paul Manafort and Rick Gates with fraud."
    assert [a.sector for a in _event_of(text, "ACCUSE").targets if a.entity == "Rick Gates"] == ["GOV"]


def test_a_one_word_name_the_tagger_reads_as_a_common_word_is_no_actor() -> None:
    # "Race to the Top ... has helped states": a programme the entities read as a person "Race"; only a person the
    # report names in full is named by an alias (bulk sample, seed 47103).
    assert not any(e.trigger == "helped" for e in _report_events("6VVToIZiXcxDypxc"))


def test_a_meeting_with_people_named_by_a_common_noun_is_a_consultation() -> None:
    # events v52: "met" with a side named only by a noun of people kept no type, as "met the deadline" does (bulk
    # sample seed 51501, a report outside every gold set: "The pope met eight abuse victims on Saturday").
    met = [e for e in _report_events("08q3Gl9GR6xMjfN6") if e.trigger == "met"]
    assert {e.type for e in met} == {"CONSULT"}
    # Not a thing ("hosted 13 state dinners", same sample) nor a relative ("to visit her family": a private call).
    hosted = next(e for e in _report_events("xnsSsLWl2L7nUEgE") if [t.text for t in e.targets] == ["13 state dinners"])
    assert hosted.type is None
    visit = next(e for e in _report_events("mjvnMCIHqjYpbkDq") if e.trigger == "visit")
    assert visit.type is None


def test_a_sources_request_for_anonymity_is_no_request() -> None:
    # events v52: "said the officials, who requested anonymity to discuss the incident" (seed 51503, a report
    # outside every gold set) is the report's sourcing, not a REQUEST it reports.
    events = _report_events("SFdhYtr9VYCl3xWr")
    assert not [e for e in events if e.trigger == "requested" and e.type == "REQUEST"]
    assert _types("Iran asked Russia for help against the rebels.") == {"REQUEST"}


# events.rules v53 (session 28): participants' countries, each on a bulk report outside every gold set (BBC and
# Reuters-21578, private check sets seeds 52000 and 52001; AllSides, seed 52003).
def _bulk_events(relative: str, newid: int | None = None) -> list[Event]:
    """The events of one BBC text file or one Reuters-21578 story (``newid``) through the whole pipeline."""
    from dateline.ingest import iter_documents
    from dateline.pipeline import Pipeline
    from tests.conftest import CORPUS, require_shared

    path = require_shared(CORPUS / relative)
    articles = [
        a
        for a in iter_documents([str(path)])
        if isinstance(a, Article) and (newid is None or a.source_path.endswith(f"#NEWID={newid}"))
    ]
    (result,) = Pipeline().run(articles)
    assert isinstance(result, Analysis), result
    return list(result.events)


def _bulk_event(relative: str, trigger: str, newid: int | None = None) -> Event:
    return next(e for e in _bulk_events(relative, newid) if e.trigger == trigger)


def test_an_organisations_country_comes_from_its_other_mentions() -> None:
    # "British Airways has blamed ..." then "Since the 11 September 2001 attacks in the United States, BA has cut
    # 13,000 jobs": the sentence's country (American) was the actor's before `stated_country`.
    cut = _bulk_event("bbc-news-greene2006/bbc/business/004.txt", "cut")
    assert [(a.text, a.country) for a in cut.actors] == [("BA", "GBR")]
    # "Britain's Export Credits Guarantee Department (ECGD)", then "The ECGD suspended cover on Nigeria".
    suspended = _bulk_event("reuters21578/reut2-013.sgm", "suspended", 13050)
    assert [(a.text, a.country) for a in suspended.actors] == [("ECGD", "GBR")]


def test_a_visitor_takes_the_reports_country_not_the_place_visited() -> None:
    # "On Wednesday, Mr Brown visited slums in the Kenyan capital Nairobi": the UK chancellor, not a Kenyan.
    visited = _bulk_event("bbc-news-greene2006/bbc/politics/366.txt", "visited")
    assert [(a.entity, a.country) for a in visited.actors] == [("Gordon Brown", "GBR")]


def test_the_datelines_city_is_never_the_actor() -> None:
    # "WASHINGTON, June 2 - The Commodity Credit Corporation (CCC) has accepted a bid": the parse made the
    # dateline's city the subject and the corporation its apposition.
    accepted = _bulk_event("reuters21578/reut2-018.sgm", "accepted", 18277)
    assert [a.text for a in accepted.actors] == ["Commodity Credit Corporation"]
    # "ATHENS, April 7 - Greece and the Soviet Union have reached agreement": the model's date ran on into
    # "Greece", and the dateline's date was part of the actor's words.
    agreed = _bulk_event("reuters21578/reut2-013.sgm", "reached agreement", 13507)
    assert [(a.text, a.country) for a in agreed.actors] == [("Greece", "GRC"), ("Soviet Union", "RUS")]


def test_two_proper_nouns_in_a_row_name_a_place_before_either_alone() -> None:
    # "New York State passed a similar provision in 2013": the word "York" alone is a Canadian region's name.
    passed = next(e for e in _report_events("BXzc9KYB3UC1NrMH") if e.trigger == "passed")
    assert [(a.text, a.country) for a in passed.actors] == [("New York State", "USA")]
    # "The Reserve Bank of New Zealand cut its benchmark interest rate": no country before.
    cuts = [e for e in _report_events("BJZhigOuI6wSNvcG") if e.trigger == "cut"]
    assert ("Reserve Bank of New Zealand", "NZL") in {(a.text, a.country) for e in cuts for a in e.actors}


# events.rules v54 (session 28, review of v52-v53), each on a bulk report outside every gold set (AllSides, seed
# 57001).
def test_a_place_outside_the_persons_clause_makes_no_visitor() -> None:
    # "Last year when Justin Trudeau was hosting, the event was held at ..., a luxury resort in Quebec": the
    # place is where the event was held (the main clause), not where the host went; the host kept the report's
    # country (American) under v53.
    hosting = next(e for e in _report_events("8oiMb4dE83Dqwgw8") if e.trigger == "hosting")
    assert [(a.text, a.country) for a in hosting.actors] == [("Justin Trudeau", "CAN")]


def test_a_person_noun_that_also_names_an_occasion_is_no_side_met() -> None:
    # "Inslee also hosted a fundraiser for Kelly in Seattle": WordNet's first sense of "fundraiser" is a person,
    # another an occasion (noun.event); a hosted fundraiser is the event, not a consultation.
    hosted = next(e for e in _report_events("qEpwXi63BDXD0ET5") if e.trigger == "hosted")
    assert hosted.type is None


def test_a_visit_to_kin_or_a_partner_is_a_private_call() -> None:
    # "He was traveling to Texas to visit his fiancee and son" (AllSides, seed 57002): "fiancee" is a person noun
    # no listed relative, so v52 made the visit a consultation; WordNet's relatives and lovers are private calls.
    visit = next(e for e in _report_events("IvJgjXtK14UwxIvH") if e.trigger == "visit")
    assert visit.type is None
    assert _types("The governor met with voters in Iowa on Monday.") == {"CONSULT"}
    # Kin of no one named are people as any others ("he will host parents, teachers and students", seed 57002).
    hosted = next(e for e in _report_events("7pBMar6wNGfsyDfq") if e.trigger == "host")
    assert hosted.type is not None


def test_an_institutions_word_inside_another_bodys_name_gives_no_country() -> None:
    # "African National Congress president Oliver Tambo" (Reuters-21578, seed 57002): "Congress" read alone is the
    # US Congress, and v53's `stated_country` carried USA to each later "Tambo".
    events = _bulk_events("reuters21578/reut2-008.sgm", 8575)
    agreed = next(e for e in events if e.trigger == "agreed")
    assert [t.country for t in agreed.targets] == ["ZAF"]
    assert not [a for e in events for a in e.actors if a.text == "Tambo" and a.country == "USA"]


def test_a_persons_own_name_states_no_country() -> None:
    # "Saul Israel Holiff" (BBC entertainment 320, seed 57003): the middle name read as Israel made every "Mr
    # Holiff" and "He" Israeli under v53's `stated_country`; only the words before a person's name state one.
    events = _bulk_events("bbc-news-greene2006/bbc/entertainment/320.txt")
    assert not [a for e in events for a in e.actors if a.country == "ISR"]
    # "He passed away on 17 March": no word of the report states Holiff's country, so none is given.
    passed = next(e for e in events if e.trigger == "passed")
    assert [(a.text, a.country) for a in passed.actors] == [("He", None)]


# events.rules v55 (session 29, issue 17), each on a bulk report outside every gold set (AllSides, seed 65029).
def test_a_clause_with_no_date_takes_its_governors() -> None:
    # "On Dec. 14, Adam Lanza stormed Sandy Hook Elementary School ... and fatally gunned down 20 students": a
    # conjunct happens when its first verb does.
    gunned = next(e for e in _report_events("EQTYGw78WVKU5F3w") if e.trigger == "gunned down")
    assert gunned.date == "2012-12-14"
    # "On Thursday, he blasted “professional protesters” and accused the media": a conjunct again.
    accused = next(e for e in _report_events("gBwnk5iMMLQSLQJS") if e.trigger == "accused")
    assert accused.date == "2016-11-10"
    # "Christie, too, played the role Thursday of disenchanted Washington outsider, scolding the Florida and Texas
    # senators" (seed 65101): a participle adjunct, the governor's Thursday.
    scolding = next(e for e in _report_events("RD8M2jQQnD6bLw54") if e.trigger == "scolding")
    assert scolding.date == "2016-01-28"


def test_an_open_complement_or_a_past_participle_adjunct_keeps_its_own_time() -> None:
    # "took to Twitter Thursday to call on President Obama" is dated by no time of its own, and an infinitive is
    # often what is wanted or planned after its governor ("a plan outlined Monday ... to hold talks", seed 65101):
    # v55 takes no time across it; nor across a past participle adjunct ("Accused by more than 80 women, Weinstein
    # surrendered ... Friday morning", seed 65101).
    call = next(e for e in _report_events("gBwnk5iMMLQSLQJS") if e.trigger == "call on")
    assert call.date is None
    accused = next(e for e in _report_events("RTpowbfE9f2I89z1") if e.trigger == "Accused")
    assert accused.date is None


def test_a_when_clause_takes_the_time_it_hangs_on() -> None:
    # "DACA's end really started on September 5, 2017, when the Trump administration stopped accepting new
    # applications".
    accepting = next(e for e in _report_events("1WKxDnfSCcxh9KX2") if e.trigger == "accepting")
    assert accepting.date == "2017-09-05"


def test_a_time_that_dates_another_clause_is_not_the_governors() -> None:
    # "electors, those who will formally cast votes ... on Dec. 19, are pushing to block Trump": the date is the
    # relative clause's; "pushing through a controversial constitution ..., passing a highly divisive edict ...,
    # and ... appointing 17 provincial governors last week": a sibling conjunct's.
    block = next(e for e in _report_events("FhdUeq2TcOPGHnyG") if e.trigger == "block")
    assert block.date is None
    passing = next(e for e in _report_events("p28uwxuuyQe3Ts10") if e.trigger == "passing")
    assert passing.date is None
    # "having won just a single contest" after "a little more than three months after he launched": no date (the
    # duration guard itself is tested on a sentence of its own below: this report gives None without it too).
    won = next(e for e in _report_events("Wg8zxXfELqQSheSk") if e.trigger == "won")
    assert won.date is None


def test_a_conjunct_with_a_time_of_its_own_or_a_bounding_time_gives_no_date() -> None:
    # Review of v55 on bulk reports outside every gold set (AllSides, seed 69100). A present-tense conjunct under a
    # past governor is another time: "Corbyn ... lost a no-confidence vote by Labour MPs Tuesday, but is refusing
    # to resign"; a simple past one is the governor's: "Trump met with senior officials last Thursday and agreed".
    refusing = next(e for e in _report_events("3bxu1aOOGmX08IuW") if e.trigger == "refusing")
    assert refusing.date is None
    agreed = next(e for e in _report_events("9xdELMjgKCykAtC6") if e.trigger == "agreed")
    assert agreed.date == "2019-09-12"
    # "since" and "by" bound the governor's action, they do not date it: "have not increased ... since 1990, that
    # undocumented immigrants do not contribute"; "By Nov. 5, Lew says, Congress must raise the federal debt limit
    # to allow the government to meet its obligations".
    contribute = next(e for e in _report_events("PMU9eHhsKW0P1muD") if e.trigger == "contribute")
    assert contribute.date is None
    # Since v67 that "must raise ... to allow" is no act (_unreal_infinitive), so the bound is asked of the act
    # done, against the same sentence with "On".
    assert not any(e.trigger == "allow" for e in _report_events("pzgoj8Sn60r9CTzb"))
    raised = "{} Nov. 5, 2013, Congress raised the federal debt limit to allow the government to meet its obligations."
    bound = next(e for e in _pipeline_events(raised.format("By")) if e.trigger == "allow")
    assert bound.date is None
    dated = next(e for e in _pipeline_events(raised.format("On")) if e.trigger == "allow")
    assert dated.date == "2013-11-05"


def test_a_duration_is_no_date_and_a_date_before_the_event_noun_is_one() -> None:
    # "For three months" says how long, not when: since v57 no date of its own clause either (before, "besieged"
    # took P3M), and its adjunct takes none from it.
    events = _pipeline_events("The army besieged the city for three months, killing hundreds of civilians.")
    assert [(e.trigger, e.date) for e in events] == [("besieged", None), ("killing", None)]
    # "A 2006 investigation carried out by ICE found" (review seed 69100): the noun's own date, outside the verb's.
    (investigation,) = _pipeline_events("A 2006 investigation carried out by the agency found abuses.")
    assert (investigation.trigger, investigation.date) == ("investigation carried", "2006")


def test_advice_under_ought_and_a_for_to_clause_are_not_reported_done() -> None:
    # AllSides reports outside every gold set (seed 71001): "senators ought not to oppose nominees" (the parse
    # makes "ought" the head its infinitive completes), "it will make it difficult for lawmakers to agree on
    # language", "it may be impossible for the two men to cut a deal": advice and irrealis clauses, no events.
    opposed = [e for e in _report_events("Gnp6dwqYkUgZ9FwO") if e.lemma == "oppose"]
    assert [e.trigger for e in opposed] == ["opposed", "opposed"]  # "Sessions vociferously opposed ..." stays
    assert not [e for e in _report_events("yGthb6x3dZOObOFH") if e.lemma == "agree"]
    report = _report("3oixNzm5qPtBB0Gq")
    before = [report.article.text[e.spans[0].start - 30 : e.spans[0].start] for e in report.events]
    assert "cut" in [e.lemma for e in report.events]  # another "cut" of that report is reported done
    assert not [b for b in before if b.endswith("for the two men to ")]
    assert _sentence_events("The party ought to endorse the senator.") == []
    assert _sentence_events("It is time for the senators to reject the nominee.") == []
    # Done, the same acts are events.
    assert _types("The party endorsed the senator.") == {"SUPPORT"}
    assert _types("The senators rejected the nominee.") == {"REJECT"}


def test_an_obligation_thought_or_asked_about_is_no_request() -> None:
    # AllSides reports outside every gold set (seed 71001): "doesn't think Democrats should worry" and "what they
    # should do" (under "declining to say") were REQUESTs of Democrats and of the House before v55.
    assert not [e for e in _report_events("HYxBnfUZIF54kYEi") if e.lemma == "worry"]
    assert not [e for e in _report_events("eQntus0nmrByKXsw") if e.lemma == "do" and e.type == "REQUEST"]
    assert _sentence_events("The senator believed the agency should release the files.") == []
    # Said, an obligation is still the sayer's request of the obliged (PLOVER GSR), "that" clause or not, and a
    # capitalised acronym is no wh-word ("MARTHA MCSALLY SAYS WHO BOSS SHOULD RESIGN", seed 71002).
    assert [e.type for e in _report_events("Jz8hjqP8CMtKE36j") if e.lemma == "resign"] == ["REQUEST"]
    assert _types("The minister said that the company must return the land.") == {"REQUEST"}


def test_a_condition_or_time_clause_before_a_reported_obligation_asks_nothing() -> None:
    # Final read of session 29: the content's first word belongs to its fronted "if"/"when" clause, so it is no
    # embedded question; the obligation is still the sayer's request, as before v56.
    assert _types("Russia said if Iran attacks, the United States must respond.") == {"REQUEST"}
    assert _types("Russia said when the talks resume, Sudan must return the helicopter.") == {"REQUEST"}
    assert _sentence_events("He asked whether Sudan must return the helicopter.") == []


def test_a_for_to_clause_that_reports_a_past_act_stays_an_event() -> None:
    # Review, AllSides sentences outside every gold set (seed 69400): a past "took" of time asserts the act ("it
    # took eight months for the Committee to dismiss this matter"), as a perfect infinitive looks back on one
    # ("no valid reason for the FBI to have interrogated Flynn"); v55 before the review dropped all three.
    assert _types("It took eight months for the committee to dismiss the complaint.") == {"REJECT"}
    assert _types("It took less than three hours for the president to back off his call.") == {"CONCEDE"}
    assert _types("There was no valid reason for the FBI to have interrogated the general.") == {"ACCUSE"}
    # With a modal, or called for, the act is still to come: no event ("cancel" was Trump's SANCTION before v55).
    assert _sentence_events("It would take years for the government to allow drilling in the region.") == []
    assert _sentence_events("The NAACP called for Trump to cancel his appearance.") == []


def test_ought_inverted_in_a_question_is_advice_too() -> None:
    # The parse tags a question's "Ought" VB, not MD (review, session 29).
    assert _sentence_events("Ought the party to endorse the senator?") == []


def test_the_verbs_of_a_view_are_the_cue_lexicons_attitudes_and_think() -> None:
    # One owner: cues.yaml's attitude_verbs name a view (believe, ...); plover.yaml's opinion_verbs adds "think",
    # which cues.yaml leaves out, and the events loader adds it to the reporting verbs.
    from dateline.extract.events import lexicon
    from dateline.extract.statements.lexicon import Lexicon as CueLexicon

    lex = lexicon()
    assert CueLexicon.load().attitudes <= lex.opinion_verbs
    assert {"believe", "think"} <= lex.reporting & lex.opinion_verbs
    assert _sentence_events("Most voters think the senator should resign.") == []
    assert _types("The minister said the company must return the land.") == {"REQUEST"}


def test_an_attack_verb_with_a_particle_the_parse_calls_an_adverb_is_a_retort_or_a_departure() -> None:
    # v57 (issue 17): "back" as advmod and "out" as a preposition with no object ("out of the room") make the
    # phrasal verb as a "prt" does; audit seed 79000 and check seeds 79001-79002: 7 changed on unseen text, 6 right.
    assert "ASSAULT" not in _types("The senator stormed out of the room after the vote.")
    assert "ASSAULT" not in _types("The editor shot back at the secretary over the report.")
    assert "ASSAULT" not in _types("The White House fired back at its critics on Monday.")
    # A preposition with an object of its own is no particle: the violence stays.
    assert "ASSAULT" in _types("Police fired on protesters in the square.")
    # A passive attack verb's "back" or "out", and a "back" before a time, say when or why: the violence stands
    # (final read of session 30; each was lost before the mend).
    assert "ASSAULT" in _types("The journalist was killed back in 2018 by Saudi agents.")
    assert "ASSAULT" in _types("A Ukrainian drone was shot out of the sky by Russian forces.")
    assert "ASSAULT" in _types("Russian troops attacked back in February.")
    # A preposition whose object a coordinated verb shares is no particle either (review seed 84000).
    assert "ASSAULT" in _types("Russian forces fired on and detained three Ukrainian naval vessels.")


def test_those_a_blast_left_wounded_are_its_targets_not_its_actors() -> None:
    # v57 (issue 17's victims-as-doers class): the parse makes "wounded" a conjunct of "left" with "seven others"
    # as its subject, though they are the second object complement's patients.
    wounded = next(
        e for e in _sentence_events("The blast left two dead and seven others wounded.") if e.lemma == "wound"
    )
    assert [a.text for a in wounded.actors] == ["blast"]
    assert [t.text for t in wounded.targets] == ["seven others"]
    # Another verb's object complement conjoins a clause of its own: its subject acted (final read of session 30).
    events = _sentence_events("The army kept the road closed and militants attacked at dawn.")
    assert [[a.text for a in e.actors] for e in events if e.lemma == "attack"] == [["militants"]]
    # A verb of its own with an object is no complement: its subject acted.
    events = _sentence_events("The gunmen killed two guards and wounded seven others.")
    assert {a.text for e in events for a in e.actors} == {"gunmen"}
    # A governor that is itself a bare participle has a patient for subject (review seed 84000: "35 people" had
    # become the woman's killer; before v57 the woman herself was): no doer, so no event, as "a woman was killed".
    text = "The rally turned violent – with 35 people reported injured and a woman killed – and was declared unlawful."
    assert [e.lemma for e in _pipeline_events(text) if e.lemma == "kill"] == []


def test_a_duration_or_a_bound_in_the_clause_is_no_date_of_the_event() -> None:
    # v57: "a 13-year path" (P13Y) says how long, not when; audit seed 79000 had 3 of 78 events dated so.
    text = "Republican leaders issued a statement rejecting a bill that puts migrants on a 13-year path to citizenship."
    issued = next(e for e in _pipeline_events(text) if e.lemma == "issue")
    assert issued.date is None
    # "Through 2020" bounds the pledge, as "since" and "by" do (seeds 79001-79002: 8 such dates, 8 wrong).
    assert [e.date for e in _pipeline_events("The leaders agreed to cut emissions through 2020.")] == [None]
    assert [e.date for e in _pipeline_events("The leaders agreed in 2015 to cut emissions.")] == ["2015"]
    # A set ("every day", P1D) says how often, not when: the times extractor's kind, not the value, decides.
    assert [e.date for e in _pipeline_events("The army shelled the town every day.")] == [None]


def test_a_time_that_dates_a_clause_below_the_trigger_is_not_its_date() -> None:
    # v60 (session 31, seed 94000): a time reaching the trigger only through a relative or content clause, or a
    # subordinated adverbial one, dates that clause's verb (each was the date before).
    text = "Johnson said he is appointing Joseph Clancy, a former agent who retired in 2011, as interim director."
    assert {e.trigger: e.date for e in _pipeline_events(text)}["appointing"] is None
    text = "The firm, which floated in 2003, recently announced a deal to buy part of Hindustan Oil Exploration."
    assert [e.date for e in _pipeline_events(text)] == [None]
    # A "when" clause happens when its governor does, and a time in the trigger's own clause still dates it.
    text = "Iran helped to mobilize militiamen when the group stormed across Iraq in 2014."
    assert {e.lemma: e.date for e in _pipeline_events(text)} == {"help": "2014", "storm": "2014"}
    text = "The army shelled the town in 2014 after rebels attacked it in 2013."
    assert {e.lemma: e.date for e in _pipeline_events(text)} == {"shell": "2014", "attack": "2013"}
    # Review (seed 104000): each reading the rule makes or leaves out, so that one dropped or widened fails here.
    # A bare participle adjunct has a time of its own ("angered by protests held on March 3")...
    assert [e.date for e in _pipeline_events("Police arrested the man, angered by protests held on March 3.")] == [None]
    # ...a "while" clause happens while its governor does...
    text = "The senator attacked the governor while campaigning in Iowa on March 3."
    assert [e.date for e in _pipeline_events(text)] == ["XXXX-03-03"]
    # ...and so does a "when" clause the parse hangs on a noun as a relative clause (seed 94003's "testifies").
    text = "Senators will question Barr about the matter when he testifies before the committee on March 31."
    assert [e.date for e in _pipeline_events(text)] == ["XXXX-03-31"]


def _actors_of(events: list[Event], trigger: str) -> list[tuple[str | None, str]]:
    event = next(e for e in events if e.trigger == trigger)
    return [(a.entity, a.text) for a in event.actors]


def test_a_relative_clause_on_an_apposition_is_done_by_the_name() -> None:
    # v58 (session 30, seed 83000): "MP Liam Fox, the former defense secretary who resigned": Fox, not the
    # description; the description's own conjuncts are the same person ("an immigration hard-liner and
    # anti-abortion Democrat who offered": Morganelli alone, not also the "Greg Edwards" conjoined with him).
    assert _actors_of(_report_events("3bxu1aOOGmX08IuW"), "resigned") == [("Liam Fox", "MP Liam Fox")]
    assert _actors_of(_report_events("68ZQCT31BbJma7tw"), "offered") == [("John Morganelli", "John Morganelli")]
    # No apposition: the noun the pronoun stands for, as before.
    events = _sentence_events("The protesters met the mayor, who rejected their demands.")
    assert _actors_of(events, "rejected") == [(None, "mayor")]


def test_a_passive_relative_clause_on_an_apposition_is_done_to_the_name() -> None:
    # v60 (session 31, seed 94000): the target side reads the relative pronoun as v58's doer side does
    # (``_relative_name``): "a federal judge in Texas who was appointed" names Amos Mazzant, not the description.
    text = "But Amos Mazzant, a federal judge in Texas who was appointed by President Obama two years ago, has called the rule into question."
    appointed = next(e for e in _pipeline_events(text) if e.trigger == "appointed")
    assert [(t.entity, t.text) for t in appointed.targets] == [("Amos Mazzant", "Amos Mazzant")]
    # No apposition: the noun the pronoun stands for, as before.
    text = "The protesters met the mayor, who was attacked by gunmen."
    attacked = next(e for e in _sentence_events(text) if e.lemma == "attack")
    assert [t.text for t in attacked.targets] == ["mayor"]
    # The same conditions as the doer's: a plural description is the conjoined names together, not the last one.
    text = "Rep. Paul Ryan and Sen. Patty Murray, the budget leaders who were criticized by Democrats, met on Monday."
    criticized = next(e for e in _sentence_events(text) if e.lemma == "criticize")
    assert [t.text for t in criticized.targets] == ["budget leaders"]


def test_a_subject_the_parse_hung_on_an_opening_clause_still_acts() -> None:
    # v58: in the report the parse makes "undersecretary" the complement of "remains" (alone the sentence
    # parses right); the name in its apposition is the actor.
    events = _report_events("0ihXAEC1xEoGiXlq")
    assert _actors_of(events, "resigned") == [("Robert Petzel", "department’s undersecretary for health")]


def test_a_relative_clause_on_an_apposition_is_the_names_only_when_both_can_be_one_doer() -> None:
    # Review of v58 (seed 91000, 1,000 unseen reports): the 5 wrong of 18 changed events, each read as the
    # branch first read it (the name), now as before the rule.
    # A plural description is the conjoined names together, not the last of them.
    events = _sentence_events(
        "Rep. Paul Ryan and Sen. Patty Murray, the budget leaders who negotiated the deal, met on Monday."
    )
    assert _actors_of(events, "negotiated") == [(None, "budget leaders")]
    # A second person's name in apposition is whom its clause is about.
    events = _sentence_events("There was enthusiasm for Cruz, former Sen. John E. Sununu, who endorsed Kasich, said.")
    assert _actors_of(events, "endorsed") == [(None, "former Sen. John E. Sununu")]
    # A place beside a person's description ("R-Miss.", "San Diego") and a law beside a thing are not the doers.
    text = "The veterans were accompanied by Rep. Steven Palazzo, R-Miss., a former Marine who earlier vowed not to let the police keep them from the monument."
    assert _actors_of(_sentence_events(text), "vowed") == [(None, "former Marine")]
    text = "She was from a liberal family in San Diego, a 19-year-old who had protested military recruitment on her campus."
    assert [e.trigger for e in _sentence_events(text)] == []
    text = "Tuesday marked the 47th anniversary of Roe v. Wade, the landmark ruling that established the right to abortion."
    assert [e.trigger for e in _sentence_events(text)] == []
    # "one" stands for the offer, not for the name before it.
    assert (
        _sentence_events("The offer went to Trump Jr., one that yielded a meeting in New York City in June 2016.") == []
    )


def test_a_cue_verb_with_a_new_speech_act_noun_does_that_act() -> None:
    # v59: "tweeted support for", "tweeted criticism of": a statements clause cue verb of issuing a message
    # ("tweet"), whose object is a new noun of a speech act or of support, is that act (as "expressed support" is).
    (support,) = _sentence_events("The president tweeted support for the protesters in Tehran.")
    assert support.type == "SUPPORT" and support.trigger == "tweeted support"
    assert [a.text for a in support.actors] == ["president"]
    (criticism,) = _sentence_events("The senator tweeted harsh criticism of the trade deal.")
    assert criticism.type == "ACCUSE"
    # A given noun is an act told before, passed on: a definite determiner, or another's possessor (the possessor's
    # own act stays the noun's event, nominal_trigger's: Trump criticised, the senator did not).
    assert _sentence_events("The senator tweeted the threats on her website.") == []
    echoed = _sentence_events("The senator tweeted Trump's criticism of the trade deal.")
    assert [[a.text for a in e.actors] for e in echoed] == [["Trump"]]
    # Quoted words are what was said, not an act of the sayer; a noun of no speech act is none.
    assert _sentence_events("The reporter tweeted “debt ceiling threat?” on Monday.") == []
    assert _sentence_events("The senator tweeted a photo of the rally.") == []
    # A cue verb that reports, poses or offers rather than issues ("cite") is no act of its object's type, nor is
    # one that is a cue only through a document object ("post"), which puts things up or records a figure.
    assert _sentence_events("The senator cited a demand for higher tariffs.") == []
    assert _sentence_events("Ford posted a decline in earnings.") == []
    assert _sentence_events("Election officials posted signs at the school redirecting voters.") == []


def _targets_of(events: list[Event], trigger: str) -> list[str]:
    event = next(e for e in events if e.trigger == trigger)
    return [t.text for t in event.targets]


def test_an_act_nouns_own_complement_names_its_target_and_a_speech_acts_on_its_medium() -> None:
    # v61 (session 31, seeds 108000-108001): a light verb's act noun names whom by the prepositions of its type
    # ("investigations of Kavanaugh": ACCUSE "of"; "support for Paul Ryan": SUPPORT "for"), someone only.
    assert _targets_of(_report_events("CKtkoQgAwj8NBwWF"), "conducted six background investigations") == ["Kavanaugh"]
    assert _targets_of(_report_events("OTcuhVEJ2ECMHZKZ"), "express support") == ["Paul Ryan"]
    # A request's "for X to V" names whom it asks (seed 108003, 5 of 5 right), with the parse's either reading.
    assert _targets_of(_report_events("lOc3zyHqEaPtJFkx"), "tweeted a call") == ["Sessions"]
    (call,) = _sentence_events("The group issued a call for President Maduro to step down.")
    assert [t.text for t in call.targets] == ["President Maduro"]
    # A "for" of a cause names a party only by a name or a person noun, not a body by its sector ("unions").
    assert _targets_of(_report_events("EgoBfmkx5rmOA79o"), "announced his support") == []
    # A speech act's "on" is the medium or the topic it was made on, no target ("issued the following demand on
    # Twitter", "open criminal investigations into President Obama ... on this matter").
    assert _targets_of(_report_events("OrhZFjHRXnwa9kyb"), "issued the following demand") == []
    opened = _targets_of(_report_events("CmO0ppBB5IrITcr6"), "open criminal investigations")
    # A request's "on" someone is whom it asks, not its medium (review of v61); a platform still is none.
    (demands,) = _sentence_events("The union made new demands on the company.")
    assert [t.text for t in demands.targets] == ["company"]
    (demand,) = _sentence_events("Trump issued the following demand on Twitter.")
    assert demand.targets == ()
    assert opened == ["President Obama", "former Vice President Joe Biden"]
    # A thing supported names no one ("voiced support for the bill"); a deed's "on" stays its target.
    (support,) = _sentence_events("Republican senators voiced support for the bill.")
    assert support.targets == ()
    (sanctions,) = _sentence_events("The European Union imposed sanctions on Russia.")
    assert [t.text for t in sanctions.targets] == ["Russia"]
    # A word with an agent ending is no one by that alone ("the footage of my daughter's murder").
    (investigation,) = _sentence_events("The FBI launched an investigation of the murder.")
    assert investigation.targets == ()


def test_a_party_word_gives_its_nations_country() -> None:
    # v62: a party and its members are of the party's nation (entities_lexicon.yaml party_countries). Reports
    # outside every gold set (bulk sample seed 121000): "he is among Republicans who have recently begun
    # questioning whether Russia's neighboring adversary Ukraine interfered" took Russia, the sentence's first
    # country; "principles opposed by Democrats, including the border wall with Mexico" took Mexico.
    questioning = next(e for e in _report_events("1LCIG1JX9KSexfRZ") if e.trigger == "questioning")
    assert [(a.text, a.country) for a in questioning.actors] == [("Republicans", "USA")]
    opposed = next(e for e in _report_events("DWB4lVMLAx9Q5Wp2") if e.trigger == "opposed")
    assert [(a.text, a.country) for a in opposed.actors] == [("Democrats", "USA")]
    assert _countries("Three Tory MPs accused the minister of misleading parliament.", "ACCUSE")[0] == {"GBR"}
    # The capitalised word before a party word is read with it: "Liberal Democrats" is Britain's party.
    assert _countries("The Liberal Democrats accused the minister of misleading parliament.", "ACCUSE")[0] == {"GBR"}
    # Another capitalised word before it makes a longer name the list does not hold (the model tags "Christian" and
    # "Democrats" apart); a chamber before it does not ("Senate Democrats").
    text = "Germany said the Christian Democrats accused the minister of fraud."
    assert "USA" not in _countries(text, "ACCUSE")[0]
    assert _countries("Top Senate Democrats accused the minister of fraud.", "ACCUSE")[0] == {"USA"}


def test_a_lower_case_party_adjective_names_no_party() -> None:
    # "conservative" and "democratic" in lower case describe a stance, not Britain's or America's party.
    assert _countries("Several conservative groups accused the minister of fraud.", "ACCUSE")[0] == {None}
    from dateline.nlp.offices import lexicon

    assert lexicon().party_country("Tories") == "GB" and lexicon().party_country("the Democratic Party") == "US"
    assert lexicon().party_country("Greens") is None


def test_a_portfolio_before_a_ministers_title_names_no_party() -> None:
    # Review of v62: Reuters' "held pay talks in Rio de Janeiro with Labour Minister Almir Pazzianotto" (Brazil's)
    # took GBR from "Labour"; "Labour Minister" / "Labour Ministry" is a portfolio in all 18 Reuters stories.
    text = "In Rio de Janeiro, Labour Minister Almir Pazzianotto accused the union of sabotage."
    assert _countries(text, "ACCUSE")[0] == {"BRA"}


def test_a_party_word_opening_a_sentence_yields_to_another_nations_party_named_mid_sentence() -> None:
    # A US report (bulk sample seed 121000): "Among Democrats, it was 193-3 ... Liberal Democrats loudly protested"
    # is the Democrats' liberal wing; the capital is the sentence's, and the report names America's party.
    text = "Among Democrats, the vote was 193-3. Liberal Democrats loudly protested the deal."
    assert _countries(text, "PROTEST")[0] == {None}
    # With no other nation's party named mid-sentence the capital is read as the party's.
    assert _countries("The vote was 193-3. Liberal Democrats loudly protested the deal.", "PROTEST")[0] == {"GBR"}
    assert _countries("Democrats accused the president of lying.", "ACCUSE")[0] == {"USA"}


def test_an_attack_verb_on_nothing_a_blow_can_land_on_is_no_assault() -> None:
    # Every WordNet sense of the patient abstract (abstract_nouns.txt): a figurative sense, not violence.
    assert _types("Congress killed the gun control legislation on Tuesday.") == {None}
    assert _types("Senator Maria Lopez attacked the credibility of the report on Monday.") == {"ACCUSE"}
    # A person, a place or a thing still takes the blow, and an attack noun as object is the attack itself.
    assert _types("Gunmen killed two soldiers on Tuesday.") == {"ASSAULT"}
    assert _types("The rebels attacked the town on Tuesday.") == {"ASSAULT"}
    assert "ASSAULT" in _types("The army fought a war against the rebels in 1999.")
    # A noun of fighting itself (WordNet's military action or conflict) is the fight, not an abstract patient.
    assert "ASSAULT" in _types("Rival groups fought pitched battles using rocks and pepper spray.")
    # An occasion people gather at is where the blow lands on them (GATHERING_ROOTS; review of session 33: both
    # were ACCUSE, the doers in no armed sector).
    assert _types("A gunman attacked a concert in Paris on Friday.") == {"ASSAULT"}
    assert _types("Two men attacked the protest with clubs.") == {"ASSAULT"}
    # An overthrow is fighting itself, like "battle" (FIGHT_ROOTS; review of session 33, seed 151001: no type).
    assert "ASSAULT" in _types("The Castros and their compadres fought their revolution in the 1950s.")


# events.rules v64 (session 33, participants' countries), each on a bulk report outside every gold set (seed 135000).
def test_what_a_named_owner_has_takes_the_owners_country() -> None:
    # "is being supported by President Donald Trump's administration": the owner's office gives USA; no country
    # before (the sentence names none).
    supported = next(e for e in _report_events("E3g97JqUAG2vtehA") if e.trigger == "supported")
    assert [(a.text, a.country) for a in supported.actors] == [("President Donald Trump’s administration", "USA")]
    # "Mr Yushchenko's administration has accused its predecessor": Ukraine's president, named earlier.
    accused = _bulk_event("bbc-news-greene2006/bbc/business/136.txt", "accused")
    assert [(a.text, a.country) for a in accused.actors] == [("Mr Yushchenko's administration", "UKR")]


def test_a_foreign_participant_never_takes_the_reports_own_country() -> None:
    # "Ecuador has also appealed for emergency aid from about 40 foreign governments": the governments took
    # Ecuador's country before.
    appealed = _bulk_event("reuters21578/reut2-004.sgm", "appealed", 4126)
    assert [(a.text, a.country) for a in appealed.actors] == [("Ecuador", "ECU")]
    assert [(a.text, a.country) for a in appealed.targets] == [("about 40 foreign governments", None)]


def test_what_a_pronoun_owns_takes_the_actors_country() -> None:
    # "Tory leader Michael Howard accepted his decision": no country before (the sentence names none).
    accepted = _bulk_event("bbc-news-greene2006/bbc/politics/404.txt", "accepted")
    assert [(a.text, a.country) for a in accepted.targets] == [("his decision", "GBR")]


def test_a_pronoun_owner_fills_only_a_target_the_sentence_gives_no_country() -> None:
    # Review seed 144000: "Seoul said that McMaster had assured its chief national security officer, Kim
    # Kwan-jin": "its" is Seoul's; the sentence's other country (South Korea) stays, not McMaster's USA.
    assured = next(e for e in _report_events("nHjDpkEdc3KGvGWH") if e.trigger == "assured")
    assert [(a.text, a.country) for a in assured.actors] == [("McMaster", "USA")]
    assert [(a.text, a.country) for a in assured.targets] == [("its chief national security officer", "KOR")]
    # A foreign target that ``_abroad`` keeps from the report's own country is not given it through its owner
    # (v64 as first written read "his foreign critics" as American).
    criticised = _event_of("President Trump in Washington criticized his foreign critics on Monday.", "ACCUSE")
    assert [(a.text, a.country) for a in criticised.actors] == [("President Trump in Washington", "USA")]
    assert [(a.text, a.country) for a in criticised.targets] == [("his foreign critics", None)]
