"""Repeated statements: the same speaker saying nearly the same thing in different articles.

Speakers are resolved to canonical entities through the article's entity records; statements are blocked by
(speaker, content word) keys and verified by content-word overlap, so "many states, Norway among them, have
already recognised the famine as a crime" and "the famine has been recognised as a crime by a number of states
(Norway included)" are one repeated statement.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from dateline.link.entities import KIND as ENTITY_KIND
from dateline.link.entities import NAME_SIMILARITY, PERSON, NameForm, compatible, entity_names, name_form
from dateline.link.text import content_words, jaccard, normalize, overlap
from dateline.model import Entity, Speaker, Statement
from dateline.store.corpus import GROUP_KINDS, LinkSession, capped

KIND = GROUP_KINDS["repeated"]
# Verification thresholds on stemmed content words: the overlap coefficient (shared / smaller set) catches a
# short paraphrase inside a longer sentence; the Jaccard floor stops a generic statement ("the Khojaly
# genocide") matching every long one. Set on the sample pair (overlap 0.6, Jaccard 0.4) and kept well below
# what unrelated statements of one speaker reach (overlap < 0.4 on the samples' other pairs).
MIN_OVERLAP = 0.5
MIN_JACCARD = 0.3
# Statements with fewer content words than this say too little to call a repetition.
MIN_WORDS = 4
BLOCK_CAP = 300
# The same speaker's statements verified per statement, most shared content words first.
CANDIDATES = 50
# Entities' name sets remembered (bounded: a long run meets many names).
NAME_KEYS_CACHE = 1 << 14


def speaker_entity_id(speaker: Speaker, entities: list[Entity]) -> str | None:
    """The canonical entity id of a speaker (or claimant): matched by name or alias among the article's
    entities, else the one article entity whose name fits the speaker's ("Ambassador Petrov" for "Oleg
    Petrov"; extractors do not always resolve a speaker to an entity name)."""
    if speaker.entity_id:
        return speaker.entity_id
    return named_entity_id(speaker, ArticleNames.of(entities))


@dataclass(frozen=True)
class ArticleNames:
    """An article's linked entities as speaker resolution reads them, worked out once per article rather than
    once per speaker: each entity with a canonical id, in record order, with its normalised names and its name
    forms; and the surnames of those forms."""

    keys: list[tuple[str, frozenset[str]]]
    forms: list[tuple[str, list[NameForm]]]
    surnames: frozenset[str]

    @classmethod
    def of(cls, entities: list[Entity]) -> ArticleNames:
        linked = [(str(e.entity_id), e) for e in entities if e.entity_id]
        forms = [(ident, [name_form(n, e.type) for n in entity_names(e)]) for ident, e in linked]
        return cls(
            [(ident, _name_keys((e.name, *e.aliases))) for ident, e in linked],
            forms,
            frozenset(g.surname for _, stored in forms for g in stored),
        )


def named_entity_id(speaker: Speaker, names: ArticleNames) -> str | None:
    """``speaker_entity_id`` against an article's ``ArticleNames``, whatever entity id the speaker has."""
    given = [n for n in (speaker.entity, speaker.text) if n]
    wanted = {normalize(n) for n in given}
    for ident, keys in names.keys:
        if not wanted.isdisjoint(keys):
            return ident
    forms = [name_form(n, "PERSON") for n in given if n[:1].isupper()]
    if not forms:
        return None
    near = _near(forms, names.surnames)
    fits: set[str] = set()
    for ident, stored in names.forms:
        # An id that fits already adds nothing; a second one makes the speaker ambiguous (none is chosen).
        if ident not in fits and any(compatible(f, g) for g in stored if near(g) for f in forms):
            if fits:
                return None
            fits.add(ident)
    return fits.pop() if fits else None


def _near(forms: list[NameForm], surnames: frozenset[str]) -> Callable[[NameForm], bool]:
    """A test every form ``compatible`` with one of ``forms`` passes: for persons' forms, the same words or a
    surname within ``NAME_SIMILARITY`` (a person fits nothing else), each of the article's surnames compared
    once per speaker instead of once per form; for other forms, every form. Most speakers fit none of their
    article's entities (150 AllSides reports: 49,529 form tests, one per form of every entity, for each
    distinct speaker)."""
    if not all(f.coarse == PERSON for f in forms):
        return lambda g: True
    close = {s for s in surnames if any(fuzz.ratio(f.surname, s) >= NAME_SIMILARITY for f in forms)}
    words = {f.tokens for f in forms}
    return lambda g: g.surname in close or g.tokens in words


@functools.lru_cache(maxsize=NAME_KEYS_CACHE)
def _name_keys(names: tuple[str, ...]) -> frozenset[str]:
    """The normalised forms of an entity's names: every speaker of an article is compared with every entity
    of it, so the same names are normalised again and again."""
    return frozenset(normalize(n) for n in names)


def link(
    session: LinkSession, statements: list[Statement], content: Mapping[str, tuple[str, ...]] | None = None
) -> list[str]:
    """Group each statement with the same speaker's near-identical statements in other articles.
    ``statements``: with their speakers resolved against the article's linked entities (``resolve_speakers``),
    so a speaker's canonical entity is read here, not worked out a second time (a speaker left unresolved was
    looked for among all the article's entities again: 18% of this call on AllSides reports). ``content``: each
    statement's sorted distinct content words by id, worked out with the analysis (``link.prepare``); a
    statement it lacks has them worked out here."""
    content = content or {}
    out = []
    todo = []
    for statement in sorted(statements, key=lambda s: s.start):
        speaker = statement.speaker.entity_id
        known = content.get(statement.id)
        tokens = list(known) if known is not None else sorted(set(content_words(statement.content)))
        if speaker is not None and len(tokens) >= MIN_WORDS:
            todo.append((statement, speaker, tokens, [f"{speaker}|{w}" for w in tokens]))
    session.prefetch(KIND, (k for *_, keys in todo for k in keys))
    for statement, speaker, tokens, keys in todo:
        found = session.candidates(KIND, keys, cap=BLOCK_CAP, limit=CANDIDATES)
        found.pop(statement.id, None)
        best: tuple[float, str, dict[str, Any]] | None = None
        for cand, data in sorted(session.peek_features(KIND, found).items()):
            if data["article_id"] == statement.article_id:
                continue
            score = overlap(tokens, data["words"])
            if (
                score >= MIN_OVERLAP
                and jaccard(tokens, data["words"]) >= MIN_JACCARD
                and (best is None or score > best[0])
            ):
                best = (score, cand, data)
        session.put_features(
            KIND,
            statement.id,
            statement.article_id,
            {"words": tokens, "article_id": statement.article_id, "speaker": speaker},
        )
        session.add_keys(KIND, keys, statement.id, cap=BLOCK_CAP)
        if best is None:
            continue
        _, first_id, first = best
        group_id = session.group_of(KIND, first_id) or first_id
        group = session.get_group(KIND, group_id)
        if group is None:
            group = {
                "id": group_id,
                "speaker_id": speaker,
                "speaker": _speaker_name(session, speaker, statement),
                "statement_ids": [first_id],
                "article_ids": [first["article_id"]],
                "content": "",
            }
            session.add_member(KIND, group_id, first_id, first["article_id"], {})
        group["statement_ids"] = capped([*group["statement_ids"], statement.id])
        group["article_ids"] = capped([*group["article_ids"], statement.article_id])
        group["content"] = group["content"] or statement.content
        session.put_group(KIND, group_id, group, label=group["speaker"])
        session.add_member(KIND, group_id, statement.id, statement.article_id, {"content": statement.content})
        out.append(group_id)
    return out


def _speaker_name(session: LinkSession, speaker: str, statement: Statement) -> str:
    """The canonical entity's name ("Oleg Petrov", not "the ambassador"), else the speaker as reported."""
    canonical = session.get_group(ENTITY_KIND, speaker)
    return str(canonical["name"]) if canonical else statement.speaker.name
