"""Characters no page, feed or download can carry, and where they are in a source file.

Refused everywhere (YAML files and articles alike): the C0 control characters except tab, line
feed and carriage return; DEL; the C1 control characters (U+0080–U+009F, NEL among them); the
non-characters U+FFFE and U+FFFF; and lone surrogates. XML 1.0 forbids the C0 ones and U+FFFE/
U+FFFF outright (an XLSX or an SVG with them is broken), and the others are never meant as text.
Bidi marks, U+2028/U+2029 and every other printable character stay: they are text.
"""
from __future__ import annotations

import re

from ..i18n import N_, paren, tr

#: one forbidden character
BAD_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")

#: names shown to editors (translated where shown)
_NAMES = {
    0x00: N_("空字符 NUL"), 0x07: N_("响铃符 BEL"), 0x08: N_("退格符 BS"), 0x0B: N_("垂直制表符 VT"),
    0x0C: N_("换页符 FF"), 0x1B: N_("转义符 ESC"), 0x7F: N_("删除符 DEL"), 0x85: N_("下一行符 NEL"),
    0xFFFE: N_("非字符 U+FFFE"), 0xFFFF: N_("非字符 U+FFFF"),
}

#: a double-quoted YAML escape: `\x41`, `\u0041`, `\U00000041` or one character after `\`
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.S)
_SHORT = {"0": "\x00", "a": "\x07", "b": "\x08", "t": "\t", "\t": "\t", "n": "\n", "v": "\x0b",
          "f": "\x0c", "r": "\r", "e": "\x1b", "N": "\x85", "_": "\xa0", "L": "\u2028",
          "P": "\u2029"}


def describe(ch: str) -> str:
    """`U+000B（垂直制表符 VT）`: the code point and what it is."""
    code = ord(ch)
    if 0xD800 <= code <= 0xDFFF:
        name = tr("单独的代理码元")
    else:
        name = tr(_NAMES[code]) if code in _NAMES else tr("控制字符")
    return f"U+{code:04X}" + paren(name)


def line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of `text[index]`, lines split at `\\n` as editors count them."""
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, col


def first_bad(text: str) -> int | None:
    """Index of the first forbidden character in `text`, or None."""
    found = BAD_CHAR.search(text)
    return found.start() if found else None


def escape_producing_bad(source: str) -> tuple[int, str, str] | None:
    """In the source of a double-quoted scalar: (offset of the escape, the escape as written,
    the character it stands for) for the first escape that yields a forbidden character."""
    for m in _ESCAPE.finditer(source):
        code = m.group(1)
        if len(code) > 1:
            ch = chr(int(code[1:], 16)) if int(code[1:], 16) <= 0x10FFFF else ""
        else:
            ch = _SHORT.get(code, "")
        if ch and BAD_CHAR.match(ch):
            return m.start(), m.group(0), ch
    return None


#: what to do about a forbidden character (translated where shown: `tr(RAW_HINT)`)
RAW_HINT = N_("网页、XML 和下载文件都不能包含它。请删除这个字符（它通常来自复制粘贴或编码转换，"
            "在编辑器里可能看不见：把光标移到这个位置，按退格键删除）")
#: what to do about an escape that yields one (`tr(ESCAPE_HINT)`)
ESCAPE_HINT = N_("网页、XML 和下载文件都不能包含它。请删除这个转义；要换行请直接换行，"
               "要写反斜杠请写 `\\\\` 或改用单引号")
