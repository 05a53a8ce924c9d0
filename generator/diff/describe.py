"""One change as one Chinese sentence: the text every output shows (Markdown, text, JSON and
the 修订记录 pages), so a reviewer and a reader see the same words.

    新增战略目标 S1「农民人均纯收入稳步增长」
    指标 M-S1-1「农民人均纯收入」的目标值（2009年）：5000 → 5200
    2009年度考核量表：考核指标 M-S1-1「农民人均纯收入」的权重：40 → 35
    改写已结束考核期的结果：2008年度，实际值 M-S1-1「农民人均纯收入」：4600 → 4700
"""
from __future__ import annotations

from ..i18n import N_, colon, paren, tr, tr_p
from ..model.vocab import ENTITY
from .changes import Change

#: before a change only the internal edition may show (translated where shown: `internal_mark`)
INTERNAL_MARK = N_("【内部】")
#: before a target, threshold, weight or rule change in plain text (`notice_mark`)
NOTICE_MARK = N_("【重点】")
#: between an old and a new value
ARROW = " → "
#: entities named by their period (`2008年度考核量表`), not by an id
_PERIODIC = frozenset({"scale", "results"})
#: what a results file reports: a value added to it is 填报 (reported), not a new entity
_REPORTED = frozenset({"actual", "bonus", "deduction", "veto", "results"})
#: entities that are the group itself: their fields read on their own (`使命：… → …`)
_SELF = frozenset({"unit", "city"})


def internal_mark() -> str:
    return tr(INTERNAL_MARK)


def notice_mark() -> str:
    return tr(NOTICE_MARK)


def quoted(name: str) -> str:
    """A name quoted after its id: `「名称」`."""
    return tr_p("quoted name", "「{name}」", name=name)


def subject(c: Change) -> str:
    """What the change is about: `战略目标 S1「名称」`, `2008年度考核量表`, `考核办法`."""
    label = ENTITY.label("measure" if c.entity == "actual" else c.entity)
    if c.entity in _PERIODIC:
        return tr_p("a period's scale or results", "{period}{label}", period=c.name or c.ref, label=label)
    if c.entity == "link":
        return tr_p("a cause-and-effect link", "{label}{name}", label=label, name=c.name) + paren(c.ref)
    if c.entity in _SELF and c.field:
        return ""
    if not c.ref:
        return label
    text = f"{label} {c.ref}" if c.ref else label
    return tr_p("an entity with its name", "{subject}「{name}」", subject=text, name=c.name) \
        if c.name and c.name != c.ref else text


def sentence(c: Change) -> str:
    """The change in one line, without edition or severity marks."""
    where = c.where + colon() if c.where and c.entity not in _PERIODIC else ""
    what = subject(c)
    if c.kind == "added" and c.entity in _REPORTED and c.field:
        text = tr("填报{what}的{field}：{value}", what=what, field=c.field, value=c.new)
    elif c.kind in ("added", "removed"):
        value = c.new if c.kind == "added" else c.old
        if c.field and not what:            # a part of the unit itself: 新增计分卡体系（…）
            what = c.field
        elif c.field and value:
            value = c.field + colon() + value
        text = (tr("新增{what}", what=what) if c.kind == "added" else tr("删除{what}", what=what)) \
            + (paren(value) if value else "")
    elif c.kind == "renamed":
        label = ENTITY.label(c.entity)
        text = tr("{label} {ref} 改名：「{old}」{arrow}「{new}」", label=label, ref=c.ref, old=c.old,
                  arrow=ARROW, new=c.new)
    elif c.kind == "moved":
        text = tr("{what}移动，{field}：{old}{arrow}{new}", what=what, field=c.field, old=c.old,
                  arrow=ARROW, new=c.new)
    elif c.kind == "revised":
        return tr("改写已结束考核期的结果：{period}，{field}：{old}{arrow}{new}", period=c.where,
                  field=_field_of(what, c.field), old=c.old, arrow=ARROW, new=c.new)
    elif c.kind == "unreadable":
        return f"{c.ref}{colon()}{c.new}"
    elif c.old == c.new:
        text = tr("{field}仍为 {value}", field=_field_of(what, c.field), value=c.new)
    else:
        text = f"{_field_of(what, c.field)}{colon()}{c.old}{ARROW}{c.new}"
    return where + text


def _field_of(what: str, field: str) -> str:
    """`field` of `what` (`指标 M1「名称」的目标值`); the field alone when there is no subject."""
    return tr("{what}的{field}", what=what, field=field) if what else field


def marked(c: Change) -> str:
    """The sentence with the internal mark where it applies."""
    return (internal_mark() if c.internal else "") + sentence(c)
