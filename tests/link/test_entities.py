"""Name comparison rules for canonical entities."""

from __future__ import annotations

import dataclasses
import random
from typing import Any

import pytest
from rapidfuzz import fuzz

from dateline.link import entities
from dateline.link.entities import (
    LEARNED_FULL,
    NAME_SIMILARITY,
    ORG_SIMILARITY,
    NameForm,
    _best_score,
    _conflicts,
    _judge,
    _judged,
    _merge,
    _other_expansion,
    _record_token,
    _same_first,
    _same_full_name,
    _score,
    _similar_orgs,
    _similar_surnames,
    alias_key,
    block_keys,
    compatible,
    entity_names,
    lone,
    name_form,
)
from dateline.model import Analysis, Entity
from dateline.store import Store
from dateline.store.corpus import LinkCache, LinkSession


def test_titles_and_transliterations_fold_to_one_person() -> None:
    assert compatible(name_form("President Ivan Aliev", "PERSON"), name_form("Ivan Aliyev", "PERSON"))
    assert compatible(name_form("Ambassador Petrov", "PERSON"), name_form("Oleg Petrov", "PERSON"))


def test_relatives_sharing_a_surname_stay_apart() -> None:
    assert not compatible(name_form("Ivan Petrov", "PERSON"), name_form("Oleg Petrov", "PERSON"))
    assert not compatible(name_form("Anna Petrova", "PERSON"), name_form("Petrov", "PERSON"))


def test_an_organisation_named_after_a_person_is_not_the_person() -> None:
    foundation = name_form("Ivan Petrov Foundation", "PERSON")
    assert foundation.coarse == "ORG"
    assert not compatible(foundation, name_form("Ivan Petrov", "PERSON"))


def test_located_organisations_compare_by_countries() -> None:
    a = name_form("Embassy of France in Nairobi", "ORG")
    b = name_form("French Embassy in Kenya", "ORG")
    assert a.located == b.located == ("embassy", "FR", "KE")
    assert compatible(a, b) and block_keys(a) == block_keys(b)
    assert not compatible(a, name_form("French Embassy in Ghana", "ORG"))


def _reference_judgement(forms: list[NameForm], names: list[str], group: dict[str, Any]) -> tuple[int, int] | None:
    """What a candidate entity is judged (score, learned), written out as the verdict defines it: ruled out by a
    conflicting full name or another expansion, else the best score; kept when it scores or was learned."""
    stored = [NameForm.from_dict(f) for f in group["forms"]]
    if any(_conflicts(f, stored) for f in forms) or _other_expansion(forms, stored):
        return None
    score = max(_score(f, stored) for f in forms)
    learned = sum(group.get("learned", {}).get(alias_key(n), 0) for n in names)
    if not score and not learned:
        return None
    if learned >= LEARNED_FULL and len(forms[0].tokens) == 1:
        score = 2
    return score or 1, learned


def _judgement_cases(gold_analyses: list[Analysis]) -> tuple[list[Entity], list[dict[str, Any]]]:
    """The entity records of the sample reports, with each full person name's surname alone (as a later report
    may name the person: partial matches), and an entity of each record as first met and as learned to go by
    the next record's names (a short form hosted three times: a record may be kept on what its entity was
    learned as, though none of its forms fits)."""
    found = [e for a in gold_analyses for e in a.records if isinstance(e, Entity)]
    surnames = [
        dataclasses.replace(e, name=e.name.split()[-1], aliases=())
        for e in found
        if e.type == "PERSON" and len(e.name.split()) >= 2
    ]
    records = found + surnames
    article = gold_analyses[0].article
    groups: list[dict[str, Any]] = []
    for e, other in zip(records, records[1:] + records[:1], strict=True):
        forms = [name_form(n, e.type) for n in entity_names(e)]
        for learned in ([], entity_names(other) * 3):
            groups.append(_merge(None, "g", e, forms, article, learned=learned, hosted=bool(learned)))
    return records, groups


def test_the_score_first_judgement_is_the_verdicts(db_url: str, gold_analyses: list[Analysis]) -> None:
    # ``_judge`` rejects a candidate whose forms score 0 before looking for conflicts: every record of the sample
    # reports (and the surnames of their full person names) judged against every record's entity (as first met,
    # and as learned to go by another record's names) gives what the verdict written out gives, with its cache
    # cold and warm.
    records, groups = _judgement_cases(gold_analyses)
    store = Store(db_url)
    outcomes: set[str] = set()
    with store.engine.begin() as conn:
        session = LinkSession(conn, LinkCache())
        for _ in range(2):
            for e in records:
                names = entity_names(e)
                forms = [name_form(n, e.type) for n in names]
                record = _record_token(session, forms, names)
                for i, group in enumerate(groups):
                    found = _judge(session, f"g{i}", group, forms, tuple(map(alias_key, names)), record)
                    expected = _reference_judgement(forms, names, group)
                    assert (found and (found.score, found.learned)) == expected, (e.name, group["name"])
                    outcomes.add("none" if expected is None else f"score{expected[0]}")
                    if expected and not _best_score(forms, [NameForm.from_dict(f) for f in group["forms"]]):
                        outcomes.add("learned only")
    # Every outcome met on real names: rejections, partial and full matches, and records kept on a learned
    # name alone (what the early rejection must leave alone).
    assert outcomes == {"none", "score1", "score2", "learned only"}


def test_a_records_candidates_are_judged_in_one_call_as_one_by_one(
    db_url: str, gold_analyses: list[Analysis], monkeypatch: pytest.MonkeyPatch
) -> None:
    # ``_judged`` (one call per record) keeps, in the order asked, the candidates ``_judge`` keeps one by one,
    # skips the ids it is given no row for, and remembers each verdict per version of the row: asked again it
    # judges nothing afresh, and a new version of a row (a new dict) is judged again. An id given twice is
    # judged once and kept twice, as the comprehension over ``_candidate`` it replaced kept it.
    records, group_list = _judgement_cases(gold_analyses)
    groups = {f"g{i}": group for i, group in enumerate(group_list)}
    ids = [*sorted(groups, reverse=True), "g1", "absent"]
    store = Store(db_url)
    judged: list[str] = []
    plain = entities._judge

    def counted(session: LinkSession, group_id: str, *rest: Any) -> Any:
        judged.append(group_id)
        return plain(session, group_id, *rest)

    with store.engine.begin() as conn:
        reference = LinkSession(conn, LinkCache())
        kept = twice = 0
        for e in records:
            # A cache of its own: records of the same names share their verdicts.
            session = LinkSession(conn, LinkCache())
            names = entity_names(e)
            forms = [name_form(n, e.type) for n in names]
            keys = tuple(map(alias_key, names))
            record, ref_record = _record_token(session, forms, names), _record_token(reference, forms, names)
            expected = [c for i in ids[:-1] if (c := _judge(reference, i, groups[i], forms, keys, ref_record))]
            monkeypatch.setattr(entities, "_judge", counted)
            assert _judged(session, ids, groups, forms, keys, record) == expected
            assert len(judged) == len(groups)
            assert _judged(session, ids, groups, forms, keys, record) == expected
            assert len(judged) == len(groups)
            renewed = {**groups, "g0": dict(groups["g0"])}
            _judged(session, ids, renewed, forms, keys, record)
            assert judged[len(groups) :] == ["g0"]
            judged.clear()
            monkeypatch.setattr(entities, "_judge", plain)
            kept += len(expected)
            twice += [c.group_id for c in expected].count("g1") == 2
    # Real names keep some candidates and reject others, the id given twice among those kept.
    assert 0 < kept < len(records) * (len(ids) - 1)
    assert twice > 0


def test_name_similarity_shortcuts_agree_with_rapidfuzz() -> None:
    """The surname, given-name and organisation tests skip rapidfuzz where its answer is known (equal strings;
    organisation names too different in length to reach ``ORG_SIMILARITY``): on random names of a small
    alphabet, many of them near either threshold, each gives what the ratio itself gives."""
    rng = random.Random(1700)

    def word() -> str:
        return "".join(rng.choice("abcde") for _ in range(rng.randint(1, 9)))

    for _ in range(4000):
        a, b = word(), rng.choice([word(), word() + rng.choice("ab")])
        assert _similar_surnames(a, b) == (fuzz.ratio(a, b) >= NAME_SIMILARITY)
        shorter, longer = sorted((a, b), key=len)
        expected = (
            a[0] == b[0]
            if 1 in (len(a), len(b))
            else fuzz.ratio(a, b) >= NAME_SIMILARITY or (len(shorter) >= 3 and longer.startswith(shorter))
        )
        assert _same_first(a, b) == expected
        x = tuple(word() for _ in range(rng.randint(1, 4)))
        y = rng.choice([tuple(word() for _ in range(rng.randint(1, 4))), (*x, word()), x[::-1], x[:-1] or x])
        assert _similar_orgs(x, y) == (fuzz.token_sort_ratio(" ".join(x), " ".join(y)) >= ORG_SIMILARITY)


def test_lone_entities_are_known_by_one_word_forms_only() -> None:
    """``lone`` reads the stored forms' dicts: one-word forms alone make a lone entity, a country or a full
    name among them does not, nor does an entity with no forms."""

    def group(*names: tuple[str, str]) -> dict[str, Any]:
        return {"forms": [name_form(n, t).to_dict() for n, t in names]}

    assert lone(group(("Smith", "PERSON")))
    assert lone(group(("NATO", "ORG"), ("Smith", "PERSON")))
    assert not lone(group(("Smith", "PERSON"), ("John Smith", "PERSON")))
    assert not lone(group(("France", "GPE")))
    assert not lone(group(("Smith", "PERSON"), ("French", "NORP")))
    assert not lone({"forms": []})


def _reference_same_full_name(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """``_same_full_name`` as the rule reads, both names' forms worked out first."""
    x, y = name_form(a["name"], a["type"]), name_form(b["name"], b["type"])
    if len(x.tokens) < 2 or x.tokens != y.tokens or x.suffix != y.suffix or not compatible(x, y):
        return False
    fa = [NameForm.from_dict(f) for f in a["forms"]]
    fb = [NameForm.from_dict(f) for f in b["forms"]]
    return not (any(_conflicts(f, fb) for f in fa) or any(_conflicts(f, fa) for f in fb))


def test_same_full_name_skips_only_candidates_whose_form_cannot_match(gold_analyses: list[Analysis]) -> None:
    # The merge pass works out a candidate's name form only when the entity's full-name words are all in the
    # candidate's name, or the entity's name is a country's (a country's form has the country's own words, not
    # its name's: "the U.S." is ('united', 'states')). Every pair of the sample reports' entity names and of
    # names written here (countries several ways, titles, suffixes, legal forms) gives what the rule gives.
    names = [(e.name, e.type) for a in gold_analyses for e in a.records if isinstance(e, Entity)]
    names += [
        ("the United States", "GPE"),
        ("U.S.", "GPE"),
        ("America", "GPE"),
        ("United States", "ORG"),
        ("President Maria Lopez", "PERSON"),
        ("Maria Lopez", "PERSON"),
        ("Maria Lopez Jr.", "PERSON"),
        ("Harbour Freight Corp", "ORG"),
        ("Harbour Freight", "ORG"),
        ("the Harbour Freight's", "ORG"),
    ]
    groups = [{"name": n, "type": t, "forms": [name_form(n, t).to_dict()]} for n, t in dict.fromkeys(names)]
    outcomes = {True: 0, False: 0}
    for a in groups:
        for b in groups:
            expected = _reference_same_full_name(a, b)
            assert _same_full_name(a, b) == expected, (a["name"], b["name"])
            outcomes[expected] += 1
    # Matches met beyond each name with itself, countries written two ways among them.
    assert outcomes[True] > len(groups)
    us = next(g for g in groups if g["name"] == "the United States")
    assert _same_full_name(us, next(g for g in groups if g["name"] == "U.S."))
