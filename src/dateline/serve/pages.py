"""The web pages: overview, article reader, entity, story, series, claim ledger, search.

Pages are Jinja2 templates with autoescaping on; charts are plotly figures built here as plain dicts and
drawn by ``static/app.js`` with the plotly.js the plotly package ships (served at ``/plotly.js``).
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from dateline import render as words
from dateline.errors import ConfigError
from dateline.model import CUE_CLASSES, Analysis, Claim, Entity, Record, Statement
from dateline.serve.api import DATE_PATTERN, ID_PATTERN, MAX_ID, Offset, StoreDep, Text
from dateline.store import queries, review
from dateline.store.db import cue_classes_of

# Autoescaping on for every template: article text and record fields are shown as text, never as markup.
templates = Jinja2Templates(
    env=jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True)
)
# How values read on a page: one owner (``dateline.render``) for the pages and the terminal.
templates.env.filters.update(
    figure=words.figure_of,
    speaker=words.speaker_name,
    source=words.source_name,
    distinct=words.distinct_names,
    recurrence=words.recurrence,
    ordinal=words.ordinal,
    short=words.short,
    unquoted=words.unquoted,
    reported_as=words.reported_as,
)
router = APIRouter(include_in_schema=False)
# A date filter from a form: the API's date rule, or empty (a form sends ``since=`` when the field is blank).
FormDate = Annotated[str | None, Query(max_length=25, pattern=f"^(?:{DATE_PATTERN.strip('^$')})?$")]
FormEntity = Annotated[str | None, Query(max_length=MAX_ID, pattern=f"^(?:{ID_PATTERN.strip('^$')})?$")]

PAGE_SIZE = 50
# Top speakers / entities on the overview.
TOP_N = 15
HIGHLIGHTED = ("entity", "statement", "claim", "time", "place", "event")


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    context["writable"] = bool(request.app.state.token)
    return templates.TemplateResponse(request, template, context, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status=status, status_code=status, message=message)


def _check_id(request: Request, ident: str) -> HTMLResponse | None:
    # The API's own id rule (ASCII only), so a page and its API route accept the same ids.
    if len(ident) > MAX_ID or not re.fullmatch(ID_PATTERN, ident):
        return error_page(request, 422, "malformed id")
    return None


# --------------------------------------------------------------------------------------------- overview


def _bar(x: list[str], y: list[int], name: str) -> dict[str, Any]:
    return {"type": "bar", "x": x, "y": y, "name": name}


def timeline_figure(articles: dict[str, int], events: dict[str, int]) -> dict[str, Any]:
    return {
        "data": [
            _bar(list(articles), list(articles.values()), "articles"),
            _bar(list(events), list(events.values()), "events"),
        ],
        "layout": {
            "barmode": "group",
            "height": 300,
            "margin": {"t": 20, "b": 40, "l": 40, "r": 10},
            "xaxis": {"type": "category", "title": {"text": "month published"}},
        },
    }


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, store: StoreDep) -> HTMLResponse:
    counts = store.counts()
    groups = queries.group_counts(store)
    figure = timeline_figure(queries.per_month(store, None), queries.per_month(store, "event"))
    top_entities = queries.top_groups(store, "canonical", TOP_N)
    return render(
        request,
        "overview.html",
        counts=counts,
        groups=groups,
        figure=figure,
        undated=queries.undated_articles(store),
        speakers=queries.top_speakers(store, TOP_N),
        entities=top_entities,
        recent=queries.articles(store, limit=TOP_N, offset=0).items,
    )


@router.get("/articles", response_class=HTMLResponse)
def article_list(request: Request, store: StoreDep, offset: Offset = 0) -> HTMLResponse:
    page = queries.articles(store, limit=PAGE_SIZE, offset=offset)
    return render(request, "articles.html", page=page)


# --------------------------------------------------------------------------------------------- reader


@dataclass(frozen=True)
class Segment:
    """A run of article text covered by the same set of highlighted records."""

    text: str
    ids: tuple[str, ...]
    kinds: tuple[str, ...]


def segments(text: str, records: list[Record]) -> list[Segment]:
    """Cut the text at every span boundary, so overlapping records (an entity inside a statement) nest.

    A sweep over the boundaries keeps the set of spans open at each point: O((cuts + spans) * open spans)
    instead of testing every span against every segment. Innermost (shortest) records come first.
    """
    spans = sorted(
        ((s.start, s.end, r) for r in records if r.kind in HIGHLIGHTED for s in r.spans if s.end <= len(text)),
        key=lambda sp: (sp[0], sp[1], sp[2].kind, sp[2].id),
    )
    bounds = sorted({0, len(text), *(b for start, end, _ in spans for b in (start, end))})
    out: list[Segment] = []
    open_spans: list[tuple[int, int, Record]] = []
    nxt = 0
    for start, end in itertools.pairwise(bounds):
        while nxt < len(spans) and spans[nxt][0] <= start:
            open_spans.append(spans[nxt])
            nxt += 1
        open_spans = [sp for sp in open_spans if sp[1] >= end]
        covering = sorted(open_spans, key=lambda sp: (sp[1] - sp[0], sp[2].kind, sp[2].id))
        ids = tuple(dict.fromkeys(r.id for _, _, r in covering))
        kinds = tuple(sorted({r.kind for _, _, r in covering}))
        out.append(Segment(text[start:end], ids, kinds))
    return out


def _speaker_entity(rec: Record) -> str | None:
    """The canonical entity of a statement's speaker or a claim's claimant (resolved when linking)."""
    if isinstance(rec, Statement):
        return rec.speaker.entity_id
    return rec.claimant.entity_id if isinstance(rec, Claim) else None


def _record_view(rec: Record, corrections: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    data = rec.to_dict()
    data["label"] = rec.label()
    data["speaker_entity"] = _speaker_entity(rec)
    if isinstance(rec, Entity):
        data["entity_link"] = rec.entity_id
    data["corrections"] = corrections.get(rec.id, [])
    return data


def reader_context(store: Any, analysis: Analysis) -> dict[str, Any]:
    records = list(analysis.records)
    corrections: dict[str, list[dict[str, Any]]] = {}
    for c in review.listed(store, article_id=analysis.article.id):
        corrections.setdefault(c.record_id, []).append(c.to_dict())
    return {
        "article": analysis.article,
        "segments": segments(analysis.article.text, records),
        "records": {r.id: _record_view(r, corrections) for r in records},
        "counts": analysis.counts(),
        "stories": queries.article_groups(store, "stories", analysis.article.id),
        "series": queries.article_groups(store, "series", analysis.article.id),
        "corrected": sorted(corrections),
    }


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def reader(request: Request, store: StoreDep, article_id: str) -> HTMLResponse:
    bad = _check_id(request, article_id)
    if bad:
        return bad
    analysis = store.analysis(article_id)
    if analysis is None:
        # A file name without its extension ("/articles/03_minister_statement_relay").
        found = queries.article_id_by_stem(store, article_id)
        analysis = store.analysis(found) if found else None
    if analysis is None:
        return error_page(request, 404, f"no article {article_id!r}")
    return render(request, "article.html", **reader_context(store, analysis))


# --------------------------------------------------------------------------------------------- entities


@router.get("/entities", response_class=HTMLResponse)
def entity_list(request: Request, store: StoreDep, name: Text = None, offset: Offset = 0) -> HTMLResponse:
    page = queries.groups(store, "canonical", label_contains=name, limit=PAGE_SIZE, offset=offset)
    return render(request, "entities.html", page=page, name=name or "")


def cue_rows(statements: list[dict[str, Any]]) -> dict[str, str]:
    """Each cue's row on the chart: cues of one verb ("stressed", "Stressing"; "said", "saying", "says")
    share a row, named by the most common form."""
    forms: dict[str, list[str]] = {}
    for s in statements:
        forms.setdefault(words.cue_lemma(s["cue"]), []).append(s["cue"])
    return {cue: words.most_common_form(group) for group in forms.values() for cue in group}


# Days shown either side of a chart whose points all fall on one day (plotly would zoom to milliseconds).
ONE_DAY_PADDING = 30


def _date_axis(dated: list[dict[str, Any]]) -> dict[str, Any]:
    axis: dict[str, Any] = {"type": "date", "tickformat": "%Y-%m-%d"}
    days = {s["article_published"][:10] for s in dated}
    if len(days) == 1 and re.fullmatch(r"\d{4}-\d\d-\d\d", day_text := days.pop()):
        day = date.fromisoformat(day_text)
        pad = timedelta(days=ONE_DAY_PADDING)
        axis["range"] = [(day - pad).isoformat(), (day + pad).isoformat()]
    return axis


def said_figure(statements: list[dict[str, Any]]) -> dict[str, Any]:
    """Everything an entity said, as points on a time axis (one per statement, by article date)."""
    dated = [s for s in statements if s.get("article_published")]
    rows = cue_rows(dated)
    return {
        "data": [
            {
                "type": "scatter",
                "mode": "markers",
                "x": [s["article_published"][:10] for s in dated],
                "y": [rows[s["cue"]] for s in dated],
                "text": [words.short(s["content"], 120) for s in dated],
                "hoverinfo": "x+text",
                "marker": {"size": 10},
            }
        ],
        "layout": {"height": 260, "margin": {"t": 20, "b": 40, "l": 80, "r": 10}, "xaxis": _date_axis(dated)},
    }


def network_figure(name: str, neighbours: list[dict[str, Any]]) -> dict[str, Any]:
    """The entity in the centre and its co-occurring entities on a circle (a deterministic layout)."""
    xs, ys, labels, sizes = [0.0], [0.0], [name], [18]
    edge_x: list[float | None] = []
    edge_y: list[float | None] = []
    for i, other in enumerate(neighbours):
        angle = 2 * math.pi * i / max(1, len(neighbours))
        x, y = math.cos(angle), math.sin(angle)
        xs.append(x)
        ys.append(y)
        labels.append(f"{other['name']} ({other['articles']})")
        sizes.append(8 + 2 * other["articles"])
        edge_x += [0.0, x, None]
        edge_y += [0.0, y, None]
    hidden = {"visible": False}
    return {
        "data": [
            {"type": "scatter", "mode": "lines", "x": edge_x, "y": edge_y, "hoverinfo": "skip", "line": {"width": 1}},
            {
                "type": "scatter",
                "mode": "markers+text",
                "x": xs,
                "y": ys,
                "text": labels,
                "textposition": "top center",
                "marker": {"size": sizes},
                "hoverinfo": "text",
            },
        ],
        "layout": {
            "height": 420,
            "showlegend": False,
            "xaxis": hidden,
            "yaxis": hidden,
            "margin": {"t": 20, "b": 20, "l": 20, "r": 20},
        },
    }


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, store: StoreDep, entity_id: str) -> HTMLResponse:
    bad = _check_id(request, entity_id)
    if bad:
        return bad
    found = queries.entity_profile_and_articles(store, entity_id)
    if found is None:
        return error_page(request, 404, f"no entity {entity_id!r}")
    profile, articles = found
    titles = {a.id: a.title or a.source_path.rsplit("/", 1)[-1] for a in articles}
    return render(
        request,
        "entity.html",
        **profile,
        titles=titles,
        said=said_figure(profile["statements"]),
        network=network_figure(profile["entity"]["name"], profile["cooccurring"]),
    )


# --------------------------------------------------------------------------------------------- stories, series


@router.get("/stories", response_class=HTMLResponse)
def story_list(request: Request, store: StoreDep, label: Text = None, offset: Offset = 0) -> HTMLResponse:
    page = queries.groups(store, "stories", label_contains=label, limit=PAGE_SIZE, offset=offset)
    return render(request, "groups.html", page=page, what="stories", title="Stories", label=label or "")


@router.get("/series", response_class=HTMLResponse)
def series_list(request: Request, store: StoreDep, label: Text = None, offset: Offset = 0) -> HTMLResponse:
    page = queries.groups(store, "series", label_contains=label, limit=PAGE_SIZE, offset=offset)
    return render(request, "groups.html", page=page, what="series", title="Series", label=label or "")


def _group_page(request: Request, store: Any, what: str, group_id: str) -> HTMLResponse:
    bad = _check_id(request, group_id)
    if bad:
        return bad
    found = queries.group(store, what, group_id)
    if found is None:
        return error_page(request, 404, f"no {what} {group_id!r}")
    ids = found.get("article_ids") or [m["article_id"] for m in found.get("members", [])]
    arts = {a.id: a for a in queries.articles_by_id(store, list(ids))}
    shared: dict[str, Any] = queries.shared_by_articles(store, list(arts)) if what == "stories" else {}
    return render(request, f"{what}.html", group=found, articles=arts, **shared)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, store: StoreDep, story_id: str) -> HTMLResponse:
    return _group_page(request, store, "stories", story_id)


@router.get("/series/{series_id}", response_class=HTMLResponse)
def series_page(request: Request, store: StoreDep, series_id: str) -> HTMLResponse:
    return _group_page(request, store, "series", series_id)


# --------------------------------------------------------------------------------------------- ledger, search


@router.get("/ledger", response_class=HTMLResponse)
def ledger(request: Request, store: StoreDep, predicate: Text = None, offset: Offset = 0) -> HTMLResponse:
    page = queries.groups(store, "ledger", label_contains=predicate, limit=PAGE_SIZE, offset=offset)
    values = {g["id"]: g for g in page.items}
    others = {other for item in page.items for other in item.get("disagreements", []) if other not in values}
    values.update(queries.groups_by_id(store, "ledger", others))
    return render(request, "ledger.html", page=page, values=values, predicate=predicate or "")


@router.get("/ledger/{group_id}", response_class=HTMLResponse)
def ledger_entry(request: Request, store: StoreDep, group_id: str) -> HTMLResponse:
    """One figure: each claim of it, with its article (date, outlet, title) and who states it."""
    bad = _check_id(request, group_id)
    if bad:
        return bad
    found = queries.group(store, "ledger", group_id)
    if found is None:
        return error_page(request, 404, f"no figure {group_id!r}")
    claims = sorted(queries.members(store, "ledger", group_id), key=lambda m: (m.get("date") or "~", m["member_id"]))
    arts = {a.id: a for a in queries.articles_by_id(store, sorted({m["article_id"] for m in claims}))}
    others = queries.groups_by_id(store, "ledger", found.get("disagreements", []))
    return render(request, "ledger_entry.html", group=found, claims=claims, articles=arts, values=others)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, store: StoreDep, q: Text = None, offset: Offset = 0) -> HTMLResponse:
    found = queries.search(store, q, limit=PAGE_SIZE, offset=offset) if q else None
    return render(request, "search.html", q=q or "", found=found)


@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request, store: StoreDep, offset: Offset = 0) -> HTMLResponse:
    found = review.listed(store, limit=PAGE_SIZE, offset=offset)
    return render(request, "review.html", corrections=[c.to_dict() for c in found], offset=offset)


@router.get("/api-docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The REST routes, from the app's own OpenAPI description."""
    spec = request.app.openapi()
    routes = [
        {
            "path": path,
            "method": method.upper(),
            "summary": op.get("summary", ""),
            "params": [p["name"] for p in op.get("parameters", [])],
        }
        for path, ops in spec["paths"].items()
        for method, op in ops.items()
    ]
    return render(request, "api_docs.html", routes=routes)


@router.get("/statements", response_class=HTMLResponse)
def statements(
    request: Request,
    store: StoreDep,
    speaker: Text = None,
    entity: FormEntity = None,
    since: FormDate = None,
    until: FormDate = None,
    q: Text = None,
    cue_class: Text = None,
    offset: Offset = 0,
) -> HTMLResponse:
    try:
        # The form's select sends one class, or "" for any (the API takes several; an empty part names none).
        classes = cue_classes_of([cue_class or ""])
    except ConfigError as exc:
        return error_page(request, exc.http_status, str(exc))
    page = queries.records(
        store,
        kind="statement",
        label_contains=speaker,
        entity_id=entity or None,
        since=since or None,
        until=until or None,
        text=q or None,
        cue_classes=classes,
        limit=PAGE_SIZE,
        offset=offset,
    )
    filters = {
        "speaker": speaker or "",
        "entity": entity or "",
        "since": since or "",
        "until": until or "",
        "q": q or "",
        "cue_class": ",".join(classes),
    }
    arts = {a.id: a for a in queries.articles_by_id(store, sorted({s["article_id"] for s in page.items}))}
    # Linked speakers read as their canonical entity (the name the linker chose), linked to its page.
    linked = {s["speaker"].get("entity_id") for s in page.items} | {entity}
    speakers = queries.groups_by_id(store, "canonical", sorted(i for i in linked if i))
    query = urlencode({k: v for k, v in filters.items() if v})
    return render(
        request,
        "statements.html",
        page=page,
        filters=filters,
        query=query,
        articles=arts,
        speakers=speakers,
        cue_classes=CUE_CLASSES,
    )
