"""Corpus-level linking: canonical entities, near-duplicates, stories, series, claim ledger, repeated statements.

``link_articles(store, ids)`` links new articles incrementally: each article is compared only with a bounded
number of stored items that share a blocking key (name keys, LSH bands, keywords of the same week, figure
keys), so the cost of adding one article does not grow with the corpus. Articles are linked in batches of
``BATCH``: one transaction per batch, writes buffered and sent with executemany (``LinkSession``), bounded LRU
caches shared by the batches of one pass. ``link_corpus(store)`` forgets every link and re-links all
articles. An article already linked is skipped (idempotent).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Any, TypeVar

from dateline.link import claims, duplicates, entities, series, statements, stories
from dateline.link.prepare import ArticleFeatures, prepare
from dateline.link.statements import ArticleNames, named_entity_id
from dateline.model import Analysis, Claim, Entity, Record, Speaker, Statement, TimeExpr, sorted_records
from dateline.store import Store, corpus
from dateline.store.corpus import (
    GROUP_KINDS,
    LINKED,
    MERGE_PENDING,
    MERGED,
    REWRITE,
    LinkCache,
    LinkSession,
    unlinked_article_ids,
)
from dateline.store.db import NAMING, RecordRow, map_entity_ids, mapped_record, moved_ids
from dateline.store.queries import all_groups as groups

# Articles per transaction: large enough that commits (an fsync each) and the store reads are a small share of
# the time, small enough that the analyses held in memory and the work lost to a crash stay small.
BATCH = 200
# The record kinds linking reads (the others are not loaded).
KINDS = (Entity.kind, TimeExpr.kind, Claim.kind, Statement.kind)
# The key of a ``REWRITE`` mark whose article's ids the merge keeps distinct (``_rewrite_mark``): its records are
# mapped (``_mapped``), not read whole and resolved again. A mark without it (and every mark an earlier version
# wrote) gets the whole rewrite, which is right for every article. Only the pass's own articles get a mark with
# it: an earlier article's ids are mapped by its readers (``merge_entities``).
MAPPED = "mapped"
R = TypeVar("R", bound=Record)


@dataclass
class LinkSummary:
    """What a linking pass did."""

    articles: int = 0
    skipped: int = 0
    groups: dict[str, int] = field(default_factory=dict)
    # The canonical entities this pass touched (looked at again once the pass has linked every article).
    entities: set[str] = field(default_factory=set)

    def add(self, kind: str, n: int = 1) -> None:
        self.groups[kind] = self.groups.get(kind, 0) + n

    def to_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "skipped": self.skipped, "links": dict(sorted(self.groups.items()))}


def _of(records: Iterable[Record], cls: type[R]) -> list[R]:
    return [r for r in records if isinstance(r, cls)]


def _resolved(speaker: Speaker, names: ArticleNames) -> Speaker:
    """``speaker`` with the canonical entity its name gives among the article's entities (``names``), the same
    object when that is the id it has. Resolved afresh from the article's linked entities, never from an earlier
    pass's id, so a full re-link gives what a first link gives."""
    found = named_entity_id(speaker, names)
    return speaker if found == speaker.entity_id else replace(speaker, entity_id=found)


def resolve_speakers(records: Iterable[Record], found: list[Entity]) -> list[Statement | Claim]:
    """The statements and claims of ``records`` with each speaker's (claimant's) canonical entity in
    ``entity_id``, from the article's linked entities ``found``."""
    # An article names the same speakers again and again ("he", a minister quoted five times): each distinct
    # speaker is resolved once against the article's entities, whose names are read once (``ArticleNames``).
    known: dict[Speaker, Speaker] = {}
    names: list[ArticleNames] = []

    def resolved(speaker: Speaker) -> Speaker:
        if speaker not in known:
            if not names:
                names.append(ArticleNames.of(found))
            # The speaker itself when resolving changes nothing: its record is then kept as it is, not copied.
            known[speaker] = _resolved(speaker, names[0])
        return known[speaker]

    return [_with_speakers(rec, resolved) for rec in records if isinstance(rec, Statement | Claim)]


def _with_speakers(rec: Statement | Claim, move: Callable[[Speaker], Speaker]) -> Statement | Claim:
    """``rec`` with ``move`` applied to each of a statement's speakers or to a claim's claimant: the same object
    when ``move`` returns each one itself."""
    if isinstance(rec, Statement):
        speaker, speakers = move(rec.speaker), tuple(move(s) for s in rec.speakers)
        same = speaker is rec.speaker and all(a is b for a, b in zip(speakers, rec.speakers, strict=True))
        return rec if same else replace(rec, speaker=speaker, speakers=speakers)
    claimant = move(rec.claimant)
    return rec if claimant is rec.claimant else replace(rec, claimant=claimant)


def _changed(records: Iterable[Record], before: Mapping[str, Record]) -> list[Record]:
    """Those of ``records`` that differ from the record of their id in ``before`` (the same object does not)."""
    return [r for r in records if (old := before.get(r.id)) is not r and old != r]


def link_analysis(
    session: LinkSession, analysis: Analysis, summary: LinkSummary, prepared: ArticleFeatures | None = None
) -> list[Record]:
    """Link one article (not yet linked) within ``session``. Returns its records that linking changed:
    entities with ``entity_id`` filled, statements and claims with their speaker's canonical entity.
    ``prepared``: what linking needs of the article alone, worked out with its analysis (``link.prepare``);
    worked out here when not given."""
    article = analysis.article
    own = prepared or prepare(analysis)
    linked = entities.link(session, article, _of(analysis.records, Entity))
    spoken = resolve_speakers(analysis.records, linked)
    times = _of(analysis.records, TimeExpr)
    copy_of = duplicates.link(session, article, own.minhash())
    feats = stories.assembled(article, linked, times, own.keywords, own.figures, own.text_names)
    story = stories.link(session, article, feats, copy_of=copy_of)
    entity_ids = sorted({e.entity_id for e in linked if e.entity_id})
    series_ids = series.link(session, article, times, entity_ids, feats.date)
    ledger = claims.link(session, article, _of(spoken, Claim), [story, *series_ids], feats.date)
    repeated = statements.link(session, _of(spoken, Statement), own.statement_words)
    session.put_features(LINKED, article.id, article.id, {})
    if entity_ids:
        # Committed with the "linked" mark: a run killed before its merge pass leaves these for the next.
        session.put_features(MERGE_PENDING, article.id, article.id, {"entities": entity_ids})
    summary.articles += 1
    summary.add("entity", len(linked))
    summary.entities.update(e.entity_id for e in linked if e.entity_id)
    summary.add("duplicate", int(copy_of is not None))
    summary.add("series", len(series_ids))
    summary.add("claim_group", len(ledger))
    summary.add("repeated", len(repeated))
    return _changed([*linked, *spoken], {r.id: r for r in analysis.records})


@contextmanager
def collections_paused(*, freeze: bool = False) -> Iterator[None]:
    """Python's cyclic garbage collector held off for the block (as it was after it).

    Linking allocates a few hundred thousand containers per batch (parsed rows, name forms, candidate lists),
    nearly all freed by reference counting, and keeps large caches alive: the collector's passes, which scan
    those caches again and again, took 15-18% of linking's CPU (150 AllSides reports: 17.8 -> 14.6 ms per
    article with it off, the links identical; raising its first threshold to 10,000 gave only 15.8). What
    cyclic garbage a batch leaves is bounded by the batch and collected once the collector runs again.

    ``freeze`` (inside ``survivors_frozen``): what the block leaves alive is moved out of the collector's reach
    as it ends (``gc.freeze``), so the pass that came as the collector was enabled again, over everything the
    batch left in its youngest generation (the caches' new entries: 0.2-0.55 ms per report, and a second or
    third generation's pass over them later), does not come at all."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()


@contextmanager
def survivors_frozen() -> Iterator[None]:
    """A linking pass whose batches freeze what they leave alive (``collections_paused(freeze=True)``), given
    back to the collector when the pass ends (``gc.unfreeze``), so that cycles among them are collected then.

    What a batch leaves is nearly all the caches' entries, which live as long as the pass and hold no cyclic
    garbage to speak of: 20 objects found unreachable in 2 passes after 200 long reports' batches (3,000-article
    base; bench/RESULTS-linking.md, session 27). Frozen objects are still freed by reference counting (an
    entry the caches drop goes at once), only cycles wait for the end of the pass. If the process had frozen
    objects already (a run freezes its start-up heap, ``batch.run._frozen_start_up``), whoever froze them
    gives them back (``gc.unfreeze`` gives back all that is frozen) and this pass leaves them frozen."""
    ours = gc.get_freeze_count() == 0
    try:
        yield
    finally:
        if ours:
            gc.unfreeze()


def link_batch(
    store: Store,
    analyses: list[Analysis],
    summary: LinkSummary,
    cache: LinkCache,
    prepared: Mapping[str, ArticleFeatures] | None = None,
    *,
    freeze: bool = False,
) -> list[Record]:
    """Link a batch of stored articles in one transaction (oldest first, so "first seen" follows the dates).
    Returns the records linking changed (as now stored). ``prepared``: the articles' ``ArticleFeatures`` worked
    out with their analyses, by article id (those missing are worked out here). ``freeze``: what the batch
    leaves alive is frozen as it ends (``collections_paused``; only inside ``survivors_frozen``)."""
    prepared = prepared or {}
    changed: list[Record] = []
    with collections_paused(freeze=freeze), corpus.session(store, cache) as session:
        done = session.linked(a.article.id for a in analyses)
        # The batch's entity look-ups read ahead in a few queries, not two per article.
        entities.prefetch(session, (_of(a.records, Entity) for a in analyses if a.article.id not in done))
        for analysis in sorted(analyses, key=lambda a: (a.article.published or "", a.article.id)):
            if analysis.article.id in done:
                summary.skipped += 1
                continue
            done.add(analysis.article.id)
            changed.extend(link_analysis(session, analysis, summary, prepared.get(analysis.article.id)))
            session.maybe_flush()
        session.update_records(changed)
    return changed


def _batches(ids: Iterable[str]) -> Iterator[list[str]]:
    iterator = iter(ids)
    while batch := list(islice(iterator, BATCH)):
        yield batch


def linkable(analysis: Analysis) -> Analysis:
    """``analysis`` with only the records linking reads (``KINDS``), as ``Store.analyses(..., kinds=KINDS)``
    reads it back (in the store's order): a caller that has just stored an analysis hands linking this instead
    of a re-read."""
    return Analysis(analysis.article, sorted_records(r for r in analysis.records if r.kind in KINDS))


# The records of each article held in memory, by article id, exactly as the store holds them.
Known = dict[str, tuple[Record, ...]]


@dataclass
class Fresh:
    """Analyses a caller has just stored, held as linking reads them (``linkable``, applied here once, when each
    is kept) so that linking need not read them back: up to ``limit`` records in all, the analyses past the
    bound are read back from the store. With them, up to ``features_limit`` articles' ``ArticleFeatures``
    worked out with the analyses (``link.prepare``: a few KB each, so many more articles than records fit),
    each dropped once its article is linked."""

    limit: int
    features_limit: int = 0
    records: int = 0
    analyses: dict[str, Analysis] = field(default_factory=dict)
    features: dict[str, ArticleFeatures] = field(default_factory=dict)

    def keep(self, analysis: Analysis, features: ArticleFeatures | None = None) -> None:
        kept = linkable(analysis)
        if self.records + len(kept.records) <= self.limit:
            self.records += len(kept.records)
            self.analyses[kept.article.id] = kept
        if features is not None and len(self.features) < self.features_limit:
            self.features[kept.article.id] = features


def _batch_analyses(store: Store, batch: list[str], fresh: Mapping[str, Analysis]) -> list[Analysis]:
    """The analyses of ``batch`` in id order: those in ``fresh`` (``Fresh.analyses``, already as linking reads
    them) from memory, the rest read from the store."""
    missing = [i for i in batch if i not in fresh]
    found = {a.article.id: a for a in store.analyses(missing, kinds=KINDS)} if missing else {}
    return [a for i in sorted(set(batch)) if (a := found.get(i) or fresh.get(i))]


def _replaced(records: Iterable[Record], changed: Mapping[str, Record], kinds: Collection[str]) -> tuple[Record, ...]:
    """``records`` of ``kinds`` with those linking changed swapped in (their order is kept: a change never moves
    a record's span or kind)."""
    return tuple(changed.get(r.id, r) for r in records if r.kind in kinds)


def link_articles(store: Store, article_ids: Iterable[str], fresh: Fresh | None = None) -> LinkSummary:
    """Link the given stored articles, a batch of ``BATCH`` at a time (bounded memory for any number of ids).

    ``fresh`` holds analyses the caller has just stored: those are linked, and rewritten by the merge pass,
    from memory instead of being read back; an id it lacks is read from the store. The records are the same
    either way (a stored record reads back equal to the one written), so are the links."""
    summary = LinkSummary()
    cache = LinkCache()
    held = fresh.analyses if fresh else {}
    prepared = fresh.features if fresh else {}
    # What the merge pass's rewrite would read back of the fresh articles: their naming records, as linked.
    known: Known = {}
    # A merge pass a kill interrupted belongs to the articles linked before these: finished first.
    rewrite_merged(store, cache)
    with survivors_frozen():
        for batch in _batches(article_ids):
            analyses = _batch_analyses(store, batch, held)
            changed = {r.id: r for r in link_batch(store, analyses, summary, cache, prepared, freeze=True)}
            for article_id in batch:
                prepared.pop(article_id, None)
            for analysis in analyses:
                if analysis.article.id in held:
                    known[analysis.article.id] = _replaced(analysis.records, changed, NAMING)
    merge_entities(store, summary.entities, cache, known)
    return summary


def merge_entities(
    store: Store, touched: Iterable[str], cache: LinkCache | None = None, known: Known | None = None
) -> dict[str, str]:
    """Fold the canonical entities that the end state of a pass shows to be one (``entities.merges``), give each
    entity left the id of its fullest name (``entities.renames``) and rewrite the records of this pass's
    articles that named the folded or renamed ones, and of any article where two of its ids become one:
    entities get their entity's id, speakers and claimants are resolved afresh. An earlier article whose ids
    stay distinct is not written: the ``link_members`` rows the folds move are what readers map its stored ids
    through (``db.moved_ids``). Returns source -> target.

    Besides ``touched``, the pass looks at the entities of every article linked since the last merge pass
    (``MERGE_PENDING``, committed with the articles' "linked" marks), so a pass a kill prevented is made by
    the next run. The folds are applied in one transaction that also records what remains to do (``MERGED``,
    ``REWRITE``); the records are then rewritten a batch of articles per transaction (``rewrite_merged``;
    ``known``: articles whose naming records are held in memory, see there)."""
    cache = cache or LinkCache()
    rewrite_merged(store, cache, known)
    with collections_paused(), corpus.session(store, cache) as session:
        pending = session.all_features(MERGE_PENDING)
        ids = sorted(set(touched).union(*(data["entities"] for data in pending.values())))
        folded = entities.merges(session, ids)
        # Then each entity left takes the id of its fullest name, so the ids do not depend on arrival order.
        renamed = entities.renames(session, ids, folded)
        merged = {source: renamed.get(target, target) for source, target in folded.items()} | renamed
        # Read before the folds move the members: the articles holding a source, each with its ids among the
        # sources and targets.
        held = session.sources_held(entities.KIND, merged) if merged else {}
        # What readers map the ids of articles left unwritten through, moved with the members.
        session.note_moved(merged, held)
        entities.apply_merges(session, folded)
        entities.apply_merges(session, renamed)
        session.drop_features(MERGE_PENDING, pending)
        for source, target in sorted(merged.items()):
            session.put_features(MERGED, source, "", {"target": target})
        for article_id, ids_held in sorted(held.items()):
            mark = _rewrite_mark(ids_held, merged)
            # An article linked before this pass's articles (not ``pending``) whose ids stay distinct is left as
            # it is: its records' ids are mapped by whoever reads them (``db.moved_ids``, through the
            # ``link_members`` rows just moved), so the pass writes nothing for it. At 2,000 articles 1,079 of
            # the 1,088 articles a pass marked were such (session 30): they grow with the corpus, where the
            # pass's own articles grow with the run. Those are still rewritten, so that a run's articles end
            # as they did (and a run a kill stopped before its merge pass ends as an uninterrupted one).
            if article_id in pending or not mark.get(MAPPED):
                session.put_features(REWRITE, article_id, article_id, mark)
    rewrite_merged(store, cache, known)
    return merged


def _rewrite_mark(ids: set[str], merged: Mapping[str, str]) -> dict[str, Any]:
    """The ``REWRITE`` mark of an article whose entity ids among the merge's sources and targets are ``ids``:
    ``MAPPED`` where the merge gives those ids distinct ids (the article's records then only need their ids
    mapped, ``_mapped``), empty where two of them become one (its speakers are resolved again, ``_renamed``).
    An id outside the sources and targets keeps its id and no other id becomes it, so ``ids`` decide."""
    return {MAPPED: True} if len({merged.get(i, i) for i in ids}) == len(ids) else {}


def rewrite_merged(store: Store, cache: LinkCache | None = None, known: Known | None = None) -> None:
    """Rewrite the records that still name an entity the last merge pass folded or renamed, a batch of
    articles per transaction that also drops their ``REWRITE`` marks (the last drops the ``MERGED`` ids): a
    kill between two leaves the rest for the next run, and no record is rewritten twice.

    ``known`` holds, by article id, naming records (``NAMING``) exactly as stored: those articles are not read
    back, and their entries are kept up to date with the rewrite. An article read whole is read once, as its
    rows hold it, and its ids mapped as they are now (``_as_now``): every record whose row then differs is
    written."""
    known = {} if known is None else known
    with corpus.session(store, cache) as session:
        merged = {source: str(data["target"]) for source, data in session.all_features(MERGED).items()}
        marks = session.all_features(REWRITE)
    if not merged and not marks:
        return
    articles = sorted(marks)
    # An article marked ``MAPPED`` and not held in memory is not read whole: its records that carry a folded
    # or renamed id in ``entity_id`` (read by that index, a batch of articles at a time: bounded memory) and
    # its statements that hold one anywhere (a statement's further speakers, "A and B said", have no column of
    # their own: ``rows_holding`` reads only the rows whose text holds one).
    mapped = {i for i, data in marks.items() if data.get(MAPPED) and i not in known}
    # One held in memory (the pass's own articles) has its records' ids mapped as they are held, not its speakers
    # resolved again: the same records (``_mapped``'s argument; what it assumes holds for records this pass's
    # linking has just resolved).
    held_mapped = {i for i, data in marks.items() if data.get(MAPPED) and i in known}
    batches = list(_batches(articles)) or [[]]
    for n, batch in enumerate(batches, start=1):
        # Only the records that can name an entity (not the articles, not their times).
        missing = [i for i in batch if i not in known and i not in mapped]
        # What those rows hold (ids an earlier pass left unmapped): each record read whole is written where the
        # rewrite's record differs from its row, so that the article's rows hold ids of one moment again.
        stored = store.article_records(missing, kinds=NAMING, as_stored=True) if missing else {}
        records = {i: known[i] for i in batch if i in known and i not in held_mapped} | _as_now(store, stored)
        part = [i for i in batch if i in mapped]
        naming = store.rows_naming(merged, part, kinds=NAMING) if part else {}
        spoken = store.rows_holding(merged, part, kinds=(Statement.kind,)) if part else {}
        with collections_paused():
            changed = _renamed(records.values(), merged)
            changed += _unmapped(records, stored, {r.id for r in changed})
            changed += _mapped_records([known[i] for i in batch if i in held_mapped], merged)
            moved = _mapped([[*naming.get(i, ()), *spoken.get(i, ())] for i in part], merged)
        with corpus.session(store, cache) as session:
            session.update_records(changed)
            session.update_rows(moved)
            session.forget_moved(batch)
            session.drop_features(REWRITE, batch)
            if n == len(batches):
                session.drop_features(MERGED, merged)
        by_id = {r.id: r for r in changed}
        for article_id in batch:
            if article_id in known:
                known[article_id] = _replaced(known[article_id], by_id, NAMING)


def _as_now(store: Store, stored: Mapping[str, tuple[Record, ...]]) -> dict[str, tuple[Record, ...]]:
    """The records of ``stored`` (by article, as their rows hold them) with the ids they hold as they are now:
    what ``Store.article_records`` gives without ``as_stored``, from the rows already read, not from a second
    read of them. The articles' ``link_moved`` rows are read by article (``db.moved_ids``), not the table whole
    (``Store.kept_moves``: the writer's own commits change the revision it is kept by). Mapping ids moves no
    record in ``sorted_records``' order (position, kind, id)."""
    if not stored:
        return {}
    with store.engine.connect() as conn:
        moved = moved_ids(conn, stored)
    return {
        article_id: tuple(mapped_record(r, mapping) for r in records) if (mapping := moved.get(article_id)) else records
        for article_id, records in stored.items()
    }


def _renamed(articles: Iterable[tuple[Record, ...]], merged: dict[str, str]) -> list[Record]:
    """The records (each article's entities, statements and claims) that name a folded entity, rewritten."""
    changed: list[Record] = []
    for records in articles:
        found = [
            replace(e, entity_id=merged.get(e.entity_id, e.entity_id)) if e.entity_id else e
            for e in _of(records, Entity)
        ]
        spoken = resolve_speakers(records, found)
        changed.extend(_changed([*found, *spoken], {r.id: r for r in records}))
    return changed


def _unmapped(
    records: Mapping[str, tuple[Record, ...]], stored: Mapping[str, tuple[Record, ...]], written: Collection[str]
) -> list[Record]:
    """The records of ``records`` (by article, ids as they are now) that ``_renamed`` leaves as they are (not in
    ``written``) and whose rows (``stored``, ids as written) hold an id an earlier pass left unmapped: written
    with the rest, so that every row of an article read whole holds the ids of one moment (``db.moved_ids``
    needs each id a record holds to be one its article's entity records hold)."""
    out: list[Record] = []
    for article_id, rows in stored.items():
        now = {r.id: r for r in records.get(article_id, ())}
        out.extend(r for row in rows if row.id not in written and (r := now.get(row.id, row)) != row)
    return out


def _mapped_records(articles: Iterable[tuple[Record, ...]], merged: Mapping[str, str]) -> list[Record]:
    """``_mapped`` of records held in memory (by article, as stored): each record holding a merged id, with its
    ids mapped (``db.mapped_record``), as ``_renamed`` gives it for an article whose ids the merge keeps distinct
    (session 33: the pass's own articles no longer have their speakers resolved again for that)."""
    return [now for records in articles for r in records if (now := mapped_record(r, merged)) is not r and now != r]


def _mapped(articles: Iterable[list[RecordRow]], merged: Mapping[str, str]) -> list[RecordRow]:
    """``_renamed`` for articles whose ids the merge keeps distinct (marked ``MAPPED``), from their stored rows
    that may name a merged id (each article's rows may repeat one): every entity's id, speaker's and claimant's
    mapped through ``merged``, in the rows' decoded JSON (``RecordRow``), which is written back as it is.

    The same records ``_renamed`` gives: ``named_entity_id`` (what ``resolve_speakers`` asks of each speaker)
    reads the speaker's names and the article's entities' names, forms and surnames in record order, and of the
    entities' ids only whether two are equal (``ident not in fits``) and which one it returns. A merge that
    keeps the article's ids distinct changes neither the names nor that equality, so each speaker resolves to
    the merged id of what it resolved to before, which is its stored id (linking and each rewrite store what
    ``resolve_speakers`` gives): a record with no merged id is unchanged. Where two of the ids become one, a
    speaker that fitted both (ambiguous, none chosen) now fits one: those articles are marked for
    ``_renamed``.

    Rows, not records: rebuilding each record from its JSON and encoding it again was most of the rewrite's
    cost (session 29: 2,000-article database, 100 PolNeAR reports added, about 6,000 rows decoded per run),
    and gives back the stored text with the ids mapped, as mapping the ids in the JSON does (every naming
    record of that database reads back and encodes to its stored text; ``db.RecordRow``). The fields mapped
    are those a record's canonical ids live in: an entity's own, a statement's speakers', a claim's claimant's.

    Assumed: the stored speaker and claimant ids are what today's ``resolve_speakers`` gives. A database whose
    articles were linked by an older resolver keeps its (stale) speaker ids in the articles marked ``MAPPED``
    (they are only mapped), where ``_renamed`` would have resolved them afresh; ``dateline link --full``
    (``link_corpus``: every link forgotten, every article linked and its speakers resolved again) repairs them."""
    changed: list[RecordRow] = []
    for rows in articles:
        # The last read of each id, as records keyed by id kept it (both reads of a row hold the same text).
        for row in {row.data["id"]: row for row in rows}.values():
            if map_entity_ids(row.data, merged):
                changed.append(row)
    return changed


def link_pending(store: Store, fresh: Fresh | None = None) -> LinkSummary:
    """Link every stored article that is not linked yet, so a killed run's articles are linked by the next
    (``fresh``: analyses just stored, linked from memory; see ``link_articles``)."""
    # Lazily: ids are read a page at a time while earlier batches link, and a page only holds ids above the
    # last one read, which linking has not touched yet.
    return link_articles(store, unlinked_article_ids(store), fresh)


def link_corpus(store: Store) -> LinkSummary:
    """Forget every link and link every stored article again."""
    corpus.clear(store)
    # After clearing every article is unlinked: their ids in id order, without parsing the articles.
    return link_articles(store, unlinked_article_ids(store))


__all__ = [
    "GROUP_KINDS",
    "Fresh",
    "LinkSummary",
    "groups",
    "link_analysis",
    "link_articles",
    "link_batch",
    "link_corpus",
    "link_pending",
    "linkable",
    "merge_entities",
    "resolve_speakers",
    "rewrite_merged",
    "survivors_frozen",
    "unlinked_article_ids",
]
