"""The claim ledger: money and percentages grouped and shown readably; a breakdown is no disagreement."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from dateline.link.claims import KIND, _with
from dateline.link.claims import link as link_claims
from dateline.model import Article, Claim, Span, Speaker, figure_text
from dateline.store import Store
from dateline.store.corpus import MAX_LIST, LinkSession, link_groups


def _claim(article: Article, value: float, unit: str, about: str, approx: bool = False) -> Claim:
    return Claim(
        article_id=article.id,
        spans=(Span.of(article.text, 0, 1),),
        extractor="claims.test.v1",
        value=value,
        approx=approx,
        unit=unit,
        predicate="other",
        predicate_text=about,
        claimant=Speaker(text="Outlet", entity="Outlet"),
    )


def _article(name: str) -> Article:
    return Article(id=name, text="x" * 10, source_path=f"{name}.txt", content_hash=name)


def test_figures_read_with_separators_currency_and_hedges() -> None:
    assert figure_text(2_300_000_000, "USD", approx=True) == "about USD 2,300,000,000"
    assert figure_text(14.7, "percent") == "14.7%"
    assert figure_text(3.25, "percentage point") == "3.25 percentage points"
    assert figure_text(1, "percentage point") == "1 percentage point"
    assert figure_text(2000, "people", True, hedge="at least") == "at least 2,000 people"
    assert figure_text(130_000, "jobs", True, value_max=150_000) == "130,000–150,000 jobs"
    assert figure_text(1275, "people") == "1,275 people"
    assert figure_text(2.5e9, "") == "2,500,000,000"


def test_breakdown_in_one_report_is_not_a_disagreement(db_url: str) -> None:
    one, other = _article("a"), _article("b")
    store = Store(db_url)
    with store.engine.begin() as conn:
        session = LinkSession(conn)
        first = link_claims(
            session, one, [_claim(one, 130, "children", "lose"), _claim(one, 25, "children", "lose")], ["s"], None
        )
        second = link_claims(
            session, other, [_claim(other, 140, "children", "lose"), _claim(other, 2e9, "USD", "pledge")], ["s"], None
        )
        groups = session.get_groups(KIND, [*first, *second])
    by_value = {g["value"]: g for g in groups.values()}
    assert by_value[130]["disagreements"] and by_value[140]["disagreements"]
    assert second[0] not in by_value[2e9]["disagreements"] and not by_value[2e9]["disagreements"]
    assert first[1] not in by_value[130]["disagreements"] and first[0] not in by_value[25]["disagreements"]
    assert by_value[2e9]["figure"] == "USD 2,000,000,000"


def test_figures_meeting_again_leave_the_other_group_unwritten(db_url: str) -> None:
    """Two disagreeing figures met again in a third article of the story: the other figure's group already
    names this one, so it is not written again, and both lists are what a rewrite would give."""
    a, b, c = _article("a"), _article("b"), _article("c")
    store = Store(db_url)
    with store.engine.begin() as conn:
        session = LinkSession(conn)
        (low,) = link_claims(session, a, [_claim(a, 130, "children", "lose")], ["s"], None)
        (high,) = link_claims(session, b, [_claim(b, 140, "children", "lose")], ["s"], None)
        session.flush()
        link_claims(session, c, [_claim(c, 140, "children", "lose")], ["s"], None)
        assert (KIND, low) not in session.pending.groups and (KIND, high) in session.pending.groups
        groups = session.get_groups(KIND, [low, high])
    assert groups[low]["disagreements"] == [high] and groups[high]["disagreements"] == [low]
    assert groups[high]["article_ids"] == ["b", "c"]


def test_a_full_disagreement_list_is_kept_as_it_is() -> None:
    full = [f"g{i:03d}" for i in range(MAX_LIST)]
    assert _with(full, "g001") is full and _with(full, "zzz") is full
    assert _with(full, "a") == ["a", *full[:-1]]
    assert _with([], "g") == ["g"]


def test_claim_groups_put_in_one_session_are_the_rows_of_one_session_per_article(db_url: str, tmp_path: Path) -> None:
    # Claim groups are handed over (kept as their parsed rows, dumped at the flush): an article whose figures meet
    # the same groups again in the same session must write the rows that a fresh session per article writes.
    def figures(name: str, values: list[float]) -> tuple[Article, list[Claim]]:
        article = _article(name)
        return article, [_claim(article, v, "children", "lose") for v in values]

    articles = [figures("a", [130, 25]), figures("b", [140, 130]), figures("c", [25, 140, 150]), figures("d", [130])]

    def rows(url: str, *, one_session: bool) -> list[tuple[str, ...]]:
        store = Store(url)
        with store.engine.begin() as conn:
            session = LinkSession(conn)
            for article, claims in articles:
                if not one_session:
                    session.flush()
                    session = LinkSession(conn)
                link_claims(session, article, claims, ["s"], None)
            session.flush()
        with store.engine.connect() as conn:
            return sorted(tuple(r) for r in conn.execute(sa.select(link_groups)))

    together = rows(db_url, one_session=True)
    assert together == rows(str(tmp_path / "apart.db"), one_session=False)
    assert any('"disagreements":[]' not in row[3] for row in together)
