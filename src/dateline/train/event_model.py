"""The event-typing model of ``python -m dateline.train.events``: parse features of a trigger, and a linear
model over them.

events.rules finds triggers with data/plover.yaml; the lexicon's type is one opinion and such a model another.
``python -m dateline.train.events --cv`` trains a multinomial logistic regression (scikit-learn) on PLOVER GSR
dev plus the PETRARCH2 unit-test sentences and scores it, alone and combined with the lexicon, on held-out
folds. No strategy with a model beat the lexicon there without giving a default type, so no model ships and
events.rules types by the lexicon alone; this module is what a shipped model would run (a sparse dot product,
no scikit-learn at run time), kept with its trainer until one wins.

Features (``features``) are read off the parse of the trigger's verb, the way event coders read a verb phrase
(CAMEO manual: verb, particle, object head, and the governing verb of "threatened to", "refused to"): lemma,
particle, lemma + particle, the object or complement head and its lemma pairs, prepositions attached,
negation, modal auxiliaries, the governing verb, the dependency path to the root, the light verb's event
noun, and the lexicon's own type.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

_OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd", "xcomp", "ccomp", "acomp"})
_MODALS = frozenset({"will", "would", "must", "may", "might", "can", "could", "shall", "should"})
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
# Dependency hops recorded on the path to the root: the trigger's own relation and its governor's.
_PATH_HOPS = 2


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def features(verb: Token, last: Token, lexicon_type: str | None) -> list[str]:
    """The trigger's features: ``verb`` is its verb, ``last`` its last word (a particle or event noun, or the
    verb itself), ``lexicon_type`` the lexicon's type for it (``None`` when the lexicon has none)."""
    lemma = _lemma(verb)
    out = [f"lemma={lemma}", f"tag={verb.tag_}", f"dep={verb.dep_}", f"lex={lexicon_type}"]
    if last.i != verb.i:
        out += [f"last={_lemma(last)}", f"lemma+last={lemma} {_lemma(last)}"]
    for child in verb.children:
        word = child.lower_
        if child.dep_ == "prt":
            out += [f"prt={word}", f"lemma+prt={lemma} {word}"]
        elif child.dep_ == "prep" or child.dep_ == "agent":
            out += [f"prep={word}", f"lemma+prep={lemma} {word}"]
        elif child.dep_ in _OBJECT_DEPS:
            head = _lemma(child)
            out += [f"obj={head}", f"lemma+obj={lemma} {head}", f"objdep={child.dep_}"]
            if child.ent_type_:
                out.append(f"objent={child.ent_type_}")
        elif child.dep_ == "neg" or (child.dep_ == "advmod" and word in _NEGATIONS):
            out.append("neg")
        elif child.dep_ == "aux" and word in _MODALS:
            out.append(f"modal={word}")
    if verb.dep_ in ("xcomp", "ccomp", "advcl", "conj") and verb.head.i != verb.i:
        governor = _lemma(verb.head)
        out += [f"gov={governor}", f"gov+lemma={governor} {lemma}"]
    path, current = [], verb
    for _ in range(_PATH_HOPS):
        if current.head.i == current.i:
            break
        path.append(current.dep_)
        current = current.head
    out.append("path=" + "/".join(path or ["ROOT"]))
    return out


@dataclass(frozen=True)
class TypeModel:
    """A linear model: per class, a weight for each feature it knows, and an intercept."""

    classes: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]
    intercepts: tuple[float, ...]
    # Below this probability the model is unsure, and the lexicon's type stands.
    threshold: float
    # Whether the lexicon's type, where it has one, stands whatever the model says.
    defer_to_lexicon: bool

    def probabilities(self, names: list[str]) -> dict[str, float]:
        scores = list(self.intercepts)
        for name in set(names):
            for k, weight in enumerate(self.weights.get(name, ())):
                scores[k] += weight
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    def type_of(self, names: list[str], lexicon_type: str | None) -> str | None:
        """The model's type when it is sure (and the lexicon, if deferred to, has none), else the lexicon's
        (which may be ``None``: no default type)."""
        if self.defer_to_lexicon and lexicon_type is not None:
            return lexicon_type
        probs = self.probabilities(names)
        best = max(self.classes, key=lambda c: (probs[c], c))
        return best if probs[best] >= self.threshold else lexicon_type
