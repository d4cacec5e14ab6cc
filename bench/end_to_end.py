"""End to end: ``dateline run`` as a whole process against bare spaCy on the same files.

Both sides are timed as separate processes, start-up and model loading included, on the same article files
(the first ``--limit`` of a folder, by name) with the same process count:
- bare spaCy: read the articles with dateline's own reader, then ``nlp.pipe(texts, n_process=W)`` with the
  model ``dateline run`` loads, but with spaCy's rule pipes as shipped (``load_nlp(as_shipped=True)``:
  spaCy's ``attribute_ruler`` and the lemmatizer's list index, where ``dateline run`` assigns the same
  attributes and lemmas by look-up, ``nlp/attributes.py``, ``nlp/lemmas.py``) -- the floor the whole system
  is compared with; dateline's own two components (paragraph breaks, entity fixer) are counted on both sides,
  as before;
- dateline: ``dateline run FILES --db NEW.db --workers W`` (ingest, spaCy, every extractor, SQLite, linking).
Each run measures both, in turn (bare first, then dateline), for every process count; the ratio of a run is
bare seconds / dateline seconds (1.0 = no overhead over spaCy), and the report gives the median over runs.
Peak RSS is /usr/bin/time's "maximum resident set size": the largest single process of the run (the parent,
or a worker when there are more), in MB. Writes a JSON report and replaces its section in bench/RESULTS.md.

    python bench/end_to_end.py --limit 200 --workers 1 --workers 2 --runs 3
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
CORPUS = SHARED / "corpus" / "allsides-article-bias" / "jsons"
TIME = Path("/usr/bin/time")
# How often the process tree is sampled for the CPU check (seconds).
SAMPLE_SECONDS = 0.1
SECTION = "## End to end: `dateline run` against bare spaCy"
# The bare side: dateline's reader (so both sides parse the same texts) and model, then only nlp.pipe.
BARE = """
import sys
from dateline.ingest import iter_documents
from dateline.model import Article
from dateline.nlp import load_nlp
from dateline.nlp.model import PIPE_BATCH_SIZE
texts = [d.text for d in iter_documents([sys.argv[1]]) if isinstance(d, Article)]
nlp = load_nlp(as_shipped=True)
n = sum(1 for _ in nlp.pipe(texts, batch_size=PIPE_BATCH_SIZE, n_process=int(sys.argv[2])))
print(n)
"""


def prepare(corpus: Path, limit: int, folder: Path) -> list[Path]:
    """Links to the first ``limit`` files of ``corpus`` (by name) in ``folder``: both sides read that folder."""
    files = sorted(p for p in corpus.iterdir() if p.is_file())[:limit]
    for file in files:
        (folder / file.name).symlink_to(file.resolve())
    return files


def measure(command: list[str]) -> dict[str, float]:
    """Wall seconds, CPU seconds (user + system, the process and its workers) and peak RSS (MB) of one
    command; fails loudly when the command fails. On a shared machine the CPU ratio is the steadier figure.

    CPU seconds are /usr/bin/time's: the command's own and every process it reaped, with what they reaped in
    turn. ``dateline run``'s workers are children of its fork server, which reaps them, and the run stops and
    reaps the server before it exits (``batch/backends.py``), so they are counted. As a check that nothing
    escapes, ``tree_cpu_seconds`` is the sum over every process seen in the command's tree (psutil, sampled
    every ``SAMPLE_SECONDS``, each process's last reading, so slightly under the truth): a figure well above
    ``cpu_seconds`` would mean some process's CPU went uncounted."""
    wrapped = [str(TIME), "-v", *command] if TIME.exists() else command
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as err:  # a file, not a pipe: nothing can block
        process = subprocess.Popen(wrapped, stdout=subprocess.DEVNULL, stderr=err)
        tree = _TreeCpu(process.pid)
        while process.poll() is None:
            tree.sample()
            time.sleep(SAMPLE_SECONDS)
        wall = time.perf_counter() - start
        err.seek(0)
        stderr = err.read()
    if process.returncode != 0:
        raise SystemExit(f"{command[:3]} failed ({process.returncode}):\n{stderr[-3000:]}")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
    cpu = [float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", stderr)]
    return {
        "seconds": round(wall, 3),
        "cpu_seconds": round(sum(cpu), 2) if cpu else -1.0,
        "tree_cpu_seconds": round(tree.total(), 2),
        "peak_rss_mb": round(int(rss.group(1)) / 1024, 1) if rss else -1.0,
    }


class _TreeCpu:
    """The last CPU reading (user + system, itself only) of every process seen under ``root``."""

    def __init__(self, root: int) -> None:
        self.root = psutil.Process(root)
        self.seen: dict[tuple[int, float], float] = {}

    def sample(self) -> None:
        try:
            processes = [self.root, *self.root.children(recursive=True)]
        except psutil.Error:
            return
        for process in processes:
            try:
                times = process.cpu_times()
                # keyed by pid and start time: a recycled pid is another process
                self.seen[(process.pid, process.create_time())] = times.user + times.system
            except psutil.Error:
                continue

    def total(self) -> float:
        return sum(self.seen.values())


def dateline_command(folder: Path, db: Path, workers: int) -> list[str]:
    exe = Path(sys.executable).with_name("dateline")
    return [str(exe), "run", str(folder), "--db", str(db), "--workers", str(workers), "--no-progress"]


def run(args: argparse.Namespace) -> dict[str, Any]:
    runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        files = prepare(Path(args.corpus), args.limit, folder)
        for index in range(args.runs):
            for workers in args.workers:
                bare = measure([sys.executable, "-c", BARE, str(folder), str(workers)])
                db = Path(tmp) / f"run{index}-w{workers}.db"
                full = measure(dateline_command(folder, db, workers))
                db.unlink()
                row = {"run": index, "workers": workers, "bare": bare, "dateline": full}
                row["ratio"] = round(bare["seconds"] / full["seconds"], 3)
                runs.append(row)
                print(json.dumps(row), flush=True)
    return report(runs, str(args.corpus), len(files), args.runs)


def _cpu_ratio(row: dict[str, Any]) -> float:
    """Bare CPU seconds / dateline CPU seconds (-1 when /usr/bin/time did not report them)."""
    bare, full = row["bare"].get("cpu_seconds", -1.0), row["dateline"].get("cpu_seconds", -1.0)
    return round(bare / full, 3) if bare > 0 and full > 0 else -1.0


def report(runs: list[dict[str, Any]], corpus: str, articles: int, n_runs: int) -> dict[str, Any]:
    """Medians per process count over the measured ``runs`` (rows as printed while measuring)."""
    summary = {}
    for workers in sorted({r["workers"] for r in runs}):
        rows = [r for r in runs if r["workers"] == workers]
        summary[str(workers)] = {
            "median_ratio": round(statistics.median(r["ratio"] for r in rows), 3),
            "median_bare_s": round(statistics.median(r["bare"]["seconds"] for r in rows), 2),
            "median_dateline_s": round(statistics.median(r["dateline"]["seconds"] for r in rows), 2),
            "median_cpu_ratio": round(statistics.median(_cpu_ratio(r) for r in rows), 3),
            "median_bare_cpu_s": round(statistics.median(r["bare"]["cpu_seconds"] for r in rows), 2),
            "median_dateline_cpu_s": round(statistics.median(r["dateline"]["cpu_seconds"] for r in rows), 2),
            "median_dateline_tree_cpu_s": round(
                statistics.median(r["dateline"].get("tree_cpu_seconds", -1.0) for r in rows), 2
            ),
            "peak_rss_bare_mb": max(r["bare"]["peak_rss_mb"] for r in rows),
            "peak_rss_dateline_mb": max(r["dateline"]["peak_rss_mb"] for r in rows),
        }
    return {
        "corpus": corpus,
        "articles": articles,
        "runs": n_runs,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load": os.getloadavg()},
        "summary": summary,
        "measurements": runs,
    }


def markdown(report: dict[str, Any]) -> str:
    lines = [
        SECTION,
        "",
        f"`python bench/end_to_end.py`: {report['articles']} articles of `{Path(report['corpus']).name}`, "
        f"{report['runs']} runs in turn; whole processes (start-up and model loading included). Ratio = bare "
        "spaCy seconds / `dateline run` seconds (median of the runs), by wall clock and by CPU time (user + "
        "system, workers included; -1 = not measured); peak RSS = largest single process. CPU s are "
        "/usr/bin/time's; the psutil check sums every process seen in `dateline run`'s tree (its fork server's "
        "workers included) and should sit just under it.",
        "",
        "| processes | bare spaCy s | dateline run s | ratio (wall) | bare CPU s | dateline CPU s (psutil check) "
        "| ratio (CPU) | peak RSS bare MB | peak RSS dateline MB |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for workers, s in report["summary"].items():
        lines.append(
            f"| {workers} | {s['median_bare_s']} | {s['median_dateline_s']} | {s['median_ratio']}x "
            f"| {s['median_bare_cpu_s']} | {s['median_dateline_cpu_s']} ({s['median_dateline_tree_cpu_s']}) "
            f"| {s['median_cpu_ratio']}x "
            f"| {s['peak_rss_bare_mb']} | {s['peak_rss_dateline_mb']} |"
        )
    load = ", ".join(f"{x:.1f}" for x in report["machine"]["load"])
    lines += ["", f"Machine: {report['machine']['cpus']} CPUs, load average at the end {load} (shared).", ""]
    return "\n".join(lines)


def write_section(path: Path, section: str) -> None:
    """Replace this benchmark's section of RESULTS.md (up to the next ``## ``), or append it."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    start = text.find(SECTION)
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + len(SECTION))
        text = text[:start] + section + (text[end + 1 :] if end >= 0 else "")
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(CORPUS))
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--workers", type=int, action="append")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", default=str(HERE / "results-end-to-end.json"))
    parser.add_argument("--results", default=str(HERE / "RESULTS.md"))
    args = parser.parse_args()
    args.workers = args.workers or [1, 2]
    found = run(args)
    Path(args.out).write_text(json.dumps(found, indent=2) + "\n", encoding="utf-8")
    write_section(Path(args.results), markdown(found))
    print(markdown(found))


if __name__ == "__main__":
    main()
