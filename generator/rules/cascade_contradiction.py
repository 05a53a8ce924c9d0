"""BSC109 a cascaded measure's target or actual contradicts the measure it derives from.

A department measure (`departments.yml`) or a personal measure (`people/<id>.yml`) may name
the unit measure it derives from (`derives_from`): then it takes that measure's target and
actual, and writes neither. A value written anyway that differs from the source's, without an
`override_reason` saying why, is a contradiction: the portal would show two figures for one
indicator (e.g. a 群众满意度 of 87.5 on the party secretary's card against the township's 84.5).

FAIL::

    # people/jin-chengzhe.yml
    - id: jcz-1
      name: 全乡群众满意度
      derives_from: M-C1-1
    # results/2009.yml: M-C1-1: 84.5 for the unit, and for the person
    people:
      jin-chengzhe:
        actuals: {jcz-1: 87.5}

PASS: leave `jcz-1` out of the person's actuals (it takes 84.5), write the same figure, or give
the measure an `override_reason` (e.g. “只统计本人包片的3个村”).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from ..model import Measure, PersonalMeasure, TargetRange
from ..i18n import record_sep, tr, tr_p
from ..problems import Problem, Severity
from ..scoring import cascade
from . import Context
from ._util import at

CODE = "BSC109"
NAME = "cascade-contradiction"
SEVERITY = Severity.ERROR


def _text(v: object) -> str:
    if isinstance(v, bool):
        return tr_p("yes or no", "是") if v else tr_p("yes or no", "否")
    if isinstance(v, (int, float)):
        return f"{v:g}"
    if isinstance(v, TargetRange):
        return f"{v.min:g}–{v.max:g}"
    return str(v)


def check(ctx: Context) -> Iterator[Problem]:
    for unit in ctx.units():
        found = cascade.contradictions(unit)
        targets: dict[int, list[cascade.Contradiction]] = defaultdict(list)
        for c in found:
            if c.what == "target":
                targets[id(c.measure)].append(c)
        for group in targets.values():
            m, up = group[0].measure, group[0].source
            keys = record_sep().join(tr("{period}：{own}，上级 {theirs}", period=c.key, own=_text(c.own),
                                        theirs=_text(c.theirs)) for c in group)
            field = "target" if isinstance(m, PersonalMeasure) and m.target is not None and not m.targets else "targets"
            yield at(ctx, m, field, code=CODE, unit=unit,
                     message=tr("{who}的目标值与它分解自的指标 {id}（{name}）不同（{values}）："
                                "不写目标值即沿用上级指标的；确实不同请在 override_reason 写明原因",
                                who=_who(m, group[0]), id=up.id, name=up.name, values=keys))
        for c in found:
            if c.what != "actual":
                continue
            results = unit.results[c.key]
            sub: tuple[str, ...] = (("actuals", c.measure.id) if c.person is None
                                    else ("people", c.person.id, "actuals", c.measure.id))
            yield at(ctx, results, *sub, code=CODE, unit=unit,
                     message=tr("{who}在 {period} 的实际值 {own} 与它分解自的指标 {id}（{name}）的 {theirs} 不同："
                                "删去这个实际值即沿用单位的，确实不同请在指标上写 override_reason 说明原因",
                                who=_who(c.measure, c), period=c.key, own=_text(c.own),
                                id=c.source.id, name=c.source.name, theirs=_text(c.theirs)))


def _who(m: Measure | PersonalMeasure, c: cascade.Contradiction) -> str:
    if c.person is not None:
        return tr("{person}的个人指标 {id}（{name}）", person=c.person.name, id=m.id, name=m.name)
    return tr("部门分卡指标 {id}（{name}）", id=m.id, name=m.name)
