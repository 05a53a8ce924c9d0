"""Experience articles (体会文章) as the renderer uses them.

Loading and checking live in `generator.load.articles` (so `check` runs them without the
renderer); the body's safety rules in `generator.load.articlebody`. This module is the
staging step: `staged_body`.
"""
from __future__ import annotations

from ..load.articlebody import sanitize_markdown


def staged_body(body: str) -> str:
    """An article body as it is staged: raw HTML escaped (a second line of defence after
    `check`'s BSC304), ending with a newline."""
    body = sanitize_markdown(body)
    return body if body.endswith("\n") else body + "\n"


__all__ = ["staged_body"]
