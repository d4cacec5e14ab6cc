"""The buffered link session: bounded blocking keys, ranked candidates, writes visible before and after flush."""

from __future__ import annotations

import json
import random
from collections import Counter
from itertools import chain
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from dateline import link
from dateline.link import groups, link_articles
from dateline.model import Analysis
from dateline.store import Store
from dateline.store.corpus import LinkCache, LinkSession, Unwritten, link_groups, link_keys, ranked
from dateline.store.db import dumps
from dateline.store.schema import LINK_TABLES


def test_stop_keys_stop_growing_and_candidates_rank_by_shared_keys(db_url: str) -> None:
    store = Store(db_url)
    with store.engine.begin() as conn:
        session = LinkSession(conn)
        for i in range(10):
            session.add_keys("t", ["common", f"rare{i % 2}"], f"item{i}", cap=3)
        session.flush()
        rows = conn.execute(link_keys.select().where(link_keys.c.key == "common")).all()
        # A stop-key holds cap + 1 items: enough to know it is too common, never more.
        assert len(rows) == 4
        assert session.candidates("t", ["common"], cap=3, limit=10) == {}
        # After a fresh read from the database (empty cache) the same answer.
        fresh = LinkSession(conn, LinkCache())
        found = fresh.candidates("t", ["rare0", "rare1"], cap=3, limit=10)
        assert found == session.candidates("t", ["rare0", "rare1"], cap=3, limit=10)
        assert set(found) <= {f"item{i}" for i in range(10)} and len(found) <= 6


def test_buffered_groups_are_read_back_before_and_after_flush(db_url: str) -> None:
    store = Store(db_url)
    with store.engine.begin() as conn:
        session = LinkSession(conn)
        session.put_group("t", "g1", {"id": "g1", "n": 1}, label="one")
        session.add_member("t", "g1", "m1", "a1", {})
        assert session.get_group("t", "g1") == {"id": "g1", "n": 1}
        assert session.group_of("t", "m1") == "g1"
        session.flush()
        fresh = LinkSession(conn, LinkCache())
        assert fresh.get_group("t", "g1") == {"id": "g1", "n": 1}
        assert fresh.group_of("t", "m1") == "g1"
        assert fresh.get_group("t", "missing") is None


def test_linking_in_small_batches_equals_one_batch(
    tmp_path: Path, gold_analyses: list[Analysis], monkeypatch: pytest.MonkeyPatch
) -> None:
    stores = []
    for name, batch in (("one.db", 100), ("small.db", 1)):
        monkeypatch.setattr(link, "BATCH", batch)
        store = Store(str(tmp_path / name))
        for analysis in gold_analyses:
            store.write(analysis)
        link_articles(store, sorted(a.article.id for a in gold_analyses))
        stores.append(store)
    for what in ("canonical", "stories", "series", "ledger", "repeated"):
        assert groups(stores[0], what) == groups(stores[1], what), what


def test_sql_reads_match_the_core_statement(db_url: str) -> None:
    # Look-ups go to the driver's cursor: the same rows as the SQLAlchemy statement, writes of the open
    # transaction included, and none for ids that have no row.
    store = Store(db_url)
    with store.engine.begin() as conn:
        session = LinkSession(conn)
        for i in range(5):
            session.add_keys("t", [f"k{i % 2}", "shared"], f"item{i}", cap=10)
            session.put_group("t", f"g{i}", {"id": f"g{i}"}, label=f"label {i}")
            session.add_member("t", f"g{i % 2}", f"m{i}", "a1", {})
        session.flush()
        fresh = LinkSession(conn, LinkCache())
        found = fresh.candidates("t", ["k0", "shared", "none"], cap=10, limit=10)
        assert found == {"item0": 2, "item2": 2, "item4": 2, "item1": 1, "item3": 1}
        assert fresh.get_groups("t", ["g1", "g3", "missing"]) == {"g1": {"id": "g1"}, "g3": {"id": "g3"}}
        assert [fresh.group_of("t", f"m{i}") for i in range(5)] == ["g0", "g1", "g0", "g1", "g0"]
        assert fresh.group_of("t", "nobody") is None


def test_derived_answers_follow_the_row_version() -> None:
    # An answer worked out from a read-only row is given back while the row asked about is the object it was
    # kept with: a new version of the row (a new object, even an equal one) is worked out again.
    cache = LinkCache()
    first, second = {"n": 1}, {"n": 2}
    assert cache.held(("double", id(first)), first) is None
    cache.keep(("double", id(first)), first, 2)
    assert cache.held(("double", id(first)), first) == (first, 2)
    assert cache.held(("double", id(first)), {"n": 1}) is None
    assert cache.held(("double", id(second)), second) is None
    # A remembered None (a candidate rejected) is told apart from nothing remembered.
    cache.keep(("triple", id(second)), second, None)
    assert cache.held(("triple", id(second)), second) == (second, None)
    cache.clear()
    assert cache.held(("double", id(first)), first) is None
    assert cache.held(("triple", id(second)), second) is None


def test_memo_tokens_are_never_reused() -> None:
    cache = LinkCache()
    first = cache.token()
    cache.remember(("verdict", first), 2)
    assert cache.memo(("verdict", first)) == 2
    cache.clear()
    # A cleared answer is gone, and no later token names it again (an answer kept under an old token elsewhere
    # can never be taken for a new one's).
    assert cache.memo(("verdict", first)) is None
    assert cache.token() != first


def test_an_entity_keeps_its_forms_token_while_its_forms_are_unchanged(db_url: str) -> None:
    # Each write of a canonical entity is a new version (a new dict), but the verdicts on its name forms are
    # remembered while the forms stay as they were, and worked out again once they change.
    from dateline.link import entities

    store = Store(db_url)
    with store.engine.begin() as conn:
        session = LinkSession(conn)
        form = entities.name_form("Ilham Aliyev", "PERSON").to_dict()
        session.put_group("entity", "g", {"id": "g", "forms": [form], "mentions": 1})
        token, stored = entities._stored_forms(session, "g", session.peek_groups("entity", ["g"])["g"])
        session.put_group("entity", "g", {"id": "g", "forms": [form], "mentions": 2})
        again = session.peek_groups("entity", ["g"])["g"]
        assert again["mentions"] == 2
        assert entities._stored_forms(session, "g", again)[0] == token
        other = entities.name_form("Aliyev", "PERSON").to_dict()
        session.put_group("entity", "g", {"id": "g", "forms": [form, other], "mentions": 3})
        changed, forms = entities._stored_forms(session, "g", session.peek_groups("entity", ["g"])["g"])
        assert changed != token and len(forms) == len(stored) + 1


def test_joining_an_entity_leaves_the_peeked_rows_as_they_were(db_url: str, gold_analyses: list[Analysis]) -> None:
    # The record that joins a canonical entity changes a copy of the peeked (shared, read-only) row: the rows
    # peeked before stay as they were read, while the entities the second report names get new versions.
    from dateline.link import entities
    from dateline.model import Entity

    store = Store(db_url)
    first, second = sorted(gold_analyses, key=lambda a: a.article.published or "")[:2]
    with store.engine.begin() as conn:
        session = LinkSession(conn)
        linked = entities.link(session, first.article, [r for r in first.records if isinstance(r, Entity)])
        ids = sorted({e.entity_id for e in linked if e.entity_id})
        peeked = session.peek_groups("entity", ids)
        before = {i: json.dumps(g, sort_keys=True) for i, g in peeked.items()}
        entities.link(session, second.article, [r for r in second.records if isinstance(r, Entity)])
        assert {i: json.dumps(g, sort_keys=True) for i, g in peeked.items()} == before
        now = session.peek_groups("entity", ids)
        changed = [i for i in ids if json.dumps(now[i], sort_keys=True) != before[i]]
        assert changed and all(now[i]["mentions"] > peeked[i]["mentions"] for i in changed)


def test_a_canonical_entity_handed_over_reads_as_its_stored_json(db_url: str, gold_analyses: list[Analysis]) -> None:
    # ``resolve`` hands each entity it writes over as the row's parsed form (no parse at the next peek): what a
    # peek gives must be exactly what the stored text parses to (lists, not tuples), else remembered verdicts
    # and counts could differ from those of a process that read the row from the database.
    from dateline.link import entities
    from dateline.model import Entity
    from dateline.store.corpus import get_groups

    store = Store(db_url)
    with store.engine.begin() as conn:
        session = LinkSession(conn)
        ids: set[str] = set()
        for analysis in gold_analyses:
            linked = entities.link(session, analysis.article, [r for r in analysis.records if isinstance(r, Entity)])
            ids.update(e.entity_id for e in linked if e.entity_id)
        peeked = session.peek_groups("entity", ids)
        session.flush()
        stored = get_groups(conn, "entity", ids)
    assert ids and peeked == stored


def test_collections_paused_restores_the_collector() -> None:
    import gc

    from dateline.link import collections_paused

    assert gc.isenabled()
    with collections_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collections_paused():
            pass
        # A caller that had turned it off keeps it off.
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_pass_freezes_what_its_batches_leave_and_gives_it_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``link_articles`` freezes what each batch leaves alive (no collector pass over the caches' new entries at
    each batch's end) and unfreezes it all when its batches are done; the links are the ones linking without
    freezing gives (real AllSides reports, several batches, the second meeting the first's entities)."""
    import gc

    from tests.link.test_shortcuts import _articles, _records

    if gc.get_freeze_count():
        pytest.skip("this process holds frozen objects already (a pass then leaves them frozen)")
    analyses = [Analysis(a, tuple(_records(a))) for a in _articles(24)]
    monkeypatch.setattr(link, "BATCH", 8)
    counts: list[int] = []
    real_batch = link.link_batch

    def counted(*args: Any, **kwargs: Any) -> list[Any]:
        out = real_batch(*args, **kwargs)
        counts.append(gc.get_freeze_count())
        return out

    tables = []
    for name, freezing in (("frozen.db", True), ("plain.db", False)):
        if not freezing:
            monkeypatch.setattr(gc, "freeze", lambda: None)
        monkeypatch.setattr(link, "link_batch", counted)
        counts.clear()
        store = Store(str(tmp_path / name))
        for analysis in analyses:
            store.write(analysis)
        link_articles(store, sorted(a.article.id for a in analyses))
        assert len(counts) == 3
        if freezing:
            # Each batch's survivors join the frozen ones; all are given back at the end of the pass.
            assert 0 < counts[0] < counts[1] < counts[2]
        assert gc.get_freeze_count() == 0
        with store.engine.connect() as conn:
            tables.append({t.name: sorted(map(tuple, conn.execute(sa.select(t)))) for t in LINK_TABLES})
    assert tables[0] == tables[1]
    assert sum(len(rows) for rows in tables[0].values()) > 500


def test_a_pass_leaves_frozen_what_was_frozen_before_it() -> None:
    """Objects frozen before a pass (a run's start-up heap) are given back by whoever froze them, not by the pass,
    which cannot give back only its own (``gc.unfreeze`` gives back all)."""
    import gc

    from dateline.link import collections_paused, survivors_frozen

    if gc.get_freeze_count():
        pytest.skip("this process holds frozen objects already")
    gc.freeze()
    try:
        before = gc.get_freeze_count()
        with survivors_frozen(), collections_paused(freeze=True):
            kept = [[i] for i in range(1000)]
        assert gc.get_freeze_count() >= before + len(kept)
    finally:
        gc.unfreeze()
    with survivors_frozen(), collections_paused(freeze=True):
        kept = [[i] for i in range(1000)]
    assert gc.get_freeze_count() == 0


def test_feature_views_are_kept_until_the_row_is_written(db_url: str) -> None:
    # A view is worked out once per row and kept across sessions sharing the cache; putting or dropping the row
    # forgets it, and a row that does not exist has no view.
    store, cache, calls = Store(db_url), LinkCache(), []

    def view(data: dict[str, int]) -> int:
        calls.append(data["n"])
        return data["n"] * 10

    with store.engine.begin() as conn:
        session = LinkSession(conn, cache)
        session.put_features("t", "a", "a", {"n": 1})
        session.put_features("t", "b", "b", {"n": 2})
        session.flush()
    with store.engine.begin() as conn:
        session = LinkSession(conn, cache)
        assert session.view_features("t", ["b", "a", "missing"], view) == {"a": 10, "b": 20}
        assert list(session.view_features("t", ["b", "a"], view)) == ["a", "b"]
        assert calls == [1, 2]
        session.put_features("t", "a", "a", {"n": 3})
        assert session.view_features("t", ["a", "b"], view) == {"a": 30, "b": 20}
        assert calls == [1, 2, 3]
        session.drop_features("t", ["b"])
        assert session.view_features("t", ["a", "b"], view) == {"a": 30}
        assert calls == [1, 2, 3]
    # A fresh cache reads the rows as stored: the same views.
    with store.engine.begin() as conn:
        assert LinkSession(conn, LinkCache()).view_features("t", ["a", "b"], view) == {"a": 30}


@pytest.mark.parametrize("seed", range(20))
def test_ranked_is_the_order_of_count_then_id(seed: int) -> None:
    """``ranked`` (two C sorts) gives the first ``limit`` items of the ``(-count, id)`` order, ties included:
    posting lists of random overlapping ids, counted as ``candidates`` counts them."""
    rng = random.Random(seed)
    ids = [f"{rng.getrandbits(64):016x}" for _ in range(rng.randint(1, 400))]
    postings = [rng.sample(ids, rng.randint(1, len(ids))) for _ in range(rng.randint(1, 6))]
    counts = Counter(chain.from_iterable(postings))
    limit = rng.choice([1, 5, 40, 100, 1000])
    expected = [item for _, item in sorted((-n, item) for item, n in counts.items())][:limit]
    assert ranked(counts, limit) == expected


def test_posting_lists_grow_sorted_and_read_back_the_same(db_url: str) -> None:
    """``add_keys`` puts each new id in its place in the cached (sorted) posting list: ids added in random
    order, some twice, give the sorted distinct ids up to the cap, the same as a fresh read of the flushed rows."""
    rng = random.Random(17)
    ids = [f"{rng.getrandbits(64):016x}" for _ in range(60)]
    added = [rng.choice(ids) for _ in range(120)]
    store = Store(db_url)
    with store.engine.begin() as conn:
        session = LinkSession(conn)
        for item in added:
            session.add_keys("t", ["wide", f"narrow{int(item, 16) % 3}"], item, cap=1000)
            session.add_keys("t", ["capped"], item, cap=9)
        held = session._postings("t", ["capped", "narrow0", "narrow1", "narrow2", "wide"])
        assert held["wide"] == sorted(set(added))
        for r in range(3):
            assert held[f"narrow{r}"] == sorted({i for i in added if int(i, 16) % 3 == r})
        # A stop-key stops at cap + 1 items: the first ten distinct ids added, sorted.
        assert held["capped"] == sorted(list(dict.fromkeys(added))[:10])
        session.flush()
        assert LinkSession(conn, LinkCache())._postings("t", sorted(held)) == held


def test_handed_over_groups_are_written_once_as_their_json(db_url: str) -> None:
    """A handed-over group's JSON is written when first needed: a copy read before the flush, the peeked row
    and the flushed row all hold the data last put, and the stored text is the canonical dump of it."""
    store = Store(db_url)
    with store.engine.begin() as conn:
        session = LinkSession(conn)
        first = {"id": "g1", "names": ["Ann Lee"], "n": 1}
        session.put_group("t", "g1", first, label="Ann Lee", handed_over=True)
        assert session.peek_groups("t", ["g1"])["g1"] is first
        copy = session.get_group("t", "g1")
        assert copy == first and copy is not first
        latest = {"id": "g1", "names": ["Ann Lee", "Lee"], "n": 2}
        session.put_group("t", "g1", latest, label="Ann Lee", handed_over=True)
        session.put_group("t", "g2", {"id": "g2", "n": 1}, label="other")
        session.flush()
        rows = dict(
            conn.execute(sa.select(link_groups.c.id, link_groups.c.data).where(link_groups.c.kind == "t")).all()
        )
        assert rows == {"g1": dumps(latest), "g2": dumps({"id": "g2", "n": 1})}
        assert LinkSession(conn, LinkCache()).get_group("t", "g1") == latest


def test_a_flushed_handed_over_group_keeps_its_text_and_lets_its_data_go(db_url: str) -> None:
    """After the flush the row cache holds a handed-over group's text alone: the parse cache still gives the
    data it holds, and once it has evicted the row a look parses the text back to the same data."""
    store = Store(db_url)
    with store.engine.begin() as conn:
        session = LinkSession(conn)
        data = {"id": "g1", "names": ["Ann Lee"], "n": 1}
        session.put_group("t", "g1", data, label="Ann Lee", handed_over=True)
        session.flush()
        _label, held = session.cache.groups.get(("t", "g1")) or (None, None)
        assert isinstance(held, Unwritten) and held.data is None and held.text() == dumps(data)
        assert session.peek_groups("t", ["g1"])["g1"] is data
        session.cache.parsed.data.clear()
        again = session.peek_groups("t", ["g1"])["g1"]
        assert again == data and again is not data
        assert session.peek_groups("t", ["g1"])["g1"] is again
        assert session.get_group("t", "g1") == data
