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
from ..problems import Problem, Severity
from ..scoring import cascade
from . import Context
from ._util import at

CODE = "BSC109"
NAME = "cascade-contradiction"
SEVERITY = Severity.ERROR


def _text(v: object) -> str:
    if isinstance(v, bool):
        return "是" if v else "否"
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
            keys = "；".join(f"{c.key}：{_text(c.own)}，上级 {_text(c.theirs)}" for c in group)
            field = "target" if isinstance(m, PersonalMeasure) and m.target is not None and not m.targets else "targets"
            yield at(ctx, m, field, code=CODE, unit=unit,
                     message=f"{_who(m, group[0])}的目标值与它分解自的指标 {up.id}（{up.name}）不同（{keys}）："
                             "不写目标值即沿用上级指标的；确实不同请在 override_reason 写明原因")
        for c in found:
            if c.what != "actual":
                continue
            results = unit.results[c.key]
            sub: tuple[str, ...] = (("actuals", c.measure.id) if c.person is None
                                    else ("people", c.person.id, "actuals", c.measure.id))
            yield at(ctx, results, *sub, code=CODE, unit=unit,
                     message=f"{_who(c.measure, c)}在 {c.key} 的实际值 {_text(c.own)} 与它分解自的指标 "
                             f"{c.source.id}（{c.source.name}）的 {_text(c.theirs)} 不同：删去这个实际值即沿用单位的，"
                             "确实不同请在指标上写 override_reason 说明原因")


def _who(m: Measure | PersonalMeasure, c: cascade.Contradiction) -> str:
    if c.person is not None:
        return f"{c.person.name}的个人指标 {m.id}（{m.name}）"
    return f"部门分卡指标 {m.id}（{m.name}）"
