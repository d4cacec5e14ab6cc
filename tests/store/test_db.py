"""The store's test suite over both backends: SQLite and a real PostgreSQL server (fixtures in conftest.py)."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.batch import run_corpus
from dateline.ingest import article_from_text, iter_documents
from dateline.model import Analysis, Article, Entity, Failure, Span, Speaker, Statement, sorted_records
from dateline.store import Store, queries, schema
from dateline.store.corpus import LinkCache, LinkSession, link_features, link_groups, link_members
from dateline.store.db import (
    _article_row,
    canonical_entity_of,
    dumps,
    moved_ids,
    speaker_moves,
    stored_moves,
    update_rows,
)
from tests.conftest import CORPUS, missing_shared
from tests.store.conftest import pg_schema


def _analysis(text: str) -> Analysis:
    article = article_from_text(text, source_path="mem.txt")
    word = article.text.split()[0]
    start = article.text.index(word)
    entity = Entity(
        article_id=article.id,
        spans=(Span.of(article.text, start, start + len(word)),),
        extractor="entities.rules.v1",
        name=word,
        type="ORG",
    )
    return Analysis(article, (entity,))


def _bbc(n: int) -> list[str]:
    files = sorted((CORPUS / "bbc-news-greene2006" / "bbc" / "business").glob("*.txt"))[:n]
    if len(files) < n:
        missing_shared(CORPUS)
    return [str(f) for f in files]


def test_schema_is_migrated_on_the_backend(store_url: str) -> None:
    store = Store(store_url)
    assert store.dialect == ("sqlite" if "://" not in store_url else "postgresql")
    assert store.counts() == {"articles": 0, "failures": 0}


def test_write_is_idempotent(store_url: str) -> None:
    store = Store(store_url)
    analysis = _analysis("Acme opened a plant in Baku.")
    assert store.write(analysis) is True
    before = store.fingerprint()
    assert store.write(analysis) is False
    assert store.fingerprint() == before
    assert store.counts() == {"articles": 1, "failures": 0, "entity": 1}


def test_reopen_keeps_schema_and_data(store_url: str) -> None:
    Store(store_url).write(_analysis("Acme opened a plant in Baku."))
    again = Store(store_url)
    assert again.counts()["articles"] == 1


def test_article_author_and_credit_lines_are_stored(store_url: str) -> None:
    text = "By Jane Doe, Associated Press\n\nBAKU, Azerbaijan, Feb. 23 — It rained.\n\nPhoto: Al Drago/Reuters"
    article = article_from_text(text, source_path="a.txt", outlet="Newsmax", detect_headline=False)
    store = Store(store_url)
    store.write(Analysis(article))
    assert store.article(article.id) == article
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(schema.articles.c.author, schema.articles.c.source)).one()
    assert tuple(row) == ("Jane Doe", "Associated Press")


def test_an_editors_label_is_stored_and_read_back(store_url: str) -> None:
    # The label's span rides in the article's stored form on both backends; an article without one is stored
    # without the key, as before the field.
    labelled = article_from_text("MARKET TALK - Traders said copper would rise.", source_path="a.txt")
    plain = article_from_text("BAKU, Azerbaijan, Feb. 23 — It rained.", source_path="b.txt")
    store = Store(store_url)
    store.write(Analysis(labelled))
    store.write(Analysis(plain))
    back = store.article(labelled.id)
    assert back == labelled and back is not None and back.label_span is not None
    assert back.label_span.text == "MARKET TALK -"
    assert store.article(plain.id) == plain
    with store.engine.connect() as conn:
        data = conn.execute(sa.select(schema.articles.c.data).where(schema.articles.c.id == plain.id)).scalar_one()
    assert "label_span" not in json.loads(data)


def test_failures_are_recorded_once(store_url: str) -> None:
    store = Store(store_url)
    failure = Failure("bad.html", "E203", "truncated HTML")
    assert store.write_failure(failure)
    assert not store.write_failure(failure)
    assert [f.reason for f in store.failures()] == ["truncated HTML"]


# Any text, NUL and other control characters included: PostgreSQL cannot store NUL (SQLite can), so ingest
# drops control characters before any backend sees them, and the round trip holds on both.
TEXT = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=300)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXT.filter(lambda s: article_from_text(s, source_path="mem.txt").text.split()))
def test_analysis_round_trips_through_the_store(store_url: str, text: str) -> None:
    store = Store(store_url)
    analysis = _analysis(text)
    store.write(analysis)
    assert store.analysis(analysis.article.id) == analysis


@pytest.mark.postgres
def test_both_backends_store_the_same_run(pg_session_db: str, tmp_path: Path) -> None:
    paths = _bbc(6)
    sqlite = Store(str(tmp_path / "same.db"))
    run_corpus(paths, sqlite)
    with pg_schema(pg_session_db) as url:
        postgres = Store(url)
        run_corpus(paths, postgres)
        assert postgres.counts() == sqlite.counts()
        assert postgres.fingerprint() == sqlite.fingerprint()
        postgres.close()


def test_readers_see_a_growing_store_while_a_run_writes(store_url: str) -> None:
    """A second connection counts articles while the run writes: never an error, never a count going back."""
    paths = _bbc(8)
    writer = Store(store_url)
    reader = Store(store_url, migrate=False)
    seen: list[int] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def read() -> None:
        try:
            while not done.is_set():
                seen.append(reader.counts()["articles"])
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=read)
    thread.start()
    try:
        summary = run_corpus(paths, writer)
    finally:
        done.set()
        thread.join()
    seen.append(reader.counts()["articles"])
    assert not errors
    assert seen == sorted(seen)
    assert seen[-1] == summary.stored == len(paths)
    assert len(set(seen)) > 2, "the reader only saw the store before and after the run, not during it"


def test_counts_follow_every_write_though_memoised(store_url: str) -> None:
    """Corpus-wide aggregates are memoised until the database changes (``Store.memoised``): a write through
    the same store, through another store on the same database, or by another process is seen at once."""
    store = Store(store_url)
    assert store.counts() == {"articles": 0, "failures": 0}
    store.write(_analysis("Acme opened a plant in Baku."))
    assert store.counts()["articles"] == 1
    Store(store_url).write(_analysis("Globex closed a mill in Tbilisi."))
    assert store.counts()["articles"] == 2
    code = (
        "import sys; from tests.store.test_db import _analysis; from dateline.store import Store; "
        "Store(sys.argv[1]).write(_analysis('Initech hired staff in Yerevan.'))"
    )
    subprocess.run([sys.executable, "-c", code, store_url], check=True, cwd=Path(__file__).resolve().parents[2])
    assert store.counts()["articles"] == 3
    assert store.counts() == Store(store_url).counts()


def test_memoised_values_are_copies(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "memo.db"))
    first = store.memoised(("key",), lambda: {"a": [1]})
    first["a"].append(2)
    assert store.memoised(("key",), lambda: {"a": [9]}) == {"a": [1]}
    assert store.revision() is not None


def _dated_analysis(n: int, published: str | None) -> Analysis:
    """An article with one ORG entity per capitalised word, so each article holds several records."""
    words = [f"Acme{n}x{i}" for i in range(n % 4 + 1)]
    article = article_from_text(f"{' and '.join(words)} met in Baku.", source_path=f"a{n}.txt", published=published)
    entities = tuple(
        Entity(
            article_id=article.id,
            spans=(Span.of(article.text, article.text.index(w), article.text.index(w) + len(w)),),
            extractor="entities.rules.v1",
            name=w,
            type="ORG",
        )
        for w in words
    )
    return Analysis(article, entities)


@given(
    limit=st.integers(min_value=1, max_value=12),
    offset=st.integers(min_value=0, max_value=45),
    since=st.sampled_from([None, "2020-01-03"]),
    until=st.sampled_from([None, "2020-01-06"]),
)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_kind_page_walked_by_article_equals_the_sorted_query(
    dated_store: Store, limit: int, offset: int, since: str | None, until: str | None
) -> None:
    """``queries.records`` on kind (and dates) alone walks the articles by date instead of sorting every
    record of the kind: the page is the one ``RECORD_ORDER`` gives, at any offset."""
    from dateline.store import queries
    from dateline.store.db import RECORD_ORDER, select_records

    page = queries.records(dated_store, kind="entity", since=since, until=until, limit=limit, offset=offset)
    query = select_records(kind="entity", since=since, until=until).order_by(*RECORD_ORDER)
    with dated_store.engine.connect() as conn:
        expected = [json.loads(r[0]) for r in conn.execute(query.limit(limit).offset(offset))]
    assert page.items == expected


@pytest.fixture(scope="module")
def dated_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """Thirty articles over ten days (three undated), with one to four records each, written out of order;
    more articles than one step of the walk reads (``WALK_ARTICLES`` lowered to 7 for the test)."""
    from dateline.store import queries

    store = Store(str(tmp_path_factory.mktemp("walk") / "walk.db"))
    for n in reversed(range(30)):
        store.write(_dated_analysis(n, None if n % 10 == 0 else f"2020-01-{n % 9 + 1:02d}"))
    step, queries.WALK_ARTICLES = queries.WALK_ARTICLES, 7
    yield store
    queries.WALK_ARTICLES = step


def test_sqlite_connections_get_the_linking_settings(tmp_path: Path) -> None:
    # WAL with NORMAL syncs (a killed process loses nothing committed), the larger page cache and the WAL
    # checkpoint interval linking was measured with (docs/scale.md, bench/RESULTS-linking.md session 15).
    from dateline.store import db

    store = Store(str(tmp_path / "settings.db"))
    with store.engine.connect() as conn:
        pragma = {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar() for name in ("journal_mode", "synchronous")}
        assert pragma == {"journal_mode": "wal", "synchronous": 1}
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -db.CACHE_KIB
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == db.WAL_CHECKPOINT_PAGES


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12,
)


@given(_JSON)
def test_dumps_is_the_canonical_json_of_json_dumps(data: object) -> None:
    # One shared encoder writes every stored row: the text must stay what json.dumps with the canonical
    # options gives (keys sorted, no spaces, non-ASCII kept), or stored rows would change from run to run.
    assert dumps(data) == json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def test_a_flush_replaces_the_rows_of_the_keys_it_writes(store_url: str) -> None:
    # A group renamed, a member moved to another group and a features row rewritten after a first flush: each
    # key holds one row, the one written last; the rows of other keys are left as they were.
    store = Store(store_url)
    with store.engine.begin() as conn:
        session = LinkSession(conn)
        session.put_group("t", "g1", {"id": "g1", "n": 1}, label="one")
        session.put_group("t", "g2", {"id": "g2", "n": 1}, label="two")
        session.add_member("t", "g1", "m1", "a1", {"name": "Ann"})
        session.put_features("t", "f1", "a1", {"v": 1})
        session.flush()
        session.put_group("t", "g1", {"id": "g1", "n": 2}, label="uno", handed_over=True)
        session.add_member("t", "g2", "m1", "a1", {"name": "Ann Lee"})
        session.add_member("t", "g2", "m2", "a2", {})
        session.put_features("t", "f1", "a1", {"v": 2})
        session.flush()
    with store.engine.connect() as conn:
        groups = sorted(tuple(r) for r in conn.execute(sa.select(link_groups)))
        members = sorted(tuple(r) for r in conn.execute(sa.select(link_members)))
        features = sorted(tuple(r) for r in conn.execute(sa.select(link_features)))
    assert groups == [("t", "g1", "uno", dumps({"id": "g1", "n": 2})), ("t", "g2", "two", dumps({"id": "g2", "n": 1}))]
    assert members == [("t", "m1", "g2", "a1", dumps({"name": "Ann Lee"})), ("t", "m2", "g2", "a2", "{}")]
    assert features == [("t", "f1", "a1", dumps({"v": 2}))]


def test_a_flush_writes_each_group_whether_its_label_is_kept_changed_or_null(store_url: str) -> None:
    # On SQLite a group rewritten under its stored label is updated without setting the label, and the upsert
    # then writes the others: each row must be written by exactly one of the two, a NULL label on either side
    # included, and a new group inserted.
    store = Store(store_url)
    before = {"kept": "Ann", "renamed": "Ann", "named": None, "unnamed": "Bo", "still": None}
    after = {**before, "renamed": "Ann Lee", "named": "Cy", "unnamed": None, "new": "Di"}
    with store.engine.begin() as conn:
        session = LinkSession(conn)
        for ident, label in before.items():
            session.put_group("t", ident, {"id": ident, "n": 1}, label=label)
        session.flush()
        for ident, label in after.items():
            session.put_group("t", ident, {"id": ident, "n": 2}, label=label)
        session.flush()
    with store.engine.connect() as conn:
        groups = sorted(tuple(r) for r in conn.execute(sa.select(link_groups)))
    assert groups == sorted(("t", i, label, dumps({"id": i, "n": 2})) for i, label in after.items())


def test_records_rewritten_by_linking_keep_or_change_their_label(store_url: str) -> None:
    # Linking fills entity ids and leaves labels as they are, except where a speaker is named anew; on SQLite a
    # record whose label is kept is updated without setting it. Each record reads back as a fresh write of it.
    text = "Ann Lee met the press. Ann Lee said talks would go on."
    article = article_from_text(text, source_path="labels.txt")
    body = article.text
    entity = Entity(
        article_id=article.id, spans=(Span.of(body, 0, 7),), extractor="t.v1", name="Ann Lee", type="PERSON"
    )
    said = body.index("Ann Lee said")
    statement = Statement(
        article_id=article.id,
        spans=(Span.of(body, said, len(body)),),
        extractor="t.v1",
        speaker=Speaker(text="Ann Lee"),
        cue="said",
        content="talks would go on",
    )
    other = Statement(
        article_id=article.id,
        spans=(Span.of(body, 0, said),),
        extractor="t.v1",
        speaker=Speaker(text="Ann Lee"),
        cue="met",
        content="the press",
    )
    store = Store(store_url)
    store.write(Analysis(article, (entity, statement, other)))
    # A stored NULL label (as an older database may hold) is replaced too.
    with store.engine.begin() as conn:
        conn.execute(sa.update(schema.records).where(schema.records.c.id == other.id).values(label=None))
    linked = [
        dataclasses.replace(entity, entity_id="ann-lee"),
        dataclasses.replace(statement, speaker=Speaker(text="Ann Lee", entity="Ann Lee", entity_id="ann-lee")),
        dataclasses.replace(other, speaker=Speaker(text="Ann Lee", entity="Lee", entity_id="lee")),
    ]
    assert [r.label() for r in linked] == ["Ann Lee", "Ann Lee", "Lee"]
    store.update_records(linked)
    r = schema.records
    with store.engine.connect() as conn:
        rows = {row[0]: tuple(row[1:]) for row in conn.execute(sa.select(r.c.id, r.c.data, r.c.label, r.c.entity_id))}
    assert rows == {rec.id: (dumps(rec.to_dict()), rec.label(), canonical_entity_of(rec.to_dict())) for rec in linked}


def test_held_parses_follow_every_write(store_url: str) -> None:
    """A peek answers from the parses the cache holds without looking at the row cache, so every write of a row
    must replace or drop its parse: a plain put, a features put or drop, a move. Rows held and rows read come
    back together in id order, and each as a fresh session reads it from the database."""
    store = Store(store_url)
    with store.engine.begin() as conn:
        session = LinkSession(conn)
        for ident in ("b", "d"):
            session.put_group("t", ident, {"id": ident, "n": 1})
        session.put_features("f", "x", "x", {"n": 1})
        session.flush()
        assert session.peek_groups("t", ["d", "b"]) == {"b": {"id": "b", "n": 1}, "d": {"id": "d", "n": 1}}
        assert session.peek_features("f", ["x"]) == {"x": {"n": 1}}
        # A plain put (its text, not handed over) after the row was peeked: the next peek is of the new row.
        session.put_group("t", "b", {"id": "b", "n": 2})
        session.put_features("f", "x", "x", {"n": 2})
        assert session.peek_groups("t", ["b"]) == {"b": {"id": "b", "n": 2}}
        assert session.peek_features("f", ["x"]) == {"x": {"n": 2}}
        # "a" and "c" are read (one of them absent), "b" and "d" held: all in id order.
        session.put_group("t", "c", {"id": "c", "n": 1})
        session.flush()
        session.cache.parsed.data.pop((link_groups.name, "t", "c"), None)
        peeked = session.peek_groups("t", ["d", "c", "b", "a"])
        assert list(peeked) == ["b", "c", "d"]
        assert peeked == LinkSession(conn, LinkCache()).get_groups("t", ["a", "b", "c", "d"])
        session.drop_features("f", ["x"])
        assert session.peek_features("f", ["x"]) == {}
        # A move folds "d" into "b": the source's parse goes with the rest of the cache.
        session.move_groups("t", [("d", "b")])
        assert session.peek_groups("t", ["b", "d"]) == {"b": {"id": "b", "n": 2}}


# Other items' keys of three kinds beside the moved ones, so that PostgreSQL's planner, which would read a
# table of a few rows in full whatever its indexes, chooses between its indexes as it does on a real corpus.
_OTHER_ITEMS = 3000


def _plan(conn: sa.Connection, dialect: str, statement: str, parameters: object) -> list[str]:
    """The lines of the database's plan of ``statement``."""
    explain = "EXPLAIN QUERY PLAN" if dialect == "sqlite" else "EXPLAIN"
    return [str(row[-1]) for row in conn.exec_driver_sql(f"{explain} {statement}", parameters).all()]  # type: ignore[arg-type]


def test_moved_keys_are_read_through_the_entity_keys_index(store_url: str) -> None:
    """The merge pass moves entities' blocking keys, read by item through a partial index of entity keys alone
    (on both databases the plan of each statement that reads them by item says so, and PostgreSQL's reads no
    table or other index); another kind's keys, outside that index, move all the same. A chain (a into b,
    then b into c) ends as one move after the other would."""
    store = Store(store_url)
    sent: list[tuple[str, object]] = []
    k = schema.link_keys

    def note(_conn: object, _cursor: object, statement: str, parameters: object, *_: object) -> None:
        sent.append((statement, parameters))

    with store.engine.begin() as conn:
        others = [
            {"kind": kind, "key": f"w{(i * 7 + j) % 5000}", "item_id": f"x{i}"}
            for kind in (schema.KEYS_BY_ITEM, "story", "near")
            for i in range(_OTHER_ITEMS)
            for j in range(3)
        ]
        conn.execute(k.insert(), others)
        conn.exec_driver_sql("ANALYZE")
        session = LinkSession(conn)
        for kind in (schema.KEYS_BY_ITEM, "story"):
            for item, keys in (("a", ["k1", "k2"]), ("b", ["k2", "k3"]), ("c", ["k4"])):
                session.add_keys(kind, keys, item, cap=10)
                session.put_group(kind, item, {"id": item})
        session.flush()
        sa.event.listen(store.engine, "before_cursor_execute", note)
        for kind in (schema.KEYS_BY_ITEM, "story"):
            session.move_groups(kind, [("a", "b"), ("b", "c")])
        sa.event.remove(store.engine, "before_cursor_execute", note)
        mine = sa.select(k.c.kind, k.c.key, k.c.item_id).where(k.c.item_id.in_(["a", "b", "c"]))
        found = conn.execute(mine.order_by(k.c.kind, k.c.key)).all()
        by_item = [(s, p) for s, p in sent if "link_keys" in s and f"kind = '{schema.KEYS_BY_ITEM}'" in s]
        plans = [_plan(conn, store.dialect, s, p) for s, p in by_item]
    assert [tuple(r) for r in found] == [
        *((schema.KEYS_BY_ITEM, key, "c") for key in ("k1", "k2", "k3", "k4")),
        *(("story", key, "c") for key in ("k1", "k2", "k3", "k4")),
    ]
    # Two moves of entity keys: each an insert of the moved keys (reading the source's and the target's) and
    # a delete of the source's.
    assert len(by_item) == 4
    if store.dialect == "sqlite":
        assert all(any(schema.ENTITY_KEYS_INDEX in line for line in plan) for plan in plans), plans
    else:
        # Every read of link_keys (the insert's two, the delete's one) through the index (an index scan, or a
        # bitmap of it), none by the primary key nor in full.
        reads = [[line for line in plan if schema.ENTITY_KEYS_INDEX in line] for plan in plans]
        assert [len(r) for r in reads] == [2, 1, 2, 1], plans
        assert not [line for plan in plans for line in plan if "Seq Scan" in line or "_pkey" in line], plans


def test_records_naming_and_sources_held_read_by_entity_and_by_group(store_url: str) -> None:
    """What the merge pass and its rewrite read: the records whose canonical entity is one of some ids (of the
    asked articles only, in record order), and each article holding a source with its groups among the sources
    and targets (``sources_held``: articles holding no source left out)."""
    text = "Ann Lee met Bo Park. Ann Lee said talks would go on."
    article = article_from_text(text, source_path="naming.txt")
    body = article.text
    lee = Entity(article_id=article.id, spans=(Span.of(body, 0, 7),), extractor="t.v1", name="Ann Lee", type="PERSON")
    park = Entity(
        article_id=article.id, spans=(Span.of(body, 12, 19),), extractor="t.v1", name="Bo Park", type="PERSON"
    )
    said = body.index("Ann Lee said")
    statement = Statement(
        article_id=article.id,
        spans=(Span.of(body, said, len(body)),),
        extractor="t.v1",
        speaker=Speaker(text="Ann Lee", entity="Ann Lee", entity_id="c-lee"),
        cue="said",
        content="talks would go on",
    )
    linked = (
        dataclasses.replace(lee, entity_id="c-lee"),
        dataclasses.replace(park, entity_id="c-park"),
        statement,
    )
    store = Store(store_url)
    store.write(Analysis(article, linked))
    kinds = ("entity", "statement", "claim")
    here = [article.id]
    assert store.records_naming(["c-lee", "c-none"], here, kinds=kinds) == {article.id: (linked[0], statement)}
    assert store.records_naming(["c-lee"], here, kinds=("entity",)) == {article.id: (linked[0],)}
    assert store.records_naming(["c-none"], here, kinds=kinds) == {}
    # Only the asked articles' records: the rewrite reads a batch of articles at a time (bounded memory).
    assert store.records_naming(["c-lee"], ["another-article"], kinds=kinds) == {}
    assert store.records_naming(["c-lee"], [], kinds=kinds) == {}
    with store.engine.begin() as conn:
        session = LinkSession(conn)
        for rec in linked[:2]:
            session.add_member("entity", str(rec.entity_id), rec.id, article.id)
        # The article's other group ("c-lee", neither a source nor a target) is not among those it holds.
        assert session.sources_held("entity", {"c-park": "c-none"}) == {article.id: {"c-park"}}
        # The merge pass's read: the articles holding a source, each with the sources and targets it holds (a
        # target held elsewhere only, or a source held nowhere, brings no article).
        session.add_member("entity", "c-far", "far-record", "other")
        assert session.sources_held("entity", {"c-park": "c-lee"}) == {article.id: {"c-park", "c-lee"}}
        assert session.sources_held("entity", {"c-park": "c-far"}) == {article.id: {"c-park"}}
        assert session.sources_held("entity", {"c-none": "c-lee"}) == {}


def test_rows_of_merged_ids_read_as_stored_and_written_back(store_url: str) -> None:
    """What the merge pass's rewrite of a ``mapped`` article reads and writes (session 29): each row as stored
    (its label and decoded JSON, which encodes back to the stored text), the statements holding an id in a
    further speaker found by their text (no column holds it), and a row written back with an id mapped reads
    back as the record with that id, its entity_id column and label kept in step."""
    text = "Ann Lee and Bo Park said talks would go on."
    article = article_from_text(text, source_path="rows.txt")
    body = article.text
    lee = Entity(article_id=article.id, spans=(Span.of(body, 0, 7),), extractor="t.v1", name="Ann Lee", type="PERSON")
    statement = Statement(
        article_id=article.id,
        spans=(Span.of(body, 0, len(body)),),
        extractor="t.v1",
        speaker=Speaker(text="Ann Lee", entity="Ann Lee", entity_id="c-lee"),
        speakers=(
            Speaker(text="Ann Lee", entity="Ann Lee", entity_id="c-lee"),
            Speaker(text="Bo Park", entity="Bo Park", entity_id="c-park"),
        ),
        cue="said",
        content="talks would go on",
    )
    records = (dataclasses.replace(lee, entity_id="c-lee"), statement)
    store = Store(store_url)
    store.write(Analysis(article, records))
    with store.engine.connect() as conn:
        stored = {str(i): str(d) for i, d in conn.execute(sa.select(schema.records.c.id, schema.records.c.data))}
    naming = store.rows_naming(["c-lee"], [article.id], kinds=("entity", "statement"))
    assert sorted(row.data["id"] for row in naming[article.id]) == sorted(r.id for r in records)
    assert all(dumps(row.data) == stored[row.data["id"]] for row in naming[article.id])
    assert {row.label for row in naming[article.id]} == {"Ann Lee"}
    # Bo Park is only a further speaker: found by the statement's text, not by the entity_id column.
    assert store.rows_naming(["c-park"], [article.id], kinds=("statement",)) == {}
    held = store.rows_holding({"c-park"}, [article.id], kinds=("statement",))
    assert [row.data["id"] for row in held[article.id]] == [statement.id]
    assert store.rows_holding({"c-none"}, [article.id], kinds=("statement",)) == {}
    assert store.records_holding({"c-park"}, [article.id], kinds=("statement",)) == {article.id: (statement,)}
    row = held[article.id][0]
    row.data["speakers"][1]["entity_id"] = "c-bo"
    with store.engine.begin() as conn:
        update_rows(conn, [row])
    moved = dataclasses.replace(
        statement, speakers=(statement.speakers[0], dataclasses.replace(statement.speakers[1], entity_id="c-bo"))
    )
    assert store.records_holding({"c-bo"}, [article.id], kinds=("statement",)) == {article.id: (moved,)}
    with store.engine.connect() as conn:
        after = conn.execute(
            sa.select(schema.records.c.data, schema.records.c.label, schema.records.c.entity_id).where(
                schema.records.c.id == statement.id
            )
        ).one()
    assert tuple(after) == (dumps(moved.to_dict()), "Ann Lee", "c-lee")


def test_article_records_of_many_articles_are_read_by_the_article_index(store_url: str) -> None:
    """``article_records`` asked for some kinds of 20 articles or more (the merge pass's rewrite asks 200 at a
    time): SQLite's planner, without statistics, chose ``ix_records_kind_entity`` for "these kinds of these
    articles", reading every record of the kinds in the database (16 s of CPU for the rewrite's 3,000 articles
    at 30k articles); the kind condition is one no index serves, so it reads the articles' rows by their
    index. The records are the same on both databases: each asked article's records of the kinds, in order."""
    store = Store(store_url)
    analyses = [_analysis(f"Firm{i} opened a plant in Baku.") for i in range(30)]
    for analysis in analyses:
        store.write(analysis)
    ids = [a.article.id for a in analyses][:25]
    sent: list[tuple[str, object]] = []

    def note(_conn: object, _cursor: object, statement: str, parameters: object, *_: object) -> None:
        sent.append((statement, parameters))

    sa.event.listen(store.engine, "before_cursor_execute", note)
    try:
        found = store.article_records(ids, kinds=("entity", "statement", "claim"))
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", note)
    assert found == {a.article.id: a.records for a in analyses if a.article.id in ids}
    assert store.article_records(ids, kinds=("time",)) == {}
    if store.dialect == "sqlite":
        reads = [(s, p) for s, p in sent if "FROM records" in s]
        with store.engine.connect() as conn:
            plans = [_plan(conn, store.dialect, s, p) for s, p in reads]
        assert plans and all(any("ix_records_article" in line for line in plan) for plan in plans), plans


def test_records_holding_read_the_records_that_hold_an_id_in_any_entity_id_field(store_url: str) -> None:
    """What the merge pass's rewrite reads of a mapped article's statements: those holding a merged id as the
    speaker's or a further speaker's canonical entity ("A and B said": the further ones have no column), in
    record order, and no other; an id a JSON encoder would escape is looked for in the decoded records."""
    text = "Ann Lee and Bo Park said talks would go on. Cy Roe said no."
    article = article_from_text(text, source_path="holding.txt")
    body = article.text

    def said(start: int, end: int, *speakers: Speaker) -> Statement:
        return Statement(
            article_id=article.id,
            spans=(Span.of(body, start, end),),
            extractor="t.v1",
            speaker=speakers[0],
            speakers=speakers[1:],
            cue="said",
            content="x",
        )

    lee = Speaker(text="Ann Lee", entity="Ann Lee", entity_id="c-lee")
    park = Speaker(text="Bo Park", entity="Bo Park", entity_id="c-park")
    roe = Speaker(text="Cy Roe", entity="Cy Roe", entity_id="c-röe")
    both, alone = said(0, 43, lee, park), said(44, len(body), roe)
    entity = Entity(
        article_id=article.id,
        spans=(Span.of(body, 0, 7),),
        extractor="t.v1",
        name="Ann Lee",
        type="PERSON",
        entity_id="c-park",
    )
    store = Store(store_url)
    store.write(Analysis(article, (entity, both, alone)))
    here, spoken = [article.id], ("statement",)
    assert store.records_holding(["c-park"], here, kinds=spoken) == {article.id: (both,)}
    assert store.records_holding(["c-park"], here, kinds=("statement", "entity")) == {article.id: (entity, both)}
    assert store.records_holding(["c-lee", "c-none"], here, kinds=spoken) == {article.id: (both,)}
    assert store.records_holding(["c-röe"], here, kinds=spoken) == {article.id: (alone,)}
    assert store.records_holding(["c-röe", "c-park"], here, kinds=spoken) == {article.id: (both, alone)}
    assert store.records_holding(["c-none"], here, kinds=spoken) == {}
    assert store.records_holding(["Ann Lee"], here, kinds=spoken) == {}
    assert store.records_holding(["c-park"], ["another-article"], kinds=spoken) == {}
    assert store.records_holding([], here, kinds=spoken) == {}


def test_records_are_inserted_through_the_drivers_cursor_as_written(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Store.write hands an article's record rows to the driver's cursor (``insert_records``), not to SQLAlchemy
    # Core's insert: what is read back is each row as built, every column of it.
    from dateline.store.db import _record_row

    analysis = _analysis("Reuters said on Monday that prices rose.")
    store = Store(store_url)
    core = schema.records.insert
    used: list[bool] = []
    monkeypatch.setattr(schema.records, "insert", lambda *a, **k: used.append(True) or core(*a, **k))
    assert store.write(analysis)
    assert not used
    with store.engine.connect() as conn:
        stored = [dict(row._mapping) for row in conn.execute(sa.select(schema.records))]
    assert stored == [_record_row(record) for record in analysis.records]


def _mixed_analysis() -> Analysis:
    """An article with records of several kinds: a linked entity and an unlinked one (a NULL ``entity_id``), a
    statement whose speaker is linked (the id read out of nested JSON), non-ASCII names, a span at offset 0."""
    body = "São Paulo's mayor, Ann Lee, said the talks in Zürich would go on."
    article = article_from_text(body, source_path="mem.txt")
    text = article.text

    def span(word: str) -> Span:
        start = text.index(word)
        return Span.of(text, start, start + len(word))

    return Analysis(
        article,
        (
            Entity(article_id=article.id, spans=(span("São Paulo"),), extractor="e.v1", name="São Paulo", type="GPE"),
            Entity(
                article_id=article.id,
                spans=(span("Ann Lee"),),
                extractor="e.v1",
                name="Ann Lee",
                type="PERSON",
                entity_id="ann-lee",
            ),
            Entity(article_id=article.id, spans=(span("Zürich"),), extractor="e.v1", name="Zürich", type="GPE"),
            Statement(
                article_id=article.id,
                spans=(span("said the talks in Zürich would go on"),),
                extractor="s.v1",
                speaker=Speaker(text="Ann Lee", entity="Ann Lee", entity_id="ann-lee"),
                cue="said",
                content="the talks in Zürich would go on",
            ),
        ),
    )


def _stored_records(store: Store) -> list[dict[str, object]]:
    with store.engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(sa.select(schema.records).order_by(schema.records.c.id))]


def test_records_through_the_driver_read_back_as_through_sqlalchemy(
    store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ``insert_records`` sends rows to the driver's cursor; SQLAlchemy Core's insert (the path for a driver of
    # another paramstyle) is the reference: the same values and Python types read back, NULLs and JSON included.
    from dateline.store import db

    analysis = _mixed_analysis()
    assert Store(store_url).write(analysis)
    through_driver = _stored_records(Store(store_url))
    monkeypatch.setattr(db, "PLACEHOLDERS", {})
    reference = Store(str(tmp_path / "core.db"))
    assert reference.write(analysis)
    through_core = _stored_records(reference)
    assert [{k: (v, type(v)) for k, v in row.items()} for row in through_driver] == [
        {k: (v, type(v)) for k, v in row.items()} for row in through_core
    ]
    assert len(through_driver) == 4 and sum(row["entity_id"] is None for row in through_driver) == 2
    assert {row["entity_id"] for row in through_driver if row["kind"] == "statement"} == {"ann-lee"}


def test_a_write_stopped_after_its_records_leaves_nothing_and_is_written_once_again(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The driver's cursor writes on the transaction ``Store.write`` holds: a write stopped after the records'
    # insert (a killed run) leaves neither the article nor its records, and the run resumed writes each once.
    from dateline.store import db

    analysis = _mixed_analysis()
    store = Store(store_url)

    def stopped(conn: object, pairs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(db, "add_labels", stopped)
    with pytest.raises(KeyboardInterrupt):
        store.write(analysis)
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(schema.articles)).scalar() == 0
    assert _stored_records(store) == []
    monkeypatch.undo()
    assert store.write(analysis)
    assert not store.write(analysis)
    stored = _stored_records(store)
    assert sorted(row["id"] for row in stored) == sorted(r.id for r in analysis.records)
    assert len({row["id"] for row in stored}) == len(analysis.records) == 4


def test_articles_and_look_ups_through_the_driver_match_the_core_statements(tmp_path: Path) -> None:
    """``Store.write`` inserts an article's row with the driver's cursor and ``has_article`` asks it the same
    way; the row must be the one SQLAlchemy Core's ``insert().values(**row)`` wrote, column by column and
    type by type (``updated`` a bool: 0 or 1, an integer), for BBC reports and for an article marked updated."""
    articles = [analysis.article for analysis in map(_analysis, ["Acme opened a plant in Baku."])]
    articles += [a for a in iter_documents(_bbc(3)) if isinstance(a, Article)]
    articles.append(dataclasses.replace(articles[-1], updated=True, id="updated-copy"))
    driver, core = Store(str(tmp_path / "driver.db")), Store(str(tmp_path / "core.db"))
    for article in articles:
        assert not driver.has_article(article.id)
        assert driver.write(Analysis(article, ())) is True
        assert driver.has_article(article.id)
        with core.engine.begin() as conn:
            conn.execute(schema.articles.insert().values(**_article_row(article)))
    columns = ", ".join(f"{c.name}, typeof({c.name})" for c in schema.articles.columns)
    rows = []
    for store in (driver, core):
        with store.engine.connect() as conn:
            rows.append(conn.execute(sa.text(f"SELECT {columns} FROM articles ORDER BY id")).all())
    assert rows[0] == rows[1]
    assert len(rows[0]) == len(articles)
    assert driver.article("updated-copy").updated is True  # type: ignore[union-attr]


def test_ids_a_merge_moved_are_read_as_the_entities_go_by_now(store_url: str) -> None:
    """An article whose records the merge pass left as they were (a rename moved its entity's ``link_members``
    row, not its rows): every reader shows the id the entity goes by now, in the entity, the speaker and a
    further speaker; the entity filter and the counts by entity follow it; the rows keep what was written;
    an article holding the id under its group's own id is read as it is. On SQLite and PostgreSQL."""
    text = "Bo Park and Ann Lee said talks would go on. Bo Park said no."
    article = article_from_text(text, source_path="moved.txt")
    other = article_from_text("Bo Park said yes today.", source_path="kept.txt")
    park = Speaker(text="Bo Park", entity="Bo Park", entity_id="c-park")
    lee = Speaker(text="Ann Lee", entity="Ann Lee", entity_id="c-lee")

    def person(on: Article, name: str, ident: str) -> Entity:
        at = on.text.index(name)
        span = (Span.of(on.text, at, at + len(name)),)
        return Entity(article_id=on.id, spans=span, extractor="t.v1", name=name, type="PERSON", entity_id=ident)

    def said(on: Article, start: int, end: int, *speakers: Speaker) -> Statement:
        span = (Span.of(on.text, start, end),)
        return Statement(
            article_id=on.id,
            spans=span,
            extractor="t.v1",
            speaker=speakers[0],
            speakers=speakers[1:],
            cue="said",
            content="x",
        )

    entities = (person(article, "Bo Park", "c-park"), person(article, "Ann Lee", "c-lee"))
    both, alone = said(article, 0, 43, park, lee), said(article, 44, len(text), park)
    kept_entity, kept_said = person(other, "Bo Park", "c-bo"), said(other, 0, 23, replace_id(park, "c-bo"))
    store = Store(store_url)
    store.write(Analysis(article, (*entities, both, alone)))
    store.write(Analysis(other, (kept_entity, kept_said)))
    with store.engine.begin() as conn:
        session = LinkSession(conn)
        for rec in (*entities, kept_entity):
            session.add_member("entity", str(rec.entity_id), rec.id, rec.article_id)
        session.flush()
        # The merge pass's rename of Park's entity: "c-park" and "c-bo" are one, "c-bo" its id now; what the
        # records hold is noted in the transaction that moves the members (``link.merge_entities``).
        merged = {"c-park": "c-bo"}
        session.note_moved(merged, session.sources_held("entity", merged))
        session.move_groups("entity", [("c-park", "c-bo")])
    with store.engine.connect() as conn:
        assert moved_ids(conn, [article.id, other.id]) == {article.id: {"c-park": "c-bo"}}
        # The table holds what the records and members show.
        assert stored_moves(conn) == {(article.id, "c-park", "c-bo")}
    now = {
        entities[0].id: replace_id(entities[0], "c-bo"),
        both.id: dataclasses.replace(both, speaker=replace_id(park, "c-bo")),
        alone.id: dataclasses.replace(alone, speaker=replace_id(park, "c-bo")),
    }
    expected = tuple(now.get(r.id, r) for r in sorted_records((*entities, both, alone)))
    assert store.analyses([article.id])[0].records == expected
    assert store.article_records([article.id], kinds=("entity", "statement"))[article.id] == expected
    assert store.article_records([article.id], kinds=("entity", "statement"), as_stored=True)[article.id] == (
        sorted_records((*entities, both, alone))
    )
    assert store.analysis(article.id).records == expected  # type: ignore[union-attr]
    assert store.analyses([other.id])[0].records == sorted_records((kept_entity, kept_said))
    # A further speaker's id moves too ("Ann Lee and Bo Park said"), the first one's in the column.
    page = queries.records(store, limit=10, offset=0, kind="statement", entity_id="c-bo")
    in_order = sorted((kept_said, both, alone), key=lambda rec: (rec.article_id, rec.start, rec.id))
    assert [item["id"] for item in page.items] == [rec.id for rec in in_order]
    assert page.total == 3
    assert all(item["speaker"]["entity_id"] == "c-bo" for item in page.items)
    assert queries.records(store, limit=10, offset=0, kind="statement", entity_id="c-park").total == 0
    assert queries.records(store, limit=10, offset=0, entity_id="c-lee").total == 1
    r = schema.records
    with store.engine.connect() as conn:
        # Two statements hold "c-park" in the column, both now "c-bo"'s (counts by entity move them).
        assert speaker_moves(conn) == {("c-park", "c-bo"): 2}
    # What a row holds is what was written.
    with store.engine.connect() as conn:
        stored = conn.execute(sa.select(r.c.entity_id).where(r.c.id == both.id)).scalar_one()
    assert stored == "c-park"


def replace_id(holder: Any, ident: str) -> Any:
    return dataclasses.replace(holder, entity_id=ident)


def test_migration_0011_notes_the_ids_rows_hold_that_moved(store_url: str) -> None:
    """A database from before ``link_moved`` (migration 0010) whose entity record holds an id its member's group
    no longer is (an entity folded while the rows were left as written) gets that pair noted by the migration,
    and its records read with the id the entity goes by now; one whose rows hold every id as it is now (every
    earlier release's merge pass rewrote them) gets none. On SQLite and PostgreSQL."""
    from alembic import command
    from alembic.config import Config

    from dateline.store.db import MIGRATIONS

    text = "Bo Park said talks would go on."
    article = article_from_text(text, source_path="old-moved.txt")
    other = article_from_text("Ann Lee said no.", source_path="old-kept.txt")

    def person(on: Article, name: str, ident: str) -> Entity:
        span = (Span.of(on.text, 0, len(name)),)
        return Entity(article_id=on.id, spans=span, extractor="t.v1", name=name, type="PERSON", entity_id=ident)

    moved, kept = person(article, "Bo Park", "c-park"), person(other, "Ann Lee", "c-lee")
    store = Store(store_url)
    store.write(Analysis(article, (moved,)))
    store.write(Analysis(other, (kept,)))
    with store.engine.begin() as conn:
        session = LinkSession(conn)
        session.add_member("entity", "c-bo", moved.id, article.id)  # its entity goes by "c-bo" now
        session.add_member("entity", "c-lee", kept.id, other.id)
        session.flush()
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0010")

    def entity_index(conn: sa.Connection) -> list[str | None]:
        (found,) = [ix for ix in sa.inspect(conn).get_indexes("records") if ix["name"] == "ix_records_kind_entity"]
        return list(found["column_names"])

    with store.engine.connect() as conn:
        assert not sa.inspect(conn).has_table("link_moved")
        assert entity_index(conn) == ["kind", "entity_id"]
    store.engine.dispose()
    reopened = Store(store_url)
    with reopened.engine.connect() as conn:
        # Widened by 0011 (``schema.records``): ``speaker_moves`` reads the index alone.
        assert entity_index(conn) == ["kind", "entity_id", "article_id"]
        assert moved_ids(conn, [article.id, other.id]) == {article.id: {"c-park": "c-bo"}}
        assert stored_moves(conn) == {(article.id, "c-park", "c-bo")}
    assert reopened.analyses([article.id])[0].records == (replace_id(moved, "c-bo"),)
    assert reopened.analyses([other.id])[0].records == (kept,)
