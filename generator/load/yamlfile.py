"""Read one YAML file into plain Python values plus a map of where each value came from.

PyYAML's C composer gives nodes with line/column; we build values from the nodes ourselves so
that we can:
- reject duplicate keys (PyYAML keeps the last one silently);
- resolve plain scalars the YAML 1.2 way: only `true`/`false` are booleans (so `no` and `on`
  stay text), dates stay text (pydantic parses them where a date is expected), and mapping
  keys are always text (`2008:` is the key "2008", not the number);
- refuse alias bombs: the number of values built per file is capped.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..problems import Mark, Problem, Severity

try:  # the C composer is ~10x faster; fall back where libyaml is missing
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

Loc = tuple[str | int, ...]

MAX_NODES = 200_000        # values built from one file, aliases expanded
MAX_BYTES = 5 * 1024 * 1024

_INT = re.compile(r"[-+]?(0|[1-9][0-9_]*)$")
_FLOAT = re.compile(r"[-+]?([0-9][0-9_]*)?\.[0-9]+([eE][-+]?[0-9]+)?$|[-+]?[0-9]+[eE][-+]?[0-9]+$")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}


_CORE_TAGS = {f"tag:yaml.org,2002:{t}" for t in
              ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}


@dataclass
class YamlDoc:
    """A loaded file: its data and the positions of every value and mapping key."""

    path: str
    data: Any
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def mark(self, loc: Loc = (), key: bool = False) -> Mark:
        """Position of `loc`, or of its nearest existing ancestor."""
        loc = tuple(loc)
        while True:
            table = self.keys if key else self.values
            if loc in table:
                line, col = table[loc]
                return Mark(self.path, line, col)
            if key and loc in self.values:
                line, col = self.values[loc]
                return Mark(self.path, line, col)
            if not loc:
                return Mark(self.path, 1, 1)
            loc = loc[:-1]
            key = True  # a missing child is best shown at its parent's key


class _TooBig(Exception):
    pass


class _Builder:
    def __init__(self, doc: YamlDoc, line_offset: int = 0) -> None:
        self.doc = doc
        self.count = 0
        self.problems: list[Problem] = []
        #: lines before the YAML text in its file (front matter: the opening `---`)
        self.line_offset = line_offset

    def _pos(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooBig(loc)
        if node.tag not in _CORE_TAGS:
            line, col = self._pos(node)
            self.problems.append(Mark(self.doc.path, line, col).problem(
                "BSC001", f"不支持 YAML 标签 `{node.tag.replace('tag:yaml.org,2002:', '!!')}`："
                          "请删除它，直接写值"))
            return None
        self.doc.values.setdefault(loc, self._pos(node))
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, loc + (i,)) for i, child in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    line, col = self._pos(key_node)
                    self.problems.append(Mark(self.doc.path, line, col).problem(
                        "BSC001", "键必须是简单文本，不能是列表或映射：改成 `名称: 值` 的形式"))
                    continue
                key = str(key_node.value)
                line, col = self._pos(key_node)
                if key == "<<":
                    self.problems.append(Mark(self.doc.path, line, col).problem(
                        "BSC001", "不支持 YAML 合并键 `<<`：请把字段直接写出来"))
                    continue
                if key in out:
                    first = self.doc.keys.get(loc + (key,), (0, 0))[0]
                    self.problems.append(Mark(self.doc.path, line, col).problem(
                        "BSC002",
                        f"重复的键 `{key}`（第 {first} 行已经出现过）：删除或合并其中一个，"
                        "否则后一个会悄悄覆盖前一个"))
                    continue
                self.doc.keys[loc + (key,)] = (line, col)
                out[key] = self.build(value_node, loc + (key,))
            return out
        return None  # pragma: no cover

    @staticmethod
    def _scalar(node: yaml.ScalarNode) -> Any:
        value = node.value
        if node.style not in (None, "") or node.tag == "tag:yaml.org,2002:str":
            return value  # quoted, block, `!!str`, or plain text in YAML 1.1 too
        if value in _NULL:
            return None
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        if _INT.match(value):
            return int(value.replace("_", ""))
        if _FLOAT.match(value):
            number = float(value.replace("_", ""))
            return number if math.isfinite(number) else value  # 1e400: left as text, rejected later
        return value


def read_source(path: Path, display: str, code: str = "BSC001",
                what: str = "文件") -> tuple[str | None, list[Problem]]:
    """A source file's text (UTF-8, BOM allowed, size-capped), or a problem saying why not."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Mark(display).problem(code, f"无法读取{what}：{exc.strerror}")]
    if len(raw) > MAX_BYTES:
        return None, [Mark(display).problem(
            code, f"{what}过大（{len(raw) // 1024} KB，上限 {MAX_BYTES // 1024} KB）：请拆分或精简")]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Mark(display, line, 1).problem(
            code, f"{what}不是 UTF-8 编码（可能是 GBK）：请用 UTF-8 保存（在编辑器的“另存为”里选择 UTF-8）")]


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
    doc = YamlDoc(display, None)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at_end = exc.problem_mark is not None and not text[exc.problem_mark.index:].strip()
        if exc.context_mark is not None and ("end of stream" in (exc.problem or "") or at_end):
            mark = exc.context_mark  # an unclosed quote or bracket: show where it opened
        line = (mark.line + 1 if mark else 1) + line_offset
        col = mark.column + 1 if mark else 1
        what = (exc.problem or "").strip()
        context = f"（{exc.context.strip()}）" if exc.context else ""
        return None, [Mark(display, line, col).problem(
            "BSC001",
            f"YAML 语法错误：{what}{context}。请检查缩进是否对齐、冒号后是否有空格、引号和括号是否成对")]
    except yaml.YAMLError as exc:
        return None, [Mark(display, 1 + line_offset).problem("BSC001", f"YAML 语法错误：{exc}")]
    if node is None:
        doc.data = None
        return doc, []
    builder = _Builder(doc, line_offset)
    try:
        doc.data = builder.build(node, ())
    except _TooBig:
        return None, [Mark(display).problem(
            "BSC001", f"文件展开后超过 {MAX_NODES} 个值（可能是锚点/别名循环引用）：请去掉 `&` 锚点和 `*` 别名")]
    except RecursionError:
        return None, [Mark(display).problem(
            "BSC001", "文件嵌套太深或别名自我引用：请去掉 `&` 锚点和 `*` 别名")]
    return doc, builder.problems


__all__ = ["YamlDoc", "Loc", "load_yaml", "load_yaml_text", "Severity"]
