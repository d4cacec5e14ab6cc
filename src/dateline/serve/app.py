"""``dateline serve``: the FastAPI application (REST API under ``/api``, web pages, static files).

Security: read-only unless started with a token; the write routes check it. Jinja2 autoescapes
every value (article text included), record data reaches the page only as ``tojson`` (which escapes ``<``,
``>``, ``&``), the browser script writes with ``textContent`` only, and a Content-Security-Policy allows
scripts from this server alone. Request bodies are capped at ``MAX_BODY`` bytes while they stream in, and a
write without the token is refused before its body is read. A NUL or non-UTF-8 byte in a parameter is a 422
on every backend. ``allowed_hosts`` restricts the Host header.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from urllib.parse import unquote_to_bytes

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.body_limit import RequestBodyLimitMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import Scope

from dateline.serve import api, pages
from dateline.store import Store

HERE = Path(__file__).parent
# Largest request body accepted: a correction is a few hundred bytes.
MAX_BODY = 16_384
# Methods that never write: the others need the server's token before their body is read.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# 'unsafe-inline' styles only: plotly sets element styles from its script; no inline script is allowed.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


@functools.cache
def plotly_js() -> tuple[bytes, str]:
    """plotly.js as shipped inside the plotly Python package (no CDN), and its ETag."""
    from plotly.offline import get_plotlyjs

    body = get_plotlyjs().encode("utf-8")
    return body, hashlib.sha256(body).hexdigest()[:16]


def create_app(db: str | Store, *, token: str | None = None, allowed_hosts: Sequence[str] | None = None) -> FastAPI:
    """The app over a database (URL/path, or an open ``Store``). Without ``token`` it is read-only. With
    ``allowed_hosts``, a request whose Host header is not one of them is refused (400): a page on another
    site cannot reach a local server through a DNS name rebound to 127.0.0.1."""
    app = FastAPI(
        title="dateline",
        summary="Who said and did what, to whom, where and when, according to whom.",
        version="1",
        # FastAPI's Swagger/ReDoc pages load their scripts from a CDN: off. The OpenAPI description stays at
        # /openapi.json, and /api-docs lists the routes from it.
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = db if isinstance(db, Store) else Store(db)
    app.state.token = token or None
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.get("/plotly.js", include_in_schema=False)
    def serve_plotly(request: Request) -> Response:
        body, etag = plotly_js()
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304)
        headers = {"ETag": etag, "Cache-Control": "public, max-age=86400"}
        return Response(body, media_type="application/javascript", headers=headers)

    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            return JSONResponse({"detail": f"request body larger than {MAX_BODY} bytes"}, status_code=413)
        problem = invalid_text(request.scope)
        if problem:
            detail = [{"loc": ["query"], "msg": problem}]
            if request.url.path.startswith("/api"):
                return JSONResponse({"detail": detail}, status_code=422)
            return pages.error_page(request, 422, problem)
        if request.method not in SAFE_METHODS:
            # Refused before a byte of the body is read: FastAPI reads a body before it checks dependencies.
            try:
                api.require_token(request)
            except StarletteHTTPException as exc:
                return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        # A bad parameter is the client's mistake: say which, as JSON for the API and as a page otherwise.
        errors = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", ""))} for e in exc.errors()]
        if request.url.path.startswith("/api"):
            return JSONResponse({"detail": errors}, status_code=422)
        return pages.error_page(request, 422, "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in errors))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api") or request.url.path.startswith("/static"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return pages.error_page(request, exc.status_code, str(exc.detail))

    # Outermost: a chunked body (no Content-Length) is counted as it streams in, and refused (413) past the cap.
    app.add_middleware(RequestBodyLimitMiddleware, max_body_size=MAX_BODY)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    return app


def invalid_text(scope: Scope) -> str | None:
    """Why the request's path or query string is not text dateline takes (a NUL, bytes that are not UTF-8),
    or None. Checked once for every route, so no parameter reaches a query with it on any backend."""
    raw = scope.get("query_string", b"")
    try:
        query = unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return "the query string is not UTF-8"
    if "\x00" in query or "\x00" in scope.get("path", ""):
        return "a parameter holds a NUL character"
    return None
