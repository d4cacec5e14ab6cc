"""Repeated statements: the same speaker saying nearly the same thing in different articles.

Speakers are resolved to canonical entities through the article's entity records; statements are blocked by
(speaker, content word) keys and verified by content-word overlap, so "several countries, including Pakistan,
... have already recognized the Khojaly genocide" and "the Khojaly tragedy has been recognized by a number of
states (including Pakistan) ... as genocide" are one repeated statement.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

from dateline.link.text import content_words, jaccard, normalize, overlap
from dateline.model import Entity, Statement
from dateline.store import corpus

KIND = "repeated"
# Verification thresholds on stemmed content words: the overlap coefficient (shared / smaller set) catches a
# short paraphrase inside a longer sentence; the Jaccard floor stops a generic statement ("the Khojaly
# genocide") matching every long one. Set on the sample pair (overlap 0.6, Jaccard 0.4) and kept well below
# what unrelated statements of one speaker reach (overlap < 0.4 on the samples' other pairs).
MIN_OVERLAP = 0.5
MIN_JACCARD = 0.3
# Statements with fewer content words than this say too little to call a repetition.
MIN_WORDS = 4
BLOCK_CAP = 300


def speaker_key(statement: Statement, entities: list[Entity]) -> str | None:
    """The canonical entity id of the speaker (matched by name or alias among the article's entities)."""
    if statement.speaker.entity_id:
        return statement.speaker.entity_id
    wanted = {normalize(n) for n in (statement.speaker.text, statement.speaker.entity or "") if n}
    for entity in entities:
        names = {normalize(n) for n in (entity.name, *entity.aliases)}
        if entity.entity_id and wanted & names:
            return entity.entity_id
    return None


def link(conn: Connection, statements: list[Statement], entities: list[Entity]) -> list[str]:
    """Group each statement with the same speaker's near-identical statements in other articles."""
    out = []
    for statement in sorted(statements, key=lambda s: s.start):
        speaker = speaker_key(statement, entities)
        tokens = sorted(set(content_words(statement.content)))
        if speaker is None or len(tokens) < MIN_WORDS:
            continue
        keys = [f"{speaker}|{w}" for w in tokens]
        found = corpus.candidates(conn, KIND, keys, cap=BLOCK_CAP)
        found.pop(statement.id, None)
        best: tuple[float, str] | None = None
        for cand, data in sorted(corpus.get_features(conn, KIND, found).items()):
            if data["article_id"] == statement.article_id:
                continue
            if overlap(tokens, data["words"]) >= MIN_OVERLAP and jaccard(tokens, data["words"]) >= MIN_JACCARD:
                score = overlap(tokens, data["words"])
                if best is None or score > best[0]:
                    best = (score, cand)
        corpus.put_features(conn, KIND, statement.id, statement.article_id,
                            {"words": tokens, "article_id": statement.article_id, "speaker": speaker})
        corpus.add_keys(conn, KIND, keys, statement.id)
        if best is None:
            continue
        group_id = corpus.group_of(conn, KIND, best[1]) or best[1]
        group = corpus.get_group(conn, KIND, group_id)
        if group is None:
            group = {"id": group_id, "speaker_id": speaker, "speaker": statement.speaker.name, "statement_ids": [best[1]],
                     "article_ids": [], "content": ""}
            first = corpus.get_features(conn, KIND, [best[1]])[best[1]]
            group["article_ids"] = [first["article_id"]]
            corpus.add_member(conn, KIND, group_id, best[1], first["article_id"], {})
        group["statement_ids"] = sorted({*group["statement_ids"], statement.id})
        group["article_ids"] = sorted({*group["article_ids"], statement.article_id})
        group["content"] = group["content"] or statement.content
        corpus.put_group(conn, KIND, group_id, group, label=group["speaker"])
        corpus.add_member(conn, KIND, group_id, statement.id, statement.article_id, {"content": statement.content})
        out.append(group_id)
    return out
