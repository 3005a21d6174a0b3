"""The web UI in a real headless Chromium (Debian's ``chromium``, driven by Playwright).

The two seed articles are coded into a store, the app is served by uvicorn on loopback, and
the browser does what an analyst would: filter CHN-PER, find the meeting on the timeline,
open it, and read the evidence with Boluarte and Li Qiang highlighted. Screenshots are
saved in the test's temporary folder.

Without Chromium the test skips locally, and fails under CI (``CI=true``): ``.ci/browser.sh``
installs it there.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from dyad.api import Settings, create_app
from dyad.coder import Coder
from dyad.ingest import read
from dyad.store import Store
from tests.conftest import SEEDS

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
PUBLISHED = {
    "boluarte-arrives-in-beijing.txt": "2024-06-27",
    "li-qiang-meets-boluarte.txt": "2024-06-28",
}


def _need(ok: bool, reason: str) -> None:
    if ok:
        return
    if IN_CI:
        pytest.fail(f"{reason}; CI must run the browser test: bash .ci/browser.sh")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path, coder: Coder, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The UI over the coded seed articles, served on 127.0.0.1; yields its base URL."""
    monkeypatch.setenv("DYAD_CONFIG", str(tmp_path / "config"))
    with Store.open(str(tmp_path / "dyad.db")) as store:
        for name, day in PUBLISHED.items():
            outcomes = list(store.ingest(read([SEEDS / name], published=day), coder))
            assert [o.kind for o in outcomes] == ["stored"]
        app = create_app(store, Settings(), kb=coder.kb)
        port = _free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
        uv = uvicorn.Server(config)
        thread = threading.Thread(target=uv.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not uv.started:
            assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.05)
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            uv.should_exit = True
            thread.join(timeout=10)


def test_ui_browser_filter_chn_per_open_the_meeting_and_read_the_evidence(
    server: str, tmp_path: Path
) -> None:
    _need(
        Path(CHROMIUM).exists() or shutil.which("chromium") is not None,
        f"Debian's chromium is not installed ({CHROMIUM})",
    )
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        _need(False, "playwright is not installed (pip install -e '.[dev]')")
        raise

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            # The UI works offline: any request off this server would be a CDN dependency.
            foreign: list[str] = []
            page.on(
                "request",
                lambda r: None if r.url.startswith(server) else foreign.append(r.url),
            )
            page.goto(server + "/")
            page.fill("input[name=dyad]", "CHN-PER")
            page.click("form#filters button[type=submit]")
            page.wait_for_url("**/?dyad=CHN-PER")  # the filter lives in the URL, blanks left out
            expect(page.locator("#summary")).to_contain_text("events match")

            meeting = page.locator(
                '#timeline a.event[data-type="CONSULT"][data-status="occurred"]'
                '[data-date="2024-06-28"][data-label*="Li Qiang"]'
            )
            expect(meeting).to_have_count(1)
            # Planned events are drawn hollow, occurred ones filled.
            planned = page.locator('#timeline a.event[data-status="planned"] circle').first
            assert planned.evaluate("c => getComputedStyle(c).fill") == "rgb(255, 255, 255)"
            filled = meeting.locator("circle").evaluate("c => getComputedStyle(c).fill")
            assert filled != "rgb(255, 255, 255)"
            expect(
                page.locator('#network a.edge[data-source="CHN"][data-target="PER"]')
            ).to_have_count(1)
            page.screenshot(path=str(tmp_path / "timeline.png"), full_page=True)

            meeting.click()
            page.wait_for_url("**/events/ev_*")
            expect(page.locator("h1")).to_contain_text("CONSULT")
            sentence = (
                page.locator("ol.evidence blockquote.sentence")
                .filter(has=page.locator("mark.actor", has_text="Boluarte"))
                .filter(has=page.locator("mark.recipient", has_text="Li Qiang"))
            )
            expect(sentence.first).to_be_visible()
            expect(sentence.first.locator("mark.trigger")).to_have_count(1)
            expect(page.locator("dl.facts")).to_contain_text("precision: day")
            expect(page.locator("table.participants")).to_contain_text("Premier")
            page.screenshot(path=str(tmp_path / "event.png"), full_page=True)

            # The evidence links to the document it was read in.
            page.locator("ol.evidence a[href^='/documents/']").last.click()
            page.wait_for_url("**/documents/doc_*")
            expect(page.locator(".doctext mark.trigger").first).to_be_visible()
            page.screenshot(path=str(tmp_path / "document.png"), full_page=True)
            assert foreign == []
        finally:
            browser.close()
    assert (tmp_path / "event.png").stat().st_size > 10_000


# Hostile stored data: a feed may hold markup in any field and a `javascript:` URL.
HOSTILE_LINE = (
    "CONSULT occurred 2024-06-27 USA/</script><img src=x onerror=window.__pwned=1> "
    '-> PER/"><svg onload=window.__pwned=2>'
)
HOSTILE = {
    "text": f"{HOSTILE_LINE}\n<script>window.__pwned = 3</script>",
    "title": "</title><script>window.__pwned = 4</script>",
    "url": "javascript:window.__pwned=5",
}
TOKEN = "browser-test-token"


@pytest.fixture
def hostile_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A private server over one hostile document (stub-coded); yields its base URL."""
    from fastapi.testclient import TestClient

    from tests.test_store import StubCoder

    monkeypatch.setenv("DYAD_CONFIG", str(tmp_path / "config"))
    with Store.open(str(tmp_path / "hostile.db")) as store:
        settings = Settings(token=TOKEN, private=True)
        app = create_app(store, settings, coder=StubCoder())  # type: ignore[arg-type]
        with TestClient(app, base_url="http://localhost") as client:
            posted = client.post(
                "/api/documents", json=[HOSTILE], headers={"Authorization": f"Bearer {TOKEN}"}
            )
            assert posted.json()["stored"] == 1, posted.text
        port = _free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
        uv = uvicorn.Server(config)
        thread = threading.Thread(target=uv.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not uv.started:
            assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.05)
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            uv.should_exit = True
            thread.join(timeout=10)


def test_ui_browser_hostile_document_runs_no_script_and_reads_no_credential(
    hostile_server: str,
) -> None:
    _need(
        Path(CHROMIUM).exists() or shutil.which("chromium") is not None,
        f"Debian's chromium is not installed ({CHROMIUM})",
    )
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        _need(False, "playwright is not installed (pip install -e '.[dev]')")
        raise

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
        try:
            page = browser.new_page()
            dialogs: list[str] = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(hostile_server + "/")
            # The 401 page's form posts the token once and comes back with a session.
            page.fill("#token-form input[name=token]", TOKEN)
            page.click("#token-form button[type=submit]")
            expect(page.locator("#summary")).to_contain_text("1 event matches")
            visited = [page.url]
            page.locator("table.events a[href^='/events/']").first.click()
            page.wait_for_url("**/events/ev_*")
            visited.append(page.url)
            page.locator("ol.evidence a[href^='/documents/']").first.click()
            page.wait_for_url("**/documents/doc_*")
            visited.append(page.url)
            # The javascript: URL is shown as text, not as a link.
            expect(page.locator("a", has_text="original")).to_have_count(0)
            expect(page.locator("p.dim")).to_contain_text("javascript:window.__pwned=5")
            for url in visited:
                page.goto(url)
                assert page.evaluate("typeof window.__pwned") == "undefined", url
                # The session cookie is HttpOnly: no script on the page can read it.
                assert page.evaluate("document.cookie") == "", url
            assert dialogs == []
            cookies = page.context.cookies()
            assert [c["name"] for c in cookies] == ["dyad_session"]
            assert cookies[0]["httpOnly"] and cookies[0]["sameSite"] == "Strict"
            assert TOKEN not in cookies[0]["value"]
        finally:
            browser.close()
