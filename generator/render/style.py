"""The visual constants every drawn output shares: fonts and status colours (maps, charts,
the status legend)."""
from __future__ import annotations

#: CJK fonts first (the example is Chinese), then the system's sans-serif; none is downloaded
FONTS = ("Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "sans-serif")
#: for SVG/CSS `font-family`
FONT_FAMILY = ", ".join(FONTS)
#: for Graphviz `fontname` (a fontconfig pattern list)
DOT_FONT = ",".join(FONTS)

#: status → (fill, border); dark text stays readable on every fill (contrast ≥ 4.5:1)
STATUS_COLOURS = {
    "on-track": ("#c8e6c9", "#2e7d32"),
    "at-risk": ("#ffe0b2", "#e65100"),
    "off-track": ("#ffcdd2", "#c62828"),
    "no-data": ("#eceff1", "#78909c"),
}
DEFAULT_STATUS = "no-data"

#: Okabe–Ito colours (safe for colour-blind readers), darkest first
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
