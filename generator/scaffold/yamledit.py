"""Small edits to YAML text that keep everything else as written (comments, order, blank lines):
an item inserted into a block list, an entry added to a mapping. Positions come from PyYAML's
composer; the edited text is checked by the caller (`Plan.validate`) before anything is written.
"""
from __future__ import annotations

from typing import Iterator, Mapping

import yaml

from ..i18n import tr
from . import ScaffoldError

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


def compose(text: str, shown: str) -> yaml.Node:
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise ScaffoldError(tr("{path} 有 YAML 语法错误，无法自动修改：请先运行 bscportal check 修正（{error}）",
                               path=shown, error=exc)) from None
    if not isinstance(node, yaml.MappingNode):
        raise ScaffoldError(tr("{path} 的最外层不是 `键: 值` 的映射，无法自动修改", path=shown))
    return node


def child(node: yaml.Node, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v
    return None


def find(root: yaml.Node, path: list[str], shown: str) -> yaml.Node:
    node: yaml.Node | None = root
    for key in path:
        node = child(node, key) if node is not None else None
    if node is None:
        raise ScaffoldError(tr("{path} 里没有 {key}，无法自动修改", path=shown, key=".".join(path)))
    return node


def _descendants(node: yaml.Node) -> Iterator[yaml.Node]:
    yield node
    if isinstance(node, yaml.SequenceNode):
        for v in node.value:
            yield from _descendants(v)
    elif isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            yield from _descendants(k)
            yield from _descendants(v)


def last_line(node: yaml.Node) -> int:
    """The 0-based line of the last character that belongs to `node`."""
    line = node.start_mark.line
    for n in _descendants(node):
        if isinstance(n, yaml.ScalarNode) or getattr(n, "flow_style", False):
            end = n.end_mark
            line = max(line, end.line if end.column > 0 else end.line - 1)
    return line


class _Dumper(yaml.SafeDumper):
    """Indents a list inside a mapping (`rollout:` then `  - {…}`), as the example files do."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def plain(data: object) -> object:
    """Whole numbers as written by people (`40`, not `40.0`) and digit-only ids as numbers
    (`id: 2010`, read back as the id "2010"), inside lists and mappings too."""
    if isinstance(data, float) and data.is_integer():
        return int(data)
    if isinstance(data, str) and data.isdigit() and not data.startswith("0"):
        return int(data)
    if isinstance(data, dict):
        return {k: plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [plain(v) for v in data]
    return data


def dump_item(data: Mapping[str, object], indent: int) -> list[str]:
    """A mapping as one block-list item (`- key: value` …) at `indent` spaces."""
    text = yaml.dump(plain(dict(data)), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=10_000)
    lines = text.rstrip("\n").split("\n")
    pad = " " * indent
    return [pad + "- " + lines[0], *(pad + "  " + ln for ln in lines[1:])]


def insert_item(text: str, path: list[str], data: Mapping[str, object], position: int,
                shown: str) -> str:
    """`text` with `data` inserted into the block list at `path` before item `position`
    (`len(items)` or more: at the end)."""
    seq = find(compose(text, shown), path, shown)
    if not isinstance(seq, yaml.SequenceNode) or seq.flow_style or not seq.value:
        raise ScaffoldError(tr("{path} 的 {key} 不是每项一行的列表（- 开头），无法自动添加：请手工添加",
                               path=shown, key=".".join(path)))
    lines = text.split("\n")
    indent = seq.start_mark.column
    if position < len(seq.value):
        at = seq.value[position].start_mark.line
        # the item's own `- ` line (a mapping item starts after the dash on the same line)
        while at > 0 and not lines[at].lstrip().startswith("-"):
            at -= 1
    else:
        at = last_line(seq.value[-1]) + 1
    return "\n".join(lines[:at] + dump_item(data, indent) + lines[at:])


def add_entry(text: str, mapping: yaml.MappingNode, key: str, value_text: str) -> str:
    """`text` with `key: value_text` added at the end of `mapping` (flow `{…}` or block)."""
    if mapping.flow_style:
        close = mapping.end_mark.index - 1          # the `}`
        sep = ", " if mapping.value else ""
        return text[:close] + f"{sep}{key}: {value_text}" + text[close:]
    if not mapping.value:
        raise ScaffoldError(tr("空的映射无法自动添加条目"))
    lines = text.split("\n")
    indent = mapping.value[0][0].start_mark.column
    at = last_line(mapping) + 1
    return "\n".join(lines[:at] + [" " * indent + f"{key}: {value_text}"] + lines[at:])


def node_text(text: str, node: yaml.Node) -> str:
    """The text of a flow or scalar node as written."""
    return text[node.start_mark.index:node.end_mark.index]
