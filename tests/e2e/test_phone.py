"""A phone (390 CSS px, as an iPhone 12–15) over every page kind of both editions (issue 17).

- No page scrolls sideways: the document is no wider than the screen.
- A table wider than the screen scrolls inside its own box, which says so: a hint above it and
  a faded right edge (`bsc-scroll--more-right`, theme/assets/javascripts/bsc.js).
- A strategy map fits the width, and the page links to the map's SVG to open it full size.

For each page kind the largest page of that kind is opened (the widest tables are likeliest
there).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

#: page kind → the site paths that are of that kind
KINDS = {
    "home": r"index\.html", "about": r"about\.html", "units": r"units/index\.html",
    "unit": r"units/[^/]+/index\.html", "cards": r"units/[^/]+/cards\.html",
    "results": r"units/[^/]+/results\.html", "scale": r"units/[^/]+/scale-[^/]+\.html",
    "history": r"units/[^/]+/history\.html", "people": r"units/[^/]+/people\.html",
    "people-results": r"units/[^/]+/people-results\.html", "city": r"city/index\.html",
    "rollout": r"city/rollout\.html", "glossary": r"city/glossary\.html", "ranking": r"city/ranking\.html",
    "dual-track": r"city/dual-track\.html", "changes": r"city/changes\.html",
    "reporting": r"city/reporting\.html", "reporting-period": r"city/reporting-[^/]+\.html",
    "tracking": r"city/tracking\.html", "articles": r"articles/index\.html",
    "article": r"articles/(?!index)[^/]+\.html", "internal": r"internal/.+\.html",
}


def _cases(site: Path, edition: str) -> list[tuple[str, str, str]]:
    out = []
    pages = [p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html"]
    for kind, pattern in KINDS.items():
        matching = [p for p in pages if re.fullmatch(pattern, p)]
        if matching:
            biggest = max(matching, key=lambda p: ((site / p).stat().st_size, p))
            out.append((edition, kind, biggest))
    return out


CHECK = """() => {
  const width = window.innerWidth;
  const out = {page: document.documentElement.scrollWidth - width, boxes: [], maps: []};
  for (const box of document.querySelectorAll('.bsc-scroll')) {
    if (box.scrollWidth - box.clientWidth <= 2 || box.offsetParent === null) continue;
    const hint = box.previousElementSibling;
    out.boxes.push({cue: box.classList.contains('bsc-scroll--more-right'),
                    hint: !!hint && hint.classList.contains('bsc-scroll-hint') && !hint.hidden,
                    label: box.getAttribute('aria-label')});
  }
  for (const map of document.querySelectorAll('.bsc-map')) {
    if (map.offsetParent === null) continue;
    const svg = map.querySelector('svg');
    out.maps.push(svg.getBoundingClientRect().width <= map.clientWidth + 1);
  }
  out.fullsize = [...document.querySelectorAll('a[href$=".svg"]')].length;
  return out;
}"""


def pytest_generate_tests(metafunc):
    if "phone_case" in metafunc.fixturenames:
        kinds = [(e, k) for e in ("public", "internal") for k in KINDS]
        metafunc.parametrize("phone_case", kinds, ids=[f"{e}-{k}" for e, k in kinds])


def test_no_page_scrolls_sideways_at_390px(browser, example_site, public_server, internal_server, phone_case):
    edition, kind = phone_case
    site = getattr(example_site, edition)
    cases = [c for c in _cases(site, edition) if c[1] == kind]
    if not cases:
        pytest.skip(f"no {kind} page in the {edition} edition")
    (_, _, path), = cases
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN", is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    page = context.new_page()
    try:
        base = public_server if edition == "public" else internal_server
        page.goto(f"{base}/{path}")
        page.wait_for_timeout(100)
        seen = page.evaluate(CHECK)
    finally:
        context.close()
    assert seen["page"] <= 0, f"{path} scrolls sideways by {seen['page']} px"
    for box in seen["boxes"]:
        assert box["cue"] and box["hint"], f"{path}: a wide table ({box['label']}) without a cue"
    assert all(seen["maps"]), f"{path}: a strategy map wider than the screen"
    if seen["maps"]:
        assert seen["fullsize"] > 0, f"{path}: no way to open the map full size"
