"""Terminal rendering of analyses and record tables (used by ``dateline show`` and ``dateline query``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

from dateline.model import Analysis, Claim, Entity, Event, Place, Record, Statement, TimeExpr

# Wide enough to read a statement's content in a terminal, short enough to keep a table on screen.
CONTENT_WIDTH = 90


def _short(text: str | None, width: int = CONTENT_WIDTH) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _roles(entity: Entity) -> str:
    return "; ".join(role.describe() for role in entity.roles)


def plural(kind: str) -> str:
    """ "entity" -> "entities", "claim" -> "claims" (table titles)."""
    return kind[:-1] + "ies" if kind.endswith("y") else kind + "s"


def record_rows(kind: str, records: Sequence[Record]) -> tuple[list[str], list[list[str]]]:
    """Column names and string rows for a table of records of one kind."""
    rows: list[list[str]] = []
    if kind == "entity":
        for r in records:
            assert isinstance(r, Entity)
            rows.append([r.name, r.type, ", ".join(r.aliases), _roles(r), str(len(r.spans))])
        return ["name", "type", "aliases", "roles", "mentions"], rows
    if kind == "statement":
        for r in records:
            assert isinstance(r, Statement)
            speakers = " & ".join(s.name for s in r.speakers) if r.speakers else r.speaker.name
            via = " <- ".join(r.via)
            rows.append([speakers, r.cue, r.statement_kind, _short(r.content), via])
        return ["speaker", "cue", "kind", "content", "via"], rows
    if kind == "claim":
        for r in records:
            assert isinstance(r, Claim)
            value = f"{r.value:g}" + (f"-{r.value_max:g}" if r.value_max else "") + (" ~" if r.approx else "")
            rows.append([value, r.unit, r.predicate, r.claimant.name, r.part_of or "", _short(r.text, 60)])
        return ["value", "unit", "predicate", "according to", "part of", "text"], rows
    if kind == "event":
        for r in records:
            assert isinstance(r, Event)
            actors = ", ".join(a.entity or a.text for a in r.actors)
            targets = ", ".join(a.entity or a.text for a in r.targets)
            trigger = ("not " if r.negated else "") + r.trigger
            rows.append(
                [trigger, r.type or "", actors, targets, r.place or "", r.date or "", r.attributed_speaker or ""]
            )
        return ["trigger", "type", "actors", "targets", "place", "date", "according to"], rows
    if kind == "time":
        for r in records:
            assert isinstance(r, TimeExpr)
            rows.append([r.text, r.value, r.time_kind, r.anniversary_of or ""])
        return ["text", "value", "kind", "anniversary of"], rows
    if kind == "place":
        for r in records:
            assert isinstance(r, Place)
            coords = f"{r.lat:.3f}, {r.lon:.3f}" if r.lat is not None and r.lon is not None else ""
            rows.append([r.text, r.name, r.country or "", str(r.geonames_id or ""), coords])
        return ["text", "name", "country", "geonames", "lat, lon"], rows
    for r in records:
        rows.append([r.kind, r.label(), _short(r.spans[0].text)])
    return ["kind", "label", "text"], rows


def _article_table(analysis: Analysis) -> Table:
    a = analysis.article
    table = Table(show_header=False, title=f"article {a.id}")
    fields: list[tuple[str, Any]] = [
        ("source", a.source_path),
        ("outlet", a.outlet),
        ("published", a.published),
        ("updated", a.updated),
        ("title", a.title),
        ("dateline", a.dateline and f"{a.dateline.place}, {a.dateline.country}, {a.dateline.date}"),
        ("according to", a.source),
        ("url", a.url),
    ]
    for name, value in fields:
        if value not in (None, "", False):
            table.add_row(name, str(value))
    return table


def record_table(kind: str, records: Sequence[Record]) -> Table:
    """A titled table of records of one kind."""
    columns, rows = record_rows(kind, records)
    table = Table(*columns, title=f"{plural(kind)} ({len(rows)})")
    for row in rows:
        table.add_row(*row)
    return table


def render_analysis(analysis: Analysis, console: Console) -> None:
    """Print an article's metadata and its records, a table per kind."""
    console.print(_article_table(analysis))
    for kind in ("entity", "statement", "event", "claim", "time", "place"):
        records = analysis.of_kind(kind)
        if not records:
            continue
        console.print(record_table(kind, records))
