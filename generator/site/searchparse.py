"""Material's search parser driven by one regular expression instead of `html.parser`.

The search plugin splits every page into sections with a subclass of Python's `HTMLParser`,
whose tokenizer (pure Python, one call per tag and per attribute) is half the plugin's time.
Our generated pages hold only plain, well-formed markup: tags whose attributes are simple
names and quoted or bare values, text with character references, no comments, declarations,
scripts or styles. `sections` finds those tokens with one expression and calls the plugin's
own handlers with exactly what `HTMLParser` (`convert_charrefs=True`) would call them with: each
run of text between two tags unescaped as one piece, tag and attribute names in lower case,
attribute values unquoted and unescaped (None for a bare attribute), `<x/>` as start and end.
A page with anything else (a `<` that starts no such tag, `<!--`, `<script>`) gives None before
any handler runs, and is read by `HTMLParser` as before.
"""
from __future__ import annotations

import re
from html import unescape
from typing import Any

_NAME = r"[a-zA-Z][a-zA-Z0-9-]*"
#: the white space HTMLParser ends a tag name at (not `\s`, which also holds NBSP, U+3000, …:
#: a tag with such a character outside quotes is left to HTMLParser, and a bare value ends there)
_S = r"[ \t\n\r\f]"
#: one attribute: its name, and its value (quoted, or bare); `_TAG` holds the same shape
_ATTRS = re.compile(rf"""{_S}+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:{_S}*={_S}*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
#: an end tag (`end`), or a start tag (`start`) with its attributes and `/` when it closes itself
_TAG = re.compile(rf"""<(?:/{_S}*(?P<end>{_NAME}){_S}*|(?P<start>{_NAME})"""
                  rf"""(?P<attrs>(?:{_S}+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:{_S}*={_S}*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)"""
                  rf"""{_S}*(?P<close>/?))>""")
#: elements whose content `HTMLParser` reads as raw text: left to it
_RAW = frozenset(("script", "style"))


def sections(parser: Any, html: str) -> bool:
    """Feed `html` to `parser` (the search plugin's `Parser`) through its handlers, as its
    `feed` and `close` would; False, with no handler called, when `html` holds markup this
    reader leaves to `HTMLParser`."""
    events: list[tuple[int, Any, Any]] = []
    pos = 0
    for m in _TAG.finditer(html):
        if m.start() > pos:
            text = html[pos:m.start()]
            if "<" in text:
                return False
            events.append((0, unescape(text), None))
        end, start, written = m.group("end", "start", "attrs")
        if end is not None:
            events.append((2, end.lower(), None))
        else:
            tag = start.lower()
            if tag in _RAW:
                return False
            attrs = [(name.lower(), _value(value)) for name, value in _ATTRS.findall(written)] if written else []
            events.append((3 if m.group("close") else 1, tag, attrs))
        pos = m.end()
    if pos < len(html):
        text = html[pos:]
        if "<" in text:
            return False
        events.append((0, unescape(text), None))
    for kind, first, attrs in events:
        if kind == 0:
            parser.handle_data(first)
        elif kind == 1:
            parser.handle_starttag(first, attrs)
        elif kind == 2:
            parser.handle_endtag(first)
        else:
            parser.handle_startendtag(first, attrs)
    return True


def _value(written: str) -> str | None:
    """An attribute's value as `HTMLParser` gives it: `findall` gives "" for a bare attribute."""
    if not written:
        return None
    if written[0] in "\"'":
        written = written[1:-1]
    return unescape(written) if written else written
