"""Story similarity: reports of one occurrence join, occurrences of the same kind stay apart."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from dateline.link import groups, link_articles, stories
from dateline.link.text import set_jaccard, words
from dateline.model import Analysis, Article, Entity, TimeExpr
from dateline.store import Store

AQUILA = (
    "A magnitude 6.3 earthquake struck the Abruzzo region of central Italy early on Monday, flattening "
    "buildings in the medieval town of L'Aquila and killing at least 150 people, officials said. Rescuers dug "
    "through the rubble of collapsed houses as aftershocks shook the region. Prime Minister Silvio Berlusconi "
    "declared a state of emergency and said 1,500 people were injured. The quake hit at 3:32 a.m. while most "
    "residents were asleep, and thousands spent the night in tents. It was the deadliest quake there since 1980. "
)
AQUILA_AGAIN = (
    "Rescuers in L'Aquila pulled survivors from the rubble on Tuesday after the magnitude 6.3 earthquake that "
    "struck Abruzzo killed more than 200 people. Silvio Berlusconi visited the town as aftershocks rattled "
    "central Italy; officials said 1,500 people were injured and tens of thousands were homeless. "
)
HAITI = (
    "A magnitude 7.0 earthquake struck Haiti on Tuesday, collapsing buildings in Port-au-Prince and killing "
    "thousands of people, officials said. Rescuers dug through the rubble of houses as aftershocks shook the "
    "capital. President Rene Preval said the presidential palace had collapsed, and the Red Cross said 3 million "
    "people were affected. The quake hit at 4:53 p.m., and survivors spent the night in the streets. It was the "
    "deadliest quake there since 1980. "
)


def _article(text: str, published: str) -> Article:
    return Article(Article.make_id(text), text, f"{published}.txt", Article.make_id(text), published=published)


def _features(article: Article) -> stories.Features:
    return stories.features(article, [], [], words(article.text))


def test_two_earthquakes_in_different_years_and_places_are_not_one_story(db_url: str) -> None:
    aquila, again = _article(AQUILA, "2009-04-06"), _article(AQUILA_AGAIN, "2009-04-07")
    haiti = _article(HAITI, "2010-01-12")
    # Undated, the topic words and a year both reports recall do not make the two earthquakes one story:
    # names and figures differ.
    undated = [dataclasses.replace(_features(a), date=None) for a in (aquila, again, haiti)]
    assert stories.similarity(undated[0], undated[1]) >= stories.THRESHOLD
    assert stories.similarity(undated[0], undated[2]) < stories.THRESHOLD
    store = Store(db_url)
    for article in (aquila, haiti, again):
        store.write(Analysis(article))
    link_articles(store, [aquila.id, haiti.id, again.id])
    story_of = {a: s["id"] for s in groups(store, "stories") for a in s["article_ids"]}
    assert story_of[aquila.id] == story_of[again.id] != story_of[haiti.id]


def test_the_same_person_arrested_in_two_years_is_two_stories() -> None:
    text = "Police arrested Tara Reid, 33, in Los Angeles on Friday after a night out, her publicist said. "
    first, second = _features(_article(text, "2008-03-14")), _features(_article(text, "2009-03-13"))
    assert stories.similarity(first, second) == 0.0
    follow_up = _features(_article(text, "2008-04-01"))
    # A follow-up weeks later needs more evidence than a same-week report, but identical reports have it.
    assert stories.THRESHOLD <= stories.similarity(first, follow_up) < stories.similarity(first, first)


def test_figures_are_numbers_but_not_years() -> None:
    assert stories.text_figures("In 2009 a 6.3 quake killed 1,500 people in 12 towns, 3 days after") == [
        "1,500",
        "12",
        "6.3",
    ]


def _reference_similarity(a: stories.Features, b: stories.Features) -> float:
    """The similarity as the module's docstring and weights define it, written out pair by pair (sets and days
    built for each pair), to check the precomputed ``Compared`` against."""

    def jaccard(x: tuple[str, ...], y: tuple[str, ...]) -> float:
        return len(set(x) & set(y)) / len(set(x) | set(y)) if x and y else 0.0

    weight = 1.0
    if a.date and b.date:
        days = abs((dt.date.fromisoformat(a.date) - dt.date.fromisoformat(b.date)).days)
        if days <= stories.NEWS_CYCLE_DAYS:
            weight = stories.NEWS_CYCLE_WEIGHT
        elif days > stories.WINDOW_DAYS:
            weight = stories.FOLLOW_UP_WEIGHT if days <= stories.FOLLOW_UP_DAYS else 0.0
    if not weight or (a.occurrences and b.occurrences and not set(a.occurrences) & set(b.occurrences)):
        return 0.0
    names, figures = jaccard(a.entities + a.places, b.entities + b.places), jaccard(a.figures, b.figures)
    if not (names or figures):
        return 0.0
    return weight * (
        stories.W_NAMES * names + stories.W_KEYWORDS * jaccard(a.keywords, b.keywords) + stories.W_FIGURES * figures
    )


def test_precomputed_comparison_gives_the_pairwise_similarity(gold_analyses: list[Analysis]) -> None:
    # Every pair of the sample reports (real texts and records), scored through ``Compared`` as linking does and
    # written out pair by pair: the same floats. Each report also with other dates (every distance band: the
    # news cycle, the week, a follow-up, beyond) and undated, with and without its anniversary occurrences.
    reports = []
    for analysis in gold_analyses:
        # Named by their own names (people and places apart), as canonical entities would be.
        found = [dataclasses.replace(e, entity_id=e.name) for e in analysis.records if isinstance(e, Entity)]
        times = [t for t in analysis.records if isinstance(t, TimeExpr)]
        reports.append(stories.features(analysis.article, found, times, words(analysis.article.text)))
    assert any(f.places for f in reports) and any(f.entities for f in reports)
    days = (None, "2024-02-01", "2024-02-02", "2024-02-06", "2024-02-21", "2024-03-12")
    pool = [
        *reports,
        *(
            dataclasses.replace(f, date=day, occurrences=o)
            for f in reports
            for day in days
            for o in (f.occurrences, ())
        ),
    ]
    scores = [(stories.similarity(a, b), _reference_similarity(a, b)) for a in pool for b in pool]
    assert all(mine == reference for mine, reference in scores)
    assert len({mine for mine, _ in scores if 0 < mine < 1}) >= 4


_WORDS = st.frozensets(st.sampled_from(["quake", "rubble", "italy", "haiti", "150", "6.3", "berlusconi", "tents"]))


@given(_WORDS, _WORDS)
def test_set_jaccard_is_the_shared_share_of_the_union(a: frozenset[str], b: frozenset[str]) -> None:
    # The union's size is counted, not built: the same float as dividing by the union set's size.
    expected = len(a & b) / len(a | b) if a and b else 0.0
    assert set_jaccard(a, b) == expected
