"""Where an HTML element of our generated pages ends, found with a regular expression (the pages
are ours and well formed: no `<` inside attribute values or text) rather than by feeding the page
through `html.parser`: used to set raw blocks aside (`rawblocks`) and to cut what the search
plugin skips (`searchlean`)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable


@lru_cache(maxsize=64)
def _tags(tag: str) -> re.Pattern[str]:
    """Opening (self-closing: group 2) and closing (group 1) tags named `tag`."""
    return re.compile(rf"<(/?){re.escape(tag)}(?=[\s>/])[^>]*?(/?)>")


def element_end(chunks: Iterable[str], tag: str, start: int = 0) -> tuple[int, int, bool] | None:
    """Where the element opened by the `<tag` at offset `start` of the first of `chunks` (a
    page's lines, or one text) closes: the chunk's index and the offset just after its closing
    tag, and whether it holds another element of its own tag; None when it does not close."""
    depth, nested = 0, False
    for k, chunk in enumerate(chunks):
        for m in _tags(tag).finditer(chunk, start if k == 0 else 0):
            if m.group(1):
                depth -= 1
            elif not m.group(2):
                depth += 1
                nested = nested or depth > 1
            if depth == 0:
                return k, m.end(), nested
        if depth <= 0:
            return None
    return None
