"""Experience articles (体会文章) as the renderer uses them.

Loading and checking live in `generator.load.articles` (so `check` runs them without the
renderer); the body's safety rules in `generator.load.articlebody`. This module is the
staging step: `staged_body`.
"""
from __future__ import annotations

import re

from ..load.articlebody import sanitize_markdown
from .escape import cjk_join

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


def _between_cjk(prev: str, line: str) -> bool:
    a, b = prev.rstrip()[-1:], line.lstrip()[:1]
    return bool(a and b) and cjk_join(f"{a} {b}") == a + b


def join_cjk_lines(body: str) -> str:
    """Lines of a paragraph joined where the break falls between two Chinese characters.

    Writers break long Chinese lines in their editor; Markdown keeps the break, and a browser
    shows it as a space in the middle of a sentence. A line that ends in a hard break (two
    spaces or a backslash) and code blocks are left as written. A line that starts with a
    Chinese character never starts a Markdown block, so joining it cannot change the structure."""
    lines = body.split("\n")
    out: list[str] = []
    fenced = False
    for line in lines:
        if _FENCE.match(line):
            fenced = not fenced
            out.append(line)
            continue
        prev = out[-1] if out else ""
        if (not fenced and prev.strip() and not prev.endswith(("  ", "\\")) and not _FENCE.match(prev)
                and _between_cjk(prev, line)):
            out[-1] = prev.rstrip() + line.lstrip()
        else:
            out.append(line)
    return "\n".join(out)


def staged_body(body: str) -> str:
    """An article body as it is staged: raw HTML escaped (a second line of defence after
    `check`'s BSC304), lines broken between Chinese characters joined, ending with a newline."""
    body = join_cjk_lines(sanitize_markdown(body))
    return body if body.endswith("\n") else body + "\n"


__all__ = ["staged_body", "join_cjk_lines"]
