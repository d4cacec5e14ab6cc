"""Reader corrections: stored beside machine output, never over it, and exported as gold-format YAML.

A reader can mark a record ``wrong``, confirm it ``correct``, or give the right ``speaker`` of a statement
(or claimant of a claim). The machine record is never changed: a correction is its own row naming the record,
so the UI can show both and a re-run of the pipeline loses nothing. ``export_gold`` writes, for each corrected
article, the machine output with the corrections applied in the gold format of ``../shared/gold/GOLD-FORMAT.md``,
so that reviewed articles feed ``dateline eval`` like hand-written gold.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePath
from typing import Any

import sqlalchemy as sa
import yaml

from dateline.errors import Errors, StoreError
from dateline.model import (
    Analysis,
    Article,
    Claim,
    Entity,
    Event,
    Place,
    Record,
    Statement,
    TimeExpr,
    content_id,
    record_from_dict,
)
from dateline.store import schema
from dateline.store.db import Store, resolve_rows
from dateline.store.schema import corrections

ACTIONS = ("wrong", "correct", "speaker")
# Longest correction value / note accepted: a speaker name or a short remark, not a document.
MAX_VALUE = 200
MAX_NOTE = 1000


@dataclass(frozen=True)
class Correction:
    """One reader's verdict on one record."""

    record_id: str
    article_id: str
    kind: str
    action: str
    value: str | None = None
    note: str | None = None
    created: str = ""
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "record_id": self.record_id,
            "article_id": self.article_id,
            "kind": self.kind,
            "action": self.action,
            "value": self.value,
            "note": self.note,
            "created": self.created,
        }


def record(store: Store, record_id: str) -> Record | None:
    """One stored record by id."""
    t = schema.records
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(t.c.data).where(t.c.id == record_id)).first()
        if row is None:
            return None
        data = json.loads(row[0])
        resolve_rows(store, conn, [data])
    return record_from_dict(data)


def _check(target: Record, action: str, value: str | None, note: str | None) -> str | None:
    if action not in ACTIONS:
        raise StoreError(Errors.E310, action=action, choices=", ".join(ACTIONS))
    if action == "speaker":
        if not isinstance(target, (Statement, Claim)):
            raise StoreError(Errors.E311, kind=target.kind)
        value = (value or "").strip()
        if not value:
            raise StoreError(Errors.E312)
    else:
        value = None
    if value is not None and len(value) > MAX_VALUE:
        raise StoreError(Errors.E313, limit=MAX_VALUE)
    if note is not None and len(note) > MAX_NOTE:
        raise StoreError(Errors.E313_NOTE, limit=MAX_NOTE)
    return value


def add(store: Store, record_id: str, action: str, *, value: str | None = None, note: str | None = None) -> Correction:
    """Store a correction of ``record_id``. The same verdict twice is stored once (its id comes from content)."""
    target = record(store, record_id)
    if target is None:
        raise StoreError(Errors.E314, record_id=record_id)
    value = _check(target, action, value, note)
    ident = content_id("correction", record_id, action, value)
    found = Correction(
        record_id=record_id,
        article_id=target.article_id,
        kind=target.kind,
        action=action,
        value=value,
        note=note or None,
        created=datetime.now(UTC).isoformat(timespec="seconds"),
        id=ident,
    )
    with store.engine.begin() as conn:
        if not Store._exists(conn, corrections, ident):
            conn.execute(corrections.insert().values(**found.to_dict()))
    return found


def remove(store: Store, correction_id: str) -> bool:
    """Withdraw a correction. False when there was none with that id."""
    with store.engine.begin() as conn:
        result = conn.execute(sa.delete(corrections).where(corrections.c.id == correction_id))
    return bool(result.rowcount)


def listed(
    store: Store, *, article_id: str | None = None, record_id: str | None = None, limit: int = 1000, offset: int = 0
) -> list[Correction]:
    """Corrections, oldest first, optionally of one article or one record."""
    query = sa.select(corrections)
    if article_id is not None:
        query = query.where(corrections.c.article_id == article_id)
    if record_id is not None:
        query = query.where(corrections.c.record_id == record_id)
    query = query.order_by(corrections.c.created, corrections.c.id).limit(limit).offset(offset)
    with store.engine.connect() as conn:
        return [Correction(**dict(row._mapping)) for row in conn.execute(query)]


def corrected_articles(store: Store) -> list[str]:
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(corrections.c.article_id).distinct().order_by(corrections.c.article_id)).all()
    return [str(r[0]) for r in rows]


# --------------------------------------------------------------------------------------------- gold export


def _speaker_name(rec: Statement | Claim, fixes: dict[str, str]) -> str:
    if rec.id in fixes:
        return fixes[rec.id]
    return rec.speaker.name if isinstance(rec, Statement) else rec.claimant.name


def _entity_gold(e: Entity) -> dict[str, Any]:
    out: dict[str, Any] = {"name": e.name, "type": e.type}
    if e.aliases:
        out["aliases"] = list(e.aliases)
    if e.roles:
        out["roles"] = [{k: v for k, v in (("title", r.title), ("of", r.of), ("to", r.to)) if v} for r in e.roles]
    return out


def _statement_gold(s: Statement, fixes: dict[str, str]) -> dict[str, Any]:
    # A joint statement's gold speaker is the list of its speakers (GOLD-FORMAT.md), unless a reader corrected it.
    joint = s.id not in fixes and len(s.speakers) > 1
    out: dict[str, Any] = {
        "speaker": [sp.name for sp in s.speakers] if joint else _speaker_name(s, fixes),
        "cue": s.cue,
        "kind": s.statement_kind,
        "content": s.content,
    }
    if s.via:
        out["via"] = s.via[0]
    return out


def _event_gold(e: Event) -> dict[str, Any]:
    out: dict[str, Any] = {"trigger": e.trigger, "type": e.type, "actors": [a.entity or a.text for a in e.actors]}
    if e.targets:
        out["targets"] = [a.entity or a.text for a in e.targets]
    if e.negated:
        out["negated"] = True
    if e.attributed_speaker:
        out["attributed_to"] = e.attributed_speaker
    return out


def _claim_gold(c: Claim, fixes: dict[str, str]) -> dict[str, Any]:
    value: float | int = int(c.value) if c.value.is_integer() else c.value
    out: dict[str, Any] = {
        "value": value,
        "unit": c.unit,
        "predicate": c.predicate,
        "claimant": _speaker_name(c, fixes),
    }
    if c.approx:
        out["approx"] = True
    if c.text:
        out["text"] = c.text
    return out


def _time_gold(t: TimeExpr) -> dict[str, Any]:
    out: dict[str, Any] = {"text": t.text, "value": t.value}
    if t.anniversary_of:
        out["anniversary_of"] = t.anniversary_of
    return out


def _place_gold(p: Place) -> dict[str, Any]:
    out: dict[str, Any] = {"text": p.text, "name": p.name, "country": p.country}
    if p.geonames_id is not None:
        out["geonames"] = p.geonames_id
    return out


def _meta(article: Article) -> dict[str, Any]:
    dateline = None
    if article.dateline is not None:
        dateline = {"place": article.dateline.place, "country": article.dateline.country, "date": article.dateline.date}
    return {
        "published": article.published,
        "updated": article.updated,
        "outlet": article.outlet,
        "dateline": dateline,
        "source": article.source,
        "title": article.title,
    }


def gold_of(analysis: Analysis, fixes: Sequence[Correction]) -> dict[str, Any]:
    """An article's machine output with the reader's corrections applied, in gold format (v1)."""
    wrong = {c.record_id for c in fixes if c.action == "wrong"}
    speakers = {c.record_id: c.value for c in fixes if c.action == "speaker" and c.value}
    kept = [r for r in analysis.records if r.id not in wrong]
    return {
        "article": PurePath(analysis.article.source_path).name,
        "meta": _meta(analysis.article),
        "entities": [_entity_gold(r) for r in kept if isinstance(r, Entity)],
        "statements": [_statement_gold(r, speakers) for r in kept if isinstance(r, Statement)],
        "events": [_event_gold(r) for r in kept if isinstance(r, Event)],
        "claims": [_claim_gold(r, speakers) for r in kept if isinstance(r, Claim)],
        "times": [_time_gold(r) for r in kept if isinstance(r, TimeExpr)],
        "places": [_place_gold(r) for r in kept if isinstance(r, Place)],
    }


def gold_yaml(store: Store, article_id: str) -> str | None:
    """The gold-format YAML of one article as reviewed; None when the article is not stored."""
    analysis = store.analysis(article_id)
    return None if analysis is None else _gold_text(store, analysis)


def _gold_text(store: Store, analysis: Analysis) -> str:
    gold = gold_of(analysis, listed(store, article_id=analysis.article.id))
    header = "# Reviewed with dateline serve: machine output with reader corrections applied (GOLD-FORMAT.md v1)\n"
    return header + yaml.safe_dump(gold, sort_keys=False, allow_unicode=True, width=1000)


def export_gold(store: Store, out_dir: Path) -> list[Path]:
    """Write ``<article stem>.gold.yaml`` for every article with at least one correction."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for article_id in corrected_articles(store):
        analysis = store.analysis(article_id)
        if analysis is None:
            continue
        path = out_dir / (PurePath(analysis.article.source_path).stem + ".gold.yaml")
        path.write_text(_gold_text(store, analysis), encoding="utf-8")
        written.append(path)
    return written
