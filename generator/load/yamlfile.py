"""Read one YAML file into plain Python values plus a map of where each value came from.

PyYAML's C composer gives nodes with line/column; we build values from the nodes ourselves so
that we can:
- reject duplicate keys (PyYAML keeps the last one silently);
- resolve plain scalars the YAML 1.2 way: only `true`/`false` are booleans (so `no` and `on`
  stay text), dates stay text (pydantic parses them where a date is expected), and mapping
  keys are always text (`2008:` is the key "2008", not the number);
- keep what the editor wrote: a plain scalar that reads as a number but is written another way
  (`1.50`, `1_000`) is a number that remembers its text, so a text field gets `1.50`;
- hold limits by construction: the file's size (checked before it is read), its characters
  (no control characters, see `characters`), numbers (at most 20 digits, below 10^15),
  nesting depth, and what aliases expand to (counted in characters, refused at the alias).
"""
from __future__ import annotations

import operator
import os
import re
import stat
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..i18n import tr, tr_p
from ..problems import Mark, Problem, Severity
from .aliases import alias_position
from .characters import BAD_CHAR, ESCAPE_HINT, RAW_HINT, describe, escape_producing_bad, line_col
from .syntaxerrors import syntax_problem

Loc = tuple[str | int, ...]

MAX_BYTES = 1024 * 1024          # one file: 50 times the largest unit file of the example
MAX_ALIAS_CHARS = 500_000        # characters (and values) that aliases may add to one file
MAX_DEPTH = 50                   # nesting of lists and mappings
MAX_NUMBER = 10 ** 15            # numbers are below this in magnitude
MAX_DIGITS = 20                  # digits of a number as written

_INT = re.compile(r"[-+]?(0|[1-9][0-9_]*)$")
_FLOAT = re.compile(r"[-+]?([0-9][0-9_]*)?\.[0-9]+([eE][-+]?[0-9]+)?$|[-+]?[0-9]+[eE][-+]?[0-9]+$")
_NUMBER_START = frozenset("+-.0123456789")
#: plain scalars that are not text: null and the two booleans (YAML 1.2's core schema)
_WORDS: dict[str, Any] = {**dict.fromkeys(("", "~", "null", "Null", "NULL")),
                          **dict.fromkeys(("true", "True", "TRUE"), True),
                          **dict.fromkeys(("false", "False", "FALSE"), False)}

_STR = "tag:yaml.org,2002:str"
_PLAIN = "tag:bscportal,2026:plain"  # an untagged plain scalar: resolved by `_scalar`
_CORE_TAGS = {f"tag:yaml.org,2002:{t}" for t in
              ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")} | {_PLAIN}


try:  # the C composer is ~10x faster; fall back where libyaml is missing
    _Base: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Base = yaml.SafeLoader


class _Loader(_Base):
    """Composes nodes without PyYAML's implicit resolver (we resolve scalars ourselves)."""

    # PyYAML's path resolvers (`add_path_resolver`) are not used, yet the composer calls these
    # two hooks for every node; C functions that ignore their arguments cost a tenth of
    # composing less than PyYAML's methods
    descend_resolver = staticmethod(operator.is_)    # (parent, index)
    ascend_resolver = staticmethod(tuple)            # ()

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode:
            return _PLAIN if implicit[0] else _STR
        return "tag:yaml.org,2002:seq" if kind is yaml.SequenceNode else "tag:yaml.org,2002:map"


class _Written:
    """A number that remembers how it was written (`1_000`, `1.50`): text fields get that text."""

    source: str

    def __str__(self) -> str:
        return self.source

    __repr__ = __str__


class SourceInt(_Written, int):
    def __new__(cls, value: int, source: str) -> "SourceInt":
        obj = int.__new__(cls, value)
        obj.source = source
        return obj

    def __reduce__(self) -> tuple[type, tuple[int, str]]:
        return SourceInt, (int(self), self.source)


class SourceFloat(_Written, float):
    def __new__(cls, value: float, source: str) -> "SourceFloat":
        obj = float.__new__(cls, value)
        obj.source = source
        return obj

    def __reduce__(self) -> tuple[type, tuple[float, str]]:
        return SourceFloat, (float(self), self.source)


@dataclass
class YamlDoc:
    """A loaded file: its data, and where each value and mapping key is written.

    Positions are found when a message asks for one (`mark`): the text is composed again and
    the path followed in its nodes, so a file that gives no message keeps no table of positions
    (a position for every value and key would take several times the memory of the data)."""

    path: str
    data: Any
    #: the YAML text and the number of file lines before it (front matter: the opening `---`)
    text: str = field(default="", repr=False)
    line_offset: int = 0
    #: positions the reader already reported an error at (validation adds nothing there)
    flagged: set[tuple[int, int]] = field(default_factory=set)

    def _pos(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1

    def _find(self, loc: Loc) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        """Positions of the value at `loc` and of its mapping key, as the reader built them:
        the first of duplicate keys, no merge (`<<`) or non-text keys, nothing below a value
        with an unsupported tag; None where there is none."""
        node = _composed(self)
        if node is None:
            return None, None
        key: tuple[int, int] | None = None
        for part in loc:
            if node.tag not in _CORE_TAGS:
                return None, None
            if isinstance(node, yaml.MappingNode) and isinstance(part, str) and part != "<<":
                found = next(((k, v) for k, v in node.value
                              if isinstance(k, yaml.ScalarNode) and str(k.value) == part), None)
                if found is None:
                    return None, None
                key, node = self._pos(found[0]), found[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                key, node = None, node.value[part]
            else:
                return None, None
        return self._pos(node), key

    def mark(self, loc: Loc = (), key: bool = False) -> Mark:
        """Position of `loc`, or of its nearest existing ancestor."""
        loc = tuple(loc)
        while True:
            value, key_pos = self._find(loc)
            if key and key_pos is not None:
                return Mark(self.path, *key_pos)
            if value is not None:
                return Mark(self.path, *value)
            if not loc:
                return Mark(self.path, 1, 1)
            loc = loc[:-1]
            key = True  # a missing child is best shown at its parent's key

    def unflagged(self, problems: list[Problem]) -> list[Problem]:
        """`problems` without those at a position the reader already reported."""
        return [p for p in problems if (p.line, p.col) not in self.flagged]


#: the last few texts composed again for positions (a file's messages come together)
_RECENT: "OrderedDict[int, tuple[YamlDoc, yaml.Node | None]]" = OrderedDict()


def _composed(doc: YamlDoc) -> yaml.Node | None:
    found = _RECENT.get(id(doc))
    if found is not None and found[0] is doc:
        _RECENT.move_to_end(id(doc))
        return found[1]
    try:
        root = yaml.compose(doc.text, Loader=_Loader) if doc.text else None
    except yaml.YAMLError:  # pragma: no cover - the text composed when it was read
        root = None
    _RECENT[id(doc)] = (doc, root)
    if len(_RECENT) > 4:
        _RECENT.popitem(last=False)
    return root


class _Refused(Exception):
    """The whole file is refused (alias expansion, nesting): one problem says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class _Builder:
    def __init__(self, doc: YamlDoc, text: str, line_offset: int = 0) -> None:
        self.doc = doc
        self.text = text
        self.problems: list[Problem] = []
        #: lines before the YAML text in its file (front matter: the opening `---`)
        self.line_offset = line_offset
        #: aliases are possible only where the text has a `*`
        self.track = "*" in text
        self.expanding = 0       # > 0 while building the copy an alias stands for
        self.expanded = 0        # characters (and values) added by aliases so far
        self.alias_loc: Loc = ()

    # -- positions --------------------------------------------------------------------------
    def _pos(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1

    def _error(self, line: int, col: int, code: str, message: str) -> None:
        self.problems.append(Mark(self.doc.path, line, col).problem(code, message))
        self.doc.flagged.add((line, col))

    def _alias_pos(self, loc: Loc) -> tuple[int, int]:
        """Where the alias that stands at `loc` is written (the composer forgets it)."""
        found = alias_position(self.text, loc, _Loader)
        if found is None:
            mark = self.doc.mark(loc)
            return mark.line, mark.col
        line, column = found
        return line + 1 + self.line_offset, column + 1

    # -- building ---------------------------------------------------------------------------
    def build(self, node: yaml.Node, loc: Loc, depth: int = 0) -> Any:
        """The value of `node`, found at `loc` (kept only where the text has aliases: an
        alias's message needs it; elsewhere `loc` stays the root's and costs nothing)."""
        if depth > MAX_DEPTH:
            line, col = self._pos(node)
            raise _Refused(Mark(self.doc.path, line, col).problem(
                "BSC001", tr("嵌套超过 {depth} 层：请把内容改成更浅的结构", depth=MAX_DEPTH)))
        if not self.track:
            return self._build(node, loc, depth)
        seen = node.__dict__.get("_built", 0)
        if seen == 1:  # an alias inside the value it names
            line, col = self._alias_pos(loc)
            raise _Refused(Mark(self.doc.path, line, col).problem(
                "BSC001", tr("别名 `*` 引用了包含它自己的内容，会无限展开：请去掉 `&` 锚点和 `*` 别名，"
                            "把内容直接写出来")))
        if seen == 2:  # an alias: build the copy it stands for, counting its size
            if not self.expanding:
                self.alias_loc = loc
            self.expanding += 1
            try:
                return self._build(node, loc, depth)
            finally:
                self.expanding -= 1
        node.__dict__["_built"] = 1
        value = self._build(node, loc, depth)
        node.__dict__["_built"] = 2
        return value

    def _build(self, node: yaml.Node, loc: Loc, depth: int) -> Any:
        if self.expanding:
            self.expanded += 1 + (len(node.value) if isinstance(node, yaml.ScalarNode) else 0)
            if self.expanded > MAX_ALIAS_CHARS:
                line, col = self._alias_pos(self.alias_loc)
                raise _Refused(Mark(self.doc.path, line, col).problem(
                    "BSC001", tr("别名 `*` 展开后的内容超过 {limit} 个字符（从这个别名起超出）："
                                 "这会让网站膨胀到难以生成。请去掉 `&` 锚点和 `*` 别名，把内容直接写出来",
                                 limit=MAX_ALIAS_CHARS)))
        if node.tag not in _CORE_TAGS:
            line, col = self._pos(node)
            self._error(line, col, "BSC001",
                        tr("不支持 YAML 标签 `{tag}`：请删除它，直接写值",
                           tag=node.tag.replace('tag:yaml.org,2002:', '!!')))
            return None
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if isinstance(node, yaml.SequenceNode):
            if not self.track:
                return [self.build(child, loc, depth + 1) for child in node.value]
            return [self.build(child, loc + (i,), depth + 1) for i, child in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc, depth)
        return None  # pragma: no cover

    def _mapping(self, node: yaml.MappingNode, loc: Loc, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        keys: dict[str, yaml.Node] = {}   # key → where it is first written
        track = self.track
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self._error(*self._pos(key_node), "BSC001",
                            tr("键必须是简单文本，不能是列表或映射：改成 `名称: 值` 的形式"))
                continue
            key = str(key_node.value)
            if key_node.style == '"' and BAD_CHAR.search(key):
                self._control_escape(key_node)
            if key == "<<":
                self._error(*self._pos(key_node), "BSC001", tr("不支持 YAML 合并键 `<<`：请把字段直接写出来"))
                continue
            if key in out:
                first = self._pos(keys[key])[0]
                self._error(*self._pos(key_node), "BSC002",
                            tr("重复的键 `{key}`（第 {first} 行已经出现过）：删除或合并其中一个，"
                               "否则后一个会悄悄覆盖前一个", key=key, first=first))
                continue
            keys[key] = key_node
            if track:
                out[key] = self.build(value_node, loc + (key,), depth + 1)
            elif value_node.__class__ is yaml.ScalarNode and value_node.tag in _CORE_TAGS \
                    and depth < MAX_DEPTH:
                out[key] = self._scalar(value_node)   # most values: what `build` would do
            else:
                out[key] = self.build(value_node, loc, depth + 1)
        return out

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        value = node.value
        if node.style or node.tag != _PLAIN:
            if node.style == '"' and BAD_CHAR.search(value):
                self._control_escape(node)
            if node.tag == _STR or node.style:
                return value  # quoted, block, `!!str`
        if value[:1] in _NUMBER_START:
            return self._number(node, value)
        return _WORDS.get(value, value)

    def _number(self, node: yaml.ScalarNode, value: str) -> Any:
        is_int = _INT.match(value) is not None
        if not is_int and _FLOAT.match(value) is None:
            return value  # `2008-01-01`, `1.2.3`, `0x10`, `.inf`: text
        digits = sum(map(str.isdigit, value)) if len(value) <= 64 else len(value)
        number: float | int | None = None
        if digits <= MAX_DIGITS:
            plain = value.replace("_", "")
            number = int(plain) if is_int else float(plain)
        if number is None or not abs(number) < MAX_NUMBER:
            line, col = self._pos(node)
            short = len(value) <= 24
            shown = value if short else tr("{start}…（共 {n} 个字符）", start=value[:20], n=len(value))
            quoted = tr("：'{value}'", value=value) if short else tr("（两边各加一个 '）")
            self._error(line, col, "BSC004",
                        tr("数字 `{shown}` 太大：数值最多写 {digits} 位数字，且要小于 10 的 15 次方"
                           "（1000 万亿）。如果这是文字（如编号、电话号码），请加引号{quoted}",
                           shown=shown, digits=MAX_DIGITS, quoted=quoted))
            return value
        if is_int:
            return number if str(number) == value else SourceInt(int(number), value)
        return number if repr(number) == value else SourceFloat(float(number), value)

    def _control_escape(self, node: yaml.ScalarNode) -> None:
        """A double-quoted scalar whose escape (`\\v`, `\\0`) yields a forbidden character."""
        start, end = node.start_mark.index, node.end_mark.index
        found = escape_producing_bad(self.text[start:end])
        if found is None:  # pragma: no cover - every forbidden character comes from an escape
            line, col = self._pos(node)
            self._error(line, col, "BSC001", tr("文字里有控制字符：{hint}", hint=tr(ESCAPE_HINT)))
            return
        offset, escape, ch = found
        line, col = line_col(self.text, start + offset)
        self._error(line + self.line_offset, col, "BSC001",
                    tr("双引号里的转义 `{escape}` 是控制字符 {char}：{hint}",
                       escape=escape, char=describe(ch), hint=tr(ESCAPE_HINT)))


#: what `read_source` reads, as its messages name it
_WHAT = {"file": lambda: tr_p("what is read", "文件"), "article": lambda: tr_p("what is read", "文章"),
         "page": lambda: tr_p("what is read", "页面")}


def read_source(path: Path, display: str, code: str = "BSC001",
                what: str = "file") -> tuple[str | None, list[Problem]]:
    """A source file's text (UTF-8, BOM allowed, size-capped, no control characters), or a
    problem saying why not. The size is known before anything is read. `what` is `file`,
    `article` or `page`."""
    what = _WHAT[what]()
    try:
        # stat before opening: opening a named pipe would wait for a writer forever
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return None, [Mark(display).problem(code, tr("{what}不是普通文件（可能是设备或管道）：请换成普通文件", what=what))]
        if info.st_size > MAX_BYTES:
            return None, [_too_big(display, code, what, info.st_size)]
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return None, [Mark(display).problem(code, tr("无法读取{what}：{reason}", what=what,
                                                      reason=exc.strerror))]
    if len(raw) > MAX_BYTES:  # grew while we looked
        return None, [_too_big(display, code, what, len(raw))]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Mark(display, line, 1).problem(
            code, tr("{what}不是 UTF-8 编码（可能是 GBK）：请用 UTF-8 保存（在编辑器的“另存为”里选择 UTF-8）",
                     what=what))]
    bad = BAD_CHAR.search(text)
    if bad is not None:
        line, col = line_col(text, bad.start())
        return None, [Mark(display, line, col).problem(
            code, _control_char(line, col, bad.group()))]
    return text, []


def _too_big(display: str, code: str, what: str, size: int) -> Problem:
    return Mark(display).problem(
        code, tr("{what}过大（{size} KB，上限 {limit} KB）：请拆分或精简",
                 what=what, size=size // 1024, limit=MAX_BYTES // 1024))


def _control_char(line: int, col: int, ch: str) -> str:
    return tr("第 {line} 行第 {col} 列有控制字符 {char}：{hint}",
              line=line, col=col, char=describe(ch), hint=tr(RAW_HINT))


def load_yaml(path: Path, display: str) -> tuple[YamlDoc | None, list[Problem]]:
    """Load `path`; on a syntax error return (None, [problem])."""
    text, problems = read_source(path, display)
    if text is None:
        return None, problems
    return load_yaml_text(text, display)


def load_yaml_text(text: str, display: str, line_offset: int = 0) -> tuple[YamlDoc | None, list[Problem]]:
    """Load YAML from `text` (already decoded) as `load_yaml` does.

    `line_offset` is the number of file lines before `text` (1 for an article's front matter,
    which starts after the opening `---`), so every position points into the whole file.
    """
    doc = YamlDoc(display, None, text, line_offset)
    bad = BAD_CHAR.search(text)
    if bad is not None:  # text that did not come through `read_source`
        line, col = line_col(text, bad.start())
        return None, [Mark(display, line + line_offset, col).problem(
            "BSC001", _control_char(line + line_offset, col, bad.group()))]
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        return None, [syntax_problem(exc, text, display, line_offset)]
    if node is None:
        doc.data = None
        return doc, []
    builder = _Builder(doc, text, line_offset)
    try:
        doc.data = builder.build(node, ())
    except _Refused as refused:
        return None, [refused.problem]
    except RecursionError:  # pragma: no cover - MAX_DEPTH keeps far below the limit
        return None, [Mark(display).problem("BSC001", tr("文件嵌套太深：请把内容改成更浅的结构"))]
    return doc, builder.problems


__all__ = ["YamlDoc", "Loc", "load_yaml", "load_yaml_text", "read_source", "Severity",
           "SourceInt", "SourceFloat", "MAX_BYTES", "MAX_ALIAS_CHARS"]
