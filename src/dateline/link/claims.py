"""Claim ledger: the same figure (value, unit, predicate) across sources and years.

Each claim joins the group of its (value, unit, predicate) key — counts, money (an ISO currency) and
percentages alike; the group keeps who stated it first and who repeats it, and a readable ``figure``
("about USD 2,300,000,000", "8.2%"). Figures disagree only when they count the same thing for the same
occurrence: same unit, predicate and governing word ("lose", "unemployment rate"), a different value, in
different articles of the same story or series. Two figures of one report are a breakdown or two counts
("130 children lost one parent, 25 both"), never a disagreement; they are listed in ``disagreements``
otherwise.
"""

from __future__ import annotations

from typing import Any

from dateline.link.text import words
from dateline.model import Article, Claim, content_id, figure_text
from dateline.normalize import stem
from dateline.store.corpus import GROUP_KINDS, LinkSession, capped

KIND = GROUP_KINDS["ledger"]
BLOCK_CAP = 500
# Other figures compared per claim (most shared topics first): a story or series rarely holds more distinct
# figures of one unit and predicate than this, and the bound keeps a claim's cost flat.
CANDIDATES = 50


def unit_key(unit: str) -> str:
    return " ".join(stem(w) for w in words(unit)) or "-"


def value_key(value: float) -> str:
    return f"{value:g}"


def _keys(claim: Claim, related: list[str]) -> tuple[str, list[str]]:
    """A claim's group id and its topic keys (unit, predicate, governing word, and a story or series)."""
    unit = unit_key(claim.unit)
    about = claim.predicate_text or "-"
    topic = [f"{unit}|{claim.predicate}|{about}|{r}" for r in related]
    return content_id("claim_group", value_key(claim.value), unit, claim.predicate), topic


def link(
    session: LinkSession, article: Article, claims: list[Claim], related: list[str], date: str | None
) -> list[str]:
    """File each claim in the ledger; ``related`` are the article's story and series ids (for disagreements)."""
    out = []
    todo = [(claim, *_keys(claim, related)) for claim in sorted(claims, key=lambda c: c.start)]
    # The article's claim groups and topic postings read at once, not claim by claim.
    session.prefetch(KIND, (k for *_, topic in todo for k in topic))
    session.prefetch_groups(KIND, (group_id for _, group_id, _ in todo))
    for claim, group_id, topic in todo:
        predicate = claim.predicate
        # One read for the claim's group and the groups sharing its topic. The others are read only (shared
        # parsed rows, ``peek_groups``): a claim meets up to ``CANDIDATES`` of them and changes few (``_disagree``
        # copies the one it writes); parsing each afresh was 0.57 of 9.6 profiled ms per article over the last
        # 1,000 of 30,000 bench articles.
        cands = session.candidates(KIND, topic, cap=BLOCK_CAP, limit=CANDIDATES)
        session.prefetch_groups(KIND, [group_id, *cands])
        others = session.peek_groups(KIND, [c for c in cands if c != group_id])
        group = session.get_group(KIND, group_id) or {
            "id": group_id,
            "value": claim.value,
            "value_max": claim.value_max,
            "approx": claim.approx,
            "hedge": claim.hedge,
            "unit": claim.unit,
            "figure": figure_text(claim.value, claim.unit, claim.approx, value_max=claim.value_max, hedge=claim.hedge),
            "predicate": predicate,
            "about": claim.predicate_text,
            "article_ids": [],
            "claim_ids": [],
            "first_seen": None,
            "first_claimant": None,
            "claimants": [],
            "disagreements": [],
        }
        group["claim_ids"] = capped([*group["claim_ids"], claim.id])
        group["article_ids"] = capped([*group.get("article_ids", []), claim.article_id])
        claimant = claim.claimant.name
        if claimant not in group["claimants"]:
            group["claimants"] = capped([*group["claimants"], claimant])
        if date and (group["first_seen"] is None or date < group["first_seen"]):
            group["first_seen"], group["first_claimant"] = date, claimant
        elif group["first_claimant"] is None:
            group["first_claimant"] = claimant
        for other_id, other in sorted(others.items()):
            if claim.article_id not in other.get("article_ids", []):
                _disagree(session, group, other_id, other)
        # ``group`` is this claim's own (a fresh read or new) and not touched again: handed over, its JSON written
        # once at the flush however often the batch puts it, and its next peek (a later claim's topic) not a
        # parse. Claims meet more figures as the corpus grows (6 -> 29 candidate groups per long report, 3,000 ->
        # 10,000 articles; bench/RESULTS-linking.md, session 20).
        session.put_group(KIND, group_id, group, label=predicate, handed_over=True)
        session.add_keys(KIND, topic, group_id, cap=BLOCK_CAP)
        session.add_member(
            KIND,
            group_id,
            claim.id,
            claim.article_id,
            {"claimant": claimant, "date": date, "statement_id": claim.statement_id},
        )
        out.append(group_id)
    return out


def _disagree(session: LinkSession, group: dict[str, Any], other_id: str, other: dict[str, Any]) -> None:
    if other["value"] == group["value"]:
        return
    group["disagreements"] = _with(group["disagreements"], other_id)
    theirs = _with(other["disagreements"], str(group["id"]))
    if theirs is not other["disagreements"]:
        # ``other`` is a shared read-only row (``peek_groups``): the write goes out as a changed copy, whose other
        # parts stay shared with it (neither is ever changed), handed over as ``group`` is.
        changed = {**other, "disagreements": theirs}
        session.put_group(KIND, other_id, changed, label=other["predicate"], handed_over=True)


def _with(ids: list[str], new: str) -> list[str]:
    """``capped`` of ``ids`` and ``new``, or ``ids`` itself when that leaves it as it is: the same two figures
    meet again in each article of their story, and the other figure's group need not be sorted, dumped and
    written again (unchanged for 7,136 of the 13,857 disagreements met linking the first 3,000 articles of
    ``bench/linking.py``, 2,957 of 14,610 over the first 3,000 Reuters wires)."""
    if new in ids:
        # A capped list is sorted and distinct: holding ``new`` already, ``capped`` would give it back.
        return ids
    out = capped([*ids, new])
    return ids if out == ids else out
