"""Exports: JSONL (one record per line, export shape), CSV (one file per kind) and Parquet (one per kind)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dateline.errors import ConfigError, Errors
from dateline.store.db import Store

FORMATS = ("jsonl", "csv", "parquet")


def _rows(store: Store) -> Iterator[dict[str, Any]]:
    for analysis in store.iter_analyses():
        yield analysis.article.to_dict()
        # Exports list an article's records by offset then id (``Store.records``' order), as they always have.
        for record in sorted(analysis.records, key=lambda r: (r.start, r.id)):
            yield record.to_dict()
    for failure in store.failures():
        yield failure.to_dict()


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    return {
        k: json.dumps(v, ensure_ascii=False, sort_keys=True) if isinstance(v, (dict, list)) else v
        for k, v in row.items()
    }


def export(store: Store, out: Path, *, fmt: str) -> dict[str, int]:
    """Write everything in ``store`` under ``out`` (a file for jsonl, a folder for csv/parquet)."""
    if fmt not in FORMATS:
        raise ConfigError(Errors.E020, fmt=fmt, choices=", ".join(FORMATS))
    counts: dict[str, int] = {}
    if fmt == "jsonl":
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as fh:
            for row in _rows(store):
                fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
                counts[row["kind"]] = counts.get(row["kind"], 0) + 1
        return counts
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for row in _rows(store):
        by_kind.setdefault(row["kind"], []).append(_flat(row))
    out.mkdir(parents=True, exist_ok=True)
    for kind, rows in sorted(by_kind.items()):
        columns = sorted({k for r in rows for k in r})
        counts[kind] = len(rows)
        if fmt == "csv":
            with (out / f"{kind}.csv").open("w", encoding="utf-8", newline="") as fh:
                writer = csv.DictWriter(fh, fieldnames=columns)
                writer.writeheader()
                writer.writerows(rows)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.Table.from_pylist([{c: _as_text(r.get(c)) for c in columns} for r in rows])
            pq.write_table(table, out / f"{kind}.parquet")
    return counts


def _as_text(value: Any) -> Any:
    # Parquet columns need one type each; numbers and booleans stay typed only where all rows agree,
    # so everything that is not already a string is written as its JSON text.
    return value if value is None or isinstance(value, str) else json.dumps(value)
