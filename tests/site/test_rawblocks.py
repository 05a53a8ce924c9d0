"""Raw HTML blocks of generated pages set aside before Markdown parses them (`site/rawblocks.py`):
the HTML is the same, byte for byte, as Markdown's own; only generated pages are touched; what
it is not sure of is left to Markdown; MkDocs still sees the blocks' anchors."""
from __future__ import annotations

from types import SimpleNamespace

import markdown
import pytest
from mkdocs.utils.meta import get_data

from generator.render import render_edition
from generator.render.output import GENERATED
from generator.site import rawblocks
from generator.site.mkdocs_config import BASE_CONFIG
from tests.conftest import MINI_SITE


@pytest.fixture(scope="module")
def mini_city():
    from generator.check import check_tree

    result = check_tree(MINI_SITE / "scorecards")
    assert result.ok, result.errors
    return result.city

CASES = [
    # (Markdown, blocks set aside)
    ('# T\n\n<p class="x">a</p>\n\ntext\n\n<div class="y">\n<table><tr><td>1</td></tr></table>\n</div>\n\n'
     '## H\n\n<figure class="z">\n<svg></svg>\n</figure>\n', 3),
    # a run of blocks with no blank line between: one entry, as Markdown keeps them
    ('<details class="a">\n<p>x</p>\n</details>\n<details class="b" id="q">\n<p>y</p>\n</details>\n\ntext\n', 1),
    # nested tags of the same name, a self-closing one
    ('<div>\n<div>a</div>\n\n<div class="e"/>\n<div>b</div>\n</div>\n\n* list\n', 1),
    # text right after a block, a tail after the closing tag, a block that never closes: Markdown's
    ('<p>a</p>\ntext after\n\nmore', 0),
    ('<div>x</div> tail\n\n<div>open\n\nno close\n', 0),
    ('para\n<div>x</div>\n\n<div>y</div>\n<span>z</span>\n', 0),
    # comments, scripts, pre, Markdown inside HTML: Markdown's
    ('<table>\n<tr><td>1</td></tr>\n</table>\n<!-- c -->\n\n<ul>\n<li>a</li>\n</ul>\n', 1),
    ('<div>\n<script>if (a < b) {}</script>\n</div>\n\n<pre>\n<b>x</b>\n</pre>\n', 0),
    ('<div markdown="1">\n*emphasis*\n</div>\n\ntext\n', 0),
    # an inline tag starting a line is a paragraph
    ('<span>a</span>\n\n<em>b</em>\n', 0),
    # found by review: a block inside one left to Markdown is Markdown's too; spaces after the
    # closing tag; character references without ";"; a bare markdown attribute
    ('<div>\n<!-- c -->\n\n<p>x</p>\n\n</div>\n\ntext\n', 0),
    ('<div>a</div>   \n\ntext\n', 0),
    ('<p>&#65 and &#x41 and &amp;</p>\n\ntext\n', 0),
    ('<div markdown>\n*x*\n</div>\n\ntext\n', 0),
    # a block that never closes: the rest of the page is Markdown's
    ('<div>\n<p>a</p>\n\n<p>b</p>\n', 0),
]


@pytest.mark.parametrize("text,aside", CASES)
def test_the_html_is_markdowns_own(text: str, aside: int) -> None:
    token = rawblocks.generated_page.set(True)
    try:
        assert markdown.Markdown(extensions=[rawblocks.makeExtension()]).convert(text) == markdown.markdown(text)
        md = markdown.Markdown()
        rawblocks.RawBlocks(md).run(text.split("\n"))   # the preprocessor alone: what it sets aside
        assert len(md.htmlStash.rawHtmlBlocks) == aside
    finally:
        rawblocks.generated_page.reset(token)


def test_pages_that_are_not_generated_are_left_alone() -> None:
    md = markdown.Markdown(extensions=[rawblocks.makeExtension()])
    md.convert(CASES[0][0])                      # generated_page is False by default
    theirs = markdown.Markdown()
    theirs.convert(CASES[0][0])
    assert md.htmlStash.rawHtmlBlocks == theirs.htmlStash.rawHtmlBlocks


def _extensions() -> tuple[list, dict]:
    """The portal's Markdown extensions, as MkDocs gives them to Markdown."""
    names: list = []
    configs: dict = {}
    from mkdocs.utils import yaml_load

    with open(BASE_CONFIG, "rb") as f:          # MkDocs' own loader: the !!python tags resolved
        extensions = yaml_load(f)["markdown_extensions"]
    for item in extensions:
        if isinstance(item, dict):
            (name, cfg), = item.items()
            names.append(name)
            configs[name] = cfg or {}
        else:
            names.append(item)
    return names, configs


@pytest.mark.parametrize("edition", ["public", "internal"])
def test_every_generated_page_of_the_mini_city_converts_to_the_same_html(mini_city, edition: str) -> None:
    _, files = render_edition(mini_city, edition)
    assert _same_html(files) > 10


def test_every_generated_page_of_the_example_converts_to_the_same_html() -> None:
    import datetime as dt

    from generator.check import check_tree
    from tests.conftest import ROOT

    result = check_tree(ROOT / "scorecards", ROOT / "content", dt.date(2010, 8, 31))
    _, files = render_edition(result.city, "internal", articles=result.articles, as_of=dt.date(2010, 8, 31))
    assert _same_html(files) > 150


def _same_html(files: dict[str, bytes]) -> int:
    """Convert every generated page with and without the extension; the number of pages."""
    names, configs = _extensions()
    pages = 0
    for path, data in files.items():
        if not path.endswith(".md"):
            continue
        body, meta = get_data(data.decode("utf-8"))
        if not meta.get(GENERATED):
            continue
        pages += 1
        plain = markdown.Markdown(extensions=names, extension_configs=configs).convert(body)
        token = rawblocks.generated_page.set(True)
        try:
            md = markdown.Markdown(extensions=[*names, rawblocks.makeExtension()], extension_configs=configs)
            assert md.convert(body) == plain, path
        finally:
            rawblocks.generated_page.reset(token)
    return pages


def test_articles_are_not_marked_generated(mini_city) -> None:
    from generator.load.articles import load_articles

    articles, _ = load_articles(MINI_SITE / "content")
    _, files = render_edition(mini_city, "public", articles=articles)
    article_pages = [p for p in files if p.startswith("articles/") and p.count("/") == 1 and p != "articles/index.md"]
    assert article_pages
    for path in article_pages:
        assert not get_data(files[path].decode("utf-8"))[1].get(GENERATED), path


def test_the_hook_gives_mkdocs_the_anchors_of_set_aside_blocks() -> None:
    from generator.site import rawblocks_hook

    page = SimpleNamespace(meta={GENERATED: True}, present_anchor_ids={"top"})
    rawblocks_hook.on_page_markdown("", page=page)
    assert rawblocks.generated_page.get()
    html = '<div class="c" id="m-M1"><a name="old">x</a><span data-id="no">y</span><p id="a&amp;b"></p></div>'
    assert rawblocks_hook.on_page_content(html, page=page) == html
    assert page.present_anchor_ids == {"top", "m-M1", "old", "a&b"}
    assert not rawblocks.generated_page.get()
    other = SimpleNamespace(meta={}, present_anchor_ids={"top"})
    rawblocks_hook.on_page_markdown("", page=other)
    rawblocks_hook.on_page_content(html, page=other)
    assert other.present_anchor_ids == {"top"}
