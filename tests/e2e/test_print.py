"""Print and filing (issue 17): key pages printed to PDF by Chromium (`page.pdf()`, A4).

- No element is wider than the printed page: in print media, at the width of an A4 page's
  printable area, every element of the content fits (portrait, or landscape for a page that
  prints landscape).
- No indicator card is split across pages: a marker is put at the start of each card's heading
  and at the end of its table's last cell, the page is printed, and pypdf reads on which page
  each marker landed.
- Every printed page carries the unit's name in its running header (@page margin box).
- "打印此卡" prints one card on one page; the blank assessment scale prints landscape, with its
  signature block.

The page counts of a benchmark unit's indicator cards are printed (`-s` shows them).
"""
from __future__ import annotations

import io
import re
import unicodedata

import pytest

pypdf = pytest.importorskip("pypdf")

pytestmark = pytest.mark.e2e

#: A4 printable width in CSS px at 96 dpi: 210 mm (297 landscape) less 2 × 12 mm of margins
PORTRAIT_PX = (210 - 24) / 25.4 * 96
LANDSCAPE_PX = (297 - 24) / 25.4 * 96

PAGES = ["units/hainan-township/index.html", "units/hainan-township/cards.html",
         "units/hainan-township/results.html", "units/education-bureau/cards.html",
         "units/education-bureau/index.html", "units/index.html", "city/dual-track.html"]

MARK = """() => {
  let i = 0;
  for (const t of document.querySelectorAll('table.bsc-indicator')) {
    let h = t.previousElementSibling;
    while (h && !/^H[1-6]$/.test(h.tagName)) h = h.previousElementSibling;
    const s = document.createElement('span'); s.textContent = 'QQS' + i + 'QQ'; (h || t).prepend(s);
    const cells = t.querySelectorAll('td'); const e = document.createElement('span');
    e.textContent = 'QQE' + i + 'QQ'; cells[cells.length - 1].append(e); i++;
  }
  return i;
}"""

WIDER = """(limit) => [...document.querySelectorAll('.md-content *')]
  .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.right > limit + 1; })
  .map(el => el.tagName + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right))
  .slice(0, 5)"""


def _pdf(page) -> "pypdf.PdfReader":
    return pypdf.PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True,
                                               prefer_css_page_size=True)))


def _text(pg) -> str:
    """A PDF page's text; NFKC, since the PDF writes some CJK characters as their radicals."""
    return unicodedata.normalize("NFKC", pg.extract_text())


def _pages_of_markers(reader) -> dict[tuple[str, int], int]:
    where: dict[tuple[str, int], int] = {}
    for n, pg in enumerate(reader.pages):
        for m in re.finditer(r"QQ([SE])(\d+)QQ", _text(pg)):
            where.setdefault((m.group(1), int(m.group(2))), n)
    return where


@pytest.mark.parametrize("path", PAGES)
def test_nothing_is_wider_than_the_printed_page(page, public_server, path):
    page.emulate_media(media="print")
    page.set_viewport_size({"width": int(PORTRAIT_PX), "height": 1100})
    page.goto(f"{public_server}/{path}")
    assert page.evaluate(WIDER, PORTRAIT_PX) == []


def test_the_blank_scale_prints_landscape_and_fits(page, public_server):
    page.goto(f"{public_server}/units/hainan-township/scale-2009.html")
    reader = _pdf(page)
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)                 # A4 landscape
    text = "".join(_text(p) for p in reader.pages)
    assert "填报人" in text and "单位负责人" in text and "盖章" in text
    page.emulate_media(media="print")
    page.set_viewport_size({"width": int(LANDSCAPE_PX), "height": 800})
    page.goto(f"{public_server}/units/hainan-township/scale-2009.html")
    assert page.evaluate(WIDER, LANDSCAPE_PX) == []
    assert page.locator("button.bsc-print-btn").is_hidden()      # no button on paper


@pytest.mark.parametrize("unit", ["hainan-township", "education-bureau"])
def test_no_indicator_card_is_split_across_pages(page, public_server, unit):
    page.goto(f"{public_server}/units/{unit}/cards.html")
    cards = page.evaluate(MARK)
    assert cards > 10
    reader = _pdf(page)
    where = _pages_of_markers(reader)
    split = [i for i in range(cards) if where.get(("S", i)) != where.get(("E", i))]
    print(f"\n{unit} indicator cards: {cards} cards on {len(reader.pages)} A4 pages, {len(split)} split")
    assert len(where) == 2 * cards
    assert split == []
    name = page.evaluate("document.querySelector('h1').textContent").split("·")[0].strip()
    for pg in reader.pages:                                       # the running header
        assert name in _text(pg).replace(" ", "")


def test_print_one_card(page, public_server):
    page.goto(f"{public_server}/units/hainan-township/cards.html")
    page.evaluate("window.print = () => {}")                      # the dialog is not wanted here
    button = page.locator("button.bsc-print-btn").nth(3)
    target = button.get_attribute("data-print")
    button.click()
    reader = _pdf(page)
    assert len(reader.pages) == 1
    text = _text(reader.pages[0])
    heading = page.evaluate(f"document.getElementById({target!r}).textContent")
    measure_id = heading.split()[0]
    assert measure_id in text and "所属目标" in text
    others = page.evaluate("[...document.querySelectorAll('h3')].map(h => h.id)")
    assert sum(1 for h in others if h and h[2:] + " " in text) <= 1
