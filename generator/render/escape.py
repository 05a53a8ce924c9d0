"""Escape YAML text for every place it lands: Markdown, Markdown tables, HTML, DOT, CSV.

Editors write free text; none of it may change the structure of a page, a diagram or a file
opened in Excel. Each helper is a pure function of `str -> str` (HTML helpers return `Markup` so
Jinja's autoescape does not escape twice).
"""
from __future__ import annotations

import re

from markupsafe import Markup, escape as _html_escape

from . import fmt

#: Chinese characters and the full-width punctuation written between them
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2018\u2019\u201c\u201d\u2026\u2014"  # i18n: data
_CJK_GAP = re.compile(f"(?<=[{_CJK}])[ \t\r\n]+(?=[{_CJK}])")


def cjk_join(text: str) -> str:
    """Whitespace between two Chinese characters removed.

    Chinese has no spaces between words: a space there comes from a line break in the source (a
    YAML folded or multi-line scalar joins its lines with a space; a browser shows a line break in
    HTML as one) and would show as a gap in the middle of a sentence. Spaces next to Latin letters
    and digits stay (`共 71 个单位`)."""
    return _CJK_GAP.sub("", text)


#: Python-Markdown's backslash-escapable characters, plus `|` (added by the tables extension).
#: Escaping any other character would leave a visible backslash, so only these get one.
_MD_ESCAPABLE = frozenset("\\`*_{}[]()>#+-.!|")


def html(text: object) -> Markup:
    """HTML-escape (`&<>"'`); `None` becomes an empty string."""
    if text is None:
        return Markup("")
    return _html_escape(cjk_join(str(text)))


def md(text: object) -> Markup:
    """Text that reads literally wherever it lands in Markdown (paragraph, heading, list item).

    HTML special characters become entities and every Markdown special character gets a
    backslash, so `*x*`, `[a](b)`, `<b>` and a leading `#` or `1.` stay plain text. Newlines
    become spaces (a YAML folded block must not start a new Markdown block).
    """
    if text is None:
        return Markup("")
    s = " ".join(cjk_join(str(text)).split())
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    out = []
    for ch in s:
        if ch in _MD_ESCAPABLE:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return Markup("".join(out))


def md_cell(text: object) -> Markup:
    """`md` for a Markdown table cell: also `|` (already escaped by `md`) and no line breaks."""
    return md(text)


def md_block(text: object) -> Markup:
    """Multi-paragraph text: each paragraph escaped with `md`, blank lines kept between them."""
    if text is None:
        return Markup("")
    paras = [p for p in re.split(r"\n\s*\n", str(text)) if p.strip()]
    return Markup("\n\n").join(md(p) for p in paras)


def html_block(text: object) -> Markup:
    """Multi-paragraph text as escaped HTML paragraphs (for raw HTML blocks)."""
    if text is None:
        return Markup("")
    paras = [p for p in re.split(r"\n\s*\n", str(text)) if p.strip()]
    return Markup("").join(Markup("<p>{}</p>").format(" ".join(cjk_join(p).split())) for p in paras)


def dot_text(text: object) -> str:
    """A string for a double-quoted DOT attribute (label, tooltip).

    Backslashes are doubled so YAML text cannot inject DOT escapes such as `\\N` or `\\l`, and
    `"` is escaped. Line breaks in the text become spaces; callers join wrapped lines with the
    DOT escape `\\n` *after* escaping. The result must be wrapped by the caller in `"…"`
    (see `maps.py`, which bypasses the graphviz package's own quoting for that reason).
    """
    if text is None:
        return ""
    s = " ".join(cjk_join(str(text)).split())
    return s.replace("\\", "\\\\").replace('"', '\\"')


def css_string(text: object) -> str:
    """Text for a double-quoted CSS string (a printed page's running header, `content: "…"`).

    Every character but letters, digits, CJK and the space becomes a CSS hex escape (`\\3c `),
    so the result holds no quote, backslash sequence or `<` of its own: it cannot end the string
    or the `<style>` element it is written into. Line breaks become spaces.
    """
    if text is None:
        return ""
    out = []
    for ch in " ".join(str(text).split()):
        if ch.isalnum() or ch == " ":
            out.append(ch)
        else:
            out.append(f"\\{ord(ch):x} ")
    return "".join(out)


#: cells starting with these are formulas in Excel/LibreOffice (CSV injection)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A CSV cell that a spreadsheet will not run as a formula.

    Text that starts with `= + - @` (or a tab/CR) gets a leading apostrophe; numbers stay
    numbers (a negative number is data, not a formula).
    """
    if value is None:
        return ""
    if isinstance(value, (bool, int, float)):
        return fmt.value(value)
    s = str(value)
    if s.startswith(_FORMULA_START):
        return "'" + s
    return s


def anchor(prefix: str, ident: str) -> str:
    """An HTML id for an entity: `o-S1`, `m-M-L1-1` (ids are ASCII slugs; kept as written)."""
    safe = re.sub(r"[^A-Za-z0-9_.\-]", "-", ident)
    return f"{prefix}-{safe}"
