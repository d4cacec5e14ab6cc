"""The REST API (``/api/...``): JSON in the export shapes (``record.to_dict()``, ``article.to_dict()``).

Every list is paginated (``limit`` 1..MAX_LIMIT, ``offset``) and answers ``{items, limit, offset, total}``.
Query parameters are length-limited and validated by FastAPI (a bad one is a 422 with the reason); write
routes need the server's token (``Authorization: Bearer <token>``) and do not exist when it has none.
"""

from __future__ import annotations

import hmac
import typing
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, Field

from dateline.errors import ConfigError, StoreError
from dateline.model import CUE_CLASSES, RECORD_TYPES
from dateline.store import Store, queries, review
from dateline.store.db import cue_classes_of

# Largest page a client may ask for: big enough for a table, small enough to bound one response.
MAX_LIMIT = 500
DEFAULT_LIMIT = 50
# Longest accepted query string / id: names and phrases, not documents.
MAX_QUERY = 200
MAX_ID = 64
# Furthest offset: deeper paging of a large store should filter instead of scanning past millions of rows.
MAX_OFFSET = 1_000_000

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]
# Text holds no NUL: PostgreSQL cannot store or compare it (SQLite can), and no name or phrase has one. Query
# strings are checked as a whole by the app's guard (`app.invalid_text`); bodies by their models' fields.
NO_NUL = r"^[^\x00]*$"
Text = Annotated[str | None, Query(max_length=MAX_QUERY)]
# Record, article, group and correction ids (content hashes, prefixes, file names): shared with the pages.
ID_PATTERN = r"^[A-Za-z0-9_:.-]+$"
Ident = Annotated[str, Path(min_length=1, max_length=MAX_ID, pattern=ID_PATTERN)]
# ISO 8601 date or date-time prefix: 2024, 2024-02, 2024-02-27, 2024-02-27T12:42.
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2}(T[\d:]{2,8})?)?)?$"
Date = Annotated[str | None, Query(max_length=25, pattern=DATE_PATTERN)]
EntityId = Annotated[
    str | None, Query(max_length=MAX_ID, pattern=ID_PATTERN, description="A canonical entity's id (the speaker's).")
]
Kind = Literal["entity", "statement", "event", "claim", "time", "place"]
# Statements' cue classes (``Statement.cue_class``): repeated (``cue_class=speech&cue_class=attitude``) or comma
# separated; each value checked by ``cue_classes_of`` (E031, a 422, for another word).
CueClasses = Annotated[
    list[str] | None,
    Query(
        max_length=MAX_QUERY, description=f"Only statements whose cue is of these classes: {', '.join(CUE_CLASSES)}."
    ),
]
GroupWhat = Literal["canonical", "duplicates", "stories", "series", "ledger", "repeated"]

assert set(RECORD_TYPES) == set(typing.get_args(Kind)), "the API's record kinds must follow dateline.model"

router = APIRouter(prefix="/api")


def get_store(request: Request) -> Store:
    return request.app.state.store


StoreDep = Annotated[Store, Depends(get_store)]


def require_token(request: Request) -> None:
    """Write routes: the server must have a token and the request must carry it (constant-time compare)."""
    token: str | None = request.app.state.token
    if not token:
        raise HTTPException(403, "this server is read-only (start it with --token to allow corrections)")
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.encode(), token.encode()):
        raise HTTPException(401, "a valid token is required (Authorization: Bearer <token>)")


def _found(item: Any, what: str, key: str) -> Any:
    if item is None:
        raise HTTPException(404, f"no {what} {key!r}")
    return item


@router.get("/counts", summary="Articles, failures, records by kind, and corpus-level groups")
def counts(store: StoreDep) -> dict[str, int]:
    return {**store.counts(), **queries.group_counts(store)}


@router.get("/articles", summary="Articles, oldest first")
def list_articles(
    store: StoreDep, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, outlet: Text = None
) -> dict[str, Any]:
    return queries.articles(store, limit=limit, offset=offset, outlet=outlet).to_dict()


@router.get("/articles/{article_id}", summary="One article (id, unique id prefix, or file name)")
def get_article(store: StoreDep, article_id: Ident) -> dict[str, Any]:
    return _found(store.article(article_id), "article", article_id).to_dict()


@router.get("/articles/{article_id}/records", summary="One article's records")
def article_records(
    store: StoreDep, article_id: Ident, kind: Kind | None = None, limit: Limit = MAX_LIMIT, offset: Offset = 0
) -> dict[str, Any]:
    article = _found(store.article(article_id), "article", article_id)
    return queries.records(store, kind=kind, article_id=article.id, limit=limit, offset=offset).to_dict()


@router.get("/records", summary="Records of every kind, filtered")
def list_records(
    store: StoreDep,
    kind: Kind | None = None,
    article_id: Text = None,
    label: Text = None,
    q: Text = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict[str, Any]:
    return queries.records(
        store, kind=kind, article_id=article_id, label_contains=label, text=q, limit=limit, offset=offset
    ).to_dict()


@router.get("/records/{record_id}", summary="One record, with its reader corrections")
def get_record(store: StoreDep, record_id: Ident) -> dict[str, Any]:
    found = _found(review.record(store, record_id), "record", record_id)
    return {**found.to_dict(), "corrections": [c.to_dict() for c in review.listed(store, record_id=record_id)]}


@router.get(
    "/statements", summary="Statements by speaker (name or canonical entity), article date range, text and cue class"
)
def list_statements(
    store: StoreDep,
    speaker: Text = None,
    entity: EntityId = None,
    since: Date = None,
    until: Date = None,
    q: Text = None,
    cue_class: CueClasses = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict[str, Any]:
    try:
        classes = cue_classes_of(cue_class or ())
    except ConfigError as exc:
        raise HTTPException(exc.http_status, str(exc)) from exc
    return queries.records(
        store,
        kind="statement",
        label_contains=speaker,
        entity_id=entity,
        since=since,
        until=until,
        text=q,
        cue_classes=classes,
        limit=limit,
        offset=offset,
    ).to_dict()


@router.get("/claims", summary="Numeric claims by predicate")
def list_claims(
    store: StoreDep,
    predicate: Text = None,
    since: Date = None,
    until: Date = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict[str, Any]:
    return queries.records(
        store, kind="claim", label_contains=predicate, since=since, until=until, limit=limit, offset=offset
    ).to_dict()


@router.get("/entities", summary="Canonical (cross-article) entities")
def list_entities(
    store: StoreDep, name: Text = None, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0
) -> dict[str, Any]:
    return queries.groups(store, "canonical", label_contains=name, limit=limit, offset=offset).to_dict()


@router.get("/entities/{entity_id}", summary="One canonical entity: offices over time, statements, co-occurrences")
def get_entity(store: StoreDep, entity_id: Ident) -> dict[str, Any]:
    return _found(queries.entity_profile(store, entity_id), "entity", entity_id)


@router.get("/groups/{what}", summary="Corpus-level groups: stories, series, ledger, duplicates, repeated statements")
def list_groups(
    store: StoreDep, what: GroupWhat, label: Text = None, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0
) -> dict[str, Any]:
    return queries.groups(store, what, label_contains=label, limit=limit, offset=offset).to_dict()


@router.get("/groups/{what}/{group_id}", summary="One corpus-level group and its members")
def get_group(store: StoreDep, what: GroupWhat, group_id: Ident) -> dict[str, Any]:
    found = _found(queries.group(store, what, group_id), what, group_id)
    return {**found, "members": queries.members(store, what, group_id)}


@router.get("/stories", summary="Stories: articles reporting the same occurrence")
def list_stories(
    store: StoreDep, label: Text = None, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0
) -> dict[str, Any]:
    return queries.groups(store, "stories", label_contains=label, limit=limit, offset=offset).to_dict()


@router.get("/series", summary="Series of recurring occurrences")
def list_series(
    store: StoreDep, label: Text = None, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0
) -> dict[str, Any]:
    return queries.groups(store, "series", label_contains=label, limit=limit, offset=offset).to_dict()


@router.get("/ledger", summary="Claim ledger: each figure, who states it, and disagreeing figures")
def list_ledger(
    store: StoreDep, predicate: Text = None, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0
) -> dict[str, Any]:
    return queries.groups(store, "ledger", label_contains=predicate, limit=limit, offset=offset).to_dict()


@router.get("/search", summary="Full-text search over article titles and text, and record labels")
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY)],
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict[str, Any]:
    return queries.search(store, q, limit=limit, offset=offset)


# --------------------------------------------------------------------------------------------- review


class CorrectionIn(BaseModel):
    """A reader's correction of one record."""

    record_id: str = Field(min_length=1, max_length=MAX_ID, pattern=r"^[A-Za-z0-9]+$")
    action: Literal["wrong", "correct", "speaker"]
    value: str | None = Field(
        default=None, max_length=review.MAX_VALUE, pattern=NO_NUL, description="The right speaker's name."
    )
    note: str | None = Field(default=None, max_length=review.MAX_NOTE, pattern=NO_NUL)


@router.get("/corrections", summary="Reader corrections (stored beside machine output)")
def list_corrections(
    store: StoreDep, article_id: Text = None, record_id: Text = None, limit: Limit = MAX_LIMIT, offset: Offset = 0
) -> dict[str, Any]:
    found = review.listed(store, article_id=article_id, record_id=record_id, limit=limit, offset=offset)
    return queries.Page([c.to_dict() for c in found], limit, offset).to_dict()


@router.post("/corrections", status_code=201, dependencies=[Depends(require_token)], summary="Correct a record (token)")
def add_correction(store: StoreDep, body: CorrectionIn) -> dict[str, Any]:
    try:
        return review.add(store, body.record_id, body.action, value=body.value, note=body.note).to_dict()
    except StoreError as exc:
        raise HTTPException(exc.http_status, str(exc)) from exc


@router.delete(
    "/corrections/{correction_id}", dependencies=[Depends(require_token)], summary="Withdraw a correction (token)"
)
def delete_correction(store: StoreDep, correction_id: Ident) -> dict[str, Any]:
    if not review.remove(store, correction_id):
        raise HTTPException(404, f"no correction {correction_id!r}")
    return {"deleted": correction_id}


@router.get(
    "/gold/{article_id}", response_class=PlainTextResponse, summary="An article as reviewed, in gold-format YAML"
)
def gold(store: StoreDep, article_id: Ident) -> PlainTextResponse:
    article = _found(store.article(article_id), "article", article_id)
    text = review.gold_yaml(store, article.id) or ""
    return PlainTextResponse(text, media_type="application/yaml; charset=utf-8")
