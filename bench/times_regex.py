"""The time rules' regex scans: per-rule cost, and old (a git revision's times.py) against new on every bulk text.

    python bench/times_regex.py profile --allsides 300 --bbc 100 --reuters 100 --seed 43000
    python bench/times_regex.py compare --rev 21b937f --every 5   # windowed matches and find_times, all texts
    python bench/times_regex.py timing --allsides 300 --bbc 100 --reuters 100 --rounds 5

The texts are read once through dateline's own readers and cached (pickle) under /tmp. ``compare`` loads the
old module from ``git show REV:src/dateline/extract/times.py`` (REV: a revision before the windows, such as
21b937f) and asserts, for every text, that each windowed rule's matches (span and every group) equal the old
pattern's plain scan, and, on every Nth text, that ``find_times`` (no parse) is the same.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import pickle
import random
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

from dateline.config import IngestConfig
from dateline.extract import times as new_times
from dateline.ingest.formats import read_json, read_sgml, read_text
from dateline.model import Article

CORPUS = Path("/work/shared/corpus")
CACHE = Path("/tmp/dateline-times-bench-texts.pkl")


def _articles(results: object) -> list[tuple[str, str, dt.date | None]]:
    return [
        (r.source_path, r.text, r.reference_date)
        for r in results  # type: ignore[attr-defined]
        if isinstance(r, Article) and r.text.strip()
    ]


def texts() -> dict[str, list[tuple[str, str, dt.date | None]]]:
    """Every bulk text by corpus: (name, text, anchor)."""
    if CACHE.exists():
        return pickle.loads(CACHE.read_bytes())  # our own cache
    out: dict[str, list[tuple[str, str, dt.date | None]]] = {"allsides": [], "bbc": [], "reuters": []}
    for path in sorted((CORPUS / "allsides-article-bias" / "jsons").glob("*.json")):
        out["allsides"] += _articles(read_json(path.read_text(), source_path=path.name, config=IngestConfig()))
    for path in sorted((CORPUS / "bbc-news-greene2006" / "bbc").glob("*/*.txt")):
        name = f"bbc/{path.parent.name}/{path.name}"
        out["bbc"] += _articles(read_text(path.read_text(encoding="latin-1"), source_path=name, config=IngestConfig()))
    for path in sorted((CORPUS / "reuters21578").glob("*.sgm")):
        out["reuters"] += _articles(
            read_sgml(path.read_text(encoding="latin-1"), source_path=path.name, config=IngestConfig())
        )
    CACHE.write_bytes(pickle.dumps(out))
    return out


def sample(args: argparse.Namespace) -> list[tuple[str, str, dt.date | None]]:
    rng = random.Random(args.seed)
    every = texts()
    picked = []
    for corpus, n in (("allsides", args.allsides), ("bbc", args.bbc), ("reuters", args.reuters)):
        picked += rng.sample(every[corpus], min(n, len(every[corpus])))
    return picked


def old_module(rev: str) -> ModuleType:
    source = subprocess.run(
        ["git", "show", f"{rev}:src/dateline/extract/times.py"], check=True, capture_output=True, text=True
    ).stdout
    # Registered under another name so that its @extractor does not clash with the new module's.
    source = source.replace(
        "@extractor(NAME, version=VERSION", "@(lambda *a, **k: (lambda f: f))(NAME, version=VERSION"
    )
    spec = importlib.util.spec_from_loader("dateline_times_old", loader=None)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    module.__dict__["__name__"] = "dateline_times_old"
    sys.modules["dateline_times_old"] = module
    exec(compile(source, "times_old.py", "exec"), module.__dict__)
    return module


def _rule_cost(module: ModuleType, picked: list[tuple[str, str, dt.date | None]]) -> dict[str, list[float]]:
    """Per rule: [pre-test seconds, scan seconds, texts scanned, matches]."""
    cost = {rule.name: [0.0, 0.0, 0, 0] for rule in module.patterns().rules}
    for _name, text, _anchor in picked:
        folded = text.casefold()
        for rule in module.patterns().rules:
            row = cost[rule.name]
            t0 = time.perf_counter()
            ok = rule.admits(folded) and rule.holds_core(text)
            t1 = time.perf_counter()
            row[0] += t1 - t0
            if not ok:
                continue
            n = sum(1 for _ in scan(rule, text))
            row[1] += time.perf_counter() - t1
            row[2] += 1
            row[3] += n
    return cost


def scan(rule: object, text: str) -> object:
    """The rule's matches as the driver takes them (``Rule.matches`` where the module has it)."""
    matches = getattr(rule, "matches", None)
    return matches(text) if matches is not None else rule.pattern.finditer(text)  # type: ignore[attr-defined]


def profile(args: argparse.Namespace) -> None:
    picked = sample(args)
    module = old_module(args.rev) if args.rev else new_times
    cost = _rule_cost(module, picked)
    total = sum(r[0] + r[1] for r in cost.values())
    print(f"{len(picked)} texts; pre-tests + scans {1000 * total / len(picked):.2f} ms per text")
    for name, (pre, scan_s, scanned, found) in sorted(cost.items(), key=lambda kv: -(kv[1][0] + kv[1][1])):
        per = 1000 * (pre + scan_s) / len(picked)
        print(
            f"{name:16s} {per:6.3f} ms/text  pre {1000 * pre / len(picked):.3f}  scanned {scanned:4d}  matches {found}"
        )


def _matches(module: ModuleType, text: str) -> list[tuple[str, tuple[int, int], dict[str, str | None]]]:
    out = []
    folded = text.casefold()
    for rule in module.patterns().rules:
        if not (rule.admits(folded) and rule.holds_core(text)):
            continue
        out += [(rule.name, m.span(), m.groupdict()) for m in scan(rule, text)]
    return out


def _unfiltered(module: ModuleType, text: str) -> list[tuple[str, tuple[int, int], dict[str, str | None]]]:
    """Every rule's matches without the pre-tests: the plain ``pattern.finditer`` of the old module."""
    return [(r.name, m.span(), m.groupdict()) for r in module.patterns().rules for m in r.pattern.finditer(text)]


def _windowed_rules(text: str) -> list[tuple[str, tuple[int, int], dict[str, str | None]]]:
    """The windowed rules' matches, found by their windows, whatever the pre-tests say."""
    return [(r.name, m.span(), m.groupdict()) for r in new_times.patterns().rules if r.window for m in r.matches(text)]


def _plain(rules: list[object], text: str) -> list[tuple[str, tuple[int, int], dict[str, str | None]]]:
    return [(r.name, m.span(), m.groupdict()) for r in rules for m in r.pattern.finditer(text)]  # type: ignore[attr-defined]


def compare(args: argparse.Namespace) -> None:
    old = old_module(args.rev)
    windowed = {r.name for r in new_times.patterns().rules if r.window}
    old_rules = [r for r in old.patterns().rules if r.name in windowed]
    every = texts()
    bad = 0
    n = 0
    for corpus, rows in every.items():
        for k, (name, text, anchor) in enumerate(rows):
            n += 1
            if _windowed_rules(text) != _plain(old_rules, text):
                bad += 1
                print("WINDOWED MATCHES DIFFER", corpus, name)
            if k % args.every:
                continue
            reference = _unfiltered(old, text) if args.strict else _matches(old, text)
            if _matches(new_times, text) != reference:
                bad += 1
                print("MATCHES DIFFER", corpus, name)
            one = [(f.start, f.end, f.value, f.kind) for f in old.find_times(text, anchor)]
            two = [(f.start, f.end, f.value, f.kind) for f in new_times.find_times(text, anchor)]
            if one != two:
                bad += 1
                print("FIND_TIMES DIFFERS", corpus, name)
    print(f"{n} texts, {bad} differences")
    sys.exit(1 if bad else 0)


def timing(args: argparse.Namespace) -> None:
    picked = sample(args)
    old = old_module(args.rev)
    spent = {"old": 0.0, "new": 0.0}
    for find in (old.find_times, new_times.find_times):  # warm both (compiles the patterns)
        find(picked[0][1], picked[0][2])
    for _ in range(args.rounds):
        for label, find in (("old", old.find_times), ("new", new_times.find_times)):
            t0 = time.process_time()
            for _name, text, anchor in picked:
                find(text, anchor)
            spent[label] += time.process_time() - t0
    per = {k: 1000 * v / (args.rounds * len(picked)) for k, v in spent.items()}
    print(f"{len(picked)} texts x {args.rounds} rounds, old and new alternated, CPU ms per text (no parse):")
    print(f"old {per['old']:.2f}  new {per['new']:.2f}  ratio {per['new'] / per['old']:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["profile", "compare", "timing"])
    parser.add_argument("--rev", default="main", help="the old revision (profile: empty for the working tree)")
    parser.add_argument("--allsides", type=int, default=300)
    parser.add_argument("--bbc", type=int, default=100)
    parser.add_argument("--reuters", type=int, default=100)
    parser.add_argument("--seed", type=int, default=43000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--every", type=int, default=1, help="compare find_times on every Nth text of each corpus")
    parser.add_argument("--strict", action="store_true", help="compare against the old rules without pre-tests")
    args = parser.parse_args()
    {"profile": profile, "compare": compare, "timing": timing}[args.what](args)


if __name__ == "__main__":
    main()
