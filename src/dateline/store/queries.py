"""The read-only data API behind the CLI, the REST API and the pages: paged lists with totals, overview
counts, corpus-level groups and entity profiles.

Everything goes through SQLAlchemy Core with bound parameters (``icontains(..., autoescape=True)`` escapes
``%`` and ``_``), never string formatting. Lists use the store's one order (``ARTICLE_ORDER``,
``RECORD_ORDER``); corpus-level groups are read through ``dateline.store.corpus``. The speaker of a statement
(claimant of a claim) is resolved to a canonical entity when linking (``Speaker.entity_id``), so reading
needs no linker.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Concatenate, ParamSpec, TypeVar, cast

import sqlalchemy as sa

from dateline.model import Article, Role, Statement, from_dict
from dateline.store import corpus, fulltext, schema
from dateline.store.corpus import GROUP_KINDS
from dateline.store.db import (
    ARTICLE_ORDER,
    IN_BATCH,
    RECORD_ORDER,
    Store,
    chunks,
    cue_class_in,
    labels_containing,
    resolve_rows,
    select_articles,
    select_records,
    speaker_moves,
    unindexed,
    within_dates,
)

P = ParamSpec("P")
R = TypeVar("R")


def corpus_wide(query: Callable[Concatenate[Store, P], R]) -> Callable[Concatenate[Store, P], R]:
    """A query of a corpus-wide aggregate (counts, top lists, per-month series: a scan of every record on each
    page view of a large corpus), kept by the store until the database changes (``Store.memoised``), keyed by
    the query's name and arguments."""

    @functools.wraps(query)
    def kept(store: Store, *args: P.args, **kwargs: P.kwargs) -> R:
        key = (query.__name__, *args, *sorted(kwargs.items()))
        return cast(R, store.memoised(key, lambda: query(store, *args, **kwargs)))

    return kept


@dataclass(frozen=True)
class Page:
    """One page of results and where it sits."""

    items: list[dict[str, Any]]
    limit: int
    offset: int
    total: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"items": self.items, "limit": self.limit, "offset": self.offset, "total": self.total}


def _count(store: Store, query: sa.Select[Any]) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(query.subquery())).scalar_one())


def articles(store: Store, *, limit: int, offset: int, outlet: str | None = None) -> Page:
    """A page of articles (``ARTICLE_ORDER``), optionally of one outlet."""
    query = select_articles(outlet=outlet)
    total = _count(store, query)
    with store.engine.connect() as conn:
        rows = conn.execute(query.order_by(*ARTICLE_ORDER).limit(limit).offset(offset)).all()
    return Page([json.loads(r[0]) for r in rows], limit, offset, total)


def records(
    store: Store,
    *,
    limit: int,
    offset: int,
    kind: str | None = None,
    article_id: str | None = None,
    label_contains: str | None = None,
    text: str | None = None,
    since: str | None = None,
    until: str | None = None,
    entity_id: str | None = None,
    cue_classes: Collection[str] = (),
) -> Page:
    """A page of records filtered as ``select_records`` filters them, in ``RECORD_ORDER``. ``cue_classes``:
    statements of these cue classes only (``cue_classes_of`` reads them from what a user typed)."""
    named = None
    if entity_id:
        with store.engine.connect() as conn:
            named = store.naming(conn, entity_id)
    filters: dict[str, Any] = {
        "kind": kind,
        "article_id": article_id,
        "label_contains": label_contains,
        "text": text,
        "entity_id": named,
        "cue_classes": cue_classes,
    }
    query = select_records(**filters, since=since, until=until)
    undated = not (since or until)
    if kind and not (article_id or label_contains or text or entity_id or cue_classes):
        # A whole kind's count is the store's count of the kind (``Store.counts``: memoised, and read from the
        # kind indexes alone, where counting this query read every record's row for its article: 377 ms for the
        # 214k statements of the 30k-article database). The same number: a record is written with its article
        # and neither is ever deleted. One with dates is counted each time, so that no caller's choice of dates
        # adds to what the store keeps.
        total = store.counts().get(kind, 0) if undated else _count(store, query)
        items = _records_in_article_order(store, kind=kind, since=since, until=until, limit=limit, offset=offset)
        assert items is not None, "a walk without a bound on the articles it reads ends"
        return Page(items, limit, offset, total)
    # Undated, the records alone are counted (``with_articles``): the 70k claims of a predicate "other" are
    # counted from the label index instead of from each one's row.
    total = _count(store, select_records(**filters, with_articles=False) if undated else query)
    if kind and (label_contains or cue_classes) and not (article_id or text or entity_id):
        # A class most statements have ("speech": 648 of 725 on the 40-report behaviour set) is as dense as a
        # common label, and walked the same way.
        where = sa.and_(
            *([labels_containing(label_contains, kind)] if label_contains else []),
            *([cue_class_in(cue_classes)] if cue_classes else []),
        )
        walked = _walked_if_dense(store, kind, where, since, until, limit, offset, total)
        if walked is not None:
            return Page(walked, limit, offset, total)
    # The page is chosen on the order's columns alone and only its own records are read whole: sorting the
    # matching records with their JSON read the overflow pages of every one (a predicate "other", 70k claims of
    # the 30k-article database: 358 -> 175 ms in the sqlite3 shell).
    ordered = query.with_only_columns(schema.records.c.id, maintain_column_froms=True).order_by(*RECORD_ORDER)
    with store.engine.connect() as conn:
        ids = [str(i) for i in conn.execute(ordered.limit(limit).offset(offset)).scalars()]
        data = _records_by_id(conn, ids)
        items = [json.loads(data[i]) for i in ids]
        resolve_rows(store, conn, items)
    return Page(items, limit, offset, total)


def _walked_if_dense(
    store: Store,
    kind: str,
    where: sa.ColumnElement[bool],
    since: str | None,
    until: str | None,
    limit: int,
    offset: int,
    total: int,
) -> list[dict[str, Any]] | None:
    """The page of a filter (``where``: a label's, a cue class's) that most records of the kind match, walked
    by article as a whole kind's (``_records_in_article_order``); None where sorting the matches costs less.
    The walk reads every record
    of the articles it passes (32 an article on the 30k-article corpus), the sort each matching record: the
    walk is tried where the page should come within fewer reads, spread evenly over the articles ((offset +
    limit) x records < total²), and given up for the sort once it has read as many as the sort would (so a
    filter bunched in late articles costs at most twice the sort). The 70k claims of a predicate "other" (of
    73k): 25 articles read for the first page, where the sort reads 70k claims."""
    counts = store.counts()
    every = sum(n for what, n in counts.items() if what not in ("articles", "failures"))
    if (offset + limit) * every >= total * total:
        return None
    most = total * counts["articles"] // max(every, 1)
    return _records_in_article_order(
        store, kind=kind, since=since, until=until, limit=limit, offset=offset, where=where, most_articles=most
    )


def _records_by_id(conn: sa.Connection, ids: list[str]) -> dict[str, str]:
    """The stored JSON of the records ``ids``, by id (one query per ``IN_BATCH`` ids)."""
    r = schema.records
    found: dict[str, str] = {}
    for batch in chunks(ids):
        found.update((str(i), str(d)) for i, d in conn.execute(sa.select(r.c.id, r.c.data).where(r.c.id.in_(batch))))
    return found


# Articles read by the first step of ``_records_in_article_order``: a page of 50 statements needs a few
# articles' records (about 4 statements and 40 records in a typical AllSides report). Each further step reads
# twice as many, up to the store's bound on an IN list (``IN_BATCH``).
WALK_ARTICLES = 100


def _records_in_article_order(
    store: Store,
    *,
    kind: str,
    since: str | None,
    until: str | None,
    limit: int,
    offset: int,
    where: sa.ColumnElement[bool] | None = None,
    most_articles: int | None = None,
) -> list[dict[str, Any]] | None:
    """The page ``records`` gives for a filter on kind (and dates, and ``where``) alone, read by walking the
    articles in ``ARTICLE_ORDER`` (the published-date index) and their records by the article index,
    ``WALK_ARTICLES`` articles at a time, until the page is full. One query ordering every record of a kind by
    its article's date sorts them all for each page (1.7 s for the 134k statements of the 30k-article corpus);
    the walk reads as many articles as the offset reaches, in steps that grow. None when the page needs more
    than ``most_articles`` articles read."""
    a, r = schema.articles, schema.records
    dated = within_dates(sa.select(a.c.id), since, until).order_by(*ARTICLE_ORDER)
    wanted, skip = limit, offset
    out: list[dict[str, Any]] = []
    read, step = 0, WALK_ARTICLES
    with store.engine.connect() as conn:
        while wanted > 0:
            if most_articles is not None and read >= most_articles:
                return None
            ids = [str(i) for i in conn.execute(dated.limit(step).offset(read)).scalars()]
            if not ids:
                break
            read, step = read + len(ids), min(2 * step, IN_BATCH)
            query = sa.select(r.c.article_id, r.c.start, r.c.id, r.c.data).where(
                unindexed(r.c.kind) == kind, r.c.article_id.in_(ids)
            )
            rows = list(conn.execute(query if where is None else query.where(where)))
            position = {ident: n for n, ident in enumerate(ids)}
            rows.sort(key=lambda row: (position[row[0]], row[1], row[2]))
            if skip >= len(rows):
                skip -= len(rows)
                continue
            taken = rows[skip : skip + wanted]
            skip = 0
            wanted -= len(taken)
            out.extend(json.loads(row[3]) for row in taken)
        resolve_rows(store, conn, out)
    return out


def search(store: Store, q: str, *, limit: int, offset: int) -> dict[str, Any]:
    """Articles whose title or text matches ``q`` (with a snippet), and records whose label does: through the
    full-text index (``dateline.store.fulltext``: the words of ``q`` as a phrase, the last one a prefix), or by
    substring where the index cannot answer."""
    a, r = schema.articles, schema.records
    with store.engine.connect() as conn:
        cond = fulltext.article_match(conn, q)
        if cond is None:
            cond = sa.or_(a.c.text.icontains(q, autoescape=True), a.c.title.icontains(q, autoescape=True))
        label = fulltext.record_match(conn, q)
        if label is None:
            label = r.c.label.icontains(q, autoescape=True)
        total = fulltext.article_count(conn, q)
    # The page is chosen on ids and dates alone; only its own rows are read whole (texts for the snippets).
    matching = sa.select(a.c.id).where(cond)
    if total is None:
        total = _count(store, matching)
    with store.engine.connect() as conn:
        page = list(conn.execute(matching.order_by(*ARTICLE_ORDER).limit(limit).offset(offset)).scalars())
        fields = sa.select(a.c.id, a.c.title, a.c.published, a.c.outlet, a.c.text, a.c.source_path)
        by_id = {row[0]: row for row in conn.execute(fields.where(a.c.id.in_(page)))}
        rows = [by_id[ident] for ident in page]
        recs = conn.execute(sa.select(r.c.data).where(label).order_by(r.c.kind, r.c.label, r.c.id).limit(limit)).all()
        found = [json.loads(x[0]) for x in recs]
        resolve_rows(store, conn, found)
    hits = [
        {
            "id": row[0],
            "title": row[1],
            "published": row[2],
            "outlet": row[3],
            "source_path": row[5],
            "snippet": snippet(row[4], q),
        }
        for row in rows
    ]
    return {"q": q, "articles": Page(hits, limit, offset, total).to_dict(), "records": found}


# Characters of context either side of a search hit in its snippet.
SNIPPET_CONTEXT = 80


def snippet(text: str, q: str) -> str:
    """The text around the first hit of ``q``: the query itself, else (a full-text hit across other
    punctuation or spacing) its first word at the start of a word."""
    at, length = text.casefold().find(q.casefold()), len(q)
    if at < 0 and (words := fulltext.terms(q)):
        hit = re.search(rf"(?<![^\W_]){re.escape(words[0])}", text, re.IGNORECASE)
        at, length = (hit.start(), len(hit.group())) if hit else (-1, 0)
    if at < 0:
        return text[: 2 * SNIPPET_CONTEXT]
    start, end = max(0, at - SNIPPET_CONTEXT), min(len(text), at + length + SNIPPET_CONTEXT)
    return ("..." if start else "") + text[start:end] + ("..." if end < len(text) else "")


# --------------------------------------------------------------------------------------------- overview


@corpus_wide
def top_speakers(store: Store, n: int) -> list[dict[str, Any]]:
    """The ``n`` canonical entities that speak most often (statements by their resolved speaker, most first),
    each a canonical entity group with its ``count``. Speakers the linker did not resolve (a pronoun, an
    unnamed source) are not entities and so are never counted."""
    r = schema.records
    counted = (
        sa.select(r.c.entity_id, sa.func.count().label("n"))
        .where(r.c.kind == "statement", r.c.entity_id.is_not(None))
        .group_by(r.c.entity_id)
    )
    with store.engine.connect() as conn:
        # Statements of articles whose speaker ids a merge pass left unmapped count for the entity now
        # (``speaker_moves``): the column's counts corrected, not a join of every statement (session 31: 0.9-1.9 s).
        moves = speaker_moves(conn)
        if not moves:
            rows = [(str(i), int(c)) for i, c in conn.execute(counted.order_by(sa.desc("n"), r.c.entity_id).limit(n))]
        else:
            rows = _corrected_top(conn, counted, moves, n)
        found = corpus.get_groups(conn, GROUP_KINDS["canonical"], (i for i, _ in rows))
    return [{**_public(found[i]), "count": c} for i, c in rows if i in found]


def _corrected_top(
    conn: sa.Connection, counted: sa.Select[Any], moves: dict[tuple[str, str], int], n: int
) -> list[tuple[str, int]]:
    """The ``n`` entities with the most statements, most first (ties by id), from the column's counts
    ``counted`` (entity id, n) and ``moves`` ((stored id, id now) -> statements to move). Only ids that lose
    statements can fall below an entity that the column ranks ahead of them, so every entity of the true top
    ``n`` that no move touches is among the column's first ``n`` + (ids losing) entities; the moved ids' counts
    are read and corrected whole."""
    r = schema.records
    losing = {stored for stored, _ in moves}
    touched = losing | {now for _, now in moves}
    first = counted.order_by(sa.desc("n"), r.c.entity_id).limit(n + len(losing))
    counts = {str(i): int(c) for i, c in conn.execute(first)}
    for chunk in chunks(sorted(touched - counts.keys())):
        counts.update((str(i), int(c)) for i, c in conn.execute(counted.where(r.c.entity_id.in_(chunk))))
    for (stored, now), moved in moves.items():
        counts[stored] = counts.get(stored, 0) - moved
        counts[now] = counts.get(now, 0) + moved
    return [(i, counts[i]) for i in corpus.ranked({i: c for i, c in counts.items() if c > 0}, n)]


@corpus_wide
def per_month(store: Store, kind: str | None) -> dict[str, int]:
    """Articles (``kind`` None) or records of a kind per publication month."""
    a, r = schema.articles, schema.records
    month = sa.func.substr(a.c.published, 1, 7)
    if kind is None:
        query = sa.select(month, sa.func.count()).where(a.c.published.is_not(None))
    else:
        query = (
            sa.select(month, sa.func.count())
            .select_from(r.join(a, a.c.id == r.c.article_id))
            .where(r.c.kind == kind, a.c.published.is_not(None))
        )
    with store.engine.connect() as conn:
        return {str(m): int(n) for m, n in conn.execute(query.group_by(month).order_by(month))}


@corpus_wide
def undated_articles(store: Store) -> int:
    """Articles without a publication date (the per-month timeline cannot show them)."""
    a = schema.articles
    with store.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).where(a.c.published.is_(None))).scalar_one())


def article_id_by_stem(store: Store, name: str) -> str | None:
    """The one article whose file name without its extension is ``name`` (None when none or several)."""
    a = schema.articles
    query = sa.select(a.c.id, a.c.source_path).where(a.c.source_path.contains(name, autoescape=True)).limit(50)
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    found = {str(i) for i, path in rows if str(path).rsplit("/", 1)[-1].rsplit(".", 1)[0] == name}
    return found.pop() if len(found) == 1 else None


# The corpus-level groups counted on the overview and by ``/api/counts``, in the order they are shown.
COUNTED_GROUPS = ("canonical", "stories", "series", "ledger")


@corpus_wide
def group_counts(store: Store) -> dict[str, int]:
    """Groups of each ``COUNTED_GROUPS`` kind (one GROUP BY query), 0 for a kind with none."""
    t = corpus.link_groups
    kinds = [GROUP_KINDS[what] for what in COUNTED_GROUPS]
    query = sa.select(t.c.kind, sa.func.count()).where(t.c.kind.in_(kinds)).group_by(t.c.kind)
    with store.engine.connect() as conn:
        found = {str(kind): int(n) for kind, n in conn.execute(query)}
    return {what: found.get(GROUP_KINDS[what], 0) for what in COUNTED_GROUPS}


# --------------------------------------------------------------------------------------------- corpus groups


# Groups listed by their first article's date (a reader follows stories in time), the rest by label.
DATED_GROUPS = frozenset({"stories"})


def groups(store: Store, what: str, *, label_contains: str | None, limit: int, offset: int) -> Page:
    """Corpus-level groups (``what`` as in ``GROUP_KINDS``): stories by their first article's publication
    date (undated last), the others in label order."""
    t, m, a = corpus.link_groups, corpus.link_members, schema.articles
    kind = GROUP_KINDS[what]
    query = sa.select(t.c.data).where(t.c.kind == kind)
    members_of = m.c.kind == kind
    if label_contains:
        labelled = t.c.label.icontains(label_contains, autoescape=True)
        query = query.where(labelled)
        # The first dates of the matching groups alone, not of every story (9.8k on the 30k-article database).
        members_of = sa.and_(members_of, m.c.group_id.in_(sa.select(t.c.id).where(t.c.kind == kind, labelled)))
    total = _count(store, query)
    order: list[Any] = [t.c.label, t.c.id]
    if what in DATED_GROUPS:
        first = (
            sa.select(m.c.group_id, sa.func.min(a.c.published).label("first"))
            .select_from(m.join(a, a.c.id == m.c.article_id))
            .where(members_of)
            .group_by(m.c.group_id)
            .subquery()
        )
        query = query.outerjoin(first, first.c.group_id == t.c.id)
        order = [first.c.first.is_(None), first.c.first, t.c.id]
    with store.engine.connect() as conn:
        rows = conn.execute(query.order_by(*order).limit(limit).offset(offset)).all()
    return Page([_public(json.loads(r[0])) for r in rows], limit, offset, total)


def _public(group: dict[str, Any]) -> dict[str, Any]:
    """A group without the linker's internal matching keys (name forms)."""
    return {k: v for k, v in group.items() if k != "forms"}


@corpus_wide
def top_groups(store: Store, what: str, n: int) -> list[dict[str, Any]]:
    """The groups with the most members (for entities: the most mentioned), most first."""
    t = corpus.link_members
    kind = GROUP_KINDS[what]
    query = (
        sa.select(t.c.group_id, sa.func.count().label("n"))
        .where(t.c.kind == kind)
        .group_by(t.c.group_id)
        .order_by(sa.desc("n"), t.c.group_id)
        .limit(n)
    )
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
        groups = corpus.get_groups(conn, kind, (str(r[0]) for r in rows))
    found = [(groups.get(str(r[0])), int(r[1])) for r in rows]
    return [{**_public(g), "count": n} for g, n in found if g]


def group(store: Store, what: str, group_id: str) -> dict[str, Any] | None:
    with store.engine.connect() as conn:
        found = corpus.get_group(conn, GROUP_KINDS[what], group_id)
    return _public(found) if found else None


def groups_by_id(store: Store, what: str, group_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The groups of ``group_ids`` that exist, by id (one query per ``IN_BATCH`` ids)."""
    with store.engine.connect() as conn:
        found = corpus.get_groups(conn, GROUP_KINDS[what], group_ids)
    return {ident: _public(g) for ident, g in found.items()}


def members(store: Store, what: str, group_id: str) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return corpus.members(conn, GROUP_KINDS[what], group_id)


def article_groups(store: Store, what: str, article_id: str) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        ids = corpus.article_groups(conn, GROUP_KINDS[what], article_id)
        groups = corpus.get_groups(conn, GROUP_KINDS[what], ids)
    return [_public(groups[i]) for i in ids if i in groups]


def articles_by_id(store: Store, ids: list[str]) -> list[Article]:
    t = schema.articles
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(t.c.data).where(t.c.id.in_(ids)).order_by(*ARTICLE_ORDER)).all()
    return [from_dict(Article, json.loads(r[0])) for r in rows]


# Entities and figures listed on a story page (those shared by most of its articles first).
MAX_SHARED = 20


def shared_by_articles(store: Store, article_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The canonical entities and ledger figures that two or more of ``article_ids`` share, with how many
    articles each is in (most first): what a story's reports have in common (all of it for one report)."""
    t = corpus.link_members
    out: dict[str, list[dict[str, Any]]] = {}
    # A story of one report shares everything it names.
    least = min(2, len(article_ids))
    for what in ("canonical", "ledger"):
        seen: dict[str, set[str]] = {}
        with store.engine.connect() as conn:
            for batch in chunks(article_ids):
                query = sa.select(t.c.group_id, t.c.article_id).where(
                    t.c.kind == GROUP_KINDS[what], t.c.article_id.in_(batch)
                )
                for group_id, article_id in conn.execute(query):
                    seen.setdefault(str(group_id), set()).add(str(article_id))
            many = sorted(((len(v), k) for k, v in seen.items() if len(v) >= least), key=lambda nk: (-nk[0], nk[1]))
            top = many[:MAX_SHARED]
            found = corpus.get_groups(conn, GROUP_KINDS[what], (k for _, k in top))
        out["shared_" + ("entities" if what == "canonical" else "figures")] = [
            {**_public(found[k]), "articles": n} for n, k in top if k in found
        ]
    return out


def all_groups(
    store: Store, what: str, *, label_contains: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Corpus-level groups of ``what`` (as in ``GROUP_KINDS``) in id order, as the linker stored them."""
    return list(corpus.iter_groups(store, GROUP_KINDS[what], label_contains=label_contains, limit=limit))


# Articles read for one entity's page (its statements and co-occurrences): the most recent ones.
MAX_PROFILE_ARTICLES = 200


@dataclass(frozen=True)
class ArticleRef:
    """The columns of an article that a list of links needs: no text, no JSON to parse."""

    id: str
    published: str | None
    title: str | None
    source_path: str


def _entity_articles(store: Store, entity_id: str) -> list[ArticleRef]:
    """The articles naming a canonical entity, oldest first. One query: the ids come from a subquery on
    link_members, not as bound parameters, so no IN list grows with the entity."""
    a, m = schema.articles, corpus.link_members
    named = sa.select(m.c.article_id).where(m.c.kind == GROUP_KINDS["canonical"], m.c.group_id == entity_id)
    query = (
        sa.select(a.c.id, a.c.published, a.c.title, a.c.source_path)
        .where(a.c.id.in_(named))
        .order_by(a.c.published, a.c.id)
    )
    with store.engine.connect() as conn:
        return [ArticleRef(*row) for row in conn.execute(query)]


def office_over_time(entry: Mapping[str, Any]) -> str:
    """One office a canonical entity held, as the linker dated it (its ``roles_over_time``), in words:
    "President of Russia — 2016-12-30 … 2018-02-11 (3 articles)"."""
    office = Role(entry["title"], entry.get("of"), entry.get("to")).describe()
    first, last = (entry.get("first_seen") or "")[:10], (entry.get("last_seen") or "")[:10]
    when = first if first == last else f"{first} … {last}"
    count = int(entry.get("count", len(entry.get("articles", []))))
    articles = f"({count} article{'' if count == 1 else 's'})"
    return f"{office} — {when} {articles}" if when else f"{office} {articles}"


def offices_over_time(store: Store, entity_ids: Iterable[str]) -> dict[str, tuple[str, list[str]]]:
    """The name and offices over time of each canonical entity of ``entity_ids`` that holds an office."""
    found = groups_by_id(store, "canonical", entity_ids)
    return {
        ident: (str(g["name"]), [office_over_time(r) for r in g["roles_over_time"]])
        for ident, g in sorted(found.items())
        if g.get("roles_over_time")
    }


def entity_profile(store: Store, entity_id: str) -> dict[str, Any] | None:
    """A canonical entity with its mentions, statements (by date), co-occurring entities and series."""
    found = entity_profile_and_articles(store, entity_id)
    return found[0] if found else None


def _said_order(item: dict[str, Any]) -> tuple[Any, ...]:
    """An entity profile's statements by date, article and first span, ties in the order the article's records
    are stored (``sorted_records``: position, end, id), which is the order SQLite returned them in for a single
    id, the only case before merge passes left ids unmapped; with rows holding two ids (or on PostgreSQL, which
    returns rows in no set order) the order of the query's rows decided ties (two statements of one speaker span)."""
    spans = item["spans"]
    start, end = min(s["start"] for s in spans), max(s["end"] for s in spans)
    return (item["article_published"] or "", item["article_id"], spans[0]["start"], start, end, item["id"])


def entity_profile_and_articles(store: Store, entity_id: str) -> tuple[dict[str, Any], list[ArticleRef]] | None:
    """``entity_profile`` and the articles it lists (oldest first), read once for both the API and the page."""
    found = group(store, "canonical", entity_id)
    if found is None:
        return None
    mentions = members(store, "canonical", entity_id)
    dated = _entity_articles(store, entity_id)
    # The most recent articles only: bounds the work for an entity named in thousands of reports.
    recent = dated[-MAX_PROFILE_ARTICLES:]
    article_ids = sorted(a.id for a in recent)
    dates = {a.id: a.published for a in dated}
    kept = set(article_ids)
    # Statements whose speaker resolved to the entity (the indexed column, as it names entities now), in the
    # articles kept.
    with store.engine.connect() as conn:
        rows = conn.execute(select_records(kind=Statement.kind, entity_id=store.naming(conn, entity_id))).all()
        said = [data for data in (json.loads(r[0]) for r in rows) if data["article_id"] in kept]
        resolve_rows(store, conn, said)
    for item in said:
        item["article_published"] = dates.get(item["article_id"])
    said.sort(key=_said_order)
    profile = {
        "entity": found,
        "offices": [office_over_time(r) for r in found.get("roles_over_time", [])],
        "mentions": mentions,
        "articles": article_ids,
        "articles_total": len(dated),
        "statements": said,
        "cooccurring": cooccurring(store, entity_id, article_ids),
        "series": _series_of(store, article_ids, entity_id),
    }
    return profile, recent


# Most co-occurring entities kept for an entity's network (a readable graph, not a hairball).
MAX_NEIGHBOURS = 25


def cooccurring(store: Store, entity_id: str, article_ids: list[str]) -> list[dict[str, Any]]:
    """Canonical entities named in the same articles, with how many articles they share."""
    t = corpus.link_members
    shared: Counter[str] = Counter()
    with store.engine.connect() as conn:
        for batch in chunks(article_ids):
            # Pairs made distinct here, not by DISTINCT, which turns SQLite's plan to a scan of every member
            # (see the note above ``corpus.members``).
            rows = conn.execute(
                sa.select(t.c.group_id, t.c.article_id).where(
                    t.c.kind == GROUP_KINDS["canonical"], t.c.article_id.in_(batch)
                )
            ).all()
            shared.update(str(group) for group, _article in {(r[0], r[1]) for r in rows} if group != entity_id)
        top = sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_NEIGHBOURS]
        groups = corpus.get_groups(conn, GROUP_KINDS["canonical"], (other for other, _ in top))
    return [
        {"id": other, "name": groups[other]["name"], "type": groups[other]["type"], "articles": n}
        for other, n in top
        if other in groups
    ]


def _series_of(store: Store, article_ids: list[str], entity_id: str) -> list[dict[str, Any]]:
    """The series any of the articles belongs to (one query per ``IN_BATCH`` articles)."""
    t, m = corpus.link_groups, corpus.link_members
    kind = GROUP_KINDS["series"]
    seen: dict[str, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for batch in chunks(article_ids):
            ids = sa.select(m.c.group_id).where(m.c.kind == kind, m.c.article_id.in_(batch))
            for row in conn.execute(sa.select(t.c.data).where(t.c.kind == kind, t.c.id.in_(ids))):
                found = _public(json.loads(row[0]))
                seen.setdefault(found["id"], found)
    # A series the entity is one of the shared organisers/speakers/places of comes first.
    return sorted(seen.values(), key=lambda g: (entity_id not in g.get("entities", []), g.get("label", ""), g["id"]))
