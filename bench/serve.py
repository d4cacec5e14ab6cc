"""Page and API response times of ``dateline serve`` over a database (build one from a corpus slice first).

    dateline run ../shared/samples <slice files...> --db /tmp/slice.db
    python bench/serve.py --db /tmp/slice.db --repeat 20 [--json]

Each route is requested ``--repeat`` times in-process through FastAPI's TestClient (the app's own time:
routing, queries, templates and JSON, without network or browser rendering); it prints the median and
95th-percentile milliseconds per route, over a copy of the database (corrections are written to the copy).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

warnings.filterwarnings("ignore", category=DeprecationWarning)

from fastapi.testclient import TestClient  # noqa: E402  (after the warning filter: starlette warns on import)

from dateline.serve.app import create_app  # noqa: E402
from dateline.store import Store  # noqa: E402

TOKEN = "bench-token"


def routes(client: TestClient) -> list[tuple[str, str]]:
    """The routes measured, with real ids from the database (first article, entity, story, series)."""

    def first(path: str) -> str | None:
        items = client.get(path, params={"limit": 1}).json()["items"]
        return str(items[0]["id"]) if items else None

    article, entity = first("/api/articles"), first("/api/entities")
    story, series = first("/api/stories"), first("/api/series")
    busiest = max(client.get("/api/articles", params={"limit": 500}).json()["items"], key=lambda a: len(a["text"]))
    out = [
        ("page", "/"),
        ("page", "/articles"),
        ("page", "/entities"),
        ("page", "/ledger"),
        ("page", "/search?q=minister"),
        ("page", f"/articles/{busiest['id']}"),
        ("api", "/api/counts"),
        ("api", "/api/articles?limit=50"),
        ("api", "/api/statements?limit=50"),
        ("api", "/api/statements?speaker=minister"),
        ("api", "/api/search?q=minister"),
        ("api", "/api/ledger"),
        ("api", "/api/entities?limit=50"),
        # Every text filter (a substring of labels): one common and one rare word of each list that has one.
        ("page", "/statements?speaker=minister"),
        ("page", "/entities?name=minister"),
        ("api", "/api/statements?speaker=trump"),
        ("api", "/api/statements?speaker=minister&since=2018-01-01&until=2018-12-31"),
        ("api", "/api/statements?speaker=minister&offset=200"),
        ("api", "/api/claims?predicate=killed"),
        ("api", "/api/claims?predicate=other"),
        ("api", "/api/records?label=minister"),
        ("api", "/api/entities?name=minister"),
        ("api", "/api/stories?label=minister"),
        ("api", "/api/ledger?predicate=killed"),
    ]
    out += [("page", f"/articles/{article}"), ("api", f"/api/articles/{article}/records")] if article else []
    out += [("page", f"/entities/{entity}"), ("api", f"/api/entities/{entity}")] if entity else []
    out += [("page", f"/stories/{story}")] if story else []
    out += [("page", f"/series/{series}")] if series else []
    return out


def measure(client: TestClient, path: str, repeat: int) -> dict[str, Any]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}")
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return {"median_ms": round(statistics.median(times), 1), "p95_ms": round(p95, 1), "bytes": len(response.content)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", required=True, help="SQLite database built by `dateline run`")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "bench.db"
        shutil.copy(args.db, copy)
        for suffix in ("-wal", "-shm"):
            if Path(args.db + suffix).exists():
                shutil.copy(args.db + suffix, str(copy) + suffix)
        store = Store(str(copy))
        client = TestClient(create_app(store, token=TOKEN))
        client.get("/")  # warm-up: templates compiled, first connection opened
        report = {
            "counts": store.counts(),
            "repeat": args.repeat,
            "routes": {path: {"kind": kind, **measure(client, path, args.repeat)} for kind, path in routes(client)},
        }
    if args.json:
        print(json.dumps(report, indent=2, sort_keys=True))
        return
    print(f"database: {report['counts']}")
    print(f"{'route':60} {'median ms':>10} {'p95 ms':>8} {'bytes':>9}")
    for path, row in report["routes"].items():
        print(f"{path[:60]:60} {row['median_ms']:>10} {row['p95_ms']:>8} {row['bytes']:>9}")


if __name__ == "__main__":
    main()
