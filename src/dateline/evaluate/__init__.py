"""``dateline eval``: scorers for our gold format and adapters for standard corpora.

Each adapter is a function ``fn(path, *, inputs, split, limit) -> dict`` registered under a ``--format`` name
with ``@adapter("polnear")`` in its own module of this package; modules are imported on first use.
Reports are plain dicts: a key per scored kind, each with at least precision, recall, f1, gold, predicted,
matched (docs/evaluation.md).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dateline.errors import Errors, EvalError

AdapterFn = Callable[..., dict[str, Any]]
_ADAPTERS: dict[str, AdapterFn] = {}
_LOADED = False


def adapter(name: str) -> Callable[[AdapterFn], AdapterFn]:
    """Register an evaluation adapter under ``--format name``."""

    def register(fn: AdapterFn) -> AdapterFn:
        _ADAPTERS[name] = fn
        return fn

    return register


def adapters() -> dict[str, AdapterFn]:
    """Every registered adapter by name (importing this package's modules once)."""
    global _LOADED
    if not _LOADED:
        for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
            importlib.import_module(f"{__name__}.{module.name}")
        _LOADED = True
    return dict(_ADAPTERS)


def evaluate(
    path: Path,
    *,
    fmt: str = "gold",
    inputs: Path | None = None,
    split: str = "dev",
    limit: int | None = None,
    folds: int | None = None,
    mixed: bool = False,
) -> dict[str, Any]:
    """Score dateline against the gold at ``path`` with the adapter ``fmt``. The adapter-specific options apply
    only to adapters that take them: ``folds`` adds one report per interleaved fold of the records (plover),
    ``mixed`` clusters every chosen topic's documents together (ecbplus)."""
    found = adapters()
    if fmt not in found:
        raise EvalError(Errors.E401, fmt=fmt, choices=", ".join(sorted(found)))
    if not path.exists():
        raise EvalError(Errors.E402, path=path)
    options: dict[str, Any] = {}
    if folds is not None:
        options["folds"] = folds
    if mixed:
        options["mixed"] = True
    accepted = inspect.signature(found[fmt]).parameters
    for option in options:
        if option not in accepted:
            raise EvalError(Errors.E406, option=option, fmt=fmt)
    return found[fmt](path, inputs=inputs, split=split, limit=limit, **options)


def format_report(report: dict[str, Any]) -> str:
    """A plain-text P/R/F1 table of a report (kinds as rows; their extra figures after the F1)."""
    lines = [f"{'kind':<14}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}{'match':>7}  other"]
    for kind, scores in report.items():
        if not isinstance(scores, dict) or kind == "articles":
            continue
        if "f1" not in scores:
            extra = "  ".join(f"{k}={_fmt(v)}" for k, v in scores.items() if not isinstance(v, (dict, list)))
            lines.append(f"{kind:<14}{'':>42}  {extra}")
            continue
        extra = "  ".join(
            f"{k}={_fmt(v)}"
            for k, v in scores.items()
            if k not in {"precision", "recall", "f1", "gold", "predicted", "matched"}
            and not isinstance(v, (dict, list))
        )
        lines.append(
            f"{kind:<14}{_fmt(scores.get('precision')):>7}{_fmt(scores.get('recall')):>7}{_fmt(scores.get('f1')):>7}"
            f"{scores.get('gold', ''):>7}{scores.get('predicted', ''):>7}{scores.get('matched', ''):>7}  {extra}"
        )
    return "\n".join(lines)


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return "" if value is None else str(value)
