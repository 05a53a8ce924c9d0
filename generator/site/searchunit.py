"""MkDocs hook: every section of a unit's pages is found by the unit's name.

A unit's pages are split by Material's search into sections (战略地图, 总卡, one per indicator
card, one per period), and the heading of such a section does not name the unit: for 长汀镇
战略地图, every unit's 战略地图 section scored alike and the order among them was the order of
the file names. A page whose front matter names its unit (`search_unit: 长汀镇、长汀`, set by the
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

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

_HEADING = re.compile(r"(<h([1-6])\b[^>]*>)(.*?)(<a class=\"headerlink\"[^>]*>[^<]*</a>)?(</h\2>)", re.S)
_TAG = re.compile(r"<[^>]+>")


def add_unit_name(content: str, name: str) -> str:
    """`content` with the unit's names (`、`-separated) hidden at the end of every heading (before
    its permalink), each name only where the heading does not already say it."""
    names = [n for n in name.split("、") if n]  # i18n: data

    def add(m: re.Match[str]) -> str:
        shown = html.unescape(_TAG.sub("", m.group(3)))
        missing = [n for n in names if n not in shown]
        if not missing:
            return m.group(0)
        hidden = f'<span hidden> · {html.escape("、".join(missing))}</span>'  # i18n: data
        return m.group(1) + m.group(3) + hidden + (m.group(4) or "") + m.group(5)

    return _HEADING.sub(add, content)


def on_page_content(html_text: str, page: "Page", **kwargs: Any) -> str:  # MkDocs hook
    name = page.meta.get("search_unit")
    if not isinstance(name, str) or not name.strip():
        return html_text
    return add_unit_name(html_text, name.strip())
