"""Entity coreference inside one article and across articles: short forms, acronyms, countries, guards."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from dateline.link import groups, link_articles, link_corpus
from dateline.link.entities import (
    DOMINANCE,
    _Candidate,
    _pick,
    block_keys,
    compatible,
    headline_run_on,
    hosts,
    name_form,
    short_form_of,
)
from dateline.model import Analysis, Article, Entity, Span
from dateline.store import Store

EXTRACTOR = "test.v1"


def _article(text: str, entities: list[tuple[str, str]], day: int = 1) -> Analysis:
    """An analysed article whose entity records are ``(name, type)``, each spanning its first occurrence."""
    url = f"test:{hashlib.sha1(text.encode()).hexdigest()}"
    article = Article(
        id=Article.make_id(text, url),
        text=text,
        source_path=url,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        url=url,
        published=f"2024-01-{day:02d}",
    )
    records = []
    for name, kind in entities:
        at = text.index(name)
        span = Span.of(text, at, at + len(name))
        records.append(Entity(article_id=article.id, spans=(span,), extractor=EXTRACTOR, name=name, type=kind))
    return Analysis(article, tuple(records))


def _entity(name: str, kind: str, article_id: str = "a") -> Entity:
    return Entity(article_id=article_id, spans=(Span(0, len(name), name),), extractor=EXTRACTOR, name=name, type=kind)


def _ids(store: Store) -> dict[tuple[str, str], str]:
    """(article source, entity name) -> canonical entity id."""
    source = {a.id: a.source_path for a in store.iter_articles()}
    return {(source[r.article_id], r.name): r.entity_id for r in store.records(kind="entity")}  # type: ignore[attr-defined]


CORPUS = [
    (
        "Trump speaks.\nPresident Donald Trump met the EU and the European Union trade chief. U.S. officials said the "
        "United States would act.",
        [
            ("Trump", "PERSON"),
            ("Donald Trump", "PERSON"),
            ("EU", "ORG"),
            ("European Union", "ORG"),
            ("U.S.", "GPE"),
            ("United States", "GPE"),
        ],
    ),
    (
        "Melania Trump visited Britain. The Federal Reserve, the Fed, held rates. Trump was not there.",
        [("Melania Trump", "PERSON"), ("Britain", "GPE"), ("Federal Reserve", "ORG"), ("Fed", "ORG")],
    ),
    (
        "Donald Trump spoke to the United Kingdom press. American Airlines pilots struck.",
        [("Donald Trump", "PERSON"), ("United Kingdom", "GPE"), ("American Airlines", "ORG")],
    ),
    (
        "Trump said the Fed and the EU must act; the American said so.",
        [("Trump", "PERSON"), ("Fed", "ORG"), ("EU", "ORG"), ("American", "NORP")],
    ),
    (
        "Heydar Aliyev founded the state. Ilham Aliyev leads it. British Airways flew.",
        [("Heydar Aliyev", "PERSON"), ("Ilham Aliyev", "PERSON"), ("British Airways", "ORG")],
    ),
]


def _store(path: Path) -> Store:
    store = Store(str(path))
    analyses = [_article(text, ents, day=i + 1) for i, (text, ents) in enumerate(CORPUS)]
    for analysis in analyses:
        store.write(analysis)
    link_articles(store, [a.article.id for a in analyses])
    return store


def test_short_forms_resolve_to_the_full_form_in_the_same_article(tmp_path: Path) -> None:
    ids = _ids(_store(tmp_path / "c.db"))
    first = _article(*CORPUS[0]).article.source_path
    second = _article(*CORPUS[1]).article.source_path
    assert ids[(first, "Trump")] == ids[(first, "Donald Trump")]
    assert ids[(first, "EU")] == ids[(first, "European Union")]
    assert ids[(first, "U.S.")] == ids[(first, "United States")]
    assert ids[(second, "Fed")] == ids[(second, "Federal Reserve")]


def test_names_meet_across_articles_and_guards_hold(tmp_path: Path) -> None:
    ids = _ids(_store(tmp_path / "c.db"))
    by_name: dict[str, set[str]] = {}
    for (_, name), entity_id in ids.items():
        by_name.setdefault(name, set()).add(entity_id)
    # "Trump" alone goes to Donald Trump, not Melania Trump: the short form was learned in article one.
    assert by_name["Trump"] == by_name["Donald Trump"] and len(by_name["Donald Trump"]) == 1
    assert by_name["Melania Trump"] != by_name["Donald Trump"]
    assert by_name["Fed"] == by_name["Federal Reserve"]
    assert by_name["EU"] == by_name["European Union"]
    assert by_name["Britain"] == by_name["United Kingdom"]
    assert by_name["American"] == by_name["United States"]
    # Names used as modifiers keep their own entity; relatives sharing a surname stay two people.
    assert by_name["American Airlines"] != by_name["United States"]
    assert by_name["British Airways"] != by_name["United Kingdom"]
    assert by_name["Heydar Aliyev"] != by_name["Ilham Aliyev"]


def test_canonical_entities_list_each_country_once_with_alias_counts(tmp_path: Path) -> None:
    canonical = groups(_store(tmp_path / "c.db"), "canonical")
    names = [g["name"] for g in canonical]
    for name in ("United States", "United Kingdom", "Donald Trump", "European Union", "Federal Reserve"):
        assert names.count(name) == 1, name
    us = next(g for g in canonical if g["name"] == "United States")
    assert us["alias_counts"] == {"U.S.": 1, "United States": 1, "American": 1}
    trump = next(g for g in canonical if g["name"] == "Donald Trump")
    assert trump["alias_counts"]["Trump"] == 2


def test_full_relink_gives_the_same_result_as_a_fresh_run(tmp_path: Path) -> None:
    fresh = _store(tmp_path / "fresh.db")
    relinked = _store(tmp_path / "relinked.db")
    link_corpus(relinked)
    assert groups(fresh, "canonical") == groups(relinked, "canonical")
    assert fresh.fingerprint() == relinked.fingerprint()


def test_acronyms_and_countries_compare_by_what_they_stand_for() -> None:
    eu, union = name_form("EU", "ORG"), name_form("European Union", "ORG")
    assert compatible(eu, union) and set(block_keys(eu)) & set(block_keys(union))
    fbi, bureau = name_form("FBI", "ORG"), name_form("Federal Bureau of Investigation", "ORG")
    assert fbi.acronym == bureau.acronym == "fbi" and compatible(fbi, bureau)
    assert not compatible(fbi, name_form("Federal Reserve Bank", "ORG"))
    assert name_form("U.K.", "GPE").country == name_form("Britain", "GPE").country == "United Kingdom"
    assert name_form("Islamabad", "GPE").country == ""  # a capital is not its country


def test_person_name_variants_and_guards() -> None:
    assert compatible(name_form("W. Mark Felt", "PERSON"), name_form("Mark Felt", "PERSON"))
    assert compatible(name_form("Fred LaRue", "PERSON"), name_form("Frederick Cheney LaRue", "PERSON"))
    assert name_form("Arcade Comeaux Jr.", "PERSON").surname == "comeaux"
    assert compatible(name_form("Arcade Comeaux Jr.", "PERSON"), name_form("Comeaux", "PERSON"))
    assert not compatible(name_form("Donald Trump Jr.", "PERSON"), name_form("Donald Trump", "PERSON"))
    assert not compatible(name_form("Heydar Aliyev", "PERSON"), name_form("Ilham Aliyev", "PERSON"))
    assert not compatible(name_form("Ivan Petrov", "PERSON"), name_form("Ivan Petrov Foundation", "ORG"))


def test_in_article_hosts_need_one_full_form() -> None:
    trump, donald = _entity("President Trump", "PERSON"), _entity("Donald Trump", "PERSON")
    assert short_form_of(trump, donald) and not short_form_of(donald, trump)
    assert hosts([trump, donald], "") == {0: 1}
    # Two Petrovs: a bare "Petrov" is left for corpus linking rather than guessed.
    assert (
        hosts([_entity("Petrov", "PERSON"), _entity("Ivan Petrov", "PERSON"), _entity("Oleg Petrov", "PERSON")], "")
        == {}
    )
    assert short_form_of(_entity("Fed", "ORG"), _entity("Federal Reserve", "ORG"))
    assert not short_form_of(_entity("American", "NORP"), _entity("American Airlines", "ORG"))
    assert not short_form_of(_entity("U.S.", "GPE"), _entity("United Steelworkers", "ORG"))


def test_headline_run_ons_join_the_name() -> None:
    text = "Lindsay Lohan Check Into Rehab Again\nLindsay Lohan went to rehab."
    long = Entity(
        article_id="a", spans=(Span.of(text, 0, 19),), extractor=EXTRACTOR, name="Lindsay Lohan Check", type="PERSON"
    )
    full = Entity(
        article_id="a", spans=(Span.of(text, 37, 50),), extractor=EXTRACTOR, name="Lindsay Lohan", type="PERSON"
    )
    assert headline_run_on(long, full, text)
    assert hosts([long, full], text) == {0: 1}
    # The same words inside a sentence are a name of their own.
    body = "The firm Lindsay Lohan Check was sold by its owner.\nLindsay Lohan was there."
    long_in_body = Entity(
        article_id="a", spans=(Span.of(body, 9, 28),), extractor=EXTRACTOR, name="Lindsay Lohan Check", type="PERSON"
    )
    assert not headline_run_on(long_in_body, full, body)


def test_generic_words_and_tagger_kinds_do_not_split_a_name() -> None:
    assert name_form("Microsoft Corp.", "ORG").tokens == ("microsoft",)
    assert compatible(name_form("Microsoft Corp.", "ORG"), name_form("Microsoft", "ORG"))
    assert compatible(name_form("Qeshm Island", "LOC"), name_form("Qeshm", "LOC"))
    assert compatible(name_form("Mediterranean Sea", "LOC"), name_form("the Mediterranean", "LOC"))
    # One word tagged a place in one article and an organisation in another meets under one key.
    town, prison = name_form("Huntsville", "GPE"), name_form("Huntsville", "ORG")
    assert compatible(town, prison) and set(block_keys(town)) & set(block_keys(prison))
    # A person never merges with the same word tagged otherwise, nor a legal form with a person's name.
    assert not compatible(name_form("Ford", "PERSON"), name_form("Ford", "ORG"))
    assert name_form("Ltd", "ORG").tokens == ("ltd",)


def test_the_pick_among_partial_names() -> None:
    one, other = _Candidate(1, 0, 30, "a"), _Candidate(1, 0, 3, "b")
    assert _pick([one, other]) == "a"  # named DOMINANCE times more often
    assert _pick([_Candidate(1, 0, 2 * DOMINANCE - 1, "a"), _Candidate(1, 0, 2, "b")]) is None
    assert _pick([_Candidate(1, 0, 1, "a"), _Candidate(1, 4, 1, "b")]) == "b"  # learned to go by the name
    assert _pick([_Candidate(1, 0, 1, "a"), _Candidate(2, 0, 1, "b")]) == "b"
    assert _pick([_Candidate(2, 0, 9, "a"), _Candidate(2, 5, 1, "b")]) == "b"


LATE_FULL_NAME = [
    ("Vardanyan escaped from a prison van near Gyumri.", [("Vardanyan", "PERSON")]),
    ("Police caught Aram Vardanyan on Friday.", [("Aram Vardanyan", "PERSON")]),
    ("Petrosyan spoke to reporters.", [("Petrosyan", "PERSON")]),
    ("Anna Petrosyan and Karen Petrosyan met.", [("Anna Petrosyan", "PERSON"), ("Karen Petrosyan", "PERSON")]),
]


def _late_store(path: Path, order: list[int], passes: list[list[int]]) -> dict[str, set[str]]:
    """Link LATE_FULL_NAME published in ``order`` (day by position), in the given passes; name -> entity ids."""
    store = Store(str(path))
    analyses = [_article(*LATE_FULL_NAME[i], day=day + 1) for day, i in enumerate(order)]
    for analysis in analyses:
        store.write(analysis)
    by_index = dict(zip(order, analyses, strict=True))
    for batch in passes:
        link_articles(store, [by_index[i].article.id for i in batch])
    out: dict[str, set[str]] = {}
    for record in store.records(kind="entity"):
        assert isinstance(record, Entity) and record.entity_id
        out.setdefault(record.name, set()).add(record.entity_id)
    return out


def test_a_short_form_met_before_its_full_name_joins_it_whatever_the_order(tmp_path: Path) -> None:
    one_pass = _late_store(tmp_path / "a.db", [0, 1, 2, 3], [[0, 1, 2, 3]])
    # The surname alone comes first and is linked in a pass of its own: the next pass still folds it in.
    two_passes = _late_store(tmp_path / "b.db", [0, 1, 2, 3], [[0, 2], [1, 3]])
    reversed_order = _late_store(tmp_path / "c.db", [3, 2, 1, 0], [[0, 1, 2, 3]])
    assert one_pass["Vardanyan"] == one_pass["Aram Vardanyan"]
    assert one_pass == two_passes == reversed_order
    # Two people share the surname and neither is more likely: the surname alone stays apart from both.
    assert one_pass["Petrosyan"] != one_pass["Anna Petrosyan"] != one_pass["Karen Petrosyan"]
    assert one_pass["Petrosyan"] != one_pass["Karen Petrosyan"]


ARRIVALS = [
    ("The SEC fined the bank.", [("SEC", "ORG")]),
    (
        "The Securities and Exchange Commission (SEC) acted. Dresdner Kleinwort Wasserstein advised.",
        [("Securities and Exchange Commission", "ORG"), ("SEC", "ORG"), ("Dresdner Kleinwort Wasserstein", "PERSON")],
    ),
    ("Dresdner Kleinwort Wasserstein said so.", [("Dresdner Kleinwort Wasserstein", "ORG")]),
]


def test_canonical_ids_do_not_depend_on_arrival_order(tmp_path: Path) -> None:
    # An acronym met before its expansion, a name tagged PERSON before ORG: whichever came first, each entity
    # ends with the id of its fullest name.
    analyses = [_article(text, ents, day=1) for text, ents in ARRIVALS]
    results = []
    for n, order in enumerate([[[0], [1], [2]], [[2], [1], [0]], [[1, 0, 2]]]):
        store = Store(str(tmp_path / f"{n}.db"))
        for analysis in analyses:
            store.write(analysis)
        for run in order:
            link_articles(store, [analyses[i].article.id for i in run])
        results.append(_ids(store))
    assert results[0] == results[1] == results[2]
    ids = results[0]
    sources = [a.article.source_path for a in analyses]
    assert ids[(sources[0], "SEC")] == ids[(sources[1], "Securities and Exchange Commission")]
    assert ids[(sources[1], "Dresdner Kleinwort Wasserstein")] == ids[(sources[2], "Dresdner Kleinwort Wasserstein")]


@pytest.mark.parametrize(
    "other",
    [
        # Another kind: a place.
        ("Buenos Aires was hot.", [("Buenos Aires", "GPE")]),
        # The same kind and the same initials: "Bank of America" is "BA" too.
        ("Bank of America lent.", [("Bank of America", "ORG")]),
    ],
)
def test_an_acronym_does_not_tie_another_expansion(tmp_path: Path, other: tuple[str, list[tuple[str, str]]]) -> None:
    # "BA" is British Airways' in its article; the other expansion stays apart, in either order.
    airline = ("British Airways (BA) flew.", [("British Airways", "ORG"), ("BA", "ORG")])
    other_name = other[1][0][0]
    for n, texts in enumerate([[airline, other], [other, airline]]):
        store = Store(str(tmp_path / f"{n}.db"))
        analyses = [_article(text, ents) for text, ents in texts]
        for analysis in analyses:
            store.write(analysis)
            link_articles(store, [analysis.article.id])
        by_name = {name: entity_id for (_, name), entity_id in _ids(store).items()}
        assert by_name["BA"] == by_name["British Airways"] != by_name[other_name]
