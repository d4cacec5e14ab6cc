"""Hostile requests on every backend: a NUL or non-UTF-8 byte in any text parameter is a 422 (never a 500),
bodies are capped while they stream in (413), writes without the token are refused before their body is
read (401), and the Host allow-list holds."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from dateline.model import Analysis, Article
from dateline.serve.app import MAX_BODY, create_app
from dateline.store import Store
from tests.serve.conftest import TOKEN, auth
from tests.store.conftest import pg_session_db, store_url  # noqa: F401  (fixtures)

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def client(store_url: str) -> Iterator[TestClient]:  # noqa: F811
    store = Store(store_url)
    text = "LONDON (Reuters) - The minister said on Tuesday that taxes would fall."
    store.write(Analysis(Article(Article.make_id(text), text, "a.txt", "h")))
    with TestClient(create_app(store, token=TOKEN), raise_server_exceptions=False) as client:
        yield client
    store.close()


def _get_routes(client: TestClient) -> Iterator[tuple[str, list[str]]]:
    """Every GET route of the API with its string query parameters (path parameters filled with "x")."""
    for path, item in client.app.openapi()["paths"].items():  # type: ignore[attr-defined]
        get = item.get("get")
        if not get or not path.startswith("/api"):
            continue
        params = get.get("parameters", [])
        filled = path
        for p in params:
            if p["in"] == "path":
                filled = filled.replace("{" + p["name"] + "}", "x")
        names = [p["name"] for p in params if p["in"] == "query" and _is_text(p.get("schema", {}))]
        yield filled, names


def _is_text(schema: dict[str, object]) -> bool:
    types = [schema.get("type")] + [s.get("type") for s in schema.get("anyOf", [])]  # type: ignore[union-attr]
    return "string" in types and "enum" not in schema


def test_nul_in_any_text_parameter_is_422(client: TestClient) -> None:
    checked = 0
    for path, names in _get_routes(client):
        for name in names:
            response = client.get(f"{path}?{name}=a%00b")
            assert response.status_code == 422, (path, name, response.status_code, response.text[:200])
            checked += 1
    assert checked >= 10
    assert client.get("/search?q=a%00b").status_code == 422
    assert client.get("/api/articles/a%00b").status_code == 422


def test_invalid_utf8_parameter_is_422(client: TestClient) -> None:
    assert client.get("/api/search?q=%ff%fe").status_code == 422
    assert client.get("/api/records?q=caf%C3%A9").status_code == 200


def test_nul_in_a_correction_body_is_422(client: TestClient) -> None:
    body = {"record_id": "abc", "action": "speaker", "value": "Jane\u0000Smith"}
    assert client.post("/api/corrections", json=body, headers=auth()).status_code == 422


def _chunks(total: int, size: int = 4096) -> Iterator[bytes]:
    sent = 0
    while sent < total:
        yield b"x" * size
        sent += size


def test_chunked_body_over_the_limit_is_413(client: TestClient) -> None:
    headers = {**auth(), "Content-Type": "application/json"}
    response = client.post("/api/corrections", content=_chunks(4 * MAX_BODY), headers=headers)
    assert response.status_code == 413


def test_write_without_token_is_401_before_the_body(client: TestClient) -> None:
    response = client.post(
        "/api/corrections", content=_chunks(4 * MAX_BODY), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 401
    response = client.delete("/api/corrections/abc", headers={"Authorization": "Bearer wrong"})
    assert response.status_code == 401


def test_host_allow_list(tmp_path: object) -> None:
    store = Store(f"{tmp_path}/hosts.db")
    with TestClient(create_app(store, allowed_hosts=["localhost"]), base_url="http://localhost") as ok:
        assert ok.get("/api/counts").status_code == 200
    with TestClient(create_app(store, allowed_hosts=["localhost"]), base_url="http://evil.example") as bad:
        assert bad.get("/api/counts").status_code == 400
    assert TOKEN
