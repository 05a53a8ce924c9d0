"""A local HTTP server for a built site and a headless Debian Chromium driven by Playwright.

Chromium is never downloaded: `executable_path=/usr/bin/chromium`. Its config and cache go to a
temporary folder. Every request the page makes and every console error are recorded, so tests
can assert that nothing leaves 127.0.0.1 and that no page logs an error.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("BSC_CHROMIUM", "/usr/bin/chromium"))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


def serve(root: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (make system-deps-browser)")
    sync_api = pytest.importorskip("playwright.sync_api")
    home = tmp_path_factory.mktemp("chromium")
    env = {**os.environ, "XDG_CONFIG_HOME": str(home / "config"), "XDG_CACHE_HOME": str(home / "cache"),
           "HOME": str(home)}
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), env=env)
        yield b
        b.close()


class Recorder:
    def __init__(self, page):
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"{page.url}: {e}"))


@pytest.fixture(scope="module")
def public_server(example_site):
    server, url = serve(example_site.public)
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def internal_server(example_site):
    server, url = serve(example_site.internal)
    yield url
    server.shutdown()


def reader_page(browser, locale: str):
    """A desktop page of a new browser context in `locale`, recording requests and errors;
    yields it, then closes the context (use with `yield from` in a fixture)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale)
    pg = context.new_page()
    pg.recorder = Recorder(pg)
    yield pg
    context.close()


@pytest.fixture
def page(browser):
    yield from reader_page(browser, "zh-CN")
