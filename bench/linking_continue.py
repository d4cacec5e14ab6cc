"""Cost per added long report: held-out AllSides reports linked onto a copy of a ``bench/linking.py`` database.

The database (``--base``, e.g. ``bench/linking.py --n 3000 --db /tmp/base3k.db``) holds the first articles of the
corpus in reader order. ``--n`` AllSides reports it does not hold (a seeded sample, ``random.Random(--seed)``,
of the report files' articles not in it) get the bench's light records (``light_analysis``) and link features
(``prepare``), outside the timing, and are linked onto a copy of the database (``--db``) in batches of
``--batch``, in this (fresh) process, with a fresh ``LinkCache``. The batches after the first ``--warm``
articles are timed: CPU of the serial step (``link_batch``) per article, with the garbage collector's passes
in it apart (its generations emptied before the timing starts; the batches linked inside
``link.survivors_frozen``, as ``link_articles`` links them, where the tree has it), and wall clock. ``--hash`` then prints
an md5 of every link table and of all records (rows sorted), to show that a change left the links as they were.

``--merge`` links them as ``dateline run`` does instead: ``link_articles`` over all of them (batches of
``link.BATCH``, then the merge pass, which folds and renames canonical entities and rewrites the records that
named them), from memory (``Fresh``), all timed, with the merge pass's share apart.

``--profile FILE`` profiles the timed batches on CPU time (``time.process_time``, not the wall clock, which on a
shared machine counts the waits for a core: wall was 3-4 times CPU at load 9-10 on the 30,000-article base) and
prints each link kind's share of ``link_batch`` (``kind_shares``).

Usage: python bench/linking_continue.py --base /tmp/base3k.db --db /tmp/cont.db [--n 300 --seed 1700
--batch 100 --warm 100] [--merge] [--hash] [--profile FILE]
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import hashlib
import pstats
import random
import resource
import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from linking import CORPUS, _articles, light_analysis

import dateline.link
from dateline.link import Fresh, LinkSummary, link_articles, link_batch
from dateline.link.prepare import ArticleFeatures, prepare
from dateline.model import Analysis
from dateline.store import Store
from dateline.store.corpus import LinkCache
from dateline.store.schema import LINK_TABLES, records

ALLSIDES = "allsides-article-bias"


def table_hashes(db: str) -> dict[str, tuple[int, str]]:
    """(rows, md5 of the rows sorted) of every link table and of the records."""
    conn = sqlite3.connect(db)
    out: dict[str, tuple[int, str]] = {}
    for table in (*LINK_TABLES, records):
        rows = sorted(repr(r) for r in conn.execute(f"SELECT * FROM {table.name}"))
        out[table.name] = (len(rows), hashlib.md5("\n".join(rows).encode()).hexdigest())
    conn.close()
    return out


def held_out(store: Store, corpus: Path, n: int, seed: int) -> list[Analysis]:
    """``n`` AllSides reports not in ``store``, sampled with ``seed``, as the bench's light analyses."""
    with store.engine.connect() as conn:
        stored = {row[0] for row in conn.execute(sa.text("SELECT id FROM articles"))}
    reports = [a for a in _articles(corpus / ALLSIDES) if a.id not in stored]
    return [light_analysis(a) for a in random.Random(seed).sample(reports, n)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True, help="database built by bench/linking.py (left unchanged)")
    parser.add_argument("--db", required=True, help="the copy linked onto")
    parser.add_argument("--n", type=int, default=300, help="held-out reports linked")
    parser.add_argument("--seed", type=int, default=1700)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--warm", type=int, default=100, help="articles linked before the timing starts")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--merge", action="store_true", help="link_articles with its merge pass, all timed")
    parser.add_argument("--hash", action="store_true", help="md5 of every link table and the records at the end")
    parser.add_argument("--profile", help="write a cProfile of the timed batches' link_batch here")
    args = parser.parse_args()
    for suffix in ("", "-wal", "-shm"):
        Path(args.db + suffix).unlink(missing_ok=True)
        if Path(args.base + suffix).exists():
            shutil.copyfile(args.base + suffix, args.db + suffix)
    store = Store(args.db)
    analyses = held_out(store, args.corpus, args.n, args.seed)
    for analysis in analyses:
        store.write(analysis)
    prepared: dict[str, ArticleFeatures] = {a.article.id: prepare(a) for a in analyses}
    if args.merge:
        merged(store, analyses, prepared)
    else:
        batches(store, analyses, prepared, args.batch, args.warm, args.profile)
    store.close()
    if args.hash:
        for table, (rows, digest) in table_hashes(args.db).items():
            print(f"{table} {rows} {digest}", flush=True)


def merged(store: Store, analyses: list[Analysis], prepared: dict[str, ArticleFeatures]) -> None:
    """``link_articles`` over all ``analyses`` (held in memory, as ``dateline run`` holds them), with its merge pass:
    CPU per article of all of it and of the merge pass alone."""
    fresh = Fresh(limit=10**9, features_limit=10**9)
    for analysis in analyses:
        fresh.keep(analysis, prepared[analysis.article.id])
    spent = [0.0]
    merge = dateline.link.merge_entities

    def timed_merge(*args: Any, **kwargs: Any) -> dict[str, str]:
        c0 = time.process_time()
        try:
            return merge(*args, **kwargs)
        finally:
            spent[0] += time.process_time() - c0

    dateline.link.merge_entities = timed_merge
    t0, c0 = time.perf_counter(), time.process_time()
    summary = link_articles(store, [a.article.id for a in analyses], fresh)
    cpu, wall = time.process_time() - c0, time.perf_counter() - t0
    dateline.link.merge_entities = merge
    n = len(analyses)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"link_articles, {n} articles: CPU {1000 * cpu / n:.2f} ms/article (merge pass {1000 * spent[0] / n:.2f}), "
        f"wall {1000 * wall / n:.2f} ms/article, peak RSS {peak:.0f} MiB",
        flush=True,
    )
    print(f"linked {summary.articles} articles: {summary.to_dict()['links']}", flush=True)


def batches(
    store: Store,
    analyses: list[Analysis],
    prepared: dict[str, ArticleFeatures],
    size: int,
    warm: int,
    profile_to: str | None,
) -> None:
    """``link_batch`` per ``size`` articles, the batches after the first ``warm`` articles timed."""
    summary, cache = LinkSummary(), LinkCache()
    profile = cProfile.Profile(time.process_time) if profile_to else None
    cpu = wall = 0.0
    timed = 0
    collector = Collector()
    # As ``link_articles`` links its batches: what each leaves alive frozen as it ends, given back when the loop
    # ends (``survivors_frozen``). A tree without it (before session 27) links as it did.
    frozen = getattr(dateline.link, "survivors_frozen", None)
    how: dict[str, bool] = {"freeze": True} if frozen else {}
    with frozen() if frozen else contextlib.nullcontext():
        for start in range(0, len(analyses), size):
            batch = analyses[start : start + size]
            on = start >= warm
            if on and not collector.on:
                # The collector's generations emptied before the timing starts: which of its passes fall in the
                # timed batches then depends on the batches alone, not on what the process allocated before them
                # (a second-generation pass at one batch's end, 0.6-1.0 ms per report, fell in one tree's window
                # and not in the other's: bench/RESULTS-linking.md, session 26).
                gc.collect()
                collector.start()
            if on and profile:
                profile.enable()
            t0, c0 = time.perf_counter(), time.process_time()
            link_batch(store, batch, summary, cache, prepared, **how)
            if on:
                cpu += time.process_time() - c0
                wall += time.perf_counter() - t0
                timed += len(batch)
            if on and profile:
                profile.disable()
        collector.stop()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"timed {timed} articles: CPU {1000 * cpu / max(timed, 1):.2f} ms/article (of which the collector's passes "
        f"{1000 * collector.cpu / max(timed, 1):.2f}, {collector.passes} of them, {collector.collected} objects "
        f"collected), wall {1000 * wall / max(timed, 1):.2f} ms/article, peak RSS {peak:.0f} MiB",
        flush=True,
    )
    # What the frozen batches left as cyclic garbage, found once they are given back (0 where nothing was frozen).
    print(f"unreachable after the batches: {gc.collect()} objects", flush=True)
    print(f"linked {summary.articles} articles: {summary.to_dict()['links']}", flush=True)
    if profile and profile_to:
        profile.dump_stats(profile_to)
        shares = kind_shares(pstats.Stats(profile), timed)
        print("profiled CPU ms per article: " + ", ".join(f"{k} {v:.2f}" for k, v in shares.items()), flush=True)


class Collector:
    """CPU spent in the cyclic garbage collector's passes while ``on`` (``gc.callbacks``): linking pauses the
    collector while a batch links (``link.collections_paused``), so a pass comes when a batch ends, over what
    the batch left alive, and is timed with the batch."""

    def __init__(self) -> None:
        self.on = False
        self.cpu = 0.0
        self.passes = 0
        self.collected = 0
        self._began = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._began = time.process_time()
        elif self.on:
            self.cpu += time.process_time() - self._began
            self.passes += 1
            self.collected += info.get("collected", 0)

    def start(self) -> None:
        self.on = True
        gc.callbacks.append(self)

    def stop(self) -> None:
        if self.on:
            gc.callbacks.remove(self)
        self.on = False


# What ``kind_shares`` reports: the linkers' ``link`` (one per link kind) and the batch's writes, by the file and
# function name cProfile records them under.
PARTS = {
    "entities": ("link/entities.py", "link"),
    "duplicates": ("link/duplicates.py", "link"),
    "stories": ("link/stories.py", "link"),
    "series": ("link/series.py", "link"),
    "claims": ("link/claims.py", "link"),
    "statements": ("link/statements.py", "link"),
    "records' update": ("store/db.py", "update_records"),
    "flush": ("store/corpus.py", "flush"),
    "commit": ("~", "<method 'commit' of 'sqlite3.Connection' objects>"),
}


def kind_shares(stats: pstats.Stats, articles: int) -> dict[str, float]:
    """Profiled CPU ms per article of ``link_batch`` and of each of ``PARTS`` (cumulative times: the profiler's
    own cost inflates them, about threefold, so the shares are what can be read)."""
    spent: dict[str, float] = dict.fromkeys(["link_batch", *PARTS], 0.0)
    for (path, _, name), row in stats.stats.items():  # type: ignore[attr-defined]
        cumulative = row[3]
        if name == "link_batch" and path.endswith("link/__init__.py"):
            spent["link_batch"] += cumulative
        for part, (where, function) in PARTS.items():
            if name == function and path.endswith(where):
                spent[part] += cumulative
    return {part: 1000 * cpu / max(articles, 1) for part, cpu in spent.items()}


if __name__ == "__main__":
    main()
