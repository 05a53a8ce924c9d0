"""Plain-text tables that stay aligned with Chinese (double-width) characters in a terminal."""
from __future__ import annotations

import unicodedata
from typing import Sequence


def display_width(text: str) -> int:
    """Terminal columns: wide and full-width characters take 2, combining marks 0."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def pad(text: str, width: int, align: str = "<") -> str:
    """`text` padded with spaces to `width` columns, left (`<`) or right (`>`) aligned."""
    fill = " " * max(0, width - display_width(text))
    return fill + text if align == ">" else text + fill


def table(header: Sequence[str], rows: Sequence[Sequence[str]], align: Sequence[str],
          gap: str = "  ") -> list[str]:
    """Rows of cells as aligned lines, with a rule under the header."""
    widths = [max(display_width(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return gap.join(pad(c, w, a) for c, w, a in zip(cells, widths, align)).rstrip()

    rule = gap.join("-" * w for w in widths)
    return [line(header), rule, *(line(r) for r in rows)]
