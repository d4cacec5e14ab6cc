"""The extractor registry: versioned names, what each requires and assigns, and plug-ins by entry point.

An extractor is a pure function ``fn(article, doc, *, prior) -> Iterable[Record]`` (textacy style: document
first, keyword-only options). ``prior`` is the Analysis so far, holding the records of the kinds it requires.
Built-in extractors live in ``dateline.extract`` and register themselves on import (helpers they share live in
``dateline.extract.support`` or in ``_``-prefixed modules, which are not loaded as extractors); third-party
ones are found through the entry-point group ``dateline.extractors`` (each entry point names a module to import).
"""

from __future__ import annotations

import importlib
import importlib.metadata
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dateline.errors import Errors, PipelineError

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dateline.model import Analysis, Article, Record

ExtractorFn = Callable[..., "Iterable[Record]"]
ENTRY_POINT_GROUP = "dateline.extractors"
# The subpackage of ``dateline.extract`` that holds shared helpers rather than extractors.
SUPPORT_PACKAGE = "support"


@dataclass(frozen=True)
class ExtractorSpec:
    """A registered extractor. ``requires``/``assigns`` are record kinds (``entity``, ``statement``, ...)."""

    name: str
    version: int
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    fn: ExtractorFn
    default: bool = True

    @property
    def qualified(self) -> str:
        """``statements.rules.v1``: the name records carry as their ``extractor``."""
        return f"{self.name}.v{self.version}"

    def __call__(self, article: Article, doc: Doc, *, prior: Analysis) -> Iterable[Record]:
        return self.fn(article, doc, prior=prior)


_REGISTRY: dict[str, ExtractorSpec] = {}
_LOADED = False


def extractor(
    name: str, *, version: int, requires: Iterable[str] = (), assigns: Iterable[str], default: bool = True
) -> Callable[[ExtractorFn], ExtractorFn]:
    """Register ``fn`` as ``name.v<version>``. Used as a decorator on the extractor function."""

    def register(fn: ExtractorFn) -> ExtractorFn:
        spec = ExtractorSpec(name, version, tuple(requires), tuple(assigns), fn, default)
        existing = _REGISTRY.get(spec.qualified)
        if existing is not None and existing.fn is not fn:
            raise PipelineError(Errors.E501, extractor=spec.qualified)
        _REGISTRY[spec.qualified] = spec
        return fn

    return register


def load_builtin_and_plugins() -> None:
    """Import every extractor module of ``dateline.extract`` and every entry-point plug-in, once per process."""
    global _LOADED
    if _LOADED:
        return
    import dateline.extract as package

    for module in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if _is_extractor_module(module.name):
            importlib.import_module(f"{package.__name__}.{module.name}")
    for entry in sorted(importlib.metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            entry.load()
        except Exception as exc:  # a broken plug-in must not take the built-ins down with it
            raise PipelineError(Errors.E502, name=entry.name, error=exc) from exc
    _LOADED = True


def _is_extractor_module(name: str) -> bool:
    """Whether a module of ``dateline.extract`` holds extractors (helpers are loaded by what imports them)."""
    return name != SUPPORT_PACKAGE and not name.startswith("_")


def registered() -> dict[str, ExtractorSpec]:
    """All extractors by qualified name (``entities.rules.v1``)."""
    load_builtin_and_plugins()
    return dict(_REGISTRY)


def resolve(names: Iterable[str] | None = None) -> list[ExtractorSpec]:
    """The extractors to run, in an order where each runs after those assigning what it requires.

    ``names`` may be qualified (``statements.rules.v1``) or bare (``statements.rules``: the newest version).
    None selects every default extractor. Raises PipelineError on unknown names, unmet requirements or cycles.
    """
    available = registered()
    if names is None:
        chosen = [s for s in available.values() if s.default]
        newest: dict[str, ExtractorSpec] = {}
        for spec in chosen:
            if spec.name not in newest or spec.version > newest[spec.name].version:
                newest[spec.name] = spec
        chosen = list(newest.values())
    else:
        chosen = [_lookup(available, n) for n in names]
    return _order(chosen)


def _lookup(available: dict[str, ExtractorSpec], name: str) -> ExtractorSpec:
    if name in available:
        return available[name]
    versions = [s for s in available.values() if s.name == name]
    if not versions:
        known = ", ".join(sorted(available))
        raise PipelineError(Errors.E503, name=name, known=known)
    return max(versions, key=lambda s: s.version)


def _order(specs: list[ExtractorSpec]) -> list[ExtractorSpec]:
    providers: dict[str, ExtractorSpec] = {}
    for spec in specs:
        for kind in spec.assigns:
            providers[kind] = spec
    for spec in specs:
        missing = [k for k in spec.requires if k not in providers]
        if missing:
            raise PipelineError(Errors.E504, extractor=spec.qualified, missing=missing)
    ordered: list[ExtractorSpec] = []
    state: dict[str, str] = {}

    def visit(spec: ExtractorSpec) -> None:
        mark = state.get(spec.qualified)
        if mark == "done":
            return
        if mark == "active":
            raise PipelineError(Errors.E505, extractor=spec.qualified)
        state[spec.qualified] = "active"
        for kind in spec.requires:
            provider = providers[kind]
            if provider is not spec:
                visit(provider)
        state[spec.qualified] = "done"
        ordered.append(spec)

    for spec in sorted(specs, key=lambda s: s.qualified):
        visit(spec)
    return ordered


def describe() -> list[dict[str, Any]]:
    """What is registered, for ``dateline extractors``."""
    return [
        {"name": s.qualified, "requires": list(s.requires), "assigns": list(s.assigns), "default": s.default}
        for s in sorted(registered().values(), key=lambda s: s.qualified)
    ]
