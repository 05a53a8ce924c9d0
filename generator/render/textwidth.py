"""How wide text is, for every output that lays text out itself: terminal tables (`score`),
spreadsheet columns, chart labels and strategy-map boxes.

One classification: wide and full-width characters (CJK) are one em, others `narrow` em,
combining marks nothing. Terminals and spreadsheets count columns (two per em).
"""
from __future__ import annotations

import unicodedata
from typing import Sequence


def em(text: str, narrow: float = 0.5) -> float:
    """Display width in em: CJK and full-width characters 1, others `narrow`, combining 0."""
    width = 0.0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else narrow
    return width


def columns(text: str) -> int:
    """Terminal (or spreadsheet) columns: wide characters take 2, others 1."""
    return round(em(text) * 2)


def pad(text: str, width: int, align: str = "<") -> str:
    """`text` padded with spaces to `width` columns, left (`<`) or right (`>`) aligned."""
    fill = " " * max(0, width - columns(text))
    return fill + text if align == ">" else text + fill


def table(header: Sequence[str], rows: Sequence[Sequence[str]], align: Sequence[str],
          gap: str = "  ") -> list[str]:
    """Rows of cells as aligned lines, with a rule under the header."""
    widths = [max(columns(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return gap.join(pad(c, w, a) for c, w, a in zip(cells, widths, align)).rstrip()

    rule = gap.join("-" * w for w in widths)
    return [line(header), rule, *(line(r) for r in rows)]


def clip(text: str, max_em: float, narrow: float = 0.5) -> str:
    """`text`, shortened with "…" to fit `max_em`."""
    if em(text, narrow) <= max_em:
        return text
    out = ""
    for ch in text:
        if em(out + ch + "…", narrow) > max_em:
            break
        out += ch
    return out + "…"
