"""Chinese typography of the public edition (issue 17): every page scanned.

- No space between two Chinese characters that the source only had because of a line break: for
  every line break in the YAML and article sources that falls between two Chinese characters,
  the text around it never shows on a page with a space in between; and no page's text holds a
  raw line break between two Chinese characters (a browser shows it as a space).
- The glossary is in pinyin order.
- No English labels on Chinese pages: the words `BSC` and a post's id in front of its name.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.render.pinyin import sort_key

CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u201c\u201d"
GAP = re.compile(f"([{CJK}]{{2}})[ \\t\\n]+([{CJK}]{{2}})")
NEWLINE_GAP = re.compile(f"[{CJK}][ \\t]*\\n\\s*[{CJK}]")


class _Text(HTMLParser):
    """The text of a page's article, without code, scripts, styles and SVG."""

    SKIP = {"script", "style", "code", "pre", "svg", "kbd"}

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.parts: list[str] = []
        self.raw: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth:
            self.raw.append(data)


def page_text(html: str) -> list[str]:
    """The text nodes of a page's article (a break between two nodes is markup, not text)."""
    m = re.search(r"<article\b[^>]*>(.*)</article>", html, re.S)
    p = _Text()
    p.feed(m.group(1) if m else html)
    return p.raw


def source_breaks(*roots: Path) -> set[tuple[str, str]]:
    """(two characters before, two after) every line break between Chinese characters in the
    sources."""
    out = set()
    for root in roots:
        for path in [*root.rglob("*.yml"), *root.rglob("*.md")]:
            lines = path.read_text(encoding="utf-8").split("\n")
            for a, b in zip(lines, lines[1:]):
                a, b = a.rstrip(), b.lstrip()
                if len(a) >= 2 and len(b) >= 2 and re.fullmatch(f"[{CJK}]{{2}}", a[-2:]) \
                        and re.fullmatch(f"[{CJK}]{{2}}", b[:2]):
                    out.add((a[-2:], b[:2]))
    return out


@pytest.fixture(scope="module")
def public_pages(example_site):
    site = example_site.public
    return {p.relative_to(site).as_posix(): page_text(p.read_text(encoding="utf-8"))
            for p in site.rglob("*.html")}


def test_no_space_from_a_source_line_break_between_chinese_characters(example_site, public_pages):
    breaks = source_breaks(example_site.scorecards, example_site.content)
    assert len(breaks) > 50            # the example's YAML and articles do break lines in sentences
    found = []
    for path, nodes in public_pages.items():
        for text in nodes:
            for m in GAP.finditer(text):
                if (m.group(1), m.group(2)) in breaks:
                    found.append(f"{path}: …{m.group(0)}…")
            for m in NEWLINE_GAP.finditer(text):
                found.append(f"{path}: line break in …{m.group(0)!r}…")
    assert found == [], f"{len(found)} stray spaces, e.g. {found[:5]}"


def test_glossary_in_pinyin_order(example_site):
    html = (example_site.public / "city" / "glossary.html").read_text(encoding="utf-8")
    terms = [t.term for t in example_site.city.glossary.terms]
    shown = [t for _, t in sorted((html.find(f">{t}<"), t) for t in terms if f">{t}<" in html)]
    assert len(shown) == len(terms)
    assert shown == sorted(terms, key=sort_key)


def test_no_english_labels(example_site, public_pages):
    """`BSC` is a label nowhere (the glossary gives it as the English name of 平衡计分卡)."""
    assert not [p for p, nodes in public_pages.items()
                if p != "city/glossary.html" and any(re.search(r"\bBSC\b", t) for t in nodes)]
    internal = example_site.internal / "units" / "hainan-township" / "people.html"
    html = internal.read_text(encoding="utf-8")
    assert not re.search(r'<span class="bsc-id">[a-z-]+</span> [\u4e00-\u9fff]', html)
