"""Corpus-level links (canonical entities, duplicates, stories, series, claim ledger, repeated statements).

Every corpus-level record kind shares four tables (defined in store/schema.py), so a new kind of link needs no migration:
- ``link_groups``: one row per group (a canonical entity, a story, a series, a claim group, ...) with its
  export JSON in ``data``;
- ``link_members``: what belongs to a group (entity records, articles, claims, statements), at most one group
  per member and kind;
- ``link_keys``: blocking keys (LSH bands, name keys, figure keys) -> item, so that linking one new article
  looks up its candidates by index instead of comparing it with every stored article (DESIGN.md, principle 5);
- ``link_features``: per-item features kept for verifying candidates (MinHash signatures, story features).

Reads for queries take an open ``Connection``. Linking goes through a ``LinkSession``: it buffers writes and
sends them with ``executemany`` (one statement per table and flush, not one per row), reads each blocking
key's postings with one ``IN`` query, and keeps bounded LRU caches of what it read or wrote, so linking one
article costs a handful of statements whatever the corpus size.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections import Counter, OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, count
from typing import Any, Generic, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dateline.model import Record
from dateline.store import schema
from dateline.store.db import (
    IN_BATCH,
    PLACEHOLDERS,
    RecordRow,
    Store,
    chunks,
    dumps,
    rewrites_unchanged,
    update_records,
    update_rows,
)
from dateline.store.schema import LINK_TABLES, link_features, link_groups, link_keys, link_members, link_moved

# The kind of each corpus-level group in link_groups/link_members, by the name the CLI, the API and the pages
# use for it.
GROUP_KINDS = {
    "canonical": schema.CANONICAL_MEMBERS,
    "duplicates": "duplicate",
    "stories": "story",
    "series": "series",
    "ledger": "claim_group",
    "repeated": "repeated",
}
# The link_features kind marking an article as linked (its row is the article's; its data is empty).
LINKED = "linked"
# The merge pass's bookkeeping, in link_features so that a kill at any moment leaves enough to finish it:
# an article linked whose entities the merge pass has not looked at yet (written with its "linked" mark;
# data: the canonical entities its linking touched) ...
MERGE_PENDING = "merge_pending"
# ... an entity folded or renamed whose records are not all rewritten yet (data: the id it now goes by) ...
MERGED = "merged"
# ... and an article whose records still name such an entity (data empty).
REWRITE = "merge_rewrite"
KEY_LENGTH = 120
# Entries in a group's JSON lists (article ids, claim ids, copies): the full membership is always in
# link_members; the group record keeps a bounded sample so rewriting it costs the same at any corpus size.
MAX_LIST = 200


def capped(items: Iterable[str]) -> list[str]:
    """A group's id list: sorted, at most ``MAX_LIST`` entries (the rest are in link_members)."""
    return sorted(set(items))[:MAX_LIST]


# ---------------------------------------------------------------------------------------------- reads


def get_group(conn: Connection, kind: str, group_id: str) -> dict[str, Any] | None:
    row = conn.execute(
        sa.select(link_groups.c.data).where(link_groups.c.kind == kind, link_groups.c.id == group_id)
    ).first()
    return json.loads(row[0]) if row else None


def get_groups(conn: Connection, kind: str, group_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The groups of ``group_ids`` that exist, by id (one query per ``IN_BATCH`` ids)."""
    out: dict[str, dict[str, Any]] = {}
    for chunk in chunks(sorted(set(group_ids))):
        query = sa.select(link_groups.c.id, link_groups.c.data).where(
            link_groups.c.kind == kind, link_groups.c.id.in_(chunk)
        )
        out.update((str(ident), json.loads(data)) for ident, data in conn.execute(query))
    return out


def iter_groups(
    store: Store, kind: str, *, label_contains: str | None = None, limit: int | None = None, chunk: int = 500
) -> Iterator[dict[str, Any]]:
    """Groups of a kind in id order, read a chunk at a time (bounded memory on large stores)."""
    last, seen = "", 0
    while limit is None or seen < limit:
        query = sa.select(link_groups.c.id, link_groups.c.data).where(
            link_groups.c.kind == kind, link_groups.c.id > last
        )
        if label_contains:
            query = query.where(link_groups.c.label.icontains(label_contains, autoescape=True))
        with store.engine.connect() as conn:
            rows = conn.execute(query.order_by(link_groups.c.id).limit(chunk)).all()
        if not rows:
            return
        for row in rows:
            if limit is not None and seen >= limit:
                return
            seen += 1
            yield json.loads(row[1])
        last = rows[-1][0]


# Why the member look-ups below leave DISTINCT and ORDER BY to Python: on a link_members column
# other than the one filtered on, they let SQLite's planner (no ANALYZE statistics) prefer the index that
# yields rows in that order, and scan every member of the kind: 190 ms instead of 0.1 ms for a group of 4
# members among 205k entity members (bench/serve.py on a 30k-article database, entity page).


def members(conn: Connection, kind: str, group_id: str) -> list[dict[str, Any]]:
    """A group's members: ``{member_id, article_id, **data}``, in member id order (sorted here: see the
    note above)."""
    rows = conn.execute(
        sa.select(link_members.c.member_id, link_members.c.article_id, link_members.c.data).where(
            link_members.c.kind == kind, link_members.c.group_id == group_id
        )
    ).all()
    return [{"member_id": r[0], "article_id": r[1], **json.loads(r[2])} for r in sorted(rows, key=lambda r: r[0])]


def article_groups(conn: Connection, kind: str, article_id: str) -> list[str]:
    """The groups of ``kind`` holding a member from the article, in id order (made distinct and sorted
    here: see the note above ``members``)."""
    rows = conn.execute(
        sa.select(link_members.c.group_id).where(link_members.c.kind == kind, link_members.c.article_id == article_id)
    ).all()
    return sorted({str(r[0]) for r in rows})


def linked_items(conn: Connection, kind: str, item_ids: Iterable[str]) -> set[str]:
    """Which of ``item_ids`` have features of ``kind`` (one query per ``IN_BATCH`` ids)."""
    ids = sorted(set(item_ids))
    out: set[str] = set()
    for chunk in chunks(ids):
        query = sa.select(link_features.c.item_id).where(
            link_features.c.kind == kind, link_features.c.item_id.in_(chunk)
        )
        out.update(str(r[0]) for r in conn.execute(query))
    return out


def features_of(conn: Connection, kind: str) -> dict[str, dict[str, Any]]:
    """Every row of a features ``kind``, by item id: for the merge pass's bookkeeping, which holds at most a
    row per article or entity of one linking pass."""
    query = sa.select(link_features.c.item_id, link_features.c.data).where(link_features.c.kind == kind)
    return {str(ident): json.loads(data) for ident, data in conn.execute(query.order_by(link_features.c.item_id))}


def unlinked_article_ids(store: Store) -> Iterator[str]:
    """Stored articles not linked yet, in id order, read ``IN_BATCH`` ids at a time (keyset paging)."""
    a, f = schema.articles, link_features
    linked = sa.select(f.c.item_id).where(f.c.kind == LINKED, f.c.item_id == a.c.id)
    last = ""
    while True:
        query = sa.select(a.c.id).where(a.c.id > last, ~linked.exists()).order_by(a.c.id).limit(IN_BATCH)
        with store.engine.connect() as conn:
            ids = [str(row[0]) for row in conn.execute(query)]
        if not ids:
            return
        yield from ids
        last = ids[-1]


def holders(conn: Connection, kind: str, group_ids: Iterable[str]) -> dict[str, set[str]]:
    """Every article holding a member of one of ``group_ids``, with the groups among them it holds a member of:
    the groups' members read through ``ix_link_members_group``, one query per ``IN_BATCH`` ids.

    By group, not by article: the merge pass asks this of the groups it folds and renames and their targets,
    and the articles holding one hold some 19 entity members each, nearly all of other groups (10,000-article
    database, 100 PolNeAR reports added: 19,463 rows of the groups against 114,620 of their 6,071 articles,
    0.046 against 0.19 CPU s; bench/RESULTS.md, session 33)."""
    out: dict[str, set[str]] = {}
    for chunk in chunks(sorted(set(group_ids))):
        for group_id, article_id in _rows_in(conn, link_members, ("group_id", "article_id"), kind, "group_id", chunk):
            out.setdefault(str(article_id), set()).add(str(group_id))
    return out


def move_groups(conn: Connection, kind: str, moves: list[tuple[str, str]]) -> None:
    """Fold each group ``source`` into ``target`` of ``moves``, in order: its members and blocking keys go to
    ``target`` and its row is deleted (the caller writes ``target``'s merged data). One executemany per
    statement; each runs over the moves in their order, so a chain (a into b, then b into c) ends as it would
    move by move. The keys are read by item through an index of ``schema.KEYS_BY_ITEM``'s keys alone, its columns
    by database (``schema.ENTITY_KEYS_COLUMNS``): another kind's keys would be found by a scan of that kind's
    keys (correct, not fast)."""
    if not moves:
        return
    m, k, g = link_members, link_keys, link_groups
    source, target = sa.bindparam("b_source", type_=sa.String), sa.bindparam("b_target", type_=sa.String)
    params = [{"b_source": s, "b_target": t} for s, t in moves]
    conn.execute(sa.update(m).where(m.c.kind == kind, m.c.group_id == source).values(group_id=target), params)
    # The kind written into the SQL, not bound: a database uses a partial index (``schema.ENTITY_KEYS_INDEX``, on
    # ``schema.KEYS_BY_ITEM``'s keys) only for a query whose own condition names the index's kind (SQLite always;
    # PostgreSQL once it plans a prepared statement generically).
    keys_kind = sa.bindparam("b_keys_kind", kind, type_=sa.String, literal_execute=True)
    held = sa.select(k.c.key).where(k.c.kind == keys_kind, k.c.item_id == target)
    moved = sa.select(sa.literal(kind), k.c.key, target).where(
        k.c.kind == keys_kind, k.c.item_id == source, k.c.key.not_in(held)
    )
    insert = k.insert().from_select(["kind", "key", "item_id"], moved)
    delete = sa.delete(k).where(k.c.kind == keys_kind, k.c.item_id == source)
    # Key by key as one move after the other would: a chain's later move sees the keys an earlier one added.
    for one in params:
        conn.execute(insert, one)
        conn.execute(delete, one)
    conn.execute(sa.delete(g).where(g.c.kind == kind, g.c.id == source), params)


def note_moved(conn: Connection, merged: Mapping[str, str], held: Mapping[str, Collection[str]]) -> None:
    """Write into ``link_moved`` what the merge pass's folds and renames ``merged`` (source -> the id it goes by
    after them) do to the ids records hold, before any record is rewritten: ``held`` gives, for each article
    holding a member of a source, the groups it holds a member of (``LinkSession.sources_held``). An article's members of
    source ``s`` hold the id a ``link_moved`` row maps to ``s`` (an earlier pass left it unmapped) or else ``s``
    itself (an article where two ids became one was rewritten, so one id per entity): that id now maps to
    ``merged[s]``, and a row whose id is the one its entity goes by again is dropped. Reads the sources' rows
    (``ix_link_moved_group``); rows and members move in one transaction."""
    sources = sorted(s for s, t in merged.items() if s != t)
    if not sources:
        return
    t = link_moved
    earlier: dict[tuple[str, str], str] = {}
    for chunk in chunks(sources):
        query = sa.select(t.c.article_id, t.c.stored_id, t.c.group_id).where(t.c.group_id.in_(chunk))
        earlier.update(((str(a), str(g)), str(s)) for a, s, g in conn.execute(query))
    wanted = set(sources)
    rows = [
        {"article_id": article_id, "stored_id": stored, "group_id": merged[group]}
        for article_id, groups in sorted(held.items())
        for group in sorted(wanted.intersection(groups))
        if (stored := earlier.get((article_id, group), group)) != merged[group]
    ]
    for chunk in chunks(sources):
        conn.execute(sa.delete(t).where(t.c.group_id.in_(chunk)))
    if rows:
        conn.execute(t.insert(), rows)


def forget_moved(conn: Connection, article_ids: Iterable[str]) -> None:
    """Delete the ``link_moved`` rows of articles whose records were just rewritten with the ids their entities
    go by now (the merge pass's rewrite, in the transaction that writes them)."""
    for chunk in chunks(sorted(set(article_ids))):
        conn.execute(sa.delete(link_moved).where(link_moved.c.article_id.in_(chunk)))


# The DB-API placeholder of each paramstyle ``_rows_in`` writes SQL for (one owner: ``db.PLACEHOLDERS``).
_MARKS = PLACEHOLDERS


def _rows_in(conn: Connection, table: sa.Table, columns: tuple[str, ...], kind: str, column: str, ids: Any) -> Any:
    """``SELECT columns FROM table WHERE kind = :kind AND column IN (ids)`` on the connection's transaction.

    Linking sends this look-up a few times per article (blocking keys' postings, candidate groups and
    features): built as SQLAlchemy Core it costs several times what the database takes to answer it (a new
    statement and an expanded IN to compile each time), so it goes straight to the driver's cursor, with the
    driver's own placeholders; a driver of another paramstyle gets the Core statement."""
    mark = _MARKS.get(conn.dialect.paramstyle)
    if mark is None:
        query = sa.select(*(table.c[c] for c in columns)).where(table.c.kind == kind, table.c[column].in_(ids))
        return conn.execute(query).all()
    marks = ", ".join([mark] * len(ids))
    sql = f"SELECT {', '.join(columns)} FROM {table.name} WHERE kind = {mark} AND {column} IN ({marks})"
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql, [kind, *ids])
        return cursor.fetchall()
    finally:
        cursor.close()


def ranked(counts: dict[str, int], limit: int) -> list[str]:
    """The ``limit`` items of ``counts`` with the highest counts, ties by id: the order of the ``(-count, id)``
    tuples sorted. Two sorts in C, by id and then, stably, by count through the dict's own ``__getitem__``,
    with no tuple built per item nor a Python-level heap (``heapq.nsmallest`` over the tuples): a story meets
    some 300 items per article (timings: bench/RESULTS-linking.md, session 17)."""
    order = sorted(counts)
    order.sort(key=counts.__getitem__, reverse=True)
    return order[:limit]


def clear(store: Store) -> None:
    """Forget every corpus-level link (before a full re-link)."""
    with store.engine.begin() as conn:
        for table in LINK_TABLES:
            conn.execute(sa.delete(table))


# ---------------------------------------------------------------------------------------------- session

K = TypeVar("K")
V = TypeVar("V")


class LRU(Generic[K, V]):
    """A dict that forgets its least recently used entries beyond ``size`` when ``trim`` is called."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.data: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K) -> V | None:
        value = self.data.get(key)
        if value is not None:
            self.data.move_to_end(key)
        return value

    def get_all(self, keys: Iterable[K]) -> list[V | None]:
        """``get`` of each of ``keys``, in one call (linking looks up some 40 candidates at a time)."""
        data, move = self.data, self.data.move_to_end
        out: list[V | None] = []
        for key in keys:
            value = data.get(key)
            if value is not None:
                move(key)
            out.append(value)
        return out

    def __contains__(self, key: K) -> bool:
        return key in self.data

    def put(self, key: K, value: V) -> None:
        self.data[key] = value
        self.data.move_to_end(key)

    def trim(self) -> None:
        while len(self.data) > self.size:
            self.data.popitem(last=False)


# Cache sizes (entries). A posting list holds at most a kind's block cap (200-500) ids, most far fewer; 50k
# keys and 50k groups/feature rows stay in the low hundreds of MiB at worst and cover the keys and groups a
# few thousand recent articles touch (news reuses names and words of the last days).
CACHED_KEYS = 50_000
CACHED_ROWS = 50_000
# Answers derived from read-only rows remembered (``LinkCache.held``, ``keep``): a few per candidate an article's
# records meet, so the answers of the last few hundred articles.
CACHED_DERIVED = 1 << 16
# Views of feature rows kept (``LinkSession.view_features``): a story's ``Compared`` per stored article, so at
# least the articles of a story's candidate window (its report's 30-day period and the two beside it).
CACHED_VIEWS = 50_000
# Buffered rows sent to the database when a session holds more than this (bounds the write buffer).
FLUSH_ROWS = 20_000
_ABSENT = ""  # cached marker: the row is known not to exist


@dataclass
class LinkCache:
    """What linking read or wrote, kept across the transactions of one linking pass (this process is the
    single writer, so cached rows cannot go stale). Values are canonical JSON text, so callers always get a
    fresh copy to modify."""

    postings: LRU[tuple[str, str], list[str]] = field(default_factory=lambda: LRU(CACHED_KEYS))
    groups: LRU[tuple[str, str], tuple[str | None, str | Unwritten]] = field(default_factory=lambda: LRU(CACHED_ROWS))
    features: LRU[tuple[str, str], tuple[str, str]] = field(default_factory=lambda: LRU(CACHED_ROWS))
    membership: LRU[tuple[str, str], str] = field(default_factory=lambda: LRU(CACHED_ROWS))
    # Rows parsed for reading only (``LinkSession.peek_groups``), by table, kind and id: the text parsed and
    # the result. Every write of a row replaces or drops its entry, so an entry held is the row as it now is.
    parsed: LRU[tuple[str, str, str], tuple[str | Unwritten, dict[str, Any]]] = field(
        default_factory=lambda: LRU(CACHED_ROWS)
    )
    # What a linker works out from a features row it only reads (``LinkSession.view_features``), by kind and
    # item id: kept apart from the rows' text and parse above, which every kind's reads and writes share and
    # turn over, and forgotten when this process (the single writer) puts or drops the row.
    views: LRU[tuple[str, str], Any] = field(default_factory=lambda: LRU(CACHED_VIEWS))

    # What linkers work out from a read-only row (``peek_groups``, ``peek_features``): (a key naming the row
    # object and the question) -> (the row object, the answer). A peeked row is shared and never changed (a
    # write makes a new one), so an answer holds as long as the entry's row is that object; the entry keeps
    # it alive, so its id is not reused meanwhile. Cleared at ``CACHED_DERIVED`` entries.
    _derived: dict[Any, tuple[Any, Any]] = field(default_factory=dict)
    # Answers that depend only on what their key names, not on a row version (``memo``): a name form's verdict
    # against an entity's name forms, named by tokens that are never reused (``token``). Cleared at
    # ``CACHED_DERIVED`` entries.
    _memo: dict[Any, Any] = field(default_factory=dict)
    _tokens: Iterator[int] = field(default_factory=lambda: count(1))

    def held(self, key: Any, row: Any) -> tuple[Any, Any] | None:
        """``(row, answer)`` if an answer for the read-only ``row`` is remembered under ``key`` (which names
        ``id(row)``), else None: a pair, not the answer alone, so that a remembered None (a candidate rejected)
        is told apart from nothing remembered. Asked, then ``keep`` told, by the caller itself (no callback built
        per question): ``entities._judged`` asks once per candidate of every record."""
        found = self._derived.get(key)
        return found if found is not None and found[0] is row else None

    def keep(self, key: Any, row: Any, answer: Any) -> None:
        """Remember ``answer`` for the read-only ``row`` under ``key`` (``held`` gives it back while ``row`` is the
        object remembered with it)."""
        if len(self._derived) >= CACHED_DERIVED:
            self._derived.clear()
        self._derived[key] = (row, answer)

    def memo(self, key: Any) -> Any:
        """What ``remember`` kept under ``key``, or None."""
        return self._memo.get(key)

    def remember(self, key: Any, value: Any) -> None:
        if len(self._memo) >= CACHED_DERIVED:
            self._memo.clear()
        self._memo[key] = value

    def token(self) -> int:
        """A number no other call of this cache gives (so a forgotten ``memo`` entry's token never comes back)."""
        return next(self._tokens)

    def _all(self) -> tuple[LRU[Any, Any], ...]:
        return (self.postings, self.groups, self.features, self.membership, self.parsed, self.views)

    def trim(self) -> None:
        for cache in self._all():
            cache.trim()

    def clear(self) -> None:
        for cache in self._all():
            cache.data.clear()
        self._derived.clear()
        self._memo.clear()


class Unwritten:
    """A handed-over group row's data (``put_group``) whose JSON text is written the first time it is needed,
    once: the data never changes (the caller hands it over; readers get it read-only). Once the row is flushed
    its data is let go (``release``): the cached row keeps only its text, as a row read from the table does,
    and the parse cache keeps the data while it holds the row, as it keeps a parse."""

    __slots__ = ("_text", "data")

    def __init__(self, data: dict[str, Any]) -> None:
        self.data: dict[str, Any] | None = data
        self._text: str | None = None

    def text(self) -> str:
        if self._text is None:
            self._text = dumps(self.data)
        return self._text

    def release(self) -> None:
        """Keep the text, drop the data: a later look parses the text, as for a row read from the table."""
        self.text()
        self.data = None


def _text(held: str | Unwritten) -> str:
    """A cached or pending row's JSON text."""
    return held.text() if isinstance(held, Unwritten) else held


@dataclass
class _Pending:
    groups: dict[tuple[str, str], tuple[str | None, str | Unwritten]] = field(default_factory=dict)
    members: dict[tuple[str, str], tuple[str, str, str]] = field(default_factory=dict)
    features: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    keys: set[tuple[str, str, str]] = field(default_factory=set)

    def size(self) -> int:
        return len(self.groups) + len(self.members) + len(self.features) + len(self.keys)


@contextmanager
def session(store: Store, cache: LinkCache | None = None) -> Iterator[LinkSession]:
    """A ``LinkSession`` on one transaction, flushed and committed at the end (rolled back on an error)."""
    with store.engine.begin() as conn:
        found = LinkSession(conn, cache)
        yield found
        found.flush()


class LinkSession:
    """Reads and buffered writes of the link tables on one open transaction (see the module docstring)."""

    def __init__(self, conn: Connection, cache: LinkCache | None = None) -> None:
        self.conn = conn
        self.cache = cache or LinkCache()
        self.pending = _Pending()

    def linked(self, item_ids: Iterable[str]) -> set[str]:
        """Which of ``item_ids`` (articles) are linked already."""
        return linked_items(self.conn, LINKED, item_ids)

    # -------------------------------------------------------------------------- groups

    def get_group(self, kind: str, group_id: str) -> dict[str, Any] | None:
        return self.get_groups(kind, [group_id]).get(group_id)

    def get_groups(self, kind: str, group_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The groups of ``group_ids`` that exist (one IN query per ``IN_BATCH`` ids not cached; the absent
        are cached as absent)."""
        return self._groups(kind, group_ids)

    def peek_groups(self, kind: str, group_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """``get_groups`` for reading only: the dicts are shared between calls (parsed once per version of a
        group, not once per look), so a caller must not modify them; ``get_groups`` gives copies to change."""
        return self._groups(kind, group_ids, shared=True)

    def prefetch_groups(self, kind: str, group_ids: Iterable[str]) -> None:
        """Read many groups at once (one query), before looking them up one at a time."""
        self._groups(kind, group_ids, parse=False)

    def _groups(self, kind: str, group_ids: Iterable[str], **how: bool) -> dict[str, dict[str, Any]]:
        g = link_groups
        return self._read_through(self.cache.groups, g, g.c.id, g.c.label, kind, group_ids, absent=True, **how)

    def _read_through(
        self,
        cache: LRU[tuple[str, str], Any],
        table: sa.Table,
        id_column: sa.Column[Any],
        first_column: sa.Column[Any],
        kind: str,
        ids: Iterable[str],
        *,
        absent: bool,
        parse: bool = True,
        shared: bool = False,
    ) -> dict[str, dict[str, Any]]:
        """Rows of ``table`` by id through ``cache`` (``(first_column, data)`` per id): one IN query per
        ``IN_BATCH`` ids not cached; ids with no row are cached as absent when ``absent``. The rows parsed,
        as fresh dicts; as shared read-only dicts when ``shared`` (see ``peek_groups``); none unless ``parse``."""
        wanted = sorted(set(ids))
        if not (shared and parse):
            return self._read_rows(cache, table, id_column, first_column, kind, wanted, absent=absent, parse=parse)
        held, rest = self._held_parses(table.name, kind, wanted)
        if not rest:
            return held
        read = self._read_rows(cache, table, id_column, first_column, kind, rest, absent=absent, shared=True)
        # In id order, as when every row is read (callers may go through the rows in the order given).
        return {i: row for i in wanted if (row := held.get(i, read.get(i))) is not None}

    def _held_parses(self, name: str, kind: str, wanted: list[str]) -> tuple[dict[str, dict[str, Any]], list[str]]:
        """The parses ``LinkCache.parsed`` holds of rows ``wanted`` of table ``name`` (in ``wanted``'s order), and
        the ids it holds none of. A write of a row replaces or drops its parse (``put_group``, ``put_features``,
        ``drop_features``, ``move_groups``), so a held parse is the row as it now is: one look-up per id instead
        of the row cache's, the parse cache's and the test that both are of the same text (a long report's
        entity records peek some 800 candidate rows, nearly all held; bench/RESULTS-linking.md, session 19)."""
        parses = self.cache.parsed.data
        move = parses.move_to_end
        held: dict[str, dict[str, Any]] = {}
        rest: list[str] = []
        for ident in wanted:
            key = (name, kind, ident)
            found = parses.get(key)
            if found is None:
                rest.append(ident)
            else:
                move(key)
                held[ident] = found[1]
        return held, rest

    def _read_rows(
        self,
        cache: LRU[tuple[str, str], Any],
        table: sa.Table,
        id_column: sa.Column[Any],
        first_column: sa.Column[Any],
        kind: str,
        wanted: list[str],
        *,
        absent: bool,
        parse: bool = True,
        shared: bool = False,
    ) -> dict[str, dict[str, Any]]:
        """``_read_through`` of the ids ``wanted`` (sorted, distinct), past the held parses."""
        # Each id's cache key built once, for the test of what is held and the look-ups below.
        keys = [(kind, i) for i in wanted]
        held = cache.data
        missing = [key[1] for key in keys if key not in held]
        columns = (id_column.name, first_column.name, "data")
        for chunk in chunks(missing):
            rows = _rows_in(self.conn, table, columns, kind, id_column.name, chunk)
            found = {ident: (first, data) for ident, first, data in rows}
            for ident in chunk:
                if ident in found:
                    cache.put((kind, ident), found[ident])
                elif absent:
                    cache.put((kind, ident), (None, _ABSENT))
        out: dict[str, dict[str, Any]] = {}
        if not parse:
            return out
        name = table.name
        for ident, cached in zip(wanted, cache.get_all(keys), strict=True):
            if cached is None or not cached[1]:
                continue
            if not shared:
                out[ident] = json.loads(_text(cached[1]))
                continue
            # Only ids `_held_parses` holds no parse of come here (`_read_through`): parse and hold each.
            held_text = cached[1]
            # A handed-over row not yet flushed is its own parse (what its JSON reads back as).
            data = held_text.data if isinstance(held_text, Unwritten) else None
            parsed = (held_text, json.loads(_text(held_text)) if data is None else data)
            self.cache.parsed.put((name, kind, ident), parsed)
            out[ident] = parsed[1]
        return out

    def put_group(
        self, kind: str, group_id: str, data: dict[str, Any], *, label: str | None = None, handed_over: bool = False
    ) -> None:
        """Insert or replace a group. ``handed_over``: the caller never touches ``data`` again and it holds only
        what its JSON reads back as (lists, not tuples; string keys), so it is kept as the row's parsed,
        read-only form (``peek_groups``) instead of being parsed back from its text at the next look: a
        canonical entity named in every article is peeked again after each write (on AllSides reports these
        parses were the largest single cost of linking, 5% of it)."""
        # A handed-over row's JSON is written when first needed (the flush, or a read for a copy): an entity
        # named again in the same batch is put again before then (counts: bench/RESULTS-linking.md, session 17).
        text: str | Unwritten = Unwritten(data) if handed_over else dumps(data)
        row = (label, text)
        self.cache.groups.put((kind, group_id), row)
        self.pending.groups[(kind, group_id)] = row
        key = (link_groups.name, kind, group_id)
        if handed_over:
            # The text object itself, as ``_read_rows`` checks: a later put of the row replaces it.
            self.cache.parsed.put(key, (text, data))
        else:
            # A held parse stands for the row as it is (``_held_parses``): an older one must go.
            self.cache.parsed.data.pop(key, None)

    # -------------------------------------------------------------------------- members

    def add_member(
        self, kind: str, group_id: str, member_id: str, article_id: str, data: dict[str, Any] | None = None
    ) -> None:
        """Put ``member_id`` in ``group_id`` (replacing any earlier group it had for this kind)."""
        self.cache.membership.put((kind, member_id), group_id)
        self.pending.members[(kind, member_id)] = (group_id, article_id, dumps(data or {}))

    def group_of(self, kind: str, member_id: str) -> str | None:
        cached = self.cache.membership.get((kind, member_id))
        if cached is None:
            rows = _rows_in(self.conn, link_members, ("group_id",), kind, "member_id", [member_id])
            cached = str(rows[0][0]) if rows else _ABSENT
            self.cache.membership.put((kind, member_id), cached)
        return cached or None

    def sources_held(self, kind: str, merged: Mapping[str, str]) -> dict[str, set[str]]:
        """For the merge pass's folds and renames ``merged`` (source -> target): every article holding a member
        of a source, with the sources and targets it holds a member of (one read of those groups' members)."""
        self.flush()
        sources = set(merged)
        found = holders(self.conn, kind, sources | set(merged.values()))
        return {article_id: held for article_id, held in found.items() if not sources.isdisjoint(held)}

    def move_groups(self, kind: str, moves: list[tuple[str, str]]) -> None:
        """Fold each group ``source`` into ``target`` of ``moves`` (members and keys; the targets' data is the
        caller's to put). Writes at once and forgets the cached reads, which may name a source."""
        self.flush()
        move_groups(self.conn, kind, moves)
        self.cache.clear()

    def note_moved(self, merged: Mapping[str, str], held: Mapping[str, Collection[str]]) -> None:
        """``note_moved``: the ids records hold that ``merged`` moves, in this session's transaction."""
        note_moved(self.conn, merged, held)

    def forget_moved(self, article_ids: Iterable[str]) -> None:
        """``forget_moved``: the articles' records now hold their entities' ids as they are."""
        forget_moved(self.conn, article_ids)

    # -------------------------------------------------------------------------- blocking keys

    def _postings(self, kind: str, keys: list[str]) -> dict[str, list[str]]:
        """Each key's items (one IN query for the keys not cached).

        Each key's cache key is made once and the answer built in the same loop that marks the entries used (not
        the keys' tuples made twice, a list of the lists, then a dict zipped from it): some 50 calls per long
        report, 10-150 keys each, nearly all held. The entries are marked used in the same order as before."""
        postings = self.cache.postings
        held = postings.data
        named = [(kind, k) for k in keys]
        missing = [k for k, name in zip(keys, named, strict=True) if name not in held]
        if missing:
            found: dict[str, list[str]] = {k: [] for k in missing}
            for chunk in chunks(missing):
                for key, item in _rows_in(self.conn, link_keys, ("key", "item_id"), kind, "key", chunk):
                    found[key].append(item)
            for key, items in found.items():
                postings.put((kind, key), sorted(items))
        move = held.move_to_end
        out: dict[str, list[str]] = {}
        for k, name in zip(keys, named, strict=True):
            listed = held.get(name)
            if listed is not None:
                move(name)
            out[k] = listed or []
        return out

    def prefetch(self, kind: str, keys: Iterable[str]) -> dict[str, list[str]]:
        """Read the postings of many keys at once (one query), before looking them up one item at a time; each
        key's (cut to ``KEY_LENGTH``) items, as held (read-only)."""
        return self._postings(kind, sorted({k[:KEY_LENGTH] for k in keys}))

    def candidates(self, kind: str, keys: Iterable[str], *, cap: int, limit: int) -> dict[str, int]:
        """Up to ``limit`` items sharing a blocking key with ``keys``, most shared keys first, with the count.

        A key held by more than ``cap`` items is skipped (a stop-key such as a very common surname or word),
        and ``add_keys`` stops indexing under it: each posting list holds at most ``cap + 1`` items, so the
        work per new item is bounded whatever the corpus size -- what keeps linking flat and sub-quadratic.
        """
        postings = self._postings(kind, sorted({k[:KEY_LENGTH] for k in keys})).values()
        # Counted in C (``Counter`` over the posting lists chained) and only the best ``limit`` ranked: a story
        # meets up to ~150 keys of up to 300 items each, and counting and sorting them item by item in Python
        # was most of what a story's look-up cost. The same items in the same order as a full sort.
        found = Counter(chain.from_iterable(items for items in postings if len(items) <= cap))
        return {item: found[item] for item in ranked(found, limit)}

    def add_keys(self, kind: str, keys: Iterable[str], item_id: str, *, cap: int) -> None:
        """Index ``item_id`` under ``keys``, except under stop-keys (already holding more than ``cap`` items)."""
        for key, items in self._postings(kind, sorted({k[:KEY_LENGTH] for k in keys})).items():
            if len(items) > cap:
                continue
            # Every cached posting list is sorted (read sorted, grown here in order), so the id's place is found
            # by bisection and the list copied with it put there, instead of a scan for it and a sort of the
            # list grown by one (some 150 keys per long report, up to ``cap`` items each).
            at = bisect_left(items, item_id)
            if at < len(items) and items[at] == item_id:
                continue
            grown = items.copy()
            grown.insert(at, item_id)
            self.cache.postings.put((kind, key), grown)
            self.pending.keys.add((kind, key, item_id))

    # -------------------------------------------------------------------------- features

    def put_features(self, kind: str, item_id: str, article_id: str, data: dict[str, Any]) -> None:
        row = (article_id, dumps(data))
        self.cache.features.put((kind, item_id), row)
        self.cache.parsed.data.pop((link_features.name, kind, item_id), None)
        self.cache.views.data.pop((kind, item_id), None)
        self.pending.features[(kind, item_id)] = row

    def view_features(self, kind: str, item_ids: Iterable[str], view: Callable[[dict[str, Any]], V]) -> dict[str, V]:
        """``view`` of each features row of ``kind`` that exists among ``item_ids``, by id in id order: worked
        out once per row and kept (``LinkCache.views``) until the row is put or dropped, so a row met again is
        neither read nor parsed again. One ``view`` per kind (the views are kept by kind and id); it must not
        return None."""
        wanted = sorted(set(item_ids))
        views = self.cache.views
        held = dict(zip(wanted, views.get_all([(kind, i) for i in wanted]), strict=True))
        missing = [i for i, found in held.items() if found is None]
        # Fresh parses, not ``peek_features``: the view is what is kept, the parse is not worth a cache entry.
        for ident, data in self.get_features(kind, missing).items():
            held[ident] = found = view(data)
            views.put((kind, ident), found)
        return {ident: found for ident, found in held.items() if found is not None}

    def peek_features(self, kind: str, item_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """``get_features`` for reading only (shared dicts, see ``peek_groups``)."""
        return self._features(kind, item_ids, shared=True)

    def get_features(self, kind: str, item_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        return self._features(kind, item_ids)

    def _features(self, kind: str, item_ids: Iterable[str], **how: bool) -> dict[str, dict[str, Any]]:
        f = link_features
        return self._read_through(
            self.cache.features, f, f.c.item_id, f.c.article_id, kind, item_ids, absent=False, **how
        )

    def all_features(self, kind: str) -> dict[str, dict[str, Any]]:
        """Every row of a features ``kind``, by item id (read past the cache, with this session's writes)."""
        self.flush()
        return features_of(self.conn, kind)

    def drop_features(self, kind: str, item_ids: Iterable[str]) -> None:
        """Delete the features of ``kind`` of ``item_ids`` (at once, with this session's buffered writes)."""
        self.flush()
        ids = sorted(set(item_ids))
        f = link_features
        for chunk in chunks(ids):
            self.conn.execute(sa.delete(f).where(f.c.kind == kind, f.c.item_id.in_(chunk)))
        for ident in ids:
            self.cache.features.data.pop((kind, ident), None)
            self.cache.parsed.data.pop((link_features.name, kind, ident), None)
            self.cache.views.data.pop((kind, ident), None)

    # -------------------------------------------------------------------------- writing

    def update_records(self, records: Iterable[Record]) -> None:
        """Write records that linking changed in this session's transaction: the articles' "linked" marks and
        their records' link fields commit together, so a kill leaves either both or neither."""
        update_records(self.conn, records)

    def update_rows(self, rows: Iterable[RecordRow]) -> None:
        """``update_records`` of stored rows whose ids the merge pass mapped (``db.update_rows``)."""
        update_rows(self.conn, rows)

    def maybe_flush(self) -> None:
        """Flush when the write buffer is large (called between articles)."""
        if self.pending.size() > FLUSH_ROWS:
            self.flush()

    def flush(self) -> None:
        """Send buffered writes (sorted, so the statements are the same on every run) and trim the caches."""
        pending, self.pending = self.pending, _Pending()
        _replace(
            self.conn,
            link_groups,
            ("kind", "id", "label", "data"),
            [(k, i, v[0], _text(v[1])) for (k, i), v in sorted(pending.groups.items())],
            steady="label",
        )
        _replace(
            self.conn,
            link_members,
            ("kind", "member_id", "group_id", "article_id", "data"),
            [(k, m, *v) for (k, m), v in sorted(pending.members.items())],
        )
        _replace(
            self.conn,
            link_features,
            ("kind", "item_id", "article_id", "data"),
            [(k, i, *v) for (k, i), v in sorted(pending.features.items())],
        )
        _executemany(self.conn, link_keys, ("kind", "key", "item_id"), sorted(pending.keys), delete=False)
        # Handed-over rows written now keep their text alone in the row cache (the parse cache lets their data
        # go when it evicts them), instead of holding every one's data until the row cache evicts the row.
        for _, held in pending.groups.values():
            if isinstance(held, Unwritten):
                held.release()
        self.cache.trim()


def _replace(
    conn: Connection,
    table: sa.Table,
    columns: tuple[str, ...],
    rows: list[tuple[Any, ...]],
    *,
    steady: str | None = None,
) -> None:
    """Replace ``rows`` (values of ``columns``; the first two are the kind and the id, the table's primary key):
    one executemany upsert (on another driver, a DELETE and an INSERT).

    ``steady``: an indexed column that a rewritten row seldom changes (a canonical entity's label, its name,
    when the entity is named again). On SQLite the rows whose stored value is the new one are updated without
    setting it, so its index's pages are left alone (the groups' label index: 482 of the 12,283 pages a batch
    of 100 long reports wrote at 10,000 articles, bench/RESULTS-linking.md, session 20); the upsert then
    inserts the new rows and updates only those whose value changed. Each row is written by exactly one."""
    mark = _MARKS.get(conn.dialect.paramstyle)
    if steady is None or mark is None or not rewrites_unchanged(conn) or not rows:
        _executemany(conn, table, columns, rows, delete=True)
        return
    at = columns.index(steady)
    rest = [n for n, c in enumerate(columns) if n >= 2 and n != at]
    sets = ", ".join(f"{columns[n]} = {mark}" for n in rest)
    sql = f"UPDATE {table.name} SET {sets} WHERE {columns[0]} = {mark} AND {columns[1]} = {mark} AND {steady} IS {mark}"
    cursor = conn.connection.cursor()
    try:
        cursor.executemany(sql, [(*(r[n] for n in rest), r[0], r[1], r[at]) for r in rows])
    finally:
        cursor.close()
    _executemany(conn, table, columns, rows, delete=True, unless_same=steady)


def _executemany(
    conn: Connection,
    table: sa.Table,
    columns: tuple[str, ...],
    rows: list[tuple[Any, ...]],
    *,
    delete: bool,
    unless_same: str | None = None,
) -> None:
    """INSERT ``rows`` (values of ``columns``) into ``table``, replacing the rows of their first two values when
    ``delete``. Sent straight to the driver's cursor, as ``_rows_in`` reads: through
    SQLAlchemy Core each row's parameters were built and processed one by one, a few hundred rows per article
    (a driver of another paramstyle gets the Core statements)."""
    if not rows:
        return
    mark = _MARKS.get(conn.dialect.paramstyle)
    if mark is None:
        if delete:
            kind, ident = sa.bindparam("b_kind", type_=sa.String), sa.bindparam("b_id", type_=sa.String)
            where = sa.and_(table.c[columns[0]] == kind, table.c[columns[1]] == ident)
            conn.execute(sa.delete(table).where(where), [{"b_kind": r[0], "b_id": r[1]} for r in rows])
        conn.execute(table.insert(), [dict(zip(columns, r, strict=True)) for r in rows])
        return
    marks = ", ".join([mark] * len(columns))
    sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})"
    if delete:
        # An upsert on the key (the first two columns, the table's primary key; SQLite 3.24+, PostgreSQL 9.5+)
        # instead of a DELETE and an INSERT per row: the same rows result, but a new row (most of a report's
        # members and features) costs one index probe instead of two, and a rewritten one (a canonical entity
        # named again) is updated in place, its key's index entries left where they are (timings:
        # bench/RESULTS-linking.md, session 18).
        updated = ", ".join(f"{c} = excluded.{c}" for c in columns[2:])
        sql += f" ON CONFLICT ({columns[0]}, {columns[1]}) DO UPDATE SET {updated}"
        if unless_same:
            # A stored row whose ``unless_same`` column holds the new value was written already (``_replace``).
            sql += f" WHERE {table.name}.{unless_same} IS NOT excluded.{unless_same}"
    cursor = conn.connection.cursor()
    try:
        cursor.executemany(sql, rows)
    finally:
        cursor.close()
