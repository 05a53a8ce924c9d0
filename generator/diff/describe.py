"""One change as one Chinese sentence: the text every output shows (Markdown, text, JSON and
the 修订记录 pages), so a reviewer and a reader see the same words.

    新增战略目标 S1「农民人均纯收入稳步增长」
    指标 M-S1-1「农民人均纯收入」的目标值（2009年）：5000 → 5200
    2009年度考核量表：考核指标 M-S1-1「农民人均纯收入」的权重：40 → 35
    改写已结束考核期的结果：2008年度，实际值 M-S1-1「农民人均纯收入」：4600 → 4700
"""
from __future__ import annotations

from ..model.vocab import ENTITY
from .changes import Change

#: before a change only the internal edition may show
INTERNAL_MARK = "【内部】"
#: before a target, threshold, weight or rule change in plain text
NOTICE_MARK = "【重点】"
#: between an old and a new value
ARROW = " → "
#: entities named by their period (`2008年度考核量表`), not by an id
_PERIODIC = frozenset({"scale", "results"})
#: what a results file reports: a value added to it is 填报 (reported), not a new entity
_REPORTED = frozenset({"actual", "bonus", "deduction", "veto", "results"})
#: entities that are the group itself: their fields read on their own (`使命：… → …`)
_SELF = frozenset({"unit", "city"})


def subject(c: Change) -> str:
    """What the change is about: `战略目标 S1「名称」`, `2008年度考核量表`, `考核办法`."""
    label = ENTITY.label("measure" if c.entity == "actual" else c.entity)
    if c.entity in _PERIODIC:
        return f"{c.name or c.ref}{label}"
    if c.entity == "link":
        return f"{label}{c.name}（{c.ref}）"
    if c.entity in _SELF and c.field:
        return ""
    if not c.ref:
        return label
    text = f"{label} {c.ref}" if c.ref else label
    return f"{text}「{c.name}」" if c.name and c.name != c.ref else text


def sentence(c: Change) -> str:
    """The change in one line, without edition or severity marks."""
    where = f"{c.where}：" if c.where and c.entity not in _PERIODIC else ""
    what = subject(c)
    if c.kind == "added" and c.entity in _REPORTED and c.field:
        text = f"填报{what}的{c.field}：{c.new}"
    elif c.kind in ("added", "removed"):
        verb, value = ("新增", c.new) if c.kind == "added" else ("删除", c.old)
        if c.field and not what:            # a part of the unit itself: 新增计分卡体系（…）
            what = c.field
        elif c.field and value:
            value = f"{c.field}：{value}"
        text = f"{verb}{what}" + (f"（{value}）" if value else "")
    elif c.kind == "renamed":
        label = ENTITY.label(c.entity)
        text = f"{label} {c.ref} 改名：「{c.old}」{ARROW}「{c.new}」"
    elif c.kind == "moved":
        text = f"{what}移动，{c.field}：{c.old}{ARROW}{c.new}"
    elif c.kind == "revised":
        return f"改写已结束考核期的结果：{c.where}，{_of(what)}{c.field}：{c.old}{ARROW}{c.new}"
    elif c.kind == "unreadable":
        return f"{c.ref}：{c.new}"
    elif c.old == c.new:
        text = f"{_of(what)}{c.field}仍为 {c.new}"
    else:
        text = f"{_of(what)}{c.field}：{c.old}{ARROW}{c.new}"
    return where + text


def _of(what: str) -> str:
    return f"{what}的" if what else ""


def marked(c: Change) -> str:
    """The sentence with the internal mark where it applies."""
    return (INTERNAL_MARK if c.internal else "") + sentence(c)
