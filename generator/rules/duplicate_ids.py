"""BSC101 duplicate id: every id must be unique where it is looked up.

Units in the registry; perspectives, themes, stages, kinds of the city; and inside a unit:
themes, objectives (unit card and sub-cards together), measures (likewise), action plans,
departments, posts, sub maps, periods, grades, difficulty classes, and the measures, bonus,
deduction and veto items of one scale.

FAIL::

    measures:
      - id: M1
        ...
      - id: M1      # the second M1: which one would a result belong to?

PASS: give the second measure its own id, e.g. `M2`.
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator

from ..model import Unit
from ..problems import Problem, Severity
from . import Context
from ._util import at

CODE = "BSC101"
NAME = "duplicate-id"
SEVERITY = Severity.ERROR


def _dups(ctx: Context, items: Iterable[Any], what: str, unit: Unit | None,
          attr: str = "id") -> Iterator[Problem]:
    seen: dict[str, Any] = {}
    for item in items:
        value = getattr(item, attr)
        if value in seen:
            first = ctx.locator.mark(seen[value], attr)
            yield at(ctx, item, attr, code=CODE, unit=unit,
                     message=f"{what}编号 `{value}` 重复（第 {first.line} 行"
                             f"{'' if first.path == ctx.locator.file_of(item) else '，' + first.path}"
                             f" 已经用过）：编号必须唯一，请换一个")
        else:
            seen[value] = item


def check(ctx: Context) -> Iterator[Problem]:
    info = ctx.city.info
    yield from _dups(ctx, ctx.city.registry.units, "单位", None)
    yield from _dups(ctx, info.perspectives, "层面", None)
    yield from _dups(ctx, info.themes, "市级战略主题", None)
    yield from _dups(ctx, info.stages, "推行阶段", None)
    yield from _dups(ctx, info.kinds, "单位类别", None)
    yield from _dups(ctx, info.rules.periods, "考核期", None)
    yield from _dups(ctx, info.rules.grades, "等次", None)
    yield from _dups(ctx, info.rules.difficulty, "岗位难度类别", None)
    yield from _dups(ctx, ctx.city.glossary.terms, "术语", None)
    for unit in ctx.units():
        yield from _dups(ctx, unit.themes, "战略主题", unit)
        if unit.info and unit.info.perspectives:
            yield from _dups(ctx, unit.info.perspectives, "层面", unit)
        yield from _dups(ctx, unit.all_objectives, "目标", unit)
        yield from _dups(ctx, unit.all_measures, "指标", unit)
        yield from _dups(ctx, unit.actions, "行动方案", unit)
        yield from _dups(ctx, unit.departments, "部门", unit)
        yield from _dups(ctx, unit.posts, "岗位", unit)
        yield from _dups(ctx, unit.maps, "分战略地图", unit)
        if unit.own_rules:
            yield from _dups(ctx, unit.own_rules.periods, "考核期", unit)
            yield from _dups(ctx, unit.own_rules.grades, "等次", unit)
            yield from _dups(ctx, unit.own_rules.difficulty, "岗位难度类别", unit)
        for person in unit.people:
            yield from _dups(ctx, person.measures, "个人指标", unit)
            yield from _dups(ctx, person.posts, "所任岗位", unit, attr="post")
        for scale in unit.scales.values():
            yield from _dups(ctx, scale.items, "考核量表中的指标", unit, attr="measure")
            yield from _dups(ctx, list(scale.bonus) + list(scale.deductions) + list(scale.veto),
                             "加分/扣分/否决项", unit)
