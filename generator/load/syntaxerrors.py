"""YAML syntax errors in the editors' language: what is wrong, where, and what to do.

libyaml reports a problem (`found character that cannot start any token`) at one position and
sometimes a context (`while scanning a quoted scalar`) at another. Each known problem gets an
explanation and a hint in the interface language; the parser's English follows in parentheses
for whoever searches for it (not in English, where the explanation already says it). Positions: a tab is shown where the tab is; an unclosed quote or bracket where it opens;
a line without its colon at that line.
"""
from __future__ import annotations

import yaml

from ..i18n import N_, current, tr
from ..problems import Mark, Problem

_GENERIC_HINT = N_("请检查缩进是否对齐（只能用空格）、冒号后是否有空格、引号和括号是否成对")
_QUOTE_HINT = N_("如果这是一段文字，请把整段文字用引号括起来，如 name: '文字'")

#: (words that must all be in libyaml's problem + context, explanation, hint); first match wins
_KNOWN: list[tuple[tuple[str, ...], str, str]] = [
    (("mapping values are not allowed",),
     N_("这里多了一个冒号 `:`（冒号加空格在 YAML 里表示“键: 值”），或者上一行的缩进不对"),
     N_("文字里含有“冒号加空格”时，请把整段文字用引号括起来，如 name: '目标: 提高'；"
     "键和冒号之间不要有空格，冒号后面要有空格")),
    (("could not find expected ':'",),
     N_("这一行缺少冒号 `:`"),
     N_("每一行应写成 `名称: 值`（冒号后有一个空格）；如果它是上一行文字的延续，请把文字写在同一行或用引号括起来")),
    (("did not find expected key",),
     N_("缩进没有对齐：这一行的缩进与同一层的其他键不同，或在 `键: 值` 之间出现了列表项 `-` 或多余的文字"),
     N_("同一层的键要从同一列开始（只能用空格缩进）；引号后面不能再接文字")),
    (("did not find expected '-' indicator",),
     N_("列表项没有对齐：同一个列表的各项 `-` 要在同一列"),
     N_("把这一行的 `-` 移到与上面各项相同的列")),
    (("did not find expected ',' or ']'",),
     N_("方括号列表 `[...]` 没有正确结束：缺少结束的 `]`，或两项之间缺少逗号"),
     N_("列表写成 [甲, 乙, 丙]；项里含有逗号或冒号时，请把这一项用引号括起来")),
    (("did not find expected ',' or '}'",),
     N_("花括号映射 `{...}` 没有正确结束：缺少结束的 `}`，或两项之间缺少逗号"),
     N_("映射写成 {id: S1, name: 名称}；值里含有逗号、冒号或括号时，请把这个值用引号括起来")),
    (("found unexpected end of stream", "while scanning a quoted scalar"),
     N_("引号没有结束：从这里开始的引号直到文件末尾都没有配对的结束引号"),
     N_("在文字末尾补上同样的引号（' 或 \"）；单引号文字里要写单引号时写两个单引号 ''")),
    (("found unknown escape character",),
     N_("双引号里的反斜杠 `\\` 后面不是 YAML 认识的转义"),
     N_("路径等文字里的反斜杠请写成两个 `\\\\`，或改用单引号把文字括起来")),
    (("did not find expected hexdecimal number",),
     N_("双引号里的 `\\x`、`\\u` 或 `\\U` 后面应是十六进制代码"),
     N_("不需要转义时请删掉反斜杠，或改用单引号把文字括起来")),
    (("found invalid Unicode character escape code",),
     N_("双引号里的 `\\u` 或 `\\U` 转义不是合法的字符"),
     N_("请直接写出这个字符，或删掉这个转义")),
    (("found undefined alias",),
     N_("别名 `*` 引用的锚点 `&` 不存在"),
     N_("本项目的文件不需要锚点和别名：请把内容直接写出来；文字以 * 开头时请用引号括起来")),
    (("found duplicate anchor",),
     N_("同一个锚点 `&` 名称用了两次"),
     N_("本项目的文件不需要锚点和别名：请把内容直接写出来")),
    (("while scanning an anchor",),
     N_("`&` 后面应是锚点名称"),
     N_("文字以 & 开头时，请把整段文字用引号括起来")),
    (("while scanning an alias",),
     N_("`*` 后面应是别名名称"),
     N_("文字以 * 开头时，请把整段文字用引号括起来")),
    (("expected a single document",),
     N_("一个文件里只能有一个 YAML 文档，这里又出现了文档分隔线 `---`"),
     N_("请删除这一行 `---`，或把它后面的内容移到别的文件")),
    (("while scanning a block scalar",),
     N_("`|` 或 `>`（多行文字）后面只能跟换行"),
     N_("把文字写在下一行并缩进；文字以 | 或 > 开头时请用引号括起来")),
    (("while scanning a tag",),
     N_("`!` 开头的是 YAML 标签，这里的标签写错了"),
     N_("文字以 ! 开头时，请把整段文字用引号括起来")),
    (("directive",),
     N_("以 `%` 开头的行是 YAML 指令，本项目的文件不用指令"),
     N_("请删除这一行；文字以 % 开头时请用引号括起来")),
    (("found incompatible YAML document",),
     N_("以 `%YAML` 开头的行是 YAML 版本指令，本项目的文件不用指令"),
     N_("请删除这一行")),
    (("exceeded maximum nesting depth",),
     N_("括号或缩进嵌套太深"),
     N_("请把内容改成更浅的结构")),
    (("did not find expected node content",),
     N_("这里缺少值"),
     N_("请在冒号或 `-` 后面写上值，或删除这一项")),
    (("found unexpected end of stream",),
     N_("文件在一个值还没写完时就结束了"),
     _GENERIC_HINT),
    (("found unexpected document indicator",),
     N_("引号或括号里出现了文档分隔线 `---` 或 `...`"),
     N_("请检查它前面的引号或括号是否成对")),
]


def _cannot_start(ch: str) -> tuple[str, str]:
    if ch in "@`":
        return (tr("`{ch}` 不能作为文字的开头（YAML 保留了它）", ch=ch),
                tr("请把整段文字用引号括起来，如 '{ch}…'", ch=ch))
    if ch == "%":
        return tr("`%` 不能作为文字的开头"), tr("请把整段文字用引号括起来")
    shown = f"U+{ord(ch):04X}" if not ch.isprintable() else ch
    return tr("字符 `{shown}` 不能出现在这里", shown=shown), tr(_QUOTE_HINT)


def _explain(exc: yaml.MarkedYAMLError, ch: str) -> tuple[str, str]:
    problem = exc.problem or ""
    if "cannot start any token" in problem:
        return _cannot_start(ch)
    words = f"{problem} {exc.context or ''}"
    for keys, explanation, hint in _KNOWN:
        if all(k in words for k in keys):
            return tr(explanation), tr(hint)
    return tr("YAML 无法理解这里的写法"), tr(_GENERIC_HINT)


def _parser_words(english: str) -> str:
    """The parser's own (English) words, after the explanation, for whoever searches for them;
    an English explanation already says it."""
    if current() == "en":
        return ""
    return tr("（YAML 解析器：{english}）", english=english)


def _tab_in_indent(text: str, line: int) -> int | None:
    """0-based column of a tab in the indentation of 0-based `line`, or None."""
    lines = text.split("\n", line + 1)
    if line >= len(lines):
        return None
    row = lines[line]
    indent = row[: len(row) - len(row.lstrip(" \t"))]
    return indent.find("\t") if "\t" in indent else None


def syntax_problem(exc: yaml.YAMLError, text: str, display: str, line_offset: int = 0) -> Problem:
    """One Problem for a YAML syntax error in `text`, positioned in its file."""
    if not isinstance(exc, yaml.MarkedYAMLError):
        return Mark(display, 1 + line_offset).problem(
            "BSC001", tr("YAML 语法错误：文件无法解析。{hint}", hint=tr(_GENERIC_HINT))
            + _parser_words(str(exc)))
    mark = exc.problem_mark or exc.context_mark
    english = "; ".join(s.strip() for s in (exc.problem, exc.context) if s)
    ch = text[mark.index] if mark is not None and mark.index < len(text) else ""
    tab_col = None
    if mark is not None:
        tab_col = mark.column if ch == "\t" else _tab_in_indent(text, mark.line)
    if mark is not None and tab_col is not None:
        return Mark(display, mark.line + 1 + line_offset, tab_col + 1).problem(
            "BSC001", tr("YAML 语法错误：这一行用了 Tab 键缩进，YAML 只能用空格缩进。"
                         "请把行首的 Tab 换成空格（可在编辑器里打开“用空格代替 Tab”）")
            + _parser_words(english))
    context = exc.context_mark
    if context is not None and mark is not None and mark is not context:
        at_end = not text[mark.index:].strip()
        opened_earlier = context.line < mark.line and any(
            w in (exc.context or "") for w in ("scanning a quoted scalar", "flow sequence",
                                               "flow mapping", "simple key"))
        if "end of stream" in (exc.problem or "") or at_end or opened_earlier:
            mark = context  # an unclosed quote or bracket, a key without colon: where it starts
    explanation, hint = _explain(exc, ch)
    line = (mark.line + 1 if mark else 1) + line_offset
    col = mark.column + 1 if mark else 1
    return Mark(display, line, col).problem(
        "BSC001", tr("YAML 语法错误：{explanation}。{hint}", explanation=explanation, hint=hint)
        + _parser_words(english))
