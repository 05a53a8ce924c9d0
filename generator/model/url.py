"""Addresses that data puts into pages, feeds and downloads: only `http`, `https` or a path.

A value is judged as a browser would read it in an `href`: character references decoded
(`javascript&#58;`, `&colon;`), white space and invisible characters dropped (`java\\tscript:`),
letters in any case (`JaVaScRiPt:`). Whatever then names a scheme other than http or https
(`javascript:`, `data:`, `vbscript:`, `file:` …) is refused, and so are addresses that lead to
another host without saying how (`//host`, `\\\\host`) and characters that end an attribute.
"""
from __future__ import annotations

import html
import re
from typing import Annotated

from pydantic import AfterValidator, StringConstraints

from ..i18n import N_, tr

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\s\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]+")
_ATTRIBUTE_ENDS = re.compile(r"[\s\"'<>`]")
_HINT = N_("只能写 http:// 或 https:// 开头的完整网址，或站内的相对路径（如 units/index.html）")


def _as_browser_reads(value: str) -> str:
    for _ in range(5):  # `&amp;#58;` is `&#58;` is `:`
        decoded = html.unescape(value)
        if decoded == value:
            break
        value = decoded
    return _INVISIBLE.sub("", value)


def check_url(value: str) -> str:
    """`value` unchanged when it is a safe address; ValueError (in Chinese) otherwise."""
    read = _as_browser_reads(value)
    scheme = _SCHEME.match(read)
    if scheme is not None:
        name = scheme.group(1).lower()
        if name not in ("http", "https"):
            raise ValueError(tr("不允许 `{name}:` 地址：{hint}；`javascript:`、`data:` 这类地址"
                                "会在读者的浏览器里执行代码或嵌入内容", name=name, hint=tr(_HINT)))
        rest = read[scheme.end():]
        if not rest.startswith("//") or len(rest.strip("/\\")) == 0:
            raise ValueError(tr("网址不完整：{hint}", hint=tr(_HINT)))
    elif read[:2].replace("\\", "/") == "//" or read[:1] == "\\":
        raise ValueError(tr("以 `//` 或 `\\` 开头的地址会指向别的网站：{hint}", hint=tr(_HINT)))
    if _ATTRIBUTE_ENDS.search(value):
        raise ValueError(tr("网址里不能有空格、引号或尖括号（需要时请写成 %20 这样的编码）：{hint}",
                            hint=tr(_HINT)))
    return value


#: an address shown as a link: http(s) or a relative path (see `check_url`)
Url = Annotated[str, StringConstraints(min_length=1, max_length=2000, strip_whitespace=True),
                AfterValidator(check_url)]
