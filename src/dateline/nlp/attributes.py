"""``dateline_attributes``: the model's attribute rules (tag map, pronoun and auxiliary exceptions) applied
with one dictionary look-up per token instead of spaCy's ``Matcher``.

en_core_web_sm's ``attribute_ruler`` holds 179 patterns (``POS`` and morphology from the fine tag, lemma and
``POS`` exceptions by lower-cased word, tag and dependency). Every pattern but eight is a single token, and a
single token's verdict depends only on the few token attributes the patterns read, which repeat across a
corpus (about 1,000 tokens per news report, most of them words seen before). spaCy's ``Matcher`` walks every
pattern's state machine over every token, and was 2.0 of the 16 CPU seconds of spaCy's pipes per 100 AllSides
reports (``bench/RESULTS.md``, session 12); this component reads the attributes once per token and looks the
merged assignment up by them: 0.42 s over the same reports in a fresh process (21,054 distinct attribute keys
met, each worked out once), 0.15 s once they are known.

It is the same ruler, not a new rule: built from the shipped ruler's own patterns, it assigns what the ruler
assigns, in the ruler's order (a later pattern overrides an earlier one on the same token, as
``AttributeRuler.match`` sorts matches by pattern), and ``load_nlp`` keeps spaCy's ruler whenever a pattern
uses anything outside what is replicated here (``from_ruler`` returns None). The token arrays of both are
compared on real reports in ``tests/nlp/test_attributes.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from spacy import attrs
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens._retokenize import set_token_attrs

if TYPE_CHECKING:
    from spacy.tokens import Doc

COMPONENT = "dateline_attributes"
SHIPPED = "attribute_ruler"
# The token attributes a pattern may test, read as the Matcher reads them: a Doc array column of string ids
# (compared as their strings, which is how the Matcher's ids compare), or of flags (true or false).
_COLUMNS: dict[str, int] = {
    "TAG": attrs.TAG,
    "LOWER": attrs.LOWER,
    "ORTH": attrs.ORTH,
    "DEP": attrs.DEP,
    "POS": attrs.POS,
}
_FLAGS: dict[str, int] = {"IS_SPACE": attrs.IS_SPACE}
# Distinct attribute keys remembered before the memo is emptied: 21,054 over 100 AllSides reports, growing
# more slowly after (new words); each entry is a short tuple and shares its assignment with the other keys
# that the same rules match, so the bound holds the memo to a few tens of MB.
MEMO_KEYS = 200_000

Test = Callable[[Any], bool]
Entry = tuple[tuple[int, ...], dict[Any, Any], frozenset[tuple[int, int]]]


def _test(value: Any) -> tuple[Test, frozenset[Any] | None] | None:
    """The Matcher's predicate for one attribute's pattern value, with the values it admits when it names
    them (an exact value, ``IN``); None for a form not replicated here."""
    if isinstance(value, (str, bool)):
        return (lambda v: v == value), frozenset([value])
    if not isinstance(value, dict) or len(value) != 1:
        return None
    ((op, arg),) = value.items()
    if op == "IN" and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
        allowed = frozenset(arg)
        return (lambda v: isinstance(v, str) and v in allowed), allowed
    if op == "NOT_IN" and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
        refused = frozenset(arg)
        return (lambda v: isinstance(v, str) and v not in refused), None
    if op == "REGEX" and isinstance(arg, str):
        found = re.compile(arg)
        return (lambda v: isinstance(v, str) and bool(found.search(v))), None
    return None


@dataclass(frozen=True)
class _Token:
    """One token of a pattern: its tests (attribute position, predicate), and the attribute position and
    values one of them admits, when one names them (so only tokens with such a value need testing)."""

    tests: tuple[tuple[int, Test], ...]
    gate: tuple[int, frozenset[Any]] | None


@dataclass(frozen=True)
class _Rule:
    """One ruler pattern: its tokens, the index of the token it assigns, and what it assigns."""

    order: int
    tokens: tuple[_Token, ...]
    index: int
    attrs: Mapping[Any, Any]


class FastAttributes:
    """The ruler's patterns, matched by the attributes they read (see the module docstring)."""

    def __init__(self, attributes: Sequence[str], rules: Sequence[_Rule]) -> None:
        self.columns: list[int | str] = [_COLUMNS.get(a) or _FLAGS[a] for a in attributes]
        self.flags = [a in _FLAGS for a in attributes]
        self.single = [r for r in rules if len(r.tokens) == 1]
        self.multi = [r for r in rules if len(r.tokens) > 1]
        self.by_order = {r.order: r.attrs for r in rules}
        # Every pattern token as (single-token rule?, rule number, position), in rule order, and an index of
        # them by the values their gates admit: a new token's key is tested against its candidates only.
        self.steps = [(True, n, 0, r.tokens[0]) for n, r in enumerate(self.single)]
        self.steps += [(False, n, j, t) for n, r in enumerate(self.multi) for j, t in enumerate(r.tokens)]
        self.gated: dict[tuple[int, Any], list[int]] = {}
        self.ungated: list[int] = []
        for s, (_, _, _, token) in enumerate(self.steps):
            if token.gate is None:
                self.ungated.append(s)
            else:
                for value in token.gate[1]:
                    self.gated.setdefault((token.gate[0], value), []).append(s)
        self.memo: dict[tuple[int, ...], Entry] = {}
        # What each distinct run of matched rules assigns (a few hundred runs), shared by the memo's entries.
        self.assigned: dict[tuple[int, ...], dict[Any, Any]] = {}

    @classmethod
    def from_ruler(cls, ruler: AttributeRuler) -> FastAttributes | None:
        """The shipped ruler's patterns, or None when one uses an attribute, an operator or a form (a quantifier,
        an index outside its span) that this component does not replicate."""
        attributes: list[str] = []
        rules = []
        for order, pattern in enumerate(cast("list[dict[str, Any]]", ruler.patterns)):
            # Alternatives of one pattern are one rule each, with the pattern's order and assignment (two
            # alternatives matching the same token assign the same values twice, as the Matcher's two matches do).
            for alternative in pattern["patterns"]:
                tokens = []
                for spec in alternative:
                    tests = []
                    gate = None
                    for attr, value in spec.items():
                        made = _test(value)
                        if (attr not in _COLUMNS and attr not in _FLAGS) or made is None:
                            return None
                        if attr not in attributes:
                            attributes.append(attr)
                        tests.append((attributes.index(attr), made[0]))
                        if gate is None and made[1] is not None:
                            gate = (attributes.index(attr), made[1])
                    tokens.append(_Token(tuple(tests), gate))
                index = ruler.indices[order]
                if not tokens or not -len(tokens) <= index < len(tokens):
                    return None
                rules.append(_Rule(order, tuple(tokens), index % len(tokens), ruler.attrs[order]))
        return cls(attributes, rules)

    def _entry(self, key: tuple[int, ...], values: tuple[Any, ...]) -> Entry:
        """For one token's attribute ids (``key``) and values: the single-token rules that match (in order),
        what they assign together (later rules override), and the (rule, position) pairs of the longer rules
        it satisfies. Remembered by the ids."""
        candidates = set(self.ungated)
        for a, value in enumerate(values):
            candidates.update(self.gated.get((a, value), ()))
        held = [self.steps[s] for s in sorted(candidates) if all(t(values[a]) for a, t in self.steps[s][3].tests)]
        matched = tuple(sorted(self.single[n].order for single, n, _, _ in held if single))
        steps = frozenset((n, j) for single, n, j, _ in held if not single)
        if len(self.memo) >= MEMO_KEYS:
            self.memo.clear()
        merged = self.assigned.get(matched)
        if merged is None:
            merged = self.assigned[matched] = self._merged(matched)
        entry = self.memo[key] = (matched, merged, steps)
        return entry

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        memo = self.memo
        entries = []
        # One row per token even when the patterns read one attribute (``to_array`` then gives one column).
        rows = cast("list[list[int]]", doc.to_array(self.columns).reshape(len(doc), len(self.columns)).tolist())
        for ids in rows:
            key = tuple(ids)
            entry = memo.get(key)
            if entry is None:
                values = tuple(bool(i) if flag else strings[i] for i, flag in zip(ids, self.flags, strict=True))
                entry = self._entry(key, values)
            entries.append(entry)
        extra = self._multi_matches(entries)
        for i, (matched, merged, _) in enumerate(entries):
            if i in extra:
                merged = self._merged(sorted((*matched, *extra[i])))
            if merged:
                set_token_attrs(doc[i], merged)
        return doc

    def _multi_matches(self, entries: Sequence[tuple[Any, Any, frozenset[tuple[int, int]]]]) -> dict[int, list[int]]:
        """Token index -> the orders of the longer rules that assign it (the Matcher finds every start)."""
        extra: dict[int, list[int]] = {}
        for start, (_, _, steps) in enumerate(entries):
            for n, rule in enumerate(self.multi):
                size = len(rule.tokens)
                if (
                    (n, 0) in steps
                    and start + size <= len(entries)
                    and all((n, j) in entries[start + j][2] for j in range(1, size))
                ):
                    extra.setdefault(start + rule.index, []).append(rule.order)
        return extra

    def _merged(self, orders: Sequence[int]) -> dict[Any, Any]:
        """What rules of these orders assign together, applied in order (a later rule overrides)."""
        merged: dict[Any, Any] = {}
        for order in orders:
            merged.update(self.by_order[order])
        return merged


class NotReplicated(ValueError):
    """The pipeline's ``attribute_ruler`` uses a pattern ``dateline_attributes`` does not replicate."""


def _from_pipeline(nlp: Language) -> FastAttributes | None:
    ruler = nlp.get_pipe(SHIPPED)
    return FastAttributes.from_ruler(ruler) if isinstance(ruler, AttributeRuler) else None


@Language.factory(COMPONENT, assigns=["token.pos", "token.tag", "token.morph", "token.lemma", "token.dep"])
def make_attributes(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The component, built from the pipeline's own ``attribute_ruler`` (added after it, which it replaces)."""
    fast = _from_pipeline(nlp)
    if fast is None:
        raise NotReplicated(f"{SHIPPED} uses a pattern {COMPONENT} does not replicate")
    return fast


def replace_ruler(nlp: Language) -> None:
    """Swap the model's ``attribute_ruler`` for ``dateline_attributes`` where every pattern is replicated;
    otherwise leave spaCy's ruler in place."""
    if SHIPPED not in nlp.pipe_names or COMPONENT in nlp.pipe_names:
        return
    try:  # the factory reads the ruler's patterns once, and refuses when one is not replicated
        nlp.add_pipe(COMPONENT, after=SHIPPED)
    except NotReplicated:
        return
    nlp.remove_pipe(SHIPPED)
