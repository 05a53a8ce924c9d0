"""MkDocs hook: every section of a unit's pages is found by the unit's name.

A unit's pages are split by Material's search into sections (战略地图, 总卡, one per indicator
card, one per period), and the heading of such a section does not name the unit: for 长汀镇
战略地图, every unit's 战略地图 section scored alike and the order among them was the order of
the file names. A page whose front matter names its unit (`search_unit`, set by the
unit, cards, results and people templates) gets that name in a hidden element at the end of
each heading, as ` · 长汀镇、长汀` (a name the heading already says is left out), after MkDocs has made the page's table of contents and the headings' ids:
neither changes, nobody sees it, and the search plugin, which reads headings from the page's
HTML, puts it in every section's title (where a result shows it: 战略地图 · 长汀镇). So a query
with the unit's name (or short name) ranks that unit's own sections first.
"""
from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

# absolute: MkDocs loads a hook as a module of its own, from its file
from generator.i18n import DEFAULT, list_sep, use_language
from generator.i18n.core import supported

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

_HEADING = re.compile(r"(<h([1-6])\b[^>]*>)(.*?)(<a class=\"headerlink\"[^>]*>[^<]*</a>)?(</h\2>)", re.S)
_TAG = re.compile(r"<[^>]+>")


def add_unit_name(content: str, names: list[str], separator: str = "、") -> str:  # i18n: data
    """`content` with the unit's names hidden at the end of every heading (before its
    permalink), joined by the site language's list separator, each name only where the heading
    does not already say it."""
    names = [n for n in names if n]

    def add(m: re.Match[str]) -> str:
        shown = html.unescape(_TAG.sub("", m.group(3)))
        missing = [n for n in names if n not in shown]
        if not missing:
            return m.group(0)
        hidden = f'<span hidden> · {html.escape(separator.join(missing))}</span>'
        return m.group(1) + m.group(3) + hidden + (m.group(4) or "") + m.group(5)

    return _HEADING.sub(add, content)


def on_page_content(html_text: str, page: "Page", config: "MkDocsConfig",
                    **kwargs: Any) -> str:  # MkDocs hook
    names = page.meta.get("search_unit")
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        return html_text
    with use_language(supported(str(config.extra.get("bsc_language"))) or DEFAULT):   # the city's
        separator = list_sep()
    return add_unit_name(html_text, [n.strip() for n in names], separator)
