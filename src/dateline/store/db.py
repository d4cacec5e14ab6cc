"""The store: one writer, many readers, over SQLite (default) or PostgreSQL, migrated by Alembic.

Each article is written with all its records in one transaction, so a run killed at any moment leaves
either the whole article or nothing; ids come from content, so a re-run adds nothing.
"""

from __future__ import annotations

import copy
import json
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple, cast

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from dateline.errors import ConfigError, Errors, StoreError
from dateline.model import (
    CUE_CLASSES,
    CUE_SPEECH,
    Analysis,
    Article,
    Claim,
    Entity,
    Failure,
    Record,
    Statement,
    from_dict,
    record_from_dict,
    sorted_records,
)
from dateline.store import schema

try:
    import fcntl
except ImportError:  # Windows: no flock; runs there are not locked against each other
    fcntl = None  # type: ignore[assignment]

DEFAULT_DB = "dateline.db"
MIGRATIONS = Path(__file__).parent / "migrations"
# The PostgreSQL advisory lock key of the writer lock (any fixed 64-bit number: "dateline" in ASCII).
WRITER_LOCK_KEY = int.from_bytes(b"dateline", "big") >> 1
# Ids per IN (...) query: well under SQLite's default limit of 999 bound parameters (older builds).
IN_BATCH = 400
# The record kinds that name a canonical entity: an entity its own, a statement its speakers, a claim its claimant
# (what linking fills and the merge pass's rewrite maps; ``map_entity_ids``).
NAMING = (Entity.kind, Claim.kind, Statement.kind)
# The DB-API placeholder of each paramstyle the hand-written SQL of linking's reads and writes is sent in
# (sqlite3: qmark; psycopg: pyformat); a driver of another paramstyle gets SQLAlchemy Core statements.
PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}


def normalize_url(url: str) -> str:
    """A file path means SQLite; ``postgresql://`` means psycopg 3."""
    if "://" not in url:
        return f"sqlite:///{url}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


# The one encoder ``dumps`` writes with: ``json.dumps`` with these options builds a new ``JSONEncoder`` for
# every call, which was half the cost of a small row (a link member's ``{"name": ...}``: 6.2 -> 3.6 us; linking
# writes some 75 rows per long report). ``encode`` keeps no state between calls, so one instance serves all.
_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def dumps(data: Any) -> str:
    """Canonical JSON (sorted keys, no spaces), so stored rows are byte-identical run to run: the text
    ``json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))`` gives."""
    return _CANONICAL.encode(data)


def chunks(ids: Sequence[str], size: int = IN_BATCH) -> Iterator[Sequence[str]]:
    """``ids`` a slice of ``size`` at a time: the ids of one ``IN (...)`` query."""
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


# SQLite's page cache per connection, in KiB (a negative ``cache_size``): the default 2 MiB is smaller than what
# one link batch dirties on a large corpus (its blocking keys, members and groups land all over their indexes),
# so pages spilled to the WAL mid-transaction and were read back; the cache fills only as pages are used.
# 64 MiB: linking's flush 0.47 -> 0.33 CPU ms per article and the serial step 4.64 -> 4.35 over 600 articles
# linked onto the 29,000-article bench database (bench/RESULTS-linking.md, session 15); 256 MiB gave no more.
CACHE_KIB = 64 * 1024
# WAL pages after which a commit copies the WAL back into the database (SQLite's default: 1,000 pages). A link
# batch on a large corpus writes several thousand pages, so each commit checkpointed (about 0.3 of its 0.65 CPU
# ms per article); at 10,000 pages (40 MiB of WAL) pages rewritten by consecutive batches are copied back once.
WAL_CHECKPOINT_PAGES = 10_000


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # The wait first: switching a new database to WAL takes a lock, and with no busy timeout yet set a second
    # process opening it while the first migrates fails at once with "database is locked" (seen once in
    # tests/batch/test_concurrency.py on a loaded machine).
    cursor.execute("PRAGMA busy_timeout=30000")
    # WAL lets readers (dateline serve, queries) work while a run writes.
    cursor.execute("PRAGMA journal_mode=WAL")
    # With WAL, NORMAL syncs at checkpoints, not at each commit: a killed process loses nothing committed and
    # never corrupts the database; a power loss may lose the last transactions (never corrupts either).
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    cursor.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
    cursor.close()


# The one order of article lists (CLI, API, pages): oldest first, id breaking ties.
ARTICLE_ORDER = (schema.articles.c.published, schema.articles.c.id)
# The one order of record lists (CLI, API, pages): by their article's publication date, then by article and
# position in it. Chronological, because lists across articles (a speaker's statements, a predicate's claims)
# read as a timeline; within one article it is reading order.
RECORD_ORDER = (schema.articles.c.published, schema.records.c.article_id, schema.records.c.start, schema.records.c.id)


def select_articles(*, outlet: str | None = None) -> sa.Select[Any]:
    """The ``data`` of articles, optionally of one outlet (unordered: add ``ARTICLE_ORDER``)."""
    t = schema.articles
    query = sa.select(t.c.data)
    if outlet:
        query = query.where(t.c.outlet == outlet)
    return query


def select_records(
    *,
    kind: str | None = None,
    article_id: str | None = None,
    label: str | None = None,
    label_contains: str | None = None,
    text: str | None = None,
    since: str | None = None,
    until: str | None = None,
    entity_id: Naming | None = None,
    cue_classes: Collection[str] = (),
    with_articles: bool = True,
) -> sa.Select[Any]:
    """The ``data`` of records filtered by kind, article, label (exact, or a case-insensitive substring),
    canonical entity (``canonical_entity_of``, as it is now: ``naming_entity`` of ``naming``), text
    anywhere in the record, a statement's cue class (``cue_class_in``: one of ``cue_classes``, when given),
    and the article's date range (unordered: add ``RECORD_ORDER``). Bound parameters
    only: ``icontains(..., autoescape=True)`` escapes ``%`` and ``_``. Without ``with_articles`` (and without
    dates) the articles are not joined: the same records, since each is written with its article and neither
    is ever deleted, counted without reading each record's row for its article id (to count, not to order)."""
    r, a = schema.records, schema.articles
    if not with_articles and (since or until):
        raise ValueError("a date range needs the articles joined")
    query = sa.select(r.c.data).select_from(r.join(a, a.c.id == r.c.article_id) if with_articles else r)
    if kind:
        query = query.where(r.c.kind == kind)
    if article_id:
        query = query.where(r.c.article_id == article_id)
    if label is not None:
        query = query.where(r.c.label == label)
    if label_contains:
        query = query.where(labels_containing(label_contains, kind))
    if entity_id:
        query = query.where(naming_entity(entity_id))
    if text:
        query = query.where(r.c.data.icontains(text, autoescape=True))
    if cue_classes:
        query = query.where(cue_class_in(cue_classes))
    return within_dates(query, since, until)


class json_text(FunctionElement[str]):
    """The text of a top-level field of a record's stored JSON ``data`` (NULL where it has none), on either
    backend: SQLite's ``json_extract`` (JSON1, built into SQLite since 3.38), PostgreSQL's ``->>`` on the text
    read as JSONB. Read from the JSON rather than matched as text, so it holds however the row was encoded."""

    type = sa.Text()
    inherit_cache = True
    name = "json_text"


@compiles(json_text)
def _json_text_sqlite(element: json_text, compiler: SQLCompiler, **kw: Any) -> str:
    data, field = list(element.clauses)
    return f"json_extract({compiler.process(data, **kw)}, '$.' || {compiler.process(field, **kw)})"


@compiles(json_text, "postgresql")
def _json_text_postgresql(element: json_text, compiler: SQLCompiler, **kw: Any) -> str:
    data, field = list(element.clauses)
    return f"(CAST({compiler.process(data, **kw)} AS JSONB) ->> {compiler.process(field, **kw)})"


def cue_classes_of(values: Iterable[str]) -> tuple[str, ...]:
    """The cue classes ``values`` name (``Statement.cue_class``: each value one class, or several comma
    separated: "speech,attitude"), in ``CUE_CLASSES`` order; ConfigError E031 for any other word."""
    wanted = {part.strip().lower() for value in values for part in value.split(",") if part.strip()}
    unknown = sorted(wanted - set(CUE_CLASSES))
    if unknown:
        raise ConfigError(Errors.E031, value=unknown[0], choices=", ".join(CUE_CLASSES))
    return tuple(c for c in CUE_CLASSES if c in wanted)


def cue_class_in(classes: Collection[str]) -> sa.ColumnElement[bool]:
    """A condition on ``records`` true for statements whose ``cue_class`` is one of ``classes``. A statement
    stored without the field (before ``Statement.cue_class`` existed) reads back as the field's default,
    "speech", and is filtered as it reads. Each row's JSON is read: the class has no column (a new field of a
    record needs no migration, ``schema``), so a filter by class scans the kind's rows."""
    stored = json_text(schema.records.c.data, sa.literal("cue_class", sa.Text()))
    return sa.func.coalesce(stored, CUE_SPEECH).in_(sorted(classes))


# ---------------------------------------------------------------------- canonical ids as they are now
#
# A record names canonical entities by the ids linking gave them when its article's records were last written
# (an entity's ``entity_id``, a statement's speakers', a claim's claimant's; the ``entity_id`` column holds the
# first). The merge pass folds and renames entities afterwards: it moves their ``link_members`` rows
# (``corpus.move_groups``) and, for an article whose ids it keeps distinct and which is not held in memory, writes
# nothing else (``link.merge_entities``): that article's records keep the ids they had. Readers map them:
# - an article's records were written together, each speaker resolved against the article's entity records at
#   that moment (``named_entity_id`` returns the id of one of the article's entities), so every id a record holds
#   is the stored ``entity_id`` of one of the article's entity records: its anchor. Checked on the 40-report
#   behaviour set (592 speaker and claimant ids) and on session 29's 2,000-article database (23,951): none
#   without one;
# - the merge pass writes, in the transaction that moves the members, each (article, stored id) whose entity
#   now goes by another id into ``schema.link_moved`` (``corpus.note_moved``), and a rewrite of an article's
#   records deletes the article's rows there: readers look the article up in that small table (its primary key)
#   instead of reading the article's entity records and their members (session 31: 20-400 times slower pages).
# ``stored_moves`` computes the same pairs from the records and members themselves (the tests; migration 0011's
# fill is the same query written out).


def moved_ids(conn: Connection, article_ids: Iterable[str]) -> dict[str, dict[str, str]]:
    """For each of ``article_ids`` whose records hold a canonical entity id that a merge pass has folded or
    renamed since they were written: each such stored id -> the id that entity goes by now (articles without
    one are left out). One query per ``IN_BATCH`` articles on ``link_moved``'s primary key."""
    t = schema.link_moved
    out: dict[str, dict[str, str]] = {}
    for chunk in chunks(sorted(set(article_ids))):
        query = sa.select(t.c.article_id, t.c.stored_id, t.c.group_id).where(t.c.article_id.in_(chunk))
        for article_id, stored, now in conn.execute(query):
            out.setdefault(str(article_id), {})[str(stored)] = str(now)
    return out


def stored_moves(conn: Connection) -> set[tuple[str, str, str]]:
    """Every (article, stored id, group now) where an entity record's ``link_members`` row is in a group other
    than the id the record holds: what ``link_moved`` holds, computed from the records (a join of every
    canonical member with its record; for tests, not for readers: migration 0011 fills the table with the same
    query written out, as a revision knows its tables)."""
    r, m = schema.records, schema.link_members
    query = (
        sa.select(r.c.article_id, r.c.entity_id, m.c.group_id)
        .select_from(m.join(r, r.c.id == m.c.member_id))
        .where(m.c.kind == schema.CANONICAL_MEMBERS, r.c.kind == Entity.kind, m.c.group_id != r.c.entity_id)
    )
    return {(str(a), str(s), str(g)) for a, s, g in conn.execute(query)}


def resolve_rows(store: Store, conn: Connection, datas: Sequence[dict[str, Any]]) -> None:
    """Map, in place, the canonical entity ids of records' decoded JSON ``datas`` (a record's ``to_dict``) to the
    ids their entities go by now (``Store.moved_ids``): what every reader of stored records shows (a page)."""
    articles = {str(data["article_id"]) for data in datas if data.get("kind") in NAMING}
    moved = store.moved_ids(conn, articles) if articles else {}
    for data in datas:
        mapping = moved.get(str(data.get("article_id")))
        if mapping is not None:
            map_entity_ids(data, mapping)


def resolved_records(store: Store, conn: Connection, records: list[Record]) -> list[Record]:
    """``resolve_rows`` of records: a record holding an id that moved is rebuilt with its ids mapped
    (``mapped_record``), the others kept as they are (not rebuilt from their JSON: at 2,000 articles 47% of
    articles hold a moved id, and rebuilding each of their naming records cost 400 articles' read +28%)."""
    articles = {r.article_id for r in records if r.kind in NAMING}
    moved = store.moved_ids(conn, articles) if articles else {}
    if not moved:
        return records
    out: list[Record] = []
    for rec in records:
        mapping = moved.get(rec.article_id)
        out.append(mapped_record(rec, mapping) if mapping else rec)
    return out


def mapped_record(rec: Record, mapping: Mapping[str, str]) -> Record:
    """``rec`` with each canonical entity id it holds (``map_entity_ids``'s fields) mapped through ``mapping``;
    ``rec`` itself where none is mapped."""
    if isinstance(rec, Entity):
        now = mapping.get(rec.entity_id) if rec.entity_id else None
        return replace(rec, entity_id=now) if now is not None else rec
    if isinstance(rec, Statement):
        held = (rec.speaker, *rec.speakers)
        if not any(h is not None and h.entity_id in mapping for h in held):
            return rec
        speaker, *speakers = (_mapped_holder(h, mapping) for h in held)
        return replace(rec, speaker=speaker, speakers=tuple(speakers))
    if isinstance(rec, Claim) and rec.claimant is not None and rec.claimant.entity_id in mapping:
        return replace(rec, claimant=_mapped_holder(rec.claimant, mapping))
    return rec


def _mapped_holder(holder: Any, mapping: Mapping[str, str]) -> Any:
    """A speaker or claimant with its ``entity_id`` mapped (None, or one holding no mapped id, as it is)."""
    if holder is None or holder.entity_id not in mapping:
        return holder
    return replace(holder, entity_id=mapping[holder.entity_id])


def map_entity_ids(data: dict[str, Any], mapping: Mapping[str, str]) -> bool:
    """Map each canonical entity id a record's JSON ``data`` holds (an entity's own, a statement's speakers', a
    claim's claimant's) through ``mapping``, in place. Whether one moved."""
    kind = data.get("kind")
    holders: list[Any]
    if kind == Entity.kind:
        holders = [data]
    elif kind == Statement.kind:
        holders = [data.get("speaker"), *data.get("speakers", ())]
    elif kind == Claim.kind:
        holders = [data.get("claimant")]
    else:
        return False
    moved = False
    for holder in holders:
        if not isinstance(holder, dict):
            continue  # a record stored without that field (None): nothing to map
        target = mapping.get(ident) if (ident := holder.get("entity_id")) else None
        if target is not None:
            holder["entity_id"] = target
            moved = True
    return moved


@dataclass(frozen=True)
class Naming:
    """What a filter by canonical entity needs of ``link_moved`` (``naming``): the entity's id, the ids its
    entity went by in articles whose rows still hold them (``moved_in``), and whether its own id has moved to
    another entity in some article's rows (``moved_away``)."""

    entity_id: str
    moved_in: tuple[str, ...] = ()
    moved_away: bool = False


@dataclass(frozen=True)
class Moved:
    """``link_moved`` whole: each article's stored id -> id now, each entity's ids moved to it, and the ids that
    moved away somewhere (``Store.kept_moves``)."""

    by_article: dict[str, dict[str, str]]
    moved_in: dict[str, tuple[str, ...]]
    moved_away: frozenset[str]

    @staticmethod
    def read(conn: Connection) -> Moved:
        t = schema.link_moved
        by_article: dict[str, dict[str, str]] = {}
        moved_in: dict[str, set[str]] = {}
        for article_id, stored, group in conn.execute(sa.select(t.c.article_id, t.c.stored_id, t.c.group_id)):
            by_article.setdefault(str(article_id), {})[str(stored)] = str(group)
            moved_in.setdefault(str(group), set()).add(str(stored))
        away = frozenset(s for mapping in by_article.values() for s in mapping)
        return Moved(by_article, {g: tuple(sorted(ids)) for g, ids in moved_in.items()}, away)


def naming(conn: Connection, entity_id: str) -> Naming:
    """``Naming`` of ``entity_id``: one look-up of its ``link_moved`` rows by either index."""
    t = schema.link_moved
    query = sa.select(t.c.stored_id, t.c.group_id).where(sa.or_(t.c.stored_id == entity_id, t.c.group_id == entity_id))
    moved_in, away = set(), False
    for stored, group in conn.execute(query.distinct()):
        if group == entity_id:
            moved_in.add(str(stored))
        else:
            away = True
    return Naming(entity_id, tuple(sorted(moved_in)), away)


def naming_entity(named: Naming) -> sa.ColumnElement[bool]:
    """A condition on ``records`` true where the canonical entity of the ``entity_id`` column is ``named``'s
    entity as it is now (``moved_ids``): a record holding its id in an article where that id has not moved, or
    one holding an id its entity went by in that article. Without ``link_moved`` rows for the entity it is the
    indexed column's equality alone, as before the merge pass left ids unmapped; with them, the column's values
    are named first (so SQLite reads ``ix_records_kind_entity`` for them: with the branches alone it read every
    record of the kind for its article id) and the articles come from ``link_moved`` by its indexes."""
    r, t = schema.records, schema.link_moved
    ident = named.entity_id
    own: sa.ColumnElement[bool] = r.c.entity_id == ident
    if named.moved_away:
        own = sa.and_(own, r.c.article_id.not_in(sa.select(t.c.article_id).where(t.c.stored_id == ident)))
    if not named.moved_in:
        return own
    here = sa.select(t.c.article_id, t.c.stored_id).where(t.c.group_id == ident)
    moved = sa.tuple_(r.c.article_id, r.c.entity_id).in_(here)
    return sa.and_(r.c.entity_id.in_([ident, *named.moved_in]), sa.or_(own, moved))


def speaker_moves(conn: Connection) -> dict[tuple[str, str], int]:
    """(stored id, id now) -> statements whose ``entity_id`` column holds the stored id in an article where it
    moved (``link_moved``): what a count of statements by entity over the column must move from one to the
    other. Answered from ``ix_records_kind_entity`` alone (kind, entity id, article: migration 0011); with the
    index on (kind, entity id) SQLite read each statement's row for its article id (the top speakers, computed
    afresh at 2,000 articles: 47 ms, 13 ms with the wider index; bench/RESULTS.md, session 32)."""
    r, t = schema.records, schema.link_moved
    query = (
        sa.select(t.c.stored_id, t.c.group_id, sa.func.count())
        .select_from(t.join(r, sa.and_(r.c.article_id == t.c.article_id, r.c.entity_id == t.c.stored_id)))
        .where(r.c.kind == Statement.kind)
        .group_by(t.c.stored_id, t.c.group_id)
    )
    return {(str(s), str(g)): int(n) for s, g, n in conn.execute(query)}


def labels_containing(text: str, kind: str | None) -> sa.ColumnElement[bool]:
    """A condition on ``records`` true where the label contains ``text``, case folded as the database folds
    it: the distinct labels of ``record_labels`` are tested (once per label, not once per record) and the
    records read by ``ix_records_kind_label``. The same rows as testing each record's label, since every
    record's (kind, label) is there. On the 30k-article database, statements by a speaker "minister": 17 ms
    where testing the 214k statements' labels read every statement row (600 ms)."""
    r, v = schema.records, schema.record_labels
    matching = v.c.label.icontains(text, autoescape=True)
    if kind:
        return r.c.label.in_(sa.select(v.c.label).where(v.c.kind == kind, matching))
    return sa.tuple_(r.c.kind, r.c.label).in_(sa.select(v.c.kind, v.c.label).where(matching))


def within_dates(query: sa.Select[Any], since: str | None, until: str | None) -> sa.Select[Any]:
    """``query`` (over articles) restricted to articles published from ``since`` to ``until``, both days
    included."""
    a = schema.articles
    if since:
        query = query.where(a.c.published >= since)
    if until:
        # A date bound includes the whole day: "2024-02-27" also admits "2024-02-27T12:42".
        query = query.where(a.c.published <= until + "\uffff")
    return query


class Store:
    """Read and write dateline's database. Open with ``Store(url)``; the schema is migrated on open."""

    def __init__(self, url: str = DEFAULT_DB, *, migrate: bool = True) -> None:
        self.url = normalize_url(url)
        try:
            self.engine: Engine = sa.create_engine(self.url, future=True)
        except Exception as exc:
            raise StoreError(Errors.E301, url=url, error=exc) from exc
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        self._watch: sqlite3.Connection | None = None
        self._memo: dict[tuple[Any, ...], tuple[int, Any]] = {}
        self._memo_lock = threading.Lock()
        self._moved: tuple[int, Moved] | None = None
        if migrate:
            self.migrate()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def migrate(self) -> None:
        """Bring the schema to the newest migration. Migrating takes the writer lock (two processes opening a
        new database must not both create its tables); a schema already at the newest migration -- the common
        case, and a reader's while a run holds the lock -- needs no lock."""
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        try:
            try:
                if self._at_head(config):
                    return
            except sa.exc.OperationalError:
                # A new SQLite database that another process is creating can refuse even this read
                # ("database is locked"): wait for that process's writer lock, then migrate what is left.
                pass
            with self.writer_lock(), self.engine.begin() as conn:
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(Errors.E302, url=self.url, error=exc) from exc

    def _at_head(self, config: Config) -> bool:
        with self.engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
        return current is not None and current == ScriptDirectory.from_config(config).get_current_head()

    @contextmanager
    def writer_lock(self, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
        """Hold the database's one writer lock while the block runs; wait for it when another process holds
        it (``on_wait`` is told why, once). Runs, linking and migrations take it, so two runs on one database
        write one after the other and end as the same two runs in sequence. SQLite: ``flock`` on
        ``<database>.lock`` beside the file; PostgreSQL: a session advisory lock. Either is released by the
        operating system or the server when the holder dies, so a killed run never leaves it taken."""
        if self.dialect == "postgresql":
            with self.engine.connect() as conn:
                _pg_lock(conn, f"database {self.engine.url.render_as_string(hide_password=True)}", on_wait)
                try:
                    yield
                finally:
                    conn.execute(sa.text("SELECT pg_advisory_unlock(:key)"), {"key": WRITER_LOCK_KEY})
                    conn.commit()
            return
        database = self.engine.url.database
        if self.dialect != "sqlite" or not database or database == ":memory:" or fcntl is None:
            yield
            return
        with _file_lock(Path(database).with_name(Path(database).name + ".lock"), on_wait):
            yield

    def revision(self) -> int | None:
        """A number that changes whenever the database changes: SQLite's ``PRAGMA data_version`` on a
        connection of the store's own that never writes (it changes with every commit of any other
        connection, in this process or another). None where there is none (PostgreSQL, an in-memory
        database): nothing is then memoised."""
        database = self.engine.url.database
        if self.dialect != "sqlite" or not database or database == ":memory:":
            return None
        with self._memo_lock:
            if self._watch is None:
                self._watch = sqlite3.connect(database, check_same_thread=False)
            return int(self._watch.execute("PRAGMA data_version").fetchone()[0])

    def moved_ids(self, conn: Connection, article_ids: Iterable[str]) -> dict[str, dict[str, str]]:
        """``moved_ids`` of ``article_ids``, from ``link_moved`` as kept (``kept_moves``) where the store keeps
        it, else read. The mappings are shared: not to be changed."""
        kept = self.kept_moves()
        if kept is None:
            return moved_ids(conn, article_ids)
        return {a: kept.by_article[a] for a in set(article_ids) if a in kept.by_article}

    def naming(self, conn: Connection, entity_id: str) -> Naming:
        """``naming`` of ``entity_id``, from ``link_moved`` as kept where the store keeps it, else read."""
        kept = self.kept_moves()
        if kept is None:
            return naming(conn, entity_id)
        return Naming(entity_id, kept.moved_in.get(entity_id, ()), entity_id in kept.moved_away)

    def kept_moves(self) -> Moved | None:
        """``link_moved`` whole, kept until the database changes (``revision``; None where nothing is kept): a
        page of records or an entity filter then asks it nothing. Small (at 10,000 articles 13,758 rows, read in
        tens of ms once per change), and every page asked it one or two more queries, which were a fixed
        0.5-1 ms of each filtered page (2 ms at 2,000 articles)."""
        revision = self.revision()
        if revision is None:
            return None
        with self._memo_lock:
            kept = self._moved
        if kept is None or kept[0] != revision:
            with self.engine.connect() as conn:
                kept = (revision, Moved.read(conn))
            with self._memo_lock:
                self._moved = kept
        return kept[1]

    def memoised(self, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        """``compute()``, kept until the database changes (``revision``): for corpus-wide aggregates (counts,
        top lists, per-month series) that cost a scan of every record on each page view of a large corpus.
        Callers get a copy, so no caller changes what the next one reads."""
        revision = self.revision()
        if revision is None:
            return compute()
        with self._memo_lock:
            kept = self._memo.get(key)
        if kept is None or kept[0] != revision:
            # The revision is read before computing: a commit during the computation leaves a stale value
            # under the old revision, which the next call's revision no longer matches.
            kept = (revision, compute())
            with self._memo_lock:
                # Values of an older revision are never read again: dropped, so the store holds one
                # revision's aggregates at most.
                self._memo = {k: v for k, v in self._memo.items() if v[0] == revision}
                self._memo[key] = kept
        return copy.deepcopy(kept[1])

    def close(self) -> None:
        with self._memo_lock:
            if self._watch is not None:
                self._watch.close()
                self._watch = None
            self._memo.clear()
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ writing (one writer)

    def write(self, analysis: Analysis) -> bool:
        """Store an article and its records in one transaction. False when it was already stored."""
        article = analysis.article
        with self.engine.begin() as conn:
            if self._exists(conn, schema.articles, article.id):
                return False
            insert_article(conn, _article_row(article))
            rows = [_record_row(r) for r in analysis.records]
            if rows:
                insert_records(conn, rows)
                add_labels(conn, ((row["kind"], row["label"]) for row in rows))
        return True

    def write_failure(self, failure: Failure) -> bool:
        """Record a document that failed. False when the same failure was already recorded."""
        with self.engine.begin() as conn:
            if self._exists(conn, schema.failures, failure.id):
                return False
            conn.execute(
                schema.failures.insert().values(
                    id=failure.id, source_path=failure.source_path, code=failure.code, reason=failure.reason
                )
            )
        return True

    def update_records(self, records: Iterable[Record]) -> None:
        """Replace stored records by id (used by corpus-level linking to fill ``entity_id``)."""
        with self.engine.begin() as conn:
            update_records(conn, records)

    @staticmethod
    def _exists(conn: Connection, table: sa.Table, ident: str) -> bool:
        mark = PLACEHOLDERS.get(conn.dialect.paramstyle)
        if mark is None:
            return conn.execute(sa.select(table.c.id).where(table.c.id == ident)).first() is not None
        # The driver's cursor, as ``insert_records``: asked twice per article of a run (``has_article`` before
        # it is dispatched, ``write`` after), where building and compiling the Core statement cost more than
        # the look-up itself.
        cursor = conn.connection.cursor()
        try:
            cursor.execute(f"SELECT 1 FROM {table.name} WHERE id = {mark}", (ident,))
            return cursor.fetchone() is not None
        finally:
            cursor.close()

    # ------------------------------------------------------------------ reading

    def has_article(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            return self._exists(conn, schema.articles, article_id)

    def article(self, key: str) -> Article | None:
        """An article by id, unique id prefix, or source path."""
        t = schema.articles
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(t.c.data).where(t.c.id == key)).first()
            if row is None:
                row = conn.execute(sa.select(t.c.data).where(t.c.source_path == key).order_by(t.c.id)).first()
            if row is None and len(key) >= 4:
                rows = conn.execute(sa.select(t.c.data).where(t.c.id.startswith(key, autoescape=True)).limit(2)).all()
                row = rows[0] if len(rows) == 1 else None
            if row is None:
                rows = conn.execute(
                    sa.select(t.c.data).where(t.c.source_path.endswith(key, autoescape=True)).order_by(t.c.id).limit(2)
                ).all()
                row = rows[0] if len(rows) == 1 else None
        return from_dict(Article, json.loads(row[0])) if row else None

    def analysis(self, key: str) -> Analysis | None:
        """An article and all its records."""
        article = self.article(key)
        if article is None:
            return None
        return Analysis(article, sorted_records(self.records(article_id=article.id)))

    def analyses(self, ids: Iterable[str], *, kinds: Collection[str] | None = None) -> list[Analysis]:
        """The stored articles of ``ids`` (exact ids; in id order) with their records, only those of ``kinds``
        when given: one articles query and one records query per ``IN_BATCH`` ids, not two per article."""
        t = schema.articles
        out: list[Analysis] = []
        for chunk in chunks(sorted(set(ids))):
            with self.engine.connect() as conn:
                rows = conn.execute(sa.select(t.c.data).where(t.c.id.in_(chunk)).order_by(t.c.id)).all()
            out.extend(self._with_records([from_dict(Article, json.loads(r[0])) for r in rows], kinds))
        return out

    def iter_analyses(self) -> Iterator[Analysis]:
        """Every article with its records, in id order, ``IN_BATCH`` at a time (two queries per batch)."""
        for page in self._article_pages(IN_BATCH):
            yield from self._with_records(page, None)

    def _with_records(self, articles: list[Article], kinds: Collection[str] | None) -> list[Analysis]:
        """``articles`` (at most ``IN_BATCH``) with their records read in one query, ordered as ``analysis``."""
        if not articles:
            return []
        by_article = self._records_of([a.id for a in articles], kinds)
        return [Analysis(a, by_article.get(a.id, ())) for a in articles]

    def article_records(
        self, ids: Iterable[str], *, kinds: Collection[str], as_stored: bool = False
    ) -> dict[str, tuple[Record, ...]]:
        """The records of ``kinds`` of the articles ``ids``, by article, ordered as ``analysis`` (without
        reading the articles themselves): one query per ``IN_BATCH`` ids. ``as_stored``: with the canonical
        entity ids their rows hold, not mapped to the ids the entities go by now (``moved_ids``)."""
        out: dict[str, tuple[Record, ...]] = {}
        for chunk in chunks(sorted(set(ids))):
            out.update(self._records_of(chunk, kinds, as_stored=as_stored))
        return out

    def records_naming(
        self, entity_ids: Iterable[str], article_ids: Sequence[str], *, kinds: Collection[str]
    ) -> dict[str, tuple[Record, ...]]:
        """The records of ``kinds`` of ``article_ids`` whose canonical entity (the ``entity_id`` column: an
        entity's, a statement's speaker's, a claim's claimant's) is one of ``entity_ids``, by article, ordered as
        ``analysis``: read through ``ix_records_kind_entity``, one query per ``IN_BATCH`` ids, without the
        articles' other records. The caller passes one batch of articles at a time (the merge pass's rewrite:
        ``BATCH``), so what is held is bounded by the batch, not by the corpus's records naming the ids."""
        return _as_records(self.rows_naming(entity_ids, article_ids, kinds=kinds))

    def rows_naming(
        self, entity_ids: Iterable[str], article_ids: Sequence[str], *, kinds: Collection[str]
    ) -> dict[str, list[RecordRow]]:
        """``records_naming``'s rows as stored (``RecordRow``: decoded JSON, not rebuilt as records), by article
        in the order read: for a caller that only maps ids in them (the merge pass's rewrite)."""
        if not article_ids:
            return {}
        t = schema.records
        by_article: dict[str, list[RecordRow]] = {}
        kind_list, article_list = sorted(kinds), sorted(article_ids)
        with self.engine.connect() as conn:
            for chunk in chunks(sorted(set(entity_ids))):
                query = sa.select(t.c.label, t.c.data).where(
                    t.c.kind.in_(kind_list), t.c.entity_id.in_(chunk), t.c.article_id.in_(article_list)
                )
                for label, text in conn.execute(query):
                    row = RecordRow(label, json.loads(text))
                    by_article.setdefault(row.data["article_id"], []).append(row)
        return by_article

    def records_holding(
        self, entity_ids: Collection[str], article_ids: Iterable[str], *, kinds: Collection[str]
    ) -> dict[str, tuple[Record, ...]]:
        """The records of ``kinds`` of ``article_ids`` that hold one of ``entity_ids`` in any ``entity_id``
        field (a statement's further speakers, "A and B said", included, which have no column of their own), by
        article, ordered as ``analysis``: the articles' rows are read by the article index as
        ``article_records`` reads them, and only those whose stored text has such a field are decoded (the
        merge pass's rewrite decoded every statement of its articles: 60,187 at 30k articles, where 1,688 hold one).

        The text test is exact for ids written literally (no quote, backslash or non-ASCII character: linking's
        ids are hex digests): every JSON encoder the store has used writes such a string as it is. For any other
        id every row is decoded and tested as a record."""
        return _as_records(self.rows_holding(entity_ids, article_ids, kinds=kinds))

    def rows_holding(
        self, entity_ids: Collection[str], article_ids: Iterable[str], *, kinds: Collection[str]
    ) -> dict[str, list[RecordRow]]:
        """``records_holding``'s rows as stored (``RecordRow``), by article in the order read (see
        ``rows_naming``)."""
        wanted = set(entity_ids)
        plain = all(_PLAIN_ID.fullmatch(i) for i in wanted)
        out: dict[str, list[RecordRow]] = {}
        for chunk in chunks(sorted(set(article_ids))):
            with self.engine.connect() as conn:
                for label, text in _article_rows(conn, chunk, sorted(kinds)):
                    if plain and wanted.isdisjoint(_ENTITY_ID_FIELD.findall(text)):
                        continue
                    data = json.loads(text)
                    if not plain and wanted.isdisjoint(_entity_ids_in(data)):
                        continue
                    out.setdefault(data["article_id"], []).append(RecordRow(label, data))
        return out

    def _records_of(
        self, article_ids: Sequence[str], kinds: Collection[str] | None, *, as_stored: bool = False
    ) -> dict[str, tuple[Record, ...]]:
        t = schema.records
        query = sa.select(t.c.data).where(t.c.article_id.in_(article_ids))
        if kinds is not None:
            # By the article index, not the (kind, ...) ones: for 20 articles or more SQLite's planner (no
            # statistics) answered "these kinds of these articles" from ``ix_records_kind_entity``, scanning
            # every record of the kinds (625k naming records on the 30k-article database: 16 s of CPU for the
            # merge pass's 3,000 articles, where the article index reads their 64k rows).
            query = query.where(unindexed(t.c.kind).in_(sorted(kinds)))
        by_article: dict[str, list[Record]] = {}
        with self.engine.connect() as conn:
            found = [record_from_dict(json.loads(row[0])) for row in conn.execute(query)]
            if not as_stored:
                found = resolved_records(self, conn, found)
        for rec in found:
            by_article.setdefault(rec.article_id, []).append(rec)
        return {a: sorted_records(records) for a, records in by_article.items()}

    def articles(self, *, limit: int | None = None, offset: int = 0, outlet: str | None = None) -> list[Article]:
        """Articles oldest first (``ARTICLE_ORDER``), optionally of one outlet."""
        query = select_articles(outlet=outlet).order_by(*ARTICLE_ORDER).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [from_dict(Article, json.loads(r[0])) for r in conn.execute(query)]

    def iter_articles(self, *, chunk: int = 500) -> Iterator[Article]:
        """Every article, in id order, a chunk at a time (bounded memory on large stores)."""
        for page in self._article_pages(chunk):
            yield from page

    def _article_pages(self, chunk: int) -> Iterator[list[Article]]:
        """Every article in id order, ``chunk`` per page (keyset paging: each page is one indexed query)."""
        t = schema.articles
        last = ""
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(
                    sa.select(t.c.id, t.c.data).where(t.c.id > last).order_by(t.c.id).limit(chunk)
                ).all()
            if not rows:
                return
            yield [from_dict(Article, json.loads(row[1])) for row in rows]
            last = rows[-1][0]

    def records(
        self,
        *,
        kind: str | None = None,
        article_id: str | None = None,
        label: str | None = None,
        label_contains: str | None = None,
        text: str | None = None,
        since: str | None = None,
        until: str | None = None,
        cue_classes: Collection[str] = (),
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Record]:
        """Records filtered as ``select_records`` does, in ``RECORD_ORDER``."""
        query = select_records(
            kind=kind,
            article_id=article_id,
            label=label,
            label_contains=label_contains,
            text=text,
            since=since,
            until=until,
            cue_classes=cue_classes,
        )
        query = query.order_by(*RECORD_ORDER).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            found = [record_from_dict(json.loads(r[0])) for r in conn.execute(query)]
            return resolved_records(self, conn, found)

    def failures(self) -> list[Failure]:
        t = schema.failures
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(t.c.source_path, t.c.code, t.c.reason, t.c.id).order_by(t.c.source_path)
            ).all()
        return [Failure(source_path=r[0], code=r[1], reason=r[2], id=r[3]) for r in rows]

    def counts(self) -> dict[str, int]:
        """Articles, failures, and records by kind (``memoised``)."""
        return cast(dict[str, int], self.memoised(("counts",), self._counts))

    def _counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            out = {
                "articles": conn.execute(sa.select(sa.func.count()).select_from(schema.articles)).scalar_one(),
                "failures": conn.execute(sa.select(sa.func.count()).select_from(schema.failures)).scalar_one(),
            }
            t = schema.records
            for kind, n in conn.execute(sa.select(t.c.kind, sa.func.count()).group_by(t.c.kind).order_by(t.c.kind)):
                out[kind] = n
        return out

    def fingerprint(self) -> str:
        """A hash of everything stored (for "a second run changes nothing" checks)."""
        from dateline.model import content_id

        parts: list[object] = []
        with self.engine.connect() as conn:
            for table in (schema.articles, schema.records, schema.failures):
                parts.append([tuple(r) for r in conn.execute(sa.select(table).order_by(table.c.id))])
        return content_id(*parts, length=64)


@contextmanager
def _file_lock(path: Path, on_wait: Callable[[str], None] | None) -> Iterator[None]:
    assert fcntl is not None
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                on_wait(f"another dateline process is writing to this database (lock {path}); waiting for it")
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the file releases the lock


def _pg_lock(conn: Connection, where: str, on_wait: Callable[[str], None] | None) -> None:
    key = {"key": WRITER_LOCK_KEY}
    if not conn.execute(sa.text("SELECT pg_try_advisory_lock(:key)"), key).scalar():
        if on_wait:
            on_wait(f"another dateline process is writing to {where}; waiting for it")
        conn.execute(sa.text("SELECT pg_advisory_lock(:key)"), key)
    # The lock belongs to the session, not the transaction: commit so the run holds no transaction open.
    conn.commit()


# Dialects that rewrite an index's entry for each column an UPDATE sets, whatever its value (PostgreSQL compares
# the values itself): a write there leaves an indexed column out of the SET where its value is unchanged.
SETS_UNCHANGED = frozenset({"sqlite"})


def rewrites_unchanged(conn: Connection) -> bool:
    """Whether ``conn``'s database rewrites index entries for columns an UPDATE sets to their own value."""
    return conn.dialect.name in SETS_UNCHANGED


# An id a JSON encoder writes as it is, and the stored text of an ``entity_id`` field with such a value (keys
# sorted or not, with or without spaces): ``Store.rows_holding``'s test of a row before it is decoded.
_PLAIN_ID = re.compile(r"[0-9A-Za-z_.:-]+")
_ENTITY_ID_FIELD = re.compile(r'"entity_id"\s*:\s*"([0-9A-Za-z_.:-]+)"')


def _entity_ids_in(data: Any) -> set[str]:
    """Every string value of an ``entity_id`` field anywhere in decoded JSON ``data``."""
    found: set[str] = set()
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            value = item.get("entity_id")
            if isinstance(value, str):
                found.add(value)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _article_rows(conn: Connection, article_ids: Sequence[str], kinds: Sequence[str]) -> Sequence[Any]:
    """``(label, data)`` of the records of ``kinds`` of ``article_ids``, read by the article index (``unindexed``
    kind). Straight to the driver's cursor, as linking's reads go (``corpus._rows_in``): the merge pass's rewrite
    reads every statement of its articles to find the few that hold a merged id (19,406 rows for 2,134 at 2,000
    articles, session 29), and SQLAlchemy's result rows cost more than the text test. A driver of another
    paramstyle gets the Core statement."""
    mark = PLACEHOLDERS.get(conn.dialect.paramstyle)
    if mark is None:
        t = schema.records
        query = sa.select(t.c.label, t.c.data).where(t.c.article_id.in_(article_ids), unindexed(t.c.kind).in_(kinds))
        return conn.execute(query).all()
    articles, kind_marks = ", ".join([mark] * len(article_ids)), ", ".join([mark] * len(kinds))
    sql = f"SELECT label, data FROM records WHERE article_id IN ({articles}) AND kind || '' IN ({kind_marks})"
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql, [*article_ids, *kinds])
        return cursor.fetchall()
    finally:
        cursor.close()


def unindexed(column: sa.ColumnElement[str]) -> sa.ColumnElement[str]:
    """The column's value as an expression no index can serve (``column || ''``), so that the planner reads
    rows by the other condition's index: on the 30k-article database SQLite answered "this kind, these 100
    articles" from the (kind, ...) indexes, scanning all 214k statements (270 ms), where the article index
    reads about 4,000 rows (a few ms). The same rows either way, on SQLite and PostgreSQL."""
    return column.op("||")(sa.literal(""))


def update_records(conn: Connection, records: Iterable[Record]) -> None:
    """Replace stored records by id on an open transaction (linking writes them with its link rows)."""
    update_rows(conn, (RecordRow(r.label(), r.to_dict()) for r in records))


class RecordRow(NamedTuple):
    """A stored record as its row holds it: the ``label`` column and the decoded JSON ``data`` (a record's
    ``to_dict``, kind included). The merge pass's rewrite maps entity ids in these rather than rebuilding
    records: a record read back and written again gives its stored text (``dumps`` of ``to_dict``, every
    record of a 2,000-article database checked, session 29), and mapping an id changes no label."""

    label: str | None
    data: dict[str, Any]


def _as_records(rows: Mapping[str, list[RecordRow]]) -> dict[str, tuple[Record, ...]]:
    """Rows by article as records, each article's ordered as ``analysis``."""
    return {a: sorted_records(record_from_dict(row.data) for row in found) for a, found in rows.items()}


def update_rows(conn: Connection, rows: Iterable[RecordRow]) -> None:
    """``update_records`` of rows (``RecordRow``): each row's ``data`` written as its record's stored text, its
    label and canonical entity with it, by the id in ``data``."""
    kinds: list[str] = []
    values: list[tuple[str, str | None, str | None, str]] = []
    for label, data in rows:
        kinds.append(data["kind"])
        values.append((dumps(data), label, canonical_entity_of(data), data["id"]))
    if not values:
        return
    # A record's new label (a speaker named anew) is one a substring filter must find.
    add_labels(conn, zip(kinds, (v[1] for v in values), strict=True))
    mark = PLACEHOLDERS.get(conn.dialect.paramstyle)
    if mark is not None:
        # Straight to the driver's cursor, as linking's own writes go (``corpus._executemany``): through
        # SQLAlchemy Core each row's parameters were built and processed one by one, a third of this call's
        # cost for the ~18 records an article's linking changes.
        if not rewrites_unchanged(conn):
            sql = f"UPDATE records SET data = {mark}, label = {mark}, entity_id = {mark} WHERE id = {mark}"
            _driver_executemany(conn, sql, values)
            return
        # SQLite rewrites an index's entry for each column a SET names, whatever its value: linking changes
        # records' entity ids, not their labels, and setting the label anyway rewrote ``ix_records_kind_label``'s
        # pages (804 of the 12,283 pages a batch of 100 long reports wrote at 10,000 articles; PostgreSQL
        # compares the values itself). A row whose stored label is the new one sets only its data and entity
        # id; the others (a label changed) set all three. Each row matches exactly one of the two statements.
        same = f"UPDATE records SET data = {mark}, entity_id = {mark} WHERE id = {mark} AND label IS {mark}"
        _driver_executemany(conn, same, [(d, e, i, label) for d, label, e, i in values])
        other = f"UPDATE records SET data = {mark}, label = {mark}, entity_id = {mark} WHERE id = {mark} AND label IS NOT {mark}"
        _driver_executemany(conn, other, [(d, label, e, i, label) for d, label, e, i in values])
        return
    params = [{"b_data": d, "b_label": label, "b_entity": e, "b_id": i} for d, label, e, i in values]
    statement = (
        schema.records.update()
        .where(schema.records.c.id == sa.bindparam("b_id"))
        .values(data=sa.bindparam("b_data"), label=sa.bindparam("b_label"), entity_id=sa.bindparam("b_entity"))
    )
    conn.execute(statement, params)


def insert_records(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert records' rows (``_record_row``) on an open transaction."""
    mark = PLACEHOLDERS.get(conn.dialect.paramstyle)
    if mark is None:
        conn.execute(schema.records.insert(), rows)
        return
    # The driver's cursor, as ``update_records`` and ``add_labels``: through SQLAlchemy Core each of an
    # article's ~15-60 rows had its parameters built and processed one by one (about half of ``Store.write``'s
    # cost in a ``dateline run``). The columns' types (text, integers) take the values as they are, so the
    # stored rows are the same.
    columns, sql = _table_insert(schema.records.name, mark)
    _driver_executemany(conn, sql, [tuple(row[name] for name in columns) for row in rows])


def insert_article(conn: Connection, row: Mapping[str, Any]) -> None:
    """Insert an article's row (``_article_row``) on an open transaction."""
    mark = PLACEHOLDERS.get(conn.dialect.paramstyle)
    if mark is None:
        conn.execute(schema.articles.insert().values(**row))
        return
    # The driver's cursor, as ``insert_records``: ``insert().values(**row)`` built a new statement per article
    # and had SQLAlchemy work out its cache key. The values go as they are: text, and ``updated`` a bool, which
    # sqlite3 stores as the integer SQLAlchemy's Boolean writes (0 or 1) and psycopg sends as a boolean.
    columns, sql = _table_insert(schema.articles.name, mark)
    _driver_executemany(conn, sql, [tuple(row[name] for name in columns)])


@lru_cache(maxsize=8)  # two tables (records, articles) under at most two placeholder styles
def _table_insert(table: str, mark: str) -> tuple[tuple[str, ...], str]:
    """A table's columns and the INSERT of one row with ``mark`` placeholders (``insert_records``,
    ``insert_article``): built once per process, not once per article."""
    columns = tuple(column.name for column in schema.metadata.tables[table].columns)
    names = ", ".join(f'"{name}"' for name in columns)  # "end" is an SQL keyword
    return columns, f"INSERT INTO {table} ({names}) VALUES ({', '.join([mark] * len(columns))})"


def add_labels(conn: Connection, pairs: Iterable[tuple[str, str | None]]) -> None:
    """Add the (kind, label) pairs of records written or rewritten on an open transaction to
    ``record_labels``, the ones it holds already left as they are (``ON CONFLICT DO NOTHING``: SQLite 3.24+,
    PostgreSQL 9.5+)."""
    rows = sorted({(kind, label) for kind, label in pairs if label is not None})
    if not rows:
        return
    mark = PLACEHOLDERS.get(conn.dialect.paramstyle)
    if mark is not None:
        # The driver's cursor, as ``update_records``: a few dozen rows per article, where SQLAlchemy Core's
        # per-row processing would cost more than the insert.
        sql = f"INSERT INTO record_labels (kind, label) VALUES ({mark}, {mark}) ON CONFLICT DO NOTHING"
        _driver_executemany(conn, sql, rows)
        return
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    conn.execute(insert(schema.record_labels).on_conflict_do_nothing(), [{"kind": k, "label": v} for k, v in rows])


def _driver_executemany(conn: Connection, sql: str, rows: Sequence[tuple[Any, ...]]) -> None:
    cursor = conn.connection.cursor()
    try:
        cursor.executemany(sql, rows)
    finally:
        cursor.close()


def _article_row(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "source_path": article.source_path,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published,
        "updated": article.updated,
        "source": article.source,
        "author": article.author,
        "language": article.language,
        "content_hash": article.content_hash,
        "text": article.text,
        "data": dumps(article.to_dict()),
    }


def canonical_entity_of(data: Mapping[str, Any]) -> str | None:
    """The canonical entity of a record in its ``to_dict`` form: a statement's speaker, a claim's claimant,
    an entity itself (None until linking resolves it)."""
    who = data.get("speaker") if data.get("kind") == "statement" else data.get("claimant")
    found = who.get("entity_id") if isinstance(who, Mapping) else data.get("entity_id")
    return str(found) if found else None


def _record_row(record: Record) -> dict[str, Any]:
    data = record.to_dict()
    return {
        "id": record.id,
        "article_id": record.article_id,
        "kind": record.kind,
        "extractor": record.extractor,
        "label": record.label(),
        "start": record.start,
        "end": record.end,
        "data": dumps(data),
        "entity_id": canonical_entity_of(data),
    }
