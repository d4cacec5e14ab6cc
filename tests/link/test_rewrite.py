"""The merge pass's record rewrite: an article of the pass whose entity ids the merge keeps distinct has its
records' ids mapped (``_mapped``, read by the folded ids; ``_mapped_records`` where they are held in memory), an
earlier article's are left for readers to map (``db.moved_ids``), one where two of its ids become one has its
speakers resolved again (``_renamed``), and all give what resolving every article again gives."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

import dateline.link as linking
from dateline.batch.run import run_corpus
from dateline.ingest import article_from_text
from dateline.link import MAPPED, NAMING, _mapped, _renamed, _rewrite_mark, link_pending, rewrite_merged
from dateline.model import Analysis, Entity, Record, Span, Speaker, Statement, record_from_dict
from dateline.store import Store, queries
from dateline.store.corpus import MERGED, REWRITE, LinkSession
from dateline.store.db import RecordRow, dumps, moved_ids, stored_moves
from dateline.store.schema import LINK_TABLES, articles, link_moved
from tests.conftest import CORPUS
from tests.store.conftest import pg_schema, pg_session_db  # noqa: F401  (fixture)

TEXT = "John Smith and Mary Smith run the farm. Smith said the harvest would be late."
POLITICS = CORPUS / "bbc-news-greene2006" / "bbc" / "politics"
N_ARTICLES = 30
ARTICLE_RECORDS = Store.article_records
ROWS_NAMING = Store.rows_naming
UPDATE_RECORDS = LinkSession.update_records
# Linked in two runs of this many each: the second run's merge pass folds or renames entities that articles of
# the first name.
N_TWO_RUNS = 30


def _mapped_records(articles: list[tuple[Record, ...]], merged: dict[str, str]) -> list[Record]:
    """``_mapped`` of records as stored (each one's label and ``to_dict``), the rows it changes read back."""
    rows = [[RecordRow(r.label(), r.to_dict()) for r in records] for records in articles]
    return [record_from_dict(row.data) for row in _mapped(rows, merged)]


def _span(phrase: str) -> tuple[Span, ...]:
    start = TEXT.index(phrase)
    return (Span.of(TEXT, start, start + len(phrase)),)


def _person(name: str, entity_id: str) -> Entity:
    entity = Entity(article_id="a1", spans=_span(name), extractor="test.v1", name=name, type="PERSON")
    return replace(entity, entity_id=entity_id)


def _ambiguous() -> tuple[Record, ...]:
    """Two Smiths and a statement by "Smith", which fits both (left unresolved)."""
    said = Statement(
        article_id="a1",
        spans=_span("Smith said the harvest would be late."),
        extractor="test.v1",
        cue="said",
        content="the harvest would be late",
        speaker=Speaker("Smith", entity="Smith"),
    )
    return (_person("John Smith", "c-john"), _person("Mary Smith", "c-mary"), said)


def test_a_fold_of_two_ids_of_one_article_resolves_its_speakers_again() -> None:
    records = _ambiguous()
    folded = {"c-mary": "c-john"}
    assert _rewrite_mark({"c-john", "c-mary"}, folded) == {}
    # Resolved again, the speaker now fits one entity; mapping ids alone would leave it unresolved.
    statement = [r for r in _renamed([records], folded) if isinstance(r, Statement)]
    assert [s.speaker.entity_id for s in statement] == ["c-john"]
    assert not [r for r in _mapped_records([records], folded) if isinstance(r, Statement)]


def test_a_merge_that_keeps_the_ids_distinct_only_maps_them() -> None:
    records = _ambiguous()
    renamed = {"c-mary": "c-maria"}
    assert _rewrite_mark({"c-john", "c-mary"}, renamed) == {MAPPED: True}
    assert _rewrite_mark({"c-mary"}, {"c-mary": "c-john"}) == {MAPPED: True}
    assert _mapped_records([records], renamed) == _renamed([records], renamed)


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Store:
    files = sorted(POLITICS.glob("*.txt"))[:N_ARTICLES]
    store = Store(str(tmp_path_factory.mktemp("rewrite") / "linked.db"))
    run_corpus([str(p) for p in files], store, link=False)
    link_pending(store)
    return store


def test_mapping_gives_what_resolving_again_gives_on_linked_reports(linked: Store) -> None:
    """Every stored article, every entity id given a new id (distinct): the records that carry a renamed id
    (read as the rewrite reads them) mapped equal every record resolved again."""
    with linked.engine.connect() as conn:
        ids = {
            str(r[0])
            for r in conn.exec_driver_sql("SELECT DISTINCT entity_id FROM records WHERE entity_id IS NOT NULL")
        }
        article_ids = [str(r[0]) for r in conn.exec_driver_sql("SELECT id FROM articles")]
    renamed = {i: f"{i}-new" for i in sorted(ids)}
    articles = linked.article_records(article_ids, kinds=NAMING)
    naming = linked.rows_naming(renamed, list(articles), kinds=NAMING)
    statements = linked.rows_holding(renamed, list(articles), kinds=(Statement.kind,))
    mapped = _mapped([[*naming.get(a, ()), *statements.get(a, ())] for a in articles], renamed)
    again = _renamed(articles.values(), renamed)
    assert len(again) > 100
    # The text the rewrite writes for each mapped row is the text resolving again writes for its record.
    assert sorted((row.data["id"], dumps(row.data), row.label) for row in mapped) == sorted(
        (r.id, dumps(r.to_dict()), r.label()) for r in again
    )
    # The same for records held in memory (the pass's own articles, ``linking._mapped_records``).
    held = linking._mapped_records(articles.values(), renamed)
    assert sorted((r.id, dumps(r.to_dict())) for r in held) == sorted((r.id, dumps(r.to_dict())) for r in again)


def _shown(store: Store) -> dict[str, Any]:
    """What readers get of ``store``: every analysis (``Store.iter_analyses``), the statements by each speaking
    entity (``queries.records`` filtered by entity, its total, ``entity_profile``'s statements), the top
    speakers, and every link table's rows."""
    groups = [str(g["id"]) for g in queries.all_groups(store, "canonical")]
    by_entity = {}
    for ident in groups:
        page = queries.records(store, limit=500, offset=0, kind=Statement.kind, entity_id=ident)
        profile = queries.entity_profile(store, ident) or {}
        if page.items or profile.get("statements"):
            by_entity[ident] = (page.total, page.items, profile.get("statements"))
    with store.engine.connect() as conn:
        # Not ``link_moved``: what an article's rows hold differs by design (its rows read back mapped).
        shared = [table for table in LINK_TABLES if table is not link_moved]
        tables = [sorted(tuple(row) for row in conn.execute(sa.select(table))) for table in shared]
    return {
        "analyses": [(a.article.id, [r.to_dict() for r in a.records]) for a in store.iter_analyses()],
        "by_entity": by_entity,
        "top_speakers": queries.top_speakers(store, 1000),
        "links": tables,
    }


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_earlier_articles_whose_ids_only_map_are_not_written_and_read_as_rewritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest, backend: str
) -> None:
    """Linked in two runs, the second run's merge pass folds and renames entities that articles of the first
    (not held in memory, not linked by this pass) name. Those whose ids stay distinct are neither read nor
    written: their rows keep the ids they had, which every reader maps (``db.moved_ids``); only those where
    two ids become one are read whole and resolved again. What readers get equals what every such article
    read whole and rewritten (an earlier version's marks) gives, on SQLite and on PostgreSQL."""
    files = sorted(POLITICS.glob("*.txt"))[: 2 * N_TWO_RUNS]
    shown, stale, reads, written_earlier = [], [], [], []
    with contextlib.ExitStack() as stack:
        for whole in (False, True):
            url = str(tmp_path / f"two-runs-{whole}.db")
            if backend == "postgresql":
                url = stack.enter_context(pg_schema(request.getfixturevalue("pg_session_db")))
            store = Store(url)
            run_corpus([str(p) for p in files[:N_TWO_RUNS]], store, link=True)
            with store.engine.connect() as conn:
                first = {str(r[0]) for r in conn.execute(sa.select(articles.c.id))}
            if whole:
                # Every mark as an earlier version wrote it: every article read whole and resolved again.
                monkeypatch.setattr(linking, "_rewrite_mark", lambda ids, merged: {})
            read: list[str] = []
            written: set[str] = set()

            def counted(self: Store, ids: list[str], *, read: list[str] = read, **how: Any) -> object:
                read.extend(ids if how.get("kinds") == NAMING else ())
                return ARTICLE_RECORDS(self, ids, **how)

            def updating(self: LinkSession, records: Any, written: set[str] = written) -> None:
                records = list(records)
                written.update(r.article_id for r in records)
                UPDATE_RECORDS(self, records)

            monkeypatch.setattr(Store, "article_records", counted)
            monkeypatch.setattr(LinkSession, "update_records", updating)
            run_corpus([str(p) for p in files[N_TWO_RUNS:]], store, link=True)
            monkeypatch.undo()
            with store.engine.connect() as conn:
                stale.append(moved_ids(conn, first))
                # The merge pass's notes are what the records and members show.
                noted = {(str(a), str(s), str(g)) for a, s, g in conn.execute(sa.select(link_moved))}
                assert noted == stored_moves(conn)
            # The rewrite's one read of an article, its ids mapped in memory, is what readers read.
            as_stored = store.article_records(first, kinds=NAMING, as_stored=True)
            assert linking._as_now(store, as_stored) == store.article_records(first, kinds=NAMING)
            shown.append(_shown(store))
            # The rewrite reads an article's naming records once, as stored, and maps their ids itself.
            assert len(read) == len(set(read))
            reads.append(len(read))
            written_earlier.append(written & first)
            store.engine.dispose()
    (mapped, whole_shown), (mapped_stale, whole_stale) = shown, stale
    assert mapped == whole_shown
    # The pass left ids unmapped in earlier articles' rows (what it no longer writes), none when all are
    # rewritten; it read and wrote fewer of those articles.
    assert mapped_stale and not whole_stale
    assert reads[0] < reads[1]
    assert len(written_earlier[0]) < len(written_earlier[1])
    assert not set(mapped_stale) & written_earlier[0]
    # Readers were asked about entities whose statements' rows hold an id that moved.
    assert any(now in mapped["by_entity"] for moves in mapped_stale.values() for now in moves.values())


def test_the_naming_records_are_read_per_batch_of_mapped_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pass's own articles, not held in memory (stored, then linked by ``link_pending``), are mapped: with a
    batch of one article, each read of the records naming a merged id asks for one of them."""
    files = sorted(POLITICS.glob("*.txt"))[: 2 * N_TWO_RUNS]
    store = Store(str(tmp_path / "per-batch.db"))
    asked: list[list[str]] = []

    def naming_asked(self: Store, ids: object, article_ids: list[str], *, kinds: tuple[str, ...]) -> object:
        asked.append(list(article_ids))
        return ROWS_NAMING(self, ids, article_ids, kinds=kinds)  # type: ignore[arg-type]

    run_corpus([str(p) for p in files[:N_TWO_RUNS]], store, link=True)
    run_corpus([str(p) for p in files[N_TWO_RUNS:]], store, link=False)
    monkeypatch.setattr(linking, "BATCH", 1)
    monkeypatch.setattr(Store, "rows_naming", naming_asked)
    link_pending(store)
    assert len(asked) > 1
    assert all(len(batch) == 1 for batch in asked)


def _article(article_id: str, text: str, people: dict[str, str], said: str) -> tuple[Record, ...]:
    """People (name -> canonical id) of one article and a statement whose speaker is named ``said``."""

    def spans(phrase: str) -> tuple[Span, ...]:
        start = text.index(phrase)
        return (Span.of(text, start, start + len(phrase)),)

    found = [
        replace(
            Entity(article_id=article_id, spans=spans(name), extractor="test.v1", name=name, type="PERSON"),
            entity_id=ident,
        )
        for name, ident in people.items()
    ]
    statement = Statement(
        article_id=article_id,
        spans=spans(f"{said} said the harvest would be late."),
        extractor="test.v1",
        cue="said",
        content="the harvest would be late",
        speaker=Speaker(said, entity=said),
    )
    # Stored as linking stores it: the speaker resolved against the article's entities (none where ambiguous).
    resolved = {r.id: r for r in _renamed([(*found, statement)], {})}
    return (*found, resolved.get(statement.id, statement))


def test_a_rename_and_a_fold_in_one_pass_mark_through_the_held_ids(tmp_path: Path) -> None:
    """One pass renames A (c-a -> c-new) and folds B into A's new id (c-b -> c-new): the marks read through
    ``sources_held`` (before the folds move the members) send the article holding both ids to the whole rewrite
    and those holding one to the mapping, and each gives the records that resolving every article again
    (the old rewrite) gives."""
    text = "John Smith and Mary Smith run the farm. Smith said the harvest would be late."
    alone = "Mary Smith runs the farm. Smith said the harvest would be late."
    articles = {
        "both": _article("both", text, {"John Smith": "c-a", "Mary Smith": "c-b"}, "Smith"),
        "only-a": _article("only-a", alone.replace("Mary", "John"), {"John Smith": "c-a"}, "Smith"),
        "only-b": _article("only-b", alone, {"Mary Smith": "c-b"}, "Smith"),
    }
    merged = {"c-a": "c-new", "c-b": "c-new"}
    store = Store(str(tmp_path / "held.db"))
    with store.engine.begin() as conn:
        session = LinkSession(conn)
        for article_id, records in articles.items():
            for rec in _of_entities(records):
                session.add_member("entity", str(rec.entity_id), rec.id, article_id)
        held = session.sources_held("entity", merged)
    marks = {a: _rewrite_mark(held.get(a, set()), merged) for a in articles}
    assert marks == {"both": {}, "only-a": {MAPPED: True}, "only-b": {MAPPED: True}}
    for article_id, records in articles.items():
        again = _renamed([records], merged)
        new = _mapped_records([records], merged) if marks[article_id] else again
        assert sorted(new, key=lambda r: r.id) == sorted(again, key=lambda r: r.id)
    # The article holding both: its "Smith" fitted two ids (none chosen) and now fits one, which mapping
    # alone would miss.
    spoken = [r for r in _renamed([articles["both"]], merged) if isinstance(r, Statement)]
    assert [s.speaker.entity_id for s in spoken] == ["c-new"]
    assert not [r for r in _mapped_records([articles["both"]], merged) if isinstance(r, Statement)]
    # Those holding one id had their speaker resolved to it, and map to the new id.
    for article_id in ("only-a", "only-b"):
        said = [r for r in _mapped_records([articles[article_id]], merged) if isinstance(r, Statement)]
        assert [s.speaker.entity_id for s in said] == ["c-new"]


def _of_entities(records: tuple[Record, ...]) -> list[Entity]:
    return [r for r in records if isinstance(r, Entity)]


def test_an_article_read_whole_after_ids_were_left_unmapped_is_written_at_one_moment(tmp_path: Path) -> None:
    """An earlier article's rows keep an id a rename moved (not written); a later fold of two of its ids reads
    it whole and resolves its "Smith" (it fitted both Smiths) to the new id. Its entity rows, which the fold
    leaves as they read, are written too, so that a third pass's rename (again not written) still reaches the
    speaker: each id a row holds is one its entity rows hold. Without them the speaker keeps a stale id."""
    article = article_from_text(TEXT, source_path="smiths.txt")
    records = _article(article.id, article.text, {"John Smith": "c-john", "Mary Smith": "c-mary"}, "Smith")
    assert next(r for r in records if isinstance(r, Statement)).speaker.entity_id is None
    store = Store(str(tmp_path / "moments.db"))
    store.write(Analysis(article, records))

    def merge(moves: list[tuple[str, str]], rewrite: bool) -> None:
        with store.engine.begin() as conn:
            session = LinkSession(conn)
            # As the merge pass does: what the records hold noted with the members' move (``merge_entities``).
            session.note_moved(dict(moves), session.sources_held("entity", dict(moves)))
            session.move_groups("entity", moves)
            if rewrite:
                for source, target in moves:
                    session.put_features(MERGED, source, "", {"target": target})
                session.put_features(REWRITE, article.id, article.id, {})
            session.flush()
        rewrite_merged(store)

    with store.engine.begin() as conn:
        session = LinkSession(conn)
        for rec in _of_entities(records):
            session.add_member("entity", str(rec.entity_id), rec.id, article.id)
        session.flush()
    merge([("c-john", "c-jon")], rewrite=False)
    merge([("c-mary", "c-jon")], rewrite=True)
    with store.engine.connect() as conn:
        assert moved_ids(conn, [article.id]) == {}
    merge([("c-jon", "c-z")], rewrite=False)
    read = store.analyses([article.id])[0].records
    said = [r.speaker.entity_id for r in read if isinstance(r, Statement)]
    assert said == ["c-z"]
    assert {r.entity_id for r in _of_entities(read)} == {"c-z"}
