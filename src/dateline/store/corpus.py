"""Corpus-level tables (canonical entities, duplicates, stories, series, claim ledger, repeated statements).

Every corpus-level record kind shares four tables, so a new kind of link needs no migration:
- ``link_groups``: one row per group (a canonical entity, a story, a series, a claim group, ...) with its
  export JSON in ``data``;
- ``link_members``: what belongs to a group (entity records, articles, claims, statements), at most one group
  per member and kind;
- ``link_keys``: blocking keys (LSH bands, name keys, figure keys) -> item, so that linking one new article
  looks up its candidates by index instead of comparing it with every stored article (DESIGN.md, principle 5);
- ``link_features``: per-item features kept for verifying candidates (MinHash signatures, story features).
All helpers take an open SQLAlchemy ``Connection`` so that one article's linking is one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dateline.store.db import Store

metadata = sa.MetaData()

link_groups = sa.Table(
    "link_groups",
    metadata,
    sa.Column("kind", sa.String(16), primary_key=True),
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("label", sa.Text),
    sa.Column("data", sa.Text, nullable=False),
)

link_members = sa.Table(
    "link_members",
    metadata,
    sa.Column("kind", sa.String(16), primary_key=True),
    sa.Column("member_id", sa.String(40), primary_key=True),
    sa.Column("group_id", sa.String(40), nullable=False),
    sa.Column("article_id", sa.String(32), nullable=False),
    sa.Column("data", sa.Text, nullable=False),
    sa.Index("ix_link_members_group", "kind", "group_id"),
    sa.Index("ix_link_members_article", "kind", "article_id"),
)

link_keys = sa.Table(
    "link_keys",
    metadata,
    sa.Column("kind", sa.String(16), primary_key=True),
    sa.Column("key", sa.String(120), primary_key=True),
    sa.Column("item_id", sa.String(40), primary_key=True),
)

link_features = sa.Table(
    "link_features",
    metadata,
    sa.Column("kind", sa.String(16), primary_key=True),
    sa.Column("item_id", sa.String(40), primary_key=True),
    sa.Column("article_id", sa.String(32), nullable=False),
    sa.Column("data", sa.Text, nullable=False),
    sa.Index("ix_link_features_article", "kind", "article_id"),
)

TABLES = (link_groups, link_members, link_keys, link_features)


def dumps(data: Any) -> str:
    """Canonical JSON (sorted keys, no spaces), so stored rows are byte-identical run to run."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# ---------------------------------------------------------------------------------------------- groups


def put_group(conn: Connection, kind: str, group_id: str, data: dict[str, Any], *, label: str | None = None) -> None:
    """Insert or replace a group."""
    conn.execute(sa.delete(link_groups).where(link_groups.c.kind == kind, link_groups.c.id == group_id))
    conn.execute(link_groups.insert().values(kind=kind, id=group_id, label=label, data=dumps(data)))


def get_group(conn: Connection, kind: str, group_id: str) -> dict[str, Any] | None:
    row = conn.execute(
        sa.select(link_groups.c.data).where(link_groups.c.kind == kind, link_groups.c.id == group_id)
    ).first()
    return json.loads(row[0]) if row else None


def delete_group(conn: Connection, kind: str, group_id: str) -> None:
    conn.execute(sa.delete(link_groups).where(link_groups.c.kind == kind, link_groups.c.id == group_id))


def iter_groups(
    store: Store, kind: str, *, label_contains: str | None = None, limit: int | None = None, chunk: int = 500
) -> Iterator[dict[str, Any]]:
    """Groups of a kind in id order, read a chunk at a time (bounded memory on large stores)."""
    last, seen = "", 0
    while limit is None or seen < limit:
        query = sa.select(link_groups.c.id, link_groups.c.data).where(link_groups.c.kind == kind, link_groups.c.id > last)
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


# ---------------------------------------------------------------------------------------------- members


def add_member(
    conn: Connection, kind: str, group_id: str, member_id: str, article_id: str, data: dict[str, Any] | None = None
) -> None:
    """Put ``member_id`` in ``group_id`` (replacing any earlier group it had for this kind)."""
    conn.execute(sa.delete(link_members).where(link_members.c.kind == kind, link_members.c.member_id == member_id))
    conn.execute(
        link_members.insert().values(
            kind=kind, member_id=member_id, group_id=group_id, article_id=article_id, data=dumps(data or {})
        )
    )


def group_of(conn: Connection, kind: str, member_id: str) -> str | None:
    row = conn.execute(
        sa.select(link_members.c.group_id).where(link_members.c.kind == kind, link_members.c.member_id == member_id)
    ).first()
    return str(row[0]) if row else None


def members(conn: Connection, kind: str, group_id: str) -> list[dict[str, Any]]:
    """A group's members: ``{member_id, article_id, **data}``, in member id order."""
    rows = conn.execute(
        sa.select(link_members.c.member_id, link_members.c.article_id, link_members.c.data)
        .where(link_members.c.kind == kind, link_members.c.group_id == group_id)
        .order_by(link_members.c.member_id)
    ).all()
    return [{"member_id": r[0], "article_id": r[1], **json.loads(r[2])} for r in rows]


def move_members(conn: Connection, kind: str, old: str, new: str) -> None:
    """Merge group ``old`` into ``new``."""
    conn.execute(
        sa.update(link_members).where(link_members.c.kind == kind, link_members.c.group_id == old).values(group_id=new)
    )


def article_groups(conn: Connection, kind: str, article_id: str) -> list[str]:
    rows = conn.execute(
        sa.select(link_members.c.group_id)
        .where(link_members.c.kind == kind, link_members.c.article_id == article_id)
        .distinct()
        .order_by(link_members.c.group_id)
    ).all()
    return [str(r[0]) for r in rows]


# ---------------------------------------------------------------------------------------------- keys


def add_keys(conn: Connection, kind: str, keys: Iterable[str], item_id: str) -> None:
    rows = [{"kind": kind, "key": k[:120], "item_id": item_id} for k in sorted(set(keys))]
    existing = {
        r[0]
        for r in conn.execute(
            sa.select(link_keys.c.key).where(
                link_keys.c.kind == kind, link_keys.c.item_id == item_id, link_keys.c.key.in_([r["key"] for r in rows])
            )
        )
    } if rows else set()
    fresh = [r for r in rows if r["key"] not in existing]
    if fresh:
        conn.execute(link_keys.insert(), fresh)


def candidates(conn: Connection, kind: str, keys: Iterable[str], *, cap: int) -> dict[str, int]:
    """Items sharing a blocking key with ``keys``, with how many keys they share.

    A key held by more than ``cap`` items is skipped (a stop-key such as a very common surname or word):
    that bounds the work per new item whatever the corpus size, which is what keeps linking sub-quadratic.
    """
    found: dict[str, int] = {}
    for key in sorted(set(keys)):
        rows = conn.execute(
            sa.select(link_keys.c.item_id)
            .where(link_keys.c.kind == kind, link_keys.c.key == key[:120])
            .order_by(link_keys.c.item_id)
            .limit(cap + 1)
        ).all()
        if len(rows) > cap:
            continue
        for row in rows:
            found[row[0]] = found.get(row[0], 0) + 1
    return found


# ---------------------------------------------------------------------------------------------- features


def put_features(conn: Connection, kind: str, item_id: str, article_id: str, data: dict[str, Any]) -> None:
    conn.execute(sa.delete(link_features).where(link_features.c.kind == kind, link_features.c.item_id == item_id))
    conn.execute(link_features.insert().values(kind=kind, item_id=item_id, article_id=article_id, data=dumps(data)))


def get_features(conn: Connection, kind: str, item_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    ids = sorted(set(item_ids))
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        rows = conn.execute(
            sa.select(link_features.c.item_id, link_features.c.data).where(
                link_features.c.kind == kind, link_features.c.item_id.in_(ids[start : start + 500])
            )
        ).all()
        out.update({r[0]: json.loads(r[1]) for r in rows})
    return out


def has_features(conn: Connection, kind: str, item_id: str) -> bool:
    query = sa.select(link_features.c.item_id).where(link_features.c.kind == kind, link_features.c.item_id == item_id)
    return conn.execute(query).first() is not None


def clear(store: Store) -> None:
    """Forget every corpus-level link (before a full re-link)."""
    with store.engine.begin() as conn:
        for table in TABLES:
            conn.execute(sa.delete(table))
