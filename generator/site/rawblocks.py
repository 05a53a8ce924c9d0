"""Raw HTML blocks of generated pages set aside before Markdown reads them (a Markdown extension).

A generated page is mostly HTML: tables, cards, charts, figures (`render/templates`). Python-
Markdown leaves such a block as it is, but finds where it ends by feeding the whole page through
Python's `html.parser`, twice (MkDocs looks for anchors the same way first): over a third of
MkDocs' time on this portal. The pages are ours, so their blocks are simple to delimit: one
starts on a line of its own with a block-level tag, after a blank line, and ends with that
tag's closing tag at the end of a line. `RawBlocks` finds that end (`elements.element_end`) and
stashes the block as Python-Markdown would (`htmlStash`, restored by its `RawHtmlPostprocessor`
at the end), so the page's HTML is the same, byte for byte, and neither parser sees the block.

It only touches pages whose front matter says they are generated (`GENERATED`, set by the
render step; hand-written articles and pages go through Markdown untouched) and, even there,
leaves to Markdown any block it is not sure of: a comment, `<script>`, `<style>`, `<pre>`,
`<textarea>`, `markdown=` (HTML with Markdown inside), a closing tag followed by more text, a
tag that does not close. The anchors of a set-aside block are given back to MkDocs' link check
by the hook `rawblocks_hook.py`, which reads them from the page's HTML.
"""
from __future__ import annotations

import re
from contextvars import ContextVar
from itertools import islice

from html import unescape

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from ..render.output import GENERATED
from .elements import element_end

__all__ = ["GENERATED", "RawBlocksExtension", "anchors", "generated_page", "makeExtension"]

#: whether the page Markdown converts now is a generated one (set by the hook `rawblocks_hook.py`)
generated_page: ContextVar[bool] = ContextVar("generated_page", default=False)

_ANCHOR = re.compile(r'<[a-z][a-z0-9]*\s(?:[^>]*?\s)?id="([^"]*)"|<a\s(?:[^>]*?\s)?name="([^"]*)"')
_START = re.compile(r"<([a-z][a-z0-9]*)(?=[\s>])")
_UNSURE = re.compile(r"<!--|<script|<style|<pre|<textarea|\smarkdown(?=[\s=>])|<!\[CDATA\[|"
                     r"&(?![A-Za-z][A-Za-z0-9]*;|#[0-9]+;|#[xX][0-9a-fA-F]+;)", re.I)


def anchors(html: str) -> set[str]:
    """The ids in `html` (and the names of its `<a>`), as MkDocs' anchor scan would find them."""
    return {unescape(a or b) for a, b in _ANCHOR.findall(html)}


class RawBlocks(Preprocessor):
    def _start(self, line: str) -> str | None:
        """The tag of the block-level element `line` starts with, if it does."""
        m = _START.match(line) if line.startswith("<") else None
        return m.group(1) if m is not None and self.md.is_block_level(m.group(1)) else None

    def run(self, lines: list[str]) -> list[str]:
        if not generated_page.get():
            return lines
        out: list[str] = []
        i, n = 0, len(lines)
        while i < n:
            if (i == 0 or not lines[i - 1].strip()) and self._start(lines[i]) is not None:
                # a run of blocks, each starting on the line after the last, then a blank line:
                # one stash entry, as Markdown keeps them. A run with a block it is not sure of
                # is Markdown's to its end (with any block inside it); a block that never
                # closes leaves the rest of the page to Markdown.
                last, j, sure = i - 1, i, True
                while j < n and (tag := self._start(lines[j])) is not None:
                    found = element_end(islice(lines, j, None), tag)
                    if found is None or lines[j + found[0]][found[1]:]:   # no text, nor spaces, after it
                        return out + lines[i:]
                    end = j + found[0]
                    sure = sure and not _UNSURE.search("\n".join(lines[j:end + 1]))
                    last, j = end, end + 1
                if sure and (j >= n or not lines[j].strip()):
                    out += ["", self.md.htmlStash.store("\n".join(lines[i:last + 1]) + "\n"), ""]
                else:
                    out += lines[i:last + 1]
                i = last + 1
                continue
            out.append(lines[i])
            i += 1
        return out


class RawBlocksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # before MkDocs' anchor scan (21) and Python-Markdown's raw HTML blocks (20)
        md.preprocessors.register(RawBlocks(md), "bsc_raw_blocks", 25)


def makeExtension(**kwargs: object) -> RawBlocksExtension:
    return RawBlocksExtension(**kwargs)
