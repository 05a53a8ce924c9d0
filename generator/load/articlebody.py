"""The Markdown body of an experience article: find unsafe content (check) and defuse it (staging).

Articles are Markdown without raw HTML. Two lines of defence against script in a page:

1. `unsafe_problems` (run by `check`, so by `build` too) reports `<script>`, `<iframe>`,
   `<object>`, `<embed>` and the like, `on…=` event attributes, and `javascript:` / `vbscript:` /
   `data:` link targets as errors (BSC304), and any other raw HTML tag as a warning (BSC305:
   it will show as text).
2. `sanitize_markdown` (run when an article is staged) escapes every `<` that does not open a
   tag of a tiny allow-list (`br`, `sup`, `sub`, `kbd`, `mark`, without attributes) or an
   http(s) autolink, drops HTML comments, makes `{… key=value}` attribute lists literal text and
   turns dangerous link targets into in-page fragments (`#javascript:…`).

Fenced code blocks are found with Python-Markdown's own pattern, so they are exactly the blocks
MkDocs shows as code, and are left alone, except that the attribute list of the opening line
keeps only classes and ids. Inline code (`` `…` ``) is found on one line and
rewritten to `<code>` with every special character as an entity: whatever Markdown would have
made of those backticks, the text inside can only ever show as text.
"""
from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass

from ..i18n import tr
from ..problems import Mark, Problem, Severity

#: raw HTML tags an article may use (no attributes): line break, super/subscript, key, highlight
ALLOWED_TAGS = ("br", "sup", "sub", "kbd", "mark")
#: tags that run or embed code, or change the page around them
DANGEROUS_TAGS = ("script", "iframe", "frame", "frameset", "object", "embed", "applet", "style",
                  "form", "base", "meta", "link", "svg", "math", "template", "noscript")
#: URL schemes that run script or smuggle in a document
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")

_TAB_LENGTH = 4  # Python-Markdown's default, as MkDocs uses it

_ALLOWED_RE = re.compile(r"<(?:br\s*/?|/?(?:sup|sub|kbd|mark))>", re.I)
_AUTOLINK_RE = re.compile(r"<https?://[^\s<>\"'`\x00\[\]\\]+>", re.I)
_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_TICKS_RE = re.compile(r"`+")
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)([^<>]{0,4000})", re.S)
_DANGEROUS_TAG_RE = re.compile(r"</?(" + "|".join(DANGEROUS_TAGS) + r")(?![A-Za-z0-9-])", re.I)
_EVENT_RE = re.compile(r"(?<=[\s/\"'{:])(on[a-z]+)\s*=", re.I)
_URL_ATTR_RE = re.compile(
    r"(?<=[\s/\"'{:])(?:href|src|action|formaction|data|srcdoc|poster|background|xlink:href)\s*=\s*[\"']?",
    re.I)
_LINK_RE = re.compile(r"\]\(|\]:")
_ANGLE_SCHEME_RE = re.compile(r"<\s*(?:javascript|vbscript|data)\s*:", re.I)
_ATTR_LIST_RE = re.compile(r"\{[^}\n]*=[^\n]*")


def _fence_re() -> re.Pattern[str]:
    """Python-Markdown's fenced-code pattern (the `fenced_code` extension MkDocs always loads)."""
    try:
        from markdown.extensions.fenced_code import FencedBlockPreprocessor
        return FencedBlockPreprocessor.FENCED_BLOCK_RE
    except (ImportError, AttributeError):  # pragma: no cover - same pattern as Markdown 3.x
        return re.compile(r"(?P<fence>^(?:~{3,}|`{3,}))[ ]*((\{(?P<attrs>[^\n]*)\})|"
                          r"(\.?(?P<lang>[\w#.+-]*)[ ]*)?(hl_lines=(?P<quot>\"|')(?P<hl_lines>.*?)"
                          r"(?P=quot)[ ]*)?)\n(?P<code>.*?)(?<=\n)(?P=fence)[ ]*$",
                          re.MULTILINE | re.DOTALL)


_FENCE_RE = _fence_re()


def normalize(body: str) -> str:
    """The text as Python-Markdown sees it: line ends `\\n`, tabs expanded, blank lines empty.

    Line numbers do not change (a lone `\\r` counts as a line end, as in editors).
    """
    body = body.replace("\x00", "").replace("\x02", "").replace("\x03", "")
    body = body.replace("\r\n", "\n").replace("\r", "\n").expandtabs(_TAB_LENGTH)
    return re.sub(r"(?<=\n) +\n", "\n", body)


@dataclass(frozen=True)
class _Region:
    start: int
    end: int
    kind: str  # "fence" or "code"


def _fences(text: str) -> list[_Region]:
    out: list[_Region] = []
    pos = 0
    while True:
        m = _FENCE_RE.search(text, pos)
        if not m:
            return out
        out.append(_Region(m.start(), m.end(), "fence"))
        pos = m.end()


def _code_spans(text: str, start: int, end: int) -> list[_Region]:
    """Inline code in text[start:end], one line at a time: a run of n backticks up to the next
    run of exactly n on the same line (a backslash before the run makes it literal)."""
    out: list[_Region] = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        base = start + line.start()
        s = line.group()
        i = 0
        while True:
            m = _TICKS_RE.search(s, i)
            if not m:
                break
            backslashes = len(s[: m.start()]) - len(s[: m.start()].rstrip("\\"))
            if backslashes % 2:
                i = m.end()
                continue
            n = len(m.group())
            close = next((c for c in _TICKS_RE.finditer(s, m.end()) if len(c.group()) == n), None)
            if close is None:
                i = m.end()
                continue
            out.append(_Region(base + m.start(), base + close.end(), "code"))
            i = close.end()
    return out


def _regions(text: str) -> list[_Region]:
    """Fenced code blocks and inline code spans of normalised text, in order."""
    out: list[_Region] = []
    pos = 0
    for fence in _fences(text) + [_Region(len(text), len(text), "end")]:
        out += _code_spans(text, pos, fence.start)
        if fence.kind == "fence":
            out.append(fence)
        pos = fence.end
    return out


def _masked(text: str) -> str:
    """`text` with code (fenced and inline) blanked out, keeping every offset and line end."""
    parts, pos = [], 0
    for r in _regions(text):
        parts.append(text[pos:r.start])
        parts.append(re.sub(r"[^\n]", " ", text[r.start:r.end]))
        pos = r.end
    parts.append(text[pos:])
    return "".join(parts)


def dangerous_url(value: str) -> str | None:
    """The scheme if `value` (the start of a link target, as written) would run as script or
    data in a browser: entities decoded, tabs and line ends dropped, case ignored."""
    s = html.unescape(value[:300]).replace("\\", "")
    s = re.sub(r"[\t\n\r]", "", s).lstrip("".join(chr(c) for c in range(33))).lower()
    for scheme in DANGEROUS_SCHEMES:
        if s.startswith(scheme):
            return scheme
    return None


def _link_targets(text: str) -> list[tuple[int, str]]:
    """(offset, scheme) of Markdown link targets (`](…)`, `[id]: …`) that are dangerous."""
    out = []
    for m in _LINK_RE.finditer(text):
        q = m.end()
        while q < len(text) and text[q] in " \n":
            q += 1
        if text.startswith("<", q):
            q += 1
        scheme = dangerous_url(text[q:])
        if scheme:
            out.append((q, scheme))
    return out


# -- check ------------------------------------------------------------------------------------


def unsafe_problems(body: str, path: str, first_line: int = 1) -> list[Problem]:
    """BSC304 (errors) and BSC305 (warnings) in an article body whose first line is line
    `first_line` of the file `path`."""
    text = normalize(body)
    masked = _COMMENT_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), _masked(text))
    starts = [0] + [m.end() for m in re.finditer("\n", masked)]

    def mark(offset: int) -> Mark:
        i = bisect.bisect_right(starts, offset) - 1
        return Mark(path, first_line + i, offset - starts[i] + 1)

    found: dict[tuple[int, str, str], Problem] = {}

    def add(offset: int, code: str, message: str, severity: Severity = Severity.ERROR) -> None:
        p = mark(offset).problem(code, message, severity)
        found.setdefault((p.line, code, message), p)

    for m in _DANGEROUS_TAG_RE.finditer(masked):
        add(m.start(), "BSC304", tr("正文里的 HTML 标签 `<{tag}>` 可能执行脚本或嵌入外部内容："
                                    "文章只能用 Markdown 书写，请删除它", tag=m.group(1).lower()))
    risky_tags: set[int] = {m.start() for m in _DANGEROUS_TAG_RE.finditer(masked)}
    risky_tags |= {m.start() for m in _ANGLE_SCHEME_RE.finditer(masked)}
    risky_tags |= {m.start() for m in _AUTOLINK_RE.finditer(masked)}  # not a tag: a link
    for m in _TAG_RE.finditer(masked):
        attrs = m.group(3)
        bad = False
        for e in _EVENT_RE.finditer(attrs):
            bad = True
            add(m.start(3) + e.start(), "BSC304",
                tr("HTML 标签里的事件属性 `{attr}=` 会执行脚本：请删除它（文章只能用 Markdown 书写）",
                   attr=e.group(1).lower()))
        for u in _URL_ATTR_RE.finditer(attrs):
            scheme = dangerous_url(attrs[u.end():])
            if scheme:
                bad = True
                add(m.start(3) + u.end(), "BSC304",
                    tr("地址 `{scheme}…` 会执行脚本或嵌入数据：链接和图片只能用 http(s) 网址或站内页面",
                       scheme=scheme))
        tag = m.group(2).lower()
        if not bad and m.start() not in risky_tags and tag not in ALLOWED_TAGS:
            add(m.start(), "BSC305", tr("HTML 标签 `<{tag}>` 不会生效，发布时会原样显示为文字："
                                        "文章只能用 Markdown 书写（加粗、链接、列表、表格都有 Markdown 写法）",
                                        tag=m.group(1) + m.group(2)),
                Severity.WARNING)
        elif tag in ALLOWED_TAGS and not _ALLOWED_RE.match(masked, m.start()) and not bad:
            add(m.start(), "BSC305", tr("HTML 标签 `<{tag}>` 不能带属性，发布时会原样显示为文字："
                                        "只写 `<{tag}>`", tag=m.group(1) + tag), Severity.WARNING)
    for m in _ANGLE_SCHEME_RE.finditer(masked):
        add(m.start(), "BSC304", tr("尖括号里的 `javascript:` / `data:` 地址会执行脚本或嵌入数据：请删除它"))
    for offset, scheme in _link_targets(masked):
        add(offset, "BSC304", tr("链接地址 `{scheme}…` 会执行脚本或嵌入数据：链接和图片只能用 http(s) 网址或站内页面",
                                 scheme=scheme))
    for m in _ATTR_LIST_RE.finditer(masked):
        for e in _EVENT_RE.finditer(m.group()):
            add(m.start() + e.start(), "BSC304",
                tr("属性列表里的事件属性 `{attr}=` 会执行脚本：请删除它", attr=e.group(1).lower()))
        for u in _URL_ATTR_RE.finditer(m.group()):
            scheme = dangerous_url(m.group()[u.end():])
            if scheme:
                add(m.start() + u.end(), "BSC304",
                    tr("属性列表里的地址 `{scheme}…` 会执行脚本或嵌入数据：请删除它", scheme=scheme))
    return sorted(found.values())


# -- staging ----------------------------------------------------------------------------------


def _code_html(span: str) -> str:
    """An inline code span as `<code>`, its text with every ASCII punctuation as an entity."""
    ticks = len(span) - len(span.lstrip("`"))
    inner = span[ticks:len(span) - ticks].strip()
    return "<code>" + "".join(
        ch if ch.isalnum() or ch == " " or ord(ch) > 127 else f"&#{ord(ch)};" for ch in inner) + "</code>"


def _escape_lt(text: str) -> str:
    out, pos = [], 0
    for m in re.finditer("<", text):
        out.append(text[pos:m.start()])
        keep = _ALLOWED_RE.match(text, m.start()) or _AUTOLINK_RE.match(text, m.start())
        out.append("<" if keep else "&lt;")
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def _defuse_attr_lists(text: str) -> str:
    """`{ key=value }` (Markdown attribute lists can set any attribute, `onclick` and `href`
    too): backslash-escape the braces' `{` on such lines, so they read as plain text."""
    def line_fix(m: re.Match[str]) -> str:
        line = m.group()
        if "{" not in line or not _ATTR_LIST_RE.search(line):
            return line
        return re.sub(r"(?<!\\)((?:\\\\)*)\{", r"\1\\{", line)
    return re.sub(r"[^\n]+", line_fix, text)


def _defuse_links(text: str) -> str:
    targets = _link_targets(text)
    for offset, _ in reversed(targets):
        text = text[:offset] + "#" + text[offset:]
    return text


def _sanitize_text(text: str) -> str:
    text = _COMMENT_RE.sub("", text)
    text = _defuse_links(text)
    text = _defuse_attr_lists(text)
    return _escape_lt(text)


_FENCE_ATTRS_RE = re.compile(r"^(?P<fence>~{3,}|`{3,})[ ]*\{(?P<attrs>[^\n]*)\}")
_SAFE_ATTR_RE = re.compile(r"[.#][\w-]+")


def _fence_opener(block: str) -> str:
    """A fenced code block with the attribute list of its opening line (```` ```{ .python } ````)
    reduced to classes and ids: `{ onclick=… }` there would become an attribute of `<code>`."""
    first, nl, rest = block.partition("\n")
    m = _FENCE_ATTRS_RE.match(first)
    if m is None:
        return block
    keep = [t for t in m.group("attrs").split() if _SAFE_ATTR_RE.fullmatch(t)]
    first = m.group("fence") + (" { " + " ".join(keep) + " }" if keep else "") + first[m.end():]
    return first + nl + rest


def sanitize_markdown(body: str) -> str:
    """The article body with raw HTML defused; fenced code blocks are kept as they are."""
    text = normalize(body)
    regions = _regions(text)
    out: list[str] = []
    pos = 0
    codes: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        chunk = _sanitize_text("".join(pending))
        out.append(re.sub("\x00([0-9]+)\x00", lambda m: codes[int(m.group(1))], chunk))
        pending.clear()

    for r in regions:
        pending.append(text[pos:r.start])
        if r.kind == "code":
            codes.append(_code_html(text[r.start:r.end]))
            pending.append(f"\x00{len(codes) - 1}\x00")
        else:
            flush()
            out.append(_fence_opener(text[r.start:r.end]))
        pos = r.end
    pending.append(text[pos:])
    flush()
    return "".join(out)


__all__ = ["ALLOWED_TAGS", "DANGEROUS_TAGS", "DANGEROUS_SCHEMES", "normalize", "unsafe_problems",
           "sanitize_markdown", "dangerous_url"]
