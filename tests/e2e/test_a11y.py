"""axe-core on the main public pages: no serious or critical findings.

Material brings two (`aria-dialog-name` on the search dialog, `color-contrast` on the copyright
line); theme/ fixes them, plus tab and link contrast. Needs `axe-playwright-python` (it ships
axe.min.js, so this works offline); skipped without it.
"""
from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

PAGES = ["index.html", "units/index.html", "units/hainan-township/index.html",
         "units/hainan-township/cards.html", "city/rollout.html", "articles/index.html"]


@pytest.fixture(scope="module")
def axe_js():
    axe = pytest.importorskip("axe_playwright_python")
    return Path(axe.__file__).parent / "axe.min.js"


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_findings(page, public_server, axe_js, path):
    page.goto(f"{public_server}/{path}")
    page.add_script_tag(path=str(axe_js))
    result = page.evaluate("axe.run()")
    serious = [(v["id"], len(v["nodes"]), v["nodes"][0]["target"]) for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == []
