"""MkDocs hook of `rawblocks`: tells it whether the page about to be converted is a generated
one, and gives MkDocs' link check the anchors of the blocks it set aside.

MkDocs loads a hook from its file, as a module of its own: the state is kept in
`generator.site.rawblocks`, imported by its absolute name (the one Markdown loads).
"""
from __future__ import annotations

from typing import Any

from generator.site.rawblocks import GENERATED, anchors, generated_page


def on_page_markdown(markdown: str, page: Any, **kwargs: Any) -> str:
    generated_page.set(bool(page.meta.get(GENERATED)))
    return markdown


def on_page_content(html: str, page: Any, **kwargs: Any) -> str:
    if generated_page.get():
        generated_page.set(False)
        if page.present_anchor_ids is not None:
            page.present_anchor_ids |= anchors(html)
    return html
