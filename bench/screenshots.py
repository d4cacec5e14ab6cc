"""Screenshots of the web pages over a database, taken with Playwright and Debian's chromium.

    dateline run src/dateline/demo_corpus --db /tmp/demo.db
    python bench/screenshots.py --db /tmp/demo.db --out docs

The pictures in docs/ show the demo corpus (no third-party text in the repository). The server runs in a
thread over a copy of the database; ids are picked through the REST API (the first story, the speaker of
the first statement with a linked speaker, the article of that statement), so the script works on any
database built by ``dateline run``.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import tempfile
import threading
import time
import warnings
from pathlib import Path

warnings.filterwarnings("ignore", category=DeprecationWarning)

import httpx  # noqa: E402
import uvicorn  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from dateline.serve.app import create_app  # noqa: E402
from dateline.store import Store  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
VIEWPORT = {"width": 1400, "height": 1000}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def pages(base: str) -> dict[str, str]:
    """Picture name -> page path, with real ids from the database."""
    api = httpx.Client(base_url=base)
    statements = api.get("/api/statements", params={"limit": 500}).json()["items"]
    # The last statement by a linked speaker: statements come oldest first (undated ones before), so a dated one.
    linked = [s for s in statements if s["speaker"].get("entity_id")] or statements
    spoken = linked[-1] if linked else None
    story = api.get("/api/groups/stories", params={"limit": 1}).json()["items"]
    out = {"overview": "/", "statements": "/statements", "ledger": "/ledger"}
    if story:
        out["story"] = f"/stories/{story[0]['id']}"
    if spoken and spoken["speaker"].get("entity_id"):
        out["entity"] = f"/entities/{spoken['speaker']['entity_id']}"
    if spoken:
        out["reader"] = f"/articles/{spoken['article_id']}#{spoken['id']}"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True, help="SQLite database built by `dateline run`")
    parser.add_argument("--out", default="docs", help="folder for the PNG files")
    parser.add_argument("--only", nargs="*", help="picture names to take (default: all)")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "shots.db"
        shutil.copy(args.db, copy)
        port = _free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(Store(str(copy))), port=port, log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            tab = browser.new_context(viewport=VIEWPORT).new_page()
            for name, path in pages(base).items():
                if args.only and name not in args.only:
                    continue
                tab.goto(base + path)
                tab.wait_for_load_state("networkidle")
                if name == "reader":
                    tab.locator(".hl.k-statement").first.click()
                target = out / f"{name}.png"
                tab.screenshot(path=str(target), full_page=False)
                print(target)
            browser.close()
        server.should_exit = True


if __name__ == "__main__":
    main()
