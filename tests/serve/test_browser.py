"""Browser tests: Playwright drives Debian's chromium against ``dateline serve`` running in a thread.

Every page is opened; the reader is clicked through article -> statement -> speaker -> series; a correction
is made in the browser; a screenshot of the reader is taken into the test's temporary folder (the README's
picture, docs/reader.png, shows the demo corpus: no third-party text in the repository).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Page, sync_playwright

from dateline.model import Statement
from dateline.serve.app import create_app
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
    for statement in store.records(kind="statement"):
        link = statement.speaker.entity_id
        if link:
            profile = queries.entity_profile(store, link)
            if profile and profile["series"]:
                return statement, link, profile
    raise AssertionError("no statement by a linked speaker who belongs to a series")


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
    page.locator(f'a[href="/articles/{statement.article_id}"]').click()
    page.wait_for_selector("#article-text .hl")
    # Click the statement's own highlight in the text, then pick it in the panel if something nests in it.
    page.locator(".hl.k-statement", has_text=statement.spans[0].text[-12:]).first.click()
    panel = page.locator("#record-panel")
    if statement.content[:30] not in panel.inner_text():
        panel.locator("a.k-statement").first.click()
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
    page.wait_for_function("document.getElementById('review-status').textContent.startsWith('not saved')")
    page.fill("#token", TOKEN)
    page.locator("#mark-wrong").click()
    page.wait_for_selector("#record-panel .corrections li")
    assert "Reader: wrong" in page.locator("#record-panel .corrections").inner_text()
    assert page.locator(f'.record-link.corrected[data-id="{statement.id}"]').count() == 1
    page.reload()
    assert "Reader: wrong" in page.locator("#record-panel").inner_text()
