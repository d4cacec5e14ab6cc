"""Browser tests: Playwright drives Debian's chromium against ``dateline serve`` running in a thread.

Every page is opened; the reader is clicked through article -> statement -> speaker -> series; a correction
is made in the browser; a screenshot of the reader is taken into the test's temporary folder (the README's
picture, docs/reader.png, shows the demo corpus: no third-party text in the repository).
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import uvicorn
from playwright.sync_api import Page, expect, sync_playwright

from dateline.model import CUE_CLASSES, CUE_SPEECH, Statement
from dateline.serve.app import create_app
from dateline.serve.pages import PAGE_SIZE
from dateline.store import Store, queries
from tests.serve.conftest import TOKEN, copy_db

CHROMIUM = os.environ.get("DATELINE_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Seconds allowed for a page element to appear (chromium on a shared, loaded CI machine).
WAIT_MS = 30_000
# Script errors and console errors seen by the browser (a page that throws fails its test).
JS_ERRORS: list[str] = []

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(), reason=f"chromium not found at {CHROMIUM} (apt-get install chromium)"
    ),
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def store(slice_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Store:
    """The samples plus the BBC slice (overrides the samples-only store of conftest)."""
    return Store(str(copy_db(slice_db, tmp_path_factory.mktemp("browser") / "slice.db")))


@pytest.fixture(scope="module")
def server(store: Store) -> Iterator[str]:
    port = _free_port()
    config = uvicorn.Config(create_app(store, token=TOKEN), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[Page]:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        tab = context.new_page()
        tab.set_default_timeout(WAIT_MS)
        JS_ERRORS.clear()
        tab.on("pageerror", lambda exc: JS_ERRORS.append(str(exc)))
        tab.on("console", lambda msg: JS_ERRORS.append(msg.text) if msg.type == "error" else None)
        yield tab
        browser.close()


def _speaking_with_series(store: Store) -> tuple[Statement, str, dict[str, object]]:
    """A statement whose speaker is a linked entity that belongs to a series (the samples' ambassador)."""
    # Only statements in articles of a series can qualify: look there, not at every statement of the corpus.
    in_series = {m["article_id"] for g in queries.all_groups(store, "series") for m in g["members"]}
    tried: set[str] = set()
    for article_id in sorted(in_series):
        for statement in store.records(kind="statement", article_id=article_id):
            link = statement.speaker.entity_id
            if link and link not in tried:
                tried.add(link)
                profile = queries.entity_profile(store, link)
                if profile and profile["series"]:
                    return statement, link, profile
    raise AssertionError("no statement by a linked speaker who belongs to a series")


# Pages opened in the browser per page kind while crawling (every link found is still requested).
PER_KIND = int(os.environ.get("DATELINE_CRAWL_PER_KIND", "3"))


def _kind(path: str) -> str:
    """A page's kind: its route with ids left out ("/articles/<id>", "/statements?")."""
    parts = urlsplit(path)
    segments = parts.path.strip("/").split("/")
    return "/" + segments[0] + ("/<id>" if len(segments) > 1 else "") + ("?" if parts.query else "")


def _links(page: Page) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    return [h.split("#", 1)[0] for h in hrefs if h and h.startswith("/") and not h.startswith("//")]


def test_crawl_every_link_and_form(page: Page, server: str) -> None:
    """From the overview, open pages of every kind, request every internal link they show, submit every form
    on them (Filter buttons, search) and follow the paging links: no error page, no 4xx/5xx anywhere."""
    seen: set[str] = set()
    opened: dict[str, int] = {}
    queue = ["/", "/statements", "/ledger", "/stories", "/series", "/entities", "/articles", "/review", "/api-docs"]
    bad: list[str] = []
    forms_submitted = 0
    while queue:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = page.request.get(server + path)
        if response.status >= 400:
            bad.append(f"{response.status} {path}")
            continue
        kind = _kind(path)
        if not response.headers.get("content-type", "").startswith("text/html") or opened.get(kind, 0) >= PER_KIND:
            continue
        opened[kind] = opened.get(kind, 0) + 1
        page.goto(server + path)
        assert not page.title().startswith("Error"), path
        links = _links(page)
        queue += [link for link in links if link not in seen]
        for n in range(page.locator("main form").count()):
            page.goto(server + path)
            form = page.locator("main form").nth(n)
            with page.expect_navigation():
                form.locator("button").first.click()
            assert not page.title().startswith("Error"), (path, n, page.url)
            forms_submitted += 1
            queue += [link for link in _links(page) if link not in seen]
    page.goto(server + "/")
    page.fill("header form.search input", "minister")
    with page.expect_navigation():
        page.press("header form.search input", "Enter")
    assert page.title().startswith("Search"), page.url
    assert not bad, bad
    assert forms_submitted >= 6
    kinds = {_kind(p) for p in seen}
    for expected in ("/articles/<id>", "/entities/<id>", "/stories/<id>", "/series/<id>", "/ledger/<id>"):
        assert expected in kinds, (expected, sorted(kinds))
    assert not JS_ERRORS, JS_ERRORS


def test_statements_filter_and_next(page: Page, server: str) -> None:
    """The Statements form with blank fields, then its "next" link (both answered 422 once)."""
    page.goto(server + "/statements")
    page.fill("input[name=q]", "e")
    with page.expect_navigation():
        page.locator("form.filters button").click()
    assert page.title().startswith("Statements"), page.url
    nxt = page.locator("p.pager a", has_text="next")
    if nxt.count():
        with page.expect_navigation():
            nxt.click()
        assert page.title().startswith("Statements"), page.url
        assert re.search(r"offset=\d+", page.url)


def test_statements_by_cue_class(page: Page, server: str, store: Store) -> None:
    """The Statements form's cue-class select: every row listed then is of the chosen class, the select keeps
    the choice, and a class's statements are the data API's (a statement of another act shown under "other" or
    "attitude" is not under "speech")."""
    counts = {
        c: queries.records(store, kind="statement", cue_classes=(c,), limit=1, offset=0).total for c in CUE_CLASSES
    }
    assert counts[CUE_SPEECH] and sum(counts.values()) == store.counts()["statement"]
    other = max((c for c in CUE_CLASSES if c != CUE_SPEECH), key=lambda c: counts[c] or 0)
    assert counts[other], counts
    for chosen in (CUE_SPEECH, other):
        page.goto(server + "/statements")
        page.select_option("select[name=cue_class]", chosen)
        with page.expect_navigation():
            page.locator("form.filters button").click()
        assert page.title().startswith("Statements") and f"cue_class={chosen}" in page.url, page.url
        assert page.locator("select[name=cue_class]").input_value() == chosen
        cells = page.locator("#statement-list td.cue-class").all_inner_texts()
        assert cells and set(cells) == {chosen}
        assert len(cells) == min(counts[chosen] or 0, PAGE_SIZE)
    assert not JS_ERRORS, JS_ERRORS


def test_every_page_opens(page: Page, server: str, store: Store) -> None:

    counts = store.counts()
    page.goto(server + "/")
    assert page.locator(".counts").inner_text().startswith(f"{counts['articles']} articles")
    page.wait_for_selector("#timeline .main-svg")  # plotly drew the chart
    assert page.locator("#top-speakers li").count() > 0
    for path, selector in (
        ("/articles", "table.list tbody tr"),
        ("/entities", "table.list tbody tr"),
        ("/stories", "ul.groups li"),
        ("/series", "ul.groups li"),
        ("/ledger", "#ledger tbody tr"),
        ("/search?q=minister", "#search-articles li"),
        ("/review", "#corrections"),
        ("/api-docs", "#routes tbody tr"),
    ):
        page.goto(server + path)
        assert page.locator(selector).count() > 0, path
    page.goto(server + "/stories")
    page.locator("ul.groups li a").first.click()
    assert page.locator("#story-label").inner_text().startswith("Story:")
    assert not JS_ERRORS, JS_ERRORS


def test_article_statement_speaker_series(page: Page, server: str, store: Store, tmp_path: Path) -> None:

    statement, entity_id, profile = _speaking_with_series(store)
    page.goto(server + "/articles")
    listed = page.locator(f'a[href="/articles/{statement.article_id}"]')
    # On a large database the article may be on a later page of the list.
    if listed.count():
        listed.click()
    else:
        page.goto(f"{server}/articles/{statement.article_id}")
    page.wait_for_selector("#article-text .hl")
    # Click the statement's own highlight in the text, then pick it in the panel if something nests in it.
    page.locator(".hl.k-statement", has_text=statement.spans[0].text[-12:]).first.click()
    panel = page.locator("#record-panel")
    # Records that share the highlight are listed under "Also here"; pick this statement by its id.
    if statement.id not in panel.inner_text():
        panel.locator(f'p.also a[data-record="{statement.id}"]').click()
    text = panel.inner_text()
    assert "According to" in text and statement.extractor in text and statement.cue in text
    assert f"[{statement.spans[0].start}, {statement.spans[0].end})" in text
    shot = tmp_path / "reader.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    panel.locator("a.speaker-link").click()
    page.wait_for_url(f"**/entities/{entity_id}")
    name = page.locator("#entity-name").inner_text()
    assert str(profile["entity"]["name"]) in name
    assert statement.content[:40] in page.locator("#statements").inner_text()
    page.wait_for_selector("#network .main-svg")
    page.locator("#series a.series-link").first.click()
    label = page.locator("#series-label").inner_text()
    assert label.startswith("Series:") and page.locator("#members tbody tr").count() >= 1
    assert statement.article_id in page.locator("#members").inner_html()
    assert not JS_ERRORS, JS_ERRORS


def test_correcting_in_the_browser(page: Page, server: str, store: Store) -> None:

    statement = next(r for r in store.records(kind="statement") if isinstance(r, Statement))
    page.goto(f"{server}/articles/{statement.article_id}#{statement.id}")
    page.locator("#mark-wrong").click()
    # A locator assertion, not a JavaScript string: the page's Content-Security-Policy forbids eval, which
    # wait_for_function uses once its first check fails (the save's reply had not come yet on a loaded machine).
    expect(page.locator("#review-status")).to_have_text(re.compile(r"^not saved"))
    page.fill("#token", TOKEN)
    page.locator("#mark-wrong").click()
    page.wait_for_selector("#record-panel .corrections li")
    assert "Reader: wrong" in page.locator("#record-panel .corrections").inner_text()
    assert page.locator(f'.record-link.corrected[data-id="{statement.id}"]').count() == 1
    page.reload()
    assert "Reader: wrong" in page.locator("#record-panel").inner_text()
