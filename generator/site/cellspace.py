"""MkDocs hook: a space between two table cells, so their words stay apart in the search index.

The page templates write a table row on one line (`<td>a</td><td>b</td>`), and Material's
search plugin takes the text of a page as it comes: neighbouring cells ran together
(`Rollout stageUnitsShare`, `…hassleResident satisfaction`), so an English word in a table was
indexed glued to the next cell's, and a result's snippet read as one word. A space between the
cells of a row, and a line break between rows, changes nothing a reader sees (white space
between cells is not laid out) and gives every cell its own words.
"""
from __future__ import annotations

import re
from typing import Any

_BETWEEN_CELLS = re.compile(r"</(td|th)>(?=<t[dh][\s>])")
_BETWEEN_ROWS = re.compile(r"</tr>(?=<tr[\s>])")


def spaced(html: str) -> str:
    return _BETWEEN_ROWS.sub("</tr>\n", _BETWEEN_CELLS.sub(r"</\1> ", html))


def on_page_content(html: str, **kwargs: Any) -> str:  # MkDocs hook
    return spaced(html)
