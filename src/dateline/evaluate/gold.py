"""``dateline eval --format gold``: score dateline against our own gold files (``../shared/gold``).

Rules are those of the gold format (docs/evaluation.md, "What is measured"). Every kind goes through one matcher
(``text.greedy_match``: one-to-one, best pair first; ties by what the predictions say, ``text.record_key``, never
by their ids or order) with its own pair-scoring function:
- entity: a predicted name or alias equals the gold name or an alias;
- statement: speaker matches (entity rule; a list must equal the predicted speaker set) and content token-F1 >= 0.5;
- event: trigger lemma equal or trigger spans overlap, and actor sets intersect (empty gold actors match any);
- claim: value and unit lemma equal;
- time: the gold text, found in the article, overlaps the record's spans;
- place: the texts are equal.
Names (speakers, actors, claimants, ``of``/``to`` of roles, ``via``) match under the entity rule: a predicted
name matches a gold name when it equals, after normalisation and without a leading article ("a federal
judge"), that name or any name of the gold entity it names.
Gold lists each distinct item once ("32nd anniversary" twice in an article is one gold time), so predictions
that share a kind's duplicate key count as one predicted item. Optional gold items (and optional roles) never
count: matching one is not a true positive, missing one is not a false negative, and the prediction it matches
is not a false positive. Corpus gold (``corpus.gold.yaml``) is scored by the linking evaluation, not here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from dateline.countries import country_name
from dateline.errors import Errors, EvalError
from dateline.evaluate import adapter
from dateline.evaluate.text import (
    find_spans,
    greedy_match,
    iso,
    lemma,
    normalize,
    overlap,
    prf,
    record_key,
    token_f1,
)
from dateline.model import Analysis, Article, Claim, Entity, Event, Failure, Place, Record, Speaker, Statement, TimeExpr

GOLD_SUFFIX = ".gold.yaml"
META_FIELDS = ("published", "updated", "outlet", "dateline", "source", "title")
# A statement's content must share at least half its words (token F1) with the gold content.
CONTENT_F1_MIN = 0.5
DECIMALS = 4  # report figures are rounded so that reports diff cleanly between versions

# The fields each kind is matched on: a gold item without them cannot be scored.
REQUIRED: dict[str, tuple[str, ...]] = {
    "entities": ("name",),
    "statements": ("speaker", "content"),
    "events": ("trigger",),
    "claims": ("value", "unit"),
    "times": ("text", "value"),
    "places": ("text",),
}

Figure = tuple[int, int]  # (correct, counted) for one matched pair; (0, 0) where the figure does not apply
NO_FIGURE: Figure = (0, 0)


def _one(ok: bool) -> Figure:
    return (1 if ok else 0, 1)


# --------------------------------------------------------------------------------------------- names

# A leading article says how the text introduced a participant, not who it is: gold writes descriptions both
# ways ("a federal judge", "international community"), and "the NRA" is the NRA.
_ARTICLE = re.compile(r"^(?:a|an|the) ")


def participant(name: object) -> str:
    """The comparison form of a participant's name or description: normalised, without a leading article."""
    return _ARTICLE.sub("", normalize(name))


@dataclass(frozen=True)
class Names:
    """The gold file's entities as a lookup: each normalised name or alias -> every normalised name of that entity."""

    index: Mapping[str, frozenset[str]]

    @classmethod
    def of(cls, entities: Iterable[Mapping[str, Any]]) -> Names:
        index: dict[str, frozenset[str]] = {}
        for entity in entities:
            forms = frozenset(participant(n) for n in [entity["name"], *(entity.get("aliases") or [])])
            for form in forms:
                index[form] = index.get(form, frozenset()) | forms
        return cls(index)

    def forms(self, name: str) -> frozenset[str]:
        key = participant(name)
        return self.index.get(key, frozenset({key}))

    def matches(self, gold_name: str, candidates: Iterable[str | None]) -> bool:
        """Whether any predicted candidate name is a name of the gold entity ``gold_name`` names."""
        forms = self.forms(gold_name)
        return any(c is not None and participant(c) in forms for c in candidates)

    def same_set(self, gold_names: Sequence[str], predicted: Sequence[Sequence[str | None]]) -> bool:
        """Whether the predicted participants (each a list of candidate names) are exactly the gold names."""
        if len(gold_names) != len(predicted):
            return False
        pairs = greedy_match(
            len(gold_names), len(predicted), lambda g, p: 1.0 if self.matches(gold_names[g], predicted[p]) else None
        )
        return len(pairs) == len(gold_names)

    def intersect(self, gold_names: Sequence[str], predicted: Sequence[Sequence[str | None]]) -> int:
        """How many gold names some predicted participant matches."""
        return sum(1 for name in gold_names if any(self.matches(name, p) for p in predicted))


def _speaker_names(speaker: Speaker) -> tuple[str | None, ...]:
    return (speaker.entity, speaker.description, speaker.text)


@dataclass(frozen=True)
class Context:
    """What pair scoring needs beyond the two items: the article text, gold names, predicted claims by id."""

    text: str
    names: Names
    claims: Mapping[str, Claim]
    # Gold text -> where it occurs in the article: each gold item is scored against every prediction.
    _found: dict[str, list[tuple[int, int]]] = field(default_factory=dict, compare=False, repr=False)

    def find(self, needle: str) -> list[tuple[int, int]]:
        """``find_spans(needle, self.text)``, memoised for the article."""
        if needle not in self._found:
            self._found[needle] = find_spans(needle, self.text)
        return self._found[needle]


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


# --------------------------------------------------------------------------------------------- kinds


Gold = Mapping[str, Any]


@dataclass(frozen=True)
class Kind:
    """How one record kind is scored: pairing, acceptance, extra figures, and what makes predictions duplicates."""

    key: str
    record: str
    score: Callable[[Gold, Any, Context], float | None]
    figures: Callable[[Gold, Any, Context], dict[str, Figure]]
    figure_names: tuple[str, ...]
    duplicate: Callable[[Any], Hashable]
    # A paired item counts as matched only if accepted (statements: the speaker must match too).
    accept: Callable[[Gold, Any, Context], bool] = lambda g, p, c: True


def _entity_score(g: Gold, p: Entity, ctx: Context) -> float | None:
    gold = {normalize(n) for n in [g["name"], *(g.get("aliases") or [])]}
    name = normalize(p.name)
    if not gold & {name, *(normalize(a) for a in p.aliases)}:
        return None
    # Best overlap first: canonical names equal, then our name is a gold alias, then alias meets alias.
    base = 2.0 if name == normalize(g["name"]) else 1.0 if name in gold else 0.5
    return base + (0.1 if _type_ok(g, p) else 0.0)


def _type_ok(g: Gold, p: Entity) -> bool:
    return str(g.get("type", "ANY")).upper() in {"ANY", p.type.upper()}


def _entity_figures(g: Gold, p: Entity, ctx: Context) -> dict[str, Figure]:
    roles = [r for r in g.get("roles") or [] if not r.get("optional")]
    correct = sum(1 for role in roles if any(_role_ok(role, r, ctx) for r in p.roles))
    return {"type_accuracy": _one(_type_ok(g, p)), "role_accuracy": (correct, len(roles))}


# Abbreviated titles as news writes them before a name; "Sen. Collins" and "Senator Collins" hold one office.
TITLE_ABBREVIATIONS = {
    "sen.": "senator",
    "rep.": "representative",
    # written once before several names ("Sens. Blunt and Klobuchar"): each holds the singular office
    "sens.": "senator",
    "reps.": "representative",
    # and spelt out ("Senators Rand Paul, Marco Rubio and Ted Cruz")
    "senators": "senator",
    "gov.": "governor",
    "gen.": "general",
    "lt.": "lieutenant",
    "sec.": "secretary",
    "col.": "colonel",
    "adm.": "admiral",
    "sgt.": "sergeant",
    "capt.": "captain",
    "maj.": "major",
    "pres.": "president",
    "atty.": "attorney",
}


def title_key(title: str) -> str:
    """A title compared with its abbreviations spelt out: "Attorney Gen." = "Attorney General"."""
    return " ".join(TITLE_ABBREVIATIONS.get(w, w) for w in normalize(title).split())


def _role_ok(gold: Gold, role: Any, ctx: Context) -> bool:
    if title_key(gold["title"]) != title_key(role.title):
        return False
    if gold.get("of") is None:
        if role.of is not None:
            return False
    elif not _same_holder(str(gold["of"]), role.of, ctx):
        return False
    return gold.get("to") is None or _same_holder(str(gold["to"]), role.to, ctx)


def _same_holder(gold: str, predicted: str | None, ctx: Context) -> bool:
    """An office's ``of``/``to``: a name of the gold entity, or the same country however written ("U.S.",
    "America", "United States": the guide asks for the common name, and the country's owner knows them all)."""
    if predicted is None:
        return False
    if ctx.names.matches(gold, [predicted]):
        return True
    country = country_name(participant(gold))
    return country is not None and country == country_name(participant(predicted))


def _speaker_ok(g: Gold, p: Statement, ctx: Context) -> bool:
    speakers = p.speakers or (p.speaker,)
    return ctx.names.same_set(_as_list(g["speaker"]), [_speaker_names(s) for s in speakers])


def _statement_score(g: Gold, p: Statement, ctx: Context) -> float | None:
    f1 = token_f1(str(g["content"]), p.content)
    if f1 < CONTENT_F1_MIN:
        return None
    return f1 + (1.0 if _speaker_ok(g, p, ctx) else 0.0)


def _statement_figures(g: Gold, p: Statement, ctx: Context) -> dict[str, Figure]:
    via = _as_list(g.get("via"))
    return {
        "speaker_accuracy": _one(_speaker_ok(g, p, ctx)),
        "cue_accuracy": _one(normalize(g.get("cue", "")) == normalize(p.cue)),
        "kind_accuracy": _one(normalize(g.get("kind", "indirect")) == normalize(p.statement_kind)),
        "via_accuracy": _one(all(ctx.names.matches(v, p.via) for v in via)) if via else NO_FIGURE,
    }


def _record_spans(p: Record) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in p.spans]


def _actors(actors: Iterable[Any]) -> list[tuple[str | None, ...]]:
    return [(a.entity, a.text) for a in actors]


def _event_score(g: Gold, p: Event, ctx: Context) -> float | None:
    trigger = str(g["trigger"])
    same = normalize(trigger) == normalize(p.trigger) or lemma(trigger) == lemma(p.lemma)
    spans = overlap(ctx.find(trigger), _record_spans(p))
    if not same and spans == 0:
        return None
    gold_actors = _as_list(g.get("actors"))
    shared = ctx.names.intersect(gold_actors, _actors(p.actors))
    if gold_actors and shared == 0:
        return None
    return (1.0 if same else 0.0) + spans + (shared / len(gold_actors) if gold_actors else 0.0)


def _event_figures(g: Gold, p: Event, ctx: Context) -> dict[str, Figure]:
    figures = {
        "negated_accuracy": _one(bool(g.get("negated", False)) == p.negated),
        "attributed_accuracy": _one(
            p.attributed_speaker is None and p.attributed_to is None
            if g.get("attributed_to") is None
            else ctx.names.matches(g["attributed_to"], [p.attributed_speaker])
        ),
        "type_accuracy": NO_FIGURE,
        "target_accuracy": NO_FIGURE,
        "place_accuracy": NO_FIGURE,
        "date_accuracy": NO_FIGURE,
    }
    if "type" in g:  # a gold `type: null` is an answer too: no PLOVER type fits
        accepted = {
            None if t is None else str(t).upper() for t in (g["type"] if isinstance(g["type"], list) else [g["type"]])
        }
        figures["type_accuracy"] = _one((p.type.upper() if p.type else None) in accepted)
    if targets := _as_list(g.get("targets")):
        figures["target_accuracy"] = _one(ctx.names.intersect(targets, _actors(p.targets)) > 0)
    if g.get("place") is not None:
        figures["place_accuracy"] = _one(ctx.names.matches(g["place"], [p.place]))
    if g.get("date") is not None:
        figures["date_accuracy"] = _one(str(g["date"]) == p.date)
    return figures


def _unit_ok(gold_unit: str, unit: str) -> bool:
    return normalize(gold_unit) == normalize(unit) or lemma(gold_unit) == lemma(unit)


def _part_of_ok(g: Gold, p: Claim, ctx: Context) -> bool:
    whole = ctx.claims.get(p.part_of) if p.part_of else None
    if g.get("part_of") is None:
        return whole is None
    return whole is not None and whole.value == float(g["part_of"])


def _claim_score(g: Gold, p: Claim, ctx: Context) -> float | None:
    if float(g["value"]) != p.value or not _unit_ok(str(g["unit"]), p.unit):
        return None
    # Among equal figures, prefer the pairing that also agrees on predicate, claimant and breakdown.
    return 1.0 + sum(0.25 for ok in _claim_figures(g, p, ctx).values() if ok == (1, 1))


def _claim_figures(g: Gold, p: Claim, ctx: Context) -> dict[str, Figure]:
    return {
        "predicate_accuracy": _one(normalize(g.get("predicate", "other")) == normalize(p.predicate)),
        "part_of_accuracy": _one(_part_of_ok(g, p, ctx)),
        "claimant_accuracy": _one(ctx.names.matches(str(g.get("claimant", "")), _speaker_names(p.claimant))),
        "approx_accuracy": _one(bool(g.get("approx", False)) == p.approx),
    }


def _time_score(g: Gold, p: TimeExpr, ctx: Context) -> float | None:
    found = ctx.find(str(g["text"]))
    if found:
        shared = overlap(found, _record_spans(p))
        return shared or None
    # Gold text not found verbatim in the article: fall back to the texts containing one another.
    gold, text = normalize(g["text"]), normalize(p.text)
    return token_f1(gold, text) if gold in text or text in gold else None


def _time_figures(g: Gold, p: TimeExpr, ctx: Context) -> dict[str, Figure]:
    anniversary = g.get("anniversary_of")
    return {
        "value_accuracy": _one(str(g["value"]) == p.value),
        "anniversary_accuracy": NO_FIGURE if anniversary is None else _one(str(anniversary) == p.anniversary_of),
    }


def _place_score(g: Gold, p: Place, ctx: Context) -> float | None:
    if normalize(g["text"]) != normalize(p.text):
        return None
    return 1.0 + (0.5 if normalize(g.get("name", g["text"])) == normalize(p.name) else 0.0)


def _place_figures(g: Gold, p: Place, ctx: Context) -> dict[str, Figure]:
    country, geonames = g.get("country"), g.get("geonames")
    return {
        "name_accuracy": _one(normalize(g.get("name", g["text"])) == normalize(p.name)),
        "country_accuracy": NO_FIGURE if country is None else _one(str(country).upper() == (p.country or "").upper()),
        "geonames_accuracy": NO_FIGURE if geonames is None else _one(int(geonames) == p.geonames_id),
    }


KINDS: tuple[Kind, ...] = (
    Kind(
        "entities",
        "entity",
        _entity_score,
        _entity_figures,
        ("type_accuracy", "role_accuracy"),
        lambda p: normalize(p.name),
    ),
    Kind(
        "statements",
        "statement",
        _statement_score,
        _statement_figures,
        ("speaker_accuracy", "cue_accuracy", "kind_accuracy", "via_accuracy"),
        lambda p: (normalize(p.content), p.start),
        accept=_speaker_ok,
    ),
    Kind(
        "events",
        "event",
        _event_score,
        _event_figures,
        (
            "type_accuracy",
            "negated_accuracy",
            "attributed_accuracy",
            "target_accuracy",
            "place_accuracy",
            "date_accuracy",
        ),
        lambda p: (normalize(p.lemma), p.spans[0].start),
    ),
    Kind(
        "claims",
        "claim",
        _claim_score,
        _claim_figures,
        ("predicate_accuracy", "part_of_accuracy", "claimant_accuracy", "approx_accuracy"),
        lambda p: (p.value, normalize(p.unit), normalize(p.predicate)),
    ),
    Kind(
        "times",
        "time",
        _time_score,
        _time_figures,
        ("value_accuracy", "anniversary_accuracy"),
        lambda p: (normalize(p.text), p.value),
    ),
    Kind(
        "places",
        "place",
        _place_score,
        _place_figures,
        ("name_accuracy", "country_accuracy", "geonames_accuracy"),
        lambda p: normalize(p.text),
    ),
)


# --------------------------------------------------------------------------------------------- tallies


@dataclass
class Tally:
    """Counts for one kind, summed over articles (micro-averaged) before figures are computed."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0  # gold items matched
    correct: int = 0  # predicted items matching a gold item (duplicates of one prediction count once)
    figures: dict[str, list[int]] = field(default_factory=dict)

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched
        self.correct += other.correct
        for name, (right, counted) in other.figures.items():
            total = self.figures.setdefault(name, [0, 0])
            total[0] += right
            total[1] += counted

    def report(self) -> dict[str, Any]:
        precision, recall, f1 = prf(self.matched, self.gold, self.correct, self.predicted)
        out: dict[str, Any] = {
            "precision": round(precision, DECIMALS),
            "recall": round(recall, DECIMALS),
            "f1": round(f1, DECIMALS),
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
        }
        for name, (right, counted) in self.figures.items():
            out[name] = round(right / counted, DECIMALS) if counted else None
        return out


def score_kind(kind: Kind, gold: Sequence[Gold], predicted: Sequence[Record], ctx: Context) -> Tally:
    """Pair gold items with predictions one-to-one and count matches, misses, extras and the kind's figures."""
    pairs = greedy_match(
        len(gold),
        len(predicted),
        lambda g, p: kind.score(gold[g], predicted[p], ctx),
        pred_key=lambda p: record_key(predicted[p]),
    )
    tally = Tally(figures={name: [0, 0] for name in kind.figure_names})
    required = [not g.get("optional") for g in gold]
    tally.gold = sum(required)
    # Each prediction's status: True matched a required item, False matched an optional one (neutral).
    status: dict[int, bool] = {}
    for g, p, _score in pairs:
        if required[g]:
            # Figures are over every paired item, accepted or not (statements: speaker accuracy over
            # content-matched pairs).
            for name, (right, counted) in kind.figures(gold[g], predicted[p], ctx).items():
                tally.figures[name][0] += right
                tally.figures[name][1] += counted
        if kind.accept(gold[g], predicted[p], ctx):
            status[p] = required[g]
            tally.matched += required[g]
    groups: dict[Hashable, list[int]] = {}
    for index, record in enumerate(predicted):
        groups.setdefault(kind.duplicate(record), []).append(index)
    for members in groups.values():
        states = {status[m] for m in members if m in status}
        if True in states:
            tally.correct += 1
            tally.predicted += 1
        elif not states:
            tally.predicted += 1
    return tally


# --------------------------------------------------------------------------------------------- meta


def _published_ok(gold: Any, article: Article) -> bool:
    """Compared at the gold's precision: gold "2024-02-27" accepts any time that day; "2023-02-23T12:42" needs it."""
    if gold is None:
        return article.published is None
    want = str(gold).replace(" ", "T")
    return article.published is not None and article.published.replace(" ", "T")[: len(want)] == want


def _dateline_ok(gold: Any, article: Article, names: Names) -> bool:
    found = article.dateline
    if gold is None or found is None:
        return gold is None and found is None
    return (
        names.matches(str(gold.get("place", "")), [found.place])
        and str(gold.get("country") or "").upper() == (found.country or "").upper()
        and (gold.get("date") is None or str(gold["date"]) == found.date)
    )


def _optional_text_ok(gold: Any, found: str | None, names: Names) -> bool:
    if gold is None or found is None:
        return gold is None and found is None
    return names.matches(str(gold), [found])


def score_meta(gold: Mapping[str, Any], article: Article | None, names: Names) -> dict[str, bool]:
    """Per field, whether the ingested article's metadata equals the gold (a failed article gets every field wrong)."""
    if article is None:
        return dict.fromkeys(META_FIELDS, False)
    return {
        "published": _published_ok(gold.get("published"), article),
        "updated": bool(gold.get("updated", False)) == article.updated,
        "outlet": _optional_text_ok(gold.get("outlet"), article.outlet, names),
        "dateline": _dateline_ok(gold.get("dateline"), article, names),
        "source": _optional_text_ok(gold.get("source"), article.source, names),
        "title": _optional_text_ok(gold.get("title"), article.title, names),
    }


def _meta_report(fields: Mapping[str, list[int]]) -> dict[str, Any]:
    right = sum(r for r, _ in fields.values())
    counted = sum(c for _, c in fields.values())
    return {
        "accuracy": round(right / counted, DECIMALS) if counted else None,
        "fields": {name: round(r / c, DECIMALS) if c else None for name, (r, c) in fields.items()},
    }


# --------------------------------------------------------------------------------------------- adapter


@dataclass
class Scores:
    """Meta fields and kind tallies for one article or a whole gold set."""

    meta: dict[str, list[int]] = field(default_factory=lambda: {name: [0, 0] for name in META_FIELDS})
    kinds: dict[str, Tally] = field(default_factory=lambda: {kind.key: Tally() for kind in KINDS})

    def add(self, other: Scores) -> None:
        for name, (right, counted) in other.meta.items():
            self.meta[name][0] += right
            self.meta[name][1] += counted
        for key, tally in other.kinds.items():
            self.kinds[key].add(tally)

    def report(self) -> dict[str, Any]:
        return {"meta": _meta_report(self.meta), **{key: tally.report() for key, tally in self.kinds.items()}}


def score_article(gold: Mapping[str, Any], analysis: Analysis | None) -> Scores:
    """Score one article's analysis (None when it failed) against its gold annotation."""
    names = Names.of(gold.get("entities") or [])
    scores = Scores()
    for name, ok in score_meta(gold.get("meta") or {}, analysis.article if analysis else None, names).items():
        scores.meta[name] = [int(ok), 1]
    records = analysis.records if analysis else ()
    claims = {r.id: r for r in records if isinstance(r, Claim)}
    ctx = Context(analysis.article.text if analysis else "", names, claims)
    for kind in KINDS:
        predicted = [r for r in records if r.kind == kind.record]
        scores.kinds[kind.key] = score_kind(kind, gold.get(kind.key) or [], predicted, ctx)
    return scores


def load_gold(path: Path) -> dict[str, Any]:
    """One gold YAML file, with YAML dates turned into ISO 8601 strings."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise EvalError(Errors.E403, path=path, error=exc) from exc
    if not isinstance(data, dict):
        raise EvalError(Errors.E403_NOT_MAPPING, path=path)
    return dict(iso(data))


def check_gold(gold: Mapping[str, Any], path: Path) -> None:
    """Raise a clear error for an item that lacks a field its kind is matched on."""
    for key, fields in REQUIRED.items():
        items = gold.get(key) or []
        if not isinstance(items, list):
            raise EvalError(Errors.E403_NOT_LIST, path=path, key=key)
        for number, item in enumerate(items, 1):
            missing = [f for f in fields if not isinstance(item, dict) or item.get(f) is None]
            if missing:
                raise EvalError(Errors.E403_LACKS, path=path, key=key, number=number, fields=", ".join(missing))


def article_golds(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The per-article gold files at ``path`` (a folder or one file), in name order; corpus gold is skipped."""
    files = sorted(path.glob(f"*{GOLD_SUFFIX}")) if path.is_dir() else [path]
    golds = []
    for file in files:
        gold = load_gold(file)
        if "article" in gold:
            check_gold(gold, file)
            golds.append(gold)
    if not golds:
        raise EvalError(Errors.E405, path=path)
    return golds[:limit] if limit is not None else golds


def analyse(files: Sequence[Path]) -> list[Analysis | Failure]:
    """Run ingest and the default pipeline over ``files``, in memory, one result per file in order."""
    from dateline.ingest import iter_documents
    from dateline.pipeline import Pipeline

    return list(Pipeline().run(iter_documents([str(f) for f in files])))


@adapter("gold")
def evaluate_gold(
    path: Path, *, inputs: Path | None = None, split: str = "dev", limit: int | None = None
) -> dict[str, Any]:
    """Score dateline against the gold files at ``path``; ``inputs`` holds the articles (default ../samples)."""
    golds = article_golds(path, limit)
    folder = path if path.is_dir() else path.parent
    inputs = inputs if inputs is not None else folder.parent / "samples"
    files = [inputs / str(g["article"]) for g in golds]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise EvalError(Errors.E404, inputs=inputs, missing=", ".join(missing))
    total = Scores()
    articles: dict[str, Any] = {}
    failures: dict[str, str] = {}
    for gold, result in zip(golds, analyse(files), strict=True):
        if isinstance(result, Failure):
            failures[str(gold["article"])] = f"{result.code}: {result.reason}"
        scores = score_article(gold, result if isinstance(result, Analysis) else None)
        total.add(scores)
        articles[str(gold["article"])] = scores.report()
    report: dict[str, Any] = {**total.report(), "articles": articles}
    if failures:
        # A mapping, not a list, so the plain-text table shows it too; failed articles score as empty output.
        report["failures"] = {"count": len(failures), **failures}
    return report
