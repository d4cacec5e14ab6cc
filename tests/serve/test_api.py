"""The REST API and the pages over a real database (samples + a BBC slice): every route, bad parameters
(a clear 4xx, never a 500), escaping of article text, and the token rules."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest
import yaml
from fastapi.testclient import TestClient

from dateline.model import Analysis, Article, Entity, Span, Statement
from dateline.serve.app import MAX_BODY, create_app
from dateline.store import Store
from tests.serve.conftest import TOKEN, auth, copy_db

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _first_statement(store: Store) -> Statement:
    found = [r for r in store.records(kind="statement", limit=200) if isinstance(r, Statement)]
    assert found
    return found[0]


def test_counts_articles_and_pagination(client: TestClient, store: Store) -> None:
    counts = client.get("/api/counts").json()
    assert {k: counts[k] for k in store.counts()} == store.counts()
    assert counts["canonical"] > 0 and counts["stories"] > 0
    first = client.get("/api/articles", params={"limit": 1}).json()
    second = client.get("/api/articles", params={"limit": 1, "offset": 1}).json()
    assert first["total"] == counts["articles"] and len(first["items"]) == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]
    article = store.article(first["items"][0]["id"])
    assert article is not None and first["items"][0] == article.to_dict()
    assert client.get(f"/api/articles/{article.id}").json() == article.to_dict()


def test_article_records_have_the_export_shape(client: TestClient, store: Store) -> None:
    article = store.articles(limit=1)[0]
    body = client.get(f"/api/articles/{article.id}/records").json()
    assert [r["id"] for r in body["items"]] == sorted(
        (r.id for r in store.records(article_id=article.id)), key=[r["id"] for r in body["items"]].index
    )
    assert {r["id"] for r in body["items"]} == {r.id for r in store.records(article_id=article.id)}
    statements = client.get(f"/api/articles/{article.id}/records", params={"kind": "statement"}).json()["items"]
    assert statements and all(r["kind"] == "statement" for r in statements)
    one = statements[0]
    record = client.get(f"/api/records/{one['id']}").json()
    assert record.pop("corrections") == [] and record == one


def test_record_filters(client: TestClient, store: Store) -> None:
    statement = _first_statement(store)
    name = statement.label()
    by_speaker = client.get("/api/statements", params={"speaker": name, "limit": 500}).json()["items"]
    assert statement.id in {r["id"] for r in by_speaker}
    article = store.article(statement.article_id)
    assert article is not None and article.published
    day = article.published[:10]
    dated = client.get("/api/statements", params={"since": day, "until": day, "limit": 500}).json()["items"]
    assert statement.id in {r["id"] for r in dated}
    published = {a.id: a.published or "" for a in store.iter_articles()}
    assert all(published[r["article_id"]][:10] == day for r in dated)
    later = client.get("/api/statements", params={"since": "2999"}).json()
    assert later["items"] == [] and later["total"] == 0
    word = max(re.findall(r"[A-Za-z]{5,}", statement.content), key=len)
    by_text = client.get("/api/statements", params={"q": word, "limit": 500}).json()["items"]
    assert statement.id in {r["id"] for r in by_text}
    assert all(word.lower() in json.dumps(r, ensure_ascii=False).lower() for r in by_text)
    claims = client.get("/api/claims", params={"limit": 500}).json()["items"]
    if claims:
        predicate = claims[0]["predicate"]
        chosen = client.get("/api/claims", params={"predicate": predicate, "limit": 500}).json()["items"]
        assert chosen and all(predicate in c["predicate"] for c in chosen)
    entities = client.get("/api/records", params={"kind": "entity", "label": "a", "limit": 5}).json()["items"]
    assert all(r["kind"] == "entity" and "a" in r["name"].lower() for r in entities)


def test_entities_and_profiles(client: TestClient, store: Store) -> None:
    listed = client.get("/api/entities", params={"limit": 500}).json()
    assert listed["total"] == client.get("/api/counts").json()["canonical"]
    assert all("forms" not in e for e in listed["items"])
    linked = [r for r in store.records(kind="entity") if isinstance(r, Entity) and r.entity_id]
    assert linked, "linking fills entity_id"
    profile = client.get(f"/api/entities/{linked[0].entity_id}").json()
    assert profile["entity"]["id"] == linked[0].entity_id
    assert linked[0].article_id in profile["articles"]
    assert linked[0].id in {m["member_id"] for m in profile["mentions"]}
    filtered = client.get("/api/entities", params={"name": linked[0].name}).json()["items"]
    assert linked[0].entity_id in {e["id"] for e in filtered}


@pytest.mark.parametrize("what", ["stories", "series", "ledger", "duplicates", "repeated", "canonical"])
def test_groups(client: TestClient, what: str) -> None:
    page = client.get(f"/api/groups/{what}", params={"limit": 500}).json()
    assert page["total"] == len(page["items"])
    for item in page["items"][:3]:
        one = client.get(f"/api/groups/{what}/{item['id']}").json()
        assert one["id"] == item["id"] and isinstance(one["members"], list)
    assert client.get(f"/api/groups/{what}/nosuchgroup").status_code == 404


def test_stories_series_ledger_shortcuts(client: TestClient) -> None:
    for path, what in (("/api/stories", "stories"), ("/api/series", "series"), ("/api/ledger", "ledger")):
        assert client.get(path).json() == client.get(f"/api/groups/{what}").json()
    series = client.get("/api/series").json()["items"]
    assert series, "the two sample reports are two years of one commemoration"
    assert all(len(s["members"]) >= 1 and s["base_date"] for s in series)


def test_search(client: TestClient, store: Store) -> None:
    articles = list(store.iter_articles())
    word = Counter(w for a in articles for w in set(re.findall(r"[A-Z][a-z]{4,}", a.text))).most_common(1)[0][0]
    body = client.get("/api/search", params={"q": word, "limit": 500}).json()
    expected = {
        a.id for a in articles if word.casefold() in a.text.casefold() or word.casefold() in (a.title or "").casefold()
    }
    assert {a["id"] for a in body["articles"]["items"]} == expected
    assert all(word.casefold() in a["snippet"].casefold() for a in body["articles"]["items"])
    for literal in ("%", "_", "' OR 1=1 --", '"; DROP TABLE articles; --'):
        found = client.get("/api/search", params={"q": literal}).json()["articles"]
        assert found["total"] == sum(literal in a.text or literal in (a.title or "") for a in articles)
    assert client.get("/api/counts").json()["articles"] == len(articles)


BAD = [
    ("/api/articles", {"limit": 0}),
    ("/api/articles", {"limit": 501}),
    ("/api/articles", {"offset": -1}),
    ("/api/articles", {"limit": "many"}),
    ("/api/records", {"kind": "rumour"}),
    ("/api/records", {"label": "x" * 201}),
    ("/api/statements", {"since": "yesterday"}),
    ("/api/statements", {"until": "2024-13-99T"}),
    ("/api/search", {}),
    ("/api/search", {"q": ""}),
    ("/api/groups/gossip", {}),
    ("/api/articles/" + "a" * 65, {}),
    ("/api/articles/bad%20id%3Cscript%3E", {}),
    ("/entities", {"offset": -5}),
    ("/search", {"q": "q" * 300}),
    ("/statements", {"since": "last week"}),
    ("/articles/bad%20id%3Cscript%3E", {}),
]


@pytest.mark.parametrize(("path", "params"), BAD)
def test_bad_parameters_are_4xx(client: TestClient, path: str, params: dict[str, object]) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 422, response.text
    if path.startswith("/api"):
        assert response.json()["detail"]
    else:
        assert "Error 422" in response.text and "<script>" not in response.text


@pytest.mark.parametrize(
    "path",
    [
        "/api/articles/0000000000000000",
        "/api/records/0000000000000000",
        "/api/entities/0000000000000000",
        "/articles/0000000000000000",
        "/entities/0000000000000000",
        "/stories/nosuch",
        "/series/nosuch",
        "/nowhere",
    ],
)
def test_unknown_is_404(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 404


# --------------------------------------------------------------------------------------------- writes


def test_read_only_without_token(readonly: TestClient, store: Store) -> None:
    statement = _first_statement(store)
    body = {"record_id": statement.id, "action": "wrong"}
    response = readonly.post("/api/corrections", json=body, headers=auth())
    assert response.status_code == 403 and "read-only" in response.json()["detail"]
    assert readonly.delete("/api/corrections/abc", headers=auth()).status_code == 403
    assert 'id="token"' not in readonly.get(f"/articles/{statement.article_id}").text


def test_writes_need_the_token(client: TestClient, store: Store) -> None:
    statement = _first_statement(store)
    body = {"record_id": statement.id, "action": "speaker", "value": "Corrected Speaker", "note": "reader check"}
    assert client.post("/api/corrections", json=body).status_code == 401
    assert client.post("/api/corrections", json=body, headers=auth("wrong-token")).status_code == 401
    assert client.post("/api/corrections", json=body, headers={"Authorization": TOKEN}).status_code == 401
    created = client.post("/api/corrections", json=body, headers=auth())
    assert created.status_code == 201
    correction = created.json()
    assert correction["kind"] == "statement" and correction["article_id"] == statement.article_id
    record = client.get(f"/api/records/{statement.id}").json()
    assert record["speaker"] == statement.to_dict()["speaker"]  # the machine record is untouched
    assert [c["id"] for c in record["corrections"]] == [correction["id"]]
    listed = client.get("/api/corrections", params={"article_id": statement.article_id}).json()["items"]
    assert correction["id"] in {c["id"] for c in listed}
    page = client.get(f"/articles/{statement.article_id}").text
    assert "Corrected Speaker" in page and 'id="token"' in page
    gold = yaml.safe_load(client.get(f"/api/gold/{statement.article_id}").text)
    assert "Corrected Speaker" in [s["speaker"] for s in gold["statements"]]
    assert "Corrected Speaker" in client.get("/review").text
    assert client.delete(f"/api/corrections/{correction['id']}").status_code == 401
    assert client.delete(f"/api/corrections/{correction['id']}", headers=auth()).json() == {"deleted": correction["id"]}
    assert client.delete(f"/api/corrections/{correction['id']}", headers=auth()).status_code == 404


@pytest.mark.parametrize(
    "body",
    [
        {"record_id": "0000000000000000", "action": "wrong"},
        {"action": "wrong"},
        {"record_id": "x", "action": "erase"},
        {"record_id": "abc'; DROP TABLE records; --", "action": "wrong"},
        {"record_id": "x", "action": "speaker", "value": "v" * 201},
    ],
)
def test_bad_corrections_are_4xx(client: TestClient, body: dict[str, str]) -> None:
    response = client.post("/api/corrections", json=body, headers=auth())
    assert response.status_code in (404, 422), response.text


def test_speaker_correction_only_for_statements_and_claims(client: TestClient, store: Store) -> None:
    entity = store.records(kind="entity", limit=1)[0]
    response = client.post(
        "/api/corrections", json={"record_id": entity.id, "action": "speaker", "value": "X"}, headers=auth()
    )
    assert response.status_code == 422 and "only statements and claims" in response.json()["detail"]


def test_oversized_body_is_413(client: TestClient) -> None:
    payload = json.dumps({"record_id": "x", "action": "wrong", "note": "n" * MAX_BODY})
    response = client.post("/api/corrections", content=payload, headers={**auth(), "Content-Type": "application/json"})
    assert response.status_code == 413


# --------------------------------------------------------------------------------------------- escaping


HOSTILE = 'A report about <script>alert("x")</script> and <img src=x onerror=alert(1)> tags.'


def test_article_text_is_escaped(fresh_store: Store) -> None:
    article = Article(
        id=Article.make_id(HOSTILE),
        text=HOSTILE,
        source_path="hostile.txt",
        content_hash="h",
        title="<b>bold</b> title",
        outlet="<i>Outlet</i>",
        published="2024-01-01",
    )
    start = HOSTILE.index("<script>")
    entity = Entity(
        article_id=article.id,
        spans=(Span.of(HOSTILE, start, start + 8),),
        extractor="test.v1",
        name="<script>",
        type="ORG",
    )
    assert fresh_store.write(Analysis(article, (entity,)))
    client = TestClient(create_app(fresh_store, token=TOKEN))
    for path in (f"/articles/{article.id}", "/search?q=%3Cscript%3E", "/articles", "/"):
        html = client.get(path).text
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>bold</b>" not in html, path
        assert html.count("</script>") == html.count("<script "), path  # no script element but our own
    reader = client.get(f"/articles/{article.id}")
    assert (
        "&lt;img src=x onerror=alert(1)&gt;" in reader.text
        and ">&lt;script&gt;</span>" in reader.text
        and "&lt;b&gt;bold&lt;/b&gt; title" in reader.text
    )
    assert "script-src 'self'" in reader.headers["content-security-policy"]
    blob = re.search(r'<script type="application/json" id="records-data">(.*?)</script>', reader.text, re.S)
    assert blob is not None and json.loads(blob.group(1))[entity.id]["name"] == "<script>"


# --------------------------------------------------------------------------------------------- pages


def test_every_page_renders(client: TestClient, store: Store) -> None:
    counts = store.counts()
    overview = client.get("/").text
    assert f"<b>{counts['articles']}</b> articles" in overview and 'id="timeline-data"' in overview
    pages = [
        "/articles",
        "/entities",
        "/stories",
        "/series",
        "/ledger",
        "/search",
        "/search?q=the",
        "/review",
        "/api-docs",
        "/statements",
        "/statements?speaker=a&since=2000&until=2030-12-31&q=e",
    ]
    for what, kind in (("entities", "canonical"), ("stories", "stories"), ("series", "series")):
        items = client.get(f"/api/groups/{kind}", params={"limit": 3}).json()["items"]
        pages += [f"/{what}/{item['id']}" for item in items]
    pages += [f"/articles/{a.id}" for a in store.articles(limit=5)]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")
    assert "/api/corrections" in client.get("/api-docs").text
    assert client.get("/openapi.json").json()["paths"]["/api/statements"]["get"]["parameters"]


def test_reader_highlights_every_record(client: TestClient, store: Store) -> None:
    analysis = store.analysis(_first_statement(store).article_id)
    assert analysis is not None
    html = client.get(f"/articles/{analysis.article.id}").text
    blob = re.search(r'<script type="application/json" id="records-data">(.*?)</script>', html, re.S)
    assert blob is not None
    shown = json.loads(blob.group(1))
    assert set(shown) == {r.id for r in analysis.records}
    highlighted = {i for ids in re.findall(r'data-ids="([^"]*)"', html) for i in ids.split()}
    assert highlighted == {r.id for r in analysis.records}


def test_plotly_is_served_locally(client: TestClient) -> None:
    response = client.get("/plotly.js")
    assert response.status_code == 200 and b"plotly" in response.content[:2000].lower()
    again = client.get("/plotly.js", headers={"If-None-Match": response.headers["etag"]})
    assert again.status_code == 304
    assert "cdn" not in client.get("/").text.lower()


def test_cli_serve(store: Store, tmp_path: Path) -> None:
    """``dateline serve`` as a user starts it: token from DATELINE_TOKEN, answering on the given port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    db = copy_db(Path(store.engine.url.database or ""), tmp_path / "cli.db")
    env = {**os.environ, "DATELINE_TOKEN": TOKEN}
    command = [sys.executable, "-m", "dateline.cli", "serve", "--db", str(db), "--port", str(port)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
            try:
                counts = httpx.get(base + "/api/counts", timeout=5).json()
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "dateline serve did not start"
                time.sleep(0.5)
        assert counts["articles"] == store.counts()["articles"]
        record = store.records(kind="entity", limit=1)[0]
        body = {"record_id": record.id, "action": "correct"}
        assert httpx.post(base + "/api/corrections", json=body, timeout=10).status_code == 401
        assert httpx.post(base + "/api/corrections", json=body, headers=auth(), timeout=10).status_code == 201
    finally:
        process.terminate()
        process.wait(timeout=30)
