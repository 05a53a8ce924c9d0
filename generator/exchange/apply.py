"""Edits to YAML files in place, keeping comments, key order and the formatting of every part
that is not edited (ruamel.yaml round trip).

ruamel.yaml writes the example files back byte for byte when configured as below (block
sequences indented by two, `null` written as `null`); where a file still comes back different
(an empty value written as nothing, say), only the lines the edits touched are taken from
ruamel's output and every other line stays as it was on disk.
"""
from __future__ import annotations

import difflib
import io
from dataclasses import dataclass
from typing import Iterable, Sequence

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken

from ..model import TargetRange
from .cells import Value, number
from .layout import Loc, Place

YamlValue = object


@dataclass(frozen=True)
class Edit:
    """Set `place` to `value` (a typed value, or a ready YAML node), or remove it."""

    place: Place
    value: Value | CommentedMap = None
    remove: bool = False
    #: an end-of-line comment for a key the edit adds (`# 农民人均纯收入（元）`)
    comment: str | None = None


def _null(rep: RoundTripRepresenter, data: None) -> object:
    return rep.represent_scalar("tag:yaml.org,2002:null", "null")


def _yaml() -> YAML:
    y = YAML()
    y.Representer.add_representer(type(None), _null)
    y.preserve_quotes = True
    y.width = 4096
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def _dump(y: YAML, doc: object) -> str:
    buf = io.StringIO()
    y.dump(doc, buf)
    return buf.getvalue()


def to_yaml(value: Value | CommentedMap) -> YamlValue:
    """A typed value as a YAML node: 75 not 75.0, a range and an id list in flow style."""
    if isinstance(value, TargetRange):
        m = CommentedMap([("min", number(value.min)), ("max", number(value.max))])
        m.fa.set_flow_style()
        return m
    if isinstance(value, tuple):
        s = CommentedSeq(value)
        s.fa.set_flow_style()
        return s
    if isinstance(value, float):
        return number(value)
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    return value


def yaml_key(key: str) -> str | int:
    """A new key as the files write it: period keys such as 2010 unquoted."""
    return int(key) if key.isdigit() and not key.startswith("0") else key


def _find(node: object, k: str | int) -> tuple[bool, object, object]:
    """(found, actual key, child) in a mapping (keys compared as text) or a sequence."""
    if isinstance(node, CommentedMap):
        for key in node:
            if str(key) == str(k):
                return True, key, node[key]
    elif isinstance(node, CommentedSeq) and isinstance(k, int) and 0 <= k < len(node):
        return True, k, node[k]
    return False, None, None


def _scalar_text(value: YamlValue) -> str:
    if isinstance(value, (CommentedMap, CommentedSeq)):
        return ""
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    return str(value)


def _insert(mapping: CommentedMap, key: str, value: YamlValue, order: Sequence[str],
            comment: str | None = None, indent: int = 0) -> None:
    """Add `key` after the last present key that comes before it in `order` (else at the end).
    Comment lines that followed the entry it goes after (a heading of the next section) stay
    below the new entry."""
    pos = len(mapping)
    if key in order:
        before = set(order[:order.index(key)])
        present = [i for i, k in enumerate(mapping) if str(k) in before]
        pos = present[-1] + 1 if present else 0
    moved = _split_trailing_comment(mapping, list(mapping)[pos - 1]) if pos else None
    k = yaml_key(key)
    mapping.insert(pos, k, value)
    if comment:
        # three spaces after the value, as the example files write it
        text = _scalar_text(value)
        column = indent + len(str(k)) + 1 + (1 + len(text) if text else 0) + 3
        mapping.yaml_add_eol_comment("# " + comment, k, column=column)
    if moved is not None:
        _comment_after(mapping, k, *moved)


def _split_trailing_comment(mapping: CommentedMap | CommentedSeq, prev: object) -> tuple[str, object] | None:
    """Cut the comment lines after `prev`'s own end-of-line comment (for a nested mapping or
    list: after its last entry's); returns them."""
    child = mapping[prev]
    if isinstance(child, (CommentedMap, CommentedSeq)) and len(child):
        return _split_trailing_comment(child, len(child) - 1 if isinstance(child, CommentedSeq) else list(child)[-1])
    entry = mapping.ca.items.get(prev)
    if not entry or len(entry) < 3 or entry[2] is None:
        return None
    token = entry[2]
    first, sep, rest = token.value.partition("\n")
    if not rest.strip():
        return None
    token.value = first + sep
    return rest, token.start_mark


def _comment_after(node: CommentedMap | CommentedSeq, key: object, text: str, mark: object) -> None:
    """Put comment lines `text` after the entry `key` (after its own end-of-line comment; for a
    block mapping or list, after its last entry)."""
    child = node[key]
    if isinstance(child, (CommentedMap, CommentedSeq)) and len(child) and not child.fa.flow_style():
        _comment_after(child, len(child) - 1 if isinstance(child, CommentedSeq) else list(child)[-1], text, mark)
        return
    entry = node.ca.items.setdefault(key, [None, None, None, None])
    if entry[2] is not None:
        entry[2].value = entry[2].value.rstrip("\n") + "\n" + text
    else:
        entry[2] = CommentToken("\n" + text, mark, None)


def _set(doc: CommentedMap, edit: Edit) -> None:
    node: object = doc
    loc: Loc = edit.place.loc
    for i, k in enumerate(loc):
        found, _, child = _find(node, k)
        if not found or child is None:
            if edit.remove:
                return
            if not isinstance(node, CommentedMap) or not isinstance(k, str):
                raise KeyError(f"{loc}: {k}")
            child = CommentedMap()
            parent_order = edit.place.parent_order if i == len(loc) - 1 else ()
            if found:
                node[_find(node, k)[1]] = child
            else:
                _insert(node, k, child, parent_order)
        node = child
    if not isinstance(node, CommentedMap):
        raise KeyError(f"{loc} is not a mapping")
    found, key, old = _find(node, edit.place.key)
    if edit.remove:
        if found:
            _delete(node, key)
            _prune(doc, loc)
        return
    new = to_yaml(edit.value) if not isinstance(edit.value, CommentedMap) else edit.value
    if isinstance(old, (FoldedScalarString, LiteralScalarString)) and isinstance(new, str):
        new = type(old)(new)
    if found:
        node[key] = new
    else:
        _insert(node, edit.place.key, new, edit.place.order, edit.comment, indent=2 * len(loc))


def _delete(mapping: CommentedMap, key: object) -> None:
    """Delete `key`; comment lines after it (the next section's heading) move to the entry
    before it, so they are not lost with it."""
    keys = list(mapping)
    moved = _split_trailing_comment(mapping, key)
    del mapping[key]
    i = keys.index(key)
    if moved is None or i == 0:
        return
    _comment_after(mapping, keys[i - 1], *moved)


def _prune(doc: CommentedMap, loc: Loc) -> None:
    """Remove mappings that a removal left empty (a baseline without period and value)."""
    while loc:
        node: object = doc
        for k in loc:
            node = _find(node, k)[2]
        if not isinstance(node, CommentedMap) or len(node):
            return
        parent: object = doc
        for k in loc[:-1]:
            parent = _find(parent, k)[2]
        if isinstance(parent, CommentedMap):
            _delete(parent, _find(parent, loc[-1])[1])
        loc = loc[:-1]


def _patch(original: str, base: str, new: str) -> str:
    """`new`, but with every line that ruamel only reformatted taken from `original`."""
    if base == original:
        return new
    orig, old, lines = original.splitlines(True), base.splitlines(True), new.splitlines(True)
    if len(orig) != len(old):
        return new
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, lines, autojunk=False).get_opcodes():
        out += orig[i1:i2] if op == "equal" else lines[j1:j2]
    return "".join(out)


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """The file's text with `edits` made; untouched lines stay byte for byte."""
    y = _yaml()
    doc = y.load(text)
    if doc is None:
        doc = CommentedMap()
    base = _dump(y, doc) if text.strip() else ""
    for edit in edits:
        _set(doc, edit)
    return _patch(text, base, _dump(y, doc)) if text.strip() else _dump(y, doc)
