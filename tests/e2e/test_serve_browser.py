"""`bscportal serve` in the browser (issue 13): saving a target refreshes the open indicator card
with the new value; a save that breaks the data shows the error in the page while the last good
site is still served; fixing it clears the error. On a copy of the mini site."""
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

import pytest

from tests.conftest import MINI_SITE, ROOT

pytestmark = pytest.mark.e2e

MEASURES = "scorecards/units/mini-town/measures.yml"
TARGETS = "targets: {2008: 4500, 2009: 5000}"
#: the text of measure M-S1-1's indicator card (what follows its heading up to the next one)
CARD = """() => { const h = document.getElementById('m-M-S1-1'); let t = '';
  for (let e = h && h.nextElementSibling; e && !/^H[1-3]$/.test(e.tagName); e = e.nextElementSibling) {
    t += e.innerText + ' '; }
  return t; }"""
BANNER = "() => !!document.querySelector('.bsc-build-error')"


def _save(path: Path, text: str) -> None:
    """As an editor saves: a new file moved over the old one."""
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_up(url: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert proc.poll() is None, "bscportal serve exited"
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    pytest.fail(f"bscportal serve did not answer at {url}")


def test_a_save_refreshes_the_open_page_and_an_error_shows_in_it(tmp_path: Path, page) -> None:
    shutil.copytree(MINI_SITE, tmp_path / "src")
    measures = tmp_path / "src" / MEASURES
    text = measures.read_text(encoding="utf-8")
    assert TARGETS in text
    base = f"http://127.0.0.1:{_port()}/"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--edition", "internal",
                             "--addr", base[7:-1], "--path", str(tmp_path / "src" / "scorecards"),
                             "--content", str(tmp_path / "src" / "content")],
                            cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_up(base, proc)
        page.goto(base + "units/mini-town/cards.html")
        assert "5000" in page.evaluate(CARD) and "5200" not in page.evaluate(CARD)

        _save(measures, text.replace(TARGETS, "targets: {2008: 4500, 2009: 5200}"))
        page.wait_for_function(f"() => ({CARD})().includes('5200')", timeout=90_000)

        _save(measures, text.replace(TARGETS, "targets: {2008: 4500, 2009: 5200}\n    nonsense: 1"))
        page.wait_for_function(BANNER, timeout=90_000)
        assert "nonsense" in page.inner_text(".bsc-build-error")
        assert "5200" in page.evaluate(CARD)                  # the last good build, still served

        _save(measures, text.replace(TARGETS, "targets: {2008: 4500, 2009: 5300}"))
        page.wait_for_function(f"() => !({BANNER})() && ({CARD})().includes('5300')", timeout=90_000)
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
