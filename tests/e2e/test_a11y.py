"""axe-core on the main public pages: no serious or critical findings, at desktop width and at
phone width (390 px).

Material brings two (`aria-dialog-name` on the search dialog, `color-contrast` on the copyright
line); theme/ fixes them, plus tab and link contrast. At phone width wide tables and strategy
maps scroll sideways: their scroll containers are focusable regions with a name
(`scrollable-region-focusable`), so a keyboard can scroll them. Needs `axe-playwright-python`
(it ships axe.min.js, so this works offline); skipped without it.
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


#: viewport widths: desktop, and a phone (390 CSS px, as an iPhone 12–15)
WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_findings(page, public_server, axe_js, path, width):
    page.set_viewport_size({"width": WIDTHS[width], "height": 900 if width == "desktop" else 844})
    page.goto(f"{public_server}/{path}")
    page.add_script_tag(path=str(axe_js))
    result = page.evaluate("axe.run()")
    serious = [(v["id"], len(v["nodes"]), v["nodes"][0]["target"]) for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == []
