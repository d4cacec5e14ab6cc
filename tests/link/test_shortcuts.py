"""Linking's shortcuts give the plain definitions' answers on real reports: in-article hosts compared only where
a short form or run-on is possible, speakers tested only against the forms they may fit."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from dateline.ingest import iter_documents
from dateline.link.entities import (
    PERSON,
    NameForm,
    _best_score,
    _group_keys,
    _look_up,
    _name_id,
    alias_key,
    block_keys,
    compatible,
    entity_names,
    headline_run_on,
    hosts,
    name_form,
    short_form_of,
)
from dateline.link.statements import ArticleNames, named_entity_id
from dateline.link.text import normalize
from dateline.model import Article, Entity, Span, Speaker
from tests.conftest import CORPUS, require_shared

# Capitalised names of one to three words ("Trump", "President Trump", "Donald J Trump"), titles included.
_NAME = re.compile(r"\b[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}\b")
_TYPES = ("PERSON", "ORG", "GPE")


def _articles(n: int) -> list[Article]:
    folder = require_shared(CORPUS / "allsides-article-bias" / "jsons", at_least=n)
    files = sorted(str(p) for p in Path(folder).iterdir())[:n]
    return [d for d in iter_documents(files) if isinstance(d, Article)]


def _records(article: Article, limit: int = 40) -> list[Entity]:
    out: list[Entity] = []
    for i, m in enumerate(_NAME.finditer(article.text)):
        if len(out) == limit:
            break
        span = Span.of(article.text, m.start(), m.end())
        out.append(
            Entity(article_id=article.id, spans=(span,), extractor="test.v1", name=m.group(0), type=_TYPES[i % 3])
        )
    return out


def _plain_hosts(records: list[Entity], text: str) -> dict[int, int]:
    """Every pair of records compared (the definition ``hosts`` shortcuts)."""

    def hosted(a: Entity, b: Entity) -> bool:
        return short_form_of(a, b) or headline_run_on(a, b, text)

    full = [[j for j, b in enumerate(records) if hosted(a, b)] for a in records]
    return {i: found[0] for i, found in enumerate(full) if len(found) == 1 and not full[found[0]]}


def test_hosts_are_the_all_pairs_definition() -> None:
    found = 0
    for article in _articles(40):
        records = _records(article)
        expected = _plain_hosts(records, article.text)
        assert hosts(records, article.text) == expected, article.id
        found += len(expected)
    assert found > 20


def _plain_speaker(speaker: Speaker, entities: list[Entity]) -> str | None:
    """Every speaker tested against every entity's every name (the definition ``named_entity_id`` shortcuts)."""
    given = [n for n in (speaker.entity, speaker.text) if n]
    wanted = {normalize(n) for n in given}
    for entity in entities:
        if entity.entity_id and wanted & {normalize(n) for n in (entity.name, *entity.aliases)}:
            return entity.entity_id
    forms = [name_form(n, "PERSON") for n in given if n[:1].isupper()]
    fits = {
        e.entity_id
        for e in entities
        if e.entity_id and any(compatible(f, name_form(n, e.type)) for f in forms for n in entity_names(e))
    }
    return fits.pop() if len(fits) == 1 else None


def test_speakers_resolve_as_the_plain_definition() -> None:
    # Speakers named as the report's names are, with a title ("Sen. X"), by their last word alone, or as a
    # name of another report, resolved against the report's names (ids shared by some, as canonical entities
    # are), through the article's names read once.
    outcomes = {"resolved": 0, "none": 0}
    articles = _articles(30)
    for article, other in zip(articles, articles[1:] + articles[:1], strict=True):
        records = _records(article)
        linked = [dataclasses.replace(e, entity_id=f"e{i % 17}") for i, e in enumerate(records)]
        names = ArticleNames.of(linked)
        said = [e.name for e in records] + [e.name.split()[-1] for e in records] + [e.name for e in _records(other)]
        for text in [*said, *(f"Sen. {n}" for n in said[:10])]:
            speaker = Speaker(text)
            found = named_entity_id(speaker, names)
            assert found == _plain_speaker(speaker, linked), (article.id, text)
            outcomes["resolved" if found else "none"] += 1
    assert min(outcomes.values()) > 100, outcomes


def _plain_best_score(forms: list[NameForm], stored: list[NameForm]) -> int:
    """Every pair scored (the definition ``_best_score`` stops early on): 2 for a full match, 1 for a partial
    (the numbers written out, so that a changed ``FULL_MATCH`` or ``PARTIAL_MATCH`` fails here)."""
    return max(
        max((2 if f.coarse != PERSON or (f.given and s.given) else 1) if compatible(f, s) else 0 for s in stored)
        for f in forms
    )


def test_best_score_stops_at_a_full_match_with_the_plain_answer() -> None:
    # Each report's records (as full names, surnames alone and other kinds) scored against the forms of the next
    # report's records, as a candidate entity's forms are, a few at a time.
    outcomes = {0: 0, 1: 0, 2: 0}
    articles = _articles(30)
    for article, other in zip(articles, articles[1:] + articles[:1], strict=True):
        mine = [name_form(e.name, e.type) for e in _records(article)]
        theirs = [name_form(e.name, e.type) for e in _records(other)]
        stored = [*theirs, *(name_form(f.surname, PERSON) for f in theirs if f.surname)]
        for i in range(len(mine)):
            forms = mine[i : i + 2]
            for j in range(0, len(stored), 3):
                score = _best_score(forms, stored[j : j + 3])
                assert score == _plain_best_score(forms, stored[j : j + 3])
                outcomes[score] += 1
    assert min(outcomes.values()) > 50, outcomes


def test_look_up_is_the_plain_working_out() -> None:
    """What ``resolve``, ``link`` and the batch read-ahead work out of a record's name, aliases and type, worked out
    once per (name, aliases, type) (``_look_up``), equals the plain working out from the record, on the names of 40
    reports, with aliases (the next names, a lower-case one, one run across a line break)."""
    seen = 0
    for article in _articles(40):
        records = _records(article)
        for i, record in enumerate(records):
            aliases = tuple(r.name for r in records[i + 1 : i + 1 + i % 3])
            if i % 5 == 0:
                aliases += ("the minister", f"{record.name}\nBoston")
            entity = dataclasses.replace(record, aliases=aliases)
            names = entity_names(entity)
            forms = [name_form(n, entity.type) for n in names]
            keys = sorted({k for f in forms for k in block_keys(f)})
            look = _look_up(entity.name, entity.aliases, entity.type)
            assert list(look.names) == names and list(look.forms) == forms, entity
            assert list(look.keys) == keys
            # The keys resolve looked its candidates up by: its forms' keys and its names' alias keys.
            assert list(look.looked_up) == sorted({*keys, *(alias_key(n) for n in names)}) == _group_keys(forms, names)
            assert look.by_name == _name_id(forms[0])
            assert look.name_keys == tuple(alias_key(n) for n in names)
            # Remembered: the same answer, not worked out again.
            assert _look_up(entity.name, entity.aliases, entity.type) is look
            seen += 1
    assert seen > 500


def test_look_up_memo_holds_a_batch_and_stays_small() -> None:
    """``_look_up``'s memo is bounded to hold one link batch's records (the five asks of each record in a batch,
    ``BATCH`` articles of up to 40 records each here), and its bound costs a few MB, not tens of MB: the bytes
    each remembered look-up holds beyond the name forms it shares with ``name_form``, measured on real names."""
    import gc
    import tracemalloc

    from dateline.link import BATCH
    from dateline.link.entities import LOOK_UP_CACHE, _look_up

    maxsize = _look_up.cache_info().maxsize
    assert maxsize == LOOK_UP_CACHE
    triples = {(r.name, (), r.type) for article in _articles(40) for r in _records(article)}
    assert len(triples) > 500
    assert maxsize >= BATCH * 40
    for triple in triples:  # the name forms, alias keys and ids are other memos' entries
        _look_up(*triple)
    _look_up.cache_clear()
    gc.collect()
    tracemalloc.start()
    try:
        for triple in triples:
            _look_up(*triple)
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        _look_up.cache_clear()
    assert held / len(triples) * maxsize < 16_000_000, held / len(triples)
