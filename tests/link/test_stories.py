"""Story similarity: reports of one occurrence join, occurrences of the same kind stay apart."""

from __future__ import annotations

import dataclasses

from dateline.link import groups, link_articles, stories
from dateline.link.text import words
from dateline.model import Analysis, Article
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
