"""Every scorer's figures depend on what the predictions say, never on their ids or the order they come in.

Records are listed by position, then id (``model.sorted_records``), so two records at one place swap whenever an
extractor version (and with it every id) changes: a scorer that breaks pairing ties by list position moves a
figure though nothing it scores has changed. Each test here shuffles the predictions (and renames their ids
where they have any) and asserts the same report."""

from __future__ import annotations

import dataclasses
import functools
import itertools
import random
import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.evaluate import geowebnews, gold, plover, polnear, timeml
from dateline.evaluate.text import best_assignment
from dateline.extract.times import Found
from dateline.model import Actor, Analysis, Event, Place, Record, Span
from tests.conftest import EVAL_DATA
from tests.evaluate.test_gold import EXTRACTOR, _article, _gold, _perfect, _span

POLNEAR = EVAL_DATA / "quotes" / "polnear"
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _shuffled(items: list[Any], seed: int) -> list[Any]:
    out = list(items)
    random.Random(seed).shuffle(out)
    return out


# --------------------------------------------------------------------------------------------- PolNeAR


@functools.cache
def _polnear_doc() -> polnear.PolnearDoc:
    """The first PolNeAR dev article with at least four attributions (real text, real gold); read once, since
    every example of the property tests below draws from it."""
    return next(d for d in polnear.load_split(POLNEAR, "dev", limit=10) if len(d.gold) >= 4)


def _tally(doc: polnear.PolnearDoc, predictions: list[polnear.Predicted]) -> dict[str, Any]:
    tally = polnear.Tally()
    tally.add(doc.text, doc.gold, predictions)
    return tally.report()


def test_polnear_strict_does_not_follow_the_order_of_two_predictions_at_one_place() -> None:
    # Two statements overlap one gold content by the same number of characters: one says exactly its words,
    # the other runs on a word past it. Which of them pairs (and so whether the match is strict) must not
    # depend on which comes first in the list, an order that follows record ids.
    doc = _polnear_doc()
    ((start, end),) = doc.gold[0].content[:1]
    after = re.search(r"\w+", doc.text[end:])
    assert after is not None
    exact = polnear.Predicted(((start, end),), None)
    longer = polnear.Predicted(((start, end + after.end()),), None)
    reports = [_tally(doc, order) for order in ([exact, longer], [longer, exact])]
    assert reports[0] == reports[1]


@st.composite
def _polnear_predictions(draw: st.DrawFn) -> tuple[list[polnear.Predicted], int]:
    doc = _polnear_doc()
    sources = [f for attribution in doc.gold for f in attribution.source] or [(0, 1)]
    out = []
    for _ in range(draw(st.integers(1, 8))):
        g = draw(st.sampled_from(doc.gold))
        start, end = g.extent
        # Near the gold content's edges, so that overlaps tie and strict equality differs between rivals.
        a = start + draw(st.integers(-3, 3))
        b = end + draw(st.integers(-3, 3))
        source = draw(st.one_of(st.none(), st.sampled_from(sources)))
        if a < b:
            out.append(polnear.Predicted(((max(0, a), b),), source))
    return out, draw(st.integers(0, 2**16))


@SETTINGS
@given(_polnear_predictions())
def test_polnear_figures_do_not_depend_on_prediction_order(case: tuple[list[polnear.Predicted], int]) -> None:
    predictions, seed = case
    doc = _polnear_doc()
    assert _tally(doc, predictions) == _tally(doc, _shuffled(predictions, seed))


# --------------------------------------------------------------------------------------------- gold files


def _renamed(records: list[Record], seed: int) -> list[Record]:
    """The records with fresh ids (references between them, ``part_of``, follow), in a shuffled order."""
    rng = random.Random(seed)
    ids = {r.id: f"{rng.getrandbits(64):016x}" for r in records}
    out: list[Record] = []
    for record in records:
        changes: dict[str, Any] = {"id": ids[record.id]}
        if getattr(record, "part_of", None):
            changes["part_of"] = ids.get(record.part_of, record.part_of)  # type: ignore[attr-defined]
        out.append(dataclasses.replace(record, **changes))
    return _shuffled(out, seed)


def _rival_events() -> list[Record]:
    """Events that pair with the gold "rejected" equally well but differ in the figures they score."""
    base = next(r for r in _perfect() if isinstance(r, Event))
    return [
        dataclasses.replace(base, id="", type=None),
        dataclasses.replace(base, id="", type="ACCUSE", negated=True),
        dataclasses.replace(base, id="", targets=(Actor("the plan"),)),
    ]


def _report(records: list[Record]) -> dict[str, Any]:
    return gold.score_article(_gold(), Analysis(_article(), tuple(records))).report()


def test_gold_events_pair_the_same_whatever_their_ids() -> None:
    records = [*_perfect(), *_rival_events()]
    reports = {str(_report(_renamed(records, seed))) for seed in range(12)}
    assert len(reports) == 1


@SETTINGS
@given(st.lists(st.integers(0, 8), max_size=6), st.integers(0, 2**16))
def test_gold_figures_do_not_depend_on_record_ids_or_order(extra: list[int], seed: int) -> None:
    rivals = _rival_events()
    more = [dataclasses.replace(rivals[i % len(rivals)], spans=(_span("rejected"),), what=str(i)) for i in extra]
    records = [*_perfect(), *rivals, *more]
    assert _report(records) == _report(_renamed(records, seed))


# --------------------------------------------------------------------------------------------- TimeML


@SETTINGS
@given(
    st.lists(
        st.tuples(st.integers(0, 12), st.integers(1, 6), st.sampled_from(["2025", "2025-04", "2025-04-12"])),
        max_size=6,
    ),
    st.integers(0, 2**16),
)
def test_timeml_pairs_do_not_depend_on_found_order(found: list[tuple[int, int, str]], seed: int) -> None:
    timexes = (timeml.Timex(2, 8, "2025-04-12", "DATE"), timeml.Timex(10, 14, "2025", "DATE"))
    items = [Found(s, s + n, v) for s, n, v in found]
    doc = timeml.TimeMLDoc("d", "part", "x" * 30, None, timexes)

    def report(order: list[Found]) -> dict[str, Any]:
        tally = timeml.Tally()
        tally.add(doc, order)
        return {**tally.report(), "errors": {k: sorted(v) for k, v in tally.errors.items()}}

    assert report(items) == report(_shuffled(items, seed))


# --------------------------------------------------------------------------------------------- PLOVER


def _event(start: int, end: int, type_: str | None, actor: str) -> Event:
    text = "x" * 20
    return Event(
        article_id="a1",
        spans=(Span.of(text, start, end),),
        extractor=EXTRACTOR,
        trigger="x" * (end - start),
        lemma="x",
        type=type_,
        actors=(Actor(actor, country=actor),),
    )


@SETTINGS
@given(
    st.lists(
        st.tuples(st.integers(0, 3), st.integers(1, 3), st.sampled_from([None, "ACCUSE", "ASSAULT"]), st.text("AB")),
        min_size=1,
        max_size=6,
    ),
    st.integers(0, 2**16),
)
def test_plover_main_event_does_not_depend_on_event_order(events: list[tuple[int, int, Any, str]], seed: int) -> None:
    found = [_event(s, s + n, t, a) for s, n, t, a in events]
    depth = {0: 1, 1: 0, 2: 1, 3: 2}
    first = plover.main_event(found, depth)
    again = plover.main_event(_shuffled(found, seed), depth)
    assert first is not None and again is not None
    assert dataclasses.replace(first, id="") == dataclasses.replace(again, id="")


# --------------------------------------------------------------------------------------------- GeoWebNews


def _place(start: int, end: int, name: str) -> Place:
    text = "x" * 20
    return Place(
        article_id="a1",
        spans=(Span.of(text, start, end),),
        extractor=EXTRACTOR,
        text="x" * (end - start),
        name=name,
        country="FD",
        lat=float(len(name)),
        lon=0.0,
    )


@SETTINGS
@given(
    st.lists(st.tuples(st.integers(0, 8), st.integers(1, 6), st.sampled_from(["A", "BB", "CCC"])), max_size=6),
    st.integers(0, 2**16),
)
def test_geowebnews_hit_does_not_depend_on_place_order(places: list[tuple[int, int, str]], seed: int) -> None:
    found = [_place(s, s + n, name) for s, n, name in places]
    assert geowebnews._hit(found, 3, 7) == geowebnews._hit(_shuffled(found, seed), 3, 7)


@SETTINGS
@given(st.lists(st.lists(st.sampled_from([0, 0, 1, 2, 5]), min_size=4, max_size=4), min_size=1, max_size=5))
def test_best_assignment_finds_the_largest_total(weights: list[list[int]]) -> None:
    pairs = best_assignment(weights)
    assert len({r for r, _ in pairs}) == len(pairs) == len({c for _, c in pairs})
    assert all(weights[r][c] > 0 for r, c in pairs)
    rows, cols = len(weights), len(weights[0])
    if rows <= cols:
        best = max(sum(weights[r][p[r]] for r in range(rows)) for p in itertools.permutations(range(cols), rows))
    else:
        best = max(sum(weights[p[c]][c] for c in range(cols)) for p in itertools.permutations(range(rows), cols))
    assert sum(weights[r][c] for r, c in pairs) == best


def test_polnear_pairs_the_most_contents() -> None:
    # One prediction overlaps two contents equally; a second overlaps only the first. Largest overlap first
    # could give the first content to the first prediction and leave the second unmatched.
    gold = (polnear.Attribution(((0, 10),)), polnear.Attribution(((10, 20),)))
    pred = [polnear.Predicted(((5, 15),), None), polnear.Predicted(((0, 5),), None)]
    assert sorted(polnear.overlap_matches(gold, pred)) == [(0, 1), (1, 0)]
