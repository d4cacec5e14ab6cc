"""``dateline serve``: the FastAPI application (REST API under ``/api``, web pages, static files).

Security: read-only unless started with a token; the write routes check it. Jinja2 autoescapes
every value (article text included), record data reaches the page only as ``tojson`` (which escapes ``<``,
``>``, ``&``), the browser script writes with ``textContent`` only, and a Content-Security-Policy allows
scripts from this server alone. Request bodies are capped at ``MAX_BODY`` bytes.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Awaitable, Callable
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from dateline.serve import api, pages
from dateline.store import Store

HERE = Path(__file__).parent
# Largest request body accepted: a correction is a few hundred bytes.
MAX_BODY = 16_384
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


def create_app(db: str | Store, *, token: str | None = None) -> FastAPI:
    """The app over a database (URL/path, or an open ``Store``). Without ``token`` it is read-only."""
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

    return app
