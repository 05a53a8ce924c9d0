"""`bscportal serve`: the time from saving an edit to the browser showing the new value.

Starts `bscportal serve` (internal edition) as a subprocess on a free port, on its own copy of
the city, with its working folder (and so its `.cache`) in a temporary folder; opens the
indicator card of the edited measure in headless Debian Chromium (Playwright, never a
downloaded browser); saves the edit; polls the card in the page until it shows the new target.
Live reload reloads the page, so the poll reads whatever page is loaded at that moment.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from .edit import Edit, apply
from .measure import child_env

CHROMIUM = Path(os.environ.get("BSC_CHROMIUM", "/usr/bin/chromium"))
#: the text of an indicator card: everything after its heading up to the next heading
CARD_TEXT = """(id) => {
  const h = document.getElementById(id);
  if (!h) return null;
  let text = "";
  for (let el = h.nextElementSibling; el && !/^H[1-3]$/.test(el.tagName); el = el.nextElementSibling) {
    text += el.innerText + " ";
  }
  return text;
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_http(url: str, proc: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"bscportal serve exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise TimeoutError(f"bscportal serve did not answer at {url} within {timeout:.0f} s")


def _card_text(page: Any, anchor: str) -> str | None:
    try:
        return page.evaluate(CARD_TEXT, anchor)
    except Exception:      # the page is being reloaded: its context is gone for a moment
        return None


def measure_serve(scorecards: Path, content: Path, edit: Edit, work: Path,
                  timeout: float = 600, edit_timeout: float = 180) -> dict[str, Any]:
    """Copy the city into `work`, serve it, edit it; returns the seconds measured."""
    if not CHROMIUM.exists():
        return {"skipped": f"no Chromium at {CHROMIUM}"}
    from playwright.sync_api import sync_playwright

    copy = work / "city"
    shutil.copytree(scorecards, copy / "scorecards")
    shutil.copytree(content, copy / "content")
    edit = edit.moved(copy / "scorecards")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    bscportal = Path(sys.executable).parent / "bscportal"
    log = open(work / "serve.log", "wb")
    started = time.perf_counter()
    proc = subprocess.Popen([str(bscportal), "serve", "--edition", "internal", "--addr", f"127.0.0.1:{port}",
                             "--path", str(copy / "scorecards"), "--content", str(copy / "content")],
                            cwd=copy, env=child_env(), stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_http(base, proc, timeout)
        ready = time.perf_counter() - started
        home = work / "chromium"
        env: dict[str, str | float | bool] = {**os.environ, "XDG_CONFIG_HOME": str(home / "config"), "XDG_CACHE_HOME": str(home / "cache"),
               "HOME": str(home)}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), env=env)
            page = browser.new_page()
            page.goto(base + edit.page, wait_until="load")
            before = _card_text(page, edit.anchor)
            if before is None or edit.shown in before:
                raise RuntimeError(f"card #{edit.anchor} on {edit.page} missing or already shows {edit.shown}")
            time.sleep(1.0)     # let live reload's long poll start
            saved = time.perf_counter()
            apply(edit)
            deadline = saved + edit_timeout
            while edit.shown not in (_card_text(page, edit.anchor) or ""):
                if time.perf_counter() > deadline or proc.poll() is not None:
                    raise TimeoutError(f"the page did not show {edit.shown} within {edit_timeout:.0f} s")
                time.sleep(0.02)
            shown = time.perf_counter() - saved
            browser.close()
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
    return {"seconds": shown, "first_build_seconds": ready, "page": edit.page, "shown": edit.shown}
