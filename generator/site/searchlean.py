"""Material's search plugin given a page without what it would skip anyway.

The search plugin reads every page's HTML with Python's `html.parser`, tag by tag, and skips
the text of any element marked `data-search-exclude`, but not its tags: the inline SVG of
every strategy map and chart (a third of the tags of the example's pages) is parsed to be
thrown away. `lean` makes the index's `add_entry_from_context` read the page without those
elements (found by `elements.element_end` and cut out whole, as the parser would skip them) and
gives the page its HTML back at once, so the theme shows it as it was. The entries are the same,
byte for byte: an element the plugin would not skip whole (see `without_excluded`) is left in,
and where an element's end is not certain (no closing tag, a quote left open) the rest of the
page is left as it is. Only generated pages are read so (`render.output.GENERATED`): the
elements in them are ours, well formed; an article's HTML is read whole, as the plugin reads it.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Callable

from ..render.output import GENERATED
from .elements import element_end
from .searchparse import sections

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

_HEADING = re.compile(r"<h[1-6][\s>]", re.I)
_EXCLUDED = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)(\s[^>]*?)?\sdata-search-exclude(?=[\s>/=])[^>]*>")


def without_excluded(html: str) -> str:
    """`html` without the elements marked `data-search-exclude` (each cut out with its content)
    that the search plugin skips whole. It skips by tag name: an element holding another of its
    own tag is skipped only up to that one's end (`Element.__eq__` compares tags), and an
    excluded heading drops its whole section: such elements are left for the plugin to read as
    it does."""
    out: list[str] = []
    pos = 0
    while (m := _EXCLUDED.search(html, pos)) is not None:
        attrs = m.group(2) or ""
        if attrs.count('"') % 2 or "'" in attrs:
            out.append(html[pos:m.end()])           # the attribute may sit inside a quoted value
            pos = m.end()
            continue
        if m.group(0).endswith("/>"):
            end, nested = m.end(), False
        else:
            found = element_end([html], m.group(1), m.start())
            if found is None:
                break
            _, end, nested = found
        # a heading starts a section the plugin drops whole (to the next heading): left to it
        whole = not nested and not _HEADING.search(html, m.start(), end)
        out.append(html[pos:m.start()] if whole else html[pos:end])
        pos = end
    out.append(html[pos:])
    return "".join(out)


def _read_fast(index: Any, page: "Page", html: str) -> bool:
    """The plugin's `add_entry_from_context` for `page`, read as `html`, its parser fed by
    `searchparse` (False: the page holds markup left to the plugin's own reading)."""
    # imported here: the plugin's module imports jieba, which `run_mkdocs` imports its own way first
    from material.plugins.search.plugin import Parser

    if (page.meta.get("search") or {}).get("exclude"):
        return True
    parser = Parser()
    if not sections(parser, html):
        return False
    for section in parser.data:
        if not section.is_excluded():
            index.create_entry_for_section(section, page.toc, page.url, page)
    return True


def lean(index: Any) -> None:
    """Make the search plugin's `index` read each page without its excluded elements."""
    original: Callable[["Page"], None] = index.add_entry_from_context
    if getattr(original, "bsc_lean", False):
        return

    def add_entry_from_context(page: "Page") -> None:
        full = page.content
        try:
            if full and page.meta.get(GENERATED):   # our pages only: articles' HTML is the editors'
                page.content = without_excluded(full)
                if _read_fast(index, page, page.content):
                    return
            original(page)
        finally:
            page.content = full
    add_entry_from_context.bsc_lean = True   # type: ignore[attr-defined]
    index.add_entry_from_context = add_entry_from_context
