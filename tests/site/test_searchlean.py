"""The search plugin reads pages without what it would skip anyway (`site/searchlean.py`): its
sections are the same, byte for byte, as when it reads the whole page."""
from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from material.plugins.search.plugin import Parser

from generator.site.searchlean import lean, without_excluded

_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*)</article>', re.S)


def sections(html: str) -> list[tuple[str, str, str | None]]:
    """What Material's search parser makes of `html`: (title, text, id) of each section it keeps."""
    p = Parser()
    p.feed(html)
    p.close()
    return [("".join(s.title), "".join(s.text), s.id) for s in p.data if not s.is_excluded()]


CASES = [
    # cut whole: the figure with its SVG
    ('<h1 id="a">A</h1><p>x</p>\n<figure class="c" data-search-exclude>\n<svg><text>1</text></svg>\n'
     '<figcaption>no</figcaption>\n</figure>\n<p>y</p>', True),
    # a div holding divs: the plugin stops skipping at the first inner </div>, so it stays
    ('<h1 id="a">A</h1><div class="s" data-search-exclude>\n<div>13</div><div>38</div>\n</div><p>y</p>', False),
    # an excluded heading drops its section: it stays
    ('<h1 id="a">A</h1><p>x</p><h2 data-search-exclude id="b">B</h2><p>gone</p><h2 id="c">C</h2><p>z</p>', False),
    # the attribute inside a quoted value is not one
    ('<h1 id="a">A</h1><p title="a data-search-exclude b">kept</p>', False),
    # no closing tag: the rest is left as it is
    ('<h1 id="a">A</h1><div data-search-exclude><p>never closed</p>', False),
    ('<h1 id="a">A</h1><p>x<br data-search-exclude/>y</p>', True),
]


@pytest.mark.parametrize("html,cut", CASES)
def test_the_plugin_sees_the_same_sections(html: str, cut: bool) -> None:
    lean_html = without_excluded(html)
    assert (lean_html != html) == cut
    assert sections(lean_html) == sections(html)


def test_every_page_of_the_example_gives_the_same_sections(example_site) -> None:
    pages = 0
    cut = 0
    for edition in (example_site.public, example_site.internal):
        for path in sorted(edition.rglob("*.html")):
            m = _ARTICLE.search(path.read_text(encoding="utf-8"))
            if not m:
                continue
            pages += 1
            lean_html = without_excluded(m.group(1))
            cut += lean_html != m.group(1)
            assert sections(lean_html) == sections(m.group(1)), path
    assert pages > 350 and cut > 100


def test_the_page_keeps_its_html() -> None:
    """A generated page is read without its excluded elements (through `searchparse`, or by the
    plugin itself where that leaves markup to it), an article whole; each keeps its HTML."""
    seen: list[str] = []
    entries: list[tuple[str, str]] = []
    index = SimpleNamespace(
        add_entry_from_context=lambda page: seen.append(page.content),
        create_entry_for_section=lambda section, toc, url, page: entries.append(("".join(section.text), url)))
    lean(index)
    lean(index)                                  # once only
    page = SimpleNamespace(content=CASES[0][0], meta={"bsc_generated": True}, toc=[], url="u/")
    index.add_entry_from_context(page)
    assert seen == [] and entries and all("no" not in text for text, _ in entries)
    assert page.content == CASES[0][0]
    commented = CASES[0][0] + "<!-- note -->"
    page = SimpleNamespace(content=commented, meta={"bsc_generated": True}, toc=[], url="u/")
    index.add_entry_from_context(page)             # a comment: read by the plugin's parser
    assert seen == [without_excluded(commented)] and page.content == commented
    article = SimpleNamespace(content=CASES[0][0], meta={}, toc=[], url="a/")
    index.add_entry_from_context(article)          # an article is read whole, by the plugin
    assert seen[-1] == CASES[0][0]
    excluded = SimpleNamespace(content=CASES[0][0], meta={"bsc_generated": True, "search": {"exclude": True}},
                               toc=[], url="x/")
    before = len(entries)
    index.add_entry_from_context(excluded)         # `search: exclude` in its front matter
    assert len(entries) == before


def test_importing_the_hooks_leaves_jieba_unloaded() -> None:
    """The search plugin's module imports jieba; `run_mkdocs` imports jieba its own (faster) way
    first, and a build with nothing to do imports neither, so the hooks must not import it."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", "import sys, generator.site.incremental; "
                          "print('jieba' in sys.modules, 'material.plugins.search.plugin' in sys.modules)"],
                         capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
